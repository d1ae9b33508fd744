"""The same inputs give byte-identical outputs, whatever Python's hash seed."""

from __future__ import annotations


def test_two_builds_are_byte_identical(cli, tmp_path):
    for seed in ("1", "2"):
        result = cli("build", "--quiet", "--out", str(tmp_path / seed), env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
    for name in ("battery-kg.trig", "battery-kg.ttl", "battery-kg.jsonld", "manifest.json"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def test_outputs_hold_the_same_graph_in_every_syntax(seed_output):
    from rdflib import Dataset, Graph
    from rdflib.compare import isomorphic

    trig = Dataset()
    trig.parse(seed_output.trig, format="trig")
    jsonld = Dataset()
    jsonld.parse(seed_output.jsonld, format="json-ld")
    union_from_trig = Graph()
    for s, p, o, _g in trig.quads((None, None, None, None)):
        union_from_trig.add((s, p, o))
    turtle = Graph().parse(seed_output.turtle, format="turtle")
    assert isomorphic(union_from_trig, turtle)
    named = {str(g.identifier) for g in trig.graphs() if len(g)}
    named_jsonld = {str(g.identifier) for g in jsonld.graphs() if len(g)}
    assert named <= named_jsonld | {"urn:x-rdflib:default"}
    assert sum(len(g) for g in trig.graphs()) == sum(len(g) for g in jsonld.graphs())


def test_outputs_are_readable_like_any_new_file(seed_output):
    """Written aside and renamed, the outputs still get the usual permissions (the umask's), not owner-only."""
    import os

    mask = os.umask(0)
    os.umask(mask)
    for path in (seed_output.trig, seed_output.turtle, seed_output.jsonld, seed_output.manifest):
        assert path.stat().st_mode & 0o777 == 0o666 & ~mask, path.name
    assert seed_output.store.stat().st_mode & 0o777 == 0o777 & ~mask
