"""The corpus query commands from the command line: search, quotes --speaker, timeline --entity,
link, entity and claims, each as text, JSON and CSV over one store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sayso.cli.main import app
from sayso.store import open_store
from tests.test_corpus_support import CLAIM, STORIES, build
from tests.test_export_fixtures import make_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "corpus.db"
    make_store(path).close()
    return str(path)


def _csv(stdout: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(stdout)))


def test_search_finds_statements_in_every_format(db: str) -> None:
    as_json = runner.invoke(app, ["search", "bridge", "--db", db, "-f", "json"])
    assert as_json.exit_code == 0, as_json.output
    hits = json.loads(as_json.stdout)
    assert hits
    assert all("bridge" in json.dumps(hit).lower() for hit in hits)
    as_csv = runner.invoke(app, ["search", "bridge", "--db", db, "-f", "csv"])
    assert as_csv.exit_code == 0
    assert len(_csv(as_csv.stdout)) == len(hits)


def test_quotes_by_speaker_from_the_store(db: str) -> None:
    as_json = runner.invoke(app, ["quotes", "--speaker", "Ortiz", "--db", db, "-f", "json"])
    assert as_json.exit_code == 0, as_json.output
    rows = json.loads(as_json.stdout)
    assert rows
    assert all("Ortiz" in (row["speaker"] or "") for row in rows)
    as_csv = runner.invoke(app, ["quotes", "--speaker", "Ortiz", "--db", db, "-f", "csv"])
    assert as_csv.exit_code == 0
    assert [row["content"] for row in _csv(as_csv.stdout)] == [row["content"] for row in rows]
    nobody = runner.invoke(app, ["quotes", "--speaker", "Nobody Atall", "--db", db, "-f", "json"])
    assert json.loads(nobody.stdout) == []


def test_timeline_of_an_entity_across_the_store(db: str) -> None:
    result = runner.invoke(app, ["timeline", "--entity", "Lena Ortiz", "--db", db, "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = _csv(result.stdout)
    assert len({row["article"] for row in rows}) == 2
    assert result.stdout.count("article,value,label") == 1
    as_json = runner.invoke(app, ["timeline", "--entity", "Lena Ortiz", "--db", db, "-f", "jsonl"])
    assert [json.loads(line)["timeline"] for line in as_json.stdout.splitlines()]


def test_link_then_entity_and_disputed_claims(db: str) -> None:
    linked = runner.invoke(app, ["link", "--db", db])
    assert linked.exit_code == 0, linked.output
    entity = runner.invoke(app, ["entity", "Lena Ortiz", "--db", db, "-f", "json"])
    assert entity.exit_code == 0, entity.output
    assert "Lena Ortiz" in entity.stdout
    as_csv = runner.invoke(app, ["entity", "Lena Ortiz", "--db", db, "-f", "csv"])
    assert as_csv.exit_code == 0
    assert "Lena Ortiz" in as_csv.stdout
    missing = runner.invoke(app, ["entity", "Nobody Atall", "--db", db])
    assert missing.exit_code == 1
    assert "sayso link" in missing.stderr


def test_disputed_claims_with_each_outlets_stance(tmp_path: Path) -> None:
    db = str(tmp_path / "claims.db")
    with open_store(db) as store:
        for story in STORIES:
            store.add(build(story), location=f"{story.outlet}-{story.published}")
    assert runner.invoke(app, ["link", "--db", db]).exit_code == 0
    disputed = runner.invoke(app, ["claims", "--disputed", "--db", db, "-f", "csv"])
    assert disputed.exit_code == 0, disputed.output
    rows = _csv(disputed.stdout)
    assert [row["content"] for row in rows] == [CLAIM]
    outlets = {story.outlet for story in STORIES}
    assert "disputed" in {value for key, value in rows[0].items() if key in outlets}
    as_json = runner.invoke(app, ["claims", "--disputed", "--db", db, "-f", "json"])
    assert [claim["content"] for claim in json.loads(as_json.stdout)] == [CLAIM]


def test_a_store_of_a_newer_schema_or_bad_path_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "no" / "such" / "dir.db")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) <= 2


@pytest.mark.slow
def test_ingest_filters_by_date_records_failures_and_is_idempotent(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    stories = [
        ("2024-03-02", "The port reopened on Saturday, officials said. Ships queued for hours."),
        ("2024-05-20", "“We will rebuild the school,” the governor told reporters on Monday."),
        ("2023-11-30", "Farmers protested in the capital, police said. Roads were closed."),
    ]
    dump.write_text(
        "".join(json.dumps({"text": text, "published": day}) + "\n" for day, text in stories)
        + "{not json\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "news.db")
    first = runner.invoke(app, ["ingest", str(dump), "--db", db, "--since", "2024-01-01"])
    assert first.exit_code == 1, first.output  # the broken line is a failed input
    assert "dump.jsonl:4" in first.stderr
    status = json.loads(runner.invoke(app, ["status", "--db", db, "--json"]).stdout)
    assert status["fates"].get("ingested") == 2
    assert status["fates"].get("failed") == 1
    assert "2 web pages rendered ahead" in first.stderr
    from sayso.web.page_cache import kept_page

    with open_store(db) as store:
        ids = [row.id for row in store.articles()]
        assert all(kept_page(store, article_id) is not None for article_id in ids)
    again = runner.invoke(app, ["ingest", str(dump), "--db", db, "--since", "2024-01-01"])
    assert "2 already seen" in again.stderr
    status = json.loads(runner.invoke(app, ["status", "--db", db, "--json"]).stdout)
    assert status["fates"].get("ingested") == 2
    found = runner.invoke(app, ["search", "governor", "--db", db, "-f", "json"])
    assert json.loads(found.stdout)
    bad_date = runner.invoke(app, ["ingest", str(dump), "--db", db, "--since", "March"])
    assert bad_date.exit_code == 2
    assert "YYYY-MM-DD" in bad_date.stderr


def test_migrate_upgrades_an_older_store_that_other_commands_refuse(tmp_path: Path) -> None:
    from sayso.store.engine import connect
    from sayso.store.migrate import builtin_migrations, ensure_schema

    db = str(tmp_path / "old.db")
    backend = connect(db)
    ensure_schema(backend, builtin_migrations()[:-1])
    backend.engine.dispose()
    refused = runner.invoke(app, ["status", "--db", db, "--json"])
    assert refused.exit_code == 3
    assert "run `sayso migrate`" in refused.stderr
    migrated = runner.invoke(app, ["migrate", "--db", db])
    assert migrated.exit_code == 0, migrated.output
    latest = builtin_migrations()[-1].version
    assert f"schema {latest}" in migrated.stderr
    status = json.loads(runner.invoke(app, ["status", "--db", db, "--json"]).stdout)
    assert status["schema_version"] == latest
