"""Run the pipeline over many articles: in this process, in worker processes, or on Dask.

Every runner takes an iterable of articles and yields one ``ArticleResult`` per article, in
input order, so a single writer (the caller) can store them. Workers load the spaCy model once
each, not per article.
"""

from sayso.runners.base import PipelineConfig, Runner, make_runner

__all__ = ["PipelineConfig", "Runner", "make_runner"]
