"""Read an HTML page into an Article: trafilatura for the story, lxml for figure captions.

* **Body**: trafilatura's main-content tree (comments excluded); each paragraph, heading,
  list item, quotation and table row becomes one paragraph of the canonical text, joined by
  ``\\n\\n``. A leading heading equal to the title is the headline: it goes to the metadata,
  not the body (as in :mod:`sayso.ingest.plaintext`).
* **Captions**: every ``<figcaption>`` of the page, with its credit (a child whose class names
  a credit, or a credit at the end of the text, as in the plain-text reader). Body paragraphs
  that repeat a caption are taken out.
* **Metadata**: title, byline, site name (the outlet), language and date from trafilatura,
  whose date comes from htmldate (``Published.source == "htmldate"``); the URL given, else
  the page's canonical URL; the language from ``<html lang>`` when trafilatura has none.
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
from dataclasses import replace
from typing import Any

from sayso.errors import NoArticleError, TooComplexError
from sayso.ingest.article import make_article
from sayso.ingest.decode import decode_bytes
from sayso.ingest.plaintext import split_credit
from sayso.records import (
    Article,
    Caption,
    Metadata,
    OffsetMap,
    OffsetSegment,
    Published,
    RawSpan,
    Source,
)

_CHAR_REF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_CREDIT_CLASS = re.compile(r"credit|copyright|source|byline|author", re.I)
_NOT_FOUND = RawSpan(0, 0)
# Trafilatura falls back to any text at all on a page without a story; a story has at least
# one sentence: five words or more ending in sentence punctuation.
_SENTENCE = re.compile(r"(?:\w+\W+){4,}\w+\W*[.!?…][\"'”’)]*(?:\s|$)")
_BLOCKS = frozenset({"p", "head", "quote", "code", "item", "row"})
PARSER_MAX_DEPTH = 255
"""libxml2's HTML parser keeps elements at most this deep (counting from ``<html>``)."""
PARSER_MAX_ATTRIBUTE = 10_000_000
"""libxml2 drops a tag whose attribute value is longer than this (its XML_MAX_TEXT_LENGTH)."""


def read_html(data: bytes | str, source: Source, *, url: str | None = None) -> Article:
    """An Article from an HTML page; raises NoArticleError when it holds no article text."""
    import trafilatura

    raw = decode_bytes(data, source.location) if isinstance(data, bytes) else data
    document: Any = trafilatura.bare_extraction(
        raw,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        with_metadata=True,
    )
    paragraphs = _paragraphs(document.body) if document is not None else []
    title = _clean(document.title) if document is not None and document.title else None
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    unescaped, positions = _unescape_with_positions(raw)
    captions = _captions(raw, unescaped, positions)
    caption_texts = {c.text for c in captions}
    paragraphs = [p for p in paragraphs if p not in caption_texts]
    if not any(_SENTENCE.search(p) for p in paragraphs):
        too_complex = _beyond_parser_limits(raw)
        if too_complex is not None:
            raise TooComplexError(source.location, too_complex)
        raise NoArticleError(
            source.location,
            "the page holds no article text (it may be an index, a login wall or a script-only "
            "page); give the article's own page or its text.",
        )
    assert document is not None
    metadata, field_sources = _metadata(document, raw, url, title)
    article = make_article(
        "\n\n".join(paragraphs),
        source,
        metadata=metadata,
        captions=tuple(captions),
        offset_map=_offset_map(raw, unescaped, positions, paragraphs),
        field_sources=field_sources,
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
        else:
            text = _clean("".join(element.itertext()))
        if text:
            out.append(text)
    return out


def _captions(raw: str, unescaped: str, positions: array[int]) -> list[Caption]:
    """Every ``<figcaption>`` of the page, with its credit and raw span.

    A caption whose text is not found verbatim in the page gets the empty span at 0.
    """
    import lxml.html  # type: ignore[import-untyped, unused-ignore]
    from lxml import etree  # type: ignore[import-untyped, unused-ignore]

    try:
        root = lxml.html.document_fromstring(raw)
    except (etree.ParserError, ValueError):
        return []
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


def _metadata(
    document: Any, raw: str, url: str | None, title: str | None
) -> tuple[Metadata, dict[str, str]]:
    sources: dict[str, str] = {}
    for name, value in (
        ("title", title),
        ("byline", document.author),
        ("outlet", document.sitename),
        ("url", url or document.url),
    ):
        if value:
            sources[name] = "argument" if name == "url" and url else "trafilatura"
    language = document.language
    if language:
        sources["language"] = "trafilatura"
    else:
        match = re.search(r"<html[^>]*\slang=[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)", raw[:5000])
        language = match.group(1).lower() if match else None
        if language:
            sources["language"] = "html-lang"
    published = None
    if document.date:
        published = Published(value=document.date, source="htmldate")
        sources["published"] = "htmldate"
    metadata = Metadata(
        title=title,
        byline=_clean(document.author) if document.author else None,
        outlet=_clean(document.sitename) if document.sitename else None,
        url=url or document.url,
        language=language,
        published=published,
    )
    return metadata, sources


def _offset_map(
    raw: str, unescaped: str, positions: array[int], paragraphs: list[str]
) -> OffsetMap:
    """Segments for the paragraphs found verbatim (references unescaped) in ``raw``, in order."""
    segments: list[OffsetSegment] = []
    canonical = 0
    cursor = 0
    for paragraph in paragraphs:
        at = unescaped.find(paragraph, cursor)
        if at >= 0:
            segments.extend(_runs(raw, paragraph, canonical, positions[at : at + len(paragraph)]))
            cursor = at + len(paragraph)
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
