"""Find the items whose ranges overlap or contain a range, without comparing every pair.

Statement extraction asks, for each quote or statement, which reported clauses, mentions or
other statements lie around it. Asked of every item in a list this was quadratic: 4,000 short
quotes took 45 s. :class:`RangeIndex` answers from the items sorted by start with a running
maximum of their ends, so a query costs a binary search plus a walk back over the items that
start before the range and might still reach it: O(log n + k) when ranges nest a few deep, as
in text.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class RangeIndex(Generic[T]):
    """Items with ``[start, end)`` ranges; answers come in the order the items were given."""

    def __init__(self, items: Iterable[T], bounds: Callable[[T], tuple[int, int]]) -> None:
        ranged = [(*bounds(item), position, item) for position, item in enumerate(items)]
        ranged.sort(key=lambda r: (r[0], r[2]))
        self._starts = [r[0] for r in ranged]
        self._ends = [r[1] for r in ranged]
        self._entries = [(r[2], r[3]) for r in ranged]
        self._reach: list[int] = []
        """The largest end among the items up to each position (in start order)."""
        furthest = -1
        for end in self._ends:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[T]:
        """Every item, in the order given."""
        return iter(self._in_order([(k, self._entries[k][0]) for k in range(len(self))]))

    def _walk(self, last: int, reaching: int) -> list[tuple[int, int]]:
        """(position in start order, original position) of the items at or before ``last``
        whose end is at least ``reaching``, found by walking back until none can reach."""
        found = []
        k = last
        while k >= 0 and self._reach[k] >= reaching:
            if self._ends[k] >= reaching:
                found.append((k, self._entries[k][0]))
            k -= 1
        return found

    def _in_order(self, found: list[tuple[int, int]]) -> list[T]:
        found.sort(key=lambda pair: pair[1])
        return [self._entries[k][1] for k, _ in found]

    def overlapping(self, start: int, end: int) -> list[T]:
        """Items whose range shares at least one position with ``[start, end)``."""
        last = bisect.bisect_left(self._starts, end) - 1
        found = [pair for pair in self._walk(last, start + 1) if self._ends[pair[0]] > start]
        return self._in_order(found)

    def containing(self, start: int, end: int) -> list[T]:
        """Items whose range holds all of ``[start, end)``."""
        last = bisect.bisect_right(self._starts, start) - 1
        return self._in_order(self._walk(last, end))
