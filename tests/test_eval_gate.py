"""The gate's floors: checked with rounding slack, raised only upward, lowered only with a
reason that is recorded on the task whose floor went down."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from sayso.cli.main import app
from sayso.eval.base import TaskReport
from sayso.eval.gate import check, load_floors, raise_floors, save_floors

EVAL = Path(__file__).resolve().parents[1] / "eval"


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


def test_a_task_on_the_repository_data_reads_it_beside_the_floors_file(tmp_path: Path) -> None:
    """aliases_check's data is eval/aliases_check.json, found next to the floors file, while
    --data still says whether evaluation data is there at all."""
    folder = tmp_path / "eval"
    folder.mkdir()
    shutil.copy(EVAL / "aliases_check.json", folder / "aliases_check.json")
    floors = folder / "floors.json"
    data = tmp_path / "data"
    data.mkdir()
    args = ["gate", "--data", str(data), "--floors", str(floors), "--tasks", "aliases_check"]
    pinned = CliRunner().invoke(app, [*args, "--raise-floors"])
    assert pinned.exit_code == 0, pinned.output
    entry = json.loads(floors.read_text(encoding="utf-8"))["aliases_check"]
    assert entry["split"] == "check"
    assert entry["metrics"]["pairs.f1"]["floor"] > 0.5
    rerun = CliRunner().invoke(app, args)
    assert rerun.exit_code == 0, rerun.output
