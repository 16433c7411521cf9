"""Linking an article's entities to a knowledge base: scoring candidates and picking a winner.

Nothing here talks to a knowledge base. A :class:`KnowledgeBase` (Wikidata in
:mod:`sayso.entities.wikidata`, or a plugin) turns entities into :class:`Candidate` records that
already say whether their type fits; this module scores them against the article and decides.

Score of a type-compatible candidate (weights sum to 1; set by hand on the test fixtures, as
there is no annotated linking data among the evaluation sets):

* name (0.40): best rapidfuzz similarity between the entity's name or aliases and the
  candidate's label or aliases; a candidate below ``MIN_NAME_SIMILARITY`` is dropped.
* aliases (0.10): share of the entity's *other* full names and acronyms that the candidate also
  bears (``IRGC`` for the Islamic Revolutionary Guard Corps).
* context (0.20): content words near the entity's mentions that its description also uses
  (``minister``, ``Velorian``); two shared words give the full weight.
* place (0.15): the candidate's country, citizenship, seat or location is a place already linked
  in the same article.
* prior (0.15): the knowledge base's own search rank.
* dates: a candidate whose life or existence lies wholly outside every year the article mentions
  loses ``DATE_PENALTY``.

A candidate is linked only when it scores at least ``MIN_SCORE`` and beats the runner-up by
``MIN_MARGIN``. An exact name with the top search rank scores 0.55 on its own, below
``MIN_SCORE``: a name is never enough, one corroborating signal (an alias, a context word, a
linked place) is needed; dates only ever subtract.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from sayso.errors import SaysoError
from sayso.records.model import Entity, ExternalLink, Published, Span, Timex

NAME_WEIGHT = 0.40
ALIAS_WEIGHT = 0.10
CONTEXT_WEIGHT = 0.20
PLACE_WEIGHT = 0.15
PRIOR_WEIGHT = 0.15
DATE_PENALTY = 0.35
# A candidate named less like the entity than this is not a candidate: search also returns
# prefix and one-word matches (``Jonas Berg`` → ``Bergen``, 0.62). Spelling variants
# (``Qassem``/``Qasem Soleimani``, 0.97) and a dropped middle name (0.9) stay above it.
MIN_NAME_SIMILARITY = 0.75
# Link thresholds, set by hand on the fixtures in tests/fixtures/wikidata (see the module doc).
MIN_SCORE = 0.6
MIN_MARGIN = 0.12
# Words this close to a mention (in code points, either side) are its context: about two
# sentences of news prose.
CONTEXT_WINDOW = 250
# Two shared content words are taken as full agreement between context and description.
CONTEXT_WORDS_FOR_FULL = 2
# A person is still news the year after they die (obituaries, inquests); an organisation or
# place may be written about the year before it is founded.
YEARS_AFTER_END = 1
YEARS_BEFORE_START = 1
PLACE_TYPES = frozenset({"GPE", "LOC"})
_WORD = re.compile(r"[^\W\d_]+")
# ``Iran``/``Iranian``, ``minister``/``ministers``, ``Germany``/``German``: a word and one that
# extends it by at most this many letters are taken as the same word.
MAX_EXTENSION = 3


class KnowledgeBaseUnavailableError(SaysoError):
    """The knowledge base could not be reached or answered nonsense; linking is skipped."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One knowledge-base item an entity may be, with what the decision needs to know."""

    kb: str
    id: str
    label: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    type_match: str | None = None
    """The class that makes its type fit the entity's (``human (Q5)``), or None if none does."""
    start_year: int | None = None
    """Year of birth, founding or inception."""
    end_year: int | None = None
    """Year of death or dissolution."""
    places: tuple[str, ...] = ()
    """Ids of its country, citizenship, seat or location in the same knowledge base."""
    prior: float = 0.0
    """0..1 from the knowledge base's own search rank (1 for the first hit on the full name)."""


@dataclass(frozen=True, slots=True)
class ScoredCandidate:
    """A candidate with its score and the evidence behind it."""

    candidate: Candidate
    score: float
    evidence: str


@dataclass(frozen=True, slots=True)
class LinkDecision:
    """Whether an entity was linked, to what, and the candidates that were weighed."""

    entity_id: str
    link: ExternalLink | None
    reason: str
    candidates: tuple[ScoredCandidate, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the article says that candidates are checked against."""

    text: str
    years: frozenset[int] = frozenset()
    """Years the article is about: its publication year and the years its dates name."""
    places: frozenset[str] = frozenset()
    """Knowledge-base ids of the article's places that are already linked."""


class KnowledgeBase(Protocol):
    """A source of candidates. Raises KnowledgeBaseUnavailableError when it cannot answer."""

    @property
    def name(self) -> str: ...

    def linkable(self, entity: Entity) -> bool:
        """Whether entities of this type can be linked at all."""

    def candidates(self, entities: Sequence[Entity]) -> Mapping[str, Sequence[Candidate]]:
        """Entity id → its candidates (type compatibility already decided)."""


def fold_name(text: str) -> str:
    """Lower-case ASCII letters and digits separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[a-z0-9]+", bare.casefold().replace("'", "").replace("’", "")))


def _same_word(a: str, b: str) -> bool:
    """Equal, or one extends the other (four letters or more) by at most ``MAX_EXTENSION``."""
    short, long = sorted((a, b), key=len)
    return short == long or (
        len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= MAX_EXTENSION
    )


def shared_words(context: frozenset[str], description: str) -> tuple[str, ...]:
    """Content words of ``description`` that the context also uses (up to a suffix)."""
    return tuple(
        sorted(
            word for word in content_words(description) if any(_same_word(word, c) for c in context)
        )
    )


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of ``text`` that carry meaning (no stop words, three letters or more)."""
    stop = _stop_words()
    return frozenset(
        word
        for word in (w.lower() for w in _WORD.findall(text))
        if len(word) >= 3 and word not in stop
    )


def mention_context(text: str, entity: Entity) -> frozenset[str]:
    """Content words within ``CONTEXT_WINDOW`` of the entity's mentions, minus its own name."""
    spans: list[Span] = [mention.span for mention in entity.mentions]
    words: set[str] = set()
    for span in spans:
        before = text[max(0, span.start - CONTEXT_WINDOW) : span.start]
        after = text[span.end : span.end + CONTEXT_WINDOW]
        words |= content_words(before) | content_words(after)
    words |= content_words(" ".join(entity.titles))
    own = content_words(" ".join([entity.name, *(form.text for form in entity.aliases)]))
    return frozenset(words - own)


def article_years(published: Published | None, timexes: Iterable[Timex]) -> frozenset[int]:
    """The publication year and every year a DATE expression names."""
    years: set[int] = set()
    if published is not None and re.match(r"\d{4}", published.value):
        years.add(int(published.value[:4]))
    for timex in timexes:
        found = re.match(r"(\d{4})", timex.value)
        if timex.type == "DATE" and found:
            years.add(int(found.group(1)))
    return frozenset(years)


def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    if not a or not b:
        return 0.0
    score = fuzz.token_sort_ratio(a, b)
    shorter = min(a, b, key=len)
    if len(shorter.split()) >= 2:
        # A dropped middle name (``Ali Hosseini Khamenei``) still counts, a little less.
        score = max(score, 0.9 * fuzz.token_set_ratio(a, b))
    return float(score) / 100.0


def _entity_forms(entity: Entity) -> list[str]:
    forms = [entity.name, *(form.text for form in entity.aliases)]
    return list(dict.fromkeys(f for f in (fold_name(form) for form in forms) if f))


def _full_forms(entity: Entity) -> list[str]:
    """The entity's other names worth matching: several words, or an acronym."""
    canonical = fold_name(entity.name)
    forms = []
    for alias in entity.aliases:
        folded = fold_name(alias.text)
        acronym = alias.text.isupper() and len(alias.text) >= 2
        if folded and folded != canonical and (len(folded.split()) >= 2 or acronym):
            forms.append(folded)
    return list(dict.fromkeys(forms))


def _name_match(entity: Entity, candidate: Candidate) -> tuple[float, str, str]:
    names = [fold_name(n) for n in (candidate.label, *candidate.aliases)]
    best = (0.0, "", "")
    for form in _entity_forms(entity):
        for name in names:
            score = _similarity(form, name)
            if score > best[0]:
                best = (score, form, name)
    return best


def _alias_share(entity: Entity, candidate: Candidate) -> float:
    forms = _full_forms(entity)
    if not forms:
        return 0.0
    names = [fold_name(n) for n in (candidate.label, *candidate.aliases)]
    # 0.9: spelling variants of one full name, not different names sharing words.
    matched = sum(1 for form in forms if any(_similarity(form, n) >= 0.9 for n in names))
    return matched / len(forms)


def _dates_conflict(candidate: Candidate, years: frozenset[int]) -> bool:
    if not years or (candidate.start_year is None and candidate.end_year is None):
        return False
    start = candidate.start_year - YEARS_BEFORE_START if candidate.start_year else None
    end = candidate.end_year + YEARS_AFTER_END if candidate.end_year else None
    return not any((start is None or y >= start) and (end is None or y <= end) for y in years)


def _span_text(candidate: Candidate) -> str:
    start = str(candidate.start_year) if candidate.start_year is not None else ""
    end = str(candidate.end_year) if candidate.end_year is not None else ""
    return f"{start}–{end}"


def score_candidate(
    entity: Entity, candidate: Candidate, context: ArticleContext, words: frozenset[str]
) -> ScoredCandidate | None:
    """The candidate's score and evidence, or None when its type or name rules it out."""
    if candidate.type_match is None:
        return None
    name_score, form, name = _name_match(entity, candidate)
    if name_score < MIN_NAME_SIMILARITY:
        return None
    evidence = [f"name {form!r} ~ {name!r} {name_score:.2f}", f"type {candidate.type_match}"]
    score = NAME_WEIGHT * name_score + PRIOR_WEIGHT * candidate.prior
    aliases = _alias_share(entity, candidate)
    if aliases:
        score += ALIAS_WEIGHT * aliases
        evidence.append(f"aliases {aliases:.2f}")
    shared = shared_words(words, candidate.description)
    if shared:
        score += CONTEXT_WEIGHT * min(1.0, len(shared) / CONTEXT_WORDS_FOR_FULL)
        evidence.append("context " + ", ".join(shared))
    places = sorted(set(candidate.places) & context.places - {candidate.id})
    if places:
        score += PLACE_WEIGHT
        evidence.append("place " + ", ".join(places) + " linked in the article")
    if _dates_conflict(candidate, context.years):
        score -= DATE_PENALTY
        span = ", ".join(str(y) for y in sorted(context.years))
        evidence.append(f"dates {_span_text(candidate)} miss the article's years {span}")
    elif context.years and (candidate.start_year or candidate.end_year):
        evidence.append(f"dates {_span_text(candidate)} fit")
    return ScoredCandidate(candidate, round(score, 4), "; ".join(evidence))


def decide(
    entity: Entity, candidates: Sequence[Candidate], context: ArticleContext
) -> LinkDecision:
    """Link ``entity`` to its best candidate if that one clearly beats the rest."""
    words = mention_context(context.text, entity)
    best_of: dict[str, ScoredCandidate] = {}
    for candidate in candidates:
        scored = score_candidate(entity, candidate, context, words)
        if scored is not None and (
            candidate.id not in best_of or scored.score > best_of[candidate.id].score
        ):
            best_of[candidate.id] = scored
    ranked = tuple(sorted(best_of.values(), key=lambda s: (-s.score, s.candidate.id)))
    if not ranked:
        return LinkDecision(entity.id, None, "no candidate of a fitting type and name")
    top = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    margin = top.score - runner_up
    if top.score < MIN_SCORE:
        reason = f"best candidate {top.candidate.id} scores {top.score:.2f} < {MIN_SCORE}"
        return LinkDecision(entity.id, None, reason, ranked)
    if margin < MIN_MARGIN:
        reason = (
            f"no clear winner: {top.candidate.id} {top.score:.2f} vs "
            f"{ranked[1].candidate.id} {runner_up:.2f}"
        )
        return LinkDecision(entity.id, None, reason, ranked)
    versus = f" over {ranked[1].candidate.id}" if len(ranked) > 1 else " (only candidate)"
    evidence = f"{top.evidence}; margin {margin:.2f}{versus}"
    link = ExternalLink(
        kb=top.candidate.kb,
        id=top.candidate.id,
        label=top.candidate.label,
        score=round(top.score, 3),
        evidence=evidence,
    )
    return LinkDecision(entity.id, link, "linked", ranked)


def link_entities(
    kb: KnowledgeBase,
    entities: Sequence[Entity],
    text: str,
    years: frozenset[int] = frozenset(),
) -> tuple[tuple[Entity, ...], tuple[LinkDecision, ...]]:
    """Copies of ``entities`` carrying the links ``kb`` supports, and every decision made.

    Places are decided first, then again with each other as evidence (a city whose country the
    article names), then everything else with the article's linked places as evidence. Links from
    other knowledge bases are kept. Raises KnowledgeBaseUnavailableError when ``kb`` cannot
    answer.
    """
    linkable = [e for e in entities if not e.ambiguous and kb.linkable(e)]
    pool = kb.candidates(linkable)
    decisions: dict[str, LinkDecision] = {}
    context = ArticleContext(text, years)
    places = [e for e in linkable if e.type in PLACE_TYPES]
    for entity in places:
        decisions[entity.id] = decide(entity, pool.get(entity.id, ()), context)
    context = dataclasses.replace(context, places=_linked(decisions.values()))
    for entity in places:
        decisions[entity.id] = decide(entity, pool.get(entity.id, ()), context)
    context = dataclasses.replace(context, places=_linked(decisions.values()))
    for entity in linkable:
        if entity.type not in PLACE_TYPES:
            decisions[entity.id] = decide(entity, pool.get(entity.id, ()), context)
    linked = []
    for entity in entities:
        decision = decisions.get(entity.id)
        if decision is None or decision.link is None:
            linked.append(entity)
            continue
        kept = tuple(link for link in entity.links if link.kb != decision.link.kb)
        linked.append(dataclasses.replace(entity, links=(*kept, decision.link)))
    return tuple(linked), tuple(decisions[e.id] for e in linkable)


def _linked(decisions: Iterable[LinkDecision]) -> frozenset[str]:
    return frozenset(d.link.id for d in decisions if d.link is not None)
