"""Same-entity decisions between two names, and grouping without chaining look-alikes."""

from __future__ import annotations

import pytest

from sayso.entities.cluster import group_names
from sayso.entities.match import match, match_names
from sayso.entities.names import parse_name


@pytest.mark.parametrize(
    ("a", "b", "type_"),
    [
        ("Hossein Amir-Abdollahian", "Hossein Amirabdollahian", "PERSON"),  # run together
        ("Yusuf al-Qaradawi", "Qaradawi", "PERSON"),  # family name alone
        ("Sheikh Tamim", "Tamim bin Hamad", "PERSON"),  # honorific + given name
        ("William Clay Ford", "Bill Ford", "PERSON"),  # hypocorism
        ("James T. Kirkland", "James Kirkland", "PERSON"),  # middle initial dropped
        ("Anwar Sadat", "Muhammad Anwar Sadat", "PERSON"),  # first given name dropped
        ("Abu Ali al-Anbari", "Abu Ali Anbari", "PERSON"),  # particle
        ("General Ahmed Haftar", "Ahmed Haftar", "PERSON"),  # title
        ("Free Patriotic Movement", "FPM", "ORG"),  # initials
        ("Eastern Command", "EASTCOM", "ORG"),  # word beginnings
        ("Bureau of Prisons", "BoP", "ORG"),  # stop word initial
        ("Nour News Agency", "Nour", "ORG"),  # designator dropped
        ("Democratic Union Party", "Union Party Democratic", "ORG"),  # order
        ("Jabhat al-Tahrir", "Liberation Front", "ORG"),  # Arabic head word translated
        ("UN Relief Agency", "United Nations Relief Agency", "ORG"),  # acronym inside a name
        ("Myanmar", "Burma", "GPE"),  # alias table
        ("Office of Water Safety", "NYC Office of Water Safety", "ORG"),  # place code first
        ("Ministry of Fisheries", "New Zealand Ministry of Fisheries", "ORG"),  # country first
        ("US Senate", "Senate", "ORG"),  # country code the alias table knows, no dots
        ("Peruvian Supreme Court", "Peru's Supreme Court", "ORG"),  # one country, two forms
        ("Atiku Abubakar", "Abubakar", "PERSON"),  # a kunya written as one word: a family name
        ("Abubakar Shekau", "Abubakar", "PERSON"),  # ... and still a kunya before other names
    ],
)
def test_same_entity(a: str, b: str, type_: str) -> None:
    verdict = match(a, b, type_)
    assert verdict.same is True, verdict
    assert verdict.reason


@pytest.mark.parametrize(
    ("a", "b", "type_", "same"),
    [
        ("Abu Ali al-Anbari", "Abu Omar al-Anbari", "PERSON", False),  # kunya differs
        ("Park Chung Hee", "Park Chung Soo", "PERSON", False),  # last given syllable
        ("Robert Kane Jr.", "Robert Kane", "PERSON", False),  # generational suffix
        ("John F. Miller", "John T. Miller", "PERSON", False),  # middle initials differ
        ("Hassan Diab", "Hussein Diab", "PERSON", False),  # Hassan is not Hussein
        ("Nadia Haddad", "Omar Haddad", "PERSON", False),  # same family, other given name
        ("Al-Shabaab", "Al-Shabaab in Kenya", "ORG", None),  # a branch is another entity
        ("Baghdad", "Baghdadi", "PERSON", None),  # nisba is another word
        ("North Korea", "South Korea", "GPE", False),  # territory codes
        ("Hezbollah", "Kataib Hezbollah", "ORG", False),  # alias table entries
        ("Bank of Lisbon", "Development Bank of Lisbon", "ORG", None),  # not a place first
        ("Monterey Bay Aquarium", "Monterey Bay Aquarium Magazine", "ORG", None),  # a magazine
        ("Time", "The Times", "ORG", None),  # a magazine and a newspaper
        ("Iraqi Army", "Syrian Army", "ORG", False),  # one body, two countries
        ("Peru's Supreme Court", "Chile's Supreme Court", "ORG", False),  # possessives
        ("Carl L. Berg", "Carl Berg Jr.", "PERSON", False),  # father and son
        ("Atiku Abubakar", "Abu Bakr", "PERSON", None),  # a kunya written as two words
    ],
)
def test_look_alikes_stay_apart(a: str, b: str, type_: str, same: bool | None) -> None:
    assert match(a, b, type_).same is same


def test_middle_names_must_align() -> None:
    assert match("George H. W. Bush", "George Herbert Walker Bush", "PERSON").same is True
    assert match("George W. Bush", "George Herbert Walker Bush", "PERSON").same is False


def test_grouping_keeps_a_shared_surname_ambiguous() -> None:
    texts = ["Abu Ali al-Anbari", "Abu Omar al-Anbari", "Abu Ali Anbari", "al-Anbari"]
    names = [parse_name(text, "PERSON") for text in texts]
    groups, placements = group_names(names)
    members = sorted(sorted(texts[m] for m in group.members) for group in groups)
    assert members == [
        ["Abu Ali Anbari", "Abu Ali al-Anbari"],
        ["Abu Omar al-Anbari"],
        ["al-Anbari"],
    ]
    short = next(p for p in placements if texts[p.index] == "al-Anbari")
    assert short.ambiguous
    assert len(short.alternatives) == 2


def test_grouping_breaks_a_tie_with_a_shared_title() -> None:
    texts = ["President Omar Hadi", "Ali Hadi", "President Hadi"]
    names = [parse_name(text, "PERSON") for text in texts]
    groups, _ = group_names(names)
    members = sorted(sorted(texts[m] for m in group.members) for group in groups)
    assert members == [["Ali Hadi"], ["President Hadi", "President Omar Hadi"]]


def test_partial_forms_that_disagree_join_through_the_full_name() -> None:
    texts = ["Mohammed Javad Karimi", "Mohammed Karimi", "Javad Karimi"]
    names = [parse_name(text, "PERSON") for text in texts]
    groups, _ = group_names(names)
    assert len(groups) == 1


def test_groups_linked_by_a_later_name_merge() -> None:
    texts = ["Nour Media Group", "Nour", "NMG"]
    names = [parse_name(text, "ORG") for text in texts]
    groups, _ = group_names(names)
    assert [sorted(texts[m] for m in group.members) for group in groups] == [
        ["NMG", "Nour", "Nour Media Group"]
    ]


@pytest.mark.parametrize(
    ("a", "b", "type_"),
    [
        ("Harakat al-Muqawama al-Islamiya", "Islamic Resistance Movement", "ORG"),  # Arabic words
        ("Hay'at Tahrir al-Sham", "Tahrir al-Sham", "ORG"),  # Arabic designator dropped
        ("Liberation Army of al-Sham", "Liberation Army of Syria", "ORG"),  # al-Sham = Syria
        ("Popular Revolution Guards", "Popular Revolutionary Guard", "ORG"),  # adjective form
        ("Arab League Security Council", "Security Council", "ORG"),  # head words kept
        ("Islamic Emirate of Waziristan", "Islamic Emirate", "ORG"),  # head before "of"
        ("U.K. Ministry of Defence", "Ministry of Defence", "ORG"),  # country initials
        ("Kiev", "Kyiv", "GPE"),  # y read as i
        ("Kim Jong Un", "Kim Jong-un", "PERSON"),  # hyphenation
    ],
)
def test_same_entity_without_the_alias_table(a: str, b: str, type_: str) -> None:
    verdict = match_names(
        parse_name(a, type_, use_aliases=False), parse_name(b, type_, use_aliases=False)
    )
    assert verdict.same is True, verdict


@pytest.mark.parametrize(
    ("a", "b", "type_"),
    [
        ("United Nations", "United Nations Security Council", "ORG"),  # owner, not head
        ("Islamic State", "Islamic State in Khorasan", "ORG"),  # a branch ("in")
        ("Ansar", "Ansar Brigade", "ORG"),  # one word is too weak
        ("U.N. Security Council", "Council of Security", "ORG"),
        ("Kim Jong Un", "Kim Jong Il", "PERSON"),
        ("George H. W. Bush", "George W. Bush", "PERSON"),
    ],
)
def test_short_forms_and_look_alikes_without_the_table(a: str, b: str, type_: str) -> None:
    verdict = match_names(
        parse_name(a, type_, use_aliases=False), parse_name(b, type_, use_aliases=False)
    )
    assert verdict.same is not True, verdict


def test_a_head_short_form_never_links_two_groups() -> None:
    texts = ["National Security Council", "Arab Security Council", "Security Council"]
    names = [parse_name(text, "ORG", use_aliases=False) for text in texts]
    groups, placements = group_names(names)
    assert len(groups) == 3
    short = next(p for p in placements if texts[p.index] == "Security Council")
    assert short.ambiguous
