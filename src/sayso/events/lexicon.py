"""The event trigger lexicon (``data/triggers.json``), loaded once into lemma-keyed dicts.

Extraction looks triggers up by a token's lemma in a dict and then checks a small cue (a particle,
an object, a modifier), so the cost per token is one dict lookup; nothing is compiled per token.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

PLACE_CUE = "@PLACE"
"""Cue that needs a direct object naming a place (GPE, LOC or FAC)."""
PERSON_CUE = "@PERSON"
"""Cue that needs a direct object naming a person."""
OBJECT_CUE = "@OBJ"
"""Cue that needs any direct object."""


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon entry: a head lemma, an optional cue word, the event type and PLOVER mode."""

    type: str
    key: str
    head: str
    cue: str | None
    mode: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger entries by head lemma, plus the closed word lists the argument rules use."""

    verbs: Mapping[str, tuple[TriggerEntry, ...]]
    nouns: Mapping[str, tuple[TriggerEntry, ...]]
    adjectives: Mapping[str, TriggerEntry]
    light_verbs: frozenset[str]
    intention_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    future_verbs: frozenset[str]
    patient_nouns: frozenset[str]
    leader_nouns: frozenset[str]
    group_nouns: frozenset[str]
    """Quantity and membership nouns whose ``of`` object names the participant."""
    action_nouns: frozenset[str]
    """Nominalized actions whose ``of`` object is the one acted on (``the removal of X``)."""
    actor_nouns: frozenset[str]
    """Common nouns naming people, groups or states (``factions``, ``government``)."""
    refusal_verbs: frozenset[str]
    """Verbs whose infinitive complement did not or will not happen (``failed to agree``)."""
    ending_verbs: frozenset[str]
    """Verbs (``lift``, ``call off``) that end or ease the conflict act their object names."""
    ending_yields: Mapping[str, str]
    """Category of the ended act → the category of ending it (PROTEST → CONCEDE)."""
    ending_retreat_nouns: frozenset[str]
    """Nouns whose ending is a RETREAT whatever their category (``lifted the blockade``)."""
    non_event_nouns: frozenset[tuple[str, str]]
    """(modifier lemma, trigger noun lemma) pairs that name no event (``press release``)."""
    place_nouns: frozenset[str]
    """Nouns standing for the place their ``of`` object names (``the town of X``)."""
    preparation_verbs: frozenset[str]
    """Verbs of readying (``prepared to attack``): an assault they govern is a MOBILIZE."""
    force_nouns: frozenset[str]
    """Armed or deployed personnel (``troops``, ``inspectors``) that deployments move."""
    motive_nouns: frozenset[str]
    """Nouns of an ``in ...`` phrase naming what an act answers (``in protest of X``)."""
    contexts: Mapping[str, str]
    """Cue lemma → PLOVER context."""


def _read_json(name: str) -> dict[str, Any]:
    text = resources.files("sayso.events").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _modes_by_key(spec: Mapping[str, Any]) -> dict[str, str]:
    modes: dict[str, str] = {}
    for mode, keys in spec.get("modes", {}).items():
        for key in keys:
            modes.setdefault(key, mode)
    return modes


def _index(entries: list[TriggerEntry], *, both_words: bool) -> dict[str, tuple[TriggerEntry, ...]]:
    """Entries by head lemma, two-word entries before one-word ones (the more specific wins).

    Two-word noun keys are written in text order (``air strike``, ``call for``), so either word
    may be the head; ``both_words`` indexes them under both, with the other word as the cue.
    """
    by_head: dict[str, list[TriggerEntry]] = {}
    for entry in entries:
        by_head.setdefault(entry.head, []).append(entry)
        if both_words and entry.cue is not None and not entry.cue.startswith("@"):
            swapped = TriggerEntry(entry.type, entry.key, entry.cue, entry.head, entry.mode)
            by_head.setdefault(swapped.head, []).append(swapped)
    return {
        head: tuple(sorted(group, key=lambda e: e.cue is None)) for head, group in by_head.items()
    }


def _entry(type_: str, key: str, modes: Mapping[str, str]) -> TriggerEntry:
    words = key.split()
    if len(words) > 2:
        raise ValueError(f"trigger key {key!r} has more than two words")
    cue = words[1] if len(words) == 2 else None
    return TriggerEntry(type_, key, words[0], cue, modes.get(key))


def _pair(key: str) -> tuple[str, str]:
    modifier, _, head = key.partition(" ")
    return modifier, head


@functools.cache
def load_lexicon() -> Lexicon:
    """The packaged trigger and context lexicons (read once per process)."""
    data = _read_json("triggers.json")
    verbs: list[TriggerEntry] = []
    nouns: list[TriggerEntry] = []
    adjectives: dict[str, TriggerEntry] = {}
    for type_, spec in data["types"].items():
        modes = _modes_by_key(spec)
        verbs.extend(_entry(type_, key, modes) for key in spec.get("verbs", []))
        nouns.extend(_entry(type_, key, modes) for key in spec.get("nouns", []))
        for key in spec.get("adjectives", []):
            adjectives[key] = _entry(type_, key, modes)
    contexts: dict[str, str] = {}
    for context, cues in _read_json("contexts.json")["contexts"].items():
        for cue in cues:
            contexts.setdefault(cue, context)
    return Lexicon(
        verbs=_index(verbs, both_words=False),
        nouns=_index(nouns, both_words=True),
        adjectives=adjectives,
        light_verbs=frozenset(data["light_verbs"]),
        intention_verbs=frozenset(data["intention_verbs"]),
        speech_verbs=frozenset(data["speech_verbs"]),
        future_verbs=frozenset(data["future_verbs"]),
        patient_nouns=frozenset(data["patient_nouns"]),
        leader_nouns=frozenset(data["leader_nouns"]),
        group_nouns=frozenset(data["group_nouns"]),
        action_nouns=frozenset(data["action_nouns"]),
        actor_nouns=frozenset(data["actor_nouns"]),
        refusal_verbs=frozenset(data["refusal_verbs"]),
        ending_verbs=frozenset(data["ending_verbs"]),
        ending_yields=dict(data["ending_yields"]),
        ending_retreat_nouns=frozenset(data["ending_retreat_nouns"]),
        non_event_nouns=frozenset(_pair(key) for key in data["non_event_nouns"]),
        place_nouns=frozenset(data["place_nouns"]),
        preparation_verbs=frozenset(data["preparation_verbs"]),
        force_nouns=frozenset(data["force_nouns"]),
        motive_nouns=frozenset(data["motive_nouns"]),
        contexts=contexts,
    )
