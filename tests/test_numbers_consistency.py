"""Consistency flags over hand-built quantities."""

from __future__ import annotations

from sayso.numbers import check_consistency
from sayso.records.model import Quantity, Span


def _q(text: str, words: str, value: float, *, nth: int = 0, **extra: object) -> Quantity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Quantity(
        f"q{start}",
        Span.of(text, start, start + len(words)),
        value,
        "test",
        **extra,  # type: ignore[arg-type]
    )


def _kinds(text: str, quantities: list[Quantity]) -> list[str]:
    return [flag.kind for flag in check_consistency(text, quantities)]


def test_parts_exceeding_their_total_are_flagged() -> None:
    text = "The militia held 500 prisoners, of whom 400 were soldiers and another 300 were police."
    quantities = [
        _q(text, "500", 500, counted="prisoners"),
        _q(text, "400", 400),
        _q(text, "300", 300),
    ]
    (flag,) = check_consistency(text, quantities)
    assert flag.kind == "parts_exceed_total"
    assert [s.text for s in flag.spans] == ["500", "400", "300"]
    assert "700" in flag.message


def test_parts_within_their_total_are_not_flagged() -> None:
    text = "The militia held 500 prisoners, of whom 200 were soldiers and 300 were police."
    quantities = [_q(text, "500", 500), _q(text, "200", 200), _q(text, "300", 300)]
    assert _kinds(text, quantities) == []


def test_an_open_ended_total_allows_any_parts() -> None:
    text = "At least 50 died, of whom 40 were children and 30 were women."
    quantities = [
        _q(text, "At least 50", 50, approx="at least"),
        _q(text, "40", 40),
        _q(text, "30", 30),
    ]
    assert _kinds(text, quantities) == []


def test_sums_that_do_not_add_up() -> None:
    text = "A total of 15 people were hurt: 5 guards and 7 visitors."
    quantities = [_q(text, "15", 15), _q(text, "5", 5), _q(text, "7", 7)]
    assert _kinds(text, quantities) == ["sum_mismatch"]


def test_back_reference_with_another_value() -> None:
    text = "The army sent 5,000 soldiers. These 6,000 soldiers arrived late."
    quantities = [
        _q(text, "5,000", 5000, counted="soldiers"),
        _q(text, "6,000", 6000, counted="soldiers"),
    ]
    assert _kinds(text, quantities) == ["value_conflict"]
    same = [
        _q(text, "5,000", 5000, counted="soldiers"),
        _q(text, "6,000", 5000, counted="soldiers"),
    ]
    assert _kinds(text, same) == []


def test_percentages_over_100_unless_a_change() -> None:
    text = "Some 120 percent of voters backed him. Exports rose 150 percent."
    quantities = [
        _q(text, "120 percent", 120, unit="percent"),
        _q(text, "150 percent", 150, unit="percent"),
    ]
    flags = check_consistency(text, quantities)
    assert [(f.kind, f.spans[0].text) for f in flags] == [("percent_over_100", "120 percent")]


def test_impossible_calendar_dates() -> None:
    text = (
        "The vote was held on February 30, 2021 and again on 31 April. Leap day: February 29, 2024."
    )
    flags = check_consistency(text, [])
    assert [f.spans[0].text for f in flags] == ["February 30, 2021", "31 April"]


def test_parts_of_one_whole_exceeding_it_are_flagged() -> None:
    text = "Of the 200 dead, 150 were children and 80 were women."
    whole = Span.of(text, text.index("the 200 dead"), text.index(","))
    quantities = [
        _q(text, "200", 200),
        _q(text, "150", 150, group=whole),
        _q(text, "80", 80, group=whole),
    ]
    (flag,) = check_consistency(text, quantities)
    assert flag.kind == "parts_exceed_total"
    assert [s.text for s in flag.spans] == ["200", "150", "80"]
    assert "230" in flag.message
    within = [_q(text, "200", 200), _q(text, "150", 150, group=whole)]
    assert _kinds(text, within) == []


def test_a_percentage_of_a_reference_amount_may_exceed_100() -> None:
    text = "Rents reached 150 percent of the national average. Turnout was 112 percent of voters."
    quantities = [
        _q(text, "150 percent", 150, unit="percent"),
        _q(text, "112 percent", 112, unit="percent"),
    ]
    flags = check_consistency(text, quantities)
    assert [f.spans[0].text for f in flags] == ["112 percent"]


def test_total_as_an_adjective_states_no_sum() -> None:
    text = "27 companies reported 16,389 total subsidiaries and 2,836 tax haven subsidiaries."
    quantities = [
        _q(text, "27", 27, counted="companies"),
        _q(text, "16,389", 16389, counted="subsidiaries"),
        _q(text, "2,836", 2836, counted="subsidiaries"),
    ]
    assert _kinds(text, quantities) == []
    stated = "A total of 40 people were hurt: 20 guards and 30 visitors."
    listed = [
        _q(stated, "40", 40, counted="people"),
        _q(stated, "20", 20, counted="guards"),
        _q(stated, "30", 30, counted="visitors"),
    ]
    assert _kinds(stated, listed) == ["sum_mismatch"]


def test_small_sets_referred_to_again_are_other_sets() -> None:
    text = "The other two states vote next week. The campaign runs ads in those five states."
    quantities = [
        _q(text, "two", 2, counted="states"),
        _q(text, "five", 5, counted="states"),
    ]
    assert _kinds(text, quantities) == []


def test_a_rate_or_a_change_in_percent_may_exceed_100() -> None:
    text = "They set a 266% tariff. They backed a 500 percent increase. And 130% of them agreed."
    quantities = [
        _q(text, "266%", 266, unit="percent"),
        _q(text, "500 percent", 500, unit="percent"),
        _q(text, "130%", 130, unit="percent"),
    ]
    assert [f.spans[0].text for f in check_consistency(text, quantities)] == ["130%"]


def test_a_total_that_counts_nothing_named_has_no_parts() -> None:
    text = "There were 18 emails between the two, comprising eight email chains."
    quantities = [
        _q(text, "18", 18, counted="emails"),
        _q(text, "two", 2),
        _q(text, "eight", 8, counted="chains"),
    ]
    assert _kinds(text, quantities) == []
