"""fetch_url against a local HTTP server on 127.0.0.1, started and stopped by the tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sayso.errors import BlockedAddressError, FetchError
from sayso.ingest import fetch
from sayso.ingest.fetch import USER_AGENT, check_url, fetch_url, refused_kind

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
        elif self.path == "/to-private":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.2:{self.server.server_address[1]}/")
            self.send_header("Content-Length", "0")
            self.end_headers()
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
    body, final = fetch_url(f"{base}/article", max_bytes=LIMIT, allow_private=True)
    assert body == PAGE
    assert final == f"{base}/article"
    assert handler.seen_agents[-1] == USER_AGENT
    assert USER_AGENT.startswith("sayso/")


def test_follows_redirects_and_reports_the_final_url(server: tuple[str, type[_Handler]]) -> None:
    base, _ = server
    body, final = fetch_url(f"{base}/moved", max_bytes=LIMIT, allow_private=True)
    assert body == PAGE
    assert final == f"{base}/article"


def test_refuses_a_redirect_to_a_file_url(server: tuple[str, type[_Handler]]) -> None:
    base, _ = server
    with pytest.raises(FetchError, match="not allowed"):
        fetch_url(f"{base}/to-file", max_bytes=LIMIT, allow_private=True)


def test_http_error_status_is_a_fetch_error(server: tuple[str, type[_Handler]]) -> None:
    base, _ = server
    with pytest.raises(FetchError, match="HTTP 404") as caught:
        fetch_url(f"{base}/missing", max_bytes=LIMIT, allow_private=True)
    assert caught.value.location == f"{base}/missing"
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("path", ["/declared-huge", "/streamed-huge"])
def test_body_over_the_limit_is_refused(server: tuple[str, type[_Handler]], path: str) -> None:
    base, _ = server
    with pytest.raises(FetchError, match="size limit of 10,000 bytes"):
        fetch_url(f"{base}{path}", max_bytes=LIMIT, allow_private=True)


def test_a_slow_server_times_out(server: tuple[str, type[_Handler]]) -> None:
    base, _ = server
    with pytest.raises(FetchError, match=r"within 0\.3 seconds"):
        fetch_url(f"{base}/slow", timeout=0.3, max_bytes=LIMIT, allow_private=True)


@pytest.mark.parametrize("url", ["file:///etc/hostname", "ftp://example.org/a.txt", "example.org"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="only http"):
        fetch_url(url, max_bytes=LIMIT, allow_private=True)


def test_connection_refused_is_a_fetch_error() -> None:
    with pytest.raises(FetchError, match="could not connect"):
        fetch_url("http://127.0.0.1:9/", max_bytes=LIMIT, timeout=2, allow_private=True)


# -- private addresses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.9", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("fd00::1", "private"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("::ffff:127.0.0.1", "loopback"),
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_addresses_refused_by_default(address: str, kind: str | None) -> None:
    assert refused_kind(address) == kind


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/admin",
        "http://[::1]/",
        "http://2130706433/",  # 127.0.0.1 written as one number
        "http://0x7f000001/",
        "http://169.254.169.254/latest/meta-data/",
    ],
)
def test_loopback_private_and_link_local_hosts_are_refused(url: str) -> None:
    with pytest.raises(BlockedAddressError, match="--fetch-private"):
        check_url(url)
    check_url(url, allow_private=True)  # the caller opted in


def test_a_private_server_is_fetched_only_when_allowed(server: tuple[str, type[_Handler]]) -> None:
    base, handler = server
    seen = len(handler.seen_agents)
    with pytest.raises(BlockedAddressError, match="loopback") as caught:
        fetch_url(f"{base}/article", max_bytes=LIMIT)
    assert caught.value.location == f"{base}/article"
    assert len(handler.seen_agents) == seen, "the request was sent"
    body, _ = fetch_url(f"{base}/article", max_bytes=LIMIT, allow_private=True)
    assert body == PAGE


def test_every_redirect_is_checked_again(
    server: tuple[str, type[_Handler]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The test server is on 127.0.0.1: counted as public here, it redirects to 127.0.0.2."""
    base, _ = server
    real = fetch.refused_kind
    monkeypatch.setattr(fetch, "refused_kind", lambda a: None if a == "127.0.0.1" else real(a))
    body, _ = fetch_url(f"{base}/article", max_bytes=LIMIT)
    assert body == PAGE
    with pytest.raises(BlockedAddressError, match=r"127\.0\.0\.2 is a loopback address"):
        fetch_url(f"{base}/to-private", max_bytes=LIMIT)


def test_the_connection_goes_to_the_address_that_was_checked(
    server: tuple[str, type[_Handler]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name that resolves to a public address when checked and a private one when the
    connection is made (DNS rebinding) is refused at the connection."""
    base, _ = server
    port = int(base.rsplit(":", 1)[1])
    answers = iter(["93.184.215.14", "127.0.0.1"])

    def resolve(_url: str, _host: str, _port: int) -> list[tuple[object, ...]]:
        import socket

        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), _port))]

    monkeypatch.setattr(fetch, "_resolve", resolve)
    with pytest.raises(BlockedAddressError, match="loopback"):
        fetch_url(f"http://rebinding.example:{port}/article", max_bytes=LIMIT)


def test_cli_fetch_refuses_a_private_url_unless_told(server: tuple[str, type[_Handler]]) -> None:
    from typer.testing import CliRunner

    from sayso.cli.main import app

    base, _ = server
    runner = CliRunner()
    refused = runner.invoke(app, ["ingest", f"{base}/article", "--fetch", "--db", ":memory:"])
    assert refused.exit_code == 1
    assert "--fetch-private" in refused.stderr
