"""Hostile inputs, through the command line: each has a clear outcome, and nothing in the data folder is lost.

An unreadable file stops the run with exit code 2 and a message naming it, before anything is written; hostile
text inside a readable article (markup, script, quotes, backslashes) is data, kept as text and escaped
wherever it is written or shown.
"""

import json

import pytest

from graph.build import build
from graph.cli import main
from graph.ingest.reader import read_article

from .test_ingest_cli import snapshot

STORY = "Alpha Energy Co., Ltd. teamed up with Beta Power Co., Ltd. in Leshan on Sunday."


def write_bytes(path, data):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty"),
    ("blank.md", b" \n\t\n", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("latin1.txt", "Alpha Energy s'est install\u00e9e \u00e0 Leshan.".encode("latin-1"), "not UTF-8"),
    ("huge.txt", (STORY + "\n").encode() * (5_000_000 // len(STORY)), "limit"),
    ("scripts-only.html", b"<html><body><script>document.write('Alpha Energy Co., Ltd.')</script>"
                          b"<nav><a href='/'>Home</a></nav></body></html>", "no article text"),
])
def test_an_unreadable_article_exits_2_names_the_file_and_writes_nothing(data_copy, tmp_path, capsys, name, content,
                                                                          message):
    path = write_bytes(tmp_path / name, content)
    before = snapshot(data_copy.root)
    assert main(["ingest", str(path), "--data", str(data_copy.root)]) == 2
    err = capsys.readouterr().err
    assert name in err and message in err
    assert snapshot(data_copy.root) == before


def test_a_5_mb_file_is_refused_without_being_extracted(data_copy, tmp_path, capsys, monkeypatch):
    from graph.ingest import extractor

    monkeypatch.setattr(extractor.Extractor, "extract", lambda *a, **k: pytest.fail("extracted a refused file"))
    path = write_bytes(tmp_path / "huge.txt", b"x" * 5_000_000)
    assert main(["ingest", str(path), "--dry-run", "--data", str(data_copy.root)]) == 2


def test_hostile_text_in_a_story_is_kept_as_text_and_escaped_everywhere(data_copy, tmp_path, capsys):
    page = tmp_path / "hostile.html"
    page.write_text(
        "<html><head><meta property='article:published_time' content='2031-03-14'>"
        "<script>window.steal = document.cookie;</script></head><body><article>"
        "<p>Alpha Energy Co., Ltd. teamed up with Beta Power Co., Ltd., \"the &lt;script&gt;alert('x')"
        "&lt;/script&gt; of storage\", said a \\\"quoted\\\" note in Leshan.</p>"
        "<script>alert('inline')</script><p>Beta Power Co., Ltd. is a Leshan-based maker of cells.</p>"
        "</article></body></html>", encoding="utf-8")
    text = read_article(page).text
    assert "document.cookie" not in text and "alert('inline')" not in text
    assert "<script>alert('x')</script>" in text  # escaped markup in the story is the story's words

    assert main(["ingest", str(page), "--data", str(data_copy.root)]) == 0
    [source] = data_copy.sources.glob("hostile_*.txt")
    assert source.read_text(encoding="utf-8").rstrip("\n") == text
    assert main(["review", "--data", str(data_copy.root)]) == 0
    assert "<script>alert('x')</script>" in capsys.readouterr().out
    assert main(["ingest", str(page), "--dry-run", "--format", "json", "--data", str(data_copy.root)]) == 0
    sentences = [r["sentence"] for r in json.loads(capsys.readouterr().out)["relations"]]
    assert any("<script>alert('x')</script>" in s for s in sentences)
    # the candidates parse back with their quotes intact, and the graph builds with them
    assert build(data_copy, tmp_path / "out").conforms
    assert main(["accept", "--article", source.stem, "--data", str(data_copy.root)]) == 0
    assert build(data_copy, tmp_path / "out2").conforms
