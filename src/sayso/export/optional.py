"""The ``[export]`` extra: optional libraries imported only by the exporters that need them.

Importing through ``importlib`` keeps these modules out of sayso's import time and out of
mypy's view (they are used through a few calls whose results are checked by tests).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from sayso.errors import SaysoError, install_hint

INSTALL_HINT = install_hint("export")


class MissingExtraError(SaysoError):
    """An exporter needs a library from the ``[export]`` extra that is not installed."""


def require(module: str, purpose: str) -> ModuleType:
    """Import ``module`` for ``purpose``, or say in one line how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".", 1)[0]
        raise MissingExtraError(f"{purpose} needs {top}: {INSTALL_HINT}") from None
