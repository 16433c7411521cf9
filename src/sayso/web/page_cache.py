"""Article pages rendered ahead of time and kept in the store, shared by every worker and
every restart of the server, with what entity pages show of each article.

A first view of an article costs what decoding its stored record and rendering it cost
(about 17 ms of CPU on the 5,000-article benchmark store); read back from the
``rendered_pages`` table (store schema 4) it costs a row read and a decompression (well under
1 ms). An entity page shows a part of each of 20 articles (the entity's aliases, mentions in
context and events there): decoding 20 records cost 150 to 250 ms of CPU, where reading
their kept parts costs a few. A stored article never changes, so what is kept of it depends
only on the code that renders it: rows are kept under ``renderer_key()``, a hash of that
code, and rows of another key are never read (``prerender`` deletes them).

The server only reads the table; ``prerender`` (``sayso prerender --db ...``)
fills it for every stored article, as a warm-up after ingesting.
"""

from __future__ import annotations

import functools
import hashlib
import zlib
from collections.abc import Callable, Sequence
from datetime import date
from importlib import resources
from typing import Any

import orjson
import sqlalchemy as sa
from markupsafe import Markup

import sayso
from sayso.corpus.chronology import ArticleRef, EventReport
from sayso.corpus.dossier import (
    MENTIONS_PER_ARTICLE,
    Claim,
    EntityArticle,
    EntityEvent,
    EntityPart,
    MentionContext,
    NumberNote,
    entity_parts,
)
from sayso.records.model import SCHEMA_VERSION
from sayso.store import ArticleNotFoundError, Store
from sayso.store.tables import rendered_pages
from sayso.web.rendering import ArticlePage, render_article
from sayso.web.views import Hop, StatementView

RENDERER_SOURCES: tuple[tuple[str, str], ...] = (
    ("sayso.web", "views.py"),
    ("sayso.web", "rendering.py"),
    ("sayso.web", "page_cache.py"),
    ("sayso.web", "templates/_article_parts.html"),
    ("sayso.web", "templates/_macros.html"),
    ("sayso.export", "text.py"),
    ("sayso", "timeline.py"),
    ("sayso.corpus", "chronology.py"),
    ("sayso.corpus", "dossier.py"),
)
"""The code that turns an ArticleResult into an article page's parts. How records are
stored and decoded is left out: it changes with the store's own schema, and keying on it
would throw every page away whenever that code is touched without changing what it reads."""
COMPRESSION_LEVEL = 6
"""zlib level: a page's parts (52 kB of HTML at the median) shrink about eightfold and
decompress in about 0.1 ms; higher levels gain little."""
BATCH = 50
"""Pages written per transaction by ``prerender``: short enough that a server reading the
same SQLite store never waits long for the lock."""


@functools.cache
def renderer_key() -> str:
    """A hash of the rendering code, sayso's version and the record schema: pages kept
    under another key were rendered by other code and must not be served."""
    digest = hashlib.sha256(f"{sayso.__version__} {SCHEMA_VERSION}".encode())
    for package, name in RENDERER_SOURCES:
        digest.update(resources.files(package).joinpath(name).read_bytes())
    return digest.hexdigest()[:32]


def encode_page(page: ArticlePage) -> bytes:
    """``page`` (of a stored article) as compressed JSON."""
    data = {
        "id": page.id,
        "title": page.title,
        "text_html": str(page.text_html),
        "metadata_html": str(page.metadata_html),
        "more_html": str(page.more_html),
        "statements": list(page.statements.values()),
    }
    return zlib.compress(orjson.dumps(data), COMPRESSION_LEVEL)


def _statement(data: dict[str, Any]) -> StatementView:
    return StatementView(
        **{
            **data,
            "stance_cues": tuple(data["stance_cues"]),
            "alternatives": tuple(data.get("alternatives", ())),
            "chain": tuple(Hop(**hop) for hop in data["chain"]),
        }
    )


def decode_page(blob: bytes) -> ArticlePage:
    """The page ``encode_page`` encoded. The HTML parts were escaped when rendered, so they
    are marked safe again as they were."""
    data = orjson.loads(zlib.decompress(blob))
    return ArticlePage(
        id=data["id"],
        title=data["title"],
        stored=True,
        text_html=Markup(data["text_html"]),
        metadata_html=Markup(data["metadata_html"]),
        more_html=Markup(data["more_html"]),
        statements={s["id"]: _statement(s) for s in data["statements"]},
    )


def encode_entity_parts(parts: dict[str, EntityPart]) -> bytes:
    """An article's entity parts (``views.entity_parts``) as compressed JSON."""
    return zlib.compress(orjson.dumps(parts), COMPRESSION_LEVEL)


def _report(data: dict[str, Any]) -> EventReport:
    return EventReport(
        **{
            **data,
            "article": ArticleRef(**data["article"]),
            "participants": tuple((role, name) for role, name in data["participants"]),
            "entity_ids": tuple(data["entity_ids"]),
        }
    )


def _claim(data: dict[str, Any]) -> Claim:
    return Claim(
        **{
            **data,
            "article": ArticleRef(**data["article"]),
            "stance_cues": tuple(data["stance_cues"]),
        }
    )


def _number(data: dict[str, Any]) -> NumberNote:
    return NumberNote(
        **{**data, "article": ArticleRef(**data["article"]), "flags": tuple(data["flags"])}
    )


def _entity_part(data: dict[str, Any]) -> EntityPart:
    article = data["article"]
    published = article["published_on"]
    return EntityPart(
        type=data["type"],
        titles=tuple(data["titles"]),
        aliases=tuple((text, count) for text, count in data["aliases"]),
        article=EntityArticle(
            article_id=article["article_id"],
            title=article["title"],
            published_on=None if published is None else date.fromisoformat(published),
            mentions=tuple(MentionContext(**m) for m in article["mentions"]),
            outlet=article["outlet"],
        ),
        events=tuple(EntityEvent(**event) for event in data["events"]),
        reports=tuple(_report(r) for r in data["reports"]),
        said=tuple(_claim(c) for c in data["said"]),
        said_about=tuple(_claim(c) for c in data["said_about"]),
        numbers=tuple(_number(n) for n in data["numbers"]),
    )


def decode_entity_parts(blob: bytes) -> dict[str, EntityPart]:
    """The parts ``encode_entity_parts`` encoded."""
    data = orjson.loads(zlib.decompress(blob))
    return {entity_id: _entity_part(part) for entity_id, part in data.items()}


def _kept(store: Store, article_id: str, column: sa.Column[bytes]) -> bytes | None:
    t = rendered_pages
    query = sa.select(column).where(t.c.article_id == article_id, t.c.renderer == renderer_key())
    with store.reading() as conn:
        blob: bytes | None = conn.execute(query).scalar()
    return blob


def kept_page(store: Store, article_id: str) -> ArticlePage | None:
    """The page of ``article_id`` rendered ahead by this renderer; None if there is none."""
    blob = _kept(store, article_id, rendered_pages.c.page)
    return None if blob is None else decode_page(blob)


def kept_entity_parts(store: Store, article_id: str) -> dict[str, EntityPart] | None:
    """The entity parts of ``article_id`` kept by this renderer (``MENTIONS_PER_ARTICLE``
    mentions each); None if there are none."""
    blob = _kept(store, article_id, rendered_pages.c.entity_parts)
    return None if blob is None else decode_entity_parts(blob)


def stored_page(store: Store, article_id: str) -> ArticlePage:
    """The page of a stored article: as rendered ahead if it was, else rendered now from its
    record. Raises ArticleNotFoundError when there is no such article."""
    page = kept_page(store, article_id)
    if page is None:
        page = render_article(store.get(article_id), stored=True)
    return page


def _missing(store: Store, key: str, limit: int | None) -> list[str]:
    a = sa.table("articles", sa.column("id"), sa.column("seq"))
    t = rendered_pages
    done = sa.select(t.c.article_id).where(t.c.renderer == key)
    query = sa.select(a.c.id).where(a.c.id.not_in(done)).order_by(a.c.seq)
    if limit is not None:
        query = query.limit(limit)
    with store.reading() as conn:
        return list(conn.execute(query).scalars())


def _write(store: Store, key: str, rows: Sequence[tuple[str, bytes, bytes]]) -> None:
    """Keep the rendered rows; a page another process kept meanwhile (two ``sayso ingest``
    runs prerendering at once) stays as it is."""
    if not rows:
        return
    with store.writing() as conn:
        insert = _insert_or_keep(conn.dialect.name)
        conn.execute(
            insert,
            [
                {"article_id": i, "renderer": key, "page": page, "entity_parts": parts}
                for i, page, parts in rows
            ],
        )


def _insert_or_keep(dialect: str) -> sa.Insert:
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(rendered_pages).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(rendered_pages).on_conflict_do_nothing()


def prerender(
    store: Store,
    *,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Render and keep the page and entity parts of every stored article (the first
    ``limit`` in ingestion order) that this renderer has not kept yet; how many were
    rendered. Rows of other renderers are deleted first: no server of this code reads them.
    ``progress(done, total)`` is called after each batch."""
    key = renderer_key()
    with store.writing() as conn:
        conn.execute(rendered_pages.delete().where(rendered_pages.c.renderer != key))
    ids = _missing(store, key, limit)
    done = 0
    for start in range(0, len(ids), BATCH):
        batch: list[tuple[str, bytes, bytes]] = []
        for article_id in ids[start : start + BATCH]:
            try:
                result = store.get(article_id)
            except ArticleNotFoundError:
                continue  # deleted meanwhile
            page = encode_page(render_article(result, stored=True))
            parts = encode_entity_parts(entity_parts(result, MENTIONS_PER_ARTICLE))
            batch.append((article_id, page, parts))
        _write(store, key, batch)
        done += len(batch)
        if progress is not None:
            progress(done, len(ids))
    return done
