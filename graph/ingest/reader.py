"""Read an article file (plain text, Markdown or HTML) into its text and metadata, boilerplate dropped.

Navigation, teasers of other articles ("Related articles", "Previous article"), share and comment widgets
and legal disclaimers are dropped; what remains is the story.

>>> article = read_article_text("Title line\\n\\nThe story.\\n\\nRelated articles\\nOther story", "a.txt")
>>> article.text
'Title line\\n\\nThe story.'
>>> read_article_text("---\\ntitle: Hello\\ndate: 2024-05-01\\n---\\nBody.", "b.md").metadata
{'headline': 'Hello', 'datePublished': '2024-05-01'}
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ParseError
from .gazetteer import slugify

__all__ = ["RawArticle", "read_article", "read_article_text", "clean_text", "unwrap", "is_source_of", "source_id_stem",
           "ARTICLE_SUFFIXES", "MAX_CHARS"]

#: File endings read as articles when a folder is ingested.
ARTICLE_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                    ".html": "html", ".htm": "html", ".xhtml": "html"}

#: The longest article text accepted (characters); news stories are far shorter.
MAX_CHARS = 1_000_000

# A line that ends the story: what follows is the page around it.
_STOP_LINES = re.compile(
    r"^\s*(?:related (?:articles|news|stories|posts)|recommended(?: for you)?|read more|more news|"
    r"you may also like|legal disclaimer:?|disclaimer:?|previous article|next article|"
    r"copyright ©.*|copyright (?:\(c\) ?)?\d{4}.*|© ?\d{4}.*|all rights reserved.*|comments?|"
    r"share this(?: article)?:?|retrieve password|tags?:.*|"
    r"forward[- ]looking statements?|safe harbou?r statement|cautionary (?:note|statement).*|"
    r"(?:media|press|investor) (?:contacts?|enquiries|inquiries):?|investor relations:?|"
    r"(?:sponsored|undertaken|maintained|hosted) by ?[:\uff1a].*)\s*$", re.IGNORECASE)
# Lines dropped wherever they stand: widgets, reading times, bare navigation words.
_DROP_LINES = re.compile(
    r"^\s*(?:share|collect|print|email|tweet|facebook|twitter|linkedin|wechat|weibo|home|menu|search|"
    r"subscribe|login|log in|sign in|sign up|register|back to top|top|reading this article requires|"
    r"\d+ ?min(?:ute)?s?(?: read)?|get verification code|sure|cancel|ok|a snippet accompanying this "
    r"announcement is available by clicking on this link\.?|"
    r"(?:current location|you are here|location)\s*[:\uff1a].*|"  # breadcrumbs
    r"home\s*(?:[>\u203a\u00bb/|]\s*[^>\u203a\u00bb/|]+){1,5}|"
    r"(?:\[?(?:print|close|top|back)\]?\s*){1,4})\s*$", re.IGNORECASE)
# A publication date the page states in words, where no meta tag gives it: "Updated: 2031-06-12 09:41",
# "Date: 2031-08-15", "Published: May 20, 2031", or a wire's dateline "LESHAN, China, May 20, 2031 (GLOBE NEWSWIRE)".
_LABELLED_DATE = re.compile(
    r"\b(?:updated|published|posted|release(?:d| time)?|publish(?:ed)? (?:date|time)|date|time)\s*[:\uff1a]\s*"
    r"(?P<date>(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|[A-Z][a-z]{2,8}\.? \d{1,2},? (?:19|20)\d{2})"
    r"|^[A-Z][A-Za-z .'-]{1,40}, (?:[A-Z][A-Za-z .'-]{1,30}, )?(?P<wire>[A-Z][a-z]{2,8}\.? \d{1,2},? (?:19|20)\d{2}) "
    r"\((?:GLOBE NEWSWIRE|BUSINESS WIRE|PR ?NEWSWIRE|ACCESSWIRE|Xinhua)\)", re.IGNORECASE | re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_META_KEYS = {"title": "headline", "headline": "headline", "publisher": "publisher", "source": "publisher",
              "site_name": "publisher", "date": "datePublished", "published": "datePublished",
              "datepublished": "datePublished", "url": "url", "link": "url"}
_BOILERPLATE_HTML = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|header|sidebar|side-bar|aside|related|"
    r"recommend\w*|share|sharing|social|comments?|cookie\w*|banner|advert\w*|ads?|promo|teaser|newsletter|"
    r"subscribe|disclaimer|copyright|tags?|pagination|pager|prev|next|more-news|widget|popup|modal)"
    r"(?:$|[\s_-])", re.IGNORECASE)


@dataclass
class RawArticle:
    """The story text of an article file and the metadata the file itself gives."""

    text: str
    metadata: dict = field(default_factory=dict)
    path: Path | None = None
    #: What a reader should be told (a mixed-language text: how much of it ingest skips).
    warnings: list[str] = field(default_factory=list)


def clean_text(text: str) -> str:
    """Drop page furniture from a plain-text article; normalise line ends and trailing spaces.

    >>> clean_text("Story.\\nShare\\nPrevious article\\nOther")
    'Story.'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    kept: list[str] = []
    for line in text.split("\n"):
        if _STOP_LINES.match(line) and sum(len(k) for k in kept) > 0:
            break
        if _DROP_LINES.match(line):
            continue
        kept.append(line.rstrip())
    cleaned = "\n".join(kept)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip()


_ENDS_SENTENCE = re.compile(r"[.!?:;。！？：；\"”’)\]]$")


def unwrap(text: str) -> str:
    """Join the lines of a hard-wrapped text (a press release wrapped at a fixed width, names and amounts broken
    across lines: "Mianyang Fulin\\nPrecision Machining Co., Ltd.") into its paragraphs; a text whose lines are
    its paragraphs is returned as it is. A line is wrapped when most long lines share one width and end inside a
    sentence; then every line that ends inside a sentence runs on into the next non-blank line.

    >>> unwrap("The 100,000 t/a precursor project of Mianyang Fulin\\nPrecision Machining Co., Ltd. was signed on a\\n"
    ...        "day in May, with a total investment of RMB 520 million, and\\nit will be built soon.\\n\\nNext one.")
    'The 100,000 t/a precursor project of Mianyang Fulin Precision Machining Co., Ltd. was signed on a day in May, \
with a total investment of RMB 520 million, and it will be built soon.\\n\\nNext one.'
    >>> unwrap("Headline of the story\\nA first paragraph that is long enough to count as a line of text.")
    'Headline of the story\\nA first paragraph that is long enough to count as a line of text.'
    """
    lines = text.split("\n")
    long = [line for line in lines if len(line) >= 40]
    if len(long) < 3:
        return text
    width = max(len(line) for line in long)
    wrapped = [line for line in long if len(line) >= width - 20 and not _ENDS_SENTENCE.search(line)]
    if width > 100 or len(wrapped) < 0.6 * len(long):
        return text
    out = []
    for line, following in zip(lines, lines[1:] + [""], strict=True):
        runs_on = line.strip() and following.strip() and not _ENDS_SENTENCE.search(line.rstrip())
        out.append(line + (" " if runs_on else "\n"))
    return "".join(out)[:-1]


def _normalise_date(value: str) -> str | None:
    value = value.strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    from .dates import parse_date  # a written date in the metadata ("Sept. 3, 2024")
    found = parse_date(value)
    return found.isoformat() if found else None


def _stated_date(text: str) -> str | None:
    """The publication date a page states in its first lines ("Updated: 2031-06-12 09:41"), ISO, or ``None``.

    >>> _stated_date("By ZHOU LAN | Example Daily | Updated: 2031-06-12 09:41")
    '2031-06-12'
    >>> _stated_date("LESHAN, China, May 20, 2031 (GLOBE NEWSWIRE) -- Omega")
    '2031-05-20'
    """
    match = _LABELLED_DATE.search(text[:3000])
    return _normalise_date(match.group("date") or match.group("wire")) if match else None


def _front_matter(text: str) -> tuple[str, dict]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    meta: dict = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        value = value.strip().strip("'\"")
        if sep and key in _META_KEYS and value:
            meta[_META_KEYS[key]] = value
    if "datePublished" in meta:
        date = _normalise_date(meta["datePublished"])
        if date:
            meta["datePublished"] = date
        else:
            meta.pop("datePublished")
    return text[match.end():], meta


def _markdown_to_text(text: str) -> str:
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)   # comments are not shown
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)            # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)        # links keep their words
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s*[-*+]\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)", r"\1", text)
    return text


def _html_to_text(html: str) -> tuple[str, dict]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    meta: dict = {}

    metas: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        if key and tag.get("content", "").strip():
            metas.setdefault(key, tag["content"].strip())

    def meta_content(*names: str) -> str | None:
        return next((metas[name.lower()] for name in names if name.lower() in metas), None)

    headline = meta_content("og:title", "twitter:title", "headline", "ArticleTitle", "title")
    if not headline and soup.title and soup.title.string:
        headline = soup.title.string.strip()
        heading = soup.find("h1")
        heading = re.sub(r"\s+", " ", heading.get_text(" ")).strip() if heading else ""
        if heading and heading in headline:
            headline = heading  # "Story | Site name": the page's own heading is the headline
        else:
            headline = re.split(r"\s+[|\u2013\u2014]\s+|\s+-\s+(?=[^-]+$)", headline)[0]
    publisher = meta_content("og:site_name", "publisher", "SiteName", "ContentSource", "author")
    date = meta_content("article:published_time", "datePublished", "date", "pubdate", "publishdate",
                        "DC.date.issued", "PubDate", "dc.date", "sailthru.date", "parsely-pub-date")
    if not date:
        time_tag = soup.find("time", attrs={"datetime": True})
        date = time_tag["datetime"] if time_tag else None
    if not date:
        body = soup.body or soup
        date = _stated_date(re.sub(r"[ \t\u00a0]+", " ", body.get_text("\n")))
    url = meta_content("og:url")
    if not url:
        link = soup.find("link", attrs={"rel": "canonical"})
        url = link.get("href") if link else None
    for key, value in (("headline", headline), ("publisher", publisher), ("url", url)):
        if value:
            meta[key] = value
    if date and (iso := _normalise_date(date)):
        meta["datePublished"] = iso

    for tag in soup(["script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button",
                     "nav", "header", "footer", "aside", "head", "select", "input"]):
        tag.decompose()
    for tag in list(soup.find_all(True)):
        if tag.decomposed or tag.name in ("html", "body", "article", "main"):
            continue
        attrs = tag.attrs or {}
        marks = " ".join([" ".join(attrs.get("class", []) or []), attrs.get("id", "") or "",
                          attrs.get("role", "") or ""])
        if marks.strip() and _BOILERPLATE_HTML.search(marks):
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    _drop_link_lists(root)
    blocks: list[str] = []
    for element in root.find_all(["h1", "h2", "h3", "h4", "p", "li", "blockquote", "pre", "td", "dd"]):
        if element.find(["p", "li", "h1", "h2", "h3", "h4"]):
            continue  # a container: its blocks come on their own
        words = re.sub(r"\s+", " ", element.get_text(" ")).strip()
        words = re.sub(r" ([,.;:!?])", r"\1", words)
        if words:
            blocks.append(words)
    if not blocks:
        blocks = [re.sub(r"[ \t]+", " ", line).strip() for line in root.get_text("\n").splitlines()]
    return "\n\n".join(b for b in blocks if b), meta


def _drop_link_lists(root) -> None:
    """Drop the blocks that are mostly links: menus, teasers of other stories, footer links.

    A story's paragraphs link a word or two; navigation and "Top News" lists are links with a date at most.
    """
    def words(tag) -> int:
        return len(tag.get_text(" ").split())

    for tag in list(root.find_all(["ul", "ol", "div", "section", "td", "table", "p", "li", "h2", "h3", "h4"])):
        if tag.decomposed or tag is root:
            continue
        total = words(tag)
        linked = sum(words(a) for a in tag.find_all("a"))
        if total and linked / total >= 0.6 and not any(
                words(p) >= 25 and sum(words(a) for a in p.find_all("a")) / words(p) < 0.3
                for p in tag.find_all("p")):
            tag.decompose()


def read_article_text(raw: str, name: str, kind: str | None = None) -> RawArticle:
    """Turn the content of an article file into a :class:`RawArticle`; ``kind`` is text, markdown or html."""
    kind = kind or ARTICLE_SUFFIXES.get(Path(name).suffix.lower(), "text")
    if kind == "text" and re.match(r"\s*<(?:!doctype html|html|head|body)\b", raw, re.IGNORECASE):
        kind = "html"
    meta: dict = {}
    if kind == "html":
        raw, meta = _html_to_text(raw)
    else:
        raw, meta = _front_matter(raw.lstrip("\ufeff"))
        if kind == "markdown":
            raw = _markdown_to_text(raw)
        if "datePublished" not in meta and (stated := _stated_date(raw)):
            meta["datePublished"] = stated
    text = unwrap(clean_text(raw))
    text = "".join(ch for ch in text if ch in "\n\t" or ch == "\u00a0" or ch.isprintable())
    return RawArticle(text=text, metadata=meta)


def read_article(path: Path) -> RawArticle:
    """Read an article file; raise :class:`ParseError` naming the file if it is not a readable article.

    Empty files, binary files, files that are not UTF-8 (or the charset an HTML page declares), texts
    longer than :data:`MAX_CHARS` and texts mostly in a language ingest does not read
    (:mod:`graph.ingest.language`) are refused. The language detected goes into the metadata.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"{path}: cannot read: {exc.strerror}") from exc
    if not data.strip():
        raise ParseError(f"{path}: the file is empty; there is no article to ingest")
    if b"\x00" in data[:8192]:
        raise ParseError(f"{path}: a binary file, not an article (text, Markdown or HTML)")
    kind = ARTICLE_SUFFIXES.get(path.suffix.lower(), "text")
    encoding = "utf-8"
    if kind == "html":
        declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.IGNORECASE)
        if declared:
            encoding = declared.group(1).decode("ascii").lower()
    try:
        raw = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        start = getattr(exc, "start", 0)
        raise ParseError(f"{path}: not {encoding.upper()} text (byte {start}); convert it to UTF-8 first") from exc
    if len(raw) > MAX_CHARS:
        raise ParseError(f"{path}: {len(raw):,} characters is more than an article "
                         f"(the limit is {MAX_CHARS:,}); split it into articles first")
    article = read_article_text(raw, path.name, kind)
    article.path = path
    if not article.text.strip():
        raise ParseError(f"{path}: no article text is left once page furniture is dropped")
    from .language import check_language, detect_language

    report = detect_language(article.text)
    warning = check_language(report, str(path))  # refuses a text ingest cannot read, before anything is written
    article.metadata["language"] = report.language
    article.warnings += [warning] if warning else []
    return article


def source_id_stem(stem: str) -> str:
    """How the source id ``ingest`` gives an article file starts: the file's name without its suffix, as a slug,
    at most 40 characters (a hash of the text follows, see :func:`graph.ingest.candidates.source_id_for`).

    >>> source_id_stem("Yuantalks Sichuan power rationing extension lithium 2022")
    'yuantalks-sichuan-power-rationing-extens'
    """
    return slugify(stem)[:40]


def is_source_of(source_id: str, name: str) -> bool:
    """Whether ``source_id`` is the article named ``name``: that very id, or the one ingest made of a file of
    that name (a gold file or a report written before the article was ingested is named so).

    >>> is_source_of("yuantalks-sichuan-power-rationing-extens_d7f0f3b612991edb",
    ...              "yuantalks-sichuan-power-rationing-extension-lithium-2022")
    True
    >>> is_source_of("other_d7f0f3b612991edb", "yuantalks-sichuan-power-rationing-extension-lithium-2022")
    False
    """
    return source_id == name or source_id.rpartition("_")[0] == source_id_stem(name)
