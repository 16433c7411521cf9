"""Read scraped plain text that still carries page junk into an Article.

A scraped page is a run of *units*: lines, or blank-line-separated blocks where a block is
hard-wrapped prose. Each unit is one of

* the **section label** (``Middle East``: a short label-shaped unit just before the title),
* the **title** (a headline-shaped unit just before the first body paragraph),
* the **standfirst** (the outlet's summary between the title and the story's first paragraph:
  headline-shaped, without sentence punctuation, six words or more),
* a **caption** (a unit that ends with a photo credit: ``(credit: REUTERS/STRINGER)``,
  ``Photo: AP``, ``AFP via Getty Images``); the Caption's text is the unit without its
  credit, its raw span the whole unit,
* the **writer's box** after the story (the writer's name over a paragraph opening with it),
* **page junk** (share and comment prompts, navigation, newsletter and cookie lines,
  copyright, related-article lists...), or
* a **body paragraph**.

Junk is found by general rules, never by a page's own strings: a lexicon of template phrases
(``data/junk_patterns.json``) and a small logistic regression over line-shape features in the
spirit of the C4 and jusText filters (length, sentence punctuation, stop-word share, capitals,
digits, pipes and bullets, repetition, position, and the same features of the neighbouring
lines, and how many comment lines (authors, time stamps, reply links) are near and whether a
comment section has opened above; runs of headline-shaped lines, of lines without sentence
punctuation and of time stamps, as teaser lists and menus are, how regular the line lengths
around are, and the share of capitalised words and of stop words in the lines around; the
share of words that address the reader (``you``, ``we``: calls to action, promotions), a
teaser cut short (``…``), lists that alternate headline and blurb or time stamp), plus a
"main text" region: the run of units with the most prose in it, and the share of the page's
words it holds; and the word odds (:class:`WordOdds`): how much the line's words, and its
first word, spoke for article text on the training pages, and the same for the lines around
(calls to action, newsletter boxes, author bios and FAQ blocks have words of their own);
lines that end in a question and their share around (FAQ blocks), and runs of title-case
lines (link titles). A second stage sees the first one's probabilities around each unit and the
run of units it trusts most (and that run's share of the page), and how many units it doubts
lie between a unit and that run (a block of them parts a teaser list or a promotion from the
story), and how many words it trusts lie before and after each unit (a subheading has the
story on both sides, a teaser list below the story has none of it after). The model's
weights and word odds are data (``data/line_model.json``, trained by
``scripts/train_line_model.py`` on WCXB's even pages and PolNeAR's clean training texts).

The canonical text is the body paragraphs joined by ``\\n\\n`` (then, as for every reader,
:func:`sayso.ingest.article.make_article` appends the captions after the body). The title and
section go to the metadata and are **not** part of the canonical text (a headline is not a
sentence of the story; keeping it out means spans index the story alone). Nothing is deleted
silently: every unit that is not body is kept as a Caption or Removed with its raw span and a
reason, and the offset map sends every body character back to its raw offset.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from sayso.errors import EmptyInputError, NoArticleError
from sayso.ingest.article import make_article
from sayso.ingest.dates import has_written_date, stamped_date
from sayso.ingest.decode import resolve_references
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
    Span,
)

_WORD = re.compile(r"\w+")
_TERMINAL = re.compile(r"""[.!?…:;]["'”’»)\]]*$""")
_SENTENCE_BREAK = re.compile(r"""[.!?]["'”’)]*\s+["'“‘(]?[A-Z0-9]""")
_BULLETS = re.compile(r"[|•·»›▸►◦∙/]")
_TRIM_FOR_LEXICON = re.compile(r"""^[\s\W_]+|[\s:>»|›→•·.…!\-–—_]+$""")
# A listicle's headline opens with its number: "10 Easy Steps for a Great Interior Design".
_NUMBERED = re.compile(r"\d+\s+(?P<word>[^\W\d_]+)")
# Hard-wrapped prose: a block of lines that all (bar the last) are 50-100 characters long
# and within 30 characters of each other, as text editors and mail clients wrap.
_WRAP_MIN, _WRAP_MAX, _WRAP_SPREAD = 50, 100, 30
# A label (section) is one to four words; a headline three to thirty.
_LABEL_MAX_WORDS = 4
_TITLE_MIN_WORDS, _TITLE_MAX_WORDS = 3, 30
# A byline: "By Jane Roe", "Written by Jane Roe and John Doe", "Posted by Jane Roe on May 3,
# 2024", "Author: Jane Roe" (at most 12 words).
_BYLINE = re.compile(
    r"^(?i:by|written by|words by|reporting by|story by|posted by|author)\s*:?\s+(?=[A-Z])"
)
# The jobs a byline or a writer's own line names.
_JOBS = (
    r"(?:Correspondent|Reporter|Editor|Writer|Columnist|Journalist|Contributor|Critic|Reviewer"
    r"|Producer|Coordinator|Author)s?"
)
# Or a name and the writer's job, without "By": "Tom Whitfield, Courts Correspondent", "Ana
# Ruiz | Senior Reporter" (two to four capitalised words, then up to four more and the job),
# or with no mark between when the job is in sentence case ("Denis Campbell Health policy
# editor": the job starts at its one capitalised word).
_ROLE_BYLINE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s*[,|–—]\s*"
    r"(?:[A-Z][\w&'’-]*\s+){0,4}" + _JOBS + r"$"
    r"|^(?P<bare>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})\s+[A-Z][a-z]+(?:\s+[a-z]+){0,3}\s+"
    + _JOBS.lower()
    + r"$"
)
# A writer's job on a line of its own, under the name: "Former Deputy Tech Editor",
# "Founder & Lead Reviewer", "Associate Editor, PCWorld" (the job ends the line or is followed
# by a mark or "at"/"of": "Editor Resigns Over Row" is a headline).
_ROLE_LINE = re.compile(
    r"^(?:(?:[A-Z][\w'’-]*|&)\s+){0,4}" + _JOBS + r"(?:$|\s*[,|–—]|\s+(?:at|of)\s)"
)
# Who else a page credits under its headline: "Reviewed by: Jane Roe", "Illustrations: Tim
# Roe", "Fact-checked by Ana Ruiz", "Updated by Ana Ruiz" (not the writer: never the byline).
_CREDIT_LINE = re.compile(
    r"^(?i:(?:medically )?reviewed|fact[- ]checked|edited|updated|contributions from"
    r"|illustrations?|illustrated"
    r"|photographs?|photography|photos?|images?|graphics|video)(?:\s+(?i:by)\s*:?|\s*:)\s+"
    r"(?=[A-Z])"
)
_BYLINE_MAX_WORDS = 12
# "By" on a line of its own, the name on the next (two to four capitalised words).
_LONE_BY = re.compile(r"\s*(?i:by|written by|author)\s*:?\s*")
# A line of at most three words that ends in "by": the name is on the next line.
_BY_OPENER = re.compile(r"\s*(?:[\w-]+\s+){0,2}(?i:by)\s*:?\s*")
_NAME = re.compile(r"\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s*")
# A date after the name in a byline, and the mark or "on" before it.
_BYLINE_DATE = re.compile(
    r"\s*(?:\bon\b|[,|•·–—-])?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"\s+\d|\s*(?:\bon\b|[,|•·–—-])?\s*\d{4}-\d{2}-\d{2}",
    re.I,
)
# The title is looked for among the few units before the first paragraph of prose (five that
# could be one; bylines, date lines, buttons and captions between are not counted), within the
# page's header: at most fifteen units above the story.
_TITLE_LOOKBACK = 5
_HEADER_MAX_UNITS = 15
# Headlines mostly run to at most fifteen words; a longer headline-shaped unit under a shorter
# one is the standfirst.
_HEADLINE_USUAL_WORDS = 15
# A standfirst is a sentence-long summary: six words or more ("Key takeaways" or "In this
# article" under a headline are not one). Set by hand: on WCXB's even pages 3, 6 and 9 gave the
# same word F1 (0.9390).
_STANDFIRST_MIN_WORDS = 6
# The headline a byline or date line signs is looked for among the thirty units above the first
# paragraph of prose, with the byline or date at most three units under it.
_ANCHOR_WINDOW = 30
_ANCHOR_GAP = 3
# A date line is looked for down to the fifth unit under the first paragraph of prose (some
# pages set it under the standfirst, which reads as prose).
_DATE_BELOW_FIRST = 5
# A date line above the headline is at most this many units above it.
_DATE_ABOVE_TITLE = 2
# A date stamp is at most fourteen words ("November 14, 2026 9:41 AM GMT Updated 2 hours ago"
# is ten); longer lines of date words are lists of times, not a story's date.
_STAMP_MAX_WORDS = 14
# Captions are at most a few sentences.
_CAPTION_MAX_WORDS = 90
# Credits sit at the end of a caption; only its last characters are searched.
_CAPTION_TAIL = 160
# A "prose" unit, for the main-text region: 10+ words ending in sentence punctuation.
_PROSE_MIN_WORDS = 10


@dataclass(frozen=True, slots=True)
class Unit:
    """One line or wrapped block of the raw text, trimmed: ``raw[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Verdict:
    kind: str  # "body", "caption", "junk"
    reason: str = ""
    caption: str = ""
    credit: str | None = None


def read_plain_text(
    raw: str, source: Source, *, known_title: str | None = None, model: LineModel | None = None
) -> Article:
    """An Article from scraped plain text: body paragraphs, captions and removed junk.

    ``raw`` is the decoded input (see :func:`sayso.ingest.decode.decode_bytes`); character
    references left in it (``&#151;``, ``&amp;``) are resolved first
    (:func:`sayso.ingest.decode.resolve_references`), and every raw span and offset refers to
    the text so resolved. When the container already names the title (a JSONL field, a feed
    entry), ``known_title`` is given: only a line repeating it is taken as the title, so a
    short first paragraph is never mistaken for one. ``model``: the line model, the shipped
    one unless another is given (the training script scores the models it fits). Raises
    NoArticleError when every line is
    set apart (an article without text would share the empty text's id).
    """
    raw = resolve_references(raw)
    units = split_units(raw)
    if not units:
        raise EmptyInputError(source.location, "the text holds no words; give a text file.")
    verdicts = classify_units(units, model)
    body_idx = [i for i, v in enumerate(verdicts) if v.kind == "body"]
    first_prose = _first_prose(units, body_idx)
    title_idx = _find_title(units, verdicts, first_prose)
    if known_title is not None and (
        title_idx is None or units[title_idx].text.casefold() != known_title.strip().casefold()
    ):
        title_idx = None
    section_idx = _find_section(units, verdicts, title_idx)
    byline_idx = _find_byline(units, title_idx, body_idx)
    date_line = _find_date_line(units, title_idx, first_prose)
    date_idx = date_line[0] if date_line is not None else None
    if date_line is None and byline_idx is not None:
        # "Posted by Jane Roe on August 21, 2019": the byline dates the story
        day = stamped_date(units[byline_idx].text)
        date_line = (byline_idx, day) if day is not None else None
    credit_idx = _find_credit_lines(units, verdicts, title_idx, first_prose)
    standfirst_idx = _find_standfirst(units, verdicts, title_idx, first_prose)
    bio_idx = _find_author_box(units, verdicts)
    lone_by = (
        byline_idx - 1 if byline_idx and _LONE_BY.fullmatch(units[byline_idx - 1].text) else None
    )
    field_sources: dict[str, str] = {}
    if date_line is not None:
        field_sources["published"] = (
            "text-date-line" if date_idx is not None else "text-byline-line"
        )
    if byline_idx is not None:
        field_sources["byline"] = "text-byline-line"
    if title_idx is not None:
        field_sources["title"] = "text-first-line" if title_idx == 0 else "text-headline-line"
    if section_idx is not None:
        field_sources["section"] = "text-first-line" if section_idx == 0 else "text-label-line"

    paragraphs: list[Span] = []
    segments: list[OffsetSegment] = []
    captions: list[Caption] = []
    removed: list[Removed] = []
    pieces: list[str] = []
    offset = 0
    for i, (unit, verdict) in enumerate(zip(units, verdicts, strict=True)):
        raw_span = RawSpan(unit.start, unit.end)
        if i == title_idx:
            removed.append(Removed(unit.text, raw_span, "title: kept in metadata.title"))
        elif i == section_idx:
            removed.append(Removed(unit.text, raw_span, "section label: kept in metadata"))
        elif i in (byline_idx, lone_by):
            removed.append(Removed(unit.text, raw_span, "byline: kept in metadata.byline"))
        elif i == date_idx:
            removed.append(Removed(unit.text, raw_span, "date line: kept in metadata.published"))
        elif i in credit_idx:
            removed.append(Removed(unit.text, raw_span, "credit or job line under the headline"))
        elif i in standfirst_idx:
            removed.append(Removed(unit.text, raw_span, "standfirst under the headline"))
        elif i in bio_idx:
            removed.append(Removed(unit.text, raw_span, "author box after the story"))
        elif verdict.kind == "caption":
            # The caption's text starts the unit; the credit after it is set apart.
            captions.append(Caption(verdict.caption, raw_span, verdict.credit))
        elif verdict.kind == "junk":
            removed.append(Removed(unit.text, raw_span, verdict.reason))
        else:
            if pieces:
                offset += 2
            paragraphs.append(Span(offset, offset + len(unit.text), unit.text))
            segments.append(OffsetSegment(offset, unit.start, len(unit.text)))
            pieces.append(unit.text)
            offset += len(unit.text)
    if not pieces:
        raise NoArticleError(
            source.location,
            f"no article text: every one of its {len(units)} line(s) was set apart as a title, "
            "caption or page junk; give the article's own text.",
        )
    metadata = Metadata(
        title=units[title_idx].text if title_idx is not None else None,
        section=units[section_idx].text if section_idx is not None else None,
        byline=_byline_name(units[byline_idx].text) if byline_idx is not None else None,
        published=Published(value=date_line[1], source="text") if date_line is not None else None,
    )
    return make_article(
        "\n\n".join(pieces),
        source,
        metadata=metadata,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        removed=tuple(removed),
        offset_map=OffsetMap(tuple(segments)),
        field_sources=field_sources,
    )


def split_units(raw: str) -> list[Unit]:
    """The trimmed lines of ``raw``, hard-wrapped prose blocks kept whole."""
    units: list[Unit] = []
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in raw.split("\n"):
        if line.strip():
            lines.append((pos, line))
        elif lines:
            units.extend(_block_units(lines))
            lines = []
        pos += len(line) + 1
    if lines:
        units.extend(_block_units(lines))
    return units


def _block_units(lines: list[tuple[int, str]]) -> list[Unit]:
    if _is_wrapped(lines):
        first_pos, first = lines[0]
        last_pos, last = lines[-1]
        start = first_pos + (len(first) - len(first.lstrip()))
        end = last_pos + len(last.rstrip())
        text = "\n".join(line for _, line in lines)
        lead = len(first) - len(first.lstrip())
        return [Unit(start, end, text[lead : lead + end - start])]
    units = []
    for pos, line in lines:
        stripped = line.strip()
        start = pos + line.index(stripped)
        units.append(Unit(start, start + len(stripped), stripped))
    return units


def _is_wrapped(lines: list[tuple[int, str]]) -> bool:
    if len(lines) < 2:
        return False
    lengths = [len(line.strip()) for _, line in lines[:-1]]
    return (
        min(lengths) >= _WRAP_MIN
        and max(lengths) <= _WRAP_MAX
        and max(lengths) - min(lengths) <= _WRAP_SPREAD
    )


# --- classification ---------------------------------------------------------------------------


def classify_units(units: list[Unit], model: LineModel | None = None) -> list[_Verdict]:
    """Body, caption or junk (with a reason) for each unit; ``model``: the shipped line model
    unless another is given (the training script scores the models it fits)."""
    model = model or _line_model()
    texts = [u.text for u in units]
    rows = line_features(texts, model.odds)
    probabilities = unit_probabilities(rows, model)
    threshold = model.threshold
    verdicts: list[_Verdict] = []
    for text, row, probability in zip(texts, rows, probabilities, strict=True):
        caption = split_credit(text)
        if caption is not None:
            verdicts.append(_Verdict("caption", caption=caption[0], credit=caption[1]))
            continue
        category = junk_category(text)
        if category is not None:
            verdicts.append(_Verdict("junk", f"page junk ({category})"))
            continue
        # Prose inside the main text region stays unless the model is sure it is not text:
        # the model learnt from pages whose comments and teasers are prose too, and it must
        # not drop a story's last paragraph because page junk follows it. Not after a comment
        # section has opened, though: comments are prose, and there the model decides.
        if probability >= threshold or (
            probability >= _REGION_PROSE_FLOOR
            and row[_PROSE]
            and row[_IN_REGION]
            and not row[_CONTAINS]
            and not row[_IN_COMMENTS]
        ):
            verdicts.append(_Verdict("body"))
        else:
            verdicts.append(_Verdict("junk", f"not article text (line model p={probability:.2f})"))
    return verdicts


def _find_title(units: list[Unit], verdicts: list[_Verdict], first: int | None) -> int | None:
    """The headline-shaped unit nearest before ``first``, the first body paragraph of prose.

    What a page sets between its headline and its story is passed over, not counted in the
    lookback: captions, bylines, date lines, credits, the writer's job, share and follow
    buttons, one- and two-word lines (a "By" and a name on lines of their own).
    """
    if first is None:
        return None
    anchored = _anchored_headline(units, verdicts, first)
    if anchored is not None:
        return _over_standfirst(units, verdicts, anchored)
    looked = 0
    for i in range(first - 1, max(first - _HEADER_MAX_UNITS, -1), -1):
        text = units[i].text
        if verdicts[i].kind == "caption" or _passed_over(text):
            continue
        if _headline_shaped(text):
            return _over_standfirst(units, verdicts, i)
        looked += 1
        if looked == _TITLE_LOOKBACK:
            break
    return None


def _anchored_headline(units: list[Unit], verdicts: list[_Verdict], first: int) -> int | None:
    """The headline the page's header block dates or signs: the nearest headline-shaped unit
    within ``_ANCHOR_WINDOW`` units above ``first`` that has a byline or a date line at most
    ``_ANCHOR_GAP`` units under it (a standfirst or a section label may sit between). A
    subheading, a table of contents or a standfirst nearer the story has no byline under it."""
    for i in range(first - 1, max(first - _ANCHOR_WINDOW, 0) - 1, -1):
        text = units[i].text
        if (
            verdicts[i].kind == "caption"
            or _passed_over(text)
            or not _headline_shaped(text)
            or any(_opens_byline(units[k].text) for k in range(max(i - 2, 0), i))
        ):
            continue
        if any(_is_anchor(units[k].text) for k in range(i + 1, min(i + 1 + _ANCHOR_GAP, first))):
            return i
    return None


def _opens_byline(text: str) -> bool:
    """A byline, or a line that ends in "by" with the name on the lines under it ("By:",
    "Written By:", "reviewed by"): what follows within two lines is a name or a job, not the
    headline."""
    return _is_byline(text) or bool(_BY_OPENER.fullmatch(text))


def _is_anchor(text: str) -> bool:
    """A byline, a lone "By", or a short line holding a written date (published or updated)."""
    return (
        _is_byline(text)
        or bool(_LONE_BY.fullmatch(text))
        or (len(_WORD.findall(text)) <= _STAMP_MAX_WORDS and has_written_date(text))
    )


def _find_credit_lines(
    units: list[Unit], verdicts: list[_Verdict], title: int | None, first: int | None
) -> frozenset[int]:
    """The credit and job lines between the title and ``first``, the first paragraph of prose
    ("Reviewed by: Jane Roe", "Former Deputy Tech Editor"): never the story's text. A caption
    ("Photo: Reuters") stays a caption."""
    if title is None or first is None:
        return frozenset()
    return frozenset(
        i
        for i in range(title + 1, first)
        if verdicts[i].kind != "caption" and _is_credit_or_job(units[i].text)
    )


def _find_standfirst(
    units: list[Unit], verdicts: list[_Verdict], title: int | None, first: int | None
) -> frozenset[int]:
    """The standfirst: the first unit the line model kept under the title (bylines, date lines,
    captions and junk between passed over), when it is headline-shaped and comes before
    ``first``, the first paragraph of prose ("Health secretary says NHS faces its toughest
    winter as figures show ..."). The outlet's summary of the story, not its text: its claims
    are the story's own, told again. One unit only: what follows it (a table of contents,
    subheadings, lines of a paragraph broken at the page's width) is the page's or the
    story's, and the title, found by its byline, may be far above ``first``."""
    if title is None or first is None:
        return frozenset()
    for i in range(title + 1, first):
        text = units[i].text
        if verdicts[i].kind != "body" or _passed_over(text):
            continue
        standfirst = (
            len(_WORD.findall(text)) >= _STANDFIRST_MIN_WORDS
            and _headline_shaped(text)
            and not _TERMINAL.search(text)
        )
        return frozenset({i}) if standfirst else frozenset()
    return frozenset()


def _find_author_box(units: list[Unit], verdicts: list[_Verdict]) -> frozenset[int]:
    """The writer's box after the story: a line naming a person (two to four capitalised
    words), perhaps the writer's job on the line under it ("Contributing Writer"), then a
    paragraph of prose opening with that name ("Jane Roe is a senior reporter who ..."), and
    the paragraphs after it that name her by her first or last name ("Jane holds a degree in
    ...", "When she is not writing, Roe ..."), where no paragraph of prose the line model kept
    follows the box. A list of people, products or places heads its items so too: on a page
    with more than one heading over a paragraph opening with it, none is taken for the
    writer's box."""
    headed = [
        (i, k)
        for i in range(len(units) - 1)
        if len(_WORD.findall(units[i].text)) <= _LABEL_MAX_WORDS
        for k in (i + 1, i + 2)
        if k < len(units)
        and units[k].text.startswith(units[i].text + " ")
        and (k == i + 1 or len(_WORD.findall(units[i + 1].text)) < _PROSE_MIN_WORDS)
    ]
    if len({i for i, _ in headed}) != 1:
        return frozenset()
    i, bio = headed[0]
    name = units[i].text
    if not (_NAME.fullmatch(name) and verdicts[bio].kind == "body" and _is_prose(units[bio].text)):
        return frozenset()
    names = name.split()
    end = bio + 1
    while (
        end < len(units)
        and verdicts[end].kind == "body"
        and not {names[0], names[-1]}.isdisjoint(_WORD.findall(units[end].text))
    ):
        end += 1
    if any(verdicts[j].kind == "body" and _is_prose(units[j].text) for j in range(end, len(units))):
        return frozenset()
    return frozenset(j for j in range(i, end) if verdicts[j].kind == "body")


def _is_credit_or_job(text: str) -> bool:
    return bool(_CREDIT_LINE.match(text)) or (
        len(_WORD.findall(text)) <= _BYLINE_MAX_WORDS and bool(_ROLE_LINE.match(text))
    )


def _first_prose(units: list[Unit], body_idx: list[int]) -> int | None:
    """The first body paragraph of prose (not a headline-shaped line)."""
    return next(
        (i for i in body_idx if not _headline_shaped(units[i].text) and _is_prose(units[i].text)),
        None,
    )


def _passed_over(text: str) -> bool:
    """What a page sets between its headline and its story: a byline, a date line, a credit
    or the writer's job, a button, a line of one or two words."""
    return (
        _is_byline(text)
        or _is_date_stamp(text)
        or _is_credit_or_job(text)
        or len(_WORD.findall(text)) < _TITLE_MIN_WORDS
        or junk_category(text) is not None
    )


def _over_standfirst(units: list[Unit], verdicts: list[_Verdict], candidate: int) -> int:
    """The headline when ``candidate`` is the standfirst under it: a long headline-shaped unit
    right under a shorter one ("Hospital waiting lists rise to record 7.9m" over "Health
    secretary says NHS faces its toughest winter as figures show ...")."""
    words = len(_WORD.findall(units[candidate].text))
    if candidate == 0 or words < _STANDFIRST_MIN_WORDS:
        return candidate
    above = units[candidate - 1].text
    above_words = len(_WORD.findall(above))
    if (
        verdicts[candidate - 1].kind != "caption"
        and not _passed_over(above)
        and _headline_shaped(above)
        and above_words < words
        and (words > _HEADLINE_USUAL_WORDS or above_words > _LABEL_MAX_WORDS)
    ):
        return candidate - 1
    return candidate


def _find_date_line(
    units: list[Unit], title: int | None, first: int | None
) -> tuple[int, str] | None:
    """The date line of the page's header and the day it gives: the first date stamp with a
    full date from just above the title (some pages date the story over its headline) to
    ``first``, the first paragraph of prose."""
    if first is None:
        return None
    start = title - _DATE_ABOVE_TITLE if title is not None else first - _HEADER_MAX_UNITS
    for i in range(max(start, 0), min(first + _DATE_BELOW_FIRST, len(units))):
        if _is_date_line(units[i].text):
            day = stamped_date(units[i].text)
            if day is not None:
                return i, day
    return None


def _is_date_line(text: str) -> bool:
    """A date stamp, or a short line whose parts, split at the marks a header sets between its
    items ("March 15, 2022 · 3 min read · By ASU Online", "Posted on July 1, 2024 by Ana
    Ruiz"), are a date stamp and a few short items (a reading time, a byline, a section)."""
    if _is_date_stamp(text):
        return True
    words = _WORD.findall(text)
    if not 0 < len(words) <= _STAMP_MAX_WORDS:
        return False
    parts = [p for p in _HEADER_ITEM_MARK.split(text) if _WORD.search(p)]
    dates = [
        has_written_date(part) and all(_DATE_LINE_WORD.fullmatch(w) for w in _WORD.findall(part))
        for part in parts
    ]
    return any(dates) and all(
        is_date or len(_WORD.findall(part)) <= _HEADER_ITEM_MAX_WORDS
        for part, is_date in zip(parts, dates, strict=True)
    )


def _is_date_stamp(text: str) -> bool:
    """A short line of nothing but a date, a time and their words ("November 14, 2026 9:41 AM
    GMT Updated 2 hours ago", "Published: Thu 12 Nov 2026")."""
    words = _WORD.findall(text)
    return (
        0 < len(words) <= _STAMP_MAX_WORDS
        and any(c.isdigit() for c in text)
        and all(_DATE_WORD.fullmatch(w) for w in words)
    )


def _find_byline(units: list[Unit], title: int | None, body_idx: list[int]) -> int | None:
    """A ``By ...`` line between the title (or the page top) and the first body paragraph, or
    the name on the line after a lone "By"; what :func:`_passed_over` names is not counted in
    the lookback."""
    if not body_idx:
        return None
    start = title + 1 if title is not None else max(body_idx[0] - _TITLE_LOOKBACK, 0)
    looked = 0
    for i in range(start, min(start + _HEADER_MAX_UNITS, len(units))):
        text = units[i].text
        if not _passed_over(text):
            looked += 1  # the standfirst, a caption: five such units at most
            if looked > _TITLE_LOOKBACK:
                break
        if _is_byline(text):
            return i
        if _LONE_BY.fullmatch(text) and i + 1 < len(units) and _NAME.fullmatch(units[i + 1].text):
            return i + 1
        if _is_prose(text):
            break
    return None


def _is_byline(text: str) -> bool:
    """Whether a line names the writer: "By Jane Roe", or "Jane Roe, Political Editor"."""
    if len(_WORD.findall(text)) > _BYLINE_MAX_WORDS:
        return False
    return bool(_BYLINE.match(text) or _ROLE_BYLINE.match(text))


def _byline_name(text: str) -> str:
    """Who wrote it, from a byline line: without "By", the writer's job or the date after the
    name ("By Jane Roe - Mar 27, 2024", "Posted by Jane Roe on August 21, 2019")."""
    role = _ROLE_BYLINE.match(text)
    if role:
        return role.group("name") or role.group("bare")
    name = _BYLINE.sub("", text)
    date = _BYLINE_DATE.search(name)
    return name[: date.start()] if date and date.start() > 0 else name


def _find_section(units: list[Unit], verdicts: list[_Verdict], title: int | None) -> int | None:
    """A short label right before the title, or as the page's first line."""
    if title is None or title == 0:
        return None
    candidate = title - 1
    text = units[candidate].text
    words = _WORD.findall(text)
    if (
        verdicts[candidate].kind != "caption"
        and 1 <= len(words) <= _LABEL_MAX_WORDS
        and text[:1].isupper()
        and not re.search(r"[.!?,;:|•/]", text)
        and junk_category(text) is None
    ):
        return candidate
    return None


def _is_prose(text: str) -> bool:
    words = _WORD.findall(text)
    return len(words) >= _PROSE_MIN_WORDS and bool(_TERMINAL.search(text))


def _headline_shaped(text: str) -> bool:
    words = _WORD.findall(text)
    if not _TITLE_MIN_WORDS <= len(words) <= _TITLE_MAX_WORDS:
        return False
    # (a sentence ending inside its closing quote, '... remains "uncomfortably high."', is
    # no headline either)
    if _SENTENCE_BREAK.search(text) or re.search(r"""[.;:,]["'”’»)\]]*$""", text.rstrip()):
        return False
    # A listicle's headline opens with its number; a date or time line ("12 March 2025",
    # "3 min read") with a number then a date word.
    numbered = _NUMBERED.match(text)
    opening = (
        text[:1].isupper()
        or text[:1] in "\"“‘'"
        or (numbered is not None and not _DATE_LINE_WORD.fullmatch(numbered.group("word")))
    )
    return opening and junk_category(text) is None


# --- lexicons ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Lexicon:
    line: tuple[tuple[str, re.Pattern[str]], ...]
    contains: tuple[tuple[str, re.Pattern[str]], ...]
    captions: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    """(cheap prerequisite, credit pattern) pairs."""
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = resources.files("sayso.ingest") / "data"
    junk = json.loads((data / "junk_patterns.json").read_text("utf-8"))
    line = tuple(
        (category, re.compile(rf"(?:{'|'.join(patterns)})", re.I))
        for category, patterns in junk["line"].items()
        if not category.startswith("_")
    )
    contains = tuple(
        (category, re.compile("|".join(patterns), re.I))
        for category, patterns in junk["contains"].items()
        if not category.startswith("_")
    )
    cap = json.loads((data / "caption_patterns.json").read_text("utf-8"))
    agencies = "|".join(re.escape(a) for a in sorted(cap["agencies"], key=len, reverse=True))
    captions = tuple(
        (
            re.compile(entry.get("requires", "").replace("{agency}", agencies), re.I),
            re.compile(entry["pattern"].replace("{agency}", agencies), re.I),
        )
        for entry in cap["credit_suffix"]
    )
    stop_lines = (data / "stopwords_en.txt").read_text("utf-8").splitlines()
    stopwords = frozenset(w.strip() for w in stop_lines if w.strip() and not w.startswith("#"))
    return _Lexicon(line, contains, captions, stopwords)


def junk_category(text: str) -> str | None:
    """The junk-lexicon category a whole line belongs to, if any."""
    trimmed = _TRIM_FOR_LEXICON.sub("", text)
    if not trimmed:
        return "no words" if not _WORD.search(text) else None
    for category, pattern in _lexicon().line:
        if pattern.fullmatch(trimmed):
            return category
    return None


def split_credit(text: str) -> tuple[str, str] | None:
    """(caption, credit) when ``text`` is caption-shaped and ends with a photo credit.

    The caption is the text before the credit (the whole line when it is a bare credit).
    """
    if len(_WORD.findall(text)) > _CAPTION_MAX_WORDS:
        return None
    tail_start = max(len(text) - _CAPTION_TAIL, 0)
    tail = text[tail_start:]
    for requires, pattern in _lexicon().captions:
        if not requires.search(tail):
            continue
        match = pattern.search(tail)
        if match:
            caption = text[: tail_start + match.start()].rstrip(" \t|-–—")
            return caption or text, match.group("credit").strip(" /|-–—")
    return None


# --- the line model ---------------------------------------------------------------------------

FEATURE_NAMES: tuple[str, ...] = (
    "log_words",
    "log_chars",
    "terminal_punct",
    "sentences",
    "stopword_share",
    "capitalised_share",
    "digit_share",
    "upper_share",
    "bullets",
    "junk_contains",
    "duplicate",
    "position",
    "words_before_share",
    "prose",
    "in_region",
    "log_region_distance",
    "after_region",
    "prev_log_words",
    "next_log_words",
    "prev_prose",
    "next_prose",
    "window3_prose",
    "window10_prose",
    "prev_junk",
    "next_junk",
    "prev_terminal",
    "next_terminal",
    "short_run",
    "junk_window5",
    "comment_window5",
    "in_comments",
    "log_duplicates",
    "duplicate_prose",
    "date_line",
    "date_window3",
    "headline_shape",
    "headline_window5",
    "unfinished_run",
    "log_words_vs_page",
    "length_spread5",
    "capitalised_window5",
    "stopword_window5",
    "second_person_share",
    "first_plural_share",
    "truncated",
    "period2_window5",
    "region_words_share",
    "word_odds_mean",
    "word_odds_min",
    "first_word_odds",
    "word_odds_window2",
    "question",
    "question_window5",
    "title_case",
    "title_case_run",
)


_COMMENT_CATEGORIES = frozenset({"comments", "comment_meta"})
# A time stamp: at most eight words, each a number, a month or weekday, or a clock word.
_DATE_MAX_WORDS = 8
_DATE_WORD = re.compile(
    r"\d+(?:st|nd|rd|th|h|m|d)?|jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|january"
    r"|february|march|april|june|july|august|september|october|november|december|mon|tue"
    r"|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm"
    r"|at|on|ago|min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|years?|updated"
    r"|published|posted|edt|est|gmt|utc|bst|cet|pdt|pst",
    re.I,
)
# The marks between the items of a header's date line, and "by" before a name.
_HEADER_ITEM_MARK = re.compile(r"\s*(?:[|•·・/—–]|--|\bby\b)\s*", re.I)
# The other items of a date line (a byline, a reading time, a section) are short.
_HEADER_ITEM_MAX_WORDS = 6
# The words of a date line, besides _DATE_WORD's: "3:50pm ET", "Last updated", "[Submitted on
# 18 Dec 2025]", "Originally posted". A pattern of its own: _DATE_WORD is a line-model feature.
_DATE_LINE_WORD = re.compile(
    _DATE_WORD.pattern + r"|\d+(?:am|pm)|et|ct|pt|read|last|submitted|originally|edited",
    re.I,
)
# Teaser headlines in a list run to a line or two; a story's own subheadings are shorter.
_HEADLINE_MAX_WORDS = 20
# Comment sections: how many lines either side are looked at for page junk and comment lines.
_JUNK_RADIUS = 5
# A comment section opens with a comment line that has this many more within the next lines.
_COMMENTS_AHEAD, _COMMENT_LINES = 15, 2
# Prose in the main region is kept from this probability up, below the threshold. In 2-fold
# cross-validation over the even pages (threshold 0.36) 0 (always kept) gave word F1 0.9208
# (recall 0.9604), 0.08: 0.9217, 0.1: 0.9219 (0.9602), 0.15: 0.9228 (0.9599), 0.2: 0.9236
# (0.9585). The user's example article (examples/article.txt) has its last paragraph at
# p 0.16 (a comment box follows it): 0.2 drops it, 0.15 keeps it by a hair, so 0.1.
# With the word odds (threshold 0.35), CV gave 0.1: 0.9280 (recall 0.9717), 0.15: 0.9292,
# 0.2: 0.9304 (0.9715), 0.25: 0.9310 (0.9711), 0.3: 0.9319 (0.9699), 0.35: 0.9318; the
# example's last paragraph is now at p 0.28, so 0.3 would drop it and 0.25 keep it by a hair:
# 0.2, which also lets an author's bio after the story go (p 0.14 in the tests).
_REGION_PROSE_FLOOR = 0.2
_PROSE = FEATURE_NAMES.index("prose")
_IN_REGION = FEATURE_NAMES.index("in_region")
_CONTAINS = FEATURE_NAMES.index("junk_contains")
_IN_COMMENTS = FEATURE_NAMES.index("in_comments")


@dataclass(frozen=True, slots=True)
class _Shape:
    words: int
    terminal: bool
    prose: bool
    junk: bool
    row: tuple[float, ...]
    comment: bool = False
    """A comment section's header or a comment's author, time or reply line."""
    date: bool = False
    """A time stamp on its own: ``- 28 January 2026``, ``Mar 3, 2024 at 9:15 pm``."""
    headline: bool = False
    """Headline-shaped: a few capitalised words without sentence punctuation."""


def _shape(text: str, stopwords: frozenset[str], counts: Counter[str]) -> _Shape:
    words = _WORD.findall(text)
    n = len(words)
    letters = [c for c in text if c.isalpha()]
    terminal = bool(_TERMINAL.search(text))
    stop_share = sum(w.lower() in stopwords for w in words) / n if n else 0.0
    prose = n >= _PROSE_MIN_WORDS and terminal and stop_share >= 0.15
    contains = any(p.search(text) for _, p in _lexicon().contains)
    category = junk_category(text)
    date = 0 < n <= _DATE_MAX_WORDS and any(c.isdigit() for c in text)
    date = date and all(_DATE_WORD.fullmatch(w) for w in words)
    junk = category is not None or (contains and not prose)
    row = (
        math.log1p(n),
        math.log1p(len(text)),
        float(terminal),
        math.log1p(len(_SENTENCE_BREAK.findall(text))),
        stop_share,
        sum(w[:1].isupper() for w in words) / n if n else 0.0,
        sum(c.isdigit() for c in text) / len(text),
        sum(c.isupper() for c in letters) / len(letters) if letters else 0.0,
        min(len(_BULLETS.findall(text)), 3) / 3,
        float(contains),
        float(counts[text] > 1),
    )
    headline = (
        _TITLE_MIN_WORDS <= n <= _HEADLINE_MAX_WORDS
        and not terminal
        and (text[:1].isupper() or text[:1] in "\"“‘'")
    )
    return _Shape(n, terminal, prose, junk, row, category in _COMMENT_CATEGORIES, date, headline)


def _main_region(shapes: list[_Shape]) -> tuple[int, int]:
    """The run of units ``[start, end)`` with the most prose words net of non-prose ones."""
    # Non-prose units cost their words plus two, so menus of one-word lines add up.
    return _best_run([float(s.words) if s.prose else -(s.words + 2.0) for s in shapes])


def line_features(texts: list[str], odds: WordOdds | None = None) -> list[tuple[float, ...]]:
    """One feature row per unit, in the order of :data:`FEATURE_NAMES`; ``odds``: the word
    odds of the shipped line model unless others are given (the training script fits its own)."""
    odds = odds if odds is not None else _line_model().odds
    word_odds = [odds.of_line(t) for t in texts]
    odds_window = _window_mean([w[0] for w in word_odds], _ODDS_RADIUS)
    questions = [bool(_QUESTION.search(t)) for t in texts]
    question_window = _window_share(questions, _JUNK_RADIUS)
    stopwords = _lexicon().stopwords
    title_case = [_title_case(t, stopwords) for t in texts]
    title_runs = _run_lengths(title_case)
    counts = Counter(texts)
    shapes = [_shape(t, stopwords, counts) for t in texts]
    n = len(shapes)
    total_words = sum(s.words for s in shapes) or 1
    region_start, region_end = _main_region(shapes)
    junk_window = _window_share([s.junk for s in shapes], _JUNK_RADIUS)
    comment_window = _window_share([s.comment for s in shapes], _JUNK_RADIUS)
    in_comments = _after_comment_header(shapes)
    short_from, short_until = _short_runs(shapes)
    unfinished = _run_lengths([not s.terminal for s in shapes])
    date_window = _window_share([s.date for s in shapes], 3)
    headline_window = _window_share([s.headline for s in shapes], _JUNK_RADIUS)
    log_words = [s.row[0] for s in shapes]
    median_log_words = sorted(log_words)[n // 2] if n else 0.0
    spread = _window_spread(log_words, _JUNK_RADIUS)
    capitalised = _window_mean([s.row[5] for s in shapes], _JUNK_RADIUS)
    stop = _window_mean([s.row[4] for s in shapes], _JUNK_RADIUS)
    pronouns = [_pronoun_shares(t) for t in texts]
    period2 = _window_share(_period_two(shapes), _JUNK_RADIUS)
    region_share = sum(s.words for s in shapes[region_start:region_end]) / total_words
    rows: list[tuple[float, ...]] = []
    words_before = 0
    for i, s in enumerate(shapes):
        prev = shapes[i - 1] if i > 0 else None
        nxt = shapes[i + 1] if i + 1 < n else None
        if region_start <= i < region_end:
            distance = 0
        elif i < region_start:
            distance = region_start - i
        else:
            distance = i - region_end + 1
        # Short units from here on, plus those just before: the run of short lines around i.
        run = short_from[i] + (short_until[i - 1] if i > 0 else 0)
        rows.append(
            (
                *s.row,
                i / max(n - 1, 1),
                words_before / total_words,
                float(s.prose),
                float(distance == 0),
                math.log1p(distance),
                float(i >= region_end),
                prev.row[0] if prev else 0.0,
                nxt.row[0] if nxt else 0.0,
                float(prev.prose) if prev else 0.0,
                float(nxt.prose) if nxt else 0.0,
                _share_prose(shapes, i, 3),
                _share_prose(shapes, i, 10),
                float(prev.junk) if prev else 0.0,
                float(nxt.junk) if nxt else 0.0,
                float(prev.terminal) if prev else 0.0,
                float(nxt.terminal) if nxt else 0.0,
                math.log1p(run),
                junk_window[i],
                comment_window[i],
                float(in_comments[i]),
                math.log(counts[texts[i]]),
                float(counts[texts[i]] > 1 and s.prose),
                float(s.date),
                date_window[i],
                float(s.headline),
                headline_window[i],
                math.log1p(unfinished[i]),
                s.row[0] - median_log_words,
                spread[i],
                capitalised[i],
                stop[i],
                pronouns[i][0],
                pronouns[i][1],
                float(bool(_TRUNCATED.search(texts[i]))),
                period2[i],
                region_share,
                *word_odds[i],
                odds_window[i],
                float(questions[i]),
                question_window[i],
                float(title_case[i]),
                math.log1p(title_runs[i]),
            )
        )
        words_before += s.words
    return rows


# Word odds of the lines this many either side: an author's bio, an FAQ or a promotion box is
# a block of lines whose words are those of page furniture (set by hand, not tuned).
_ODDS_RADIUS = 2
# A line that ends in a question: FAQ blocks and teasers ask, a story's paragraphs seldom do.
_QUESTION = re.compile(r"""\?["'”’»)\]]*$""")
_ODDS_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class WordOdds:
    """How much each common word speaks for article text, learnt on the training pages.

    ``words``: the log-odds that a page's article text holds the word against that its page
    junk does, counted in pages (a word all over one site's menus counts once), for words seen
    on enough training pages; ``first``: the same for a line's first word. Calls to action
    (``subscribe``, ``sign``, ``download``, ``click``), shop and teaser words and the language
    of author bios come out negative, reporting verbs positive: a class of words learnt from
    the pages, not a list written for a site.
    """

    words: dict[str, float]
    first: dict[str, float]

    def of_line(self, text: str) -> tuple[float, float, float]:
        """The mean and the least odds of the line's known words, and its first word's odds
        (0 for words the table does not hold)."""
        words = [w.lower() for w in _ODDS_WORD.findall(text)]
        known = [self.words[w] for w in words if w in self.words]
        return (
            sum(known) / len(known) if known else 0.0,
            min(known, default=0.0),
            self.first.get(words[0], 0.0) if words else 0.0,
        )


# Pronouns of address (apostrophes dropped: "you're" is "youre"); "we're" and "we'll" are
# left out, as they would read "were" and "well".
_SECOND_PERSON = frozenset(
    {"you", "your", "yours", "yourself", "yourselves", "youre", "youll", "youve", "youd"}
)
_FIRST_PLURAL = frozenset({"we", "our", "ours", "us", "ourselves", "weve"})
_TRUNCATED = re.compile(r"(?:…|\.\.\.)\s*$")


def _title_case(text: str, stopwords: frozenset[str]) -> bool:
    """Whether every word but the stop words is capitalised, in a line of three words or
    more: link titles of teaser lists and menus ("Best Overall Hiking Boots"); a story's
    sentences and most news headlines are in sentence case."""
    words = [w for w in _WORD.findall(text) if w.lower() not in stopwords and not w.isdigit()]
    return (
        len(_WORD.findall(text)) >= _TITLE_MIN_WORDS
        and bool(words)
        and all(w[:1].isupper() for w in words)
    )


def _pronoun_shares(text: str) -> tuple[float, float]:
    """The share of the words that are ``you`` and ``we`` forms: promotions and calls to action
    speak to the reader, a news story seldom does outside its quotes."""
    words = [w.lower() for w in _WORD.findall(text.replace("’", "").replace("'", ""))]
    if not words:
        return 0.0, 0.0
    n = len(words)
    return (
        sum(w in _SECOND_PERSON for w in words) / n,
        sum(w in _FIRST_PLURAL for w in words) / n,
    )


def _period_two(shapes: list[_Shape]) -> list[bool]:
    """Whether each unit has the shape of the unit two before it but not of the one just
    before it: teaser lists alternate headline and blurb (or headline and time stamp)."""
    out = [False] * len(shapes)
    for i in range(2, len(shapes)):
        a, b, c = shapes[i - 2], shapes[i - 1], shapes[i]
        out[i] = _alike(a, c) and not _alike(b, c)
    return out


# Two units are alike when their log word counts differ by under this: about twice as many
# words (set by hand, not tuned).
_ALIKE_LOG_WORDS = 0.7


def _alike(a: _Shape, b: _Shape) -> bool:
    """Same shape: both headline-shaped or not, both ending a sentence or not, of like length."""
    return (
        a.headline == b.headline
        and a.terminal == b.terminal
        and abs(a.row[0] - b.row[0]) < _ALIKE_LOG_WORDS
    )


def _window_share(flags: list[bool], radius: int) -> list[float]:
    """For each unit, the share of the units within ``radius`` either side (itself not
    counted) that are flagged; linear in the number of units."""
    return _window_mean([float(flag) for flag in flags], radius)


def _run_lengths(flags: list[bool]) -> list[int]:
    """For each unit, the length of the run of flagged units it belongs to (0 when unflagged)."""
    out = [0] * len(flags)
    i = 0
    while i < len(flags):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < len(flags) and flags[j]:
            j += 1
        out[i:j] = [j - i] * (j - i)
        i = j
    return out


def _window_mean(values: list[float], radius: int) -> list[float]:
    """For each unit, the mean of ``values`` over the units within ``radius`` either side
    (itself not counted); linear, by prefix sums."""
    sums = [0.0]
    for v in values:
        sums.append(sums[-1] + v)
    n = len(values)
    out: list[float] = []
    for i in range(n):
        lo, hi = max(0, i - radius), min(n, i + radius + 1)
        others = hi - lo - 1
        out.append((sums[hi] - sums[lo] - values[i]) / others if others else 0.0)
    return out


def _window_spread(values: list[float], radius: int) -> list[float]:
    """For each unit, the standard deviation of ``values`` within ``radius`` either side:
    menus and teaser lists are regular, a story's paragraphs vary. Linear, by prefix sums."""
    sums, squares = [0.0], [0.0]
    for v in values:
        sums.append(sums[-1] + v)
        squares.append(squares[-1] + v * v)
    n = len(values)
    out: list[float] = []
    for i in range(n):
        lo, hi = max(0, i - radius), min(n, i + radius + 1)
        k = hi - lo
        mean = (sums[hi] - sums[lo]) / k
        out.append(math.sqrt(max((squares[hi] - squares[lo]) / k - mean * mean, 0.0)))
    return out


def _after_comment_header(shapes: list[_Shape]) -> list[bool]:
    """Whether each unit comes after the opening of a comment section: a comment line that
    follows the story's prose and has more comment lines (authors, time stamps, reply links)
    right after it. A "12 comments" link above or inside a story opens nothing."""
    comment_meta = [s.comment for s in shapes]
    out: list[bool] = []
    seen_prose = in_comments = False
    for i, shape in enumerate(shapes):
        out.append(in_comments)
        if (
            not in_comments
            and shape.comment
            and seen_prose
            and sum(comment_meta[i + 1 : i + 1 + _COMMENTS_AHEAD]) >= _COMMENT_LINES
        ):
            in_comments = True
        seen_prose = seen_prose or shape.prose
    return out


def _short_runs(shapes: list[_Shape]) -> tuple[list[int], list[int]]:
    """For each unit, how many short units (under ``_PROSE_MIN_WORDS`` words) run from it
    forwards, and how many end at it counting backwards: two passes, where counting at each
    unit took time quadratic in the length of a run of short lines."""
    n = len(shapes)
    short_from = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        short_from[i] = short_from[i + 1] + 1 if shapes[i].words < _PROSE_MIN_WORDS else 0
    short_until = [0] * n
    for i, shape in enumerate(shapes):
        if shape.words < _PROSE_MIN_WORDS:
            short_until[i] = (short_until[i - 1] if i > 0 else 0) + 1
    return short_from, short_until


def _share_prose(shapes: list[_Shape], i: int, radius: int) -> float:
    window = shapes[max(0, i - radius) : i + radius + 1]
    return sum(s.prose for s in window) / len(window)


CONTEXT_FEATURE_NAMES: tuple[str, ...] = (
    "p",
    "p_neighbours1",
    "p_window3",
    "p_window10",
    "p_words_window5",
    "p_max_before3",
    "p_max_after3",
    "p_doc",
    "in_p_region",
    "log_p_region_distance",
    "after_p_region",
    "p_previous",
    "p_next",
    "p_min_window2",
    "p_region_words_share",
    "log_low_between",
    "log_low_run_between",
    "log_trusted_words_before",
    "log_trusted_words_after",
)


def context_features(rows: list[tuple[float, ...]], first: list[float]) -> list[tuple[float, ...]]:
    """Stage-two rows: each unit's own row plus the first stage's verdicts around it.

    A heading or short quote between two paragraphs of the story is story; a good sentence in
    a run of menu items is not. The second stage sees the neighbourhood's probabilities.
    """
    n = len(rows)
    doc_mean = sum(first) / n if n else 0.0
    # The story is one stretch of the page: the run where the first stage's confident words
    # outweigh its doubtful ones most.
    region_start, region_end = _best_run(
        [(p - 0.5) * row[0] for p, row in zip(first, rows, strict=True)]
    )
    total = sum(row[0] for row in rows) or 1.0
    region_share = sum(row[0] for row in rows[region_start:region_end]) / total
    low_between, low_run_between = _low_between(first, region_start, region_end)
    before, after = _trusted_words(rows, first)
    out: list[tuple[float, ...]] = []
    for i, row in enumerate(rows):
        distance = max(region_start - i, i - region_end + 1, 0)
        neighbours = [first[j] for j in (i - 1, i + 1) if 0 <= j < n]
        window5 = range(max(0, i - 5), min(n, i + 6))
        weight = sum(rows[j][0] for j in window5) or 1.0
        out.append(
            (
                *row,
                first[i],
                sum(neighbours) / len(neighbours) if neighbours else 0.0,
                _mean(first, i, 3),
                _mean(first, i, 10),
                sum(first[j] * rows[j][0] for j in window5) / weight,
                max(first[max(0, i - 3) : i], default=0.0),
                max(first[i + 1 : i + 4], default=0.0),
                doc_mean,
                float(distance == 0),
                math.log1p(distance),
                float(i >= region_end),
                first[i - 1] if i > 0 else 0.0,
                first[i + 1] if i + 1 < n else 0.0,
                min(first[max(0, i - 2) : i + 3]),
                region_share,
                math.log1p(low_between[i]),
                math.log1p(low_run_between[i]),
                math.log1p(before[i]),
                math.log1p(after[i]),
            )
        )
    return out


# A unit the first stage trusts, for the story's prose words before and after a unit.
_TRUSTED_P = 0.5


def _trusted_words(
    rows: list[tuple[float, ...]], first: list[float]
) -> tuple[list[float], list[float]]:
    """For each unit, how many words of prose units the first stage trusts lie before it and
    after it on the page: a subheading has the story on both sides, a teaser list after the
    story has none of it below. Prose only, as the headlines of a teaser list may be trusted
    themselves (2-fold CV word F1 0.9325 against 0.9319 counting every trusted unit). Linear,
    by running sums."""
    words = [
        math.expm1(row[0]) if p >= _TRUSTED_P and row[_PROSE] else 0.0
        for row, p in zip(rows, first, strict=True)
    ]
    before, total = [], 0.0
    for w in words:
        before.append(total)
        total += w
    return before, [total - b - w for b, w in zip(before, words, strict=True)]


# A unit the first stage doubts, for the barrier between a unit and the story.
_LOW_P = 0.3


def _low_between(first: list[float], start: int, end: int) -> tuple[list[int], list[int]]:
    """For each unit outside the region ``[start, end)``, how many units the first stage
    doubts (p under ``_LOW_P``) lie between it and the region, and the longest unbroken run of
    them: the story's last paragraph after a caption or an advertisement line has one or two
    doubtful units before it, a teaser list or a promotion under a newsletter box has a block
    of them. Zero inside the region. Linear: one pass out from each end of the region."""
    n = len(first)
    count, longest = [0] * n, [0] * n
    for order in (range(end, n), range(start - 1, -1, -1)):
        seen = run = best = 0
        for i in order:
            count[i], longest[i] = seen, best
            low = first[i] < _LOW_P
            seen += low
            run = run + 1 if low else 0
            best = max(best, run)
    return count, longest


def _best_run(gains: list[float]) -> tuple[int, int]:
    """The run ``[start, end)`` of largest positive total gain (Kadane's algorithm); an empty
    run at 0 when no gain is positive."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, gain in enumerate(gains):
        if total <= 0:
            total, start = 0.0, i
        total += gain
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end


def _mean(values: list[float], i: int, radius: int) -> float:
    window = values[max(0, i - radius) : i + radius + 1]
    return sum(window) / len(window)


def unit_probabilities(
    rows: list[tuple[float, ...]], model: LineModel | None = None
) -> list[float]:
    """The line model's (the shipped one unless ``model`` is given) probability that each unit
    (its :func:`line_features` row) is text."""
    model = model or _line_model()
    first = [model.first.probability(r) for r in rows]
    return [model.second.probability(r) for r in context_features(rows, first)]


@dataclass(frozen=True, slots=True)
class LogisticStage:
    """Logistic regression over standardised features."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def probability(self, row: tuple[float, ...]) -> float:
        z = self.bias + sum(
            w * (x - m) / s
            for w, x, m, s in zip(self.weights, row, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@dataclass(frozen=True, slots=True)
class LineModel:
    """Two stacked logistic regressions: line shape and words, then those plus context."""

    first: LogisticStage
    second: LogisticStage
    threshold: float
    odds: WordOdds


def _stage(data: dict[str, Any], names: tuple[str, ...]) -> LogisticStage:
    if tuple(data["features"]) != names:
        raise ValueError("line model features do not match this module's; retrain it")
    return LogisticStage(
        weights=tuple(float(w) for w in data["weights"]),
        bias=float(data["bias"]),
        mean=tuple(float(m) for m in data["mean"]),
        scale=tuple(float(s) for s in data["scale"]),
    )


def line_model_from_json(data: dict[str, Any]) -> LineModel:
    """A LineModel from its JSON form; feature names must match this module's."""
    return LineModel(
        first=_stage(data["first"], FEATURE_NAMES),
        second=_stage(data["second"], FEATURE_NAMES + CONTEXT_FEATURE_NAMES),
        threshold=float(data["threshold"]),
        odds=WordOdds(
            words={str(w): float(v) for w, v in data["word_odds"]["words"].items()},
            first={str(w): float(v) for w, v in data["word_odds"]["first"].items()},
        ),
    )


@lru_cache(maxsize=1)
def _line_model() -> LineModel:
    path = resources.files("sayso.ingest") / "data" / "line_model.json"
    return line_model_from_json(json.loads(path.read_text("utf-8")))
