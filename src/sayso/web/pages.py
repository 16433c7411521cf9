"""Server-rendered pages: each works without JavaScript, except the timeline and network
drawings, which fetch their data from the JSON API (never from data inlined in a script)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from sayso.records.model import EntityType
from sayso.web import queries
from sayso.web.analyze import Submission, SubmissionError, analyse_submission, submission
from sayso.web.app_state import state_of
from sayso.web.corpus import Corpus
from sayso.web.rendering import env, render_article, render_template
from sayso.web.responses import OrjsonResponse
from sayso.web.security import require_form_token

router = APIRouter(include_in_schema=False)

templates = Jinja2Templates(env=env)
PAGE = 50
"""Rows on one list page."""
Text = Annotated[str | None, Query(max_length=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def _render(
    request: Request, template: str, status_code: int = 200, **context: Any
) -> HTMLResponse:
    settings = state_of(request).settings
    return templates.TemplateResponse(
        request, template, {"settings": settings, **context}, status_code=status_code
    )


def _offset_url(request: Request, offset: int) -> str:
    params = {**request.query_params, "offset": str(max(0, offset))}
    return f"{request.url.path}?{urlencode(params)}"


def _pager(request: Request, offset: int, size: int, more: bool) -> dict[str, str | None]:
    return {
        "prev": _offset_url(request, offset - size) if offset > 0 else None,
        "next": _offset_url(request, offset + size) if more else None,
    }


def _form_date(name: str, value: str | None) -> date | None:
    """A date from a filter form, whose empty fields arrive as empty strings."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name}: give a date as YYYY-MM-DD") from None


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    data = queries.overview(state_of(request).corpus)
    return _render(request, "overview.html", nav="overview", data=data)


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request, q: Text = None, outlet: Text = None, offset: Offset = 0
) -> HTMLResponse:
    store = state_of(request).corpus.store
    hits = []
    rows = []
    if q:
        hits = store.search(q, kind="articles", limit=PAGE + 1, offset=offset, highlight=("", ""))
        more = len(hits) > PAGE
    else:
        rows = store.articles(outlet=outlet or None, limit=PAGE + 1, offset=offset)
        more = len(rows) > PAGE
    return _render(
        request,
        "articles.html",
        nav="articles",
        q=q or "",
        outlet=outlet or "",
        hits=hits[:PAGE],
        rows=rows[:PAGE],
        pages=_pager(request, offset, PAGE, more),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, statement: Text = None) -> HTMLResponse:
    corpus = state_of(request).corpus
    page = queries.article_page(corpus, article_id)
    detail = None
    if statement:
        view = page.statements.get(statement)
        if view is None:
            raise HTTPException(404, f"no statement {statement!r} in this article")
        detail = queries.statement_detail(corpus, article_id, view)
    return _render(request, "article.html", nav="articles", page=page, detail=detail)


@router.get("/statements", response_class=HTMLResponse)
def statements(
    request: Request,
    q: Text = None,
    speaker: Text = None,
    stance: Text = None,
    kind: Text = None,
    outlet: Text = None,
    since: Text = None,
    until: Text = None,
    attitudes: bool = False,
    offset: Offset = 0,
) -> HTMLResponse:
    filters = queries.StatementFilters(
        q or None,
        speaker or None,
        stance or None,
        kind or None,
        outlet or None,
        _form_date("since", since),
        _form_date("until", until),
        attitudes,
    )
    rows, more = queries.search_statements(
        state_of(request).corpus, filters, limit=PAGE, offset=offset
    )
    return _render(
        request,
        "statements.html",
        nav="statements",
        filters=filters,
        rows=rows,
        pages=_pager(request, offset, PAGE, more),
    )


@router.get("/entities", response_class=HTMLResponse)
def entities(
    request: Request, name: Text = None, type: Text = None, offset: Offset = 0
) -> HTMLResponse:
    rows = state_of(request).corpus.store.entity_summaries(
        name=name or None, type=type or None, limit=PAGE + 1, offset=offset
    )
    return _render(
        request,
        "entities.html",
        nav="entities",
        name=name or "",
        rows=rows[:PAGE],
        pages=_pager(request, offset, PAGE, len(rows) > PAGE),
    )


DossierFormat = Literal["md", "html", "json"]


@router.get("/entities/{name:path}", response_class=HTMLResponse)
def entity(
    request: Request, name: str, offset: Offset = 0, format: DossierFormat | None = None
) -> Response:
    corpus = state_of(request).corpus
    if format is not None:
        return _dossier_download(corpus, name, format)
    size = queries.ENTITY_ARTICLES
    detail = queries.entity_detail(corpus, name, limit=size, offset=offset)
    if detail is None:
        raise HTTPException(404, f"no entity named {name!r} in this corpus")
    more = detail.more_articles or detail.more_statements
    return _render(
        request,
        "entity.html",
        nav="entities",
        detail=detail,
        timeline_api="/api/timeline?" + urlencode({"entity": name}),
        pages=_pager(request, offset, size, more),
    )


def _dossier_download(corpus: Corpus, name: str, format: DossierFormat) -> Response:
    """The entity's dossier as a file to keep: the same as ``sayso entity NAME --format``."""
    from sayso.export.dossier import dossier_dict, dossier_markdown

    dossier = queries.entity_dossier(corpus, name)
    if dossier is None:
        raise HTTPException(404, f"no entity named {name!r} in this corpus")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "entity"
    headers = {"content-disposition": f'attachment; filename="{stem}.{format}"'}
    if format == "json":
        return OrjsonResponse(dossier_dict(dossier), headers=headers)
    if format == "md":
        text = dossier_markdown(dossier)
        return Response(text, media_type="text/markdown; charset=utf-8", headers=headers)
    html = render_template("dossier.html", d=dossier)
    return HTMLResponse(html, headers=headers)


TIMELINE_EVENTS = 500
"""Events a timeline page reads, as the API does by default."""


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request,
    type: Text = None,
    entity: Annotated[list[str] | None, Query()] = None,
    since: Text = None,
    until: Text = None,
) -> HTMLResponse:
    entities = [e for e in entity or () if 0 < len(e) <= 500][:20]
    params: list[tuple[str, str]] = [
        (k, v) for k, v in (("type", type), ("since", since), ("until", until)) if v
    ]
    params += [("entity", name) for name in entities]
    corpus = state_of(request).corpus
    view = queries.timeline(
        corpus, type=type, entities=entities, since=since, until=until, limit=TIMELINE_EVENTS
    )
    return _render(
        request,
        "timeline.html",
        nav="timeline",
        params=dict(params),
        entities=entities,
        view=view,
        types=corpus.store.event_types(),
        api_url="/api/timeline?" + urlencode(params),
    )


ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
"""Entity types a network can be narrowed to."""


@router.get("/network", response_class=HTMLResponse)
def network(
    request: Request,
    q: Text = None,
    speaker: Text = None,
    stance: Text = None,
    outlet: Text = None,
    type: Text = None,
) -> HTMLResponse:
    params = {
        k: v
        for k, v in (
            ("q", q),
            ("speaker", speaker),
            ("stance", stance),
            ("outlet", outlet),
            ("type", type),
        )
        if v
    }
    return _render(
        request,
        "network.html",
        nav="network",
        params=params,
        outlets=queries.outlets(state_of(request).corpus),
        entity_types=ENTITY_TYPES,
        api_url="/api/network?" + urlencode(params),
    )


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    return _render(request, "analyze.html", nav="analyze", error=None, text="")


@router.post("/analyze", response_class=HTMLResponse, dependencies=[Depends(require_form_token)])
async def analyze(
    request: Request, form: Annotated[Submission, Depends(submission)]
) -> HTMLResponse:
    try:
        done = await analyse_submission(request, form)
    except SubmissionError as exc:
        return _render(
            request,
            "analyze.html",
            status_code=exc.status,
            nav="analyze",
            error=exc.message,
            text=form.text or "",
        )
    return _render(
        request,
        "article.html",
        nav="analyze",
        page=render_article(done.result, stored=done.stored),
        detail=None,
    )
