"""The web app's defences: token check, Host check, size limit and security headers.

Article text, titles and names come from the open web and are untrusted; the pages escape them
and the Content-Security-Policy below makes any markup that slips through inert (no inline
script, no plugin, no framing). The middlewares are plain ASGI so that they also guard
requests that never reach a route (static files, 404s) and see the body before any parser.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
TOKEN_COOKIE = "sayso_token"
TOKEN_ENV = "SAYSO_TOKEN"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})

ErrorResponder = Callable[[Scope, Receive, Send, int, str, str], Awaitable[None]]
"""Sends the app's one error shape: (scope, receive, send, status, code, message)."""


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the server reachable from this machine only."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def tokens_match(given: str | None, expected: str) -> bool:
    """Compare in constant time, so response timing leaks nothing about the token."""
    if given is None:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _query_token(scope: Scope) -> str | None:
    from urllib.parse import parse_qs

    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token")
    return values[0] if values else None


def _cookie_token(headers: dict[str, str]) -> str | None:
    from http.cookies import CookieError, SimpleCookie

    cookie = SimpleCookie()
    try:
        cookie.load(headers.get("cookie", ""))
    except CookieError:
        return None
    morsel = cookie.get(TOKEN_COOKIE)
    return morsel.value if morsel else None


def _bearer(headers: dict[str, str]) -> str | None:
    scheme, _, value = headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


class GuardMiddleware:
    """Every request: security headers on the answer, then Host, token and size checks.

    * Without a token the server only answers requests addressed to a loopback name, so a
      web page cannot read the corpus by rebinding its own domain name to 127.0.0.1.
    * With a token, every request must carry it: ``Authorization: Bearer``, ``?token=`` (a
      page link), or the HttpOnly, SameSite=Strict cookie set when ``?token=`` was accepted,
      so that links and the pages' own API calls keep working after the first visit.
    * A body larger than ``max_body`` bytes is refused with 413, by its Content-Length when
      given and by counting otherwise, before any form parser buffers it.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str | None,
        max_body: int,
        error: ErrorResponder,
    ) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body
        self.error = error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        set_cookie = False
        send = self._with_headers(send, lambda: set_cookie)
        headers = _headers(scope)
        if self.token is None:
            host = headers.get("host", "")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in LOOPBACK_NAMES:
                await self.error(
                    scope, receive, send, 400, "bad_host", "this server answers on localhost only"
                )
                return
        else:
            from_query = _query_token(scope)
            given = _bearer(headers) or from_query or _cookie_token(headers)
            if not tokens_match(given, self.token):
                await self.error(
                    scope, receive, send, 401, "unauthorized", "a valid access token is required"
                )
                return
            set_cookie = from_query is not None
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self.error(
                scope,
                receive,
                send,
                413,
                "too_large",
                f"the request body is larger than {self.max_body} bytes",
            )
            return
        await self.app(scope, self._counting(receive), send)

    def _with_headers(self, send: Send, set_cookie: Callable[[], bool]) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k not in _SECURITY_NAMES
                ]
                headers.extend(SECURITY_HEADERS)
                if set_cookie() and self.token is not None:
                    cookie = f"{TOKEN_COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/"
                    headers.append((b"set-cookie", cookie.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        return sending

    def _counting(self, receive: Receive) -> Receive:
        seen = 0
        limit = self.max_body

        async def receiving() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLargeError(limit)
            return message

        return receiving


_SECURITY_NAMES = frozenset(name for name, _ in SECURITY_HEADERS)


class BodyTooLargeError(Exception):
    """A streamed body grew past the limit; the app's handler turns this into a 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the request body is larger than {limit} bytes")
        self.limit = limit


def scope_state(scope: Scope) -> MutableMapping[str, Any]:
    """The per-request state dict Starlette keeps in the scope."""
    state: MutableMapping[str, Any] = scope.setdefault("state", {})
    return state
