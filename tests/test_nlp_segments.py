"""Long texts are parsed in paragraph-aligned pieces and joined back exactly."""

from __future__ import annotations

import itertools

import pytest

from sayso.nlp.segments import parse_long, segment_bounds

PARAGRAPH = (
    "The minister said on Tuesday that the talks would resume. Officials in the capital "
    "declined to comment, and the opposition called the plan a distraction."
)


def _long_text(paragraphs: int) -> str:
    return "\n\n".join(f"{PARAGRAPH} (Part {i}.)" for i in range(paragraphs)) + "\n"


def test_pieces_cover_the_text_exactly_and_end_after_blank_lines() -> None:
    text = _long_text(40)
    bounds = segment_bounds(text, 1_000)
    assert bounds[0][0] == 0
    assert bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(end - start <= 1_000 for start, end in bounds)
    assert all(text[start - 2 : start] == "\n\n" for start, _ in bounds[1:])
    assert len(bounds) > 5


def test_a_short_text_is_one_piece() -> None:
    assert segment_bounds("One line.", 1_000) == [(0, 9)]


def test_without_line_breaks_pieces_end_after_sentences_then_spaces() -> None:
    sentences = " ".join([PARAGRAPH] * 20)
    for start, _ in segment_bounds(sentences, 500)[1:]:
        assert sentences[start - 2 : start] == ". "
    words = "word " * 400
    bounds = segment_bounds(words, 300)
    assert all(words[start - 1] == " " for start, _ in bounds[1:])
    unbroken = "x" * 1_000
    assert segment_bounds(unbroken, 300) == [(0, 300), (300, 600), (600, 900), (900, 1_000)]


def test_max_chars_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        segment_bounds("text", 0)


@pytest.mark.slow
def test_a_long_text_parsed_in_pieces_keeps_its_text_tokens_and_sentences() -> None:
    from sayso.nlp.loader import load_model

    nlp = load_model()
    text = _long_text(30)
    whole = nlp(text)
    pieced = parse_long(nlp, text, 1_500)
    assert len(segment_bounds(text, 1_500)) > 3
    assert pieced.text == text
    assert [t.idx for t in pieced] == [t.idx for t in whole]
    assert [s.start_char for s in pieced.sents] == [s.start_char for s in whole.sents]
    assert [(e.start_char, e.label_) for e in pieced.ents] == [
        (e.start_char, e.label_) for e in whole.ents
    ]
