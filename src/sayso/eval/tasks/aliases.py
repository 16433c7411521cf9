"""Alias resolution: pairwise same-entity precision and recall over the alias file.

Dataset: ``aliases_dev.json`` (the project's own CC0 file; read its ``description``). Each entity
lists surface forms with a ``kind``. Scoring, as the file describes it:

* ``pairs``: every two alias strings of the same type; gold says same-entity iff they belong to
  the same entity. The names of each type are grouped by :func:`sayso.entities.cluster
  .group_names` (the same grouping the article resolver uses, without discourse); a pair is
  predicted same iff its two strings end in one group. Left out of these pairs: strings listed
  under ``ambiguous``, ``coref_only`` strings (pronouns, generic noun phrases: coreference, not
  string matching) and the ``descriptive`` and ``metonym`` kinds (role descriptions and capitals
  need a knowledge base or the article's context, so a string matcher mostly misses them).
* ``hard_negatives.merged_pairs``: how many string pairs of the listed look-alike entity pairs
  were merged (a count, goal 0; the gate treats it as "must not rise").
* ``no_table.*``: the same without the alias table (``data/aliases.json``), which knows many
  of this file's organisations and countries: the better guess for entities it does not list.
* ``leave_out.*``: a leave-entity-out estimate. Entities are split into five folds by their
  position in the file; for each fold the alias-table entries that any of its strings hit are
  switched off, and the pairs whose first string belongs to that fold are scored. The table
  still knows the other entities, as it would on held-out data.
* ``kinds.<kind>.recall``: recall of the same-entity pairs that involve a string of that kind.
* ``contextual.*``: the grouping rerun with ``descriptive`` and ``metonym`` strings added; their
  pairs' precision and recall (expected to be low: say so, don't tune for it).
* ``ambiguous.*``: each ambiguous string is matched against the final groups; ``flagged`` is the
  share whose matches reach at least two of its candidate entities (recognised as ambiguous),
  ``candidate_recall`` the share of candidate entities reached, ``wrong`` the count of matches to
  an entity that is not a candidate, ``likely_first`` the share of strings with a ``likely``
  entity whose best match is that entity.

Baseline ``rapidfuzz``: ``token_sort_ratio`` (with rapidfuzz's default processor) over each pair,
merged when at least a threshold; the threshold is chosen for the best pair F1 on this very file
(an optimistic baseline) and reported as ``threshold`` (ratio / 100).
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sayso.errors import EvaluationError
from sayso.eval.base import PRF, TaskReport, hash_files

_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
_CONTEXTUAL_KINDS = frozenset({"descriptive", "metonym"})


@dataclass(frozen=True, slots=True)
class AliasItem:
    """One surface form of one gold entity."""

    entity: str
    type: str
    text: str
    kind: str


def _load(data_root: Path, split: str) -> tuple[Path, dict[str, Any]]:
    path = data_root / f"aliases_{split}.json"
    if not path.is_file():
        raise EvaluationError(f"{path} not found: point data_root at the aliases folder")
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{path} is not JSON: {exc}") from exc
    return path, data


def _items(data: dict[str, Any], limit: int | None) -> tuple[list[AliasItem], list[AliasItem]]:
    """(string-matching items, contextual items), without ambiguous strings."""
    ambiguous = {(entry["text"], entry["type"]) for entry in data["ambiguous"]}
    plain: list[AliasItem] = []
    contextual: list[AliasItem] = []
    entities = data["entities"][:limit] if limit is not None else data["entities"]
    for entity in entities:
        seen: set[str] = set()
        for alias in entity["aliases"]:
            text = alias["text"]
            if (text, entity["type"]) in ambiguous or text in seen:
                continue
            seen.add(text)
            item = AliasItem(entity["id"], entity["type"], text, alias["kind"])
            (contextual if alias["kind"] in _CONTEXTUAL_KINDS else plain).append(item)
    return plain, contextual


def _predict_groups(
    items: list[AliasItem],
    *,
    use_aliases: bool = True,
    exclude_aliases: frozenset[str] = frozenset(),
) -> dict[int, int]:
    """Item index → predicted group id (unique across types)."""
    from sayso.entities.cluster import group_names
    from sayso.entities.names import parse_name

    assignment: dict[int, int] = {}
    offset = 0
    for gold_type in sorted({item.type for item in items}):
        indexes = [i for i, item in enumerate(items) if item.type == gold_type]
        parsed = [
            parse_name(
                items[i].text,
                _TYPES[gold_type],
                use_aliases=use_aliases,
                exclude_aliases=exclude_aliases,
            )
            for i in indexes
        ]
        groups, _ = group_names(parsed)
        for group_id, group in enumerate(groups):
            for member in group.members:
                assignment[indexes[member]] = offset + group_id
        offset += len(groups)
    return assignment


_FOLDS = 5


def _leave_entity_out(items: list[AliasItem], pairs: list[tuple[int, int]]) -> PRF:
    """Pairs scored with the alias-table entries of their first string's fold switched off."""
    from sayso.entities.names import alias_ids

    entities = list(dict.fromkeys(item.entity for item in items))
    fold_of = {entity: position % _FOLDS for position, entity in enumerate(entities)}
    same: dict[tuple[int, int], bool] = {}
    for fold in range(_FOLDS):
        hit = frozenset(
            group_id
            for item in items
            if fold_of[item.entity] == fold
            for type_ in ("PERSON", "ORG", "GPE")
            for group_id in alias_ids(item.text, type_)
        )
        assignment = _predict_groups(items, exclude_aliases=hit)
        for i, j in pairs:
            if fold_of[items[i].entity] == fold:
                same[(i, j)] = assignment[i] == assignment[j]
    return _score(items, pairs, same)


def _pairs(items: list[AliasItem]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, j in itertools.combinations(range(len(items)), 2)
        if items[i].type == items[j].type
    ]


def _score(
    items: list[AliasItem], pairs: list[tuple[int, int]], same: dict[tuple[int, int], bool]
) -> PRF:
    tp = fp = fn = 0
    for pair in pairs:
        gold = items[pair[0]].entity == items[pair[1]].entity
        predicted = same[pair]
        tp += gold and predicted
        fp += predicted and not gold
        fn += gold and not predicted
    return PRF(tp, fp, fn)


def _hard_negative_merges(
    items: list[AliasItem],
    pairs: list[tuple[int, int]],
    same: dict[tuple[int, int], bool],
    hard: set[frozenset[str]],
) -> list[tuple[str, str]]:
    return [
        (items[i].text, items[j].text)
        for i, j in pairs
        if same[(i, j)] and frozenset({items[i].entity, items[j].entity}) in hard
    ]


def _kind_recall(
    items: list[AliasItem], pairs: list[tuple[int, int]], same: dict[tuple[int, int], bool]
) -> dict[str, float]:
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for i, j in pairs:
        if items[i].entity != items[j].entity:
            continue
        for kind in {items[i].kind, items[j].kind} - {"canonical"}:
            total[kind] += 1
            found[kind] += same[(i, j)]
    return {f"kinds.{kind}.recall": round(found[kind] / total[kind], 4) for kind in sorted(total)}


def _ambiguous_metrics(
    data: dict[str, Any], items: list[AliasItem], assignment: dict[int, int]
) -> tuple[dict[str, float], list[dict[str, Any]]]:
    from sayso.entities.cluster import candidate_groups, group_names
    from sayso.entities.names import parse_name

    flagged = reached = wanted = wrong = likely_total = likely_first = 0
    errors: list[dict[str, Any]] = []
    for entry in data["ambiguous"]:
        kind_type = entry["type"]
        indexes = [i for i, item in enumerate(items) if item.type == kind_type]
        parsed = [parse_name(items[i].text, _TYPES[kind_type]) for i in indexes]
        groups, _ = group_names(parsed)
        name = parse_name(entry["text"], _TYPES[kind_type])
        candidates = candidate_groups(name, groups, parsed)
        entities: list[str] = []
        for _, group_id, _, _ in candidates:
            gold = Counter(items[indexes[m]].entity for m in groups[group_id].members)
            entities.append(gold.most_common(1)[0][0])
        gold_candidates = set(entry["candidates"])
        hits = gold_candidates & set(entities)
        flagged += len(hits) >= 2
        reached += len(hits)
        wanted += len(gold_candidates)
        wrong += len(set(entities) - gold_candidates)
        if "likely" in entry:
            likely_total += 1
            likely_first += bool(entities) and entities[0] == entry["likely"]
        if len(hits) < len(gold_candidates) or set(entities) - gold_candidates:
            errors.append(
                {"ambiguous": entry["text"], "candidates": sorted(gold_candidates),
                 "matched": entities}
            )  # fmt: skip
    count = len(data["ambiguous"]) or 1
    metrics = {
        "ambiguous.flagged": round(flagged / count, 4),
        "ambiguous.candidate_recall": round(reached / (wanted or 1), 4),
        "ambiguous.wrong": float(wrong),
        "ambiguous.likely_first": round(likely_first / (likely_total or 1), 4),
    }
    return metrics, errors


def _rapidfuzz_baseline(
    items: list[AliasItem], pairs: list[tuple[int, int]], hard: set[frozenset[str]]
) -> dict[str, float]:
    from rapidfuzz import fuzz, utils

    ratios = {
        pair: fuzz.token_sort_ratio(
            items[pair[0]].text, items[pair[1]].text, processor=utils.default_process
        )
        for pair in pairs
    }
    best: tuple[float, int, PRF] | None = None
    for threshold in range(50, 101):
        same = {pair: ratio >= threshold for pair, ratio in ratios.items()}
        prf = _score(items, pairs, same)
        if best is None or prf.f1 > best[0]:
            best = (prf.f1, threshold, prf)
    assert best is not None
    _, threshold, prf = best
    same = {pair: ratio >= threshold for pair, ratio in ratios.items()}
    merged = _hard_negative_merges(items, pairs, same, hard)
    return {
        **prf.as_metrics("pairs"),
        "hard_negatives.merged_pairs": float(len(merged)),
        "threshold": threshold / 100,
    }


def evaluate(
    data_root: Path,
    split: str = "dev",
    *,
    limit: int | None = None,
    baselines: bool = True,
    task: str = "aliases",
) -> TaskReport:
    """Score the alias matcher on ``data_root/aliases_{split}.json`` (see the module doc);
    ``task`` names the report (the gate keeps one set of floors per name)."""
    path, data = _load(data_root, split)
    plain, contextual = _items(data, limit)
    hard = {frozenset(pair) for pair in data["hard_negatives"]}

    assignment = _predict_groups(plain)
    pairs = _pairs(plain)
    same = {(i, j): assignment[i] == assignment[j] for i, j in pairs}
    prf = _score(plain, pairs, same)
    merged = _hard_negative_merges(plain, pairs, same, hard)

    rules_assignment = _predict_groups(plain, use_aliases=False)
    rules_same = {(i, j): rules_assignment[i] == rules_assignment[j] for i, j in pairs}
    rules_prf = _score(plain, pairs, rules_same)
    rules_merged = _hard_negative_merges(plain, pairs, rules_same, hard)

    everything = plain + contextual
    assignment_all = _predict_groups(everything)
    contextual_pairs = [
        (i, j)
        for i, j in _pairs(everything)
        if everything[i].kind in _CONTEXTUAL_KINDS or everything[j].kind in _CONTEXTUAL_KINDS
    ]
    same_all = {(i, j): assignment_all[i] == assignment_all[j] for i, j in contextual_pairs}
    contextual_prf = _score(everything, contextual_pairs, same_all)

    ambiguous_metrics, ambiguous_errors = _ambiguous_metrics(data, plain, assignment)
    metrics = {
        **prf.as_metrics("pairs"),
        "pairs.gold_same": float(prf.tp + prf.fn),
        "hard_negatives.merged_pairs": float(len(merged)),
        **_kind_recall(plain, pairs, same),
        **rules_prf.as_metrics("no_table.pairs"),
        "no_table.hard_negatives.merged_pairs": float(len(rules_merged)),
        **_leave_entity_out(plain, pairs).as_metrics("leave_out.pairs"),
        **contextual_prf.as_metrics("contextual"),
        **ambiguous_metrics,
    }
    errors: list[dict[str, Any]] = [
        {"error": "merged hard negative", "a": a, "b": b} for a, b in merged
    ]
    for i, j in pairs:
        gold = plain[i].entity == plain[j].entity
        if gold != same[(i, j)]:
            errors.append(
                {
                    "error": "false merge" if same[(i, j)] else "missed",
                    "a": plain[i].text,
                    "b": plain[j].text,
                    "kinds": [plain[i].kind, plain[j].kind],
                    "entities": [plain[i].entity, plain[j].entity],
                }
            )
    errors.extend(ambiguous_errors)
    report = TaskReport(
        task=task,
        split=split,
        data_hash=hash_files([path]),
        items=len(plain),
        metrics=metrics,
        errors=errors,
        notes=[
            "descriptive and metonym strings need a knowledge base or the article's context; "
            "contextual.* shows how few a string matcher gets",
            f"{len(pairs)} pairs of same-type strings, {int(prf.tp + prf.fn)} of them same-entity",
        ],
        sample=f"first {limit} entities" if limit is not None else None,
    )
    if baselines:
        report.baselines["rapidfuzz"] = _rapidfuzz_baseline(plain, pairs, hard)
    return report
