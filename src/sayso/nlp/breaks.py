"""A sentence never runs over a line break: the word after one starts a sentence; a lowercase
word after an abbreviation ("11:20 p.m. after reports") never does.

The small English model's parser joins a paragraph to the next when the first ends in
something it reads as an abbreviation ("... in a post on X.\\n\\nThe report, published by
Politico, said ..."): the speaker of the second paragraph's saying was then lost, and a quote
or a hop ran across the break. Lines of the canonical text are paragraphs, headings or
captions, so each line break ends a sentence; the parser keeps every boundary set before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.attrs import ORTH
from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT = "sayso_line_breaks"


@Language.component(COMPONENT, assigns=["token.is_sent_start"])
def sentences_end_at_line_breaks(doc: Doc) -> Doc:
    """Mark the word after each whitespace token holding a line break as a sentence start."""
    if len(doc) < 2:
        return doc
    # Each distinct word is read once, by its id: reading every token's text instead took a
    # fifth longer on the speed benchmark's articles (the component runs on every Doc).
    words = doc.to_array(ORTH).tolist()
    strings = doc.vocab.strings
    distinct = {word: strings[word] for word in set(words)}
    line_breaks = {word for word, text in distinct.items() if "\n" in text and text.isspace()}
    abbreviations = {word for word, text in distinct.items() if _abbreviation(text)}
    for index, word in enumerate(words[:-1]):
        if word in line_breaks:
            after = doc[index + 1]
            if not after.is_space:
                after.is_sent_start = True
        elif word in abbreviations and "\n" not in doc[index].whitespace_:
            after = doc[index + 1]
            if after.is_lower:
                after.is_sent_start = False
    return doc


def _abbreviation(word: str) -> bool:
    """A word holding its own final period and another before it ("p.m.", "a.m.", "U.S."): an
    abbreviation, which the parser may take for a sentence's end ("at about 11:20 p.m. after
    reports of gunfire, police said", split before "after"). A lowercase word after it carries
    the sentence on: edited news starts no sentence in lowercase."""
    return len(word) > 2 and word.endswith(".") and "." in word[:-1]


def add_line_breaks(nlp: Language) -> Language:
    """``nlp`` with the component before its parser (once; a pipeline without one is left)."""
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    return nlp
