"""``sayso kblink``: link articles' entities to Wikidata, opt-in and cached.

Nothing is sent anywhere unless ``--wikidata`` is given. The pipeline runs the ``entities`` and
``time`` stages (dates are evidence), then :func:`sayso.entities.kb.link_entities` decides each
entity; ``--explain`` shows every candidate weighed. When Wikidata cannot be reached the entities
are printed unlinked, with a one-line warning, and the exit code stays 0.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from sayso.entities.wikidata import DEFAULT_ENDPOINT, ENDPOINT_ENV
from sayso.errors import InputError, SaysoError

if TYPE_CHECKING:
    from sayso.entities.kb import LinkDecision
    from sayso.records import ArticleResult, Entity

EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2
EXIT_CONFIG = 3
LINK_STAGES = ("entities", "time")
NOT_LINKABLE = "type or name not linked"


LinkFormat = Literal["auto", "text", "json", "jsonl"]


def _stderr(message: str) -> None:
    from rich.console import Console

    Console(stderr=True, soft_wrap=True).print(message, highlight=False, markup=False)


def _article_json(
    result: ArticleResult, decisions: dict[str, LinkDecision], explain: bool, note: str | None
) -> dict[str, Any]:
    entities = []
    undecided = "linking skipped" if note else NOT_LINKABLE
    for entity in result.entities:
        decision = decisions.get(entity.id)
        row: dict[str, Any] = {
            "id": entity.id,
            "name": entity.name,
            "type": entity.type,
            "links": [asdict(link) for link in entity.links],
            "decision": decision.reason if decision else undecided,
        }
        if explain and decision:
            row["candidates"] = [
                {
                    "id": s.candidate.id,
                    "label": s.candidate.label,
                    "description": s.candidate.description,
                    "score": s.score,
                    "evidence": s.evidence,
                }
                for s in decision.candidates
            ]
        entities.append(row)
    return {
        "article": result.article.id,
        "title": result.article.metadata.title,
        "entities": entities,
        "diagnostics": [note] if note else [],
    }


def _print_text(
    result: ArticleResult, decisions: dict[str, LinkDecision], explain: bool, note: str | None
) -> None:
    from rich.console import Console
    from rich.table import Table

    title = result.article.metadata.title or result.article.id
    undecided = "linking skipped" if note else NOT_LINKABLE
    table = Table(title=title, show_lines=explain)
    for column in ("entity", "type", "wikidata", "score", "evidence or reason"):
        table.add_column(column)
    for entity in result.entities:
        decision = decisions.get(entity.id)
        link = next((link for link in entity.links if link.kb == "wikidata"), None)
        if link is not None:
            cells = [f"{link.id} {link.label}", f"{link.score:.2f}", link.evidence]
        else:
            reason = decision.reason if decision else undecided
            cells = ["—", "", reason]
        if explain and decision:
            cells[2] += "".join(
                f"\n  {s.candidate.id} {s.candidate.label} ({s.candidate.description}) "
                f"{s.score:.2f}: {s.evidence}"
                for s in decision.candidates
            )
        table.add_row(entity.name, entity.type, *cells)
    Console().print(table)


def link_kb_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories, globs, WARC/feed/JSONL files, URLs (with --fetch), or -.",
            show_default=False,
        ),
    ],
    wikidata: Annotated[
        bool,
        typer.Option(
            "--wikidata", help="Link to Wikidata. Sends entity names to it; off by default."
        ),
    ] = False,
    cache: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            help="SQLite file caching Wikidata's answers (default: $SAYSO_WIKIDATA_CACHE or "
            "wikidata.sqlite in the user's cache folder).",
        ),
    ] = None,
    endpoint: Annotated[
        str, typer.Option("--endpoint", envvar=ENDPOINT_ENV, help="Wikibase API URL to ask.")
    ] = DEFAULT_ENDPOINT,
    offline: Annotated[
        bool, typer.Option("--offline", help="Answer from the cache only; ask Wikidata nothing.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show every candidate weighed, with its evidence.")
    ] = False,
    fmt: Annotated[
        LinkFormat,
        typer.Option(
            "--format",
            "-f",
            help="auto: a table on a terminal, JSON Lines (one object per article) when piped.",
        ),
    ] = "auto",
    model: Annotated[str, typer.Option("--model", help="spaCy pipeline by name.")] = "",
    fetch: Annotated[bool, typer.Option("--fetch", help="Allow downloading URLs.")] = False,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Skip inputs larger than this many bytes.")
    ] = 20_000_000,
) -> None:
    """Link entities to Wikidata: candidates by name and type, checked against the article's
    words, places and dates; linked only when one clearly wins.

    Examples:

      sayso kblink examples/article.txt --wikidata

      sayso kblink news/ --wikidata --offline --format json --explain
    """
    if not wikidata:
        _stderr("error: no knowledge base chosen: pass --wikidata (entity names go to Wikidata)")
        raise typer.Exit(EXIT_USAGE)
    from sayso.cli.output import resolve
    from sayso.entities.kb import KnowledgeBaseUnavailableError, article_years, link_entities
    from sayso.entities.wikidata import (
        ResponseCache,
        WikidataClient,
        WikidataLinker,
        default_cache_path,
    )
    from sayso.ingest.sources import ReadOptions
    from sayso.nlp.loader import DEFAULT_MODEL
    from sayso.pipeline import Pipeline

    as_json = resolve(fmt, piped="jsonl") != "text"
    failed = 0
    try:
        client = WikidataClient(
            endpoint=endpoint, cache=ResponseCache(cache or default_cache_path()), offline=offline
        )
        linker = WikidataLinker(client)
        pipeline = Pipeline(model or DEFAULT_MODEL, stages=LINK_STAGES)
        for item in pipeline.analyze_inputs(inputs, ReadOptions(max_bytes=max_bytes, fetch=fetch)):
            if isinstance(item, InputError):
                failed += 1
                _stderr(f"skipped {item}")
                continue
            note: str | None = None
            years = article_years(item.article.metadata.published, item.timexes)
            try:
                entities, made = link_entities(linker, item.entities, item.article.text, years)
            except KnowledgeBaseUnavailableError as exc:
                note = str(exc)
                _stderr(f"warning: {item.article.id}: {note}")
                entities, made = item.entities, ()
            result = _with_entities(item, entities)
            decisions = {d.entity_id: d for d in made}
            if as_json:
                row = _article_json(result, decisions, explain, note)
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                _print_text(result, decisions, explain, note)
    except SaysoError as exc:
        _stderr(f"error: {exc}")
        raise typer.Exit(EXIT_CONFIG) from None
    if failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


def _with_entities(result: ArticleResult, entities: tuple[Entity, ...]) -> ArticleResult:
    return replace(result, entities=entities)
