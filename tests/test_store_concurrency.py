"""Crash safety and concurrent writers: killed mid-transaction, two writers, a held lock."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from sayso.store import DatabaseBusyError, Store, open_store
from sayso.store.engine import parse_url
from tests.test_store_support import (  # noqa: F401  (fixtures, registered by their names)
    HARBOUR,
    TARIFF,
    corpus_result,
    postgres_url_fixture,
    run_writer,
    store_url_fixture,
)

CORPUS = 12
STATEMENTS_PER_ARTICLE = len(corpus_result(0).statements)
BUSY_MESSAGE = (
    "the database is busy: another sayso process is writing to sayso.db; "
    "wait for it or use another --db"
)


def _assert_whole_articles(store: Store, expected: set[str]) -> None:
    """Exactly ``expected`` articles, once each, every one with all its statements."""
    rows = store.articles(limit=1000)
    assert sorted(r.id for r in rows) == sorted(expected)
    counts = {r.id: 0 for r in rows}
    for statement in store.statements(limit=100_000):
        counts[statement.article_id] += 1
    assert set(counts.values()) <= {STATEMENTS_PER_ARTICLE}
    assert store.status().tables["statements"] == STATEMENTS_PER_ARTICLE * len(expected)
    assert store.status().fates["ingested"] == len(expected)


def _assert_intact(url: str) -> None:
    """SQLite's own consistency checks, FTS index included; PostgreSQL has no equivalent."""
    if not url.startswith("sqlite"):
        return
    engine = sa.create_engine(parse_url(url))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        for fts in ("articles_fts", "statements_fts", "entities_fts"):
            conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
    engine.dispose()


def test_a_writer_killed_mid_transaction_leaves_whole_articles_and_resumes(
    store_url: str,
) -> None:
    open_store(store_url).close()
    stall_at = 5
    lines = []
    with run_writer(store_url, 0, CORPUS, extra=(str(stall_at),)) as writer:
        assert writer.stdout is not None
        for line in writer.stdout:
            lines.append(line.strip())
            if lines[-1] == "stalled":
                break
        os.kill(writer.pid, signal.SIGKILL)
    assert lines[-1:] == ["stalled"], lines
    assert writer.returncode == -signal.SIGKILL

    _assert_intact(store_url)
    with open_store(store_url) as store:
        _assert_whole_articles(store, {corpus_result(n).article.id for n in range(stall_at)})
        assert not store.seen(f"corpus/{stall_at}.html")

    rerun = run_writer(store_url, 0, CORPUS)
    out, err = rerun.communicate()
    assert rerun.returncode == 0, err
    assert out.split("\n")[0] == f"{stall_at} ingested"

    _assert_intact(store_url)
    with open_store(store_url) as store:
        _assert_whole_articles(store, {corpus_result(n).article.id for n in range(CORPUS)})
        assert len(store.search("report", limit=100)) == CORPUS


def test_two_writers_at_once_both_finish_or_one_says_the_database_is_busy(
    store_url: str,
) -> None:
    # Both writers also race to create the schema of the empty database, then on 4..7.
    writers = [run_writer(store_url, 0, 8), run_writer(store_url, 4, 8)]
    results = [w.communicate() for w in writers]

    finished = set()
    for writer, (out, err), first in zip(writers, results, (0, 4), strict=True):
        if writer.returncode == 0:
            finished |= set(range(first, first + 8))
            assert all(
                line.split()[1] in {"ingested", "duplicate"} for line in out.split("\n") if line
            )
        else:
            assert writer.returncode == 3, err
            assert "the database is busy" in err
    _assert_intact(store_url)
    with open_store(store_url) as store:
        ids = {r.id for r in store.articles(limit=1000)}
        assert {corpus_result(n).article.id for n in finished} <= ids
        _assert_whole_articles(store, ids)


def test_a_writer_that_waits_too_long_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "sayso.db"
    url = f"sqlite:///{path}"
    open_store(url).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with open_store(url, busy_timeout=0.05) as store:
            with pytest.raises(DatabaseBusyError) as caught:
                store.add(HARBOUR, location="harbour.html")
            assert str(caught.value) == BUSY_MESSAGE
            assert store.articles() == []
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    with open_store(url, busy_timeout=0.05) as store:
        assert store.add(HARBOUR, location="harbour.html") == "ingested"


def test_opening_a_new_store_waits_for_the_lock_its_wal_conversion_needs(tmp_path: Path) -> None:
    # Another process is writing to the new file before it is in WAL mode (as a second
    # `sayso ingest` started at the same moment does while it converts it): the switch to WAL
    # then fails at once, because SQLite runs no busy handler for it.
    path = tmp_path / "sayso.db"
    path.touch()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY)")
    release = threading.Timer(0.3, holder.execute, ("ROLLBACK",))
    release.start()
    try:
        with open_store(f"sqlite:///{path}", busy_timeout=5) as store:
            store.add(HARBOUR, location="harbour.html")
    finally:
        release.join()
        holder.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_readers_are_not_blocked_by_a_writer(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sayso.db'}"
    with open_store(url) as store:
        store.add(TARIFF, location="tariff.html")
    holder = sqlite3.connect(tmp_path / "sayso.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("DELETE FROM inputs")
    try:
        with open_store(url, busy_timeout=0.05) as store:
            assert [r.id for r in store.articles()] == [TARIFF.article.id]
            assert store.seen("tariff.html")
            assert len(store.search("tariffs")) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
