"""The JSON API under ``/api/``: everything the pages show, paginated with ``next`` links.

Lists answer ``{"items": [...], "limit", "offset", "next"}`` where ``next`` is the URL of the
following page or null. Errors answer ``{"error": {"status", "code", "message"}}``.

Endpoints return ``OrjsonResponse`` bodies themselves: orjson writes sayso's dataclasses,
dates and records directly, where FastAPI's ``jsonable_encoder`` walked every value (9 ms of
the 15 ms a stored article's record took to serve on the 5,000-article benchmark store).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from sayso.records import to_dict
from sayso.web import queries
from sayso.web.analyze import Submission, SubmissionError, analyse_submission, submission
from sayso.web.app_state import state_of
from sayso.web.errors import error_body
from sayso.web.responses import OrjsonResponse

router = APIRouter(prefix="/api")

MAX_PAGE = 200
"""Rows one request may ask for; a page of 200 statements is about 100 kB of JSON."""
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]
Text = Annotated[str | None, Query(max_length=500)]
StanceName = Literal["asserted", "neutral", "hedged", "endorsed", "disputed"]
KindName = Literal["direct", "partial", "indirect", "attitude", "own_voice"]
SearchKindName = Literal["articles", "statements", "entities"]


def _next(request: Request, offset: int, limit: int, more: bool) -> str | None:
    """The URL of the following page, or None on the last one."""
    if not more:
        return None
    params = {**request.query_params, "offset": str(offset + limit), "limit": str(limit)}
    return f"{request.url.path}?{urlencode(params)}"


def _page(
    request: Request, items: list[Any], limit: int, offset: int, more: bool
) -> OrjsonResponse:
    return OrjsonResponse(
        {
            "items": items,
            "limit": limit,
            "offset": offset,
            "next": _next(request, offset, limit, more),
        }
    )


@router.get("/status", summary="What the corpus holds")
def status(request: Request) -> Any:
    overview = queries.overview(state_of(request).corpus)
    return OrjsonResponse(overview)


@router.get("/articles", summary="Stored articles, or full-text matches of q")
def articles(
    request: Request,
    q: Text = None,
    outlet: Text = None,
    since: date | None = None,
    until: date | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Any:
    store = state_of(request).corpus.store
    if q:
        hits = store.search(q, kind="articles", limit=limit + 1, offset=offset)
        return _page(request, hits[:limit], limit, offset, len(hits) > limit)
    rows = store.articles(outlet=outlet, since=since, until=until, limit=limit + 1, offset=offset)
    return _page(request, rows[:limit], limit, offset, len(rows) > limit)


@router.get("/articles/{article_id}", summary="One article's full record (schema sayso/1)")
def article(request: Request, article_id: str) -> Any:
    return OrjsonResponse(to_dict(state_of(request).corpus.store.get(article_id)))


@router.get(
    "/articles/{article_id}/statements/{statement_id}",
    summary="A statement's chain, stance and other appearances in the corpus",
)
def statement(request: Request, article_id: str, statement_id: str) -> Any:
    corpus = state_of(request).corpus
    view = queries.article_page(corpus, article_id).statements.get(statement_id)
    if view is None:
        raise HTTPException(404, f"no statement {statement_id!r} in this article")
    return OrjsonResponse(queries.statement_detail(corpus, article_id, view))


@router.get("/statements", summary="Statements by full-text query and filters")
def statements(
    request: Request,
    q: Text = None,
    speaker: Text = None,
    stance: StanceName | None = None,
    kind: KindName | None = None,
    outlet: Text = None,
    since: date | None = None,
    until: date | None = None,
    attitudes: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Any:
    """Quotes and claims (``direct``, ``partial``, ``indirect``); ``attitudes=true`` adds
    attitudes, ``kind`` picks one kind (``own_voice`` included)."""
    filters = queries.StatementFilters(q, speaker, stance, kind, outlet, since, until, attitudes)
    rows, more = queries.search_statements(
        state_of(request).corpus, filters, limit=limit, offset=offset
    )
    return _page(request, rows, limit, offset, more)


@router.get("/entities", summary="Canonical names across the corpus, most widespread first")
def entities(
    request: Request,
    name: Text = None,
    type: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Any:
    rows = state_of(request).corpus.store.entity_summaries(
        name=name or None, type=type or None, limit=limit + 1, offset=offset
    )
    return _page(request, rows[:limit], limit, offset, len(rows) > limit)


@router.get("/entities/{name:path}", summary="One entity: aliases, titles, mentions, statements")
def entity(request: Request, name: str, limit: Limit = 20, offset: Offset = 0) -> Any:
    detail = queries.entity_detail(state_of(request).corpus, name, limit=limit, offset=offset)
    if detail is None:
        raise HTTPException(404, f"no entity named {name!r} in this corpus")
    return OrjsonResponse(detail)


@router.get("/events", summary="Events in ingestion order")
def events(
    request: Request,
    type: Text = None,
    since: Text = None,
    until: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Any:
    rows = state_of(request).corpus.store.events(
        type=type or None,
        since=since or None,
        until=until or None,
        limit=limit + 1,
        offset=offset,
    )
    return _page(request, rows[:limit], limit, offset, len(rows) > limit)


@router.get("/timeline", summary="Events as one chronology in lanes, and those off the axis")
def timeline(
    request: Request,
    type: Text = None,
    entity: Annotated[list[str] | None, Query(description="up to 20 names")] = None,
    since: Text = None,
    until: Text = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> Any:
    """Each event once, with every article reporting it (``sources``), in lanes
    (``groups``): one per ``entity`` when two or more are given, else one per actor. Items
    are ready for vis-timeline (``start``, an exclusive ``end`` for a month or a year,
    ``content`` the event as a short sentence); ``undated`` lists the events with no place on
    the axis (no date in the text, only the article's date, an unknown year)."""
    view = queries.timeline(
        state_of(request).corpus,
        type=type,
        entities=[e for e in entity or () if 0 < len(e) <= 500][:20],
        since=since,
        until=until,
        limit=limit,
    )
    return OrjsonResponse(view.drawing())


@router.get("/network", summary="Speakers, their claims and the entities the claims name")
def network(
    request: Request,
    q: Text = None,
    speaker: Text = None,
    stance: StanceName | None = None,
    outlet: Text = None,
    type: Text = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 60,
) -> Any:
    """Nodes carry their ``degree`` (the edges meeting there); ``outlet`` keeps the
    statements of one outlet, ``type`` the entities of one type (``PERSON``, ``ORG``...)."""
    filters = queries.StatementFilters(q, speaker, stance, None, outlet)
    graph = queries.network(state_of(request).corpus, filters, limit=limit, entity_type=type)
    return OrjsonResponse(graph)


@router.get("/search", summary="Full-text search over articles, statements or entities")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    kind: SearchKindName = "statements",
    limit: Limit = 20,
    offset: Offset = 0,
) -> Any:
    hits = state_of(request).corpus.store.search(q, kind=kind, limit=limit + 1, offset=offset)
    return _page(request, hits[:limit], limit, offset, len(hits) > limit)


@router.post("/analyze", summary="Analyse an article (stored only with store=true and uploads on)")
async def analyze(request: Request, form: Annotated[Submission, Depends(submission)]) -> Any:
    try:
        done = await analyse_submission(request, form)
    except SubmissionError as exc:
        return JSONResponse(error_body(exc.status, exc.code, exc.message), exc.status)
    return OrjsonResponse({"stored": done.stored, "result": to_dict(done.result)})


@router.get("/docs", include_in_schema=False)
def docs() -> HTMLResponse:
    """Swagger UI served from the vendored copy: no CDN, no inline script."""
    return HTMLResponse(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>sayso API</title>"
        "<link rel='stylesheet' href='/static/vendor/swagger-ui/swagger-ui.css'></head>"
        "<body><div id='swagger-ui'></div>"
        "<script src='/static/vendor/swagger-ui/swagger-ui-bundle.js'></script>"
        "<script src='/static/js/apidocs.js'></script></body></html>"
    )
