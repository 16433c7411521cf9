"""The flat tables: CSV read back by the csv module, Parquet by pyarrow, SQLite by sqlite3."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from sayso.errors import ConfigError
from sayso.export.csv_parquet import write_csv, write_parquet
from sayso.export.jsonl import write_jsonl
from sayso.export.sqlite_copy import copy_sqlite_store, sqlite_path, write_tables_sqlite
from sayso.records import ArticleResult, from_dict
from sayso.store import open_store
from sayso.store.flatten import TABLES, table_rows
from tests.test_export_fixtures import corpus, ledger, make_store

EXPECTED_ROWS = {
    "articles": 2,
    "mentions": 10,
    "entities": 8,
    "statements": 5,
    "hops": 10,
    "timexes": 4,
    "events": 4,
    "arguments": 4,
    "quantities": 1,
    "flags": 1,
}


def test_rows_have_exactly_the_documented_columns() -> None:
    for result in corpus():
        rows = table_rows(result)
        for table in TABLES:
            for row in rows[table.name]:
                assert tuple(row) == table.column_names


def test_statement_rows_render_the_chain_and_keep_it_as_json() -> None:
    (row,) = [r for r in table_rows(ledger())["statements"] if r["statement_id"] == "s2"]
    assert row["chain"] == "Harbor Ledger ← Reuters ← The ministry"
    assert [hop["role"] for hop in json.loads(row["chain_json"])] == [
        "outlet",
        "media",
        "organisation",
    ]
    assert row["stance"] == "hedged"
    assert row["stance_cues"] == "allegedly"
    assert row["speaker_name"] is None
    assert ledger().article.text[row["content_start"] : row["content_end"]] == row["content"]


def test_jsonl_round_trips_through_from_dict() -> None:
    buffer = io.BytesIO()
    assert write_jsonl(corpus(), buffer) == 2
    lines = buffer.getvalue().decode("utf-8").splitlines()
    assert [from_dict(ArticleResult, json.loads(line)) for line in lines] == corpus()


def test_csv_tables(tmp_path: Path) -> None:
    assert write_csv(corpus(), tmp_path / "csv") == 2
    for table in TABLES:
        with (tmp_path / "csv" / f"{table.name}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == EXPECTED_ROWS[table.name], table.name
        if rows:
            assert tuple(rows[0]) == table.column_names
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8", newline="") as f:
        events = list(csv.DictReader(f))
    assert [e["from_caption"] for e in events] == ["false"] * 4
    assert events[0]["time_value"] == "2024-04"
    assert events[2]["statement_id"] == "", "a missing value is an empty cell"


def test_parquet_tables_read_back_with_types(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow reads the Parquet export")
    assert write_parquet(corpus(), tmp_path / "pq") == 2
    for table in TABLES:
        data = pq.read_table(tmp_path / "pq" / f"{table.name}.parquet")
        assert tuple(data.column_names) == table.column_names
        assert data.num_rows == EXPECTED_ROWS[table.name], table.name
    quantities = pq.read_table(tmp_path / "pq" / "quantities.parquet").to_pylist()
    assert quantities[0]["value"] == 40.0
    assert quantities[0]["upper"] is None
    statements = pq.read_table(tmp_path / "pq" / "statements.parquet")
    assert str(statements.schema.field("confidence").type) == "double"
    assert str(statements.schema.field("content_start").type) == "int64"
    assert statements.column("stance").to_pylist() == [
        "neutral",
        "hedged",
        "neutral",
        "disputed",
        "asserted",
    ]


def test_sqlite_copy_is_a_whole_store_in_one_file(tmp_path: Path) -> None:
    with make_store(tmp_path / "x.db") as store:
        source = sqlite_path(store)
        assert copy_sqlite_store(source, tmp_path / "out" / "copy.db") == 2
    copy = tmp_path / "out" / "copy.db"
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.db", "copy.metadata.json"]
    with closing(sqlite3.connect(copy)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stances = db.execute("SELECT stance FROM statements ORDER BY seq").fetchall()
    assert [s for (s,) in stances] == ["neutral", "hedged", "neutral", "disputed", "asserted"]
    with open_store(str(copy)) as reopened:
        assert reopened.get("b" * 64) == corpus()[1]


def test_sqlite_copy_refuses_to_copy_onto_itself(tmp_path: Path) -> None:
    with (
        make_store(tmp_path / "x.db") as store,
        pytest.raises(ConfigError, match="store itself"),
    ):
        copy_sqlite_store(sqlite_path(store), tmp_path / "x.db")


def test_sqlite_path_of_an_in_memory_store() -> None:
    with open_store("sqlite://") as store, pytest.raises(ConfigError, match="in-memory"):
        sqlite_path(store)


def test_tables_into_a_new_sqlite_file(tmp_path: Path) -> None:
    assert write_tables_sqlite(corpus(), tmp_path / "tables.db") == 2
    with closing(sqlite3.connect(tmp_path / "tables.db")) as db:
        for table in TABLES:
            count = db.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]
            assert count == EXPECTED_ROWS[table.name], table.name
        chain = db.execute("SELECT chain FROM statements WHERE kind = 'own_voice'").fetchone()
    assert chain == ("Valley Courier",)
