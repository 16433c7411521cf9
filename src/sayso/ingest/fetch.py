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
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import IO

from sayso import __version__
from sayso.errors import FetchError

USER_AGENT = f"sayso/{__version__} (+https://github.com/sayso-project/sayso)"
_SCHEMES = frozenset({"http", "https"})
_CHUNK = 65536


def http_opener() -> urllib.request.OpenerDirector:
    """HTTP(S) only, redirects included: no ``file:`` or ``ftp:`` even as a redirect target."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch_url(
    url: str, *, timeout: float = 20.0, max_bytes: int, user_agent: str = USER_AGENT
) -> tuple[bytes, str]:
    """The body of ``url`` and the URL it was finally served from (after redirects).

    Raises FetchError for a URL that is not http(s), a connection failure, a timeout, an HTTP
    error status, or a body over ``max_bytes``.
    """
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in _SCHEMES:
        raise FetchError(url, "only http:// and https:// URLs can be fetched.")
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
        with http_opener().open(request, timeout=timeout) as response:
            final_url = str(response.geturl())
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(url, _too_large(int(declared), max_bytes))
            body = _read_body(response, url, max_bytes, deadline, timeout)
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
