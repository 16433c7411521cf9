"""The input dispatcher: files, folders, globs, stdin, URLs, sniffing, limits and accounting."""

from __future__ import annotations

import gzip
import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from sayso.errors import (
    BinaryInputError,
    CorruptInputError,
    EmptyInputError,
    FetchError,
    InputError,
    NoArticleError,
    TooLargeError,
)
from sayso.ingest.sources import (
    ReadOptions,
    SourceSummary,
    iter_articles,
    kind_from_name,
    read_article,
    sniff_kind,
)
from sayso.records import Article

pytest.importorskip("sayso.ingest.html")

STORIES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "ingest" / "stories.json").read_text("utf-8")
)["stories"]
BRIDGE, FIRE, FESTIVAL = STORIES


def _text(story: dict[str, Any]) -> str:
    return "\n\n".join([story["title"], *story["paragraphs"]])


def _html(story: dict[str, Any]) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in story["paragraphs"])
    return (
        f"<!DOCTYPE html><html><head><title>{story['title']}</title></head><body>"
        f"<article><h1>{story['title']}</h1>{paragraphs}</article></body></html>"
    )


def _link_only_feed(url: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>{escape(FIRE["title"])}</title><link>{url}</link>
    <pubDate>Sat, 03 Feb 2024 09:30:00 +0000</pubDate>
    <description>Teaser only.</description></item></channel></rss>"""


def _articles(items: list[Article | InputError]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _read(*inputs: str, **options: Any) -> list[Article | InputError]:
    return list(iter_articles(list(inputs), ReadOptions(**options)))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a-bridge.txt").write_text(_text(BRIDGE), "utf-8")
    (root / "sub" / "b-fire.html").write_text(_html(FIRE), "utf-8")
    line = json.dumps({"text": "\n\n".join(FESTIVAL["paragraphs"]), "url": "https://x.example/f"})
    (root / "sub" / "deeper" / "c-festival.jsonl").write_text(line + "\n", "utf-8")
    (root / "sub" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (root / ".hidden" / "secret.txt").write_text(_text(BRIDGE), "utf-8")
    return root


def test_folder_is_read_recursively_by_extension(tree: Path) -> None:
    summary = SourceSummary()
    items = list(iter_articles([str(tree)], ReadOptions(), summary=summary))
    assert all(isinstance(i, Article) for i in items), items
    bridge, fire, festival = _articles(items)
    assert bridge.source.location == str(tree / "a-bridge.txt")
    assert bridge.source.kind == "text"
    assert bridge.metadata.title == BRIDGE["title"]
    assert fire.source.kind == "html"
    assert "human chain" in fire.text
    assert festival.source.kind == "jsonl"
    assert festival.metadata.url == "https://x.example/f"
    assert summary.articles == 3
    assert summary.errors == 0
    assert summary.skipped == {"file with an unknown extension in a folder": 1}


def test_glob_pattern_matches_files(tree: Path) -> None:
    items = _read(str(tree / "**" / "*.html"))
    assert [a.source.location for a in _articles(items)] == [str(tree / "sub" / "b-fire.html")]
    (missing,) = _read(str(tree / "*.nothing"))
    assert isinstance(missing, InputError)
    assert "nothing matches" in missing.reason


def test_every_bad_input_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "broken.html.gz").write_bytes(gzip.compress(_html(FIRE).encode())[:-30])
    (tmp_path / "good.txt").write_text(_text(BRIDGE), "utf-8")
    names = ["empty.txt", "missing.txt", "blank.html", "binary.txt", "broken.html.gz", "good.txt"]
    items = _read(*(str(tmp_path / n) for n in names))
    assert [type(i) for i in items] == [
        EmptyInputError,
        InputError,
        EmptyInputError,
        BinaryInputError,
        CorruptInputError,
        Article,
    ]
    missing = items[1]
    assert isinstance(missing, InputError)
    assert "no such file" in missing.reason
    assert missing.location == str(tmp_path / "missing.txt")


def test_file_over_the_limit_is_too_large_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(_text(BRIDGE), "utf-8")
    (item,) = _read(str(path), max_bytes=1000)
    assert isinstance(item, TooLargeError)
    zipped = tmp_path / "long.txt.gz"
    zipped.write_bytes(gzip.compress(_text(BRIDGE).encode()))
    assert zipped.stat().st_size < 1000
    (item,) = _read(str(zipped), max_bytes=1000)
    assert isinstance(item, TooLargeError)
    assert "decompressed" in item.reason


def test_gzipped_and_extensionless_files_are_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(_html(FIRE).encode()))
    (tmp_path / "story").write_text(_html(FESTIVAL), "utf-8")
    (tmp_path / "notes").write_text(_text(BRIDGE), "utf-8")
    (tmp_path / "mystery.gz").write_bytes(gzip.compress(_text(FIRE).encode()))
    items = _read(*(str(tmp_path / n) for n in ["page.html.gz", "story", "notes", "mystery.gz"]))
    fire, festival, bridge, fire_text = items
    assert isinstance(fire, Article)
    assert fire.source.kind == "html"
    assert isinstance(festival, Article)
    assert festival.source.kind == "html"
    assert "floating stage" in festival.text
    assert isinstance(bridge, Article)
    assert bridge.source.kind == "text"
    assert isinstance(fire_text, Article)
    assert "human chain" in fire_text.text


def test_xml_that_is_not_a_feed_has_no_article(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text('<?xml version="1.0"?><inventory><item>bolts</item></inventory>', "utf-8")
    (item,) = _read(str(path))
    assert isinstance(item, NoArticleError)


def test_empty_jsonl_file_is_still_accounted_for(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n", "utf-8")
    (item,) = _read(str(path))
    assert isinstance(item, NoArticleError)


@pytest.mark.parametrize(
    ("data", "kind", "story"),
    [
        (_text(BRIDGE).encode(), "stdin", BRIDGE),
        (_html(FIRE).encode(), "stdin", FIRE),
        (json.dumps({"text": "\n\n".join(FESTIVAL["paragraphs"])}).encode(), "jsonl", FESTIVAL),
        (gzip.compress(_html(FIRE).encode()), "stdin", FIRE),
    ],
    ids=["text", "html", "jsonl", "gzip"],
)
def test_stdin_is_sniffed(data: bytes, kind: str, story: dict[str, Any]) -> None:
    (item,) = list(iter_articles(["-"], ReadOptions(), stdin=io.BytesIO(data)))
    assert isinstance(item, Article), item
    assert item.source.kind == kind
    assert story["paragraphs"][1][:40] in item.text


def test_stdin_over_the_limit_and_empty_stdin() -> None:
    stream = io.BytesIO(_text(BRIDGE).encode())
    (big,) = list(iter_articles(["-"], ReadOptions(max_bytes=100), stdin=stream))
    assert isinstance(big, TooLargeError)
    (empty,) = list(iter_articles(["-"], ReadOptions(), stdin=io.BytesIO(b"")))
    assert isinstance(empty, EmptyInputError)


def test_url_without_fetch_asks_for_it(tmp_path: Path) -> None:
    (item,) = _read("https://news.example/story")
    assert isinstance(item, FetchError)
    assert "--fetch" in item.reason
    urls = tmp_path / "reading.urls"
    urls.write_text("# to read\nhttps://a.example/1\n\nnot a url\nhttps://a.example/2\n", "utf-8")
    items = _read(str(urls))
    assert [type(i) for i in items] == [FetchError, InputError, FetchError]
    not_url = items[1]
    assert isinstance(not_url, InputError)
    assert not_url.location == f"{urls}:4"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        host = f"http://{self.headers['Host']}"
        pages = {
            "/fire": _html(FIRE).encode(),
            "/feed": _link_only_feed(f"{host}/fire").encode(),
        }
        body = pages.get(self.path)
        self.send_response(200 if body else 404)
        body = body or b"gone"
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_urls_are_fetched_with_fetch(site: str) -> None:
    page, missing = _read(
        f"{site}/fire", f"{site}/nowhere", fetch=True, timeout=5, allow_private=True
    )
    assert isinstance(page, Article)
    assert page.source.kind == "url"
    assert page.metadata.url == f"{site}/fire"
    assert "human chain" in page.text
    assert isinstance(missing, FetchError)
    assert "HTTP 404" in missing.reason


def test_feed_links_are_fetched_only_with_fetch(site: str) -> None:
    feed = io.BytesIO(_link_only_feed(f"{site}/fire").encode())
    (notice,) = list(iter_articles(["-"], ReadOptions(), stdin=feed))
    assert isinstance(notice, FetchError)
    assert "has only a link" in notice.reason
    (article,) = _read(f"{site}/feed", fetch=True, timeout=5, allow_private=True)
    assert isinstance(article, Article)
    assert article.source.kind == "url"
    published = article.metadata.published
    assert published is not None
    assert (published.value, published.source) == ("2024-02-03T09:30:00+00:00", "feed")
    assert "human chain" in article.text


def test_read_article_takes_text_paths_bytes_and_urls(tmp_path: Path, site: str) -> None:
    from_text = read_article(_text(BRIDGE))
    assert from_text.source.location == "<text>"
    assert "Quay Street" in from_text.text
    path = tmp_path / "fire.html"
    path.write_text(_html(FIRE), "utf-8")
    assert read_article(str(path)).text == read_article(path).text
    assert read_article(_html(FIRE).encode()).text == read_article(path).text
    with pytest.raises(FetchError, match="--fetch"):
        read_article(f"{site}/fire")
    fetched = read_article(f"{site}/fire", ReadOptions(fetch=True, timeout=5, allow_private=True))
    assert fetched.text == read_article(path).text
    with pytest.raises(EmptyInputError):
        read_article("   ")
    with pytest.raises(TooLargeError):
        read_article(b"x" * 200, ReadOptions(max_bytes=100))


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\xef\xbb\xbf  <!DOCTYPE html><html><body>", "html"),
        (b"<div class='story'><p>Hello</p></div>", "html"),
        (b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0">', "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b'[\n  {"text": "a"}\n]', "json"),
        (b"[Updated] The council met on Monday.", "text"),
        (b"<3 this town. The council met on Monday.", "text"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_sniff_kind(data: bytes, kind: str) -> None:
    assert sniff_kind(data) == kind


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.TXT", ("text", False)),
        ("crawl.warc.gz", ("warc", True)),
        ("page.htm.gz", ("html", True)),
        ("x.ndjson", ("jsonl", False)),
        ("photo.png", (None, False)),
    ],
)
def test_kind_from_name(name: str, expected: tuple[str | None, bool]) -> None:
    assert kind_from_name(name) == expected


def test_warc_in_a_folder_counts_its_skipped_records(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = _html(FIRE).encode()
    with (tmp_path / "crawl.warc.gz").open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        request = StatusAndHeaders("GET /fire HTTP/1.1", [], is_http_request=True)
        for kind, payload, http in (("response", body, headers), ("request", b"", request)):
            record = writer.create_warc_record(
                "https://news.example/fire",
                kind,
                payload=io.BytesIO(payload),
                length=len(payload),
                http_headers=http,
            )
            writer.write_record(record)
    summary = SourceSummary()
    (item,) = list(iter_articles([str(tmp_path)], ReadOptions(), summary=summary))
    assert isinstance(item, Article)
    assert item.source.kind == "warc"
    assert summary.skipped == {"warc request record": 1}
