"""Turn one ArticleResult into table rows: the columns analysts query, plus the full record.

Pure functions with no database access, so the mapping can be read and tested on its own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sayso.records import ArticleResult, to_dict
from sayso.records.model import Statement

ALIAS_SEPARATOR = "\n"
"""Joins an entity's surface forms in ``entities.aliases``; never part of a surface form."""
CONTENT_SEPARATOR = " … "
"""Joins the pieces of a statement whose content is split by the reporting clause."""


def document_key(result: ArticleResult, location: str, record: str | None) -> str:
    """What versions are counted under: the URL, else the input's location and record."""
    url = result.article.metadata.url
    if url:
        return url
    return f"{location}#{record}" if record is not None else location


def published_on(value: str | None) -> date | None:
    """The calendar date of an ISO 8601 publication date, or None where it has none."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_row(
    result: ArticleResult, *, key: str, version: int, location: str, record: str | None, at: str
) -> dict[str, Any]:
    """The ``articles`` row of a new article version."""
    article = result.article
    meta = article.metadata
    published = meta.published.value if meta.published else None
    return {
        "id": article.id,
        "key": key,
        "version": version,
        "url": meta.url,
        "title": meta.title,
        "outlet": meta.outlet,
        "language": meta.language,
        "published": published,
        "published_on": published_on(published),
        "text": article.text,
        "record_json": to_dict(result),
        "location": location,
        "source_record": record,
        "ingested_at": at,
    }


def _statement_row(statement: Statement, names: dict[str, str]) -> dict[str, Any]:
    first = statement.content[0] if statement.content else (statement.cue or statement.speaker)
    return {
        "statement_id": statement.id,
        "kind": statement.kind,
        "stance": statement.stance.label,
        "speaker": statement.speaker.text if statement.speaker else None,
        "speaker_entity": statement.speaker_entity,
        "speaker_name": names.get(statement.speaker_entity or ""),
        "content_text": CONTENT_SEPARATOR.join(span.text for span in statement.content),
        "cue": statement.cue.text if statement.cue else None,
        "confidence": statement.confidence,
        "parent": statement.parent,
        "start_offset": first.start if first else 0,
    }


def record_rows(result: ArticleResult) -> dict[str, list[dict[str, Any]]]:
    """Rows for each per-record table, keyed by table name, each with its ``article_id``."""
    names = {entity.id: entity.name for entity in result.entities}
    rows: dict[str, list[dict[str, Any]]] = {
        "entities": [
            {
                "entity_id": e.id,
                "type": e.type,
                "name": e.name,
                "aliases": ALIAS_SEPARATOR.join(form.text for form in e.aliases),
                "mention_count": len(e.mentions),
            }
            for e in result.entities
        ],
        "mentions": [
            {
                "mention_n": n,
                "entity_id": m.entity_id,
                "label": m.label,
                "kind": m.kind,
                "text": m.span.text,
                "start_offset": m.span.start,
                "end_offset": m.span.end,
            }
            for n, m in enumerate(result.mentions)
        ],
        "statements": [_statement_row(s, names) for s in result.statements],
        "events": [
            {
                "event_id": e.id,
                "type": e.type,
                "trigger": e.trigger.text,
                "modality": e.modality,
                "time_value": e.time.value if e.time else None,
                "time_relation": e.time.relation if e.time else None,
                "statement_id": e.statement_id,
            }
            for e in result.events
        ],
        "timexes": [
            {
                "timex_id": t.id,
                "type": t.type,
                "value": t.value,
                "text": t.span.text,
                "start_offset": t.span.start,
                "end_offset": t.span.end,
            }
            for t in result.timexes
        ],
        "quantities": [
            {
                "quantity_id": q.id,
                "value": q.value,
                "upper": q.upper,
                "unit": q.unit,
                "counted": q.counted,
                "approx": q.approx,
                "text": q.span.text,
            }
            for q in result.quantities
        ],
        "flags": [
            {"flag_n": n, "kind": f.kind, "message": f.message} for n, f in enumerate(result.flags)
        ],
    }
    article_id = result.article.id
    for table_rows in rows.values():
        for row in table_rows:
            row["article_id"] = article_id
    return rows
