"""Publication-date estimates for undated articles, scored on PolNeAR's true dates.

Data: ``data_root`` is the PolNeAR folder: ``<split>/text/*.txt`` and ``metadata.tsv``, whose
``publication_date`` column gives each article's true date (``filename`` names the text). The
texts are given to sayso without their dates, as a scraped article often comes, and
:func:`sayso.time.estimate_publication` guesses one from the timexes of the parsed text.

An estimate is an interval ``[earliest, latest]`` (``latest`` open for a lower bound); each end
covers the whole period it names (``2016`` is 2016-01-01 .. 2016-12-31). Metrics, over the
articles of the split (``items``):

* ``coverage``: the share that get an estimate at all;
* ``correct``: the share of estimates whose interval holds the true date;
* ``within_30d`` / ``within_365d``: the share of all articles with a correct estimate whose
  earliest day is at most 30 / 365 days before the true date (an estimate that says something).

Baseline ``latest date mentioned``, measured in the same run: the latest absolute DATE/TIME of
the article taken as a lower bound, with no other rule.

Error records: ``wrong`` (the interval misses the true date, with the evidence spans) and
``none`` (no estimate).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sayso.errors import EvaluationError
from sayso.eval.base import TaskReport, hash_files
from sayso.events.edtf import edtf_bounds, timex_value_to_edtf
from sayso.records import Published, Timex

if TYPE_CHECKING:
    from spacy.language import Language

TASK = "published"
_CLOSE_DAYS = (30, 365)


@dataclass(frozen=True, slots=True)
class DatedArticle:
    """One article's text and its true publication day."""

    name: str
    text: str
    published: date


def load_split(data_root: Path, split: str, limit: int | None = None) -> list[DatedArticle]:
    """The articles of ``split`` that ``metadata.tsv`` dates, sorted by name."""
    text_dir = data_root / split / "text"
    metadata = data_root / "metadata.tsv"
    if not text_dir.is_dir() or not metadata.is_file():
        raise EvaluationError(
            f"PolNeAR split {split!r} not found under {data_root}: expected {text_dir} and "
            f"{metadata}"
        )
    with metadata.open(encoding="utf-8", newline="") as handle:
        dates = {
            row["filename"]: row["publication_date"]
            for row in csv.DictReader(handle, delimiter="\t")
        }
    articles: list[DatedArticle] = []
    for path in sorted(text_dir.glob("*.txt")):
        when = dates.get(path.stem, "")
        try:
            day = date.fromisoformat(when)
        except ValueError:
            continue  # undated in the metadata: nothing to score against
        articles.append(DatedArticle(path.stem, path.read_text(encoding="utf-8"), day))
    return articles[:limit] if limit is not None else articles


def estimate_bounds(published: Published) -> tuple[date | None, date | None]:
    """The first and last day an estimate allows (None for an open or unreadable end)."""
    low_value = timex_value_to_edtf((published.earliest or published.value)[:10])
    high_value = timex_value_to_edtf(published.latest[:10]) if published.latest else None
    low = edtf_bounds(low_value)[0] if low_value else None
    high = edtf_bounds(high_value)[1] if high_value else None
    return (
        date.fromisoformat(low) if low else None,
        date.fromisoformat(high) if high else None,
    )


@dataclass(slots=True)
class Counts:
    """Running counts over articles."""

    items: int = 0
    estimated: int = 0
    correct: int = 0
    close: dict[int, int] = field(default_factory=lambda: dict.fromkeys(_CLOSE_DAYS, 0))
    """Correct estimates that start at most N days before the true date, by N."""

    def add(self, truth: date, published: Published | None) -> bool | None:
        """Count one article; True/False for a right/wrong estimate, None for none."""
        self.items += 1
        if published is None:
            return None
        self.estimated += 1
        low, high = estimate_bounds(published)
        if (low is not None and truth < low) or (high is not None and truth > high):
            return False
        self.correct += 1
        for days in _CLOSE_DAYS:
            self.close[days] += low is not None and (truth - low).days <= days
        return True

    def metrics(self) -> dict[str, float]:
        def share(part: int, whole: int) -> float:
            return round(part / whole, 4) if whole else 0.0

        out = {
            "coverage": share(self.estimated, self.items),
            "correct": share(self.correct, self.estimated),
        }
        out |= {f"within_{days}d": share(n, self.items) for days, n in self.close.items()}
        return out


def _latest_mentioned(timexes: Sequence[Timex]) -> Published | None:
    """The baseline: the latest absolute date the article mentions, as a lower bound."""
    dated = [
        t.value[:10]
        for t in timexes
        if t.type in {"DATE", "TIME"} and t.anchor is None and t.value[:4].isdigit()
    ]
    if not dated:
        return None
    latest = max(dated)
    return Published(latest, "estimate", earliest=latest, estimated=True)


def _run(
    articles: Sequence[DatedArticle],
    estimates: Sequence[Published | None],
) -> tuple[Counts, list[dict[str, Any]]]:
    counts = Counts()
    errors: list[dict[str, Any]] = []
    for article, published in zip(articles, estimates, strict=True):
        verdict = counts.add(article.published, published)
        if verdict is None:
            errors.append({"doc": article.name, "kind": "none", "true": str(article.published)})
        elif not verdict:
            assert published is not None
            errors.append(
                {"doc": article.name, "kind": "wrong", "true": str(article.published),
                 "earliest": published.earliest, "latest": published.latest,
                 "evidence": [span.text for span in published.evidence]}
            )  # fmt: skip
    return counts, errors


def evaluate(
    data_root: Path,
    split: str = "dev",
    *,
    limit: int | None = None,
    baselines: bool = True,
    nlp: Language | None = None,
) -> TaskReport:
    """Score :func:`sayso.time.estimate_publication` on a PolNeAR split (see the module doc)."""
    from sayso.time import estimate_publication, extract_timexes

    data_root = Path(data_root)
    articles = load_split(data_root, split, limit)
    if not articles:
        raise EvaluationError(f"no dated articles in PolNeAR split {split!r} under {data_root}")
    if nlp is None:
        from sayso.nlp.loader import load_model

        nlp = load_model()
    started = time.process_time()
    timexes = [
        extract_timexes(article.text, anchor=None, doc=parsed)
        for article, parsed in zip(
            articles, nlp.pipe((a.text for a in articles), batch_size=16), strict=True
        )
    ]
    estimates = [
        estimate_publication(article.text, found)
        for article, found in zip(articles, timexes, strict=True)
    ]
    counts, errors = _run(articles, estimates)
    seconds = time.process_time() - started
    report = TaskReport(
        task=TASK,
        split=split,
        data_hash=hash_files(
            [
                data_root / "metadata.tsv",
                *(data_root / split / "text" / f"{a.name}.txt" for a in articles),
            ]
        ),
        items=len(articles),
        metrics=counts.metrics(),
        errors=errors,
        notes=[
            f"PolNeAR {split}: {len(articles)} articles dated by metadata.tsv, given undated",
            f"{seconds:.1f} CPU s with the spaCy parse",
        ],
        sample=None if limit is None else f"first {len(articles)} articles by file name",
    )
    if baselines:
        base, _ = _run(articles, [_latest_mentioned(found) for found in timexes])
        report.baselines["latest date mentioned"] = base.metrics()
    return report
