"""The same event across articles: events merged by type, arguments, place and time.

Two event mentions are merged when

* they have the same kind (a PLOVER type; for data without types, a trigger lemma),
* they sit in the same context (for a corpus, everything is one context; the ECB+ evaluation
  uses clusters of related documents),
* no role both of them fill names different entities (``Hamas attacked`` and ``Israel
  attacked`` on the same day are two events), where entities are compared by registry id,
* their times can overlap (EDTF bounds), and
* they share at least one argument entity, when ``require_shared`` is set (the corpus default:
  two unrelated protests of one day share a type and a time but no one).

Mentions are merged greedily in order, each pair checked against the whole cluster it would
join, so a cluster never holds two mentions that conflict.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sayso.corpus.articles import CorpusArticle
from sayso.corpus.echo import EchoIndex, Report, count_sources, media_hop
from sayso.corpus.registry import Registry
from sayso.events.edtf import edtf_bounds
from sayso.records.model import Event

CONFLICT_ROLES = frozenset({"actor", "recipient", "place"})
"""Roles whose disagreement keeps two mentions apart."""
_SKIPPED_MODALITIES = frozenset({"negated", "hypothetical", "future"})
"""Events that did not (yet) happen are not reports of an event."""


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event mention as the merger sees it."""

    key: str
    document: str
    kind: str
    context: str = ""
    arguments: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Role → ids of the entities filling it (registry ids, or any comparable key)."""
    time: tuple[str | None, str | None] | None = None
    """Earliest and latest ISO date the event can have happened on (either may be open)."""


def times_overlap(
    a: tuple[str | None, str | None] | None, b: tuple[str | None, str | None] | None
) -> bool:
    """Whether two date ranges can overlap; an unknown time overlaps everything."""
    if a is None or b is None:
        return True
    a_low, a_high = a
    b_low, b_high = b
    if a_low is not None and b_high is not None and a_low[:10] > b_high[:10]:
        return False
    return not (b_low is not None and a_high is not None and b_low[:10] > a_high[:10])


def compatible(
    a: EventMention, b: EventMention, *, conflict_roles: frozenset[str] = CONFLICT_ROLES
) -> bool:
    """Same kind and context, no conflicting role, overlapping times."""
    if a.kind != b.kind or a.context != b.context or not times_overlap(a.time, b.time):
        return False
    for role in conflict_roles:
        x, y = a.arguments.get(role), b.arguments.get(role)
        if x and y and not x & y:
            return False
    return True


def _entities(mention: EventMention) -> frozenset[str]:
    return frozenset().union(*mention.arguments.values()) if mention.arguments else frozenset()


def cluster_mentions(
    mentions: Sequence[EventMention],
    *,
    require_shared: bool = True,
    conflict_roles: frozenset[str] = CONFLICT_ROLES,
) -> list[list[int]]:
    """Clusters of mention indexes (singletons included), each in input order."""
    clusters: list[list[int]] = []
    by_kind: dict[tuple[str, str], list[int]] = {}
    for i, mention in enumerate(mentions):
        placed = False
        for c in by_kind.get((mention.context, mention.kind), []):
            members = clusters[c]
            if not all(
                compatible(mention, mentions[j], conflict_roles=conflict_roles) for j in members
            ):
                continue
            if require_shared and not any(
                _entities(mention) & _entities(mentions[j]) for j in members
            ):
                continue
            members.append(i)
            placed = True
            break
        if not placed:
            by_kind.setdefault((mention.context, mention.kind), []).append(len(clusters))
            clusters.append([i])
    return clusters


@dataclass(frozen=True, slots=True)
class EventClusterMember:
    article_id: str
    event_id: str
    trigger: str
    echo_of: str | None


@dataclass(frozen=True, slots=True)
class EventCluster:
    """Reports of one event in several articles."""

    id: str
    type: str
    time_value: str | None
    place: str | None
    members: tuple[EventClusterMember, ...]
    independent: int
    echoes: int


def event_mention(article: CorpusArticle, event: Event, registry: Registry) -> EventMention:
    """An EventMention of a sayso Event, its arguments as registry ids."""
    arguments: dict[str, set[str]] = {}
    for argument in event.arguments:
        rid = registry.id_of(article.id, argument.entity_id)
        if rid is not None and argument.role in CONFLICT_ROLES:
            arguments.setdefault(argument.role, set()).add(rid)
    time: tuple[str | None, str | None] | None = None
    if event.time is not None:
        try:
            time = edtf_bounds(event.time.value)
        except ValueError:  # a day its month does not have: no usable time
            time = None
    return EventMention(
        key=f"{article.id}:{event.id}",
        document=article.id,
        kind=event.type,
        arguments={role: frozenset(ids) for role, ids in arguments.items()},
        time=time,
    )


def link_events(
    articles: Sequence[CorpusArticle], registry: Registry, echoes: EchoIndex
) -> list[EventCluster]:
    """Event clusters spanning two or more articles, most widely reported first."""
    found: list[tuple[CorpusArticle, Event]] = [
        (article, event)
        for article in articles
        for event in article.result.events
        if event.modality not in _SKIPPED_MODALITIES
    ]
    mentions = [event_mention(article, event, registry) for article, event in found]
    clusters: list[EventCluster] = []
    for members in cluster_mentions(mentions):
        if len({found[i][0].id for i in members}) < 2:
            continue
        clusters.append(_event_cluster([found[i] for i in members], registry, echoes))
    clusters.sort(key=lambda c: (-c.independent, -len(c.members), c.id))
    return clusters


def _event_cluster(
    found: Sequence[tuple[CorpusArticle, Event]], registry: Registry, echoes: EchoIndex
) -> EventCluster:
    reports: dict[str, Report] = {}
    for article, event in found:
        statement = next((s for s in article.result.statements if s.id == event.statement_id), None)
        medium = media_hop(statement) if statement is not None else None
        known = reports.get(article.id)
        if known is None or (known.medium is None and medium is not None):
            reports[article.id] = Report(article.id, article.outlet, article.order_key(), medium)
    count = count_sources(list(reports.values()), echoes)
    members = tuple(
        EventClusterMember(article.id, event.id, event.trigger.text, count.echo_of.get(article.id))
        for article, event in found
    )
    times = [event.time.value for _, event in found if event.time is not None]
    places = [
        argument.span.text
        for _, event in found
        for argument in event.arguments
        if argument.role == "place"
    ]
    text = "|".join(f"{m.article_id}:{m.event_id}" for m in members)
    return EventCluster(
        id="v" + hashlib.blake2b(text.encode(), digest_size=6).hexdigest(),
        type=found[0][1].type,
        time_value=min(times, key=len) if times else None,
        place=places[0] if places else None,
        members=members,
        independent=count.independent,
        echoes=count.echoes,
    )
