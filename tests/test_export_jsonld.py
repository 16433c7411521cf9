"""ClaimReview, Web Annotation and PROV-O exports, parsed by rdflib and queried with SPARQL.

The Web Annotation and schema.org contexts are remote documents and the tests run offline, so
the parser is given local equivalents of the terms these exports use. ``ANNO_CONTEXT`` repeats
the term definitions of http://www.w3.org/ns/anno.jsonld (W3C, 2017) for those terms;
``SCHEMA_CONTEXT`` is the ``@vocab`` of https://schema.org's context document.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from typing import IO, Any

import pytest

from sayso.export import claimreview, prov, web_annotation
from sayso.records import ArticleResult
from tests.test_export_fixtures import LEDGER_TEXT, LEDGER_URL, corpus, find

rdflib = pytest.importorskip("rdflib", reason="rdflib parses the JSON-LD exports")

# rdflib 7.6's JSON-LD parser builds a ConjunctiveGraph internally, a class it deprecates itself.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

SCHEMA_CONTEXT = {"@vocab": "http://schema.org/"}
ANNO_CONTEXT = {
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "as": "http://www.w3.org/ns/activitystreams#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "http://schema.org/",
    "id": {"@id": "@id", "@type": "@id"},
    "type": {"@id": "@type", "@type": "@id"},
    "Annotation": "oa:Annotation",
    "AnnotationPage": "as:OrderedCollectionPage",
    "SpecificResource": "oa:SpecificResource",
    "TextualBody": "oa:TextualBody",
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "TextPositionSelector": "oa:TextPositionSelector",
    "Software": "as:Application",
    "body": {"@type": "@id", "@id": "oa:hasBody"},
    "target": {"@type": "@id", "@id": "oa:hasTarget"},
    "source": {"@type": "@id", "@id": "oa:hasSource"},
    "selector": {"@type": "@id", "@id": "oa:hasSelector"},
    "generator": {"@type": "@id", "@id": "as:generator"},
    "motivation": {"@type": "@vocab", "@id": "oa:motivatedBy"},
    "purpose": {"@type": "@vocab", "@id": "oa:hasPurpose"},
    "identifying": "oa:identifying",
    "describing": "oa:describing",
    "linking": "oa:linking",
    "tagging": "oa:tagging",
    "items": {"@type": "@id", "@id": "as:items", "@container": "@list"},
    "exact": "oa:exact",
    "prefix": "oa:prefix",
    "suffix": "oa:suffix",
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "value": "rdf:value",
    "format": "dc:format",
    "name": "schema:name",
}
LOCAL_CONTEXTS: dict[str, Any] = {
    claimreview.CONTEXT: SCHEMA_CONTEXT,
    web_annotation.CONTEXT: ANNO_CONTEXT,
}


def _export(
    write: Callable[[Iterable[ArticleResult], IO[bytes]], int],
) -> tuple[dict[str, Any], int]:
    buffer = io.BytesIO()
    count = write(corpus(), buffer)
    return json.loads(buffer.getvalue().decode("utf-8")), count


def _graph(document: dict[str, Any]) -> Any:
    context = document["@context"]
    offline = {
        **document,
        "@context": LOCAL_CONTEXTS[context] if isinstance(context, str) else context,
    }
    graph = rdflib.Graph()
    graph.parse(data=json.dumps(offline), format="json-ld")
    assert len(graph) > 0
    return graph


def _rows(graph: Any, query: str) -> list[tuple[str, ...]]:
    return sorted(tuple(str(v) for v in row) for row in graph.query(query))


def test_claimreview_names_the_outlet_as_author_and_the_stance_as_rating() -> None:
    document, count = _export(claimreview.write_claimreview)
    assert document["@context"] == "https://schema.org"
    assert count == len(document["@graph"]) == 4, "own-voice statements are not claims"
    rows = _rows(
        _graph(document),
        """PREFIX schema: <http://schema.org/>
        SELECT ?claimed ?speaker ?outlet ?stance ?appearance WHERE {
          ?review a schema:ClaimReview ;
                  schema:claimReviewed ?claimed ;
                  schema:author/schema:name ?outlet ;
                  schema:reviewRating/schema:alternateName ?stance ;
                  schema:itemReviewed ?claim .
          ?claim a schema:Claim ;
                 schema:appearance ?appearance .
          OPTIONAL { ?claim schema:author/schema:name ?speaker }
        }""",
    )
    article_b = "urn:sayso:article:" + "b" * 64
    assert rows == sorted(
        [
            (
                "the bridge would reopen in April",
                "Lena Ortiz",
                "Harbor Ledger",
                "neutral",
                LEDGER_URL,
            ),
            (
                "40 workers were hurt on Monday",
                "The ministry",
                "Harbor Ledger",
                "hedged",
                LEDGER_URL,
            ),
            ("We build safely,", "Tom Reyes", "Harbor Ledger", "neutral", LEDGER_URL),
            ("the plant was safe", "Acme Corp", "Valley Courier", "disputed", article_b),
        ]
    )


def test_claimreview_says_it_is_not_a_verdict() -> None:
    document, _ = _export(claimreview.write_claimreview)
    for review in document["@graph"]:
        assert "ratingValue" not in review["reviewRating"]
        assert "not a fact-check verdict" in review["reviewAspect"]
        assert "not a verdict" in review["reviewRating"]["ratingExplanation"]
        assert review["sdPublisher"]["name"] == "sayso"
    disputed = document["@graph"][-1]
    assert "“falsely”" in disputed["reviewRating"]["ratingExplanation"]


def test_web_annotations_select_code_points_and_quote_the_text() -> None:
    document, count = _export(web_annotation.write_web_annotations)
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationPage"
    assert count == len(document["items"])
    graph = _graph(document)
    rows = _rows(
        graph,
        """PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?exact ?prefix ?start ?end WHERE {
          ?a a oa:Annotation ; oa:motivatedBy oa:describing ; oa:hasTarget ?t .
          ?t oa:hasSource <https://ledger.example/bridge> ;
             oa:hasSelector ?q, ?p .
          ?q a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix .
          ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
          FILTER (?exact = "the bridge would reopen in April")
        }""",
    )
    span = find(LEDGER_TEXT, "the bridge would reopen in April")
    prefix = LEDGER_TEXT[span.start - web_annotation.CONTEXT_CHARS : span.start]
    assert rows == [(span.text, prefix, str(span.start), str(span.end))]


def test_web_annotations_link_cue_and_speaker_to_their_statement() -> None:
    document, _ = _export(web_annotation.write_web_annotations)
    rows = _rows(
        _graph(document),
        """PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?role ?words WHERE {
          ?link oa:motivatedBy oa:linking ; oa:hasBody ?statement, ?tag ;
                oa:hasTarget/oa:hasSelector ?q .
          ?tag rdf:value ?role .
          ?q oa:exact ?words .
          ?statement oa:motivatedBy oa:describing ;
                     oa:hasTarget/oa:hasSelector/oa:exact "40 workers were hurt on Monday" .
        }""",
    )
    assert rows == [("cue", "told"), ("speaker", "The ministry")]


def test_web_annotations_of_every_record_kind() -> None:
    document, _ = _export(web_annotation.write_web_annotations)
    ids = [item["id"] for item in document["items"]]
    assert len(set(ids)) == len(ids)
    kinds = {i.split(":annotation:")[1].split(":")[0] for i in ids}
    assert kinds == {"mention", "statement", "timex", "event"}


def test_prov_chains_outlet_carrier_and_speaker() -> None:
    document, _ = _export(prov.write_prov)
    graph = _graph(document)
    rows = _rows(
        graph,
        """PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX sayso: <https://sayso.dev/ns#>
        SELECT ?outlet ?carrier ?speaker WHERE {
          ?published a sayso:Statement ; prov:value "40 workers were hurt on Monday" ;
                     prov:wasAttributedTo/rdfs:label ?outlet ;
                     prov:wasDerivedFrom ?carried .
          ?carried prov:wasAttributedTo/rdfs:label ?carrier ;
                   prov:wasDerivedFrom ?said .
          ?said prov:wasAttributedTo ?agent .
          ?agent a prov:Organization ; rdfs:label ?speaker .
          FILTER NOT EXISTS { ?said prov:wasDerivedFrom ?further }
        }""",
    )
    assert rows == [("Harbor Ledger", "Reuters", "The ministry")]


def test_prov_direct_quotes_are_quoted_and_own_voice_is_the_outlets() -> None:
    graph = _graph(_export(prov.write_prov)[0])
    quoted = _rows(
        graph,
        """PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?value ?speaker WHERE {
          ?s prov:value ?value ; prov:wasQuotedFrom/prov:wasAttributedTo ?agent .
          ?agent a prov:Person ; rdfs:label ?speaker .
        }""",
    )
    assert quoted == [("We build safely,", "Tom Reyes")]
    own = _rows(
        graph,
        """PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX sayso: <https://sayso.dev/ns#>
        SELECT ?outlet WHERE {
          ?s sayso:kind "own_voice" ; prov:wasAttributedTo/rdfs:label ?outlet .
          FILTER NOT EXISTS { ?s prov:wasDerivedFrom ?any }
        }""",
    )
    assert own == [("Valley Courier",)]
