"""Temporal expressions of a text as TIMEX3 :class:`~sayso.records.Timex` records.

Anchoring: deictic expressions (``yesterday``, ``next month``, ``two years ago``) count from
the document creation/publication date when one is given (``anchor_source="dct"``); otherwise
from the last absolute date mentioned before the expression (``"discourse"``); otherwise
relative values keep TIMEX3 ``X`` placeholders (``"none"``).

Anaphoric expressions (``the following year``, ``that day``, ``two weeks later``) count from
the *reference time*: the last date the narrative mentioned (absolute or already resolved),
which starts as the creation date and follows the text as it moves through time. A bare clock
time (``at 10:35 a.m.``) takes the day its own sentence names, when it names one.

A stretch counted from a date (``three days later``; ``two years after the war began in March
2003``) stays a DURATION, as TimeML writes it, with the date it reaches as ``end_value``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from sayso import __version__
from sayso.records import Span, Timex
from sayso.time.anchor import sentence_bounds, tense_from_doc, tense_from_text
from sayso.time.dates import Anchor, anchor_from_value, granularity, parse_anchor
from sayso.time.normalize import Context, Normalized, exact_stretch, normalize, reached_date
from sayso.time.tagger import Candidate, find_candidates

if TYPE_CHECKING:
    from spacy.tokens import Doc

EXTRACTOR = f"sayso.time@{__version__}"
_CONTEXT_CHARS = 30
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_YEAR = re.compile(r"(\d{4})(?:$|-)")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NEEDS_TENSE = frozenset(
    {"weekday", "month", "date_mdy", "date_dmy", "relative", "season", "holiday", "quarter",
     "weekend", "period_of"}
)  # fmt: skip


def extract_timexes(
    text: str, *, anchor: str | None, doc: Doc | None = None, id_prefix: str = "t"
) -> tuple[Timex, ...]:
    """Every temporal expression in ``text``, normalised to TIMEX3.

    ``anchor`` is the article's publication date (ISO 8601) or None; ``doc``, a spaCy parse of
    the same text, lets the tense of the governing verb decide the direction of bare weekdays
    and months (without it a sentence-level cue-word heuristic does).
    """
    dct = parse_anchor(anchor, "dct")
    discourse: Anchor | None = None
    reference: Anchor | None = dct
    last_year: int | None = None
    last_quarter: tuple[int, int] | None = None
    resolved: list[tuple[Candidate, Normalized, Anchor | None]] = []
    for cand in find_candidates(text):
        current = dct or discourse
        tense = _tense(cand, text, doc) if cand.rule in _NEEDS_TENSE else 0
        ctx = Context(
            anchor=current,
            tense=tense,
            before=text[max(0, cand.start - _CONTEXT_CHARS) : cand.start],
            after=text[cand.end : cand.end + _CONTEXT_CHARS],
            last_year=last_year,
            last_quarter=last_quarter,
            reference=reference,
        )
        norm = normalize(cand, text, ctx)
        if norm is None:
            continue
        resolved.append((cand, norm, reference if norm.from_reference else current))
        if norm.end_value is not None:
            reference = _moved_reference(norm.end_value, reference)
        if norm.type in {"DATE", "TIME"}:
            reference = _moved_reference(norm.value, reference)
            year_match = _YEAR.match(norm.value)
            if year_match:
                last_year = int(year_match.group(1))
            quarter_match = _QUARTER.fullmatch(norm.value)
            if quarter_match and _names_a_quarter(cand, text):
                last_quarter = (int(quarter_match.group(1)), int(quarter_match.group(2)))
            if not norm.relative:
                discourse = anchor_from_value(norm.value) or discourse
    resolved = _clock_times_on_their_day(text, resolved)
    resolved = _stretches_from_a_date(text, resolved)
    return tuple(
        _record(f"{id_prefix}{number}", text, cand, norm, used)
        for number, (cand, norm, used) in enumerate(resolved, start=1)
    )


def _clock_times_on_their_day(
    text: str, resolved: list[tuple[Candidate, Normalized, Anchor | None]]
) -> list[tuple[Candidate, Normalized, Anchor | None]]:
    """A bare clock time takes the day another expression of its sentence names (``the blast
    occurred at 10:35 a.m. (0735 GMT) Friday``), the nearest one, before or after it; without
    one it keeps the anchor's day."""
    days = [
        (cand.start, cand.end, norm.value[:10])
        for cand, norm, _ in resolved
        if cand.rule != "time" and _DAY.match(norm.value)
    ]
    out: list[tuple[Candidate, Normalized, Anchor | None]] = []
    for cand, norm, used in resolved:
        day = _day_in_sentence(text, cand, days) if cand.rule == "time" and norm.relative else None
        if day is None or day == norm.value[:10]:
            out.append((cand, norm, used))
        else:
            out.append((cand, replace(norm, value=day + norm.value[10:]), anchor_from_value(day)))
    return out


_STRETCH_SIGNAL = re.compile(r"\s+(after|before)\b", re.IGNORECASE)
_PHRASE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
_STRETCH_REACH = 150
"""Most characters from ``after`` to the date of what it names (``after he was killed in a US
airstrike in Baghdad in January 2020``)."""


def _stretches_from_a_date(
    text: str, resolved: list[tuple[Candidate, Normalized, Anchor | None]]
) -> list[tuple[Candidate, Normalized, Anchor | None]]:
    """``signed two years after the war began in March 2003``: an exact stretch before
    ``after``/``before``, and a date inside the phrase it opens (no comma between), reach the
    date that far from it (``end_value`` ``2005-03``), so the event it dates can be placed."""
    out: list[tuple[Candidate, Normalized, Anchor | None]] = []
    for index, (cand, norm, used) in enumerate(resolved):
        signal = _STRETCH_SIGNAL.match(text, cand.end)
        exact = norm.type == "DURATION" and exact_stretch(norm.value) is not None
        if signal is None or not exact or norm.end_value is not None:
            out.append((cand, norm, used))
            continue
        _, right = sentence_bounds(text, cand.start, cand.end)
        limit = min(right, signal.end() + _STRETCH_REACH)
        since = next(
            (
                (other, anchor)
                for other, other_norm, _ in resolved[index + 1 :]
                if signal.end() <= other.start < limit
                and other_norm.type in {"DATE", "TIME"}
                and (anchor := anchor_from_value(other_norm.value)) is not None
            ),
            None,
        )
        if since is None or _PHRASE_BREAK.search(text, signal.end(), since[0].start):
            out.append((cand, norm, used))
            continue
        end = reached_date(since[1], norm.value, signal.group(1))
        reached = replace(norm, end_value=end, relative=end is not None)
        out.append((cand, reached, since[1] if end else used))
    return out


def _day_in_sentence(text: str, cand: Candidate, days: list[tuple[int, int, str]]) -> str | None:
    left, right = sentence_bounds(text, cand.start, cand.end)
    inside = [
        (min(abs(start - cand.end), abs(cand.start - end)), day)
        for start, end, day in days
        if start < right and left < end
    ]
    return min(inside)[1] if inside else None


def _moved_reference(value: str, reference: Anchor | None) -> Anchor | None:
    """The reference time after a date the narrative just mentioned (a year-only mention of the
    reference's own year keeps its finer month and day)."""
    moved = anchor_from_value(value)
    if moved is None:
        return reference
    if reference is not None and moved.month is None and moved.year == reference.year:
        return reference
    return moved


def _names_a_quarter(cand: Candidate, text: str) -> bool:
    """A quarter the text is about (``the third quarter``), not a comparison (``year-ago``)."""
    words = text[cand.start : cand.end].lower()
    return cand.rule == "quarter" and not any(
        w in words for w in ("year-earlier", "year-ago", "last year", "year earlier")
    )


def _tense(cand: Candidate, text: str, doc: Doc | None) -> int:
    if doc is not None:
        return tense_from_doc(doc, text, cand.start, cand.end)
    return tense_from_text(text, cand.start, cand.end)


def _record(
    timex_id: str, text: str, cand: Candidate, norm: Normalized, anchor: Anchor | None
) -> Timex:
    unresolved = (
        anchor is None
        and norm.type in {"DATE", "TIME"}
        and ("X" in norm.value[:4] or norm.value.endswith("_REF"))
    )
    anchor_value: str | None = None
    anchor_source: str | None = "none" if unresolved else None
    if norm.relative and anchor is not None:
        anchor_value, anchor_source = anchor.iso(), anchor.source
    return Timex(
        id=timex_id,
        span=Span.of(text, cand.start, cand.end),
        type=norm.type,
        value=norm.value,
        extractor=EXTRACTOR,
        mod=norm.mod,
        granularity=granularity(norm.value),
        anchor=anchor_value,
        anchor_source=anchor_source,
        end_value=norm.end_value,
    )
