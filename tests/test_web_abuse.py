"""The web app under abuse: forged cross-site POSTs, costly searches, clients that leave,
uploads that would take minutes of CPU, tokens in logs and tokens that cannot work."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi import Request

from sayso.errors import ConfigError
from sayso.store import engine as store_engine
from sayso.store import open_store
from sayso.store.engine import query_limits
from sayso.store.errors import QueryTimeoutError, QueryTooComplexError
from sayso.web import analyze as web_analyze
from sayso.web import security
from sayso.web.app import create_app
from tests.test_web_api import TOKEN, assert_error, make_client, page_form_token
from tests.test_web_fixtures import build_store

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

EVIL = "https://evil.invalid"


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("abuse") / "web.db")


@pytest.fixture
def client(store_url: str) -> Iterator[TestClient]:
    with make_client(create_app(store_url, allow_upload=True)) as c:
        yield c


# -- cross-site request forgery --------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/analyze", "/analyze"])
@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": EVIL},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "http://localhost.evil.invalid"},
    ],
)
def test_a_cross_site_post_is_refused(
    client: TestClient, path: str, headers: dict[str, str]
) -> None:
    before = client.get("/api/status").json()["articles"]
    response = client.post(
        path,
        data={"text": "Anything.", "store": "true", "csrf_token": page_form_token(client)},
        headers={**headers, "Accept": "application/json"},
    )
    assert_error(response, 403, "cross_site")
    assert client.get("/api/status").json()["articles"] == before


def test_a_same_origin_post_is_let_through(client: TestClient) -> None:
    response = client.post(
        "/api/analyze",
        data={"text": "  "},
        headers={"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"},
    )
    assert_error(response, 422, "validation_error")  # past the guard, to the handler


def test_the_analyze_form_needs_its_token(client: TestClient) -> None:
    missing = client.post("/analyze", data={"text": "Anything."})
    assert missing.status_code == 403
    wrong = client.post("/analyze", data={"text": "Anything.", "csrf_token": "0" * 32})
    assert wrong.status_code == 403
    assert "reload the page" in wrong.text
    page = client.get("/analyze").text
    assert 'name="csrf_token"' in page


def test_workers_of_one_server_share_the_form_token(store_url: str) -> None:
    secret = b"s" * 32
    first = create_app(store_url, secret=secret).state.sayso.settings.form_token
    second = create_app(store_url, secret=secret).state.sayso.settings.form_token
    other = create_app(store_url).state.sayso.settings.form_token
    assert first == second
    assert other != first


# -- searches bounded in complexity and time ------------------------------------------------


def test_repeated_terms_are_searched_once(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "the " * 100, "kind": "articles"})
    assert response.status_code == 200
    assert client.get("/api/search", params={"q": "plan " * 99}).status_code == 200


@pytest.mark.parametrize("path", ["/api/search", "/api/statements", "/api/articles", "/articles"])
def test_a_query_of_too_many_terms_is_a_clear_400(client: TestClient, path: str) -> None:
    words = " ".join(f"word{i}" for i in range(30))
    response = client.get(path, params={"q": words}, headers={"Accept": "application/json"})
    assert_error(response, 400, "bad_query")
    assert "at most 16 terms" in response.json()["error"]["message"]


def test_a_query_past_its_time_is_stopped(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_engine, "_PROGRESS_STEPS", 1)
    with open_store(store_url) as store:
        assert store.search("plan")  # unlimited: answers
        with query_limits(0.0), pytest.raises(QueryTimeoutError, match="stopped after 0 s"):
            store.search("plan")
        with query_limits(60.0, cancelled=lambda: True), pytest.raises(QueryTimeoutError):
            store.statements(limit=5)
        assert store.search("plan")  # the limit ends with its block


def test_the_web_answers_a_stopped_query_with_503(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_engine, "_PROGRESS_STEPS", 1)
    monkeypatch.setattr(security, "QUERY_SECONDS", 0.0)
    with make_client(create_app(store_url)) as c:
        assert_error(c.get("/api/search", params={"q": "plan"}), 503, "query_timeout")


def test_a_client_that_leaves_stops_its_queries() -> None:
    """The watch reads the request's messages itself and flags the disconnect that uvicorn
    sends when the client closes its connection, while the handler is still working."""
    left = threading.Event()
    messages = [{"type": "http.request", "body": b"", "more_body": False}]
    gone = asyncio.Event()

    async def receive() -> dict[str, object]:
        if messages:
            return messages.pop(0)
        await gone.wait()
        return {"type": "http.disconnect"}

    async def scenario() -> None:
        watch = security._DisconnectWatch(receive, left)  # type: ignore[arg-type]
        assert (await watch())["type"] == "http.request"
        await asyncio.sleep(0.01)
        assert not left.is_set()
        gone.set()
        for _ in range(100):
            if left.is_set():
                break
            await asyncio.sleep(0.01)
        assert (await watch())["type"] == "http.disconnect"
        assert (await watch())["type"] == "http.disconnect"  # and again, never blocking
        watch.stop()

    asyncio.run(scenario())
    assert left.is_set()


def test_cli_search_refuses_a_query_of_too_many_terms(store_url: str) -> None:
    from typer.testing import CliRunner

    from sayso.cli.main import app

    runner = CliRunner()
    words = " ".join(f"w{i}" for i in range(40))
    result = runner.invoke(app, ["search", words, "--db", store_url])
    assert result.exit_code == 2
    assert "at most 16 terms" in result.stderr
    repeated = runner.invoke(app, ["search", "a " * 5000, "--db", store_url, "-f", "json"])
    assert repeated.exit_code == 0, repeated.output
    with open_store(store_url) as store, pytest.raises(QueryTooComplexError):
        store.search_statements(words)


# -- uploads bounded in CPU -----------------------------------------------------------------


def test_an_upload_too_long_to_analyse_is_413(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_analyze, "MAX_ANALYSED_CHARS", 200)
    text = "The harbour authority said the pier would reopen next month. " * 10
    assert_error(client.post("/api/analyze", data={"text": text}), 413, "too_large")


def test_one_analysis_at_a_time_others_are_told_to_retry(client: TestClient) -> None:
    assert web_analyze._one_at_a_time.acquire(blocking=False)
    try:
        response = client.post("/api/analyze", data={"text": "Anything at all, he said."})
    finally:
        web_analyze._one_at_a_time.release()
    assert_error(response, 503, "busy")


def test_uploaded_articles_have_a_time_budget() -> None:
    from sayso.web.app_state import Analyzer

    assert Analyzer().pipeline().time_budget == web_analyze.ANALYSIS_BUDGET


# -- tokens ---------------------------------------------------------------------------------


def test_tokens_in_access_log_lines_are_redacted(store_url: str) -> None:
    create_app(store_url, token=TOKEN)
    access = logging.getLogger("uvicorn.access")
    assert any(isinstance(f, security.RedactTokens) for f in access.filters)
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", f"/articles?token={TOKEN}&offset=5", "1.1", 200),
        None,
    )
    for log_filter in access.filters:
        log_filter.filter(record)  # type: ignore[union-attr]
    line = record.getMessage()
    assert TOKEN not in line
    assert "token=[redacted]&offset=5" in line


@pytest.mark.parametrize(
    "token", [TOKEN + "\n", TOKEN + " ", " " + TOKEN, TOKEN + "\r\n", "short\n"]
)
def test_a_token_that_is_not_exactly_a_token_is_refused_at_setup(
    store_url: str, token: str
) -> None:
    with pytest.raises(ConfigError, match="trailing newline"):
        create_app(store_url, token=token)


def test_a_valid_token_still_works(store_url: str) -> None:
    with make_client(create_app(store_url, token=TOKEN)) as c:
        assert c.get("/api/status").status_code == 401
        assert c.get("/api/status", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_store_opened_by_the_server_is_not_written_without_uploads(tmp_path: Path) -> None:
    url = build_store(tmp_path / "web.db")
    with make_client(create_app(url)) as c:
        response = c.post("/api/analyze", data={"text": "Anything.", "store": "true"})
    assert_error(response, 403, "forbidden")


def test_a_real_client_that_leaves_stops_its_query_on_a_real_server(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """uvicorn on 127.0.0.1: a request whose query would run for a minute is sent, the client
    closes its connection, and the query is stopped well before its time limit."""
    import socket

    import sqlalchemy as sa
    import uvicorn

    monkeypatch.setattr(security, "QUERY_SECONDS", 600.0)
    outcome: list[str] = []
    finished = threading.Event()
    app = create_app(store_url)

    @app.get("/api/test-long-query")
    def long_query(request: Request) -> dict[str, str]:
        store = request.app.state.sayso.corpus.store
        try:
            with store.reading() as conn:  # counts to a billion: minutes of SQLite work
                conn.execute(
                    sa.text(
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                        "WHERE i < 1000000000) SELECT count(*) FROM n"
                    )
                ).scalar()
            outcome.append("finished")
        except QueryTimeoutError:
            outcome.append("stopped")
        finally:
            finished.set()
        return {}

    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            finished.wait(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(b"GET /api/test-long-query HTTP/1.1\r\nHost: localhost\r\n\r\n")
            finished.wait(1.0)  # the query is under way
        assert finished.wait(120), "the query went on after its client left"
        assert outcome == ["stopped"]
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.mark.parametrize(
    ("upload", "reason"),
    [
        (b"[" * 5000 + b"]" * 5000, "nested too deeply"),
        (b'{"text": "A story.", "n": ' + b"7" * 5000 + b"}", "5,000 digits"),
        (b"<html><body>" + b"<div>" * 100_000 + b"<p>Story.</p>", "deeper than 255 levels"),
    ],
)
def test_uploads_that_once_crashed_the_server_are_a_422_with_a_reason(
    client: TestClient, upload: bytes, reason: str
) -> None:
    files = {"file": ("upload.json", upload, "application/octet-stream")}
    response = client.post("/api/analyze", files=files)
    assert_error(response, 422, "unreadable_input")
    assert reason in response.json()["error"]["message"]


@pytest.mark.slow
def test_an_upload_with_a_lone_surrogate_is_analysed(client: TestClient) -> None:
    story = (
        "The harbour authority said on Tuesday that the northern pier would reopen next month."
        " Repairs to the sea wall took longer than planned, the director told reporters."
    )
    upload = b'{"text": "\\ud800 ' + story.encode() + b'"}'
    files = {"file": ("upload.json", upload, "application/json")}
    response = client.post("/api/analyze", files=files)
    assert response.status_code == 200, response.text
    result = response.json()["result"]
    assert "\ufffd" in result["article"]["text"]
    assert any(d["stage"] == "ingest" for d in result["diagnostics"])
