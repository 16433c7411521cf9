"""Estimating when an undated article was written, from what it says about time.

Rules, first that applies wins:

1. **Elapsed time since a date, in the present tense.** A duration followed in the same
   sentence by ``after``/``since`` and then an absolute date, with no past-tense verb before the
   duration in that sentence: "This new story comes almost two years after he was killed ... in
   January 2020". The article was written the duration after the date. The interval, in
   months: exact durations give ``[date, date's last month] + N``; ``almost``/``nearly``
   ``[+N - N/6, +N]``; ``about``/``around``/``some`` ``[+N - N/6, +N + N/6]``; ``more
   than``/``over`` ``[+N, +N + N/6]`` (N/6 rounded, at least one month). The value is the
   interval's middle month. So "almost two years after ... January 2020" gives 2021-09 ..
   2022-01, value 2021-11.
2. **The latest absolute date mentioned as come** (a DATE/TIME with a full year, not a
   ``by``/``before`` bound, and no word before it in its sentence that looks ahead: ``will``,
   ``would``, ``due``, ``scheduled``, ``until``...) is a lower bound: ``earliest`` is that date,
   ``latest`` is None. On PolNeAR's 924 articles (train and dev, true dates from its
   metadata), leaving out the dates looked forward to took the wrong lower bounds from 80 to
   55 of about 570, with 493 right ones (was 491).

Both are marked ``estimated=True``, ``source="estimate"``, with the spans they rest on.
"""

from __future__ import annotations

import re

from sayso.records import Published, Span, Timex
from sayso.time.anchor import sentence_bounds

_ABSOLUTE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?")
_DURATION = re.compile(r"P(\d+(?:\.\d+)?)([YMWD])")
_AFTER = re.compile(r"\s+(?:after|since)\b", re.IGNORECASE)
_PAST_BEFORE = re.compile(r"\b(?:was|were|had|did|\w{3,}ed)\b", re.IGNORECASE)
_BELOW = ("almost", "nearly", "close to", "just under", "less than", "under")
_ABOVE = ("more than", "over", "at least", "just over")
_MONTHS_PER_UNIT = {"Y": 12.0, "M": 1.0, "W": 12 / 52, "D": 12 / 365}
_BOUNDED_MODS = frozenset({"BEFORE", "ON_OR_BEFORE"})
_SLACK_FRACTION = 6  # "almost two years" spans the last sixth (four months) below two years


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _absolute_months(timex: Timex) -> tuple[int, int] | None:
    """First and last month index an absolute DATE/TIME covers (``2020`` → Jan..Dec 2020)."""
    if timex.type not in {"DATE", "TIME"} or timex.anchor is not None:
        return None
    match = _ABSOLUTE.fullmatch(timex.value)
    if match is None:
        return None
    year = int(match.group(1))
    if match.group(2):
        index = _month_index(year, int(match.group(2)))
        return index, index
    return _month_index(year, 1), _month_index(year, 12)


def _elapsed(text: str, duration: Timex, timexes: tuple[Timex, ...]) -> Published | None:
    match = _DURATION.fullmatch(duration.value)
    if match is None or not _AFTER.match(text, duration.span.end):
        return None
    left, right = sentence_bounds(text, duration.span.start, duration.span.end)
    if _PAST_BEFORE.search(text, left, duration.span.start):
        return None
    later = [t for t in timexes if duration.span.end < t.span.start < right and _absolute_months(t)]
    if not later:
        return None
    since = later[0]
    first, last = _absolute_months(since) or (0, 0)
    months = round(float(match.group(1)) * _MONTHS_PER_UNIT[match.group(2)])
    slack = max(1, round(months / _SLACK_FRACTION))
    words = duration.span.text.lower()
    if words.startswith(_BELOW):
        low, high = first + months - slack, last + months
    elif words.startswith(_ABOVE):
        low, high = first + months, last + months + slack
    elif duration.mod == "APPROX":
        low, high = first + months - slack, last + months + slack
    else:
        low, high = first + months, last + months
    return Published(
        value=_month_text((low + high) // 2),
        source="estimate",
        earliest=_month_text(low),
        latest=_month_text(high),
        evidence=(duration.span, since.span),
        estimated=True,
    )


_AHEAD = re.compile(
    r"\b(?:will|would|shall|could|might|going\s+to|expect(?:s|ed)?|plans?\s+to|planned"
    r"|scheduled|due|upcoming|next|approaching|set\s+to|slated|until|through|projected|hopes?"
    r"|predict\w*|forecast\w*|eye(?:s|ing)|aims?\s+to)\b|['’]ll\b",
    re.IGNORECASE,
)
"""Words before a date in its sentence that make it a date looked forward to (``will be held
in 2017``, ``is due in 2034``, ``expected to win in November 2016``), no sign that it is past."""


def _past_evidence(text: str, timex: Timex) -> bool:
    """Whether a mention shows that its date had come when the article was written."""
    if timex.mod in _BOUNDED_MODS:
        return False
    left, _ = sentence_bounds(text, timex.span.start, timex.span.end)
    return _AHEAD.search(text, left, timex.span.start) is None


def _latest_mentioned(text: str, timexes: tuple[Timex, ...]) -> Published | None:
    dated = [t for t in timexes if _absolute_months(t) is not None and _past_evidence(text, t)]
    if not dated:
        return None
    latest = max(dated, key=lambda t: (t.value[:10], -t.span.start))
    evidence: tuple[Span, ...] = (latest.span,)
    return Published(
        value=latest.value[:10],
        source="estimate",
        earliest=latest.value[:10],
        latest=None,
        evidence=evidence,
        estimated=True,
    )


def estimate_publication(text: str, timexes: tuple[Timex, ...]) -> Published | None:
    """An estimated publication date for an undated article, or None without evidence."""
    for timex in timexes:
        if timex.type == "DURATION":
            found = _elapsed(text, timex, timexes)
            if found is not None:
                return found
    return _latest_mentioned(text, timexes)
