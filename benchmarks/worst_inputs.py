"""Worst inputs: CPU seconds and peak RSS of the hostile inputs that once took time growing with
the square of their size, each measured in a fresh process.

    .venv/bin/python benchmarks/worst_inputs.py --out benchmarks/results
    .venv/bin/python benchmarks/worst_inputs.py --src /tmp/old/src --name worst_inputs_before

``--src`` measures another checkout's ``src`` (an older commit, for a before/after table) with
this environment; ``--timeout`` stops a case that runs too long, and the row says so. The
markdown table shows the ``worst_inputs_before`` results next to these when that file exists.

Cases (every text is made up here, shaped like the input that hurt):

* ``plaintext-48k`` / ``plaintext-366k``: the plain-text reader on 24,000 / 183,000 one-letter
  lines (its line features counted the run of short lines around each line anew).
* ``quotes-4000``: the entity and statement stages on 4,000 short attributed quotes (80 KB);
  the parse is left out of the time.
* ``names-100k``: entity grouping (``_group_texts``) of 100,000 distinct names, as one sentence
  listing them would give it; without spaCy, whose parse of such a sentence is not at issue.
* ``upload-60k``: what ``POST /api/analyze`` does with a 60 KB upload of short quotes, one a
  line: read, parse and every stage; ``upload-60k-lines`` the same with 60 KB of very short
  quoted lines (``"Go," he said.``), which the plain-text reader judged line by line.
* ``json-deep``, ``json-number``, ``html-deep``, ``html-attribute``: inputs the readers now
  refuse with a reason (nesting 100,000 deep, a 5,000-digit number, 100,000 nested tags, an
  11 MB attribute): the time to say so.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES = (
    "plaintext-48k",
    "plaintext-366k",
    "quotes-4000",
    "names-100k",
    "upload-60k",
    "upload-60k-lines",
    "json-deep",
    "json-number",
    "html-deep",
    "html-attribute",
)
_QUOTE_LINE = '"We will rebuild the harbour wall, stone {} of it," the mayor told reporters.\n'
_PARAGRAPH = (
    "<p>" + "The minister said the plan would be ready by the end of the year. " * 3 + "</p>"
)


def _quotes(count: int) -> str:
    return "".join(f'"Go now, {i}," he said. ' for i in range(count))


def _names(count: int) -> list[str]:
    rng = random.Random(3)
    syllables = ["ka", "lo", "mir", "ve", "tra", "sin", "do", "ra", "bel", "zu", "ni", "qua"]
    names: set[str] = set()
    while len(names) < count:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 5)))
        names.add(word.capitalize())
    return sorted(names)


def _run_case(name: str) -> dict[str, Any]:
    """Measure one case in this process; what the work produced, for a sanity check."""
    from sayso.ingest.article import make_article, make_source

    outcome = ""
    if name.startswith("plaintext"):
        from sayso.ingest.plaintext import read_plain_text

        text = "a\n" * (24_000 if name == "plaintext-48k" else 183_000)
        started = time.process_time()
        try:
            read_plain_text(text, make_source("bench", "text"))
        except Exception as exc:  # the new reader refuses a text of page junk alone
            outcome = type(exc).__name__
        seconds = time.process_time() - started
        size = len(text)
    elif name == "quotes-4000":
        from sayso.nlp.stage import Analysis
        from sayso.pipeline import Pipeline

        text = _quotes(4000)
        pipeline = Pipeline(stages=("entities", "statements"))
        work = Analysis(article=make_article(text, make_source("bench", "text")), doc=None)  # type: ignore[arg-type]
        work.doc = pipeline.nlp(text)
        started = time.process_time()
        for stage in pipeline.stages:
            stage(work)
        seconds = time.process_time() - started
        size = len(text)
        outcome = f"{len(work.statements)} statements"
    elif name == "names-100k":
        from sayso.entities.resolve import _group_texts, _texts
        from sayso.entities.spans import NameSpan

        names = _names(100_000)
        labels = ("PERSON", "ORG", "GPE", "")
        spans, at = [], 0
        for i, word in enumerate(names):
            spans.append(NameSpan(at, at + len(word), word, labels[i % 4], 0, False))
            at += len(word) + 2
        started = time.process_time()
        groups, _ = _group_texts(_texts(spans), {})
        seconds = time.process_time() - started
        size = at
        outcome = f"{len(groups)} groups"
    elif name.startswith("upload-60k"):
        from sayso.ingest.sources import ReadOptions, read_article
        from sayso.pipeline import Pipeline

        line = _QUOTE_LINE if name == "upload-60k" else '"Go, {}," he said.\n'
        data = "".join(line.format(i) for i in range(6000)).encode()[:60_000]
        pipeline = Pipeline()
        _ = pipeline.nlp
        started = time.process_time()
        try:
            result = pipeline.analyze(read_article(data, ReadOptions()))
            outcome = f"{len(result.statements)} statements"
        except Exception as exc:  # the new readers refuse what is all page junk
            outcome = type(exc).__name__
        seconds = time.process_time() - started
        size = len(data)
    else:
        from sayso.ingest.sources import ReadOptions, read_article

        data = {
            "json-deep": b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            "json-number": b'{"text": "A story.", "n": ' + b"7" * 5_000 + b"}",
            "html-deep": (
                "<html><body>" + "<div>" * 100_000 + _PARAGRAPH + "</div>" * 100_000
            ).encode(),
            "html-attribute": (
                '<html><body><article data-x="' + "a" * 11_000_000 + '">' + _PARAGRAPH * 3
            ).encode(),
        }[name]
        started = time.process_time()
        try:
            read_article(data, ReadOptions(max_bytes=50_000_000))
            outcome = "read"
        except Exception as exc:
            outcome = type(exc).__name__
        seconds = time.process_time() - started
        size = len(data)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "cpu_s": round(seconds, 2),
        "peak_rss_mib": round(peak, 1),
        "bytes": size,
        "outcome": outcome,
    }


def measure(src: Path | None, timeout: float, cases: tuple[str, ...]) -> dict[str, Any]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    rows: dict[str, Any] = {}
    for name in cases:
        command = [sys.executable, __file__, "--case", name]
        try:
            done = subprocess.run(
                command, env=env, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            rows[name] = {"stopped_after_s": timeout}
            print(f"{name}: stopped after {timeout:g}s", flush=True)
            continue
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            rows[name] = {"failed": (done.stderr.strip().splitlines() or ["?"])[-1][:200]}
        else:
            rows[name] = json.loads(lines[-1])
        print(f"{name}: {rows[name]}", flush=True)
    return {"date": datetime.now().strftime("%Y-%m-%d"), "cases": rows}


def _cell(row: dict[str, Any] | None) -> tuple[str, str]:
    if row is None:
        return "", ""
    if "stopped_after_s" in row:
        return f"> {row['stopped_after_s']:g} (stopped)", ""
    if "failed" in row:
        return "crashed", ""
    return f"{row['cpu_s']:g}", f"{row['peak_rss_mib']:g}"


def table(after: dict[str, Any], before: dict[str, Any] | None) -> str:
    lines = [
        "| input | bytes | CPU s before | CPU s after | peak RSS MiB before | peak RSS MiB after"
        " | outcome before | outcome after |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, row in after["cases"].items():
        old = (before or {}).get("cases", {}).get(name)
        cpu_before, rss_before = _cell(old)
        cpu_after, rss_after = _cell(row)
        lines.append(
            f"| {name} | {row.get('bytes', '')} | {cpu_before} | {cpu_after} | {rss_before} | "
            f"{rss_after} | {(old or {}).get('outcome', '')} | {row.get('outcome', '')} |"
        )
    note = ""
    if before is not None:
        note = (
            f"\n'Before' is commit {before.get('commit', '?')} measured on "
            f"{before.get('date', '?')}; each case runs in a fresh process (peak RSS includes "
            "the Python interpreter and, for quotes and upload, the spaCy model).\n"
        )
    return "\n".join(lines) + "\n" + note


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", choices=CASES, help=argparse.SUPPRESS)
    parser.add_argument("--src", type=Path, help="measure this checkout's src/ instead")
    parser.add_argument("--commit", default=None, help="the commit --src holds, for the table")
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--only", nargs="*", choices=CASES, default=list(CASES))
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--name", default="worst_inputs")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(_run_case(args.case)))
        return
    results = measure(args.src, args.timeout, tuple(args.only))
    results["commit"] = (
        args.commit
        or subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        ).stdout.strip()
    )
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{args.name}.json"
    if target.exists() and len(args.only) < len(CASES):  # measure some cases again
        kept = json.loads(target.read_text())
        results["cases"] = {**kept.get("cases", {}), **results["cases"]}
    target.write_text(json.dumps(results, indent=2) + "\n")
    if args.name == "worst_inputs":
        before_path = args.out / "worst_inputs_before.json"
        before = json.loads(before_path.read_text()) if before_path.exists() else None
        (args.out / "worst_inputs.md").write_text(table(results, before))


if __name__ == "__main__":
    main()
