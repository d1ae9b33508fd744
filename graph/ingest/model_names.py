"""Names the statistical English pipeline finds: the model's entities, and noun phrases that name projects,
parks and governments by what they are ("the 50,000-ton precursor integration project", "the government of
Shuangliu district", "Zigong municipal government").

They fill the gaps the known names and the name patterns of :mod:`graph.ingest.recogniser` leave: a mention
here never overlaps one found there. Each gets the extractor's kind from its words (a name ending in
"Government" is a government body whatever label the model gave it).

>>> from graph.ingest.english import english_pipeline
>>> pipeline = english_pipeline()
>>> if pipeline.statistical:
...     doc = pipeline.nlp("Qingyuan Xinlian will build the 50,000-ton precursor integration project.")
...     found = [(m.text, m.kind) for m in noun_phrase_names(doc)]
... else:
...     found = [("50,000-ton precursor integration project", "InvestmentProject")]
>>> found
[('50,000-ton precursor integration project', 'InvestmentProject')]
"""

from __future__ import annotations

import re

from .recogniser import TITLES, Mention, abbreviates, describes_a_project
from .resolve import Knowledge

__all__ = ["model_names", "noun_phrase_names", "kind_of_name", "MEDIA_NAMES", "is_media"]

#: Publishers and wires: named in datelines and credits, never parties to the story.
MEDIA_NAMES = {
    "xinhua", "xinhua news agency", "globe newswire", "globenewswire", "pr newswire", "prnewswire", "business wire",
    "reuters", "bloomberg", "cgtn", "china daily", "global times", "ecns", "cnevpost", "gasgoo", "menafn", "nasdaq",
    "energy-storage.news", "pv magazine", "electrive", "seetao", "people's daily", "cctv", "chinanews", "caixin",
    "yicai", "21st century business herald", "the paper", "sina", "sohu", "tencent news", "ifeng", "jiemian",
    "sichuan daily", "chongqing daily", "ichongqing", "accesswire", "newswire", "cleantechnica", "google news",
    "xinhua net", "xinhuanet", "equalocean", "energytrend", "mysteel", "smm", "yicai global", "pandaily", "enr",
    "fastmarkets", "reuters staff", "cnesa", "seaisi", "the star", "scmp", "south china morning post",
}
# What a publisher's name ends in: "Jiemian News", "Sichuan Daily", "Financial Associated Press" ("Times" is also a
# company's word: Sichuan Times New Energy)
_MEDIA_WORDS = re.compile(r"\b(?:News|News Agency|Newswire|Daily|Weekly|Herald|Journal|Magazine|Gazette|Post|Press|"
                          r"Television|TV|Radio|Broadcasting(?: Group)?)$")


def is_media(name: str) -> bool:
    """Whether a name is a publisher's: a known wire or paper, or a name ending as a publisher's does.

    >>> is_media("Jiemian News"), is_media("Xinhua"), is_media("Jiemian"), is_media("Sichuan Times")
    (True, True, True, False)
    """
    return name.lower() in MEDIA_NAMES or bool(_MEDIA_WORDS.search(name))


_GOVERNMENT = re.compile(r"\b(?:government|committee|commission|bureau|department|administration|ministry|"
                         r"council|office|authority|consulate|embassy)\b", re.IGNORECASE)
_ORGANISATION = re.compile(r"\b(?:university|academy|institute|association|alliance|federation|society|"
                           r"laboratory|chamber of commerce|college|school|foundation)\b", re.IGNORECASE)
_PARK = re.compile(r"\b(?:zone|industrial park|science park|technology park|new area|new district|"
                   r"industrial base|industrial cluster|economic development area)\b", re.IGNORECASE)
_MINE = re.compile(r"\b(?:mine|mines|mining area|project)$", re.IGNORECASE)
_EVENT = re.compile(r"\b(?:conference|expo|exposition|exhibition|forum|summit|congress|symposium|convention)\b",
                    re.IGNORECASE)
_INDUSTRY = re.compile(r"battery|batteries|storage|sodium|lithium|energy|industr|manufactur|material|cell|"
                       r"solar|photovoltaic|pv|hydrogen|vehicle|charging|gwh|power|electrode|recycling|"
                       r"cathode|anode|separator|electrolyte|precursor|copper foil|foil|graphite|phosphate|"
                       r"ternary|module|pack|carbonate|hydroxide|mine|mining|smelting|refin|tonne|\btons?\b",
                       re.IGNORECASE)
_LEADING = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her", "both",
            "each", "such", "said", "new", "all", "every", "some", "many", "several", "other", "whose"}
_BUILT = {"build", "construct", "establish", "set", "launch", "develop", "plan", "invest", "start", "begin"}
# nouns that end a name of their own: one before a project's head starts another name
_OTHER_HEADS = {"institute", "center", "centre", "laboratory", "university", "academy", "headquarters"}
_STREET = re.compile(r"\b(?:Road|Street|Avenue|Lane|Boulevard|Highway|Expressway)$")
_GOVERNMENT_WORDS = {"municipal", "provincial", "district", "county", "city", "prefectural", "local", "people",
                     "'s", "\u2019s", "autonomous", "township", "town"}
_NOT_PERSON = re.compile(r"\b(?:Province|City|County|District|Municipality|Group|Company|Government|China|Chinese|"
                         r"Region|Area|Zone|Park|Conference|Forum|Energy|Battery|Technology|Power|New|Lithium)\b")


def kind_of_name(name: str, model_label: str) -> str | None:
    """The extractor's kind of a name, from its words first, then the model's label; ``None`` for a name the
    extractor does not take.

    >>> kind_of_name("Zigong Municipal Government", "ORG"), kind_of_name("Yibin Sanjiang New Area", "GPE")
    ('GovernmentBody', 'IndustrialPark')
    >>> kind_of_name("Tianqi Lithium", "ORG"), kind_of_name("Zeng Yuqun", "PERSON")
    ('Company', 'Person')
    >>> kind_of_name("Lijiagou Spodumene Mine", "ORG"), kind_of_name("Manono Project", "ORG")
    ('InvestmentProject', 'InvestmentProject')
    """
    if _EVENT.search(name) and model_label in ("ORG", "EVENT", "FAC", "WORK_OF_ART", "LAW"):
        return "Conference"
    if _PARK.search(name):
        return "IndustrialPark"
    if _MINE.search(name) and model_label in ("ORG", "FAC", "GPE", "LOC"):
        # "Lijiagou Spodumene Mine", "Manono Project": a mine is a project, as the gold has it
        return "InvestmentProject"
    if model_label in ("ORG", "FAC", "GPE", "NORP") and _GOVERNMENT.search(name):
        return "GovernmentBody"
    if model_label == "ORG" and _ORGANISATION.search(name):
        return "Organization"
    if model_label == "ORG":
        return "Company"
    if model_label == "PERSON":
        return "Person"
    if model_label in ("GPE", "LOC"):
        return "Place"
    return None


def _trim(span):
    """A span without its leading article or possessive and trailing punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _LEADING or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in (")", ".") or
                           doc[end - 1].is_space or doc[end - 1].tag_ == "POS"):
        end -= 1
    # "Contemporary Amperex Technology (CATL": a bracket the span opens but does not close is no part of the name
    opened = [i for i in range(start, end) if doc[i].text == "("]
    if opened and not any(doc[i].text == ")" for i in range(opened[-1], end)):
        end = opened[-1]
    return doc[start:end]


def _dictionary(doc) -> frozenset[str]:
    """The English words the model's lemmatizer knows (WordNet's nouns, verbs, adjectives and adverbs)."""
    global _WORDS
    if _WORDS is None:
        try:
            index = doc.vocab.lookups.get_table("lemma_index") if doc.vocab.lookups.has_table("lemma_index") \
                else None
        except KeyError:
            index = None
        if index is None:
            from .english import english_pipeline

            lemmatizer = english_pipeline().nlp.get_pipe("lemmatizer")
            index = lemmatizer.lookups.get_table("lemma_index")
        _WORDS = frozenset(word for words in index.values() for word in words)
    return _WORDS


_WORDS: frozenset[str] | None = None


def _singular(word: str) -> str:
    """A plural's singular, as far as a capitalised word's lemma does not give it ("Batteries").

    >>> _singular("batteries"), _singular("materials"), _singular("glass")
    ('battery', 'material', 'glass')
    """
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _is_common_words(span, knowledge: Knowledge) -> bool:
    """Whether every word of a name is an English dictionary word (or its plural), a function word or a
    place ("Battery Management System", "Capital of Power Batteries"): such a phrase names no company."""
    words = _dictionary(span.doc)
    for token in span:
        if not token.is_alpha:
            continue
        if token.is_stop or token.lower_ in words or token.lemma_.lower() in words or _singular(token.lower_) in words:
            continue
        if knowledge.resolve(token.text, "Place") is None:
            return False
    return True


# the particles of European place names: "Frankfurt am Main", "Halle an der Saale", "Newcastle upon Tyne"
_PLACE_PARTICLE = re.compile(r" (?:am|an der|upon|sur|im) [A-Z][a-z]+\b")
_PARTICLES = {"am", "an", "der", "upon", "sur", "im", "of", "the"}
_GENERIC_PLACE_NOUNS = {"city", "area", "zone", "district", "town", "region", "park", "center", "centre", "port",
                        "new", "international", "national", "central", "capital"}


def _proper_place(span) -> bool:
    """Whether a place name the dictionary knows is still a proper name: a proper noun first, its words in title
    case, not an acronym or a code, not ending in a generic place noun. WordNet lists many real places ("fremont",
    "nevada"), so a dictionary word may well be a place; "International City", "AI" and "NCM523" are none.

    >>> from graph.ingest.english import english_pipeline
    >>> pipeline = english_pipeline()
    >>> if pipeline.statistical:
    ...     doc = pipeline.nlp("Its automotive factory is in Fremont, California, near International City.")
    ...     found = [(e.text, _proper_place(e)) for e in doc.ents if e.text in ("Fremont", "International City")]
    ... else:
    ...     found = [("Fremont", True), ("International City", False)]
    >>> found
    [('Fremont', True), ('International City', False)]
    """
    words = [t for t in span if not t.is_lower]  # "of", "am": the particles of a name
    return bool(words) and words[0].pos_ == "PROPN" and all(t.is_title and t.is_alpha for t in words) and \
        words[-1].lower_ not in _GENERIC_PLACE_NOUNS


_COMPANY_VERBS = {"invest", "build", "construct", "supply", "produce", "manufacture", "acquire", "establish",
                  "operate", "own", "develop"}


def _acts_as_company(ent) -> bool:
    """Whether a name the model took for a person's acts as a company in its sentence: it invests, builds,
    supplies or owns, or its clause speaks of "its" project ("X held a ceremony for its battery project"); a
    person with a title before the name does not.

    >>> from graph.ingest.english import english_pipeline
    >>> pipeline = english_pipeline()
    >>> if pipeline.statistical:
    ...     doc = pipeline.nlp("Qingyuan Xinlian held a groundbreaking ceremony for its battery project.")
    ...     [_acts_as_company(e) for e in doc.ents if e.label_ == "PERSON"] in ([True], [])
    ... else:
    ...     True
    True
    """
    root = ent.root
    doc = ent.doc
    if ent.start > 0 and re.fullmatch(TITLES, doc[ent.start - 1].text):
        return False
    if root.dep_ not in ("nsubj", "conj") or not ent.text[:1].isupper():
        return False
    verb = root.head if root.dep_ == "nsubj" else root.head.head
    if verb.lemma_.lower() in _COMPANY_VERBS:
        return True
    if verb.lemma_ == "be" and any(c.dep_ == "attr" and re.fullmatch(_COMPANY_NOUNS, c.lemma_.lower())
                                   for c in verb.children):
        return True  # "Zhongchuang Xinhang is the first wholly-owned subsidiary of CALB": what no person is
    if any(c.ent_type_ == "ORG" or c.lemma_.lower() in ("government", "committee", "company", "group")
           for c in root.conjuncts):
        return True  # "X and the government of Y district signed": a party beside an organisation
    return any(t.lower_ == "its" and t.dep_ == "poss" for t in verb.subtree)


# what a mine, a deposit or a plant is: a name before one of these names the site, unless it says it is a company
_SITE_NOUNS = {"mine", "deposit", "operation", "orefield", "field", "plant", "station", "reservoir", "dam", "tenement"}
_COMPANY_WORD = re.compile(r"\b(?:Lithium|Mining|Minerals?|Resources|Energy|Group|Co|Corp|Corporation|Ltd|Limited|"
                           r"Inc|Holdings?|Technology|Technologies|Materials?|Power|Industr\w*|Battery|Chemicals?|"
                           r"Metals?|Investment|Development)\b")


def _names_a_site(span, whole: str) -> bool:
    """Whether a name the model took for a company names the site its noun phrase goes on to: "the Gyabjeka
    lithium-beryllium deposit", "the Wodgina mine joint venture", "its Pilgangoora operation". A name with a
    company's word ("the Tianqi Lithium plant") or described as a company stays a company.

    >>> from graph.ingest.english import english_pipeline
    >>> pipeline = english_pipeline()
    >>> if pipeline.statistical:
    ...     doc = pipeline.nlp("Pilbara will supply spodumene from its Pilgangoora operation.")
    ...     found = [_names_a_site(e, doc.text) for e in doc.ents if e.text == "Pilgangoora"]
    ... else:
    ...     found = []
    >>> found in ([True], [])
    True
    """
    if span.root.dep_ not in ("compound", "nmod") or _COMPANY_WORD.search(span.text):
        return False
    # the words after it in its noun phrase (the parse hangs them all on the phrase's last noun: "the Wodgina
    # mine joint venture", "the Gyabjeka lithium-beryllium deposit area"), up to a site's noun
    for token in span.doc[span.end:span.end + 5]:
        if token.lemma_.lower() in _SITE_NOUNS and token.pos_ == "NOUN":
            return not _described(whole, span.start_char, span.end_char)
        if token.pos_ not in ("NOUN", "ADJ", "PUNCT") or token.is_punct and token.text != "-":
            return False
    return False


def model_names(doc, knowledge: Knowledge, headlines=None) -> list[Mention]:
    """The model's named entities that the extractor takes, with their kinds.

    A place is taken only where the gazetteer knows it (the model calls many things GPE); a person needs
    two capitalised words and no place among them; a company needs a word of its own (not only dictionary
    words and places); publishers and wires are left out; a name across a line break is not a name, and
    names in a title-case headline are left to the names the story's body establishes (``headlines``).
    """
    found = []
    whole = doc.text  # spaCy joins every token's text on each read of Doc.text: read once, not once a name
    for ent in doc.ents:
        span = _trim(ent)
        text = span.text
        if headlines is not None and headlines.overlaps(span.start_char, span.start_char + 1):
            continue
        owner = re.match(r"^(.+?)['\u2019]s\s", text)
        if owner and ent.label_ == "ORG":  # "Tesla's Gigafactory 1": the owner is the name
            text = owner.group(1)
            span = doc.char_span(span.start_char, span.start_char + len(text), alignment_mode="contract")
            if span is None:
                continue
        if len(text) < 2 or "\n" in text or not text[:1].isupper() or is_media(text) or ":" in text \
                or re.search(r"\b(?:and|of|or|the|for)$", text) or re.search(r",(?! ?(?:Ltd|Inc|Limited))", text):
            continue  # a fragment, a list, a ticker
        kind = kind_of_name(text, ent.label_)
        base = _PLACE_BASE.fullmatch(text)
        if base and knowledge.resolve(base.group(1), "Place") is not None:
            # "Yibin Base", "Shehong Base": a company's base its place names is a project, whatever the model took
            # the name for (a person, an organisation)
            found.append(Mention(span.start_char, span.end_char, text, "InvestmentProject", None, "model"))
            continue
        if kind is None or _LANDFORM.search(text) and kind != "Place":
            continue  # "Songpan-Garze Orogenic Belt": a landform, no organisation
        if kind == "GovernmentBody" and all(w.lower() in _BODY_WORDS for w in text.split()):
            continue  # "Standing Committee" of no one
        if kind == "Company" and (_MODEL_CODE.search(text) or _MODEL_CODE_AFTER.match(whole, span.end_char)):
            continue  # a car: "Geely Geometry C", "Deepal SL03"
        site = _SITE_OF.fullmatch(text) if kind == "Company" else None
        if site:  # "Shehong Base of Tianqi Lithium": the base is the company's project
            found.append(Mention(span.start_char, span.start_char + site.end(1), site.group(1), "InvestmentProject",
                                 None, "model"))
            start = span.start_char + site.start(2)
            found.append(Mention(start, span.end_char, site.group(2), "Company", None, "model"))
            continue
        if kind == "Person" and (_acts_as_company(ent) or _described(whole, span.start_char, span.end_char)):
            kind = "Company"  # "Qingyuan Xinlian will invest ...", "Chinese lithium producer Sichuan Yahua"
        if kind == "Company" and any(t.tag_ in ("NNS", "VB", "VBD", "VBP", "VBZ") and t.text[:1].islower()
                                     for t in span):
            continue  # "Yahua supplements Galaxy": a verb between two names runs them together
        before = whole[max(0, span.start_char - 80):span.start_char]
        if text.isupper() and before.endswith("(") and re.search(r"[a-z][\w-]* \($", before) and \
                abbreviates(text, before[:-1]):
            continue  # "value-adjusted cash costs (VACC)": the short form of common words
        particle = _PLACE_PARTICLE.match(whole, span.end_char) if kind == "Place" else None
        if particle:  # "Frankfurt am Main": the model stops at the particle
            span = doc.char_span(span.start_char, particle.end(), alignment_mode="contract") or span
            text = span.text
        if kind == "Place" and " of " in text and all(knowledge.resolve(part, "Place")
                                                      for part in text.split(" of ", 1)):
            continue  # "Wuhan City of Hubei Province": two places, each found under its own name
        known_place = knowledge.resolve(text, "Place") is not None
        if kind == "Place" and not known_place and re.match(
                r"(?: and [A-Z]\w+)? autonomous\b", whole[span.end_char:span.end_char + 40], re.IGNORECASE):
            continue  # "a Tibetan and Qiang autonomous prefecture": peoples the prefecture is named for, no places
        # "Vancouver-based Sigma": what is based somewhere is a company, whatever the model took it for
        based = _BASED_BEFORE.search(before) is not None and not known_place
        if based and kind in ("Place", "Person"):
            kind = "Company"
        if kind == "Place":  # a place the gazetteer does not know: a GPE of a name of its own (Nevada, Fremont)
            if not known_place and (
                    ent.label_ != "GPE" or not all(w[:1].isupper() for w in text.split() if w not in _PARTICLES)
                    or _is_common_words(span, knowledge) and not _proper_place(span)):
                continue
        elif known_place:
            continue  # "Sichuan" labelled ORG is still the province
        if kind == "Person":  # "Academician Zhou Lan": the title is not the name
            title = re.match(rf"{TITLES}\s+", text)
            if title:
                span = doc.char_span(span.start_char + title.end(), span.end_char, alignment_mode="contract")
                if span is None:
                    continue
                text = span.text
        if kind == "Person" and (not 2 <= len(text.split()) <= 4 or _NOT_PERSON.search(text) or
                                 not all(w[:1].isupper() for w in text.split()) or
                                 any(knowledge.resolve(w, "Place") for w in text.split()) or
                                 re.search(r"[\d/&]|\bNo\b|-Tech\b", text)):
            continue
        if kind == "Company":
            listed = _LISTED.match(text)
            if listed:  # "Shanghai-listed Putailai New Energy": the exchange is no part of the name
                span = doc.char_span(span.start_char + listed.end(), span.end_char, alignment_mode="contract")
                if span is None:
                    continue
                text = span.text
        if kind == "Company" and (text.isupper() and len(text) > 12 or "/" in text or
                                  len(text) < 3 and not _described(whole, span.start_char, span.end_char) or
                                  re.search(r"\d", text) or _STREET.search(text) or
                                  text.split()[0].lower() in ("local", "photo", "source", "editor") or
                                  _is_common_words(span, knowledge) and not based or
                                  _bare_acronym(text, whole, span.start_char, span.end_char)):
            continue  # a shouted headline, a fragment, a byline, a street, a phrase of common words, a credit
        if kind == "Company" and _names_a_site(span, whole):
            continue  # "the Gyabjeka lithium-beryllium deposit", "its Pilgangoora operation": a site, no company
        if kind == "Company" and _TWO_NAMES.fullmatch(text):
            # "AVZ Minerals and Dathcom Mining": two companies the model took for one
            first, second = _TWO_NAMES.fullmatch(text).group(1, 2)
            found.append(Mention(span.start_char, span.start_char + len(first), first, kind, None, "model"))
            start = span.end_char - len(second)
            found.append(Mention(start, span.end_char, second, kind, None, "model"))
            continue
        found.append(Mention(span.start_char, span.end_char, text, kind, None, "model"))
    return found


_LANDFORM = re.compile(r"\b(?:Belt|Plateau|Basin|Mountains?|Range|River|Valley|Lake|Desert|Fault|Gorge)$")
_BODY_WORDS = {"standing", "party", "committee", "municipal", "provincial", "county", "district", "city", "people's",
               "congress", "government", "office", "general", "the", "cpc", "member", "members"}
# a car's model after its brand: "Geometry C", "SL03", "EV450", "Model 3"
_MODEL_CODE = re.compile(r" (?:[A-Z]|[A-Z]{0,4}\d+[A-Za-z]*)$")
_MODEL_CODE_AFTER = re.compile(r" (?:[A-Z]{1,4}\d+[A-Za-z]*|\d{1,3})\b(?![.,]\d| ?(?:GWh|MWh|GW|MW|%|tonnes|tons))")
_SITE_OF = re.compile(r"([A-Z][\w'-]* (?:Base|Plant|Factory|Mine)) of ((?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*)+)")
_PLACE_BASE = re.compile(r"([A-Z][\w'-]*(?: [A-Z][\w'-]*)?) Base")
_LISTED = re.compile(r"^[A-Z][\w-]*-(?:listed|based|headquartered) ")
_BASED_BEFORE = re.compile(r"\b[A-Z][\w'\u2019-]*-(?:based|headquartered) $")
_TWO_NAMES = re.compile(r"([A-Z][\w'-]*(?: [A-Z][\w'-]*)+) and ([A-Z][\w'-]*(?: [A-Z][\w'-]*)+)")
_COMPANY_NOUNS = r"(?:company|firm|group|maker|manufacturer|producer|miner|developer|supplier|startup|carmaker|" \
                 r"automaker|brand|corporation|investor|conglomerate|giant|subsidiary|spinoff|affiliate)"


def _bare_acronym(text: str, whole: str, start: int, end: int) -> bool:
    """Whether a short all-capitals name nothing describes as a company: a photo credit ("CFP"), a wire
    ("NNA"), a term ("ESG", "NCA"). "AVZ, an Australian listed mining company" and "mining company AVZ" stay.

    >>> _bare_acronym("CFP", "Photo: CFP", 7, 10), _bare_acronym("AVZ", "AVZ, a mining company", 0, 3)
    (True, False)
    """
    if not (text.isupper() and text.isalpha() and len(text) <= 4):
        return False
    return not _described(whole, start, end)


def _described(whole: str, start: int, end: int) -> bool:
    """Whether the words around a name say it is a company: "AVZ, an Australian listed mining company", "the
    South Korean conglomerate LG", "AVZ Ltd"."""
    after, before = whole[end:end + 60], whole[max(0, start - 40):start]
    return bool(re.match(rf",? (?:an? |the )(?:[\w-]+ ){{0,4}}?{_COMPANY_NOUNS}\b", after) or
                re.search(rf"\b{_COMPANY_NOUNS} $", before) or
                re.match(r" (?:Co|Corp|Inc|Ltd|Group|Limited|Holdings)\b", after))


def _phrase(head):
    """The words of the noun phrase a head noun ends: its compounds, modifiers and numbers to the left,
    coordinated modifiers included ("cathode and energy storage system production base")."""
    doc = head.doc
    left = head.left_edge.i
    if left >= 1 and doc[left - 1].lower_ == "phase" and re.fullmatch(r"one|two|three|four|I{1,3}|IV|\d",
                                                                      doc[left].text):
        left -= 1  # "a phase one lithium chemical plant": the parse takes "phase" for a noun of its own
    if left >= 3 and doc[left - 2].lower_ == "per" and doc[left - 1].lower_ in ("year", "annum") and any(
            c.dep_ == "nummod" for c in doc[left - 3].children):
        # "a new 20,000 tonnes per year lithium hydroxide plant": the parse makes the capacity a phrase of its own
        left = doc[left - 3].left_edge.i
    owners = [c for c in head.children if c.dep_ == "poss"]
    if owners:  # "Dingsheng Lithium's 15,000-tonne project": the owner is a name of its own
        left = owners[-1].right_edge.i + 1
    if head.dep_ == "compound":  # "the Anju project completion ceremony": "Anju" is the project's, not the ceremony's
        while left > 0 and doc[left - 1].dep_ in ("compound", "nummod") and doc[left - 1].head.i == head.head.i and \
                doc[left - 1].pos_ in ("PROPN", "NUM"):
            left -= 1
    # "On November 10, 2025, the sulfide solid-state battery project": the parse may hang a clause's opening words
    # on the phrase; a name starts after the last comma or "the" before its head ("a" may be a unit's: 60,000 t/a)
    start = next((t.i + 1 for t in reversed(doc[left:head.i]) if t.text in (",", ";", ":", "--") or
                  t.dep_ == "det" and t.lower_ == "the"), left)
    # "a new power battery production base" is named so; in "a new 20,000 tonnes per year lithium hydroxide plant" the
    # capacity names the plant and "new" only describes it
    while start < head.i and (doc[start].dep_ in ("det", "poss", "predet", "case") or doc[start].is_punct or
                              doc[start].lower_ in _LEADING and (doc[start].lower_ != "new" or
                                                                 doc[start + 1].like_num)):
        start += 1
    return doc[start:head.i + 1]


_CAPACITY_AFTER = re.compile(r" with an? (?:annual |yearly )?(?:production |output |designed )?capacity of "
                             r"[\d,.]+ ?(?:million |thousand )?(?:tons|tonnes|t|GWh|MWh|GW|MW|units|sets)\b"
                             r"(?: per year| a year)?"
                             r"(?: of(?: [A-Za-z-]+){1,4}?(?= (?:in|at|for|and|with|by|on)\b|[,.;]| ?$))?")


def _capacity_after(span, whole: str):
    """The capacity that follows a project's head in the text ``whole`` (the doc's, read once), as the span up to
    its end, if one does: "a plant with an annual capacity of 350,000 tons of LFP cathode materials", "a joint
    venture plant with an annual capacity of 175,000 tons"."""
    tail = _CAPACITY_AFTER.match(whole, span.end_char)
    if tail is None or "\n" in tail.group(0):
        return None
    return span.doc.char_span(span.start_char, tail.end(), alignment_mode="contract")


def noun_phrase_names(doc) -> list[Mention]:
    """Projects, parks and governments named by a noun phrase: "the 20 GWh battery project", "X's anode
    material production base", "the government of Shuangliu district", "Zigong municipal government"."""
    found = []
    whole = doc.text  # joined from the tokens on each read: read once
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = token.lemma_.lower()
        if token.tag_ in ("NNS", "NNPS"):
            continue  # "26 energy storage projects" name no one project
        if lemma in ("project", "base", "plant", "site", "factory", "facility", "mine", "station"):
            span = _phrase(token)
            run_on = [t for t in span[:-3] if t.lower_ in _OTHER_HEADS]
            if run_on:  # "a research institute solid-state battery production base": two things run together
                span = doc[run_on[-1].i + 1:span.end]
            if lemma == "base" and doc[token.i - 1].lower_ not in ("production", "manufacturing", "industrial",
                                                                    "research") and not (
                    token.text[:1].isupper() and any(re.search(r"\d", t.text) for t in span)):
                continue  # "a 10GWh Solid-State Battery Base" is a project; an (army, customer) base is not
            with_capacity = _capacity_after(span, whole) if lemma in ("plant", "factory", "project", "base") else None
            specific = with_capacity is not None or any(t.like_num or t.pos_ == "PROPN" or re.search(r"\d", t.text)
                                                        for t in span[:-1])
            built = token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_ in _BUILT
            if lemma == "station" and doc[token.i - 1].lower_ not in ("power", "storage", "substation"):
                continue  # a power or storage station is a project; a bus station is not
            # a plant or factory a place or a name sets apart: "the Kemerton lithium hydroxide plant", "the Meishan
            # plant" (the owner's possessive is cut off before: "BYD's Chongqing plant")
            site_named = lemma in ("plant", "factory", "station") and any(
                t.pos_ == "PROPN" and t.is_title and (t.ent_type_ in ("GPE", "LOC") or lemma == "station")
                for t in span[:-1])  # a power station is named after its site, whatever the model took it for
            counted = with_capacity is not None or any(t.like_num or re.search(r"\d", t.text) for t in span)
            if lemma in ("plant", "site", "factory", "facility", "station") and not (built or site_named or counted):
                continue  # a plant is a project where its capacity, the verb building it, or its name says it is one
            if lemma == "mine" and not any(t.pos_ == "PROPN" for t in span[:-1]):
                continue
            if token.dep_ == "compound" and token.text[:1].isupper() and token.head.text[:1].isupper():
                continue  # "the 2025 Grid-Side New Energy Storage Project List": a title going on past the project
            # "the Anju project", "the Lijiagou project": a project named after its place needs no industry word
            named = lemma in ("project", "plant", "factory") and len(span) == 2 and span[0].pos_ == "PROPN" and \
                span[0].is_title and span[0].lower_ not in _dictionary(doc)
            span = with_capacity or span
            if len(span) < 2 or not (specific or len(span) >= 3) or "\n" in span.text or \
                    not (_INDUSTRY.search(span.text) or named) or describes_a_project(span.text) or any(
                        t.tag_ in ("JJS", "RBS") for t in span):
                continue  # "the most important power battery production base": the parse knows superlatives too
            found.append(Mention(span.start_char, span.end_char, span.text, "InvestmentProject", None,
                                 "noun-phrase-project"))
        elif lemma == "government":
            span = _phrase(token)
            if any(t.pos_ not in ("PROPN", "PART") and t.lower_ not in _GOVERNMENT_WORDS for t in span[:-1]):
                continue  # "heat and COVID-19 government" is no government body
            pobj = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
            if pobj:  # "the government of Shuangliu district"
                place = [c for c in pobj[0].children if c.dep_ == "pobj"]
                if place and place[0].left_edge.text[:1].isupper():  # "Shuangliu district" heads on "district"
                    # "of Pengshan District, Meishan City, Sichuan Province": the places after a comma locate it
                    end = next((t.i for t in doc[place[0].i:place[0].right_edge.i + 1] if t.is_punct),
                               place[0].right_edge.i + 1)
                    span = doc[span.start:end]
            if len(span) >= 2 and any(t.text[:1].isupper() for t in span) and "\n" not in span.text:
                found.append(Mention(span.start_char, span.end_char, span.text, "GovernmentBody", None,
                                     "noun-phrase-government"))
    return found
