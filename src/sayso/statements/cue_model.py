"""A learned scorer for "is this word a cue whose content is this clause?".

Logistic regression over sparse string features of a candidate pair (a verb or noun and one of
its clausal children): the lemma, the dependency relation, the pair, the words' tags and
relations, what kind of subject the cue has and whether the clause is introduced by "that";
and, read with the lexicons, whether the cue is negated, whether the clause has a subject of
its own and how it opens, the clause's and the subject's head words, an addressee, auxiliaries
and a quotation mark near the cue.
A second, separate regression scores a noun or adjective with a prepositional phrase whose
object is what it takes a stand on ("opposition to the plan", "critical of the deal"): those
pairs (relation ``pp:<preposition>``) share no weight with the clauses, so adding them leaves
the clause scorer as it was (:func:`phrase_features`, :class:`PhraseModel`).
The weights are trained on PolNeAR train by ``scripts/train_cue_model.py`` and shipped as
``data/cue_model.json``; scoring is a sum of weights and a logistic function, in pure Python.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from sayso.statements.lexicons import load_lexicons

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MODEL_FILE = "cue_model.json"


def _lemma(token: Token) -> str:
    return ("n:" if token.pos_ == "NOUN" else "") + token.lemma_.lower()


def _subject_kind(subject: Token | None) -> str:
    if subject is None:
        return "none"
    if subject.ent_type_:
        return subject.ent_type_
    return subject.pos_


def _length_bucket(tokens: int) -> str:
    for bound in (2, 4, 8, 16, 32):
        if tokens <= bound:
            return f"<={bound}"
    return ">32"


def pair_features(
    cue: Token,
    relation: str,
    clause: Token,
    subject: Token | None,
    quotes: Sequence[int] | None = None,
) -> list[str]:
    """The features of the candidate "``cue`` reports ``clause`` (its ``relation`` child)".

    ``quotes``, the sorted indices of the document's quotation-mark tokens (:func:`quote_marks`),
    saves looking for marks token by token around every pair of a document; without it they
    are looked for."""
    cue_children = list(cue.children)  # read once: each walk builds new Token objects
    clause_children = list(clause.children)
    found = quotes if quotes is not None else quote_marks(cue.doc)
    return [
        *_pair_shape(cue, relation, clause, subject, clause_children, found),
        *_context(cue, relation, clause, subject, cue_children, clause_children, found),
    ]


def quote_marks(doc: Doc) -> list[int]:
    """The indices of ``doc``'s quotation-mark tokens, in order (read from the attribute
    array: a walk over the tokens would build a Token object for each)."""
    if not len(doc):
        return []
    return [i for i, is_quote in enumerate(doc.to_array("IS_QUOTE").tolist()) if is_quote]


def _any_between(quotes: Sequence[int], first: int, last: int) -> bool:
    """Whether a quotation mark lies at a token index from ``first`` to ``last`` (inclusive)."""
    at = bisect.bisect_left(quotes, first)
    return at < len(quotes) and quotes[at] <= last


def _pair_shape(
    cue: Token,
    relation: str,
    clause: Token,
    subject: Token | None,
    clause_children: Sequence[Token],
    quotes: Sequence[int],
) -> list[str]:
    """The pair itself: the cue's lemma, tag and relation, the clause's shape and length."""
    lemma = _lemma(cue)
    clause_tokens = clause.right_edge.i - clause.left_edge.i + 1
    marks = {c.lower_ for c in clause_children if c.dep_ == "mark"}
    left = cue.doc[cue.i - 1] if cue.i > 0 else None
    subject_kind = _subject_kind(subject)
    # a subtree lies within its edges: no mark there, none in it (the walk only when there is)
    quoted = _any_between(quotes, clause.left_edge.i, clause.right_edge.i) and any(
        t.is_quote for t in clause.subtree
    )
    return [
        f"lemma={lemma}",
        f"rel={relation}",
        f"pair={lemma}|{relation}",
        f"tag={cue.tag_}",
        f"dep={cue.dep_}",
        f"lemma|dep={lemma}|{cue.dep_}",
        f"lemma|tag={lemma}|{cue.tag_}",
        f"subj={subject_kind}",
        f"lemma|subj={lemma}|{subject_kind}",
        f"clause={clause.pos_}|{clause.tag_}",
        f"pair|clause={lemma}|{relation}|{clause.pos_}",
        f"mark={'|'.join(sorted(marks))}",
        f"len={_length_bucket(clause_tokens)}",
        f"rel|len={relation}|{_length_bucket(clause_tokens)}",
        f"quoted={quoted}",
        f"left={left.lower_ if left is not None else ''}",
        f"head={cue.head.lemma_.lower() if cue.dep_ != 'ROOT' else 'ROOT'}",
        f"after={'before' if clause.i < cue.i else 'after'}",
    ]


def _context(
    cue: Token,
    relation: str,
    clause: Token,
    subject: Token | None,
    cue_children: Sequence[Token],
    clause_children: Sequence[Token],
    quotes: Sequence[int],
) -> list[str]:
    """What the words around the pair say: negation, the clause's shape, who the subject is."""
    lexicons = load_lexicons()
    lemma = _lemma(cue)
    doc = cue.doc
    negated = any(c.dep_ == "neg" for c in cue_children)
    clause_head = clause.lemma_.lower()
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause_children)
    first = clause.left_edge.tag_
    auxiliaries = sorted(c.lower_ for c in cue_children if c.dep_ in ("aux", "auxpass"))
    side = "b" if clause.i < cue.i else "a"
    features = [
        f"neg={negated}",
        f"lemma|neg={lemma}|{negated}",
        f"chead={clause_head}",
        f"pair|chead={lemma}|{relation}|{clause_head}",
        f"csubj={has_subject}",
        f"pair|csubj={lemma}|{relation}|{has_subject}",
        f"cfirst={first}",
        f"lemma|cfirst={lemma}|{first}",
        f"dative={any(c.dep_ == 'dative' for c in cue_children)}",
        f"inlex={cue.lemma_.lower() in lexicons.cue_verbs or lemma[2:] in lexicons.cue_nouns}",
        f"assertive={cue.lemma_.lower() in lexicons.assertive_verbs}",
        f"aux={'|'.join(auxiliaries)}",
        f"lemma|rel|after={lemma}|{relation}|{side}",
        f"qnear={_any_between(quotes, max(0, cue.i - 3), min(len(doc), cue.i + 4) - 1)}",
        f"hdep={cue.dep_}|{cue.head.pos_}",
        f"sentroot={cue.dep_ == 'ROOT'}",
    ]
    if subject is not None:
        subject_lemma = subject.lemma_.lower()
        features += [
            f"slemma={subject_lemma}",
            f"sanon={subject_lemma in lexicons.anonymous_nouns}",
            f"sdoc={subject_lemma in lexicons.document_nouns}",
            f"lemma|slemma={lemma}|{subject_lemma}",
        ]
    return features


PHRASE_PREFIX = "pp:"
"""The relation prefix of a noun or adjective's prepositional object ("critical of X")."""


def phrase_features(
    cue: Token, relation: str, phrase: Token, speaker: Token | None, quotes: Sequence[int]
) -> list[str]:
    """The features of "``cue`` (a noun or adjective) takes a stand on ``phrase``", the object
    of its preposition (``relation`` is ``pp:<preposition>``): the word, the preposition, how
    the word hangs (the object of "voiced", the predicate of "is"), whether it has a possessor
    or speaker and what kind, what the object is, and whether the word is a cue in the
    lexicons (a noun of saying, or a verb of saying used as a noun: "call", "pledge")."""
    lexicons = load_lexicons()
    word = cue.lemma_.lower()
    lemma = ("n:" if cue.pos_ == "NOUN" else "a:") + word
    preposition = relation[len(PHRASE_PREFIX) :]
    head = cue.head.lemma_.lower() if cue.dep_ != "ROOT" else "ROOT"
    children = list(cue.children)
    possessed = any(c.dep_ == "poss" for c in children)
    determiner = next((c.lower_ for c in children if c.dep_ == "det" and c.i < cue.i), "")
    span = phrase.right_edge.i - phrase.left_edge.i + 1
    quoted = _any_between(quotes, phrase.left_edge.i, phrase.right_edge.i)
    framing = _framing_verb(cue, lexicons.cue_verbs)
    return [
        f"lemma={lemma}",
        f"prep={preposition}",
        f"pair={lemma}|{preposition}",
        f"dep={cue.pos_}|{cue.dep_}",
        f"lemma|dep={lemma}|{cue.dep_}",
        f"head={head}|{cue.dep_}",
        f"headcue={head in lexicons.cue_verbs}|{cue.dep_}",
        f"inlex={word in lexicons.cue_nouns or word in lexicons.cue_verbs}",
        f"poss={possessed}",
        f"speaker={_subject_kind(speaker)}",
        f"lemma|speaker={lemma}|{speaker is not None}",
        f"object={phrase.pos_}|{phrase.ent_type_}",
        f"prep|object={preposition}|{phrase.pos_}",
        f"det={determiner}",
        f"tag={cue.tag_}",
        f"neg={any(c.dep_ == 'neg' for c in children)}",
        f"quoted={quoted}",
        f"len={_length_bucket(span)}",
        f"framed={framing}",
        f"lemma|framed={lemma}|{framing}",
        f"speaker|dep={_subject_kind(speaker)}|{cue.dep_}",
    ]


def _framing_verb(word: Token, cue_verbs: frozenset[str]) -> str:
    """How the nearest verb above a word frames it: "cue" when it is a verb of saying ("slammed
    Trump's comments about ...": the stand is inside what the verb reports), "verb" for any
    other verb, "none" when there is none within four steps."""
    current = word
    for _ in range(4):
        if current.dep_ == "ROOT" or current.head.i == current.i:
            return "none"
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return "cue" if current.lemma_.lower() in cue_verbs else "verb"
    return "none"


@dataclass(frozen=True, slots=True)
class PhraseModel:
    """Weights of the logistic regression over :func:`phrase_features`."""

    bias: float
    weights: Mapping[str, float]
    threshold: float
    """Probability at or above which the phrase is the word's content (chosen on held-out
    train by pair F-beta with precision weighted more, ``scripts/train_cue_model.py``)."""
    heads: frozenset[str]
    """The words (``n:`` or ``a:`` and the lemma) worth scoring (:func:`phrase_heads`). Any
    other word's pairs are not built at all, which keeps the pass cheap: most nouns with a
    phrase ("the president of the party") never take a stand on it."""

    def probability(self, features: Iterable[str]) -> float:
        score = self.bias + sum(map(self.weights.get, features, itertools.repeat(0.0)))
        if score < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-score))


def phrase_heads(weights: Mapping[str, float], nouns: Iterable[str] = ()) -> frozenset[str]:
    """The words a phrase model scores (:attr:`PhraseModel.heads`): those whose own weight is
    positive, and the nouns of saying (``nouns``, the lexicon's) it has no weight for (seen
    too seldom in training: "an admission of", "her insistence on")."""
    seen = {
        key[len("lemma=") :]: weight for key, weight in weights.items() if key.startswith("lemma=")
    }
    unseen = {f"n:{noun}" for noun in nouns} - seen.keys()
    return frozenset(word for word, weight in seen.items() if weight > 0) | unseen


@dataclass(frozen=True, slots=True)
class CueModel:
    """Weights of a logistic regression over :func:`pair_features`."""

    bias: float
    weights: Mapping[str, float]
    threshold: float
    """Probability at or above which a clause is a cue's content (chosen on held-out train)."""
    object_threshold: float
    """The same for a noun-phrase object ("passed the bill", "called for a vote"), where a
    low threshold takes in actions as well as speech (chosen on held-out train by pair F1)."""
    phrases: PhraseModel | None = None
    """The scorer of a noun or adjective's prepositional object, when the file has one."""

    def threshold_for(self, relation: str) -> float:
        """The threshold for a pair whose clause hangs from the cue by ``relation``."""
        if relation == "dobj" or relation.startswith("prep:"):
            return self.object_threshold
        return self.threshold

    def probability(self, features: Iterable[str]) -> float:
        # the weights summed in C, in the features' order (as a generator would, to the bit)
        score = self.bias + sum(map(self.weights.get, features, itertools.repeat(0.0)))
        if score < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-score))


@functools.cache
def load_cue_model() -> CueModel | None:
    """The shipped model, or None when the package has none (the ratio rules then apply)."""
    path = resources.files("sayso.statements").joinpath("data", _MODEL_FILE)
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    phrases = raw.get("phrases")
    return CueModel(
        bias=float(raw["bias"]),
        weights={key: float(value) for key, value in raw["weights"].items()},
        threshold=float(raw["threshold"]),
        object_threshold=float(raw["object_threshold"]),
        phrases=None if phrases is None else _phrase_model(phrases),
    )


def _phrase_model(raw: Mapping[str, Any]) -> PhraseModel:
    """The phrase scorer from its part of the model file."""
    weights = {key: float(value) for key, value in raw["weights"].items()}
    return PhraseModel(
        bias=float(raw["bias"]),
        weights=weights,
        threshold=float(raw["threshold"]),
        heads=phrase_heads(weights, load_lexicons().cue_nouns),
    )
