"""The embedded store: a named graph added later (the analysis) joins the union, and replacing it takes out of
the default graph only what no other graph holds."""

from __future__ import annotations

import pyoxigraph as ox

from graph.store import EmbeddedStore

SHARED = b'<https://x/a> <https://x/p> "shared" .\n'
OLD = b'<https://x/a> <https://x/p> "old" .\n'
NEW = b'<https://x/a> <https://x/p> "new" .\n'


def _objects(store: EmbeddedStore, graph=ox.DefaultGraph()) -> set[str]:
    return {q.object.value for q in store.oxigraph.quads_for_pattern(None, None, None, graph)}


def test_replacing_a_graph_keeps_what_another_graph_holds(tmp_path):
    store = EmbeddedStore.create(tmp_path / "store")
    store.load_nquads(SHARED.replace(b" .\n", b" <https://x/facts> .\n") + SHARED)  # a build: named + union
    store.add_graph("https://x/analysis", SHARED + OLD, replace=False)
    assert _objects(store) == {"shared", "old"}
    store.add_graph("https://x/analysis", NEW, replace=True)
    assert _objects(store) == {"shared", "new"}
    assert _objects(store, ox.NamedNode("https://x/analysis")) == {"new"}
    assert _objects(store, ox.NamedNode("https://x/facts")) == {"shared"}


def test_replacing_with_nothing_empties_the_graph(tmp_path):
    store = EmbeddedStore.create(tmp_path / "store")
    store.add_graph("https://x/analysis", OLD, replace=False)
    store.add_graph("https://x/analysis", b"", replace=True)
    assert _objects(store) == set() and len(store) == 0


def test_replacing_keeps_what_stays_and_a_triple_written_another_way():
    import tempfile
    from pathlib import Path

    store = EmbeddedStore.create(Path(tempfile.mkdtemp()) / "store")
    stays = b'<https://x/a> <https://x/p> "stays" .\n'
    spelt = b'<https://x/a> <https://x/p> "spelt" .\n'
    store.add_graph("https://x/analysis", OLD + stays + spelt, replace=True)
    respelt = b'<https://x/a> <https://x/p> "spelt"^^<http://www.w3.org/2001/XMLSchema#string> .\n'
    store.add_graph("https://x/analysis", stays + respelt + NEW, replace=True)
    expected = {"stays", "spelt", "new"}
    assert _objects(store) == expected == _objects(store, ox.NamedNode("https://x/analysis"))
    assert len(store) == 6  # each in the named graph and in the default graph
