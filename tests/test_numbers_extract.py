"""Quantity extraction on hand-written sentences (the real small model parses them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sayso.numbers import extract_quantities
from sayso.records.model import Quantity, Span, Timex

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


def _by_text(nlp: Language, text: str) -> dict[str, Quantity]:
    return {q.span.text: q for q in extract_quantities(nlp(text))}


def test_digits_with_counted_noun(nlp: Language) -> None:
    found = _by_text(nlp, "The army disarmed 45,000 Iraqi soldiers last year.")
    quantity = found["45,000"]
    assert (quantity.value, quantity.counted, quantity.unit, quantity.approx) == (
        45000.0,
        "soldiers",
        None,
        None,
    )


def test_vague_plurals_give_a_range(nlp: Language) -> None:
    found = _by_text(nlp, "Tens of thousands of people marched, and thousands of cars stopped.")
    tens = found["Tens of thousands"]
    assert (tens.value, tens.upper, tens.approx, tens.counted) == (
        10000.0,
        90000.0,
        "tens of thousands",
        "people",
    )
    assert (found["thousands"].value, found["thousands"].upper) == (1000.0, 9000.0)


def test_words_scales_and_qualifiers(nlp: Language) -> None:
    found = _by_text(
        nlp, "More than 200 villagers fled, some seventy-two trucks left and 2.5 million voted."
    )
    assert (found["More than 200"].value, found["More than 200"].approx) == (200.0, "more than")
    assert found["some seventy-two"].value == 72.0
    assert found["2.5 million"].value == 2_500_000.0


def test_percent_and_currency_units(nlp: Language) -> None:
    found = _by_text(nlp, "Turnout was 64 percent and the bridge cost $3 billion.")
    assert (found["64 percent"].value, found["64 percent"].unit) == (64.0, "percent")
    assert (found["$3 billion"].value, found["$3 billion"].unit) == (3e9, "USD")


def test_dates_and_years_are_not_quantities(nlp: Language) -> None:
    found = _by_text(nlp, "In 2014 the talks began on June 29 and lasted two days.")
    assert found == {}


def test_place_of_a_count_comes_from_its_clause(nlp: Language) -> None:
    found = _by_text(nlp, "More than 200 people were killed in floods in Pakistan, officials said.")
    place = found["More than 200"].place
    assert place is not None
    assert place.text == "Pakistan"


@pytest.mark.parametrize(
    ("sentence", "number", "group"),
    [
        ("About 30 percent of registered voters backed the plan.", "About 30 percent",
         "registered voters"),
        ("Police held 150 of the 200 protesters overnight.", "150", "the 200 protesters"),
        ("Of the 200 dead, 150 were children.", "150", "the 200 dead"),
        ("Unemployment among young men reached 15 percent.", "15 percent", "young men"),
    ],
)  # fmt: skip
def test_the_whole_a_number_is_part_of(
    nlp: Language, sentence: str, number: str, group: str
) -> None:
    quantity = _by_text(nlp, sentence)[number]
    assert quantity.group is not None
    assert quantity.group.text == group


def test_a_number_without_a_whole_has_no_group(nlp: Language) -> None:
    found = _by_text(nlp, "Of the 200 dead, 150 were children.")
    assert found["200"].group is None


def test_as_of_is_the_time_its_clause_states(nlp: Language) -> None:
    text = "The death toll rose to 250 on Monday. Another 40 people were hurt."
    start = text.index("Monday")
    monday = Timex("t1", Span.of(text, start, start + 6), "DATE", "2022-08-29", "test")
    found = {q.span.text: q for q in extract_quantities(nlp(text), timexes=[monday])}
    as_of = found["250"].as_of
    assert as_of is not None
    assert (as_of.relation, as_of.value, as_of.timex_id) == ("on", "2022-08-29", "t1")
    assert found["40"].as_of is None


def test_as_of_a_date_and_by_a_date(nlp: Language) -> None:
    text = "As of June 1, 300 cases had been confirmed in Lagos. By Friday the toll rose to 320."
    june, friday = text.index("June 1"), text.index("Friday")
    timexes = [
        Timex("t1", Span.of(text, june, june + 6), "DATE", "2020-06-01", "test"),
        Timex("t2", Span.of(text, friday, friday + 6), "DATE", "2020-06-05", "test"),
    ]
    found = {q.span.text: q for q in extract_quantities(nlp(text), timexes=timexes)}
    cases, toll = found["300"], found["320"]
    assert cases.as_of is not None
    assert (cases.as_of.relation, cases.as_of.value) == ("on", "2020-06-01")
    assert cases.place is not None
    assert cases.place.text == "Lagos"
    assert toll.as_of is not None
    assert (toll.as_of.relation, toll.as_of.value) == ("before", "..2020-06-05")
