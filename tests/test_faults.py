"""Faults around the store and the runs that fill it: read-only stores, files that are not
stores, damaged stores, two ingests at once, a killed ingest's workers, a failing run's batch."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sayso.cli.main import app
from sayso.store import NotAStoreError, open_store
from sayso.store import engine as store_engine
from sayso.store.errors import ReadOnlyStoreError, StoreDamagedError
from tests.test_export_fixtures import corpus, make_store

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
SAYSO = [sys.executable, "-m", "sayso.cli"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _settled(path: Path) -> None:
    """Fold the WAL into the file and leave rollback-journal mode: one file to compare."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


# -- read-only stores -----------------------------------------------------------------------


def test_a_store_opened_read_only_reads_and_refuses_to_write(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    make_store(path).close()
    _settled(path)
    before = _digest(path)
    with open_store(str(path), read_only=True) as store:
        assert store.read_only
        assert store.article_count() == len(corpus())
        assert store.search("harbour") or store.search("port") or True
        with pytest.raises(ReadOnlyStoreError, match="read-only"):
            store.add(corpus()[0], location="again")
    assert _digest(path) == before


def test_a_store_that_cannot_be_written_opens_read_only_by_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.db"
    make_store(path).close()
    monkeypatch.setattr(store_engine, "writable", lambda _path: False)
    with open_store(str(path)) as store:  # as on a read-only file system
        assert store.read_only
        assert store.status().fates["ingested"] == len(corpus())
    result = runner.invoke(app, ["status", "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output


def test_a_read_only_store_with_no_wal_side_files_falls_back_to_immutable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.db"
    make_store(path).close()
    opened: list[str] = []
    real_connect = sqlite3.connect

    class NoSideFiles:
        """What ``mode=ro`` gives in a read-only folder: no -shm can be made, so the first
        read fails."""

        def execute(self, *_args: object) -> None:
            raise sqlite3.OperationalError("unable to open database file")

        def close(self) -> None:
            """Nothing is open."""

    def connect(database: str, **kwargs: object) -> object:
        opened.append(database)
        if "mode=ro" in database:
            return NoSideFiles()
        return real_connect(database, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_engine.sqlite3, "connect", connect)
    with open_store(str(path), read_only=True) as store:
        assert store.article_count() == len(corpus())
    assert any("immutable=1" in uri for uri in opened)


def test_read_only_on_a_missing_store_says_so(tmp_path: Path) -> None:
    with pytest.raises(NotAStoreError, match="no store at"):
        open_store(str(tmp_path / "missing.db"), read_only=True)
    assert not (tmp_path / "missing.db").exists()


# -- files that are not sayso stores --------------------------------------------------------


@pytest.fixture
def other_database(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.commit()
    conn.close()
    return path


def _tables(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    conn.close()
    return sorted(names)


@pytest.mark.parametrize(
    "command",
    [["status"], ["search", "keep"], ["check"], ["quotes", "--speaker", "x"], ["export", "jsonl"]],
)
def test_read_commands_never_write_to_a_file_that_is_not_a_store(
    other_database: Path, command: list[str]
) -> None:
    before = _digest(other_database)
    result = runner.invoke(app, [*command, "--db", str(other_database)])
    assert result.exit_code == 3, result.output
    assert "not a sayso store" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert _tables(other_database) == ["notes"]
    assert _digest(other_database) == before


def test_nor_do_writing_opens(other_database: Path) -> None:
    with pytest.raises(NotAStoreError):
        open_store(str(other_database))
    assert _tables(other_database) == ["notes"]


# -- damaged stores -------------------------------------------------------------------------


def _damaged(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    make_store(path).close()
    _settled(path)
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, 3 * page):
        data[start + 100 : start + 300] = bytes(range(200))
    path.write_bytes(bytes(data))
    return path


def test_check_finds_a_sound_store_sound(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    make_store(path).close()
    result = runner.invoke(app, ["check", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "no damage found" in result.stderr


def test_check_says_a_damaged_store_is_damaged_and_what_to_do(tmp_path: Path) -> None:
    path = _damaged(tmp_path)
    result = runner.invoke(app, ["check", "--db", str(path)])
    assert result.exit_code == 3
    assert "damaged" in result.stderr
    assert "restore it from a backup" in result.stderr
    assert "Traceback" not in result.output


def test_check_finds_a_damaged_search_index(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    make_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE statements_fts_data SET block = zeroblob(length(block)) "
        "WHERE id = (SELECT max(id) FROM statements_fts_data)"
    )
    conn.commit()
    conn.close()
    with open_store(str(path), read_only=True) as store:
        problems = store.check()
    assert any(p.startswith("search index statements_fts") for p in problems)
    result = runner.invoke(app, ["check", "--db", str(path)])
    assert result.exit_code == 3
    assert "statements_fts" in result.stderr


def _read_everything(url: str) -> None:
    with open_store(url) as store:
        store.search("harbour")
        store.statements(limit=1000)


def test_other_commands_on_a_damaged_store_point_to_check(tmp_path: Path) -> None:
    path = _damaged(tmp_path)
    with pytest.raises(StoreDamagedError, match="sayso check"):
        _read_everything(str(path))
    result = runner.invoke(app, ["search", "harbour", "--db", str(path)])
    assert result.exit_code == 3
    assert "sayso check" in result.stderr


# -- runs: two at once, killed, failing ------------------------------------------------------


STORY = (
    "The harbour authority said on Tuesday that pier {n} would reopen next month. "
    "Repairs to the sea wall took longer than planned, the director told reporters."
)


def _stories(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"story{n:03}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_two_ingests_of_the_same_inputs_at_once_both_succeed(tmp_path: Path) -> None:
    news = _stories(tmp_path / "news", 12)
    db = str(tmp_path / "news.db")
    logs = [tmp_path / f"run{n}.log" for n in range(2)]
    runs = []
    for log in logs:
        with log.open("w") as stderr:
            runs.append(
                subprocess.Popen(
                    [*SAYSO, "ingest", str(news), "--db", db],
                    stdout=subprocess.DEVNULL,
                    stderr=stderr,
                    cwd=ROOT,
                )
            )
    for run, log in zip(runs, logs, strict=True):
        assert run.wait(timeout=600) == 0, log.read_text()
    with open_store(db) as store:
        assert store.article_count() == 12
        assert len({row.id for row in store.articles(limit=100)}) == 12
        assert store.check() == []


def _descendants(pid: int) -> set[int]:
    """Every process whose chain of parents reaches ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_bytes()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(b")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0]
    except OSError:
        return False
    return state != b"Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="walks /proc for the process tree")
def test_workers_die_with_an_ingest_killed_by_sigkill(tmp_path: Path) -> None:
    news = _stories(tmp_path / "news", 400)
    run = subprocess.Popen(
        [*SAYSO, "ingest", str(news), "--db", str(tmp_path / "news.db"), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 300
        children: set[int] = set()
        while time.monotonic() < deadline and len(children) < 4:  # fork server, 2 workers...
            time.sleep(0.5)
            children = _descendants(run.pid)
        assert len(children) >= 3, "the workers never started"
        time.sleep(2)
        children = _descendants(run.pid)
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=30)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(_alive(pid) for pid in children):
            time.sleep(0.5)
        left = [pid for pid in children if _alive(pid)]
        assert not left, f"processes left after the ingest was killed: {left}"
    finally:
        if run.poll() is None:
            run.kill()


@pytest.mark.slow
def test_a_run_that_fails_keeps_the_articles_it_analysed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sayso.runners.base import SerialRunner
    from sayso.store.errors import StoreError

    news = _stories(tmp_path / "news", 5)
    db = str(tmp_path / "news.db")
    original = SerialRunner.run_prepared

    def failing_after_three(self: SerialRunner, articles: object):  # type: ignore[no-untyped-def]
        for count, prepared in enumerate(original(self, articles), start=1):  # type: ignore[arg-type]
            yield prepared
            if count == 3:
                raise StoreError("the disk went away")

    monkeypatch.setattr(SerialRunner, "run_prepared", failing_after_three)
    result = runner.invoke(app, ["ingest", str(news), "--db", db, "--no-prerender"])
    assert result.exit_code == 3
    assert "the disk went away" in result.stderr
    with open_store(db) as store:
        assert store.article_count() == 3  # the unfinished write batch was kept
    monkeypatch.setattr(SerialRunner, "run_prepared", original)
    again = runner.invoke(app, ["ingest", str(news), "--db", db, "--no-prerender"])
    assert again.exit_code == 0, again.output
    assert "3 already seen" in again.stderr
    with open_store(db) as store:
        assert store.article_count() == 5


def test_cli_errors_fit_on_one_line_however_narrow_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    result = runner.invoke(app, ["status", "--db", str(tmp_path / "a" / "very" / "long.db")])
    assert result.exit_code == 2  # a store that does not exist: a usage error
    assert len(result.stderr.strip().splitlines()) == 1


def _mixed_folder(folder: Path) -> Path:
    """Good stories and the inputs that once ended a run (see test_hostile_inputs)."""
    _stories(folder, 3)
    (folder / "deep.json").write_bytes(b"[" * 3000 + b"]" * 3000)
    (folder / "number.jsonl").write_bytes(b'{"text": "x", "n": 1' + b"0" * 5000 + b"}\n")
    surrogate = STORY.format(n="\ud800")
    (folder / "surrogate.jsonl").write_text(
        f'{{"text": "{surrogate}"}}\n'.replace("\ud800", "\\ud800")
    )
    (folder / "junk.txt").write_text("Share on Facebook\nSubscribe to our newsletter\n")
    return folder


@pytest.mark.slow
def test_analyze_goes_on_past_every_bad_input(tmp_path: Path) -> None:
    import json

    folder = _mixed_folder(tmp_path / "news")
    result = runner.invoke(app, ["analyze", str(folder), "-f", "jsonl"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4  # three stories and the one with a replaced surrogate
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 3
    assert "4 article(s) analysed, 3 input(s) failed" in result.stderr


@pytest.mark.slow
def test_ingest_stores_the_good_records_the_bad_and_a_rerun_goes_past_them(
    tmp_path: Path,
) -> None:
    folder = _mixed_folder(tmp_path / "news")
    db = str(tmp_path / "news.db")
    first = runner.invoke(app, ["ingest", str(folder), "--db", db, "--no-prerender"])
    assert first.exit_code == 1, first.output
    assert "Traceback" not in first.output
    with open_store(db) as store:
        status = store.status()
        assert status.fates["ingested"] == 4
        assert status.fates["failed"] == 3
        reasons = {f.location.rsplit("/", 1)[-1]: f.reason for f in store.failures()}
    assert "nested too deeply" in reasons["deep.json"]
    assert "5,001 digits" in reasons["number.jsonl:1"]
    assert "no article text" in reasons["junk.txt"]
    again = runner.invoke(app, ["ingest", str(folder), "--db", db, "--no-prerender"])
    assert again.exit_code == 1
    assert "4 already seen" in again.stderr
    with open_store(db) as store:
        assert store.status().fates == status.fates


def test_library_log_lines_never_reach_the_user(tmp_path: Path) -> None:
    """trafilatura logs a warning ("discarding data: None") for an empty page: the user sees
    sayso's one line instead, and the library's lines only with --verbose."""
    page = tmp_path / "empty.html"
    page.write_text("<html><body></body></html>")
    run = subprocess.run(
        [*SAYSO, "analyze", str(page), "-f", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert run.returncode == 1
    assert run.stderr.startswith("skipped"), run.stderr
    for raw in ("trafilatura", "parsed tree", "empty HTML tree", "discarding data"):
        assert raw not in run.stderr
    verbose = subprocess.run(
        [*SAYSO, "analyze", str(page), "-f", "json", "--verbose"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert "discarding data" in verbose.stderr  # there, when asked for


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_analyze_to_a_full_disk_is_one_line() -> None:
    story = ROOT / "examples" / "article.txt"
    result = runner.invoke(app, ["analyze", str(story), "-o", "/dev/full", "--force", "-f", "json"])
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    (line,) = result.stderr.strip().splitlines()
    assert "could not write to /dev/full: No space left on device" in line
