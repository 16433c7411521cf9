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


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        # a modal perfect is about the past: the Tuesday before the anchor (a Wednesday)
        ("The fault may have caused the outage on Tuesday.", "Tuesday", "2021-03-09"),
        # ``set`` as a participle of the past, not an arrangement
        ("Oil fell, leaving prices below the peak set on Aug. 6.", "Aug. 6", "2020-08-06"),
        # a time before a past verb of arrangement dates the arranging; after it, the plan
        ("On Tuesday, the firm planned to pay the claims.", "Tuesday", "2021-03-09"),
        ("The firm planned to pay the claims on Friday.", "Friday", "2021-03-12"),
        # an infinitive on a noun takes the tense of the noun's verb
        ("Voters will have a chance to make it known on Tuesday.", "Tuesday", "2021-03-16"),
        ("He announced a deal to buy the firm in June.", "June", "2020-06"),
    ],
)
def test_tense_from_the_parse(nlp: Language, sentence: str, span: str, value: str) -> None:
    found = extract_timexes(sentence, anchor="2021-03-10", doc=nlp(sentence))
    assert [(t.span.text, t.value) for t in found] == [(span, value)]


@pytest.mark.parametrize(
    ("sentence", "anchor", "value"),
    [
        # the anchor, 2021-03-10, is a Wednesday
        ("The agency postponed its decision until Tuesday.", "2021-03-10", "2021-03-16"),
        ("The agency gave them until 9 a.m. Monday to leave.", "2021-03-10", "2021-03-15T09:00"),
        ("Until Tuesday, the police had said nothing.", "2021-03-10", "2021-03-09"),
        ("The board approved a new contract, effective June 1.", "2021-10-20", "2022-06-01"),
    ],
)
def test_until_and_effective_look_ahead(sentence: str, anchor: str, value: str) -> None:
    assert [value] == [t.value for t in extract_timexes(sentence, anchor=anchor)]


def test_a_clock_time_takes_the_day_its_sentence_names() -> None:
    text = "The blast occurred at about 10:35 a.m. (0835 GMT) Monday, witnesses said."
    found = extract_timexes(text, anchor="2021-03-10")
    assert [(t.span.text, t.value) for t in found] == [
        ("about 10:35 a.m.", "2021-03-08T10:35"),
        ("Monday", "2021-03-08"),
    ]
    assert found[0].anchor == "2021-03-08"
    alone = extract_timexes("The train left at 6 p.m. and arrived late.", anchor="2021-03-10")
    assert [t.value for t in alone] == ["2021-03-10T18:00"]


def test_the_past_year_is_a_calendar_year_and_halves_by_quarters() -> None:
    assert _found("Prices rose 4% over the past year.", "2021-03-10") == [
        ("the past year", "DATE", "2020")
    ]
    assert _found("Sales should recover over the next year or so.", "2021-03-10") == [
        ("the next year", "DATE", "2022")
    ]
    assert _found("The past two months were hard.", "2021-03-10") == [
        ("The past two months", "DURATION", "P2M")
    ]
    text = "It expects weaker results for the last half of 2021 and the first two quarters of 2022."
    assert _found(text, "2021-03-10") == [
        ("the last half of 2021", "DATE", "2021-H2"),
        ("the first two quarters of 2022", "DATE", "2022-H1"),
    ]


def test_previous_and_following_weekdays_count_from_the_narrative_day() -> None:
    text = "The index closed Friday at 100, up from the previous Friday."
    found = extract_timexes(text, anchor="2021-03-15")  # a Monday
    assert [(t.span.text, t.value) for t in found] == [
        ("Friday", "2021-03-12"),
        ("the previous Friday", "2021-03-05"),
    ]
    assert found[1].anchor == "2021-03-12"
    text = "The talks opened on March 3, 2021, and ended the following Monday."
    assert _found(text, "2021-06-01")[-1] == ("the following Monday", "DATE", "2021-03-08")


def test_comparisons_with_the_quarter_a_year_before_are_one_expression() -> None:
    text = (
        "Acme earned $5 million in the third quarter, up from $4 million in the quarter a year "
        "ago. Sales for last year's quarter were $3 million, against $2 million for the "
        "corresponding period last year and $1 million in the comparable year-ago quarter. "
        "Last year, it lost money."
    )
    assert [(t.span.text, t.value) for t in extract_timexes(text, anchor="2021-10-20")] == [
        ("the third quarter", "2021-Q3"),
        ("the quarter a year ago", "2020-Q3"),
        ("last year's quarter", "2020-Q3"),
        ("the corresponding period last year", "2020-Q3"),
        ("the comparable year-ago quarter", "2020-Q3"),
        ("Last year", "2020"),
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The storm hit the coast over the weekend.", "2021-W10-WE"),
        ("Traders sold shares ahead of the weekend.", "2021-W11-WE"),
        ("The talks will go on through the weekend.", "2021-W11-WE"),
    ],
)
def test_the_weekend_follows_the_tense(sentence: str, value: str) -> None:
    # The anchor, 2021-03-15, is a Monday.
    assert [t.value for t in extract_timexes(sentence, anchor="2021-03-15")] == [value]


def test_vague_references_ahead_and_behind() -> None:
    text = (
        "Prices may fall in the weeks ahead, and the near term looks weak. The then-current "
        "chairman left; the vote comes at a later date."
    )
    assert _found(text, "2021-03-10") == [
        ("the weeks ahead", "DURATION", "PXW"),
        ("the near term", "DATE", "FUTURE_REF"),
        ("then-current", "DATE", "PAST_REF"),
        ("a later date", "DATE", "FUTURE_REF"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The strike ended barely a month after it began.", [("a month", "DURATION", "P1M")]),
        ("The repairs could take as long as a week.", [("a week", "DURATION", "P1W")]),
        ("Members pay $40 a month in dues.", []),
    ],
)
def test_a_unit_is_a_duration_after_words_of_extent(
    sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _found(sentence, "2021-03-10") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The summit meets on April 24 and 25 in Lisbon.",
            [("April 24", "DATE", "2021-04-24"), ("25", "DATE", "2021-04-25")],
        ),
        (
            "Strikes halted the trains Feb. 3-4.",
            [("Feb. 3", "DATE", "2021-02-03"), ("4", "DATE", "2021-02-04")],
        ),
        ("Shares rose March 3 and 4 percent later.", [("March 3", "DATE", "2021-03-03")]),
        ("The fare fell on June 2 to 15 cents.", [("June 2", "DATE", "2021-06-02")]),
    ],
)
def test_a_second_day_after_a_date_is_a_date_of_its_own(
    sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _found(sentence, "2021-03-10") == expected


def test_the_future_of_something_is_not_a_time() -> None:
    assert _found("Leaders debated the future of the alliance.", "2021-03-10") == []
    assert _found("Leaders will meet again in the future.", "2021-03-10") == [
        ("the future", "DATE", "FUTURE_REF")
    ]


def test_a_possessive_date_leaves_a_word_of_approximation_outside() -> None:
    found = _found("Lawyers sought ways to get around Monday's ruling.", "2021-03-10")
    assert found == [("Monday", "DATE", "2021-03-08")]
    found = _found("The talks will resume around Monday.", "2021-03-10")
    assert found == [("around Monday", "DATE", "2021-03-15")]


def test_a_model_year_after_a_possessive_is_not_a_date() -> None:
    assert _found("Police found the driver's 1994 Toyota in a lot.", "2021-03-10") == []
    assert _found("The treaty overruled a 1971 Convention.", "2021-03-10") == [
        ("1971", "DATE", "1971")
    ]


def test_high_noon_is_an_idiom() -> None:
    assert _found("For the struggling league, it is high noon.", "2021-03-10") == []
    assert _found("The market opens at noon.", "2021-03-10") == [
        ("noon", "TIME", "2021-03-10T12:00")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The man was arrested at about 02:30 GMT on Friday.",
            [("about 02:30 GMT", "TIME", "2013-03-22T02:30"), ("Friday", "DATE", "2013-03-22")],
        ),
        ("The attack began at 1400 GMT.", [("1400 GMT", "TIME", "2013-03-22T14:00")]),
        ("It ended at 15:45 local time.", [("15:45", "TIME", "2013-03-22T15:45")]),
        ("The vote closes at 22:00.", [("22:00", "TIME", "2013-03-22T22:00")]),
        # a ratio, a match clock and a verse are no times; neither is a zone restatement
        ("The ratio was 2:1 and he scored 3:16 in; read John 3:16.", []),
        (
            "The blast came at 10:35 a.m. (0735 GMT).",
            [("10:35 a.m.", "TIME", "2013-03-22T10:35")],
        ),
    ],
)
def test_24_hour_clock_times(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(sentence, "2013-03-22") == expected


def test_a_fortnight_is_two_weeks() -> None:
    assert _found("The past fortnight was calm; a fortnight ago it was not.", "2013-03-22") == [
        ("The past fortnight", "DURATION", "P2W"),
        ("a fortnight ago", "DATE", "2013-W10"),
    ]


def test_a_half_of_a_named_year_is_one_expression() -> None:
    assert _found("Growth slows in the second half of the year.", "2013-03-22") == [
        ("the second half of the year", "DATE", "2013-H2")
    ]
    assert _found("Profits fell in the first quarter of last year.", "2013-03-22") == [
        ("the first quarter of last year", "DATE", "2012-Q1")
    ]


def test_plural_units_after_in_close_a_superlative() -> None:
    assert _found("It was the worst in decades, the first time in years.", "2013-03-22") == [
        ("decades", "DURATION", "PXE"),
        ("years", "DURATION", "PXY"),
    ]
    assert _found("Prices may rise in years to come.", "2013-03-22") == []


def test_us_zones_without_the_season_letter() -> None:
    assert _found("Polls will close at 8 p.m. ET on Tuesday.", "2012-11-04") == [
        ("8 p.m. ET", "TIME", "2012-11-06T20:00"),
        ("Tuesday", "DATE", "2012-11-06"),
    ]


def test_a_day_after_a_month_of_the_narrative_stays_in_that_month() -> None:
    text = "He spoke at the convention in July. At a breakfast the following morning, he was booed."
    assert _found(text, "2016-09-26") == [
        ("July", "DATE", "2016-07"),
        ("the following morning", "TIME", "2016-07-XXTMO"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We set out on June 16th of last year.", ("June 16th of last year", "DATE", "2015-06-16")),
        ("The law passed on 3 March this year.", ("3 March this year", "DATE", "2016-03-03")),
        ("Christmas next year will be quiet.", ("Christmas next year", "DATE", "2017-12-25")),
    ],
)
def test_a_day_of_a_named_relative_year(sentence: str, expected: tuple[str, str, str]) -> None:
    assert _found(sentence, "2016-09-26") == [expected]


def test_a_holiday_naming_a_thing_is_no_date() -> None:
    assert _found("Mexico taxed Christmas trees and Halloween costumes.", "2016-09-26") == []


def test_a_day_range_shares_its_month_and_year() -> None:
    assert _found("The fair runs June 8-11, 2026, in Rio.", "2025-10-13") == [
        ("June 8", "DATE", "2026-06-08"),
        ("11, 2026", "DATE", "2026-06-11"),
    ]
    assert _found("The summit runs 16-19 March 2026.", "2025-10-13") == [
        ("16", "DATE", "2026-03-16"),
        ("19 March 2026", "DATE", "2026-03-19"),
    ]
    # a falling pair (a score) is no range: ``3`` is not a first day
    assert "3" not in [found[0] for found in _found("They won 3-1 March 5.", "2025-10-13")]


def test_a_slash_date_whose_first_number_is_no_month_is_day_first() -> None:
    assert _found("The file is dated 19/03/2013; the form 03/04/2013.", "2013-03-22") == [
        ("19/03/2013", "DATE", "2013-03-19"),
        ("03/04/2013", "DATE", "2013-03-04"),
    ]


def test_feasts_move_with_easter() -> None:
    found = _found("Palm Sunday, Easter Monday and Ash Wednesday", "2013-03-22")
    assert [value for _, _, value in found] == ["2013-03-24", "2013-04-01", "2013-02-13"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The firm sued on Oct. 3. Three days later it quit.", ("Three days", "P3D", "1998-10-06")),
        ("He left. A year later he died.", ("A year", "P1Y", "1999")),
        ("A few days later, the board met.", ("A few days", "PXD", None)),
        ("Two or three weeks later it rained.", ("Two or three weeks", "P2W", None)),
    ],
)
def test_a_stretch_before_later_is_a_duration_that_reaches_a_date(
    sentence: str, expected: tuple[str, str, str | None]
) -> None:
    found = extract_timexes(sentence, anchor="1998-10-25")
    stretch = next(t for t in found if t.type == "DURATION")
    assert (stretch.span.text, stretch.value, stretch.end_value) == expected


def test_the_narrative_moves_to_the_date_a_later_stretch_reaches() -> None:
    found = extract_timexes(
        "The firm sued on Oct. 3. Three days later it withdrew. The next day it sued again.",
        anchor="1998-10-25",
    )
    assert [(t.span.text, t.value) for t in found] == [
        ("Oct. 3", "1998-10-03"),
        ("Three days", "P3D"),
        ("The next day", "1998-10-07"),
    ]


def test_units_later_without_a_count_are_a_vague_duration() -> None:
    assert _found("Hours later, a second blast hit.", "2013-03-22") == [
        ("Hours later", "DURATION", "PTXH")
    ]


def test_decades_written_with_an_apostrophe() -> None:
    found = _found("the 1980’s, the 90's and the late ’70s", "2016-10-04")
    assert [(text, value) for text, _, value in found] == [
        ("the 1980’s", "198"),
        ("the 90's", "199"),
        ("the late ’70s", "197"),
    ]


def test_the_title_of_a_paper_is_no_set() -> None:
    assert _found("The Daily Caller and the Weekly Standard ran it daily.", "2016-10-04") == [
        ("daily", "SET", "P1D")
    ]


def test_a_part_of_the_day_is_on_the_narrative_day() -> None:
    assert _found("It sailed on Monday and docked by late afternoon.", "2013-03-22") == [
        ("Monday", "DATE", "2013-03-18"),
        ("late afternoon", "TIME", "2013-03-18TAF"),
    ]


def test_sets_with_a_count() -> None:
    text = "Reviewed every five years, checked every other month and cleaned every 10 days."
    assert _found(text, "2013-03-22") == [
        ("every five years", "SET", "P5Y"),
        ("every other month", "SET", "P2M"),
        ("every 10 days", "SET", "P10D"),
    ]


def test_a_weekday_without_a_tense_is_the_nearest_one() -> None:
    # Saturday's paper: the convention that "begins Monday" is two days ahead, not five back
    assert _found("The convention begins Monday.", "2016-07-23") == [
        ("Monday", "DATE", "2016-07-25")
    ]
    assert _found("The convention began Monday.", "2016-07-23") == [
        ("Monday", "DATE", "2016-07-18")
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Trump told USA TODAY that he would win.", "He spoke on Breitbart News Daily."],
)
def test_a_time_word_inside_a_name_is_no_time(sentence: str) -> None:
    assert _found(sentence, "2015-12-01") == []


def test_a_time_word_in_a_title_case_headline_is_a_time() -> None:
    assert _found("Donald Trump Is Now Calling for a Ban", "2015-12-01") == [
        ("Now", "DATE", "PRESENT_REF")
    ]


def test_nine_eleven_names_the_2001_attacks() -> None:
    text = "We lost 3,000 people on 9/11, after the Sept. 11 attacks. The vote will be on Sept. 11."
    assert _found(text, "2016-03-01") == [
        ("9/11", "DATE", "2001-09-11"),
        ("Sept. 11", "DATE", "2001-09-11"),
        ("Sept. 11", "DATE", "2016-09-11"),
    ]


def test_the_past_before_a_count_of_things_is_no_time() -> None:
    assert _found("He won five of the past six elections; in the past, it was easy.", None) == [
        ("the past", "DATE", "PAST_REF")
    ]


def test_fractions_are_not_quarters_of_a_year() -> None:
    text = "Sales fell three-quarters; a quarter of the vote went to him; it fell by one-quarter."
    assert _found(text, "2016-03-01") == []


def test_a_month_naming_a_scheduled_event_is_the_next_one_unless_past(nlp: Language) -> None:
    cases = [
        ("Democrats fear losing if the November election goes badly.", "2016-11"),
        ("He won the November election by a mile.", "2015-11"),
    ]
    for sentence, value in cases:
        found = extract_timexes(sentence, anchor="2016-03-04", doc=nlp(sentence))
        assert [t.value for t in found] == [value]


def test_hyphenated_years_are_two_years() -> None:
    text = "From 2010-2011, in the 2007-09 crisis; 1500-2000 troops."
    assert _found(text, "2016-03-04") == [
        ("2010", "DATE", "2010"),
        ("2011", "DATE", "2011"),
        ("2007", "DATE", "2007"),
        ("09", "DATE", "2009"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Stocks fell on Friday. Earlier in the day, oil rose.", "2016-07-29"),
        ("In 2009 the plant closed; by the end of the year 500 jobs were gone.", "2009"),
        ("In 2009 the plant closed. The firm will hire 100 by the end of the year.", "2016"),
    ],
)
def test_a_part_of_the_day_or_year_is_of_the_narrative_unless_ahead(text: str, value: str) -> None:
    assert _found(text, "2016-07-30")[-1][2] == value


def test_a_range_of_counts_is_one_duration_valued_by_its_lower_bound() -> None:
    text = "Over the past two or three weeks it rose, and it may take five to 10 years."
    assert _found(text, "2016-07-30") == [
        ("the past two or three weeks", "DURATION", "P2W"),
        ("five to 10 years", "DURATION", "P5Y"),
    ]


def test_over_is_more_than_only_after_words_of_extent() -> None:
    text = "It costs $10 trillion over 10 years; he served for over 20 years."
    found = [(t.span.text, t.mod) for t in extract_timexes(text, anchor="2016-07-30")]
    assert found == [("10 years", None), ("20 years", "MORE_THAN")]


def test_over_the_years_is_a_vague_duration() -> None:
    assert _found("Over the years he changed; over the years of war it fell.", None) == [
        ("the years", "DURATION", "PXY")
    ]


def test_from_after_a_change_is_a_baseline_not_a_start() -> None:
    text = "Sales are up 70 percent from 2008. He served from 2009 to 2013."
    found = [(t.span.text, t.mod) for t in extract_timexes(text, anchor="2016-07-30")]
    assert found == [("2008", None), ("2009", "ON_OR_AFTER"), ("2013", None)]


def test_a_hyphenated_date_before_a_noun_leaves_the_article_to_the_noun() -> None:
    found = extract_timexes("The late-November talks and the post-1959 exile.", anchor="2000-01-28")
    assert [(t.span.text, t.value, t.mod) for t in found] == [
        ("late-November", "1999-11", "END"),
        ("post-1959", "1959", "AFTER"),
    ]


def test_pre_and_post_join_a_date_only_by_a_hyphen() -> None:
    found = extract_timexes("Pre-2008 rules outlived the post 2000 era.", anchor="2000-01-28")
    assert [(t.span.text, t.mod) for t in found] == [("Pre-2008", "BEFORE"), ("2000", None)]


@pytest.mark.parametrize(
    ("sentence", "stretch", "end_value"),
    [
        ("The deal was signed two years after the war began in March 2003.", "two years",
         "2005-03"),
        ("He resigned three months before the vote of June 2019.", "three months", "2019-03"),
        ("It came almost two years after he was killed in January 2020.", "almost two years",
         "2022-01"),
        # a date outside the phrase the stretch opens is not what it counts from
        ("He left two years after the war, and in 2010 he returned.", "two years", None),
    ],
)  # fmt: skip
def test_a_stretch_after_a_dated_phrase_reaches_a_date(
    sentence: str, stretch: str, end_value: str | None
) -> None:
    found = {t.span.text: t for t in extract_timexes(sentence, anchor="2024-05-01")}
    assert found[stretch].type == "DURATION"
    assert found[stretch].end_value == end_value


def test_a_quoted_programme_title_is_no_time() -> None:
    text = 'Baker said on ABC\'s "This Week With David Brinkley" that talks would resume this week.'
    assert _found(text, "1991-02-25") == [("this week", "DATE", "1991-W09")]
    assert _found('"Next Monday," he said, "we vote."', "1991-02-25") == [
        ("Next Monday", "DATE", "1991-03-04")
    ]
