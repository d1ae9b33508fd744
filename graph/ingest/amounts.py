"""Money and quantities in news text, as decimals with an ISO 4217 currency or a unit.

>>> [(a.text, a.value, a.currency) for a in find_amounts("a total investment of 11.5 billion yuan")]
[('11.5 billion yuan', Decimal('11500000000'), 'CNY')]
>>> [(a.value, a.currency) for a in find_amounts("USD13.4B, or approximately 13.4 billion U.S. dollars")]
[(Decimal('13400000000'), 'USD'), (Decimal('13400000000'), 'USD')]
>>> [(a.value, a.unit) for a in find_amounts("96 GWh and more than 20,000 jobs, up 35.8%")]
[(Decimal('96'), 'GWh'), (Decimal('20000'), 'jobs'), (Decimal('35.8'), 'percent')]
>>> find_amounts("RMB\\u00a0100 billion")[0].value
Decimal('100000000000')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .spans import Spans

__all__ = ["Amount", "find_amounts", "parse_number"]

_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "mln": 10**6,
           "billion": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12, "t": 10**12,
           "ten thousand": 10**4, "hundred million": 10**8}
_CURRENCY_WORDS = [
    (r"hong kong dollars?|hk dollars?", "HKD"), (r"u\.?s\.? dollars?|us dollars?|american dollars?", "USD"),
    (r"dollars?", "USD"), (r"yuan(?: renminbi)?|renminbi|rmb|cny", "CNY"), (r"euros?", "EUR"),
    (r"yen", "JPY"), (r"won", "KRW"), (r"(?:british )?pounds?(?: sterling)?", "GBP"),
    (r"dirhams?", "AED"), (r"rupees?", "INR"), (r"ringgit", "MYR"), (r"baht", "THB"),
]
_CURRENCY_PREFIX = [(r"US\$|USD|U\.S\.\$", "USD"), (r"HK\$|HKD", "HKD"), (r"RMB|CNY|¥|￥", "CNY"),
                    (r"EUR|€", "EUR"), (r"GBP|£", "GBP"), (r"JPY", "JPY"), (r"\$", "USD")]
_UNITS = {"gwh": "GWh", "mwh": "MWh", "kwh": "kWh", "twh": "TWh", "gw": "GW", "mw": "MW", "kw": "kW",
          "gigawatt-hours": "GWh", "gigawatt hours": "GWh", "gigawatt-hour": "GWh", "megawatt-hours": "MWh",
          "megawatt hours": "MWh", "kilowatt-hours": "kWh", "kilowatt hours": "kWh", "terawatt-hours": "TWh",
          "gigawatts": "GW", "gigawatt": "GW", "megawatts": "MW", "megawatt": "MW", "kilowatts": "kW",
          "tons": "tons", "tonnes": "tons", "ton": "tons", "tonne": "tons", "square kilometers": "square kilometers",
          "square kilometres": "square kilometers", "sq km": "square kilometers", "km2": "square kilometers",
          "square meters": "square meters", "square metres": "square meters", "mu": "mu", "hectares": "hectares",
          "acres": "acres", "%": "percent", "percent": "percent", "per cent": "percent", "ah": "Ah",
          "wh/kg": "Wh/kg", "km": "km", "kilometers": "km"}
_PEOPLE = {"people", "persons", "experts", "executives", "employees", "workers", "staff", "talents",
           "residents", "participants", "guests", "representatives", "delegates", "attendees", "scholars",
           "academicians", "entrepreneurs", "officials", "researchers", "engineers", "students"}
_NOT_COUNTS = {"years", "months", "days", "hours", "minutes", "seconds", "weeks", "times", "editions",
               "sessions", "decades", "others", "ones", "was", "is", "has", "its", "this", "as", "us"}
_QUALIFIERS = ["more than", "over", "nearly", "about", "approximately", "around", "at least", "less than",
               "up to", "exceeding", "almost", "some", "roughly"]
_NUMBER = r"(?<![\w.+/-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(?P<num2>\d+(?:\.\d+)?))?"  # noqa: E501
_SCALE = r"(?:[\s\u00a0-]*(?P<scale>hundred million|ten thousand|thousand|million|billion|trillion|mln|bln|bn|mn|tn|[kKmMbBT])\b)?"  # noqa: E501
_SPACE = r"[\s\u00a0]*"
_JOIN = r"(?:[\s\u00a0]*|-)"  # "8.6-bln-yuan" in a headline

_MONEY_PREFIX = re.compile(
    r"(?P<cur>" + "|".join(p for p, _ in _CURRENCY_PREFIX) + r")" + _SPACE + _NUMBER.replace(r"(?<![\w.+/-])", "")
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


def _qualifier(text: str, start: int) -> str | None:
    before = text[max(0, start - 16):start].lower().rstrip()
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
        add(match, parse_number(match.group("num"), scale), unit=unit)
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
    for match in _BARE_SCALED.finditer(text):
        number = match.group("num") or match.group("numb")
        scale = match.group("scale") or match.group("scaleb")
        context = text[max(0, match.start() - 60):match.start()].lower()
        unit = "people" if re.search(r"population|people|residents|inhabitants", context) else "units"
        add(match, parse_number(number, scale), unit=unit)
    found.sort(key=lambda a: a.start)
    return found
