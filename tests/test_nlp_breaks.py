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


def test_a_lowercase_word_after_an_abbreviation_carries_the_sentence_on() -> None:
    doc = spacy.blank("en")("Crews arrived at 9:40 p.m. after a call, firefighters said.")
    sentences_end_at_line_breaks(doc)
    after = next(token for token in doc if token.text == "after")
    assert doc[after.i - 1].text == "p.m."
    assert after.is_sent_start is False


@pytest.mark.parametrize(
    "text", ["Crews arrived at 9:40 p.m. The fire was out by midnight.", "She left at 9 p.m.\nthen"]
)
def test_a_capital_or_a_line_break_after_an_abbreviation_is_left_to_the_parser(
    text: str,
) -> None:
    doc = spacy.blank("en")(text)
    sentences_end_at_line_breaks(doc)
    assert all(token.is_sent_start is not False for token in doc)
