"""Entity errors found by reading sayso's output on new news articles of kinds it had not seen
(Asian business, Gulf diplomacy, Latin American politics, Dutch and German names, ...), each
fixed by a general rule and checked here on new sentences of the same shape."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sayso.entities.match import match_names, spelling_similarity
from sayso.entities.names import parse_name
from tests.test_entities_resolve import _entity_with, _forms, _resolve

if TYPE_CHECKING:
    from spacy.language import Language

    from sayso.records.model import Entity, Mention


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("Hezbollah", "Hizballah", 0.7, 0.8),
        ("Popular Mobilisation Forces", "Popular Mobilization Forces", 1.0, 1.0),
        ("Honda Motor Co", "Hyundai Motor Group", 0.5, 0.6),
    ],
)
def test_spelling_similarity_is_that_of_the_least_alike_word(
    a: str, b: str, low: float, high: float
) -> None:
    assert low <= spelling_similarity(parse_name(a, "ORG"), parse_name(b, "ORG")) <= high


@pytest.mark.slow
def test_two_companies_spelt_alike_in_one_article_stay_apart(nlp: Language) -> None:
    text = (
        "Honda Motor Co and Hyundai Motor Group both reported results on Tuesday. "
        "Honda said its profit rose. Hyundai said sales fell in Europe."
    )
    _, entities = _resolve(nlp, text)
    honda = _entity_with(entities, "Honda Motor Co")
    assert "Hyundai" not in _forms(honda)
    assert "Hyundai Motor Group" not in _forms(honda)


@pytest.mark.slow
def test_a_city_is_not_an_agency_whose_word_it_resembles(nlp: Language) -> None:
    text = (
        "The minister will attend a conference on Syria in Paris later this month, "
        "the Saudi Press Agency said."
    )
    _, entities = _resolve(nlp, text)
    agency = _entity_with(entities, "Saudi Press Agency")
    assert "Paris" not in _forms(agency)


@pytest.mark.slow
def test_a_channel_is_not_the_country_read_as_an_organisation(nlp: Language) -> None:
    text = (
        'The president told Al Arabiya television on Sunday that Syria wanted "strategic '
        'relations" with Saudi Arabia.'
    )
    _, entities = _resolve(nlp, text)
    country = _entity_with(entities, "Saudi Arabia")
    assert "Al Arabiya" not in _forms(country)


@pytest.mark.parametrize(
    ("short", "full", "same"),
    [
        ("Von der Leyen", "Ursula von der Leyen", True),
        ("Van der Bellen", "Alexander Van der Bellen", True),
        ("In 't Veld", "Sophie in 't Veld", True),
        ("Van Jones", "Jim Jones", False),
    ],
)
def test_a_family_name_keeps_its_particles_when_written_alone(
    short: str, full: str, same: bool
) -> None:
    verdict = match_names(parse_name(short, "PERSON"), parse_name(full, "PERSON"))
    assert verdict.same is same, verdict


@pytest.mark.slow
def test_a_name_cut_at_its_particles_is_made_whole(nlp: Language) -> None:
    text = (
        "Commission President Ursula von der Leyen said on Monday that the rules applied. "
        "Von der Leyen, speaking in Strasbourg, said every state had to comply."
    )
    _, entities = _resolve(nlp, text)
    person = _entity_with(entities, "Ursula von der Leyen")
    assert person.type == "PERSON"
    assert "Leyen" not in {e.name for e in entities if e is not person}


@pytest.mark.slow
def test_particle_names_ner_missed_are_found_and_joined(nlp: Language) -> None:
    text = (
        "The club appointed Erik ten Hag, the former Ajax manager. Ten Hag said on Friday that "
        "he was ready. Jan ten Brink, a political scientist at Leiden University, said the "
        "choice was bold."
    )
    _, entities = _resolve(nlp, text)
    assert "Ten Hag" in _forms(_entity_with(entities, "Erik ten Hag"))
    assert _entity_with(entities, "Jan ten Brink").type == "PERSON"


@pytest.mark.slow
def test_a_month_before_a_particle_name_is_no_given_name(nlp: Language) -> None:
    _, entities = _resolve(nlp, "In May de Gaulle visited Paris.")
    assert not any(name.startswith("May") for e in entities for name in _forms(e))


@pytest.mark.parametrize(
    ("short", "full", "same"),
    [
        ("Cortés", "Marko Cortés Mendoza", True),
        ("Gálvez", "Xóchitl Gálvez Ruiz", True),
        ("Walker", "George Walker Bush", None),
        ("Luther", "Martin Luther King", None),
    ],
)
def test_a_spanish_name_is_written_alone_by_its_first_family_name(
    short: str, full: str, same: bool | None
) -> None:
    verdict = match_names(parse_name(short, "PERSON"), parse_name(full, "PERSON"))
    assert verdict.same is same, verdict


@pytest.mark.slow
def test_the_first_family_name_joins_its_full_name_below_a_last_one(nlp: Language) -> None:
    text = (
        "PAN leader Marko Cortés Mendoza said the party would expel both men. "
        '"They have betrayed the voters," Cortés said. Later, Ana Mendoza, a senator, '
        "said she agreed. Mendoza spoke briefly."
    )
    _, entities = _resolve(nlp, text)
    leader = _entity_with(entities, "Marko Cortés Mendoza")
    assert "Cortés" in _forms(leader)
    assert "Mendoza" not in _forms(leader)


@pytest.mark.slow
def test_a_company_named_with_a_country_is_not_the_country(nlp: Language) -> None:
    text = (
        "News UK, the owner of The Times, is in advanced talks. Britain's regulator may "
        "review the deal. News UK is part of News Corp. Officials across Britain were divided."
    )
    _, entities = _resolve(nlp, text)
    company = _entity_with(entities, "News UK")
    assert company.type == "ORG"
    assert "Britain" not in _forms(company)
    assert _entity_with(entities, "Britain").type == "GPE"


@pytest.mark.slow
def test_an_adjective_opening_a_sentence_before_a_country_is_no_name(nlp: Language) -> None:
    text = "Neighbouring Liberia and Guinea have also been badly hit by the outbreak."
    _, entities = _resolve(nlp, text)
    assert _entity_with(entities, "Liberia").type == "GPE"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Hoeness on Saturday told the tabloid Bild that he had changed his mind.", "Bild"),
        ("Wang said in an interview with the financial magazine Caixin that walls rise.", "Caixin"),
    ],
)
def test_a_name_after_a_news_medium_noun_is_the_outlet(
    nlp: Language, text: str, outlet: str
) -> None:
    _, entities = _resolve(nlp, text)
    assert _entity_with(entities, outlet).type == "ORG"


@pytest.mark.slow
def test_the_subject_after_a_news_medium_noun_stays_a_person(nlp: Language) -> None:
    _, entities = _resolve(nlp, "She read the paper John wrote last year.")
    assert _entity_with(entities, "John").type == "PERSON"


@pytest.mark.slow
def test_a_company_is_named_by_its_first_word_whatever_its_middle_word(nlp: Language) -> None:
    text = (
        "A federal jury on Thursday ordered Halvard Logistics Inc. to pay $18 million to a "
        "former supervisor. Halvard said it would appeal. Halvard's lawyers declined to comment."
    )
    _, entities = _resolve(nlp, text)
    assert "Halvard" in _forms(_entity_with(entities, "Halvard Logistics Inc"))


def _entity_of_mention(
    mentions: tuple[Mention, ...], entities: tuple[Entity, ...], text: str, after: str
) -> str | None:
    """The name of the entity of the mention ``after`` + its text (e.g. "elder Hale")."""
    start = text.index(after) + len(after.split(maxsplit=1)[0]) + 1
    (mention,) = [m for m in mentions if m.span.start == start]
    names = {e.id: e.name for e in entities}
    return names.get(mention.entity_id) if mention.entity_id else None


@pytest.mark.slow
def test_the_elder_and_the_younger_are_told_apart_by_their_ages(nlp: Language) -> None:
    text = (
        "Tom Hale, 71, and his son, Daniel Hale, 45, run the farm together. "
        'The elder Hale said the drought was the worst he had seen. "We will manage," '
        "the younger Hale said."
    )
    mentions, entities = _resolve(nlp, text)
    assert _entity_of_mention(mentions, entities, text, "elder Hale") == "Tom Hale"
    assert _entity_of_mention(mentions, entities, text, "younger Hale") == "Daniel Hale"


@pytest.mark.slow
def test_the_elder_of_three_without_ages_is_left_unresolved(nlp: Language) -> None:
    text = (
        "Giuseppe Marchetti founded the winery. His son, Marco Marchetti, runs it, and his "
        "daughter Elena Marchetti is suing. The elder Marchetti did not take sides."
    )
    mentions, entities = _resolve(nlp, text)
    assert _entity_of_mention(mentions, entities, text, "elder Marchetti") is None


@pytest.mark.slow
def test_a_family_name_spelt_as_a_pronoun_stays_in_the_name(nlp: Language) -> None:
    text = (
        "The ministry said it supported the firms. A ministry spokesperson, He Yadong, told a "
        "regular briefing that he opposed sanctions."
    )
    _, entities = _resolve(nlp, text)
    assert _entity_with(entities, "He Yadong").type == "PERSON"


@pytest.mark.slow
def test_two_titles_tagged_as_one_name_are_two_entities(nlp: Language) -> None:
    text = (
        "In 2011, during the phone-hacking scandal at the News of the World, a sister paper of "
        "The Times and The Sun, several American outlets mistakenly reported it. The Times "
        "declined to comment."
    )
    _, entities = _resolve(nlp, text)
    assert not any(" and " in form for e in entities for form in _forms(e))
    assert "Times" in _forms(_entity_with(entities, "Times"))
    assert _entity_with(entities, "Sun").type == "ORG"


@pytest.mark.parametrize(
    ("short", "full", "same"),
    [
        ("MBZ", "Mohammed bin Zayed al-Nahyan", True),
        ("MBR", "Mohammed bin Rashid Al Maktoum", True),
        ("MBS", "Mohammed bin Salman", True),
        ("MB", "Mohammed bin Salman Al Saud", None),
    ],
)
def test_initials_of_a_name_with_its_patronymic_leave_out_the_house(
    short: str, full: str, same: bool | None
) -> None:
    verdict = match_names(parse_name(short, "PERSON"), parse_name(full, "PERSON"))
    assert verdict.same is same, verdict


@pytest.mark.slow
def test_a_person_s_initials_tagged_as_an_organisation_join_the_person(nlp: Language) -> None:
    text = (
        "Mohammed bin Rashid Al Maktoum is the ruler of Dubai. The ruler, widely known as MBR, "
        "opened the new airport terminal on Monday."
    )
    _, entities = _resolve(nlp, text)
    assert "MBR" in _forms(_entity_with(entities, "Mohammed bin Rashid Al Maktoum"))


@pytest.mark.parametrize(
    ("short", "full", "same"),
    [
        ("Abu Qasra", "Murhaf Abu Qasra", True),
        ("Abu Shanab", "Ismail Abu Shanab", True),
        ("Abu Shanab", "Ismail Abu Marzouk", None),
    ],
)
def test_an_abu_family_name_written_alone_is_the_family_name(
    short: str, full: str, same: bool | None
) -> None:
    verdict = match_names(parse_name(short, "PERSON"), parse_name(full, "PERSON"))
    assert verdict.same is same, verdict


@pytest.mark.slow
def test_an_abu_family_name_alone_joins_the_full_name(nlp: Language) -> None:
    text = (
        "Hamas co-founder Ismail Abu Shanab spoke to reporters in Gaza on Tuesday. "
        "Abu Shanab said the group would consider the offer."
    )
    _, entities = _resolve(nlp, text)
    assert "Abu Shanab" in _forms(_entity_with(entities, "Ismail Abu Shanab"))


@pytest.mark.slow
@pytest.mark.parametrize(
    "introduction",
    [
        "The plaintiff, Maria Delgado, worked at the company for nine years.",
        "Maria Delgado, the plaintiff, worked at the company for nine years.",
    ],
)
def test_a_court_party_the_article_names_is_that_person(nlp: Language, introduction: str) -> None:
    text = (
        "A jury on Thursday ordered a logistics firm to pay $18 million to a former supervisor. "
        f"{introduction} Delgado testified that she was fired after reporting safety "
        "violations. The judge wrote that the plaintiff had produced substantial evidence."
    )
    mentions, entities = _resolve(nlp, text)
    person = _entity_with(entities, "Maria Delgado")
    last = text.rindex("the plaintiff")
    assert any(m.entity_id == person.id and m.span.start == last for m in mentions)


@pytest.mark.slow
def test_a_court_party_the_article_does_not_name_is_left_alone(nlp: Language) -> None:
    text = (
        "A jury ordered Northwind Logistics to pay $18 million to Maria Delgado. "
        "The defendant argued that Delgado was let go for falsifying time records."
    )
    mentions, _ = _resolve(nlp, text)
    start = text.index("The defendant")
    assert not any(m.span.start == start and m.entity_id for m in mentions)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "person", "alone"),
    [
        (
            "Dutch MEP Sophie de Groot, a critic of the plan, said the deal was bad. "
            "De Groot said talks would go on.",
            "Sophie de Groot",
            "De Groot",
        ),
        (
            "Dutch MEP Eva in 't Hout, a critic of the plan, said the deal was bad. "
            "In 't Hout said talks would go on.",
            "Eva in 't Hout",
            "Hout",
        ),
    ],
)
def test_a_nationality_and_a_title_before_a_name_are_not_part_of_it(
    nlp: Language, text: str, person: str, alone: str
) -> None:
    _, entities = _resolve(nlp, text)
    found = _entity_with(entities, person)
    assert found.type == "PERSON"
    assert alone in _forms(found)
    assert not any("MEP" in form for e in entities for form in _forms(e))


@pytest.mark.slow
def test_the_sides_of_a_lawsuit_a_relative_clause_gives_are_those_names(nlp: Language) -> None:
    text = (
        "Tomas Berg, who is suing Harbor Freightways over his dismissal, worked there for six "
        "years. Harbor Freightways, which is being sued by two other drivers, denied "
        "wrongdoing. The judge wrote that the plaintiff had produced substantial evidence. "
        "The defendant said it would appeal."
    )
    mentions, entities = _resolve(nlp, text)
    owner = {m.span.start: m.entity_id for m in mentions}
    berg = _entity_with(entities, "Tomas Berg")
    firm = _entity_with(entities, "Harbor Freightways")
    assert owner.get(text.index("plaintiff")) == berg.id
    assert owner.get(text.index("defendant")) == firm.id


def _entities_of(mentions: tuple[Mention, ...], text: str) -> list[str]:
    """The entity id of each name mention written ``text``, in order."""
    return [m.entity_id or "" for m in mentions if m.span.text == text and m.kind == "name"]


@pytest.mark.slow
@pytest.mark.parametrize("place", ["Denver", "Georgia"])
def test_a_magazine_named_after_a_place_is_not_the_place(nlp: Language, place: str) -> None:
    text = (
        f"{place.upper()} — Lena Moritz, the editor of {place} magazine, is stepping down, the "
        f"publisher said on Friday. {place} magazine was founded in 1971. Moritz lives in "
        f"{place} with her two sons."
    )
    mentions, entities = _resolve(nlp, text)
    ids = _entities_of(mentions, place)
    by_id = {e.id: e for e in entities}
    magazine, later, city = ids
    assert magazine == later
    assert by_id[magazine].type == "ORG"
    assert city != magazine
    assert by_id[city].type == "GPE"


@pytest.mark.slow
def test_a_magazine_title_in_a_headline_is_the_magazine(nlp: Language) -> None:
    text = (
        "Georgia magazine editor leaves for a rival\n\n"
        "Lena Moritz, who ran Georgia magazine for a decade, lives in Georgia."
    )
    mentions, _ = _resolve(nlp, text)
    headline, body, place = _entities_of(mentions, "Georgia")
    assert headline == body != place


@pytest.mark.slow
def test_a_magazine_from_a_city_is_the_city(nlp: Language) -> None:
    text = "She writes for a Denver magazine and has lived in Denver since 2004."
    mentions, _ = _resolve(nlp, text)
    first, second = _entities_of(mentions, "Denver")
    assert first == second


@pytest.mark.slow
@pytest.mark.parametrize(
    ("honorific", "name", "given"),
    [("Alhaji", "Ibrahim Garba Danladi", "Ibrahim"), ("Alhaja", "Kudirat Balogun", "Kudirat")],
)
def test_a_west_african_pilgrim_s_honorific_goes_with_the_given_name(
    nlp: Language, honorific: str, name: str, given: str
) -> None:
    # "Alhaji" / "Alhaja", like "Hajji", go before a given name that is later written alone
    text = (
        f"{honorific} {name}, a former minister, won the party's primary on Saturday. "
        f"{given} said the result was fair, and {given}'s allies cheered."
    )
    mentions, _ = _resolve(nlp, text)
    ids = {m.entity_id for m in mentions if m.kind == "name"}
    assert len(ids) == 1
