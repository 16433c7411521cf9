"""The app's one error shape, ``{"error": {"status", "code", "message"}}``, for every failure.

API clients always get that JSON; a browser asking for a page gets the same three fields on
an HTML page. Neither ever carries a stack trace: unexpected errors are logged server-side
and answered with a fixed message.
"""

from __future__ import annotations

import logging
from html import escape

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Receive, Scope, Send

from sayso.store import ArticleNotFoundError
from sayso.store.errors import QueryTimeoutError, QueryTooComplexError
from sayso.web.security import BodyTooLargeError

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "validation_error",
    500: "internal_error",
    503: "unavailable",
}
INTERNAL_MESSAGE = "the server hit an unexpected error; its log says more"


def error_body(status: int, code: str, message: str) -> dict[str, dict[str, int | str]]:
    return {"error": {"status": status, "code": code, "message": message}}


def _wants_html(path: str, accept: str) -> bool:
    return not path.startswith(("/api/", "/static/")) and "text/html" in accept


def error_response(path: str, accept: str, status: int, code: str, message: str) -> Response:
    """The error as JSON, or as a small page when a browser asked for a page."""
    if _wants_html(path, accept):
        page = (
            "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{status} · sayso</title><link rel='stylesheet' href='/static/css/sayso.css'>"
            f"</head><body><main class='page'><h1>{status}: {escape(code)}</h1>"
            f"<p class='error-message'>{escape(message)}</p><p><a href='/'>Back to the corpus</a>"
            "</p></main></body></html>"
        )
        return HTMLResponse(page, status_code=status)
    return JSONResponse(error_body(status, code, message), status_code=status)


async def send_error(
    scope: Scope, receive: Receive, send: Send, status: int, code: str, message: str
) -> None:
    """For middlewares, which answer before any route or handler runs."""
    headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
    response = error_response(
        scope.get("path", ""), headers.get("accept", ""), status, code, message
    )
    await response(scope, receive, send)


def _reply(request: Request, status: int, code: str, message: str) -> Response:
    return error_response(
        request.url.path, request.headers.get("accept", ""), status, code, message
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", ""))
    return "; ".join(parts) or "the request is not valid"


def install_error_handlers(app: FastAPI) -> None:
    async def too_large(request: Request, exc: Exception) -> Response:
        return _reply(request, 413, "too_large", str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if isinstance(exc.__cause__, BodyTooLargeError):
            # FastAPI reports any failure while reading a form body as a 400.
            return await too_large(request, exc.__cause__)
        status = exc.status_code
        detail = exc.detail if isinstance(exc.detail, str) else CODES.get(status, "error")
        return _reply(request, status, CODES.get(status, "error"), detail)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return _reply(request, 422, "validation_error", _validation_message(exc))

    async def not_found(request: Request, exc: Exception) -> Response:
        return _reply(request, 404, "not_found", "no such article in this corpus")

    async def too_complex(request: Request, exc: Exception) -> Response:
        return _reply(request, 400, "bad_query", str(exc))

    async def timed_out(request: Request, exc: Exception) -> Response:
        return _reply(request, 503, "query_timeout", str(exc))

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.error("error answering %s %s", request.method, request.url.path, exc_info=exc)
        return _reply(request, 500, "internal_error", INTERNAL_MESSAGE)

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(BodyTooLargeError, too_large)
    app.add_exception_handler(ArticleNotFoundError, not_found)
    app.add_exception_handler(QueryTooComplexError, too_complex)
    app.add_exception_handler(QueryTimeoutError, timed_out)
    app.add_exception_handler(Exception, unexpected)
