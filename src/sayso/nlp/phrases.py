"""Where a noun phrase ends, read from the dependency parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


def comma_before_relative(doc: Doc, head: int, last: int) -> int | None:
    """The index of the comma that sets off a relative clause in the words after ``head`` up
    to ``last`` ("a senior official at the operator, who asked not to be named"), or None.

    A relative clause set off by a comma adds to a phrase rather than telling whom it means,
    and the parser often hangs it from the nearer noun ("operator") instead of the phrase's
    head, so a phrase that should end before it runs on through it.
    """
    for token in doc[head + 1 : last + 1]:
        edge = token.left_edge.i
        if token.dep_ == "relcl" and edge > head + 1 and doc[edge - 1].text == ",":
            return edge - 1
    return None
