"""TIMEX3 values to EDTF-style strings, and the date bounds of such strings.

Conventions (as in :class:`sayso.records.model.EventTime`): ``2014-06`` a month, ``2017~``
approximate, ``..2017`` on or before 2017, ``2017..`` on or after, ``2021-09/2021-12`` an interval,
``XXXX-09-11`` an unspecified year. Seasons and quarters use EDTF's codes (summer 2014 is
``2014-22``, the third quarter ``2014-35``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from sayso.records.model import Timex

_DATE = re.compile(r"^(\d{4}|X{4})(?:-(\d{2}|XX))?(?:-(\d{2}|XX))?(?:T.*)?$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_SEASON_CODES = {"SP": "21", "SU": "22", "FA": "23", "AU": "23", "WI": "24"}
_SEASON_MONTHS = {"21": (3, 5), "22": (6, 8), "23": (9, 11), "24": (12, 12)}
_BEFORE_MODS = frozenset({"BEFORE", "ON_OR_BEFORE"})
_AFTER_MODS = frozenset({"AFTER", "ON_OR_AFTER"})
_PART_OF_YEAR = {"START": ("01", "04"), "MID": ("05", "08"), "END": ("09", "12")}
"""TIMEX3 ``mod`` on a year (``early 2021``) → the months it is taken to cover."""


def timex_value_to_edtf(value: str) -> str | None:
    """The EDTF form of a TIMEX3 date value, or None for references, weeks and durations."""
    if m := _SEASON.match(value):
        return f"{m.group(1)}-{_SEASON_CODES[m.group(2)]}"
    if m := _QUARTER.match(value):
        return f"{m.group(1)}-{32 + int(m.group(2))}"
    if _DECADE.match(value):
        return value + "X"
    if _CENTURY.match(value):
        return value + "XX"
    if m := _DATE.match(value):
        return "-".join(part for part in m.groups() if part)
    return None


def timex_to_edtf(timex: Timex) -> str | None:
    """The EDTF form of a DATE or TIME timex, with its ``mod`` folded in.

    ``APPROX`` → ``2017~``; ``BEFORE`` → ``..2017``; ``AFTER`` → ``2017..``; ``START``, ``MID``
    and ``END`` of a year → a four-month interval (``late 2021`` → ``2021-09/2021-12``).
    """
    if timex.type == "DURATION" and timex.end_value is not None:
        # ``three days later``, ``almost two years after January 2020``: the day it reaches,
        # approximate where the stretch is (``almost``, ``more than``)
        reached = timex_value_to_edtf(timex.end_value)
        return reached + "~" if reached and timex.mod else reached
    if timex.type not in ("DATE", "TIME"):
        return None
    value = timex_value_to_edtf(timex.value)
    if value is None:
        return None
    if timex.mod == "APPROX":
        return value + "~"
    if timex.mod in _BEFORE_MODS:
        return ".." + value
    if timex.mod in _AFTER_MODS:
        return value + ".."
    if timex.mod in _PART_OF_YEAR and len(value) == 4 and value.isdigit():
        first, last = _PART_OF_YEAR[timex.mod]
        return f"{value}-{first}/{value}-{last}"
    return value


def edtf_for_relation(value: str, relation: str) -> str:
    """``value`` as an open interval for ``before`` (``..2017``) and ``after`` (``2017..``)."""
    if relation == "before":
        return ".." + value
    if relation == "after":
        return value + ".."
    return value


def _date_bounds(value: str) -> tuple[str, str] | None:
    """First and last ISO day of one EDTF date (``2014-06`` → 2014-06-01, 2014-06-30)."""
    value = value.rstrip("~?%")
    if not value:
        return None
    if "X" in value[:4]:
        if value[:2].isdigit():
            century = value[:2]
            low_year = int(century + ("0" if value[2] == "X" else value[2]) + "0")
            high_year = int(century + ("9" if value[2] == "X" else value[2]) + "9")
            return f"{low_year:04d}-01-01", f"{high_year:04d}-12-31"
        return None
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    code = parts[1]
    if code == "XX":
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(code)
    if month in range(33, 37):
        first = (month - 33) * 3 + 1
        last = first + 2
        return f"{year:04d}-{first:02d}-01", _month_end(year, last)
    if month in range(21, 25):
        first, last = _SEASON_MONTHS[str(month)]
        return f"{year:04d}-{first:02d}-01", _month_end(year, last)
    if not 1 <= month <= 12:
        return None
    if len(parts) == 2 or parts[2] == "XX":
        return f"{year:04d}-{month:02d}-01", _month_end(year, month)
    day = int(parts[2][:2])
    date(year, month, day)  # raises ValueError for a day the month does not have
    return f"{year:04d}-{month:02d}-{day:02d}", f"{year:04d}-{month:02d}-{day:02d}"


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def edtf_bounds(value: str) -> tuple[str | None, str | None]:
    """Earliest and latest ISO day an EDTF-style value allows (None where open or unknown).

    ``..2017`` → (None, 2017-12-31); ``2014-06`` → (2014-06-01, 2014-06-30);
    ``2021-09/2021-12`` → (2021-09-01, 2021-12-31).
    """
    if "/" in value:
        start, _, end = value.partition("/")
        low = _date_bounds(start) if start and start != ".." else None
        high = _date_bounds(end) if end and end != ".." else None
        return (low[0] if low else None, high[1] if high else None)
    if value.startswith(".."):
        bounds = _date_bounds(value[2:])
        return (None, bounds[1] if bounds else None)
    if value.endswith(".."):
        bounds = _date_bounds(value[:-2])
        return (bounds[0] if bounds else None, None)
    bounds = _date_bounds(value)
    return bounds if bounds else (None, None)


def is_valid_edtf_date(value: str) -> bool:
    """Whether a plain EDTF date names a real calendar day, month or year."""
    try:
        return _date_bounds(value) is not None
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class AxisSpan:
    """Where an EDTF-style value sits on a time axis: the days it covers."""

    start: str
    """The first ISO day."""
    last: str
    """The last ISO day (the same as ``start`` for a single day)."""
    approximate: bool
    """``~``, ``?`` or ``%``: the value is uncertain or approximate."""

    @property
    def end(self) -> str | None:
        """The day after ``last`` (an exclusive end, as timeline libraries take it), or None
        for a single day."""
        if self.last == self.start:
            return None
        return (date.fromisoformat(self.last) + timedelta(days=1)).isoformat()


def _safe_bounds(value: str) -> tuple[str, str] | None:
    try:
        return _date_bounds(value)
    except ValueError:  # a day its month does not have
        return None


def axis_span(value: str) -> AxisSpan | None:
    """The days an EDTF-style value covers, for placing it on a time axis: ``2014`` the whole
    year, ``2014-06`` the month, ``2021-09/2021-12`` the interval. An open side (``..2017``, by
    2017; ``2017..``, 2017 or later) is drawn as the known date's own days. None where no year
    is known (``XXXX-06-01``) or the value is not a date: such a value must never be drawn at
    year 1 or at an invented day.
    """
    approximate = any(mark in value for mark in "~?%")
    parts = [part for part in value.replace("..", "/").split("/") if part]
    bounds = [b for b in (_safe_bounds(part) for part in parts) if b is not None]
    if not bounds or len(bounds) != len(parts):
        return None
    start, last = bounds[0][0], bounds[-1][1]
    if last < start:
        return None
    return AxisSpan(start, last, approximate)


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""English month names, whatever the locale (``calendar.month_name`` follows it)."""
_SEASON_NAMES = {"21": "spring", "22": "summer", "23": "autumn", "24": "winter"}


def _readable_date(value: str) -> str:
    """One EDTF date in words: ``2014-06-03`` → 3 June 2014."""
    plain = value.rstrip("~?%")
    parts = plain.split("-")
    year = parts[0]
    if "X" in year:
        if year[:3].isdigit():
            shown = f"the {year[:3]}0s"
        elif year[:2].isdigit():
            shown = f"the {int(year[:2]) + 1}th century"
        else:
            shown = "year unknown"
            if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
                month = _MONTHS[int(parts[1]) - 1]
                day = parts[2] if len(parts) > 2 and parts[2].isdigit() else None
                shown = f"{int(day)} {month}" if day else month
                shown += ", year unknown"
        return shown
    if len(parts) == 1 or not parts[1].isdigit():
        shown = year
    elif parts[1] in _SEASON_NAMES:
        shown = f"{_SEASON_NAMES[parts[1]]} {year}"
    elif 33 <= int(parts[1]) <= 36:
        shown = f"Q{int(parts[1]) - 32} {year}"
    elif 1 <= int(parts[1]) <= 12:
        month = _MONTHS[int(parts[1]) - 1]
        day = parts[2][:2] if len(parts) > 2 and parts[2][:2].isdigit() else None
        shown = f"{int(day)} {month} {year}" if day else f"{month} {year}"
    else:
        shown = plain
    return "about " + shown if plain != value else shown


def readable_date(value: str) -> str:
    """An EDTF-style value as a reader says it: ``2014-06`` → June 2014, ``2017~`` → about
    2017, ``..2017`` → by 2017, ``2017..`` → 2017 or later, ``2021-09/2021-12`` → September
    2021 to December 2021, ``XXXX-06-01`` → 1 June, year unknown."""
    if "/" in value:
        start, _, end = value.partition("/")
        if start in ("", ".."):
            return "by " + _readable_date(end)
        if end in ("", ".."):
            return _readable_date(start) + " or later"
        return f"{_readable_date(start)} to {_readable_date(end)}"
    if value.startswith(".."):
        return "by " + _readable_date(value[2:])
    if value.endswith(".."):
        return _readable_date(value[:-2]) + " or later"
    return _readable_date(value)
