"""Proof that a speed change changes no output: the pipeline's records for the speed benchmark's
articles and the realnews pages, one JSON line per article (timings and ingest times left
out), written before and after the change and compared line by line.

    .venv/bin/python benchmarks/same_outputs.py write before.jsonl   # on the old code
    .venv/bin/python benchmarks/same_outputs.py write after.jsonl    # on the new code
    .venv/bin/python benchmarks/same_outputs.py compare before.jsonl after.jsonl

``compare`` exits 1 and shows where the first differing lines part when any line differs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DATA, article_texts

from sayso.ingest.article import make_article, make_source
from sayso.pipeline import Pipeline
from sayso.records import to_dict

_INGESTED_AT = re.compile(r'"ingested_at": "[^"]*"')  # the clock, not the analysis


def write(path: Path, articles: int) -> int:
    texts = list(dict.fromkeys(article_texts(articles)))
    batch = [make_article(t, make_source(f"bench:{i}", "text")) for i, t in enumerate(texts)]
    pages = sorted((DATA / "realnews" / "articles").resolve().glob("*.html"))
    pipeline = Pipeline(time_budget=None)  # no budget: a busy machine must not cut an article
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for result in [*pipeline.analyze_articles(batch), *pipeline.analyze_files(pages)]:
            if not hasattr(result, "timings"):
                raise SystemExit(f"unreadable input: {result}")
            record = to_dict(result)
            record.pop("timings", None)
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count


def compare(first: Path, second: Path) -> int:
    old = first.read_text(encoding="utf-8").splitlines()
    new = second.read_text(encoding="utf-8").splitlines()
    if len(old) != len(new):
        print(f"{len(old)} articles against {len(new)}")
        return 1
    differ = [
        i
        for i, (a, b) in enumerate(zip(old, new, strict=True))
        if _INGESTED_AT.sub("", a) != _INGESTED_AT.sub("", b)
    ]
    print(f"{len(old)} articles; {len(differ)} differ {differ[:10]}")
    for i in differ[:1]:
        a, b = _INGESTED_AT.sub("", old[i]), _INGESTED_AT.sub("", new[i])
        at = next(
            (k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
        )
        print(f"line {i}:\n  {a[max(0, at - 150) : at + 150]}\n  {b[max(0, at - 150) : at + 150]}")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    writing = commands.add_parser("write")
    writing.add_argument("out", type=Path)
    writing.add_argument("--articles", type=int, default=150)
    comparing = commands.add_parser("compare")
    comparing.add_argument("first", type=Path)
    comparing.add_argument("second", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        print(f"{write(args.out, args.articles)} articles written to {args.out}")
    else:
        sys.exit(compare(args.first, args.second))


if __name__ == "__main__":
    main()
