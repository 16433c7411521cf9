"""Names taken apart: normalised words, titles, name units and transliteration keys.

A name is parsed once into a :class:`ParsedName` whose keys the matcher compares; nothing here
decides whether two names are the same entity (that is :mod:`sayso.entities.match`).

Transliteration keys. Arabic, Persian and Slavic names reach English news in many spellings
(Qasem/Qassem/Ghasem, Soleimani/Suleimani, Gaddafi/Qadhafi, Zelensky/Zelenskyy). A word's key is
its consonant skeleton after folding letters that romanisations swap (q/k/gh, dh/d, kh/k, zh/j,
doubled letters, vowels, ``y`` and ``w`` used as vowels, a final ``h``), with two variants for
``g`` (Gaddafi/Qaddafi but Golani/Jolani). Two words share a key only when their skeletons match;
the matcher also checks the vowel count and an edit-distance guard so that ``Salman`` and
``Soleimani`` (same skeleton) stay apart.

Name units. A person's name is cut into the units its culture builds it from: a kunya (``Abu
Bakr``, ``أبو بكر``), a patronymic with its connector (``bin Laden``), ``Abd`` with the name of God
after it (``Abdel Fattah``, ``Abd al-Rahman``), and for names written family name first (``Li
Keqiang``, ``이명박``) the family name and the whole given name.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii

from sayso.entities.arabic import is_arabic_script, romanisation_pattern, rough_romanisation
from sayso.entities.lexicon import alias_groups, lexicon
from sayso.entities.mandarin import pinyin_readings, wade_giles
from sayso.entities.territories import lookup_territory, names_place_inside

NameType = str
"""``PERSON``, ``ORG``, ``GPE``/``LOC`` or anything else (treated like ``ORG``)."""

_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "´": "'",
     # Soft hyphens and zero-width spaces are line-breaking hints inside a word ("Netan\xadyahu"),
     # not letters: dropped. (The zero-width non-joiner is a letter of Persian script: kept.)
     "\u00ad": None, "\u200b": None, "\u2060": None, "\ufeff": None}
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.'&]*")
_DIGRAPHS = (
    ("tch", "S"),
    ("sch", "S"),
    ("sh", "S"),
    ("ch", "S"),
    ("ph", "f"),
    ("dh", "d"),
    ("th", "t"),
    ("gh", "g"),
    ("kh", "k"),
    ("zh", "j"),
    ("dj", "j"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("x", "ks"),
)
_VOWELS = frozenset("aeiou")
_ARABIC_CONNECTORS = frozenset({"بن", "ابن", "بنت"})
# Kunya heads in Arabic script ("father of" in its three cases, "mother of"), kept in their
# script so that the kunya (أبو بكر → one unit أبوبكر) compares with "Abu Bakr" as a whole.
_ARABIC_KUNYA_HEADS = frozenset({"أبو", "ابو", "أبي", "ابي", "أبا", "أم", "ام"})
_LOCATION_TYPES = frozenset({"GPE", "LOC"})


@dataclass(frozen=True, slots=True)
class WordKey:
    """One name word with the keys it is compared by."""

    text: str
    """Lower-case ASCII form, apostrophes dropped (``musab``)."""
    skeletons: frozenset[str]
    syllables: int
    folded: str
    """Letters folded as for the skeleton but vowels kept (``y`` after the first letter read as
    ``i``: Kyiv/Kiev, Ayman/Aiman): the edit-distance guard's input."""
    script: re.Pattern[str] | None = None
    """For an Arabic-script word: the pattern its romanisations match (see ``arabic.py``)."""


@dataclass(frozen=True, slots=True)
class RawWord:
    """A word of the input with what its spelling tells."""

    text: str
    upper: bool
    """Written in capitals with at least two letters (``UN``, ``U.S.``): an acronym."""
    hyphen_before: bool
    possessive: bool
    dotted: bool = False
    """Written with full stops between letters (``U.S.``, ``H.W.``)."""


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name taken apart for matching. Built by :func:`parse_name`; compare with ``match``."""

    text: str
    type: NameType
    titles: tuple[str, ...]
    title_use: str | None
    """How the title right before the name is used: ``given``, ``surname``, ``any`` or None."""
    units: tuple[WordKey, ...]
    """Person: name units (``Abu Bakr`` and ``bin Laden`` are one unit each). Others: content
    words, translated and singular, without stop words and organisation designators."""
    kunyas: tuple[bool, ...]
    """For each unit, whether it is a kunya (``Abu Bakr``), used like a given name."""
    suffix: str | None
    acronym: str | None
    """The letters, if the whole name is written as an acronym (``ISIL``, ``U.N.``, ``DoD``)."""
    words: tuple[RawWord, ...]
    """Every word after titles and leading articles: what acronyms are built from."""
    joined: frozenset[str]
    surname_first: bool
    alias_ids: frozenset[str]
    territory: str | None
    head_units: tuple[WordKey, ...] = ()
    """Non-persons: the units before the first ``of`` (``Islamic State`` in ``Islamic State of
    Iraq and the Levant``), all units when there is none."""
    qualifier: str | None = None
    """Non-persons: the leading word that places the name and was dropped from its units
    (``iraqi`` of ``Iraqi Army``, ``iran`` of ``Iran's Foreign Ministry``, ``us`` of ``U.S.``)."""
    nisbas: tuple[bool, ...] = ()
    """Person: for each unit, whether it is written with the Arabic article (``al-Adnani``): a
    nisba or family name, one of several a full name may string together."""

    @property
    def is_person(self) -> bool:
        return self.type in {"PERSON", "PER"}

    @property
    def is_location(self) -> bool:
        return self.type in _LOCATION_TYPES


def to_ascii(text: str) -> str:
    """``text`` transliterated to ASCII by anyascii, with each Han character or Hangul syllable
    a word of its own (``习近平`` → ``Xi Jin Ping``, as ICU's pinyin has it, ``이명박`` → ``I
    Myeong Bag``, where anyascii joins them)."""
    if text.isascii():
        return text  # what anyascii gives back for ASCII, without a name lookup per character
    if not any(_is_syllable_script(ch) for ch in text):
        return anyascii(text)
    spaced = "".join(f" {anyascii(ch)} " if _is_syllable_script(ch) else ch for ch in text)
    return re.sub(r" {2,}", " ", anyascii(spaced)).strip()


def _is_syllable_script(char: str) -> bool:
    """A Han character or a Hangul syllable: one syllable of a Chinese, Japanese or Korean
    word."""
    return unicodedata.name(char, "").startswith(("CJK UNIFIED IDEOGRAPH", "HANGUL SYLLABLE"))


# One syllable of a Chinese (pinyin, Wade-Giles without its apostrophes), Korean (Revised or
# McCune-Reischauer romanisation) or Vietnamese given name: an optional initial, a vowel run and
# an optional final consonant. English given names rarely split into such syllables
# ("Anderson", "Harvey", "Davis" do not), which tells "Lee Jae-myung" (family name first) from
# "Lee Anderson".
_SYLLABLE = (
    r"(?:(?:zh|ch|sh|ts|tz|hs|kk|tt|pp|ss|jj|tr|ph|th|kh|nh|ng|gh|gi|qu|[bpmfdtnlgkhjqxrzcswyv])?"
    r"[aeiouy][aeiouyw]{0,2}(?:ng|nh|ch|ck|n|m|k|p|t|l|h)?|er)"
)
_SYLLABIC_WORD = re.compile(f"(?:{_SYLLABLE}){{1,3}}")


def _surname_first_units(unit_texts: list[str], east_asian_script: bool) -> list[str] | None:
    """A name written family name first (``Li Keqiang``, ``Kim Jong-un``, ``李克强``) as two
    units, the family name and the given name run together (``kim``, ``jongun``); None for a
    name written given name first. The syllables of an East Asian given name belong together:
    ``Keqiang`` is not ``Qiang`` with a ``Ke`` before it."""
    if len(unit_texts) < 2:
        return None
    surnames = lexicon().surname_first
    if not east_asian_script and (
        # A family name in Wade-Giles is one of the list in pinyin ("Chiang" is "Jiang").
        (
            unit_texts[0] not in surnames
            and not pinyin_readings(unit_texts[0], wade_giles(unit_texts)) & surnames
        )
        or not all(_SYLLABIC_WORD.fullmatch(unit) for unit in unit_texts[1:])
    ):
        return None
    return [unit_texts[0], "".join(unit_texts[1:])]


# Cache sizes: a worker keeps these caches for its whole life, so they are capped at what a
# run of news still hits. On 400 benchmark articles, caps of 16,384 (fold, word_key) and 4,096
# (parse_name) gave hit rates of 90% / 91% / 86% against 89% / 90% / 87% with caps of 65,536 /
# 65,536 / 16,384, the same CPU time, and about 10 MiB less per worker.
@functools.lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower-case ASCII with apostrophes and punctuation other than spaces removed."""
    ascii_form = to_ascii(text.translate(_QUOTES)).lower()
    return re.sub(r"[^a-z0-9 ]+", "", re.sub(r"[-‐–—/_.]+", " ", ascii_form)).strip()


# Polish and German write the sound v as w ("Lwów" / "Lvov", "Romanow" / "Romanov"): after a
# consonant English does not put before w, and in a final -ow after a consonant.
_W_AS_V = re.compile(r"(?<=[bcfgjklmnpqrvxz])w|(?<=[b-df-hj-np-tv-z]o)w$")


def _map_letters(word: str) -> str:
    word = _W_AS_V.sub("v", word)
    word = word.replace("isation", "ization").replace("ence", "ense")
    for source, target in _DIGRAPHS:
        word = word.replace(source, target)
    return word


def _collapse(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def _skeleton(mapped: str) -> tuple[str, int]:
    """Consonant skeleton and vowel-group count of a letter-mapped word."""
    consonants: list[str] = []
    syllables = 0
    in_vowel = False
    last = len(mapped) - 1
    for index, char in enumerate(mapped):
        vowel = (
            char in _VOWELS
            or (char == "y" and index > 0)
            or (char == "w" and index > 0 and mapped[index - 1] in _VOWELS)
            or (char == "h" and index == last and index > 0 and mapped[index - 1] in _VOWELS)
        )
        if vowel:
            if not in_vowel:
                syllables += 1
            in_vowel = True
        else:
            # A consonant repeated across a vowel is two letters of the word (Keqiang: k-k-ng,
            # not Qiang's k-ng); only a doubled letter is one (collapsed before this).
            if in_vowel or not consonants or consonants[-1] != char:
                consonants.append(char)
            in_vowel = False
    return "".join(consonants), syllables


@functools.lru_cache(maxsize=16384)
def word_key(text: str) -> WordKey:
    """The comparison keys of one lower-case ASCII word, or of one Arabic-script word."""
    script = romanisation_pattern(text)
    latin = rough_romanisation(text) if script is not None else text
    mapped = _collapse(_map_letters(latin))
    skeleton, syllables = _skeleton(mapped)
    skeletons = {skeleton}
    if "g" in mapped:
        skeletons = {_skeleton(mapped.replace("g", "k"))[0], _skeleton(mapped.replace("g", "j"))[0]}
    folded = _collapse(mapped[:1] + mapped[1:].replace("y", "i"))
    return WordKey(
        latin if script is None else text, frozenset(skeletons), syllables, folded, script
    )


def _arabic_raw_words(text: str) -> tuple[RawWord, ...]:
    """Words of a name with Arabic-script words kept in their script (``word_key`` compares
    them by pattern); ``بن`` becomes the connector ``bin``."""
    words: list[RawWord] = []
    for token in text.split():
        if not is_arabic_script(token):
            words.extend(raw_words(token))
            continue
        letters = token.strip("،.:؛")
        word = "bin" if letters in _ARABIC_CONNECTORS else letters
        words.append(RawWord(word, False, False, False))
    return tuple(words)


@functools.lru_cache(maxsize=16384)
def raw_words(text: str) -> tuple[RawWord, ...]:
    """The words of ``text`` in order, with capitals, hyphens and possessives noted."""
    if is_arabic_script(text):
        return _arabic_raw_words(text)
    cleaned = to_ascii(text.translate(_QUOTES))
    words: list[RawWord] = []
    for found in _WORD.finditer(cleaned):
        token = found.group().rstrip(".'")
        possessive = token.lower().endswith("'s") and len(token) > 2
        if possessive:
            token = token[:-2]
        start = found.start()
        hyphen_before = start > 0 and cleaned[start - 1] in "-‐"
        letters = token.replace(".", "").replace("'", "")
        if not letters:
            continue
        upper = sum(ch.isupper() for ch in letters) >= 2 and letters.upper() == letters
        if "." in token and not upper:
            # "H.W." in a person's name, "Jr." handled by rstrip: initials become words.
            for part in token.split("."):
                if part:
                    words.append(RawWord(part.lower(), False, hyphen_before, False))
            continue
        words.append(
            RawWord(
                letters.lower(),
                upper and letters.isalpha(),
                hyphen_before,
                possessive,
                "." in token,
            )
        )
    return tuple(words)


# Office words that make a title of the portfolio written before them: "Health Secretary",
# "Finance Minister", "Defence Spokesman".
_PORTFOLIO_HEADS = frozenset({"minister", "secretary", "spokesman", "spokeswoman", "spokesperson"})
# Words that say when or how a title is held ("former President", "the late King", "acting
# Prime Minister"): part of the title phrase before a name.
_TITLE_MODIFIERS = frozenset(
    {"former", "late", "acting", "interim", "outgoing", "incoming", "then", "ex", "retired"}
)


def _title_size(words: list[RawWord]) -> int:
    """How many words at the start of ``words`` are a title phrase (0 if none): a lexicon title
    (``Prime Minister``), or a portfolio and its office word (``Health Secretary``)."""
    lex = lexicon()
    if len(words) > 2 and words[0].text in _TITLE_MODIFIERS:
        size = _title_size(words[1:])
        return size + 1 if size else 0
    for size in range(min(lex.max_title_words, len(words) - 1), 0, -1):
        if tuple(word.text for word in words[:size]) in lex.titles:
            return size
    if len(words) > 2 and words[1].text in _PORTFOLIO_HEADS and not words[0].upper:
        return 2
    return 0


def _places_a_title(words: list[RawWord]) -> bool:
    """``words`` name the country or place whose office a following title is: a nationality
    (``Israeli``, ``North Korean``), a country's possessive (``Iran's``) or code (``U.S.``), or a
    place name (``New Zealand``, ``Tehran``)."""
    text = " ".join(word.text for word in words)
    if text in lexicon().demonyms:
        return True
    if len(words) == 1 and words[0].upper:
        return words[0].dotted and _is_country_code(words[0].text)
    return lookup_territory(text) is not None


def _strip_titles(words: list[RawWord]) -> tuple[list[RawWord], list[str], str | None]:
    """Titles before a name, and how the last one is used. A place written before a title is
    dropped with it (``Israeli Prime Minister``, ``U.S. President``, ``Iran's Foreign
    Minister``)."""
    lex = lexicon()
    titles: list[str] = []
    use: str | None = None
    if words and not _title_size(words):
        for size in (2, 1):
            if (
                len(words) > size + 1
                and _places_a_title(words[:size])
                and _title_size(words[size:])
            ):
                words = words[size:]
                break
    while len(words) > 1:
        size = _title_size(words)
        if not size:
            break
        phrase = tuple(word.text for word in words[:size] if word.text not in _TITLE_MODIFIERS)
        titles.append(" ".join(lex.title_forms.get(word, word) for word in phrase))
        use = lex.titles.get(phrase, "surname")
        words = words[size:]
    return words, titles, use


def _acronym_letters(text: str) -> str | None:
    """The letters of a name written as an acronym, else None."""
    compact = re.sub(r"[\s.\-‐]", "", text.strip())
    if compact.lower().startswith("the"):
        return None
    if not compact.isalpha() or not 2 <= len(compact) <= 8:
        return None
    capitals = sum(ch.isupper() for ch in compact)
    if compact.isupper() or (capitals >= 2 and capitals * 2 >= len(compact) and len(compact) <= 5):
        return compact.lower()
    return None


# "Abd" ("servant of") and the article that joins it to the name after it, as romanised:
# Abdel / Abdul / Abdal / Abdur (a sun letter) / Abd. "Abdulrahman", "Abdel Rahman" and "Abd
# al-Rahman" are one name, compared as "abd" + "rahman".
_ABD = re.compile(r"abd(?:[aeiou][lrsndtz])?")
_ABD_JOINED = re.compile(r"^abd[aeiou][lrsndtz](?=[a-z]{3})")
_ARABIC_ABD = "عبد"


@functools.cache
def _abd_name_keys() -> tuple[frozenset[str], tuple[str, ...]]:
    names = lexicon().abd_names
    return frozenset(s for name in names for s in word_key(name).skeletons), tuple(names)


def _names_god(word: str) -> bool:
    """``word`` (Latin, or Arabic script with or without its article) is one of the names of God
    that follow Abd in a given name (``Rahman``, ``الفتاح``)."""
    skeletons, names = _abd_name_keys()
    if is_arabic_script(word):
        letters = word[2:] if word.startswith("ال") and len(word) > 3 else word
        pattern = romanisation_pattern(letters)
        return pattern is not None and any(pattern.fullmatch(name) for name in names)
    return bool(word_key(word).skeletons & skeletons)


def _person_units(
    words: list[RawWord],
) -> tuple[list[str], list[bool], str | None, list[bool]]:
    """Name units, which of them are kunyas (``Abu Bakr``), a generational suffix, and which
    units are written with the Arabic article (``al-Adnani``)."""
    lex = lexicon()
    suffix = None
    if len(words) > 1 and words[-1].text in lex.suffixes:
        suffix = lex.suffixes[words[-1].text]
        words = words[:-1]
    if len(words) >= 4 and words[-2].text in lex.particles_always and not words[-1].hyphen_before:
        # "Mohammed bin Salman Al Saud": a trailing "Al X" names the house, not the person.
        words = words[:-2]
    units: list[str] = []
    kunyas: list[bool] = []
    nisbas: list[bool] = []
    pending = ""
    pending_kunya = False
    article = False
    words = [
        RawWord(letter, False, word.hyphen_before, False)
        for word in words
        for letter in (word.text if word.dotted and len(word.text) <= 3 else [word.text])
    ]
    for index, word in enumerate(words):
        text = word.text
        if index < len(words) - 1:
            if text in lex.particles_always or (
                text in lex.particles_hyphenated and words[index + 1].hyphen_before
            ):
                article = True
                continue
            if (text in lex.kunya_heads and text not in lex.connectors) or (
                text in _ARABIC_KUNYA_HEADS
            ):
                head = "abu" if text.startswith("ab") else text
                pending, pending_kunya = pending + head, True
                continue
            if text in lex.connectors:
                pending += "bin"
                continue
            if (_ABD.fullmatch(text) or text == _ARABIC_ABD) and _names_god(words[index + 1].text):
                # "Abdel Fattah", "Abd al-Rahman", "عبد الفتاح": "servant of" and the name that
                # follows are one given name.
                pending += "abd" if text != _ARABIC_ABD else text
                continue
        if pending.endswith(_ARABIC_ABD) and text.startswith("ال"):
            text = text[2:]
        nisbas.append(not pending and (article or (text.startswith("ال") and len(text) > 3)))
        units.append(_ABD_JOINED.sub("abd", pending + text))
        kunyas.append(pending_kunya or (text.startswith("abu") and len(text) > 4))
        pending, pending_kunya, article = "", False, False
    return units, kunyas, suffix, nisbas


def _org_units(words: list[RawWord], latin: bool = True) -> list[str]:
    """Content words of an organisation's name. ``latin``: the name was written in the Latin
    alphabet; only there is a final ``s`` an English plural (``Интерфакс`` is ``Interfaks``)."""
    lex = lexicon()
    units: list[str] = []
    plurals: list[int] = []
    for index, word in enumerate(words):
        text = lex.org_translations.get(word.text, word.text)
        followed_by_hyphen = index + 1 < len(words) and words[index + 1].hyphen_before
        if text in lex.particles_always or (
            text in lex.particles_hyphenated and followed_by_hyphen
        ):
            continue
        if text in lex.stopwords or text in lex.org_designators:
            continue
        if text in lex.legal_forms and index in {0, len(words) - 1} and len(words) > 1:
            continue
        if latin and len(text) > 3 and text.endswith("s") and not text.endswith("ss"):
            plurals.append(len(units))
            text = text[:-1]
        if text.endswith("ionary"):
            # "Revolution Guards" / "Revolutionary Guard": the adjective is the noun's form.
            text = text[:-3]
        units.append(text)
    if len(units) == 1 and plurals:
        # A one-word title keeps its number: "Time" (a magazine) is not "The Times".
        units = [units[0] + "s"]
    if len(units) >= 2 and units[0] in {"department", "ministry"}:
        # "Department of Defense" is written "Defense Department" too.
        units = [*units[1:], units[0]]
    return units


def _written_in_latin(text: str) -> bool:
    """Every letter of ``text`` is a Latin one (with or without diacritics)."""
    if text.isascii():
        return True  # every ASCII letter is Latin: no name lookup per character
    return all(unicodedata.name(char, "").startswith("LATIN") for char in text if char.isalpha())


def _is_qualifier(word: RawWord, type_: NameType) -> bool:
    """A leading word that places an organisation without naming it: ``Iran's``, ``Iranian``,
    a country's initials (``U.S. Department of Defense``)."""
    if type_ in _LOCATION_TYPES:
        return False
    if word.upper:
        # Only when the alias table knows the letters as a country ("US", "U.K."): "BA" or "IT"
        # before a name are more often a company's initials than Bosnia or Italy, and "J.P." a
        # person's ("J.P. Morgan" is not Japan's Morgan).
        known = any(i.startswith("gpe:") for i in alias_ids(word.text.upper(), "GPE"))
        return known and _is_country_code(word.text)
    return word.possessive or word.text in lexicon().demonyms


@functools.lru_cache(maxsize=1024)
def _is_country_code(letters: str) -> bool:
    """``us`` (from ``U.S.``) and ``uk`` name countries; ``un`` (``U.N.``) does not."""
    found = lookup_territory(letters.upper())
    return found is not None and bool(found.is_country)


def strip_leading_article(text: str) -> str:
    """``text`` without a leading ``the`` (any case)."""
    return _LEADING_ARTICLE.sub("", text.strip())


_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")


@functools.lru_cache(maxsize=4096)
def parse_name(
    text: str,
    type_: NameType = "ORG",
    *,
    use_aliases: bool = True,
    exclude_aliases: frozenset[str] = frozenset(),
) -> ParsedName:
    """``text`` taken apart as a name of type ``type_``; cached, so call it freely.

    ``use_aliases=False`` leaves the alias table out (to measure the spelling rules alone);
    ``exclude_aliases`` leaves out only the table entries with those ids (a leave-entity-out
    measurement: the table knows other entities, not this one).
    """
    bare = strip_leading_article(text)
    acronym = _acronym_letters(bare)
    words = list(raw_words(bare))
    person = type_ in {"PERSON", "PER"}
    qualifier: str | None = None
    titles: list[str] = []
    use: str | None = None
    suffix: str | None = None
    kunyas: list[bool] = []
    nisbas: list[bool] = []
    head_texts: list[str] = []
    surname_first = False
    if person:
        words, titles, use = _strip_titles(words)
        unit_texts, kunyas, suffix, nisbas = _person_units(words)
        east_asian = any(_is_syllable_script(ch) for ch in bare)
        family_first = _surname_first_units(unit_texts, east_asian)
        if family_first is not None:
            unit_texts, kunyas, surname_first = family_first, [False, False], True
            nisbas = [False, False]
    else:
        all_words = words
        if len(words) > 1 and _is_qualifier(words[0], type_):
            qualifier = words[0].text
            words = words[1:]
            bare = " ".join(word.text for word in words)
        latin = _written_in_latin(bare)
        unit_texts = _org_units(words, latin) or [word.text for word in words]
        of_at = next((i for i, word in enumerate(words) if word.text == "of"), len(words))
        head_texts = _org_units(words[:of_at], latin) if of_at < len(words) else unit_texts
        words = all_words
    units = tuple(word_key(unit) for unit in unit_texts)
    joined = word_key("".join(unit_texts)).skeletons if unit_texts else frozenset()
    return ParsedName(
        text=text,
        type=type_,
        titles=tuple(titles),
        title_use=use,
        units=units,
        kunyas=tuple(kunyas) or (False,) * len(units),
        nisbas=tuple(nisbas) or (False,) * len(units),
        suffix=suffix,
        acronym=acronym,
        words=tuple(words),
        joined=joined,
        surname_first=surname_first,
        alias_ids=(
            (alias_ids(text, type_) or _placed_alias_ids(bare, type_, qualifier)) - exclude_aliases
            if use_aliases
            else frozenset()
        ),
        territory=(
            territory_code(bare, use_aliases, exclude_aliases) if type_ in _LOCATION_TYPES else None
        ),
        head_units=tuple(word_key(unit) for unit in head_texts),
        qualifier=qualifier,
    )


@functools.cache
def _alias_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for group in alias_groups():
        for name in group.names:
            index.setdefault(fold(strip_leading_article(name)), set()).add(group.id)
    return {key: frozenset(ids) for key, ids in index.items()}


@functools.cache
def _alias_countries() -> dict[str, str]:
    return {group.id: group.country for group in alias_groups() if group.country}


def _placed_alias_ids(text: str, type_: NameType, qualifier: str | None) -> frozenset[str]:
    """Alias-table ids of ``text`` (an organisation's name after its qualifier), less those
    based in a country other than the one ``qualifier`` names: ``Pakistani Taliban`` is not the
    Afghan Taliban, ``Lebanese Hezbollah`` is Hezbollah."""
    ids = alias_ids(text, type_)
    place = territory_code(qualifier) if qualifier is not None and ids else None
    if place is None:
        return ids
    countries = _alias_countries()
    return frozenset(i for i in ids if countries.get(i, place) == place)


def placed_elsewhere(qualifier: str, ids: frozenset[str]) -> bool:
    """Every alias-table entity of ``ids`` is based in a country other than the one
    ``qualifier`` names (``pakistani`` and the Taliban)."""
    place = territory_code(qualifier)
    if place is None or not ids:
        return False
    countries = _alias_countries()
    return all(i in countries and countries[i] != place for i in ids)


def alias_ids(text: str, type_: NameType) -> frozenset[str]:
    """Ids of the well-known entities in the alias table that ``text`` names."""
    ids = _alias_index().get(fold(strip_leading_article(text)), frozenset())
    if type_ in {"PERSON", "PER"}:
        return frozenset(i for i in ids if i.startswith("per:"))
    return ids


@functools.cache
def _former_index() -> dict[str, str]:
    return {
        fold(strip_leading_article(name)): group.id
        for group in alias_groups()
        for name in group.former
    }


def former_name_of(text: str) -> str | None:
    """The alias-table id of the entity ``text`` names by a name it went by before a renaming
    (``Islamic State of Iraq``, 2006-2013, of ``org:isil``), else None."""
    return _former_index().get(fold(strip_leading_article(text)))


@functools.lru_cache(maxsize=4096)
def names_territory(text: str) -> bool:
    """Whether ``text`` is written as a country's or region's own name (alias table, or the
    territory data's name, full name or in-sentence name), not only as its code or a word
    sharing its stem:
    ``Sierra Leone`` and ``the UK`` are, ``GM`` (Gambia's code) and ``Scottish`` are not."""
    if any(group_id.startswith("gpe:") for group_id in alias_ids(text, "GPE")):
        return True
    bare = strip_leading_article(text)
    found = lookup_territory(bare)
    if found is None:
        return False
    names = {found.name, found.full_name or "", found.in_sentence or ""}
    return fold(bare) in {fold(strip_leading_article(name)) for name in names if name}


_COUNTRY_FORM = re.compile(
    r"(?:Republic|Kingdom|Principality|Sultanate|Emirate|Grand Duchy) of (?:the )?(.+)", re.I
)


def _country_form_code(text: str) -> str | None:
    """The country a formal or disambiguated form names when the territory data lacks it:
    ``Republic of Guinea-Bissau`` (a state's form before its short name; not ``Democratic
    Republic of ...``, which names another state than the short name may), ``Guinea-Conakry``
    (a country's name and its capital, as Congo-Kinshasa tells the two Congos apart)."""
    formal = _COUNTRY_FORM.fullmatch(text)
    if formal:
        found = lookup_territory(formal.group(1))
        return str(found.code) if found is not None and found.is_country else None
    if "-" not in text:
        return None
    country, capital = text.rsplit("-", 1)
    found = lookup_territory(capital)
    names = fold(f"{found.name} {found.full_name}").split() if found is not None else []
    if found is not None and found.is_country and fold(country) in names:
        return str(found.code)
    return None


@functools.lru_cache(maxsize=4096)
def territory_code(
    text: str, use_aliases: bool = True, exclude_aliases: frozenset[str] = frozenset()
) -> str | None:
    """The country or region code ``text`` names (alias table first, then the territory
    data's names), else None."""
    for group_id in alias_ids(text, "GPE") - exclude_aliases if use_aliases else ():
        if group_id.startswith("gpe:"):
            return group_id[4:]
    bare = strip_leading_article(text)
    found = lookup_territory(bare)
    if found is None:
        return _country_form_code(bare)
    if not names_place_inside(bare):
        # One of the territory's own names, in English or another language (Ivory Coast,
        # Česko, Sakartvelo), or a code.
        return str(found.code)
    # The lookup also finds a country by its capital ("Baghdad" → Iraq): a city is not its
    # country. Keep a match only when the text shares a word stem with the territory's names:
    # its short names, not its formal one, whose descriptive words share stems with unrelated
    # places ("Islamabad" and the Islamic Republic of Pakistan, "Northampton" and the United
    # Kingdom of Great Britain and Northern Ireland).
    own_words = {
        word[:4]
        for name in (found.name, found.in_sentence or "")
        for word in fold(name).split()
        if len(word) > 3
    }
    if {word[:4] for word in fold(bare).split()} & own_words or (
        bare.lower().replace(".", "") in found.codes
    ):
        return str(found.code)
    return None
