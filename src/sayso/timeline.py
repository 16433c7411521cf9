"""The per-article timeline: dated events in time order, each with its evidence and sourcing.

An event is on the timeline when the text dates it (its time comes from a timex, not inherited
from the article date) and it is not negated or hypothetical. An event that is the means of
another one in the same clause (``killed in a US airstrike``) is folded into it. The article
itself is the last item, at its publication date (an estimate is shown as an interval).
The events the text does not date (``undated_items``) are kept apart, never at the article's
date: a time inherited from the publication date says when it was reported, not when it
happened.

Values are EDTF-style (``2014-06``, ``..2017``, ``2021-09/2022-01``); items sort by the earliest
day a value allows (the latest for open starts), then by position in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sayso.events.edtf import AxisSpan, axis_span, edtf_bounds, readable_date, timex_value_to_edtf
from sayso.export.text import in_quotes
from sayso.records.model import Entity, Event, Published, Span, Statement, Timex

PUBLISHED_LABEL = "the article is published"
_SKIPPED_MODALITIES = frozenset({"negated", "hypothetical"})
_LAST = 1 << 62
"""Text position given to the publication item, so it sorts after events on the same day."""


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One dated entry: an event, or the article's own publication."""

    sort_key: str
    """ISO day used for ordering: the earliest day ``value`` allows, else its latest."""
    value: str
    """EDTF-style time: ``2014-06``, ``..2017``, ``2021-09/2022-01``."""
    label: str
    event_id: str | None
    """None for the publication item."""
    evidence: Span | None
    attribution: str | None
    """Who the event is sourced to when it comes from a statement (its speaker or last hop)."""
    from_caption: bool = False
    type: str | None = None
    actor: str | None = None
    """Who did it (the entity's name where the argument is linked to one), for a lane."""
    participants: tuple[tuple[str, str], ...] = ()
    """(role, name) of each actor, recipient, object and place, entities by their name."""
    entity_ids: tuple[str, ...] = ()
    """The article's entities among the arguments."""
    undated: str | None = None
    """Why an item of ``undated_items`` has no place on a time axis; None on the timeline."""


PARTICIPANT_ROLES = ("actor", "recipient", "object", "place")
UNDATED_NO_TIME = "the text gives no date"
UNDATED_INHERITED = "dated only by the article's own date"


def _argument_text(event: Event, role: str, names: Mapping[str, str]) -> str | None:
    texts = [
        names.get(arg.entity_id, arg.span.text) if arg.entity_id else arg.span.text
        for arg in event.arguments
        if arg.role == role
    ]
    return " and ".join(dict.fromkeys(texts)) if texts else None


_LINKING = re.compile(r"^[a-z]+(?: [a-z]+){0,2}$")
"""Up to three lower-case words between a trigger and what follows it (``against``, ``with
the``): kept in a label, so that ``protested against Keller`` does not read ``Keller
protested``."""


def _linking_words(event: Event, role: str, text: str | None) -> str | None:
    """The words between the trigger and the first ``role`` argument when that argument
    follows the trigger closely in the text (``against`` in ``protested against Keller``);
    "" when it follows at once; None when it does not follow, or ``text`` is unknown."""
    if text is None:
        return None
    after = [a.span for a in event.arguments if a.role == role]
    if not after or after[0].start < event.trigger.end:
        return None
    gap = " ".join(text[event.trigger.end : after[0].start].split())
    if not gap:
        return ""
    return gap if _LINKING.match(gap) else None


def _label(
    event: Event, names: Mapping[str, str], means: Sequence[Event], text: str | None = None
) -> str:
    """``actor trigger object recipient in place``, keeping the few words that link a
    following recipient to the trigger; with no actor or object, a recipient that comes first
    in the text comes first (``old leader killed``)."""
    actor = _argument_text(event, "actor", names)
    recipient = _argument_text(event, "recipient", names)
    thing = _argument_text(event, "object", names)
    linking = _linking_words(event, "recipient", text) if recipient and not thing else None
    if linking is not None:
        words = [actor, event.trigger.text, linking, recipient]
    elif actor or thing:
        words = [actor, event.trigger.text, thing, recipient]
    else:
        words = [recipient, event.trigger.text]
    label = " ".join(w for w in words if w)
    for inner in means:
        inner_actor = _argument_text(inner, "actor", names)
        label += f" in {inner_actor + ' ' if inner_actor else ''}{inner.trigger.text}"
        inner_place = _argument_text(inner, "place", names)
        if inner_place:
            label += f" in {inner_place}"
    place = _argument_text(event, "place", names)
    if place and not means and place not in (recipient, thing):  # ``blitzkrieg across Iraq``
        # ``visited Paris``, ``fled to Syria``: the text's own word (or none) where it has one
        joining = _linking_words(event, "place", text) if not (recipient or thing) else None
        word = joining if joining is not None and len(joining.split()) <= 1 else "in"
        label += f" {word} {place}" if word else f" {place}"
    return label


def _attribution(statement: Statement | None, names: Mapping[str, str]) -> str | None:
    """Who the event is sourced to: the speaker's entity name (so a resolved ``It`` reads as
    the report it stands for), else the speaker as written, else the chain's last hop. None
    where the outlet tells it in its own voice, as where no statement holds it."""
    if statement is None or statement.kind == "own_voice":
        return None
    speaker_name = names.get(statement.speaker_entity or "")
    if speaker_name is not None:
        return speaker_name
    if statement.speaker is not None:
        return statement.speaker.text
    if statement.chain:
        return statement.chain[-1].text
    return None


def _sort_key(value: str) -> str:
    low, high = edtf_bounds(value)
    return low or high or "9999-12-31"


def _means_of(events: Sequence[Event]) -> dict[str, list[Event]]:
    """Event id → the events that say how it happened.

    A dated event whose trigger lies between another event's trigger and that event's time
    expression, and shares the time (``killed in a US airstrike in Baghdad in January 2020``),
    is the means of the outer event.
    """
    means: dict[str, list[Event]] = {}
    for outer in events:
        if outer.time is None or outer.time.timex_id is None:
            continue
        time_spans = [a.span for a in outer.arguments if a.role == "time"]
        if not time_spans:
            continue
        low, high = outer.trigger.end, time_spans[0].start
        for inner in events:
            if (
                inner.id != outer.id
                and inner.time is not None
                and inner.time.timex_id == outer.time.timex_id
                and low <= inner.trigger.start < high
            ):
                means.setdefault(outer.id, []).append(inner)
    return means


def _evidence(event: Event, text: str | None) -> Span:
    if text is None:
        return event.trigger
    spans = [event.trigger, *(a.span for a in event.arguments if ":" not in a.role)]
    return Span.of(text, min(s.start for s in spans), max(s.end for s in spans))


def _published_item(published: Published) -> TimelineItem | None:
    value = timex_value_to_edtf(published.value[:10])
    if value is None:
        return None
    earliest = timex_value_to_edtf((published.earliest or "")[:10])
    if published.estimated and earliest and published.latest:
        latest = timex_value_to_edtf(published.latest[:10])
        value = f"{earliest}/{latest}" if latest else value + "~"
    elif published.estimated and earliest:
        value = earliest + ".."  # the latest date it mentions: written then or later
    elif published.estimated:
        value += "~"
    return TimelineItem(
        sort_key=_sort_key(value),
        value=value,
        label=PUBLISHED_LABEL + (" (estimated)" if published.estimated else ""),
        event_id=None,
        evidence=published.evidence[0] if published.evidence else None,
        attribution=None,
        type="PUBLISHED",
    )


def _item(
    event: Event,
    value: str,
    names: Mapping[str, str],
    means: Sequence[Event],
    statement: Statement | None,
    text: str | None,
    undated: str | None = None,
) -> TimelineItem:
    participants = []
    for role in PARTICIPANT_ROLES:
        for argument in event.arguments:
            if argument.role == role:
                name = names.get(argument.entity_id or "", argument.span.text)
                if (role, name) not in participants:
                    participants.append((role, name))
    return TimelineItem(
        sort_key=_sort_key(value) if value else "",
        value=value,
        label=_label(event, names, means, text),
        event_id=event.id,
        evidence=_evidence(event, text),
        attribution=_attribution(statement, names),
        from_caption=event.from_caption,
        type=event.type,
        actor=_argument_text(event, "actor", names),
        participants=tuple(participants),
        entity_ids=tuple(
            dict.fromkeys(a.entity_id for a in event.arguments if a.entity_id is not None)
        ),
        undated=undated,
    )


def build_timeline(
    events: Sequence[Event],
    timexes: Sequence[Timex],
    statements: Sequence[Statement],
    *,
    published: Published | None,
    entities: Sequence[Entity] = (),
    text: str | None = None,
) -> tuple[TimelineItem, ...]:
    """Dated events in time order, with the article's publication as an item of its own.

    ``entities`` name the participants (an argument linked to an entity is shown by the
    entity's name, so a resolved ``he`` reads as the person); ``text``, the article text, widens
    each item's evidence from the trigger to the stretch holding its participants and time.
    An event whose timex is not among ``timexes`` is left out.
    """
    names = {entity.id: entity.name for entity in entities}
    known_timexes = {timex.id for timex in timexes}
    by_statement = {statement.id: statement for statement in statements}
    dated = [
        e
        for e in events
        if e.time is not None
        and e.time.relation != "inherited"
        and e.time.timex_id in known_timexes
        and e.modality not in _SKIPPED_MODALITIES
    ]
    means = _means_of(dated)
    folded = {inner.id for group in means.values() for inner in group}
    keyed: list[tuple[str, int, TimelineItem]] = []
    for event in dated:
        if event.id in folded or event.time is None:
            continue
        statement = by_statement.get(event.statement_id) if event.statement_id else None
        item = _item(event, event.time.value, names, means.get(event.id, []), statement, text)
        keyed.append((item.sort_key, event.trigger.start, item))
    if published is not None:
        published_item = _published_item(published)
        if published_item is not None:
            keyed.append((published_item.sort_key, _LAST, published_item))
    keyed.sort(key=lambda entry: (entry[0], entry[1]))
    return tuple(item for _, _, item in keyed)


def undated_items(
    events: Sequence[Event],
    timexes: Sequence[Timex],
    statements: Sequence[Statement],
    *,
    entities: Sequence[Entity] = (),
    text: str | None = None,
) -> tuple[TimelineItem, ...]:
    """The events ``build_timeline`` leaves off the axis for want of a date the text gives
    (none, or one inherited from the article's date), in text order, each with ``undated``
    saying which; negated and hypothetical events are left out here too. Their ``value`` is
    empty: an inherited date says when the event was reported, not when it happened."""
    names = {entity.id: entity.name for entity in entities}
    known_timexes = {timex.id for timex in timexes}
    by_statement = {statement.id: statement for statement in statements}
    items = []
    for event in sorted(events, key=lambda e: e.trigger.start):
        if event.modality in _SKIPPED_MODALITIES:
            continue
        if event.time is not None and event.time.relation == "inherited":
            why = UNDATED_INHERITED
        elif event.time is None or event.time.timex_id not in known_timexes:
            why = UNDATED_NO_TIME
        else:
            continue
        statement = by_statement.get(event.statement_id) if event.statement_id else None
        items.append(_item(event, "", names, (), statement, text, why))
    return tuple(items)


def _item_id(index: int, item: TimelineItem) -> str:
    return item.event_id or f"published-{index}"


def _note(item: TimelineItem) -> str:
    """When and through whom: ``June 2014, according to Tasnim``."""
    when = readable_date(item.value)
    return when + (f", according to {item.attribution}" if item.attribution else "")


def _vis_item(index: int, item: TimelineItem, span: AxisSpan) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": _item_id(index, item),
        "content": item.label,
        "start": span.start,
        "type": "point",
        "title": _note(item),
    }
    if span.end is not None:
        entry["end"] = span.end
        entry["type"] = "range"
    classes = [
        name
        for name, on in (
            ("caption", item.from_caption),
            ("published", not item.event_id),
            ("approx", span.approximate),
        )
        if on
    ]
    if classes:
        entry["className"] = " ".join(classes)
    return entry


def timeline_to_vis_json(items: Sequence[TimelineItem]) -> dict[str, Any]:
    """The timeline as vis-timeline items: ``{"items": [...], "skipped": n}``.

    Each item has ``id``, ``content`` (the label), ``start`` and, for a month, a year or an
    interval, an exclusive ``end`` (ISO days), ``type`` (``point`` or ``range``), ``title`` (the
    date in words and the attribution), and ``className`` ``caption``, ``published`` or
    ``approx`` where they apply. Items whose year is unknown (``XXXX-06-01``) have no place on
    the axis: they are left out and counted in ``skipped``.
    """
    placed, skipped = _on_axis(items, _vis_item)
    return {"items": placed, "skipped": skipped}


def _tljs_date(day: str) -> dict[str, str]:
    year, month, date = day.split("-")
    return {"year": str(int(year)), "month": str(int(month)), "day": str(int(date))}


def _tljs_event(index: int, item: TimelineItem, span: AxisSpan) -> dict[str, Any]:
    body = []
    if item.evidence is not None:
        body.append(in_quotes(item.evidence.text))
    if item.attribution:
        body.append(f"according to {item.attribution}")
    if item.from_caption:
        body.append("(photo caption)")
    event: dict[str, Any] = {
        "unique_id": _item_id(index, item),
        "start_date": _tljs_date(span.start),
        "display_date": readable_date(item.value),
        "text": {"headline": item.label, "text": " ".join(body)},
    }
    if span.end is not None:
        event["end_date"] = _tljs_date(span.last)
    if item.from_caption:
        event["group"] = "caption"
    return event


def timeline_to_timelinejs(items: Sequence[TimelineItem]) -> dict[str, Any]:
    """The timeline in TimelineJS3's JSON format: ``{"events": [...], "skipped": n}``; a month
    or a year is a range from its first to its last day, and items whose year is unknown are
    left out and counted in ``skipped`` (TimelineJS ignores the key)."""
    placed, skipped = _on_axis(items, _tljs_event)
    return {"events": placed, "skipped": skipped}


def _on_axis(
    items: Sequence[TimelineItem],
    entry: Callable[[int, TimelineItem, AxisSpan], dict[str, Any]],
) -> tuple[list[dict[str, Any]], int]:
    """``entry`` of each item with a place on the axis (numbered from 1 in ``items``), and how
    many items have none (their year is unknown)."""
    placed: list[dict[str, Any]] = []
    for index, item in enumerate(items, start=1):
        span = axis_span(item.value)
        if span is not None:
            placed.append(entry(index, item, span))
    return placed, len(items) - len(placed)
