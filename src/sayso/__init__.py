"""sayso: on whose say-so? News articles into a sourced, checkable record.

>>> import sayso
>>> result = sayso.analyze("examples/article.txt")      # doctest: +SKIP
>>> [s.speaker.text for s in result.statements if s.speaker]  # doctest: +SKIP

The public API is small: ``analyze`` for one article, ``Pipeline`` for batches, the records
(``sayso.records``) and the exceptions (``sayso.errors``). Importing sayso loads no model and
touches no disk or network.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["ArticleResult", "Pipeline", "SaysoError", "__version__", "analyze"]

if TYPE_CHECKING:
    from sayso.errors import SaysoError
    from sayso.pipeline import Pipeline
    from sayso.records import Article, ArticleResult


def analyze(source: str | Path | bytes | Article, *, model: str | None = None) -> ArticleResult:
    """Analyse one article: text, a file path, an http(s) URL, raw bytes or an Article.

    Raises ``sayso.errors.InputError`` when the input holds no readable article and
    ``sayso.errors.ModelNotInstalledError`` when the spaCy pipeline is missing.
    """
    from sayso.pipeline import Pipeline

    pipeline = Pipeline(model) if model else _default_pipeline()
    return pipeline.analyze(source)


@cache
def _default_pipeline() -> Pipeline:
    """One default Pipeline per process, so repeated ``analyze`` calls share the model."""
    from sayso.pipeline import Pipeline

    return Pipeline()


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from sayso.pipeline import Pipeline

        return Pipeline
    if name == "ArticleResult":
        from sayso.records import ArticleResult

        return ArticleResult
    if name == "SaysoError":
        from sayso.errors import SaysoError

        return SaysoError
    raise AttributeError(f"module 'sayso' has no attribute {name!r}")
