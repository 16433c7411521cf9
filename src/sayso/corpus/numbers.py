"""Numbers that disagree across articles about the same quantity.

Within one event cluster (the same event, reported by several articles), two quantities that
count the same thing (``counted_key``: ``killed`` and ``killed``, ``soldiers`` and
``soldier``), in no different place or whole where both name one (``Quantity.place``,
``Quantity.group``), disagree when the ranges their wording allows cannot overlap: ``at least 12``
allows 12 and more, ``about 40`` allows 36 to 44, ``nearly 50`` 45 to 50. Tolls that rise as
days pass disagree too; the publication dates of both sides are there to tell.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from sayso.corpus.articles import CorpusArticle
from sayso.corpus.events import EventCluster
from sayso.numbers.extract import counted_key
from sayso.records.model import Quantity

APPROX_MARGIN = 0.1
"""``about 40`` is read as 40 ± 10%: journalists round to the nearest ten or fifty."""


@dataclass(frozen=True, slots=True)
class NumberSide:
    article_id: str
    quantity: Quantity


@dataclass(frozen=True, slots=True)
class NumberDisagreement:
    """Two articles' numbers for the same quantity of the same event that cannot both hold."""

    cluster_id: str
    counted: str
    a: NumberSide
    b: NumberSide


def allowed_range(quantity: Quantity) -> tuple[float, float]:
    """The values a quantity's wording allows."""
    value = quantity.value
    high = quantity.upper if quantity.upper is not None else value
    if quantity.approx in {"more than", "at least"}:
        return value, math.inf
    if quantity.approx in {"up to", "less than"}:
        return 0.0, value
    if quantity.approx == "about":
        return value * (1 - APPROX_MARGIN), high * (1 + APPROX_MARGIN)
    if quantity.approx == "nearly":
        return value * (1 - APPROX_MARGIN), high
    return value, high


def _other_scope(a: Quantity, b: Quantity) -> bool:
    """Whether the two count in different places or of different wholes, where both say
    (``12 killed in Kabul`` and ``30 killed in Kandahar`` of one wave of attacks)."""
    for mine, theirs in ((a.place, b.place), (a.group, b.group)):
        if (
            mine is not None
            and theirs is not None
            and mine.text.casefold() != theirs.text.casefold()
        ):
            return True
    return False


def disagree(a: Quantity, b: Quantity) -> bool:
    """Same unit and scope, and ranges that do not overlap."""
    if a.unit != b.unit or _other_scope(a, b):
        return False
    a_low, a_high = allowed_range(a)
    b_low, b_high = allowed_range(b)
    return a_high < b_low or b_high < a_low


def number_disagreements(
    clusters: Sequence[EventCluster], articles: Sequence[CorpusArticle]
) -> list[NumberDisagreement]:
    """Disagreeing quantity pairs of different articles within each event cluster."""
    by_article: Mapping[str, CorpusArticle] = {a.id: a for a in articles}
    found: list[NumberDisagreement] = []
    for cluster in clusters:
        sides: list[tuple[str, NumberSide]] = []
        for member in cluster.members:
            result = by_article[member.article_id].result
            event = next(e for e in result.events if e.id == member.event_id)
            quantities = {q.id: q for q in result.quantities}
            for quantity_id in event.quantities:
                quantity = quantities.get(quantity_id)
                key = counted_key(quantity) if quantity is not None else None
                if quantity is not None and key is not None:
                    sides.append((key, NumberSide(member.article_id, quantity)))
        seen: set[tuple[str, str, str, str]] = set()
        for (key_a, a), (key_b, b) in combinations(sides, 2):
            pair = (a.article_id, a.quantity.id, b.article_id, b.quantity.id)
            if key_a != key_b or a.article_id == b.article_id or pair in seen:
                continue
            if disagree(a.quantity, b.quantity):
                seen.add(pair)
                found.append(NumberDisagreement(cluster.id, key_a, a, b))
    return found
