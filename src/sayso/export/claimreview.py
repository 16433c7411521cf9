"""``claimreview``: statements as schema.org ClaimReview JSON-LD, with the outlet's stance.

**This is not a fact check.** ClaimReview is the vocabulary fact-checkers publish verdicts in,
and it is used here because it is the shape claim-tracking tools read: a claim, who made it,
where it appeared, and what a reviewer made of it. In this export the "review" is the
*outlet's stance toward the claim as sayso reads it from the article's wording* (``neutral``,
``hedged``, ``disputed``, ``endorsed``): ``author`` is the outlet, never sayso or a
fact-checker, and ``reviewRating`` carries the stance label as ``alternateName`` with no
``ratingValue``, so nothing maps it onto a true/false scale. ``reviewAspect`` and
``ratingExplanation`` say so in every record, and ``sdPublisher`` names sayso as the maker of
the structured data. See ``docs/exports.md``.

Own-voice statements (the outlet's own assertions) are left out: a reviewer reviewing itself
says nothing. So are attitudes (aims, requests, judgements, negated sayings): they state no
claim (:mod:`sayso.records.kinds`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

from sayso import __version__
from sayso.export.ids import article_iri, outlet_iri, record_iri
from sayso.export.jsonld import write_graph
from sayso.export.text import content_text, speaker_name
from sayso.records import ArticleResult, Statement
from sayso.records.kinds import is_claim

CONTEXT = "https://schema.org"
REVIEW_ASPECT = "the outlet's stance toward the claim as sayso reads it; not a fact-check verdict"
STANCE_MEANING = {
    "asserted": "the outlet states it in its own voice",
    "neutral": "the outlet reports that it was said, without comment",
    "hedged": "the outlet keeps its distance from it",
    "disputed": "the outlet's wording rejects it",
    "endorsed": "the outlet's wording vouches for it",
}
"""What each stance label says about the outlet (see docs/stance.md), never about the claim's
truth."""
UNKNOWN_OUTLET = "unknown outlet"

_PERSON_ROLES = frozenset({"person", "anonymous", "unnamed"})
_ORGANIZATION_ROLES = frozenset({"outlet", "media", "organisation", "group"})


def _speaker_type(result: ArticleResult, statement: Statement) -> str | None:
    """Person or Organization for the claim's author, None where it is a document."""
    for entity in result.entities:
        if entity.id == statement.speaker_entity:
            if entity.type == "PERSON":
                return "Person"
            if entity.type in ("ORG", "GPE", "NORP"):
                return "Organization"
    role = statement.chain[-1].role if statement.chain else "person"
    if role in _PERSON_ROLES:
        return "Person"
    if role in _ORGANIZATION_ROLES:
        return "Organization"
    return None


def _explanation(statement: Statement) -> str:
    label = statement.stance.label
    text = f"{label}: {STANCE_MEANING[label]}"
    cues = [cue.text for cue in statement.stance.cues]
    if cues:
        text += " (wording: " + ", ".join(f"“{c}”" for c in cues) + ")"
    return text + ". This is the outlet's stance, not a verdict on the claim."


def _appearance(result: ArticleResult, outlet: dict[str, Any]) -> dict[str, Any]:
    meta = result.article.metadata
    appearance: dict[str, Any] = {"@type": "NewsArticle", "@id": article_iri(result)}
    if meta.url:
        appearance["url"] = meta.url
    if meta.title:
        appearance["headline"] = meta.title
    if meta.published:
        appearance["datePublished"] = meta.published.value
    appearance["publisher"] = outlet
    return appearance


def claim_reviews(result: ArticleResult) -> Iterator[dict[str, Any]]:
    """One ClaimReview per claim of the article (quotes and reported claims; an attitude
    states no claim to review)."""
    meta = result.article.metadata
    name = meta.outlet or UNKNOWN_OUTLET
    outlet = {"@type": "Organization", "@id": outlet_iri(name), "name": name}
    article_id = result.article.id
    for statement in result.statements:
        if not is_claim(statement) or not statement.content:
            continue
        claim: dict[str, Any] = {
            "@type": "Claim",
            "@id": record_iri(article_id, "statement", statement.id),
            "text": content_text(statement),
            "appearance": _appearance(result, outlet),
        }
        author_type = _speaker_type(result, statement)
        if author_type is not None:
            claim["author"] = {"@type": author_type, "name": speaker_name(result, statement)}
        review: dict[str, Any] = {
            "@type": "ClaimReview",
            "@id": record_iri(article_id, "statement", statement.id, "stance"),
            "claimReviewed": content_text(statement),
            "itemReviewed": claim,
            "author": outlet,
            "reviewAspect": REVIEW_ASPECT,
            "reviewRating": {
                "@type": "Rating",
                "alternateName": statement.stance.label,
                "ratingExplanation": _explanation(statement),
            },
            "sdPublisher": {
                "@type": "SoftwareApplication",
                "name": "sayso",
                "softwareVersion": __version__,
            },
        }
        if meta.url:
            review["url"] = meta.url
        if meta.published:
            review["datePublished"] = meta.published.value
        yield review


def write_claimreview(results: Iterable[ArticleResult], stream: IO[bytes]) -> int:
    """Write one JSON-LD document of ClaimReviews; how many reviews."""
    return write_graph(stream, CONTEXT, (r for result in results for r in claim_reviews(result)))
