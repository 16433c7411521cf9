"""Grouping names into entities without chaining look-alikes together.

Pairwise "same" decisions closed transitively over-merge: ``al-Baghdadi`` matches both Abu Bakr
and Abu Omar al-Baghdadi and would glue them into one entity. Here each name joins at most one
existing group, and only when it matches a member of that group and no member says "known
different" (a complete-link veto). Fuller names are placed first so that groups grow from their
most informative form. A name that fits several groups equally well is resolved by shared
titles, else by the group that writes its words letter for letter, else by the caller's
preference (in an article: the most recent group), else left ambiguous in a group of its own
that nothing else joins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sayso.entities.match import Verdict, match_names
from sayso.entities.names import ParsedName

# Two candidate groups whose best scores are this close are a tie (scores come in steps of
# 0.05 or more, see match.py).
_TIE = 0.04
# A name links two groups into one only through matches at least this strong (same words up to
# spelling, acronyms, alias table), never through a surname or a given name alone.
_MERGE_SCORE = 0.85


@dataclass(slots=True)
class NameGroup:
    """Names placed together; ``members`` index the input sequence."""

    members: list[int] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    ambiguous: bool = False
    alternatives: tuple[int, ...] = ()
    """For an ambiguous group: the groups its name could belong to."""


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one name went and why."""

    index: int
    group: int
    verdict: Verdict
    matched: int | None
    """The member whose match decided the placement."""
    alternatives: tuple[int, ...] = ()
    ambiguous: bool = False


def spelled_alike(name: ParsedName, others: Sequence[ParsedName]) -> bool:
    """Every word of ``name`` is written letter for letter in one of ``others``.

    Breaks a tie between groups a name fits equally well: ``Labor Party`` fits both ``Australian
    Labor Party`` and ``British Labour Party`` up to spelling, but writes the first one's word;
    a bare ``Tymoshenko`` writes Yulia Tymoshenko's name, not Semyon Timoshenko's. News spells a
    name one way throughout, and transliteration rules that let a spelling vary are evidence
    only when no entity is written exactly so."""
    words = {unit.text for unit in name.units}
    return bool(words) and any(words <= {unit.text for unit in other.units} for other in others)


def fullness(name: ParsedName) -> tuple[int, int, int]:
    """Sort key: fuller names first, acronyms last."""
    if name.acronym:
        return (1, 0, 0)
    return (0, -len(name.units), -len(name.text))


def candidate_groups(
    name: ParsedName, groups: list[NameGroup], names: Sequence[ParsedName]
) -> list[tuple[float, int, int, Verdict]]:
    """Groups ``name`` may join, best first, as (score, group id, matched member, verdict).

    A group qualifies when ``name`` matches one of its members and the group's representative
    (its fullest name, placed first) does not say "different". Other members' vetoes count only
    when ``name`` does not match the representative itself: "Recep Erdogan" and "Tayyip Erdogan"
    disagree, but both fit "Recep Tayyip Erdogan".
    """
    candidates: list[tuple[float, int, int, Verdict]] = []
    for group_id, group in enumerate(groups):
        if group.ambiguous:
            continue
        verdicts = [(member, match_names(name, names[member])) for member in group.members]
        if verdicts[0][1].same is False:
            continue
        if verdicts[0][1].same is not True and any(v.same is False for _, v in verdicts):
            continue
        matched = [(v.score, member, v) for member, v in verdicts if v.same]
        if matched:
            score, member, verdict = max(
                matched, key=lambda item: (item[0], -len(names[item[1]].units))
            )
            candidates.append((score, group_id, member, verdict))
    # Equal scores: first the group whose matched name is shortest, a group already named by a
    # word or two alone ("Colonel Gaddafi" for a bare "Qadhafi") before one named only in full.
    candidates.sort(key=lambda item: (-item[0], len(names[item[2]].units)))
    return candidates


def _can_merge(first: NameGroup, second: NameGroup, names: Sequence[ParsedName]) -> bool:
    """Two groups a name links may merge when their representatives do not disagree and no
    member of one says "different" to the other's representative."""
    rep_a, rep_b = names[first.members[0]], names[second.members[0]]
    if match_names(rep_a, rep_b).same is False:
        return False
    return not any(match_names(names[m], rep_a).same is False for m in second.members) and not any(
        match_names(names[m], rep_b).same is False for m in first.members
    )


def group_names(
    names: Sequence[ParsedName],
    order: Sequence[int] | None = None,
    prefer: Callable[[int, Sequence[int]], int | None] | None = None,
) -> tuple[list[NameGroup], list[Placement]]:
    """Group ``names`` (all of one type) into entities.

    ``order`` is the placement order (default: fullest first). ``prefer(index, group_ids)``
    may pick one of several equally good groups for name ``index`` (discourse recency).
    """
    sequence = (
        list(order)
        if order is not None
        else sorted(range(len(names)), key=lambda i: (fullness(names[i]), names[i].text))
    )
    groups: list[NameGroup] = []
    placements: list[Placement] = []
    for index in sequence:
        name = names[index]
        candidates = candidate_groups(name, groups, names)
        if not candidates:
            groups.append(NameGroup([index], set(name.titles)))
            placements.append(Placement(index, len(groups) - 1, Verdict(None, 0.0, "new"), None))
            continue
        top = [c for c in candidates if candidates[0][0] - c[0] <= _TIE]
        if len(top) > 1 and name.titles:
            titled = [c for c in top if groups[c[1]].titles & set(name.titles)]
            top = titled or top
        if len(top) > 1:
            exact = [
                c for c in top if spelled_alike(name, [names[m] for m in groups[c[1]].members])
            ]
            top = exact or top
        if len(top) > 1 and name.qualifier is None:
            # A bare name fits the entity written bare before one written with a nationality
            # word: "Taleban" is the "Taliban" of the story, not the "Pakistani Taliban".
            bare = [
                c
                for c in top
                if any(
                    names[m].qualifier is None and match_names(name, names[m]).same
                    for m in groups[c[1]].members
                )
            ]
            top = bare or top
        if len(top) > 1 and prefer is not None:
            chosen = prefer(index, [c[1] for c in top])
            top = [c for c in top if c[1] == chosen] or top
        others = tuple(c[1] for c in candidates if c[1] != top[0][1])
        if len(top) > 1:
            groups.append(NameGroup([index], set(name.titles), True, tuple(c[1] for c in top)))
            verdict = Verdict(None, 0.0, "fits several entities equally well")
            placements.append(
                Placement(index, len(groups) - 1, verdict, None, tuple(c[1] for c in top), True)
            )
            continue
        _, group_id, member, verdict = top[0]
        target = groups[group_id]
        target.members.append(index)
        target.titles.update(name.titles)
        strong = [c[1] for c in candidates if c[0] >= _MERGE_SCORE and c[1] != group_id]
        for other in strong if verdict.score >= _MERGE_SCORE else []:
            if groups[other].members and _can_merge(target, groups[other], names):
                target.members.extend(groups[other].members)
                target.titles.update(groups[other].titles)
                groups[other].members = []
                groups[other].ambiguous = True
        placements.append(Placement(index, group_id, verdict, member, others))
    final = {old: new for new, old in enumerate(i for i, g in enumerate(groups) if g.members)}
    kept = [group for group in groups if group.members]
    for group in kept:
        group.alternatives = tuple(final[i] for i in group.alternatives if i in final)
    owner = {member: final[i] for i, group in enumerate(groups) for member in group.members}
    placements = [
        Placement(
            p.index, owner[p.index], p.verdict, p.matched,
            tuple(final[i] for i in p.alternatives if i in final), p.ambiguous,
        )
        for p in placements
    ]  # fmt: skip
    return kept, placements
