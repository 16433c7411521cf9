"""Flat tables of the records: one table per record kind, with stable column names.

This is the layout of the ``csv`` and ``parquet`` exports (and of the SQLite file written for a
PostgreSQL store). Every row carries ``article_id``; records inside an article are keyed by
their id in the record model (``entity_id``, ``statement_id``...) or by their position
(``mention_n``, ``hop_n``...). Offsets are ``[start, end)`` in code points of the article's
canonical text (``articles.text``). Lists inside a cell are joined with ``; `` for reading and,
where their structure matters, also given as JSON in a ``*_json`` column.

Column names are a public interface: add columns at the end, never rename or drop one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sayso.export.text import chain_text, content_text
from sayso.records import ArticleResult, Span, Statement, to_dict

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


def _statement_rows(result: ArticleResult) -> tuple[list[Row], list[Row]]:
    names = {entity.id: entity.name for entity in result.entities}
    statements, hops = [], []
    for statement in result.statements:
        statements.append(_statement_row(result, statement, names))
        for n, hop in enumerate(statement.chain):
            hops.append(
                {
                    "statement_id": statement.id,
                    "hop_n": n,
                    "role": hop.role,
                    "text": hop.text,
                    "entity_id": hop.entity_id,
                    "start": hop.span.start if hop.span else None,
                    "end": hop.span.end if hop.span else None,
                }
            )
    return statements, hops


def _event_rows(result: ArticleResult) -> tuple[list[Row], list[Row]]:
    events, arguments = [], []
    for event in result.events:
        time = event.time
        events.append(
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
        for n, argument in enumerate(event.arguments):
            arguments.append(
                {
                    "event_id": event.id,
                    "argument_n": n,
                    "role": argument.role,
                    "text": argument.span.text,
                    "start": argument.span.start,
                    "end": argument.span.end,
                    "entity_id": argument.entity_id,
                }
            )
    return events, arguments


def table_rows(result: ArticleResult) -> dict[str, list[Row]]:
    """The rows one article adds to each table, keyed by table name, columns in table order."""
    statements, hops = _statement_rows(result)
    events, arguments = _event_rows(result)
    rows: dict[str, list[Row]] = {
        "articles": [_article_row(result)],
        "mentions": [
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
        ],
        "entities": [
            {
                "entity_id": e.id,
                "type": e.type,
                "name": e.name,
                "aliases": _joined([form.text for form in e.aliases]),
                "aliases_json": json.dumps(
                    [to_dict(form) for form in e.aliases], ensure_ascii=False
                ),
                "titles": _joined(e.titles),
                "mention_count": len(e.mentions),
                "ambiguous": e.ambiguous,
                "extractor": e.extractor,
            }
            for e in result.entities
        ],
        "statements": statements,
        "hops": hops,
        "timexes": [
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
        ],
        "events": events,
        "arguments": arguments,
        "quantities": [
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
        ],
        "flags": [
            {
                "flag_n": n,
                "kind": f.kind,
                "message": f.message,
                "spans": _joined([span.text for span in f.spans]),
                "records": _joined(f.records),
                "extractor": f.extractor,
            }
            for n, f in enumerate(result.flags)
        ],
    }
    article_id = result.article.id
    ordered: dict[str, list[Row]] = {}
    for table in TABLES:
        ordered[table.name] = []
        for row in rows[table.name]:
            keyed = {"article_id": article_id, **row}
            ordered[table.name].append({name: keyed[name] for name in table.column_names})
    return ordered
