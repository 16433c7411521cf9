"""Cross-article number disagreement on hand-built quantities (sayso.corpus.numbers)."""

from __future__ import annotations

from sayso.corpus.numbers import allowed_range, disagree
from sayso.records.model import Quantity, Span


def _q(value: float, place: str | None = None, **extra: object) -> Quantity:
    where = Span(0, len(place), place) if place else None
    return Quantity("q1", Span(0, 2, "12"), value, "test", place=where, **extra)  # type: ignore[arg-type]


def test_wording_sets_the_range_a_number_allows() -> None:
    assert allowed_range(_q(12, approx="at least"))[0] == 12
    assert allowed_range(_q(40, approx="about")) == (36.0, 44.0)


def test_counts_of_one_place_disagree_and_of_two_places_do_not() -> None:
    assert disagree(_q(12, "Kabul"), _q(30, "Kabul"))
    assert disagree(_q(12, "Kabul"), _q(30))  # one side names no place: still compared
    assert not disagree(_q(12, "Kabul"), _q(30, "Kandahar"))
    assert not disagree(_q(12, approx="at least"), _q(30))
