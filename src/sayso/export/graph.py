"""``gexf`` and ``graphml``: who said what, reported by whom, and who appears with whom.

Nodes (attribute ``kind``):

- ``entity``: a person, organisation or place, merged across the corpus by type and name
  (``entity:PERSON:Dana Keller``); ``type`` is the entity type;
- ``speaker``: a speaker not resolved to an entity (``a spokesman``), kept per article since
  two articles' unnamed spokesmen are not one person;
- ``claim``: one statement, with its ``content``, statement ``type`` (its kind), ``stance``,
  ``article_id`` and ``url``;
- ``outlet``: a publication, merged across the corpus by name.

Edges (attribute ``kind``): ``said`` (speaker or entity → claim), ``reported`` (outlet →
claim, with the outlet's ``stance``) and ``co_mention`` (entity → entity, once per pair, with
``weight`` = the number of articles mentioning both).

Dates are ISO days: every node and edge carries ``start`` and ``end`` (first and last
publication day of the articles it comes from) where the articles are dated, which Gephi
reads from GEXF as a dynamic graph; ``count`` says in how many records or articles it occurs.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from sayso.export.optional import require
from sayso.export.text import content_text
from sayso.records import ArticleResult, Entity

UNKNOWN_OUTLET = "unknown outlet"
_GRAPH_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
"""Entity types that make nodes: actors and places, not dates, laws or works."""


def _day(result: ArticleResult) -> str | None:
    published = result.article.metadata.published
    return published.value[:10] if published else None


def _touch(data: dict[str, Any], day: str | None) -> None:
    """Count one more occurrence and widen the node's or edge's date range to ``day``."""
    data["count"] = data.get("count", 0) + 1
    if day is None:
        return
    data["start"] = min(data.get("start", day), day)
    data["end"] = max(data.get("end", day), day)


def _entity_key(entity: Entity) -> str:
    return f"entity:{entity.type}:{entity.name}"


class _Builder:
    """Accumulates nodes and edges article by article."""

    def __init__(self, nx: Any) -> None:
        self.graph = nx.MultiDiGraph(name="sayso")
        self.pairs: dict[tuple[str, str], dict[str, Any]] = {}

    def node(self, key: str, day: str | None, **attrs: Any) -> str:
        if key not in self.graph:
            self.graph.add_node(key, **{k: v for k, v in attrs.items() if v is not None})
        _touch(self.graph.nodes[key], day)
        return key

    def edge(self, source: str, target: str, kind: str, day: str | None, **attrs: Any) -> None:
        data = {"kind": kind, **{k: v for k, v in attrs.items() if v is not None}}
        _touch(data, day)
        self.graph.add_edge(source, target, key=kind, **data)

    def add(self, result: ArticleResult) -> None:
        day = _day(result)
        meta = result.article.metadata
        article_id = result.article.id
        entities = {e.id: e for e in result.entities if e.type in _GRAPH_TYPES}
        keys = {
            e.id: self.node(_entity_key(e), day, label=e.name, kind="entity", type=e.type)
            for e in entities.values()
        }
        outlet_name = meta.outlet or UNKNOWN_OUTLET
        outlet = self.node(f"outlet:{outlet_name}", day, label=outlet_name, kind="outlet")
        for statement in result.statements:
            if statement.kind == "own_voice":
                continue
            text = content_text(statement)
            claim = self.node(
                f"claim:{article_id}:{statement.id}",
                day,
                label=text[:80],
                kind="claim",
                type=statement.kind,
                content=text,
                stance=statement.stance.label,
                article_id=article_id,
                url=meta.url,
            )
            speaker = keys.get(statement.speaker_entity or "")
            if speaker is None and statement.speaker is not None:
                label = statement.speaker.text
                speaker = self.node(
                    f"speaker:{article_id}:{label}", day, label=label, kind="speaker"
                )
            if speaker is not None:
                self.edge(speaker, claim, "said", day)
            self.edge(outlet, claim, "reported", day, stance=statement.stance.label)
        for left, right in itertools.combinations(sorted(set(keys.values())), 2):
            self.pairs.setdefault((left, right), {"kind": "co_mention"})
            _touch(self.pairs[(left, right)], day)

    def finish(self) -> Any:
        for (left, right), data in self.pairs.items():
            self.graph.add_edge(left, right, key="co_mention", weight=data["count"], **data)
        return self.graph


def build_graph(results: Iterable[ArticleResult]) -> Any:
    """The corpus graph as a networkx MultiDiGraph."""
    builder = _Builder(require("networkx", "the graph exports"))
    for result in results:
        builder.add(result)
    return builder.finish()


def write_gexf(results: Iterable[ArticleResult], stream: IO[bytes] | Path) -> int:
    """Write the graph as GEXF 1.2 (Gephi); how many nodes."""
    nx = require("networkx", "the gexf export")
    graph = build_graph(results)
    nx.write_gexf(graph, stream)
    return int(graph.number_of_nodes())


def write_graphml(results: Iterable[ArticleResult], stream: IO[bytes] | Path) -> int:
    """Write the graph as GraphML (yEd, Cytoscape, igraph); how many nodes."""
    nx = require("networkx", "the graphml export")
    graph = build_graph(results)
    nx.write_graphml(graph, stream)
    return int(graph.number_of_nodes())
