"""Tense from a spaCy parse decides the direction of bare weekdays (sayso.time.anchor)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sayso.time import extract_timexes
from sayso.time.anchor import tense_from_text
from sayso.time.normalize import FUTURE, PAST

if TYPE_CHECKING:
    from spacy.language import Language


def test_cue_word_tense() -> None:
    text = "The talks will resume on Monday."
    start = text.index("Monday")
    assert tense_from_text(text, start, start + 6) == FUTURE
    text = "The talks collapsed on Monday."
    assert tense_from_text(text, text.index("Monday"), text.index("Monday") + 6) == PAST


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The minister resigned on Monday.", "2021-03-08"),
        ("The minister will resign on Monday.", "2021-03-15"),
        ("The minister resigned on Wednesday.", "2021-03-10"),
        ("Its shares closed unchanged Friday, trading at $29.", "2021-03-05"),
        ("The company plans to sell the unit Friday.", "2021-03-12"),
    ],
)
def test_weekday_direction_from_the_parse(nlp: Language, sentence: str, value: str) -> None:
    # The anchor, 2021-03-10, is a Wednesday.
    timexes = extract_timexes(sentence, anchor="2021-03-10", doc=nlp(sentence))
    assert [t.value for t in timexes] == [value]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The team planned to leave on Thursday.", "2021-03-11"),
        ("The group could arrive as soon as Friday.", "2021-03-12"),
        ("They would appeal the ruling, announced Monday, lawyers said.", "2021-03-08"),
        # arranged before a past event: the nearest Tuesday, here the one before
        ("A rally planned for Tuesday was canceled after threats.", "2021-03-09"),
        ("A rally planned for Tuesday will go ahead.", "2021-03-16"),
    ],
)
def test_intentions_and_reduced_relatives(nlp: Language, sentence: str, value: str) -> None:
    # The anchor, 2021-03-10, is a Wednesday.
    timexes = extract_timexes(sentence, anchor="2021-03-10", doc=nlp(sentence))
    assert [t.value for t in timexes] == [value]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Sales fell in the fourth quarter.", "2020-Q4"),
        ("Sales rose in the second half.", "2020-H2"),
        ("The company said the second half will be weaker.", "2021-H2"),
        ("The agency postponed its decision until Tuesday.", "2021-03-16"),
    ],
)
def test_quarters_not_reached_yet_follow_the_tense(
    nlp: Language, sentence: str, value: str
) -> None:
    # The anchor, 2021-03-10, is a Wednesday in the first quarter.
    timexes = extract_timexes(sentence, anchor="2021-03-10", doc=nlp(sentence))
    assert [t.value for t in timexes] == [value]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Investigators have been searching for the driver since the Aug. 30 crash.", "2020-08-30"),
        ("Police have been questioning witnesses since Aug. 30.", "2020-08-30"),
        ("Police will be questioning witnesses on Aug. 30.", "2021-08-30"),
    ],
)
def test_present_perfect_progressive_looks_back(nlp: Language, sentence: str, value: str) -> None:
    # The anchor is 2021-03-10: Aug. 30 is nearer ahead (2021) than behind (2020), so only the
    # tense of ``have been searching`` puts it in the past.
    timexes = extract_timexes(sentence, anchor="2021-03-10", doc=nlp(sentence))
    assert [t.value for t in timexes] == [value]
