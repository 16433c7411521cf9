"""Hand-made articles for the chronology and dossier tests, written for them.

Three outlets report Dana Keller's meeting with union leaders on 4 March 2024 (one through
Reuters, one without a title); one article has her resign with no date but its own, another
has her visit Paris on a June day of an unknown year; an arrest in Riverton involves someone
else. She says the same thing in two outlets, and critics say something about her.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sayso.ingest.article import make_article
from sayso.records import (
    Argument,
    ArticleResult,
    AttributionHop,
    Entity,
    Event,
    EventTime,
    Mention,
    Metadata,
    Published,
    Quantity,
    Source,
    Span,
    StanceEvidence,
    Statement,
    SurfaceForm,
    Timex,
)
from sayso.records.model import EntityType


def find(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), part)


@dataclass
class Builder:
    """Spans found by their text; entities made from the forms that mention them."""

    text: str
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def entity(self, eid: str, etype: EntityType, name: str, forms: list[tuple[str, int]]) -> None:
        found = tuple(
            Mention(find(self.text, form, nth), etype, "name", "test", entity_id=eid)
            for form, nth in forms
        )
        counts: dict[str, int] = {}
        for form, _ in forms:
            counts[form] = counts.get(form, 0) + 1
        self.mentions.extend(found)
        self.entities.append(
            Entity(
                eid,
                etype,
                name,
                "test",
                aliases=tuple(SurfaceForm(f, n) for f, n in counts.items()),
                mentions=found,
            )
        )

    def span(self, part: str, nth: int = 0) -> Span:
        return find(self.text, part, nth)


def _result(
    b: Builder,
    name: str,
    title: str | None,
    outlet: str,
    published: str,
    *,
    statements: tuple[Statement, ...] = (),
    timexes: tuple[Timex, ...] = (),
    events: tuple[Event, ...] = (),
    quantities: tuple[Quantity, ...] = (),
) -> ArticleResult:
    article = make_article(
        b.text,
        Source(f"tests/{name}.txt", "text", "2024-03-08T00:00:00+00:00"),
        metadata=Metadata(title=title, outlet=outlet, published=Published(published, "html-meta")),
    )
    return ArticleResult(
        article=article,
        mentions=tuple(sorted(b.mentions, key=lambda m: m.span.start)),
        entities=tuple(b.entities),
        statements=statements,
        timexes=timexes,
        events=events,
        quantities=quantities,
    )


QUOTE = "the tariff plan will protect local jobs"


def harbour() -> ArticleResult:
    b = Builder(
        "Finance Minister Dana Keller met 40 union leaders in Springfield on March 4, 2024. "
        f'"{QUOTE}," Keller said. Critics said Keller misled parliament. '
        "Keller resigned. Police arrested Tom Ortiz in Riverton on March 1, 2024."
    )
    keller = [("Dana Keller", 0), ("Keller", 1), ("Keller", 2), ("Keller", 3)]
    b.entity("e1", "PERSON", "Dana Keller", keller)
    b.entity("e2", "GPE", "Springfield", [("Springfield", 0)])
    b.entity("e3", "PERSON", "Tom Ortiz", [("Tom Ortiz", 0)])
    b.entity("e4", "GPE", "Riverton", [("Riverton", 0)])
    outlet = AttributionHop("outlet", "Harbour Times")
    statements = (
        Statement(
            "s1", "direct", (b.span(QUOTE),), "test", StanceEvidence("asserted"),
            cue=b.span("said"), speaker=b.span("Keller", 1), speaker_entity="e1",
            chain=(outlet, AttributionHop("person", "Dana Keller", b.span("Keller", 1), "e1")),
        ),
        Statement(
            "s2", "indirect", (b.span("Keller misled parliament"),), "test",
            StanceEvidence("neutral"), cue=b.span("said", 1), speaker=b.span("Critics"),
            chain=(outlet, AttributionHop("group", "Critics", b.span("Critics"))),
        ),
    )  # fmt: skip
    timexes = (
        Timex("t1", b.span("March 4, 2024"), "DATE", "2024-03-04", "test"),
        Timex("t2", b.span("March 1, 2024"), "DATE", "2024-03-01", "test"),
    )
    events = (
        Event(
            "v1", "MEET", b.span("met"), "test",
            arguments=(
                Argument("actor", b.span("Dana Keller"), "e1"),
                Argument("recipient", b.span("union leaders")),
                Argument("place", b.span("Springfield"), "e2"),
            ),
            time=EventTime("on", "2024-03-04", "t1"), quantities=("q1",),
        ),
        Event(
            "v2", "RESIGN", b.span("resigned"), "test",
            arguments=(Argument("actor", b.span("Keller", 3), "e1"),),
            time=EventTime("inherited", "2024-03-05"),
        ),
        Event(
            "v3", "ARREST", b.span("arrested"), "test",
            arguments=(
                Argument("actor", b.span("Police")),
                Argument("recipient", b.span("Tom Ortiz"), "e3"),
                Argument("place", b.span("Riverton"), "e4"),
            ),
            time=EventTime("on", "2024-03-01", "t2"),
        ),
    )  # fmt: skip
    quantities = (Quantity("q1", b.span("40"), 40.0, "test", counted="union leaders"),)
    return _result(
        b, "harbour", "Keller defends tariff plan", "Harbour Times", "2024-03-05",
        statements=statements, timexes=timexes, events=events, quantities=quantities,
    )  # fmt: skip


def courier() -> ArticleResult:
    b = Builder(
        "Dana Keller met union leaders in Springfield on Monday, Reuters reported. "
        f'Keller told Reuters "{QUOTE}". Keller visited Paris on 1 June.'
    )
    b.entity("e1", "PERSON", "Dana Keller", [("Dana Keller", 0), ("Keller", 1), ("Keller", 2)])
    b.entity("e2", "GPE", "Springfield", [("Springfield", 0)])
    b.entity("e3", "ORG", "Reuters", [("Reuters", 0), ("Reuters", 1)])
    b.entity("e4", "GPE", "Paris", [("Paris", 0)])
    outlet = AttributionHop("outlet", "Valley Courier")
    reuters = AttributionHop("media", "Reuters", b.span("Reuters"), "e3")
    statements = (
        Statement(
            "s1", "indirect", (b.span("Dana Keller met union leaders in Springfield on Monday"),),
            "test", StanceEvidence("neutral"), cue=b.span("reported"),
            speaker=b.span("Reuters"), speaker_entity="e3", chain=(outlet, reuters),
        ),
        Statement(
            "s2", "direct", (b.span(QUOTE),), "test", StanceEvidence("neutral"),
            cue=b.span("told"), speaker=b.span("Keller", 1), speaker_entity="e1",
            chain=(
                outlet,
                AttributionHop("media", "Reuters", b.span("Reuters", 1), "e3"),
                AttributionHop("person", "Dana Keller", b.span("Keller", 1), "e1"),
            ),
        ),
    )  # fmt: skip
    timexes = (
        Timex("t1", b.span("Monday"), "DATE", "2024-03-04", "test"),
        Timex("t2", b.span("1 June"), "DATE", "XXXX-06-01", "test"),
    )
    events = (
        Event(
            "v1", "MEET", b.span("met"), "test",
            arguments=(
                Argument("actor", b.span("Dana Keller"), "e1"),
                Argument("place", b.span("Springfield"), "e2"),
            ),
            time=EventTime("on", "2024-03-04", "t1"), statement_id="s1",
        ),
        Event(
            "v2", "VISIT", b.span("visited"), "test",
            arguments=(
                Argument("actor", b.span("Keller", 2), "e1"),
                Argument("place", b.span("Paris"), "e4"),
            ),
            time=EventTime("on", "XXXX-06-01", "t2"),
        ),
    )  # fmt: skip
    return _result(
        b, "courier", "Keller meets unions", "Valley Courier", "2024-03-06",
        statements=statements, timexes=timexes, events=events,
    )  # fmt: skip


def gazette() -> ArticleResult:
    """Untitled: named by its outlet and date, never by its id."""
    b = Builder("Keller met union leaders in Springfield on March 4.")
    b.entity("e1", "PERSON", "Dana Keller", [("Keller", 0)])
    b.entity("e2", "GPE", "Springfield", [("Springfield", 0)])
    events = (
        Event(
            "v1", "MEET", b.span("met"), "test",
            arguments=(
                Argument("actor", b.span("Keller"), "e1"),
                Argument("place", b.span("Springfield"), "e2"),
            ),
            time=EventTime("on", "2024-03-04", "t1"),
        ),
    )  # fmt: skip
    timexes = (Timex("t1", b.span("March 4"), "DATE", "2024-03-04", "test"),)
    return _result(b, "gazette", None, "The Gazette", "2024-03-07", timexes=timexes, events=events)


def keller_results() -> list[ArticleResult]:
    return [harbour(), courier(), gazette()]


ACTORS = ("Dana Keller", "Tom Ortiz", "Lena Park", "Ravi Shah", "Ana Lopez")
PLACES = ("Springfield", "Riverton", "Harbourside", "Lakeview", "Millbrook")
VERBS = (("MEET", "met", "union leaders"), ("VISIT", "visited", "the port"),
         ("PROTEST", "criticised", "the council"), ("AGREE", "signed", "the accord"),
         ("CONSULT", "called", "the governor"))  # fmt: skip


def busy_results(count: int = 50, per_article: int = 5) -> list[ArticleResult]:
    """``count`` dated events over two years, five actors, in articles of ``per_article``
    events each: a timeline too dense to read event by event at its first view."""
    results = []
    for a in range(0, count, per_article):
        sentences, specs = [], []
        for n in range(a, min(a + per_article, count)):
            actor, place = ACTORS[n % 5], PLACES[(n // 5) % 5]
            kind, verb, thing = VERBS[(n // 2) % 5]
            year, month, day = 2023 + n * 2 // count, (n * 7) % 12 + 1, n % 27 + 1
            when = f"{year}-{month:02d}-{day:02d}"
            sentences.append(f"{actor} {verb} {thing} in {place} on {when}.")
            specs.append((n, actor, verb, thing, place, kind, when))
        b = Builder(" ".join(sentences))
        events, timexes = [], []
        seen: dict[str, str] = {}
        for i, (n, actor, verb, thing, place, kind, when) in enumerate(specs):
            sentence = b.text.index(f"{actor} {verb} {thing} in {place} on {when}.")
            nth = b.text[:sentence].count(actor)
            if actor not in seen:
                seen[actor] = f"p{len(seen)}"
                forms = [(actor, k) for k in range(b.text.count(actor))]
                b.entity(seen[actor], "PERSON", actor, forms)
            start = b.text.index(when, sentence)
            timexes.append(
                Timex(f"t{i}", Span(start, start + len(when), when), "DATE", when, "test")
            )
            trigger = b.text.index(verb, sentence)
            thing_at = b.text.index(thing, sentence)
            place_at = b.text.index(place, sentence)
            events.append(
                Event(
                    f"v{n}", kind, Span(trigger, trigger + len(verb), verb), "test",
                    arguments=(
                        Argument("actor", b.span(actor, nth), seen[actor]),
                        Argument("recipient", Span(thing_at, thing_at + len(thing), thing)),
                        Argument("place", Span(place_at, place_at + len(place), place)),
                    ),
                    time=EventTime("on", when, f"t{i}"),
                )
            )  # fmt: skip
        results.append(
            _result(
                b,
                f"busy-{a}",
                f"Week in review {a // per_article + 1}",
                "Civic Wire",
                "2025-01-15",
                timexes=tuple(timexes),
                events=tuple(events),
            )
        )
    return results
