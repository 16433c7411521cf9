"""Near-duplicate articles and source counting."""

from __future__ import annotations

from sayso.corpus.articles import corpus_article
from sayso.corpus.echo import EchoIndex, Report, count_sources, find_duplicates, medium_key
from sayso.corpus.shingles import MinHasher, jaccard, normalise, shingles
from tests.test_corpus_support import INDEPENDENT, RELAYED, SYNDICATED, WIRE, build

_ORDER = 0


def test_normalise_folds_case_accents_and_punctuation() -> None:
    assert normalise("Café  «Noir», won't!") == "cafe noir won t"


def test_minhash_signatures_are_stable_and_estimate_jaccard() -> None:
    hasher = MinHasher(permutations=128, bands=32)
    a = shingles(build(WIRE).article.text)
    b = shingles(build(SYNDICATED).article.text)
    c = shingles(build(INDEPENDENT).article.text)
    sa_, sb, sc = (hasher.signature(x) for x in (a, b, c))

    assert sa_ == hasher.signature(set(a))
    estimate = sum(x == y for x, y in zip(sa_, sb, strict=True)) / 128
    assert abs(estimate - jaccard(a, b)) < 0.15
    pairs = hasher.candidate_pairs({"wire": sa_, "copy": sb, "other": sc})
    assert ("copy", "wire") in pairs
    assert not {("other", "wire"), ("copy", "other")} & pairs


def test_rewrites_of_one_story_share_few_shingles() -> None:
    wire = shingles(build(WIRE).article.text)

    assert jaccard(wire, shingles(build(SYNDICATED).article.text)) > 0.6
    assert jaccard(wire, shingles(build(INDEPENDENT).article.text)) < 0.2
    assert jaccard(wire, shingles(build(RELAYED).article.text)) < 0.2


def test_duplicate_clusters_put_the_first_published_first() -> None:
    articles = [corpus_article(build(s)) for s in (SYNDICATED, INDEPENDENT, WIRE)]

    [cluster] = find_duplicates(articles)

    assert cluster.articles == (build(WIRE).article.id, build(SYNDICATED).article.id)


def _report(article: str, outlet: str | None, day: int, medium: str | None = None) -> Report:
    return Report(article, outlet, (0, f"2024-01-{day:02d}", article), medium)


def test_same_outlet_twice_is_one_source() -> None:
    index = EchoIndex({}, {"a": "Ledger", "b": "Ledger", "c": "Post"}, {})
    reports = [_report("a", "Ledger", 1), _report("b", "Ledger", 2), _report("c", "Post", 3)]

    count = count_sources(reports, index)

    assert (count.independent, count.echoes) == (2, 1)
    assert count.echo_of == {"a": None, "b": "a", "c": None}


def test_relay_through_a_medium_points_at_its_article_when_the_corpus_has_one() -> None:
    index = EchoIndex({}, {"w": "The Wire", "r": "Courier"}, {"wire": "w"})
    reports = [_report("r", "Courier", 2, medium="the Wire")]

    count = count_sources(reports, index)

    assert (count.independent, count.echoes) == (1, 1)
    assert count.echo_of == {"r": "w"}
    assert medium_key("The Wire") == medium_key("the wire") == "wire"
