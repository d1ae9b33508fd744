"""Issue 13, item 22: a build leaves the store no bigger than a fresh load of the same graph would be.

Oxigraph's bulk loader writes compact files; RocksDB's compactions, which any later write to the store sets off,
rewrite them bigger (at 1M triples: about 331 MiB after a full build, 415 MiB after adding one article
incrementally, 456 MiB after two more; BENCHMARKS.md, section store_size). Here the store is made bigger by
writing to it (quads added and removed stay in its files until a compaction), then an article is added."""

from __future__ import annotations

import pyoxigraph as ox

from benchmarks.bench_build import add_article


def _data_bytes(store_folder) -> int:
    return sum(p.stat().st_size for p in store_folder.glob("*.sst"))


def test_an_incremental_build_leaves_the_store_no_bigger_than_a_fresh_load(large_path, editable, tmp_path):
    data, out = editable
    fresh_before = _data_bytes(out.store)
    store = ox.Store(str(out.store))  # written to, as a build writes: what was added and removed stays on disk
    junk = ox.NamedNode("https://example.org/written-and-removed")
    quads = [ox.Quad(ox.NamedNode(f"https://example.org/s{i}"), junk, ox.Literal(f"value {i}"), junk)
             for i in range(20_000)]
    store.extend(quads)
    store.flush()
    for quad in quads:
        store.remove(quad)
    store.flush()
    del store
    assert _data_bytes(out.store) > fresh_before * 1.05
    add_article(data.root)
    report = large_path.build(data, out)
    assert report.changed_sources == ["bench-new-article"]  # still an incremental build
    reference = tmp_path / "reference"
    large_path.build(data, reference, incremental=False)
    assert _data_bytes(out.store) <= _data_bytes(reference / "store") * 1.005
    again = large_path.build(data, reference, incremental=False)
    assert again.triples == report.triples


def test_a_store_that_did_not_grow_is_kept_as_the_incremental_build_changed_it(large_path, editable, tmp_path):
    data, out = editable
    add_article(data.root)
    report = large_path.build(data, out)
    assert report.changed_sources == ["bench-new-article"] and "reload store" not in report.seconds
