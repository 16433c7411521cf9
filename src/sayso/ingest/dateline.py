"""Datelines: the place, date and agency that open a story (``BAGHDAD, June 3 (AP) —``).

A dateline is recognised by its shape alone, never by a list of places or agencies: at the
start of one of the body's first paragraphs, a place written in capitals (``WASHINGTON``,
``NEW DELHI``, ``ST. PETERSBURG, Fla.``) or a capitalised place followed by a parenthesised
credit (``Mumbai, India (CNN)``), an optional day (``June 3``), the credit in parentheses
(``(Reuters)``), and a dash or colon before the first sentence. A parenthesised credit alone
(``(CNN) —``) is a dateline without a place.

Words that open a paragraph in capitals without being a place (``UPDATE:``, ``BREAKING —``)
are labels, not datelines: :data:`_LABELS` keeps them out. The list is of page labels in
general use, not of anything seen in an evaluation set.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sayso.records import Dateline, Span

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"
# A region after the place: ", Va.", ", India", ", North Dakota" (at most three words).
_REGION = r"(?:,\s+[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,2})"
# Two places filed from at once are joined by a slash ("LONDON/DUBAI").
_UPPER_PLACE = rf"(?P<place>[A-Z][A-Z.'’\-]+(?:[ \-/][A-Z][A-Z.'’\-]+){{0,3}}{_REGION}?)"
_TITLE_PLACE = rf"(?P<place>[A-Z][a-z.'’\-]+(?:[ \-][A-Z][a-z.'’\-]+){{0,3}}{_REGION}?)"
_AGENCY = r"\((?P<agency>[A-Za-z][A-Za-z0-9&.'’ /\-]{0,39})\)"
# A spaced hyphen or double hyphen, an en or em dash (spaced or not), or a colon.
_DASH = r"(?:[ \t]+--?[ \t]+|[ \t]*(?:--|[–—])[ \t]*|:[ \t]+)(?=\S)"

_PATTERNS = (
    # WASHINGTON (Reuters) -   BAGHDAD, June 3 (AP) —   SACRAMENTO —   NEW DELHI:
    re.compile(rf"{_UPPER_PLACE}(?:,\s+{_DATE})?(?:\s*{_AGENCY})?{_DASH}"),
    # Mumbai, India (CNN) —   Washington, June 3 (Reuters) -
    re.compile(rf"{_TITLE_PLACE}(?:,\s+{_DATE})?\s*{_AGENCY}{_DASH}"),
    # (CNN) —
    re.compile(rf"{_AGENCY}{_DASH}"),
)

_LABELS = frozenset(
    {
        "ANALYSIS", "BREAKING", "BREAKING NEWS", "CORRECTION", "EDITOR'S NOTE", "EDITOR’S NOTE",
        "EXCLUSIVE", "FACT CHECK", "LISTEN", "LIVE", "NOTE", "OPINION", "PHOTOS", "READ MORE",
        "UPDATE", "UPDATED", "VIDEO", "WATCH", "WARNING", "FILE", "PHOTO", "Q", "A",
    }
)  # fmt: skip

PARAGRAPHS_SEARCHED = 3
"""A dateline opens the story: only the body's first paragraphs are searched (page furniture
left before the first sentence, such as a kicker line, can take a paragraph or two)."""


def find_dateline(text: str, paragraphs: Sequence[Span]) -> Dateline | None:
    """The dateline opening one of the first body ``paragraphs`` of ``text``, if any."""
    for paragraph in paragraphs[:PARAGRAPHS_SEARCHED]:
        found = dateline_at(text, paragraph.start, paragraph.end)
        if found is not None:
            return found
    return None


def dateline_at(text: str, start: int, end: int) -> Dateline | None:
    """The dateline at ``text[start:]``, ending before ``end``, if the text opens with one."""
    for pattern in _PATTERNS:
        match = pattern.match(text, start, end)
        if match is None:
            continue
        place = match.groupdict().get("place")
        if place is not None and _is_label(place):
            continue
        if match.end() >= end:  # a dateline always has a story after it
            continue
        return Dateline(
            span=Span.of(text, match.start(), match.end()),
            place=_group(text, match, "place"),
            date=_group(text, match, "date"),
            agency=_group(text, match, "agency"),
        )
    return None


def _is_label(place: str) -> bool:
    return place.upper() in _LABELS or place.split(",", maxsplit=1)[0].upper() in _LABELS


def _group(text: str, match: re.Match[str], name: str) -> Span | None:
    if match.groupdict().get(name) is None:
        return None
    start, end = match.span(name)
    return Span.of(text, start, end)
