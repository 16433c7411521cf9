"""Reading a whole corpus out of the store, one ArticleResult at a time.

Exporters never hold the corpus in memory: they take an iterable of results, and this module
feeds it by paging through the store in ingestion order.
"""

from __future__ import annotations

from collections.abc import Iterator

from sayso.records import ArticleResult
from sayso.store import Store

PAGE_SIZE = 200
"""Article rows fetched per query; each result is then read on its own, so this bounds only
the list of ids held at once."""


def iter_results(store: Store, *, page_size: int = PAGE_SIZE) -> Iterator[ArticleResult]:
    """Every stored article version in ingestion order, as full ArticleResults.

    Articles added while the export runs are appended after the ones already paged, so the
    offsets of earlier pages stay valid and nothing is read twice.
    """
    offset = 0
    while True:
        rows = store.articles(limit=page_size, offset=offset)
        for row in rows:
            yield store.get(row.id)
        if len(rows) < page_size:
            return
        offset += page_size
