"""The local web app: ``create_app`` builds it over a store, ``serve`` runs it with uvicorn.

Read-only by default: it browses what ``sayso`` stored. Analysing a pasted article never
writes; storing the result needs ``allow_upload``. Bound to 127.0.0.1 unless told otherwise,
and any other address needs an access token every request must carry.
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from sayso.errors import ConfigError
from sayso.web import api, pages
from sayso.web.app_state import Analyzer, AppState, Settings
from sayso.web.corpus import Corpus
from sayso.web.errors import install_error_handlers, send_error
from sayso.web.security import TOKEN_ENV, GuardMiddleware, is_loopback

STATIC_DIR = Path(__file__).parent / "static"
DEFAULT_MAX_UPLOAD = 2_000_000
"""Bytes a request body may carry: a long article as HTML is a few hundred kB."""
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9._~-]{16,}$")
"""Tokens travel in URLs and a cookie, so they are URL-safe; 16+ characters resist guessing."""


def create_app(
    store_url: str | None,
    *,
    token: str | None = None,
    allow_upload: bool = False,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD,
) -> FastAPI:
    """The app over the store at ``store_url`` (None: ``./sayso.db``).

    With ``token`` every request must carry it; without one the app answers only requests
    addressed to localhost. ``allow_upload`` lets the Analyze page store what it analysed.
    """
    if token is not None and not _TOKEN_SHAPE.match(token):
        raise ConfigError(
            "the access token must be at least 16 characters of letters, digits and ._~-"
        )
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
    )
    app.state.sayso = AppState(
        corpus, Analyzer(), Settings(allow_upload, max_upload_bytes, token is not None)
    )
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(GuardMiddleware, token=token, max_body=max_upload_bytes, error=send_error)
    return app


def serve(db: str | None, host: str, port: int, token: str | None, allow_upload: bool) -> None:
    """Run the app until interrupted. Any address but loopback needs a token (argument or
    ``SAYSO_TOKEN``), since the pages show the whole corpus to whoever can reach them."""
    import uvicorn

    token = token or os.environ.get(TOKEN_ENV) or None
    if not is_loopback(host) and token is None:
        raise ConfigError(
            f"serving on {host} exposes the corpus to the network: set an access token with "
            f"--token or {TOKEN_ENV}, or bind to 127.0.0.1"
        )
    app = create_app(db, token=token, allow_upload=allow_upload)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
