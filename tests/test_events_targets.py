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
from tests.event_support import one_event, role_texts

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


def test_curfew_in_a_town_targets_the_town(nlp: Language) -> None:
    events = extract_events(nlp("The army imposed a curfew in the town of Hebron on Friday."))
    curfew = one_event(events, "imposed")
    assert role_texts(curfew, "place") == ["Hebron"]
    assert role_texts(curfew, "recipient") == ["Hebron"]
    assert role_texts(curfew, "object") == ["curfew"]


def test_an_actor_target_keeps_the_place_a_place(nlp: Language) -> None:
    events = extract_events(nlp("Soldiers arrested two journalists in Karavia."))
    arrest = one_event(events, "arrested")
    assert role_texts(arrest, "recipient") == ["two journalists"]
    assert role_texts(arrest, "place") == ["Karavia"]


def test_protest_in_a_country_targets_it(nlp: Language) -> None:
    events = extract_events(nlp("About 300 farmers demonstrated in Moldova on Tuesday."))
    assert role_texts(one_event(events, "demonstrated"), "recipient") == ["Moldova"]


def test_owner_of_the_thing_attacked_is_the_target(nlp: Language) -> None:
    events = extract_events(nlp("Gunmen attacked the offices of the Liberal Party."))
    attack = one_event(events, "attacked")
    assert role_texts(attack, "recipient") == ["Liberal Party"]
    assert role_texts(attack, "object") == ["offices"]


def test_author_of_a_rejected_call_is_the_target(nlp: Language) -> None:
    events = extract_events(nlp("The junta rejected a call by the African Union for elections."))
    assert "African Union" in role_texts(one_event(events, "rejected"), "recipient")


def test_given_thing_is_the_object_and_its_beneficiaries_the_recipients(nlp: Language) -> None:
    text = "Japan will provide about 40 million dollars of aid for Chile and Peru."
    aid = one_event(extract_events(nlp(text)), "provide")
    assert role_texts(aid, "recipient") == ["Chile", "Peru"]
    assert "about 40 million dollars" in role_texts(aid, "object")


def test_a_date_is_never_a_target(nlp: Language) -> None:
    events = extract_events(nlp("The president arrived in Lima on a state visit on Monday."))
    assert "Monday" not in role_texts(one_event(events, "arrived"), "recipient")


def test_deployed_troops_are_the_object_and_the_place_the_target(nlp: Language) -> None:
    events = extract_events(nlp("Russia deployed 3,000 troops to Belarus."))
    deploy = one_event(events, "deployed")
    assert plover_category(deploy.type) == "MOBILIZE"
    assert role_texts(deploy, "recipient") == ["Belarus"]
    assert role_texts(deploy, "object") == ["3,000 troops"]


def test_reservists_mobilized_for_a_war_target_the_foe(nlp: Language) -> None:
    events = extract_events(nlp("Norway mobilized reservists for a war against Sweden."))
    assert "Sweden" in role_texts(one_event(events, "mobilized"), "recipient")


def test_refusing_to_deploy_troops_somewhere_targets_that_place(nlp: Language) -> None:
    events = extract_events(nlp("Brazil has refused to deploy soldiers in Haiti."))
    refusal = one_event(events, "refused")
    assert refusal.type == "REJECT"
    assert role_texts(refusal, "recipient") == ["Haiti"]


def test_strike_in_protest_of_an_actors_decision_targets_the_actor(nlp: Language) -> None:
    text = "Teachers began a strike in protest of the education ministry's decision."
    events = extract_events(nlp(text))
    assert "education ministry" in role_texts(one_event(events, "strike"), "recipient")


def test_march_calling_for_independence_from_a_state_targets_the_state(nlp: Language) -> None:
    text = "Thousands of workers marched in the city on Monday calling for independence from Spain."
    assert "Spain" in role_texts(one_event(extract_events(nlp(text)), "marched"), "recipient")


def test_place_in_a_locative_phrase_places_the_riot(nlp: Language) -> None:
    events = extract_events(nlp("Inmates rioted at a prison in northern Chad on Monday."))
    assert role_texts(one_event(events, "rioted"), "recipient") == ["northern Chad"]


def test_compound_trigger_takes_the_light_verb_and_prepositions_of_its_phrase(
    nlp: Language,
) -> None:
    text = "The envoy launched a mediation effort between Kenya and Somalia."
    mediation = one_event(extract_events(nlp(text)), "mediation")
    assert plover_category(mediation.type) == "CONSULT"
    assert role_texts(mediation, "actor") == ["envoy"]
    assert role_texts(mediation, "recipient") == ["Kenya", "Somalia"]


def test_trigger_naming_a_kind_of_people_is_no_event(nlp: Language) -> None:
    events = extract_events(nlp("Two aid groups opened an office in Gao."))
    assert "aid" not in {e.trigger.text for e in events}


def test_suspension_of_links_is_a_sanction_on_the_partner(nlp: Language) -> None:
    events = extract_events(nlp("Austria announced a suspension of rail links with Hungary."))
    suspension = one_event(events, "suspension")
    assert suspension.type == "SANCTION"
    assert role_texts(suspension, "recipient") == ["Hungary"]


def test_halting_mediation_is_a_sanction(nlp: Language) -> None:
    events = extract_events(nlp("Ghana halted mediation efforts between the two factions."))
    halt = one_event(events, "halted")
    assert halt.type == "SANCTION"
    assert role_texts(halt, "recipient") == ["two factions"]
    assert role_texts(halt, "object") == ["mediation efforts"]


def test_announced_withdrawal_of_inspectors_is_a_threat_against_the_host(nlp: Language) -> None:
    events = extract_events(nlp("The agency said it will withdraw its inspectors from Iran."))
    withdrawal = one_event(events, "withdraw")
    assert plover_category(withdrawal.type, withdrawal.modality) == "THREATEN"
    assert role_texts(withdrawal, "recipient") == ["Iran"]


def test_receiving_observers_is_a_retreat(nlp: Language) -> None:
    events = extract_events(nlp("Belarus received a team of observers from the OSCE."))
    assert one_event(events, "received").type == "RETREAT"


def test_ordering_patrols_is_a_mobilization(nlp: Language) -> None:
    events = extract_events(nlp("The governor ordered patrols by police in the capital."))
    assert plover_category(one_event(events, "patrols").type) == "MOBILIZE"


def test_the_agent_of_a_thing_demanded_back_is_the_target(nlp: Language) -> None:
    text = "Farmers began a hunger strike to demand the return of land seized by the Acme Company."
    events = extract_events(nlp(text))
    assert "Acme Company" in role_texts(one_event(events, "strike"), "recipient")


def test_investigation_into_someone_targets_them(nlp: Language) -> None:
    events = extract_events(nlp("Prosecutors launched an investigation into the Finance Minister."))
    assert role_texts(one_event(events, "investigation"), "recipient") == ["Finance Minister"]


def test_repeated_demand_that_someone_act_targets_them(nlp: Language) -> None:
    text = "The union reiterated its demand on Monday that the ministry raise wages."
    assert role_texts(one_event(extract_events(nlp(text)), "demand"), "recipient") == ["ministry"]


def test_being_prepared_to_attack_is_a_threat_by_the_subject(nlp: Language) -> None:
    events = extract_events(nlp("The army is prepared to attack the rebel villages."))
    attack = one_event(events, "attack")
    assert plover_category(attack.type, attack.modality) == "THREATEN"
    assert role_texts(attack, "actor") == ["army"]


def test_forces_preparing_an_attack_mobilize(nlp: Language) -> None:
    events = extract_events(nlp("Troops prepared to attack the rebel villages."))
    assert plover_category(one_event(events, "attack").type) == "MOBILIZE"


def test_oath_to_fight_parsed_as_adverbial_clause_is_a_threat(nlp: Language) -> None:
    events = extract_events(nlp("The rebels have sworn to fight until they gain control."))
    assert one_event(events, "sworn").type == "THREATEN"


def test_conjoined_verbs_share_their_objects(nlp: Language) -> None:
    text = "Doctors from two French aid groups donated and delivered medicine to the City Hospital."
    donation = one_event(extract_events(nlp(text)), "donated")
    assert role_texts(donation, "recipient") == ["City Hospital"]
    assert role_texts(donation, "object") == ["medicine"]
