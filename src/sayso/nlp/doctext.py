"""The text of a spaCy Doc, joined once per Doc.

``Doc.text`` joins every token's text on each read: about 0.3 ms for an 800-word article,
read a dozen times per article by the stages and once per item by some (quantities, name
parts). :func:`doc_text` keeps the joined text in the Doc's ``user_data``; a Doc's text never
changes after it is made (merging or splitting tokens keeps it), so the copy stays right.
The pipeline drops it (:func:`forget_text`) once its stages are done, so that a Doc handed
back to a caller (``nlp.add_pipe("sayso")``) carries no key spaCy does not know, which
``Doc.from_docs`` would warn about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "sayso.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined on the first call for ``doc`` and kept for the next ones."""
    kept = doc.user_data.get(_KEY)
    if isinstance(kept, str):
        return kept
    text: str = doc.text
    doc.user_data[_KEY] = text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Keep ``text``, the string ``doc`` was parsed from, as what :func:`doc_text` gives for
    ``doc``, saving the join: spaCy's tokenizer keeps every character, so ``doc.text`` is
    ``text``. Nothing is kept unless the last token ends where ``text`` does."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data[_KEY] = text


def forget_text(doc: Doc) -> None:
    """Drop the text :func:`doc_text` kept for ``doc``, if any."""
    doc.user_data.pop(_KEY, None)
