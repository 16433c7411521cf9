"""Actor / recipient choice and type adjustments on hand-written sentences (real small model)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sayso.events import extract_events
from sayso.events.plover import plover_category
from tests.event_support import one_event, role_texts

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


def test_threat_targets_the_recipient_of_the_threatened_act(nlp: Language) -> None:
    events = extract_events(nlp("The minister threatened to cut off gas supplies to Moldova."))
    threat = one_event(events, "threatened")
    assert threat.type == "THREATEN"
    assert role_texts(threat, "actor") == ["minister"]
    assert role_texts(threat, "recipient") == ["Moldova"]


def test_promise_of_aid_targets_the_aid_recipient(nlp: Language) -> None:
    events = extract_events(nlp("Canada has promised to continue humanitarian aid to Haiti."))
    promise = one_event(events, "promised")
    assert role_texts(promise, "recipient") == ["Haiti"]


def test_own_object_wins_over_the_embedded_one(nlp: Language) -> None:
    events = extract_events(nlp("The envoy urged Serbia to release the prisoners."))
    assert role_texts(one_event(events, "urged"), "recipient") == ["Serbia"]


def test_demand_that_someone_act_targets_that_someone(nlp: Language) -> None:
    events = extract_events(nlp("The union demanded that the city council reverse the decision."))
    demand = one_event(events, "demanded")
    assert plover_category(demand.type) == "REQUEST"
    assert role_texts(demand, "recipient") == ["city council"]


def test_demanded_removal_targets_the_person_removed(nlp: Language) -> None:
    events = extract_events(nlp("Protesters demanded the resignation of Governor Ann Lee."))
    assert role_texts(one_event(events, "demanded"), "recipient") == ["Governor Ann Lee"]


def test_group_noun_keeps_who_it_counts(nlp: Language) -> None:
    events = extract_events(nlp("Soldiers detained dozens of Kurdish students."))
    assert role_texts(one_event(events, "detained"), "recipient") == ["dozens of Kurdish students"]


def test_light_verb_preposition_gives_the_nominal_event_its_target(nlp: Language) -> None:
    events = extract_events(nlp("Farmers staged protests against the agriculture ministry."))
    protest = one_event(events, "protests")
    assert protest.type == "PROTEST"
    assert role_texts(protest, "actor") == ["Farmers"]
    assert role_texts(protest, "recipient") == ["agriculture ministry"]


def test_passive_agent_is_the_actor_and_subject_the_recipient(nlp: Language) -> None:
    events = extract_events(nlp("The village was attacked by militia fighters."))
    attack = one_event(events, "attacked")
    assert role_texts(attack, "actor") == ["militia fighters"]
    assert role_texts(attack, "recipient") == ["village"]


def test_nominal_attack_on_something(nlp: Language) -> None:
    events = extract_events(nlp("The French airstrike on the convoy killed nine people."))
    strike = one_event(events, "airstrike")
    assert role_texts(strike, "actor") == ["French"]
    assert role_texts(strike, "recipient") == ["convoy"]


def test_meeting_between_two_parties_targets_both(nlp: Language) -> None:
    events = extract_events(nlp("Norway hosted talks between Colombia and the rebels."))
    assert role_texts(one_event(events, "talks"), "recipient") == ["Colombia", "rebels"]


def test_coming_under_investigation_makes_the_subject_the_target(nlp: Language) -> None:
    events = extract_events(nlp("A senior judge has been put under investigation in Spain."))
    probe = one_event(events, "investigation")
    assert role_texts(probe, "recipient") == ["senior judge"]


def test_announced_boycott_is_a_threat(nlp: Language) -> None:
    events = extract_events(nlp("The opposition said it would boycott the vote."))
    assert one_event(events, "boycott").type == "THREATEN"


def test_failure_to_agree_is_a_rejection(nlp: Language) -> None:
    events = extract_events(nlp("The two governments failed to reach agreement on the border."))
    assert one_event(events, "reach").type == "REJECT"


def test_press_release_is_not_an_event(nlp: Language) -> None:
    events = extract_events(nlp("The ministry issued a press release on Monday."))
    assert [e.trigger.text for e in events] == []


def test_returning_somewhere_is_not_a_retreat(nlp: Language) -> None:
    events = extract_events(nlp("The negotiators return to Vienna this week."))
    assert "RETREAT" not in {e.type for e in events}
    returned = extract_events(nlp("The rebels returned the seized weapons."))
    assert one_event(returned, "returned").type == "RETREAT"


def test_demanded_from_someone_targets_them(nlp: Language) -> None:
    events = extract_events(nlp("The miners demanded higher pay from Vale Mining."))
    demand = one_event(events, "demanded")
    assert role_texts(demand, "recipient") == ["Vale Mining"]
    assert role_texts(demand, "object") == ["higher pay"]


def test_seized_from_a_group_targets_the_group(nlp: Language) -> None:
    events = extract_events(nlp("Police confiscated rifles from the Red Hand militia."))
    assert "Red Hand militia" in role_texts(one_event(events, "confiscated"), "recipient")


def test_actor_inside_the_demanded_thing_is_the_one_asked(nlp: Language) -> None:
    events = extract_events(nlp("Ukraine demanded an urgent meeting of the Security Council."))
    assert "Security Council" in role_texts(one_event(events, "demanded"), "recipient")


def test_nominal_demand_that_someone_act(nlp: Language) -> None:
    events = extract_events(
        nlp("The union repeated its demand that the Labour Ministry raise wages.")
    )
    assert role_texts(one_event(events, "demand"), "recipient") == ["Labour Ministry"]


def test_calling_off_a_strike_is_a_concession(nlp: Language) -> None:
    events = extract_events(nlp("The dockers called off their strike on Friday."))
    assert one_event(events, "called").type == "CONCEDE"
    assert role_texts(one_event(events, "called"), "actor") == ["dockers"]


def test_lifting_a_blockade_is_a_retreat(nlp: Language) -> None:
    events = extract_events(nlp("The navy lifted the blockade of the port."))
    assert one_event(events, "lifted").type == "RETREAT"


def test_calling_off_talks_is_no_concession(nlp: Language) -> None:
    events = extract_events(nlp("The dockers called off the meeting on Friday."))
    assert "CONCEDE" not in {e.type for e in events}


def test_light_verb_gives_way_to_the_nominal_event(nlp: Language) -> None:
    events = extract_events(nlp("Qatar undertook a mediation between the two rivals."))
    assert [e.trigger.text for e in events] == ["mediation"]
    assert role_texts(events[0], "actor") == ["Qatar"]


def test_a_date_after_call_on_is_no_addressee(nlp: Language) -> None:
    events = extract_events(nlp("The president called on Monday."))
    assert "REQUEST" not in {e.type for e in events}
