# ruff: noqa: E501  (fixture pages hold long lines, as real pages do)
"""Page metadata: outlet, publication date, title, URL and agency, each with where it came from."""

from __future__ import annotations

import pytest

from sayso.ingest.article import make_source
from sayso.ingest.dates import date_in_url, iso_date, stamped_date
from sayso.ingest.html import read_html
from sayso.ingest.pagemeta import headline_of

BODY = """
<article>
<h1>{h1}</h1>
<p>The harbour authority closed both piers on Monday after a night of high winds tore loose three fishing boats from their moorings.</p>
<p>Crews worked through the morning to secure the boats, and the authority said the piers would reopen once engineers had inspected them.</p>
</article>
"""


def page(head: str, h1: str = "Gale tears boats from their moorings") -> str:
    return f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{BODY.format(h1=h1)}</body></html>"


def read(html: str, url: str | None = None):  # type: ignore[no-untyped-def]
    return read_html(html, make_source("page.html", "html"), url=url).metadata


def test_handle_as_site_name_gives_way_to_the_table() -> None:
    meta = read(
        page(
            '<meta property="og:site_name" content="latimes">'
            '<link rel="canonical" href="https://www.latimes.com/local/story-1">'
            "<title>Gale tears boats from their moorings - latimes</title>"
        )
    )
    assert meta.outlet == "Los Angeles Times"
    assert meta.field_sources["outlet"] == "domain-table"
    assert meta.url == "https://www.latimes.com/local/story-1"
    assert meta.field_sources["url"] == "canonical"


def test_site_name_of_an_unlisted_site_is_kept() -> None:
    meta = read(
        page('<meta property="og:site_name" content="The Harbour Gazette">'),
        url="https://harbourgazette.example/boats",
    )
    assert meta.outlet == "The Harbour Gazette"
    assert meta.field_sources["outlet"] == "og:site_name"
    assert meta.field_sources["url"] == "argument"


def test_subdomain_of_a_listed_outlet_has_its_own_name() -> None:
    meta = read(page(""), url="https://money.cnn.com/2016/11/29/news/boats/index.html")
    assert meta.outlet == "CNN Money"
    assert meta.published is not None
    assert meta.published.value == "2016-11-29"
    assert meta.published.source == "url"
    assert meta.field_sources["published"] == "url"


def test_unlisted_domain_is_the_outlet_of_last_resort() -> None:
    meta = read(page(""), url="https://www.harbourgazette.example/boats")
    assert meta.outlet == "harbourgazette.example"
    assert meta.field_sources["outlet"] == "domain"


def test_json_ld_publisher_and_date_in_a_graph() -> None:
    ld = """{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Gazette site"},
      {"@type": "NewsArticle", "headline": "Gale tears boats from their moorings",
       "datePublished": "2023-11-06T22:15:00-05:00", "dateModified": "2023-11-08T09:00:00-05:00",
       "publisher": {"@type": "NewsMediaOrganization", "name": "The Harbour Gazette"}}]}"""
    meta = read(page(f'<script type="application/ld+json">{ld}</script>'))
    assert meta.outlet == "The Harbour Gazette"
    assert meta.field_sources["outlet"] == "json-ld"
    assert meta.published is not None
    # The page's own day, in its own time zone (in UTC it is already November 7).
    assert meta.published.value.startswith("2023-11-06T22:15")
    assert meta.field_sources["published"] == "json-ld"
    assert meta.title == "Gale tears boats from their moorings"


def test_outlet_is_never_the_headline() -> None:
    meta = read(
        page(
            '<meta property="og:site_name" content="Gale tears boats from their moorings at the north harbour">'
            "<title>Gale tears boats from their moorings at the north harbour</title>"
        )
    )
    assert meta.outlet is None


def test_outlet_named_in_the_title_when_there_is_no_url() -> None:
    meta = read(
        page("<title>Gale tears boats from their moorings | Weather | The Guardian</title>")
    )
    assert meta.outlet == "The Guardian"
    assert meta.field_sources["outlet"] == "title"
    assert meta.title == "Gale tears boats from their moorings"


def test_time_element_marked_as_publication_time() -> None:
    html = page("").replace(
        "<article>",
        '<article><time class="published-date" datetime="2022-10-14T09:27:00-04:00">Oct 14</time>',
    )
    meta = read(html)
    assert meta.published is not None
    assert meta.published.value.startswith("2022-10-14")
    assert meta.field_sources["published"] == "time"


def test_shown_headline_wins_over_the_declared_title() -> None:
    meta = read(
        page(
            '<meta property="og:title" content="Gale tears boats loose | Harbour news">',
            h1="Gale tears three boats loose from their moorings",
        )
    )
    assert meta.title == "Gale tears three boats loose from their moorings"
    assert meta.field_sources["title"] == "h1"


def test_logo_heading_is_not_the_title() -> None:
    meta = read(
        page(
            "<title>Gale tears boats from their moorings - Harbour Gazette</title>",
            h1="Harbour Gazette logo",
        ),
        url="https://harbourgazette.example/boats",
    )
    assert meta.title == "Gale tears boats from their moorings"
    assert meta.field_sources["title"] == "title-element"


def test_wire_agency_named_as_author_is_kept_apart_from_the_outlet() -> None:
    ld = """{"@type": "NewsArticle", "headline": "Gale tears boats from their moorings",
             "author": {"@type": "Organization", "name": "Reuters"},
             "publisher": {"@type": "Organization", "name": "The Harbour Gazette"}}"""
    meta = read(page(f'<script type="application/ld+json">{ld}</script>'))
    assert meta.outlet == "The Harbour Gazette"
    assert meta.agency == "Reuters"
    assert meta.field_sources["agency"] == "json-ld"


def test_agency_is_not_the_outlet_itself() -> None:
    ld = """{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Reuters"}}"""
    meta = read(
        page(f'<script type="application/ld+json">{ld}</script>'),
        url="https://www.reuters.com/world/boats-idUS1",
    )
    assert meta.outlet == "Reuters"
    assert meta.agency is None


@pytest.mark.parametrize(
    ("title", "names", "labels", "expected"),
    [
        ("Storm hits coast | World | The Courier", ["The Courier"], False, "Storm hits coast"),
        ("Storm hits coast : The Two-Way : NPR", ["NPR"], True, "Storm hits coast"),
        ("The Courier - Storm hits the coast", ["The Courier"], False, "Storm hits the coast"),
        # Without a site name, only a <title> element loses its labels.
        ("Storm hits the coast | World", [], True, "Storm hits the coast"),
        ("Storm hits the coast | World", [], False, "Storm hits the coast | World"),
        # The longest segment is the headline: never cut, even when it names the site.
        (
            "Courier staff strike over pay - Live",
            ["Courier"],
            True,
            "Courier staff strike over pay",
        ),
        (
            "Trump: the interview - Part one of three",
            [],
            False,
            "Trump: the interview - Part one of three",
        ),
    ],
)
def test_headline_of(title: str, names: list[str], labels: bool, expected: str) -> None:
    assert headline_of(title, names, labels=labels) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/2016/12/15/505723552/story", "2016-12-15"),
        ("http://articles.example.com/2009/oct/14/business/story", "2009-10-14"),
        ("https://example.com/news/2020-04-07/story.html", "2020-04-07"),
        ("https://example.com/20161215/story", "2016-12-15"),
        ("https://example.com/2016/13/45/story", None),
        ("https://example.com/news/story-1.6616369", None),
    ],
)
def test_date_in_url(url: str, expected: str | None) -> None:
    assert date_in_url(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:00:00Z", "2024-03-05T10:00:00+00:00"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00+00:00"),
        ("Fri Mar 13 21:30:09 EST 2015", "2015-03-13T21:30:09-05:00"),
        ("last Tuesday", None),
        ("1870-01-01", None),
        ("", None),
    ],
)
def test_iso_date(text: str, expected: str | None) -> None:
    assert iso_date(text) == expected


def test_utc_time_is_written_in_the_pages_own_zone() -> None:
    html = page(
        '<meta property="article:published_time" content="2025-07-05T00:04:00+00:00">'
    ).replace(
        "<article>",
        '<article><time class="entry-date" datetime="2025-07-04T20:04:00-04:00">July 4, 2025</time>',
    )
    meta = read(html)
    assert meta.published is not None
    assert meta.published.value == "2025-07-04T20:04:00-04:00"
    assert meta.field_sources["published"] == "meta:article:published_time"


def test_utc_time_takes_the_day_of_the_url() -> None:
    html = page('<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">')
    meta = read(html, url="https://harbourgazette.example/2025/12/18/boats")
    assert meta.published is not None
    assert meta.published.value == "2025-12-18"
    assert meta.field_sources["published"] == "url"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("November 14, 2026 9:41 AM GMT Updated 2 hours ago", "2026-11-14"),
        ("Thu 12 Nov 2026 12.01 GMT", "2026-11-12"),
        ("Sept. 5, 2023", "2023-09-05"),
        ("Published 2024-06-03T10:00", "2024-06-03"),
        ("Updated 13 Nov 2026, published 12 Nov 2026", "2026-11-12"),
        ("Published: June 4, 2024 Updated: June 5, 2024", "2024-06-04"),
        ("Updated: June 5, 2024", None),
        ("12/11/2026", None),
        ("2 hours ago", None),
        ("February 30, 2024", None),
        ("Smarch 3, 2024", None),
    ],
)
def test_the_publication_day_of_a_date_line(line: str, day: str | None) -> None:
    """A date line's publication day: words or ISO, never a day/month order it cannot know,
    never the day of an update alone."""
    assert stamped_date(line) == day
