"""The pipeline: stages declare what they need, a failing stage never loses the article."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import sayso
from sayso.errors import ConfigError, InputError
from sayso.nlp import components
from sayso.nlp.stage import Analysis
from sayso.pipeline import Pipeline

pytestmark = pytest.mark.slow


@dataclass(frozen=True, slots=True)
class ExplodingStage:
    name: str = "explode"
    version: str = "1"
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ()

    def __call__(self, work: Analysis) -> None:
        raise UnicodeError("odd character at 12")


def test_a_failing_stage_leaves_a_diagnostic_and_the_other_records(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(components.BUILTIN_STAGES, "explode", ExplodingStage)
    pipeline = Pipeline(stages=("ner", "explode", "time"))
    result = pipeline.analyze_text(
        "The minister said on 3 March 2021 that the bridge would reopen in Springfield."
    )
    assert [d.stage for d in result.diagnostics] == ["explode"]
    assert "odd character" in result.diagnostics[0].message
    assert result.mentions, "the stage before the failure kept its records"
    assert result.timexes, "the stage after the failure still ran"
    assert set(result.timings) == {"parse", "ner", "explode", "time"}


def test_stage_order_is_checked_when_the_pipeline_is_built() -> None:
    with pytest.raises(ConfigError, match="needs 'mentions'"):
        Pipeline(stages=("statements",))
    with pytest.raises(ConfigError, match="unknown pipeline stage"):
        Pipeline(stages=("no-such-stage",))


def test_every_built_in_record_spans_the_canonical_text(example_result) -> None:  # type: ignore[no-untyped-def]
    text = example_result.article.text
    spans = [m.span for m in example_result.mentions]
    spans += [s for st in example_result.statements for s in st.content]
    spans += [t.span for t in example_result.timexes]
    spans += [e.trigger for e in example_result.events]
    spans += [q.span for q in example_result.quantities]
    assert spans
    for span in spans:
        assert text[span.start : span.end] == span.text
    assert not [d for d in example_result.diagnostics if d.severity == "error"]


def test_empty_input_is_an_input_error() -> None:
    with pytest.raises(InputError):
        sayso.analyze_text("   \n ")


def test_new_words_do_not_stay_in_the_vocabulary_after_their_batch() -> None:
    """A long run must not keep every word it ever saw: batches run in a memory zone."""
    pipeline = Pipeline(batch_size=2)
    strings = pipeline.nlp.vocab.strings
    words = ["Zorvath", "Quillimaro", "Bextrundle"]
    texts = [f"{word} said on Monday that the {word}ian plan would fail." for word in words]

    results = [pipeline.analyze_text(text) for text in texts]

    assert [r.article.text.split()[0] for r in results] == words
    assert not any(word in strings or f"{word}ian" in strings for word in words)
