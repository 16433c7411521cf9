"""Schema 1: articles, inputs, one table per record kind, and full-text search.

A frozen copy of the tables as they were at schema 1: never edit this file once released;
change the schema in a new numbered migration and mirror it in ``store/tables.py``.

Full text: SQLite gets external-content FTS5 tables (Porter stemming, like PostgreSQL's
``english`` configuration) kept in sync by triggers; PostgreSQL gets generated ``search``
tsvector columns with GIN indexes.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

NAME = "initial"

metadata = sa.MetaData()

RECORD_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("id", sa.String(64), nullable=False, unique=True),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text, index=True),
    sa.Column("language", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("published_on", sa.Date, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("record_json", RECORD_JSON, nullable=False),
    sa.Column("location", sa.Text, nullable=False),
    sa.Column("source_record", sa.Text),
    sa.Column("ingested_at", sa.Text, nullable=False),
    sa.UniqueConstraint("key", "version", name="uq_articles_key_version"),
)

inputs = sa.Table(
    "inputs",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("location", sa.Text, nullable=False),
    sa.Column("record", sa.Text),
    sa.Column("fate", sa.String(16), nullable=False, index=True),
    sa.Column("reason", sa.Text),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id")),
    sa.Column("at", sa.Text, nullable=False),
    sa.CheckConstraint("fate IN ('ingested', 'duplicate', 'failed')", name="ck_inputs_fate"),
)
sa.Index(
    "uq_inputs_location_record",
    inputs.c.location,
    sa.func.coalesce(inputs.c.record, ""),
    unique=True,
)


def _per_article(name: str, local_id: sa.Column[Any], *columns: sa.Column[Any]) -> sa.Table:
    """A table of one record kind: rows belong to an article and have an id inside it."""
    return sa.Table(
        name,
        metadata,
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
        local_id,
        *columns,
        sa.UniqueConstraint("article_id", local_id.name, name=f"uq_{name}_{local_id.name}"),
    )


entities = _per_article(
    "entities",
    sa.Column("entity_id", sa.Text, nullable=False),
    sa.Column("type", sa.Text, nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False, index=True),
    sa.Column("aliases", sa.Text, nullable=False),
    sa.Column("mention_count", sa.Integer, nullable=False),
)

mentions = _per_article(
    "mentions",
    sa.Column("mention_n", sa.Integer, nullable=False),
    sa.Column("entity_id", sa.Text),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start_offset", sa.Integer, nullable=False),
    sa.Column("end_offset", sa.Integer, nullable=False),
)

statements = _per_article(
    "statements",
    sa.Column("statement_id", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False, index=True),
    sa.Column("stance", sa.Text, nullable=False, index=True),
    sa.Column("speaker", sa.Text),
    sa.Column("speaker_entity", sa.Text),
    sa.Column("speaker_name", sa.Text, index=True),
    sa.Column("content_text", sa.Text, nullable=False),
    sa.Column("cue", sa.Text),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("parent", sa.Text),
    sa.Column("start_offset", sa.Integer, nullable=False),
)

events = _per_article(
    "events",
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("type", sa.Text, nullable=False, index=True),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Column("modality", sa.Text, nullable=False),
    sa.Column("time_value", sa.Text, index=True),
    sa.Column("time_relation", sa.Text),
    sa.Column("statement_id", sa.Text),
)

timexes = _per_article(
    "timexes",
    sa.Column("timex_id", sa.Text, nullable=False),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("value", sa.Text, nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start_offset", sa.Integer, nullable=False),
    sa.Column("end_offset", sa.Integer, nullable=False),
)

quantities = _per_article(
    "quantities",
    sa.Column("quantity_id", sa.Text, nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("upper", sa.Float),
    sa.Column("unit", sa.Text),
    sa.Column("counted", sa.Text),
    sa.Column("approx", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
)

flags = _per_article(
    "flags",
    sa.Column("flag_n", sa.Integer, nullable=False),
    sa.Column("kind", sa.Text, nullable=False, index=True),
    sa.Column("message", sa.Text, nullable=False),
)


_FTS = {
    "articles": ("title", "text"),
    "statements": ("speaker", "content_text"),
    "entities": ("name", "aliases"),
}
"""Table -> the columns its full-text index covers."""


def _sqlite_fts(conn: sa.Connection) -> None:
    for table, columns in _FTS.items():
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        fts = f"{table}_fts"
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
            "content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')"
        )
        add = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.seq, {new});"
        drop = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.seq, {old});"
        conn.exec_driver_sql(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {add} END")
        conn.exec_driver_sql(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {drop} END")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN {drop} {add} END"
        )


def _postgres_fts(conn: sa.Connection) -> None:
    for table, columns in _FTS.items():
        document = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
        conn.exec_driver_sql(
            f"ALTER TABLE {table} ADD COLUMN search tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('english'::regconfig, {document})) STORED"
        )
        conn.exec_driver_sql(f"CREATE INDEX ix_{table}_search ON {table} USING gin (search)")


def upgrade(conn: sa.Connection) -> None:
    """Create every table of schema 1 and its full-text index."""
    metadata.create_all(conn)
    if conn.dialect.name == "sqlite":
        _sqlite_fts(conn)
    elif conn.dialect.name == "postgresql":
        _postgres_fts(conn)
