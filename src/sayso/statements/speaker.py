"""Who speaks, to whom, and what kind of source that is.

The speaker is a noun phrase in the parse (the subject of the cue, the object of "according
to"); its entity comes from the entity layer's mention that covers the phrase's head, so
pronouns and nominals ("the report") resolve through coreference done elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from sayso.nlp.phrases import comma_before_relative
from sayso.records import Entity, Mention
from sayso.records.model import HopRole
from sayso.statements.carriers import MEDIA_PIECES, relays
from sayso.statements.intervals import RangeIndex
from sayso.statements.lexicons import Lexicons, load_lexicons

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ADDRESS_VERBS = frozenset(
    {"tell", "inform", "assure", "remind", "warn", "ask", "brief", "advise", "write", "say"}
)
_INDEFINITE = frozenset(
    {"a", "an", "one", "some", "several", "two", "three", "many", "few", "other", "another"}
)
_FIRST_PERSON = frozenset({"i", "me", "we", "us"})
_SELF_NOUNS = frozenset(
    {"newspaper", "paper", "publication", "magazine", "website", "site", "outlet", "station",
     "broadcaster", "network", "programme", "program", "reporter", "correspondent", "journalist"}
)  # fmt: skip
"""Nouns by which a story names its own outlet or writer: "this newspaper", "this reporter"."""
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_MAX_SPEAKER_TOKENS = 25  # longer subtrees are parse errors more often than real speakers


def phrase_span(head: Token) -> tuple[int, int]:
    """Characters of the noun phrase headed by ``head``, cut before a relative clause of its
    own or one set off by a comma further in ("an official at the operator, who asked not to
    be named, said": the parser hangs "who" from the nearer noun)."""
    first, last = head.left_edge.i, head.right_edge.i
    doc = head.doc
    for child in head.children:
        if child.dep_ in ("relcl", "acl") and child.i > head.i and not _named_aim(head, child):
            last = min(last, child.left_edge.i - 1)
    comma = comma_before_relative(doc, head.i, last)
    if comma is not None:
        last = comma - 1
    medium = _medium_after_inverted_subject(head)
    if medium is not None:
        last = min(last, medium.left_edge.i - 1)
    for token in doc[head.i + 1 : last + 1]:
        if token.dep_ == "relcl" and _who_clause_on_a_nearer_noun(token):
            last = token.left_edge.i - 1
            break
    for token in doc[head.i + 1 : last + 1]:
        if relays(token) and any(c.dep_ == "agent" for c in token.children):
            # "a source in the delegation quoted by Ukrainska Pravda": the participle hangs
            # from a nearer noun; the medium is a carrier hop (:func:`.carriers.relayed_by`)
            last = token.left_edge.i - 1
            break
    # a noun phrase never runs over a colon ("Okafor: No. I have met them": the label of a
    # transcript turn, parsed with the answer's first word)
    last = next((t.i - 1 for t in doc[head.i + 1 : last + 1] if t.text == ":"), last)
    first = next((t.i + 1 for t in reversed(doc[first : head.i]) if t.text == ":"), first)
    # nor starts with the day of an opening phrase the parser took into it ("Appearing before
    # the committee on Wednesday, Ofwat chief executive David Lorne said")
    comma = next((t.i for t in doc[first : head.i] if t.text == ","), None)
    if (
        comma is not None
        and comma > first
        and all(t.ent_type_ in ("DATE", "TIME") for t in doc[first:comma])
    ):
        first = comma + 1
    if last - first >= _MAX_SPEAKER_TOKENS:
        first, last = max(first, head.i - 3), head.i
    while (joined := _hyphen_joined(doc, first)) is not None:
        first = joined  # "study co-author Ana Ruiz", parsed apart at the hyphen
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    words = [t.text for t in doc[first : last + 1]]
    if words.count("(") > words.count(")"):
        # "The World Food Programme (WFP)", not "... (WFP"; "Bernie Sanders (Vt.)", over the
        # abbreviation's point
        close = last + 1
        while close < min(last + 3, len(doc)) and doc[close].text == ".":
            close += 1
        if close < len(doc) and doc[close].text == ")":
            last = close
    return doc[first].idx, doc[last].idx + len(doc[last])


_MEDIUM_PREPOSITIONS = frozenset({"in", "on", "during"})
_MESSAGES = frozenset(
    {"release", "email", "letter", "post", "tweet", "memo", "note", "speech", "communique",
     "blog", "message"}
)  # fmt: skip
"""Messages a speaker sends ("said ... in a news release"), beside the nouns of saying and the
pieces of media a saying is made in; not depictions ("the man in the video")."""


def _medium_after_inverted_subject(head: Token) -> Token | None:
    """The "in a statement" of an inverted saying ("..., said Chief Executive Mark Lyle in a
    statement", "said the mayor in an interview with CNN"): the parser hangs it from the
    subject after the verb, but it says where the saying was made, so the speaker's phrase
    ends before it. Only after a verb: "the man in the video said" is the man in the video."""
    if head.dep_ != "nsubj" or head.head.i > head.i:
        return None
    nouns = load_lexicons().cue_nouns | _MESSAGES | MEDIA_PIECES
    for child in head.children:
        if child.dep_ != "prep" or child.i < head.i or child.lower_ not in _MEDIUM_PREPOSITIONS:
            continue
        if any(o.dep_ == "pobj" and o.lemma_.lower() in nouns for o in child.children):
            return child
    return None


def _who_clause_on_a_nearer_noun(clause: Token) -> bool:
    """Whether a relative clause opened by "who" hangs from a common noun further in the
    phrase ("a person familiar with the deliberations who spoke on condition of anonymity"):
    the parser hangs it from the nearer noun, and the phrase's head is who it describes as
    often as not. Ending the phrase before it never changes whom the phrase names."""
    return clause.left_edge.lower_ in ("who", "whom") and clause.head.pos_ == "NOUN"


_NAME_JOINERS = frozenset({"to", "the", "of", "and", "for", "in", "on", "&"})


def _named_aim(head: Token, clause: Token) -> bool:
    """Whether an infinitive clause on a name is part of the name: "the Campaign to Protect
    Rural England", "the Committee to Protect Journalists" (every word capitalised but the
    joining ones, as names are written)."""
    if not head.text[:1].isupper() or (head.pos_ != "PROPN" and head.is_sent_start):
        return False  # (a capital opening a sentence says nothing; the tagger may say NOUN)
    words = head.doc[clause.left_edge.i : clause.right_edge.i + 1]
    if words[0].lower_ != "to" or len(words) < 2 or not words[1].text[:1].isupper():
        return False
    return all(w.text[:1].isupper() or w.lower_ in _NAME_JOINERS for w in words)


def _hyphen_joined(doc: Doc, first: int) -> int | None:
    """Where the phrase starts that a hyphen joins to the word at ``first`` ("co-" before
    "author", or "co" before "-author"), if one does."""
    if doc[first].text == "-" and first > 0 and not doc[first - 1].whitespace_:
        return doc[first - 1].left_edge.i
    glued = first > 1 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_
    if glued and not doc[first - 2].whitespace_:
        return doc[first - 2].left_edge.i
    return None


def addressee_of(verb: Token) -> Token | None:
    """Whom ``verb`` addresses: "told Putin", "said to reporters"."""
    if verb.lemma_.lower() not in _ADDRESS_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "dative" or (
            child.dep_ == "dobj" and child.pos_ in ("PROPN", "PRON", "NOUN")
        ):
            if child.dep_ == "dative" and child.lower_ == "to":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                return objects[0] if objects else None
            return child
        if child.dep_ == "prep" and child.lower_ == "to":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def mention_at(
    mentions: Sequence[Mention] | RangeIndex[Mention], start: int, end: int
) -> Mention | None:
    """The smallest mention overlapping ``[start, end)``, preferring ones with an entity (the
    first among equals). Give a RangeIndex of the mentions when asking many times."""
    best: Mention | None = None
    found = mentions.overlapping(start, end) if isinstance(mentions, RangeIndex) else mentions
    for mention in found:
        if mention.span.start < end and start < mention.span.end:
            key = (mention.entity_id is None, mention.span.end - mention.span.start)
            if best is None or key < (best.entity_id is None, best.span.end - best.span.start):
                best = mention
    return best


def is_first_person(head: Token) -> bool:
    """Whether the phrase is the reporter or the outlet speaking of itself ("told me", "we
    were told", "told this newspaper", "this reporter asked")."""
    if head.lower_ in _FIRST_PERSON:
        return True
    itself = head.lemma_.lower() in _SELF_NOUNS
    return itself and any(c.dep_ == "det" and c.lower_ == "this" for c in head.children)


def source_role(
    head: Token,
    lexicons: Lexicons,
    entity: Entity | None,
) -> HopRole:
    """What kind of source the phrase headed by ``head`` is."""
    lemma = head.lemma_.lower()
    words = {t.lower_ for t in head.subtree}
    if lemma in lexicons.document_nouns:
        return "document"
    entity_type = entity.type if entity is not None else head.ent_type_
    name_words = set((entity.name if entity is not None else head.text).lower().split())
    if entity_type == "ORG" or head.ent_type_ == "ORG":
        return (
            "media"
            if name_words & lexicons.media_words or words & lexicons.media_words
            else ("organisation")
        )
    if entity_type == "PERSON" and (entity is None or _named(entity)):
        return "person"
    if entity_type in ("NORP", "GPE"):
        return "group" if entity_type == "NORP" else "organisation"
    if media_noun(head, lexicons):
        return "media"
    if lemma in lexicons.anonymous_nouns or head.lemma_ in lexicons.anonymous_nouns:
        if any(c.dep_ == "poss" for c in head.children):
            return "group" if head.tag_ == "NNS" else "person"
        modified = any(c.dep_ in ("prep", "amod", "compound") for c in head.children)
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod")}
        indefinite = bool(determiners & _INDEFINITE) or not determiners
        if modified and indefinite and head.tag_ != "NNS":
            return "unnamed"
        return "anonymous"
    if head.lower_ in _PERSON_PRONOUNS or head.ent_type_ == "PERSON":
        return "person"
    if head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "them"):
        return "group"
    if head.pos_ == "PROPN":
        # "told BBC Radio Essex", of which NER named only "BBC Radio": a name with a medium's
        # word in it is a medium, not a person
        return "media" if _compound_words(head) & lexicons.media_words else "person"
    return "person" if head.pos_ == "PRON" else "organisation"


def _compound_words(head: Token) -> set[str]:
    """The lower-cased words of the name ``head`` ends (its compounds before it)."""
    return {t.lower_ for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"}


def media_noun(head: Token, lexicons: Lexicons) -> bool:
    """Whether an unnamed phrase is a medium by its own noun: "the newspaper", "state
    television", "the state news agency" (but not "the agency" alone, which is as often a
    government's)."""
    if head.pos_ != "NOUN" or head.lower_ not in lexicons.media_words:
        return False
    words = {t.lower_ for t in head.subtree if t.i <= head.i}
    return bool(words & lexicons.media_words - {"agency"})


def _named(entity: Entity) -> bool:
    """Whether the article names the entity (an unnamed person, ``a senior official``, is an
    entity of its own for coreference but no name)."""
    return any(m.kind in ("name", "acronym") for m in entity.mentions)


def entities_by_id(entities: Sequence[Entity]) -> Mapping[str, Entity]:
    """Entities keyed by id."""
    return {entity.id: entity for entity in entities}
