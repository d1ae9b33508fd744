"""Money and quantities in news text, as decimals with an ISO 4217 currency or a unit.

>>> [(a.text, a.value, a.currency) for a in find_amounts("a total investment of 11.5 billion yuan")]
[('11.5 billion yuan', Decimal('11500000000'), 'CNY')]
>>> [(a.value, a.currency) for a in find_amounts("USD13.4B, or approximately 13.4 billion U.S. dollars")]
[(Decimal('13400000000'), 'USD'), (Decimal('13400000000'), 'USD')]
>>> [(a.value, a.unit) for a in find_amounts("96 GWh and more than 20,000 jobs, up 35.8%")]
[(Decimal('96'), 'GWh'), (Decimal('20000'), 'jobs'), (Decimal('35.8'), 'percent')]
>>> find_amounts("RMB\\u00a0100 billion")[0].value
Decimal('100000000000')
>>> [(a.text, a.value, a.currency or a.unit) for a in find_amounts("总投资71亿元，年产10万吨，规划20GWh")]
[('71亿元', Decimal('7100000000'), 'CNY'), ('10万吨', Decimal('100000'), 'tons'), ('20GWh', Decimal('20'), 'GWh')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .spans import Spans

__all__ = ["Amount", "find_amounts", "parse_number"]

_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "mln": 10**6, "mil": 10**6,
           "billion": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12, "t": 10**12,
           "ten thousand": 10**4, "hundred million": 10**8}
_CURRENCY_WORDS = [
    (r"hong kong dollars?|hk dollars?", "HKD"), (r"u\.?s\.? dollars?|us dollars?|american dollars?", "USD"),
    (r"dollars?", "USD"), (r"yuan(?: renminbi)?|renminbi|rmb|cny", "CNY"), (r"euros?", "EUR"),
    (r"yen", "JPY"), (r"won", "KRW"), (r"(?:british )?pounds?(?: sterling)?", "GBP"),
    (r"dirhams?", "AED"), (r"rupees?", "INR"), (r"ringgit", "MYR"), (r"baht", "THB"),
]
_CURRENCY_PREFIX = [(r"US\$|USD|U\.S\.\$", "USD"), (r"HK\$|HKD", "HKD"), (r"C\$|CAD", "CAD"),
                    (r"A\$|AUD", "AUD"), (r"RMB|CNY|¥|￥", "CNY"),
                    (r"EUR|€", "EUR"), (r"GBP|£", "GBP"), (r"JPY", "JPY"), (r"\$", "USD")]
_UNITS = {"gwh": "GWh", "mwh": "MWh", "kwh": "kWh", "twh": "TWh", "gw": "GW", "mw": "MW", "kw": "kW",
          "gigawatt-hours": "GWh", "gigawatt hours": "GWh", "gigawatt-hour": "GWh", "megawatt-hours": "MWh",
          "megawatt hours": "MWh", "kilowatt-hours": "kWh", "kilowatt hours": "kWh", "terawatt-hours": "TWh",
          "gigawatts": "GW", "gigawatt": "GW", "megawatts": "MW", "megawatt": "MW", "kilowatts": "kW",
          "tons": "tons", "tonnes": "tons", "ton": "tons", "tonne": "tons", "square kilometers": "square kilometers",
          "square kilometres": "square kilometers", "sq km": "square kilometers", "km2": "square kilometers",
          "square meters": "square meters", "square metres": "square meters", "mu": "mu", "hectares": "hectares",
          "acres": "acres", "%": "percent", "percent": "percent", "per cent": "percent", "ah": "Ah",
          "wh/kg": "Wh/kg", "km": "km", "kilometers": "km",
          "tpy": "tons", "tpa": "tons", "t/a": "tons", "tpd": "tons", "kt": "tons", "ktpy": "tons", "ktpa": "tons",
          "kt/a": "tons", "kta": "tons"}
# units that carry a scale of their own: "20ktpy" is 20,000 tonnes a year
_UNIT_FACTORS = {"kt": 1000, "ktpy": 1000, "ktpa": 1000, "kt/a": 1000, "kta": 1000}
_PEOPLE = {"people", "persons", "experts", "executives", "employees", "workers", "staff", "talents",
           "residents", "participants", "guests", "representatives", "delegates", "attendees", "scholars",
           "academicians", "entrepreneurs", "officials", "researchers", "engineers", "students"}
_NOT_COUNTS = {"years", "months", "days", "hours", "minutes", "seconds", "weeks", "times", "editions",
               "sessions", "decades", "others", "ones", "was", "is", "has", "its", "this", "as", "us"}
_QUALIFIERS = ["more than", "over", "nearly", "about", "approximately", "around", "at least", "less than",
               "up to", "exceeding", "almost", "some", "roughly"]
# a range ("5,000-10,000 yuan", "$630-$880 million") is read as its lower bound
_NUMBER = r"(?<![\w.,+/-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(?:US\$|\$|RMB\s?)?(?P<num2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?"  # noqa: E501
_SCALE = r"(?:[\s\u00a0-]*(?P<scale>(?i:hundred million|ten thousand|thousand|million|billion|trillion|mln|bln|bn|mn|tn|mil(?=\.))|[kKmMbBT])\b)?"  # noqa: E501
_SPACE = r"[\s\u00a0]*"
_JOIN = r"(?:[\s\u00a0]*|-)"  # "8.6-bln-yuan" in a headline

_MONEY_PREFIX = re.compile(
    r"(?P<cur>" + "|".join(p for p, _ in _CURRENCY_PREFIX) + r")" + _SPACE + _NUMBER.replace(r"(?<![\w.,+/-])", "")
    + _SCALE + r"(?![\w])")
_MONEY_SUFFIX = re.compile(
    _NUMBER + _SCALE + _JOIN + r"(?P<word>" + "|".join(p for p, _ in _CURRENCY_WORDS) + r")\b", re.IGNORECASE)
_QUANTITY = re.compile(
    _NUMBER + _SCALE + r"(?:" + _JOIN + r"(?P<unit>" + "|".join(
        re.escape(u) for u in sorted(_UNITS, key=len, reverse=True) if u != "%") + r")\b|(?P<pct>\s?%))",
    re.IGNORECASE)
_COUNT = re.compile(
    _NUMBER + r"(?:[\s\u00a0]+(?P<scale>million|billion|thousand))?(?P<mods>(?:\s+[a-z][a-z-]*){0,3}?)\s+"
    r"(?P<noun>[a-z]{3,}s|people)\b")
_BARE_SCALED = re.compile(_NUMBER + r"[\s\u00a0]+(?P<scale>thousand|million|billion|trillion)\b(?![\s\u00a0]*\w)"
                          r"|" + _NUMBER.replace("num>", "numb>").replace("num2>", "numb2>")
                          + r"[\s\u00a0]+(?P<scaleb>thousand|million|billion|trillion)\b(?=[\s\u00a0]*[,.;)])")
# Chinese: "71亿元", "1.2万亿元", "5000万美元", "年产10万吨", "20GWh", "15吉瓦时", "300兆瓦", "2.8万千瓦时", "1200亩"
_ZH_SCALES = {"万亿": 10**12, "亿": 10**8, "千万": 10**7, "百万": 10**6, "万": 10**4, "千": 10**3}
_ZH_CURRENCIES = {"元": "CNY", "人民币": "CNY", "元人民币": "CNY", "美元": "USD", "欧元": "EUR", "港元": "HKD",
                  "港币": "HKD", "日元": "JPY"}
_ZH_UNITS = {"吉瓦时": ("GWh", 1), "GWh": ("GWh", 1), "gwh": ("GWh", 1), "兆瓦时": ("MWh", 1), "MWh": ("MWh", 1),
             "千瓦时": ("kWh", 1), "度": ("kWh", 1), "kWh": ("kWh", 1), "吉瓦": ("GW", 1), "GW": ("GW", 1),
             "兆瓦": ("MW", 1), "MW": ("MW", 1), "千瓦": ("kW", 1), "kW": ("kW", 1), "吨": ("tons", 1),
             "亩": ("mu", 1), "平方米": ("square meters", 1), "平方公里": ("square kilometers", 1),
             "%": ("percent", 1), "％": ("percent", 1), "个项目": ("projects", 1), "家企业": ("companies", 1),
             "个": ("units", 1), "家": ("companies", 1), "套": ("sets", 1), "辆": ("vehicles", 1),
             "人": ("people", 1), "条": ("lines", 1), "座": ("buildings", 1), "栋": ("buildings", 1),
             "台": ("units", 1), "公里": ("km", 1), "立方米": ("cubic meters", 1)}
_ZH_NUMBER = r"(?<![\d.])(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
_ZH_MONEY = re.compile(_ZH_NUMBER + r"\s*(?P<scale>万亿|亿|千万|百万|万|千)?(?:余|多)?\s*"
                       r"(?P<cur>元人民币|人民币|美元|欧元|港元|港币|日元|元)")
_ZH_QUANTITY = re.compile(_ZH_NUMBER + r"\s*(?P<scale>万亿|亿|千万|百万|万|千)?(?:余|多)?\s*(?P<unit>吉瓦时|兆瓦时|"
                          r"千瓦时|GWh|MWh|kWh|gwh|吉瓦|兆瓦|千瓦|GW|MW|kW|吨|亩|平方公里|平方米|立方米|公里|%|％|个项目|"
                          r"家企业|个|家|人|条|座|栋|台|套|辆)(?![年月日])")
_ZH_QUALIFIERS = {"超过": "over", "逾": "over", "超": "over", "近": "nearly", "约": "about", "达": None,
                  "大约": "about", "将近": "nearly", "不低于": "at least", "至少": "at least", "余": None}
_STOP = {"of", "the", "and", "in", "with", "from", "to", "for", "were", "was", "will", "are", "is", "be",
         "by", "at", "on", "a", "an", "or", "than", "that", "which", "who", "this", "these", "its", "their"}


@dataclass(frozen=True)
class Amount:
    """An amount of money (``currency``) or a quantity (``unit``), with its words and offsets."""

    text: str
    value: Decimal
    start: int
    end: int
    currency: str | None = None
    unit: str | None = None
    qualifier: str | None = None

    def as_dict(self) -> dict:
        found = {"text": self.text, "value": _plain(self.value)}
        found.update({"currency": self.currency} if self.currency else {"unit": self.unit})
        if self.qualifier:
            found["qualifier"] = self.qualifier
        return found


def _plain(value: Decimal):
    """A JSON-friendly number: an int when whole."""
    return int(value) if value == value.to_integral_value() else float(value)


def parse_number(number: str, scale: str | None = None) -> Decimal:
    """``"1,234.5"`` with an optional scale word as a Decimal.

    >>> parse_number("95.25", "billion")
    Decimal('95250000000')
    """
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {number!r}") from exc
    if scale:
        key = scale.lower() if len(scale) > 1 else scale.lower()
        value *= _SCALES[key]
    return _integral(value)


def _chinese_number(number: str) -> Decimal:
    return Decimal(number.replace(",", ""))


def _qualifier(text: str, start: int) -> str | None:
    before = text[max(0, start - 16):start].lower().rstrip()
    for word, qualifier in _ZH_QUALIFIERS.items():
        if before.endswith(word) and qualifier:
            return qualifier
    for qualifier in _QUALIFIERS:
        if before.endswith(qualifier):
            return {"approximately": "about", "around": "about", "roughly": "about", "exceeding": "over",
                    "almost": "nearly", "some": "about"}.get(qualifier, qualifier)
    return None


def _integral(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def find_amounts(text: str) -> list[Amount]:
    """Every amount of money and every quantity in ``text``, in order of appearance."""
    found: list[Amount] = []
    taken = Spans()

    def add(match, value: Decimal, start: int | None = None, **kind) -> None:
        start = match.start() if start is None else start
        end = match.end()
        if not taken.add(start, end):
            return
        found.append(Amount(text[start:end], _integral(value), start, end,
                            qualifier=_qualifier(text, start), **kind))

    for match in _MONEY_PREFIX.finditer(text):
        if match.group("cur") == "$" and match.start() > 0 and text[match.start() - 1].isalpha():
            continue
        currency = next(code for pattern, code in _CURRENCY_PREFIX if re.fullmatch(pattern, match.group("cur")))
        add(match, parse_number(match.group("num"), match.group("scale")), currency=currency)
    for match in _MONEY_SUFFIX.finditer(text):
        word = match.group("word").lower()
        currency = next(code for pattern, code in _CURRENCY_WORDS if re.fullmatch(pattern, word))
        scale = match.group("scale")
        if scale and len(scale) == 1 and scale not in "kKmMbB":
            continue
        add(match, parse_number(match.group("num"), scale), currency=currency)
    for match in _QUANTITY.finditer(text):
        unit = "percent" if match.group("pct") else _UNITS[match.group("unit").lower()]
        scale = match.group("scale")
        if scale and len(scale) == 1 and unit not in ("percent",):
            continue  # "5 m" is metres, not millions
        factor = _UNIT_FACTORS.get(match.group("unit").lower(), 1) if match.group("unit") else 1
        add(match, parse_number(match.group("num"), scale) * factor, unit=unit)
    for match in _COUNT.finditer(text):
        noun = match.group("noun").lower()
        mods = match.group("mods").split()
        if noun in _NOT_COUNTS or any(m in _STOP for m in mods):
            continue
        number = match.group("num")
        if re.fullmatch(r"(?:19|20)\d{2}", number) and not match.group("scale"):
            continue  # a year before a noun: "2023 sales"
        unit = "people" if noun in _PEOPLE else noun
        add(match, parse_number(number, match.group("scale")), unit=unit)
    for match in _ZH_MONEY.finditer(text):
        scale = _ZH_SCALES.get(match.group("scale") or "", 1)
        add(match, _chinese_number(match.group("num")) * scale, currency=_ZH_CURRENCIES[match.group("cur")])
    for match in _ZH_QUANTITY.finditer(text):
        unit, factor = _ZH_UNITS[match.group("unit")]
        scale = _ZH_SCALES.get(match.group("scale") or "", 1)
        value = _chinese_number(match.group("num")) * scale * factor
        if match.group("scale") == "万" and unit in ("kWh", "kW"):
            pass  # "2.8万千瓦时": 28,000 kWh
        add(match, value, unit=unit)
    for match in _BARE_SCALED.finditer(text):
        number = match.group("num") or match.group("numb")
        scale = match.group("scale") or match.group("scaleb")
        context = text[max(0, match.start() - 60):match.start()].lower()
        unit = "people" if re.search(r"population|people|residents|inhabitants", context) else "units"
        add(match, parse_number(number, scale), unit=unit)
    found.sort(key=lambda a: a.start)
    return found
