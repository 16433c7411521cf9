"""Token indices picked from a Doc's attribute arrays.

Walking a Doc (``for token in doc``) builds a Token object per word, and reading
``token.pos_`` looks a string up each time: over the 150-article speed benchmark the stages'
walks built some six million Tokens, a CPU-second and more. Most walks want a small share of
the words (the nouns, the pronouns, the proper nouns NER left out); reading the attribute
columns once with ``Doc.to_array`` finds their indices without building the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


def with_pos(doc: Doc, *labels: str) -> list[int]:
    """The indices of the words whose coarse part of speech is one of ``labels`` ("NOUN")."""
    if not len(doc):
        return []
    wanted = {doc.vocab.strings[label] for label in labels}
    return [i for i, pos in enumerate(doc.to_array("POS").tolist()) if pos in wanted]


def sentence_numbers(doc: Doc) -> list[int]:
    """Per word, the number of its sentence (0 for the first)."""
    numbers: list[int] = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        numbers[sentence.start : sentence.end] = [number] * (sentence.end - sentence.start)
    return numbers
