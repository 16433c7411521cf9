"""``sayso eval`` and ``sayso gate``: measure sayso on annotated data and hold the floors."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from sayso.errors import EvaluationError

EXIT_BELOW_FLOOR = 4
DEFAULT_DATA = Path("../shared/data")
DEFAULT_FLOORS = Path("eval/floors.json")


def _print_report(report: object) -> None:
    from rich.console import Console
    from rich.table import Table

    from sayso.eval.base import TaskReport

    assert isinstance(report, TaskReport)
    table = Table(
        title=f"{report.task} · {report.split} · {report.items} items · {report.data_hash}"
    )
    table.add_column("metric")
    table.add_column("sayso", justify="right")
    for name in report.baselines:
        table.add_column(name, justify="right")
    for metric, value in sorted(report.metrics.items()):
        row = [metric, f"{value:.4f}"]
        row += [f"{b[metric]:.4f}" if metric in b else "" for b in report.baselines.values()]
        table.add_row(*row)
    console = Console(stderr=not sys.stdout.isatty(), soft_wrap=True)
    console.print(table)
    for note in report.notes:
        console.print(f"[dim]note:[/] {note}", highlight=False)
    if report.sample:
        console.print(f"[dim]sample:[/] {report.sample}", highlight=False)


def eval_command(
    task: Annotated[
        str,
        typer.Argument(
            help="quotes, timex, aliases, aliases_check, events, extraction, crossdoc, published, "
            "realnews"
        ),
    ],
    data: Annotated[Path, typer.Option("--data", help="The dataset's folder.")],
    split: Annotated[
        str | None,
        typer.Option(
            "--split",
            help="train or dev (the default; 'check' for aliases_check); test for a held-out set "
            "put beside them.",
        ),
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the report here.")] = None,
    errors: Annotated[
        Path | None, typer.Option("--errors", help="Write per-item errors here (JSONL).")
    ] = None,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Write a PNG chart of the figures here.")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Score at most N items.")] = None,
    baselines: Annotated[
        bool, typer.Option("--baselines/--no-baselines", help="Also run the baselines.")
    ] = True,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite --json, --errors and --plot files.")
    ] = False,
) -> None:
    """Score one capability on its annotated dataset, with baselines measured in the same run.

    Example: `sayso eval quotes --data ../shared/data/polnear --split dev --errors q.jsonl`;
    the project's own alias check set: `sayso eval aliases_check --data eval`.
    """
    from sayso.cli.output import EXIT_CONFIG, EXIT_USAGE, fail
    from sayso.eval.harness import TASKS, run_task

    if task not in TASKS:
        raise fail(f"no evaluation task {task!r}: choose one of {', '.join(TASKS)}", EXIT_USAGE)
    for path in (json_out, errors, plot):
        if path is not None and path.exists() and not force:
            raise fail(f"{path} exists: pass --force to overwrite it", EXIT_USAGE)
    started = time.process_time()
    try:
        report = run_task(task, data, split or TASKS[task].split, limit=limit, baselines=baselines)
    except EvaluationError as exc:
        raise fail(str(exc), EXIT_CONFIG) from None
    report.notes.append(f"{time.process_time() - started:.1f} CPU-seconds")
    _print_report(report)
    payload = asdict(report)
    if json_out:
        json_out.write_text(
            json.dumps({k: v for k, v in payload.items() if k != "errors"}, indent=2)
        )
    if errors:
        with errors.open("w", encoding="utf-8") as fh:
            for item in report.errors:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    if plot:
        from sayso.eval.plot import plot_report

        plot_report(report, plot)
    if not sys.stdout.isatty() and not json_out:
        sys.stdout.write(
            json.dumps({k: v for k, v in payload.items() if k != "errors"}, indent=2) + "\n"
        )


def _save_report(report: object, folder: Path) -> None:
    """Keep the measured report (without per-item errors) for the README's quality table."""
    payload = {k: v for k, v in asdict(report).items() if k != "errors"}  # type: ignore[call-overload]
    payload["date"] = time.strftime("%Y-%m-%d")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{payload['task']}.json").write_text(json.dumps(payload, indent=2) + "\n")


def gate_command(
    data: Annotated[
        Path, typer.Option("--data", help="Folder holding every dataset.")
    ] = DEFAULT_DATA,
    floors_path: Annotated[
        Path, typer.Option("--floors", help="The pinned floors.")
    ] = DEFAULT_FLOORS,
    tasks: Annotated[
        str, typer.Option("--tasks", help="Comma-separated tasks (default: every pinned task).")
    ] = "",
    raise_floors: Annotated[
        bool, typer.Option("--raise-floors", help="Move floors up to today's figures.")
    ] = False,
    lower: Annotated[
        str | None,
        typer.Option(
            "--lower", help="Allow floors to go down, for this reason (say it in the commit)."
        ),
    ] = None,
) -> None:
    """Run the evaluation gate on the dev splits: fail if any figure falls below its floor.

    Skipped (exit 0, with a message) when the data folder is absent, as on a user's machine.
    """
    from rich.console import Console

    from sayso.eval import gate
    from sayso.eval.harness import TASKS, run_task

    console = Console(stderr=True, highlight=False, soft_wrap=True)
    if not data.exists():
        console.print(f"gate skipped: no evaluation data at {data} (unit tests still run)")
        return
    floors = gate.load_floors(floors_path)
    names = [t.strip() for t in tasks.split(",") if t.strip()] or sorted(floors) or list(TASKS)
    unknown = [name for name in names if name not in TASKS]
    if unknown:
        from sayso.cli.output import EXIT_USAGE, fail

        raise fail(f"no evaluation task {unknown[0]!r}: choose from {', '.join(TASKS)}", EXIT_USAGE)
    failures = 0
    for name in names:
        pinned = floors.get(name, {})
        task = TASKS[name]
        # A task on the repository's own data reads it beside the floors file (eval/).
        root = (floors_path.parent if task.in_repo else data) / task.folder
        started = time.process_time()
        try:
            # Baselines only when re-pinning: the README's table shows them; CI needs floors only.
            report = run_task(
                name,
                root,
                pinned.get("split", task.split),
                baselines=bool(raise_floors or lower),
            )
        except EvaluationError as exc:
            console.print(f"[red]{name}: {exc}")
            failures += 1
            continue
        seconds = time.process_time() - started
        if pinned and pinned.get("data_hash") != report.data_hash and not lower:
            console.print(
                f"[red]{name}: the data changed ({pinned.get('data_hash')} → {report.data_hash});"
                " re-pin with --raise-floors --lower 'new data'"
            )
            failures += 1
            continue
        for result in gate.check(report, floors):
            mark = "[green]ok[/]" if result.ok else "[red]BELOW[/]"
            shown = "missing" if result.value is None else f"{result.value:.4f}"
            console.print(f"{mark} {name} {result.metric} {shown} ({result.kind} {result.bound})")
            failures += 0 if result.ok else 1
        console.print(f"[dim]{name}: {report.items} items, {seconds:.0f} CPU-s[/]")
        if raise_floors or lower:
            floors = gate.raise_floors(report, floors, lower_reason=lower)
            _save_report(report, floors_path.parent / "reports")
    if raise_floors or lower:
        from sayso.eval.table import update_readme

        gate.save_floors(floors_path, floors)
        console.print(f"floors written to {floors_path}")
        readme = floors_path.parent.parent / "README.md"
        if readme.exists() and update_readme(
            readme, floors_path.parent / "reports", floors_path.parent / "anchors.json"
        ):
            console.print(f"quality table in {readme} regenerated")
    if failures:
        console.print(f"[red]gate failed: {failures} figure(s) below their floor")
        raise typer.Exit(EXIT_BELOW_FLOOR)
    console.print("[green]gate passed")
