"""The local web app: ``create_app`` builds it over a store, ``serve`` runs it with uvicorn.

Read-only by default: it browses what ``sayso`` stored. Analysing a pasted article never
writes; storing the result needs ``allow_upload``. Bound to 127.0.0.1 unless told otherwise,
and any other address needs an access token every request must carry.

With more than one worker, uvicorn starts each worker process afresh and imports the app by
name: ``app_from_env`` builds it there from the settings ``serve`` put in the environment.
"""

from __future__ import annotations

import os
import re
import secrets
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from sayso.errors import ConfigError
from sayso.store import open_store
from sayso.web import api, pages
from sayso.web.app_state import Analyzer, AppState, Settings
from sayso.web.corpus import Corpus
from sayso.web.errors import install_error_handlers, send_error
from sayso.web.responses import OrjsonResponse
from sayso.web.security import (
    TOKEN_ENV,
    GuardMiddleware,
    form_token,
    is_loopback,
    redact_access_log,
)

STATIC_DIR = Path(__file__).parent / "static"
DEFAULT_MAX_UPLOAD = 2_000_000
"""Bytes a request body may carry: a long article as HTML is a few hundred kB."""
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9._~-]{16,}$")
"""Tokens travel in URLs and a cookie, so they are URL-safe; 16+ characters resist guessing."""
DB_ENV = "SAYSO_WEB_DB"
UPLOAD_ENV = "SAYSO_WEB_ALLOW_UPLOAD"
SECRET_ENV = "SAYSO_WEB_SECRET"
"""The secret ``serve`` shares with its worker processes, so that a form one worker served
is accepted by another."""
MAX_DEFAULT_WORKERS = 4
"""Workers ``serve`` starts by default on a machine with many cores: each keeps its own page
caches (up to about 50 MB) and, once someone uses the Analyze page, its own spaCy pipeline
(about 200 MB), so a laptop tool should not start one per core of a big server."""


def default_workers() -> int:
    """One worker process per CPU core, up to ``MAX_DEFAULT_WORKERS``: a page's work is
    Python under the GIL, so a second process is what lets a second core serve requests.
    On the 2-core benchmark machine, at 20 clients, two workers served uncached searches at
    100-180 requests/s against 82 for one, and first views of articles at p95 0.7-1.0 s
    against 1.1 s (benchmarks/web_load.py, 5,000 articles)."""
    return max(1, min(MAX_DEFAULT_WORKERS, os.cpu_count() or 1))


def _check_token(token: str | None) -> None:
    # fullmatch: "$" would also accept a token ending in a newline (read from a file), which
    # no client sends back, so every request would then be refused.
    if token is not None and not _TOKEN_SHAPE.fullmatch(token):
        raise ConfigError(
            "the access token must be at least 16 characters of letters, digits and ._~- "
            "(nothing else, not even a trailing newline)"
        )


def create_app(
    store_url: str | None,
    *,
    token: str | None = None,
    allow_upload: bool = False,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD,
    secret: bytes | None = None,
) -> FastAPI:
    """The app over the store at ``store_url`` (None: ``./sayso.db``).

    With ``token`` every request must carry it; without one the app answers only requests
    addressed to localhost. ``allow_upload`` lets the Analyze page store what it analysed.
    ``secret`` signs the forms' token (random when not given: one process).
    """
    _check_token(token)
    redact_access_log()
    corpus = Corpus(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            corpus.close()

    app = FastAPI(
        title="sayso",
        summary="Browse a corpus of analysed news articles: statements, speakers, entities.",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
        default_response_class=OrjsonResponse,
    )
    settings = Settings(
        allow_upload,
        max_upload_bytes,
        token is not None,
        form_token(secret or secrets.token_bytes(32)),
    )
    app.state.sayso = AppState(corpus, Analyzer(), settings)
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(GuardMiddleware, token=token, max_body=max_upload_bytes, error=send_error)
    return app


def app_from_env() -> FastAPI:
    """The app of one worker process, from the settings ``serve`` left in the environment
    (``SAYSO_WEB_DB``, ``SAYSO_TOKEN``, ``SAYSO_WEB_ALLOW_UPLOAD``); a uvicorn factory."""
    secret = os.environ.get(SECRET_ENV)
    return create_app(
        os.environ.get(DB_ENV) or None,
        token=os.environ.get(TOKEN_ENV) or None,
        allow_upload=os.environ.get(UPLOAD_ENV) == "1",
        secret=bytes.fromhex(secret) if secret else None,
    )


def serve(
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    allow_upload: bool,
    *,
    workers: int | None = None,
) -> None:
    """Run the app until interrupted, in ``workers`` processes (default: ``default_workers``).

    Any address but loopback needs a token (``--token-file`` or ``SAYSO_TOKEN``), since the pages
    show the whole corpus to whoever can reach them. The store and token are checked here,
    before any worker starts, so a mistake is reported once.
    """
    import uvicorn

    token = token or os.environ.get(TOKEN_ENV) or None
    if not is_loopback(host) and token is None:
        raise ConfigError(
            f"serving on {host} exposes the corpus to the network: set an access token with "
            f"--token-file or {TOKEN_ENV}, or bind to 127.0.0.1"
        )
    _check_token(token)
    count = default_workers() if workers is None else workers
    if count < 1:
        raise ConfigError(f"--workers must be at least 1, not {count}")
    if count == 1:
        app = create_app(db, token=token, allow_upload=allow_upload)
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
        return
    open_store(db).close()
    # Worker processes are spawned afresh and inherit only the environment: this process
    # exists to serve, so its environment is where the settings go.
    os.environ[DB_ENV] = db or ""
    os.environ[TOKEN_ENV] = token or ""
    os.environ[UPLOAD_ENV] = "1" if allow_upload else ""
    os.environ[SECRET_ENV] = secrets.token_hex(32)
    run_workers(f"{__name__}:app_from_env", host=host, port=port, workers=count)


def run_workers(
    factory: str, *, host: str, port: int, workers: int, access_log: bool = True
) -> None:
    """What ``uvicorn.run(factory, factory=True, workers=...)`` does, on a socket that keeps
    Nagle's algorithm off, which is the whole point of doing it here."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(
        factory,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=access_log,
        server_header=False,
    )
    Multiprocess(config, sockets=[tcp_socket(config.bind_socket())]).run()


def tcp_socket(bound: socket.socket) -> socket.socket:
    """``bound`` (a listening socket uvicorn made for its workers) declared as TCP.

    uvicorn creates it with protocol 0, and asyncio turns Nagle's algorithm off
    (TCP_NODELAY) only on connections accepted from a socket whose protocol is TCP. With
    Nagle on, every response on a kept-alive connection waited for the client's delayed ACK:
    40 ms added to each request (p50 of a cached article page: 44 ms with two workers, 2.5 ms
    with one, on the benchmark machine).
    """
    if bound.family not in (socket.AF_INET, socket.AF_INET6):
        return bound
    tcp = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
    tcp.set_inheritable(True)
    return tcp
