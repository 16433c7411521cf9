"""The SELECTs behind the Store's read methods, and the mapping of their rows to typed rows.

Pure query builders and row mappers, no connection handling: ``Store`` runs them inside its
read transactions. Kept apart from ``store.py`` so the writing side stays short and each
question analysts ask reads as one function.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any, TypeAlias

import sqlalchemy as sa

from sayso.records.kinds import CLAIM_KINDS
from sayso.store import flatten, tables
from sayso.store.rows import (
    ArticleRow,
    ClaimCount,
    EntityOccurrence,
    EntityRow,
    EntitySummary,
    EventRow,
    SpeakerCount,
    StatementRow,
)
from sayso.store.search import check_complexity, fts5_query, sendable

Query: TypeAlias = sa.Select[*tuple[Any, ...]]
"""A SELECT of any columns."""

_KEYS_PER_QUERY = 50
"""(article, statement) pairs looked up per query. Every query has exactly this many (the
last one padded by repeating a pair), so SQLAlchemy compiles the SQL once and reuses it;
compiling a fresh OR of hundreds of pairs took longer than running it (30 ms per 200 pairs on
the 300-article benchmark store)."""


def like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with its wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def as_date(value: Any) -> date | None:
    """A date from a DATE column, which SQLite hands back as ISO text."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def article_filters(
    since: date | None, until: date | None, outlet: str | None
) -> list[sa.ColumnElement[bool]]:
    """Publication-date bounds (inclusive, undated articles left out) and the whole outlet
    name, case-insensitively."""
    a = tables.articles
    filters: list[sa.ColumnElement[bool]] = []
    if since is not None:
        filters.append(a.c.published_on >= since)
    if until is not None:
        filters.append(a.c.published_on <= until)
    if outlet is not None:
        filters.append(sa.func.lower(a.c.outlet) == outlet.lower())
    return filters


def article_row(r: Any) -> ArticleRow:
    return ArticleRow(
        id=r.id,
        key=r.key,
        version=r.version,
        url=r.url,
        title=r.title,
        outlet=r.outlet,
        language=r.language,
        published=r.published,
        published_on=as_date(r.published_on),
        location=r.location,
        record=r.source_record,
        ingested_at=datetime.fromisoformat(r.ingested_at),
    )


ARTICLE_COLUMNS: tuple[sa.Column[Any], ...] = tuple(
    c for c in tables.articles.c if c.name not in ("text", "record_json")
)
"""An article row without its text and full record, which listings never need."""


def statement_select() -> Query:
    """Statements joined to the article columns a StatementRow carries."""
    s, a = tables.statements, tables.articles
    return sa.select(s, a.c.outlet, a.c.title, a.c.url, a.c.published_on).join(
        a, a.c.id == s.c.article_id
    )


def statement_filters(
    *,
    speaker: str | None = None,
    speaker_name: str | None = None,
    stance: str | None = None,
    kind: str | Collection[str] | None = None,
    content: str | None = None,
    outlet: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[sa.ColumnElement[bool]]:
    """The WHERE terms of ``Store.statements``; see there for what each filter matches."""
    s = tables.statements
    filters = article_filters(since, until, outlet)
    if speaker is not None:
        pattern = like(speaker)
        filters.append(
            sa.or_(
                s.c.speaker.ilike(pattern, escape="\\"),
                s.c.speaker_name.ilike(pattern, escape="\\"),
            )
        )
    if speaker_name is not None:
        filters.append(s.c.speaker_name == speaker_name)
    if stance is not None:
        filters.append(s.c.stance == stance)
    if isinstance(kind, str):
        filters.append(s.c.kind == kind)
    elif kind is not None:
        filters.append(s.c.kind.in_(sorted(kind)))
    if content is not None:
        # Start and rest compared apart, never the column as a whole: SQLite would put
        # ``content`` in place of the column in the indexed expression (constant
        # propagation) and scan every statement instead of using the index.
        cut = tables.CONTENT_PREFIX_CHARS
        filters.append(tables.statement_content_prefix == content[:cut])
        filters.append(tables.statement_content_rest == content[cut:])
    return filters


def statement_row(r: Any) -> StatementRow:
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
        published_on=as_date(r.published_on),
    )


def statements_by_key(conn: sa.Connection, keys: Sequence[tuple[str, str]]) -> list[StatementRow]:
    """StatementRows for (article id, statement id) pairs, in the order given; pairs with no
    statement are left out.

    Each pair is an equality on the unique (article_id, statement_id) index, OR-ed together:
    SQLite does not use an index for a row-value IN list.
    """
    s = tables.statements
    found: dict[tuple[str, str], StatementRow] = {}
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), _KEYS_PER_QUERY):
        chunk = unique[start : start + _KEYS_PER_QUERY]
        chunk += [chunk[-1]] * (_KEYS_PER_QUERY - len(chunk))
        query = statement_select().where(
            sa.or_(*(sa.and_(s.c.article_id == a, s.c.statement_id == i) for a, i in chunk))
        )
        for r in conn.execute(query):
            found[(r.article_id, r.statement_id)] = statement_row(r)
    return [found[key] for key in keys if key in found]


def search_statements(
    conn: sa.Connection,
    text: str,
    filters: Sequence[sa.ColumnElement[bool]],
    *,
    limit: int,
    offset: int,
) -> list[StatementRow]:
    """Statements whose speaker or content match the full-text ``text`` and every filter,
    best match first, in one query: the filters narrow the matches before ranking, so a
    filtered page is as complete as an unfiltered one."""
    s = tables.statements
    if conn.dialect.name == "sqlite":
        expression = fts5_query(sendable(text))
        if expression is None:
            return []
        if not filters:
            page = {"expression": expression, "limit": limit, "offset": offset}
            return [statement_row(r) for r in conn.execute(_fts5_best_statements(), page)]
        query = _fts5_statements(expression, filters, limit=limit, offset=offset)
    else:
        check_complexity(text)
        tsquery = sa.func.websearch_to_tsquery(
            sa.literal_column("'english'::regconfig"), sendable(text)
        )
        document: sa.ColumnElement[Any] = sa.literal_column("statements.search")
        query = (
            statement_select()
            .where(document.op("@@")(tsquery), *filters)
            .order_by(sa.func.ts_rank_cd(document, tsquery).desc(), s.c.seq)
            .limit(limit)
            .offset(offset)
        )
    return [statement_row(r) for r in conn.execute(query)]


_FTS = sa.table("statements_fts", sa.column("rowid"), sa.column("rank"))


def _fts5_match(expression: str | sa.BindParameter[str]) -> sa.ColumnElement[bool]:
    return sa.literal_column("statements_fts").op("MATCH")(expression)


@functools.cache
def _fts5_best_statements() -> Query:
    """The SQLite form of an unfiltered ``search_statements``, built once with parameters
    ``expression``, ``limit`` and ``offset``: the page of best matches is picked inside the
    full-text index and only it is joined to its rows, three times faster for a common word
    (5,600 matches of "president" in the 5,000-article benchmark store: 7 ms instead of
    20 ms). Built once, SQLAlchemy also keeps its cache key: building and keying the query
    per request cost a third as much as running it."""
    s = tables.statements
    best = (
        sa.select(_FTS.c.rowid, _FTS.c.rank)
        .where(_fts5_match(sa.bindparam("expression", type_=sa.Text)))
        .order_by(_FTS.c.rank, _FTS.c.rowid)
        .limit(sa.bindparam("limit", type_=sa.Integer))
        .offset(sa.bindparam("offset", type_=sa.Integer))
        .subquery("best")
    )
    return statement_select().join(best, best.c.rowid == s.c.seq).order_by(best.c.rank, s.c.seq)


def _fts5_statements(
    expression: str, filters: Sequence[sa.ColumnElement[bool]], *, limit: int, offset: int
) -> Query:
    """The SQLite form of a filtered ``search_statements``: filters need every match's row,
    so all matches are joined and filtered before ranking."""
    s = tables.statements
    return (
        statement_select()
        .join(_FTS, _FTS.c.rowid == s.c.seq)
        .where(_fts5_match(expression), *filters)
        .order_by(_FTS.c.rank, s.c.seq)
        .limit(limit)
        .offset(offset)
    )


def entity_row(r: Any) -> EntityRow:
    return EntityRow(
        article_id=r.article_id,
        entity_id=r.entity_id,
        type=r.type,
        name=r.name,
        aliases=tuple(r.aliases.split(flatten.ALIAS_SEPARATOR)) if r.aliases else (),
        mention_count=r.mention_count,
    )


def top_speakers(limit: int) -> Query:
    """Speakers with the most attributed statements; the outlet's own voice is left out."""
    s = tables.statements
    name = sa.func.coalesce(s.c.speaker_name, s.c.speaker)
    return (
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


def speaker_count(r: Any) -> SpeakerCount:
    return SpeakerCount(r.name, int(r.n), int(r.articles))


def disputed_claims(limit: int) -> Query:
    """Claim contents the outlets disputed most often (attitudes state no claim)."""
    s = tables.statements
    return (
        sa.select(
            s.c.content_text,
            sa.func.count().label("n"),
            sa.func.min(s.c.article_id).label("article_id"),
            sa.func.min(s.c.statement_id).label("statement_id"),
        )
        .where(s.c.stance == "disputed", s.c.kind.in_(sorted(CLAIM_KINDS)))
        .group_by(s.c.content_text)
        .order_by(sa.desc("n"), s.c.content_text)
        .limit(limit)
    )


def claim_count(r: Any) -> ClaimCount:
    return ClaimCount(r.content_text, int(r.n), r.article_id, r.statement_id)


def entity_summaries(*, name: str | None, type: str | None, limit: int, offset: int) -> Query:
    """Canonical names with their article and mention counts, most widespread first."""
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
    if name is not None:
        query = query.where(e.c.name.ilike(like(name), escape="\\"))
    if type is not None:
        query = query.where(e.c.type == type)
    return query


def entity_summary(r: Any) -> EntitySummary:
    return EntitySummary(r.name, r.type, int(r.articles), int(r.mentions or 0))


def entity_occurrences(name: str, *, limit: int, offset: int) -> Query:
    """The articles with an entity of exactly this canonical name, in ingestion order.

    Ordered by the entity rows' own ``seq``, which grows with ingestion since an article's
    records are written with it: the name index lists its rows in that order, so a page
    reads only its own rows. Ordering by the article's ``seq`` sorted every row of the name
    first: 8 ms of SQLite for a name in 1,840 articles of the 5,000-article benchmark store.
    """
    e, a = tables.entities, tables.articles
    return (
        sa.select(e.c.article_id, e.c.entity_id, a.c.title, a.c.published_on)
        .join(a, a.c.id == e.c.article_id)
        .where(e.c.name == name)
        .order_by(e.c.seq)
        .limit(limit)
        .offset(offset)
    )


def entity_occurrence(r: Any) -> EntityOccurrence:
    return EntityOccurrence(r.article_id, r.entity_id, r.title, as_date(r.published_on))


def events(
    *,
    type: str | None,
    article_ids: Sequence[str] | None,
    since: str | None,
    until: str | None,
    dated_only: bool,
    limit: int,
    offset: int,
) -> Query:
    """Events in ingestion then text order. ``since``/``until`` compare the leading date of
    the EDTF value as text (``..`` of an open start dropped), which orders ISO dates; an
    ``until`` date includes every value that starts with it."""
    v, a = tables.events, tables.articles
    query = (
        sa.select(v, a.c.title, a.c.published)
        .join(a, a.c.id == v.c.article_id)
        .order_by(a.c.seq, v.c.seq)
        .limit(limit)
        .offset(offset)
    )
    if type is not None:
        query = query.where(v.c.type == type)
    if article_ids is not None:
        query = query.where(v.c.article_id.in_(list(article_ids)))
    if dated_only:
        query = query.where(v.c.time_value.is_not(None))
    if since is not None:
        query = query.where(sa.func.ltrim(v.c.time_value, ".") >= since)
    if until is not None:
        query = query.where(sa.func.ltrim(v.c.time_value, ".") <= until + "\uffff")
    return query


def event_row(r: Any) -> EventRow:
    return EventRow(
        article_id=r.article_id,
        event_id=r.event_id,
        type=r.type,
        trigger=r.trigger,
        modality=r.modality,
        time_value=r.time_value,
        time_relation=r.time_relation,
        statement_id=r.statement_id,
        title=r.title,
        published=r.published,
    )
