"""Alias resolution on the project's own check set, ``eval/aliases_check.json``.

The dev file (``../shared/data/aliases/aliases_dev.json``) is what the matcher's rules were
tuned on, so its figures are optimistic. The check set is in the same format, about 79 other
entities, and was written before sayso was run on it (``eval/README.md`` says how): it estimates
how the rules do on names they were never fitted to. Scored exactly as the dev file is (see
:mod:`sayso.eval.tasks.aliases`); the report is named ``aliases_check`` so that the gate keeps
its own floors.
"""

from __future__ import annotations

from pathlib import Path

from sayso.eval.base import TaskReport
from sayso.eval.tasks import aliases


def evaluate(
    data_root: Path,
    split: str = "check",
    *,
    limit: int | None = None,
    baselines: bool = True,
) -> TaskReport:
    """Score the alias matcher on ``data_root/aliases_{split}.json`` (the repository's
    ``eval/`` folder holds ``aliases_check.json``)."""
    return aliases.evaluate(
        data_root, split, limit=limit, baselines=baselines, task="aliases_check"
    )
