"""Single TIMEX3 rules of sayso.time on hand-written sentences: spans, values, anchoring."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sayso.time import extract_timexes
from sayso.time.lexicon import load_lexicon
from sayso.time.normalize import duration_value

if TYPE_CHECKING:
    from spacy.language import Language


def _found(text: str, anchor: str | None) -> list[tuple[str, str, str]]:
    return [(t.span.text, t.type, t.value) for t in extract_timexes(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("count", "unit", "value"),
    [
        (2.5, "year", "P2Y6M"),
        (5.5, "hour", "PT5H30M"),
        (1.5, "minute", "PT1M30S"),
        (1.5, "day", "P1DT12H"),
        (0.5, "year", "P6M"),
        (3.0, "week", "P3W"),
    ],
)
def test_fractional_durations_use_the_next_smaller_unit(
    count: float, unit: str, value: str
) -> None:
    assert duration_value(count, unit, load_lexicon()) == value


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        (
            "The crew waited 4 1/2 hours for a tow.",
            "2021-03-10",
            [("4 1/2 hours", "DURATION", "PT4H30M")],
        ),
        (
            "Refugees lived in tents for 3 1/2 years.",
            "2021-03-10",
            [("3 1/2 years", "DURATION", "P3Y6M")],
        ),
        (
            "The ferry sank last Christmas, a year after the strike.",
            "2021-03-10",
            [("last Christmas", "DATE", "2020-12-25")],
        ),
        (
            "Both campaigns will spend heavily before Election Day.",
            "2020-10-01",
            [("Election Day", "DATE", "2020-11-03")],
        ),
        (
            "Markets stay shut during Easter week.",
            "2021-04-01",
            [("Easter week", "DATE", "2021-W13")],
        ),
        (
            "The hearing is set for the week of May 10 in Boston.",
            "2021-03-10",
            [("the week of May 10", "DATE", "2021-W19")],
        ),
        (
            "The convoy will leave at 5 in the morning, the army said.",
            "2021-03-10",
            [("5 in the morning", "TIME", "2021-03-10T05:00")],
        ),
        (
            "The bridge reopens at 9 in the evening.",
            "2021-03-10",
            [("9 in the evening", "TIME", "2021-03-10T21:00")],
        ),
        (
            "He was arrested twice from 2011 to 2015 in Texas.",
            "2021-03-10",
            [("2011", "DATE", "2011"), ("2015", "DATE", "2015")],
        ),
        ("Crowds grew from 1500 to 2000 people.", "2021-03-10", []),
        (
            "Crime fell through the nineties.",
            "2021-03-10",
            [("the nineties", "DATE", "199")],
        ),
        (
            "She hopes she can one day fly.",
            "2021-03-10",
            [("one day", "DATE", "FUTURE_REF")],
        ),
        ("The strike lasted one day.", "2021-03-10", [("one day", "DURATION", "P1D")]),
        ("He saw it. One day passed.", "2021-03-10", [("One day", "DURATION", "P1D")]),
        (
            "But a minute and a half later the lights went out.",
            "2021-03-10",
            [("a minute and a half", "DURATION", "PT1M30S")],
        ),
        ("Rent is $900 a month.", "2021-03-10", []),
        (
            "Sales have slowed in recent years.",
            "2021-03-10",
            [("recent years", "DATE", "PAST_REF")],
        ),
        (
            "Sales have slowed in recent weeks.",
            "2021-03-10",
            [("recent weeks", "DURATION", "PXW")],
        ),
        (
            "The judge was shot last Nov. 3 in his office.",
            "2021-03-10",
            [("Nov. 3", "DATE", "2020-11-03")],
        ),
        (
            "The Monday talks ended without a deal.",
            "2021-03-10",
            [("Monday", "DATE", "2021-03-08")],
        ),
        (
            "Markets open the Monday after the holiday.",
            "2021-03-10",
            [("the Monday", "DATE", "XXXX-WXX-1")],
        ),
    ],
)
def test_rules(sentence: str, anchor: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(sentence, anchor) == expected


def test_current_year_is_the_anchor_year_after_other_years_came_up() -> None:
    text = "The plant closed in 2012. Sales for the current year rose."
    found = _found(text, "2021-03-10")
    assert ("the current year", "DATE", "2021") in found


@pytest.mark.parametrize(
    ("sentence", "anchor", "value"),
    [
        # three months back in a past-tense sentence: the January before the anchor
        ("In January, the firm hired a new chief.", "2021-10-25", "2021-01"),
        # under two months off, the nearest January wins whatever the tense
        ("In January, the firm hired a new chief.", "2021-11-20", "2022-01"),
    ],
)
def test_month_year_near_the_anchor(sentence: str, anchor: str, value: str) -> None:
    assert _found(sentence, anchor) == [("January", "DATE", value)]


@pytest.fixture(scope="module")
def nlp() -> Language:
    from sayso.nlp.loader import load_model

    return load_model()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        # a modal perfect is about the past: the Tuesday before the anchor (a Wednesday)
        ("The fault may have caused the outage on Tuesday.", "Tuesday", "2021-03-09"),
        # ``set`` as a participle of the past, not an arrangement
        ("Oil fell, leaving prices below the peak set on Aug. 6.", "Aug. 6", "2020-08-06"),
    ],
)
def test_tense_from_the_parse(nlp: Language, sentence: str, span: str, value: str) -> None:
    found = extract_timexes(sentence, anchor="2021-03-10", doc=nlp(sentence))
    assert [(t.span.text, t.value) for t in found] == [(span, value)]
