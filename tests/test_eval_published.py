"""The publication-date evaluation task on a hand-made PolNeAR-shaped folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sayso.errors import EvaluationError
from sayso.eval.tasks.published import Counts, estimate_bounds, evaluate, load_split
from sayso.records import Published

if TYPE_CHECKING:
    from spacy.language import Language

METADATA = (
    "compartment\tfilename\tpublication_date\n"
    "dev\tright\t2016-05-10\n"
    "dev\tlooked-ahead\t2016-09-01\n"
    "dev\tundated\t2016-02-01\n"
    "dev\tno-metadata-date\tNone\n"
)
TEXTS = {
    "right": "The plant closed in March 2016. Workers protested.",
    "looked-ahead": "The plant closed in 2015. It will reopen in 2018.",
    "undated": "Nobody said when it happened.",
    "no-metadata-date": "The plant closed in March 2016.",
}


def _folder(root: Path) -> Path:
    (root / "dev" / "text").mkdir(parents=True)
    (root / "metadata.tsv").write_text(METADATA, encoding="utf-8")
    for name, text in TEXTS.items():
        (root / "dev" / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


def test_articles_without_a_true_date_are_left_out(tmp_path: Path) -> None:
    names = [a.name for a in load_split(_folder(tmp_path), "dev")]
    assert names == ["looked-ahead", "right", "undated"]
    with pytest.raises(EvaluationError):
        load_split(tmp_path, "train")


def test_an_estimate_covers_whole_periods() -> None:
    interval = Published("2021-11", "estimate", earliest="2021-09", latest="2022-01")
    assert estimate_bounds(interval) == (date(2021, 9, 1), date(2022, 1, 31))
    lower = Published("2012", "estimate", earliest="2012", estimated=True)
    assert estimate_bounds(lower) == (date(2012, 1, 1), None)


def test_counts_score_coverage_correctness_and_closeness() -> None:
    counts = Counts()
    truth = date(2016, 5, 10)
    assert counts.add(truth, Published("2016-05", "estimate", earliest="2016-05")) is True
    assert counts.add(truth, Published("2014", "estimate", earliest="2014")) is True
    assert counts.add(truth, Published("2017", "estimate", earliest="2017")) is False
    assert counts.add(truth, None) is None
    assert counts.metrics() == {
        "coverage": 0.75,
        "correct": round(2 / 3, 4),
        "within_30d": 0.25,
        "within_365d": 0.25,
    }


@pytest.mark.slow
def test_evaluate_on_a_hand_made_folder(tmp_path: Path, nlp: Language) -> None:
    report = evaluate(_folder(tmp_path), "dev", nlp=nlp)
    assert report.items == 3
    assert report.metrics["coverage"] == round(2 / 3, 4)
    assert report.metrics["correct"] == 1.0
    # the baseline takes the year looked forward to (2018) as a lower bound, and misses
    assert report.baselines["latest date mentioned"]["correct"] == 0.5
    assert [(e["doc"], e["kind"]) for e in report.errors] == [("undated", "none")]
