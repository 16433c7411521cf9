"""How the app is served: page caches, the worker factory and ``serve``'s worker count."""

from __future__ import annotations

import asyncio
import os
import socket
import threading
from pathlib import Path
from typing import Any

import pytest

from sayso.errors import ConfigError
from sayso.web.app import (
    DB_ENV,
    UPLOAD_ENV,
    app_from_env,
    default_workers,
    serve,
    tcp_socket,
)
from sayso.web.corpus import Lru
from tests.test_web_api import KELLER, count_store_reads, make_client
from tests.test_web_fixtures import build_store


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("serving") / "web.db")


def test_lru_keeps_the_most_recently_used_values() -> None:
    cache: Lru[str, str] = Lru(2)
    built: list[str] = []

    def get(key: str) -> str:
        def build() -> str:
            built.append(key)
            return key.upper()

        return cache.get(key, build)

    assert [get("a"), get("b"), get("a"), get("c"), get("a"), get("b")] == list("ABACAB")
    assert built == ["a", "b", "c", "b"]
    assert len(cache) == 2
    with pytest.raises(ValueError, match="at least one"):
        Lru(0)


def test_lru_is_safe_across_threads() -> None:
    cache: Lru[int, int] = Lru(8)
    errors: list[BaseException] = []

    def hammer(offset: int) -> None:
        try:
            for n in range(2000):
                key = (n + offset) % 20
                assert cache.get(key, lambda: key * key) == key * key  # noqa: B023 (called now)
        except BaseException as exc:  # reported to the main thread
            errors.append(exc)

    threads = [threading.Thread(target=hammer, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(cache) == 8


def test_article_pages_are_rendered_once_and_then_served_from_memory(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sayso.web.app import create_app

    app = create_app(store_url)
    reads = count_store_reads(app, monkeypatch)
    with make_client(app) as client:
        first = client.get(f"/articles/{KELLER}")
        again = client.get(f"/articles/{KELLER}")
        detail = client.get(f"/articles/{KELLER}?statement=s2")
        api_detail = client.get(f"/api/articles/{KELLER}/statements/s2")
        missing = client.get(f"/articles/{KELLER}?statement=s99")

    assert first.status_code == again.status_code == detail.status_code == 200
    assert again.text == first.text
    assert "Valley Courier" in detail.text
    assert api_detail.json()["statement"]["id"] == "s2"
    assert missing.status_code == 404
    assert reads == [KELLER]


def test_a_worker_builds_its_app_from_the_environment(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DB_ENV, store_url)
    monkeypatch.setenv(UPLOAD_ENV, "1")
    monkeypatch.delenv("SAYSO_TOKEN", raising=False)

    app = app_from_env()

    assert app.state.sayso.settings.allow_upload is True
    assert app.state.sayso.settings.token_required is False
    with make_client(app) as client:
        assert client.get("/api/status").json()["articles"] > 0


def test_serve_runs_workers_by_import_string(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    started: list[tuple[uvicorn.Config, list[socket.socket]]] = []
    single: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(
        Multiprocess, "run", lambda self: started.append((self.config, self.sockets))
    )
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: single.append((target, kw)))
    for name in (DB_ENV, UPLOAD_ENV, "SAYSO_TOKEN"):
        monkeypatch.delenv(name, raising=False)

    serve(store_url, "127.0.0.1", 0, None, True, workers=3)
    serve(store_url, "127.0.0.1", 0, None, False, workers=1)

    ((config, sockets),) = started
    try:
        assert (config.app, config.factory, config.workers) == (
            "sayso.web.app:app_from_env",
            True,
            3,
        )
        assert [s.proto for s in sockets] == [socket.IPPROTO_TCP]
    finally:
        for sock in sockets:
            sock.close()
    assert os.environ[DB_ENV] == store_url
    assert os.environ[UPLOAD_ENV] == "1"
    ((app, options),) = single
    assert not isinstance(app, str)
    assert (options["host"], options["port"]) == ("127.0.0.1", 0)


def test_connections_to_worker_sockets_send_without_delay() -> None:
    """Accepted connections of a ``tcp_socket`` get TCP_NODELAY from asyncio; those of the
    socket uvicorn makes for workers (protocol 0) would not."""
    import uvicorn

    config = uvicorn.Config("sayso.web.app:app_from_env", host="127.0.0.1", port=0)
    listening = tcp_socket(config.bind_socket())
    nodelay: list[int] = []

    async def accept_one() -> None:
        accepted = asyncio.Event()

        def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            sock = writer.get_extra_info("socket")
            nodelay.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()
            accepted.set()

        server = await asyncio.start_server(on_connect, sock=listening)
        async with server:
            _, writer = await asyncio.open_connection(*listening.getsockname()[:2])
            await asyncio.wait_for(accepted.wait(), timeout=10)
            writer.close()

    asyncio.run(accept_one())

    assert nodelay == [1]


def test_serve_checks_before_starting_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *_a, **_k: pytest.fail("must not start"))
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("plain text, not SQLite")

    with pytest.raises(ConfigError, match="workers"):
        serve(None, "127.0.0.1", 8000, None, False, workers=0)
    with pytest.raises(ConfigError, match="token"):
        serve(None, "127.0.0.1", 8000, "short", False, workers=2)
    with pytest.raises(Exception, match="not a SQLite database"):
        serve(str(not_a_store), "127.0.0.1", 8000, None, False, workers=2)
    assert 1 <= default_workers() <= 4


def test_kept_search_pages_expire_when_an_article_is_stored(tmp_path: Path) -> None:
    from sayso.web.app import create_app
    from tests.test_store_support import HARBOUR

    app = create_app(build_store(tmp_path / "web.db"))
    with make_client(app) as client:
        before = client.get("/api/statements?q=ships").json()["items"]
        again = client.get("/api/statements?q=ships").json()["items"]
        app.state.sayso.corpus.store.add(HARBOUR, location="harbour.html")
        after = client.get("/api/statements?q=ships").json()["items"]

    assert before == again == []
    assert [row["content"] for row in after] == ["Ships are returning"]


def test_the_kept_overview_expires_when_an_article_is_stored(tmp_path: Path) -> None:
    from sayso.web.app import create_app
    from tests.test_store_support import HARBOUR

    app = create_app(build_store(tmp_path / "web.db"))
    corpus = app.state.sayso.corpus
    with make_client(app) as client:
        before = client.get("/api/status").json()
        client.get("/api/status")
        kept = len(corpus.overviews)
        corpus.store.add(HARBOUR, location="harbour.html")
        after = client.get("/api/status").json()

    assert kept == 1
    assert len(corpus.overviews) == 2
    assert after["articles"] == before["articles"] + 1
