"""WARC files written with warcio's WARCWriter: plain, gzipped, truncated and damaged."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from sayso.errors import CorruptInputError, NoArticleError, TooLargeError
from sayso.ingest.warc import iter_warc, iter_warc_stream
from sayso.records import Article

pytest.importorskip("sayso.ingest.html")

STORIES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "ingest" / "stories.json").read_text("utf-8")
)["stories"]
CRAWLED = "2024-08-01T06:30:00Z"


def _page(story: dict[str, Any], *, dated: bool) -> bytes:
    date = (
        f'<meta property="article:published_time" content="{story["published"]}">' if dated else ""
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in story["paragraphs"])
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{story['title']}</title>{date}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{story['title']}</h1><p class='byline'>By {story['author']}</p>"
        f"{paragraphs}</article>"
        "<footer>Example Media. All rights reserved.</footer></body></html>"
    ).encode()


def _write_warc(path: Path, *, gzip: bool) -> list[str]:
    """Write a CC-NEWS-like WARC; the URLs of its article pages, in order."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html") -> Any:
        headers = StatusAndHeaders(
            status, [("Content-Type", f"{ctype}; charset=utf-8")], protocol="HTTP/1.1"
        )
        return writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),  # known length: warcio needs no temporary file
            http_headers=headers,
            warc_headers_dict={"WARC-Date": CRAWLED},
        )

    urls = [f"https://news.example/{story['slug']}" for story in STORIES]
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for index, (story, url) in enumerate(zip(STORIES, urls, strict=True)):
            writer.write_record(response(url, _page(story, dated=index != 1)))
            if index == 0:
                request = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
                writer.write_record(
                    writer.create_warc_record(
                        url, "request", payload=io.BytesIO(b""), length=0, http_headers=request
                    )
                )
                writer.write_record(response(f"{url}.png", b"\x89PNG...", ctype="image/png"))
                writer.write_record(response(f"{url}/old", b"", status="301 Moved Permanently"))
        writer.write_record(response("https://news.example/empty", b"<html><body></body></html>"))
    return urls


@pytest.fixture(params=[False, True], ids=["warc", "warc.gz"])
def warc(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, list[str]]:
    gzip = bool(request.param)
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    return path, _write_warc(path, gzip=gzip)


class _Skips(Counter[str]):
    """A SkipReporter that counts reasons."""

    def update_one(self, reason: str) -> None:
        self[reason] += 1


def test_reads_every_article_and_counts_skipped_records(warc: tuple[Path, list[str]]) -> None:
    path, urls = warc
    skipped = _Skips()
    items = list(iter_warc(path, max_bytes=1_000_000, on_skip=skipped.update_one))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.metadata.url for a in articles] == urls
    assert "Quay Street" in articles[0].text
    assert all(a.source.kind == "warc" and a.source.location == str(path) for a in articles)
    assert all((a.source.record or "").startswith("<urn:uuid:") for a in articles)
    assert len({a.source.record for a in articles}) == 3
    assert skipped == {
        "warc warcinfo record": 1,
        "warc request record": 1,
        "warc record that is not HTML": 1,
        "warc response with HTTP status 301": 1,
    }
    (empty,) = [i for i in items if not isinstance(i, Article)]
    assert isinstance(empty, NoArticleError)
    assert "https://news.example/empty" in empty.location


def test_crawl_date_stands_in_for_a_missing_page_date(warc: tuple[Path, list[str]]) -> None:
    path, _ = warc
    articles = [i for i in iter_warc(path, max_bytes=1_000_000) if isinstance(i, Article)]
    undated = articles[1].metadata
    assert undated.published is not None
    assert undated.published.source == "warc-date"
    assert undated.published.value == CRAWLED
    assert undated.published.latest == CRAWLED
    assert undated.field_sources["published"] == "warc-date"
    dated = articles[0].metadata
    assert dated.published is not None
    assert dated.published.source != "warc-date"
    assert dated.published.value.startswith("2023-09-14")
    assert dated.published.latest == CRAWLED


def test_truncated_warc_yields_what_it_read_then_one_corrupt_error(
    warc: tuple[Path, list[str]],
) -> None:
    path, urls = warc
    data = path.read_bytes()
    marker = urls[2].encode() if not path.name.endswith(".gz") else None
    cut = data.index(marker) + 200 if marker else len(data) * 3 // 4
    path.write_bytes(data[:cut])
    items = list(iter_warc(path, max_bytes=1_000_000))
    *readable, last = items
    assert isinstance(last, CorruptInputError)
    assert "damaged after" in last.reason
    assert "record(s)" in last.reason
    assert [i.metadata.url for i in readable if isinstance(i, Article)] == urls[:2]
    assert not any(isinstance(i, CorruptInputError) for i in readable)


def test_garbage_is_corrupt_with_no_records_read(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a web archive\n" * 20)
    (item,) = list(iter_warc(path, max_bytes=1_000_000))
    assert isinstance(item, CorruptInputError)
    assert "after 0 complete record(s)" in item.reason


def test_record_over_the_limit_is_too_large(warc: tuple[Path, list[str]]) -> None:
    path, _ = warc
    items = list(iter_warc(path, max_bytes=500))
    assert sum(isinstance(i, TooLargeError) for i in items) == 3
    assert not any(isinstance(i, Article) for i in items)


def test_stream_reader_accepts_an_in_memory_gzip(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    urls = _write_warc(path, gzip=True)
    stream = io.BytesIO(path.read_bytes())
    items = list(iter_warc_stream(stream, "<stdin>", max_bytes=1_000_000))
    assert [i.metadata.url for i in items if isinstance(i, Article)] == urls
