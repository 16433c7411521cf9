"""Same-entity decisions between two names, each with a reason and a score.

:func:`match_names` answers three ways: the names are the same entity (``same=True``), they are
known to be different (``same=False``: a different given name, generational suffix, kunya, or two
different entries of the alias table), or the spelling says nothing (``same=None``). The "known
different" answer is what keeps look-alikes apart when names are grouped (Abu Omar vs Abu Bakr
al-Baghdadi, Kim Jong Un vs Kim Jong Il, Trump vs Trump Jr.).

Scores rank competing candidates; they are not probabilities. Rules, strongest first:

* alias table (well-known renamings and foreign-language names);
* territory codes for places (rigour's territory names plus the alias table);
* same words up to transliteration (:func:`words_match`), or the same letters run together;
* persons: given name + family name with compatible middle names (later ones may be dropped),
  Chinese names in Wade-Giles and in pinyin (:mod:`sayso.entities.mandarin`), surname alone,
  an honorific used with a given name (Hajj Qasim, King Salman), a dropped first given name;
* organisations: same content words in any order, designators, legal forms and a leading
  possessive dropped (``Tasnim News Agency`` / ``Tasnim``, ``Gazprom PJSC``), acronyms built from
  initials or word beginnings, clipped compounds (``WaPo``), an article run into the name
  (``Aljazeera``), ``Y's X`` / ``X of Y``, a group's members in the plural (``Houthis`` /
  ``Houthi movement``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from sayso.entities.lexicon import first_names, is_common_first_name, lexicon
from sayso.entities.mandarin import same_mandarin, wade_giles
from sayso.entities.names import (
    NameType,
    ParsedName,
    RawWord,
    WordKey,
    fold,
    parse_name,
    placed_elsewhere,
    strip_leading_article,
    territory_code,
    word_key,
)
from sayso.entities.territories import names_place_inside

# Edit-distance guard on folded words that share a skeleton: "hasan"/"husein" score 0.50 and
# stay apart, "soleimani"/"suleimani" 0.89 and "zawahiri"/"zawahri" 0.88 pass. Tuned on the
# dev alias file's variant pairs and checked against its hard negatives.
_MIN_SPELLING_SIMILARITY = 0.51
_VOWEL_LETTERS = frozenset("aeiouy")


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether two names are the same entity, how strongly, and why."""

    same: bool | None
    score: float
    reason: str


NO_EVIDENCE = Verdict(None, 0.0, "no rule links the names")


def words_match(a: WordKey, b: WordKey) -> str | None:
    """How two name words are the same word (``exact``, ``spelling``), else None."""
    if a.text == b.text:
        return "exact"
    if a.script is not None or b.script is not None:
        if a.script is not None and b.script is not None:
            return None
        pattern, latin = (a.script, b.text) if a.script is not None else (b.script, a.text)
        return "script" if pattern is not None and pattern.fullmatch(latin) else None
    short, long = (a.text, b.text) if len(a.text) < len(b.text) else (b.text, a.text)
    if long in {short + "i", short + "y"} and short[-1:] not in _VOWEL_LETTERS:
        # A nisba or demonym is another word: Baghdad/Baghdadi, Iraq/Iraqi, Golan/Golani.
        return None
    if not a.skeletons & b.skeletons or abs(a.syllables - b.syllables) > 1:
        return None
    if not any(a.skeletons) and a.folded != b.folded:
        return None
    if Levenshtein.normalized_similarity(a.folded, b.folded) < _MIN_SPELLING_SIMILARITY:
        return None
    return "spelling"


# Titles of monarchs used with a given name alone ("King Charles", "Queen Rania", "Crown Prince
# Mohammed"): their bearers are not written with a family name in the Western way.
_MONARCHS = frozenset(
    {"king", "queen", "prince", "princess", "crown prince", "crown princess", "emperor", "pope"}
)


def _may_bear_title(short: ParsedName, full: ParsedName) -> bool:
    """Whether ``full`` can be the person ``short`` names by a title and a given name. A
    monarch's title fits a name that ends in a patronymic or a house (``Salman bin Abdulaziz``),
    not one with a family name (``King Charles`` is not Charles de Gaulle, ``Queen Elizabeth``
    not Elizabeth Warren)."""
    if not set(short.titles) & _MONARCHS or set(full.titles) & _MONARCHS:
        return True
    last = full.units[-1].text
    return last.startswith("bin") or full.nisbas[-1]


def _gender_of(word: WordKey) -> str | None:
    """``female`` or ``male`` for a given name nine in ten children of that name are (US birth
    counts, ``data/first_names.tsv``), else None."""
    found = first_names().get(word.text)
    if found is None:
        return None
    if found.female_share >= 0.9:
        return "female"
    return "male" if found.female_share <= 0.1 else None


def _given_match(a: WordKey, b: WordKey) -> str | None:
    """Given names: same word, an initial of it, or a hypocorism (Bill/William); never a man's
    and a woman's name spelt alike (Robert / Roberta, Paul / Paula)."""
    found = words_match(a, b)
    if found == "spelling":
        gender_a, gender_b = _gender_of(a), _gender_of(b)
        if gender_a and gender_b and gender_a != gender_b:
            return None
    if found:
        return found
    if len(a.text) == 1 or len(b.text) == 1:
        return "initial" if a.text[0] == b.text[0] else None
    family = lexicon().hypocorisms.get(a.text)
    if family is not None and b.text in family:
        return "nickname"
    return None


def _tail_match(single: WordKey, name: ParsedName) -> bool:
    """``single`` is the last unit of ``name``, or its last two units written as one word."""
    if words_match(single, name.units[-1]):
        return True
    if len(name.units) >= 3:
        from sayso.entities.names import word_key

        tail = word_key(name.units[-2].text + name.units[-1].text)
        return words_match(single, tail) is not None
    return False


# Masculine and feminine forms of one Slavic family name (Ivanov / Ivanova, Navalny / Navalnaya,
# Kowalski / Kowalska): two people, a husband and wife or father and daughter, never spellings of
# one name (Wikipedia "East Slavic name", "Polish name").
_GENDERED_ENDINGS = (
    ("ov", "ova"), ("ev", "eva"), ("yov", "yova"), ("in", "ina"), ("yn", "yna"),
    ("sky", "skaya"), ("skiy", "skaya"), ("skii", "skaya"), ("ski", "ska"), ("cki", "cka"),
    ("ny", "naya"), ("nyy", "naya"), ("niy", "naya"), ("oy", "aya"), ("sky", "ska"),
    ("skyy", "ska"), ("skyi", "ska"), ("zky", "zka"),
)  # fmt: skip


def _gendered_forms(a: WordKey, b: WordKey) -> bool:
    """``a`` and ``b`` are the masculine and feminine forms of one family name."""
    for x, y in ((a.text, b.text), (b.text, a.text)):
        for masculine, feminine in _GENDERED_ENDINGS:
            if (
                x.endswith(masculine)
                and y.endswith(feminine)
                and len(x) - len(masculine) >= 3
                and x[: -len(masculine)] == y[: -len(feminine)]
            ):
                return True
    return False


def _family_match(a: WordKey, b: WordKey, marked_a: bool = False, marked_b: bool = False) -> bool:
    """Two family names of names written family name first: one word up to spelling, two
    romanisations of one East Asian family name (Lee / Yi / Rhee), or one Mandarin name in
    Wade-Giles and pinyin (Chiang / Jiang)."""
    if words_match(a, b) or same_mandarin(a.text, b.text, marked_a, marked_b):
        return True
    return b.text in lexicon().surname_romanisations.get(a.text, frozenset())


def _called_by_last_word(name: ParsedName) -> bool:
    """A Vietnamese name (``Pham Nhat Vuong``): three or more one-syllable words, the first a
    Vietnamese family name; its bearer is called by the last word alone (``Vuong``)."""
    words = name.words
    return (
        len(words) >= 3
        and words[0].text in lexicon().given_name_alone
        and all(word.text.isalpha() and len(word.text) <= 6 for word in words)
    )


def _compare_family_first(a: ParsedName, b: ParsedName) -> Verdict:
    """Two names written family name first, each a family name and a whole given name."""
    marked_a = wade_giles(unit.text for unit in a.units)
    marked_b = wade_giles(unit.text for unit in b.units)
    family = _family_match(a.units[0], b.units[0], marked_a, marked_b)
    given = words_match(a.units[1], b.units[1]) or (
        "wade-giles"
        if same_mandarin(a.units[1].text, b.units[1].text, marked_a, marked_b)
        else None
    )
    if family and given:
        return Verdict(True, 0.9, f"same family and given name ({given})")
    if family:
        return Verdict(False, 0.9, "same family name, different given names")
    if given:
        return Verdict(False, 0.8, "same given name, different family name")
    return NO_EVIDENCE


def _family_name(name: ParsedName) -> WordKey:
    return name.units[0] if name.surname_first else name.units[-1]


def _given_name(name: ParsedName) -> WordKey:
    return name.units[1] if name.surname_first else name.units[0]


def _compare_persons(a: ParsedName, b: ParsedName) -> Verdict:
    short, full = (a, b) if len(a.units) <= len(b.units) else (b, a)
    # A family name alone ("Kennedy") may be the son's as well; "Trump Jr." is not the father.
    bare_surname = len(short.units) == 1 and short.suffix is None and short.title_use != "given"
    if a.suffix != b.suffix and not (bare_surname and len(full.units) > 1):
        return Verdict(False, 1.0, f"generational suffix differs ({a.suffix} / {b.suffix})")
    if not short.units:
        return NO_EVIDENCE
    if len(short.units) == 1:
        unit = short.units[0]
        if len(full.units) == 1:
            if _gendered_forms(unit, full.units[0]):
                return Verdict(False, 0.9, "masculine and feminine forms of a family name")
            how = words_match(unit, full.units[0])
            if how is None:
                return NO_EVIDENCE
            # One word spelt two ways links no more strongly than a family name alone: it must
            # not outweigh the full name that writes the word as this name does (Tymoshenko).
            if how == "spelling":
                return SAME_NAME_SPELT
            return Verdict(True, 0.9 if how == "exact" else 0.6, f"same name ({how})")
        uses_given = short.title_use == "given" or short.kunyas[0] or short.suffix is not None
        if uses_given or short.title_use == "any":
            how = _given_match(unit, _given_name(full))
            if how and how != "initial" and _may_bear_title(short, full):
                return Verdict(True, 0.7, f"honorific or kunya with the given name ({how})")
            # A kunya written as one word is also a family name ("Atiku Abubakar ... Abubakar
            # said", "Mohamed Aboutrika"); written as two ("Abu Bakr") it is only a kunya.
            joined_kunya = short.kunyas[0] and len(short.words) == 1
            # After a given name that is no kunya, a last unit "Abu X" is the family name, and
            # is written alone as one ("Murhaf Abu Qasra ... Abu Qasra said"). Both written in
            # two words: "Abu Bakr" is not Atiku Abubakar.
            abu_family = (
                short.kunyas[0]
                and not joined_kunya
                and not full.kunyas[0]
                and not full.surname_first
                and len(full.words) >= 3
                and full.words[-2].text == short.words[0].text
                and words_match(unit, full.units[-1]) is not None
            )
            if abu_family and short.title_use != "given":
                return Verdict(True, 0.6, "family name alone, an Abu name")
            if short.title_use == "given" or (short.kunyas[0] and not joined_kunya):
                return NO_EVIDENCE
            # A suffix follows a given name ("Don Jr.") or a family name ("Trump Jr."): with
            # the same suffix on both, the family name links as it does alone.
        if _gendered_forms(unit, _family_name(full)):
            return Verdict(False, 0.9, "masculine and feminine forms of a family name")
        if _called_by_last_word(full) and short.title_use != "given":
            # "Vuong" of Pham Nhat Vuong: a Vietnamese is called by the last word of the
            # name, never by the family name written first
            if words_match(unit, word_key(full.words[-1].text)) == "exact":
                return Verdict(True, 0.6, "a Vietnamese name's last word alone")
            return NO_EVIDENCE
        if full.surname_first:
            found = _family_match(unit, _family_name(full))
        else:
            found = bool(words_match(unit, _family_name(full)) or _tail_match(unit, full))
        if not found and _first_of_two_family_names(unit, full):
            # Below a family name written last (0.6): "Huckabee" is Mike Huckabee's before it
            # is Sarah Huckabee Sanders's.
            return Verdict(True, 0.55, "first of two family names")
        if not found:
            return NO_EVIDENCE
        return Verdict(True, 0.6, "family name and suffix" if short.suffix else "family name alone")
    if _family_name_with_particles(short, full):
        return Verdict(True, 0.8, "family name with its particles")
    if a.surname_first and b.surname_first:
        return _compare_family_first(a, b)
    if (
        len(a.units) != len(b.units)
        and a.joined & b.joined
        and not any(len(unit.text) == 1 for unit in (*a.units, *b.units))
        and _similar_joined(a, b)
    ):
        # Not with initials: "George W. Bush" is not "George Bush" run together.
        return Verdict(True, 0.95, "same name, spaced differently")
    if _gendered_forms(short.units[-1], full.units[-1]):
        return Verdict(False, 0.9, "masculine and feminine forms of a family name")
    given = _given_match(short.units[0], full.units[0])
    family = words_match(short.units[-1], full.units[-1]) or (
        len(full.units) > len(short.units) and _tail_match(short.units[-1], full)
    )
    if short.kunyas[0] != full.kunyas[0] and family:
        return Verdict(False, 0.9, "one name has a kunya where the other has a given name")
    if given and family:
        middle_a, middle_b = short.units[1:-1], full.units[1:-1]
        if not middle_a or not middle_b:
            return Verdict(True, 0.9, f"same given and family name ({given})")
        if len(middle_a) == len(middle_b) and all(
            _given_match(x, y) for x, y in zip(middle_a, middle_b, strict=True)
        ):
            return Verdict(True, 0.95, "same given, middle and family names")
        if len(middle_a) < len(middle_b) and all(
            _given_match(x, y) and len(x.text) > 1 for x, y in zip(middle_a, middle_b, strict=False)
        ):
            # A name of two given words keeps them and drops the later middle names, as a
            # name of one given word drops them all ("Te Kaurinui Parata" of "Te Kaurinui
            # Robert Parata"). Only leading middle names written out: "George W. Bush" keeps
            # the second initial of "George H. W. Bush" and is another man.
            return Verdict(True, 0.85, "later middle names dropped")
        if (
            len(middle_b) == len(middle_a) + 1
            and full.units[0].skeletons & middle_b[0].skeletons & _MUHAMMAD
            and _same_units(middle_a, middle_b[1:])
        ):
            # "Mohammad Mohammad Sadiq al-Sadr": Muhammad written twice (a man named for his
            # father Muhammad, or the devotional first name) is often written once.
            return Verdict(True, 0.85, "Muhammad written twice")
        return Verdict(False, 0.9, "middle names differ")
    if family and not given:
        if _given_names_follow(short, full):
            if _may_drop_first_name(short, full):
                return Verdict(True, 0.75, "first given name dropped")
            return NO_EVIDENCE
        return Verdict(False, 0.9, "different given names, same family name")
    if given and len(short.units) == len(full.units):
        return Verdict(False, 0.8, "same given name, different family or last name")
    if given and _further_nisbas(short, full):
        return Verdict(True, 0.8, "the same name with a further nisba")
    return NO_EVIDENCE


def _first_of_two_family_names(single: WordKey, full: ParsedName) -> bool:
    """``single`` is the first of the two family names that close ``full``, the father's in a
    Spanish name, which is the one written alone (``Cortés`` of ``Marko Cortés Mendoza``,
    ``Sheinbaum`` of ``Claudia Sheinbaum Pardo``). Only when neither closing word is a common
    given name: ``Walker`` of ``George Walker Bush`` is a middle name, not a family name."""
    if len(full.units) < 3 or full.surname_first or any(full.kunyas) or any(full.nisbas):
        return False
    first, last = full.units[-2], full.units[-1]
    return (
        words_match(single, first) == "exact"
        and not _common_given_name(first)
        and not _common_given_name(last)
        and len(last.text) > 1
    )


def _common_given_name(word: WordKey) -> bool:
    """A common first name is read as a given name where a name could hold one, not as a
    family name some parents gave (:func:`.is_common_first_name`)."""
    return is_common_first_name(word.text)


def _family_name_with_particles(short: ParsedName, full: ParsedName) -> bool:
    """``short`` is the end of ``full`` from a particle on: a family name that opens with
    ``von``, ``van der``, ``ten``, ``in 't`` or ``de``, written alone as such names are (``von der
    Leyen`` of Ursula von der Leyen, ``Ten Hag`` of Erik ten Hag), the particles read as given
    names otherwise."""
    size = len(short.units)
    particles = lexicon().surname_particles
    return (
        1 < size < len(full.units)
        and all(unit.text in particles for unit in short.units[:-1])
        and [unit.text for unit in short.units] == [unit.text for unit in full.units[-size:]]
    )


def _given_names_follow(short: ParsedName, full: ParsedName) -> bool:
    """``short``'s given names are ``full``'s middle names from some point on, in order, with
    none of its own left over (``Pierre Elliott`` in ``Joseph Philippe Pierre Yves Elliott``, not
    in ``Justin Pierre James``)."""
    wanted = list(short.units[:-1])
    for unit in full.units[1:-1]:
        # An initial stands for no name that can be told: "Lyndon B. Johnson" is not "Boris
        # Johnson" with Lyndon dropped.
        how = _given_match(wanted[0], unit) if wanted else None
        if how and not (how == "initial" and len(unit.text) == 1 < len(wanted[0].text)):
            wanted.pop(0)
    return not wanted


# Muhammad in its spellings: a devotional first name many Arab and Iranian men are not called by
# (Muhammad Anwar Sadat, Mohammad Javad Zarif).
_MUHAMMAD = frozenset({"mhmd", "mhmt"})


def _may_drop_first_name(short: ParsedName, full: ParsedName) -> bool:
    """Whether ``short`` may be ``full`` without its first given name (``Tayyip Erdogan``,
    ``Javad Zarif``, ``Pierre Elliott Trudeau``) rather than his father's name. An Arabic name
    strings the father's names after a man's own (Ahmed Ali Abdullah Saleh is the son of Ali
    Abdullah Saleh; Bashar Hafez al-Assad of Hafez al-Assad): when ``full`` is ``short`` with
    names written before it, ``short`` must be a given and a family name alone, and in a name
    written with the Arabic article the dropped name must be Muhammad. Never in a name that
    holds an organisation's word (designator, legal form, trade word): NER types such names
    PERSON too, and their first word is the owner, not a given name (``Sky News Arabia`` is not
    ``News Arabia``, ``Lanco Infratech Ltd`` not ``Infratech Ltd``)."""
    if _organisation_word(short) or _organisation_word(full):
        return False
    extra = len(full.units) - len(short.units)
    if not all(words_match(x, y) for x, y in zip(short.units, full.units[extra:], strict=True)):
        return True
    if len(short.units) != 2:
        return False
    if not (any(short.nisbas) or any(full.nisbas)):
        return True
    return extra == 1 and bool(full.units[0].skeletons & _MUHAMMAD)


def _organisation_word(name: ParsedName) -> bool:
    """``name`` holds a word of the lexicon's organisation designators, legal forms or trade
    words. Words of one or two letters are left out: ``SA`` and ``AB`` are legal forms, but
    also parts of persons' names (``Ab Rahman``)."""
    lex = lexicon()
    words = lex.org_designators | lex.legal_forms | lex.trade_words
    return any(len(word.text) > 2 and word.text in words for word in name.words)


def _further_nisbas(short: ParsedName, full: ParsedName) -> bool:
    """``full`` is ``short`` with more nisbas after it: ``Abu Muhammad al-Adnani al-Shami`` of
    ``Abu Muhammad al-Adnani``. Arabic names string together nisbas of origin and tribe, and news
    drops the later ones; a further given name (a father's, a son's) is never read so."""
    size = len(short.units)
    extra = full.nisbas[size:]
    return (
        bool(extra)
        and all(extra)
        and short.nisbas[-1]
        and all(words_match(x, y) for x, y in zip(short.units[1:], full.units[1:size], strict=True))
    )


def _run_together(name: ParsedName) -> str:
    """The name's words run together with their articles, without designators and stop words
    (``Al Jazeera Media Network`` → ``aljazeera``, as ``Aljazeera`` is written)."""
    lex = lexicon()
    skipped = lex.org_designators | lex.stopwords
    return "".join(word.text for word in name.words if word.text not in skipped)


def _similar_joined(a: ParsedName, b: ParsedName) -> bool:
    from sayso.entities.names import word_key

    key_a = word_key("".join(unit.text for unit in a.units))
    key_b = word_key("".join(unit.text for unit in b.units))
    return words_match(key_a, key_b) is not None


def _acronym_fits(letters: str, words: tuple[RawWord, ...]) -> bool:
    """``letters`` can be read off ``words``: initials, or word beginnings for long acronyms."""
    lex = lexicon()
    optional = lex.stopwords | lex.particles_always | lex.particles_hyphenated | lex.connectors
    max_piece = 4 if len(letters) >= 5 else 1

    @functools.cache
    def fits(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = words[j]
        text = word.text
        if text in optional and fits(i, j + 1):
            return True
        if word.upper and letters.startswith(text, i) and fits(i + len(text), j + 1):
            return True
        for size in range(1, max_piece + 1):
            if i + size > len(letters) or not text.startswith(letters[i : i + size]):
                break
            if fits(i + size, j + 1):
                return True
        return False

    return len(words) >= 2 and fits(0, 0)


# A clipped compound: two to four capitalised pieces of up to four letters run together
# ("WaPo", "BoJo", "NatWest", "FedEx"), each the beginning of one word of the full name.
_CLIPPED = re.compile(r"(?:[A-Z][a-z]{1,3}){2,4}")


def _clipped_fits(short: ParsedName, full: ParsedName) -> bool:
    """``short`` is written as clipped beginnings of ``full``'s words, in order (``WaPo`` of
    ``Washington Post``)."""
    bare = strip_leading_article(short.text)
    if not _CLIPPED.fullmatch(bare) or full.acronym:
        return False
    pieces = [piece.lower() for piece in re.findall(r"[A-Z][a-z]*", bare)]
    lex = lexicon()
    words = [word.text for word in full.words if word.text not in lex.stopwords]
    return len(words) == len(pieces) and all(
        word.startswith(piece) and word != piece for word, piece in zip(words, pieces, strict=True)
    )


def _acronym_readings(letters: str, words: tuple[RawWord, ...]) -> list[tuple[RawWord, ...]]:
    """The runs of ``words`` an acronym may be read off: all of them; without a country's code
    before them (``U.S. Food and Drug Administration`` is the FDA: news adds the country to a
    body's name, not to its acronym); without a last word joined by ``and`` (``Centers for
    Disease Control and Prevention`` is the CDC, ``Bureau of Alcohol, Tobacco, Firearms and
    Explosives`` the ATF: the word was added to the name after the acronym was coined), for
    acronyms of three letters or more."""
    readings = [words]
    if len(words) > 2 and words[0].upper and territory_code(words[0].text) is not None:
        readings.append(words[1:])
    lex = lexicon()
    if (
        len(words) >= 5
        and words[-2].text in lex.particles_always
        and any(word.text in lex.connectors for word in words[1:-3])
    ):
        # "Mohammed bin Zayed al-Nahyan" is MBZ: the initials of a name with its patronymic
        # leave out the house ("Al Nahyan", "Al Saud") written after it.
        readings.append(words[:-2])
    if len(letters) >= 3:
        for run in list(readings):
            if len(run) >= 4 and run[-2].text == "and":
                readings.append(run[:-2])
    return readings


def spells_acronym(letters: str, name: str) -> bool:
    """``letters`` (``BCCI``) are the initials of ``name`` (``Board of Control for Cricket in
    India``), read as :func:`_compare_acronym` reads them."""
    words = parse_name(name, "ORG").words
    key = fold(letters).replace(" ", "")
    return any(_acronym_fits(key, run) for run in _acronym_readings(key, words))


def _compare_acronym(a: ParsedName, b: ParsedName) -> Verdict | None:
    for short, full in ((a, b), (b, a)):
        if (
            short.acronym
            and not full.acronym
            and any(
                _acronym_fits(short.acronym, run)
                for run in _acronym_readings(short.acronym, full.words)
            )
        ):
            return Verdict(True, 0.9, f"acronym {short.acronym.upper()} of {full.text}")
        if _clipped_fits(short, full):
            return Verdict(True, 0.9, f"{short.text} clips the words of {full.text}")
    return None


def _same_units(a: tuple[WordKey, ...], b: tuple[WordKey, ...]) -> bool:
    return len(a) == len(b) and all(words_match(x, y) for x, y in zip(a, b, strict=True))


def _same_unit_sets(a: tuple[WordKey, ...], b: tuple[WordKey, ...]) -> bool:
    if len(a) != len(b):
        return False
    remaining = list(b)
    for unit in a:
        found = next((other for other in remaining if words_match(unit, other)), None)
        if found is None:
            return False
        remaining.remove(found)
    return True


def _units_with_expanded_acronyms(a: ParsedName, b: ParsedName) -> bool:
    """``UN Security Council`` / ``United Nations Security Council``: an acronym word of one name
    stands for a run of words of the other."""
    if not any(word.upper for word in a.words):
        return False
    lex = lexicon()
    pieces: list[str] = []
    for word in a.words:
        if word.text in lex.stopwords:
            continue
        pieces.append(word.text if word.upper else word.text[0])
    letters = "".join(pieces)
    return (
        len(letters) >= 2
        and len(b.words) > len(a.words)
        and not b.acronym
        and _acronym_fits(letters, b.words)
    )


def _head_suffix(short: ParsedName, full: ParsedName) -> bool:
    """``short`` is the end of ``full``'s head: ``Security Council`` of ``United Nations
    Security Council``, ``Islamic State`` of ``Islamic State of Iraq and the Levant``.

    English organisation names put the owner first and the kind last, so dropping leading
    words keeps the head; dropping trailing ones (``United Nations``) names the owner instead.
    A one-word short form is too weak (``al-Qaeda`` of ``al-Qaeda in Iraq``), and one with an
    owner of its own is no short form (``King's College London`` is not ``Imperial College
    London``)."""
    if short.qualifier and short.qualifier != full.qualifier:
        return False
    size = len(short.units)
    head = full.head_units
    if size < 2 or len(head) < size or (len(head) == size and head == full.units):
        return False
    return _same_units(short.units, head[len(head) - size :])


def _of_name_suffix(short: ParsedName, full: ParsedName) -> bool:
    """``short`` is a whole "X of Y" name that ends ``full`` after a place written first
    (``Department of Conservation`` of ``New Zealand Department of Conservation``, ``Office of
    Emergency Management`` of ``NYC Office of ...``): the owner placed first, as in
    :func:`_head_suffix`, but the short form keeps its ``of`` phrase. The dropped words must
    name a place (a country or region, or a short code in capitals): ``Development Bank of
    America`` is not ``Bank of America``."""
    short_words = [word.text for word in short.words]
    full_words = [word.text for word in full.words]
    size = len(short_words)
    if size < 3 or "of" not in short_words[1:-1] or len(full_words) <= size:
        return False
    if full_words[len(full_words) - size :] != short_words:
        return False
    dropped = full.words[: len(full_words) - size]
    if len(dropped) == 1 and dropped[0].upper and len(dropped[0].text) <= 4:
        return True
    from sayso.entities.names import names_territory

    return names_territory(" ".join(word.text for word in dropped))


def _same_place(a: str, b: str) -> bool:
    """Two qualifiers name one country: same word, same stem (``iraq`` / ``iraqi``), or one
    territory (``us`` / ``united states``)."""
    if a == b or (len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]):
        return True
    from sayso.entities.names import territory_code

    code = territory_code(a)
    return code is not None and code == territory_code(b)


def _titled_by_place(qualified: ParsedName, plain: ParsedName) -> bool:
    """``plain`` is a one-word newspaper or magazine title and ``qualified`` the same word with a
    nationality before it: ``The Irish Times`` is another paper than ``The Times``, where ``the
    Iraqi Army`` is ``the army`` of the story."""
    return (
        qualified.qualifier is not None
        and plain.qualifier is None
        and len(plain.units) == 1
        and plain.units[0].text in lexicon().publication_titles
    )


def _members_plural(members: ParsedName, named: ParsedName) -> bool:
    """``members`` is one plural word (``Houthis``) and ``named`` the same word before a
    designator (``Houthi movement``, ``Houthi rebels``): a group named after its members. A
    one-word name with no designator keeps its number (``Time`` is not ``The Times``)."""
    if len(members.units) != 1 or len(named.units) != 1 or named.acronym:
        return False
    plural = members.units[0].text
    designators = lexicon().org_designators
    return (
        plural.endswith("s")
        and any(word.text in designators for word in named.words)
        and words_match(word_key(plural[:-1]), named.units[0]) is not None
    )


def _of_place(name: ParsedName) -> str | None:
    """The words after ``of`` in ``X of Y`` (``the`` dropped), else None."""
    words = [word.text for word in name.words]
    if "of" not in words:
        return None
    tail = [word for word in words[words.index("of") + 1 :] if word != "the"]
    return " ".join(tail) or None


def _country(text: str) -> bool:
    """``text`` names a country or region (rigour's territory names or the alias table)."""
    from sayso.entities.names import territory_code

    return territory_code(text) is not None


def _possessive_of(owned: ParsedName, other: ParsedName) -> bool:
    """``owned`` is ``Y's X`` and ``other`` is ``X of Y`` (``Ukraine's Security Service`` /
    ``Security Service of Ukraine``). Only for a possessive: a nationality word is often part of
    another body's name (the ``European Council`` is not the ``Council of Europe``)."""
    if not owned.qualifier or not owned.words[0].possessive:
        return False
    owner = _of_place(other)
    if owner is None or other.head_units == other.units:
        return False
    return _same_place(owned.qualifier, owner) and _same_units(owned.units, other.head_units)


def _city_of_its_region(city: ParsedName, region: ParsedName) -> bool:
    """``Mexico City`` / ``Mexico``, ``Kansas City`` / ``Kansas``: a place named ``X City``
    after a country or a state ``X`` is a city in or near it, not ``X`` itself, unless ``X
    City`` is one of the territory's own names (``Vatican City``). The designator ``city``
    drops before other names (``Sadr City`` = ``Sadr``)."""
    words = [word.text for word in city.words]
    return (
        city.type in {"GPE", "LOC"}
        and len(words) >= 2
        and words[-1] == "city"
        and words[:-1] == [word.text for word in region.words]
        and region.territory is not None
        and (city.territory != region.territory or names_place_inside(city.text))
    )


def _compare_non_persons(a: ParsedName, b: ParsedName) -> Verdict:
    if _city_of_its_region(a, b) or _city_of_its_region(b, a):
        return Verdict(False, 0.9, "a city named after its country or region")
    if a.territory and b.territory:
        if a.territory == b.territory:
            return Verdict(True, 1.0, f"same territory ({a.territory})")
        return Verdict(False, 1.0, f"different territories ({a.territory} / {b.territory})")
    acronym = _compare_acronym(a, b)
    if acronym:
        return acronym
    if a.acronym or b.acronym:
        # Letters are compared as letters: IRGC is not a spelling of Iraq; HAMAS is Hamas.
        same = [unit.text for unit in a.units] == [unit.text for unit in b.units]
        return Verdict(True, 1.0, "same letters") if same else NO_EVIDENCE
    if a.qualifier and b.qualifier and not _same_place(a.qualifier, b.qualifier):
        # "Iraqi Army" / "Syrian Army": one kind of body, two countries.
        return Verdict(False, 0.9, f"placed in different countries ({a.qualifier} / {b.qualifier})")
    for placed, other in ((a, b), (b, a)):
        owner = _of_place(other)
        if (
            placed.qualifier
            and owner
            and _country(owner)
            and not _same_place(placed.qualifier, owner)
        ):
            # "Iraq's Foreign Ministry" / "Foreign Ministry of Iran".
            return Verdict(
                False, 0.9, f"placed in different countries ({placed.qualifier} / {owner})"
            )
    if _titled_by_place(a, b) or _titled_by_place(b, a):
        return NO_EVIDENCE
    if _possessive_of(a, b) or _possessive_of(b, a):
        return Verdict(True, 0.9, "a country's body written with its possessive and with 'of'")
    if _same_units(a.units, b.units):
        return SAME_WORDS
    if _members_plural(a, b) or _members_plural(b, a):
        return Verdict(True, 0.9, "a group named by its members and by a designator")
    if a.joined & b.joined and _similar_joined(a, b):
        return Verdict(True, 0.9, "same name, spaced differently")
    if len(a.words) != len(b.words) and _run_together(a) == _run_together(b):
        return Verdict(True, 0.9, "same name, its article run into it")
    if _same_unit_sets(a.units, b.units):
        return SAME_WORDS_REORDERED
    if _units_with_expanded_acronyms(a, b) or _units_with_expanded_acronyms(b, a):
        return Verdict(True, 0.85, "an acronym inside one name spells words of the other")
    if _head_suffix(a, b) or _head_suffix(b, a):
        # Below the merge score: a short form never links two groups on its own.
        return Verdict(True, 0.7, "short form: the head words of the longer name")
    if _of_name_suffix(a, b) or _of_name_suffix(b, a):
        return Verdict(True, 0.7, "short form: the longer name without the place before it")
    if _company_first_word(a, b) or _company_first_word(b, a):
        return COMPANY_FIRST_WORD
    return NO_EVIDENCE


SAME_WORDS = Verdict(True, 0.95, "same words up to spelling, articles and designators")
SAME_NAME_SPELT = Verdict(True, 0.6, "same name (spelling)")
SAME_WORDS_REORDERED = Verdict(True, 0.85, "same words in another order")


def spelling_similarity(a: ParsedName, b: ParsedName) -> float:
    """How close the spelling of ``a``'s least alike word is to its nearest word of ``b``
    (folded letters, 1.0 when every word is written alike): what a :data:`SAME_WORDS` verdict
    rests on when it is a transliteration rule's guess (``Hizballah`` / ``Hezbollah`` 0.75)."""
    return min(
        (
            max(
                (Levenshtein.normalized_similarity(x.folded, y.folded) for y in b.units),
                default=0.0,
            )
            for x in a.units
        ),
        default=1.0,
    )


COMPANY_FIRST_WORD = Verdict(
    True, 0.7, "short form: a company's first word, its trade words dropped"
)
"""Names out of context (the alias table, the store's registry) take it; within one article,
``resolve.py`` reads the clause instead (a founder's family name is the company's first word)."""


def _company_first_word(short: ParsedName, full: ParsedName) -> bool:
    """``Toyota`` of ``Toyota Motor Corp``, ``Spotify`` of ``Spotify Technology SA``: one word,
    the first of a name whose other words are words of a trade (one at least), designators or
    legal forms. Not the first word of a name with any other word (``Brandt Finance``, the
    company's unit; ``American Express``)."""
    if len(short.words) != 1 or short.acronym or full.acronym or len(full.words) < 2:
        return False
    lex = lexicon()
    tail = [word.text for word in full.words[1:]]
    return (
        full.words[0].text == short.words[0].text
        and any(word in lex.trade_words for word in tail)
        and all(
            word in lex.trade_words or word in lex.org_designators or word in lex.legal_forms
            for word in tail
        )
    )


def match_names(a: ParsedName, b: ParsedName) -> Verdict:
    """Whether ``a`` and ``b`` (parsed as the same type) name the same entity, and why."""
    if a.alias_ids and b.alias_ids:
        if a.alias_ids & b.alias_ids:
            shared = sorted(a.alias_ids & b.alias_ids)[0]
            return Verdict(True, 1.0, f"known aliases of {shared}")
        return Verdict(False, 1.0, "different entries of the alias table")
    for placed, known in ((a, b), (b, a)):
        if placed.qualifier and placed_elsewhere(placed.qualifier, known.alias_ids):
            return Verdict(
                False, 0.9, f"placed in another country than {sorted(known.alias_ids)[0]}"
            )
    if a.is_person and b.is_person:
        if a.acronym or b.acronym:
            return _compare_acronym(a, b) or NO_EVIDENCE
        return _compare_persons(a, b)
    return _compare_non_persons(a, b)


def match(a: str, b: str, type_: NameType = "ORG") -> Verdict:
    """:func:`match_names` on two strings of the same type."""
    return match_names(parse_name(a, type_), parse_name(b, type_))
