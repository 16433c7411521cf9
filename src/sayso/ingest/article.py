"""Assemble an Article: the content-derived id and the invariants every reader must keep.

Every string of an Article is valid Unicode that encodes to UTF-8: a lone UTF-16 surrogate
(``"\\ud800"`` in JSON, ``&#xD800;`` in a feed) or a NUL character is replaced by U+FFFD at
ingestion, code point for code point so that no offset moves, and the article carries a
diagnostic saying how many were replaced. Without this, hashing the text for the id, writing
JSON or storing the article would fail on it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, TypeVar

from sayso.errors import printable
from sayso.ingest.agency import canonical_agency, find_agency, is_outlet_itself
from sayso.ingest.dateline import find_dateline
from sayso.ingest.dates import written_date
from sayso.records import (
    Article,
    Caption,
    Dateline,
    Diagnostic,
    Metadata,
    OffsetMap,
    OffsetSegment,
    Published,
    Removed,
    Source,
    Span,
)
from sayso.records.model import InputKind

REPLACEMENT = "\ufffd"
_INVALID = re.compile("[\x00\ud800-\udfff]")
"""Code points no article may hold: NUL (PostgreSQL text refuses it) and lone surrogates
(UTF-8 cannot encode them)."""

T = TypeVar("T")


def valid_text(text: str) -> tuple[str, int]:
    """``text`` with every NUL and lone surrogate replaced by U+FFFD, and how many there were."""
    return _INVALID.subn(REPLACEMENT, text)


def _valid(value: T, counts: list[int]) -> T:
    """``value`` (a string, a tuple, a mapping or a record) with valid strings throughout."""
    if isinstance(value, str):
        fixed, count = valid_text(value)
        counts[0] += count
        return fixed  # type: ignore[return-value]
    if isinstance(value, tuple):
        items = tuple(_valid(item, counts) for item in value)
        return value if items == value else items  # type: ignore[return-value]
    if isinstance(value, Mapping):
        pairs = {_valid(k, counts): _valid(v, counts) for k, v in value.items()}
        return value if pairs == value else pairs  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            new = _valid(old, counts)
            if new is not old:
                changes[f.name] = new
        return replace(value, **changes) if changes else value
    return value


def valid_article(article: Article) -> Article:
    """``article`` with every NUL and lone surrogate in its text, records and metadata replaced
    by U+FFFD (offsets unchanged), and a diagnostic saying how many; the id is kept, so call it
    once the text is final (``make_article`` does)."""
    in_text, in_metadata, elsewhere = [0], [0], [0]
    text = _valid(article.text, in_text)
    metadata = _valid(article.metadata, in_metadata)
    source = _valid(article.source, in_metadata)
    paragraphs = _valid(article.paragraphs, elsewhere)
    captions = _valid(article.captions, elsewhere)
    removed = _valid(article.removed, elsewhere)
    if not (in_text[0] or in_metadata[0] or elsewhere[0]):
        return article
    places = [
        f"{n} in its {where}"
        for n, where in ((in_text[0], "text"), (in_metadata[0], "metadata"))
        if n
    ]
    note = Diagnostic(
        "ingest",
        "warning",
        f"invalid code points (lone UTF-16 surrogates or NUL) were replaced by U+FFFD: "
        f"{', '.join(places) or 'in the lines set apart'}; check how the input was produced",
    )
    return replace(
        article,
        text=text,
        metadata=metadata,
        source=source,
        paragraphs=paragraphs,
        captions=captions,
        removed=removed,
        diagnostics=(*article.diagnostics, note),
    )


def article_id(text: str) -> str:
    """A stable id from the canonical text alone: same text, same id, whatever the source."""
    digest = hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()
    return "a_" + digest[:24]


def now_iso() -> str:
    """The current UTC time, to the second, as ISO 8601."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def make_source(location: str, kind: InputKind, record: str | None = None) -> Source:
    """A Source stamped with the ingest time."""
    return Source(location=printable(location), kind=kind, ingested_at=now_iso(), record=record)


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


def _story_agency(
    meta: Metadata,
    dateline: Dateline | None,
    paragraphs: tuple[Span, ...],
    removed: tuple[Removed, ...],
) -> tuple[str, str] | None:
    """The wire agency the story credits, and where: its dateline (unless the credit is the
    outlet itself, as ``(CNN)`` on CNN's page), byline, sign-off or credit line."""
    if dateline is not None and dateline.agency is not None:
        credit = dateline.agency.text
        if not is_outlet_itself(credit, meta.outlet):
            return canonical_agency(credit), "dateline"
    return find_agency([p.text for p in paragraphs], [r.text for r in removed], meta.byline)


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
    if dateline is not None and meta.dateline is None:
        sources["dateline"] = "text"
    agency = meta.agency
    if agency is None:
        found = _story_agency(meta, dateline, body_paragraphs, removed)
        if found is not None:
            agency, sources["agency"] = found
    published = meta.published
    if published is None and dateline is not None and dateline.date is not None:
        # A dateline that writes the year out dates the story; a bare "June 3" does not.
        day = written_date(dateline.date.text)
        if day is not None:
            published = Published(value=day, source="dateline", evidence=(dateline.date,))
            sources["published"] = "dateline"
    meta = replace(
        meta, field_sources=sources, dateline=dateline, agency=agency, published=published
    )
    article = valid_article(
        Article(
            id="",
            text=canonical,
            source=source,
            metadata=meta,
            paragraphs=body_paragraphs,
            captions=tuple(placed),
            removed=removed,
            offset_map=OffsetMap(tuple(segments)),
        )
    )
    return replace(article, id=article_id(article.text))
