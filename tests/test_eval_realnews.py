"""The realnews task on a hand-made page, scored by the dataset's own score.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sayso.errors import EvaluationError
from sayso.eval.tasks.realnews import evaluate, gold_files, load_scorer
from tests.conftest import SHARED_DATA

SCORER = SHARED_DATA / "realnews" / "score.py"

PAGE = """<!doctype html><html><head>
<title>Harbour bridge to close for repairs | Coast Gazette</title>
<meta property="og:site_name" content="Coast Gazette">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
</head><body><article><h1>Harbour bridge to close for repairs</h1>
<p>The harbour bridge will close for six weeks from Monday, the city council said on Tuesday.</p>
<p>"We have no choice but to shut it while the cables are replaced," said Maria Lindqvist, the
council's head of transport.</p>
<p>Lindqvist said buses would be diverted over the old ferry road during the works.</p>
<p>Shop owners near the bridge hope to stay open.</p>
</article></body></html>"""

GOLD = {
    "id": "01",
    "file": "articles/01.html",
    "outlet": "Coast Gazette",
    "published": "2024-03-05",
    "title": "Harbour bridge to close for repairs",
    "quotes": [
        {
            "text": "We have no choice but to shut it while the cables are replaced,",
            "kind": "direct",
            "speaker": "Maria Lindqvist",
            "speaker_ok": ["Maria Lindqvist", "Lindqvist"],
            "cue": "said",
        }
    ],
    "boilerplate_quotes": [],
    "reported": [
        {
            "text": "buses would be diverted over the old ferry road during the works",
            "speaker": "Maria Lindqvist",
            "speaker_ok": ["Maria Lindqvist", "Lindqvist"],
            "cue": "said",
        }
    ],
    "not_statements": ["Shop owners near the bridge hope to stay open."],
    "entities": [
        {"type": "PERSON", "name": "Maria Lindqvist", "aliases": ["Maria Lindqvist", "Lindqvist"]}
    ],
    "must_not_merge": [],
    "events": [],
}


def _folder(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "articles" / "01.html").write_text(PAGE, encoding="utf-8")
    (root / "gold" / "01.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return root


def test_a_folder_without_its_scorer_or_with_another_split_is_refused(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    with pytest.raises(EvaluationError, match=r"score\.py"):
        load_scorer(root)
    with pytest.raises(EvaluationError, match="no 'train' split"):
        gold_files(root, "train")
    assert gold_files(root, "dev") == [root / "gold" / "01.json"]


@pytest.mark.slow
@pytest.mark.skipif(not SCORER.exists(), reason="the realnews data (and its score.py) is absent")
def test_a_page_is_read_analysed_and_scored_end_to_end(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    shutil.copy(SCORER, root / "score.py")
    report = evaluate(root)
    assert report.task == "realnews"
    assert report.items == 1
    assert report.metrics["quotes.recall"] == 1.0
    assert report.metrics["quotes.speaker"] == 1.0
    assert report.metrics["reported.recall"] == 1.0
    assert report.metrics["metadata.outlet"] == 1.0
    assert report.metrics["metadata.published"] == 1.0
    assert report.metrics["entities.false_merges.count"] == 0.0
    # Hoping is no saying: the not-statement clause must not be taken for speech.
    assert report.metrics["reported.not_statement_hits.count"] == 0.0
    assert all(e["article"] == "01" for e in report.errors)
