"""Articles from what a program hands over itself: a text or a page's HTML, with what it knows.

The Python API (``sayso.analyze_text``, ``sayso.analyze_html``) builds its articles here. Nothing
here reads a file or touches the network: a string is always the article's text (or HTML),
never a path or a URL. Metadata given by the caller wins over what the reader found, and its
``field_sources`` entry says ``caller``.
"""

from __future__ import annotations

from datetime import date, datetime

from sayso.errors import ConfigError
from sayso.ingest.article import make_source, with_given_metadata
from sayso.ingest.jsonl import iso_date
from sayso.ingest.plaintext import read_plain_text
from sayso.records import Article, Published

TEXT_LOCATION = "<text>"
HTML_LOCATION = "<html>"
GIVEN = "caller"

PublishedValue = str | date | datetime
"""A publication date as ISO 8601 text (``2024-03-05``), RFC 2822 text, a date or a datetime."""


def published_date(value: PublishedValue | None) -> Published | None:
    """The Published record of a date the caller gave; ConfigError when it is not a date."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return Published(value=value.isoformat(), source=GIVEN)
    iso = iso_date(value) if isinstance(value, str) else None
    if iso is None:
        raise ConfigError(
            f"published={value!r} is not a date: give ISO 8601 text (2024-03-05), "
            "a datetime.date or a datetime.datetime"
        )
    return Published(value=iso, source=GIVEN)


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
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    article = read_plain_text(text, make_source(TEXT_LOCATION, "text"), known_title=title)
    given = {"title": title, "outlet": outlet, "url": url}
    return with_given_metadata(article, given, published_date(published), GIVEN)


def article_from_html(html: str | bytes, *, url: str | None = None) -> Article:
    """The article in a page's HTML (``url`` is where it came from, if known; never fetched)."""
    from sayso.ingest.html import read_html  # lazily: it brings in trafilatura

    if not isinstance(html, str | bytes):
        raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
    return read_html(html, make_source(url or HTML_LOCATION, "html"), url=url)
