"""fetch_url against a local HTTP server on 127.0.0.1, started and stopped by the tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sayso.errors import FetchError
from sayso.ingest.fetch import USER_AGENT, fetch_url

PAGE = b"<html><head><title>Harbour reopens</title></head><body><p>Ships return.</p></body></html>"
LIMIT = 10_000


class _Handler(BaseHTTPRequestHandler):
    release: threading.Event
    seen_agents: list[str]

    def do_GET(self) -> None:
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/article":
            self._send(200, PAGE)
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/hostname")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/declared-huge":
            self.send_response(200)
            self.send_header("Content-Length", str(LIMIT * 10))
            self.end_headers()
            self.wfile.write(b"x" * LIMIT * 10)
        elif self.path == "/streamed-huge":
            self.send_response(200)
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"y" * 1000)
        elif self.path == "/slow":
            self.release.wait(timeout=30)
            self._send(200, PAGE)
        else:
            self._send(404, b"not here")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, type[_Handler]]]:
    handler: type[_Handler] = type(
        "Handler", (_Handler,), {"release": threading.Event(), "seen_agents": []}
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    finally:
        handler.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_fetches_a_page_with_the_sayso_user_agent(server: tuple[str, type[_Handler]]) -> None:
    base, handler = server
    body, final = fetch_url(f"{base}/article", max_bytes=LIMIT)
    assert body == PAGE
    assert final == f"{base}/article"
    assert handler.seen_agents[-1] == USER_AGENT
    assert USER_AGENT.startswith("sayso/")


def test_follows_redirects_and_reports_the_final_url(server: tuple[str, type[_Handler]]) -> None:
    base, _ = server
    body, final = fetch_url(f"{base}/moved", max_bytes=LIMIT)
    assert body == PAGE
    assert final == f"{base}/article"


def test_refuses_a_redirect_to_a_file_url(server: tuple[str, type[_Handler]]) -> None:
    base, _ = server
    with pytest.raises(FetchError, match="not allowed"):
        fetch_url(f"{base}/to-file", max_bytes=LIMIT)


def test_http_error_status_is_a_fetch_error(server: tuple[str, type[_Handler]]) -> None:
    base, _ = server
    with pytest.raises(FetchError, match="HTTP 404") as caught:
        fetch_url(f"{base}/missing", max_bytes=LIMIT)
    assert caught.value.location == f"{base}/missing"
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("path", ["/declared-huge", "/streamed-huge"])
def test_body_over_the_limit_is_refused(server: tuple[str, type[_Handler]], path: str) -> None:
    base, _ = server
    with pytest.raises(FetchError, match="size limit of 10,000 bytes"):
        fetch_url(f"{base}{path}", max_bytes=LIMIT)


def test_a_slow_server_times_out(server: tuple[str, type[_Handler]]) -> None:
    base, _ = server
    with pytest.raises(FetchError, match=r"within 0\.3 seconds"):
        fetch_url(f"{base}/slow", timeout=0.3, max_bytes=LIMIT)


@pytest.mark.parametrize("url", ["file:///etc/hostname", "ftp://example.org/a.txt", "example.org"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="only http"):
        fetch_url(url, max_bytes=LIMIT)


def test_connection_refused_is_a_fetch_error() -> None:
    with pytest.raises(FetchError, match="could not connect"):
        fetch_url("http://127.0.0.1:9/", max_bytes=LIMIT, timeout=2)
