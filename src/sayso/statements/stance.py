"""The outlet's stance toward a statement, with the words that decided it.

Decision rules, first match wins (``docs/stance.md`` has examples):

1. ``own-voice``: the outlet's own sentence is ``asserted``.
2. ``verdict-sentence``: the sentence right after the statement, in the same paragraph, opens
   with an anaphor ("This", "That", "Such", "It") and calls it false (``disputes.txt``) or
   right (``endorsements.txt``); a negated endorsement ("not true") disputes.
3. ``dispute-in-cue-sentence`` / ``hedge-in-cue-sentence`` / ``endorse-in-cue-sentence``: the
   words around the statement (its sentence outside the quoted content, or the sentence that
   introduced it) hold a dispute, hedge or endorsement word.
4. ``neutral-cue``: otherwise the outlet reports it neutrally.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from sayso.records import Span, StanceEvidence
from sayso.records.model import Stance
from sayso.statements.lexicons import Lexicons

_ANAPHOR_OPENING = re.compile(r"\s*(?:this|that|such|it|these|those)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|hardly|no)\s+(?:\w+\s+)?$", re.IGNORECASE)


@functools.cache
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b", re.IGNORECASE)


def _find(
    text: str, phrases: Sequence[str], windows: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    pattern = _phrase_pattern(tuple(phrases))
    return [m.span() for start, end in windows for m in pattern.finditer(text, start, end)]


def verdict(
    text: str, sentence: tuple[int, int], lexicons: Lexicons
) -> tuple[Stance, tuple[int, int]] | None:
    """The outlet's verdict in a sentence that follows a statement, if it gives one."""
    start, end = sentence
    if not _ANAPHOR_OPENING.match(text, start, end):
        return None
    disputes = _find(text, lexicons.disputes, [sentence])
    endorsements = _find(text, lexicons.endorsements, [sentence])
    for e_start, e_end in endorsements:
        if _NEGATION.search(text, start, e_start):
            disputes.append((e_start, e_end))
            endorsements.remove((e_start, e_end))
    if disputes:
        return "disputed", min(disputes)
    if endorsements:
        return "endorsed", min(endorsements)
    return None


def stance_of(
    text: str,
    *,
    frame: Sequence[tuple[int, int]],
    cue: tuple[int, int] | None,
    following: tuple[int, int] | None,
    lexicons: Lexicons,
) -> StanceEvidence:
    """The stance for a reported statement.

    ``frame`` holds the stretches of the statement's own sentences that are not its content
    (where the outlet's words are); ``following`` is the next sentence of the paragraph that
    is no one else's statement.
    """
    if following is not None:
        found = verdict(text, following, lexicons)
        if found is not None:
            label, (start, end) = found
            return StanceEvidence(label, (Span.of(text, start, end),), "verdict-sentence")
    windows = list(frame)
    for label, phrases, rule in (
        ("disputed", lexicons.disputes, "dispute-in-cue-sentence"),
        ("hedged", lexicons.hedges, "hedge-in-cue-sentence"),
        ("endorsed", lexicons.endorsements, "endorse-in-cue-sentence"),
    ):
        hits = _find(text, phrases, windows)
        if hits:
            cues = tuple(Span.of(text, s, e) for s, e in sorted(set(hits)))
            return StanceEvidence(label, cues, rule)
    cues = (Span.of(text, *cue),) if cue else ()
    return StanceEvidence("neutral", cues, "neutral-cue")


def own_voice_stance() -> StanceEvidence:
    """The outlet's own sentences are asserted."""
    return StanceEvidence("asserted", (), "own-voice")
