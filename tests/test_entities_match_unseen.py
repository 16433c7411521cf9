"""Rules that carry to names the matcher was never tuned on, each on hand-written names (not
the evaluation files' entities): names written family name first, ..."""

from __future__ import annotations

import pytest

from sayso.entities.cluster import group_names
from sayso.entities.match import match
from sayso.entities.names import parse_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("刘鹤", "Liu He"),  # Han script: family name, then the given name
        ("박지성", "Park Ji-sung"),  # Hangul, letter by letter 'Bag Ji Seong'
        ("Yi Sun-shin", "Lee Sun-shin"),  # two romanisations of one Korean family name
        ("Choe Son-hui", "Choi Son Hui"),  # hyphen or space between the syllables
        ("Kim Jong-un", "Kim Jong-eun"),  # vowel spelling inside the given name
        ("Lee Anderson", "Anderson"),  # an English given name after Lee: family name last
    ],
)
def test_family_name_first_same(a: str, b: str) -> None:
    verdict = match(a, b, "PERSON")
    assert verdict.same is True, verdict


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Liu Heqing", "Liu Qing"),  # a given name of two syllables is not its last one
        ("刘鹤青", "Liu Qing"),
        ("Wang Kekang", "Wang Kang"),  # k-k is two consonants, not one
        ("Kim Jong-un", "Kim Jong-il"),
    ],
)
def test_family_name_first_apart(a: str, b: str) -> None:
    verdict = match(a, b, "PERSON")
    assert verdict.same is False, verdict


def test_a_given_name_of_syllables_is_one_unit() -> None:
    assert [unit.text for unit in parse_name("Kim Jong Un", "PERSON").units] == ["kim", "jongun"]
    assert [unit.text for unit in parse_name("Lee Anderson", "PERSON").units] == [
        "lee",
        "anderson",
    ]
    assert parse_name("Kim Jong Un", "PERSON").surname_first
    assert not parse_name("Lee Anderson", "PERSON").surname_first


def test_two_premiers_of_one_family_name_stay_two_groups() -> None:
    names = [
        parse_name(text, "PERSON")
        for text in ("Liu Heqing", "Premier Liu Heqing", "刘鹤青", "Liu Qing", "Premier Liu Qing")
    ]
    groups, _ = group_names(names)
    members = sorted(sorted(names[m].text for m in group.members) for group in groups)
    assert members == [
        ["Liu Heqing", "Premier Liu Heqing", "刘鹤青"],
        ["Liu Qing", "Premier Liu Qing"],
    ]
