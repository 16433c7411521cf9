"""The README's quality table, regenerated from measured reports (never typed by hand).

``sayso gate --raise-floors`` saves each task's latest report under ``eval/reports/``; this
module renders them next to the published anchors in ``eval/anchors.json`` and replaces the
part of README.md between the ``quality-table`` markers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

START = "<!-- quality-table:start -->"
END = "<!-- quality-table:end -->"

HEADLINE_METRICS: dict[str, tuple[str, ...]] = {
    "quotes": (
        "all.content.overlap.f1",
        "all.speaker.f1",
        "all.content.exact.f1",
        "all.cue.f1",
        "direct.content.overlap.f1",
        "direct.speaker.f1",
    ),
    "timex": ("span.strict.f1", "span.relaxed.f1", "value.f1", "type.accuracy"),
    "aliases": (
        "pairs.precision",
        "pairs.f1",
        "no_table.pairs.precision",
        "no_table.pairs.f1",
        "hard_negatives.merged_pairs",
    ),
    "aliases_check": (
        "pairs.precision",
        "pairs.f1",
        "no_table.pairs.precision",
        "no_table.pairs.f1",
        "hard_negatives.merged_pairs",
    ),
    "events": ("type.accuracy", "actor.accuracy", "recipient.accuracy"),
    "crossdoc": ("b3.f1", "conll.f1"),
    "extraction": ("cleaning.f1", "html.f1"),
    "published": ("coverage", "correct", "within_365d"),
    "realnews": (
        "quotes.precision",
        "quotes.speaker",
        "chains.accuracy",
        "reported.recall",
        "reported.precision",
        "reported.speaker",
        "entities.alias_pair_recall",
        "entities.false_merges.count",
        "metadata.outlet",
        "metadata.published",
    ),
}


def render_table(reports_dir: Path, anchors_path: Path) -> str:
    """Markdown rows: task, metric, sayso's figure with split and date, baselines, anchors."""
    anchors: dict[str, Any] = json.loads(anchors_path.read_text(encoding="utf-8"))
    lines = [
        "| task | metric | sayso | split, date | same-run baselines | published anchors |",
        "|---|---|---|---|---|---|",
    ]
    for task, metrics in HEADLINE_METRICS.items():
        path = reports_dir / f"{task}.json"
        if not path.exists():
            continue
        report: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        for metric in metrics:
            if metric not in report["metrics"]:
                continue
            base = "; ".join(
                f"{name} {values[metric]:.3f}"
                for name, values in report.get("baselines", {}).items()
                if metric in values
            )
            anchor = "; ".join(
                f"{a['system']} {a['value']:.3f} ({a['where']})"
                for a in anchors.get(task, [])
                if a["metric"] == metric
            )
            lines.append(
                f"| {task} | `{metric}` | **{report['metrics'][metric]:.3f}** | "
                f"{report['split']} ({report['items']} items), {report.get('date', '?')} | "
                f"{base} | {anchor} |"
            )
    return "\n".join(lines)


def update_readme(readme: Path, reports_dir: Path, anchors_path: Path) -> bool:
    """Rewrite the table between the markers; True if the README changed."""
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise ValueError(f"{readme} has no {START} ... {END} markers")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    new = f"{head}{START}\n{render_table(reports_dir, anchors_path)}\n{END}{tail}"
    if new != text:
        readme.write_text(new, encoding="utf-8")
        return True
    return False
