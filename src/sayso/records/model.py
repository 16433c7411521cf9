"""The record model: what sayso produces, as frozen, slotted dataclasses.

Every span is ``[start, end)`` in Unicode code points of the article's canonical text
(``Article.text``), which is what Python's ``str`` indexing counts. Offsets into the raw input
(``RawSpan``) count code points of the *decoded* raw input.

Records hold no behaviour beyond small derived helpers; extraction lives elsewhere. They never
import spaCy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

SCHEMA_VERSION = "sayso/1"
OFFSET_UNIT = "codepoint"

InputKind = Literal["text", "html", "warc", "feed", "jsonl", "url", "stdin"]
EntityType = Literal[
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT",
    "OTHER", "DOCUMENT",
]  # fmt: skip
RelationKind = Literal["publisher", "predecessor_of"]
MentionKind = Literal["name", "pronoun", "nominal", "acronym"]
StatementKind = Literal["direct", "partial", "indirect", "attitude", "own_voice"]
"""``direct`` and ``partial`` quotes; ``indirect``: reported speech stating a claim ("said that
X", "denied wrongdoing"); ``attitude``: an attribution stating no claim, an aim, request,
judgement or topic ("called for a vote", "criticised the plan") or a negated saying; and
``own_voice``: the outlet's own sentences."""
Stance = Literal["asserted", "neutral", "hedged", "endorsed", "disputed"]
HopRole = Literal[
    "outlet", "media", "document", "person", "organisation", "anonymous", "unnamed", "group"
]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Modality = Literal["asserted", "negated", "hypothetical", "future", "reported"]
Severity = Literal["info", "warning", "error"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the canonical text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"span [{self.start}, {self.end}) is not a valid range")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span [{self.start}, {self.end}) holds {len(self.text)} code points of text"
            )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of ``text``."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class RawSpan:
    """A stretch of the decoded raw input (before cleaning), ``[start, end)`` in code points."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class OffsetSegment:
    """``length`` code points that are identical at ``canonical`` and at ``raw``."""

    canonical: int
    raw: int
    length: int


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps canonical-text offsets back to raw-input offsets.

    Segments are sorted by canonical offset and do not overlap. Within the body, raw offsets
    increase with canonical ones; captions, appended after the body, map back to wherever they
    stood in the raw input. Text the cleaner wrote itself (a normalised paragraph break, say)
    lies between segments and maps to ``None``.
    """

    segments: tuple[OffsetSegment, ...] = ()

    def to_raw(self, offset: int) -> int | None:
        """The raw-input offset of canonical ``offset``, or None where it was synthesised."""
        lo, hi = 0, len(self.segments)
        while lo < hi:
            mid = (lo + hi) // 2
            seg = self.segments[mid]
            if offset < seg.canonical:
                hi = mid
            elif offset >= seg.canonical + seg.length:
                lo = mid + 1
            else:
                return seg.raw + (offset - seg.canonical)
        return None


@dataclass(frozen=True, slots=True)
class Source:
    """Where an article came from."""

    location: str
    kind: InputKind
    ingested_at: str
    record: str | None = None
    """Position inside a container: a WARC record id, a JSONL line number, a feed entry index."""


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date and the evidence for it."""

    value: str
    """ISO 8601 date or date-time; for estimates, the interval's midpoint."""
    source: str
    """Where it came from: ``html-meta``, ``htmldate``, ``warc-date``, ``feed``, ``jsonl``,
    ``csv``, ``meta.json``, ``argument`` (given by the user), ``url``, ``dateline``, ``text``,
    or ``estimate``. ``Metadata.field_sources["published"]`` names the exact tag or field."""
    earliest: str | None = None
    latest: str | None = None
    evidence: tuple[Span, ...] = ()
    estimated: bool = False


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline that opens a story (``BAGHDAD, June 3 (AP) —``), parsed into its parts.

    ``span`` covers the whole dateline, dash included; ``place`` is where the story was filed,
    ``date`` the day it names and ``agency`` the wire service or outlet in its parentheses.
    Every part is a span of the canonical text, so later stages can keep a dateline out of a
    statement's content and make its place and its agency two mentions, never one.
    """

    span: Span
    place: Span | None = None
    date: Span | None = None
    agency: Span | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article, with where each field came from."""

    title: str | None = None
    section: str | None = None
    byline: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    published: Published | None = None
    field_sources: Mapping[str, str] = field(default_factory=dict)
    """Field name → where its value came from (``text-first-line``, ``trafilatura``, ...)."""
    agency: str | None = None
    """The wire service whose copy the outlet ran (``Reuters``, ``AP``), kept apart from the
    outlet: a chain reads ``outlet ← agency ← speaker``."""
    dateline: Dateline | None = None


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption taken out of the body, with its credit.

    ``text`` is verbatim from the raw input at ``raw.start`` (the credit is set apart). Captions
    are also appended after the body in the canonical text, so that entities, times and events
    in them get spans like everything else; ``span`` says where, and records inside it are
    marked as coming from a caption.
    """

    text: str
    raw: RawSpan
    credit: str | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Removed:
    """Page junk taken out of the body, never silently deleted."""

    text: str
    raw: RawSpan
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """One article: canonical text that every span indexes, and what was set apart from it."""

    id: str
    text: str
    source: Source
    metadata: Metadata = Metadata()
    paragraphs: tuple[Span, ...] = ()
    """The body's paragraphs (captions are not among them)."""
    captions: tuple[Caption, ...] = ()
    removed: tuple[Removed, ...] = ()
    offset_map: OffsetMap = OffsetMap()
    diagnostics: tuple[Diagnostic, ...] = ()
    """What the reader wants the user to know (characters it replaced); the pipeline repeats
    them among the result's diagnostics."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """Why a mention was linked to its entity, and what else it could have been."""

    reason: str
    antecedent: Span | None = None
    alternatives: tuple[str, ...] = ()
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that refers to an entity."""

    span: Span
    label: str
    kind: MentionKind
    extractor: str
    entity_id: str | None = None
    resolution: Resolution | None = None


@dataclass(frozen=True, slots=True)
class SurfaceForm:
    """One way an entity is written in the article, and how often."""

    text: str
    count: int


@dataclass(frozen=True, slots=True)
class ExternalLink:
    """An entity's identity in a knowledge base (Wikidata), with why it was linked."""

    kb: str
    id: str
    label: str
    score: float
    evidence: str
    """What decided the link: the matching name, type and context words or dates."""


@dataclass(frozen=True, slots=True)
class EntityRelation:
    """How an entity stands to another entity of the same article.

    ``publisher``: a document (``the report``) published by ``entity_id`` (an outlet);
    ``predecessor_of``: an organisation under a former name (the Islamic State of Iraq) that
    ``entity_id`` (the same group renamed) succeeded: kept apart when an article tells them apart.
    """

    kind: RelationKind
    entity_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world person, organisation, place... with all its mentions in the article."""

    id: str
    type: EntityType
    name: str
    extractor: str
    aliases: tuple[SurfaceForm, ...] = ()
    titles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    ambiguous: bool = False
    links: tuple[ExternalLink, ...] = ()
    relations: tuple[EntityRelation, ...] = ()


@dataclass(frozen=True, slots=True)
class AttributionHop:
    """One link in the chain a statement travelled to reach the page."""

    role: HopRole
    text: str
    span: Span | None = None
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class StanceEvidence:
    """The outlet's stance toward a statement and the words that decided it."""

    label: Stance
    cues: tuple[Span, ...] = ()
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Statement:
    """Something someone said or claimed, with its sourcing."""

    id: str
    kind: StatementKind
    content: tuple[Span, ...]
    extractor: str
    stance: StanceEvidence
    cue: Span | None = None
    speaker: Span | None = None
    speaker_entity: str | None = None
    addressee: Span | None = None
    addressee_entity: str | None = None
    chain: tuple[AttributionHop, ...] = ()
    parent: str | None = None
    """The statement whose content contains this one (nested quotes)."""
    confidence: float = 1.0
    alternatives: tuple[AttributionHop, ...] = ()
    """Other sources the text allows for the speaker, most likely first, when it is ambiguous
    (a pronoun two people could stand for)."""
    doubt: str | None = None
    """What is unsure about the speaker or the chain, in words, when something is."""


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression normalised to TIMEX3."""

    id: str
    span: Span
    type: TimexType
    value: str
    extractor: str
    mod: str | None = None
    granularity: str | None = None
    anchor: str | None = None
    """The value (or timex id) a relative expression was resolved against."""
    anchor_source: str | None = None
    end_value: str | None = None
    """For a duration counted on from a known date (``three days later``): the date it reaches,
    so that what happened then can be dated (TIMEX3 names that point ``endPoint``)."""


@dataclass(frozen=True, slots=True)
class Argument:
    """A participant, place or time of an event."""

    role: str
    span: Span
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class EventTime:
    """When an event happened, relative to a timex."""

    relation: Literal["on", "before", "after", "during", "inherited"]
    value: str
    """EDTF-style value: ``2014-06``, ``2017~``, ``..2017``."""
    timex_id: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where and when."""

    id: str
    type: str
    """A PLOVER v2.0 type (``ASSAULT``) or a documented extension (``KILLED``)."""
    trigger: Span
    extractor: str
    arguments: tuple[Argument, ...] = ()
    time: EventTime | None = None
    modality: Modality = "asserted"
    statement_id: str | None = None
    from_caption: bool = False
    quantities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with what it counts."""

    id: str
    span: Span
    value: float
    extractor: str
    unit: str | None = None
    counted: str | None = None
    approx: str | None = None
    """How the text qualifies it: ``more than``, ``about``, ``tens of thousands``."""
    upper: float | None = None
    place: Span | None = None
    """Where it holds: a place its clause names (``killed in floods in Pakistan``)."""
    group: Span | None = None
    """The whole it is a part or a share of (``30 percent of voters``, ``Of the 200 dead, 150
    were children``, ``unemployment among the young``)."""
    as_of: EventTime | None = None
    """When it holds: the time its clause states (``rose to 250 on Monday``, ``as of June 1``)."""


@dataclass(frozen=True, slots=True)
class Flag:
    """An inconsistency or warning about the article's content, with the spans involved."""

    kind: str
    message: str
    spans: tuple[Span, ...]
    extractor: str
    records: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something the pipeline wants the user to know about this article."""

    stage: str
    severity: Severity
    message: str


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """An article and everything sayso found in it."""

    article: Article
    pipeline: Mapping[str, str] = field(default_factory=dict)
    """Component name → version, plus the spaCy model used."""
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    flags: tuple[Flag, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    timings: Mapping[str, float] = field(default_factory=dict)
    """Stage name → CPU seconds spent on this article."""
