"""``sayso link``, ``sayso claims``, ``sayso entity`` and ``sayso entities candidates``: the
links across the articles of a store (see docs/corpus.md)."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from sayso.cli.corpus import DbOpt
from sayso.errors import SaysoError

JudgmentsOpt = Annotated[
    Path,
    typer.Option(
        "--judgments",
        help="JSONL file of accept/reject decisions on entity pairs, re-applied on every link.",
    ),
]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="text, json or csv.")]
DEFAULT_JUDGMENTS = Path("judgments.jsonl")


def _check_format(fmt: str) -> None:
    from sayso.cli.main import _fail

    if fmt not in ("text", "json", "csv"):
        raise _fail("--format takes text, json or csv", 2)


def link_command(
    db: DbOpt = None,
    judgments: JudgmentsOpt = DEFAULT_JUDGMENTS,
    paraphrase: Annotated[
        bool,
        typer.Option("--paraphrase", help="Also match paraphrases (needs sayso[embed])."),
    ] = False,
) -> None:
    """Link the stored articles: entity registry, claim groups, echoes, events, numbers.

    Rewrites every link table; rerun after ingesting more or editing the judgments file.

    Example: sayso link --db news.db --judgments judgments.jsonl
    """
    from sayso.cli.main import EXIT_CONFIG, _fail
    from sayso.corpus.link import link_store
    from sayso.store import open_store

    try:
        scorer = None
        if paraphrase:
            from sayso.corpus.embed import load_paraphrase_scorer

            scorer = load_paraphrase_scorer()
        with open_store(db) as store:
            summary = link_store(
                store, judgments if judgments.exists() else None, paraphrase=scorer
            )
    except SaysoError as exc:
        raise _fail(str(exc), EXIT_CONFIG) from None
    for name, value in asdict(summary).items():
        sys.stdout.write(f"{name.replace('_', ' ')}: {value}\n")


def claims_command(
    db: DbOpt = None,
    disputed: Annotated[
        bool, typer.Option("--disputed", help="Only claims some outlet disputes.")
    ] = False,
    limit: Annotated[int, typer.Option("--limit")] = 100,
    fmt: FormatOpt = "text",
) -> None:
    """Claim groups: the same statement across outlets, each outlet's stance side by side,
    with the number of independent sources and of echoes.

    Example: sayso claims --disputed --format csv > claims.csv
    """
    from sayso.cli.main import EXIT_CONFIG, _fail
    from sayso.corpus import queries
    from sayso.store import open_store

    _check_format(fmt)
    try:
        with open_store(db, read_only=True) as store:
            rows = queries.claims(store, disputed=disputed, limit=limit)
    except SaysoError as exc:
        raise _fail(str(exc), EXIT_CONFIG) from None
    if fmt == "json":
        _write_json([asdict(row) for row in rows])
    elif fmt == "csv":
        outlets = list(dict.fromkeys(o for row in rows for o in row.stances))
        fixed = ["claim_id", "speaker", "content", "independent", "echoes", "disputed"]
        writer = csv.writer(sys.stdout)
        writer.writerow(fixed + outlets)
        for row in rows:
            writer.writerow(
                [row.claim_id, row.speaker or "", row.content, row.independent, row.echoes]
                + [row.disputed]
                + [row.stances.get(o, "") for o in outlets]
            )
    else:
        for row in rows:
            sys.stdout.write(
                f"{row.claim_id}  {row.speaker or '?'}: {row.content}\n"
                f"  {row.independent} independent, {row.echoes} echoes\n"
            )
            for outlet, stance in row.stances.items():
                sys.stdout.write(f"    {outlet}: {stance}\n")


def entity_command(
    name: Annotated[str, typer.Argument(help="A name or alias of the entity.")],
    db: DbOpt = None,
    fmt: FormatOpt = "text",
) -> None:
    """A registry entity: its aliases, the articles it appears in, and its statements.

    Example: sayso entity "Qasem Soleimani" --format json
    """
    from sayso.cli.main import EXIT_CONFIG, _fail
    from sayso.corpus import queries
    from sayso.store import open_store

    _check_format(fmt)
    try:
        with open_store(db, read_only=True) as store:
            rows = queries.entities(store, name)
    except SaysoError as exc:
        raise _fail(str(exc), EXIT_CONFIG) from None
    if not rows:
        raise _fail(f"no entity named {name!r} in the registry (run `sayso link` first?)", 1)
    if fmt == "json":
        _write_json([asdict(row) for row in rows])
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["registry_id", "name", "article_id", "outlet", "statement", "stance"])
        for row in rows:
            for s in row.statements:
                writer.writerow(
                    [row.registry_id, row.name, s.article_id, s.outlet, s.content, s.stance]
                )
    else:
        for row in rows:
            sys.stdout.write(f"{row.name} ({row.type}, {row.registry_id})\n")
            sys.stdout.write(f"  aliases: {'; '.join(row.aliases)}\n")
            for a in row.articles:
                sys.stdout.write(f"  article {a.article_id}  {a.outlet or ''}  {a.title or ''}\n")
            for s in row.statements:
                sys.stdout.write(f"  said ({s.outlet or s.article_id}, {s.stance}): {s.content}\n")


def entities_candidates_command(
    db: DbOpt = None,
    judgments: JudgmentsOpt = DEFAULT_JUDGMENTS,
    fmt: FormatOpt = "text",
) -> None:
    """Entity pairs the registry did not merge on its own, with the evidence, best first.

    Judge one by adding a line to the judgments file, then rerun `sayso link`:

      {"a": "ART:e1", "b": "ART:e3", "decision": "accept"}   (or "reject")

    Example: sayso entities candidates --judgments judgments.jsonl
    """
    from sayso.cli.main import EXIT_CONFIG, _fail
    from sayso.corpus import queries
    from sayso.entities.corpus import read_judgments
    from sayso.store import open_store

    _check_format(fmt)
    try:
        decided = read_judgments(judgments)
        with open_store(db, read_only=True) as store:
            rows = queries.candidates(store, decided)
    except SaysoError as exc:
        raise _fail(str(exc), EXIT_CONFIG) from None
    if fmt == "json":
        _write_json([asdict(row) for row in rows])
    elif fmt == "csv":
        writer = csv.DictWriter(
            sys.stdout, fieldnames=["a", "b", "a_name", "b_name", "score", "evidence"]
        )
        writer.writeheader()
        for row in rows:
            writer.writerow(asdict(row))
    else:
        for row in rows:
            line = json.dumps({"a": row.a, "b": row.b, "decision": "accept"})
            sys.stdout.write(
                f"{row.a_name} ~ {row.b_name}  ({row.score:.2f}) {row.evidence}\n  {line}\n"
            )


def _write_json(rows: list[dict[str, Any]]) -> None:
    sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n")
