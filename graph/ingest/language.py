"""The language of an article, and whether ingest can read it.

The extractor reads English and Chinese (:data:`SUPPORTED_LANGUAGES`), an article in the pipeline of its
main language. An article mostly in another language is refused when it is read (exit 2, nothing written),
naming the language detected; a mixed text is read, with a warning saying how much of it is in a language
other than the one it is read in (that part yields no candidates).

Detection is `Lingua <https://github.com/pemistahl/lingua-py>`_ (``lingua-language-detector``), restricted to
the languages news about the ecosystem comes in (:data:`CANDIDATE_LANGUAGES`), so it is fast and its models
are small; the detector is built once. The text is cut into sentences and lines; each is detected on its own
and weighs by its letters. A Latin-script piece shorter than :data:`MIN_LETTERS` letters (a name, a dateline)
says little about a language and is left out, and so is a piece the detector cannot tell with confidence
(a relative distance under :data:`MIN_RELATIVE_DISTANCE`), so that names such as "Schneider Electric" do not
count as German.

>>> report = detect_language("CATL and Changan Automobile signed a strategic cooperation agreement in Yibin.")
>>> report.language, report.shares
('en', {'en': 1.0})
>>> chinese = detect_language("宜宾市人民政府与宁德时代签署战略合作协议。双方将在动力电池领域开展合作。")
>>> chinese.language, chinese.supported
('zh', True)
>>> japanese = detect_language("東京電力は新しい蓄電池の工場を建設すると発表しました。工場は来年稼働する予定です。")
>>> japanese.language, japanese.supported
('ja', False)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["SUPPORTED_LANGUAGES", "CANDIDATE_LANGUAGES", "LanguageReport", "detect_language", "check_language",
           "language_name", "MIN_LETTERS", "MIN_RELATIVE_DISTANCE", "WARN_SHARE"]

#: The languages ingest reads (ISO 639-1 codes).
SUPPORTED_LANGUAGES = {"en", "zh"}
#: The languages detection chooses among (lingua's names): those the region's news comes in.
CANDIDATE_LANGUAGES = ("ENGLISH", "CHINESE", "JAPANESE", "KOREAN", "GERMAN", "FRENCH", "SPANISH", "RUSSIAN")
#: A Latin-script piece with fewer letters than this is not detected (a name or a dateline, not a language).
MIN_LETTERS = 20
#: Lingua's minimum relative distance: a piece the detector cannot tell apart with this margin is left out.
MIN_RELATIVE_DISTANCE = 0.25
#: A mixed text warns when at least this share of its letters is in a language ingest does not read.
WARN_SHARE = 0.02

_PIECES = re.compile(r"[^\n.!?。！？]+[.!?。！？]*")


@dataclass(frozen=True)
class LanguageReport:
    """What detection found: the main language (ISO 639-1; ``und`` when it could not tell) and the share of the
    text's letters in each language detected."""

    language: str
    shares: dict[str, float] = field(default_factory=dict)

    @property
    def unsupported_share(self) -> float:
        """The share of the text ingest skips: in languages other than the main one it is read in."""
        return round(sum(v for k, v in self.shares.items() if k != self.language), 3)

    @property
    def supported(self) -> bool:
        """Whether the main language (or, when nothing could be told, the text as a whole) is one ingest reads."""
        if not self.shares:
            return True
        return self.language in SUPPORTED_LANGUAGES


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in CANDIDATE_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_minimum_relative_distance(
        MIN_RELATIVE_DISTANCE).build()


def _code(language) -> str:
    return language.iso_code_639_1.name.lower()


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code among the candidates.

    >>> language_name("zh"), language_name("xx")
    ('Chinese', 'xx')
    """
    from lingua import IsoCode639_1, Language

    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())).name.title()
    except (AttributeError, ValueError):
        return code


def detect_language(text: str) -> LanguageReport:
    """The language of ``text`` and the share of its letters in each language detected."""
    pieces = []
    for match in _PIECES.finditer(text):
        piece = match.group(0)
        letters = sum(ch.isalpha() for ch in piece)
        non_latin = any(ch.isalpha() and ord(ch) >= 0x0370 for ch in piece)  # Greek, Cyrillic, CJK …
        if letters >= MIN_LETTERS or (non_latin and letters):
            pieces.append((piece, letters))
    detector = _detector()
    counts: Counter = Counter()
    for (_piece, letters), found in zip(pieces, detector.detect_languages_in_parallel_of([p for p, _ in pieces]),
                                        strict=True):
        if found is not None:
            counts[_code(found)] += letters
    if not counts:  # too short to tell piece by piece: the whole text, if the detector is sure
        whole = detector.detect_language_of(text)
        return LanguageReport(_code(whole) if whole is not None else "und", {})
    total = sum(counts.values())
    shares = {code: round(n / total, 3) for code, n in counts.most_common()}
    return LanguageReport(next(iter(shares)), shares)


def check_language(report: LanguageReport, name: str) -> str | None:
    """Refuse a text mostly in a language ingest does not read; for a mixed text, the warning to give.

    Raises
    ------
    ParseError
        Naming ``name`` and the language detected, when most of the text is in a language ingest does not
        read yet.

    >>> check_language(LanguageReport("en", {"en": 0.8, "zh": 0.2}), "a.txt")
    'a.txt: 20% of the text is in Chinese, which an English article is not read in: that part was skipped'
    >>> check_language(LanguageReport("ja", {"ja": 1.0}), "b.txt")
    Traceback (most recent call last):
    ...
    graph.errors.ParseError: b.txt: the text is in Japanese (100%), which ingest does not read yet; nothing was written
    """
    from ..errors import ParseError

    if not report.supported:
        share = report.shares.get(report.language, 0.0)
        raise ParseError(f"{name}: the text is in {language_name(report.language)} ({share:.0%}), which ingest "
                         "does not read yet; nothing was written")
    if report.unsupported_share >= WARN_SHARE:
        others = [language_name(k) for k in report.shares if k != report.language]
        return (f"{name}: {report.unsupported_share:.0%} of the text is in {' and '.join(others)}, which "
                f"{'an' if report.language == 'en' else 'a'} {language_name(report.language)} article is not read "
                "in: that part was skipped")
    return None
