"""The user's example article comes out right at the ingestion level (section, title, body,
caption, junk) — built from general rules, checked here on the real file."""

from __future__ import annotations

from sayso.ingest.sources import read_article
from tests.conftest import EXAMPLE

JUNK = (
    "Facebook Comments Box",
    "Related Articles",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Back to top button",
)


def test_section_title_and_body() -> None:
    article = read_article(EXAMPLE)
    raw = EXAMPLE.read_text(encoding="utf-8")
    assert article.metadata.section == "Middle East"
    assert (
        article.metadata.title
        == "Iran claims to reveas Qasem Soleimani’s key role in defeat of ISIS"
    )
    assert article.metadata.field_sources["title"]
    body = article.text[: article.captions[0].span.start] if article.captions else article.text
    # every body paragraph of the raw file is intact, in order, and maps back to the raw input
    assert len(article.paragraphs) == 15
    assert article.paragraphs[0].text.startswith("When ISIS launched its blitzkrieg")
    assert article.paragraphs[-1].text.endswith("led to the end of ISIS’s dominance.”")
    for paragraph in article.paragraphs:
        assert paragraph.text in raw
        raw_start = article.offset_map.to_raw(paragraph.start)
        assert raw_start is not None
        assert raw[raw_start : raw_start + len(paragraph.text)] == paragraph.text
    assert "Iran claims to reveas" not in body
    assert not body.startswith("Middle East")


def test_caption_is_set_apart_with_its_credit() -> None:
    article = read_article(EXAMPLE)
    assert len(article.captions) == 1
    caption = article.captions[0]
    assert caption.text.startswith("A member loyal to the Islamic State in Iraq and the Levant")
    assert caption.credit == "REUTERS/STRINGER"
    assert caption.span is not None
    assert article.text[caption.span.start : caption.span.end] == caption.text
    assert all(caption.text not in p.text for p in article.paragraphs)


def test_trailing_junk_is_removed_not_deleted() -> None:
    article = read_article(EXAMPLE)
    removed = [r.text for r in article.removed]
    raw = EXAMPLE.read_text(encoding="utf-8")
    for line in JUNK:
        assert line in removed
        assert line not in article.text
    for item in article.removed:
        assert raw[item.raw.start : item.raw.end] == item.text
