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
    sa.Column("end_value", sa.Text),
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
    sa.Column("place", sa.Text),
    sa.Column("whole", sa.Text),
    sa.Column("as_of", sa.Text),
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

# -- schema 2: links across articles (written by ``sayso link``, rewritten on every run) -----

registry_entities = sa.Table(
    "registry_entities",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("registry_id", sa.String(32), nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False, index=True),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("aliases", sa.Text, nullable=False),
    sa.Column("article_count", sa.Integer, nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),
)

registry_members = sa.Table(
    "registry_members",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("registry_id", sa.String(32), nullable=False, index=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("entity_id", sa.Text, nullable=False),
    sa.UniqueConstraint("article_id", "entity_id", name="uq_registry_members_entity"),
)

registry_candidates = sa.Table(
    "registry_candidates",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("a", sa.Text, nullable=False),
    sa.Column("b", sa.Text, nullable=False),
    sa.Column("a_name", sa.Text, nullable=False),
    sa.Column("b_name", sa.Text, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),
)

duplicate_articles = sa.Table(
    "duplicate_articles",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("cluster_id", sa.String(32), nullable=False, index=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("is_first", sa.Boolean, nullable=False),
    sa.Column("similarity", sa.Float, nullable=False),
    sa.UniqueConstraint("article_id", name="uq_duplicate_articles_article"),
)

echo_edges = sa.Table(
    "echo_edges",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("statement_id", sa.Text),
    sa.Column("kind", sa.String(16), nullable=False, index=True),
    sa.Column("source_article_id", sa.String(64)),
    sa.Column("medium", sa.Text),
    sa.Column("similarity", sa.Float),
    sa.CheckConstraint("kind IN ('near_duplicate', 'media_hop')", name="ck_echo_edges_kind"),
)

claim_groups = sa.Table(
    "claim_groups",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("claim_id", sa.String(32), nullable=False, unique=True),
    sa.Column("speaker", sa.Text),
    sa.Column("speaker_registry_id", sa.String(32)),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("member_count", sa.Integer, nullable=False),
    sa.Column("outlet_count", sa.Integer, nullable=False),
    sa.Column("independent_count", sa.Integer, nullable=False),
    sa.Column("echo_count", sa.Integer, nullable=False),
    sa.Column("disputed", sa.Boolean, nullable=False, index=True),
    sa.Column("first_article_id", sa.String(64)),
)

claim_members = sa.Table(
    "claim_members",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("claim_id", sa.String(32), nullable=False, index=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("statement_id", sa.Text, nullable=False),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("stance", sa.Text, nullable=False),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("match", sa.String(16), nullable=False),
    sa.Column("similarity", sa.Float, nullable=False),
    sa.Column("echo_of", sa.Text),
    sa.UniqueConstraint("article_id", "statement_id", name="uq_claim_members_statement"),
)

event_clusters = sa.Table(
    "event_clusters",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("cluster_id", sa.String(32), nullable=False, unique=True),
    sa.Column("type", sa.Text, nullable=False, index=True),
    sa.Column("time_value", sa.Text),
    sa.Column("place", sa.Text),
    sa.Column("member_count", sa.Integer, nullable=False),
    sa.Column("independent_count", sa.Integer, nullable=False),
    sa.Column("echo_count", sa.Integer, nullable=False),
)

event_members = sa.Table(
    "event_members",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("cluster_id", sa.String(32), nullable=False, index=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Column("echo_of", sa.Text),
    sa.UniqueConstraint("article_id", "event_id", name="uq_event_members_event"),
)

number_disagreements = sa.Table(
    "number_disagreements",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("cluster_id", sa.String(32), nullable=False, index=True),
    sa.Column("counted", sa.Text, nullable=False),
    sa.Column("article_a", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("quantity_a", sa.Text, nullable=False),
    sa.Column("value_a", sa.Float, nullable=False),
    sa.Column("text_a", sa.Text, nullable=False),
    sa.Column("start_a", sa.Integer, nullable=False),
    sa.Column("end_a", sa.Integer, nullable=False),
    sa.Column("article_b", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("quantity_b", sa.Text, nullable=False),
    sa.Column("value_b", sa.Float, nullable=False),
    sa.Column("text_b", sa.Text, nullable=False),
    sa.Column("start_b", sa.Integer, nullable=False),
    sa.Column("end_b", sa.Integer, nullable=False),
)

LINK_TABLES: tuple[sa.Table, ...] = (
    registry_entities,
    registry_members,
    registry_candidates,
    duplicate_articles,
    echo_edges,
    claim_groups,
    claim_members,
    event_clusters,
    event_members,
    number_disagreements,
)
"""The tables ``sayso link`` rewrites as a whole on every run, in insertion order."""

# -- schema 3: statements indexed on the start of their content (migration 0003) ----------

CONTENT_PREFIX_CHARS = 64
"""Characters at the start of a statement's content that ``ix_statements_content_prefix``
indexes; the same claim elsewhere is looked up by them, then compared whole."""


def _substr(start: int, length: int | None = None) -> sa.ColumnElement[str]:
    # Literal numbers, not bound parameters: a query uses an expression index only where it
    # spells the indexed expression exactly.
    bounds: list[sa.ColumnElement[int]] = [sa.literal_column(str(start))]
    if length is not None:
        bounds.append(sa.literal_column(str(length)))
    return sa.func.substr(statements.c.content_text, *bounds)


statement_content_prefix = _substr(1, CONTENT_PREFIX_CHARS)
"""The indexed start of a statement's content."""
statement_content_rest = _substr(CONTENT_PREFIX_CHARS + 1)
"""The rest of a statement's content, after the indexed start ('' for a short one)."""
sa.Index("ix_statements_content_prefix", statement_content_prefix)

# -- schema 4: article pages rendered ahead (migration 0004) -----------------------------

rendered_pages = sa.Table(
    "rendered_pages",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("renderer", sa.String(64), nullable=False),
    sa.Column("page", sa.LargeBinary, nullable=False),
    sa.Column("entity_parts", sa.LargeBinary, nullable=False),
    sa.UniqueConstraint("article_id", "renderer", name="uq_rendered_pages_article_renderer"),
)
"""An article's page parts and entity-page parts as the web app renders them, compressed,
under a key of the rendering code (``sayso.web.page_cache`` writes and reads it)."""
