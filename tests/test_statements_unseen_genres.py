"""Speakers, chains and reported speech in news genres the earlier probes did not cover: a court
report, an obituary, a select-committee hearing, a match report, a recall notice, a leaked-memo
story and conflict copy relayed by state media. Hand-written sentences, not taken from any
article."""

from __future__ import annotations

import pytest

from sayso.records import Entity, Mention, Statement
from sayso.statements import extract_statements

pytestmark = pytest.mark.slow


def _analysed(
    nlp, text: str, outlet: str | None = "The Daily Ledger"
) -> tuple[tuple[Statement, ...], tuple[Mention, ...], tuple[Entity, ...]]:  # type: ignore[no-untyped-def]
    from sayso.entities.resolve import resolve_entities

    doc = nlp(text)
    mentions, entities = resolve_entities(doc)
    statements = extract_statements(doc, mentions=mentions, entities=entities, outlet=outlet)
    return statements, mentions, entities


def _holding(statements: tuple[Statement, ...], words: str) -> Statement:
    holding = [
        s
        for s in statements
        if s.kind != "own_voice" and any(words in piece.text for piece in s.content)
    ]
    assert holding, f"no statement holds {words!r}"
    return min(holding, key=lambda s: sum(len(piece.text) for piece in s.content))


def _hops(statement: Statement) -> list[str]:
    return [hop.text.removeprefix("the ").removeprefix("The ") for hop in statement.chain]


def test_a_name_before_postnominal_letters_is_the_subject_a_she_looks_back_to(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser heads "Maria Lindgren KC" with "KC": the name is still the clause's subject,
    # the salient antecedent of the "she" that follows, not an unnamed person named earlier.
    text = (
        "A former finance director at a city hospital misled auditors about missing funds, a "
        "jury has heard.\n\nPaul Hendry, 61, denies two counts of fraud.\n\n"
        "Opening the case for the prosecution on Monday, Maria Lindgren KC told jurors that "
        "Mr Hendry had moved the money into a private account.\n\n"
        '"This was a deliberate deception," she said.'
    )
    statements, _, _ = _analysed(nlp, text)
    quote = _holding(statements, "This was a deliberate deception")
    assert _hops(quote)[-1] == "Maria Lindgren"


def test_a_family_name_stays_with_the_person_not_the_relative_named_after(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Joan Penrose, the botanist who mapped the orchids of Borneo, has died at 88.\n\n"
        '"She never stopped working," her son, David Penrose, said.\n\n'
        "In 1975 Penrose led the first survey of the island's cloud forests."
    )
    _, mentions, entities = _analysed(nlp, text)
    joan = next(e for e in entities if e.name == "Joan Penrose")
    short = next(m for m in mentions if m.span.text == "Penrose")
    assert short.entity_id == joan.id
