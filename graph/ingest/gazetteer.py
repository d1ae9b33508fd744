"""Bundled knowledge: China's administrative divisions, countries, well-known companies and technologies.

The data files beside this module (``gazetteer.tsv``, ``companies.tsv``) are package data, read with
:mod:`importlib.resources`. They are general knowledge, not facts about any one article.

>>> places = {p.id: p for p in load_places()}
>>> places["yibin"].label, places["yibin"].parent, places["sichuan"].parent
('Yibin City', 'sichuan', 'china')
>>> "Chengdu" in places["chengdu"].names
True
>>> [c.label for c in load_companies() if "CATL" in c.names]
['Contemporary Amperex Technology Co., Limited']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

__all__ = ["BundledEntry", "load_places", "load_companies", "TECHNOLOGIES", "slugify"]

#: Technologies of the industry and the words the press uses for them (label, other names).
TECHNOLOGIES = [
    ("Sodium-ion battery", ["sodium ion battery", "sodium-ion batteries", "sodium ion batteries", "sodium battery",
                            "sodium-ion", "sodium ion", "Na-ion battery"]),
    ("Lithium-ion battery", ["lithium ion battery", "lithium-ion batteries", "lithium battery", "lithium batteries",
                             "Li-ion battery", "lithium-ion"]),
    ("Lithium iron phosphate battery", ["lithium iron phosphate", "LFP battery", "LFP batteries", "LFP",
                                        "lithium iron phosphate batteries", "LiFePO4"]),
    ("Ternary lithium battery", ["ternary lithium", "NCM battery", "ternary batteries", "NMC battery"]),
    ("Solid-state battery", ["solid-state batteries", "solid state battery", "all-solid-state battery",
                             "semi-solid-state battery", "solid-state"]),
    ("Energy storage", ["new energy storage", "energy storage system", "energy storage systems", "ESS",
                        "battery energy storage", "energy storage"]),
    ("Power battery", ["power batteries", "traction battery", "EV battery", "EV batteries"]),
    ("Photovoltaics", ["photovoltaic", "PV", "solar PV", "PV cell and module", "solar cells", "solar modules"]),
    ("New energy vehicle", ["new energy vehicles", "NEV", "NEVs", "electric vehicle", "electric vehicles", "EV",
                            "EVs"]),
    ("Vehicle-to-grid", ["V2G", "vehicle-network interaction", "vehicle to grid"]),
    ("Hydrogen fuel cell", ["fuel cell", "fuel cells", "hydrogen fuel cells"]),
    ("Flow battery", ["vanadium flow battery", "redox flow battery", "flow batteries", "all-vanadium flow battery"]),
    ("Battery recycling", ["battery recycling and reuse", "recycling of batteries"]),
    ("Battery separator", ["battery separators", "separator"]),
    ("Cathode material", ["cathode materials", "positive electrode materials"]),
    ("Anode material", ["anode materials", "negative electrode materials"]),
]


@dataclass(frozen=True)
class BundledEntry:
    """One entry of the bundled lists: an id, its ontology class, label, other names and parent place id."""

    id: str
    cls: str
    label: str
    names: tuple[str, ...] = field(default_factory=tuple)
    parent: str | None = None


def slugify(name: str) -> str:
    """The IRI slug of a name: ASCII, lower case, hyphens.

    >>> slugify("Liaoning Xingkong Sodium Battery Co., Ltd.")
    'liaoning-xingkong-sodium-battery-co-ltd'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "entity"


def _rows(name: str):
    text = (files("graph.ingest") / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@lru_cache(maxsize=1)
def load_places() -> tuple[BundledEntry, ...]:
    """Countries and China's divisions from ``gazetteer.tsv``, parents before children."""
    entries = []
    for row in _rows("gazetteer.tsv"):
        ident, cls, label, parent, aliases = (row + [""] * 5)[:5]
        names = tuple(dict.fromkeys([label, *[a for a in aliases.split(";") if a]]))
        entries.append(BundledEntry(ident, cls, label, names, parent or None))
    return tuple(entries)


@lru_cache(maxsize=1)
def load_companies() -> tuple[BundledEntry, ...]:
    """Well-known companies of the industry from ``companies.tsv``."""
    entries = []
    for row in _rows("companies.tsv"):
        label, aliases = (row + [""])[:2]
        names = tuple(dict.fromkeys([label, *[a.strip() for a in aliases.split(";") if a.strip()]]))
        entries.append(BundledEntry(slugify(names[1] if len(names) > 1 and len(names[1]) < len(label) and
                                            names[1].isupper() else label), "Company", label, names))
    return tuple(entries)
