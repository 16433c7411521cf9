"""TIMEX3 values to EDTF-style strings, and the date bounds of such strings.

Conventions (as in :class:`sayso.records.model.EventTime`): ``2014-06`` a month, ``2017~``
approximate, ``..2017`` on or before 2017, ``2017..`` on or after, ``2021-09/2021-12`` an interval,
``XXXX-09-11`` an unspecified year. Seasons and quarters use EDTF's codes (summer 2014 is
``2014-22``, the third quarter ``2014-35``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

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
