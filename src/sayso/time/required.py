"""Words a regular expression cannot match without, and matching only where they occur.

The tagger runs some fifty patterns over every article, most of them case-insensitive with
optional leading groups, so the regex engine tries each at every character: that scan was
about a fifth of the pipeline's own time (1.4 of 7.5 CPU-s over the 150-article speed
benchmark). Skipping a pattern on a text that lacks all of its words halved that; "year",
"day" or "morning" are in nearly every article, though, so the patterns that need them are
now run only in a window around each place the word occurs, found at memchr speed (the
150 benchmark articles, the realnews texts and 300 TimeML documents give identical matches
at a third of the cost).

The words come from the pattern's own parse tree: a run of literal characters every match
contains, or one word of each branch of an alternation every match goes through (never a
lookaround's words, which lie outside the match). A pattern with no such word (a bare digit
pattern) is run over the whole text, and so is every pattern on a Python whose ``re`` lacks
the parser internals this reads (they are there from 3.11 to 3.13).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

try:
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python without them: every pattern is run
    sre_parser = None

MIN_WORD = 3
"""Shorter words ("am", "s") are in nearly every text and would skip nothing."""

_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
"""The three characters Python's case-insensitive matching takes for an ASCII letter that
``str.lower`` does not turn into one."""


def required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case words one of which is in every text ``pattern`` matches (case-insensitive
    containment), or None when the parse tree shows none long enough to be worth testing."""
    if sre_parser is None:
        return None
    return _needs(sre_parser.parse(pattern.pattern, pattern.flags))


def folded(text: str) -> str:
    """``text`` as :func:`matches_near_words` looks for words in it: lower case, with re's
    extra case folds, each character still at its own index."""
    return text.translate(_FOLDS).lower()


REACH = 200
"""Characters either side of a required word that a match may span. Matches are the same as
over the whole text as long as none is longer than this (a run of 200 spaces inside a date
would be cut): the longest temporal expression the rules know ("the better part of the past
twenty-five years") is under 60."""


def matches_near_words(
    pattern: re.Pattern[str], text: str, folded_text: str, words: frozenset[str]
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, found by running the pattern only around the
    places where one of ``words`` (its :func:`required_words`) occurs in ``folded_text``.

    Every match contains one of the words, so the leftmost match at or after a position
    contains the first occurrence after it; the pattern is searched in a window of
    :data:`REACH` characters about that occurrence instead of over the rest of the text.
    Lookbehinds still see the text before a window; a match touching a window's end, where
    a lookahead would see the end of the string, is searched again without the end."""
    starts = sorted({at for word in words for at in _occurrences(word, folded_text)})
    position = 0
    for at in starts:
        if at < position:
            continue
        window_end = min(len(text), at + max(map(len, words)) + REACH)
        found = pattern.search(text, max(position, at - REACH), window_end)
        if found is not None and found.end() >= window_end:
            found = pattern.search(text, found.start())
        if found is None or found.start() > at:
            continue
        yield found
        position = found.end() if found.end() > found.start() else found.end() + 1


def _occurrences(word: str, folded_text: str) -> Iterator[int]:
    at = folded_text.find(word)
    while at >= 0:
        yield at
        at = folded_text.find(word, at + 1)


def _needs(items: Any) -> frozenset[str] | None:
    best: frozenset[str] | None = None

    def consider(words: frozenset[str] | None) -> None:
        nonlocal best
        if not words or min(map(len, words)) < MIN_WORD:
            return
        if best is None or min(map(len, words)) > min(map(len, best)):
            best = words

    run: list[str] = []
    for op, value in [*items, (None, None)]:
        if op is sre_constants.LITERAL:
            run.append(chr(value).lower())
            continue
        if run:
            consider(frozenset({"".join(run)}))
            run = []
        if op is sre_constants.SUBPATTERN:
            consider(_needs(value[3]))
        elif op is sre_constants.BRANCH:
            branches = [_needs(branch) for branch in value[1]]
            if all(branches):
                consider(frozenset().union(*(b for b in branches if b)))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and value[0] >= 1:
            consider(_needs(value[2]))
    return best
