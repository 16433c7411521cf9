"""Dates as metadata gives them: ISO 8601 from what a page, a feed or a user writes.

One parser for every reader: ISO 8601 (``2024-03-05``, ``2024-03-05T10:00:00-05:00``), RFC 2822
(``Tue, 05 Mar 2024 10:00:00 GMT``, as feeds and some meta tags write it) and Unix seconds.
A date without a time stays a date; a time keeps its offset, so its day is the day where the
story was published. Years outside 1990-2100 are taken for errors (a default ``1970`` or a
typo), not dates. :func:`date_in_url` reads the date a URL's path spells out.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_FIRST_YEAR, _LAST_YEAR = 1990, 2100
# A date in a URL path: /2016/12/15/, /2016-12-15/, /2009/oct/14/, /20161215/.
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>0?[1-9]|1[0-2]|[a-z]{3})[/-](?P<d>0?[1-9]|[12]\d|3[01])"
    r"(?:/|-|\.|$)"
    r"|/(?P<y2>(?:19|20)\d{2})(?P<m2>0[1-9]|1[0-2])(?P<d2>0[1-9]|[12]\d|3[01])(?:/|$)",
    re.IGNORECASE,
)
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_MONTHS = tuple(name[:3] for name in _MONTH_NAMES)


def iso_date(value: object) -> str | None:
    """ISO 8601 for a date given as ISO 8601, RFC 2822 or Unix seconds; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            parsed = datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return parsed.isoformat() if _FIRST_YEAR <= parsed.year <= _LAST_YEAR else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or not text[:1].isalnum():
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if not _FIRST_YEAR <= parsed.year <= _LAST_YEAR:
        return None
    if ":" not in text:
        return parsed.date().isoformat()
    return parsed.isoformat()


def date_in_url(url: str) -> str | None:
    """A full date written in a URL's path (``/2016/12/15/``, ``/2009/oct/14/``), as ISO."""
    match = _URL_DATE.search(url)
    if match is None:
        return None
    year = match.group("y") or match.group("y2")
    month = match.group("m") or match.group("m2")
    day = match.group("d") or match.group("d2")
    if month.isalpha():
        if month.lower() not in _MONTHS:
            return None
        month = str(_MONTHS.index(month.lower()) + 1)
    try:
        return datetime(int(year), int(month), int(day)).date().isoformat()
    except ValueError:
        return None


_WRITTEN = re.compile(r"(?P<m>[A-Za-z]{3})[a-z]*\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})")
# A full date inside a page's date line: "November 14, 2026", "Thu 12 Nov 2026", "2026-11-12"
# (day-first and month-first in words, ISO; never "12/11/2026", whose order is unknown).
_STAMPED = re.compile(
    r"\b(?:(?P<m>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>[A-Za-z]{3,9})\.?,?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?!\d))"
)
_UPDATED = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)


def written_date(text: str) -> str | None:
    """ISO for a date written out with its year (``June 3, 2024``, ``Sept. 5 2023``)."""
    match = _WRITTEN.fullmatch(text.strip())
    if match is None or match.group("m").lower() not in _MONTHS:
        return None
    try:
        day = datetime(int(match.group("y")), _MONTHS.index(match.group("m").lower()) + 1, 1)
        day = day.replace(day=int(match.group("d")))
    except ValueError:
        return None
    return day.date().isoformat() if _FIRST_YEAR <= day.year <= _LAST_YEAR else None


def stamped_date(text: str) -> str | None:
    """ISO for the publication day a page's date line gives, or None.

    A date written after "updated" (or "modified", "edited") is the day of a later change, not
    of publication: ``Published 3 June 2024, updated 5 June 2024`` gives 2024-06-03 and
    ``Updated June 5, 2024`` alone gives None (on WCXB's pages an update-only line gave a day
    other than the page's publication date on 9 of the 15 pages with one).
    """
    previous_end = 0
    for match in _STAMPED.finditer(text):
        updated = _UPDATED.search(text, previous_end, match.start()) is not None
        previous_end = match.end()
        day = _stamped_day(match)
        if day is not None and not updated:
            return day
    return None


def has_written_date(text: str) -> bool:
    """Whether ``text`` holds a full date as a page's date line writes one, published or
    updated."""
    return any(_stamped_day(match) is not None for match in _STAMPED.finditer(text))


def _stamped_day(match: re.Match[str]) -> str | None:
    if match.group("y3"):
        year, month, day = match.group("y3"), match.group("m3"), match.group("d3")
    else:
        year = match.group("y") or match.group("y2")
        name = (match.group("m") or match.group("m2")).lower()
        day = match.group("d") or match.group("d2")
        month_index = _month_index(name)
        if month_index is None:
            return None
        month = str(month_index)
    try:
        found = datetime(int(year), int(month), int(day)).date()
    except ValueError:
        return None
    return found.isoformat() if _FIRST_YEAR <= found.year <= _LAST_YEAR else None


def _month_index(name: str) -> int | None:
    """1-12 for a month's name or its abbreviation (``Sept``; three letters at least, as the
    pattern matches), else None."""
    for index, full in enumerate(_MONTH_NAMES, start=1):
        if full.startswith(name):
            return index
    return None
