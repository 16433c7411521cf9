"""Read-only corpus queries the pages need and the Store does not (yet) offer.

The Store's public API answers per-article questions (``get``, ``statements``, ``entities``,
``search``). The overview, entity, timeline and network pages need answers across articles
(speakers ranked by statements, claims ranked by how often they are disputed, one entity's rows
in every article, events with times); those are aggregate SELECTs over the store's own tables,
kept here in one place until the store grows methods for them. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from sayso.store import StatementRow, Store, open_store, tables
from sayso.store.engine import connect, translated_errors

CONTENT_SEPARATOR = " … "


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """A speaker (entity name when resolved, else as written) and how much they said."""

    name: str
    statements: int
    articles: int


@dataclass(frozen=True, slots=True)
class ClaimCount:
    """A claim's content and in how many statements the outlets disputed it."""

    content: str
    disputed: int
    article_id: str
    statement_id: str


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """One canonical name across the corpus: in how many articles, with how many mentions."""

    name: str
    type: str
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class EntityOccurrence:
    """Where one canonical name occurs: the article and the entity's id inside it."""

    article_id: str
    entity_id: str
    title: str | None
    published_on: date | None


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event with the article it came from."""

    article_id: str
    event_id: str
    type: str
    trigger: str
    modality: str
    time_value: str | None
    time_relation: str | None
    statement_id: str | None
    title: str | None
    published: str | None


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _statement_row(r: Any) -> StatementRow:
    return StatementRow(
        article_id=r.article_id,
        statement_id=r.statement_id,
        kind=r.kind,
        stance=r.stance,
        speaker=r.speaker,
        speaker_name=r.speaker_name,
        content=r.content_text,
        cue=r.cue,
        confidence=r.confidence,
        start=r.start_offset,
        outlet=r.outlet,
        title=r.title,
        url=r.url,
        published_on=_as_date(r.published_on),
    )


class Corpus:
    """The Store plus the cross-article queries of the web app, on one database."""

    def __init__(self, url: str | None) -> None:
        self.store: Store = open_store(url)
        self._backend = connect(url)

    def close(self) -> None:
        self.store.close()
        self._backend.engine.dispose()

    def _rows(self, query: sa.Executable) -> list[Any]:
        with translated_errors(self._backend.label), self._backend.engine.connect() as conn:
            return list(conn.execute(query))

    def article_count(self) -> int:
        a = tables.articles
        return int(self._rows(sa.select(sa.func.count()).select_from(a))[0][0])

    def recent_article_ids(self, limit: int) -> list[str]:
        a = tables.articles
        return [r.id for r in self._rows(sa.select(a.c.id).order_by(a.c.seq.desc()).limit(limit))]

    def top_speakers(self, limit: int) -> list[SpeakerCount]:
        """Speakers with the most attributed statements (the outlet's own voice left out)."""
        s = tables.statements
        name = sa.func.coalesce(s.c.speaker_name, s.c.speaker)
        query = (
            sa.select(
                name.label("name"),
                sa.func.count().label("n"),
                sa.func.count(sa.distinct(s.c.article_id)).label("articles"),
            )
            .where(name.is_not(None), s.c.kind != "own_voice")
            .group_by(name)
            .order_by(sa.desc("n"), name)
            .limit(limit)
        )
        return [SpeakerCount(r.name, int(r.n), int(r.articles)) for r in self._rows(query)]

    def disputed_claims(self, limit: int) -> list[ClaimCount]:
        """Contents the outlets disputed most often, with one statement to show."""
        s = tables.statements
        query = (
            sa.select(
                s.c.content_text,
                sa.func.count().label("n"),
                sa.func.min(s.c.article_id).label("article_id"),
                sa.func.min(s.c.statement_id).label("statement_id"),
            )
            .where(s.c.stance == "disputed")
            .group_by(s.c.content_text)
            .order_by(sa.desc("n"), s.c.content_text)
            .limit(limit)
        )
        return [
            ClaimCount(r.content_text, int(r.n), r.article_id, r.statement_id)
            for r in self._rows(query)
        ]

    def entity_summaries(
        self, *, name: str | None, type: str | None, limit: int, offset: int
    ) -> list[EntitySummary]:
        """Canonical names with the number of articles and mentions, most widespread first."""
        e = tables.entities
        query = (
            sa.select(
                e.c.name,
                sa.func.min(e.c.type).label("type"),
                sa.func.count(sa.distinct(e.c.article_id)).label("articles"),
                sa.func.sum(e.c.mention_count).label("mentions"),
            )
            .group_by(e.c.name)
            .order_by(sa.desc("articles"), e.c.name)
            .limit(limit)
            .offset(offset)
        )
        if name:
            escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = query.where(e.c.name.ilike(f"%{escaped}%", escape="\\"))
        if type:
            query = query.where(e.c.type == type)
        return [
            EntitySummary(r.name, r.type, int(r.articles), int(r.mentions or 0))
            for r in self._rows(query)
        ]

    def entity_occurrences(self, name: str, *, limit: int, offset: int) -> list[EntityOccurrence]:
        """The articles where an entity with exactly this canonical name occurs, newest last."""
        e, a = tables.entities, tables.articles
        query = (
            sa.select(e.c.article_id, e.c.entity_id, a.c.title, a.c.published_on)
            .join(a, a.c.id == e.c.article_id)
            .where(e.c.name == name)
            .order_by(a.c.seq, e.c.seq)
            .limit(limit)
            .offset(offset)
        )
        return [
            EntityOccurrence(r.article_id, r.entity_id, r.title, _as_date(r.published_on))
            for r in self._rows(query)
        ]

    def entity_occurrence_count(self, name: str) -> int:
        e = tables.entities
        query = sa.select(sa.func.count()).select_from(e).where(e.c.name == name)
        return int(self._rows(query)[0][0])

    def statements_by_entity(self, name: str, *, limit: int, offset: int) -> list[StatementRow]:
        """Statements whose speaker was resolved to an entity with this canonical name."""
        s, a = tables.statements, tables.articles
        query = (
            sa.select(s, a.c.outlet, a.c.title, a.c.url, a.c.published_on)
            .join(a, a.c.id == s.c.article_id)
            .where(s.c.speaker_name == name)
            .order_by(a.c.seq, s.c.start_offset, s.c.seq)
            .limit(limit)
            .offset(offset)
        )
        return [_statement_row(r) for r in self._rows(query)]

    def statements_by_key(self, keys: Sequence[tuple[str, str]]) -> list[StatementRow]:
        """StatementRows for (article id, statement id) pairs, in the order given."""
        if not keys:
            return []
        s, a = tables.statements, tables.articles
        query = (
            sa.select(s, a.c.outlet, a.c.title, a.c.url, a.c.published_on)
            .join(a, a.c.id == s.c.article_id)
            .where(sa.tuple_(s.c.article_id, s.c.statement_id).in_(list(keys)))
        )
        found = {(r.article_id, r.statement_id): _statement_row(r) for r in self._rows(query)}
        return [found[key] for key in keys if key in found]

    def statements_with_content(self, content: str, *, limit: int) -> list[StatementRow]:
        """Statements whose content is exactly ``content``, anywhere in the corpus."""
        s, a = tables.statements, tables.articles
        query = (
            sa.select(s, a.c.outlet, a.c.title, a.c.url, a.c.published_on)
            .join(a, a.c.id == s.c.article_id)
            .where(s.c.content_text == content)
            .order_by(a.c.seq, s.c.seq)
            .limit(limit)
        )
        return [_statement_row(r) for r in self._rows(query)]

    def events(
        self,
        *,
        type: str | None = None,
        article_ids: Iterable[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        dated_only: bool = False,
        limit: int,
        offset: int = 0,
    ) -> list[EventRow]:
        """Events in ingestion then text order; ``since``/``until`` compare the EDTF value's
        leading date as text, which orders ISO dates correctly."""
        v, a = tables.events, tables.articles
        query = (
            sa.select(v, a.c.title, a.c.published)
            .join(a, a.c.id == v.c.article_id)
            .order_by(a.c.seq, v.c.seq)
            .limit(limit)
            .offset(offset)
        )
        if type:
            query = query.where(v.c.type == type)
        if article_ids is not None:
            query = query.where(v.c.article_id.in_(list(article_ids)))
        if dated_only:
            query = query.where(v.c.time_value.is_not(None))
        if since:
            query = query.where(sa.func.ltrim(v.c.time_value, ".") >= since)
        if until:
            query = query.where(sa.func.ltrim(v.c.time_value, ".") <= until + "\uffff")
        return [
            EventRow(
                r.article_id,
                r.event_id,
                r.type,
                r.trigger,
                r.modality,
                r.time_value,
                r.time_relation,
                r.statement_id,
                r.title,
                r.published,
            )
            for r in self._rows(query)
        ]

    def event_types(self) -> list[str]:
        v = tables.events
        return [r.type for r in self._rows(sa.select(v.c.type).distinct().order_by(v.c.type))]
