"""The learned content bounds: candidates, limits and scoring on hand-built parses, and the
shipped model on hand-written sentences."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from sayso.statements.span_model import (
    SpanModel,
    TokenTable,
    end_candidates,
    load_span_model,
    refined_content,
    start_candidates,
    statement_frame,
)

_VOCAB = English().vocab


def _doc(rows: list[tuple[str, int, str, str]]) -> Doc:
    """A parsed Doc from (word, head index, dependency, part of speech) rows; every word
    but the last two is followed by a space."""
    words = [word for word, _, _, _ in rows]
    return Doc(
        _VOCAB,
        words=words,
        spaces=[i < len(words) - 2 for i in range(len(words))],
        heads=[head for _, head, _, _ in rows],
        deps=[dep for _, _, dep, _ in rows],
        pos=[pos for _, _, _, pos in rows],
        lemmas=[word.lower().removesuffix("d") for word in words],
    )


def _criticized() -> Doc:
    # "Officials criticized the plan for its cost on Monday."
    return _doc(
        [
            ("Officials", 1, "nsubj", "NOUN"),
            ("criticized", 1, "ROOT", "VERB"),
            ("the", 3, "det", "DET"),
            ("plan", 1, "dobj", "NOUN"),
            ("for", 1, "prep", "ADP"),
            ("its", 6, "poss", "PRON"),
            ("cost", 4, "pobj", "NOUN"),
            ("on", 1, "prep", "ADP"),
            ("Monday", 7, "pobj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )


def _chars(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last].idx + len(doc[last])


def _model(**weights: dict[str, float]) -> SpanModel:
    return SpanModel(
        start_weights=weights.get("start", {}),
        end_weights=weights.get("end", {}),
        front_weights=weights.get("front", {}),
        kinds=frozenset({"indirect", "attitude"}),
    )


def _text(doc: Doc, pieces: list[tuple[int, int]]) -> list[str]:
    return [doc.text[start:end] for start, end in pieces]


def test_token_table_reads_sentences_and_punctuation() -> None:
    doc = _criticized()
    table = TokenTable(doc)
    assert table.heads[6] == 4
    assert table.sentence_start(5) == 0
    assert table.sentence_end(5) == 9
    assert table.trimmed(9)
    assert not table.trimmed(8)
    assert table.word(4) == "for"  # closed-class words are shown as themselves
    assert table.word(3) == "NOUN"  # others by their part of speech
    assert table.word(None) == "NONE"


def test_candidates_end_phrases_and_keep_the_rules_bounds() -> None:
    doc = _criticized()
    framed = statement_frame(TokenTable(doc), _chars(doc, 1, 1), [_chars(doc, 2, 8)], "attitude")
    assert framed is not None
    frame, window = framed
    assert (frame.first, frame.last, frame.side) == (2, 8, "after-cue")
    assert window.start_low == 2  # never across the cue
    ends = end_candidates(frame, window.end_low, window.end_high)
    assert {3, 6, 8} <= set(ends)
    assert 9 not in ends  # the full stop is trimmed by the scorer, never a last word
    assert 2 in start_candidates(frame, window.start_low, window.start_high)


def test_a_model_that_stops_before_a_time_phrase_drops_it() -> None:
    doc = _criticized()
    model = _model(end={"after=on": 2.0})
    pieces = refined_content(
        model, TokenTable(doc), _chars(doc, 1, 1), [_chars(doc, 2, 8)], "attitude"
    )
    assert _text(doc, pieces) == ["the plan for its cost"]


def test_kinds_the_model_does_not_move_keep_the_rules_bounds() -> None:
    doc = _criticized()
    model = _model(end={"after=on": 2.0})
    content = [_chars(doc, 2, 8)]
    assert refined_content(model, TokenTable(doc), _chars(doc, 1, 1), content, "direct") == content


def test_with_no_weights_the_rules_bounds_win_the_ties() -> None:
    doc = _criticized()
    content = [_chars(doc, 2, 8)]
    assert refined_content(_model(), TokenTable(doc), _chars(doc, 1, 1), content, "attitude") == (
        content
    )


def _failed() -> Doc:
    # "The old plan failed, officials said."
    return _doc(
        [
            ("The", 2, "det", "DET"),
            ("old", 2, "amod", "ADJ"),
            ("plan", 3, "nsubj", "NOUN"),
            ("failed", 6, "ccomp", "VERB"),
            (",", 6, "punct", "PUNCT"),
            ("officials", 6, "nsubj", "NOUN"),
            ("said", 6, "ROOT", "VERB"),
            (".", 6, "punct", "PUNCT"),
        ]
    )


def test_a_floor_holds_the_start_back() -> None:
    doc = _failed()
    model = _model(start={"word=the": 3.0})
    cue, content = _chars(doc, 6, 6), [_chars(doc, 1, 3)]
    assert _text(doc, refined_content(model, TokenTable(doc), cue, content, "indirect")) == [
        "The old plan failed"
    ]
    # A dateline or another statement's cue ends at token 1: nothing before it is taken.
    held = refined_content(model, TokenTable(doc), cue, content, "indirect", floor=1)
    assert _text(doc, held) == ["old plan failed"]


def _harbour() -> Doc:
    # "Officials criticized the plan for the new harbour."
    return _doc(
        [
            ("Officials", 1, "nsubj", "NOUN"),
            ("criticized", 1, "ROOT", "VERB"),
            ("the", 3, "det", "DET"),
            ("plan", 1, "dobj", "NOUN"),
            ("for", 3, "prep", "ADP"),
            ("the", 7, "det", "DET"),
            ("new", 7, "amod", "ADJ"),
            ("harbour", 4, "pobj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )


def test_a_ceiling_holds_the_end_back() -> None:
    doc = _harbour()
    grow = _model(end={"after=.": 3.0})
    cue, content = _chars(doc, 1, 1), [_chars(doc, 2, 3)]
    table = TokenTable(doc)
    assert _text(doc, refined_content(grow, table, cue, content, "attitude")) == [
        "the plan for the new harbour"
    ]
    # Another statement's cue starts at token 6: the end stays before it.
    held = refined_content(grow, table, cue, content, "attitude", ceiling=5)
    assert _text(doc, held) == ["the plan"]


def test_kept_words_stay_inside() -> None:
    doc = _harbour()
    shrink = _model(end={"after=NOUN": 3.0})
    cue, content = _chars(doc, 1, 1), [_chars(doc, 2, 7)]
    table = TokenTable(doc)
    assert _text(doc, refined_content(shrink, table, cue, content, "attitude")) == [
        "the plan for the new"
    ]
    # Another statement's cue is "harbour", inside the content: the end may not leave it out.
    kept = refined_content(shrink, table, cue, content, "attitude", kept=(7, 7))
    assert _text(doc, kept) == ["the plan for the new harbour"]


def test_the_end_never_grows_over_a_phrase_of_the_cue() -> None:
    doc = _criticized()
    grow = _model(end={"word=PROPN": 3.0})
    pieces = refined_content(
        grow, TokenTable(doc), _chars(doc, 1, 1), [_chars(doc, 2, 6)], "attitude"
    )
    assert _text(doc, pieces) == ["the plan for its cost"]  # "on Monday" hangs from the cue


def test_a_clause_keeps_its_verb() -> None:
    # "He said despite rain the match went ahead."
    doc = _doc(
        [
            ("He", 1, "nsubj", "PRON"),
            ("said", 1, "ROOT", "VERB"),
            ("despite", 6, "prep", "SCONJ"),
            ("rain", 2, "pobj", "NOUN"),
            ("the", 5, "det", "DET"),
            ("match", 6, "nsubj", "NOUN"),
            ("went", 1, "ccomp", "VERB"),
            ("ahead", 6, "advmod", "ADV"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    cut = _model(end={"after=the": 5.0})
    content = [_chars(doc, 2, 7)]
    assert refined_content(cut, TokenTable(doc), _chars(doc, 1, 1), content, "indirect") == content


def test_a_subject_before_a_raising_cue_becomes_a_first_piece() -> None:
    # "Trump is expected to speak on Friday."
    doc = _doc(
        [
            ("Trump", 2, "nsubjpass", "PROPN"),
            ("is", 2, "auxpass", "AUX"),
            ("expected", 2, "ROOT", "VERB"),
            ("to", 4, "aux", "PART"),
            ("speak", 2, "xcomp", "VERB"),
            ("on", 4, "prep", "ADP"),
            ("Friday", 5, "pobj", "PROPN"),
            (".", 2, "punct", "PUNCT"),
        ]
    )
    model = _model(front={"role=cue>nsubjpass": 2.0})
    pieces = refined_content(
        model, TokenTable(doc), _chars(doc, 2, 2), [_chars(doc, 3, 6)], "attitude"
    )
    assert _text(doc, pieces) == ["Trump", "to speak on Friday"]


def test_shipped_model_loads_once_and_leaves_direct_quotes_to_their_marks() -> None:
    model = load_span_model()
    assert model is not None
    assert load_span_model() is model
    assert "direct" not in model.kinds
    assert all((model.start_weights, model.end_weights, model.front_weights))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cue", "starts"),
    [
        (
            "The union criticized the company for cutting wages at a meeting on Monday.",
            "criticized",
            "the company for cutting wages",
        ),
        (
            "The minister urged residents to stay indoors in a statement on Sunday.",
            "urged",
            "residents to stay indoors",
        ),
    ],
)
def test_shipped_model_takes_the_cues_object_into_the_content(
    text: str, cue: str, starts: str
) -> None:
    # PolNeAR marks a content by the cue's arguments: whom one criticizes or urges is part
    # of what is said; the rules' clause alone leaves the object out.
    from sayso.nlp.loader import load_model
    from sayso.statements import extract_statements

    statements = extract_statements(load_model()(text))
    statement = next(s for s in statements if s.cue is not None and s.cue.text == cue)
    assert statement.content[0].text.startswith(starts)
