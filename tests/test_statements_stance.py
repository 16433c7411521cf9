"""Stance rules on hand-written sentences (no parser needed)."""

from __future__ import annotations

from sayso.statements.lexicons import load_lexicons
from sayso.statements.stance import stance_of, verdict


def test_verdict_sentence_disputes() -> None:
    text = "This is a baseless conspiracy theory."
    found = verdict(text, (0, len(text)), load_lexicons())
    assert found is not None
    label, (start, end) = found
    assert label == "disputed"
    assert text[start:end] in ("baseless", "conspiracy theory")


def test_verdict_sentence_endorses_and_negated_endorsement_disputes() -> None:
    lexicons = load_lexicons()
    accurate = "This is an accurate account."
    assert verdict(accurate, (0, len(accurate)), lexicons) == ("endorsed", (11, 19))
    negated = "That is not true."
    found = verdict(negated, (0, len(negated)), lexicons)
    assert found is not None
    assert found[0] == "disputed"


def test_sentence_not_about_the_statement_is_no_verdict() -> None:
    text = "Officials said the bridge was false work."
    assert verdict(text, (0, len(text)), load_lexicons()) is None


def test_hedge_in_cue_sentence() -> None:
    text = "He reportedly said the deal was done."
    stance = stance_of(
        text, frame=[(0, 17)], cue=(14, 18), following=None, lexicons=load_lexicons()
    )
    assert stance.label == "hedged"
    assert [c.text for c in stance.cues] == ["reportedly"]


def test_neutral_cue_names_the_cue() -> None:
    text = "She said the deal was done."
    stance = stance_of(text, frame=[(0, 8)], cue=(4, 8), following=None, lexicons=load_lexicons())
    assert stance.label == "neutral"
    assert stance.cues[0].text == "said"
    assert stance.rule == "neutral-cue"
