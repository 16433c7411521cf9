"""PNG charts of evaluation reports (matplotlib, from the ``eval`` extra)."""

from __future__ import annotations

from pathlib import Path

from sayso.errors import EvaluationError, install_hint
from sayso.eval.base import TaskReport


def plot_report(report: TaskReport, path: Path) -> None:
    """A grouped bar chart of every ratio metric: sayso next to each baseline."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise EvaluationError(f"plots need matplotlib: {install_hint('eval')}") from exc
    metrics = sorted(m for m, v in report.metrics.items() if 0.0 <= v <= 1.0)
    series = {"sayso": report.metrics, **report.baselines}
    width = 0.8 / len(series)
    fig, ax = plt.subplots(figsize=(max(6.0, len(metrics) * 0.6), 4.0))
    for i, (name, values) in enumerate(series.items()):
        xs = [j + i * width for j in range(len(metrics))]
        ax.bar(xs, [values.get(m, 0.0) for m in metrics], width, label=name)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(metrics))])
    ax.set_xticklabels(metrics, rotation=60, ha="right", fontsize=7)
    ax.set_ylim(0, 1)
    ax.set_title(f"{report.task} ({report.split}, {report.items} items)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
