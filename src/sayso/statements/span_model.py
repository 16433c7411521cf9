"""A learned choice of where a reported content starts and ends.

The rules that find a statement's content take a dependency subtree or a clause; PolNeAR's
annotators mark a content by the argument structure of the cue ("urged *supporters to
vote*", "criticized *Trump for not paying taxes*", "described *X as Y*") and leave out what
only sets the saying in time or place ("attacked *Machado* in early-morning tweets"). Where
the rules' boundary and the annotators' differ, this model moves it.

For each statement with a cue, the candidates for its first word are the words of its first
sentence that begin a phrase of the parse (or follow a punctuation mark), within
``MAX_SHIFT`` words of the rules' start and not across the cue; the candidates for its last
word likewise end a phrase; a third decision is whether a phrase before the cue (its
subject, "*Trump* is expected to speak") joins a content that follows the cue. Each
candidate is described by string features (its distance from the rules' bound, its word and
the word beyond it, the phrase it opens or closes and what that phrase hangs from, the
phrases it adds or drops, the statement's kind and the cue's lemma); a conditional logit per
decision (a softmax over one statement's candidates) scores them, the best wins, and a tie
keeps the rules' bound. The window is limited by structure, not by weights: the end never
grows over a phrase of the cue itself, a phrase that makes up most of the content keeps its
head, and (from the caller) no bound crosses another statement's cue or a dateline.

The weights are fitted by ``scripts/train_span_model.py`` on four fifths of the PolNeAR
*train* split; every 5th train article (the ``sayso eval quotes --split train --limit 168``
sample), dev and test are never seen, so figures on them are held-out figures. The kinds the
model may move (``SpanModel.kinds``) are those where it beat the rules inside the four
fifths; direct quotes, bound by their quotation marks, are never moved. Shipped as
``data/span_model.json.gz`` (weights only, no text), read once per process on first use;
scoring is a sum of weights, in pure Python.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MODEL_FILE = "span_model.json.gz"
TRIM_CHARACTERS = " \t\n.,;:!?\"“”„«»‘’'`"
"""What the PolNeAR scorer strips from both ends of a content before comparing it."""
MAX_SHIFT = 24  # candidates lie at most this many words from the rules' boundary
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# Words shown as themselves in features; other words are shown by their part of speech.
_CLOSED_CLASSES = frozenset({"ADP", "SCONJ", "CCONJ", "DET", "PRON", "PART", "AUX", "PUNCT"})


class TokenTable:
    """Per-token facts of one parsed document, each read from spaCy once and only when
    asked: the model asks them of thousands of candidate bounds per article."""

    __slots__ = ("_deps", "_left", "_right", "_trimmed", "_words", "doc", "heads", "sentences")

    def __init__(self, doc: Doc, sentences: Sequence[int] | None = None) -> None:
        """``sentences``, the first token of every sentence in order, saves a walk of the
        Doc's sentences for a caller that has them already."""
        self.doc = doc
        size = len(doc)
        # the offsets as Python ints in one call: iterating the array makes a numpy scalar each
        offsets: list[int] = doc.to_array("HEAD").astype("int64").tolist()
        self.heads: list[int] = [i + offset for i, offset in enumerate(offsets)]
        if sentences is None:
            sentences = [sentence.start for sentence in doc.sents] if size else []
        self.sentences: list[int] = list(sentences)
        """The first token of every sentence, in order."""
        self._deps: list[str | None] = [None] * size
        self._words: list[str | None] = [None] * size
        self._trimmed: list[bool | None] = [None] * size
        self._left: list[int] = [-1] * size
        self._right: list[int] = [-1] * size

    def __len__(self) -> int:
        return len(self.heads)

    def dep(self, i: int) -> str:
        found = self._deps[i]
        if found is None:
            found = self._deps[i] = self.doc[i].dep_
        return found

    def word(self, i: int | None) -> str:
        """Token ``i`` as a feature shows it: closed-class words and punctuation as
        themselves (lower case), other words by their part of speech; NONE for no token."""
        if i is None:
            return "NONE"
        found = self._words[i]
        if found is None:
            token = self.doc[i]
            if token.pos_ in _CLOSED_CLASSES or token.is_quote or token.is_punct:
                found = token.lower_
            else:
                found = token.pos_
            self._words[i] = found
        return found

    def trimmed(self, i: int) -> bool:
        """Whether the scorer strips token ``i`` whole (punctuation, quotation marks, spaces)."""
        found = self._trimmed[i]
        if found is None:
            found = self._trimmed[i] = not self.doc[i].text.strip(TRIM_CHARACTERS)
        return found

    def left_edge(self, i: int) -> int:
        found = self._left[i]
        if found < 0:
            found = self._left[i] = self.doc[i].left_edge.i
        return found

    def right_edge(self, i: int) -> int:
        found = self._right[i]
        if found < 0:
            found = self._right[i] = self.doc[i].right_edge.i
        return found

    def is_sentence_start(self, i: int) -> bool:
        index = bisect.bisect_right(self.sentences, i) - 1
        return index >= 0 and self.sentences[index] == i

    def sentence_start(self, i: int) -> int:
        """The first token of the sentence holding token ``i``."""
        return self.sentences[bisect.bisect_right(self.sentences, i) - 1]

    def sentence_end(self, i: int) -> int:
        """The last token of the sentence holding token ``i``."""
        index = bisect.bisect_right(self.sentences, i)
        return self.sentences[index] - 1 if index < len(self.sentences) else len(self) - 1


@functools.lru_cache(maxsize=1024)  # a handful of values, asked thousands of times an article
def _shift(delta: int) -> str:
    size = abs(delta)
    bucket = "0" if size == 0 else str(size) if size <= 3 else "4-7" if size <= 7 else "8+"
    return ("-" if delta < 0 else "+") + bucket


@functools.lru_cache(maxsize=1024)
def _length(words: int) -> str:
    for bound in (0, 1, 2, 4, 8, 16, 32):
        if words <= bound:
            return f"<={bound}"
    return ">32"


def _relation(table: TokenTable, i: int, cue: int) -> str:
    """How token ``i`` hangs from the cue: the cue itself, a child of it, or something else."""
    if i == cue:
        return "cue"
    head = table.heads[i]
    if head == cue:
        return "cue>" + table.dep(i)
    if table.heads[head] == cue:
        return "cue>" + table.dep(head) + ">" + table.dep(i)
    return "other"


def _phrase_from(table: TokenTable, i: int, cue: int) -> int:
    """The head of the largest phrase that starts at token ``i`` (short of the cue's own)."""
    heads = table.heads
    while heads[i] != i and heads[i] != cue and table.left_edge(heads[i]) == i:
        i = heads[i]
    return i


def _phrase_to(table: TokenTable, i: int, cue: int) -> int:
    """The head of the largest phrase that ends at token ``i`` (short of the cue's own)."""
    heads = table.heads
    while heads[i] != i and heads[i] != cue and table.right_edge(heads[i]) == i:
        i = heads[i]
    return i


def _opened(table: TokenTable, phrase: int, cue: int) -> str:
    """A phrase as its dependency label and how its head hangs from the cue."""
    return table.dep(phrase) + "@" + _relation(table, table.heads[phrase], cue)


def _roots(table: TokenTable, first: int, last: int, cue: int) -> list[str]:
    """The phrases tokens ``first..last`` are made of (their heads lie outside), as relations."""
    heads = table.heads
    found = {
        _relation(table, i, cue)
        for i in range(first, last + 1)
        if not first <= heads[i] <= last and not table.trimmed(i)
    }
    return sorted(found)


@dataclass(frozen=True, slots=True)
class Frame:
    """What every candidate of one statement shares: its cue, kind and the rules' bounds."""

    table: TokenTable
    cue: Token
    cue_first: int
    cue_last: int
    kind: str
    first: int
    """The rules' first word (token index, the scorer's trimming applied)."""
    last: int
    """The rules' last word."""
    lemma: str
    """The cue's lemma, marked "n:" for a noun."""
    side: str
    """Where the content lies: after-cue, before-cue or around-cue."""

    @classmethod
    def of(
        cls,
        table: TokenTable,
        cue: Token,
        cue_first: int,
        cue_last: int,
        kind: str,
        first: int,
        last: int,
    ) -> Frame:
        """The frame of a cue (``cue`` its head word) and the rules' first and last word."""
        lemma = ("n:" if cue.pos_ == "NOUN" else "") + cue.lemma_.lower()
        side = (
            "after-cue" if cue_last < first else "before-cue" if cue_first > last else "around-cue"
        )
        return cls(table, cue, cue_first, cue_last, kind, first, last, lemma, side)


def start_features(frame: Frame, start: int) -> list[str]:
    """The features of "the content starts at token ``start``"."""
    table, cue, kind, lemma = frame.table, frame.cue.i, frame.kind, frame.lemma
    before = start - 1 if start > 0 else None
    opens = _opened(table, _phrase_from(table, start, cue), cue)
    delta = start - frame.first
    if delta < 0:
        change = ["add:" + r for r in _roots(table, start, frame.first - 1, cue)]
    elif delta > 0:
        change = ["drop:" + r for r in _roots(table, frame.first, start - 1, cue)]
    else:
        change = ["same"]
    word, previous, shift = table.word(start), table.word(before), _shift(delta)
    features = [
        "bias",
        "shift=" + shift,
        "word=" + word,
        "before=" + ("CUE" if before == frame.cue_last else previous),
        "dep=" + table.dep(start),
        "opens=" + opens,
        "kind=" + kind,
        "side=" + frame.side,
        "kind|shift=" + kind + "|" + shift,
        "kind|opens=" + kind + "|" + opens,
        "lemma|opens=" + lemma + "|" + opens,
        "word|before=" + word + "|" + previous,
        "sentence-start=" + str(before is None or table.is_sentence_start(start)),
        "opens|word=" + opens + "|" + word,
        "lemma|word=" + lemma + "|" + word,
        "kind|word|before=" + kind + "|" + word + "|" + previous,
    ]
    features += ["change=" + c for c in change]
    features += ["kind|change=" + kind + "|" + c for c in change]
    features += ["lemma|change=" + lemma + "|" + c for c in change]
    return features


def end_features(frame: Frame, end: int) -> list[str]:
    """The features of "the content ends at token ``end``"."""
    table, cue, kind, lemma = frame.table, frame.cue.i, frame.kind, frame.lemma
    sentence_end = table.sentence_end(end)
    after = end + 1 if end < sentence_end else None
    beyond = after
    while beyond is not None and table.trimmed(beyond):
        beyond = beyond + 1 if beyond < sentence_end else None
    closed = _opened(table, _phrase_to(table, end, cue), cue)
    if beyond is None:
        follows = "END"
    elif beyond == frame.cue_first:
        follows = "CUE"
    else:
        follows = _opened(table, _phrase_from(table, beyond, cue), cue)
    delta = end - frame.last
    if delta > 0:
        change = ["add:" + r for r in _roots(table, frame.last + 1, end, cue)]
    elif delta < 0:
        change = ["drop:" + r for r in _roots(table, end + 1, frame.last, cue)]
    else:
        change = ["same"]
    word, next_word, beyond_word = table.word(end), table.word(after), table.word(beyond)
    shift = _shift(delta)
    features = [
        "bias",
        "shift=" + shift,
        "word=" + word,
        "after=" + next_word,
        "beyond=" + beyond_word,
        "closes=" + closed,
        "follows=" + follows,
        "kind=" + kind,
        "side=" + frame.side,
        "kind|shift=" + kind + "|" + shift,
        "kind|follows=" + kind + "|" + follows,
        "lemma|follows=" + lemma + "|" + follows,
        "after|beyond=" + next_word + "|" + beyond_word,
        "closes|follows=" + closed + "|" + follows,
        "follows|beyond=" + follows + "|" + beyond_word,
        "kind|follows|beyond=" + kind + "|" + follows + "|" + beyond_word,
        "lemma|beyond=" + lemma + "|" + beyond_word,
        "closes|word=" + closed + "|" + word,
        "words=" + _length(end - frame.first + 1),
        "rest=" + _length(sentence_end - end),
    ]
    features += ["change=" + c for c in change]
    features += ["kind|change=" + kind + "|" + c for c in change]
    features += ["lemma|change=" + lemma + "|" + c for c in change]
    return features


def front_candidates(frame: Frame, floor: int) -> list[tuple[int, int]]:
    """Phrases before the cue that PolNeAR counts as a first piece of a content after it:
    the cue's subject ("*Trump* is expected to speak") or a word of the content the
    sentence puts first ("*which* she said was a mistake"), as (first, last) words."""
    if frame.side != "after-cue":
        return []
    table = frame.table
    found: list[tuple[int, int]] = []
    for i in range(max(floor, frame.cue_first - MAX_SHIFT), frame.cue_first):
        head = table.heads[i]
        if head == i or table.trimmed(i):
            continue
        if (head == frame.cue.i and table.dep(i) in _SUBJECTS) or frame.first <= head <= frame.last:
            first, last = table.left_edge(i), table.right_edge(i)
            if floor <= first and last < frame.cue_first:
                found.append((first, last))
    return found


def front_features(frame: Frame, piece: tuple[int, int] | None) -> list[str]:
    """The features of "the content has ``piece`` before the cue" (None: no such piece)."""
    cue = frame.cue
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children)
    agent = any(c.dep_ == "agent" for c in cue.children)
    voice = ("passive" if passive else "active") + ("+agent" if agent else "")
    if piece is None:
        return [
            "none",
            "none|kind=" + frame.kind,
            "none|voice=" + voice,
            "none|lemma=" + frame.lemma,
            "none|tag=" + cue.tag_,
        ]
    table = frame.table
    first, last = piece
    head = next(i for i in range(first, last + 1) if not first <= table.heads[i] <= last)
    role = (
        _relation(table, head, cue.i)
        if table.heads[head] == cue.i
        else "content>" + table.dep(head)
    )
    word = table.word(first)
    return [
        "piece",
        "role=" + role,
        "role|voice=" + role + "|" + voice,
        "role|kind=" + role + "|" + frame.kind,
        "role|lemma=" + role + "|" + frame.lemma,
        "role|tag=" + role + "|" + cue.tag_,
        "word=" + word,
        "role|word=" + role + "|" + word,
        "words=" + _length(last - first + 1),
        "gap=" + _length(frame.cue_first - last - 1),
        "voice|kind=" + voice + "|" + frame.kind,
    ]


def start_candidates(frame: Frame, floor: int, ceiling: int) -> list[int]:
    """Words in ``floor..ceiling`` where a content may start: where a phrase starts, or
    after punctuation, or the rules' own start."""
    table = frame.table
    low = max(floor, frame.first - MAX_SHIFT)
    high = min(ceiling, frame.first + MAX_SHIFT)
    found = {frame.first}
    for i in range(low, high + 1):
        if table.trimmed(i):
            continue
        if table.left_edge(i) == i or (i > 0 and table.trimmed(i - 1)):
            found.add(i)
    return sorted(found)


def end_candidates(frame: Frame, floor: int, ceiling: int) -> list[int]:
    """Words in ``floor..ceiling`` where a content may end: where a phrase ends, or before
    punctuation, or the rules' own end."""
    table = frame.table
    low = max(floor, frame.last - MAX_SHIFT)
    high = min(ceiling, frame.last + MAX_SHIFT)
    found = {frame.last}
    for i in range(low, high + 1):
        if table.trimmed(i):
            continue
        if table.right_edge(i) == i or (i + 1 < len(table) and table.trimmed(i + 1)):
            found.add(i)
    return sorted(found)


@dataclass(frozen=True, slots=True)
class Window:
    """Where a statement's bounds may move (token indices, inclusive)."""

    start_low: int
    start_high: int
    end_low: int
    end_high: int
    front_low: int
    """The first word a piece before the cue may take."""


@dataclass(frozen=True, slots=True)
class Bounds:
    """What the model chose: the content's first and last word, and a piece before the cue."""

    first: int
    last: int
    front: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class SpanModel:
    """Weights of three conditional logits (a softmax over each decision's candidates):
    over :func:`start_features`, :func:`end_features` and :func:`front_features`."""

    start_weights: Mapping[str, float]
    end_weights: Mapping[str, float]
    front_weights: Mapping[str, float]
    kinds: frozenset[str]
    """The statement kinds whose bounds the model moves (those where it beat the rules on
    articles it was not fitted on, inside train)."""

    @staticmethod
    def score(weights: Mapping[str, float], features: Sequence[str]) -> float:
        """The sum of the weights of ``features`` (unknown features weigh nothing)."""
        return sum(map(weights.get, features, itertools.repeat(0.0, len(features))))

    def bounds(self, frame: Frame, window: Window) -> Bounds:
        """The best scored candidate of each decision (ties keep the rules' choice)."""
        first = max(
            start_candidates(frame, window.start_low, window.start_high),
            key=lambda i: (
                self.score(self.start_weights, start_features(frame, i)),
                i == frame.first,
            ),
        )
        last = max(
            end_candidates(frame, window.end_low, window.end_high),
            key=lambda i: (
                self.score(self.end_weights, end_features(frame, i)),
                i == frame.last,
            ),
        )
        front: tuple[int, int] | None = None
        best = self.score(self.front_weights, front_features(frame, None))
        for piece in front_candidates(frame, window.front_low):
            score = self.score(self.front_weights, front_features(frame, piece))
            if score > best:
                front, best = piece, score
        return Bounds(first, last, front)


def _first_word(table: TokenTable, start: int, end: int) -> int | None:
    """Index of the first untrimmed word inside characters ``start..end``."""
    span = table.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    return next((i for i in range(span.start, span.end) if not table.trimmed(i)), None)


def _last_word(table: TokenTable, start: int, end: int) -> int | None:
    """Index of the last untrimmed word inside characters ``start..end``."""
    span = table.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    return next((i for i in reversed(range(span.start, span.end)) if not table.trimmed(i)), None)


def _main_heads(
    table: TokenTable, first: int, last: int, cue_first: int, cue_last: int
) -> list[int]:
    """The heads of the phrases that make up most of tokens ``first..last`` (the cue's words
    left out): words whose head lies outside those tokens and whose phrase spans more than
    half of them. A content that is one clause has its verb here; one made of several
    phrases of the cue ("the plan / for its cost / on Monday") has none."""
    found = []
    size = last - first + 1
    for i in range(first, last + 1):
        if cue_first <= i <= cue_last or table.trimmed(i):
            continue
        head = table.heads[i]
        if head == i or not first <= head <= last or cue_first <= head <= cue_last:
            spanned = min(table.right_edge(i), last) - max(table.left_edge(i), first) + 1
            if 2 * spanned > size:
                found.append(i)
    return found


def statement_frame(
    table: TokenTable,
    cue: tuple[int, int],
    content: Sequence[tuple[int, int]],
    kind: str,
    floor: int = 0,
    ceiling: int | None = None,
    kept: tuple[int, int] | None = None,
) -> tuple[Frame, Window] | None:
    """The frame of a statement (cue and content in characters) and the window its bounds
    may move in: the start within the sentence of the first word; the end within the
    sentence of the last and never over a phrase of the cue; never across the cue, never
    into a gap between pieces, never before token ``floor`` nor after token ``ceiling``;
    never leaving out tokens ``kept`` nor the head of a phrase that makes up most of the
    content (the model moves a content's edges and chooses among the phrases of the cue; it
    does not cut a clause down to a fronted adverbial). None where the pieces cannot be
    read as words or the window leaves the rules' own bounds out."""
    cue_words = table.doc.char_span(*cue, alignment_mode="expand")
    first = _first_word(table, *content[0])
    last = _last_word(table, *content[-1])
    first_piece_last = _last_word(table, *content[0])
    last_piece_first = _first_word(table, *content[-1])
    if (
        cue_words is None
        or not len(cue_words)
        or first is None
        or last is None
        or first_piece_last is None
        or last_piece_first is None
        or first > last
    ):
        return None
    cue_first, cue_last = cue_words.start, cue_words.end - 1
    sentence_start = max(table.sentence_start(first), floor)
    start_low = sentence_start
    start_high = min(first_piece_last, table.sentence_end(first))
    end_low = max(last_piece_first, table.sentence_start(last))
    end_high = table.sentence_end(last)
    if ceiling is not None:
        end_high = min(end_high, ceiling)
    if cue_last < last:
        # PolNeAR leaves out what only sets the saying in time or place ("attacked Machado
        # in early-morning tweets"): the end never grows over a phrase of the cue itself.
        cue_head = cue_words.root.i
        beyond = next(
            (
                i
                for i in range(last + 1, end_high + 1)
                if table.heads[i] == cue_head and not table.trimmed(i)
            ),
            None,
        )
        if beyond is not None:
            end_high = min(end_high, max(last, table.left_edge(beyond) - 1))
    held = [*_main_heads(table, first, last, cue_first, cue_last), *(kept or ())]
    if held:
        start_high, end_low = min(start_high, *held), max(end_low, *held)
    if cue_last < first:
        start_low = max(start_low, cue_last + 1)
    elif cue_first <= first_piece_last:
        start_high = min(start_high, cue_first - 1)
    if cue_first > last:
        end_high = min(end_high, cue_first - 1)
    elif cue_last >= last_piece_first:
        end_low = max(end_low, cue_last + 1)
    if start_low > first or start_high < first or end_low > last or end_high < last:
        return None
    frame = Frame.of(table, cue_words.root, cue_first, cue_last, kind, first, last)
    return frame, Window(start_low, start_high, end_low, end_high, sentence_start)


def refined_content(
    model: SpanModel,
    table: TokenTable,
    cue: tuple[int, int],
    content: Sequence[tuple[int, int]],
    kind: str,
    floor: int = 0,
    ceiling: int | None = None,
    kept: tuple[int, int] | None = None,
) -> list[tuple[int, int]]:
    """``content`` with its first start and last end where the model puts them, and a piece
    before the cue where the model adds one; unchanged where the model keeps the rules'
    bounds or cannot read the statement. Nothing is taken before token ``floor`` (the end
    of a dateline, another statement's cue) nor after token ``ceiling``, and tokens
    ``kept`` (first, last: other statements' cues inside the content) stay inside."""
    pieces = list(content)
    if kind not in model.kinds:
        return pieces
    framed = statement_frame(table, cue, pieces, kind, floor, ceiling, kept)
    if framed is None:
        return pieces
    frame, window = framed
    chosen = model.bounds(frame, window)
    doc = table.doc
    if chosen.first > chosen.last:
        return pieces
    if chosen.first != frame.first:
        pieces[0] = (doc[chosen.first].idx, pieces[0][1])
    if chosen.last != frame.last:
        pieces[-1] = (pieces[-1][0], doc[chosen.last].idx + len(doc[chosen.last]))
    if chosen.front is not None:
        first, last = chosen.front
        pieces.insert(0, (doc[first].idx, doc[last].idx + len(doc[last])))
    return pieces


@functools.cache
def load_span_model() -> SpanModel | None:
    """The shipped model, or None when the package has none (the rules' bounds then stand)."""
    path = resources.files("sayso.statements").joinpath("data", _MODEL_FILE)
    if not path.is_file():
        return None
    raw = json.loads(gzip.decompress(path.read_bytes()))
    return SpanModel(
        start_weights={key: float(value) for key, value in raw["start_weights"].items()},
        end_weights={key: float(value) for key, value in raw["end_weights"].items()},
        front_weights={key: float(value) for key, value in raw["front_weights"].items()},
        kinds=frozenset(raw["kinds"]),
    )
