"""What every evaluation task returns, and the counting helpers they share."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and false negatives, with the usual ratios."""

    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_metrics(self, prefix: str) -> dict[str, float]:
        """``{prefix}.precision``, ``{prefix}.recall`` and ``{prefix}.f1``, rounded to 4 places."""
        return {
            f"{prefix}.precision": round(self.precision, 4),
            f"{prefix}.recall": round(self.recall, 4),
            f"{prefix}.f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class TaskReport:
    """One evaluation task's figures on one split.

    ``metrics`` are flat, dotted names (``content.overlap.f1``) with values in [0, 1];
    ``baselines`` holds the same metric names for each baseline measured in the same run.
    """

    task: str
    split: str
    data_hash: str
    items: int
    metrics: dict[str, float]
    baselines: dict[str, dict[str, float]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sample: str | None = None
    """How the items were sampled, if not all were scored (``every 3rd of 84 documents``)."""


def hash_files(paths: list[Path]) -> str:
    """A short, order-independent content hash of the data files a task read."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return "sha256:" + digest.hexdigest()[:16]
