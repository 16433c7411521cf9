"""The time a clause states: which timex hangs on which token, and with what relation.

Shared by events (``killed in 2006``) and numbers (``the toll rose to 250 on Monday``): given the
tokens a record's time may hang on, nearest first, :func:`stated_time` returns the first timex
attached to one of them as an :class:`~sayso.records.model.EventTime` (``in 2006`` → ``during``;
``by 2017`` → ``before``, ``..2017``; ``after``/``since`` → ``after``, ``2017..``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from sayso.events.edtf import edtf_for_relation, timex_to_edtf
from sayso.records.model import EventTime, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

Relation = Literal["on", "before", "after", "during", "inherited"]
_TIME_RELATIONS: dict[str, Relation] = {
    "in": "during", "during": "during", "throughout": "during", "within": "during",
    "over": "during", "on": "on", "at": "on", "by": "before", "before": "before",
    "until": "before", "till": "before", "after": "after", "since": "after", "following": "after",
    "as": "on",
}  # fmt: skip
"""A preposition before a timex → how the record's time relates to it (``as of June``: on)."""


def timex_roots(doc: Doc, timexes: Sequence[Timex]) -> dict[int, Timex]:
    """Token index of each datable timex's syntactic root → the timex (durations are left out,
    but for one that reaches a date, ``three days later``)."""
    roots: dict[int, Timex] = {}
    for timex in timexes:
        span = _covered(doc, timex) if timex_to_edtf(timex) is not None else None
        if span is None:
            continue
        head = span.root.head
        if timex.end_value is not None and _opens_a_clause(head):
            # ``signed [two years] after the war began``: the stretch dates what the clause it
            # opens hangs on, not the clause's own verb (the war began in 2003)
            roots.setdefault(head.i, timex)
            continue
        roots.setdefault(span.root.i, timex)
        if timex.end_value is not None and head.i == span.end:
            # ``[two days] later``: the signal word after the stretch carries the time
            roots.setdefault(span.end, timex)
    return roots


def timex_root(doc: Doc, timex: Timex) -> Token | None:
    """The syntactic root of the tokens ``timex`` covers, or None where it covers none."""
    span = _covered(doc, timex)
    return span.root if span is not None else None


def _covered(doc: Doc, timex: Timex) -> SpacySpan | None:
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _opens_a_clause(verb: Token) -> bool:
    """An adverbial clause opened by ``after`` or ``before`` (``after the war began``)."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("after", "before") for c in verb.children
    )


def _time_at(head: Token, roots: dict[int, Timex]) -> tuple[Relation, Timex] | None:
    for child in head.children:
        if child.i in roots and child.dep_ in ("npadvmod", "tmod", "obl", "advmod", "nmod"):
            return "on", roots[child.i]
        if child.i in roots and child.dep_ == "advcl" and roots[child.i].type == "DURATION":
            return "on", roots[child.i]  # ``signed two years after the war began in 2003``
        if child.dep_ in ("prep", "agent"):
            for obj in child.children:
                if obj.i in roots:
                    return _TIME_RELATIONS.get(child.lower_, "on"), roots[obj.i]
                if obj.dep_ == "prep" and child.lower_ == "as":  # ``as of June 1``
                    found = next((o for o in obj.children if o.i in roots), None)
                    if found is not None:
                        return "on", roots[found.i]
        if child.dep_ in ("pobj", "dobj", "prep", "npadvmod"):
            for grandchild in child.children:
                if grandchild.i in roots and grandchild.dep_ in ("npadvmod", "appos", "nmod"):
                    return "on", roots[grandchild.i]
    return None


_SETTING_PREPS = frozenset({"in", "during", "amid", "amidst"})
"""Prepositions of the occasion a record happened in (``killed in an attack on Tuesday``)."""


def _setting_time(head: Token, roots: dict[int, Timex]) -> tuple[Relation, Timex] | None:
    """The time of the occasion ``head`` happened in: ``wounded in an attack [on Tuesday]``."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in _SETTING_PREPS:
            for occasion in prep.children:
                if occasion.dep_ == "pobj" and occasion.i not in roots:
                    found = _time_at(occasion, roots)
                    if found is not None:
                        return found
    return None


def stated_time(chain: Iterable[Token], roots: dict[int, Timex]) -> tuple[EventTime, Timex] | None:
    """The time attached to the first token of ``chain`` that has one, with its timex; else
    the time of the occasion one of them happened in (``killed in an attack on Tuesday``)."""
    heads = list(chain)
    found = next((f for h in heads if (f := _time_at(h, roots)) is not None), None)
    if found is None:
        found = next((f for h in heads if (f := _setting_time(h, roots)) is not None), None)
    if found is None:
        return None
    relation, timex = found
    if timex.type == "DURATION":
        relation = "on"  # ``signed [two years] after ... March 2003``: on the day it reaches
    value = timex_to_edtf(timex) or ""
    if value.startswith("..") or value.endswith(".."):
        relation = "before" if value.startswith("..") else "after"
    else:
        value = edtf_for_relation(value, relation)
    if relation == "during" and len(value) == 10:
        relation = "on"
    return EventTime(relation, value, timex.id), timex
