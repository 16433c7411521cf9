"""``jsonl``: the canonical records, one ArticleResult per line, exactly as ``to_dict`` writes.

This is the lossless export: ``sayso.records.from_dict`` reads every line back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from sayso.records import ArticleResult, to_dict


def write_jsonl(results: Iterable[ArticleResult], stream: IO[bytes]) -> int:
    """Write one JSON object per line (UTF-8); how many articles were written."""
    count = 0
    for result in results:
        line = json.dumps(to_dict(result), ensure_ascii=False, separators=(",", ":"))
        stream.write(line.encode("utf-8") + b"\n")
        count += 1
    return count
