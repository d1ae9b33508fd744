"""Relations from the formulaic phrasing of Chinese investment news.

Each rule reads one sentence's mentions and the words between them, as the English surface rules do
(:mod:`graph.ingest.relations`), and proposes relations of the same kinds:

=============================================  ===================================================
"A与B签约" / "A与B签署…协议", "A分别与B、C签约",  signedAgreementWith (战略合作 also partnerOf)
"A、B与C签订" (A and B each with C), "A昨天与B签约",
"A和B分别与C签订"
"A投资…建设…项目", "由A投资建设", "A投资建设的…项目"  investsIn
"A…,该公司/公司…建设的X项目、Y项目"                 investsIn (each project listed)
"A…先后投资B、C等企业"                                investsIn (each company listed)
"A…有限公司(以下简称“B”)X项目"                    investsIn
"项目落户/选址/位于/坐落于Z", "位于Z的…项目", "在Z建设"  locatedIn
"X项目、Y项目两大…项目落户Z", "A所在的Z"          locatedIn
"X项目…Y项目,两个项目分别落户A和B"                  locatedIn (X in A, Y in B)
"赴Z考察A"                                        locatedIn (A in Z)
"由A主办, B承办", "A主办的…大会"                 hosts / organizes
"A出席/参加…大会", "邀请A、B等地参会"                attends
"A旗下(的)B", "B是A的(全资)子公司", "A全资子公司B"   subsidiaryOf
"A旗下…企业B", "B的母公司A"                       subsidiaryOf
"A董事长B", "A董事长B、副总裁C"                    worksFor (with the title)
"A为/向B供应/供货/提供"                            suppliesTo
"A…主要客户包括B、C等"                              suppliesTo (A supplies each)
"A与B(达成|开展|深化)…合作", "A与B合资"           partnerOf
"A与B、C开启合作", "A与B、C共同成立"                partnerOf
"X是A与B…成立的合资公司"                         investsIn X, partnerOf (the founders)
"由A和B旗下C成立的合资公司X"                        investsIn X, partnerOf (A and C)
"A拟与B成立合资公司X"                             investsIn X, partnerOf (the founders)
"四川省宜宾市"                                    locatedIn (a place in the place before it)
=============================================  ===================================================

>>> from graph.ingest.extractor import Extractor
>>> result = Extractor(use_registry=False).extract("宜宾市人民政府与四川华鼎新材料有限公司签署战略合作协议。")
>>> sorted((r["subject"], r["kind"], r["object"]) for r in result.as_dict()["relations"])[:1]
[("People's Government of Yibin City", 'partnerOf', '四川华鼎新材料有限公司')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import takewhile

from .chinese import FOUNDS_VENTURE
from .chinese_references import ChineseReferences
from .chinese_text import CJK
from .relations import (
    EVENT,
    ORG,
    PLACEISH,
    Phrasing,
    SentenceContext,
    SentenceMention,
    listed_together,
    project_and_place,
)

__all__ = ["CHINESE_RULES", "CHINESE_PHRASING"]

# the verbs that say an event took place ("大会在宜宾召开", "将在宜宾拉开帷幕"); 开启 dates an event too, but
# "在宜宾开启" as often starts a project's work
_HELD = r"召开|举行|举办|开幕|启幕|拉开帷幕"

#: How Chinese news refers to its event or project, and the words that date them.
CHINESE_PHRASING = Phrasing(
    event_reference=re.compile(r"大会|会议|论坛|峰会|博览会|本届|此次会"),
    project_reference=re.compile(r"项目|基地"),
    held=re.compile(rf"{_HELD}|开启"),
    signed=re.compile(r"签约|签署|签订"),
    references=True,
    reader=ChineseReferences,
)

_AND = r"\s*(?:与|和|同|跟|及|以及|、|,|，)\s*"
_AND_LIST = re.compile(_AND)
_ENUMERATION = re.compile(r"\s*、\s*")  # a list's own comma, never "and" nor a clause's comma
_PARTY_KINDS = ORG | {"Place", "IndustrialPark"}


def _between(ctx: SentenceContext, a: SentenceMention, b: SentenceMention) -> str:
    return ctx.view.between(a, b)


def _runs(ctx: SentenceContext, kinds, before: int) -> list[list[SentenceMention]]:
    """Runs of mentions joined by 与 / 和 / 、 ending before sentence offset ``before``."""
    ms = [m for m in ctx.mentions if m.kind in kinds and ctx.view.offset(m) < before]
    runs: list[list[SentenceMention]] = []
    for m in ms:
        if runs and re.fullmatch(_DEFINES_SHORT, _between(ctx, runs[-1][-1], m)):
            continue  # "四川任投科技集团有限公司(以下简称:任投集团)": the short name is the one before it
        if runs and re.fullmatch(_AND, _between(ctx, runs[-1][-1], m)):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


_DEFINES_SHORT = re.compile(r"\s*[(（]\s*(?:以下简称|以下称|下称|简称)\s*[:：]?\s*[“\"「]?")
# the short name an article defines in brackets right after a name, whole: (以下简称“四川储元”)
_DEFINED_SHORT_AFTER = re.compile(_DEFINES_SHORT.pattern + r"[^()（）“”\"「」]{1,15}[”\"」]?\s*[)）]")


def signed(ctx: SentenceContext) -> None:
    """"A与B签约", "A与B签署…协议", "A、B、C签约", "A分别与B、C签署": the parties of a signing."""
    for trigger in re.finditer(r"签约|签署|签订|签下", ctx.view.text):
        runs = _runs(ctx, _PARTY_KINDS, trigger.start())
        if not runs:
            continue
        run = runs[-1]
        if len(run) == 1 and run[0].kind == "Place" and len(runs) > 1 and \
                re.fullmatch(r"\s*在\s*", _between(ctx, runs[-2][-1], run[0])):
            runs, run = runs[:-1], runs[-2]  # "A与B在成都签署": 成都 is where they sign, no party
        tail = ctx.view.text[run[-1].end - ctx.view.start:trigger.start()]
        if len(tail) > 40 or re.search(r"[。；;]", tail):
            continue
        parties = run
        lead = ctx.view.text[:run[0].start - ctx.view.start]
        split = re.search(r"分别(?:与|和|同)\s*$", lead)
        head = None
        venue = _signed_at(ctx, run, lead)
        if venue:  # "A在成都与B签署": 成都 is where, A and B sign
            head, parties, split = venue[0], venue[1], None
        heads = [head] if head else []
        if split:  # "A分别与B、C签约": A signs with each; "A和B分别与C签订": so do A and B
            before = _runs(ctx, _PARTY_KINDS, ctx.view.offset(run[0]))
            heads = before[-1] if before else []
        heads = heads or _signers_before_with(ctx, runs)
        if heads:
            pairs = [(h, p) for h in heads for p in parties]
        else:
            pairs = _sides(ctx, parties, ctx.view.text[trigger.start():trigger.start() + 40]) or \
                [(a, b) for i, a in enumerate(parties) for b in parties[i + 1:]]
        if not pairs:
            continue
        deal = ctx.view.text[trigger.start():trigger.start() + 40]
        cooperation = re.search(r"战略合作|合作协议|合作框架|框架协议|战略联盟", deal)
        for a, b in pairs:
            ctx.add(a.key, "signedAgreementWith", b.key, 0.75, "zh-signed")
            if cooperation:
                ctx.add(a.key, "partnerOf", b.key, 0.65, "zh-signed-cooperation")
        ctx.finder.parties = [pairs[0][0].key, pairs[0][1].key]
        projects = [m for m in ctx.mentions if m.kind == "InvestmentProject" and m.start > trigger.start()] \
            or ([m for m in ctx.projects]) or []
        project = projects[0].key if projects else ctx.project
        if project and re.search(r"投资|项目", ctx.view.text):
            for party in dict.fromkeys(p for pair in pairs for p in pair):  # in the order they sign
                if party.kind == "Company":
                    ctx.add(party.key, "investsIn", project, 0.6, "zh-signed-project")


def _signers_before_with(ctx: SentenceContext, runs: list[list[SentenceMention]]) -> list[SentenceMention]:
    """"A昨天与B签署", "重庆聚焦…行业,同B、C等签订…协议": the parties of the run before 与 / 同, when words stand between
    them and the run after it (the subject of the clause signs with each party after the preposition); "A、B等7家校企和
    C、D签订": a list closed by 等 and what it counts, then 和, is one side too."""
    if len(runs) < 2:
        return []
    between = ctx.view.text[runs[-2][-1].end - ctx.view.start:runs[-1][0].start - ctx.view.start]
    if len(between) > 40 or not (re.fullmatch(r"[^。；;由在与和同跟]*?(?:与|同|跟)\s*", between) or
                                 re.fullmatch(r"等[^。；;，,由在与和同跟]{0,10}?和\s*", between)):
        return []
    return runs[-2]


def _sides(ctx: SentenceContext, parties: list[SentenceMention], deal: str) \
        -> list[tuple[SentenceMention, SentenceMention]]:
    """"A、B与C签订…协议": the parties listed before 与 are one side and sign with those after it, not with each
    other (unless the agreement is of three or more parties: 三方协议). The pairs, or none when the run does not
    read so."""
    joints = [_between(ctx, a, b).strip() for a, b in zip(parties, parties[1:], strict=False)]
    ands = [i for i, joint in enumerate(joints) if joint in ("与", "和", "同", "跟")]
    if len(ands) != 1 or "、" not in joints or re.match(r"[^，,。；;]{0,12}?(?:三方|四方|多方)", deal):
        return []
    left, right = parties[:ands[0] + 1], parties[ands[0] + 1:]
    return [(a, b) for a in left for b in right]


def _signed_at(ctx: SentenceContext, run: list[SentenceMention], lead: str):
    """"A在成都与B签署…": the place after 在 is where the signing was, not a party; A (the party before 在)
    signs with the rest of the run. ``(A, rest)``, or ``None`` when the run does not start so."""
    if len(run) < 2 or run[0].kind != "Place" or not re.search(r"在\s*$", lead) or \
            not re.fullmatch(r"\s*(?:与|和|同|跟)\s*", _between(ctx, run[0], run[1])):
        return None
    signers = [m for m in ctx.mentions if m.kind in _PARTY_KINDS and m.end <= run[0].start]
    if not signers or not re.fullmatch(r"[^，,。；;]{0,8}?在\s*", ctx.view.text[signers[-1].end - ctx.view.start:
                                                                              run[0].start - ctx.view.start]):
        return None
    return signers[-1], run[1:]


def invests(ctx: SentenceContext) -> None:
    """"A投资…建设…项目", "由A投资建设", "A投资建设的X项目", "A拟投资50亿元在Z建设X"."""
    text = ctx.view.text
    for trigger in re.finditer(r"(?:拟|计划|将|总)?投资(?:新建|建设|兴建|打造)?|出资|投建|建设|新建|布局", text):
        investors = [m for m in ctx.mentions if m.kind in ORG and ctx.view.offset(m) < trigger.start()]
        if not investors:
            continue
        investor = investors[-1]
        gap = text[investor.end - ctx.view.start:trigger.start()]
        if len(gap) > 25 or re.search(r"[，,。；;]", gap) and not re.match(r"^\s*(?:公司)?[，,]?", gap):
            continue
        if re.search(r"与|和|同", gap):
            continue  # "A与B投资" is a signing, read by the signing rule
        projects = [m for m in ctx.mentions if m.kind == "InvestmentProject" and m.start - ctx.view.start >=
                    trigger.start()]
        project = projects[0] if projects else None
        if project is None and ctx.project and not re.search(r"由", gap):
            continue
        if project is None:
            continue
        if re.search(r"[。；;]", text[trigger.start():project.start - ctx.view.start]):
            continue
        for listed in _with_listed(ctx, project):
            ctx.add(investor.key, "investsIn", listed.key, 0.7, "zh-invests")


_LIST = re.compile(r"\s*(?:、|和|及|以及)\s*")


def _with_listed(ctx: SentenceContext, first: SentenceMention) -> list[SentenceMention]:
    """A project and the projects listed after it: "X项目、Y项目、Z项目等3个项目" (each is what the verb before says)."""
    following = ctx.mentions[ctx.mentions.index(first):]
    return listed_together(ctx.view, list(takewhile(lambda m: m.kind == "InvestmentProject", following)), _LIST)


def _companies_listed_at(ctx: SentenceContext, offset: int) -> list[SentenceMention]:
    """The companies listed together (with 、) from sentence offset ``offset`` on, the first starting right there;
    none if a company does not."""
    following = [m for m in ctx.mentions if ctx.view.offset(m) >= offset]
    if not following or following[0].kind != "Company" or ctx.view.offset(following[0]) != offset:
        return []
    return listed_together(ctx.view, list(takewhile(lambda m: m.kind == "Company", following)), _LIST)


def invests_in_companies(ctx: SentenceContext) -> None:
    """"自贡高投集团…,先后投资兴储世纪科技股份有限公司、凯盛(自贡)新能源有限公司等企业": the company the sentence names
    last before the verb (else the story's) invests in each company listed right after it."""
    text = ctx.view.text
    for match in re.finditer(r"(?:先后|相继|分别|战略)?(?:投资|入股|参股)了?", text):
        companies = _companies_listed_at(ctx, match.end())
        investor = _company_referred(ctx, match.start()) if companies else None
        for company in companies:
            if investor is not None and company.key != investor:
                ctx.add(investor, "investsIn", company.key, 0.6, "zh-invests-in-companies")


# "该公司", "公司" opening a clause: the company the sentence or the story is about
# how a sentence refers to a company it does not name
_THE_COMPANY_WORDS = r"该公司|本公司|公司|该企业"
_THE_COMPANY = re.compile(rf"(?:(?<=^)|(?<=[，,。；;：:“\"—\s]))(?:{_THE_COMPANY_WORDS})")


def _in_a_name(ctx: SentenceContext, offset: int) -> bool:
    """Whether sentence offset ``offset`` falls inside a mention: 公司 ending a company's name is no reference."""
    return any(ctx.view.offset(m) <= offset < ctx.view.offset(m) + len(m.text) for m in ctx.mentions)


def _company_referred(ctx: SentenceContext, reference: int) -> str | None:
    """The company "该公司" at sentence offset ``reference`` stands for: the one named last before it in the
    sentence, else the one the story is about lately."""
    named = [m for m in ctx.mentions if m.kind == "Company" and ctx.view.offset(m) + len(m.text) <= reference]
    return named[-1].key if named else ctx.finder.current_company


def the_company_invests(ctx: SentenceContext) -> None:
    """"…从国家电投集团重庆电力有限公司获悉,该公司筹备建设的X项目、Y项目…", "川发龙蟒发布公告,公司计划在Z投资…建设X项目":
    the company a clause opens with by reference (the one named last before, else the story's) invests in what
    the clause builds."""
    text = ctx.view.text
    for match in _THE_COMPANY.finditer(text):
        if _in_a_name(ctx, match.start()):
            continue
        verb = re.match(r"[^，,。；;]{0,40}?(?:投资建设|投资新建|投资兴建|筹备建设|筹建|投建|建设|新建|投资|(?:拟|计划|将)启动)(?:的)?",
                        text[match.end():])
        if not verb:
            continue
        after = match.end() + verb.end()
        projects = [m for m in ctx.mentions if m.kind == "InvestmentProject" and ctx.view.offset(m) >= after]
        if not projects or re.search(r"[，,。；;]", text[after:ctx.view.offset(projects[0])]) or \
                ctx.view.offset(projects[0]) - after > 12:
            continue
        investor = _company_referred(ctx, match.start())
        if investor is None:
            continue
        for project in _with_listed(ctx, projects[0]):
            ctx.add(investor, "investsIn", project.key, 0.65, "zh-the-company-invests")


# a company's legal name, ending in its legal form: what a project written right after it is named without
_LEGAL_NAME_END = re.compile(r"(?:有限公司|有限责任公司)$")


def company_then_project(ctx: SentenceContext) -> None:
    """"钠美新能源科技有限公司(年产1.5GWh钠离子电池项目)": the project in brackets after a company is its own, as is
    the project written right after its company's legal name ("四川金汇能新材料股份有限公司锂离子电池负极材料生产基地"),
    or after the short name the article gives it ("四川储元世纪新能源科技有限公司(以下简称“四川储元”)年产5吉瓦时…项目")."""
    ms = ctx.mentions
    for a, b in zip(ms, ms[1:], strict=False):
        if a.kind in ORG and b.kind == "InvestmentProject" and _between(ctx, a, b) in ("(", "（"):
            ctx.add(a.key, "investsIn", b.key, 0.7, "zh-company-project-in-brackets")
        elif a.kind == "Company" and b.kind == "InvestmentProject" and not _between(ctx, a, b) and \
                _LEGAL_NAME_END.search(a.text):
            ctx.add(a.key, "investsIn", b.key, 0.7, "zh-company-then-project")
    for a in (m for m in ms if m.kind == "Company" and _LEGAL_NAME_END.search(m.text)):
        defined = _DEFINED_SHORT_AFTER.match(ctx.view.after(a, 30))
        if defined is None:
            continue
        b = next((m for m in ms if m.start == a.end + defined.end()), None)
        if b is not None and b.kind == "InvestmentProject":
            ctx.add(a.key, "investsIn", b.key, 0.7, "zh-company-then-project")


def invested_by(ctx: SentenceContext) -> None:
    """"由A投资建设", "X项目由A投资", "A投资建设的X"."""
    text = ctx.view.text
    for match in re.finditer(r"由\s*", text):
        after = [m for m in ctx.mentions if ctx.view.offset(m) >= match.end()]
        if not after or after[0].kind not in ORG or ctx.view.offset(after[0]) != match.end():
            continue
        investor = after[0]
        rest = text[investor.end - ctx.view.start:]
        # "由江苏铭丰电子材料科技有限公司(简称:江苏铭丰)投资建设": the name the article gives it may come between
        if not re.match(r"\s*(?:[(（][^()（）]{1,20}[)）])?\s*(?:等)?(?:公司|企业)?(?:投资|出资|全资|控股|建设|投建|打造|开发)",
                        rest):
            continue
        project = next((m for m in reversed(ctx.mentions) if m.kind == "InvestmentProject" and m.end <=
                        investor.start), None)
        if project is None:
            project = next((m for m in ctx.mentions if m.kind == "InvestmentProject" and m.start > investor.end), None)
        key = project.key if project else ctx.project
        if key:
            ctx.add(investor.key, "investsIn", key, 0.75, "zh-invested-by")


def located(ctx: SentenceContext) -> None:
    """"项目落户/选址/位于/坐落于/注册于Z", "位于Z的X", "Z的X公司", "Z…这里有A、B等企业", "在Z(投资)建设X", "X在Z开工"."""
    text = ctx.view.text
    things = {"InvestmentProject", "Company", "IndustrialPark", "Facility", "Conference", "Event"}
    for trigger in re.finditer(r"落户(?:于|在|到)?|落地(?:于|在)?|落子|选址(?:于|在)?|位于|坐落(?:于|在)|建于|建在|入驻|扎根|注册(?:于|在)",
                               text):
        places = [m for m in ctx.mentions if m.kind in PLACEISH and ctx.view.offset(m) >= trigger.end()]
        if not places or ctx.view.offset(places[0]) - trigger.end() > 4:
            continue
        place = _most_specific(ctx, places)
        if re.match(r"\s*、", text[place.end - ctx.view.start:]):
            continue  # "招引落地浙江正凯…产业园、赣锋锂业…项目": the park is the first of what settles, no place
        before = [m for m in ctx.mentions if m.kind in things and ctx.view.offset(m) < trigger.start()]
        counted = _projects_counted(ctx, before, trigger.start())
        if counted:  # "X项目、Y项目两大…重大项目落户彭州": each project listed settles there
            for project in counted:
                ctx.add(project.key, "locatedIn", place.key, 0.7, "zh-located-listed")
            continue
        after_de = re.match(rf"[{CJK}A-Za-z0-9()（）]*?的", text[place.end - ctx.view.start:])
        if trigger.group(0).startswith("位于") and after_de:  # "位于Z的X": the thing follows
            following = [m for m in ctx.mentions if m.kind in things and m.start >= place.end]
            subject = following[0].key if following else None
        elif before and re.search(r"项目|基地|工厂|生产线|工程", text[before[-1].end - ctx.view.start:trigger.start()]):
            continue  # "考察A公司 推动…材料项目落户射洪", "而二期工厂也选择落地两江新区": an unnamed project settles, not A
        elif before:
            subject = before[-1].key
        else:
            subject = ctx.project
        if subject and subject != place.key:
            ctx.add(subject, "locatedIn", place.key, 0.7, "zh-located")
        if before and before[-1].kind == "Company" and subject == before[-1].key:
            for company in _listed_before(ctx, before):  # "杉杉锂电、中航锂电、美国雅保…等企业纷纷落子彭山"
                ctx.add(company.key, "locatedIn", place.key, 0.65, "zh-located-listed")
    for park in (m for m in ctx.mentions if m.kind in PLACEISH and m.cls != "Country"):  # "四川彭山经开区的眉山茵地乐科技有限公司"
        company = next((m for m in ctx.mentions if m.kind == "Company" and m.start > park.end), None)
        if company is not None and re.fullmatch(r"\s*的\s*", ctx.view.between(park, company)) and \
                not re.search(r"(?:走进|来到|参观|考察|走访|前往|赴)\s*$", ctx.view.before(park, 6)):
            ctx.add(company.key, "locatedIn", park.key, 0.6, "zh-place-of-company")
    for trigger in re.finditer(r"所在(?:的|地)", text):  # "以四川时代所在的三江新区为圆心": A is in Z
        before = [m for m in ctx.mentions if m.kind in things and ctx.view.offset(m) + len(m.text) == trigger.start()]
        after = [m for m in ctx.mentions if m.kind in PLACEISH and ctx.view.offset(m) == trigger.end()]
        if before and after and before[-1].key != after[0].key:
            ctx.add(before[-1].key, "locatedIn", _most_specific(ctx, after).key, 0.7, "zh-where-it-is")
    for trigger in re.finditer(r"落户|落地|入驻|引进|引入|(?:聚集|集聚|汇聚)(?:了)?", text):  # "邛崃市…已落户融捷锂业、上海璞泰来等企业"
        places = [m.key for m in ctx.mentions if m.kind in PLACEISH and ctx.view.offset(m) < trigger.start()]
        if not places and ctx.finder.current_place and re.match(r"[^，,。]{0,6}$", text[:trigger.start()]):
            places = [ctx.finder.current_place]  # "邛崃市将…；目前已落户…": the place the sentence before is about
        if places:
            _companies_settle(ctx, trigger.end(), places[-1], "zh-settled-in")  # the place nearest the verb
    for trigger in re.finditer(r"(?:这里|这儿|此处|区内|园区内)(?:已)?(?:有|聚集了|集聚了|汇聚了)", text):
        # "铜梁正在全力打造新型储能产业高地,这里有海辰、兴恒、金汇能等储能产业龙头企业": the place the sentence opens with
        opening = [m for m in ctx.mentions if m.kind in PLACEISH and m.cls != "Country" and
                   ctx.view.offset(m) <= 6 and ctx.view.offset(m) < trigger.start()]
        if opening and not re.search(r"[。；;]", text[:trigger.start()]):
            _companies_settle(ctx, trigger.end(), _most_specific(ctx, opening).key, "zh-settled-in")
    for trigger in re.finditer(r"吸引(?:着|了)?", text):  # "Z正吸引着A、B等越来越多的企业入驻": A and B settle in Z
        places = [m for m in ctx.mentions if m.kind in PLACEISH and ctx.view.offset(m) < trigger.start()]
        if places and re.search(r"入驻|落户|落地|扎根", text[trigger.end():]):
            _companies_settle(ctx, trigger.end(), places[-1].key, "zh-drawn-to")
    for project in (m for m in ctx.mentions if m.kind == "InvestmentProject"):  # "宜宾市南溪区10万吨磷酸铁锂项目"
        places = [m for m in ctx.mentions if m.kind == "Place" and m.end == project.start]
        if places:
            ctx.add(project.key, "locatedIn", places[-1].key, 0.65, "zh-place-before-project")
    for trigger in re.finditer(r"在\s*", text):
        places = [m for m in ctx.mentions if m.kind in PLACEISH and ctx.view.offset(m) >= trigger.end()]
        if not places or ctx.view.offset(places[0]) != trigger.end():
            continue
        place = _most_specific(ctx, places)
        rest = text[place.end - ctx.view.start:]
        verb = re.match(rf"\s*(?:[^，,。；;]{{0,12}}?)(?:投资)?(?:建设|新建|开工|投产|{_HELD}|落地|打造|布局|启动|动工|开建|奠基)",
                        rest)
        if not verb:
            continue
        targets = [m for m in ctx.mentions if m.kind in things and m.start > place.end]
        subject = targets[0].key if targets and targets[0].kind in ("InvestmentProject", "Conference", "Event") \
            else (ctx.event if CHINESE_PHRASING.held.search(verb.group(0)) else
                  _project_before(ctx, trigger.start()) or ctx.project)
        if subject and subject != place.key:
            ctx.add(subject, "locatedIn", place.key, 0.65, "zh-in-place")
            park = _park_before_bracket(ctx, places, place)
            if park is not None:
                ctx.add(subject, "locatedIn", park.key, 0.65, "zh-in-park-bracketed")


def settled_respectively(ctx: SentenceContext) -> None:
    """"…《X项目投资协议》和《Y项目投资协议书》,两个项目分别落户A和B": the projects the sentence names, in order, settle
    one in each place listed after 分别落户 (a place written with its city, 内江威远县, is its most specific)."""
    text = ctx.view.text
    for trigger in re.finditer(r"分别(?:落户|落地|选址|位于)(?:于|在|到)?", text):
        groups: list[list[SentenceMention]] = []
        at = trigger.end()
        for m in (m for m in ctx.mentions if ctx.view.offset(m) >= trigger.end() and m.kind in PLACEISH):
            gap = text[at:ctx.view.offset(m)]
            if groups and not gap.strip():
                groups[-1].append(m)  # 内江 and 威远县: one place, written with its city
            elif not groups and not gap.strip() or groups and re.fullmatch(_LIST, gap):
                groups.append([m])
            else:
                break
            at = ctx.view.offset(m) + len(m.text)
        projects = list(dict.fromkeys(m.key for m in ctx.mentions if m.kind == "InvestmentProject" and
                                      ctx.view.offset(m) < trigger.start()))
        if len(groups) < 2 or len(projects) != len(groups):
            continue
        for project, group in zip(projects, groups, strict=True):
            ctx.add(project, "locatedIn", _most_specific(ctx, group).key, 0.65, "zh-settled-respectively")


def settled_in_the_park(ctx: SentenceContext) -> None:
    """"浙江正凯、江西赣锋锂业等行业龙头企业相继落地开发区": the companies listed settle in the park the story named
    before, which the sentence calls by its kind alone."""
    text = ctx.view.text
    park = ctx.finder.current_park
    for trigger in re.finditer(rf"(?:落户|落地|入驻|扎根)(?:于|在|到)?(?=(?:开发区|经开区|高新区|园区|产业园)(?![{CJK}]))",
                               text):
        before = [m for m in ctx.mentions if ctx.view.offset(m) + len(m.text) <= trigger.start()]
        if park is None or not before or before[-1].kind != "Company" or not re.fullmatch(
                r"\s*(?:等[^，,。；;、]{0,10}?)?(?:相继|陆续|先后|纷纷|已|均)*\s*",
                text[before[-1].end - ctx.view.start:trigger.start()]):
            continue
        for company in [before[-1], *_listed_before(ctx, before)]:
            ctx.add(company.key, "locatedIn", park, 0.6, "zh-settled-in-the-park")


def _listed_before(ctx: SentenceContext, before: list[SentenceMention]) -> list[SentenceMention]:
    """The companies listed with 、 (or 和, 及) before the last of ``before``, itself left out: 浙江正凯 of "浙江正凯、江西赣锋锂业"."""
    listed = [before[-1]]
    for previous in reversed(before[:-1]):
        if previous.kind != "Company" or not re.fullmatch(_LIST, _between(ctx, previous, listed[0])):
            break
        listed.insert(0, previous)
    return listed[:-1]


def _companies_settle(ctx: SentenceContext, after: int, place: str, rule: str) -> None:
    """The companies listed right after sentence offset ``after`` (a verb of settling) are in ``place``."""
    following = [m for m in ctx.mentions if ctx.view.offset(m) >= after]
    if not following or following[0].kind not in ORG or ctx.view.offset(following[0]) - after > 2:
        return
    for company in listed_together(ctx.view, list(takewhile(lambda m: m.kind in ORG, following)), _AND_LIST):
        ctx.add(company.key, "locatedIn", place, 0.6, rule)


def _projects_counted(ctx: SentenceContext, before: list[SentenceMention], trigger: int) -> list[SentenceMention]:
    """The projects listed before a count of them that ends just before sentence offset ``trigger``: "先进碳材制造基地
    项目、新能源…基地项目两大新能源产业领域重大项目落户彭州" (the subject of the verb is the list)."""
    if not before or before[-1].kind != "InvestmentProject" or not re.fullmatch(
            r"\s*(?:等)?(?:[两二三四五六七八九十]|\d+)(?:大|个)[^，,。；;、]{0,14}?项目\s*",
            ctx.view.text[before[-1].end - ctx.view.start:trigger]):
        return []
    listed = [before[-1]]
    projects = [m for m in before if m.kind == "InvestmentProject"]
    for previous in reversed(projects[:-1]):
        if not re.fullmatch(_LIST, _between(ctx, previous, listed[0])):
            break
        listed.insert(0, previous)
    return listed


def visited_in(ctx: SentenceContext) -> None:
    """"赴厦门考察厦门钨业股份有限公司", "在四川,采访团先后走进四川杉杉新材料有限公司和成都巴莫科技有限责任公司": the
    organisations a delegation visits in a place are there."""
    text = ctx.view.text
    for trigger in re.finditer(r"(?:赴|到|前往|来到)\s*", text):
        places = [m for m in ctx.mentions if m.kind == "Place" and ctx.view.offset(m) == trigger.end()]
        visit = places and re.match(r"\s*(?:考察|调研|走访|参观)(?:了)?\s*", text[places[0].end - ctx.view.start:])
        if visit:
            _visited_there(ctx, places[0].end - ctx.view.start + visit.end(), places[0])
    opening = re.match(r"\s*在\s*", text)  # the place the sentence opens with, the visit in the clause after
    places = [m for m in ctx.mentions if m.kind == "Place" and opening and ctx.view.offset(m) == opening.end()]
    if places:
        place = _most_specific(ctx, places)
        visit = re.match(r"[^，,。；;]*[，,][^，,。；;]{0,16}?(?:先后|相继|分别)?(?:走进|来到|参观|考察|走访)(?:了)?\s*",
                         text[place.end - ctx.view.start:])
        if visit:
            _visited_there(ctx, place.end - ctx.view.start + visit.end(), place)


def _visited_there(ctx: SentenceContext, at: int, place: SentenceMention) -> None:
    """The organisations listed from sentence offset ``at`` (right after a verb of visiting) are in ``place``."""
    visited = [m for m in ctx.mentions if m.kind in ORG and ctx.view.offset(m) >= at]
    if visited and ctx.view.offset(visited[0]) == at:
        for m in listed_together(ctx.view, visited, _AND_LIST):
            ctx.add(m.key, "locatedIn", place.key, 0.6, "zh-visited-in")


def _project_before(ctx: SentenceContext, before: int) -> str | None:
    """The project whose name ends just before sentence offset ``before``, maybe followed by 建设 or 正式:
    "亿纬锂能成都动力储能电池一期项目建设在成都经开区正式启动"."""
    projects = [m for m in ctx.mentions if m.kind == "InvestmentProject" and ctx.view.offset(m) < before]
    if projects and re.fullmatch(r"\s*(?:建设|工程|正式|将|已|也)?\s*",
                                 ctx.view.text[projects[-1].end - ctx.view.start:before]):
        return projects[-1].key
    return None


def _most_specific(ctx: SentenceContext, places: list[SentenceMention]) -> SentenceMention:
    """The last of places written one after the other: 四川省眉山市甘眉工业园区 → 甘眉工业园区."""
    place = places[0]
    for following in places[1:]:
        if _between(ctx, place, following).strip("()（） "):
            break
        place = following
    return place


def _park_before_bracket(ctx: SentenceContext, places: list[SentenceMention], place: SentenceMention) \
        -> SentenceMention | None:
    """The park a district in brackets follows, the same area under its other name: 成都经开区 in
    "成都经开区(龙泉驿区)" (a thing there is in both)."""
    index = places.index(place)
    if index and places[index - 1].kind == "IndustrialPark" and \
            _between(ctx, places[index - 1], place).strip() in ("(", "（"):
        return places[index - 1]
    return None


def hosted(ctx: SentenceContext) -> None:
    """"由A主办, B、C承办", "A主办的X大会", "由A组织在成都召开了X推进会"."""
    text = ctx.view.text
    event = ctx.event
    for match in re.finditer(r"(?:联合|共同)?(主办|承办|协办|支持|组织)", text):
        role = "hosts" if match.group(1) in ("主办", "组织") and not re.match(r"联合|共同", match.group(0)) \
            else "organizes"
        if match.group(1) == "支持":
            continue
        runs = _runs(ctx, ORG | {"Place"}, match.start())
        if not runs:
            continue
        run = runs[-1]
        if match.group(1) == "组织" and not (re.search(r"由\s*$", ctx.view.before(run[0], 2)) and
                                           re.match(r"[^,，;；]{0,12}?(?:召开|举办|举行)", text[match.end():])):
            continue  # only "由A组织(在成都)召开…": 组织 also means "gets others to" (组织企业参加)
        gap = text[run[-1].end - ctx.view.start:match.start()]
        if len(gap) > 3:
            continue
        target = event
        after = re.match(r"\s*的\s*", text[match.end():])
        if after:
            following = [m for m in ctx.mentions if m.kind in EVENT and ctx.view.offset(m) >= match.end()]
            target = following[0].key if following else target
        if target is None:
            continue
        for m in run:
            if m.key not in ctx.roles:
                ctx.add(m.key, role, target, 0.8, f"zh-{role}")
                ctx.roles[m.key] = role


def attends(ctx: SentenceContext) -> None:
    """"A出席/参加…", "A莅临", "A在大会上致辞", "邀请A、B等地参会", "设立A、B双主宾国"."""
    if not ctx.event:
        return
    text = ctx.view.text
    for match in re.finditer(r"出席|参加|参会|莅临|致辞|发表演讲|作主旨演讲|参展|亮相", text):
        guests = _runs(ctx, ORG | {"Person", "Place"}, match.start())
        if guests and re.search(r"邀请了?\s*$", ctx.view.before(guests[-1][0], 4)):
            # "大会还邀请了成都、德阳、绵阳等地参会": the places (or others) invited attend
            if len(text[guests[-1][-1].end - ctx.view.start:match.start()]) <= 4:
                for m in guests[-1]:
                    if m.key not in ctx.roles and m.key != ctx.event:
                        ctx.add(m.key, "attends", ctx.event, 0.6, "zh-invited")
            continue
        runs = _runs(ctx, ORG | {"Person"}, match.start())
        if not runs:
            continue
        for m in runs[-1]:
            if m.key not in ctx.roles and m.key not in ctx.employers and m.key != ctx.event:
                ctx.add(m.key, "attends", ctx.event, 0.65, "zh-attends")
    # "设立匈牙利、老挝双主宾国和浙江、青海双主宾省", "将邀请阿联酋担任主宾国": the guests of honour attend
    for match in re.finditer(r"(?:担任|作为|为)?(?:双|两个|两)?主宾(?:国|省|城市|市)", text):
        places = [m for m in ctx.mentions if m.kind == "Place" and m.end - ctx.view.start <= match.start()]
        if not places or text[places[-1].end - ctx.view.start:match.start()].strip():
            continue
        guests = [places[-1]]
        for previous in reversed(places[:-1]):  # back along the list: "匈牙利、老挝"
            if _between(ctx, previous, guests[-1]).strip() != "、":
                break
            guests.append(previous)
        for m in reversed(guests):
            ctx.add(m.key, "attends", ctx.event, 0.6, "zh-guest-of-honour")


# "吉利汽车旗下新能源汽车企业极氪汽车": the kind of company the subsidiary is, between the parent and its name
_OWNED_KIND = re.compile(rf"\s*(?:通过)?(?:旗下|下属)(?:的)?[{CJK}]{{0,8}}?(?:企业|公司|品牌)\s*(?:——|—|:|：)?\s*")
# "吉利汽车控股有限公司旗下浙江吉润汽车有限公司": the parent, then its company, with the kind of company or without
_OWNED = re.compile(rf"{_OWNED_KIND.pattern}|\s*(?:旗下|下属)(?:的)?\s*")


def joint_venture(ctx: SentenceContext) -> None:
    """"X是A与B于2019年成立的合资公司", "由A和B旗下C成立的合资公司X": each founder invests in the joint venture,
    and the founders are partners (a founder written as its parent's "吉利汽车旗下…极氪汽车" is the subsidiary)."""
    text = ctx.view.text
    for match in re.finditer(r"(?:共同|合资)?(?:成立|组建|设立|组成|出资设立)的(?:合资公司|合资企业)", text):
        orgs = [m for m in ctx.mentions if m.kind in ORG and ctx.view.offset(m) < match.start()]
        verb = next((i for i, m in enumerate(orgs[:-1])
                     if re.fullmatch(r"\s*(?:是|为|系)\s*", _between(ctx, m, orgs[i + 1]))), None)
        if verb is not None:
            venture, named = orgs[verb], orgs[verb + 1:]
        else:  # "由A和B旗下C成立的合资公司D投资建设": the venture named after the words
            venture = next((m for m in ctx.mentions if m.kind == "Company" and ctx.view.offset(m) >= match.end() and
                            re.fullmatch(r"[\s:：—“\"]*", text[match.end():ctx.view.offset(m)])), None)
            named = _founders_before(ctx, orgs, match.start())
            if venture is None or not named:
                continue
        founders = [m for i, m in enumerate(named)
                    if not (i + 1 < len(named) and re.fullmatch(_OWNED, _between(ctx, m, named[i + 1])))]
        joined = all(re.fullmatch(_AND, _between(ctx, a, b)) or re.fullmatch(_OWNED, _between(ctx, a, b))
                     for a, b in zip(named, named[1:], strict=False))
        if len(founders) < 2 or not joined:
            continue
        for i, founder in enumerate(founders):
            ctx.add(founder.key, "investsIn", venture.key, 0.7, "zh-joint-venture")
            for other in founders[i + 1:]:
                ctx.add(founder.key, "partnerOf", other.key, 0.65, "zh-joint-venture")


def _founders_before(ctx: SentenceContext, orgs: list[SentenceMention], verb: int) -> list[SentenceMention]:
    """The organisations listed right before sentence offset ``verb`` (with 与 / 和 / 、, or a parent's "旗下" between),
    the last of them ending there (but for 共同 / 联合)."""
    if not orgs or not re.fullmatch(r"\s*(?:共同|联合|一起)?\s*",
                                    ctx.view.text[ctx.view.offset(orgs[-1]) + len(orgs[-1].text):verb]):
        return []
    named = [orgs[-1]]
    for previous in reversed(orgs[:-1]):
        gap = _between(ctx, previous, named[0])
        if not (re.fullmatch(_AND, gap) or re.fullmatch(_OWNED, gap)) or re.search(r"[，,]", gap):
            break
        named.insert(0, previous)
    return named


def named_venture(ctx: SentenceContext) -> None:
    """"A拟与B成立合资公司C": A and B found C, so each invests in it, and they are partners."""
    text = ctx.view.text
    for match in re.finditer(rf"(?:共同|合资)?(?:出资)?{FOUNDS_VENTURE}", text):
        venture = next((m for m in ctx.mentions if m.kind == "Company" and ctx.view.offset(m) == match.end()), None)
        before = [m for m in ctx.mentions if m.kind in ORG and ctx.view.offset(m) < match.start()]
        if venture is None or len(before) < 2:
            continue
        first, second = before[-2], before[-1]
        # "A出资2.45亿元,拟与B成立": A, then with B, in the clause before the verb
        if not re.search(r"(?:与|和|同)\s*$", _between(ctx, first, second)) or \
                re.search(r"[。；;]", _between(ctx, first, second)) or \
                not re.fullmatch(r"\s*(?:共同|一起|联合)?\s*", text[ctx.view.offset(second) + len(second.text):match.start()]):
            continue
        for founder in (first, second):
            ctx.add(founder.key, "investsIn", venture.key, 0.7, "zh-named-venture")
        ctx.add(first.key, "partnerOf", second.key, 0.65, "zh-named-venture")


def subsidiary(ctx: SentenceContext) -> None:
    """"A旗下(的)B", "B是A的(全资)子公司", "A(的)?全资子公司B", "A控股的B", "B的母公司A"."""
    ms = [m for m in ctx.mentions if m.kind in ORG]
    for a, b in zip(ms, ms[1:], strict=False):
        gap = _between(ctx, a, b)
        if re.fullmatch(r"\s*(?:旗下|下属|所属|控股|的全资子公司|全资子公司|的子公司|子公司|控股子公司|的控股子公司)(?:的)?\s*", gap) or \
                re.fullmatch(_OWNED_KIND, gap):
            # "万华化学通过旗下项目公司——万华化学(烟台)…、万华化学(海阳)…": each company listed
            for owned in listed_together(ctx.view, list(takewhile(lambda m: m.kind == "Company", ms[ms.index(b):])),
                                         _ENUMERATION):
                ctx.add(owned.key, "subsidiaryOf", a.key, 0.8, "zh-subsidiary")
        elif re.fullmatch(r"\s*(?:是|为|系)(?:上市公司|央企|国企|民企)?\s*", gap) and re.match(
                r"\s*的?(?:全资|控股)?子公司", ctx.view.after(b, 12)):
            ctx.add(a.key, "subsidiaryOf", b.key, 0.8, "zh-is-subsidiary")
        elif re.fullmatch(r"\s*(?:的)?(?:母公司|控股股东|控股公司)\s*", gap):
            ctx.add(a.key, "subsidiaryOf", b.key, 0.8, "zh-parent-of")  # "天宜锂业的母公司天华超净"


_TITLE = re.compile(r"(?:党委书记|党组书记|董事长|副董事长|总经理|副总经理|总裁|副总裁|首席执行官|总工程师|创始人|董事|"
                    r"市长|副市长|常务副市长|省长|副省长|县长|副县长|区长|副区长|书记|副书记|主任|副主任|局长|副局长|厅长|副厅长|"
                    r"秘书长|会长|副会长|理事长|负责人|院士|指挥长|副指挥长|校长|副校长|院长|副院长|所长|副所长|教授|研究员)")


# a title as the gap between an organisation and a person writes it: titles joined by 、 or 兼, each maybe led by
# a few words of its own ("党组成员、机关党委书记", "董事长兼CEO", "生产基地负责人")
_TITLE_GAP = re.compile(rf"\s*(?:的)?(?:(?:[{CJK}]{{0,6}}?(?:{_TITLE.pattern}|成员|委员|常委|总监|主席|专员|经理|工程师|助理)|"
                        r"CEO|CTO|CFO|COO|总工)\s*[、兼和及]?\s*)+")


def _is_title_gap(gap: str) -> bool:
    """Whether the words between an organisation and a person are that person's title(s) there.

    >>> _is_title_gap("党组成员、机关党委书记"), _is_title_gap("董事长兼CEO"), _is_title_gap("签约,总经理")
    (True, True, False)
    """
    return bool(_TITLE_GAP.fullmatch(gap)) and not re.search(r"[，,。；;与]", gap) and len(gap) <= 16


def works_for(ctx: SentenceContext) -> None:
    """"A董事长B", "A党委书记、董事长B"."""
    ms = ctx.mentions
    for a, b in zip(ms, ms[1:], strict=False):
        if a.kind in ORG and b.kind == "Person":
            gap = _between(ctx, a, b)
            if re.fullmatch(rf"\s*(?:的)?(?:{_TITLE.pattern}[、,，和及兼]?)+\s*", gap) or (
                    len(gap) <= 8 and re.search(r"(?:长|主任|经理|负责人|书记|总监|总裁|董事|主席|专员|工程师)$", gap)
                    and not re.search(r"[，,。；;与和]", gap)) or _is_title_gap(gap):
                ctx.add(b.key, "worksFor", a.key, 0.85, "zh-org-title-name", jobTitle=gap.strip("的 、,，"))
                ctx.employers.add(a.key)
                _colleagues_listed(ctx, a, b)


# "公司总经理秦蕾", "在其董事长曾毓群看来", "在公司创始人李立飞陪同下": a title held at the company the sentence refers to
_TITLE_AT_THE_COMPANY = re.compile(rf"(?:(?<=^)|(?<=[，,。；;：:“\"”—\s在据由]))(?:{_THE_COMPANY_WORDS}|其)(?:的)?"
                                   r"(?P<title>[^，,。；;“”\"]{1,16})$")


def works_for_the_company(ctx: SentenceContext) -> None:
    """"…不完成任务绝不放假！”公司总经理秦蕾的承诺", "在其董事长曾毓群看来": a person whose title is held at "公司" (or
    "其") works for the company that stands for (:func:`_company_referred`)."""
    text = ctx.view.text
    for person in (m for m in ctx.mentions if m.kind == "Person"):
        match = _TITLE_AT_THE_COMPANY.search(text, 0, ctx.view.offset(person))
        if not match or not _is_title_gap(match.group("title")) or _in_a_name(ctx, match.start()):
            continue  # no title, or 公司 ending a name (works_for's)
        employer = _company_referred(ctx, match.start())
        if employer is not None:
            ctx.add(person.key, "worksFor", employer, 0.7, "zh-title-at-the-company", jobTitle=match.group("title"))


def _colleagues_listed(ctx: SentenceContext, employer: SentenceMention, first: SentenceMention) -> None:
    """"厦门钨业股份有限公司董事长黄长庚、副总裁钟可祥": the people listed after the first, each with a title of
    their own and no organisation, work for the same one."""
    ms = ctx.mentions
    index = ms.index(first)
    for previous, person in zip(ms[index:], ms[index + 1:], strict=False):
        gap = _between(ctx, previous, person)
        if person.kind != "Person" or not gap.lstrip().startswith("、") or \
                not re.fullmatch(rf"\s*(?:{_TITLE.pattern}[、兼]?)+\s*", gap.lstrip()[1:]):
            break
        ctx.add(person.key, "worksFor", employer.key, 0.8, "zh-colleague-listed", jobTitle=gap.lstrip()[1:].strip())


def works_for_each_office(ctx: SentenceContext) -> None:
    """"遂宁市委副书记、遂潼园区临时党委书记景临", "四川省政协副主席、省地方金融监督管理局局长欧阳泽华": a person
    whose offices are listed before the name, each an organisation with its title, works for each of them (the
    organisation next to the name is :func:`works_for`'s)."""
    ms = ctx.mentions
    for i, person in enumerate(ms):
        if person.kind != "Person" or i < 2 or ms[i - 1].kind not in ORG or \
                not _is_title_gap(_between(ctx, ms[i - 1], person)):
            continue
        j = i - 1
        while j >= 1 and ms[j - 1].kind in ORG:
            gap = _between(ctx, ms[j - 1], ms[j])  # "遂宁市委常委,射洪市委书记谭晓政": a comma may stand for 、
            if not (gap.rstrip()[-1:] in ("、", ",", "，") and _is_title_gap(gap.rstrip()[:-1])):
                break
            ctx.add(person.key, "worksFor", ms[j - 1].key, 0.8, "zh-offices-listed",
                    jobTitle=gap.rstrip()[:-1].strip("的 "))
            ctx.employers.add(ms[j - 1].key)
            j -= 1


def supplies(ctx: SentenceContext) -> None:
    """"A为/向B供应/供货/提供", "A成为B的供应商"."""
    ms = [m for m in ctx.mentions if m.kind in ORG]
    for a, b in zip(ms, ms[1:], strict=False):
        gap = _between(ctx, a, b)
        after = ctx.view.after(b, 20)
        if re.fullmatch(r"\s*(?:将|已)?(?:为|向|给)\s*", gap) and re.match(r"\s*[^，,。；;]{0,10}?(?:供应|供货|提供|配套|交付)",
                                                                       after):
            ctx.add(a.key, "suppliesTo", b.key, 0.7, "zh-supplies")
        elif re.fullmatch(r"\s*(?:成为|是)\s*", gap) and re.match(r"\s*的?(?:核心|主要|重要)?(?:供应商|配套商)", after):
            ctx.add(a.key, "suppliesTo", b.key, 0.7, "zh-supplier-of")


def customers_include(ctx: SentenceContext) -> None:
    """"杉杉负极材料总出货量超10万吨,…主要客户包括宁德时代、比亚迪、LG、欣旺达等": the company the sentence names
    last before its customers (else the story's) supplies each customer listed."""
    text = ctx.view.text
    for match in re.finditer(r"(?:主要|核心|重要|下游)?客户(?:群体|群)?(?:包括|包含|涵盖|覆盖|有)了?\s*", text):
        customers = _companies_listed_at(ctx, match.end())
        if not customers:
            continue
        if re.match(r"\s*等?[^，,。；;、]{0,12}?的", ctx.view.after(customers[-1], 16)):
            continue  # "客户包括北京奥运会、上海世博会等重大活动的电动大巴供应商": the list says whose, not who
        supplier = _company_referred(ctx, match.start())
        for customer in customers if supplier else []:
            if customer.key != supplier:
                ctx.add(supplier, "suppliesTo", customer.key, 0.65, "zh-customers-include")


def partners(ctx: SentenceContext) -> None:
    """"A与B(达成|开展|深化|建立)…合作", "A与B、C开启合作", "A与B合资(成立|设立)", "A与B共同成立"."""
    text = ctx.view.text
    # the words between a verb and the cooperation only after a verb: without one, the match would start up to eight
    # characters early, inside the names before it ("德阳市与珠海冠宇举行合作交流座谈会")
    for match in re.finditer(r"(?:(?:达成|开展|深化|建立|推进|加强|签署|举行)[^，,。；;]{0,8}?)?"
                             r"(?:战略合作|合作关系|合资|共建|携手|合作交流|合作共识)|"
                             r"(?:开启|开展|展开|建立|达成)了?合作|共同(?:出资)?(?:成立|设立|组建|发起)", text):
        runs = _runs(ctx, ORG, match.start() + 1)
        if not runs:
            continue
        run = runs[-1]
        place = [m for m in ctx.mentions if m.kind in ("Place", "IndustrialPark") and m.end <= run[0].start]
        if place and re.fullmatch(r"\s*(?:与|同|跟)\s*", _between(ctx, place[-1], run[0])) and \
                len(text[run[-1].end - ctx.view.start:match.start()]) <= 6:
            for partner in run:  # "德阳市与珠海冠宇举行合作交流座谈会", "铜梁区与重庆大学、厦门海辰举行合作交流座谈会"
                ctx.add(place[-1].key, "partnerOf", partner.key, 0.65, "zh-place-partners")
        if len(run) < 2:
            continue
        if len(text[run[-1].end - ctx.view.start:match.start()]) > 6:
            _partners_of_a_kind(ctx, run, text[run[-1].end - ctx.view.start:match.start()])
            continue
        # "A…已与B、C、D等车企建立合作关系": A partners each of the list, whose members are no partners of each other
        opener = re.search(r"(?:与|同|跟)\s*$", ctx.view.before(run[0], 4))
        if opener and "、" in _between(ctx, run[0], run[1]):
            subject = [m.key for m in ctx.mentions if m.kind in ORG and m.end < run[0].start] or \
                [key for key in [ctx.finder.current_company] if key]  # "公司…已与…": the story's company
            for partner in run if subject else []:
                ctx.add(subject[-1], "partnerOf", partner.key, 0.65, "zh-partners-with-list")
            continue
        for i, a in enumerate(run):
            for b in run[i + 1:]:
                ctx.add(a.key, "partnerOf", b.key, 0.65, "zh-partners")


def _partners_of_a_kind(ctx: SentenceContext, run: list[SentenceMention], gap: str) -> None:
    """"彭州与大连理工大学、中科院大连化物所等…优质科研院所均建立了战略合作关系": the place or organisation written right
    before 与 partners each of those listed after it, with the kind they are (等…院所) between them and the verb."""
    if not re.fullmatch(r"\s*等[^，,。；;与和]{0,20}?(?:均|都|先后|分别)?(?:已|已经)?(?:达成|开展|深化|建立|推进|加强|签署)?了?\s*",
                        gap):
        return
    before = [m for m in ctx.mentions if m.kind in _PARTY_KINDS and m.end <= run[0].start]
    if not before or not re.fullmatch(r"\s*(?:与|同|跟)\s*", _between(ctx, before[-1], run[0])):
        return
    for partner in run:
        ctx.add(before[-1].key, "partnerOf", partner.key, 0.65, "zh-partners-of-a-kind")


def place_chain(ctx: SentenceContext) -> None:
    """"四川省宜宾市叙州区": each place in the one written before it, where the gazetteer agrees; a park named
    after a place ("宜宾三江新区") lies in it; a town written after a park ("三江新区宋家镇") lies in the park."""
    ms = ctx.mentions
    for a, b in zip(ms, ms[1:], strict=False):
        if a.kind == "Place" and b.kind in PLACEISH and not _between(ctx, a, b).strip():
            chain = ctx.finder.ancestors(b.key)
            if a.key in chain[:2] or (not chain and b.kind != "Place"):
                ctx.add(b.key, "locatedIn", a.key, 0.7, "zh-place-chain")
        elif a.kind == "IndustrialPark" and b.kind == "Place" and re.search(r"(?:镇|乡|街道)$", b.text) and \
                not _between(ctx, a, b).strip():
            ctx.add(b.key, "locatedIn", a.key, 0.65, "zh-town-of-park")  # "宜宾三江新区宋家镇": a new area's town


#: The Chinese rules, in the order they run.
CHINESE_RULES: list[Callable[[SentenceContext], None]] = [
    works_for, works_for_each_office, works_for_the_company, hosted, attends, signed, company_then_project, invested_by,
    invests, the_company_invests, invests_in_companies, located, settled_respectively, settled_in_the_park, visited_in,
    subsidiary, joint_venture, named_venture, supplies, customers_include, partners, place_chain, project_and_place,
]
