"""Writing a JSON-LD document whose ``@graph`` is streamed node by node.

A corpus's annotations or claims can be far larger than memory; the document is written as
``{"@context": ..., "@graph": [node, node, ...]}`` one node at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def write_graph(stream: IO[bytes], context: Any, nodes: Iterable[dict[str, Any]]) -> int:
    """Write one JSON-LD document with ``context`` and ``nodes`` as its graph; how many nodes."""
    return write_document(stream, {"@context": context}, "@graph", nodes)


def write_document(
    stream: IO[bytes], head: dict[str, Any], key: str, nodes: Iterable[dict[str, Any]]
) -> int:
    """Write ``head`` with one more member, ``key``, listing ``nodes``; how many nodes."""
    stream.write(_dumps(head)[:-1] + b", " + _dumps(key) + b": [")
    count = 0
    for node in nodes:
        stream.write((b",\n  " if count else b"\n  ") + _dumps(node))
        count += 1
    stream.write(b"\n]}\n")
    return count
