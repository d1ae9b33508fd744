"""Amounts and quantities become decimals with an ISO currency or a unit."""

from decimal import Decimal

import pytest

from graph.ingest.amounts import find_amounts


@pytest.mark.parametrize("text, value, currency", [
    ("a planned total investment of 11.5 billion yuan", "11500000000", "CNY"),
    ("a cluster of RMB\u00a0100 billion", "100000000000", "CNY"),
    ("projects valued at USD13.4B", "13400000000", "USD"),
    ("raised $4.7 billion last year", "4700000000", "USD"),
    ("approximately 13.4 billion U.S. dollars", "13400000000", "USD"),
    ("a GDP of over 1.2 trillion dollars", "1200000000000", "USD"),
    ("EUR 250 million in loans", "250000000", "EUR"),
])
def test_money_is_a_decimal_in_whole_units_with_its_iso_currency(text, value, currency):
    [amount] = find_amounts(text)
    assert (amount.value, amount.currency, amount.unit) == (Decimal(value), currency, None)


@pytest.mark.parametrize("text, value, unit", [
    ("sales reached 96 GWh", "96", "GWh"),
    ("create more than 20,000 jobs", "20000", "jobs"),
    ("an increase of 35.8% year-on-year", "35.8", "percent"),
    ("9.587 million vehicles were sold", "9587000", "vehicles"),
    ("build 3-5 intelligent factories", "3", "factories"),
    ("nearly 400 industry experts", "400", "people"),
])
def test_quantities_have_a_value_and_a_unit(text, value, unit):
    [amount] = find_amounts(text)
    assert (amount.value, amount.unit, amount.currency) == (Decimal(value), unit, None)


def test_the_words_of_an_amount_are_kept_exactly_including_a_non_breaking_space():
    text = "construct a new energy storage industrial cluster of RMB\u00a0100 billion."
    [amount] = find_amounts(text)
    assert amount.text == "RMB\u00a0100 billion" and text[amount.start:amount.end] == amount.text


def test_qualifiers_are_recorded():
    [amount] = find_amounts("more than 600 exhibitors")
    assert amount.qualifier == "more than"


def test_years_phone_numbers_and_codes_are_not_amounts():
    assert find_amounts("Since 2019, call 86-10-63074558; above L3 level; the 2+(3+6)+(4+5) system") == []


@pytest.mark.parametrize("text, value, kind", [
    ("Leshan breaks ground on 8.6-bln-yuan battery base", "8600000000", "CNY"),
    ("a plan for a 100-billion-yuan industry", "100000000000", "CNY"),
    ("to supply 4 gigawatt-hours of cells", "4", "GWh"),
    ("a 5-MW rooftop plant", "5", "MW"),
    ("employ about 1,100 people", "1100", "people"),
])
def test_headline_and_spelled_out_forms(text, value, kind):
    [amount] = find_amounts(text)
    assert (amount.value, amount.currency or amount.unit) == (Decimal(value), kind)
