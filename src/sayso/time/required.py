"""Words a regular expression cannot match without, and matching only where they occur.

The tagger runs some fifty patterns over every article, most of them case-insensitive with
optional leading groups, so the regex engine tries each at every character: that scan was
about a fifth of the pipeline's own time (1.4 of 7.5 CPU-s over the 150-article speed
benchmark). Skipping a pattern on a text that lacks all of its words halved that; "year",
"day" or "morning" are in nearly every article, though, so the patterns that need them are
now run only in windows around the places the word occurs, found at memchr speed (the
150 benchmark articles, the realnews texts and 300 TimeML documents give identical matches
at a third of the cost). Overlapping windows are merged and searched once, and patterns
that need a digit are windowed too: on the 150 articles that took the tagger's candidate
search from 1.05 to 0.64 CPU-s (matches identical there, on the TimeML and realnews texts and
on 300 raw WCXB pages).

The words come from the pattern's own parse tree: a run of literal characters every match
contains, or one word of each branch of an alternation every match goes through (never a
lookaround's words, which lie outside the match). A pattern with no such word but a digit in
every match (dates, years, clock times) is run the same way around the text's runs of
digits. A pattern needing neither is run over the whole text, and so is every pattern on a
Python whose ``re`` lacks the parser internals this reads (they are there from 3.11 to 3.13).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
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


def needs_a_digit(pattern: re.Pattern[str]) -> bool:
    """Whether every text ``pattern`` matches has a digit (what ``\\d`` matches) within the
    match, read from the parse tree as :func:`required_words` reads words; False when the
    parser internals are missing."""
    if sre_parser is None:
        return False
    return _needs_digit(sre_parser.parse(pattern.pattern, pattern.flags))


def folded(text: str) -> str:
    """``text`` as :func:`matches_near_words` looks for words in it: lower case, with re's
    extra case folds, each character still at its own index."""
    return text.translate(_FOLDS).lower()


REACH = 200
"""Characters either side of a required word that a match may span. Matches are the same as
over the whole text as long as none is longer than this (a run of 200 spaces inside a date
would be cut): the longest temporal expression the rules know ("the better part of the past
twenty-five years") is under 60."""


class Occurrences:
    """Where words occur in a text folded by :func:`folded`, each word looked for once (the
    patterns share words: the units of time, the months)."""

    def __init__(self, folded_text: str) -> None:
        self.folded_text = folded_text
        self._found: dict[str, list[int]] = {}

    def of(self, word: str) -> list[int]:
        """The indices where ``word`` starts, in order (overlapping occurrences too)."""
        found = self._found.get(word)
        if found is None:
            found = self._found[word] = list(_occurrences(word, self.folded_text))
        return found


def matches_near_words(
    pattern: re.Pattern[str], text: str, occurrences: Occurrences, words: frozenset[str]
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, found by running the pattern only around the
    places where one of ``words`` (its :func:`required_words`) occurs in the folded text."""
    spans = sorted({(at, at + len(word)) for word in words for at in occurrences.of(word)})
    return matches_near(pattern, text, spans)


_DIGIT_RUN = re.compile(r"\d+")


def digit_runs(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s runs of digits (what ``\\d`` matches), in order: every match of
    a pattern that :func:`needs_a_digit` contains one of their characters."""
    return [found.span() for found in _DIGIT_RUN.finditer(text)]


def matches_near(
    pattern: re.Pattern[str], text: str, spans: Sequence[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields when every match overlaps one of ``spans``
    (sorted), found by searching only the windows of :data:`REACH` characters about them.

    Windows that overlap are merged and each is searched from its start, once: a match
    overlapping a span lies within that span's window, so no match starts between windows
    and none is found twice; where occurrences are dense ("the") the windows join into the
    whole text, which is then searched once, as ``finditer`` would. Lookbehinds still see
    the text before a window; a match touching a window's end, where a lookahead would see
    the end of the string, is searched again without the end."""
    position = 0
    for low, high in _windows(spans, len(text)):
        position = max(position, low)
        while position < high:
            found = pattern.search(text, position, high)
            if found is None:
                break
            if found.end() >= high and high < len(text):
                found = pattern.search(text, found.start())
                if found is None:
                    return
            yield found
            position = found.end() if found.end() > found.start() else found.end() + 1


def _windows(spans: Sequence[tuple[int, int]], length: int) -> Iterator[tuple[int, int]]:
    """The windows of :data:`REACH` characters either side of ``spans``, overlapping ones
    merged, in order."""
    low = high = -1
    for start, end in spans:
        if start - REACH > high:
            if high >= 0:
                yield low, high
            low = max(0, start - REACH)
        high = max(high, min(length, end + REACH))
    if high >= 0:
        yield low, high


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


def _needs_digit(items: Any) -> bool:
    for op, value in items:
        if _digits_only(op, value):
            return True
        if op is sre_constants.SUBPATTERN and _needs_digit(value[3]):
            return True
        if op is sre_constants.BRANCH and all(_needs_digit(branch) for branch in value[1]):
            return True
        if (
            op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)
            and value[0] >= 1
            and _needs_digit(value[2])
        ):
            return True
    return False


def _digits_only(op: Any, value: Any) -> bool:
    """Whether one character item of a parse tree matches only digits: a digit, ``\\d`` or a
    set of those (not a negated set)."""
    if op is sre_constants.LITERAL:
        return chr(value).isdecimal()
    if op is not sre_constants.IN or not value:
        return False
    return all(
        (kind is sre_constants.LITERAL and chr(item).isdecimal())
        or (
            kind is sre_constants.RANGE
            and all(chr(code).isdecimal() for code in range(item[0], item[1] + 1))
        )
        or (kind is sre_constants.CATEGORY and item is sre_constants.CATEGORY_DIGIT)
        for kind, item in value
    )
