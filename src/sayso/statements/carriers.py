"""Who carried a statement between its speaker and the page, read from the parse of its sentence.

A carrier is a hop between the outlet and the speaker (:mod:`sayso.statements.chain`):

* "X was quoted by Reuters as saying ...", "Reuters quoted X as saying ...": X speaks,
  Reuters carries (:func:`quoted_as`);
* "the agency reported, citing (or quoting) the ministry, that ...", "according to the
  governor, citing police": the cited source speaks, the one who cites carries
  (:func:`cited_source`);
* "documents seen by Reuters show ...", "in a recording obtained by the Times, X can be
  heard saying ...": the outlet that saw or obtained the material carries it
  (:func:`carriers_in_sentence`);
* "residents interviewed by the Dispatch said ...", "voters polled by Gallup": the outlet that
  interviewed them carries it (same);
* "X described ..., as NPR's Ana Ruiz reported": the reporter carries it (same);
* "according to sources quoted by Al-Masirah", "said in a statement carried by Saba": the
  medium that quoted the speaker or carried the statement carries it (:func:`relayed_by`);
* "said in an interview with CNN", "argued in an op-ed published in the Register", "writing
  in the Financial Times", "said on NBC's 'Meet the Press'": the named medium the saying was
  made in (:func:`published_in`); "told CNN's 'State of the Union'": the network of the
  programme told (:func:`network_of_programme`).

Every function takes tokens of one parsed sentence and returns tokens: the heads of the noun
phrases that speak or carry.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_SEEING_VERBS = frozenset(
    {"see", "obtain", "review", "view", "acquire", "publish", "examine", "receive", "leak"}
)
"""Participles through which an outlet holds material ("documents seen by Reuters")."""
_INTERVIEWING_VERBS = frozenset({"interview", "contact", "reach", "poll", "survey"})
"""Participles through which an outlet gets people's words ("residents interviewed by the
Dispatch said"; not "questioned by police", whose words reach the page some other way)."""
_REPORTING_VERBS = frozenset({"report", "say", "write", "tell", "note", "reveal", "describe"})
"""Verbs of an "as X reported" clause that names who passed a statement on."""
_RELAYING_VERBS = frozenset({"quote", "carry", "cite", "relay", "broadcast", "air"})
"""Participles through which a medium passes on a speaker's words: "medical sources quoted by
Al-Masirah television", "a statement carried by the Saba news agency"."""
_CITING_VERBS = frozenset({"cite", "quote"})
"""Participles set off after a carrier that name whose words it passes on ("citing officials",
"quoting a military source")."""


def quoted_as(cue: Token) -> tuple[Token, Token | None] | None:
    """(speaker, carrier) of "X was quoted by Y as saying" and "Y quoted X as saying"; the
    carrier is None for a participle with no subject of its own ("SUNA said ..., quoting a
    spokesperson as saying"), whose carrier is the participle's doer, the cue's speaker."""
    preposition = cue.head
    if cue.dep_ != "pcomp" or preposition.lower_ != "as":
        return None
    verb = preposition.head
    if verb.lemma_.lower() != "quote":
        return None
    children = list(verb.children)
    passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        agent = next((c for c in children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        return (passive, by) if by is not None else None
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    quoted = next((c for c in children if c.dep_ == "dobj"), None)
    if quoted is None:
        return None
    if subject is None:
        return (quoted, None) if verb.tag_ == "VBG" and verb.dep_ in _PARTICIPLE_RELATIONS else None
    return quoted, subject


_PARTICIPLE_RELATIONS = frozenset({"advcl", "xcomp", "conj"})
"""How a set-off "quoting" hangs from the clause before it."""


def is_quoting_frame(verb: Token, relation: str) -> bool:
    """Whether ``verb`` is the "quoted ... as" of a "quoted X as saying" frame, whose report
    the "saying" cue makes (:func:`quoted_as`)."""
    return verb.lemma_.lower() == "quote" and relation in ("prep:as", "dobj")


def cited_source(cue: Token) -> Token | None:
    """The participle "citing" or "quoting" that names the source a cue passes on ("reported,
    citing the ministry, that ...", "SUNA, quoting a military source, reported that ..."),
    hung from the cue or from the first word of its clause."""
    candidates = list(cue.children)
    for child in cue.children:
        # an "advcl" too: the parser reads the "that" clause after a set-off "citing" as one
        if child.dep_ in ("ccomp", "xcomp", "advcl"):
            candidates.extend(child.children)
    for token in candidates:
        citing = token.lemma_.lower() in _CITING_VERBS and token.tag_ == "VBG" and token.i != cue.i
        if citing and any(c.dep_ == "dobj" for c in token.children) and not _as_saying(token):
            return token
    return None


def _as_saying(quoting: Token) -> bool:
    """Whether "quoting X" goes on "as saying ...": that saying is X's report, not the cue's."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "as"
        and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in child.children)
        for child in quoting.children
    )


def citation_object(citing: Token) -> Token:
    """The noun phrase a "citing" participle cites."""
    return next(c for c in citing.children if c.dep_ == "dobj")


def carriers_in_sentence(cue: Token, first: int, last: int, verbs: Sequence[int]) -> list[Token]:
    """Carriers the sentence of ``cue`` (token indices ``first..last``) names, outermost first.

    "In a recording obtained by the Times, X can be heard saying ...", "documents seen by
    Reuters show ...": the agent of a participle of seeing or obtaining; "X described ..., as
    NPR's Ana Ruiz reported": the subject of an "as" clause with a verb of reporting.
    ``verbs`` holds the indices of the document's verbs in order (the words looked at: a
    Token for every word of the sentence, for each of its statements, was a hot loop).
    """
    doc = cue.doc
    found: list[Token] = []
    for index in verbs[bisect.bisect_left(verbs, first) : bisect.bisect_right(verbs, last)]:
        if index == cue.i:
            continue
        token = doc[index]
        lemma = token.lemma_.lower()
        if (
            token.tag_ == "VBN"
            and token.dep_ == "acl"
            and lemma in _SEEING_VERBS | _INTERVIEWING_VERBS
        ):
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if by is not None:
                found.append(by)
        elif token.dep_ == "advcl" and lemma in _REPORTING_VERBS and _marked_as(token):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                found.append(subject)
    return found


def _marked_as(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


_RECORD_NOUNS = frozenset(
    {"data", "figures", "statistics", "estimates", "tally", "count", "records"}
)
"""Nouns of compiled records, beside the lexicon's documents, that someone makes and that
speak only through whoever made them ("according to data compiled by LSEG")."""


_PUTTING_OUT_VERBS = _SEEING_VERBS | frozenset(
    {"release", "issue", "provide", "distribute", "circulate", "share", "post", "send"}
)
"""Participles by which someone other than its author puts a document out ("a statement
released by the campaign", "a memo obtained by the Times")."""


def relays(participle: Token) -> bool:
    """Whether a participle is a medium's passing on of words ("sources quoted by Al-Masirah",
    "a statement carried by Saba")."""
    return (
        participle.dep_ == "acl"
        and participle.tag_ == "VBN"
        and participle.lemma_.lower() in _RELAYING_VERBS
    )


def _further_in(nouns: Sequence[Token]) -> list[Token]:
    """The objects of the prepositions after each of ``nouns`` ("the delegation" of "a source
    in the delegation")."""
    return [
        noun
        for head in nouns
        for prep in head.children
        if prep.dep_ == "prep" and prep.i > head.i
        for noun in prep.children
        if noun.dep_ == "pobj"
    ]


def relayed_by(cue: Token, speaker: Token | None, documents: frozenset[str]) -> list[Token]:
    """The media that the speaker's phrase or the cue's own words say passed the statement
    on: "according to medical sources quoted by Al-Masirah television", "said in a statement
    carried by the Saba news agency". Only a participle hung from the speaker or from the
    object of one of the cue's prepositions counts, so that a medium named elsewhere in the
    sentence is never another statement's carrier.

    A document (one of ``documents``) or a record that speaks is carried by whoever made it,
    whatever the verb ("according to data compiled by LSEG", "a study conducted by Harvard
    found"); one the speaker said something in is their own, carried only by whoever put it
    out ("said in a statement released by the campaign", not "contended in a letter written
    by its vice president")."""
    speaking = [speaker] if speaker is not None else []
    if cue.lower_ == "according":
        speaking.extend(c for to in cue.children for c in to.children if c.dep_ == "pobj")
    # the participle may hang from a noun further in the phrase: "a source in the delegation
    # quoted by Ukrainska Pravda" (the parser hangs "quoted" from "delegation"), "results of
    # the poll conducted by Edison Research"
    speaking += _further_in(speaking)
    said_in = [
        c for prep in cue.children if prep.dep_ == "prep" for c in prep.children if c.dep_ == "pobj"
    ]
    holders = speaking + said_in + _further_in(said_in)
    found: list[Token] = []
    for holder in holders:
        document = holder.lemma_.lower() in documents or holder.lower_ in _RECORD_NOUNS
        for participle in holder.children:
            if participle.dep_ != "acl" or participle.tag_ != "VBN":
                continue
            put_out = holder in speaking or participle.lemma_.lower() in _PUTTING_OUT_VERBS
            if not (relays(participle) or (document and put_out)):
                continue
            agent = next((c for c in participle.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if by is not None and by not in found:
                found.append(by)
    return found


MEDIA_PIECES = frozenset(
    {"interview", "op-ed", "oped", "column", "article", "essay", "editorial", "podcast",
     "broadcast", "programme", "program", "show", "appearance", "piece"}
)  # fmt: skip
"""Nouns of a piece of media a saying is made in ("said in an interview with CNN")."""
_PUBLISHING_VERBS = frozenset({"publish", "air", "broadcast", "run", "print", "post"})
"""Participles that place such a piece in a medium ("an op-ed published in the Register")."""
MEDIA_WORK_VERBS = (
    _SEEING_VERBS | _INTERVIEWING_VERBS | _RELAYING_VERBS | _PUBLISHING_VERBS | {"learn"}
)
"""Verbs of what a medium does with news ("BFMTV has learned", "Kommersant obtained"): an
organisation named doing them is not thereby a party to the events."""
_SETTING_OFF_SAYINGS = frozenset({"write", "speak", "talk"})
"""Participles set off before a cue that say where the saying was made ("writing in ...")."""
_NOT_MEDIA = frozenset({"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "EVENT"})
"""Names that say where or when a piece was made, not who carried it ("wrote in London")."""


def _media_piece(noun: Token) -> bool:
    """Whether ``noun`` names a piece of media ("interview"; "op-ed", split "op - ed")."""
    if noun.lemma_.lower() in MEDIA_PIECES:
        return True
    return noun.lower_ == "ed" and any(c.lower_ == "op" for c in noun.children)


def network_of_programme(noun: Token) -> Token | None:
    """The name owning a quoted title in ``noun``'s phrase: the network of a programme
    ("on NBC's "Meet the Press"", "told CNN's "State of the Union""). The parser makes either
    the title or the owner the head; either way the owner is a name with a possessive ending
    followed by an opening quotation mark and a capitalised word.
    """
    doc = noun.doc
    for owner in [noun, *(c for c in noun.children if c.dep_ == "poss")]:
        if owner.pos_ != "PROPN" or owner.ent_type_ != "ORG":
            continue  # a network is an organisation: a host's show ("Ana Ruiz's") is hers
        after = owner.right_edge.i + 1
        if doc[after - 1].tag_ != "POS":
            # "on Fox News’s “...”": the parser may hang the possessive ending elsewhere
            if after >= len(doc) or doc[after].tag_ != "POS":
                continue
            after += 1
        if after + 1 < len(doc) and doc[after].is_quote and doc[after + 1].is_title:
            return owner
    return None


def published_in(cue: Token) -> list[Token]:
    """The named medium a saying was made in, read off the cue's own phrase: "said in an
    interview with CNN", "argued in an op-ed published in the Des Moines Register", "wrote
    in a column for the Times", "wrote in the Financial Times", and a participle of writing or
    speaking set off before the cue ("Tony Adams, writing in his column for The Times, said").
    Only a name (a proper noun) counts: "in an interview with reporters" names no medium."""
    found: list[Token] = []
    sayers = [cue] + [
        c
        for c in cue.lefts
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in _SETTING_OFF_SAYINGS
    ]
    preps = [c for sayer in sayers for c in sayer.children if c.dep_ == "prep"]
    for prep in preps:
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            network = network_of_programme(noun) if prep.lower_ == "on" else None
            if network is not None:
                found.append(network)  # "said on NBC's "Meet the Press""
                continue
            written_in = prep.head.lemma_.lower() == "write" and prep.lower_ in ("in", "for")
            if written_in and noun.pos_ == "PROPN":
                found.append(noun)  # "wrote in the Financial Times"
                continue
            if prep.lower_ not in ("in", "during") or not _media_piece(noun):
                continue
            # "an interview with CNN", "a column for the Times" (not "a column on Biden"), or
            # a participle placing the piece ("published in", "aired on", "run by")
            holders: list[tuple[Token, tuple[str, ...]]] = [(noun, ("with", "for"))]
            holders += [
                (c, ("in", "on", "by"))
                for c in noun.children
                if c.dep_ == "acl" and c.lemma_.lower() in _PUBLISHING_VERBS
            ]
            for holder, prepositions in holders:
                for inner in (c for c in holder.children if c.dep_ == "prep"):
                    if inner.lower_ in prepositions:
                        found.extend(c for c in inner.children if c.dep_ == "pobj")
                    elif inner.lower_ == "on":  # "an interview on CNN's "State of the Union""
                        found.extend(
                            n
                            for c in inner.children
                            if c.dep_ == "pobj" and (n := network_of_programme(c)) is not None
                        )
    return [t for t in found if t.pos_ == "PROPN" and t.ent_type_ not in _NOT_MEDIA]
