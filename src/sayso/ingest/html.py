"""Read an HTML page into an Article: trafilatura for the story, lxml for figure captions.

* **Body**: trafilatura's main-content tree (comments excluded); each paragraph, heading,
  list item, quotation and table row becomes one paragraph of the canonical text, joined by
  ``\n\n``. A line break inside a block after a sentence, or after a heading-shaped line (a
  bold sub-heading over its section), starts a new paragraph, so a sub-heading is never glued
  to the sentence after it; other breaks are wrapped lines. A leading heading equal to the
  title is the headline: it goes to the metadata, not the body (as in
  :mod:`sayso.ingest.plaintext`). Furniture the extractor kept (share links, teasers,
  corrections, newsletter promos: :mod:`sayso.ingest.furniture`) is kept apart as
  ``Removed`` with its reason, and a paragraph ending in a photo credit is a caption.
* **Captions**: every ``<figcaption>`` of the page, with its credit (a child whose class names
  a credit, or a credit at the end of the text, as in the plain-text reader). Body paragraphs
  that repeat a caption are taken out.
* **Metadata**: URL, outlet, title, publication date and wire agency from the page's own
  tags, each with where it came from (:mod:`sayso.ingest.pagemeta`; htmldate's date as the
  last resort); byline and language from trafilatura, the language from ``<html lang>`` when
  trafilatura has none.
* **Offsets** are best effort: each paragraph is looked for verbatim in the decoded HTML
  with character references (``&amp;``) unescaped; where found, its characters map back to
  the raw HTML (split around each reference, since ``&amp;`` and ``&`` differ). Paragraphs
  whose text is broken up by tags or white space in the source stay unmapped
  (``to_raw`` gives None for them).

Bounds: the HTML parser (libxml2) reads elements at most ``PARSER_MAX_DEPTH`` levels deep and
drops a tag with an attribute over ``PARSER_MAX_ATTRIBUTE`` characters, with the text inside.
A page whose story is lost that way raises a ``TooComplexError`` saying which, rather than the
``NoArticleError`` of a page without a story.
"""

from __future__ import annotations

import html as html_lib
import re
from array import array
from dataclasses import dataclass, replace
from typing import Any

from sayso.errors import NoArticleError, TooComplexError
from sayso.ingest.article import make_article
from sayso.ingest.decode import decode_bytes
from sayso.ingest.furniture import sift_paragraphs
from sayso.ingest.pagemeta import PageMetadata, read_page_metadata
from sayso.ingest.plaintext import split_credit
from sayso.records import (
    Article,
    Caption,
    Metadata,
    OffsetMap,
    OffsetSegment,
    Published,
    RawSpan,
    Removed,
    Source,
)

_CHAR_REF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_CREDIT_CLASS = re.compile(r"credit|copyright|source|byline|author", re.I)
_NOT_FOUND = RawSpan(0, 0)
# Trafilatura falls back to any text at all on a page without a story; a story has at least
# one sentence: five words or more ending in sentence punctuation.
_SENTENCE = re.compile(r"(?:\w+\W+){4,}\w+\W*[.!?…][\"'”’)]*(?:\s|$)")
_BLOCKS = frozenset({"p", "head", "quote", "code", "item", "row"})
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
# A line this short without a full stop, over a line that starts a sentence, is a heading.
_HEADING_MAX_WORDS = 12
PARSER_MAX_DEPTH = 255
"""libxml2's HTML parser keeps elements at most this deep (counting from ``<html>``)."""
PARSER_MAX_ATTRIBUTE = 10_000_000
"""libxml2 drops a tag whose attribute value is longer than this (its XML_MAX_TEXT_LENGTH)."""


@dataclass(frozen=True, slots=True)
class _Extraction:
    document: Any
    root: Any
    page: PageMetadata
    paragraphs: list[str]
    """The extractor's blocks, headline and captions taken out, furniture still in."""
    captions: list[Caption]
    unescaped: str
    positions: array[int]


def _extract(raw: str, url: str | None) -> _Extraction:
    import trafilatura

    document: Any = trafilatura.bare_extraction(
        raw,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        with_metadata=True,
    )
    paragraphs = _paragraphs(document.body) if document is not None else []
    root = _parse(raw)
    extracted_title = _clean(document.title) if document is not None and document.title else None
    page = read_page_metadata(
        root,
        url=url,
        htmldate=document.date if document is not None else None,
        fallback_title=extracted_title,
    )
    if paragraphs and paragraphs[0] in {extracted_title, page.title}:
        paragraphs = paragraphs[1:]
    unescaped, positions = _unescape_with_positions(raw)
    captions = _captions(root, unescaped, positions)
    caption_texts = {c.text for c in captions}
    paragraphs = [p for p in paragraphs if p not in caption_texts]
    return _Extraction(document, root, page, paragraphs, captions, unescaped, positions)


def read_html(data: bytes | str, source: Source, *, url: str | None = None) -> Article:
    """An Article from an HTML page; raises NoArticleError when it holds no article text."""
    raw = decode_bytes(data, source.location) if isinstance(data, bytes) else data
    found = _extract(raw, url)
    located = _locate(found.unescaped, found.paragraphs)
    verdicts = sift_paragraphs(found.paragraphs, found.root)
    paragraphs: list[str] = []
    places: list[int] = []
    removed: list[Removed] = []
    captions = list(found.captions)
    for text, at, reason in zip(found.paragraphs, located, verdicts, strict=True):
        span = _NOT_FOUND if at < 0 else _raw_span(found.positions, at, len(text))
        credited = split_credit(text) if reason is None else None
        if reason is not None:
            removed.append(Removed(text, span, reason))
        elif credited is not None:
            # A photo caption the extractor kept as a paragraph ("... (Photo: AP)").
            captions.append(Caption(credited[0], span, credited[1]))
        else:
            paragraphs.append(text)
            places.append(at)
    if not any(_SENTENCE.search(p) for p in paragraphs):
        too_complex = _beyond_parser_limits(raw)
        if too_complex is not None:
            raise TooComplexError(source.location, too_complex)
        raise NoArticleError(
            source.location,
            "the page holds no article text (it may be an index, a login wall or a script-only "
            "page); give the article's own page or its text.",
        )
    article = make_article(
        "\n\n".join(paragraphs),
        source,
        metadata=_metadata(found.document, found.page, raw),
        captions=tuple(captions),
        removed=tuple(removed),
        offset_map=_offset_map(raw, found.positions, paragraphs, places),
    )
    # make_article maps every caption to its raw start; drop that for captions not found.
    unmapped = {c.span.start for c in article.captions if c.span and c.raw == _NOT_FOUND}
    segments = tuple(s for s in article.offset_map.segments if s.canonical not in unmapped)
    return replace(article, offset_map=OffsetMap(segments))


def _beyond_parser_limits(raw: str) -> str | None:
    """Why the parser may have lost the story: a tag too long, or nesting too deep; else None."""
    longest = _longest_tag(raw)
    if longest > PARSER_MAX_ATTRIBUTE:
        return (
            f"one tag of the page is {longest:,} characters long, over the HTML parser's limit "
            f"of {PARSER_MAX_ATTRIBUTE:,} for an attribute: the parser drops it with the text "
            "inside it, so no article text was found."
        )
    depth = _parsed_depth(raw)
    if depth >= PARSER_MAX_DEPTH:
        return (
            f"the page nests elements deeper than {PARSER_MAX_DEPTH} levels, the most the HTML "
            "parser reads: the text below that was dropped, so no article text was found."
        )
    return None


def _longest_tag(raw: str) -> int:
    """The length of the longest ``<...>`` run in ``raw`` (quotes are not looked at)."""
    longest = 0
    start = raw.find("<")
    while start >= 0:
        end = raw.find(">", start)
        if end < 0:
            return max(longest, len(raw) - start)
        longest = max(longest, end - start + 1)
        start = raw.find("<", end)
    return longest


def _parsed_depth(raw: str) -> int:
    """How deep the parsed page's elements go (``<html>`` is level 1)."""
    import lxml.html  # type: ignore[import-untyped, unused-ignore]
    from lxml import etree  # type: ignore[import-untyped, unused-ignore]

    try:
        root = lxml.html.document_fromstring(raw)
    except (etree.ParserError, ValueError):
        return 0
    depth = deepest = 0
    for event, _element in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _clean(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(body: Any) -> list[str]:
    """One string per block of trafilatura's main-content tree, white space collapsed."""
    if body is None:
        return []
    out: list[str] = []
    for element in body.iter():
        if element.tag not in _BLOCKS:
            continue
        if any(parent.tag in _BLOCKS for parent in element.iterancestors()):
            continue
        if element.tag == "row":
            text = " ".join(_clean("".join(cell.itertext())) for cell in element)
            if text:
                out.append(text)
        else:
            out.extend(_broken_lines(_lines(element)))
    return out


def _lines(element: Any) -> list[str]:
    """The block's text split at its line breaks (``<br>``, trafilatura's ``lb``)."""
    lines: list[str] = [""]

    def walk(node: Any) -> None:
        if node.tag == "lb":
            lines.append("")
        elif node.text:
            lines[-1] += node.text
        if node.tag != "lb":
            for child in node:
                walk(child)
        if node is not element and node.tail:
            lines[-1] += node.tail

    walk(element)
    return [_clean(line) for line in lines]


def _broken_lines(lines: list[str]) -> list[str]:
    """Lines of one block joined into paragraphs: a break after a sentence, after a
    heading-shaped line (``Talks collapse`` over the next sentence) or doubled is a paragraph
    break; any other break is only a wrapped line."""
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and _ends_paragraph(current, line):
            paragraphs.append(current)
            current = line
        else:
            current = f"{current} {line}" if current else line
    if current:
        paragraphs.append(current)
    return paragraphs


def _ends_paragraph(before: str, after: str) -> bool:
    if not (after[:1].isupper() or after[:1] in "\"“‘'(«"):
        return False
    if _TERMINAL.search(before):
        return True
    words = before.split()
    return len(words) <= _HEADING_MAX_WORDS and before[:1].isupper() and before[-1:] not in ",:;-–—"


def _parse(raw: str) -> Any:
    """The page's lxml tree, or an empty document when lxml cannot parse it."""
    import lxml.html  # type: ignore[import-untyped, unused-ignore]
    from lxml import etree  # type: ignore[import-untyped, unused-ignore]

    try:
        return lxml.html.document_fromstring(raw)
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html></html>")


def _captions(root: Any, unescaped: str, positions: array[int]) -> list[Caption]:
    """Every ``<figcaption>`` of the page, with its credit and raw span.

    A caption whose text is not found verbatim in the page gets the empty span at 0.
    """
    captions: list[Caption] = []
    cursor = 0
    for figcaption in root.iter("figcaption"):
        text = _clean(figcaption.text_content())
        if not text:
            continue
        text, credit = _split_figcaption(figcaption, text)
        at = unescaped.find(text, cursor)
        span = _NOT_FOUND
        if at >= 0:
            cursor = at + len(text)
            span = RawSpan(positions[at], positions[cursor - 1] + 1)
        captions.append(Caption(text, span, credit))
    return captions


def _split_figcaption(figcaption: Any, text: str) -> tuple[str, str | None]:
    """(caption, credit): the credit from a child classed as one, or from the text's end."""
    for child in figcaption.iterdescendants():
        if isinstance(child.tag, str) and _CREDIT_CLASS.search(child.get("class", "")):
            credit = _clean(child.text_content())
            if credit and text.endswith(credit) and len(credit) < len(text):
                return text[: -len(credit)].rstrip(" |-–—"), credit
            return text, credit or None
    split = split_credit(text)
    return split if split is not None else (text, None)


_PUBLISHED_KIND = {"url": "url", "htmldate": "htmldate"}


def _metadata(document: Any, page: PageMetadata, raw: str) -> Metadata:
    """The page's metadata (:mod:`sayso.ingest.pagemeta`), the byline and language from
    trafilatura."""
    sources = dict(page.sources)
    byline = _clean(document.author) if document.author else None
    if byline:
        sources["byline"] = "trafilatura"
    language = document.language
    if language:
        sources["language"] = "trafilatura"
    else:
        match = re.search(r"<html[^>]*\slang=[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)", raw[:5000])
        language = match.group(1).lower() if match else None
        if language:
            sources["language"] = "html-lang"
    published = None
    if page.published:
        kind = _PUBLISHED_KIND.get(sources["published"], "html-meta")
        published = Published(value=page.published, source=kind)
    return Metadata(
        title=page.title,
        byline=byline,
        outlet=page.outlet,
        url=page.url,
        language=language,
        published=published,
        agency=page.agency,
        field_sources=sources,
    )


def _locate(unescaped: str, paragraphs: list[str]) -> list[int]:
    """Where each paragraph is found verbatim (references unescaped) in the page, in order;
    -1 for one that is not."""
    located: list[int] = []
    cursor = 0
    for paragraph in paragraphs:
        at = unescaped.find(paragraph, cursor)
        located.append(at)
        if at >= 0:
            cursor = at + len(paragraph)
    return located


def _raw_span(positions: array[int], at: int, length: int) -> RawSpan:
    return RawSpan(positions[at], positions[at + length - 1] + 1)


def _offset_map(
    raw: str, positions: array[int], paragraphs: list[str], located: list[int]
) -> OffsetMap:
    """Segments for the paragraphs found verbatim (references unescaped) in ``raw``."""
    segments: list[OffsetSegment] = []
    canonical = 0
    for paragraph, at in zip(paragraphs, located, strict=True):
        if at >= 0:
            segments.extend(_runs(raw, paragraph, canonical, positions[at : at + len(paragraph)]))
        canonical += len(paragraph) + 2
    return OffsetMap(tuple(segments))


def _runs(raw: str, text: str, canonical: int, positions: array[int]) -> list[OffsetSegment]:
    """Segments over the characters of ``text`` that are written as themselves in ``raw``."""
    segments: list[OffsetSegment] = []
    start: int | None = None
    for i, (char, pos) in enumerate(zip(text, positions, strict=True)):
        same = raw[pos] == char
        contiguous = start is not None and pos == positions[i - 1] + 1
        if same and start is not None and contiguous:
            continue
        if start is not None:
            segments.append(OffsetSegment(canonical + start, positions[start], i - start))
        start = i if same else None
    if start is not None:
        segments.append(OffsetSegment(canonical + start, positions[start], len(text) - start))
    return segments


def _unescape_with_positions(raw: str) -> tuple[str, array[int]]:
    """``raw`` with character references replaced, and each output character's raw offset.

    The offsets are a machine-integer array (8 bytes a character, where a list of ints took
    about 36: an 11 MB page peaked at 616 MiB)."""
    pieces: list[str] = []
    positions: array[int] = array("q")
    last = 0
    for match in _CHAR_REF.finditer(raw):
        pieces.append(raw[last : match.start()])
        positions.extend(range(last, match.start()))
        replacement = html_lib.unescape(match.group())
        pieces.append(replacement)
        positions.extend([match.start()] * len(replacement))
        last = match.end()
    pieces.append(raw[last:])
    positions.extend(range(last, len(raw)))
    return "".join(pieces), positions
