"""An entity's dossier across articles: who it is, what happened to or by it, what it said,
what others said about it, and the numbers attached to it, each with the outlets that carry it.

A dossier is built in two steps, so that the costly one runs once per article and can be kept:

* ``entity_part(result, entity_id)`` reads one article: the entity's aliases and titles there,
  a few mentions in context, its events (as :mod:`sayso.corpus.chronology` reports them), the
  statements it made (with their attribution chain and the outlet's stance), the statements of
  others whose content names it, and the numbers of its events or counted in it;
* ``build_dossier(name, parts)`` merges the parts of many articles: one chronology with each
  event once, and each claim once with every outlet that reports it and the stance each takes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sayso.corpus.chronology import (
    ArticleRef,
    Chronology,
    EventReport,
    article_ref,
    build_chronology,
    event_reports,
    reports_involving,
)
from sayso.corpus.claims import match_contents
from sayso.corpus.shingles import normalise
from sayso.entities.names import fold
from sayso.export.text import chain_text, content_text, flag_kinds, speaker_name
from sayso.records import ArticleResult, Span, Statement
from sayso.records.kinds import listed
from sayso.store import ArticleNotFoundError

if TYPE_CHECKING:
    from sayso.store import Store

CONTEXT_CHARS = 70
"""Characters of article text shown either side of a mention: about one line on a laptop."""
MENTIONS_PER_ARTICLE = 3
"""Mentions in context a dossier shows per article."""


@dataclass(frozen=True, slots=True)
class MentionContext:
    """A mention with a line of text around it."""

    before: str
    text: str
    after: str


@dataclass(frozen=True, slots=True)
class EntityArticle:
    """An article naming an entity, with the first few mentions in context."""

    article_id: str
    title: str | None
    published_on: date | None
    mentions: tuple[MentionContext, ...]
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class EntityEvent:
    """An event with the entity among its arguments, in the role it plays there."""

    article_id: str
    event_id: str
    type: str
    trigger: str
    time: str | None
    role: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement as a dossier lists it: who said what, through whom, framed how, where."""

    article: ArticleRef
    statement_id: str
    kind: str
    speaker: str
    content: str
    stance: str
    stance_cues: tuple[str, ...]
    chain: str
    """``Harbour Times ← Reuters ← Dana Keller``: from the page back to the source."""


@dataclass(frozen=True, slots=True)
class NumberNote:
    """A number attached to the entity: counted in one of its events, or in its place."""

    article: ArticleRef
    quantity_id: str
    text: str
    counted: str | None
    place: str | None
    as_of: str | None
    context: str
    """The event it belongs to (its label), else the words around it."""
    flags: tuple[str, ...]
    """Kinds of the consistency flags that name it (``parts_exceed_total``)."""


@dataclass(frozen=True, slots=True)
class EntityPart:
    """What a dossier takes from one article: the entity as that article has it."""

    type: str
    titles: tuple[str, ...]
    aliases: tuple[tuple[str, int], ...]
    """Surface forms and how often the article uses each."""
    article: EntityArticle
    events: tuple[EntityEvent, ...]
    reports: tuple[EventReport, ...] = ()
    """The article's events with the entity taking part, as a chronology reports them."""
    said: tuple[Claim, ...] = ()
    said_about: tuple[Claim, ...] = ()
    numbers: tuple[NumberNote, ...] = ()


def _published_on(result: ArticleResult) -> date | None:
    published = result.article.metadata.published
    if published is None or len(published.value) < 10:
        return None
    try:
        return date.fromisoformat(published.value[:10])
    except ValueError:
        return None


def mention_contexts(result: ArticleResult, entity_id: str, limit: int) -> list[MentionContext]:
    """The first ``limit`` mentions of the entity, each with a line of text around it."""
    text = result.article.text
    out = []
    for mention in result.mentions:
        if mention.entity_id != entity_id:
            continue
        s = mention.span
        before = text[max(0, s.start - CONTEXT_CHARS) : s.start]
        after = text[s.end : s.end + CONTEXT_CHARS]
        out.append(MentionContext(before.replace("\n", " "), s.text, after.replace("\n", " ")))
        if len(out) >= limit:
            break
    return out


def _claim(result: ArticleResult, article: ArticleRef, statement: Statement) -> Claim:
    return Claim(
        article=article,
        statement_id=statement.id,
        kind=statement.kind,
        speaker=speaker_name(result, statement),
        content=content_text(statement),
        stance=statement.stance.label,
        stance_cues=tuple(cue.text for cue in statement.stance.cues),
        chain=chain_text(statement, result.article.metadata.outlet),
    )


def _inside(span: Span, spans: Sequence[Span]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def _numbers(
    result: ArticleResult,
    article: ArticleRef,
    reports: Sequence[EventReport],
    mention_spans: Sequence[Span],
) -> tuple[NumberNote, ...]:
    labels = {r.event_id: r.label for r in reports}
    of_events = {
        quantity_id: labels[event.id]
        for event in result.events
        if event.id in labels
        for quantity_id in event.quantities
    }
    flagged = flag_kinds(result)
    text = result.article.text
    notes = []
    for q in result.quantities:
        in_place = any(
            part is not None and _inside(m, (part,))
            for part in (q.place, q.group)
            for m in mention_spans
        )
        if q.id not in of_events and not in_place:
            continue
        around = text[max(0, q.span.start - CONTEXT_CHARS) : q.span.end + CONTEXT_CHARS]
        notes.append(
            NumberNote(
                article=article,
                quantity_id=q.id,
                text=q.span.text,
                counted=q.counted or q.unit,
                place=q.place.text if q.place else None,
                as_of=q.as_of.value if q.as_of else None,
                context=of_events.get(q.id) or "…" + around.replace("\n", " ").strip() + "…",
                flags=tuple(flagged.get(q.id, ())),
            )
        )
    return tuple(notes)


def entity_parts(result: ArticleResult, mentions: int) -> dict[str, EntityPart]:
    """``entity_part`` of every entity of ``result``, by entity id."""
    reports = event_reports(result)
    parts = {e.id: entity_part(result, e.id, mentions, reports) for e in result.entities}
    return {entity_id: part for entity_id, part in parts.items() if part is not None}


def entity_part(
    result: ArticleResult,
    entity_id: str,
    mentions: int,
    reports: Sequence[EventReport] | None = None,
) -> EntityPart | None:
    """Entity ``entity_id`` of ``result`` with its first ``mentions`` mentions in context;
    None when the article has no such entity. ``reports`` are ``event_reports(result)``,
    passed in when reading many entities of one article."""
    entity = next((e for e in result.entities if e.id == entity_id), None)
    if entity is None:
        return None
    article_id = result.article.id
    ref = article_ref(result)
    events = []
    for event in result.events:
        role = next((a.role for a in event.arguments if a.entity_id == entity_id), None)
        if role is not None:
            time = event.time.value if event.time else None
            events.append(
                EntityEvent(article_id, event.id, event.type, event.trigger.text, time, role)
            )
    own = reports_involving(event_reports(result) if reports is None else reports, [entity_id])
    spans = [m.span for m in result.mentions if m.entity_id == entity_id]
    said, said_about = [], []
    for statement in listed(result.statements):
        if statement.speaker_entity == entity_id:
            said.append(_claim(result, ref, statement))
        elif any(_inside(span, statement.content) for span in spans):
            said_about.append(_claim(result, ref, statement))
    return EntityPart(
        type=entity.type,
        titles=tuple(entity.titles),
        aliases=tuple((form.text, form.count) for form in entity.aliases),
        article=EntityArticle(
            article_id,
            result.article.metadata.title,
            _published_on(result),
            tuple(mention_contexts(result, entity_id, mentions)),
            result.article.metadata.outlet,
        ),
        events=tuple(events),
        reports=tuple(own),
        said=tuple(said),
        said_about=tuple(said_about),
        numbers=_numbers(result, ref, own, spans),
    )


def alias_counts(parts: Sequence[EntityPart]) -> list[tuple[str, int]]:
    """Surface forms of one entity summed over the articles it occurs in, most used first."""
    counts: dict[str, int] = defaultdict(int)
    for part in parts:
        for text, count in part.aliases:
            counts[text] += count
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """One claim of one speaker, with every article that reports it, earliest first."""

    speaker: str
    content: str
    reports: tuple[Claim, ...]

    @property
    def stances(self) -> tuple[tuple[str, str], ...]:
        """(outlet, stance) of each outlet carrying the claim, in order of first report; an
        outlet that framed it differently in two articles shows both (``neutral/disputed``)."""
        found: dict[str, list[str]] = {}
        for claim in self.reports:
            seen = found.setdefault(claim.article.source, [])
            if claim.stance not in seen:
                seen.append(claim.stance)
        return tuple((source, "/".join(stances)) for source, stances in found.items())


SHARED_WORDS = 0.5
"""Share of the shorter content's words a near match has in common with the other: a quote
trimmed or with a word changed keeps most of its words (the near-match tests of
``claims.match_contents`` score such pairs 90 and more; sentences sharing fewer words score far
below), so groups sharing fewer are not compared at all."""


def group_claims(claims: Sequence[Claim]) -> tuple[ClaimGroup, ...]:
    """Claims of the same speaker whose contents match (``claims.match_contents``: equal once
    folded, or near) as one group each, the most widely carried first. A claim is compared
    only with the first claims of groups sharing ``SHARED_WORDS`` of its words, so that a
    speaker's thousands of claims are grouped in about linear time."""
    groups: list[list[Claim]] = []
    exact: dict[tuple[str, str], int] = {}
    firsts: list[tuple[str, int]] = []
    """(folded content, word count) of each group's first claim."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    """(speaker, word) → the groups whose first claim has it."""
    for claim in sorted(claims, key=lambda c: _article_order(c.article)):
        key, folded = normalise(claim.speaker), normalise(claim.content)
        found = exact.get((key, folded))
        words = set(folded.split())
        if found is None:
            shared: dict[int, int] = defaultdict(int)
            for word in words:
                for n in postings.get((key, word), ()):
                    shared[n] += 1
            found = next(
                (
                    n
                    for n, count in sorted(shared.items(), key=lambda kv: -kv[1])
                    if count >= SHARED_WORDS * min(len(words), firsts[n][1])
                    and match_contents(firsts[n][0], folded) is not None
                ),
                None,
            )
        if found is None:
            found = len(groups)
            groups.append([])
            firsts.append((folded, len(words)))
            for word in words:
                postings[(key, word)].append(found)
        exact.setdefault((key, folded), found)
        groups[found].append(claim)
    out = [ClaimGroup(found[0].speaker, found[0].content, tuple(found)) for found in groups]
    out.sort(key=lambda g: -len(g.stances))
    return tuple(out)


def _article_order(article: ArticleRef) -> tuple[int, str, str]:
    return (0 if article.published else 1, article.published or "", article.article_id)


@dataclass(frozen=True, slots=True)
class Dossier:
    """One entity across the articles read for it."""

    name: str
    types: tuple[str, ...]
    aliases: tuple[tuple[str, int], ...]
    titles: tuple[str, ...]
    articles: tuple[EntityArticle, ...]
    """The articles read, earliest published first."""
    total_articles: int
    """How many articles name the entity; more than ``articles`` when only some were read."""
    chronology: Chronology
    said: tuple[ClaimGroup, ...]
    said_about: tuple[ClaimGroup, ...]
    numbers: tuple[NumberNote, ...]
    outlets: tuple[tuple[str, int], ...]
    """Outlets naming the entity, with how many of the articles read each one published."""


def build_dossier(
    name: str, parts: Sequence[EntityPart], *, total_articles: int | None = None
) -> Dossier:
    """The dossier of ``name`` from its parts in several articles."""
    ordered = sorted(parts, key=lambda p: _article_order(_ref(p.article)))
    titles: list[str] = []
    for part in ordered:
        titles.extend(t for t in part.titles if t not in titles)
    outlets: dict[str, int] = defaultdict(int)
    for part in ordered:
        outlets[_ref(part.article).source] += 1
    return Dossier(
        name=name,
        types=tuple(sorted({part.type for part in ordered})),
        aliases=tuple(alias_counts(ordered)),
        titles=tuple(titles),
        articles=tuple(part.article for part in ordered),
        total_articles=len(ordered) if total_articles is None else total_articles,
        chronology=build_chronology(r for part in ordered for r in part.reports),
        said=group_claims([c for part in ordered for c in part.said]),
        said_about=group_claims([c for part in ordered for c in part.said_about]),
        numbers=tuple(n for part in ordered for n in part.numbers),
        outlets=tuple(sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def _ref(article: EntityArticle) -> ArticleRef:
    published = article.published_on.isoformat() if article.published_on else None
    return ArticleRef(article.article_id, article.title, article.outlet, published)


MAX_ARTICLES = 5000
"""Articles a dossier or chronology read from a store reads at most."""


@dataclass(frozen=True, slots=True)
class EntityMatch:
    """The entities of a store taken to be the one a name asks for."""

    name: str
    """Its canonical name (the one most of its articles give)."""
    members: tuple[tuple[str, str], ...]
    """(article id, entity id) of each article's entity."""


def _words(text: str) -> list[str]:
    return fold(text).split()


def _holds(name: str, wanted: list[str]) -> bool:
    """Whether ``wanted`` (folded words) occurs in ``name`` as whole words (``Rutte`` in
    ``Mark Rutte``, not in ``Ruttenberg``)."""
    words = _words(name)
    n = len(wanted)
    return any(words[i : i + n] == wanted for i in range(len(words) - n + 1))


def find_entity(store: Store, name: str) -> EntityMatch | None:
    """The entity ``name`` asks for, across the store's articles.

    A registry entity (``sayso link``) with this name or alias comes first: its members are
    the articles' entities merged across articles. Else every article entity whose canonical
    name or a surface form is ``name`` (case, accents and punctuation aside); else the
    canonical name holding ``name`` as whole words in the most articles. None when nothing
    matches.
    """
    from sayso.corpus import queries

    wanted = fold(name)
    if not wanted:
        return None
    for row in queries.entities(store, name, limit=5):
        forms = {fold(row.name), *(fold(alias) for alias in row.aliases)}
        if wanted in forms and row.articles:
            members = tuple((a.article_id, a.entity_id) for a in row.articles)
            return EntityMatch(row.name, members)
    rows = store.entities(name=name, limit=MAX_ARTICLES)
    exact = [r for r in rows if wanted == fold(r.name) or wanted in {fold(a) for a in r.aliases}]
    if not exact:
        words = wanted.split()
        held = [r for r in rows if _holds(r.name, words)]
        if not held:
            return None
        counts: dict[str, int] = defaultdict(int)
        for r in held:
            counts[r.name] += 1
        best = max(counts, key=lambda n: (counts[n], n))
        exact = [r for r in held if r.name == best]
    names: dict[str, int] = defaultdict(int)
    for r in exact:
        names[r.name] += 1
    canonical = max(names, key=lambda n: (names[n], n))
    members = tuple(dict.fromkeys((r.article_id, r.entity_id) for r in exact))
    return EntityMatch(canonical, members)


def read_parts(
    store: Store, match: EntityMatch, mentions: int = MENTIONS_PER_ARTICLE
) -> list[EntityPart]:
    """The entity's part of each of its articles, each article decoded once."""
    by_article: dict[str, list[str]] = defaultdict(list)
    for article_id, entity_id in match.members:
        by_article[article_id].append(entity_id)
    parts = []
    for article_id, entity_ids in by_article.items():
        try:
            result = store.get(article_id)
        except ArticleNotFoundError:
            continue
        reports = event_reports(result)
        for entity_id in entity_ids:
            part = entity_part(result, entity_id, mentions, reports)
            if part is not None:
                parts.append(part)
    return parts


def read_dossier(store: Store, name: str) -> Dossier | None:
    """The dossier of the entity ``name`` asks for (``find_entity``), from all its articles."""
    match = find_entity(store, name)
    if match is None:
        return None
    return build_dossier(match.name, read_parts(store, match))
