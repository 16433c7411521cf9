"""``sayso link``, ``sayso claims`` and ``sayso entities candidates``: the links across the
articles of a store (see docs/corpus.md); ``sayso entity`` is in ``sayso.cli.dossier``."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from sayso.cli.corpus import DbOpt, read_store
from sayso.cli.output import EXIT_CONFIG, ViewFormat, fail, progress_bar, resolve, write_rows
from sayso.errors import SaysoError
from sayso.export.text import in_quotes

JudgmentsOpt = Annotated[
    Path,
    typer.Option(
        "--judgments",
        help="JSONL file of accept/reject decisions on entity pairs, re-applied on every link.",
    ),
]
FormatOpt = Annotated[
    ViewFormat,
    typer.Option("--format", "-f", help="auto: text on a terminal, JSON Lines when piped."),
]
DEFAULT_JUDGMENTS = Path("judgments.jsonl")


def link_command(
    db: DbOpt = None,
    judgments: JudgmentsOpt = DEFAULT_JUDGMENTS,
    paraphrase: Annotated[
        bool,
        typer.Option("--paraphrase", help="Also match paraphrases (needs the embed extra)."),
    ] = False,
) -> None:
    """Link the stored articles: entity registry, claim groups, echoes, events, numbers.

    Rewrites every link table; rerun after ingesting more or editing the judgments file.

    Example: sayso link --db news.db --judgments judgments.jsonl
    """
    from sayso.corpus.link import link_store

    scorer = None
    if paraphrase:
        from sayso.corpus.embed import load_paraphrase_scorer

        try:
            scorer = load_paraphrase_scorer()
        except SaysoError as exc:
            raise fail(str(exc), EXIT_CONFIG) from None
    with read_store(db, writes=True) as store, progress_bar("reading", None) as bar:
        summary = link_store(
            store, judgments if judgments.exists() else None, paraphrase=scorer, progress=bar.stage
        )
    for name, value in asdict(summary).items():
        sys.stdout.write(f"{name.replace('_', ' ')}: {value}\n")


def claims_command(
    db: DbOpt = None,
    disputed: Annotated[
        bool, typer.Option("--disputed", help="Only claims some outlet disputes.")
    ] = False,
    limit: Annotated[int, typer.Option("--limit")] = 100,
    fmt: FormatOpt = "auto",
) -> None:
    """Claim groups: the same statement across outlets, each outlet's stance side by side,
    with the number of independent sources and of echoes.

    Example: sayso claims --disputed --format csv > claims.csv
    """
    from sayso.corpus import queries

    with read_store(db) as store:
        rows = queries.claims(store, disputed=disputed, limit=limit)
    chosen = resolve(fmt, piped="jsonl")
    if chosen in ("json", "jsonl"):
        write_rows([asdict(row) for row in rows], chosen, title="Claims")
    elif chosen == "csv":
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
                f"{row.speaker or '(unknown speaker)'}: {in_quotes(row.content)}\n"
                f"  {row.independent} independent, {row.echoes} echoes\n"
            )
            for report in row.reports:
                title = f" “{report.title}”" if report.title and report.outlet else ""
                sys.stdout.write(f"    {report.source}{title}: {report.stance}\n")


def entities_candidates_command(
    db: DbOpt = None,
    judgments: JudgmentsOpt = DEFAULT_JUDGMENTS,
    fmt: FormatOpt = "auto",
) -> None:
    """Entity pairs the registry did not merge on its own, with the evidence, best first;
    pairs with the same two names come once, with how many they are.

    Judge one by adding its line to the judgments file, then rerun `sayso link`:

      {"a": "ART:e1", "b": "ART:e3", "decision": "accept"}   (or "reject")

    A line naming the two names ({"a": "Tasnim", "b": "Tasnim", ...}) settles every such pair.

    Example: sayso entities candidates --judgments judgments.jsonl
    """
    from sayso.corpus import queries
    from sayso.entities.corpus import read_judgments

    try:
        decided = read_judgments(judgments)
    except SaysoError as exc:
        raise fail(str(exc), EXIT_CONFIG) from None
    with read_store(db) as store:
        rows = queries.candidates(store, decided)
    chosen = resolve(fmt, piped="jsonl")
    if chosen != "text":
        write_rows(
            [{**asdict(row), "judgment": _judgment(row)} for row in rows],
            chosen,
            title="Merge candidates",
            columns=("a", "b", "a_name", "b_name", "score", "pairs", "evidence"),
        )
        return
    for row in rows:
        many = f", {row.pairs} pairs of articles" if row.pairs > 1 else ""
        sys.stdout.write(
            f"{row.a_name} ~ {row.b_name}  ({row.score:.2f}{many}) {row.evidence}\n"
            f"  {json.dumps(_judgment(row), ensure_ascii=False)}\n"
        )


def _judgment(row: Any) -> dict[str, str]:
    """The judgments-file line that accepts ``row``: by names when it stands for many pairs."""
    a, b = (row.a_name, row.b_name) if row.pairs > 1 else (row.a, row.b)
    return {"a": a, "b": b, "decision": "accept"}
