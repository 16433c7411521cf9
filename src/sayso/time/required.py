"""Words a regular expression cannot match without: a cheap test that lets the tagger skip a
pattern on a text that holds none of them.

The tagger runs some fifty patterns over every article, most of them case-insensitive with
optional leading groups, so the regex engine tries each at every character: that scan was
about a fifth of the pipeline's own time (1.4 of 7.5 CPU-s over the 150-article speed
benchmark). Most patterns need a word that most articles lack ("quarter", "weekend", a
holiday's name), and a substring test finds that out at memchr speed.

The words come from the pattern's own parse tree: a run of literal characters every match
contains, or one word of each branch of an alternation every match goes through. A pattern
with no such word (a bare digit pattern) is always run, and so is every pattern on a Python
whose ``re`` lacks the parser internals this reads (they are there from 3.11 to 3.13).
"""

from __future__ import annotations

import re
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
    """``text`` as :func:`may_match` compares it: lower case, with re's extra case folds."""
    return text.translate(_FOLDS).lower()


def may_match(words: frozenset[str] | None, folded_text: str) -> bool:
    """Whether a pattern whose :func:`required_words` are ``words`` can match the text
    :func:`folded` made ``folded_text``."""
    return words is None or any(word in folded_text for word in words)


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
