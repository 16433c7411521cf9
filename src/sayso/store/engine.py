"""Engines for the store's two backends, and the translation of driver errors into ours.

SQLite runs in WAL mode (readers never wait for the writer) with a busy timeout, and every
write transaction starts with ``BEGIN IMMEDIATE`` so that two writers queue for the lock up
front instead of deadlocking on a read-to-write upgrade that no timeout can resolve.

A SQLite store is opened read-only when asked (``read_only``) or when its file or folder
cannot be written (a read-only file system, another user's store): WAL mode needs side files
next to the database, so a store that cannot have them is opened ``immutable``, which
SQLite allows only where nothing else can write either.

Queries run inside :func:`query_limits` stop once their time is up or their client has left
(``QueryTimeoutError``): a SQLite progress handler checks every few thousand steps of the
query engine; PostgreSQL gets a transaction-local ``statement_timeout``.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import orjson
import sqlalchemy as sa
from sqlalchemy import event

from sayso.store.errors import (
    DatabaseBusyError,
    NotAStoreError,
    QueryTimeoutError,
    ReadOnlyStoreError,
    StoreDamagedError,
    StoreError,
)

DEFAULT_STORE_PATH = "sayso.db"
DEFAULT_URL = f"sqlite:///{DEFAULT_STORE_PATH}"
DEFAULT_BUSY_TIMEOUT = 30.0
"""Seconds a writer waits for another writer's lock before giving up."""

_WRITE_OPTION = "sayso_write"


@dataclass(frozen=True, slots=True)
class Backend:
    """An engine, its write-transaction twin, and how to name the database to a user."""

    engine: sa.Engine
    writer: sa.Engine
    """Same pool as ``engine``; on SQLite its transactions begin IMMEDIATE."""
    label: str
    """``sayso.db`` for a SQLite file, ``host/dbname`` for PostgreSQL."""
    read_only: bool = False
    """Opened so that nothing can be written (SQLite ``mode=ro`` or ``immutable``)."""
    path: Path | None = None
    """The database file of a SQLite store."""

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name


def parse_url(url: str | None) -> sa.URL:
    """A SQLAlchemy URL from a user's ``--db``: a URL, a bare file path, or None for the default.

    ``postgresql://`` URLs get the psycopg 3 driver, which is what sayso installs.
    """
    text = DEFAULT_URL if url is None else url
    if "://" not in text:
        return sa.URL.create("sqlite", database=text)
    parsed = sa.make_url(text)
    if parsed.drivername in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"{text}: sayso stores articles in SQLite or PostgreSQL only")
    return parsed


def _label(url: sa.URL) -> str:
    if url.get_backend_name() == "sqlite":
        return Path(url.database).name if url.database else "the in-memory database"
    return f"{url.host or 'localhost'}/{url.database or ''}"


def _may_hold_a_store(cursor: Any) -> bool:
    """Whether the database is empty or holds a sayso schema: switching another program's
    database to WAL mode would rewrite its header before the open is refused."""
    names = {
        row[0]
        for row in cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    return not names or "schema_version" in names


_WAL_RETRY_FIRST_WAIT = 0.01
"""Seconds before the first retry of a WAL conversion; each retry waits twice as long, up to
a tenth of a second (the longest sleep of SQLite's own busy handler)."""


def _use_wal(cursor: sqlite3.Cursor, busy_timeout: float) -> None:
    """Put the database in WAL mode, waiting up to ``busy_timeout`` for the lock it needs.

    WAL is a property of the file, so after the first conversion there is nothing to do and
    no lock is taken. The conversion itself needs the database to itself, and SQLite does
    not run the busy handler for it: two processes opening one new store at once would see
    "database is locked" at once, whatever the timeout. So it is retried here, and another
    process converting it meanwhile counts as done.
    """
    deadline = time.monotonic() + busy_timeout
    wait = _WAL_RETRY_FIRST_WAIT
    while True:
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            return
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() + wait > deadline:
                raise
        time.sleep(wait)
        wait = min(wait * 2, 0.1)


def _sqlite_setup(engine: sa.Engine, busy_timeout: float, *, read_only: bool = False) -> None:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to the "begin" hook below instead of the driver.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        if not read_only and _may_hold_a_store(cursor):
            _use_wal(cursor, busy_timeout)
            # NORMAL is crash-safe in WAL mode; only a power cut can lose the last commits.
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    def on_begin(conn: sa.Connection) -> None:
        write = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)


def _json_text(value: Any) -> str:
    return orjson.dumps(value).decode()


def connect(
    url: str | None, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, read_only: bool = False
) -> Backend:
    """A Backend for ``url``; nothing touches the database until the first query.

    A SQLite file is opened read-only with ``read_only``, or when it cannot be written.

    JSON columns are parsed by orjson: reading an article's stored record is the first step
    of every article page, and orjson parses one in about 60% of the time ``json`` takes
    (0.37 against 0.64 ms per article of the 5,000-article benchmark store).
    """
    parsed = parse_url(url)
    json_options: dict[str, Any] = {
        "json_deserializer": orjson.loads,
        "json_serializer": _json_text,
    }
    label = _label(parsed)
    if parsed.get_backend_name() == "sqlite":
        path = _sqlite_file(parsed)
        if path is not None and (read_only or not writable(path)):
            engine = sa.create_engine(
                "sqlite://", creator=_read_only_opener(path, label, busy_timeout), **json_options
            )
            _sqlite_setup(engine, busy_timeout, read_only=True)
            writer = engine.execution_options(**{_WRITE_OPTION: True})
            return Backend(engine, writer, label, read_only=True, path=path)
        engine = sa.create_engine(parsed, connect_args={"timeout": busy_timeout}, **json_options)
        _sqlite_setup(engine, busy_timeout)
        return Backend(engine, engine.execution_options(**{_WRITE_OPTION: True}), label, path=path)
    engine = sa.create_engine(parsed, **json_options)
    return Backend(engine, engine.execution_options(**{_WRITE_OPTION: True}), label)


def _sqlite_file(url: sa.URL) -> Path | None:
    """The database file of a SQLite URL; None for an in-memory database or a URI."""
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def writable(path: Path) -> bool:
    """Whether SQLite can write ``path`` and the WAL side files next to it (or create it)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return not folder.exists() or os.access(folder, os.W_OK)


def _read_only_opener(path: Path, label: str, busy_timeout: float) -> Callable[[], Any]:
    """Connections that cannot write ``path``: ``mode=ro``, else ``immutable`` where SQLite
    cannot make the WAL side files a read needs (a read-only folder)."""
    if not path.exists():
        raise NotAStoreError(
            f"there is no store at {path}: check the path, or create one with `sayso ingest`"
        )
    uri = "file:" + quote(str(path.resolve()))

    def connect() -> sqlite3.Connection:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=busy_timeout)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, timeout=busy_timeout)

    return connect


@dataclass(frozen=True, slots=True)
class QueryLimits:
    """When queries started inside :func:`query_limits` must stop."""

    seconds: float
    deadline: float
    """On the ``time.monotonic`` clock."""
    cancelled: Callable[[], bool] | None = None

    def spent(self) -> bool:
        return time.monotonic() > self.deadline or (self.cancelled is not None and self.cancelled())


_limits: ContextVar[QueryLimits | None] = ContextVar("sayso_query_limits", default=None)
_PROGRESS_STEPS = 10_000
"""SQLite virtual-machine steps between two looks at the clock: well under a millisecond,
and too rare to cost anything measurable."""


@contextmanager
def query_limits(seconds: float, cancelled: Callable[[], bool] | None = None) -> Iterator[None]:
    """Stop store queries started inside after ``seconds`` (from now), or as soon as
    ``cancelled()`` is true (a web client left): they raise QueryTimeoutError."""
    token = _limits.set(QueryLimits(seconds, time.monotonic() + seconds, cancelled))
    try:
        yield
    finally:
        _limits.reset(token)


@contextmanager
def limited(conn: sa.Connection) -> Iterator[None]:
    """Apply the current :func:`query_limits` to the queries run on ``conn`` inside."""
    limits = _limits.get()
    if limits is None:
        yield
        return
    if conn.dialect.name == "sqlite":
        raw: Any = conn.connection.driver_connection
        raw.set_progress_handler(lambda: int(limits.spent()), _PROGRESS_STEPS)
        try:
            yield
        finally:
            raw.set_progress_handler(None, 0)
        return
    remaining = max(1, int((limits.deadline - time.monotonic()) * 1000))
    conn.execute(
        sa.text("SELECT set_config('statement_timeout', :ms, true)"), {"ms": str(remaining)}
    )
    yield


def _is_busy(exc: sa.exc.DBAPIError) -> bool:
    name = str(getattr(exc.orig, "sqlite_errorname", ""))
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(
        exc.orig
    )


def _was_stopped(exc: sa.exc.DBAPIError) -> bool:
    """The query was interrupted by the progress handler or PostgreSQL's statement timeout."""
    return getattr(exc.orig, "sqlstate", None) == "57014" or str(exc.orig) == "interrupted"


@contextmanager
def translated_errors(label: str) -> Iterator[None]:
    """Turn driver errors into StoreError subclasses whose messages say what to do."""
    try:
        yield
    except sa.exc.OperationalError as exc:
        limits = _limits.get()
        if limits is not None and _was_stopped(exc):
            raise QueryTimeoutError(
                f"the query was stopped after {limits.seconds:g} s, or once its client left: "
                "make the search more specific"
            ) from exc
        if _is_busy(exc):
            raise DatabaseBusyError(
                f"the database is busy: another sayso process is writing to {label}; "
                "wait for it or use another --db"
            ) from exc
        _raise_known(label, exc)
        raise StoreError(f"{label}: {exc.orig}") from exc
    except sa.exc.DatabaseError as exc:
        _raise_known(label, exc)
        raise StoreError(f"{label}: {exc.orig}") from exc


def _raise_known(label: str, exc: sa.exc.DBAPIError) -> None:
    """Raise the StoreError subclass that says what to do about ``exc``, if one does."""
    message = str(exc.orig)
    if "file is not a database" in message:
        raise NotAStoreError(f"{label} is not a SQLite database: use another --db") from exc
    if "malformed" in message or "corrupt" in message.lower():
        raise StoreDamagedError(
            f"{label} is damaged ({message}): run `sayso check` on it, then restore it from "
            "a backup or ingest the inputs again into a new store",
            detail=message,
        ) from exc
    if "readonly database" in message or "read-only" in message:
        raise ReadOnlyStoreError(
            f"{label} is open read-only (its file or folder cannot be written): copy it "
            "somewhere writable to change it"
        ) from exc
