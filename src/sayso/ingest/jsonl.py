"""Read articles from JSON Lines (one JSON object per line) and from JSON documents.

A line is an object with the article's body and optional metadata. The body, first match
wins: ``text``, ``content``, ``body``, ``maintext`` (news-please), ``article``: plain text,
read by :func:`sayso.ingest.plaintext.read_plain_text`; else ``html``, ``raw_html``: a page,
read by :func:`sayso.ingest.html.read_html`. The metadata fields (URL, title, date, outlet,
byline, section, language) are those of :mod:`sayso.ingest.given`, which covers sayso's own
names, trafilatura's JSON output (``source`` is its URL, ``source-hostname`` its site name),
news-please (``source_domain``, ``date_publish``, ``authors``) and NewsAPI-style exports.

When a line has both text and HTML, the text wins: it is what the producer chose as the body.
Metadata given in the line wins over what the text or HTML reader found, and its
``field_sources`` entry says ``jsonl`` (or ``domain-table`` for an outlet named from a domain).

Blank lines are skipped. A line that is not valid UTF-8 JSON, is not an object, or has no
body yields a ``CorruptInputError`` located ``file:line`` and reading goes on; one nested more
deeply than the JSON parser allows (about 1,000 levels) or holding a number of more than
``MAX_NUMBER_DIGITS`` digits yields a ``TooComplexError`` (converting such a number takes time
that grows with the square of its length). Each article's
``Source.record`` is its line number (from 1). A ``.json`` document holding one such object,
or an array of them, is read the same way (``Source.record`` is then the array index).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from sayso.errors import CorruptInputError, InputError, TooComplexError, TooLargeError
from sayso.ingest.article import make_source, valid_article
from sayso.ingest.dates import iso_date
from sayso.ingest.given import apply_given, given_from_object
from sayso.ingest.plaintext import read_plain_text
from sayso.records import Article

TEXT_FIELDS = ("text", "content", "body", "maintext", "article")
HTML_FIELDS = ("html", "raw_html")
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
    item: Any, where: str, location: str, record: str | None, *, origin: str = "jsonl"
) -> Article | InputError:
    """The Article one JSON object describes, or the error that explains why there is none."""
    if not isinstance(item, dict):
        return CorruptInputError(where, f"expected a JSON object, found {type(item).__name__}.")
    text = _first_body(item, TEXT_FIELDS)
    html = _first_body(item, HTML_FIELDS)
    given = given_from_object(item, origin)
    source = make_source(location, "jsonl", record=record)
    try:
        if text is not None:
            article = read_plain_text(text, source, known_title=given.title)
        elif html is not None:
            from sayso.ingest.html import read_html  # lazily: it brings in trafilatura

            article = read_html(html, source, url=given.url)
        else:
            names = ", ".join(TEXT_FIELDS + HTML_FIELDS)
            return CorruptInputError(where, f"the object has no article body (one of {names}).")
    except InputError as exc:
        return type(exc)(where, exc.reason)
    return valid_article(apply_given(article, given))


def _first_body(item: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    """The first non-blank body field, as given: the readers keep offsets into it."""
    for name in names:
        value = item.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


__all__ = ["article_from_object", "iso_date", "iter_json_document", "iter_jsonl"]
