"""Relations from a sentence's words: trigger phrases and the order of the names around them.

Each rule is a function of one :class:`SentenceContext` (the sentence, its mentions, and what earlier
sentences established: the event or project the story is about, the parties of an agreement) and proposes
relations of the extractor's kinds: partnerOf, investsIn, signedAgreementWith, organizes, hosts, attends,
locatedIn, subsidiaryOf, produces, suppliesTo, worksFor. :data:`SURFACE_RULES` lists them in the order they
run; rules that read the dependency parse live in :mod:`graph.ingest.parse_rules`. Each candidate names the
rule that proposed it (``RelationCandidate.rule``), so a rule can be measured alone (``eval-extraction
--by-rule``).

>>> from graph.ingest.extractor import Extractor
>>> result = Extractor().extract("Li Wei, CEO of Foo Energy Co., Ltd., attended the 2031 Bar Battery Forum.")
>>> sorted((r["subject"], r["kind"], r["object"]) for r in result.as_dict()["relations"])
[('Li Wei', 'attends', '2031 Bar Battery Forum'), ('Li Wei', 'worksFor', 'Foo Energy Co., Ltd.')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import takewhile
from typing import NamedTuple

from .recogniser import TITLES

__all__ = ["RelationCandidate", "SentenceMention", "SentenceView", "SentenceContext", "RelationFinder", "Phrasing",
           "ENGLISH_PHRASING", "References", "RELATION_KINDS", "SURFACE_RULES", "DATELINE", "listed_together"]

#: The relation kinds the extractor proposes.
RELATION_KINDS = ["partnerOf", "investsIn", "signedAgreementWith", "organizes", "hosts", "attends", "locatedIn",
                  "subsidiaryOf", "produces", "suppliesTo", "worksFor"]

ORG = {"Company", "GovernmentBody", "Organization"}
ACTOR = ORG | {"Person"}
EVENT = {"Conference", "Event"}
PLACEISH = {"Place", "IndustrialPark", "Facility"}
# a title, with the body's capitalised words before it ("Standing Committee Member") or as an assistant's
# ("Assistant to the Chairman")
_TITLE_PHRASE = rf"(?:(?:[A-Z][a-z]+ ){{0,2}}{TITLES}|(?:Special )?(?:Assistant|Adviser|Advisor) to the {TITLES})"
# "Name, Title of / at / for Org" ("vice president and general manager for X in Asia Pacific", "Name, who is the
# chairman of Org")
_TITLE_OF = re.compile(rf"^,? (?:(?:who|which) (?:is|was) |currently )?(?:the |a |an )?"
                       rf"(?P<title>{_TITLE_PHRASE}(?:(?:,| and| &) {_TITLE_PHRASE})*)"
                       r"(?: (?:of|at|for) (?:the )?)"
                       r"(?:[A-Z][\w'-]*-based )?$")
# "Name, President SVOLT Europe": a press release's title runs straight into the organisation's name
_TITLE_BEFORE = re.compile(rf",? (?P<title>{TITLES}) ")
_AND_TITLE = re.compile(rf" ?(?:,|and|&) (?P<title>{_TITLE_PHRASE})(?: (?:of|at) (?:the )?| )")
# "Name, chairman of the firm": the company the story is about
_TITLE_OF_THE_FIRM = re.compile(rf",? (?:the )?(?P<title>{TITLES}) of (?:the|this) (?:company|firm|group|enterprise)\b")
# "Wang Jing, a research supervisor from X": a role in lower-case words, at an organisation
_ROLE_AT = re.compile(r",? (?:a|an) (?P<role>(?:[a-z-]+ ){1,4}?)(?:from|at|with) (?:the )?")
_DIRECTION = r"(?:(?:south|north|east|west|central|southwest|southeast|northwest|northeast)(?:ern)? )?"


# A mention that follows a preposition is an object in its sentence ("a subsidiary of X", "signed with X"),
# not the one doing what the sentence's verb says.
_GOVERNED = re.compile(r"\b(?:of|by|with|from|for|to|at|in|under|between)\s+(?:the\s+)?(?:[A-Z][\w'-]*-based\s+)?$",
                       re.IGNORECASE)
# "The project, developed by X, is located in ...": the sentence is about a thing, not an organisation.
_THING_SUBJECT = re.compile(r"^(?:the|its|this|a|an|their)\s+(?:[\w-]+\s+){0,3}?(?:project|plant|factory|base|"
                            r"facility|station|mine|line|center|centre|park|cluster)\b", re.IGNORECASE)
_EVENT_WORDS = r"(?:conference|event|forum|expo|exhibition|summit|fair|congress|meeting|symposium|convention)"
#: A dateline ("LESHAN, March 18 (Xinhua) --", "Frankfurt am Main/Chengdu, October 12, 2021 –"): where the reporter
#: was, not where things are.
DATELINE = re.compile(r"[A-Z][A-Za-z .'/-]{1,60},[^\n]{0,60}?(?:\([^)\n]{1,30}\))?\s*(?:--|\u2014|\u2013)\s*")


@dataclass
class RelationCandidate:
    """A proposed relation between two entities (by key), with the sentence that states it."""

    subject: str
    kind: str
    object: str
    sentence: tuple[int, int]
    confidence: float
    rule: str
    detail: dict = field(default_factory=dict)


class SentenceMention(NamedTuple):
    """A mention as a sentence's rules see it: offsets in the article, its words, and its entity's key, kind
    and class."""

    start: int
    end: int
    text: str
    key: str
    kind: str
    cls: str

    @staticmethod
    def referred(key: str, kind: str) -> SentenceMention:
        """An entity the sentence refers to without naming it ("it", "the company", "the project"): a mention of
        no words.

        >>> SentenceMention.referred("bk:catl", "Company")
        SentenceMention(start=0, end=0, text='', key='bk:catl', kind='Company', cls='')
        """
        return SentenceMention(0, 0, "", key, kind, "")


@dataclass
class SentenceView:
    """One sentence: its offsets and text, its mentions in text order, its dates and, when a statistical
    pipeline ran, its parsed span (a spaCy ``Span``)."""

    start: int
    end: int
    text: str
    mentions: list[SentenceMention]
    dates: list[tuple[int, int, str]] = field(default_factory=list)
    parsed: object | None = None

    def subject(self) -> SentenceMention | None:
        """The sentence's subject, as the surface rules read it: its first organisation no preposition governs
        ("Under the deal with X, Y will ..." is Y's)."""
        return next((m for m in self.mentions if m.kind in ORG and not _GOVERNED.search(self.before(m, 20))), None)

    def between(self, a: SentenceMention, b: SentenceMention) -> str:
        """The sentence text between two mentions."""
        return self.text[a.end - self.start:b.start - self.start]

    def before(self, m: SentenceMention, width: int = 80) -> str:
        return self.text[max(0, m.start - self.start - width):m.start - self.start]

    def after(self, m: SentenceMention, width: int = 80) -> str:
        return self.text[m.end - self.start:m.end - self.start + width]

    def offset(self, m: SentenceMention) -> int:
        """Where a mention starts, counted from the sentence's start."""
        return m.start - self.start


@dataclass
class SentenceContext:
    """What the rules share about one sentence: the view, its lower-case text, the event and project it is
    about (named, or referred to as "the conference" / "the project"), and what earlier rules settled: who
    holds a title at an organisation (``employers``) and who hosts or organises the event (``roles``)."""

    view: SentenceView
    finder: RelationFinder
    lower: str
    events: list[SentenceMention]
    projects: list[SentenceMention]
    event: str | None
    project: str | None
    employers: set[str] = field(default_factory=set)
    roles: dict[str, str] = field(default_factory=dict)

    @property
    def mentions(self) -> list[SentenceMention]:
        return self.view.mentions

    def add(self, subject: str, kind: str, obj: str, confidence: float, rule: str, **detail) -> None:
        self.finder.add(self.view, subject, kind, obj, confidence, rule, **detail)


# ---------------------------------------------------------------------------------------------------------------
# people and their organisations


def works_for(ctx: SentenceContext) -> None:
    """"Name, Title of Org", "Org's Title Name", "Name, Org's Title,", "Academician Name of Org"."""
    view, ms = ctx.view, ctx.mentions
    for i, m in enumerate(ms):
        if m.kind != "Person":
            continue
        for j, other in enumerate(ms[i + 1:i + 3], start=i + 1):
            if other.kind in ORG:
                match = _TITLE_OF.match(view.between(m, other)) or _TITLE_BEFORE.fullmatch(view.between(m, other))
                if match:
                    ctx.add(m.key, "worksFor", other.key, 0.85, "name-title-of-org", jobTitle=match.group("title"))
                    ctx.employers.add(other.key)
                    # "Name, President X Europe & Vice President X Energy": a second post at a second organisation
                    for previous, more in zip(ms[j:], ms[j + 1:j + 3], strict=False):
                        second = _AND_TITLE.fullmatch(view.between(previous, more))
                        if more.kind not in ORG or not second:
                            break
                        ctx.add(m.key, "worksFor", more.key, 0.8, "name-title-of-org", jobTitle=second.group("title"))
                        ctx.employers.add(more.key)
                    break
        following = ms[i + 1] if i + 1 < len(ms) else None
        possessive = following is not None and following.kind in ORG and view.between(m, following) == ", " and \
            re.match(rf"['\u2019]s (?P<title>{TITLES}(?:(?:,| and| &) {TITLES})*),", view.after(following, 80))
        if possessive:  # "Zhang Wei, Foo Energy's general manager, said"
            ctx.add(m.key, "worksFor", following.key, 0.8, "name-org-s-title", jobTitle=possessive.group("title"))
            ctx.employers.add(following.key)
        firm = _TITLE_OF_THE_FIRM.match(view.after(m, 120))
        if firm and ctx.finder.current_company and not any(o.kind in ORG for o in ms[i + 1:i + 2] if
                                                           o.start - m.end < firm.end()):
            ctx.add(m.key, "worksFor", ctx.finder.current_company, 0.7, "name-title-of-the-firm",
                    jobTitle=firm.group("title"))
            ctx.employers.add(ctx.finder.current_company)
        if i > 0 and ms[i - 1].kind in ORG:
            # "CATL's chairman, Zeng Yuqun", "Pilbara Minerals' managing director and CEO, Dale Henderson"
            match = re.fullmatch(rf"(?:'s|’s|'|’)? (?P<title>{TITLES}(?:(?:,| and| &) {TITLES})*),? ",
                                 view.between(ms[i - 1], m))
            if match:
                ctx.add(m.key, "worksFor", ms[i - 1].key, 0.8, "org-title-name", jobTitle=match.group("title"))
                ctx.employers.add(ms[i - 1].key)
        if i > 0 and ms[i - 1].kind in ORG and re.fullmatch(r"(?:'s|’s) ", view.between(ms[i - 1], m)) and \
                re.match(r",? (?:told|said|says|explained|noted|added|stressed)\b", view.after(m, 20)):
            # "CATL's Yang Weiping told Jiemian News": the organisation's own person
            ctx.add(m.key, "worksFor", ms[i - 1].key, 0.7, "org-possessive-person")
            ctx.employers.add(ms[i - 1].key)
        following = ms[i + 1] if i + 1 < len(ms) else None
        role = following and following.kind in ORG and _ROLE_AT.fullmatch(view.between(m, following))
        if role:
            ctx.add(m.key, "worksFor", following.key, 0.7, "name-role-at-org", jobTitle=role.group("role"))
            ctx.employers.add(following.key)
        title = re.search(rf"\b(?P<title>{TITLES}) $", view.before(m, 60))
        # "analyst Zhang Jinhui of consulting firm ICCSINO": what the organisation is may come before its name
        if title and following and following.kind in ORG and re.fullmatch(
                r" (?:of|at) (?:the )?(?:(?:[a-z][\w-]* ){0,2}(?:firm|company|group|agency|institute|bank|"
                r"consultancy|maker|manufacturer|producer|developer) )?", view.between(m, following)):
            ctx.add(m.key, "worksFor", following.key, 0.8, "title-name-of-org", jobTitle=title.group("title"))
            ctx.employers.add(following.key)


# ---------------------------------------------------------------------------------------------------------------
# events: hosts, organisers, attendees, place


def hosted_or_organised_by(ctx: SentenceContext) -> None:
    """Passive roles: "hosted by X and jointly organized by Y and Z" (a district in the list too)."""
    view, lower = ctx.view, ctx.lower
    triggers = [(t.start(), "hosts" if t.group(1).startswith(("host", "co-host")) else "organizes")
                for t in re.finditer(r"\b((?:co-)?host(?:ed)?|(?:(?:jointly |co-)?organi[sz]ed|sponsored|"
                                     r"undertaken|co-organi[sz]ed)) by\b", lower)]
    if not triggers or not ctx.event:
        return
    for m in ctx.mentions:
        if m.kind not in ORG:
            continue
        before = [t for t in triggers if t[0] < view.offset(m)]
        if not before:
            continue
        role = before[-1][1]
        ctx.add(m.key, role, ctx.event, 0.8, f"{role}-by")
        ctx.roles[m.key] = role
    # a district or city among the hosts: only inside the list the trigger opens ("... and Shuangliu District")
    for start, role in triggers:
        trigger_end = re.compile(r"\S+ by\b").search(lower, start).end()
        previous_end = view.start + trigger_end
        for m in ctx.mentions:
            if m.start < previous_end:
                continue
            gap = view.text[previous_end - view.start:m.start - view.start]
            if not re.fullmatch(r",?\s*(?:and\s+|as well as\s+)?(?:the\s+)?", gap):
                break
            if m.kind == "Place" and m.cls != "Country":
                ctx.add(m.key, role, ctx.event, 0.7, f"{role}-by-place")
                ctx.roles[m.key] = role
            previous_end = m.end


def organisers_are(ctx: SentenceContext) -> None:
    """"Organizers — X and Y — expect ...", "organizers include X": the story's event."""
    organisers = re.search(r"\b(?:co-)?organi[sz]ers?\b(?:\s*(?:—|–|-|:)|\s+(?:are|were|include|included))",
                           ctx.lower)
    target = ctx.event or ctx.finder.current_event
    if not organisers or not target:
        return
    for m in ctx.mentions:
        if m.kind in ORG and ctx.view.offset(m) > organisers.end() and m.key not in ctx.roles:
            ctx.add(m.key, "organizes", target, 0.7, "organizers-are")
            ctx.roles[m.key] = "organizes"


def hosts_actively(ctx: SentenceContext) -> None:
    """Active roles: "X hosted the conference", "As the organizer of this event, X", "X, the organiser of the E"."""
    if not ctx.event:
        return
    view = ctx.view
    for m in ctx.mentions:
        if m.kind in ORG and re.match(r"^ (?:will |has |have )?(?:hosts?|hosted|co-hosted)\b", view.after(m, 30)):
            ctx.add(m.key, "hosts", ctx.event, 0.75, "x-hosted")
            ctx.roles[m.key] = "hosts"
        if m.kind in ORG and re.search(r"\bas (?:the )?(?:co-)?organi[sz]er of (?:this|the) \w+,\s*$",
                                       view.before(m).lower()):
            ctx.add(m.key, "organizes", ctx.event, 0.75, "as-organizer")
            ctx.roles[m.key] = "organizes"
    for a, b in zip(ctx.mentions, ctx.mentions[1:], strict=False):
        # "X, the organiser of the 2023 Lithium Battery Forum, said", "X, host of the expo"
        role = a.kind in ORG and b.kind in EVENT and a.key not in ctx.roles and re.fullmatch(
            r",? (?:(?:which|who) (?:is|was) )?(?:the |a |an |one of the )?(?:main |chief |lead )?"
            r"(?P<role>(?:co-)?organi[sz]ers?|(?:co-)?hosts?) of (?:the |this year's |this )?",
            view.between(a, b).lower())
        if role:
            kind = "hosts" if "host" in role.group("role") else "organizes"
            ctx.add(a.key, kind, b.key, 0.7, "the-organiser-of")
            ctx.roles[a.key] = kind


_ATTEND = re.compile(r"\b(?:attend(?:ed|s|ing)?|participat\w*|took part|take part|delivered (?:a |the )?"
                     r"(?:keynote )?speech\w*|keynote(?: speaker| speech| address| report)?|speaker|"
                     r"guests? of hono(?:u)?r|attracted|"
                     r"exhibitors?|exhibited|showcased|present at|joined|gathered|brought together|"
                     r"(?:said|spoke|speaking|remarked|noted|told reporters) at)\b")


def attendance(ctx: SentenceContext) -> None:
    """Who attends, speaks at or exhibits at the event (a country as guest of honour)."""
    attend = _ATTEND.search(ctx.lower)
    if not attend:
        return
    event = ctx.event
    if not event and ctx.finder.current_event and re.search(
            r"keynote|speaker|speech|guests? of hono(?:u)?r|exhibitor", attend.group(0)):
        event = ctx.finder.current_event  # a speaker in a story about an event speaks at that event
        ctx.event = event
    if not event:
        return
    country_ok = re.search(r"guests? of hono(?:u)?r|invited|delegation", ctx.lower)
    for m in ctx.mentions:
        if m.key in ctx.employers or m.key in ctx.roles or m.key == event:
            continue
        if m.kind in ACTOR or (m.cls == "Country" and country_ok):
            ctx.add(m.key, "attends", event, 0.7, "attend-trigger")


# "X said Monday at the E", "X shows off its blade battery technology at the E": what one does at an event, said
# right after its name
_DOES_AT = re.compile(r" (?:(?:also|has|have|had) )?(?:said|says|spoke|speaks|shows? off|showed off|unveil(?:s|ed)|"
                      r"display(?:s|ed)|showcas(?:es|ed)|exhibit(?:s|ed)|debut(?:s|ed))\b[^.;,]{0,80}? at "
                      r"(?:the |this year's )?")


def does_at_the_event(ctx: SentenceContext) -> None:
    """"Li Yunfei said Monday at the Shanghai Auto Show", "BYD shows off its blade battery technology at the Beijing
    International Auto Show": the one named right before the verb attends the event."""
    view = ctx.view
    for event in ctx.events:
        doer = next((m for m in reversed(ctx.mentions) if m.end <= event.start), None)
        if doer is not None and doer.kind in ACTOR and doer.key not in ctx.roles and \
                not _GOVERNED.search(view.before(doer, 20)) and _DOES_AT.fullmatch(view.between(doer, event)):
            ctx.add(doer.key, "attends", event.key, 0.65, "does-at-the-event")


_HELD = r"\b(?:held|hold|holds|opened|opens|open|kicked off|kicks off|kick off|took place|takes place|" \
        r"take place|launched|convened|staged)\b"


def event_place(ctx: SentenceContext) -> None:
    """An event held in a place: the place follows a "held / opened in" or the event's name closely; "at the
    Expo City in Chengdu" puts it in the venue's place too."""
    if not ctx.event:
        return
    view, ms = ctx.view, ctx.mentions
    for m in ms:
        if m.kind not in PLACEISH or not re.search(r"\b(?:in|at)\s+(?:the )?(?:city of )?$", view.before(m, 20)):
            continue
        near_trigger = re.search(_HELD, view.before(m, 50).lower())
        near_event = any(e.end <= m.start and m.start - e.end <= 40 for e in ctx.events)
        if not (near_trigger or near_event):
            continue
        ctx.add(ctx.event, "locatedIn", m.key, 0.7, "event-in-place")
        if m.kind == "Facility":
            place = next((p for p in ms if p.start > m.end and p.kind == "Place" and
                          re.fullmatch(r",? in (?:the )?", view.text[m.end - view.start:p.start - view.start])),
                         None)
            if place:
                ctx.add(ctx.event, "locatedIn", place.key, 0.7, "event-in-venue-in-place")
        break


# ---------------------------------------------------------------------------------------------------------------
# places


def place_comma_chain(ctx: SentenceContext) -> None:
    """"Yibin City, Sichuan Province, southwestern China": each in the next, where the gazetteer agrees."""
    view, ms = ctx.view, ctx.mentions
    for a, b in zip(ms, ms[1:], strict=False):
        if a.kind in PLACEISH and b.kind == "Place" and a.cls != "Country" and \
                re.fullmatch(rf",\s*{_DIRECTION}", view.between(a, b)):
            chain = ctx.finder.ancestors(a.key)
            # "the Sanjiang New Area of Yibin, Sichuan Province": the park is in Yibin, which is in Sichuan
            # ("the Suining Economic and Technological Development Zone, Sichuan Province": in the province)
            indirect = a.kind != "Place" and chain and b.key != chain[0] and re.search(r"\bof\b", a.text)
            if (b.key in chain or not chain) and not indirect:
                ctx.add(a.key, "locatedIn", b.key, 0.75, "place-comma-chain")


def park_of_place(ctx: SentenceContext) -> None:
    """"Liangjiang New Area of southwest China's Chongqing Municipality", "the Sanjiang New Area of Yibin",
    "Rongxian County of Zigong": a park, project, facility or district "of" a place is in it."""
    view, ms = ctx.view, ctx.mentions
    for i, (a, b) in enumerate(zip(ms, ms[1:], strict=False)):
        if a.kind not in ("IndustrialPark", "InvestmentProject", "Facility", "Place") or b.kind != "Place" or \
                a.kind == "Place" and a.cls not in ("District", "County", "Town", "City") or \
                not re.fullmatch(rf" of (?:the )?{_DIRECTION}", view.between(a, b)):
            continue
        following = ms[i + 2] if i + 2 < len(ms) else None
        if b.cls == "Country" and following is not None and following.kind == "Place" and \
                view.between(b, following) in ("'s ", "\u2019s "):
            b = following  # "of southwest China's Chongqing Municipality": in Chongqing
        ctx.add(a.key, "locatedIn", b.key, 0.7, "park-of-place")


def place_a_city_in(ctx: SentenceContext) -> None:
    """"Leshan, a city in southwest China's Sichuan Province"; "China's Sichuan Province"."""
    view, ms = ctx.view, ctx.mentions
    for a, b in zip(ms, ms[1:], strict=False):
        if a.kind == "Place" and b.kind == "Place" and re.fullmatch(
                rf",? (?:a|an|the) (?:[\w-]+ )?(?:city|county|district|town|township|prefecture|province|region|"
                rf"municipality|village) (?:in|of) (?:the )?{_DIRECTION}", view.between(a, b).lower()):
            following = ms[ms.index(b) + 1] if ms.index(b) + 1 < len(ms) else None
            if b.cls == "Country" and following and following.kind == "Place" and \
                    view.between(b, following) in ("'s ", "\u2019s "):
                b = following  # "a city in southwest China's Sichuan Province": in the province
            ctx.add(a.key, "locatedIn", b.key, 0.75, "place-a-city-in")
        # "China's Sichuan Province", "China's southwestern Sichuan province"
        if a.cls == "Country" and b.kind == "Place" and re.fullmatch(rf"['\u2019]s {_DIRECTION}", view.between(a, b)) \
                and a.key in ctx.finder.ancestors(b.key):
            ctx.add(b.key, "locatedIn", a.key, 0.7, "country-possessive")


def province_in_country(ctx: SentenceContext) -> None:
    """Provinces "in (southwest) China"."""
    view, ms = ctx.view, ctx.mentions
    for m in ms:
        if m.cls != "Province":
            continue
        country = next((c for c in ms if c.cls == "Country" and c.start > m.end and re.search(
            rf"\bin {_DIRECTION}$", view.text[:c.start - view.start])), None)
        if country and country.key in ctx.finder.ancestors(m.key) and view.after(m, 200):
            ctx.add(m.key, "locatedIn", country.key, 0.5, "province-in-country")


def fronted_place(ctx: SentenceContext) -> None:
    """"In Liangjiang's Longsheng New City, the X Industrial Park stands as ...": a sentence that opens with a
    place puts the project, park or facility it is about there."""
    view, ms = ctx.view, ctx.mentions
    opening = re.match(r"(?:In|At|Located in) (?:the )?", view.text)
    if not opening or not ms or view.offset(ms[0]) != opening.end():
        return
    i = 0
    while i + 1 < len(ms) and ms[i + 1].kind in PLACEISH and view.between(ms[i], ms[i + 1]) in ("'s ", "\u2019s ",
                                                                                                 " of "):
        i += 1
    place, following = ms[i], ms[i + 1] if i + 1 < len(ms) else None
    if place.kind in PLACEISH and following is not None and \
            following.kind in ("InvestmentProject", "IndustrialPark", "Facility") and \
            re.fullmatch(r",\s*(?:the |a |an |its )?", view.between(place, following)):
        ctx.add(following.key, "locatedIn", place.key, 0.65, "fronted-place")


def located_in(ctx: SentenceContext) -> None:
    """A project or company located / landed / built in a place or park; "located in Zhongfeng Town, Qijiang
    District", "situated in Neijiang in southwestern Sichuan Province": in both places the sentence names, the second
    holding the first."""
    located = re.search(r"\b(?:located|situated|landed|settled|based|built|set up|established|sited|construct\w*) "
                        r"in\b",
                        ctx.lower)
    if not located:
        return
    view, ms = ctx.view, ctx.mentions
    # companies are based somewhere, projects are located: "X, based in Taixing, is undertaking the project"
    subject = ctx.project if not located.group(0).startswith("based") else None
    if subject is None and not _THING_SUBJECT.match(view.text):
        before = [m for m in ms if m.kind in (ORG | {"Facility"}) and view.offset(m) < located.start()
                  and not _GOVERNED.search(view.before(m, 20))]
        subject = before[-1].key if before else None
    targets = [m for m in ms if m.kind in PLACEISH and view.offset(m) > located.start()]
    if len(targets) > 1 and targets[0].cls == "Country" and view.between(*targets[:2]) in ("'s ", "\u2019s "):
        targets = targets[1:]  # "based in southwest China's Sichuan province": in the province
    if subject and targets:
        ctx.add(subject, "locatedIn", targets[0].key, 0.7, "located-in")
        # "located in Zhongfeng Town, Qijiang District", "to be located in Fuling, Chongqing": in the place the first
        # one is in too, as the sentence names it
        if len(targets) > 1 and targets[1].cls != "Country" and \
                re.fullmatch(rf", |,? in (?:the )?{_DIRECTION}", view.between(*targets[:2])) and \
                re.fullmatch(r" (?:the )?", view.text[located.end():view.offset(targets[0])]) and \
                targets[1].key in ctx.finder.ancestors(targets[0].key):
            ctx.add(subject, "locatedIn", targets[1].key, 0.65, "located-in-place-of-place")


# "-based ", "-based diversified manufacturer ": what the place-based one is, in lower-case words, before its name
_BASED_PREFIX = re.compile(r"-based (?:(?!(?:and|or|with|of|to|for|in|by|from|at) )[a-z][\w-]* ){0,3}")
# "-based firm said", "-based company", not "-based firm X" (a name after the noun is the place-based one's)
_DESCRIBED_BASED = re.compile(r"-based (?:firm|company|group|producer|maker|manufacturer|miner|developer|supplier)"
                              r"(?! [A-Z])\b")


def place_based(ctx: SentenceContext) -> None:
    """"Hefei-based Foo Co., Ltd." ("Yibin, Sichuan province-based Foo": in Yibin), "Foo, a Hefei-based maker",
    "Foo, a developer based in Hefei", "Chongqing's Liangjiang New Area", "Liangjiang's Longsheng New City"."""
    view, ms = ctx.view, ctx.mentions
    for i, (a, b) in enumerate(zip(ms, ms[1:], strict=False)):
        if a.kind == "Place" and b.kind in ORG and _BASED_PREFIX.fullmatch(view.between(a, b)):
            # "Yibin, Sichuan province-based Tianyi Lithium": based in the city the province holds
            before = ms[i - 1] if i > 0 else None
            if before is not None and before.kind == "Place" and view.between(before, a) == ", " and \
                    a.key in ctx.finder.ancestors(before.key):
                a = before
            ctx.add(b.key, "locatedIn", a.key, 0.7, "place-based-prefix")  # "Milwaukee-based diversified maker X"
        if a.kind in ORG and b.kind == "Place" and re.fullmatch(r",? (?:(?:is|was) )?(?:a|an|the)(?: [a-z]+){0,2}? ",
                                                               view.between(a, b).lower()) and \
                re.match(r"-based\b", view.after(b, 10)):
            ctx.add(a.key, "locatedIn", b.key, 0.7, "place-based")
    for a in ms:
        # "..., the Sichuan province-based firm said": the company the sentence is about, named before
        if a.kind == "Place" and _DESCRIBED_BASED.match(view.after(a, 40)) and \
                re.search(r"\bthe $", view.before(a, 4).lower()):
            company = next((m.key for m in ms if m.kind == "Company" and m.end <= a.start and
                            not _GOVERNED.search(view.before(m, 20))), None)
            if company:
                ctx.add(company, "locatedIn", a.key, 0.6, "the-place-based-firm")
    named = [m for m in ms if m.kind != "Technology"]
    for a, b in zip(named, named[1:], strict=False):
        # "U.S. electric vehicle (EV) manufacturer Tesla Inc", "Chinese lithium miner X" (a place before the trade)
        if a.kind == "Place" and b.kind in ORG and re.fullmatch(
                r"(?:['\u2019]s)? (?:[\w()-]+ ){0,4}?(?:manufacturer|maker|carmaker|automaker|company|firm|giant|"
                r"producer|supplier|developer|group|miner) ", view.between(a, b)) and \
                not re.search(r"\b(?:of|for|to|with|from|in|at|by)\b", view.between(a, b)):
            ctx.add(b.key, "locatedIn", a.key, 0.6, "place-trade-name")
    for a, b, gap in _pairs(ctx):
        if (a.kind == "Place" and b.kind in ("IndustrialPark", "Facility") or
                a.kind == "IndustrialPark" and b.kind in ("Place", "Facility")) and gap in ("'s ", "\u2019s "):
            ctx.add(b.key, "locatedIn", a.key, 0.7, "place-possessive")  # "Liangjiang's Longsheng New City"
        if a.kind in ORG and b.kind == "Place" and re.fullmatch(
                r"\)?,? (?:(?:is|was) )?(?:a|an|the) (?:[\w-]+ ){0,4}?(?:based|headquartered) in (?:the )?", gap):
            # "X (SVOLT), a global high-tech company headquartered in China": after the short name's bracket too
            ctx.add(a.key, "locatedIn", b.key, 0.7, "based-in")
        elif a.kind in ORG and b.kind == "Place" and re.fullmatch(
                r" (?:is|was) (?:a|an|the) (?:[\w-]+ ){0,4}?(?:supplier|producer|maker|manufacturer|company|firm|"
                r"developer|miner|refiner|converter) in (?:the )?", gap) and \
                not re.search(r"\b(?:largest|biggest|leading|top|major|main|first|second|third|only)\b", gap):
            # "Yibin Tianyi is a Chinese-based supplier in the Sichuan Province", not "the largest producer in China"
            ctx.add(a.key, "locatedIn", b.key, 0.65, "based-in")
        elif a.kind in ORG and b.kind == "Place" and re.fullmatch(
                r",? (?:which is |that is |is |was )?(?:based|headquartered) in (?:the )?", gap):
            ctx.add(a.key, "locatedIn", b.key, 0.7, "based-in")  # "X, based in Taixing", "X based in the US"
        if a.kind in PLACEISH and b.kind == "Place" and re.fullmatch(
                r",? in the (?:[\w-]+ ){0,3}?(?:province|city|county|prefecture|region|municipality) of ", gap):
            ctx.add(a.key, "locatedIn", b.key, 0.7, "in-the-province-of")  # "Taixing in the eastern province of X"
        if b.kind in ORG and a.kind == "Place" and a.cls in ("Country", "Province") and gap in ("'s ", "\u2019s "):
            # "Australia's AVZ Minerals", "South Korea's LG and SK On"
            listed = listed_together(view, [m for m in ctx.mentions if m.start >= b.start])
            for company in takewhile(lambda m: m.kind in ORG, listed):
                ctx.add(company.key, "locatedIn", a.key, 0.6, "country-possessive-org")


# "X is home to", "X, which is now home to", "Now it's home to"
_HOME_TO = re.compile(r",?\s*(?:(?:which|that)\s+)?"
                      r"(?:(?:is|was|has been|has become|becomes|became|remains|['\u2019]s)\s+)?"
                      r"(?:now\s+|also\s+|already\s+)?home to\b", re.IGNORECASE)


def home_to(ctx: SentenceContext) -> None:
    """"Now it's home to 10 automobile manufacturers such as Chang'an Auto and SERES Group", "Yibin, home to
    CATL": the organisations listed after "home to" are in the place or park before it."""
    view, ms = ctx.view, ctx.mentions
    for i, place in enumerate(ms):
        if place.kind not in PLACEISH or place.cls == "Country" or \
                not _HOME_TO.match(view.text, place.end - view.start):
            continue
        for m in ms[i + 1:]:
            if m.kind in PLACEISH or ";" in view.between(place, m):
                break
            if m.kind in ORG:
                ctx.add(m.key, "locatedIn", place.key, 0.6, "home-to")


def _pairs(ctx: SentenceContext):
    """Neighbouring mentions and the lower-case words between them (a "<place>-based" between two names is
    skipped)."""
    view = ctx.view
    pairs = [m for m in ctx.mentions if not (m.kind == "Place" and view.after(m, 7).startswith("-based"))]
    for a, b in zip(pairs, pairs[1:], strict=False):
        yield a, b, re.sub(r"\b[A-Z][\w'-]*-based $", "", view.between(a, b)).lower()


# ---------------------------------------------------------------------------------------------------------------
# agreements, partnerships, investment


# "X and Y" between two parties: "X (Ya'an) and Y" (a place in brackets after a name is the name's), "X Company
# and Y" (a company word the name left out)
_AND = re.compile(r"(?: \([^()]{1,30}\)| (?:Company|Corporation|Co\.))?,? and ")


def agreement_between(ctx: SentenceContext) -> None:
    """"An agreement / cooperation between X and Y" (and an investment agreement for the project)."""
    lower = ctx.lower
    between = re.search(r"\b(?:agreement|contract|memorandum|mou|deal|cooperation|partnership)\b[^.;]*?"
                        r"\bbetween\b", lower)
    if not between:
        return
    after = [m for m in ctx.mentions if m.kind in ORG and ctx.view.offset(m) > between.end() - 8]
    # "between X and (the) Y", not "between X and the battery manufacturer ... Y"
    if len(after) < 2 or not re.fullmatch(_AND.pattern + r"(?:the )?(?:[a-z][\w-]* ){0,3}?",
                                          ctx.view.between(after[0], after[1])):
        return
    x, y = after[0].key, after[1].key
    if re.search(r"\b(?:agreement|contract|memorandum|mou)\b", lower[:between.end()]):
        ctx.add(x, "signedAgreementWith", y, 0.8, "agreement-between")
        ctx.finder.parties = [x, y]
    if "cooperation" in lower[:between.end()] or "partnership" in lower[:between.end()]:
        ctx.add(x, "partnerOf", y, 0.65, "cooperation-between")
    if "invest" in lower[:between.end()] and ctx.project:
        for party in (x, y):
            ctx.add(party, "investsIn", ctx.project, 0.6, "investment-agreement")


# "X signed / inked / struck / sealed / secured a deal with Y"
_SIGNED_WITH = re.compile(r"\b(?:sign(?:ed|s)?|enter(?:ed|s)? into|inked|reached|concluded|str(?:uck|ikes)|"
                          r"seal(?:ed|s)|secur(?:ed|es)|clinch(?:ed|es)|finali[sz](?:ed|es))\b[^.;]*?"
                          r"\b(?:agreements?|contracts?|memorand(?:um|a)|mous?|deals?)\b[^.;]*?\bwith\b")


# between two signers of a list, each with what it is after it: "X, the world's largest lithium producer, and Y"
_SIGNERS_LISTED = re.compile(r"(?:,? (?:and |as well as )?(?:the )?|, )|, [^,;()]{1,60}, (?:and |as well as )(?:the )?")


# "... with Y and Z to form a joint venture (company)"
_TO_FORM_A_VENTURE = re.compile(r"[^.;]{0,120}?\bto (?:jointly )?(?:form|set up|establish|create|found) an? "
                                r"(?:[\w-]+ ){0,2}?joint venture\b")


def signed_with(ctx: SentenceContext) -> None:
    """"X signed a (strategic cooperation / investment / supply) agreement with Y"; "X signed a purchase agreement
    with Y": Y supplies X."""
    signed = _SIGNED_WITH.search(ctx.lower)
    if not signed:
        return
    view = ctx.view
    before = [m for m in ctx.mentions if m.kind in ORG and view.offset(m) < signed.start()
              and not _GOVERNED.search(view.before(m, 20))]
    after = [m for m in ctx.mentions if m.kind in ORG and view.offset(m) > signed.end() - 5]
    if not before or not after:
        return
    x, y = before[-1].key, after[0].key
    # "X, the world's largest lithium producer, and Y, leader in photovoltaics, signed agreements with Z": each
    # signer listed, past what each is
    signers = [before[-1]]
    for previous in reversed(before[:-1]):
        if not _SIGNERS_LISTED.fullmatch(view.between(previous, signers[0])):
            break
        signers.insert(0, previous)
    # "X had signed a cooperation agreement with Y and Z": X signs with each listed
    others = [m.key for m in listed_together(view, after) if m.kind in ORG]
    kind_of_deal = ctx.lower[signed.start():signed.end()]
    # a cooperation makes partners; a strategic offtake ("a strategic, long-term offtake partner agreement") is a sale
    cooperation = re.search(r"\b(?:cooperation|strategic|partnership|alliance)\b", kind_of_deal) and \
        not re.search(r"\bofftake\b", kind_of_deal)
    for signer in signers[:-1]:
        for other in others:
            ctx.add(signer.key, "signedAgreementWith", other, 0.7, "signed-with")
            if cooperation:
                ctx.add(signer.key, "partnerOf", other, 0.6, "signed-cooperation-with")
    for other in others:
        ctx.add(x, "signedAgreementWith", other, 0.75, "signed-with")
    if len(others) > 1 and _TO_FORM_A_VENTURE.match(ctx.lower, signed.end()):
        # "X had signed a cooperation agreement with Y and Z to form a joint venture company": the three found it
        # together, each a party to the agreement and a partner of the others
        for i, a in enumerate(others):
            for b in others[i + 1:]:
                ctx.add(a, "signedAgreementWith", b, 0.6, "signed-to-form-a-venture")
                ctx.add(a, "partnerOf", b, 0.6, "signed-to-form-a-venture")
    ctx.finder.parties = [x, y]
    if "invest" in kind_of_deal and ctx.project:  # "signed an investment agreement ... for the project"
        for party in (m for m in before[-1:] + after[:1] if m.kind == "Company"):
            ctx.add(party.key, "investsIn", ctx.project, 0.6, "investment-agreement")
    for other in others if cooperation else ():
        ctx.add(x, "partnerOf", other, 0.65, "signed-cooperation-with")
    if re.search(r"\b(?:supply|sales?) (?:agreements?|contracts?|deals?)\b", kind_of_deal):
        ctx.add(x, "suppliesTo", y, 0.65, "supply-agreement-with")
    elif re.search(r"\b(?:purchase|procurement|purchasing|buying) (?:agreements?|contracts?|deals?)\b", kind_of_deal):
        # "Y signed a battery purchase agreement with X": Y buys, X supplies it
        for other in others:
            ctx.add(other, "suppliesTo", x, 0.6, "purchase-agreement-with")


def x_and_y_signed(ctx: SentenceContext) -> None:
    """"X and Y signed an agreement" (when no "with" follows)."""
    if _SIGNED_WITH.search(ctx.lower):
        return
    joint = re.search(r"\b(?:signed|signs?|inked|inks?|concluded|entered into|enter into)\b[^.;]*?\b(?:agreement|"
                      r"contract|memorandum|mou|deal)\b", ctx.lower)
    if not joint:
        return
    before = [m for m in ctx.mentions if m.kind in ORG and ctx.view.offset(m) < joint.start()]
    # a headline's "Tesla, Yahua ink ... deal": two names, a comma between, the verb right after
    headline_pair = len(before) >= 2 and ctx.view.between(before[-2], before[-1]) == ", " and \
        ctx.view.offset(before[-1]) + len(before[-1].text) + 1 == joint.start()
    if len(before) >= 2 and (_AND.fullmatch(ctx.view.between(before[-2], before[-1])) or headline_pair):
        x, y = before[-2].key, before[-1].key
        ctx.add(x, "signedAgreementWith", y, 0.75, "x-and-y-signed")
        ctx.finder.parties = [x, y]
        if re.search(r"\b(?:cooperation|strategic|partnership)\b", ctx.lower[joint.start():joint.end()]):
            ctx.add(x, "partnerOf", y, 0.65, "x-and-y-signed-cooperation")
        if re.search(r"\b(?:supply|offtake) (?:agreement|contract|deal)\b", ctx.lower[joint.start():joint.end()]) \
                and not headline_pair:
            ctx.add(x, "suppliesTo", y, 0.55, "x-and-y-signed-supply")  # the seller is named first


def joint_venture(ctx: SentenceContext) -> None:
    """"X and Y jointly established / set up a joint venture"."""
    venture = re.search(r"\b(?:jointly (?:established|set up|founded|formed|built|developed|invested|launched|"
                        r"released|operate|operated)|(?:established|set up|formed|founded) a joint venture)\b",
                        ctx.lower)
    if not venture:
        return
    before = [m for m in ctx.mentions if m.kind in ORG and ctx.view.offset(m) < venture.start()]
    if len(before) >= 2 and _AND.fullmatch(ctx.view.between(before[-2], before[-1])):
        ctx.add(before[-2].key, "partnerOf", before[-1].key, 0.7, "joint-venture")


# between two names of a list: "A, B and C", "A, B, and the C"
_LIST = re.compile(r",? (?:and |as well as )?(?:the )?|, ")
# the same, across an exchange's prefix: "A, and Shanghai-listed B"
_LIST_ACROSS_LISTINGS = re.compile(r",? (?:and |as well as )?(?:the )?(?:[A-Z][\w-]*-listed )?|, ")


def listed_together(view: SentenceView, mentions: list[SentenceMention],
                    gap: re.Pattern = _LIST) -> list[SentenceMention]:
    """The leading run of ``mentions`` listed together, each after the one before it by ``gap`` (a list's
    separator: ", " and " and " in English, "、" in Chinese).

    >>> names = [SentenceMention(s, s + 1, t, t.lower(), "Company", "") for s, t in ((0, "A"), (3, "B"), (9, "C"),
    ...                                                                           (17, "D"))]
    >>> view = SentenceView(0, 18, "A, B and C, with D", names)
    >>> [m.text for m in listed_together(view, names)]
    ['A', 'B', 'C']
    """
    listed = mentions[:1]
    for m in mentions[1:]:
        if not gap.fullmatch(view.between(listed[-1], m)):
            break
        listed.append(m)
    return listed


_VENTURE_OF = re.compile(r"\s*(?:,|[—–]|-{1,2}|\(|\bis\b)\s*(?:a |an |the )?(?:[\w-]+ ){0,3}?joint venture "
                         r"(?:company )?(?:of|between|by|formed by|set up by|established by|founded by) (?:the )?$")


def joint_venture_of(ctx: SentenceContext) -> None:
    """"Yibin Tianyi Lithium — a joint venture of Canmax, CATL and Tianyuan Group —": each founder invests in
    the venture, and the founders are partners."""
    ms = ctx.mentions
    for i, (a, b) in enumerate(zip(ms, ms[1:], strict=False)):
        if a.kind not in ORG or b.kind not in ORG or not _VENTURE_OF.match(ctx.view.between(a, b)):
            continue
        founders = listed_together(ctx.view, list(takewhile(lambda m: m.kind in ORG, ms[i + 1:])))
        for founder in founders:
            ctx.add(founder.key, "investsIn", a.key, 0.7, "joint-venture-of")
        for j, x in enumerate(founders):
            for y in founders[j + 1:]:
                ctx.add(x.key, "partnerOf", y.key, 0.65, "joint-venture-of")


_STAKE = re.compile(r"\b(?:(?:holds?|held|took|takes|acquired?|acquires|bought|buys|has|had|owns?) (?:an? )?"
                    r"(?:[\d.]+ ?(?:%|per ?cent|percent) |controlling |minority |majority )?(?:equity )?"
                    r"(?:stake|equity) (?:in|of)|"
                    r"(?:acquired?|acquires|bought|buys|holds?|held|took|takes) (?:an? )?[\d.]+ ?"
                    r"(?:%|per ?cent|percent) (?:equity )?interest in|"
                    # "plans to acquire 51% of Y", "owns 60 percent of Y"
                    r"(?:acquired?|acquires|bought|buys|holds?|held|owns?|owned) (?:an? )?[\d.]+ ?"
                    r"(?:%|per ?cent|percent) (?:of|in)|"
                    r"(?:increases?|increased|raises?|raised|lifts?|lifted) (?:its|their) (?:equity )?"
                    r"(?:stake|share|interest) in(?: the first [\w ]{1,30}? of)?|"
                    r"(?:became|becomes|become) (?:a |the )?(?:new |largest |major |strategic )?shareholder (?:of|in)|"
                    r"(?<=, )(?:the |a )?(?:largest|biggest|major|controlling|single largest) shareholder (?:of|in)|"
                    r"invested in [^.;]{0,100}?\b(?:including|such as|like)|invested in)\b")


_BACKED_BY = re.compile(r" backed by (?:the )?")
# what lies between a company and "backed by" when the backing is the company's: nothing, or what it is
_BACKED_COMPANY = re.compile(r"(?:,? (?:is |was |has been )?(?:a|an|the) [^,;()]{0,100}?)?")
# "X (CATL) and fellow Shenzhen-listed company Y": the next backer of a list, after its description
_BACKERS_LISTED = re.compile(r"\)?,? (?:and |as well as )?(?:[\w'\u2019-]+ ){0,5}?")


def stake_in(ctx: SentenceContext) -> None:
    """"X holds a 9% stake in Y", "X plans to acquire 51% of Y held by Z" (Z holds shares too), "X became a new
    shareholder of Y", "X has invested in several companies, including A, B and C", "X-backed Y", "Y, a producer
    backed by X and Z": X invests in each company (an investor's portfolio, not a project)."""
    view, ms = ctx.view, ctx.mentions
    for a, b, gap in _pairs(ctx):
        if gap == "-backed " and (a.kind in ORG or a.kind == "Person") and b.kind == "Company":
            ctx.add(a.key, "investsIn", b.key, 0.65, "backed-by")  # "Warren Buffett-backed BYD"
    for backed in _BACKED_BY.finditer(ctx.view.text):
        # "Y is a producer backed by battery maker X and fellow listed company Z", "Y, a supplier of ... backed by X"
        before = [m for m in ms if m.kind == "Company" and m.end - view.start <= backed.start()]
        after = [m for m in ms if m.kind in ORG and m.start - view.start >= backed.end()]
        if not before or not after or not _BACKED_COMPANY.fullmatch(view.text[before[-1].end - view.start:
                                                                                backed.start()]) or \
                not re.fullmatch(r"(?:[\w'\u2019-]+ ){0,8}?", view.text[backed.end():after[0].start - view.start]):
            continue
        backers = [after[0]]
        for m in after[1:]:
            if m.key == backers[-1].key and m.start - backers[-1].end <= 2:
                backers[-1] = m  # "Contemporary Amperex Technology (CATL)": the name again, in brackets
                continue
            if not _BACKERS_LISTED.fullmatch(view.between(backers[-1], m)):
                break
            backers.append(m)
        for backer in backers:
            ctx.add(backer.key, "investsIn", before[-1].key, 0.6, "backed-by")
    for stake in _STAKE.finditer(ctx.lower):
        owners = [o for o in ms if o.kind in ORG and o.end - view.start <= stake.start()
                  and not _GOVERNED.search(view.before(o, 20))]
        owner = owners[-1].key if owners else (ctx.finder.current_company if re.match(
            r"(?:it|the company|the firm|the group)\b", ctx.lower) else None)
        # a company, or a mine or plant held in shares ("increase its stake in the Wodgina lithium mine")
        companies = [m for m in ms if m.kind in ("Company", "InvestmentProject", "Facility")
                     and m.start - view.start >= stake.end()
                     and not re.match(r"['’]s\b", view.after(m, 2))]  # "a 50 per cent interest in Albemarle’s plants"
        if owner is None or not companies or \
                len(view.text[stake.end():companies[0].start - view.start]) > 60 or \
                re.search(r"\bwith\b", view.text[stake.end():companies[0].start - view.start]):
            continue  # "owns 51% of Greenbushes, with Albemarle holding the other 49%": not a share of Albemarle
        for company in listed_together(view, companies, _LIST_ACROSS_LISTINGS):
            ctx.add(owner, "investsIn", company.key, 0.65, "stake-in")
            # "acquire 51% of Y held by Z", "holds 51% of Y, with Z holding the remaining 49%": Z holds shares too
            other = next((m for m in ms if m.start > company.end and m.kind in ORG), None)
            gap = view.between(company, other) if other is not None else ""
            if other is not None and other.key != owner and (
                    re.fullmatch(r",? (?:currently )?(?:held|owned) by (?:the )?", gap) or
                    re.fullmatch(r"[^.;]{0,60}?,? with (?:the )?", gap) and re.match(
                        r" (?:holding|owning|retaining|keeping) (?:the )?(?:remaining|other|rest|balance)\b",
                        view.after(other, 40))):
                ctx.add(other.key, "investsIn", company.key, 0.6, "stake-in-held-by")
        return


# "(60%)", "(30%) (Cominiere, a State-owned enterprise)": an owner's share and what it is, in brackets after it
_OWNER_SEPARATOR = re.compile(r"(?:\s*\([^()]*\))*(?:,? (?:and |as well as )?(?:the )?|, )")


def owned_by(ctx: SentenceContext) -> None:
    """"The Manono Project is owned by AVZ (60%), La Congolaise … (30%) and Dathomir … (10%)": each owner invests
    in the project (a company owned by another is :func:`subsidiary_and_products`'s)."""
    view = ctx.view
    for a, b, gap in _pairs(ctx):
        if a.kind not in ("InvestmentProject", "Facility") or b.kind not in ORG or not re.fullmatch(
                r",? (?:is|are|was|were|will be) (?:(?:jointly|partly|wholly|majority|fully)[- ])?owned by (?:the )?",
                gap):
            continue
        owners = [b]
        for m in (m for m in ctx.mentions if m.start > b.end):
            if m.kind not in ORG:
                break
            between = view.between(owners[-1], m)
            if _OWNER_SEPARATOR.fullmatch(between):
                owners.append(m)
            elif "(" not in between:
                break  # else a name inside the brackets of what the owner is, passed over
        for owner in owners:
            ctx.add(owner.key, "investsIn", a.key, 0.65, "owned-by")


def teamed_up_with(ctx: SentenceContext) -> None:
    """"X teamed up / partnered / cooperated with Y (and Z)", "X has set up a joint venture with Y", "X ... with its
    joint venture partner Y", "X has been a long-term partner for Y"; "the cooperation between the two sides"."""
    team = re.search(r"\b(?:teamed up with|partner(?:s|ed|ing)? with|joined hands with|join hands with|"
                     r"(?:strategic )?(?:cooperation|partnerships?|alliances?) with|cooperat(?:e|es|ed) with|"
                     r"work(?:ed)? closely with|"
                     # "X has set up a joint venture (company) with Y"
                     r"(?:set up|sets up|establish(?:ed|es)?|form(?:ed|s)?|found(?:ed|s)?|launch(?:ed|es)?|"
                     r"creat(?:ed|es)|register(?:ed|s)?) an? (?:[\w:.%-]+ ){0,2}?joint venture(?: company)? with)\b",
                     ctx.lower)
    if team:
        before = [m for m in ctx.mentions if m.kind in ORG and ctx.view.offset(m) < team.start()]
        after = [m for m in ctx.mentions if m.kind in ORG and ctx.view.offset(m) > team.end() - 5]
        if before:
            for m in after:
                ctx.add(before[-1].key, "partnerOf", m.key, 0.7, "teamed-up-with")
            # "X will partner with Y and Z": the ones listed together are partners too
            listed = listed_together(ctx.view, after)
            for i, a in enumerate(listed):
                for b in listed[i + 1:]:
                    ctx.add(a.key, "partnerOf", b.key, 0.6, "partners-listed-together")
    # "X had entered into an agreement with its MARBL joint venture partner Y": Y is the partner of the sentence's
    # subject, the first organisation no preposition governs
    view = ctx.view
    subject = view.subject()
    for m in ctx.mentions:
        if subject is not None and m.kind in ORG and m.start > subject.end and \
                re.search(r"\b(?:its|their) (?:[\w-]+ ){0,3}?partners?,? $", view.before(m, 60)):
            for partner in listed_together(view, [o for o in ctx.mentions if o.start >= m.start]):
                if partner.kind in ORG:
                    ctx.add(subject.key, "partnerOf", partner.key, 0.6, "its-partner")
            break
    for a, b, gap in _pairs(ctx):
        # "Yahua who have been a long-term partner for Core", "X is a strategic partner of Y"
        if a.kind in ORG and b.kind in ORG and re.fullmatch(
                r",? (?:(?:who|which|that) )?(?:is|was|are|were|has been|have been|had been|remains?|became|becomes) "
                r"(?:a |an |the |its )?(?:[\w-]+ ){0,2}?partner (?:for|of|to) (?:the )?", gap):
            ctx.add(a.key, "partnerOf", b.key, 0.6, "is-a-partner-of")
    parties = ctx.finder.parties
    if parties and re.search(r"\b(?:cooperation|partnership) between the two (?:sides|parties)\b", ctx.lower):
        ctx.add(parties[0], "partnerOf", parties[1], 0.6, "two-sides")


# "100 per cent owned ", "wholly-owned "
_OWNED = r"(?:[\d.]+ ?(?:%|per ?cent|percent)|wholly|fully|majority)[- ]owned "
_THE_INVESTOR_IS = re.compile(r"\bthe (?:main )?investors? (?:(?:of|in|behind) (?:this|the) project )?"
                              r"(?:is|are|was|were) (?:also )?(?:the )?$")


def invest_in(ctx: SentenceContext) -> None:
    """"X (jointly) invests ... in the project", "both parties will invest", "developed by X", "a project by X",
    "X's 100 per cent owned Y and Z plants" (each), "Y is a wholly-owned project of X", "X's project", "the X
    30,000-tonne project" (a company's name right before its project's), "the investor of this project is X"."""
    view, ms, project = ctx.view, ctx.mentions, ctx.project
    invest = re.search(r"\b(?:jointly )?invest(?:s|ed|ing)?\b[^.;]*?\bin\b", ctx.lower)
    if invest and project:
        investors = [m.key for m in ms if m.kind in ORG and view.offset(m) < invest.start()]
        if not investors and ctx.finder.parties and re.search(r"\b(?:both|the two) (?:parties|sides|companies)\b",
                                                              ctx.lower[:invest.start()]):
            investors = list(ctx.finder.parties)
        for org in investors:
            ctx.add(org, "investsIn", project, 0.7, "invest-in")
    for m in ms:
        # "The investor of this project is X", "the investors are also X": the project the sentence is about
        if m.kind in ORG and project and _THE_INVESTOR_IS.search(view.before(m, 60).lower()):
            ctx.add(m.key, "investsIn", project, 0.7, "the-investor-is")
        if m.kind in ORG and project and re.search(r"\b(?:invested|developed|funded|built|constructed)(?: and "
                                                   r"(?:built|constructed|operated|developed|invested))? by (?:the )?$",
                                                   view.before(m, 40).lower()):
            # "jointly invested by X and Y": each listed
            for investor in listed_together(view, [o for o in ms if o.start >= m.start]):
                if investor.kind in ORG:
                    ctx.add(investor.key, "investsIn", project, 0.75, "invested-by")
    # "X's 100 per cent owned Qinzhou and Meishan lithium conversion plants", "from its 100% owned Y Operation": X
    # (for "its", the sentence's subject) invests in each
    subject = view.subject()
    for i, m in enumerate(ms):
        if m.kind != "InvestmentProject" or i > 0 and ms[i - 1].kind == "InvestmentProject" and \
                _LIST.fullmatch(view.between(ms[i - 1], m)):
            continue
        owner = None
        if re.search(rf"\b(?:its|their) {_OWNED}$", view.before(m, 60)):
            owner = subject
        elif i > 0 and ms[i - 1].kind in ORG and re.fullmatch(rf"['\u2019]s? {_OWNED}", view.between(ms[i - 1], m)):
            owner = ms[i - 1]
        for project in listed_together(view, ms[i:]) if owner is not None else ():
            if project.kind == "InvestmentProject":
                ctx.add(owner.key, "investsIn", project.key, 0.65, "owned-project")
    for a, b in zip(ms, ms[1:], strict=False):
        if a.kind == "InvestmentProject" and b.kind in ORG and re.fullmatch(r" (?:by|of) (?:the )?",
                                                                           view.between(a, b)):
            ctx.add(b.key, "investsIn", a.key, 0.65, "project-by")
        elif a.kind == "InvestmentProject" and b.kind in ORG and re.fullmatch(
                r",? (?:(?:which|that) )?(?:is|was|will be) (?:a |an |the )?"
                r"(?:(?:key|major|flagship|new|wholly[- ]owned|\d+%[- ]owned) )*"
                r"(?:project|plant|mine|base|facility|investment) (?:of|by) (?:the )?",
                view.between(a, b)):
            ctx.add(b.key, "investsIn", a.key, 0.65, "project-of")  # "Y is a wholly-owned project of X"
        elif a.kind == "Company" and b.kind == "InvestmentProject" and view.between(a, b) in (" ", "'s ", "\u2019s "):
            ctx.add(a.key, "investsIn", b.key, 0.6, "company-project")  # "the newly built X annual 30,000 t project"


# "X Commences Construction on Y" (a headline's capitals too), "X broke ground on Y", "X started work on Y"
_STARTS_CONSTRUCTION = re.compile(r" (?:has |have |had |officially |formally )?(?:commence[sd]?|start(?:s|ed)?|begins?|"
                                  r"began|initiate[sd]?|kick(?:s|ed)? off|breaks?|broke) (?:the )?"
                                  r"(?:construction|work|works|ground) (?:on|of|for) (?:the |its |a |an )?",
                                  re.IGNORECASE)
# "Construction of Y kicked off Thursday in Z"
_CONSTRUCTION_OF = re.compile(r"\bconstruction (?:of|on) (?:the |a |an |its )?$", re.IGNORECASE)
_STARTED_IN = re.compile(r" (?:has |have |had |was |officially |formally )?(?:kick(?:s|ed)? off|start(?:s|ed)?|begins?|"
                         r"began|commence[sd]?|got under way|broke ground)(?: on)?(?: (?:[A-Z][a-z]+day|today|"
                         r"yesterday|recently))? in (?:the )?$")


def construction_starts(ctx: SentenceContext) -> None:
    """"Ganfeng Commences Construction on 10GWh Solid-State Battery Base": the one that starts a project's
    construction invests in it; "Construction of a large pumped storage hydropower project kicked off Thursday in
    the Tibetan Autonomous Prefecture of Garze": the project is where its construction starts."""
    view = ctx.view
    for a, b in zip(ctx.mentions, ctx.mentions[1:], strict=False):
        if a.kind in ORG and b.kind == "InvestmentProject" and not _GOVERNED.search(view.before(a, 20)) and \
                _STARTS_CONSTRUCTION.fullmatch(view.between(a, b)):
            ctx.add(a.key, "investsIn", b.key, 0.7, "starts-construction")
        if a.kind == "InvestmentProject" and b.kind in PLACEISH and b.cls != "Country" and \
                _CONSTRUCTION_OF.search(view.before(a, 30)) and _STARTED_IN.fullmatch(view.between(a, b)):
            ctx.add(a.key, "locatedIn", b.key, 0.7, "construction-started-in")


# ---------------------------------------------------------------------------------------------------------------
# companies: ownership, products, supply


def subsidiary_and_products(ctx: SentenceContext) -> None:
    """"X, a subsidiary of Y", "X, which is a subsidiary of Y", "Y's wholly-owned subsidiary X", "X is majority-owned
    by Y", "Y has established a wholly-owned subsidiary, X"; "X, a maker of T"."""
    for a, b, gap in _pairs(ctx):
        if a.kind in ORG and b.kind in ORG:
            if re.fullmatch(r",? (?:(?:which |that )?(?:is|was|became|becomes) )?(?:a |an |the )?"
                            r"(?:(?:first|second|third|new|main|only|largest|latest) )?(?:wholly[- ]owned )?"
                            r"(?:subsidiary|unit|affiliate|division) of (?:the )?", gap) or \
                    re.fullmatch(r",? (?:is |was )?(?:(?:majority|wholly|fully)[- ])?(?:owned|controlled) by "
                                 r"(?:the )?", gap):
                ctx.add(a.key, "subsidiaryOf", b.key, 0.8, "subsidiary-of")
            elif re.fullmatch(r",? (?:(?:is|was) )?(?:a|an) (?:wholly[- ]owned |majority[- ]owned )?", gap) and \
                    re.match(r" (?:subsidiary|unit|affiliate)\b", ctx.view.after(b, 12)):
                ctx.add(a.key, "subsidiaryOf", b.key, 0.75, "a-parent-subsidiary")  # "X, a CATL subsidiary"
            elif re.fullmatch(r",? (?:(?:is|was) )?(?:a|an) (?:wholly[- ]owned )?(?:subsidiary|unit|affiliate) of "
                              r"(?:another |an |a )?(?:[\w-]+ ){1,3}?(?:conglomerate|group|company|firm) ", gap) or \
                    re.fullmatch(r",? (?:a|an) (?:[\w-]+ ){0,6}?(?:company|firm|unit|arm|subsidiary|business|"
                                 r"venture) (?:(?:wholly|majority|fully|partly)[- ])?owned by (?:the )?", gap):
                # "SK On is a subsidiary of another South Korean conglomerate SK Group",
                # "LG International, an investment and trading company owned by LG Group"
                ctx.add(a.key, "subsidiaryOf", b.key, 0.7, "described-subsidiary-of")
            elif re.fullmatch(r"(?:'s|’s) (?:wholly[- ]owned )?(?:subsidiary|spinoff|spin-off),? ", gap) or (
                    re.fullmatch(r"(?:'s|’s) (?:(?:wholly|majority|fully)[- ]owned) ", gap) and
                    re.match(r" (?:subsidiary|unit|arm)\b", ctx.view.after(b, 12))):
                # "Chengxin Lithium’s wholly-owned Sichuan Shengtun Lithium subsidiary"
                ctx.add(b.key, "subsidiaryOf", a.key, 0.8, "subsidiary-of")
            elif re.fullmatch(r" (?:is|was|has been|became) the (?:actual|ultimate) controller (?:behind|of) (?:the )?",
                              gap):
                ctx.add(b.key, "subsidiaryOf", a.key, 0.7, "subsidiary-of")  # "CATL is the actual controller behind X"
    # "X ..., signed by its wholly-owned subsidiary Y": Y is the sentence subject's
    view, ms = ctx.view, ctx.mentions
    subject = view.subject()
    for m in ms:
        if subject is not None and m.kind in ORG and m is not subject and m.start > subject.end and re.search(
                r"\bits (?:(?:wholly|fully|majority)[- ]owned )?(?:subsidiary|unit|affiliate),? $", view.before(m, 60)):
            ctx.add(m.key, "subsidiaryOf", subject.key, 0.7, "its-subsidiary")
        # "X has established a wholly-owned subsidiary, Y, in Yibin", "X set up a new unit called Y"
        elif subject is not None and m.kind == "Company" and m.start > subject.end and re.search(
                r"\b(?:set up|sets up|establish(?:ed|es)?|found(?:ed|s)?|form(?:ed|s)?|register(?:ed|s)?|"
                r"creat(?:ed|es)|incorporat(?:ed|es)) (?:a |an )?(?:new )?(?:(?:wholly|fully|majority)[- ]owned )?"
                r"(?:new )?(?:subsidiary|unit),? (?:named |called )?$", view.before(m, 80)):
            ctx.add(m.key, "subsidiaryOf", subject.key, 0.65, "set-up-a-subsidiary")
    for a, b, gap in _pairs(ctx):
        appositive = re.fullmatch(r",? (?:a|an|the) [\w -]*?(?:maker|manufacturer|producer|supplier|developer) "
                                  r"of (?:the )?", gap)
        if a.kind in ORG and b.kind == "Technology" and ("," not in gap or appositive) and re.search(
                r"\b(?:produces?|produced|manufactures?|manufactured|makes|maker of|manufacturer of|producer of|"
                r"supplier of|specializ\w+ in|specialis\w+ in|focus(?:es|ed)? on)\b", gap) and len(gap) < 80:
            ctx.add(a.key, "produces", b.key, 0.6, "produces")


def supplies_to(ctx: SentenceContext) -> None:
    """"X will supply / deliver (cells) to Y", "X, a key supplier to Y", "Y will buy (concentrate) from X"; "under the
    agreement" also signs."""
    view = ctx.view
    under_deal = re.match(r"^under the (?:agreement|deal|contract)\b", ctx.lower)
    goods = [m for m in ctx.mentions if not (m.kind == "Place" and view.after(m, 7).startswith("-based"))
             and m.kind != "Technology"]  # what is supplied may be a technology's name
    for a, b in zip(goods, goods[1:], strict=False):
        gap = view.between(a, b).lower()
        described = False  # the subject named before what it is ("X, a subsidiary of Y, secured ...")
        if a.kind in ORG and gap.startswith(",") and _GOVERNED.search(view.before(a, 20)):
            # "X, a subsidiary of Y, will supply cells to Z": X supplies, not Y
            subject = next((m for m in goods if m.kind in ORG and m.start < a.start and
                            not _GOVERNED.search(view.before(m, 20))), None)
            a, described = subject or a, subject is not None
        if a.kind in ORG and b.kind in ORG and (
                re.search(r"\b(?:supplies|supplied|supply|will supply|to supply|deliver(?:s|ed)?|ship(?:s|ped)?|"
                          r"provides?|provided|sells?|sold|offloads?|offloaded|exports?|exported)\b"
                          r"[^.;]*\bto (?:the )?$", gap) or
                # "Yahua to Provide LG Chem with 30,000 Tons of Lithium Hydroxide"
                re.fullmatch(r" (?:to |will |would |(?:has |have )?agreed to )?(?:provide|provides|supply|supplies) "
                             r"(?:the )?", gap) and re.match(r" with\b", view.after(b, 6)) or
                re.fullmatch(r",? (?:a |the )?(?:key |major )?supplier (?:to|of) (?:the )?", gap) or
                # "X will continue to be the major lithium hydroxide supplier of Y"
                re.fullmatch(r" (?:(?:will|would) )?(?:continue to )?(?:be|is|was|remains?|became|becomes) "
                             r"(?:a|an|the|its) [\w -]{0,60}?\bsupplier (?:to|of) (?:the )?", gap)):
            ctx.add(a.key, "suppliesTo", b.key, 0.7, "supplies-to")
            if under_deal:
                ctx.add(a.key, "signedAgreementWith", b.key, 0.65, "under-the-agreement")
        elif a.kind in ORG and b.kind in ORG and re.search(
                r"\b(?:equipped with|powered by|(?:will |to )?(?:use|uses|used|using|adopt|adopts|adopted|install|"
                r"installs|installed|carry|carries)) (?:the |its )?$", gap) and "," not in gap and \
                re.match(r"(?:['\u2019]s)? (?:[\w-]+ ){0,2}?(?:batteries|battery packs|cells|battery cells|packs)\b",
                         view.after(b, 40)):
            ctx.add(b.key, "suppliesTo", a.key, 0.6, "equipped-with")  # "Aito vehicles equipped with CATL batteries"
        elif a.kind in ORG and b.kind in ORG and not _GOVERNED.search(view.before(a, 20)) and (order := re.fullmatch(
                r",? (?:has |had |have )?(?:secured|won|received|obtained|got|landed) (?:an? |the )?"
                r"(?:[\w-]+ ){0,4}?(?P<what>orders?|contracts?) (?:from|by) (?:the )?", gap)) and \
                (described or not gap.startswith(",")):
            ctx.add(a.key, "suppliesTo", b.key, 0.65, "order-from")  # "X secured an order from Tesla"
            if order.group("what").startswith("contract"):
                # "TLK, another subsidiary of Tianqi Lithium, secured a contract from LG Chem for the provisioning of
                # lithium hydroxide": a contract is signed by both
                ctx.add(a.key, "signedAgreementWith", b.key, 0.6, "contract-from")
        elif a.kind in ORG and b.kind in ORG and ", " not in gap and re.fullmatch(
                r" (?:subsidiary |unit )?(?:will |would |is to |agreed to |plans to |has agreed to )?"
                r"(?:buy|buys|bought|purchase|purchases|"
                r"purchased|procure|procures|procured|source|sources|sourced) [^.;]{1,120}? from (?:the )?", gap):
            ctx.add(b.key, "suppliesTo", a.key, 0.65, "buys-from")  # "X will buy 15,000 tons of concentrate from Y"


_OFFTAKE_WITH = re.compile(r"\bofftake (?:partner |supply |sales )?(?:agreements?|deals?|contracts?) with (?:the )?"
                           r"(?:(?:[\w-]+ ){0,3}?"
                           r"(?:producer|miner|maker|manufacturer|company|firm|group|supplier|refiner|converter)s?"
                           r"(?:,? (?:including|such as|like))? )?$")
# between two partners of a list, across a country's or an exchange's word: "Sigma and Australia's Pilbara Minerals"
_PARTNERS_LISTED = re.compile(r",? (?:and |as well as )?(?:the )?(?:[A-Z][\w-]*-listed |[A-Z][\w.-]*(?: [A-Z][\w.-]*)?"
                              r"['\u2019]s )?|, ")
_SELLS_AFTER = re.compile(r"[^.;]{0,40}?\b(?:to (?:supply|sell|deliver)|for the (?:supply|sale|delivery) of)\b")
# a miner by its name, under any of its names (the entity's key holds its full name: "Galaxy" is Galaxy Resources)
_MINER = re.compile(r"\b(?:minerals|mining|resources)\b", re.IGNORECASE)


def offtake_with(ctx: SentenceContext) -> None:
    """"X signed an offtake agreement with Y", "X's existing offtake agreements with Y and Z", "X has offtake agreements
    with lithium miners including Y and Australia's Z": X signed with each;
    the buyer's deal with a miner has the miner supply it, and a deal "to supply" (or "for the supply of") the
    output of X, or X a miner by its name ("... Minerals"), has X supply each."""
    view = ctx.view
    for a, b, gap in _pairs(ctx):
        # a comma only among the deal's adjectives: "X has secured a strategic, long-term offtake agreement with Y"
        if a.kind not in ORG or b.kind not in ORG or not _OFFTAKE_WITH.search(gap) or \
                "," in gap and not re.fullmatch(r"\s*(?:has |have |had )?(?:secured|signed|inked|entered into|reached|"
                                               r"concluded) (?:an? |the )?[\w ,-]*?offtake[^,]*", gap):
            continue
        # a country before a partner's name is where it is ("Australia's Pilbara Minerals"), no partner
        others = [m for m in ctx.mentions if m.start >= b.start and
                  not (m.kind == "Place" and re.match(r"['\u2019]s ", view.after(m, 3)))]
        partners = [m for m in listed_together(view, others, _PARTNERS_LISTED) if m.kind in ORG]
        seller = _SELLS_AFTER.match(view.after(partners[-1], 60)) or _MINER.search(a.text) or \
            _MINER.search(a.key.replace("-", " "))
        for partner in partners:
            if seller:
                ctx.add(a.key, "suppliesTo", partner.key, 0.65, "offtake-with")
            else:
                ctx.add(partner.key, "suppliesTo", a.key, 0.65, "offtake-with")
            ctx.add(a.key, "signedAgreementWith", partner.key, 0.65, "offtake-with")


_CUSTOMERS = re.compile(r"\b(?:(?:its|their|our|his|key|major|main|big|large) (?:[\w-]+ ){0,2}?customers|"
                        r"offtake partners|offtakers),? (?:which |that )?"
                        r"(?:include|includes|including|such as|like|are)(?: the)? ")
# what the story's company sells, in a sentence that names no seller: "(production) … about 80 per cent sold to
# offtake partners, including A and B"
_SOLD_BY_THE_STORY = re.compile(r"^[^.;]*?\b(?:tonnes|tons|concentrate|spodumene|production|output|product|products|"
                                r"cells|batteries)\b[^;]*\bsold to\b")


def customers_including(ctx: SentenceContext) -> None:
    """"X counts key customers including A, B and C" (or "It has ... customers such as A", "… sold to offtake
    partners, including A and B"): X supplies each; X is the sentence's first organisation before the words, the
    story's latest company for an "It" subject, or the story's first company for goods sold with no seller named."""
    view, ms = ctx.view, ctx.mentions
    for phrase in _CUSTOMERS.finditer(ctx.lower):
        before = [m for m in ms if m.end - view.start <= phrase.start() and m.kind in ORG and
                  not _GOVERNED.search(view.before(m, 20))]
        if before:
            supplier = before[0].key
        elif re.match(r"(?:it|the company|the firm|the group)\b", ctx.lower):
            supplier = ctx.finder.current_company
        elif _SOLD_BY_THE_STORY.match(ctx.lower):
            supplier = ctx.finder.lead_company
        else:
            supplier = None
        after = [m for m in ms if m.start - view.start >= phrase.end()]
        if supplier is None or not after or after[0].start - view.start > phrase.end() + 1:
            continue
        for customer in listed_together(view, after, _LIST_ACROSS_LISTINGS):
            if customer.kind == "Company":
                ctx.add(supplier, "suppliesTo", customer.key, 0.6, "customers-including")


_PROJECTS_IN = re.compile(r"\bprojects (?:[\w-]+ ){0,3}?in (?:the )?$")
_LIST_OPENS = re.compile(r"^(?:,? (?:[\w-]+ ){0,3}?)?(?:mainly |primarily |chiefly )?(?:include|includes|including|"
                         r"such as|are|were)\b")


def projects_listed_in_place(ctx: SentenceContext) -> None:
    """"The lithium mining projects in Sichuan Province, China mainly include X, Y and Z": each is in the place."""
    view, ms = ctx.view, ctx.mentions
    for i, m in enumerate(ms):
        if m.kind not in PLACEISH or not _PROJECTS_IN.search(view.before(m, 60).lower()):
            continue
        j, last = i + 1, m
        while j < len(ms) and ms[j].kind == "Place" and re.fullmatch(r",\s*", view.between(last, ms[j])):
            last, j = ms[j], j + 1  # "Sichuan Province, China"
        if not _LIST_OPENS.match(view.text[last.end - view.start:].lower()):
            continue
        for project in ms[j:]:
            if project.kind != "InvestmentProject":
                break
            ctx.add(project.key, "locatedIn", m.key, 0.65, "projects-listed-in-place")


def project_and_place(ctx: SentenceContext) -> None:
    """A sentence that names one project and one park or place (the most specific) says where the project is:
    "the 20 GWh project of X in the Y park", "X项目…Y经开区". A guess from the sentence alone, hence the low
    confidence; a rule that reads the sentence's structure says it more surely."""
    projects = {m.key for m in ctx.mentions if m.kind == "InvestmentProject"}
    if len(projects) != 1 or projects & ctx.finder.referred:  # "the project" names nothing beside the place
        return
    dateline = DATELINE.match(ctx.view.text)
    places = [m for m in ctx.mentions if m.kind in PLACEISH and m.cls != "Country" and m.cls != "Province"
              and not (dateline and ctx.view.offset(m) < dateline.end())
              and not ctx.view.after(m, 7).startswith("-based")]  # "Milwaukee-based X" is where X is
    keys = list(dict.fromkeys(m.key for m in places))
    if not keys:
        return
    ancestors = {key: set(ctx.finder.ancestors(key)) for key in keys}
    specific = [k for k in keys if not any(k in ancestors[o] for o in keys if o != k)]
    if len(specific) == 1:
        ctx.add(next(iter(projects)), "locatedIn", specific[0], 0.5, "project-and-place")


#: The surface rules, in the order they run (later rules read the ``employers`` and ``roles`` earlier ones set).
SURFACE_RULES: list[Callable[[SentenceContext], None]] = [
    works_for, hosted_or_organised_by, organisers_are, hosts_actively, attendance, does_at_the_event, event_place,
    place_comma_chain, park_of_place, place_a_city_in, province_in_country, fronted_place, located_in,
    agreement_between, signed_with, x_and_y_signed, joint_venture, joint_venture_of, stake_in, owned_by, teamed_up_with,
    invest_in, construction_starts, place_based, home_to, subsidiary_and_products, supplies_to, offtake_with,
    customers_including, projects_listed_in_place, project_and_place,
]


@dataclass(frozen=True)
class Phrasing:
    """How a language refers to the story's event or project without naming it, the words that date an
    event (held on a day) or a project (signed on a day), and whether its sentences' references to what earlier
    sentences named ("It", "the company", "there") are read (:class:`References`, or a reader of the language's own:
    ``reader``, a class with the same ``resolve`` and ``note``)."""

    event_reference: re.Pattern
    project_reference: re.Pattern
    held: re.Pattern
    signed: re.Pattern
    references: bool = False
    reader: Callable[[], References] | None = None


ENGLISH_PHRASING = Phrasing(
    # "the conference", "this year's expo"; "It was organised by ..." in a story about an event
    event_reference=re.compile(rf"\b(?:the|this)(?: [\w-]+){{0,2}}? {_EVENT_WORDS}\b|^it (?:was|is|will be|has been) "
                               r"(?:jointly |co-)?(?:organi[sz]ed|hosted|sponsored|held|undertaken|attended)\b"),
    project_reference=re.compile(r"\bproject\b"),
    held=re.compile(r"\b(?:held|hold|opened|open|opens|kicked off|kick off|took place|take place|launched|convened|"
                    r"started|starts|begins|began|runs|ran|from)\b"),
    signed=re.compile(r"\bsign(?:ed|ing)?\b"),
    references=True,
)


# --------------------------------------------------------------------------------------------------------------
# references to what earlier sentences named

# "It", "The company", "The latter" as the subject of a sentence (after a short lead: "Now", "Last month,") or of a
# clause after "and" / "but"; "it is not clear ..." is nobody
_SUBJECT_REFERENCE = re.compile(
    r"(?:^(?:(?:[A-Za-z0-9]+ ){0,3}[A-Za-z0-9]+, |(?:now|also|meanwhile|currently|today|since then) )?|"
    r"\b(?:and|but) )(?P<ref>(?P<it>it)|the (?:company|firm|group|enterprise)|(?P<other>the (?:latter|former)))"
    r"(?!['\u2019]s\b(?! (?:home|a|an|the)\b))\b(?!-\w+ed\b)"
    r"(?!\s+(?:is|was|has been|will be|would be|remains?)\s+(?:not\s+)?(?:\w+ly\s+)?(?:clear|unclear|expected|"
    r"reported|said|understood|likely|unlikely|possible|important|significant|necessary|worth|noted|hoped|time)\b)",
    re.IGNORECASE)
# "the project", "the proposed site", "the plant", "the 30,000-square-meter facility": the project the story is about
_PROJECT_REFERENCE = re.compile(r"\b(?:the|this) (?:(?:proposed|new|planned|whole|entire) )?"
                                r"(?:\d[\d.,]*[ -]?(?:[a-z]+-)*[a-z]+ )?(?:project|plant|base|"
                                r"facility|site|factory)\b(?!['\u2019]s? \w+|-|,? (?:in|at|of|for|near)\b)",
                                re.IGNORECASE)
# "these spodumene projects", "the three projects", "both mines": the projects a sentence before listed, or the last
# ones the story named one by one
_PROJECTS_REFERENCE = re.compile(r"\b(?:these|those|(?P<count>both|the (?:two|three|four|five|six|seven|eight|"
                                 r"nine|ten))|all (?:of )?(?:these|those|the)) (?:[a-z-]+ ){0,2}?"
                                 r"(?:projects|mines|plants|bases|factories)\b", re.IGNORECASE)
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10}
# "the city", "the new area", "there": the place or park a sentence before named
_PLACE_REFERENCE = re.compile(r"\b(?:the|this) (?P<word>city|town|district|county|province|new area|zone|park|"
                              r"industrial park)\b(?!['\u2019]s? \w+|-| of\b)|\b(?<![Ii]s )(?P<there>there)\b"
                              r"(?!\s+(?:is|are|was|were|has|have|had|will|would|remains?|seems?|appears?|exists?)\b)",
                              re.IGNORECASE)
#: a place word of a reference -> the classes of place (or the kind of park) it refers to
_PLACE_WORDS = {"city": {"City"}, "town": {"City", "District"}, "district": {"District"}, "county": {"District"},
                "province": {"Province"}, "new area": {"IndustrialPark"}, "zone": {"IndustrialPark"},
                "park": {"IndustrialPark"}, "industrial park": {"IndustrialPark"}}


class References:
    """What a sentence refers to without naming it, read as if the name were written there.

    "It will invest 5 billion yuan in Z", "The company is based in Z", "The latter has signed ...", "The project
    is located in Z", "these projects, located in Z", "X has a factory there": each reference becomes a
    :class:`SentenceMention` of the entity it stands for, at the reference's words, so every rule (surface and
    parse) reads it as a name. The entity referred to is the one earlier sentences named:

    - "It" / "The company" / "The firm" / "The group" opening a sentence or a clause after "and" / "but": the
      previous sentence's subject (an organisation; "it" also a park or project); "the company" whose sentence
      before was about no organisation is the story's company;
    - "the latter" / "the former" opening a sentence: the last / last-but-one organisation the sentence before
      named (outside an "according to ...");
    - "the project" / "the plant" / "the site" ...: the story's project; "a plant" right after a sentence that
      named "a lithium ion battery plant": that project; "these projects": those the last sentence listing projects
      named (a relation of the reference holds for each);
    - "the city" / "the district" / "the new area" / "there": the last place (or park) of that kind the last few
      sentences named.

    >>> from graph.ingest.extractor import Extractor
    >>> result = Extractor(use_registry=False).extract(
    ...     "Foo Energy Co., Ltd. makes cathode materials. The company is based in Yibin.")
    >>> labels = {e.key: e.label for e in result.entities}
    >>> [(labels[r.subject], r.kind, labels[r.object], r.rule) for r in result.relations if r.kind == "locatedIn"]
    [('Foo Energy Co., Ltd.', 'locatedIn', 'Yibin City', 'located-in+reference')]
    """

    #: how many sentences back a place or an organisation is still referred to
    REACH = 4

    def __init__(self) -> None:
        self.subject: SentenceMention | None = None
        self.organisations: list[SentenceMention] = []
        self.recent: list[list[SentenceMention]] = []
        self.projects: list[str] = []
        #: every project the story named, in the order of first mention ("both mines": the last two)
        self.named_projects: list[str] = []

    def resolve(self, view: SentenceView, finder: RelationFinder) -> list[SentenceMention]:
        """The references of ``view`` as mentions of what they stand for (their keys are the entities'; a list of
        projects is one mention of a group key, see :attr:`RelationFinder.groups`)."""
        text, named = view.text, view.mentions
        found: list[SentenceMention] = []

        def free(start: int, end: int) -> bool:
            return not any(m.start < view.start + end and view.start + start < m.end for m in named + found)

        def add(start: int, end: int, target: SentenceMention | None) -> None:
            if target is not None and free(start, end):
                found.append(SentenceMention(view.start + start, view.start + end, text[start:end], target.key,
                                             target.kind, target.cls))

        for match in _SUBJECT_REFERENCE.finditer(text):
            start = match.start("ref")
            before = [m for m in named if m.start < view.start + start]
            if match.group("other"):
                organisations = self.organisations
                if any(m.kind in ORG for m in before) or len(organisations) < 2:
                    continue
                add(start, match.end("ref"), organisations[-1] if "latter" in match.group("ref").lower()
                    else organisations[-2])
            elif not any(m.kind in ORG | PLACEISH for m in before):
                subject = self.subject
                if match.group("it"):  # "The plant ... was launched. It more than doubles ...": not the company
                    add(start, match.end("ref"), subject)
                    continue
                if subject is None or subject.kind not in ORG:
                    company = finder.current_company
                    subject = SentenceMention.referred(company, "Company") if company else None
                add(start, match.end("ref"), subject)
        if finder.current_project and not any(m.kind == "InvestmentProject" for m in named):
            for match in _PROJECT_REFERENCE.finditer(text):
                add(match.start(), match.end(),
                    SentenceMention.referred(finder.current_project, "InvestmentProject"))
        last = self.recent[-1] if self.recent else []
        project = next((m for m in reversed(last) if m.kind == "InvestmentProject" and m.key not in finder.groups),
                       None)
        if project is not None and not any(m.kind == "InvestmentProject" for m in named):
            # "X will build a lithium ion battery plant. Y embarked on the construction of a plant in Mianyang"
            head = re.search(r"([a-z]+)$", project.text.lower())
            for match in re.finditer(rf"\b(?:a|an) (?:new )?{head.group(1)}\b" if head else r"(?!)", text):
                add(match.start(), match.end(), project)
        for match in _PROJECTS_REFERENCE.finditer(text):
            count = _COUNTS[match.group("count").lower().removeprefix("the ")] if match.group("count") else None
            if len(self.projects) > 1 and count in (None, len(self.projects)):
                listed = self.projects  # the projects one sentence before listed
            elif count and len(self.named_projects) >= count:
                listed = self.named_projects[-count:]  # "both mines": the last two the story named, one by one
            else:
                continue
            group = "+".join(listed)
            finder.groups[group] = list(listed)
            add(match.start(), match.end(), SentenceMention.referred(group, "InvestmentProject"))
        places = [m for sentence in self.recent for m in sentence if m.kind in PLACEISH and m.cls != "Country"]
        for match in _PLACE_REFERENCE.finditer(text):
            if match.group("there"):
                candidates = [m for m in places if m.cls != "Province"]
            else:
                wanted = _PLACE_WORDS[match.group("word").lower()]
                candidates = [m for m in places if m.cls in wanted or m.kind in wanted]
            if candidates and not any(m.key == candidates[-1].key for m in named):
                add(match.start(), match.end(), candidates[-1])
        return sorted(found)

    def note(self, view: SentenceView, mentions: list[SentenceMention]) -> None:
        """Remember what a sentence (with its references read) named, for the sentences after it."""
        self.recent = (self.recent + [mentions])[-self.REACH:]
        cut = re.search(r"\baccording to\b", view.text)
        organisations = [m for m in mentions if m.kind in ORG and (cut is None or m.start < view.start + cut.start())]
        if organisations:
            self.organisations = organisations
        projects = list(dict.fromkeys(m.key for m in mentions if m.kind == "InvestmentProject"))
        if len(projects) > 1:
            self.projects = projects
        for key in projects:
            if key not in self.named_projects:
                self.named_projects.append(key)
        self.subject = _subject_of(view, mentions)


def _subject_of(view: SentenceView, mentions: list[SentenceMention]) -> SentenceMention | None:
    """What a sentence is about: the mention its parse takes for the main verb's subject or, without a parse,
    its first organisation, park or project that no preposition governs and that is no one's ("X's plant")."""
    span = view.parsed
    if span is not None:
        for token in span.root.children:
            if token.dep_ in ("nsubj", "nsubjpass"):
                for word in [token, *(c for c in token.children if c.dep_ == "compound")]:
                    at = next((m for m in mentions if m.start <= word.idx < m.end), None)
                    if at is not None and at.kind in ORG | PLACEISH | {"InvestmentProject"}:
                        return at
                return None
        return None
    return next((m for m in mentions if m.kind in ORG | {"IndustrialPark", "Facility", "InvestmentProject"} and
                 not _GOVERNED.search(view.before(m, 20)) and not re.match(r"['\u2019]s?\b", view.after(m, 3))),
                None)


class RelationFinder:
    """Apply the relation rules sentence by sentence, keeping the story's context.

    Parameters
    ----------
    ancestors : callable
        An entity key → the keys (or IRIs) of the places containing it, nearest first.
    rules : list of callables, optional
        The rules to run on each sentence (default: :data:`SURFACE_RULES`).
    """

    def __init__(self, ancestors=lambda key: [], rules: list[Callable[[SentenceContext], None]] | None = None,
                 phrasing: Phrasing = ENGLISH_PHRASING):
        self.ancestors = ancestors
        self.rules = list(SURFACE_RULES if rules is None else rules)
        self.phrasing = phrasing
        self.current_event: str | None = None
        self.current_project: str | None = None
        #: the company the story is about lately: the last sentence's first company not after a preposition
        #: ("the firm", "the company" in the sentences after it)
        self.current_company: str | None = None
        #: the company the story is about: the first sentence's with a company, its first not after a preposition
        #: (the seller of what is "sold to offtake partners" in a sentence that names no seller)
        self.lead_company: str | None = None
        #: the place the last sentence that opened with one is about ("邛崃市将…；目前已落户…")
        self.current_place: str | None = None
        #: the park the story named last ("落地开发区" in a later sentence is in it)
        self.current_park: str | None = None
        self.parties: list[str] = []
        self.found: list[RelationCandidate] = []
        #: entity key -> (property, [ISO dates], sentence span): when an event took place, a project was signed
        self.dated: dict[str, tuple[str, list[str], tuple[int, int]]] = {}
        #: sentence span -> the project or event the sentence is about, named or referred to ("the project")
        self.topic: dict[tuple[int, int], str] = {}
        #: what sentences refer to without naming it ("It", "the project", "there"), when the phrasing reads that
        self.references = (phrasing.reader or References)() if phrasing.references else None
        #: a group key a reference stands for ("these projects") -> the entities it holds
        self.groups: dict[str, list[str]] = {}
        #: the entities the current sentence only refers to (a relation of theirs is read through a reference)
        self.referred: set[str] = set()

    def add(self, view: SentenceView, subject: str, kind: str, obj: str, confidence: float, rule: str,
            **detail) -> None:
        """Propose a relation stated by ``view``; the same one proposed again keeps the higher confidence."""
        if subject in self.groups or obj in self.groups:
            for one in self.groups.get(subject, [subject]):
                for other in self.groups.get(obj, [obj]):
                    self.add(view, one, kind, other, confidence, rule, **detail)
            return
        if subject == obj:
            return
        if subject in self.referred or obj in self.referred:
            rule += "+reference"
        for known in self.found:
            if (known.subject, known.kind, known.object) == (subject, kind, obj):
                known.confidence = max(known.confidence, confidence)
                return
        self.found.append(RelationCandidate(subject, kind, obj, (view.start, view.end), confidence, rule, detail))

    def context(self, view: SentenceView) -> SentenceContext:
        """The shared context of one sentence: the event and project it names or refers to."""
        lower = view.text.lower()
        events = [m for m in view.mentions if m.kind in EVENT]
        projects = [m for m in view.mentions if m.kind == "InvestmentProject"]
        refers_event = self.phrasing.event_reference.search(lower)
        event = events[0].key if events else (self.current_event if refers_event else None)
        project = projects[0].key if projects else (self.current_project if self.phrasing.project_reference.search(
            lower) else None)
        return SentenceContext(view, self, lower, events, projects, event, project)

    def sentence(self, view: SentenceView) -> None:
        """Run every rule on one sentence, then note its dates and what it is about for the sentences after."""
        if self.references is not None:
            referred = self.references.resolve(view, self)
            if referred:
                named = {m.key for m in view.mentions}
                self.referred = {m.key for m in referred if m.key not in named}
                view = replace(view, mentions=sorted(view.mentions + referred))
        ctx = self.context(view)
        for rule in self.rules:
            rule(ctx)
        self.referred = set()
        self._dates(ctx)
        if ctx.project or ctx.event:
            self.topic[(view.start, view.end)] = ctx.project or ctx.event
        if ctx.events:
            self.current_event = ctx.events[-1].key
        named_projects = [m for m in ctx.projects if m.key not in self.groups]
        if named_projects:
            self.current_project = named_projects[-1].key
        subject = view.subject()
        if subject is not None and subject.kind == "Company":
            self.current_company = subject.key
            self.lead_company = self.lead_company or subject.key
        opening = next((m for m in view.mentions if m.start - view.start <= 6), None)
        if opening is not None and opening.kind == "Place" and opening.cls != "Country":
            self.current_place = opening.key
        parks = [m for m in view.mentions if m.kind == "IndustrialPark"]
        if parks:
            self.current_park = parks[-1].key
        if self.references is not None:
            self.references.note(view, [m for m in view.mentions if m.key not in self.groups])

    def _dates(self, ctx: SentenceContext) -> None:
        """An event held on a day (or days), a project signed on a day."""
        days = sorted({value for _, _, value in ctx.view.dates if len(value) == 10})
        if not days:
            return
        span = (ctx.view.start, ctx.view.end)
        if ctx.event and ctx.event not in self.dated and self.phrasing.held.search(ctx.lower):
            self.dated[ctx.event] = ("startDate", days[:1] + (days[-1:] if len(days) > 1 else []), span)
        if ctx.project and ctx.project not in self.dated and self.phrasing.signed.search(ctx.lower):
            self.dated[ctx.project] = ("signingDate", days[:1], span)
