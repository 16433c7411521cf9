"""``timeline``: the dated events of a whole corpus for vis-timeline or TimelineJS.

Each article's timeline comes from ``sayso.timeline.build_timeline`` (events the text dates,
neither negated nor hypothetical); the articles' own publication items are left out, so the
corpus timeline shows what happened, not when it was reported. Item ids are prefixed with the
article id to stay unique across the corpus.

- vis-timeline: ``{"groups": [...], "items": [...], "skipped": n}``; one group per article (its
  title), and each item's ``group`` is its article;
- TimelineJS: ``{"title": ..., "events": [...], "skipped": n}``; each event's ``group`` is its
  outlet and its text names the article.

Both carry only real dates: a year or a month is a range over its days, and an event whose year
is unknown (``XXXX-06-01``) is left out and counted in ``skipped``, never drawn at year 1.

Both libraries render these strings as HTML, so every piece of article text is escaped here.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from typing import IO, Any

from sayso.corpus.chronology import Chronology, ChronologyEntry
from sayso.events.edtf import axis_span
from sayso.export.text import article_name, in_quotes
from sayso.records import ArticleResult
from sayso.timeline import (
    TimelineItem,
    build_timeline,
    timeline_to_timelinejs,
    timeline_to_vis_json,
)

TITLE = "sayso: dated events across the corpus"


def _events(result: ArticleResult) -> list[TimelineItem]:
    items = build_timeline(
        result.events,
        result.timexes,
        result.statements,
        published=None,
        entities=result.entities,
        text=result.article.text,
    )
    return [item for item in items if item.event_id is not None]


def vis_timeline(results: Iterable[ArticleResult]) -> dict[str, Any]:
    """vis-timeline data for the corpus: groups (articles) and items (events)."""
    groups, items, skipped = [], [], 0
    for result in results:
        article_timeline = timeline_to_vis_json(_events(result))
        skipped += article_timeline["skipped"]
        article_items = article_timeline["items"]
        if not article_items:
            continue
        article_id = result.article.id
        groups.append({"id": article_id, "content": html.escape(article_name(result.article))})
        for item in article_items:
            escaped = {key: html.escape(item[key]) for key in ("content", "title") if key in item}
            items.append(
                {**item, **escaped, "id": f"{article_id}:{item['id']}", "group": article_id}
            )
    return {"groups": groups, "items": items, "skipped": skipped}


def timelinejs(results: Iterable[ArticleResult]) -> dict[str, Any]:
    """TimelineJS3 data for the corpus, every event's text escaped for its HTML rendering."""
    events, skipped = [], 0
    for result in results:
        article_id = result.article.id
        source = html.escape(article_name(result.article))
        outlet = result.article.metadata.outlet
        article_timeline = timeline_to_timelinejs(_events(result))
        skipped += article_timeline["skipped"]
        for event in article_timeline["events"]:
            text = event["text"]
            body = html.escape(text.get("text", ""))
            entry = {
                **event,
                "unique_id": f"{article_id}:{event['unique_id']}",
                "text": {
                    "headline": html.escape(text.get("headline", "")),
                    "text": f"{body} <em>({source})</em>" if body else f"<em>{source}</em>",
                },
            }
            if outlet:
                entry["group"] = outlet
            events.append(entry)
    return {"title": {"text": {"headline": TITLE}}, "events": events, "skipped": skipped}


def write_timeline(
    results: Iterable[ArticleResult], stream: IO[bytes], *, timelinejs_format: bool = False
) -> int:
    """Write vis-timeline JSON (or TimelineJS JSON); how many events."""
    data = timelinejs(results) if timelinejs_format else vis_timeline(results)
    stream.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
    return len(data["events"] if timelinejs_format else data["items"])


def _sources_text(entry: ChronologyEntry) -> str:
    parts = []
    for report in entry.reports:
        cited = f", according to {report.attribution}" if report.attribution else ""
        parts.append(f"{report.article.source} ({report.article.label}){cited}")
    return "; ".join(parts)


def chronology_vis(chronology: Chronology) -> dict[str, Any]:
    """A merged chronology (:mod:`sayso.corpus.chronology`) as vis-timeline data: one group
    per actor, each event once with its sources in its title; events off the axis are
    counted in ``skipped``."""
    lanes: dict[str, None] = {}
    items = []
    for entry in chronology.entries:
        lane = entry.actor or "Others"
        lanes[lane] = None
        item: dict[str, Any] = {
            "id": entry.id,
            "group": html.escape(lane),
            "content": html.escape(entry.label),
            "start": entry.start,
            "type": "point",
            "title": html.escape(f"{entry.when}; reported by {_sources_text(entry)}"),
        }
        if entry.end is not None:
            item["end"] = entry.end
            item["type"] = "range"
        if entry.approximate:
            item["className"] = "approx"
        items.append(item)
    groups = [{"id": html.escape(lane), "content": html.escape(lane)} for lane in lanes]
    return {"groups": groups, "items": items, "skipped": len(chronology.undated)}


def _tljs_day(day: str) -> dict[str, str]:
    year, month, date = day.split("-")
    return {"year": str(int(year)), "month": str(int(month)), "day": str(int(date))}


def chronology_timelinejs(chronology: Chronology, title: str) -> dict[str, Any]:
    """A merged chronology as TimelineJS3 data: each event once, its text the evidence and
    every source; events off the axis are counted in ``skipped``."""
    events = []
    for entry in chronology.entries:
        if entry.start is None:
            continue
        first = entry.reports[0]
        evidence = html.escape(in_quotes(first.evidence)) + " " if first.evidence else ""
        event: dict[str, Any] = {
            "unique_id": entry.id,
            "start_date": _tljs_day(entry.start),
            "display_date": html.escape(entry.when),
            "text": {
                "headline": html.escape(entry.label),
                "text": f"{evidence}<em>Reported by {html.escape(_sources_text(entry))}</em>",
            },
        }
        span = axis_span(entry.value)
        if span is not None and span.end is not None:
            event["end_date"] = _tljs_day(span.last)
        if entry.actor:
            event["group"] = html.escape(entry.actor)
        events.append(event)
    return {
        "title": {"text": {"headline": html.escape(title)}},
        "events": events,
        "skipped": len(chronology.undated),
    }
