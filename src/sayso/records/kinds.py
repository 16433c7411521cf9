"""Which statements a view of claims lists: one rule for every such view.

A record keeps every statement sayso finds (``Statement.kind``). A reader checking who said
what wants the claims: ``direct`` and ``partial`` quotes and ``indirect`` reported speech. An
``attitude`` (an aim, a request, a judgement, a wish, a negated or unrealised saying: "the
airline hopes to resume flights", "she did not say that ...") is kept in the record, because
PolNeAR annotates such pairs as attributions, but is listed only on request; the outlet's own
sentences (``own_voice``) are never listed among attributed statements.

The terminal, CSV and JSON views of ``sayso quotes``, the report of ``sayso analyze`` (text,
Markdown, HTML), the web article page and statement lists, the API's statement list, corpus
claim groups and ClaimReview export all read :func:`listed_kinds` or :func:`listed`.
"""

from __future__ import annotations

from collections.abc import Iterable

from sayso.records.model import Statement, StatementKind

CLAIM_KINDS: frozenset[StatementKind] = frozenset({"direct", "partial", "indirect"})
"""Kinds that state a claim: quotes, and reported speech that says what is so."""
ATTRIBUTED_KINDS: frozenset[StatementKind] = CLAIM_KINDS | {"attitude"}
"""Every kind attributed to someone other than the outlet."""


def listed_kinds(*, attitudes: bool = False) -> frozenset[StatementKind]:
    """The kinds a claim view lists: the claims, and the attitudes when asked for."""
    return ATTRIBUTED_KINDS if attitudes else CLAIM_KINDS


def is_claim(statement: Statement) -> bool:
    """Whether ``statement`` states a claim (a quote or reported speech of what is so)."""
    return statement.kind in CLAIM_KINDS


def listed(statements: Iterable[Statement], *, attitudes: bool = False) -> list[Statement]:
    """The statements a claim view lists, in their order: claims, and attitudes when asked."""
    kinds = listed_kinds(attitudes=attitudes)
    return [statement for statement in statements if statement.kind in kinds]
