"""The quality gate: pinned floors per task and metric that only rise.

The floors file (``eval/floors.json`` in the repository) holds, per task, the split, the data
hash, how items were sampled, and per metric either a ``floor`` (higher is better) or a
``ceiling`` (a count that must not rise, such as merged hard negatives). ``check`` compares a
fresh report with it; ``raise_floors`` moves floors up (never down) to the measured figures.
Lowering a floor needs ``lower_reason`` and is meant to be explained in the commit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sayso.eval.base import TaskReport

TOLERANCE = 1e-4
"""Rounding slack: reports are rounded to 4 places."""


@dataclass(frozen=True, slots=True)
class GateResult:
    """One metric's comparison with its pinned bound."""

    task: str
    metric: str
    value: float | None
    bound: float
    kind: str
    """``floor`` or ``ceiling``."""

    @property
    def ok(self) -> bool:
        if self.value is None:
            return False
        if self.kind == "floor":
            return self.value >= self.bound - TOLERANCE
        return self.value <= self.bound + TOLERANCE


def load_floors(path: Path) -> dict[str, Any]:
    """The floors file as a dict (empty when the file does not exist yet)."""
    if not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def check(report: TaskReport, floors: dict[str, Any]) -> list[GateResult]:
    """Every pinned metric of ``report.task``, compared."""
    pinned = floors.get(report.task, {}).get("metrics", {})
    results = []
    for metric, spec in sorted(pinned.items()):
        kind = "ceiling" if "ceiling" in spec else "floor"
        results.append(
            GateResult(report.task, metric, report.metrics.get(metric), float(spec[kind]), kind)
        )
    return results


def is_ceiling(metric: str) -> bool:
    """Counts of mistakes are ceilings; ratios are floors."""
    return metric.endswith((".merged", ".merged_pairs", ".wrong", ".count", "_count"))


def raise_floors(
    report: TaskReport, floors: dict[str, Any], *, lower_reason: str | None = None
) -> dict[str, Any]:
    """Floors moved to the measured figures where they improved (or anywhere, with a reason)."""
    entry = floors.get(report.task, {"metrics": {}})
    metrics = dict(entry.get("metrics", {}))
    lowered = False
    for metric, value in report.metrics.items():
        kind = "ceiling" if is_ceiling(metric) else "floor"
        old = metrics.get(metric, {}).get(kind)
        better = old is None or (value > old if kind == "floor" else value < old)
        if better or (lower_reason and value != old):
            metrics[metric] = {kind: value}
            lowered = lowered or not better
    new_entry: dict[str, Any] = {
        "split": report.split,
        "data_hash": report.data_hash,
        "sample": report.sample,
        "items": report.items,
        "metrics": metrics,
    }
    if lowered and lower_reason:
        new_entry["lowered_because"] = lower_reason
    elif "lowered_because" in entry:
        new_entry["lowered_because"] = entry["lowered_because"]
    return {**floors, report.task: new_entry}


def save_floors(path: Path, floors: dict[str, Any]) -> None:
    """Write the floors file, sorted, so diffs stay readable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
