"""Calendar arithmetic on partial dates, and TIMEX3 value strings.

An :class:`Anchor` may know only a year, or a year and month: a relative expression is
resolved only as far as its anchor allows (``last year`` needs a year, ``yesterday`` a day);
what cannot be resolved is written with TIMEX3's ``X`` placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
"""The first month of each TIMEX3 season."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions are resolved against, as precise as it is known."""

    year: int
    month: int | None = None
    day: int | None = None
    source: str = "dct"
    """``dct`` (the document's date) or ``discourse`` (the last absolute date before it)."""

    @property
    def date(self) -> date | None:
        """The full date, when day, month and year are all known."""
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    @property
    def quarter(self) -> int | None:
        return None if self.month is None else (self.month - 1) // 3 + 1

    def iso(self) -> str:
        """The anchor as an ISO 8601 (possibly reduced-precision) date."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_anchor(value: str | None, source: str) -> Anchor | None:
    """An anchor from an ISO date or date-time (``2022-01-05``, ``2022-01``), else None."""
    if not value:
        return None
    match = _ISO_DATE.match(value.strip())
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and month is not None:
        try:
            date(year, month, day)
        except ValueError:
            return None
    return Anchor(year, month, day, source)


def anchor_from_value(value: str, source: str = "discourse") -> Anchor | None:
    """An anchor from an absolute TIMEX3 DATE/TIME value (``2014-06-29``, ``2014-06``)."""
    if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T.*)?", value) is None:
        return None
    return parse_anchor(value[:10], source)


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``months`` (may be negative)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift_day(day: date, days: int) -> date:
    return day + timedelta(days=days)


def day_value(day: date) -> str:
    return day.isoformat()


def week_value(day: date) -> str:
    """The ISO week holding ``day``: ``1998-W32``."""
    iso_year, week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def weekday_on_or_before(day: date, weekday: int) -> date:
    """The latest date on or before ``day`` that falls on ISO ``weekday`` (1 = Monday)."""
    return day - timedelta(days=(day.isoweekday() - weekday) % 7)


def weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.isoweekday()) % 7)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` of a month; ``n = -1`` is the last one."""
    if n > 0:
        first = weekday_on_or_after(date(year, month, 1), weekday)
        return first + timedelta(weeks=n - 1)
    next_year, next_month = add_months(year, month, 1)
    return weekday_on_or_before(date(next_year, next_month, 1) - timedelta(days=1), weekday)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


_GRANULARITY = (
    (re.compile(r"P(?:[\dX.]+[YMWDQECL])*T[\dX.]+[HMS]"), "time"),
    (re.compile(r"P[\dX.]+Y"), "year"),
    (re.compile(r"P[\dX.]+M"), "month"),
    (re.compile(r"P[\dX.]+W"), "week"),
    (re.compile(r"P[\dX.]+D"), "day"),
    (re.compile(r"P[\dX.]+Q"), "quarter"),
    (re.compile(r"P[\dX.]+[ECL]"), "decade"),
    (re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}T.*"), "time"),
    (re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}"), "day"),
    (re.compile(r"[\dX]{4}-W[\dX]{2}-\d"), "day"),
    (re.compile(r"[\dX]{4}-W[\dX]{2}(?:-WE)?"), "week"),
    (re.compile(r"[\dX]{4}-[\dX]{2}"), "month"),
    (re.compile(r"[\dX]{4}-Q[\dX]"), "quarter"),
    (re.compile(r"[\dX]{4}-H\d"), "half"),
    (re.compile(r"[\dX]{4}-(?:SP|SU|FA|WI)"), "season"),
    (re.compile(r"[\dX]{4}"), "year"),
    (re.compile(r"[\dX]{3}"), "decade"),
    (re.compile(r"[\dX]{2}"), "century"),
    (re.compile(r"(?:PAST|PRESENT|FUTURE)_REF"), "vague"),
)


def granularity(value: str) -> str | None:
    """The unit a TIMEX3 value is precise to: ``2014-06`` → ``month``, ``P2Y`` → ``year``."""
    for pattern, name in _GRANULARITY:
        if pattern.fullmatch(value):
            return name
    return None
