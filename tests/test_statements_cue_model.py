"""The learned cue scorer: shipped weights, pure-Python scoring, thresholds by relation."""

from __future__ import annotations

import pytest

from sayso.statements.cue_model import CueModel, load_cue_model, pair_features


def test_probability_is_the_logistic_of_summed_weights() -> None:
    model = CueModel(bias=-1.0, weights={"a": 1.0, "b": 2.0}, threshold=0.2, object_threshold=0.4)
    assert model.probability([]) == pytest.approx(0.2689, abs=1e-4)
    assert model.probability(["a", "b", "unseen"]) == pytest.approx(0.8808, abs=1e-4)
    assert model.threshold_for("ccomp") == 0.2
    assert model.threshold_for("dobj") == 0.4
    assert model.threshold_for("prep:for") == 0.4


@pytest.mark.slow
def test_shipped_model_prefers_speech_clauses_over_actions() -> None:
    from sayso.nlp.loader import load_model
    from sayso.statements.reported import candidate_pairs

    model = load_cue_model()
    assert model is not None
    nlp = load_model()

    def best(text: str) -> float:
        pairs = list(candidate_pairs(nlp(text)))
        assert pairs, text
        return max(model.probability(pair_features(*pair)) for pair in pairs)

    said = best("The governor said that the roads would reopen on Friday.")
    passed = best("The senate passed the budget on Friday.")
    assert said >= model.threshold_for("ccomp")
    assert passed < model.threshold_for("dobj")
    assert said > passed


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        'The mayor said "the bridge will reopen" and the council agreed that it would not.',
        "“We are ready,” she said, adding that talks would resume, aides told reporters.",
        "Officials said the road was closed; no one quoted anyone.",
    ],
)
def test_features_with_the_documents_quote_index_are_the_features_without(text: str) -> None:
    from sayso.nlp.loader import load_model
    from sayso.statements.cue_model import quote_marks
    from sayso.statements.reported import candidate_pairs

    doc = load_model()(text)
    marks = quote_marks(doc)
    pairs = list(candidate_pairs(doc))
    assert pairs
    for cue, relation, clause, subject in pairs:
        features = pair_features(cue, relation, clause, subject, marks)
        assert features == pair_features(cue, relation, clause, subject)
        walked = any(t.is_quote for t in clause.subtree)
        near = any(t.is_quote for t in doc[max(0, cue.i - 3) : cue.i + 4])
        assert f"quoted={walked}" in features
        assert f"qnear={near}" in features
