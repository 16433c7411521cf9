"""Built-in stages: each reads the parsed Doc and earlier records, and calls pure rule functions.

They use the same protocol and registry as plugins (see ``sayso.nlp.stage``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from sayso.nlp.doctext import doc_text
from sayso.nlp.stage import Analysis, Stage
from sayso.records import Mention, Span

EXTRACTOR_VERSION = "0.1.0"


@dataclass(frozen=True, slots=True)
class NamedEntityStage:
    """spaCy's named entities as plain mentions, for pipelines that skip the entity layer."""

    name: str = "ner"
    version: str = EXTRACTOR_VERSION
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("mentions",)

    def __call__(self, work: Analysis) -> None:
        text = doc_text(work.doc)
        work.mentions = tuple(
            Mention(
                span=Span.of(text, ent.start_char, ent.end_char),
                label=ent.label_,
                kind="name",
                extractor=f"spacy.ner@{work.doc.vocab.lang}",
            )
            for ent in work.doc.ents
        )


@dataclass(frozen=True, slots=True)
class EntityStage:
    """Mentions grouped into entities, with aliases, titles and coreference links."""

    name: str = "entities"
    version: str = EXTRACTOR_VERSION
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("mentions", "entities")

    def __call__(self, work: Analysis) -> None:
        from sayso.entities.resolve import resolve_entities

        dateline = work.article.metadata.dateline
        work.mentions, work.entities = resolve_entities(work.doc, dateline=dateline)


@dataclass(frozen=True, slots=True)
class TimeStage:
    """TIMEX3 expressions anchored on the publication date, or an estimate of it."""

    name: str = "time"
    version: str = EXTRACTOR_VERSION
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("timexes",)

    def __call__(self, work: Analysis) -> None:
        from sayso.time import estimate_publication, extract_timexes

        meta = work.article.metadata
        anchor = meta.published.value if meta.published else None
        work.timexes = extract_timexes(doc_text(work.doc), anchor=anchor, doc=work.doc)
        if meta.published is None:
            estimate = estimate_publication(doc_text(work.doc), work.timexes)
            if estimate is not None:
                new_meta = dataclasses.replace(
                    meta,
                    published=estimate,
                    field_sources={**meta.field_sources, "published": "estimate"},
                )
                work.article = dataclasses.replace(work.article, metadata=new_meta)


@dataclass(frozen=True, slots=True)
class StatementStage:
    """Quotes and reported speech with speaker, attribution chain and the outlet's stance."""

    name: str = "statements"
    version: str = EXTRACTOR_VERSION
    requires: tuple[str, ...] = ("doc", "mentions", "entities")
    assigns: tuple[str, ...] = ("statements",)

    def __call__(self, work: Analysis) -> None:
        from sayso.statements import extract_statements

        work.statements = extract_statements(
            work.doc,
            mentions=work.mentions,
            entities=work.entities,
            outlet=work.article.metadata.outlet,
            agency=work.article.metadata.agency,
            dateline=dateline.span if (dateline := work.article.metadata.dateline) else None,
            captions=tuple(c.span for c in work.article.captions if c.span is not None),
        )


@dataclass(frozen=True, slots=True)
class NumberStage:
    """Quantities with what they count, and flags where they contradict each other."""

    name: str = "numbers"
    version: str = EXTRACTOR_VERSION
    requires: tuple[str, ...] = ("doc", "timexes")
    assigns: tuple[str, ...] = ("quantities", "flags")

    def __call__(self, work: Analysis) -> None:
        from sayso.numbers import check_consistency, extract_quantities

        work.quantities = extract_quantities(work.doc, timexes=work.timexes)
        work.flags = (*work.flags, *check_consistency(doc_text(work.doc), work.quantities))


@dataclass(frozen=True, slots=True)
class EventStage:
    """Typed events with their actors, targets, place and time, and flags where the text's
    own ordering of dated events contradicts their dates (an event before its cause)."""

    name: str = "events"
    version: str = EXTRACTOR_VERSION
    requires: tuple[str, ...] = ("doc", "mentions", "timexes", "statements", "quantities")
    assigns: tuple[str, ...] = ("events", "flags")

    def __call__(self, work: Analysis) -> None:
        from sayso.events import extract_events
        from sayso.numbers import check_date_order

        published = work.article.metadata.published
        work.events = extract_events(
            work.doc,
            mentions=work.mentions,
            timexes=work.timexes,
            statements=work.statements,
            quantities=work.quantities,
            caption_ranges=work.caption_ranges,
            anchor=published.value if published else None,
        )
        work.flags = (*work.flags, *check_date_order(work.doc, work.timexes, work.events))


def _wikidata_stage() -> Stage:
    """Opt-in Wikidata linking (sends entity names to Wikidata; never a default stage)."""
    from sayso.entities.wikidata import WikidataStage

    return WikidataStage()


BUILTIN_STAGES: dict[str, Callable[[], Stage]] = {
    "ner": NamedEntityStage,
    "entities": EntityStage,
    "time": TimeStage,
    "statements": StatementStage,
    "numbers": NumberStage,
    "events": EventStage,
    "wikidata": _wikidata_stage,
}
"""Stage name → factory. Plugins add theirs under the ``sayso.stages`` entry point group."""

DEFAULT_STAGES = ("entities", "time", "statements", "numbers", "events")
