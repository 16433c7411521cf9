"""Entity types from context: places, group nouns, group adjectives and title fragments."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sayso.entities.context_types import type_cue
from sayso.entities.resolve import resolve_entities

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

pytestmark = pytest.mark.slow


def _word(nlp: Language, text: str, word: str) -> Span:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return doc[token.i : token.i + 1]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # "to" before a person names a recipient, so it only relabels other labels.
        ("The envoys flew by helicopter to Qalat to meet the tribal elders.", ("ORG",)),
        ("Fighting was reported near Qalat on Sunday.", ("ORG", "PERSON")),
        ("Shells hit the Qalat area overnight.", ("ORG", "PERSON")),
        ("Rebels tried to take Qalat, the capital of the province.", ("ORG", "PERSON")),
        ("Refugees reached the city of Qalat at dawn.", ("ORG", "PERSON")),
    ],
)
def test_place_contexts_give_a_place(nlp: Language, text: str, labels: tuple[str, ...]) -> None:
    for label in labels:
        cue = type_cue(_word(nlp, text, "Qalat"), label)
        assert cue is not None, (text, label)
        assert cue.label == "GPE", (text, label, cue)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The minister said the plan was fair, according to Halvorsen.", "ORG"),
        ("She handed the letter to Halvorsen on Friday.", "PERSON"),
        ("Republicans in Congress opposed the bill.", "ORG"),
        ("The senator wrote to Halvorsen leaders last week.", "ORG"),
    ],
)
def test_relations_and_institutions_are_not_places(nlp: Language, text: str, label: str) -> None:
    word = "Congress" if "Congress" in text else "Halvorsen"
    cue = type_cue(_word(nlp, text, word), label)
    assert cue is None or cue.label != "GPE", cue


def test_a_plural_group_noun_is_not_a_person(nlp: Language) -> None:
    text = "He praised the commanders and Fedayeen of the southern front."
    cue = type_cue(_word(nlp, text, "Fedayeen"), "PERSON")
    assert cue is not None
    assert cue.label == "NORP"
    single = "He praised the commanders and Joseph of the southern front."
    assert type_cue(_word(nlp, single, "Joseph"), "PERSON") is None


def test_a_group_adjective_before_a_common_noun_is_norp(nlp: Language) -> None:
    text = "It became the strongest Salafi militant group in the region."
    cue = type_cue(_word(nlp, text, "Salafi"), "ORG")
    assert cue is not None
    assert cue.label == "NORP"


def test_a_title_word_cut_off_a_title_is_dropped(nlp: Language) -> None:
    text = "Egypt’s Grand Mufti Shawki Allam issued the ruling."
    cue = type_cue(_word(nlp, text, "Grand"), "ORG")
    assert cue is not None
    assert cue.label is None
    nationality = "The Russian President met him."
    assert type_cue(_word(nlp, nationality, "Russian"), "NORP") is None


def test_place_cues_outvote_the_ner_label_in_an_article(nlp: Language) -> None:
    text = (
        "The militants advanced on Qalat. Qalat officials fled. Reinforcements were sent to "
        "Qalat overnight, and the fighting near Qalat lasted days. Trucks reached Qalat airport."
    )
    _, entities = resolve_entities(nlp(text))
    qalat = [e for e in entities if e.name == "Qalat"]
    assert len(qalat) == 1
    assert qalat[0].type == "GPE"


def test_a_longer_name_before_a_building_noun_names_the_building(nlp: Language) -> None:
    doc = nlp("Doctors at the Kessler Bay hospital said he was stable.")
    span = next(ent for ent in doc.ents if ent.text == "Kessler Bay")
    cue = type_cue(span, "PERSON")
    assert cue is not None
    assert cue.label == "FAC"
    assert type_cue(span, "ORG") is None  # an institution keeps its label


def test_a_name_in_apposition_to_name_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        '"We heard gunfire," said one resident, who gave only her first name, Amina, '
        "for fear of reprisals."
    )
    amina = next(ent for ent in doc.ents if ent.text == "Amina")
    cue = type_cue(amina, amina.label_)
    assert cue is not None
    assert cue.label == "PERSON"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "A spokesperson for his former employer, Bramley Civil, said it had cooperated.",
            "Bramley Civil",
            "ORG",
        ),
        ("Henry Holt, the publisher, said the book was late.", "Henry Holt", "ORG"),
        ("Jane Ruiz, the company's founder, said it would grow.", "Jane Ruiz", "PERSON"),
    ],
)
def test_a_name_in_apposition_to_a_noun_of_a_business_is_an_organisation(
    nlp: Language, text: str, name: str, expected: str
) -> None:
    _, entities = resolve_entities(nlp(text))
    (entity,) = [e for e in entities if e.name == name]
    assert entity.type == expected


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("Halvorsen manager Sean Dyche said his side deserved the win.", "Halvorsen", "PERSON"),
        ("Halvorsen CEO Tim Cook said sales rose.", "Halvorsen", "ORG"),
        ("Halvorsen boss Yevgeny Prigozhin said his men would leave.", "Halvorsen", ""),
    ],
)
def test_a_role_only_an_organisation_has_makes_the_name_an_organisation(
    nlp: Language, text: str, word: str, label: str
) -> None:
    cue = type_cue(_word(nlp, text, word), label)
    assert cue is not None
    assert cue.label == "ORG", cue


def test_a_role_a_person_has_too_says_nothing_of_the_name(nlp: Language) -> None:
    text = "Halvorsen spokesman Hogan Gidley said the president was calm."
    assert type_cue(_word(nlp, text, "Halvorsen"), "PERSON") is None


@pytest.mark.parametrize("verb", ["shelled", "annexed", "besieged"])
def test_the_object_of_a_verb_of_military_assault_is_a_place(nlp: Language, verb: str) -> None:
    text = f"Russian forces {verb} Halvorsen last year, the governor said."
    cue = type_cue(_word(nlp, text, "Halvorsen"), "PERSON")
    assert cue is not None
    assert cue.label == "GPE", cue


def test_who_is_attacked_may_be_a_person(nlp: Language) -> None:
    text = "Protesters attacked Halvorsen outside the court, the police said."
    cue = type_cue(_word(nlp, text, "Halvorsen"), "PERSON")
    assert cue is None or cue.label == "PERSON"


def test_a_match_score_is_no_part_of_a_team_name(nlp: Language) -> None:
    _, entities = resolve_entities(nlp("Everton beat Liverpool 2-1 at home on Saturday."))
    assert not any(any(ch.isdigit() for ch in e.name) for e in entities)
    assert any(e.name == "Liverpool" for e in entities)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Arsenal went top of the Premier League on Saturday.", "Premier League"),
        ("The Premier League said the fixture would be moved.", "Premier League"),
    ],
)
def test_a_title_word_before_the_name_of_a_body_makes_no_person(
    nlp: Language, text: str, name: str
) -> None:
    _, entities = resolve_entities(nlp(text))
    entity = next(e for e in entities if e.name == name)
    assert entity.type == "ORG"


def test_a_credits_role_word_before_by_is_no_name(nlp: Language) -> None:
    text = "(Reporting by Olena Harmash; Writing by Tom Balmforth; Editing by Andrew Heavens)"
    _, entities = resolve_entities(nlp(text))
    assert {e.name for e in entities} == {"Olena Harmash", "Tom Balmforth", "Andrew Heavens"}


@pytest.mark.parametrize("label", ["GPE", "ORG"])
def test_a_name_beside_a_role_only_a_person_holds_is_a_person(nlp: Language, label: str) -> None:
    text = "Later, Okonkwo, chairman of the electoral commission, said the count was over."
    cue = type_cue(_word(nlp, text, "Okonkwo"), label)
    assert cue is not None
    assert cue.label == "PERSON"


def test_a_role_an_organisation_may_hold_says_nothing(nlp: Language) -> None:
    cue = type_cue(_word(nlp, "Apple, the leader in smartphones, said sales rose.", "Apple"), "ORG")
    assert cue is None


def test_a_family_name_beside_a_chairman_is_typed_a_person(nlp: Language) -> None:
    # NER tags the bare family name GPE
    text = "Later, Saraki, chairman of the electoral commission, said the count was over."
    _, entities = resolve_entities(nlp(text))
    assert next(e for e in entities if e.name == "Saraki").type == "PERSON"


def _words(nlp: Language, text: str, name: str) -> Span:
    doc = nlp(text)
    start = next(t.i for t in doc if doc[t.i :].text.startswith(name))
    return doc.char_span(doc[start].idx, doc[start].idx + len(name))  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shops reopened in Dagupan City on Monday.", "Dagupan City"),
        ("Sales were strong in Baguio and Dagupan City last year.", "Dagupan City"),
        (
            "She campaigned in Upper Morava, the country's poorest region, on Monday.",
            "Upper Morava",
        ),
    ],
)
@pytest.mark.parametrize("label", ["ORG", "PERSON"])
def test_a_longer_name_in_a_place_s_context_is_a_place(
    nlp: Language, text: str, name: str, label: str
) -> None:
    cue = type_cue(_words(nlp, text, name), label)
    assert cue is not None
    assert cue.label == "GPE"


@pytest.mark.parametrize(
    "text",
    [
        "Fans cheered at Dagupan City on Saturday.",  # "at": a team's or a school's ground
        "Dagupan City won the cup in 2019.",
    ],
)
def test_a_name_ending_in_city_is_no_place_without_a_place_s_context(
    nlp: Language, text: str
) -> None:
    cue = type_cue(_words(nlp, text, "Dagupan City"), "ORG")
    assert cue is None or cue.label != "GPE"


@pytest.mark.parametrize("role", ["co-founder", "editor", "spokeswoman"])
@pytest.mark.parametrize("label", ["ORG", "GPE"])
def test_a_role_noun_before_a_name_makes_it_a_person(nlp: Language, role: str, label: str) -> None:
    text = f"The group's {role} Ilse Varga was freed in a prisoner exchange last year."
    cue = type_cue(_words(nlp, text, "Ilse Varga"), label)
    assert cue is not None
    assert cue.label == "PERSON"


@pytest.mark.parametrize("label", ["ORG", "GPE"])
def test_a_name_a_who_clause_follows_is_a_person(nlp: Language, label: str) -> None:
    text = "Marisol Quintero Vela, who takes office on Monday, has backed the reform."
    cue = type_cue(_words(nlp, text, "Marisol Quintero Vela"), label)
    assert cue is not None
    assert cue.label == "PERSON"


def test_a_which_clause_says_nothing_of_a_person(nlp: Language) -> None:
    text = "Halvorsen Group, which takes over on Monday, has backed the reform."
    cue = type_cue(_words(nlp, text, "Halvorsen Group"), "ORG")
    assert cue is None or cue.label != "PERSON"


@pytest.mark.parametrize("label", ["ORG", "PERSON"])
def test_a_territory_s_office_after_a_name_makes_it_a_place(nlp: Language, label: str) -> None:
    text = "The delegates backed Ondo State Governor Ada Eze on Saturday."
    cue = type_cue(_words(nlp, text, "Ondo State"), label)
    assert cue is not None
    assert cue.label == "GPE"


@pytest.mark.parametrize("label", ["ORG", "GPE"])
def test_a_first_name_beside_a_person_s_name_is_a_person_s(nlp: Language, label: str) -> None:
    text = "The weekly was founded in 1971 by Dale Ostrow and Rupa Vance."
    cue = type_cue(_words(nlp, text, "Dale Ostrow"), label)
    assert cue is not None
    assert cue.label == "PERSON"


def test_a_company_beside_a_person_s_name_stays_a_company(nlp: Language) -> None:
    text = "The fund was set up by Halvorsen Capital and Rupa Vance."
    cue = type_cue(_words(nlp, text, "Halvorsen Capital"), "ORG")
    assert cue is None or cue.label != "PERSON"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        (
            "Ines Marlow, the Conservative leader, said both parties were wrong.",
            "Ines Marlow",
            "GPE",
        ),
        (
            "Ines Marlow, the Conservative leader, said both parties were wrong.",
            "Ines Marlow",
            "ORG",
        ),
        ("Varga, the leader of the Unity Party, said her party would run.", "Varga", "ORG"),
    ],
)
def test_a_party_s_leader_in_apposition_is_a_person(
    nlp: Language, text: str, name: str, label: str
) -> None:
    cue = type_cue(_words(nlp, text, name), label)
    assert cue is not None
    assert cue.label == "PERSON"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Halvorsen, the American leader in smartphones, said sales rose.", "Halvorsen", "ORG"),
        ("Norway, the leader of the Arctic Council, said talks would resume.", "Norway", "GPE"),
    ],
)
def test_a_leader_in_a_market_or_of_an_alliance_may_be_a_body(
    nlp: Language, text: str, name: str, label: str
) -> None:
    cue = type_cue(_words(nlp, text, name), label)
    assert cue is None or cue.label != "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "Harbour City Rovers, who won on Saturday, top the table.",
        "Coastal Super Giants, who play at home on Sunday, remain bottom of the table.",
    ],
)
def test_a_team_a_who_clause_follows_stays_a_team(nlp: Language, text: str) -> None:
    name = text.split(",", maxsplit=1)[0]
    cue = type_cue(_words(nlp, text, name), "ORG")
    assert cue is None or cue.label != "PERSON"
