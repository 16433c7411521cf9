"""The SQLite export in Datasette itself: full-text search through ``?_search=`` and the
store's bookkeeping tables hidden by the metadata written beside it."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from sayso.export.sqlite_copy import (
    copy_sqlite_store,
    metadata_path,
    sqlite_path,
    write_tables_sqlite,
)
from sayso.store import open_store
from tests.test_export_fixtures import corpus, make_store

datasette_app = pytest.importorskip("datasette.app")


def _get(database: Path, metadata: dict[str, Any] | None, paths: list[str]) -> list[Any]:
    """Datasette's JSON answers for ``paths``, asked in process (no port opened)."""

    async def ask() -> list[Any]:
        ds = datasette_app.Datasette([str(database)], metadata=metadata)
        await ds.invoke_startup()
        answers = []
        for path in paths:
            response = await ds.client.get(path)
            assert response.status_code == 200, (path, response.text)
            answers.append(response.json())
        return answers

    return asyncio.run(ask())


@pytest.fixture(name="exported")
def exported_fixture(tmp_path: Path) -> Path:
    with make_store(tmp_path / "store.db") as store:
        copy_sqlite_store(sqlite_path(store), tmp_path / "corpus.db")
    return tmp_path / "corpus.db"


def test_search_finds_only_matching_rows_in_datasette(exported: Path) -> None:
    metadata = json.loads(metadata_path(exported).read_text())
    everything, bridge, workers, nothing = _get(
        exported,
        metadata,
        [
            "/corpus/statements.json?_shape=array",
            "/corpus/statements.json?_shape=array&_search=bridge",
            "/corpus/statements.json?_shape=array&_search=workers",
            "/corpus/statements.json?_shape=array&_search=zeppelin",
        ],
    )
    assert len(everything) == 5
    assert [row["content_text"] for row in bridge] == ["the bridge would reopen in April"]
    assert [row["content_text"] for row in workers] == ["40 workers were hurt on Monday"]
    assert nothing == []


def test_search_works_without_the_metadata_too(exported: Path) -> None:
    [hits] = _get(exported, None, ["/corpus/articles.json?_shape=array&_search=plant"])
    assert len(hits) == 1


def test_flat_tables_of_a_postgresql_store_are_searchable_in_datasette(tmp_path: Path) -> None:
    flat = tmp_path / "flat.db"  # what `sayso export sqlite` writes from a PostgreSQL store
    write_tables_sqlite(corpus(), flat)
    metadata = json.loads(metadata_path(flat).read_text())
    everything, bridge, nothing, plant = _get(
        flat,
        metadata,
        [
            "/flat/statements.json?_shape=array",
            "/flat/statements.json?_shape=array&_search=bridge",
            "/flat/statements.json?_shape=array&_search=zeppelin",
            "/flat/articles.json?_shape=array&_search=plant",
        ],
    )
    assert len(everything) > len(bridge) >= 1
    assert all("bridge" in row["content"] for row in bridge)
    assert nothing == []
    assert len(plant) == 1
    [database] = _get(flat, metadata, ["/flat.json"])
    assert {t["name"] for t in database["tables"] if t["hidden"]} >= {"statements_fts"}


def test_bookkeeping_tables_are_hidden(exported: Path) -> None:
    metadata = json.loads(metadata_path(exported).read_text())
    [database] = _get(exported, metadata, ["/corpus.json"])
    hidden = {t["name"] for t in database["tables"] if t["hidden"]}
    shown = {t["name"] for t in database["tables"] if not t["hidden"]}
    assert {"schema_version", "inputs", "rendered_pages", "statements_fts"} <= hidden
    assert {"articles", "statements", "entities", "quantities"} <= shown
    assert not {name for name in shown if "_fts" in name}


def test_the_copy_is_still_a_store_whose_index_stays_current(exported: Path) -> None:
    with closing(sqlite3.connect(exported)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        declared = db.execute("SELECT sql FROM sqlite_master WHERE name = 'statements_fts'")
        assert 'content="statements"' in declared.fetchone()[0]
    with open_store(str(exported)) as store:
        hits = store.search("bridge", kind="statements")
        assert [h.record_id for h in hits]
        store.add(  # the store's triggers still feed the redeclared index
            _renamed(store.get(hits[0].article_id)), location="again"
        )
        assert len(store.search("reopen", kind="statements")) == 2


def _renamed(result: Any) -> Any:
    import dataclasses

    from sayso.ingest.article import article_id

    text = result.article.text + "\n"
    article = dataclasses.replace(result.article, id=article_id(text), text=text)
    return dataclasses.replace(result, article=article)
