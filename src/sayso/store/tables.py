"""The current schema as SQLAlchemy Core tables, used to read and write rows.

Migrations in ``migrations/`` create and change the schema; this module mirrors what they
leave behind (a test compares the two). Full-text search lives outside these tables:
SQLite FTS5 tables ``*_fts`` and PostgreSQL ``search`` tsvector columns, both made by the
migrations and kept in sync by the database on insert.

Every table has an integer ``seq`` primary key so that SQLite's rowid, which the FTS5
tables point at, survives ``VACUUM``.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData()

RECORD_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("applied_at", sa.Text, nullable=False),
)

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

RECORD_TABLES: tuple[sa.Table, ...] = (
    entities,
    mentions,
    statements,
    events,
    timexes,
    quantities,
    flags,
)
"""The tables filled from one ArticleResult's records, in insertion order."""
