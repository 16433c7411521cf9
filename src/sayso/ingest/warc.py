"""Read the news pages stored in a WARC file (plain or gzipped, as Common Crawl's CC-NEWS).

Only ``response`` and ``resource`` records whose payload is HTML and whose HTTP status (when
there is one) is 2xx are read; every other record (``warcinfo``, ``request``, ``metadata``,
redirects, images, scripts...) is skipped and reported through ``on_skip`` with a reason, so
the caller can count them. Each HTML payload goes through :func:`sayso.ingest.html.read_html`
with the record's target URI as the page URL.

Record metadata:

* ``Source.kind`` is ``"warc"``, ``Source.location`` the WARC file, ``Source.record`` the
  record's ``WARC-Record-ID``.
* ``Metadata.url`` is the target URI when the page does not name its own URL.
* ``WARC-Date`` is when the page was crawled, so it is an upper bound on its publication
  date. When the page gives no date, ``Published(value=<WARC-Date>, source="warc-date",
  latest=<WARC-Date>)`` stands in; when the page gives one no later than the crawl, the crawl
  date becomes that ``Published.latest`` (if it has none). A page date after the crawl date is
  left untouched: it is wrong, but that is for the date checks to flag.

Damage: warcio stops quietly at a truncated file, so the reader checks for itself. A gzip
stream is decompressed by Python's ``gzip`` module, which notices a missing end of stream
and a bad checksum; every record's block is read to its end and must be as long as its
``Content-Length`` says; and no bytes may be left over after the last whole record. At the
first damage the reader yields one ``CorruptInputError`` saying how many records were read,
after every article before it.

A ``response`` record without ``WARC-Target-URI`` (warcio cannot parse one) yields a
``CorruptInputError`` for that record and reading goes on. warcio writes some warnings straight
to standard error, several lines with raw bytes; they are turned into one-line log warnings of
this module instead.

``max_bytes`` bounds each record's payload, not the file: CC-NEWS files run to a gigabyte.
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import io
import logging
import re
import types
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from sayso.errors import CorruptInputError, InputError, TooLargeError
from sayso.ingest.article import make_source, valid_article
from sayso.records import Article, Published

log = logging.getLogger(__name__)

SkipReporter = Callable[[str], None]
"""Called with a short reason (``"warc request record"``) for each record that is skipped."""

_GZIP_MAGIC = b"\x1f\x8b"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DRAIN_CHUNK = 1 << 16
_MESSAGE_CHARS = 160


class _TruncationGuard:
    """A read-only stream that turns a decompression failure into a quiet end plus a note.

    warcio takes an ``EOFError`` raised while it reads a record header for the normal end
    of the file, so the failure must be remembered here to be reported.
    """

    def __init__(self, stream: io.BufferedIOBase) -> None:
        self._stream = stream
        self.failure: str | None = None
        self.delivered = 0

    def read(self, size: int = -1) -> bytes:
        """At most one underlying read's worth, so the data before a failure is kept."""
        if self.failure is not None:
            return b""
        try:
            data = self._stream.read1(size)
        except (EOFError, OSError, zlib.error) as exc:
            self.failure = str(exc) or type(exc).__name__
            return b""
        self.delivered += len(data)
        return data


class _WarcioStderr:
    """Stands in for ``sys.stderr`` inside warcio, which writes warnings there directly
    (several lines, with the raw bytes that follow a mis-sized record): each becomes one log
    warning."""

    _OFFSET = re.compile(r"Offset: (\d+)")

    def write(self, text: str) -> int:
        if "Record not followed by newline" in text:
            offset = self._OFFSET.search(text)
            where = f" at byte {offset.group(1)}" if offset else ""
            log.warning(
                "a WARC record%s is not followed by a blank line: its Content-Length may be "
                "wrong; reading went on",
                where,
            )
        elif text.strip():
            log.warning("warcio: %s", _one_line(text))
        return len(text)

    def flush(self) -> None:
        """Nothing is buffered."""


@functools.cache
def _quiet_warcio() -> None:
    """Route warcio's direct writes to standard error through this module's logger."""
    from warcio import archiveiterator, bufferedreaders, digestverifyingreader

    shim = types.SimpleNamespace(stderr=_WarcioStderr())
    for module in (archiveiterator, bufferedreaders, digestverifyingreader):
        module.sys = shim


def _lenient_loader(loader: Any) -> Any:
    """warcio's record loader, made to leave a record without a target URI unparsed (it
    fails on it with an AttributeError) so that the reader can report and skip it."""
    parse_http_headers = loader.load_http_headers

    def load_http_headers(rec_type: str, uri: str | None, stream: Any, length: Any) -> Any:
        return parse_http_headers(rec_type, uri or "", stream, length)

    loader.load_http_headers = load_http_headers
    return loader


def iter_warc(
    path: Path, *, max_bytes: int, on_skip: SkipReporter | None = None
) -> Iterator[Article | InputError]:
    """Every article in the WARC file at ``path``, then one error if the file is damaged."""
    with path.open("rb") as raw:
        yield from iter_warc_stream(raw, str(path), max_bytes=max_bytes, on_skip=on_skip)


def iter_warc_stream(
    stream: IO[bytes], location: str, *, max_bytes: int, on_skip: SkipReporter | None = None
) -> Iterator[Article | InputError]:
    """Like :func:`iter_warc`, over an open binary stream (a file, stdin, a download)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    _quiet_warcio()
    buffered = _peekable(stream)
    gzipped = buffered.peek(2)[:2] == _GZIP_MAGIC
    guard = _TruncationGuard(gzip.GzipFile(fileobj=buffered) if gzipped else buffered)
    skip = on_skip or _ignore
    read = 0
    damage: str | None = None
    try:
        records = ArchiveIterator(guard)
        records.loader = _lenient_loader(records.loader)
        for record in records:
            block = _read_block(record, max_bytes)
            damage = guard.failure or block.damage
            if damage is not None:
                break
            read += 1
            yield from _record_items(record, block, location, max_bytes, skip)
        else:
            damage = _leftover(records.offset, guard.delivered)
    except (ArchiveLoadFailed, StatusAndHeadersParserException, ValueError) as exc:
        damage = str(exc) or type(exc).__name__
    damage = damage or guard.failure
    if damage is not None:
        yield CorruptInputError(
            location,
            f"the WARC file is damaged after {read} complete record(s) ({_one_line(damage)}); "
            "the rest of it was not read.",
        )


def _leftover(parsed: int, delivered: int) -> str | None:
    """Damage when bytes are left after the last whole record: a record cut in its headers.

    warcio takes a header that ends early for the end of the file and stops without a word.
    """
    if delivered > parsed:
        return f"{delivered - parsed} byte(s) after the last whole record do not form a record"
    return None


def _peekable(stream: IO[bytes]) -> io.BufferedReader:
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(cast("io.RawIOBase", stream))


def _ignore(reason: str) -> None:
    """The default SkipReporter: skipped records are not counted."""


@dataclass(frozen=True, slots=True)
class _Block:
    """What was read of one record's block."""

    page: bytes | None = None
    """The decoded payload of an HTML page record within the size limit."""
    too_large: bool = False
    damage: str | None = None


def _read_block(record: Any, max_bytes: int) -> _Block:
    """Read the record's block to its end, so that a record cut short is noticed."""
    if record.rec_headers.get_header("Content-Length") is None:
        return _Block(damage="a record has no Content-Length")
    page: bytes | None = None
    too_large = False
    if _is_page(record):
        data = record.content_stream().read(max_bytes + 1)
        too_large = len(data) > max_bytes
        page = None if too_large else data
    raw = record.raw_stream
    while raw.read(_DRAIN_CHUNK):
        pass
    missing = getattr(raw, "limit", 0)
    if missing:
        return _Block(damage=f"a record ends {missing} byte(s) short of its Content-Length")
    return _Block(page=page, too_large=too_large)


def _is_page(record: Any) -> bool:
    if record.rec_type not in {"response", "resource"}:
        return False
    headers = record.http_headers
    if headers is not None and record.rec_type == "response":
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return False
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _skip_reason(record: Any) -> str:
    if record.rec_type not in {"response", "resource"}:
        return f"warc {record.rec_type} record"
    headers = record.http_headers
    if headers is not None and record.rec_type == "response":
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return f"warc response with HTTP status {status or 'missing'}"
    return "warc record that is not HTML"


def _record_items(
    record: Any, block: _Block, location: str, max_bytes: int, skip: SkipReporter
) -> Iterator[Article | InputError]:
    from sayso.ingest.html import read_html

    url = record.rec_headers.get_header("WARC-Target-URI") or None
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    where = f"{location} [{url or record_id or 'record without a URL'}]"
    if record.rec_type == "response" and url is None:
        yield CorruptInputError(
            where, "a response record without WARC-Target-URI; the record was skipped."
        )
        return
    if block.too_large:
        yield TooLargeError(
            where, f"the page is over the size limit of {max_bytes:,} bytes; it was skipped."
        )
        return
    if block.page is None:
        skip(_skip_reason(record))
        return
    source = make_source(location, "warc", record=record_id)
    try:
        article = read_html(block.page, source, url=url)
    except InputError as exc:
        yield type(exc)(where, exc.reason)
        return
    yield valid_article(
        _with_record_metadata(article, url, record.rec_headers.get_header("WARC-Date"))
    )


def _with_record_metadata(article: Article, url: str | None, crawled: str | None) -> Article:
    meta = article.metadata
    sources = dict(meta.field_sources)
    page_url = meta.url
    if page_url is None and url:
        page_url = url
        sources["url"] = "warc"
    published = meta.published
    if crawled:
        published = _bounded_by_crawl(meta.published, crawled)
        if meta.published is None:
            sources["published"] = "warc-date"
    if page_url == meta.url and published == meta.published:
        return article
    metadata = dataclasses.replace(meta, url=page_url, published=published, field_sources=sources)
    return dataclasses.replace(article, metadata=metadata)


def _bounded_by_crawl(published: Published | None, crawled: str) -> Published | None:
    if published is None:
        return Published(value=crawled, source="warc-date", latest=crawled)
    if published.latest is None and published.value[:10] <= crawled[:10]:
        return dataclasses.replace(published, latest=crawled)
    return published


def _one_line(text: str) -> str:
    """White space collapsed, cut to a length that fits an error line."""
    return " ".join(text.split())[:_MESSAGE_CHARS]
