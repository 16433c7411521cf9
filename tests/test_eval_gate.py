"""The gate's floors: checked with rounding slack, raised only upward, lowered only with a
reason that is recorded on the task whose floor went down."""

from __future__ import annotations

from pathlib import Path

from sayso.eval.base import TaskReport
from sayso.eval.gate import check, load_floors, raise_floors, save_floors


def _report(task: str, **metrics: float) -> TaskReport:
    return TaskReport(task=task, split="dev", data_hash="sha256:x", items=10, metrics=metrics)


def test_a_figure_below_its_floor_fails_and_a_ceiling_above_fails() -> None:
    floors = {"t": {"metrics": {"a.f1": {"floor": 0.8}, "b.merged": {"ceiling": 0.0}}}}
    results = {r.metric: r.ok for r in check(_report("t", **{"a.f1": 0.79}), floors)}
    assert results == {"a.f1": False, "b.merged": False}  # b.merged missing counts as failed
    passing = _report("t", **{"a.f1": 0.80004, "b.merged": 0.0})
    assert all(r.ok for r in check(passing, floors))


def test_raising_keeps_the_higher_floor_without_a_reason() -> None:
    floors = {"t": {"metrics": {"a.f1": {"floor": 0.8}, "a.p": {"floor": 0.9}}}}
    raised = raise_floors(_report("t", **{"a.f1": 0.85, "a.p": 0.88}), floors)
    assert raised["t"]["metrics"] == {"a.f1": {"floor": 0.85}, "a.p": {"floor": 0.9}}
    assert "lowered_because" not in raised["t"]


def test_a_reason_lowers_and_is_recorded_only_where_a_floor_went_down(tmp_path: Path) -> None:
    floors = {
        "t": {"metrics": {"a.p": {"floor": 0.9}}},
        "u": {"metrics": {"c.f1": {"floor": 0.5}}},
    }
    why = "trade recall for precision"
    floors = raise_floors(_report("t", **{"a.p": 0.88}), floors, lower_reason=why)
    floors = raise_floors(_report("u", **{"c.f1": 0.6}), floors, lower_reason=why)
    assert floors["t"]["metrics"] == {"a.p": {"floor": 0.88}}
    assert floors["t"]["lowered_because"] == why
    assert floors["u"]["metrics"] == {"c.f1": {"floor": 0.6}}
    assert "lowered_because" not in floors["u"]
    path = tmp_path / "floors.json"
    save_floors(path, floors)
    assert load_floors(path) == floors
