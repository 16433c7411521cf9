"""Export formats by name: what ``sayso export FORMAT`` runs.

A format writes either to a stream (standard output, or a file with ``-o``), to a directory
of files (``csv``, ``parquet``), or to one file that must be named (``sqlite``). Nothing is
overwritten unless asked: a half-written export must never pass for a whole one, and an
analyst's earlier export should not vanish by a repeated command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from sayso.errors import ConfigError
from sayso.export.corpus import iter_results
from sayso.records import ArticleResult
from sayso.store import Store


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Options some formats take."""

    timelinejs: bool = False
    """``timeline``: TimelineJS JSON instead of vis-timeline items."""
    on_article: Callable[[], None] | None = None
    """Called once per stored article the export reads (for a progress bar)."""


def _results(store: Store, options: ExportOptions) -> Iterator[ArticleResult]:
    """The stored articles, reporting each one read to ``options.on_article``."""
    for result in iter_results(store):
        if options.on_article is not None:
            options.on_article()
        yield result


StreamWriter = Callable[[Iterable[ArticleResult], IO[bytes], ExportOptions], int]
PathWriter = Callable[[Store, Path, ExportOptions], int]


@dataclass(frozen=True, slots=True)
class Exporter:
    """One format: how it writes and what the count it returns counts."""

    name: str
    summary: str
    target: Literal["stream", "directory", "file"]
    counts: str
    """What the number a run returns counts: ``articles``, ``entities``, ``nodes``..."""
    stream: StreamWriter | None = None
    path: PathWriter | None = None
    default_path: str | None = None
    """Where a directory or file format writes when no ``-o`` is given."""
    files: tuple[str, ...] = ()
    """The file names a directory format writes, to check before overwriting."""
    companions: Callable[[Path], tuple[Path, ...]] | None = None
    """Files a file format writes beside its output (checked before overwriting too)."""


def _jsonl(results: Iterable[ArticleResult], stream: IO[bytes], _: ExportOptions) -> int:
    from sayso.export.jsonl import write_jsonl

    return write_jsonl(results, stream)


def _ftm(results: Iterable[ArticleResult], stream: IO[bytes], _: ExportOptions) -> int:
    from sayso.export.ftm import write_ftm

    return write_ftm(results, stream)


def _claimreview(results: Iterable[ArticleResult], stream: IO[bytes], _: ExportOptions) -> int:
    from sayso.export.claimreview import write_claimreview

    return write_claimreview(results, stream)


def _webannotation(results: Iterable[ArticleResult], stream: IO[bytes], _: ExportOptions) -> int:
    from sayso.export.web_annotation import write_web_annotations

    return write_web_annotations(results, stream)


def _prov(results: Iterable[ArticleResult], stream: IO[bytes], _: ExportOptions) -> int:
    from sayso.export.prov import write_prov

    return write_prov(results, stream)


def _gexf(results: Iterable[ArticleResult], stream: IO[bytes], _: ExportOptions) -> int:
    from sayso.export.graph import write_gexf

    return write_gexf(results, stream)


def _graphml(results: Iterable[ArticleResult], stream: IO[bytes], _: ExportOptions) -> int:
    from sayso.export.graph import write_graphml

    return write_graphml(results, stream)


def _timeline(results: Iterable[ArticleResult], stream: IO[bytes], options: ExportOptions) -> int:
    from sayso.export.timeline_json import write_timeline

    return write_timeline(results, stream, timelinejs_format=options.timelinejs)


def _csv(store: Store, directory: Path, options: ExportOptions) -> int:
    from sayso.export.csv_parquet import write_csv

    return write_csv(_results(store, options), directory)


def _parquet(store: Store, directory: Path, options: ExportOptions) -> int:
    from sayso.export.csv_parquet import write_parquet

    return write_parquet(_results(store, options), directory)


def _sqlite(store: Store, destination: Path, options: ExportOptions) -> int:
    from sayso.export.sqlite_copy import export_sqlite

    return export_sqlite(store, _results(store, options), destination)


def _sqlite_companions(destination: Path) -> tuple[Path, ...]:
    from sayso.export.sqlite_copy import metadata_path

    return (metadata_path(destination),)


def _table_files(suffix: str) -> tuple[str, ...]:
    from sayso.store.flatten import TABLES

    return tuple(f"{table.name}.{suffix}" for table in TABLES)


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("jsonl", "canonical records, one article per line", "stream", "articles", _jsonl),
        Exporter(
            "csv",
            "one CSV table per record kind, in a directory",
            "directory",
            "articles",
            path=_csv,
            default_path="sayso-csv",
            files=_table_files("csv"),
        ),
        Exporter(
            "parquet",
            "one Parquet table per record kind, in a directory",
            "directory",
            "articles",
            path=_parquet,
            default_path="sayso-parquet",
            files=_table_files("parquet"),
        ),
        Exporter(
            "sqlite",
            "one SQLite file for Datasette",
            "file",
            "articles",
            path=_sqlite,
            default_path="sayso-export.db",
            companions=_sqlite_companions,
        ),
        Exporter(
            "ftm", "FollowTheMoney entities (JSON lines) for Aleph", "stream", "entities", _ftm
        ),
        Exporter(
            "claimreview",
            "schema.org ClaimReview JSON-LD of the outlet's stance (not a fact check)",
            "stream",
            "claim reviews",
            _claimreview,
        ),
        Exporter(
            "webannotation",
            "W3C Web Annotation JSON-LD",
            "stream",
            "annotations",
            _webannotation,
        ),
        Exporter("gexf", "speaker/claim/entity graph for Gephi", "stream", "nodes", _gexf),
        Exporter("graphml", "speaker/claim/entity graph as GraphML", "stream", "nodes", _graphml),
        Exporter(
            "timeline",
            "dated events as vis-timeline JSON (--timelinejs: TimelineJS)",
            "stream",
            "events",
            _timeline,
        ),
        Exporter("prov", "attribution chains as W3C PROV-O JSON-LD", "stream", "nodes", _prov),
    )
}


def get_exporter(name: str) -> Exporter:
    """The exporter called ``name``; ConfigError naming the formats there are."""
    try:
        return EXPORTERS[name]
    except KeyError:
        known = ", ".join(EXPORTERS)
        raise ConfigError(f"no export format {name!r}: choose one of {known}") from None


def _refuse_overwrite(paths: Iterable[Path]) -> None:
    existing = [str(p) for p in paths if p.exists()]
    if existing:
        raise ConfigError(f"{', '.join(existing)} already exists: use --force to overwrite")


def run_export(
    exporter: Exporter,
    store: Store,
    output: Path | None,
    stdout: IO[bytes],
    options: ExportOptions = ExportOptions(),
    *,
    force: bool = False,
) -> tuple[int, str]:
    """Run ``exporter`` over the whole store; the count it reports and where it wrote."""
    if exporter.path is not None:
        destination = output or Path(exporter.default_path or exporter.name)
        targets = [destination / f for f in exporter.files] if exporter.files else [destination]
        targets += exporter.companions(destination) if exporter.companions else ()
        if not force:
            _refuse_overwrite(targets)
        return exporter.path(store, destination, options), str(destination)
    if exporter.stream is None:
        raise AssertionError(f"exporter {exporter.name} has no writer")
    if output is None:
        return exporter.stream(_results(store, options), stdout, options), "standard output"
    if not force:
        _refuse_overwrite([output])
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as handle:
        count = exporter.stream(_results(store, options), handle, options)
    return count, str(output)
