"""What each page and API endpoint shows, computed from the corpus.

Every function is bounded: it reads at most ``limit`` (+1, to know whether there is a next
page) rows and loads at most a page's worth of full records, so a page costs the same on a
corpus of fifty articles or fifty thousand.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlencode

from sayso.corpus.chronology import (
    Chronology,
    ChronologyEntry,
    EventReport,
    build_chronology,
    event_reports,
)
from sayso.corpus.dossier import (
    MENTIONS_PER_ARTICLE,
    ClaimGroup,
    Dossier,
    EntityArticle,
    EntityEvent,
    EntityPart,
    NumberNote,
    build_dossier,
    entity_part,
)
from sayso.export.text import article_label
from sayso.records.kinds import listed_kinds
from sayso.store import ArticleNotFoundError, ArticleRow, FailureRow, StatementRow
from sayso.store.rows import ClaimCount, EntityOccurrence, SpeakerCount
from sayso.web.corpus import Corpus
from sayso.web.page_cache import kept_entity_parts, stored_page
from sayso.web.rendering import ArticlePage
from sayso.web.views import (
    StatementView,
    article_href,
    entity_href,
    statement_href,
)

APPEARANCES = 10
"""Other appearances of a statement listed: a screenful."""
PHRASE_WORDS = 12
"""Words of a statement's content searched as a phrase to find it elsewhere; long enough to
be specific, short enough to survive a differently cut quote."""
ENTITY_ARTICLES = 20
"""Articles whose mentions an entity page lists per page."""
DOSSIER_ARTICLES = 100
"""Articles an entity page reads for its chronology, claims and numbers (the first ones
stored): each is a kept part (a few ms) or a decoded record (10-20 ms) on a first view, so a
name in thousands of articles still opens in seconds; the page says when there are more and
``sayso entity NAME`` reads them all."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass(frozen=True, slots=True)
class Overview:
    articles: int
    tables: dict[str, int]
    fates: dict[str, int]
    recent: list[ArticleRow]
    speakers: list[SpeakerCount]
    disputed: list[ClaimCount]
    failures: list[FailureRow]


def overview(corpus: Corpus, *, recent: int = 10, top: int = 10) -> Overview:
    """What the corpus holds, kept until the store's next article: ranking the speakers
    groups every statement (250 ms of the 300 ms this takes on the 5,000-article benchmark
    store)."""
    key = (corpus.store.revision(), recent, top)
    return corpus.overviews.get(key, lambda: _overview(corpus, recent, top))


def _overview(corpus: Corpus, recent: int, top: int) -> Overview:
    store = corpus.store
    status = store.status(recent_failures=top)
    return Overview(
        articles=status.tables.get("articles", 0),
        tables=dict(status.tables),
        fates={str(fate): n for fate, n in status.fates.items()},
        recent=store.articles(newest_first=True, limit=recent),
        speakers=store.top_speakers(top),
        disputed=store.disputed_claims(top),
        failures=list(status.recent_failures),
    )


@dataclass(frozen=True, slots=True)
class StatementFilters:
    q: str | None = None
    speaker: str | None = None
    stance: str | None = None
    kind: str | None = None
    """One kind; with none, the claims (:func:`sayso.records.kinds.listed_kinds`)."""
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    attitudes: bool = False
    """With no ``kind``, list attitudes beside the claims."""

    def kinds(self) -> str | frozenset[str]:
        """The kind, or the kinds a claim view lists."""
        return self.kind or listed_kinds(attitudes=self.attitudes)


def search_statements(
    corpus: Corpus, filters: StatementFilters, *, limit: int, offset: int
) -> tuple[list[StatementRow], bool]:
    """A page of statements matching the filters (and the full-text query, best first), and
    whether there is a next page. Pages are kept until the store's next article: a common
    word's search ranks thousands of matches (about 8 ms for 5,600 in the benchmark store)."""
    key = (corpus.store.revision(), filters, limit, offset)
    rows = corpus.statement_pages.get(key, lambda: _statements_page(corpus, filters, limit, offset))
    return rows[:limit], len(rows) > limit


def _statements_page(
    corpus: Corpus, filters: StatementFilters, limit: int, offset: int
) -> list[StatementRow]:
    """Up to ``limit + 1`` rows, the last one telling that there is a next page."""
    store = corpus.store
    if filters.q:
        return store.search_statements(
            filters.q,
            speaker=filters.speaker or None,
            stance=filters.stance or None,
            kind=filters.kinds(),
            outlet=filters.outlet or None,
            since=filters.since,
            until=filters.until,
            limit=limit + 1,
            offset=offset,
        )
    return store.statements(
        speaker=filters.speaker or None,
        stance=filters.stance or None,
        kind=filters.kinds(),
        outlet=filters.outlet or None,
        since=filters.since,
        until=filters.until,
        limit=limit + 1,
        offset=offset,
    )


def phrase_query(content: str) -> str | None:
    """A full-text phrase of the content's first words, or None when it has no words."""
    words = _WORD.findall(content)[:PHRASE_WORDS]
    return '"' + " ".join(words) + '"' if words else None


@dataclass(frozen=True, slots=True)
class StatementDetail:
    article_id: str
    statement: StatementView
    appearances: list[StatementRow]


def article_page(corpus: Corpus, article_id: str) -> ArticlePage:
    """A stored article's page parts, as rendered ahead of time (``page_cache``) or else
    rendered on first use, and then kept in memory."""
    return corpus.article_pages.get(article_id, lambda: stored_page(corpus.store, article_id))


def statement_detail(
    corpus: Corpus | None, article_id: str, view: StatementView
) -> StatementDetail:
    """A statement with its chain and stance, and where else in the corpus the same content
    (or a phrase of its first words) appears; no appearances without a corpus."""
    appearances: list[StatementRow] = []
    if corpus is not None:
        store = corpus.store
        same = store.statements(content=view.content, limit=APPEARANCES + 1)
        phrase = phrase_query(view.content)
        similar = store.search_statements(phrase, limit=APPEARANCES + 1) if phrase else []
        seen = {(article_id, view.id)}
        for row in [*same, *similar]:
            key = (row.article_id, row.statement_id)
            if key not in seen:
                seen.add(key)
                appearances.append(row)
    return StatementDetail(article_id, view, appearances[:APPEARANCES])


@dataclass(frozen=True, slots=True)
class EntityDetail:
    name: str
    types: list[str]
    total_articles: int
    aliases: list[tuple[str, int]]
    titles: list[str]
    articles: list[EntityArticle]
    """The articles of this page, with the entity's mentions in context."""
    statements: list[StatementRow]
    events: list[EntityEvent]
    more_articles: bool
    more_statements: bool
    chronology: Chronology
    said: tuple[ClaimGroup, ...]
    """What the entity said, each claim once with the outlets carrying it."""
    said_about: tuple[ClaimGroup, ...]
    """What others said about it."""
    numbers: tuple[NumberNote, ...]
    outlets: tuple[tuple[str, int], ...]
    dossier_articles: int
    """How many articles the chronology, claims and numbers were read from."""


def _entity_parts(corpus: Corpus, occurrences: list[EntityOccurrence]) -> list[EntityPart]:
    """The entity's part of each article, each built once from the stored article."""
    parts = []
    for occurrence in occurrences:
        article_id, entity_id = occurrence.article_id, occurrence.entity_id

        def build(article_id: str = article_id, entity_id: str = entity_id) -> EntityPart | None:
            kept = kept_entity_parts(corpus.store, article_id)
            if kept is not None:
                return kept.get(entity_id)
            try:
                result = corpus.store.get(article_id)
            except ArticleNotFoundError:
                return None
            return entity_part(result, entity_id, MENTIONS_PER_ARTICLE)

        part = corpus.entity_parts.get((article_id, entity_id), build)
        if part is not None:
            parts.append(part)
    return parts


def entity_detail(corpus: Corpus, name: str, *, limit: int, offset: int) -> EntityDetail | None:
    """One canonical name across the corpus: aliases, titles, mentions and events of the
    articles on this page (``limit`` of them), statements from the whole corpus, and the
    dossier (chronology, claims, numbers) of its first ``DOSSIER_ARTICLES`` articles. Kept
    until the store's next article."""
    key = (corpus.store.revision(), name, limit, offset)
    return corpus.entity_details.get(key, lambda: _entity_detail(corpus, name, limit, offset))


def entity_dossier(corpus: Corpus, name: str) -> Dossier | None:
    """The dossier of a canonical name from its first ``DOSSIER_ARTICLES`` articles."""
    store = corpus.store
    total = store.entity_occurrence_count(name)
    if total == 0:
        return None
    read = store.entity_occurrences(name, limit=DOSSIER_ARTICLES)
    return build_dossier(name, _entity_parts(corpus, read), total_articles=total)


def _entity_detail(corpus: Corpus, name: str, limit: int, offset: int) -> EntityDetail | None:
    store = corpus.store
    total = store.entity_occurrence_count(name)
    if total == 0:
        return None
    per_page = min(limit, ENTITY_ARTICLES)
    occurrences = store.entity_occurrences(name, limit=per_page + 1, offset=offset)
    parts = _entity_parts(corpus, occurrences[:per_page])
    dossier = entity_dossier(corpus, name)
    if dossier is None:
        return None
    page = build_dossier(name, parts, total_articles=total)
    statements = store.statements(speaker_name=name, limit=limit + 1, offset=offset)
    return EntityDetail(
        name=name,
        types=list(page.types),
        total_articles=total,
        aliases=list(page.aliases),
        titles=list(page.titles),
        articles=[part.article for part in parts],
        statements=statements[:limit],
        events=[event for part in parts for event in part.events],
        more_articles=len(occurrences) > per_page,
        more_statements=len(statements) > limit,
        chronology=dossier.chronology,
        said=dossier.said,
        said_about=dossier.said_about,
        numbers=dossier.numbers,
        outlets=dossier.outlets,
        dossier_articles=len(dossier.articles),
    )


@dataclass(frozen=True, slots=True)
class TimelineSource:
    """One article reporting a timeline item: where to read it and whom it cites."""

    label: str
    """The outlet, else the article's title."""
    article_title: str
    href: str
    """The article page, at the sentence that states the event."""
    attribution: str | None
    evidence: str | None


@dataclass(frozen=True, slots=True)
class TimelineItem:
    id: str
    start: str | None
    end: str | None
    """Exclusive, for a month, a year or an interval; None for a single day."""
    content: str
    """The event as a short sentence: ``Dana Keller met union leaders in Springfield``."""
    title: str
    type: str
    approximate: bool
    href: str
    article_title: str | None
    group: str
    """The lane: its actor, or the chosen entity it involves."""
    when: str
    sources: tuple[TimelineSource, ...]


@dataclass(frozen=True, slots=True)
class Lane:
    id: str
    content: str


@dataclass(frozen=True, slots=True)
class TimelineView:
    items: list[TimelineItem]
    """Events on the axis, in time order."""
    undated: list[TimelineItem]
    """Events with no place on the axis (undated, dated only by the article, year unknown)."""
    groups: list[Lane]
    truncated: bool
    """Whether more events matched than were read (``limit``)."""
    chronology: Chronology
    """The same events, each with its reports, for the list under the drawing."""

    def drawing(self) -> dict[str, object]:
        """What the API answers: the items and lanes to draw, the events off the axis."""
        return {
            "items": self.items,
            "groups": self.groups,
            "undated": self.undated,
            "truncated": self.truncated,
        }


MAX_LANES = 8
"""Actors given a lane of their own; the others share one. More lanes than fit a screen's
height would hide the events behind a scroll bar."""
OTHERS_LANE = "Others"


def _source(report: EventReport) -> TimelineSource:
    article = report.article
    return TimelineSource(
        label=article.source,
        article_title=article.label,
        href=f"{article_href(article.article_id)}#event-{report.event_id}",
        attribution=report.attribution,
        evidence=report.evidence,
    )


def _timeline_item(entry: ChronologyEntry, lane: str) -> TimelineItem:
    sources = tuple(_source(r) for r in entry.reports)
    said = ", ".join(entry.attributions)
    title = f"{entry.when}: {entry.label}. Reported by {', '.join(entry.sources)}"
    return TimelineItem(
        id=entry.id,
        start=entry.start,
        end=entry.end,
        content=entry.label,
        title=title + (f"; according to {said}" if said else "") + ".",
        type=entry.type,
        approximate=entry.approximate,
        href=sources[0].href,
        article_title=sources[0].article_title,
        group=lane,
        when=entry.when,
        sources=sources,
    )


def _article_reports(corpus: Corpus, article_id: str) -> tuple[EventReport, ...]:
    def build() -> tuple[EventReport, ...]:
        try:
            return event_reports(corpus.store.get(article_id))
        except ArticleNotFoundError:
            return ()

    return corpus.event_reports.get(article_id, build)


def timeline(
    corpus: Corpus,
    *,
    type: str | None,
    entities: Sequence[str] = (),
    since: str | None,
    until: str | None,
    limit: int,
) -> TimelineView:
    """Events as one chronology (each event once, with every article reporting it), in
    lanes: one per chosen entity when two or more are chosen, else one per actor. Kept until
    the store's next article."""
    key = (corpus.store.revision(), type, tuple(entities), since, until, limit)
    return corpus.timelines.get(
        key, lambda: _timeline(corpus, type, tuple(entities), since, until, limit)
    )


def _timeline(
    corpus: Corpus,
    type: str | None,
    entities: tuple[str, ...],
    since: str | None,
    until: str | None,
    limit: int,
) -> TimelineView:
    store = corpus.store
    chosen: dict[str, dict[str, set[str]]] = {}
    """Chosen name → article id → the ids of its entities there."""
    for name in entities:
        for occurrence in store.entity_occurrences(name, limit=limit):
            ids = chosen.setdefault(name, {}).setdefault(occurrence.article_id, set())
            ids.add(occurrence.entity_id)
    article_ids = sorted({a for by_article in chosen.values() for a in by_article})
    rows = store.events(
        type=type or None,
        article_ids=article_ids if entities else None,
        since=since or None,
        until=until or None,
        limit=limit + 1,
    )
    wanted = {(row.article_id, row.event_id) for row in rows[:limit]}
    reports: list[EventReport] = []
    for article_id in dict.fromkeys(row.article_id for row in rows[:limit]):
        for report in _article_reports(corpus, article_id):
            if (article_id, report.event_id) not in wanted:
                continue
            involved = any(
                by_article.get(article_id, set()) & set(report.entity_ids)
                for by_article in chosen.values()
            )
            if involved or not entities:
                reports.append(report)
    chronology = build_chronology(reports)

    def lane_of(entry: ChronologyEntry) -> str:
        if len(entities) >= 2:
            for name in entities:
                if any(
                    chosen[name].get(r.article.article_id, set()) & set(r.entity_ids)
                    for r in entry.reports
                ):
                    return name
        return entry.actor or OTHERS_LANE

    lanes = [lane_of(entry) for entry in chronology.entries]
    counts: dict[str, int] = defaultdict(int)
    for lane in lanes:
        counts[lane] += 1
    if len(entities) >= 2:
        kept = [name for name in entities if counts.get(name)]
    else:
        ranked = sorted((n for n in counts if n != OTHERS_LANE), key=lambda n: (-counts[n], n))
        kept = ranked[:MAX_LANES]
    lanes = [lane if lane in kept else OTHERS_LANE for lane in lanes]
    if OTHERS_LANE in lanes:
        kept.append(OTHERS_LANE)
    return TimelineView(
        items=[_timeline_item(e, lane) for e, lane in zip(chronology.entries, lanes, strict=True)],
        undated=[_timeline_item(e, OTHERS_LANE) for e in chronology.undated],
        groups=[Lane(name, name) for name in kept],
        truncated=len(rows) > limit,
        chronology=chronology,
    )


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    label: str
    kind: str
    """``speaker``, ``entity``, or ``claim`` and its stance (``claim disputed``)."""
    href: str
    title: str
    type: str | None = None
    """An entity's type (``PERSON``, ``ORG``...), a resolved speaker's too."""
    degree: int = 0
    """How many edges meet here: the most connected nodes get readable labels first."""


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    kind: str


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: list[Node]
    edges: list[Edge]


CLAIM_LABEL_CHARS = 60


def outlets(corpus: Corpus) -> list[str]:
    """The outlets of the stored articles, alphabetically, for a filter."""
    import sqlalchemy as sa

    from sayso.store import tables

    a = tables.articles
    query = sa.select(a.c.outlet).where(a.c.outlet.is_not(None)).distinct().order_by(a.c.outlet)
    with corpus.store.reading() as conn:
        return [row.outlet for row in conn.execute(query)]


def network(
    corpus: Corpus, filters: StatementFilters, *, limit: int, entity_type: str | None = None
) -> Graph:
    """Speakers → their claims → the entities named in each claim, for a page of statements
    (``filters.outlet`` keeps one outlet's); ``entity_type`` keeps the entities of one type."""
    rows, _ = search_statements(corpus, filters, limit=limit, offset=0)
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    by_article: dict[str, list[StatementRow]] = defaultdict(list)
    for row in rows:
        if row.kind != "own_voice":
            by_article[row.article_id].append(row)
    for article_id, statement_rows in by_article.items():
        result = corpus.store.get(article_id)
        names = {e.id: e.name for e in result.entities}
        types = {e.name: e.type for e in result.entities}
        records = {s.id: s for s in result.statements}
        for row in statement_rows:
            statement = records.get(row.statement_id)
            if statement is None:
                continue
            speaker = row.speaker_name or row.speaker or "(unknown)"
            speaker_id = "speaker:" + speaker.lower()
            if speaker_id not in nodes:
                href = (
                    entity_href(speaker)
                    if row.speaker_name
                    else "/statements?" + urlencode({"speaker": speaker})
                )
                kind_of = types.get(row.speaker_name or "")
                nodes[speaker_id] = Node(speaker_id, speaker, "speaker", href, speaker, kind_of)
            # One node per claim text, so that speakers repeating or disputing the same claim
            # in different articles meet at it.
            claim_id = "claim:" + row.content.lower()
            if claim_id not in nodes:
                label = row.content
                if len(label) > CLAIM_LABEL_CHARS:
                    label = label[: CLAIM_LABEL_CHARS - 1] + "…"
                source = row.outlet or article_label(row.title, None, row.published_on)
                nodes[claim_id] = Node(
                    claim_id,
                    label,
                    f"claim {row.stance}",
                    statement_href(article_id, row.statement_id),
                    f"{row.content} ({row.stance}; {source})",
                )
            said = Edge(speaker_id, claim_id, "said")
            if said not in edges:
                edges.append(said)
            for mention in result.mentions:
                name = names.get(mention.entity_id or "")
                if name is None or name == row.speaker_name:
                    continue
                if entity_type and types.get(name) != entity_type:
                    continue
                if any(s.start <= mention.span.start < s.end for s in statement.content):
                    entity_id = "entity:" + name.lower()
                    if entity_id not in nodes:
                        nodes[entity_id] = Node(
                            entity_id, name, "entity", entity_href(name), name, types.get(name)
                        )
                    edge = Edge(claim_id, entity_id, "names")
                    if edge not in edges:
                        edges.append(edge)
    degree: dict[str, int] = defaultdict(int)
    for edge in edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    return Graph([replace(n, degree=degree[n.id]) for n in nodes.values()], edges)
