"""Coreference scorers on hand-made clusterings, and the ECB+ task on its data."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.corpus.scoring import b_cubed, ceaf_e, conll, muc
from tests.conftest import SHARED_DATA

# The worked example of Pradhan et al. (2014): key {a,b,c} {d,e,f,g}; response {a,b} {c,d}
# {f,g,h,i} (e is missing from the response, h and i are not in the key).
KEY = [frozenset("abc"), frozenset("defg")]
RESPONSE = [frozenset("ab"), frozenset("cd"), frozenset("fghi")]


def test_muc_counts_links() -> None:
    score = muc(KEY, RESPONSE)

    assert (score.recall, score.precision) == pytest.approx((2 / 5, 2 / 5))


def test_b_cubed_averages_over_mentions() -> None:
    score = b_cubed(KEY, RESPONSE)

    # recall: (2/3 + 2/3 + 1/3 + 1/4 + 1/4 + 2/4 + 2/4) / 7; precision: (1+1+.5+.5+.5+.5+.25+.25)/8
    assert score.recall == pytest.approx(19 / 42)
    assert score.precision == pytest.approx(9 / 16)


def test_ceaf_e_aligns_clusters_one_to_one() -> None:
    score = ceaf_e(KEY, RESPONSE)

    # best alignment: abc-ab (phi4 = 4/5) and defg-fghi (4/8): 1.3
    assert (score.recall, score.precision) == pytest.approx((1.3 / 2, 1.3 / 3))


def test_perfect_and_all_singleton_responses() -> None:
    key = [frozenset({1, 2, 3}), frozenset({4})]
    singletons = [frozenset({m}) for m in (1, 2, 3, 4)]

    assert conll(key, key)["conll.f1"] == pytest.approx(1.0)
    assert muc(key, singletons).recall == 0.0
    assert b_cubed(key, singletons).precision == 1.0
    assert b_cubed(key, singletons).recall == pytest.approx((1 / 3 * 3 + 1) / 4)
    # CEAF-e: one singleton aligns with {1,2,3} (phi4 = 2/4), {4} with {4} (1): 1.5
    assert ceaf_e(key, singletons).precision == pytest.approx(1.5 / 4)


def test_ceaf_e_takes_the_best_total_alignment() -> None:
    key = [frozenset("abc"), frozenset("de")]
    response = [frozenset("abde"), frozenset("c")]

    # de-abde (4/6) + abc-c (2/4) = 7/6 beats abc-abde (4/7) + de-c (0)
    assert ceaf_e(key, response).recall == pytest.approx((7 / 6) / 2)


@pytest.mark.slow
def test_crossdoc_on_one_dev_topic_beats_nothing_and_reports_the_baseline() -> None:
    from sayso.eval.tasks.crossdoc import evaluate

    data = SHARED_DATA / "ecbplus"
    if not (data / "ECBplus_coreference_sentences.csv").is_file():
        pytest.skip(f"ECB+ is not in {data}")
    report = evaluate(Path(data), "dev", limit=1)

    assert report.items > 0
    assert report.sample == "first 1 topics of the dev split"
    assert 0.0 < report.metrics["conll.f1"] <= 1.0
    assert set(report.baselines["lemma"]) == set(report.metrics)
