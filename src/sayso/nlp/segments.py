"""Parse very long texts in pieces, so a worker's memory does not follow the longest article.

spaCy's tagger and parser hold working arrays for every token of a text at once: a 49,000
character article (10,000 tokens) took a worker from 174 MiB to 367 MiB for its parse alone.
Parsed in paragraph-aligned pieces of at most ``SEGMENT_CHARS`` characters, one piece at a time,
and joined with ``Doc.from_docs``, the same article peaks at about the size of one piece. The
pieces end at paragraph breaks, where a sentence ends anyway, and the small model's windows
reach only a few tokens, so tags, parses and entities stay those of the whole text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SEGMENT_CHARS = 8_000
"""Most characters parsed at once within one long text: about the size of a 4-article batch
that peaked at 440 MiB per worker on the benchmark texts (``pipeline.BATCH_CHARS`` is twice
this, but a batch of several articles rarely comes near it). Texts up to this long are parsed
whole."""

_BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"(?<=[.!?])\s+"))
"""Where a piece may end, best first: after a blank line, after a line break, after a
sentence's final mark; a text with none of them in reach is cut after any whitespace."""

_ANY_SPACE = re.compile(r"\s+")


def segment_bounds(text: str, max_chars: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """``[start, end)`` pieces that cover ``text`` exactly, each at most ``max_chars`` long
    where the text allows, each ending just after a break (the break's whitespace stays with
    the piece before it, so every piece but the first starts on a non-space character)."""
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        end = _piece_end(text, start, start + max_chars)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _piece_end(text: str, start: int, limit: int) -> int:
    """The end of the piece that starts at ``start``: after the last break before ``limit``
    of the best kind found in the second half of the allowed length (a piece should not be
    tiny because one break came early), else at ``limit``."""
    floor = start + (limit - start) // 2
    for pattern in (*_BREAKS, _ANY_SPACE):
        ends = [m.end() for m in pattern.finditer(text, floor, limit) if m.end() < limit]
        if ends:
            return ends[-1]
    return limit


def parse_long(nlp: Language, text: str, max_chars: int = SEGMENT_CHARS) -> Doc:
    """``nlp(text)``, made one piece at a time when the text is longer than ``max_chars``."""
    from spacy.tokens import Doc

    bounds = segment_bounds(text, max_chars)
    if len(bounds) == 1:
        return nlp(text)
    pieces = [nlp(text[start:end]) for start, end in bounds]
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    if doc.text != text:  # joined pieces must give back the text exactly, or spans would move
        return nlp(text)
    return doc
