"""Real article texts for benchmarks, assembled from ../shared/data (never synthetic filler)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def article_texts(limit: int, data: Path = DATA) -> list[str]:
    """Up to ``limit`` news texts: PolNeAR articles first, then WCXB ground truths; repeated
    in order when the data holds fewer (and the caller is told by the length of distinct)."""
    texts = list(itertools.islice(_iter_texts(data), limit))
    if not texts:
        raise SystemExit(f"no article texts under {data}: benchmarks need ../shared/data")
    return [texts[i % len(texts)] for i in range(limit)]


def _iter_texts(data: Path) -> Iterator[str]:
    for split in ("dev", "train"):
        for path in sorted((data / "polnear" / split / "text").glob("*.txt")):
            yield path.read_text(encoding="utf-8")
    import json

    for path in sorted((data / "wcxb-articles" / "ground-truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8")).get("ground_truth", {})
        text = truth.get("main_content") or truth.get("text") or ""
        if len(text) > 500:
            yield text
