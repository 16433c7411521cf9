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
