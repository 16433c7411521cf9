"""The ``sayso`` command: thin subcommands that call the library and render its results.

Exit codes: 0 all inputs analysed; 1 at least one input failed (the others were still
analysed); 2 bad usage (an unknown option or format, a --db that names no store, an output
file that exists without --force); 3 the spaCy model or a configuration is missing.
Output follows one rule (:mod:`sayso.cli.output`): tables or reports on a terminal, JSON or
JSON Lines when piped, and ``--format`` picks among the formats each view lists.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TextIO

import typer

from sayso import __version__
from sayso.cli.options import OutletOpt, PublishedOpt, UrlOpt
from sayso.cli.output import (
    EXIT_CONFIG,
    EXIT_INPUT_FAILED,
    EXIT_USAGE,
    error_line,
    fail,
    progress_bar,
    resolve,
)
from sayso.errors import ConfigError, InputError, SaysoError, install_hint

if TYPE_CHECKING:
    from sayso.ingest.given import GivenMetadata
    from sayso.records import ArticleResult

app = typer.Typer(
    name="sayso",
    help=(
        "On whose say-so? Turn news articles into a sourced, checkable record: entities, "
        "statements with speaker, attribution chain and the outlet's stance, events, times "
        "and numbers."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

AnalyzeFormat = Literal["auto", "text", "json", "jsonl", "md", "html", "vis", "timelinejs"]
TableFormat = Literal["auto", "text", "json", "jsonl", "csv"]
TimelineFormat = Literal["auto", "text", "json", "jsonl", "csv", "vis", "timelinejs"]
FORMAT_HELP = "auto: a table or report on a terminal, JSON (one article) or JSON Lines when piped."


def _stderr_console() -> Any:
    from rich.console import Console

    # soft_wrap: a message is one line however long, never broken at the terminal's width.
    return Console(stderr=True, soft_wrap=True)


def _fail(message: str, code: int) -> typer.Exit:
    return fail(message, code)


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
    given: GivenMetadata | None = None
    """What the user says of every input (``--outlet``, ``--published``, ``--url``)."""
    fetch_private: bool = False


def _results(inputs: list[str], args: AnalysisArgs) -> Iterator[ArticleResult | InputError]:
    from sayso.ingest.sources import ReadOptions
    from sayso.nlp.components import DEFAULT_STAGES
    from sayso.pipeline import Pipeline

    stages = args.stages
    names = tuple(s.strip() for s in stages.split(",")) if stages else DEFAULT_STAGES
    pipeline = Pipeline(args.model or _default_model(), stages=names)
    options = ReadOptions(
        max_bytes=args.max_bytes,
        fetch=args.fetch,
        allow_private=args.fetch_private,
        given=args.given,
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
ModelOpt = Annotated[
    str,
    typer.Option(
        "--model", help="spaCy pipeline to load, by package name (default en_core_web_sm)."
    ),
]
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
AttitudesOpt = Annotated[
    bool,
    typer.Option(
        "--attitudes",
        help="Also list attitudes (aims, requests, judgements, negated or unrealised sayings) "
        "beside quotes and claims.",
    ),
]


def given_metadata(
    outlet: str | None, published: str | None, url: str | None
) -> GivenMetadata | None:
    """The metadata given on the command line; exits 2 on a date or URL it cannot read."""
    from sayso.ingest.dates import iso_date
    from sayso.ingest.given import GivenMetadata
    from sayso.ingest.outlets import host_of

    if not (outlet or published or url):
        return None
    day = iso_date(published) if published else None
    if published and day is None:
        raise _fail(f"--published {published!r} is not a date; write it as YYYY-MM-DD", EXIT_USAGE)
    if url and host_of(url) is None:
        raise _fail(f"--url {url!r} is not an http(s) URL", EXIT_USAGE)
    return GivenMetadata(url=url, outlet=outlet, published=day, origin="argument")


def _default_model() -> str:
    from sayso.nlp.loader import DEFAULT_MODEL

    return DEFAULT_MODEL


@app.command(
    epilog=(
        "Examples:\n\n"
        "  sayso analyze examples/article.txt\n\n"
        "  sayso analyze page.html --format html -o page.sayso.html\n\n"
        "  sayso analyze dump.jsonl --format jsonl > results.jsonl\n\n"
        "  sayso analyze story.txt --outlet Reuters --published 2024-03-05\n\n"
        "  curl -s https://example.org/story | sayso analyze -"
    )
)
def analyze(
    inputs: Inputs,
    fmt: Annotated[AnalyzeFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = "auto",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the --output file if it exists.")
    ] = False,
    model: ModelOpt = "",
    stages: Annotated[
        str | None,
        typer.Option("--stages", help="Comma-separated stages to run (default: all built-ins)."),
    ] = None,
    fetch: FetchOpt = False,
    fetch_private: FetchPrivateOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
    outlet: OutletOpt = None,
    published: PublishedOpt = None,
    url: UrlOpt = None,
    attitudes: AttitudesOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Analyse articles: metadata, captions, removed junk, entities, statements, events.

    Plain text cannot say where or when it was published: give --outlet, --published and
    --url, put the same fields in each JSONL/CSV record, or write them in a story.meta.json
    beside story.txt.
    """
    given = given_metadata(outlet, published, url)
    args = AnalysisArgs(
        model, stages, fetch, max_bytes, verbose, given=given, fetch_private=fetch_private
    )
    _run_render(inputs, fmt, output, args, view="all", force=force, attitudes=attitudes)


def open_output(path: Path | None, force: bool) -> TextIO:
    """Standard output, or ``path`` opened for writing: an existing file only with --force."""
    if path is None:
        return sys.stdout
    if path.exists() and not force:
        raise _fail(f"{path} exists: pass --force to overwrite it, or pick another -o", EXIT_USAGE)
    try:
        return path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise _fail(_write_failed(path, exc), EXIT_USAGE) from None


def _run_render(
    inputs: list[str],
    fmt: str,
    output: Path | None,
    args: AnalysisArgs,
    view: str,
    *,
    force: bool = False,
    attitudes: bool = False,
) -> None:
    from sayso.cli import render

    _setup_logging(args.verbose)
    out = open_output(output, force)
    chosen = resolve(fmt, piped="jsonl" if _many(inputs) else "json", out=out)
    table = render.CsvView(view, out, attitudes=attitudes) if chosen == "csv" else None
    failed = 0
    analysed = 0
    try:
        try:
            with _progress(inputs) as advance:
                for item in _results(inputs, args):
                    advance()
                    if isinstance(item, InputError):
                        failed += 1
                        _stderr_console().print(f"skipped {item}", highlight=False, markup=False)
                        continue
                    analysed += 1
                    if table is not None:
                        table.write(item)
                    else:
                        render.write(item, chosen, out, view=view, attitudes=attitudes)
            out.flush()
        finally:
            if output:
                out.close()
    except ConfigError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
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


@contextmanager
def _progress(inputs: list[str]) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error, with the number of inputs' articles as its total
    when that is known, while many articles are analysed; nothing when stderr is piped."""
    from sayso.ingest.sources import count_items

    shown = _stderr_console()
    total = count_items(inputs) if shown.is_terminal else 0
    if not shown.is_terminal or total == 1:
        yield lambda: None
        return
    with progress_bar("analysing", total, shown) as bar:
        yield bar.advance


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
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = "auto",
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

        entities_candidates_command(db, judgments, fmt)
        return
    if not inputs:
        raise _fail("give articles to analyse, or `candidates` to review merges", EXIT_USAGE)
    args = AnalysisArgs(model, "entities", fetch, max_bytes, verbose)
    _run_render(inputs, fmt, None, args, view="entities")


@app.command(
    epilog=(
        "Examples:\n\n  sayso quotes examples/article.txt\n\n"
        "  sayso quotes --speaker Soleimani --db news.db --format csv\n\n"
        "  sayso quotes story.html --attitudes   # aims, requests and judgements too"
    )
)
def quotes(
    inputs: OptionalInputs = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = "auto",
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Query the store for this speaker's quotes.")
    ] = None,
    db: StoreDbOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many from the store.")] = 100,
    attitudes: AttitudesOpt = False,
    model: ModelOpt = "",
    fetch: FetchOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
    verbose: VerboseOpt = False,
) -> None:
    """Print quotes and claims with speaker, stance and attribution chain: of the given
    articles, or from the store (`--speaker`). Attitudes ("hopes to ...", "called for ...")
    are listed only with --attitudes; the JSON of `sayso analyze` keeps every statement."""
    from sayso.records.kinds import listed_kinds

    if not inputs:
        from dataclasses import asdict

        from sayso.cli.corpus import read_store
        from sayso.cli.output import write_rows

        kinds = listed_kinds(attitudes=attitudes)
        with read_store(db) as store:
            rows = store.statements(speaker=speaker, kind=kinds, limit=limit)
        write_rows(
            [asdict(r) for r in rows],
            fmt,
            title=f"Statements{f' of {speaker}' if speaker else ''}",
            columns=(
                "speaker_name",
                "speaker",
                "cue",
                "content",
                "stance",
                "outlet",
                "published_on",
            ),
        )
        return
    args = AnalysisArgs(model, "entities,statements", fetch, max_bytes, verbose)
    _run_render(inputs, fmt, None, args, view="statements", attitudes=attitudes)


@app.command(
    epilog=(
        "Examples:\n\n  sayso numbers examples/article.txt\n\n"
        "  sayso numbers reports/ --format csv > numbers.csv"
    )
)
def numbers(
    inputs: Inputs,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = "auto",
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
    fmt: Annotated[TimelineFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = "auto",
    entity: Annotated[
        str | None,
        typer.Option(
            "--entity",
            help="From the store: one chronology of the events it takes part in, each event "
            "once with every outlet reporting it.",
        ),
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
        raise _fail("give articles, or --entity NAME to read the store", EXIT_USAGE)
    from sayso.cli.dossier import timeline_of_entity

    timeline_of_entity(entity, db, fmt)


@app.command(
    epilog=(
        "Examples:\n\n"
        "  sayso serve --db news.db\n\n"
        "  SAYSO_TOKEN=$(openssl rand -hex 16) sayso serve --host 0.0.0.0 --port 8080\n\n"
        "  sayso serve --host 0.0.0.0 --token-file ~/.config/sayso/token"
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
    token_file: Annotated[
        Path | None,
        typer.Option(
            "--token-file",
            help="File holding the access token every request must carry (or set SAYSO_TOKEN; "
            "a token is never taken on the command line, where ps and shell history show it).",
        ),
    ] = None,
    token: Annotated[str | None, typer.Option("--token", hidden=True)] = None,
    allow_upload: Annotated[
        bool, typer.Option("--allow-upload", help="Let visitors store analysed articles.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Server processes (default: one per core, at most 4)."),
    ] = None,
) -> None:
    """Serve the web app over a store: articles, statements, entities, timeline, network."""
    if token is not None:
        raise _fail(
            "--token on the command line shows in ps and shell history: put the token in a "
            "file and pass --token-file, or set SAYSO_TOKEN",
            EXIT_USAGE,
        )
    try:
        from sayso.web.app import serve as run_server
    except ImportError as exc:
        raise _fail(
            f"the web app needs its extra: {install_hint('web')} ({exc})", EXIT_CONFIG
        ) from None
    from sayso.cli.corpus import read_store

    with read_store(db):
        pass
    secret = _read_token(token_file) if token_file else None
    try:
        run_server(db, host, port, secret, allow_upload, workers=workers)
    except SaysoError as exc:
        raise _fail(str(exc), EXIT_CONFIG) from None


def _read_token(path: Path) -> str:
    try:
        secret = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise _fail(f"cannot read the token file {path}: {exc.strerror}", EXIT_USAGE) from None
    if not secret:
        raise _fail(f"the token file {path} is empty", EXIT_USAGE)
    return secret


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
            "--version",
            "-V",
            callback=_version_callback,
            is_eager=True,
            help="Show the version (`sayso doctor` tells the model and extras).",
        ),
    ] = False,
) -> None:
    """sayso: on whose say-so?"""


def main(args: list[str] | None = None) -> None:
    """Console-script entry point: usage errors as one line and exit 2, as every error."""
    try:
        code = app(args=args, standalone_mode=False)
    except typer.TyperException as exc:  # click's usage errors (exit 2) and other failures
        status = int(getattr(exc, "exit_code", 1))
        ctx = getattr(exc, "ctx", None)
        hint = f" (see `{ctx.command_path} -h`)" if status == EXIT_USAGE and ctx else ""
        error_line(exc.format_message() + hint)
        sys.exit(status)
    except typer.Abort:
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


def _register_commands() -> None:
    from sayso.cli.corpus import (
        check_command,
        ingest_command,
        migrate_command,
        prerender_command,
        search_command,
        status_command,
    )
    from sayso.cli.corpus_links import claims_command, link_command
    from sayso.cli.doctor import doctor_command
    from sayso.cli.dossier import entity_command
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
    app.command("doctor")(doctor_command)


_register_commands()
