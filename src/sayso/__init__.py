"""sayso: on whose say-so? News articles into a sourced, checkable record.

Each function says what it is given, so nothing is guessed from a string: a text is never read
as a path, and only :func:`analyze_url` touches the network.

* :func:`analyze_text` (plain text, with the title, outlet and date you know),
  :func:`analyze_html` (a page you already have), :func:`analyze_file` (a local file),
  :func:`analyze_url` (download a page), :func:`analyze_texts` (many texts or Articles),
  :func:`analyze_files` (every article of many files: JSONL dumps, WARC archives, folders);
* :class:`Pipeline` for another model or stage list (the same methods), :class:`Article` and
  :class:`ArticleResult` (the records, more in ``sayso.records``), :class:`SaysoError` (the
  exceptions, in ``sayso.errors``).

See docs/api.md. Importing sayso loads no model and touches no disk or network; the first
analysis loads the spaCy model once for the process.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleResult",
    "Pipeline",
    "SaysoError",
    "__version__",
    "analyze_file",
    "analyze_files",
    "analyze_html",
    "analyze_text",
    "analyze_texts",
    "analyze_url",
]

if TYPE_CHECKING:
    from sayso.errors import InputError, SaysoError
    from sayso.pipeline import Pipeline
    from sayso.records import Article, ArticleResult


def analyze_text(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: str | date | datetime | None = None,
) -> ArticleResult:
    """Analyse an article given as its plain text.

    ``title``, ``outlet`` and ``published`` (ISO 8601 text, a date or a datetime) are what you
    know of it; they win over what sayso would find in the text. Raises
    ``sayso.errors.EmptyInputError`` for a text without words.
    """
    return _default_pipeline().analyze_text(text, title=title, outlet=outlet, published=published)


def analyze_html(html: str | bytes, *, url: str | None = None) -> ArticleResult:
    """Analyse the article in a page's HTML; ``url`` (never fetched) says where it is from."""
    return _default_pipeline().analyze_html(html, url=url)


def analyze_file(path: str | os.PathLike[str]) -> ArticleResult:
    """Analyse the article in a local file: text, HTML, or the first article of a JSONL or
    WARC file (:func:`analyze_files` reads every one). Raises ``sayso.errors.InputError`` when
    it holds no readable article."""
    return _default_pipeline().analyze_file(path)


def analyze_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[ArticleResult | InputError]:
    """Analyse every article of local files, folders and glob patterns (each line of a JSONL
    dump, each response of a WARC archive...), in order, never fetching. A file that cannot be
    read is yielded as a ``sayso.errors.InputError`` value, and the others go on."""
    return _default_pipeline().analyze_files(paths)


def analyze_url(url: str, *, timeout: float = 20.0, max_bytes: int = 20_000_000) -> ArticleResult:
    """Download the page at an http(s) URL and analyse its article: the only function of sayso
    that touches the network. Raises ``sayso.errors.FetchError`` when it cannot."""
    return _default_pipeline().analyze_url(url, timeout=timeout, max_bytes=max_bytes)


def analyze_texts(items: Iterable[str | Article]) -> Iterator[ArticleResult]:
    """Analyse many articles, each a plain text or an :class:`Article`, in batches; yields one
    result per item, in order."""
    return _default_pipeline().analyze_texts(items)


@cache
def _default_pipeline() -> Pipeline:
    """One default Pipeline per process, so that every call shares the loaded model."""
    from sayso.pipeline import Pipeline

    return Pipeline()


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from sayso.pipeline import Pipeline

        return Pipeline
    if name in ("Article", "ArticleResult"):
        import sayso.records

        return getattr(sayso.records, name)
    if name == "SaysoError":
        from sayso.errors import SaysoError

        return SaysoError
    if name == "analyze":
        raise AttributeError(
            "sayso.analyze guessed whether a string was text, a path or a URL, so it is gone: "
            "use analyze_text, analyze_html, analyze_file or analyze_url"
        )
    raise AttributeError(f"module 'sayso' has no attribute {name!r}")
