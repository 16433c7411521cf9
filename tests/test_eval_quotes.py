"""The PolNeAR task: reading brat standoff, the direct-quote test, matching and a tiny run."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.errors import EvaluationError
from sayso.eval.tasks.quotes import Item, Tally, evaluate, is_direct, read_ann, score_document

TEXT = "The mayor said that taxes will rise. “We have no choice,” she added.\n"
ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 35\tthat taxes will rise\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 37 45;46 57\t“We have no choice,”\n"
    "T6\tCue 62 67\tadded\n"
    "T7\tSource 58 61\tshe\n"
    "T8\tAttribution 62 67\tadded\n"
    "E2\tAttribution:T8 Content:T5 Cue:T6 Source:T7\n"
    "T9\tDiscard 0 3\tThe\n"
)


def _dataset(root: Path) -> Path:
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir(parents=True)
    (root / "dev" / "text" / "doc-a.txt").write_text(TEXT, encoding="utf-8")
    (root / "dev" / "attributions" / "doc-a_b2.ann").write_text(ANN, encoding="utf-8")
    (root / "dev" / "attributions" / "doc-a_z9.ann").write_text("", encoding="utf-8")
    return root


def test_read_ann_ties_roles_and_discontinuous_spans(tmp_path: Path) -> None:
    path = tmp_path / "a.ann"
    path.write_text(ANN, encoding="utf-8")
    first, second = read_ann(path)
    assert first.content == ((15, 35),)
    assert first.source == ((0, 9),)
    assert second.content == ((37, 45), (46, 57))
    assert second.cue == ((62, 67),)


def test_direct_means_quote_marks_at_both_ends() -> None:
    assert is_direct(TEXT, [(37, 57)])
    assert not is_direct(TEXT, [(15, 35)])


def test_matching_counts_overlap_exact_speaker_and_misses() -> None:
    gold = [Item(((15, 35),), ((0, 9),), ((10, 14),), False)]
    predicted = [
        Item(((20, 35),), ((4, 9),), ((10, 14),), False),
        Item(((37, 57),), (), (), True),
    ]
    tally = Tally.empty()
    problems = score_document(TEXT, gold, predicted, tally)
    assert (tally.overlap.tp, tally.overlap.fp, tally.overlap.fn) == (1, 1, 0)
    assert (tally.exact.tp, tally.exact.fp, tally.exact.fn) == (0, 2, 1)
    assert tally.speaker.tp == 1
    assert problems == [(None, predicted[1])]


def test_missing_split_is_an_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError):
        evaluate(tmp_path, "dev")


@pytest.mark.slow
def test_evaluate_on_a_tiny_dataset(tmp_path: Path) -> None:
    report = evaluate(_dataset(tmp_path), "dev", baselines=False)
    assert report.task == "quotes"
    assert report.items == 1
    assert report.metrics["all.content.overlap.recall"] == 1.0
    assert report.metrics["all.speaker.f1"] == 1.0
    assert report.metrics["direct.content.exact.f1"] == 1.0
    assert report.data_hash.startswith("sha256:")
