"""The word lists and learned cue statistics the statement extractor reads, loaded once.

The lists are data files under ``data/`` (see ``data/README.md`` for where each came from), so
they can grow without touching code.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Every list the extractor uses, lower-cased."""

    cue_verbs: frozenset[str]
    cue_nouns: frozenset[str]
    document_nouns: frozenset[str]
    media_words: frozenset[str]
    anonymous_nouns: frozenset[str]
    hedges: tuple[str, ...]
    disputes: tuple[str, ...]
    endorsements: tuple[str, ...]
    title_words: frozenset[str]
    """Words after which a quoted phrase is a title or nickname ("titled", "dubbed")."""
    raising_verbs: frozenset[str]
    """Verbs whose subject is not a speaker ("seems", "appears")."""
    perception_verbs: frozenset[str]
    """Verbs that, with a plain object, may depict rather than report ("shows X")."""
    visual_nouns: frozenset[str]
    """Pictures and works that depict ("photo", "documentary")."""
    naming_verbs: frozenset[str]
    """Verbs that with an "as" phrase name rather than report ("known as", "seen as")."""
    intransitive_speech_verbs: frozenset[str]
    """Speech verbs that take no "that" clause ("speak", "talk")."""
    assertive_verbs: frozenset[str]
    """Speech verbs whose object is itself the claim ("denied wrongdoing")."""
    commissive_verbs: frozenset[str]
    """Speech verbs whose infinitive is a commitment the speaker states ("vowed to fight")."""
    aspectual_verbs: frozenset[str]
    """Verbs through which an infinitive speech verb still reports ("went on to say")."""
    factive_verbs: frozenset[str]
    """Verbs that present their clause as a fact the writer vouches for ("know", "notice")."""
    desire_verbs: frozenset[str]
    """Verbs that state what someone wants to be so ("hope", "wish")."""
    institution_nouns: frozenset[str]
    """Bodies that speak through their officials ("the ministry", "police")."""
    evidence_verbs: frozenset[str]
    """Verbs by which a thing can point to something ("the results suggest")."""
    receiving_verbs: frozenset[str]
    """Verbs whose subject undergoes a stand its object names ("faced criticism of")."""
    cue_stats: dict[str, tuple[int, int]]
    """``lemma|relation`` → (times a cue with that clause as content, times seen) in training."""


def _read_list(name: str) -> tuple[str, ...]:
    text = resources.files("sayso.statements").joinpath("data", name).read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return tuple(entry for entry in entries if entry)


def _read_stats() -> dict[str, tuple[int, int]]:
    path = resources.files("sayso.statements").joinpath("data", "cue_stats.json")
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {key: (int(pair[0]), int(pair[1])) for key, pair in raw["counts"].items()}


@functools.cache
def load_lexicons() -> Lexicons:
    """All lexicons, read from the package's data files on first use."""
    return Lexicons(
        cue_verbs=frozenset(_read_list("cue_verbs.txt")),
        cue_nouns=frozenset(_read_list("cue_nouns.txt")),
        document_nouns=frozenset(_read_list("document_nouns.txt")),
        media_words=frozenset(_read_list("media_words.txt")),
        anonymous_nouns=frozenset(_read_list("anonymous_nouns.txt")),
        hedges=_read_list("hedges.txt"),
        disputes=_read_list("disputes.txt"),
        endorsements=_read_list("endorsements.txt"),
        title_words=frozenset(_read_list("title_words.txt")),
        raising_verbs=frozenset(_read_list("raising_verbs.txt")),
        perception_verbs=frozenset(_read_list("perception_verbs.txt")),
        visual_nouns=frozenset(_read_list("visual_nouns.txt")),
        naming_verbs=frozenset(_read_list("naming_verbs.txt")),
        intransitive_speech_verbs=frozenset(_read_list("intransitive_speech_verbs.txt")),
        assertive_verbs=frozenset(_read_list("assertive_verbs.txt")),
        commissive_verbs=frozenset(_read_list("commissive_verbs.txt")),
        aspectual_verbs=frozenset(_read_list("aspectual_verbs.txt")),
        factive_verbs=frozenset(_read_list("factive_verbs.txt")),
        desire_verbs=frozenset(_read_list("desire_verbs.txt")),
        institution_nouns=frozenset(_read_list("institution_nouns.txt")),
        evidence_verbs=frozenset(_read_list("evidence_verbs.txt")),
        receiving_verbs=frozenset(_read_list("receiving_verbs.txt")),
        cue_stats=_read_stats(),
    )


def lemma_forms(token: Token) -> frozenset[str]:
    """The token's lemma and the stems its inflection suggests, lower-cased.

    The parser's lemmatiser misreads some inflected verbs ("hopes" -> "hop"); a lexicon
    lookup that tries the word stripped of its ending as well does not depend on it.
    """
    word = token.lower_
    forms = {token.lemma_.lower(), word}
    if token.tag_ == "VBZ" and word.endswith("s"):
        forms |= {word[:-1], word[:-2]} if word.endswith("es") else {word[:-1]}
    elif token.tag_ in ("VBD", "VBN") and word.endswith("ed"):
        forms |= {word[:-1], word[:-2]}
    elif token.tag_ == "VBG" and word.endswith("ing"):
        forms |= {word[:-3], word[:-3] + "e"}
    return frozenset(forms)
