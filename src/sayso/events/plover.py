"""PLOVER v2.0 event categories, sayso's extension kinds, and the CAMEO → PLOVER crosswalk.

PLOVER (Political Language Ontology for Verifiable Event Records, Open Event Data Alliance) has
sixteen categories. News about people and groups also needs kinds PLOVER leaves out (a death, an
appointment, a group renamed); sayso emits those as extension types and maps each to the PLOVER
category that fits, or to none (see ``docs/events.md``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

EXTENSION_TYPES: Mapping[str, str | None] = {
    "KILLED": "ASSAULT",
    "DIED": None,
    "APPOINTED": None,
    "BECAME_LEADER": None,
    "FOUNDED": None,
    "RENAMED": None,
    "MERGED": None,
    "SPLIT": None,
    "DECLARED": None,
    "ARRIVED": "CONSULT",
    "MET": "CONSULT",
    "SURRENDERED": "RETREAT",
}
"""Extension kind → the PLOVER category it is coded as, or None where none fits."""

LEGACY_NAMES: Mapping[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}
"""PLOVER 0.5 names (used by the gold-standard records) → v2.0 categories.

INVESTIGATE became ACCUSE with mode ``investigate`` (manual §3.9; crosswalk codes 090-094)."""

COOPERATIVE: frozenset[str] = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
"""Categories that become AGREE when reported in the future tense (manual §3.1)."""
MATERIAL_CONFLICT: frozenset[str] = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
"""Categories whose announcement or promise is a THREATEN (manual §3.11)."""
THREATENABLE: frozenset[str] = MATERIAL_CONFLICT | {"PROTEST"}
"""Categories whose announcement is a THREATEN: material conflict, and protests and boycotts
(crosswalk codes 133 "threaten with political dissent, protest" and 1312 "threaten to
boycott")."""


def to_plover(event_type: str) -> str | None:
    """The PLOVER v2.0 category for an event type, a legacy name, or an extension kind."""
    if event_type in PLOVER_TYPES:
        return event_type
    if event_type in LEGACY_NAMES:
        return LEGACY_NAMES[event_type]
    return EXTENSION_TYPES.get(event_type)


@dataclass(frozen=True, slots=True)
class CameoMapping:
    """One CAMEO code's PLOVER category, mode and contexts."""

    cameo: str
    plover: str
    mode: str | None
    contexts: tuple[str, ...]
    description: str


@functools.cache
def load_crosswalk() -> Mapping[str, CameoMapping]:
    """CAMEO code → PLOVER mapping from ``data/cameo_plover.tsv`` (CC BY-SA 4.0; see its README)."""
    text = (
        resources.files("sayso.events")
        .joinpath("data", "cameo_plover.tsv")
        .read_text(encoding="utf-8")
    )
    table: dict[str, CameoMapping] = {}
    for line in text.splitlines()[1:]:
        code, plover, mode, contexts, description = line.split("\t")
        table[code] = CameoMapping(
            cameo=code,
            plover=plover,
            mode=mode or None,
            contexts=tuple(c for c in contexts.split(";") if c),
            description=description,
        )
    return table


def cameo_to_plover(code: str) -> CameoMapping | None:
    """The mapping for a CAMEO code; unknown sub-codes fall back to their parent code.

    A two-digit root code (``18``) maps through its ``x0`` code (``180``), since the upstream
    table lists only three- and four-digit codes.
    """
    table = load_crosswalk()
    code = code.strip()
    if len(code) == 2:
        code += "0"
    while code:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def plover_category(event_type: str, modality: str = "asserted") -> str | None:
    """The PLOVER category an event is coded as, with PLOVER's future-tense rules (§2.3, §3.1).

    Extraction already applies the rules to PLOVER-typed events; this also applies them to
    extension kinds (a future ``MET`` is coded AGREE, like a future CONSULT).
    """
    plover = to_plover(event_type)
    if plover is None or modality != "future" or event_type == plover:
        return plover
    if plover in COOPERATIVE:
        return "AGREE"
    if plover == "RETREAT":
        return "CONCEDE"
    if plover in MATERIAL_CONFLICT:
        return "THREATEN"
    return plover
