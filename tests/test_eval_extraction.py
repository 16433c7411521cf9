"""The WCXB metric and the naive page text the cleaning task starts from."""

from __future__ import annotations

import pytest

from sayso.eval.tasks.extraction import naive_page_text, word_f1


def test_identical_texts_score_one() -> None:
    score = word_f1("The cat sat.", "the CAT sat")
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_extra_words_cost_precision_only() -> None:
    score = word_f1("the cat sat on the mat share this", "the cat sat on the mat")
    assert score.recall == 1.0
    assert score.precision == pytest.approx(6 / 8)
    assert score.f1 == pytest.approx(2 * 0.75 / 1.75)


def test_words_are_counted_as_a_multiset() -> None:
    # "the" twice in the reference, once predicted: one of two is missed.
    score = word_f1("the dog", "the dog and the cat")
    assert score.precision == 1.0
    assert score.recall == pytest.approx(2 / 5)


def test_punctuation_and_case_do_not_count() -> None:
    assert word_f1("Hello, WORLD!!", "hello world").f1 == 1.0


def test_empty_cases() -> None:
    assert word_f1("", "").f1 == 1.0
    assert word_f1("something", "").f1 == 0.0
    assert word_f1("", "something").f1 == 0.0


def test_naive_page_text_puts_blocks_on_lines_and_drops_scripts() -> None:
    html = (
        "<html><head><title>Tab title</title><style>p {color: red}</style></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<h1>Headline here</h1><p>First <b>bold</b> paragraph.</p>"
        "<script>var x = 1;</script><p>Second<br>line</p></body></html>"
    )
    assert naive_page_text(html).split("\n") == [
        "Home News",
        "Headline here",
        "First bold paragraph.",
        "Second",
        "line",
    ]


@pytest.mark.slow
def test_evaluate_reports_every_metric_on_a_few_pages() -> None:
    from pathlib import Path

    from sayso.eval.tasks.extraction import evaluate

    root = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "wcxb-articles"
    if not root.is_dir():
        pytest.skip("the WCXB data is not here")
    report = evaluate(root, limit=3)
    assert report.items == 3
    for name in ("cleaning", "html"):
        for measure in ("precision", "recall", "f1"):
            assert 0.0 <= report.metrics[f"{name}.{measure}"] <= 1.0
    assert set(report.baselines) == {"naive", "trafilatura"}
    assert report.errors
    assert all(int(e["page"]) % 2 == 1 for e in report.errors)
