"""RSS 2.0 and Atom feeds: full-content entries become articles, link-only ones ask for --fetch."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from sayso.errors import CorruptInputError, FetchError, InputError, NoArticleError
from sayso.ingest.article import make_source
from sayso.ingest.feed import MIN_ARTICLE_CHARS, feed_links, fragment_text, iter_feed
from sayso.ingest.plaintext import read_plain_text
from sayso.records import Article

STORIES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "ingest" / "stories.json").read_text("utf-8")
)["stories"]


def _html_body(story: dict[str, Any]) -> str:
    return "".join(f"<p>{p}</p>" for p in story["paragraphs"])


def _rss() -> bytes:
    bridge, fire, festival = STORIES
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Marlow Bay Gazette</title>
  <link>https://bay.example/</link>
  <description>News from the bay</description>
  <item>
    <title>{escape(bridge["title"])}</title>
    <link>https://bay.example/bridge</link>
    <pubDate>Thu, 14 Sep 2023 08:15:00 +0200</pubDate>
    <dc:creator>{bridge["author"]}</dc:creator>
    <description>The bridge is open again.</description>
    <content:encoded><![CDATA[{_html_body(bridge)}]]></content:encoded>
  </item>
  <item>
    <title>{escape(fire["title"])}</title>
    <link>https://bay.example/fire</link>
    <pubDate>Sat, 03 Feb 2024 09:30:00 +0000</pubDate>
    <description>A fire broke out in the library. &lt;a href="https://bay.example/fire"&gt;Read
      more&lt;/a&gt;</description>
  </item>
  <item>
    <title>{escape(festival["title"])}</title>
    <link>https://bay.example/festival</link>
    <description>{escape(_html_body(festival))}</description>
  </item>
  <item>
    <title>Untitled note</title>
    <description>Nothing to see.</description>
  </item>
</channel>
</rss>""".encode()


def _atom() -> bytes:
    bridge, fire, _ = STORIES
    text = escape("\n\n".join(fire["paragraphs"]))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Corran Courier</title>
  <id>urn:example:corran</id>
  <updated>2024-02-03T12:00:00Z</updated>
  <entry>
    <title>{escape(fire["title"])}</title>
    <id>urn:example:corran:fire</id>
    <link href="https://corran.example/fire"/>
    <published>2024-02-03T10:00:00+01:00</published>
    <updated>2024-02-03T12:00:00Z</updated>
    <author><name>{fire["author"]}</name></author>
    <content type="text">{text}</content>
  </entry>
  <entry>
    <title>{escape(bridge["title"])}</title>
    <id>urn:example:corran:bridge</id>
    <link href="https://corran.example/bridge"/>
    <updated>2023-09-14T09:00:00Z</updated>
    <summary>Short teaser about the bridge.</summary>
  </entry>
</feed>""".encode()


def test_atom_text_content_is_an_article_and_a_teaser_is_link_only() -> None:
    article, notice = list(iter_feed(_atom(), "corran.atom"))
    assert isinstance(article, Article)
    assert "human chain" in article.text
    assert article.source.kind == "feed"
    assert article.source.record == "1"
    meta = article.metadata
    assert meta.title == STORIES[1]["title"]
    assert meta.url == "https://corran.example/fire"
    assert meta.byline == "Daniel Achebe"
    assert meta.outlet == "Corran Courier"
    assert meta.published is not None
    assert (meta.published.value, meta.published.source) == ("2024-02-03T10:00:00+01:00", "feed")
    assert meta.field_sources["outlet"] == "feed"
    assert isinstance(notice, FetchError)
    assert "has only a link (https://corran.example/bridge)" in notice.reason
    assert "--fetch" in notice.reason
    assert notice.location == "corran.atom [entry 2]"


def test_rss_entries_one_item_each() -> None:
    pytest.importorskip("sayso.ingest.html")
    items = list(iter_feed(_rss(), "bay.rss"))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "FetchError",
        "Article",
        "NoArticleError",
    ]
    bridge, _, festival, _ = items
    assert isinstance(bridge, Article)
    assert isinstance(festival, Article)
    assert "Quay Street" in bridge.text
    assert "floating stage" in festival.text
    assert bridge.metadata.byline == "Ellen Voss"
    assert bridge.metadata.outlet == "Marlow Bay Gazette"
    assert bridge.metadata.published is not None
    assert bridge.metadata.published.value == "2023-09-14T08:15:00+02:00"
    assert festival.metadata.published is None
    assert festival.source.record == "3"


def test_feed_links_lists_only_link_only_entries() -> None:
    assert feed_links(_rss()) == ["https://bay.example/fire"]
    assert feed_links(_atom()) == ["https://corran.example/bridge"]


def test_a_fetcher_reads_link_only_entries_and_the_feed_fills_gaps() -> None:
    requested: list[str] = []

    def fetch(url: str) -> Iterator[Article | InputError]:
        requested.append(url)
        text = "\n\n".join(STORIES[0]["paragraphs"])
        yield read_plain_text(text, make_source(url, "url"))

    items = list(iter_feed(_atom(), "corran.atom", fetch_entry=fetch))
    assert requested == ["https://corran.example/bridge"]
    fetched = items[1]
    assert isinstance(fetched, Article)
    assert fetched.source.kind == "url"
    assert fetched.metadata.title == STORIES[0]["title"]
    assert fetched.metadata.outlet == "Corran Courier"
    assert fetched.metadata.published is not None
    assert fetched.metadata.published.value == "2023-09-14T09:00:00+00:00"
    assert fetched.metadata.field_sources["title"] == "feed"


def test_broken_feed_is_corrupt_and_empty_feed_has_no_article() -> None:
    text = escape("\n\n".join(STORIES[2]["paragraphs"]))
    cut = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>'
        f'<entry><title>Festival</title><content type="text">{text}</content></entry>'
        "<entry><title>Second</title><content type="
    ).encode()
    *entries, broken = list(iter_feed(cut, "cut.atom"))
    assert isinstance(entries[0], Article)
    assert "floating stage" in entries[0].text
    assert isinstance(broken, CorruptInputError)
    assert "not well-formed" in broken.reason
    (nothing,) = list(iter_feed(b"<rss><channel", "cut.rss"))
    assert isinstance(nothing, CorruptInputError)
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    (none,) = list(iter_feed(empty, "empty.rss"))
    assert isinstance(none, NoArticleError)


def test_fragment_text_keeps_paragraphs_and_drops_scripts() -> None:
    fragment = (
        "<div><p>First  paragraph,\n wrapped.</p><script>var x = 1;</script>"
        "<ul><li>One item</li><li>Two &amp; three</li></ul>Tail text<br>after break</div>"
    )
    assert fragment_text(fragment) == (
        "First paragraph, wrapped.\n\nOne item\n\nTwo & three\n\nTail text\n\nafter break"
    )


def test_threshold_separates_teasers_from_articles() -> None:
    teaser = "word " * ((MIN_ARTICLE_CHARS - 10) // 5)
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>Teaser</title><link>https://t.example/1</link>
    <description>{teaser}</description></item></channel></rss>""".encode()
    (item,) = list(iter_feed(feed, "t.rss"))
    assert isinstance(item, FetchError)
