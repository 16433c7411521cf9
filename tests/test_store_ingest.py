"""Store.add, record_failure, seen, status and get on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import json

import pytest

from sayso.records import Entity, Mention, Span, to_dict
from sayso.store import ArticleNotFoundError, Store, StoreError, flatten
from sayso.store.migrate import builtin_migrations
from tests.test_store_support import (  # noqa: F401  (fixtures, registered by their names)
    HARBOUR,
    TARIFF,
    UNDATED,
    make_result,
    postgres_url_fixture,
    store_fixture,
    store_url_fixture,
)


def test_add_then_get_round_trips_the_whole_record(store: Store) -> None:
    assert store.add(HARBOUR, location="harbour.html") == "ingested"
    assert store.get(HARBOUR.article.id) == HARBOUR


def test_same_text_again_is_a_duplicate_and_writes_nothing_new(store: Store) -> None:
    store.add(HARBOUR, location="harbour.html")
    before = store.status().tables

    assert store.add(HARBOUR, location="harbour.html") == "duplicate"

    status = store.status()
    assert status.tables == before
    assert status.fates == {"ingested": 1, "duplicate": 0, "failed": 0}


def test_same_text_from_another_input_is_a_duplicate_of_the_same_article(store: Store) -> None:
    store.add(HARBOUR, location="harbour.html")

    assert store.add(HARBOUR, location="feed.xml", record="3") == "duplicate"

    status = store.status()
    assert status.fates == {"ingested": 1, "duplicate": 1, "failed": 0}
    assert status.tables["articles"] == 1
    assert status.tables["statements"] == 2


def test_changed_text_under_the_same_url_is_a_new_version_and_both_are_kept(
    store: Store,
) -> None:
    corrected = make_result(
        HARBOUR.article.text.replace("Monday", "Tuesday"), url=HARBOUR.article.metadata.url
    )
    store.add(HARBOUR, location="harbour.html")

    assert store.add(corrected, location="harbour-later.html") == "ingested"

    versions = {row.id: row.version for row in store.articles()}
    assert versions == {HARBOUR.article.id: 1, corrected.article.id: 2}
    assert store.get(HARBOUR.article.id) == HARBOUR
    assert store.get(corrected.article.id) == corrected


def test_without_a_url_versions_count_per_input_location_and_record(store: Store) -> None:
    edited = make_result(UNDATED.article.text + " More soon.")
    store.add(UNDATED, location="rents.jsonl", record="1")
    store.add(edited, location="rents.jsonl", record="1")
    store.add(TARIFF, location="rents.jsonl", record="2")

    rows = {row.id: row for row in store.articles()}
    assert (rows[UNDATED.article.id].key, rows[UNDATED.article.id].version) == ("rents.jsonl#1", 1)
    assert (rows[edited.article.id].key, rows[edited.article.id].version) == ("rents.jsonl#1", 2)
    assert rows[TARIFF.article.id].key == TARIFF.article.metadata.url


def test_a_failed_add_leaves_nothing_behind(store: Store) -> None:
    twin = dataclasses.replace(HARBOUR.entities[0], name="Someone Else")
    broken = dataclasses.replace(HARBOUR, entities=(*HARBOUR.entities, twin))

    with pytest.raises(StoreError):
        store.add(broken, location="harbour.html")

    status = store.status()
    assert all(count == 0 for count in status.tables.values()), status.tables
    assert not store.seen("harbour.html")


def test_failures_are_recorded_counted_and_replaced_by_a_later_success(store: Store) -> None:
    store.record_failure("feed.xml", "7", "no article text")

    assert store.seen("feed.xml", "7")
    assert not store.seen("feed.xml", "7", count_failed=False)
    [failure] = store.failures()
    assert (failure.location, failure.record, failure.reason) == (
        "feed.xml",
        "7",
        "no article text",
    )
    assert store.status().recent_failures == (failure,)

    assert store.add(TARIFF, location="feed.xml", record="7") == "ingested"

    assert store.failures() == []
    assert store.status().fates == {"ingested": 1, "duplicate": 0, "failed": 0}


def test_seen_tells_inputs_and_records_apart(store: Store) -> None:
    store.add(HARBOUR, location="feed.xml", record="1")

    assert store.seen("feed.xml", "1")
    assert not store.seen("feed.xml", "2")
    assert not store.seen("feed.xml")
    assert not store.seen("other.xml", "1")


def test_status_counts_rows_of_every_record_table(store: Store) -> None:
    store.add(HARBOUR, location="harbour.html")
    store.add(TARIFF, location="tariff.html")

    tables = store.status().tables

    assert tables == {
        "articles": 2,
        "inputs": 2,
        "entities": 2,
        "mentions": 3,
        "statements": 3,
        "events": 0,
        "timexes": 2,
        "quantities": 2,
        "flags": 2,
    }
    assert store.status().schema_version == builtin_migrations()[-1].version


def test_get_of_an_unknown_id_says_so(store: Store) -> None:
    with pytest.raises(ArticleNotFoundError, match="no article 'a_missing'"):
        store.get("a_missing")


def test_a_prepared_batch_is_stored_in_order_with_duplicates_inside_it(store: Store) -> None:
    batch = [
        dataclasses.replace(flatten.prepare(result), location=location)
        for result, location in ((HARBOUR, "a.html"), (TARIFF, "b.html"), (HARBOUR, "c.html"))
    ]

    assert store.add_prepared(batch) == ["ingested", "ingested", "duplicate"]

    assert store.get(HARBOUR.article.id) == HARBOUR
    assert store.get(TARIFF.article.id) == TARIFF
    assert store.status().tables["statements"] == 3
    assert store.seen("c.html")
    assert store.add_prepared([]) == []


def test_a_failing_batch_leaves_none_of_its_articles(store: Store) -> None:
    twin = dataclasses.replace(HARBOUR.entities[0], name="Someone Else")
    broken = dataclasses.replace(HARBOUR, entities=(*HARBOUR.entities, twin))

    with pytest.raises(StoreError):
        store.add_prepared([flatten.prepare(TARIFF), flatten.prepare(broken)])

    assert store.article_count() == 0
    assert not store.seen(TARIFF.article.source.location)


def test_the_stored_record_leaves_out_copies_and_expands_to_the_whole_record() -> None:
    compact = flatten.compact_record(HARBOUR)
    encoded = flatten.compact_record_json(HARBOUR)

    assert HARBOUR.article.text not in encoded
    assert "Mara Velde" not in json.dumps(compact["entities"][0]["mentions"])
    assert compact["entities"][0]["mentions"] == [0, 1]
    assert flatten.expand_record(json.loads(encoded), HARBOUR.article.text) == to_dict(HARBOUR)


def test_spans_and_mentions_that_are_not_plain_copies_are_kept_whole() -> None:
    text = HARBOUR.article.text
    odd_span = Span(0, 3, "???")  # the right length, but not the text at [0, 3)
    stray = Mention(Span.of(text, 4, 11), "LOC", "name", "hand", entity_id="e2")
    entity = Entity("e2", "LOC", "Harbour", "hand", mentions=(stray,))
    quantity = dataclasses.replace(HARBOUR.quantities[0], span=odd_span)
    result = dataclasses.replace(
        HARBOUR, entities=(*HARBOUR.entities, entity), quantities=(quantity,)
    )

    compact = flatten.compact_record(result)

    assert compact["entities"][1]["mentions"][0]["span"]["text"] is None
    assert compact["quantities"][0]["span"]["text"] == "???"
    assert flatten.expand_record(compact, text) == to_dict(result)
