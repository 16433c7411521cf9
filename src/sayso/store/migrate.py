"""Find the numbered migrations, check a database's schema version, apply what is pending."""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from sayso.ingest.article import now_iso
from sayso.store import tables
from sayso.store.engine import Backend
from sayso.store.errors import NotAStoreError, SchemaOutdatedError, SchemaTooNewError

_MODULE_NAME = re.compile(r"^(\d{4})_(\w+)$")
_MIGRATION_LOCK = 0x5A7505
"""PostgreSQL advisory lock key that serialises concurrent first opens of one database."""


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: version N turns a schema N-1 database into schema N."""

    version: int
    name: str
    upgrade: Callable[[sa.Connection], None]


@functools.cache
def builtin_migrations() -> tuple[Migration, ...]:
    """The migrations shipped in ``sayso.store.migrations``, in order."""
    package = importlib.import_module("sayso.store.migrations")
    found: list[Migration] = []
    for info in pkgutil.iter_modules(package.__path__):
        match = _MODULE_NAME.match(info.name)
        if match:
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found.append(Migration(int(match.group(1)), match.group(2), module.upgrade))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps: {found}")
    return tuple(found)


def stored_version(conn: sa.Connection) -> int | None:
    """The schema version recorded in the database; None where it holds no sayso schema.

    A database with tables of sayso's names but no schema_version is not a store. Nor is a
    SQLite file holding any tables at all without one: it is some other program's database,
    which sayso must not fill with its own tables. (A PostgreSQL database may well hold other
    applications' tables beside a store's.)
    """
    names = set(sa.inspect(conn).get_table_names())
    if tables.schema_version.name not in names:
        foreign = names if conn.dialect.name == "sqlite" else set()
        if names & {t.name for t in tables.metadata.sorted_tables} or foreign:
            raise NotAStoreError(
                "the database has tables but no schema_version: it is not a sayso store "
                "(use another --db)"
            )
        return None
    return int(conn.execute(sa.select(sa.func.max(tables.schema_version.c.version))).scalar() or 0)


def _check(version: int | None, latest: int, label: str, *, migrate: bool) -> bool:
    """Whether migrations must run; raises where the version forbids opening the database."""
    if version is not None and version > latest:
        raise SchemaTooNewError(
            f"this {label} was written by a newer sayso (schema {version} > {latest}): "
            "upgrade sayso"
        )
    if version is not None and 0 < version < latest and not migrate:
        raise SchemaOutdatedError(
            f"this {label} has schema {version} but this sayso needs {latest}: "
            "run `sayso migrate` (back the database up first)"
        )
    return version is None or version < latest


def ensure_schema(
    backend: Backend, migrations: Sequence[Migration], *, migrate: bool = False
) -> int:
    """Bring a new database to the latest schema, check an existing one; its version after.

    An empty database is always created at the latest schema. An older one is only migrated
    when ``migrate`` is true; a newer one is refused.
    """
    latest = migrations[-1].version if migrations else 0
    with backend.engine.connect() as conn:
        version = stored_version(conn)
    if backend.read_only:
        if version is None:
            raise NotAStoreError(
                f"{backend.label} holds no sayso store: give the store's path, or create one "
                "with `sayso ingest`"
            )
        _check(version, latest, backend.label, migrate=False)
        return version
    if not _check(version, latest, backend.label, migrate=migrate):
        return latest
    # Every pending step in one transaction under the write lock: a process opening the
    # database meanwhile sees it empty (and then waits for the lock) or complete, never at an
    # intermediate version that it would refuse as outdated.
    with backend.writer.begin() as conn:
        if backend.dialect == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATION_LOCK)))
        tables.schema_version.create(conn, checkfirst=True)
        # Re-read under the lock: another process may have created or migrated it meanwhile.
        current = stored_version(conn) or 0
        _check(current, latest, backend.label, migrate=migrate or current == 0)
        for migration in migrations:
            if migration.version <= current:
                continue
            migration.upgrade(conn)
            conn.execute(
                tables.schema_version.insert().values(
                    version=migration.version, name=migration.name, applied_at=now_iso()
                )
            )
    return latest
