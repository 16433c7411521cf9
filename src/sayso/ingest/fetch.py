"""Download one web page, politely and within limits.

Built on the standard library's ``urllib`` so that fetching adds no dependency. The opener is
assembled by hand with only the HTTP and HTTPS handlers, so ``file:``, ``ftp:`` and ``data:``
URLs are refused, as redirect targets too (urllib follows at most 10 redirects). Every failure
is a one-line ``FetchError``.

Limits:

* ``timeout`` bounds each network wait (connecting, the first byte, every later read) and the
  whole download: a server that trickles bytes is cut off once ``timeout`` seconds have passed
  since the request was sent (the check runs between reads, so the worst case is twice the
  timeout).
* ``max_bytes`` bounds the body: a ``Content-Length`` over the limit is refused before any of the
  body is read, and a body without one is read in chunks and abandoned as soon as it passes the
  limit.
* Only ``identity`` transfer is asked for, so the byte count is the size of the page itself.

Addresses: a service that fetches what its users name must not be made to fetch from its own
machine or network (request forgery). Unless the caller passes ``allow_private=True``
(``--fetch-private``), a host that resolves to a loopback, private, link-local (cloud metadata
at 169.254.169.254), multicast, unspecified or reserved address, or to any address not
globally routable, is refused with a ``BlockedAddressError``: the URL's host is checked before
the request and again for every redirect, and the connection is made to the very address that
was checked, so a name that resolves differently the second time (DNS rebinding) gains
nothing. Through a proxy the URL's host is checked and the proxy connects.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import IO, Any

from sayso import __version__
from sayso.errors import BlockedAddressError, FetchError

USER_AGENT = f"sayso/{__version__} (+https://github.com/sayso-project/sayso)"
_SCHEMES = frozenset({"http", "https"})
_CHUNK = 65536


def refused_kind(address: str) -> str | None:
    """Why ``address`` (an IP address) may not be fetched from by default; None if public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("unspecified", ip.is_unspecified),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
    ):
        if flag:
            return kind
    return None if ip.is_global else "non-public"


def _blocked(url: str, host: str, address: str, kind: str) -> BlockedAddressError:
    shown = host if host == address else f"{host} ({address})"
    return BlockedAddressError(
        url,
        f"{shown} is a {kind} address: private, loopback, link-local and reserved addresses "
        "are fetched only when allowed (--fetch-private, or allow_private=True).",
    )


def _resolve(url: str, host: str, port: int) -> list[Any]:
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        message = f"could not connect: the host {host!r} was not found ({exc})."
        raise FetchError(url, message) from None


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise BlockedAddressError when ``url``'s host resolves to an address that may not be
    fetched from (see :func:`refused_kind`); FetchError when it is not an http(s) URL."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        raise FetchError(url, "only http:// and https:// URLs can be fetched.")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise FetchError(url, f"the URL is not valid ({exc}).") from None
    for *_, sockaddr in _resolve(url, parts.hostname, port):
        kind = refused_kind(str(sockaddr[0]))
        if kind is not None:
            raise _blocked(url, parts.hostname, str(sockaddr[0]), kind)


def _connect_checked(
    address: tuple[str, int], timeout: float | None, source: tuple[str, int] | None = None
) -> socket.socket:
    """``socket.create_connection`` to a public address of the host only, the one checked."""
    host, port = address
    last: OSError | None = None
    for family, kind, proto, _, sockaddr in _resolve(f"http://{host}", host, port):
        refused = refused_kind(str(sockaddr[0]))
        if refused is not None:
            raise _blocked(f"http://{host}:{port}/", host, str(sockaddr[0]), refused)
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not None:
                sock.settimeout(timeout)
            if source is not None:
                sock.bind(source)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            last = exc
    raise last or OSError(f"no address found for {host}")


class _CheckedHTTPConnection(http.client.HTTPConnection):
    """Connects only to public addresses (through a proxy tunnel, to the proxy)."""

    def connect(self) -> None:
        if not self._tunnel_host:  # type: ignore[attr-defined]
            self._create_connection = _connect_checked
        super().connect()


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    """Connects only to public addresses (through a proxy tunnel, to the proxy)."""

    def connect(self) -> None:
        if not self._tunnel_host:  # type: ignore[attr-defined]
            self._create_connection = _connect_checked
        super().connect()


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        # A plain-HTTP proxy gets the whole URL: the connection is to the proxy.
        connection = http.client.HTTPConnection if req.has_proxy() else _CheckedHTTPConnection
        return self.do_open(connection, req)


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_CheckedHTTPSConnection, req)


class _CheckedRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to an http(s) URL whose host may be fetched from."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        check_url(newurl, allow_private=self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def http_opener(*, allow_private: bool = False) -> urllib.request.OpenerDirector:
    """HTTP(S) only, redirects included: no ``file:`` or ``ftp:`` even as a redirect target;
    without ``allow_private``, no private, loopback, link-local or reserved address either."""
    opener = urllib.request.OpenerDirector()
    handlers: tuple[urllib.request.BaseHandler, ...] = (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler() if allow_private else _CheckedHTTPHandler(),
        urllib.request.HTTPSHandler() if allow_private else _CheckedHTTPSHandler(),
        _CheckedRedirectHandler(allow_private),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    )
    for handler in handlers:
        opener.add_handler(handler)
    return opener


def fetch_url(
    url: str,
    *,
    timeout: float = 20.0,
    max_bytes: int,
    user_agent: str = USER_AGENT,
    allow_private: bool = False,
) -> tuple[bytes, str]:
    """The body of ``url`` and the URL it was finally served from (after redirects).

    Raises FetchError for a URL that is not http(s), a connection failure, a timeout, an HTTP
    error status, or a body over ``max_bytes``; BlockedAddressError (a FetchError) for a host
    on a private, loopback, link-local or reserved address, unless ``allow_private``.
    """
    check_url(url, allow_private=allow_private)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Encoding": "identity",
        },
    )
    deadline = time.monotonic() + timeout
    try:
        with http_opener(allow_private=allow_private).open(request, timeout=timeout) as response:
            final_url = str(response.geturl())
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(url, _too_large(int(declared), max_bytes))
            body = _read_body(response, url, max_bytes, deadline, timeout)
    except BlockedAddressError as exc:  # met while connecting or redirected
        if exc.location == url:
            raise
        raise BlockedAddressError(url, f"it leads to {exc.location}: {exc.reason}") from None
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        exc.close()
        raise FetchError(url, f"the server answered HTTP {exc.code} {exc.reason}.") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            raise FetchError(url, _timed_out(timeout)) from exc
        raise FetchError(url, f"could not connect: {exc.reason}.") from exc
    except TimeoutError as exc:
        raise FetchError(url, _timed_out(timeout)) from exc
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise FetchError(url, f"the download failed: {exc or type(exc).__name__}.") from exc
    return body, final_url


def _read_body(
    response: IO[bytes], url: str, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, _too_large(size, max_bytes, at_least=True))
        if time.monotonic() > deadline:
            raise FetchError(url, _timed_out(timeout))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(size: int, max_bytes: int, *, at_least: bool = False) -> str:
    amount = f"over {max_bytes:,}" if at_least else f"{size:,}"
    return f"the page is {amount} bytes, more than the size limit of {max_bytes:,} bytes."


def _timed_out(timeout: float) -> str:
    return f"no complete answer within {timeout:g} seconds; try again or allow a longer timeout."
