"""The CLI's one rule for output, and its one-line errors.

Every view takes ``--format``. ``auto`` (the default) means a table with headers, or a report,
when standard output is a terminal, and JSON when it is piped: one JSON document for a single
object (one article, a status), JSON Lines for a stream of rows or articles. A view lists only
the formats it has, so any other is a usage error (exit 2) before anything runs.

Errors go to standard error as one line, ``error: what happened; what to do``, never wrapped,
whatever the width of the terminal or the pipe.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Literal, TextIO

import typer

EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2
EXIT_CONFIG = 3

ViewFormat = Literal["auto", "text", "json", "jsonl", "csv"]
"""The formats of a view over rows (store queries, review lists)."""
ReportFormat = Literal["auto", "text", "json"]
"""The formats of a view of one object (status, doctor)."""


def one_line(message: str) -> str:
    """``message`` with every run of whitespace, newlines included, made one space."""
    return " ".join(message.split())


def error_line(message: str) -> None:
    """Write ``error: message`` to standard error as one unwrapped line (red on a terminal)."""
    text = one_line(message)
    if sys.stderr.isatty():
        sys.stderr.write(f"\x1b[1;31merror:\x1b[0m {text}\n")
    else:
        sys.stderr.write(f"error: {text}\n")
    sys.stderr.flush()


def fail(message: str, code: int) -> typer.Exit:
    """Report ``message`` as one line and return the Exit to raise with ``code``."""
    error_line(message)
    return typer.Exit(code)


class ProgressBar:
    """One bar of a long command on standard error; every method does nothing when standard
    error is not a terminal, so logs and pipes stay clean."""

    def __init__(self, progress: Any = None, task: Any = None) -> None:
        self._progress = progress
        self._task = task

    def advance(self, steps: int = 1) -> None:
        """Count ``steps`` more done."""
        if self._progress is not None:
            self._progress.advance(self._task, steps)

    def stage(self, label: str, done: int, total: int | None) -> None:
        """Show ``label`` with ``done`` of ``total`` (``None``: not known yet)."""
        if self._progress is not None:
            self._progress.update(self._task, description=label, completed=done, total=total)


@contextmanager
def progress_bar(label: str, total: int | None, console: Any = None) -> Iterator[ProgressBar]:
    """A bar labelled ``label`` with ``total`` steps (``None``: unknown) on ``console``, a rich
    Console (standard error by default), shown only on a terminal and gone when done."""
    from rich.console import Console

    shown = console if console is not None else Console(stderr=True, soft_wrap=True)
    if not shown.is_terminal:
        yield ProgressBar()
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=shown, transient=True) as progress:
        yield ProgressBar(progress, progress.add_task(label, total=total))


def resolve(fmt: str, *, piped: str, out: TextIO | None = None) -> str:
    """The format to write: ``auto`` becomes ``text`` on a terminal and ``piped`` otherwise."""
    if fmt != "auto":
        return fmt
    stream = out if out is not None else sys.stdout
    return "text" if stream.isatty() else piped


def write_rows(
    rows: Sequence[Mapping[str, Any]],
    fmt: str,
    *,
    title: str,
    columns: Sequence[str] | None = None,
    out: TextIO | None = None,
) -> None:
    """Rows as a terminal table with headers, JSON (one array), JSON Lines or CSV.

    ``columns`` picks and orders the table's and CSV's columns (default: every key of the first
    row); JSON keeps every key. Floats are shown to two decimals in the table.
    """
    stream = out if out is not None else sys.stdout
    chosen = resolve(fmt, piped="jsonl", out=stream)
    names = list(columns) if columns is not None else list(rows[0]) if rows else []
    if chosen == "json":
        stream.write(json.dumps(list(rows), indent=2, ensure_ascii=False, default=str) + "\n")
    elif chosen == "jsonl":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif chosen == "csv":
        import csv

        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([_cell(row.get(name)) for name in names] for row in rows)
    else:
        _table(rows, names, title, stream)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, Iterable) and not isinstance(value, str | bytes | Mapping):
        return "; ".join(str(v) for v in value)
    return str(value)


def _table(
    rows: Sequence[Mapping[str, Any]], names: Sequence[str], title: str, out: TextIO
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, highlight=False)
    if not rows:
        console.print(f"{title}: none", markup=False)
        return
    table = Table(title=title)
    for name in names:
        table.add_column(name.replace("_", " "), overflow="fold")
    for row in rows:
        table.add_row(*(Text(_cell(row.get(name))) for name in names))
    console.print(table)
