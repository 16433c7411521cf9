"""The articles the linkers work on: the latest version of each stored document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa

from sayso.records import ArticleResult
from sayso.store import tables

if TYPE_CHECKING:
    from collections.abc import Callable

    from sayso.store import Store


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    """One article with what the linkers compare it by."""

    id: str
    outlet: str | None
    published: str | None
    """ISO 8601 publication date or date-time, when known."""
    result: ArticleResult

    @property
    def text(self) -> str:
        return self.result.article.text

    def order_key(self) -> tuple[int, str, str]:
        """Earliest publication first; articles with no date after every dated one."""
        return (0 if self.published else 1, self.published or "", self.id)


def corpus_article(result: ArticleResult) -> CorpusArticle:
    """A CorpusArticle of an ArticleResult, with outlet and date from its metadata."""
    meta = result.article.metadata
    published = meta.published.value if meta.published else None
    return CorpusArticle(result.article.id, meta.outlet, published, result)


def load_articles(
    store: Store, progress: Callable[[int, int], None] | None = None
) -> list[CorpusArticle]:
    """The latest version of every stored document, earliest published first; ``progress``,
    if given, is told ``(read, total)`` after each article.

    Earlier versions of an edited article would otherwise count as echoes of the latest one.
    """
    a = tables.articles
    latest = (
        sa.select(a.c.key, sa.func.max(a.c.version).label("version")).group_by(a.c.key).subquery()
    )
    query = (
        sa.select(a.c.id)
        .join(latest, sa.and_(a.c.key == latest.c.key, a.c.version == latest.c.version))
        .order_by(a.c.seq)
    )
    with store.reading() as conn:
        ids = [row.id for row in conn.execute(query)]
    found = []
    for done, article_id in enumerate(ids, 1):
        found.append(corpus_article(store.get(article_id)))
        if progress is not None:
            progress(done, len(ids))
    return sorted(found, key=CorpusArticle.order_key)
