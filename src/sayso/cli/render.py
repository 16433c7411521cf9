"""Write one result in the chosen format and view (everything, entities, statements, timeline).

Statements are listed as every claim view lists them (:mod:`sayso.records.kinds`): quotes and
claims, and attitudes only with ``attitudes=True``; the whole record (``view="all"`` as JSON)
keeps every statement."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from sayso.export.text import (
    QUANTITY_COLUMNS,
    chain_text,
    content_text,
    entity_aliases,
    flag_kinds,
    quantity_cells,
    quoted,
    speaker_name,
)
from sayso.records import ArticleResult, to_dict
from sayso.records.kinds import listed

if TYPE_CHECKING:
    from rich.console import Console


def _timeline(result: ArticleResult) -> Any:
    from sayso.timeline import build_timeline

    return build_timeline(
        result.events,
        result.timexes,
        result.statements,
        published=result.article.metadata.published,
        entities=result.entities,
        text=result.article.text,
    )


def _view_dict(result: ArticleResult, view: str, attitudes: bool) -> dict[str, Any]:
    if view == "all":
        return to_dict(result)
    head: dict[str, Any] = {"article": result.article.id, "title": result.article.metadata.title}
    if view == "entities":
        head["entities"] = [to_dict(e) for e in result.entities]
    elif view == "statements":
        head["statements"] = [to_dict(s) for s in listed(result.statements, attitudes=attitudes)]
    elif view == "timeline":
        head["timeline"] = [to_dict(i) for i in _timeline(result)]
    elif view == "numbers":
        head["quantities"] = [to_dict(q) for q in result.quantities]
        head["flags"] = [to_dict(f) for f in result.flags]
    return head


CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "statements": (
        "article",
        "statement",
        "kind",
        "speaker",
        "cue",
        "content",
        "stance",
        "stance_words",
        "chain",
        "start",
        "end",
    ),
    "entities": ("article", "entity", "name", "type", "aliases", "titles", "mentions"),
    "timeline": ("article", "value", "label", "event", "attribution", "start", "end"),
    "numbers": (
        "article", "quantity", "text", "value", "upper", "unit", "counted", "approx", "place",
        "group", "as_of", "flags", "start", "end",
    ),
}  # fmt: skip
"""One table per view: ``sayso quotes|entities|timeline|numbers --format csv`` (``analyze`` has
no single table; ``sayso export csv`` writes one table per record kind)."""


class CsvView:
    """Rows of one view for any number of articles under a single header."""

    def __init__(self, view: str, out: TextIO, *, attitudes: bool = False) -> None:
        if view not in CSV_COLUMNS:
            raise ValueError(f"no CSV table for view {view!r}; use one of {sorted(CSV_COLUMNS)}")
        self.view = view
        self.attitudes = attitudes
        self._writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS[view], lineterminator="\n")
        self._writer.writeheader()

    def write(self, result: ArticleResult) -> None:
        """Append ``result``'s rows of this view."""
        self._writer.writerows(_csv_rows(result, self.view, self.attitudes))


def _csv_rows(result: ArticleResult, view: str, attitudes: bool) -> list[dict[str, Any]]:
    article = result.article.id
    outlet = result.article.metadata.outlet
    if view == "statements":
        return [
            {
                "article": article,
                "statement": s.id,
                "kind": s.kind,
                "speaker": speaker_name(result, s),
                "cue": s.cue.text if s.cue else "",
                "content": content_text(s),
                "stance": s.stance.label,
                "stance_words": "; ".join(cue.text for cue in s.stance.cues),
                "chain": chain_text(s, outlet),
                "start": s.content[0].start if s.content else "",
                "end": s.content[-1].end if s.content else "",
            }
            for s in listed(result.statements, attitudes=attitudes)
        ]
    if view == "entities":
        return [
            {
                "article": article,
                "entity": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": entity_aliases(e),
                "titles": "; ".join(e.titles),
                "mentions": len(e.mentions),
            }
            for e in result.entities
        ]
    if view == "numbers":
        flagged = flag_kinds(result)
        return [
            {
                "article": article,
                "quantity": q.id,
                "text": q.span.text,
                "value": q.value,
                "upper": "" if q.upper is None else q.upper,
                "unit": q.unit or "",
                "counted": q.counted or "",
                "approx": q.approx or "",
                "place": q.place.text if q.place else "",
                "group": q.group.text if q.group else "",
                "as_of": q.as_of.value if q.as_of else "",
                "flags": "; ".join(flagged.get(q.id, ())),
                "start": q.span.start,
                "end": q.span.end,
            }
            for q in result.quantities
        ]
    return [
        {
            "article": article,
            "value": item.value,
            "label": item.label,
            "event": item.event_id or "",
            "attribution": item.attribution or "",
            "start": item.evidence.start if item.evidence else "",
            "end": item.evidence.end if item.evidence else "",
        }
        for item in _timeline(result)
    ]


def write(
    result: ArticleResult, fmt: str, out: TextIO, *, view: str = "all", attitudes: bool = False
) -> None:
    """Render ``result`` to ``out``: text (rich report), json, jsonl, md or html; statement
    lists show attitudes only with ``attitudes``."""
    if fmt in ("vis", "timelinejs"):
        from sayso.export.timeline_json import timelinejs, vis_timeline

        export = vis_timeline if fmt == "vis" else timelinejs
        out.write(json.dumps(export([result]), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "json":
        out.write(
            json.dumps(_view_dict(result, view, attitudes), ensure_ascii=False, indent=2) + "\n"
        )
    elif fmt == "jsonl":
        out.write(json.dumps(_view_dict(result, view, attitudes), ensure_ascii=False) + "\n")
    elif fmt == "md":
        from sayso.export.markdown import to_markdown

        out.write(to_markdown(result, attitudes=attitudes))
    elif fmt == "html":
        from sayso.web.rendering import render_report

        out.write(render_report(result, attitudes=attitudes))
    else:
        _report(result, out, view, attitudes)


def _report(result: ArticleResult, out: TextIO, view: str, attitudes: bool) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(file=out, highlight=False, soft_wrap=False)
    article = result.article
    meta = article.metadata
    console.rule(f"[bold]{meta.title or article.id}")
    if view == "all":
        facts = Table.grid(padding=(0, 2))
        for key in ("section", "outlet", "byline", "url", "language"):
            value = getattr(meta, key)
            if value:
                facts.add_row(key, str(value), f"[dim]{meta.field_sources.get(key, '')}")
        if meta.published:
            pub = meta.published
            shown = pub.value + (
                f" (estimate {pub.earliest or ''}..{pub.latest or ''})" if pub.estimated else ""
            )
            facts.add_row("published", shown, f"[dim]{pub.source}")
        facts.add_row("source", f"{article.source.location} ({article.source.kind})", "")
        facts.add_row("words", str(len(article.text.split())), f"[dim]{article.id}")
        console.print(facts)
        for caption in article.captions:
            console.print(f"[bold]caption:[/] {caption.text} [dim](credit: {caption.credit})")
        for removed in article.removed:
            console.print(f"[bold]removed:[/] [dim]{removed.text!r} ({removed.reason})")
    if view in ("all", "entities") and result.entities:
        table = Table(title="Entities", show_lines=False)
        for col in ("name", "type", "also written", "titles", "n"):
            table.add_column(col)
        for e in result.entities:
            table.add_row(
                e.name, e.type, entity_aliases(e), ", ".join(e.titles), str(len(e.mentions))
            )
        console.print(table)
    if view in ("all", "statements"):
        attributed = listed(result.statements, attitudes=attitudes)
        if attributed:
            console.rule("Statements")
        for s in attributed:
            console.print(
                f"[bold]{speaker_name(result, s)}[/] [dim]{s.kind} · {s.stance.label}[/]\n"
                f"  {quoted(s)}\n  [cyan]{chain_text(s, meta.outlet)}[/]"
            )
            if s.doubt:
                sure = f"confidence {s.confidence:.2f}"
                console.print(f"  [yellow]unsure:[/] {escape(s.doubt)} [dim]({sure})[/]")
    if view == "numbers":
        _numbers_table(result, console, escape)
    if view in ("all", "timeline") and result.events:
        console.rule("Timeline")
        for item in _timeline(result):
            notes = [f"according to {item.attribution}"] if item.attribution else []
            notes += ["photo caption"] if item.from_caption else []
            shown = f"  [dim]· {escape(' · '.join(notes))}[/]" if notes else ""
            console.print(f"[bold]{escape(item.value)}[/]  {escape(item.label)}{shown}")
    if view in ("all", "numbers"):
        for flag in result.flags:
            console.print(f"[bold yellow]flag {flag.kind}:[/] {flag.message}")
        for diag in result.diagnostics:
            console.print(f"[red]{diag.severity} in {diag.stage}:[/] {diag.message}")


def _numbers_table(result: ArticleResult, console: Console, escape: Callable[[str], str]) -> None:
    from rich.table import Table

    if not result.quantities:
        return
    table = Table(title="Numbers", show_lines=False)
    for col in (*QUANTITY_COLUMNS, "flags"):
        table.add_column(col)
    flagged = flag_kinds(result)
    for q in result.quantities:
        cells = [escape(c) for c in quantity_cells(q)]
        table.add_row(*cells, ", ".join(flagged.get(q.id, ())))
    console.print(table)
