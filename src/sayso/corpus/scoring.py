"""Coreference scores for clusterings of mentions: MUC, B-cubed, CEAF-e and CoNLL F1.

The definitions are the standard ones (Vilain et al. 1995; Bagga & Baldwin 1998; Luo 2005;
CoNLL = the mean of the three F1s, Pradhan et al. 2014). Both clusterings must cover the same
mentions (gold mentions), singletons included. CEAF-e's best one-to-one alignment is found per
connected group of overlapping clusters with the Hungarian algorithm, so a corpus of thousands
of mostly small clusters is scored quickly without a solver library.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

Clustering = Sequence[frozenset[Hashable]]


@dataclass(frozen=True, slots=True)
class Score:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * p * r / (p + r) if p + r else 0.0


def _index(clusters: Clustering) -> dict[Hashable, int]:
    return {mention: n for n, cluster in enumerate(clusters) for mention in cluster}


def _muc_recall(key: Clustering, response: Clustering) -> float:
    where = _index(response)
    numerator = denominator = 0
    for cluster in key:
        partitions = {where.get(m, ("alone", m)) for m in cluster}
        numerator += len(cluster) - len(partitions)
        denominator += len(cluster) - 1
    return numerator / denominator if denominator else 0.0


def muc(key: Clustering, response: Clustering) -> Score:
    """Links kept: recall over the key's links, precision over the response's."""
    return Score(_muc_recall(key, response), _muc_recall(response, key))


def _b3_recall(key: Clustering, response: Clustering) -> float:
    where = _index(response)
    by_id = list(response)
    total = sum(len(c) for c in key)
    found = 0.0
    for cluster in key:
        for mention in cluster:
            other = by_id[where[mention]] if mention in where else frozenset({mention})
            found += len(cluster & other) / len(cluster)
    return found / total if total else 0.0


def b_cubed(key: Clustering, response: Clustering) -> Score:
    """Per-mention overlap of its key and response clusters, averaged over mentions."""
    return Score(_b3_recall(key, response), _b3_recall(response, key))


def _hungarian(weights: Sequence[Sequence[float]]) -> float:
    """The largest total weight of a one-to-one assignment (rows <= columns after padding)."""
    n = max(len(weights), len(weights[0]) if weights else 0)
    cost = [[0.0] * n for _ in range(n)]
    for i, row in enumerate(weights):
        for j, w in enumerate(row):
            cost[i][j] = -w
    inf = float("inf")
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return -sum(cost[p[j] - 1][j - 1] for j in range(1, n + 1) if p[j])


def _phi4(a: frozenset[Hashable], b: frozenset[Hashable]) -> float:
    return 2 * len(a & b) / (len(a) + len(b))


def ceaf_e(key: Clustering, response: Clustering) -> Score:
    """Entity-based CEAF: the best one-to-one alignment of clusters by phi4 similarity."""
    where = _index(response)
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k, cluster in enumerate(key):
        root(("k", k))
        for mention in cluster:
            if mention in where:
                parent[root(("r", where[mention]))] = root(("k", k))
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for k in range(len(key)):
        groups.setdefault(root(("k", k)), ([], []))[0].append(k)
    for r in range(len(response)):
        groups.setdefault(root(("r", r)), ([], []))[1].append(r)
    total = 0.0
    for keys, responses in groups.values():
        if not keys or not responses:
            continue
        weights = [[_phi4(key[k], response[r]) for r in responses] for k in keys]
        total += _hungarian(weights)
    return Score(total / len(key) if key else 0.0, total / len(response) if response else 0.0)


def conll(key: Clustering, response: Clustering) -> Mapping[str, float]:
    """MUC, B3 and CEAF-e recall, precision and F1, and their mean F1 (``conll.f1``)."""
    metrics: dict[str, float] = {}
    f1s: list[float] = []
    for name, scorer in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        score = scorer(key, response)
        metrics |= {
            f"{name}.recall": score.recall,
            f"{name}.precision": score.precision,
            f"{name}.f1": score.f1,
        }
        f1s.append(score.f1)
    metrics["conll.f1"] = sum(f1s) / len(f1s)
    return metrics
