"""Schema 2: the links across articles that ``sayso link`` writes.

A frozen copy of the tables as they were at schema 2: never edit this file once released;
change the schema in a new numbered migration and mirror it in ``store/tables.py``.

Entity registry (entities of many articles merged, and the uncertain pairs left for a person),
near-duplicate articles and echo edges, claim groups (the same statement across outlets),
event clusters, and numbers that disagree within an event cluster. Every table is rewritten
as a whole by each link run, so none is indexed for full text.
"""

from __future__ import annotations

import sqlalchemy as sa

NAME = "corpus_links"

metadata = sa.MetaData()

# Only what the foreign keys below point at; created by schema 1, never by this migration.
articles = sa.Table("articles", metadata, sa.Column("id", sa.String(64), primary_key=True))

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


_NEW_TABLES = (
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


def upgrade(conn: sa.Connection) -> None:
    """Create the link tables of schema 2."""
    metadata.create_all(conn, tables=list(_NEW_TABLES))
