"""In-article entity grouping: which name mentions are the same entity, and of what type.

Pipeline (each step explains its links in ``Mention.resolution``):

1. :func:`sayso.entities.spans.name_spans` cleans spaCy's entities (quotes, articles,
   possessives, names cut mid-way), finds names NER missed by spelling, roles written with a name
   and acronyms the article defines; :mod:`sayso.entities.context_types` relabels one-word
   names from their context (places, group nouns) and drops title fragments (``Supreme``).
2. Distinct name texts are grouped fullest first with the matcher of :mod:`sayso.entities.match`
   and the complete-link rule of :mod:`sayso.entities.cluster`; a string the article clearly
   uses both for a place and for a person is first split by mention (``_split_readings``),
   each part with the mentions its context reads so. NER labels are votes, not walls:
   a text may join a group of another type when the group's type is among its own labels, when it
   has no label, or when it is one word that names no country (``Soleimani`` tagged GPE). A text
   that fits several groups equally well (``Baghdadi`` after Abu Omar and Abu Bakr al-Baghdadi)
   is resolved per mention: the group mentioned most recently before it wins and the others are
   recorded as alternatives; with none before it the mention stays ambiguous.
3. Each entity gets one type by a vote over its mentions' labels, with extra weight for the alias
   table's type, organisation words (``News``, ``Front``) and person titles.
4. Roles (``Iran's Supreme Leader`` before ``Ayatollah Ali Khamenei``) become titles, and their
   other occurrences become nominal mentions of that entity.
5. :mod:`sayso.entities.coref` links pronouns and nominals (``the report``, ``the group``).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from sayso.entities import EXTRACTOR
from sayso.entities.cluster import fullness, spelled_alike
from sayso.entities.context_types import facility_nouns, institution_nouns
from sayso.entities.coref import KIN_NOUNS
from sayso.entities.gender import Gender, gender_of, patronymic_gender
from sayso.entities.lexicon import first_names, is_common_first_name, lexicon
from sayso.entities.match import (
    COMPANY_FIRST_WORD,
    SAME_NAME_SPELT,
    SAME_WORDS,
    SAME_WORDS_REORDERED,
    Verdict,
    match_names,
    spelling_similarity,
)
from sayso.entities.names import (
    ParsedName,
    RawWord,
    alias_ids,
    fold,
    former_name_of,
    names_territory,
    parse_name,
    territory_code,
)
from sayso.entities.spans import NameSpan, name_spans
from sayso.nlp.budget import check_budget
from sayso.nlp.doctext import doc_text
from sayso.records.model import (
    Dateline,
    Entity,
    EntityRelation,
    EntityType,
    Mention,
    MentionKind,
    Resolution,
    Span,
    SurfaceForm,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ENTITY_TYPES: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
)
# Vote weights on top of one vote per mention: evidence in the name itself.
_ALIAS_TABLE_WEIGHT = 3
_ORG_WORD_WEIGHT = 2
_TITLE_WEIGHT = 2
# A common first name opening a two- or three-word name is one PERSON vote: with the tie rule
# it outweighs one stray NER label (``Martin Indyk`` tagged ORG once). Common
# (:func:`.is_common_first_name`), so rare names that are also words stay out; place and
# company names that open with one (``Stewart Island``) are kept out by their last word
# (``facility_nouns``) or by designators.
_GIVEN_NAME_WEIGHT = 1
# Two capitalised names joined by "and" or "&" in one name are a firm ("Larsen and Toubro",
# "Simon & Schuster"), not a person: NER sees the given-name shape of each half.
_FIRM = re.compile(r"[A-Z][\w.'’-]*\s+(?:and|&)\s+[A-Z]")
_TIE_ORDER = {"PERSON": 3, "ORG": 2, "GPE": 1}
_MATCHABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", ""})


@dataclass(slots=True)
class _Text:
    """All mentions written the same way (after clean-up)."""

    key: str
    text: str
    spans: list[NameSpan]
    labels: Counter[str]
    type: str
    parsed: ParsedName
    reading: str = ""
    """For a string the article uses both for a place and for a person, split by
    :func:`_split_readings`: the type this part of its mentions is read as."""

    @property
    def ident(self) -> str:
        """Tells this text from the other reading of the same string."""
        return f"{self.key}#{self.reading}" if self.reading else self.key


@dataclass(slots=True)
class _Group:
    type: str
    texts: list[_Text] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    """Blocking keys of all members: a text is compared only with groups sharing one."""
    reasons: dict[str, tuple[Verdict, str | None]] = field(default_factory=dict)
    """Text key → the verdict that placed it and the text it matched."""
    successor: int | None = None
    """For a group of former names split off (see ``_split_former_names``): the group of the
    names the entity took later."""


@dataclass(slots=True)
class GroupedMention:
    """A name mention with the group it belongs to (or None) and why."""

    span: NameSpan
    group: int | None
    resolution: Resolution
    kind: str


def _voted_type(labels: Counter[str]) -> str:
    """The label with most votes; ties go to the label NER most often gets wrong the other way
    (a person's name tagged ORG or GPE is far more common than the reverse)."""
    usable = {label: n for label, n in labels.items() if label}
    if not usable:
        return "ORG"
    return max(usable, key=lambda label: (usable[label], _TIE_ORDER.get(label, 0)))


def _texts(spans: list[NameSpan]) -> list[_Text]:
    by_key: dict[str, _Text] = {}
    for span in spans:
        key = fold(span.text)
        if not key:
            continue
        entry = by_key.get(key)
        if entry is None:
            entry = by_key[key] = _Text(key, span.text, [], Counter(), "", parse_name(span.text))
        entry.spans.append(span)
        entry.labels[span.label] += span.weight
    given = _given_names(by_key.values())
    for entry in by_key.values():
        if entry.key in given and not names_territory(entry.text):
            # "Chelsea" after "Chelsea Okoro": a person's first name, whatever a place
            # preposition before it made NER or the context cues say.
            for other in list(entry.labels):
                if other not in {"PERSON", ""}:
                    entry.labels["PERSON"] += entry.labels.pop(other)
        entry.type = _voted_type(entry.labels + _evidence(entry.text))
        entry.parsed = parse_name(entry.text, _parse_type(entry.type))
    texts = list(by_key.values())
    org_first_words = {
        entry.key.split()[0] for entry in texts if entry.type in {"ORG", "FAC"} and " " in entry.key
    }
    texts.extend(
        [
            split
            for entry in texts
            if entry.key not in given
            for split in _split_readings(entry, entry.key in org_first_words)
        ]
    )
    return texts


def _split_readings(entry: _Text, opens_organisation: bool = False) -> list[_Text]:
    """One string the article uses both for a place and for a person (the country Jordan and
    Michael Jordan, a city and Abraham Lincoln): the mentions whose context clearly gives the
    reading the string's vote did not choose become a text of their own, so that they group
    with the entity they mean. Both readings must be clear in mentions of their own, as
    :func:`~sayso.entities.context_types.reading` reads them: a place by a place noun after
    it or a noun only a place owns (``Jordan's government``), or by a GPE or LOC label on a
    territory's name; a person by ``he`` / ``she`` after it, or by a title with a PERSON
    label. Only mentions with a reading of their own move: a place label on a territory's name
    confirms the place, but does not take a mention away from a string read as a person (the
    small model tags persons GPE). A mention that says neither stays with the string's vote,
    as does every mention when only one reading is clear: a false merge costs more than a
    miss, and a wrong split makes a second entity of one. The two parts never join a group of
    the other's reading (``_may_join``). Returns the split-off text, if any.

    The same for a string the article uses for an organisation and for a person when it
    ``opens_organisation``, the first word of an organisation's name (``Ford`` of ``Ford Motor
    Co`` and of ``Bill Ford``): voted an organisation, its mentions that read clearly as a
    person (``Ford, 68, said``) are split off as a person."""
    outlet = [span for span in entry.spans if span.reading == "outlet"]
    if outlet:
        return _split_outlet(entry, outlet)
    territory = names_territory(entry.text)
    place = [
        span
        for span in entry.spans
        if span.label in {"GPE", "LOC"} and (span.reading == "place" or territory)
    ]
    person = [
        span
        for span in entry.spans
        if span.reading == "person" or (span.label == "PERSON" and span.titles)
    ]
    if not person:
        return []
    # The string's vote with each clear reading in place of its mention's label: NER tags
    # "Lincoln said he" ORG as readily as PERSON, and that label says nothing here.
    votes: Counter[str] = Counter()
    for span in entry.spans:
        votes[_READING_TYPES.get(span.reading, span.label)] += span.weight
    main = _voted_type(votes + _evidence(entry.text))
    if place and main in {"GPE", "LOC"}:
        moved, reading = person, "PERSON"
    elif place and main == "PERSON":
        moved, reading = [span for span in place if span.reading == "place"], "GPE"
    elif (
        opens_organisation
        and (unread := _unread_votes(entry))
        and _voted_type(unread + _evidence(entry.text)) == "ORG"
    ):
        # the mentions without a person's reading, voted an organisation, keep that type
        moved, reading, main = [s for s in person if s.reading == "person"], "PERSON", "ORG"
        entry.type, entry.parsed = main, parse_name(entry.text, main)
    else:
        return []
    if not moved:
        return []
    entry.spans = [span for span in entry.spans if not any(span is m for m in moved)]
    entry.labels = Counter()
    for span in entry.spans:
        entry.labels[span.label] += span.weight
    entry.reading = main
    # The moved mentions' context gave their type: their weights vote for it.
    labels = Counter({reading: sum(span.weight for span in moved)})
    parsed = parse_name(entry.text, _parse_type(reading))
    return [_Text(entry.key, entry.text, moved, labels, reading, parsed, reading)]


def _split_outlet(entry: _Text, outlet: list[NameSpan]) -> list[_Text]:
    """A place's name the article also writes as a periodical's title (``Denver magazine``,
    :func:`~sayso.entities.context_types.reading`): those mentions are the publication (ORG),
    a text of their own that never joins the place; the other mentions keep the string's vote
    and never join the publication. Bare mentions stay with the vote: "Denver won" may be
    either, and a miss costs less than a false merge."""
    rest = [span for span in entry.spans if not any(span is o for o in outlet)]
    labels = Counter({"ORG": sum(span.weight for span in outlet)})
    text = outlet[0].text  # not a dateline's capitals ("BOSTON —") written first
    parsed = parse_name(text, "ORG")
    if not rest:
        entry.text, entry.labels, entry.type = text, labels, "ORG"
        entry.parsed, entry.reading = parsed, _OUTLET
        return []
    entry.spans = rest
    entry.labels = Counter()
    for span in rest:
        entry.labels[span.label] += span.weight
    entry.type = _voted_type(entry.labels + _evidence(entry.text))
    entry.parsed = parse_name(entry.text, _parse_type(entry.type))
    entry.reading = entry.type
    return [_Text(entry.key, text, outlet, labels, "ORG", parsed, _OUTLET)]


def _unread_votes(entry: _Text) -> Counter[str]:
    """The labels of ``entry``'s mentions whose context reads no person, by weight."""
    votes: Counter[str] = Counter()
    for span in entry.spans:
        if span.reading != "person":
            votes[span.label] += span.weight
    return votes


_READING_TYPES = {"place": "GPE", "person": "PERSON"}
# The reading of a place's name written as a periodical's title (``_split_outlet``): an
# organisation whose name's own evidence (a territory's name) casts no vote.
_OUTLET = "OUTLET"
# The readings a text split off by ``_split_readings`` keeps apart from.
_OPPOSED_READINGS = {
    "PERSON": frozenset({"GPE", "LOC", "ORG"}),
    "GPE": frozenset({"PERSON", "ORG"}),
    "LOC": frozenset({"PERSON", "ORG"}),
    "ORG": frozenset({"PERSON"}),
    _OUTLET: frozenset({"PERSON", "GPE", "LOC"}),
}


def _split_former_names(groups: list[_Group]) -> list[_Group]:
    """An article that writes both a former name of an organisation (``Islamic State in Iraq``,
    2006-2013) and a later one (``ISIS``) is telling the two stages apart ("changed its name to
    ..."): the former names become an entity of their own, linked as the predecessor, never
    silently merged. Which names are former comes from the alias table (``former``)."""
    for index, group in enumerate(list(groups)):
        former = [entry for entry in group.texts if former_name_of(entry.text) is not None]
        if not former or len(former) == len(group.texts):
            continue
        renamed = {former_name_of(entry.text) for entry in former}
        later = [
            entry
            for entry in group.texts
            if entry not in former and alias_ids(entry.text, "ORG") & renamed
        ]
        if not later:
            continue
        group.texts = [entry for entry in group.texts if entry not in former]
        split = _Group(group.type, former, set(group.keys), successor=index)
        for entry in former:
            group.reasons.pop(entry.key, None)
        groups.append(split)
    return groups


_GIVEN_ALONE = Verdict(True, 0.6, "given names alone of the only person so named")


def _join_first_names(groups: list[_Group], company_words: Container[str]) -> list[_Group]:
    """A first name written alone (``Chelsea said``) joins the one person of the article who
    has it as first name; with two such people (or none) it stays apart. So do the first two
    or more given names of a name that has a middle name after them (``Te Kaurinui`` of ``Te
    Kaurinui Robert Parata``, ``Robert`` a first name): a given name of two words. A name that
    ends right after them is not read so (``Martin Luther`` is not ``Martin Luther King``), nor
    one written family name first (``Kim Jong`` of ``Kim Jong Un``), nor a company's short name
    (``Ford`` of ``Ford Motor Co`` is not the first name of ``Ford Credit`` tagged PERSON)."""
    owners: dict[str, set[int]] = {}
    for index, group in enumerate(groups):
        if group.type != "PERSON":
            continue
        for entry in group.texts:
            parsed = parse_name(entry.text, "PERSON")
            words = parsed.words
            if len(words) >= 2 and not words[0].upper:
                owners.setdefault(fold(words[0].text), set()).add(index)
            if parsed.surname_first or any(word.upper for word in words):
                continue
            for size in range(2, len(words) - 1):
                if words[size].text not in first_names():
                    # What follows must read as a middle name (a first name of the US
                    # lists): "Ben Carson" is not the given name of a headline "Ben Carson
                    # Slams Hillary" that NER took for a name.
                    continue
                given = " ".join(fold(word.text) for word in words[:size])
                owners.setdefault(given, set()).add(index)
    merged: set[int] = set()
    for index, group in enumerate(groups):
        if len(group.texts) != 1 or group.type != "PERSON":
            continue
        entry = group.texts[0]
        found = owners.get(entry.key, set()) - {index}
        if len(found) != 1 or territory_code(entry.text) is not None or entry.key in company_words:
            continue
        (owner,) = found
        _absorb(groups[owner], group, entry, _GIVEN_ALONE)
        merged.add(index)
    return [group for index, group in enumerate(groups) if index not in merged]


def _absorb(target: _Group, group: _Group, entry: _Text, verdict: Verdict) -> None:
    """Move the one text of ``group`` into ``target``, with ``verdict`` as its reason."""
    target.texts.append(entry)
    target.keys |= group.keys
    target.reasons[entry.key] = (verdict, target.texts[0].text)


# Designators that end only a company's name (the lexicon files them with "agency", "party"):
# with the legal forms, they make a name a firm's whatever its middle words.
_COMPANY_DESIGNATORS = frozenset({"inc", "corp", "co", "ltd", "plc", "llc", "corporation"})
_FIRST_WORD_ALONE = Verdict(True, 0.6, "a company's first word alone, its trade words dropped")


def _join_company_short_forms(groups: list[_Group]) -> list[_Group]:
    """A company's first word written alone as the subject of a clause (``American said in a
    statement`` after ``American Airlines``) or as the owner of a noun (``Greystone's managing
    director`` after ``Greystone Partners``) joins the one organisation of the article whose
    name is that word and words of its trade (``airlines``, ``motors``), designators, legal
    forms or facility nouns. Only so: ``American officials`` is a nationality, and a
    word that is part of a person's full name in the article (``Ford``) or names a place stays
    apart. NER's PERSON label on the word alone does not: news introduces a person by full
    name, and tags a company's bare name PERSON often (``Pacifica said``)."""
    lex = lexicon()
    trade = lex.trade_words | facility_nouns()
    tail_words = trade | lex.org_designators | lex.legal_forms
    person_words = {
        word
        for group in groups
        if group.type == "PERSON"
        for entry in group.texts
        if " " in entry.key
        for word in entry.key.split()
    }
    owners: dict[str, set[int]] = {}
    # Other organisations whose names open with the word ("Tata Sons" beside "Tata
    # Electronics", "American Express" beside "American Airlines"): the word alone may be any
    # of them, and is joined to none.
    rivals: dict[str, set[int]] = {}
    for index, group in enumerate(groups):
        if group.type not in {"ORG", "FAC"}:
            continue
        for entry in group.texts:
            words = entry.key.split()
            tail = words[1:]
            # a legal form may close the name ("Spotify Technology SA"); a name it closes is
            # a company's whatever its middle word ("Northwind Logistics Inc", "Goldman Sachs
            # Group Inc": the first word alone is its short name)
            if (tail and any(w in trade for w in tail) and all(w in tail_words for w in tail)) or (
                2 <= len(tail) <= 3 and tail[-1] in lex.legal_forms | _COMPANY_DESIGNATORS
            ):
                owners.setdefault(words[0], set()).add(index)
            elif tail:
                rivals.setdefault(words[0], set()).add(index)
    merged: set[int] = set()
    for index, group in enumerate(groups):
        keys = {entry.key for entry in group.texts}
        if len(keys) != 1 or group.type in {"GPE", "LOC"}:
            continue
        (key,) = keys
        found = owners.get(key, set()) - {index}
        entry = group.texts[0]
        if (
            len(found) != 1
            or key in person_words
            or not any(span.subject or span.owner for span in entry.spans)
            or (territory_code(entry.text) is not None and key not in lex.demonyms)
        ):
            continue
        (owner,) = found
        if rivals.get(key, set()) - {index, owner}:
            continue
        _absorb(groups[owner], group, entry, _FIRST_WORD_ALONE)
        merged.add(index)
    return [group for index, group in enumerate(groups) if index not in merged]


_PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})


def _company_first_words(texts: Sequence[_Text], doc: Doc) -> dict[str, set[str]]:
    """Folded first words of the article's company names whose other words are all words of
    trade, legal forms or designators (``Ford`` of ``Ford Motor Co``), each with those names:
    the word alone is that company's short name, whatever else in the article starts with it.
    Not a word the article writes alone as the subject of a clause that goes on with ``he`` or
    ``she`` (``John Dunmore founded Dunmore Industries ... Dunmore said he``): a person's."""
    lex = lexicon()
    tail_words = lex.trade_words | lex.legal_forms | lex.org_designators
    found: dict[str, set[str]] = {}
    personal: set[str] = set()
    for entry in texts:
        for span in entry.spans if " " not in entry.key else ():
            tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
            if (
                span.subject
                and tokens is not None
                and any(
                    token.lower_ in _PERSONAL_PRONOUNS
                    for token in tokens.sent
                    if token.i >= tokens.end
                )
            ):
                personal.add(entry.key)
    for entry in texts:
        words = entry.key.split()
        if (
            entry.type in {"ORG", "FAC"}
            and len(words) >= 2
            and all(word in tail_words for word in words[1:])
            and any(word in lex.trade_words | lex.legal_forms for word in words[1:])
        ):
            found.setdefault(words[0], set()).add(entry.key)
    return {word: names for word, names in found.items() if word not in personal}


def _given_names(entries: Iterable[_Text]) -> set[str]:
    """Folded first words of the article's multi-word person names (after titles)."""
    given: set[str] = set()
    for entry in entries:
        if _voted_type(entry.labels + _evidence(entry.text)) != "PERSON":
            continue
        words = parse_name(entry.text, "PERSON").words
        if len(words) >= 2 and not words[0].upper:
            given.add(fold(words[0].text))
    return given


def _evidence(text: str) -> Counter[str]:
    """Type votes the name itself casts: alias table, organisation words, person titles (a
    new Counter, the votes read once per name: each name is weighed three or four times)."""
    return Counter(dict(_evidence_votes(text)))


@functools.lru_cache(maxsize=4096)
def _evidence_votes(text: str) -> tuple[tuple[str, int], ...]:
    votes: Counter[str] = Counter()
    lex = lexicon()
    org = parse_name(text, "ORG")
    for group_id in org.alias_ids:
        votes["GPE" if group_id.startswith("gpe:") else "ORG"] += _ALIAS_TABLE_WEIGHT
    words = {word.text for word in org.words}
    # A company's legal form ends its name ("Volkswagen AG", "Lanco Infratech Ltd").
    legal_form = len(org.words) > 1 and org.words[-1].text in lex.legal_forms
    if (
        words & (lex.org_designators | set(lex.org_translations))
        or _FIRM.search(text)
        or legal_form
    ):
        votes["ORG"] += _ORG_WORD_WEIGHT
    if (
        parse_name(text, "PERSON").titles
        and not (org.words and org.words[0].possessive)
        and not (
            len(org.words) > 1
            and org.words[-1].text in facility_nouns() | lex.org_designators | institution_nouns()
        )
    ):
        # "King's College London": a possessive title names whose the thing is, not a person;
        # nor does one before a place's or a body's noun ("St James' Park", "Saint Luke's
        # Hospital", "King Fahd University", "General Court")
        votes["PERSON"] += _TITLE_WEIGHT
    if names_territory(text):
        votes["GPE"] += _ALIAS_TABLE_WEIGHT
    elif "&" not in text and _given_name_first(org.words):
        votes["PERSON"] += _GIVEN_NAME_WEIGHT
    return tuple(votes.items())


def _given_name_first(words: Sequence[RawWord]) -> bool:
    """A name of two or three words that starts with a common first name and holds no
    organisation word (``Linda Black Elk``, ``Martin Indyk``; not ``Jordan Valley Bank``)."""
    if not 2 <= len(words) <= 3 or any(word.upper for word in words):
        return False
    lex = lexicon()
    if (
        any(
            word.text in lex.org_designators or word.text in lex.stopwords or word.possessive
            for word in words
        )
        or words[-1].text in facility_nouns()
    ):
        return False
    return is_common_first_name(words[0].text)


def _parse_type(label: str) -> str:
    return label if label in {"PERSON", "GPE", "LOC"} else "ORG"


def _surname_of_member(entry: _Text, group: _Group) -> bool:
    """``entry`` is the last word or words of a full name in a PERSON group (``Okafor`` or
    ``Black Elk`` of ``Linda Black Elk``), whatever NER labelled it."""
    if group.type != "PERSON":
        return False
    words = fold(entry.text).split()
    return any(
        len(member_words) > len(words) and member_words[-len(words) :] == words
        for member_words in (fold(member.text).split() for member in group.texts)
    )


def _middle_names_dropped(entry: _Text, group: _Group) -> bool:
    """``entry`` is a full name in a PERSON group with middle names left out, its first and
    last words those of the fuller name (``Te Kaurinui Parata`` of ``Te Kaurinui Robert
    Parata``), whatever NER labelled it: a firm is not named by a person's name less a word."""
    if group.type != "PERSON":
        return False
    words = fold(entry.text).split()
    if len(words) < 2:
        return False
    for member in group.texts:
        member_words = fold(member.text).split()
        if len(member_words) <= len(words) or member_words[0] != words[0]:
            continue
        if member_words[-1] != words[-1]:
            continue
        rest = iter(member_words)
        if all(word in rest for word in words):
            return True
    return False


def _may_join(entry: _Text, group: _Group) -> bool:
    if group.type in _OPPOSED_READINGS.get(entry.reading, frozenset()):
        # The article uses the string both ways: each part stays with its own reading
        # ("in Lincoln" is not Abraham Lincoln's family name once "Lincoln said he" is).
        return False
    if _surname_of_member(entry, group) and territory_code(entry.text) is None:
        return True
    if _middle_names_dropped(entry, group):
        return True
    if entry.type not in _MATCHABLE:
        return False
    if entry.type in {"GPE", "LOC"} and group.type == "PERSON" and territory_code(entry.text):
        # "Jordan hosts refugees" after "Michael Jordan": a country the article writes as a
        # place is not the person's family name, whatever one stray label says
        return False
    if (
        entry.type == group.type
        or group.type in entry.labels
        or not any(entry.labels.keys() - {""})
    ):
        return True
    if {entry.type, group.type} <= {"GPE", "LOC"}:
        return True
    if group.type == "PERSON" and entry.parsed.acronym and len(entry.parsed.acronym) >= 3:
        # A person's initials ("MBZ", "JFK") read as an organisation's acronym by NER; the
        # matcher still needs every word of the name spelt. Not two letters: too many bodies'
        # acronyms ("AP", "UN") spell some two-word name.
        return True
    one_word = len(entry.parsed.units) == 1 and not entry.parsed.acronym
    return (
        one_word
        and territory_code(entry.text) is None
        and group.type in _MATCHABLE
        and not _place_and_people(entry, group)
    )


_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _place_and_people(entry: _Text, group: _Group) -> bool:
    """A place name and a people's name (NORP) spelt alike but not written the same: a
    demonym or a look-alike, not the same entity (``Raqqa`` is not ``Iraqi``)."""
    types = {entry.type, group.type}
    if "NORP" not in types or not types & _PLACES:
        return False
    word = fold(entry.text)
    return not any(word in fold(text.text).split() for text in group.texts)


def _verdict(entry: _Text, group: _Group, defined: dict[str, str]) -> tuple[Verdict, str | None]:
    """How ``entry`` fits ``group``: read as the group's type, else as its own."""
    for member in group.texts:
        if defined.get(entry.key) == member.key or defined.get(member.key) == entry.key:
            return Verdict(True, 1.0, "acronym defined in the article"), member.text
    verdict: tuple[Verdict, str | None] = (Verdict(None, 0.0, "no match"), None)
    for as_type in dict.fromkeys((_parse_type(group.type), _parse_type(entry.type))):
        if as_type != _parse_type(group.type) and any(
            territory_code(member.text) for member in group.texts
        ):
            # A country is no organisation's name: read as one, "Saudi Arabia" loses its
            # nationality word and looks like "Al Arabiya", the channel.
            break
        verdict = _verdict_as(entry, group, as_type)
        if verdict[0].same is not None:
            return verdict
    return verdict


_SPELLING_VERDICTS = (SAME_WORDS, SAME_WORDS_REORDERED, SAME_NAME_SPELT)
# Within one article a place may still be spelt two close ways, copied from two sources
# (Makhmour / Makhmur, 0.86, in the example article; Hezbollah / Hizballah 0.75); brand names
# that merely share consonants are further apart (Honda / Hyundai 0.57, Press / Paris 0.60).
_IN_ARTICLE_SPELLING = 0.7


def _verdict_as(entry: _Text, group: _Group, as_type: str) -> tuple[Verdict, str | None]:
    """Complete-link verdict with both names read as ``as_type`` (see cluster.py)."""
    name = parse_name(entry.text, as_type)
    best: tuple[Verdict, str | None] = (Verdict(None, 0.0, "no match"), None)
    for position, member in enumerate(group.texts):
        parsed = parse_name(member.text, as_type)
        verdict = match_names(name, parsed)
        if verdict is COMPANY_FIRST_WORD:
            # the article says whose word it is: _join_company_short_forms reads the clause
            continue
        if (
            verdict in _SPELLING_VERDICTS
            and spelling_similarity(name, parsed) < _IN_ARTICLE_SPELLING
        ):
            # One article writes a name alike each time: two spellings far apart in it are
            # two names (Honda / Hyundai, Press of "Saudi Press Agency" / Paris, the people
            # Huong / Hoang), however well a transliteration rule fits them out of context.
            continue
        if verdict.same is False and position == 0:
            return verdict, member.text
        if verdict.same is False and best[0].same is not True:
            best = (verdict, member.text)
        if verdict.same and (best[0].same is not True or verdict.score > best[0].score):
            best = (verdict, member.text)
    return best


# "Tinubu's wife, Remi Tinubu", "Ford's chairman Bill Ford": a name that owns a noun phrase
# set beside another name is not that name. The words between are the owned noun phrase: "'s",
# then adjectives and nouns only ("younger brother", "running mate"), then an optional comma;
# a verb among them ("Morgan's lawyer told David Morgan") says nothing of who is who.
_OWNED_WORDS = frozenset({"NOUN", "ADJ"})


def _owner_vetoes(doc: Doc, spans: Sequence[NameSpan]) -> set[frozenset[str]]:
    """Pairs of texts the article shows are two entities: the owner of a noun phrase and the
    name set beside that phrase, when the two share a word (the only case the matcher could
    join them). Read from the tokens between consecutive names, only after an owner."""
    vetoes: set[frozenset[str]] = set()
    for owner, named in itertools.pairwise(spans):
        if not owner.owner or named.start <= owner.end:
            continue
        owner_words, named_words = set(fold(owner.text).split()), set(fold(named.text).split())
        if not owner_words & named_words or owner_words == named_words:
            continue
        between = doc.char_span(owner.end, named.start, alignment_mode="expand")
        if between is None:
            continue
        words = [t for t in between if not t.is_space]
        if words and words[-1].text == ",":
            words = words[:-1]
        if (
            len(words) >= 2
            and words[0].lower_ in {"'s", "’s", "'", "’"}
            and all(t.pos_ in _OWNED_WORDS for t in words[1:])
            and words[-1].pos_ == "NOUN"
        ):
            vetoes.add(frozenset({fold(owner.text), fold(named.text)}))
    return vetoes


def _group_texts(
    texts: list[_Text],
    defined: dict[str, str],
    company_words: Mapping[str, set[str]],
    vetoes: Container[frozenset[str]] = frozenset(),
) -> tuple[list[_Group], dict[str, list[int]]]:
    """Groups, and for texts that fit several groups equally well, those groups' indexes.

    Each text is compared only with the groups that could take it (see :class:`_Candidates`),
    in the order the groups were made, so the result is that of comparing it with every group
    while the work grows with the groups that share a key with it, not with all of them: a
    sentence listing 100,000 names took over 300 s the other way.
    """
    groups: list[_Group] = []
    ambiguous: dict[str, list[int]] = {}
    candidates = _Candidates(defined)
    order = sorted(texts, key=lambda t: (fullness(t.parsed), t.spans[0].start))
    for entry in order:
        check_budget()
        scored: list[tuple[float, int, Verdict, str | None]] = []
        keys = _blocking_keys(entry.text)
        for index in candidates.of(entry, keys, len(groups)):
            group = groups[index]
            if not _may_join(entry, group):
                continue
            if any(frozenset({entry.key, member.key}) in vetoes for member in group.texts):
                continue
            if (
                entry.key in company_words
                and entry.reading != "PERSON"
                and not any(member.key in company_words[entry.key] for member in group.texts)
            ):
                # "Ford" after "Ford Motor Co": the company's short name, not the family name
                # of "Henry Ford III" nor the first word of its unit "Ford Credit"; unless its
                # context reads it as a person ("Ford, 68, said"; _split_readings)
                continue
            verdict, matched = _verdict(entry, group, defined)
            if verdict.same:
                scored.append((verdict.score, index, verdict, matched))
        scored.sort(key=lambda item: -item[0])
        top = [item for item in scored if scored[0][0] - item[0] <= 0.04] if scored else []
        if len(top) > 1 and entry.parsed.titles:
            titled = [
                item
                for item in top
                if any(
                    set(t.parsed.titles) & set(entry.parsed.titles) for t in groups[item[1]].texts
                )
            ]
            top = titled or top
        if len(top) > 1:
            exact = [
                item
                for item in top
                if spelled_alike(entry.parsed, [t.parsed for t in groups[item[1]].texts])
            ]
            top = exact or top
        if len(top) > 1:
            ambiguous[entry.ident] = [item[1] for item in top]
            continue
        if top:
            _, index, verdict, matched = top[0]
            groups[index].texts.append(entry)
            groups[index].keys |= keys
            groups[index].reasons[entry.key] = (verdict, matched)
        else:
            index = len(groups)
            groups.append(_Group(entry.type, [entry], keys=set(keys)))
        candidates.add(index, entry, keys)
    return groups, ambiguous


class _Candidates:
    """Which groups a text may join, from indexes kept as groups grow.

    A text that is not an acronym defined in the article can only match a group it shares a
    blocking key with (the rule the comparison itself applies to names). An acronym may also
    spell the words of a group's name (``_acronym_fits``), whose first letter is then the first
    letter of one of those words: groups are indexed by the first letters of the words of
    their multi-word names, and by the expansions the article gives for their acronyms. A
    text the article defines as an acronym is compared with every group.
    """

    def __init__(self, defined: dict[str, str]) -> None:
        self.defined = defined
        self.by_key: defaultdict[str, set[int]] = defaultdict(set)
        self.by_initial: defaultdict[str, set[int]] = defaultdict(set)
        self.by_expansion: defaultdict[str, set[int]] = defaultdict(set)

    def of(self, entry: _Text, keys: frozenset[str], count: int) -> Iterable[int]:
        """Indexes of the groups ``entry`` may join, in the order they were made."""
        if entry.key in self.defined:
            return range(count)
        found: set[int] = set()
        for key in keys:
            found.update(self.by_key.get(key, ()))
        if entry.parsed.acronym:
            found.update(self.by_initial.get(entry.parsed.acronym[:1], ()))
            found.update(self.by_expansion.get(entry.key, ()))
        return sorted(found)

    def add(self, index: int, entry: _Text, keys: frozenset[str]) -> None:
        """Note that group ``index`` now holds ``entry``, whose blocking keys are ``keys``."""
        for key in keys:
            self.by_key[key].add(index)
        expansion = self.defined.get(entry.key)
        if expansion is not None:
            self.by_expansion[expansion].add(index)
        for initial in _initials(entry.text):
            self.by_initial[initial].add(index)


@functools.lru_cache(maxsize=4096)  # the same names come back article after article
def _initials(text: str) -> frozenset[str]:
    """First letters of the words of ``text`` read as any type, where it has two words or
    more and is not itself an acronym: what an acronym of it starts with."""
    found: set[str] = set()
    for type_ in ("PERSON", "ORG", "GPE", "LOC"):
        parsed = parse_name(text, type_)
        if not parsed.acronym and len(parsed.words) >= 2:
            found.update(word.text[:1] for word in parsed.words)
    return frozenset(found)


@functools.lru_cache(maxsize=4096)
def _blocking_keys(text: str) -> frozenset[str]:
    """Keys any name that could match ``text`` shares with it: word skeletons, run-together
    skeletons, alias-table ids, territory codes, and the expansion of a defined acronym."""
    keys: set[str] = set()
    for type_ in ("PERSON", "ORG", "GPE"):
        parsed = parse_name(text, type_)
        keys.update(skeleton for unit in parsed.units for skeleton in unit.skeletons)
        keys.update(parsed.joined)
        keys.update(parsed.alias_ids)
        if parsed.territory:
            keys.add("territory:" + parsed.territory)
    return frozenset(keys)


# One word with a capital inside after four or more lower-case letters ("SpaceX", "BlackRock",
# "LinkedIn"): a company's coined name, never a person's, whose inner capitals follow a short
# prefix ("McConnell", "MacArthur", "DeShawn", "LaToya"; "FitzGerald" kept out by hand).
_COMPANY_SHAPE = re.compile(r"(?!Fitz)([A-Z][a-z]{3,})[A-Z][A-Za-z]*")


def _company_shaped(text: str) -> bool:
    """``text`` is written as a coined company name; not a person's names run together as a
    hashtag writes them (``AhmadKhanRahami``: its first piece is a first name)."""
    found = _COMPANY_SHAPE.fullmatch(text)
    return found is not None and found.group(1).lower() not in first_names()


def _trade_name(text: str) -> bool:
    """``text`` is a company's name by its last word, a word of trade or a legal form
    (``Novarix Pharmaceuticals``, ``Brandt Motor Co``), not a person's whose family name is such
    a word (``Michael Steel``: a common first name opens it). NER tags such names PERSON when
    the first word is a coined or family name, and their short forms with them; no person's
    name ends so."""
    lex = lexicon()
    words = parse_name(text, "ORG").words
    return (
        len(words) >= 2
        and (words[-1].text in lex.trade_words or words[-1].text in lex.legal_forms)
        and not _given_name_first(words)
    )


def _group_type(group: _Group, company_words: Container[str]) -> str:
    """The group's voted type, but an organisation where NER took for a person a company's
    short name ("Ford shares rose" after "Ford Motor Co": the article names the company so, and
    no person by the word alone) or a name it opens that no first name opens ("Ford Credit",
    the company's unit; not one a common first name opens)."""
    voted = _type_votes(group)
    if all(entry.key in company_words for entry in group.texts):
        return "ORG"
    if voted == "PERSON" and any(
        " " in entry.key
        and entry.key.split()[0] in company_words
        and not _given_name_first(parse_name(entry.text, "ORG").words)
        for entry in group.texts
    ):
        return "ORG"
    return voted


def _type_votes(group: _Group) -> str:
    votes: Counter[str] = Counter()
    evidence: Counter[str] = Counter()
    # Family names of full names NER tagged PERSON: their own other labels are noise ("lure
    # Pujara forward" tagged GPE after "Cheteshwar Pujara"), not votes against the full name.
    surnames = {
        entry.key.split()[-1]
        for entry in group.texts
        if " " in entry.key and _voted_type(entry.labels) == "PERSON" and entry.labels["PERSON"]
    }
    for entry in group.texts:
        labels = entry.labels
        if entry.key in surnames:
            labels = Counter({"PERSON": labels["PERSON"]})
        votes.update({label: n for label, n in labels.items() if label and n})
        if entry.reading != _OUTLET:
            evidence.update(_evidence(entry.text))
    votes.update(evidence)
    if any(_trade_name(entry.text) for entry in group.texts):
        return "ORG"
    if votes["PERSON"] and all(_company_shaped(entry.text) for entry in group.texts):
        del votes["PERSON"]
        if not votes:
            return "ORG"
    titled = any(span.titles for entry in group.texts for span in entry.spans)
    if titled and not evidence.keys() - {"PERSON"}:
        # NER tagged a mention PERSON and a person's title stands before it ("President
        # Trump"): two signs of a person that stray ORG labels of the bare name do not
        # outvote, unless the name itself says otherwise (alias table, organisation words).
        return "PERSON"
    return _voted_type(votes) if votes else group.type


def _entity_type(label: str) -> EntityType:
    return cast(EntityType, label) if label in _ENTITY_TYPES else "OTHER"


def group_mentions(
    doc: Doc, text: str, dateline: Dateline | None = None
) -> tuple[list[GroupedMention], list[_Group], list[str]]:
    """Name mentions of ``doc`` with their groups, the groups, and each group's voted type."""
    spans, defined = name_spans(doc, text, dateline)
    texts = _texts(spans)
    company_words = _company_first_words(texts, doc)
    groups, ambiguous = _group_texts(texts, defined, company_words, _owner_vetoes(doc, spans))
    groups = _split_former_names(
        _join_company_short_forms(_join_first_names(groups, company_words))
    )
    # By mention, not by string: the two readings of one string may be in two groups.
    text_of = {(span.start, span.end): entry.ident for entry in texts for span in entry.spans}
    group_of = {
        (span.start, span.end): index
        for index, group in enumerate(groups)
        for entry in group.texts
        for span in entry.spans
    }
    types = [_group_type(group, company_words) for group in groups]
    last_seen: dict[int, tuple[int, int]] = {}  # group → (offset, sentence) of its last mention
    called_by_given: set[int] = set()  # groups mentioned so far by given names alone
    first_seen: dict[int, int] = {}  # group → offset of its first mention
    for span in spans:
        if (found := group_of.get((span.start, span.end))) is not None:
            first_seen.setdefault(found, span.start)
    first_sentence: dict[int, int] = {}  # group → the sentence of its first mention
    for span in spans:
        if (found := group_of.get((span.start, span.end))) is not None:
            first_sentence.setdefault(found, span.sentence)
    relatives: dict[int, bool] = {}  # group first named as someone's relative → joined by "and"
    for span in spans:
        found = group_of.get((span.start, span.end))
        if found is not None and first_seen[found] == span.start:
            joined = _named_as_relative(text, span.start)
            if joined is not None:
                relatives[found] = joined
    ages: dict[int, int] = {}  # group → the age the article gives after one of its names
    for span in spans:
        found_age = _AGE_AFTER.match(text, span.end)
        if found_age and (found := group_of.get((span.start, span.end))) is not None:
            ages.setdefault(found, int(found_age.group(1)))
    grouped: list[GroupedMention] = []
    for span in spans:
        key = fold(span.text)
        kind = "acronym" if parse_name(span.text).acronym else "name"
        if (span.start, span.end) in group_of:
            index = group_of[(span.start, span.end)]
            verdict, matched = groups[index].reasons.get(key, (Verdict(True, 1.0, "first"), None))
            reason = (
                f"fullest form of the entity ({span.label or 'no NER label'})"
                if matched is None
                else f"{verdict.reason}: matches {matched!r}"
            )
            grouped.append(GroupedMention(span, index, Resolution(reason), kind))
            if verdict == _GIVEN_ALONE:
                called_by_given.add(index)
            elif " " in span.text.strip() or matched is None:
                # Recency counts full names: "Okoro" after "Chelsea" (her first name alone)
                # still looks back to the last full "... Okoro".
                last_seen[index] = (span.start, span.sentence)
            continue
        options = ambiguous.get(text_of.get((span.start, span.end), key), [])
        # News calls a relative introduced after the person a family name stands for by the
        # given name to tell them apart ("Parata and his son, Te Kaurinui ... says Te
        # Kaurinui"): the shared family name is then the first one's, whoever was named last.
        # Not when the one called by given name came first: a candidate's own given name
        # ("Hillary") does not make "Clinton" her husband.
        # So is a relative the article names as one after the person ("Margaret Ellery ...
        # died. ... her daughter, Ruth Ellery, said ... Ellery published", "Ana Ruiz, whose son
        # Tom Ruiz was hurt, said ... Ruiz added"): news calls the principal by the family name
        # and the relative by the full name. Two joined by "and" in one sentence, "Robert
        # Miller and his son Daniel Miller", are both principals.
        by_family = [
            i
            for i in options
            if i not in called_by_given
            and not (
                i in relatives
                and (
                    not relatives[i]
                    or all(first_sentence[j] < first_sentence[i] for j in options if j != i)
                )
            )
        ]
        alternatives = tuple(str(i) for i in options)
        how = "the one mentioned most recently"
        if (
            len(by_family) == 1
            and len(options) > 1
            and not span.titles  # "President Bush" says which Bush it is by its title
            and by_family[0] in last_seen
            and all(
                first_seen.get(by_family[0], 0) < first_seen.get(i, 0)
                for i in options
                if i != by_family[0]
            )
        ):
            how = (
                "the one the article does not call by the given name alone"
                if called_by_given & set(options)
                else "the one named first, before a relative who shares it"
            )
            options = by_family
        rank = _age_rank(text, span.start) if len(options) > 1 else None
        if rank is not None:
            # "the elder Conti": the article picks one of the family by age, not by recency
            chosen = _by_age(rank, options, ages)
            if chosen is None:
                resolution = Resolution(
                    f"short form shared by several entities, 'the {rank}' of them, and no two "
                    "ages to tell which",
                    alternatives=alternatives,
                    ambiguous=True,
                )
                grouped.append(GroupedMention(span, None, resolution, kind))
                continue
            resolution = Resolution(
                f"short form shared by several entities: the {rank} by the ages the article gives",
                alternatives=tuple(a for a in alternatives if a != str(chosen)),
            )
            grouped.append(GroupedMention(span, chosen, resolution, kind))
            last_seen[chosen] = (span.start, span.sentence)
            continue
        seen = sorted(((last_seen[i], i) for i in options if i in last_seen), reverse=True)
        if seen and (len(seen) == 1 or seen[0][0][1] != seen[1][0][1]):
            (_, index) = seen[0]
            resolution = Resolution(
                f"short form shared by several entities: {how}",
                alternatives=tuple(a for a in alternatives if a != str(index)),
            )
            grouped.append(GroupedMention(span, index, resolution, kind))
            last_seen[index] = (span.start, span.sentence)
        elif seen:
            # Two candidates last named in one sentence ("Bill and Hillary Clinton arrived"):
            # recency cannot tell them apart.
            resolution = Resolution(
                "short form shared by several entities named together just before it",
                alternatives=alternatives,
                ambiguous=True,
            )
            grouped.append(GroupedMention(span, None, resolution, kind))
        elif options:
            resolution = Resolution(
                "short form shared by several entities, none mentioned before it",
                alternatives=alternatives,
                ambiguous=True,
            )
            grouped.append(GroupedMention(span, None, resolution, kind))
    return grouped, groups, types


_RELATIVE_BEFORE = re.compile(
    r"(\b(?:and|or)\s+)?\b(?:his|her|their|its|whose|[A-Z][\w'’-]*['’]s?)\s+"
    r"(?:[a-z-]+\s+)?(\w+),?\s*$"
)
"""A possessive and a kin noun right before a name, maybe after "and": "her daughter, Ruth",
"Ellery's eldest son", "whose son", "and his son"."""


def _named_as_relative(text: str, start: int) -> bool | None:
    """Whether the name at ``start`` is introduced as someone's relative ("her daughter, Ruth
    Ellery", "his son Tom Hart"): None if not, else whether it is joined to the name before by
    "and" ("Robert Miller and his son Daniel Miller")."""
    found = _RELATIVE_BEFORE.search(text, max(0, start - 48), start)
    if found is None or found.group(2).lower() not in KIN_NOUNS:
        return None
    return found.group(1) is not None


_AGE_AFTER = re.compile(r",\s*(\d{1,3})\s*,")
"""An age set after a name: "Giuseppe Conti, 84, who emigrated"."""
_AGE_RANKS = {"elder": "elder", "eldest": "elder", "older": "elder", "younger": "younger",
              "youngest": "younger"}  # fmt: skip


def _age_rank(text: str, start: int) -> str | None:
    """``elder`` or ``younger`` when the word before the name says so ("the elder Conti")."""
    words = text[max(0, start - 12) : start].split()
    return _AGE_RANKS.get(words[-1].lower()) if words else None


def _by_age(rank: str, options: Sequence[int], ages: Mapping[int, int]) -> int | None:
    """Of two candidates with different ages, the elder or the younger; None otherwise: among
    three or more, "the younger" of a father and son is not the youngest granddaughter."""
    if len(options) != 2 or not all(i in ages for i in options):
        return None
    first, second = options
    if ages[first] == ages[second]:
        return None
    older, younger = (first, second) if ages[first] > ages[second] else (second, first)
    return older if rank == "elder" else younger


def _canonical(group: _Group) -> str:
    """The fullest form: not an acronym, without a title if possible, most name parts, then
    the most frequent and the longest."""

    def rank(entry: _Text) -> tuple[bool, bool, int, int, int]:
        as_person = parse_name(entry.text, "PERSON")
        return (
            bool(entry.parsed.acronym),
            bool(as_person.titles),
            -len(as_person.units),
            -len(entry.spans),
            -len(entry.text),
        )

    labelled = [entry for entry in group.texts if any(span.label for span in entry.spans)]
    return min(labelled or group.texts, key=rank).text


@functools.lru_cache(maxsize=2048)
def _role_pattern(form: str, title_after_the: bool) -> re.Pattern[str]:
    """Where the lower-case role ``form`` is written again (see :func:`_role_mentions`);
    ``title_after_the`` for a title of several words written before a name. Kept: the same
    roles come back article after article (a third of the look-ups over the 150 speed
    benchmark articles), and the patterns are compiled by Python's regex parser, in Python."""
    body = "".join("['’]" if char in "'’" else re.escape(char) for char in form)
    if title_after_the:
        # not right before a name: "the Crown Prince Mohammed" is the title of that name
        return re.compile(
            rf"(?<=\bthe ){body}\b(?!\s+of\b)(?!['’]s)(?!\s+(?-i:[A-Z]))", re.IGNORECASE
        )
    if " " in form:
        return re.compile(rf"\b{body}\b", re.IGNORECASE)
    # One word ("Mayor Diane Carver ... the mayor said") only after "the" and not before "of"
    # ("the president of the club" is another president).
    return re.compile(rf"(?<=\bthe ){body}\b(?!\s+of\b)(?!['’]s)", re.IGNORECASE)


def _role_mentions(
    text: str, grouped: list[GroupedMention]
) -> tuple[list[GroupedMention], dict[int, list[str]]]:
    """Roles written with a name become titles, and their other occurrences nominal mentions:
    a role of several words anywhere (``Supreme Leader``), a one-word role after ``the``
    (``the mayor``), each only where one entity of the article holds it. A title of several
    words written before the name counts after ``the`` too, without the words the role puts
    before it (``Saudi Crown Prince Mohammed`` ... ``the crown prince``); not one word
    (``Egyptian President Sisi`` is not every ``the president`` of the article)."""
    titles: dict[int, list[str]] = {}
    owners: dict[str, set[int]] = {}
    after_the: set[str] = set()
    for mention in grouped:
        if mention.group is None:
            continue
        for _, _, role in mention.span.roles:
            titles.setdefault(mention.group, []).append(role)
            bare = re.sub(r"^\S+(?:'s|’s)\s+", "", role)
            for form in {role, bare}:
                owners.setdefault(form.lower(), set()).add(mention.group)
        for title in mention.span.titles:
            if " " in title:
                owners.setdefault(title.lower(), set()).add(mention.group)
                after_the.add(title.lower())
    after_the -= {role.lower() for mention in grouped for _, _, role in mention.span.roles}
    taken = [(start, end) for m in grouped for start, end, _ in m.span.roles]
    names = [(m.span.start, m.span.end) for m in grouped]
    extra: list[GroupedMention] = []
    for form, groups in sorted(owners.items(), key=lambda item: -len(item[0])):
        if len(groups) != 1 or len(form) < 5:
            continue
        (group,) = groups
        for found in _role_pattern(form, form in after_the).finditer(text):
            start, end = found.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if any(s < end and start < e and not (start <= s and e <= end) for s, e in names):
                continue
            taken.append((start, end))
            span = NameSpan(start, end, text[start:end], "", 0, False)
            resolution = Resolution(f"role {form!r} given to this entity by the article")
            extra.append(GroupedMention(span, group, resolution, "nominal"))
    return extra, titles


def resolve_entities(
    doc: Doc, *, id_prefix: str = "e", dateline: Dateline | None = None
) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
    """Mentions of ``doc`` (names, acronyms, role nominals, pronouns, document nominals) and the
    entities they group into; spans are offsets into ``doc.text``. The article's ``dateline``
    (``MUMBAI (Reuters) -``) gives a place and an agency mention, never one name."""
    from sayso.entities.coref import link_references

    text = doc_text(doc)
    grouped, groups, types = group_mentions(doc, text, dateline)
    roles, role_titles = _role_mentions(text, grouped)
    for mention in grouped:
        if mention.group is not None:
            for title in mention.span.titles:
                if title not in role_titles.setdefault(mention.group, []):
                    role_titles[mention.group].append(title)
    inside_roles = [(m.span.start, m.span.end) for m in roles]
    grouped = [
        m
        for m in grouped
        if not any(start <= m.span.start and m.span.end <= end for start, end in inside_roles)
    ]
    grouped = sorted(grouped + roles, key=lambda m: m.span.start)
    first_seen: dict[int, int] = {}
    for mention in grouped:
        if mention.group is not None:
            first_seen.setdefault(mention.group, mention.span.start)
    order = sorted(first_seen, key=lambda index: first_seen[index])
    ids = {index: f"{id_prefix}{number}" for number, index in enumerate(order, start=1)}
    mentions: list[Mention] = []
    for mention in grouped:
        entity_id = ids.get(mention.group) if mention.group is not None else None
        resolution = mention.resolution
        if resolution.alternatives:
            resolution = Resolution(
                resolution.reason,
                resolution.antecedent,
                tuple(ids[int(i)] for i in resolution.alternatives if int(i) in ids),
                resolution.ambiguous,
            )
        label = types[mention.group] if mention.group is not None else mention.span.label or "OTHER"
        mentions.append(
            Mention(
                Span.of(text, mention.span.start, mention.span.end),
                label,
                cast(MentionKind, mention.kind),
                EXTRACTOR,
                entity_id,
                resolution,
            )
        )
    named_entities = [(ids[index], types[index], groups[index]) for index in order]
    genders = {
        ids[index]: found
        for index in order
        if types[index] == "PERSON"
        and (found := _gender(groups[index], role_titles.get(index, []))) is not None
    }
    mentions, documents = link_references(
        doc,
        text,
        mentions,
        named_entities,
        id_prefix=id_prefix,
        genders=genders,
        dateline_end=dateline.span.end if dateline is not None else 0,
    )
    by_entity: dict[str, list[Mention]] = {}
    for linked in mentions:
        if linked.entity_id:
            by_entity.setdefault(linked.entity_id, []).append(linked)
    entities = [
        _entity(
            entity_id, label, _canonical(group), role_titles.get(index, []),
            by_entity.get(entity_id, []), _relations(group, ids),
        )
        for (entity_id, label, group), index in zip(named_entities, order, strict=True)
    ]  # fmt: skip
    return tuple(mentions), tuple(entities) + documents


def _gender(group: _Group, roles: Sequence[str]) -> Gender | None:
    """A person's gender from the titles and roles written with their names and from the first
    word of their fuller names (a bare family name says nothing)."""
    titles: list[str] = list(roles)
    first_words: list[str] = []
    patronymics: list[str] = []
    for entry in group.texts:
        parsed = parse_name(entry.text, "PERSON")
        titles.extend(parsed.titles)
        if len(parsed.words) >= 2:
            first_words.append(parsed.words[0].text)
        # the middle of three names; last of two only a daughter's ending, as "-ovich" also
        # ends Slavic family names women bear (Milla Jovovich)
        if len(parsed.words) == 3 or (
            len(parsed.words) == 2 and patronymic_gender(parsed.words[1].text) == "female"
        ):
            patronymics.append(parsed.words[1].text)
    return gender_of(titles, first_words, patronymics)


def _relations(group: _Group, ids: dict[int, str]) -> tuple[EntityRelation, ...]:
    if group.successor is None or group.successor not in ids:
        return ()
    reason = (
        f"{group.texts[0].text!r} is a former name of the organisation the article also calls "
        "by a later name (alias table); kept apart as its predecessor"
    )
    return (EntityRelation("predecessor_of", ids[group.successor], reason),)


def _entity(
    entity_id: str,
    label: str,
    name: str,
    roles: Sequence[str],
    mentions: Sequence[Mention],
    relations: tuple[EntityRelation, ...] = (),
) -> Entity:
    own = list(mentions)
    forms = Counter(m.span.text for m in own if m.kind != "pronoun")
    titles: list[str] = []
    for form in forms:
        for title in parse_name(form, "PERSON").titles if label == "PERSON" else ():
            if title not in titles:
                titles.append(title)
    for role in roles:
        if role not in titles:
            titles.append(role)
    return Entity(
        id=entity_id,
        type=_entity_type(label),
        name=name,
        extractor=EXTRACTOR,
        aliases=tuple(SurfaceForm(text, count) for text, count in forms.most_common()),
        titles=tuple(titles),
        mentions=tuple(own),
        ambiguous=False,
        relations=relations,
    )
