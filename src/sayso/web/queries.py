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

from sayso.records import ArticleResult
from sayso.store import ArticleNotFoundError, ArticleRow, FailureRow, StatementRow
from sayso.web.corpus import ClaimCount, Corpus, EntityOccurrence, EventRow, SpeakerCount
from sayso.web.views import (
    MentionContext,
    StatementView,
    alias_counts,
    article_href,
    entity_href,
    mention_contexts,
    statement_href,
    statement_view,
)

SEARCH_WINDOW = 500
"""Full-text hits filtered by speaker/outlet/stance/date: the filters apply to the best 500
matches, which keeps a filtered search one bounded query however common the words are."""
APPEARANCES = 10
"""Other appearances of a statement listed: a screenful."""
PHRASE_WORDS = 12
"""Words of a statement's content searched as a phrase to find it elsewhere; long enough to
be specific, short enough to survive a differently cut quote."""
ENTITY_ARTICLES = 20
"""Articles whose full records an entity page loads per page."""
MENTIONS_PER_ARTICLE = 3

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
    status = corpus.store.status(recent_failures=top)
    count = status.tables.get("articles", 0)
    rows = corpus.store.articles(offset=max(0, count - recent), limit=recent)
    return Overview(
        articles=count,
        tables=dict(status.tables),
        fates={str(fate): n for fate, n in status.fates.items()},
        recent=list(reversed(rows)),
        speakers=corpus.top_speakers(top),
        disputed=corpus.disputed_claims(top),
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

    def keep(self, row: StatementRow) -> bool:
        """The filters ``Store.statements`` applies, for rows found by full-text search."""
        if self.speaker:
            wanted = self.speaker.lower()
            said = f"{row.speaker or ''}\n{row.speaker_name or ''}".lower()
            if wanted not in said:
                return False
        if self.stance and row.stance != self.stance:
            return False
        if self.kind and row.kind != self.kind:
            return False
        if self.outlet and (row.outlet or "").lower() != self.outlet.lower():
            return False
        if self.since and (row.published_on is None or row.published_on < self.since):
            return False
        return not (self.until and (row.published_on is None or row.published_on > self.until))


def search_statements(
    corpus: Corpus, filters: StatementFilters, *, limit: int, offset: int
) -> tuple[list[StatementRow], bool]:
    """A page of statements matching the filters (and the full-text query, best first)."""
    if not filters.q:
        rows = corpus.store.statements(
            speaker=filters.speaker or None,
            stance=filters.stance or None,
            kind=filters.kind or None,
            outlet=filters.outlet or None,
            since=filters.since,
            until=filters.until,
            limit=limit + 1,
            offset=offset,
        )
        return rows[:limit], len(rows) > limit
    hits = corpus.store.search(filters.q, kind="statements", limit=SEARCH_WINDOW)
    keys = [(h.article_id, h.record_id) for h in hits if h.record_id is not None]
    matching = [r for r in corpus.statements_by_key(keys) if filters.keep(r)]
    return matching[offset : offset + limit], len(matching) > offset + limit


def phrase_query(content: str) -> str | None:
    """A full-text phrase of the content's first words, or None when it has no words."""
    words = _WORD.findall(content)[:PHRASE_WORDS]
    return '"' + " ".join(words) + '"' if words else None


@dataclass(frozen=True, slots=True)
class StatementDetail:
    article_id: str
    statement: StatementView
    appearances: list[StatementRow]


def statement_detail(
    corpus: Corpus | None, result: ArticleResult, statement_id: str
) -> StatementDetail | None:
    """A statement with its chain and stance, and where else the same content appears."""
    found = next((s for s in result.statements if s.id == statement_id), None)
    if found is None:
        return None
    view = statement_view(result, found)
    article_id = result.article.id
    appearances: list[StatementRow] = []
    if corpus is not None:
        same = corpus.statements_with_content(view.content, limit=APPEARANCES + 1)
        phrase = phrase_query(view.content)
        hits = (
            corpus.store.search(phrase, kind="statements", limit=APPEARANCES + 1) if phrase else []
        )
        similar = corpus.statements_by_key(
            [(h.article_id, h.record_id) for h in hits if h.record_id is not None]
        )
        seen = {(article_id, statement_id)}
        for row in [*same, *similar]:
            key = (row.article_id, row.statement_id)
            if key not in seen:
                seen.add(key)
                appearances.append(row)
    return StatementDetail(article_id, view, appearances[:APPEARANCES])


@dataclass(frozen=True, slots=True)
class EntityArticle:
    article_id: str
    title: str | None
    published_on: date | None
    mentions: list[MentionContext]


@dataclass(frozen=True, slots=True)
class EntityEvent:
    article_id: str
    event_id: str
    type: str
    trigger: str
    time: str | None
    role: str


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


def _load(corpus: Corpus, occurrences: list[EntityOccurrence]) -> list[tuple[ArticleResult, str]]:
    loaded = []
    for occurrence in occurrences:
        try:
            loaded.append((corpus.store.get(occurrence.article_id), occurrence.entity_id))
        except ArticleNotFoundError:
            continue
    return loaded


def entity_detail(corpus: Corpus, name: str, *, limit: int, offset: int) -> EntityDetail | None:
    """One canonical name across the corpus; aliases, titles, mentions and events come from
    the articles on this page (``limit`` of them), statements from the whole corpus."""
    total = corpus.entity_occurrence_count(name)
    if total == 0:
        return None
    per_page = min(limit, ENTITY_ARTICLES)
    occurrences = corpus.entity_occurrences(name, limit=per_page + 1, offset=offset)
    loaded = _load(corpus, occurrences[:per_page])
    types: set[str] = set()
    titles: list[str] = []
    events: list[EntityEvent] = []
    articles: list[EntityArticle] = []
    for result, entity_id in loaded:
        entity = next(e for e in result.entities if e.id == entity_id)
        types.add(entity.type)
        titles.extend(t for t in entity.titles if t not in titles)
        meta = result.article.metadata
        articles.append(
            EntityArticle(
                result.article.id,
                meta.title,
                date.fromisoformat(meta.published.value[:10])
                if meta.published and len(meta.published.value) >= 10
                else None,
                mention_contexts(result, entity_id, MENTIONS_PER_ARTICLE),
            )
        )
        for event in result.events:
            for argument in event.arguments:
                if argument.entity_id == entity_id:
                    events.append(
                        EntityEvent(
                            result.article.id,
                            event.id,
                            event.type,
                            event.trigger.text,
                            event.time.value if event.time else None,
                            argument.role,
                        )
                    )
                    break
    statements = corpus.statements_by_entity(name, limit=limit + 1, offset=offset)
    return EntityDetail(
        name=name,
        types=sorted(types),
        total_articles=total,
        aliases=alias_counts(loaded),
        titles=titles,
        articles=articles,
        statements=statements[:limit],
        events=events,
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
        occurrences = corpus.entity_occurrences(entity, limit=limit, offset=0)
        article_ids = [o.article_id for o in occurrences]
    rows = corpus.events(
        type=type,
        article_ids=article_ids,
        since=since,
        until=until,
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
