"""The Store: one transaction per article in, typed rows and full records out."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, cast, get_args
from urllib.parse import quote

import sqlalchemy as sa

from sayso.errors import RecordError
from sayso.ingest.article import now_iso
from sayso.records import ArticleResult, from_dict
from sayso.store import flatten, queries, search, tables
from sayso.store.engine import (
    DEFAULT_BUSY_TIMEOUT,
    DEFAULT_STORE_PATH,
    Backend,
    connect,
    limited,
    parse_url,
    translated_errors,
    writable,
)
from sayso.store.errors import ArticleNotFoundError, StoreError, StoreNotFoundError
from sayso.store.migrate import builtin_migrations, ensure_schema, stored_version
from sayso.store.rows import (
    ArticleRow,
    ClaimCount,
    EntityOccurrence,
    EntityRow,
    EntitySummary,
    EventRow,
    FailureRow,
    Fate,
    SearchHit,
    SearchKind,
    SpeakerCount,
    StatementRow,
    StoreStatus,
)

_ADD_ATTEMPTS = 3
"""PostgreSQL writers racing on one article lose with a unique violation; the retry then
finds the winner's row and reports a duplicate. Two retries cover any number of racers
because each retry sees every commit made before it."""

_TABLES_IN_STATUS: tuple[sa.Table, ...] = (tables.articles, tables.inputs, *tables.RECORD_TABLES)


def _article_insert(dialect: str) -> sa.Insert:
    """An ``articles`` insert taking ``record_json`` as JSON text already encoded (by
    ``flatten.prepare``), not as a value for the JSON type to encode again."""
    text = sa.bindparam("record_json", type_=sa.Text)
    value = sa.cast(text, tables.RECORD_JSON) if dialect == "postgresql" else text
    return tables.articles.insert().values(record_json=value)


def _same_record(column: sa.ColumnElement[Any], record: str | None) -> sa.ColumnElement[bool]:
    return column.is_(None) if record is None else column == record


class Store:
    """A corpus of ArticleResults in SQLite or PostgreSQL. Open one with ``open_store``."""

    def __init__(self, backend: Backend, schema_version: int) -> None:
        self._backend = backend
        self._schema_version = schema_version

    @property
    def url(self) -> str:
        """The database URL with any password masked."""
        if self._backend.path is not None:
            return f"sqlite:///{self._backend.path}"
        return self._backend.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._backend.dialect

    def close(self) -> None:
        """Release every connection; the Store cannot be used afterwards."""
        self._backend.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def read_only(self) -> bool:
        """Whether the store was opened so that nothing can be written to it."""
        return self._backend.read_only

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        with (
            translated_errors(self._backend.label),
            self._backend.engine.connect() as conn,
            limited(conn),
        ):
            yield conn

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        with translated_errors(self._backend.label), self._backend.writer.begin() as conn:
            yield conn

    def reading(self) -> AbstractContextManager[sa.Connection]:
        """A read connection, for modules that query tables of their own (``sayso.corpus``)."""
        return self._read()

    def writing(self) -> AbstractContextManager[sa.Connection]:
        """One write transaction, committed on leaving the block, for such modules."""
        return self._write()

    # -- writing ---------------------------------------------------------------------------

    def add(self, result: ArticleResult, *, location: str, record: str | None = None) -> Fate:
        """Store one article and its records in a single transaction; what became of it.

        The same canonical text (same article id) is a ``duplicate`` and changes nothing but
        the input's row. Changed text under a known URL (or input location) is a new version;
        earlier versions are kept.
        """
        prepared = dataclasses.replace(flatten.prepare(result), location=location, record=record)
        return self.add_prepared([prepared])[0]

    def add_prepared(self, batch: Sequence[flatten.PreparedArticle]) -> list[Fate]:
        """Store many articles, prepared by ``flatten.prepare`` (in worker processes), in one
        transaction: what became of each, as ``add`` says, in order.

        With the encoding done by the workers and one transaction per batch, the writer
        spends 0.006 s of CPU per article instead of 0.020 (unpickling, encoding and adding
        results one by one; 100 benchmark articles). A killed process leaves whole batches
        or none, and a rerun skips the inputs ``seen`` reports.
        """
        if not batch:
            return []
        for attempt in range(_ADD_ATTEMPTS):
            try:
                with self._write() as conn:
                    return self._add_batch(conn, batch)
            except StoreError as exc:
                raced = self.dialect == "postgresql" and isinstance(
                    exc.__cause__, sa.exc.IntegrityError
                )
                if not raced or attempt == _ADD_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _add_batch(
        self, conn: sa.Connection, batch: Sequence[flatten.PreparedArticle]
    ) -> list[Fate]:
        at = now_iso()
        if conn.dialect.name == "postgresql":
            # Serialise writers of one document so version numbers are assigned in turn; all
            # of the batch's locks up front, in one order, so two batch writers cannot deadlock.
            keys = {flatten.document_key(p.url, p.location, p.record) for p in batch}
            for key in sorted(keys):
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext(key))))
        fates: list[Fate] = []
        rows_by_table: dict[str, list[dict[str, Any]]] = {t.name: [] for t in tables.RECORD_TABLES}
        for prepared in batch:
            fate = self._add_article(conn, prepared, at)
            if fate == "ingested":
                for name, rows in prepared.records.items():
                    rows_by_table[name].extend(rows)
            fates.append(fate)
        for table in tables.RECORD_TABLES:
            if rows_by_table[table.name]:
                conn.execute(table.insert(), rows_by_table[table.name])
        return fates

    def _add_article(self, conn: sa.Connection, prepared: flatten.PreparedArticle, at: str) -> Fate:
        """Insert the article row of a new article (its record rows are the caller's) and
        note its input."""
        article_id = prepared.article_id
        key = flatten.document_key(prepared.url, prepared.location, prepared.record)
        a = tables.articles
        known = conn.execute(sa.select(a.c.id).where(a.c.id == article_id)).first()
        fate: Fate = "duplicate"
        if known is None:
            latest = conn.execute(sa.select(sa.func.max(a.c.version)).where(a.c.key == key))
            row = {
                **prepared.article,
                "key": key,
                "version": (latest.scalar() or 0) + 1,
                "location": prepared.location,
                "source_record": prepared.record,
                "ingested_at": at,
            }
            conn.execute(_article_insert(conn.dialect.name), row)
            fate = "ingested"
        self._note_input(
            conn, prepared.location, prepared.record, fate=fate, article_id=article_id, at=at
        )
        return fate

    def _note_input(
        self,
        conn: sa.Connection,
        location: str,
        record: str | None,
        *,
        fate: Fate,
        at: str,
        article_id: str | None = None,
        reason: str | None = None,
    ) -> None:
        """Keep one row per input holding its latest outcome.

        Re-adding an input that already produced this very article leaves its row alone, so
        the row keeps saying which input first brought the article in.
        """
        i = tables.inputs
        where = sa.and_(i.c.location == location, _same_record(i.c.record, record))
        previous = conn.execute(sa.select(i.c.fate, i.c.article_id).where(where)).first()
        values = {"fate": fate, "reason": reason, "article_id": article_id, "at": at}
        if previous is None:
            conn.execute(i.insert().values(location=location, record=record, **values))
        elif not (fate == "duplicate" and previous.article_id == article_id):
            conn.execute(i.update().where(where).values(**values))

    def record_failure(self, location: str, record: str | None, reason: str) -> None:
        """Note that an input could not be turned into an article, and why."""
        with self._write() as conn:
            self._note_input(conn, location, record, fate="failed", reason=reason, at=now_iso())

    # -- checking --------------------------------------------------------------------------

    def check(self) -> list[str]:
        """What is wrong with the database, one line per problem; empty when it is sound.

        On SQLite: ``PRAGMA integrity_check`` over every table and index, then FTS5's own
        check of each search index against its table (skipped, and said so, on a store that
        cannot be written: FTS5 runs its check as a write statement, which changes nothing).
        On PostgreSQL, which checks its own pages, every table is read through once.
        """
        problems: list[str] = []
        if self.dialect != "sqlite":
            with self._read() as conn:
                for table in _TABLES_IN_STATUS:
                    conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            return problems
        with self._read() as conn:
            found = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check")]
        problems.extend(line for line in found if line != "ok")
        path = self._backend.path
        if path is None or not writable(path):
            problems.append("the search indexes were not checked: the store is read-only")
            return problems
        for name in ("articles", "statements", "entities"):
            problems.extend(_fts5_problems(path, f"{name}_fts"))
        return problems

    # -- reading ---------------------------------------------------------------------------

    def seen(self, location: str, record: str | None = None, *, count_failed: bool = True) -> bool:
        """Whether this input was already processed, so an interrupted run can skip it.

        ``count_failed=False`` treats failed inputs as unseen, for a run that retries them.
        """
        i = tables.inputs
        query = sa.select(i.c.seq).where(i.c.location == location, _same_record(i.c.record, record))
        if not count_failed:
            query = query.where(i.c.fate != "failed")
        with self._read() as conn:
            return conn.execute(query.limit(1)).first() is not None

    def status(self, *, recent_failures: int = 10) -> StoreStatus:
        """Inputs per fate, rows per table, and the most recent failures."""
        i = tables.inputs
        with self._read() as conn:
            by_fate = conn.execute(sa.select(i.c.fate, sa.func.count()).group_by(i.c.fate))
            found = {row[0]: int(row[1]) for row in by_fate}
            counts = {
                t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
                for t in _TABLES_IN_STATUS
            }
        fates = {fate: found.get(fate, 0) for fate in get_args(Fate)}
        return StoreStatus(
            url=self.url,
            schema_version=self._schema_version,
            fates=fates,
            tables=counts,
            recent_failures=tuple(self.failures(limit=recent_failures)),
        )

    def failures(self, *, limit: int = 50, offset: int = 0) -> list[FailureRow]:
        """Inputs whose latest outcome is a failure, most recent first."""
        i = tables.inputs
        query = (
            sa.select(i.c.location, i.c.record, i.c.reason, i.c.at)
            .where(i.c.fate == "failed")
            .order_by(i.c.at.desc(), i.c.seq.desc())
            .limit(limit)
            .offset(offset)
        )
        with self._read() as conn:
            return [
                FailureRow(r.location, r.record, r.reason or "", datetime.fromisoformat(r.at))
                for r in conn.execute(query)
            ]

    def get(self, article_id: str) -> ArticleResult:
        """The full ArticleResult stored under ``article_id``."""
        a = tables.articles
        query = sa.select(a.c.record_json, a.c.text).where(a.c.id == article_id)
        with self._read() as conn:
            stored = conn.execute(query).first()
        if stored is None:
            raise ArticleNotFoundError(f"no article {article_id!r} in {self._backend.label}")
        try:
            data = flatten.unpack_record(cast(dict[str, Any], stored.record_json), stored.text)
            return from_dict(ArticleResult, data, text=stored.text)
        except RecordError as exc:
            raise StoreError(f"article {article_id!r} cannot be read back: {exc}") from exc

    def articles(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        newest_first: bool = False,
        limit: int = 50,
        offset: int = 0,
    ) -> list[ArticleRow]:
        """Stored article versions in ingestion order (the latest first with
        ``newest_first``); ``since``/``until`` bound the publication date (inclusive) and
        leave out articles without one."""
        a = tables.articles
        order = a.c.seq.desc() if newest_first else a.c.seq
        query = sa.select(*queries.ARTICLE_COLUMNS).order_by(order).limit(limit).offset(offset)
        query = query.where(*queries.article_filters(since, until, outlet))
        with self._read() as conn:
            return [queries.article_row(r) for r in conn.execute(query)]

    def revision(self) -> int:
        """A number that grows whenever an article is stored: answers to queries about
        articles and their records can be kept until it changes. (``sayso link`` rewrites
        only the cross-article link tables, which it does not count.)"""
        query = sa.select(sa.func.max(tables.articles.c.seq))
        with self._read() as conn:
            return int(conn.execute(query).scalar_one() or 0)

    def article_count(self) -> int:
        """How many article versions the store holds."""
        query = sa.select(sa.func.count()).select_from(tables.articles)
        with self._read() as conn:
            return int(conn.execute(query).scalar_one())

    def statements(
        self,
        *,
        speaker: str | None = None,
        speaker_name: str | None = None,
        stance: str | None = None,
        kind: str | Collection[str] | None = None,
        content: str | None = None,
        outlet: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StatementRow]:
        """Statements matching every filter given, in the order they were stored: ingestion
        order, then text order within an article (two concurrent PostgreSQL writers may
        interleave their articles' statements).

        ``speaker`` matches, case-insensitively, anywhere in the speaker as written or in
        the name of the speaker's entity; ``kind`` is one kind or any of several (a claim
        view's :func:`sayso.records.kinds.listed_kinds`); ``speaker_name`` is exactly the
        canonical name of the speaker's entity (statements of one resolved speaker);
        ``content`` is exactly the statement's content (the same claim elsewhere); ``outlet``
        matches the whole outlet name case-insensitively; ``since``/``until`` bound the
        article's publication date.
        """
        s = tables.statements
        query = (
            queries.statement_select()
            .where(
                *queries.statement_filters(
                    speaker=speaker,
                    speaker_name=speaker_name,
                    stance=stance,
                    kind=kind,
                    content=content,
                    outlet=outlet,
                    since=since,
                    until=until,
                )
            )
            .order_by(s.c.seq)
            .limit(limit)
            .offset(offset)
        )
        with self._read() as conn:
            return [queries.statement_row(r) for r in conn.execute(query)]

    def search_statements(
        self,
        text: str,
        *,
        speaker: str | None = None,
        stance: str | None = None,
        kind: str | Collection[str] | None = None,
        outlet: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StatementRow]:
        """Statements whose speaker or content match the full-text query ``text`` (syntax
        as in ``search``) and every filter (as in ``statements``), best match first."""
        filters = queries.statement_filters(
            speaker=speaker,
            stance=stance,
            kind=kind,
            outlet=outlet,
            since=since,
            until=until,
        )
        with self._read() as conn:
            return queries.search_statements(conn, text, filters, limit=limit, offset=offset)

    def statements_by_key(self, keys: Sequence[tuple[str, str]]) -> list[StatementRow]:
        """StatementRows for (article id, statement id) pairs, in the order given; pairs
        naming no stored statement are left out."""
        if not keys:
            return []
        with self._read() as conn:
            return queries.statements_by_key(conn, keys)

    def top_speakers(self, limit: int = 10) -> list[SpeakerCount]:
        """Speakers with the most attributed statements, the entity's name where the
        speaker was resolved, else as written; the outlet's own voice is left out."""
        with self._read() as conn:
            return [queries.speaker_count(r) for r in conn.execute(queries.top_speakers(limit))]

    def disputed_claims(self, limit: int = 10) -> list[ClaimCount]:
        """Statement contents the outlets disputed most often, each with one statement."""
        with self._read() as conn:
            return [queries.claim_count(r) for r in conn.execute(queries.disputed_claims(limit))]

    def entities(
        self,
        *,
        name: str | None = None,
        type: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[EntityRow]:
        """Entities whose name or a surface form contains ``name`` (case-insensitively)."""
        e = tables.entities
        query = sa.select(e).order_by(e.c.seq).limit(limit).offset(offset)
        if name is not None:
            pattern = queries.like(name)
            query = query.where(
                sa.or_(
                    e.c.name.ilike(pattern, escape="\\"), e.c.aliases.ilike(pattern, escape="\\")
                )
            )
        if type is not None:
            query = query.where(e.c.type == type)
        with self._read() as conn:
            return [queries.entity_row(r) for r in conn.execute(query)]

    def entity_summaries(
        self,
        *,
        name: str | None = None,
        type: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[EntitySummary]:
        """Canonical entity names across the corpus with how many articles name them and
        how often, most widespread first; ``name`` matches part of the canonical name,
        case-insensitively."""
        query = queries.entity_summaries(name=name, type=type, limit=limit, offset=offset)
        with self._read() as conn:
            return [queries.entity_summary(r) for r in conn.execute(query)]

    def entity_occurrences(
        self, name: str, *, limit: int = 50, offset: int = 0
    ) -> list[EntityOccurrence]:
        """The articles holding an entity with exactly this canonical name, in ingestion
        order, with the entity's id in each."""
        query = queries.entity_occurrences(name, limit=limit, offset=offset)
        with self._read() as conn:
            return [queries.entity_occurrence(r) for r in conn.execute(query)]

    def entity_occurrence_count(self, name: str) -> int:
        """How many entities, across all articles, have exactly this canonical name."""
        e = tables.entities
        query = sa.select(sa.func.count()).select_from(e).where(e.c.name == name)
        with self._read() as conn:
            return int(conn.execute(query).scalar_one())

    def events(
        self,
        *,
        type: str | None = None,
        article_ids: Sequence[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        dated_only: bool = False,
        limit: int = 50,
        offset: int = 0,
    ) -> list[EventRow]:
        """Events in ingestion then text order, of one ``type``, from some articles, or
        dated within ``since``/``until`` (ISO dates or their leading parts: ``2024``,
        ``2024-06``) compared with the leading date of the event's EDTF time value.
        ``dated_only`` leaves out events without a time."""
        if article_ids is not None and not article_ids:
            return []
        query = queries.events(
            type=type,
            article_ids=article_ids,
            since=since,
            until=until,
            dated_only=dated_only,
            limit=limit,
            offset=offset,
        )
        with self._read() as conn:
            return [queries.event_row(r) for r in conn.execute(query)]

    def event_types(self) -> list[str]:
        """The event types present in the store, alphabetically."""
        v = tables.events
        query = sa.select(v.c.type).distinct().order_by(v.c.type)
        with self._read() as conn:
            return [r.type for r in conn.execute(query)]

    def search(
        self,
        query: str,
        *,
        kind: SearchKind = "articles",
        limit: int = 20,
        offset: int = 0,
        highlight: tuple[str, str] = ("[", "]"),
    ) -> list[SearchHit]:
        """Full-text matches of ``query``, best first; see ``sayso.store.search`` for syntax."""
        with self._read() as conn:
            return search.search(
                conn, query, kind=kind, limit=limit, offset=offset, highlight=highlight
            )


def _fts5_problems(path: Path, index: str) -> list[str]:
    """What FTS5's integrity check says of ``index`` (rolled back; it writes nothing)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=rw", uri=True)
    try:
        conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as exc:
        return [f"search index {index}: {exc}"]
    finally:
        conn.rollback()
        conn.close()
    return []


def open_store(
    url: str | None = None,
    *,
    migrate: bool = False,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    create: bool = True,
    read_only: bool = False,
) -> Store:
    """Open (creating if empty) the store at ``url``: a SQLAlchemy URL or a SQLite file path.

    None means ``sayso.db`` in the working directory. An older schema is upgraded only with
    ``migrate=True``; a newer one is refused. ``busy_timeout`` is how many seconds a SQLite
    writer waits for another before raising DatabaseBusyError. With ``create=False`` (what
    the commands that only read do) a missing SQLite file or a database without a sayso store
    raises StoreNotFoundError instead of becoming a new, empty store.

    ``read_only`` opens an existing SQLite store so that nothing is written to it, not even a
    schema: a database that is not a sayso store raises NotAStoreError. A SQLite store whose
    file or folder cannot be written is opened that way by itself, and writing to it raises
    ReadOnlyStoreError. SQLite databases holding other tables are never turned into stores.
    """
    if not create:
        _refuse_missing_sqlite_file(url)
    backend = connect(url, busy_timeout=busy_timeout, read_only=read_only)
    try:
        with translated_errors(backend.label):
            if not create:
                with backend.engine.connect() as conn:
                    if stored_version(conn) is None:
                        raise StoreNotFoundError(_no_store(url, "holds no sayso store"))
            version = ensure_schema(backend, builtin_migrations(), migrate=migrate)
    except BaseException:
        backend.engine.dispose()
        raise
    return Store(backend, version)


def _no_store(url: str | None, what: str) -> str:
    shown = url or DEFAULT_STORE_PATH
    option = f" --db {shown}" if url else ""
    return (
        f"{shown} {what}: create one with `sayso ingest FILES{option}`, or name another with --db"
    )


def _refuse_missing_sqlite_file(url: str | None) -> None:
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    if not Path(parsed.database).exists():
        raise StoreNotFoundError(_no_store(url, "does not exist"))
