"""Schema 4: article pages rendered ahead of time, so that a first view needs no decoding.

A stored article never changes (a changed text is a new article under a new id), so the
HTML of its page, and what an entity page shows of it, depend only on the stored record and
on the code that renders them. The web app keeps both here, compressed, under a key of the
renderer's code (``renderer``): a new sayso that renders differently simply finds no rows of
its own and renders afresh.
``sayso.web.page_cache`` writes and reads the table; nothing else uses it.

A frozen step: never edit this file once released; mirror it in ``store/tables.py``.
"""

from __future__ import annotations

import sqlalchemy as sa

NAME = "rendered_pages"

metadata = sa.MetaData()

# Only what the foreign key below points at; created by schema 1, never by this migration.
articles = sa.Table("articles", metadata, sa.Column("id", sa.String(64), primary_key=True))

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


def upgrade(conn: sa.Connection) -> None:
    """Create the (empty) table; ``sayso.web.page_cache`` fills it on request."""
    rendered_pages.create(conn)
