"""``sayso entity NAME`` and ``sayso timeline --entity NAME``: one entity across a store.

Both find the entity as :func:`sayso.corpus.dossier.find_entity` does (the registry of
``sayso link`` first, else the names the articles give) and read every article naming it.
On a terminal they print a readable report; piped, JSON. A format a command cannot write is
refused with exit status 2.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import textwrap
from pathlib import Path
from typing import Annotated, TextIO

import typer

from sayso.cli.corpus import DbOpt, read_store
from sayso.cli.output import EXIT_USAGE, fail, resolve
from sayso.corpus.chronology import Chronology, ChronologyEntry
from sayso.corpus.dossier import ClaimGroup, Dossier

TIMELINE_FORMATS = ("text", "json", "jsonl", "csv", "vis", "timelinejs")
ENTITY_FORMATS = ("text", "json", "md", "html", "csv")
WIDTH = 100
WHEN_WIDTH = 22
CHRONOLOGY_COLUMNS = (
    "date", "value", "label", "type", "actor", "sources", "attributions", "articles",
    "events", "evidence", "undated",
)  # fmt: skip


def _chosen(fmt: str, allowed: tuple[str, ...]) -> str:
    """The format to write (``auto``: text on a terminal, JSON when piped); any format the
    command cannot write is a usage error."""
    if fmt != "auto" and fmt not in allowed:
        raise fail(f"--format takes {', '.join(allowed)} here, not {fmt!r}", EXIT_USAGE)
    return resolve(fmt, piped="json")


def _not_found(name: str) -> typer.Exit:
    return fail(
        f"no entity named {name!r} in the store: check the spelling with `sayso search "
        f"{name!r} --kind entities`, or run `sayso link` to merge names across articles",
        1,
    )


def _wrapped(text: str, indent: int) -> str:
    pad = " " * indent
    return textwrap.fill(text, WIDTH, initial_indent=pad, subsequent_indent=pad)


def _entry_lines(entry: ChronologyEntry, undated: bool) -> list[str]:
    when = "undated" if undated else entry.when
    lines = [f"  {when:<{WHEN_WIDTH}}{entry.label}"]
    if undated:
        lines.append(_wrapped(entry.when, WHEN_WIDTH + 2))
    sources = "; ".join(
        report.article.source
        + (f" ({report.article.label})" if report.article.outlet else "")
        + (f", according to {report.attribution}" if report.attribution else "")
        for report in entry.reports
    )
    lines.append(_wrapped(f"reported by {sources}", WHEN_WIDTH + 2))
    return lines


def _chronology_text(name: str, chronology: Chronology, out: TextIO) -> None:
    articles = {r.article.article_id for e in chronology.entries for r in e.reports}
    articles |= {r.article.article_id for e in chronology.undated for r in e.reports}
    out.write(
        f"{name}: {len(chronology.entries)} events on the time axis, "
        f"{len(chronology.undated)} off it, from {len(articles)} articles\n"
    )
    for entry in chronology.entries:
        out.write("\n".join(_entry_lines(entry, False)) + "\n")
    if chronology.undated:
        out.write("\nNot on the time axis (no date in the text, only the article's date, or an "
                  "unknown year):\n")  # fmt: skip
        for entry in chronology.undated:
            out.write("\n".join(_entry_lines(entry, True)) + "\n")


def _entry_row(entry: ChronologyEntry) -> dict[str, str]:
    first = entry.reports[0]
    return {
        "date": entry.when if entry.undated is None else "",
        "value": entry.value,
        "label": entry.label,
        "type": entry.type,
        "actor": entry.actor or "",
        "sources": "; ".join(entry.sources),
        "attributions": "; ".join(entry.attributions),
        "articles": "; ".join(r.article.article_id for r in entry.reports),
        "events": "; ".join(r.event_id for r in entry.reports),
        "evidence": first.evidence or "",
        "undated": entry.undated or "",
    }


def _json(data: object, out: TextIO) -> None:
    out.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def write_chronology(name: str, chronology: Chronology, fmt: str, out: TextIO) -> None:
    """``chronology`` of ``name`` in one of ``TIMELINE_FORMATS``."""
    import dataclasses

    from sayso.export.timeline_json import chronology_timelinejs, chronology_vis

    def entry(e: ChronologyEntry) -> dict[str, object]:
        return {**dataclasses.asdict(e), "sources": list(e.sources)}

    if fmt == "text":
        _chronology_text(name, chronology, out)
    elif fmt == "json":
        entries = [entry(e) for e in chronology.entries]
        undated = [entry(e) for e in chronology.undated]
        _json({"entity": name, "timeline": entries, "undated": undated}, out)
    elif fmt == "jsonl":
        for e in (*chronology.entries, *chronology.undated):
            out.write(json.dumps({"entity": name, **entry(e)}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CHRONOLOGY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_entry_row(e) for e in (*chronology.entries, *chronology.undated))
    elif fmt == "vis":
        _json(chronology_vis(chronology), out)
    else:
        _json(chronology_timelinejs(chronology, f"{name}: a chronology by sayso"), out)


def timeline_of_entity(name: str, db: str | None, fmt: str) -> None:
    """What ``sayso timeline --entity NAME`` does: one merged chronology of the entity."""
    from sayso.corpus.chronology import build_chronology
    from sayso.corpus.dossier import find_entity, read_parts

    chosen = _chosen(fmt, TIMELINE_FORMATS)
    with read_store(db) as store:
        match = find_entity(store, name)
        if match is None:
            raise _not_found(name)
        parts = read_parts(store, match, mentions=0)
    chronology = build_chronology(r for part in parts for r in part.reports)
    write_chronology(match.name, chronology, chosen, sys.stdout)
    if chronology.undated and chosen in ("vis", "timelinejs"):
        sys.stderr.write(
            f"{len(chronology.undated)} events with no place on a time axis left out\n"
        )


def _claims_text(title: str, groups: tuple[ClaimGroup, ...], speakers: bool) -> list[str]:
    lines = [f"\n{title} ({len(groups)})"]
    for group in groups:
        first = group.reports[0]
        who = f"{group.speaker}: " if speakers else ""
        lines.append(_wrapped(f"{who}“{group.content}”", 2))
        stances = ", ".join(f"{outlet} ({stance})" for outlet, stance in group.stances)
        lines.append(_wrapped(f"carried by {stances}; through {first.chain}", 6))
    return lines


def _dossier_text(d: Dossier, out: TextIO) -> None:
    lines = [f"{d.name} ({', '.join(d.types)}), in {d.total_articles} articles"]
    if d.outlets:
        lines.append(_wrapped("outlets: " + ", ".join(f"{o} ×{n}" for o, n in d.outlets), 2))
    if d.aliases:
        lines.append(_wrapped("also written: " + ", ".join(f"{t} ×{n}" for t, n in d.aliases), 2))
    if d.titles:
        lines.append(_wrapped("titles: " + ", ".join(d.titles), 2))
    out.write("\n".join(lines) + "\n\n")
    _chronology_text(d.name, d.chronology, out)
    lines = _claims_text(f"What {d.name} said", d.said, False)
    lines += _claims_text(f"What others said about {d.name}", d.said_about, True)
    lines.append(f"\nNumbers ({len(d.numbers)})")
    for n in d.numbers:
        where = f" in {n.place}" if n.place else ""
        said = f"{n.text} {n.counted or ''}{where} ({n.context}; {n.article.source})"
        lines.append(_wrapped(said, 2))
    out.write("\n".join(lines) + "\n")


def _dossier_csv(d: Dossier, out: TextIO) -> None:
    """One row per statement: what the entity said, and what others said about it."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["entity", "relation", "speaker", "statement", "stance", "outlet", "title",
                     "chain", "article_id", "statement_id"])  # fmt: skip
    for relation, groups in (("said", d.said), ("said about", d.said_about)):
        for group in groups:
            for c in group.reports:
                writer.writerow([
                    d.name, relation, c.speaker, c.content, c.stance, c.article.outlet or "",
                    c.article.label, c.chain, c.article.article_id, c.statement_id,
                ])  # fmt: skip


def entity_command(
    name: Annotated[str, typer.Argument(help="A name or alias of the entity.")],
    db: DbOpt = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="text, json, md, html or csv (the statements); default: text on a terminal, "
            "JSON when piped.",
        ),
    ] = "auto",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output.")] = False,
) -> None:
    """An entity's dossier across the store: aliases and titles, a chronology of what it did
    and what happened to it (each event once, with every outlet reporting it), what it said
    and what others said about it (each claim with the outlets carrying it and their stance,
    and the attribution chain), and the numbers attached to it.

    Examples:

      sayso entity "Qasem Soleimani" --db news.db

      sayso entity Soleimani --format html -o soleimani.html

      sayso entity Rutte --format json | jq '.chronology.entries[].label'
    """
    from sayso.cli.main import open_output
    from sayso.corpus.dossier import read_dossier

    # Written to a file, ``auto`` is JSON, as when piped.
    chosen = "json" if output is not None and fmt == "auto" else _chosen(fmt, ENTITY_FORMATS)
    with read_store(db) as store:
        dossier = read_dossier(store, name)
    if dossier is None:
        raise _not_found(name)
    text = _render_dossier(dossier, chosen)
    out = open_output(output, force)
    if output is None:
        out.write(text)
        return
    with out:
        out.write(text)
    sys.stderr.write(f"wrote {dossier.name}'s dossier to {output}\n")


def _render_dossier(dossier: Dossier, fmt: str) -> str:
    if fmt == "json":
        from sayso.export.dossier import dossier_dict

        return json.dumps(dossier_dict(dossier), indent=2, ensure_ascii=False, default=str) + "\n"
    if fmt == "md":
        from sayso.export.dossier import dossier_markdown

        return dossier_markdown(dossier)
    if fmt == "html":
        from sayso.web.rendering import render_template

        return render_template("dossier.html", d=dossier)
    buffer = io.StringIO()
    if fmt == "csv":
        _dossier_csv(dossier, buffer)
    else:
        _dossier_text(dossier, buffer)
    return buffer.getvalue()
