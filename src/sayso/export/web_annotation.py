"""``webannotation``: W3C Web Annotation JSON-LD for mentions, statements, times and events.

The export is one ``AnnotationPage`` whose ``items`` are annotations. Every target is a
``SpecificResource`` on the article (its URL, else ``urn:sayso:article:<id>``) with two
equivalent selectors: a ``TextQuoteSelector`` (exact text and up to ``CONTEXT_CHARS`` code
points either side), which re-anchors on the live page, and a ``TextPositionSelector`` whose
``start``/``end`` count Unicode code points, as the Web Annotation model requires, of sayso's
canonical article text (not of the page's HTML).

- a mention: motivation ``identifying``; bodies are the entity (by IRI) and its name, and the
  mention's label as a tag;
- a statement: motivation ``describing``; the targets are its content spans; bodies say who
  said it, its kind and the outlet's stance as tags, and the attribution chain;
- its cue and speaker: motivation ``linking``, targeting those words, with the statement's
  annotation as body and ``cue`` or ``speaker`` as a tag;
- a timex: motivation ``describing``; bodies are its TIMEX3 value and type;
- an event: motivation ``describing``, targeting the trigger; bodies are a description and the
  event type as a tag.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

from sayso import __version__
from sayso.export.ids import article_iri, record_iri
from sayso.export.jsonld import write_document
from sayso.export.text import chain_text, speaker_name
from sayso.records import ArticleResult, Span, Statement

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32
"""Code points of prefix and suffix in a TextQuoteSelector: enough to make a short quote
unique on a news page, as Hypothesis-style anchoring does."""
PAGE_ID = "urn:sayso:annotations"

Node = dict[str, Any]


def _generator() -> Node:
    return {"id": "urn:sayso:software", "type": "Software", "name": f"sayso {__version__}"}


def _target(result: ArticleResult, span: Span) -> Node:
    text = result.article.text
    return {
        "type": "SpecificResource",
        "source": article_iri(result),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": span.text,
                "prefix": text[max(0, span.start - CONTEXT_CHARS) : span.start],
                "suffix": text[span.end : span.end + CONTEXT_CHARS],
            },
            {"type": "TextPositionSelector", "start": span.start, "end": span.end},
        ],
    }


def _text_body(value: str, purpose: str) -> Node:
    return {"type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain"}


def _annotation(annotation_id: str, motivation: str, body: list[Any], targets: list[Node]) -> Node:
    return {
        "id": annotation_id,
        "type": "Annotation",
        "motivation": motivation,
        "body": body,
        "target": targets[0] if len(targets) == 1 else targets,
        "generator": _generator(),
    }


def _statement_annotations(result: ArticleResult, statement: Statement) -> Iterator[Node]:
    article_id = result.article.id
    statement_id = record_iri(article_id, "annotation", "statement", statement.id)
    stance = statement.stance
    description = (
        f"{statement.kind} statement by {speaker_name(result, statement)}; "
        f"the outlet's stance: {stance.label}; "
        f"chain: {chain_text(statement, result.article.metadata.outlet)}"
    )
    yield _annotation(
        statement_id,
        "describing",
        [
            _text_body(description, "describing"),
            _text_body(statement.kind, "tagging"),
            _text_body(f"stance:{stance.label}", "tagging"),
        ],
        [_target(result, span) for span in statement.content],
    )
    for role, span in (("cue", statement.cue), ("speaker", statement.speaker)):
        if span is not None:
            yield _annotation(
                record_iri(article_id, "annotation", "statement", statement.id, role),
                "linking",
                [statement_id, _text_body(role, "tagging")],
                [_target(result, span)],
            )


def article_annotations(result: ArticleResult) -> Iterator[Node]:
    """The Web Annotations of one article, in record order."""
    article_id = result.article.id
    names = {entity.id: entity.name for entity in result.entities}
    for n, mention in enumerate(result.mentions):
        body: list[Any] = [_text_body(mention.label, "tagging")]
        if mention.entity_id is not None:
            body.insert(
                0, _text_body(names.get(mention.entity_id, mention.span.text), "identifying")
            )
            body.insert(0, record_iri(article_id, "entity", mention.entity_id))
        yield _annotation(
            record_iri(article_id, "annotation", "mention", str(n)),
            "identifying",
            body,
            [_target(result, mention.span)],
        )
    for statement in result.statements:
        if statement.content:
            yield from _statement_annotations(result, statement)
    for timex in result.timexes:
        yield _annotation(
            record_iri(article_id, "annotation", "timex", timex.id),
            "describing",
            [_text_body(timex.value, "describing"), _text_body(f"TIMEX3:{timex.type}", "tagging")],
            [_target(result, timex.span)],
        )
    for event in result.events:
        when = f" ({event.time.relation} {event.time.value})" if event.time else ""
        yield _annotation(
            record_iri(article_id, "annotation", "event", event.id),
            "describing",
            [
                _text_body(
                    f"{event.type}: {event.trigger.text}{when}, {event.modality}", "describing"
                ),
                _text_body(event.type, "tagging"),
            ],
            [_target(result, event.trigger)],
        )


def write_web_annotations(results: Iterable[ArticleResult], stream: IO[bytes]) -> int:
    """Write one AnnotationPage holding every annotation; how many annotations."""
    head = {"@context": CONTEXT, "id": PAGE_ID, "type": "AnnotationPage"}
    return write_document(
        stream, head, "items", (a for r in results for a in article_annotations(r))
    )
