"""Bundled knowledge: China's administrative divisions, countries, well-known companies and technologies.

The data files beside this module (``gazetteer.tsv``, ``companies.tsv``) are package data, read with
:mod:`importlib.resources`. They are general knowledge, not facts about any one article. Every entry keeps its
English names (``names``, what the English extractor matches) apart from its Chinese names (``names_zh``: the
official name first, then the short forms the press uses alone).

>>> places = {p.id: p for p in load_places()}
>>> places["yibin"].label, places["yibin"].parent, places["sichuan"].parent
('Yibin City', 'sichuan', 'china')
>>> "Chengdu" in places["chengdu"].names
True
>>> places["yibin"].names_zh, places["xuzhou-district-yibin"].names_zh
(('宜宾市', '宜宾'), ('叙州区', '叙州'))
>>> [c.label for c in load_companies() if "CATL" in c.names]
['Contemporary Amperex Technology Co., Limited']
>>> [c.label for c in load_companies() if "宁德时代" in c.names_zh]
['Contemporary Amperex Technology Co., Limited']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

__all__ = ["BundledEntry", "load_places", "load_companies", "load_technologies", "places_from_tsv", "TECHNOLOGIES",
           "slugify"]

#: Technologies of the industry and the words the press uses for them: (label, other English names, Chinese names).
TECHNOLOGIES = [
    ("Sodium-ion battery", ["sodium ion battery", "sodium-ion batteries", "sodium ion batteries", "sodium battery",
                            "sodium-ion", "sodium ion", "Na-ion battery"],
     ["钠离子电池", "钠电池", "钠电"]),
    ("Lithium-ion battery", ["lithium ion battery", "lithium-ion batteries", "lithium battery", "lithium batteries",
                             "Li-ion battery", "lithium-ion"],
     ["锂离子电池", "锂电池", "锂电"]),
    ("Lithium iron phosphate battery", ["lithium iron phosphate", "LFP battery", "LFP batteries", "LFP",
                                        "lithium iron phosphate batteries", "LiFePO4"],
     ["磷酸铁锂电池", "磷酸铁锂", "铁锂电池"]),
    ("Ternary lithium battery", ["ternary lithium", "NCM battery", "ternary batteries", "NMC battery", "NCM", "NMC",
                                 "nickel cobalt manganese"],
     ["三元锂电池", "三元电池", "三元锂"]),
    ("Solid-state battery", ["solid-state batteries", "solid state battery", "all-solid-state battery",
                             "semi-solid-state battery", "solid-state"],
     ["固态电池", "全固态电池", "半固态电池"]),
    ("Energy storage", ["new energy storage", "energy storage system", "energy storage systems", "ESS",
                        "battery energy storage", "energy storage"],
     ["储能", "新型储能", "储能系统", "电化学储能"]),
    ("Power battery", ["power batteries", "traction battery", "EV battery", "EV batteries"],
     ["动力电池"]),
    ("Photovoltaics", ["photovoltaic", "PV", "solar PV", "PV cell and module", "solar cells", "solar modules"],
     ["光伏", "光伏发电", "太阳能电池", "光伏组件"]),
    ("New energy vehicle", ["new energy vehicles", "NEV", "NEVs", "electric vehicle", "electric vehicles", "EV",
                            "EVs"],
     ["新能源汽车", "新能源车", "电动汽车"]),
    ("Vehicle-to-grid", ["V2G", "vehicle-network interaction", "vehicle to grid"],
     ["车网互动"]),
    ("Hydrogen fuel cell", ["fuel cell", "fuel cells", "hydrogen fuel cells"],
     ["氢燃料电池", "燃料电池"]),
    ("Flow battery", ["vanadium flow battery", "redox flow battery", "flow batteries", "all-vanadium flow battery"],
     ["液流电池", "全钒液流电池", "钒液流电池"]),
    ("Battery recycling", ["battery recycling and reuse", "recycling of batteries"],
     ["电池回收", "动力电池回收", "电池回收利用"]),
    ("Battery separator", ["battery separators", "separator"],
     ["隔膜", "电池隔膜", "锂电隔膜"]),
    ("Cathode material", ["cathode materials", "positive electrode materials"],
     ["正极材料"]),
    ("Anode material", ["anode materials", "negative electrode materials"],
     ["负极材料"]),
]


@dataclass(frozen=True)
class BundledEntry:
    """One entry of the bundled lists: an id, its ontology class, label, other names and parent place id.

    ``names`` are the English names (the label first); ``names_zh`` the Chinese ones (the official name first,
    then short forms), empty where the bundled lists give none.
    """

    id: str
    cls: str
    label: str
    names: tuple[str, ...] = field(default_factory=tuple)
    parent: str | None = None
    names_zh: tuple[str, ...] = field(default_factory=tuple)


def slugify(name: str) -> str:
    """The IRI slug of a name: ASCII, lower case, hyphens.

    >>> slugify("Liaoning Xingkong Sodium Battery Co., Ltd.")
    'liaoning-xingkong-sodium-battery-co-ltd'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "entity"


def _rows(text: str):
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _split(names: str) -> list[str]:
    """The names of one ``;``-separated field, stripped, empty ones dropped."""
    return [n.strip() for n in names.split(";") if n.strip()]


def places_from_tsv(text: str) -> tuple[BundledEntry, ...]:
    """The places of a gazetteer table (the text of ``gazetteer.tsv``), in file order.

    Columns: id, class, English label, parent id, other English names (``;``), Chinese names (``;``).

    >>> text = "# a comment\\nyibin\\tCity\\tYibin City\\tsichuan\\tYibin\\t宜宾市;宜宾"
    >>> [(p.id, p.names, p.parent, p.names_zh) for p in places_from_tsv(text)]
    [('yibin', ('Yibin City', 'Yibin'), 'sichuan', ('宜宾市', '宜宾'))]
    """
    entries = []
    for row in _rows(text):
        ident, cls, label, parent, aliases, names_zh = (row + [""] * 6)[:6]
        names = tuple(dict.fromkeys([label, *_split(aliases)]))
        entries.append(BundledEntry(ident, cls, label, names, parent or None, tuple(dict.fromkeys(_split(names_zh)))))
    return tuple(entries)


def _read(name: str) -> str:
    return (files("graph.ingest") / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_places() -> tuple[BundledEntry, ...]:
    """Countries and China's divisions from ``gazetteer.tsv``, parents before children."""
    return places_from_tsv(_read("gazetteer.tsv"))


@lru_cache(maxsize=1)
def load_companies() -> tuple[BundledEntry, ...]:
    """Well-known companies of the industry from ``companies.tsv``.

    >>> byd = next(c for c in load_companies() if c.label == "BYD")
    >>> byd.id, byd.names_zh[0]
    ('byd', '比亚迪')
    """
    entries = []
    for row in _rows(_read("companies.tsv")):
        label, aliases, names_zh = (row + [""] * 2)[:3]
        names = tuple(dict.fromkeys([label, *_split(aliases)]))
        entries.append(BundledEntry(slugify(names[1] if len(names) > 1 and len(names[1]) < len(label) and
                                            names[1].isupper() else label), "Company", label, names,
                                    names_zh=tuple(dict.fromkeys(_split(names_zh)))))
    return tuple(entries)


@lru_cache(maxsize=1)
def load_technologies() -> tuple[BundledEntry, ...]:
    """The :data:`TECHNOLOGIES` as entries, with their English and Chinese names.

    >>> storage = next(t for t in load_technologies() if t.label == "Energy storage")
    >>> storage.id, storage.names_zh[:2]
    ('energy-storage', ('储能', '新型储能'))
    """
    return tuple(BundledEntry(slugify(label), "Technology", label, tuple(dict.fromkeys([label, *names])),
                              names_zh=tuple(names_zh)) for label, names, names_zh in TECHNOLOGIES)
