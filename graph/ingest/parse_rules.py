"""Relations from the dependency parse: who does what to whom, read from the verb's subject and objects.

These rules run where the statistical English pipeline parsed the sentence (``SentenceView.parsed``), after
the surface rules of :mod:`graph.ingest.relations`; a relation both propose is one candidate. They read:

* the subject of a verb, its coordinated subjects ("X and Y signed"), and the subject a clause inherits
  ("X will invest 5 billion yuan **to build** Y in Z": X builds Y, Y is in Z);
* the object, and the object of each preposition ("signed an agreement **with** Y", "located **in** Z",
  "hosted **by** X", "supply cells **to** Y"), on the verb or on its object;
* a possessive ("X's anode project": X invests in it; "X's plant in Z", "a facility of X in Z": X is in Z) and
  an apposition ("Z, a subsidiary of X");
* a district "in" its city ("Jianzhou New Town district in eastern Chengdu"), the places a region "includes"
  ("its area, which includes cities such as A, B and C");
* a participle after its noun as a passive ("an agreement concluded between X and Y", "the plant built by X"),
  "the former" / "the latter" and "the (battery) manufacturer" (the company the sentence is about) as names;
* suppliers ("X, Y's main supplier", "Y's battery supplier X", "selected as a supplier for Y"), orders ("Y issues
  orders to X"), ownership ("Y is owned by X", "Y, which is under X": Y is X's subsidiary), investors ("X is an
  investor in Y", "X led Y's funding round") and a gathering for an event ("officials gathered in Z to open the E":
  E is in Z).

>>> from graph.ingest.extractor import Extractor
>>> extractor = Extractor(use_registry=False)
>>> found = extractor.extract("Hanfeng Materials will invest 5 billion yuan to build a 20 GWh battery project "
...                           "in Zigong, Sichuan Province.").as_dict()["relations"]
>>> ("Hanfeng Materials", "investsIn", "20 GWh battery project") in {(r["subject"], r["kind"], r["object"])
...                                                                  for r in found}
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from .relations import _GOVERNED, EVENT, ORG, PLACEISH, SentenceContext, SentenceMention

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PARSE_RULES", "VERB_FAMILIES", "verb_relations", "in_place", "place_in_place", "possessive_investor",
           "its_shareholder", "appositive_subsidiary", "owned_by", "investor_in", "supplier_of"]

_SIGN = {"sign", "ink", "conclude", "seal", "enter", "reach", "strike", "agree"}
_AGREEMENT = {"agreement", "contract", "memorandum", "mou", "deal", "pact", "framework"}
_INVEST = {"invest"}
_BUILD = {"build", "construct", "establish", "set", "launch", "develop", "open", "start", "begin", "break",
          "kick", "put", "expand", "commission", "complete", "own", "operate", "commence", "embark"}
# what building a project is called when a verb starts it: "started construction of Y", "broke ground on Y"
_WORKS = {"construction", "ground", "groundbreaking", "work", "works"}
_FUND = {"fund", "finance", "co-finance", "bankroll", "co-fund"}
# a company taken over: "completed its acquisition of Y", "the takeover of Y"
_TAKEOVER = {"acquisition", "takeover", "buyout", "purchase"}
_LOCATE = {"locate", "settle", "land", "site", "base", "situate", "headquarter", "house"}
_HOST = {"host", "co-host", "cohost"}
_ORGANISE = {"organize", "organise", "sponsor", "co-organize", "co-organise", "undertake", "co-sponsor"}
_ATTEND = {"attend", "participate", "join", "visit", "exhibit", "showcase", "address"}
_SUPPLY = {"supply", "deliver", "provide", "ship", "sell"}
_ACQUIRE = {"acquire", "buy", "purchase"}
_SOURCE = {"source", "buy", "purchase", "procure", "import"}
_PARTNER = {"cooperate", "partner", "collaborate", "team", "ally"}
_GATHER = {"gather", "meet", "convene", "assemble", "converge", "come"}
_OWN = {"own", "control"}
_HOLD_RIGHTS = {"own", "hold", "obtain", "acquire", "secure", "gain", "have", "get"}
_ADMINISTRATIVE = {"City", "District", "County", "Town", "Prefecture", "Township", "Village"}
_INCLUDE = {"include", "cover", "comprise", "encompass", "span"}
_ORDER_PLACE = {"place", "issue", "award", "give"}
_ORDER_WIN = {"receive", "win", "secure", "land", "get", "obtain", "bag", "clinch", "book"}
_FUNDING = {"funding", "financing", "round", "fundraising"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_CLAUSE_DEPS = {"xcomp", "advcl", "conj", "relcl", "ccomp", "pcomp"}


class _Parsed:
    """Token ↔ mention lookups for one parsed sentence."""

    def __init__(self, ctx: SentenceContext):
        self.ctx = ctx
        self.span = ctx.view.parsed
        doc = self.span.doc
        self.by_token: dict[int, SentenceMention] = {}
        self.roots: dict[SentenceMention, object] = {}  # a mention -> its phrase's head token
        for m in ctx.mentions:
            tokens = doc.char_span(m.start, m.end, alignment_mode="expand")
            if tokens is None:
                continue
            for token in tokens:
                self.by_token.setdefault(token.i, m)

    def mention(self, token) -> SentenceMention | None:
        """The mention a token belongs to; for a common noun heading a phrase ("the Zigong municipal
        government"), the mention among its compounds."""
        found = self.by_token.get(token.i)
        if found is None:
            for child in token.children:
                if child.dep_ in ("compound", "amod", "nmod") and child.i in self.by_token:
                    candidate = self.by_token[child.i]
                    if candidate.kind in ("InvestmentProject", "IndustrialPark", "Facility") or \
                            token.lower_.rstrip(".") in _LEGAL_WORDS | {"group"} and candidate.kind in ORG:
                        return candidate  # "Tesla Inc", "Sichuan Changhong Electric Co. group"
        if found is None and token.lower_ in ("former", "latter") and \
                any(c.lower_ == "the" for c in token.children):
            # "the agreement between X and Y, the former will ship ... to the latter": the two named before
            named = [m for m in self.ctx.mentions if m.kind in ORG and m.end <= token.idx]
            if len(named) >= 2:
                return named[-2] if token.lower_ == "former" else named[-1]
        if found is None and token.lemma_.lower() in _DESCRIPTIONS and any(c.lower_ == "the" for c in token.children):
            # "CATL is a partner, as an agreement between Seres and the battery manufacturer ...": the company the
            # sentence is about, named as its subject
            root = self.span.root
            for subject in (c for c in root.children if c.dep_ == "nsubj"):
                named = self.by_token.get(subject.i)
                if named is not None and named.kind == "Company" and token not in subject.subtree:
                    return named
        return found

    def mentions(self, tokens, kinds=None) -> list[SentenceMention]:
        found = []
        for token in tokens:
            for conjunct in [token, *token.conjuncts]:
                m = self.mention(conjunct)
                if m is not None and (kinds is None or m.kind in kinds) and m not in found:
                    found.append(m)
        return found


def _subjects(verb):
    """The subject tokens of a verb: its own, or those of the verb whose clause it continues."""
    seen = set()
    while verb is not None and verb.i not in seen:
        seen.add(verb.i)
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if subjects and verb.dep_ == "relcl" and all(c.lower_ in ("which", "that", "who") for c in subjects):
            return [verb.head]  # "a company which owns the project": the noun the clause describes
        if subjects:
            return subjects
        if verb.dep_ == "relcl":  # "X, which signed ...": the noun the clause describes
            return [verb.head]
        if verb.dep_ in _CLAUSE_DEPS and verb.head is not verb:
            verb = verb.head
            continue
        return []
    return []


_PRONOUNS = {"it", "they"}
_LEGAL_WORDS = {"inc", "ltd", "corp", "co", "limited", "plc", "llc", "ag", "gmbh"}
_DESCRIPTIONS = {"company", "firm", "group", "producer", "maker", "manufacturer", "developer", "enterprise",
                 "supplier"}


def _resolved_subjects(parsed: _Parsed, verb) -> list[SentenceMention]:
    """The mentions a verb's subject names: "it" / "they" in a clause of a verb with a named subject ("X
    announced it will partner with Y") are that subject; "the (chemicals) producer", "the company" with no
    name is the company the story is about."""
    if not _subjects(verb) and verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "pobj") and \
            verb.head.lemma_.lower() in _AGREEMENT:
        verb = verb.head.head if verb.head.dep_ == "dobj" else verb.head.head.head  # "signed a deal to build Y"
    tokens = _subjects(verb)
    found = parsed.mentions(tokens)
    if found:
        return found
    # "AVZ, an Australian listed mining company which owns the project": the company the noun stands beside
    found = parsed.mentions([t.head for t in tokens if t.dep_ == "appos"])
    if found:
        return found
    if any(t.lower_ in _PRONOUNS for t in tokens):
        head = verb
        while head.dep_ in _CLAUSE_DEPS and head.head is not head:
            head = head.head
            outer = parsed.mentions(_subjects(head), ORG | {"Person"}) or _the_company(parsed, _subjects(head))
            if outer:
                return outer  # "the producer said it had inked a deal": the company the story is about
        if head.dep_ == "ROOT" and not any(t.lower_ in _PRONOUNS or t.lemma_.lower() in _DESCRIPTIONS
                                           for t in _subjects(head)):
            # a dateline before the name ("Chengdu, October 12 – X announced that it ..."): the parser took no
            # name for the subject
            before = _first_organisation_before(parsed, head)
            if before:
                return before
        company = parsed.ctx.finder.current_company
        pronoun = next(t for t in tokens if t.lower_ in _PRONOUNS)
        if company and pronoun.lower_ == "it" and not _first_organisation_before(parsed, pronoun) and \
                [t.lower_ for t in _subjects(head)] == ["it"]:
            # "In addition, it will invest CNY2 billion … to build a joint venture plant …, it added": no name in the
            # sentence before "it", which is the company the sentences before were about
            return [SentenceMention.referred(company, "Company")]
    if verb.dep_ == "ROOT" and tokens and all(t.text.isupper() and t.i not in parsed.by_token for t in tokens):
        # "TOKYO, NNA – X will invest ...": the parser took the dateline for the subject; the name after it is
        before = _first_organisation_before(parsed, verb)
        if before:
            return before
    return _the_company(parsed, tokens)


def _the_company(parsed: _Parsed, tokens) -> list[SentenceMention]:
    """The company ``tokens`` (a verb's subject) describe without naming it ("the company", "this lithium salts
    producer"), as a list of at most one: the sentence's first company before them ("Shares of X rose after the
    producer said ..."), else the company the story is about."""
    described = [t for t in tokens if t.lemma_.lower() in _DESCRIPTIONS and t.i not in parsed.by_token and
                 any(c.lower_ in ("the", "this") for c in t.children)]
    if not described:
        return []
    view, current = parsed.ctx.view, parsed.ctx.finder.current_company

    def governed_but_by_of(m: SentenceMention) -> bool:
        governed = _GOVERNED.search(view.before(m, 20))
        return governed is not None and governed.group(0).split()[0].lower() != "of"

    # a company before it, the object of no preposition but "of" ("Shares of X"; not "After talks with Y, the company")
    before = [m.key for m in parsed.ctx.mentions if m.kind == "Company" and m.end <= described[0].idx and
              not governed_but_by_of(m)]
    company = current if current in before else before[0] if before else current
    return [SentenceMention.referred(company, "Company")] if company else []


def _first_organisation_before(parsed: _Parsed, verb) -> list[SentenceMention]:
    """The sentence's first organisation before ``verb`` that no preposition governs (a subject the parser
    missed behind a dateline), as a list of at most one."""
    view = parsed.ctx.view
    return [m for m in parsed.ctx.mentions if m.kind in ORG and m.end <= verb.idx and
            not _GOVERNED.search(view.before(m, 20))][:1]


def _preposition_objects(tokens, words: set[str]):
    """The objects of the prepositions ``words`` attached to any of ``tokens`` (and "by" agents); "there" stands
    for "in" the place it refers to ("has a factory there")."""
    found = []
    for token in tokens:
        for child in token.children:
            if child.dep_ in ("prep", "agent", "dative") and child.lower_ in words:
                found += [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ == "advmod" and child.lower_ == "there" and "in" in words:
                found.append(child)
                # "in the Zigong High-tech Zone of Sichuan": stop at the first place
    return found


def _co_investors(parsed: _Parsed, verb) -> list[SentenceMention]:
    """The organisations an investing verb names its subject's partners with "with": "X will invest CNY2 billion
    with raw material supplier Y (to build Z)"."""
    partners = _preposition_objects([verb], {"with"})
    return parsed.mentions(partners + [c for t in partners for c in t.children if c.dep_ in ("appos", "compound")],
                           ORG)


def _objects(verb):
    return [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]


@dataclass(frozen=True)
class _Verb:
    """One verb of a parsed sentence, with what every verb family reads from it worked out once: its lemma,
    subject tokens and the mentions they resolve to, objects and whether it is passive (the "by" agents, which
    few families read, when one first asks).

    ``holders`` are the verb and its objects, the tokens a preposition may hang on ("supply cells **to** Y",
    "signed an agreement **with** Y"). A participle after its noun ("an agreement signed between X and Y", "the
    plant built by X") is passive, its noun its subject.
    """

    parsed: _Parsed
    token: Token
    lemma: str
    subject_tokens: list
    subjects: list[SentenceMention]
    objects: list
    passive: bool

    @classmethod
    def read(cls, parsed: _Parsed, token) -> _Verb:
        """What the verb ``token`` of ``parsed``'s sentence says about its subjects, objects and agents."""
        subject_tokens = _subjects(token)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
        if token.dep_ == "acl" and token.tag_ == "VBN":  # "the plant built by X", "an agreement signed between X and Y"
            passive, subject_tokens = True, [token.head]
        subjects = _resolved_subjects(parsed, token)
        objects = _objects(token)
        return cls(parsed=parsed, token=token, lemma=token.lemma_.lower(), subject_tokens=subject_tokens,
                   subjects=subjects, objects=objects, passive=passive)

    @property
    def ctx(self) -> SentenceContext:
        """The sentence the verb is read in, where relations are added."""
        return self.parsed.ctx

    @property
    def holders(self) -> list:
        """The verb and its objects."""
        return [self.token, *self.objects]

    @cached_property
    def agents(self) -> list[SentenceMention]:
        """The organisations after "by" ("built by X"), looked up only by the families that read a passive."""
        return self.parsed.mentions(_preposition_objects([self.token], {"by"}), ORG)

    def organisations(self) -> list[SentenceMention]:
        """The verb's subjects that are organisations."""
        return [m for m in self.subjects if m.kind in ORG]

    def has_object(self, words: set[str]) -> bool:
        """Whether one of the verb's objects is one of ``words`` (as a lemma): "won **the rights**"."""
        return any(o.lemma_.lower() in words for o in self.objects)


# ---------------------------------------------------------------------------------------------------------------
# the verb families: each reads one kind of verb, in the order of VERB_FAMILIES


def _is_signing(verb: _Verb) -> bool:
    """"sign", "ink", "conclude", "seal" always; "enter (into)", "reach", "strike", "agree" only with an
    agreement as object or after "into"."""
    return verb.lemma in _SIGN and (
        verb.lemma in ("sign", "ink", "conclude", "seal") or verb.has_object(_AGREEMENT) or
        any(o.lemma_.lower() in _AGREEMENT for o in _preposition_objects([verb.token], {"into"})))


def _signs(verb: _Verb) -> None:
    """"X signed an agreement with Y", "X and Y signed", "an agreement signed between X and Y": the parties signed
    an agreement with each other (and are partners where it is one of cooperation); "X signed a deal to supply Y":
    X supplies Y; an investment agreement, or one naming a project: each company party invests in the project."""
    ctx, parsed, token, objects, holders = verb.ctx, verb.parsed, verb.token, verb.objects, verb.holders
    add = ctx.add
    deal_words = " ".join(t.lower_ for o in objects + _preposition_objects([token], {"into"}) for t in o.subtree)
    parties = verb.organisations()
    partners = parsed.mentions(_preposition_objects(holders, {"with"}), ORG)
    # "X signed a deal to supply lithium hydroxide to Y", "X agreed a contract to supply Y with lithium
    # hydroxide": Y is the other party, and X's customer
    supply = [c for o in objects for c in o.children if c.dep_ in ("acl", "relcl", "xcomp") and
              c.lemma_.lower() in _SUPPLY]
    if verb.has_object(_AGREEMENT):  # the parser may hang "to supply" on the verb
        supply += [c for c in token.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _SUPPLY]
    # "... a deal to supply LG Chem with lithium hydroxide": the customer is the verb's object
    customers = parsed.mentions(_preposition_objects(supply, {"to"}), ORG) or \
        parsed.mentions([o for s in supply if _preposition_objects([s], {"with"}) for o in _objects(s)], ORG)
    if customers and not partners and not verb.passive:
        partners = customers
        for a in verb.organisations():
            for b in customers:
                add(a.key, "suppliesTo", b.key, 0.65, "parse-signed-to-supply")
    if verb.passive:
        between = _preposition_objects(holders, {"between", "by"})
        # "signed by its subsidiary Yaan Lithium": the name beside the noun
        parties = parsed.mentions(between, ORG) or \
            parsed.mentions([c for t in between for c in t.children if c.dep_ == "appos"], ORG)
        deal = token.head if token.dep_ == "acl" else next(iter(verb.subject_tokens), token)
        if len(parties) == 1 and not partners and deal.lemma_.lower() in _AGREEMENT and \
                any(c.lower_ in ("the", "this") for c in deal.children):
            # "the contract, signed by its subsidiary Yaan Lithium": the deal a sentence before named, whose
            # other party this sentence does not name
            named = {m.key for m in ctx.mentions}
            partners = [SentenceMention.referred(key, "Company") for key in ctx.finder.parties if key not in named]
            ctx.finder.referred |= {m.key for m in partners}  # read through a reference, not a name
    pairs = [(a, b) for a in parties for b in partners] or \
            [(a, b) for i, a in enumerate(parties) for b in parties[i + 1:]]
    for a, b in pairs:
        add(a.key, "signedAgreementWith", b.key, 0.75, "parse-signed")
        if any(w in deal_words for w in ("cooperation", "strategic", "partnership", "alliance")):
            add(a.key, "partnerOf", b.key, 0.65, "parse-signed-cooperation")
    if pairs:
        ctx.finder.parties = [pairs[0][0].key, pairs[0][1].key]
    projects = parsed.mentions([t for o in objects for t in o.subtree], {"InvestmentProject"})
    if "invest" in deal_words or projects:
        project = projects[0].key if projects else ctx.project
        if project:
            for party in parties + partners:
                if party.kind == "Company":
                    add(party.key, "investsIn", project, 0.6, "parse-investment-agreement")


def _invests(verb: _Verb) -> None:
    """"X will invest 5 billion yuan in Y" (a project): X invests in Y; "invest ... in Zigong": the story's project
    is there; "X will invest ... with Y": X and Y are partners."""
    ctx, parsed = verb.ctx, verb.parsed
    investors = verb.organisations() + _co_investors(parsed, verb.token)
    # "it will invest CNY2 billion with raw material supplier SD Lomon to build a joint venture plant": the
    # ones who invest together are partners
    for co_investor in _co_investors(parsed, verb.token):
        for investor in verb.organisations():
            ctx.add(investor.key, "partnerOf", co_investor.key, 0.6, "parse-invests-with")
    # "invest 1.9 billion yuan in building a battery plant": what the gerund builds
    gerunds = [c for t in verb.holders for p in t.children if p.dep_ == "prep" and p.lower_ in ("in", "into")
               for c in p.children if c.dep_ == "pcomp"]
    targets = parsed.mentions(_preposition_objects(verb.holders, {"in", "into"}) + [o for g in gerunds
                                                                                   for o in _objects(g)])
    for target in targets:
        if target.kind == "InvestmentProject":
            for investor in investors:
                ctx.add(investor.key, "investsIn", target.key, 0.75, "parse-invest-in")
        elif target.kind in PLACEISH and ctx.project:
            ctx.add(ctx.project, "locatedIn", target.key, 0.6, "parse-invest-in-place")


def _is_building(verb: _Verb) -> bool:
    """A building verb whose object is no takeover or right ("completed its acquisition", "own the rights" are
    read by :func:`_acquires` and :func:`_wins_rights`)."""
    return verb.lemma in _BUILD and not verb.has_object(_TAKEOVER | {"right"})


def _builds(verb: _Verb) -> None:
    """"X will build Y in Z", "the plant built by X", "X started construction of Y", "X broke ground on Y": X invests
    in the project Y, and Y is in Z."""
    ctx, parsed, token, lemma, objects = verb.ctx, verb.parsed, verb.token, verb.lemma, verb.objects
    builders = [m for m in (verb.agents if verb.passive else verb.subjects) if m.kind in ORG]
    if token.head.lemma_.lower() in _INVEST and token.dep_ in _CLAUSE_DEPS:
        builders += _co_investors(parsed, token.head)  # "X will invest CNY2 billion with Y to build Z"
    built = parsed.mentions(objects if not verb.passive else verb.subject_tokens,
                            {"InvestmentProject", "Facility", "IndustrialPark"})
    works = [o for o in objects + _preposition_objects([token], {"on"}) if o.lemma_.lower() in _WORKS]
    if works and not verb.passive:  # "X started construction of Y", "X broke ground on Y"
        built += parsed.mentions(_preposition_objects(works + [token], {"of", "on", "for"}), {"InvestmentProject"})
    if lemma in ("set", "break", "kick", "put") and not any(c.dep_ == "prt" for c in token.children) and \
            not works and \
            not (lemma == "put" and any(o.lemma_ in ("production", "operation", "service", "use")
                                        for o in _preposition_objects([token], {"into"}))):
        built = []  # "put X into production" is a project of the subject's; "put forward" is none
    places = parsed.mentions(_preposition_objects([token, *objects] + verb.subject_tokens, {"in", "at"}), PLACEISH)
    for thing in built:
        if thing.kind == "InvestmentProject":
            for builder in builders:
                ctx.add(builder.key, "investsIn", thing.key, 0.7, "parse-builds")
        for place in places[:1]:
            if place.key != thing.key:
                ctx.add(thing.key, "locatedIn", place.key, 0.7, "parse-built-in")


def _locates(verb: _Verb) -> None:
    """"Y is located / based / headquartered in Z": Y (a project, facility, park, organisation or event) is in Z."""
    parsed = verb.parsed
    things = parsed.mentions(verb.subject_tokens, {"InvestmentProject", "Facility", "IndustrialPark"} | ORG | EVENT)
    places = parsed.mentions(_preposition_objects([verb.token], {"in", "at"}), PLACEISH)
    for thing in things:
        for place in places[:1]:
            verb.ctx.add(thing.key, "locatedIn", place.key, 0.7, "parse-located-in")


def _hosts_or_organises(verb: _Verb) -> None:
    """"X hosted / organised the E", "the E is hosted by X", "X sponsored the event" (the story's event): X hosts /
    organises E, where no earlier rule of the sentence gave X a role."""
    ctx, parsed, objects = verb.ctx, verb.parsed, verb.objects
    role = "hosts" if verb.lemma in _HOST else "organizes"
    if verb.passive:
        events = parsed.mentions(verb.subject_tokens, EVENT)
        actors = verb.agents
    else:
        events = parsed.mentions(objects, EVENT)
        actors = verb.organisations()
    if not events and ctx.event and (verb.passive or verb.has_object({"event", "conference", "forum", "expo",
                                                                      "summit"})):
        events = [SentenceMention.referred(ctx.event, "Conference")]
    for event in events:
        for actor in actors:
            if actor.key not in ctx.roles:
                ctx.add(actor.key, role, event.key, 0.75, f"parse-{role}")
                ctx.roles[actor.key] = role


def _attends(verb: _Verb) -> None:
    """"X attended / participated in / exhibited at the E": X (an organisation or person with no role yet)
    attends E."""
    ctx = verb.ctx
    events = verb.parsed.mentions(verb.objects + _preposition_objects([verb.token], {"in", "at"}), EVENT)
    for event in events:
        for attendee in verb.subjects:
            if attendee.kind in ORG | {"Person"} and attendee.key not in ctx.roles:
                ctx.add(attendee.key, "attends", event.key, 0.7, "parse-attends")


def _supplies(verb: _Verb) -> None:
    """"X supplies / delivers cells to Y", "X provides batteries for Y's vehicles", "X will supply Y with cells":
    X supplies Y."""
    parsed = verb.parsed
    suppliers = verb.organisations()
    receivers = _preposition_objects(verb.holders, {"to", "for"})
    # "provide batteries for Y's vehicles": the owner of what is supplied for
    customers = parsed.mentions(receivers + [c for r in receivers for c in r.children if c.dep_ == "poss"], ORG)
    if verb.lemma == "supply" and not customers:  # "X will supply Y with cells"
        customers = parsed.mentions(verb.objects, ORG)
    for supplier in suppliers:
        for customer in customers:
            verb.ctx.add(supplier.key, "suppliesTo", customer.key, 0.7, "parse-supplies")


def _is_ordering(verb: _Verb) -> bool:
    """A verb of placing or winning whose object is an order ("placed an order", "won an order")."""
    return verb.lemma in _ORDER_PLACE | _ORDER_WIN and verb.has_object({"order"})


def _orders(verb: _Verb) -> None:
    """"Y will issue purchase orders to X", "Y placed an order with X"; "X secured / won an order from Y": X
    supplies Y."""
    parsed = verb.parsed
    actors = verb.organisations()
    if verb.lemma in _ORDER_PLACE:
        pairs = [(supplier, buyer) for buyer in actors
                 for supplier in parsed.mentions(_preposition_objects(verb.holders, {"to", "with"}), ORG)]
    else:
        pairs = [(supplier, buyer) for supplier in actors
                 for buyer in parsed.mentions(_preposition_objects(verb.holders, {"from"}), ORG)]
    for supplier, buyer in pairs:
        verb.ctx.add(supplier.key, "suppliesTo", buyer.key, 0.65, "parse-order")


def _includes(verb: _Verb) -> None:
    """"the X Economic Circle ... across its area, which includes cities such as A, B and C": each is in X."""
    ctx, parsed = verb.ctx, verb.parsed
    regions = parsed.mentions(verb.subject_tokens, {"Place", "IndustrialPark"})
    for token in verb.subject_tokens:
        if not regions and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
            root = token
            while root.dep_ != "ROOT" and root.head is not root:
                root = root.head
            regions = parsed.mentions(_subjects(root), {"Place", "IndustrialPark"})
    listed = verb.objects + _preposition_objects(verb.objects, {"as", "including"})
    for region in (r for r in regions[:1] if r.cls not in ("Country", "Province")):
        for place in parsed.mentions(listed, {"Place"}):
            # a city or county holds only the places the gazetteer puts in it; a region ("economic
            # circle") is no level of the gazetteer's tree
            if place.cls not in ("Country", "Province") and place.key != region.key and \
                    (region.cls not in _ADMINISTRATIVE or region.key in ctx.finder.ancestors(place.key)):
                ctx.add(place.key, "locatedIn", region.key, 0.65, "parse-region-includes")


def _is_leading_funding(verb: _Verb) -> bool:
    """"lead" / "co-lead" with a funding round in its object."""
    return verb.lemma in ("lead", "co-lead") and any(t.lemma_.lower() in _FUNDING for o in verb.objects
                                                     for t in o.subtree)


def _leads_funding(verb: _Verb) -> None:
    """"X led Y's (Series A) funding round", "X led the round for Y"; "X led the funding" after a sentence about
    the company that raised it: X invests in Y."""
    ctx, objects = verb.ctx, verb.objects
    raised = verb.parsed.mentions([c for o in objects for c in o.children if c.dep_ == "poss"] +
                                  _preposition_objects(objects, {"of", "for", "in", "into"}), {"Company"})
    companies = [m.key for m in raised] or [ctx.finder.current_company]
    for investor in verb.organisations():
        for company in companies:
            if company and investor.key != company:
                ctx.add(investor.key, "investsIn", company, 0.65, "parse-led-funding")


def _gathers(verb: _Verb) -> None:
    """"officials gathered in Yibin to inaugurate the Conference", "met in Chengdu for the Expo": the event the
    gathering is for is where it takes place."""
    parsed, token = verb.parsed, verb.token
    places = parsed.mentions(_preposition_objects([token], {"in", "at", "to"}), PLACEISH)
    purposes = [c for c in token.children if c.dep_ in ("advcl", "xcomp") and
                any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    events = parsed.mentions([o for p in purposes for o in _objects(p)] +
                             _preposition_objects([token], {"for"}), EVENT)
    for event in events:
        for place in places[:1]:
            verb.ctx.add(event.key, "locatedIn", place.key, 0.7, "parse-gathered-for")


def _is_winning_rights(verb: _Verb) -> bool:
    """"won the rights / bid / auction / tender", "owns / holds / secured the rights"."""
    return verb.lemma == "win" and verb.has_object({"right", "bid", "auction", "tender"}) or \
        verb.lemma in _HOLD_RIGHTS and verb.has_object({"right"})


def _wins_rights(verb: _Verb) -> None:
    """"X won the exploration rights to the Y mine", "X now owns the prospecting rights for ... the Y mine", "won
    the auction for the exploration rights to the Y mine": X invests in the project Y."""
    parsed = verb.parsed
    rights = _preposition_objects(verb.objects + [verb.token], {"to", "of", "for"})
    won = parsed.mentions(rights + _preposition_objects(rights, {"to", "of"}), {"InvestmentProject"})
    for winner in verb.organisations():
        for project in won:
            verb.ctx.add(winner.key, "investsIn", project.key, 0.65, "parse-wins-rights")


def _is_sourcing(verb: _Verb) -> bool:
    """A verb of sourcing or buying whose object names no company (buying a company is :func:`_acquires`)."""
    return verb.lemma in _SOURCE and not verb.parsed.mentions(verb.objects, {"Company"})


def _sources(verb: _Verb) -> None:
    """"Y (already) sources / buys lithium from X": X supplies Y."""
    buyers = verb.organisations()
    described = [c for o in verb.objects for c in o.children if c.dep_ == "appos"]  # "lithium – an ingredient –"
    for supplier in verb.parsed.mentions(_preposition_objects(verb.holders + described, {"from"}), ORG):
        for buyer in buyers:
            verb.ctx.add(supplier.key, "suppliesTo", buyer.key, 0.65, "parse-sources-from")


def _funds(verb: _Verb) -> None:
    """"X will finance the project", "the project is funded by X and Y": X (and Y) invest in the project or
    company funded."""
    funders = [m for m in (verb.agents if verb.passive else verb.subjects) if m.kind in ORG]
    for thing in verb.parsed.mentions(verb.subject_tokens if verb.passive else verb.objects,
                                      {"InvestmentProject", "Company"}):
        for funder in funders:
            verb.ctx.add(funder.key, "investsIn", thing.key, 0.65, "parse-funds")


def _is_acquiring(verb: _Verb) -> bool:
    """"acquire" / "buy" / "purchase", "take over", or "complete / announce / close" a takeover."""
    return verb.lemma in _ACQUIRE or \
        verb.lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.token.children) or \
        verb.lemma in ("complete", "announce", "finalise", "finalize", "close") and verb.has_object(_TAKEOVER)


def _acquires(verb: _Verb) -> None:
    """"X acquired Y", "X took over Y", "X completed its acquisition of Y": Y is X's subsidiary."""
    parsed = verb.parsed
    buyers = [m for m in verb.subjects if m.kind == "Company"]
    takeovers = [o for o in verb.objects if o.lemma_.lower() in _TAKEOVER]
    bought = parsed.mentions(verb.objects, {"Company"}) + \
        parsed.mentions(_preposition_objects(takeovers, {"of"}), {"Company"})
    for buyer in buyers:
        for company in bought:
            verb.ctx.add(company.key, "subsidiaryOf", buyer.key, 0.55, "parse-acquires")


def _partners(verb: _Verb) -> None:
    """"X will partner / cooperate with Y", "X and Y teamed up": they are partners; "X will partner with Y and Z
    to jointly invest": Y and Z too."""
    ctx = verb.ctx
    actors = verb.organisations()
    partners = verb.parsed.mentions(_preposition_objects([verb.token, *verb.objects], {"with"}), ORG)
    pairs = [(a, b) for a in actors for b in partners] or \
            [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]
    for a, b in pairs:
        ctx.add(a.key, "partnerOf", b.key, 0.7, "parse-partners")
    if actors:  # "X will partner with Y and Z to jointly invest": the three are partners
        for i, a in enumerate(partners):
            for b in partners[i + 1:]:
                ctx.add(a.key, "partnerOf", b.key, 0.6, "parse-partners-together")


class _VerbFamily(NamedTuple):
    """A family of verbs: its name, which verbs it reads and what it adds for one of them."""

    name: str
    reads: Callable[[_Verb], bool]
    read: Callable[[_Verb], None]


def _lemma_in(words: set[str]) -> Callable[[_Verb], bool]:
    """Reads a verb whose lemma is one of ``words``."""
    return lambda verb: verb.lemma in words


#: The verb families, in the order a verb is offered to them: the first that reads it is the only one. The order
#: matters where a lemma is in two families: "buy" bought from someone is sourcing, a company bought is acquired;
#: "own" / "acquire" / "secure" rights are won rights; "land" is locating before it is winning an order.
VERB_FAMILIES: tuple[_VerbFamily, ...] = (
    _VerbFamily("sign", _is_signing, _signs),
    _VerbFamily("invest", _lemma_in(_INVEST), _invests),
    _VerbFamily("build", _is_building, _builds),
    _VerbFamily("locate", _lemma_in(_LOCATE), _locates),
    _VerbFamily("host or organise", _lemma_in(_HOST | _ORGANISE), _hosts_or_organises),
    _VerbFamily("attend", _lemma_in(_ATTEND), _attends),
    _VerbFamily("supply", _lemma_in(_SUPPLY), _supplies),
    _VerbFamily("order", _is_ordering, _orders),
    _VerbFamily("include", _lemma_in(_INCLUDE), _includes),
    _VerbFamily("lead funding", _is_leading_funding, _leads_funding),
    _VerbFamily("gather", _lemma_in(_GATHER), _gathers),
    _VerbFamily("win rights", _is_winning_rights, _wins_rights),
    _VerbFamily("source", _is_sourcing, _sources),
    _VerbFamily("fund", _lemma_in(_FUND), _funds),
    _VerbFamily("acquire", _is_acquiring, _acquires),
    _VerbFamily("partner", _lemma_in(_PARTNER), _partners),
)


def verb_relations(ctx: SentenceContext) -> None:
    """Sign, invest, build, locate, host, organise, attend, supply, order, include, lead funding, gather, win
    rights, source, fund, acquire and partner, read from each verb's subjects and objects: each verb goes to the
    first of :data:`VERB_FAMILIES` that reads it.

    >>> [family.name for family in VERB_FAMILIES][:4]
    ['sign', 'invest', 'build', 'locate']
    """
    parsed = _parsed(ctx)
    for token in parsed.span:
        if token.pos_ not in ("VERB", "AUX") and token.dep_ not in ("ROOT", "xcomp", "advcl", "conj", "relcl"):
            continue
        verb = _Verb.read(parsed, token)
        for family in VERB_FAMILIES:
            if family.reads(verb):
                family.read(verb)
                break


_SEATS = {"facility", "plant", "factory", "base", "headquarters", "headquarter", "site", "operation", "campus",
          "branch", "office", "subsidiary"}


def in_place(ctx: SentenceContext) -> None:
    """"its LFP cathode project in Yibin", "Changan Automobile's facility in the Liangjiang New Area", "has its
    headquarters in Luoyang": a project, park or event is where the phrase that names it puts it; a company is
    where its facility or headquarters is."""
    parsed = _parsed(ctx)
    for token in parsed.span:
        subject = parsed.by_token.get(token.i)
        if subject is not None and (token.i != _root_of(parsed, subject).i or
                                    subject.kind not in {"InvestmentProject", "IndustrialPark", "Facility"} | EVENT):
            subject = None
        if subject is None and token.lemma_.lower() in _SEATS:
            owners = [c for c in token.children if c.dep_ == "poss"]
            if all(o.lower_ in ("its", "their") for o in owners) and token.dep_ == "dobj" and \
                    token.head.lemma_ == "have":  # "X has its headquarters in"
                found = [m for m in _resolved_subjects(parsed, token.head) if m.kind in ORG]  # "the company has"
            else:  # "X's plant in Z", "a production facility of X in Z"
                found = parsed.mentions(owners + _preposition_objects([token], {"of"}), ORG)
            subject = found[0] if found else None
        if subject is None:
            continue
        objects = _preposition_objects([token], {"in", "at"})
        if token.tag_ == "NNS" and any(o.conjuncts for o in objects):
            continue  # "three production sites in Changzhou, Luoyang and Xiamen": none of them is the company's seat
        places = parsed.mentions(objects, PLACEISH)
        for place in places[:1]:
            if place.key != subject.key:
                ctx.add(subject.key, "locatedIn", place.key, 0.65, "parse-in-place")


_PLACE_WORDS = {"district", "county", "town", "township", "city", "village", "prefecture"}


def place_in_place(ctx: SentenceContext) -> None:
    """"Jianzhou New Town district in eastern Chengdu", "Rongxian County in Zigong": a district, county or town is
    in the place the phrase that names it puts it (where the gazetteer does not say otherwise)."""
    parsed = _parsed(ctx)
    for token in parsed.span:
        found = parsed.by_token.get(token.i)
        if found is not None and token.i != _root_of(parsed, found).i:
            found = None
        if found is None and token.lemma_.lower() in _PLACE_WORDS:  # "Jianzhou New Town district"
            found = next((parsed.by_token[c.i] for c in token.children if c.dep_ == "compound" and
                          c.i in parsed.by_token), None)
        if found is None or found.kind != "Place" or found.cls in ("Country", "Province"):
            continue
        chain = ctx.finder.ancestors(found.key)
        for place in parsed.mentions(_preposition_objects([token], {"in"}), {"Place"})[:1]:
            if place.key != found.key and (place.key in chain or not chain):
                ctx.add(found.key, "locatedIn", place.key, 0.65, "parse-place-in-place")


def possessive_investor(ctx: SentenceContext) -> None:
    """"X's anode project", "the project of X": X invests in the project."""
    parsed = _parsed(ctx)
    for token in parsed.span:
        project = parsed.by_token.get(token.i)
        if project is None or project.kind != "InvestmentProject" or token.i != _root_of(parsed, project).i:
            continue
        owners = [c for c in token.children if c.dep_ == "poss"]
        if any(o.lower_ in ("its", "their") for o in owners):  # "X signed an agreement for its project"
            verb = token
            while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
                verb = verb.head
            owners = _subjects(verb) if verb.pos_ in ("VERB", "AUX") else []
        owners += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"]
        for owner in parsed.mentions(owners, ORG):
            if owner.kind == "Company":
                ctx.add(owner.key, "investsIn", project.key, 0.65, "parse-possessive-project")


def supplier_of(ctx: SentenceContext) -> None:
    """"X is the main supplier to / of Y", "X, Y's main lithium supplier", "Y's battery supplier X", "X was
    selected as a supplier for Y", "X's position as a key supplier to Y": X supplies Y."""
    parsed = _parsed(ctx)
    for token in parsed.span:
        if token.lemma_.lower() not in ("supplier", "vendor"):
            continue
        customers = parsed.mentions([c for c in token.children if c.dep_ == "poss"] +
                                    _preposition_objects([token], {"to", "of", "for"}), ORG)
        if not customers:
            continue
        if token.dep_ == "appos":  # "X, Y's supplier"
            suppliers = parsed.mentions([token.head], ORG)
        elif token.dep_ == "attr" and token.head.lemma_ in ("be", "become", "remain"):
            suppliers = [m for m in _resolved_subjects(parsed, token.head) if m.kind in ORG]
        elif token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.pos_ in ("NOUN", "PROPN"):
            # "Yibin Tianyi's position as a key lithium chemical supplier to Y": the noun's owner (the name right
            # before it with "'s", where the parser took no possessive)
            noun = token.head.head
            suppliers = parsed.mentions([c for c in noun.children if c.dep_ == "poss"], ORG) or \
                [m for m in ctx.mentions if m.kind in ORG and m.end <= noun.idx and
                 re.fullmatch(r"['\u2019]s ", noun.doc.text[m.end:noun.idx])]
        elif token.dep_ == "pobj" and token.head.lower_ == "as":  # "selected / chosen as a supplier for Y"
            suppliers = [m for m in _resolved_subjects(parsed, token.head.head) if m.kind in ORG]
        else:  # "Y's battery supplier X": the name right after the word
            following = parsed.by_token.get(token.i + 1)
            suppliers = [following] if following is not None and following.kind in ORG and \
                following.start == token.doc[token.i + 1].idx else []
        for supplier in suppliers:
            for customer in customers:
                ctx.add(supplier.key, "suppliesTo", customer.key, 0.65, "parse-supplier-of")


_INVESTOR_WORDS = {"investor", "shareholder", "backer"}


def investor_in(ctx: SentenceContext) -> None:
    """"X is an (early) investor / a shareholder in Y", "X, a backer of Y", "X's investment in Y": X invests in
    Y (a company or a project); "It was an investor in Y" after a sentence about X is X's (through
    :func:`_resolved_subjects`)."""
    parsed = _parsed(ctx)
    for token in parsed.span:
        lemma = token.lemma_.lower()
        if lemma in _INVESTOR_WORDS:
            targets = parsed.mentions(_preposition_objects([token], {"in", "of"}), {"Company", "InvestmentProject"})
            if token.dep_ == "attr" and token.head.lemma_ == "be":
                holders = [m for m in _resolved_subjects(parsed, token.head) if m.kind in ORG]
            elif token.dep_ == "appos":
                holders = parsed.mentions([token.head], ORG)
            else:
                continue
        elif lemma == "investment":  # "X's investment in Y"
            targets = parsed.mentions(_preposition_objects([token], {"in", "into"}), {"Company", "InvestmentProject"})
            holders = parsed.mentions([c for c in token.children if c.dep_ == "poss"], ORG)
        else:
            continue
        for holder in holders:
            for target in targets:
                ctx.add(holder.key, "investsIn", target.key, 0.65, "parse-investor-in")


def its_shareholder(ctx: SentenceContext) -> None:
    """"…, its shareholder Fulin Precision announced": the shareholder invests in the company "its" stands for,
    the last one named before it in the sentence (or, with none, the company the story is about); "its parent
    X": that company is X's subsidiary."""
    parsed = _parsed(ctx)
    for token in parsed.span:
        lemma = token.lemma_.lower()
        if lemma not in ("shareholder", "parent") or not any(c.dep_ == "poss" and c.lower_ == "its"
                                                              for c in token.children):
            continue
        named = [c for c in token.children if c.dep_ == "appos"] + ([token.head] if token.dep_ == "compound" else [])
        holders = parsed.mentions(named, ORG)
        before = [m for m in ctx.mentions if m.kind == "Company" and m.end <= token.idx]
        its = before[-1].key if before else ctx.finder.current_company
        for holder in holders:
            if its is None or holder.key == its:
                continue
            if lemma == "shareholder":
                ctx.add(holder.key, "investsIn", its, 0.65, "parse-its-shareholder")
            else:
                ctx.add(its, "subsidiaryOf", holder.key, 0.65, "parse-its-parent")


def appositive_subsidiary(ctx: SentenceContext) -> None:
    """"Z, a (wholly-owned) subsidiary of X": Z is X's subsidiary; "Z, its group arm" after a sentence about X
    (the company the story is about): Z is X's."""
    parsed = _parsed(ctx)
    for token in parsed.span:
        if token.dep_ != "appos" or token.lemma_.lower() not in ("subsidiary", "unit", "affiliate", "division", "arm"):
            continue
        child = parsed.mention(token.head)
        if child is None or child.kind not in ORG:
            continue
        for parent in parsed.mentions(_preposition_objects([token], {"of"}), ORG):
            ctx.add(child.key, "subsidiaryOf", parent.key, 0.75, "parse-appositive-subsidiary")
        company = ctx.finder.current_company
        if company and any(c.dep_ == "poss" and c.lower_ == "its" for c in token.children) and \
                not _preposition_objects([token], {"of"}):
            ctx.add(child.key, "subsidiaryOf", company, 0.65, "parse-its-subsidiary")


_PARENT_WORDS = {"subsidiary", "unit", "affiliate", "division", "arm", "company", "firm", "enterprise", "brand",
                 "business"}


def owned_by(ctx: SentenceContext) -> None:
    """"Y is (wholly) owned / controlled by X", "Y, which is owned by X", "Y, majority-owned by X", "it is ...
    instead being owned by X"; "Y, which is under X", "Y, a unit under X": Y is X's subsidiary."""
    parsed = _parsed(ctx)
    for token in parsed.span:
        if token.lemma_.lower() in _OWN and token.tag_ == "VBN":
            if token.dep_ == "acl":  # "Y, owned by X"
                owned = parsed.mentions([token.head], {"Company"})
            elif any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or token.dep_ in _CLAUSE_DEPS:
                owned = [m for m in _resolved_subjects(parsed, token) if m.kind == "Company"]
            else:
                continue
            parents = parsed.mentions(_preposition_objects([token], {"by"}), ORG)
        elif token.dep_ == "prep" and token.lower_ == "under" and (
                token.head.lemma_ == "be" and token.head.dep_ == "relcl" or
                token.head.dep_ == "appos" and token.head.lemma_.lower() in _PARENT_WORDS):
            owned = parsed.mentions([token.head.head], {"Company"})  # "Y, which is under X", "Y, a unit under X"
            objects = [c for c in token.children if c.dep_ == "pobj"]
            # "under the South Korean conglomerate LG": the name beside the description
            parents = parsed.mentions(objects + [c for o in objects for c in o.children if c.dep_ == "appos"], ORG)
        else:
            continue
        for child in owned:
            for parent in parents[:1]:
                ctx.add(child.key, "subsidiaryOf", parent.key, 0.7, "parse-owned-by")


def _root_of(parsed: _Parsed, mention: SentenceMention):
    root = parsed.roots.get(mention)
    if root is None:
        root = parsed.roots[mention] = parsed.span.doc.char_span(mention.start, mention.end,
                                                                 alignment_mode="expand").root
    return root


#: the lookups of the sentence the parse rules read last: each rule of a sentence reads the same ones
_last_parsed: tuple[SentenceContext | None, _Parsed | None] = (None, None)


def _parsed(ctx: SentenceContext) -> _Parsed:
    """The token ↔ mention lookups of ``ctx``'s sentence, worked out once for all the parse rules."""
    global _last_parsed
    last = _last_parsed
    if last[0] is ctx:
        return last[1]
    parsed = _Parsed(ctx)
    _last_parsed = (ctx, parsed)
    return parsed


#: The parse rules, in the order they run after the surface rules.
PARSE_RULES: list[Callable[[SentenceContext], None]] = [verb_relations, in_place, place_in_place,
                                                        possessive_investor, appositive_subsidiary, owned_by,
                                                        investor_in, its_shareholder, supplier_of]
