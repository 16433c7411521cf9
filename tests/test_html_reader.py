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


FURNISHED = """<!DOCTYPE html>
<html lang="en"><head><title>Council votes to close the old bridge | The Valley Post</title></head>
<body>
<div class="page">
<article class="story">
<h1>Council votes to close the old bridge</h1>
<div class="story-body">
<p>The town council voted on Tuesday to close the old river bridge to cars, after engineers found cracks in two of its supports.</p>
<p><strong>Repairs delayed</strong><br>Work on the new crossing has been delayed by a year, the council's transport officer told the meeting.</p>
<p>“People will have to drive the long way round for a while,” said Mark Olsen, who runs a bakery by the bridge.</p>
<p>Residents leaving the meeting on Tuesday evening. (Photo: Jane Roe/Valley Post)</p>
<p>Correction: An earlier version of this story gave the wrong date for the vote.</p>
</div>
<div class="module shareLinks horizontal"><div class="moduleBody"><ul><li class="mail"><span class="hrefClone">Email this</span></li><li class="print"><span class="hrefClone">Print this</span></li></ul></div></div>
<div class="module relatedRail"><div class="moduleBody"><div class="feature">
<h2><a href="/a">Mayor says “we will not abandon the river towns”</a></h2>
<p>Bakery owners fear the long detour</p>
</div></div></div>
<p>Related: Engineers warn of more cracked bridges</p>
</article>
</div>
</body></html>
"""


@pytest.fixture(scope="module")
def furnished():  # type: ignore[no-untyped-def]
    return read_html(FURNISHED, make_source("bridge.html", "html"))


def test_furniture_is_removed_with_a_reason(furnished) -> None:  # type: ignore[no-untyped-def]
    body = [p.text for p in furnished.paragraphs]
    assert not any("Email this" in t or "Print this" in t for t in body)
    assert not any("abandon the river towns" in t for t in body)
    assert not any(t.startswith("Related:") for t in body)
    reasons = {r.text: r.reason for r in furnished.removed}
    assert reasons["Email this"] == "page furniture (share box)"
    assert reasons["Related: Engineers warn of more cracked bridges"] == "page junk (related)"
    correction = next(r for r in furnished.removed if r.text.startswith("Correction:"))
    assert correction.reason == "page junk (editorial_note)"
    # Removed paragraphs keep their place in the page.
    assert FURNISHED[correction.raw.start : correction.raw.end] == correction.text


def test_sub_heading_is_its_own_paragraph(furnished) -> None:  # type: ignore[no-untyped-def]
    body = [p.text for p in furnished.paragraphs]
    assert "Repairs delayed" in body
    assert any(t.startswith("Work on the new crossing") for t in body)


def test_credited_paragraph_is_a_caption(furnished) -> None:  # type: ignore[no-untyped-def]
    assert [c.text for c in furnished.captions] == [
        "Residents leaving the meeting on Tuesday evening."
    ]
    assert furnished.captions[0].credit == "Jane Roe/Valley Post"
    assert not any("Residents leaving" in p.text for p in furnished.paragraphs)


def test_wrapped_line_is_not_a_paragraph_break() -> None:
    page = (
        "<html><body><article><p>The storm closed the port on Monday and kept the fishing fleet"
        "<br>in the harbour for two days, the harbour master said on Wednesday.</p>"
        "<p>Crews began to clear the debris from the quay on Wednesday afternoon, officials said.</p>"
        "</article></body></html>"
    )
    article = read_html(page, make_source("storm.html", "html"))
    assert article.paragraphs[0].text == (
        "The storm closed the port on Monday and kept the fishing fleet in the harbour for two "
        "days, the harbour master said on Wednesday."
    )


def test_teaser_boxes_lose_headlines_not_prose() -> None:
    import lxml.html

    from sayso.ingest.furniture import sift_paragraphs

    story = (
        "The town council voted on Tuesday to close the old river bridge to cars, after "
        "engineers found cracks in two of its supports."
    )
    teaser = "Mayor says the river towns will not be abandoned"
    inside = "Engineers said on Monday that the supports of three more bridges have cracked."
    page = lxml.html.document_fromstring(
        f'<html><body><div class="story-share-enabled"><p>{story}</p></div>'
        f'<div class="recommendedRail"><div class="item"><h2><a href="/a">{teaser}</a></h2>'
        f"<p>{inside}</p></div></div>"
        '<div id="comments"><div class="c"><p>Great article!!</p></div></div></body></html>'
    )
    reasons = sift_paragraphs([story, teaser, inside, "Great article!!"], page)
    # "share" in the story's own wrapper is not a share box: it holds the story's prose.
    assert reasons[0] is None
    assert reasons[1] == "page furniture (rail box)"
    assert reasons[2] is None  # prose in a teaser box may be the story's: kept
    assert reasons[3] == "page furniture (comments box)"


def test_teasers_after_the_story_are_furniture() -> None:
    story = [
        "The town council voted on Tuesday to close the old river bridge to cars, after "
        "engineers found cracks in two of its supports.",
        "Work on the new crossing has been delayed by a year, the council's transport officer "
        "told the meeting on Tuesday evening.",
    ]
    teaser = (
        "The mayor said the river towns would “not be abandoned”, in a speech to business "
        "leaders on Monday night."
    )
    page = (
        "<html><body><div class='main'><div class='story'>"
        + "".join(f"<p>{p}</p>" for p in story)
        + "</div><div class='module'><ul class='share-tools'><li><span>Email this</span></li>"
        "<li><span>Print this</span></li></ul></div></div>"
        f"<div class='column2'><div class='box'><h2><a href='/m'>Mayor speaks</a></h2><p>{teaser}</p>"
        "</div></div></body></html>"
    )
    import lxml.html

    from sayso.ingest.furniture import sift_paragraphs

    root = lxml.html.document_fromstring(page)
    reasons = sift_paragraphs([*story, "Email this", "Mayor speaks", teaser], root)
    assert reasons[:2] == [None, None]
    assert reasons[2] == "page furniture (share box)"
    assert reasons[3] == "page furniture (after the story)"
    assert reasons[4] == "page furniture (after the story)"
