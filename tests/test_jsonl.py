"""JSON Lines and JSON documents: one article per object, bad lines reported by file:line."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from sayso.errors import CorruptInputError, InputError, TooLargeError
from sayso.ingest.jsonl import iso_date, iter_json_document, iter_jsonl
from sayso.records import Article

STORIES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "ingest" / "stories.json").read_text("utf-8")
)["stories"]


def _text(story: dict[str, Any]) -> str:
    return "\n\n".join(story["paragraphs"])


def _html(story: dict[str, Any]) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in story["paragraphs"])
    return (
        f"<html><head><title>{story['title']}</title></head><body>"
        f"<article><h1>{story['title']}</h1>{paragraphs}</article></body></html>"
    )


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_one_article_per_line_and_reports_bad_lines(tmp_path: Path) -> None:
    bridge, fire, _ = STORIES
    path = _write_lines(
        tmp_path / "news.jsonl",
        [
            json.dumps(
                {
                    "text": _text(bridge),
                    "url": "https://bay.example/bridge",
                    "title": bridge["title"],
                    "published": "2023-09-14",
                    "outlet": "Marlow Bay Gazette",
                    "authors": ["Ellen Voss", "Sam Ode"],
                }
            ),
            "",
            "{not json at all",
            json.dumps({"title": "no body here"}),
            json.dumps(["a", "list"]),
            json.dumps({"content": _text(fire), "date": "Sat, 03 Feb 2024 09:30:00 +0000"}),
        ],
    )
    items = list(iter_jsonl(path, str(path)))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "CorruptInputError",
        "CorruptInputError",
        "CorruptInputError",
        "Article",
    ]
    first, bad_json, no_body, not_object, second = items
    assert isinstance(first, Article)
    assert isinstance(second, Article)
    assert "Mayor Tobias Rennick" in first.text
    assert first.source.kind == "jsonl"
    assert first.source.record == "1"
    assert second.source.record == "6"
    meta = first.metadata
    assert meta.url == "https://bay.example/bridge"
    assert meta.title == bridge["title"]
    assert meta.outlet == "Marlow Bay Gazette"
    assert meta.byline == "Ellen Voss, Sam Ode"
    assert meta.published is not None
    assert (meta.published.value, meta.published.source) == ("2023-09-14", "jsonl")
    for name in ("url", "title", "outlet", "byline", "published"):
        assert meta.field_sources[name] == "jsonl"
    assert second.metadata.published is not None
    assert second.metadata.published.value == "2024-02-03T09:30:00+00:00"
    assert isinstance(bad_json, CorruptInputError)
    assert bad_json.location == f"{path}:3"
    assert "not valid JSON" in bad_json.reason
    assert isinstance(no_body, CorruptInputError)
    assert no_body.location == f"{path}:4"
    assert "no article body" in no_body.reason
    assert isinstance(not_object, CorruptInputError)
    assert "expected a JSON object" in not_object.reason


def test_a_line_in_bad_utf8_is_corrupt_and_reading_goes_on(tmp_path: Path) -> None:
    good = json.dumps({"text": _text(STORIES[2])}).encode()
    stream = io.BytesIO(b'{"text": "caf\xe9 \xff"}\n' + good + b"\n")
    items = list(iter_jsonl(stream, "feed.jsonl"))
    assert isinstance(items[0], CorruptInputError)
    assert items[0].location == "feed.jsonl:1"
    assert isinstance(items[1], Article)
    assert "Felix Hartmann" in items[1].text


def test_line_over_the_limit_is_too_large() -> None:
    line = json.dumps({"text": _text(STORIES[0])}).encode()
    items = list(iter_jsonl(io.BytesIO(line + b"\n"), "big.jsonl", max_bytes=100))
    assert len(items) == 1
    assert isinstance(items[0], TooLargeError)
    assert items[0].location == "big.jsonl:1"


def test_html_field_is_read_as_a_page() -> None:
    pytest.importorskip("sayso.ingest.html")
    story = STORIES[1]
    line = json.dumps({"html": _html(story), "link": "https://corran.example/fire"})
    (item,) = list(iter_jsonl(io.BytesIO(line.encode()), "pages.jsonl"))
    assert isinstance(item, Article), item
    assert "human chain" in item.text
    assert item.metadata.url == "https://corran.example/fire"
    assert item.metadata.field_sources["url"] == "jsonl"


def test_text_wins_over_html_when_both_are_given() -> None:
    story = STORIES[0]
    line = json.dumps({"text": _text(story), "html": "<p>unrelated page</p>"})
    (item,) = list(iter_jsonl(io.BytesIO(line.encode()), "both.jsonl"))
    assert isinstance(item, Article)
    assert "Quay Street" in item.text
    assert "unrelated" not in item.text


def test_json_document_with_an_array_and_with_one_object() -> None:
    array = json.dumps([{"text": _text(s), "source": {"name": "Wire"}} for s in STORIES[:2]])
    items = list(iter_json_document(array.encode(), "batch.json"))
    assert [i.source.record for i in items if isinstance(i, Article)] == ["0", "1"]
    assert all(isinstance(i, Article) and i.metadata.outlet == "Wire" for i in items)
    (single,) = list(iter_json_document(json.dumps({"body": _text(STORIES[2])}).encode(), "a.json"))
    assert isinstance(single, Article)
    assert single.source.record is None


@pytest.mark.parametrize("data", [b"[]", b"{broken", b'"just a string"'])
def test_json_document_without_articles_is_an_error(data: bytes) -> None:
    items = list(iter_json_document(data, "x.json"))
    assert len(items) == 1
    assert isinstance(items[0], InputError)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:00:00Z", "2024-03-05T10:00:00+00:00"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00+00:00"),
        (1709632800, "2024-03-05T10:00:00+00:00"),
        ("last Tuesday", None),
        (True, None),
        ("", None),
    ],
)
def test_iso_date(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected
