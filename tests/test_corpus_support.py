"""Hand-built ArticleResults for the cross-article tests: one made-up story, many outlets.

Holds no tests itself. Every text here is invented: a minister's claim about a harbour bridge
and a storm on an island that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sayso.ingest.article import article_id
from sayso.records import (
    Article,
    ArticleResult,
    Entity,
    Mention,
    Metadata,
    Published,
    Source,
    Span,
    StanceEvidence,
    Statement,
    SurfaceForm,
)
from sayso.records.model import Argument, AttributionHop, Event, EventTime, Quantity


def span_of(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


@dataclass(frozen=True)
class Quote:
    speaker: str
    """As written; linked to the entity that has it as a surface form."""
    content: str
    stance: str = "neutral"
    medium: str | None = None
    """A medium the statement was relayed through ("according to Coastline Wire")."""
    kind: str = "direct"


@dataclass(frozen=True)
class Happening:
    type: str
    trigger: str
    place: str | None = None
    actor: str | None = None
    time: str | None = None
    quantities: tuple[tuple[str, float, str, str | None], ...] = ()
    """(text, value, counted, approx) of the numbers attached to the event."""
    inside_quote: int | None = None


@dataclass(frozen=True)
class Story:
    outlet: str
    published: str
    text: str
    entities: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Happening, ...] = field(default=())


def build(story: Story) -> ArticleResult:
    """The ArticleResult of a Story: entities, statements, events and quantities by hand."""
    text = story.text
    entities: list[Entity] = []
    for n, (name, type_, forms) in enumerate(story.entities, start=1):
        mentions = tuple(
            Mention(span_of(text, form), type_, "name", "hand", entity_id=f"e{n}") for form in forms
        )
        entities.append(
            Entity(
                f"e{n}",
                type_,  # type: ignore[arg-type]
                name,
                "hand",
                aliases=tuple(SurfaceForm(f, 1) for f in forms),
                mentions=mentions,
            )
        )

    def entity_of(form: str) -> str | None:
        return next((e.id for e in entities if form in {a.text for a in e.aliases}), None)

    statements: list[Statement] = []
    for n, quote in enumerate(story.quotes, start=1):
        chain = [AttributionHop("outlet", story.outlet)]
        if quote.medium is not None:
            chain.append(AttributionHop("media", quote.medium, span_of(text, quote.medium)))
        chain.append(AttributionHop("person", quote.speaker, span_of(text, quote.speaker)))
        statements.append(
            Statement(
                id=f"s{n}",
                kind=quote.kind,  # type: ignore[arg-type]
                content=(span_of(text, quote.content),),
                extractor="hand",
                stance=StanceEvidence(quote.stance),  # type: ignore[arg-type]
                speaker=span_of(text, quote.speaker),
                speaker_entity=entity_of(quote.speaker),
                chain=tuple(chain),
            )
        )
    events: list[Event] = []
    quantities: list[Quantity] = []
    for n, happening in enumerate(story.events, start=1):
        arguments = []
        if happening.place is not None:
            arguments.append(
                Argument("place", span_of(text, happening.place), entity_of(happening.place))
            )
        if happening.actor is not None:
            arguments.append(
                Argument("actor", span_of(text, happening.actor), entity_of(happening.actor))
            )
        ids = []
        for q_text, value, counted, approx in happening.quantities:
            qid = f"q{len(quantities) + 1}"
            quantities.append(
                Quantity(qid, span_of(text, q_text), value, "hand", counted=counted, approx=approx)
            )
            ids.append(qid)
        events.append(
            Event(
                id=f"v{n}",
                type=happening.type,
                trigger=span_of(text, happening.trigger),
                extractor="hand",
                arguments=tuple(arguments),
                time=EventTime("on", happening.time) if happening.time else None,
                statement_id=(
                    f"s{happening.inside_quote}" if happening.inside_quote is not None else None
                ),
                quantities=tuple(ids),
            )
        )
    return ArticleResult(
        article=Article(
            id=article_id(text),
            text=text,
            source=Source("hand", "text", "2024-06-01T00:00:00+00:00"),
            metadata=Metadata(
                title=text.split(".")[0],
                outlet=story.outlet,
                published=Published(story.published, "html-meta"),
            ),
        ),
        entities=tuple(entities),
        mentions=tuple(m for e in entities for m in e.mentions),
        statements=tuple(statements),
        events=tuple(events),
        quantities=tuple(quantities),
    )


FENWICK = ("Alda Fenwick", "PERSON", ("Alda Fenwick", "Fenwick"))
MARLO = ("Marlo Island", "GPE", ("Marlo Island",))
CLAIM = "The bridge will reopen before the winter floods arrive"

WIRE_TEXT = (
    "Storm batters Marlo Island. A storm killed 12 people on Marlo Island on Saturday, "
    "officials said, as rescue teams searched flooded villages along the northern coast. "
    "Transport minister Alda Fenwick visited the damaged harbour bridge on Sunday. "
    f'"{CLAIM}," Fenwick said. Engineers have begun pumping water out of the tunnels, and '
    "ferries will run a reduced timetable until further notice, the port authority added."
)

WIRE = Story(
    "Coastline Wire",
    "2024-03-03T08:00:00+00:00",
    WIRE_TEXT,
    entities=(FENWICK, MARLO),
    quotes=(Quote("Fenwick", CLAIM),),
    events=(
        Happening(
            "KILL",
            "killed",
            place="Marlo Island",
            time="2024-03-02",
            quantities=(("12 people", 12, "people", None),),
        ),
    ),
)

SYNDICATED = Story(
    "Valley Post",
    "2024-03-03T11:30:00+00:00",
    WIRE_TEXT.replace("Storm batters Marlo Island.", "Deadly storm hits island.").replace(
        "the port authority added.", "the port authority said on Sunday evening."
    ),
    entities=(FENWICK, MARLO),
    quotes=(Quote("Fenwick", CLAIM),),
    events=WIRE.events,
)

RELAYED = Story(
    "Daily Courier",
    "2024-03-04T09:00:00+00:00",
    "Courier briefing. According to Coastline Wire, minister Alda Fenwick promised quick "
    f'repairs. "{CLAIM}," Fenwick told reporters on the quay at the harbour.',
    entities=(FENWICK,),
    quotes=(Quote("Fenwick", CLAIM, medium="Coastline Wire"),),
)

INDEPENDENT = Story(
    "Harbour Times",
    "2024-03-04T18:00:00+00:00",
    "Doubts over bridge repairs. Our reporter spoke to engineers on Marlo Island, where at "
    "least 30 people were killed in the storm. Alda Fenwick insisted on a quick timetable: "
    f'"{CLAIM.replace("The bridge", "the bridge")}", she claimed, but engineers were sceptical.',
    entities=(FENWICK, MARLO),
    quotes=(Quote("Alda Fenwick", CLAIM.replace("The bridge", "the bridge"), stance="disputed"),),
    events=(
        Happening(
            "KILL",
            "killed",
            place="Marlo Island",
            time="2024-03-02",
            quantities=(("at least 30 people", 30, "people", "at least"),),
        ),
    ),
)

SURNAME_ONLY = Story(
    "Island Gazette",
    "2024-03-05T07:00:00+00:00",
    "Ferry timetable cut. Fenwick's ministry said the ferry timetable would stay reduced for "
    "another month while divers inspect the piers.",
    entities=(("Fenwick", "PERSON", ("Fenwick",)),),
)

UNRELATED = Story(
    "Harbour Times",
    "2024-03-06T10:00:00+00:00",
    "Library reopens. The town library reopened on Wednesday after a two-year renovation, and "
    "the head librarian, Joss Armitage, said visitors would find a new reading room. "
    '"We waited a long time for this day," Armitage said.',
    entities=(("Joss Armitage", "PERSON", ("Joss Armitage", "Armitage")),),
    quotes=(Quote("Armitage", "We waited a long time for this day"),),
)

STORIES = (WIRE, SYNDICATED, RELAYED, INDEPENDENT, SURNAME_ONLY, UNRELATED)
