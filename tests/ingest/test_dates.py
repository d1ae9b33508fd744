"""Dates: absolute, ranges, relative ones resolved against the article's date."""

import datetime as dt

from graph.ingest.dates import find_dates, parse_date

MONDAY = dt.date(2024, 9, 2)


def values(text, reference=MONDAY):
    return [d.value for d in find_dates(text, reference)]


def test_absolute_dates_in_news_styles():
    assert values("Sept. 03, 2024") == ["2024-09-03"]
    assert values("On December 28, 2023, delegates met") == ["2023-12-28"]
    assert values("Event 2024-01-05") == ["2024-01-05"]
    assert values("3 September 2024") == ["2024-09-03"]


def test_a_day_without_a_year_takes_the_articles_year():
    assert values("On October 31st, it opened", dt.date(2023, 11, 2)) == ["2023-10-31"]


def test_a_day_months_after_publication_belongs_to_the_year_before():
    assert values("on December 28", dt.date(2024, 1, 5)) == ["2023-12-28"]


def test_a_range_gives_both_ends():
    assert values("On September 1-2, the conference") == ["2024-09-01", "2024-09-02"]


def test_relative_days_and_years_resolve_against_the_article_date():
    assert values("kicked off on Sunday") == ["2024-09-01"]
    assert values("compared with last year") == ["2023"]
    assert values("since 2019 and in 2022") == ["2019", "2022"]


def test_relative_dates_need_a_reference():
    assert values("on Sunday", None) == []


def test_may_the_verb_is_not_a_month():
    assert values("prices may 5 times rise") == []


def test_parse_date_reads_a_dateline():
    assert parse_date("Updated: Nov 02,2023 5:30 PM") == dt.date(2023, 11, 2)
