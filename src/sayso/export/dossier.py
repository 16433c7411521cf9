"""An entity's dossier (:mod:`sayso.corpus.dossier`) as JSON data and as a Markdown report.

The HTML report is rendered by the web app's templates (``sayso.web.rendering``), so that the
page and the report show the same thing.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sayso.corpus.chronology import ChronologyEntry
from sayso.corpus.dossier import ClaimGroup, Dossier
from sayso.export.text import article_label, in_quotes


def _entry(entry: ChronologyEntry) -> dict[str, Any]:
    return {**dataclasses.asdict(entry), "sources": list(entry.sources)}


def _claims(group: ClaimGroup) -> dict[str, Any]:
    return {**dataclasses.asdict(group), "stances": [list(s) for s in group.stances]}


def dossier_dict(dossier: Dossier) -> dict[str, Any]:
    """The dossier as JSON-ready data: every field, with each chronology entry's ``sources``
    (its outlets) and each claim group's ``stances`` (outlet, stance) spelled out."""
    data = dataclasses.asdict(dossier)
    data["chronology"] = {
        "entries": [_entry(e) for e in dossier.chronology.entries],
        "undated": [_entry(e) for e in dossier.chronology.undated],
    }
    data["said"] = [_claims(g) for g in dossier.said]
    data["said_about"] = [_claims(g) for g in dossier.said_about]
    return data


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _entries_md(entries: tuple[ChronologyEntry, ...], undated: bool) -> list[str]:
    lines = []
    for entry in entries:
        when = "undated" if undated else entry.when
        lines.append(f"- **{when}**: {entry.label}" + (f" ({entry.when})" if undated else ""))
        first = entry.reports[0]
        if first.evidence:
            lines.append(f"  > {in_quotes(first.evidence)}")
        sources = "; ".join(
            r.article.source
            + (f" ({r.article.label})" if r.article.outlet else "")
            + (f", according to {r.attribution}" if r.attribution else "")
            for r in entry.reports
        )
        lines.append(f"  reported by {sources}")
    return lines or ["- None."]


def _claims_md(groups: tuple[ClaimGroup, ...], speakers: bool) -> list[str]:
    lines = []
    for group in groups:
        first = group.reports[0]
        who = f"**{group.speaker}**: " if speakers else ""
        lines.append(f"- {who}{in_quotes(group.content)}")
        stances = ", ".join(f"{outlet} ({stance})" for outlet, stance in group.stances)
        lines.append(f"  carried by {stances}; through {first.chain} ({first.kind})")
    return lines or ["- None found."]


def dossier_markdown(dossier: Dossier) -> str:
    """The dossier as a Markdown report."""
    d = dossier
    lines = [f"# {d.name}", ""]
    if d.types:
        lines.append(f"- **Type:** {', '.join(d.types)}")
    lines.append(f"- **Articles:** {d.total_articles} (read: {len(d.articles)})")
    if d.outlets:
        lines.append("- **Outlets:** " + ", ".join(f"{o} ×{n}" for o, n in d.outlets))
    if d.aliases:
        lines.append("- **Also written:** " + ", ".join(f"{t} ×{n}" for t, n in d.aliases))
    if d.titles:
        lines.append("- **Titles:** " + ", ".join(d.titles))
    lines += ["", "## Chronology", "", *_entries_md(d.chronology.entries, False)]
    if d.chronology.undated:
        lines += ["", "### Not on the time axis", ""]
        lines += _entries_md(d.chronology.undated, True)
    lines += ["", f"## What {d.name} said", "", *_claims_md(d.said, False)]
    lines += ["", f"## What others said about {d.name}", "", *_claims_md(d.said_about, True)]
    lines += ["", "## Numbers", ""]
    if d.numbers:
        lines += ["| number | counts | where | as of | in | source |", "|---|---|---|---|---|---|"]
        for n in d.numbers:
            cells = (n.text, n.counted or "", n.place or "", n.as_of or "", n.context)
            lines.append(
                "| " + " | ".join(_cell(c) for c in cells) + f" | {_cell(n.article.source)} |"
            )
    else:
        lines.append("- None attached.")
    lines += ["", "## Articles read", ""]
    for a in d.articles:
        label = article_label(a.title, a.outlet, a.published_on)
        extra = ", ".join(str(x) for x in (a.outlet, a.published_on) if x) if a.title else ""
        lines.append(f"- {label}" + (f" ({extra})" if extra else ""))
    return "\n".join(lines) + "\n"
