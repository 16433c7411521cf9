"""The words a pattern cannot match without, and the tagger's skipping of patterns on texts
that hold none of them."""

from __future__ import annotations

import re

import pytest

from sayso.time import tagger
from sayso.time.required import folded, may_match, required_words


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\d+\s+years?\s+ago", frozenset({"year"})),  # the longer of two runs
        (r"(?:last|next)\s+(?:week|month)", frozenset({"last", "next"})),
        (r"(?P<m>January|February)\s+\d+", frozenset({"january", "february"})),
        (r"(?:the\s+)?weekend", frozenset({"weekend"})),
        (r"(?:quarters?)+", frozenset({"quarter"})),
        (r"\d{4}-\d\d-\d\d", None),  # digits only: always run
        (r"(?:early\s+)?\d+", None),  # the only word is optional
        (r"(?:noon|\d+\s*pm)", None),  # one branch needs no word of three letters
    ],
)
def test_required_words_come_from_the_parse_tree(
    pattern: str, words: frozenset[str] | None
) -> None:
    assert required_words(re.compile(pattern, re.IGNORECASE)) == words


def test_case_folds_of_the_regex_engine_are_kept() -> None:
    words = required_words(re.compile("friday|sunday", re.IGNORECASE))
    for text in ("FRİDAY", "frıday", "ſunday", "Sunday"):
        assert re.search("friday|sunday", text, re.IGNORECASE)
        assert may_match(words, folded(text)), text
    assert not may_match(words, folded("Monday"))


TEXTS = [
    "The talks resumed on Friday, three weeks after they broke down in the spring of 2019.",
    "By 10:30 p.m. local time the quarter's figures were out; a year earlier they came at noon.",
    "During the Christmas weekend, officials said, the nineties revival hit its peak.",
    "No date here at all, only a city and a man who spoke.",
    "FRİDAY'S VOTE, held every other month since the 1990s, is the last of the decade.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_skipping_finds_what_running_every_pattern_finds(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    skipped = tagger.find_candidates(text)
    monkeypatch.setattr(tagger, "may_match", lambda words, searched: True)
    assert skipped == tagger.find_candidates(text)


def test_without_the_parser_internals_every_pattern_is_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from sayso.time import required

    monkeypatch.setattr(required, "sre_parser", None)
    assert required_words(re.compile("weekend", re.IGNORECASE)) is None
    assert may_match(None, folded("no time words here"))
