"""Quantity extraction on hand-written sentences (the real small model parses them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sayso.numbers import extract_quantities
from sayso.records.model import Quantity

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
