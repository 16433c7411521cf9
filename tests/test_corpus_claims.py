"""Matching statements of one speaker across articles."""

from __future__ import annotations

import pytest

from sayso.corpus.articles import corpus_article
from sayso.corpus.claims import ClaimStatement, match
from sayso.corpus.shingles import normalise
from sayso.records import Span, StanceEvidence, Statement
from tests.test_corpus_support import WIRE, build


def _item(content: str) -> ClaimStatement:
    statement = Statement(
        "s1", "direct", (Span(0, len(content), content),), "hand", StanceEvidence("neutral")
    )
    article = corpus_article(build(WIRE))
    return ClaimStatement(article, statement, "r1", "Fenwick", content, normalise(content))


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("The bridge will reopen in May.", "the bridge will reopen in May", "exact"),
        (
            "The bridge will reopen before the winter floods arrive",
            "bridge will reopen before the winter floods",
            "near",
        ),
        (
            "We will rebuild every pier on the island before the summer season",
            "We will rebuild every single pier on the island before summer",
            "near",
        ),
    ],
)
def test_variants_of_one_quote_match(a: str, b: str, kind: str) -> None:
    found = match(_item(a), _item(b))

    assert found is not None
    assert found[0] == kind


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The bridge will reopen before the winter floods arrive",
            "The ferries will run a reduced timetable until the piers are inspected",
        ),
        (
            "The bridge will reopen before the winter floods arrive",
            "The tunnel will stay closed until the engineers finish pumping",
        ),
    ],
)
def test_different_sentences_of_one_speaker_do_not_match(a: str, b: str) -> None:
    assert match(_item(a), _item(b)) is None
