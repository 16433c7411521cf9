"""What each page and API endpoint shows, computed from the corpus.

Every function is bounded: it reads at most ``limit`` (+1, to know whether there is a next
page) rows and loads at most a page's worth of full records, so a page costs the same on a
corpus of fifty articles or fifty thousand.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from sayso.store import ArticleNotFoundError, ArticleRow, FailureRow, StatementRow
from sayso.store.rows import ClaimCount, EntityOccurrence, EventRow, SpeakerCount
from sayso.web.corpus import Corpus
from sayso.web.page_cache import kept_entity_parts, stored_page
from sayso.web.rendering import ArticlePage
from sayso.web.views import (
    MENTIONS_PER_ARTICLE,
    EntityArticle,
    EntityEvent,
    EntityPart,
    StatementView,
    alias_counts,
    article_href,
    entity_href,
    entity_part,
    statement_href,
)

APPEARANCES = 10
"""Other appearances of a statement listed: a screenful."""
PHRASE_WORDS = 12
"""Words of a statement's content searched as a phrase to find it elsewhere; long enough to
be specific, short enough to survive a differently cut quote."""
ENTITY_ARTICLES = 20
"""Articles whose full records an entity page loads per page."""

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
    outlet: str | None = None
    since: date | None = None
    until: date | None = None


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
            kind=filters.kind or None,
            outlet=filters.outlet or None,
            since=filters.since,
            until=filters.until,
            limit=limit + 1,
            offset=offset,
        )
    return store.statements(
        speaker=filters.speaker or None,
        stance=filters.stance or None,
        kind=filters.kind or None,
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
    statements: list[StatementRow]
    events: list[EntityEvent]
    more_articles: bool
    more_statements: bool


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
    """One canonical name across the corpus; aliases, titles, mentions and events come from
    the articles on this page (``limit`` of them), statements from the whole corpus. Kept
    until the store's next article."""
    key = (corpus.store.revision(), name, limit, offset)
    return corpus.entity_details.get(key, lambda: _entity_detail(corpus, name, limit, offset))


def _entity_detail(corpus: Corpus, name: str, limit: int, offset: int) -> EntityDetail | None:
    store = corpus.store
    total = store.entity_occurrence_count(name)
    if total == 0:
        return None
    per_page = min(limit, ENTITY_ARTICLES)
    occurrences = store.entity_occurrences(name, limit=per_page + 1, offset=offset)
    parts = _entity_parts(corpus, occurrences[:per_page])
    titles: list[str] = []
    for part in parts:
        titles.extend(t for t in part.titles if t not in titles)
    statements = store.statements(speaker_name=name, limit=limit + 1, offset=offset)
    return EntityDetail(
        name=name,
        types=sorted({part.type for part in parts}),
        total_articles=total,
        aliases=alias_counts(parts),
        titles=titles,
        articles=[part.article for part in parts],
        statements=statements[:limit],
        events=[event for part in parts for event in part.events],
        more_articles=len(occurrences) > per_page,
        more_statements=len(statements) > limit,
    )


_EDTF = re.compile(r"^(\.\.)?(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([~?%]?)(\.\.)?$")


def edtf_range(value: str) -> tuple[str, str | None, bool] | None:
    """(start, end or None for a point, approximate?) of the EDTF-style values events carry:
    ``2014``, ``2014-06``, ``2014-06-03``, ``2017~``, ``..2017``; None for anything else."""
    match = _EDTF.match(value)
    if match is None:
        return None
    _, year, month, day, qualifier, _ = match.groups()
    approximate = bool(qualifier)
    if day:
        return f"{year}-{month}-{day}", None, approximate
    if month:
        next_year, next_month = (int(year) + 1, 1) if month == "12" else (int(year), int(month) + 1)
        return f"{year}-{month}-01", f"{next_year:04d}-{next_month:02d}-01", approximate
    return f"{year}-01-01", f"{int(year) + 1:04d}-01-01", approximate


@dataclass(frozen=True, slots=True)
class TimelineItem:
    id: str
    start: str
    end: str | None
    content: str
    title: str
    type: str
    approximate: bool
    href: str
    article_title: str | None


def timeline(
    corpus: Corpus,
    *,
    type: str | None,
    entity: str | None,
    since: str | None,
    until: str | None,
    limit: int,
) -> list[TimelineItem]:
    """Dated events as timeline items linking to the sentence that states them."""
    article_ids: list[str] | None = None
    if entity:
        occurrences = corpus.store.entity_occurrences(entity, limit=limit, offset=0)
        article_ids = [o.article_id for o in occurrences]
    rows = corpus.store.events(
        type=type or None,
        article_ids=article_ids,
        since=since or None,
        until=until or None,
        dated_only=True,
        limit=limit,
    )
    if entity and article_ids:
        rows = _involving(corpus, rows, entity)
    items = []
    for row in rows:
        span = edtf_range(row.time_value or "")
        if span is None:
            continue
        start, end, approximate = span
        when = f"{row.time_relation} {row.time_value}" if row.time_relation else row.time_value
        items.append(
            TimelineItem(
                id=f"{row.article_id}/{row.event_id}",
                start=start,
                end=end,
                content=f"{row.type}: {row.trigger}",
                title=f"{row.type} ({row.modality}), {when}; in {row.title or row.article_id}",
                type=row.type,
                approximate=approximate,
                href=f"{article_href(row.article_id)}#event-{row.event_id}",
                article_title=row.title,
            )
        )
    return items


def _involving(corpus: Corpus, rows: list[EventRow], entity: str) -> list[EventRow]:
    """Events with the entity among their arguments, by entity link or by alias."""
    kept: list[EventRow] = []
    by_article: dict[str, list[EventRow]] = defaultdict(list)
    for row in rows:
        by_article[row.article_id].append(row)
    for article_id, article_rows in by_article.items():
        result = corpus.store.get(article_id)
        ids = {e.id for e in result.entities if e.name == entity}
        forms = {f.text for e in result.entities if e.id in ids for f in e.aliases} | {entity}
        involved = {
            ev.id
            for ev in result.events
            if any(a.entity_id in ids or a.span.text in forms for a in ev.arguments)
        }
        kept.extend(r for r in article_rows if r.event_id in involved)
    return kept


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    label: str
    kind: str
    href: str
    title: str


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


def network(corpus: Corpus, filters: StatementFilters, *, limit: int) -> Graph:
    """Speakers → their claims → the entities named in each claim, for a page of statements."""
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
                nodes[speaker_id] = Node(speaker_id, speaker, "speaker", href, speaker)
            # One node per claim text, so that speakers repeating or disputing the same claim
            # in different articles meet at it.
            claim_id = "claim:" + row.content.lower()
            if claim_id not in nodes:
                label = row.content
                if len(label) > CLAIM_LABEL_CHARS:
                    label = label[: CLAIM_LABEL_CHARS - 1] + "…"
                nodes[claim_id] = Node(
                    claim_id,
                    label,
                    f"claim {row.stance}",
                    statement_href(article_id, row.statement_id),
                    f"{row.content} ({row.stance}; {row.title or article_id})",
                )
            said = Edge(speaker_id, claim_id, "said")
            if said not in edges:
                edges.append(said)
            for mention in result.mentions:
                name = names.get(mention.entity_id or "")
                if name is None or name == row.speaker_name:
                    continue
                if any(s.start <= mention.span.start < s.end for s in statement.content):
                    entity_id = "entity:" + name.lower()
                    if entity_id not in nodes:
                        nodes[entity_id] = Node(entity_id, name, "entity", entity_href(name), name)
                    edge = Edge(claim_id, entity_id, "names")
                    if edge not in edges:
                        edges.append(edge)
    return Graph(list(nodes.values()), edges)
