"""Identifiers shared by the linked-data exports, so one article's records join across them.

IRIs of records are URNs under ``urn:sayso:`` built from the article id (a hash of its text)
and the record's id inside the article: stable across exports and runs, meaningful only to
sayso. An article is named by its URL when it has one.
"""

from __future__ import annotations

import hashlib
import re

from sayso.records import ArticleResult

URN_PREFIX = "urn:sayso:"
_UNSAFE = re.compile(r"[^A-Za-z0-9._~-]+")


def slug(text: str) -> str:
    """``text`` made safe for a URN segment (case kept, runs of other characters as ``-``)."""
    return _UNSAFE.sub("-", text.strip()).strip("-") or "-"


def record_iri(article_id: str, *parts: str) -> str:
    """``urn:sayso:<article id>:<part>:...`` for a record inside one article."""
    return URN_PREFIX + ":".join([article_id, *(slug(p) for p in parts)])


def article_iri(result: ArticleResult) -> str:
    """The article's URL where known, else a URN from its id."""
    return result.article.metadata.url or f"{URN_PREFIX}article:{result.article.id}"


def outlet_iri(outlet: str) -> str:
    """One IRI per outlet name across the corpus, so every article of an outlet shares it."""
    return f"{URN_PREFIX}outlet:{slug(outlet.casefold())}"


def stable_hash(*parts: str) -> str:
    """A 40-hex-digit id for things that need an opaque key (FollowTheMoney entity ids)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()
