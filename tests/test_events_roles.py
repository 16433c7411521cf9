"""Actor / recipient choice and type adjustments on hand-written sentences (real small model)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sayso.events import extract_events
from sayso.events.plover import plover_category
from sayso.records.model import Event

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    from sayso.nlp.loader import load_model

    return load_model()


def _one(events: tuple[Event, ...], trigger: str) -> Event:
    found = [e for e in events if e.trigger.text == trigger]
    assert len(found) == 1, [e.trigger.text for e in events]
    return found[0]


def _role(event: Event, role: str) -> list[str]:
    return [a.span.text for a in event.arguments if a.role == role]


def test_threat_targets_the_recipient_of_the_threatened_act(nlp: Language) -> None:
    events = extract_events(nlp("The minister threatened to cut off gas supplies to Moldova."))
    threat = _one(events, "threatened")
    assert threat.type == "THREATEN"
    assert _role(threat, "actor") == ["minister"]
    assert _role(threat, "recipient") == ["Moldova"]


def test_promise_of_aid_targets_the_aid_recipient(nlp: Language) -> None:
    events = extract_events(nlp("Canada has promised to continue humanitarian aid to Haiti."))
    promise = _one(events, "promised")
    assert _role(promise, "recipient") == ["Haiti"]


def test_own_object_wins_over_the_embedded_one(nlp: Language) -> None:
    events = extract_events(nlp("The envoy urged Serbia to release the prisoners."))
    assert _role(_one(events, "urged"), "recipient") == ["Serbia"]


def test_demand_that_someone_act_targets_that_someone(nlp: Language) -> None:
    events = extract_events(nlp("The union demanded that the city council reverse the decision."))
    demand = _one(events, "demanded")
    assert plover_category(demand.type) == "REQUEST"
    assert _role(demand, "recipient") == ["city council"]


def test_demanded_removal_targets_the_person_removed(nlp: Language) -> None:
    events = extract_events(nlp("Protesters demanded the resignation of Governor Ann Lee."))
    assert _role(_one(events, "demanded"), "recipient") == ["Governor Ann Lee"]


def test_group_noun_keeps_who_it_counts(nlp: Language) -> None:
    events = extract_events(nlp("Soldiers detained dozens of Kurdish students."))
    assert _role(_one(events, "detained"), "recipient") == ["dozens of Kurdish students"]


def test_light_verb_preposition_gives_the_nominal_event_its_target(nlp: Language) -> None:
    events = extract_events(nlp("Farmers staged protests against the agriculture ministry."))
    protest = _one(events, "protests")
    assert protest.type == "PROTEST"
    assert _role(protest, "actor") == ["Farmers"]
    assert _role(protest, "recipient") == ["agriculture ministry"]


def test_passive_agent_is_the_actor_and_subject_the_recipient(nlp: Language) -> None:
    events = extract_events(nlp("The village was attacked by militia fighters."))
    attack = _one(events, "attacked")
    assert _role(attack, "actor") == ["militia fighters"]
    assert _role(attack, "recipient") == ["village"]


def test_nominal_attack_on_something(nlp: Language) -> None:
    events = extract_events(nlp("The French airstrike on the convoy killed nine people."))
    strike = _one(events, "airstrike")
    assert _role(strike, "actor") == ["French"]
    assert _role(strike, "recipient") == ["convoy"]


def test_meeting_between_two_parties_targets_both(nlp: Language) -> None:
    events = extract_events(nlp("Norway hosted talks between Colombia and the rebels."))
    assert _role(_one(events, "talks"), "recipient") == ["Colombia", "rebels"]


def test_coming_under_investigation_makes_the_subject_the_target(nlp: Language) -> None:
    events = extract_events(nlp("A senior judge has been put under investigation in Spain."))
    probe = _one(events, "investigation")
    assert _role(probe, "recipient") == ["senior judge"]


def test_announced_boycott_is_a_threat(nlp: Language) -> None:
    events = extract_events(nlp("The opposition said it would boycott the vote."))
    assert _one(events, "boycott").type == "THREATEN"


def test_failure_to_agree_is_a_rejection(nlp: Language) -> None:
    events = extract_events(nlp("The two governments failed to reach agreement on the border."))
    assert _one(events, "reach").type == "REJECT"


def test_press_release_is_not_an_event(nlp: Language) -> None:
    events = extract_events(nlp("The ministry issued a press release on Monday."))
    assert [e.trigger.text for e in events] == []


def test_returning_somewhere_is_not_a_retreat(nlp: Language) -> None:
    events = extract_events(nlp("The negotiators return to Vienna this week."))
    assert "RETREAT" not in {e.type for e in events}
    returned = extract_events(nlp("The rebels returned the seized weapons."))
    assert _one(returned, "returned").type == "RETREAT"


def test_demanded_from_someone_targets_them(nlp: Language) -> None:
    events = extract_events(nlp("The miners demanded higher pay from Vale Mining."))
    demand = _one(events, "demanded")
    assert _role(demand, "recipient") == ["Vale Mining"]
    assert _role(demand, "object") == ["higher pay"]


def test_seized_from_a_group_targets_the_group(nlp: Language) -> None:
    events = extract_events(nlp("Police confiscated rifles from the Red Hand militia."))
    assert "Red Hand militia" in _role(_one(events, "confiscated"), "recipient")


def test_actor_inside_the_demanded_thing_is_the_one_asked(nlp: Language) -> None:
    events = extract_events(nlp("Ukraine demanded an urgent meeting of the Security Council."))
    assert "Security Council" in _role(_one(events, "demanded"), "recipient")


def test_nominal_demand_that_someone_act(nlp: Language) -> None:
    events = extract_events(
        nlp("The union repeated its demand that the Labour Ministry raise wages.")
    )
    assert _role(_one(events, "demand"), "recipient") == ["Labour Ministry"]


def test_calling_off_a_strike_is_a_concession(nlp: Language) -> None:
    events = extract_events(nlp("The dockers called off their strike on Friday."))
    assert _one(events, "called").type == "CONCEDE"
    assert _role(_one(events, "called"), "actor") == ["dockers"]


def test_lifting_a_blockade_is_a_retreat(nlp: Language) -> None:
    events = extract_events(nlp("The navy lifted the blockade of the port."))
    assert _one(events, "lifted").type == "RETREAT"


def test_calling_off_talks_is_no_concession(nlp: Language) -> None:
    events = extract_events(nlp("The dockers called off the meeting on Friday."))
    assert "CONCEDE" not in {e.type for e in events}


def test_light_verb_gives_way_to_the_nominal_event(nlp: Language) -> None:
    events = extract_events(nlp("Qatar undertook a mediation between the two rivals."))
    assert [e.trigger.text for e in events] == ["mediation"]
    assert _role(events[0], "actor") == ["Qatar"]


def test_a_date_after_call_on_is_no_addressee(nlp: Language) -> None:
    events = extract_events(nlp("The president called on Monday."))
    assert "REQUEST" not in {e.type for e in events}
