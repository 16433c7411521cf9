"""Entity types from the words around a one-word name, where spaCy's label is often wrong.

spaCy's small model labels a city ORG in one sentence and GPE in the next, a plural group noun
PERSON, and a title word cut off a longer title ORG. These cues read the mention's context, not
a gazetteer, and either relabel one mention (weighted in the entity's type vote) or drop it:

* place: a preposition of place before it (``in``, ``at``, ``near``, ``to`` after a motion
  word rather than ``according to`` or ``told``), a place noun after it (``the Makhmur area``,
  ``Erbil airport``), or an appositive or ``of`` phrase that says so (``Erbil, the capital of``,
  ``the city of Mosul``, a home town after a name and an age: ``Jo Reyes, 58, of Westchester``)
  → GPE;
* group: a one-word "person" that takes ``the`` or is coordinated with a plural noun
  (``commanders and Mujahideen``) names a group → NORP;
* descriptor: a one-word name with an adjective ending (``-i``, ``-ic``, ``-ist``, ``-ian``)
  that modifies a common noun (``the Takfiri militant group``) is a group adjective → NORP;
* title fragment: a one-word name that is a title word, or that is followed by a title word
  (``Supreme`` in ``Supreme Leader``), before a capitalised word (``Councilwoman`` cut off
  ``Teresa Gomez``), is part of a role, not a name → dropped;
* building: a name of two words or more that NER tags PERSON or FAC, followed by a lower-case
  building noun (``the Royal Free hospital``), names the building → FAC, with a cue's weight
  (a one-word name before ``airport`` is a place: ``Erbil airport``). Names tagged ORG keep
  their label: an institution is named by its building too;
* news medium: a name NER tags PERSON, FAC or WORK_OF_ART followed by a lower-case news
  medium's noun (``the Dawn newspaper``), or set in apposition after one (``the tabloid
  Bild``), is the outlet → ORG;
* workplace: a name NER tags PERSON or ORG right after ``at`` that follows a noun of people
  who work somewhere (``analysts at Morgan Stanley``, ``a lawyer at Hale Barnes``) is the
  organisation they work at → ORG, with a cue's weight;
* given name: a one-word name in apposition to ``name`` (``who gave only her first name,
  Amina``) is a person's → PERSON;
* person's role: a one-word name NER took for a place or an organisation with an apposition
  after it that only a person holds (``Yakubu, chairman of the electoral commission``) →
  PERSON; a name of any length right after a lower-case role noun that it modifies or is in
  apposition to (``the group's co-founder Ilse Varga``) → PERSON; a name that a relative
  clause opening with ``who`` follows (``Marisol Quintero Vela, who takes office``) → PERSON;
  a name of two or three words opening with a common first name (``first_names.tsv``) and
  coordinated with a name NER tags PERSON (``by Dale Ostrow and Rupa Vance``) → PERSON; a
  name beside a role that a party's or nationality's word modifies (``Ines Marlow, the
  Conservative leader``) or a leading role of an organisation (``the leader of the Unity
  Party``) → PERSON;
* longer place: a name of two words or more after a preposition of place (not ``at`` or
  ``to``) whose last word is a place's (``in Dagupan City``) or before a territory's office
  (``Ondo State Governor Ada Eze``), or in apposition to a place's noun (``Upper Morava, the
  country's poorest region``) → GPE.

Apart from the type, :func:`reading` says when a mention's context clearly makes it a place or
a person, so that one string the article uses for both (the country Jordan, the player Michael
Jordan) can be split by mention before grouping (``resolve.py``).

The word lists are in ``data/context_cues.json`` (provenance in ``data/README.md``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sayso.entities.lexicon import is_common_first_name, lexicon, read_json

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A cue counts as this many NER votes: a context that says "place" outweighs one mention's
# label (Erbil: tagged ORG 6 times and GPE once in the example article; 4 place cues).
CUE_WEIGHT = 2
_ADJECTIVE_ENDINGS = ("i", "ic", "ist", "ists", "ian", "ite", "ites")
_SINGLE_WORD_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "NORP", "FAC", ""})


@dataclass(frozen=True, slots=True)
class TypeCue:
    """What the context says about one name mention."""

    label: str | None
    """The type the context gives, or None: the mention is not a name."""
    weight: int
    reason: str


@dataclass(frozen=True, slots=True)
class _Cues:
    place_prepositions: frozenset[str]
    motion_to_blockers: frozenset[str]
    motion_verbs: frozenset[str]
    place_nouns: frozenset[str]
    institutions: frozenset[str]
    plural_endings: tuple[str, ...]
    building_nouns: frozenset[str]
    state_nouns: frozenset[str]
    organisation_roles: frozenset[str]
    assault_verbs: frozenset[str]


@functools.cache
def _cues() -> _Cues:
    data = read_json("context_cues.json")
    return _Cues(
        place_prepositions=frozenset(data["place_prepositions"]["words"]),
        motion_to_blockers=frozenset(data["to_not_a_place"]["words"]),
        motion_verbs=frozenset(data["motion_verbs"]["words"]),
        place_nouns=frozenset(data["place_nouns"]["words"]),
        institutions=frozenset(data["institutions"]["words"]),
        plural_endings=tuple(data["plural_endings"]["words"]),
        building_nouns=frozenset(data["building_nouns"]["words"]),
        state_nouns=frozenset(data["state_nouns"]["words"]),
        organisation_roles=frozenset(data["organisation_roles"]["words"]),
        assault_verbs=frozenset(data["assault_verbs"]["words"]),
    )


@functools.cache
def facility_nouns() -> frozenset[str]:
    """Last words that make a name a place, building or institution (``Stewart Island``)."""
    return frozenset(read_json("context_cues.json")["facility_nouns"]["words"])


def institution_nouns() -> frozenset[str]:
    """Nouns of public bodies (``court``, ``assembly``, ``council``): a name ending in one that a
    title word opens (``General Court``) names the body, not a person."""
    return _cues().institutions


@functools.cache
def company_nouns() -> frozenset[str]:
    """Nouns of businesses and bodies that a name in apposition to them names (``employer``)."""
    return frozenset(read_json("context_cues.json")["company_nouns"]["words"])


def _company_apposition(span: Span) -> bool:
    """ "his former employer, Bramley Civil" or "Bramley Civil, the construction firm": the name
    and a noun of a business stand for each other."""
    root = span.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in company_nouns():
        return root.head.is_lower
    return any(
        c.dep_ == "appos" and c.is_lower and c.lemma_.lower() in company_nouns()
        for c in root.children
    )


# People who work at an organisation, besides the lexicon's role nouns ("analysts at Morgan
# Stanley", "an economist at Barclays"): general English job nouns, not from an evaluation file.
_STAFF_NOUNS = frozenset(
    {"economist", "strategist", "employee", "worker", "staffer", "executive", "banker", "trader",
     "engineer", "scientist", "manager", "partner", "associate"}
)  # fmt: skip


def _workplace_of(span: Span) -> bool:
    """ "analysts at Morgan Stanley", "a lawyer at Hale Barnes": the name is the object of
    ``at`` after a noun of people who work somewhere, so it names where they work. NER tags such
    a firm PERSON when a first name opens it; a person is never where analysts are "at"."""
    root = span.root
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ != "at" or preposition.i != span.start - 1:
        return False
    worker = preposition.head
    lemma = worker.lemma_.lower()
    return (
        worker.pos_ == "NOUN"
        and worker.i < preposition.i
        and (lemma in lexicon().role_nouns or lemma in _STAFF_NOUNS)
    )


@functools.cache
def media_nouns() -> frozenset[str]:
    """Nouns of news media written right after an outlet's name (``the Dawn newspaper``)."""
    return frozenset(read_json("context_cues.json")["media_nouns"]["words"])


def _media_noun_before(span: Span) -> bool:
    """ "the tabloid Bild", "the financial magazine Caixin", "told the newspaper Frankfurter
    Allgemeine Zeitung": a lower-case news medium's noun just before the name and in apposition
    with it, so the name is the outlet's. Not a name that is the subject of what follows ("the
    paper John wrote")."""
    if span.start == 0:
        return False
    noun, root = span.doc[span.start - 1], span.root
    if not noun.is_lower or noun.lemma_.lower() not in media_nouns():
        return False
    return (root.dep_ == "appos" and root.head.i == noun.i) or (
        noun.head.i == root.i and noun.dep_ in {"amod", "compound", "nmod"}
    )


def _title_fragment(span: Span) -> bool:
    lex = lexicon()
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (
        after is not None
        and after.text[:1].isupper()
        and (
            (after.lower_,) in lex.titles
            or after.lower_ in lex.role_nouns
            # the title itself, cut off the name it stands before ("Councilwoman Teresa Gomez")
            or (span[0].lower_,) in lex.titles
        )
    )


def _place_before(span: Span, label: str) -> bool:
    """A preposition of place governs the name itself (not a noun it modifies)."""
    cues = _cues()
    doc = span.doc
    token = span[0]
    index = span.start - 1
    if index < 0 or token.dep_ != "pobj" or token.head.i != index:
        return False
    if token.lower_ in cues.institutions:
        return False
    preposition = doc[index].lower_
    if preposition == "of":
        return (index >= 1 and doc[index - 1].lower_ in cues.place_nouns) or _home_town(doc, index)
    if preposition not in cues.place_prepositions:
        return False
    if preposition == "to":
        # "to" before a person is a recipient ("sings to Clinton"), not a direction, unless a
        # verb of going governs it ("returning to Glasgow").
        if doc[index].head.lemma_.lower() in cues.motion_verbs:
            return True
        return label != "PERSON" and (
            index == 0 or doc[index - 1].lower_ not in cues.motion_to_blockers
        )
    return True


def _home_town(doc: Doc, index: int) -> bool:
    """``of`` at ``index`` opens where a person named with their age lives (``Michael Brennan,
    58, of Westchester``): the usual news form of name, age and home town."""
    return (
        index >= 3
        and doc[index - 1].text == ","
        and doc[index - 2].like_num
        and doc[index - 3].text == ","
    )


def _age_after(span: Span) -> bool:
    """An age set off by commas follows the name (``Ford, 68, the great-grandson of``): the
    news form of a person's name and age; a company or a place is not written so."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 2].text != ",":
        return False
    number = doc[end + 1].text
    return number.isdigit() and 0 < int(number) < 120


def _place_after(span: Span) -> bool:
    cues = _cues()
    doc = span.doc
    after = span.end
    if after < len(doc) and doc[after].lower_ in cues.place_nouns and doc[after].is_lower:
        return True
    if after + 2 < len(doc) and doc[after].text == ",":
        follow = doc[after + 1 : after + 3]
        return follow[0].lower_ in {"the", "a"} and follow[1].lower_ in cues.place_nouns
    return False


def _role_of_an_organisation_after(span: Span) -> bool:
    """ "Everton manager Sean Dyche", "Apple CEO Tim Cook": a role only an organisation or a
    team has stands between the name and a capitalised name (a person's)."""
    doc = span.doc
    role, after = span.end, span.end + 1
    return (
        after < len(doc)
        and doc[role].lower_ in _cues().organisation_roles
        and (doc[role].is_lower or doc[role].is_upper)
        and doc[after].text[:1].isupper()
        and doc[after].pos_ == "PROPN"
    )


# Role nouns (names.json) an organisation or a place may also be called in apposition ("Apple,
# the leader in smartphones", "Paris, a candidate to host", "Nike, the king of sportswear").
_ROLES_NOT_ONLY_PERSONS = frozenset(
    {"author", "candidate", "chief", "expert", "founder", "general", "head", "king", "leader",
     "nominee", "owner", "premier", "queen", "ruler", "strongman"}
)  # fmt: skip


def _person_role_apposition(token: Token) -> bool:
    """ "Yakubu, chairman of the electoral commission": a one-word name NER took for a place or
    an organisation set beside a role only a person holds is a person's (family) name."""
    return any(
        child.dep_ == "appos"
        and child.i > token.i
        and child.pos_ == "NOUN"
        and child.is_lower
        and child.lemma_ in lexicon().role_nouns
        and child.lemma_ not in _ROLES_NOT_ONLY_PERSONS
        for child in token.children
    )


def _role_before(span: Span) -> bool:
    """ "the group's co-founder Ilse Varga": a lower-case role noun (``names.json``) right
    before the name, modifying it or with the name in apposition to it, so the name is the
    person who holds the role."""
    if span.start == 0:
        return False
    role, root = span.doc[span.start - 1], span.root
    return (
        role.is_lower
        and role.pos_ == "NOUN"
        and role.lemma_ in lexicon().role_nouns
        and (
            (role.head.i == root.i and role.dep_ in {"compound", "amod", "nmod"})
            or (root.head.i == role.i and root.dep_ == "appos")
        )
    )


# Last words of a place's name ("Quezon City", "Lagos State"): with a preposition of place
# before it, the name is the place, not the body NER often takes it for ("at Ohio State" is a
# university: "at" and "to" are left out).
_PLACE_LAST_WORDS = frozenset({"City", "State", "Province", "County", "District", "Region"})
_PLACE_IN = frozenset({"in", "near", "across", "throughout", "within", "outside", "inside"})
# Nouns a place's name is set in apposition to ("Hesse, the country's richest state").
_PLACE_APPOSITIONS = frozenset({"state", "province", "region", "city", "town", "country"})


def _named_place(span: Span) -> bool:
    """A name of two words or more read as a place: ending in a place's last word after a
    preposition of place (``in Quezon City``) or before a territory's office (``Lagos State
    Governor``), or in apposition to a place's noun (``Hesse, the country's richest state``)."""
    root = span.root
    if any(
        child.dep_ == "appos" and child.i > root.i and child.lemma_ in _PLACE_APPOSITIONS
        for child in root.children
    ):
        return True
    node = root
    while node.dep_ == "conj" and node.head.i < node.i:  # "in Hanoi and Quezon City"
        node = node.head
    if span[-1].text not in _PLACE_LAST_WORDS:
        return False
    if node.dep_ == "pobj" and node.head.lower_ in _PLACE_IN:
        return True
    # "Lagos State Governor Ada Eze": a territory's office before its holder's name
    doc = span.doc
    return span.end < len(doc) and doc[span.end].text in _TERRITORY_OFFICES


# Offices only a territory has, written capitalised after its name and before the holder's.
_TERRITORY_OFFICES = frozenset({"Governor", "Mayor", "Premier"})
# Relative pronouns only a person takes ("Hollis, who takes office"; a body is "which"). Teams
# are "who" in British English, with a plural verb ("Kings, who play at home": a probe article
# for issue 15 made a team a person without that check); past tenses do not tell, so a club's
# mention may still get a person's vote that its other mentions outvote.
_PERSON_RELATIVES = frozenset({"who", "whom"})


def _coordinated_with_person(span: Span) -> bool:
    """ "founded by Dale Ostrow and Rupa Vance": a name of two or three words that opens with a
    common first name, coordinated with a name NER tags PERSON, is a person's too (a company
    beside a person, "Microsoft and Bill Gates", opens with no first name)."""
    if not 2 <= len(span) <= 3 or not all(token.text[:1].isupper() for token in span):
        return False
    if not is_common_first_name(span[0].lower_):
        return False
    root = span.root
    partners = [child for child in root.children if child.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    return any(partner.ent_type_ == "PERSON" for partner in partners)


_PLURAL_VERB_FORMS = frozenset({"VBP", "are", "were", "have", "do"})


def _person_relative(span: Span) -> bool:
    """ "Hollis, who takes office on Monday": a relative clause that opens with ``who`` right
    after the name and a comma."""
    doc, root = span.doc, span.root
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    pronoun, verb = doc[span.end + 1], doc[span.end + 1].head
    if span[-1].lower_ in lexicon().trade_words:
        return False  # a club's last word ("Rovers, who won")
    # A plural verb ("Kings, who play at home") says a team or a group, never one person.
    plural = {verb.tag_} | {child.lower_ for child in verb.children if child.dep_ == "aux"}
    return (
        pronoun.lower_ in _PERSON_RELATIVES
        and verb.dep_ == "relcl"
        and verb.head.i == root.i
        and not plural & _PLURAL_VERB_FORMS
    )


# Roles an organisation may hold too that still make a person of a name whose apposition says
# whose they are in a way a body is not described ("the Conservative leader", "the leader of
# the Labour Party"; not "the leader in smartphones").
_LEADING_ROLES = frozenset({"leader", "head", "chief"})


def _leader_apposition(span: Span, label: str) -> bool:
    """ "Ines Marlow, the Conservative leader," or "Varga, the leader of the Unity Party,": the
    name is set beside a role noun that a party or nationality word modifies (with no ``in``
    after it: "the American leader in smartphones" is a company's), or, for a name not tagged
    a place (a country leads an alliance), a leading role ``of`` an organisation."""
    root = span.root
    lex = lexicon()
    for role in root.children:
        if role.dep_ != "appos" or role.i < root.i or not role.is_lower:
            continue
        if role.lemma_ not in lex.role_nouns:
            continue
        preps = [child for child in role.children if child.dep_ == "prep"]
        if not preps and any(
            child.dep_ in {"amod", "compound"} and child.ent_type_ == "NORP"
            for child in role.children
        ):
            return True
        if label != "GPE" and role.lemma_ in _LEADING_ROLES:
            for prep in preps:
                if prep.lower_ == "of" and any(
                    obj.dep_ == "pobj" and obj.ent_type_ == "ORG" for obj in prep.children
                ):
                    return True
    return False


def _assaulted(span: Span) -> bool:
    """ "shelled Zaporizhzhia", "annexed Crimea": the name is the object of a verb of military
    assault, which is said of places, never of people."""
    root = span.root
    return root.dep_ == "dobj" and root.head.lemma_.lower() in _cues().assault_verbs


def _building_after(span: Span) -> bool:
    return _noun_after(span, _cues().building_nouns)


def _noun_after(span: Span, nouns: frozenset[str]) -> bool:
    """Whether a lower-case common noun of ``nouns`` follows the name."""
    doc = span.doc
    after = span.end
    return (
        after < len(doc)
        and doc[after].is_lower
        and doc[after].lower_ in nouns
        and doc[after].pos_ == "NOUN"
    )


def _is_plural_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.tag_ == "NNS"


def _plural_group(span: Span) -> bool:
    token = span[0]
    doc = span.doc
    if not token.lower_.endswith(_cues().plural_endings):
        return False
    modifier = token.dep_ in {"compound", "nmod", "amod"}
    if span.start > 0 and doc[span.start - 1].lower_ == "the" and not modifier:
        return True
    return token.dep_ == "conj" and token.head.i < token.i and _is_plural_noun(token.head)


def _descriptor(span: Span) -> bool:
    token = span[0]
    if not token.lower_.endswith(_ADJECTIVE_ENDINGS):
        return False
    head = token.head
    return (
        token.dep_ in {"amod", "nmod", "compound"}
        and head.i > token.i
        and head.pos_ == "NOUN"
        and head.is_lower
    )


def type_cue(span: Span, label: str) -> TypeCue | None:
    """What the context of the one-word name ``span`` (labelled ``label``) says, if anything;
    of a longer name, only that a building noun (``the Royal Free hospital``) or a news
    medium's noun (``the Dawn newspaper``) follows it, or that it stands in apposition to a
    noun of a business (``his employer, Bramley Civil``)."""
    if len(span) > 1 and label in {"PERSON", "FAC"} and _building_after(span):
        return TypeCue("FAC", CUE_WEIGHT, "a building noun after the name")
    if label in {"PERSON", "FAC", "WORK_OF_ART"} and _noun_after(span, media_nouns()):
        # not a place's name: "Tehran radio", "Moscow television" are the city's media
        return TypeCue("ORG", CUE_WEIGHT, "a news medium's noun after the name")
    if label in {"PERSON", "FAC", "WORK_OF_ART"} and _media_noun_before(span):
        return TypeCue("ORG", CUE_WEIGHT, "a news medium's noun before the name")
    if label == "PERSON" and _company_apposition(span):
        return TypeCue("ORG", CUE_WEIGHT, "in apposition to a noun of a business")
    if label in {"PERSON", "ORG"} and _workplace_of(span):
        return TypeCue("ORG", CUE_WEIGHT, "where people of a trade work ('analysts at')")
    if label in {"PERSON", "ORG", "GPE", ""} and _role_of_an_organisation_after(span):
        return TypeCue("ORG", CUE_WEIGHT, "a role only an organisation has ('Everton manager')")
    if label in {"ORG", "GPE", ""} and _role_before(span):
        return TypeCue("PERSON", CUE_WEIGHT, "a role noun before the name ('co-founder')")
    if len(span) > 1 and label in {"ORG", "PERSON", "FAC", ""} and _named_place(span):
        return TypeCue("GPE", CUE_WEIGHT, "a place's name in a place's context")
    if label in {"ORG", "GPE", ""} and _leader_apposition(span, label):
        return TypeCue("PERSON", CUE_WEIGHT, "in apposition to a party's or a country's leader")
    if label in {"ORG", "GPE", ""} and _coordinated_with_person(span):
        return TypeCue("PERSON", CUE_WEIGHT, "a first name, beside a person's name")
    if label in {"ORG", "GPE", ""} and _person_relative(span):
        return TypeCue("PERSON", CUE_WEIGHT, "a relative clause with 'who' after the name")
    if len(span) != 1 or label not in _SINGLE_WORD_LABELS:
        return None
    token = span[0]
    if not token.text[:1].isupper() or token.is_upper:
        return None
    if label != "NORP" and _title_fragment(span):
        return TypeCue(None, 0, "a title word cut off a longer title")
    if (
        token.lower_.endswith("ing")
        and span.end < len(span.doc)
        and span.doc[span.end].lower_ == "by"
    ):
        # "(Reporting by ...; Writing by Tom Balmforth)": a credit's role, not a name
        return TypeCue(None, 0, "a verb of making before 'by'")
    if token.dep_ == "appos" and token.head.lemma_.lower() == "name" and label != "PERSON":
        # "who gave only her first name, Amina": the name a person goes by
        return TypeCue("PERSON", CUE_WEIGHT, "in apposition to 'name'")
    if label != "PERSON" and _person_role_apposition(token):
        return TypeCue("PERSON", CUE_WEIGHT, "in apposition to a role only a person holds")
    if label != "PERSON" and _age_after(span):
        return TypeCue("PERSON", CUE_WEIGHT, "a name and an age ('Ford, 68, said')")
    after_of = span.start >= 1 and span.doc[span.start - 1].lower_ == "of"
    if label == "NORP" and after_of and _home_town(span.doc, span.start - 1):
        # no people's name follows "Jo Reyes, 58, of": NER's NORP there is a town's name
        return TypeCue("GPE", CUE_WEIGHT, "a home town after a name and an age")
    if label in {"ORG", "PERSON", "FAC", ""} and (_place_before(span, label) or _place_after(span)):
        return TypeCue("GPE", CUE_WEIGHT, "place context (preposition, place noun, apposition)")
    if label in {"ORG", "PERSON", ""} and _assaulted(span):
        return TypeCue("GPE", CUE_WEIGHT, "the object of a verb of military assault")
    if label == "PERSON" and _plural_group(span):
        return TypeCue("NORP", CUE_WEIGHT, "a group noun: takes 'the' or joins a plural noun")
    if label in {"ORG", "NORP", ""} and _descriptor(span):
        return TypeCue("NORP", CUE_WEIGHT, "an adjective of a group before a common noun")
    return None


# Pronouns only a person takes ("Jordan said he was honored"); a country or an organisation is
# "it", so one of these after the name says which of two readings of one string is meant.
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "himself", "herself"})
# Dependency relations a pronoun may hang by on its way up to the verb the name is the subject
# of: the verb's objects, prepositional phrases and complement clauses ("said he was", "raised
# his hand", "told reporters that he"). Relative and adverbial clauses, appositions and
# conjuncts are left out: their pronoun may belong to another noun ("met Smith, who said he").
_PRONOUN_PATH = frozenset(
    {"nsubj", "nsubjpass", "poss", "dobj", "pobj", "prep", "dative", "ccomp", "xcomp"}
)


def _person_pronoun_after(span: Span) -> bool:
    """The name is the subject of a verb whose objects or complement clauses hold a personal
    pronoun of a person, with no other person named between them."""
    root = span.root
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = root.head
    for token in verb.subtree:
        if token.i < span.end or token.lower_ not in _PERSON_PRONOUNS or token.pos_ != "PRON":
            continue
        between = span.doc[span.end : token.i]
        if any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in between):
            return False
        node = token
        while node.i != verb.i and node.dep_ in _PRONOUN_PATH:
            node = node.head
        return node.i == verb.i
    return False


def _other_person_just_before(span: Span) -> bool:
    """A person NER names earlier in the name's sentence or in the sentence before, whose name
    does not end with this one: ``he`` may be that person's ("Wilson was detained on Monday.
    Jordan said he had crossed illegally"), not a sign that the name is a person's."""
    doc = span.doc
    sentence = span.sent
    first = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    last = span[-1].lower_
    # The last word of each person's name before the span (an entity ends where the next
    # token does not continue it): only the two sentences are read, not all of doc.ents.
    return any(
        token.ent_type_ == "PERSON" and doc[token.i + 1].ent_iob_ != "I" and token.lower_ != last
        for token in doc[first : span.start]
    )


def _state_possessive(span: Span) -> bool:
    """``Jordan's government``: the name owns a noun only a place has."""
    token = span.root
    after = span.end
    doc = span.doc
    return (
        token.dep_ == "poss"
        and after + 1 < len(doc)
        and doc[after].lower_ in {"'s", "’s"}
        and token.head.lower_ in _cues().state_nouns
    )


@functools.cache
def _publication_nouns() -> frozenset[str]:
    return frozenset(read_json("context_cues.json")["publication_nouns"]["words"])


def _publication_title(span: Span) -> bool:
    """ "editor of Denver magazine", "Boston magazine was founded": the name is a compound of a
    lower-case periodical's noun right after it, with no article or other word of that noun
    before the name ("a Chicago magazine" is a magazine from Chicago) and no name after it
    ("Moscow newspaper Kommersant" names the newspaper there): the periodical's title."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    noun, head = doc[span.end], span.root.head
    if not noun.is_lower or noun.lower_ not in _publication_nouns():
        return False
    if head.i != noun.i and not (noun.dep_ == "compound" and noun.head.i == head.i):
        return False  # "Denver magazine editor": both may hang on "editor"
    if any(child.i < span.start for child in noun.children):
        return False
    return not (span.end + 1 < len(doc) and doc[span.end + 1].pos_ == "PROPN")


def reading(span: Span, label: str) -> str:
    """``place`` or ``person`` when the context of the name mention ``span`` (whose label, after
    :func:`type_cue`, is ``label``) says so beyond its NER label, else ``""``.

    A place: labelled GPE or LOC, and followed by a place noun (``the Jordan border``, ``Lincoln
    police``) or owning a noun only a place has (``Jordan's government``). Not a preposition of
    place: the small model tags persons GPE after one (``an alternative to Trump``, ``staring
    at Brafman``: read on PolNeAR train texts), so it is a type vote, not a clear reading.

    A person: not labelled a place (the small model tags ``Lincoln said he would preserve the
    union`` ORG), and the subject of a verb whose object or complement holds ``he``, ``she``
    or ``his`` (``Jordan said he was honored``), with no other person named just before (``he``
    may be theirs). Being the subject of ``said`` alone is no cue: countries and organisations
    say things too. An age set off by commas after the name is (``Ford, 68, said``). A title
    before the name is the caller's cue (``NameSpan.titles``).

    An outlet: written as a periodical's title, a name followed by ``magazine`` or
    ``newspaper`` with no article before it (``editor of Denver magazine``): a publication
    named after a place is not the place."""
    if label in {"GPE", "LOC", "ORG", "FAC", ""} and _publication_title(span):
        return "outlet"
    if label in {"GPE", "LOC"} and (_place_after(span) or _state_possessive(span)):
        return "place"
    if (
        label in {"PERSON", "ORG", ""}
        and _person_pronoun_after(span)
        and not _other_person_just_before(span)
    ):
        return "person"
    if label in {"PERSON", "ORG", ""} and _age_after(span):
        return "person"
    return ""
