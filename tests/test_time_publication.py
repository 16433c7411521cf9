"""Publication-date estimates for undated articles (sayso.time.estimate_publication)."""

from __future__ import annotations

from pathlib import Path

from sayso.time import estimate_publication, extract_timexes

ARTICLE = Path(__file__).resolve().parents[1] / "examples" / "article.txt"


def _estimate(text: str) -> tuple[str | None, str | None, str | None, tuple[str, ...]]:
    published = estimate_publication(text, extract_timexes(text, anchor=None))
    assert published is not None
    assert published.estimated
    assert published.source == "estimate"
    evidence = tuple(span.text for span in published.evidence)
    return published.value, published.earliest, published.latest, evidence


def test_almost_two_years_after_a_month() -> None:
    text = (
        "The inquiry was opened in 2015. This new report comes almost two years after the "
        "minister was killed in a plane crash in January 2020."
    )
    assert _estimate(text) == (
        "2021-11",
        "2021-09",
        "2022-01",
        ("almost two years", "January 2020"),
    )


def test_exact_and_more_than_durations() -> None:
    exact = "The ruling comes three months after the vote in May 2019."
    assert _estimate(exact)[:3] == ("2019-08", "2019-08", "2019-08")
    over = "It is more than a year since the floods of March 2018."
    assert _estimate(over)[:3] == ("2019-04", "2019-03", "2019-05")


def test_past_tense_elapsed_time_is_not_the_present() -> None:
    text = "He was released two years after his arrest in 2010. The case reopened in 2016."
    value, earliest, latest, evidence = _estimate(text)
    assert (value, earliest, latest, evidence) == ("2016", "2016", None, ("2016",))


def test_latest_date_mentioned_is_a_lower_bound() -> None:
    text = "Talks began on March 2, 2019 and stalled in June 2019; a deal came in 2018."
    assert _estimate(text) == ("2019-06", "2019-06", None, ("June 2019",))


def test_a_date_looked_forward_to_is_no_lower_bound() -> None:
    text = (
        "The plant closed in May 2019. Its owner will reopen it in 2023, and the loan is due "
        "in 2034."
    )
    assert _estimate(text) == ("2019-05", "2019-05", None, ("May 2019",))


def test_no_dates_no_estimate() -> None:
    text = "Nobody said when it happened."
    assert estimate_publication(text, extract_timexes(text, anchor=None)) is None


def test_example_article_estimate() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    value, earliest, latest, evidence = _estimate(text)
    assert (value, earliest, latest) == ("2021-11", "2021-09", "2022-01")
    assert evidence == ("almost two years", "January 2020")
