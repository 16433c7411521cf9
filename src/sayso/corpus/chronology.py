"""One chronology across articles: each event once, with every article that reports it.

Each article's events come from :mod:`sayso.timeline`, labelled as short sentences from their
actor, trigger and recipient (``Dana Keller met union leaders in Springfield``), with the
stretch of text that states them and whom the article sources them to. Reports of the same event
in several articles are merged by the rules of :mod:`sayso.corpus.events` (same type, no actor,
recipient or place that differs, times that can overlap, a participant in common), participants
compared by their folded names so that a chronology needs no ``sayso link`` run.

What has no place on a time axis is kept apart, never drawn at a date it does not have: events
the text does not date, events dated only by the article's own date (that is when they were
reported), and dates whose year is unknown (``XXXX-06-01``). An undated report merges only with
other undated ones: it could be a report of any dated event of its kind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sayso.corpus.events import CONFLICT_ROLES, EventMention, cluster_mentions
from sayso.entities.names import fold
from sayso.events.edtf import axis_span, edtf_bounds, readable_date
from sayso.export.text import article_label
from sayso.records import ArticleResult
from sayso.timeline import TimelineItem, build_timeline, undated_items

UNDATED_YEAR_UNKNOWN = "the year is not known"


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """The article a report comes from, as a reader names it."""

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None

    @property
    def label(self) -> str:
        """Its title, else ``Untitled article (outlet, date)``; never its id."""
        return article_label(self.title, self.outlet, (self.published or "")[:10] or None)

    @property
    def source(self) -> str:
        """The outlet, else the article's label: who carries the report."""
        return self.outlet or self.label


def article_ref(result: ArticleResult) -> ArticleRef:
    meta = result.article.metadata
    published = meta.published.value if meta.published else None
    return ArticleRef(result.article.id, meta.title, meta.outlet, published)


@dataclass(frozen=True, slots=True)
class EventReport:
    """One article's report of an event."""

    article: ArticleRef
    event_id: str
    type: str
    label: str
    value: str
    """The EDTF-style date the text gives (``2014-06``); empty when it gives none."""
    undated: str | None
    """Why the report has no place on a time axis; None when it has one."""
    actor: str | None
    participants: tuple[tuple[str, str], ...]
    """(role, name) of the actors, recipients, objects and places."""
    entity_ids: tuple[str, ...]
    """The article's entities taking part, by their id in the article."""
    evidence: str | None
    """The stretch of text that states the event, from its trigger to its participants."""
    evidence_start: int | None
    attribution: str | None
    """Whom the article sources the event to (``Tasnim``); None where it tells it itself."""
    from_caption: bool

    @property
    def key(self) -> str:
        return f"{self.article.article_id}:{self.event_id}"


def _report(article: ArticleRef, item: TimelineItem, undated: str | None) -> EventReport:
    evidence = item.evidence
    return EventReport(
        article=article,
        event_id=item.event_id or "",
        type=item.type or "",
        label=item.label,
        value=item.value,
        undated=undated,
        actor=item.actor,
        participants=item.participants,
        entity_ids=item.entity_ids,
        evidence=evidence.text if evidence is not None else None,
        evidence_start=evidence.start if evidence is not None else None,
        attribution=item.attribution,
        from_caption=item.from_caption,
    )


def event_reports(result: ArticleResult) -> tuple[EventReport, ...]:
    """Every event of ``result`` a chronology shows: the dated ones of its timeline, then
    those it cannot place (each saying why), negated and hypothetical ones left out."""
    article = article_ref(result)
    events, timexes, statements = result.events, result.timexes, result.statements
    entities, text = result.entities, result.article.text
    reports = []
    dated = build_timeline(
        events, timexes, statements, published=None, entities=entities, text=text
    )
    for item in dated:
        if item.event_id is not None:
            known = axis_span(item.value) is not None
            reports.append(_report(article, item, None if known else UNDATED_YEAR_UNKNOWN))
    for item in undated_items(events, timexes, statements, entities=entities, text=text):
        reports.append(_report(article, item, item.undated))
    return tuple(reports)


@dataclass(frozen=True, slots=True)
class ChronologyEntry:
    """One event, with every report of it, earliest published first."""

    id: str
    type: str
    label: str
    value: str
    """The most precise date its reports give; empty when undated."""
    when: str
    """The date in words (``June 2014``, ``by 2017``), or why there is none."""
    start: str | None
    """First ISO day on the axis; None off the axis."""
    end: str | None
    """The day after the last one (exclusive), or None for a single day or off the axis."""
    approximate: bool
    actor: str | None
    participants: tuple[tuple[str, str], ...]
    undated: str | None
    reports: tuple[EventReport, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """The outlets (or untitled articles) carrying the event, each once."""
        return tuple(dict.fromkeys(report.article.source for report in self.reports))

    @property
    def attributions(self) -> tuple[str, ...]:
        """Whom the reports source it to, each once."""
        return tuple(dict.fromkeys(r.attribution for r in self.reports if r.attribution))


@dataclass(frozen=True, slots=True)
class Chronology:
    """Events on a time axis in time order, and those that have no place there."""

    entries: tuple[ChronologyEntry, ...]
    undated: tuple[ChronologyEntry, ...]

    def __len__(self) -> int:
        return len(self.entries) + len(self.undated)


def _mention(report: EventReport) -> EventMention:
    arguments: dict[str, set[str]] = {}
    for role, name in report.participants:
        if role in CONFLICT_ROLES:
            arguments.setdefault(role, set()).add(fold(name))
    time = None
    if report.undated is None:
        low, high = edtf_bounds(report.value)
        time = (low, high)
    return EventMention(
        key=report.key,
        document=report.article.article_id,
        kind=report.type,
        arguments={role: frozenset(names) for role, names in arguments.items()},
        time=time,
    )


def _published_order(report: EventReport) -> tuple[int, str, str]:
    published = report.article.published
    return (0 if published else 1, published or "", report.key)


def _precision(value: str) -> tuple[int, str]:
    """Sorts the narrowest date first: fewer days covered."""
    span = axis_span(value)
    if span is None:
        return (1 << 30, value)
    days = (date.fromisoformat(span.last) - date.fromisoformat(span.start)).days
    return (days, value)


def _entry(reports: Sequence[EventReport]) -> ChronologyEntry:
    ordered = sorted(reports, key=_published_order)
    first = ordered[0]
    digest = hashlib.blake2b("|".join(sorted(r.key for r in ordered)).encode(), digest_size=6)
    undated = first.undated if all(r.undated for r in ordered) else None
    values = [r.value for r in ordered if r.undated is None]
    value = min(values, key=_precision) if values else first.value
    span = axis_span(value) if undated is None else None
    participants: dict[tuple[str, str], None] = {}
    for report in ordered:
        participants.update(dict.fromkeys(report.participants))
    if span is not None:
        when = readable_date(value)
    elif value:
        when = f"{readable_date(value)} ({undated})"
    else:
        when = undated or ""
    return ChronologyEntry(
        id="c" + digest.hexdigest(),
        type=first.type,
        label=first.label,
        value=value,
        when=when,
        start=span.start if span else None,
        end=span.end if span else None,
        approximate=span.approximate if span else False,
        actor=next((r.actor for r in ordered if r.actor), None),
        participants=tuple(participants),
        undated=undated,
        reports=tuple(ordered),
    )


def build_chronology(reports: Iterable[EventReport]) -> Chronology:
    """The reports merged into events: those on the axis in time order, those off it in order
    of their first report."""
    listed = list(reports)
    dated = [r for r in listed if r.undated is None]
    undated = [r for r in listed if r.undated is not None]
    entries = []
    for group in (dated, undated):
        clusters = cluster_mentions([_mention(r) for r in group])
        entries.append([_entry([group[i] for i in members]) for members in clusters])
    on_axis = sorted(entries[0], key=lambda e: (e.start or "", e.end or "", e.reports[0].key))
    apart = sorted(entries[1], key=lambda e: _published_order(e.reports[0]))
    return Chronology(tuple(on_axis), tuple(apart))


def reports_involving(
    reports: Iterable[EventReport], entity_ids: Iterable[str]
) -> list[EventReport]:
    """The reports in which one of the article's entities ``entity_ids`` takes part."""
    wanted = set(entity_ids)
    return [r for r in reports if wanted.intersection(r.entity_ids)]
