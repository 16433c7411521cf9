"""The wire agency whose copy an outlet ran, found in the story's own credits.

An agency is named, outside the dateline (:mod:`sayso.ingest.dateline` parses that), in

* the **byline**: ``By Reuters``, ``Associated Press``, ``Jane Roe, AFP``, ``Reuters Staff``;
* a **sign-off** ending the story: a last paragraph ``— AP`` or ``(Reuters)``, or one that ends
  ``... on Tuesday. —AFP``;
* a **credit line** near the end: ``The Associated Press contributed to this report.``,
  ``Additional reporting by Reuters``, ``With inputs from PTI``, ``With AFP``.

Only names that the outlet table (:mod:`sayso.ingest.outlets`) lists as wire agencies count,
written as the agency writes itself (``AP``, ``AFP``, ``Reuters``, ``Agence France-Presse``),
so that ``told Reuters`` in a sentence or a reporter called Petra is never an agency. The
agency is given by the table's name (``AP`` → ``Associated Press``), so one agency has one
name across a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from sayso.ingest.outlets import name_key, outlet_named, wire_agency, wire_forms

_ENDING_PARAGRAPHS = 3
"""Sign-offs and credit lines sit in the story's last paragraphs."""
_CREDIT_MAX_WORDS = 25
_TAIL = 300
"""A sign-off or credit appended to the last paragraph is in its last characters."""


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    forms = sorted(wire_forms(), key=len, reverse=True)
    agency = "(?:" + "|".join(re.escape(f) for f in forms) + ")"

    def one(n: int) -> str:
        return rf"(?:[Tt]he\s+)?(?P<a{n}>{agency})"

    byline = re.compile(
        rf"(?:[Bb]y\s+)?{one(1)}(?:\s+(?:[Ss]taff|[Rr]eporters?|[Ww]riters?|[Nn]ews))?\s*"
        rf"|(?:[Bb]y\s+)?[^,|/;]{{2,60}}?\s*(?:,|\||/|;|\bfor\b|\bof\b)\s*{one(2)}\s*"
    )
    signoff = re.compile(rf"(?:^|[.!?”\"’)]\s*)[—–-]{{1,2}}\s*{one(1)}\s*$|^\(\s*{one(2)}\s*\)\s*$")
    credit = re.compile(
        rf"(?:^|(?<=[.!?”\"’)])\s+|[—–-]\s*|\(\s*){one(1)}(?:\s*(?:and|,)\s*(?:[Tt]he\s+)?{agency})*\s+(?:also\s+)?contributed\b"
        rf"|\b(?:[Aa]dditional\s+)?[Rr]eporting\s+(?:by|from)\s+{one(2)}\b"
        rf"|^\(?\s*[Ww]ith\s+(?:inputs\s+from\s+|reporting\s+from\s+|agencies\s+and\s+)?{one(3)}\b"
        rf"|^(?:[Ss]ource|[Cc]redit)\s*:\s*{one(4)}\s*\.?$"
    )
    return byline, signoff, credit


def _named(match: re.Match[str] | None) -> str | None:
    """The agency a match of one of the patterns names, by the table's name."""
    if match is None:
        return None
    name = next(v for k, v in match.groupdict().items() if k.startswith("a") and v)
    return canonical_agency(name)


def canonical_agency(name: str) -> str:
    """The table's name for a wire agency (``AP`` → ``Associated Press``), else ``name``."""
    found = wire_agency(name)
    return found.name if found is not None else name


def agency_in_byline(byline: str) -> str | None:
    """The agency a byline credits: ``By Reuters``, ``Jane Roe, Associated Press``."""
    byline_pattern = _patterns()[0]
    return _named(byline_pattern.fullmatch(byline.strip()))


def credit_line_agency(text: str) -> str | None:
    """The agency a short credit line or sign-off names (``AFP contributed to this report.``)."""
    stripped = text.strip()
    if len(stripped.split()) > _CREDIT_MAX_WORDS:
        return None
    _, signoff, credit = _patterns()
    return _named(signoff.search(stripped) or credit.search(stripped))


def find_agency(
    paragraphs: Sequence[str], removed: Sequence[str], byline: str | None
) -> tuple[str, str] | None:
    """The story's wire agency and where it was found: ``byline``, ``sign-off`` or
    ``credit-line``.

    ``paragraphs`` are the body's paragraph texts; ``removed`` the texts a reader took out of
    the body (a credit line may be among them).
    """
    if byline:
        found = agency_in_byline(byline)
        if found:
            return found, "byline"
    _, signoff, credit = _patterns()
    ending = [t.strip() for t in reversed(paragraphs[-_ENDING_PARAGRAPHS:])]
    for text in ending:
        found = _named(signoff.search(text[-_TAIL:]))
        if found:
            return found, "sign-off"
    for text in [*ending, *(t.strip() for t in removed)]:
        found = _named(credit.search(text if len(text) <= _TAIL else text[-_TAIL:]))
        if found:
            return found, "credit-line"
    return None


def is_outlet_itself(agency: str, outlet: str | None) -> bool:
    """Whether a credit names the outlet that ran the story (``(CNN)`` on CNN's own page)."""
    if not outlet:
        return False
    key = name_key(agency)
    listed = outlet_named(outlet)
    forms = {name_key(outlet)}
    if listed is not None:
        forms |= {name_key(f) for f in (listed.name, *listed.aliases)}
    return key in forms
