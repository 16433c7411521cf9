"""Runners give the same results as the serial pipeline, in input order."""

from __future__ import annotations

import dataclasses
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from sayso.errors import ConfigError
from sayso.ingest.article import make_article, make_source
from sayso.records import Article, ArticleResult, from_dict
from sayso.runners import PipelineConfig, make_runner
from sayso.store import open_store
from sayso.store.flatten import PreparedArticle, expand_record

pytestmark = pytest.mark.slow

TEXTS = [
    f"The mayor of Springfield said on Monday that {n} new buses would arrive. "
    f"“We ordered them in {2010 + n},” she told reporters."
    for n in range(7)
]
CONFIG = PipelineConfig(stages=("ner", "time"))


ARTICLES = [make_article(t, make_source(f"mem:{i}", "text")) for i, t in enumerate(TEXTS)]


def _articles() -> list[Article]:
    return list(ARTICLES)


def _comparable(result: ArticleResult) -> ArticleResult:
    return dataclasses.replace(result, timings={})


def _from_prepared(prepared: PreparedArticle) -> ArticleResult:
    """The result a prepared article holds, as ``Store.get`` reads it back."""
    data = expand_record(json.loads(prepared.article["record_json"]), prepared.article["text"])
    return _comparable(from_dict(ArticleResult, data))


def test_results_pickle_for_worker_processes() -> None:
    result = next(make_runner(CONFIG).run(_articles()[:1]))
    assert pickle.loads(pickle.dumps(result)) == result


def test_process_runner_matches_serial_in_order() -> None:
    serial = [_comparable(r) for r in make_runner(CONFIG).run(_articles())]
    runner = make_runner(CONFIG, workers=2)
    try:
        parallel = [_comparable(r) for r in runner.run(_articles())]
    finally:
        runner.close()
    assert parallel == serial
    assert [r.article.source.location for r in parallel] == [f"mem:{i}" for i in range(7)]


def test_prepared_results_hold_the_same_records_from_every_runner() -> None:
    serial = [_comparable(r) for r in make_runner(CONFIG).run(_articles())]
    prepared_here = list(make_runner(CONFIG).run_prepared(_articles()))
    runner = make_runner(CONFIG, workers=2)
    try:
        prepared_there = list(runner.run_prepared(_articles()))
    finally:
        runner.close()
    assert [_from_prepared(p) for p in prepared_here] == serial
    assert [_from_prepared(p) for p in prepared_there] == serial
    assert [p.location for p in prepared_there] == [f"mem:{i}" for i in range(7)]
    assert [p.records for p in prepared_there] == [p.records for p in prepared_here]


def test_dask_runner_on_a_local_cluster_matches_serial(caplog: pytest.LogCaptureFixture) -> None:
    """Also while the caller holds a client of its own (the benchmark does), with more
    one-article chunks than may run at once: the runner must wait on its futures through its
    own client, not Dask's current one. Workers started with Dask's defaults run its profiler,
    and the runner says how to turn it off."""
    distributed = pytest.importorskip("distributed")
    from sayso.runners.dask import DaskRunner

    serial = [_comparable(r) for r in make_runner(CONFIG).run(_articles())]
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=":0",
            processes=True,
        ) as cluster,
        distributed.Client(cluster),
    ):
        runner = make_runner(CONFIG, scheduler=cluster.scheduler_address)
        one_by_one = DaskRunner(CONFIG, cluster.scheduler_address, chunk_size=1)
        try:
            remote = [_comparable(r) for r in runner.run(_articles())]
            prepared = [_from_prepared(p) for p in one_by_one.run_prepared(_articles() * 3)]
        finally:
            runner.close()
            one_by_one.close()
    assert remote == serial
    assert prepared == serial * 3
    assert "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False" in caplog.text


def test_bad_worker_count_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="at least 1"):
        make_runner(CONFIG, workers=0)


def test_unreachable_scheduler_says_what_to_do() -> None:
    pytest.importorskip("distributed")
    with pytest.raises(ConfigError, match="Dask scheduler"):
        make_runner(CONFIG, scheduler="tcp://127.0.0.1:9")


class _FakeFuture:
    """A future that finishes when the test says so."""

    def __init__(self, piece: list[Article]) -> None:
        self.piece = piece
        self.finished = False

    def done(self) -> bool:
        return self.finished


def test_a_slow_chunk_does_not_stop_later_chunks_being_sent() -> None:
    from sayso.runners.base import (
        CHUNKS_HELD_PER_WORKER,
        CHUNKS_IN_FLIGHT_PER_WORKER,
        in_input_order,
    )

    pieces = [[make_article(f"Story {n}.", make_source(f"mem:s{n}", "text"))] for n in range(100)]
    sent: list[_FakeFuture] = []

    def submit(piece: list[Article]) -> _FakeFuture:
        sent.append(_FakeFuture(piece))
        return sent[-1]

    def wait_any(futures: list[_FakeFuture]) -> None:
        # Every chunk but the first finishes at once; the first is slow.
        unfinished = [f for f in futures if f is not sent[0]]
        assert unfinished, "waited with only the slow chunk running"
        unfinished[0].finished = True

    handed = in_input_order(submit, pieces, workers=2, wait_any=wait_any)
    first = next(handed)
    assert first is sent[0]
    # While the first chunk ran, more than the running window was sent, up to the held limit.
    assert CHUNKS_IN_FLIGHT_PER_WORKER * 2 < len(sent) <= CHUNKS_HELD_PER_WORKER * 2
    first.finished = True
    for future in sent:
        future.finished = True
    rest = list(handed)
    assert [f.piece for f in [first, *rest]] == pieces


@pytest.mark.slow
def test_ingest_with_worker_processes_from_the_command_line(tmp_path: Path) -> None:
    """Worker processes come from a fork server that re-imports the command's main module:
    ``python -m sayso.cli ingest --workers 2`` must store every input, as a user runs it."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i, article in enumerate(_articles()):
        (inputs / f"{i}.txt").write_text(article.text, encoding="utf-8")
    db = tmp_path / "w.db"
    command = [sys.executable, "-m", "sayso.cli", "ingest", str(inputs), "--workers", "2"]
    done = subprocess.run(
        [*command, "--db", str(db), "--no-prerender"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with open_store(str(db)) as store:
        assert store.status().fates["ingested"] == len({a.text for a in _articles()})
