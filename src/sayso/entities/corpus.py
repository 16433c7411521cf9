"""Merging entities across articles: the in-article matcher with stricter rules, plus judgments.

Across articles there is no discourse to disambiguate a short name, so only strong evidence
merges on its own: the alias table, territory codes, the same full name up to spelling, or an
acronym (verdict score >= ``STRONG``). A surname alone, an honorific with a given name or a
nickname never crosses articles by itself (its score is below ``STRONG``); such pairs come back
as :class:`Candidate` records with their evidence for a person (or a later model) to judge.

Judgments are a plain JSONL file, one decision per line, re-applied on every run::

    {"a": "Qasem Soleimani", "b": "Hajj Qasim", "decision": "accept", "note": "..."}
    {"a": "art7:e3", "b": "art9:e1", "decision": "reject"}

``a`` and ``b`` name an entity by ``article:entity_id`` or by any of its surface forms (folded:
case, accents and punctuation do not matter). ``accept`` merges, ``reject`` keeps apart even
when the rules would merge. All functions are pure: the store plugs them in.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sayso.entities.match import match_names
from sayso.entities.names import fold, parse_name
from sayso.errors import RecordError
from sayso.records.model import Entity

STRONG = 0.85
"""Lowest verdict score that merges across articles without a judgment (see match.py scores)."""
WEAK = 0.6
"""Lowest verdict score worth proposing as a candidate."""


@dataclass(frozen=True, slots=True)
class EntityRef:
    """One article's entity."""

    article: str
    entity: Entity

    @property
    def key(self) -> str:
        return f"{self.article}:{self.entity.id}"


@dataclass(frozen=True, slots=True)
class Judgment:
    """A person's decision about two entities (by ``article:id`` or by a surface form)."""

    a: str
    b: str
    accept: bool
    note: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two entities that may be the same, with the evidence, left for judgment."""

    a: str
    b: str
    score: float
    evidence: str


@dataclass(frozen=True, slots=True)
class CorpusEntity:
    """Entities of several articles merged into one, with why."""

    members: tuple[str, ...]
    """``article:entity_id`` keys."""
    name: str
    type: str
    evidence: tuple[str, ...]


def read_judgments(path: Path) -> list[Judgment]:
    """The judgments of a JSONL file (missing file: none)."""
    if not path.exists():
        return []
    judgments: list[Judgment] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            decision = row["decision"]
            if decision not in {"accept", "reject"}:
                raise ValueError(f"decision {decision!r} is not accept or reject")
            judgments.append(
                Judgment(row["a"], row["b"], decision == "accept", row.get("note", ""))
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise RecordError(f"{path}:{number}: not a judgment ({exc})") from exc
    return judgments


def _names(ref: EntityRef) -> set[str]:
    return {ref.key, fold(ref.entity.name), *(fold(alias.text) for alias in ref.entity.aliases)}


def _judged(a: EntityRef, b: EntityRef, judgments: Sequence[Judgment]) -> Judgment | None:
    names_a, names_b = _names(a), _names(b)
    for judgment in reversed(judgments):  # the latest decision wins
        x = judgment.a if ":" in judgment.a else fold(judgment.a)
        y = judgment.b if ":" in judgment.b else fold(judgment.b)
        if (x in names_a and y in names_b) or (x in names_b and y in names_a):
            return judgment
    return None


def _best_verdict(a: EntityRef, b: EntityRef) -> tuple[float, bool, str]:
    """(best score, any "different" verdict, evidence) over the two entities' name forms."""
    type_ = a.entity.type
    forms_a = [a.entity.name, *(alias.text for alias in a.entity.aliases)]
    forms_b = [b.entity.name, *(alias.text for alias in b.entity.aliases)]
    main = match_names(parse_name(a.entity.name, type_), parse_name(b.entity.name, type_))
    if main.same is False:
        return 0.0, True, main.reason
    best, evidence = 0.0, ""
    for x in forms_a:
        for y in forms_b:
            px, py = parse_name(x, type_), parse_name(y, type_)
            verdict = match_names(px, py)
            if not verdict.same:
                continue
            score = verdict.score
            if type_ == "PERSON" and min(len(px.units), len(py.units)) < 2:
                # One word of a person's name never merges across articles on its own.
                score = min(score, WEAK)
            if score > best:
                best, evidence = score, f"{x!r} ~ {y!r}: {verdict.reason}"
    return best, False, evidence


def merge_entities(
    refs: Sequence[EntityRef], judgments: Sequence[Judgment] = ()
) -> tuple[list[CorpusEntity], list[Candidate]]:
    """Corpus entities (every ref in exactly one) and the uncertain pairs left for judgment."""
    parent = list(range(len(refs)))
    evidence: dict[int, list[str]] = {i: [] for i in range(len(refs))}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rejected: set[tuple[int, int]] = set()
    candidates: list[Candidate] = []
    for i, j in _pairs(refs):
        a, b = refs[i], refs[j]
        judgment = _judged(a, b, judgments)
        if judgment is not None and not judgment.accept:
            rejected.add((i, j))
            continue
        if judgment is not None:
            why = f"judged the same: {judgment.note}".rstrip(": ")
        else:
            score, different, why = _best_verdict(a, b)
            if different or score < WEAK:
                continue
            if score < STRONG:
                candidates.append(Candidate(a.key, b.key, score, why))
                continue
        ri, rj = root(i), root(j)
        if ri != rj and not _any_rejected(ri, rj, root, rejected):
            parent[rj] = ri
            evidence[ri].extend([*evidence[rj], f"{a.key} = {b.key}: {why}"])
    return _collect(refs, root, evidence), candidates


def _pairs(refs: Sequence[EntityRef]) -> Iterable[tuple[int, int]]:
    """Pairs of refs of one type from different articles that share a blocking key."""
    index: dict[str, list[int]] = {}
    for i, ref in enumerate(refs):
        for form in {ref.entity.name, *(alias.text for alias in ref.entity.aliases)}:
            parsed = parse_name(form, ref.entity.type)
            keys = {s for unit in parsed.units for s in unit.skeletons} | set(parsed.alias_ids)
            if parsed.acronym:
                keys.add("acronym")
            for key in keys:
                index.setdefault(f"{ref.entity.type}|{key}", []).append(i)
    seen: set[tuple[int, int]] = set()
    for members in index.values():
        for x in sorted(set(members)):
            for y in sorted(set(members)):
                if x < y and refs[x].article != refs[y].article and (x, y) not in seen:
                    seen.add((x, y))
                    yield x, y


def _any_rejected(
    ri: int, rj: int, find: Callable[[int], int], rejected: set[tuple[int, int]]
) -> bool:
    """Merging the two clusters would join a pair a judgment keeps apart."""
    return any({find(x), find(y)} == {ri, rj} for x, y in rejected)


def _collect(
    refs: Sequence[EntityRef], find: Callable[[int], int], evidence: dict[int, list[str]]
) -> list[CorpusEntity]:
    clusters: dict[int, list[int]] = {}
    for i in range(len(refs)):
        clusters.setdefault(find(i), []).append(i)
    result: list[CorpusEntity] = []
    for head, members in clusters.items():
        names = sorted((refs[i].entity.name for i in members), key=lambda n: (-len(n), n))
        result.append(
            CorpusEntity(
                tuple(refs[i].key for i in members),
                names[0],
                refs[members[0]].entity.type,
                tuple(evidence[head]),
            )
        )
    return result
