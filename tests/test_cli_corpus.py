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
from tests.chronology_fixtures import keller_results
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


@pytest.fixture
def keller_db(tmp_path: Path) -> str:
    """Three outlets reporting one meeting of Dana Keller, and events of hers and others'."""
    path = str(tmp_path / "keller.db")
    with open_store(path) as store:
        for result in keller_results():
            store.add(result, location=result.article.source.location)
    return path


def test_timeline_of_an_entity_is_one_merged_chronology(keller_db: str) -> None:
    """One chronology across the store: the meeting three outlets report is one row with its
    three sources, the unrelated arrest is left out, and the undated events are apart."""
    result = runner.invoke(app, ["timeline", "--entity", "Keller", "--db", keller_db, "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["entity"] == "Dana Keller"
    (meeting,) = data["timeline"]
    assert meeting["label"] == "Dana Keller met union leaders in Springfield"
    assert meeting["sources"] == ["Harbour Times", "Valley Courier", "The Gazette"]
    assert meeting["start"] == "2024-03-04"
    assert [(e["type"], e["start"]) for e in data["undated"]] == [
        ("RESIGN", None),
        ("VISIT", None),
    ]
    as_csv = runner.invoke(app, ["timeline", "--entity", "Keller", "--db", keller_db, "-f", "csv"])
    rows = _csv(as_csv.stdout)
    assert as_csv.stdout.startswith("date,value,label,")
    assert [(r["date"], r["undated"] != "") for r in rows] == [
        ("4 March 2024", False),
        ("", True),
        ("", True),
    ]
    assert "ARREST" not in as_csv.stdout
    text = runner.invoke(app, ["timeline", "--entity", "Keller", "--db", keller_db, "-f", "text"])
    assert "reported by Harbour Times (Keller defends tariff plan); Valley Courier" in text.stdout
    assert "according to Reuters" in text.stdout
    assert "Not on the time axis" in text.stdout
    tljs = runner.invoke(
        app, ["timeline", "--entity", "Keller", "--db", keller_db, "-f", "timelinejs"]
    )
    events = json.loads(tljs.stdout)["events"]
    assert [e["start_date"] for e in events] == [{"year": "2024", "month": "3", "day": "4"}]
    assert "2 events with no place on a time axis left out" in tljs.stderr
    refused = runner.invoke(app, ["timeline", "--entity", "Keller", "--db", keller_db, "-f", "md"])
    assert refused.exit_code == 2


def test_entity_dossier_in_every_format(keller_db: str, tmp_path: Path) -> None:
    as_json = runner.invoke(app, ["entity", "Dana Keller", "--db", keller_db, "-f", "json"])
    assert as_json.exit_code == 0, as_json.output
    dossier = json.loads(as_json.stdout)
    assert dossier["said"][0]["stances"] == [
        ["Harbour Times", "asserted"],
        ["Valley Courier", "neutral"],
    ]
    assert dossier["chronology"]["entries"][0]["sources"] == [
        "Harbour Times",
        "Valley Courier",
        "The Gazette",
    ]
    md = runner.invoke(app, ["entity", "Keller", "--db", keller_db, "-f", "md"])
    assert md.stdout.startswith("# Dana Keller\n")
    assert "## What others said about Dana Keller" in md.stdout
    assert "Untitled article (The Gazette, 2024-03-07)" in md.stdout
    page = tmp_path / "keller.html"
    html = runner.invoke(
        app, ["entity", "Keller", "--db", keller_db, "-f", "html", "-o", str(page)]
    )
    assert html.exit_code == 0, html.output
    written = page.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in written
    assert "<script" not in written
    assert "Dana Keller met union leaders in Springfield" in written
    again = runner.invoke(
        app, ["entity", "Keller", "--db", keller_db, "-f", "html", "-o", str(page)]
    )
    assert again.exit_code == 2
    assert "--force" in again.stderr
    text = runner.invoke(app, ["entity", "Keller", "--db", keller_db, "-f", "text"])
    assert "What Dana Keller said (1)" in text.stdout
    assert "carried by Harbour Times (asserted), Valley Courier (neutral)" in text.stdout
    bad = runner.invoke(app, ["entity", "Keller", "--db", keller_db, "-f", "parquet"])
    assert bad.exit_code == 2


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
    as_text = runner.invoke(app, ["claims", "--disputed", "--db", db, "-f", "text"])
    for report in json.loads(as_json.stdout)[0]["reports"]:
        assert f"    {report['outlet']} “" in as_text.stdout
    assert not any(len(word) == 64 for word in as_text.stdout.split()), "no article ids"


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
