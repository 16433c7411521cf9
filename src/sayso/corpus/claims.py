"""The same statement across articles: claim groups with each outlet's stance side by side.

Two statements carry the same claim when they come from the same speaker (the same registry
entity, or the same speaker description when neither was resolved to an entity) and their
content matches:

* ``exact``: equal after folding case, accents, punctuation and spacing;
* ``near``: rapidfuzz's token-set ratio at or above ``NEAR_RATIO`` (a partial quote inside a
  fuller one scores 100), or word 3-shingle Jaccard at or above ``NEAR_JACCARD``;
* ``paraphrase``: with the optional embedding backend (:mod:`sayso.corpus.embed`), cosine
  similarity at or above its threshold.

A statement with no known speaker joins a group only by an exact match of a long content
(``UNKNOWN_SPEAKER_WORDS`` words or more): a long sentence repeated word for word is the same
claim whoever the extractor failed to name.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from sayso.corpus.articles import CorpusArticle
from sayso.corpus.echo import EchoIndex, Report, count_sources, media_hop
from sayso.corpus.registry import Registry
from sayso.corpus.shingles import jaccard, normalise, shingles
from sayso.records.kinds import is_claim
from sayso.records.model import Statement

NEAR_RATIO = 90.0
"""Token-set ratio (0-100) for a near match. Tuned on hand-built variants
(tests/test_corpus_claims.py): a quote trimmed to a partial quote or with a word changed scores
over 90; two different sentences of one speaker on one topic score 50-75."""
NEAR_JACCARD = 0.5
"""Word 3-shingle Jaccard for a near match when word order is kept but a clause differs."""
MIN_WORDS = 4
"""Shorter contents ("no comment", "we will see") are said by everyone about everything."""
UNKNOWN_SPEAKER_WORDS = 8
PARAPHRASE_COSINE = 0.7
"""Cosine similarity of MiniLM embeddings (:mod:`sayso.corpus.embed`) for a paraphrase. On
hand-built pairs (tests/test_corpus_embed.py) rewordings of one claim scored 0.74-0.87 and other
claims of the same speaker on the same topic 0.33-0.36."""
_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "this", "that"}
)

Similarity = Callable[[str, str], float]
"""A paraphrase scorer: cosine-like similarity in [0, 1] of two contents."""


@dataclass(frozen=True, slots=True)
class ClaimStatement:
    """One statement of one article, with what grouping compares it by."""

    article: CorpusArticle
    statement: Statement
    speaker_key: str | None
    speaker: str | None
    content: str
    normalised: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.article.id, self.statement.id)


@dataclass(frozen=True, slots=True)
class ClaimMember:
    """A statement in a claim group, how it matched, and what it echoes."""

    article_id: str
    statement_id: str
    outlet: str | None
    published: str | None
    stance: str
    content: str
    match: str
    """``seed`` (the group's first statement), ``exact``, ``near`` or ``paraphrase``."""
    similarity: float
    echo_of: str | None


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Statements of several articles carrying one claim from one speaker."""

    id: str
    speaker: str | None
    speaker_registry_id: str | None
    content: str
    members: tuple[ClaimMember, ...]
    independent: int
    echoes: int
    first_article: str | None

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets reporting the claim, in order of first report."""
        return tuple(dict.fromkeys(m.outlet or m.article_id for m in self.members))

    @property
    def disputed(self) -> bool:
        """Some outlet reports the claim while disputing it."""
        return any(m.stance == "disputed" for m in self.members)

    def stance_matrix(self) -> dict[str, str]:
        """Outlet → its stance (stances of several reports joined by ``/``)."""
        matrix: dict[str, list[str]] = {}
        for member in self.members:
            stances = matrix.setdefault(member.outlet or member.article_id, [])
            if member.stance not in stances:
                stances.append(member.stance)
        return {outlet: "/".join(stances) for outlet, stances in matrix.items()}


def _speaker(
    article: CorpusArticle, statement: Statement, registry: Registry
) -> tuple[str | None, str | None]:
    """(grouping key, display name) of a statement's speaker; (None, None) when unknown."""
    rid = registry.id_of(article.id, statement.speaker_entity)
    names = {e.id: e.name for e in article.result.entities}
    if rid is not None:
        return rid, names.get(statement.speaker_entity or "", rid)
    if statement.speaker is None:
        return None, None
    folded = normalise(statement.speaker.text)
    if not folded or folded in _PRONOUNS:
        return None, None
    return "speaker:" + folded.removeprefix("the "), statement.speaker.text


def claim_statements(articles: Sequence[CorpusArticle], registry: Registry) -> list[ClaimStatement]:
    """The statements of every article that can form claim groups."""
    found: list[ClaimStatement] = []
    for article in articles:
        for statement in article.result.statements:
            if not is_claim(statement) or not statement.content:
                continue
            content = " … ".join(span.text for span in statement.content)
            normalised = normalise(content)
            if len(normalised.split()) < MIN_WORDS:
                continue
            key, name = _speaker(article, statement, registry)
            found.append(ClaimStatement(article, statement, key, name, content, normalised))
    return found


def match(a: ClaimStatement, b: ClaimStatement) -> tuple[str, float] | None:
    """How two statements' contents match (``exact`` or ``near``) and how closely."""
    return match_contents(a.normalised, b.normalised)


@functools.lru_cache(maxsize=8192)
def _trigrams(normalised: str) -> frozenset[str]:
    """Word 3-shingles of a normalised content, kept: one content is compared with many."""
    return shingles(normalised, 3)


def match_contents(a: str, b: str) -> tuple[str, float] | None:
    """How two normalised contents (``shingles.normalise``) match, and how closely."""
    if a == b:
        return "exact", 1.0
    ratio = fuzz.token_set_ratio(a, b) / 100.0
    if ratio * 100.0 >= NEAR_RATIO:
        return "near", ratio
    overlap = jaccard(_trigrams(a), _trigrams(b))
    if overlap >= NEAR_JACCARD:
        return "near", overlap
    return None


def group_claims(
    articles: Sequence[CorpusArticle],
    registry: Registry,
    echoes: EchoIndex,
    *,
    paraphrase: Similarity | None = None,
    paraphrase_threshold: float = PARAPHRASE_COSINE,
) -> list[ClaimGroup]:
    """Claim groups (statements of two or more articles), most widely reported first."""
    items = claim_statements(articles, registry)
    parent = list(range(len(items)))
    how: dict[int, tuple[str, float]] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int, found: tuple[str, float]) -> None:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
            how.setdefault(max(i, j), found)

    blocks: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        if item.speaker_key is not None:
            blocks.setdefault(item.speaker_key, []).append(i)
    for members in blocks.values():
        for i, j in combinations(members, 2):
            if items[i].article.id == items[j].article.id:
                continue
            found = match(items[i], items[j])
            if found is None and paraphrase is not None:
                score = paraphrase(items[i].content, items[j].content)
                found = ("paraphrase", score) if score >= paraphrase_threshold else None
            if found is not None:
                join(i, j, found)
    by_content: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        if len(item.normalised.split()) >= UNKNOWN_SPEAKER_WORDS:
            by_content.setdefault(item.normalised, []).append(i)
    for members in by_content.values():
        for i in members[1:]:
            if items[i].speaker_key is None or items[members[0]].speaker_key is None:
                join(members[0], i, ("exact", 1.0))
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(root(i), []).append(i)
    claims = [
        _claim_group([items[i] for i in members], [how.get(i) for i in members], echoes)
        for members in groups.values()
        if len({items[i].article.id for i in members}) >= 2
    ]
    claims.sort(key=lambda c: (-len(c.outlets), -len(c.members), c.id))
    return claims


def _claim_group(
    items: Sequence[ClaimStatement],
    matches: Sequence[tuple[str, float] | None],
    echoes: EchoIndex,
) -> ClaimGroup:
    order = sorted(range(len(items)), key=lambda i: (items[i].article.order_key(), i))
    reports: dict[str, Report] = {}
    for i in order:
        article = items[i].article
        medium = media_hop(items[i].statement)
        known = reports.get(article.id)
        if known is None or (known.medium is None and medium is not None):
            reports[article.id] = Report(article.id, article.outlet, article.order_key(), medium)
    count = count_sources(list(reports.values()), echoes)
    members = tuple(
        ClaimMember(
            article_id=items[i].article.id,
            statement_id=items[i].statement.id,
            outlet=items[i].article.outlet,
            published=items[i].article.published,
            stance=items[i].statement.stance.label,
            content=items[i].content,
            match=(matches[i] or ("seed", 1.0))[0],
            similarity=round((matches[i] or ("seed", 1.0))[1], 4),
            echo_of=count.echo_of.get(items[i].article.id),
        )
        for i in order
    )
    first = items[order[0]]
    speaker = next((items[i].speaker for i in order if items[i].speaker), None)
    speaker_key = next((items[i].speaker_key for i in order if items[i].speaker_key), None)
    text = "|".join(f"{m.article_id}:{m.statement_id}" for m in members)
    return ClaimGroup(
        id="c" + hashlib.blake2b(text.encode(), digest_size=6).hexdigest(),
        speaker=speaker,
        speaker_registry_id=(
            speaker_key if speaker_key and not speaker_key.startswith("speaker:") else None
        ),
        content=first.content,
        members=members,
        independent=count.independent,
        echoes=count.echoes,
        first_article=count.first_article,
    )
