"""Arabic-script name words (Arabic, Persian) compared with their romanisations.

Arabic script leaves short vowels unwritten, so a romanisation of it (``علی`` → ``ly``) cannot be
compared with ``Ali`` by spelling. Instead an Arabic-script word becomes a pattern over
romanised words: each letter allows the Latin spellings it is romanised with (``ق`` → q, k, g,
gh; ``خ`` → kh, h, ch), doubled consonants are allowed (the shadda is not written), a long vowel
letter (``ا و ی``) requires a vowel there, and between consonants at most one short vowel letter
may stand. That keeps ``سلمان`` (Salman) apart from Soleimani (whose ``ei`` needs a written long
vowel) while ``علی خامنه‌ای`` matches Ali Khamenei.

Letter values are common romanisation practice (Wikipedia "Romanization of Arabic",
"Romanization of Persian"); nothing here is tuned to an evaluation file.
"""

from __future__ import annotations

import functools
import re

_ARABIC_LETTERS = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_DIACRITICS = re.compile(r"[\u064B-\u0652\u0670\u0640]")
_SHORT_VOWEL = "[aeiou]?"
# Long vowel letters: alef is romanised a (Persian also o, e), waw o/u/ou/w, yeh i/e/ee/y.
_LONG_VOWELS = {
    "alef": "[aeiou]*[aoe][aeiou]*",
    "و": "[aeiou]*[ouw][aeiouw]*",
    "ي": "[aeiou]*[iey][aeiouy]*",
}
_CONSONANTS: dict[str, str] = {
    "ب": "b|p",
    "ت": "t",
    "ث": "th|s|t",
    "ج": "j|g|dj|zh",
    "ح": "h|kh",
    "خ": "kh|h|ch|k",
    "د": "d|dh",
    "ذ": "dh|z|d",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh|ch|sch",
    "ص": "s",
    "ض": "d|dh|z",
    "ط": "t",
    "ظ": "z|dh",
    "غ": "gh|g|r",
    "ف": "f|ph",
    "ق": "q|k|g|gh|c",
    "ك": "k|c|ck",
    "ک": "k|c|ck",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "پ": "p",
    "چ": "ch",
    "ژ": "zh|j",
    "گ": "g",
    "ه": "h",
}
_ALEF = frozenset("اأإآٱ")
_WAW_YEH = {"و": "w|v", "ي": "y", "ی": "y", "ى": "y"}
_GLOTTAL = frozenset("عءئؤ")
_ZWNJ = "\u200c"
_VOWEL_PIECES = ("[aeiou", "(?:[aeiou", "(?:e|a")


def is_arabic_script(text: str) -> bool:
    """Whether ``text`` contains Arabic-script letters."""
    return _ARABIC_LETTERS.search(text) is not None


def _letters(word: str) -> str:
    """The word without vowel signs and without a joined definite article (``البغدادي`` →
    ``بغدادي``), which is dropped as ``al-`` is."""
    letters = _DIACRITICS.sub("", word)
    if letters.startswith("ال") and len(letters) > 3:
        return letters[2:]
    return letters


def _piece(word: str, index: int) -> str:
    """The pattern for the letter at ``index``."""
    char = word[index]
    first = index == 0
    last = index == len(word) - 1 or word[index + 1] == _ZWNJ
    if char in _ALEF:
        return "[aeiou]" if first else f"(?:{_LONG_VOWELS['alef']})"
    if char == "ى" and last and not first:
        # Alef maqsura ends a word with the vowel a (Musa, Mustafa, Muqtada), sometimes i or e.
        return "(?:[aeiou]*[aeiy][aeiouy]*)"
    if char in _WAW_YEH:
        own = _WAW_YEH[char]
        vowel = _LONG_VOWELS["و" if char == "و" else "ي"]
        return f"(?:{own})" if first else f"(?:{vowel}|{own})"
    if char in _GLOTTAL:
        return "[aeiou]{0,2}"
    if char == "ة":
        return "(?:e|a|eh|ah|at)"
    if char == "ه" and last and not first:
        # A final Persian he is the vowel -e ("Khamenei", "Haniyeh"); in Arabic -ah or -h.
        return "(?:e|a|eh|ah|h)"
    consonant = _CONSONANTS.get(char)
    if consonant is None:
        return ""
    return f"(?:{consonant})(?:{consonant})?"


def _is_vowel_piece(piece: str) -> bool:
    return piece.startswith(_VOWEL_PIECES)


@functools.lru_cache(maxsize=4096)
def romanisation_pattern(word: str) -> re.Pattern[str] | None:
    """A pattern that fully matches lower-case romanisations of the Arabic-script ``word``;
    None when the word has no Arabic letters."""
    if not is_arabic_script(word):
        return None
    letters = _letters(word)
    parts: list[str] = []
    for index, char in enumerate(letters):
        if char == _ZWNJ:
            continue
        piece = _piece(letters, index)
        if not piece:
            continue
        vowel = _is_vowel_piece(piece)
        if parts and not vowel and not _is_vowel_piece(parts[-1]):
            parts.append(_SHORT_VOWEL)
        if parts and vowel and _is_vowel_piece(parts[-1]):
            # Two vowel letters in a row (Persian -ei, Iran's alef + yeh) may be one Latin vowel.
            piece = f"(?:{piece})?"
        parts.append(piece)
    return re.compile("".join(parts))


def rough_romanisation(word: str) -> str:
    """A plain letter-by-letter romanisation (first Latin value of each letter): a key for
    blocking and display, not for comparison."""
    out: list[str] = []
    for char in _letters(word):
        if char in _ALEF:
            out.append("a")
        elif char in _WAW_YEH:
            out.append(_WAW_YEH[char].split("|")[0])
        elif char in _CONSONANTS:
            out.append(_CONSONANTS[char].split("|")[0])
    return "".join(out)
