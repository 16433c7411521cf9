"""Runner implementations and the factory that picks one."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from sayso.errors import ConfigError
from sayso.nlp.components import DEFAULT_STAGES
from sayso.nlp.loader import DEFAULT_MODEL
from sayso.pipeline import BATCH_CHARS
from sayso.records import Article, ArticleResult

if TYPE_CHECKING:
    from sayso.pipeline import Pipeline
    from sayso.store.flatten import PreparedArticle

T = TypeVar("T")

CHUNK_SIZE = 8
"""Articles per task sent to a worker: enough that sending a task costs nothing next to
analysing it (~0.25 s of CPU per article on the benchmark texts), few enough that the last
task of a run, which one worker finishes while the other waits, stays short (16 left a
worker idle for ~4 s at the end of 120-article runs)."""

CHUNKS_IN_FLIGHT_PER_WORKER = 4
"""Chunks sent ahead per worker. Results are handed back in input order, so a slow chunk
(long articles) holds back the ones sent after it; with only two per worker the other worker
can run out of work behind it. Four cost a few MiB of waiting results in the writer."""


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """Enough to build the same Pipeline in another process or on another machine."""

    model: str = DEFAULT_MODEL
    stages: tuple[str, ...] = DEFAULT_STAGES
    batch_size: int = CHUNK_SIZE
    batch_chars: int = BATCH_CHARS

    def build(self) -> Pipeline:
        from sayso.pipeline import Pipeline

        return Pipeline(
            self.model,
            stages=self.stages,
            batch_size=self.batch_size,
            batch_chars=self.batch_chars,
        )


class Runner(Protocol):
    """Turns articles into results, in input order."""

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]: ...

    def run_prepared(self, articles: Iterable[Article]) -> Iterator[PreparedArticle]:
        """Results already turned into store rows where they were analysed, for
        ``Store.add_prepared``: the writing process then only inserts."""
        ...

    def close(self) -> None: ...


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def prepare_all(results: Iterable[ArticleResult]) -> list[PreparedArticle]:
    """Each result as the rows the store inserts."""
    from sayso.store.flatten import prepare

    return [prepare(result) for result in results]


class SerialRunner:
    """Everything in this process: the simplest, and the baseline for scaling figures."""

    def __init__(self, config: PipelineConfig) -> None:
        self._pipeline = config.build()

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        return self._pipeline.analyze_articles(articles)

    def run_prepared(self, articles: Iterable[Article]) -> Iterator[PreparedArticle]:
        for chunk in chunks(self.run(articles), CHUNK_SIZE):
            yield from prepare_all(chunk)

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


def _prepare_chunk(chunk: list[Article]) -> list[PreparedArticle]:
    return prepare_all(_analyze_chunk(chunk))


class ProcessRunner:
    """Worker processes on this machine, each with its own model; results come back in order.

    At most ``CHUNKS_IN_FLIGHT_PER_WORKER * workers`` chunks are in flight, so memory stays
    bounded on long inputs.
    """

    def __init__(self, config: PipelineConfig, workers: int, chunk_size: int = CHUNK_SIZE) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, initargs=(config,)
        )
        self._workers = workers
        self._chunk_size = chunk_size

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        return self._map(_analyze_chunk, articles)

    def run_prepared(self, articles: Iterable[Article]) -> Iterator[PreparedArticle]:
        return self._map(_prepare_chunk, articles)

    def _map(
        self, task: Callable[[list[Article]], list[T]], articles: Iterable[Article]
    ) -> Iterator[T]:
        pending: list[Future[list[T]]] = []
        for chunk in chunks(articles, self._chunk_size):
            pending.append(self._pool.submit(task, chunk))
            if len(pending) >= CHUNKS_IN_FLIGHT_PER_WORKER * self._workers:
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
