"""Echo against independent confirmation.

An article echoes another when it is a near-duplicate of an earlier one (wire copy,
syndication), and a statement echoes a medium when its attribution chain passes through one
("according to Reuters", "Tasnim reported"): a media hop. A claim or event reported by ten
outlets that all carry the same wire copy has one independent source and nine echoes.

Sources are counted per group of reports (a claim group or an event cluster): each report is
traced to its source (the medium it was relayed from, else the first article of its
near-duplicate cluster, else its own outlet), and the earliest report of each source is
independent; every other report of that source is an echo of it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sayso.corpus.articles import CorpusArticle
from sayso.corpus.shingles import MinHasher, jaccard, normalise, shingles
from sayso.records.model import Statement

DUPLICATE_JACCARD = 0.5
"""Lowest word 5-shingle Jaccard of two near-duplicate articles. Tuned on hand-built pairs
(tests/test_corpus_echo.py): a wire story with a new headline, byline and a trimmed or added
paragraph stays above 0.6; two outlets' own write-ups of one event stay below 0.2."""
_MIN_SHINGLES = 8
"""Articles shorter than this many shingles are too short to call copies of anything."""
_LEADING_ARTICLE = "the "


@dataclass(frozen=True, slots=True)
class DuplicateCluster:
    """Articles that are copies of one another; the first published is the original."""

    id: str
    articles: tuple[str, ...]
    """Article ids, the original first, then in publication order."""
    similarity: Mapping[str, float]
    """Article id → Jaccard with the original (1.0 for the original)."""


def find_duplicates(
    articles: Sequence[CorpusArticle], *, threshold: float = DUPLICATE_JACCARD
) -> list[DuplicateCluster]:
    """Clusters of near-duplicate articles (only clusters of two or more)."""
    hasher = MinHasher()
    sets = {a.id: shingles(a.text) for a in articles}
    sets = {key: value for key, value in sets.items() if len(value) >= _MIN_SHINGLES}
    signatures = {key: hasher.signature(value) for key, value in sets.items()}
    parent = {key: key for key in sets}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for x, y in sorted(hasher.candidate_pairs(signatures)):
        if jaccard(sets[x], sets[y]) >= threshold:
            parent[root(y)] = root(x)
    order = {a.id: a.order_key() for a in articles}
    groups: dict[str, list[str]] = {}
    for key in sets:
        groups.setdefault(root(key), []).append(key)
    clusters: list[DuplicateCluster] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=order.__getitem__)
        first = members[0]
        similarity = {m: 1.0 if m == first else jaccard(sets[first], sets[m]) for m in members}
        clusters.append(DuplicateCluster(f"d-{first[:12]}", tuple(members), similarity))
    clusters.sort(key=lambda c: order[c.articles[0]])
    return clusters


def medium_key(name: str) -> str:
    """How outlet and medium names are compared: folded, without a leading "the"."""
    folded = normalise(name)
    return folded.removeprefix(_LEADING_ARTICLE)


def media_hop(statement: Statement) -> str | None:
    """The medium a statement was relayed through, as written (the hop nearest the speaker)."""
    hops = [hop.text for hop in statement.chain if hop.role == "media"]
    return hops[-1] if hops else None


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of a claim or event, as far as source counting needs it."""

    article: str
    outlet: str | None
    order: tuple[int, str, str]
    medium: str | None = None
    """The medium the article says it took the report from."""


@dataclass(frozen=True, slots=True)
class SourceCount:
    """Independent sources and echoes among the reports of one group."""

    independent: int
    echoes: int
    echo_of: Mapping[str, str | None]
    """Article id → what its report echoes (an article id, or the name of a medium with no
    article in the corpus), or None for a source's own report."""
    first_article: str | None


@dataclass(frozen=True, slots=True)
class EchoIndex:
    """What source counting needs to know about the whole corpus."""

    originals: Mapping[str, str]
    """Copied article id → the original of its near-duplicate cluster."""
    outlets: Mapping[str, str | None]
    """Article id → outlet."""
    outlet_articles: Mapping[str, str]
    """Medium key → the earliest corpus article of that outlet."""

    def source_of(self, report: Report) -> str:
        """The source a report traces back to: a medium key, or ``article:<id>``."""
        if report.medium is not None:
            return medium_key(report.medium)
        origin = self.originals.get(report.article, report.article)
        outlet = self.outlets.get(origin) if origin != report.article else report.outlet
        return medium_key(outlet) if outlet else f"article:{origin}"


def echo_index(
    articles: Sequence[CorpusArticle], clusters: Sequence[DuplicateCluster]
) -> EchoIndex:
    """The EchoIndex of a corpus, given its near-duplicate clusters."""
    originals = {m: c.articles[0] for c in clusters for m in c.articles[1:]}
    outlets = {a.id: a.outlet for a in articles}
    outlet_articles: dict[str, str] = {}
    for article in sorted(articles, key=CorpusArticle.order_key):
        if article.outlet:
            outlet_articles.setdefault(medium_key(article.outlet), article.id)
    return EchoIndex(originals, outlets, outlet_articles)


def count_sources(reports: Sequence[Report], index: EchoIndex) -> SourceCount:
    """Trace each report (one per article) to its source; count sources and echoes.

    A source's own report is its earliest report that is neither relayed through a medium nor
    a copy of another article; every other report is an echo, of that own report where the
    group has one, else of the source's earliest article in the corpus, else of the medium
    named. A source that only appears relayed still counts as one independent source.
    """
    ordered = sorted(reports, key=lambda r: r.order)
    own: dict[str, str] = {}
    for report in ordered:
        if report.medium is None and report.article not in index.originals:
            own.setdefault(index.source_of(report), report.article)
    echo_of: dict[str, str | None] = {}
    for report in ordered:
        source = index.source_of(report)
        if own.get(source) == report.article:
            echo_of[report.article] = None
        elif report.article in index.originals:
            echo_of[report.article] = index.originals[report.article]
        else:
            echo_of[report.article] = (
                own.get(source)
                or index.outlet_articles.get(source)
                or report.medium
                or source.removeprefix("article:")
            )
    sources = {index.source_of(r) for r in ordered}
    echoes = sum(1 for target in echo_of.values() if target is not None)
    return SourceCount(len(sources), echoes, echo_of, ordered[0].article if ordered else None)
