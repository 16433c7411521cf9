"""Full-text search on both backends: matches, snippets, query language, hostile input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sayso.store import SearchKind, Store
from sayso.store.search import fts5_query
from tests.test_store_support import (  # noqa: F401  (fixtures, registered by their names)
    HARBOUR,
    TARIFF,
    UNDATED,
    postgres_url_fixture,
    store_fixture,
    store_url_fixture,
)

HOSTILE = [
    '"',
    '""',
    "AND",
    "OR OR",
    "NOT",
    "NEAR(harbour ships",
    "title:harbour",
    "(((",
    "harbour)",
    "^harbour",
    "*",
    "harb*our",
    "-",
    "-harbour",
    "a' OR 1=1 --",
    "\x00harbour",
    "+harbour +",
    "{harbour}",
    "harbour ~ ships",
    "\u200b",
]


@pytest.fixture(name="filled")
def filled_fixture(store: Store) -> Store:
    store.add(HARBOUR, location="harbour.html")
    store.add(TARIFF, location="tariff.html")
    store.add(UNDATED, location="rents.txt")
    return store


def test_articles_match_by_stem_with_a_highlighted_snippet(filled: Store) -> None:
    [hit] = filled.search("returned ships")

    assert hit.article_id == HARBOUR.article.id
    assert (hit.kind, hit.record_id, hit.title) == ("articles", None, "Harbour reopens after storm")
    assert "[Ships]" in hit.snippet
    assert "[returning]" in hit.snippet


def test_a_quoted_phrase_must_match_in_order(filled: Store) -> None:
    assert {h.article_id for h in filled.search("price cap")} == {
        HARBOUR.article.id,
        TARIFF.article.id,
    }
    assert [h.article_id for h in filled.search('"price cap"')] == [HARBOUR.article.id]


def test_or_widens_and_a_minus_excludes(filled: Store) -> None:
    assert {h.article_id for h in filled.search("storm OR tenants")} == {
        HARBOUR.article.id,
        UNDATED.article.id,
    }
    assert {h.article_id for h in filled.search("cap -trader")} == {TARIFF.article.id}


def test_statements_search_points_at_the_statement(filled: Store) -> None:
    [hit] = filled.search("tariffs", kind="statements")

    assert (hit.article_id, hit.record_id) == (TARIFF.article.id, "s1")
    assert "[Tariffs]" in hit.snippet


def test_entities_search_covers_aliases(filled: Store) -> None:
    [hit] = filled.search("chief", kind="entities")

    assert (hit.article_id, hit.record_id) == (HARBOUR.article.id, "e1")
    assert "[chief]" in hit.snippet


def test_results_page_and_rank_best_first(filled: Store) -> None:
    everything = filled.search("said", limit=10)

    assert len(everything) == 3
    assert [h.score for h in everything] == sorted((h.score for h in everything), reverse=True)
    assert filled.search("said", limit=2) + filled.search("said", limit=2, offset=2) == everything


def test_custom_highlight_markers(filled: Store) -> None:
    [hit] = filled.search("tenants", highlight=("<b>", "</b>"))

    assert "<b>Tenants</b>" in hit.snippet


def test_hostile_queries_never_raise(filled: Store) -> None:
    kinds: tuple[SearchKind, ...] = ("articles", "statements", "entities")
    for query in HOSTILE:
        for kind in kinds:
            hits = filled.search(query, kind=kind)
            assert all(hit.kind == kind for hit in hits), query


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=30))
def test_arbitrary_text_never_raises(filled: Store, query: str) -> None:
    # The fixture's store is only read here, so sharing it between examples is sound.
    kinds: tuple[SearchKind, ...] = ("articles", "statements", "entities")
    for kind in kinds:
        filled.search(query, kind=kind)


def test_unknown_kind_is_refused(filled: Store) -> None:
    with pytest.raises(ValueError, match="cannot search 'quotes'"):
        filled.search("harbour", kind="quotes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("harbour ships", '("harbour") AND ("ships")'),
        ('"price cap" OR tariff', '("price cap" OR "tariff")'),
        ("cap -trader", '("cap") NOT "trader"'),
        ("harb*", '("harb"*)'),
        ('say "it', '("say") AND ("it")'),
        ('NEAR(a"b', '("NEAR(a""b")'),
        ("-only", None),
        ("OR", '("OR")'),
        ("a OR", '("a")'),
        ("", None),
    ],
)
def test_fts5_query_rebuilds_user_input_as_quoted_terms(query: str, expected: str | None) -> None:
    assert fts5_query(query) == expected
