"""Optional Wikidata linking: candidates from the Wikidata API, cached, decided by ``kb.py``.

Off by default. Names leave the machine only when the user asks for linking (``sayso entities
link --wikidata`` or the ``wikidata`` pipeline stage); every answer is cached in an SQLite file so
that a rerun asks nothing and gives the same links.

Requests (stdlib ``urllib``, one at a time, with a timeout and a User-Agent that names sayso, as
the Wikimedia User-Agent policy requires):

* ``wbsearchentities`` for the entity's name and up to ``ALIAS_QUERIES`` of its other names
  (English, items only, ``SEARCH_LIMIT`` hits each);
* ``wbgetentities`` for the hits, ``ENTITY_BATCH`` ids a request: English label, description and
  aliases, and the claims the decision reads (instance of, subclass of, dates, places);
* ``wbgetentities`` again for hits' classes that are not in ``data/wikidata_classes.json``, to
  accept a class one ``subclass of`` step below a listed one.

Each item is cached on its own, trimmed to those fields, under the endpoint it came from.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import json
import os
import sqlite3
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

from sayso import __version__
from sayso.entities.kb import (
    Candidate,
    KnowledgeBaseUnavailableError,
    article_years,
    fold_name,
    link_entities,
)
from sayso.errors import ConfigError
from sayso.ingest.fetch import http_opener
from sayso.nlp.stage import Analysis
from sayso.records.model import Diagnostic, Entity

KB_NAME = "wikidata"
LINKER_VERSION = "0.1.0"
DEFAULT_ENDPOINT = "https://www.wikidata.org/w/api.php"
USER_AGENT = (
    f"sayso/{__version__} (https://github.com/sayso-project/sayso; entity linking) "
    f"Python-urllib/{sys.version_info.major}.{sys.version_info.minor}"
)
ENDPOINT_ENV = "SAYSO_WIKIDATA_ENDPOINT"
CACHE_ENV = "SAYSO_WIKIDATA_CACHE"
OFFLINE_ENV = "SAYSO_WIKIDATA_OFFLINE"
LANGUAGE = "en"
SEARCH_LIMIT = 7
ALIAS_QUERIES = 2
ENTITY_BATCH = 50  # the API's limit on ids per wbgetentities request for ordinary users
TIMEOUT_S = 10.0
MAX_RESPONSE_BYTES = 8_000_000
ALIAS_QUERY_PRIOR = 0.5
"""A hit on another of the entity's names counts half as much as one on its canonical name."""

INSTANCE_OF = "P31"
SUBCLASS_OF = "P279"
START_PROPERTIES = ("P569", "P571")  # date of birth, inception
END_PROPERTIES = ("P570", "P576")  # date of death, dissolved/abolished/demolished
PLACE_PROPERTIES = ("P17", "P27", "P131", "P159")  # country, citizenship, located in, seat
KEPT_PROPERTIES = frozenset(
    {INSTANCE_OF, SUBCLASS_OF, *START_PROPERTIES, *END_PROPERTIES, *PLACE_PROPERTIES}
)
_SQL_CHUNK = 500  # keys per SELECT, under SQLite's limit on bound parameters
YEAR_PRECISION = 9  # Wikibase time precision: 9 year, 10 month, 11 day

Json = dict[str, Any]


def default_cache_path() -> Path:
    """``$SAYSO_WIKIDATA_CACHE``, else ``wikidata.sqlite`` in the user's cache folder."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "sayso" / "wikidata.sqlite"


@dataclass(frozen=True, slots=True)
class ResponseCache:
    """API answers by key in an SQLite file; a connection per call, so workers may share it."""

    path: Path

    @contextlib.contextmanager
    def _session(self) -> Iterator[sqlite3.Connection]:
        """A connection to the cache file; any failure becomes a one-line "linking skipped"."""
        connection: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30)
            with connection:
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS responses "
                    "(key TEXT PRIMARY KEY, body TEXT NOT NULL, fetched_at TEXT NOT NULL)"
                )
                yield connection
        except (OSError, sqlite3.Error, ValueError) as exc:
            raise KnowledgeBaseUnavailableError(
                f"cannot use the Wikidata cache {self.path} ({exc}): linking skipped"
            ) from None
        finally:
            if connection is not None:
                connection.close()

    def get_many(self, keys: Sequence[str]) -> dict[str, Json]:
        """The cached answers among ``keys``."""
        found: dict[str, Json] = {}
        if not keys:
            return found
        with self._session() as connection:
            for start in range(0, len(keys), _SQL_CHUNK):
                chunk = list(keys[start : start + _SQL_CHUNK])
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT key, body FROM responses WHERE key IN ({marks})", chunk
                )
                found.update((key, json.loads(body)) for key, body in rows)
        return found

    def put_many(self, answers: Mapping[str, Json]) -> None:
        """Store answers, replacing older ones under the same keys."""
        if not answers:
            return
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._session() as connection:
            connection.executemany(
                "INSERT OR REPLACE INTO responses (key, body, fetched_at) VALUES (?, ?, ?)",
                [(k, json.dumps(v, ensure_ascii=False), now) for k, v in answers.items()],
            )


@dataclass(slots=True)
class WikidataClient:
    """The two API calls sayso makes, through the cache.

    After the first failure to reach the endpoint it stops trying for the rest of the run, so a
    corpus analysed without internet waits for one timeout, not one per article.
    """

    endpoint: str = DEFAULT_ENDPOINT
    cache: ResponseCache | None = None
    offline: bool = False
    timeout: float = TIMEOUT_S
    user_agent: str = USER_AGENT
    _failure: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if urllib.parse.urlsplit(self.endpoint).scheme not in {"http", "https"}:
            raise ConfigError(f"the Wikidata endpoint must be an http(s) URL, not {self.endpoint}")

    def search(self, names: Sequence[str]) -> dict[str, list[str]]:
        """Name → ids of the items ``wbsearchentities`` finds for it, best first."""
        keys = {name: f"{self.endpoint}|search|{LANGUAGE}|{SEARCH_LIMIT}|{name}" for name in names}
        cached = self.cache.get_many(list(keys.values())) if self.cache else {}
        fresh: dict[str, Json] = {}
        with self._keeping(fresh):
            for name, key in keys.items():
                if key in cached:
                    continue
                answer = self._call(
                    {
                        "action": "wbsearchentities",
                        "search": name,
                        "language": LANGUAGE,
                        "uselang": LANGUAGE,
                        "type": "item",
                        "limit": str(SEARCH_LIMIT),
                        "format": "json",
                    },
                    what=f"the search for {name!r}",
                )
                ids = [hit.get("id") for hit in answer.get("search", []) if isinstance(hit, dict)]
                fresh[key] = {"ids": [i for i in ids if isinstance(i, str)]}
        answers = {**cached, **fresh}
        return {name: list(answers[key]["ids"]) for name, key in keys.items()}

    def items(self, ids: Sequence[str]) -> dict[str, Json]:
        """Id → its item (label, description, aliases and the claims sayso reads); ids
        Wikidata does not know are left out."""
        keys = {qid: f"{self.endpoint}|item|{LANGUAGE}|{qid}" for qid in dict.fromkeys(ids)}
        cached = self.cache.get_many(list(keys.values())) if self.cache else {}
        missing = [qid for qid, key in keys.items() if key not in cached]
        fresh: dict[str, Json] = {}
        with self._keeping(fresh):
            for start in range(0, len(missing), ENTITY_BATCH):
                batch = missing[start : start + ENTITY_BATCH]
                answer = self._call(
                    {
                        "action": "wbgetentities",
                        "ids": "|".join(batch),
                        "props": "labels|descriptions|aliases|claims",
                        "languages": LANGUAGE,
                        "format": "json",
                    },
                    what=f"items {batch[0]}..{batch[-1]}",
                )
                found = _mapping(answer.get("entities"))
                for qid in batch:
                    fresh[keys[qid]] = _trimmed(found.get(qid))
        answers = {**cached, **fresh}
        return {qid: answers[key] for qid, key in keys.items() if answers[key].get("id")}

    @contextlib.contextmanager
    def _keeping(self, fresh: dict[str, Json]) -> Iterator[None]:
        """Cache what was fetched even when a later request fails, so a retry resumes."""
        try:
            yield
        finally:
            if self.cache is not None:
                self.cache.put_many(fresh)

    def _call(self, params: Mapping[str, str], *, what: str) -> Json:
        if self.offline:
            raise KnowledgeBaseUnavailableError(
                f"{what} is not in the Wikidata cache and linking is offline: linking skipped"
            )
        if self._failure is not None:
            raise KnowledgeBaseUnavailableError(self._failure)
        url = f"{self.endpoint}?{urllib.parse.urlencode(params)}"
        request = urllib.request.Request(
            url, headers={"User-Agent": self.user_agent, "Accept": "application/json"}
        )
        try:
            # The endpoint is the operator's choice (a local Wikibase mirror is fine), never
            # an article's: private addresses are allowed.
            opener = http_opener(allow_private=True)
            with opener.open(request, timeout=self.timeout) as response:
                body = response.read(MAX_RESPONSE_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise self._unreachable(f"HTTP {exc.code}") from None
        except urllib.error.URLError as exc:
            raise self._unreachable(str(exc.reason)) from None
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            raise self._unreachable(str(exc) or type(exc).__name__) from None
        if len(body) > MAX_RESPONSE_BYTES:
            raise self._unreachable(f"answer over {MAX_RESPONSE_BYTES} bytes")
        try:
            answer = json.loads(body)
        except ValueError:
            raise self._unreachable("the answer is not JSON") from None
        if not isinstance(answer, dict):
            raise self._unreachable("the answer is not a JSON object")
        error = answer.get("error")
        if isinstance(error, dict):
            raise KnowledgeBaseUnavailableError(
                f"Wikidata at {self.endpoint} refused {what} "
                f"({error.get('code', '?')}: {error.get('info', '')}): linking skipped"
            )
        return answer

    def _unreachable(self, reason: str) -> KnowledgeBaseUnavailableError:
        self._failure = f"could not reach Wikidata at {self.endpoint} ({reason}): linking skipped"
        return KnowledgeBaseUnavailableError(self._failure)


def _trimmed(item: object) -> Json:
    """The parts of an API item sayso reads, in the API's own shape; ``{}`` for a missing one."""
    if not isinstance(item, dict) or "missing" in item or not isinstance(item.get("id"), str):
        return {}
    claims = _mapping(item.get("claims"))
    return {
        "id": item["id"],
        "labels": _mapping(item.get("labels")),
        "descriptions": _mapping(item.get("descriptions")),
        "aliases": _mapping(item.get("aliases")),
        "claims": {p: c for p, c in claims.items() if p in KEPT_PROPERTIES},
    }


def _mapping(value: object) -> Json:
    """``value`` if it is a JSON object, else ``{}`` (the API writes an empty map as ``[]``)."""
    return value if isinstance(value, dict) else {}


def _text(item: Json, part: str) -> str:
    value = _mapping(_mapping(item.get(part)).get(LANGUAGE))
    return str(value.get("value", ""))


def _aliases(item: Json) -> tuple[str, ...]:
    values = _mapping(item.get("aliases")).get(LANGUAGE, [])
    return tuple(str(v["value"]) for v in values if isinstance(v, dict) and "value" in v)


def _values(item: Json, prop: str) -> list[Json]:
    """Data values of the property's claims that are not deprecated."""
    values = []
    for claim in _mapping(item.get("claims")).get(prop, []):
        if not isinstance(claim, dict) or claim.get("rank") == "deprecated":
            continue
        snak = _mapping(claim.get("mainsnak"))
        value = _mapping(snak.get("datavalue")).get("value")
        if snak.get("snaktype") == "value" and value is not None:
            values.append(value)
    return values


def item_ids(item: Json, prop: str) -> tuple[str, ...]:
    """Ids an item property points to (``P31`` → ``("Q5",)``)."""
    return tuple(
        str(v["id"])
        for v in _values(item, prop)
        if isinstance(v, dict) and isinstance(v.get("id"), str)
    )


def claim_years(item: Json, props: Sequence[str]) -> list[int]:
    """Years of the time claims of ``props`` that are precise to a year or better."""
    years = []
    for prop in props:
        for value in _values(item, prop):
            if not isinstance(value, dict) or value.get("precision", 0) < YEAR_PRECISION:
                continue
            time = str(value.get("time", ""))
            sign, digits = (-1, time[1:]) if time.startswith("-") else (1, time.lstrip("+"))
            head = digits.split("-", 1)[0]
            if head.isdigit():
                years.append(sign * int(head))
    return years


@functools.cache
def _class_table() -> dict[str, dict[str, str]]:
    raw = json.loads(
        files("sayso.entities").joinpath("data/wikidata_classes.json").read_text("utf-8")
    )
    table: dict[str, dict[str, str]] = {}
    for entity_type, lists in raw["_compatible"].items():
        if entity_type.startswith("_"):
            continue
        table[entity_type] = {qid: label for name in lists for qid, label in raw[name].items()}
    return table


def compatible_classes(entity_type: str) -> Mapping[str, str]:
    """Q-id → label of the classes an entity of ``entity_type`` may be an instance of."""
    return _class_table().get(entity_type, {})


def type_match(entity_type: str, item: Json, classes: Mapping[str, Json]) -> str | None:
    """Which class makes ``item`` fit ``entity_type``, directly or one subclass step below a
    listed class, or None."""
    listed = compatible_classes(entity_type)
    direct = item_ids(item, INSTANCE_OF)
    for qid in direct:
        if qid in listed:
            return f"{listed[qid]} ({qid})"
    for qid in direct:
        cls = classes.get(qid, {})
        for parent in item_ids(cls, SUBCLASS_OF):
            if parent in listed:
                return f"{_text(cls, 'labels') or qid} ({qid}) ⊂ {listed[parent]} ({parent})"
    return None


def search_names(entity: Entity) -> list[tuple[str, float]]:
    """What to search for and how much a hit on it counts: the canonical name, then up to
    ``ALIAS_QUERIES`` other names, most frequent first (a person's surname alone is too vague
    to search for; an organisation's acronym is not)."""
    queries = [(entity.name, 1.0)]
    seen = {fold_name(entity.name)}
    for alias in sorted(entity.aliases, key=lambda a: (-a.count, a.text)):
        folded = fold_name(alias.text)
        one_word = len(folded.split()) < 2
        acronym = alias.text.isupper() and len(alias.text) >= 2
        if not folded or folded in seen or (one_word and (entity.type == "PERSON" or not acronym)):
            continue
        seen.add(folded)
        queries.append((alias.text, ALIAS_QUERY_PRIOR))
        if len(queries) > ALIAS_QUERIES:
            break
    return queries


@dataclass(slots=True)
class WikidataLinker:
    """Wikidata as a :class:`sayso.entities.kb.KnowledgeBase`."""

    client: WikidataClient = field(default_factory=WikidataClient)
    name: str = KB_NAME

    @classmethod
    def from_environment(cls) -> WikidataLinker:
        """Endpoint, cache and offline mode from ``SAYSO_WIKIDATA_*`` (for the pipeline stage,
        which is built without arguments)."""
        offline = os.environ.get(OFFLINE_ENV, "").lower() in {"1", "true", "yes"}
        client = WikidataClient(
            endpoint=os.environ.get(ENDPOINT_ENV) or DEFAULT_ENDPOINT,
            cache=ResponseCache(default_cache_path()),
            offline=offline,
        )
        return cls(client)

    def linkable(self, entity: Entity) -> bool:
        """Persons, organisations, places and facilities with a name of two letters or more."""
        return bool(compatible_classes(entity.type)) and len(fold_name(entity.name)) >= 2

    def candidates(self, entities: Sequence[Entity]) -> dict[str, list[Candidate]]:
        """Entity id → its Wikidata candidates, fetched in as few requests as the API allows."""
        queries = {entity.id: search_names(entity) for entity in entities}
        names = list(dict.fromkeys(name for q in queries.values() for name, _ in q))
        hits = self.client.search(names)
        items = self.client.items([qid for name in names for qid in hits[name]])
        unlisted = {
            cls
            for entity in entities
            for name, _ in queries[entity.id]
            for qid in hits[name]
            if qid in items
            for cls in item_ids(items[qid], INSTANCE_OF)
            if cls not in compatible_classes(entity.type)
        }
        classes = self.client.items(sorted(unlisted)) if unlisted else {}
        return {
            entity.id: self._candidates_of(entity, queries[entity.id], hits, items, classes)
            for entity in entities
        }

    def _candidates_of(
        self,
        entity: Entity,
        queries: list[tuple[str, float]],
        hits: Mapping[str, list[str]],
        items: Mapping[str, Json],
        classes: Mapping[str, Json],
    ) -> list[Candidate]:
        prior: dict[str, float] = {}
        for name, weight in queries:
            for rank, qid in enumerate(hits[name]):
                prior[qid] = max(prior.get(qid, 0.0), weight * (1 - rank / SEARCH_LIMIT))
        candidates = []
        for qid, score in prior.items():
            item = items.get(qid)
            if item is None:
                continue
            starts = claim_years(item, START_PROPERTIES)
            ends = claim_years(item, END_PROPERTIES)
            candidates.append(
                Candidate(
                    kb=self.name,
                    id=qid,
                    label=_text(item, "labels") or qid,
                    description=_text(item, "descriptions"),
                    aliases=_aliases(item),
                    type_match=type_match(entity.type, item, classes),
                    start_year=min(starts) if starts else None,
                    end_year=max(ends) if ends else None,
                    places=tuple(p for prop in PLACE_PROPERTIES for p in item_ids(item, prop)),
                    prior=round(score, 4),
                )
            )
        return candidates


@dataclass(frozen=True, slots=True)
class WikidataStage:
    """Optional pipeline stage: links the article's entities to Wikidata.

    Not among the default stages: it sends entity names to Wikidata. Put it last (after
    ``time``, whose dates it uses when present). Configured by ``SAYSO_WIKIDATA_ENDPOINT``,
    ``SAYSO_WIKIDATA_CACHE`` and ``SAYSO_WIKIDATA_OFFLINE``. When Wikidata cannot be reached the
    entities stay as they were and a warning diagnostic says why.
    """

    name: str = KB_NAME
    version: str = LINKER_VERSION
    requires: tuple[str, ...] = ("doc", "entities")
    assigns: tuple[str, ...] = ("entities",)
    linker: WikidataLinker = field(default_factory=WikidataLinker.from_environment)

    def __call__(self, work: Analysis) -> None:
        published = work.article.metadata.published
        years = article_years(published, work.timexes)
        try:
            entities, decisions = link_entities(
                self.linker, work.entities, work.article.text, years
            )
        except KnowledgeBaseUnavailableError as exc:
            work.diagnostics.append(Diagnostic(self.name, "warning", str(exc)))
            return
        work.entities = entities
        linked = sum(1 for d in decisions if d.link is not None)
        work.diagnostics.append(
            Diagnostic(
                self.name,
                "info",
                f"linked {linked} of {len(decisions)} entities to Wikidata "
                f"({self.linker.client.endpoint})",
            )
        )
