"""Statements in a parsed article: direct, partial and reported speech, and the outlet's voice.

Order of work: find reported clauses (``reported``) and paired quotes (``quotes``); give each
quote a cue and speaker from the words around it (after it: "..., he said"; before it: "He
said: ..."; the sentence before it: "X praised him. ..."; or, failing those, the speaker of the
statement the discourse continues); keep the reported clauses the quotes did not take; set
each quote's bounds as PolNeAR does for mixed quotes (the words a set-off cue interrupts, the
words that finish the quote's sentence, a floating quote right after a statement as its second
piece); make the remaining sentences own-voice statements; then link nested statements, chains
and stance.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sayso.entities.coref import document_outlet
from sayso.entities.gender import gender_of
from sayso.entities.lexicon import lexicon as entity_lexicon
from sayso.ingest.outlets import outlet_named
from sayso.nlp.budget import check_budget
from sayso.nlp.columns import with_pos
from sayso.nlp.doctext import doc_text
from sayso.records import AttributionHop, Entity, Mention, Span, Statement
from sayso.records.model import StatementKind
from sayso.statements.carriers import (
    MEDIA_WORK_VERBS,
    carriers_in_sentence,
    network_of_programme,
    published_in,
    relayed_by,
)
from sayso.statements.chain import build_chain, outlet_hops, same_source
from sayso.statements.cue_model import PHRASE_PREFIX
from sayso.statements.intervals import RangeIndex
from sayso.statements.lexicons import Lexicons, lemma_forms, load_lexicons
from sayso.statements.noise import hypothetical, relative_clause, speaks_or_records
from sayso.statements.quotes import Quote, find_quotes, inner_span, paragraph_ranges
from sayso.statements.reported import (
    TIME_LABELS,
    Reported,
    cue_ratio,
    cue_span,
    dates_a_saying,
    depicts,
    find_reported,
    passed_on,
    source_of,
    subject_of,
)
from sayso.statements.span_model import TokenTable, load_span_model, refined_content
from sayso.statements.speaker import (
    addressee_of,
    entities_by_id,
    is_first_person,
    media_noun,
    mention_at,
    phrase_span,
    source_role,
)
from sayso.statements.stance import own_voice_stance, stance_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as Span_

VERSION = "0.1.0"
EXTRACTOR = f"sayso.statements@{VERSION}"

_WORD = re.compile(r"\w+")
_WORD_NOISE = re.compile(r"[^a-z0-9]+")
# A name that labels a quote: before it ("Ana Ruiz ― “...”", "SMITH: “...”") or signing it
# after a dash at the end of its paragraph ("“...” ― Ana Ruiz.").
_NAME = r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4})"
_LABEL = re.compile(r"\s*" + _NAME + r"\s*([―—–:])\s*")
_SIGNATURE = re.compile(r"\s*([―—–])\s*" + _NAME + r"[.,]?\s*")
# A caption's label after the caption's own words: "Media caption Barack Obama: “...”".
_CAPTION_LABEL = re.compile(r".*?\s" + _NAME + r"\s*(:)\s*")
# A transcript turn: "NAME: words", the paragraph perhaps opening a quotation mark first.
# A title's label: a capitalised first word and up to three more before a colon ("Clinton
# camp: ...", "CNN President On Trump: ...").
_TITLE_LABEL = re.compile(r"\s*([A-Z][\w.'’-]*(?: [\w.'’-]+){0,3}):\s+\S")
_TURN = re.compile(r"\s*[\"“]?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+\S")
# The end of a sentence in raw text: the parser often starts a sentence at a quotation mark,
# so the words before a quote are found from punctuation, not from the parse.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘'A-Z])")
_CLOSING_PUNCT = ",—–-?!:"
_MIN_QUOTE_WORDS = 4  # shorter quotes are scare quotes, names or titles unless a cue frames them
_VOICED_WORDS = 5  # a quote this long inside any reported clause is the speaker's words
# Pronouns that point elsewhere: a content that is one of them alone says nothing until it is
# read as what it stands for (:func:`_pointed_content`).
_POINTERS = frozenset({"that", "this", "these", "those", "which", "what", "who", "whom"})
_PREDICATE_RELATIONS = frozenset({"oprd", "acomp"})  # "called the claims baseless"
# Words after which a short quote in title case is a name ("an episode of 'The Morning Show'").
_TITLE_LEADS = (" of", " on", " in", " at", " from", " the", "’s", "'s")
_MAX_TITLE_WORDS = 8  # a longer quote standing alone in title case is a headline quote
_MIN_FLOATING_WORDS = 8  # a shorter quote in mid-sentence with no cue is a scare quote
_PARTIAL_SHARE = 0.6  # a quote under this share of a reported clause is a partial quote in it
_MAX_NICKNAME_WORDS = 2
_REOPENING = (",", ":", ";", "—", "–", "-")  # how a cue between two halves of a quote ends
_MIN_LEAD_WORDS = 2  # "Sooner or later, X said, '...'"; a lone "But," before the cue is not content
_SET_OFF_TOKENS = 6  # "..., the former secretary continued": the clause's first verb is this near
_MAX_FRAME_TOKENS = 30  # a cue further than this from its quote belongs to something else
# A verb outside the lexicon frames a quote when at least this share of its PolNeAR train
# occurrences were cues (tuned on PolNeAR dev).
_CUE_RATIO = 0.3
_CLAUSE_RELATIONS = frozenset({"ccomp", "xcomp", "dobj", "prep", "advcl", "attr"})
_ANTECEDENT_WINDOW = 60  # tokens searched back for what an unresolved "it" speaker refers to
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_DOCUMENT_LABEL = "DOCUMENT"  # the entity layer's label for a document mention ("the report")
_PLACE_LABELS = frozenset({"LOC", "FAC"})  # places that never speak, unlike a GPE's government
_PHRASE_DEPTH = 4  # how far up a speaker candidate is checked for a preposition
_PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC"})  # entities a person's name never belongs to
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them"})
# What a cue reports ahead of the colon or comma that introduces a quote ("suggested X: '...'").
_LEAD_RELATIONS = frozenset({"ccomp", "dobj", "xcomp"})  # dobj: before a comma only
_QUOTE_MARKS_CLOSING = "\"”’'»`"
_MAX_ITEM_WORDS = 40  # a longer paragraph after "X said:" is prose again, not a listed point
_QUOTE_MARKS_OPENING = "\"“‘'«`"
# What closes a quotation right after its last word: punctuation, then a double mark ("''" is
# the double mark of the New York Times' style).
_CLOSING_TAIL = re.compile(r"[,.;:?!]*(?:”|\"|'')")
_LINK_RUN = 4  # so many headline lines in a row are a list of links, not the story
_HEADLINE_WORDS = 14  # a longer line is prose
_SINGLE_OPENING = "‘'"  # a quote inside a quote ('" \'It was greed,\' [Ruiz] said."')
# Adverbs by which the writer marks a saying as passed on to them ("apparently wrote back"):
# such a statement comes through the news document named last, this many paragraphs back.
_HEARSAY_ADVERBS = frozenset({"apparently", "reportedly", "supposedly", "allegedly", "purportedly"})
_HEARSAY_PARAGRAPHS = 3
# Verbs by which someone calls a thing a name ("called the treaty a 'bad deal'"): a quote in
# what they report is their words.
_CALLING_VERBS = frozenset(
    {"call", "label", "dub", "brand", "term", "characterise", "characterize"}
)
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
_SPEAKER_PARAGRAPHS = 2  # a "he said" stands for a speaker named at most this many back
_PRONOUN_CONFIDENCE = 0.85  # a pronoun speaker read from context is less sure than a name
_RELAY_CONFIDENCE = 0.9  # a relay the paragraph implies is less sure than one the text states


@dataclass(slots=True)
class _Draft:
    kind: StatementKind
    content: list[tuple[int, int]]
    cue: tuple[int, int] | None = None
    cue_token: int | None = None
    speaker_token: int | None = None
    addressee_token: int | None = None
    frame: list[tuple[int, int]] = field(default_factory=list)
    carriers: list[int] = field(default_factory=list)
    """Heads of those who passed the statement on ("quoted by Reuters"), outermost first."""
    confidence: float = 0.9
    inherit_from: _Draft | None = None
    depth: int = 0
    stand: bool = False
    """Whether the content is the object of a stand ("critical of the deal"), bounded by the
    parse: the span model, trained on clauses, never saw one and leaves it."""

    def with_content(self, content: list[tuple[int, int]], depth: int) -> _Draft:
        """This draft with ``content`` at nesting ``depth``."""
        self.content = content
        self.depth = depth
        return self

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


class _Context:
    """The parse and lookups shared by every step on one document."""

    def __init__(
        self,
        doc: Doc,
        lexicons: Lexicons,
        captions: Sequence[Span] = (),
        dateline: Span | None = None,
    ) -> None:
        self.doc = doc
        self.captions = captions
        self.dateline_end = dateline.end if dateline is not None else 0
        """Where the dateline ends: no speaker's phrase reaches back over it."""
        self.text: str = doc_text(doc)
        self.lexicons = lexicons
        self.paragraphs = paragraph_ranges(self.text)
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        # One array read, not a Token object per word (the hot line of building a context).
        self.token_starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []
        self.sentences: list[Span_] = list(doc.sents)
        """Sentences, cached: ``Token.sent`` walks the whole document on every call."""
        self.sentence_starts = [sentence.start for sentence in self.sentences]
        self.verbs = with_pos(doc, "VERB")
        """The indices of the words tagged VERB, in order."""

    def sentence_of(self, token: Token) -> Span_:
        """The sentence holding ``token``."""
        return self.sentences[bisect.bisect_right(self.sentence_starts, token.i) - 1]

    def paragraph_of(self, offset: int) -> tuple[int, int]:
        index = max(bisect.bisect_right(self.paragraph_starts, offset) - 1, 0)
        return self.paragraphs[index] if self.paragraphs else (0, len(self.text))

    def token_at(self, offset: int) -> Token | None:
        index = bisect.bisect_right(self.token_starts, offset) - 1
        if index < 0:
            return None
        return self.doc[index]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        first = bisect.bisect_left(self.token_starts, start)
        last = bisect.bisect_left(self.token_starts, end)
        return [token for token in self.doc[first:last] if not token.is_space]

    def is_cue_verb(self, token: Token) -> bool:
        if token.pos_ not in ("VERB", "AUX") and token.lower_ != "according":
            return False
        lemma = token.lemma_.lower()
        return lemma in self.lexicons.cue_verbs or cue_ratio(self.lexicons, lemma) >= _CUE_RATIO


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _frame_cue(context: _Context, start: int, end: int, *, last: bool) -> Token | None:
    tokens = context.tokens_in(start, end)
    if len(tokens) > _MAX_FRAME_TOKENS:
        tokens = tokens[-_MAX_FRAME_TOKENS:] if last else tokens[:_MAX_FRAME_TOKENS]
    cues = [t for t in tokens if context.is_cue_verb(t)]
    framing = [t for t in cues if not _in_relative_clause(t, start, end, quote_after=last)]
    cues = framing or cues
    if not cues:
        return None
    return cues[-1] if last else cues[0]


def _in_relative_clause(token: Token, start: int, end: int, *, quote_after: bool) -> bool:
    """Whether ``token`` lies in a relative clause on a noun of the frame from ``start`` to
    ``end`` that does not hold the quote (which follows the frame when ``quote_after``):
    '"...," the MP, who asked not to be named, told the paper' (the clause says who the MP
    is; "told" frames the quote), not 'the candidate, whom he described as "volatile"'."""
    for word in (token, *token.ancestors):
        if word.dep_ != "relcl" or not start <= word.head.idx < end:
            continue
        if quote_after:  # the clause runs up to the quote, which the parse may leave out
            between = doc_text(word.doc)[word.right_edge.idx + len(word.right_edge) : end]
            holds_quote = not between.strip(" ,:;\n")
        else:
            holds_quote = word.left_edge.idx < start
        if not holds_quote:
            return True
    return False


def _bare_frame(context: _Context, cue: Token | None, start: int, end: int) -> bool:
    """Whether the sentence after a quote closed by a full stop is nothing but who said it and
    the verb ('"... that are missing." Trump said.'): a frame set off by a stray full stop, for
    it says nothing of its own (no object, no clause), not the next sentence of the story."""
    if cue is None or cue.lemma_.lower() != "say":
        return False
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subject is None or context.text[start : subject.left_edge.idx].strip():
        return False
    after = context.text[cue.idx + len(cue) : end]
    return after.strip() == "." and all(c.dep_ in ("nsubj", "punct") for c in cue.children)


def _as_clause(verb: Token) -> bool:
    """Whether ``verb`` heads an "as" clause ("as the Times reported")."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _reporting_after(context: _Context, cue: Token, end: int) -> list[int]:
    """Subjects of further sayings after a quote's cue, outermost first: "'...,' Clinton said,
    the Times reported" (the Times carries what Clinton said), "'...,' Peskov said, according
    to Interfax"."""
    found: list[int] = []
    for token in context.tokens_in(cue.idx + len(cue), end):
        if not context.is_cue_verb(token) or token.i == cue.i or _goes_on_saying(cue, token):
            continue
        subject = _speaker_of(token) if token.lower_ == "according" else subject_of(token)
        if subject is not None and subject.i > cue.i:
            found.insert(0, subject.i)
    return found


def _says_a_clause_instead(cue: Token, quote_start: int, quote_end: int) -> bool:
    """Whether a verb of saying after a quote reports a clause of its own that follows it
    while the quote, in its sentence, is another verb's words or part of the speaker's name:
    in 'She declared "What a Super Tuesday!" and said that her campaign would go on', 'Mr.
    Manafort, citing "the unique magic of Trump," said the candidate could win' or 'Sam
    Solovey, a contestant on "The Apprentice," said his boss was kind' the verb says its
    clause, not the quote. A quote the verb's own phrase holds ('To a question on "jobs," he
    said ...') or one in another sentence stays the verb's to take. The clause opens with no
    quotation mark ('"X," he said, "Y"' goes on with the quote) and is no closing frame
    ('"...," Clinton said, The New York Times reported')."""
    doc = cue.doc
    cue_verbs = load_lexicons().cue_verbs
    if not any(
        c.dep_ == "ccomp"
        and c.left_edge.i > cue.i
        and not any(t.is_quote for t in doc[cue.i + 1 : c.left_edge.i + 1])
        and not (c.lemma_.lower() in cue_verbs and not any(g.dep_ == "ccomp" for g in c.children))
        for c in cue.children
    ):
        return False
    # the quote's first word, found in the verb's sentence (else the quote is in another)
    word = next((t for t in doc[cue.sent.start : cue.i] if t.idx > quote_start), None)
    if word is None or word.idx >= quote_end:
        return False
    while word.i != cue.i:
        if word.head.i == cue.i:
            return word.dep_ in ("nsubj", "nsubjpass")  # in the speaker's phrase
        if word.head.i == word.i:
            return False
        word = word.head
        outside = not quote_start <= word.idx < quote_end  # (the quote's own verbs are its)
        if word.i != cue.i and outside and word.pos_ in ("VERB", "AUX"):
            return True  # another verb's words
    return False


def _goes_on_saying(cue: Token, token: Token) -> bool:
    """Whether ``token`` lies in what the speaker goes on to say through a participle or a
    "that" clause of the cue ("'...,' Mao said, adding that China opposes it"), which carries
    nothing: "'...,' Ruiz said, the Times reported", parsed with "reported" under "said",
    does."""
    if not cue.is_ancestor(token):
        return False
    node = token
    while node.i != cue.i:
        if node.tag_ == "VBG" or any(c.dep_ == "mark" for c in node.children):
            return True
        node = node.head
    return False


def _relative_object(cue: Token, quote_start: int) -> Token | None:
    """The relative pronoun a cue before a quote takes as object ("which X called '...'")."""
    if cue.idx >= quote_start:
        return None
    for child in cue.children:
        if child.dep_ != "dobj" or child.tag_ not in ("WDT", "WP") or child.i > cue.i:
            continue
        if not any(t.is_punct for t in cue.doc[child.i : cue.i]):
            return child  # "which Ruiz called", not "which, I will read you the question:"
    return None


def _is_nickname(text: str, quote: Quote) -> bool:
    """Whether a quote is a nickname inside a name ('Marcia "Cia" Price'), which does not end
    the words around it that frame another quote."""
    inner = text[slice(*inner_span(text, quote.start, quote.end))].strip()
    words = inner.split()
    if not words or len(words) > _MAX_NICKNAME_WORDS or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, quote.start - 40) : quote.start].split()
    after = text[quote.end : quote.end + 40].split()
    return bool(before and after) and before[-1][:1].isupper() and after[0][:1].isupper()


def _following_quotes(text: str, quotes: Sequence[Quote]) -> list[int | None]:
    """For each quote, the index of the next quote that is not a nickname (None at the end)."""
    following: list[int | None] = [None] * len(quotes)
    upcoming: int | None = None
    for index in range(len(quotes) - 1, -1, -1):
        following[index] = upcoming
        if not _is_nickname(text, quotes[index]):
            upcoming = index
    return following


def _set_off_verb(context: _Context, start: int, end: int) -> Token | None:
    """The verb of a short clause after a quote that ends in a comma: "'...,' she continued."

    Such a clause frames the quote whatever its verb, lexicon or not; only a verb whose
    subject stands between the quote and it counts.
    """
    tokens = context.tokens_in(start, end)[:_SET_OFF_TOKENS]
    for token in tokens:
        if token.pos_ != "VERB" or token.tag_ not in _FINITE_TAGS:
            continue
        subject = subject_of(token)
        if subject is not None and start <= subject.idx < token.idx:
            return token
        return None
    return None


def _after_frame(context: _Context, quote_end: int, limit: int) -> tuple[int, int]:
    _, p_end = context.paragraph_of(quote_end - 1)
    end = min(limit, p_end)
    token = next(iter(context.tokens_in(quote_end, end)), None)
    if token is not None:
        end = min(end, context.sentence_of(token).end_char)
    return quote_end, end


def _before_frame(context: _Context, quote_start: int, floor: int) -> tuple[int, int]:
    p_start, _ = context.paragraph_of(quote_start)
    start = max(floor, p_start)
    if context.text[start:quote_start].rstrip().endswith((".", "!", "?")):
        return quote_start, quote_start  # the quote opens a sentence of its own
    for match in _SENTENCE_END.finditer(context.text, start, quote_start):
        start = match.end()
    return start, quote_start


def _speaker_of(cue: Token) -> Token | None:
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
        return objects[0] if objects else None
    return source_of(cue, subject_of(cue), load_lexicons())


def _is_title(context: _Context, quote: Quote, before_text: str) -> bool:
    """Whether a quote names a work or a section rather than reporting speech.

    Either a naming word precedes it ("a spot titled '...'", "his book, '...'"), or it is a
    short phrase in title case standing as a paragraph of its own (a section heading) or as
    the object of a preposition or article ("an episode of 'The Morning Show'").
    """
    last_word = before_text.rstrip(" ,:").rsplit(" ", 1)[-1].lower()
    if last_word in context.lexicons.title_words:
        return True
    inner = context.text[slice(*inner_span(context.text, quote.start, quote.end))]
    inner = inner.strip(" \"'“”‘’`.,")
    words = inner.split()
    if not words or len(words) > _MAX_TITLE_WORDS:
        return False
    if not all(w[:1].isupper() for w in words if len(w) > 3):
        return False
    if before_text.endswith(_TITLE_LEADS) and sum(w[:1].isupper() for w in words) >= 2:
        return True
    p_start, p_end = context.paragraph_of(quote.start)
    return not context.text[p_start : quote.start].strip() and not context.text[
        quote.end : p_end
    ].strip(" .,")


def _governing_verb(context: _Context, quote_start: int, floor: int) -> Token | None:
    """The verb, with a subject, whose clause a quote in mid-sentence completes ("Cruz called
    Trump a '...'"), found up the parse from the quote's first word; "be" does not report."""
    first = context.token_at(quote_start + 1)
    if first is None:
        return None
    for ancestor in first.ancestors:
        if ancestor.idx < floor:
            return None
        if ancestor.idx >= quote_start or ancestor.pos_ != "VERB":
            continue
        if subject_of(ancestor) is not None:
            return ancestor
    return None


def _colon_verb(context: _Context, start: int, end: int) -> Token | None:
    """The verb of a clause that ends in the colon introducing a quote ("Limbaugh continued:")."""
    tokens = [t for t in context.tokens_in(start, end) if not t.is_punct]
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX") and subject_of(t) is not None]
    return verbs[-1] if verbs else None


def _cue_draft(kind: StatementKind, content: list[tuple[int, int]], cue: Token) -> _Draft:
    span = (cue.idx, cue.idx + len("according to")) if cue.lower_ == "according" else cue_span(cue)
    speaker, carriers = passed_on(cue, _speaker_of(cue))
    addressee = _addressee(cue, speaker.i if speaker is not None else None)
    return _Draft(
        kind=kind,
        content=content,
        cue=span,
        cue_token=cue.i,
        speaker_token=speaker.i if speaker is not None else None,
        addressee_token=addressee.i if addressee is not None else None,
        carriers=list(carriers),
    )


def _addressee(cue: Token, speaker: int | None) -> Token | None:
    """Whom a cue addresses. A set-off participle that trails its speaker's saying to someone
    was said to them too ("A source told Reuters that ..., adding that ...": to Reuters, which
    carries both), whichever verb of the reported clause the parser hangs it from."""
    own = addressee_of(cue)
    if own is not None or speaker is None or cue.tag_ != "VBG" or cue.i == 0:
        return own
    if cue.doc[cue.i - 1].text != ",":
        return None
    verb = cue
    for _ in range(_TRAILED_CLIMB):
        if verb.dep_ not in ("advcl", "ccomp", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
        told = addressee_of(verb)
        if told is not None and told.i < cue.i:
            subject = subject_of(verb)
            return told if subject is not None and subject.i == speaker else None
    return None


_TRAILED_CLIMB = 3
"""Verbs climbed from a trailing participle to the saying it trails: the participle, the
reported clause's verb, the saying (one more for a clause inside it)."""


def _intro_sentence_cue(context: _Context, quote_start: int, floor: int) -> Token | None:
    """A cue with a subject but no clause in the sentence just before a quote: "X wrote back."""
    token = context.token_at(quote_start - 1)
    if token is None:
        return None
    sentence = context.sentence_of(token)
    if sentence.end_char > quote_start:
        # The quote's own sentence started before it; look at the one before that.
        if sentence.start == 0:
            return None
        sentence = context.sentence_of(context.doc[sentence.start - 1])
    p_start, _ = context.paragraph_of(quote_start)
    if sentence.start_char < max(p_start, floor):
        return None
    for candidate in sentence:
        if not context.is_cue_verb(candidate) or subject_of(candidate) is None:
            continue
        if any(c.dep_ in ("ccomp", "xcomp") for c in candidate.children):
            continue
        return candidate
    if context.text[: sentence.end_char].rstrip().endswith(":"):
        return _colon_verb(context, sentence.start_char, sentence.end_char)
    return None


def _colon_paragraph_cue(context: _Context, quote_start: int, floor: int) -> Token | None:
    """The verb of a paragraph ending in a colon that introduces the quote opening the next
    paragraph ("Ana Ruiz continued:" / "“...”")."""
    p_start, _ = context.paragraph_of(quote_start)
    before = context.text[:p_start].rstrip()
    if not before.endswith(":") or context.text[p_start:quote_start].strip():
        return None
    start = max(context.paragraph_of(len(before) - 1)[0], floor)
    for match in _SENTENCE_END.finditer(context.text, start, len(before)):
        start = match.end()
    return _colon_verb(context, start, len(before))


class _QuoteAttributor:
    """Gives quotes their cue and speaker, merging quotes split around one cue."""

    def __init__(self, context: _Context, reported: Sequence[Reported]) -> None:
        self.context = context
        self.reported = reported
        self._contents = RangeIndex(range(len(reported)), lambda i: reported[i].content)
        self.partial_in: set[int] = set()
        """Indices of reported clauses that hold a partial quote."""
        self.taken: set[int] = set()
        """Indices of reported clauses whose content became a direct quote."""
        self.voiced: set[int] = set()
        """Indices of those in ``partial_in`` whose quote is surely the speaker's words."""
        self.titles: list[tuple[int, int]] = []
        """Spans of the quotes read as titles of works ('on Fox's "Fox and Friends"')."""

    def _hold(self, index: int, containers: Sequence[int], words: int) -> None:
        """Mark reported clause ``index`` as holding a quote of ``words`` words.

        The quote is the speaker's words (a partial quote) when it is long, or when a clause
        around it is a claim or has a verb of saying or calling ("condemning 'paid
        agitators'"); a short quote in an aim or a topic ("seeking an order to bar
        'less-than-lethal' weapons") is a term the writer marks.
        """
        self.partial_in.add(index)
        reports = [self.reported[i] for i in {index, *containers}]
        doc = self.context.doc
        if words >= _VOICED_WORDS or any(
            r.claim or _speech_verb(self.context, doc[r.cue_token]) for r in reports
        ):
            self.voiced.add(index)

    def _containers(self, start: int, end: int) -> list[int]:
        """Reported clauses holding most of the quote ``[start, end)``, smallest first.

        A clause whose cue is inside the quote ("I guess ...") is the quoted speaker's own.
        """
        found: list[int] = []
        # A clause holding half of a quote overlaps it (every quote has a mark or more).
        for index in self._contents.overlapping(start, end):
            item = self.reported[index]
            c_start, c_end = item.content
            if start <= item.cue[0] < end:
                continue
            if min(c_end, end) - max(c_start, start) >= 0.5 * (end - start):
                found.append(index)
        return sorted(
            found, key=lambda i: self.reported[i].content[1] - self.reported[i].content[0]
        )

    def _clause_start(self, cue: Token, quote_start: int, floor: int) -> int:
        """Where a partial quote's clause begins: the cue's clause, else the words before it."""
        if cue.idx >= quote_start:
            return max(floor, self.context.paragraph_of(quote_start)[0])
        for child in cue.children:
            holds_quote = child.left_edge.idx <= quote_start <= child.right_edge.idx + 1
            if child.i > cue.i and holds_quote and child.dep_ in _CLAUSE_RELATIONS:
                return max(child.left_edge.idx, cue.idx + len(cue))
        after = self.context.tokens_in(cue.idx + len(cue), quote_start)
        return after[0].idx if after else quote_start

    def _lead_in(self, cue: Token, quote_start: int) -> int | None:
        """Where the reported clause holding a quote starts, when words of it precede the quote.

        "X said on the other hand, '...'", "X said that, '...'": PolNeAR takes the clause's
        words before the quote into the content, making it a mixed quote. So it does for what
        the cue reports ahead of a colon or comma: "X suggested taking action: '...'", "she
        added the words, '...'" (an addressee is not content, nor an object before a colon:
        PolNeAR makes "added a caveat:" the cue).
        """
        if cue.idx >= quote_start:
            return None
        addressee = addressee_of(cue)
        for child in cue.children:
            if child.i < cue.i or (addressee is not None and child.i == addressee.i):
                continue
            start = child.left_edge.idx
            if start >= quote_start:
                continue
            if child.dep_ == "ccomp" and child.right_edge.idx >= quote_start:
                between = self.context.tokens_in(start, quote_start)
            elif child.dep_ in _LEAD_RELATIONS:
                between = self.context.tokens_in(start, quote_start)
                # "added a caveat: '...'": an object before a colon names the speech (cue)
                marks = (",", ":") if child.dep_ != "dobj" else (",",)
                if not self.context.text[start:quote_start].rstrip().endswith(marks):
                    continue
            else:
                continue
            if any(t.is_alpha for t in between):
                return between[0].idx
        return None

    def _label(self, before: tuple[int, int], after: tuple[int, int]) -> _Draft | None:
        """A draft for a quote labelled with a name and a dash or colon, alone in its paragraph."""
        context = self.context
        p_start, p_end = context.paragraph_of(before[1])
        match: re.Match[str] | None = None
        if before[0] == p_start:
            match = _LABEL.fullmatch(context.text, before[0], before[1])
            if match is None and any(c.start <= p_start < c.end for c in context.captions):
                match = _CAPTION_LABEL.fullmatch(context.text, before[0], before[1])
        name, mark_group = 1, 2
        if match is None and not context.text[p_start : before[1]].strip():
            match = _SIGNATURE.fullmatch(context.text, after[0], p_end)
            name, mark_group = 2, 1
            if match is None and not context.text[after[0] : p_end].strip(" .,"):
                # The sign-off on a line of its own under the quote: '"..."' / "— Jane Doe"
                following = [p for p in context.paragraphs if p[0] >= p_end][:1]
                if following:
                    match = _SIGNATURE.fullmatch(context.text, *following[0])
        if match is None:
            return None
        names = [t for t in context.tokens_in(match.start(name), match.end(name)) if not t.is_punct]
        if not names or not all(
            t.pos_ == "PROPN" or t.text.isupper() or _named_elsewhere(context, t) for t in names
        ):
            return None
        mark = match.start(mark_group)
        return _Draft(
            kind="direct",
            content=[],
            cue=(mark, mark + 1),
            speaker_token=names[-1].i,
            confidence=0.7,
        )

    def _outer_report(self, cue: Token | None, containers: Sequence[int]) -> int | None:
        """The outermost reported clause in ``containers`` whose content holds ``cue``."""
        if cue is None:
            return None
        doc = self.context.doc
        holding = [
            i
            for i in containers
            if self.reported[i].content[0] <= cue.idx < self.reported[i].content[1]
            # '"...," Peskov told reporters, according to Interfax': the agency carries the
            # quote (a hop), the quote is still Peskov's own words
            and not (
                doc[self.reported[i].cue_token].lower_ == "according"
                and cue.i < self.reported[i].cue_token
            )
        ]
        return holding[-1] if holding else None

    def _continues(self, last: _Draft, quote: Quote) -> bool:
        """Whether ``quote`` follows ``last`` in its paragraph with only its frame between."""
        if last.kind != "direct":
            return False
        tail = max(last.end, last.cue[1] if last.cue else last.end)
        p_start, _ = self.context.paragraph_of(quote.start)
        if tail < p_start or tail > quote.start:
            return False
        if last.cue is not None and last.cue[0] > last.end:
            sentence_end = self.context.token_at(last.cue[0])
            if sentence_end is not None:
                tail = max(tail, self.context.sentence_of(sentence_end).end_char)
        return not self.context.text[tail : quote.start].strip(" .,;:—–-\n\t")

    def _goes_on(self, drafts: Sequence[_Draft], quote: Quote, inner: str) -> bool:
        """Whether a short quote is a sentence of its own that goes on the quote before it
        ('"...," Ruiz said about the case. "This must stop."'), not a scare quote."""
        sentence = inner.strip()
        whole = sentence[:1].isupper() and sentence[-1:] in (".", "!", "?")
        return whole and bool(drafts) and self._continues(drafts[-1], quote)

    def attribute(
        self, quotes: Sequence[Quote], bounds: tuple[int, int], depth: int
    ) -> list[_Draft]:
        context, text = self.context, self.context.text
        drafts: list[_Draft] = []
        skip: set[int] = set()
        previous_end = bounds[0]
        # Where the quote just skipped as a title ended, when it ended the sentence inside its
        # closing mark ('Thune said on "Meet the Press." "But ..."'): the next quote opens one.
        title_end: int | None = None
        following_quotes = _following_quotes(text, quotes)
        for index, quote in enumerate(quotes):
            check_budget()
            if index in skip or _opens_transcript_turn(context, quote):
                continue
            inner = text[slice(*inner_span(text, quote.start, quote.end))]
            words = _words(inner)
            next_index = following_quotes[index]
            next_start = quotes[next_index].start if next_index is not None else bounds[1]
            after = _after_frame(context, quote.end, min(next_start, bounds[1]))
            before = _before_frame(context, quote.start, max(previous_end, bounds[0]))
            if title_end is not None and not text[title_end : quote.start].strip():
                before = (quote.start, quote.start)  # the title closed the sentence before
            title_end = None
            after_cue = _frame_cue(context, *after, last=False)
            before_cue = _frame_cue(context, *before, last=True)
            # The quote's last mark, read through the closing marks of a quote it ends with
            # ('"... do you need?'" Weaver said': the question mark ends both)
            closing = inner.rstrip().rstrip(_QUOTE_MARKS_CLOSING + " ")[-1:]
            if after_cue is None and closing == ",":
                after_cue = _set_off_verb(context, *after)
            if after_cue is not None and _as_clause(after_cue):
                after_cue = None  # '"...," as the Times reported': a carrier, not the cue
            if after_cue is not None and _says_a_clause_instead(after_cue, quote.start, quote.end):
                # 'Mr. Manafort, citing "the unique magic of Trump," said the candidate could
                # win': what the verb says is its clause; the quote is another verb's object
                after_cue = None
            before_text = text[before[0] : before[1]].rstrip()
            introduces = before_text.endswith((":", ",", ";", "that")) or (
                before_cue is not None and before_text.endswith(before_cue.text)
            )
            if before_cue is None and before_text.endswith(":"):
                before_cue = _colon_verb(context, *before)
            if _is_title(context, quote, before_text):
                self.titles.append((quote.start, quote.end))
                if inner.rstrip()[-1:] in (".", "!", "?"):
                    title_end = quote.end
                continue
            if before_cue is not None and introduces and hypothetical(before_cue):
                continue  # 'a look as if to say "..."': words nobody said
            label = self._label(before, after)
            if label is not None:
                drafts.append(label.with_content(list(quote.pieces), depth))
                previous_end = quote.end
                continue
            containers = self._containers(quote.start, quote.end)
            container = containers[0] if containers else None
            if containers and before_text and not introduces and depth == 0:
                # A quote inside a reported clause is part of it ("X said voters "..."");
                # PolNeAR keeps the outermost report when reports nest.
                self._hold(containers[-1], containers, words)
                continue
            sentence_after_colon = before_text.endswith(":") and inner.lstrip()[:1].isupper()
            if container is not None and not sentence_after_colon:
                # (A full sentence quoted after a colon is a direct quote of its own: 'rolled
                # out a new message: "It's about me."')
                c_start, c_end = self.reported[container].content
                share = (quote.end - quote.start) / max(c_end - c_start, 1)
                if share < _PARTIAL_SHARE:
                    self._hold(container, containers, words)
                    continue
            cue: Token | None
            after_text = text[after[0] : after[1]].lstrip(" ,—–-")
            sentence_ended = closing not in _CLOSING_PUNCT and not after_text[:1].islower()
            if sentence_ended and not (closing == "." and _bare_frame(context, after_cue, *after)):
                after_cue = None  # a quote ending a sentence is not framed by the next one
            if (
                after_cue is not None
                and after_cue.tag_ == "VBG"
                and before_cue is not None
                and before_text.endswith(before_cue.text)
            ):
                after_cue = None  # "Trump called it 'a disgrace,' blaming ...": the verb before
            if after_cue is not None and (closing in _CLOSING_PUNCT or before_cue is None):
                cue = after_cue
            elif before_cue is not None and introduces:
                cue = before_cue
            else:
                cue = after_cue
            unframed = cue is None or closing not in _CLOSING_PUNCT + "."
            goes_on = unframed and cue is None and self._goes_on(drafts, quote, inner)
            if words < _MIN_QUOTE_WORDS and unframed and not goes_on:
                continue
            outer = self._outer_report(cue, containers) if depth == 0 else None
            if outer is not None:
                # "X said she hopes that "..."": the quote's cue is itself reported speech.
                self._hold(outer, containers, words)
                continue
            pieces = list(quote.pieces)
            embedded = bool(before_text) and not introduces
            if embedded and cue is None and words < _MIN_FLOATING_WORDS:
                continue  # a quoted phrase in the outlet's own sentence
            if embedded and cue is None:
                cue = _governing_verb(context, quote.start, before[0])
            kind: StatementKind = "direct"
            if embedded and cue is None:
                # A long quote completing the outlet's sentence ("RT is '...'"): PolNeAR
                # takes the sentence's words before it into the content.
                kind = "partial"
                pieces[0] = (before[0], pieces[0][1])
            lead_in = self._lead_in(cue, quote.start) if cue is not None and not embedded else None
            if embedded and cue is not None:
                kind = "partial"
                pieces[0] = (self._clause_start(cue, quote.start, before[0]), pieces[0][1])
            elif cue is not None and cue.idx < quote.start and before_text.endswith("that"):
                that = text.rfind("that", before[0], quote.start)
                pieces[0] = (that, pieces[0][1])
            elif lead_in is not None:
                kind = "partial"
                pieces[0] = (lead_in, pieces[0][1])
            relative = _relative_object(cue, quote.start) if cue is not None else None
            if relative is not None:
                # "what Ruiz called 'a disgrace'": PolNeAR's content starts at "what".
                kind = "partial"
                pieces.insert(0, (relative.idx, relative.idx + len(relative)))
            if container is not None and cue is None:
                item = self.reported[container]
                cue = context.doc[item.cue_token]
                self.taken.add(container)
            if cue is not None:
                draft = _cue_draft(kind, pieces, cue)
                frame = (after[0], after[1]) if cue.idx >= quote.end else (before[0], before[1])
                draft.frame = [frame]
                if cue.idx >= quote.end:
                    draft.carriers[:0] = _reporting_after(context, cue, after[1])
                # "'X,' he said, 'Y.'": the next quote continues this one around the cue.
                following = quotes[next_index] if next_index is not None else None
                if (
                    next_index is not None
                    and following is not None
                    and cue.idx >= quote.end
                    and kind == "direct"
                    and following.start <= after[1] + 2
                    # The frame ends in a comma, colon or dash, reopening the quote: not '"X,"
                    # he said after a brief "sorry"'.
                    and text[quote.end : following.start].strip().endswith(_REOPENING)
                    and not any(
                        t.i != cue.i and context.is_cue_verb(t)
                        for t in context.tokens_in(quote.end, following.start)
                    )
                ):
                    draft.content.extend(following.pieces)
                    skip.add(next_index)
            else:
                last = drafts[-1] if drafts else None
                if last is not None and self._continues(last, quote):
                    # "'X,' he said. 'Y.'": a quote right after a statement goes on with it.
                    last.content.extend(pieces)
                    previous_end = quote.end
                    continue
                intro = _colon_paragraph_cue(
                    context, quote.start, bounds[0]
                ) or _intro_sentence_cue(context, quote.start, bounds[0])
                if intro is not None:
                    draft = _cue_draft("direct", pieces, intro)
                    if draft.speaker_token is None and (named := subject_of(intro)) is not None:
                        # "The Courier reported on the closing argument:", the verb mistaken
                        # for a participle: the paragraph's subject introduces the quote.
                        draft.speaker_token = named.i
                    sentence = context.sentence_of(intro)
                    draft.frame = [(sentence.start_char, sentence.end_char)]
                    draft.confidence = 0.7
                else:
                    draft = _Draft("direct", pieces, confidence=0.5)
            draft.depth = depth
            drafts.append(draft)
            previous_end = draft.end
        return drafts


def _reported_drafts(
    context: _Context,
    reported: Sequence[Reported],
    attributor: _QuoteAttributor,
    quote_drafts: Sequence[_Draft],
) -> list[_Draft]:
    drafts: list[_Draft] = []
    used_cues = {d.cue_token for d in quote_drafts if d.cue_token is not None}
    quoted = [piece for d in quote_drafts for piece in d.content]
    for index, item in enumerate(reported):
        if index in attributor.taken or item.cue_token in used_cues:
            continue
        c_start, c_end = item.content
        overlap = sum(max(0, min(c_end, e) - max(c_start, s)) for s, e in quoted)
        carrier = _carries_a_quote(context, item, quote_drafts)
        if overlap > 0.5 * (c_end - c_start) and not carrier:
            continue
        if item.inferred and _inside_another(item, reported, quoted):
            continue  # "The crash shows how ..., X told Reuters": part of X's words
        if _complement_of_a_cue(context, item, reported):
            continue  # "declined to say whether ...": what was declined is "to say whether"
        pieces = item.pieces
        claim = item.claim
        if _lone_pointer(context.text[c_start:c_end]):
            pieces = _pointed_content(context, item)
            if not pieces and context.text[c_start:c_end].strip().lower() == "that":
                continue
            if not pieces:
                # "Smith rejected this": who took a stand on something said before, kept as
                # an attitude (PolNeAR counts it) but never a claim a reader could check.
                pieces, claim = list(item.pieces), False
        kind: StatementKind = "indirect" if claim else "attitude"
        cue = context.doc[item.cue_token]
        if index in attributor.voiced or carrier:
            kind = "partial"
        addressee = _addressee(cue, item.subject)
        sentence = context.sentence_of(cue)
        frame = [
            (s, e) for s, e in ((sentence.start_char, c_start), (c_end, sentence.end_char)) if e > s
        ]
        drafts.append(
            _Draft(
                kind=kind,
                content=pieces,
                cue=item.cue,
                cue_token=item.cue_token,
                speaker_token=item.subject,
                addressee_token=addressee.i if addressee is not None else None,
                frame=frame,
                carriers=list(item.carriers),
                confidence=round(0.5 + 0.4 * item.ratio, 2),
                stand=item.relation.startswith(PHRASE_PREFIX),
            )
        )
    return drafts


def _carries_a_quote(context: _Context, item: Reported, quote_drafts: Sequence[_Draft]) -> bool:
    """Whether ``item`` is a trailing "according to" whose content holds a quote and its cue
    ('"...," Peskov said, according to Interfax'): the agency's account of the saying stands
    beside the quote, as PolNeAR marks it, and the quote's chain passes through it."""
    if context.doc[item.cue_token].lower_ != "according":
        return False
    c_start, c_end = item.content
    return any(
        d.cue is not None and c_start <= d.start and d.cue[1] <= c_end <= item.cue[0]
        for d in quote_drafts
    )


def _inside_another(
    item: Reported, reported: Sequence[Reported], quoted: Sequence[tuple[int, int]]
) -> bool:
    """Whether the cue of ``item`` lies in the content of another report or of a quote."""
    at = item.cue[0]
    pieces = [piece for other in reported if other is not item for piece in other.pieces]
    return any(s <= at < e for s, e in [*pieces, *quoted])


def _complement_of_a_cue(context: _Context, item: Reported, reported: Sequence[Reported]) -> bool:
    """Whether ``item``'s cue is the infinitive complement ("to say") of another report's cue
    whose content starts with it: "declined to say whether he would run" is one attribution,
    the declining, whose content is "to say whether ..." (PolNeAR marks it so)."""
    cue = context.doc[item.cue_token]
    if cue.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return False
    head = cue.head.i
    return any(
        other is not item and other.cue_token == head and other.content[0] <= cue.idx
        for other in reported
    )


def _lone_pointer(content: str) -> bool:
    """Whether a content is a lone pronoun pointing elsewhere: "the spokesman said that",
    "Smith rejected this", "the claims, which he denied"."""
    return content.strip(" .,;:").lower() in _POINTERS


def _pointed_content(context: _Context, item: Reported) -> list[tuple[int, int]]:
    """What a lone pronoun content stands for, where the parse says so; else nothing.

    A relative pronoun stands for the noun phrase its clause hangs from ("denied the claims,
    which he called baseless": "the claims"); a predicate the cue gives it is said of it too
    ("baseless", "which he described as unworkable": "as unworkable", "what officials called
    a hate crime": "a hate crime"). A "that" or "this"
    pointing at an earlier sentence is not on the record: no statement (PolNeAR keeps some
    such lone pronouns as attributions; a reader cannot check them).
    """
    doc = context.doc
    pronoun = context.token_at(item.content[0])
    cue = doc[item.cue_token]
    pieces: list[tuple[int, int]] = []
    if pronoun is not None and pronoun.tag_ in ("WDT", "WP") and pronoun.head.dep_ == "relcl":
        clause = pronoun.head
        antecedent = clause.head
        if antecedent.pos_ in ("NOUN", "PROPN") and antecedent.i < pronoun.i:
            phrase = _phrase_before(doc, antecedent.left_edge.i, clause.left_edge.i - 1)
            if phrase is not None:
                pieces.append(phrase)
    predicate = next(
        (
            c
            for c in cue.children
            if c.i > cue.i
            and (c.dep_ in _PREDICATE_RELATIONS or (c.dep_ == "prep" and c.lower_ == "as"))
        ),
        None,
    )  # "called baseless", "described as 'volatile'" (with its "as", as PolNeAR marks it)
    if predicate is not None:
        span = _phrase_before(doc, predicate.left_edge.i, predicate.right_edge.i)
        if span is not None:
            pieces.append(span)
    return pieces


def _phrase_before(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """The character span of tokens ``first..last`` without punctuation or spaces at its ends."""
    while first <= last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


def _speech_verb(context: _Context, cue: Token) -> bool:
    """Whether a cue is a verb of saying or of calling something a name ("called",
    "described", "condemned") with someone doing it: "what has been called the 'agency
    model'", with no one calling it so, names a term."""
    forms = lemma_forms(cue)
    deps = {c.dep_ for c in cue.children}
    if "nsubjpass" in deps and "agent" not in deps:
        return False
    return bool(forms & (context.lexicons.cue_verbs | _CALLING_VERBS))


def _link_lists(context: _Context) -> list[tuple[int, int]]:
    """Paragraphs in a run of at least ``_LINK_RUN`` headline lines (short, no full stop, no
    quote: "Firm unveils new phone", "Will rates rise?"): a page's list of links to other
    stories, whose headlines are no statements of this one."""
    text = context.text
    heads = [_is_headline(text[s:e]) for s, e in context.paragraphs]
    found: list[tuple[int, int]] = []
    run_start = 0
    for index in range(len(heads) + 1):
        if index < len(heads) and heads[index]:
            continue
        if index - run_start >= _LINK_RUN:
            found.extend(context.paragraphs[run_start:index])
        run_start = index + 1
    return found


def _is_headline(paragraph: str) -> bool:
    """A short line with no full stop at its end (bar an abbreviation: "the U.S.") or a colon,
    and no quote marks."""
    line = paragraph.strip()
    words = line.split()
    if not words or len(words) > _HEADLINE_WORDS or "\n" in line:
        return False
    if any(mark in line for mark in _QUOTE_MARKS_OPENING + _QUOTE_MARKS_CLOSING.replace("'", "")):
        return False
    if line.endswith((":", ",", ";")):
        return False
    return not line.endswith(".") or "." in words[-1][:-1]


def _outside(drafts: Sequence[_Draft], dateline: Span | None, text: str) -> list[_Draft]:
    """The drafts with the dateline cut out of their content ("WASHINGTON (Reuters) - The
    plan will fail, officials said": the content starts at "The plan"); a draft left with no
    content is dropped."""
    if dateline is None:
        return list(drafts)
    kept: list[_Draft] = []
    for draft in drafts:
        pieces = []
        for piece_start, end in draft.content:
            start = piece_start
            if start < dateline.end and dateline.start < end:
                start = max(start, dateline.end)
            trimmed = _trim(text, start, end) if end > start else None
            if trimmed is not None:
                pieces.append(trimmed)
        if pieces:
            draft.content = pieces
            kept.append(draft)
    return kept


def _sees_a_picture(context: _Context, cue_token: int | None) -> bool:
    """Whether the cue word sees or shows a picture as its object ("sees an old photo"):
    :func:`.reported.depicts` keeps such objects out of statements, so the span model may
    not bring one back into a content."""
    if cue_token is None:
        return False
    cue = context.doc[cue_token]
    return any(
        depicts(cue, "dobj", child, None, context.lexicons)
        for child in cue.children
        if child.dep_ == "dobj"
    )


def _learned_bounds(context: _Context, drafts: Sequence[_Draft], dateline: Span | None) -> None:
    """Move each content's first start and last end, and add a piece before its cue, where
    the span model (:mod:`.span_model`) puts them: never into the dateline, and never across
    another statement's cue (a content that grew over it would swallow that statement as
    nested; one that shrank off it would set a nested statement loose)."""
    model = load_span_model()
    if model is None:
        return
    dateline_end = dateline.end if dateline is not None else 0
    cues = {draft.cue for draft in drafts if draft.cue is not None}
    table = TokenTable(context.doc, context.sentence_starts)
    for draft in drafts:
        if draft.cue is None or draft.stand or _sees_a_picture(context, draft.cue_token):
            continue
        others = cues - {draft.cue}
        first, last = draft.start, draft.end  # read once: properties, compared per other cue
        lowest = max(
            [
                dateline_end,
                _past_date_of_saying(context, draft),
                *(end for _, end in others if end <= first),
            ]
        )
        highest = min((start for start, _ in others if start >= last), default=None)
        inside = [(start, end) for start, end in others if first <= start and end <= last]
        kept = None
        if inside:
            kept = (
                bisect.bisect_right(context.token_starts, min(s for s, _ in inside)) - 1,
                bisect.bisect_right(context.token_starts, max(e for _, e in inside) - 1) - 1,
            )
        draft.content = refined_content(
            model,
            table,
            draft.cue,
            draft.content,
            draft.kind,
            bisect.bisect_left(context.token_starts, lowest),
            None if highest is None else bisect.bisect_left(context.token_starts, highest) - 1,
            kept,
        )


def _run_to_closing_marks(drafts: Sequence[_Draft], quotes: Sequence[Quote]) -> None:
    """Let a reported content that opens a quotation and stops inside it run on to the
    closing mark: 'said the ruling was "in direct conflict with the Bible. The threat is very
    clear."' The parse ends the sentence, and so the content, at the full stop inside the
    marks, while PolNeAR's content takes the quoted words to the mark (train pool: 11
    contents made exact, none lost). Never over another statement's cue or content, which
    would swallow that statement as nested."""
    cues = [draft.cue for draft in drafts if draft.cue is not None]
    for draft in drafts:
        if draft.kind == "direct" or draft.depth != 0:
            continue
        start, end = draft.start, draft.end
        closing = next(
            (
                piece_end
                for quote in quotes
                for piece_start, piece_end in quote.pieces
                if start <= piece_start < end < piece_end
            ),
            None,
        )
        if closing is None or any(end <= cue_start < closing for cue_start, _ in cues):
            continue
        if any(
            piece_start < closing and end < piece_end
            for other in drafts
            if other is not draft
            for piece_start, piece_end in other.content
        ):
            continue
        draft.content[-1] = (draft.content[-1][0], closing)


def _close_quoted_pieces(text: str, drafts: Sequence[_Draft]) -> None:
    """End a piece that a cue's frame cuts off after its quotation's closing mark: in '“We
    have to look at the whole ticket,” the director said. “That matters.”' the first piece
    is the quote, marks and comma included, as PolNeAR marks it, not its words alone. Only
    the pieces before a content's last (its ends are trimmed of marks when scored) and only
    where the piece opened the quotation (train pool: 8 contents made exact, none lost)."""
    for draft in drafts:
        for index in range(len(draft.content) - 1):
            start, end = draft.content[index]
            closing = _CLOSING_TAIL.match(text, end)
            if closing is None or closing.end() > draft.content[index + 1][0]:
                continue
            piece = text[start:end]
            opened = (
                piece.count("“") > piece.count("”")
                or piece.count('"') % 2 == 1
                or piece.count("''") % 2 == 1
                or text[max(0, start - 1) : start] in ("“", '"')
                or text[max(0, start - 2) : start] == "''"
            )
            if opened:
                draft.content[index] = (start, closing.end())


def _past_date_of_saying(context: _Context, draft: _Draft) -> int:
    """The content's start when a date right after the cue dates the saying and the content
    starts past it ("said Tuesday the vote would go ahead"; PolNeAR train leaves such a day
    out of the content 30 times in 33), so the span model does not move the start back over
    it; else 0."""
    doc = context.doc
    if draft.cue_token is None or draft.cue_token + 1 >= len(doc):
        return 0
    date = doc[draft.cue_token + 1]
    if not dates_a_saying(date):
        return 0
    return draft.start if draft.start >= date.idx + len(date) else 0


def _named_elsewhere(context: _Context, word: Token) -> bool:
    """Whether a capitalised word the parser did not read as a name in a headline label
    ("Trump: 'I'm the Worst Thing ...'", "Trump" tagged a common noun) is read as a proper
    noun where the article uses it again. Only the word's other occurrences are looked at."""
    if not word.text[:1].isupper():
        return False
    text, at = context.text, context.text.find(word.text)
    while at >= 0:
        other = context.token_at(at)
        if (
            other is not None
            and other.i != word.i
            and other.text == word.text
            and other.pos_ == "PROPN"
        ):
            return True
        at = text.find(word.text, at + len(word.text))
    return False


def _opens_transcript_turn(context: _Context, quote: Quote) -> bool:
    """Whether a quote opens on a capitalised speaker label ('"WALLACE: ...'): a quoted
    transcript, whose paragraphs are turns of their own (:func:`_transcript_turns`)."""
    match = _TURN.match(context.text, quote.start, quote.pieces[0][1])
    return match is not None and match.group(1).isupper()


def _transcript_turns(context: _Context, taken: Sequence[_Draft]) -> list[_Draft]:
    """Paragraphs of a transcript: "NAME: what they said" (the name in capitals or a name).

    A paragraph another statement already holds is no turn, unless what it holds is a
    saying reported inside the turn ("NAME: I think he said last week that ...", the
    speaker's own and nested in the turn) and another turn is at most two paragraphs away (a
    transcript, a stage note between turns; not a headline's "EXCLUSIVE: Mayor insists
    ..."). A quote there, or a statement reaching over the label or out of the paragraph,
    is the paragraph read otherwise.
    """
    drafts: list[_Draft] = []
    claimed = [
        (piece, draft.kind in ("direct", "partial")) for draft in taken for piece in draft.content
    ]
    labelled: dict[int, tuple[re.Match[str], list[Token]]] = {}
    for index, (p_start, p_end) in enumerate(context.paragraphs):
        match = _TURN.match(context.text, p_start, p_end)
        if match is None:
            continue
        tokens = context.tokens_in(p_start, match.end(1))
        if tokens and (match.group(1).isupper() or all(t.pos_ == "PROPN" for t in tokens)):
            labelled[index] = (match, tokens)
    for index, (match, tokens) in labelled.items():
        p_start, p_end = context.paragraphs[index]
        held = [(s, e, quoted) for (s, e), quoted in claimed if s < p_end and p_start < e]
        in_run = any(index + step in labelled for step in (-2, -1, 1, 2))
        reported_inside = not any(quoted or s < match.end() or e > p_end for s, e, quoted in held)
        if held and not (in_run and reported_inside):
            continue
        content = _trim(context.text, match.end() - 1, p_end)  # the match ends on a word
        if content is None:
            continue
        colon = match.end(1)
        drafts.append(
            _Draft(
                kind="direct",
                content=[content],
                cue=(colon, colon + 1),
                speaker_token=tokens[-1].i,
                confidence=0.7,
            )
        )
    return drafts


def _title_label(context: _Context, taken: Sequence[_Draft]) -> list[_Draft]:
    """The article's title when a speaker labels it: "Sanders: Brexit's message could draw
    Trump support in US", "Insiders: Trump will rebound", "Report: Walker to speak at the
    convention" (PolNeAR marks the colon as the cue of what follows it, the label's).

    Only the first paragraph, a single short line, whose label is not led by a determiner
    ("The Latest: ...") and has no verb ("Bill is back: ..."); the label's speaking word (the
    one before any preposition: "CNN President On Trump") is a name, a name's noun ("Clinton
    camp") or a noun that speaks (an unnamed source, a body, a document: "Insiders", "Poll").
    The parser reads a title's words poorly ("Sanders" as a plural noun), so a word the
    article uses as a name elsewhere is a name. A quote or a statement reaching over the label
    is the line read otherwise.
    """
    if not context.paragraphs:
        return []
    p_start, p_end = context.paragraphs[0]
    line = context.text[p_start:p_end]
    if "\n" in line.strip() or len(line.split()) > _HEADLINE_WORDS:
        return []
    match = _TITLE_LABEL.match(context.text, p_start, p_end)
    if match is None:
        return []
    tokens = [t for t in context.tokens_in(p_start, match.end(1)) if not t.is_punct]
    head = []
    for token in tokens:
        if token.pos_ == "ADP" or token.lower_ == "to":
            break
        head.append(token)
    if (
        not head
        or head[0].pos_ in ("DET", "PRON")
        or any(t.pos_ in ("VERB", "AUX", "CCONJ") for t in head)
    ):
        return []
    if not _speaks_in_a_label(context, head[-1], head[:-1]):
        return []
    colon = match.end(1)
    if any(
        (draft.kind in ("direct", "partial") or draft.start < colon)
        and any(s < p_end and p_start < e for s, e in draft.content)
        for draft in taken
    ):
        return []
    content = _trim(context.text, colon + 1, p_end)
    if content is None:
        return []
    return [
        _Draft(
            kind="indirect",
            content=[content],
            cue=(colon, colon + 1),
            speaker_token=head[-1].i,
            confidence=0.6,
        )
    ]


def _speaks_in_a_label(context: _Context, word: Token, before: Sequence[Token]) -> bool:
    """Whether ``word``, the last of a title's label, names who speaks: a name (tagged, an
    entity, or used as a name elsewhere in the article), a noun after a name ("Clinton
    camp"), or a noun for a source, a body or a document ("Insiders", "Report")."""

    def named(token: Token) -> bool:
        # (a title capitalises every word, so the tag "PROPN" alone says nothing:
        # "Delegate Update", "Bombshell")
        return token.ent_type_ in ("PERSON", "ORG", "NORP") or _named_elsewhere(context, token)

    if named(word):
        return True
    lexicons = context.lexicons
    nouns = lexicons.anonymous_nouns | lexicons.institution_nouns | lexicons.document_nouns
    if word.lemma_.lower() in nouns or word.lower_ in nouns:
        return True
    # a name's noun: lower-cased, or a title ("CNN President"); a capitalised word after a
    # name may be anything ("Clinton Wades In")
    common = word.text.islower() or word.lower_ in lexicons.title_words
    return common and bool(before) and named(before[-1])


def _listed_sayings(context: _Context, taken: Sequence[_Draft]) -> list[_Draft]:
    """The items of a list a saying introduces: "The president also said:" then one short
    paragraph per point ("The deal will pass", "Syria needs a political solution").

    Each item is a statement of the colon's speaker while the paragraphs are short declarative
    sentences (a subject and a finite verb) that open with no quotation mark; the list ends at
    the first that is not ("Read the full transcript").
    """
    drafts: list[_Draft] = []
    # An attitude of "he" or "she" inside an item ("He would speak 'bluntly' against ...")
    # leaves it a point of the list; a quote, a saying, or someone named ends the list.
    claimed = [
        piece
        for draft in taken
        if not (draft.kind == "attitude" and _pronoun_speaker(context, draft))
        for piece in draft.content
    ]
    for index, (p_start, p_end) in enumerate(context.paragraphs[:-1]):
        if not context.text[p_start:p_end].rstrip().endswith(":"):
            continue
        verb = _colon_verb(context, *_last_sentence(context, p_start, p_end))
        if verb is None or not context.is_cue_verb(verb) or subject_of(verb) is None:
            continue
        for i_start, i_end in context.paragraphs[index + 1 :]:
            item = _trim(context.text, i_start, i_end)
            if item is None or not _declarative_item(context, *item):
                break
            if any(s < item[1] and item[0] < e for s, e in claimed):
                break
            draft = _cue_draft("indirect", [item], verb)
            draft.confidence = 0.7
            drafts.append(draft)
    return drafts


def _pronoun_speaker(context: _Context, draft: _Draft) -> bool:
    """Whether a draft's speaker is a personal pronoun ("he", "she", "they")."""
    if draft.speaker_token is None:
        return False
    return context.doc[draft.speaker_token].lower_ in _SPEAKER_PRONOUNS


def _last_sentence(context: _Context, start: int, end: int) -> tuple[int, int]:
    """The last sentence of ``text[start:end]``, found from punctuation."""
    for match in _SENTENCE_END.finditer(context.text, start, end):
        start = match.end()
    return start, end


def _declarative_item(context: _Context, start: int, end: int) -> bool:
    """Whether a paragraph is a short statement: no quotation mark first, a finite verb with
    a subject at its root, at most ``_MAX_ITEM_WORDS`` words."""
    if (
        context.text[start] in _QUOTE_MARKS_OPENING
        or _words(context.text[start:end]) > _MAX_ITEM_WORDS
    ):
        return False
    tokens = context.tokens_in(start, end)
    # The parser may run the list into the sentence before it: the item's head is the word
    # whose own head lies outside the item.
    tops = [t for t in tokens if not start <= t.head.idx < end or t.head.i == t.i]
    if not tops:
        return False
    top = next((t for t in tops if t.pos_ in ("VERB", "AUX")), tops[0])
    finite = top.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in top.children
    )
    # The subject may be misattached across the paragraph break ("by June / Teachers will"):
    # a noun before the verb in the item stands in.
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in top.children) or any(
        t.pos_ in ("NOUN", "PROPN", "PRON") for t in tokens if t.i < top.i
    )
    return finite and subject


def _move_speaker_out_of_content(
    context: _Context, draft: _Draft, titles: Sequence[tuple[int, int]]
) -> None:
    """A speaker the parse found inside the quote, or inside a title, is a noun phrase by its
    cue instead.

    "'..., full panic mode,' Ana Ruiz said" or "'...,' said Ana Ruiz in an interview": the
    parser takes the quote's last words for the subject of "said"; the words someone says
    cannot name who says them, nor can the title of a show ("'...,' Ruiz said on ABC's 'Good
    Morning America.'"). The first noun phrase between the quote and the cue stands in, else
    the first one after the cue outside a prepositional phrase and the titles.
    """
    speaker = draft.speaker_token
    if speaker is None or draft.cue_token is None or draft.kind != "direct":
        return
    at = context.doc[speaker].idx
    titled = [(s, e) for s, e in titles if s <= at < e]
    if not any(s <= at < e for s, e in draft.content) and not titled:
        return
    cue = context.doc[draft.cue_token]
    sentence = context.sentence_of(cue)
    quote_end = max((e for _, e in draft.content if e <= cue.idx), default=sentence.start_char)
    between = [
        t for t in context.doc[sentence.start : cue.i] if t.idx >= quote_end and _names_someone(t)
    ]
    after: list[Token] = []
    for token in context.doc[cue.i + 1 : sentence.end]:
        if any(s <= token.idx < e for s, e in [*draft.content, *titled]):
            break
        if _names_someone(token):
            after.append(token)
    found = between[0] if between else (after[0] if after else None)
    while found is not None and found.dep_ in ("compound", "flat") and found.head.i > found.i:
        found = found.head
    draft.speaker_token = found.i if found is not None else None


def _extend_over_tail(context: _Context, draft: _Draft) -> None:
    """Take the words that finish a quote's sentence into its content.

    '"... face jail time" for criminal behavior, she said.': a quote closed with no punctuation
    inside its marks, followed by lower-case words, is the start of a sentence that goes on;
    PolNeAR's content runs to the cue's frame (the comma before "she said") or, with no cue
    after it, to the end of the sentence.
    """
    if draft.kind != "direct" or draft.depth != 0:
        return
    text = context.text
    start, end = draft.content[-1]
    inner = text[start:end].rstrip(_QUOTE_MARKS_CLOSING)
    if not inner or not inner[-1].isalnum():
        return
    tail_start = end
    while tail_start < len(text) and text[tail_start] in " \t":
        tail_start += 1
    if not text[tail_start : tail_start + 1].islower():
        return
    token = context.token_at(tail_start)
    if token is None:
        return
    sentence = context.sentence_of(token)
    stop = min(sentence.end_char, context.paragraph_of(tail_start)[1])
    if draft.cue is not None and tail_start <= draft.cue[0] < stop:
        frame_start = draft.cue[0]
        if draft.speaker_token is not None:
            frame_start = min(frame_start, context.doc[draft.speaker_token].left_edge.idx)
        comma = text.rfind(",", tail_start, frame_start)
        if comma == -1:
            return
        stop = comma
    tail = text[tail_start:stop].rstrip(" .,;:!?")
    if not tail or any(mark in tail for mark in _QUOTE_MARKS_CLOSING):
        return
    tail_tokens = context.tokens_in(tail_start, tail_start + len(tail))
    if any(context.is_cue_verb(t) for t in tail_tokens):
        return
    if tail_tokens and not start <= tail_tokens[0].head.idx < end:
        return  # '"..." on Friday': the words go with the cue, not with the quote
    draft.content[-1] = (start, tail_start + len(tail))
    draft.kind = "partial"


def _take_lead_words(context: _Context, draft: _Draft) -> None:
    """Take the words a set-off cue interrupts into a quote's content.

    "Sooner or later, the governor told reporters, 'it starts to pay off.'": a quote opening in
    lower case after a cue set off by commas goes on with the words before the cue; PolNeAR's
    content is both parts.
    """
    if draft.kind != "direct" or draft.depth != 0 or draft.cue_token is None:
        return
    text = context.text
    start = draft.content[0][0]
    cue = context.doc[draft.cue_token]
    if cue.idx >= start:
        return
    opening = text[start:].lstrip(_QUOTE_MARKS_OPENING)[:1]
    if not opening.islower() or not text[cue.idx : start].rstrip().endswith(","):
        return  # "Trump attacked 'the ideology of ...'": the quote is the cue's object
    frame_start = draft.cue[0] if draft.cue is not None else cue.idx
    if draft.speaker_token is not None:
        frame_start = min(frame_start, context.doc[draft.speaker_token].left_edge.idx)
    sentence_start = max(context.sentence_of(cue).start_char, context.paragraph_of(start)[0])
    lead = text[sentence_start:frame_start].rstrip()
    if not lead.endswith(",") or any(m in lead for m in _QUOTE_MARKS_OPENING):
        return
    if _words(lead) < _MIN_LEAD_WORDS:
        return  # "But, she told them, 'no one ...'": a conjunction is not content
    draft.content.insert(0, (sentence_start, sentence_start + len(lead) - 1))
    draft.kind = "partial"


def _names_someone(token: Token) -> bool:
    """Whether ``token`` can head a speaker phrase: a noun or pronoun, not a date or a
    prepositional object ("said Thursday in an interview")."""
    if token.pos_ not in ("PROPN", "NOUN", "PRON") or token.ent_type_ in TIME_LABELS:
        return False
    head = token
    for _ in range(_PHRASE_DEPTH):
        if head.dep_ == "prep":
            return False
        if head.head.i == head.i or head.pos_ in ("VERB", "AUX"):
            break
        head = head.head
    return True


def _inherit_floating(drafts: list[_Draft], context: _Context) -> None:
    """A quote with no cue continues the speaker of the statement before it, if near; one in a
    photo caption only a speaker of its own caption (a sign's "No deal, no work" under a
    picture is nobody's of the story above)."""

    def caption_of(offset: int) -> int | None:
        return next((i for i, c in enumerate(context.captions) if c.start <= offset < c.end), None)

    ordered = sorted(drafts, key=lambda d: d.start)
    for position, draft in enumerate(ordered):
        if draft.cue is not None or draft.kind not in ("direct", "partial"):
            continue
        p_index = bisect.bisect_right(context.paragraph_starts, draft.start) - 1
        caption = caption_of(draft.start)
        for earlier in reversed(ordered[:position]):
            e_index = bisect.bisect_right(context.paragraph_starts, earlier.start) - 1
            if p_index - e_index > 2 or caption_of(earlier.start) != caption:
                break
            if earlier.depth != draft.depth or earlier.speaker_token is None:
                continue
            draft.speaker_token = _antecedent_of_relative(context.doc[earlier.speaker_token]).i
            draft.inherit_from = earlier
            draft.frame = list(earlier.frame)
            draft.confidence = 0.6
            break


def _antecedent_of_relative(speaker: Token) -> Token:
    """The noun a relative pronoun stands for ("Murphy, who said ...": Murphy), else the
    speaker itself: a quote that goes on from a statement made in a relative clause goes on
    with the person the clause is about, not with the word "who" from the sentence before."""
    clause = relative_clause(speaker.head)
    if speaker.tag_ in ("WP", "WDT") and clause is not None and clause.head.i < speaker.i:
        return clause.head
    return speaker


def _glue_floating(drafts: list[_Draft], context: _Context) -> list[_Draft]:
    """A floating quote that opens the sentence right after its statement's becomes part of it.

    "The summit accomplished 'too little,' he added. 'Without changing policies, Europe risks
    a lot.'": PolNeAR makes the quote a second content piece of the statement before it.
    """
    glued: set[int] = set()
    for draft in drafts:
        earlier = draft.inherit_from
        if earlier is None or earlier.cue_token is None or earlier.depth != 0:
            continue
        if draft.kind != "direct" or draft.depth != 0 or draft.start < earlier.end:
            continue
        cue = context.doc[earlier.cue_token]
        cue_end = min(context.sentence_of(cue).end_char, context.paragraph_of(cue.idx)[1])
        tail = max(earlier.end, cue_end)
        if tail > draft.start or context.text[tail : draft.start].strip():
            continue
        # Over a paragraph break only a quote that fills its paragraph goes on a direct quote.
        paragraph = context.paragraph_of(draft.start)
        if context.paragraph_of(earlier.start) != paragraph and (
            earlier.kind != "direct" or context.text[draft.end : paragraph[1]].strip()
        ):
            continue
        earlier.content.extend(draft.content)
        glued.add(id(draft))
    return [draft for draft in drafts if id(draft) not in glued]


def _own_voice(context: _Context, drafts: Sequence[_Draft]) -> list[_Draft]:
    claimed: list[tuple[int, int]] = []
    for draft in drafts:
        claimed.extend(draft.content)
        if draft.cue is not None:
            claimed.append(draft.cue)
    claimed.sort()
    starts = [s for s, _ in claimed]
    own: list[_Draft] = []
    for sentence in context.sentences:
        start, end = sentence.start_char, sentence.end_char
        index = bisect.bisect_left(starts, end)
        if any(s < end and start < e for s, e in claimed[max(0, index - 50) : index]):
            continue
        if not any(t.tag_ in _FINITE_TAGS for t in sentence):
            continue
        span = _trim(context.text, start, end)
        if span is not None:
            own.append(_Draft("own_voice", [span], confidence=0.8))
    return own


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _following_sentence(
    context: _Context, draft: _Draft, claimed: RangeIndex[tuple[int, int]]
) -> tuple[int, int] | None:
    """The sentence after a statement in its paragraph (its stance may lie there), unless a
    piece of some statement (in ``claimed``) opens there."""
    token = context.token_at(draft.end - 1)
    if token is None:
        return None
    sentence = context.sentence_of(token)
    if sentence.end >= len(context.doc):
        return None
    nxt = context.sentence_of(context.doc[sentence.end])
    # the sentence's characters sliced from the text joined once, not joined from its tokens
    while context.text[nxt.start_char : nxt.end_char].isspace() and nxt.end < len(context.doc):
        nxt = context.sentence_of(context.doc[nxt.end])
    p_start, p_end = context.paragraph_of(draft.end - 1)
    if not p_start <= nxt.start_char < p_end:
        return None
    if claimed.overlapping(nxt.start_char, nxt.start_char + 1):
        # A sentence that opens someone's statement is theirs, not the outlet's verdict.
        return None
    return nxt.start_char, nxt.end_char


def _only_relays(context: _Context, outer: _Draft, inner: Sequence[_Draft]) -> bool:
    """Whether a newspaper's, agency's or document's quote holds nothing but someone else's
    quoted words and the frame that names them (the Gazette's passage '" \'It was greed,\'
    [Ruiz] said." \'She lied.\' "'): the carrier passes the words on and says nothing of its
    own. A piece of the passage that is a single-quoted quote of its own goes on the words
    before it. (A person who quotes others in their own speech, "The left is saying,
    \'...\'", still speaks.)"""
    if outer.kind != "direct" or outer.speaker_token is None or not inner:
        return False
    speaker, cue = context.doc[outer.speaker_token], outer.cue_token
    reports = cue is not None and context.doc[cue].lemma_.lower() == "report"
    if not reports and source_role(speaker, context.lexicons, None) not in ("media", "document"):
        return False
    if any(d.kind != "direct" or d.cue is None or d.speaker_token is None for d in inner):
        return False
    if any(not outer.start <= d.cue[0] < outer.end for d in inner if d.cue is not None):
        return False
    holding = _holding_pieces(outer, inner)
    if not holding or holding[0] != outer.content[0]:
        return False
    rest = [piece for piece in outer.content if piece not in holding]
    if any(context.text[s] not in _SINGLE_OPENING for s, _ in rest):
        return False
    taken = [piece for d in inner for piece in (*d.content, *d.frame)]
    return not any(
        char.isalnum()
        for s, e in holding
        for i, char in enumerate(context.text[s:e], start=s)
        if not any(a <= i < b for a, b in taken)
    )


def _holding_pieces(outer: _Draft, inner: Sequence[_Draft]) -> list[tuple[int, int]]:
    """The pieces of ``outer`` that hold some of ``inner``'s words."""
    return [(s, e) for s, e in outer.content if any(s <= d.start and d.end <= e for d in inner)]


def _pass_on(outer: _Draft, inner: Sequence[_Draft]) -> None:
    """The words a relaying quote held become statements of their own, passed on by its
    speaker (outlet ← carrier ← speaker), no longer nested in anything; a quote that went on
    the passage goes on the words before it."""
    assert outer.speaker_token is not None
    holding = _holding_pieces(outer, inner)
    for draft in inner:
        draft.carriers[:0] = [*outer.carriers, outer.speaker_token]
        draft.depth = outer.depth
    for piece in outer.content:
        if piece not in holding:
            max((d for d in inner if d.start < piece[0]), key=lambda d: d.start).content.append(
                piece
            )


def _relative_antecedent(context: _Context, draft: _Draft) -> int | None:
    """Where the noun starts that the relative clause holding ``draft``'s cue describes
    ("critics who say ...", "the plan, which he argued would fail"), if the cue is in one."""
    if draft.cue_token is None or draft.kind == "attitude":
        return None
    doc = context.doc
    clause = doc[draft.cue_token]
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl" or clause.left_edge.i == 0:
        return None
    # Only a clause set off by a comma ("Ruiz, who said ..."): one without ("critics who
    # say ...") picks out the noun and is as often part of what the outer speaker says
    # (PolNeAR train, articles 1 and 3 of every 5: set off 12 of 18 such sayings stand
    # alone in the annotation, not set off 7 of 26).
    return clause.head.idx if doc[clause.left_edge.i - 1].text == "," else None


def _parents(context: _Context, drafts: Sequence[_Draft]) -> dict[int, int]:
    """Index of the smallest statement whose content contains each nested statement's (the
    first such in order among equals).

    A saying in a relative clause on a noun of another statement's content is the writer's
    word about that noun, not part of what the other statement's speaker said ("Ruiz dismissed
    critics who say the plan fails": the critics say it, not Ruiz), and nests in nothing
    there."""
    pieces = RangeIndex(
        [
            (s, e, index)
            for index, draft in enumerate(drafts)
            if draft.kind != "own_voice"
            for s, e in draft.content
        ],
        lambda piece: (piece[0], piece[1]),
    )
    parents: dict[int, int] = {}
    for index, draft in enumerate(drafts):
        if draft.kind == "own_voice":
            continue  # the outlet's own sentences nest in nothing
        size = draft.end - draft.start
        antecedent = _relative_antecedent(context, draft)
        holders = {
            other
            for _, _, other in pieces.containing(draft.start, draft.end)
            if other != index
            and drafts[other].end - drafts[other].start > size
            and not (
                antecedent is not None and drafts[other].start <= antecedent < drafts[other].end
            )
        }
        if holders:
            parents[index] = min(holders, key=lambda i: (drafts[i].end - drafts[i].start, i))
    return parents


def extract_statements(
    doc: Doc,
    *,
    mentions: Sequence[Mention] = (),
    entities: Sequence[Entity] = (),
    outlet: str | None = None,
    agency: str | None = None,
    dateline: Span | None = None,
    captions: Sequence[Span] = (),
    id_prefix: str = "s",
) -> tuple[Statement, ...]:
    """Every statement in ``doc``: quotes, reported speech and the outlet's own sentences.

    ``mentions`` and ``entities`` (from the entity layer) resolve speakers and addressees to
    entities, pronouns and nominals included; ``outlet`` names the first hop of each chain and
    ``agency``, for a story that runs wire copy, the second: outlet ← agency ← speaker.
    ``dateline`` (``WASHINGTON (Reuters) —``) is never part of a statement's content.
    ``captions``, the photo captions the text carries after the story, are read apart: a
    quote there never goes on from a speaker of the story.
    """
    context = _Context(doc, load_lexicons(), captions, dateline)
    text = context.text
    reported = find_reported(doc, context.lexicons)
    quotes = find_quotes(text)
    attributor = _QuoteAttributor(context, reported)
    top = [q for q in quotes if q.depth == 0]
    drafts = attributor.attribute(top, (0, len(text)), 0)
    nested = RangeIndex([q for q in quotes if q.depth == 1], lambda q: (q.start, q.end))
    for parent in list(drafts):
        held: list[_Draft] = []
        for s, e in parent.content:
            inner = [q for q in nested.overlapping(s + 1, e) if s < q.start and q.end <= e]
            held.extend(attributor.attribute(inner, (s + 1, e - 1), 1))
        if _only_relays(context, parent, held):
            drafts.remove(parent)
            _pass_on(parent, held)
        drafts.extend(held)
    drafts.extend(_reported_drafts(context, reported, attributor, drafts))
    drafts.extend(_transcript_turns(context, drafts))
    drafts.extend(_title_label(context, drafts))
    drafts.extend(_listed_sayings(context, drafts))
    for draft in drafts:
        _move_speaker_out_of_content(context, draft, attributor.titles)
        _extend_over_tail(context, draft)
        _take_lead_words(context, draft)
    _inherit_floating(drafts, context)
    drafts = _glue_floating(drafts, context)
    links = _link_lists(context)
    drafts = [d for d in drafts if not any(s <= d.start < e for s, e in links)]
    attributed = sorted(_outside(drafts, dateline, text), key=lambda d: d.start)
    _learned_bounds(context, attributed, dateline)
    _run_to_closing_marks(attributed, top)
    _close_quoted_pieces(text, attributed)
    own = _outside(_own_voice(context, attributed), dateline, text)
    everything = sorted([*attributed, *own], key=lambda d: d.start)
    return _finish(
        context,
        everything,
        attributed,
        mentions,
        entities_by_id(entities),
        (outlet, agency),
        id_prefix,
    )


def _hop(
    context: _Context,
    token_index: int,
    mentions: RangeIndex[Mention],
    entities: Mapping[str, Entity],
    content: Sequence[tuple[int, int]] = (),
) -> tuple[AttributionHop, Span, AttributionHop | None]:
    """The hop for the phrase at ``token_index``, its span, and the medium that carried it."""
    head = context.doc[token_index]
    written: Span | None = None
    if head.tag_ in ("WP", "WDT") and (clause := relative_clause(head.head)) is not None:
        # "X, who said ...": the statement's speaker is "who", its source is X (also in a
        # second relative joined by "and": "a nurse who works there and who said ...").
        written = Span.of(context.text, head.idx, head.idx + len(head))
        head = _conjunct_that_speaks(context, clause.head)
    if head.idx < context.dateline_end:
        # "ATLANTA (AP) — Georgia Gov. Brian Kemp is ...": the parser made the dateline's
        # place the subject and the speaker its apposition
        named = [c for c in head.children if c.dep_ == "appos" and c.idx >= context.dateline_end]
        head = named[-1] if named else head
    start, end = phrase_span(head)
    start = max(start, context.text.rfind("\n", start, head.idx) + 1)  # not over a break
    if start < context.dateline_end <= head.idx:
        # "ATLANTA (AP) — Georgia Gov. Brian Kemp is ...", parsed as one phrase
        start = context.dateline_end
        while start < head.idx and (context.text[start].isspace() or context.text[start] in "-–—"):
            start += 1
    end = min(end, context.text.find("\n", head.idx, end) % (end + 1))
    span = Span.of(context.text, start, end)
    hop, carrier = _source_hop(context, head, span, mentions, entities, content)
    return hop, written or span, carrier


def _conjunct_that_speaks(context: _Context, noun: Token) -> Token:
    """ "in line with the science and the government, which has said ...": the parser hangs
    the relative clause from the first of the joined nouns; when that one cannot speak, the
    last that can is who said it."""
    if speaks_or_records(noun, context.lexicons):
        return noun
    speaking = [c for c in noun.conjuncts if speaks_or_records(c, context.lexicons)]
    return speaking[-1] if speaking else noun


def _parallel_possessor(pronoun: Token) -> Token | None:
    """ "Ruiz's stance on taxes and her vow that ...": a possessive pronoun on one of two
    joined nouns stands for the name that possesses the other."""
    if pronoun.tag_ != "PRP$" or pronoun.dep_ != "poss":
        return None
    person = pronoun.lower_ in ("his", "her")
    for other in pronoun.head.conjuncts:
        for owner in other.children:
            named = owner.dep_ == "poss" and owner.pos_ == "PROPN"
            if named and (owner.ent_type_ == "PERSON") == person:
                return owner  # "his" for a person, "its" or "their" for a body
    return None


def _source_hop(
    context: _Context,
    head: Token,
    span: Span,
    mentions: RangeIndex[Mention],
    entities: Mapping[str, Entity],
    content: Sequence[tuple[int, int]],
) -> tuple[AttributionHop, AttributionHop | None]:
    """The speaker's hop and, for a news outlet's document, the outlet's media hop."""
    phrase_head = head
    named = _appositive_name(head) or _parallel_possessor(head)
    if named is not None:
        head = named  # "One witness, Ana Ruiz, said": the name, not "witness", says who
    head = _name_before_postnominal(head)
    mention = _trusted_mention(mention_at(mentions, head.idx, head.idx + len(head)), head, content)
    entity_id = mention.entity_id if mention is not None else None
    if entity_id is None and head.pos_ == "PROPN":
        entity_id = _person_by_surname(head, entities)
    entity = entities.get(entity_id) if entity_id else None
    if entity is not None and _person_read_as_place(head, entity):
        entity_id = _person_by_surname(head, entities) if head.pos_ == "PROPN" else None
        entity = entities.get(entity_id) if entity_id else None
    if head.lower_ == "it":
        document = _document_in_sentence(context, head)
        if document is None and entity is None:
            document = _document_before(context, head)
        if document is not None:
            return _document_hop(context, document, mentions, entities)
    if mention is not None and mention.label == _DOCUMENT_LABEL:
        text = span.text if mention.kind == "nominal" else (entity.name if entity else span.text)
        hop = AttributionHop("document", text, span, entity_id)
        return hop, _outlet_of(mention, mentions, entities)
    role = source_role(head, context.lexicons, entity)
    if role == "organisation" and media_noun(phrase_head, context.lexicons):
        role = "media"  # "the state news agency SPA": the name says less than its noun
    name = entity.name if entity is not None else span.text
    if entity is None and named is not None:
        name = context.text[named.left_edge.idx : named.idx + len(named)]  # "Ana Ruiz"
    return AttributionHop(role, name, span, entity_id), None


def _name_before_postnominal(head: Token) -> Token:
    """The last word of the name that the letters heading a speaker's phrase follow ("Sarah
    Lindqvist KC told jurors", "Diane Abbott MP said": Lindqvist, Abbott); else ``head``."""
    if head.i == 0 or not entity_lexicon().is_postnominal(head.text):
        return head
    before = head.doc[head.i - 1]
    if before.head.i == head.i and before.dep_ == "compound" and before.pos_ == "PROPN":
        return before
    return head


def _person_read_as_place(head: Token, entity: Entity) -> bool:
    """A name NER tags a person here that belongs to a place entity ("Jordan said he was
    honored", in an article where every other "Jordan" is the country): the entity layer
    groups every mention of one string together, so the speaker is not given to the place
    (but to the one person of that family name, if there is one)."""
    return head.ent_type_ == "PERSON" and entity.type in _PLACE_ENTITY_TYPES


def _person_by_surname(head: Token, entities: Mapping[str, Entity]) -> str | None:
    """The one person whose name ends with a lone surname speaker the entity layer did not tag
    ("Sargent said" after "Macmillan CEO John Sargent")."""
    if any(c.dep_ in ("compound", "flat") for c in head.children):
        return None
    found = [
        entity.id
        for entity in entities.values()
        if entity.type == "PERSON" and entity.name.split()[-1:] == [head.text]
    ]
    return found[0] if len(found) == 1 else None


def _appositive_name(head: Token) -> Token | None:
    """The proper name set beside a common-noun speaker ("one witness, Ana Ruiz"), also through
    a noun the parser joined to the speaker ("Outside court, one victim, Margaret Hughes,
    said", parsed with "court" as the subject and "victim" as its conjunct)."""
    if head.pos_ != "NOUN":
        return None
    for noun in (head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN")):
        name = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if name is not None:
            return name
    return None


def _trusted_mention(
    mention: Mention | None, head: Token, content: Sequence[tuple[int, int]]
) -> Mention | None:
    """A pronoun speaker's mention, or None when its resolution cannot be the speaker.

    A pronoun cannot stand for a name in the very words it is said to speak ("'... entered
    Baghdad,' they said"), nor a person pronoun for a place.
    """
    if mention is None or head.pos_ != "PRON" or mention.resolution is None:
        return mention
    antecedent = mention.resolution.antecedent
    if antecedent is not None and any(
        s <= antecedent.start and antecedent.end <= e for s, e in content
    ):
        return None
    if mention.label in _PLACE_LABELS:
        return None
    if mention.label == "GPE" and head.lower_ in _PERSONAL_PRONOUNS:
        return None
    return mention


def _outlet_of(
    mention: Mention, mentions: RangeIndex[Mention], entities: Mapping[str, Entity]
) -> AttributionHop | None:
    """The media hop for the outlet that published the document ``mention`` refers to.

    The entity layer records the outlet on a document nominal's resolution; a pronoun for the
    document ("it notes") finds it on another mention of the same document.
    """
    outlet_id = document_outlet(mention)
    if outlet_id is None and mention.entity_id is not None:
        outlet_id = next(
            (
                found
                for other in mentions
                if other.entity_id == mention.entity_id
                and (found := document_outlet(other)) is not None
            ),
            None,
        )
    outlet = entities.get(outlet_id) if outlet_id else None
    if outlet is None:
        return None
    return AttributionHop("media", outlet.name, None, outlet.id)


def _document_hop(
    context: _Context,
    document: Token,
    mentions: RangeIndex[Mention],
    entities: Mapping[str, Entity],
) -> tuple[AttributionHop, AttributionHop | None]:
    """The hop for a document nominal an "it" speaker stands for ("the letter ... it stated")."""
    start, end = phrase_span(document)
    span = Span.of(context.text, start, end)
    mention = mention_at(mentions, document.idx, document.idx + len(document))
    if mention is None or mention.label != _DOCUMENT_LABEL:
        return AttributionHop("document", span.text, span, None), None
    hop = AttributionHop("document", span.text, span, mention.entity_id)
    return hop, _outlet_of(mention, mentions, entities)


def _is_document_noun(context: _Context, token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in context.lexicons.document_nouns


def _document_in_sentence(context: _Context, pronoun: Token) -> Token | None:
    """A document nominal earlier in an "it" speaker's own sentence ("At the end of the letter,
    it stated"): nearer than any antecedent the coreference found further back."""
    sentence = context.sentence_of(pronoun)
    for token in reversed(context.doc[sentence.start : pronoun.i]):
        if _is_document_noun(context, token):
            return token
    return None


def _document_before(context: _Context, pronoun: Token) -> Token | None:
    """The nearest document nominal before an unresolved "it" in its paragraph ("the letter")."""
    p_start, _ = context.paragraph_of(pronoun.idx)
    for token in reversed(context.doc[max(0, pronoun.i - _ANTECEDENT_WINDOW) : pronoun.i]):
        if token.idx < p_start:
            break
        if _is_document_noun(context, token):
            return token
    return None


@dataclass(slots=True)
class _Sourcing:
    """Who a draft names as its source and who carried it, before any relay is added."""

    speaker: Span | None = None
    speaker_hop: AttributionHop | None = None
    hops: list[AttributionHop] = field(default_factory=list)
    """Carriers between the relay (or the outlet) and the speaker, outermost first."""
    addressee: Span | None = None
    addressee_entity: str | None = None
    told_reporter: bool = False
    """Said to the writer ("Kurds told me"): the outlet heard it first-hand."""
    document: list[AttributionHop] = field(default_factory=list)
    """For a document speaker ("the report says"): its outlet's hop and its own."""
    alternatives: list[AttributionHop] = field(default_factory=list)
    doubt: str | None = None
    relayed: str | None = None
    """Why a document was read as relaying the statement, when the text only implies it."""


def _sourcing(
    context: _Context,
    draft: _Draft,
    mentions: RangeIndex[Mention],
    entities: Mapping[str, Entity],
    outlet: Sequence[AttributionHop],
) -> _Sourcing:
    found = _Sourcing()
    if draft.cue_token is not None:
        cue = context.doc[draft.cue_token]
        sentence = context.sentence_of(cue)
        heads = carriers_in_sentence(cue, sentence.start, sentence.end - 1, context.verbs)
        speaker = context.doc[draft.speaker_token] if draft.speaker_token is not None else None
        heads += [
            t for t in relayed_by(cue, speaker, context.lexicons.document_nouns) if t not in heads
        ]
        heads += [t for t in published_in(cue) if t not in heads]
        inside = [t for t in heads if any(s <= t.idx < e for s, e in draft.content)]
        for head in [t for t in heads if t not in inside] + [
            context.doc[i] for i in draft.carriers
        ]:
            hop, _, carried_by = _hop(context, head.i, mentions, entities)
            found.hops.extend([carried_by, hop] if carried_by is not None else [hop])
    if draft.speaker_token is not None:
        speaker_hop, found.speaker, carrier = _hop(
            context, draft.speaker_token, mentions, entities, draft.content
        )
        if carrier is not None:
            found.hops.append(carrier)
        if speaker_hop.role == "document":
            found.document = [*([carrier] if carrier is not None else []), speaker_hop]
        if not is_first_person(context.doc[draft.speaker_token]):
            found.speaker_hop = speaker_hop  # "I"/"we": the reporter, so the outlet speaks
    if draft.cue_token is not None and _answers_a_request_for_comment(context.doc[draft.cue_token]):
        found.told_reporter = True
    if draft.addressee_token is not None:
        addressee_hop, found.addressee, _ = _hop(context, draft.addressee_token, mentions, entities)
        found.addressee_entity = addressee_hop.entity_id
        found.told_reporter = is_first_person(context.doc[draft.addressee_token])
        addressed = context.doc[draft.addressee_token]
        addressed_entity = entities.get(addressee_hop.entity_id or "")
        named = (
            addressed.pos_ == "PROPN"
            and not _names_a_body(addressed, context.lexicons)
            and (
                outlet_named(addressee_hop.text) is not None
                or outlet_named(addressed.text) is not None
                or not _acts_in_the_story(context, addressed, addressee_hop.text, addressed_entity)
            )
        )
        # "told Tasnim", "told the BBC", "told NDTV": a named organisation a speaker talks to
        # is, in news, the medium that carries it (not "told the jury", nor "told the Security
        # Council"); never a state, nor whom a speaker asks or warns ("asked the Netherlands
        # to ..."), nor a name the outlet table does not list that the article shows acting
        # in the story ("has told United" after "joined from Manchester United")
        medium = addressee_hop.role == "media" or (
            addressee_hop.role == "organisation" and (named or _names_outlet(addressee_hop, outlet))
        )
        state = addressed_entity is not None and addressed_entity.type in ("GPE", "NORP")
        asked = draft.cue_token is not None and _asks(context.doc[draft.cue_token])
        network = network_of_programme(addressed)
        if network is not None and not asked:
            # "told CNN's "State of the Union"": the programme's network carries the saying
            addressee_hop = _hop(context, network.i, mentions, entities)[0]
            medium = True
        if medium and not state and not asked and not found.told_reporter:
            hop = addressee_hop
            found.hops.append(AttributionHop("media", hop.text, hop.span, hop.entity_id))
    return found


def _acts_in_the_story(
    context: _Context, addressed: Token, addressed_text: str, entity: Entity | None
) -> bool:
    """Whether the article names an organisation told something as a party to the events,
    not a medium: elsewhere it is the subject or object of a verb that is no saying, or the
    object of a preposition on one ("joined Barcelona from Manchester United", "the FBI
    opened an inquiry"), by a name of its own (a pronoun may be another's). A medium the
    outlet table does not list is named only as one that was told, that reported, that did
    a medium's work ("BFMTV has learned") or that someone spoke to ("in an interview with
    BFMTV")."""
    if entity is None:
        return False
    for mention in entity.mentions:
        told, named = addressed_text.lower(), mention.span.text.lower()
        if mention.kind not in ("name", "acronym") or not (told in named or named in told):
            # a pronoun, a nominal or another name may be another's, merged by coreference
            # ("POLITICO New York" with "New York City")
            continue
        tokens = context.tokens_in(mention.span.start, mention.span.end)
        if not tokens or tokens[0].i <= addressed.i <= tokens[-1].i:
            continue
        head = context.doc[tokens[0].i : tokens[-1].i + 1].root
        verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj") else None
        if head.dep_ == "pobj" and head.head.dep_ in ("prep", "agent"):
            verb = head.head.head
        if verb is None or verb.pos_ != "VERB" or context.is_cue_verb(verb):
            continue
        if verb.lemma_.lower() not in MEDIA_WORK_VERBS:
            return True
    return False


_REQUEST_VERBS = frozenset({"ask", "urge", "warn", "remind", "advise"})
"""Verbs whose addressee is asked or warned, never the medium that carries the saying."""


def _asks(cue: Token) -> bool:
    return cue.lemma_.lower() in _REQUEST_VERBS


def _names_a_body(head: Token, lexicons: Lexicons) -> bool:
    """Whether a name is headed by the noun of a body that is addressed, not one that
    publishes ("the Security Council", "the Judiciary Committee"; not "Xinhua news agency")."""
    word = head.lower_
    return word in lexicons.institution_nouns and word not in lexicons.media_words


def _names_outlet(hop: AttributionHop, outlet: Sequence[AttributionHop]) -> bool:
    """Whether a hop names the outlet or its agency ("told the Guardian" in the Guardian)."""
    key = _WORD_NOISE.sub("", hop.text.lower().removeprefix("the "))
    return len(key) >= 3 and any(key in _WORD_NOISE.sub("", first.text.lower()) for first in outlet)


_Anchor = tuple[int, "int | list[AttributionHop]"]
"""Where the article names a document it relays, and what a statement it relays inherits:
the index of the statement that names it (its whole chain), or the document's hops."""


def _document_anchors(
    context: _Context,
    drafts: Sequence[_Draft],
    sourcing: Mapping[int, _Sourcing],
    mentions: RangeIndex[Mention],
    entities: Mapping[str, Entity],
) -> list[_Anchor]:
    """Where the article names a document it relays, in text order.

    A statement whose speaker is a document ("the report says", "the news story relates to a
    letter"), at its speaker; or a sentence whose subject is one ("The film shows Barzani on
    the phone"), at the sentence's end.
    """
    anchors: list[_Anchor] = []
    taken: set[int] = set()
    for index, draft in enumerate(drafts):
        found = sourcing.get(index)
        if found is not None and found.document and draft.speaker_token is not None:
            anchors.append((context.doc[draft.speaker_token].idx, index))
            taken.add(context.sentence_of(context.doc[draft.speaker_token]).start)
    for sentence in context.sentences:
        subject = _document_subject(sentence.root)
        if subject is None or sentence.start in taken or not _is_document_noun(context, subject):
            continue
        root = sentence.root
        saying = root.lemma_.lower() in context.lexicons.cue_verbs  # "The poll found that:"
        if not saying and not _says_something(root):
            continue  # "The whole speech lasted 71 minutes": a measure, nothing it relays
        hop, carrier = _document_hop(context, subject, mentions, entities)
        # What it relays comes after its sentence: "The film, criticized by some for ...,
        # shows X" does not relay the criticism.
        anchors.append((sentence.end_char, [*([carrier] if carrier else []), hop]))
    return sorted(anchors, key=lambda anchor: anchor[0])


_MEASURES = frozenset({"TIME", "DATE", "QUANTITY", "MONEY", "CARDINAL", "PERCENT"})


def _says_something(verb: Token) -> bool:
    """Whether a document's verb takes something it shows or tells of ("shows Barzani on the
    phone", "looks at the deal"), not only a measure of itself ("lasted 71 minutes", "cost
    $2m"): a complement with a word that is no time, amount or number."""
    complements = ("dobj", "ccomp", "xcomp", "prep", "attr", "dative", "npadvmod", "advcl")
    return any(
        t.pos_ in ("NOUN", "PROPN", "VERB", "PRON") and t.ent_type_ not in _MEASURES
        for child in verb.children
        if child.dep_ in complements
        for t in child.subtree
    )


def _document_subject(root: Token) -> Token | None:
    """The subject of a sentence's main verb ("The report looks at ...")."""
    return next((c for c in root.children if c.dep_ == "nsubj"), None)


def _writer_sentences(context: _Context, drafts: Sequence[_Draft]) -> list[int]:
    """Starts of the sentences in the writer's own voice: their main verb neither reports a
    statement nor stands in one's words. A document's relay ends at the first of them."""
    cues = {d.cue_token for d in drafts if d.cue_token is not None and d.kind != "own_voice"}
    pieces = [piece for d in drafts if d.kind != "own_voice" for piece in d.content]
    found: list[int] = []
    for sentence in context.sentences:
        root = sentence.root
        if root.i in cues or root.is_space or any(s <= root.idx < e for s, e in pieces):
            continue
        found.append(sentence.start_char)
    return found


def _in_a_document_of_its_own(context: _Context, cue: int) -> bool:
    """ "Analysts at Bernstein said in a note that ...", "wrote in their letter": the speaker
    says it in a document of their own, so no document the paragraph cited before passes it on
    ("according to a regulatory filing" does not relay the analysts). "said in the report"
    may be that very document: a definite one is left to the paragraph."""
    for prep in context.doc[cue].children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if not _is_document_noun(context, noun):
                continue
            determiners = [c for c in noun.children if c.dep_ in ("det", "poss")]
            if any(d.dep_ == "poss" or d.lower_ in ("a", "an") for d in determiners):
                return True
    return False


def _answers_a_request_for_comment(cue: Token) -> bool:
    """ "A spokeswoman declined to comment but said ...": a speaker who declines or refuses to
    comment is answering the outlet that asked, so what they say is told to the writer, not
    passed on by a document the paragraph cites."""
    verbs = [cue, cue.head] if cue.dep_ in ("conj", "xcomp") else [cue]
    return any(
        verb.lemma_.lower() in ("decline", "refuse")
        and any(c.dep_ == "xcomp" and c.lemma_.lower() == "comment" for c in verb.children)
        for verb in verbs
    )


def _relay_of(
    context: _Context,
    index: int,
    drafts: Sequence[_Draft],
    sourcing: Mapping[int, _Sourcing],
    anchors: Sequence[_Anchor],
    writer: Sequence[int],
) -> int | list[AttributionHop] | None:
    """What a statement reached the outlet through, when the article says so around it.

    * Another statement whose content holds this one's cue ("The story claims that ... and
      that Asadi said: '...'"; "The Kremlin believes X, observers say"): that statement's
      chain, speaker included (returned as its index).
    * A document the same paragraph relays before it, with no sentence in the writer's own
      voice between ("The article says X. Defenders of the shrine praised him: '...'"), or,
      for a cue marked as hearsay ("apparently wrote back", "supposedly said"), the news
      document named last: that document's hops, or the chain of the statement naming it.

    A statement with its own carrier ("told Reuters") or told to the writer is not relayed.
    """
    draft = drafts[index]
    found = sourcing[index]
    if draft.cue_token is not None:
        cue_at = context.doc[draft.cue_token].idx
        holders = [
            i
            for i, other in enumerate(drafts)
            if i != index
            and other.kind != "own_voice"
            and any(s <= cue_at < e for s, e in other.content)
            and not any(s <= (other.cue or (0, 0))[0] < e for s, e in draft.content)
        ]
        if holders:
            return min(holders, key=lambda i: drafts[i].end - drafts[i].start)
    if found.hops or found.told_reporter:
        return None
    if draft.cue_token is not None and _in_a_document_of_its_own(context, draft.cue_token):
        return None
    own = context.doc[draft.speaker_token].idx if draft.speaker_token is not None else -1
    paragraph = context.paragraph_of(draft.start)
    earlier = [
        (at, relay) for at, relay in anchors if at < draft.start and at != own and relay != index
    ]
    in_paragraph = [(at, relay) for at, relay in earlier if at >= paragraph[0]]
    if in_paragraph:
        at, relay = in_paragraph[-1]
        if not any(at < start < draft.start for start in writer):
            found.relayed = "the paragraph relays"
            return relay
    if draft.cue_token is not None and _hearsay(context.doc[draft.cue_token]):
        floor = _paragraphs_back(context, draft.start, _HEARSAY_PARAGRAPHS)
        news = [relay for at, relay in earlier if at >= floor and _is_news(relay, sourcing)]
        if news:
            found.relayed = "the writer marks it as hearsay; the news document named last relays"
            return news[-1]
    return None


def _is_news(relay: int | list[AttributionHop], sourcing: Mapping[int, _Sourcing]) -> bool:
    """Whether a relay is a news outlet's document (it has a media hop before it)."""
    hops = sourcing[relay].document if isinstance(relay, int) else relay
    return len(hops) > 1


def _last_document(chain: Sequence[AttributionHop]) -> AttributionHop | None:
    return next((hop for hop in reversed(chain) if hop.role == "document"), None)


def _hearsay(cue: Token) -> bool:
    """Whether the writer marks a cue as passed on ("apparently wrote", "supposedly said"),
    or the verb a participle cue hangs from ("apparently wrote back, thanking him")."""
    verbs = [cue, cue.head] if cue.dep_ in ("advcl", "xcomp", "conj") else [cue]
    return any(
        c.dep_ == "advmod" and c.lower_ in _HEARSAY_ADVERBS for verb in verbs for c in verb.children
    )


def _paragraphs_back(context: _Context, offset: int, count: int) -> int:
    """The start of the paragraph ``count`` paragraphs before the one holding ``offset``."""
    index = max(bisect.bisect_right(context.paragraph_starts, offset) - 1, 0)
    return context.paragraphs[max(index - count, 0)][0] if context.paragraphs else 0


def _resolve_pronoun_speakers(
    context: _Context,
    drafts: Sequence[_Draft],
    sourcing: Mapping[int, _Sourcing],
    mentions: RangeIndex[Mention],
    entities: Mapping[str, Entity],
) -> None:
    """Give a pronoun speaker ("he said") the person it stands for, saying how sure that is.

    The entity layer's reading stands when it agrees with the pronoun (a "he" is a person not
    known to be a woman, "they" a group or an organisation). Otherwise the candidates are the
    entity layer's antecedent and alternatives that agree, and the speaker named last before
    the statement (within ``_SPEAKER_PARAGRAPHS`` paragraphs), the usual referent of a "he
    said" in news: that speaker when it is a candidate or there are none, else the first
    candidate. The other candidates are kept as alternatives, and the statement says in its
    ``doubt`` how the pronoun was read.
    """
    last: tuple[AttributionHop, int] | None = None
    recent: tuple[AttributionHop, int, Token] | None = None
    told: dict[int, tuple[_Draft, _Sourcing]] = {}  # the statements so far, by speaker token
    for index in sorted(sourcing, key=lambda i: drafts[i].start):
        draft, found = drafts[index], sourcing[index]
        hop = found.speaker_hop
        if hop is None or draft.speaker_token is None:
            continue
        told.setdefault(draft.speaker_token, (draft, found))
        token = context.doc[draft.speaker_token]
        if token.lower_ in _SPEAKER_PRONOUNS:
            entity = entities.get(hop.entity_id) if hop.entity_id else None
            quoted = _antecedent_quoted(token, mentions, drafts)
            if entity is None or not _agrees(token, entity) or quoted:
                _reread_pronoun(context, token, draft, found, last, mentions, entities, quoted)
            _prefer_role_speaker(context, token, draft, found, recent, mentions)
            _prefer_plural_speaker(context, token, draft, found, recent, mentions)
            _unnamed_source_as_they(context, token, draft, found, recent)
            _plural_subject_before(context, token, draft, found)
            _named_subject_before(context, token, draft, found, drafts, told, mentions, entities)
        elif token.lower_ == "it" and token.pos_ == "PRON":
            _prefer_unnamed_body(context, token, draft, found, recent, mentions)
            _issuer_of_the_document(context, token, draft, found, told, entities)
        else:
            nationality = hop.entity_id is not None and _typed(entities, hop.entity_id, "NORP")
            if (hop.entity_id is None or nationality) and last is not None and _epithet(token):
                _epithet_of_the_last_named(context, token, draft, found, last, entities)
            elif hop.entity_id is None:
                _say_shared_name(context, token, draft, found, mentions, entities)
            recent = (hop, draft.start, token)
        chosen = found.speaker_hop
        if chosen is not None and (chosen.entity_id is not None or token.pos_ == "PROPN"):
            last = (chosen, draft.start)


def _prefer_unnamed_body(
    context: _Context,
    pronoun: Token,
    draft: _Draft,
    found: _Sourcing,
    recent: tuple[AttributionHop, int, Token] | None,
    mentions: RangeIndex[Mention],
) -> None:
    """ "Malaysia's maritime agency said in a statement that ... It did not say whether ...": an
    "it" right after a speaker that is a body named by no name ("Malaysia's maritime agency",
    "the ministry"), in the same paragraph, stands for that body, not for an organisation named
    before it, which the entity layer, seeing only names, picks. Said as unsure. A document
    the pronoun was read as ("In the closing lines of the memo, it warned") stands."""
    chosen = found.speaker_hop
    if recent is None or chosen is None or chosen.role == "document":
        return
    hop, start, head = recent
    body = head.lemma_.lower() in context.lexicons.institution_nouns
    if hop.entity_id is not None or head.pos_ != "NOUN" or head.tag_ != "NN" or not body:
        return
    if start < context.paragraph_of(draft.start)[0] or head.i > pronoun.i:
        return
    if context.sentence_of(head).start == context.sentence_of(pronoun).start:
        return  # a body in the pronoun's own sentence is what the entity layer weighs best
    mention = mention_at(mentions, pronoun.idx, pronoun.idx + len(pronoun))
    antecedent = mention.resolution.antecedent if mention and mention.resolution else None
    if antecedent is not None and antecedent.start > head.idx and antecedent.text[:1].isupper():
        return  # a body named after it is the nearer (not an "it" in what it said)
    _read_as_speaker_before(pronoun, draft, found, hop, "the body that spoke last")


def _issuer_of_the_document(
    context: _Context,
    pronoun: Token,
    draft: _Draft,
    found: _Sourcing,
    told: Mapping[int, tuple[_Draft, _Sourcing]],
    entities: Mapping[str, Entity],
) -> None:
    """ "The military said in a statement that it had struck a command centre. It said it had
    taken steps to reduce harm": an "it" the entity layer reads as a document that the last
    mention of carried a saying before ("in a statement", "on its website") is
    whoever said it, the issuer, not the document. A document that is no saying's medium
    ("In the closing lines of the memo, it warned") stands."""
    hop = found.speaker_hop
    document = entities.get(hop.entity_id) if hop is not None and hop.entity_id else None
    if document is None or document.type != "DOCUMENT":
        return
    named = [m for m in document.mentions if m.kind != "pronoun" and m.span.end <= pronoun.idx]
    noun = context.token_at(named[-1].span.end - 1) if named else None
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "on", "through"):
        return
    subject = next((c for c in noun.head.head.children if c.dep_ == "nsubj"), None)
    issuer = told.get(subject.i) if subject is not None and subject.pos_ != "PRON" else None
    if issuer is None or issuer[1].speaker_hop is None or issuer[0].cue_token != noun.head.head.i:
        return
    _read_as(pronoun, draft, found, issuer[1].speaker_hop, f"who issued the {document.name}")


def _typed(entities: Mapping[str, Entity], entity_id: str, type_: str) -> bool:
    entity = entities.get(entity_id)
    return entity is not None and entity.type == type_


def _epithet(head: Token) -> bool:
    """Whether a speaker's phrase is an epithet for someone named before: "the 46-year-old",
    "the Spaniard", "the Frenchman" (an age or a nationality after "the", nothing else), as
    news writes a second reference to a person it has named."""
    determiners = [c for c in head.children if c.i < head.i and c.dep_ == "det"]
    if [d.lower_ for d in determiners] != ["the"] or head.left_edge.i != determiners[0].i:
        return False
    if head.lower_ == "old":
        return any(c.lower_ in ("year", "years") for c in head.children)
    if not head.text[:1].isupper() or head.tag_ != "NNP" or head.right_edge.i != head.i:
        return False
    if head.ent_type_ == "NORP":
        return True
    lower = head.lower_
    demonym = lower.endswith(("man", "woman")) and len(lower) > 6
    return demonym and lower not in entity_lexicon().role_nouns


def _epithet_of_the_last_named(
    context: _Context,
    head: Token,
    draft: _Draft,
    found: _Sourcing,
    last: tuple[AttributionHop, int],
    entities: Mapping[str, Entity],
) -> None:
    """ "Newcastle manager Eddie Howe admitted ... '...,' the 46-year-old told the BBC": an
    epithet speaker is the person who spoke last, named within the paragraph before (unsure,
    and said so)."""
    named, start = last
    entity = entities.get(named.entity_id) if named.entity_id else None
    if entity is None or entity.type != "PERSON":
        return
    if start < _paragraphs_back(context, draft.start, 1):
        return
    role = source_role(head, context.lexicons, entity)
    found.speaker_hop = AttributionHop(role, entity.name, found.speaker, entity.id)
    written = context.text[slice(*phrase_span(head))]
    found.doubt = f"'{written}' is read as {entity.name} (the speaker named last)"
    draft.confidence = round(draft.confidence * _PRONOUN_CONFIDENCE, 2)


def _not_the_story_itself(
    context: _Context,
    drafts: Sequence[_Draft],
    sourcing: Mapping[int, _Sourcing],
    base: Sequence[AttributionHop],
) -> None:
    """ "Reuters could not verify the reports. ... In its evening report, it said ...": a
    pronoun speaker read as the outlet or agency that wrote the story is a misreading (a story
    does not report its own agency by "it"); the pronoun is left unresolved and the doubt says
    why."""
    for index, found in sourcing.items():
        draft, hop = drafts[index], found.speaker_hop
        if hop is None or hop.entity_id is None or draft.speaker_token is None:
            continue
        token = context.doc[draft.speaker_token]
        if token.pos_ != "PRON" or not any(same_source(hop, first) for first in base):
            continue
        found.speaker_hop = AttributionHop(hop.role, token.text, found.speaker, None)
        found.alternatives = []
        found.doubt = f"'{token.text}' would be {hop.text}, who wrote the story: left unresolved"
        draft.confidence = round(draft.confidence * _PRONOUN_CONFIDENCE, 2)


def _reread_pronoun(
    context: _Context,
    token: Token,
    draft: _Draft,
    found: _Sourcing,
    last: tuple[AttributionHop, int] | None,
    mentions: RangeIndex[Mention],
    entities: Mapping[str, Entity],
    quoted: bool,
) -> None:
    candidates: list[Entity] = []
    mention = mention_at(mentions, token.idx, token.idx + len(token))
    resolution = mention.resolution if mention is not None else None
    if resolution is not None:
        ids = list(resolution.alternatives)
        if resolution.antecedent is not None and not quoted:
            antecedent = mention_at(
                mentions, resolution.antecedent.start, resolution.antecedent.end
            )
            if antecedent is not None and antecedent.entity_id:
                ids.insert(0, antecedent.entity_id)
        for entity_id in dict.fromkeys(ids):
            entity = entities.get(entity_id)
            if entity is not None and _agrees(token, entity):
                candidates.append(entity)
    previous: Entity | None = None
    if last is not None and last[0].entity_id:
        floor = _paragraphs_back(context, draft.start, _SPEAKER_PARAGRAPHS)
        entity = entities.get(last[0].entity_id)
        if entity is not None and last[1] >= floor and _agrees(token, entity):
            previous = entity
    near = (
        resolution is not None
        and resolution.antecedent is not None
        and (resolution.antecedent.start >= context.sentence_of(token).start_char)
    )
    if previous is not None and (quoted or not candidates or (previous in candidates and not near)):
        chosen = previous  # not over an antecedent in the pronoun's own sentence
    elif candidates:
        chosen = candidates[0]
    else:
        return
    span = found.speaker
    role = source_role(token, context.lexicons, chosen)
    found.speaker_hop = AttributionHop(role, chosen.name, span, chosen.id)
    others = [c for c in candidates if c.id != chosen.id]
    found.alternatives = [
        AttributionHop(source_role(token, context.lexicons, c), c.name, None, c.id) for c in others
    ]
    how = "the speaker named last" if chosen is previous else "its antecedent"
    found.doubt = f"'{token.text}' is read as {chosen.name} ({how})" + (
        f"; it could also be {', '.join(c.name for c in others)}" if others else ""
    )
    draft.confidence = round(draft.confidence * _PRONOUN_CONFIDENCE, 2)


def _prefer_role_speaker(
    context: _Context,
    pronoun: Token,
    draft: _Draft,
    found: _Sourcing,
    recent: tuple[AttributionHop, int, Token] | None,
    mentions: RangeIndex[Mention],
) -> None:
    """ "United's captain admitted the defending was poor. Asked about it, he said ...": a
    "he" or "she" after a speaker named only by a role someone holds ("United's captain",
    "the company's chief executive", which are no entities) stands for that speaker, not for
    a person named before it, whom the entity layer, seeing only named people, would pick.
    The person named before stays as the alternative, and the statement says so. ("The
    president said" is left alone: a definite role most often points back to someone named.)"""
    if recent is None or pronoun.lower_ not in ("he", "she", "him", "her"):
        return
    hop, start, head = recent
    # "United's captain", not "the president": a definite role points back to someone named
    owned = any(c.dep_ == "poss" and c.pos_ != "PRON" for c in head.children)
    role = owned and head.tag_ == "NN" and head.lemma_.lower() in entity_lexicon().role_nouns
    if hop.entity_id is not None or not role or start < _paragraphs_back(context, draft.start, 1):
        return
    chosen = found.speaker_hop
    if chosen is None or chosen.entity_id is None:
        return
    if _antecedent_after(pronoun, mentions, start):
        return  # the person named is the nearer
    _read_as_speaker_before(pronoun, draft, found, hop, "the speaker named last")


_PLURAL_QUANTIFIERS = frozenset({"both", "some", "many", "several", "all", "most", "few"})


def _plural_phrase(head: Token) -> bool:
    """Whether a speaker's phrase names several people or bodies: a plural noun ("Analysts at
    Bernstein"), a number above one or a quantifier ("two of the people", "some of them")."""
    if head.tag_ in ("NNS", "NNPS"):
        return True
    if head.tag_ == "CD":
        return head.lower_ not in ("one", "1")
    return head.lower_ in _PLURAL_QUANTIFIERS


def _prefer_plural_speaker(
    context: _Context,
    pronoun: Token,
    draft: _Draft,
    found: _Sourcing,
    recent: tuple[AttributionHop, int, Token] | None,
    mentions: RangeIndex[Mention],
) -> None:
    """ "Analysts at Bernstein wrote in a note that ... 'The unit has been a drag,' they
    wrote": a "they" after a speaker who is several people named by no name (which the entity
    layer, seeing only names, never offers) stands for them, not for an organisation or place
    named before them. One named after them, nearer the pronoun, stays its reading."""
    if recent is None or pronoun.lower_ != "they":
        return
    hop, start, head = recent
    if hop.entity_id is not None or not _plural_phrase(head):
        return
    if start < _paragraphs_back(context, draft.start, 1):
        return
    if _antecedent_after(pronoun, mentions, start):
        return  # a body named after them is the nearer
    _read_as_speaker_before(pronoun, draft, found, hop, "the speakers named last")


def _unnamed_source_as_they(
    context: _Context,
    pronoun: Token,
    draft: _Draft,
    found: _Sourcing,
    recent: tuple[AttributionHop, int, Token] | None,
) -> None:
    """ "The person said Kemp had not decided. They said the lawyers were reviewing the case":
    a "they" nothing else read, after a single source named by no name ("the person", "a
    senior official"), is that source, as wire style writes an unnamed source whose gender it
    does not give (unsure, and said so). Only within the paragraph after the source's."""
    hop = found.speaker_hop
    if pronoun.lower_ != "they" or recent is None or hop is None or hop.entity_id is not None:
        return
    if hop.text.lower() != "they":
        return  # read as a speaker before already
    source, start, head = recent
    if source.entity_id is not None or head.tag_ != "NN" or _plural_phrase(head):
        return
    if head.lemma_.lower() not in context.lexicons.anonymous_nouns:
        return
    if start < _paragraphs_back(context, draft.start, 1):
        return
    _read_as_speaker_before(pronoun, draft, found, source, "the unnamed source named last")


def _plural_subject_before(
    context: _Context, pronoun: Token, draft: _Draft, found: _Sourcing
) -> None:
    """ "Researchers at the University of Leeds analysed 300,000 records. They found that
    ...": a "they" that nothing else read (no entity, no speaker before) stands for several
    people named by no name who are the subject of the sentence before, in its paragraph
    (unsure, and said so). Things ("Prices rose. They ...") never speak."""
    hop = found.speaker_hop
    if pronoun.lower_ != "they" or hop is None or hop.entity_id is not None:
        return
    if hop.text.lower() != "they":
        return  # read as a speaker before already
    sentence = context.sentence_of(pronoun)
    if sentence.start == 0:
        return
    previous = context.sentence_of(context.doc[sentence.start - 1])
    if context.paragraph_of(previous.start_char) != context.paragraph_of(pronoun.idx):
        return
    subject = next((c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ == "PRP" or not _plural_phrase(subject):
        return
    if not speaks_or_records(subject, context.lexicons):
        return
    start, end = phrase_span(subject)
    role = source_role(subject, context.lexicons, None)
    named = AttributionHop(role, context.text[start:end], None, None)
    _read_as_speaker_before(pronoun, draft, found, named, "the people the sentence before names")


def _named_subject_before(
    context: _Context,
    pronoun: Token,
    draft: _Draft,
    found: _Sourcing,
    drafts: Sequence[_Draft],
    told: Mapping[int, tuple[_Draft, _Sourcing]],
    mentions: RangeIndex[Mention],
    entities: Mapping[str, Entity],
) -> None:
    """ "Nigel Farage has been speaking to reporters. He told them ...": a "he" or "she" that
    speaks right after a sentence whose subject is a person named by name stands for that
    person (a pronoun subject carries on the subject before it), not for a speaker named
    earlier, whom the entity layer and "the speaker named last" would pick when the person is
    no speaker or the parser took the name for a place ("Tonali himself appeared to play it
    down. ..., he said"). A name counts when it agrees: a person of that gender or not known to
    be another, or, typed otherwise, a first name, title or "himself"/"herself" that says so.
    The reading replaced stays as the alternative; unsure, and said so."""
    if pronoun.lower_ not in ("he", "she") or found.speaker_hop is None:
        return
    sentence = context.sentence_of(pronoun)
    if sentence.start == 0 or _antecedent_after(pronoun, mentions, sentence.start_char):
        return  # an antecedent in the pronoun's own sentence is the nearer
    reading = found.speaker_hop.entity_id
    if reading is not None and any(
        m.entity_id == reading and m.span.end <= pronoun.idx
        for m in mentions.overlapping(sentence.start_char, pronoun.idx)
    ):
        return  # "Ryan, who was reluctant, was more direct in what he called ...": nearer
    previous = context.sentence_of(context.doc[sentence.start - 1])
    subject = next((c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return
    if subject.lower_ == pronoun.lower_:
        _not_whom_the_pronoun_before_spoke_of(pronoun, draft, found, told.get(subject.i), mentions)
        return
    name = subject if subject.pos_ == "PROPN" else None
    if name is None and subject.pos_ == "NOUN":  # "Ellie's mother, Sarah Morgan, made a plea"
        name = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if name is None or any(
        d.kind in ("direct", "partial", "indirect") and any(s <= name.idx < e for s, e in d.content)
        for d in drafts
    ):
        return  # a name in someone's words is no subject of the narration
    mention = mention_at(mentions, name.idx, name.idx + len(name))
    entity = entities.get(mention.entity_id) if mention and mention.entity_id else None
    if entity is not None and entity.id == found.speaker_hop.entity_id:
        return
    current = entities.get(found.speaker_hop.entity_id or "")
    if current is not None and any(
        name.text in form.split() for form in (current.name, *(a.text for a in current.aliases))
    ):
        return  # "Tom Hale met Ana Ruiz. Hale said ...": the reading's own surname
    # a gender the name is known to have, not only one it does not contradict: places and
    # titles the parser takes for people ("Sandy Hook", "The Great Debate") say none
    person = entity is not None and entity.type == "PERSON" and name.ent_type_ in ("", "PERSON")
    known = _gender(entity) if entity is not None and person else None
    if (known or _name_gender(name)) != ("f" if pronoun.lower_ == "she" else "m"):
        return
    role = source_role(name, context.lexicons, entity)
    if entity is not None:
        hop = AttributionHop(role, entity.name, None, entity.id)
    else:
        first = min((t.idx for t in name.children if t.dep_ == "compound"), default=name.idx)
        hop = AttributionHop(role, context.text[first : name.idx + len(name)], None, None)
    _read_as(pronoun, draft, found, hop, "the subject of the sentence before")


def _not_whom_the_pronoun_before_spoke_of(
    pronoun: Token,
    draft: _Draft,
    found: _Sourcing,
    before: tuple[_Draft, _Sourcing] | None,
    mentions: RangeIndex[Mention],
) -> None:
    """ "Kemi Badenoch is replying now. She says Reeves promised not to raise taxes. She says
    the chancellor has no plan": a "she" that carries on the "she" of the sentence before, left
    unresolved there, is not the person that one spoke about, whom "the speaker named last"
    picks; it is left unresolved too, and the doubt says why."""
    if before is None or found.speaker_hop is None or found.speaker_hop.entity_id is None:
        return
    previous_draft, previous = before
    hop = previous.speaker_hop
    if hop is None or hop.entity_id is not None or hop.text.lower() != pronoun.lower_:
        return
    reading = found.speaker_hop
    if not any(
        m.entity_id == reading.entity_id and m.kind != "pronoun"
        for start, end in previous_draft.content
        for m in mentions.overlapping(start, end)
    ):
        return
    found.speaker_hop = AttributionHop(reading.role, pronoun.text, found.speaker, None)
    found.alternatives = [AttributionHop(reading.role, reading.text, None, reading.entity_id)]
    found.doubt = (
        f"'{pronoun.text}' carries on the '{hop.text}' before it, left unresolved; "
        f"not {reading.text}, whom that one spoke of"
    )
    draft.confidence = round(draft.confidence * _PRONOUN_CONFIDENCE, 2)


def _name_gender(name: Token) -> str | None:
    """ "f" or "m" as the words of a name say: a "himself"/"herself" set by it ("Tonali
    himself"), a title before it ("Mrs"), or the first name written before the same surname
    inside a person's name here or earlier in the article ("Arteta" after "Mikel Arteta", not
    "Sanders Debate"); None when they disagree or say nothing."""
    for child in name.children:
        if child.lower_ in ("himself", "herself"):
            return "m" if child.lower_ == "himself" else "f"
    if name.ent_type_ not in ("", "PERSON"):
        return None  # a place or a title ("The Great Debate Debate"): no one's name
    doc = name.doc
    titles = [t.text for t in name.children if t.dep_ == "compound" and t.i < name.i]
    first_words = [
        doc[t.i - 1].text
        for t in doc[: name.i + 1]
        if t.text == name.text and t.i > 0 and _first_name_before(doc[t.i - 1], t)
    ]
    found = gender_of(titles, []) or gender_of([], first_words)
    return None if found is None else found[0]


def _first_name_before(word: Token, surname: Token) -> bool:
    """Whether ``word`` may be the first name of ``surname`` right after it: both names the
    recogniser put in one person's name, or in none (the small model misses many: "Det Insp
    Karen Doyle"), never inside another kind of name ("Sanders Debate" in a title)."""
    if word.pos_ != "PROPN" or surname.ent_type_ not in ("", "PERSON"):
        return False
    same = word.ent_type_ == surname.ent_type_
    return same and (surname.ent_type_ == "" or surname.ent_iob_ == "I")


def _read_as(
    pronoun: Token, draft: _Draft, found: _Sourcing, hop: AttributionHop, how: str
) -> None:
    """Read a pronoun speaker as ``hop`` (an entity, or a phrase named by no entity), keeping
    the reading it had as the alternative; the doubt says both."""
    chosen = found.speaker_hop
    if chosen is not None and chosen.text == hop.text and chosen.entity_id == hop.entity_id:
        return
    found.speaker_hop = AttributionHop(hop.role, hop.text, found.speaker, hop.entity_id)
    others = [a for a in found.alternatives if a.entity_id != hop.entity_id]
    if chosen is not None and chosen.entity_id is not None and chosen.entity_id != hop.entity_id:
        others.insert(0, AttributionHop(chosen.role, chosen.text, None, chosen.entity_id))
    found.alternatives = others
    found.doubt = f"'{pronoun.text}' is read as {hop.text} ({how})" + (
        f"; it could also be {', '.join(a.text for a in others)}" if others else ""
    )
    draft.confidence = round(draft.confidence * _PRONOUN_CONFIDENCE, 2)


def _antecedent_after(pronoun: Token, mentions: RangeIndex[Mention], start: int) -> bool:
    """Whether the entity layer's antecedent of ``pronoun`` lies after ``start``."""
    mention = mention_at(mentions, pronoun.idx, pronoun.idx + len(pronoun))
    resolution = mention.resolution if mention is not None else None
    antecedent = resolution.antecedent if resolution is not None else None
    return antecedent is not None and antecedent.start > start


def _read_as_speaker_before(
    pronoun: Token, draft: _Draft, found: _Sourcing, hop: AttributionHop, how: str
) -> None:
    """Give a pronoun speaker to the unnamed speaker before it (``hop``), keeping the entity
    layer's reading, if it had one, as the alternative; the doubt says both."""
    chosen = found.speaker_hop
    found.speaker_hop = AttributionHop(hop.role, hop.text, found.speaker, None)
    found.doubt = f"'{pronoun.text}' is read as {hop.text} ({how})"
    if chosen is None or chosen.entity_id is None:
        found.alternatives = []
    else:
        found.alternatives = [
            AttributionHop(chosen.role, chosen.text, None, chosen.entity_id),
            *(a for a in found.alternatives if a.entity_id != chosen.entity_id),
        ]
        found.doubt += f"; it could also be {chosen.text}"
    draft.confidence = round(draft.confidence * _PRONOUN_CONFIDENCE, 2)


def _say_shared_name(
    context: _Context,
    token: Token,
    draft: _Draft,
    found: _Sourcing,
    mentions: RangeIndex[Mention],
    entities: Mapping[str, Entity],
) -> None:
    """A speaker named by a short form that several people of the article share ("Miller"
    after Robert and Daniel Miller), which the entity layer left unmerged: the statement
    names them as the alternatives and says so in its ``doubt``, never picking one."""
    mention = mention_at(mentions, token.idx, token.idx + len(token))
    resolution = mention.resolution if mention is not None else None
    if resolution is None or not resolution.ambiguous or mention is None:
        return
    candidates = [entities[i] for i in resolution.alternatives if i in entities]
    if len(candidates) < 2:
        return
    found.alternatives = [
        AttributionHop(source_role(token, context.lexicons, c), c.name, None, c.id)
        for c in candidates
    ]
    found.doubt = f"'{mention.span.text}' could be {' or '.join(c.name for c in candidates)}"
    draft.confidence = round(draft.confidence * _PRONOUN_CONFIDENCE, 2)


def _antecedent_quoted(
    pronoun: Token, mentions: RangeIndex[Mention], drafts: Sequence[_Draft]
) -> bool:
    """Whether the entity layer's antecedent for a pronoun speaker lies in someone's words: a
    "he said" stands for a person of the narration, not for one named inside a quote."""
    mention = mention_at(mentions, pronoun.idx, pronoun.idx + len(pronoun))
    antecedent = mention.resolution.antecedent if mention and mention.resolution else None
    if antecedent is None:
        return False
    return any(
        draft.kind != "own_voice" and any(s <= antecedent.start < e for s, e in draft.content)
        for draft in drafts
    )


def _told_to_the_teller(
    context: _Context,
    drafts: Sequence[_Draft],
    sourcing: Mapping[int, _Sourcing],
    entities: Mapping[str, Entity],
) -> None:
    """A saying told to "her" or "him" when that is the one who just spoke: "Sheppard told
    the jury Roof asked if she was shot. When she said no, Roof told her: '...'". The teller
    heard it and passed it on, so she is a hop before the speaker (marked unsure). Not a
    question ("The chair asked him why ..."): asked in the open, at a hearing or a briefing,
    and answered there, it reaches the page as the answer does."""
    ordered = sorted(sourcing, key=lambda i: drafts[i].start)
    for position, index in enumerate(ordered):
        draft, found = drafts[index], sourcing[index]
        if draft.addressee_token is None or found.speaker_hop is None or found.hops:
            continue
        if draft.cue_token is not None and context.doc[draft.cue_token].lemma_.lower() == "ask":
            continue
        pronoun = context.doc[draft.addressee_token]
        if pronoun.lower_ not in ("her", "him"):
            continue
        floor = _paragraphs_back(context, draft.start, 1)
        for earlier in reversed(ordered[:position]):
            hop = sourcing[earlier].speaker_hop
            if drafts[earlier].start < floor:
                break
            if hop is None or _same_source(hop, found.speaker_hop):
                continue
            entity = entities.get(hop.entity_id) if hop.entity_id else None
            named = entity is None and hop.role == "person" and hop.text[:1].isupper()
            if named or (entity is not None and _agrees(pronoun, entity)):
                found.hops.insert(0, hop)
                note = f"'{pronoun.text}' is read as {hop.text}, who spoke just before"
                found.doubt = f"{found.doubt}; {note}" if found.doubt else note
            break


def _same_source(first: AttributionHop, second: AttributionHop) -> bool:
    if first.entity_id is not None or second.entity_id is not None:
        return first.entity_id == second.entity_id
    return first.text.lower() == second.text.lower()


def _agrees(pronoun: Token, entity: Entity) -> bool:
    """Whether a pronoun can stand for an entity: number, person or thing, and gender where
    the article shows it (a title, "Ms", "Mr", or a first name)."""
    word = pronoun.lower_
    if word in ("they", "them"):
        return entity.type in ("ORG", "NORP", "GPE")
    if word in ("it", "its"):
        return entity.type not in ("PERSON", "NORP")
    if entity.type != "PERSON":
        return False
    gender = _gender(entity)
    return gender is None or gender == ("f" if word in ("she", "her") else "m")


def _gender(entity: Entity) -> str | None:
    """ "f" or "m" where the article shows it, by the entity layer's evidence (titles, then the
    first word of a name of two words or more: "Marsha Klein"), else None. (Pronouns the
    entity layer linked are no evidence: they are what is being checked.)"""
    first_words = [words[0] for a in entity.aliases if len(words := a.text.split()) >= 2]
    found = gender_of(entity.titles, first_words)
    return None if found is None else found[0]


_CLOSING_AFTER = re.compile(r"[,.;:!?]?[”\"]")
_OPENING_BEFORE = re.compile(r"[“\"]$")


def _quotes_closed(text: str, pieces: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``pieces`` with a quotation mark the content opens but leaves out (``that the US played
    a role in “designing and implementing`` before ``,”``) taken in, with the punctuation
    inside it, and likewise one it closes but does not open: a reader sees the quoted words
    whole, and the words are the same. Only inside a content that goes on past the quotation:
    one the marks would wrap whole is a quote, and its bounds are the quote finder's."""
    if not pieces:
        return []
    found = list(pieces)
    first, last = text[found[0][0]], text[found[-1][1] - 1]
    start, end = found[-1]
    words = text[start:end]
    unclosed = words.count("“") > words.count("”") or words.count('"') % 2
    if unclosed and first not in '“"':
        closing = _CLOSING_AFTER.match(text, end)
        if closing is not None:
            found[-1] = (start, closing.end())
    start, end = found[0]
    words = text[start:end]
    unopened = words.count("”") > words.count("“") or words.count('"') % 2
    if unopened and last not in '”"' and _OPENING_BEFORE.search(text, 0, start):
        found[0] = (start - 1, end)
    return found


def _finish(
    context: _Context,
    drafts: Sequence[_Draft],
    attributed: Sequence[_Draft],
    mentions: Sequence[Mention],
    entities: Mapping[str, Entity],
    source: tuple[str | None, str | None],
    id_prefix: str,
) -> tuple[Statement, ...]:
    text = context.text
    base = outlet_hops(*source)
    parents = _parents(context, drafts)
    indexed_mentions = RangeIndex(mentions, lambda m: (m.span.start, m.span.end))
    claimed = RangeIndex([piece for d in attributed for piece in d.content], lambda p: p)
    ids = [f"{id_prefix}{n + 1}" for n in range(len(drafts))]
    position = {id(d): i for i, d in enumerate(drafts)}
    sourcing = {
        i: _sourcing(context, d, indexed_mentions, entities, base)
        for i, d in enumerate(drafts)
        if d.kind != "own_voice"
    }
    _resolve_pronoun_speakers(context, drafts, sourcing, indexed_mentions, entities)
    _not_the_story_itself(context, drafts, sourcing, base)
    _told_to_the_teller(context, drafts, sourcing, entities)
    anchors = _document_anchors(context, drafts, sourcing, indexed_mentions, entities)
    writer = _writer_sentences(context, drafts)
    chains: dict[int, tuple[AttributionHop, ...]] = {}

    def chain_of(index: int, seen: frozenset[int]) -> tuple[AttributionHop, ...]:
        if index in chains:
            return chains[index]
        draft, found = drafts[index], sourcing[index]
        relay: int | list[AttributionHop] | None = parents.get(index)
        if relay is None and draft.inherit_from is not None:
            relay = position.get(id(draft.inherit_from))
        if relay is None:
            relay = _relay_of(context, index, drafts, sourcing, anchors, writer)
        before: Sequence[AttributionHop] = base
        # An attitude passes nothing on ("the results suggest voters back her vow that ..."):
        # the vow is hers, not the results' relay.
        relaying = isinstance(relay, int) and drafts[relay].kind not in ("own_voice", "attitude")
        if isinstance(relay, int) and relay not in seen and relaying:
            before = chain_of(relay, seen | {index})
        elif isinstance(relay, list):
            before = [*base, *relay]
        chains[index] = build_chain(before, carriers=found.hops, speaker=found.speaker_hop)
        document = _last_document(before) if found.relayed else None
        if document is not None:
            note = f"passed on by {document.text}? {found.relayed} it"
            found.doubt = f"{found.doubt}; {note}" if found.doubt else note
            draft.confidence = round(draft.confidence * _RELAY_CONFIDENCE, 2)
        return chains[index]

    statements: list[Statement] = []
    for index, draft in enumerate(drafts):
        content = tuple(Span.of(text, s, e) for s, e in _quotes_closed(text, draft.content))
        if draft.kind == "own_voice":
            statements.append(
                Statement(
                    id=ids[index],
                    kind="own_voice",
                    content=content,
                    extractor=EXTRACTOR,
                    stance=own_voice_stance(),
                    chain=tuple(base),
                    confidence=draft.confidence,
                )
            )
            continue
        found = sourcing[index]
        parent_index = parents.get(index)
        stance = stance_of(
            text,
            frame=draft.frame,
            cue=draft.cue,
            following=_following_sentence(context, draft, claimed),
            lexicons=context.lexicons,
        )
        statements.append(
            Statement(
                id=ids[index],
                kind=draft.kind,
                content=content,
                extractor=EXTRACTOR,
                stance=stance,
                cue=Span.of(text, *draft.cue) if draft.cue else None,
                speaker=found.speaker,
                speaker_entity=found.speaker_hop.entity_id if found.speaker_hop else None,
                addressee=found.addressee,
                addressee_entity=found.addressee_entity,
                chain=chain_of(index, frozenset()),
                parent=ids[parent_index] if parent_index is not None else None,
                confidence=draft.confidence,
                alternatives=tuple(found.alternatives),
                doubt=found.doubt,
            )
        )
    return tuple(statements)
