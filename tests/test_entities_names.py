"""Name parsing: titles, units, suffixes, kunyas, transliteration keys."""

from __future__ import annotations

import pytest

from sayso.entities.match import words_match
from sayso.entities.names import fold, parse_name, territory_code, word_key


def test_fold_strips_diacritics_apostrophes_and_hyphens() -> None:
    assert fold("Erdoğan's Kata'ib-Hizballah") == "erdogans kataib hizballah"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("qasem", "ghasem"),
        ("soleimani", "suleimani"),
        ("gaddafi", "qadhdhafi"),
        ("jolani", "golani"),
        ("rouhani", "rowhani"),
        ("zawahiri", "zawahri"),
        ("haniyeh", "haniya"),
        ("zelensky", "zelenskiy"),
    ],
)
def test_transliteration_variants_share_a_key(a: str, b: str) -> None:
    assert words_match(word_key(a), word_key(b)) == "spelling"


@pytest.mark.parametrize(
    ("a", "b"),
    [("salman", "soleimani"), ("hasan", "husein"), ("baghdad", "baghdadi"), ("un", "il")],
)
def test_different_names_do_not_share_a_key(a: str, b: str) -> None:
    assert words_match(word_key(a), word_key(b)) is None


def test_person_titles_are_split_off_with_how_they_are_used() -> None:
    general = parse_name("Maj. Gen. Hossein Karimi", "PERSON")
    assert general.titles == ("major general",)
    assert general.title_use == "surname"
    assert [unit.text for unit in general.units] == ["hossein", "karimi"]
    pilgrim = parse_name("Hajj Reza", "PERSON")
    assert pilgrim.title_use == "given"
    assert [unit.text for unit in pilgrim.units] == ["reza"]


def test_kunya_connector_and_particles_make_single_units() -> None:
    name = parse_name("Abu Hamza al-Masri bin Yusuf", "PERSON")
    assert [unit.text for unit in name.units] == ["abuhamza", "masri", "binyusuf"]
    assert name.kunyas == (True, False, False)


def test_generational_suffix_and_initials() -> None:
    name = parse_name("John Q. Smith Jr.", "PERSON")
    assert name.suffix == "jr"
    assert [unit.text for unit in name.units] == ["john", "q", "smith"]
    dotted = parse_name("Robert F.K. Lane", "PERSON")
    assert [unit.text for unit in dotted.units] == ["robert", "f", "k", "lane"]


def test_house_name_after_a_patronymic_is_dropped() -> None:
    name = parse_name("Faisal bin Farhan Al Saud", "PERSON")
    assert [unit.text for unit in name.units] == ["faisal", "binfarhan"]


def test_organisation_units_translate_drop_designators_and_qualifiers() -> None:
    front = parse_name("Jabhat al-Tahrir", "ORG")
    assert [unit.text for unit in front.units] == ["liberation"]
    agency = parse_name("Lebanon's Nour News Agency", "ORG")
    assert [unit.text for unit in agency.units] == ["nour"]
    ministry = parse_name("Ministry of Health", "ORG")
    assert [unit.text for unit in ministry.units] == ["health", "ministry"]


def test_acronym_shapes() -> None:
    assert parse_name("U.N.", "ORG").acronym == "un"
    assert parse_name("DoD", "ORG").acronym == "dod"
    assert parse_name("Hamas", "ORG").acronym is None
    assert parse_name("the Guard", "ORG").acronym is None


def test_territories_by_name_but_not_by_capital() -> None:
    assert territory_code("Syrian Arab Republic") == "sy"
    assert territory_code("the Netherlands") == "nl"
    assert territory_code("Congo-Brazzaville") == "cg"
    assert territory_code("Damascus") is None


def test_a_capital_sharing_a_stem_with_its_countrys_formal_name_is_not_the_country() -> None:
    # "Islamabad" and the "Islamic Republic of Pakistan", "Northampton" and the "United Kingdom
    # of Great Britain and Northern Ireland": the formal name's words are no stems of the place.
    assert territory_code("Islamabad") is None
    assert territory_code("Northampton") is None
    assert territory_code("Pakistan") == "pk"
    assert territory_code("Islamic Republic of Pakistan") == "pk"
