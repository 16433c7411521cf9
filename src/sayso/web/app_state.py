"""What every request handler reaches through ``request.app.state``, typed."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from starlette.requests import Request

from sayso.web.corpus import Corpus

if TYPE_CHECKING:
    from sayso.pipeline import Pipeline


@dataclass
class Analyzer:
    """The pipeline for the Analyze page, loaded on first use (spaCy takes seconds)."""

    _pipeline: Pipeline | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def pipeline(self) -> Pipeline:
        with self._lock:
            if self._pipeline is None:
                from sayso.pipeline import Pipeline
                from sayso.web.analyze import ANALYSIS_BUDGET

                self._pipeline = Pipeline(time_budget=ANALYSIS_BUDGET)
            return self._pipeline


@dataclass(frozen=True, slots=True)
class Settings:
    allow_upload: bool
    max_upload_bytes: int
    token_required: bool
    form_token: str = ""
    """What the app's forms carry against cross-site request forgery (see web/security.py)."""


@dataclass(frozen=True, slots=True)
class AppState:
    corpus: Corpus
    analyzer: Analyzer
    settings: Settings


def state_of(request: Request) -> AppState:
    state: AppState = request.app.state.sayso
    return state
