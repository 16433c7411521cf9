"""Schema creation, version checks, migrations and URL handling."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from sayso.records import EventTime, Quantity, Span, Timex
from sayso.store import (
    NotAStoreError,
    SchemaOutdatedError,
    SchemaTooNewError,
    Store,
    StoreError,
    open_store,
)
from sayso.store import tables as current
from sayso.store.engine import connect, parse_url
from sayso.store.migrate import Migration, builtin_migrations, ensure_schema
from tests.test_store_support import (  # noqa: F401  (fixtures, registered by their names)
    HARBOUR,
    postgres_url_fixture,
    store_url_fixture,
)

LATEST = builtin_migrations()[-1].version


def test_builtin_migrations_are_numbered_from_one_without_gaps() -> None:
    migrations = builtin_migrations()

    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert migrations[0].name == "initial"


def test_a_new_store_records_every_migration(store_url: str) -> None:
    open_store(store_url).close()

    engine = sa.create_engine(parse_url(store_url))
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(current.schema_version.c.version, current.schema_version.c.name)
        )
        assert [tuple(r) for r in rows] == [(m.version, m.name) for m in builtin_migrations()]
    engine.dispose()


def test_migrated_tables_match_the_tables_the_store_queries(store_url: str) -> None:
    open_store(store_url).close()

    engine = sa.create_engine(parse_url(store_url))
    inspector = sa.inspect(engine)
    for table in current.metadata.sorted_tables:
        found = {c["name"] for c in inspector.get_columns(table.name)} - {"search"}
        assert found == set(table.columns.keys()), table.name
    engine.dispose()


def test_a_store_from_a_newer_sayso_is_refused(store_url: str) -> None:
    open_store(store_url).close()
    engine = sa.create_engine(parse_url(store_url))
    with engine.begin() as conn:
        conn.execute(
            current.schema_version.insert().values(
                version=LATEST + 1, name="future", applied_at="2030-01-01T00:00:00+00:00"
            )
        )
    engine.dispose()

    expected = rf"newer sayso \(schema {LATEST + 1} > {LATEST}\): upgrade sayso"
    with pytest.raises(SchemaTooNewError, match=expected):
        open_store(store_url)


def test_sqlite_messages_name_the_database_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sayso.db'}"
    open_store(url).close()
    with sqlite3.connect(tmp_path / "sayso.db") as raw:
        raw.execute("INSERT INTO schema_version VALUES (9, 'future', '2030-01-01')")

    with pytest.raises(SchemaTooNewError) as caught:
        open_store(url)

    assert str(caught.value) == (
        f"this sayso.db was written by a newer sayso (schema 9 > {LATEST}): upgrade sayso"
    )


def _add_column(conn: sa.Connection) -> None:
    conn.execute(sa.text("ALTER TABLE articles ADD COLUMN word_count INTEGER"))


def test_an_older_store_needs_an_explicit_migration(store_url: str) -> None:
    first = builtin_migrations()
    second = (*first, Migration(LATEST + 1, "word_count", _add_column))
    backend = connect(store_url)
    ensure_schema(backend, first)

    with pytest.raises(SchemaOutdatedError, match="run `sayso migrate`"):
        ensure_schema(backend, second)

    assert ensure_schema(backend, second, migrate=True) == LATEST + 1
    assert "word_count" in {c["name"] for c in sa.inspect(backend.engine).get_columns("articles")}
    assert ensure_schema(backend, second) == LATEST + 1
    backend.engine.dispose()


def test_a_database_of_someone_else_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE articles (x TEXT)")

    with pytest.raises(NotAStoreError, match="not a sayso store"):
        open_store(str(path))


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)

    with pytest.raises(NotAStoreError, match=r"notes\.db is not a SQLite database"):
        open_store(str(path))


def test_an_unopenable_path_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"missing\.db"):
        open_store(str(tmp_path / "no-such-dir" / "missing.db"))


def test_default_is_sayso_db_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    with open_store() as store:
        store.add(HARBOUR, location="harbour.html")
        assert store.dialect == "sqlite"

    assert (tmp_path / "sayso.db").is_file()


@pytest.mark.parametrize(
    ("given", "driver", "database"),
    [
        (None, "sqlite", "sayso.db"),
        ("corpus/news.db", "sqlite", "corpus/news.db"),
        ("sqlite:////data/x.db", "sqlite", "/data/x.db"),
        ("postgresql://u@db.example/news", "postgresql+psycopg", "news"),
        ("postgres://u@db.example/news", "postgresql+psycopg", "news"),
    ],
)
def test_urls_and_paths_pick_the_backend(given: str | None, driver: str, database: str) -> None:
    url = parse_url(given)

    assert (url.drivername, url.database) == (driver, database)


def test_other_databases_are_refused() -> None:
    with pytest.raises(StoreError, match="SQLite or PostgreSQL only"):
        parse_url("mysql://u@host/db")


def _indexes_on_statements(conn: sa.Connection) -> set[str]:
    if conn.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'statements'"
    else:
        query = "SELECT indexname FROM pg_indexes WHERE tablename = 'statements'"
    return {row[0] for row in conn.exec_driver_sql(query)}


def test_a_schema_2_store_gains_the_statement_content_index(store_url: str) -> None:
    backend = connect(store_url)
    ensure_schema(backend, builtin_migrations()[:2])
    # today's writer at schema 2: only tables whose columns schema 2 already had (timexes and
    # quantities gained columns in schema 5)
    Store(backend, 2).add(replace(HARBOUR, timexes=(), quantities=()), location="harbour.html")
    with backend.engine.connect() as conn:
        assert "ix_statements_content_prefix" not in _indexes_on_statements(conn)
    backend.engine.dispose()

    with open_store(store_url, migrate=True) as store:
        with store.reading() as conn:
            assert "ix_statements_content_prefix" in _indexes_on_statements(conn)
        found = store.statements(content="Ships are returning")

    assert [(r.article_id, r.content) for r in found] == [
        (HARBOUR.article.id, "Ships are returning")
    ]


def test_a_schema_4_store_gains_the_scope_of_its_numbers(store_url: str) -> None:
    backend = connect(store_url)
    ensure_schema(backend, builtin_migrations()[:4])
    backend.engine.dispose()
    text = HARBOUR.article.text
    start = text.index("Monday")
    monday = Span.of(text, start, start + 6)
    counted = Quantity(
        "q1", monday, 2.0, "test", place=monday, group=monday,
        as_of=EventTime("on", "2024-05-06", "t1"),
    )  # fmt: skip
    timex = Timex("t1", monday, "DURATION", "P2D", "test", end_value="2024-05-08")
    with open_store(store_url, migrate=True) as store:
        store.add(replace(HARBOUR, quantities=(counted,), timexes=(timex,)), location="h.html")
        with store.reading() as conn:
            row = conn.execute(
                sa.select(current.quantities.c.place, current.quantities.c.whole,
                          current.quantities.c.as_of)
            ).one()  # fmt: skip
            reached = conn.execute(sa.select(current.timexes.c.end_value)).scalar()
    assert tuple(row) == ("Monday", "Monday", "2024-05-06")
    assert reached == "2024-05-08"
