"""Turn what the user named (files, folders, globs, ``-``, URLs) into a stream of articles.

:func:`iter_articles` is what the CLI and the pipeline use; :func:`read_article` serves
``sayso.analyze_file`` and ``sayso.analyze_url`` for a single input.

What each input is:

* ``-``: standard input, read up to ``max_bytes`` and sniffed (see below).
* ``http://`` or ``https://``: a URL, downloaded only when ``ReadOptions.fetch`` is set;
  otherwise it yields a ``FetchError`` asking for ``--fetch``.
* an existing folder: every file under it, recursively, in sorted order, that has one of the
  extensions below (hidden files and folders are left out; other files are counted in
  ``SourceSummary.skipped``).
* an existing file: read by its extension, or sniffed when the extension is unknown.
* a pattern with ``*``, ``?`` or ``[``: the files and folders it matches (``**`` recurses).
* anything else: an ``InputError`` saying there is no such file.

Extensions: ``.txt .text .md`` plain text; ``.html .htm .xhtml .shtml`` HTML; ``.warc``
and ``.warc.gz`` WARC; ``.rss .atom`` feeds; ``.xml`` a feed or XHTML, sniffed; ``.jsonl
.ndjson`` JSON Lines; ``.json`` one JSON object or an array of them (see
:mod:`sayso.ingest.jsonl`); ``.csv`` one article a row (see :mod:`sayso.ingest.csvrows`);
``.urls`` a list of URLs, one a line, ``#`` starting a comment.
Any of these may be gzipped (``.html.gz``, ``.jsonl.gz``...). ARC files are not read (warcio
gives their records random ids, so articles would not be reproducible).

A text file may have its metadata beside it, in ``story.meta.json`` or ``story.txt.meta.json``
(see :mod:`sayso.ingest.given`); a folder's sidecars are read with their texts, not as
articles. ``ReadOptions.given`` (the command line's ``--outlet``, ``--published``, ``--url``)
wins over both.

Sniffing, on the first bytes: gzip magic (then the decompressed bytes are sniffed);
``WARC/1.`` a WARC file; ``<rss``, ``<feed``, ``<rdf:RDF`` a feed; ``<!doctype html``,
``<html`` or a leading tag followed by common HTML tags a page; a first line that is a JSON
object JSON Lines; a whole JSON document JSON; anything else plain text.

Limits: ``max_bytes`` bounds every file and every decompressed stream, checked before the
whole is read. WARC and JSON Lines files are streamed, so the limit applies to each record
or line instead (a CC-NEWS file runs to a gigabyte).

Accounting: every input yields at least one item, an Article or an InputError; one that
would yield nothing (an empty JSONL file, a WARC with no HTML pages) yields a
``NoArticleError``. A reader that raises what it should not (a bug) ends that input with a
``ReaderFailedError`` naming the exception; the inputs after it are read all the same. The
readers' bounds on structure (``TooComplexError``) are listed in docs/robustness.md.
Records and files that are skipped on purpose (a WARC's request records,
a folder's images) are counted in the optional :class:`SourceSummary`, for the run's report.
"""

from __future__ import annotations

import contextlib
import glob
import gzip
import io
import logging
import os
import re
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal

from sayso.errors import (
    CorruptInputError,
    EmptyInputError,
    FetchError,
    InputError,
    NoArticleError,
    ReaderFailedError,
    TooComplexError,
    TooLargeError,
    printable,
)
from sayso.ingest.article import make_source
from sayso.ingest.feed import iter_feed
from sayso.ingest.fetch import USER_AGENT, fetch_url
from sayso.ingest.given import SIDECAR_SUFFIX, GivenMetadata, apply_given, sidecar_for
from sayso.ingest.jsonl import iter_json_document, iter_jsonl, parse_json
from sayso.ingest.warc import iter_warc, iter_warc_stream
from sayso.records import Article
from sayso.records.model import InputKind

log = logging.getLogger(__name__)

Kind = Literal["text", "html", "warc", "feed", "xml", "jsonl", "json", "csv", "urls"]
Origin = Literal["file", "stdin", "url", "bytes"]

STDIN_LOCATION = "<stdin>"
TEXT_LOCATION = "<text>"
BYTES_LOCATION = "<bytes>"

EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "xml",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".urls": "urls",
}
TEXT_SUFFIXES = tuple(ext for ext, kind in EXTENSIONS.items() if kind == "text")
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 4096
_URL = re.compile(r"https?://\S+\Z", re.IGNORECASE)
_GLOB_MAGIC = re.compile(r"[*?\[]")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)\b")
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)\b")
_XML_ROOT = re.compile(rb"<([a-z][\w:.-]*)")
_HTML_TAG = re.compile(rb"<(?:head|body|title|meta|p|div|article|section|h1|h2)\b")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read."""

    max_bytes: int = 20_000_000
    """The most bytes read from one file, page, record, line or decompressed stream."""
    fetch: bool = False
    """Whether URLs (given, listed in ``.urls`` files, or linked from feeds) are downloaded."""
    timeout: float = 20.0
    """Seconds a download may take (see :mod:`sayso.ingest.fetch`)."""
    given: GivenMetadata | None = None
    """Metadata the user gives (``--outlet``, ``--published``, ``--url``): it wins over what
    any input says, for every article read."""
    allow_private: bool = False
    """Whether URLs on loopback, private, link-local or reserved addresses may be fetched
    (``--fetch-private``); off, they are refused (see :mod:`sayso.ingest.fetch`)."""


DEFAULT_OPTIONS = ReadOptions()


@dataclass(slots=True)
class SourceSummary:
    """Counts kept while :func:`iter_articles` runs, for the run's closing report."""

    articles: int = 0
    errors: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    """Reason (``"warc request record"``, ``"file with an unknown extension"``) → count."""

    def skip(self, reason: str) -> None:
        """Count one record or file left out on purpose."""
        self.skipped[reason] += 1


def iter_articles(
    inputs: Sequence[str],
    options: ReadOptions,
    *,
    stdin: BinaryIO | None = None,
    summary: SourceSummary | None = None,
) -> Iterator[Article | InputError]:
    """Every article in ``inputs``, in order, with an InputError for each one that failed."""
    counts = summary if summary is not None else SourceSummary()
    reader = _Reader(options, counts, stdin)
    for name in inputs:
        for item in _guarded(reader.input(name), name):
            if isinstance(item, Article):
                counts.articles += 1
                yield apply_given(item, options.given) if options.given is not None else item
            else:
                counts.errors += 1
                yield item


_ONE_ARTICLE: frozenset[Kind | Literal["gzip"]] = frozenset({"text", "html"})
_LINE_PER_ITEM: frozenset[Kind] = frozenset({"jsonl", "urls"})


def count_items(inputs: Sequence[str]) -> int | None:
    """How many items :func:`iter_articles` will yield for ``inputs``, when that is known
    cheaply; None when some input holds an unknown number of articles (a WARC file, a feed, a
    JSON array, anything gzipped), for a progress bar's total.

    A text or HTML file is one item, a JSON Lines or ``.urls`` file one per non-blank line
    (``#`` comments left out), a URL or ``-`` one, a missing path one (its error).
    """
    total = 0
    for name in inputs:
        if name == "-" or _URL.match(name):
            total += 1
            continue
        if os.path.isdir(name):
            paths = [p for p in _walk(Path(name)) if kind_from_name(p.name)[0] is not None]
        elif os.path.exists(name):
            paths = [Path(name)]
        elif _GLOB_MAGIC.search(name):
            found = count_items(sorted(glob.glob(name, recursive=True)))
            if found is None:
                return None
            total += found or 1
            continue
        else:
            total += 1
            continue
        for path in paths:
            found = _count_file(path)
            if found is None:
                return None
            total += found
        total += 0 if paths else 1
    return total


def _count_file(path: Path) -> int | None:
    kind, gzipped = kind_from_name(path.name)
    if gzipped:
        return None
    try:
        if kind is None:
            with path.open("rb") as handle:
                kind = (
                    None
                    if (sniffed := sniff_kind(handle.read(_SNIFF_BYTES))) == "gzip"
                    else sniffed
                )
        if kind in _ONE_ARTICLE:
            return 1
        if kind in _LINE_PER_ITEM:
            comment = b"#" if kind == "urls" else None
            with path.open("rb") as handle:
                lines = (line.strip() for line in handle)
                counted = sum(
                    1 for line in lines if line and not (comment and line.startswith(comment))
                )
                return max(1, counted)
    except OSError:
        return 1
    return None


def read_article(source: str | Path | bytes, options: ReadOptions = DEFAULT_OPTIONS) -> Article:
    """The first article in ``source``: a path, a URL, the article's text itself, or bytes.

    A ``str`` is a URL when it starts with ``http://`` or ``https://`` (fetched only when
    ``options.fetch`` is set), a path when it names an existing file or folder, and otherwise
    the text of the article (HTML when it starts like a page). Raises the first InputError
    when the source holds no article.
    """
    reader = _Reader(options, SourceSummary(), None)
    first_error: InputError | None = None
    with contextlib.closing(reader.single(source)) as items:
        for item in _guarded(items, _describe(source)):
            if isinstance(item, Article):
                return apply_given(item, options.given) if options.given is not None else item
            first_error = first_error or item
    raise first_error or NoArticleError(_describe(source), "no article found in it.")


def sniff_kind(data: bytes) -> Kind | Literal["gzip"]:
    """What ``data`` holds, judged from its first bytes (and, for JSON, the whole)."""
    if data.startswith(_GZIP_MAGIC):
        return "gzip"
    head = _head_text(data[:_SNIFF_BYTES])
    if head.startswith(b"warc/1."):
        return "warc"
    if head.startswith(b"<"):
        if head.startswith(b"<?xml"):
            return _xml_kind(head)
        if _FEED_ROOT.match(head):
            return "feed"
        if _HTML_ROOT.match(head) or _HTML_TAG.search(head):
            return "html"
        return "text"
    if head.startswith((b"{", b"[")):
        return _json_kind(data)
    return "text"


def _head_text(head: bytes) -> bytes:
    """The head lower-cased and left-stripped, as ASCII-compatible bytes for the markers."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("ascii", errors="ignore")
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()


def _xml_kind(head: bytes) -> Kind:
    """A feed or XHTML page by the root element after the XML declaration."""
    root = _XML_ROOT.search(head, 5)
    if root is None:
        return "xml"
    name = root.group(1)
    if name in {b"rss", b"feed", b"rdf:rdf"}:
        return "feed"
    return "html" if name == b"html" else "xml"


def _json_kind(data: bytes) -> Kind:
    """JSON Lines when the first line is an object, JSON when the whole is a document, else
    text. JSON too deep or with too long a number counts as JSON: its reader says why."""
    first_line = data.lstrip().split(b"\n", 1)[0]
    try:
        if isinstance(parse_json(first_line, ""), dict):
            return "jsonl"
    except TooComplexError:
        if first_line.startswith(b"{"):
            return "jsonl"
    except CorruptInputError:
        pass
    try:
        parse_json(data, "")
    except TooComplexError:
        return "json"
    except CorruptInputError:
        return "text"
    return "json"


def kind_from_name(name: str) -> tuple[Kind | None, bool]:
    """The kind a file name's extension says, and whether it is gzipped (``.gz``)."""
    lower = name.lower()
    gzipped = lower.endswith(".gz")
    if gzipped:
        lower = lower[:-3]
    return EXTENSIONS.get(os.path.splitext(lower)[1]), gzipped


def _describe(source: str | Path | bytes) -> str:
    """A location for an error about ``source``: its path or URL, else a placeholder."""
    if isinstance(source, bytes):
        return BYTES_LOCATION
    if isinstance(source, Path):
        return str(source)
    return source if _URL.match(source) or _is_existing_path(source) else TEXT_LOCATION


class _Reader:
    """Reads inputs under one set of options, counting into one summary."""

    def __init__(self, options: ReadOptions, summary: SourceSummary, stdin: BinaryIO | None):
        self.options = options
        self.summary = summary
        self.stdin = stdin

    def input(self, name: str) -> Iterator[Article | InputError]:
        """The items of one command-line input."""
        if name == "-":
            yield from _accounted(self._stdin(), STDIN_LOCATION)
        elif _URL.match(name):
            yield from _accounted(self.url(name), name)
        elif os.path.isdir(name):
            yield from self._directory(Path(name))
        elif os.path.exists(name):
            yield from _accounted(self.file(Path(name)), name)
        elif _GLOB_MAGIC.search(name):
            yield from self._pattern(name)
        else:
            yield InputError(name, "no such file or directory; check the path.")

    def single(self, source: str | Path | bytes) -> Generator[Article | InputError, None, None]:
        """The items of one ``read_article`` source."""
        if isinstance(source, bytes):
            if len(source) > self.options.max_bytes:
                yield _too_large(BYTES_LOCATION, self.options.max_bytes)
            else:
                yield from self._bytes(source, BYTES_LOCATION, None, "bytes")
        elif isinstance(source, Path):
            yield from self.input(str(source))
        elif _URL.match(source.strip()):
            yield from self.url(source.strip())
        elif _is_existing_path(source):
            yield from self.input(source)
        else:
            yield from _text(source)

    def _stdin(self) -> Iterator[Article | InputError]:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        data = stream.read(self.options.max_bytes + 1)
        if len(data) > self.options.max_bytes:
            yield _too_large(STDIN_LOCATION, self.options.max_bytes)
            return
        yield from self._bytes(data, STDIN_LOCATION, None, "stdin")

    def url(self, url: str) -> Iterator[Article | InputError]:
        """The items of the page at ``url``: fetched, sniffed and read."""
        if not self.options.fetch:
            yield FetchError(url, "this is a URL; pass --fetch to download URLs.")
            return
        try:
            body, final_url = fetch_url(
                url,
                timeout=self.options.timeout,
                max_bytes=self.options.max_bytes,
                user_agent=USER_AGENT,
                allow_private=self.options.allow_private,
            )
        except FetchError as exc:
            yield exc
            return
        yield from self._bytes(body, url, None, "url", url=final_url)

    def _directory(self, root: Path) -> Iterator[Article | InputError]:
        found = False
        for path in _walk(root):
            if path.name.lower().endswith(SIDECAR_SUFFIX) and _has_text_beside(path):
                self.summary.skip("metadata beside a text file (.meta.json)")
                continue
            if kind_from_name(path.name)[0] is None:
                self.summary.skip("file with an unknown extension in a folder")
                continue
            found = True
            yield from _accounted(self.file(path), str(path))
        if not found:
            known = " ".join(sorted(EXTENSIONS))
            yield NoArticleError(str(root), f"the folder holds no files to read ({known}).")

    def _pattern(self, pattern: str) -> Iterator[Article | InputError]:
        matches = sorted(glob.glob(pattern, recursive=True))
        if not matches:
            yield InputError(pattern, "no such file: nothing matches this pattern.")
        for match in matches:
            yield from self.input(match)

    def file(self, path: Path) -> Iterator[Article | InputError]:
        """The items of one file."""
        location = str(path)
        kind, gzipped = kind_from_name(path.name)
        max_bytes = self.options.max_bytes
        try:
            size = path.stat().st_size
            if size == 0:
                yield EmptyInputError(location, "the file is empty.")
                return
            if kind is None:
                kind, gzipped = _sniff_file(path)
            if kind == "warc":
                yield from iter_warc(path, max_bytes=max_bytes, on_skip=self.summary.skip)
                return
            if kind == "jsonl" and not gzipped:
                yield from iter_jsonl(path, location, max_bytes=max_bytes)
                return
            if size > max_bytes and not gzipped:
                yield _too_large(location, max_bytes)
                return
            data = _gunzip_file(path, max_bytes) if gzipped else path.read_bytes()
        except InputError as exc:
            yield exc
            return
        except OSError as exc:
            yield InputError(location, f"the file could not be read ({exc.strerror or exc}).")
            return
        yield from self._bytes(data, location, kind, "file")

    def _bytes(
        self,
        data: bytes,
        location: str,
        kind: Kind | None,
        origin: Origin,
        *,
        url: str | None = None,
    ) -> Iterator[Article | InputError]:
        """The items in ``data`` read as ``kind`` (sniffed when None)."""
        if not data.strip():
            yield EmptyInputError(location, "the input is empty.")
            return
        sniffed = sniff_kind(data) if kind is None else kind
        if sniffed == "gzip":
            try:
                data = _gunzip(data, location, self.options.max_bytes)
            except InputError as exc:
                yield exc
                return
            yield from self._bytes(data, location, None, origin, url=url)
            return
        if sniffed == "xml":
            sniffed = sniff_kind(data)
            if sniffed not in {"feed", "html"}:
                yield NoArticleError(location, "the XML is neither an RSS/Atom feed nor XHTML.")
                return
        try:
            yield from self._read_as(sniffed, data, location, origin, url)
        except InputError as exc:
            yield exc

    def _read_as(
        self, kind: Kind, data: bytes, location: str, origin: Origin, url: str | None
    ) -> Iterator[Article | InputError]:
        from sayso.ingest.decode import decode_bytes
        from sayso.ingest.html import read_html
        from sayso.ingest.plaintext import read_plain_text

        max_bytes = self.options.max_bytes
        if kind == "text":
            raw = decode_bytes(data, location)
            article = read_plain_text(raw, make_source(location, _source_kind(origin, "text")))
            sidecar = sidecar_for(Path(location), max_bytes) if origin == "file" else None
            yield apply_given(article, sidecar) if sidecar is not None else article
        elif kind == "html":
            yield read_html(data, make_source(location, _source_kind(origin, "html")), url=url)
        elif kind == "feed":
            yield from iter_feed(data, location, fetch_entry=self._feed_fetcher())
        elif kind == "warc":
            stream = io.BytesIO(data)
            yield from iter_warc_stream(
                stream, location, max_bytes=max_bytes, on_skip=self.summary.skip
            )
        elif kind == "jsonl":
            yield from iter_jsonl(io.BytesIO(data), location, max_bytes=max_bytes)
        elif kind == "json":
            yield from iter_json_document(data, location)
        elif kind == "csv":
            from sayso.ingest.csvrows import iter_csv

            yield from iter_csv(data, location, max_bytes=max_bytes)
        else:
            yield from self._url_list(data, location)

    def _feed_fetcher(self) -> Callable[[str], Iterator[Article | InputError]] | None:
        return self.url if self.options.fetch else None

    def _url_list(self, data: bytes, location: str) -> Iterator[Article | InputError]:
        from sayso.ingest.decode import decode_bytes

        listed = False
        for number, line in enumerate(decode_bytes(data, location).splitlines(), start=1):
            entry = line.strip()
            if not entry or entry.startswith("#"):
                continue
            listed = True
            if _URL.match(entry):
                yield from _accounted(self.url(entry), entry)
            else:
                yield InputError(f"{location}:{number}", f"{entry!r} is not an http(s) URL.")
        if not listed:
            yield EmptyInputError(location, "the URL list holds no URLs.")


def _text(text: str) -> Iterator[Article | InputError]:
    """The article whose text (or page) is ``text`` itself."""
    from sayso.ingest.html import read_html
    from sayso.ingest.plaintext import read_plain_text

    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    if not normalised.strip():
        yield EmptyInputError(TEXT_LOCATION, "the text is empty.")
        return
    try:
        if sniff_kind(normalised[:_SNIFF_BYTES].encode("utf-8", "surrogatepass")) == "html":
            yield read_html(normalised, make_source(TEXT_LOCATION, "html"))
        else:
            yield read_plain_text(normalised, make_source(TEXT_LOCATION, "text"))
    except InputError as exc:
        yield exc


def _guarded(
    items: Iterator[Article | InputError], location: str
) -> Iterator[Article | InputError]:
    """``items``, ending with a ReaderFailedError if the reader raises what it should not.

    The last line of defence for a batch: a reader bug on one input costs the rest of that
    input, never the inputs after it or the articles already read.
    """
    try:
        yield from items
    except Exception as exc:
        log.debug("the reader failed on %s", printable(location), exc_info=True)
        yield ReaderFailedError(
            location,
            f"the reader failed on this input ({type(exc).__name__}: {_one_line(str(exc))}); "
            "the other inputs are still read. Please report this with the input.",
        )


def _one_line(text: str, limit: int = 200) -> str:
    return " ".join(text.split())[:limit]


def _accounted(
    items: Iterator[Article | InputError], location: str
) -> Iterator[Article | InputError]:
    """``items``, or a NoArticleError when there are none: every input shows in the output."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        yield NoArticleError(location, "no article found in it.")


def _source_kind(origin: Origin, kind: Literal["text", "html"]) -> InputKind:
    """Source.kind for a page or text: where it came from when that says more than its form."""
    if origin == "stdin":
        return "stdin"
    if origin == "url":
        return "url"
    return kind


def _sniff_file(path: Path) -> tuple[Kind | None, bool]:
    """A file's kind where it decides how the file is read (streamed or whole), and gzip.

    Only WARC and JSON Lines files are streamed; for anything else the kind is None and the
    whole, size-checked content is sniffed later.
    """
    with path.open("rb") as stream:
        head = stream.read(_SNIFF_BYTES)
    if not head.startswith(_GZIP_MAGIC):
        kind = sniff_kind(head)
        streamed: Kind | None = "warc" if kind == "warc" else "jsonl" if kind == "jsonl" else None
        return streamed, False
    try:
        with gzip.open(path, "rb") as stream:
            inner = sniff_kind(stream.read(_SNIFF_BYTES))
    except (EOFError, OSError, zlib.error) as exc:
        raise CorruptInputError(str(path), f"the gzip data is damaged ({exc}).") from exc
    # A gzipped WARC is streamed as it is: the WARC reader decompresses it.
    return ("warc", False) if inner == "warc" else (None, True)


def _has_text_beside(sidecar: Path) -> bool:
    """Whether a ``.meta.json`` file describes a text file next to it."""
    stem = sidecar.name[: -len(SIDECAR_SUFFIX)]
    return any(
        (sidecar.parent / name).exists() for name in (stem, *(stem + ext for ext in TEXT_SUFFIXES))
    )


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder, name)


def _gunzip_file(path: Path, max_bytes: int) -> bytes:
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except (EOFError, OSError, zlib.error) as exc:
        raise CorruptInputError(str(path), f"the gzip data is damaged ({exc}).") from exc
    if len(data) > max_bytes:
        raise _too_large(str(path), max_bytes, decompressed=True)
    return data


def _gunzip(data: bytes, location: str, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except (EOFError, OSError, zlib.error) as exc:
        raise CorruptInputError(location, f"the gzip data is damaged ({exc}).") from exc
    if len(out) > max_bytes:
        raise _too_large(location, max_bytes, decompressed=True)
    return out


def _too_large(location: str, max_bytes: int, *, decompressed: bool = False) -> TooLargeError:
    what = "decompressed, the input is" if decompressed else "the input is"
    return TooLargeError(
        location, f"{what} over the size limit of {max_bytes:,} bytes; raise the limit to read it."
    )


def _is_existing_path(text: str) -> bool:
    if "\n" in text or len(text) > 4096:
        return False
    try:
        return os.path.exists(text)
    except (OSError, ValueError):
        return False
