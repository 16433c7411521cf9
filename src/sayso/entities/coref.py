"""Rule-based coreference: pronouns and nominals linked to entities, each link with its reason.

Pronouns (he/him/his, she/her, they/them/their, it/its) take the best-scoring earlier mention of
an agreeing entity within the last few sentences: persons for he/she, organisations and groups
of people for they, organisations, places and documents for it (an organisation is never "she",
a place never "they": a city or a country is singular). Gender agrees too:
``he`` never takes a person the article marks as a woman, ``she`` never a man, by the titles,
roles and first names :mod:`sayso.entities.gender` reads (``Mrs``, ``spokeswoman``, ``Linda``); a
person with no such evidence agrees with both. The score (a Lappin-Leass style salience) adds
recency by sentence, a bonus for grammatical subjects (the subject of the previous clause is the
usual antecedent: "a letter Soleimani sent to the Leader. ... he wrote") and a small bonus for
entities mentioned often; a non-reflexive object pronoun never takes the subject of its own verb.
A plural pronoun after a subject that names several people no entity stands for (``Xi and Putin
... their``, ``Analysts said they``) is left unresolved, and so is a ``they`` inside a direct
quote that only an organisation named outside the quote could be (a speaker's "they" is mostly
people of their own story). A place named as a clause's setting (``in Oakland``) counts less
for ``its`` than an organisation of the same clause.
Close runners-up are kept as alternatives; a near tie between two entities is marked ambiguous.

Nominals:

* An unnamed person introduced as the subject of a clause (``a senior official said``, ``one
  diplomat told``) becomes a PERSON entity of its own, named by that phrase, so that a later
  ``he`` or ``she`` can take it (gender from its head noun: ``a spokeswoman``).
* ``the group``, ``the organisation``, ``the movement``, ``the militia`` → the organisation
  mentioned last (within a few sentences), news outlets excepted.
* ``the ministry``, ``the budget office``, ``the court``, ``the company`` → the organisation of
  that kind named within a few sentences: a body's noun and its modifiers are words of the name
  (``Ministry of Health``), a business noun takes a name with no public body's word (``Kestrel
  Resources``). Two such organisations leave it unresolved (ambiguous); never a news outlet, a
  place or a person.
* Documents (``the report``, ``the story``, ``this new story``, ``the article``, ``the letter``,
  ``the Tasnim article``) become mentions of kind ``nominal`` labelled ``DOCUMENT`` of a document
  entity (type ``DOCUMENT``, with a ``publisher`` relation to its outlet). Heads fall in two
  classes, media pieces (report, story, article...) and correspondence (letter, message...); a
  document mention joins the latest document entity of its class. A new media document is
  attributed to the outlet it names (``the Tasnim article``) or else to the news outlet
  mentioned last; its resolution reason starts ``document of <entity id>`` and its antecedent is
  the outlet's mention, so the statements layer can read "the report says" as that outlet's
  report (see :func:`document_outlet`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sayso.entities import EXTRACTOR
from sayso.entities.context_types import company_nouns, institution_nouns, media_nouns
from sayso.entities.gender import Gender, word_gender
from sayso.entities.lexicon import lexicon
from sayso.entities.names import parse_name
from sayso.nlp.columns import with_pos
from sayso.nlp.phrases import comma_before_relative
from sayso.records.model import Entity, EntityRelation, Mention, Resolution, Span, SurfaceForm

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PERSONAL = {
    **dict.fromkeys(("he", "him", "his", "himself", "she", "her", "hers", "herself"), "person"),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), "plural"),
    **dict.fromkeys(("it", "its", "itself"), "thing"),
}
_PRONOUN_GENDER: dict[str, Gender] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
}
_AGREEING = {
    "person": frozenset({"PERSON"}),
    "plural": frozenset({"ORG", "NORP"}),
    "thing": frozenset({"ORG", "GPE", "DOCUMENT"}),
}
_MEDIA_HEADS = frozenset({"report", "story", "article", "piece", "account", "interview", "video"})
_LETTER_HEADS = frozenset({"letter", "message", "memo", "note", "cable", "statement"})
_GROUP_HEADS = frozenset({"group", "organisation", "organization", "movement", "militia"})
_MEDIA_WORDS = frozenset(
    {"news", "agency", "newspaper", "times", "post", "tv", "television", "radio", "press",
     "channel", "daily", "journal", "gazette", "broadcasting", "reuters", "media"}
)  # fmt: skip
_DEFINITE = frozenset({"the", "this", "that", "these", "its", "their"})
_INDEFINITE = frozenset({"a", "an", "one", "another"})
_AFFILIATION = frozenset({"of", "for", "at", "with"})
# Head nouns of an unnamed person who can speak: the role nouns of names.json plus these.
_PERSON_HEADS = frozenset(
    {"source", "person", "man", "woman", "witness", "resident", "villager", "worker", "employee",
     "member", "insider", "participant", "student", "teacher", "doctor", "nurse", "soldier",
     "fighter", "businessman", "businesswoman", "farmer", "driver", "passenger", "survivor",
     "neighbour", "neighbor", "relative", "friend", "staffer", "supporter", "protester",
     "policeman", "policewoman", "cleric", "commentator", "representative", "mother", "father"}
)  # fmt: skip
# Salience: sentence recency (same sentence first), subject bonus, frequency bonus per mention.
_RECENCY = (30.0, 22.0, 14.0, 6.0)
_SUBJECT_BONUS = 25.0
_FREQUENCY_BONUS = 2.0
_FREQUENCY_CAP = 5
# Later mentions in the same sentence win near ties ("X was killed and Y became leader. He...").
_POSITION_BONUS = 3.0
_AMBIGUOUS_MARGIN = 2.0
# A place named as the setting of a clause ("Speaking in Oakland, the Harbor Authority chief
# said its plan ...") is seldom what a possessive "its" stands for: it loses this much, less
# than the subject bonus, so a place that is the only candidate or a subject still wins; the
# penalty decides only when an organisation then comes first (among places it changed right
# answers to wrong ones on PolNeAR dev). Set on hand-written sentences for issue 15.
_SETTING_PENALTY = 10.0
_SETTING_PREPOSITIONS = frozenset(
    {"in", "at", "near", "across", "around", "throughout", "within", "from", "outside", "inside"}
)
_OPENING_QUOTES = frozenset("\u201c\u00ab")
_CLOSING_QUOTES = frozenset("\u201d\u00bb")
_ALTERNATIVE_MARGIN = 10.0
# Roles of a common noun that "it" later in the sentence most likely stands for.
_THING_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})
# Links climbed from a name to the subject it is set beside: an apposition of a conjunct at
# most ("court, one victim, Margaret Hughes"); further up it is another phrase's.
_APPOSITION_CLIMB = 2
_GROUP_WINDOW = 3
# Nouns of public bodies that a definite nominal names by its kind ("the ministry said", "the
# budget office"): it joins the organisation whose name holds the same noun. General English
# words for bodies, written for issue 15's probes, not read off an evaluation file.
_BODY_HEADS = frozenset(
    {"ministry", "agency", "department", "office", "court", "commission", "committee", "council",
     "bureau", "board", "authority", "tribunal", "institute", "university", "parliament",
     "senate", "assembly", "party", "union", "administration"}
)  # fmt: skip
# "the company", "the firm": any business; a name with one of these words names no business.
_GENERIC_COMPANY = frozenset({"company", "firm", "business", "corporation", "conglomerate"})
# Words of company names besides the lexicon's trade words and legal forms ("Kestrel
# Resources", "Halden Capital"): "the company" takes only a name with one, as NER types many
# other words ORG (on PolNeAR dev it took "Federal" and a person's name without this).
_BUSINESS_WORDS = frozenset(
    {"inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "group", "holdings",
     "resources", "mining", "energy", "capital", "systems", "financial", "bank", "partners",
     "industries", "motors", "oil", "gas", "coal", "foods", "airlines", "solutions", "labs",
     "logistics", "ventures", "investments", "securities", "brands", "stores", "enterprises"}
)  # fmt: skip
_PUBLIC_WORDS = frozenset(
    {"government", "ministry", "department", "agency", "office", "court", "commission",
     "committee", "council", "bureau", "authority", "tribunal", "party", "army", "police",
     "forces", "force", "navy", "state", "states", "nations", "union", "university", "school",
     "hospital", "church", "campaign", "city", "county", "federal", "national", "republic",
     "kingdom", "front", "movement", "militia", "brigade", "brigades", "guard", "corps"}
)  # fmt: skip
_DOCUMENT_OF = re.compile(r"^document of (\S+) ")


def document_outlet(mention: Mention) -> str | None:
    """The entity id of the outlet a document mention (``the report``) is attributed to."""
    if mention.resolution is None:
        return None
    found = _DOCUMENT_OF.match(mention.resolution.reason)
    return found.group(1) if found else None


@dataclass(slots=True)
class _Document:
    id: str
    head_class: str
    outlet: str | None
    outlet_span: Span | None
    name: str
    publisher_reason: str = ""
    mentions: list[Mention] = field(default_factory=list)


class _Sentences:
    def __init__(self, doc: Doc, length: int) -> None:
        self.starts = [sentence.start_char for sentence in doc.sents]
        self.ends = [*self.starts[1:], length]

    def of(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def position(self, offset: int) -> float:
        """Where ``offset`` lies in its sentence, from 0 (start) to 1 (end)."""
        index = self.of(offset)
        length = max(self.ends[index] - self.starts[index], 1)
        return (offset - self.starts[index]) / length


_NEXT_WORD = re.compile(r"\s+(\w+)")


def _named_with_a_media_word(text: str, mentions: Sequence[Mention]) -> set[str]:
    """Entities the article names with a media word after the name ("the Dawn newspaper"):
    news outlets, though no form of their name says so."""
    found: set[str] = set()
    for mention in mentions:
        after = _NEXT_WORD.match(text, mention.span.end)
        if mention.entity_id and after is not None and after.group(1) in media_nouns():
            found.add(mention.entity_id)
    return found


def _is_media(aliases: Sequence[str], unless: frozenset[str] | set[str] = frozenset()) -> bool:
    return any(
        word.text in _MEDIA_WORDS and word.text not in unless
        for alias in aliases
        for word in parse_name(alias, "ORG").words
    )


def link_references(
    doc: Doc,
    text: str,
    mentions: list[Mention],
    named: Sequence[tuple[str, str, Any]],
    *,
    id_prefix: str = "e",
    genders: dict[str, Gender] | None = None,
    dateline_end: int = 0,
) -> tuple[list[Mention], tuple[Entity, ...]]:
    """``mentions`` plus pronoun and nominal mentions, and the document and unnamed-person
    entities made here.

    ``named`` lists ``(entity id, type, group)`` of the named entities, in id order; ``genders``
    the gender of those persons whose gender the article shows. Mentions before
    ``dateline_end`` (the dateline's place and agency) are never a pronoun's antecedent: the
    dateline files the story, it is not part of what the story tells.
    """
    sentences = _Sentences(doc, len(text))
    types = {entity_id: label for entity_id, label, _ in named}
    gender_of: dict[str, Gender] = dict(genders or {})
    ids = _Ids(id_prefix, len(named))
    unnamed: list[Entity] = []
    names: dict[str, list[str]] = {}
    for mention in mentions:
        if mention.entity_id:
            names.setdefault(mention.entity_id, []).append(mention.span.text)
    media = {entity_id for entity_id, forms in names.items() if _is_media(forms)}
    with_media_word = _named_with_a_media_word(text, mentions)
    media |= with_media_word
    # "the agency" may be the Environmental Protection Agency: a name whose only media word is
    # "agency" is an outlet for it only when the article writes a media word after it too
    outlets = {
        entity_id
        for entity_id in media
        if entity_id in with_media_word or _is_media(names.get(entity_id, []), {"agency"})
    }
    covered = bytearray(len(text) + 1)
    for mention in mentions:
        covered[mention.span.start : mention.span.end] = b"\x01" * len(mention.span.text)
    context = _Context(
        doc, text, sorted(mentions, key=lambda m: m.span.start), sentences, dateline_end
    )
    documents: list[_Document] = []
    added: list[Mention] = []
    for token in map(doc.__getitem__, with_pos(doc, "PRON", "NOUN")):
        if covered[token.idx]:
            continue
        lower = token.lower_
        found: Mention | None = None
        if token.pos_ == "PRON" and lower in _PERSONAL:
            found = _pronoun(token, context, types, gender_of)
        elif token.tag_ == "NN" and token.lemma_.lower() in _MEDIA_HEADS | _LETTER_HEADS:
            # one document: "the accounts of 300 farmers" are no report
            found = _document(text, token, context.before(token.idx), names, media, documents, ids)
            if found is not None:
                covered[found.span.start : found.span.end] = b"\x01" * len(found.span.text)
        elif token.pos_ == "NOUN" and _unnamed_person_head(token):
            person = _unnamed_person(text, token, ids)
            if person is not None:
                found = person.mentions[0]
                unnamed.append(person)
                types[person.id] = "PERSON"
                head_gender = word_gender(token.lemma_)
                if head_gender is not None:
                    gender_of[person.id] = head_gender
                covered[found.span.start : found.span.end] = b"\x01" * len(found.span.text)
        elif token.pos_ == "NOUN" and lower in _GROUP_HEADS:
            found = _group_nominal(text, token, context.before(token.idx), types, media, sentences)
        elif token.pos_ == "NOUN" and token.tag_ == "NN" and _kind_head(lower):
            found = _kind_nominal(text, token, context.before(token.idx), types, outlets, sentences)
        if found is not None:
            added.append(found)
            context.add(found)
    entities = tuple(_document_entity(document) for document in documents)
    people = tuple(_with_pronouns(person, added) for person in unnamed)
    ordered = sorted((*entities, *people), key=lambda e: int(e.id[len(id_prefix) :]))
    return sorted(mentions + added, key=lambda m: m.span.start), tuple(ordered)


class _Ids:
    """New entity ids after the named entities' (``e12``, ``e13``...), in order of creation."""

    def __init__(self, prefix: str, used: int) -> None:
        self.prefix = prefix
        self.used = used

    def next(self) -> str:
        self.used += 1
        return f"{self.prefix}{self.used}"


def _unnamed_person_head(token: Token) -> bool:
    """``official`` in ``a senior official said``: a person noun, indefinite, subject."""
    lemma = token.lemma_.lower()
    if lemma not in _PERSON_HEADS and lemma not in lexicon().role_nouns:
        return False
    determiner = _determiner(token) or next(
        (c for c in token.children if c.dep_ == "nummod" and c.lower_ == "one" and c.i < token.i),
        None,
    )  # "said one resident": the parser reads "one" as a number
    return (
        token.dep_ in {"nsubj", "nsubjpass"}
        and determiner is not None
        and determiner.lower_ in _INDEFINITE
        and token.tag_ == "NN"
    )


def _unnamed_person(text: str, token: Token, ids: _Ids) -> Entity | None:
    """A PERSON entity for an unnamed person (``a senior official``), named by its phrase: the
    determiner, the modifiers before the noun, and a phrase after it that says whose person it
    is (``of the ministry``, ``for the company``, ``at the embassy``, ``close to the
    campaign``)."""
    modifiers = {"det", "amod", "compound", "nummod"}
    left = [c for c in token.children if c.i < token.i and c.dep_ in modifiers]
    start = min([token.idx, *(child.idx for child in left)])
    end = token.idx + len(token.text)
    for child in token.children:
        if child.i != token.i + 1:
            continue
        affiliation = child.dep_ == "prep" and child.lower_ in _AFFILIATION
        # "a person close to the campaign": an adjective with its own phrase after the noun
        related = child.dep_ == "amod" and any(c.dep_ == "prep" for c in child.children)
        if affiliation or related:
            last = child.right_edge.i
            comma = comma_before_relative(token.doc, token.i, last)
            last_word = token.doc[last if comma is None else comma - 1]
            end = last_word.idx + len(last_word.text)
    span = Span.of(text, start, end)
    entity_id = ids.next()
    mention = Mention(
        span,
        "PERSON",
        "nominal",
        EXTRACTOR,
        entity_id,
        Resolution("an unnamed person introduced as the subject of a clause"),
    )
    return Entity(
        id=entity_id,
        type="PERSON",
        name=span.text,
        extractor=EXTRACTOR,
        aliases=(SurfaceForm(span.text, 1),),
        mentions=(mention,),
    )


def _with_pronouns(person: Entity, added: list[Mention]) -> Entity:
    linked = tuple(m for m in added if m.entity_id == person.id and m.kind == "pronoun")
    return dataclasses.replace(person, mentions=person.mentions + linked)


class _Context:
    """Mentions so far, sorted by position, with each one's sentence and grammatical role."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        mentions: list[Mention],
        sentences: _Sentences,
        dateline_end: int = 0,
    ) -> None:
        self.doc = doc
        self.doc_text = text
        self.sentences = sentences
        self.mentions = mentions
        self.starts = [m.span.start for m in mentions]
        self._starts_of: dict[str, list[int]] = {}
        for mention in mentions:
            if mention.entity_id:
                self._starts_of.setdefault(mention.entity_id, []).append(mention.span.start)
        self._roles: dict[tuple[int, int], tuple[str, int]] = {}
        self.dateline_end = dateline_end
        """Where the dateline ends: its mentions are no pronoun's antecedent."""
        self.own_agencies = {
            m.entity_id
            for m in mentions
            if m.entity_id and m.span.end <= dateline_end and m.label == "ORG"
        }
        """The agency the dateline credits: the story's writer, never what "it" stands for
        ("Reuters could not verify the reports. In its evening report, the army ...")."""

    def add(self, mention: Mention) -> None:
        index = bisect.bisect_left(self.starts, mention.span.start)
        self.starts.insert(index, mention.span.start)
        self.mentions.insert(index, mention)
        if mention.entity_id:
            bisect.insort(self._starts_of.setdefault(mention.entity_id, []), mention.span.start)

    def before(self, offset: int) -> list[Mention]:
        return self.mentions[: self.count_before_offset(offset)]

    def count_before_offset(self, offset: int) -> int:
        """How many mentions start before ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def mentions_of_before(self, entity_id: str, offset: int) -> int:
        """How many mentions of ``entity_id`` start before ``offset`` (in about log time: a
        pronoun's salience count, once a count over every earlier mention per pronoun)."""
        return bisect.bisect_left(self._starts_of.get(entity_id, ()), offset)

    def role(self, mention: Mention) -> tuple[str, int]:
        """The dependency label and head index of the mention's root token; a name set in
        apposition to a subject has the subject's ("Whitcombe's lawyer, Marsha Klein, said")."""
        key = (mention.span.start, mention.span.end)
        if key not in self._roles:
            span = self.doc.char_span(key[0], key[1], alignment_mode="expand")
            if span is None:
                self._roles[key] = ("", -1)
            else:
                root = span.root
                # "Sarah Whitlock KC told jurors": the parser heads the phrase with the letters
                # after the name, which the mention leaves out; the name has their role
                after = root.head
                if (
                    root.dep_ == "compound"
                    and after.i == span.end
                    and lexicon().is_postnominal(after.text)
                ):
                    root = after
                # up an apposition, and a conjunct the parser made of it ("Outside court, one
                # victim, Margaret Hughes, said she": "victim" a conjunct of "court"), to the
                # subject it stands beside; coordinated subjects are subjects too
                climb = root
                for _ in range(_APPOSITION_CLIMB):
                    if climb.dep_ not in ("appos", "conj") or climb.head is climb:
                        break
                    climb = climb.head
                    if climb.dep_ in ("nsubj", "nsubjpass"):
                        root = climb
                        break
                self._roles[key] = (root.dep_, root.head.i)
        return self._roles[key]


def _determiner(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in {"det", "poss"} and child.i < token.i:
            return child
    return None


def _pronoun(
    token: Token, context: _Context, types: dict[str, str], genders: dict[str, Gender]
) -> Mention | None:
    agreement = _AGREEING[_PERSONAL[token.lower_]]
    gender = _PRONOUN_GENDER.get(token.lower_)
    sentences = context.sentences
    here = sentences.of(token.idx)
    earlier = context.count_before_offset(token.idx)
    own_head = token.head.head.i if token.dep_ == "pobj" else token.head.i
    object_pronoun = token.dep_ in {"dobj", "pobj", "iobj"} and not token.lower_.endswith("self")
    if agreement is _AGREEING["plural"] and (
        _plural_subject_before(token, context, types) or _people_before(token, context)
    ):
        return None
    # "The ministry issued a statement. 'They have no right,' said a farmer": a speaker's
    # "they" mostly means people of the speaker's own story; an organisation named outside
    # the quote is not taken for it. So a speaker's "it" ("'It's a soft one, and everyone knew
    # it,' Dyche said" after "Everton"): the thing or event being talked about far more often
    # than a team, firm or country named before the quote opened.
    quoted_from = (
        _quote_start(context.doc_text, token.idx)
        if agreement is _AGREEING["plural"] or token.lower_ == "it"
        else None
    )
    scored: dict[str, tuple[float, Mention, bool]] = {}
    setting: set[str] = set()
    for index in range(earlier - 1, -1, -1):
        mention = context.mentions[index]
        if mention.entity_id is None or mention.span.start < context.dateline_end:
            continue
        if mention.entity_id in context.own_agencies:
            continue
        distance = here - sentences.of(mention.span.start)
        if distance >= len(_RECENCY) or (
            quoted_from is not None and mention.span.start < quoted_from
        ):
            break
        label = "DOCUMENT" if mention.label == "DOCUMENT" else types.get(mention.entity_id, "")
        if label not in agreement:
            continue
        known = genders.get(mention.entity_id)
        if gender is not None and known is not None and known != gender:
            continue
        dep, head = context.role(mention)
        subject = dep in {"nsubj", "nsubjpass"}
        if subject and object_pronoun and head == own_head:
            continue
        score = _RECENCY[distance] + (_SUBJECT_BONUS if subject else 0.0)
        if label == "GPE" and dep == "pobj" and context.doc[head].lower_ in _SETTING_PREPOSITIONS:
            setting.add(mention.entity_id)
        frequency = context.mentions_of_before(mention.entity_id, token.idx)
        score += _FREQUENCY_BONUS * min(frequency, _FREQUENCY_CAP)
        score += _POSITION_BONUS * sentences.position(mention.span.start)
        previous = scored.get(mention.entity_id)
        if previous is None or score > previous[0]:
            scored[mention.entity_id] = (score, mention, subject)
    family = _relative_family_name(token)
    if family is not None:
        # "His wife, Karen Brennan": the pronoun is the Brennan named before, when there is one
        kin = {
            mention.entity_id
            for mention in context.mentions[:earlier]
            if mention.entity_id in scored and mention.span.text.split()[-1] == family
        }
        scored = {entity: value for entity, value in scored.items() if entity in kin} or scored
    if not scored:
        return None
    if token.lower_ == "it" and _thing_before(token, context, scored, here):
        return None
    ranked = sorted(scored.items(), key=lambda item: -item[1][0])
    if token.lower_ == "its" and setting:
        penalised = sorted(
            scored.items(),
            key=lambda item: -(item[1][0] - (_SETTING_PENALTY if item[0] in setting else 0.0)),
        )
        if types.get(penalised[0][0]) != "GPE":
            # the penalty only lets an organisation pass a place, never picks among places
            ranked = [
                (entity, (score - (_SETTING_PENALTY if entity in setting else 0.0), found, sub))
                for entity, (score, found, sub) in penalised
            ]
    best_id, (best_score, antecedent, subject) = ranked[0]
    alternatives = tuple(e for e, (s, _, _) in ranked[1:] if best_score - s <= _ALTERNATIVE_MARGIN)
    ambiguous = len(ranked) > 1 and best_score - ranked[1][1][0] < _AMBIGUOUS_MARGIN
    back = here - sentences.of(antecedent.span.start)
    agrees = types.get(best_id, antecedent.label)
    if gender is not None and genders.get(best_id) == gender:
        agrees = f"{agrees} ({gender})"
    reason = (
        f"pronoun {token.text!r} agrees with {agrees} {best_id}; "
        f"most salient earlier {'subject' if subject else 'mention'} ({back} sentences back)"
    )
    return Mention(
        Span.of(context.doc_text, token.idx, token.idx + len(token.text)),
        antecedent.label,
        "pronoun",
        EXTRACTOR,
        None if ambiguous else best_id,
        Resolution(reason, antecedent.span, alternatives, ambiguous),
    )


def _quote_start(text: str, offset: int) -> int | None:
    """Where the direct quote around ``offset`` opens in its paragraph, or None outside one."""
    paragraph = text.rfind("\n", 0, offset) + 1
    opening: int | None = None
    for index in range(paragraph, offset):
        char = text[index]
        if char in _OPENING_QUOTES or (char == '"' and opening is None):
            opening = index
        elif char in _CLOSING_QUOTES or char == '"':
            opening = None
    return opening


# Kin nouns; resolve reads them too (a relative named after someone keeps no shared surname).
KIN_NOUNS = frozenset(
    {"wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow",
     "widower", "grandson", "granddaughter", "grandfather", "grandmother", "nephew", "niece",
     "stepson", "stepdaughter"}
)  # fmt: skip


def _relative_family_name(token: Token) -> str | None:
    """The family name of the relative a possessive pronoun owns when the relative is named in
    apposition (``His wife, Karen Brennan``, ``Her son, Richard Hale``): news names a spouse
    or a child so, and they mostly share the pronoun's person's family name."""
    head = token.head
    if token.dep_ != "poss" or head.lemma_.lower() not in KIN_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON" and child.i > head.i:
            return str(child.text)
    return None


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Quantifiers that stand alone for several people or things ("Many said they supported new
# housing"): a plural subject no entity is, like a plural noun.
_QUANTIFIERS = frozenset({"many", "some", "others", "most", "few", "several", "both", "all"})


# People nouns, besides the unnamed-person heads, the kin nouns and the lexicon's role nouns,
# that a "they" or "their" after them in their sentence mostly stands for ("froze the accounts
# of 300 farmers, leaving their families"): general English, written for issue 15's probes.
_PEOPLE_NOUNS = frozenset(
    {"people", "customer", "client", "depositor", "borrower", "voter", "citizen", "investor",
     "shareholder", "patient", "parent", "child", "family", "refugee", "migrant", "civilian",
     "user", "consumer", "tenant", "victim", "activist", "official", "lawmaker"}
)  # fmt: skip


def _thing_before(
    token: Token, context: _Context, scored: dict[str, tuple[float, Mention, bool]], here: int
) -> bool:
    """A singular common noun, the subject or object of a verb, comes before "it" in its
    sentence and no entity "it" agrees with is named there ("Abubakar rejected the result and
    said he would challenge it", the electoral commission three sentences back): the pronoun
    is more likely the thing's, and it is left unresolved rather than guessed."""
    sentences = context.sentences
    if any(sentences.of(found.span.start) == here for _, found, _ in scored.values()):
        return False
    named = context.mentions[
        context.count_before_offset(token.sent.start_char) : context.count_before_offset(token.idx)
    ]
    return any(
        word.tag_ == "NN"
        and word.dep_ in _THING_ROLES
        and not any(m.span.start <= word.idx < m.span.end for m in named)
        for word in token.doc[token.sent.start : token.i]
    )


def _people_before(token: Token, context: _Context) -> bool:
    """A plural noun of people (not part of a name) comes before a plural pronoun in its
    sentence (``The farmers borrowed from Northgate Bank to pay their debts``, ``sued the two
    brothers over their loans``): the pronoun is more likely theirs than an organisation's, and
    it is left unresolved rather than guessed."""
    named = context.before(token.idx)
    for word in token.doc[token.sent.start : token.i]:
        if word.tag_ != "NNS":
            continue
        lemma = word.lemma_.lower()
        people = (
            lemma in _PEOPLE_NOUNS
            or lemma in _PERSON_HEADS
            or lemma in KIN_NOUNS
            or lemma in lexicon().role_nouns
        )
        if people and not any(m.span.start <= word.idx < m.span.end for m in named):
            return True
    return False


def _plural_subject_before(token: Token, context: _Context, types: dict[str, str]) -> bool:
    """The last subject before a plural pronoun that is not itself a pronoun nor one person, in
    its sentence or the one before (its main clause first), names several people that no entity
    stands for: two people joined by ``and`` (``Xi and Putin pledged to deepen their ties``) or
    a plural common noun or a quantifier (``Analysts at Jefferies said they``, ``Patients are
    waiting, and they``, ``Many said they``). The pronoun is theirs, not an organisation's
    mentioned earlier: it is left unresolved."""
    sentence = token.sent
    start = sentence.start
    if start > 0:
        start = context.doc[start - 1].sent.start
    first = context.doc[start].idx
    named = [
        mention
        for mention in context.mentions[
            context.count_before_offset(first) : context.count_before_offset(token.idx)
        ]
        if mention.entity_id is not None
    ]

    def person(word: Token) -> str | None:
        for mention in named:
            if mention.span.start <= word.idx < mention.span.end:
                return mention.entity_id if types.get(mention.entity_id or "") == "PERSON" else ""
        return None

    # Nearest first in the pronoun's own sentence; in the sentence before, the main clause's
    # first ("Analysts said they expected the drug to be approved. They cut ..." is the
    # analysts), then the nearest ("She said drugmakers had too much sway. They ...").
    previous = context.doc[start : sentence.start]
    before = [
        *reversed(context.doc[sentence.start : token.i]),
        *(previous.root.children if len(previous) else ()),
        *reversed(previous),
    ]
    for word in before:
        if word.dep_ not in _SUBJECTS or word.tag_ == "PRP":
            continue
        conjuncts = [word, *(child for child in word.children if child.dep_ == "conj")]
        people = {person(conjunct) for conjunct in conjuncts} - {None, ""}
        if len(conjuncts) == 1 and people:
            continue  # one person is never "they": the subject before is looked at
        plural = word.tag_ == "NNS" or word.lower_ in _QUANTIFIERS
        return len(people) >= 2 or (plural and person(word) is None)
    return False


def _named_before(
    token: Token, context: list[Mention], sentences: _Sentences
) -> Iterator[tuple[str, Mention]]:
    """The mentions with an entity (and its id) before a nominal (``the group``, ``the
    ministry``), nearest first, within ``_GROUP_WINDOW`` sentences, leaving out those of the
    phrase set before it in its own clause (:func:`_fronted_adjunct`)."""
    here = sentences.of(token.idx)
    fronted = _fronted_adjunct(token)
    for mention in reversed(context):
        entity_id = mention.entity_id
        if mention.span.start >= token.idx or entity_id is None:
            continue
        if here - sentences.of(mention.span.start) > _GROUP_WINDOW:
            return
        if fronted is not None and fronted[0] <= mention.span.start < fronted[1]:
            continue
        yield entity_id, mention


def _group_nominal(
    text: str,
    token: Token,
    context: list[Mention],
    types: dict[str, str],
    media: set[str],
    sentences: _Sentences,
) -> Mention | None:
    determiner = _determiner(token)
    if determiner is None or determiner.lower_ != "the" or determiner.i != token.i - 1:
        return None
    for entity_id, mention in _named_before(token, context, sentences):
        if types.get(entity_id) == "ORG" and entity_id not in media:
            if _unnamed_name_between(token, mention, context, None):
                return None
            start = determiner.idx
            return Mention(
                Span.of(text, start, token.idx + len(token.text)),
                "ORG",
                "nominal",
                EXTRACTOR,
                entity_id,
                Resolution(
                    f"'the {token.text}' names the organisation mentioned last", mention.span
                ),
            )
    return None


def _kind_head(word: str) -> bool:
    return word in _BODY_HEADS or word in _GENERIC_COMPANY or word in company_nouns()


def _kind_nominal(
    text: str,
    token: Token,
    context: list[Mention],
    types: dict[str, str],
    media: set[str],
    sentences: _Sentences,
) -> Mention | None:
    """``the ministry``, ``the budget office``, ``the company``: the organisation of that kind
    named within the last few sentences. A body's noun (and every modifier before it) must be
    a word of the name (``the ministry`` → ``Ministry of Health``, ``the budget office`` →
    ``Congressional Budget Office``); a generic business noun (``the company``) takes a name
    with no word of a public body (``Kestrel Resources``). Two such organisations compete: the
    nominal is left unresolved, marked ambiguous. News outlets and places are never taken, and
    a search for ``the agency`` stops at a news outlet (``Reuters ... the agency said``)."""
    determiner = _determiner(token)
    if determiner is None or determiner.lower_ != "the":
        return None
    between = token.doc[determiner.i + 1 : token.i]
    if any(word.head.i != token.i or word.dep_ not in ("compound", "amod") for word in between):
        return None
    if any(
        child.i > token.i
        and (child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in _AFFILIATION))
        for child in token.children
    ):
        return None  # "the department of agriculture", "the company, Kestrel": named here
    head = token.lower_
    lex = lexicon()
    modifiers = {word.lower_ for word in between}
    found: dict[str, Mention] = {}
    for candidate, mention in _named_before(token, context, sentences):
        if candidate in media:
            if head in _MEDIA_WORDS:
                break
            continue
        if types.get(candidate) != "ORG" or mention.label != "ORG":
            continue
        words = {word.lower() for word in re.findall(r"\w+", mention.span.text)}
        if head in _GENERIC_COMPANY:
            if modifiers or words & (_PUBLIC_WORDS | institution_nouns()):
                continue
            if not words & (_BUSINESS_WORDS | lex.trade_words | lex.legal_forms | company_nouns()):
                continue
        elif head not in words or not modifiers <= words:
            continue
        if not found and _rival_between(token, mention, head, words):
            return None  # "the appeals court ruling ... the court's chief judge": another court
        if not found and _unnamed_name_between(
            token, mention, context, None if head in _GENERIC_COMPANY else head
        ):
            return None
        found.setdefault(candidate, mention)
    if not found:
        return None
    span = Span.of(text, determiner.idx, token.idx + len(token.text))
    (entity_id, antecedent), *others = found.items()
    if others:
        rivals = tuple(other for other, _ in others)
        reason = f"{span.text!r} fits several organisations named last ({entity_id}, " + (
            ", ".join(rivals) + "): left unresolved"
        )
        return Mention(
            span, "ORG", "nominal", EXTRACTOR, None,
            Resolution(reason, antecedent.span, (entity_id, *rivals), True),
        )  # fmt: skip
    fits = "a business" if head in _GENERIC_COMPANY else f"its name holds {head!r}"
    reason = f"{span.text!r} names the organisation of that kind mentioned last ({fits})"
    return Mention(
        span, "ORG", "nominal", EXTRACTOR, entity_id, Resolution(reason, antecedent.span)
    )  # fmt: skip


# Where a proper-noun phrase stands for a thing a nominal can name: an argument of a verb or
# preposition, a possessor, a conjunct, or a modifier of a common noun ("OPEC+ sources").
_NAME_PLACES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos"})


def _unnamed_name_between(
    token: Token, antecedent: Mention, context: list[Mention], head: str | None
) -> bool:
    """A proper-noun phrase that no mention covers, written between the antecedent and the
    nominal where a name stands ("Shares of Meridian Chips fell after the company warned", a
    name the entity model missed): the nominal may name it, so the organisation named before
    it is not taken. ``head``, for a body's noun (``the ministry``), must be a word of the
    phrase; None takes any phrase (a business, a group). Names of people, places and dates
    (typed by the entity model) and titles ("Chief Executive Rita Vance") never compete."""
    doc = token.doc
    spans = [(m.span.start, m.span.end) for m in context]
    titles = lexicon().titles
    index = token.i - 1
    while index >= 0 and doc[index].idx >= antecedent.span.end:
        word = doc[index]
        index -= 1
        if word.pos_ != "PROPN" or word.ent_type_ not in ("", "ORG"):
            continue
        if any(start <= word.idx < end for start, end in spans) or (word.lower_,) in titles:
            continue
        top = word
        while top.dep_ in ("compound", "flat") and top.head.pos_ == "PROPN":
            top = top.head
        if any(start <= top.idx < end for start, end in spans):
            continue  # a word of a name the entity layer has ("Meridian" of "Meridian Chips")
        placed = top.dep_ in _NAME_PLACES or (
            top.dep_ in ("compound", "amod") and top.head.pos_ == "NOUN"
        )
        if not placed:
            continue
        if head is None or head in {w.lower_ for w in doc[top.left_edge.i : top.i + 1]}:
            return True
    return False


def _rival_between(token: Token, antecedent: Mention, head: str, name: set[str]) -> bool:
    """The same noun, with a modifier the name lacks, written between the organisation's name
    and the nominal (``the appeals court`` between ``Supreme Court`` and ``the court``): an
    unnamed body of that kind competes."""
    for word in reversed(token.doc[: token.i]):
        if word.idx < antecedent.span.end:
            break
        if word.lower_ != head:
            continue
        modifiers = {c.lower_ for c in word.children if c.dep_ in ("compound", "amod")}
        if modifiers - name:
            return True
    return False


def _fronted_adjunct(subject: Token) -> tuple[int, int] | None:
    """Characters of the phrase set before ``subject`` in its own clause ("In a statement
    posted on Telegram, the group said"). "The group" names the topic carried over from
    before, never a name this clause has only just brought in."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return None
    fronted = [
        child
        for child in subject.head.children
        if child.i < subject.i and child.dep_ in ("prep", "advcl", "npadvmod")
    ]
    if not fronted:
        return None
    first = min(child.left_edge.idx for child in fronted)
    last = max(child.right_edge.idx + len(child.right_edge) for child in fronted)
    return first, last


def _document(
    text: str,
    token: Token,
    context: list[Mention],
    names: dict[str, list[str]],
    media: set[str],
    documents: list[_Document],
    ids: _Ids,
) -> Mention | None:
    head = token.lemma_.lower()
    head_class = "media" if head in _MEDIA_HEADS else "letter"
    left = [child for child in token.children if child.i < token.i]
    determiner = _determiner(token)
    start = min(
        [
            token.idx,
            *(child.idx for child in left if child.dep_ in {"det", "amod", "compound", "poss"}),
        ]
    )
    span = Span.of(text, start, token.idx + len(token.text))
    named_outlet = next(
        (m for m in context if m.entity_id and m.span.start >= start and m.span.end <= token.idx),
        None,
    )
    indefinite = determiner is None or determiner.lower_ not in _DEFINITE
    if named_outlet is None and indefinite and (head_class == "media" or determiner is None):
        # "an accurate account" is no document to refer back to; "a letter" is.
        return None
    document: _Document | None = None
    why = ""
    if named_outlet is not None:
        document = next(
            (
                d
                for d in documents
                if d.outlet == named_outlet.entity_id and d.head_class == head_class
            ),
            None,
        )
        why = "names its outlet"
        if document is None:
            document = _new_document(
                documents, head_class, named_outlet, names, ids, head, "the phrase names its outlet"
            )
    else:
        same_class = [d for d in documents if d.head_class == head_class]
        definite = determiner is not None and determiner.lower_ in _DEFINITE
        if same_class and definite:
            document = max(same_class, key=lambda d: d.mentions[-1].span.start)
            why = "the document of this kind mentioned last"
        else:
            outlet = None
            if head_class == "media" and definite:
                outlet = next(
                    (m for m in reversed(context) if m.entity_id in media and m.span.start < start),
                    None,
                )
            document = _new_document(
                documents, head_class, outlet, names, ids, head, "the news outlet mentioned last"
            )
            why = "the news outlet mentioned last" if outlet else "a new document"
    prefix = f"document of {document.outlet} " if document.outlet else ""
    mention = Mention(
        span,
        "DOCUMENT",
        "nominal",
        EXTRACTOR,
        document.id,
        Resolution(f"{prefix}({why})", document.outlet_span),
    )
    document.mentions.append(mention)
    return mention


def _new_document(
    documents: list[_Document],
    head_class: str,
    outlet: Mention | None,
    names: dict[str, list[str]],
    ids: _Ids,
    head: str,
    reason: str = "",
) -> _Document:
    """A new document entity, named by its outlet and kind: a news outlet's document is its
    "report" whatever the article calls it ("story", "article"), any other by its own noun
    ("statement", "memo", "letter")."""
    outlet_id = outlet.entity_id if outlet is not None else None
    outlet_name = Counter(names.get(outlet_id or "", [])).most_common(1)
    label = "report" if head_class == "media" else head
    name = f"{outlet_name[0][0]} {label}" if outlet_name else label
    document = _Document(
        ids.next(),
        head_class,
        outlet_id,
        outlet.span if outlet is not None else None,
        name,
        f"{reason}: {outlet.span.text!r}" if outlet is not None else "",
    )
    documents.append(document)
    return document


def _document_entity(document: _Document) -> Entity:
    forms = Counter(m.span.text for m in document.mentions)
    relations = (
        (EntityRelation("publisher", document.outlet, document.publisher_reason),)
        if document.outlet
        else ()
    )
    return Entity(
        id=document.id,
        type="DOCUMENT",
        name=document.name,
        extractor=EXTRACTOR,
        aliases=tuple(SurfaceForm(text, count) for text, count in forms.most_common()),
        mentions=tuple(document.mentions),
        relations=relations,
    )
