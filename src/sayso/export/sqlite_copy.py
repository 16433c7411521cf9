"""``sqlite``: a single SQLite file of the corpus, ready for Datasette.

From a SQLite store, the file is the store itself, copied with SQLite's online backup API: a
consistent snapshot even while an ingest is writing, switched from WAL to a rollback journal
so that the copy is one self-contained file. From a PostgreSQL store, the tables of
``sayso.store.flatten`` are written into a new SQLite file instead (same rows as the ``csv``
export), since a PostgreSQL database cannot be copied into SQLite page by page, with
full-text indexes of their own over the same text as the store's (:data:`FLAT_FTS`).

Made for Datasette (``datasette corpus.db -m corpus.metadata.json``):

* the full-text indexes are declared as Datasette finds them. The store declares each FTS5
  table with ``content='statements'``; Datasette looks for ``content="statements"`` (or
  ``[statements]``) and otherwise finds no index, so ``?_search=`` silently matched every row.
  The copy's FTS tables are declared again with the double-quoted name and rebuilt from their
  tables (the store's triggers keep them current, since they name the FTS table, not its SQL);
* the web app's page cache is emptied (it is rendered HTML, made again on first view) and the
  file vacuumed;
* ``<name>.metadata.json`` beside it hides the bookkeeping tables (``schema_version``,
  ``inputs``, ``rendered_pages``) and describes the others.

The copy is written next to its destination under a temporary name and renamed into place,
so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
import re
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


HIDDEN_TABLES = ("schema_version", "inputs", "rendered_pages")
"""The store's bookkeeping: which schema, which inputs were read, the web app's page cache."""

TABLE_DESCRIPTIONS = {
    "articles": "One row per article version: metadata, canonical text, the whole record as JSON.",
    "statements": "Quotes and reported statements: speaker, cue, content, the outlet's stance.",
    "entities": "Entities of each article, with their aliases.",
    "mentions": "Every mention of an entity, with its span in the canonical text.",
    "events": "Events with their PLOVER type, actors, place and TIMEX3 time.",
    "timexes": "Time expressions with their TIMEX3 values.",
    "quantities": "Numbers with unit, what is counted, where, of what whole, as of when.",
    "flags": "Consistency flags on numbers.",
}

_FTS_CONTENT = re.compile(r"content\s*=\s*'([^']+)'")


def metadata_path(destination: Path) -> Path:
    """Where the Datasette metadata of an export to ``destination`` goes."""
    return destination.with_name(f"{destination.stem}.metadata.json")


def _fts_tables(db: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(FTS table, its content table, its CREATE statement) of each external-content index."""
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE "
        "'CREATE VIRTUAL TABLE%USING fts5%'"
    ).fetchall()
    return [
        (name, found.group(1), sql) for name, sql in rows if (found := _FTS_CONTENT.search(sql))
    ]


def declare_fts_for_datasette(db: sqlite3.Connection) -> list[str]:
    """Declare every FTS5 index with its content table's name double-quoted, as Datasette's
    detection expects, and rebuild it; the tables it indexes, for the metadata."""
    indexed: list[str] = []
    for fts, content, sql in _fts_tables(db):
        db.execute(f'DROP TABLE "{fts}"')
        db.execute(_FTS_CONTENT.sub(f'content="{content}"', sql, count=1))
        db.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')
        indexed.append(content)
    db.commit()
    return indexed


def datasette_metadata(
    db: sqlite3.Connection, database: str, searchable: list[str]
) -> dict[str, object]:
    """Datasette metadata for the copy: bookkeeping tables hidden, the others described."""
    present = {
        name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    tables: dict[str, dict[str, object]] = {
        name: {"hidden": True} for name in HIDDEN_TABLES if name in present
    }
    for name, description in TABLE_DESCRIPTIONS.items():
        if name in present:
            tables[name] = {"description": description}
    for name in searchable:
        tables.setdefault(name, {})["fts_table"] = f"{name}_fts"
    return {
        "title": "sayso corpus",
        "description": "Exported by `sayso export sqlite`: see docs/exports.md.",
        "databases": {database: {"tables": tables}},
    }


def copy_sqlite_store(source: Path, destination: Path) -> int:
    """Copy the SQLite store at ``source`` to ``destination``, made ready for Datasette (with
    its metadata beside it); how many article versions."""
    if source.resolve() == destination.resolve():
        raise ConfigError(f"{destination} is the store itself: choose another output path")
    metadata = metadata_path(destination)
    with (
        _replacing(destination) as temporary,
        _replacing(metadata) as metadata_temporary,
        closing(sqlite3.connect(source)) as src,
        closing(sqlite3.connect(temporary)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
        searchable = declare_fts_for_datasette(dst)
        if "rendered_pages" in {n for (n,) in dst.execute("SELECT name FROM sqlite_master")}:
            dst.execute("DELETE FROM rendered_pages")
            dst.commit()
        dst.execute("VACUUM")
        count = _article_count(dst)
        payload = datasette_metadata(dst, destination.stem, searchable)
        metadata_temporary.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return count


FLAT_FTS = {
    "articles": ("title", "text"),
    "statements": ("speaker", "content"),
    "entities": ("name", "aliases"),
}
"""Flat table -> the columns its full-text index covers: the text the store's own indexes
cover (``sayso.store.migrations``), under the flat tables' column names."""


def _index_flat_tables(db: sqlite3.Connection) -> list[str]:
    """Build an FTS5 index over each of :data:`FLAT_FTS`'s tables, declared as Datasette
    finds it (``content="table"``); the tables indexed."""
    for table, columns in FLAT_FTS.items():
        fts = f"{table}_fts"
        db.execute(
            f'CREATE VIRTUAL TABLE "{fts}" USING fts5({", ".join(columns)}, '
            f"content=\"{table}\", tokenize='porter unicode61 remove_diacritics 2')"
        )
        db.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')
    return list(FLAT_FTS)


def write_tables_sqlite(results: Iterable[ArticleResult], destination: Path) -> int:
    """Write the flat tables, with full-text indexes, into a new SQLite file; how many
    articles."""
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
        searchable = _index_flat_tables(db)
        db.commit()
        payload = datasette_metadata(db, destination.stem, searchable)
    metadata_path(destination).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return count


def export_sqlite(store: Store, results: Iterable[ArticleResult], destination: Path) -> int:
    """The store copied (SQLite) or its tables written (PostgreSQL) to ``destination``."""
    if store.dialect == "sqlite":
        return copy_sqlite_store(sqlite_path(store), destination)
    return write_tables_sqlite(results, destination)
