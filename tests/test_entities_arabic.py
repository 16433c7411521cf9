"""Arabic-script name words against their romanisations."""

from __future__ import annotations

import pytest

from sayso.entities.arabic import is_arabic_script, romanisation_pattern
from sayso.entities.match import match


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("محمد", "muhammad"),
        ("محمد", "mohammed"),
        ("حسين", "hussein"),
        ("سليماني", "suleimani"),
        ("روحانی", "rowhani"),
        ("البغدادي", "baghdadi"),
        ("خامنه‌ای", "khamenei"),
    ],
)
def test_romanisations_match(word: str, latin: str) -> None:
    pattern = romanisation_pattern(word)
    assert pattern is not None
    assert pattern.fullmatch(latin)


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("سلمان", "soleimani"),  # ei needs a written long vowel
        ("سلمان", "salmani"),  # a final vowel is written in Arabic script
        ("حسن", "hussein"),  # Hasan has no yeh
        ("حسين", "hassan"),  # Husayn's yeh is not an a
        ("محمد", "mahmoud"),
    ],
)
def test_look_alikes_do_not_match(word: str, latin: str) -> None:
    pattern = romanisation_pattern(word)
    assert pattern is not None
    assert not pattern.fullmatch(latin)


def test_latin_words_have_no_pattern() -> None:
    assert not is_arabic_script("Khamenei")
    assert romanisation_pattern("Khamenei") is None


def test_names_in_arabic_script_match_names_in_latin() -> None:
    assert match("حسن روحانی", "Hassan Rouhani", "PERSON").same is True
    assert match("حسن روحانی", "Hassan Nasrallah", "PERSON").same is not True
    assert match("حسن روحانی", "Hussein Rouhani", "PERSON").same is not True
