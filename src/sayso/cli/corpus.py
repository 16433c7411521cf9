"""``sayso ingest``, ``sayso status`` and ``sayso search``: a corpus in a store."""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sayso.cli.options import OutletOpt, PublishedOpt, UrlOpt
from sayso.cli.output import (
    EXIT_CONFIG,
    EXIT_USAGE,
    ReportFormat,
    ViewFormat,
    fail,
    progress_bar,
    write_rows,
)
from sayso.errors import InputError, SaysoError, install_hint

if TYPE_CHECKING:
    from sayso.store import Store

WRITE_BATCH = 16
"""Articles per store transaction in ``sayso ingest``: large enough that commits cost little
next to inserting (0.006 s of writer CPU per article at 16 on the benchmark corpus), small
enough that the progress bar moves every few seconds and a killed run re-analyses little."""

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="sqlite:///path.db, a path, or postgresql://... (default: ./sayso.db).",
        envvar="SAYSO_DB",
    ),
]


@contextmanager
def read_store(db: str | None, *, migrate: bool = False, writes: bool = False) -> Iterator[Store]:
    """The existing store ``db`` for a command that reads it: one that does not exist is a
    usage error naming the path and how to make one (only ``sayso ingest`` creates stores);
    any other store error is reported as one line. It is opened read-only unless the command
    ``writes`` to it (``link``, ``prerender``) or migrates it."""
    from sayso.store import StoreNotFoundError, open_store
    from sayso.store.errors import QueryTooComplexError

    try:
        store = open_store(db, migrate=migrate, create=False, read_only=not (migrate or writes))
    except StoreNotFoundError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    except SaysoError as exc:
        raise fail(str(exc), EXIT_CONFIG) from None
    try:
        with store:
            yield store
    except QueryTooComplexError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    except SaysoError as exc:
        raise fail(str(exc), EXIT_CONFIG) from None


def _in_range(published: str | None, since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    if not published:
        return False
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return False
    return (since is None or day >= since) and (until is None or day <= until)


def ingest_command(
    sources: Annotated[
        list[str],
        typer.Argument(help="Directories, globs, files (text, HTML, WARC, feeds, JSONL), URLs."),
    ],
    db: DbOpt = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes.")] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="A Dask scheduler, e.g. tcp://10.0.0.1:8786."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", help="Stop after this many articles.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only articles published on/after YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only articles published on/before YYYY-MM-DD.")
    ] = None,
    fetch: Annotated[bool, typer.Option("--fetch", help="Allow downloading URLs.")] = False,
    fetch_private: Annotated[
        bool,
        typer.Option(
            "--fetch-private",
            help="With --fetch, also download from loopback, private, link-local and reserved "
            "addresses (refused by default).",
        ),
    ] = False,
    prerender: Annotated[
        bool,
        typer.Option(
            "--prerender/--no-prerender",
            help="Then render the new articles' web pages ahead, as `sayso prerender` does "
            "(with the web extra installed).",
        ),
    ] = True,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Try inputs that failed before again.")
    ] = False,
    model: Annotated[str, typer.Option("--model", help="spaCy pipeline by name.")] = "",
    outlet: OutletOpt = None,
    published: PublishedOpt = None,
    url: UrlOpt = None,
) -> None:
    """Analyse a corpus into the store: idempotent, resumable, one writer.

    Examples:

      sayso ingest news/ --workers 2

      sayso ingest 'cc-news/*.warc.gz' --db postgresql://me@127.0.0.1/news --limit 10000

      sayso ingest feed.xml --fetch --since 2024-01-01
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import (
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from sayso.cli.main import given_metadata, quiet_library_logs
    from sayso.cli.output import EXIT_INPUT_FAILED
    from sayso.ingest.sources import ReadOptions, count_items, iter_articles
    from sayso.nlp.loader import DEFAULT_MODEL
    from sayso.records import Article
    from sayso.runners import PipelineConfig, make_runner
    from sayso.store import open_store
    from sayso.store.flatten import PreparedArticle

    console = Console(stderr=True, highlight=False, soft_wrap=True)
    given = given_metadata(outlet, published, url)
    quiet_library_logs(verbose=False)
    try:
        since_day = date.fromisoformat(since) if since else None
        until_day = date.fromisoformat(until) if until else None
    except ValueError:
        raise fail("--since/--until take dates as YYYY-MM-DD", EXIT_USAGE) from None
    counts: Counter[str] = Counter()
    started = time.monotonic()
    try:
        store = open_store(db)
        runner = make_runner(
            PipelineConfig(model=model or DEFAULT_MODEL), workers=workers, scheduler=scheduler
        )
    except SaysoError as exc:
        raise fail(str(exc), EXIT_CONFIG) from None

    def skipped(kind: str) -> None:
        counts[kind] += 1
        progress.advance(task)

    def to_analyse() -> Iterator[Article]:
        options = ReadOptions(fetch=fetch, allow_private=fetch_private, given=given)
        for item in iter_articles(sources, options):
            if isinstance(item, InputError):
                store.record_failure(item.location, None, item.reason)
                skipped("failed")
                console.print(f"[red]failed[/] {escape(str(item))}")
                continue
            where, record = item.source.location, item.source.record
            if store.seen(where, record, count_failed=not retry_failed):
                skipped("already seen")
                continue
            published = item.metadata.published.value if item.metadata.published else None
            if not _in_range(published, since_day, until_day):
                skipped("outside dates")
                continue
            yield item
            counts["sent"] += 1
            if limit is not None and counts["sent"] >= limit:
                return

    with (
        store,
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} articles/s"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        ) as progress,
    ):
        # The total: every input item (articles and failures) when their number is known
        # without reading them all (plain files, JSON Lines); --limit stops early.
        task = progress.add_task("ingesting", total=count_items(sources), rate="0.0")
        pending: list[PreparedArticle] = []

        def write_pending() -> None:
            for fate in store.add_prepared(pending):
                counts[fate] += 1
            elapsed = max(time.monotonic() - started, 1e-9)
            done = counts["ingested"] + counts["duplicate"]
            progress.update(task, advance=len(pending), rate=f"{done / elapsed:.1f}")
            pending.clear()

        try:
            # Workers encode their results as store rows; the writer inserts a batch per
            # transaction (a third of the per-article writer CPU of one-by-one adds).
            for prepared in runner.run_prepared(to_analyse()):
                pending.append(prepared)
                if len(pending) >= WRITE_BATCH:
                    write_pending()
            write_pending()
            progress.update(task, total=progress.tasks[0].completed)  # done, whatever --limit
        except (SaysoError, KeyboardInterrupt) as exc:
            # What was analysed before the failure or the interrupt is kept, so that a rerun
            # starts after it; a store that cannot take it fails again and says so below.
            with contextlib.suppress(SaysoError):
                write_pending()
            if isinstance(exc, KeyboardInterrupt):
                raise
            raise fail(str(exc), EXIT_CONFIG) from None
        finally:
            runner.close()
    if prerender and counts["ingested"]:
        _prerender_pages(db, console)
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()) if k != "sent")
    console.print(f"done in {time.monotonic() - started:.1f}s: {summary or 'nothing to do'}")
    if counts["failed"]:
        raise typer.Exit(EXIT_INPUT_FAILED)


def _prerender_pages(db: str | None, console: Any) -> None:
    """Keep the web pages of newly stored articles rendered, so that `sayso serve` shows
    them on first view without decoding (about 10 ms per article; nothing without the web
    extra, whose absence only means pages are rendered when first asked for)."""
    try:
        from sayso.web.page_cache import prerender
    except ImportError:
        return
    with read_store(db, writes=True) as store:
        count = prerender(store)
    console.print(f"{count} web pages rendered ahead")


def migrate_command(db: DbOpt = None) -> None:
    """Upgrade a store written by an older sayso to this version's schema (back it up first).

    Example: cp news.db news.db.bak && sayso migrate --db news.db
    """
    with read_store(db, migrate=True) as store:
        version = store.status().schema_version
    sys.stderr.write(f"store at schema {version}\n")


def prerender_command(
    db: DbOpt = None,
    limit: Annotated[
        int | None, typer.Option("--limit", help="Render at most this many articles.")
    ] = None,
) -> None:
    """Render every stored article's web page ahead of time, so that `sayso serve` shows
    each one on first view without decoding its record (run it after `sayso ingest`; a
    server may be running meanwhile).

    Example: sayso ingest news/ --db news.db && sayso prerender --db news.db
    """
    try:
        from sayso.web.page_cache import prerender
    except ImportError as exc:
        message = f"pages need the web extra: {install_hint('web')} ({exc})"
        raise fail(message, EXIT_CONFIG) from None

    started = time.monotonic()
    with read_store(db, writes=True) as store, progress_bar("rendering", None) as bar:
        count = prerender(
            store, limit=limit, progress=lambda done, total: bar.stage("rendering", done, total)
        )
    sys.stderr.write(f"rendered {count} pages in {time.monotonic() - started:.0f}s\n")


def status_command(
    db: DbOpt = None,
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="auto: tables on a terminal, JSON when piped."),
    ] = "auto",
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
) -> None:
    """Counts per input fate and per record kind, and the latest failures.

    Example: sayso status --db news.db
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from sayso.cli.output import resolve

    with read_store(db) as store:
        status = store.status()
    if as_json or resolve(fmt, piped="json") == "json":
        sys.stdout.write(json.dumps(asdict(status), default=str, indent=2) + "\n")
        return
    console = Console(highlight=False)
    console.print(f"[bold]{status.url}[/] (schema {status.schema_version})")
    table = Table("inputs", "count")
    for fate, n in status.fates.items():
        table.add_row(fate, str(n))
    console.print(table)
    rows = Table("records", "count")
    for name, n in status.tables.items():
        rows.add_row(name, str(n))
    console.print(rows)
    for failure in status.recent_failures:
        console.print(
            f"[red]failed[/] {escape(failure.location)} {escape(failure.record or '')}: "
            f"{escape(failure.reason)}"
        )


def search_command(
    query: Annotated[str, typer.Argument(help="Words or phrases; quotes for exact phrases.")],
    db: DbOpt = None,
    kind: Annotated[
        str, typer.Option("--kind", help="articles, statements or entities.")
    ] = "statements",
    limit: Annotated[int, typer.Option("--limit")] = 20,
    fmt: Annotated[
        ViewFormat,
        typer.Option("--format", "-f", help="auto: a table on a terminal, JSON Lines when piped."),
    ] = "auto",
) -> None:
    """Full-text search over article text, statements or entity names.

    Example: sayso search '"conspiracy theory"' --kind statements --format csv
    """
    if kind not in ("articles", "statements", "entities"):
        raise fail("--kind takes articles, statements or entities", EXIT_USAGE)
    with read_store(db) as store:
        hits = store.search(query, kind=kind, limit=limit)  # type: ignore[arg-type]
    write_rows(
        [asdict(h) for h in hits],
        fmt,
        title=f"Search {kind}: {query}",
        columns=("snippet", "title", "article_id", "record_id", "score"),
    )


def check_command(db: DbOpt = None) -> None:
    """Check a store for damage: SQLite's integrity check of every table and index, and the
    full-text search indexes against their tables. Nothing is written.

    Exit 0 when the store is sound; otherwise each problem is printed and the exit code is 3.

    Example: sayso check --db news.db
    """
    from sayso.store import StoreNotFoundError, open_store
    from sayso.store.errors import StoreDamagedError

    try:
        with open_store(db, create=False, read_only=True) as store:
            label = store.url
            problems = store.check()
    except StoreNotFoundError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    except StoreDamagedError as exc:
        problems, label = [exc.detail or str(exc)], db or "sayso.db"
    except SaysoError as exc:
        raise fail(str(exc), EXIT_CONFIG) from None
    notes = [p for p in problems if p.startswith("the search indexes were not checked")]
    damage = [p for p in problems if p not in notes]
    for line in notes:
        sys.stderr.write(f"note: {line}\n")
    if not damage:
        sys.stderr.write(f"{label}: no damage found\n")
        return
    for line in damage[:20]:
        sys.stderr.write(f"damaged: {line}\n")
    raise fail(
        f"{label} is damaged ({len(damage)} problem(s)): stop writing to it, restore it from a "
        "backup, or ingest the inputs again into a new store (`sayso export` may still read "
        "what is intact)",
        EXIT_CONFIG,
    )
