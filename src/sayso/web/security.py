"""The web app's defences: token check, Host check, cross-site check, size limit, query time
limit, security headers, and the access log's redaction of tokens.

Article text, titles and names come from the open web and are untrusted; the pages escape them
and the Content-Security-Policy below makes any markup that slips through inert (no inline
script, no plugin, no framing). The middlewares are plain ASGI so that they also guard
requests that never reach a route (static files, 404s) and see the body before any parser.

Cross-site request forgery: a request that changes something (any method but GET, HEAD and
OPTIONS) is refused with 403 when the browser says it comes from another site
(``Sec-Fetch-Site: cross-site`` or ``same-site``) or names another origin (``Origin``): a
browser sends one or the other with every cross-site POST. HTML forms also carry a token
(:func:`require_form_token`), for browsers that send neither. API clients such as curl send
no such headers and are not browsers a page can drive, so the API needs no token.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import logging
import re
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Form, HTTPException, Request
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
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_TOKEN_FIELD = "csrf_token"
QUERY_SECONDS = 5.0
"""Seconds of database work one request may take before its queries are stopped (503). The
pages of the 5,000-article benchmark store take 1 to 30 ms; a search FTS5 answers slowly (a
common word's snippets across thousands of articles) takes a second or two."""

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


def form_token(secret: bytes) -> str:
    """The token the app's forms carry: derived from a secret only the server knows, so that a
    page of another site, which cannot read ours, cannot know it either."""
    return hmac.new(secret, b"sayso form", hashlib.sha256).hexdigest()[:32]


def require_form_token(request: Request, csrf_token: Annotated[str | None, Form()] = None) -> None:
    """A dependency for form handlers: 403 unless the form carries the app's token."""
    expected: str = request.app.state.sayso.settings.form_token
    if not tokens_match(csrf_token, expected):
        raise HTTPException(
            403, "the form is not from this site (or is out of date): reload the page and retry"
        )


def _own_origin(headers: dict[str, str], origin: str) -> bool:
    """Whether ``origin`` names this server (the host the request was sent to)."""
    if origin == "null":
        return False
    parts = urlsplit(origin)
    return bool(parts.netloc) and parts.netloc.lower() == headers.get("host", "").lower()


def cross_site(method: str, headers: dict[str, str]) -> str | None:
    """Why an unsafe request looks forged by another site; None when it does not."""
    if method in SAFE_METHODS:
        return None
    site = headers.get("sec-fetch-site", "").lower()
    if site in ("cross-site", "same-site"):
        return f"the request was sent by another site (Sec-Fetch-Site: {site})"
    origin = headers.get("origin")
    if origin is not None and not _own_origin(headers, origin):
        return f"the request was sent by another site (Origin: {origin[:80]})"
    return None


class GuardMiddleware:
    """Every request: security headers on the answer, then Host, token, cross-site and size
    checks; the database work of the request is bounded by ``QUERY_SECONDS`` and stops when
    the client leaves.

    * Without a token the server only answers requests addressed to a loopback name, so a
      web page cannot read the corpus by rebinding its own domain name to 127.0.0.1.
    * With a token, every request must carry it: ``Authorization: Bearer``, ``?token=`` (a
      page link), or the HttpOnly, SameSite=Strict cookie set when ``?token=`` was accepted,
      so that links and the pages' own API calls keep working after the first visit.
    * A request that changes something and comes from another site is refused with 403
      (see the module's note on cross-site request forgery).
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
        forged = cross_site(scope.get("method", "GET"), headers)
        if forged is not None:
            await self.error(scope, receive, send, 403, "cross_site", f"{forged}: refused")
            return
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
        from sayso.store.engine import query_limits

        left = threading.Event()
        receiving = _DisconnectWatch(self._counting(receive), left)
        receiving.start()  # now: a GET handler never asks for a message itself
        with query_limits(QUERY_SECONDS, cancelled=left.is_set):
            try:
                await self.app(scope, receiving, send)
            finally:
                receiving.stop()

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


class _DisconnectWatch:
    """The request's ``receive``, read by a task of its own, so that a client that leaves is
    noticed (``left`` is set) while a handler is still working in a thread: its queries are
    then stopped rather than run to the end for nobody."""

    def __init__(self, receive: Receive, left: threading.Event) -> None:
        self._receive = receive
        self._left = left
        self._messages: asyncio.Queue[Message] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def _pump(self) -> None:
        while True:
            message = await self._receive()
            await self._messages.put(message)
            if message["type"] == "http.disconnect":
                self._left.set()
                return

    def start(self) -> None:
        """Read the request's messages from now on."""
        if self._task is None:
            self._task = asyncio.ensure_future(self._pump())

    async def __call__(self) -> Message:
        self.start()
        assert self._task is not None
        if self._task.done() and self._messages.empty():
            self._task.result()  # the pump ended with an error (a body over the limit): raise it
            return {"type": "http.disconnect"}  # the client has gone, as ASGI then says
        getting = asyncio.ensure_future(self._messages.get())
        await asyncio.wait({getting, self._task}, return_when=asyncio.FIRST_COMPLETED)
        if getting.done():
            return getting.result()
        getting.cancel()
        return await self()

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()


_TOKEN_IN_QUERY = re.compile(r"([?&]token=)[^&\s]*", re.IGNORECASE)


class RedactTokens(logging.Filter):
    """Hides ``?token=...`` in the request lines uvicorn's access log writes."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                _TOKEN_IN_QUERY.sub(r"\1[redacted]", arg) if isinstance(arg, str) else arg
                for arg in record.args
            )
        return True


def redact_access_log() -> None:
    """Install :class:`RedactTokens` on uvicorn's access logger, once per process."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactTokens) for f in access.filters):
        access.addFilter(RedactTokens())


class BodyTooLargeError(Exception):
    """A streamed body grew past the limit; the app's handler turns this into a 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the request body is larger than {limit} bytes")
        self.limit = limit


def scope_state(scope: Scope) -> MutableMapping[str, Any]:
    """The per-request state dict Starlette keeps in the scope."""
    state: MutableMapping[str, Any] = scope.setdefault("state", {})
    return state
