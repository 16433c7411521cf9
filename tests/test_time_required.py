"""The words a pattern cannot match without, and the tagger's running of patterns only
around the places those words occur."""

from __future__ import annotations

import re

import pytest

from sayso.time import required, tagger
from sayso.time.required import (
    Occurrences,
    digit_runs,
    folded,
    matches_near,
    matches_near_words,
    needs_a_digit,
    required_words,
)


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


@pytest.mark.parametrize(
    ("pattern", "digit"),
    [
        (r"\d{4}-\d\d-\d\d", True),
        (r"(?<![\w.:])(?P<hour>[01]?\d|2[0-3])\s*[ap]m", True),  # each branch has one
        (r"(?:early\s+)?(?:19|20)\d\d", True),
        (r"(?:noon|\d+\s*pm)", False),  # "noon" has none
        (r"(?<=\d\s)years", False),  # the digit is outside the match
        (r"[^0-9]\d?", False),  # a negated set, an optional digit
        (r"x[0-9a]", False),  # a set that takes a letter too
    ],
)
def test_needs_a_digit_comes_from_the_parse_tree(pattern: str, digit: bool) -> None:
    assert needs_a_digit(re.compile(pattern, re.IGNORECASE)) is digit


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (
            r"(?<![\d-])\d{4}-\d\d-\d\d(?!\d)",
            "on 2019-03-04, 12019-03-04 and " + "z" * 700 + " 2020-01-02",
        ),
        # a window ends 200 characters after its last digit, where a lookahead would see the
        # end of the string: "7 ... pm" matches there but not in the text ("pmx")
        (
            r"(?P<hour>[01]?\d)\s*pm(?!\w)",
            "5" + " " * 198 + "pm " + "q" * 500 + " 7" + " " * 198 + "pmx",
        ),
        # digits everywhere: the windows join into one
        (r"(?<!\d)(?:19|20)\d\d(?!\d)", " ".join(str(n) for n in range(1890, 2100, 7))),
    ],
)
def test_digit_windows_find_what_the_whole_text_finds(pattern: str, text: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    assert needs_a_digit(compiled)
    found = [m.span() for m in matches_near(compiled, text, digit_runs(text))]
    assert found == [m.span() for m in compiled.finditer(text)]


def _near(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    words = required_words(pattern)
    assert words is not None
    return [m.span() for m in matches_near_words(pattern, text, Occurrences(folded(text)), words)]


def test_case_folds_of_the_regex_engine_are_kept() -> None:
    pattern = re.compile("friday|sunday", re.IGNORECASE)
    for text in ("FRİDAY", "frıday", "ſunday", "Sunday"):
        assert _near(pattern, f"on {text} at dawn") == [(3, 9)], text
    assert _near(pattern, "Monday") == []


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        # two matches sharing nothing, and a word occurrence inside the first
        (r"(?:the\s+)?years?\s+(?:ago|earlier)", "the year earlier, years ago, a year year ago"),
        # the lookbehind sees text before the window; the word is not in the lookbehind
        (r"(?<=\bover\s)the\s+years", "over the years " + "x" * 500 + " over the years"),
        # a lookahead at a window's end would see the end of the string
        (r"years(?![\w-])", "years" + " " * 195 + "years-long years"),
        # many occurrences close together, and one far from the rest
        (r"(?:next|last)\s+weeks?", "next week last weeks next " + "y" * 900 + " last week"),
    ],
)
def test_windows_find_what_the_whole_text_finds(pattern: str, text: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    assert _near(compiled, text) == [m.span() for m in compiled.finditer(text)]


TEXTS = [
    "The talks resumed on Friday, three weeks after they broke down in the spring of 2019.",
    "By 10:30 p.m. local time the quarter's figures were out; a year earlier they came at noon.",
    "During the Christmas weekend, officials said, the nineties revival hit its peak.",
    "No date here at all, only a city and a man who spoke.",
    "FRİDAY'S VOTE, held every other month since the 1990s, is the last of the decade.",
    "On 2015-06-01 at 14:30 GMT, or 9/11/2001 at 5 p.m., the 2010-2011 figures came out.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_skipping_finds_what_running_every_pattern_finds(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    skipped = tagger.find_candidates(text)
    monkeypatch.setattr(
        tagger, "matches_near_words", lambda pattern, text, searched, words: pattern.finditer(text)
    )
    monkeypatch.setattr(tagger, "matches_near", lambda pattern, text, spans: pattern.finditer(text))
    assert skipped == tagger.find_candidates(text)


def test_without_the_parser_internals_every_pattern_is_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(required, "sre_parser", None)
    assert required_words(re.compile("weekend", re.IGNORECASE)) is None
    assert not needs_a_digit(re.compile(r"\d+"))
    assert tagger.find_candidates("Over the weekend, talks resumed.")
