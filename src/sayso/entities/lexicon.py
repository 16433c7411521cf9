"""The entity layer's lexicons (titles, particles, hypocorisms, alias groups), loaded once.

The data lives in ``data/names.json`` and ``data/aliases.json`` (provenance in ``data/README.md``);
this module only reads it into typed, immutable lookups.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

_SPLIT = re.compile(r"[\s.\-]+")


def _phrase(text: str) -> tuple[str, ...]:
    """A lexicon phrase as lower-case words (``"Maj. Gen."`` → ``("maj", "gen")``)."""
    return tuple(word for word in _SPLIT.split(text.lower()) if word)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists the name parser and matcher consult."""

    titles: dict[tuple[str, ...], str]
    """Title phrase → ``given``, ``surname`` or ``any`` (which name part it is used with)."""
    max_title_words: int
    suffixes: dict[str, str]
    particles_always: frozenset[str]
    particles_hyphenated: frozenset[str]
    connectors: frozenset[str]
    kunya_heads: frozenset[str]
    surname_particles: frozenset[str]
    """Lower-case words that open a family name (``von``, ``ten``, ``de``)."""
    abd_names: frozenset[str]
    """Names of God that follow ``Abd`` in a given name (``rahman``, ``fattah``)."""
    hypocorisms: dict[str, frozenset[str]]
    """Any given name or short form → every name in its family (``bill`` → {william, bill...})."""
    surname_first: frozenset[str]
    given_name_alone: frozenset[str]
    """Family names whose bearers are called by the last word of their name (Vietnamese)."""
    surname_romanisations: dict[str, frozenset[str]]
    """An East Asian family name's spelling → every spelling of a group that holds it."""
    org_designators: frozenset[str]
    legal_forms: frozenset[str]
    """Company legal forms dropped at either end of a name (``ag``, ``pjsc``)."""
    postnominals: frozenset[str]
    """Letters written after a person's name, as written (``KC``, ``OBE``, ``PhD``)."""

    def is_postnominal(self, word: str) -> bool:
        """Whether ``word`` is such letters, with or without a final point (``Esq.``)."""
        return word.rstrip(".") in self.postnominals

    trade_words: frozenset[str]
    """A company's line of business written after its first word (``airlines``, ``motors``)."""
    org_translations: dict[str, str]
    stopwords: frozenset[str]
    title_forms: dict[str, str]
    """Abbreviated or variant title word → its usual form (``col`` → ``colonel``)."""
    demonyms: frozenset[str]
    publication_titles: frozenset[str]
    """Words of one-word newspaper and magazine titles (``times``, ``post``)."""
    role_nouns: frozenset[str]
    """Lower-case nationality adjectives (``iranian``) that qualify organisation names."""


@dataclass(frozen=True, slots=True)
class AliasGroup:
    """A well-known entity and names of it that spelling rules cannot derive."""

    id: str
    type: str
    names: tuple[str, ...]
    source: str
    former: tuple[str, ...] = ()
    """Names the entity went by before a renaming (also among ``names``): an article that uses
    both a former and a current name is telling two stages apart (see ``resolve.py``)."""
    country: str | None = None
    """For an organisation: the code of the country it is based in or serves (``af`` of the
    Taliban), so that a name placed in another country (``Pakistani Taliban``) is not it."""


def read_json(name: str) -> dict[str, Any]:
    """One of the JSON files in ``data/``, parsed."""
    text = (
        resources.files("sayso.entities")
        .joinpath("data")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    data: dict[str, Any] = json.loads(text)
    return data


def _no_notes(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if not key.startswith("_")}


@functools.cache
def lexicon() -> Lexicon:
    """The word lists of ``data/names.json``."""
    data = read_json("names.json")
    titles: dict[tuple[str, ...], str] = {}
    for cls, phrases in _no_notes(data["titles"]).items():
        for phrase in phrases:
            titles.setdefault(_phrase(phrase), cls)
    romanisations: dict[str, set[str]] = {}
    for group in data["surname_romanisations"]["groups"]:
        for spelling in group:
            romanisations.setdefault(spelling, set()).update(group)
    families: dict[str, set[str]] = {}
    for full, shorts in _no_notes(data["hypocorisms"]).items():
        family = {full, *shorts}
        for name in family:
            families.setdefault(name, set()).update(family)
    return Lexicon(
        titles=titles,
        max_title_words=max(len(phrase) for phrase in titles),
        suffixes=dict(data["generational_suffixes"]),
        particles_always=frozenset(data["particles"]["always"]),
        particles_hyphenated=frozenset(data["particles"]["hyphenated"]),
        connectors=frozenset(data["connectors"]["bin"]),
        kunya_heads=frozenset(data["kunya_heads"]),
        surname_particles=frozenset(data["surname_particles"]["words"]),
        abd_names=frozenset(data["abd_names"]["words"]),
        hypocorisms={name: frozenset(family) for name, family in families.items()},
        # Every romanisation of a listed family name starts a name written family name first.
        surname_first=frozenset(data["surname_first"]["names"]) | frozenset(romanisations),
        given_name_alone=frozenset(data["given_name_alone"]["names"]),
        surname_romanisations={k: frozenset(v) for k, v in romanisations.items()},
        org_designators=frozenset(data["org_designators"]["words"]),
        legal_forms=frozenset(data["legal_forms"]["words"]),
        postnominals=frozenset(data["postnominals"]["words"]),
        trade_words=frozenset(data["trade_words"]["words"]),
        org_translations=_no_notes(data["org_word_translations"]),
        stopwords=frozenset(data["stopwords"]),
        title_forms=_no_notes(data["title_forms"]),
        demonyms=frozenset(data["demonyms"]),
        publication_titles=frozenset(data["publication_titles"]["words"]),
        role_nouns=frozenset(data["role_nouns"]["words"]),
    )


@dataclass(frozen=True, slots=True)
class FirstName:
    """How often a first name is given to girls, and how common it is (US births since 1920)."""

    female_share: float
    births: int


@functools.cache
def first_names() -> dict[str, FirstName]:
    """Lower-case first name → its :class:`FirstName` (``data/first_names.tsv``)."""
    text = (
        resources.files("sayso.entities")
        .joinpath("data")
        .joinpath("first_names.tsv")
        .read_text(encoding="utf-8")
    )
    names: dict[str, FirstName] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, female, births = line.split("\t")
            names[name] = FirstName(int(female) / 1000, int(births))
    return names


# A first name given to this many US children since 1920 or more is a common one (Walker
# 20,000, Luther 48,000, Martin 280,000), one a name is read by; rarer ones are more often
# family names some parents gave (Marquez 5,000, Sanders 1,800) or words.
_COMMON_FIRST_NAME_BIRTHS = 10_000


def is_common_first_name(word: str) -> bool:
    """Whether the lower-case ``word`` is a common first name (``data/first_names.tsv``)."""
    found = first_names().get(word)
    return found is not None and found.births >= _COMMON_FIRST_NAME_BIRTHS


@functools.cache
def alias_groups() -> tuple[AliasGroup, ...]:
    """The alias groups of ``data/aliases.json``."""
    data = read_json("aliases.json")
    return tuple(
        AliasGroup(
            id=group["id"],
            type=group["type"],
            names=tuple(group["names"]),
            source=group["source"],
            former=tuple(group.get("former", ())),
            country=group.get("country"),
        )
        for group in data["groups"]
    )
