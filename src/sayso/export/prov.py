"""``prov``: attribution chains as W3C PROV-O, in JSON-LD with an inline context.

A statement's chain reads from the outlet outward (outlet ← carrier ← speaker ← inner
source). Each link is one version of the statement, a ``prov:Entity``:

- version 0 is the statement as published, ``urn:sayso:<article>:statement:<id>``;
- version *i* (``…:via:<i>``) is the statement as hop *i* conveyed it;
- each version ``prov:wasAttributedTo`` its hop's ``prov:Agent`` (``prov:Person`` for people
  and unnamed or anonymous sources, ``prov:Organization`` for the outlet, media and
  organisations); a document hop (``a report said``) is not an agent: its version is the
  document itself, typed ``sayso:Document``;
- version *i* ``prov:wasQuotedFrom`` version *i+1* for direct and partial quotes (the words were
  repeated) and ``prov:wasDerivedFrom`` it for indirect speech (they were paraphrased).

The statement carries its text (``prov:value``), kind, the outlet's stance and its cues, and
``dcterms:isPartOf`` its article, which is ``prov:wasAttributedTo`` the outlet. Agents linked
to an entity are named by the entity's IRI, so one speaker's statements in an article share an
agent; outlets are shared across the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

from sayso.export.ids import article_iri, outlet_iri, record_iri
from sayso.export.jsonld import write_graph
from sayso.export.text import content_text
from sayso.records import ArticleResult, AttributionHop, Statement

SAYSO_NS = "https://sayso.dev/ns#"
CONTEXT = {
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "sayso": SAYSO_NS,
}
_AGENT_TYPES = {
    "outlet": "prov:Organization",
    "media": "prov:Organization",
    "organisation": "prov:Organization",
    "person": "prov:Person",
    "anonymous": "prov:Person",
    "unnamed": "prov:Person",
    "group": "prov:Agent",
}
_QUOTED_KINDS = frozenset({"direct", "partial"})
UNKNOWN_OUTLET = "unknown outlet"

Node = dict[str, Any]


def _ref(iri: str) -> Node:
    return {"@id": iri}


def _version_iri(article_id: str, statement: Statement, hop_n: int) -> str:
    if hop_n == 0:
        return record_iri(article_id, "statement", statement.id)
    return record_iri(article_id, "statement", statement.id, "via", str(hop_n))


def _agent_iri(result: ArticleResult, statement: Statement, hop_n: int, hop: AttributionHop) -> str:
    if hop.role == "outlet":
        return outlet_iri(result.article.metadata.outlet or hop.text)
    if hop.entity_id:
        return record_iri(result.article.id, "entity", hop.entity_id)
    return record_iri(result.article.id, "statement", statement.id, "hop", str(hop_n))


def _chain(result: ArticleResult, statement: Statement) -> tuple[AttributionHop, ...]:
    """The statement's hops, starting at the outlet even where the chain omits it."""
    chain = statement.chain
    if not chain or chain[0].role != "outlet":
        outlet = result.article.metadata.outlet or UNKNOWN_OUTLET
        chain = (AttributionHop("outlet", outlet), *chain)
    return chain


def _statement_nodes(result: ArticleResult, statement: Statement) -> Iterator[Node]:
    article_id = result.article.id
    chain = _chain(result, statement)
    relation = "prov:wasQuotedFrom" if statement.kind in _QUOTED_KINDS else "prov:wasDerivedFrom"
    for n, hop in enumerate(chain):
        version: Node = {"@id": _version_iri(article_id, statement, n)}
        if n == 0:
            version.update(
                {
                    "@type": ["prov:Entity", "sayso:Statement"],
                    "prov:value": content_text(statement),
                    "sayso:kind": statement.kind,
                    "sayso:stance": statement.stance.label,
                    "sayso:stanceCue": [cue.text for cue in statement.stance.cues],
                    "dcterms:isPartOf": _ref(article_iri(result)),
                }
            )
            if statement.parent:
                version["sayso:nestedIn"] = _ref(
                    record_iri(article_id, "statement", statement.parent)
                )
        elif hop.role == "document":
            version.update({"@type": ["prov:Entity", "sayso:Document"], "rdfs:label": hop.text})
        else:
            version["@type"] = "prov:Entity"
        if hop.role != "document":
            agent = _agent_iri(result, statement, n, hop)
            version["prov:wasAttributedTo"] = _ref(agent)
            yield {
                "@id": agent,
                "@type": _AGENT_TYPES.get(hop.role, "prov:Agent"),
                "rdfs:label": hop.text,
                "sayso:role": hop.role,
            }
        if n + 1 < len(chain):
            version[relation] = _ref(_version_iri(article_id, statement, n + 1))
        yield version


def prov_nodes(result: ArticleResult) -> Iterator[Node]:
    """The PROV-O nodes of one article: the article, then each statement's chain."""
    meta = result.article.metadata
    outlet = meta.outlet or UNKNOWN_OUTLET
    article: Node = {
        "@id": article_iri(result),
        "@type": ["prov:Entity", "sayso:Article"],
        "prov:wasAttributedTo": _ref(outlet_iri(outlet)),
    }
    if meta.title:
        article["rdfs:label"] = meta.title
    if meta.published:
        article["dcterms:issued"] = meta.published.value
    yield article
    for statement in result.statements:
        yield from _statement_nodes(result, statement)


def write_prov(results: Iterable[ArticleResult], stream: IO[bytes]) -> int:
    """Write one PROV-O JSON-LD document; how many nodes."""
    return write_graph(stream, CONTEXT, (n for result in results for n in prov_nodes(result)))
