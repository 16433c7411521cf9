"""A Doc's text is joined once and kept."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sayso.nlp.doctext import doc_text


def test_doc_text_is_the_docs_text_and_is_kept() -> None:
    doc = Doc(
        Vocab(), words=["The", "mayor", "said", "so", "."], spaces=[True, True, True, False, False]
    )
    first = doc_text(doc)
    assert first == doc.text == "The mayor said so."
    assert doc_text(doc) is first  # the kept string, not a new join


def test_merging_tokens_keeps_the_text() -> None:
    doc = Doc(Vocab(), words=["New", "York", "said", "no"], spaces=[True, True, True, False])
    before = doc_text(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert doc.text == before == doc_text(doc)
