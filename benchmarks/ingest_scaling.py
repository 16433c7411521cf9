"""Corpus ingest at scale: articles/s and words per CPU-second with 1 and 2 worker processes and
with Dask on 2 local workers, scaling efficiency, peak RSS per worker, store size per 1,000
articles, and the projected cost of a month of CC-NEWS. Every figure comes from one run.

    .venv/bin/python benchmarks/ingest_scaling.py --articles 5000 --out benchmarks/results

The articles are real texts from ../shared/data (PolNeAR, WCXB ground truths), repeated in
order when more are asked for than the data holds; each copy gets a distinct location so the
store keeps them all (they share an id only if their text is the same, which the store then
counts as a duplicate, as it would in real life: so copies are told apart by a numbered line).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article_texts

from sayso.ingest.article import make_article, make_source
from sayso.records import Article
from sayso.runners import PipelineConfig, make_runner
from sayso.runners.base import chunks
from sayso.store import open_store

CC_NEWS_MONTH_ARTICLES = 1_500_000
"""English articles in a month of CC-NEWS: an order of magnitude (2023-2024 dumps held about
1-2 million English news pages a month); pass --month-articles to project with your own."""

WRITE_BATCH = 64
"""Articles per store transaction (``Store.add_prepared``), as ``sayso ingest`` should write
them: a killed run loses at most this many, which the rerun analyses again."""

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache"


def _articles(n: int) -> list[Article]:
    texts = article_texts(n)
    return [
        make_article(f"{t}\n\n(copy {i})", make_source(f"bench:{i}", "jsonl", record=str(i)))
        for i, t in enumerate(texts)
    ]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_rss_mib() -> float:
    """This process's peak resident memory (VmHWM), run on Dask workers too."""
    return _process_peak_rss_mib("self")


def _descendants() -> list[int]:
    """This process's live descendants: with worker processes, the fork server that starts
    them and the workers themselves (which are not this process's children, so
    ``RUSAGE_CHILDREN`` never sees them). Read before the runner closes."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while being read
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    me = os.getpid()

    def descends(pid: int) -> bool:
        seen: set[int] = set()
        while pid in parents and pid not in seen:
            seen.add(pid)
            pid = parents[pid]
            if pid == me:
                return True
        return False

    return [pid for pid in parents if descends(pid)]


def _process_peak_rss_mib(pid: int | str) -> float:
    """A process's peak resident memory (VmHWM); ``pid`` may be ``"self"``."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if pid == "self" else 0.0


def _process_cpu_s(pid: int) -> float:
    """User and system CPU of a live process and of the children it has reaped."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def _commit() -> str:
    """The code measured: the checkout's short commit, with ``+`` when files were changed."""
    import subprocess

    def git(*argv: str) -> str:
        done = subprocess.run(["git", *argv], check=False, capture_output=True, text=True, cwd=ROOT)
        return done.stdout.strip()

    changed = git("status", "--porcelain", "src")
    return git("rev-parse", "--short", "HEAD") + ("+" if changed else "")


def _store_mib(db: Path) -> float:
    """The store's size on disk, with any write-ahead log not yet folded in."""
    parts = (db, db.with_name(db.name + "-wal"))
    return sum(p.stat().st_size for p in parts if p.exists()) / 2**20


def run_config(
    name: str, articles: list[Article], db: Path, *, dask: Any = None, workers: int = 1
) -> dict[str, Any]:
    """Ingest every article into a fresh store with one runner configuration, as
    ``sayso ingest`` does: workers turn results into store rows, the parent only writes.

    ``dask`` is a ``distributed.Client`` of the cluster to run on: its workers are not this
    process's children, so their CPU time and peak memory are read on the workers.
    """
    words = sum(len(a.text.split()) for a in articles)
    scheduler = dask.scheduler.address if dask is not None else None
    dask_cpu0 = sum(dask.run(_self_cpu).values()) if dask is not None else 0.0
    cpu0, child0, wall0 = _self_cpu(), _children_cpu(), time.monotonic()
    runner = make_runner(PipelineConfig(), workers=workers, scheduler=scheduler)
    with open_store(str(db)) as store:
        for batch in chunks(runner.run_prepared(articles), WRITE_BATCH):
            store.add_prepared(batch)
    descendants = [] if dask is not None else _descendants()  # Dask's are read on the workers
    workers_peak = max((_process_peak_rss_mib(pid) for pid in descendants), default=0.0)
    workers_cpu = sum(_process_cpu_s(pid) for pid in descendants)
    runner.close()
    wall = time.monotonic() - wall0
    writer_cpu = _self_cpu() - cpu0
    cpu = writer_cpu + (_children_cpu() - child0) + workers_cpu
    if dask is not None:
        cpu += sum(dask.run(_self_cpu).values()) - dask_cpu0
        peak = max(dask.run(_peak_rss_mib).values())
    elif workers > 1:
        peak = workers_peak
    else:
        peak = _peak_rss_mib()
    return {
        "config": name,
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "commit": _commit(),
        "articles": len(articles),
        "wall_s": round(wall, 2),
        "articles_per_s": round(len(articles) / wall, 2),
        "words_per_cpu_s": round(words / cpu, 1),
        "cpu_s_per_article": round(cpu / len(articles), 3),
        "writer_cpu_s": round(writer_cpu, 1),
        # Analysis CPU per article wherever it ran (all of it in the serial configuration).
        "worker_cpu_s_per_article": round(
            (cpu - (writer_cpu if workers > 1 or dask is not None else 0)) / len(articles), 3
        ),
        "peak_rss_per_worker_mib": round(peak, 1),
        "store_mib_per_1000_articles": round(_store_mib(db) / len(articles) * 1000, 2),
    }


def _run_dask(articles: list[Article], db: Path) -> dict[str, Any]:
    """Dask on a local cluster of 2 single-threaded workers, started as docs/scaling.md says:
    Dask's profiler off (it grew each worker by about 200 MiB in 15 minutes) and without the
    ``MALLOC_TRIM_THRESHOLD_`` Dask's nanny sets by default (sayso's workers keep a steady
    size, and the constant trimming cost 10% more CPU per article on 44 benchmark texts)."""
    import dask
    import distributed

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ"))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    cluster_class: Any = distributed.LocalCluster
    client_class: Any = distributed.Client
    with (
        dask.config.set(
            {
                "distributed.nanny.pre-spawn-environ": environ,
                "distributed.worker.profile.enabled": False,
            }
        ),
        cluster_class(
            n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=":0"
        ) as cluster,
        client_class(cluster) as client,
    ):
        return run_config("Dask, 2 local workers", articles, db, dask=client)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    parser.add_argument("--month-articles", type=int, default=CC_NEWS_MONTH_ARTICLES)
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument(
        "--dask-only",
        action="store_true",
        help="run only the Dask configuration and replace its row in the results already in "
        "--out (the serial and 2-worker rows, and the ratio between them, stay as measured)",
    )
    parser.add_argument(
        "--keep-store",
        type=Path,
        help="where to keep the 2-worker store for other benchmarks "
        "(default: benchmarks/.cache/ingest_2workers_N.db)",
    )
    args = parser.parse_args()
    kept = args.keep_store or CACHE / f"ingest_2workers_{args.articles}.db"
    articles = _articles(args.articles)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.dask_only:
            earlier = json.loads((args.out / "ingest_scaling.json").read_text())
            rows = [r for r in earlier["rows"] if not r["config"].startswith("Dask")]
            kept = Path(earlier["store_kept_at"])
        else:
            rows.append(run_config("serial, 1 process", articles, Path(tmp, "s.db")))
            rows.append(run_config("2 worker processes", articles, Path(tmp, "p.db"), workers=2))
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(Path(tmp, "p.db"), kept)
        if not args.no_dask:
            rows.append(_run_dask(articles, Path(tmp, "d.db")))
    serial_rate = float(rows[0]["articles_per_s"])
    two_rate = float(rows[1]["articles_per_s"])
    efficiency = two_rate / (2 * serial_rate)
    result = {
        "date": time.strftime("%Y-%m-%d"),
        "cores": os.cpu_count(),
        "distinct_texts": len({a.text.rsplit("\n\n(copy", 1)[0] for a in articles}),
        "rows": rows,
        "scaling_efficiency_1_to_2_workers": round(efficiency, 3),
        "peak_rss_per_worker_mib": rows[1]["peak_rss_per_worker_mib"],
        "store_mib_per_1000_articles": rows[1]["store_mib_per_1000_articles"],
        "store_kept_at": str(kept),
        "cc_news_month": {
            "articles": args.month_articles,
            # CPU time, not wall time, so the projection holds on a busy machine too.
            "core_hours": round(args.month_articles * rows[1]["cpu_s_per_article"] / 3600, 1),
            "store_gib": round(
                float(rows[0]["store_mib_per_1000_articles"]) * args.month_articles / 1000 / 1024,
                1,
            ),
        },
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "ingest_scaling.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        "| configuration | articles | articles/s | words per CPU-second | writer CPU s "
        "| peak RSS per worker MiB | store MiB / 1,000 articles | measured (commit) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r['config']} | {r['articles']} | {r['articles_per_s']} | {r['words_per_cpu_s']} | "
        f"{r['writer_cpu_s']} | {r['peak_rss_per_worker_mib']} | "
        f"{r['store_mib_per_1000_articles']} | {r.get('date', '?')} ({r.get('commit', '?')}) |"
        for r in rows
    ]
    lines += [
        "",
        f"Scaling efficiency 1 → 2 workers: **{result['scaling_efficiency_1_to_2_workers']}** "
        "(goal >= 0.85); peak RSS per worker: "
        f"**{result['peak_rss_per_worker_mib']} MiB** with worker processes"
        + "".join(
            f", **{r['peak_rss_per_worker_mib']} MiB** on Dask"
            for r in rows
            if r["config"].startswith("Dask")
        )
        + " (goal <= 600 MiB).",
        f"A month of CC-NEWS (~{args.month_articles:,} articles): about "
        f"{result['cc_news_month']['core_hours']} core-hours and "
        f"{result['cc_news_month']['store_gib']} GiB of store.",
    ]
    (args.out / "ingest_scaling.md").write_text("\n".join(lines) + "\n")
    sys.stdout.write("\n".join(lines) + f"\n\n2-worker store kept at {kept}\n")


if __name__ == "__main__":
    main()
