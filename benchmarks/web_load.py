"""Load check of ``sayso serve``: requests/s and p95 latency of the article, search and entity
pages at 1 and 20 concurrent clients, against a store of real analysed articles.

    .venv/bin/python benchmarks/web_load.py                      # 5,000 articles (goal)
    .venv/bin/python benchmarks/web_load.py --articles 300 --distinct 60 --requests 100

The store is built once and cached in benchmarks/.cache/: the first ``--distinct`` real texts
from ../shared/data (benchmarks/corpus.py) are analysed by the pipeline, and the store is filled
up to ``--articles`` with copies of those results under distinct ids. The server runs in its own
process (uvicorn, one worker) on 127.0.0.1 so that the load generator does not share its GIL.
Goal: p95 < 200 ms at 20 clients.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import article_texts

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 7
WORDS = ("president", "minister", "police", "election", "said", "percent", "war", "court")


def build_store(path: Path, articles: int, distinct: int, stages: tuple[str, ...]) -> None:
    """Analyse ``distinct`` real texts once and store them, then copies up to ``articles``."""
    from sayso.ingest.sources import ReadOptions, read_article
    from sayso.pipeline import Pipeline
    from sayso.store import open_store

    pipeline = Pipeline(stages=stages)
    texts = article_texts(distinct)
    started = time.perf_counter()
    results = []
    for text in dict.fromkeys(texts):
        article = read_article(text.encode("utf-8"), ReadOptions(fetch=False))
        results.append(pipeline.analyze(article))
    print(f"analysed {len(results)} texts in {time.perf_counter() - started:.0f}s", flush=True)
    tmp = path.with_suffix(".partial")
    tmp.unlink(missing_ok=True)
    with open_store(str(tmp)) as store:
        for n in range(articles):
            result = results[n % len(results)]
            if n >= len(results):
                copy = n // len(results)
                meta = replace(result.article.metadata, url=None)
                article = replace(result.article, id=f"{result.article.id}_c{copy}", metadata=meta)
                result = replace(result, article=article)
            store.add(result, location=f"bench/{n}")
    tmp.rename(path)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = (
        "import uvicorn; from sayso.web.app import create_app; "
        f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, "
        "log_level='warning', access_log=False)"
    )
    server = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=5).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def targets(base: str, rng: random.Random) -> dict[str, list[str]]:
    """Page URLs to request: random articles, statement searches, the most common entities."""
    with httpx.Client(base_url=base, timeout=30) as client:
        count = client.get("/api/status").json()["articles"]
        ids = []
        for offset in rng.sample(range(count), min(count, 50)):
            page = client.get(f"/api/articles?limit=1&offset={offset}").json()
            ids += [row["id"] for row in page["items"]]
        names = [e["name"] for e in client.get("/api/entities?limit=50").json()["items"]]
    return {
        "article": [f"/articles/{quote(i, safe='')}" for i in ids],
        "search": [f"/statements?q={w}" for w in WORDS],
        "entity": [f"/entities/{quote(n, safe='')}" for n in names],
    }


def load(
    base: str, urls: list[str], clients: int, requests: int, rng: random.Random
) -> dict[str, float]:
    """Send ``requests`` GETs from ``clients`` threads; throughput and latency percentiles."""
    chosen = [rng.choice(urls) for _ in range(requests)]
    latencies: list[float] = []
    failures = 0

    def worker(share: list[str]) -> None:
        nonlocal failures
        with httpx.Client(base_url=base, timeout=60) as client:
            for url in share:
                started = time.perf_counter()
                status = client.get(url).status_code
                latencies.append(time.perf_counter() - started)
                failures += status != 200

    shares = [chosen[i::clients] for i in range(clients)]
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, shares))
    elapsed = time.perf_counter() - started
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "requests": requests,
        "failures": failures,
        "rps": round(requests / elapsed, 1),
        "p50_ms": round(quantiles[49] * 1000, 1),
        "p95_ms": round(quantiles[94] * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--distinct", type=int, default=1500, help="real texts analysed")
    parser.add_argument("--requests", type=int, default=400, help="per page kind and level")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 20])
    parser.add_argument(
        "--stages",
        default="entities,time,statements,numbers,events",
        help="pipeline stages used to build the store (comma-separated)",
    )
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    stages = tuple(args.stages.split(","))
    db = CACHE / f"web_load_{args.articles}_{args.distinct}_{len(stages)}.db"
    if not db.exists():
        build_store(db, args.articles, args.distinct, stages)
    port = _free_port()
    server = start_server(db, port)
    base = f"http://127.0.0.1:{port}"
    rng = random.Random(SEED)
    try:
        urls = targets(base, rng)
        report = {"store": db.name, "articles": args.articles, "results": []}
        for kind, kind_urls in urls.items():
            if not kind_urls:
                print(f"no {kind} pages to request: the store holds none", flush=True)
                continue
            for clients in args.clients:
                row = {"page": kind, "clients": clients}
                row |= load(base, kind_urls, clients, args.requests, rng)
                report["results"].append(row)  # type: ignore[attr-defined]
                print(json.dumps(row), flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
