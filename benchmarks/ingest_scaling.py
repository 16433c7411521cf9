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
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article_texts

from sayso.ingest.article import make_article, make_source
from sayso.records import Article
from sayso.runners import PipelineConfig, make_runner
from sayso.store import open_store

CC_NEWS_MONTH_ARTICLES = 1_500_000
"""English articles in a month of CC-NEWS: an order of magnitude (2023-2024 dumps held about
1-2 million English news pages a month); pass --month-articles to project with your own."""


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


def run_config(
    name: str, articles: list[Article], db: Path, **runner_args: object
) -> dict[str, object]:
    """Ingest every article into a fresh store with one runner configuration."""
    words = sum(len(a.text.split()) for a in articles)
    config = PipelineConfig()
    runner = make_runner(config, **runner_args)  # type: ignore[arg-type]
    cpu0, child0, wall0 = _self_cpu(), _children_cpu(), time.monotonic()
    with open_store(str(db)) as store:
        for result in runner.run(articles):
            store.add(
                result, location=result.article.source.location, record=result.article.source.record
            )
    runner.close()
    wall = time.monotonic() - wall0
    cpu = (_self_cpu() - cpu0) + (_children_cpu() - child0)
    return {
        "config": name,
        "articles": len(articles),
        "wall_s": round(wall, 2),
        "articles_per_s": round(len(articles) / wall, 2),
        # Dask workers are not this process's children: their CPU time is not seen here.
        "words_per_cpu_s": round(words / cpu, 1)
        if cpu and "scheduler" not in runner_args
        else None,
        "store_mib_per_1000_articles": round(db.stat().st_size / 2**20 / len(articles) * 1000, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    parser.add_argument("--month-articles", type=int, default=CC_NEWS_MONTH_ARTICLES)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    articles = _articles(args.articles)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        rows.append(run_config("serial, 1 process", articles, Path(tmp, "s.db")))
        rows.append(run_config("2 worker processes", articles, Path(tmp, "p.db"), workers=2))
        peak_worker_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if not args.no_dask:
            from distributed import LocalCluster

            with LocalCluster(
                n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
            ) as cluster:
                rows.append(
                    run_config(
                        "Dask, 2 local workers",
                        articles,
                        Path(tmp, "d.db"),
                        scheduler=cluster.scheduler_address,
                    )
                )
    serial_rate = float(rows[0]["articles_per_s"])  # type: ignore[arg-type]
    two_rate = float(rows[1]["articles_per_s"])  # type: ignore[arg-type]
    efficiency = two_rate / (2 * serial_rate)
    cpu_rate = float(rows[0]["articles_per_s"])  # one core's worth of articles per second
    result = {
        "date": time.strftime("%Y-%m-%d"),
        "cores": os.cpu_count(),
        "distinct_texts": len({a.text.rsplit("\n\n(copy", 1)[0] for a in articles}),
        "rows": rows,
        "scaling_efficiency_1_to_2_workers": round(efficiency, 3),
        "peak_rss_per_worker_mib": round(peak_worker_mib, 1),
        "cc_news_month": {
            "articles": args.month_articles,
            "core_hours": round(args.month_articles / cpu_rate / 3600, 1),
            "store_gib": round(
                float(rows[0]["store_mib_per_1000_articles"]) * args.month_articles / 1000 / 1024,  # type: ignore[arg-type]
                1,
            ),
        },
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "ingest_scaling.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        "| configuration | articles | articles/s | words per CPU-second "
        "| store MiB / 1,000 articles |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {r['config']} | {r['articles']} | {r['articles_per_s']} | {r['words_per_cpu_s']} | "
        f"{r['store_mib_per_1000_articles']} |"
        for r in rows
    ]
    lines += [
        "",
        f"Scaling efficiency 1 → 2 workers: **{result['scaling_efficiency_1_to_2_workers']}** "
        "(goal >= 0.85); peak RSS per worker: "
        f"**{result['peak_rss_per_worker_mib']} MiB** (goal <= 600 MiB).",
        f"A month of CC-NEWS (~{args.month_articles:,} articles): about "
        f"{result['cc_news_month']['core_hours']} core-hours and "  # type: ignore[index]
        f"{result['cc_news_month']['store_gib']} GiB of store.",  # type: ignore[index]
    ]
    (args.out / "ingest_scaling.md").write_text("\n".join(lines) + "\n")
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
