"""``sayso export FORMAT``: the corpus in a format another tool reads."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sayso.cli.corpus import DbOpt, read_store
from sayso.cli.output import EXIT_CONFIG, EXIT_USAGE, fail, progress_bar
from sayso.errors import ConfigError, SaysoError


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

    from sayso.export.registry import ExportOptions, get_exporter, run_export

    console = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        exporter = get_exporter(fmt)
    except SaysoError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    if timelinejs and exporter.name != "timeline":
        raise fail("--timelinejs goes with the timeline format only", EXIT_USAGE)
    with read_store(db) as store, progress_bar("exporting", None, console) as bar:
        if console.is_terminal:  # counting every table costs a query each: only for a bar
            bar.stage("exporting", 0, store.status().tables.get("articles"))
        try:
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
                ExportOptions(timelinejs=timelinejs, on_article=bar.advance),
                force=force,
            )
        except ConfigError as exc:  # an output that exists without --force
            raise fail(str(exc), EXIT_USAGE) from None
        except SaysoError as exc:  # an extra the format needs is missing
            raise fail(str(exc), EXIT_CONFIG) from None
    sys.stdout.flush()
    console.print(f"exported {count} {exporter.counts} as {exporter.name} to {where}")
