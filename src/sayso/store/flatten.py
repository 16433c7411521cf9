"""Turn one ArticleResult into table rows: the one flattener of the store and the exports.

* ``TABLES`` and ``table_rows``: the flat tables, one per record kind, with stable column names.
  They are the layout of the ``csv`` and ``parquet`` exports (and of the SQLite file written for
  a PostgreSQL store). Every row carries ``article_id``; records inside an article are keyed by
  their id in the record model (``entity_id``, ``statement_id``...) or by their position
  (``mention_n``, ``hop_n``...). Offsets are ``[start, end)`` in code points of the article's
  canonical text (``articles.text``). Lists inside a cell are joined with ``; `` for reading and,
  where their structure matters, also given as JSON in a ``*_json`` column. Column names are a
  public interface: add columns at the end, never rename or drop one.
* ``record_rows``: the store's per-record tables, the same rows under the store's column names
  (``prepare`` adds the article row and the full record), so a column added to a flat table
  reaches the store by adding it to the store's schema, with nothing else to keep in step.

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sayso.export.text import chain_text, content_text
from sayso.records import ArticleResult, Span, Statement, to_dict
from sayso.records.model import Mention
from sayso.store import tables as store_tables

ALIAS_SEPARATOR = "\n"
"""Joins an entity's surface forms in the store's ``entities.aliases``; never part of a
surface form."""
CONTENT_SEPARATOR = " … "
"""Joins the pieces of a statement whose content is split by the reporting clause."""
ColumnType = Literal["string", "int", "float", "bool"]
LIST_SEPARATOR = "; "


@dataclass(frozen=True, slots=True)
class Table:
    """A table's name and its columns with their types, in order."""

    name: str
    columns: tuple[tuple[str, ColumnType], ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)


_TYPE_NAMES: dict[str, ColumnType] = {"": "string", "int": "int", "float": "float", "bool": "bool"}


def _table(name: str, spec: str) -> Table:
    """A Table from ``"col:type col:type ..."``; a bare name is a string column."""
    columns: list[tuple[str, ColumnType]] = []
    for item in spec.split():
        col, _, kind = item.partition(":")
        columns.append((col, _TYPE_NAMES[kind]))
    return Table(name, tuple(columns))


TABLES: tuple[Table, ...] = (
    _table(
        "articles",
        "article_id url title outlet byline section language published"
        " published_estimated:bool published_source source_location source_kind source_record"
        " ingested_at text_length:int text",
    ),
    _table(
        "mentions",
        "article_id mention_n:int entity_id label kind text start:int end:int extractor",
    ),
    _table(
        "entities",
        "article_id entity_id type name aliases aliases_json titles mention_count:int"
        " ambiguous:bool extractor",
    ),
    _table(
        "statements",
        "article_id statement_id kind speaker speaker_entity speaker_name content"
        " content_start:int content_end:int cue addressee addressee_entity stance stance_rule"
        " stance_cues chain chain_json parent confidence:float extractor",
    ),
    _table(
        "hops",
        "article_id statement_id hop_n:int role text entity_id start:int end:int",
    ),
    _table(
        "timexes",
        "article_id timex_id type value text start:int end:int mod granularity anchor"
        " anchor_source end_value extractor",
    ),
    _table(
        "events",
        "article_id event_id type trigger start:int end:int modality time_value time_relation"
        " time_timex_id statement_id from_caption:bool quantities extractor",
    ),
    _table(
        "arguments",
        "article_id event_id argument_n:int role text start:int end:int entity_id",
    ),
    _table(
        "quantities",
        "article_id quantity_id value:float upper:float unit counted approx text start:int"
        " end:int place group as_of as_of_relation extractor",
    ),
    _table(
        "flags",
        "article_id flag_n:int kind message spans records extractor",
    ),
)
"""Every table, in the order they are written."""

Row = dict[str, Any]


def _joined(items: Sequence[str]) -> str | None:
    return LIST_SEPARATOR.join(items) if items else None


def _span_text(span: Span | None) -> str | None:
    return span.text if span is not None else None


def _article_row(result: ArticleResult) -> Row:
    article = result.article
    meta = article.metadata
    published = meta.published
    return {
        "url": meta.url,
        "title": meta.title,
        "outlet": meta.outlet,
        "byline": meta.byline,
        "section": meta.section,
        "language": meta.language,
        "published": published.value if published else None,
        "published_estimated": published.estimated if published else None,
        "published_source": published.source if published else None,
        "source_location": article.source.location,
        "source_kind": article.source.kind,
        "source_record": article.source.record,
        "ingested_at": article.source.ingested_at,
        "text_length": len(article.text),
        "text": article.text,
    }


def _statement_row(result: ArticleResult, statement: Statement, names: dict[str, str]) -> Row:
    content = statement.content
    return {
        "statement_id": statement.id,
        "kind": statement.kind,
        "speaker": _span_text(statement.speaker),
        "speaker_entity": statement.speaker_entity,
        "speaker_name": names.get(statement.speaker_entity or ""),
        "content": content_text(statement),
        "content_start": content[0].start if content else None,
        "content_end": content[-1].end if content else None,
        "cue": _span_text(statement.cue),
        "addressee": _span_text(statement.addressee),
        "addressee_entity": statement.addressee_entity,
        "stance": statement.stance.label,
        "stance_rule": statement.stance.rule or None,
        "stance_cues": _joined([cue.text for cue in statement.stance.cues]),
        "chain": chain_text(statement, result.article.metadata.outlet),
        "chain_json": json.dumps(
            [to_dict(hop) for hop in statement.chain], ensure_ascii=False, sort_keys=True
        ),
        "parent": statement.parent,
        "confidence": statement.confidence,
        "extractor": statement.extractor,
    }


def _statements(result: ArticleResult) -> list[Row]:
    names = {entity.id: entity.name for entity in result.entities}
    return [_statement_row(result, statement, names) for statement in result.statements]


def _hops(result: ArticleResult) -> list[Row]:
    return [
        {
            "statement_id": statement.id,
            "hop_n": n,
            "role": hop.role,
            "text": hop.text,
            "entity_id": hop.entity_id,
            "start": hop.span.start if hop.span else None,
            "end": hop.span.end if hop.span else None,
        }
        for statement in result.statements
        for n, hop in enumerate(statement.chain)
    ]


def _events(result: ArticleResult) -> list[Row]:
    rows = []
    for event in result.events:
        time = event.time
        rows.append(
            {
                "event_id": event.id,
                "type": event.type,
                "trigger": event.trigger.text,
                "start": event.trigger.start,
                "end": event.trigger.end,
                "modality": event.modality,
                "time_value": time.value if time else None,
                "time_relation": time.relation if time else None,
                "time_timex_id": time.timex_id if time else None,
                "statement_id": event.statement_id,
                "from_caption": event.from_caption,
                "quantities": _joined(event.quantities),
                "extractor": event.extractor,
            }
        )
    return rows


def _arguments(result: ArticleResult) -> list[Row]:
    return [
        {
            "event_id": event.id,
            "argument_n": n,
            "role": argument.role,
            "text": argument.span.text,
            "start": argument.span.start,
            "end": argument.span.end,
            "entity_id": argument.entity_id,
        }
        for event in result.events
        for n, argument in enumerate(event.arguments)
    ]


def _mentions(result: ArticleResult) -> list[Row]:
    return [
        {
            "mention_n": n,
            "entity_id": m.entity_id,
            "label": m.label,
            "kind": m.kind,
            "text": m.span.text,
            "start": m.span.start,
            "end": m.span.end,
            "extractor": m.extractor,
        }
        for n, m in enumerate(result.mentions)
    ]


def _entities(result: ArticleResult) -> list[Row]:
    return [
        {
            "entity_id": e.id,
            "type": e.type,
            "name": e.name,
            "aliases": _joined([form.text for form in e.aliases]),
            "aliases_json": json.dumps([to_dict(form) for form in e.aliases], ensure_ascii=False),
            "titles": _joined(e.titles),
            "mention_count": len(e.mentions),
            "ambiguous": e.ambiguous,
            "extractor": e.extractor,
        }
        for e in result.entities
    ]


def _timexes(result: ArticleResult) -> list[Row]:
    return [
        {
            "timex_id": t.id,
            "type": t.type,
            "value": t.value,
            "text": t.span.text,
            "start": t.span.start,
            "end": t.span.end,
            "mod": t.mod,
            "granularity": t.granularity,
            "anchor": t.anchor,
            "anchor_source": t.anchor_source,
            "end_value": t.end_value,
            "extractor": t.extractor,
        }
        for t in result.timexes
    ]


def _quantities(result: ArticleResult) -> list[Row]:
    return [
        {
            "quantity_id": q.id,
            "value": q.value,
            "upper": q.upper,
            "unit": q.unit,
            "counted": q.counted,
            "approx": q.approx,
            "text": q.span.text,
            "start": q.span.start,
            "end": q.span.end,
            "place": q.place.text if q.place else None,
            "group": q.group.text if q.group else None,
            "as_of": q.as_of.value if q.as_of else None,
            "as_of_relation": q.as_of.relation if q.as_of else None,
            "extractor": q.extractor,
        }
        for q in result.quantities
    ]


def _flags(result: ArticleResult) -> list[Row]:
    return [
        {
            "flag_n": n,
            "kind": f.kind,
            "message": f.message,
            "spans": _joined([span.text for span in f.spans]),
            "records": _joined(f.records),
            "extractor": f.extractor,
        }
        for n, f in enumerate(result.flags)
    ]


_BUILDERS: dict[str, Callable[[ArticleResult], list[Row]]] = {
    "articles": lambda result: [_article_row(result)],
    "mentions": _mentions,
    "entities": _entities,
    "statements": _statements,
    "hops": _hops,
    "timexes": _timexes,
    "events": _events,
    "arguments": _arguments,
    "quantities": _quantities,
    "flags": _flags,
}


def table_rows(
    result: ArticleResult, *, tables: Sequence[str] | None = None
) -> dict[str, list[Row]]:
    """The rows one article adds to each table (or to the ``tables`` named), keyed by table
    name, columns in table order."""
    article_id = result.article.id
    ordered: dict[str, list[Row]] = {}
    for table in TABLES:
        if tables is not None and table.name not in tables:
            continue
        names = table.column_names
        rows = []
        for row in _BUILDERS[table.name](result):
            row["article_id"] = article_id
            rows.append({name: row[name] for name in names})
        ordered[table.name] = rows
    return ordered


_STORE_NAMES: dict[tuple[str, str], str] = {
    ("mentions", "start_offset"): "start",
    ("mentions", "end_offset"): "end",
    ("statements", "content_text"): "content",
    ("timexes", "start_offset"): "start",
    ("timexes", "end_offset"): "end",
    ("quantities", "whole"): "group",
}
"""Store columns named otherwise than their column of the flat tables (the store's names came
first, and a store's schema changes only by a migration)."""


def _statement_position(statement: Statement) -> int:
    """Where a statement starts: its content, else its cue or speaker."""
    first = statement.content[0] if statement.content else (statement.cue or statement.speaker)
    return first.start if first else 0


def record_rows(result: ArticleResult) -> dict[str, list[dict[str, Any]]]:
    """Rows for each of the store's per-record tables, keyed by table name, each with its
    ``article_id``: the flat tables' rows under the store's column names.

    Two store columns are the store's own: ``entities.aliases`` joins the surface forms with
    ``ALIAS_SEPARATOR`` (a flat cell joins them with ``; ``, which a surface form may hold),
    and ``statements.start_offset`` places statements without content too.
    """
    wanted = tuple(table.name for table in store_tables.RECORD_TABLES)
    flat = table_rows(result, tables=wanted)
    derived: dict[str, list[dict[str, Any]]] = {
        "entities": [
            {"aliases": ALIAS_SEPARATOR.join(form.text for form in e.aliases)}
            for e in result.entities
        ],
        "statements": [{"start_offset": _statement_position(s)} for s in result.statements],
    }
    rows: dict[str, list[dict[str, Any]]] = {}
    for table in store_tables.RECORD_TABLES:
        columns = [column.name for column in table.columns if column.name != "seq"]
        sources = [_STORE_NAMES.get((table.name, name), name) for name in columns]
        own = derived.get(table.name)
        projected = []
        for n, flat_row in enumerate(flat[table.name]):
            row = {**flat_row, **own[n]} if own is not None else flat_row
            projected.append({name: row[src] for name, src in zip(columns, sources, strict=True)})
        rows[table.name] = projected
    # In text order, so that the table's own order is ingestion then text order and listing
    # pages can sort by ``seq`` alone (sorting 271k rows by article and offset took 160-180 ms
    # per query on the 5,000-article benchmark store).
    rows["statements"].sort(key=lambda row: row["start_offset"])
    return rows


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
