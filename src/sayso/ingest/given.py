"""Metadata the user or the container gives: what a reader cannot know from the text alone.

Plain text has no URL, outlet or date. They come from

* the command line (``sayso analyze --outlet --published --url``): source ``argument``;
* the fields of a JSON Lines or JSON object, or the columns of a CSV row: ``jsonl``, ``csv``;
* a ``.meta.json`` beside a ``.txt`` (``story.meta.json`` or ``story.txt.meta.json``):
  ``meta.json``;
* a program calling the Python API (``sayso.analyze_text``, ``sayso.analyze_html``): ``caller``.
  Nothing here reads a file or touches the network for it: a string is always the article's
  text (or HTML), never a path or a URL.

Field names, first match wins (they cover sayso's own, trafilatura's JSON, news-please, NewsAPI
and common scraper exports):

============  =========================================================================
url           ``url``, ``link``, ``canonical_url``; ``source`` when it is a URL (trafilatura)
title         ``title``, ``headline``
published     ``published``, ``date``, ``date_publish``, ``published_at``,
              ``publish_date``, ``pubDate``, ``datePublished``: ISO 8601, RFC 2822 or Unix
              seconds; anything else is ignored
outlet        ``outlet``, ``sitename``, ``source-hostname`` (trafilatura), ``site_name``,
              ``publisher``, ``source`` (when not a URL; a ``{"name": ...}`` object is
              accepted, as NewsAPI writes it); then a domain: ``source_domain`` (news-please),
              ``hostname``, else the URL's host, named by the outlet table
byline        ``byline``, ``author``, ``authors`` (a list is joined with ", ")
section       ``section``, ``category``
language      ``language``, ``lang``
============  =========================================================================

Given values win over what a reader found in the text or page, and ``field_sources`` says
where each came from. An outlet given as a domain, or a site name that is a handle
(``latimes``), is named by the outlet table (``domain-table``) when the table knows it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sayso.errors import ConfigError, CorruptInputError
from sayso.ingest.agency import is_outlet_itself
from sayso.ingest.dates import date_in_url, iso_date
from sayso.ingest.outlets import host_of, settle_outlet, site_domain
from sayso.records import Article, Published

SIDECAR_SUFFIX = ".meta.json"
URL_FIELDS = ("url", "link", "canonical_url")
TITLE_FIELDS = ("title", "headline")
PUBLISHED_FIELDS = (
    "published",
    "date",
    "date_publish",
    "published_at",
    "publish_date",
    "pubDate",
    "datePublished",
)
OUTLET_FIELDS = ("outlet", "sitename", "source-hostname", "site_name", "publisher", "source")
DOMAIN_FIELDS = ("source_domain", "hostname")
BYLINE_FIELDS = ("byline", "author", "authors")
SECTION_FIELDS = ("section", "category")
LANGUAGE_FIELDS = ("language", "lang")


@dataclass(frozen=True, slots=True)
class GivenMetadata:
    """Metadata given from outside the text, and the name of where it came from."""

    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    """ISO 8601 (see :func:`sayso.ingest.dates.iso_date`)."""
    title: str | None = None
    byline: str | None = None
    section: str | None = None
    language: str | None = None
    domain: str | None = None
    """A domain the outlet may be named from (news-please's ``source_domain``)."""
    origin: str = "argument"

    def is_empty(self) -> bool:
        """Whether nothing at all is given."""
        return not any(
            (
                self.url,
                self.outlet,
                self.published,
                self.title,
                self.byline,
                self.section,
                self.language,
                self.domain,
            )
        )


def given_from_object(item: Mapping[str, Any], origin: str) -> GivenMetadata:
    """The metadata fields of a JSON object or CSV row (see the module's table)."""
    url = _first_string(item, URL_FIELDS)
    source = item.get("source")
    if url is None and isinstance(source, str) and host_of(source):
        url = source.strip()
    published = next(
        (iso for iso in (iso_date(item.get(name)) for name in PUBLISHED_FIELDS) if iso), None
    )
    return GivenMetadata(
        url=url,
        outlet=_outlet(item),
        published=published,
        title=_first_string(item, TITLE_FIELDS),
        byline=_byline(item),
        section=_first_string(item, SECTION_FIELDS),
        language=_first_string(item, LANGUAGE_FIELDS),
        domain=_first_string(item, DOMAIN_FIELDS),
        origin=origin,
    )


def sidecar_for(path: Path, max_bytes: int) -> GivenMetadata | None:
    """The metadata in the ``.meta.json`` beside a text file (``story.txt.meta.json`` or
    ``story.meta.json``), if there is one; raises CorruptInputError when it cannot be read."""
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_suffix(SIDECAR_SUFFIX)):
        if not candidate.is_file():
            continue
        where = str(candidate)
        try:
            with candidate.open("rb") as stream:
                data = stream.read(max_bytes + 1)
        except OSError as exc:
            raise CorruptInputError(where, f"the metadata file could not be read ({exc}).") from exc
        if len(data) > max_bytes:
            raise CorruptInputError(where, "the metadata file is over the size limit.")
        try:
            item = json.loads(data)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CorruptInputError(
                where, f"the metadata file is not valid JSON ({exc}); fix it or remove it."
            ) from exc
        if not isinstance(item, dict):
            raise CorruptInputError(where, "the metadata file must hold one JSON object.")
        return given_from_object(item, "meta.json")
    return None


def apply_given(article: Article, given: GivenMetadata) -> Article:
    """``article`` with the given metadata winning over what its reader found.

    A URL given to an article without an outlet or a date also names the outlet (from the
    outlet table, else its domain) and, when its path holds one, the date.
    """
    if given.is_empty():
        return article
    meta = article.metadata
    sources = dict(meta.field_sources)
    values: dict[str, Any] = {}
    for name in ("url", "title", "byline", "section", "language"):
        value = getattr(given, name)
        if value:
            values[name] = value
            sources[name] = given.origin
    url = given.url or meta.url
    host = host_of(url) if url else None
    outlet = _given_outlet(given, host)
    if outlet is not None:
        values["outlet"], sources["outlet"] = outlet
    elif meta.outlet is None and host is not None:
        values["outlet"], sources["outlet"] = settle_outlet(None, host) or (
            site_domain(host),
            "domain",
        )
    if given.published:
        values["published"] = Published(value=given.published, source=given.origin)
        sources["published"] = given.origin
    elif (meta.published is None or meta.published.estimated) and given.url:
        day = date_in_url(given.url)
        if day:
            values["published"] = Published(value=day, source="url")
            sources["published"] = "url"
    new_outlet = values.get("outlet", meta.outlet)
    if (
        meta.agency
        and sources.get("agency") == "dateline"
        and is_outlet_itself(meta.agency, new_outlet)
    ):
        values["agency"] = None
        sources.pop("agency")
    return dataclasses.replace(
        article, metadata=dataclasses.replace(meta, **values, field_sources=sources)
    )


def _given_outlet(given: GivenMetadata, host: str | None) -> tuple[str, str] | None:
    if given.outlet:
        settled = settle_outlet(given.outlet, host, trusted=True)
        if settled is not None:
            name, how = settled
            return name, given.origin if how == "declared" else how
    domain = given.domain.lower().strip() if given.domain else None
    if domain:
        return settle_outlet(None, domain) or (site_domain(domain), "domain")
    return None


def _first_string(item: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = item.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _outlet(item: Mapping[str, Any]) -> str | None:
    for name in OUTLET_FIELDS:
        value = item.get(name)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip() and not host_of(value):
            return value.strip()
    return None


def _byline(item: Mapping[str, Any]) -> str | None:
    for name in BYLINE_FIELDS:
        value = item.get(name)
        if isinstance(value, list):
            value = ", ".join(v.strip() for v in value if isinstance(v, str) and v.strip())
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


TEXT_LOCATION = "<text>"
HTML_LOCATION = "<html>"
CALLER = "caller"

PublishedValue = str | date | datetime
"""A publication date as ISO 8601 text (``2024-03-05``), RFC 2822 text, a date or a datetime."""


def published_value(value: PublishedValue | None) -> str | None:
    """ISO 8601 for a date a caller gave; ConfigError when it is not a date."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    iso = iso_date(value) if isinstance(value, str) else None
    if iso is None:
        raise ConfigError(
            f"published={value!r} is not a date: give ISO 8601 text (2024-03-05), "
            "a datetime.date or a datetime.datetime"
        )
    return iso


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: PublishedValue | None = None,
    url: str | None = None,
) -> Article:
    """The article whose plain text is ``text`` (scraped text is cleaned as from a file: page
    junk set apart, captions found); raises EmptyInputError when it holds no words."""
    from sayso.errors import NoArticleError
    from sayso.ingest.article import make_article, make_source
    from sayso.ingest.plaintext import read_plain_text
    from sayso.records import OffsetMap, OffsetSegment

    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    source = make_source(TEXT_LOCATION, "text")
    try:
        article = read_plain_text(text, source, known_title=title)
    except NoArticleError:
        # The caller says this is the article's text: where cleaning would set all of it apart
        # (one short line reads as a headline), it is taken whole, as written.
        body = text.strip()
        if not body:
            raise
        start = text.index(body)
        offsets = OffsetMap((OffsetSegment(0, start, len(body)),))
        article = make_article(body, source, offset_map=offsets)
    given = GivenMetadata(
        url=url, outlet=outlet, published=published_value(published), title=title, origin=CALLER
    )
    return apply_given(article, given)


def article_from_html(html: str | bytes, *, url: str | None = None) -> Article:
    """The article in a page's HTML (``url`` is where it came from, if known; never fetched)."""
    from sayso.ingest.article import make_source
    from sayso.ingest.html import read_html  # lazily: it brings in trafilatura

    if not isinstance(html, str | bytes):
        raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
    return read_html(html, make_source(url or HTML_LOCATION, "html"), url=url)
