"""A Markdown report of one article's result."""

from __future__ import annotations

from sayso.export.text import (
    QUANTITY_COLUMNS,
    chain_text,
    entity_aliases,
    quantity_cells,
    quoted,
    speaker_name,
)
from sayso.records import ArticleResult
from sayso.records.kinds import listed


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(result: ArticleResult, *, attitudes: bool = False) -> str:
    """Metadata, captions, removed junk, entities, statements (quotes and claims, and with
    ``attitudes`` the attitudes too), times, events, numbers and flags."""
    article = result.article
    meta = article.metadata
    lines = [f"# {meta.title or article.id}", ""]
    for label, value in (
        ("Section", meta.section),
        ("Outlet", meta.outlet),
        ("Byline", meta.byline),
        ("URL", meta.url),
        ("Published", meta.published.value if meta.published else None),
        ("Source", f"{article.source.location} ({article.source.kind})"),
        ("Article id", article.id),
    ):
        if value:
            lines.append(f"- **{label}:** {value}")
    if meta.published and meta.published.estimated:
        lines.append(
            f"- **Published (estimate):** {meta.published.earliest} .. {meta.published.latest}"
        )
    if article.captions:
        lines += ["", "## Captions", ""]
        lines += [f"- {c.text} *(credit: {c.credit or 'none'})*" for c in article.captions]
    if article.removed:
        lines += ["", "## Removed page junk", ""]
        lines += [f"- `{_cell(r.text)}` ({r.reason})" for r in article.removed]
    if result.entities:
        lines += ["", "## Entities", "", "| name | type | also written | titles | mentions |"]
        lines.append("|---|---|---|---|---|")
        for e in result.entities:
            lines.append(
                f"| {_cell(e.name)} | {e.type} | {_cell(entity_aliases(e))} | "
                f"{_cell(', '.join(e.titles))} | {len(e.mentions)} |"
            )
    attributed = listed(result.statements, attitudes=attitudes)
    if attributed:
        lines += ["", "## Statements", ""]
        for s in attributed:
            lines.append(
                f"- **{_cell(speaker_name(result, s))}** ({s.kind}, {s.stance.label}): "
                f"{_cell(quoted(s))}  \n  chain: {chain_text(s, meta.outlet)}"
            )
    if result.timexes:
        lines += ["", "## Times", ""]
        lines += [f"- {t.span.text} → {t.type} {t.value}" for t in result.timexes]
    if result.events:
        lines += ["", "## Events", ""]
        for ev in result.events:
            when = ev.time.value if ev.time else "?"
            lines.append(f"- {when}: {ev.type} “{_cell(ev.trigger.text)}” ({ev.modality})")
    if result.quantities:
        lines += ["", "## Numbers", "", "| " + " | ".join(QUANTITY_COLUMNS) + " |"]
        lines.append("|---" * len(QUANTITY_COLUMNS) + "|")
        for q in result.quantities:
            lines.append("| " + " | ".join(_cell(c) for c in quantity_cells(q)) + " |")
    if result.flags:
        lines += ["", "## Flags", ""]
        lines += [f"- **{f.kind}:** {f.message}" for f in result.flags]
    if result.diagnostics:
        lines += ["", "## Diagnostics", ""]
        lines += [f"- {d.severity} in {d.stage}: {d.message}" for d in result.diagnostics]
    return "\n".join(lines) + "\n"
