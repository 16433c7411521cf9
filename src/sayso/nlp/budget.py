"""A per-article time budget: the pipeline's last line of defence against input that makes some
rule's work explode.

The pipeline opens a budget for each article's stages with :func:`article_budget`; long loops
in the stages call :func:`check_budget`, which raises :class:`BudgetSpent` once the article has
used more CPU time than allowed. The pipeline then ends the article with a diagnostic and keeps
the records of the stages that finished. Time is the thread's CPU time, so that other requests
of a web server running in other threads do not count against an article.

Outside a budget (a stage called directly, in tests) :func:`check_budget` does nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_deadline: ContextVar[float | None] = ContextVar("sayso_article_deadline", default=None)


class BudgetSpent(Exception):
    """The article used up its time budget; raised inside a stage, caught by the pipeline."""


def check_budget() -> None:
    """Raise BudgetSpent when the current article's budget is used up."""
    deadline = _deadline.get()
    if deadline is not None and time.thread_time() > deadline:
        raise BudgetSpent


@contextmanager
def article_budget(seconds: float | None) -> Iterator[None]:
    """Give the code inside ``seconds`` of CPU time (None: no limit)."""
    token = _deadline.set(None if seconds is None else time.thread_time() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)
