"""The store the web app reads, and the caches of what is costly to rebuild per request.

Every query goes through the public ``Store`` API. What a page derives from one stored
article depends on nothing but that article, and a stored article never changes: its id is a
hash of its canonical text, and a changed text is stored as a new article under a new id.
So whatever is built from one article can be kept by article id for as long as the server
runs, bounded by the least-recently-used ``Lru``. Answers about the whole corpus (a page of
statement search results, the overview) are kept under the store's ``revision`` and so
expire as soon as another article is stored, by this server or by a ``sayso ingest`` writing
to the same store.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Generic, TypeVar

from sayso.store import Store, open_store

if TYPE_CHECKING:
    from sayso.corpus.chronology import EventReport
    from sayso.corpus.dossier import EntityPart
    from sayso.store import StatementRow
    from sayso.web.queries import EntityDetail, Overview, TimelineView
    from sayso.web.rendering import ArticlePage

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

ARTICLE_PAGES_KEPT = 256
"""Rendered article pages kept per worker process. A page's HTML is 52 kB at the median and
146 kB at the 95th percentile on the 5,000-article benchmark store, plus its statement views:
some 20 to 40 MB in all."""
STATEMENT_PAGES_KEPT = 512
"""Pages of statement search results kept per worker: 51 rows each, about 30 kB."""
OVERVIEWS_KEPT = 2
"""Corpus overviews kept per worker: one per store revision is all that is ever asked for."""
ENTITY_DETAILS_KEPT = 256
"""Entity pages' contents kept per worker (until the store's next article): 20 articles'
parts and a page of statements each, some 20 to 60 kB. Finding a common name's first
articles and statements sorts all of its rows (13 ms of SQLite for a name with 4,600
statements in the 5,000-article benchmark store), so revisits should not redo it."""
ENTITY_ARTICLES_KEPT = 4096
"""One entity's part of one article (a few mentions with context, aliases, events, claims),
kept for entity pages: a few kB each."""
EVENT_REPORTS_KEPT = 4096
"""One article's events as a chronology reports them, kept for timelines: a few kB each."""
TIMELINES_KEPT = 64
"""Timelines (one per set of filters) kept until the store's next article: up to 500 events
with their sources each, some 100 to 300 kB."""


class Lru(Generic[K, V]):
    """A thread-safe least-recently-used map of at most ``size`` values built on demand.

    Two threads missing the same key at once may both build it; the build must be a pure
    function of the key, so either result is right and the later one wins.
    """

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("an LRU must keep at least one value")
        self._size = size
        self._values: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K, build: Callable[[], V]) -> V:
        """The value kept under ``key``, built (outside the lock) and kept if missing."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = build()
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self._size:
                self._values.popitem(last=False)
        return value

    def __len__(self) -> int:
        with self._lock:
            return len(self._values)


class Corpus:
    """The open Store plus the per-article caches of one app."""

    def __init__(self, url: str | None) -> None:
        self.store: Store = open_store(url)
        self.article_pages: Lru[str, ArticlePage] = Lru(ARTICLE_PAGES_KEPT)
        self.entity_parts: Lru[tuple[str, str], EntityPart | None] = Lru(ENTITY_ARTICLES_KEPT)
        self.entity_details: Lru[Hashable, EntityDetail | None] = Lru(ENTITY_DETAILS_KEPT)
        self.statement_pages: Lru[Hashable, list[StatementRow]] = Lru(STATEMENT_PAGES_KEPT)
        self.overviews: Lru[Hashable, Overview] = Lru(OVERVIEWS_KEPT)
        self.event_reports: Lru[str, tuple[EventReport, ...]] = Lru(EVENT_REPORTS_KEPT)
        self.timelines: Lru[Hashable, TimelineView] = Lru(TIMELINES_KEPT)

    def close(self) -> None:
        self.store.close()
