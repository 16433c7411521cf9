"""Runner implementations and the factory that picks one."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sayso.errors import ConfigError
from sayso.nlp.components import DEFAULT_STAGES
from sayso.nlp.loader import DEFAULT_MODEL
from sayso.records import Article, ArticleResult

if TYPE_CHECKING:
    from sayso.pipeline import Pipeline


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """Enough to build the same Pipeline in another process or on another machine."""

    model: str = DEFAULT_MODEL
    stages: tuple[str, ...] = DEFAULT_STAGES
    batch_size: int = 32

    def build(self) -> Pipeline:
        from sayso.pipeline import Pipeline

        return Pipeline(self.model, stages=self.stages, batch_size=self.batch_size)


class Runner(Protocol):
    """Turns articles into results, in input order."""

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]: ...

    def close(self) -> None: ...


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class SerialRunner:
    """Everything in this process: the simplest, and the baseline for scaling figures."""

    def __init__(self, config: PipelineConfig) -> None:
        self._pipeline = config.build()

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        return self._pipeline.analyze_articles(articles)

    def close(self) -> None:
        """Nothing to release."""


_worker_pipeline: Pipeline | None = None


def _init_worker(config: PipelineConfig) -> None:
    global _worker_pipeline  # noqa: PLW0603 - one pipeline per worker process, by design
    _worker_pipeline = config.build()
    _ = _worker_pipeline.nlp  # load the model now, not inside the first task


def _analyze_chunk(chunk: list[Article]) -> list[ArticleResult]:
    assert _worker_pipeline is not None, "worker started without _init_worker"
    return list(_worker_pipeline.analyze_articles(chunk))


class ProcessRunner:
    """Worker processes on this machine, each with its own model; results come back in order.

    At most ``2 * workers`` chunks are in flight, so memory stays bounded on long inputs.
    """

    def __init__(self, config: PipelineConfig, workers: int, chunk_size: int = 16) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, initargs=(config,)
        )
        self._workers = workers
        self._chunk_size = chunk_size

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        pending: list[Future[list[ArticleResult]]] = []
        for chunk in _chunks(articles, self._chunk_size):
            pending.append(self._pool.submit(_analyze_chunk, chunk))
            if len(pending) >= 2 * self._workers:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def make_runner(
    config: PipelineConfig, *, workers: int = 1, scheduler: str | None = None
) -> Runner:
    """A Dask runner when ``scheduler`` is given, worker processes when ``workers > 1``, else
    the serial runner."""
    if scheduler:
        from sayso.runners.dask import DaskRunner

        return DaskRunner(config, scheduler)
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}")
    if workers == 1:
        return SerialRunner(config)
    return ProcessRunner(config, workers)


def analyze_all(runner: Runner, articles: Sequence[Article]) -> list[ArticleResult]:
    """Convenience for tests and small jobs: every result, as a list."""
    return list(runner.run(articles))
