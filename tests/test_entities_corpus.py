"""Cross-article merging: strict rules, candidates, and judgments re-applied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.entities.corpus import (
    CorpusEntity,
    EntityRef,
    Judgment,
    merge_entities,
    read_judgments,
)
from sayso.errors import RecordError
from sayso.records.model import Entity, EntityType, SurfaceForm


def _ref(article: str, entity_id: str, type_: EntityType, *forms: str) -> EntityRef:
    aliases = tuple(SurfaceForm(form, 1) for form in forms)
    return EntityRef(article, Entity(entity_id, type_, forms[0], "test", aliases))


REFS = [
    _ref("a1", "e1", "PERSON", "Hossein Salami", "Salami"),
    _ref("a2", "e4", "PERSON", "Husein Salami"),
    _ref("a3", "e2", "PERSON", "Salami"),
    _ref("a3", "e5", "ORG", "Nour News Agency", "NNA"),
    _ref("a4", "e1", "ORG", "Nour News"),
    _ref("a4", "e2", "PERSON", "Ali Salami"),
]


def _cluster_of(result: list[CorpusEntity], key: str) -> set[str]:
    return next(set(c.members) for c in result if key in c.members)


def test_full_names_merge_and_surnames_alone_become_candidates() -> None:
    clusters, candidates = merge_entities(REFS)
    assert _cluster_of(clusters, "a1:e1") == {"a1:e1", "a2:e4"}
    assert _cluster_of(clusters, "a3:e2") == {"a3:e2"}
    assert _cluster_of(clusters, "a4:e2") == {"a4:e2"}  # other given name: never merged
    assert _cluster_of(clusters, "a3:e5") == {"a3:e5", "a4:e1"}
    pairs = {frozenset((c.a, c.b)) for c in candidates}
    assert frozenset(("a1:e1", "a3:e2")) in pairs
    assert all(c.evidence for c in candidates)


def test_judgments_accept_and_reject(tmp_path: Path) -> None:
    path = tmp_path / "judgments.jsonl"
    lines = [
        {"a": "a3:e2", "b": "Hossein Salami", "decision": "accept", "note": "same story"},
        {"a": "nour news", "b": "NOUR NEWS AGENCY", "decision": "reject"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    judgments = read_judgments(path)
    assert judgments[0] == Judgment("a3:e2", "Hossein Salami", True, "same story")
    clusters, _ = merge_entities(REFS, judgments)
    assert "a3:e2" in _cluster_of(clusters, "a1:e1")
    assert _cluster_of(clusters, "a4:e1") == {"a4:e1"}


def test_bad_judgment_line_is_a_record_error(tmp_path: Path) -> None:
    path = tmp_path / "judgments.jsonl"
    path.write_text('{"a": "x", "b": "y", "decision": "maybe"}\n', encoding="utf-8")
    with pytest.raises(RecordError):
        read_judgments(path)
    assert read_judgments(tmp_path / "missing.jsonl") == []
