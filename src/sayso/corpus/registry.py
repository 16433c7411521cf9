"""One entity registry for the corpus: every article's entities merged by the entity layer.

The merging itself, with its stricter cross-article thresholds (a surname or a nickname alone
never merges across articles) and the judgments file, is
:func:`sayso.entities.corpus.merge_entities`; this module gives the merged entities stable ids,
their aliases and article counts, and a lookup from ``(article, entity)`` to a registry id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sayso.corpus.articles import CorpusArticle
from sayso.entities.corpus import Candidate, EntityRef, Judgment, merge_entities


@dataclass(frozen=True, slots=True)
class RegistryEntity:
    """Entities of one or more articles taken to be the same real-world entity."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    members: tuple[tuple[str, str], ...]
    """(article id, entity id) of each article's entity."""
    evidence: tuple[str, ...]

    @property
    def article_count(self) -> int:
        return len({article for article, _ in self.members})


@dataclass(frozen=True, slots=True)
class Registry:
    """The registry entities, the uncertain pairs left for judgment, and a member lookup."""

    entities: tuple[RegistryEntity, ...]
    candidates: tuple[Candidate, ...]
    names: Mapping[str, str]
    """``article:entity`` key → the canonical name of that article's entity, for candidates."""
    by_member: Mapping[tuple[str, str], str]

    def id_of(self, article: str, entity: str | None) -> str | None:
        """The registry id of one article's entity; None for no entity."""
        if entity is None:
            return None
        return self.by_member.get((article, entity))


def registry_id(members: Sequence[tuple[str, str]]) -> str:
    """A short id that stays the same while the merged entities stay the same."""
    text = "|".join(f"{a}:{e}" for a, e in sorted(members))
    return "r" + hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def _split_key(key: str) -> tuple[str, str]:
    article, _, entity = key.partition(":")
    return article, entity


def build_registry(
    articles: Sequence[CorpusArticle], judgments: Sequence[Judgment] = ()
) -> Registry:
    """Merge the entities of ``articles`` into one registry, applying ``judgments``."""
    refs = [EntityRef(a.id, entity) for a in articles for entity in a.result.entities]
    by_key = {ref.key: ref.entity for ref in refs}
    merged, candidates = merge_entities(refs, judgments)
    entities: list[RegistryEntity] = []
    by_member: dict[tuple[str, str], str] = {}
    for corpus_entity in merged:
        members = tuple(sorted(_split_key(key) for key in corpus_entity.members))
        rid = registry_id(members)
        forms: dict[str, None] = {}
        for key in corpus_entity.members:
            entity = by_key[key]
            forms[entity.name] = None
            for alias in entity.aliases:
                forms[alias.text] = None
        entities.append(
            RegistryEntity(
                rid,
                corpus_entity.name,
                corpus_entity.type,
                tuple(sorted(forms)),
                members,
                corpus_entity.evidence,
            )
        )
        by_member.update(dict.fromkeys(members, rid))
    entities.sort(key=lambda e: (-e.article_count, e.name, e.id))
    names = {ref.key: ref.entity.name for ref in refs}
    return Registry(tuple(entities), tuple(candidates), names, by_member)
