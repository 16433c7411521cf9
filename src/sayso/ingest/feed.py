"""Read the articles carried in an RSS or Atom feed.

feedparser parses the feed (RSS 0.9x-2.0, RSS 1.0/RDF, Atom 0.3/1.0) and sanitises entry HTML.
For each entry the longest of its content bodies (``content:encoded``, Atom ``<content>``)
and its summary (``<description>``, Atom ``<summary>``) is the candidate body.

* An entry whose body holds at least ``MIN_ARTICLE_CHARS`` characters of text is an article.
  The body is read by :func:`sayso.ingest.html.read_html` as a one-article page; if that finds
  no article in it (trafilatura can refuse short fragments), the fragment's paragraphs are
  read by :func:`sayso.ingest.plaintext.read_plain_text` instead. Raw offsets then refer to
  the entry's HTML or to the text taken from it.
* Any other entry with a link is *link-only*: without a fetcher it yields a ``FetchError``
  saying to re-run with ``--fetch``; with one (see ``fetch_entry``) the linked page is read.
  :func:`feed_links` lists these links for a caller that fetches them itself.

The entry's title, link, date (``published``, else ``updated``: ``Published(source="feed")``)
and author, and the feed's title as the outlet, win over what the page reader found, with
``field_sources`` saying ``feed``. For a fetched page the feed only fills the gaps: the page
is then the better witness. ``Source.kind`` is ``"feed"`` and ``Source.record`` the entry's
position in the feed, from 1.

Bounds: at most ``MAX_ENTRIES`` entries are read (a ``TooComplexError`` says how many were
left); a character reference to a UTF-16 surrogate (``&#xD800;``, which makes feedparser
raise) is read as U+FFFD.
"""

from __future__ import annotations

import calendar
import dataclasses
import html
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

from sayso.errors import (
    CorruptInputError,
    FetchError,
    InputError,
    NoArticleError,
    TooComplexError,
)
from sayso.ingest.article import make_source, valid_article
from sayso.ingest.jsonl import iso_date
from sayso.ingest.plaintext import read_plain_text
from sayso.records import Article, Metadata, Published, Source

# The shortest entry body taken for a full article. Feed summaries are teasers: WordPress
# writes a 55-word excerpt (about 350 characters) and most news feeds cut descriptions at
# 200-300 characters, while a news story of even three short paragraphs runs past 600. Set
# by judgement from those defaults (no feed corpus in the evaluation data); an entry under
# it is treated as link-only.
MIN_ARTICLE_CHARS = 600
MAX_ENTRIES = 10_000
"""Entries read from one feed. News feeds carry 10 to 100 items, archives a few thousand;
past this a 20 MB feed of empty items would print a line per entry for minutes."""
_SURROGATE_REF = re.compile(
    rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*(?:5529[6-9]|55[3-9]\d\d|56\d{3}|57[0-2]\d\d|573[0-3]\d|5734[0-3]));"
)
"""A numeric character reference to a UTF-16 surrogate (U+D800 to U+DFFF, 55296 to 57343)."""

EntryFetcher = Callable[[str], Iterator[Article | InputError]]
"""Reads the page at a link-only entry's URL: the items for that page."""

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})


def iter_feed(
    data: bytes, location: str, *, fetch_entry: EntryFetcher | None = None
) -> Iterator[Article | InputError]:
    """One item per feed entry: its article, or the error or notice explaining why not."""
    parsed = _parse(data)
    entries: list[Any] = list(parsed.entries)
    malformed = _malformed(parsed)
    if not entries and malformed is None:
        yield NoArticleError(location, "the feed has no entries.")
    outlet = _clean(parsed.feed.get("title"))
    for number, entry in enumerate(entries[:MAX_ENTRIES], start=1):
        yield from _entry_items(entry, number, location, outlet, fetch_entry)
    if len(entries) > MAX_ENTRIES:
        yield TooComplexError(
            location,
            f"the feed has {len(entries):,} entries, over the limit of {MAX_ENTRIES:,}; "
            f"the last {len(entries) - MAX_ENTRIES:,} were not read.",
        )
    if malformed is not None:
        yield CorruptInputError(
            location,
            f"the feed is not well-formed XML ({malformed}); "
            f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'} could be read before it.",
        )


def _malformed(parsed: Any) -> str | None:
    """What is wrong with a feed that is not well-formed XML; None for one that is.

    feedparser also flags benign oddities (a wrong declared encoding, a text/plain content
    type) as "bozo"; only XML errors mean entries may be missing.
    """
    from xml.sax import SAXException

    error = parsed.get("bozo_exception")
    if parsed.get("bozo") and isinstance(error, SAXException):
        return _one_line(str(error))
    return None


def feed_links(data: bytes) -> list[str]:
    """The links of the feed's link-only entries (those without a full article), in order."""
    return [
        link
        for entry in _parse(data).entries
        if (link := _clean(entry.get("link"))) and _entry_body(entry) is None
    ]


def _parse(data: bytes) -> Any:
    import feedparser

    return feedparser.parse(_SURROGATE_REF.sub(b"&#xFFFD;", data))


def _entry_items(
    entry: Any, number: int, location: str, outlet: str | None, fetch_entry: EntryFetcher | None
) -> Iterator[Article | InputError]:
    where = f"{location} [entry {number}]"
    title = _clean(entry.get("title"))
    link = _clean(entry.get("link"))
    given = _given_metadata(entry, outlet)
    body = _entry_body(entry)
    if body is not None:
        source = make_source(location, "feed", record=str(number))
        try:
            article = _read_body(body, title, source, link)
        except InputError as exc:
            yield type(exc)(where, exc.reason)
            return
        yield _with_metadata(article, given, fill_only=False)
        return
    named = f"entry {title!r}" if title else f"entry {number}"
    if link is None:
        yield NoArticleError(where, f"{named} has neither article text nor a link.")
    elif fetch_entry is None:
        yield FetchError(
            where, f"{named} has only a link ({link}): re-run with --fetch to download it."
        )
    else:
        for item in fetch_entry(link):
            if isinstance(item, Article):
                yield _with_metadata(item, given, fill_only=True)
            else:
                yield item


def _entry_body(entry: Any) -> tuple[str, str] | None:
    """The entry's longest body as (value, MIME type), if it is long enough for an article."""
    candidates: list[Mapping[str, Any]] = list(entry.get("content") or [])
    summary = entry.get("summary_detail")
    if summary:
        candidates.append(summary)
    best: tuple[int, str, str] | None = None
    for candidate in candidates:
        value = candidate.get("value") or ""
        kind = (candidate.get("type") or "text/html").lower()
        length = len(fragment_text(value) if "html" in kind else value.strip())
        if best is None or length > best[0]:
            best = (length, value, kind)
    if best is None or best[0] < MIN_ARTICLE_CHARS:
        return None
    return best[1], best[2]


def _read_body(
    body: tuple[str, str], title: str | None, source: Source, link: str | None
) -> Article:
    value, kind = body
    if "html" not in kind:
        return read_plain_text(value, source, known_title=title)
    from sayso.ingest.html import read_html  # lazily: it brings in trafilatura

    head = f"<title>{html.escape(title)}</title>" if title else ""
    page = f"<!DOCTYPE html><html><head>{head}</head><body><article>{value}</article></body></html>"
    try:
        article = read_html(page, source, url=link)
    except NoArticleError:
        return read_plain_text(fragment_text(value), source, known_title=title)
    return _without_guessed_date(article)


def _without_guessed_date(article: Article) -> Article:
    """The article without a date the HTML reader guessed from the entry's words.

    The page around an entry body is made up here and carries no date; a date htmldate
    finds in it comes from the story's text (a year it mentions), not from the entry.
    """
    if article.metadata.published is None:
        return article
    sources = {k: v for k, v in article.metadata.field_sources.items() if k != "published"}
    metadata = dataclasses.replace(article.metadata, published=None, field_sources=sources)
    return dataclasses.replace(article, metadata=metadata)


def _given_metadata(entry: Any, outlet: str | None) -> dict[str, Any]:
    return {
        "title": _clean(entry.get("title")),
        "url": _clean(entry.get("link")),
        "byline": _clean(entry.get("author")),
        "outlet": outlet,
        "published": _published(entry),
    }


def _published(entry: Any) -> Published | None:
    # dict.get: feedparser's own get() maps "updated" to "published" with a warning.
    for raw, parsed in (("published", "published_parsed"), ("updated", "updated_parsed")):
        value = iso_date(dict.get(entry, raw))
        when = dict.get(entry, parsed)
        if value is None and when:
            value = datetime.fromtimestamp(calendar.timegm(when), UTC).isoformat()
        if value is not None:
            return Published(value=value, source="feed")
    return None


def _with_metadata(article: Article, given: Mapping[str, Any], *, fill_only: bool) -> Article:
    meta = article.metadata
    values = {name: getattr(meta, name) for name in given}
    sources = dict(meta.field_sources)
    for name, value in given.items():
        if value is not None and (values[name] is None or not fill_only):
            values[name] = value
            sources[name] = "feed"
    metadata = Metadata(
        title=values["title"],
        section=meta.section,
        byline=values["byline"],
        outlet=values["outlet"],
        url=values["url"],
        language=meta.language,
        published=values["published"],
        field_sources=sources,
    )
    return valid_article(dataclasses.replace(article, metadata=metadata))


class _TextCollector(HTMLParser):
    """Collects an HTML fragment's text, with a paragraph break at every block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.pieces.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.pieces.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.pieces.append(data)


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment: paragraphs at block elements, joined by blank lines."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    blocks = "".join(collector.pieces).split("\n\n")
    return "\n\n".join(p for block in blocks if (p := " ".join(block.split())))


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _one_line(text: str) -> str:
    return " ".join(text.split())
