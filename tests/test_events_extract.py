"""Event extraction rules on hand-written sentences (the real small model parses them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sayso.events import extract_events
from sayso.events.plover import plover_category
from sayso.records.model import Span, StanceEvidence, Statement, Timex
from sayso.time import extract_timexes
from tests.event_support import one_event, role_texts

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


def _timex(text: str, words: str, value: str, mod: str | None = None) -> Timex:
    start = text.index(words)
    return Timex("t1", Span.of(text, start, start + len(words)), "DATE", value, "test", mod=mod)


def test_passive_killing_has_victim_and_dated_time(nlp: Language) -> None:
    text = "The rebel commander Omar Haddad was killed in 2009 near the border."
    timex = _timex(text, "2009", "2009")
    event = one_event(extract_events(nlp(text), timexes=[timex], anchor="2023-05-01"), "killed")
    assert event.type == "KILLED"
    assert plover_category(event.type) == "ASSAULT"
    assert role_texts(event, "recipient") == ["rebel commander Omar Haddad"]
    assert role_texts(event, "actor") == []
    assert event.time is not None
    assert (event.time.relation, event.time.value, event.time.timex_id) == ("during", "2009", "t1")


def test_event_after_a_later_stretch_is_dated_by_the_day_it_reaches(nlp: Language) -> None:
    text = "Rebels attacked Mosul on June 5. Two days later, militants killed the governor."
    start = text.index("Two days")
    stretch = Timex(
        "t2", Span.of(text, start, start + len("Two days")), "DURATION", "P2D", "test",
        end_value="2014-06-07",
    )  # fmt: skip
    event = one_event(extract_events(nlp(text), timexes=[stretch], anchor="2014-06-20"), "killed")
    assert event.time is not None
    assert (event.time.relation, event.time.value) == ("on", "2014-06-07")
    assert event.time.timex_id == "t2"


def test_joined_verbs_share_the_time_of_the_occasion_they_happened_in(nlp: Language) -> None:
    text = "Militants killed 12 soldiers and wounded 30 others in an attack on Tuesday."
    start = text.index("Tuesday")
    tuesday = Timex("t1", Span.of(text, start, start + 7), "DATE", "2021-03-09", "test")
    events = extract_events(nlp(text), timexes=[tuesday], anchor="2021-03-12")
    for trigger in ("killed", "wounded"):
        event = one_event(events, trigger)
        assert event.time is not None
        assert (event.time.relation, event.time.value) == ("on", "2021-03-09")


def test_a_stretch_after_a_dated_clause_dates_the_main_event_only(nlp: Language) -> None:
    text = "The rebels surrendered two years after the army attacked them in March 2003."
    found = extract_timexes(text, anchor="2010-01-01")
    events = extract_events(nlp(text), timexes=found, anchor="2010-01-01")
    surrendered, attacked = one_event(events, "surrendered"), one_event(events, "attacked")
    assert surrendered.time is not None
    assert (surrendered.time.relation, surrendered.time.value) == ("on", "2005-03")
    assert attacked.time is not None
    assert attacked.time.value == "2003-03"


def test_a_stretch_after_an_event_named_again_counts_from_its_date(nlp: Language) -> None:
    text = (
        "The peace deal was signed in March 2005. The rebels surrendered three months after "
        "the deal."
    )
    found = extract_timexes(text, anchor="2010-01-01")
    events = extract_events(nlp(text), timexes=found, anchor="2010-01-01")
    surrendered = one_event(events, "surrendered")
    assert surrendered.time is not None
    assert (surrendered.time.relation, surrendered.time.value) == ("on", "2005-06")
    undated = "The rebels surrendered three months after the deal."
    alone = one_event(
        extract_events(
            nlp(undated), timexes=extract_timexes(undated, anchor="2010-01-01"), anchor="2010-01-01"
        ),
        "surrendered",
    )
    assert alone.time is not None
    assert alone.time.relation == "inherited"


def test_undated_event_inherits_the_article_date(nlp: Language) -> None:
    event = one_event(
        extract_events(nlp("Police arrested two protesters."), anchor="2023-05-01"), "arrested"
    )
    assert event.type == "COERCE"
    assert event.time is not None
    assert (event.time.relation, event.time.value) == ("inherited", "2023-05-01")
    assert "mode:arrest" in {a.role for a in event.arguments}


def test_by_a_date_is_a_deadline_not_an_agent(nlp: Language) -> None:
    text = "The militia was largely defeated by 2019."
    timex = _timex(text, "2019", "2019", mod="ON_OR_BEFORE")
    event = one_event(extract_events(nlp(text), timexes=[timex]), "defeated")
    assert event.time is not None
    assert (event.time.relation, event.time.value) == ("before", "..2019")
    assert role_texts(event, "actor") == []
    assert role_texts(event, "recipient") == ["militia"]


def test_nominal_trigger_takes_modifier_actor_and_place(nlp: Language) -> None:
    events = extract_events(nlp("A French airstrike in Mosul destroyed the depot."))
    strike = one_event(events, "airstrike")
    assert strike.type == "ASSAULT"
    assert role_texts(strike, "place") == ["Mosul"]
    assert "mode:aerial" in {a.role for a in strike.arguments}


def test_light_verb_gives_its_subject_to_the_noun(nlp: Language) -> None:
    event = one_event(extract_events(nlp("The senior cleric issued a decree on Friday.")), "decree")
    assert event.type == "DECLARED"
    assert role_texts(event, "actor") == ["senior cleric"]


def test_negated_and_future_events(nlp: Language) -> None:
    negated = one_event(extract_events(nlp("The rebels did not attack the town.")), "attack")
    assert negated.modality == "negated"
    future = one_event(extract_events(nlp("The two ministers will meet in Geneva.")), "meet")
    assert future.type == "MET"
    assert future.modality == "future"
    assert plover_category(future.type, future.modality) == "AGREE"


def test_promised_cooperation_is_agree(nlp: Language) -> None:
    event = one_event(extract_events(nlp("Norway will provide food aid to the region.")), "provide")
    assert event.type == "AGREE"


def test_event_inside_a_statement_is_reported(nlp: Language) -> None:
    text = "The agency claims that the general arrived in Damascus."
    start = text.index("the general")
    statement = Statement(
        id="s1",
        kind="indirect",
        content=(Span.of(text, start, len(text) - 1),),
        extractor="test",
        stance=StanceEvidence("neutral"),
    )
    event = one_event(extract_events(nlp(text), statements=[statement]), "arrived")
    assert (event.type, event.modality, event.statement_id) == ("ARRIVED", "reported", "s1")
    assert role_texts(event, "place") == ["Damascus"]


def test_caption_ranges_mark_caption_events(nlp: Language) -> None:
    text = "Troops withdrew from the city. Protesters rally in the square."
    caption = (text.index("Protesters"), len(text))
    events = extract_events(nlp(text), caption_ranges=[caption])
    assert not one_event(events, "withdrew").from_caption
    assert one_event(events, "rally").from_caption


def test_coordinated_subjects_are_separate_actors(nlp: Language) -> None:
    event = one_event(extract_events(nlp("Chile and Peru signed a treaty.")), "signed")
    assert event.type == "SUPPORT"
    assert role_texts(event, "actor") == ["Chile", "Peru"]
