"""A Doc's text is joined once and kept."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sayso.nlp.doctext import doc_text, forget_text, remember_text


def test_doc_text_is_the_docs_text_and_is_kept() -> None:
    doc = Doc(
        Vocab(), words=["The", "mayor", "said", "so", "."], spaces=[True, True, True, False, False]
    )
    first = doc_text(doc)
    assert first == doc.text == "The mayor said so."
    assert doc_text(doc) is first  # the kept string, not a new join


def test_the_text_a_doc_was_parsed_from_is_kept_without_a_join() -> None:
    from sayso.nlp.loader import load_model

    text = "  The mayor said so.\n\nShe left. "
    doc = load_model()(text)
    remember_text(doc, text)
    assert doc_text(doc) is text
    assert doc.text == text
    other = load_model()("The mayor said so.")
    remember_text(other, "The mayor said so!!")  # not where the tokens end: not kept
    assert doc_text(other) == "The mayor said so."


def test_merging_tokens_keeps_the_text() -> None:
    doc = Doc(Vocab(), words=["New", "York", "said", "no"], spaces=[True, True, True, False])
    before = doc_text(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert doc.text == before == doc_text(doc)


def test_forgetting_leaves_user_data_as_it_was() -> None:
    doc = Doc(Vocab(), words=["Officials", "said", "so"], spaces=[True, True, False])
    doc_text(doc)
    forget_text(doc)
    assert doc.user_data == {}
    forget_text(doc)  # nothing kept: nothing to do


def test_the_pipeline_leaves_no_kept_text_on_its_docs() -> None:
    from sayso.nlp.loader import load_model

    nlp = load_model()
    nlp.add_pipe("sayso")
    doc = nlp("The mayor said on Monday that the bridge would reopen.")
    assert doc._.sayso.statements
    assert all(isinstance(key, tuple) and key[0] == "._." for key in doc.user_data)
