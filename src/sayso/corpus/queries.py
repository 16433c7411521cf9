"""Typed reads of the link tables that ``sayso link`` writes.

Every function takes an open :class:`~sayso.store.Store` and returns frozen rows; nothing here
writes. Before the first link run the tables are empty and every function returns nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa

from sayso.entities.corpus import Judgment
from sayso.entities.names import fold
from sayso.export.text import article_label
from sayso.store import tables

if TYPE_CHECKING:
    from sayso.store import Store


@dataclass(frozen=True, slots=True)
class ClaimReport:
    """One outlet's report of a claim."""

    article_id: str
    statement_id: str
    outlet: str | None
    published: str | None
    stance: str
    content: str
    match: str
    similarity: float
    echo_of: str | None
    title: str | None = None
    """The reporting article's title."""

    @property
    def source(self) -> str:
        """The outlet, else the article as a reader names it; never its id."""
        return self.outlet or article_label(self.title, None, (self.published or "")[:10])


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim group with its claim x outlet stance row and source counts."""

    claim_id: str
    speaker: str | None
    speaker_registry_id: str | None
    content: str
    independent: int
    echoes: int
    disputed: bool
    first_article_id: str | None
    stances: dict[str, str]
    """Outlet (or the article's title where the outlet is unknown) → stance, in order of first
    report."""
    reports: tuple[ClaimReport, ...]


@dataclass(frozen=True, slots=True)
class EntityArticle:
    article_id: str
    entity_id: str
    title: str | None
    outlet: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class EntityStatement:
    article_id: str
    statement_id: str
    outlet: str | None
    kind: str
    stance: str
    content: str


@dataclass(frozen=True, slots=True)
class RegistryEntityRow:
    """A registry entity: aliases, the articles it appears in, and what it said."""

    registry_id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    evidence: tuple[str, ...]
    articles: tuple[EntityArticle, ...]
    statements: tuple[EntityStatement, ...]


@dataclass(frozen=True, slots=True)
class CandidateRow:
    """Two entities that may be the same, left for a person to judge: the best-scored of the
    ``pairs`` entity pairs that bear these two names (one judgment by name decides them all)."""

    a: str
    b: str
    a_name: str
    b_name: str
    score: float
    evidence: str
    pairs: int = 1


@dataclass(frozen=True, slots=True)
class EventClusterRow:
    cluster_id: str
    type: str
    time_value: str | None
    place: str | None
    independent: int
    echoes: int
    members: tuple[tuple[str, str, str, str | None], ...]
    """(article id, event id, trigger, echo of) of each report."""


@dataclass(frozen=True, slots=True)
class NumberDisagreementRow:
    """Two articles' numbers for one quantity of one event, with both spans."""

    cluster_id: str
    counted: str
    article_a: str
    value_a: float
    text_a: str
    span_a: tuple[int, int]
    article_b: str
    value_b: float
    text_b: str
    span_b: tuple[int, int]


def claims(store: Store, *, disputed: bool = False, limit: int = 100) -> list[ClaimRow]:
    """Claim groups, most widely reported first; ``disputed`` keeps those some outlet disputes."""
    g, m, a = tables.claim_groups, tables.claim_members, tables.articles
    query = sa.select(g).order_by(g.c.outlet_count.desc(), g.c.member_count.desc(), g.c.seq)
    if disputed:
        query = query.where(g.c.disputed.is_(True))
    with store.reading() as conn:
        groups = list(conn.execute(query.limit(limit)))
        ids = [row.claim_id for row in groups]
        members: dict[str, list[ClaimReport]] = {}
        if ids:
            with_titles = (
                sa.select(m, a.c.title)
                .join(a, a.c.id == m.c.article_id)
                .where(m.c.claim_id.in_(ids))
                .order_by(m.c.seq)
            )
            for r in conn.execute(with_titles):
                members.setdefault(r.claim_id, []).append(
                    ClaimReport(
                        r.article_id,
                        r.statement_id,
                        r.outlet,
                        r.published,
                        r.stance,
                        r.content,
                        r.match,
                        r.similarity,
                        r.echo_of,
                        r.title,
                    )
                )
    rows: list[ClaimRow] = []
    for group in groups:
        reports = tuple(members.get(group.claim_id, ()))
        stances: dict[str, list[str]] = {}
        for report in reports:
            seen = stances.setdefault(report.source, [])
            if report.stance not in seen:
                seen.append(report.stance)
        rows.append(
            ClaimRow(
                claim_id=group.claim_id,
                speaker=group.speaker,
                speaker_registry_id=group.speaker_registry_id,
                content=group.content,
                independent=group.independent_count,
                echoes=group.echo_count,
                disputed=bool(group.disputed),
                first_article_id=group.first_article_id,
                stances={outlet: "/".join(s) for outlet, s in stances.items()},
                reports=reports,
            )
        )
    return rows


def entities(store: Store, name: str, *, limit: int = 10) -> list[RegistryEntityRow]:
    """Registry entities whose name or an alias is ``name`` (folded), else contains it."""
    e = tables.registry_entities
    wanted = fold(name)
    with store.reading() as conn:
        found = [
            row
            for row in conn.execute(sa.select(e).order_by(e.c.article_count.desc(), e.c.seq))
            if wanted in {fold(form) for form in (row.name, *row.aliases.split("\n"))}
        ]
        if not found:
            found = [
                row
                for row in conn.execute(sa.select(e).order_by(e.c.article_count.desc(), e.c.seq))
                if wanted in fold(row.name) or wanted in fold(row.aliases)
            ]
        return [_entity_view(conn, row) for row in found[:limit]]


def _entity_view(conn: sa.Connection, row: sa.Row[tuple[object, ...]]) -> RegistryEntityRow:
    rm, a, s = tables.registry_members, tables.articles, tables.statements
    members = list(
        conn.execute(
            sa.select(rm.c.article_id, rm.c.entity_id, a.c.title, a.c.outlet, a.c.published)
            .join(a, a.c.id == rm.c.article_id)
            .where(rm.c.registry_id == row.registry_id)
            .order_by(a.c.published, a.c.seq)
        )
    )
    said: list[EntityStatement] = []
    for member in members:
        query = (
            sa.select(s)
            .where(s.c.article_id == member.article_id, s.c.speaker_entity == member.entity_id)
            .order_by(s.c.start_offset)
        )
        said.extend(
            EntityStatement(
                r.article_id, r.statement_id, member.outlet, r.kind, r.stance, r.content_text
            )
            for r in conn.execute(query)
        )
    return RegistryEntityRow(
        registry_id=row.registry_id,
        name=row.name,
        type=row.type,
        aliases=tuple(x for x in row.aliases.split("\n") if x),
        evidence=tuple(x for x in row.evidence.split("\n") if x),
        articles=tuple(
            EntityArticle(m.article_id, m.entity_id, m.title, m.outlet, m.published)
            for m in members
        ),
        statements=tuple(said),
    )


def candidates(store: Store, judgments: Sequence[Judgment] = ()) -> list[CandidateRow]:
    """Uncertain merge pairs of the last link run, best first, less those already judged.

    Pairs of entities with the same two names (``Tasnim ~ Tasnim`` in 91 article pairs) come
    once, as the best-scored of them, with ``pairs`` counting them: a judgment naming the two
    names settles every one.
    """
    c = tables.registry_candidates
    judged = {frozenset((j.a, j.b)) for j in judgments}
    judged_names = {frozenset((fold(j.a), fold(j.b))) for j in judgments}
    by_names: dict[frozenset[str], CandidateRow] = {}
    with store.reading() as conn:
        for r in conn.execute(sa.select(c).order_by(c.c.score.desc(), c.c.seq)):
            names = frozenset((fold(r.a_name), fold(r.b_name)))
            if frozenset((r.a, r.b)) in judged or names in judged_names:
                continue
            first = by_names.get(names)
            if first is None:
                by_names[names] = CandidateRow(r.a, r.b, r.a_name, r.b_name, r.score, r.evidence)
            else:
                by_names[names] = dataclasses.replace(first, pairs=first.pairs + 1)
    return list(by_names.values())


def event_clusters(store: Store, *, limit: int = 100) -> list[EventClusterRow]:
    """Event clusters, most independently reported first."""
    c, m = tables.event_clusters, tables.event_members
    with store.reading() as conn:
        clusters = list(
            conn.execute(
                sa.select(c)
                .order_by(c.c.independent_count.desc(), c.c.member_count.desc(), c.c.seq)
                .limit(limit)
            )
        )
        members: dict[str, list[tuple[str, str, str, str | None]]] = {}
        for r in conn.execute(sa.select(m).order_by(m.c.seq)):
            members.setdefault(r.cluster_id, []).append(
                (r.article_id, r.event_id, r.trigger, r.echo_of)
            )
    return [
        EventClusterRow(
            r.cluster_id,
            r.type,
            r.time_value,
            r.place,
            r.independent_count,
            r.echo_count,
            tuple(members.get(r.cluster_id, ())),
        )
        for r in clusters
    ]


def number_disagreements(store: Store) -> list[NumberDisagreementRow]:
    """Every pair of disagreeing numbers the last link run found."""
    n = tables.number_disagreements
    with store.reading() as conn:
        return [
            NumberDisagreementRow(
                r.cluster_id,
                r.counted,
                r.article_a,
                r.value_a,
                r.text_a,
                (r.start_a, r.end_a),
                r.article_b,
                r.value_b,
                r.text_b,
                (r.start_b, r.end_b),
            )
            for r in conn.execute(sa.select(n).order_by(n.c.seq))
        ]


def duplicates(store: Store) -> dict[str, list[tuple[str, bool, float]]]:
    """Near-duplicate clusters: cluster id → (article id, is the original, similarity)."""
    d = tables.duplicate_articles
    found: dict[str, list[tuple[str, bool, float]]] = {}
    with store.reading() as conn:
        for r in conn.execute(sa.select(d).order_by(d.c.seq)):
            found.setdefault(r.cluster_id, []).append(
                (r.article_id, bool(r.is_first), r.similarity)
            )
    return found
