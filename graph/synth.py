"""A synthetic battery ecosystem, in the exact input format of ``data/``, for tests and benchmarks at scale.

:func:`synthesize` writes a data folder — ``registry.ttl``, ``sources/<id>.txt`` + ``.json`` and
``facts/<id>.trig`` — that ``batterykg build --data DIR`` builds like the curated one. The ecosystem has a
place hierarchy (China → provinces → cities → districts, parks and facilities), government bodies that
govern provinces and cities, companies, research institutions, people, conferences, visits, signing
ceremonies, investment projects and technologies. Articles state facts about them, one named graph per
sentence, each with the exact sentence as its ``bkg:quote``.

Who is mentioned is drawn from a Zipf-like law, so degrees are heavy-tailed: a few hubs (the first
company, the Sichuan provincial government, lithium-ion batteries) appear in many articles, most entities
in one or two. The same ``entities`` and ``seed`` always give byte-identical files; about ten triples are
built per entity (1k entities ≈ 10k triples, 100k ≈ 1M).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "synth"
>>> summary = synthesize(folder, entities=300, seed=1)
>>> summary.entities, summary.sources > 0, (folder / "registry.ttl").is_file()
(300, True, True)
>>> sorted(p.name for p in folder.iterdir())
['SYNTH.json', 'facts', 'registry.ttl', 'sources']
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import re
import shutil
from bisect import bisect_left
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import UsageError

__all__ = ["synthesize", "SynthSummary", "MARKER"]

#: The file that marks a folder as written by :func:`synthesize` (so it may be overwritten).
MARKER = "SYNTH.json"

_SYLLABLES = (
    "an bao bei ci da de ding dong fang feng fu gao guang hai han hang hao he heng hong hua huai jia jian jiang "
    "jin jing kai kang lan li lian long lu ming nan neng ning peng qi qian rong rui sheng shi shu tai tian tong "
    "wan wei xiang xin xing xu ya yang yi yong yu yuan yun ze zhao zhen zheng zhi zhong"
).split()
_PROVINCES = [
    "Sichuan", "Chongqing", "Guangdong", "Jiangsu", "Zhejiang", "Fujian", "Shanghai", "Beijing", "Hubei",
    "Hunan", "Anhui", "Jiangxi", "Shandong", "Henan", "Hebei", "Shaanxi", "Yunnan", "Guizhou", "Guangxi",
    "Qinghai", "Gansu", "Inner Mongolia", "Liaoning", "Jilin", "Heilongjiang", "Shanxi", "Tianjin", "Hainan",
    "Ningxia", "Xinjiang", "Tibet",
]
_COUNTRIES = ["China", "Germany", "Japan", "South Korea", "United Arab Emirates", "Chile", "Indonesia"]
_TECHNOLOGIES = [
    "lithium-ion battery", "energy storage", "sodium-ion battery", "lithium iron phosphate", "solid-state battery",
    "power battery", "battery recycling", "hydrogen fuel cell", "photovoltaics", "vanadium flow battery",
    "battery management system", "electric vehicle", "charging infrastructure", "ternary cathode material",
    "anode material", "electrolyte", "battery separator", "lithium mining", "smart grid", "pumped hydro storage",
    "compressed air energy storage", "virtual power plant", "wind power", "semi-solid-state battery",
    "manganese-rich cathode", "silicon anode", "battery swapping", "microgrid", "thermal management",
    "cell-to-pack integration",
]
_COMPANY_TRADES = ["New Energy", "Battery", "Lithium", "Energy Storage", "Power", "Materials", "Technology",
                   "Electric", "Smart Energy", "Cell"]
_INSTITUTES = ["Institute of Energy Storage", "Battery Research Institute", "University", "Academy of Sciences",
               "Key Laboratory of Electrochemistry"]
_CONFERENCES = ["Battery Industry Conference", "Energy Storage Forum", "New Energy Expo", "Power Battery Summit",
                "Lithium Industry Congress", "Smart Energy Exhibition"]
_FACILITIES = ["Gigafactory", "Cell Plant", "Cathode Plant", "Energy Storage Station", "Recycling Plant"]
_TITLES = ["chairman", "general manager", "chief scientist", "vice president", "director", "party secretary",
           "deputy mayor", "chief engineer"]
_GIVEN = "Wei Fang Min Jing Lei Yan Hui Jun Tao Ping Xin Lin Hao Qiang Yu Ling Bo Chen Ning Gang".split()
_FAMILY = "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao".split()
_PUBLISHERS = ["Sichuan Daily", "Chongqing Daily", "Xinhua", "China Daily", "Seetao", "MENAFN", "Energy Trend",
               "Battery Weekly", "Yibin Today", "West China Metropolis Daily", "CnEVPost", "Gasgoo"]


@dataclass
class SynthSummary:
    """What :func:`synthesize` wrote: counts per kind, and the parameters that reproduce it."""

    entities: int
    seed: int
    sources: int
    assertions: int
    fact_triples: int
    per_class: dict[str, int]

    def summary(self) -> str:
        lines = [f"synthetic ecosystem: {self.entities} entities, {self.sources} articles, "
                 f"{self.assertions} assertions, {self.fact_triples} fact triples (seed {self.seed})"]
        lines += [f"  {name:<20} {count:>7}" for name, count in self.per_class.items()]
        return "\n".join(lines)


@dataclass
class _Entity:
    iri: str          # local name under bk:
    cls: str          # bkg class local name
    label: str
    alt: str | None = None
    place: _Entity | None = None   # schema:containedInPlace (places) or schema:location (organisations)
    governs: _Entity | None = None
    employer: _Entity | None = None
    title: str | None = None
    date: dt.date | None = None
    tech: _Entity | None = None
    series: _Entity | None = None


def _turtle_string(text: str) -> str:
    """``text`` as a Turtle string literal (quoted, its backslashes, quotes and newlines escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class _Picker:
    """Draws entities with Zipf-like weights: the i-th entity is drawn in proportion to 1 / (i + 1) ** alpha."""

    def __init__(self, items: list[_Entity], alpha: float, rng: random.Random):
        self.items = items
        self.rng = rng
        total = 0.0
        self.cumulative = []
        for rank in range(len(items)):
            total += 1.0 / (rank + 1) ** alpha
            self.cumulative.append(total)
        self.total = total

    def one(self) -> _Entity:
        return self.items[bisect_left(self.cumulative, self.rng.random() * self.total)]

    def distinct(self, k: int) -> list[_Entity]:
        chosen: list[_Entity] = []
        for _ in range(k * 4):
            item = self.one()
            if item not in chosen:
                chosen.append(item)
                if len(chosen) == k:
                    break
        return chosen


class _Names:
    """Unique, pronounceable names: two syllables, a numeral added on the rare clash."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def brand(self) -> str:
        return (self.rng.choice(_SYLLABLES) + self.rng.choice(_SYLLABLES)).capitalize()

    def unique(self, make) -> str:
        name = make()
        for n in itertools.count(2):
            if name not in self.used:
                break
            name = f"{make()} {n}" if n > 6 else make()
        self.used.add(name)
        return name


def _entities_per_class(entities: int) -> dict[str, int]:
    """How many entities of each class a folder of ``entities`` entities holds."""
    share = {"Province": 0.004, "City": 0.03, "District": 0.035, "IndustrialPark": 0.02, "Facility": 0.02,
             "ResearchInstitution": 0.03, "Person": 0.14, "ConferenceSeries": 0.005, "Conference": 0.05,
             "Visit": 0.03, "SigningCeremony": 0.03, "InvestmentProject": 0.08}
    counts = {"Country": len(_COUNTRIES), "Technology": min(len(_TECHNOLOGIES), max(8, entities // 100)),
              "Publisher": min(len(_PUBLISHERS), max(3, entities // 1000))}
    counts["Province"] = min(len(_PROVINCES), max(2, round(entities * share.pop("Province"))))
    for cls, fraction in share.items():
        counts[cls] = max(1, round(entities * fraction))
    counts["GovernmentBody"] = counts["Province"] + counts["City"]
    counts["Company"] = entities - sum(counts.values())
    if counts["Company"] < 10:
        raise UsageError(f"--entities {entities} is too small: give at least 200")
    return counts


def _registry(entities: int, rng: random.Random) -> dict[str, list[_Entity]]:
    counts = _entities_per_class(entities)
    names = _Names(rng)
    reg: dict[str, list[_Entity]] = {cls: [] for cls in counts}

    def add(cls: str, iri: str, label: str, **kw) -> _Entity:
        entity = _Entity(iri=iri, cls=cls, label=label, **kw)
        names.used.add(label)
        if kw.get("alt"):  # a city's brand must not be a province's name ("Hebei" twice is one name to a reader)
            names.used.add(kw["alt"])
        reg[cls].append(entity)
        return entity

    for name in _COUNTRIES:
        add("Country", "country-" + name.lower().replace(" ", "-"), name)
    china = reg["Country"][0]
    for name in _PROVINCES[:counts["Province"]]:
        add("Province", "province-" + name.lower().replace(" ", "-"), f"{name} Province", alt=name, place=china)
    provinces = _Picker(reg["Province"], 1.0, rng)
    for i in range(counts["City"]):
        brand = names.unique(names.brand)
        add("City", f"city-{i:05d}", f"{brand} City", alt=brand, place=provinces.one())
    cities = _Picker(reg["City"], 0.8, rng)
    for i in range(counts["District"]):
        brand = names.unique(names.brand)
        add("District", f"district-{i:05d}", f"{brand} District", alt=brand, place=cities.one())
    for i in range(counts["IndustrialPark"]):
        city = cities.one()
        label = names.unique(lambda c=city: f"{c.alt} {names.brand()} Economic Development Zone")
        add("IndustrialPark", f"park-{i:05d}", label, place=city)
    parks = _Picker(reg["IndustrialPark"], 0.9, rng)
    for area in reg["Province"] + reg["City"]:
        suffix = "Provincial" if area.cls == "Province" else "Municipal"
        add("GovernmentBody", f"government-{area.iri}", f"{area.alt} {suffix} People's Government",
            alt=f"{area.alt} Government", governs=area, place=area)
    for i in range(counts["Technology"]):
        add("Technology", f"technology-{i:03d}", _TECHNOLOGIES[i].capitalize())
    techs = _Picker(reg["Technology"], 1.2, rng)
    for name in _PUBLISHERS[:counts["Publisher"]]:
        add("Publisher", "publisher-" + name.lower().replace(" ", "-"), name)
    short_names: set[str] = set()  # a short name two companies share would make them one to a reader (and the build)
    for i in range(counts["Company"]):
        city = cities.one()
        brand = names.brand()
        label = names.unique(lambda b=brand, c=city: f"{c.alt} {b} {rng.choice(_COMPANY_TRADES)} Co., Ltd.")
        short = label.split(" Co.")[0].split(" ", 1)[1] if i % 2 else None
        if short in short_names:
            short = None
        short_names.add(short)
        add("Company", f"company-{i:06d}", label, alt=short, place=city, tech=techs.one())
    for i in range(counts["ResearchInstitution"]):
        city = cities.one()
        label = names.unique(lambda c=city: f"{c.alt} {names.brand()} {rng.choice(_INSTITUTES)}")
        add("ResearchInstitution", f"institute-{i:05d}", label, place=city)
    employers = _Picker(reg["Company"] + reg["ResearchInstitution"] + reg["GovernmentBody"], 0.9, rng)
    for i in range(counts["Person"]):
        label = names.unique(lambda: f"{rng.choice(_FAMILY)} {rng.choice(_GIVEN)}{rng.choice(_SYLLABLES)}")
        employer = employers.one()
        title = rng.choice(_TITLES[5:] if employer.cls == "GovernmentBody" else _TITLES[:5])
        add("Person", f"person-{i:06d}", label, employer=employer, title=title)
    for i in range(counts["ConferenceSeries"]):
        label = names.unique(lambda: f"{names.brand()} {rng.choice(_CONFERENCES)}")
        add("ConferenceSeries", f"series-{i:04d}", label)
    series = _Picker(reg["ConferenceSeries"], 1.0, rng)

    def day() -> dt.date:
        return dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))

    for i in range(counts["Conference"]):
        parent, when = series.one(), day()
        label = names.unique(lambda p=parent, w=when: f"{w.year} {p.label}")
        add("Conference", f"conference-{i:05d}", label, place=cities.one(), date=when, series=parent,
            tech=techs.one())
    for i in range(counts["Visit"]):
        city = cities.one()
        label = names.unique(lambda c=city: f"{c.alt} investment visit {names.brand()}")
        add("Visit", f"visit-{i:05d}", label.capitalize(), place=city, date=day())
    for i in range(counts["SigningCeremony"]):
        city = cities.one()
        label = names.unique(lambda c=city: f"{c.alt} {names.brand()} project signing ceremony")
        add("SigningCeremony", f"signing-{i:05d}", label, place=city, date=day())
    for i in range(counts["InvestmentProject"]):
        tech = techs.one()
        label = names.unique(lambda t=tech: f"{names.brand()} {t.label.lower()} project")
        add("InvestmentProject", f"project-{i:05d}", label.capitalize(), place=parks.one(), date=day(), tech=tech)
    for i in range(counts["Facility"]):
        park = parks.one()
        label = names.unique(lambda p=park: f"{p.place.alt} {names.brand()} {rng.choice(_FACILITIES)}")
        add("Facility", f"facility-{i:05d}", label, place=park)
    return reg


def _registry_turtle(reg: dict[str, list[_Entity]]) -> str:
    out = ["@prefix bkg:    <https://w3id.org/battery-kg/ontology#> .",
           "@prefix bk:     <https://w3id.org/battery-kg/id/> .",
           "@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .",
           "@prefix schema: <https://schema.org/> .",
           "@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .",
           "",
           "# A synthetic registry written by graph.synth: not real companies, people or events.",
           ""]
    for cls, members in reg.items():
        for e in members:
            lines = [f"bk:{e.iri} a bkg:{cls} ;", f"    rdfs:label {_turtle_string(e.label)}@en"]
            if e.alt:
                lines.append(f"    skos:altLabel {_turtle_string(e.alt)}@en")
            if e.place is not None and cls in ("Province", "City", "District", "IndustrialPark", "Facility"):
                lines.append(f"    schema:containedInPlace bk:{e.place.iri}")
            elif e.place is not None and cls in ("Company", "ResearchInstitution"):
                lines.append(f"    schema:location bk:{e.place.iri}")
            if e.governs is not None:
                lines.append(f"    bkg:governs bk:{e.governs.iri}")
            out.append(" ;\n".join(lines) + " .\n")
    return "\n".join(out)


class _Article:
    """One article being written: its sentences and the assertion graph each one states."""

    def __init__(self, source_id: str):
        self.source_id = source_id
        self.sentences: list[str] = []
        self.graphs: list[list[str]] = []

    def add_sentence(self, sentence: str, triples: list[str]) -> None:
        """Add ``sentence`` to the article's text and ``triples`` (Turtle) as the assertion it states."""
        self.sentences.append(sentence)
        self.graphs.append(triples)

    def trig(self, header: str) -> str:
        out = [header, f"@prefix :       <https://w3id.org/battery-kg/source/{self.source_id}/> .", ""]
        for n, (sentence, triples) in enumerate(zip(self.sentences, self.graphs, strict=True), start=1):
            name = f":a{n:02d}"
            out.append(f"{name} bkg:quote {_turtle_string(sentence)} .")
            out.append(name + " {\n" + "".join(f"    {t} .\n" for t in triples) + "}\n")
        return "\n".join(out)


_FACTS_HEADER = "\n".join([
    "@prefix bkg:    <https://w3id.org/battery-kg/ontology#> .",
    "@prefix bk:     <https://w3id.org/battery-kg/id/> .",
    "@prefix amt:    <https://w3id.org/battery-kg/amount/> .",
    "@prefix schema: <https://schema.org/> .",
    "@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .",
])


def _add_random_news_sentence(article: _Article, rng: random.Random, pick: dict[str, _Picker]) -> None:
    """Add to ``article`` one sentence of news of a randomly chosen kind (a partnership, a project signed, a
    conference held or attended, a speech, a visit, what a company produces, a signing ceremony), with the facts
    it states."""
    kind = rng.choices(["partner", "project", "conference", "attend", "speech", "visit", "produce", "signing"],
                       weights=[18, 14, 12, 18, 12, 8, 10, 8])[0]
    if kind == "partner":
        a, b = pick["organization"].distinct(2)
        tech = a.tech or pick["technology"].one()
        article.add_sentence(f"{a.label} and {b.label} signed a strategic cooperation agreement on "
                             f"{tech.label.lower()}.",
                             [f"bk:{a.iri} bkg:signedAgreementWith bk:{b.iri}",
                              f"bk:{a.iri} bkg:partnerOf bk:{b.iri}"])
    elif kind == "project":
        project = pick["project"].one()
        parties = pick["company"].distinct(rng.choice([1, 2, 2, 3]))
        billions = project.date.toordinal() % 97 + 1 if project.date else 1
        amount = f"amt:CNY-{billions}000000000"
        names = ", ".join(p.label for p in parties[:-1]) + (" and " if len(parties) > 1 else "") + parties[-1].label
        article.add_sentence(
            f"{names} signed the {project.label} in {project.place.label} on {project.date.isoformat()}, "
            f"with a planned total investment of {billions} billion yuan.",
            [f"bk:{project.iri} bkg:party " + ", ".join(f"bk:{p.iri}" for p in parties),
             f"bk:{project.iri} schema:location bk:{project.place.iri}",
             f"bk:{project.iri} bkg:technology bk:{project.tech.iri}",
             f'bk:{project.iri} bkg:signingDate "{project.date.isoformat()}"^^xsd:date',
             f"bk:{project.iri} bkg:plannedInvestment {amount}",
             f'{amount} a schema:MonetaryAmount ; schema:value {billions}000000000.0 ; schema:currency "CNY"'])
    elif kind == "conference":
        event = pick["conference"].one()
        organizer = pick["government"].one()
        article.add_sentence(
            f"The {event.label} was held in {event.place.label} on {event.date.isoformat()}, organized by "
            f"{organizer.label}.",
            [f'bk:{event.iri} schema:startDate "{event.date.isoformat()}"^^xsd:date',
             f"bk:{event.iri} schema:location bk:{event.place.iri}",
             f"bk:{event.iri} schema:organizer bk:{organizer.iri}",
             f"bk:{event.iri} bkg:topic bk:{event.tech.iri}"])
    elif kind == "attend":
        event = pick["conference"].one()
        guests = pick["organization"].distinct(rng.choice([2, 3, 3, 4, 5]))
        role = rng.choice(["schema:attendee", "schema:attendee", "bkg:exhibitor"])
        names = ", ".join(g.label for g in guests[:-1]) + " and " + guests[-1].label
        verb = "attended" if role == "schema:attendee" else "exhibited at"
        article.add_sentence(f"Representatives of {names} {verb} the {event.label}.",
                             [f"bk:{event.iri} {role} " + ", ".join(f"bk:{g.iri}" for g in guests)])
    elif kind == "speech":
        person = pick["person"].one()
        event = pick["conference"].one()
        article.add_sentence(
            f"{person.label}, {person.title} of {person.employer.label}, delivered a keynote speech at the "
            f"{event.label}.",
            [f"bk:{person.iri} schema:worksFor bk:{person.employer.iri}",
             f"bk:{person.iri} schema:jobTitle {_turtle_string(person.title)}",
             f"bk:{event.iri} bkg:keynoteSpeaker bk:{person.iri}"])
    elif kind == "visit":
        visit = pick["visit"].one()
        guest = pick["government"].one()
        host = pick["company"].one()
        article.add_sentence(
            f"A delegation from {guest.label} visited {host.label} in {visit.place.label} on "
            f"{visit.date.isoformat()}.",
            [f"bk:{visit.iri} bkg:delegation bk:{guest.iri}", f"bk:{visit.iri} bkg:visited bk:{host.iri}",
             f"bk:{visit.iri} schema:location bk:{visit.place.iri}",
             f'bk:{visit.iri} schema:startDate "{visit.date.isoformat()}"^^xsd:date'])
    elif kind == "produce":
        facility = pick["facility"].one()
        company = pick["company"].one()
        tech = company.tech or pick["technology"].one()
        article.add_sentence(
            f"{company.label} produces {tech.label.lower()} products at the {facility.label} in "
            f"{facility.place.label}.",
            [f"bk:{company.iri} bkg:produces bk:{tech.iri}", f"bk:{facility.iri} bkg:operator bk:{company.iri}"])
    else:
        ceremony = pick["signing"].one()
        company = pick["company"].one()
        government = pick["government"].one()
        article.add_sentence(
            f"At the {ceremony.label} on {ceremony.date.isoformat()}, {company.label} signed an investment "
            f"agreement with {government.label}.",
            [f"bk:{ceremony.iri} schema:attendee bk:{company.iri}, bk:{government.iri}",
             f"bk:{ceremony.iri} schema:location bk:{ceremony.place.iri}",
             f'bk:{ceremony.iri} schema:startDate "{ceremony.date.isoformat()}"^^xsd:date',
             f"bk:{company.iri} bkg:signedAgreementWith bk:{government.iri}"])


def _names_list(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


#: How many registry entities one profile sentence covers.
_PROFILE_GROUP = 4


def _profiles(unmentioned: list[_Entity], pick: dict[str, _Picker]) -> list[tuple[str, list[str]]]:
    """Sentences (with their facts) about registry entities no article mentions yet, a few at a time, so that
    every entity of the registry has a source, as in real data."""
    by_kind: dict[str, list[_Entity]] = {}
    for entity in unmentioned:
        by_kind.setdefault(entity.cls, []).append(entity)
    out: list[tuple[str, list[str]]] = []
    for cls, members in by_kind.items():
        for start in range(0, len(members), _PROFILE_GROUP):
            group = members[start:start + _PROFILE_GROUP]
            labels = [e.label for e in group]
            if cls in ("Company", "ResearchInstitution"):
                out.append((" ".join(f"{e.label} is based in {e.place.label}." for e in group),
                            [f"bk:{e.iri} schema:location bk:{e.place.iri}" for e in group]))
            elif cls == "Person":
                out.append(("Among the industry's executives are " + "; ".join(
                    f"{e.label}, {e.title} of {e.employer.label}" for e in group) + ".",
                    [t for e in group for t in (f"bk:{e.iri} schema:worksFor bk:{e.employer.iri}",
                                                f"bk:{e.iri} schema:jobTitle {_turtle_string(e.title)}")]))
            elif cls in ("Province", "City", "District", "IndustrialPark", "Facility"):
                out.append((" ".join(f"{e.label} lies in {e.place.label}." for e in group),
                            [f"bk:{e.iri} schema:containedInPlace bk:{e.place.iri}" for e in group]))
            elif cls == "GovernmentBody":
                out.append((" ".join(f"The {e.label} governs {e.governs.label}." for e in group),
                            [f"bk:{e.iri} bkg:governs bk:{e.governs.iri}" for e in group]))
            elif cls == "Country":
                event = pick["conference"].one()
                out.append((f"{_names_list(labels)} were guests of honour of the {event.label}.",
                            [f"bk:{event.iri} bkg:guestOfHonour " + ", ".join(f"bk:{e.iri}" for e in group)]))
            elif cls == "Technology":
                event = pick["conference"].one()
                out.append((f"The {event.label} discussed {_names_list([x.lower() for x in labels])}.",
                            [f"bk:{event.iri} bkg:topic " + ", ".join(f"bk:{e.iri}" for e in group)]))
            elif cls == "ConferenceSeries":
                topic = pick["technology"].one()
                out.append((" ".join(f"The {e.label} series is devoted to {topic.label.lower()}." for e in group),
                            [f"bk:{e.iri} bkg:topic bk:{topic.iri}" for e in group]))
            elif cls == "InvestmentProject":
                out.append((" ".join(f"The {e.label} is located in {e.place.label}." for e in group),
                            [t for e in group for t in (f"bk:{e.iri} schema:location bk:{e.place.iri}",
                                                        f"bk:{e.iri} bkg:technology bk:{e.tech.iri}")]))
            elif cls in ("Conference", "Visit", "SigningCeremony"):
                out.append((" ".join(f"The {e.label} took place in {e.place.label} on {e.date.isoformat()}."
                                     for e in group),
                            [t for e in group for t in (f"bk:{e.iri} schema:location bk:{e.place.iri}",
                                                        f'bk:{e.iri} schema:startDate "{e.date.isoformat()}"'
                                                        "^^xsd:date")]))
    return out


def _entities_mentioned(article: _Article) -> set[str]:
    """The registry entities (local names under ``bk:``) the article's facts name."""
    return {name for triples in article.graphs for t in triples for name in re.findall(r"bk:([\w-]+)", t)}


def _clear_output_folder(out: Path) -> None:
    """Empty ``sources/`` and ``facts/`` of ``out``, refusing a non-empty folder that synth did not write."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise UsageError(f"{out} is not empty and was not written by `batterykg synth`: name a new folder")
    for name in ("sources", "facts"):
        shutil.rmtree(out / name, ignore_errors=True)
        (out / name).mkdir(parents=True)


def synthesize(out: Path, entities: int = 1000, seed: int = 0) -> SynthSummary:
    """Write a synthetic data folder of about ``entities`` registry entities to ``out``.

    Parameters
    ----------
    out : Path
        The folder to write: it must be new, empty, or written by an earlier call (it is then replaced).
    entities : int
        Entities in the registry (at least 200); about ten triples are built per entity.
    seed : int
        The random seed: the same ``entities`` and ``seed`` give byte-identical files.

    Returns
    -------
    SynthSummary
        Counts of what was written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> a, b = (pathlib.Path(tempfile.mkdtemp()) for _ in range(2))
    >>> _ = synthesize(a, 250, seed=7); _ = synthesize(b, 250, seed=7)
    >>> (a / "registry.ttl").read_bytes() == (b / "registry.ttl").read_bytes()
    True
    """
    if entities < 200:
        raise UsageError(f"--entities {entities} is too small: give at least 200")
    out = Path(out)
    _clear_output_folder(out)
    rng = random.Random(seed)
    reg = _registry(entities, rng)
    (out / "registry.ttl").write_text(_registry_turtle(reg), encoding="utf-8")

    organizations = reg["Company"] + reg["ResearchInstitution"]
    rng.shuffle(organizations)  # hubs among institutions too, not only the first companies
    pick = {
        "organization": _Picker(organizations, 1.05, rng),
        "company": _Picker(reg["Company"], 1.05, rng),
        "government": _Picker(reg["GovernmentBody"], 1.1, rng),
        "person": _Picker(reg["Person"], 0.7, rng),
        "conference": _Picker(reg["Conference"], 0.9, rng),
        "visit": _Picker(reg["Visit"], 0.5, rng),
        "signing": _Picker(reg["SigningCeremony"], 0.5, rng),
        "project": _Picker(reg["InvestmentProject"], 0.6, rng),
        "facility": _Picker(reg["Facility"], 0.6, rng),
        "technology": _Picker(reg["Technology"], 1.2, rng),
    }
    publishers = reg["Publisher"]
    sources = max(3, entities // 12)
    articles = []
    for n in range(sources):
        article = _Article(f"syn{n:06d}")
        for _ in range(rng.randint(3, 8)):
            _add_random_news_sentence(article, rng, pick)
        articles.append(article)
    mentioned = set().union(*(_entities_mentioned(a) for a in articles))
    unmentioned = [e for members in reg.values() for e in members
                   if e.iri not in mentioned and e.cls != "Publisher"]
    for number, (sentence, triples) in enumerate(_profiles(unmentioned, pick)):
        articles[number % len(articles)].add_sentence(sentence, triples)
    assertions = fact_lines = 0
    for n, article in enumerate(articles):
        source_id = article.source_id
        published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
        headline = " ".join(article.sentences[0].rstrip(".").split()[:12])
        publisher = publishers[n] if n < len(publishers) else rng.choice(publishers)  # each publishes one at least
        meta = {"id": source_id, "headline": headline, "publisher": publisher.label,
                "datePublished": published.isoformat(), "url": f"https://example.org/news/{source_id}",
                "language": "en", "note": "synthetic article written by graph.synth"}
        body = headline + "\n\n" + " ".join(article.sentences) + "\n"
        (out / "sources" / f"{source_id}.txt").write_text(body, encoding="utf-8")
        (out / "sources" / f"{source_id}.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        (out / "facts" / f"{source_id}.trig").write_text(article.trig(_FACTS_HEADER), encoding="utf-8")
        assertions += len(article.graphs)
        fact_lines += sum(t.count(",") + t.count(";") + 1 for g in article.graphs for t in g)
    summary = SynthSummary(entities=sum(len(v) for v in reg.values()), seed=seed, sources=sources,
                           assertions=assertions, fact_triples=fact_lines,
                           per_class={cls: len(members) for cls, members in reg.items()})
    (out / MARKER).write_text(json.dumps(asdict(summary), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return summary
