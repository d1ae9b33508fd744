"""Dates in news text: absolute, ranges and relative ones resolved against the article's date.

>>> ref = dt.date(2024, 9, 2)
>>> [(d.text, d.value) for d in find_dates("On September 1-2, it opened; on Sunday it began.", ref)]
[('September 1-2', '2024-09-01'), ('September 1-2', '2024-09-02'), ('Sunday', '2024-09-01')]
>>> [d.value for d in find_dates("Sept. 03, 2024 and October 31st", ref)]
['2024-09-03', '2024-10-31']
>>> [d.value for d in find_dates("since 2019, and last year", ref)]
['2019', '2023']
>>> [d.value for d in find_dates("2024年9月1日开幕，12月23日签约，今年投产", ref)]
['2024-09-01', '2023-12-23']
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .spans import Spans

__all__ = ["DateMention", "find_dates", "parse_date"]

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS.update({"sept": 9})
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_PATTERNS = [
    # 2024-09-03, 2024/9/3, 2024.09.03
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)\b")),
    # September 1-2, 2024 / Sept. 1 to 3
    ("range", re.compile(r"\b" + _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*"
                         r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+" + _YEAR + r")?", re.IGNORECASE)),
    # Sept. 03, 2024 / December 28, 2023 / October 31st
    ("mdy", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?:(?:,\s*|\s+)" + _YEAR + r"\b)?", re.IGNORECASE)),
    # 3 September 2024
    ("dmy", re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r"\b)?", re.IGNORECASE)),
    # on Sunday / last Monday
    ("weekday", re.compile(r"\b(?:(?P<rel>last|this|next|on)\s+)(?P<weekday>"
                           + "|".join(calendar.day_name) + r")\b", re.IGNORECASE)),
    ("relyear", re.compile(r"\b(?P<rel>last|this|next)\s+year\b", re.IGNORECASE)),
    ("relday", re.compile(r"\b(?P<rel>today|yesterday|tomorrow)\b", re.IGNORECASE)),
    # Chinese: 2024年9月1日, 2024年9月1日至2日, 9月1日, 2021年 (a year alone); 今年 and the like name no date
    ("zh-ymd", re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*[日号]"
                          r"(?:\s*(?:-|–|—|至|到|~)\s*(?P<day2>[0-3]?\d)\s*[日号])?")),
    ("zh-md", re.compile(r"(?<![\d年.])(?P<month>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*[日号]"
                         r"(?:\s*(?:-|–|—|至|到|~)\s*(?P<day2>[0-3]?\d)\s*[日号])?")),
    ("zh-year", re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年(?!\s*[产度均])")),
    # a month of a year: the year ("in August 2022")
    ("month-year", re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b", re.IGNORECASE)),
    # a year alone: in 2022, since 2019, (in 2022), from 2023 to 2026, in early 2021
    ("year", re.compile(r"(?:\b(?:in|since|by|from|until|till|to|through|during|between|and|of|before|after|"
                        r"end of|year|early|late|mid-?|fiscal|FY)\s*|\()"
                        r"(?P<year>(?:19|20)\d{2})\b(?![-/.]\d|\s*(?:yuan|GWh|MWh|units|projects))",
                        re.IGNORECASE)),
]


@dataclass(frozen=True)
class DateMention:
    """A date found in text: the words, the ISO value (``YYYY-MM-DD`` or ``YYYY``) and their offsets."""

    text: str
    value: str
    start: int
    end: int


def _month_of(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, reference: dt.date | None) -> int | None:
    """The year of a month and day written without one: the article's year, or the one before when the date
    would otherwise fall more than two months after publication (news reports the past)."""
    if reference is None:
        return None
    year = reference.year
    candidate = _safe_date(year, month, day)
    if candidate and (candidate - reference).days > 62:
        year -= 1
    return year


def parse_date(text: str, reference: dt.date | None = None) -> dt.date | None:
    """The first full date written in ``text``.

    >>> parse_date("Updated: Nov 02,2023 5:30 PM")
    datetime.date(2023, 11, 2)
    """
    for mention in find_dates(text.replace(",", ", "), reference):
        if len(mention.value) == 10:
            return dt.date.fromisoformat(mention.value)
    return None


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMention]:
    """Every date in ``text`` in order; relative ones need ``reference`` (the article's date).

    A range gives two mentions, one per end.
    """
    found: list[DateMention] = []
    taken = Spans()

    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == "year" and match.group(0).startswith("("):
                start += 1
            if taken.overlaps(start, end):
                continue
            groups = match.groupdict()
            values: list[str] = []
            if kind == "iso":
                date = _safe_date(int(groups["year"]), int(groups["month"]), int(groups["day"]))
                values = [date.isoformat()] if date else []
            elif kind in ("mdy", "dmy", "range"):
                if not groups["month"][0].isupper():  # "may" the verb, "mar" the word
                    continue
                month = _month_of(groups["month"])
                day = int(groups["day"])
                year = int(groups["year"]) if groups.get("year") else _infer_year(month, day, reference)
                if year is None:
                    continue
                days = [day] + ([int(groups["day2"])] if kind == "range" else [])
                dates = [_safe_date(year, month, d) for d in days]
                if None in dates or (kind == "range" and dates[1] <= dates[0]):
                    continue
                values = [d.isoformat() for d in dates]
            elif kind == "weekday" and reference is not None:
                wanted = _WEEKDAYS[groups["weekday"].lower()]
                rel = groups["rel"].lower()
                back = (reference.weekday() - wanted) % 7
                if rel == "next":
                    date = reference + dt.timedelta(days=(wanted - reference.weekday()) % 7 or 7)
                elif rel == "last":
                    date = reference - dt.timedelta(days=back or 7)
                else:  # "on Sunday" in a news story: the most recent one, the day itself included
                    date = reference - dt.timedelta(days=back)
                values = [date.isoformat()]
                start = match.start("weekday")
            elif kind in ("zh-ymd", "zh-md"):
                month, day = int(groups["month"]), int(groups["day"])
                year = int(groups["year"]) if groups.get("year") else _infer_year(month, day, reference)
                if year is None:
                    continue
                days = [day] + ([int(groups["day2"])] if groups.get("day2") else [])
                dates = [_safe_date(year, month, d) for d in days]
                if None in dates or (len(dates) > 1 and dates[1] <= dates[0]):
                    continue
                values = [d.isoformat() for d in dates]
            elif kind == "zh-year":
                values = [groups["year"]]
            elif kind == "relyear" and reference is not None:
                shift = {"last": -1, "this": 0, "next": 1}[groups["rel"].lower()]
                values = [str(reference.year + shift)]
            elif kind == "relday" and reference is not None:
                shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[groups["rel"].lower()]
                values = [(reference + dt.timedelta(days=shift)).isoformat()]
            elif kind == "year":
                start = match.start("year")
                values = [groups["year"]]
            elif kind == "month-year":
                if not groups["month"][0].isupper():
                    continue
                values = [groups["year"]]
            if not values:
                continue
            taken.add(start, end)
            for value in values:
                found.append(DateMention(text[start:end], value, start, end))
    found.sort(key=lambda d: (d.start, d.value))
    return found
