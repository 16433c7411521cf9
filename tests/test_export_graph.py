"""The speaker/claim/entity graph, written as GEXF and GraphML and read back by networkx."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from sayso.export.graph import build_graph, write_gexf, write_graphml
from tests.test_export_fixtures import corpus

nx = pytest.importorskip("networkx", reason="networkx writes and reads the graph exports")

ORTIZ = "entity:PERSON:Lena Ortiz"
ACME = "entity:ORG:Acme Corp"


def _edges(graph: Any, kind: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [(u, v, d) for u, v, d in graph.edges(data=True) if d["kind"] == kind]


def test_graph_structure() -> None:
    graph = build_graph(corpus())
    assert graph.nodes[ORTIZ]["kind"] == "entity"
    assert graph.nodes[ORTIZ]["start"] == "2024-03-05"
    assert graph.nodes[ORTIZ]["end"] == "2024-05-10"
    assert graph.nodes[ORTIZ]["count"] == 2
    claims = [n for n, d in graph.nodes(data=True) if d["kind"] == "claim"]
    assert len(claims) == 4, "own-voice statements are not claims"
    said = {(u, graph.nodes[v]["content"]) for u, v, _ in _edges(graph, "said")}
    assert (ORTIZ, "the bridge would reopen in April") in said
    unresolved = [u for u, _ in said if u.startswith("speaker:")]
    assert [graph.nodes[u]["label"] for u in unresolved] == ["The ministry"]
    reported = {(graph.nodes[u]["label"], d["stance"]) for u, _, d in _edges(graph, "reported")}
    assert ("Valley Courier", "disputed") in reported
    pairs = {(u, v): d for u, v, d in _edges(graph, "co_mention")}
    both = pairs.get((ACME, ORTIZ)) or pairs[(ORTIZ, ACME)]
    assert both["weight"] == 2
    assert (both["start"], both["end"]) == ("2024-03-05", "2024-05-10")


def test_gexf_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    with path.open("wb") as handle:
        count = write_gexf(corpus(), handle)
    graph = nx.read_gexf(path)
    assert graph.number_of_nodes() == count
    assert graph.graph["mode"] == "dynamic"
    ortiz = graph.nodes[ORTIZ]
    assert (ortiz["kind"], ortiz["type"], ortiz["label"]) == ("entity", "PERSON", "Lena Ortiz")
    assert ortiz["start"] == "2024-03-05"
    kinds = sorted({d["kind"] for _, _, d in graph.edges(data=True)})
    assert kinds == ["co_mention", "reported", "said"]


def test_graphml_round_trip() -> None:
    buffer = io.BytesIO()
    count = write_graphml(corpus(), buffer)
    graph = nx.read_graphml(io.BytesIO(buffer.getvalue()))
    assert graph.number_of_nodes() == count
    stances = sorted(d["stance"] for _, d in graph.nodes(data=True) if d["kind"] == "claim")
    assert stances == ["disputed", "hedged", "neutral", "neutral"]
    assert graph.nodes[ACME]["end"] == "2024-05-10"
