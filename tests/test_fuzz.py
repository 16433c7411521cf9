"""Fuzzing every reader entry point and the pipeline: whatever the bytes, the only exceptions
are documented InputErrors, and every article that comes out keeps the record's invariants.

CI runs a fixed budget of examples per test with a fixed seed (a couple of minutes in all);
``scripts/fuzz`` runs the same tests with many more random examples before a release
(``SAYSO_FUZZ_EXAMPLES``; figures in docs/robustness.md). Generators are shaped like each
format (JSON values with surrogates, huge integers and deep nesting; HTML with deep tags and
long attributes; feeds with character references; WARC records with odd headers), mixed with
raw bytes, so that the examples reach past each format's first check.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sayso.errors import InputError, printable
from sayso.ingest.article import article_id, make_source
from sayso.ingest.decode import decode_bytes
from sayso.ingest.feed import iter_feed
from sayso.ingest.html import read_html
from sayso.ingest.jsonl import iter_json_document, iter_jsonl
from sayso.ingest.plaintext import read_plain_text
from sayso.ingest.sources import ReadOptions, iter_articles, read_article, sniff_kind
from sayso.ingest.warc import iter_warc_stream
from sayso.records import Article, to_dict

if TYPE_CHECKING:
    from sayso.pipeline import Pipeline

RELEASE = int(os.environ.get("SAYSO_FUZZ_EXAMPLES", "0"))
"""Examples per reader test in a release run (``scripts/fuzz``); 0 in CI."""


def budget(ci: int, *, share: float = 1.0) -> Any:
    """Settings for one fuzz test: ``ci`` examples with a fixed seed in CI, or the release
    run's count (times ``share``, for costly targets) with random ones."""
    examples = max(1, int(RELEASE * share)) if RELEASE else ci
    return settings(
        max_examples=examples,
        derandomize=not RELEASE,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- generators -------------------------------------------------------------------------------

ANY_TEXT = st.text(st.characters(codec=None, blacklist_categories=()), max_size=300)
"""Any code points, lone surrogates and NUL included."""
WORDS = st.sampled_from(
    [
        "The", "minister", "said", "on", "Tuesday", "that", "the", "plan", "would", "fail",
        "\u201c", "\u201d", '"', "Share", "Subscribe", "Reuters", "AP", "(", ")", ".", ",",
        "\n", "\n\n", "\u00e9", "\ud800", "\x00", "&#xD800;", "&amp;", "<b>", "</p>", "UN",
        "Acme Corp", "Dana Keller", "12", "percent", "\u200b", "\ufeff", "\r\n", "\t",
    ]
)  # fmt: skip
PROSE = st.lists(WORDS, max_size=120).map(" ".join)


def _json_values() -> st.SearchStrategy[Any]:
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        ANY_TEXT,
        PROSE,
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(
                st.sampled_from(["text", "html", "title", "url", "published", "authors", "x"]),
                inner,
                max_size=5,
            ),
        ),
        max_leaves=20,
    )


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=True).encode()


HOSTILE_JSON = st.one_of(
    st.integers(1, 3000).map(lambda depth: b"[" * depth + b"]" * depth),
    st.integers(900, 6000).map(lambda digits: b'{"text": "x", "n": ' + b"9" * digits + b"}"),
    st.just(b'{"text": "\\ud800 story \\udfff"}'),
)
JSON_DOCUMENTS = st.one_of(_json_values().map(_json_bytes), HOSTILE_JSON, st.binary(max_size=200))

TAGS = st.sampled_from(["p", "div", "article", "figure", "figcaption", "h1", "title", "script"])


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    parts = ["<!doctype html><html><head><title>", draw(PROSE), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(TAGS)
        depth = draw(st.sampled_from([1, 1, 2, 300]))
        attribute = draw(st.sampled_from(["", ' class="credit"', ' data-x="' + "a" * 2000 + '"']))
        parts.append(f"<{tag}{attribute}>" * depth + draw(PROSE) + f"</{tag}>" * depth)
    return "".join(parts) + "</body></html>"


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    items = []
    for _ in range(draw(st.integers(0, 4))):
        body = draw(PROSE) * draw(st.sampled_from([1, 8]))
        link = draw(st.sampled_from(["", "<link>https://example.org/a</link>", "<link>x</link>"]))
        items.append(
            f"<item><title>{draw(PROSE)}</title>{link}"
            f"<description><![CDATA[<p>{body}</p>]]></description>"
            f"<pubDate>{draw(st.sampled_from(['', 'Tue, 05 Mar 2024 10:00:00 GMT', 'x']))}"
            "</pubDate></item>"
        )
    root = draw(st.sampled_from(['<rss version="2.0"><channel>', "<feed><channel>"]))
    text = f'<?xml version="1.0"?>{root}<title>{draw(PROSE)}</title>{"".join(items)}'
    if draw(st.booleans()):
        text += "</channel></rss>"
    return text.encode("utf-8", "surrogatepass")


@st.composite
def warc_files(draw: st.DrawFn) -> bytes:
    out = io.BytesIO()
    for _ in range(draw(st.integers(0, 3))):
        page = ("<html><body><article><p>" + draw(PROSE) + "</p></article></body></html>").encode(
            "utf-8", "surrogatepass"
        )
        status = draw(st.sampled_from(["200 OK", "404 Not Found", "", "200"]))
        http = f"HTTP/1.1 {status}\r\nContent-Type: text/html\r\n\r\n".encode() + page
        headers = {
            "WARC-Type": draw(st.sampled_from(["response", "resource", "request", "metadata"])),
            "WARC-Record-ID": "<urn:uuid:12345678-1234-1234-1234-123456789abc>",
            "WARC-Date": draw(st.sampled_from(["2024-03-05T10:00:00Z", "yesterday", ""])),
            "Content-Type": "application/http; msgtype=response",
        }
        if draw(st.booleans()):
            headers["WARC-Target-URI"] = draw(st.sampled_from(["https://example.org/a", "x y"]))
        length = len(http) + draw(st.sampled_from([0, 0, -5, 7]))
        if draw(st.integers(0, 4)):
            headers["Content-Length"] = str(length)
        head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        out.write(head.encode() + http + b"\r\n\r\n")
    data = out.getvalue()
    cut = draw(st.sampled_from([None, None, len(data) // 2]))
    data = data if cut is None else data[:cut]
    return gzip.compress(data) if draw(st.booleans()) else data


ANY_INPUT = st.one_of(
    st.binary(max_size=400),
    PROSE.map(lambda t: t.encode("utf-8", "surrogatepass")),
    html_pages().map(lambda t: t.encode("utf-8", "surrogatepass")),
    feeds(),
    warc_files(),
    JSON_DOCUMENTS,
)


# -- invariants -------------------------------------------------------------------------------


def assert_sound(item: Article | InputError) -> None:
    """An item a reader may yield: a documented error with a one-line reason, or an article
    that keeps every invariant of the record."""
    if isinstance(item, InputError):
        assert "\n" not in str(item)
        str(item).encode("utf-8")
        return
    assert isinstance(item, Article)
    assert item.text.strip(), "an article without text"
    item.text.encode("utf-8")
    assert "\x00" not in item.text
    assert item.id == article_id(item.text)
    for paragraph in item.paragraphs:
        assert item.text[paragraph.start : paragraph.end] == paragraph.text
    json.dumps(to_dict(item), ensure_ascii=False).encode("utf-8")


def drain(items: Any) -> None:
    for item in items:
        assert_sound(item)


def documented(call: Any, *args: Any, **kwargs: Any) -> Any:
    """``call``'s result, or None when it raised a documented InputError."""
    try:
        return call(*args, **kwargs)
    except InputError as exc:
        assert_sound(exc)
        return None


# -- readers ----------------------------------------------------------------------------------


@budget(300)
@given(ANY_INPUT)
def test_sniffing_any_bytes_names_a_kind(data: bytes) -> None:
    assert sniff_kind(data) in {"gzip", "text", "html", "warc", "feed", "xml", "jsonl", "json"}


@budget(150)
@given(st.one_of(st.binary(max_size=400), ANY_INPUT))
def test_decoding_any_bytes(data: bytes) -> None:
    text = documented(decode_bytes, data, "fuzz")
    if text is not None:
        assert "\r" not in text


@budget(150)
@given(st.one_of(ANY_TEXT, PROSE, st.lists(PROSE, max_size=30).map("\n".join)))
def test_plain_text_reader(text: str) -> None:
    article = documented(read_plain_text, text, make_source("fuzz.txt", "text"))
    if article is not None:
        assert_sound(article)


@budget(60)
@given(st.one_of(html_pages(), ANY_TEXT))
def test_html_reader(page: str) -> None:
    article = documented(read_html, page, make_source("fuzz.html", "html"))
    if article is not None:
        assert_sound(article)


@budget(80)
@given(feeds())
def test_feed_reader(data: bytes) -> None:
    drain(iter_feed(data, "fuzz.rss"))


@budget(150)
@given(st.lists(JSON_DOCUMENTS, max_size=5))
def test_jsonl_reader(lines: list[bytes]) -> None:
    drain(iter_jsonl([line.replace(b"\n", b" ") + b"\n" for line in lines], "fuzz.jsonl"))


@budget(150)
@given(JSON_DOCUMENTS)
def test_json_document_reader(data: bytes) -> None:
    drain(iter_json_document(data, "fuzz.json"))


@budget(80)
@given(warc_files())
def test_warc_reader(data: bytes) -> None:
    drain(iter_warc_stream(io.BytesIO(data), "fuzz.warc", max_bytes=100_000))


@budget(120)
@given(ANY_INPUT)
def test_read_article_from_bytes(data: bytes) -> None:
    article = documented(read_article, data, ReadOptions(max_bytes=200_000))
    if article is not None:
        assert_sound(article)


@budget(120)
@given(st.one_of(ANY_TEXT, PROSE, html_pages()))
def test_read_article_from_text(text: str) -> None:
    article = documented(read_article, text, ReadOptions(max_bytes=200_000))
    if article is not None:
        assert_sound(article)


@budget(60)
@given(
    st.lists(
        st.tuples(
            st.binary(min_size=1, max_size=12).filter(lambda n: b"/" not in n and b"\0" not in n),
            st.sampled_from(["", ".txt", ".html", ".json", ".jsonl", ".rss", ".warc", ".gz"]),
            ANY_INPUT,
        ),
        max_size=4,
    )
)
def test_reading_a_folder_of_anything(
    tmp_path_factory: pytest.TempPathFactory, files: list[tuple[bytes, str, bytes]]
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    for n, (name, extension, data) in enumerate(files):
        path = os.fsencode(folder) + b"/" + str(n).encode() + name + extension.encode()
        with open(path, "wb") as stream:
            stream.write(data)
    items = list(iter_articles([str(folder), str(folder / "missing.txt")], ReadOptions()))
    assert items, "every input shows in the output"
    for item in items:
        assert_sound(item)
        if isinstance(item, Article):
            assert item.source.location == printable(item.source.location)


# -- the pipeline -----------------------------------------------------------------------------


@pytest.mark.slow
@budget(25, share=0.02)
@given(st.lists(st.one_of(PROSE, ANY_TEXT), min_size=1, max_size=12).map("\n\n".join))
def test_the_pipeline_on_any_text(pipeline: Pipeline, text: str) -> None:
    if not text.strip():
        return
    article = make_article_or_none(text)
    if article is None:
        return
    (result,) = pipeline.analyze_articles([article])
    assert result.article.id == article.id
    assert not [d for d in result.diagnostics if "failed" in d.message], result.diagnostics
    payload = json.dumps(to_dict(result), ensure_ascii=False)
    payload.encode("utf-8")


def make_article_or_none(text: str) -> Article | None:
    from sayso.ingest.article import make_article

    article = make_article(text, make_source("fuzz", "text"))
    return article if article.text.strip() else None
