"""Detection and TIMEX3 normalisation of hand-written sentences (sayso.time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.records import Timex
from sayso.time import EXTRACTOR, extract_timexes

ARTICLE = Path(__file__).resolve().parents[1] / "examples" / "article.txt"


def _by_text(timexes: tuple[Timex, ...]) -> dict[str, Timex]:
    return {t.span.text: t for t in timexes}


def _one(text: str, anchor: str | None = "2021-03-10") -> Timex:
    found = extract_timexes(text, anchor=anchor)
    assert len(found) == 1, [t.span.text for t in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "span", "type_", "value"),
    [
        ("The treaty was signed on March 3, 1998 in Rome.", "March 3, 1998", "DATE", "1998-03-03"),
        (
            "Talks began in the third quarter of 2014.",
            "the third quarter of 2014",
            "DATE",
            "2014-Q3",
        ),
        ("The plant was built in the 1960s.", "the 1960s", "DATE", "196"),
        ("Rates peaked in the late 1970s.", "the late 1970s", "DATE", "197"),
        ("Music of the 1980s is back.", "the 1980s", "DATE", "198"),
        ("Born in 1980s Beirut, she left.", "1980s", "DATE", "198X"),
        ("The strike lasted three weeks.", "three weeks", "DURATION", "P3W"),
        ("Officials met for 45 minutes.", "45 minutes", "DURATION", "PT45M"),
        ("The paper is published weekly.", "weekly", "SET", "P1W"),
        ("He prays every Friday.", "every Friday", "SET", "XXXX-WXX-5"),
        ("The vote closes at 7:30 p.m. on the day.", "7:30 p.m.", "TIME", "2021-03-10T19:30"),
        ("Prices are rising now.", "now", "DATE", "PRESENT_REF"),
        ("Rebels took the town in 2013-06-02 fighting.", "2013-06-02", "DATE", "2013-06-02"),
        ("Floods hit the region in June last year.", "June last year", "DATE", "2020-06"),
        ("Floods hit the region last summer.", "last summer", "DATE", "2020-SU"),
        # past tense in March: the Christmas before the anchor
        ("The statement came on Christmas Day.", "Christmas Day", "DATE", "2020-12-25"),
        ("Shops will open late on Christmas Eve.", "Christmas Eve", "DATE", "2021-12-24"),
        ("The paper ran it on Monday, Oct. 26: a scoop.", "Monday, Oct. 26", "DATE", "2020-10-26"),
    ],
)
def test_types_and_values(sentence: str, span: str, type_: str, value: str) -> None:
    timex = _one(sentence)
    assert (timex.span.text, timex.type, timex.value) == (span, type_, value)
    assert sentence[timex.span.start : timex.span.end] == span
    assert timex.extractor == EXTRACTOR


@pytest.mark.parametrize(
    ("sentence", "span", "mod"),
    [
        ("The siege lasted almost two years.", "almost two years", "APPROX"),
        ("It went on for about a decade.", "about a decade", "APPROX"),
        ("They waited nearly three hours.", "nearly three hours", "APPROX"),
        ("The fighting lasted some ten days.", "some ten days", "APPROX"),
        ("The ban has lasted more than two years.", "more than two years", "MORE_THAN"),
        ("He was held for less than a week.", "less than a week", "LESS_THAN"),
        ("The project will take at least five years.", "at least five years", "EQUAL_OR_MORE"),
        ("Sentences of up to 10 years are possible.", "up to 10 years", "EQUAL_OR_LESS"),
        ("The offensive began in early 2014.", "early 2014", "START"),
        ("Elections are due in mid-2022.", "mid-2022", "MID"),
        ("The war ended in late 1998.", "late 1998", "END"),
        ("The plant closed at the end of 1990.", "the end of 1990", "END"),
    ],
)
def test_mods_are_part_of_the_span(sentence: str, span: str, mod: str) -> None:
    timex = _one(sentence)
    assert (timex.span.text, timex.mod) == (span, mod)


def test_signal_before_a_year_gives_a_mod_outside_the_span() -> None:
    timex = _one("The group was mostly defeated by 2017.")
    assert (timex.span.text, timex.value, timex.mod) == ("2017", "2017", "ON_OR_BEFORE")
    within = _one("A deal is expected within two weeks.")
    assert (within.span.text, within.mod) == ("two weeks", "EQUAL_OR_LESS")


def test_relative_expressions_resolve_against_the_publication_date() -> None:
    text = "Yesterday the minister resigned. Last year she won, and next month she speaks."
    found = _by_text(extract_timexes(text, anchor="2021-03-10"))
    assert found["Yesterday"].value == "2021-03-09"
    assert found["Last year"].value == "2020"
    assert found["next month"].value == "2021-04"
    assert {t.anchor for t in found.values()} == {"2021-03-10"}
    assert {t.anchor_source for t in found.values()} == {"dct"}


def test_ago_and_week_values() -> None:
    text = "Two days ago the rebels retreated; three years ago they ruled; last week they lost."
    found = _by_text(extract_timexes(text, anchor="2021-03-10"))
    assert found["Two days ago"].value == "2021-03-08"
    assert found["three years ago"].value == "2018"
    assert found["last week"].value == "2021-W09"


def test_without_anchor_relative_values_keep_placeholders() -> None:
    found = _by_text(extract_timexes("He left on Wednesday and returns next year.", anchor=None))
    assert found["Wednesday"].value == "XXXX-WXX-3"
    assert found["next year"].value == "XXXX"
    assert found["next year"].anchor_source == "none"


def test_without_publication_date_the_discourse_date_anchors() -> None:
    text = "The siege began on June 5, 2014. Two days later the city fell."
    found = _by_text(extract_timexes(text, anchor=None))
    later = found["Two days"]  # ``later`` is the signal, outside the stretch, as TimeML marks it
    assert (later.type, later.value, later.end_value) == ("DURATION", "P2D", "2014-06-07")
    assert (later.anchor, later.anchor_source) == ("2014-06-05", "discourse")


def test_weekday_direction_follows_tense() -> None:
    # 2021-03-10 is a Wednesday; Friday before it is 03-05, after it 03-12.
    past = _one("The minister resigned on Friday, officials said.")
    future = _one("The minister will resign on Friday.")
    assert past.value == "2021-03-05"
    assert future.value == "2021-03-12"
    assert _one("They meet next Wednesday.").value == "2021-03-17"


def test_month_name_without_year_takes_the_nearest_or_the_tense() -> None:
    assert _one("Prices fell in February.").value == "2021-02"
    assert _one("Prices rose in September.").value == "2020-09"
    assert _one("Prices will rise in September.").value == "2021-09"


@pytest.mark.parametrize(
    "sentence",
    [
        "May I ask a question?",
        "Over 2000 people marched.",
        "The 45-year-old man was arrested.",
        "They earn $50,000 a year.",
    ],
)
def test_non_temporal_lookalikes_are_rejected(sentence: str) -> None:
    assert extract_timexes(sentence, anchor="2021-03-10") == ()


def test_example_article() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    timexes = extract_timexes(text, anchor=None)
    found = _by_text(timexes)
    assert found["2014"].value == "2014"
    assert found["June of 2014"].value == "2014-06"
    assert found["January 2020"].value == "2020-01"
    assert (found["2017"].value, found["2017"].mod) == ("2017", "ON_OR_BEFORE")
    almost = found["almost two years"]
    assert (almost.type, almost.value, almost.mod) == ("DURATION", "P2Y", "APPROX")
    assert found["the Wednesday"].value == "XXXX-WXX-3"
    assert found["June 29, 2014"].value == "2014-06-29"
    assert found["August 2014"].value == "2014-08"
    assert [t.id for t in timexes] == [f"t{i}" for i in range(1, len(timexes) + 1)]
    for timex in timexes:
        assert text[timex.span.start : timex.span.end] == timex.span.text


def test_anaphoric_expressions_follow_the_narrative_not_the_publication_date() -> None:
    text = (
        "The dam was finished on March 3, 1998. The next day the valley flooded, and two "
        "weeks later the town was empty. The following year it was rebuilt."
    )
    found = _by_text(extract_timexes(text, anchor="2021-03-10"))
    assert found["The next day"].value == "1998-03-04"
    assert found["two weeks"].end_value == "1998-W12"
    assert found["The following year"].value == "1999"
    assert (found["The next day"].anchor, found["The next day"].anchor_source) == (
        "1998-03-03",
        "discourse",
    )
    # deictic expressions still count from the publication date
    assert _one("Two days ago the dam broke.").value == "2021-03-08"


def test_narrative_day_with_a_part_of_day() -> None:
    text = "Voting opened on June 5, 2019. That evening the count began."
    found = _by_text(extract_timexes(text, anchor="2019-06-10"))
    assert (found["That evening"].type, found["That evening"].value) == ("TIME", "2019-06-05TEV")


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("He arrived in nineteen ninety-six.", "nineteen ninety-six", "1996"),
        ("Plans for the year two thousand were drawn up.", "the year two thousand", "2000"),
        ("It began in January nineteen eighty-four.", "January nineteen eighty-four", "1984-01"),
    ],
)
def test_spelled_out_years(sentence: str, span: str, value: str) -> None:
    timex = _one(sentence)
    assert (timex.span.text, timex.value) == (span, value)


def test_the_reporting_year_and_the_year_ended() -> None:
    found = _by_text(extract_timexes("Sales for the full year rose.", anchor="2021-03-10"))
    assert (found["the full year"].type, found["the full year"].value) == ("DATE", "2021")
    ended, until = extract_timexes("Profit fell in the fiscal year ended June 30.", anchor=None)
    assert (ended.span.text, ended.type, ended.value) == ("the fiscal year", "DURATION", "P1Y")
    assert (until.span.text, until.value) == ("June 30", "XXXX-06-30")


def test_parts_of_day_before_a_deictic_day() -> None:
    timex = _one("Shares slid mid-afternoon yesterday.")
    assert (timex.span.text, timex.type, timex.value) == (
        "mid-afternoon yesterday",
        "TIME",
        "2021-03-09TAF",
    )
