"""Linking a stored corpus: registry, claim groups, echoes, event clusters, numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.corpus import queries
from sayso.corpus.link import link_store
from sayso.store import Store, open_store
from tests.test_corpus_support import (
    CLAIM,
    INDEPENDENT,
    RELAYED,
    STORIES,
    SURNAME_ONLY,
    SYNDICATED,
    WIRE,
    build,
)


@pytest.fixture(name="store")
def store_fixture(tmp_path: Path) -> Store:
    store = open_store(str(tmp_path / "x.db"))
    for story in STORIES:
        store.add(build(story), location=f"{story.outlet}-{story.published}")
    return store


def test_link_summary_counts_what_was_found(store: Store) -> None:
    with store:
        summary = link_store(store)

    assert summary.articles == len(STORIES)
    assert summary.duplicate_clusters == 1
    assert summary.claim_groups == 1
    assert summary.event_clusters == 1
    assert summary.merged_entities == 2  # Alda Fenwick and Marlo Island
    assert summary.candidates == 4  # "Fenwick" alone, against each full-name article


def test_claim_groups_show_each_outlets_stance_and_count_echoes(store: Store) -> None:
    with store:
        link_store(store)
        [claim] = queries.claims(store)

    assert claim.content == CLAIM
    assert claim.stances == {
        "Coastline Wire": "neutral",
        "Valley Post": "neutral",
        "Daily Courier": "neutral",
        "Harbour Times": "disputed",
    }
    assert (claim.independent, claim.echoes) == (2, 2)
    echoes = {r.outlet: r.echo_of for r in claim.reports}
    wire_id = build(WIRE).article.id
    assert echoes == {
        "Coastline Wire": None,
        "Valley Post": wire_id,  # wire copy
        "Daily Courier": wire_id,  # "according to Coastline Wire"
        "Harbour Times": None,
    }
    assert claim.disputed
    assert claim.first_article_id == wire_id


def test_disputed_filter_keeps_claims_some_outlet_disputes(store: Store) -> None:
    with store:
        link_store(store)
        disputed = queries.claims(store, disputed=True)

    assert [c.content for c in disputed] == [CLAIM]


def test_registry_merges_full_names_but_not_a_surname_alone(store: Store) -> None:
    with store:
        link_store(store)
        [fenwick] = queries.entities(store, "alda fenwick")
        candidates = queries.candidates(store)

    outlets = {a.outlet for a in fenwick.articles}
    assert outlets == {"Coastline Wire", "Valley Post", "Daily Courier", "Harbour Times"}
    assert "Island Gazette" not in outlets
    assert {s.content for s in fenwick.statements} == {CLAIM, CLAIM.replace("The", "the")}
    assert {c.b_name for c in candidates} == {"Fenwick"}
    assert all("family name alone" in c.evidence for c in candidates)


def test_judgments_are_reapplied_on_every_link_run(store: Store, tmp_path: Path) -> None:
    judgments = tmp_path / "judgments.jsonl"
    gazette = build(SURNAME_ONLY).article.id
    judgments.write_text(
        json.dumps({"a": "Alda Fenwick", "b": f"{gazette}:e1", "decision": "accept"}) + "\n"
    )
    with store:
        link_store(store, judgments)
        [fenwick] = queries.entities(store, "Fenwick")
        left = queries.candidates(store)
        link_store(store, judgments)  # rerun: same result, tables rewritten not appended
        [again] = queries.entities(store, "Fenwick")

    assert "Island Gazette" in {a.outlet for a in fenwick.articles}
    assert left == []
    assert again == fenwick


def test_events_cluster_across_outlets_and_numbers_disagree(store: Store) -> None:
    with store:
        link_store(store)
        [cluster] = queries.event_clusters(store)
        numbers = queries.number_disagreements(store)

    assert cluster.type == "KILL"
    assert (cluster.independent, cluster.echoes) == (2, 1)
    independent = build(INDEPENDENT)
    assert {(n.text_a, n.text_b) for n in numbers} == {("12 people", "at least 30 people")}
    for n in numbers:
        start, end = n.span_b
        assert n.article_b == independent.article.id
        assert independent.article.text[start:end] == n.text_b


def test_near_duplicates_name_the_first_published_as_original(store: Store) -> None:
    with store:
        link_store(store)
        [cluster] = queries.duplicates(store).values()

    assert cluster[0][:2] == (build(WIRE).article.id, True)
    assert cluster[1][:2] == (build(SYNDICATED).article.id, False)
    assert cluster[1][2] > 0.6


def test_an_empty_store_links_to_nothing(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "empty.db")) as store:
        summary = link_store(store)
        assert summary.articles == 0
        assert queries.claims(store) == []
        assert queries.entities(store, "anyone") == []


def test_relayed_report_without_the_medium_in_the_corpus_echoes_the_medium(
    tmp_path: Path,
) -> None:
    with open_store(str(tmp_path / "x.db")) as store:
        for story in (RELAYED, INDEPENDENT):
            store.add(build(story), location=story.outlet)
        link_store(store)
        [claim] = queries.claims(store)

    assert (claim.independent, claim.echoes) == (2, 1)
    assert {r.outlet: r.echo_of for r in claim.reports} == {
        "Daily Courier": "Coastline Wire",
        "Harbour Times": None,
    }
