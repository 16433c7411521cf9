"""Runner implementations and the factory that picks one."""

from __future__ import annotations

import collections
import itertools
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
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
"""Unfinished chunks per worker: enough that a worker finds its next chunk queued."""

CHUNKS_HELD_PER_WORKER = 16
"""Chunks per worker sent or finished but not yet handed back. Results are handed back in
input order, so finished chunks wait behind a slow one (long articles); new chunks keep being
sent meanwhile, up to this many, so the other worker does not run dry behind it (with a window
of four chunks in all, one chunk four times slower than the rest idles the other worker).
Sixteen chunks of prepared rows are a few MiB in the writer."""


class _Pending(Protocol):
    def done(self) -> bool: ...


P = TypeVar("P", bound=_Pending)


def in_input_order(
    submit: Callable[[list[Article]], P],
    pieces: Iterable[list[Article]],
    *,
    workers: int,
    wait_any: Callable[[list[P]], object],
) -> Iterator[P]:
    """Futures of ``submit(piece)`` for each piece, handed out in input order, while up to
    ``CHUNKS_IN_FLIGHT_PER_WORKER`` per worker run and up to ``CHUNKS_HELD_PER_WORKER`` per
    worker are held; ``wait_any`` blocks until one of the given futures is done."""
    running_limit = CHUNKS_IN_FLIGHT_PER_WORKER * workers
    held_limit = CHUNKS_HELD_PER_WORKER * workers
    held: collections.deque[P] = collections.deque()
    source = iter(pieces)
    exhausted = False
    while True:
        while not exhausted and len(held) < held_limit:
            if sum(not f.done() for f in held) >= running_limit:
                break
            piece = next(source, None)
            if piece is None:
                exhausted = True
            else:
                held.append(submit(piece))
        if not held:
            return
        if held[0].done() or exhausted or len(held) >= held_limit:
            yield held.popleft()
        else:
            wait_any([f for f in held if not f.done()])


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

PARENT_CHECK_SECONDS = 1.0
"""How often a worker looks whether the process that started it is still alive."""


def _process_identity(pid: int) -> str | None:
    """What tells process ``pid`` apart from a later one given the same pid (its start time on
    Linux); None when no such process runs."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            # The start time is field 22; the command name (field 2) may hold spaces.
            return stat.read().rsplit(b")", 1)[1].split()[19].decode()
    except FileNotFoundError:
        return None
    except OSError:  # no /proc: whether the pid exists is all there is to know
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        return ""


def _die_with(pid: int, identity: str | None) -> None:
    """Exit this worker as soon as process ``pid`` is gone: killed with SIGKILL, the caller
    cannot stop its workers, and they would stay, each holding a model, with nothing to do."""
    while _process_identity(pid) == identity:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _init_worker(config: PipelineConfig, parent: int, identity: str | None) -> None:
    global _worker_pipeline  # noqa: PLW0603 - one pipeline per worker process, by design
    threading.Thread(target=_die_with, args=(parent, identity), daemon=True).start()
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

    Workers start from a fork server, a small process started before any input is read, not
    by forking the caller: a forked worker would carry the caller's memory (its inputs, a
    model it loaded, open database handles and threads) and count it as its own. Each worker
    exits within ``PARENT_CHECK_SECONDS`` of the caller's death, however it died; the fork
    server then exits with them.
    """

    def __init__(self, config: PipelineConfig, workers: int, chunk_size: int = CHUNK_SIZE) -> None:
        parent = os.getpid()
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=_init_worker,
            initargs=(config, parent, _process_identity(parent)),
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
        def submit(chunk: list[Article]) -> Future[list[T]]:
            return self._pool.submit(task, chunk)

        def wait_any(futures: list[Future[list[T]]]) -> None:
            wait(futures, return_when=FIRST_COMPLETED)

        pieces = chunks(articles, self._chunk_size)
        for future in in_input_order(submit, pieces, workers=self._workers, wait_any=wait_any):
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
