"""The Jinja2 environment of the pages, and an article page's article-only parts, rendered.

An article page is mostly the article itself: its highlighted text, metadata and statement
list depend on nothing else, while decoding the stored record and cutting the text at every
highlight is most of what a page costs (about 18 ms of decoding and 5 ms of views and
rendering per article on the 5,000-article benchmark store, against under 1 ms for the rest).
``render_article`` does that once; the page around it (the chosen statement's detail, the
navigation) is rendered per request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from sayso.records import ArticleResult
from sayso.web.views import (
    StatementView,
    article_href,
    article_view,
    entity_href,
    entity_names,
    statement_href,
    statement_view,
)

TEMPLATES = Path(__file__).parent / "templates"
STANCES = ("asserted", "neutral", "hedged", "endorsed", "disputed")
KINDS = ("direct", "partial", "indirect")


def environment() -> jinja2.Environment:
    """Autoescaping, strict about undefined names, and compiled once per template:
    ``auto_reload=False`` spares a stat of every template file on every request."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals.update(
        article_href=article_href,
        entity_href=entity_href,
        statement_href=statement_href,
        stances=STANCES,
        kinds=KINDS,
    )
    return env


templates = Jinja2Templates(env=environment())


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """What an article page shows that depends on the article alone, ready to insert."""

    id: str
    title: str
    stored: bool
    """Whether the article is in the corpus (quotes link to their detail pages) or was only
    analysed for the visitor (quotes link within the page)."""
    text_html: Markup
    metadata_html: Markup
    more_html: Markup
    """The statement list, removed page junk, flags and diagnostics."""
    statements: Mapping[str, StatementView]
    """Every statement of the article by id, the outlet's own voice included, for the
    statement detail panel."""


def render_article(result: ArticleResult, *, stored: bool) -> ArticlePage:
    """The article-only parts of ``result``'s page, rendered."""
    view = article_view(result)
    names = entity_names(result)
    parts = templates.env.get_template("_article_parts.html").module
    return ArticlePage(
        id=view.id,
        title=view.title,
        stored=stored,
        text_html=Markup(parts.text(view, stored)),  # type: ignore[attr-defined]
        metadata_html=Markup(parts.metadata(view)),  # type: ignore[attr-defined]
        more_html=Markup(parts.more(view, stored)),  # type: ignore[attr-defined]
        statements={s.id: statement_view(result, s, names) for s in result.statements},
    )
