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
    assert article.metadata == {"headline": "A story", "publisher": "Someone", "datePublished": "2024-05-01",
                                "language": "en"}  # detected (graph.ingest.language)
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


def test_menus_and_teasers_that_are_mostly_links_are_dropped(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><div class='topNav'><ul><li><a href='/'>Home</a></li><li><a href='/c'>China</a></li>"
        "<li><a href='/w'>World</a></li></ul></div>"
        "<div id='Content'><p>Alpha Energy opened a plant in <a href='/leshan'>Leshan</a> with 300 workers, "
        "the company said on Monday in a statement to reporters and investors.</p></div>"
        "<div class='rgt'><h3>Top News</h3><ul><li><a href='/a'>Omega signs 9 billion yuan deal</a> "
        "<span>2031-06-11</span></li><li><a href='/b'>Beta plant opens in Xi'an</a> <span>2031-06-10</span></li>"
        "</ul></div><div class='foot'><p>Copyright 1995 - 2031. All rights reserved.</p></div></body></html>")
    text = read_article(path).text
    assert "Alpha Energy opened a plant in Leshan" in text
    for furniture in ("Home", "World", "Top News", "9 billion", "2031-06-11", "Copyright"):
        assert furniture not in text


def test_the_date_a_page_states_when_no_meta_tag_gives_it(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><h1>A plant opens</h1><div class='info'><span>By ZHOU LAN | Example Daily | "
                    "Updated: 2031-06-12 09:41</span></div><p>The plant opened.</p></body></html>")
    assert read_article(path).metadata["datePublished"] == "2031-06-12"


def test_portal_meta_tags_are_read_whatever_their_case(tmp_path):
    path = tmp_path / "page.html"
    path.write_text('<html><head><meta name="ArticleTitle" content="Plan issued"><meta name="PubDate" '
                    'content="2031-08-15 10:22"></head><body><p>The plan was issued.</p></body></html>')
    assert read_article(path).metadata == {"headline": "Plan issued", "datePublished": "2031-08-15", "language": "en"}


def test_a_wire_dateline_gives_the_date_of_a_plain_text_release(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text("Omega signs deal\n\nLESHAN, China, May 20, 2031 (GLOBE NEWSWIRE) -- Omega Inc. signed.\n")
    assert read_article(path).metadata["datePublished"] == "2031-05-20"


@pytest.mark.parametrize("furniture", [
    "Current Location: Home > News > Latest News", "Home / Business / Companies", "[Print] [Close]"])
def test_breadcrumbs_and_print_links_are_dropped(tmp_path, furniture):
    path = tmp_path / "story.txt"
    path.write_text(f"{furniture}\n\nThe story.\n")
    assert read_article(path).text == "The story."


@pytest.mark.parametrize("closing", ["Forward-Looking Statements", "Media Contact", "Sponsored by: Some Office"])
def test_a_release_ends_where_its_legal_and_contact_sections_begin(tmp_path, closing):
    path = tmp_path / "release.txt"
    path.write_text(f"Omega Inc. signed a deal.\n\n{closing}\nThis release contains statements of 1995.\n")
    assert read_article(path).text == "Omega Inc. signed a deal."


def test_markdown_comments_are_not_text(tmp_path):
    path = tmp_path / "post.md"
    path.write_text("<!-- a note\nto the editor -->\nThe story.\n")
    assert read_article(path).text == "The story."
