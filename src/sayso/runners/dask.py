"""Run the pipeline on a Dask cluster (the ``dask`` extra).

Start a scheduler and workers on several machines, each with sayso installed::

    dask scheduler --host 10.0.0.1 --port 8786          # on the head node
    dask worker tcp://10.0.0.1:8786 --nthreads 1         # on each worker machine, per core
    sayso ingest corpus/ --scheduler tcp://10.0.0.1:8786 # anywhere: results come back here

Workers keep one Pipeline each (built from ``PipelineConfig`` and cached in the worker's
process), so the spaCy model loads once per worker: the runner loads it on every worker when
it connects, as worker processes do in their initializer, and a worker that joins later loads
it on its first task. Tasks are chunks of articles, and with ``run_prepared`` they come back
as store rows, so the one process that called ``sayso ingest`` only writes them.

Start workers with Dask's profiler off (``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False``):
it samples the task thread every 10 ms and keeps up to an hour of call trees, which for
sayso's deep call stacks grew each worker by about 200 MiB in 15 minutes of ingest (a worker
without it stays flat); the runner warns when it finds workers profiling. Dask's nanny also
starts workers with ``MALLOC_TRIM_THRESHOLD_=65536``, which cost 10% more CPU per article on the
benchmark texts: leave it out of ``distributed.nanny.pre-spawn-environ`` in the workers' Dask
config.
"""

from __future__ import annotations

import logging
import resource
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from sayso.errors import ConfigError, install_hint
from sayso.records import Article, ArticleResult
from sayso.runners.base import CHUNK_SIZE, chunks, in_input_order, prepare_all

if TYPE_CHECKING:
    from sayso.pipeline import Pipeline
    from sayso.runners.base import PipelineConfig
    from sayso.store.flatten import PreparedArticle

T = TypeVar("T")

log = logging.getLogger(__name__)


@cache
def _pipeline_for(config: PipelineConfig) -> Pipeline:
    """One Pipeline per worker process and configuration."""
    return config.build()


def load_on_worker(config: PipelineConfig) -> None:
    """Build the worker's Pipeline and load its model, before any task needs it."""
    _ = _pipeline_for(config).nlp


def profiles_tasks(dask_worker: Any) -> bool:
    """Whether a worker runs Dask's statistical profiler (run on workers by the runner)."""
    return "profile" in getattr(dask_worker, "periodic_callbacks", {})


def analyze_on_worker(config: PipelineConfig, chunk: list[Article]) -> list[ArticleResult]:
    """The task each Dask worker runs: lives in an importable module so workers cache it."""
    return list(_pipeline_for(config).analyze_articles(chunk))


def prepare_on_worker(config: PipelineConfig, chunk: list[Article]) -> list[PreparedArticle]:
    """The task behind ``run_prepared``: results as store rows, encoded on the worker."""
    return prepare_all(analyze_on_worker(config, chunk))


def process_cpu_seconds() -> float:
    """User and system CPU time of this process (run on workers to total what they used)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class DaskRunner:
    """Chunks of articles go to the cluster; results come back in input order."""

    def __init__(
        self, config: PipelineConfig, scheduler: str, chunk_size: int = CHUNK_SIZE
    ) -> None:
        try:
            import distributed
        except ImportError as exc:
            raise ConfigError(f"--scheduler needs Dask: {install_hint('dask')}") from exc
        try:
            client_class: Any = distributed.Client
            self._client: Any = client_class(scheduler, timeout="20s")
        except OSError as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {scheduler}: start it with "
                "`dask scheduler` or check the address"
            ) from exc
        self._config = config
        self._chunk_size = chunk_size
        self._client.run(load_on_worker, config)
        profiling = [w for w, on in self._client.run(profiles_tasks).items() if on]
        if profiling:
            log.warning(
                "%d Dask workers run Dask's profiler, which grows each by about 200 MiB in 15 "
                "minutes of ingest: start them with "
                "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False",
                len(profiling),
            )

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        return self._map(analyze_on_worker, articles)

    def run_prepared(self, articles: Iterable[Article]) -> Iterator[PreparedArticle]:
        return self._map(prepare_on_worker, articles)

    def _map(
        self,
        task: Callable[[PipelineConfig, list[Article]], list[T]],
        articles: Iterable[Article],
    ) -> Iterator[T]:
        from distributed import wait

        workers = max(1, len(self._client.scheduler_info().get("workers", {})))

        def submit(chunk: list[Article]) -> Any:
            return self._client.submit(task, self._config, chunk, pure=False)

        def wait_any(futures: list[Any]) -> None:
            # Dask's wait() uses the current client, which is the caller's own if it holds one.
            with self._client.as_current():
                wait(futures, return_when="FIRST_COMPLETED")  # type: ignore[no-untyped-call]

        pieces = chunks(articles, self._chunk_size)
        for future in in_input_order(submit, pieces, workers=workers, wait_any=wait_any):
            yield from future.result()

    def worker_cpu_seconds(self) -> float:
        """CPU seconds the cluster's worker processes have used so far, all together."""
        per_worker: dict[str, float] = self._client.run(process_cpu_seconds)
        return sum(per_worker.values())

    def close(self) -> None:
        self._client.close()
