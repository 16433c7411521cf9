"""The corpus store: ArticleResults kept in SQLite (default) or PostgreSQL, searchable.

::

    from sayso.store import open_store

    with open_store() as store:                   # ./sayso.db; or "postgresql://u@host/db"
        for location, record, result in results:  # ArticleResults from the pipeline
            if store.seen(location, record):      # resume an interrupted run
                continue
            fate = store.add(result, location=location, record=record)
            # "ingested" (new article or new version) or "duplicate" (same text)
        store.record_failure("feed.xml", "7", "no article text")

        store.status()                            # inputs per fate, rows per table
        store.statements(speaker="minister", stance="disputed", since=date(2024, 1, 1))
        store.entities(name="Acme")
        for hit in store.search('"price cap" OR tariff', kind="statements"):
            print(hit.article_id, hit.record_id, hit.snippet)
        store.get(hit.article_id)                 # the full ArticleResult back

Each ``add`` is one transaction, so a killed process leaves whole articles or none.
A SQLite writer waits up to ``busy_timeout`` seconds for another and then raises
DatabaseBusyError. Opening a database written by a newer sayso raises SchemaTooNewError;
an older one raises SchemaOutdatedError until opened with ``open_store(url, migrate=True)``
(what ``sayso migrate`` does).
"""

from sayso.store.errors import (
    ArticleNotFoundError,
    DatabaseBusyError,
    NotAStoreError,
    SchemaOutdatedError,
    SchemaTooNewError,
    StoreError,
    StoreNotFoundError,
)
from sayso.store.rows import (
    ArticleRow,
    ClaimCount,
    EntityOccurrence,
    EntityRow,
    EntitySummary,
    EventRow,
    FailureRow,
    Fate,
    SearchHit,
    SearchKind,
    SpeakerCount,
    StatementRow,
    StoreStatus,
)
from sayso.store.store import Store, open_store

__all__ = [
    "ArticleNotFoundError",
    "ArticleRow",
    "ClaimCount",
    "DatabaseBusyError",
    "EntityOccurrence",
    "EntityRow",
    "EntitySummary",
    "EventRow",
    "FailureRow",
    "Fate",
    "NotAStoreError",
    "SchemaOutdatedError",
    "SchemaTooNewError",
    "SearchHit",
    "SearchKind",
    "SpeakerCount",
    "StatementRow",
    "Store",
    "StoreError",
    "StoreNotFoundError",
    "StoreStatus",
    "open_store",
]
