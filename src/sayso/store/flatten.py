"""Turn one ArticleResult into table rows: the columns analysts query, plus the full record.

Pure functions with no database access, so the mapping can be read and tested on its own, and
run where the article was analysed: worker processes call ``prepare`` so that the one process
writing the store only inserts rows (JSON encoding is as costly as the inserts themselves).

The full record is kept in ``articles.record_json`` in a compact form that ``expand_record``
turns back into exactly what ``sayso.records.to_dict`` gives:

* the article's text is left out (it is the ``articles.text`` column);
* a span whose text is ``article.text[start:end]`` (every span, by the record model's rule)
  keeps only its offsets, with ``"text": null``;
* an entity whose mentions are all among the article's mentions lists their positions in
  ``mentions`` instead of copies.

With JSON written without spaces or ``\\u`` escapes, this took the record from 120 to
67 KB per article, and the store from 146 to 104 MiB per 1,000 (100 benchmark articles).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sayso.records import ArticleResult, to_dict
from sayso.records.model import Mention, Statement

ALIAS_SEPARATOR = "\n"
"""Joins an entity's surface forms in ``entities.aliases``; never part of a surface form."""
CONTENT_SEPARATOR = " … "
"""Joins the pieces of a statement whose content is split by the reporting clause."""


def document_key(url: str | None, location: str, record: str | None) -> str:
    """What versions are counted under: the URL, else the input's location and record."""
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


def article_columns(result: ArticleResult) -> dict[str, Any]:
    """The ``articles`` columns that come from the result alone (the store adds the key,
    version, input and time); ``record_json`` is the compact record as JSON text."""
    article = result.article
    meta = article.metadata
    published = meta.published.value if meta.published else None
    return {
        "id": article.id,
        "url": meta.url,
        "title": meta.title,
        "outlet": meta.outlet,
        "language": meta.language,
        "published": published,
        "published_on": published_on(published),
        "text": article.text,
        "record_json": compact_record_json(result),
    }


def _is_span(value: object) -> bool:
    return isinstance(value, dict) and value.keys() == {"start", "end", "text"}


def _strip_span_texts(value: Any, text: str) -> Any:
    """``value`` with the text of every span that reads ``text[start:end]`` set to None."""
    if isinstance(value, dict):
        if _is_span(value) and value["text"] == text[value["start"] : value["end"]]:
            return {"start": value["start"], "end": value["end"], "text": None}
        return {k: _strip_span_texts(v, text) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip_span_texts(v, text) for v in value]
    return value


def _restore_span_texts(value: Any, text: str) -> Any:
    if isinstance(value, dict):
        if _is_span(value) and value["text"] is None:
            return {
                "start": value["start"],
                "end": value["end"],
                "text": text[value["start"] : value["end"]],
            }
        return {k: _restore_span_texts(v, text) for k, v in value.items()}
    if isinstance(value, list):
        return [_restore_span_texts(v, text) for v in value]
    return value


def _mention_positions(result: ArticleResult) -> list[list[int] | None]:
    """Per entity, the positions of its mentions in ``result.mentions``; None for an entity
    with a mention that is not there (kept as a copy)."""
    position: dict[Mention, int] = {}
    for n, mention in enumerate(result.mentions):
        position.setdefault(mention, n)
    found: list[list[int] | None] = []
    for entity in result.entities:
        places = [position.get(m) for m in entity.mentions]
        found.append(None if None in places else [p for p in places if p is not None])
    return found


def compact_record(result: ArticleResult) -> dict[str, Any]:
    """``to_dict(result)`` without the copies listed in this module's docstring."""
    data = to_dict(result)
    text = result.article.text
    for entity, places in zip(data["entities"], _mention_positions(result), strict=True):
        if places is not None:
            entity["mentions"] = places
    compact: dict[str, Any] = _strip_span_texts(data, text)
    compact["article"]["text"] = None
    return compact


def compact_record_json(result: ArticleResult) -> str:
    """``compact_record`` as JSON text, without optional whitespace or escapes."""
    return json.dumps(compact_record(result), ensure_ascii=False, separators=(",", ":"))


def expand_record(compact: dict[str, Any], text: str) -> dict[str, Any]:
    """What ``to_dict`` gave for the result ``compact_record`` made ``compact`` from;
    ``text`` is the article's text. Records stored whole (older stores) pass unchanged."""
    return unpack_record(_restore_span_texts(compact, text), text)


def unpack_record(compact: dict[str, Any], text: str) -> dict[str, Any]:
    """``compact`` with the article text and entity mentions put back but span texts still
    null: for ``from_dict(ArticleResult, data, text=text)``, which fills those while decoding
    (walking the record for them first cost 2.2 ms per stored article, 13% of a web page)."""
    data = dict(compact)
    data["article"] = {**compact["article"], "text": text}
    mentions = data.get("mentions", [])
    if "entities" in data:
        data["entities"] = [_with_mentions(entity, mentions) for entity in data["entities"]]
    return data


def _with_mentions(entity: dict[str, Any], mentions: list[Any]) -> dict[str, Any]:
    """``entity`` with mentions stored as positions in the record's mention list replaced by
    the mentions themselves (copies stored whole pass unchanged)."""
    places = entity.get("mentions", [])
    if places and isinstance(places[0], int):
        return {**entity, "mentions": [mentions[n] for n in places]}
    return entity


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
        # In text order, so that the table's own order is ingestion then text order and
        # listing pages can sort by ``seq`` alone (sorting 271k rows by article and offset
        # took 160-180 ms per query on the 5,000-article benchmark store).
        "statements": sorted(
            (_statement_row(s, names) for s in result.statements),
            key=lambda row: row["start_offset"],
        ),
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
                "end_value": t.end_value,
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
                "place": q.place.text if q.place else None,
                "whole": q.group.text if q.group else None,
                "as_of": q.as_of.value if q.as_of else None,
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


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """One result turned into the rows the store inserts, made where it was analysed.

    Small to send between processes (JSON text and plain dicts, no record objects) and
    ready for ``Store.add_prepared`` to insert without further encoding.
    """

    article_id: str
    url: str | None
    location: str
    """The input it came from (``Article.source``), what ``Store.seen`` asks about."""
    record: str | None
    article: dict[str, Any]
    """``article_columns``: the article row less key, version, input and time."""
    records: dict[str, list[dict[str, Any]]]
    """``record_rows``: rows per record table."""


def prepare(result: ArticleResult) -> PreparedArticle:
    """The rows of ``result``, attributed to the input in its ``article.source``."""
    source = result.article.source
    return PreparedArticle(
        article_id=result.article.id,
        url=result.article.metadata.url,
        location=source.location,
        record=source.record,
        article=article_columns(result),
        records=record_rows(result),
    )
