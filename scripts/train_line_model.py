"""Train the plain-text cleaner's line model on WCXB article pages and write its JSON.

Each page of ``wcxb-articles`` is flattened to naive full-page text
(:func:`sayso.eval.tasks.extraction.naive_page_text`) and cut into units
(:func:`sayso.ingest.plaintext.split_units`). A unit is labelled article text when its words
appear, in order, in the page's ground-truth main content (units of under four words must
equal a whole ground-truth line). A logistic regression over
:func:`sayso.ingest.plaintext.line_features`, each unit weighted by the square root of its
word count (the benchmark scores words), is fitted by Newton's method with a small L2 penalty.

Only pages with an even number are used, so that the odd ones stay held out for
``sayso eval extraction``. Usage::

    python scripts/train_line_model.py /work/shared/data/wcxb-articles \
        src/sayso/ingest/data/line_model.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

from sayso.eval.tasks.extraction import load_page, naive_page_text, page_ids, training_page
from sayso.ingest.plaintext import FEATURE_NAMES, line_features, split_units

_WORD = re.compile(r"\w+")
_SHORT_UNIT_WORDS = 4
_L2 = 1.0


def _labels(units: list[str], truth: str) -> list[int]:
    truth_tokens = " " + " ".join(_WORD.findall(truth.lower())) + " "
    truth_lines = {" ".join(_WORD.findall(line.lower())) for line in truth.split("\n")}
    labels = []
    for text in units:
        tokens = " ".join(_WORD.findall(text.lower()))
        if not tokens:
            labels.append(0)
        elif len(tokens.split()) < _SHORT_UNIT_WORDS:
            labels.append(int(tokens in truth_lines))
        else:
            labels.append(int(f" {tokens} " in truth_tokens))
    return labels


def _fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, float]:
    xb = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(xb.shape[1])
    penalty = np.eye(xb.shape[1]) * _L2
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ beta, -30, 30)))
        grad = xb.T @ (w * (p - y)) + penalty @ beta
        hess = (xb * (w * p * (1 - p))[:, None]).T @ xb + penalty
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def main(data_root: Path, out: Path) -> None:
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    weights: list[float] = []
    pages = 0
    for page_id in page_ids(data_root):
        if not training_page(page_id):
            continue
        html, truth = load_page(data_root, page_id)
        reference = truth["ground_truth"].get("main_content") or ""
        if not reference:
            continue
        units = [u.text for u in split_units(naive_page_text(html))]
        if not units:
            continue
        pages += 1
        rows.extend(line_features(units))
        labels.extend(_labels(units, reference))
        weights.extend(len(_WORD.findall(t)) ** 0.5 + 0.5 for t in units)
    x = np.array(rows)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    coef, bias = _fit((x - mean) / scale, np.array(labels, float), np.array(weights))
    model = {
        "provenance": (
            "Logistic regression over sayso.ingest.plaintext.FEATURE_NAMES, trained by "
            f"scripts/train_line_model.py on the {pages} even-numbered pages of the WCXB "
            "development split, page type 'article' (CC BY 4.0; Foley 2026), flattened to "
            "naive full-page text. Odd-numbered pages are held out for evaluation. Only "
            "these weights are stored; no text from the data set."
        ),
        "features": list(FEATURE_NAMES),
        "weights": [round(float(c), 6) for c in coef],
        "bias": round(bias, 6),
        "mean": [round(float(m), 6) for m in mean],
        "scale": [round(float(s), 6) for s in scale],
        "threshold": 0.5,
        "units": len(labels),
    }
    out.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
    print(f"{pages} pages, {len(labels)} units, {sum(labels)} article units -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
