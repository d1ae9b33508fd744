"""Chinese text as the web prints it, before any name is read: which script and language it is in, its
traditional characters and Taiwan's words read as simplified mainland ones, pinyin readings printed after its
characters read through, and its sentences.

Every step keeps offsets: :func:`to_simplified` keeps the text's length, and :func:`without_readings` says where
each character it keeps stands in the text as printed, so evidence quoted from a normalised text is still a
substring of the source.

>>> to_simplified("生產基地專案在威遠縣開工")
'生产基地项目在威远县开工'
>>> without_readings("國(guó)城集團(tuán)簽約項(xiàng)目")[0]
'國城集團簽約項目'
>>> [s for s, e in chinese_sentences("项目开工。总投资50亿元！")]
[0, 5]
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["CJK", "CJK_CHAR", "chinese_share", "language_of", "is_chinese", "to_simplified", "without_readings",
           "chinese_sentences"]

#: the ranges of Chinese characters (the unified ideographs, extension A and the compatibility block)
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")
_LETTER = re.compile(rf"[A-Za-z{CJK}]")


def chinese_share(text: str) -> float:
    """The share of Chinese characters among the letters of ``text``.

    >>> chinese_share("宁德时代 CATL"), chinese_share("no Chinese")
    (0.5, 0.0)
    """
    letters = len(_LETTER.findall(text))
    return len(CJK_CHAR.findall(text)) / letters if letters else 0.0


def language_of(text: str) -> str:
    """``"zh"`` when Chinese characters make up at least a third of the letters, else ``"en"``: the pipeline
    an article is read with (:mod:`graph.ingest.language` names the language for the source's metadata).

    >>> language_of("宜宾市人民政府与宁德时代签约"), language_of("CATL signed in Yibin.")
    ('zh', 'en')
    """
    return "zh" if chinese_share(text) >= 1 / 3 else "en"


def is_chinese(text: str) -> bool:
    """Whether a name or text is written in Chinese characters."""
    return bool(CJK_CHAR.search(text))


@lru_cache(maxsize=2)
def _converter(config: str = "t2s"):
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional characters as simplified ones, the text's length kept, so offsets into one are offsets into
    the other. A run of Chinese characters is read with Taiwan's words as the mainland's (OpenCC ``tw2sp``: 專案 →
    项目, as reposting sites convert news), where that keeps its length; else character by character.

    >>> to_simplified("寧德時代動力電池項目"), to_simplified("生產基地專案在威遠縣開工")
    ('宁德时代动力电池项目', '生产基地项目在威远县开工')
    """
    if not CJK_CHAR.search(text):
        return text
    converted = _converter().convert(text)
    if converted == text:
        return text  # simplified already
    parts = []
    for run in _CJK_RUN.finditer(text):
        words = run.group(0)
        for config in ("tw2sp", "t2s"):
            read = _converter(config).convert(words)
            if len(read) == len(words):
                break
        else:
            convert = _converter().convert
            read = "".join(convert(ch) if len(convert(ch)) == 1 else ch for ch in words)
        parts.append(read)
    return "".join(parts)


_CJK_RUN = re.compile(f"[{CJK}]+|[^{CJK}]+")


# a character's pinyin reading in brackets after it, as some reposting sites print articles: 項(xiàng)目, 國(guó)城
_READING = re.compile(rf"(?<=[{CJK}])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{{1,6}})[)）]")
_TONE_MARK = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")


def without_readings(text: str) -> tuple[str, list[int]] | None:
    """A text printed with its characters' pinyin readings, without them, and where each of its characters
    stands in the text (one more entry for its end); None for a text without readings.

    Some reposting sites print an article with a reading after many characters, "國(guó)城控股集團(tuán)" for
    國城控股集團: names and words are read through them. A text counts as printed so when at least three
    readings carry a tone mark (a reading of the neutral tone has none, and goes with them).

    >>> clean, where = without_readings("國(guó)城集團(tuán)簽約項(xiàng)目")
    >>> clean, where[:3], where[-1]
    ('國城集團簽約項目', [0, 6, 7], 26)
    >>> without_readings("锂(Li)和钠(Na)") is None
    True
    """
    readings = list(_READING.finditer(text))
    if sum(1 for m in readings if _TONE_MARK.search(m.group(1))) < 3:
        return None
    kept: list[str] = []
    positions: list[int] = []
    last = 0
    for match in readings:
        kept.append(text[last:match.start()])
        positions.extend(range(last, match.start()))
        last = match.end()
    kept.append(text[last:])
    positions.extend(range(last, len(text) + 1))
    return "".join(kept), positions


_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*[”」』\"]?")


def chinese_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: up to 。！？； (and their ASCII forms) or a line break, surrounding spaces left out.

    >>> text = "项目开工。总投资50亿元！\\n来源:四川日报"
    >>> [text[s:e] for s, e in chinese_sentences(text)]
    ['项目开工。', '总投资50亿元！', '来源:四川日报']
    """
    spans = []
    for match in _SENTENCE.finditer(text):
        words = match.group(0)
        lead = len(words) - len(words.lstrip())
        stripped = words.strip()
        if stripped:
            spans.append((match.start() + lead, match.start() + lead + len(stripped)))
    return spans
