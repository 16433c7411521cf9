"""Typed rows the store hands back: one frozen dataclass per kind of answer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

Fate = Literal["ingested", "duplicate", "failed"]
"""What became of one input: stored as a new article (or a new version), already stored, or
could not be read."""

SearchKind = Literal["articles", "statements", "entities"]


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One stored article version, without its extracted records (use ``Store.get``)."""

    id: str
    key: str
    """What versions are counted under: the article's URL, else ``location[#record]``."""
    version: int
    url: str | None
    title: str | None
    outlet: str | None
    language: str | None
    published: str | None
    published_on: date | None
    location: str
    record: str | None
    ingested_at: datetime


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One statement with the article context an analyst filters and cites by."""

    article_id: str
    statement_id: str
    kind: str
    stance: str
    speaker: str | None
    """The speaker as written in the article (``she``, ``a spokesman``)."""
    speaker_name: str | None
    """The canonical name of the speaker's entity, when the speaker was resolved."""
    content: str
    cue: str | None
    confidence: float
    start: int
    outlet: str | None
    title: str | None
    url: str | None
    published_on: date | None


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One entity of one article."""

    article_id: str
    entity_id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    mention_count: int


@dataclass(frozen=True, slots=True)
class FailureRow:
    """An input that could not be turned into an article, and why."""

    location: str
    record: str | None
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text match with a highlighted snippet of the matching text."""

    kind: SearchKind
    article_id: str
    record_id: str | None
    """The statement or entity id inside the article; None for article hits."""
    title: str | None
    snippet: str
    score: float
    """Backend-specific relevance, larger is better; compare only within one result list."""


@dataclass(frozen=True, slots=True)
class StoreStatus:
    """What a store holds: inputs per fate, rows per table, and the latest failures."""

    url: str
    """The database URL with any password masked."""
    schema_version: int
    fates: Mapping[Fate, int]
    tables: Mapping[str, int]
    recent_failures: tuple[FailureRow, ...]


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """A speaker (the entity's name when resolved, else as written) and how much they said."""

    name: str
    statements: int
    articles: int


@dataclass(frozen=True, slots=True)
class ClaimCount:
    """A statement content and in how many statements the outlets disputed it."""

    content: str
    disputed: int
    article_id: str
    """One article that disputes it (the smallest id), to link to."""
    statement_id: str


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """One canonical name across the corpus: in how many articles, with how many mentions."""

    name: str
    type: str
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class EntityOccurrence:
    """Where one canonical name occurs: the article and the entity's id inside it."""

    article_id: str
    entity_id: str
    title: str | None
    published_on: date | None


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event with the article it came from."""

    article_id: str
    event_id: str
    type: str
    trigger: str
    modality: str
    time_value: str | None
    """The EDTF-style value of the event's time (``2024-06-03``, ``2017~``), when known."""
    time_relation: str | None
    statement_id: str | None
    """The statement the event was reported in, if any."""
    title: str | None
    published: str | None
