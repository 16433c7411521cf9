"""Date-order flags on hand-written sentences: each conflict next to a look-alike without one.

Times are given as hand-made TIMEX3 records so that the rules are tested on their own; the
sentences are parsed by the real small model.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sayso.events import extract_events
from sayso.numbers import check_date_order
from sayso.records.model import Flag, Span, Timex, TimexType

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "article.txt"


def _timex(
    text: str,
    words: str,
    value: str,
    number: int,
    kind: TimexType = "DATE",
    anchor: str | None = None,
) -> Timex:
    start = text.index(words)
    span = Span.of(text, start, start + len(words))
    return Timex(f"t{number}", span, kind, value, "test", anchor=anchor)


def _times(text: str, *marks: tuple[str, str]) -> list[Timex]:
    """Timexes for (words, value) pairs; a value starting with ``P`` is a duration."""
    return [
        _timex(text, words, value, n, "DURATION" if value.startswith("P") else "DATE")
        for n, (words, value) in enumerate(marks, start=1)
    ]


def _flags(nlp: Language, text: str, *marks: tuple[str, str]) -> tuple[Flag, ...]:
    doc = nlp(text)
    timexes = _times(text, *marks)
    return check_date_order(doc, timexes, extract_events(doc, timexes=timexes))


def test_event_dated_before_what_it_followed_is_flagged(nlp: Language) -> None:
    text = "The army withdrew in 2012, two years after the invasion of 2015."
    flags = _flags(nlp, text, ("2012", "2012"), ("two years", "P2Y"), ("2015", "2015"))
    assert [f.kind for f in flags] == ["event_before_cause"]
    assert [s.text for s in flags[0].spans] == ["2012", "2015", "after"]
    assert "2012 is before 2015" in flags[0].message


def test_event_dated_after_what_it_followed_is_not_flagged(nlp: Language) -> None:
    text = "The army withdrew in 2017, two years after the invasion of 2015."
    assert _flags(nlp, text, ("2017", "2017"), ("two years", "P2Y"), ("2015", "2015")) == ()


def test_stated_gap_that_does_not_fit_the_dates_is_flagged(nlp: Language) -> None:
    text = "The army withdrew in 2021, two years after the invasion of 2015."
    flags = _flags(nlp, text, ("2021", "2021"), ("two years", "P2Y"), ("2015", "2015"))
    assert [f.kind for f in flags] == ["date_gap_mismatch"]
    assert [s.text for s in flags[0].spans] == ["2021", "two years", "2015"]


def test_almost_a_gap_is_within_the_slack(nlp: Language) -> None:
    text = "The army withdrew in 2016, almost two years after the invasion of 2015."
    assert _flags(nlp, text, ("2016", "2016"), ("almost two years", "P2Y"), ("2015", "2015")) == ()


def test_following_a_later_election(nlp: Language) -> None:
    text = "In 2009, following the 2011 election, the party split."
    flags = _flags(nlp, text, ("2009", "2009"), ("2011", "2011"))
    assert [f.kind for f in flags] == ["event_before_cause"]
    later = "In 2013, following the 2011 election, the party split."
    assert _flags(nlp, later, ("2013", "2013"), ("2011", "2011")) == ()


def test_after_clause_with_its_own_date(nlp: Language) -> None:
    text = "He resigned in 2019 after he was arrested in 2020."
    assert [f.kind for f in _flags(nlp, text, ("2019", "2019"), ("2020", "2020"))] == [
        "event_before_cause"
    ]
    fine = "He resigned in 2021 after he was arrested in 2020."
    assert _flags(nlp, fine, ("2021", "2021"), ("2020", "2020")) == ()


def test_in_response_to_a_later_month(nlp: Language) -> None:
    text = "The strike was launched in March 2010 in response to the attack of May 2010."
    flags = _flags(nlp, text, ("March 2010", "2010-03"), ("May 2010", "2010-05"))
    assert [f.kind for f in flags] == ["event_before_cause"]
    assert flags[0].spans[2].text == "in response to"
    same_year = "The strike was launched in 2010 in response to the attack of May 2010."
    assert _flags(nlp, same_year, ("2010", "2010"), ("May 2010", "2010-05")) == ()


def test_before_an_earlier_date(nlp: Language) -> None:
    text = "The talks collapsed in 2016 before the elections in 2014."
    assert [f.kind for f in _flags(nlp, text, ("2016", "2016"), ("2014", "2014"))] == [
        "event_before_cause"
    ]
    fine = "The talks collapsed in 2012 before the elections in 2014."
    assert _flags(nlp, fine, ("2012", "2012"), ("2014", "2014")) == ()


def test_a_date_inside_another_cue_is_not_the_clause_date(nlp: Language) -> None:
    text = "Exports show a fourfold rise since the 1970s and a level largely flat since the 2000s."
    assert _flags(nlp, text, ("the 1970s", "197"), ("the 2000s", "200")) == ()


def test_not_until_is_not_read_as_before(nlp: Language) -> None:
    text = "The plant reopened in 2018, not until the repairs of 2017."
    assert _flags(nlp, text, ("2018", "2018"), ("2017", "2017")) == ()


def test_actor_acting_after_their_own_death_is_flagged(nlp: Language) -> None:
    text = "Rebel leader Omar Haddad was killed in 2015. In 2018 Omar Haddad ordered an attack."
    flags = _flags(nlp, text, ("2015", "2015"), ("2018", "2018"))
    assert [f.kind for f in flags] == ["event_after_death"]
    assert [s.text for s in flags[0].spans] == [
        "Omar Haddad",
        "attack",
        "Rebel leader Omar Haddad",
        "killed",
    ]


def test_actor_acting_before_their_death_is_not_flagged(nlp: Language) -> None:
    text = "Rebel leader Omar Haddad was killed in 2015. In 2012 Omar Haddad ordered an attack."
    assert _flags(nlp, text, ("2015", "2015"), ("2012", "2012")) == ()


def test_a_common_noun_may_be_someone_else(nlp: Language) -> None:
    text = "The commander was killed in 2015. In 2018 the commander ordered an attack."
    assert _flags(nlp, text, ("2015", "2015"), ("2018", "2018")) == ()


def test_undated_event_after_a_death_is_not_flagged(nlp: Language) -> None:
    text = "Omar Haddad was killed in 2015. Omar Haddad had ordered the attack."
    assert _flags(nlp, text, ("2015", "2015")) == ()


def test_relative_date_resolved_before_its_anchor(nlp: Language) -> None:
    text = "The mine closed two years later."
    wrong = _timex(text, "two years later", "2010", 2, anchor="2014")
    flags = check_date_order(nlp(text), [wrong])
    assert [f.kind for f in flags] == ["relative_date_order"]
    assert "2014" in flags[0].message
    right = _timex(text, "two years later", "2016", 2, anchor="2014")
    assert check_date_order(nlp(text), [right]) == ()


def test_backward_relative_date_resolved_after_its_anchor(nlp: Language) -> None:
    text = "In 2014 the mine closed. It had opened two years earlier."
    opened = _timex(text, "2014", "2014", 1)
    wrong = _timex(text, "two years earlier", "2016", 2, anchor="t1")
    flags = check_date_order(nlp(text), [opened, wrong])
    assert [f.kind for f in flags] == ["relative_date_order"]
    assert [s.text for s in flags[0].spans] == ["two years earlier", "2014"]


def test_example_article_has_no_date_conflict(nlp: Language) -> None:
    from sayso.pipeline import Pipeline

    result = Pipeline().analyze_text(EXAMPLE.read_text(encoding="utf-8"))
    doc = nlp(result.article.text)
    assert check_date_order(doc, result.timexes, result.events) == ()


def test_the_pipeline_flags_an_event_before_its_cause() -> None:
    from sayso import analyze_text

    text = (
        "The ceasefire began in March 2019. The rebels withdrew from the town in May 2018, "
        "after the ceasefire began in March 2019.\n"
    )
    result = analyze_text(text)
    kinds = [flag.kind for flag in result.flags]
    assert kinds == ["event_before_cause"]
    assert {span.text for span in result.flags[0].spans} >= {"May 2018", "March 2019"}


def test_months_whose_year_was_guessed_prove_no_wrong_order(nlp: Language) -> None:
    text = "The vote could end in October, before the president takes office in January."
    october, january = text.index("October"), text.index("January")

    def months(anchor: str | None) -> list[Timex]:
        return [
            Timex("t1", Span.of(text, october, october + 7), "DATE", "2013-10", "test",
                  granularity="month", anchor=anchor),
            Timex("t2", Span.of(text, january, january + 7), "DATE", "2013-01", "test",
                  granularity="month", anchor=anchor),
        ]  # fmt: skip

    doc = nlp(text)
    guessed = months("2013-03-01")
    assert check_date_order(doc, guessed, extract_events(doc, timexes=guessed)) == ()
    stated = months(None)
    flags = check_date_order(doc, stated, extract_events(doc, timexes=stated))
    assert [f.kind for f in flags] == ["event_before_cause"]
