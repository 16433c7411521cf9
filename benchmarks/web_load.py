"""Load check of ``sayso serve``: requests/s and p95 latency of the article, search and entity
pages at 1 and 20 concurrent clients, against a store of real analysed articles.

    .venv/bin/python benchmarks/web_load.py --out benchmarks/results   # 5,000 articles (goal)
    .venv/bin/python benchmarks/web_load.py --articles 300 --distinct 60 --requests 100

The store is built once and cached in benchmarks/.cache/: the first ``--distinct`` real texts
from ../shared/data (benchmarks/corpus.py) are analysed by the pipeline, and the store is filled
up to ``--articles`` with copies of those results under distinct ids. The server runs in its own
processes (uvicorn with ``--workers``, default as ``sayso serve``) on 127.0.0.1 so that the load
generator does not share their GIL. Goal: p95 < 200 ms at 20 clients for article and search.

Pages: ``article`` draws from 50 articles, as readers revisit pages, so most requests find the
page already rendered; ``article-cold`` never asks for an article twice, so every request pays
for decoding and rendering its article. ``statement-cold`` opens a statement's detail (its
chain, stance and other appearances in the corpus) in an article not seen before. Likewise
``search`` repeats 8 common words (kept result pages answer most requests) and ``search-cold``
searches each word of statement texts once.
First views are measured on a store whose pages were rendered ahead of time
(``--page-cache warm``, what ``sayso prerender`` does after an ingest) or
on one whose kept pages were deleted (``--page-cache cold``): the report says which.
Each row also gives the machine's 1-minute load average when it finished: other processes on
the machine slow the server down. A cached store of an older schema is migrated in place.

``mixed`` draws every request at random from all the kinds above (half of them first views),
as a crowd of readers does; ``mixed-abuse`` is the same with one request in ten a costly
search (a common word repeated a hundred times, or thirty different words) from clients
trying to stall the server: what they get is a 400 or a quick answer, and the others' p95
must hold (failures count only the other requests).
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
from corpus import DATA, article_texts

if TYPE_CHECKING:
    from sayso.records import ArticleResult
    from sayso.store import Store

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 7
WORDS = ("president", "minister", "police", "election", "said", "percent", "war", "court")
WORD = re.compile(r"\b[a-zA-Z]{5,}\b")
"""Words of statement contents searched once each by ``search-cold``."""
ABUSE = (
    "/api/search?kind=articles&q=" + quote("the " * 100),
    "/api/search?kind=articles&q=" + quote(" ".join(f"word{i}" for i in range(30))),
    "/articles?q=" + quote("said " * 99),
)
"""Searches meant to stall the server: repeated common words, too many terms."""


def build_store(
    path: Path, articles: int, distinct: int, stages: tuple[str, ...], data: Path
) -> None:
    """Analyse ``distinct`` real texts once and store them, then copies up to ``articles``."""
    from sayso.ingest.sources import ReadOptions, read_article
    from sayso.pipeline import Pipeline
    from sayso.store import open_store

    pipeline = Pipeline(stages=stages)
    texts = article_texts(distinct, data)
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


def quoted(db: Path, avoid: set[str], count: int, rng: random.Random) -> list[tuple[str, str]]:
    """(article id, statement id) of one attributed statement in each of ``count`` random
    articles outside ``avoid``, read from the store itself: the API lists statements in
    ingestion order, a few articles per page."""
    import sqlalchemy as sa

    from sayso.store import open_store, tables

    s = tables.statements
    query = (
        sa.select(s.c.article_id, sa.func.min(s.c.statement_id))
        .where(s.c.kind != "own_voice")
        .group_by(s.c.article_id)
        .order_by(s.c.article_id)
    )
    with open_store(str(db)) as store, store.reading() as conn:
        pairs = [(a, i) for a, i in conn.execute(query) if a not in avoid]
    return rng.sample(pairs, min(len(pairs), count))


def targets(db: Path, base: str, rng: random.Random, cold: int) -> dict[str, list[str]]:
    """Page URLs to request: random articles, statement searches, the most common entities,
    and ``cold`` further articles, statements and search words to request once each."""
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
    details = quoted(db, set(chosen), cold, rng)
    pages = {
        "article": [f"/articles/{quote(i, safe='')}" for i in chosen[:50]],
        "article-cold": [f"/articles/{quote(i, safe='')}" for i in chosen[50:]],
        "statement-cold": [
            f"/articles/{quote(a, safe='')}?statement={quote(i, safe='')}" for a, i in details
        ],
        "search": [f"/statements?q={w}" for w in WORDS],
        "search-cold": [f"/statements?q={w}" for w in rng.sample(sorted(vocabulary), cold)],
        "entity": [f"/entities/{quote(n, safe='')}" for n in names],
    }
    everything = [url for urls in pages.values() for url in urls]
    pages["mixed"] = [rng.choice(everything) for _ in range(cold)]
    pages["mixed-abuse"] = [
        rng.choice(ABUSE) if n % 10 == 0 else rng.choice(everything) for n in range(cold)
    ]
    return pages


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) spent so far by process ``pid`` and its descendants (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    waiting = [pid]
    while waiting:
        proc = Path(f"/proc/{waiting.pop()}")
        try:
            # Fields after the parenthesised name start at field 3; utime and stime are 14, 15.
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in (proc / "task").iterdir():
                waiting += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def load(base: str, chosen: list[str], clients: int, client: str, server: int) -> dict[str, float]:
    """GET each of ``chosen`` from ``clients`` threads, each on one kept-alive connection;
    throughput, latency percentiles, and the server's (process ``server``'s) CPU time per
    request, which other load on the machine changes far less than latency, and this load
    generator's own (all its threads), which it takes from the same cores.

    The load generator runs on the same two cores as the server, so its own cost lowers what
    it measures: the stdlib client costs about a third of httpx per request."""
    requests = len(chosen)
    latencies: list[float] = []
    abusive: list[tuple[float, int]] = []
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
                if url in ABUSE:  # the attacker's answers are not what is measured
                    abusive.append((time.perf_counter() - started, response.status))
                    continue
                latencies.append(time.perf_counter() - started)
                failures += response.status != 200
        finally:
            connection.close()

    shares = [chosen[i::clients] for i in range(clients)]
    cpu_before = cpu_seconds(server)
    client_before = time.process_time()
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(with_stdlib if client == "stdlib" else with_httpx, shares))
    elapsed = time.perf_counter() - started
    cpu = cpu_seconds(server) - cpu_before
    client_cpu = time.process_time() - client_before
    quantiles = statistics.quantiles(latencies, n=100)
    extra: dict[str, float] = {}
    if abusive:
        extra = {
            "abusive_requests": len(abusive),
            "abusive_max_ms": round(max(t for t, _ in abusive) * 1000, 1),
            "abusive_refused": sum(status == 400 for _, status in abusive),
        }
    return extra | {
        "requests": requests,
        "failures": failures,
        "rps": round(requests / elapsed, 1),
        "p50_ms": round(quantiles[49] * 1000, 1),
        "p95_ms": round(quantiles[94] * 1000, 1),
        "server_cpu_ms": round(cpu / requests * 1000, 1),
        "client_cpu_ms": round(client_cpu / requests * 1000, 2),
        "load_1min": round(os.getloadavg()[0], 1),
    }


def migrated(db: Path) -> None:
    """Bring a store cached by an older sayso to the current schema, as ``sayso migrate``."""
    from sayso.store import open_store

    open_store(str(db), migrate=True).close()


def set_page_cache(db: Path, state: str) -> None:
    """Render every article's page ahead of time (``warm``) or delete the kept pages
    (``cold``), so that first views measure one or the other."""
    from sayso.store import open_store
    from sayso.store.tables import rendered_pages
    from sayso.web.page_cache import prerender

    with open_store(str(db)) as store:
        if state == "warm":
            started = time.perf_counter()
            count = prerender(store)
            print(f"rendered {count} pages ahead in {time.perf_counter() - started:.0f}s")
        else:
            with store.writing() as conn:
                conn.execute(rendered_pages.delete())


def write_results(out: Path, report: dict[str, object], rows: list[dict[str, object]]) -> None:
    """``web_load.json`` (everything) and ``web_load.md`` (a table) in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "web_load.json").write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        f"{report['articles']:,} stored articles, {report['workers']} uvicorn workers, "
        f"{report['requests']} requests per row, article pages rendered ahead: "
        f"{'yes' if report['page_cache'] == 'warm' else 'no'}; load average before the run: "
        f"{report['load_before']}. Goal: p95 < 200 ms at 20 clients for article and search "
        "pages.",
        "",
        "| page | clients | requests/s | p50 ms | p95 ms | server CPU ms/request "
        "| client CPU ms/request | failures | load (1 min) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['page']} | {row['clients']} | {row['rps']} | {row['p50_ms']} | "
            f"{row['p95_ms']} | {row['server_cpu_ms']} | {row['client_cpu_ms']} | "
            f"{row['failures']} | {row['load_1min']} |"
        )
    for row in rows:
        if row.get("abusive_requests"):
            lines.append(
                f"\n{row['page']} at {row['clients']} clients: {row['abusive_requests']} of the "
                f"requests were stalling searches (not counted above), answered within "
                f"{row['abusive_max_ms']} ms, {row['abusive_refused']} refused with 400."
            )
    (out / "web_load.md").write_text("\n".join(lines) + "\n")


def _stored_articles(db: Path) -> int:
    from sayso.store import open_store

    with open_store(str(db)) as store:
        return store.status().tables.get("articles", 0)


def main() -> None:
    from sayso.web.app import default_workers

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
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
        default=[
            "article",
            "article-cold",
            "statement-cold",
            "search",
            "search-cold",
            "entity",
            "mixed",
            "mixed-abuse",
        ],
        help="page kinds to request",
    )
    parser.add_argument(
        "--stages",
        default="entities,time,statements,numbers,events",
        help="pipeline stages used to build the store (comma-separated)",
    )
    parser.add_argument(
        "--page-cache",
        choices=["warm", "cold"],
        default="warm",
        help="render article pages ahead of time before measuring, or delete those kept",
    )
    parser.add_argument(
        "--store",
        type=Path,
        help="measure this existing store instead of building one (e.g. the one "
        "benchmarks/ingest_scaling.py keeps: every article analysed, none copied)",
    )
    parser.add_argument("--out", type=Path, help="folder for web_load.json and web_load.md")
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    stages = tuple(args.stages.split(","))
    if args.store is not None:
        db = args.store
    else:
        db = CACHE / f"web_load_{args.articles}_{args.distinct}_{len(stages)}.db"
        if not db.exists():
            build_store(db, args.articles, args.distinct, stages, args.data)
    migrated(db)
    set_page_cache(db, args.page_cache)
    report: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "store": db.name,
        "articles": _stored_articles(db),
        "workers": " and ".join(str(w) for w in args.workers),
        "requests": args.requests,
        "page_cache": args.page_cache,
        "load_before": round(os.getloadavg()[0], 1),
        "results": [],
    }
    rows: list[dict[str, object]] = []
    for workers in args.workers:
        port = _free_port()
        server = start_server(db, port, workers)
        base = f"http://127.0.0.1:{port}"
        rng = random.Random(SEED)
        try:
            cold = args.requests * len(args.clients)
            urls = targets(db, base, rng, cold)
            for kind in args.pages:
                kind_urls = urls[kind]
                if not kind_urls:
                    print(f"no {kind} pages to request: the store holds none", flush=True)
                    continue
                for level, clients in enumerate(args.clients):
                    if kind.endswith("-cold"):
                        share = args.requests
                        chosen = kind_urls[level * share : (level + 1) * share]
                    else:
                        chosen = [rng.choice(kind_urls) for _ in range(args.requests)]
                    if len(chosen) < 2:
                        print(f"too few {kind} pages left for {clients} clients", flush=True)
                        continue
                    row: dict[str, object] = {
                        "page": kind,
                        "workers": workers,
                        "client": args.client,
                    }
                    row |= {"clients": clients} | load(
                        base, chosen, clients, args.client, server.pid
                    )
                    rows.append(row)
                    print(json.dumps(row), flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
    report["results"] = rows
    print(json.dumps(report, indent=2))
    if args.out is not None:
        write_results(args.out, report, rows)


if __name__ == "__main__":
    main()
