"""Wade-Giles romanisations of Mandarin read as pinyin (``Mao Tse-tung`` = ``Mao Zedong``).

News wrote Chinese names in Wade-Giles until the 1980s, and still does for many Taiwanese and
historical names; pinyin has been the norm since. The two systems spell the same syllables with
different letters, by rule: Wade-Giles marks aspiration with an apostrophe that news drops
(``t'ung`` / ``tung`` for pinyin ``tong`` / ``dong``), so one unmarked initial has two pinyin
readings. The tables follow the Wade-Giles to pinyin conversion tables (Wikipedia "Wade-Giles",
"Wade-Giles table"; Library of Congress "Pinyin conversion project"), without the rare
syllables news names do not use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

# Wade-Giles initials (apostrophes dropped) → pinyin initials. Longest first for the regex.
_INITIALS: dict[str, tuple[str, ...]] = {
    "ch": ("zh", "ch", "j", "q"),
    "ts": ("z", "c"),
    "tz": ("z", "c"),
    "hs": ("x",),
    "sh": ("sh",),
    "ss": ("s",),
    "sz": ("s",),
    "p": ("b", "p"),
    "t": ("d", "t"),
    "k": ("g", "k"),
    "j": ("r",),
    "m": ("m",),
    "f": ("f",),
    "n": ("n",),
    "l": ("l",),
    "h": ("h",),
    "s": ("s",),
    "y": ("y",),
    "w": ("w",),
    "": ("",),
}
# Wade-Giles finals → pinyin finals (``ü`` written ``u`` as news writes it).
_FINALS: dict[str, tuple[str, ...]] = {
    "a": ("a",), "ai": ("ai",), "an": ("an",), "ang": ("ang",), "ao": ("ao",),
    "e": ("e",), "ei": ("ei",), "en": ("en",), "eng": ("eng",), "erh": ("er",),
    "i": ("i",), "ia": ("ia",), "iang": ("iang",), "iao": ("iao",), "ieh": ("ie",),
    "ien": ("ian",), "ih": ("i",), "in": ("in",), "ing": ("ing",), "iu": ("iu",),
    "iung": ("iong",), "o": ("o", "e", "uo"), "ou": ("ou",), "u": ("u", "i"),
    "ua": ("ua",), "uai": ("uai",), "uan": ("uan",), "uang": ("uang",), "ui": ("ui",),
    "uei": ("ui",), "un": ("un",), "ung": ("ong",), "uo": ("uo",), "ueh": ("ue",),
    "eh": ("e",),
}  # fmt: skip
_SYLLABLE = re.compile(
    "(" + "|".join(sorted(_INITIALS, key=len, reverse=True)) + ")"
    "(" + "|".join(sorted(_FINALS, key=len, reverse=True)) + ")"
)
# Letter groups that are Wade-Giles and not pinyin: a word with none of them is not read as
# Wade-Giles (pinyin "Jinping" must not become "Rinbing").
_WADE_GILES_MARK = re.compile(r"hs|ts|tz|ss|sz|ung|ih|ieh|ien|uei|erh|kuo|chi[aeonu]")
_MAX_READINGS = 64


def wade_giles(words: Iterable[str]) -> bool:
    """Some word of a name shows letters only Wade-Giles writes: the whole name is read so
    (``Teng Hsiao-ping``: ``Teng`` is Deng)."""
    return any(_WADE_GILES_MARK.search(word) for word in words)


@functools.lru_cache(maxsize=4096)
def pinyin_readings(word: str, marked: bool = False) -> frozenset[str]:
    """The pinyin spellings ``word`` (lower case, hyphens removed) can stand for when read as
    Wade-Giles; empty when it does not split into Wade-Giles syllables, or when it shows no
    sign of Wade-Giles and ``marked`` (another word of its name shows one) is not set."""
    if not word or not (marked or _WADE_GILES_MARK.search(word)):
        return frozenset()
    readings = _readings(word)
    return frozenset(readings) if len(readings) <= _MAX_READINGS else frozenset()


@functools.lru_cache(maxsize=4096)
def _readings(word: str) -> tuple[str, ...]:
    if not word:
        return ("",)
    found: list[str] = []
    for end in range(len(word), 0, -1):
        match = _SYLLABLE.fullmatch(word[:end])
        if match is None:
            continue
        rest = _readings(word[end:])
        if not rest:
            continue
        for head in _syllable_readings(match.group(1), match.group(2)):
            found.extend(head + tail for tail in rest)
        if len(found) > _MAX_READINGS:
            break
    return tuple(dict.fromkeys(found))


def _syllable_readings(initial: str, final: str) -> tuple[str, ...]:
    out: list[str] = []
    for pinyin_initial in _INITIALS[initial]:
        for pinyin_final in _FINALS[final]:
            if pinyin_final == "i" and final == "u" and initial not in {"ts", "tz", "ss", "sz"}:
                continue  # "tzu" / "ssu" are zi / si; elsewhere u is u
            out.append(pinyin_initial + pinyin_final)
    return tuple(out)


def same_mandarin(a: str, b: str, marked_a: bool = False, marked_b: bool = False) -> bool:
    """``a`` and ``b`` are one Mandarin word, one written in Wade-Giles and the other in pinyin
    (or both in Wade-Giles); ``marked_*``: the word's name is written in Wade-Giles."""
    if a == b:
        return True
    readings_a, readings_b = pinyin_readings(a, marked_a), pinyin_readings(b, marked_b)
    return b in readings_a or a in readings_b or bool(readings_a & readings_b)
