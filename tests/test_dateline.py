"""Datelines parsed into place, date and agency by their shape, at the start of the story."""

from __future__ import annotations

import pytest

from sayso.ingest.article import make_article, make_source
from sayso.ingest.dateline import dateline_at


@pytest.mark.parametrize(
    ("opening", "place", "date", "agency"),
    [
        ("WASHINGTON (Reuters) - ", "WASHINGTON", None, "Reuters"),
        ("BAGHDAD, June 3 (AP) — ", "BAGHDAD", "June 3", "AP"),
        ("SACRAMENTO — ", "SACRAMENTO", None, None),
        ("NEW DELHI: ", "NEW DELHI", None, None),
        ("ST. PETERSBURG, Fla. -- ", "ST. PETERSBURG, Fla.", None, None),
        ("WASHINGTON—", "WASHINGTON", None, None),
        ("Lagos, Nigeria (CNN) — ", "Lagos, Nigeria", None, "CNN"),
        ("(CNN) — ", None, None, "CNN"),
        ("GENEVA, Sept. 14, 2021 (AFP) – ", "GENEVA", "Sept. 14, 2021", "AFP"),
        ("LONDON/DUBAI, June 10 (Reuters) - ", "LONDON/DUBAI", "June 10", "Reuters"),
    ],
)
def test_a_dateline_is_split_into_its_parts(
    opening: str, place: str | None, date: str | None, agency: str | None
) -> None:
    text = opening + "Ten people were hurt when a bridge gave way, officials said."
    found = dateline_at(text, 0, len(text))
    assert found is not None
    assert found.span.text == opening
    assert (found.place.text if found.place else None) == place
    assert (found.date.text if found.date else None) == date
    assert (found.agency.text if found.agency else None) == agency


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: The bridge has reopened.",
        "BREAKING — A bridge gave way.",
        "A FEMALE nurse was taken to hospital.",
        "NATO-led forces withdrew on Monday.",
        "London - the mayor said nothing.",
        "US-China talks — which began in May — resumed.",
        "WASHINGTON (Reuters) -",
    ],
)
def test_openings_that_are_not_datelines(text: str) -> None:
    assert dateline_at(text, 0, len(text)) is None


def test_an_article_records_its_dateline_and_the_wire_agency_apart_from_the_outlet() -> None:
    text = "Bridge gives way\n\nMUMBAI (Reuters) - Ten people were hurt.\n\nMore later."
    article = make_article(text, make_source("mem", "text"))
    dateline = article.metadata.dateline
    assert dateline is not None
    assert dateline.place is not None
    assert dateline.place.text == "MUMBAI"
    assert article.text[dateline.span.start : dateline.span.end] == "MUMBAI (Reuters) - "
    assert article.metadata.agency == "Reuters"
    assert article.metadata.field_sources["agency"] == "dateline"
    assert article.metadata.outlet is None


def test_a_dateline_deep_in_the_story_is_not_the_story_s_dateline() -> None:
    text = "One.\n\nTwo.\n\nThree.\n\nLONDON (AP) - A later paragraph quoting a wire story."
    assert make_article(text, make_source("mem", "text")).metadata.dateline is None
