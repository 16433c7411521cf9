"""Pipeline speed: words per CPU-second of the full pipeline vs a bare spaCy parse of the same
texts in the same run (the ratio is the headline), CPU time per stage, and peak RSS.

    .venv/bin/python benchmarks/pipeline_speed.py --articles 200 --out benchmarks/results

Writes ``pipeline_speed.json`` and ``pipeline_speed.md`` into ``--out``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article_texts

from sayso.ingest.article import make_article, make_source
from sayso.nlp.loader import load_model
from sayso.pipeline import Pipeline


def measure(n_articles: int, stages: tuple[str, ...] | None = None) -> dict[str, object]:
    texts = article_texts(n_articles)
    words = sum(len(t.split()) for t in texts)
    articles = [make_article(t, make_source(f"bench:{i}", "text")) for i, t in enumerate(texts)]
    nlp = load_model()
    pipeline = Pipeline(stages=stages) if stages else Pipeline()
    list(nlp.pipe(texts[:8]))  # warm up both paths on the same handful of texts
    list(pipeline.analyze_articles(articles[:8]))

    started = time.process_time()
    for _ in nlp.pipe(texts, batch_size=pipeline.batch_size):
        pass
    bare = time.process_time() - started

    stage_seconds: dict[str, float] = defaultdict(float)
    failures = 0
    started = time.process_time()
    for result in pipeline.analyze_articles(articles):
        for stage, seconds in result.timings.items():
            stage_seconds[stage] += seconds
        failures += sum(1 for d in result.diagnostics if d.severity == "error")
    full = time.process_time() - started

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "stages": list(pipeline.describe())[3:],
        "articles": len(texts),
        "distinct_articles": len(set(texts)),
        "words": words,
        "bare_spacy_words_per_cpu_s": round(words / bare, 1),
        "sayso_words_per_cpu_s": round(words / full, 1),
        "ratio_cpu_time_sayso_over_spacy": round(full / bare, 3),
        "stage_cpu_s": {k: round(v, 3) for k, v in sorted(stage_seconds.items())},
        "stage_share_of_parse": {
            k: round(v / stage_seconds["parse"], 3)
            for k, v in sorted(stage_seconds.items())
            if stage_seconds.get("parse")
        },
        "peak_rss_mib": round(peak_mib, 1),
        "stage_errors": failures,
        "date": time.strftime("%Y-%m-%d"),
    }


def to_markdown(result: dict[str, object]) -> str:
    stages = result["stage_cpu_s"]
    assert isinstance(stages, dict)
    lines = [
        "| measure | value |",
        "|---|---|",
        f"| stages | {', '.join(result['stages'])} |",  # type: ignore[arg-type]
        f"| articles (distinct) | {result['articles']} ({result['distinct_articles']}) |",
        f"| words | {result['words']} |",
        f"| bare spaCy parse, words per CPU-second | {result['bare_spacy_words_per_cpu_s']} |",
        f"| sayso analyze, words per CPU-second | {result['sayso_words_per_cpu_s']} |",
        f"| **CPU time ratio sayso / bare spaCy** (goal <= 1.3) | "
        f"**{result['ratio_cpu_time_sayso_over_spacy']}** |",
        f"| peak RSS | {result['peak_rss_mib']} MiB |",
    ]
    lines += [f"| stage `{k}` CPU-s | {v} |" for k, v in stages.items()]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    parser.add_argument(
        "--stages", help="Comma-separated stages (default: all); `ner` measures the bare frame."
    )
    parser.add_argument("--name", default="pipeline_speed", help="Base name of the result files.")
    args = parser.parse_args()
    stages = tuple(args.stages.split(",")) if args.stages else None
    result = measure(args.articles, stages)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{args.name}.json").write_text(json.dumps(result, indent=2) + "\n")
    (args.out / f"{args.name}.md").write_text(to_markdown(result))
    sys.stdout.write(to_markdown(result))


if __name__ == "__main__":
    main()
