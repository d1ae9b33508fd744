"""BENCHMARKS.md after a partial run (``BENCH_ONLY=views make bench``): the sections measured replace theirs,
each saying how and when it was measured, and every other section stays as it was."""

from __future__ import annotations

from pathlib import Path

from benchmarks.__main__ import merged

REPO = Path(__file__).resolve().parents[2]


def test_a_partial_run_replaces_its_sections_and_keeps_the_others():
    shipped = (REPO / "BENCHMARKS.md").read_text(encoding="utf-8")
    fresh = "# Benchmarks\n\nnew header\n\n## views\n\nAbout views.\n\n| scale |\n|---|\n| 1k |\n\n## Notes\n\nnew\n"
    text = merged(shipped, fresh, ["views"], "Measured on its own.")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [line for line in shipped.splitlines() if line.startswith("## ")]
    views = text.split("\n## views\n", 1)[1].split("\n## ", 1)[0]
    assert views.strip().split("\n\n") == ["About views.", "Measured on its own.", "| scale |\n|---|\n| 1k |"]
    for other in ("build", "store", "queries", "analysis"):
        part = f"\n## {other}\n"
        assert shipped.split(part, 1)[1].split("\n## ", 1)[0] == text.split(part, 1)[1].split("\n## ", 1)[0]
    assert "new header" not in text


def test_a_file_merged_with_itself_is_unchanged():
    shipped = (REPO / "BENCHMARKS.md").read_text(encoding="utf-8")
    assert merged(shipped, shipped, ["views", "cli"], "") == shipped
