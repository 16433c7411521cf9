"""The Store's questions across articles: speakers, disputed claims, entities by exact name,
statements by key, content and speaker, filtered full-text search, events. Both backends."""

from __future__ import annotations

import dataclasses
from datetime import date

from sayso.records import ArticleResult, Event, EventTime
from sayso.store import Store
from sayso.store.queries import statement_filters, statement_select
from sayso.store.rows import (
    ClaimCount,
    EntityOccurrence,
    EntitySummary,
    EventRow,
    SpeakerCount,
)
from sayso.store.tables import CONTENT_PREFIX_CHARS
from tests.test_store_support import (  # noqa: F401  (fixtures, registered by their names)
    HARBOUR,
    TARIFF,
    UNDATED,
    make_result,
    postgres_url_fixture,
    span_of,
    store_fixture,
    store_url_fixture,
)

ECHO = make_result(
    'A second paper ran the quote. "Tariffs are rising again," the minister said. '
    '"Ships are returning," Mara Velde told reporters. Rail fares froze.',
    url="https://example.test/echo",
    title="Echoes",
    outlet="Daily Ledger",
    published="2024-07-01",
    quotes=(
        ("the minister", "Tariffs are rising again", "disputed"),
        ("Mara Velde", "Ships are returning", "asserted"),
    ),
    entities=(("Mara Velde", "PERSON", ("Mara Velde",)),),
)


def _with_events(result: ArticleResult, *events: tuple[str, str, str | None]) -> ArticleResult:
    """``result`` with events (id, trigger word in the text, EDTF time value or None)."""
    text = result.article.text
    built = tuple(
        Event(
            id=event_id,
            type="MEET" if value else "MOVE",
            trigger=span_of(text, trigger),
            extractor="hand",
            time=EventTime("on", value) if value else None,
        )
        for event_id, trigger, value in events
    )
    return dataclasses.replace(result, events=built)


def _fill(store: Store) -> None:
    store.add(HARBOUR, location="harbour.html")
    store.add(TARIFF, location="tariff.html")
    store.add(UNDATED, location="rents.txt")
    store.add(ECHO, location="echo.html")


def test_newest_first_listing_and_count(store: Store) -> None:
    _fill(store)

    newest = store.articles(newest_first=True, limit=2)

    assert [r.id for r in newest] == [ECHO.article.id, UNDATED.article.id]
    assert store.article_count() == 4


def test_top_speakers_rank_by_statements_under_the_resolved_name(store: Store) -> None:
    _fill(store)

    speakers = store.top_speakers(limit=2)

    assert speakers == [SpeakerCount("Mara Velde", 2, 2), SpeakerCount("the minister", 2, 2)]


def test_disputed_claims_are_counted_across_articles(store: Store) -> None:
    _fill(store)

    claims = store.disputed_claims()

    first = min((TARIFF.article.id, ECHO.article.id))
    assert claims == [ClaimCount("Tariffs are rising again", 2, first, "s1")]


def test_entity_summaries_and_occurrences_by_exact_name(store: Store) -> None:
    _fill(store)

    summaries = store.entity_summaries()
    velde = store.entity_occurrences("Mara Velde")

    assert summaries[0] == EntitySummary("Mara Velde", "PERSON", 2, 3)
    assert [s.name for s in store.entity_summaries(name="bank")] == ["Northfield Bank"]
    assert velde == [
        EntityOccurrence(HARBOUR.article.id, "e1", "Harbour reopens after storm", date(2024, 3, 4)),
        EntityOccurrence(ECHO.article.id, "e1", "Echoes", date(2024, 7, 1)),
    ]
    assert store.entity_occurrences("Mara") == []
    assert store.entity_occurrence_count("Mara Velde") == 2
    assert store.entity_occurrence_count("Nobody") == 0


def test_statements_by_resolved_speaker_and_by_exact_content(store: Store) -> None:
    _fill(store)

    by_speaker = store.statements(speaker_name="Mara Velde")
    by_content = store.statements(content="Tariffs are rising again")

    assert [(r.article_id, r.content) for r in by_speaker] == [
        (HARBOUR.article.id, "Ships are returning"),
        (ECHO.article.id, "Ships are returning"),
    ]
    assert [r.article_id for r in by_content] == [TARIFF.article.id, ECHO.article.id]
    assert store.statements(content="Tariffs are rising") == []


LONG_CLAIM = (
    "The harbour authority will keep every berth open through the winter storms and beyond, "
    "whatever the insurers say"
)
LONG_VARIANT = LONG_CLAIM.replace("whatever the insurers say", "unless the insurers object")


def test_long_contents_match_whole_not_by_their_indexed_start(store: Store) -> None:
    assert LONG_CLAIM[:CONTENT_PREFIX_CHARS] == LONG_VARIANT[:CONTENT_PREFIX_CHARS]
    for n, claim in enumerate((LONG_CLAIM, LONG_VARIANT, LONG_CLAIM)):
        text = f'Report {n}. "{claim}," the harbour master said.'
        store.add(
            make_result(text, quotes=(("the harbour master", claim, "asserted"),)), location=f"{n}"
        )

    assert [r.content for r in store.statements(content=LONG_CLAIM)] == [LONG_CLAIM] * 2
    assert [r.content for r in store.statements(content=LONG_VARIANT)] == [LONG_VARIANT]
    assert store.statements(content=LONG_CLAIM[:CONTENT_PREFIX_CHARS]) == []


def test_same_content_is_looked_up_in_the_content_index(store: Store) -> None:
    query = statement_select().where(*statement_filters(content=LONG_CLAIM))
    with store.reading() as conn:
        if conn.dialect.name == "sqlite":
            sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
            plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
        else:
            conn.exec_driver_sql("SET enable_seqscan = off")
            sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
            plan = " ".join(str(r[0]) for r in conn.exec_driver_sql(f"EXPLAIN {sql}"))

    assert "ix_statements_content_prefix" in plan


def test_statements_by_key_keep_the_order_asked_and_skip_unknown_keys(store: Store) -> None:
    _fill(store)
    keys = [
        (ECHO.article.id, "s2"),
        (HARBOUR.article.id, "s1"),
        ("a_missing", "s1"),
        (ECHO.article.id, "s9"),
        (ECHO.article.id, "s2"),
    ]

    rows = store.statements_by_key(keys)

    assert [(r.article_id, r.statement_id, r.content) for r in rows] == [
        (ECHO.article.id, "s2", "Ships are returning"),
        (HARBOUR.article.id, "s1", "Ships are returning"),
        (ECHO.article.id, "s2", "Ships are returning"),
    ]
    assert rows[1].title == "Harbour reopens after storm"
    assert store.statements_by_key([]) == []


def test_statements_by_key_beyond_one_query(store: Store) -> None:
    text = " ".join(f'"Claim {n} holds," said speaker {n}.' for n in range(120))
    quotes = tuple((f"speaker {n}.", f"Claim {n} holds", "neutral") for n in range(120))
    many = make_result(text, title="Many claims", quotes=quotes)
    store.add(many, location="many.txt")
    keys = [(many.article.id, f"s{n}") for n in range(120, 0, -1)]

    rows = store.statements_by_key(keys)

    assert [r.statement_id for r in rows] == [key[1] for key in keys]


def test_search_statements_applies_filters_in_the_query(store: Store) -> None:
    _fill(store)

    everything = store.search_statements("tariffs")
    disputed_late = store.search_statements(
        "tariffs", stance="disputed", since=date(2024, 6, 25), outlet="daily ledger"
    )
    by_speaker = store.search_statements("returning", speaker="VELDE")

    assert {r.article_id for r in everything} == {TARIFF.article.id, ECHO.article.id}
    assert [r.article_id for r in disputed_late] == [ECHO.article.id]
    assert disputed_late[0].title == "Echoes"
    assert {r.article_id for r in by_speaker} == {HARBOUR.article.id, ECHO.article.id}
    assert store.search_statements("tariffs", stance="hedged") == []
    assert store.search_statements("tariffs", limit=1, offset=1)[0] in everything


def test_search_statements_ranks_and_refuses_nothing(store: Store) -> None:
    _fill(store)

    hits = store.search_statements('"price cap" OR returning')

    assert hits[0].content in {"The price cap will not hold", "Ships are returning"}
    assert len(hits) == 3
    assert store.search_statements('"" -- * \x00') == []


def test_events_by_type_article_and_dates(store: Store) -> None:
    harbour = _with_events(HARBOUR, ("v1", "reopened", "2024-03-04"), ("v2", "returning", None))
    tariff = _with_events(TARIFF, ("v1", "rejected", "..2024-06"), ("v2", "rising", "2023~"))
    store.add(harbour, location="harbour.html")
    store.add(tariff, location="tariff.html")

    every = store.events()
    dated = store.events(dated_only=True)
    in_2024 = store.events(since="2024", until="2024-12-31")
    to_june = store.events(until="2024-06")
    moves = store.events(type="MOVE")
    of_tariff = store.events(article_ids=[tariff.article.id])

    def keys(rows: list[EventRow]) -> list[tuple[str, str]]:
        return [(r.article_id, r.event_id) for r in rows]

    h, t = harbour.article.id, tariff.article.id
    assert keys(every) == [(h, "v1"), (h, "v2"), (t, "v1"), (t, "v2")]
    assert every[0].trigger == "reopened"
    assert every[0].title == "Harbour reopens after storm"
    assert every[0].time_value == "2024-03-04"
    assert keys(dated) == [(h, "v1"), (t, "v1"), (t, "v2")]
    assert keys(in_2024) == [(h, "v1"), (t, "v1")]
    assert keys(to_june) == [(h, "v1"), (t, "v1"), (t, "v2")]
    assert keys(moves) == [(h, "v2")]
    assert keys(of_tariff) == [(t, "v1"), (t, "v2")]
    assert store.events(article_ids=[]) == []
    assert store.event_types() == ["MEET", "MOVE"]


def test_revision_grows_with_each_new_article_only(store: Store) -> None:
    empty = store.revision()
    store.add(HARBOUR, location="harbour.html")
    one = store.revision()
    store.add(HARBOUR, location="again.html")

    assert empty == 0
    assert one > empty
    assert store.revision() == one
    store.add(TARIFF, location="tariff.html")
    assert store.revision() > one
