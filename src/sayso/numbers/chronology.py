"""Date-order consistency: dates that contradict the order the text itself states.

Three general rules; each flag carries the spans of both sides of the conflict:

* ``event_before_cause``: a clause is said to come after something (``after``, ``following``,
  ``since``, ``in response to``) or before it (``before``, ``prior to``, ``ahead of``), and the
  normalized date of the clause lies wholly on the wrong side of the date inside the cue's
  phrase. ``N years after Y`` also checks the stated gap (``date_gap_mismatch``), with one unit of
  slack for ``almost`` and rounding.
* ``event_after_death``: an event whose actor was killed or died earlier in the article's own
  dated account, dated wholly after that death. Only events with a date of their own count (an
  event merely inheriting the article date proves nothing), and only asserted or reported ones.
* ``relative_date_order``: a relative expression that counts forward (``two years later``, ``the
  following month``) resolved to a date wholly before its anchor, or one that counts back
  (``ago``, ``earlier``) resolved wholly after it.

Dates are compared as the earliest and latest day each value allows (:func:`edtf_bounds`), so a
year and a month inside it never conflict, and open or unresolved values are skipped.
"""

from __future__ import annotations

import calendar
import functools
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import TYPE_CHECKING, Literal

from sayso.events.edtf import edtf_bounds, timex_to_edtf
from sayso.nlp.doctext import doc_text
from sayso.records.model import Event, Flag, Span, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

EXTRACTOR = "sayso.numbers.chronology/rules-1"

Direction = Literal["after", "before"]

_DURATION = re.compile(r"^P(\d+)([YMWD])$")
_WORD = re.compile(r"[a-z]+")
_DEATH_TYPES = frozenset({"KILLED", "DIED"})
_FACTUAL = frozenset({"asserted", "reported"})
_CLIMB_LIMIT = 6
"""Heads walked up from a token to find its clause verb (prepositions and nouns in between)."""
_GAP_SLACK = 1
"""Units of slack on a stated gap (``almost two years after`` January 2020 is late 2021)."""


@dataclass(frozen=True, slots=True)
class OrderCues:
    """Cue phrases (as lower-cased word tuples) by the order they state, and relative words."""

    phrases: Mapping[tuple[str, ...], Direction]
    forward: frozenset[str]
    backward: frozenset[str]


@functools.cache
def load_order_cues() -> OrderCues:
    """The packaged cue lists (``data/order_cues.json``), read once per process."""
    path = resources.files("sayso.numbers").joinpath("data", "order_cues.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    phrases: dict[tuple[str, ...], Direction] = {}
    for phrase in data["after"]:
        phrases[tuple(phrase.split())] = "after"
    for phrase in data["before"]:
        phrases[tuple(phrase.split())] = "before"
    return OrderCues(
        phrases=phrases,
        forward=frozenset(data["forward_relative"]),
        backward=frozenset(data["backward_relative"]),
    )


@dataclass(frozen=True, slots=True)
class _Dated:
    """A datable timex with the earliest and latest ISO day its value allows."""

    timex: Timex
    earliest: str
    latest: str


def _dated(timex: Timex) -> _Dated | None:
    value = timex_to_edtf(timex)
    if value is None:
        return None
    try:
        low, high = edtf_bounds(value)
    except ValueError:  # a day the month lacks: the numbers checks flag that on their own
        return None
    if low is None or high is None:
        return None
    return _Dated(timex, low, high)


def _clause_of(token: Token) -> Token:
    """The nearest verb at or above ``token``'s head, else the highest token reached."""
    current = token
    for _ in range(_CLIMB_LIMIT):
        head = current.head
        if head.i == current.i:
            return current
        current = head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return current


def _timex_roots(doc: Doc, dated: Sequence[_Dated]) -> list[tuple[_Dated, Token]]:
    roots: list[tuple[_Dated, Token]] = []
    for item in dated:
        span = doc.char_span(item.timex.span.start, item.timex.span.end, alignment_mode="expand")
        if span is not None and len(span):
            roots.append((item, span.root))
    return roots


def _cue_matches(doc: Doc, cues: OrderCues) -> Iterator[tuple[Direction, Token, Token]]:
    """(direction, first word, last word) of every cue phrase in the text."""
    longest = max(len(p) for p in cues.phrases)
    firsts = {phrase[0] for phrase in cues.phrases}
    words = [t.lower_ for t in doc]
    # only where a phrase can start: a tuple per length at every word was most of the time
    for i in (at for at, word in enumerate(words) if word in firsts):
        for size in range(min(longest, len(doc) - i), 0, -1):
            direction = cues.phrases.get(tuple(words[i : i + size]))
            if direction is not None:
                yield direction, doc[i], doc[i + size - 1]
                break


def _anchor_range(first: Token, last: Token) -> tuple[int, int] | None:
    """Token range ``[start, end)`` of what the cue orders against: its object phrase or the
    clause it introduces (``after he was killed in 2020``)."""
    objects = [c for c in last.children if c.dep_ in ("pobj", "pcomp")]
    if objects:
        return min(o.left_edge.i for o in objects), max(o.right_edge.i for o in objects) + 1
    if first.dep_ == "mark" and first.head.i != first.i:
        clause = first.head
        return last.i + 1, clause.right_edge.i + 1
    return None


def _qualified(first: Token, last: Token, cues: OrderCues) -> bool:
    """A cue whose order is turned around or compounded: ``not until``, ``until after``,
    ``long before``... such a phrase is skipped rather than misread."""
    doc = first.doc
    before = doc[first.i - 1].lower_ if first.i > 0 else ""
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if before in ("not", "never", "n't"):
        return True
    return after is not None and after.dep_ in ("prep", "mark") and (after.lower_,) in cues.phrases


def _governor(first: Token) -> Token:
    """The word the cue phrase attaches to (a subordinate clause's head, for ``after he ...``)."""
    if first.dep_ == "mark":
        return first.head.head
    return first.head


def _gap_before(cue: Token, durations: Sequence[Timex]) -> tuple[Timex, int, str] | None:
    """A duration written right before the cue (``two years after``): (timex, amount, unit)."""
    for timex in durations:
        if timex.span.end <= cue.idx and not doc_text(cue.doc)[timex.span.end : cue.idx].strip():
            match = _DURATION.match(timex.value)
            if match:
                return timex, int(match.group(1)), match.group(2)
    return None


def _shift(iso: str, amount: int, unit: str) -> str:
    day = date.fromisoformat(iso)
    if unit in ("W", "D"):
        return (day + timedelta(days=amount * (7 if unit == "W" else 1))).isoformat()
    months = amount * (12 if unit == "Y" else 1)
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last)).isoformat()


_YEAR_GUESSED_WITHIN_DAYS = 366
"""A month or day whose year was inferred (``in October``, ``in January``) may sit a year off:
two such dates less than a year apart prove no wrong order (``concluded in October and before
the president takes office in January``, found on PolNeAR train)."""


def _year_guessed(item: _Dated) -> bool:
    return item.timex.anchor is not None and item.timex.granularity in {"month", "day"}


def _order_flag(direction: Direction, main: _Dated, anchor: _Dated, cue: Span) -> Flag | None:
    if direction == "after" and main.latest < anchor.earliest:
        relation = "after"
    elif direction == "before" and main.earliest > anchor.latest:
        relation = "before"
    else:
        return None
    if _year_guessed(main) or _year_guessed(anchor):
        apart = abs(date.fromisoformat(main.earliest) - date.fromisoformat(anchor.earliest))
        if apart.days < _YEAR_GUESSED_WITHIN_DAYS:
            return None
    return Flag(
        kind="event_before_cause",
        message=(
            f"the text puts {main.timex.span.text!r} {relation} {anchor.timex.span.text!r} "
            f"({cue.text!r}), but {main.timex.value} is "
            f"{'before' if relation == 'after' else 'after'} {anchor.timex.value}"
        ),
        spans=(main.timex.span, anchor.timex.span, cue),
        extractor=EXTRACTOR,
        records=(main.timex.id, anchor.timex.id),
    )


def _gap_flag(main: _Dated, anchor: _Dated, gap: tuple[Timex, int, str], cue: Span) -> Flag | None:
    timex, amount, unit = gap
    low = _shift(anchor.earliest, amount - _GAP_SLACK, unit)
    high = _shift(anchor.latest, amount + _GAP_SLACK, unit)
    if main.latest >= low and main.earliest <= high:
        return None
    return Flag(
        kind="date_gap_mismatch",
        message=(
            f"{main.timex.span.text!r} is said to be {timex.span.text!r} after "
            f"{anchor.timex.span.text!r}, but {main.timex.value} is not {timex.value} after "
            f"{anchor.timex.value}"
        ),
        spans=(main.timex.span, timex.span, anchor.timex.span),
        extractor=EXTRACTOR,
        records=(main.timex.id, timex.id, anchor.timex.id),
    )


def _main_date(
    governor: Token, roots: Sequence[tuple[_Dated, Token]], taken: Sequence[tuple[int, int]]
) -> _Dated | None:
    """The date of the clause (or noun) the cue attaches to; dates inside any cue's phrase
    (``since the 1960s ... since the 1990s``) are what those cues order against, not it."""
    candidates = [(d, r) for d, r in roots if not any(s <= r.i < e for s, e in taken)]
    for item, root in candidates:
        if governor.pos_ != "VERB" and root.head.i == governor.i:
            return item
    clause = governor if governor.pos_ in ("VERB", "AUX") else _clause_of(governor)
    for item, root in candidates:
        if _clause_of(root).i == clause.i:
            return item
    return None


def _ordering_flags(doc: Doc, timexes: Sequence[Timex], cues: OrderCues) -> list[Flag]:
    dated = [d for d in (_dated(t) for t in timexes) if d is not None]
    if len(dated) < 2:
        return []
    roots = _timex_roots(doc, dated)
    durations = [t for t in timexes if t.type == "DURATION"]
    flags: list[Flag] = []
    text = doc_text(doc)
    found: list[tuple[Direction, Token, Token, tuple[int, int]]] = []
    for direction, first, last in _cue_matches(doc, cues):
        bounds = _anchor_range(first, last)
        if bounds is not None and not _qualified(first, last, cues):
            found.append((direction, first, last, bounds))
    taken = [(min(b[0], f.i), b[1]) for _, f, _, b in found]
    for direction, first, last, (start, end) in found:
        anchor = next((d for d, r in roots if start <= r.i < end), None)
        if anchor is None:
            continue
        cue_end = last.idx + len(last.text)
        cue_start = first.idx
        cue_span = Span.of(text, cue_start, cue_end)
        main = _main_date(_governor(first), roots, taken)
        if main is None or main.timex.id == anchor.timex.id:
            continue
        flag = _order_flag(direction, main, anchor, cue_span)
        if flag is None and direction == "after":
            gap = _gap_before(first, durations)
            if gap is not None:
                flag = _gap_flag(main, anchor, gap, cue_span)
        if flag is not None:
            flags.append(flag)
    return flags


def _dead_key(event: Event) -> list[tuple[str, Span]]:
    role = "recipient" if event.type == "KILLED" else "actor"
    keys: list[tuple[str, Span]] = []
    for arg in event.arguments:
        key = _person_key(arg.entity_id, arg.span) if arg.role == role else None
        if key is not None:
            keys.append((key, arg.span))
    return keys


def _person_key(entity_id: str | None, span: Span) -> str | None:
    """The entity id, else the proper name that ends the span (``rebel leader Omar Haddad`` →
    ``omar haddad``); a common noun (``the commander``) may be a different person each time, so
    it has none."""
    if entity_id:
        return entity_id
    name: list[str] = []
    for word in reversed(re.findall(r"[^\W\d_]+", span.text)):
        if not word[0].isupper():
            break
        name.insert(0, word.lower())
    while name and name[0] in ("the", "a", "an"):
        name.pop(0)
    return " ".join(name) if name else None


def _event_bounds(event: Event) -> tuple[str | None, str | None]:
    if event.time is None or event.time.relation == "inherited":
        return None, None
    try:
        return edtf_bounds(event.time.value)
    except ValueError:
        return None, None


def _after_death_flags(events: Sequence[Event]) -> list[Flag]:
    deaths: dict[str, tuple[Event, Span, str]] = {}
    for event in events:
        if event.type not in _DEATH_TYPES or event.modality not in _FACTUAL:
            continue
        _, latest = _event_bounds(event)
        if latest is None:
            continue
        for key, span in _dead_key(event):
            known = deaths.get(key)
            if known is None or latest < known[2]:
                deaths[key] = (event, span, latest)
    flags: list[Flag] = []
    if not deaths:
        return flags
    reported: set[tuple[str, str]] = set()
    for event in events:
        if event.type in _DEATH_TYPES or event.modality not in _FACTUAL:
            continue
        earliest, _ = _event_bounds(event)
        if earliest is None or event.time is None:
            continue
        for arg in event.arguments:
            if arg.role != "actor":
                continue
            actor_key = _person_key(arg.entity_id, arg.span)
            death = deaths.get(actor_key) if actor_key is not None else None
            if death is None or earliest <= death[2]:
                continue
            death_event, death_span, _ = death
            conflict = (death_event.id, event.time.timex_id or event.time.value)
            if conflict in reported:  # events sharing one date are one conflict
                continue
            reported.add(conflict)
            death_time = death_event.time.value if death_event.time else "?"
            flags.append(
                Flag(
                    kind="event_after_death",
                    message=(
                        f"{arg.span.text!r} is the actor of {event.trigger.text!r} dated "
                        f"{event.time.value}, after {death_span.text!r} "
                        f"{death_event.trigger.text} ({death_time})"
                    ),
                    spans=(arg.span, event.trigger, death_span, death_event.trigger),
                    extractor=EXTRACTOR,
                    records=(event.id, death_event.id),
                )
            )
            break
    return flags


def _relative_flags(timexes: Sequence[Timex], cues: OrderCues) -> list[Flag]:
    by_id = {t.id: t for t in timexes}
    flags: list[Flag] = []
    for timex in timexes:
        if timex.anchor is None:
            continue
        words = set(_WORD.findall(timex.span.text.lower()))
        forward = bool(words & cues.forward)
        backward = bool(words & cues.backward)
        if forward == backward:
            continue
        item = _dated(timex)
        anchor_timex = by_id.get(timex.anchor)
        anchor_value = anchor_timex.value if anchor_timex else timex.anchor
        try:
            anchor_low, anchor_high = edtf_bounds(anchor_value[:10])
        except ValueError:
            continue
        if item is None or anchor_low is None or anchor_high is None:
            continue
        wrong = item.latest < anchor_low if forward else item.earliest > anchor_high
        if not wrong:
            continue
        side = "before" if forward else "after"
        flags.append(
            Flag(
                kind="relative_date_order",
                message=(
                    f"{timex.span.text!r} counts {'forward' if forward else 'back'} from "
                    f"{anchor_value} but resolves to {timex.value}, {side} it"
                ),
                spans=(timex.span, anchor_timex.span) if anchor_timex else (timex.span,),
                extractor=EXTRACTOR,
                records=(timex.id, anchor_timex.id) if anchor_timex else (timex.id,),
            )
        )
    return flags


def check_date_order(
    doc: Doc, timexes: Sequence[Timex], events: Sequence[Event] = ()
) -> tuple[Flag, ...]:
    """Flags where the article's dates contradict the order its own words give them.

    ``doc`` is the article's parse; ``timexes`` and ``events`` its normalized times and events
    (events give the deaths and actors of the after-death rule).
    """
    cues = load_order_cues()
    return (
        *_ordering_flags(doc, timexes, cues),
        *_after_death_flags(events),
        *_relative_flags(timexes, cues),
    )
