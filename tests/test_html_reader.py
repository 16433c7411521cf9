# ruff: noqa: E501  (fixture pages hold long lines of prose, as real pages do)
"""read_html: body paragraphs, figcaption with credit, byline, date, outlet, offsets."""

from __future__ import annotations

import pytest

from sayso.errors import NoArticleError
from sayso.ingest.article import make_source
from sayso.ingest.html import read_html

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Storm closes ports on the north coast | The Coastal Courier</title>
<meta property="og:site_name" content="The Coastal Courier">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Storm closes ports on the north coast</h1>
<p class="byline">By Jane Roe</p>
<p>A powerful storm struck the northern coast on Tuesday, cutting power to thousands of homes and forcing the closure of two ports, officials said.</p>
<figure><img src="waves.jpg" alt="Waves"><figcaption>Waves crash over the harbour wall on Tuesday. <span class="credit">Sam Lee/AP</span></figcaption></figure>
<p>The regional governor said emergency crews had worked through the night &amp; that schools would stay closed until Thursday at the earliest.</p>
<p>“We have not seen winds like this in twenty years,” said one fisherman, who asked not to be named because he was not authorised to speak.</p>
</article>
<footer>© 2024 The Coastal Courier. All rights reserved.</footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def article():  # type: ignore[no-untyped-def]
    return read_html(
        PAGE.encode("utf-8"), make_source("storm.html", "html"), url="https://example.com/storm"
    )


def test_body_is_the_story(article) -> None:  # type: ignore[no-untyped-def]
    texts = [p.text for p in article.paragraphs]
    assert len(texts) == 3
    assert texts[0].startswith("A powerful storm struck")
    assert "crews had worked through the night & that schools" in texts[1]
    assert texts[2].startswith("“We have not seen winds")
    body = article.text[: article.paragraphs[-1].end]
    assert "Home" not in body
    assert "All rights reserved" not in body
    assert "Storm closes ports" not in body


def test_figcaption_is_a_caption_with_credit(article) -> None:  # type: ignore[no-untyped-def]
    assert len(article.captions) == 1
    caption = article.captions[0]
    assert caption.text == "Waves crash over the harbour wall on Tuesday."
    assert caption.credit == "Sam Lee/AP"
    assert PAGE[caption.raw.start : caption.raw.start + len(caption.text)] == caption.text
    assert not any("Waves crash" in p.text for p in article.paragraphs)


def test_metadata(article) -> None:  # type: ignore[no-untyped-def]
    meta = article.metadata
    assert meta.title == "Storm closes ports on the north coast"
    assert meta.byline == "Jane Roe"
    assert meta.outlet == "The Coastal Courier"
    assert meta.url == "https://example.com/storm"
    assert meta.language == "en"
    assert meta.published is not None
    assert meta.published.value.startswith("2024-03-05")
    assert meta.published.source == "html-meta"
    assert meta.field_sources["published"] == "meta:article:published_time"
    assert meta.field_sources["outlet"] == "og:site_name"


def test_offsets_map_back_to_the_html(article) -> None:  # type: ignore[no-untyped-def]
    first, second, third = article.paragraphs
    for paragraph in (first, third):
        start = article.offset_map.to_raw(paragraph.start)
        assert start is not None
        assert PAGE[start : start + len(paragraph.text)] == paragraph.text
    # "&amp;" in the source is "&" in the text: the characters around it still map.
    amp = second.start + second.text.index("&")
    before = article.offset_map.to_raw(amp - 1)
    after = article.offset_map.to_raw(amp + 1)
    assert before is not None
    assert after is not None
    assert PAGE[before] == second.text[second.text.index("&") - 1]
    assert PAGE[after - 5 : after] == "&amp;"


def test_page_without_article_raises() -> None:
    page = "<html><body><nav><a href='/'>Home</a></nav><div>Menu</div></body></html>"
    with pytest.raises(NoArticleError, match="no article text"):
        read_html(page, make_source("empty.html", "html"))
