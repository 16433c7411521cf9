"""What a page's markup says about its article: URL, outlet, publication date, title, agency.

Every value comes with where it was read, for ``Metadata.field_sources``. First that applies:

* **URL**: the one given (``argument``), ``<link rel="canonical">``, ``og:url``.
* **Outlet**: ``og:site_name``; the JSON-LD ``publisher``; ``<meta name="publisher">``; the
  curated table (:mod:`sayso.ingest.outlets`) for the URL's domain (``domain-table``); a
  segment of ``<title>`` that the table knows as an outlet (``title``, only when the page has
  no URL); the domain itself (``domain``). A name the page gives for itself yields to the
  table's when the table knows the domain and the page's name is a handle or a bare domain
  (``latimes``, ``Reuters_Co_Uk``, ``example.co.uk``) or the same outlet written another way
  (``Washington Post`` → ``The Washington Post``), so that one outlet has one name across a
  corpus; a JSON-LD or meta publisher that names someone else (often the parent company)
  yields to it too. A name that repeats the headline, or runs past eight words, is never
  taken.
* **Published**: JSON-LD ``datePublished`` (``json-ld``); a publication-date meta tag
  (``meta:article:published_time``...); a ``<time>`` element marked as the publication time
  (``time``); a date in the URL's path (``url``); else htmldate's guess, which the caller
  passes in (``htmldate``). Values keep the page's own time zone: the day is the day where
  the story was published.
* **Title**: ``og:title``, ``twitter:title``, JSON-LD ``headline``, ``<title>`` without the
  outlet's name and section labels (``Storm hits coast | World | The Courier``), the page's
  ``<h1>``.
* **Agency**: a wire agency named as the JSON-LD author or ``sourceOrganization``, or in a
  ``syndication-source`` / ``author`` meta tag, when it is not the outlet itself.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sayso.ingest.dates import date_in_url, iso_date
from sayso.ingest.outlets import (
    host_of,
    name_key,
    outlet_for_host,
    outlet_named,
    settle_outlet,
    site_domain,
    wire_agency,
)

_ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
        "liveblogposting", "socialmediaposting", "scholarlyarticle", "report", "webpage",
    }
)  # fmt: skip
# Meta tags that name the publication time, most specific first.
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.created",
    "originalpublicationdate",
    "article_date_original",
    "date",
    "dc.date",
)
_PUBLISHER_META = ("publisher", "article:publisher", "dc.publisher", "dcterms.publisher")
_AGENCY_META = ("syndication-source", "original-source", "author", "article:author")
_TITLE_META = ("og:title", "twitter:title")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|:|·|•|»)\s+")
# A section label in a title is short; a headline is longer.
_LABEL_WORDS = 4
_HEADLINE_WORDS = 4
_NAME_MAX_WORDS = 8
_TITLE_WORD = re.compile(r"\w+")
_SAME_INSTANT = timedelta(minutes=2)
_SHOWN_MIN_WORDS = 3
_SHOWN_OVERLAP = 0.5
_TIME_MARK = re.compile(r"publish|posted|created|dateline|timestamp|article-date|byline", re.I)


@dataclass(slots=True)
class PageMetadata:
    """Values read from a page, and where each came from (field name → source)."""

    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    agency: str | None = None
    sources: dict[str, str] = field(default_factory=dict)


def read_page_metadata(
    root: Any,
    *,
    url: str | None,
    htmldate: str | None,
    fallback_title: str | None,
) -> PageMetadata:
    """The page's metadata from its parsed tree (``lxml.html``).

    ``url`` is the one the caller was given; ``htmldate`` the date htmldate found (the last
    resort); ``fallback_title`` the extractor's title, used when the page's own tags name none.
    """
    meta = _meta_tags(root)
    ld = _json_ld(root)
    article = next((o for o in ld if _types(o) & _ARTICLE_TYPES), {})
    found = PageMetadata()

    page_url, url_source = _page_url(root, meta, url)
    if page_url:
        found.url, found.sources["url"] = page_url, url_source
    host = host_of(page_url) if page_url else None

    title = _raw_title(root, meta, article, fallback_title)
    outlet = _outlet(root, meta, article, ld, host, title[0] if title else None)
    if outlet:
        found.outlet, found.sources["outlet"] = outlet
    if title:
        names = _site_names(meta, found.outlet, host)
        declared = headline_of(title[0], names, labels=title[1] == "title-element")
        shown = _shown_headline(root, declared)
        found.title = shown or declared
        found.sources["title"] = "h1" if shown else title[1]
    published = _published(root, meta, article, page_url, htmldate)
    if published:
        found.published, found.sources["published"] = published
    agency = _agency(meta, article, found.outlet)
    if agency:
        found.agency, found.sources["agency"] = agency
    return found


# --- reading the page -------------------------------------------------------------------------


def _meta_tags(root: Any) -> dict[str, str]:
    """Lower-cased ``name``/``property``/``itemprop`` → the first non-blank ``content``."""
    tags: dict[str, str] = {}
    for element in root.iter("meta"):
        content = " ".join((element.get("content") or "").split())
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (element.get(attribute) or "").strip().lower()
            if key:
                tags.setdefault(key, content)
    return tags


def _json_ld(root: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, ``@graph`` members and list items flattened."""
    objects: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        with contextlib.suppress(ValueError, RecursionError):
            objects.extend(_flatten(json.loads(script.text or "", strict=False)))
    return objects


def _flatten(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _flatten(item)
    elif isinstance(value, dict):
        yield value
        if "@graph" in value:
            yield from _flatten(value["@graph"])


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _names(value: Any) -> list[str]:
    """The names in a JSON-LD person/organisation value (a string, an object or a list)."""
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip():
        return [" ".join(value.split())]
    return []


def _page_url(root: Any, meta: dict[str, str], given: str | None) -> tuple[str | None, str]:
    if given:
        return given, "argument"
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and host_of(href):
            return href, "canonical"
    if host_of(meta.get("og:url", "")):
        return meta["og:url"], "og:url"
    return None, ""


# --- outlet -----------------------------------------------------------------------------------


def _outlet(
    root: Any,
    meta: dict[str, str],
    article: dict[str, Any],
    ld: list[dict[str, Any]],
    host: str | None,
    title: str | None,
) -> tuple[str, str] | None:
    listed = outlet_for_host(host) if host else None
    publishers = _names(article.get("publisher")) or [
        n for o in ld if _types(o) & {"newsmediaorganization"} for n in _names(o)
    ]
    candidates = [
        (meta.get("og:site_name"), "og:site_name"),
        *((name, "json-ld") for name in publishers[:1]),
        *((meta.get(key), f"meta:{key}") for key in _PUBLISHER_META),
    ]
    for name, source in candidates:
        if not name or not _plausible_name(name, title):
            continue
        settled = settle_outlet(name, host, trusted=source == "og:site_name")
        if settled is not None:
            return settled[0], source if settled[1] == "declared" else settled[1]
    if listed is not None:
        return listed.name, "domain-table"
    if host is None:
        named = _outlet_in_title(root)
        if named is not None:
            return named, "title"
        return None
    return site_domain(host), "domain"


def _plausible_name(name: str, title: str | None) -> bool:
    """Not the headline, not a sentence, not a URL."""
    if len(name.split()) > _NAME_MAX_WORDS or "://" in name:
        return False
    return not (title and len(name) > 12 and name_key(title) in name_key(name))


def _outlet_in_title(root: Any) -> str | None:
    """A trailing or leading ``<title>`` segment that names a known outlet."""
    segments = _title_segments(root)
    if len(segments) < 2:
        return None
    for segment in (segments[-1], segments[0]):
        found = outlet_named(segment)
        if found is not None and not found.wire:
            return found.name
    return None


# --- title ------------------------------------------------------------------------------------


def _raw_title(
    root: Any, meta: dict[str, str], article: dict[str, Any], fallback: str | None
) -> tuple[str, str] | None:
    """The page's title as written, and where it was read (before the site name is cut)."""
    for key in _TITLE_META:
        if meta.get(key):
            return meta[key], key
    headline = article.get("headline")
    if isinstance(headline, str) and headline.strip():
        return " ".join(headline.split()), "json-ld"
    element = root.find(".//title")
    text = " ".join(element.text_content().split()) if element is not None else ""
    if len(text.split()) >= _HEADLINE_WORDS:
        return text, "title-element"
    for h1 in root.iter("h1"):
        text = " ".join(h1.text_content().split())
        if len(text.split()) >= _HEADLINE_WORDS:
            return text, "h1"
    return (fallback, "trafilatura") if fallback else None


def headline_of(title: str, site_names: list[str], *, labels: bool = False) -> str:
    """``title`` without the site's name and the section labels next to it.

    ``Storm hits coast | World | The Courier`` → ``Storm hits coast`` when ``site_names``
    holds ``The Courier``. With ``labels`` (a ``<title>`` element, which often carries
    sections), short segments around the longest one go even when no site name is found. The
    longest segment is never cut.
    """
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    keys = {k for k in (name_key(n) for n in site_names) if len(k) >= 2}
    longest = max(range(len(parts)), key=lambda i: len(parts[i].split()))
    site = [i != longest and _names_site(parts[i], keys) for i in range(len(parts))]
    start, end = 0, len(parts)
    cut_end = cut_start = labels
    while end - 1 > longest and (site[end - 1] or (cut_end and _label(parts[end - 1]))):
        cut_end = cut_end or site[end - 1]
        end -= 1
    while start < longest and (site[start] or (cut_start and _label(parts[start]))):
        cut_start = cut_start or site[start]
        start += 1
    if (start, end) == (0, len(parts)):
        return title
    first = title.find(parts[start])
    last = title.rfind(parts[end - 1])
    return title[first : last + len(parts[end - 1])]


def _names_site(segment: str, keys: set[str]) -> bool:
    key = name_key(segment)
    return bool(key) and any(key == k or (len(k) >= 4 and key.startswith(k)) for k in keys)


def _label(segment: str) -> bool:
    return len(segment.split()) <= _LABEL_WORDS


def _site_names(meta: dict[str, str], outlet: str | None, host: str | None) -> list[str]:
    names = [n for n in (meta.get("og:site_name"), outlet) if n]
    if host:
        domain = site_domain(host)
        names += [domain, domain.split(".")[0]]
        listed = outlet_for_host(host)
        if listed is not None:
            names += [listed.name, *listed.aliases]
    return names


def _shown_headline(root: Any, declared: str) -> str | None:
    """The first ``<h1>`` that is the declared title as shown on the page, if it differs.

    Pages declare a title for search engines and sharing (``og:title``, ``<title>``) and show
    the reader a headline; the shown one is the story's. An ``<h1>`` counts as the headline
    when at least half the words of the shorter of the two are shared: that keeps a logo, a
    section name or a teaser's heading out. On WCXB's article pages, whose gold titles are the
    shown ones, this took titles right from 294 to 310 of 354 even pages and from 303 to 319
    of 357 odd ones; on realnews it traded one page for another (23 of 24 either way).
    """
    words = set(_TITLE_WORD.findall(declared.lower()))
    for element in root.iter("h1"):
        text = " ".join(element.text_content().split())
        shown = set(_TITLE_WORD.findall(text.lower()))
        if len(shown) < _SHOWN_MIN_WORDS or not words or text == declared:
            continue
        if len(shown & words) / min(len(shown), len(words)) >= _SHOWN_OVERLAP:
            return text
    return None


def _title_segments(root: Any) -> list[str]:
    element = root.find(".//title")
    if element is None:
        return []
    text = " ".join(element.text_content().split())
    return [s for s in _TITLE_SEPARATORS.split(text) if s]


# --- publication date -------------------------------------------------------------------------


def _published(
    root: Any,
    meta: dict[str, str],
    article: dict[str, Any],
    url: str | None,
    htmldate: str | None,
) -> tuple[str, str] | None:
    value = article.get("datePublished")
    if isinstance(value, list):
        value = value[0] if value else None
    iso = iso_date(value) if isinstance(value, str) else None
    if iso:
        return _local_time(iso, "json-ld", root, url)
    for key in _PUBLISHED_META:
        iso = iso_date(meta.get(key, ""))
        if iso:
            return _local_time(iso, f"meta:{key}", root, url)
    iso = _time_element(root)
    if iso:
        return iso, "time"
    iso = date_in_url(url) if url else None
    if iso:
        return iso, "url"
    return (htmldate, "htmldate") if htmldate else None


def _local_time(iso: str, source: str, root: Any, url: str | None) -> tuple[str, str]:
    """A time given in UTC, written in the page's own time zone where the page says which.

    Tags often give the time in UTC while the story's day is the local one: 02:41 UTC on
    December 19 is the evening of December 18 in New York. A ``<time>`` of the page that
    names the same instant with its offset gives the local time; else a date in the URL one
    day off gives the local day (the outlet dates its URLs by its own calendar).
    """
    try:
        instant = datetime.fromisoformat(iso)
    except ValueError:
        return iso, source
    if instant.tzinfo is None or instant.utcoffset() != timedelta(0):
        return iso, source
    for element in root.iter("time"):
        local = iso_date(element.get("datetime") or "")
        if local is None or ":" not in local:
            continue
        shown = datetime.fromisoformat(local)
        if shown.tzinfo is not None and shown.utcoffset() and abs(shown - instant) < _SAME_INSTANT:
            return local, source
    day = date_in_url(url) if url else None
    if day is not None and abs((date.fromisoformat(day) - instant.date()).days) == 1:
        return day, "url"
    return iso, source


def _time_element(root: Any) -> str | None:
    """The ``datetime`` of a ``<time>`` marked as the publication time."""
    for element in root.iter("time"):
        value = element.get("datetime") or ""
        marked = (
            element.get("pubdate") is not None
            or (element.get("itemprop") or "").lower() == "datepublished"
            or _TIME_MARK.search(element.get("class") or "")
        )
        parent = element.getparent()
        if not marked and parent is not None:
            marked = bool(_TIME_MARK.search(parent.get("class") or ""))
        if marked:
            iso = iso_date(value)
            if iso:
                return iso
    return None


# --- agency -----------------------------------------------------------------------------------


def _agency(
    meta: dict[str, str], article: dict[str, Any], outlet: str | None
) -> tuple[str, str] | None:
    own = name_key(outlet) if outlet else ""
    candidates = [
        *((n, "json-ld") for n in _names(article.get("sourceOrganization"))),
        *((n, "json-ld") for n in _names(article.get("author"))),
        *((meta.get(key), f"meta:{key}") for key in _AGENCY_META),
    ]
    for name, source in candidates:
        if not name:
            continue
        agency = wire_agency(name.removeprefix("By ").removeprefix("by ").strip())
        if agency is not None and name_key(agency.name) != own:
            return agency.name, source
    return None
