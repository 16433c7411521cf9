"""Reading statements back in tests: the attributed ones, the one holding some words, the
names of a chain's hops."""

from __future__ import annotations

from sayso.records import Statement


def attributed(statements: tuple[Statement, ...]) -> list[Statement]:
    """The statements someone else is said to have made (every kind but the outlet's own voice)."""
    return [s for s in statements if s.kind != "own_voice"]


def holding(statements: tuple[Statement, ...], words: str) -> Statement:
    """The attributed statement with the shortest content holding ``words`` (fails, naming the
    words, when none does)."""
    found = [s for s in attributed(statements) if any(words in c.text for c in s.content)]
    assert found, f"no statement holds {words!r}"
    return min(found, key=lambda s: sum(len(c.text) for c in s.content))


def hop_names(statement: Statement) -> list[str]:
    """The chain's hops by name, without a leading "the"."""
    return [hop.text.removeprefix("the ").removeprefix("The ") for hop in statement.chain]
