"""Reading rows back: articles, statements and entities with their filters, on both backends."""

from __future__ import annotations

from datetime import date

from sayso.store import Store
from tests.test_store_support import (  # noqa: F401  (fixtures, registered by their names)
    HARBOUR,
    TARIFF,
    UNDATED,
    make_result,
    postgres_url_fixture,
    store_fixture,
    store_url_fixture,
)


def _fill(store: Store) -> None:
    store.add(HARBOUR, location="harbour.html")
    store.add(TARIFF, location="tariff.html")
    store.add(UNDATED, location="rents.txt")


def test_articles_come_back_in_ingestion_order_with_their_metadata(store: Store) -> None:
    _fill(store)

    rows = store.articles()

    assert [r.id for r in rows] == [HARBOUR.article.id, TARIFF.article.id, UNDATED.article.id]
    first = rows[0]
    assert (first.title, first.outlet, first.url) == (
        "Harbour reopens after storm",
        "The Coast Herald",
        "https://example.test/harbour",
    )
    assert first.published_on == date(2024, 3, 4)
    assert first.location == "harbour.html"
    assert first.ingested_at.tzinfo is not None
    assert rows[2].published_on is None


def test_article_date_bounds_are_inclusive_and_leave_out_undated_ones(store: Store) -> None:
    _fill(store)

    assert [r.id for r in store.articles(since=date(2024, 3, 4))] == [
        HARBOUR.article.id,
        TARIFF.article.id,
    ]
    assert [r.id for r in store.articles(until=date(2024, 3, 4))] == [HARBOUR.article.id]
    assert store.articles(since=date(2024, 3, 5), until=date(2024, 6, 19)) == []


def test_articles_page_with_limit_and_offset(store: Store) -> None:
    _fill(store)

    pages = [store.articles(limit=2, offset=offset) for offset in (0, 2, 4)]

    assert [len(page) for page in pages] == [2, 1, 0]
    assert {r.id for page in pages for r in page} == {
        HARBOUR.article.id,
        TARIFF.article.id,
        UNDATED.article.id,
    }


def test_outlet_filter_ignores_case(store: Store) -> None:
    _fill(store)

    assert {r.id for r in store.articles(outlet="the coast herald")} == {
        HARBOUR.article.id,
        UNDATED.article.id,
    }


def test_statements_carry_speaker_stance_and_article_context(store: Store) -> None:
    _fill(store)

    rows = store.statements()

    assert [(r.speaker, r.content, r.stance) for r in rows] == [
        ("Mara Velde", "Ships are returning", "neutral"),
        ("a trader", "The price cap will not hold", "hedged"),
        ("the minister", "Tariffs are rising again", "disputed"),
    ]
    velde = rows[0]
    assert velde.speaker_name == "Mara Velde"
    assert (velde.outlet, velde.published_on) == ("The Coast Herald", date(2024, 3, 4))
    assert HARBOUR.article.text[velde.start :].startswith("Ships are returning")


def test_speaker_filter_matches_the_written_speaker_or_the_entity_name(store: Store) -> None:
    text = 'Talks stalled. "We walked out," the port chief said.'
    by_title = make_result(
        text,
        quotes=(("the port chief", "We walked out", "neutral"),),
        entities=(("Mara Velde", "PERSON", ("the port chief",)),),
    )
    _fill(store)
    store.add(by_title, location="talks.txt")

    found = store.statements(speaker="velde")

    assert [(r.article_id, r.speaker) for r in found] == [
        (HARBOUR.article.id, "Mara Velde"),
        (by_title.article.id, "the port chief"),
    ]
    assert [r.speaker for r in store.statements(speaker="TRADER")] == ["a trader"]
    assert store.statements(speaker="%") == []


def test_statement_filters_combine(store: Store) -> None:
    _fill(store)

    assert [r.speaker for r in store.statements(stance="disputed")] == ["the minister"]
    assert [r.speaker for r in store.statements(outlet="the coast herald", stance="hedged")] == [
        "a trader"
    ]
    assert [r.speaker for r in store.statements(since=date(2024, 6, 1))] == ["the minister"]
    assert [r.speaker for r in store.statements(until=date(2024, 6, 1), kind="direct")] == [
        "Mara Velde",
        "a trader",
    ]
    assert store.statements(kind="indirect") == []
    assert [r.speaker for r in store.statements(limit=1, offset=1)] == ["a trader"]


def test_entities_match_name_or_alias_and_filter_by_type(store: Store) -> None:
    _fill(store)

    [velde] = store.entities(name="PORT CHIEF")

    assert (velde.name, velde.type, velde.article_id) == (
        "Mara Velde",
        "PERSON",
        HARBOUR.article.id,
    )
    assert velde.aliases == ("Mara Velde", "the port chief")
    assert velde.mention_count == 2
    assert [e.name for e in store.entities(type="ORG")] == ["Northfield Bank"]
    assert [e.name for e in store.entities()] == ["Mara Velde", "Northfield Bank"]
    assert store.entities(name="nobody") == []
