"""Pair quotation marks into quotes, in every common mark style, without a parser.

Works on characters, paragraph by paragraph, so one unbalanced mark costs at most the quote it
opens. Handles curly and straight double quotes, guillemets, TeX-style ``...'' quotes, single
quotes (top level or nested inside a double quote) and quotes that run over several paragraphs
(each paragraph reopens the mark and only the last one closes it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

MarkRole = Literal["open", "close", "either"]

_PARAGRAPH_BREAK = re.compile(r"\n+")
_DOUBLE_MARKS = re.compile(r"``|''|[“”„«»\"]")
_SINGLE_MARKS = re.compile(r"[‘’']")
_OPENING_CONTEXT = " \t\n([{—–-/"  # characters after which a straight mark opens a quote


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: one piece per paragraph it runs over, each piece including its marks."""

    pieces: tuple[tuple[int, int], ...]
    depth: int
    """0 for a top-level quote, 1 for a quote nested in another."""

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each non-blank paragraph (text between runs of newlines)."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        if text[start : brk.start()].strip():
            ranges.append((start, brk.start()))
        start = brk.end()
    if text[start:].strip():
        ranges.append((start, len(text)))
    return ranges


def _double_role(text: str, at: int, mark: str) -> MarkRole:
    if mark in "“„«" or mark == "``":
        return "open"
    before = text[at - 1] if at > 0 else " "
    after_at = at + len(mark)
    after = text[after_at] if after_at < len(text) else " "
    if mark in "”»" or mark == "''":
        # A closing-shaped mark after a space and before a word is used as an opener.
        if before.isspace() and after.isalnum():
            return "open"
        return "close"
    if before in _OPENING_CONTEXT and not after.isspace():
        return "open"
    if not before.isspace():
        return "close"
    return "either"


def _pair_double(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed double quotes in ``text[start:end]`` and the offset of a quote left open."""
    closed: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in _DOUBLE_MARKS.finditer(text, start, end):
        role = _double_role(text, match.start(), match.group())
        if open_at is None:
            if role != "close":
                open_at = match.start()
        elif role == "open":
            open_at = match.start()  # the earlier opener was never closed: drop it
        else:
            closed.append((open_at, match.end()))
            open_at = None
    return closed, open_at


def _opener_at_start(text: str, start: int, end: int) -> re.Match[str] | None:
    """The opening mark a paragraph starts with, if it starts with one."""
    at = start
    while at < end and text[at].isspace():
        at += 1
    match = _DOUBLE_MARKS.match(text, at, end)
    if match is None or _double_role(text, at, match.group()) == "close":
        return None
    return match


def _first_closer(text: str, start: int, end: int) -> int | None:
    """The end offset of the first mark in ``text[start:end]`` that can close a quote."""
    for match in _DOUBLE_MARKS.finditer(text, start, end):
        if _double_role(text, match.start(), match.group()) != "open":
            return match.end()
    return None


def _single_quotes(text: str, start: int, end: int, *, close_at_end: bool) -> list[tuple[int, int]]:
    """Single-quoted stretches of ``text[start:end]``; apostrophes are not marks."""
    found: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in _SINGLE_MARKS.finditer(text, start, end):
        at = match.start()
        before = text[at - 1] if at > start else " "
        after = text[at + 1] if at + 1 < end else " "
        opens = (before in _OPENING_CONTEXT or before in '“"') and after.isalnum()
        if match.group() == "‘" and not before.isalnum():
            opens = True
        closes = not before.isspace() and not after.isalnum()
        if open_at is None:
            if opens:
                open_at = at
        elif closes and at - open_at > 1:
            found.append((open_at, at + 1))
            open_at = None
        elif opens:
            open_at = at
    if open_at is not None and close_at_end:
        found.append((open_at, end))
    return found


def _top_level_double(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    quotes: list[Quote] = []
    carried: list[tuple[int, int]] = []  # pieces of a quote running over paragraphs
    for index, (p_start, p_end) in enumerate(paragraphs):
        scan_from = p_start
        if carried:
            reopen = _opener_at_start(text, p_start, p_end)
            piece_start = reopen.start() if reopen else p_start
            inner_from = reopen.end() if reopen else p_start
            close_end = _first_closer(text, inner_from, p_end)
            if close_end is None:
                carried.append((piece_start, p_end))
                following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
                if following is None or _opener_at_start(text, *following) is None:
                    quotes.append(Quote(tuple(carried), 0))  # never closed: ends here
                    carried = []
                continue
            carried.append((piece_start, close_end))
            quotes.append(Quote(tuple(carried), 0))
            carried = []
            scan_from = close_end
        closed, open_at = _pair_double(text, scan_from, p_end)
        quotes.extend(Quote(((s, e),), 0) for s, e in closed)
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if open_at is not None and following and _opener_at_start(text, *following):
            carried = [(open_at, p_end)]
    return quotes


def _mark_width(text: str, at: int) -> int:
    """How many characters the opening mark at ``at`` takes: two for the TeX-style pairs."""
    return 2 if text.startswith(("``", "''"), at) else 1


def inner_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` of a quote piece without its marks (two characters for TeX marks)."""
    inner_end = end - (2 if text.startswith("''", end - 2) else 1)
    return start + _mark_width(text, start), max(inner_end, start)


def find_quotes(text: str) -> list[Quote]:
    """Every quote in ``text``, top-level ones and those nested one level inside them."""
    paragraphs = paragraph_ranges(text)
    top_level = _top_level_double(text, paragraphs)
    nested: list[Quote] = []
    for quote in top_level:
        for q_start, q_end in quote.pieces:
            inner_start, inner_end = inner_span(text, q_start, q_end)
            nested.extend(
                Quote(((s, e),), 1)
                for s, e in _single_quotes(text, inner_start, inner_end, close_at_end=True)
            )
    covered = sorted(piece for quote in top_level for piece in quote.pieces)
    singles: list[Quote] = []
    for p_start, p_end in paragraphs:
        cursor = p_start
        inside = [c for c in covered if p_start <= c[0] < p_end]
        for q_start, q_end in [*inside, (p_end, p_end)]:
            if q_start > cursor:
                singles.extend(
                    Quote(((s, e),), 0)
                    for s, e in _single_quotes(text, cursor, q_start, close_at_end=False)
                )
            cursor = max(cursor, q_end)
    return sorted([*top_level, *singles, *nested], key=lambda q: (q.start, q.depth))
