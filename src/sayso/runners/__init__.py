"""Run the pipeline over many articles: in this process, in worker processes, or on Dask.

Every runner takes an iterable of articles and yields one ``ArticleResult`` per article, in
input order, so a single writer (the caller) can store them. Workers load the spaCy model once
each, not per article. ``run_prepared`` yields the same results already turned into store rows
(``sayso.store.flatten.prepare``) by the workers, for ``Store.add_prepared``: the writing
process then spends its CPU on inserts only, which is what lets two workers on two cores run
at nearly twice the speed of one::

    from sayso.runners import PipelineConfig, make_runner
    from sayso.runners.base import chunks

    runner = make_runner(PipelineConfig(), workers=2)
    for batch in chunks(runner.run_prepared(articles), 64):
        store.add_prepared(batch)          # one transaction per 64 articles
    runner.close()
"""

from sayso.runners.base import PipelineConfig, Runner, chunks, make_runner

__all__ = ["PipelineConfig", "Runner", "chunks", "make_runner"]
