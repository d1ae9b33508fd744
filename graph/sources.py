"""Source articles: their text and metadata, as ``data/sources/<id>.txt`` and ``<id>.json``.

The id of a source is its file name without extension. The metadata file holds ``headline``,
``publisher``, ``datePublished`` (``YYYY-MM-DD``) and ``url`` where the article gives them, the ``language``
it was read in (``en`` or ``zh``) and, when the same story is on several sites, ``sameAs``: the URLs of the
other copies.

>>> from graph.folders import DataLayout
>>> sources = load_sources(DataLayout.default())
>>> src = sources["002_14e0f3445d4c3602"]
>>> src.publisher, src.date_published.isoformat()
('MENAFN', '2024-09-02')
>>> src.locate("a total of 137 projects were signed")[0] > 0
True
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ParseError
from .folders import DataLayout

__all__ = ["Source", "load_sources", "read_source", "SOURCE_ID_PATTERN"]

#: Source ids are file names: letters, digits, underscore, hyphen, dot.
SOURCE_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Source:
    """One article: its id, full text and metadata."""

    id: str
    text: str
    headline: str | None = None
    publisher: str | None = None
    date_published: dt.date | None = None
    url: str | None = None
    path: Path | None = None
    #: the language the article was read in: "en" or "zh"
    language: str | None = None
    #: other copies of the same story on other sites
    same_as: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The headline, or a stand-in naming the publisher and date when the article has none."""
        if self.headline:
            return self.headline
        parts = [p for p in (self.publisher, self.date_published and self.date_published.isoformat()) if p]
        return f"Untitled article ({', '.join(parts) or self.id})"

    def locate(self, quote: str) -> tuple[int, int] | None:
        """Character offsets ``(start, end)`` of ``quote`` in the text, or ``None``.

        Where the quote occurs more than once, an occurrence that starts a line or follows a space or
        punctuation is preferred to one glued to other text (``HomeNewsGovernment Delegates...``).
        """
        if not quote:
            return None
        found = None
        start = self.text.find(quote)
        while start != -1:
            if found is None:
                found = start
            if start == 0 or not self.text[start - 1].isalnum():
                found = start
                break
            start = self.text.find(quote, start + 1)
        return None if found is None else (found, found + len(quote))


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"{path}: not UTF-8 text (byte {exc.start}): {exc.reason}") from exc


def read_source(text_path: Path) -> Source:
    """Read one source from its text file and the metadata file beside it."""
    text_path = Path(text_path)
    source_id = text_path.stem
    if not SOURCE_ID_PATTERN.match(source_id):
        raise ParseError(f"{text_path}: a source id may hold letters, digits, '_', '-' and '.' only")
    meta_path = text_path.with_suffix(".json")
    meta: dict = {}
    if meta_path.exists():
        try:
            meta = json.loads(_read_text(meta_path))
        except json.JSONDecodeError as exc:
            raise ParseError(f"{meta_path}:{exc.lineno}: malformed JSON: {exc.msg}") from exc
        if not isinstance(meta, dict):
            raise ParseError(f"{meta_path}: the metadata must be a JSON object")
    date = meta.get("datePublished")
    if date is not None:
        try:
            date = dt.date.fromisoformat(date)
        except (TypeError, ValueError) as exc:
            raise ParseError(f"{meta_path}: field 'datePublished': {date!r} is not a YYYY-MM-DD date") from exc
    same_as = meta.get("sameAs", [])
    if not isinstance(same_as, list) or not all(isinstance(u, str) for u in same_as):
        raise ParseError(f"{meta_path}: field 'sameAs': a list of the URLs of other copies of the story")
    return Source(
        id=source_id,
        text=_read_text(text_path),
        headline=meta.get("headline"),
        publisher=meta.get("publisher"),
        date_published=date,
        url=meta.get("url"),
        path=text_path,
        language=meta.get("language"),
        same_as=tuple(same_as),
    )


def load_sources(layout: DataLayout) -> dict[str, Source]:
    """Every source of the data folder, by id, in id order."""
    return {p.stem: read_source(p) for p in sorted(layout.sources.glob("*.txt"), key=lambda p: p.name)}
