"""Relations from a sentence's structure and trigger words.

Each rule reads one sentence (and what earlier sentences established: the event or project the story is
about, the parties of an agreement) and proposes relations of the extractor's kinds: partnerOf, investsIn,
signedAgreementWith, organizes, hosts, attends, locatedIn, subsidiaryOf, produces, suppliesTo, worksFor.

>>> from graph.ingest.extractor import Extractor
>>> result = Extractor().extract("Li Wei, CEO of Foo Energy Co., Ltd., attended the 2031 Bar Battery Forum.")
>>> sorted((r["subject"], r["kind"], r["object"]) for r in result.as_dict()["relations"])
[('Li Wei', 'attends', '2031 Bar Battery Forum'), ('Li Wei', 'worksFor', 'Foo Energy Co., Ltd.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .entities import TITLES

__all__ = ["RelationCandidate", "SentenceView", "RelationFinder", "RELATION_KINDS"]

#: The relation kinds the extractor proposes.
RELATION_KINDS = ["partnerOf", "investsIn", "signedAgreementWith", "organizes", "hosts", "attends", "locatedIn",
                  "subsidiaryOf", "produces", "suppliesTo", "worksFor"]

_ORG = {"Company", "GovernmentBody", "Organization"}
_ACTOR = _ORG | {"Person"}
_EVENT = {"Conference", "Event"}
_PLACEISH = {"Place", "IndustrialPark", "Facility"}
_TITLE_OF = re.compile(rf"^,? (?:the |a |an )?(?P<title>{TITLES}(?:(?:,| and| &) {TITLES})*)(?: (?:of|at) (?:the )?)"
                       r"(?:[A-Z][\w'-]*-based )?$")
_DIRECTION = r"(?:(?:south|north|east|west|central|southwest|southeast|northwest|northeast)(?:ern)? )?"


# A mention that follows a preposition is an object in its sentence ("a subsidiary of X", "signed with X"),
# not the one doing what the sentence's verb says.
_GOVERNED = re.compile(r"\b(?:of|by|with|from|for|to|at|in|under|between)\s+(?:the\s+)?(?:[A-Z][\w'-]*-based\s+)?$",
                       re.IGNORECASE)
# "The project, developed by X, is located in ...": the sentence is about a thing, not an organisation.
_THING_SUBJECT = re.compile(r"^(?:the|its|this|a|an|their)\s+(?:[\w-]+\s+){0,3}?(?:project|plant|factory|base|"
                            r"facility|station|mine|line|center|centre|park|cluster)\b", re.IGNORECASE)
_EVENT_WORDS = r"(?:conference|event|forum|expo|exhibition|summit|fair|congress|meeting|symposium|convention)"


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


@dataclass
class SentenceView:
    """One sentence: its offsets and text, and its mentions as (start, end, text, entity key, kind, class)."""

    start: int
    end: int
    text: str
    mentions: list[tuple[int, int, str, str, str, str]]
    dates: list[tuple[int, int, str]] = field(default_factory=list)

    def between(self, a, b) -> str:
        """The sentence text between two mentions (sentence-relative)."""
        return self.text[a[1] - self.start:b[0] - self.start]

    def before(self, m, width: int = 80) -> str:
        return self.text[max(0, m[0] - self.start - width):m[0] - self.start]

    def after(self, m, width: int = 80) -> str:
        return self.text[m[1] - self.start:m[1] - self.start + width]


class RelationFinder:
    """Apply the relation rules sentence by sentence, keeping the story's context."""

    def __init__(self, ancestors=lambda key: []):
        self.ancestors = ancestors
        self.current_event: str | None = None
        self.current_project: str | None = None
        self.parties: list[str] = []
        self.found: list[RelationCandidate] = []
        #: entity key -> (property, [ISO dates], sentence span): when an event took place, a project was signed
        self.dated: dict[str, tuple[str, list[str], tuple[int, int]]] = {}
        #: sentence span -> the project or event the sentence is about, named or referred to ("the project")
        self.topic: dict[tuple[int, int], str] = {}

    def _add(self, view: SentenceView, subject: str, kind: str, obj: str, confidence: float, rule: str,
             **detail) -> None:
        if subject == obj:
            return
        for known in self.found:
            if (known.subject, known.kind, known.object) == (subject, kind, obj):
                known.confidence = max(known.confidence, confidence)
                return
        self.found.append(RelationCandidate(subject, kind, obj, (view.start, view.end), confidence, rule, detail))

    def sentence(self, view: SentenceView) -> None:
        text = view.text
        lower = text.lower()
        ms = view.mentions
        events = [m for m in ms if m[4] in _EVENT]
        projects = [m for m in ms if m[4] == "InvestmentProject"]
        refers_event = re.search(rf"\b(?:the|this)(?: [\w-]+){{0,2}}? {_EVENT_WORDS}\b", lower)
        event = events[0][3] if events else (self.current_event if refers_event else None)
        refers_project = re.search(r"\bproject\b", lower)
        project = projects[0][3] if projects else (self.current_project if refers_project else None)

        # worksFor: "Name, Title of Org"
        employers: set[str] = set()
        for i, m in enumerate(ms):
            if m[4] != "Person":
                continue
            for other in ms[i + 1:i + 3]:
                if other[4] in _ORG:
                    match = _TITLE_OF.match(view.between(m, other))
                    if match:
                        self._add(view, m[3], "worksFor", other[3], 0.85, "name-title-of-org",
                                  jobTitle=match.group("title"))
                        employers.add(other[3])
                        break
            # "Org's Title Name" / "Org Title Name"
            if i > 0 and ms[i - 1][4] in _ORG:
                gap = view.between(ms[i - 1], m)
                match = re.fullmatch(rf"(?:'s|’s)? (?P<title>{TITLES}),? ", gap)
                if match:
                    self._add(view, m[3], "worksFor", ms[i - 1][3], 0.8, "org-title-name", jobTitle=match.group("title"))  # noqa: E501
                    employers.add(ms[i - 1][3])

            # "Academician Zhou Lan of the Quux Academy of Engineering"
            title = re.search(rf"\b(?P<title>{TITLES}) $", view.before(m, 60))
            following = ms[i + 1] if i + 1 < len(ms) else None
            if title and following and following[4] in _ORG and re.fullmatch(r" (?:of|at) (?:the )?",
                                                                            view.between(m, following)):
                self._add(view, m[3], "worksFor", following[3], 0.8, "title-name-of-org",
                          jobTitle=title.group("title"))
                employers.add(following[3])

        # hosts / organizes, passive: "hosted by X and jointly organized by Y and Z"
        roles: dict[str, str] = {}
        triggers = [(t.start(), "hosts" if t.group(1).startswith(("host", "co-host")) else "organizes")
                    for t in re.finditer(r"\b((?:co-)?host(?:ed)?|(?:(?:jointly |co-)?organi[sz]ed|sponsored|"
                                         r"undertaken|co-organi[sz]ed)) by\b", lower)]
        if triggers and event:
            for m in ms:
                if m[4] not in _ORG:
                    continue
                rel = m[0] - view.start
                before = [t for t in triggers if t[0] < rel]
                if not before:
                    continue
                role = before[-1][1]
                # a later trigger of another kind between this one and the mention ends the first list
                self._add(view, m[3], role, event, 0.8, f"{role}-by")
                roles[m[3]] = role
            # a district or city among the hosts: only inside the list the trigger opens ("... and Shuangliu District")
            for start, role in triggers:
                trigger_end = re.compile(r"\S+ by\b").search(lower, start).end()
                previous_end = view.start + trigger_end
                for m in ms:
                    if m[0] < previous_end:
                        continue
                    gap = view.text[previous_end - view.start:m[0] - view.start]
                    if not re.fullmatch(r",?\s*(?:and\s+|as well as\s+)?(?:the\s+)?", gap):
                        break
                    if m[4] == "Place" and m[5] != "Country":
                        self._add(view, m[3], role, event, 0.7, f"{role}-by-place")
                        roles[m[3]] = role
                    previous_end = m[1]
        # "Organizers — X and Y — expect ...", "organizers include X": the story's event
        organisers = re.search(r"\b(?:co-)?organi[sz]ers?\b(?:\s*(?:—|–|-|:)|\s+(?:are|were|include|included))",
                               lower)
        target = event or self.current_event
        if organisers and target:
            for m in ms:
                if m[4] in _ORG and m[0] - view.start > organisers.end() and m[3] not in roles:
                    self._add(view, m[3], "organizes", target, 0.7, "organizers-are")
                    roles[m[3]] = "organizes"
        # active: "X hosted the conference", "As the organizer of this event, X"
        if event:
            for m in ms:
                if m[4] in _ORG and re.match(r"^ (?:will |has |have )?(?:hosts?|hosted|co-hosted)\b", view.after(m, 30)):  # noqa: E501
                    self._add(view, m[3], "hosts", event, 0.75, "x-hosted")
                    roles[m[3]] = "hosts"
                if m[4] in _ORG and re.search(r"\bas (?:the )?(?:co-)?organi[sz]er of (?:this|the) \w+,\s*$",
                                              view.before(m).lower()):
                    self._add(view, m[3], "organizes", event, 0.75, "as-organizer")
                    roles[m[3]] = "organizes"

        # attends
        attend = re.search(r"\b(?:attend(?:ed|s|ing)?|participat\w*|took part|take part|delivered (?:a |the )?"
                           r"(?:keynote )?speech\w*|keynote(?: speaker| speech| address| report)?|speaker|"
                           r"guests? of hono(?:u)?r|attracted|"
                           r"exhibitors?|exhibited|showcased|present at|joined|gathered|brought together)\b", lower)
        if attend and not event and self.current_event and re.search(
                r"keynote|speaker|speech|guests? of hono(?:u)?r|exhibitor", attend.group(0)):
            event = self.current_event  # a speaker in a story about an event speaks at that event
        if attend and event:
            country_ok = re.search(r"guests? of hono(?:u)?r|invited|delegation", lower)
            for m in ms:
                if m[3] in employers or m[3] in roles or m[3] == event:
                    continue
                if m[4] in _ACTOR or (m[5] == "Country" and country_ok):
                    self._add(view, m[3], "attends", event, 0.7, "attend-trigger")

        # locatedIn: an event held in a place: the place follows a "held / opened in" or the event's name closely
        if event:
            held = r"\b(?:held|hold|holds|opened|opens|open|kicked off|kicks off|kick off|took place|takes place|" \
                   r"take place|launched|convened|staged)\b"
            for m in ms:
                if m[4] not in _PLACEISH or not re.search(r"\b(?:in|at)\s+(?:the )?(?:city of )?$", view.before(m, 20)):
                    continue
                near_trigger = re.search(held, view.before(m, 50).lower())
                near_event = any(e[1] <= m[0] and m[0] - e[1] <= 40 for e in events)
                if near_trigger or near_event:
                    self._add(view, event, "locatedIn", m[3], 0.7, "event-in-place")
                    if m[4] != "Facility":
                        break
                    # "at the Expo City in Chengdu": the venue's place is the event's place too
                    place = next((p for p in ms if p[0] > m[1] and p[4] == "Place" and
                                  re.fullmatch(r",? in (?:the )?", view.text[m[1] - view.start:p[0] - view.start])),
                                 None)
                    if place:
                        self._add(view, event, "locatedIn", place[3], 0.7, "event-in-venue-in-place")
                    break
        # locatedIn: comma chains "Yibin City, Sichuan Province, southwestern China"
        for a, b in zip(ms, ms[1:], strict=False):
            if a[4] in _PLACEISH and b[4] == "Place" and a[5] != "Country" and \
                    re.fullmatch(rf",\s*{_DIRECTION}", view.between(a, b)):
                chain = self.ancestors(a[3])
                # "the Sanjiang New Area of Yibin, Sichuan Province": the park is in Yibin, which is in Sichuan
                indirect = a[4] != "Place" and chain and b[3] != chain[0]
                if (b[3] in chain or not chain) and not indirect:
                    self._add(view, a[3], "locatedIn", b[3], 0.75, "place-comma-chain")
        # locatedIn: "Leshan, a city in southwest China's Sichuan Province"
        for a, b in zip(ms, ms[1:], strict=False):
            if a[4] == "Place" and b[4] == "Place" and re.fullmatch(
                    rf",? (?:a|an|the) (?:[\w-]+ )?(?:city|county|district|town|township|prefecture|province|region|"
                    rf"municipality|village) (?:in|of) (?:the )?{_DIRECTION}", view.between(a, b).lower()):
                following = ms[ms.index(b) + 1] if ms.index(b) + 1 < len(ms) else None
                if b[5] == "Country" and following and following[4] == "Place" and \
                        view.between(b, following) in ("'s ", "\u2019s "):
                    b = following  # "a city in southwest China's Sichuan Province": in the province
                self._add(view, a[3], "locatedIn", b[3], 0.75, "place-a-city-in")
            if a[5] == "Country" and b[4] == "Place" and view.between(a, b) in ("'s ", "\u2019s ") \
                    and a[3] in self.ancestors(b[3]):
                self._add(view, b[3], "locatedIn", a[3], 0.7, "country-possessive")
        # locatedIn: provinces "in (southwest) China"
        for m in ms:
            if m[5] == "Province":
                tail = view.after(m, 200)
                country = next((c for c in ms if c[5] == "Country" and c[0] > m[1] and re.search(
                    rf"\bin {_DIRECTION}$", view.text[:c[0] - view.start])), None)
                if country and country[3] in self.ancestors(m[3]) and tail:
                    self._add(view, m[3], "locatedIn", country[3], 0.5, "province-in-country")
        # locatedIn: a project or company located / landed / built in a place or park
        located = re.search(r"\b(?:located|landed|settled|based|built|set up|established|sited|construct\w*) in\b",
                            lower)
        if located:
            subject = project
            if subject is None and not _THING_SUBJECT.match(text):
                before = [m for m in ms if m[4] in (_ORG | {"Facility"}) and m[0] - view.start < located.start()
                          and not _GOVERNED.search(view.before(m, 20))]
                subject = before[-1][3] if before else None
            targets = [m for m in ms if m[4] in _PLACEISH and m[0] - view.start > located.start()]
            if subject and targets:
                self._add(view, subject, "locatedIn", targets[0][3], 0.7, "located-in")

        # agreements and partnerships
        between = re.search(r"\b(?:agreement|contract|memorandum|mou|deal|cooperation|partnership)\b[^.;]*?"
                            r"\bbetween\b", lower)
        if between:
            after = [m for m in ms if m[4] in _ORG and m[0] - view.start > between.end() - 8]
            if len(after) >= 2 and " and " in view.between(after[0], after[1]):
                x, y = after[0][3], after[1][3]
                if re.search(r"\b(?:agreement|contract|memorandum|mou)\b", lower[:between.end()]):
                    self._add(view, x, "signedAgreementWith", y, 0.8, "agreement-between")
                    self.parties = [x, y]
                if "cooperation" in lower[:between.end()] or "partnership" in lower[:between.end()]:
                    self._add(view, x, "partnerOf", y, 0.65, "cooperation-between")
                if "invest" in lower[:between.end()] and project:
                    for party in (x, y):
                        self._add(view, party, "investsIn", project, 0.6, "investment-agreement")
        signed = re.search(r"\b(?:sign(?:ed|s)?|enter(?:ed|s)? into|inked|reached|concluded)\b[^.;]*?"
                           r"\b(?:agreement|contract|memorandum|mou|deal)\b[^.;]*?\bwith\b", lower)
        if signed:
            before = [m for m in ms if m[4] in _ORG and m[0] - view.start < signed.start()
                      and not _GOVERNED.search(view.before(m, 20))]
            after = [m for m in ms if m[4] in _ORG and m[0] - view.start > signed.end() - 5]
            if before and after:
                x, y = before[-1][3], after[0][3]
                self._add(view, x, "signedAgreementWith", y, 0.75, "signed-with")
                self.parties = [x, y]
                kind_of_deal = lower[signed.start():signed.end()]
                if "invest" in kind_of_deal and project:  # "signed an investment agreement ... for the project"
                    for party in (m for m in before[-1:] + after[:1] if m[4] == "Company"):
                        self._add(view, party[3], "investsIn", project, 0.6, "investment-agreement")
                if re.search(r"\b(?:cooperation|strategic|partnership|alliance)\b", kind_of_deal):
                    self._add(view, x, "partnerOf", y, 0.65, "signed-cooperation-with")
                if re.search(r"\bsupply (?:agreement|contract|deal)\b", kind_of_deal):
                    self._add(view, x, "suppliesTo", y, 0.65, "supply-agreement-with")
        joint = re.search(r"\b(?:signed|sign|inked|concluded)\b[^.;]*?\b(?:agreement|contract|memorandum|mou|deal)\b",
                          lower)
        if joint and not signed:
            before = [m for m in ms if m[4] in _ORG and m[0] - view.start < joint.start()]
            if len(before) >= 2 and re.fullmatch(r",? and ", view.between(before[-2], before[-1])):
                x, y = before[-2][3], before[-1][3]
                self._add(view, x, "signedAgreementWith", y, 0.75, "x-and-y-signed")
                self.parties = [x, y]
                if re.search(r"\b(?:cooperation|strategic|partnership)\b", lower[joint.start():joint.end()]):
                    self._add(view, x, "partnerOf", y, 0.65, "x-and-y-signed-cooperation")
        venture = re.search(r"\b(?:jointly (?:established|set up|founded|formed|built)|(?:established|set up|formed|"
                            r"founded) a joint venture)\b", lower)
        if venture:
            before = [m for m in ms if m[4] in _ORG and m[0] - view.start < venture.start()]
            if len(before) >= 2 and re.fullmatch(r",? and ", view.between(before[-2], before[-1])):
                self._add(view, before[-2][3], "partnerOf", before[-1][3], 0.7, "joint-venture")
        team = re.search(r"\b(?:teamed up with|partnered with|partnering with|joined hands with|join hands with|"
                         r"(?:strategic )?(?:cooperation|partnership|alliance) with|cooperat(?:e|es|ed) with|"
                         r"work(?:ed)? closely with)\b", lower)
        if team:
            before = [m for m in ms if m[4] in _ORG and m[0] - view.start < team.start()]
            after = [m for m in ms if m[4] in _ORG and m[0] - view.start > team.end() - 5]
            if before:
                for m in after:
                    self._add(view, before[-1][3], "partnerOf", m[3], 0.7, "teamed-up-with")
        if self.parties and re.search(r"\b(?:cooperation|partnership) between the two (?:sides|parties)\b", lower):
            self._add(view, self.parties[0], "partnerOf", self.parties[1], 0.6, "two-sides")

        # investment
        invest = re.search(r"\b(?:jointly )?invest(?:s|ed|ing)?\b[^.;]*?\bin\b", lower)
        if invest and project:
            investors = [m[3] for m in ms if m[4] in _ORG and m[0] - view.start < invest.start()]
            if not investors and self.parties and re.search(r"\b(?:both|the two) (?:parties|sides|companies)\b",
                                                            lower[:invest.start()]):
                investors = list(self.parties)
            for org in investors:
                self._add(view, org, "investsIn", project, 0.7, "invest-in")
        for m in ms:
            if m[4] in _ORG and project and re.search(r"\b(?:invested|developed|funded) by (?:the )?$",
                                                      view.before(m, 20).lower()):
                self._add(view, m[3], "investsIn", project, 0.75, "invested-by")
        for a, b in zip(ms, ms[1:], strict=False):
            if a[4] == "InvestmentProject" and b[4] in _ORG and re.fullmatch(r" (?:by|of) (?:the )?",
                                                                            view.between(a, b)):
                self._add(view, b[3], "investsIn", a[3], 0.65, "project-by")

        # "Hefei-based Foo Co., Ltd.": Foo lies in Hefei
        for a, b in zip(ms, ms[1:], strict=False):
            if a[4] == "Place" and b[4] in _ORG and re.fullmatch(r"-based ", view.between(a, b)):
                self._add(view, b[3], "locatedIn", a[3], 0.7, "place-based-prefix")
        # "under which / under the agreement, X will supply ... to Y": a supply deal between the two
        under_deal = re.match(r"^under the (?:agreement|deal|contract)\b", lower)
        # subsidiary, production, supply (a "<place>-based" between two names is skipped)
        for a, b in zip(ms, ms[1:], strict=False):
            if a[4] in _ORG and b[4] == "Place" and re.fullmatch(r",? (?:(?:is|was) )?(?:a|an|the) ",
                                                                 view.between(a, b).lower()) and \
                    re.match(r"-based\b", view.after(b, 10)):
                self._add(view, a[3], "locatedIn", b[3], 0.7, "place-based")
        pairs = [m for m in ms if not (m[4] == "Place" and view.after(m, 7).startswith("-based"))]
        for a, b in zip(pairs, pairs[1:], strict=False):
            gap = re.sub(r"\b[A-Z][\w'-]*-based $", "", view.between(a, b)).lower()
            if a[4] == "Place" and b[4] in ("IndustrialPark", "Facility") and gap in ("'s ", "\u2019s "):
                self._add(view, b[3], "locatedIn", a[3], 0.7, "place-possessive")  # "Chongqing's Liangjiang New Area"
            if a[4] in _ORG and b[4] == "Place" and re.fullmatch(
                    r",? (?:(?:is|was) )?(?:a|an|the) (?:[\w-]+ ){0,4}?(?:based|headquartered) in (?:the )?", gap):
                self._add(view, a[3], "locatedIn", b[3], 0.7, "based-in")
            if a[4] in _ORG and b[4] in _ORG:
                if re.fullmatch(r",? (?:(?:is|was|became|becomes) )?(?:a |an |the )?(?:wholly[- ]owned )?"
                                r"(?:subsidiary|unit|affiliate|division) of "
                                r"(?:the )?", gap) or re.fullmatch(r",? (?:is |was )?(?:(?:majority|wholly|fully)[- ])?"
                                                                   r"(?:owned|controlled) by (?:the )?", gap):
                    self._add(view, a[3], "subsidiaryOf", b[3], 0.8, "subsidiary-of")
                elif re.fullmatch(r"(?:'s|’s) (?:wholly[- ]owned )?subsidiary,? ", gap):
                    self._add(view, b[3], "subsidiaryOf", a[3], 0.8, "subsidiary-of")
            appositive = re.fullmatch(r",? (?:a|an|the) [\w -]*?(?:maker|manufacturer|producer|supplier|developer) "
                                      r"of (?:the )?", gap)
            if a[4] in _ORG and b[4] == "Technology" and ("," not in gap or appositive) and re.search(
                    r"\b(?:produces?|produced|manufactures?|manufactured|makes|maker of|manufacturer of|producer of|"
                    r"supplier of|specializ\w+ in|specialis\w+ in|focus(?:es|ed)? on)\b", gap) and len(gap) < 80:
                self._add(view, a[3], "produces", b[3], 0.6, "produces")
        # supply: "X will supply / deliver (lithium iron phosphate cells) to Y", "X, a key supplier to Y"
        goods = [m for m in pairs if m[4] != "Technology"]  # what is supplied may be a technology's name
        for a, b in zip(goods, goods[1:], strict=False):
            gap = view.between(a, b).lower()
            if a[4] in _ORG and b[4] in _ORG and (
                    re.search(r"\b(?:supplies|supplied|supply|will supply|to supply|deliver(?:s|ed)?)\b[^.;]*\bto "
                              r"(?:the )?$", gap) or
                    re.fullmatch(r",? (?:a |the )?(?:key |major )?supplier (?:to|of) (?:the )?", gap)):
                self._add(view, a[3], "suppliesTo", b[3], 0.7, "supplies-to")
                if under_deal:
                    self._add(view, a[3], "signedAgreementWith", b[3], 0.65, "under-the-agreement")

        # dates: an event held on a day (or days), a project signed on a day
        days = sorted({value for _, _, value in view.dates if len(value) == 10})
        if days and event and event not in self.dated and re.search(
                r"\b(?:held|hold|opened|open|opens|kicked off|kick off|took place|take place|launched|convened|"
                r"started|starts|begins|began|runs|ran|from)\b", lower):
            self.dated[event] = ("startDate", days[:1] + (days[-1:] if len(days) > 1 else []), (view.start, view.end))
        if days and project and project not in self.dated and re.search(r"\bsign(?:ed|ing)?\b", lower):
            self.dated[project] = ("signingDate", days[:1], (view.start, view.end))
        if project or event:
            self.topic[(view.start, view.end)] = project or event
        if events:
            self.current_event = events[-1][3]
        if projects:
            self.current_project = projects[-1][3]
