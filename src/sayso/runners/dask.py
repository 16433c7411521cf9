"""Run the pipeline on a Dask cluster (the ``dask`` extra).

Start a scheduler and workers on several machines, each with sayso installed::

    dask scheduler --host 10.0.0.1 --port 8786          # on the head node
    dask worker tcp://10.0.0.1:8786 --nthreads 1         # on each worker machine, per core
    sayso ingest corpus/ --scheduler tcp://10.0.0.1:8786 # anywhere: results come back here

Workers keep one Pipeline each (built on first use from ``PipelineConfig`` and cached in the
worker's process), so the spaCy model loads once per worker. Results are written by the one
process that called ``sayso ingest``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from sayso.errors import ConfigError
from sayso.records import Article, ArticleResult

if TYPE_CHECKING:
    from sayso.pipeline import Pipeline
    from sayso.runners.base import PipelineConfig


@cache
def _pipeline_for(config: PipelineConfig) -> Pipeline:
    """One Pipeline per worker process and configuration."""
    return config.build()


def analyze_on_worker(config: PipelineConfig, chunk: list[Article]) -> list[ArticleResult]:
    """The task each Dask worker runs: lives in an importable module so workers cache it."""
    return list(_pipeline_for(config).analyze_articles(chunk))


class DaskRunner:
    """Chunks of articles go to the cluster; results come back in input order."""

    def __init__(self, config: PipelineConfig, scheduler: str, chunk_size: int = 16) -> None:
        try:
            import distributed
        except ImportError as exc:
            raise ConfigError("--scheduler needs Dask: pip install 'sayso[dask]'") from exc
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

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        iterator = iter(articles)
        pending: list[Any] = []
        while chunk := list(itertools.islice(iterator, self._chunk_size)):
            pending.append(self._client.submit(analyze_on_worker, self._config, chunk, pure=False))
            if len(pending) >= 2 * workers:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()

    def close(self) -> None:
        self._client.close()
