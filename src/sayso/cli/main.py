"""The ``sayso`` command: thin subcommands that call the library and render its results.

Exit codes: 0 all inputs analysed; 1 at least one input failed (the others were still
analysed); 2 bad usage; 3 the spaCy model or a configuration is missing.
"""

from __future__ import annotations

import enum
import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sayso import __version__
from sayso.errors import InputError, SaysoError

if TYPE_CHECKING:
    from sayso.records import ArticleResult

EXIT_INPUT_FAILED = 1
EXIT_CONFIG = 3

app = typer.Typer(
    name="sayso",
    help=(
        "On whose say-so? Turn news articles into a sourced, checkable record: entities, "
        "statements with speaker, attribution chain and the outlet's stance, events, times "
        "and numbers."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)


class OutputFormat(enum.StrEnum):
    auto = "auto"
    text = "text"
    json = "json"
    jsonl = "jsonl"
    md = "md"
    html = "html"
    vis = "vis"
    timelinejs = "timelinejs"
    csv = "csv"


def _stderr_console() -> Any:
    from rich.console import Console

    # soft_wrap: a message is one line however long, never broken at the terminal's width.
    return Console(stderr=True, soft_wrap=True)


def _fail(message: str, code: int) -> typer.Exit:
    from rich.markup import escape

    _stderr_console().print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer", "warcio")
"""Libraries whose own log lines (several lines long, with raw page text or bytes) are shown
only with ``--verbose``: what matters reaches the user as sayso's own one-line messages."""


def quiet_library_logs(verbose: bool) -> None:
    """Let the libraries of ``LIBRARY_LOGGERS`` log only when ``verbose``."""
    for name in LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.CRITICAL + 1)


def _setup_logging(verbose: bool) -> None:
    from rich.logging import RichHandler

    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(message)s",
        handlers=[RichHandler(console=_stderr_console(), show_path=False)],
    )
    quiet_library_logs(verbose)


@dataclass(frozen=True, slots=True)
class AnalysisArgs:
    """The options every analysing subcommand shares: which model and stages, how to read."""

    model: str
    stages: str | None
    fetch: bool
    max_bytes: int
    verbose: bool
    fetch_private: bool = False


def _results(inputs: list[str], args: AnalysisArgs) -> Iterator[ArticleResult | InputError]:
    from sayso.ingest.sources import ReadOptions
    from sayso.nlp.components import DEFAULT_STAGES
    from sayso.pipeline import Pipeline

    stages = args.stages
    names = tuple(s.strip() for s in stages.split(",")) if stages else DEFAULT_STAGES
    pipeline = Pipeline(args.model or _default_model(), stages=names)
    options = ReadOptions(
        max_bytes=args.max_bytes, fetch=args.fetch, allow_private=args.fetch_private
    )
    yield from pipeline.analyze_inputs(inputs, options)


Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Files, directories, globs, WARC/feed/JSONL files, URLs (with --fetch), or - "
        "for standard input.",
        show_default=False,
    ),
]
ModelOpt = Annotated[str, typer.Option("--model", help="spaCy pipeline to load, by package name.")]
FetchOpt = Annotated[bool, typer.Option("--fetch", help="Allow downloading URLs.")]
FetchPrivateOpt = Annotated[
    bool,
    typer.Option(
        "--fetch-private",
        help="With --fetch, also download from loopback, private, link-local and reserved "
        "addresses (refused by default).",
    ),
]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", help="Skip inputs larger than this many bytes.")
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Log debugging detail.")]


def _default_model() -> str:
    from sayso.nlp.loader import DEFAULT_MODEL

    return DEFAULT_MODEL


@app.command(
    epilog=(
        "Examples:\n\n"
        "  sayso analyze examples/article.txt\n\n"
        "  sayso analyze page.html --format html -o page.sayso.html\n\n"
        "  sayso analyze dump.jsonl --format jsonl > results.jsonl\n\n"
        "  curl -s https://example.org/story | sayso analyze -"
    )
)
def analyze(
    inputs: Inputs,
    fmt: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="auto: a report on a terminal, JSON (one article) or JSONL when piped.",
        ),
    ] = OutputFormat.auto,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    model: ModelOpt = "",
    stages: Annotated[
        str | None,
        typer.Option("--stages", help="Comma-separated stages to run (default: all built-ins)."),
    ] = None,
    fetch: FetchOpt = False,
    fetch_private: FetchPrivateOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
    verbose: VerboseOpt = False,
) -> None:
    """Analyse articles: metadata, captions, removed junk, entities, statements, events."""
    args = AnalysisArgs(model, stages, fetch, max_bytes, verbose, fetch_private)
    _run_render(inputs, fmt, output, args, view="all")


def _run_render(
    inputs: list[str], fmt: OutputFormat, output: Path | None, args: AnalysisArgs, view: str
) -> None:
    from rich.markup import escape

    from sayso.cli import render

    if fmt is OutputFormat.csv and view not in render.CSV_COLUMNS:
        raise _fail(
            "CSV is one table per view: use `sayso quotes|entities|timeline --format csv`, "
            "or `sayso export csv` for every record kind",
            2,
        )
    _setup_logging(args.verbose)
    try:
        out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    except OSError as exc:
        raise _fail(_write_failed(output, exc), EXIT_CONFIG) from None
    chosen = fmt
    if fmt is OutputFormat.auto:
        if out.isatty():
            chosen = OutputFormat.text
        else:
            chosen = OutputFormat.jsonl if _many(inputs) else OutputFormat.json
    table = render.CsvView(view, out) if chosen is OutputFormat.csv else None
    failed = 0
    analysed = 0
    try:
        try:
            for item in _results(inputs, args):
                if isinstance(item, InputError):
                    failed += 1
                    _stderr_console().print(f"[red]skipped[/] {escape(str(item))}", highlight=False)
                    continue
                analysed += 1
                if table is not None:
                    table.write(item)
                else:
                    render.write(item, chosen.value, out, view=view)
            out.flush()
        finally:
            if output:
                out.close()
    except SaysoError as exc:
        raise _fail(str(exc), EXIT_CONFIG) from None
    except OSError as exc:  # a full disk, a closed pipe: the output is what failed
        raise _fail(_write_failed(output, exc), EXIT_CONFIG) from None
    if analysed + failed > 1 or failed:
        _stderr_console().print(
            f"{analysed} article(s) analysed, {failed} input(s) failed", highlight=False
        )
    if failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


def _write_failed(output: Path | None, exc: OSError) -> str:
    import errno

    where = str(output) if output else "standard output"
    advice = "free some space or write elsewhere"
    if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        advice = "check the path and its permissions"
    return f"could not write to {where}: {exc.strerror or exc}; {advice}"


def _many(inputs: list[str]) -> bool:
    if len(inputs) != 1:
        return True
    only = inputs[0]
    if only == "-" or only.startswith(("http://", "https://")):
        return False
    path = Path(only)
    return (
        path.is_dir()
        or path.suffix.lower() in {".jsonl", ".ndjson", ".warc", ".gz", ".xml", ".rss", ".atom"}
        or any(ch in only for ch in "*?[")
    )


OptionalInputs = Annotated[
    list[str] | None,
    typer.Argument(
        help="Articles to analyse (files, directories, URLs with --fetch, - for stdin); "
        "leave out to query the store instead.",
        show_default=False,
    ),
]
StoreDbOpt = Annotated[
    str | None, typer.Option("--db", envvar="SAYSO_DB", help="The store (default ./sayso.db).")
]


@app.command(
    epilog=(
        "Examples:\n\n  sayso entities examples/article.txt --format json\n\n"
        "  sayso entities candidates --db news.db --judgments judgments.jsonl"
        "   # uncertain merges across the corpus"
    )
)
def entities(
    inputs: OptionalInputs = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.auto,
    db: StoreDbOpt = None,
    judgments: Annotated[
        Path, typer.Option("--judgments", help="With `candidates`: the judgments file.")
    ] = Path("judgments.jsonl"),
    model: ModelOpt = "",
    fetch: FetchOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
    verbose: VerboseOpt = False,
) -> None:
    """Print the entity table of articles (names, types, aliases, titles, mentions), or with
    `candidates`, the store's uncertain cross-article merges to accept or reject."""
    if inputs and inputs[0] == "candidates":
        from sayso.cli.corpus_links import entities_candidates_command

        text_formats = {OutputFormat.auto: "text", OutputFormat.text: "text"}
        entities_candidates_command(db, judgments, text_formats.get(fmt, fmt.value))
        return
    if not inputs:
        raise _fail("give articles to analyse, or `candidates` to review merges", 2)
    args = AnalysisArgs(model, "entities", fetch, max_bytes, verbose)
    _run_render(inputs, fmt, None, args, view="entities")


@app.command(
    epilog=(
        "Examples:\n\n  sayso quotes examples/article.txt\n\n"
        "  sayso quotes --speaker Soleimani --db news.db --format csv"
    )
)
def quotes(
    inputs: OptionalInputs = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.auto,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Query the store for this speaker's quotes.")
    ] = None,
    db: StoreDbOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many from the store.")] = 100,
    model: ModelOpt = "",
    fetch: FetchOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
    verbose: VerboseOpt = False,
) -> None:
    """Print statements with speaker, stance and attribution chain: of the given articles, or
    from the store (`--speaker`)."""
    if not inputs:
        from dataclasses import asdict

        from sayso.cli.corpus import _emit
        from sayso.store import open_store

        try:
            with open_store(db, read_only=True) as store:
                rows = store.statements(speaker=speaker, limit=limit)
        except SaysoError as exc:
            raise _fail(str(exc), EXIT_CONFIG) from None
        chosen = {"auto": "text", "text": "text", "json": "json", "jsonl": "json"}
        _emit([asdict(r) for r in rows], chosen.get(fmt.value, fmt.value))
        return
    args = AnalysisArgs(model, "entities,statements", fetch, max_bytes, verbose)
    _run_render(inputs, fmt, None, args, view="statements")


@app.command(
    epilog=(
        "Examples:\n\n  sayso numbers examples/article.txt\n\n"
        "  sayso numbers reports/ --format csv > numbers.csv"
    )
)
def numbers(
    inputs: Inputs,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.auto,
    model: ModelOpt = "",
    fetch: FetchOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
    verbose: VerboseOpt = False,
) -> None:
    """Print the numbers of articles (value, unit, what is counted, where, of what whole, as of
    when) and the flags where they contradict each other."""
    args = AnalysisArgs(model, "time,numbers", fetch, max_bytes, verbose)
    _run_render(inputs, fmt, None, args, view="numbers")


@app.command(
    epilog=(
        "Examples:\n\n  sayso timeline examples/article.txt --format json\n\n"
        "  sayso timeline examples/article.txt --format vis > items.json   # vis-timeline\n\n"
        "  sayso timeline examples/article.txt --format timelinejs > tl.json\n\n"
        "  sayso timeline --entity Soleimani --db news.db"
    )
)
def timeline(
    inputs: OptionalInputs = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.auto,
    entity: Annotated[
        str | None,
        typer.Option("--entity", help="From the store: the events of articles naming it."),
    ] = None,
    db: StoreDbOpt = None,
    model: ModelOpt = "",
    fetch: FetchOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
    verbose: VerboseOpt = False,
) -> None:
    """Print events in time order, each with its evidence: of the given articles, or across
    the store for one entity (`--entity`)."""
    if inputs:
        args = AnalysisArgs(model, None, fetch, max_bytes, verbose)
        _run_render(inputs, fmt, None, args, view="timeline")
        return
    if not entity:
        raise _fail("give articles, or --entity NAME to read the store", 2)
    from sayso.cli import render
    from sayso.store import open_store

    chosen = OutputFormat.text if fmt is OutputFormat.auto and sys.stdout.isatty() else fmt
    if chosen is OutputFormat.auto:
        chosen = OutputFormat.jsonl
    table = render.CsvView("timeline", sys.stdout) if chosen is OutputFormat.csv else None
    try:
        with open_store(db, read_only=True) as store:
            seen: set[str] = set()
            for row in store.entities(name=entity, limit=500):
                if row.article_id in seen:
                    continue
                seen.add(row.article_id)
                result = store.get(row.article_id)
                if table is not None:
                    table.write(result)
                else:
                    render.write(result, chosen.value, sys.stdout, view="timeline")
    except SaysoError as exc:
        raise _fail(str(exc), EXIT_CONFIG) from None


@app.command(
    epilog=(
        "Examples:\n\n"
        "  sayso serve --db news.db\n\n"
        "  SAYSO_TOKEN=$(openssl rand -hex 16) sayso serve --host 0.0.0.0 --port 8080"
    )
)
def serve(
    db: Annotated[
        str | None, typer.Option("--db", help="The store to show (default ./sayso.db).")
    ] = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; other than loopback needs a token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="SAYSO_TOKEN", help="Every request must carry it."),
    ] = None,
    allow_upload: Annotated[
        bool, typer.Option("--allow-upload", help="Let visitors store analysed articles.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Server processes (default: one per core, at most 4)."),
    ] = None,
) -> None:
    """Serve the web app over a store: articles, statements, entities, timeline, network."""
    try:
        from sayso.web.app import serve as run_server
    except ImportError as exc:
        raise _fail(
            f"the web app needs its extra: pip install 'sayso[web]' ({exc})", EXIT_CONFIG
        ) from None
    try:
        run_server(db, host, port, token, allow_upload, workers=workers)
    except SaysoError as exc:
        raise _fail(str(exc), EXIT_CONFIG) from None


@app.command()
def schema() -> None:
    """Print the JSON Schema of sayso's output (``sayso/1``)."""
    from sayso.records import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


def _version_callback(value: bool) -> None:
    if value:
        sys.stdout.write(f"sayso {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """sayso: on whose say-so?"""


def main() -> None:
    """Console-script entry point."""
    app()


def _register_commands() -> None:
    from sayso.cli.corpus import (
        check_command,
        ingest_command,
        migrate_command,
        prerender_command,
        search_command,
        status_command,
    )
    from sayso.cli.corpus_links import claims_command, entity_command, link_command
    from sayso.cli.evaluate import eval_command, gate_command
    from sayso.cli.export import export_command
    from sayso.cli.link_kb import link_kb_command

    app.command("eval")(eval_command)
    app.command("gate")(gate_command)
    app.command("ingest")(ingest_command)
    app.command("status")(status_command)
    app.command("check")(check_command)
    app.command("migrate")(migrate_command)
    app.command("prerender")(prerender_command)
    app.command("search")(search_command)
    app.command("export")(export_command)
    app.command("link")(link_command)
    app.command("claims")(claims_command)
    app.command("entity")(entity_command)
    app.command("kblink")(link_kb_command)


_register_commands()
