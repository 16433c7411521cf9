"""Parenthetical cues on hand-built parses: a verb of telling set off inside the sentence it
reports, with whom it addresses as its object ("The solution, the partner told them, was
simple")."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from sayso.statements.lexicons import load_lexicons
from sayso.statements.reported import find_reported

_VOCAB = English().vocab
_LEMMAS = {"told": "tell", "was": "be"}


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A parsed Doc from (word, head index, dependency, part of speech, tag) rows."""
    words = [word for word, _, _, _, _ in rows]
    return Doc(
        _VOCAB,
        words=words,
        spaces=[i < len(words) - 2 and rows[i + 1][0] not in (",", ".") for i in range(len(words))],
        heads=[head for _, head, _, _, _ in rows],
        deps=[dep for _, _, dep, _, _ in rows],
        pos=[pos for _, _, _, pos, _ in rows],
        tags=[tag for _, _, _, _, tag in rows],
        lemmas=[_LEMMAS.get(word.lower(), word.lower()) for word in words],
    )


def _told(addressed: tuple[str, str, str]) -> Doc:
    # "The solution, the partner told <addressed>, was simple."
    word, pos, tag = addressed
    return _doc(
        [
            ("The", 1, "det", "DET", "DT"),
            ("solution", 8, "nsubj", "NOUN", "NN"),
            (",", 8, "punct", "PUNCT", ","),
            ("the", 4, "det", "DET", "DT"),
            ("partner", 5, "nsubj", "NOUN", "NN"),
            ("told", 8, "parataxis", "VERB", "VBD"),
            (word, 5, "dobj", pos, tag),
            (",", 8, "punct", "PUNCT", ","),
            ("was", 8, "ROOT", "AUX", "VBD"),
            ("simple", 8, "acomp", "ADJ", "JJ"),
            (".", 8, "punct", "PUNCT", "."),
        ]
    )


def test_a_set_off_telling_reports_the_sentence_around_it() -> None:
    doc = _told(("them", "PRON", "PRP"))
    found = [r for r in find_reported(doc, load_lexicons()) if doc[r.cue_token].text == "told"]
    assert len(found) == 1
    assert [doc.text[start:end] for start, end in found[0].pieces] == ["The solution", "was simple"]
    assert found[0].subject == 4  # the partner


def test_what_is_told_is_no_addressee() -> None:
    # "The solution, the partner told a story, was simple.": a story is told, not addressed
    doc = _told(("story", "NOUN", "NN"))
    told = [r for r in find_reported(doc, load_lexicons()) if doc[r.cue_token].text == "told"]
    assert not any("simple" in doc.text[r.content[0] : r.content[1]] for r in told)
