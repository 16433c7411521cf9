"""The ``events`` evaluation task on a small gold file written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.errors import EvaluationError
from sayso.eval.tasks.events import DATA_FILE, evaluate, keyword_type, load_records, split_of

RECORDS = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "notes"},
    {
        "id": "T-1", "event": "FIGHT", "eventText": "attacked",
        "text": "Rebel fighters attacked an army post near the river.",
        "source": [{"actorText": "Rebel fighters"}], "target": [{"actorText": "army"}],
    },
    {
        "id": "T-2", "event": "DEMAND", "eventText": "demanded",
        "text": "Striking miners demanded higher wages from the company.",
        "source": [{"actorText": "miners"}], "target": "",
    },
    {
        "id": "T-3", "event": "AGREE", "eventText": "agreed",
        "text": "The two governments agreed to reopen the border crossing.",
        "source": [{"actorText": "governments"}],
    },
]  # fmt: skip


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    path = tmp_path / DATA_FILE
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    return tmp_path


def test_split_is_deterministic_and_about_thirty_percent() -> None:
    ids = [f"PLOVER-GSR01-X-{n:04d}" for n in range(1000)]
    dev = [i for i in ids if split_of(i) == "dev"]
    assert dev == [i for i in ids if split_of(i) == "dev"]
    assert 250 < len(dev) < 350


def test_records_use_v2_names_and_skip_documentation(data_root: Path) -> None:
    records = load_records(data_root)
    assert [(r.id, r.type) for r in records] == [
        ("T-1", "ASSAULT"),
        ("T-2", "REQUEST"),
        ("T-3", "AGREE"),
    ]
    assert records[0].targets == ("army",)
    assert records[1].targets == ()


def test_keyword_baseline() -> None:
    assert keyword_type("Rebels attacked the post.") == "ASSAULT"
    assert keyword_type("Nothing happened here.") is None


def test_missing_data_is_an_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError):
        evaluate(tmp_path)


@pytest.mark.slow
def test_evaluate_scores_types_and_roles(data_root: Path) -> None:
    assert {split_of(str(r["id"])) for r in RECORDS[1:]} == {"train"}
    report = evaluate(data_root, "train")
    assert (report.task, report.split, report.items) == ("events", "train", 3)
    assert report.metrics["type.accuracy"] == 1.0
    assert report.metrics["actor.accuracy"] == 1.0
    assert report.metrics["type.recall.REQUEST"] == 1.0
    assert report.baselines["majority"]["type.accuracy"] == round(1 / 3, 4)
    # the keyword baseline takes "Striking" (strike: ASSAULT) as the first trigger word
    assert report.baselines["keyword"]["type.accuracy"] == round(2 / 3, 4)
    assert "confusion ASSAULT: ASSAULT 1" in report.notes
    assert report.errors == []
