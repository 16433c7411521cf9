"""A learned scorer for "is this word a cue whose content is this clause?".

Logistic regression over sparse string features of a candidate pair (a verb or noun and one of
its clausal children): the lemma, the dependency relation, the pair, the words' tags and
relations, what kind of subject the cue has and whether the clause is introduced by "that";
and, read with the lexicons, whether the cue is negated, whether the clause has a subject of
its own and how it opens, the clause's and the subject's head words, an addressee, auxiliaries
and a quotation mark near the cue.
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
from typing import TYPE_CHECKING

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
    return CueModel(
        bias=float(raw["bias"]),
        weights={key: float(value) for key, value in raw["weights"].items()},
        threshold=float(raw["threshold"]),
        object_threshold=float(raw["object_threshold"]),
    )
