"""The store's exceptions: each says what went wrong with the database and what to do."""

from __future__ import annotations

from sayso.errors import SaysoError


class StoreError(SaysoError):
    """The corpus store could not be opened, read or written."""


class DatabaseBusyError(StoreError):
    """Another process held the write lock for longer than the busy timeout."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer sayso whose schema this one does not know."""


class SchemaOutdatedError(StoreError):
    """The database predates this sayso's schema and needs ``sayso migrate``."""


class StoreNotFoundError(StoreError):
    """A command that only reads named a store that does not exist (only ingest creates one)."""


class NotAStoreError(StoreError):
    """The file or database exists but is not a sayso store."""


class ArticleNotFoundError(StoreError, KeyError):
    """No stored article has the requested id."""

    def __str__(self) -> str:
        # KeyError quotes its argument; a message reads better unquoted.
        return str(self.args[0]) if self.args else ""


class StoreDamagedError(StoreError):
    """The database file is damaged (SQLite found it malformed); ``sayso check`` says more."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail
        """What SQLite said."""


class ReadOnlyStoreError(StoreError):
    """The store was opened read-only (its file or folder cannot be written) and a write was
    asked of it."""


class QueryError(StoreError):
    """A search the store refused, or stopped before it finished."""


class QueryTooComplexError(QueryError):
    """The search asks for more terms than are searched together; leave some out."""


class QueryTimeoutError(QueryError):
    """The query ran past its time limit, or its client left, and was stopped."""
