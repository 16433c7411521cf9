"""Name mentions from spaCy's entities, cleaned and completed before grouping.

NER spans in news text are often a little off: they start with a quote mark or ``the``, end in a
possessive, stop mid-name (``the ‘Islamic State of Iraq`` + ``Levant``), or miss a proper noun
that the article spells elsewhere as a name (``Makhmour`` beside ``Makhmur``). This module turns
``doc.ents`` into :class:`NameSpan` records with clean ``[start, end)`` offsets into ``doc.text``,
the role words written in front of a name (``Kurdish leader Masoud Barzani``), appositive roles
(``Mohammad Haj Mahmoud, secretary-general of ...``), and acronyms the article defines
(``Islamic State of Iraq and the Levant (ISIL)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sayso.entities.context_types import type_cue
from sayso.entities.lexicon import lexicon
from sayso.entities.match import words_match
from sayso.entities.names import WordKey, fold, word_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
)
_OPENERS = "\"'“‘«‹([ "
_CLOSERS = "\"'”’»›)]:;,.!? "
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_CONTINUATION = re.compile(r"^\s+and\s+(?:the\s+)?((?:[A-Z][\w\-']*\s?){1,3})")
_DEFINED_ACRONYM = re.compile(r"^\s*\(([A-Z][A-Za-z.\-]{1,9})\)")
_TRAILING_DATE = re.compile(
    r",?\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,?\s+\d{4})?|\d{1,2}\s+(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)(?:\s+\d{4})?)$"
)
"""A date NER ran into the end of a place (``in Raqqa June 29, 2014``): not part of the name."""


@dataclass(slots=True)
class NameSpan:
    """One name mention before grouping."""

    start: int
    end: int
    text: str
    label: str
    """spaCy's label, or ``""`` for a name found by spelling alone."""
    sentence: int
    subject: bool
    """The name is the grammatical subject of its clause (a coreference preference)."""
    titles: list[str] = field(default_factory=list)
    roles: list[tuple[int, int, str]] = field(default_factory=list)
    """Role descriptions written with the name, as ``(start, end, text)`` in ``doc.text``."""
    weight: int = 1
    """Votes ``label`` gets in the entity's type vote (more when the context gave the label)."""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past quotes, a leading ``the`` and a trailing possessive, and to
    its last line: a name never runs over a line break (a heading the tagger read into the
    first sentence's name: ``Attack\n\nMilitants``), and a name's head comes last."""
    line_break = text.rfind("\n", start, end)
    if line_break >= 0 and text[line_break + 1 : end].strip():
        start = line_break + 1
        while start < end and text[start].isspace():
            start += 1
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in _OPENERS + "’”":
            start, changed = start + 1, True
        while end > start and text[end - 1] in _CLOSERS + "‘“":
            end, changed = end - 1, True
        article = _LEADING_ARTICLE.match(text[start:end])
        if article and end - start > article.end():
            start, changed = start + article.end(), True
        possessive = _POSSESSIVE.search(text[start:end])
        if possessive and end - start > len(possessive.group()) + 1:
            end, changed = end - len(possessive.group()), True
        trailing_date = _TRAILING_DATE.search(text, start, end)
        if trailing_date and trailing_date.start() > start:
            end, changed = trailing_date.start(), True
    return start, end


def _extend_cut_name(text: str, start: int, end: int) -> int:
    """The end of a name NER cut before ``and the Levant``: extended when the article marks the
    longer form as one name (a quote opened before it closes after it, or a defined acronym)."""
    found = _CONTINUATION.match(text[end : end + 60])
    if not found:
        return end
    new_end = end + found.start(1) + len(found.group(1).rstrip())
    opened = start > 0 and text[start - 1] in "“‘\"'"
    closes = new_end < len(text) and text[new_end] in "”’\"'"
    if (opened and closes) or _DEFINED_ACRONYM.match(text[new_end : new_end + 14]):
        return new_end
    return end


def _join_place(text: str, start: int, end: int, next_start: int, next_end: int) -> int:
    """``Islamic State`` + ``of|in`` + ``Iraq``: NER split one organisation name in two.

    Joined across ``of`` always; across ``in`` only when the joined name goes on to a longer form
    the article marks as one name (``... in Iraq and the Levant (ISIL)``)."""
    between = text[end:next_start]
    if between not in {" of ", " in "}:
        return end
    joined_end = _extend_cut_name(text, start, next_end)
    if between == " of " or joined_end > next_end:
        return joined_end
    return end


def _is_subject(span: Span) -> bool:
    return span.root.dep_ in {"nsubj", "nsubjpass"}


def _role_before(doc: Doc, text: str, span: Span) -> tuple[int, int, str] | None:
    """``Kurdish leader`` in ``Kurdish leader Masoud Barzani``: words left of the name that
    modify it, ending in a common noun or a title word."""
    lex = lexicon()
    index = span.start - 1
    first = None
    while index >= 0:
        token = doc[index]
        attached = token.head.i >= index and token.head.i < span.end
        if token.dep_ == "case" and index > 0:
            index -= 1
            continue
        if not attached or token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            break
        first = index
        index -= 1
    if first is None:
        return None
    last = doc[span.start - 1]
    if last.lower_ not in lex.role_nouns:
        return None
    start, end = doc[first].idx, last.idx + len(last.text)
    return start, end, text[start:end]


def _appositive_role(text: str, span: Span) -> tuple[int, int, str] | None:
    """``secretary-general of the Kurdistan Social Democratic Party`` after a name."""
    for child in span.root.children:
        if child.dep_ == "appos" and child.lower_ in lexicon().role_nouns and child.i >= span.end:
            tokens = list(child.subtree)
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            return start, end, text[start:end]
    return None


def _sentence_index(doc: Doc) -> list[int]:
    index: list[int] = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        for token in sentence:
            index[token.i] = number
    return index


def name_spans(doc: Doc, text: str) -> tuple[list[NameSpan], dict[str, str]]:
    """Clean name mentions of ``doc`` (whose text is ``text``) and the acronyms it defines
    (folded acronym → folded expansion)."""
    sentence_of = _sentence_index(doc)
    found: list[NameSpan] = []
    defined: dict[str, str] = {}
    covered_until = -1
    ents = [ent for ent in doc.ents if ent.label_ in NAME_LABELS]
    for position, ent in enumerate(ents):
        if ent.start_char < covered_until:
            continue
        label, weight = ent.label_, 1
        cue = type_cue(ent, label)
        if cue is not None:
            if cue.label is None:
                continue
            label, weight = cue.label, cue.weight
        start, end = _trim(text, ent.start_char, ent.end_char)
        if ent.label_ == "ORG" and position + 1 < len(ents):
            following = ents[position + 1]
            end = _join_place(text, start, end, following.start_char, following.end_char)
        if start >= end or not any(ch.isalpha() for ch in text[start:end]):
            continue
        end = _extend_cut_name(text, start, end)
        covered_until = end
        record = NameSpan(
            start, end, text[start:end], label, sentence_of[ent.start], _is_subject(ent),
            weight=weight,
        )  # fmt: skip
        if ent.label_ == "PERSON":
            roles = (_role_before(doc, text, ent), _appositive_role(text, ent))
            record.roles.extend(role for role in roles if role)
        acronym = _DEFINED_ACRONYM.match(text[end : end + 14])
        if acronym:
            letters = acronym.group(1)
            a_start = end + acronym.start(1)
            defined[fold(letters)] = fold(record.text)
            found.append(record)
            found.append(
                NameSpan(
                    a_start, a_start + len(letters), letters, ent.label_, record.sentence, False
                )
            )
            covered_until = a_start + len(letters)
            continue
        found.append(record)
    found = _without_overlaps(found)
    found.extend(_spelled_names(doc, len(text), found, sentence_of))
    found.sort(key=lambda item: item.start)
    return found, defined


def _without_overlaps(spans: list[NameSpan]) -> list[NameSpan]:
    kept: list[NameSpan] = []
    for span in sorted(spans, key=lambda item: (item.start, -item.end)):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _spelled_names(
    doc: Doc, length: int, found: list[NameSpan], sentence_of: list[int]
) -> list[NameSpan]:
    """Single proper nouns NER missed that spell a one-word name found elsewhere in the article."""
    known: dict[str, list[WordKey]] = {}
    for span in found:
        if " " not in span.text.strip():
            key = word_key(fold(span.text))
            for skeleton in key.skeletons:
                known.setdefault(skeleton, []).append(key)
    covered = bytearray(length + 1)
    for span in found:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    extra: list[NameSpan] = []
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ or covered[token.idx]:
            continue
        if not token.text[:1].isupper():
            continue
        key = word_key(fold(token.text))
        others = [other for skeleton in key.skeletons for other in known.get(skeleton, [])]
        if key.text and any(words_match(key, other) for other in others):
            subject = token.dep_ in {"nsubj", "nsubjpass"}
            end = token.idx + len(token.text)
            extra.append(NameSpan(token.idx, end, token.text, "", sentence_of[token.i], subject))
    return extra
