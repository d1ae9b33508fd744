"""Reading articles: text, Markdown and HTML with page furniture dropped; hostile files refused clearly."""

import pytest

from graph.errors import ParseError
from graph.ingest.reader import MAX_CHARS, read_article


def test_html_keeps_the_story_and_its_meta_tags_and_drops_scripts_navigation_and_footers(example_article):
    article = read_article(example_article)
    assert article.metadata["datePublished"] == "2031-03-14"
    assert article.metadata["publisher"] == "Example Newswire (tutorial)"
    assert "4.5 billion yuan" in article.text
    for furniture in ("analytics", "Home | News", "Related articles", "Share", "Disclaimer", "font-size"):
        assert furniture not in article.text


def test_markdown_front_matter_gives_the_metadata(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: A story\npublisher: Someone\ndate: 2024-05-01\n---\n# A story\n\n**Bold** news.\n")
    article = read_article(path)
    assert article.metadata == {"headline": "A story", "publisher": "Someone", "datePublished": "2024-05-01"}
    assert article.text == "A story\n\nBold news."


def test_plain_text_drops_disclaimers_and_related_articles(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("The story.\nLegal Disclaimer:\nWe are not liable.\n")
    assert read_article(path).text == "The story."


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("caf\u00e9 news".encode("latin-1"), "not UTF-8"),
])
def test_hostile_files_are_refused_with_the_file_named(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ParseError, match=message) as info:
        read_article(path)
    assert str(path) in str(info.value)


def test_a_huge_text_is_refused_not_processed(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Battery news. " * (5_000_000 // 14))
    with pytest.raises(ParseError, match="limit"):
        read_article(path)
    assert path.stat().st_size > MAX_CHARS


def test_html_that_is_only_scripts_has_no_article(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><script>alert('CATL')</script><nav>Home</nav></body></html>")
    with pytest.raises(ParseError, match="no article text"):
        read_article(path)


def test_an_html_title_loses_the_site_name(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>Plant opens in Leshan | Example Daily</title></head>"
                    "<body><h1>Plant opens in Leshan</h1><p>The plant opened.</p></body></html>")
    assert read_article(path).metadata["headline"] == "Plant opens in Leshan"
