"""Read articles from JSON Lines (one JSON object per line) and from JSON documents.

A line is an object with the article's body and optional metadata. Field names, first match
wins (aliases cover news-please, NewsAPI-style and common scraper exports):

============  =====================================================================
body          ``text``, ``content``, ``body``, ``maintext``, ``article``: plain text,
              read by :func:`sayso.ingest.plaintext.read_plain_text`; else ``html``,
              ``raw_html``: a page, read by :func:`sayso.ingest.html.read_html`
url           ``url``, ``link``
title         ``title``, ``headline``
published     ``published``, ``date``, ``date_publish``, ``published_at``,
              ``publish_date``, ``pubDate``: ISO 8601, RFC 2822 (``Tue, 05 Mar 2024
              10:00:00 GMT``) or Unix seconds; other values are ignored
outlet        ``outlet``, ``source``, ``source_domain``, ``site_name``, ``publisher``
              (a ``{"name": ...}`` object is accepted, as NewsAPI writes it)
byline        ``byline``, ``author``, ``authors`` (a list is joined with ", ")
section       ``section``, ``category``
language      ``language``, ``lang``
============  =====================================================================

When a line has both text and HTML, the text wins: it is what the producer chose as the body.
Metadata given in the line wins over what the text or HTML reader found, and its
``field_sources`` entry says ``jsonl``.

Blank lines are skipped. A line that is not valid UTF-8 JSON, is not an object, or has no
body yields a ``CorruptInputError`` located ``file:line`` and reading goes on; one nested more
deeply than the JSON parser allows (about 1,000 levels) or holding a number of more than
``MAX_NUMBER_DIGITS`` digits yields a ``TooComplexError`` (converting such a number takes time
that grows with the square of its length). Each article's
``Source.record`` is its line number (from 1). A ``.json`` document holding one such object,
or an array of them, is read the same way (``Source.record`` is then the array index).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any

from sayso.errors import CorruptInputError, InputError, TooComplexError, TooLargeError
from sayso.ingest.article import make_source, valid_article
from sayso.ingest.plaintext import read_plain_text
from sayso.records import Article, Metadata, Published

TEXT_FIELDS = ("text", "content", "body", "maintext", "article")
HTML_FIELDS = ("html", "raw_html")
URL_FIELDS = ("url", "link")
TITLE_FIELDS = ("title", "headline")
PUBLISHED_FIELDS = ("published", "date", "date_publish", "published_at", "publish_date", "pubDate")
OUTLET_FIELDS = ("outlet", "source", "source_domain", "site_name", "publisher")
BYLINE_FIELDS = ("byline", "author", "authors")
SECTION_FIELDS = ("section", "category")
LANGUAGE_FIELDS = ("language", "lang")
MAX_NUMBER_DIGITS = 1000
"""The most digits a JSON integer may have. News records hold dates, counts and ids of a few
dozen digits at most; Python refuses to convert over 4,300 and takes quadratic time below that."""


class _NumberTooLongError(ValueError):
    """Raised by the integer hook; turned into a TooComplexError."""


def _bounded_int(digits: str) -> int:
    if len(digits) > MAX_NUMBER_DIGITS:
        raise _NumberTooLongError(len(digits))
    return int(digits)


def parse_json(data: bytes | str, location: str, what: str = "the JSON") -> Any:
    """``data`` parsed as JSON, or a CorruptInputError (not JSON) or TooComplexError (nested
    too deeply, a number too long) whose reason starts with ``what``."""
    try:
        return json.loads(data, parse_int=_bounded_int)
    except _NumberTooLongError as exc:
        raise TooComplexError(
            location,
            f"{what} holds a number of {exc.args[0]:,} digits, over the limit of "
            f"{MAX_NUMBER_DIGITS:,}.",
        ) from None
    except RecursionError:
        raise TooComplexError(
            location,
            f"{what} is nested too deeply (over about 1,000 levels of arrays and objects).",
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorruptInputError(location, f"{what} is not valid JSON ({exc}).") from None


def iter_jsonl(
    path_or_stream: Path | IO[bytes] | Iterable[bytes],
    location: str,
    *,
    max_bytes: int | None = None,
) -> Iterator[Article | InputError]:
    """One item per non-blank line: an Article, or the error that line ran into.

    ``max_bytes`` bounds each line (the file as a whole may be large).
    """
    if isinstance(path_or_stream, Path):
        with path_or_stream.open("rb") as stream:
            yield from _iter_lines(stream, location, max_bytes)
    else:
        yield from _iter_lines(path_or_stream, location, max_bytes)


def iter_json_document(data: bytes, location: str) -> Iterator[Article | InputError]:
    """The article in a JSON object, or one per object in a JSON array."""
    try:
        document = parse_json(data, location)
    except InputError as exc:
        yield exc
        return
    if isinstance(document, list):
        if not document:
            yield CorruptInputError(location, "the JSON array is empty.")
        for index, item in enumerate(document):
            yield article_from_object(item, f"{location}[{index}]", location, str(index))
    else:
        yield article_from_object(document, location, location, None)


def _iter_lines(
    lines: Iterable[bytes], location: str, max_bytes: int | None
) -> Iterator[Article | InputError]:
    for number, line in enumerate(lines, start=1):
        where = f"{location}:{number}"
        if max_bytes is not None and len(line) > max_bytes:
            yield TooLargeError(where, f"the line is over the size limit of {max_bytes:,} bytes.")
            continue
        if not line.strip():
            continue
        try:
            item = parse_json(line, where, "the line")
        except InputError as exc:
            yield exc
            continue
        yield article_from_object(item, where, location, str(number))


def article_from_object(
    item: Any, where: str, location: str, record: str | None
) -> Article | InputError:
    """The Article one JSON object describes, or the error that explains why there is none."""
    if not isinstance(item, dict):
        return CorruptInputError(where, f"expected a JSON object, found {type(item).__name__}.")
    text = _first_body(item, TEXT_FIELDS)
    html = _first_body(item, HTML_FIELDS)
    url = _first_string(item, URL_FIELDS)
    source = make_source(location, "jsonl", record=record)
    try:
        if text is not None:
            article = read_plain_text(text, source, known_title=_first_string(item, TITLE_FIELDS))
        elif html is not None:
            from sayso.ingest.html import read_html  # lazily: it brings in trafilatura

            article = read_html(html, source, url=url)
        else:
            names = ", ".join(TEXT_FIELDS + HTML_FIELDS)
            return CorruptInputError(where, f"the object has no article body (one of {names}).")
    except InputError as exc:
        return type(exc)(where, exc.reason)
    return valid_article(_with_given_metadata(article, item, url))


def _with_given_metadata(article: Article, item: Mapping[str, Any], url: str | None) -> Article:
    meta = article.metadata
    given: dict[str, str | None] = {
        "url": url,
        "title": _first_string(item, TITLE_FIELDS),
        "outlet": _outlet(item),
        "byline": _byline(item),
        "section": _first_string(item, SECTION_FIELDS),
        "language": _first_string(item, LANGUAGE_FIELDS),
    }
    published = _published(item)
    sources = dict(meta.field_sources)
    for name, value in given.items():
        if value is not None:
            sources[name] = "jsonl"
    if published is not None:
        sources["published"] = "jsonl"
    metadata = Metadata(
        title=given["title"] or meta.title,
        section=given["section"] or meta.section,
        byline=given["byline"] or meta.byline,
        outlet=given["outlet"] or meta.outlet,
        url=given["url"] or meta.url,
        language=given["language"] or meta.language,
        published=published or meta.published,
        field_sources=sources,
    )
    return dataclasses.replace(article, metadata=metadata)


def _first_string(item: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = item.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _first_body(item: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    """The first non-blank body field, as given: the readers keep offsets into it."""
    for name in names:
        value = item.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _outlet(item: Mapping[str, Any]) -> str | None:
    for name in OUTLET_FIELDS:
        value = item.get(name)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
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


def _published(item: Mapping[str, Any]) -> Published | None:
    for name in PUBLISHED_FIELDS:
        value = item.get(name)
        iso = iso_date(value)
        if iso is not None:
            return Published(value=iso, source="jsonl")
    return None


def iso_date(value: object) -> str | None:
    """ISO 8601 for a date given as ISO 8601, RFC 2822 or Unix seconds; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if len(text) == 10 and parsed.hour == parsed.minute == parsed.second == 0:
        return parsed.date().isoformat()
    return parsed.isoformat()
