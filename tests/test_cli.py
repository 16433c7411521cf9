"""The command line: formats, piping, exit codes, errors as one line."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from sayso.cli.main import app
from sayso.records import ArticleResult, from_dict, json_schema
from tests.conftest import EXAMPLE

runner = CliRunner()

pytestmark = pytest.mark.slow


def test_analyze_writes_json_that_validates_and_round_trips() -> None:
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, json_schema())
    record = from_dict(ArticleResult, data)
    assert record.article.metadata.section == "Middle East"
    assert record.entities
    assert record.statements


def test_jsonl_has_one_line_per_article_and_failures_set_the_exit_code(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Officials said on Monday that the bridge would reopen.\n\n"
        "“We expect traffic by noon,” the mayor told reporters.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(good), str(empty), str(EXAMPLE), "-f", "jsonl"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["article"]["source"]["location"] for line in lines] == [str(good), str(EXAMPLE)]
    assert "empty.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_markdown_and_html_outputs(tmp_path: Path) -> None:
    md = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "md"])
    assert md.exit_code == 0
    assert md.stdout.startswith("# Iran claims to reveas")
    assert "REUTERS/STRINGER" in md.stdout
    assert "| 90,000 | soldiers |" in md.stdout  # the numbers table
    page = tmp_path / "page.html"
    html = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "html", "-o", str(page)])
    assert html.exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in text
    assert "<script" not in text
    assert 'class="q st-' in text  # quotes highlighted as on the web page, which renders it
    assert "<h2>Numbers (" in text
    assert 'class="legend"' in text
    assert "<td>90,000</td><td>soldiers</td>" in text


def test_html_page_escapes_hostile_text(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "<script>alert(1)</script> Breaking\n\n"
        "The minister said the <img src=x onerror=alert(2)> plan was ready on Tuesday.\n\n"
        "“It is <b>done</b>,” she told reporters in the capital after the cabinet meeting.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["analyze", str(hostile), "-f", "html"])
    assert result.exit_code == 0
    assert "<script>" not in result.stdout
    assert "<img src=x" not in result.stdout
    # highlights may cut the text into several <span>s and <a>s; without them it reads escaped
    plain = re.sub(r"</?(?:span|a)\b[^>]*>", "", result.stdout)
    assert "&lt;img src=x onerror=alert(2)&gt;" in plain


def test_missing_model_is_one_line_with_the_fix() -> None:
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--model", "xx_no_such_model"])
    assert result.exit_code == 3
    assert "is not installed" in result.stderr
    assert "Traceback" not in result.stderr


def test_schema_command_prints_the_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert json.loads(result.stdout)["$id"].endswith("sayso-1.json")


def test_help_has_examples() -> None:
    for command in ("analyze", "ingest", "eval", "quotes"):
        out = runner.invoke(app, [command, "--help"])
        assert out.exit_code == 0
        assert "sayso " + command in out.stdout.replace("\n", " ")


def test_piped_stdin_defaults_to_json() -> None:
    text = EXAMPLE.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "sayso.cli", "analyze", "-"],
        input=text,
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert data["schema"] == "sayso/1"
    assert data["article"]["source"]["kind"] == "stdin"


def test_per_view_csv_is_one_table_under_one_header(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "“The bridge will reopen on Monday,” the mayor told reporters.\n\n"
        "Officials said the repairs cost more than expected.\n",
        encoding="utf-8",
    )
    quotes = runner.invoke(app, ["quotes", str(story), str(EXAMPLE), "-f", "csv"])
    assert quotes.exit_code == 0, quotes.output
    rows = list(csv.DictReader(io.StringIO(quotes.stdout)))
    assert quotes.stdout.count("article,statement,kind") == 1
    direct = [r for r in rows if "The bridge will reopen" in r["content"]]
    assert direct
    assert direct[0]["speaker"] == "the mayor"
    assert direct[0]["cue"] == "told"
    assert len({r["article"] for r in rows}) == 2
    timeline = runner.invoke(app, ["timeline", str(EXAMPLE), "-f", "csv"])
    assert timeline.exit_code == 0
    values = [r["value"] for r in csv.DictReader(io.StringIO(timeline.stdout))]
    assert "2006" in values
    assert values.index("2006") < values.index("2020-01")


def test_csv_is_not_offered_for_the_whole_record() -> None:
    help_text = runner.invoke(app, ["analyze", "-h"]).stdout
    assert "csv" not in help_text.split("--output")[0]  # the --format choices
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "-f", "csv"])
    assert result.exit_code == 2


def test_terminal_timeline_names_sources_and_captions() -> None:
    result = runner.invoke(app, ["timeline", str(EXAMPLE), "-f", "text"])
    assert result.exit_code == 0, result.output
    entries: list[str] = []
    for line in result.stdout.splitlines():
        if line[:1].isdigit() or line.startswith(".."):
            entries.append(line)
        elif entries and line and not line.startswith("─"):
            entries[-1] += line  # a long entry wraps onto the next line
    lines = {entry.split("  ", 1)[0]: entry for entry in entries if "  " in entry}
    assert "according to Tasnim report" in lines["2006"]
    assert "photo caption" in lines["2014-06-29"]
    assert "according to" not in lines["2020-01"]  # the outlet's own voice
    assert "the article is published (estimated)" in lines["2021-09/2022-01"]


def test_numbers_view_lists_quantities_with_their_flags() -> None:
    piped = runner.invoke(app, ["numbers", str(EXAMPLE)])
    assert piped.exit_code == 0, piped.output
    record = json.loads(piped.stdout)
    assert {q["span"]["text"] for q in record["quantities"]} >= {"90,000", "30,000"}
    assert [f["kind"] for f in record["flags"]] == ["parts_exceed_total"]
    table = runner.invoke(app, ["numbers", str(EXAMPLE), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    flagged = [r["text"] for r in rows if r["flags"] == "parts_exceed_total"]
    assert flagged == ["90,000", "90,000", "30,000"]
    assert next(r for r in rows if r["text"] == "90,000")["counted"] == "soldiers"
