"""A learned scorer for "is this word a cue whose content is this clause?".

Logistic regression over sparse string features of a candidate pair (a verb or noun and one of
its clausal children): the lemma, the dependency relation, the pair, the words' tags and
relations, what kind of subject the cue has and whether the clause is introduced by "that".
The weights are trained on PolNeAR train by ``scripts/train_cue_model.py`` and shipped as
``data/cue_model.json``; scoring is a sum of weights and a logistic function, in pure Python.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

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


def pair_features(cue: Token, relation: str, clause: Token, subject: Token | None) -> list[str]:
    """The features of the candidate "``cue`` reports ``clause`` (its ``relation`` child)"."""
    lemma = _lemma(cue)
    clause_tokens = clause.right_edge.i - clause.left_edge.i + 1
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    left = cue.doc[cue.i - 1] if cue.i > 0 else None
    subject_kind = _subject_kind(subject)
    quoted = any(t.is_quote for t in clause.subtree)
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
        score = self.bias + sum(self.weights.get(feature, 0.0) for feature in features)
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
