"""What relative expressions are resolved against: the clause's tense and the anchor date.

Tense decides the direction of a bare weekday or month (``on Wednesday`` in a past-tense
report is the Wednesday before the anchor, in a future-tense one the Wednesday after). With a
spaCy ``Doc`` the tense is read from the verb that governs the expression; without one, from
cue words in the sentence (``will``, ``next`` → future; ``was``, ``-ed`` verbs → past).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from sayso.time.lexicon import load_lexicon
from sayso.time.normalize import FUTURE, PAST, UNKNOWN

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]\.)+[A-Za-z]?|\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|St|Jr|Sr|No|Co"
    r"|Inc|Corp|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$"
)
"""A word whose period ends the abbreviation, not the sentence (``8 p.m. EST``, ``Sen. Smith``,
``U.S. officials``): a clause's tense cues on both sides of it stay in one sentence."""
_PAST_VERB = re.compile(r"\b(?:\w{3,}ed)\b")
_MAX_HEAD_STEPS = 6  # a timex is rarely more than a few arcs below its verb
_FINITE_TAGS = frozenset({"MD", "VBD", "VBZ", "VBP"})
_NONFINITE_TAGS = frozenset({"VB", "VBG", "VBN"})
_PROSPECTIVE_MODALS = frozenset({"will", "'ll", "shall", "wo", "would", "might", "may"})
"""Modals whose clause, in news, is about what has not happened yet (``could come Tuesday``)."""
_INTENTION_LEMMAS = frozenset({"plan", "schedule", "set", "expect", "intend", "prepare", "due"})
"""Verbs of arrangement: what they govern lies ahead even in the past tense (``planned to
leave on Thursday``, ``has scheduled a news conference Thursday``)."""
_FUTURE_SIGNAL = re.compile(
    r"(?:\b(?i:as\s+(?:soon|early)\s+as|effective|ahead\s+of)|(?<!\bup\s)(?<!\bnot\s)\b(?:until|till))"
    r"(?:\s+at)?\s+$"
)
"""Words just before an expression that put it ahead of the report whatever the verb's tense
(``postponed until Tuesday``, ``a new pact effective June 1``, ``ahead of the weekend``). A
lower-case ``until`` only: one opening a sentence (``Until Thursday, police had...``) and
``up until`` / ``not until`` look back. Tuned on TimeBank (train) and AQUAINT (dev) weekdays,
weekends and month names."""


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence around ``[start, end)``, by punctuation."""
    window_start = max(0, start - 400)
    left = window_start
    for match in _SENTENCE_END.finditer(text, window_start, start):
        if not _after_abbreviation(text, match.start()):
            left = match.end()
    limit = min(len(text), end + 400)
    right = limit
    for match in _SENTENCE_END.finditer(text, end, limit):
        if not _after_abbreviation(text, match.start()):
            right = match.start() + 1
            break
    return left, right


def _after_abbreviation(text: str, stop: int) -> bool:
    """Whether the period at ``stop`` closes an abbreviation rather than a sentence."""
    if text[stop] != ".":
        return False
    word_start = stop
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    return _ABBREVIATION.fullmatch(text, word_start, stop) is not None


def _cue_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w']){alternation}(?![\w'])", re.IGNORECASE)


@functools.cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The future and past cue patterns, compiled once."""
    lex = load_lexicon()
    return _cue_pattern(lex.future_cues), _cue_pattern(lex.past_cues)


def tense_from_text(text: str, start: int, end: int) -> int:
    """The tense of the sentence around ``[start, end)`` from cue words (no parse)."""
    if _FUTURE_SIGNAL.search(text, max(0, start - 20), start):
        return FUTURE
    left, right = sentence_bounds(text, start, end)
    sentence = text[left:start] + " " + text[end:right]
    future, past = _cues()
    if future.search(sentence):
        return FUTURE
    if past.search(sentence) or _PAST_VERB.search(sentence):
        return PAST
    return UNKNOWN


def _governing_verb(token: Token) -> Token | None:
    for _ in range(_MAX_HEAD_STEPS):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _finite_auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE_TAGS]


def _arranges(verb: Token) -> bool:
    """A verb of arrangement; ``set`` only with what it sets up (``set to open``, ``set for
    Monday``), not as a participle of the past (``the record set on Aug. 6``)."""
    if verb.lemma_ not in _INTENTION_LEMMAS:
        return False
    if verb.lemma_ != "set":
        return True
    return any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children)


def _has_been(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "been" for c in verb.children)


def _has_perfect_have(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in {"have", "'ve"} for c in verb.children)


def tense_from_doc(doc: Doc, text: str, start: int, end: int) -> int:
    """The tense of the finite verb that governs ``[start, end)`` in a parse of ``text``.

    Non-finite verbs (``closing``, ``to acquire``, ``completed``) are climbed through to the
    finite verb above them. Future: ``will``/``shall`` and other prospective modals, a verb of
    arrangement (``planned``, ``scheduled to``), ``as soon as`` just before, or a present-tense
    verb governing an infinitive (``plans to meet Monday``). Past: a past-tense verb or
    auxiliary, a present perfect (also progressive: ``have been searching since``), or a bare
    participle modifying a noun (``the decision, announced Wednesday``). Anything else (plain
    present, ``could``) is ``UNKNOWN``.
    """
    if _FUTURE_SIGNAL.search(text, max(0, start - 20), start):
        return FUTURE
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = _governing_verb(span.root) if span is not None and len(span) else None
    if verb is None or span is None:
        return tense_from_text(text, start, end)
    if (
        verb.tag_ == "VBN"
        and verb.dep_ in {"acl", "advcl"}
        and not _arranges(verb)
        and not _finite_auxiliaries(verb)
    ):
        return PAST  # a bare participle clause: ``the decision, announced Wednesday``
    if (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and _arranges(verb)
        and not _finite_auxiliaries(verb)
    ):
        # ``a memorial service planned for Saturday was canceled``: arranged before a past
        # event, for a day on either side of the report
        noun_verb = _governing_verb(verb.head)
        if noun_verb is not None and (
            noun_verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in _finite_auxiliaries(noun_verb))
        ):
            return UNKNOWN
    infinitive = False
    # ``On Friday, the government planned to pay``: a time put before a verb of arrangement
    # dates the arranging, not what was arranged
    intention = _arranges(verb) and not (span.end <= verb.i and verb.tag_ == "VBD")
    for _ in range(_MAX_HEAD_STEPS):
        if verb.tag_ not in _NONFINITE_TAGS or _finite_auxiliaries(verb):
            break
        infinitive = infinitive or any(c.tag_ == "TO" for c in verb.children)
        head = verb.head
        if verb.dep_ in {"acl", "relcl"} and infinitive and head.pos_ in {"NOUN", "PROPN"}:
            head = head.head  # ``will have a chance to make it known Tuesday``: the noun's verb
        if head.i == verb.i or head.pos_ not in {"VERB", "AUX"}:
            break
        verb = head
        intention = intention or (infinitive and verb.lemma_ in _INTENTION_LEMMAS)
    auxiliaries = _finite_auxiliaries(verb)
    words = {c.lower_ for c in auxiliaries}
    if verb.tag_ == "VBN" and words & _PROSPECTIVE_MODALS and _has_perfect_have(verb):
        return PAST  # ``may have been``, ``would have left``: a modal of the past
    if words & _PROSPECTIVE_MODALS or intention:
        return FUTURE
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxiliaries):
        return PAST
    if verb.tag_ == "VBN" and words & {"has", "have", "'ve", "'s"}:
        return PAST
    if verb.tag_ == "VBG" and words & {"has", "have", "'ve", "'s"} and _has_been(verb):
        return PAST  # a present perfect progressive: ``have been searching since Oct. 23``
    if infinitive and verb.tag_ in {"VBZ", "VBP"}:
        return FUTURE
    return UNKNOWN
