"""Find and run evaluation tasks by name."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sayso.errors import EvaluationError
from sayso.eval.base import TaskReport


class TaskModule(Protocol):
    def evaluate(
        self,
        data_root: Path,
        split: str = "dev",
        *,
        limit: int | None = None,
        baselines: bool = True,
    ) -> TaskReport: ...


@dataclass(frozen=True, slots=True)
class Task:
    """An evaluation task: its module and the folder of ``../shared/data`` it reads."""

    name: str
    module: str
    folder: str
    about: str
    in_repo: bool = False
    """The data is the repository's own (``folder`` under ``eval/``), not ``../shared/data``."""
    split: str = "dev"
    """The split scored when none is asked for."""


TASKS: dict[str, Task] = {
    t.name: t
    for t in (
        Task("quotes", "sayso.eval.tasks.quotes", "polnear", "PolNeAR attribution spans"),
        Task("timex", "sayso.eval.tasks.timex", "timeml", "TimeML TIMEX3 spans and values"),
        Task("aliases", "sayso.eval.tasks.aliases", "aliases", "pairwise same-entity alias F1"),
        Task(
            "aliases_check",
            "sayso.eval.tasks.aliases_check",
            ".",
            "alias pairs on the project's own check set (eval/aliases_check.json)",
            in_repo=True,
            split="check",
        ),
        Task("events", "sayso.eval.tasks.events", "plover", "PLOVER event types and roles"),
        Task(
            "extraction",
            "sayso.eval.tasks.extraction",
            "wcxb-articles",
            "WCXB article extraction and plain-text cleaning",
        ),
        Task("crossdoc", "sayso.eval.tasks.crossdoc", "ecbplus", "ECB+ cross-document events"),
        Task(
            "published",
            "sayso.eval.tasks.published",
            "polnear",
            "publication dates estimated for undated PolNeAR articles",
        ),
        Task(
            "realnews",
            "sayso.eval.tasks.realnews",
            "realnews",
            "real news pages end to end: quotes, reported speech, chains, aliases, metadata",
        ),
    )
}


def load_task(name: str) -> TaskModule:
    """The module that evaluates ``name``; EvaluationError if unknown or not built yet."""
    if name not in TASKS:
        raise EvaluationError(f"unknown task {name!r}: pick one of {', '.join(TASKS)}")
    try:
        module: TaskModule = importlib.import_module(TASKS[name].module)
    except ModuleNotFoundError as exc:
        raise EvaluationError(f"task {name!r} is not available in this sayso build") from exc
    return module


def run_task(
    name: str,
    data_root: Path,
    split: str = "dev",
    *,
    limit: int | None = None,
    baselines: bool = True,
) -> TaskReport:
    """Evaluate ``name`` on the dataset folder ``data_root``."""
    if not data_root.exists():
        raise EvaluationError(
            f"no evaluation data at {data_root}: pass --data pointing at the "
            f"{TASKS[name].folder if name in TASKS else ''} folder"
        )
    return load_task(name).evaluate(data_root, split, limit=limit, baselines=baselines)
