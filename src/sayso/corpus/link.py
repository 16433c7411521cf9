"""Run every cross-article linker over a store and rewrite the link tables in one transaction.

::

    from sayso.corpus.link import link_store
    from sayso.store import open_store

    with open_store("news.db") as store:
        summary = link_store(store, judgments=Path("judgments.jsonl"))

Linking reads the latest version of every stored article, so it is rerun as a whole after
ingesting more articles or editing the judgments file; the previous links are replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sayso.corpus.articles import CorpusArticle, load_articles
from sayso.corpus.claims import ClaimGroup, Similarity, group_claims
from sayso.corpus.echo import (
    DuplicateCluster,
    echo_index,
    find_duplicates,
    media_hop,
    medium_key,
)
from sayso.corpus.events import EventCluster, link_events
from sayso.corpus.numbers import NumberDisagreement, number_disagreements
from sayso.corpus.registry import Registry, build_registry
from sayso.entities.corpus import read_judgments
from sayso.store import tables

if TYPE_CHECKING:
    from sayso.store import Store


@dataclass(frozen=True, slots=True)
class Links:
    """Everything the linkers found in one corpus."""

    registry: Registry
    duplicates: tuple[DuplicateCluster, ...]
    claims: tuple[ClaimGroup, ...]
    events: tuple[EventCluster, ...]
    numbers: tuple[NumberDisagreement, ...]


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """How many links of each kind a run wrote."""

    articles: int
    registry_entities: int
    merged_entities: int
    """Registry entities with members in two or more articles."""
    candidates: int
    duplicate_clusters: int
    claim_groups: int
    event_clusters: int
    number_disagreements: int


LinkProgress = Callable[[str, int, int], None]
"""Told ``(stage, done, total)`` as a link run goes: ``reading`` counts articles, the
linkers' stages count linkers (:data:`LINKERS` of them)."""

LINKERS = 5
"""The linkers :func:`find_links` runs in turn: registry, duplicates, claims, events, numbers."""


def find_links(
    articles: Sequence[CorpusArticle],
    judgments: Path | None = None,
    *,
    paraphrase: Similarity | None = None,
    progress: LinkProgress | None = None,
) -> Links:
    """Run every linker over ``articles`` (earliest published first) without a store;
    ``progress``, if given, is told each linker's name before it runs."""
    tell = progress or (lambda stage, done, total: None)
    tell("entity registry", 0, LINKERS)
    registry = build_registry(articles, read_judgments(judgments) if judgments else [])
    tell("duplicates", 1, LINKERS)
    duplicates = find_duplicates(articles)
    index = echo_index(articles, duplicates)
    tell("claim groups", 2, LINKERS)
    claims = group_claims(articles, registry, index, paraphrase=paraphrase)
    tell("events", 3, LINKERS)
    events = link_events(articles, registry, index)
    tell("numbers", 4, LINKERS)
    numbers = number_disagreements(events, articles)
    tell("numbers", LINKERS, LINKERS)
    return Links(registry, tuple(duplicates), tuple(claims), tuple(events), tuple(numbers))


def link_store(
    store: Store,
    judgments: Path | None = None,
    *,
    paraphrase: Similarity | None = None,
    progress: LinkProgress | None = None,
) -> LinkSummary:
    """Link the stored corpus and replace the link tables with what was found; ``progress``,
    if given, is told how far the run is (:data:`LinkProgress`)."""

    def reading(done: int, total: int) -> None:
        if progress is not None:
            progress("reading", done, total)

    articles = load_articles(store, reading)
    links = find_links(articles, judgments, paraphrase=paraphrase, progress=progress)
    rows = link_rows(links, articles)
    with store.writing() as conn:
        for table in reversed(tables.LINK_TABLES):
            conn.execute(table.delete())
        for table in tables.LINK_TABLES:
            if rows[table.name]:
                conn.execute(table.insert(), rows[table.name])
    return LinkSummary(
        articles=len(articles),
        registry_entities=len(links.registry.entities),
        merged_entities=sum(1 for e in links.registry.entities if e.article_count > 1),
        candidates=len(links.registry.candidates),
        duplicate_clusters=len(links.duplicates),
        claim_groups=len(links.claims),
        event_clusters=len(links.events),
        number_disagreements=len(links.numbers),
    )


def link_rows(links: Links, articles: Sequence[CorpusArticle]) -> dict[str, list[dict[str, Any]]]:
    """The rows of every link table, keyed by table name."""
    rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in tables.LINK_TABLES}
    registry = links.registry
    for entity in registry.entities:
        rows["registry_entities"].append(
            {
                "registry_id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "aliases": "\n".join(entity.aliases),
                "article_count": entity.article_count,
                "evidence": "\n".join(entity.evidence),
            }
        )
        rows["registry_members"].extend(
            {"registry_id": entity.id, "article_id": article, "entity_id": entity_id}
            for article, entity_id in entity.members
        )
    rows["registry_candidates"] = [
        {
            "a": c.a,
            "b": c.b,
            "a_name": registry.names.get(c.a, c.a),
            "b_name": registry.names.get(c.b, c.b),
            "score": c.score,
            "evidence": c.evidence,
        }
        for c in registry.candidates
    ]
    for cluster in links.duplicates:
        for article in cluster.articles:
            first = article == cluster.articles[0]
            similarity = cluster.similarity[article]
            rows["duplicate_articles"].append(
                {
                    "cluster_id": cluster.id,
                    "article_id": article,
                    "is_first": first,
                    "similarity": similarity,
                }
            )
            if not first:
                rows["echo_edges"].append(
                    {
                        "article_id": article,
                        "statement_id": None,
                        "kind": "near_duplicate",
                        "source_article_id": cluster.articles[0],
                        "medium": None,
                        "similarity": similarity,
                    }
                )
    rows["echo_edges"].extend(_media_edges(articles))
    for claim in links.claims:
        rows["claim_groups"].append(
            {
                "claim_id": claim.id,
                "speaker": claim.speaker,
                "speaker_registry_id": claim.speaker_registry_id,
                "content": claim.content,
                "member_count": len(claim.members),
                "outlet_count": len(claim.outlets),
                "independent_count": claim.independent,
                "echo_count": claim.echoes,
                "disputed": claim.disputed,
                "first_article_id": claim.first_article,
            }
        )
        rows["claim_members"].extend(
            {
                "claim_id": claim.id,
                "article_id": m.article_id,
                "statement_id": m.statement_id,
                "outlet": m.outlet,
                "published": m.published,
                "stance": m.stance,
                "content": m.content,
                "match": m.match,
                "similarity": m.similarity,
                "echo_of": m.echo_of,
            }
            for m in claim.members
        )
    for event in links.events:
        rows["event_clusters"].append(
            {
                "cluster_id": event.id,
                "type": event.type,
                "time_value": event.time_value,
                "place": event.place,
                "member_count": len(event.members),
                "independent_count": event.independent,
                "echo_count": event.echoes,
            }
        )
        rows["event_members"].extend(
            {
                "cluster_id": event.id,
                "article_id": m.article_id,
                "event_id": m.event_id,
                "trigger": m.trigger,
                "echo_of": m.echo_of,
            }
            for m in event.members
        )
    for d in links.numbers:
        row: dict[str, Any] = {"cluster_id": d.cluster_id, "counted": d.counted}
        for suffix, side in (("a", d.a), ("b", d.b)):
            q = side.quantity
            row |= {
                f"article_{suffix}": side.article_id,
                f"quantity_{suffix}": q.id,
                f"value_{suffix}": q.value,
                f"text_{suffix}": q.span.text,
                f"start_{suffix}": q.span.start,
                f"end_{suffix}": q.span.end,
            }
        rows["number_disagreements"].append(row)
    return rows


def _media_edges(articles: Sequence[CorpusArticle]) -> list[dict[str, Any]]:
    """One echo edge per statement relayed through a medium, to that outlet's first article."""
    first_of = echo_index(articles, ()).outlet_articles
    edges: list[dict[str, Any]] = []
    for article in articles:
        for statement in article.result.statements:
            medium = media_hop(statement)
            if medium is None:
                continue
            edges.append(
                {
                    "article_id": article.id,
                    "statement_id": statement.id,
                    "kind": "media_hop",
                    "source_article_id": first_of.get(medium_key(medium)),
                    "medium": medium,
                    "similarity": None,
                }
            )
    return edges
