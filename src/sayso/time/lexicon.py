"""The word lists of the TIMEX3 tagger, read once from ``data/lexicon.json``.

Keeping them as data lets a reviewer see every word the tagger knows and where it came from
(``data/README.md``) without reading regular expressions.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Temporal vocabulary: names, numbers, units, modifiers and cue words."""

    months: MappingProxyType[str, int]
    month_abbreviations: MappingProxyType[str, int]
    weekdays: MappingProxyType[str, int]
    seasons: MappingProxyType[str, str]
    parts_of_day: MappingProxyType[str, str]
    numbers: MappingProxyType[str, float]
    vague_numbers: frozenset[str]
    units: MappingProxyType[str, tuple[str, str]]
    """Unit word → (TIMEX3 duration letter, ``"T"`` for time units else ``""``)."""
    mods: MappingProxyType[str, str]
    signals: MappingProxyType[str, str]
    outside_span_mods: frozenset[str]
    """Modifiers that give a ``mod`` without joining the span (``within``, ``over``)."""
    fuzzy: MappingProxyType[str, str]
    sets: MappingProxyType[str, str]
    holidays: MappingProxyType[str, str]
    movable_holidays: MappingProxyType[str, tuple[int, int, int, int]]
    """Name → (month, ISO weekday, n, days after): the n-th such weekday of the month (``-1``
    the last), moved on by ``days after`` (US Election Day: the day after the first Monday)."""
    easter_feasts: MappingProxyType[str, int]
    """Name → days from Easter Sunday (``Good Friday`` → -2)."""
    year_blockers: frozenset[str]
    future_cues: tuple[str, ...]
    past_cues: tuple[str, ...]

    def month_number(self, word: str) -> int | None:
        """The month number of a full name or abbreviation (``Sept.`` → 9), else None."""
        key = word.rstrip(".").strip().title()
        return self.months.get(key) or self.month_abbreviations.get(key)


def _frozen(mapping: dict[str, Any]) -> MappingProxyType[str, Any]:
    return MappingProxyType(dict(mapping))


@functools.cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon (parsed on first use, then shared)."""
    raw = json.loads(
        resources.files("sayso.time").joinpath("data/lexicon.json").read_text(encoding="utf-8")
    )
    return Lexicon(
        months=_frozen(raw["months"]),
        month_abbreviations=_frozen(raw["month_abbreviations"]),
        weekdays=_frozen(raw["weekdays"]),
        seasons=_frozen(raw["seasons"]),
        parts_of_day=_frozen(raw["parts_of_day"]),
        numbers=_frozen({k: float(v) for k, v in raw["numbers"].items()}),
        vague_numbers=frozenset(raw["vague_numbers"]),
        units=_frozen({k: (v[0], v[1]) for k, v in raw["units"].items()}),
        mods=_frozen(raw["mods"]),
        signals=_frozen(raw["signals"]),
        outside_span_mods=frozenset(raw["outside_span_mods"]),
        fuzzy=_frozen(raw["fuzzy"]),
        sets=_frozen(raw["sets"]),
        holidays=_frozen(raw["holidays"]),
        movable_holidays=_frozen(
            {
                k: (v[0], v[1], v[2], v[3] if len(v) > 3 else 0)
                for k, v in raw["movable_holidays"].items()
            }
        ),
        easter_feasts=_frozen(raw["easter_feasts"]),
        year_blockers=frozenset(raw["year_blockers"]),
        future_cues=tuple(raw["future_cues"]),
        past_cues=tuple(raw["past_cues"]),
    )
