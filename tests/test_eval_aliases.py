"""The alias evaluation on a small hand-written alias file, and on the real dev file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.errors import EvaluationError
from sayso.eval.tasks import aliases_check
from sayso.eval.tasks.aliases import evaluate

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "aliases"
EVAL = Path(__file__).resolve().parents[1] / "eval"


def _alias(text: str, kind: str) -> dict[str, str]:
    return {"text": text, "kind": kind}


def _write(folder: Path) -> Path:
    """A tiny alias file in the dev file's format, written for this test."""
    data = {
        "name": "test",
        "description": "hand-written",
        "kinds": {},
        "entities": [
            {"id": "anbari_ali", "type": "PER", "aliases": [
                _alias("Abu Ali al-Anbari", "canonical"), _alias("Abu Ali Anbari", "variant"),
                _alias("the council chief", "descriptive")]},
            {"id": "anbari_omar", "type": "PER", "aliases": [
                _alias("Abu Omar al-Anbari", "canonical"),
                _alias("Abu Umar al-Anbari", "variant")]},
            {"id": "nour", "type": "ORG", "aliases": [
                _alias("Nour News Agency", "canonical"), _alias("Nour News", "variant"),
                _alias("NNA", "acronym")], "coref_only": ["the agency"]},
            {"id": "lebanon", "type": "LOC", "aliases": [
                _alias("Lebanon", "canonical"), _alias("Lebanese Republic", "other_name"),
                _alias("Beirut", "metonym")]},
        ],
        "ambiguous": [
            {"text": "Anbari", "type": "PER", "candidates": ["anbari_ali", "anbari_omar"]}
        ],
        "hard_negatives": [["anbari_ali", "anbari_omar"]],
    }  # fmt: skip
    path = folder / "aliases_dev.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_scores_pairs_hard_negatives_and_ambiguous(tmp_path: Path) -> None:
    report = evaluate(_write(tmp_path))
    metrics = report.metrics
    # 2 + 2 + 3 + 2 strings: same-entity pairs 1 + 1 + 3 + 1.
    assert metrics["pairs.gold_same"] == 6
    assert metrics["pairs.precision"] == 1.0
    assert metrics["pairs.recall"] == 1.0
    assert metrics["hard_negatives.merged_pairs"] == 0
    assert metrics["no_table.pairs.recall"] == 1.0
    assert metrics["leave_out.pairs.precision"] == 1.0
    assert metrics["ambiguous.flagged"] == 1.0
    assert metrics["contextual.recall"] == 0.0
    assert report.items == 9
    assert report.baselines["rapidfuzz"]["threshold"] > 0.5
    assert report.data_hash.startswith("sha256:")


def test_limit_scores_the_first_entities(tmp_path: Path) -> None:
    report = evaluate(_write(tmp_path), limit=2, baselines=False)
    assert report.items == 4
    assert report.sample == "first 2 entities"
    assert report.baselines == {}


def test_missing_file_is_an_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError):
        evaluate(tmp_path)


@pytest.mark.slow
@pytest.mark.skipif(not DATA.is_dir(), reason="shared evaluation data not present")
def test_dev_file_meets_the_precision_goal() -> None:
    metrics = evaluate(DATA, baselines=False).metrics
    assert metrics["hard_negatives.merged_pairs"] == 0
    assert metrics["pairs.precision"] >= 0.97
    assert metrics["pairs.f1"] >= 0.90
    # Without the alias table: the estimate for entities the table does not know.
    assert metrics["no_table.hard_negatives.merged_pairs"] == 0
    assert metrics["no_table.pairs.precision"] >= 0.97
    assert metrics["no_table.pairs.f1"] >= 0.90
    assert metrics["leave_out.pairs.f1"] >= metrics["no_table.pairs.f1"]


def _entities_and_strings(path: Path) -> tuple[set[str], set[str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    ids = {entity["id"] for entity in data["entities"]}
    strings = {
        alias["text"].casefold() for entity in data["entities"] for alias in entity["aliases"]
    }
    return ids, strings


def test_the_check_set_is_well_formed_and_scored_under_its_own_name() -> None:
    data = json.loads((EVAL / "aliases_check.json").read_text(encoding="utf-8"))
    ids = [entity["id"] for entity in data["entities"]]
    assert len(ids) == len(set(ids))
    assert 50 <= len(ids) <= 80
    for pair in data["hard_negatives"]:
        assert set(pair) <= set(ids)
    for entry in data["ambiguous"]:
        assert set(entry["candidates"]) <= set(ids)
        assert len(entry["candidates"]) >= 2
    report = aliases_check.evaluate(EVAL, baselines=False)
    assert report.task == "aliases_check"
    assert report.split == "check"
    assert report.metrics["pairs.gold_same"] > 500


@pytest.mark.skipif(not DATA.is_dir(), reason="shared evaluation data not present")
def test_the_check_set_shares_no_entity_and_no_string_with_the_dev_file() -> None:
    dev_ids, dev_strings = _entities_and_strings(DATA / "aliases_dev.json")
    check_ids, check_strings = _entities_and_strings(EVAL / "aliases_check.json")
    assert not dev_ids & check_ids
    assert not dev_strings & check_strings
