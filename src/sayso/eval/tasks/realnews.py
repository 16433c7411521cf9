"""End to end on real news pages: ``../shared/data/realnews`` (24 pages, hand-written gold).

Each page goes in as ``sayso analyze`` reads it (the full original HTML, navigation and comments
included), through the whole pipeline, and the JSON record is scored by the dataset's own
reference scorer, ``score.py`` beside the gold. Using that file rather than a copy of its rules
means these figures are, by construction, the ones the dataset's README defines (and the ones a
private set of the same kind is scored with): quotes (recall by kind, precision, speaker),
attribution chains, every reported statement (recall and precision), clauses that are not
statements, in-document aliases (pair recall, false merges, must-not-merge pairs), entity
types, event dates, and outlet / publication date / title. ``quotes.furniture.count`` counts
the false quotes that lie in page furniture (gold boilerplate quotes whose ``where`` names a
rail, a related-links box, a teaser or reader comments), apart from scare quotes in the story.

The set has no train split: all 24 pages are development data. Per-item errors are the
scorer's own lines (``quote speaker wrong: ...``), each tagged with its article.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

from sayso.errors import EvaluationError
from sayso.eval.base import TaskReport, hash_files

# The scorer's overall figures → the gate's metric names. Ratios are floors; the counts of
# mistakes end in ``.count`` so that the gate pins them as ceilings.
_RATIOS = {
    "quote_recall": "quotes.recall",
    "quote_recall_direct": "quotes.recall_direct",
    "quote_recall_partial": "quotes.recall_partial",
    "quote_precision": "quotes.precision",
    "quote_speaker_acc": "quotes.speaker",
    "chain_acc": "chains.accuracy",
    "reported_recall": "reported.recall",
    "reported_recall_strict": "reported.recall_strict",
    "reported_precision": "reported.precision",
    "reported_speaker_acc": "reported.speaker",
    "alias_pair_recall": "entities.alias_pair_recall",
    "entity_type_acc": "entities.type",
    "event_date_acc": "dates.event",
    "outlet_acc": "metadata.outlet",
    "published_acc": "metadata.published",
    "title_acc": "metadata.title",
}
_COUNTS = {
    "false_merges": "entities.false_merges.count",
    "must_not_merge_violations": "entities.must_not_merge.count",
    "not_statement_hits": "reported.not_statement_hits.count",
}
_COUNTED = {
    "sq_fp": "quotes.false_positive.count",
    "sq_fp_boiler": "quotes.boilerplate.count",
    "sq_fp_furniture": "quotes.furniture.count",
    "si_fp": "reported.false_positive.count",
}


# Where a gold boilerplate quote sits that makes it page furniture (a rail of other headlines,
# a related-links box, a teaser, reader comments), as opposed to a scare quote in the story.
_FURNITURE_WHERE = re.compile(r"rail|related|sidebar|teaser|comment|promo|newsletter|box", re.I)
_FP_BOILER = re.compile(r"^quote FP \(boilerplate/scare quote\): (?P<text>.*)$")


def furniture_quotes(gold: dict[str, Any], errors: list[str], norm: Any) -> int:
    """How many of the scorer's boilerplate false-positive quotes lie in page furniture."""
    furniture = [
        norm(b["text"]).lower()
        for b in gold.get("boilerplate_quotes", []) or []
        if _FURNITURE_WHERE.search(b.get("where", ""))
    ]
    count = 0
    for error in errors:
        match = _FP_BOILER.match(error)
        if match is None:
            continue
        text = norm(match.group("text").strip("'\"")).lower()
        if any(f and (f in text or text[:40] in f) for f in furniture):
            count += 1
    return count


def load_scorer(data_root: Path) -> ModuleType:
    """The dataset's reference scorer, ``score.py``, imported from ``data_root``."""
    path = data_root / "score.py"
    spec = importlib.util.spec_from_file_location("sayso_realnews_score", path)
    if spec is None or spec.loader is None or not path.exists():
        raise EvaluationError(
            f"no reference scorer at {path}: point --data at the realnews folder, which holds "
            "articles/, gold/ and score.py"
        )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_files(data_root: Path, split: str) -> list[Path]:
    """The gold annotation files; ``split`` must be ``dev`` (the only split there is)."""
    if split != "dev":
        raise EvaluationError(
            f"realnews has no {split!r} split: every page is development data (use --split dev)"
        )
    files = sorted((data_root / "gold").glob("*.json"))
    if not files:
        raise EvaluationError(f"no gold files in {data_root / 'gold'}")
    return files


def predictions(pages: list[Path]) -> dict[str, dict[str, Any]]:
    """Each page's sayso record as the JSON ``sayso analyze --format json`` writes, by page
    stem; a page sayso cannot read maps to an empty article."""
    from sayso.errors import InputError
    from sayso.pipeline import Pipeline
    from sayso.records.codec import to_dict

    pipeline = Pipeline()
    results: dict[str, dict[str, Any]] = {}
    outcomes = pipeline.analyze_inputs([str(p) for p in pages])
    for page, outcome in zip(pages, outcomes, strict=True):
        if isinstance(outcome, InputError):
            results[page.stem] = {"article": {"text": ""}}
        else:
            # Through JSON, so the scorer sees exactly what a user's file holds.
            results[page.stem] = json.loads(json.dumps(to_dict(outcome), ensure_ascii=False))
    return results


def evaluate(
    data_root: Path, split: str = "dev", *, limit: int | None = None, baselines: bool = True
) -> TaskReport:
    """Run sayso on every realnews page and score it with the dataset's ``score.py``.

    ``limit`` keeps the first ``limit`` articles. There is no baseline: no other system writes
    sayso's records.
    """
    del baselines
    scorer = load_scorer(data_root)
    files = gold_files(data_root, split)
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    sample = None
    if limit is not None and limit < len(golds):
        sample = f"the first {limit} of {len(golds)} articles"
        golds = golds[:limit]
    pages = [data_root / gold["file"] for gold in golds]
    missing = [str(p) for p in pages if not p.exists()]
    if missing:
        raise EvaluationError(f"pages named in the gold are missing: {', '.join(missing[:3])}")
    predicted = predictions(pages)
    total: dict[str, int] = {}
    errors: list[dict[str, Any]] = []
    for gold, page in zip(golds, pages, strict=True):
        scored = scorer.score_article(gold, scorer.Pred(predicted[page.stem]))
        scored["counts"]["n_articles"] = 1
        scored["counts"]["sq_fp_furniture"] = furniture_quotes(gold, scored["errors"], scorer.norm)
        for key, value in scored["counts"].items():
            total[key] = total.get(key, 0) + value
        errors.extend({"article": gold["id"], "error": e} for e in scored["errors"])
    figures = scorer.figures(total)
    metrics = {
        name: float(figures[key]) for key, name in _RATIOS.items() if figures[key] is not None
    }
    metrics |= {name: float(figures[key]) for key, name in _COUNTS.items()}
    metrics |= {name: float(total[key]) for key, name in _COUNTED.items()}
    notes = [
        f"{len(golds)} pages; quotes {total['q_gold']} gold, {total['sq_total']} found by sayso; "
        f"reported {total['r_gold']} gold, {total['si_total']} indirect by sayso; "
        f"chains {total['chain_ok']}/{total['chain_n']}; alias pairs "
        f"{total['alias_pairs_found']}/{total['alias_pairs']}",
    ]
    data_files = [*files, *pages, data_root / "score.py"]
    return TaskReport(
        task="realnews",
        split=split,
        data_hash=hash_files(data_files),
        items=len(golds),
        metrics=metrics,
        errors=errors,
        notes=notes,
        sample=sample,
    )
