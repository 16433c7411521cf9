"""Recipient (target) rules and the weak PLOVER types on hand-written sentences (real model).

Each sentence exercises one rule of ``sayso.events.extract``: places as targets, the party tied
to a thing acted on, forces moved as objects, ``in protest of`` phrases, compound triggers, and
the lexicon entries taken from the CAMEO → PLOVER crosswalk (codes 150, 165, 1661, 0862).
"""

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


def test_curfew_in_a_town_targets_the_town(nlp: Language) -> None:
    events = extract_events(nlp("The army imposed a curfew in the town of Hebron on Friday."))
    curfew = _one(events, "imposed")
    assert _role(curfew, "place") == ["Hebron"]
    assert _role(curfew, "recipient") == ["Hebron"]
    assert _role(curfew, "object") == ["curfew"]


def test_an_actor_target_keeps_the_place_a_place(nlp: Language) -> None:
    events = extract_events(nlp("Soldiers arrested two journalists in Karavia."))
    arrest = _one(events, "arrested")
    assert _role(arrest, "recipient") == ["two journalists"]
    assert _role(arrest, "place") == ["Karavia"]


def test_protest_in_a_country_targets_it(nlp: Language) -> None:
    events = extract_events(nlp("About 300 farmers demonstrated in Moldova on Tuesday."))
    assert _role(_one(events, "demonstrated"), "recipient") == ["Moldova"]


def test_owner_of_the_thing_attacked_is_the_target(nlp: Language) -> None:
    events = extract_events(nlp("Gunmen attacked the offices of the Liberal Party."))
    attack = _one(events, "attacked")
    assert _role(attack, "recipient") == ["Liberal Party"]
    assert _role(attack, "object") == ["offices"]


def test_author_of_a_rejected_call_is_the_target(nlp: Language) -> None:
    events = extract_events(nlp("The junta rejected a call by the African Union for elections."))
    assert "African Union" in _role(_one(events, "rejected"), "recipient")


def test_given_thing_is_the_object_and_its_beneficiaries_the_recipients(nlp: Language) -> None:
    text = "Japan will provide about 40 million dollars of aid for Chile and Peru."
    aid = _one(extract_events(nlp(text)), "provide")
    assert _role(aid, "recipient") == ["Chile", "Peru"]
    assert "about 40 million dollars" in _role(aid, "object")


def test_a_date_is_never_a_target(nlp: Language) -> None:
    events = extract_events(nlp("The president arrived in Lima on a state visit on Monday."))
    assert "Monday" not in _role(_one(events, "arrived"), "recipient")


def test_deployed_troops_are_the_object_and_the_place_the_target(nlp: Language) -> None:
    events = extract_events(nlp("Russia deployed 3,000 troops to Belarus."))
    deploy = _one(events, "deployed")
    assert plover_category(deploy.type) == "MOBILIZE"
    assert _role(deploy, "recipient") == ["Belarus"]
    assert _role(deploy, "object") == ["3,000 troops"]


def test_reservists_mobilized_for_a_war_target_the_foe(nlp: Language) -> None:
    events = extract_events(nlp("Norway mobilized reservists for a war against Sweden."))
    assert "Sweden" in _role(_one(events, "mobilized"), "recipient")


def test_refusing_to_deploy_troops_somewhere_targets_that_place(nlp: Language) -> None:
    events = extract_events(nlp("Brazil has refused to deploy soldiers in Haiti."))
    refusal = _one(events, "refused")
    assert refusal.type == "REJECT"
    assert _role(refusal, "recipient") == ["Haiti"]


def test_strike_in_protest_of_an_actors_decision_targets_the_actor(nlp: Language) -> None:
    text = "Teachers began a strike in protest of the education ministry's decision."
    events = extract_events(nlp(text))
    assert "education ministry" in _role(_one(events, "strike"), "recipient")


def test_march_calling_for_independence_from_a_state_targets_the_state(nlp: Language) -> None:
    text = "Thousands of workers marched in the city on Monday calling for independence from Spain."
    assert "Spain" in _role(_one(extract_events(nlp(text)), "marched"), "recipient")


def test_place_in_a_locative_phrase_places_the_riot(nlp: Language) -> None:
    events = extract_events(nlp("Inmates rioted at a prison in northern Chad on Monday."))
    assert _role(_one(events, "rioted"), "recipient") == ["northern Chad"]


def test_compound_trigger_takes_the_light_verb_and_prepositions_of_its_phrase(
    nlp: Language,
) -> None:
    text = "The envoy launched a mediation effort between Kenya and Somalia."
    mediation = _one(extract_events(nlp(text)), "mediation")
    assert plover_category(mediation.type) == "CONSULT"
    assert _role(mediation, "actor") == ["envoy"]
    assert _role(mediation, "recipient") == ["Kenya", "Somalia"]


def test_trigger_naming_a_kind_of_people_is_no_event(nlp: Language) -> None:
    events = extract_events(nlp("Two aid groups opened an office in Gao."))
    assert "aid" not in {e.trigger.text for e in events}


def test_suspension_of_links_is_a_sanction_on_the_partner(nlp: Language) -> None:
    events = extract_events(nlp("Austria announced a suspension of rail links with Hungary."))
    suspension = _one(events, "suspension")
    assert suspension.type == "SANCTION"
    assert _role(suspension, "recipient") == ["Hungary"]


def test_halting_mediation_is_a_sanction(nlp: Language) -> None:
    events = extract_events(nlp("Ghana halted mediation efforts between the two factions."))
    halt = _one(events, "halted")
    assert halt.type == "SANCTION"
    assert _role(halt, "recipient") == ["two factions"]
    assert _role(halt, "object") == ["mediation efforts"]


def test_announced_withdrawal_of_inspectors_is_a_threat_against_the_host(nlp: Language) -> None:
    events = extract_events(nlp("The agency said it will withdraw its inspectors from Iran."))
    withdrawal = _one(events, "withdraw")
    assert plover_category(withdrawal.type, withdrawal.modality) == "THREATEN"
    assert _role(withdrawal, "recipient") == ["Iran"]


def test_receiving_observers_is_a_retreat(nlp: Language) -> None:
    events = extract_events(nlp("Belarus received a team of observers from the OSCE."))
    assert _one(events, "received").type == "RETREAT"


def test_ordering_patrols_is_a_mobilization(nlp: Language) -> None:
    events = extract_events(nlp("The governor ordered patrols by police in the capital."))
    assert plover_category(_one(events, "patrols").type) == "MOBILIZE"


def test_the_agent_of_a_thing_demanded_back_is_the_target(nlp: Language) -> None:
    text = "Farmers began a hunger strike to demand the return of land seized by the Acme Company."
    events = extract_events(nlp(text))
    assert "Acme Company" in _role(_one(events, "strike"), "recipient")


def test_investigation_into_someone_targets_them(nlp: Language) -> None:
    events = extract_events(nlp("Prosecutors launched an investigation into the Finance Minister."))
    assert _role(_one(events, "investigation"), "recipient") == ["Finance Minister"]


def test_repeated_demand_that_someone_act_targets_them(nlp: Language) -> None:
    text = "The union reiterated its demand on Monday that the ministry raise wages."
    assert _role(_one(extract_events(nlp(text)), "demand"), "recipient") == ["ministry"]


def test_being_prepared_to_attack_is_a_threat_by_the_subject(nlp: Language) -> None:
    events = extract_events(nlp("The army is prepared to attack the rebel villages."))
    attack = _one(events, "attack")
    assert plover_category(attack.type, attack.modality) == "THREATEN"
    assert _role(attack, "actor") == ["army"]


def test_forces_preparing_an_attack_mobilize(nlp: Language) -> None:
    events = extract_events(nlp("Troops prepared to attack the rebel villages."))
    assert plover_category(_one(events, "attack").type) == "MOBILIZE"


def test_oath_to_fight_parsed_as_adverbial_clause_is_a_threat(nlp: Language) -> None:
    events = extract_events(nlp("The rebels have sworn to fight until they gain control."))
    assert _one(events, "sworn").type == "THREATEN"


def test_conjoined_verbs_share_their_objects(nlp: Language) -> None:
    text = "Doctors from two French aid groups donated and delivered medicine to the City Hospital."
    donation = _one(extract_events(nlp(text)), "donated")
    assert _role(donation, "recipient") == ["City Hospital"]
    assert _role(donation, "object") == ["medicine"]
