"""Reported (indirect) speech from the dependency parse: a cue word and the clause it governs.

A verb is a cue for one of its clausal children (``ccomp``, ``xcomp``, ``dobj``) when the pair
``lemma|relation`` is a reporting verb with a complement clause (``cue_verbs.txt``) or was a cue
for that relation often enough in PolNeAR train (``cue_stats.json``). Nouns of ``cue_nouns.txt``
govern their ``acl``/``ccomp`` clause ("X's claim that ..."), "according to X" governs the
clause it modifies, and a parenthetical cue ("The plan, she said, will fail") reports the
sentence around it.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sayso.ingest.outlets import outlet_named
from sayso.nlp.doctext import doc_text
from sayso.statements.carriers import citation_object, cited_source, quoted_as
from sayso.statements.claim import ASKING_VERBS, HEARSAY_VERBS, reduced_hearsay, states_claim
from sayso.statements.cue_model import (
    PHRASE_PREFIX,
    load_cue_model,
    pair_features,
    phrase_features,
    quote_marks,
)
from sayso.statements.lexicons import Lexicons, load_lexicons
from sayso.statements.noise import (
    antecedent_of,
    evidence_without_speaker,
    is_not_a_statement,
    relative_clause,
    speaks_or_records,
    thing_acts,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_VERB_RELATIONS = ("ccomp", "xcomp", "dobj")
_NOUN_RELATIONS = ("acl", "ccomp")
_EDGE_PUNCT = frozenset(",.;:—–-")
_CLAUSE_JOINS = frozenset({":", ";", ",", "—", "–"})  # what may join two clauses of one cue
_DASHES = frozenset({"-", "--", "—", "–"})
# A learned pair counts as a cue when at least this share of its training occurrences were
# annotated as attributions, with at least _MIN_SEEN positives (tuned on PolNeAR dev).
_MIN_RATIO = 0.2
_MIN_SEEN = 3
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# What ends the clause a set-off participle trails ("..., adding", "...,” adding").
_SET_OFF_MARKS = frozenset({",", "”", '"', "’", "'", "''"})
_COPULAS = frozenset({"be", "seem", "appear", "remain", "become"})
_RAISED = frozenset({"xcomp", "acomp", "attr", "oprd"})  # a raising verb's raised predicate
# Relations of a word before a verb that never make it the verb's lost subject.
_NOT_SUBJECTS = frozenset({"npadvmod", "tmod", "prep", "pobj", "dobj", "attr", "mark", "expl"})
# Relations through which a cue without a subject shares its head's. The cue model's features
# were trained with the narrow set; who speaks is read with the wide one ("able to brag").
_CLIMB_RELATIONS = frozenset({"xcomp", "conj", "advcl", "pcomp"})
_WIDE_CLIMB_RELATIONS = _CLIMB_RELATIONS | {"acomp"}


@dataclass(frozen=True, slots=True)
class Reported:
    """A cue and its content clause, in character offsets, with the tokens that matter."""

    cue: tuple[int, int]
    cue_token: int
    content: tuple[int, int]
    relation: str
    ratio: float
    """How reliable the ``lemma|relation`` pair was in training (1.0 for lexicon pairs)."""
    subject: int | None
    """Token index of the speaker's head, when the parse names one."""
    gap: tuple[int, int] | None = None
    """What interrupts the content: the cue's own words ("The plan, she said, will fail")."""
    carriers: tuple[int, ...] = ()
    """Token indices of the heads of those who passed the statement on, outermost first
    ("quoted by Reuters as saying", "the agency reported, citing the ministry")."""
    claim: bool = True
    """Whether the content is a claim the cue presents as the speaker's (:mod:`.claim`), not
    an aim, a request, a judgement, a topic or a negated saying."""
    inferred: bool = False
    """Whether a thing, not someone, shows or suggests the content ("the results suggest",
    :func:`sayso.statements.noise.evidence_without_speaker`): the writer's inference."""

    @property
    def pieces(self) -> list[tuple[int, int]]:
        """The content, in one piece or in two around the cue's words."""
        if self.gap is None:
            return [self.content]
        start, end = self.content
        pieces = [(start, self.gap[0]), (self.gap[1], end)]
        return [(s, e) for s, e in pieces if e > s]


def pair_ratio(lexicons: Lexicons, lemma: str, relation: str) -> float:
    """How often ``lemma|relation`` was a cue in training, 1.0 for a lexicon cue verb + clause."""
    if relation == "ccomp" and lemma in lexicons.cue_verbs:
        return 1.0
    positive, seen = lexicons.cue_stats.get(f"{lemma}|{relation}", (0, 0))
    if positive < _MIN_SEEN or not seen:
        return 0.0
    return positive / seen


def cue_ratio(lexicons: Lexicons, lemma: str) -> float:
    """The share of a verb's training occurrences that were annotated as cues."""
    positive, seen = lexicons.cue_stats.get(f"{lemma}|*", (0, 0))
    if positive < _MIN_SEEN or not seen:
        return 0.0
    return positive / seen


TIME_LABELS = frozenset({"DATE", "TIME"})
"""Entity labels of dates and times, which never speak."""
_SETTING_RELATIONS = frozenset({"pobj", "npadvmod", "tmod"})
"""How a date hangs when it dates something ("on Saturday"), not when NER took a name for one
("May said")."""
_POSSESSIVE_MARKS = frozenset({"'", "’", "'s", "’s"})


def subject_of(verb: Token, *, wide: bool = False) -> Token | None:
    """The token naming who speaks through ``verb``: its subject, or one it shares.

    A subject the parse finds in another paragraph is a parse running over a break (a dateline
    or a timestamp line before "Trump says ..."): the noun just before the cue stands in.
    ``wide`` also climbs from "to brag" through "able" and from "a chance to show" to the verb
    that has the chance: used for the speaker, not for the cue model's features.
    """
    found = _parsed_subject(verb, wide=wide)
    if found is None or not _line_break_between(verb.doc, found.i, verb.i):
        return found
    return _noun_before(verb)


def _is_setting(token: Token) -> bool:
    """Whether a noun is where or when something is said ("at a rally", "on Tuesday"), which
    the parser makes the head of a participle cue after it ("at a rally, blasting ...")."""
    if token.ent_type_ in TIME_LABELS:
        return True
    # "footage of Hillary Clinton asking ...": a person the participle hangs from speaks.
    return token.dep_ == "pobj" and token.pos_ != "PROPN" and token.ent_type_ != "PERSON"


def _main_clause_subject(participle: Token) -> Token | None:
    """The subject of the finite verb a trailing participle cue hangs from in the text.

    "Sanders said, suggesting a few questions: '...'": the parser often hangs the participle
    from a verb after it (inside the quote); the speaker is whoever the clause before it has
    as subject.
    """
    doc = participle.doc
    for index in range(participle.i - 1, -1, -1):
        if doc[index + 1].is_sent_start:
            break
        verb = doc[index]
        if not _finite(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.i < verb.i and subject.tag_ not in ("WDT", "WP"):
            return subject
    return None


def _governing_subject(verb: Token) -> Token | None:
    """The subject of the predicate whose complement clause ``verb`` heads ("Delaney was angry
    that the goal stood": Delaney, from "stood" through "angry")."""
    for _ in range(3):
        if verb.dep_ not in ("ccomp", "acomp", "xcomp") or verb.head.i == verb.i:
            break
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


def _finite(verb: Token) -> bool:
    """A finite verb, or one with a finite auxiliary ("had leveled", "has said")."""
    if verb.tag_ in _FINITE_TAGS:
        return True
    return verb.pos_ == "VERB" and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in (*_FINITE_TAGS, "MD") for c in verb.children
    )


def _line_break_between(doc: Doc, first: int, second: int) -> bool:
    """Whether the text from token ``first`` up to token ``second`` crosses a line break.

    Searches the document's text, joined once (:func:`.doc_text`), between the two tokens'
    offsets: the tokens' texts with their spaces are that text, and building a Token per word
    in between made this a hot line of the statement layer.
    """
    low, high = sorted((first, second))
    return doc_text(doc).find("\n", doc[low].idx, doc[high].idx) >= 0


def _noun_before(verb: Token) -> Token | None:
    """The head of the noun phrase right before ``verb`` in its paragraph."""
    doc = verb.doc
    for index in range(verb.i - 1, max(-1, verb.i - 12), -1):
        token = doc[index]
        if "\n" in token.text or "\n" in token.whitespace_:
            return None
        if token.pos_ in ("NOUN", "PROPN", "PRON"):
            while token.dep_ in ("compound", "flat") and token.head.i < verb.i:
                token = token.head
            return _head_of_of_phrase(token)
    return None


def _head_of_of_phrase(noun: Token) -> Token:
    """The noun an "of" phrase hangs from, when ``noun`` ends one: "a readout of the call
    said", parsed with no subject, is said by the readout, not the call. The head of the noun
    phrase is who speaks."""
    while (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.pos_ in ("NOUN", "PROPN")
        and noun.head.head.i < noun.head.i
    ):
        noun = noun.head.head
    return noun


def _parsed_subject(verb: Token, *, wide: bool) -> Token | None:
    sayer = _sayer_set_off_before(verb)
    if sayer is None and wide:
        sayer = _subject_after_opening_participle(verb)
    if sayer is not None:
        return sayer
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ == "nsubjpass" and current.i != verb.i and verb.dep_ == "xcomp":
                return child  # "Trump was prompted to say": who was prompted says it
            if child.dep_ == "nsubj":
                subject = _nearest_subject(current, child)
                if subject.tag_ in ("WDT", "WP") or subject.lower_ in ("who", "that", "which"):
                    # "X, who said ...": the relative pronoun is the speaker's mention (as
                    # PolNeAR marks it); the chain reads the name it stands for.
                    return subject if relative_clause(current) is not None else None
                return _past_hyphen(subject)
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
            if child.dep_ == "csubj" and child.tag_ == "VBG" and child.i < current.i:
                # "Members going to the meeting on Friday said ...", parsed with the
                # participle as a clausal subject and the members as its own subject: they
                # say it.
                own = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
                if own is not None:
                    return own
        if current.i == verb.i and (misread := _subject_read_as_modifier(verb)) is not None:
            return misread
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            if wide and _infinitive(current) and current.head.dep_ in ("dobj", "attr"):
                current = current.head.head  # "Trump has a chance to show ...": Trump's
                continue
            return current.head  # "a tweet attacking ...", "an ad asking ..."
        relations = _WIDE_CLIMB_RELATIONS if wide else _CLIMB_RELATIONS
        if wide and current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head  # "rallied support by saying ...": who rallied says
            continue
        if current.dep_ == "conj" and (governor := _governor_of_infinitive(current)) is not None:
            current = governor  # "said he had called Okafor to congratulate her and promised"
            continue
        if current.dep_ == "xcomp" and (controller := _object_controller(current)) is not None:
            return controller
        if wide and current.dep_ == "conj" and (lost := _subject_read_as_conjunct(current)):
            return lost  # "prosecutors charged him with murder and Emanuel fired ..."
        if current.i == verb.i and (saying := _conjunct_of_the_saying(verb)) is not None:
            current = saying.head.head  # "X said Y "..." and urged Z": X urged
            continue
        if current.dep_ in relations and current.head.i != current.i:
            current = current.head
            continue
        return None
    return None


def _subject_read_as_conjunct(verb: Token) -> Token | None:
    """A name right before a verb joined by "and" to an earlier one that the parser joined to
    the earlier verb's object instead ("prosecutors charged the officer with murder and Emanuel
    fired his police chief", "Emanuel" a conjunct of "murder"): the subject of the second
    clause, which the parser lost."""
    doc = verb.doc
    index = verb.i - 1
    while index > 0 and doc[index].dep_ in ("advmod", "neg") and doc[index].head.i == verb.i:
        index -= 1
    name = doc[index]
    if name.dep_ != "conj" or name.pos_ != "PROPN" or name.head.pos_ not in ("NOUN", "PROPN"):
        return None
    first = name.left_edge.i
    if first == 0 or doc[first - 1].dep_ != "cc" or doc[first - 1].head.i != name.head.i:
        return None
    return name if name.head.i > verb.head.i else None


def _conjunct_of_the_saying(verb: Token) -> Token | None:
    """The "and" joining ``verb`` to a clause reported before it when ``verb`` is the
    reporter's next act, not the reported speaker's: 'the White House said the president
    "stands ready to sign a bill" and urged Congress to act'. The parser joins "urged" to
    "stands"; the structure says otherwise only when the reported clause ends in a closing
    quotation mark right before "and", and ``verb`` takes the tense of the cue (past), not the
    clause's (present). With the tenses alike ("said he "was ready" and urged ...") either
    reading holds, and the parse is kept."""
    clause = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or clause.dep_ != "ccomp" or verb.i < clause.i:
        return None
    if clause.head.tag_ != "VBD" or clause.tag_ not in ("VBZ", "VBP"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    joins = [c for c in clause.children if c.dep_ == "cc" and clause.i < c.i < verb.i]
    if len(joins) != 1 or not verb.doc[joins[0].i - 1].is_quote:
        return None
    # The quote completes the clause: it opens after the clause's subject, which stays
    # outside ('said the president "stands ready ..."'), not a whole quoted sentence.
    subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
    if subject is None or not any(t.is_quote for t in verb.doc[subject.right_edge.i : clause.i]):
        return None
    return joins[0]


def _subject_read_as_modifier(verb: Token) -> Token | None:
    """A name opening the sentence that the parser made a modifier of a verb with no subject:
    "State news agency SUNA, quoting a military source, reported that ..." (SUNA parsed as
    npadvmod). Times ("Tuesday, ...") are modifiers indeed and never stand in."""
    for child in verb.children:
        if child.i > verb.i:
            break
        if child.dep_ != "npadvmod" or child.pos_ != "PROPN" or child.ent_type_ in TIME_LABELS:
            continue
        if child.left_edge.i == _sentence_bounds(verb)[0]:
            return child
    return None


def _subject_after_opening_participle(participle: Token) -> Token | None:
    """The subject of the clause an opening participle is set off before ("Emphasizing the
    urgency, Trump said, '...'"), when the parser hung the participle from a verb further on
    (inside the quote): the participle's doer is whoever the clause right after it has as
    subject."""
    doc = participle.doc
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or participle.head.i < participle.i:
        return None
    start = _sentence_bounds(participle)[0]
    if participle.left_edge.i != start or participle.i != start:
        return None
    comma = participle.right_edge.i + 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    word = doc[comma + 1]
    while word.dep_ in ("compound", "det", "amod", "flat") and word.head.i > word.i:
        word = word.head
    verb = word.head
    if word.dep_ != "nsubj" or verb.i < word.i or verb.i >= participle.head.i:
        return None
    return word


def _sayer_set_off_before(participle: Token) -> Token | None:
    """The subject of the set-off saying right before a set-off participle: "..., two of the
    people said, asking not to be identified": those who said it asked, though the parser
    hangs "asking" from the sentence's verb ("The company has hired ..."), whose subject
    did not."""
    doc = participle.doc
    comma = participle.left_edge.i - 1
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or comma < 1:
        return None
    if doc[comma].text != ",":
        return None
    before = doc[comma - 1]
    for word in (before, *before.ancestors):
        if word.i == participle.head.i:
            return None
        if word.dep_ == "parataxis" and word.pos_ == "VERB":
            return next((c for c in word.children if c.dep_ == "nsubj"), None)
    return None


def _governor_of_infinitive(verb: Token) -> Token | None:
    """The verb that governs the infinitive a finite verb is joined to: a finite verb (past or
    present tense) cannot share a ``to`` infinitive's bare form, so "and" joins it to the verb
    above ("he had called Okafor to congratulate her and promised an orderly transfer": he
    promised, not Okafor). The parser hangs such a verb on the infinitive, and climbing through
    the infinitive would hand it the infinitive's object controller."""
    infinitive = verb.head
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or infinitive.tag_ != "VB":
        return None
    if infinitive.dep_ != "xcomp" or infinitive.head.i == infinitive.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
        return None
    return infinitive.head


def _object_controller(infinitive: Token) -> Token | None:
    """The object of the verb an infinitive complements, when that object comes before it:
    who does what the infinitive says ("prompted Sanders to advocate ...", "would require
    Republicans to recognize that ..."), not the verb's subject."""
    head = infinitive.head
    if head.dep_ in ("acl", "amod"):
        return None  # "no law requiring candidates to disclose ...": a requirement, no act
    objects = [c for c in head.children if c.dep_ == "dobj" and head.i < c.i < infinitive.i]
    if not objects or objects[0].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return objects[0]


def _nearest_subject(verb: Token, first: Token) -> Token:
    """Of two subjects of a verb, the one nearer the verb. Two subjects are a misparse, most
    often of a line before the sentence taken into it ("KYIV, March 4 (Reuters) - Ukraine's
    energy minister said", "12:15 p.m. Donald Trump says"), where the nearer is the sentence's
    own (PolNeAR dev 15 of 16, train sample 30 of 34; the first 2 and 7). A possessive
    splits one phrase in two ("Joost van Hoof of the Netherlands' Fontys University writes"):
    its first part is the head."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) < 2:
        return first
    earlier, later = subjects[-2], subjects[-1]
    doc = verb.doc
    end = doc[earlier.right_edge.i]
    split = later.left_edge.i == end.i + 1 and end.text in _POSSESSIVE_MARKS
    # "COGAT, the Israeli military agency that coordinates aid, said": a common noun set off
    # by commas right after a name is its apposition, and the name is who speaks
    comma = earlier.right_edge.i + 1
    # the closing comma, which the parser may hang on the apposition itself when a relative
    # clause ends it ("body that oversees aid to the territory, denied")
    closing = later.right_edge.i if doc[later.right_edge.i].text == "," else later.right_edge.i + 1
    set_off = (
        earlier.pos_ == "PROPN"
        and later.pos_ == "NOUN"
        and doc[comma].text == ","
        and later.left_edge.i == comma + 1
        and closing + 1 == verb.i
        and doc[closing].text == ","
    )
    return earlier if split or set_off else later


def _past_hyphen(subject: Token) -> Token:
    """ "says study co-author Ana Ruiz", parsed with "co" and "Ruiz" both subjects: a word
    joined by a hyphen to the words after it is part of their phrase, whose head speaks."""
    doc = subject.doc
    joined = subject.i + 1 < len(doc) and not subject.whitespace_ and doc[subject.i + 1].text == "-"
    if not joined:
        return subject
    later = (c for c in subject.head.children if c.dep_ == "nsubj" and c.i > subject.i + 1)
    return next(later, subject)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _clause_span(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Character span of tokens ``first..last`` without punctuation or spaces at the edges."""
    while first <= last and (doc[first].text in _EDGE_PUNCT or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].text in _EDGE_PUNCT or doc[last].is_space):
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


def _within_paragraph(text: str, content: tuple[int, int], anchor: int) -> tuple[int, int] | None:
    """``content`` cut to the paragraph holding ``anchor`` (the parse can run over a break)."""
    start, end = content
    before = text.rfind("\n", 0, anchor) + 1
    after = text.find("\n", anchor)
    start = max(start, before)
    end = min(end, after) if after != -1 else end
    if start >= end or not text[start:end].strip():
        return None
    return start, end


def cue_span(verb: Token) -> tuple[int, int]:
    """The verb with its auxiliaries, negation and particle ("has said", "pointed out")."""
    start, end = verb.i, verb.i
    for child in verb.children:
        if child.dep_ in ("aux", "neg", "prt") and abs(child.i - verb.i) <= 3:
            start, end = min(start, child.i), max(end, child.i)
    doc = verb.doc
    return doc[start].idx, doc[end].idx + len(doc[end])


def _according_to(token: Token) -> Reported | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    head = token.head
    if source is None or head.i == token.i:
        return None
    doc = token.doc
    phrase_first, phrase_last = token.left_edge.i, token.right_edge.i
    head = _saying_it_ends(token, head) or head
    first, last = head.left_edge.i, head.right_edge.i
    around = None  # the phrase set off inside the clause, before its verb
    if phrase_first <= first:
        first = phrase_last + 1
    elif head.i > phrase_last:
        # "Fundraising, according to the campaign, has surged": the campaign's account is
        # the whole clause around the phrase
        around = (phrase_first, phrase_last)
    else:
        last = phrase_first - 1
        top = head
        while (top.dep_ == "conj" and top.head.i < top.i) or _set_off_participle(top):
            top = top.head
        # "X did this, and Y did that, according to Z": Z's account is the whole coordination;
        # "Revenue grew 12%, beating forecasts, according to Z": the clause the participle
        # was set off from, too.
        first = min(first, top.left_edge.i)
    carriers: tuple[int, ...] = ()
    citing = next(
        (c for c in head.children if _is_citation(c) and c.left_edge.i == phrase_last + 2),
        None,
    )
    if citing is not None and _names_a_source(citation_object(citing)):
        # "according to the governor, citing police, ...": police speak, the governor carries.
        carriers, source = (source.i,), citation_object(citing)
        if first <= citing.right_edge.i:
            first = citing.right_edge.i + 1
    gap = None
    if around is not None:
        opener = doc[first]
        lone = all(t.is_punct for t in doc[first + 1 : around[0]])
        if opener.dep_ == "mark" and opener.head.i == head.i and lone:
            first = around[1] + 1  # "that, according to X, ...": the clause opens after it
        before = _clause_span(doc, first, around[0] - 1) if first < around[0] else None
        after = _clause_span(doc, max(first, around[1] + 1), last)
        if before is None or after is None:
            content = after or before
        else:
            content, gap = (before[0], after[1]), (before[1], after[0])
    else:
        content = _clause_span(doc, first, last)
    if content is None:
        return None
    return Reported(
        cue=(token.idx, to.idx + len(to)),
        cue_token=token.i,
        content=content,
        relation="according-to",
        ratio=1.0,
        subject=source.i,
        gap=gap,
        carriers=carriers,
        claim=not any(c.dep_ == "neg" for c in head.children),
    )


def _set_off_participle(token: Token) -> bool:
    """A participle with no subject of its own, set off by a comma after the clause it hangs
    from ("Revenue grew 12%, beating forecasts")."""
    doc = token.doc
    return (
        token.dep_ == "advcl"
        and token.tag_ in ("VBG", "VBN")
        and token.head.i < token.i
        and token.left_edge.i > 0
        and doc[token.left_edge.i - 1].text == ","
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
    )


def _saying_it_ends(according: Token, head: Token) -> Token | None:
    """The verb of saying whose sentence an "according to" phrase ends after a comma, when
    the parser hung the phrase inside what was said: "Officials said a drone had struck a
    depot, injuring two people, according to Interfax" is Interfax's account of what the
    officials said (PolNeAR marks it so: "X said Y, according to Z" is Z's "X said Y")."""
    doc = according.doc
    first, last = _sentence_bounds(according)
    root = doc[first : last + 1].root
    if root.i == head.i or not root.i < according.i or doc[according.i - 1].text != ",":
        return None
    if any(not t.is_punct for t in doc[according.right_edge.i + 1 : last + 1]):
        return None
    if root.lemma_.lower() not in load_lexicons().cue_verbs:
        return None
    if not any(c.dep_ == "nsubj" and c.i < root.i for c in root.children):
        return None
    return root if any(a.i == root.i for a in head.ancestors) else None


def _sentence_bounds(token: Token) -> tuple[int, int]:
    """First and last token index of the sentence holding ``token`` (read from the sentence
    starts around it, not with ``Token.sent``)."""
    doc = token.doc
    start = token.i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = token.i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return start, end - 1


def _closes_sentence(doc: Doc, last: int, sentence_end: int) -> bool:
    """Whether only punctuation and spaces follow token ``last`` in its sentence."""
    return all(doc[i].is_punct or doc[i].is_space for i in range(last + 1, sentence_end + 1))


def _spelled_out(doc: Doc, last: int) -> int | None:
    """The end of the sentence when a colon follows token ``last`` and a clause after it
    spells the first out ("said he has noticed a split: the market has cooled"), with no
    quotation in it."""
    if last + 1 >= len(doc) or doc[last + 1].text != ":":
        return None
    _, end = _sentence_bounds(doc[last + 1])
    after = doc[last + 2 : end + 1]
    if not any(t.tag_ in _FINITE_TAGS for t in after) or any(t.is_quote for t in after):
        return None  # "...the people they refuse to define: radical terrorists" is a name
    return end


def _coordinated_saying(clause: Token, lexicons: Lexicons) -> Token | None:
    """A saying coordinated into a reported clause with no subject of its own: in "said the
    budget would pass and vowed to cut taxes" the parser makes "vowed" a conjunct of "pass",
    but it is a second statement of the one who said.

    When the reported clause's subject could speak, the saying may be that subject's, and the
    clause stays whole ("said the mayor lied and promised to resign"), unless that subject is
    a pronoun and the saying reports a finite clause of its own: "said that he would offer a
    prayer but did not suggest it would be Trump", "said he met them and noted that the
    board ...". The pronoun mostly stands for the one who said, so the speaker is the same
    either way, and a saying with a clause of its own is a second statement (on PolNeAR train,
    articles outside the held-out sample: 8 of 9 such sayings are annotated as statements of
    their own, against 2 of 6 pronoun cases with no finite clause, "promised to stay out",
    which stay in, and 1 of 3 after a name)."""
    for child in clause.children:
        if child.dep_ != "conj" or child.i < clause.i:
            continue
        own = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        inner = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if inner is not None and _may_say_it(inner, child, lexicons):
            return None  # the saying may be the inner subject's: one clause
        if not own and child.lemma_.lower() in lexicons.cue_verbs:
            cc = [c for c in clause.children if c.dep_ == "cc" and c.i < child.i]
            return cc[-1] if cc else child
    return None


def _may_say_it(inner: Token, saying: Token, lexicons: Lexicons) -> bool:
    """Whether ``inner``, the subject of a reported clause, may be who says ``saying``, the
    subjectless saying coordinated into that clause: any phrase that could speak, except a
    pronoun when the saying reports a finite clause of its own (see :func:`_coordinated_saying`)."""
    if not _may_speak(inner, lexicons):
        return False
    return inner.pos_ != "PRON" or not any(c.dep_ == "ccomp" for c in saying.children)


def _clauses_end(cue: Token, clause: Token) -> int:
    """The last token of a reported clause and of the clauses of the same cue that follow it
    with nothing but punctuation between ("said he has noticed a split: the market has
    cooled, but rents are soaring", parsed as two clauses of "said")."""
    last = clause.right_edge.i
    doc = cue.doc
    for word in doc[clause.left_edge.i : last + 1]:
        if word.lower_ != "according":
            continue
        ended = _saying_it_ends(word, word.head)
        if ended is not None and ended.i == cue.i:
            last = word.left_edge.i - 1  # "said X, according to Interfax": Interfax's words
            break
    for child in clause.children:
        join = _conjunct_of_the_saying(child) if child.dep_ == "conj" else None
        if join is not None:
            last = min(last, join.i - 1)  # 'said X "..." and urged Y': Y is not X's
    lexicons = load_lexicons()
    contrast = _contrasting_saying(clause, lexicons)
    if contrast is not None:
        last = contrast.left_edge.i - 1  # "said X, while Ukraine's military said Y": not X's
    if clause.i > cue.i:
        spelled_out = _spelled_out(doc, last)
        if spelled_out is not None:
            return spelled_out
    for sibling in sorted(cue.children, key=lambda t: t.i):
        if sibling.dep_ != "ccomp" or sibling.i <= clause.i or sibling.left_edge.i <= last:
            continue
        between = doc[last + 1 : sibling.left_edge.i]
        joined = all(t.text in _CLAUSE_JOINS for t in between)
        if (
            not joined
            or doc[last].dep_ == "cc"
            or doc[sibling.left_edge.i].dep_ == "cc"
            or sibling.lemma_.lower() in lexicons.cue_verbs  # "..., The S.E.C. said ..."
            or any(t.is_quote for t in doc[clause.left_edge.i : sibling.right_edge.i + 1])
        ):
            break  # a quote is the quote finder's to bound
        last = sibling.right_edge.i
    if clause.i > cue.i and contrast is None:
        # "argue it would give agents badly needed resources": an object, or a verb joined with
        # no "and" nor comma ("needed" read as a second verb), that the parser hangs from the
        # cue right after its clause is the clause's (a verb's own object comes before the
        # clause it reports, "told reporters it would ...").
        following = next((c for c in cue.children if c.left_edge.i == last + 1), None)
        if following is not None and _clauses_own(following, doc[last]):
            last = following.right_edge.i
    return last


def _clauses_own(following: Token, last: Token) -> bool:
    """Whether ``following``, hung from a cue right after the last word of its clause with no
    mark between (", a tribute to ...", ", reported the Examiner" are set off), is the
    clause's: an object, or a verb joined with no "and" anywhere ("... and also back ..." may
    join a second report) that has no subject of its own."""
    if following.left_edge.is_punct or last.is_punct:
        return False
    if following.dep_ == "dobj":
        return True
    doc = following.doc
    return (
        following.dep_ == "conj"
        and not any(t.dep_ == "cc" for t in doc[following.head.i : following.i])
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in following.children)
    )


_CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})


def _contrast_mark(word: Token) -> bool:
    """Whether ``word`` marks a clause as set against another: "while", "whereas", "although",
    or "as" under "even" ("even as Democrats warned ..."; a bare "as" may mark a clause of
    time or manner, which can be part of what was said)."""
    if word.dep_ != "mark":
        return False
    if word.lower_ in _CONTRAST_MARKS:
        return True
    return word.lower_ == "as" and any(
        c.dep_ == "advmod" and c.lower_ == "even" and c.i == word.i - 1 for c in word.head.children
    )


def _contrasting_saying(clause: Token, lexicons: Lexicons) -> Token | None:
    """A clause set against the reported one ("while", "whereas", "although", "even as") in
    which someone else says something ("..., while Ukraine's military said it had hit a
    refinery"): the parser hangs it inside the first report, but it is the writer's, not the
    first speaker's."""
    for child in clause.children:
        if child.dep_ != "advcl" or child.i < clause.i:
            continue
        if child.lemma_.lower() not in lexicons.cue_verbs:
            continue
        marked = any(_contrast_mark(c) for c in child.children)
        if marked and any(c.dep_ == "nsubj" for c in child.children):
            return child
    return None


def _object_end(cue: Token, relation: str, phrase: Token) -> int:
    """The last token of what a cue reports through its object.

    "announced a settlement with Amazon on Thursday on pricing for e-books": the parser hangs
    the phrases after the object from the verb, yet what was announced runs on through them.
    Only prepositional phrases right after the object are taken, not a clause of its own nor
    a phrase holding a quotation.
    """
    last = phrase.right_edge.i
    if relation != "dobj" or cue.pos_ == "NOUN":
        return last
    doc = cue.doc
    for child in cue.children:
        if child.i <= last or (child.is_quote and child.dep_ == "punct"):
            continue  # an opening mark the parser hung from the verb: 'called X "a sham"'
        follows = last + 1
        while follows < child.left_edge.i and doc[follows].is_quote:
            follows += 1
        if child.dep_ not in ("prep", "oprd") or child.left_edge.i != follows:
            break  # "called the treaty a 'bad deal'": the predicate is part of it too
        if child.dep_ == "prep" and any(t.is_quote for t in child.subtree):
            break  # a quoted phrase is the quote finder's to bound
        last = child.right_edge.i
    return last


def _whole_sentence_before(cue: Token, clause: Token) -> int | None:
    """Where the content starts when a cue closes the sentence it reports.

    "Last year the agency tried to act, but carriers rebelled, Motherboard reported": the
    parser hangs the last clause from the cue, yet the cue reports the whole sentence before
    it. Applies when the clause precedes the cue, only the cue's own phrase follows the
    clause, and nothing of the sentence follows the cue's phrase.
    """
    if clause.i > cue.i or clause.right_edge.i >= cue.i:
        return None
    start, end = _sentence_bounds(cue)
    if clause.left_edge.i <= start or not _closes_sentence(cue.doc, cue.right_edge.i, end):
        return None
    marks = [t for t in cue.doc[start : cue.i] if t.is_quote]
    if marks and (marks[0].i == start or len(marks) % 2):
        # a direct quote opening the sentence is the quote finder's to bound, and a cue inside
        # an open quote ('focusing on "he said this, he tweeted that."') is quoted words
        return None
    between = cue.doc[clause.right_edge.i + 1 : cue.i]
    # the cue's own phrase, however deep its name ("the RIA Novosti news agency": "RIA" hangs
    # from "Novosti", which hangs from "agency")
    if any(not (t.is_punct or t.is_space or cue in t.ancestors) for t in between):
        return None
    return start


def _under_closing_frame(cue: Token, clause: Token, lexicons: Lexicons) -> Token | None:
    """What ``cue`` says when the parser made its clause the saying that closes the sentence:
    "Russia said it had expelled two diplomats, the TASS news agency reported" (read as Russia
    saying that TASS reported): Russia said what TASS's verb took as its clause, and TASS
    reports the whole sentence (:func:`_whole_sentence_before`)."""
    if clause.i < cue.i or clause.lemma_.lower() not in lexicons.cue_verbs:
        return None
    inner = next((c for c in clause.children if c.dep_ == "ccomp" and c.i < clause.i), None)
    if inner is None or inner.i < cue.i:
        return None
    whole = _whole_sentence_before(clause, inner)
    return inner if whole is not None and whole <= cue.left_edge.i else None


def clauses(token: Token) -> list[tuple[str, Token]]:
    """The children of ``token`` that can hold what it reports, with their relation name.

    A prepositional object counts under ``prep:<preposition>`` ("called for X", "spoke of X").
    """
    relations = _NOUN_RELATIONS if token.pos_ == "NOUN" else _VERB_RELATIONS
    found: list[tuple[str, Token]] = []
    for child in token.children:
        if child.dep_ in relations:
            if child.i < token.i and passive_set_off(child):
                continue  # "McCain, asked whether he would run, said no": not what he said
            found.append((child.dep_, child))
        elif child.dep_ == "prep" and token.pos_ != "NOUN":
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                found.append((f"prep:{child.lower_}", objects[0]))
        elif (lost := _clause_on_adverb(token, child)) is not None:
            found.append(("ccomp", lost))
    return found


def _clause_on_adverb(verb: Token, adverb: Token) -> Token | None:
    """A clause the parser hung from an adverb right after the verb ("said later that clinics
    would open", "said again that ..."): the verb's own clause, the adverb only says when or
    how it was said."""
    if verb.pos_ == "NOUN" or adverb.dep_ != "advmod" or adverb.pos_ != "ADV":
        return None
    if adverb.i != verb.i + 1:
        return None
    return next((c for c in adverb.children if c.dep_ == "ccomp" and c.i > adverb.i), None)


def passive_set_off(verb: Token) -> bool:
    """Whether ``verb`` is a past participle set off by commas right after the subject of the
    saying that follows it: "Peskov, asked about the talks, said ...", "The minister, pressed on
    the deal, said ...". The parser reads an active past tense with that subject as its own
    and the saying as its head; the subject is who was asked, and the asker goes unnamed
    (PolNeAR leaves such a source out)."""
    doc = verb.doc
    after = verb.right_edge.i + 1
    if verb.tag_ not in ("VBD", "VBN") or verb.i < 2 or after >= len(doc):
        return False
    if doc[verb.i - 1].text != "," or doc[after].text != ",":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.right_edge.i not in (verb.i - 2, verb.i - 1):
        return False
    main = verb.head
    return (
        main.i > after
        and main.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in main.children)
    )


def _gerund_object(verb: Token, child: Token) -> bool:
    """A gerund right after a verb that the parser hung as an adverbial clause: "acknowledged
    using tear gas", "denied taking bribes". After an assertive verb it is the claim (taken
    as its "xcomp" whatever the model scores: the model never saw such pairs)."""
    return (
        child.dep_ == "advcl"
        and child.tag_ == "VBG"
        and child.left_edge.i == verb.i + 1
        and not any(c.dep_ in ("nsubj", "mark") for c in child.children)
    )


def _speaker_token(token: Token) -> Token | None:
    if token.pos_ == "NOUN":
        return next((c for c in token.children if c.dep_ == "poss"), None)
    return subject_of(token)


def source_of(cue: Token, parsed: Token | None, lexicons: Lexicons) -> Token | None:
    """Who states what ``cue`` reports, given the subject (or possessor) the parse names.

    Falls back on the phrase the parse lost (:func:`_unparsed_speaker`) and drops a subject that
    is what the content is about rather than its source (:func:`_subject_is_not_source`).
    """
    if _subject_is_not_source(cue, lexicons):
        return None
    if cue.pos_ != "NOUN":
        parsed = subject_of(cue, wide=True)  # the caller's is the cue model's narrow reading
        outer = _outer_saying(cue, lexicons)
        if outer is not None:
            parsed = subject_of(outer, wide=True)
        if parsed is None and _state_of_mind(cue, lexicons):
            parsed = next(c for c in cue.children if c.dep_ == "nsubjpass")
    if cue.tag_ == "VBN" and cue.dep_ in ("advcl", "acl") and not _has_subject_or_agent(cue):
        if _past_read_as_participle(cue, lexicons):
            return _issuer(cue.head, lexicons)
        # "Asked about the plan, Ruiz said ...", "the week, known as ...": the phrase the
        # participle hangs from undergoes it; it does not say anything.
        return None
    if _participle_read_as_past(cue) or passive_set_off(cue):
        return None  # "Asked what it would cost, Ruiz replied ...": Ruiz was asked
    if parsed is not None and not any(ch.isalnum() for ch in parsed.text):
        # A dash the parser also made a subject ("made public ― Trump boasted"): the word one.
        parsed = next(
            (c for c in parsed.head.children if c.dep_ == "nsubj" and c.text[:1].isalnum()),
            parsed,
        )
    if cue.tag_ == "VBG" and cue.i > 0 and cue.doc[cue.i - 1].ent_type_ == "PERSON":
        # "footage of Hillary Clinton asking, '...'": the person right before the participle
        # asks, whatever verb the parser hangs it from.
        return cue.doc[cue.i - 1]
    trailed = _trailed_saying(cue, lexicons) if cue.tag_ == "VBG" else None
    if trailed is not None:
        # "Ruiz said the board would meet, adding that ...": the parser hangs the participle
        # from the reported clause; who said it adds it, not the clause's subject.
        parsed = subject_of(trailed, wide=True) or parsed
    elif cue.tag_ == "VBG" and (parsed is None or parsed.i > cue.i or _is_setting(parsed)):
        parsed = _main_clause_subject(cue) or parsed
    elif (
        cue.tag_ == "VBG"
        and parsed is not None
        and not speaks_or_records(antecedent_of(parsed) or parsed, lexicons)
    ):
        # "the row dates to a complaint the union had filed, alleging that ...": a thing
        # cannot allege; the nearest clause before the participle says who did.
        nearer = _main_clause_subject(cue)
        if nearer is not None and not speaks_or_records(nearer, lexicons):
            # "Delaney was angry that the winning goal stood, claiming ...": the clause the
            # participle trails is a complement; who holds it is who claims
            nearer = _governing_subject(nearer.head)
        if nearer is not None and speaks_or_records(nearer, lexicons):
            parsed = nearer
    found = parsed if parsed is not None else _unparsed_speaker(cue)
    if found is None or (found.ent_type_ in TIME_LABELS and found.dep_ in _SETTING_RELATIONS):
        return None  # "travel to Brighton on Saturday, hoping ...": a day says nothing
    if _extraposed_it(found, cue):
        return None
    return _issuer(found, lexicons)


def _participle_read_as_past(verb: Token) -> bool:
    """Whether the parser tagged a participle opening a clause before the main one as a past
    tense ("Asked what it would cost, Ruiz replied ...", "When asked about it, ..."): a past
    tense of its own needs a subject, so the word says what the main clause's subject
    underwent, not who did it."""
    return (
        verb.tag_ == "VBD"
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and not _has_subject_or_agent(verb)
        and all(t.dep_ in ("mark", "advmod") for t in verb.lefts)
    )


def _extraposed_it(subject: Token, cue: Token) -> bool:
    """Whether ``subject`` is the "it" of a copula whose clause holds the cue ("it is hard to
    imagine ...", "it is worth noting that ...", "it remains to be seen whether ..."): a
    placeholder for that clause, not anyone saying it. An "it" that is the cue's own subject
    ("it said in a statement") may stand for a speaker and stays."""
    head = subject.head
    return (
        subject.lower_ == "it"
        and head.i != cue.i
        and (head.lemma_ in _COPULAS or any(c.dep_ in ("acomp", "attr") for c in head.children))
    )


def _past_read_as_participle(verb: Token, lexicons: Lexicons) -> bool:
    """Whether the parser read a sentence's past-tense verb of saying as a participle modifying
    its subject: "A new poll found that ...", "Murphy, the group's head, tweeted on Friday ...",
    parsed as a noun phrase with no verb. The noun it hangs from, before it, is the root of its
    sentence: nothing else in the sentence makes the noun undergo the verb."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.lemma_.lower() in lexicons.cue_verbs
        and head.dep_ == "ROOT"
        and head.i < verb.i
        and head.pos_ in ("NOUN", "PROPN")
    )


def _trailed_saying(participle: Token, lexicons: Lexicons) -> Token | None:
    """The saying whose reported clause a set-off participle of saying trails, when the parser
    hung the participle from that clause ("told Newsmax that Romney 'had a crazy policy,'
    adding, '...'": "adding" an adverbial clause of "had"): the verb of saying before it."""
    if participle.lemma_.lower() not in lexicons.cue_verbs or participle.i == 0:
        return None
    if participle.doc[participle.i - 1].text not in _SET_OFF_MARKS:
        return None
    clause = participle
    while clause.dep_ in ("advcl", "conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
        saying = clause.head
        if (
            clause.dep_ == "ccomp"
            and saying.i < participle.i
            and saying.pos_ == "VERB"
            and saying.lemma_.lower() in lexicons.cue_verbs
        ):
            return saying
    return None


def _trailing_saying(cue: Token, clause: Token, lexicons: Lexicons) -> Token | None:
    """The first set-off participle of saying inside a reported clause of ``cue`` that trails
    the clause as ``cue``'s speaker's next statement (:func:`_trailed_saying`)."""
    for token in clause.doc[clause.i + 1 : clause.right_edge.i + 1]:
        if token.tag_ == "VBG" and _trailed_saying(token, lexicons) == cue:
            return token
    return None


def _issuer(speaker: Token, lexicons: Lexicons) -> Token:
    """Who issued a document that speaks ("Amazon released a statement saying ..."): the
    subject of the verb whose object the document is, else the document itself."""
    if speaker.pos_ != "NOUN" or speaker.lemma_.lower() not in lexicons.document_nouns:
        return speaker
    if speaker.dep_ != "dobj":
        return speaker
    subject = next((c for c in speaker.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in ("i", "we"):
        return speaker
    return subject


def _outer_saying(cue: Token, lexicons: Lexicons) -> Token | None:
    """The cue whose clause a subjectless saying is coordinated into ("said the budget would
    pass and vowed ...": "vowed" is the minister's, not the budget's)."""
    if cue.dep_ != "conj" or cue.lemma_.lower() not in lexicons.cue_verbs:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    clause = cue.head
    if clause.dep_ != "ccomp" or clause.head.pos_ not in ("VERB", "AUX"):
        return None
    inner = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if inner is not None and _may_say_it(inner, cue, lexicons):
        return None  # "said Ruiz resigned and blamed the board": Ruiz may well have blamed
    return clause.head if clause.head.lemma_.lower() in lexicons.cue_verbs else None


def _may_speak(head: Token, lexicons: Lexicons) -> bool:
    """Whether a noun phrase could be someone saying something: a name, a personal pronoun,
    a person, group or body."""
    if head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lemma = head.lemma_.lower()
    return lemma in lexicons.anonymous_nouns or lemma in lexicons.institution_nouns


def _has_subject_or_agent(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in verb.children)


def _subject_is_not_source(verb: Token, lexicons: Lexicons) -> bool:
    """Whether the subject of cue ``verb`` is what the content is about, not who states it.

    "He seems to ...", "the council has proved to be ...", "he was accused of ...": raising
    verbs, and a passive with no "by" phrase naming who acts.
    """
    if verb.lemma_.lower() in lexicons.raising_verbs:
        if not any(c.dep_ in _RAISED for c in verb.children) and any(
            c.dep_ == "ccomp" for c in verb.children
        ):
            # "eager to prove that ...": a clause, no raised predicate; the verb is not raising
            # there, and its subject states the clause (unless a placeholder: "it seems that").
            subject = subject_of(verb)
            return subject is not None and subject.lower_ == "it"
        # "He appeared to suggest that ...": the subject speaks through the verb it raises.
        return not any(
            c.dep_ == "xcomp" and c.lemma_.lower() in lexicons.cue_verbs for c in verb.children
        )
    deps = {child.dep_ for child in verb.children}
    if not deps & {"nsubjpass", "auxpass"} or "agent" in deps:
        return False
    return not _state_of_mind(verb, lexicons)


def _state_of_mind(verb: Token, lexicons: Lexicons) -> bool:
    """ "The council is concerned (that) ...", "the union is convinced that ...": a passive
    participle that is no verb of saying, with a clause and a real subject, says what its
    subject thinks (not "was told that ...", whose subject heard it, nor "it was reported")."""
    if verb.lemma_.lower() in lexicons.cue_verbs or not any(
        c.dep_ == "ccomp" for c in verb.children
    ):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and subject.lower_ not in ("it", "there", "this", "that")


def _unparsed_speaker(cue: Token) -> Token | None:
    """Who speaks through a cue whose parse names no subject.

    A noun cue that is the object of a verb belongs to that verb's subject ("Democrats made
    the argument that ...", "the court issued a decision to ..."), unless the verb is one of
    receiving ("drew complaints that ...") or the noun follows a preposition of circumstance
    ("despite complaints that ..."); a verb cue whose subject the parser lost takes the noun
    phrase right before it.
    """
    if cue.pos_ == "NOUN":
        named = [c for c in cue.children if c.dep_ == "compound" and _misread_name(c, cue)]
        if named and named[-1].i == cue.i - 1:
            return named[-1]  # "Trump claims that ...", parsed as a noun phrase
        maker = _maker_of(cue)
        if maker is not None:
            return maker  # "statements by the mayor that ...", "warnings from scientists"
        verb = cue.head
        if cue.dep_ == "pobj" and verb.dep_ == "prep":
            if _circumstance(verb):
                return None  # "Despite complaints that he ..., Sanders found ...": not his
            verb = verb.head
        if cue.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
            if cue.dep_ == "dobj" and verb.lemma_.lower() in load_lexicons().receiving_verbs:
                return None  # "it was drawing complaints that ...": others complained
            return subject_of(verb)
        return None
    if cue.tag_ in ("VBZ", "VBD", "VBP", "VBG") or _finite(cue):
        before = _noun_before(cue)
        verb = _first_of_joined(cue)
        if before is not None and verb.i != cue.i and _object_in_chain(before, cue, verb):
            # "Johnson also railed against immigrants, and explained how ...", "she's tacked
            # left, criticizing the pipeline and calling for ...": the noun right before a
            # verb joined to an earlier one is what that one did something to; whoever did
            # it (a subject the parser lost there too) does this.
            passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if passive is not None and cue.tag_ == "VBG":
                return passive  # "They were quoted speaking ... and lamenting ..."
            return _left_subject(verb) or _set_off_clause_subject(verb) or _noun_before(verb)
        return _left_subject(cue) or _set_off_clause_subject(cue) or before
    return None


_CIRCUMSTANCE_PREPOSITIONS = frozenset(
    {"despite", "after", "amid", "amidst", "following", "notwithstanding", "because"}
)
"""Prepositions that set a clause against a circumstance ("despite complaints that ...",
"after revelations that ...", "amid reports that ...", "because of reports about ..."): what
the noun after them says is others', not the saying of the clause's subject."""


def _circumstance(preposition: Token) -> bool:
    """Whether ``preposition`` (a noun cue's head) names a circumstance of its clause rather
    than the act of its subject ("with a reference to", "in a statement" are the subject's)."""
    word = preposition.lower_
    if word == "of" and preposition.head.dep_ == "prep":
        word = preposition.head.lower_  # "because of reports": "of" hangs from "because"
    return word in _CIRCUMSTANCE_PREPOSITIONS


def _object_in_chain(noun: Token, cue: Token, verb: Token) -> bool:
    """Whether ``noun``, set off from ``cue`` by a comma or a conjunction, is the object of a
    preposition, or the direct object of a verb joined under ``verb`` (not of ``verb`` itself:
    "asked Mr. Manafort, referring to ...", where the parser took an inverted speaker for the
    object). With nothing between them the noun may be the cue's lost subject ("more than
    the oil industry says ...")."""
    between = noun.doc[noun.i + 1 : cue.i]
    if not any(t.text == "," or t.dep_ == "cc" for t in between):
        return False
    if noun.dep_ == "pobj":
        return True
    return noun.dep_ == "dobj" and noun.head.i != verb.i


def _first_of_joined(verb: Token) -> Token:
    """The verb before ``verb`` that it is joined to as a conjunct, an adverbial participle or
    a complement ("railed ... and explained", "said little, offering", "were quoted speaking"),
    climbing while there is one; ``verb`` itself when there is none."""
    current = verb
    while (
        current.dep_ in _CLIMB_RELATIONS
        and current.head.i < current.i
        and current.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in current.children)
    ):
        current = current.head
    return current


def _set_off_clause_subject(verb: Token) -> Token | None:
    """The subject the parser gave a clause it hung before a subjectless verb, set off by a
    comma: a complement ("Kasich offered the man a job, then says he will ...", read as
    "[Kasich offered ...], says": whoever did the first thing says the second), or a
    participle right before the verb ("Tony Adams, writing in his column for The Times, said
    ...", parsed with Adams as the subject of "writing": who writes says it, not "The Times",
    the noun right before the verb)."""
    doc = verb.doc
    for child in verb.lefts:
        complement = child.dep_ == "ccomp" and _finite(child)
        participle = child.dep_ == "advcl" and child.tag_ in ("VBG", "VBN")
        if not (complement or participle):
            continue
        between = doc[child.right_edge.i + 1 : verb.i]
        if not between or between[0].text != ",":
            continue
        if participle and len(between) != 1:
            continue
        if complement and any(t.dep_ not in ("punct", "advmod", "cc") for t in between):
            continue
        subject = next(
            (c for c in child.children if c.dep_ == "nsubj" and (complement or c.i < child.i)),
            None,
        )
        kinds = ("PROPN", "PRON", "NOUN") if complement else ("PROPN", "NOUN")
        if subject is not None and subject.pos_ in kinds:
            return subject
    return None


def _misread_name(compound: Token, cue: Token) -> bool:
    """Whether a word the parser compounded with a noun cue is a name speaking through it:
    a proper noun ("Trump claims that ..."), or, where the parser read the sentence's verb as a
    plural noun at its root, a capitalised word ("Trump predicts that ...", "Trump" tagged as
    a common noun): a sentence with no verb but that noun says nothing otherwise."""
    if compound.pos_ == "PROPN":
        return True
    return cue.dep_ == "ROOT" and cue.tag_ == "NNS" and compound.text[:1].isupper()


def _left_subject(verb: Token) -> Token | None:
    """The nearest nominal the parser hung before a finite verb under some other relation:
    the subject it lost ("Trump, speaking at a rally, did not mention ...", where "Trump" is
    read as an adverbial clause; "About 4 in 10 say ..."). Times, objects of prepositions and
    words across a line break are not subjects."""
    for child in reversed(list(verb.lefts)):
        if child.dep_ in _NOT_SUBJECTS or child.ent_type_ in TIME_LABELS:
            continue
        if child.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and not _line_break_between(
            verb.doc, child.i, verb.i
        ):
            return child
    return None


def _maker_of(noun: Token) -> Token | None:
    """Who made a statement a noun of saying names with "by" or "from" before its clause."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i > noun.i:
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            if found is not None and found.pos_ in ("PROPN", "NOUN", "PRON"):
                return found
    return None


def candidate_pairs(
    doc: Doc,
    assertive: list[Token] | None = None,
    lexicons: Lexicons | None = None,
    stands: Container[str] | None = None,
) -> Iterator[tuple[Token, str, Token, Token | None]]:
    """(cue, relation, clause, speaker) for every word that could report one of its clauses.

    ``assertive``, when given with ``lexicons``, collects the assertive verbs met on the way
    (whose gerund objects are read apart, :func:`_gerund_object`), in the same pass.
    ``stands``, when given, also yields the prepositional objects of the nouns and adjectives
    it holds (``n:`` or ``a:`` and the lemma) under ``pp:<preposition>``: "opposition to the
    plan", "critical of the deal" (:func:`_stand_phrases`).
    """
    verbs = lexicons.assertive_verbs if lexicons is not None else frozenset()
    strings = doc.vocab.strings
    heads = {strings["VERB"], strings["NOUN"], strings["AUX"]}
    if stands is not None:
        heads.add(strings["ADJ"])
    positions = doc.to_array("POS").tolist() if len(doc) else []
    claimed: set[int] = set()  # clauses a verb of saying before took from where they hung
    for index in (i for i, pos in enumerate(positions) if pos in heads):
        token = doc[index]
        if stands is not None and token.pos_ in ("NOUN", "ADJ"):
            yield from _stand_phrases(token, stands, lexicons)
            if token.pos_ == "ADJ":
                continue
        if assertive is not None and token.pos_ == "VERB" and token.lemma_.lower() in verbs:
            assertive.append(token)
        found = [(r, c) for r, c in clauses(token) if c.i not in claimed]
        if token.pos_ == "NOUN":
            found = [(r, c) for r, c in found if c.pos_ in ("VERB", "AUX")]
        elif (
            lexicons is not None
            and token.lemma_.lower() in lexicons.cue_verbs
            and not any(relation == "ccomp" for relation, _ in found)
        ):
            # a verb of saying without a clause of its own: one the parser hung elsewhere
            hung = _that_clause_of_setting(token) or _that_clause_read_as_adverbial(token)
            if hung is not None:
                found.append(("ccomp", hung))
                claimed.add(hung.i)  # not also the clause of "aired" in "an interview aired"
        if token.pos_ == "VERB":
            found.extend(_complements_read_as_adverbial(token, found))
            said = _said_by_agent(token, found, lexicons) if lexicons is not None else None
            if said is not None:
                found.append(("dobj", said))
        if not found:
            continue
        speaker = _speaker_token(token)
        if lexicons is not None:
            # "understands that staff ... have not been told", "staff" read as the object: the
            # object is the subject of the clause after it, one content, not two
            lost = any(
                _subject_read_as_object(token, relation, clause, lexicons) is not None
                for relation, clause in found
                if relation == "ccomp"
            )
            found = [(r, c) for r, c in found if r != "dobj" or not lost]
        for relation, clause in found:
            noun = _saying_noun_before(token, clause, lexicons) if relation == "ccomp" else None
            if noun is not None:
                # "backed her vow (on Monday) that ...": the clause is the vow's
                yield noun, "acl", clause, _speaker_token(noun)
                continue
            yield token, relation, clause, speaker


def _stand_phrases(
    word: Token, stands: Container[str], lexicons: Lexicons | None
) -> Iterator[tuple[Token, str, Token, Token | None]]:
    """The prepositional objects after a noun or adjective in ``stands`` ("opposition to the
    plan", "critical of the deal", "concerns about the vote"), each with who holds the stand."""
    if ("n:" if word.pos_ == "NOUN" else "a:") + word.lemma_.lower() not in stands:
        return
    holder: Token | None = None
    for child in word.children:
        if child.dep_ != "prep" or child.i < word.i:
            continue
        phrase = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
        if phrase is None:
            continue
        if holder is None:
            holder = _stand_holder(word, lexicons)
        yield word, f"{PHRASE_PREFIX}{child.lower_}", phrase, holder


def _stand_holder(word: Token, lexicons: Lexicons | None) -> Token | None:
    """Who takes the stand a noun or adjective names: the possessor ("Trump's opposition to",
    "his call for"), who made it ("criticism of X by Y"), the noun an adjective or an
    apposition describes ("voters wary of", "Ruiz, a critic of"), else the subject of the verb
    the word is the object or predicate of, directly or through phrases ("Ruiz voiced concern
    about", "Ruiz is critical of", "Ruiz entered the race with harsh words about") when it
    may speak (a name, a person, a body, a document: not "the debate turned into an argument
    about") and does not undergo the stand ("Ruiz faced criticism of")."""
    if word.pos_ == "NOUN":
        owner = next((c for c in word.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        maker = _maker_of(word)
        if maker is not None:
            return maker
    if word.dep_ in ("amod", "appos"):
        return word.head if word.head.pos_ in ("NOUN", "PROPN", "PRON") else None
    verb = _governing_verb(word)
    if verb is None or lexicons is None:
        return None
    if word.dep_ == "dobj" and verb.lemma_.lower() in lexicons.receiving_verbs:
        return None  # "Trump faced criticism of ...": Trump is its target
    subject = subject_of(verb, wide=True)
    if subject is None:
        return subject
    return subject if speaks_or_records(antecedent_of(subject) or subject, lexicons) else None


_GOVERNED = frozenset({"dobj", "attr", "acomp", "oprd", "pobj", "prep", "conj"})
"""How a word hangs on its way up to the verb whose subject takes its stand: an object, a
predicate, a phrase's object, a phrase, a conjunct (not a subject: "concerns about X grew")."""


def _governing_verb(word: Token) -> Token | None:
    """The verb a word is the object or predicate of, through phrases and conjuncts (at most
    four steps: "entered the race with harsh words about": entered)."""
    current = word
    for _ in range(4):
        if current.dep_ not in _GOVERNED or current.head.i == current.i:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _that_clause_read_as_adverbial(verb: Token) -> Token | None:
    """The "that" clause of a verb of saying that the parser read as adverbial because words
    were set off between them ("reported last month, citing unnamed sources, that the
    company had approached ..."): a clause after the verb opened by "that" alone (not "so
    that", "now that") with a subject of its own."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i < verb.i:
            continue
        marks = [c for c in clause.children if c.i < clause.i and c.dep_ in ("mark", "advmod")]
        if [m.lower_ for m in marks] == ["that"] and _has_own_subject(clause):
            return clause
    return None


def _complements_read_as_adverbial(
    verb: Token, found: list[tuple[str, Token]]
) -> list[tuple[str, Token]]:
    """Complements of ``verb`` that the parser hung as adverbial clauses, with the relation
    they stand in.

    "called for rivals to drop out": a "for" clause with a subject and an infinitive is the
    object of the "for" the verb takes (the parser reads "for" as a conjunction, so the verb
    has no "for" phrase of its own), read as ``prep:for`` like "called for a vote". After an
    object it says what the object is for ("gave him time for the talks to end"), not what
    the verb reports.
    "asked him if he would run": after a verb of asking an "if" or "whether" clause with a
    subject is the question asked (its ``ccomp``), not a condition.
    """
    extra: list[tuple[str, Token]] = []
    asking = verb.lemma_.lower() in ASKING_VERBS and not any(r == "ccomp" for r, _ in found)
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i < verb.i or not _has_own_subject(clause):
            continue
        mark = clause.doc[clause.left_edge.i]
        if mark.dep_ != "mark" or mark.head.i != clause.i:
            continue
        if (
            mark.lower_ == "for"
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)
            and not any(r in ("prep:for", "dobj") for r, _ in found)
        ):
            extra.append(("prep:for", clause))
        elif asking and mark.lower_ in ("if", "whether"):
            extra.append(("ccomp", clause))
    return extra


# Verbs of saying whose object, or passive subject, is whom they address ("told reporters",
# "was told by", "was asked by", "was warned by"), not what is said.
_ADDRESSEE_VERBS = frozenset(
    {"tell", "ask", "inform", "assure", "remind", "warn", "advise", "urge", "instruct", "order"}
    | {"brief", "thank"}
)


def _said_by_agent(verb: Token, found: list[tuple[str, Token]], lexicons: Lexicons) -> Token | None:
    """The subject of a passive verb of saying with an agent, which reports it as the active
    verb reports its object: "The meeting was first reported by Politico" is Politico's
    "reported the meeting". On PolNeAR train (the pool of articles outside the held-out
    sample) 13 of 17 such subjects are annotated as content; without the agent ("the deal
    was announced") 20 of 74, so those stay out. Not a verb whose passive subject is its
    addressee ("was told by"), a relayed saying ("was quoted by Reuters as saying"), a verb
    with a clause of its own ("was told by aides that ...") or a predicate ("was described
    as 'heartbreaking' by ...", the quote finder's), nor a relative pronoun."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in lexicons.cue_verbs:
        return None
    lemma = verb.lemma_.lower()
    if lemma in _ADDRESSEE_VERBS or lemma == "write" or _frames_quoting(verb):
        return None  # "the letter was written by X" names the text's author
    if any(relation in ("ccomp", "xcomp") for relation, _ in found):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if subject is None or agent is None or not any(c.dep_ == "pobj" for c in agent.children):
        return None
    if subject.tag_ in ("WDT", "WP"):
        return None  # "the data, which is maintained by X": a description of the data
    if any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children):
        return None  # "was described as 'heartbreaking' by X": what X said is the predicate
    return subject


def _reported_by_agent(verb: Token, relation: str, clause: Token) -> bool:
    """Whether the pair is a passive saying's subject (:func:`_said_by_agent`)."""
    return relation == "dobj" and clause.dep_ == "nsubjpass" and clause.head.i == verb.i


_SETTING_PREPOSITIONS = frozenset(
    {"in", "at", "on", "during", "after", "before", "over", "via", "through", "for"}
)


def _that_clause_of_setting(verb: Token) -> Token | None:
    """The "that" clause of a verb of saying that the parser hung from the noun of a phrase
    between them: "reported at the time that the firm had won" (read as "the time that
    ..."), "said for the first time that ...", "said in a report that ..." (the report's
    clause). The phrase must say when, where or how it was said (not whom it answers: "respond
    to Romney's accusations that ..."), its noun must have no owner to say the clause itself,
    and the clause must open with "that" as a conjunction and have a subject of its own, which
    a relative clause ("the report that was published") lacks."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i or prep.lower_ not in _SETTING_PREPOSITIONS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or any(c.dep_ == "poss" for c in noun.children):
                continue
            for clause in noun.children:
                if clause.dep_ not in ("acl", "relcl") or clause.i < noun.i:
                    continue
                if _opens_with_that(clause):
                    return clause
                # "said in an interview aired Sunday that ...": the clause hung from the
                # participle that says when the setting was
                if clause.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in clause.children):
                    for inner in clause.children:
                        if inner.dep_ == "ccomp" and inner.i > clause.i and _opens_with_that(inner):
                            return inner
                        if (found := _that_clause_of_place(inner)) is not None:
                            return found
    return None


def _that_clause_of_place(prep: Token) -> Token | None:
    """ "said in a notice posted on the FDA's website that ...": the clause the parser hung
    from the noun of where the setting was put, which is no saying of its own (a "claim that"
    or a "report that" owns its clause)."""
    if prep.dep_ != "prep" or prep.lower_ not in _SETTING_PREPOSITIONS:
        return None
    lexicons = load_lexicons()
    for noun in prep.children:
        if noun.dep_ != "pobj" or noun.lemma_.lower() in lexicons.cue_nouns:
            continue
        for clause in noun.children:
            if clause.dep_ in ("acl", "relcl") and clause.i > noun.i and _opens_with_that(clause):
                return clause
    return None


def _opens_with_that(clause: Token) -> bool:
    """Whether a clause opens with the conjunction "that" and has a subject of its own (which
    a relative clause, "the report that was published", lacks), or with a "that" parsed as
    the relative object of a verb that has an object of its own ("a statement that Estonia
    bore 'full responsibility'": no verb takes two, so "that" is the conjunction) or of a
    verb that does not make or pass on documents."""
    marks = [c for c in clause.children if c.i < clause.i and c.lower_ == "that"]
    if not marks:
        return False
    if marks[0].dep_ in ("mark", "advmod"):
        return _has_own_subject(clause)
    if marks[0].dep_ != "dobj":
        return False
    if any(c.dep_ == "dobj" and c.i > clause.i for c in clause.children):
        return True
    # "said in a post on X that more than 13,000 trucks had entered ...", read as the trucks
    # entering the post: a document is the object of a verb that makes or sends one ("a post
    # that he wrote"), of no other verb, so with a subject of its own the clause is what is said
    return _has_own_subject(clause) and clause.lemma_.lower() not in _ISSUING_VERBS | {
        "share",
        "read",
        "give",
        "record",
        "upload",
        "see",
        "receive",
        "quote",
        "cite",
    }


def _has_own_subject(clause: Token) -> bool:
    """Whether a clause has a subject of its own (or the dummy "there")."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)


def _saying_noun_before(verb: Token, clause: Token, lexicons: Lexicons | None) -> Token | None:
    """The noun of saying, object of ``verb`` (or joined to its object) with a possessor who
    made it, that a "that" clause the parser hung from the verb follows right after (over a
    phrase such as "on Monday"): the clause is the noun's ("backed her vow on Monday that")."""
    first = clause.left_edge
    if lexicons is None or first.dep_ != "mark" or first.lower_ != "that":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for noun in [*objects, *(c for o in objects for c in o.conjuncts)]:
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or (
            lemma not in lexicons.cue_nouns and lemma not in lexicons.cue_verbs
        ):
            continue
        if not any(c.dep_ == "poss" for c in noun.children):
            continue  # "echoed statements by X that ...": the echo may be the saying
        gap = noun.right_edge.i + 1
        for phrase in verb.children:
            if phrase.dep_ in ("prep", "npadvmod") and phrase.left_edge.i == gap:
                gap = phrase.right_edge.i + 1
        if gap == first.i:
            return noun
    return None


def _ratio_score(token: Token, relation: str, lexicons: Lexicons) -> float:
    """The reliability of a pair from the counts and lexicons (when no model is shipped)."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN":
        if lemma not in lexicons.cue_nouns:
            return 0.0
        return max(pair_ratio(lexicons, "n:" + lemma, relation), 0.6)
    ratio = pair_ratio(lexicons, lemma, relation)
    return ratio if ratio >= _MIN_RATIO else 0.0


def depicts(
    token: Token, relation: str, clause: Token, subject: Token | None, lexicons: Lexicons
) -> bool:
    """Whether a perception verb depicts or sees a picture: "the film shows X", "he sees a
    photo of Y". With a clause ("the video shows that ...") or another object ("polls show
    Clinton ahead", "many see him as ...") it can still report, as PolNeAR annotates."""
    if token.pos_ == "NOUN" or token.lemma_.lower() not in lexicons.perception_verbs:
        return False
    if relation != "dobj" and not relation.startswith("prep:"):
        return False
    pictures = lexicons.visual_nouns
    return clause.lemma_.lower() in pictures or (
        subject is not None and subject.lemma_.lower() in pictures
    )


def _scored_pairs(
    doc: Doc, lexicons: Lexicons
) -> dict[int, tuple[Token, str, Token, Token | None, float]]:
    """The best-scoring accepted clause of each cue word, keyed by the word's index."""
    model = load_cue_model()
    marks = quote_marks(doc)
    best: dict[int, tuple[Token, str, Token, Token | None, float]] = {}
    assertive: list[Token] = []
    phrases = model.phrases if model is not None else None
    stands = phrases.heads if phrases is not None else None
    for token, relation, clause, speaker in candidate_pairs(doc, assertive, lexicons, stands):
        if phrases is not None and relation.startswith(PHRASE_PREFIX):
            score = phrases.probability(phrase_features(token, relation, clause, speaker, marks))
            # the word's likeliest phrase ("support for X among Y"); its phrases come first
            if score >= phrases.threshold and (token.i not in best or score > best[token.i][4]):
                best[token.i] = (token, relation, clause, speaker, score)
            continue
        if depicts(token, relation, clause, speaker, lexicons) or _felt_by_its_object(
            token, relation, speaker, lexicons
        ):
            continue
        if model is not None:
            score = model.probability(pair_features(token, relation, clause, speaker, marks))
            threshold = model.threshold_for(relation)
            if (
                _inverted_frame(token, relation, clause, speaker, lexicons)
                or _made_clear(token, relation, clause)
                or _subject_read_as_object(token, relation, clause, lexicons) is not None
                or _reported_by_agent(token, relation, clause)
            ):
                score = max(score, _INVERTED_FRAME_SCORE)
            elif score < threshold and not _evidential(token, relation, lexicons):
                continue
        else:
            score = _ratio_score(token, relation, lexicons)
            if score <= 0.0:
                continue
        known = best.get(token.i)
        if known is not None and relation == "ccomp" and _said_right_after(token, clause):
            known = None  # over a clause before it (see :func:`_said_right_after`)
        elif known is not None and known[1] == "ccomp" and _said_right_after(token, known[2]):
            continue
        if known is None or known[1].startswith(PHRASE_PREFIX) or score > known[4]:
            # a noun's clause ("the claim that ...") before its phrase ("the claim of X")
            best[token.i] = (token, relation, clause, speaker, score)
    for token in assertive:
        gerund = next((c for c in token.children if _gerund_object(token, c)), None)
        if token.i not in best and gerund is not None:
            best[token.i] = (token, "xcomp", gerund, _speaker_token(token), 1.0)
    return best


def _said_right_after(cue: Token, clause: Token) -> bool:
    """Whether ``clause`` is what ``cue`` says because it follows the cue at once with a
    subject of its own ("he said she should call Compaq's chief", "26% say they are
    conservative"), the cue having its subject before it: the parser also hangs a clause
    before such a cue from it ("Keyworth was so fired up ... he said she should ...", "53%
    describe themselves as liberal; 26% say ..."), which then outscores the right one. On
    PolNeAR train (the pool outside the held-out sample) the clause right after is the
    annotated content in 8 of 12 such cues, the one before in 2. A clause opening with a mark
    other than "that" ("he said as some booed") is the cue's adverbial."""
    if clause.i < cue.i or clause.left_edge.i != cue.i + 1:
        return False
    opener = clause.left_edge
    if opener.dep_ == "mark" and opener.lower_ != "that":
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    return any(c.dep_ == "nsubj" and c.i < cue.i for c in cue.children)


def _felt_by_its_object(
    verb: Token, relation: str, speaker: Token | None, lexicons: Lexicons
) -> bool:
    """ "it bothered him that Clinton had referred to ...", "it surprised officials that ...":
    the "it" stands for the clause and the object feels it; nobody says anything. (Not a
    verb of saying: "it told us that" is an organisation telling.)"""
    return (
        relation == "ccomp"
        and speaker is not None
        and speaker.lower_ == "it"
        and verb.lemma_.lower() not in lexicons.cue_verbs
        and any(c.dep_ == "dobj" for c in verb.children)
    )


_INVERTED_FRAME_SCORE = 0.9
"""How sure a set-off inverted frame ("X, scientists think.") is: as sure as a plain "said",
so its clause wins over any other the verb might take ("think, with ...")."""


def _made_clear(verb: Token, relation: str, clause: Token) -> bool:
    """ "X made it clear (or plain, or known) that ...": the dummy "it" and the "that" clause
    make the construction a saying wherever the sentence puts it (after a colon, in a clause
    the model rarely saw)."""
    if verb.lemma_.lower() != "make" or clause.lower_ not in ("clear", "plain", "known"):
        return False
    return _complement_of_object(verb, relation, clause) is not None


_SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you"})


def _subject_read_as_object(
    cue: Token, relation: str, clause: Token, lexicons: Lexicons
) -> Token | None:
    """The pronoun the parser made the object of a verb of saying when it is the subject of
    the clause right after, cut off from it by a set-off word ("a ruling that said it, too,
    had engaged in price-fixing"): a subject form ("they", "he") or "it", followed by the
    clause that has no subject of its own. So is a noun after a "that" read as its
    determiner ("The BBC understands that staff in the office have not been told"): the
    noun's phrase, past the "that", is the clause's subject. None elsewhere."""
    if relation != "ccomp":
        return None
    pronoun = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if pronoun is None or clause.i < pronoun.i or _has_own_subject(clause):
        return None
    if clause.left_edge.i != pronoun.right_edge.i + 1:
        return None
    if pronoun.lower_ in _SUBJECT_PRONOUNS and pronoun.i == cue.i + 1:
        return pronoun if cue.lemma_.lower() in lexicons.cue_verbs else None
    that = pronoun.doc[cue.i + 1]
    misread = that.lower_ == "that" and that.dep_ == "det" and that.head.i == pronoun.i
    if misread and _finite(clause):
        return pronoun.doc[that.i + 1]
    return None


def _inverted_frame(
    cue: Token, relation: str, clause: Token, speaker: Token | None, lexicons: Lexicons
) -> bool:
    """ "Pollution is to blame, scientists think, with ...": a clause, then a comma, someone
    who can speak and the verb, set off at the end of the clause's sentence or by a comma, is
    that someone's saying or belief, whatever the model scores (the inverted frame is how
    news sets off reported words)."""
    if relation != "ccomp" or cue.pos_ != "VERB" or speaker is None:
        return False
    doc = cue.doc
    if not clause.right_edge.i < speaker.left_edge.i <= speaker.i == cue.i - 1:
        return False
    before, after = doc[speaker.left_edge.i - 1], doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if before.text != "," or (after is not None and after.text not in (",", ".", ";")):
        return False
    return speaks_or_records(speaker, lexicons) and speaker.lower_ not in ("i", "we")


def _evidential(cue: Token, relation: str, lexicons: Lexicons) -> bool:
    """ "The patient was said to be recovering", "he is reported to have fled": a passive verb
    of saying or believing with an infinitive reports what unnamed others say, whatever the
    model scores (not "was asked to call", "was admitted to hospital")."""
    return (
        relation == "xcomp"
        and cue.tag_ == "VBN"
        and cue.lemma_.lower() in HEARSAY_VERBS
        and any(c.dep_ == "auxpass" for c in cue.children)
    )


def _next_to_quote(cue: Token) -> bool:
    """Whether a quotation mark adjoins the cue's words (past a comma)."""
    doc = cue.doc
    for start, step in ((cue.left_edge.i - 1, -1), (cue.right_edge.i + 1, 1)):
        at = start
        while 0 <= at < len(doc) and doc[at].text in (",", "--", "—"):
            at += step
        if 0 <= at < len(doc) and doc[at].is_quote:
            return True
    return False


def _as_said(cue: Token, lexicons: Lexicons, text: str) -> Reported | None:
    """ "As the committee has pointed out, the law would also be used to ...": an "as" clause
    with a verb of saying reports the clause it hangs from, when that clause reports nothing
    itself (with a saying of its own, "X described ..., as the Times reported", the "as"
    clause names a carrier: :func:`sayso.statements.carriers.carriers_in_sentence`)."""
    if cue.lemma_.lower() not in lexicons.cue_verbs:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    if any(c.dep_ in _VERB_RELATIONS for c in cue.children):
        return None  # "as he said he would": the clause is its own
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    head = cue.head
    if subject is None or subject.lemma_.lower() in lexicons.visual_nouns:
        return None  # "as this photo shows": a picture depicts, it does not report
    if head.lemma_.lower() in lexicons.cue_verbs or head.pos_ not in ("VERB", "AUX"):
        return None
    doc = cue.doc
    before = _clause_span(doc, head.left_edge.i, cue.left_edge.i - 1)
    after = _clause_span(doc, cue.right_edge.i + 1, head.right_edge.i)
    sides = [
        within
        for side in (before, after)
        if side is not None and (within := _within_paragraph(text, side, cue.idx)) is not None
    ]
    if not sides or not any(t.pos_ in ("VERB", "AUX") for t in head.subtree):
        return None
    return Reported(
        cue=cue_span(cue),
        cue_token=cue.i,
        content=(sides[0][0], sides[-1][1]),
        relation="parataxis",
        ratio=1.0,
        subject=subject.i,
        gap=(sides[0][1], sides[1][0]) if len(sides) == 2 else None,
        claim=states_claim(cue, "parataxis", None, lexicons),
    )


def _parenthetical(cue: Token, lexicons: Lexicons, text: str) -> Reported | None:
    """A cue set off inside or after the sentence it reports: "The plan, she said, will fail."

    The parser hangs such a cue from the sentence's verb (``parataxis``); the content is the
    whole sentence around the cue's own words. Whom the cue addresses is among those words
    ("The solution, the partner told them, was simple": :func:`_addressed`).
    """
    if cue.lemma_.lower() not in lexicons.cue_verbs:
        return None
    if any(c.dep_ in _VERB_RELATIONS and not _addressed(cue, c, lexicons) for c in cue.children):
        return None
    root = cue.head
    while root.dep_ != "ROOT" and root.head.i != root.i:
        root = root.head
    doc = cue.doc
    if _next_to_quote(cue):
        return None  # '"...," she said, "..."' is the quote finder's
    frame = _set_off_start(cue)
    before = _clause_span(doc, root.left_edge.i, frame - 1)
    if _only_an_opening_question(doc, root.left_edge.i, frame):
        before = None  # "Asked whether ..., she said, '...'": what she was asked, not said
    after = _clause_span(doc, cue.right_edge.i + 1, root.right_edge.i)
    if _participle_set_off_after(cue):
        after = None  # "..., the people said, asking not to be named": how they spoke, not what
    sides = [
        within
        for side in (before, after)
        if side is not None and (within := _within_paragraph(text, side, cue.idx)) is not None
    ]
    if not sides:
        return None
    start, end = sides[0][0], sides[-1][1]
    # "..., Bloomberg reported, citing people familiar with the matter": they speak through it
    subject, carriers = passed_on(cue, subject_of(cue, wide=True))
    return Reported(
        cue=cue_span(cue),
        cue_token=cue.i,
        content=(start, end),
        relation="parataxis",
        ratio=1.0,
        subject=subject.i if subject is not None else None,
        carriers=carriers,
        gap=(sides[0][1], sides[1][0]) if len(sides) == 2 else None,
        claim=states_claim(cue, "parataxis", None, lexicons),
    )


def _addressed(cue: Token, child: Token, lexicons: Lexicons) -> bool:
    """Whether ``child``, the object of a verb of telling ("told them", "told reporters"), is
    whom the cue addresses, not what it says: a name, a personal pronoun or someone who could
    speak (:func:`.speaks_or_records`), not a document or words ("told a story"). The verbs
    are those whose passive subject is the addressee (``_ADDRESSEE_VERBS``): the same role."""
    if child.dep_ != "dobj" or cue.lemma_.lower() not in _ADDRESSEE_VERBS:
        return False
    if child.pos_ in ("PROPN", "PRON"):
        return child.lower_ not in ("it", "this", "that", "what", "which")
    lemma = child.lemma_.lower()
    if lemma in lexicons.document_nouns or lemma in lexicons.cue_nouns:
        return False
    return child.pos_ == "NOUN" and speaks_or_records(child, lexicons)


def _only_an_opening_question(doc: Doc, first: int, frame: int) -> bool:
    """Whether tokens ``first`` up to ``frame`` (where a parenthetical cue's own words start)
    are only a past participle with no subject of its own and its phrase, set off by a comma:
    "Asked by a reporter whether she had practiced, she said, '...'", "Pressed on the deal,
    he said, '...'" (no comma inside it: a phrase after one may be the sentence's subject
    that the parser hung from the participle). Who was asked is the speaker; the question
    frames the saying and is not what was said (PolNeAR leaves it out of the content, as it
    leaves out the unnamed asker: :func:`passive_set_off`)."""
    opening = doc[first]
    if opening.tag_ not in ("VBN", "VBD") or opening.left_edge.i != first:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in opening.children):
        return False
    comma = opening.right_edge.i + 1
    if comma > frame or comma >= len(doc) or doc[comma].text != ",":
        return False
    if any(t.text == "," for t in doc[first:comma]):
        return False  # "Bound by ... border, the two nations, Xi said": a subject parsed into it
    return all(t.is_punct for t in doc[comma:frame])  # the frame may open with the comma


def _closing_frame_as_relative(cue: Token) -> bool:
    """ "Everton have rejected a second bid for Garner, the Liverpool Echo reports.": a verb of
    saying in the present or past that closes the sentence after a comma and its subject,
    with no object or clause of its own, which the parser made a relative clause of a noun
    before the comma ("bid"). It is the sentence's frame, set off as a parenthetical cue
    is (:func:`_parenthetical`)."""
    doc = cue.doc
    if cue.tag_ not in ("VBZ", "VBD", "VBP") or cue.head.i > cue.i:
        return False
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].i > cue.i or len(list(cue.children)) != 1:
        return False
    comma = subjects[0].left_edge.i - 1
    if comma <= cue.head.i or doc[comma].text != ",":
        return False
    rest = doc[cue.i + 1 : cue.sent.end]
    return all(t.is_punct or t.is_space for t in rest) and any(t.text == "." for t in rest)


def _set_off_start(cue: Token) -> int:
    """Where a parenthetical cue's own words start: at its subject ("Voters, Clinton
    suggested, don't have to worry": the parser also makes "Voters", before the comma, a
    subject of "suggested", but it is the subject of what was suggested)."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i]
    if len(subjects) < 2:
        return cue.left_edge.i
    nearest = subjects[-1]
    comma = nearest.left_edge.i - 1
    if comma < 0 or cue.doc[comma].text != "," or subjects[-2].right_edge.i >= comma:
        return cue.left_edge.i
    return comma


def _participle_set_off_after(cue: Token) -> bool:
    """Whether a participle set off by a comma follows the cue's words ("..., the people said,
    asking not to be identified", "..., she said, speaking by phone"): it tells how the
    speaker spoke, not what, and what follows it is its own."""
    doc = cue.doc
    at = cue.i + 1
    while at < len(doc) and doc[at].text == ",":
        at += 1
    # an adverbial participle, not a gerund that opens the rest ("he said, replacing Clinton
    # would be much harder")
    return cue.i + 1 < at < len(doc) and doc[at].tag_ == "VBG" and doc[at].dep_ == "advcl"


def _special_cues(doc: Doc) -> list[Token]:
    """The words that may be "according (to)", a parenthetical cue or an "as" clause, found
    from the document's arrays rather than by building a Token for every word."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    # compared in the arrays: a two-column tolist makes a list per token, whose allocations
    # set off the garbage collector's full passes
    dep = doc.to_array("DEP")
    wanted = (doc.to_array("LOWER") == strings["according"]) | (
        (doc.to_array("POS") == strings["VERB"])
        & ((dep == strings["parataxis"]) | (dep == strings["advcl"]) | (dep == strings["relcl"]))
    )
    return [doc[i] for i in wanted.nonzero()[0].tolist()]


def find_reported(doc: Doc, lexicons: Lexicons) -> list[Reported]:
    """Every cue with its content clause in ``doc``, in text order."""
    found: list[Reported] = []
    closing: list[Reported] = []  # closing frames read as relative clauses: if nothing else
    text = doc_text(doc)  # built by joining every token: once, not per cue
    for token in _special_cues(doc):
        if token.lower_ == "according":
            according = _according_to(token)
            if according is not None:
                found.append(according)
        elif token.dep_ == "parataxis" and token.pos_ == "VERB":
            parenthetical = _parenthetical(token, lexicons, text)
            if parenthetical is not None:
                found.append(parenthetical)
        elif token.dep_ == "advcl" and token.pos_ == "VERB":
            as_said = _as_said(token, lexicons, text)
            if as_said is not None:
                found.append(as_said)
        elif token.dep_ == "relcl" and _closing_frame_as_relative(token):
            parenthetical = _parenthetical(token, lexicons, text)
            if parenthetical is not None:
                closing.append(parenthetical)
    taken: set[int] = set()  # object nouns whose clause a verb cue took
    scored = _scored_pairs(doc, lexicons)
    # "voiced concern about X": the verb's pair reports the noun, phrase and all
    reported_words = {p[2].i for p in scored.values() if not p[1].startswith(PHRASE_PREFIX)}
    pairs = sorted(scored.values(), key=lambda p: p[0].i)
    framing = _framing_a_saying(pairs, lexicons)
    framed = {saying: frame for frame, saying in framing.items() if doc[frame].pos_ == "VERB"}
    for pair in pairs:
        if pair[0].lower_ == "according" or pair[0].i in taken or pair[0].i in framing:
            continue
        if pair[1].startswith(PHRASE_PREFIX):
            if pair[0].i in reported_words or _inside_quotation(text, pair[0].idx):
                continue
            reported = _stand_reported(pair, lexicons, text)
        else:
            reported = _pair_reported(pair, lexicons, text, taken)
        if reported is not None and pair[0].i in framed:
            # the cue is the whole frame: "issued a statement saying"
            start = cue_span(doc[framed[pair[0].i]])[0]
            reported = replace(reported, cue=(start, reported.cue[1]))
        if reported is not None and not any(
            # "X are thought to help, according to the agency": one statement, not two
            item.content == reported.content and item.subject == reported.subject
            for item in found
        ):
            found.append(reported)
    cues = {item.cue_token for item in found}
    found.extend(item for item in closing if item.cue_token not in cues)
    return sorted(found, key=lambda item: item.cue_token)


# Verbs by which someone puts out a document of their own ("issued a statement", "released a
# letter", "placed ads", "posted a video"; Levin's verbs of creation and sending), whose
# participle then says what they say. Verbs taking someone else's document ("denied a report
# saying ...", "cited a study showing ...") are not among them.
_ISSUING_VERBS = frozenset(
    {"issue", "release", "publish", "put", "send", "post", "place", "run", "air", "sign"}
    | {"write", "file", "deliver", "distribute", "circulate", "submit", "make", "launch"}
)


def _framing_a_saying(
    pairs: list[tuple[Token, str, Token, Token | None, float]], lexicons: Lexicons
) -> dict[int, int]:
    """The cues that only frame a participle on a document its issuer put out, each with
    the participle it frames: in "the
    campaign issued a statement saying it would postpone the rally" (or "placed ads calling
    the deal a mistake") what is reported is the participle's ("it would postpone the
    rally", as PolNeAR marks it, with the whole frame as the cue), said by the issuer
    (:func:`_issuer`); the verb's pair and the noun's are the frame. Only a verb that puts
    the document out (not "denied a report saying ..."), with a subject and not negated
    ("did not issue a statement saying ..."), and only where the participle's own pair was
    accepted."""
    sayings = {
        token.i for token, _, _, _, _ in pairs if token.tag_ == "VBG" and token.dep_ == "acl"
    }
    framing: dict[int, int] = {}
    for token, relation, clause, _, _ in pairs:
        if (
            token.pos_ == "VERB"
            and relation == "dobj"
            and token.lemma_.lower() in _ISSUING_VERBS
            and clause.lemma_.lower() in lexicons.document_nouns
            and any(c.i in sayings for c in clause.children)
            and not any(c.dep_ == "neg" for c in token.children)
            and any(c.dep_ == "nsubj" for c in token.children)
        ):
            saying = next(c for c in clause.children if c.i in sayings)
            # the verb's pair and the noun's own frame the participle's
            framing.update({token.i: saying.i, clause.i: saying.i})
    return framing


def dates_a_saying(token: Token) -> bool:
    """Whether ``token`` is a bare date or time modifying a verb ("said Tuesday", "said
    Monday night"): when something was said, never what."""
    return token.dep_ == "npadvmod" and token.ent_type_ in TIME_LABELS


def _past_cue_date(cue: Token, clause: Token) -> int | None:
    """Where the content starts after a date that dates the saying ("said Tuesday the vote
    would go ahead"), which the parser hangs from the clause after it; None when the clause
    does not open with such a date. The clause must keep a subject of its own after it."""
    date = cue.doc[clause.left_edge.i]
    if date.left_edge.i != cue.i + 1 or date.head.i != clause.i or not dates_a_saying(date):
        return None
    after = date.right_edge.i + 1
    has_subject = any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i >= after for c in clause.children
    )
    return after if has_subject else None


def _pair_reported(
    pair: tuple[Token, str, Token, Token | None, float],
    lexicons: Lexicons,
    text: str,
    taken: set[int],
) -> Reported | None:
    """The report an accepted (cue, relation, clause, speaker, score) pair makes, if any."""
    token, relation, clause, speaker, score = pair
    doc = token.doc
    if _frames_quoting(token):
        return None  # "quoted X as saying": the "saying" it frames reports
    cue = cue_span(token) if token.pos_ != "NOUN" else (token.idx, token.idx + len(token))
    inverted = _inverted(token, relation, lexicons, text) or _set_off(
        token, relation, clause, lexicons
    )
    if inverted is not None:
        return inverted
    complement = _complement_of_object(token, relation, clause)
    if complement is not None:
        # "expressed concern that X", "made it clear that X": the clause is the content, the
        # verb and its object the cue; the object's own pair says the same.
        clause, relation, last = complement
        cue = (cue[0], last.idx + len(last))
        taken.add(last.i)
    if relation == "ccomp":
        clause = _under_closing_frame(token, clause, lexicons) or clause
    first = clause.left_edge.i
    opener = doc[first]
    if opener.dep_ == "mark" and opener.head.i == clause.i and relation == f"prep:{opener.lower_}":
        first += 1  # "called for rivals to drop out": the "for" is the cue's preposition
    lost_subject = _subject_read_as_object(token, relation, clause, lexicons)
    if lost_subject is not None:
        first = lost_subject.i
    elif relation == "ccomp":
        whole = _whole_sentence_before(token, clause)  # (0 for a document's first sentence)
        if whole is None:
            whole = _past_cue_date(token, clause)
        first = first if whole is None else whole
    citing = cited_source(token)
    if citing is not None and not _names_a_source(citation_object(citing)):
        citing = None
    if citing is not None and citing.left_edge.i <= first <= citing.right_edge.i + 1:
        first = citing.right_edge.i + 1  # "reported, citing the ministry, that ...": not content
    reduced = reduced_hearsay(token, relation, clause)
    hearsay = reduced or _evidential(token, relation, lexicons)
    passive = ("nsubjpass", "nsubj") if reduced else ("nsubjpass",)
    subject = next((c for c in token.children if c.dep_ in passive), None)
    if hearsay and subject is not None and subject.i < token.i:
        # "the risk is said to be low": what is said is the risk's being low, subject and all
        first = subject.left_edge.i
    content = _clause_span(doc, first, _object_end(token, relation, clause))
    if relation == "ccomp":
        content = _clause_span(doc, first, _clauses_end(token, clause))
        saying = _coordinated_saying(clause, lexicons) or _trailing_saying(token, clause, lexicons)
        if saying is not None and content is not None:
            # "said the budget would pass and vowed to cut taxes", "said the board would meet,
            # adding that ...": two statements
            content = _clause_span(doc, first, saying.left_edge.i - 1)
    if content is None:
        return None
    content = _within_paragraph(text, content, token.idx)
    if content is None:
        return None
    gap = None
    raised = _raised_subject(token, relation, clause, lexicons)
    fronted = _fronted_relative(token, relation, clause)
    if fronted is not None and content[0] == fronted.idx:
        # "the cuts, which he estimates will not expire ...": the pronoun and the rest of the
        # clause, not the speaker and the cue between them
        after = min(t.i for t in clause.subtree if t.i > token.i)
        gap = (fronted.idx + len(fronted), doc[after].idx)
    elif raised is not None and _within_paragraph(text, content, raised.idx) == content:
        # "Sanders seems to reap the benefits": what seems is Sanders' reaping them
        last = doc[raised.right_edge.i]
        gap = (last.idx + len(last), content[0])
        content = (doc[raised.left_edge.i].idx, content[1])
    source = None if reduced else source_of(token, speaker, lexicons)
    if hearsay and source is None:
        source = _according_to_in(token)
    if is_not_a_statement(token, relation, source, lexicons):
        return None
    inferred = evidence_without_speaker(token, source, lexicons)
    thing = relation == "dobj" and thing_acts(source, lexicons)
    source, carriers = passed_on(token, source, citing)
    return Reported(
        cue=cue,
        cue_token=token.i,
        content=content,
        relation=relation,
        ratio=score,
        subject=source.i if source is not None else None,
        gap=gap,
        carriers=carriers,
        claim=(
            states_claim(token, relation, clause, lexicons)
            or (relation == "ccomp" and _medium_learned(token, source))
        )
        and not inferred
        and not thing,
        inferred=inferred,
    )


_SOURCING_VERBS = frozenset({"understand", "learn"})
"""Verbs of knowing by which a medium reports what its sources told it ("The BBC understands
that ...", "Reuters has learned that ...")."""


def _medium_learned(cue: Token, source: Token | None) -> bool:
    """Whether a named news medium states, by a verb of knowing, what its sources told it:
    a report, not the factive "understand" or "learn" of anyone else ("I understand that")."""
    if source is None or cue.lemma_.lower() not in _SOURCING_VERBS:
        return False
    if any(c.dep_ == "neg" for c in cue.children) or source.pos_ != "PROPN":
        return False
    name = " ".join(t.text for t in source.subtree if t.i <= source.i and t.dep_ != "det")
    return outlet_named(name) is not None


def _fronted_relative(verb: Token, relation: str, clause: Token) -> Token | None:
    """The relative pronoun that opens the clause a saying in a relative clause reports, set
    before the speaker and the cue ("the cuts, which he estimates will not expire", "a
    rule that officials say was broken"): the pronoun is the clause's subject or object,
    the speaker and the verb are not part of what is said."""
    if relation != "ccomp" or verb.dep_ != "relcl" or clause.i < verb.i:
        return None
    before = [t for t in clause.subtree if t.i < verb.i]
    if len(before) != 1:
        return None
    pronoun = before[0]
    if pronoun.tag_ in ("WDT", "WP") or (pronoun.lower_ == "that" and pronoun.dep_ != "mark"):
        return pronoun  # "that" as the clause's subject, however tagged, is the relative one
    return None


def _raised_subject(verb: Token, relation: str, clause: Token, lexicons: Lexicons) -> Token | None:
    """The subject a raising verb lifted out of the infinitive it reports ("Sanders seems to
    reap the benefits", "the plan appears to be chaotic"): part of what seems so, as PolNeAR
    marks it (subject and infinitive, around the verb). Not when the infinitive is itself a
    saying with a clause ("appeared to suggest that ..."), whose clause is what is said, nor
    inside a reported clause, which PolNeAR leaves whole to the saying that reports it."""
    if relation != "xcomp" or verb.lemma_.lower() not in lexicons.raising_verbs:
        return None
    if verb.dep_ in ("ccomp", "csubj"):
        return None  # "the polls indicate that X seems to ...": part of what the polls indicate
    if clause.lemma_.lower() in lexicons.cue_verbs or any(
        c.dep_ == "ccomp" for c in clause.children
    ):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.right_edge.i >= verb.i or clause.left_edge.i < verb.i:
        return None
    return subject


def _undated_end(phrase: Token) -> int:
    """The last token of a stand's object before the phrases that date the stand, which the
    parser hangs from the object ("critical of the deal since March", "allegations against
    the NRA in February"): when the stand was taken, not what it is about."""
    last = phrase.right_edge.i
    for child in reversed(list(phrase.children)):
        if child.i < phrase.i or child.right_edge.i != last:
            break
        dated = dates_a_saying(child) or (
            child.dep_ == "prep"
            and any(c.dep_ == "pobj" and c.ent_type_ in TIME_LABELS for c in child.children)
        )
        if not dated:
            break
        last = child.left_edge.i - 1
    return last


def _inside_quotation(text: str, at: int) -> bool:
    """Whether a quotation opened before ``at`` in its paragraph is still open there: a stand
    inside quoted words is the quoted speaker's ('"... a different view of race relations,"
    he said'), theirs to report, not the writer's."""
    before = text[text.rfind("\n", 0, at) + 1 : at]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _stand_reported(
    pair: tuple[Token, str, Token, Token | None, float], lexicons: Lexicons, text: str
) -> Reported | None:
    """The stand an accepted noun or adjective takes on its prepositional object ("his
    opposition to the plan", "critical of the deal"): the word through its preposition is the
    cue, the object the content. A stand is an attitude, never a claim: nothing is asserted.
    None without someone who takes it (:func:`_stand_holder`)."""
    word, relation, phrase, holder, score = pair
    doc = word.doc
    preposition = phrase.head
    content = _clause_span(doc, phrase.left_edge.i, _undated_end(phrase))
    if content is None:
        return None
    content = _within_paragraph(text, content, word.idx)
    if content is None:
        return None
    if holder is None or holder.ent_type_ in TIME_LABELS:
        # "concerns about the vote", nobody's: a topic, not a stand anyone is said to take
        return None
    source = _issuer(holder, lexicons)
    return Reported(
        cue=(word.idx, preposition.idx + len(preposition)),
        cue_token=word.i,
        content=content,
        relation=relation,
        ratio=score,
        subject=source.i,
        claim=False,
    )


def _according_to_in(cue: Token) -> Token | None:
    """Who "according to" names in the cue's sentence ("X are thought to help, according to
    the agency"): whom the passive hearsay reports."""
    for token in cue.sent:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            named = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if named is not None:
                return named
    return None


def passed_on(
    cue: Token, source: Token | None, citing: Token | None = None
) -> tuple[Token | None, tuple[int, ...]]:
    """The speaker and the carriers of a cue that quotes or cites someone.

    "X was quoted by Reuters as saying": X speaks, Reuters carries; "the agency reported,
    citing the ministry": the ministry speaks, the agency carries.
    """
    quoting = quoted_as(cue)
    if quoting is not None:
        speaker, carrier = quoting
        if carrier is None:  # "..., quoting X as saying": the cue's own speaker quoted X
            return speaker, (source.i,) if source is not None else ()
        return speaker, (carrier.i,)
    citing = citing or cited_source(cue) or _citing_trailed(cue)
    if citing is not None and _names_a_source(citation_object(citing)):
        return citation_object(citing), (source.i,) if source is not None else ()
    return source, ()


def _citing_trailed(participle: Token) -> Token | None:
    """The "citing X" before a set-off participle of saying, which hangs from it or from the
    saying it cites for ("state media reported, citing a military source, saying the attack
    came from the west"): the report goes on, so what the participle says comes from X,
    through whoever cites X."""
    head = participle.head
    if participle.tag_ != "VBG" or participle.dep_ not in ("advcl", "conj"):
        return None
    if head.i > participle.i:
        return None
    if participle.i == 0 or participle.doc[participle.i - 1].text not in (",", "and"):
        return None
    if _is_citation(head) or (head.lemma_.lower() == "quote" and head.tag_ == "VBG"):
        return head if any(c.dep_ == "dobj" for c in head.children) else None
    # "Bloomberg reported, citing people ..., adding that ...", both hung from "reported"
    citing = cited_source(head)
    return citing if citing is not None and citing.i < participle.i else None


def _names_a_source(head: Token) -> bool:
    """Whether a cited phrase names who said something ("citing the ministry", "citing
    officials"), not a reason ("citing security concerns", "citing her record")."""
    if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lexicons = load_lexicons()
    lemma = head.lemma_.lower()
    if lemma in lexicons.anonymous_nouns or lemma in lexicons.institution_nouns:
        return True
    # "citing a report", not "citing the release of prisoners" (an event, not a document)
    of = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    return lemma in lexicons.document_nouns and not of


def _frames_quoting(verb: Token) -> bool:
    """Whether ``verb`` is the "quoted" of "quoted X as saying", whose "saying" reports."""
    if verb.lemma_.lower() != "quote":
        return False
    return any(
        child.dep_ == "prep"
        and child.lower_ == "as"
        and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in child.children)
        for child in verb.children
    )


def _is_citation(token: Token) -> bool:
    """Whether ``token`` is a "citing X" participle naming the source of another cue."""
    return (
        token.lemma_.lower() == "cite"
        and token.tag_ == "VBG"
        and token.dep_ in ("advcl", "xcomp", "ccomp")
    )


def _inverted(cue: Token, relation: str, lexicons: Lexicons, text: str) -> Reported | None:
    """ "Roof stood still, reported Ana Ruiz of Radio X": a cue after the sentence it reports,
    its speaker after it. The parser makes the speaker the cue's object (and the sentence its
    clause, or nothing); the content is the sentence up to the comma before the cue."""
    if relation not in ("dobj", "ccomp") or cue.lemma_.lower() not in lexicons.cue_verbs:
        return None
    doc = cue.doc
    if cue.i == 0 or doc[cue.i - 1].text != "," or _next_to_quote(cue):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    speaker = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if speaker is None or speaker.pos_ != "PROPN" or speaker.left_edge.i != cue.i + 1:
        return None
    start, end = _sentence_bounds(cue)
    if not _closes_sentence(doc, speaker.right_edge.i, end):
        return None  # "X, a spokesman, told Reuters that ...": the cue's clause follows
    before = _clause_span(doc, start, cue.i - 1)
    if before is None:
        return None
    content = _within_paragraph(text, before, cue.idx)
    if content is None:
        return None
    return Reported(
        cue=cue_span(cue),
        cue_token=cue.i,
        content=content,
        relation="parataxis",
        ratio=1.0,
        subject=speaker.i,
        claim=states_claim(cue, "parataxis", None, lexicons),
    )


def _set_off(cue: Token, relation: str, clause: Token, lexicons: Lexicons) -> Reported | None:
    """A saying set off inside the sentence it reports, which the parser took for the main verb.

    "The talks, said Tom Hale, who leads the union, will resume": the name after the cue is
    its subject; "The plan - Ana Ruiz, the mayor, said on Monday - will cost millions": the
    name after the dash is. Either way the content is the sentence around the aside.
    """
    if relation != "ccomp" or clause.i < cue.i or cue.lemma_.lower() not in lexicons.cue_verbs:
        return None
    doc = cue.doc
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subject is None or cue.i == 0:
        return None
    inner = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    comma = _comma_after(inner) if inner is not None else None
    if (
        doc[cue.i - 1].text == ","
        and inner is not None
        and comma is not None
        and inner.left_edge.i == cue.i + 1
        and inner.pos_ == "PROPN"
        and comma + 1 < len(doc)
    ):
        # "The talks, said Tom Hale, who leads the union, will resume"
        before = doc[cue.i - 2]
        speaker, gap = inner, (before.idx + len(before), doc[comma + 1].idx)
    else:
        named = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        dashes = [t for t in doc[subject.i : clause.left_edge.i] if t.text in _DASHES]
        if named is None or len(dashes) < 2 or not dashes[0].i < named.i < cue.i < dashes[-1].i:
            return None
        before = doc[dashes[0].i - 1]
        speaker, gap = named, (before.idx + len(before), doc[dashes[-1].i + 1].idx)
    content = _clause_span(doc, subject.left_edge.i, clause.right_edge.i)
    if content is None or not content[0] < gap[0] < gap[1] < content[1]:
        return None
    return Reported(
        cue=cue_span(cue),
        cue_token=cue.i,
        content=content,
        relation="parataxis",
        ratio=1.0,
        subject=speaker.i,
        gap=(gap[0], gap[1]),
        claim=states_claim(cue, "parataxis", None, lexicons),
    )


def _comma_after(phrase: Token) -> int | None:
    """The index of the comma that closes a noun phrase (its own last token or the next)."""
    last = phrase.right_edge.i
    doc = phrase.doc
    for at in (last, last + 1):
        if at < len(doc) and doc[at].text == "," and at > phrase.i:
            return at
    return None


def _that_clause(token: Token) -> Token | None:
    """The "that" clause completing a noun or adjective ("concern that X", "clear that X")."""
    for child in token.children:
        if child.dep_ not in ("acl", "ccomp", "advcl") or child.i < token.i:
            continue
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            return child
    return None


def _complement_of_object(
    verb: Token, relation: str, clause: Token
) -> tuple[Token, str, Token] | None:
    """The clause a verb's object or small clause stands for, with the word ending the cue.

    "expressed concern that X" (an object noun with a "that" clause, not a relative clause,
    whose "that" is a pronoun) and "made it clear that X" (an adjective with the dummy "it")
    report X; the object is part of the cue.
    """
    if verb.pos_ == "NOUN":
        return None
    if relation == "dobj" and clause.pos_ == "NOUN":
        found = _that_clause(clause)
        return (found, "ccomp", clause) if found is not None else None
    if relation == "ccomp" and clause.pos_ == "ADJ":
        dummy = any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in clause.children)
        found = _that_clause(clause) if dummy else None
        return (found, "ccomp", clause) if found is not None else None
    return None
