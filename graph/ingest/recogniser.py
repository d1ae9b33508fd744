"""Entity recognisers: known names (spaCy PhraseMatcher over the registry and bundled lists) and patterns
for the shapes names take in the news (legal forms, government bodies, conferences, parks, people with
titles, ...).

>>> recognise = EntityRecogniser(Knowledge.load())
>>> [(m.text, m.kind) for m in recognise("Zhang San, Chairman of Foo Bar Energy Co., Ltd., visited Chengdu.")]
[('Zhang San', 'Person'), ('Foo Bar Energy Co., Ltd.', 'Company'), ('Chengdu', 'Place')]
>>> [(m.text, m.kind) for m in recognise("It is hosted by the People's Government of Yibin City.")]
[("People's Government of Yibin City", 'GovernmentBody')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .resolve import Knowledge, KnownEntity
from .spans import Spans

__all__ = ["Mention", "EntityRecogniser", "PATTERNS", "TITLES", "DESCRIBING_WORDS", "nlp", "headline_spans",
           "abbreviates", "describes_a_project"]

_NLP = None


def nlp():
    """The shared spaCy pipeline: a blank English tokenizer with a rule-based sentencizer (no model download)."""
    global _NLP
    if _NLP is None:
        import spacy  # imported on first use: spaCy takes a second to load

        _NLP = spacy.blank("en")
        _NLP.add_pipe("sentencizer")
        _NLP.max_length = 2_000_000
    return _NLP


@dataclass(frozen=True)
class Mention:
    """A name in the text: its offsets, its words, its kind and, when known, the entity it names."""

    start: int
    end: int
    text: str
    kind: str
    known: KnownEntity | None = None
    rule: str = "pattern"
    #: the fuller name of the article this one abbreviates ("Omega Cell" for "Omega Cell Energy Co., Ltd.")
    alias_of: str | None = None
    #: the start of the longer mention this one lies inside (the owner in a project's name: 融捷集团 in
    #: 融捷集团磷酸铁锂…项目); such a mention names an entity but takes no part in a sentence's rules
    inside: int | None = None


_CAP = r"(?:[A-Z][\w'\u2019&.-]*|\([A-Z][\w ]*\))"
_CONN = r"(?:,? (?:and |& |of |on |for |de )?| the |-)"  # ", the" opens an apposition, not a name's next word
_CAP_CHAIN = rf"(?:{_CAP}{_CONN})*?"
TITLES = (r"(?i:(?:(?:Vice|Deputy|Executive|Senior|Honorary|Founding|Acting|Former|Co-)[ -]?)*"
          r"(?:Chairman|Chairwoman|Chairperson|President|CEO|CFO|CTO|COO|Chief [A-Z][a-z]+ Officer|Co-founder|"
          r"Founder|General Manager|Managing Director|Director-General|Director General|Director|Secretary-General|"
          r"Party Secretary|Secretary|Governor|Mayor|Minister|Academician|Professor|Head|Manager|Chief Engineer|"
          r"Chief Scientist|Partner|Dean|Member|Representative|Ambassador|Consul General|Commissioner|"
          r"Chief Representative|Engineer|Researcher|Senior Researcher|Analyst|Economist|Spokesperson|Spokesman|"
          r"Spokeswoman|Official|Expert))")
_TITLE_CHAIN = rf"{TITLES}(?:(?:,| and| &) {TITLES})*"
_PERSON_NAME = r"(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)? ){1,2}(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|[A-Z]{2,})"
# the commonest Chinese surnames in pinyin: a name whose surname is written in capitals ("YANG Weiping", as many
# Chinese releases write it) starts with one
_PINYIN_SURNAMES = (
    "WANG|LI|ZHANG|LIU|CHEN|YANG|HUANG|ZHAO|WU|ZHOU|XU|SUN|MA|ZHU|HU|GUO|HE|LIN|GAO|LUO|ZHENG|LIANG|XIE|SONG|TANG|"
    "HAN|FENG|DENG|CAO|PENG|ZENG|XIAO|TIAN|DONG|PAN|YUAN|CAI|JIANG|YU|DU|YE|CHENG|WEI|SU|LYU|LV|DING|REN|LU|YAO|"
    "SHEN|ZHONG|CUI|TAN|FAN|LIAO|SHI|JIN|JIA|XIA|FU|FANG|ZOU|XIONG|BAI|MENG|QIN|QIU|HOU|YIN|XUE|YAN|DUAN|LEI|LONG|"
    "TAO|MAO|HAO|GU|GONG|SHAO|WAN|QIAN|DAI|OU|MO|KONG|XIANG|CHANG|KANG|YI|QIAO|LAI|WEN|HONG|XIN|KE|ZHUANG|LING|NIU|"
    "NIE|GUAN|ZUO|GAN|BAO|NING|SHANG|SHU|RUAN|JI|MEI|TONG|GE|CHE|YUE|XING|ZHAN|JING|CHU|LAN|BU|SHAN|LANG|MIAO|JIAO|"
    "RAO|QI|ZHAI|QU|BI|PU|RAN|YOU|OUYANG|SIMA|ZHUGE|SHANGGUAN")
_GOV_UNIT = r"(?:Government|Committee|Commission|Department|Bureau|Office|Administration|Authority|Ministry)"
_LOWER_TAIL = r"(?: (?:of|for) [a-z][a-z -]*?(?=[,.;:)]| said| says| and [A-Z]| to | in | on | at |$))?"

#: Pattern recognisers: (kind, rule name, compiled regex, group holding the name).
PATTERNS = [
    ("GovernmentBody", "peoples-government", re.compile(
        r"\b(?:The )?People's Government of (?:[A-Z][\w'-]+ ){0,3}[A-Z][\w'-]+"), 0),
    ("GovernmentBody", "management-committee", re.compile(
        rf"\b(?:{_CAP} ){{0,6}}(?:Management|Administrative|Administration) Committee"
        rf"(?: of (?:the )?(?:{_CAP} ?){{1,8}})?"), 0),
    ("GovernmentBody", "local-body", re.compile(
        rf"\b(?:[A-Z][\w'-]+ ){{1,3}}(?:Provincial|Municipal|Prefectural)(?: People's)?"
        rf"(?: (?!(?:City|County|Province|District)\b)(?:[A-Z][\w'-]+|and|&)){{0,5}}? {_GOV_UNIT}"
        rf"(?: (?:of|for) [A-Z][\w'-]+(?: (?:and |& )?[A-Z][\w'-]+){{0,5}})?"), 0),
    ("GovernmentBody", "local-body-lower", re.compile(
        rf"\b[A-Z][\w'-]+ (?:provincial|municipal|prefectural|county|district|city)(?: people's)? "
        rf"(?:government|committee|commission|department|bureau|office|administration){_LOWER_TAIL}"), 0),
    ("GovernmentBody", "office-of-body", re.compile(
        r"\b(?:General Office|Standing Committee|Party Committee|Office) of (?:the )?(?:[A-Z][\w'-]+ ){1,4}"
        r"(?:People's )?(?:Government|Congress|Committee)\b"), 0),
    ("GovernmentBody", "administration", re.compile(
        r"\b(?:[A-Z][\w'-]+ (?:and )?){1,5}(?:Administration|Bureau|Commission)\b(?: (?:of|for) [A-Z][\w'-]+"
        r"(?: (?:and |& )?[A-Z][\w'-]+){0,5})?"), 0),
    ("GovernmentBody", "national-body", re.compile(
        r"\b(?:Ministry of [A-Z][\w'-]+(?: (?:and |& )?[A-Z][\w'-]+){0,5}|(?:National|State|China) (?:[A-Z][\w'-]+ "
        r"(?:and )?){0,4}(?:Commission|Administration|Council|Bureau)|State Council)"), 0),
    ("Conference", "event-name", re.compile(
        rf"\b(?:(?:19|20)\d{{2}} |\d{{1,2}}(?:st|nd|rd|th) )?{_CAP_CHAIN}(?:[A-Z][\w-]* )?(?:Conference|Expo|"
        rf"Exposition|Exhibition|Forum|Summit|Congress|Fair|Symposium|Convention|(?:Auto|Motor|Trade) Show)"
        rf"(?: (?:and|&) (?:Exhibition|Expo|"
        rf"Forum|Summit))?(?: (?:19|20)\d{{2}})?\b"
        rf"(?! (?:Center|Centre|City|Hall|Park|Building|Complex|Square|Plaza))"), 0),  # a venue, not the event
    ("Facility", "venue-name", re.compile(
        rf"\b(?:{_CAP} ){{0,5}}(?:Expo|Exhibition|Convention|Conference|International|Sports) "
        rf"(?:and (?:Exhibition|Convention) )?(?:Center|Centre|City|Hall)\b"), 0),
    ("IndustrialPark", "park-name", re.compile(
        rf"\b{_CAP_CHAIN}{_CAP} (?:Economic and Technological Development Zone|Economic[- ]Technological "
        rf"Development Zone|Economic Development Zone|High-[Tt]ech Industrial Development Zone|Development Zone|"
        rf"High-[Tt]ech Zone|Hi-[Tt]ech Zone|High-[Tt]ech Park|Industrial Park|Industrial Zone|Industry Park|"
        rf"Science Park|Technology Park|Science and Technology Park|New Area|New District|New Zone|"
        rf"(?:Pilot )?Free Trade Zone|Bonded Zone|Industrial Base|Industrial Cluster)"
        rf"(?: of (?:[A-Z][\w'-]+ ?){{1,3}})?"), 0),
    ("Facility", "facility-name", re.compile(
        rf"\b(?:{_CAP} ){{0,3}}{_CAP} (?:Gigafactory|Factory|Plant|Production Base|Manufacturing Base|Power Station|"
        rf"Energy Storage Station|Research Center|R&D Center|Airport|Railway Station)\b"), 0),
    ("Organization", "organization-name", re.compile(
        rf"\b(?:{_CAP} ){{0,5}}(?:Academy|University|Institute|Association|Alliance|Federation|"
        rf"Chamber of Commerce|Society|Laboratory|Research Center)(?: (?:of|for) (?:the )?[A-Z][\w'-]+"
        rf"(?:(?:,? (?:and |& )| )[A-Z][\w'-]+){{0,5}}){{0,3}}"), 0),
    ("Company", "legal-form", re.compile(
        r"\b[A-Z](?:[\w'\u2019&-]*(?:\.\w+)*(?<!-)(?:\s(?:&\s|\([A-Z][\w ]+\)\s)?|-)[A-Z]){0,6}?[\w'\u2019&-]*"
        r"(?: \([A-Z][\w ]+\))?,? "
        r"(?:Co\., ?Ltd\.|Co, Ltd\.|Co\.,? Limited|Company Limited|Co\. Ltd\.?|Ltd\.|Limited|Inc\.|Corp\.|"
        r"Corporation|Group|"
        r"Holdings?|PLC|AG|GmbH|LLC|S\.A\.)"
        r"(?:(?: |, )(?:Group|Co[.,]{1,2} ?Ltd\.|Co\.,? Limited|Limited|Ltd\.|Corporation|Inc\.))*"
        r"(?: \([A-Z][\w ]+\))?"), 0),
    ("Company", "industry-name", re.compile(
        r"\b(?:[A-Z][\w'&-]*\s){1,4}(?:New Energy|Energy Technology|Technology|Technologies|Tech|Sci-Tech|Hi-Tech|"
        r"Energy|Power|"
        r"Battery|Batteries|Motors?|Automobile|Auto|Materials|Lithium|Electric|Electronics|Solar|Storage|"
        r"Intelligent Technology|Intelligent|Renewables|Systems|Industries|Industry|Mining|Chemicals?|Capital|"
        r"Minerals|Resources|Metals|Solutions)\b"
        r"(?! (?:Conference|Expo|Forum|Summit|Exhibition|Show|Industrial|Economic|"
        r"Development|Zone|Park|Project|Factory|Plant|Base)\b|"
        r" [A-Z][a-z]+ (?:[A-Z][a-z]+ )?(?:Project|List|Plan|Platform|Center|Centre|System|Network)\b)"), 0),
    ("Person", "name-title", re.compile(rf"\b(?P<name>{_PERSON_NAME}), (?:the |a |an )?(?:[a-z]+ )?{_TITLE_CHAIN}\b"),
     "name"),
    ("Person", "title-name", re.compile(rf"\b{_TITLE_CHAIN} (?P<name>{_PERSON_NAME})\b"), "name"),
    ("Person", "title-comma-name", re.compile(rf"\b{TITLES}, (?P<name>{_PERSON_NAME}),"), "name"),
    ("Person", "capitalised-surname", re.compile(
        rf"\b(?P<name>(?:{_PINYIN_SURNAMES}) [A-Z][a-z]+(?:-[a-z]+)?)\b(?! (?:[A-Z][a-z]+ )*(?:Co|Ltd|Group|Inc)\b)"),
     "name"),
    # "Dr. Zhu Gaolong" is Zhu Gaolong; "Ms. Hou", a surname alone, is named with the honorific
    ("Person", "honorific-full-name", re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof)\. (?P<name>[A-Z][a-z]+ [A-Z][a-z]+)\b"),
     "name"),
    ("Person", "honorific", re.compile(r"\b(?P<name>(?:Mr|Ms|Mrs|Dr|Prof)\. [A-Z][a-z]+)\b"), "name"),
    ("Company", "listed-in-brackets", re.compile(
        r"\b(?:integrators?|manufacturers?|manufacture|suppliers?|makers?|companies|enterprises|producers?|"
        r"developers?|firms|brands|operators?|vendors) \((?P<name>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,4}"
        r"(?:, [A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,4})*)\)"), "name"),
    ("Company", "venture-partners", re.compile(
        r"\bjoint venture (?:of|between|by|formed by) (?P<name>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}"
        r"(?:(?:, | and |, and )[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})+)"), "name"),
    ("Company", "appositive-company", re.compile(
        r"\b(?P<name>(?:[A-Z][\w&'.-]*\s){0,4}[A-Z][\w&'.-]*), (?:a|an|another|"
        r"the(?= (?:only|sole|first|largest|biggest|leading)\b)) (?:[\w-]+ ){0,4}?(?:developer|maker|manufacturer|"
        r"provider|supplier|producer|operator|"
        r"integrator|company|firm|start-?up|investor|automaker|carmaker|subsidiary|affiliate|unit|joint venture|"
        r"brand)\b"), "name"),
    ("Place", "based-in-place", re.compile(
        r"\b(?:based|headquartered|located) in (?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b(?! [A-Z])"), "name"),
    ("Place", "place-suffix", re.compile(r"\b(?:[A-Z][a-z]+ ){1,2}(?:County|District|Province|Prefecture|New Town|"
                                        r"New City)\b|\b[A-Z][a-z]+ (?:ore field|mining area)\b"), 0),
    ("Place", "region-name", re.compile(
        r"\b(?:[A-Z][\w'-]*[ -]){1,4}(?:Economic Circle|Economic Belt|Economic Rim|Urban Agglomeration|"
        r"Metropolitan Area|River Delta|Greater Bay Area|Bay Area)\b"), 0),
    ("InvestmentProject", "project-phrase", re.compile(
        r"(?:\b(?:the|a|an|this|that|its|their)\s)(?P<name>(?:(?!(?:the|of|for|and|between|with|a|an|in|on|at|to|by|from|this|that|is|was|will)\b)[\w/-]+ ){1,7}?project(?: of (?:[a-z-]+ ){0,5}"  # noqa: E501
        r"(?:industry|battery|batteries|storage|materials|base|station|cells?|manufacturing))?)\b"), "name"),
]
#: Words that describe a project rather than name it: superlatives ("the largest pumped storage project", "the most
#: important production base"), ranks ("a key project", "the first ... project") and quantifiers ("several", "such"
#: projects). Listed, not found by a suffix: "-est" also ends "Southwest" and "Forest". Read by the name patterns
#: here and by the noun phrases of :mod:`graph.ingest.model_names`.
DESCRIBING_WORDS = frozenset({
    "largest", "biggest", "greatest", "highest", "longest", "newest", "latest", "earliest", "best", "finest",
    "strongest", "fastest", "smallest", "lowest", "cleanest", "most", "least", "first", "only", "landmark", "leading",
    "key", "major", "such", "other", "several", "many", "various", "similar", "relevant", "related", "these", "those",
    "more"})


def describes_a_project(words: str) -> bool:
    """Whether a phrase describes a project rather than names one: a word of :data:`DESCRIBING_WORDS` in it.

    >>> describes_a_project("the largest pumped storage project"), describes_a_project("a landmark project")
    (True, True)
    >>> describes_a_project("Southwest lithium battery project")
    False
    """
    return any(word.lower() in DESCRIBING_WORDS for word in re.findall(r"[\w-]+", words))


# capitalised words and the acronym in brackets after them: "COFCO Meishan California Smart City (MCSC)"
# (read back from each acronym, over at most 150 characters: a chain scanned from every capitalised word of a long
# title-case text would take quadratic time)
_BRACKETED_ACRONYM = re.compile(r" \((?P<acronym>[A-Z]{2,7})\)")
_WORDS_BEFORE = re.compile(r"(?<![\w-])(?P<words>(?:[A-Z][\w&'\u2019-]*(?: (?:of|and|for|the|&))* )*"
                           r"[A-Z][\w&'\u2019-]*)$")
_ACRONYM_GOVERNMENT = re.compile(r"\b(?:Government|Committee|Commission|Department|Bureau|Office|Administration|"
                                 r"Authority|Ministry|Board|Council)$")
_ACRONYM_ORGANISATION = re.compile(r"\b(?:Academy|University|Institute|Association|Alliance|Federation|Society|"
                                   r"Laboratory|Chamber of Commerce)\b")
# a new area is named by a name of its own, its city before it ("Chongqing Liangjiang New Area"); "of Chongqing"
# after it only says where it is (a development zone "of Leshan" may be named so)
_OF_PLACE = re.compile(r" New (?:Area|District|Zone)(?P<of> of (?P<place>(?:[A-Z][\w'-]+ ?){1,3}))$")
# the words of a park's name that name no park of their own: its kind and the direction of its place
_PARK_NAME_WORDS = {"economic", "technological", "development", "zone", "high-tech", "hi-tech", "industrial", "park",
                    "new", "area", "district", "and", "science", "technology", "free", "trade", "pilot", "bonded",
                    "base", "cluster", "industry", "national", "the", "east", "west", "north", "south", "central",
                    "eastern", "western", "northern", "southern", "high", "tech", "comprehensive"}
# "Chongqing Panlong Pumped Storage Power Station", "X Energy Storage Station": what the news reports of one is its
# building, filling and first power, as of a project (a hydropower station stays a facility)
_STORAGE_STATION = re.compile(r"\bStorage (?:Power )?Station$")
_INDUSTRY_WORDS = re.compile(
    r"battery|batteries|storage|sodium|lithium|energy|industr|manufactur|material|cell|solar|photovoltaic|pv|"
    r"hydrogen|vehicle|charging|gwh|power|electrode|recycling", re.IGNORECASE)
# Sentence-initial or generic words that are not part of a name.
_LEADING = {"the", "a", "an", "at", "on", "in", "as", "by", "for", "from", "since", "and", "of", "with", "during",
            "among", "according", "this", "that", "these", "after", "before", "while", "both", "its", "their",
            "our", "his", "her", "when", "where", "under", "to", "meanwhile", "also", "today", "yesterday", "first",
            "second", "third", "last", "next", "moreover", "besides", "however", "then", "it", "we", "they",
            "source", "contact", "editor", "hosted", "organized", "organised", "co-organized", "jointly",
            "attended", "including", "through", "via", "between", "said", "reports", "report", "about",
            "organizers", "organisers", "experts", "officials", "recently", "currently", "additionally",
            "furthermore", "notably", "previously", "earlier", "later", "overall", "together", "vice", "president",
            "chairman", "chairwoman", "ceo", "cto", "cfo", "founder", "co-founder", "deputy", "billion", "million",
            "thousand", "all", "every", "each", "some", "many", "several", "other", "such", "whose"}
_NOT_PERSON_WORDS = {"Province", "City", "County", "District", "Municipality", "Group", "Company", "Government",
                     "China", "Chinese", "Region", "Area", "Zone", "Park", "Conference", "Forum", "The", "New",
                     "Platform", "Center", "Centre", "Base", "Plant", "Project", "Station", "System", "Network",
                     "Committee", "Bureau", "Office", "Department", "Ministry", "Energy", "Battery", "Lithium",
                     "Technology", "Power", "Data", "Industry", "Industrial"}
_GENERIC_NAME_WORDS = {"new", "green", "clean", "intelligent", "advanced", "smart", "global", "international",
                       "power", "energy", "battery", "batteries", "storage", "solar", "electric", "technology",
                       "technologies", "tech", "materials", "lithium", "the", "china", "chinese", "hydrogen",
                       "auto", "motor", "motors", "automobile", "sodium", "national", "world", "capital", "resources",
                       "minerals", "metals", "natural", "mineral", "human", "financial", "solutions"}


# Patterns that end in a keyword are only tried near that keyword: a chain of capitalised words scanned from
# every position of a long title-case or upper-case text would take quadratic time.
_ANCHORS = {
    "event-name": re.compile(r"Conference|Expo|Exposition|Exhibition|Forum|Summit|Congress|Fair|Symposium|"
                             r"Convention|Show"),
    "park-name": re.compile(r"Zone|Park|New Area|New District|Industrial Base|Industrial Cluster"),
    "facility-name": re.compile(r"Gigafactory|Factory|Plant|Base|Station|Center|Airport"),
    "venue-name": re.compile(r"Center|Centre|City|Hall"),
    "administration": re.compile(r"Administration|Bureau|Commission"),
    "office-of-body": re.compile(r"Government|Congress|Committee"),
}
_WINDOW = 300


def _matches(pattern: re.Pattern, rule: str, text: str):
    """The matches of a pattern, near its anchor keyword when it has one."""
    anchor = _ANCHORS.get(rule)
    if anchor is None:
        yield from pattern.finditer(text)
        return
    seen: set[tuple[int, int]] = set()
    for keyword in anchor.finditer(text):
        begin = max(0, keyword.start() - _WINDOW)
        for match in pattern.finditer(text, begin, min(len(text), keyword.end() + 80)):
            if match.start() <= keyword.start() and match.end() >= keyword.end() and match.span() not in seen:
                seen.add(match.span())
                yield match


_ACRONYM_AND_TRADE = re.compile(r"([A-Z]{3,}) (?:Minerals|Mining|Resources|Lithium|Metals|Materials|Energy|Power|"
                                r"Battery|Batteries|Technology|Technologies|Chemicals?)")
_LEGAL_TAIL = re.compile(r"(?:\s*\([^)]*\))?(?:,?\s+(?:Co\.,?\s*Ltd\.?|Co\.,?\s*Limited|Company Limited|Limited|Ltd\.?|"
                         r"Inc\.?|Corp\.?|Corporation|Group|Holdings?|PLC|LLC|GmbH|AG|S\.A\.))+(?:\s*\([^)]*\))?$")
_DEFINED_ALIAS = re.compile(r"\s*(?:\([^()\"\u201c\u201d]{1,40}\)\s*)?\((?:the |hereinafter(?: referred to as)? )?"
                            r"[\"\u201c](?P<alias>[A-Z][^\"\u201d]{1,40})[\"\u201d]")
_NOT_ALIASES = {"company", "group", "issuer", "we", "us", "our", "parties", "party", "agreement"}


def _defined_aliases(text: str, end: int) -> list[str]:
    """Short names a release defines right after a name: ``Foo Energy Co., Ltd. ("Foo Energy")``.

    >>> text = 'Omega Gridworks Inc. (NYSE: OMGW) ("Omega Gridworks" or the "Company") said'
    >>> _defined_aliases(text, len("Omega Gridworks Inc."))
    ['Omega Gridworks']
    >>> _defined_aliases("Mianyang Fulin Precision Machining Co., Ltd. (Fulin Precision) was", 44)
    ['Fulin Precision']
    """
    match = _DEFINED_ALIAS.match(text, end)
    if not match or match.group("alias").lower() in _NOT_ALIASES:
        acronym = _ACRONYM.match(text, end)
        if acronym and abbreviates(acronym.group("alias"), text[:end]):
            return [acronym.group("alias")]
        # "Mianyang Fulin Precision Machining Co., Ltd. (Fulin Precision)": words of the name, in brackets
        words = _NAME_WORDS_IN_BRACKETS.match(text, end)
        if words and all(w in text[max(0, end - 80):end].split() for w in words.group("alias").split()):
            return [words.group("alias")]
        return []
    return [match.group("alias").strip()]


_ACRONYM = re.compile(r" \((?P<alias>[A-Z][A-Za-z]{1,7})\)")
_NAME_WORDS_IN_BRACKETS = re.compile(r" \((?P<alias>[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3})\)")


def abbreviates(acronym: str, words: str) -> bool:
    """Whether ``acronym`` is made of the initials of the words just before it, in order, its first letter the
    initial of one of the last eight words: "Development and Reform Commission (DRC)", "value-adjusted cash costs
    (VACC)", "SVOLT Energy Technology Co., Ltd. (SVOLT)".

    >>> abbreviates("DRC", "Sichuan Provincial Development and Reform Commission")
    True
    >>> abbreviates("VACC", "have value-adjusted cash costs"), abbreviates("BYD", "the Chongqing plant")
    (True, False)
    """
    tail = re.findall(r"[A-Za-z][\w'\u2019&]*", words)[-8:]
    if any(w == acronym for w in tail):
        return True
    initials = [w[0].upper() for w in tail if w.lower() not in ("and", "of", "the", "for", "&")]
    for first in range(len(initials)):
        if initials[first] != acronym[0].upper():
            continue
        remaining = iter(initials[first:])
        if all(letter.upper() in remaining for letter in acronym) and initials[-1] == acronym[-1].upper():
            return True
    return False


def _strip_leading(text: str, start: int) -> tuple[str, int]:
    """Drop sentence words and a "<place>-based" or "<exchange>-listed" from the front of a name.

    >>> _strip_leading("The Hefei-based Foo Cell Co., Ltd.", 0)
    ('Foo Cell Co., Ltd.', 16)
    >>> _strip_leading("Shanghai-listed Foo New Energy", 0)
    ('Foo New Energy', 16)
    """
    while True:
        head, _, rest = text.partition(" ")
        if rest and (head.lower().strip(",") in _LEADING or re.fullmatch(r"[A-Z][\w'-]*-(?:based|listed)", head)):
            start += len(head) + 1
            text = rest
            continue
        return text, start


_CHAINS = {"management-committee", "local-body", "national-body", "event-name", "park-name", "facility-name",
           "organization-name", "legal-form", "industry-name", "place-suffix", "office-of-body", "administration",
           "venue-name", "appositive-company", "region-name"}
# A full stop that ends a sentence inside a chain of capitalised words (not one of an abbreviation: Co., No.)
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\bCo)(?<!\bLtd)(?<!\bInc)(?<!\bCorp)(?<!\bNo)(?<!\bSt)(?<!\bJr)"
                           r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)(?<!\bBros)\.\s+(?=[A-Z])")
_SMALL_WORDS = {"a", "an", "the", "of", "and", "in", "on", "at", "for", "to", "with", "from", "by", "as", "or", "vs"}


def _is_title_case(line: str) -> bool:
    """Whether a line capitalises (nearly) all its words, as headlines do.

    >>> _is_title_case("CATL Unveils New Sodium-Ion Battery in Yibin"), _is_title_case("CATL unveils a battery")
    (True, False)
    >>> _is_title_case("Zhou Lan, Vice President of Foo Co., Ltd., Spoke.")
    False
    """
    if re.search(r"[.!?:;\"\u201d]\s*$", line):
        return False  # a sentence, however many names it holds
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", line) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


def headline_spans(text: str) -> Spans:
    """The title-case lines of a text (headlines), where every word is capitalised and a chain of capitalised
    words is no evidence of a name.

    >>> spans = headline_spans("CATL Unveils New Sodium-Ion Battery in Yibin\\nCATL unveiled a battery.")
    >>> spans.overlaps(0, 1), spans.overlaps(46, 47)
    (True, False)
    """
    headlines = Spans()
    for line in re.finditer(r"[^\n]+", text):
        if _is_title_case(line.group(0)):
            headlines.add(line.start(), line.end())
    return headlines


def _same_capitals(name: str, text: str) -> bool:
    """Whether ``text`` capitalises the words ``name`` capitalises ("China Energy", not "China energy").

    >>> _same_capitals("China Energy", "China energy"), _same_capitals("China Energy", "CHINA ENERGY")
    (False, True)
    """
    if text.isupper():
        return True
    pairs = zip(name.split(), text.split(), strict=False)
    return all(not n[:1].isupper() or t[:1].isupper() for n, t in pairs)


_ETHNIC = r"(?:Yi|Tibetan|Qiang|Miao|Tujia|Hui|Zhuang|Mongolian|Naxi|Lisu|Bai|Dai|Dong|Yao|Buyei|Uyghur|Kazakh)"
# "Mabian Yi Autonomous County", "Shizhu Tujia": the county named with the people it is autonomous for
_AUTONOMOUS = re.compile(rf" {_ETHNIC}(?: and {_ETHNIC})?(?: Autonomous (?:County|Prefecture))?\b")
_DIRECTIONS = r"(?:(?:North|South|East|West)(?:ern)?|Central|(?:North|South)(?:east|west)(?:ern)?)"
_PLACE_WORDS = {"City", "Province", "County", "District", "Prefecture", "Municipality", "Autonomous", "Region",
                "Town", "Township", "Village", "New", "Area", "Zone"}


def _places_in_names(text: str, mentions: list[Mention], headlines: Spans) -> list[Mention]:
    """Places as a name's part: "Shenzhen Stock Exchange", "Chengdu-Chongqing Economic Circle", "Qinghai-Tibet
    Plateau", "Sichuan Zichen" name no province or city, so the place is not a mention of its own; "Mabian Yi" is
    Mabian County under its autonomous name; "Eastern China", "Southwest China" are regions, not the country.

    >>> recognise = EntityRecogniser(Knowledge.load(use_registry=False))
    >>> text = "BYD left Eastern China for the Chengdu-Chongqing area, said the Shenzhen Stock Exchange."
    >>> [(m.text, m.kind, m.rule) for m in recognise(text) if m.kind == "Place"]
    [('Eastern China', 'Place', 'region')]
    """
    found = []
    for m in mentions:
        if m.kind != "Place" or m.text.split()[-1] in _PLACE_WORDS or headlines.overlaps(m.start, m.end):
            found.append(m)
            continue
        suffix = re.match(r" (city|county|district|province|prefecture)\b", text[m.end:m.end + 12])
        if suffix and m.known is not None and m.known.label.lower().endswith(suffix.group(1)):
            m = replace(m, end=m.end + suffix.end(), text=text[m.start:m.end + suffix.end()])  # "Yaan city"
        autonomous = _AUTONOMOUS.match(text, m.end)
        if autonomous:
            found.append(replace(m, end=autonomous.end(), text=text[m.start:autonomous.end()]))
            continue
        region = re.search(rf"(?<![\w-]){_DIRECTIONS} $", text[max(0, m.start - 20):m.start])
        if region and m.known is not None and m.known.cls == "Country":
            start = m.start - len(region.group(0))
            found.append(Mention(start, m.end, text[start:m.end], "Place", None, "region"))
            continue
        if re.match(r"-[A-Z]", text[m.end:m.end + 2]) or re.search(r"[A-Za-z]-$", text[max(0, m.start - 2):m.start]):
            continue  # "Chengdu-Chongqing", "Qinghai-Tibet"
        following = re.match(r" (?:[A-Z][a-z]+|[A-Z]{2,})\b", text[m.end:m.end + 30])
        if following and following.group(0).strip() not in _PLACE_WORDS and \
                following.group(0).strip().lower() not in _SMALL_WORDS:
            continue  # "Shenzhen Stock Exchange", "Sichuan Zichen"
        before = text[max(0, m.start - 40):m.start]
        preceding = re.search(r"(?<=[\w,] )([A-Z][a-z]+|[A-Z]{2,}) $", before)
        if preceding and preceding.group(1).lower() not in _LEADING | _SMALL_WORDS:
            continue  # "State Grid Sichuan", "Kangding Jiajika": a place inside a name
        found.append(m)
    return found


# "the spodumene projects of X, Y and Z", "new projects such as X and Y", "the mining projects in Sichuan mainly
# include X, Y and Z": the names listed are the projects'
_PROJECT_LIST = re.compile(r"\bprojects (?:of |(?:[^.;:\n]{0,50}?\b)?(?:such as|include|includes|including|like) )")
_LIST_ITEM = re.compile(r"[A-Z][\w'\u2019-]*(?:\.\d+\w*)?(?: [A-Z][\w'\u2019-]*(?:\.\d+\w*)?)*"
                        r"(?=,|\.|;|:|\)| and | or | are | were | is | was | owned | with |$)")


def _listed_projects(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names listed as examples of projects are projects, whatever the model took them for (a mine named after
    its place, "Yelonggou", is no place of the story); a known company in the list ("projects of CATL") keeps
    its kind, and so does the list's item.

    >>> text = "New projects such as Cuola and Murong are under construction."
    >>> [(m.text, m.kind) for m in _listed_projects(text, [Mention(21, 26, "Cuola", "Company")])]
    [('Cuola', 'InvestmentProject'), ('Murong', 'InvestmentProject')]
    """
    found = list(mentions)
    for trigger in _PROJECT_LIST.finditer(text):
        position = trigger.end()
        while True:
            item = _LIST_ITEM.match(text, position)
            if not item:
                break
            start, end = item.start(), item.end()
            if re.search(r"['\u2019]s?$", text[start:end]):
                break
            inside = [m for m in found if m.start < end and m.end > start]
            if any(m.known is not None and m.kind != "Place" or m.kind in ("Company", "Organization")
                   and m.end - m.start > end - start for m in inside):
                break
            found = [m for m in found if m not in inside]
            found.append(Mention(start, end, text[start:end], "InvestmentProject", None, "project-list"))
            separator = re.match(r",? (?:and )?|, ", text[end:end + 6])
            if not separator:
                break
            position = end + separator.end()
    return sorted(found, key=lambda m: m.start)


# "Qinzhou and Meishan lithium conversion plants", "the Mika and Yelonggou lithium mines"
_SITES_BEFORE_PLURAL = re.compile(r"(?<![\w-])(?P<names>[A-Z][\w'\u2019-]*(?:, [A-Z][\w'\u2019-]*)*,? and "
                                  r"[A-Z][\w'\u2019-]*) (?:[a-z][\w-]* ){0,3}(?:plants|mines|factories|deposits)\b")
# "X, which was renamed from Y", "The company, also known as Y": Y is another name of the company named before
_OTHER_NAME = re.compile(r"\b(?:also|formerly|previously) known as |\b(?:renamed|rebranded) from |\bformerly "
                         r"(?:called |named )?$", re.IGNORECASE)


def _other_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A company's other name ("also known as", "formerly", "renamed from") is the company named before it.

    >>> text = "Qiyuan Power, which was renamed from Baixi Cells Co. in 2017, makes cells."
    >>> ms = [Mention(0, 12, "Qiyuan Power", "Company"), Mention(37, 51, "Baixi Cells Co.", "Company")]
    >>> [m.alias_of for m in _other_names(text, ms)]
    [None, 'Qiyuan Power']
    """
    found = list(mentions)
    renamed: dict[str, str] = {}
    for i, mention in enumerate(found):
        if mention.kind != "Company" or mention.known is not None or mention.alias_of is not None or \
                not _OTHER_NAME.search(text[max(0, mention.start - 25):mention.start]):
            continue
        before = next((m for m in reversed(found[:i]) if m.kind == "Company" and m.inside is None and
                       mention.start - m.end < 400 and m.alias_of is None), None)
        if before is not None:
            found[i] = replace(mention, alias_of=before.text)
            renamed[mention.text] = before.text
    # the short names of the other name ("Sunpower" of "Jiangsu Sunpower Co.") are the company's too
    return [replace(m, alias_of=renamed[m.alias_of]) if m.alias_of in renamed else m for m in found]


def _surnames(mentions: list[Mention]) -> list[Mention]:
    """A single word that is the surname of a person named before ("Zhang said", after "Zhang Yunming") is that
    person, whatever the model took it for.

    >>> ms = [Mention(0, 13, "Zhang Yunming", "Person"), Mention(40, 45, "Zhang", "Company", rule="model")]
    >>> [(m.kind, m.alias_of) for m in _surnames(ms)]
    [('Person', None), ('Person', 'Zhang Yunming')]
    """
    people: dict[str, str] = {}
    found = []
    for mention in mentions:
        if mention.kind == "Person" and mention.known is None and " " in mention.text:
            words = mention.text.split()
            for surname in (words[0], words[-1]):  # Chinese order, or the Western order
                people.setdefault(surname, mention.text)
        elif mention.known is None and mention.rule in ("model", "learnt") and mention.text in people:
            mention = replace(mention, kind="Person", alias_of=people[mention.text])
        found.append(mention)
    return found


class EntityRecogniser:
    """Find the names of an article: known names first, then the pattern recognisers; longest wins."""

    def __init__(self, knowledge: Knowledge):
        from spacy.matcher import PhraseMatcher

        self.knowledge = knowledge
        self.matcher = PhraseMatcher(nlp().vocab, attr="LOWER")
        self._entities: dict[str, list[KnownEntity]] = {}
        names = sorted({(name, entity.iri) for name, entity in knowledge.names() if len(name) >= 2})
        by_name: dict[str, list[KnownEntity]] = {}
        for name, iri in names:
            by_name.setdefault(name, []).append(knowledge.by_iri[iri])
        keys = sorted(by_name)
        for index, doc in enumerate(nlp().tokenizer.pipe(keys)):
            key = f"n{index}"
            self._entities[key] = by_name[keys[index]]
            self.matcher.add(key, [doc])
        self._names = {f"n{i}": keys[i] for i in range(len(keys))}

    def known(self, doc) -> list[Mention]:
        """Mentions of known names, with case rules: an acronym must match exactly, a capitalised name must
        start with a capital."""
        found = []
        for key_id, start, end in self.matcher(doc):
            key = nlp().vocab.strings[key_id]
            name = self._names[key]
            span = doc[start:end]
            text = span.text
            if name.isupper() and len(name) <= 6 and text != name:
                continue
            if name[:1].isupper() and not text[:1].isupper():
                continue
            if any(c.isupper() for c in name) and text.islower():
                continue
            if not _same_capitals(name, text):
                continue
            candidates = self._entities[key]
            entity = candidates[0]
            found.append(Mention(span.start_char, span.end_char, text, entity.kind, entity, "known"))
        return found

    def patterns(self, text: str) -> list[Mention]:
        """Mentions found by the pattern recognisers.

        In a title-case line (a headline: "CATL Unveils New Sodium-Ion Battery") every word is capitalised, so
        the patterns that chain capitalised words are not tried there; names the story's body establishes
        are found in the headline afterwards (see ``__call__``).
        """
        found = []
        headlines = headline_spans(text)
        for pattern_kind, rule, pattern, group in PATTERNS:
            for match in _matches(pattern, rule, text):
                kind = pattern_kind
                if rule in _CHAINS and headlines.overlaps(match.start(), match.start() + 1):
                    continue
                if rule in ("listed-in-brackets", "venture-partners"):
                    # "integrators (ACE Battery, Tecloman)", "a joint venture of Canmax, CATL and Tianyuan Group": each
                    # item a company
                    offset = match.start(group)
                    for item in re.finditer(r"(?:(?<=^)|(?<=, )|(?<= and ))(?!and )(?:(?!,? and |, ).)+",
                                           match.group(group)):
                        words = item.group(0).strip()
                        if self.knowledge.resolve(words, "Place") is not None:
                            continue
                        begin = offset + item.start() + item.group(0).index(words)
                        found.append(Mention(begin, begin + len(words), words, kind, None, rule))
                    continue
                start, end = match.span(group)
                words, start = _strip_leading(text[start:end], start)
                words = words.rstrip(" ,")
                if rule == "facility-name" and _STORAGE_STATION.search(words):
                    kind = "InvestmentProject"  # a pumped or energy storage power station: a project of the region
                short = re.search(r" \(([A-Z][\w ]+)\)$", words) if rule == "legal-form" else None
                if short and re.search(r"(?:Co\.,? ?Ltd\.|Limited|Inc\.|Corp\.|Corporation|Group|Holdings?)$",
                                       words[:short.start()]) and \
                        all(w in words[:short.start()].split() for w in short.group(1).split()):
                    words = words[:short.start()]  # "X Co., Ltd. (Fulin Precision)": the short name it goes by after
                end = start + len(words)
                if len(words) < 3 or "\n" in words or words.lower() in _LEADING:
                    continue  # "Recently, an investor ...": a sentence's first word, no name
                if kind == "Company" and rule == "industry-name":
                    core = [w for w in words.split() if w.lower() not in _GENERIC_NAME_WORDS]
                    if not core or len(words.split()) < 2:
                        continue
                    if words.endswith(" Industry") and all(self.knowledge.resolve(w, "Place") or w == "Industry"
                                                           for w in core):
                        continue  # "Yibin Lithium Industry" is the city's industry; "De'a Lithium Industry" a firm
                if kind == "InvestmentProject" and (not _INDUSTRY_WORDS.search(words) or
                                                    describes_a_project(match.group(group))):
                    # "the largest pumped storage project in Sichuan", "the first pumped storage hydropower project"
                    # (the first word a sentence's, cut off above) describe a project, name none
                    continue
                end_of_sentence = _SENTENCE_END.search(words) if rule in _CHAINS else None
                if end_of_sentence:  # "... Development Zone. More than 400 guests": the name ends at the full stop
                    words = words[:end_of_sentence.start()]
                    end = start + len(words)
                of_place = _OF_PLACE.search(words) if rule == "park-name" else None
                if of_place and self.knowledge.resolve(of_place.group("place"), "Place") is not None and any(
                        w.lower() not in _PARK_NAME_WORDS for w in words[:of_place.start("of")].split()):
                    # "Liangjiang New Area of Chongqing" is the Liangjiang New Area, in Chongqing; an "East New Area
                    # of Dazhou" has no name without its place
                    words = words[:of_place.start("of")]
                    end = start + len(words)
                if kind in ("GovernmentBody", "Organization") and " and " in words:
                    words = self._cut_second_name(words)
                    end = start + len(words)
                owner = re.search(r"^.*['\u2019]s ", words)
                if kind in ("Company", "Facility", "IndustrialPark", "Organization") and owner:
                    cut = owner.end()  # "BYD's Chongqing plant": the owner is a name of its own
                    words, start = words[cut:], start + cut
                    if len(words.split()) < 2 and kind != "Company":
                        continue
                if kind == "Person" and (set(words.split()) & _NOT_PERSON_WORDS or
                                         self.knowledge.resolve(words, "Place") is not None):
                    continue
                if kind in ("Conference", "IndustrialPark", "Facility", "Organization", "Company") \
                        and not words[:1].isupper() and not words[:1].isdigit():
                    continue
                found.append(Mention(start, end, words, kind, None, rule))
        found.extend(self._acronym_names(text, headlines))
        return found

    def _acronym_names(self, text: str, headlines: Spans) -> list[Mention]:
        """Names an acronym in brackets follows and spells, whole: the capitalised words whose initials are its
        letters, with the capitalised words right before them ("COFCO Meishan California Smart City (MCSC)",
        "the Foreign Investment Review Board (FIRB)"). Typed by their words; a company needs a place or a name in
        capitals among them, so that a technology's capitalised words ("Lithium Iron Phosphate (LFP)") name none.

        >>> recognise = EntityRecogniser(Knowledge.load(use_registry=False))
        >>> [(m.text, m.kind) for m in recognise._acronym_names("approval from the Foreign Investment Review "
        ...                                                     "Board (FIRB) for it", Spans())]
        [('Foreign Investment Review Board', 'GovernmentBody')]
        """
        found = []
        for bracket in _BRACKETED_ACRONYM.finditer(text):
            acronym = bracket.group("acronym")
            match = _WORDS_BEFORE.search(text, max(0, bracket.start() - 150), bracket.start())
            if match is None:
                continue
            words = list(re.finditer(r"[^ ]+", match.group("words")))
            capitals = [w for w in words if w.group(0)[:1].isupper()]
            if len(capitals) < len(acronym) or \
                    "".join(w.group(0)[0] for w in capitals[-len(acronym):]) != acronym:
                continue
            first = words.index(capitals[-len(acronym)])
            while first > 0 and words[first - 1].group(0)[:1].isupper():
                first -= 1  # "COFCO Meishan ...": the owner's name before the words spelt
            start = match.start("words") + words[first].start()
            name, start = _strip_leading(match.group("words")[words[first].start():].strip(), start)
            if len(name.split()) < 2 or headlines.overlaps(start, start + 1) or \
                    self.knowledge.resolve(name, "Place") is not None:
                continue
            if _ACRONYM_GOVERNMENT.search(name):
                kind = "GovernmentBody"
            elif _ACRONYM_ORGANISATION.search(name):
                kind = "Organization"
            elif any(w.isupper() or self.knowledge.resolve(w, "Place") is not None for w in name.split()):
                kind = "Company"
            else:
                continue
            found.append(Mention(start, start + len(name), name, kind, None, "spelt-acronym"))
        return found

    def __call__(self, text: str, doc=None, extra: list[Mention] = ()) -> list[Mention]:
        """Every mention in ``text``, without overlaps: longer spans win, then known names, then patterns,
        then ``extra`` mentions (the statistical pipeline's names)."""
        doc = doc if doc is not None else nlp().make_doc(text)
        candidates = self.known(doc) + self.patterns(text) + list(extra)
        # the known entity behind a pattern match of exactly its name
        exact = {(m.start, m.end): m for m in candidates if m.known is not None}
        chosen: list[Mention] = []
        taken = Spans()
        order = sorted(candidates, key=lambda m: (-(m.end - m.start), m.known is None, m.rule.startswith(("model",
                                                  "noun-phrase")), m.start))
        for mention in order:
            if (mention.start, mention.end) in exact and mention.known is None:
                continue
            if mention.end > mention.start and taken.add(mention.start, mention.end):
                chosen.append(mention)
        chosen = _places_in_names(text, chosen, headline_spans(text))
        chosen = _listed_projects(text, chosen)
        chosen = self._sites_before_plural(text, chosen)
        taken = Spans()
        for mention in chosen:
            taken.add(mention.start, mention.end)
        # names learnt from the article's own patterns are names wherever they recur in it, and so are the short
        # names a company goes by: defined in brackets ("Omega Energy"), or its name's first words ("Kappa Power")
        learnt: dict[str, tuple[str, str | None]] = {}
        companies = {m.text for m in chosen if m.kind == "Company" and m.rule not in ("learnt", "model")}
        for mention in chosen:  # a project listed by name is that project wherever the name recurs
            if mention.rule == "project-list":
                learnt.setdefault(mention.text, ("InvestmentProject", None))
        # "Albemarle" is Albemarle Corp., not the first word of Albemarle Sichuan New Material Co. Ltd.
        for mention in chosen:
            core = _LEGAL_TAIL.sub("", mention.text)
            if mention.kind == "Company" and mention.known is None and core != mention.text and len(core) >= 4:
                learnt.setdefault(core, ("Company", mention.text))
                # "AVZ Minerals Limited" goes by AVZ: an acronym before the one word of its trade
                acronym = _ACRONYM_AND_TRADE.fullmatch(core)
                if acronym:
                    learnt.setdefault(acronym.group(1), ("Company", mention.text))
        shorts: set[str] = set()  # the short names of the article's companies
        defined: set[str] = set()  # the short names the article defines: "(DRC)" after a commission's name
        for mention in sorted(chosen, key=lambda m: m.start):
            if mention.known is None and mention.kind in ("Company", "Organization", "GovernmentBody", "Person",
                                                           "Conference", "IndustrialPark", "Facility") \
                    and mention.rule != "honorific":
                learnt.setdefault(mention.text, (mention.kind, None))
            if mention.kind == "Facility":
                owner = self._facility_owner(mention.text)
                if owner:
                    learnt.setdefault(owner, ("Company", None))
            if mention.kind in ("Company", "Organization", "GovernmentBody"):
                for alias in _defined_aliases(text, mention.end):
                    learnt[alias] = (mention.kind, mention.text)  # the article's definition beats a guess before it
                    defined.add(alias)
            if mention.kind == "Company" and mention.known is None:
                for short in self.short_names(mention.text):
                    # "Tianqi" is short for none of Tianqi Lithium (Suining) Co., Ltd., Tianqi Lithium (Shehong)
                    # Co., Ltd. and Tianqi Lithium Corporation when the article names them all
                    if not any(other != mention.text and (other == short or other.startswith(short + " "))
                               for other in companies):
                        learnt.setdefault(short, ("Company", mention.text))
                        shorts.add(short)
        at = {(m.start, m.end): i for i, m in enumerate(chosen)}
        for name, (kind, full) in learnt.items():
            for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                if taken.add(match.start(), match.end()):
                    chosen.append(Mention(match.start(), match.end(), name, kind, None, "learnt", alias_of=full))
                elif full and match.span() in at and chosen[at[match.span()]].known is None:
                    # a short name the article defines ("... Co., Ltd. (Fulin Precision)") is of its kind, whatever
                    # the model took it for
                    chosen[at[match.span()]] = replace(chosen[at[match.span()]], alias_of=full, **(
                        {"kind": kind} if name in defined else {}))
                elif name in defined and match.span() in at and chosen[at[match.span()]].rule == "known" and \
                        chosen[at[match.span()]].kind != kind:
                    # the article's own definition of a short name beats general knowledge: "the Development and
                    # Reform Commission (DRC)" is no Democratic Republic of the Congo
                    chosen[at[match.span()]] = Mention(match.start(), match.end(), name, kind, None, "learnt",
                                                       alias_of=full)
                # the model's guess at a company's short name ("Yahua" taken for a place) yields to the company
                # the article names in full
                if name in shorts and match.span() in at and \
                        chosen[at[match.span()]].rule == "model" and chosen[at[match.span()]].known is None:
                    chosen[at[match.span()]] = replace(chosen[at[match.span()]], kind=kind)
                elif kind == "InvestmentProject" and match.span() in at and chosen[at[match.span()]].known is None:
                    chosen[at[match.span()]] = replace(chosen[at[match.span()]], kind=kind, rule="learnt")
        return _surnames(_other_names(text, sorted(chosen, key=lambda m: m.start)))

    def _sites_before_plural(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Names joined by "and" before plural plants, mines or projects are those sites ("Albemarle's Qinzhou and
        Meishan lithium conversion plants", "the Mika and Yelonggou lithium mines"), named after a city, a county
        or nothing known; they are the projects wherever the names recur. A company's name there is its owner's
        ("the CATL and BYD plants"), and a province's or a country's a region's ("the Sichuan and Qinghai mines").

        >>> recognise = EntityRecogniser(Knowledge.load(use_registry=False))
        >>> text = "the Mika and Yelonggou lithium mines"
        >>> [(m.text, m.kind) for m in recognise._sites_before_plural(text, [Mention(13, 22, "Yelonggou", "Place")])]
        [('Mika', 'InvestmentProject'), ('Yelonggou', 'InvestmentProject')]
        """
        found = list(mentions)
        for match in _SITES_BEFORE_PLURAL.finditer(text):
            items = list(re.finditer(r"[A-Z][\w'\u2019-]*", match.group("names")))
            replaced, ok = [], True
            for item in items:
                start, end = match.start("names") + item.start(), match.start("names") + item.end()
                inside = [m for m in found if m.start < end and m.end > start]
                place = self.knowledge.resolve(item.group(0), "Place")
                if any(m.kind != "Place" or m.start < start or m.end > end for m in inside) or \
                        place is not None and place.cls not in ("City", "District"):
                    ok = False
                    break
                replaced.append((inside, Mention(start, end, item.group(0), "InvestmentProject", None,
                                                 "project-list")))
            if ok:
                for inside, site in replaced:
                    found = [m for m in found if m not in inside] + [site]
        return sorted(found, key=lambda m: m.start)

    def short_names(self, name: str) -> list[str]:
        """The shorter names a company's full name suggests: its first words, with or without the place it
        starts with, and the name without its legal form.

        >>> recognise = EntityRecogniser(Knowledge.load(use_registry=False))
        >>> recognise.short_names("Leshan Kappa Power Technology Co., Ltd.")
        ['Leshan Kappa', 'Leshan Kappa Power', 'Leshan Kappa Power Technology', 'Kappa', 'Kappa Power', \
'Kappa Power Technology']
        """
        core = _LEGAL_TAIL.sub("", name).split()
        lead = 0  # the place words the name starts with ("Leshan" in "Leshan Kappa Power", "Inner Mongolia")
        while lead < len(core) - 1:
            size = next((n for n in (2, 1) if lead + n < len(core) and
                         self.knowledge.resolve(" ".join(core[lead:lead + n]), "Place") is not None), 0)
            if not size:
                break
            lead += size
        found: list[str] = []
        for start in dict.fromkeys((0, lead)):
            words = core[start:]
            for n in range(lead - start + 1, len(words) + 1):
                short = " ".join(words[:n])
                if short in found or short == name or len(short) < 4 or \
                        all(w.lower() in _GENERIC_NAME_WORDS for w in words[:n]) or \
                        (n == 1 and self.knowledge.resolve(short, "Place") is not None):
                    continue
                found.append(short)
        return found

    def _cut_second_name(self, words: str) -> str:
        """A government body or organisation followed by "and" and another name ends before the "and".

        >>> recognise = EntityRecogniser(Knowledge.load(use_registry=False))
        >>> recognise._cut_second_name("Foo Bureau of Economy and Information Technology and Shuangliu District")
        'Foo Bureau of Economy and Information Technology'
        """
        for match in reversed(list(re.finditer(r" and ", words))):
            rest = words[match.end():]
            first = " ".join(rest.split()[:2])
            if re.search(r"\b(?:District|County|City|Province|Prefecture|Municipality|Government|Group|Co\.|Ltd\.|"
                         r"Inc\.|University|Association|Alliance)$", rest) or \
                    self.knowledge.resolve(rest.split()[0], "Place") is not None or \
                    self.knowledge.resolve(first, "Place") is not None:
                return words[:match.start()]
        return words

    def _facility_owner(self, name: str) -> str | None:
        """The company a facility is named after: "EXENCELL Mianyang Factory" → "EXENCELL"."""
        words = name.split()[:-1]
        for i in range(1, len(words)):
            head, place = " ".join(words[:i]), " ".join(words[i:])
            if self.knowledge.resolve(place, "Place") is not None and \
                    self.knowledge.resolve(head, "Place") is None and head[:1].isupper():
                return head
        return None
