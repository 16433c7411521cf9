"""``sayso export FORMAT`` from the command line, and the registry behind it."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from types import ModuleType

import pytest
import typer
from typer.testing import CliRunner

from sayso.cli.export import export_command
from sayso.export.optional import MissingExtraError, require
from sayso.export.registry import EXPORTERS
from sayso.records import ArticleResult, from_dict
from tests.test_export_fixtures import corpus, make_store

app = typer.Typer()
app.command("export")(export_command)
app.command("other")(lambda: None)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "x.db"
    make_store(path).close()
    return str(path)


def test_jsonl_to_standard_output(db: str) -> None:
    result = CliRunner().invoke(app, ["export", "jsonl", "--db", db])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [from_dict(ArticleResult, json.loads(line)) for line in lines] == corpus()
    assert "exported 2 articles" in result.stderr


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_every_format_writes_a_file(db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out-{fmt}"
    result = CliRunner().invoke(app, ["export", fmt, "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()
    written = list(out.iterdir()) if out.is_dir() else [out]
    assert all(p.stat().st_size > 0 for p in written)


def test_timelinejs_flag(db: str, tmp_path: Path) -> None:
    out = tmp_path / "t.json"
    result = CliRunner().invoke(
        app, ["export", "timeline", "--timelinejs", "--db", db, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "events" in json.loads(out.read_text(encoding="utf-8"))
    wrong = CliRunner().invoke(app, ["export", "jsonl", "--timelinejs", "--db", db])
    assert wrong.exit_code == 2


def test_unknown_format_names_the_known_ones(db: str) -> None:
    result = CliRunner().invoke(app, ["export", "xlsx", "--db", db])
    assert result.exit_code == 2
    assert "parquet" in result.stderr


def test_existing_output_is_kept_without_force(db: str, tmp_path: Path) -> None:
    out = tmp_path / "corpus.db"
    out.write_bytes(b"keep me")
    refused = CliRunner().invoke(app, ["export", "sqlite", "--db", db, "-o", str(out)])
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert out.read_bytes() == b"keep me"
    forced = CliRunner().invoke(app, ["export", "sqlite", "--db", db, "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert out.read_bytes().startswith(b"SQLite format 3")


def test_a_missing_extra_names_the_install_command(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = importlib.import_module

    def without_pyarrow(name: str, package: str | None = None) -> ModuleType:
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", without_pyarrow)
    with pytest.raises(MissingExtraError, match=r"pip install -e '\.\[export\]'"):
        require("pyarrow.parquet", "the parquet export")
    result = CliRunner().invoke(app, ["export", "parquet", "--db", db, "-o", str(tmp_path / "p")])
    assert result.exit_code == 3
    assert "pip install -e '.[export]'" in result.stderr
    assert "sayso[" not in result.stderr  # sayso is not on a package index


@pytest.mark.parametrize("name", ["jsonl", "csv"])
def test_an_export_reports_each_article_it_reads(name: str, tmp_path: Path) -> None:
    """What the progress bar of `sayso export` counts: every stored article, once."""
    import io

    from sayso.export.registry import ExportOptions, run_export

    seen: list[int] = []
    with make_store(tmp_path / "x.db") as store:
        total = store.status().tables["articles"]
        options = ExportOptions(on_article=lambda: seen.append(1))
        run_export(EXPORTERS[name], store, tmp_path / "out", io.BytesIO(), options)
    assert len(seen) == total == len(corpus())
