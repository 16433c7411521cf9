"""``sqlite``: a single SQLite file of the corpus, ready for ``datasette sayso.db``.

From a SQLite store, the file is the store itself, copied with SQLite's online backup API: a
consistent snapshot even while an ingest is writing, switched from WAL to a rollback journal
so that the copy is one self-contained file. From a PostgreSQL store, the tables of
``sayso.store.flatten`` are written into a new SQLite file instead (same rows as the ``csv``
export), since a PostgreSQL database cannot be copied into SQLite page by page.

The copy is written next to its destination under a temporary name and renamed into place,
so a reader never sees half a file.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import sqlalchemy as sa

from sayso.errors import ConfigError
from sayso.records import ArticleResult
from sayso.store import Store
from sayso.store.flatten import TABLES, ColumnType, table_rows

_SQL_TYPES: dict[ColumnType, str] = {
    "string": "TEXT",
    "int": "INTEGER",
    "float": "REAL",
    "bool": "INTEGER",
}


def sqlite_path(store: Store) -> Path:
    """The file behind a SQLite store; ConfigError for PostgreSQL or an in-memory database."""
    url = sa.make_url(store.url)
    if url.get_backend_name() != "sqlite":
        raise ConfigError(f"{store.url} is not a SQLite store")
    if not url.database or url.database == ":memory:":
        raise ConfigError("an in-memory store has no file to copy")
    return Path(url.database)


@contextmanager
def _replacing(destination: Path) -> Iterator[Path]:
    """A temporary path next to ``destination`` that replaces it when the block succeeds."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".tmp", dir=destination.parent
    )
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        temporary.replace(destination)
    finally:
        temporary.unlink(missing_ok=True)


def _article_count(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])


def copy_sqlite_store(source: Path, destination: Path) -> int:
    """Copy the SQLite store at ``source`` to ``destination``; how many article versions."""
    if source.resolve() == destination.resolve():
        raise ConfigError(f"{destination} is the store itself: choose another output path")
    with (
        _replacing(destination) as temporary,
        closing(sqlite3.connect(source)) as src,
        closing(sqlite3.connect(temporary)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
        count = _article_count(dst)
    return count


def write_tables_sqlite(results: Iterable[ArticleResult], destination: Path) -> int:
    """Write the flat tables into a new SQLite file; how many articles."""
    count = 0
    with _replacing(destination) as temporary, closing(sqlite3.connect(temporary)) as db:
        for table in TABLES:
            columns = ", ".join(f'"{name}" {_SQL_TYPES[kind]}' for name, kind in table.columns)
            db.execute(f'CREATE TABLE "{table.name}" ({columns})')
            db.execute(f'CREATE INDEX "ix_{table.name}_article" ON "{table.name}" (article_id)')
        for result in results:
            for name, rows in table_rows(result).items():
                if not rows:
                    continue
                marks = ", ".join("?" for _ in rows[0])
                db.executemany(
                    f'INSERT INTO "{name}" VALUES ({marks})', [tuple(r.values()) for r in rows]
                )
            count += 1
        db.commit()
    return count


def export_sqlite(store: Store, results: Iterable[ArticleResult], destination: Path) -> int:
    """The store copied (SQLite) or its tables written (PostgreSQL) to ``destination``."""
    if store.dialect == "sqlite":
        return copy_sqlite_store(sqlite_path(store), destination)
    return write_tables_sqlite(results, destination)
