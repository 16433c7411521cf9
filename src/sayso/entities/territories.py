"""Which territory a place name names, and ISO 639-3 language codes, from rigour's data.

The data (``data/territories.json``) is extracted from rigour (OpenSanctions, MIT) by
``scripts/build_territories.py``; rigour itself is not a dependency, because it needs ``pyicu``,
which has no wheels. The lookup follows rigour's ``lookup_territory``: a code (``us``, ``usa``)
first, then names in three tiers, a tier never overriding an earlier one: strong names
(``United States``, ``U.S.A.``), weak names (other languages, demonyms, misspellings), places
inside the territory (``Tehran`` → Iran). Names are compared case-, accent- and
punctuation-insensitively (``São Tomé`` = ``SAO TOME``); other scripts keep their letters.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from anyascii import anyascii

_SKIPPED = frozenset(".()[],;:_-/ʻ'’")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Territory:
    """A country, a region inside one, or another territory with a code."""

    code: str
    """Lower-case code: ``us``, ``ua-30`` (Kyiv city), ``un``."""
    name: str
    full_name: str
    in_sentence: str | None
    is_country: bool
    ftm_country: str | None
    """The FollowTheMoney country code (the territory's or its parent's), if any."""
    codes: frozenset[str]
    """Every code that names it: its own, alpha-3 and older ones (``us``, ``usa``)."""


def _latin_folded(char: str) -> str:
    """A Latin letter without its accents (``é`` → ``e``, ``ß`` → ``ss``); other scripts kept."""
    if char.isascii() or not unicodedata.name(char, "").startswith("LATIN"):
        return char
    return anyascii(char)


def normalize_name(text: str) -> str:
    """The lookup key of a territory name: Latin letters folded to ASCII, case folded, the
    punctuation rigour skips dropped, other symbols made spaces."""
    folded = "".join(_latin_folded(ch) for ch in unicodedata.normalize("NFC", text))
    folded = unicodedata.normalize("NFKC", folded).casefold()
    kept = (
        ch if ch.isalnum() or unicodedata.category(ch).startswith("M") else " "
        for ch in folded
        if ch not in _SKIPPED
    )
    return _SPACES.sub(" ", "".join(kept)).strip()


@functools.cache
def _data() -> dict[str, dict[str, object]]:
    raw = resources.files("sayso.entities").joinpath("data/territories.json").read_text("utf-8")
    loaded: dict[str, dict[str, object]] = json.loads(raw)
    return loaded


@functools.cache
def _territories() -> dict[str, Territory]:
    rows = _data()["territories"]
    out: dict[str, Territory] = {}
    for code, row in rows.items():
        assert isinstance(row, dict)
        out[code] = Territory(
            code=code,
            name=row["name"],
            full_name=str(row.get("full_name") or row["name"]),
            in_sentence=row.get("in_sentence"),
            is_country=bool(row.get("country", False)),
            ftm_country=row.get("ftm"),
            codes=frozenset({code, *row.get("codes", ())}),
        )
    return out


@functools.cache
def _by_code() -> dict[str, Territory]:
    return {code: t for t in _territories().values() for code in t.codes}


@functools.cache
def _by_name_and_tier() -> dict[str, tuple[Territory, str]]:
    rows = _data()["territories"]
    territories = _territories()
    index: dict[str, tuple[Territory, str]] = {}
    for tier in ("strong", "weak", "places"):
        found: dict[str, tuple[Territory, str]] = {}
        for code, row in rows.items():
            assert isinstance(row, dict)
            for name in row.get(tier, ()):
                key = normalize_name(name)
                if key and key not in index:
                    found.setdefault(key, (territories[code], tier))
        index.update(found)
    return index


@functools.cache
def _by_name() -> dict[str, Territory]:
    return {key: found for key, (found, _) in _by_name_and_tier().items()}


@functools.lru_cache(maxsize=4096)
def names_place_inside(text: str) -> bool:
    """``text`` is found only as a place inside a territory (``Tehran``, ``Baghdad``), not as
    one of the territory's own names (``Iran``, ``Côte d'Ivoire``, ``Ivory Coast``, ``Česko``)."""
    found = _by_name_and_tier().get(normalize_name(text))
    return found is not None and found[1] == "places"


@functools.lru_cache(maxsize=4096)
def own_name_of(text: str) -> str | None:
    """The code of the territory ``text`` is one of the strong names of (its English names and
    official names in its own languages: ``Aotearoa``, ``Sakartvelo``), else None. Weak names
    (misspellings, demonyms, other languages' names) do not count."""
    found = _by_name_and_tier().get(normalize_name(text))
    return str(found[0].code) if found is not None and found[1] == "strong" else None


@functools.lru_cache(maxsize=4096)
def other_own_name_of(text: str) -> str | None:
    """:func:`own_name_of` for a name unlike the territory's English one (``Aotearoa`` of New
    Zealand): one that shares its first four letters (``Tunis`` of Tunisia) is as often a city
    of that name as the country."""
    code = own_name_of(text)
    if code is None:
        return None
    english = normalize_name(_by_code()[code].name)
    return None if english[:4] == normalize_name(text)[:4] else code


@functools.lru_cache(maxsize=4096)
def lookup_territory(text: str) -> Territory | None:
    """The territory ``text`` names, by code (``US``, ``usa``) or by name, else None."""
    code = text.strip().lower().replace("_", "-")
    if code in _by_code():
        return _by_code()[code]
    return _by_name().get(normalize_name(text))


def iso_639_alpha3(code: str) -> str | None:
    """The ISO 639-3 code of a language code (``en``, ``en-GB``, ``eng`` → ``eng``), else None."""
    languages = _data()["languages"]
    primary = code.strip().casefold().replace("_", "-").split("-", 1)[0]
    if primary in languages:
        return str(languages[primary])
    return primary if len(primary) == 3 and primary in languages.values() else None
