"""``ftm``: FollowTheMoney entities (JSON lines) for Aleph and other FtM tools.

Each article becomes an ``Article``. People become ``Person``, organisations ``Organization``,
places (GPE, LOC, FAC) ``Address`` with a ``country`` code when the name is a known territory
(FtM has no country schema: countries are a property type), and an entity of any other type
that is quoted as a speaker becomes a ``LegalEntity`` (a party whose kind is unknown). Other
entity types (NORP, EVENT, LAW...) are not exported. Every exported entity carries ``name``,
``alias`` (its other written names; a part of the full name, such as a bare surname, is a
``weakAlias`` instead, as FtM asks for names too broad to match on), ``sourceUrl`` and
``publisher`` (the article's URL and outlet) and ``proof`` (the Article). A
``Documentation`` links it to the Article with the role ``mentioned`` or ``quoted``; people and
organisations also get one ``Mention`` per written name, as Aleph's own extraction makes.

Entities are not merged across articles: ids hash the article id and the entity id, and
Aleph's cross-referencing finds the same person in several articles.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from sayso.export.ids import stable_hash
from sayso.records import ArticleResult, Entity

Properties = dict[str, list[str]]

_SCHEMA_BY_TYPE = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Address",
    "LOC": "Address",
    "FAC": "Address",
}
_SPEAKER_SCHEMA = "LegalEntity"
_MENTIONABLE = frozenset({"Person", "Organization", "LegalEntity"})
"""Schemas in the range of ``Mention.resolved`` (LegalEntity and its descendants)."""
_NAME_KINDS = frozenset({"name", "acronym"})
"""Mention kinds whose text is a name; pronouns and nominals are not aliases."""


def _ftm(schema: str, key: tuple[str, ...], properties: Properties) -> dict[str, Any]:
    cleaned = {name: values for name, values in properties.items() if values}
    return {"id": f"sayso-{stable_hash(schema, *key)}", "schema": schema, "properties": cleaned}


def _present(*values: str | None) -> list[str]:
    return [v for v in values if v]


def country_code(name: str) -> str | None:
    """The ISO-style country code FtM uses for a place name (``Paris`` → ``fr``), if known."""
    from sayso.entities.territories import lookup_territory

    bare = name.removeprefix("the ").removeprefix("The ")
    territory = lookup_territory(bare)
    if territory is None:
        return None
    code = territory.ftm_country
    return str(code) if code else None


def _article(result: ArticleResult) -> dict[str, Any]:
    from sayso.entities.territories import iso_639_alpha3

    article = result.article
    meta = article.metadata
    title = meta.title or article.text[:80].split("\n", 1)[0]
    language = iso_639_alpha3(meta.language) if meta.language else None
    return _ftm(
        "Article",
        ("article", article.id),
        {
            "name": [title],
            "title": _present(meta.title),
            "fileName": [f"{article.id}.txt"],
            "author": _present(meta.byline),
            "publisher": _present(meta.outlet),
            "sourceUrl": _present(meta.url),
            "publishedAt": _present(meta.published.value if meta.published else None),
            "language": _present(language),
            "bodyText": [article.text],
        },
    )


def _schema_of(entity: Entity, speakers: set[str]) -> str | None:
    schema = _SCHEMA_BY_TYPE.get(entity.type)
    if schema is None and entity.id in speakers:
        return _SPEAKER_SCHEMA
    return schema


def _names(entity: Entity) -> list[str]:
    """The canonical name, then every other name the article writes for the entity."""
    written = [m.span.text for m in entity.mentions if m.kind in _NAME_KINDS]
    return list(dict.fromkeys([entity.name, *written]))


def ftm_entities(result: ArticleResult) -> Iterator[dict[str, Any]]:
    """The FtM entities of one article: its Article first, then each entity and its links."""
    article = _article(result)
    yield article
    meta = result.article.metadata
    published = meta.published.value[:10] if meta.published else None
    speakers = {s.speaker_entity for s in result.statements if s.speaker_entity}
    for entity in result.entities:
        schema = _schema_of(entity, speakers)
        if schema is None:
            continue
        names = _names(entity)
        key = (result.article.id, entity.id)
        full_name = set(entity.name.casefold().split())
        partial = [n for n in names[1:] if set(n.casefold().split()) <= full_name]
        properties: Properties = {
            "name": [entity.name],
            "alias": [n for n in names[1:] if n not in partial],
            "weakAlias": partial,
            "sourceUrl": _present(meta.url),
            "publisher": _present(meta.outlet),
            "proof": [article["id"]],
        }
        if schema == "Address":
            properties["full"] = [entity.name]
            properties["country"] = _present(country_code(entity.name))
        if schema == "Person":
            properties["position"] = list(entity.titles)
        thing = _ftm(schema, key, properties)
        yield thing
        yield _ftm(
            "Documentation",
            (*key, "documentation"),
            {
                "document": [article["id"]],
                "entity": [thing["id"]],
                "role": ["quoted" if entity.id in speakers else "mentioned"],
                "date": _present(published),
            },
        )
        if schema in _MENTIONABLE:
            for name in names:
                yield _ftm(
                    "Mention",
                    (*key, "mention", name),
                    {
                        "document": [article["id"]],
                        "resolved": [thing["id"]],
                        "name": [name],
                        "detectedSchema": [schema],
                    },
                )


def write_ftm(results: Iterable[ArticleResult], stream: IO[bytes]) -> int:
    """Write FtM entities as JSON lines; how many entities."""
    count = 0
    for result in results:
        for entity in ftm_entities(result):
            stream.write(json.dumps(entity, ensure_ascii=False).encode("utf-8") + b"\n")
            count += 1
    return count
