"""Name mentions from spaCy's entities, cleaned and completed before grouping.

NER spans in news text are often a little off: they start with a quote mark or ``the``, end in a
possessive, stop mid-name (``the ‘Islamic State of Iraq`` + ``Levant``), or miss a proper noun
that the article spells elsewhere as a name (``Makhmour`` beside ``Makhmur``). This module turns
``doc.ents`` into :class:`NameSpan` records with clean ``[start, end)`` offsets into ``doc.text``,
the role words written in front of a name (``Kurdish leader Masoud Barzani``), appositive roles
(``Mohammad Haj Mahmoud, secretary-general of ...``), and acronyms the article defines
(``Islamic State of Iraq and the Levant (ISIL)``).
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sayso.entities.context_types import reading, type_cue
from sayso.entities.gender import is_first_name
from sayso.entities.lexicon import lexicon
from sayso.entities.match import spells_acronym, words_match
from sayso.entities.names import WordKey, alias_ids, fold, territory_code, word_key
from sayso.entities.territories import other_own_name_of, own_name_of
from sayso.nlp.columns import sentence_numbers, with_pos
from sayso.nlp.doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sayso.records.model import Dateline

NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
)
_OPENERS = "\"'“‘«‹([ "
_CLOSERS = "\"'”’»›)]:;,.!? "
_INITIALS_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
"""A final point that belongs to the name: initials ("U.S.", "D.C."). (A point after "Inc" or
"Jr" is left out, as name matching reads those words without it.)"""
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_CONTINUATION = re.compile(r"^\s+and\s+(?:the\s+)?((?:[A-Z][\w\-']*\s?){1,3})")
_DEFINED_ACRONYM = re.compile(r"^\s*\(([A-Z][A-Za-z.\-]{1,9})\)")
_OPEN_ACRONYM = re.compile(r"\s+\([A-Z][A-Za-z.\-]{1,9}\)?")
_TRAILING_DATE = re.compile(
    r",?\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,?\s+\d{4})?|\d{1,2}\s+(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)(?:\s+\d{4})?)$"
)
"""A date NER ran into the end of a place (``in Raqqa June 29, 2014``): not part of the name."""
_TRAILING_SCORE = re.compile(r"\s+\d{1,3}\s?[-–]\s?\d{1,3}$")
"""A match score NER ran into the end of a team (``beat Liverpool 2-1``): not part of the
name, which never ends in two numbers joined by a dash."""


# A dateline's parts are typed by their position (place, then agency in parentheses): that
# outweighs a one-off NER label of the same text elsewhere (a section line "MUMBAI" tagged ORG).
DATELINE_WEIGHT = 2


@dataclass(slots=True)
class NameSpan:
    """One name mention before grouping."""

    start: int
    end: int
    text: str
    label: str
    """spaCy's label, or ``""`` for a name found by spelling alone."""
    sentence: int
    subject: bool
    """The name is the grammatical subject of its clause (a coreference preference)."""
    owner: bool = False
    """The name owns the noun after it (``Greystone's managing director``)."""
    titles: list[str] = field(default_factory=list)
    roles: list[tuple[int, int, str]] = field(default_factory=list)
    """Role descriptions written with the name, as ``(start, end, text)`` in ``doc.text``."""
    weight: int = 1
    """Votes ``label`` gets in the entity's type vote (more when the context gave the label)."""
    reading: str = ""
    """``place`` or ``person`` when the context clearly reads the mention so (see
    :func:`sayso.entities.context_types.reading`), else ``""``."""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past quotes, a leading ``the`` and a trailing possessive, and to
    its last line: a name never runs over a line break (a heading the tagger read into the
    first sentence's name: ``Attack\n\nMilitants``), and a name's head comes last. Spaces
    NER takes in at either end (``Attack\n\n``) are no part of it."""
    while end > start and text[end - 1].isspace():
        end -= 1
    line_break = text.rfind("\n", start, end)
    if line_break >= 0 and text[line_break + 1 : end].strip():
        start = line_break + 1
        while start < end and text[start].isspace():
            start += 1
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in _OPENERS + "’”":
            start, changed = start + 1, True
        while end > start and text[end - 1] in _CLOSERS + "‘“":
            if text[end - 1] == "." and _INITIALS_END.search(text, start, end):
                break
            end, changed = end - 1, True
        article = _LEADING_ARTICLE.match(text[start:end])
        if article and end - start > article.end():
            start, changed = start + article.end(), True
        possessive = _POSSESSIVE.search(text[start:end])
        if possessive and end - start > len(possessive.group()) + 1:
            end, changed = end - len(possessive.group()), True
        trailing_date = _TRAILING_DATE.search(text, start, end)
        if trailing_date and trailing_date.start() > start:
            end, changed = trailing_date.start(), True
        score = _TRAILING_SCORE.search(text, start, end)
        if score and score.start() > start:
            end, changed = score.start(), True
    return start, end


def _extend_cut_name(text: str, start: int, end: int) -> int:
    """The end of a name NER cut before ``and the Levant``: extended when the article marks the
    longer form as one name (a quote opened before it closes after it, or a defined acronym)."""
    found = _CONTINUATION.match(text[end : end + 60])
    if not found:
        return end
    new_end = end + found.start(1) + len(found.group(1).rstrip())
    opened = start > 0 and text[start - 1] in "“‘\"'"
    closes = new_end < len(text) and text[new_end] in "”’\"'"
    if (opened and closes) or _DEFINED_ACRONYM.match(text[new_end : new_end + 14]):
        return new_end
    return end


def _rest_of_hyphenated_name(doc: Doc, ent: Span, end: int) -> int:
    """The end of a person's name NER cut inside its last, hyphenated word (``Han Duck`` of
    ``Han Duck-soo``, ``Lee Jae`` of ``Lee Jae-myung``): a name ends at a word's end. Only when
    the rest is tagged a proper noun and the name has two words or more, so that a name opening
    a compound modifier (``Trump-era``, ``Saudi-led``, ``Ambani-backed``) stays as it is."""
    after = ent.end
    if ent.end_char != end or after + 1 >= len(doc) or len(ent) < 2:
        return end
    hyphen, rest = doc[after], doc[after + 1]
    if hyphen.text != "-" or hyphen.whitespace_ or rest.idx != hyphen.idx + 1:
        return end
    if rest.pos_ != "PROPN" or not rest.text.isalpha():
        return end
    if after + 2 < len(doc) and not rest.whitespace_ and doc[after + 2].text == "-":
        return end  # the word goes on ("Duck-soo-led"): not a name's end either way
    return rest.idx + len(rest.text)


@functools.cache
def _particles_then_name() -> re.Pattern[str]:
    """One or more lower-case family-name particles, then a capitalised word: the rest of a
    name such as ``von der Leyen``, ``ten Hag``, ``in 't Veld``."""
    words = sorted(lexicon().surname_particles - {"in", "t"}, key=len, reverse=True)
    particle = "(?:" + "|".join(words) + r"|in ['’]t)"
    return re.compile(rf"(?:[ \t]+{particle})+[ \t]+[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?(?![\w\-])")


def _family_name_after_particles(text: str, start: int, end: int) -> int:
    """The end of a person's name NER cut at a family name's particles (``Erik`` of ``Erik ten
    Hag``, ``Ursula von der`` of ``Ursula von der Leyen``, the rest tagged a number or a place):
    only after a lone given name, which news rarely writes without the family name after it."""
    words = text[start:end].split()
    particles = lexicon().surname_particles
    while len(words) > 1 and words[-1] in particles:
        words.pop()
    if len(words) != 1 or not is_first_name(words[0]):
        return end
    found = _particles_then_name().match(text, start + len(words[0]))
    return found.end() if found is not None and found.end() >= end else end


def _join_place(text: str, start: int, end: int, next_start: int, next_end: int) -> int:
    """``Islamic State`` + ``of|in`` + ``Iraq``: NER split one organisation name in two.

    Joined across ``of`` always; across ``in`` only when the joined name goes on to a longer form
    the article marks as one name (``... in Iraq and the Levant (ISIL)``), when an acronym in
    brackets after it spells the joined name (``Board of Control for Cricket in India (BCCI)``)
    or when the joined name is a name of the alias table (``Islamic State in Iraq``, ``al-Qaeda
    in Iraq``), not a group placed somewhere (``ISIS in Iraq``). NER may also end the first part
    with the ``of`` itself (``Office for the Southern District of`` + ``New York``): no name
    ends so."""
    between = text[end:next_start]
    if between == " " and text[start:end].endswith(" of"):
        return _extend_cut_name(text, start, next_end)
    if between not in {" of ", " in "}:
        return end
    joined_end = _extend_cut_name(text, start, next_end)
    if between == " of " or joined_end > next_end or alias_ids(text[start:next_end], "ORG"):
        return joined_end
    defined = _DEFINED_ACRONYM.match(text[next_end : next_end + 14])
    if defined and spells_acronym(defined.group(1), text[start:next_end]):
        return joined_end
    return end


def _before_postnominal(text: str, start: int, end: int) -> int:
    """The end of a person's name without the letters of an honour or office NER took into
    it ("Keir Starmer KC"): they are part of no name, and would read as a family name."""
    head, _, last = text[start:end].rpartition(" ")
    if head and lexicon().is_postnominal(last):
        return start + len(head.rstrip(" ,"))
    return end


def _postnominal_after_person(text: str, start: int, end: int, before: Span | None) -> bool:
    """Whether ``[start, end)`` is only the letters after a person's name that NER made a name
    of its own ("Sarah Lindqvist KC": "KC" an organisation)."""
    if before is None or before.label_ != "PERSON" or not lexicon().is_postnominal(text[start:end]):
        return False
    return text[before.end_char : start].strip(" ,") == ""


def _is_subject(span: Span) -> bool:
    return span.root.dep_ in {"nsubj", "nsubjpass"}


def _role_before(doc: Doc, text: str, span: Span) -> tuple[int, int, str] | None:
    """``Kurdish leader`` in ``Kurdish leader Masoud Barzani``: words left of the name that
    modify it, ending in a common noun or a title word."""
    lex = lexicon()
    index = span.start - 1
    first = None
    while index >= 0:
        token = doc[index]
        attached = token.head.i >= index and token.head.i < span.end
        if token.dep_ == "case" and index > 0:
            index -= 1
            continue
        if (
            token.text == "-"
            and index > 0
            and not token.whitespace_
            and not doc[index - 1].whitespace_
        ):
            # "Secretary-General": one word written as three tokens
            index -= 1
            continue
        if not attached or token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            break
        first = index
        index -= 1
    if first is None:
        return None
    last = doc[span.start - 1]
    if last.lower_ not in lex.role_nouns:
        return None
    start, end = doc[first].idx, last.idx + len(last.text)
    return start, end, text[start:end]


# Lower-case words inside a title phrase of the title list ("Secretary of State").
_TITLE_LINKS = frozenset({"of", "for", "the"})
_TITLE_SPLIT = re.compile(r"[\s.\-]+")


def _titles_before(doc: Doc, text: str, span: Span) -> tuple[list[str], int]:
    """Title phrases written right before a name but left out of it by NER (``Mr`` in
    ``Mr. Castellano``, ``Prime Minister``, ``Sen.``, ``Queen``), in text order, and where the
    first of them starts (the name's start if none). ``text`` is the doc's text, read once
    (``Doc.text`` joins every token on each read)."""
    lex = lexicon()
    endings = _title_endings()
    found: list[str] = []
    start = span.start_char
    index = span.start - 1
    while index >= 0:
        word = doc[index]
        if word.text == "." and index > 0:
            index -= 1
            continue
        if word.text != "." and word.lower_.rstrip(".") not in endings:
            break  # every title the phrases below could be ends with this word
        for size in range(min(2 * lex.max_title_words, index + 1), 0, -1):
            tokens = doc[index - size + 1 : index + 1]
            # split as the title list is ("Secretary-General": "secretary", "general")
            written = text[tokens.start_char : tokens.end_char].split()
            words = tuple(w for w in _TITLE_SPLIT.split(" ".join(written).lower()) if w)
            if words in lex.titles and all(
                w[:1].isupper() or w == "." or (0 < k < len(written) - 1 and w in _TITLE_LINKS)
                for k, w in enumerate(written)
            ):
                found.insert(0, " ".join(w.rstrip(".") for w in written if w != "."))
                start = tokens.start_char
                index -= size
                break
        else:
            break
    return found, start


@functools.cache
def _title_endings() -> frozenset[str]:
    """The last word of every title phrase (a phrase ending on another word is no title)."""
    return frozenset(phrase[-1] for phrase in lexicon().titles if phrase)


def _person_after_nationality_title(span: Span) -> int | None:
    """Where the person's name starts in a name NER ran on from a nationality adjective and a
    title (``Dutch MEP Sophie``, tagged an organisation or a person): the nationality and the
    title are the person's, and a given name follows them."""
    if len(span) < 3 or span[0].lower_ not in lexicon().demonyms:
        return None
    titles = lexicon().titles
    index = span.start + 1
    while index < span.end and (span.doc[index].lower_.rstrip("."),) in titles:
        index += 1
    if index == span.start + 1 or index == span.end:
        return None
    given = span.doc[index]
    if given.pos_ != "PROPN" or not is_first_name(given.text):
        return None
    return given.idx


_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def _party_to_a_lawsuit(span: Span) -> tuple[int, int, str] | None:
    """The side of a lawsuit a relative clause on the name gives it: ``X, who is suing ...``
    is the plaintiff, ``X, which is being sued by ...`` (or ``which Y sued``) the defendant.
    The role is the verb's place with the party noun the article will use for it."""
    for verb in span.root.children:
        if verb.dep_ != "relcl" or verb.lemma_ != "sue" or verb.i < span.end:
            continue
        for child in verb.children:
            if child.lower_ not in _RELATIVE_PRONOUNS:
                continue
            if child.dep_ == "nsubj":
                return verb.idx, verb.idx + len(verb.text), "plaintiff"
            if child.dep_ in {"nsubjpass", "dobj"}:
                return verb.idx, verb.idx + len(verb.text), "defendant"
    return None


def _appositive_role(text: str, span: Span) -> tuple[int, int, str] | None:
    """``secretary-general of the Kurdistan Social Democratic Party`` after a name, or a role
    set off before it (``The plaintiff, Maria Delgado, ...``: the article says who holds it)."""
    role_nouns = lexicon().role_nouns
    for child in span.root.children:
        if child.dep_ == "appos" and child.lower_ in role_nouns and child.i >= span.end:
            tokens = list(child.subtree)
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            return start, end, text[start:end]
    head = span.root.head
    if (
        span.root.dep_ == "appos"
        and head.i < span.start
        and head.lower_ in role_nouns
        and all(token.is_punct for token in span.doc[head.i + 1 : span.start])
        and any(token.lower_ == "the" for token in head.lefts)
    ):
        # Only the words before the role noun: what follows the name is not the role's.
        first = min(token.i for token in head.lefts)
        start, end = span.doc[first].idx, head.idx + len(head.text)
        return start, end, text[start:end]
    return None


def name_spans(
    doc: Doc, text: str, dateline: Dateline | None = None
) -> tuple[list[NameSpan], dict[str, str]]:
    """Clean name mentions of ``doc`` (whose text is ``text``) and the acronyms it defines
    (folded acronym → folded expansion). The ``dateline``'s place and agency become two mentions
    of their own, whatever NER made of them (``MUMBAI (Reuters`` tagged as one name)."""
    sentence_of = sentence_numbers(doc)
    found: list[NameSpan] = []
    defined: dict[str, str] = {}
    covered_until = -1
    ents = [ent for ent in doc.ents if ent.label_ in NAME_LABELS]
    if dateline is not None:
        found.extend(_dateline_spans(doc, dateline, sentence_of))
        reserved = [(span.start, span.end) for span in found]
        ents = [
            e for e in ents if not any(s < e.end_char and e.start_char < t for s, t in reserved)
        ]
    lowercase = _lowercase_words(doc)
    for position, ent in enumerate(ents):
        if ent.start_char < covered_until or _common_noun_opening_role(ent, sentence_of):
            continue
        label, weight = ent.label_, 1
        cue = type_cue(ent, label)
        if cue is not None:
            if cue.label is None:
                continue
            label, weight = cue.label, cue.weight
        start, end = _trim(text, ent.start_char, ent.end_char)
        brand = _name_before_country(doc, ent)
        if brand is not None:
            start, label, weight = brand, "ORG", 1
        if _postnominal_after_person(text, start, end, ents[position - 1] if position else None):
            continue
        person = _person_after_nationality_title(ent)
        if person is not None:
            start, label, weight = person, "PERSON", 1
        if ent.label_ == "PERSON" or person is not None:
            end = _before_postnominal(text, start, end)
            end = _rest_of_hyphenated_name(doc, ent, end)
            end = _family_name_after_particles(text, start, end)
        cut = _OPEN_ACRONYM.search(text, start, end)
        if cut is not None and cut.end() == end:
            # "World Health Organisation (WHO": NER ran into the acronym the name defines.
            end = cut.start()
        role_word = _common_noun_before_name(text, start, end, label, lowercase)
        if role_word is not None:
            start = role_word[1]
            while start < end and text[start].isspace():
                start += 1
        if ent.label_ == "ORG" and position + 1 < len(ents):
            following = ents[position + 1]
            end = _join_place(text, start, end, following.start_char, following.end_char)
        if label == "PERSON" and position + 1 < len(ents):
            following = ents[position + 1]
            if following.label_ == "PERSON" and text[end : following.start_char] == " ":
                # NER cut one name in two ("Bilawal Bhutto" + "Zardari"): no two people's
                # names are written side by side with nothing between them
                end = following.end_char
        if start >= end or not any(ch.isalpha() for ch in text[start:end]):
            continue
        end = _extend_cut_name(text, start, end)
        covered_until = end
        record = NameSpan(
            start, end, text[start:end], label, sentence_of[ent.start], _is_subject(ent),
            owner=ent.root.dep_ == "poss", weight=weight, reading=reading(ent, label),
        )  # fmt: skip
        if label == "PERSON":
            titles, title_start = _titles_before(doc, text, ent)
            record.titles.extend(titles)
            # a word of the title NER tagged as a name ("State" in "Secretary of State Marco
            # Rubio") is part of the title
            found = [kept for kept in found if not title_start <= kept.start < start]
        if ent.label_ == "PERSON":
            roles = (_role_before(doc, text, ent), _appositive_role(text, ent))
            record.roles.extend(role for role in roles if role)
            if role_word is not None and not record.roles:
                record.roles.append((role_word[0], role_word[1], text[role_word[0] : role_word[1]]))
        if ent.label_ in {"PERSON", "ORG"}:
            party = _party_to_a_lawsuit(ent)
            if party is not None:
                record.roles.append(party)
        credit = _credit_split(record) or _split_at_and_the(record)
        if credit is not None:
            found.extend(credit)
            continue
        acronym = _DEFINED_ACRONYM.match(text[end : end + 14])
        if acronym and not _is_agency(dateline, end + acronym.start(1)):
            letters = acronym.group(1)
            a_start = end + acronym.start(1)
            defined[fold(letters)] = fold(record.text)
            found.append(record)
            found.append(
                NameSpan(
                    a_start, a_start + len(letters), letters, ent.label_, record.sentence, False
                )
            )
            covered_until = a_start + len(letters)
            continue
        found.append(record)
    found = _without_overlaps(found + _names_with_particles(doc, text, found, sentence_of))
    found.extend(_repeated_full_names(doc, text, found, sentence_of))
    found.extend(_spelled_names(doc, len(text), found, sentence_of))
    found.extend(_other_names_of_places(doc, len(text), found, sentence_of))
    found.extend(_bare_surnames(doc, text, found, sentence_of))
    found.extend(_acronyms_of_names(doc, found, sentence_of))
    found.sort(key=lambda item: item.start)
    return found, defined


def _is_agency(dateline: Dateline | None, start: int) -> bool:
    """The brackets at ``start`` hold the dateline's credit (``RIYADH, Saudi Arabia (Reuters)``,
    ``Mumbai, India (CNN)``): the agency that filed the story, not an acronym the region before
    it defines."""
    return dateline is not None and dateline.agency is not None and dateline.agency.start == start


def _dateline_spans(doc: Doc, dateline: Dateline, sentence_of: list[int]) -> list[NameSpan]:
    """The dateline's place (GPE) and agency (ORG) as two name mentions."""
    spans: list[NameSpan] = []
    text = doc_text(doc)
    pieces: list[tuple[int, int, str]] = []
    for part, label in ((dateline.place, "GPE"), (dateline.agency, "ORG")):
        if part is None or not any(ch.isalpha() for ch in part.text):
            continue
        # "ST. PETERSBURG, Fla.": the place is the part before the region; "LONDON/DUBAI":
        # two places
        end = part.start + len(part.text.split(",")[0].rstrip())
        start = part.start
        for name in text[part.start : end].split("/") if label == "GPE" else [part.text]:
            if name.strip():
                pieces.append((start, start + len(name.rstrip()), label))
            start += len(name) + 1
    for start, end, label in pieces:
        token = doc.char_span(start, end, alignment_mode="expand")
        sentence = sentence_of[token.start] if token is not None and len(token) else 0
        spans.append(
            NameSpan(
                start, end, text[start:end], label, sentence, False, weight=DATELINE_WEIGHT,
            )
        )  # fmt: skip
    return spans


# Words that make a region of a country, not a body, when written before its name.
_REGION_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
     "greater", "upper", "lower", "new", "old", "rural", "mainland", "metropolitan"}
)  # fmt: skip


def _name_before_country(doc: Doc, ent: Span) -> int | None:
    """The start of an organisation NER cut to the country that ends its name (``News UK``,
    ``Team GB``: only ``UK`` tagged, a place): one capitalised proper noun, in no entity and
    after no other, written just before a one-word country's name, and no region word or title
    (``Southern California``, ``President Obama``), the two words written so twice or more."""
    if ent.label_ != "GPE" or len(ent) != 1 or ent.start == 0:
        return None
    word = doc[ent.start - 1]
    if (
        word.pos_ != "PROPN"
        or word.ent_type_
        or not word.text.isalpha()
        or not word.text[:1].isupper()
        or word.idx + len(word.text) + 1 != ent.start_char
        or word.lower_ in _REGION_WORDS
        or (word.lower_,) in lexicon().titles
    ):
        return None
    if ent.start >= 2:
        before = doc[ent.start - 2]
        if before.pos_ == "PROPN" and before.text[:1].isupper():
            return None
    if territory_code(ent.text) is None:
        return None
    # Written so twice: a capitalised word tagged a proper noun before a country once is as
    # often an adjective opening a sentence ("Neighbouring Liberia", "Former Pennsylvania Gov.",
    # "Poor Mexico"), each seen once in 174 benchmark articles.
    return word.idx if doc.text.count(f"{word.text} {ent.text}") >= 2 else None


def _common_noun_opening_role(ent: Span, sentence_of: list[int]) -> bool:
    """``Press`` in ``Press secretary Dana Pell said``: one word NER tagged as a name only as it
    opens the sentence, which the tagger reads as a common noun modifying the lower-case role
    noun after it, is part of the role, not an organisation (``Pentagon spokesman``, tagged a
    proper noun, stays a name). ``sentence_of`` numbers each word's sentence: the word opens
    one where its number is not the word's before (``Span.sent`` walks the tokens)."""
    start = ent.start
    if len(ent) != 1 or (start > 0 and sentence_of[start - 1] == sentence_of[start]):
        return False
    word = ent[0]
    head = word.head
    return (
        word.tag_ in ("NN", "NNS")
        and word.dep_ == "compound"
        and head.i == word.i + 1
        and head.is_lower
        and head.lower_ in lexicon().role_nouns
    )


def _common_noun_before_name(
    text: str, start: int, end: int, label: str, lowercase: set[str]
) -> tuple[int, int] | None:
    """``Realtor`` in a name NER tagged ``Realtor Dana Okafor``: a capitalised first word that
    is no first name and that the article also writes in lower case (``a realtor``) is a common
    noun (a job, a role), not part of the name. Returns its ``(start, end)``."""
    if label != "PERSON":
        return None
    words = text[start:end].split()
    if len(words) < 2 or not words[0].isalpha() or not words[0][:1].isupper():
        return None
    first = words[0]
    if first.lower() not in lowercase or is_first_name(first) or first.lower() in _PRONOUNS:
        # a pronoun NER took into a name is a family name spelt so: He Yadong, He Lifeng
        return None
    return start, start + len(first)


_PRONOUNS = frozenset({"he", "she", "it", "we", "they", "you", "i", "me", "him", "her", "us"})


def _credit_split(record: NameSpan) -> list[NameSpan] | None:
    """``Dana Okafor/AP`` (a photo credit) is a person and an organisation, not one name."""
    if "/" not in record.text:
        return None
    pieces: list[NameSpan] = []
    offset = 0
    for position, piece in enumerate(record.text.split("/")):
        stripped = piece.strip()
        start = record.start + offset + (len(piece) - len(piece.lstrip()))
        offset += len(piece) + 1
        if not stripped or not any(ch.isalpha() for ch in stripped) or not stripped[0].isupper():
            return None
        label = record.label if position == 0 else "ORG"
        pieces.append(
            NameSpan(start, start + len(stripped), stripped, label, record.sentence, False)
        )
    return pieces if len(pieces) >= 2 else None


_AND_THE = re.compile(r"\s+and\s+The\s+")


def _split_at_and_the(record: NameSpan) -> list[NameSpan] | None:
    """``The Times and The Sun`` tagged one name: two titles, each opening with its own
    capitalised article. A lower-case ``the`` stays inside one name (``Islamic State of Iraq and
    the Levant``)."""
    found = _AND_THE.search(record.text)
    if found is None or found.start() == 0:
        return None
    left = record.text[: found.start()]
    right_start = record.start + found.end()
    right = record.text[found.end() :]
    if not left[:1].isupper() or not right[:1].isupper():
        return None
    return [
        NameSpan(record.start, record.start + len(left), left, record.label, record.sentence,
                 record.subject),
        NameSpan(right_start, right_start + len(right), right, record.label, record.sentence,
                 False),
    ]  # fmt: skip


def _soft_hyphens_allowed(word: str) -> str:
    """A pattern for ``word`` that also matches it with soft hyphens inside (``Verhoe\xadven``)."""
    return "\u00ad?".join(re.escape(char) for char in word)


_MONTHS = frozenset(month.lower() for month in calendar.month_name if month)


def _names_with_particles(
    doc: Doc, text: str, found: list[NameSpan], sentence_of: list[int]
) -> list[NameSpan]:
    """A person NER missed whose name is a given name, particles and a capitalised word
    (``Jan ten Brink``, the particle tagged a number, the last word alone an organisation): a
    PERSON mention, which replaces names NER found inside it. The given name must
    open the name (no capitalised proper noun before it but a title), be a proper noun and not
    a month's name (``Jan`` is no month written out: the small model tags ``Jan ten`` a date)."""
    extra: list[NameSpan] = []
    covered = bytearray(len(text) + 1)
    for span in found:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    for given in re.finditer(r"(?<![\w\-’'])[A-Z][^\W\d_]+", text):
        start = given.start()
        if covered[start] or not is_first_name(given.group()):
            continue
        rest = _particles_then_name().match(text, given.end())
        if rest is None or any(
            span.start < rest.end() and start < span.end and span.end > rest.end() for span in found
        ):
            continue
        tokens = doc.char_span(start, rest.end(), alignment_mode="expand")
        if tokens is None or tokens[0].pos_ != "PROPN" or tokens[-1].pos_ != "PROPN":
            continue
        if given.group().lower() in _MONTHS:
            continue  # "In May de Gaulle visited"
        if _after_another_name(doc, tokens.start):
            continue
        subject = tokens.root.dep_ in {"nsubj", "nsubjpass"}
        end = rest.end()
        extra.append(
            NameSpan(start, end, text[start:end], "PERSON", sentence_of[tokens.start], subject)
        )
        covered[start:end] = b"\x01" * (end - start)
    return extra


def _after_another_name(doc: Doc, start: int) -> bool:
    """Whether token ``start`` follows a capitalised proper noun that is no title: the words
    found there run on from another name ("Paul Okafor"), not a name of their own."""
    if start == 0:
        return False
    before = doc[start - 1]
    return (
        before.pos_ == "PROPN"
        and before.text[:1].isupper()
        and (before.lower_.rstrip("."),) not in lexicon().titles
    )


def _bare_surnames(
    doc: Doc, text: str, found: list[NameSpan], sentence_of: list[int]
) -> list[NameSpan]:
    """A person's family name written alone where NER saw no name (``Okafor said``).

    The family name of every person NER found with a given name (its last word, hyphenated
    or not, its last two words after a given name: ``Black Elk`` of ``Linda Black Elk``, or
    its words from a particle on: ``ten Hag`` or ``Ten Hag`` of ``Erik ten Hag``) is looked
    for elsewhere, capitalised as a name and not run into other capitalised words;
    a hit becomes an unlabelled mention, which the grouping then joins to the most recent
    compatible full name (or leaves ambiguous)."""
    surnames: set[str] = set()
    particles = lexicon().surname_particles
    for span in found:
        words = span.text.split()
        if span.label != "PERSON" or len(words) < 2:
            continue
        if len(words) >= 3 and all(w.lower().lstrip("'’") in particles for w in words[1:-1]):
            # "ten Hag", and "Ten Hag" opening a sentence
            family = " ".join(words[1:])
            surnames.update((family, family[:1].upper() + family[1:]))
        if not all(w[:1].isupper() for w in words):
            continue
        surnames.add(words[-1])
        if len(words) >= 3 and is_first_name(words[0]) and not is_first_name(words[1]):
            surnames.add(" ".join(words[-2:]))
    if not surnames:
        return []
    covered = bytearray(len(text) + 1)
    for span in found:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    extra: list[NameSpan] = []
    # soft hyphens only where the text has one: the pattern, new for every article, then
    # compiles several times faster and matches the same
    spelled = _soft_hyphens_allowed if "\u00ad" in text else re.escape
    pattern = re.compile(
        r"(?<![\w\-’'])(?:"
        + "|".join(spelled(s) for s in sorted(surnames, key=len, reverse=True))
        + r")(?![\w\-])"
    )
    for hit in pattern.finditer(text):
        start, end = hit.span()
        if any(covered[start:end]):
            continue
        tokens = doc.char_span(start, end, alignment_mode="expand")
        if tokens is None or tokens.start_char != start or tokens.end_char != end:
            continue
        after = doc[tokens.end] if tokens.end < len(doc) else None
        if _after_another_name(doc, tokens.start):
            continue
        if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
            continue
        subject = tokens.root.dep_ in {"nsubj", "nsubjpass"}
        extra.append(NameSpan(start, end, hit.group(), "", sentence_of[tokens.start], subject))
        covered[start:end] = b"\x01" * (end - start)
    return extra


def _without_overlaps(spans: list[NameSpan]) -> list[NameSpan]:
    kept: list[NameSpan] = []
    for span in sorted(spans, key=lambda item: (item.start, -item.end)):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _lowercase_words(doc: Doc) -> set[str]:
    """The article's words written all in lower-case letters."""
    if not len(doc):
        return set()
    strings = doc.vocab.strings
    # column by column, masked in the arrays: a list per token (a two-column tolist) sets off
    # the garbage collector, and each distinct word is looked up once
    wanted = (doc.to_array("IS_LOWER") != 0) & (doc.to_array("IS_ALPHA") != 0)
    return {strings[orth] for orth in set(doc.to_array("ORTH")[wanted].tolist())}


def _spelled_names(
    doc: Doc, length: int, found: list[NameSpan], sentence_of: list[int]
) -> list[NameSpan]:
    """Single proper nouns NER missed that spell a one-word name found elsewhere in the article."""
    known: dict[str, list[WordKey]] = {}
    for span in found:
        if " " not in span.text.strip():
            key = word_key(fold(span.text))
            for skeleton in key.skeletons:
                known.setdefault(skeleton, []).append(key)
    covered = bytearray(length + 1)
    for span in found:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    extra: list[NameSpan] = []
    for token in map(doc.__getitem__, with_pos(doc, "PROPN")):
        if token.ent_type_ or covered[token.idx]:
            continue
        if not token.text[:1].isupper():
            continue
        key = word_key(fold(token.text))
        others = [other for skeleton in key.skeletons for other in known.get(skeleton, [])]
        if key.text and any(words_match(key, other) for other in others):
            subject = token.dep_ in {"nsubj", "nsubjpass"}
            end = token.idx + len(token.text)
            extra.append(NameSpan(token.idx, end, token.text, "", sentence_of[token.i], subject))
    return extra


def _repeated_full_names(
    doc: Doc, text: str, found: list[NameSpan], sentence_of: list[int]
) -> list[NameSpan]:
    """A name of several words NER tagged elsewhere in the article, written letter for letter
    where no name was kept (``CHICAGO - Whitfield Hardware said``: the small model often misses
    the name right after a dateline, or runs the dateline into it): a mention of it, every word
    a proper noun and the whole on token boundaries."""
    names = {span.text for span in found if " " in span.text and span.label}
    if not names:
        return []
    suffixes = lexicon().suffixes
    pattern = re.compile(
        "|".join(rf"\b{re.escape(name)}\b" for name in sorted(names, key=len, reverse=True))
    )
    covered = bytearray(len(text) + 1)
    for span in found:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    extra: list[NameSpan] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(covered[start:end]):
            continue
        tokens = doc.char_span(start, end)
        if tokens is None or any(t.pos_ != "PROPN" for t in tokens):
            continue
        label = ""
        if tokens.end < len(doc) and doc[tokens.end].lower_.rstrip(".") in suffixes:
            # "Edsel Ford II" where "Edsel Ford" is written elsewhere: another man's name,
            # and a generational suffix goes only with a person's
            end, label = doc[tokens.end].idx + len(doc[tokens.end].text), "PERSON"
        subject = tokens.root.dep_ in {"nsubj", "nsubjpass"}
        extra.append(
            NameSpan(start, end, text[start:end], label, sentence_of[tokens.start], subject)
        )
    return extra


def _other_names_of_places(
    doc: Doc, length: int, found: list[NameSpan], sentence_of: list[int]
) -> list[NameSpan]:
    """Single capitalised words NER missed that are another own name of a country the article
    names (``New Zealand - or Aotearoa as it is called by Maori``, ``Ireland - or Éire``): a
    GPE mention of it. A word written as one of the article's names is left to
    :func:`_spelled_names` (``Chad`` may be a man)."""
    codes = {
        code
        for span in found
        if span.label in {"GPE", "LOC"} and (code := own_name_of(span.text)) is not None
    }
    if not codes:
        return []
    written = {fold(span.text) for span in found}
    covered = bytearray(length + 1)
    for span in found:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    extra: list[NameSpan] = []
    for token in map(doc.__getitem__, with_pos(doc, "PROPN", "NOUN")):
        if token.ent_type_ or covered[token.idx]:
            continue
        if token.is_sent_start or not token.text[:1].isupper() or fold(token.text) in written:
            continue
        before = doc[token.i - 1]
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (
            before.text[:1].isupper()
            or before.lower_ in {"of", "de"}
            or not before.whitespace_
            or (after is not None and after.text[:1].isupper())
        ):
            # Part of a longer name NER missed: "Latin America", "Bank of America", "USA
            # TODAY", "America First", "Initiative-America", "R-NY".
            continue
        if other_own_name_of(token.text) in codes:
            subject = token.dep_ in {"nsubj", "nsubjpass"}
            end = token.idx + len(token.text)
            extra.append(NameSpan(token.idx, end, token.text, "GPE", sentence_of[token.i], subject))
    return extra


def _acronyms_of_names(doc: Doc, found: list[NameSpan], sentence_of: list[int]) -> list[NameSpan]:
    """Acronyms NER missed (``SEIU spokesman Marc Goumbri``, ``CREA's chief economist``) whose
    letters spell an organisation name found elsewhere in the article."""
    from sayso.entities.match import match_names
    from sayso.entities.names import parse_name

    names = [
        parse_name(span.text, "ORG")
        for span in found
        if span.label in {"ORG", "FAC", ""} and len(span.text.split()) >= 2
    ]
    if not names:
        return []
    covered = bytearray(len(doc_text(doc)) + 1)
    for span in found:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    titles = lexicon().titles
    extra: list[NameSpan] = []
    length = doc.to_array("LENGTH")
    capitals = (
        (
            (doc.to_array("IS_UPPER") != 0)
            & (doc.to_array("IS_ALPHA") != 0)
            & (length >= 2)
            & (length <= 6)
        )
        .nonzero()[0]
        .tolist()
    )
    for token in map(doc.__getitem__, capitals):
        letters = token.text
        if covered[token.idx] or (letters.lower(),) in titles:
            continue
        short = parse_name(letters, "ORG")
        if short.acronym is None or not any(
            match_names(short, name).reason.startswith("acronym") for name in names
        ):
            continue
        end = token.idx + len(letters)
        subject = token.dep_ in {"nsubj", "nsubjpass"}
        extra.append(NameSpan(token.idx, end, letters, "ORG", sentence_of[token.i], subject))
    return extra
