"""``sayso export FORMAT``: the corpus in a format another tool reads."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sayso.cli.corpus import DbOpt
from sayso.errors import SaysoError

EXIT_USAGE = 2


def export_command(
    fmt: Annotated[
        str,
        typer.Argument(
            metavar="FORMAT",
            help="jsonl, csv, parquet, sqlite, ftm, claimreview, webannotation, gexf, graphml, "
            "timeline or prov (see docs/exports.md).",
            show_default=False,
        ),
    ],
    db: DbOpt = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File (or directory for csv/parquet). Default: standard output; "
            "sayso-csv/, sayso-parquet/, sayso-export.db for the others.",
        ),
    ] = None,
    timelinejs: Annotated[
        bool, typer.Option("--timelinejs", help="timeline: TimelineJS JSON, not vis-timeline.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output.")] = False,
) -> None:
    """Export every stored article's records for the tools analysts use.

    Examples:

      sayso export parquet --db news.db -o tables/

      sayso export sqlite -o corpus.db && datasette corpus.db

      sayso export ftm > entities.ftm.json

      sayso export timeline --timelinejs -o timeline.json
    """
    from rich.console import Console

    from sayso.cli.main import EXIT_CONFIG, _fail
    from sayso.export.registry import ExportOptions, get_exporter, run_export
    from sayso.store import open_store

    console = Console(stderr=True, highlight=False)
    try:
        exporter = get_exporter(fmt)
    except SaysoError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    if timelinejs and exporter.name != "timeline":
        raise _fail("--timelinejs goes with the timeline format only", EXIT_USAGE)
    try:
        with open_store(db, read_only=True) as store:
            if exporter.name == "sqlite" and store.dialect != "sqlite":
                console.print(
                    "note: the store is not SQLite, so the flat tables (as in the csv export) "
                    "are written to a new SQLite file instead of a copy of the store"
                )
            count, where = run_export(
                exporter,
                store,
                output,
                sys.stdout.buffer,
                ExportOptions(timelinejs=timelinejs),
                force=force,
            )
    except SaysoError as exc:
        raise _fail(str(exc), EXIT_CONFIG) from None
    sys.stdout.flush()
    console.print(f"exported {count} {exporter.counts} as {exporter.name} to {where}")
