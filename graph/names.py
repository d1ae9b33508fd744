"""Names as they are compared: one form for every name of an entity, English or Chinese, so that the same thing
under two spellings is found, and two things under one name are caught.

>>> normalise("  The  Sodium-ion\\u00a0Battery "), core_name("Foo Energy Co., Ltd.")
('sodium ion battery', 'foo energy')
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

__all__ = ["normalise", "core_name", "shared_names", "SharedName"]

_LEGAL_FORM = re.compile(
    r"(?:[\s,]+(?:co\.?,?\s*ltd\.?|co\.?,?\s*limited|company limited|limited|ltd\.?|inc\.?|corp\.?|"
    r"corporation|plc|llc|gmbh|ag|s\.a\.|holdings?|group|company|co\.))+\s*(?:\([^)]*\))?$", re.IGNORECASE)
_LEGAL_FORM_ZH = re.compile(r"(?:[(（][\u4e00-\u9fff]{2,4}[)）])?(?:集团股份有限公司|集团有限公司|股份有限公司|"
                            r"有限责任公司|有限公司|集团公司|公司|集团)?(?:[(（][\u4e00-\u9fff]{2,4}[)）])?$")
_CHINESE = re.compile(r"[\u4e00-\u9fff]")

def normalise(name: str) -> str:
    """The form names are compared in: case-folded, one space, hyphens and curly quotes unified.

    >>> normalise("  The  Sodium-ion\\u00a0Battery ")
    'sodium ion battery'
    """
    name = name.replace("\u2019", "'").replace("\u00a0", " ").casefold()
    name = re.sub(r"[-\u2013/]", " ", name)
    name = re.sub(r"\s+", " ", name).strip()
    return re.sub(r"^the ", "", name)


def core_name(name: str) -> str:
    """A company name without its legal form and trailing place in brackets.

    >>> core_name("Liaoning Hongcheng Power Supply Co., Ltd. (Dazhou)")
    'liaoning hongcheng power supply'
    >>> core_name("四川金汇能新材料股份有限公司"), core_name("宁德时代（宜宾）有限公司")
    ('四川金汇能新材料', '宁德时代')
    """
    if _CHINESE.search(name):
        return normalise(_LEGAL_FORM_ZH.sub("", name))
    return normalise(_LEGAL_FORM.sub("", name))


class SharedName(tuple):
    """Two entities of one class that share a normalised name: ``(name, class, first IRI, second IRI)``."""

    __slots__ = ()

    def __new__(cls, name: str, cls_iri: str, first: str, second: str):
        return super().__new__(cls, (name, cls_iri, first, second))


def shared_names(entities: Iterable[tuple[str, str, Iterable[str], str | None]]) -> list[SharedName]:
    """The pairs of entities of one class whose labels or aliases are one name once normalised.

    ``entities`` gives, for each entity, its IRI, its class, its names (labels and aliases, any language) and
    the place that contains it. Two places (or parks) of one name in different places are namesakes, not
    duplicates ("Jiangbei District" of Chongqing and of Ningbo).

    >>> shared_names([("bk:a", "Company", ["CATL", "Ningde Times"], None),
    ...               ("bk:b", "Company", ["ningde-times"], None),
    ...               ("bk:c", "City", ["Taizhou"], "bk:jiangsu"), ("bk:d", "City", ["Taizhou"], "bk:zhejiang")])
    [('ningde times', 'Company', 'bk:a', 'bk:b')]
    """
    holders: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
    for iri, cls, names, container in entities:
        for name in {normalise(n) for n in names if n.strip()}:
            if (iri, container) not in holders[(name, cls)]:
                holders[(name, cls)].append((iri, container))
    found = []
    for (name, cls), held in sorted(holders.items()):
        held = sorted(held, key=lambda h: h[0])
        for i, (first, where) in enumerate(held):
            for second, other in held[i + 1:]:
                if first != second and (where is None or other is None or where == other):
                    found.append(SharedName(name, cls, first, second))
    return found
