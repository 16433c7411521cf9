"""Assemble an Article: the content-derived id and the invariants every reader must keep."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime

from sayso.ingest.dateline import find_dateline
from sayso.records import (
    Article,
    Caption,
    Metadata,
    OffsetMap,
    OffsetSegment,
    Published,
    Removed,
    Source,
    Span,
)
from sayso.records.model import InputKind


def article_id(text: str) -> str:
    """A stable id from the canonical text alone: same text, same id, whatever the source."""
    digest = hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()
    return "a_" + digest[:24]


def now_iso() -> str:
    """The current UTC time, to the second, as ISO 8601."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def make_source(location: str, kind: InputKind, record: str | None = None) -> Source:
    """A Source stamped with the ingest time."""
    return Source(location=location, kind=kind, ingested_at=now_iso(), record=record)


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """Spans of the blank-line-separated paragraphs of ``text``, trimmed of white space."""
    spans: list[Span] = []
    start = 0
    for block in text.split("\n\n"):
        stripped = block.strip()
        if stripped:
            offset = start + block.index(stripped)
            spans.append(Span(offset, offset + len(stripped), stripped))
        start += len(block) + 2
    return tuple(spans)


def make_article(
    text: str,
    source: Source,
    *,
    metadata: Metadata | None = None,
    paragraphs: tuple[Span, ...] | None = None,
    captions: tuple[Caption, ...] = (),
    removed: tuple[Removed, ...] = (),
    offset_map: OffsetMap | None = None,
    field_sources: Mapping[str, str] | None = None,
) -> Article:
    """An Article whose id is derived from its canonical text.

    ``text`` is the body; paragraphs default to its blank-line blocks. Captions are appended
    after the body, one paragraph each, and given their canonical ``span``; the offset map gains
    a segment for each, since a caption's text is verbatim from the raw input.
    """
    meta = metadata or Metadata()
    body_paragraphs = paragraph_spans(text) if paragraphs is None else paragraphs
    segments = list((offset_map or OffsetMap()).segments)
    placed: list[Caption] = []
    canonical = text.rstrip() if captions else text
    for caption in captions:
        canonical += "\n\n"
        start = len(canonical)
        canonical += caption.text
        span = Span(start, len(canonical), caption.text)
        placed.append(replace(caption, span=span))
        if caption.text:
            segments.append(OffsetSegment(start, caption.raw.start, len(caption.text)))
    sources = {**meta.field_sources, **(field_sources or {})}
    dateline = meta.dateline or find_dateline(canonical, body_paragraphs)
    agency = meta.agency
    if dateline is not None and meta.dateline is None:
        sources["dateline"] = "text"
        if agency is None and dateline.agency is not None:
            agency = dateline.agency.text
            sources["agency"] = "dateline"
    meta = replace(meta, field_sources=sources, dateline=dateline, agency=agency)
    return Article(
        id=article_id(canonical),
        text=canonical,
        source=source,
        metadata=meta,
        paragraphs=body_paragraphs,
        captions=tuple(placed),
        removed=removed,
        offset_map=OffsetMap(tuple(segments)),
    )


def with_given_metadata(
    article: Article,
    given: Mapping[str, str | None],
    published: Published | None,
    label: str,
) -> Article:
    """``article`` with the metadata its producer gave (``title``, ``outlet``, ``url``,
    ``byline``, ``section``, ``language``; a None value leaves the reader's): what is given
    wins over what the reader found, and its ``field_sources`` entry says ``label``."""
    meta = article.metadata
    sources = dict(meta.field_sources)
    for name, value in given.items():
        if value is not None:
            sources[name] = label
    if published is not None:
        sources["published"] = label
    metadata = Metadata(
        title=given.get("title") or meta.title,
        section=given.get("section") or meta.section,
        byline=given.get("byline") or meta.byline,
        outlet=given.get("outlet") or meta.outlet,
        url=given.get("url") or meta.url,
        language=given.get("language") or meta.language,
        published=published or meta.published,
        field_sources=sources,
    )
    return replace(article, metadata=metadata)
