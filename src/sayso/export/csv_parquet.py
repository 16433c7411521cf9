"""``csv`` and ``parquet``: one file per table of ``sayso.store.flatten`` in a directory.

Both stream: rows are written as articles are read, so a corpus never has to fit in memory.
CSV files are UTF-8 with a header row; an empty cell is a missing value and booleans are
``true``/``false``. Parquet files carry typed columns (string, int64, float64, bool, all
nullable) and are written in row groups of ``ROW_GROUP_ROWS`` rows.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from sayso.export.optional import require
from sayso.records import ArticleResult
from sayso.store.flatten import TABLES, Row, Table, table_rows

ROW_GROUP_ROWS = 10_000
"""Rows buffered per table before a Parquet row group is written: large enough for good
compression, small enough to keep memory flat on a corpus of millions of mentions."""


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def write_csv(results: Iterable[ArticleResult], directory: Path) -> int:
    """Write ``<table>.csv`` for every table into ``directory``; how many articles."""
    directory.mkdir(parents=True, exist_ok=True)
    count = 0
    with ExitStack() as stack:
        writers = {}
        for table in TABLES:
            handle = stack.enter_context(
                (directory / f"{table.name}.csv").open("w", encoding="utf-8", newline="")
            )
            writer = csv.writer(handle)
            writer.writerow(table.column_names)
            writers[table.name] = writer
        for result in results:
            for name, rows in table_rows(result).items():
                writers[name].writerows([_csv_value(v) for v in row.values()] for row in rows)
            count += 1
    return count


_ARROW_TYPES = {"string": "string", "int": "int64", "float": "float64", "bool": "bool_"}


def _arrow_schema(pa: Any, table: Table) -> Any:
    return pa.schema(
        [pa.field(name, getattr(pa, _ARROW_TYPES[kind])()) for name, kind in table.columns]
    )


def write_parquet(results: Iterable[ArticleResult], directory: Path) -> int:
    """Write ``<table>.parquet`` for every table into ``directory``; how many articles."""
    pa = require("pyarrow", "the parquet export")
    pq = require("pyarrow.parquet", "the parquet export")
    directory.mkdir(parents=True, exist_ok=True)
    schemas = {table.name: _arrow_schema(pa, table) for table in TABLES}
    buffers: dict[str, list[Row]] = {table.name: [] for table in TABLES}
    count = 0
    with ExitStack() as stack:
        writers = {
            name: stack.enter_context(pq.ParquetWriter(directory / f"{name}.parquet", schema))
            for name, schema in schemas.items()
        }

        def flush(name: str) -> None:
            if buffers[name]:
                batch = pa.Table.from_pylist(buffers[name], schema=schemas[name])
                writers[name].write_table(batch)
                buffers[name] = []

        for result in results:
            for name, rows in table_rows(result).items():
                buffers[name].extend(rows)
                if len(buffers[name]) >= ROW_GROUP_ROWS:
                    flush(name)
            count += 1
        for name in buffers:
            flush(name)
    return count
