"""Events from a parsed article: who did what to whom, where and when, and on whose say-so.

Triggers are verbs, nominalizations (``the defeat of ISIS``, ``the US airstrike``) and a few
adjectives, found by lemma in the packaged lexicon (:mod:`sayso.events.lexicon`). Arguments come
from the dependency parse:

* actor: the subject, the ``by`` agent of a passive, a possessor or a name modifying a
  nominalization (``the US airstrike``), or the subject of the light verb that governs it
  (``Sistani issued a fatwa``); controlled subjects are inherited (``X agreed to cooperate``);
* recipient: the direct object, the subject of a passive (``Zarqawi was killed`` → recipient
  Zarqawi), ``of``/``on``/``against``/``with``/``between`` objects; PLOVER's term for target or
  victim. PLOVER targets are actors, so when a verb's own objects name no actor the recipient is
  looked for where the act points: the infinitive or purpose clause it announces (``threatened to
  cut off gas to X``, ``staged a strike to demand Y's resignation``), the subject of a demanded
  clause (``demanded that X end ...``), the ``from`` of a demand or seizure, the actor inside a
  demanded thing (``a meeting of the Council``), the ``of`` object of a nominalized action (``the
  removal of X``), a light verb's ``against``/``on``/``with`` phrase (``staged rallies against
  X``), the subject of ``came under``/``was put under`` a nominal event. A group or quantity noun
  keeps its ``of`` phrase in the span (``dozens of Kurdish students``) and links to the entity it
  counts;
* object: the thing acted on when it is part of the trigger phrase (``waves a flag``);
* place: a GPE/LOC/FAC object of a locative preposition;
* time: a timex attached to the clause (relation by its preposition), else the article date with
  relation ``inherited``;
* ``mode:<mode>`` and ``context:<context>`` arguments carry PLOVER's mode and context, each with the
  span of the word that decided it.

Modality: ``negated``, ``hypothetical`` (``if``, ``could``, an intention not yet acted on),
``future`` (``will``, ``plan to``), ``reported`` (inside a statement's content, which also sets
``statement_id``), else ``asserted``. PLOVER's own tense rules are applied to the type (future
cooperation → AGREE, future retreat → CONCEDE, announced material conflict or protest → THREATEN,
cooperation one failed or refused to give → REJECT). The tense of a nominal trigger comes from the
verb it is the object of (``would tighten the blockade``).
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sayso.events.edtf import timex_value_to_edtf
from sayso.events.lexicon import (
    OBJECT_CUE,
    PERSON_CUE,
    PLACE_CUE,
    Lexicon,
    TriggerEntry,
    load_lexicon,
)
from sayso.events.plover import COOPERATIVE, THREATENABLE, to_plover
from sayso.events.timing import stated_time, timex_root, timex_roots
from sayso.nlp.doctext import doc_text
from sayso.records.model import (
    Argument,
    Event,
    EventTime,
    Mention,
    Modality,
    Quantity,
    Span,
    Statement,
    Timex,
)
from sayso.time.dates import anchor_from_value
from sayso.time.normalize import exact_stretch, reached_date

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

EXTRACTOR = "sayso.events/rules-1"


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"})
_TRIGGER_BLOCKING_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT", "DATE", "TIME"}
)
_PLACE_PREPS = frozenset(
    {"in", "at", "near", "across", "into", "inside", "outside", "around", "throughout", "from",
     "to", "towards", "toward", "within", "through"}
)  # fmt: skip
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "throughout", "to"})
"""Prepositions placing an object or recipient somewhere (``a curfew in X``)."""
_MEASURE_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
"""Entity labels that never name an actor, even when tagged as proper nouns (``Wednesday``)."""
_COMPLEMENT_DEPS = frozenset(
    {"dobj", "obj", "attr", "oprd", "xcomp", "ccomp", "acomp", "dative", "prep", "nsubjpass",
     "agent"}
)  # fmt: skip
_RAISING_GAP = 3
"""Most tokens between two verbs sharing raised objects (``donated and personally delivered``:
the conjunction and one adverb); checked on the PLOVER gold records (train and dev)."""
_FORCE_MOVING_MODES = frozenset({"withdraw", "disarm"})
"""Modes that move or stand down forces, whose target is the place left."""
_THING_PARTY_PREPS = frozenset(
    {"of", "by", "from", "for", "to", "with", "against", "on", "between", "among"}
)
"""Prepositions tying a thing acted on to an actor: owner, author or beneficiary."""
_RECIPIENT_PREPS = frozenset(
    {"on", "against", "with", "to", "upon", "of", "toward", "towards", "between", "into"}
)
_DIRECTED_PREPS = frozenset({"to", "toward", "towards"})
"""Where a transfer goes: with aid, or inside an offered or threatened act (``threatened to send
troops to X``), ``to`` a country names the recipient, not a place."""
_ASKED_OF_PREPS = frozenset({"by", "from", "of", "with"})
_SOURCE_TYPES = frozenset({"REQUEST", "COERCE"})
"""Categories whose ``from`` object is the target: asked of (``demanded X from Y``) or taken
from (``confiscated X from Y``)."""
_CLAUSE_RECIPIENT_PREPS = frozenset({"on", "against", "with", "upon", "between"})
"""Prepositions of a light verb whose object is the target of its nominal trigger (``imposed
sanctions on X``, ``staged rallies against X``, ``held talks with X``)."""
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_UNDER_PREPS = frozenset({"under"})
"""``came under attack``, ``was put under investigation``: the clause subject undergoes the
nominal event."""
_SIMULTANEOUS_MARKS = frozenset({"as", "while", "when", "whilst"})
_CLIMB_DEPS = frozenset({"xcomp", "conj", "acl", "pcomp", "relcl"})
_CUE_DEPS = frozenset(
    {"prt", "prep", "dobj", "attr", "oprd", "compound", "amod", "advmod", "acomp", "npadvmod",
     "nsubjpass", "dative", "agent"}
)  # fmt: skip
_NP_LEFT_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "quantmod", "det", "case"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
_HYPOTHETICAL_AUX = frozenset({"could", "might", "may"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
_DEONTIC_AUX = frozenset({"must", "should", "ought"})
_MONTHS = frozenset(calendar.month_name[1:])
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "we", "us"})
"""Pronouns that stand for people or groups (``it`` may be a thing)."""
_PERSONAL_PRONOUNS = frozenset({"he", "she", "it", "they", "its", "his", "her", "their", "them"})


@dataclass(frozen=True, slots=True)
class _Trigger:
    """A matched trigger: its token, lexicon entry, and the clause verb giving its arguments."""

    token: Token
    entry: TriggerEntry
    clause: Token
    cue: Token | None


def _same(token: Token, other: Token | None) -> bool:
    """Whether two tokens are the same position (spaCy makes a new Token object per access)."""
    return other is not None and token.i == other.i


def _neighbours(token: Token) -> dict[str, Token]:
    """Words a two-word key may pair with the token: particles, objects, modifiers, and so on."""
    found: dict[str, Token] = {}
    for child in token.children:
        if child.dep_ not in _CUE_DEPS or _is_time_phrase(child):
            continue
        found.setdefault(child.lower_, child)
        found.setdefault(child.lemma_.lower(), child)
        for grandchild in child.children:
            if grandchild.dep_ in ("pobj", "compound", "amod", "prep", "dobj"):
                found.setdefault(grandchild.lemma_.lower(), grandchild)
                for great in grandchild.children:
                    if great.dep_ == "pobj":
                        found.setdefault(great.lemma_.lower(), great)
    return found


def _is_time_phrase(token: Token) -> bool:
    """A preposition whose object is a date (``on Friday``): no cue (``call on`` a person)."""
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children
    )


def _direct_object(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)


def _cue_matches(entry: TriggerEntry, token: Token, neighbours: dict[str, Token]) -> Token | None:
    """The token that satisfies the entry's cue, the trigger itself for no cue, else None."""
    if entry.cue is None:
        return token
    if entry.cue.startswith("@"):
        obj = _direct_object(token)
        if obj is None:
            return None
        if entry.cue == OBJECT_CUE:
            return token
        if entry.cue == PLACE_CUE and obj.ent_type_ in _PLACE_LABELS:
            return token
        if entry.cue == PERSON_CUE and obj.ent_type_ == "PERSON":
            return token
        return None
    return neighbours.get(entry.cue)


def _match(
    token: Token, entries: Iterable[TriggerEntry] | None
) -> tuple[TriggerEntry, Token] | None:
    if not entries:
        return None
    neighbours = _neighbours(token)
    for entry in entries:
        cue = _cue_matches(entry, token, neighbours)
        if cue is not None:
            return entry, cue
    return None


def _clause_of_noun(token: Token, lex: Lexicon) -> Token:
    """The light verb governing a nominal trigger (``issued a fatwa``, ``launched a mediation
    effort``), else the noun itself."""
    phrase = _phrase_head(token)
    head = phrase.head
    if phrase.dep_ in ("dobj", "attr", "nsubjpass") and _verb_lemma(head, lex.light_verbs):
        return head
    return token


def _phrase_head(token: Token) -> Token:
    """The noun a trigger modifies as a compound (``mediation effort``, ``aid program``): the
    phrase it heads carries the event's verb and prepositions."""
    if token.dep_ == "compound" and token.head.pos_ == "NOUN":
        return token.head
    return token


_VERB_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
    ("d", ""),
)  # fmt: skip
"""Regular inflections and what replaces them, longest first."""


def _verb_lemma(token: Token, known: Mapping[str, object] | frozenset[str]) -> str | None:
    """The token's lemma if ``known`` has it, else a regular stem of its form that ``known`` has.

    The small model's lemmatizer slips on some inflections (``staged`` → ``stag``); a few
    suffix strippings of the form recover the verb without a second lemmatizer.
    """
    lemma = token.lemma_.lower()
    if lemma in known:
        return lemma
    form = token.lower_
    for ending, replacement in _VERB_ENDINGS:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            stem = form[: -len(ending)] + replacement
            if stem in known:
                return stem
    return None


@dataclass(frozen=True, slots=True)
class _Columns:
    """Which tokens can be triggers, read from the document's attribute arrays: a walk over
    the tokens builds a Token object for each, and most words are neither verbs nor nouns."""

    verbish: list[int]
    """Verbs, sentence roots and adjectival complements (``_find_triggers``' first pass)."""
    nouns: list[int]
    speech: list[int]
    """Words whose lemma is one of ``lex.speech_verbs`` (``_deontic_requests``)."""


def _columns(doc: Doc, lex: Lexicon) -> _Columns:
    if not len(doc):
        return _Columns([], [], [])
    strings = doc.vocab.strings
    # one column per read: a lemma hash beside small ids makes one array's tolist ten times
    # slower, and a two-column tolist makes a list per token, whose allocations set off the
    # garbage collector's full passes
    pos = doc.to_array("POS").tolist()
    dep = doc.to_array("DEP").tolist()
    lemma = doc.to_array("LEMMA").tolist()
    verb, noun, adj = strings["VERB"], strings["NOUN"], strings["ADJ"]
    root, acomp = strings["ROOT"], strings["acomp"]
    speech = {h for h in set(lemma) if strings[h].lower() in lex.speech_verbs}
    return _Columns(
        verbish=[
            i
            for i, (p, d) in enumerate(zip(pos, dep, strict=True))
            if p == verb or d == root or (p == adj and d == acomp)
        ],
        nouns=[i for i, p in enumerate(pos) if p == noun],
        speech=[i for i, h in enumerate(lemma) if h in speech],
    )


def _find_triggers(doc: Doc, lex: Lexicon) -> list[_Trigger]:
    triggers: list[_Trigger] = []
    consumed: set[int] = set()
    columns = _columns(doc, lex)
    for token in map(doc.__getitem__, columns.verbish):
        if token.ent_type_ in _TRIGGER_BLOCKING_LABELS:
            continue
        lemma = token.lemma_.lower()
        if _acts_as_verb(token):
            verb = _verb_lemma(token, lex.verbs) if token.tag_.startswith("VB") else lemma
            matched = _match(token, lex.verbs.get(verb or lemma))
            if matched is None and lemma == "become":
                matched = _became_leader(token, lex)
            if matched is not None:
                entry, cue = matched
                if cue.i != token.i:
                    consumed.add(cue.i)
                triggers.append(_Trigger(token, entry, token, None if cue.i == token.i else cue))
        elif token.pos_ == "ADJ" and token.dep_ == "acomp" and lemma in lex.adjectives:
            triggers.append(_Trigger(token, lex.adjectives[lemma], token.head, None))
    taken = {t.token.i for t in triggers}
    for token in map(doc.__getitem__, columns.nouns):
        if token.i in consumed or token.i in taken:
            continue
        if token.ent_type_ in _TRIGGER_BLOCKING_LABELS or _is_idiom_pobj(token):
            continue
        if _names_no_event(token, lex):
            continue
        matched = _match(token, lex.nouns.get(token.lemma_.lower()))
        if matched is not None:
            entry, cue = matched
            if cue.i != token.i:
                consumed.add(cue.i)
            triggers.append(
                _Trigger(
                    token, entry, _clause_of_noun(token, lex), None if cue.i == token.i else cue
                )
            )
    triggers.extend(_deontic_requests(doc, lex, columns.speech, {t.token.i for t in triggers}))
    triggers = [t for t in triggers if t.token.i not in consumed or t.cue is not None]
    triggers = _with_endings(_without_light_verbs(triggers, lex), lex)
    return sorted(triggers, key=lambda t: t.token.i)


def _without_light_verbs(triggers: list[_Trigger], lex: Lexicon) -> list[_Trigger]:
    """A light verb that is also a trigger (``undertook``, ``ordered``) gives way to the nominal
    event it carries (``undertook a mediation mission`` is the mediation)."""
    carriers = {t.clause.i for t in triggers if t.token.pos_ == "NOUN" and t.clause.i != t.token.i}
    return [
        t
        for t in triggers
        if t.cue is not None
        or t.token.i not in carriers
        or _verb_lemma(t.token, lex.light_verbs) is None
    ]


def _ending_key(verb: Token, lex: Lexicon) -> str | None:
    """The ending-verb key of ``verb`` (``call off``, ``lift``), if it is one."""
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "prt" and f"{lemma} {child.lower_}" in lex.ending_verbs:
            return f"{lemma} {child.lower_}"
    return _verb_lemma(verb, lex.ending_verbs)


def _with_endings(triggers: list[_Trigger], lex: Lexicon) -> list[_Trigger]:
    """Ending or easing a conflict act is its own event (crosswalk 081, 082, 085, 087):
    ``called off the strike`` is a CONCEDE, ``lifted the blockade`` a RETREAT."""
    out = list(triggers)
    position = {t.token.i: n for n, t in enumerate(out)}
    for trigger in triggers:
        noun = trigger.token
        if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "nsubjpass"):
            continue
        key = _ending_key(noun.head, lex)
        if key is None:
            continue
        ended = to_plover(trigger.entry.type) or ""
        lemma = noun.lemma_.lower()
        category = "RETREAT" if lemma in lex.ending_retreat_nouns else lex.ending_yields.get(ended)
        if category is None:
            continue
        verb = noun.head
        ending = _Trigger(verb, TriggerEntry(category, key, key.split()[0], None, None), verb, None)
        if verb.i not in position:
            position[verb.i] = len(out)
            out.append(ending)
        elif " " in key or to_plover(out[position[verb.i]].entry.type) in ("CONCEDE", "RETREAT"):
            out[position[verb.i]] = ending  # a particle verb (``call off``) is the closer reading
    return out


def _names_no_event(token: Token, lex: Lexicon) -> bool:
    """A trigger noun that a modifier turns into a thing (``press release``), or that names a
    kind of people as a compound (``aid groups``, ``riot police``)."""
    lemma = token.lemma_.lower()
    phrase = _phrase_head(token)
    if phrase.i != token.i and phrase.lower_ in lex.actor_nouns:
        return True
    return any(
        (c.lemma_.lower(), lemma) in lex.non_event_nouns
        for c in token.children
        if c.dep_ in ("compound", "amod")
    )


def _acts_as_verb(token: Token) -> bool:
    """A verb, or a sentence root with a subject and an object that the tagger took for a noun
    (``A member waves a flag``)."""
    if token.pos_ == "VERB":
        return True
    deps = {c.dep_ for c in token.children}
    return token.dep_ == "ROOT" and "dobj" in deps and "nsubj" in deps


def _is_idiom_pobj(token: Token) -> bool:
    """A bare noun after ``in`` (``in charge``, ``in advance``) is an idiom, not an event."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "in"
        and not any(c.dep_ in ("det", "poss", "compound", "amod") for c in token.children)
    )


def _became_leader(token: Token, lex: Lexicon) -> tuple[TriggerEntry, Token] | None:
    """``became the leader/emir/president of ...``."""
    for child in token.children:
        if child.dep_ in ("attr", "oprd") and child.lemma_.lower() in lex.leader_nouns:
            key = f"become {child.lemma_.lower()}"
            return TriggerEntry("BECAME_LEADER", key, "become", child.lemma_.lower(), None), child
    return None


def _deontic_requests(
    doc: Doc, lex: Lexicon, speech: Sequence[int], taken: set[int]
) -> list[_Trigger]:
    """``X said Y must do Z`` is a REQUEST by X of Y (PLOVER §3.8), triggered by the speech verb
    (``speech``: the indices of words whose lemma is a speech verb)."""
    found: list[_Trigger] = []
    for token in map(doc.__getitem__, speech):
        if token.i in taken:
            continue
        for child in token.children:
            if child.dep_ == "ccomp" and any(
                a.dep_ == "aux" and a.lower_ in _DEONTIC_AUX for a in child.children
            ):
                entry = TriggerEntry("REQUEST", f"{token.lemma_.lower()} must", "", None, None)
                found.append(_Trigger(token, entry, token, None))
                break
    return found


# --- arguments -----------------------------------------------------------------------------


def _np_bounds(head: Token, lex: Lexicon) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by ``head``, without clauses or appositions;
    a group noun keeps its ``of`` phrase (``scores of Kenyan refugees``)."""
    doc = head.doc
    first, last = doc[_np_start(head)], doc[_np_end(head, lex)]
    return first.idx, last.idx + len(last.text)


def _np_start(head: Token) -> int:
    start = head.i
    for child in head.lefts:
        if child.dep_ in _NP_LEFT_DEPS:
            start = min(start, child.left_edge.i)
    doc = head.doc
    while start < head.i and doc[start].tag_ in ("DT", "PDT", ",", "-LRB-"):
        start += 1
    return start


def _np_end(head: Token, lex: Lexicon, depth: int = 0) -> int:
    end = head.i
    for child in head.rights:
        adjacent = child.left_edge.i == end + 1
        if adjacent and child.dep_ in ("flat", "compound", "appos", "nummod"):
            end = child.right_edge.i
    member = _group_member(head, lex)
    if member is not None and depth < 2:
        end = max(end, _np_end(member, lex, depth + 1))
    return end


def _of_object(head: Token) -> Token | None:
    """The object of an ``of`` phrase right after ``head`` (``members of the party``)."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _group_member(head: Token, lex: Lexicon) -> Token | None:
    """For a quantity or membership noun (``scores of refugees``), the noun naming who."""
    if head.lemma_.lower() not in lex.group_nouns and head.lower_ not in lex.group_nouns:
        return None
    return _of_object(head)


def _participant(head: Token, lex: Lexicon) -> Token:
    """Who an argument head stands for: the ``of`` object of a group noun or of a nominalized
    action (``demanded the removal of X`` targets X), else the head itself."""
    member = _group_member(head, lex)
    if member is not None:
        return member
    if head.lemma_.lower() in lex.action_nouns:
        return _of_object(head) or head
    return head


def _actor_like(token: Token, lex: Lexicon) -> bool:
    """Whether a noun names a person, group or state, itself (``factions``) or by a name
    modifying it (``Azerbaijani republic``); PLOVER's targets are actors, not things."""
    if token.ent_type_ in _MEASURE_LABELS:
        return False
    if token.ent_type_ in _ACTOR_LABELS or token.pos_ == "PROPN":
        return True
    if token.pos_ == "PRON" and token.lower_ in _PERSON_PRONOUNS:
        return True
    if token.lower_ in lex.actor_nouns or token.lemma_.lower() in lex.actor_nouns:
        return True
    return any(
        c.dep_ in ("compound", "amod", "poss", "nmod") and c.ent_type_ in _ACTOR_LABELS
        for c in token.children
    )


def _subjects(verb: Token) -> list[tuple[str, Token]]:
    """(role, head) for the verb's own subject(s): nsubj → actor, nsubjpass → recipient."""
    out: list[tuple[str, Token]] = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj", "expl"):
            out.append(("actor", child))
        elif child.dep_ in ("nsubjpass", "csubjpass"):
            out.append(("recipient", child))
        elif child.dep_ == "agent":
            out.extend(("actor", g) for g in child.children if g.dep_ == "pobj")
    resolved: list[tuple[str, Token]] = []
    for role, tok in out:
        head = verb.head if tok.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl" else tok
        if head.dep_ != "expl":
            resolved.append((role, head))
    return resolved


def _inherited_subjects(verb: Token, depth: int = 0) -> list[tuple[str, Token]]:
    """Subjects for a clause with none of its own: control, coordination, participles."""
    own = _subjects(verb)
    if own or depth > 3:
        return own
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp":
        obj = _direct_object(head)
        if obj is not None:
            return [("actor", obj)]
        return [("actor", tok) for _, tok in _inherited_subjects(head, depth + 1)]
    if verb.dep_ in ("conj", "advcl", "acomp"):  # ``is ready to X``: the copula's subject
        return _inherited_subjects(head, depth + 1)
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        role = "recipient" if verb.tag_ == "VBN" else "actor"
        return [(role, head)]
    return []


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *(c for c in token.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON"))]


def _prep_arguments(token: Token, lex: Lexicon, trigger: _Trigger) -> list[tuple[str, Token]]:
    out: list[tuple[str, Token]] = []
    for child in token.children:
        if child.dep_ not in ("prep", "agent") or _same(child, trigger.cue):
            continue
        prep = child.lower_
        for obj in child.children:
            if obj.dep_ != "pobj" or _same(obj, trigger.cue) or obj.ent_type_ in ("DATE", "TIME"):
                continue
            if _is_source(prep, obj, trigger, lex):
                out.append(("recipient", obj))
                continue
            aid = to_plover(trigger.entry.type) == "AID"
            if aid and prep == "for" and _actor_like(obj, lex):
                out.append(("recipient", obj))
                continue
            directed = prep in _DIRECTED_PREPS and aid
            place = _named_place(obj, lex)
            if place is not None and prep in _PLACE_PREPS and not directed:
                out.append(("place", place))
            elif prep == "by" and token.pos_ == "NOUN":
                out.append(("actor", obj))
            elif prep in _RECIPIENT_PREPS and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                if prep == "of" and token.pos_ != "NOUN":
                    continue
                out.append(("recipient", obj))
    return out


def _is_source(prep: str, obj: Token, trigger: _Trigger, lex: Lexicon) -> bool:
    """``demanded autonomy from Serbia``, ``confiscated weapons from armed groups``: the one
    asked or taken from is the target (a place after ``from`` stays a place for seizures)."""
    if prep != "from" or not _actor_like(obj, lex):
        return False
    category = to_plover(trigger.entry.type)
    if category == "REQUEST":
        return True
    return category in _SOURCE_TYPES and obj.ent_type_ not in _PLACE_LABELS


def _named_place(token: Token, lex: Lexicon) -> Token | None:
    """The place a phrase names: a GPE/LOC/FAC, or the ``of`` object of a place noun (``the
    town of X``, ``the northern province of Y``)."""
    if token.ent_type_ in _PLACE_LABELS:
        return _place_head(token)
    if token.lemma_.lower() in lex.place_nouns:
        named = _of_object(token)
        if named is not None and named.ent_type_ in _PLACE_LABELS:
            return named
    return None


def _place_preposition(place: Token) -> str:
    """The preposition introducing a place, past a place noun (``to the republic of X``)."""
    head = place.head
    if head.lower_ == "of" and head.head.dep_ == "pobj":
        head = head.head.head
    return head.lower_


def _place_head(token: Token) -> Token:
    """The place itself when the parser hung a date on it (``in Raqqa June 29``)."""
    if token.pos_ == "PROPN" and token.lemma_ in _MONTHS:
        names = [c for c in token.children if c.dep_ == "compound" and c.ent_type_]
        if names:
            return names[-1]
    return token


def _noun_arguments(trigger: _Trigger, lex: Lexicon) -> list[tuple[str, Token]]:
    token = trigger.token
    patient = token.lemma_.lower() in lex.patient_nouns or trigger.entry.type in (
        "KILLED",
        "DIED",
    )
    out: list[tuple[str, Token]] = []
    for child in token.children:
        if _same(child, trigger.cue):
            continue
        named_modifier = (
            child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in _NAME_LABELS
        )
        if child.dep_ == "poss" or named_modifier:
            out.append(("recipient" if patient else "actor", child))
    out.extend(_prep_arguments(token, lex, trigger))
    phrase = _phrase_head(token)
    if phrase.i != token.i:
        out.extend(_prep_arguments(phrase, lex, trigger))
        out.extend(("actor", c) for c in phrase.children if c.dep_ == "poss")
    out.extend(("recipient", tok) for tok in _misattached_targets(token))
    clause = trigger.clause
    if clause.i != token.i:
        out.extend(_subjects(clause) or _inherited_subjects(clause))
        for role, tok in _prep_arguments(clause, lex, trigger):
            prep = tok.head.lower_
            if role == "place" or (role == "recipient" and prep in _CLAUSE_RECIPIENT_PREPS):
                out.append((role, tok))
        out.extend(("recipient", tok) for tok in _misattached_targets(clause))
    elif token.dep_ == "pobj" and token.head.lower_ in _UNDER_PREPS:
        verb = token.head.head
        if verb.pos_ in ("VERB", "AUX"):
            out.extend(("recipient", tok) for _, tok in _subjects(verb))
    if not any(role == "recipient" and _actor_like(_participant(t, lex), lex) for role, t in out):
        if to_plover(trigger.entry.type) == "REQUEST":
            out.extend(_addressees(token))
            if token.dep_ == "dobj":
                out.extend(_addressees(token.head))  # ``repeated its demand today that X ...``
        out.extend(_embedded_recipients([clause], trigger, lex))
    return _replace_pronoun_possessors(out, trigger)


def _misattached_targets(head: Token) -> list[Token]:
    """``staged rallies in the capital against X``: the parser often hangs the ``against``
    phrase on the place before it; its object is still the event's target."""
    out: list[Token] = []
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in _PLACE_PREPS:
            continue
        for obj in child.children:
            if obj.dep_ != "pobj":
                continue
            for grand in obj.children:
                if grand.dep_ == "prep" and grand.lower_ == "against":
                    out.extend(g for g in grand.children if g.dep_ == "pobj")
    return out


def _replace_pronoun_possessors(
    args: list[tuple[str, Token]], trigger: _Trigger
) -> list[tuple[str, Token]]:
    """``ISIS shifted its offensive``: without coreference, a possessive pronoun on a nominal
    trigger stands for the subject of the clause it sits in."""
    out: list[tuple[str, Token]] = []
    for role, tok in args:
        replacement = tok
        if tok.dep_ == "poss" and tok.lower_ in _PERSONAL_PRONOUNS:
            clause = tok.head.head
            is_verb = clause.pos_ in ("VERB", "AUX")
            subjects = [s for r, s in _subjects(clause) if r == "actor"] if is_verb else []
            if subjects and subjects[0].lower_ not in _PERSONAL_PRONOUNS:
                replacement = subjects[0]
        out.append((role, replacement))
    return out


def _object_arguments(verb: Token, trigger: _Trigger, lex: Lexicon) -> list[tuple[str, Token]]:
    """Objects and prepositional arguments of one verb."""
    out: list[tuple[str, Token]] = []
    for child in verb.children:
        if _same(child, trigger.cue):
            continue
        if child.dep_ in ("dobj", "dative", "iobj", "obj") and child.ent_type_ not in (
            "DATE",
            "TIME",
        ):
            out.append(("recipient", child))
    out.extend(_prep_arguments(verb, lex, trigger))
    return out


def _shared_objects(verb: Token, trigger: _Trigger, lex: Lexicon) -> list[tuple[str, Token]]:
    """``donated and (personally) delivered goods to X``: a verb with no complement at all
    shares the objects of the verb conjoined right after it, when that verb has no subject of
    its own either (the objects are raised out of both)."""
    if any(c.dep_ in _COMPLEMENT_DEPS for c in verb.children):
        return []
    for conj in verb.rights:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i - verb.i <= _RAISING_GAP:
            return [] if _subjects(conj) else _object_arguments(conj, trigger, lex)
    return []


def _verb_arguments(trigger: _Trigger, lex: Lexicon) -> list[tuple[str, Token]]:
    verb = trigger.clause
    out = _subjects(verb) or _inherited_subjects(verb)
    own = _object_arguments(verb, trigger, lex) or _shared_objects(verb, trigger, lex)
    if trigger.cue is not None and trigger.cue.dep_ == "prep":
        own.extend(("recipient", g) for g in trigger.cue.children if g.dep_ == "pobj")
    out.extend(own)
    if trigger.cue is not None and trigger.cue.dep_ in ("dobj", "obj"):
        out.append(("object", trigger.cue))
    if any(role == "recipient" and _actor_like(_participant(tok, lex), lex) for role, tok in own):
        return out
    category = to_plover(trigger.entry.type)
    if category == "REQUEST":
        out.extend(_addressees(verb))
    if category in _SOURCE_TYPES:
        out.extend(_asked_of(own, _ASKED_OF_PREPS if category == "REQUEST" else {"from"}, lex))
    heads = [verb] if verb.i == trigger.token.i else [trigger.token, verb]
    out.extend(_embedded_recipients(heads, trigger, lex))
    return out


def _asked_of(
    objects: Sequence[tuple[str, Token]], preps: Collection[str], lex: Lexicon
) -> list[tuple[str, Token]]:
    """``demanded an admission by Moscow``, ``a meeting of the Council``, ``support from X``,
    ``seized rifles from X``: the actor named inside what is demanded or taken is the target."""
    out: list[tuple[str, Token]] = []
    for role, obj in objects:
        if role != "recipient":
            continue
        for prep in obj.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in preps:
                out.extend(
                    ("recipient", g)
                    for g in prep.children
                    if g.dep_ == "pobj" and _actor_like(g, lex)
                )
    return out


def _addressees(verb: Token) -> list[tuple[str, Token]]:
    """``demanded that X end the curbs``, ``said X must leave``: the one asked is the subject of
    the clause saying what must be done."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "acl"):
            return [("recipient", tok) for role, tok in _subjects(child) if role == "actor"]
    return []


def _is_infinitive_complement(verb: Token) -> bool:
    """An infinitive complement (``threatened to X``), purpose clause (``staged a strike to
    demand X``) or bare participle clause (``marched, calling for X's resignation``)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ == "xcomp":
        return True
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return not any(c.dep_ in ("nsubj", "mark") for c in verb.children)
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _sought_things(verb: Token) -> list[Token]:
    """``calling for X``, ``pressing for X``: what an embedded demand asks for, whose party
    (``independence from Y``, ``reforms by Z``) is the target of the act it serves."""
    return [
        obj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _embedded_recipients(
    heads: Sequence[Token], trigger: _Trigger, lex: Lexicon, depth: int = 0
) -> list[tuple[str, Token]]:
    """Targets of the action a verb announces, offers or threatens (``threatened to cut off
    electricity to X``, ``promised to continue aid to Y``) or serves (``opened fire to disperse
    the demonstrators``): recipients of its infinitive complement or purpose clause and of that
    clause's object, preferring those that name actors. A purpose clause gives actors only
    (``arrived in time to organize the defense`` targets no one)."""
    for head in heads:
        for verb in head.children:
            if not _is_infinitive_complement(verb):
                continue
            moving = _embedded_entry_moves_forces(verb, lex)
            found = [
                ("recipient", t)
                for r, t in _object_arguments(verb, trigger, lex)
                if (r == "recipient" and not (moving and _is_force(_participant(t, lex), lex)))
                or (r == "place" and (moving or _place_preposition(t) in _DIRECTED_PREPS))
            ]
            found.extend(("recipient", t) for t in _sought_things(verb))
            for role, obj in list(found):
                if obj.head.i == verb.i:
                    found.extend(
                        (role, tok)
                        for r, tok in _prep_arguments(obj, lex, trigger)
                        if r == "recipient" and tok.head.lower_ != "of"
                    )
            if depth < 2:
                found.extend(_embedded_recipients([verb], trigger, lex, depth + 1))
            found = _with_parties(found, lex)
            actors = [(r, t) for r, t in found if _actor_like(_participant(t, lex), lex)]
            return actors if actors or verb.dep_ != "xcomp" else found
    return []


def _with_parties(args: list[tuple[str, Token]], lex: Lexicon) -> list[tuple[str, Token]]:
    """The actor tied to a thing acted on is the target (PLOVER targets are actors): its owner
    (``attacked the offices of X``, ``X's refusal``), who made it (``rejected a call by X``,
    ``accepted demands from X``, ``crimes by X``, ``property seized by X``) or who gets it
    (``aid for X``, ``an ultimatum to X``, ``a meeting with X``). Only things are looked into:
    an actor recipient is the target itself. A thing tied to a thing is followed one step
    (``disapproval of X's policies``)."""
    out = list(args)
    for role, tok in args:
        if role in ("recipient", "object"):
            out.extend(("recipient", party) for party in _parties_of(tok, lex, depth=0))
    return out


def _parties_of(thing: Token, lex: Lexicon, depth: int) -> list[Token]:
    if _actor_like(_participant(thing, lex), lex):
        return []
    found: list[Token] = []
    for child in thing.children:
        if child.dep_ == "poss" and child.lower_ not in _PERSONAL_PRONOUNS:
            objects = [child]
        elif child.dep_ in ("prep", "agent") and child.lower_ in _THING_PARTY_PREPS:
            objects = [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            objects = [g for a in child.children if a.dep_ == "agent" for g in a.children]
        else:
            continue
        for obj in objects:
            if _actor_like(obj, lex):
                found.append(obj)
            elif depth == 0 and obj.pos_ == "NOUN":
                found.extend(_parties_of(obj, lex, depth + 1))
    return found


def _object_places(args: list[tuple[str, Token]], lex: Lexicon) -> list[tuple[str, Token]]:
    """Places attached to an object or recipient (``imposed a curfew in X``, ``a force in Y``):
    the parser often hangs the locative phrase on the noun rather than the verb."""
    out: list[tuple[str, Token]] = []
    for role, tok in args:
        if role not in ("recipient", "object"):
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE_PREPS:
                continue
            for obj in prep.children:
                place = _named_place(obj, lex) if obj.dep_ == "pobj" else None
                if place is not None:
                    out.append(("place", place))
    return out


def _with_place_targets(
    args: list[tuple[str, Token]], trigger: _Trigger, lex: Lexicon
) -> list[tuple[str, Token]]:
    """An act that names no actor as its target but happens in, on or to a place (a curfew in
    X, shelling in Y) targets that place: PLOVER codes the place's polity as the target, as the
    gold records do for curfews, blockades and protests. Troops deployed or withdrawn are the
    actor's own means, not the target: they become objects, and the place they go to or leave,
    or the foe they are readied for (``mobilized reservists for a war against X``), the target."""
    moving = _moves_forces(trigger.entry)
    if moving:
        args = [
            ("object", t) if r == "recipient" and _is_force(_participant(t, lex), lex) else (r, t)
            for r, t in args
        ]
        args.extend(_purpose_parties(trigger.clause, lex))
    if to_plover(trigger.entry.type) is None:
        return args
    if any(r == "recipient" and _actor_like(_participant(t, lex), lex) for r, t in args):
        return args
    settings = [("object", p) for h in {trigger.token, trigger.clause} for p in _locatives(h)]
    places = [t for r, t in [*args, *_object_places([*args, *settings], lex)] if r == "place"]
    known = {t.i for r, t in args if r == "place"}
    out = list(args)
    out.extend(("place", t) for t in places if t.i not in known)
    out.extend(("recipient", t) for t in places)
    return out


def _locatives(head: Token) -> list[Token]:
    """Objects of the head's locative phrases (``rioted at a jail``), whose own place phrases
    (``a jail in X``) place the act."""
    return [
        obj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE_PREPS
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _moves_forces(entry: TriggerEntry) -> bool:
    """Deploying, massing or withdrawing forces: MOBILIZE, and the ``withdraw`` and ``disarm``
    modes (a RETREAT, or a SANCTION when peacekeepers or inspectors are pulled out)."""
    return to_plover(entry.type) == "MOBILIZE" or entry.mode in _FORCE_MOVING_MODES


def _embedded_entry_moves_forces(verb: Token, lex: Lexicon) -> bool:
    """Whether an announced or refused act moves forces (``refused to deploy troops in X``,
    ``willing to withdraw its troops from Y``): then the place, not the troops, is its target."""
    lemma = _verb_lemma(verb, lex.verbs) or verb.lemma_.lower()
    matched = _match(verb, lex.verbs.get(lemma))
    return matched is not None and _moves_forces(matched[0])


def _is_force(token: Token, lex: Lexicon) -> bool:
    """A common noun for armed or deployed people (``troops``, ``its forces``), not a name."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in lex.force_nouns or token.lower_ in lex.force_nouns)


def _purpose_parties(verb: Token, lex: Lexicon) -> list[tuple[str, Token]]:
    """``for a war against X``, ``against X``: whom a deployment is aimed at."""
    out: list[tuple[str, Token]] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "against"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if prep.lower_ == "against" and _actor_like(obj, lex):
                out.append(("recipient", obj))
            else:
                out.extend(("recipient", party) for party in _parties_of(obj, lex, depth=0))
    return out


def _things_as_objects(args: list[tuple[str, Token]], lex: Lexicon) -> list[tuple[str, Token]]:
    """Once an actor or a place is the target, the things named beside it are what was given,
    taken or hit (``70 million dollars``, ``the offices``): objects, not recipients."""
    targets = {t.i for r, t in args if r == "recipient" and _is_target(t, lex)}
    if not targets:
        return args
    return [("object", t) if r == "recipient" and t.i not in targets else (r, t) for r, t in args]


def _is_target(token: Token, lex: Lexicon) -> bool:
    participant = _participant(token, lex)
    return _actor_like(participant, lex) or participant.ent_type_ in _PLACE_LABELS


def _motive_targets(trigger: _Trigger, lex: Lexicon) -> list[tuple[str, Token]]:
    """``in protest of X``, ``in defiance of Y``, ``in retaliation for Z``: what the act answers
    or opposes is its target (its party, when it is a thing: see :func:`_with_parties`)."""
    out: list[tuple[str, Token]] = []
    for head in {trigger.token.i: trigger.token, trigger.clause.i: trigger.clause}.values():
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for motive in prep.children:
                if motive.dep_ != "pobj" or motive.lemma_.lower() not in lex.motive_nouns:
                    continue
                out.extend(
                    ("recipient", obj)
                    for inner in motive.children
                    if inner.dep_ == "prep"
                    for obj in inner.children
                    if obj.dep_ == "pobj"
                )
    return out


def _argument_heads(trigger: _Trigger, lex: Lexicon) -> list[tuple[str, Token]]:
    if trigger.token.pos_ == "NOUN" and not _acts_as_verb(trigger.token):
        raw = _noun_arguments(trigger, lex)
    else:
        raw = _verb_arguments(trigger, lex)
    raw.extend(_motive_targets(trigger, lex))
    cue = trigger.cue
    if cue is not None and cue.pos_ == "NOUN" and cue.dep_ == "pobj":
        raw.append(("object", cue))
    raw = _things_as_objects(_with_place_targets(_with_parties(raw, lex), trigger, lex), lex)
    seen: set[tuple[str, int]] = set()
    out: list[tuple[str, Token]] = []
    for role, raw_head in raw:
        head = raw_head
        if role == "recipient" and head.lemma_.lower() in lex.action_nouns:
            head = _of_object(head) or head
        for tok in _with_conjuncts(head):
            if tok.i == trigger.token.i or (role, tok.i) in seen:
                continue
            seen.add((role, tok.i))
            out.append((role, tok))
    return out


# --- time --------------------------------------------------------------------------------


def _clause_chain(trigger: _Trigger) -> list[Token]:
    """Tokens whose attached times apply to the event, nearest first."""
    chain = [trigger.token]
    if trigger.clause.i != trigger.token.i:
        chain.append(trigger.clause)
    current = chain[-1]
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        current = current.head
        chain.append(current)
    for _ in range(3):
        head = current.head
        if head.i == current.i:
            break
        simultaneous = current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _SIMULTANEOUS_MARKS for c in current.children
        )
        if current.dep_ not in _CLIMB_DEPS and not simultaneous:
            break
        chain.append(head)
        current = head
    return chain


def _event_time(
    trigger: _Trigger, roots: dict[int, Timex], anchor: str | None
) -> tuple[EventTime | None, Timex | None]:
    stated = stated_time(_clause_chain(trigger), roots)
    if stated is None:
        # ``killed 12 soldiers and wounded 30 others ... on Tuesday``: verbs joined in one
        # sentence share a time stated once, after the last of them
        joined = [c for c in trigger.clause.rights if c.dep_ == "conj" and c.pos_ == "VERB"]
        stated = stated_time(joined, roots)
    if stated is not None:
        return stated
    if anchor:
        inherited = timex_value_to_edtf(anchor[:10])
        if inherited is not None:
            return EventTime("inherited", inherited), None
    return None, None


_NAMING_ROLES = frozenset({"recipient", "object"})
"""Arguments that can name the event later (``The peace deal was signed`` ... ``after the
deal``)."""


def _stretch_roots(doc: Doc, timexes: Sequence[Timex]) -> dict[int, Timex]:
    """Root token index → exact DURATION timex not yet tied to a date (``three months``)."""
    out: dict[int, Timex] = {}
    for timex in timexes:
        if timex.type != "DURATION" or timex.end_value is not None:
            continue
        root = timex_root(doc, timex)
        if root is not None and exact_stretch(timex.value) is not None:
            out[root.i] = timex
    return out


def _counted_from_an_event(
    trigger: _Trigger, stretches: dict[int, Timex], dated: dict[str, EventTime]
) -> tuple[EventTime, Timex] | None:
    """``The rebels surrendered three months after the deal``: a stretch before ``after`` or
    ``before`` and a noun naming an event dated earlier in the text (``The peace deal was
    signed in March 2005``: by its trigger or what it acted on) date the event that far from
    it (``2005-06``)."""
    for head in _clause_chain(trigger):
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("after", "before"):
                continue
            stretch = next((stretches[c.i] for c in prep.children if c.i in stretches), None)
            named = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if stretch is None or named is None:
                continue
            since = dated.get(named.lemma_.lower())
            anchor = anchor_from_value(since.value) if since is not None else None
            value = reached_date(anchor, stretch.value, prep.lower_) if anchor else None
            if value is not None:
                edtf = timex_value_to_edtf(value) or value
                return EventTime("on", edtf + ("~" if stretch.mod else ""), stretch.id), stretch
    return None


# --- modality and type -------------------------------------------------------------------


def _aux_words(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def _is_negated(trigger: _Trigger, lex: Lexicon) -> bool:
    """Negated by ``not``/``no``, or the complement of a refusal (``failed to reach``)."""
    for tok in {trigger.token, trigger.clause}:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
            return True
    clause = trigger.clause
    return clause.dep_ == "xcomp" and clause.head.lemma_.lower() in lex.refusal_verbs


def _tense_bearer(trigger: _Trigger) -> Token:
    """The verb whose auxiliaries give the event's tense: the clause verb, or the verb a nominal
    trigger is the object of (``would tighten the blockade``)."""
    clause = trigger.clause
    is_object = clause.pos_ == "NOUN" and clause.dep_ in ("dobj", "nsubjpass")
    if is_object and clause.head.pos_ in ("VERB", "AUX"):
        return clause.head
    return clause


def _governor(trigger: _Trigger) -> Token | None:
    """The verb whose complement the trigger's clause is: ``xcomp``/``ccomp``, or an infinitive
    the parser took for an adverbial clause (``have sworn to fight``)."""
    clause = trigger.clause
    if clause.head.i == clause.i:
        return None
    if clause.dep_ in ("xcomp", "ccomp") or _is_infinitive_complement(clause):
        return clause.head
    return None


def _tense(trigger: _Trigger, lex: Lexicon) -> Literal["future", "hypothetical", "plain"]:
    clause = trigger.clause
    aux = _aux_words(_tense_bearer(trigger))
    node = clause
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL_MARKS for c in node.children):
            return "hypothetical"
        if node.head.i == node.i:
            break
        node = node.head
    if aux & _HYPOTHETICAL_AUX:
        return "hypothetical"
    if aux & _FUTURE_AUX:
        return "future"
    governor = _governor(trigger)
    if governor is not None:
        if clause.dep_ == "xcomp" and governor.lemma_.lower() == "go" and "to" in aux:
            return "future"
        if _verb_lemma(governor, lex.future_verbs) is not None:  # also ``is prepared to``
            return "future"
        if clause.dep_ == "xcomp" and governor.lemma_.lower() in lex.intention_verbs:
            return "hypothetical"
    return "plain"


def _is_prepared_attack(trigger: _Trigger, lex: Lexicon) -> bool:
    """``Troops prepared to (resume) shelling X``: forces readying an assault or coercion show
    force posture, PLOVER's MOBILIZE (CAMEO 15); a THREATEN is said. Only the verb counts: ``is
    prepared to`` is a statement of intent (future tense, see :func:`_tense`)."""
    if to_plover(trigger.entry.type) not in ("ASSAULT", "COERCE"):
        return False
    node = trigger.clause
    for _ in range(3):
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in lex.preparation_verbs:
            return True
    return False


def _plover_adjusted(event_type: str, tense: str, negated: bool) -> str:
    """PLOVER's single-category rules for future and refused actions (manual §2.3, §3.1, §3.4)."""
    plover = to_plover(event_type)
    if plover is None or plover != event_type:
        return event_type
    if negated and tense != "plain" and plover in (COOPERATIVE | {"AGREE", "CONCEDE"}):
        return "REJECT"
    if tense == "future":
        if plover in COOPERATIVE:
            return "AGREE"
        if plover == "RETREAT":
            return "CONCEDE"
        if plover in THREATENABLE:
            return "THREATEN"
    return event_type


def _statement_for(start: int, statements: Sequence[Statement]) -> Statement | None:
    best: Statement | None = None
    for statement in statements:
        for span in statement.content:
            if span.start <= start < span.end and (
                best is None or span.end - span.start < _content_length(best)
            ):
                best = statement
    return best


def _content_length(statement: Statement) -> int:
    return sum(span.end - span.start for span in statement.content)


# --- assembly ----------------------------------------------------------------------------


def _mention_at(token: Token, mentions: Sequence[Mention]) -> Mention | None:
    start, end = token.idx, token.idx + len(token.text)
    best: Mention | None = None
    for mention in mentions:
        if mention.span.start < end and start < mention.span.end:
            length = mention.span.end - mention.span.start
            if best is None or length < best.span.end - best.span.start:
                best = mention
    return best


def _argument(
    role: str,
    head: Token,
    text: str,
    mentions: Sequence[Mention],
    lex: Lexicon,
    timexes: Sequence[Timex] = (),
) -> Argument:
    mention = _mention_at(_participant(head, lex), mentions)
    if mention is not None and mention.entity_id is not None:
        return Argument(role, mention.span, mention.entity_id)
    start, end = _without_trailing_time(text, *_np_bounds(head, lex), timexes)
    return Argument(role, Span.of(text, start, end), mention.entity_id if mention else None)


def _without_trailing_time(
    text: str, start: int, end: int, timexes: Sequence[Timex]
) -> tuple[int, int]:
    """A phrase cut before a time expression it ends with: a misparse may hang the date on a
    place (``in Raqqa June 29, 2014``), and the date is the event's time, not its place."""
    for timex in timexes:
        if start < timex.span.start < end <= timex.span.end + 1:
            cut = timex.span.start
            while cut > start and (text[cut - 1].isspace() or text[cut - 1] in ",;"):
                cut -= 1
            if cut > start:
                return start, cut
    return start, end


def _token_span(token: Token, text: str) -> Span:
    return Span.of(text, token.idx, token.idx + len(token.text))


def _context_arguments(token: Token, lex: Lexicon, text: str) -> list[Argument]:
    seen: set[str] = set()
    out: list[Argument] = []
    for tok in token.sent:
        context = lex.contexts.get(tok.lemma_.lower())
        if context is not None and context not in seen:
            seen.add(context)
            out.append(Argument(f"context:{context}", _token_span(tok, text)))
    return out


def _quantity_ids(arguments: Sequence[Argument], quantities: Sequence[Quantity]) -> tuple[str, ...]:
    ids: list[str] = []
    for quantity in quantities:
        for arg in arguments:
            if arg.role in ("actor", "recipient") and (
                arg.span.start <= quantity.span.start and quantity.span.end <= arg.span.end
            ):
                ids.append(quantity.id)
                break
    return tuple(ids)


def _escalate_vows(events: list[Event], triggers: list[_Trigger]) -> list[Event]:
    """An AGREE-type promise whose content is material conflict is a THREATEN (``vowed to take
    the city``; manual §3.11). The content's lexicon category decides, since its own type may
    already read THREATEN (a future assault)."""
    by_token = {t.token.i: (i, t) for i, t in enumerate(triggers)}
    out = list(events)
    for trigger in triggers:
        governor = _governor(trigger)
        if governor is None or governor.i not in by_token:
            continue
        gov_index, _ = by_token[governor.i]
        if out[gov_index].type == "AGREE" and to_plover(trigger.entry.type) in THREATENABLE:
            old = out[gov_index]
            out[gov_index] = Event(
                old.id, "THREATEN", old.trigger, old.extractor, old.arguments, old.time,
                old.modality, old.statement_id, old.from_caption, old.quantities,
            )  # fmt: skip
    return out


def extract_events(
    doc: Doc,
    *,
    mentions: Sequence[Mention] = (),
    timexes: Sequence[Timex] = (),
    statements: Sequence[Statement] = (),
    quantities: Sequence[Quantity] = (),
    caption_ranges: Sequence[tuple[int, int]] = (),
    anchor: str | None = None,
    id_prefix: str = "v",
) -> tuple[Event, ...]:
    """Events in ``doc`` with arguments, time, modality and attribution.

    ``mentions`` give argument entity ids; ``timexes`` the times (a timex in the event's clause,
    else ``anchor``, the article date, as relation ``inherited``); ``statements`` mark reported
    events; ``quantities`` are linked to the events whose participants they count;
    ``caption_ranges`` (character ranges of caption text) set ``from_caption``.
    """
    lex = load_lexicon()
    text = doc_text(doc)
    triggers = _find_triggers(doc, lex)
    roots = timex_roots(doc, timexes)
    stretches = _stretch_roots(doc, timexes)
    dated: dict[str, EventTime] = {}
    events: list[Event] = []
    for number, trigger in enumerate(triggers, start=1):
        trigger_span = _token_span(trigger.token, text)
        heads = _argument_heads(trigger, lex)
        arguments = [_argument(role, head, text, mentions, lex, timexes) for role, head in heads]
        time, timex = _event_time(trigger, roots, anchor)
        if time is None or time.relation == "inherited":
            counted = _counted_from_an_event(trigger, stretches, dated)
            if counted is not None:
                time, timex = counted
        if time is not None and time.relation != "inherited":
            for word in (trigger.token, *(h for role, h in heads if role in _NAMING_ROLES)):
                dated[word.lemma_.lower()] = time
        if timex is not None:
            arguments.append(Argument("time", timex.span))
        if trigger.entry.mode:
            mode_token = trigger.cue if trigger.cue is not None else trigger.token
            arguments.append(Argument(f"mode:{trigger.entry.mode}", _token_span(mode_token, text)))
        arguments.extend(_context_arguments(trigger.token, lex, text))
        negated = _is_negated(trigger, lex)
        tense = _tense(trigger, lex)
        event_type = _plover_adjusted(trigger.entry.type, tense, negated)
        if not negated and _is_prepared_attack(trigger, lex):
            event_type = "MOBILIZE"
        refused = event_type == "REJECT" and trigger.entry.type != "REJECT"
        statement = _statement_for(trigger_span.start, statements)
        modality: Modality
        if negated and not refused:
            modality = "negated"
        elif statement is not None:
            modality = "reported"
        elif tense == "hypothetical":
            modality = "hypothetical"
        elif tense == "future":
            modality = "future"
        else:
            modality = "asserted"
        events.append(
            Event(
                id=f"{id_prefix}{number}",
                type=event_type,
                trigger=trigger_span,
                extractor=EXTRACTOR,
                arguments=tuple(arguments),
                time=time,
                modality=modality,
                statement_id=statement.id if statement is not None else None,
                from_caption=any(s <= trigger_span.start < e for s, e in caption_ranges),
                quantities=_quantity_ids(arguments, quantities),
            )
        )
    return tuple(_escalate_vows(events, triggers))
