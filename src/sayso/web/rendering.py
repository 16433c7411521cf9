"""The Jinja2 environment of the pages and reports, and an article page's article-only parts.

The standalone HTML reports (``sayso analyze --format html``, ``sayso entity --format html``)
are rendered here by the same templates as the web pages, with the same stylesheet inlined and
no script, so a view fixed once is fixed everywhere. Nothing here needs FastAPI.

An article page is mostly the article itself: its highlighted text, metadata and statement
list depend on nothing else, while decoding the stored record and cutting the text at every
highlight is most of what a page costs (about 2 ms of decoding and 5 ms of views and
rendering, in CPU time, per article of the 5,000-article benchmark store, against 2 to 3 ms
for the rest of a request).
``render_article`` does that once; the page around it (the chosen statement's detail, the
navigation) is rendered per request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from sayso.events.edtf import readable_date
from sayso.export.text import article_label, in_quotes
from sayso.records import ArticleResult
from sayso.web.views import (
    Block,
    Piece,
    StatementView,
    article_href,
    article_view,
    entity_href,
    statement_href,
    statement_view,
)

TEMPLATES = Path(__file__).parent / "templates"
STYLESHEET = Path(__file__).parent / "static" / "css" / "sayso.css"
STANCES = ("asserted", "neutral", "hedged", "endorsed", "disputed")
KINDS = ("direct", "partial", "indirect", "attitude")


class PieceWriter:
    """Writes an article's paragraphs and captions as HTML: each piece of text escaped, with
    its highlights as a link or a span around it.

    Built here rather than by a template macro: an article is cut into some 400 pieces, and
    a macro call per piece was over a quarter of rendering an article. Pieces under the same
    highlights share their tags, escaped once per article. Stored quotes link to their
    detail; an analysed article's quotes to their place in the page's statement list.
    """

    def __init__(self, article_id: str, stored: bool) -> None:
        self._article_id = article_id
        self._stored = stored
        self._tags: dict[tuple[str, str | None, str | None, str], tuple[str, str]] = {}

    def _tags_of(self, piece: Piece) -> tuple[str, str]:
        classes = escape(piece.classes)
        title = escape(piece.title)
        if piece.statement_id:
            quote_id = piece.statement_id
            if self._stored:
                target = statement_href(self._article_id, quote_id)
            else:
                target = f"#stmt-{quote_id}"
            return (
                f'<a class="{classes}" data-statement="{escape(quote_id)}" '
                f'href="{escape(target)}" title="{title}">',
                "</a>",
            )
        if piece.entity_name:
            name = piece.entity_name
            return (
                f'<a class="{classes}" href="{escape(entity_href(name))}" '
                f'title="{escape(name)} · {title}">',
                "</a>",
            )
        if piece.classes:
            return f'<span class="{classes}" title="{title}">', "</span>"
        return "", ""

    def __call__(self, block: Block) -> Markup:
        out: list[str] = []
        for piece in block.pieces:
            look = (piece.classes, piece.statement_id, piece.entity_name, piece.title)
            tags = self._tags.get(look)
            if tags is None:
                tags = self._tags[look] = self._tags_of(piece)
            for anchor in piece.anchors:
                out.append(f'<span class="anchor" id="{escape(anchor)}"></span>')
            out += (tags[0], escape(piece.text), tags[1])
        return Markup("".join(out))


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
        article_label=article_label,
        stances=STANCES,
        kinds=KINDS,
    )
    env.filters.update(quoted=in_quotes, readable_date=readable_date)
    return env


env = environment()
"""The one environment of every page and report."""


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


def render_article(result: ArticleResult, *, stored: bool, attitudes: bool = True) -> ArticlePage:
    """The article-only parts of ``result``'s page, rendered; with ``attitudes`` the page
    lists the attitudes apart, folded, under the claims."""
    view = article_view(result, attitudes=attitudes)
    names = view.entity_names
    views = {s.id: s for s in (*view.statements, *view.attitudes)}
    parts = env.get_template("_article_parts.html").module
    write = PieceWriter(view.id, stored)
    blocks = [write(block) for block in view.blocks]
    captions = [write(block) for block in view.captions]
    return ArticlePage(
        id=view.id,
        title=view.title,
        stored=stored,
        text_html=Markup(parts.text(view, blocks, captions)),  # type: ignore[attr-defined]
        metadata_html=Markup(parts.metadata(view)),  # type: ignore[attr-defined]
        more_html=Markup(parts.more(view, stored)),  # type: ignore[attr-defined]
        statements={
            s.id: views.get(s.id) or statement_view(result, s, names) for s in result.statements
        },
    )


def _stylesheet() -> Markup:
    """The web app's stylesheet, inlined by the standalone reports (it holds no markup)."""
    return Markup(STYLESHEET.read_text(encoding="utf-8"))


def render_report(result: ArticleResult, *, attitudes: bool = False) -> str:
    """A standalone HTML page of one analysed article: the web app's article page (its
    highlighted text, legend, metadata, statements, entities and numbers) with the stylesheet
    inlined, no script and no external resource, safe to open from an untrusted article.
    Attitudes are listed (apart from the claims) only with ``attitudes``."""
    page = render_article(result, stored=False, attitudes=attitudes)
    return env.get_template("report.html").render(page=page, css=_stylesheet()) + "\n"


def render_template(name: str, **context: object) -> str:
    """A standalone page of ``name`` (a template extending ``_standalone.html``)."""
    return env.get_template(name).render(css=_stylesheet(), **context) + "\n"
