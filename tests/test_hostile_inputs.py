"""Inputs that once crashed a reader or ended a run: each is now one documented InputError with a
reason (or an article with a diagnostic), and the inputs after it are still read."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from sayso.errors import (
    CorruptInputError,
    InputError,
    NoArticleError,
    ReaderFailedError,
    TooComplexError,
)
from sayso.ingest import feed, sources
from sayso.ingest.article import REPLACEMENT, make_source
from sayso.ingest.html import read_html
from sayso.ingest.jsonl import MAX_NUMBER_DIGITS, iter_json_document, iter_jsonl
from sayso.ingest.plaintext import read_plain_text
from sayso.ingest.sources import ReadOptions, iter_articles, read_article
from sayso.ingest.warc import iter_warc_stream
from sayso.records import Article

STORY = (
    "The harbour authority said on Tuesday that the northern pier would reopen next month. "
    "Repairs to the sea wall took longer than planned, the authority's director told reporters."
)
PARAGRAPH = f"<p>{STORY}</p>"


def _items(*inputs: str) -> list[Article | InputError]:
    return list(iter_articles(list(inputs), ReadOptions()))


def _good_file(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text(STORY + "\n", encoding="utf-8")
    return path


# -- invalid code points --------------------------------------------------------------------


def test_a_lone_surrogate_in_json_is_replaced_with_a_diagnostic(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"text": STORY + " \ud800 end.", "title": "Pier \udfff"}) + "\n")
    (item,) = iter_jsonl(dump, str(dump))
    assert isinstance(item, Article)
    assert "\ud800" not in item.text
    assert REPLACEMENT in item.text
    assert item.metadata.title == f"Pier {REPLACEMENT}"
    assert item.id.startswith("a_")  # the id hash no longer fails on the surrogate
    notes = [d.message for d in item.diagnostics if d.stage == "ingest"]
    assert any("1 in its text" in n for n in notes)
    assert any("1 in its metadata" in n for n in notes)
    item.text.encode("utf-8")


def test_a_surrogate_reference_in_a_feed_is_read_as_a_replacement_character() -> None:
    body = (PARAGRAPH * 5).replace("Tuesday", "Tuesday &amp;#xD800;")
    data = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Port &#xD800; News</title>'
        f"<item><title>Pier &#55296; reopens</title><link>https://example.org/a</link>"
        f"<description><![CDATA[{body}]]></description></item></channel></rss>"
    ).encode()
    (item,) = feed.iter_feed(data, "feed.xml")
    assert isinstance(item, Article)
    assert item.metadata.title == f"Pier {REPLACEMENT} reopens"
    assert item.metadata.outlet == f"Port {REPLACEMENT} News"
    for value in (item.text, item.metadata.title, item.metadata.outlet):
        value.encode("utf-8")


def test_a_nul_character_never_reaches_an_article() -> None:
    article = read_article(STORY.replace("Tuesday", "Tues\x00day"))
    assert "\x00" not in article.text
    assert article.diagnostics


# -- JSON -----------------------------------------------------------------------------------


@pytest.mark.parametrize("digits", [MAX_NUMBER_DIGITS + 1, 4_301, 100_000])
def test_a_json_number_with_too_many_digits_is_too_complex(digits: int) -> None:
    line = b'{"text": "x", "n": ' + b"7" * digits + b"}"
    (error,) = iter_jsonl([line], "dump.jsonl")
    assert isinstance(error, TooComplexError)
    assert error.location == "dump.jsonl:1"
    assert f"{digits:,} digits" in error.reason
    (error,) = iter_json_document(b"[" + line + b"]", "doc.json")
    assert isinstance(error, TooComplexError)


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_json_nested_too_deeply_is_too_complex_in_every_way_it_is_read(
    tmp_path: Path, depth: int
) -> None:
    deep = b"[" * depth + b"]" * depth
    lines = tmp_path / "deep.jsonl"
    lines.write_bytes(b'{"text": ' + deep + b"}\n" + json.dumps({"text": STORY}).encode() + b"\n")
    document = tmp_path / "deep.json"
    document.write_bytes(deep)
    unnamed = tmp_path / "deep.data"
    unnamed.write_bytes(b'{"text": ' + deep + b"}")
    too_deep, article = _items(str(lines))
    assert isinstance(too_deep, TooComplexError)
    assert "nested too deeply" in too_deep.reason
    assert isinstance(article, Article)
    (error,) = _items(str(document))
    assert isinstance(error, TooComplexError)
    (error,) = _items(str(unnamed))  # sniffed: still JSON, not plain text
    assert isinstance(error, TooComplexError)
    with pytest.raises(TooComplexError):
        read_article(b'{"text": ' + deep + b"}")


# -- file names -----------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
def test_a_file_name_that_is_not_utf8_is_read_and_named_with_escapes(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    raw_name = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(raw_name, "wb") as stream:
        stream.write(STORY.encode())
    with open(os.fsencode(folder) + b"/empty\xff.txt", "wb"):
        pass
    article, empty = _items(str(folder))
    assert isinstance(article, Article)
    assert article.source.location.endswith("caf\\xe9.txt")
    assert isinstance(empty, InputError)
    assert empty.location.endswith("empty\\xff.txt")
    f"{empty}".encode()


def test_a_file_name_with_a_newline_stays_on_one_line(tmp_path: Path) -> None:
    """Found by the fuzz suite: the name went into the one-line error as it was."""
    (tmp_path / "bad\nname.json").write_text('{"text": ')
    (error,) = _items(str(tmp_path))
    assert isinstance(error, InputError)
    assert "\n" not in str(error)
    assert error.location.endswith("bad\\x0aname.json")


# -- WARC -----------------------------------------------------------------------------------


def _warc(*records: tuple[str | None, bytes]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for uri, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri or "https://example.org/x",
            "response",
            payload=io.BytesIO(body),
            length=len(body),  # known length: warcio needs no temporary file
            http_headers=http,
        )
        if uri is None:
            record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
    return out.getvalue()


def test_a_warc_response_without_a_target_uri_is_skipped_with_a_reason() -> None:
    page = f"<html><body><article>{PARAGRAPH * 3}</article></body></html>".encode()
    data = _warc((None, page), ("https://example.org/pier", page))
    missing, article = iter_warc_stream(io.BytesIO(data), "crawl.warc", max_bytes=10**7)
    assert isinstance(missing, CorruptInputError)
    assert "without WARC-Target-URI" in missing.reason
    assert isinstance(article, Article)
    assert article.metadata.url == "https://example.org/pier"


def test_warcio_warnings_become_one_log_line(caplog: pytest.LogCaptureFixture) -> None:
    page = f"<html><body><article>{PARAGRAPH * 3}</article></body></html>".encode()
    data = _warc(("https://example.org/a", page))
    garbled = data.rstrip(b"\r\n") + b"X\r\n\r\n" + _warc(("https://example.org/b", page))
    items = list(iter_warc_stream(io.BytesIO(garbled), "crawl.warc", max_bytes=10**7))
    assert items
    warnings = [r.getMessage() for r in caplog.records if r.name == "sayso.ingest.warc"]
    assert warnings, "warcio's warning was not routed through the logger"
    assert all("\n" not in message for message in warnings)


# -- no article text ------------------------------------------------------------------------


def test_text_judged_all_page_junk_is_no_article_not_an_empty_one() -> None:
    junk = "Share on Facebook\nShare on Twitter\nSubscribe to our newsletter\nAll rights reserved"
    with pytest.raises(NoArticleError, match="every one of its 4 line"):
        read_plain_text(junk, make_source("junk.txt", "text"))
    first, second = _items_from_texts(junk, junk + "\nSign up")
    assert isinstance(first, NoArticleError)
    assert isinstance(second, NoArticleError)


def _items_from_texts(*texts: str) -> list[Article | InputError]:
    out: list[Article | InputError] = []
    for text in texts:
        try:
            out.append(read_article(text))
        except InputError as exc:
            out.append(exc)
    return out


# -- HTML bounds ----------------------------------------------------------------------------


def test_html_nested_past_the_parser_depth_says_so() -> None:
    page = "<html><body>" + "<div>" * 100_000 + PARAGRAPH * 3 + "</div>" * 100_000
    with pytest.raises(TooComplexError, match="deeper than 255 levels"):
        read_html(page, make_source("deep.html", "html"))


def test_html_with_a_tag_over_the_parser_limit_says_so() -> None:
    page = '<html><body><article data-x="' + "a" * 10_500_000 + '">' + PARAGRAPH * 3
    with pytest.raises(TooComplexError, match="10,000,000 for an attribute"):
        read_html(page, make_source("big.html", "html"))


def test_a_page_with_no_story_is_still_no_article() -> None:
    with pytest.raises(NoArticleError):
        read_html("<html><body><nav>Home</nav></body></html>", make_source("x", "html"))


# -- feed bounds ----------------------------------------------------------------------------


def test_a_feed_over_the_entry_limit_says_how_many_were_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(feed, "MAX_ENTRIES", 3)
    entries = "".join(f"<item><title>Story {i}</title></item>" for i in range(5))
    data = f'<rss version="2.0"><channel><title>T</title>{entries}</channel></rss>'.encode()
    items = list(feed.iter_feed(data, "feed.rss"))
    assert len(items) == 4
    assert isinstance(items[-1], TooComplexError)
    assert "5 entries" in items[-1].reason
    assert "last 2" in items[-1].reason


# -- a reader bug ends its input, not the run ----------------------------------------------


def test_a_reader_that_breaks_costs_only_its_own_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.rss"
    bad.write_text("<rss></rss>")
    good = _good_file(tmp_path)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(sources, "iter_feed", broken)
    failed, article = _items(str(bad), str(good))
    assert isinstance(failed, ReaderFailedError)
    assert "KeyError" in failed.reason
    assert "report" in failed.reason
    assert isinstance(article, Article)
    with pytest.raises(ReaderFailedError):
        read_article(bad)


def test_every_bad_input_is_one_error_and_the_good_ones_are_all_read(tmp_path: Path) -> None:
    for n in range(3):
        _good_file(tmp_path, f"good{n}.txt").write_text(f"{STORY} Story {n}.", encoding="utf-8")
    (tmp_path / "z-deep.json").write_bytes(b"[" * 5000 + b"]" * 5000)
    (tmp_path / "z-number.jsonl").write_bytes(b'{"text": 1' + b"0" * 5000 + b"}\n")
    (tmp_path / "z-surrogate.jsonl").write_text(json.dumps({"text": "\ud800 " + STORY}) + "\n")
    items = _items(str(tmp_path))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(articles) == 4  # three stories and the one with a replaced surrogate
    assert [type(e) for e in errors] == [TooComplexError, TooComplexError]
    assert all("\n" not in str(e) for e in errors)
