"""A sentence never runs over a line break, whatever the parser would make of the words."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import spacy

from sayso.nlp.breaks import COMPONENT, add_line_breaks, sentences_end_at_line_breaks

if TYPE_CHECKING:
    from spacy.language import Language

TEXT = (
    'She called it "pure fiction" in a post on X.\n\n'
    "The report, published by Politico, said she had told donors she lacked the money."
)


def test_the_word_after_a_line_break_starts_a_sentence_in_a_hand_built_doc() -> None:
    doc = spacy.blank("en")(TEXT)
    sentences_end_at_line_breaks(doc)
    starts = [token.text for token in doc[1:] if token.is_sent_start]
    assert starts == ["The"]
    assert all(token.is_sent_start is None for token in doc[1:] if token.text != "The")


def test_a_text_of_one_token_is_left_alone() -> None:
    doc = spacy.blank("en")("\n")
    assert sentences_end_at_line_breaks(doc) is doc


def test_the_component_goes_before_the_parser_once() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("parser")
    add_line_breaks(add_line_breaks(nlp))
    assert nlp.pipe_names == [COMPONENT, "parser"]


@pytest.mark.slow
def test_the_parsed_paragraphs_are_two_sentences(nlp: Language) -> None:
    doc = nlp(TEXT)
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0].endswith("in a post on X.")
    assert sentences[1].startswith("The report, published by Politico")
