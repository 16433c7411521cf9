"""Command-line options that several commands share, in a module of their own so that a
command module can use them without importing ``sayso.cli.main`` (which imports the command
modules to register them)."""

from __future__ import annotations

from typing import Annotated

import typer

OutletOpt = Annotated[
    str | None,
    typer.Option("--outlet", help="The outlet that published the input(s), e.g. 'Reuters'."),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD or ISO 8601 date-time)."),
]
UrlOpt = Annotated[
    str | None,
    typer.Option("--url", help="The article's URL (names the outlet, and the date if it has one)."),
]
