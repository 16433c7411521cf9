"""``nlp.add_pipe("sayso")`` in a spaCy pipeline the user runs: the same records as the API."""

from __future__ import annotations

import pytest

import sayso
from sayso.nlp.loader import model_source

pytestmark = pytest.mark.slow

TEXT = (
    "The harbour bridge will reopen in March, the mayor, Ada Lindqvist, said on Monday.\n\n"
    "“We expect traffic by noon,” she told reporters in Oslo."
)


def test_the_component_sets_the_same_result_as_the_api() -> None:
    import spacy

    nlp = spacy.load(model_source().path)  # a pipeline of the user's own, not sayso's cached one
    nlp.add_pipe("sayso")
    assert nlp.pipe_names[-1] == "sayso"
    doc = nlp(TEXT)
    result = doc._.sayso
    expected = sayso.analyze_text(TEXT)
    assert result.article.text == doc.text == expected.article.text
    assert [(s.kind, s.speaker, s.content) for s in result.statements] == [
        (s.kind, s.speaker, s.content) for s in expected.statements
    ]
    assert [e.name for e in result.entities] == [e.name for e in expected.entities]
    assert result.pipeline["spacy_model"].startswith("en_core_web_sm")


def test_the_component_runs_the_stages_it_is_given() -> None:
    import spacy

    nlp = spacy.load(model_source().path)
    nlp.add_pipe("sayso", config={"stages": ["entities"]})
    result = nlp(TEXT)._.sayso
    assert {"Ada Lindqvist", "Oslo"} <= {e.name for e in result.entities}
    assert result.statements == ()
