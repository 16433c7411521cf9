"""The rewrites that took quadratic paths out give the answers the direct ways gave (their speed
is measured in benchmarks/worst_inputs.py, never timed here), and the per-article time budget
ends an article with a diagnostic and the records of the stages that finished."""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sayso.entities import resolve
from sayso.entities.cluster import spelled_alike
from sayso.entities.match import Verdict
from sayso.entities.spans import NameSpan
from sayso.ingest import plaintext
from sayso.nlp.budget import BudgetSpent, article_budget, check_budget
from sayso.statements import extract
from sayso.statements.quotes import Quote

if TYPE_CHECKING:
    from sayso.nlp.stage import Analysis
    from sayso.pipeline import Pipeline


# -- plain text: the run of short lines around each line ------------------------------------


def _runs_directly(words: list[int]) -> list[int]:
    n = len(words)
    out = []
    for i in range(n):
        run = 0
        for j in range(i, n):
            if words[j] >= plaintext._PROSE_MIN_WORDS:
                break
            run += 1
        for j in range(i - 1, -1, -1):
            if words[j] >= plaintext._PROSE_MIN_WORDS:
                break
            run += 1
        out.append(run)
    return out


@given(st.lists(st.integers(0, 20), max_size=60))
def test_short_runs_count_what_counting_at_each_line_counted(words: list[int]) -> None:
    shapes = [plaintext._Shape(w, False, False, False, ()) for w in words]
    forward, backward = plaintext._short_runs(shapes)
    got = [forward[i] + (backward[i - 1] if i else 0) for i in range(len(words))]
    assert got == _runs_directly(words)


@given(st.lists(st.booleans(), max_size=40))
def test_run_lengths_are_the_runs_each_flag_is_in(flags: list[bool]) -> None:
    got = plaintext._run_lengths(flags)
    for i, flag in enumerate(flags):
        if not flag:
            assert got[i] == 0
            continue
        lo = i
        while lo > 0 and flags[lo - 1]:
            lo -= 1
        hi = i
        while hi + 1 < len(flags) and flags[hi + 1]:
            hi += 1
        assert got[i] == hi - lo + 1


@given(st.lists(st.floats(0, 5), min_size=1, max_size=40), st.integers(1, 6))
def test_window_spread_is_the_spread_of_each_window(values: list[float], radius: int) -> None:
    got = plaintext._window_spread(values, radius)
    for i in range(len(values)):
        window = values[max(0, i - radius) : i + radius + 1]
        mean = sum(window) / len(window)
        direct = math.sqrt(sum((v - mean) ** 2 for v in window) / len(window))
        assert got[i] == pytest.approx(direct, abs=1e-6)


@given(st.lists(st.floats(0, 1), max_size=40), st.integers(1, 6))
def test_window_mean_is_the_mean_of_the_others_around(values: list[float], radius: int) -> None:
    got = plaintext._window_mean(values, radius)
    for i in range(len(values)):
        others = [v for j, v in enumerate(values) if j != i and abs(j - i) <= radius]
        assert got[i] == pytest.approx(sum(others) / len(others) if others else 0.0, abs=1e-9)


@given(st.lists(st.floats(-5, 5), max_size=40))
def test_best_run_has_the_largest_total(gains: list[float]) -> None:
    start, end = plaintext._best_run(gains)
    best = max(
        (sum(gains[i:j]) for i in range(len(gains)) for j in range(i + 1, len(gains) + 1)),
        default=0.0,
    )
    assert sum(gains[start:end]) == pytest.approx(max(best, 0.0), abs=1e-9)


def test_line_features_hold_the_run_feature() -> None:
    texts = ["a", "b", "The minister said the plan would be ready by the end of June.", "c"]
    rows = plaintext.line_features(texts)
    run = plaintext.FEATURE_NAMES.index("short_run")
    assert [round(math.expm1(r[run])) for r in rows] == [2, 2, 2, 1]


# -- statements: the next quote, the smallest holder ---------------------------------------


def test_following_quotes_skip_nicknames() -> None:
    text = 'He said "We will win" and Marcia "Cia" Price said "No" then "Yes" again.'
    quotes = []
    start = 0
    while (at := text.find('"', start)) >= 0:
        end = text.index('"', at + 1) + 1
        quotes.append(Quote(((at, end),), depth=0))
        start = end
    following = extract._following_quotes(text, quotes)
    direct = [
        next(
            (j for j in range(i + 1, len(quotes)) if not extract._is_nickname(text, quotes[j])),
            None,
        )
        for i in range(len(quotes))
    ]
    assert following == direct
    assert following[0] == 2  # "Cia" is a nickname, passed over


def _parents_directly(drafts: list[extract._Draft]) -> dict[int, int]:
    parents: dict[int, int] = {}
    for index, draft in enumerate(drafts):
        if draft.kind == "own_voice":
            continue  # the outlet's own sentences nest in nothing
        best: int | None = None
        for other_index, other in enumerate(drafts):
            if other is draft or other.kind == "own_voice":
                continue
            inside = any(s <= draft.start and draft.end <= e for s, e in other.content)
            smaller = (other.end - other.start) > (draft.end - draft.start)
            if (
                inside
                and smaller
                and (
                    best is None or drafts[best].end - drafts[best].start > other.end - other.start
                )
            ):
                best = other_index
        if best is not None:
            parents[index] = best
    return parents


pieces = st.tuples(st.integers(0, 60), st.integers(1, 30)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["direct", "indirect", "own_voice"]),
            st.lists(pieces, min_size=1, max_size=3).map(sorted),
        ),
        max_size=12,
    )
)
def test_parents_are_the_smallest_holders_as_before(
    specs: list[tuple[str, list[tuple[int, int]]]],
) -> None:
    drafts = [extract._Draft(kind, content) for kind, content in specs]  # type: ignore[arg-type]
    # drafts with no cue are in no relative clause: the parse (the context) is never read
    assert extract._parents(None, drafts) == _parents_directly(drafts)  # type: ignore[arg-type]


# -- entities: grouping compares a text with the groups that could take it ---------------------


def _group_directly(
    texts: list[resolve._Text], defined: dict[str, str]
) -> tuple[list[resolve._Group], dict[str, list[int]]]:
    """The grouping as it was: every text compared with every group."""
    groups: list[resolve._Group] = []
    ambiguous: dict[str, list[int]] = {}
    order = sorted(texts, key=lambda t: (resolve.fullness(t.parsed), t.spans[0].start))
    for entry in order:
        scored: list[tuple[float, int, Verdict, str | None]] = []
        keys = resolve._blocking_keys(entry.text)
        for index, group in enumerate(groups):
            if not entry.parsed.acronym and entry.key not in defined and not keys & group.keys:
                continue
            if entry.type not in resolve._MATCHABLE or not resolve._may_join(entry, group):
                continue
            verdict, matched = resolve._verdict(entry, group, defined)
            if verdict.same:
                scored.append((verdict.score, index, verdict, matched))
        scored.sort(key=lambda item: -item[0])
        top = [item for item in scored if scored[0][0] - item[0] <= 0.04] if scored else []
        if len(top) > 1 and entry.parsed.titles:
            titled = [
                item
                for item in top
                if any(
                    set(t.parsed.titles) & set(entry.parsed.titles) for t in groups[item[1]].texts
                )
            ]
            top = titled or top
        if len(top) > 1:
            exact = [
                item
                for item in top
                if spelled_alike(entry.parsed, [t.parsed for t in groups[item[1]].texts])
            ]
            top = exact or top
        if len(top) > 1:
            ambiguous[entry.key] = [item[1] for item in top]
            continue
        if top:
            _, index, verdict, matched = top[0]
            groups[index].texts.append(entry)
            groups[index].keys |= keys
            groups[index].reasons[entry.key] = (verdict, matched)
        else:
            groups.append(resolve._Group(entry.type, [entry], keys=set(keys)))
    return groups, ambiguous


NAMES = [
    "United Nations", "UN", "U.N.", "UN Security Council", "Security Council", "Dana Keller",
    "Keller", "Ms. Keller", "Dana", "Islamic Revolutionary Guard Corps", "IRGC", "Guard Corps",
    "Acme Corp", "Acme", "AC", "Iraq", "Iraqi", "Baghdad", "Abu Bakr al-Baghdadi", "Baghdadi",
    "Abu Omar al-Baghdadi", "World Health Organization", "WHO", "Health Organization", "NATO",
    "North Atlantic Treaty Organization", "Reuters", "Tasnim News Agency", "Tasnim", "TNA",
    "President Biden", "Joe Biden", "Biden", "J. Biden", "EU", "European Union", "Europe",
]  # fmt: skip
LABELS = ["PERSON", "ORG", "GPE", "NORP", "LOC", ""]


@settings(max_examples=200)
@example(  # a tie the letter-for-letter spelling breaks ("U.N." and "UN" over the WHO)
    mentions=[("U.N.", "PERSON"), ("World Health Organization", "PERSON"), ("UN", "PERSON")],
    defined={"un": "world health organization"},
)
@given(
    st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(LABELS)), max_size=16),
    st.dictionaries(
        st.sampled_from(["un", "irgc", "who", "ac", "tna"]),
        st.sampled_from(
            ["united nations", "acme corp", "world health organization", "tasnim news agency"]
        ),
        max_size=2,
    ),
)
def test_grouping_with_indexes_matches_comparing_every_group(
    mentions: list[tuple[str, str]], defined: dict[str, str]
) -> None:
    spans = []
    at = 0
    for text, label in mentions:
        spans.append(NameSpan(at, at + len(text), text, label, 0, False))
        at += len(text) + 2
    fast_groups, fast_ambiguous = resolve._group_texts(resolve._texts(spans), defined, {})
    slow_groups, slow_ambiguous = _group_directly(resolve._texts(spans), defined)
    assert [[t.key for t in g.texts] for g in fast_groups] == [
        [t.key for t in g.texts] for g in slow_groups
    ]
    assert fast_ambiguous == slow_ambiguous


# -- the time budget --------------------------------------------------------------------------


def test_the_budget_is_checked_only_inside_an_article() -> None:
    check_budget()  # outside any budget: nothing happens
    with article_budget(None):
        check_budget()
    with article_budget(-1.0), pytest.raises(BudgetSpent):
        check_budget()


class _Spinner:
    """A stage whose work never ends, checking the budget as the built-in rules do."""

    name = "spinner"
    version = "1"
    requires = ("doc",)
    assigns: tuple[str, ...] = ()

    def __call__(self, work: Analysis) -> None:
        spins = Counter[int]()
        while True:
            spins[0] += 1
            check_budget()


@pytest.mark.slow
def test_an_article_over_its_budget_ends_with_a_diagnostic_and_its_partial_records(
    nlp: object,
) -> None:
    from sayso.ingest.article import make_article, make_source
    from sayso.pipeline import Pipeline

    pipeline: Pipeline = Pipeline(stages=("entities", "statements"), time_budget=1.0)
    entities, statements = pipeline.stages
    pipeline.stages = (entities, _Spinner(), statements)  # type: ignore[assignment]
    text = '"We will rebuild the pier," Dana Keller, the harbour director, said on Tuesday.'
    (result,) = pipeline.analyze_articles([make_article(text, make_source("t", "text"))])
    assert result.entities, "the stage before the spinner kept its records"
    assert not result.statements, "the stage after it was not run"
    (note,) = [d for d in result.diagnostics if d.stage == "spinner"]
    assert note.severity == "error"
    assert "time budget of 1 CPU seconds" in note.message
    assert "'statements'" in note.message


@pytest.mark.slow
def test_reader_diagnostics_reach_the_result(pipeline: Pipeline) -> None:
    from sayso.ingest.sources import read_article

    article = read_article("The harbour authority said the pier would reopen \ud800 next month.")
    (result,) = pipeline.analyze_articles([article])
    assert any(d.stage == "ingest" for d in result.diagnostics)
