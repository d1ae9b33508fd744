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


def test_a_month_of_a_year_gives_the_year():
    # as the gold annotates it: a month without its day names the year only (Electrive, 2023: "in August 2022")
    assert [d.value for d in find_dates("an agreement concluded in August 2022 stipulates")] == ["2022"]
    assert find_dates("you may 2020 be right") == []


def test_years_of_a_span_and_of_a_season():
    # EnergyTrend, 2023: "during the period from 2023 to 2026"; NNA, 2020: "the second half of 2021"
    assert [d.value for d in find_dates("during the period from 2023 to 2026")] == ["2023", "2026"]
    assert [d.value for d in find_dates("operation in early 2021")] == ["2021"]
    assert find_dates("sales rose to 2025 units") == []
