"""Stands a noun or adjective takes on its prepositional object ("his opposition to the plan",
"critical of the deal"): the candidate pairs and their holders on hand-built parses, the
phrase scorer, and the statements the shipped model reads off hand-written sentences."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from sayso.statements.cue_model import PhraseModel, load_cue_model, phrase_heads
from sayso.statements.lexicons import load_lexicons
from sayso.statements.reported import candidate_pairs

_VOCAB = English().vocab
_LEMMAS = {"is": "be", "faced": "face", "grew": "grow"}


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A parsed Doc from (word, head index, dependency, part of speech, tag) rows."""
    words = [word for word, _, _, _, _ in rows]
    return Doc(
        _VOCAB,
        words=words,
        spaces=[i < len(words) - 2 for i in range(len(words))],
        heads=[head for _, head, _, _, _ in rows],
        deps=[dep for _, _, dep, _, _ in rows],
        pos=[pos for _, _, _, pos, _ in rows],
        tags=[tag for _, _, _, _, tag in rows],
        lemmas=[_LEMMAS.get(word.lower(), word.lower()) for word in words],
    )


def _critical() -> Doc:
    # "Ruiz is critical of the deal."
    return _doc(
        [
            ("Ruiz", 1, "nsubj", "PROPN", "NNP"),
            ("is", 1, "ROOT", "AUX", "VBZ"),
            ("critical", 1, "acomp", "ADJ", "JJ"),
            ("of", 2, "prep", "ADP", "IN"),
            ("the", 5, "det", "DET", "DT"),
            ("deal", 3, "pobj", "NOUN", "NN"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )


def _opposition() -> Doc:
    # "Her opposition to the plan grew."
    return _doc(
        [
            ("Her", 1, "poss", "PRON", "PRP$"),
            ("opposition", 5, "nsubj", "NOUN", "NN"),
            ("to", 1, "prep", "ADP", "IN"),
            ("the", 4, "det", "DET", "DT"),
            ("plan", 2, "pobj", "NOUN", "NN"),
            ("grew", 5, "ROOT", "VERB", "VBD"),
            (".", 5, "punct", "PUNCT", "."),
        ]
    )


def _faced() -> Doc:
    # "Ruiz faced criticism of the deal."
    return _doc(
        [
            ("Ruiz", 1, "nsubj", "PROPN", "NNP"),
            ("faced", 1, "ROOT", "VERB", "VBD"),
            ("criticism", 1, "dobj", "NOUN", "NN"),
            ("of", 2, "prep", "ADP", "IN"),
            ("the", 5, "det", "DET", "DT"),
            ("deal", 3, "pobj", "NOUN", "NN"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )


def _stands(doc: Doc, words: set[str]) -> list[tuple[str, str, str, str | None]]:
    return [
        (cue.text, relation, phrase.text, holder.text if holder is not None else None)
        for cue, relation, phrase, holder in candidate_pairs(doc, None, load_lexicons(), words)
        if relation.startswith("pp:")
    ]


def test_an_adjective_takes_a_stand_held_by_the_subject_of_its_copula() -> None:
    assert _stands(_critical(), {"a:critical"}) == [("critical", "pp:of", "deal", "Ruiz")]


def test_a_noun_takes_a_stand_held_by_its_possessor() -> None:
    assert _stands(_opposition(), {"n:opposition"}) == [("opposition", "pp:to", "plan", "Her")]


def test_who_faces_a_stand_does_not_hold_it() -> None:
    assert _stands(_faced(), {"n:criticism"}) == [("criticism", "pp:of", "deal", None)]


def test_stands_are_built_only_for_the_words_asked_for() -> None:
    # no set: the clause pairs alone, as the clause scorer was trained on
    assert not [r for _, r, _, _ in candidate_pairs(_critical()) if r.startswith("pp:")]
    assert _stands(_critical(), {"n:opposition"}) == []
    assert _stands(_opposition(), {"a:critical"}) == []


def test_the_phrase_scorer_scores_only_words_with_a_positive_weight() -> None:
    weights = {"lemma=n:opposition": 1.2, "lemma=n:president": -2.0, "prep=to": 0.5}
    assert phrase_heads(weights) == frozenset({"n:opposition"})
    # a noun of saying the model has no weight for is scored on the rest of its features
    assert phrase_heads(weights, ["denial", "president"]) == frozenset({"n:opposition", "n:denial"})
    model = PhraseModel(bias=-1.0, weights=weights, threshold=0.3, heads=phrase_heads(weights))
    assert model.probability(["lemma=n:opposition", "prep=to"]) == pytest.approx(0.6681, abs=1e-4)


def test_the_shipped_model_has_a_phrase_scorer() -> None:
    model = load_cue_model()
    assert model is not None
    assert model.phrases is not None
    assert 0.0 < model.phrases.threshold < 1.0
    assert "n:opposition" in model.phrases.heads


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "Senator Ana Ruiz has been sharply critical of the trade deal since March.",
            "critical of",
            "the trade deal",
            "Senator Ana Ruiz",
        ),
        (
            "Mayor Tom Hale's opposition to the stadium plan has not changed.",
            "opposition to",
            "the stadium plan",
            "Mayor Tom Hale's",
        ),
        (
            "The council has long been skeptical of the stadium plan.",
            "skeptical of",
            "the stadium plan",
            "The council",
        ),
        (
            "Governor Lee's call for a recount angered the campaign.",
            "call for",
            "a recount",
            "Governor Lee's",
        ),
    ],
)
def test_a_stand_is_an_attitude_with_its_holder(  # type: ignore[no-untyped-def]
    nlp, text: str, cue: str, content: str, speaker: str
) -> None:
    from sayso.statements import extract_statements

    statements = extract_statements(nlp(text))
    found = [s for s in statements if s.cue is not None and s.cue.text == cue]
    assert len(found) == 1, [(s.kind, s.cue) for s in statements]
    statement = found[0]
    assert statement.kind == "attitude"
    assert [piece.text for piece in statement.content] == [content]
    assert statement.speaker is not None
    assert statement.speaker.text == speaker


@pytest.mark.slow
def test_a_stand_inside_a_quotation_is_the_quoted_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    from sayso.statements import extract_statements

    text = 'Voters "will have a different view of the race after tonight," Ruiz said.'
    statements = extract_statements(nlp(text))
    assert not [s for s in statements if s.cue is not None and s.cue.text == "view of"]


def test_a_phrase_dating_the_stand_is_not_what_it_is_on() -> None:
    from sayso.statements.reported import _undated_end

    # "Ruiz is critical of the deal since March ." with "since March" hung from "deal"
    doc = _doc(
        [
            ("Ruiz", 1, "nsubj", "PROPN", "NNP"),
            ("is", 1, "ROOT", "AUX", "VBZ"),
            ("critical", 1, "acomp", "ADJ", "JJ"),
            ("of", 2, "prep", "ADP", "IN"),
            ("the", 5, "det", "DET", "DT"),
            ("deal", 3, "pobj", "NOUN", "NN"),
            ("since", 5, "prep", "ADP", "IN"),
            ("March", 6, "pobj", "PROPN", "NNP"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    doc.ents = [doc.char_span(doc[7].idx, doc[7].idx + len(doc[7]), label="DATE")]
    assert _undated_end(doc[5]) == 5
    doc.ents = []
    assert _undated_end(doc[5]) == 7  # not a date: part of what the stand is on


@pytest.mark.slow
def test_a_verb_that_reports_the_stand_keeps_it(nlp) -> None:  # type: ignore[no-untyped-def]
    from sayso.statements import extract_statements

    text = "Mayor Tom Hale renewed his opposition to the stadium plan on Monday."
    cues = [s.cue.text for s in extract_statements(nlp(text)) if s.cue is not None]
    assert cues == ["renewed"]
