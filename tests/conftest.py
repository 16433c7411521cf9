"""Shared fixtures: the spaCy model and the pipeline once per session, the example article,
the data folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

# No wall-clock limits in tests: the machine is shared and noisy, so hypothesis's per-example
# deadline would make property tests flaky without saying anything about correctness.
settings.register_profile("sayso", deadline=None)
settings.load_profile("sayso")

if TYPE_CHECKING:
    from spacy.language import Language

    from sayso.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "article.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The configured spaCy model, for rule functions tested on hand-built Docs."""
    from sayso.nlp.loader import load_model

    return load_model()


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    from sayso.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def example_result(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    return pipeline.analyze(EXAMPLE)
