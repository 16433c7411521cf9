"""The record model: invariants, JSON round-trip, the published schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sayso.errors import RecordError
from sayso.ingest.article import article_id, make_article, make_source, paragraph_spans
from sayso.records import (
    Article,
    ArticleResult,
    AttributionHop,
    Caption,
    Entity,
    Mention,
    OffsetMap,
    OffsetSegment,
    RawSpan,
    Span,
    StanceEvidence,
    Statement,
    from_dict,
    json_schema,
    to_dict,
)

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "src/sayso/records/sayso-1.schema.json"


def _result_for(text: str) -> ArticleResult:
    article = make_article(text, make_source("mem", "text"))
    spans = [Span.of(article.text, p.start, p.end) for p in article.paragraphs]
    mentions = tuple(Mention(s, "PERSON", "name", "test@1") for s in spans)
    statements = tuple(
        Statement(
            id=f"s{i}",
            kind="direct",
            content=(s,),
            extractor="test@1",
            stance=StanceEvidence("neutral"),
            chain=(AttributionHop("outlet", "outlet"), AttributionHop("person", s.text, s)),
        )
        for i, s in enumerate(spans)
    )
    entities = (Entity("e0", "PERSON", "X", "test@1", mentions=mentions),) if mentions else ()
    return ArticleResult(
        article=article, mentions=mentions, entities=entities, statements=statements
    )


@given(st.text(max_size=300))
def test_any_text_round_trips_through_json(text: str) -> None:
    result = _result_for(text)
    encoded = json.loads(json.dumps(to_dict(result)))
    assert from_dict(ArticleResult, encoded) == result


@given(st.text(max_size=300))
def test_paragraph_spans_index_the_text(text: str) -> None:
    for span in paragraph_spans(text):
        assert text[span.start : span.end] == span.text
        assert span.text.strip() == span.text != ""


# Text as the readers pass it on: NUL is replaced at ingestion (see test_fuzz), so it is not
# verbatim in the canonical text.
_INGESTED = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")


@given(
    st.lists(
        st.text(_INGESTED, min_size=1, max_size=40).filter(lambda t: t.strip() == t), max_size=6
    ),
    st.lists(
        st.text(_INGESTED, min_size=1, max_size=30).filter(lambda t: t.strip() == t), max_size=3
    ),
)
def test_captions_are_placed_after_the_body_and_map_back_to_raw(
    body_parts: list[str], caption_texts: list[str]
) -> None:
    raw = "\n\n".join(body_parts + caption_texts)
    body = "\n\n".join(body_parts)
    segments, pos = [], 0
    for part in body_parts:
        segments.append(OffsetSegment(pos, pos, len(part)))
        pos += len(part) + 2
    captions, raw_pos = [], len(body) + (2 if body_parts else 0)
    for text in caption_texts:
        captions.append(Caption(text, RawSpan(raw_pos, raw_pos + len(text)), credit=None))
        raw_pos += len(text) + 2
    article = make_article(
        body,
        make_source("mem", "text"),
        captions=tuple(captions),
        offset_map=OffsetMap(tuple(segments)),
    )
    for caption in article.captions:
        assert caption.span is not None
        assert article.text[caption.span.start : caption.span.end] == caption.text
        raw_at = article.offset_map.to_raw(caption.span.start)
        assert raw_at is not None
        assert raw[raw_at : raw_at + len(caption.text)] == caption.text
    # the map stays monotonic: later canonical offsets never map to earlier raw offsets
    mapped = [article.offset_map.to_raw(i) for i in range(len(article.text))]
    known = [m for m in mapped if m is not None]
    assert known == sorted(known)


def test_span_rejects_text_that_does_not_fit() -> None:
    with pytest.raises(ValueError, match="holds"):
        Span(0, 3, "ab")
    with pytest.raises(ValueError, match="valid range"):
        Span(3, 1, "")


def test_article_id_depends_on_text_only() -> None:
    a = make_article("Same text.", make_source("a.txt", "text"))
    b = make_article("Same text.", make_source("https://x.test/a", "url"))
    assert a.id == b.id == article_id("Same text.")
    assert make_article("Other text.", make_source("a.txt", "text")).id != a.id


def test_from_dict_explains_what_is_wrong() -> None:
    data = to_dict(_result_for("One paragraph."))
    data["statements"][0]["kind"] = "gossip"
    with pytest.raises(RecordError, match="gossip"):
        from_dict(ArticleResult, data)
    data = to_dict(_result_for("One paragraph."))
    data["schema"] = "sayso/0"
    with pytest.raises(RecordError, match="sayso/0"):
        from_dict(ArticleResult, data)


def test_json_says_its_schema_and_offset_unit() -> None:
    data = to_dict(_result_for("Text."))
    assert data["schema"] == "sayso/1"
    assert data["offset_unit"] == "codepoint"


def test_published_schema_file_is_current() -> None:
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()


@given(st.text(max_size=200))
def test_every_result_validates_against_the_schema(text: str) -> None:
    jsonschema.validate(to_dict(_result_for(text)), json_schema())


def test_records_are_frozen_and_slotted() -> None:
    article = make_article("x", make_source("m", "text"))
    with pytest.raises(AttributeError):
        article.text = "y"  # type: ignore[misc]
    assert not hasattr(article, "__dict__")
    assert isinstance(article, Article)


def test_from_dict_names_the_path_to_the_bad_value() -> None:
    data = to_dict(_result_for("One paragraph.\n\nAnother one."))
    data["statements"][1]["content"][0]["start"] = "3"
    with pytest.raises(
        RecordError, match=r"^ArticleResult\.statements\[1\]\.content\[0\]\.start: "
    ):
        from_dict(ArticleResult, data)
    data = to_dict(_result_for("One paragraph."))
    del data["article"]["source"]["kind"]
    with pytest.raises(RecordError, match=r"^ArticleResult\.article\.source: Source needs field"):
        from_dict(ArticleResult, data)
    data = to_dict(_result_for("One paragraph."))
    data["pipeline"] = {"parser": 3}
    with pytest.raises(RecordError, match=r"^ArticleResult\.pipeline\.parser: expected str"):
        from_dict(ArticleResult, data)
    data = to_dict(_result_for("One paragraph."))
    data["mentions"][0]["span"]["text"] = "Two"
    with pytest.raises(RecordError, match=r"^ArticleResult\.mentions\[0\]\.span: .*holds"):
        from_dict(ArticleResult, data)


def _without_span_texts(value: object) -> object:
    """``value`` (``to_dict`` output) with every span's text left out, as a store may keep it."""
    if isinstance(value, dict):
        if value.keys() == {"start", "end", "text"}:
            return {**value, "text": None}
        return {k: _without_span_texts(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_span_texts(v) for v in value]
    return value


@given(st.text(min_size=1, max_size=300))
def test_spans_stored_without_text_take_it_from_the_article_text(text: str) -> None:
    result = _result_for(text)
    data = _without_span_texts(to_dict(result))
    assert isinstance(data, dict)

    assert from_dict(ArticleResult, data, text=result.article.text) == result


def test_a_span_without_text_needs_the_article_text() -> None:
    result = _result_for("One paragraph.")
    data = _without_span_texts(to_dict(result))
    assert isinstance(data, dict)
    with pytest.raises(RecordError, match=r"paragraphs\[0\]\.text: expected str, got None"):
        from_dict(ArticleResult, data)
    with pytest.raises(RecordError, match="holds"):
        from_dict(ArticleResult, data, text="One")


def test_spans_of_other_shapes_are_decoded_or_refused_like_other_records() -> None:
    assert from_dict(Span, {"start": 0, "end": 2, "text": "ab", "note": 1}) == Span(0, 2, "ab")
    assert from_dict(Span, {"start": 1, "end": 3, "text": None}, text="abcd") == Span(1, 3, "bc")
    with pytest.raises(RecordError, match="not a valid range"):
        from_dict(Span, {"start": 3, "end": 1, "text": None}, text="abcdef")
    with pytest.raises(RecordError, match="needs field 'end'"):
        from_dict(Span, {"start": 0, "text": "ab", "note": 1})
    with pytest.raises(RecordError, match=r"\.start: expected int"):
        from_dict(Span, {"start": "0", "end": 2, "text": "ab"})
