"""ArticleResult → what a page shows: highlighted text pieces, statements with their chains.

Pure functions over records, shared by the HTML pages and the JSON API so both say the same
thing. Nothing here escapes: the templates (autoescaping) and the JSON encoder do that.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from sayso.export.text import (
    article_name,
    entity_aliases,
    flag_kinds,
    quantity_cells,
    speaker_name,
)
from sayso.records import ArticleResult, Span, Statement
from sayso.records.kinds import listed


def entity_href(name: str) -> str:
    return "/entities/" + quote(name, safe="")


def article_href(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def statement_href(article_id: str, statement_id: str) -> str:
    return f"{article_href(article_id)}?statement={quote(statement_id, safe='')}#statement-detail"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text under one set of highlights."""

    text: str
    classes: str
    statement_id: str | None = None
    entity_name: str | None = None
    title: str = ""
    anchors: tuple[str, ...] = ()
    """Ids of the events whose trigger starts here (``event-v1``), for links to them."""


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or a caption, cut into pieces."""

    kind: str
    pieces: tuple[Piece, ...]
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Hop:
    role: str
    text: str
    entity_name: str | None


@dataclass(frozen=True, slots=True)
class StatementView:
    """One statement as a reader checks it: who, what, through whom, and how the outlet
    framed it (with the words that decided the stance)."""

    id: str
    kind: str
    speaker: str
    speaker_entity: str | None
    content: str
    cue: str | None
    stance: str
    stance_rule: str
    stance_cues: tuple[str, ...]
    chain: tuple[Hop, ...]
    parent: str | None
    confidence: float
    doubt: str | None = None
    """What is unsure about the speaker or the chain, when something is."""
    alternatives: tuple[str, ...] = ()
    """Other speakers the text allows."""

    @property
    def chain_text(self) -> str:
        return " ← ".join(hop.text for hop in self.chain)


@dataclass(frozen=True, slots=True)
class MetadataField:
    name: str
    value: str
    source: str


@dataclass(frozen=True, slots=True)
class ArticleView:
    id: str
    title: str
    blocks: tuple[Block, ...]
    captions: tuple[Block, ...]
    metadata: tuple[MetadataField, ...]
    statements: tuple[StatementView, ...]
    """The claims: quotes and reported claims (:func:`sayso.records.kinds.listed`)."""
    removed: tuple[tuple[str, str], ...]
    flags: tuple[tuple[str, str], ...]
    diagnostics: tuple[tuple[str, str, str], ...]
    entity_names: dict[str, str] = field(default_factory=dict)
    numbers: tuple[tuple[str, ...], ...] = ()
    """Each quantity as :func:`sayso.export.text.quantity_cells` reads it, then its flags."""
    entities: tuple[tuple[str, str, str, str], ...] = ()
    """(name, type, other surface forms with counts, titles) of each entity."""
    attitudes: tuple[StatementView, ...] = ()
    """Attributions that state no claim (aims, requests, judgements, negated sayings), listed
    apart and only when asked for."""


def entity_names(result: ArticleResult) -> dict[str, str]:
    return {entity.id: entity.name for entity in result.entities}


def content_text(statement: Statement) -> str:
    return " … ".join(span.text for span in statement.content)


def statement_view(
    result: ArticleResult, statement: Statement, names: Mapping[str, str] | None = None
) -> StatementView:
    """``names`` are ``entity_names(result)``, passed in when viewing many statements."""
    names = entity_names(result) if names is None else names
    outlet = result.article.metadata.outlet
    hops = [
        Hop(
            hop.role,
            outlet if hop.role == "outlet" and outlet else hop.text,
            names.get(hop.entity_id or ""),
        )
        for hop in statement.chain
    ]
    if not hops or hops[0].role != "outlet":
        hops.insert(0, Hop("outlet", outlet or "the outlet", None))
    speaker_entity = names.get(statement.speaker_entity or "")
    speaker = speaker_name(result, statement, names)
    return StatementView(
        id=statement.id,
        kind=statement.kind,
        speaker=speaker,
        speaker_entity=speaker_entity,
        content=content_text(statement),
        cue=statement.cue.text if statement.cue else None,
        stance=statement.stance.label,
        stance_rule=statement.stance.rule,
        stance_cues=tuple(cue.text for cue in statement.stance.cues),
        chain=tuple(hops),
        parent=statement.parent,
        confidence=statement.confidence,
        doubt=statement.doubt,
        alternatives=tuple(
            names.get(hop.entity_id or "") or hop.text for hop in statement.alternatives
        ),
    )


Mark = tuple[int, int, str, str | None, str | None, str]
"""(start, end, css class, statement id, entity name, title) of one highlight."""


def _marks(result: ArticleResult, names: Mapping[str, str]) -> list[Mark]:
    marks: list[Mark] = []
    for mention in result.mentions:
        name = names.get(mention.entity_id or "")
        marks.append((mention.span.start, mention.span.end, "ent", None, name, mention.label))
    for statement in listed(result.statements):
        label = statement.stance.label
        for span in statement.content:
            marks.append((span.start, span.end, f"q st-{label}", statement.id, None, label))
        if statement.cue:
            marks.append((statement.cue.start, statement.cue.end, "cue", None, None, "cue"))
        if statement.speaker:
            s = statement.speaker
            marks.append((s.start, s.end, "spk", None, None, "speaker"))
    for event in result.events:
        t = event.trigger
        marks.append((t.start, t.end, "ev", None, None, f"event {event.type}"))
    for timex in result.timexes:
        x = timex.span
        marks.append((x.start, x.end, "tx", None, None, f"{timex.type} {timex.value}"))
    return marks


Look = tuple[str, str | None, str | None, str]
"""(css classes, statement id, entity name, title) of a piece under some set of highlights."""


def _look(active: Sequence[Mark]) -> Look:
    """How text under the ``active`` highlights looks: every class, the innermost quote and
    entity (the latest to start, then the shortest), every title."""
    if not active:
        return "", None, None, ""
    if len(active) == 1:
        # Most pieces: plain text or a single highlight.
        _, _, css, statement_id, entity_name, title = active[0]
        return " ".join(sorted(set(css.split()))), statement_id or None, entity_name or None, title
    classes = " ".join(sorted({c for m in active for c in m[2].split()}))
    quotes = sorted((m for m in active if m[3]), key=lambda m: (m[0], -m[1]))
    named = sorted((m for m in active if m[4]), key=lambda m: (m[0], -m[1]))
    titles = sorted({m[5] for m in active if m[5]})
    return (
        classes,
        quotes[-1][3] if quotes else None,
        named[-1][4] if named else None,
        " · ".join(titles),
    )


@dataclass(frozen=True, slots=True)
class Marks:
    """An article's highlights sorted by start, so that a block finds its own by bisection
    instead of testing every highlight of the article for every paragraph."""

    marks: tuple[Mark, ...]
    starts: tuple[int, ...]
    longest: int

    @classmethod
    def of(cls, marks: Sequence[Mark]) -> Marks:
        ordered = tuple(sorted((m for m in marks if m[1] > m[0]), key=lambda m: m[0]))
        longest = max((m[1] - m[0] for m in ordered), default=0)
        return cls(ordered, tuple(m[0] for m in ordered), longest)

    def overlapping(self, start: int, end: int) -> list[Mark]:
        """The highlights overlapping ``[start, end)``, in order of start."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.marks[lo:hi] if m[1] > start]


def _pieces(
    text: str, start: int, end: int, marks: Marks, anchors: Mapping[int, tuple[str, ...]]
) -> tuple[Piece, ...]:
    """Cut ``text[start:end]`` at every highlight boundary inside it.

    One sweep over the cuts: a highlight joins the active set at its start and leaves at its
    end, and pieces under the same set share one look.
    """
    inside = marks.overlapping(start, end)
    cuts = sorted({start, end} | {b for m in inside for b in m[:2] if start < b < end})
    looks: dict[tuple[int, ...], Look] = {}
    pieces: list[Piece] = []
    active: list[int] = []
    waiting = 0
    for left, right in itertools.pairwise(cuts):
        while waiting < len(inside) and inside[waiting][0] <= left:
            active.append(waiting)
            waiting += 1
        if any(inside[i][1] <= left for i in active):
            active = [i for i in active if inside[i][1] > left]
        key = tuple(active)
        look = looks.get(key)
        if look is None:
            look = looks[key] = _look([inside[i] for i in key])
        pieces.append(Piece(text[left:right], *look, anchors=anchors.get(left, ())))
    return tuple(pieces)


def article_view(result: ArticleResult, *, attitudes: bool = True) -> ArticleView:
    """An article as its page shows it: the text with its claims highlighted, the claims
    listed, and with ``attitudes`` the attitudes listed apart."""
    article = result.article
    meta = article.metadata
    names = entity_names(result)
    marks = Marks.of(_marks(result, names))
    text = article.text
    caption_spans = [c.span for c in article.captions if c.span is not None]
    paragraphs: tuple[Span, ...] = article.paragraphs or (
        (Span.of(text, 0, caption_spans[0].start if caption_spans else len(text)),)
    )
    anchors: dict[int, tuple[str, ...]] = {}
    for event in result.events:
        start = event.trigger.start
        anchors[start] = (*anchors.get(start, ()), f"event-{event.id}")
    blocks = tuple(
        Block("paragraph", _pieces(text, p.start, p.end, marks, anchors)) for p in paragraphs
    )
    captions = tuple(
        Block("caption", _pieces(text, c.span.start, c.span.end, marks, anchors), c.credit)
        if c.span is not None
        else Block("caption", (Piece(c.text, ""),), c.credit)
        for c in article.captions
    )
    sources = meta.field_sources
    fields = [
        ("title", meta.title),
        ("outlet", meta.outlet),
        ("byline", meta.byline),
        ("section", meta.section),
        ("published", meta.published.value if meta.published else None),
        ("url", meta.url),
        ("language", meta.language),
    ]
    metadata = [MetadataField(k, v, sources.get(k, "")) for k, v in fields if v]
    if meta.published:
        p = meta.published
        how = "estimated" if p.estimated else "stated"
        between = f", between {p.earliest} and {p.latest}" if p.earliest and p.latest else ""
        evidence = "; ".join(span.text for span in p.evidence)
        detail = f"{how}{between}" + (f" (from: {evidence})" if evidence else "")
        metadata.append(MetadataField("published (evidence)", detail, p.source))
    src = article.source
    metadata.append(MetadataField("input", src.location, src.kind))
    metadata.append(MetadataField("ingested", src.ingested_at, "sayso"))
    flagged = flag_kinds(result)
    return ArticleView(
        id=article.id,
        title=article_name(article),
        blocks=blocks,
        captions=captions,
        metadata=tuple(metadata),
        statements=tuple(statement_view(result, s, names) for s in listed(result.statements)),
        removed=tuple((r.text, r.reason) for r in article.removed),
        flags=tuple((f.kind, f.message) for f in result.flags),
        diagnostics=tuple((d.stage, d.severity, d.message) for d in result.diagnostics),
        entity_names=names,
        numbers=tuple(
            (*quantity_cells(q), ", ".join(flagged.get(q.id, ()))) for q in result.quantities
        ),
        entities=tuple(
            (e.name, e.type, entity_aliases(e), ", ".join(e.titles)) for e in result.entities
        ),
        attitudes=tuple(
            statement_view(result, s, names)
            for s in result.statements
            if attitudes and s.kind == "attitude"
        ),
    )
