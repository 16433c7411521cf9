"""Token indices read from a Doc's attribute arrays match a walk over its tokens."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sayso.nlp.columns import sentence_numbers, with_pos


def _doc() -> Doc:
    words = ["She", "said", "the", "port", "reopened", ".", "Boats", "left", "Oslo", "."]
    pos = ["PRON", "VERB", "DET", "NOUN", "VERB", "PUNCT", "NOUN", "VERB", "PROPN", "PUNCT"]
    starts = [True, False, False, False, False, False, True, False, False, False]
    return Doc(Vocab(), words=words, pos=pos, sent_starts=starts)


def test_with_pos_picks_the_words_of_those_parts_of_speech() -> None:
    doc = _doc()
    assert with_pos(doc, "NOUN") == [t.i for t in doc if t.pos_ == "NOUN"] == [3, 6]
    assert with_pos(doc, "PRON", "PROPN") == [0, 8]
    assert with_pos(doc, "ADJ") == []
    assert with_pos(Doc(Vocab(), words=[]), "NOUN") == []


def test_sentence_numbers_count_sentences_from_zero() -> None:
    doc = _doc()
    assert sentence_numbers(doc) == [0] * 6 + [1] * 4
    assert sentence_numbers(Doc(Vocab(), words=[])) == []
