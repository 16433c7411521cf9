"""Full-text search over articles, statements and entities on either backend.

User input never reaches the full-text engine as syntax. On SQLite it is rebuilt into a
safe FTS5 expression; on PostgreSQL ``websearch_to_tsquery`` parses it and never fails.
Both understand the same small language: words (all must match), ``"quoted phrases"``,
``OR`` between two terms, and ``-word`` to exclude. On SQLite a trailing ``*`` also
matches a prefix.

Bounds: a term repeated is searched once (``the the the`` is ``the``: FTS5's snippets took
minutes over a hundred repeats), and a query of more than ``MAX_TERMS`` distinct terms or
``MAX_WORDS`` words in all raises ``QueryTooComplexError``. A query's time is bounded by the
store (see ``sayso.store.engine.query_limits``).
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa

from sayso.store.errors import QueryTooComplexError
from sayso.store.rows import SearchHit, SearchKind

_PIECE = re.compile(r'"([^"]*)"?|(\S+)')
_ALNUM = re.compile(r"[^\W_]")
_UNSENDABLE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
"""Control characters and lone surrogates: neither backend accepts them in query text."""
_SNIPPET_TOKENS = 12
"""Words of context FTS5 shows around a match; about one line in a terminal."""
MAX_TERMS = 16
"""Distinct words and phrases one search may hold: a question, a name and a few more."""
MAX_WORDS = 64
"""Words one search may hold in all, phrases included."""


def sendable(text: str) -> str:
    """``text`` with what neither backend accepts in query text turned into spaces."""
    return _UNSENDABLE.sub(" ", text)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def check_complexity(text: str) -> None:
    """Raise QueryTooComplexError when ``text`` holds too many distinct terms or words."""
    pieces = [m.group(1) if m.group(1) is not None else m.group(2) for m in _PIECE.finditer(text)]
    terms = {p.lower().lstrip("-") for p in pieces if p and p != "OR" and _ALNUM.search(p)}
    words = sum(len(_WORDS.findall(term)) for term in terms)
    if len(terms) > MAX_TERMS or words > MAX_WORDS:
        raise QueryTooComplexError(
            f"the search holds {len(terms)} different terms and {words} words; at most "
            f"{MAX_TERMS} terms and {MAX_WORDS} words are searched together: leave some out"
        )


_WORDS = re.compile(r"[^\W_]+")


def fts5_query(text: str) -> str | None:
    """A valid FTS5 MATCH expression for ``text``; None where it asks for nothing to match.

    A term given twice is searched once; raises QueryTooComplexError past the limits.
    """
    check_complexity(text)
    groups: list[list[str]] = []
    excluded: list[str] = []
    join_next = False
    for match in _PIECE.finditer(text):
        phrase, word = match.group(1), match.group(2)
        if word == "OR" and groups:
            join_next = True
            continue
        negate = word is not None and word.startswith("-")
        raw = phrase if phrase is not None else word.lstrip("-").rstrip("*")
        if not _ALNUM.search(raw):
            continue
        prefix = word is not None and word.endswith("*")
        term = _quoted(raw) + ("*" if prefix else "")
        if negate:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    groups = [list(dict.fromkeys(group)) for group in groups]
    groups = list({tuple(group): group for group in groups}.values())
    excluded = list(dict.fromkeys(excluded))
    if not groups:
        return None
    expression = " AND ".join("(" + " OR ".join(group) + ")" for group in groups)
    return expression + "".join(f" NOT {term}" for term in excluded)


def _sqlite_search(fts: str, select: str, joins: str, column: int) -> str:
    """FTS5 matches of one index, best first: the page of rowids is ranked first, and
    snippets are made for that page alone (made in the ranking query, a snippet was computed
    for every match: a tenth of a second for a common word over 5,000 articles)."""
    return (
        f"WITH page AS (SELECT rowid AS hit, bm25({fts}) AS rank FROM {fts} "
        f"WHERE {fts} MATCH :query ORDER BY rank, rowid LIMIT :limit OFFSET :offset) "
        f"SELECT {select}, snippet({fts}, {column}, :open, :close, '…', {{tokens}}) AS snippet, "
        f"-page.rank AS score FROM page JOIN {fts} ON {fts}.rowid = page.hit {joins} "
        f"WHERE {fts} MATCH :query ORDER BY page.rank, page.hit"
    )


_SQLITE = {
    "articles": _sqlite_search(
        "articles_fts",
        "a.id AS article_id, NULL AS record_id, a.title AS title",
        "JOIN articles a ON a.seq = page.hit",
        1,
    ),
    "statements": _sqlite_search(
        "statements_fts",
        "s.article_id AS article_id, s.statement_id AS record_id, a.title AS title",
        "JOIN statements s ON s.seq = page.hit JOIN articles a ON a.id = s.article_id",
        1,
    ),
    "entities": _sqlite_search(
        "entities_fts",
        "e.article_id AS article_id, e.entity_id AS record_id, a.title AS title",
        "JOIN entities e ON e.seq = page.hit JOIN articles a ON a.id = e.article_id",
        -1,
    ),
}

_POSTGRES = {
    "articles": (
        "SELECT a.id AS article_id, NULL AS record_id, a.title AS title, "
        "ts_headline('english', a.text, q, :options) AS snippet, "
        "ts_rank_cd(a.search, q) AS score "
        "FROM articles a, websearch_to_tsquery('english', :query) AS q "
        "WHERE a.search @@ q ORDER BY score DESC, a.seq LIMIT :limit OFFSET :offset"
    ),
    "statements": (
        "SELECT s.article_id AS article_id, s.statement_id AS record_id, a.title AS title, "
        "ts_headline('english', coalesce(s.speaker, '') || ' ' || s.content_text, q, "
        ":options) AS snippet, ts_rank_cd(s.search, q) AS score "
        "FROM statements s JOIN articles a ON a.id = s.article_id, "
        "websearch_to_tsquery('english', :query) AS q "
        "WHERE s.search @@ q ORDER BY score DESC, s.seq LIMIT :limit OFFSET :offset"
    ),
    "entities": (
        "SELECT e.article_id AS article_id, e.entity_id AS record_id, a.title AS title, "
        "ts_headline('english', e.name || ' ' || e.aliases, q, :options) AS snippet, "
        "ts_rank_cd(e.search, q) AS score "
        "FROM entities e JOIN articles a ON a.id = e.article_id, "
        "websearch_to_tsquery('english', :query) AS q "
        "WHERE e.search @@ q ORDER BY score DESC, e.seq LIMIT :limit OFFSET :offset"
    ),
}


def search(
    conn: sa.Connection,
    query: str,
    *,
    kind: SearchKind,
    limit: int,
    offset: int,
    highlight: tuple[str, str],
) -> list[SearchHit]:
    """Matches of ``query`` among ``kind``, best first, with ``highlight`` around matches."""
    if kind not in _SQLITE:
        raise ValueError(f"cannot search {kind!r}: choose articles, statements or entities")
    open_mark, close_mark = highlight
    query = sendable(query)
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    if conn.dialect.name == "sqlite":
        expression = fts5_query(query)
        if expression is None:
            return []
        sql = _SQLITE[kind].format(tokens=_SNIPPET_TOKENS)
        params |= {"query": expression, "open": open_mark, "close": close_mark}
    else:
        check_complexity(query)
        if '"' in open_mark + close_mark:
            raise ValueError("highlight markers cannot contain a double quote")
        sql = _POSTGRES[kind]
        params |= {
            "query": query,
            "options": f'StartSel="{open_mark}", StopSel="{close_mark}", '
            "MaxWords=25, MinWords=8, MaxFragments=2",
        }
    rows = conn.execute(sa.text(sql), params)
    return [
        SearchHit(
            kind=kind,
            article_id=row.article_id,
            record_id=row.record_id,
            title=row.title,
            snippet=row.snippet,
            score=float(row.score),
        )
        for row in rows
    ]
