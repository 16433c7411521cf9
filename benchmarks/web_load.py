"""Load check of ``sayso serve``: requests/s and p95 latency of the article, search and entity
pages at 1 and 20 concurrent clients, against a store of real analysed articles.

    .venv/bin/python benchmarks/web_load.py                      # 5,000 articles (goal)
    .venv/bin/python benchmarks/web_load.py --articles 300 --distinct 60 --requests 100

The store is built once and cached in benchmarks/.cache/: the first ``--distinct`` real texts
from ../shared/data (benchmarks/corpus.py) are analysed by the pipeline, and the store is filled
up to ``--articles`` with copies of those results under distinct ids. The server runs in its own
processes (uvicorn with ``--workers``, default as ``sayso serve``) on 127.0.0.1 so that the load
generator does not share their GIL. Goal: p95 < 200 ms at 20 clients for article and search.

Pages: ``article`` draws from 50 articles, as readers revisit pages, so most requests find the
page already rendered; ``article-cold`` never asks for an article twice, so every request pays
for decoding and rendering its article. Likewise ``search`` repeats 8 common words (kept result
pages answer most requests) and ``search-cold`` searches each word of statement texts once.
Each row also gives the machine's 1-minute load average when it finished: other processes on
the machine slow the server down.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import article_texts

if TYPE_CHECKING:
    from sayso.records import ArticleResult
    from sayso.store import Store

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 7
WORDS = ("president", "minister", "police", "election", "said", "percent", "war", "court")
WORD = re.compile(r"\b[a-zA-Z]{5,}\b")
"""Words of statement contents searched once each by ``search-cold``."""


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
        fill_store(store, results, articles)
    tmp.rename(path)


def fill_store(store: Store, results: list[ArticleResult], articles: int) -> None:
    """Store ``results``, then numbered copies of them, until the store holds ``articles``.

    Texts that differ only in what reading normalises away are one article (one id), so
    copies are counted in stored articles, not in inputs.
    """
    originals = list({r.article.id: r for r in results}.values())
    n = 0
    while store.article_count() < articles:
        result = originals[n % len(originals)]
        copy = n // len(originals)
        if copy:
            meta = replace(result.article.metadata, url=None)
            article = replace(result.article, id=f"{result.article.id}_c{copy}", metadata=meta)
            result = replace(result, article=article)
        store.add(result, location=f"bench/{n}")
        n += 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    """``sayso serve``'s app in ``workers`` uvicorn processes, as ``serve`` runs them, but
    without access logs."""
    code = (
        "from sayso.web.app import run_workers; "
        f"run_workers('sayso.web.app:app_from_env', host='127.0.0.1', port={port}, "
        f"workers={workers}, access_log=False)"
    )
    env = {**os.environ, "SAYSO_WEB_DB": str(db)}
    server = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=5).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def targets(base: str, rng: random.Random, cold: int) -> dict[str, list[str]]:
    """Page URLs to request: random articles, statement searches, the most common entities,
    and ``cold`` further articles and search words to request once each."""
    with httpx.Client(base_url=base, timeout=60) as client:
        every: list[str] = []
        url: str | None = "/api/articles?limit=200"
        while url is not None:
            page = client.get(url).json()
            every += [row["id"] for row in page["items"]]
            url = page["next"]
        names = [e["name"] for e in client.get("/api/entities?limit=50").json()["items"]]
        vocabulary: set[str] = set()
        while len(vocabulary) < cold * 2:
            offset = rng.randrange(100_000)
            page = client.get(f"/api/statements?limit=200&offset={offset}").json()
            for row in page["items"]:
                vocabulary.update(w.lower() for w in WORD.findall(row["content"]))
    chosen = rng.sample(every, min(len(every), 50 + cold))
    return {
        "article": [f"/articles/{quote(i, safe='')}" for i in chosen[:50]],
        "article-cold": [f"/articles/{quote(i, safe='')}" for i in chosen[50:]],
        "search": [f"/statements?q={w}" for w in WORDS],
        "search-cold": [f"/statements?q={w}" for w in rng.sample(sorted(vocabulary), cold)],
        "entity": [f"/entities/{quote(n, safe='')}" for n in names],
    }


def load(base: str, chosen: list[str], clients: int, client: str) -> dict[str, float]:
    """GET each of ``chosen`` from ``clients`` threads, each on one kept-alive connection;
    throughput and latency percentiles.

    The load generator runs on the same two cores as the server, so its own cost lowers what
    it measures: the stdlib client costs about a third of httpx per request."""
    requests = len(chosen)
    latencies: list[float] = []
    failures = 0

    def with_httpx(share: list[str]) -> None:
        nonlocal failures
        with httpx.Client(base_url=base, timeout=60) as session:
            for url in share:
                started = time.perf_counter()
                status = session.get(url).status_code
                latencies.append(time.perf_counter() - started)
                failures += status != 200

    def with_stdlib(share: list[str]) -> None:
        nonlocal failures
        address = urlsplit(base)
        connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=60)
        try:
            for url in share:
                started = time.perf_counter()
                connection.request("GET", url)
                response = connection.getresponse()
                response.read()
                latencies.append(time.perf_counter() - started)
                failures += response.status != 200
        finally:
            connection.close()

    shares = [chosen[i::clients] for i in range(clients)]
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(with_stdlib if client == "stdlib" else with_httpx, shares))
    elapsed = time.perf_counter() - started
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "requests": requests,
        "failures": failures,
        "rps": round(requests / elapsed, 1),
        "p50_ms": round(quantiles[49] * 1000, 1),
        "p95_ms": round(quantiles[94] * 1000, 1),
        "load_1min": round(os.getloadavg()[0], 1),
    }


def main() -> None:
    from sayso.web.app import default_workers

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--distinct", type=int, default=1500, help="real texts analysed")
    parser.add_argument("--requests", type=int, default=400, help="per page kind and level")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 20])
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[default_workers()],
        help="uvicorn worker processes; each count is measured with a fresh server",
    )
    parser.add_argument(
        "--client",
        choices=["stdlib", "httpx"],
        default="stdlib",
        help="HTTP client of the load generator (httpx costs more CPU per request)",
    )
    parser.add_argument(
        "--pages",
        nargs="+",
        default=["article", "article-cold", "search", "search-cold", "entity"],
        help="page kinds to request",
    )
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
    report: dict[str, object] = {"store": db.name, "articles": args.articles, "results": []}
    rows: list[dict[str, object]] = []
    for workers in args.workers:
        port = _free_port()
        server = start_server(db, port, workers)
        base = f"http://127.0.0.1:{port}"
        rng = random.Random(SEED)
        try:
            cold = args.requests * len(args.clients)
            urls = targets(base, rng, cold)
            for kind in args.pages:
                kind_urls = urls[kind]
                if not kind_urls:
                    print(f"no {kind} pages to request: the store holds none", flush=True)
                    continue
                for level, clients in enumerate(args.clients):
                    if kind in ("article-cold", "search-cold"):
                        share = args.requests
                        chosen = kind_urls[level * share : (level + 1) * share]
                    else:
                        chosen = [rng.choice(kind_urls) for _ in range(args.requests)]
                    row: dict[str, object] = {
                        "page": kind,
                        "workers": workers,
                        "client": args.client,
                    }
                    row |= {"clients": clients} | load(base, chosen, clients, args.client)
                    rows.append(row)
                    print(json.dumps(row), flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
    report["results"] = rows
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
