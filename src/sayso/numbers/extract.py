"""Quantities in a parsed article: value, unit, what is counted, how the text qualifies it,
and where, of what whole and as of when it holds.

Handled forms: digits with thousands separators and decimals (``90,000``, ``2.5``), number words
(``seventy``, ``three hundred``), scale words (``2.5 million``), vague plurals (``thousands``,
``tens of thousands`` → value 10000, upper 90000), percentages (``30%``, ``30 percent``),
currency symbols and words (``$5 billion``), and qualifiers before the number (``more than``,
``about``, ``at least``...). Dates, times, durations and ordinals (spaCy's DATE, TIME and
ORDINAL entities, and bare years) are the time layer's, not quantities.

Scope, read off the parse along the quantity's own clause (the number, the noun it counts, up to
its verb): ``place``, a place named by a preposition of place there or one phrase below it
(``killed in floods in Pakistan``); ``group``, the whole it is a part of (``30 percent of
voters``, ``150 of the 200 dead``, a preposed ``Of the 200 dead, 150 were children``) or the
population it is counted among (``among the young``); ``as_of``, the time the clause states
(:func:`sayso.events.timing.stated_time`).
"""

from __future__ import annotations

import bisect
import calendar
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from sayso.events.timing import stated_time, timex_roots
from sayso.nlp.doctext import doc_text
from sayso.records.model import EventTime, Quantity, Span, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

EXTRACTOR = "sayso.numbers/rules-1"

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "dozen": 12, "m": 1_000_000, "bn": 1_000_000_000,
}  # fmt: skip
_VAGUE = {
    "tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
    "billions": 1_000_000_000,
}  # fmt: skip
"""Vague plurals: value is the unit, upper nine units (``thousands`` → 1000 to 9000), the same
convention as ``tens of thousands`` → 10000 to 90000."""
_VAGUE_FACTOR = 9
_QUALIFIERS = {
    ("more", "than"): "more than", ("over",): "more than", ("at", "least"): "at least",
    ("about",): "about", ("around",): "about", ("roughly",): "about",
    ("approximately",): "about", ("some",): "about", ("nearly",): "nearly",
    ("almost",): "nearly", ("close", "to"): "nearly", ("up", "to"): "up to",
    ("as", "many", "as"): "up to", ("fewer", "than"): "less than", ("less", "than"): "less than",
    ("under",): "less than", ("an", "estimated"): "about", ("estimated",): "about",
}  # fmt: skip
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "rial": "IRR", "ruble": "RUB",
    "rouble": "RUB", "yuan": "CNY", "rupee": "INR", "dinar": "dinar", "lira": "TRY",
}  # fmt: skip
_PERCENT_WORDS = frozenset({"%", "percent", "per", "pc"})
_MEASURE_UNITS = frozenset(
    {"km", "kilometre", "kilometer", "mile", "metre", "meter", "ton", "tonne", "kg",
     "kilogram", "acre", "hectare", "barrel", "litre", "liter", "gallon", "foot", "feet", "inch",
     "mph", "square"}
)  # fmt: skip
_SKIP_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})
_YEAR_RANGE = range(1000, 2101)
_MONTH_NAMES = frozenset(calendar.month_name[1:]) | frozenset(calendar.month_abbr[1:])


def _word_value(word: str) -> float | None:
    """Value of one number token: digits (``90,000``, ``2.5``), or a number word."""
    cleaned = word.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        pass
    if word in _ONES:
        return float(_ONES[word])
    if word in _TENS:
        return float(_TENS[word])
    if "-" in word:
        tens, _, ones = word.partition("-")
        if tens in _TENS and ones in _ONES:
            return float(_TENS[tens] + _ONES[ones])
    return None


def _number_words(doc: Doc, start: int) -> tuple[float, int] | None:
    """Parse the number phrase starting at token ``start``: (value, end token index)."""
    total = 0.0
    current = 0.0
    end = start
    seen = False
    i = start
    while i < len(doc):
        word = doc[i].lower_
        value = _word_value(word)
        if value is not None and (not seen or word not in _SCALES):
            previous = doc[i - 1].lower_ if i > start else ""
            joined = previous in _SCALES or previous in ("and", "-")
            if seen and not joined and not (previous in _TENS and value < 10):
                break
            current += value
            seen = True
            end = i + 1
        elif seen and word in _SCALES:
            scale = _SCALES[word]
            if scale >= 1_000:
                total += (current or 1) * scale
                current = 0.0
            else:
                current = (current or 1) * scale
            end = i + 1
        elif (
            seen
            and word == "-"
            and doc[i - 1].lower_ in _TENS
            and i + 1 < len(doc)
            and doc[i + 1].lower_ in _ONES
        ):
            end = i
        elif (
            seen and word == "and" and i + 1 < len(doc) and doc[i + 1].lower_ in {**_ONES, **_TENS}
        ):
            if doc[i - 1].lower_ not in _SCALES:
                break
        else:
            break
        i += 1
    if not seen:
        return None
    return total + current, end


def _qualifier(doc: Doc, start: int) -> tuple[str, int] | None:
    """(qualifier, first token index) for a qualifier ending right before token ``start``."""
    for words, label in _QUALIFIERS.items():
        first = start - len(words)
        if first < 0:
            continue
        if tuple(doc[j].lower_ for j in range(first, start)) == words:
            return label, first
    return None


def _counted_noun(last: Token) -> Token | None:
    """The noun the number counts: its head when it is a numeric modifier, or an ``of`` object."""
    head = last.head
    if last.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN"):
        return head
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.lower_ == "of":
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return obj
    if nxt is not None and nxt.pos_ == "NOUN":
        return nxt
    return None


def _is_day_of_month(doc: Doc, start: int, end: int) -> bool:
    """``June 29`` or ``29 June``: a day number next to a month name."""
    before = doc[start - 1].text if start > 0 else ""
    after = doc[end].text if end < len(doc) else ""
    return end - start == 1 and (before in _MONTH_NAMES or after in _MONTH_NAMES)


def _is_year(doc: Doc, start: int, end: int, value: float) -> bool:
    if end - start != 1 or "," in doc[start].text or not doc[start].text.isdigit():
        return False
    if int(value) not in _YEAR_RANGE:
        return False
    head = doc[start].head
    return not (doc[start].dep_ == "nummod" and head.tag_ == "NNS")


def _unit_after(doc: Doc, end: int) -> tuple[str | None, int]:
    """Unit named right after the number, and the index after it."""
    if end >= len(doc):
        return None, end
    token = doc[end]
    word, lemma = token.lower_, token.lemma_.lower()
    if word in _PERCENT_WORDS:
        if word == "per" and end + 1 < len(doc) and doc[end + 1].lower_ == "cent":
            return "percent", end + 2
        if word != "per":
            return "percent", end + 1
    if lemma in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[lemma], end + 1
    if lemma in _MEASURE_UNITS:
        return lemma, end + 1
    return None, end


def _vague(doc: Doc, i: int) -> tuple[float, float, int] | None:
    """``thousands``, ``tens of thousands``: (value, upper, end index)."""
    word = doc[i].lower_
    if word not in _VAGUE:
        return None
    unit = float(_VAGUE[word])
    if i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in _VAGUE:
        value = unit * _VAGUE[doc[i + 2].lower_]
        return value, value * _VAGUE_FACTOR, i + 3
    if word == "tens":
        return None
    if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        return unit, unit * _VAGUE_FACTOR, i + 1
    return None


def _counted_after_of(doc: Doc, end: int) -> Token | None:
    if end < len(doc) and doc[end].lower_ == "of":
        obj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return obj
    return None


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPS = frozenset(
    {"in", "across", "at", "throughout", "inside", "near", "around", "outside", "from"}
)
_CLAUSE_CLIMB = 4
"""Heads climbed from the number to its clause's verb (number → noun → preposition → verb)."""
_PARTITIVE_DETERMINERS = frozenset({"the", "these", "those", "its", "their", "all"})


def _clause_chain(token: Token) -> list[Token]:
    """The number's token, then its heads up to and including the first verb."""
    chain = [token]
    current = token
    for _ in range(_CLAUSE_CLIMB):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            break
        current = current.head
        chain.append(current)
    return chain


def _entity_span(token: Token) -> Span | None:
    """The named place ``token`` belongs to, whole (``New York City``)."""
    if token.ent_type_ not in _PLACE_LABELS:
        return None
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    span = doc[start:end]
    return Span.of(doc_text(doc), span.start_char, span.end_char)


def _place_objects(head: Token) -> Iterator[Token]:
    """Objects of ``head``'s prepositions of place, then of theirs (``in floods in Pakistan``)."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                yield obj
                yield from (o for inner in obj.children if inner.dep_ == "prep"
                            and inner.lower_ in _PLACE_PREPS
                            for o in inner.children if o.dep_ == "pobj")  # fmt: skip


def _place_of(chain: Sequence[Token]) -> Span | None:
    places = (_entity_span(obj) for head in chain for obj in _place_objects(head))
    return next((place for place in places if place is not None), None)


def _phrase(token: Token) -> Span:
    """The noun phrase ``token`` heads, without a trailing comma or full stop."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    while right > left and doc[right].is_punct:
        right -= 1
    return Span.of(doc_text(doc), doc[left].idx, doc[right].idx + len(doc[right].text))


def _is_partitive(obj: Token) -> bool:
    """``the 200 dead``, ``those arrested``: a definite or counted whole, not ``of voters``."""
    words = list(obj.subtree)
    return any(w.lower_ in _PARTITIVE_DETERMINERS or w.like_num for w in words if w.i < obj.i)


def _group_of(
    doc: Doc, start: int, end: int, unit: str | None, chain: Sequence[Token]
) -> Span | None:
    after = doc[end] if end < len(doc) else None
    if after is not None and after.lower_ == "of":
        obj = next((c for c in after.children if c.dep_ == "pobj"), None)
        if obj is not None and (unit == "percent" or _is_partitive(obj)):
            return _phrase(obj)
    inside = range(start, end)
    shared = [h.head for h in chain if h.dep_ == "conj"]  # ``..., and another 30,000 were``
    measured = [  # ``Unemployment among young men reached 15 percent``
        c for h in chain if h.pos_ in ("VERB", "AUX") for c in h.children if c.dep_ == "nsubj"
    ]
    for head in (*chain, *shared, *measured):
        for prep in head.children:
            if prep.dep_ != "prep":
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            itself = any(t.i in inside for t in obj.subtree)  # the whole, not a part of it
            if prep.lower_ == "among" and unit == "percent" and not itself:
                return _phrase(obj)  # the population a share is of
            preposed = prep.i < start and prep.lower_ == "of"  # ``Of the 200 dead, 150 ...``
            if preposed and not itself and _is_partitive(obj):
                return _phrase(obj)
            relative = obj.lower_ in ("whom", "which") and head.dep_ == "relcl"
            if preposed and relative:  # ``90,000 soldiers, of whom 90,000 were army``
                noun = head.head
                return Span.of(doc_text(doc), noun.left_edge.idx, noun.idx + len(noun.text))
    return None


def _scope(
    doc: Doc, start: int, end: int, unit: str | None, counted: Token | None,
    roots: dict[int, Timex],
) -> tuple[Span | None, Span | None, EventTime | None]:  # fmt: skip
    """Place, group and time of the quantity in tokens ``[start, end)`` (a qualifier or a
    currency sign first, a unit last: ``about $5 million``, ``30 percent``)."""
    digits = [t for t in doc[start:end] if t.like_num or t.lower_ in _VAGUE]
    number = (digits[-1] if unit is None else digits[0]) if digits else doc[end - 1]
    chain = _clause_chain(counted if counted is not None else number)
    if counted is not None and number not in chain:
        chain.insert(0, number)
    stated = stated_time(chain, roots)
    return (
        _place_of(chain),
        _group_of(doc, start, end, unit, chain),
        stated[0] if stated is not None else None,
    )


def extract_quantities(
    doc: Doc, *, timexes: Sequence[Timex] = (), id_prefix: str = "q"
) -> tuple[Quantity, ...]:
    """Every counted or measured number in ``doc`` (dates, times and ordinals excluded), with
    its scope; ``timexes`` (the article's, from the time layer) give the ``as_of`` times."""
    text = doc_text(doc)
    roots = timex_roots(doc, timexes)
    found: list[Quantity] = []
    starts = _possible_starts(doc)
    i = 0
    while True:
        # the words between possible starts would each be passed over: jump to the next one
        at = bisect.bisect_left(starts, i)
        if at == len(starts):
            break
        i = starts[at]
        token = doc[i]
        if token.ent_type_ in _SKIP_ENTS:
            i += 1
            continue
        start = i
        vague = _vague(doc, i)
        upper: float | None = None
        approx: str | None = None
        unit: str | None = None
        counted: Token | None = None
        if vague is not None:
            value, upper, end = vague
            approx = doc[start:end].text.lower()
            counted = _counted_after_of(doc, end)
        else:
            parsed = _number_words(doc, i) if (token.like_num or token.lower_ in _ONES) else None
            if parsed is None:
                i += 1
                continue
            value, end = parsed
            if (
                _is_year(doc, start, end, value)
                or _is_day_of_month(doc, start, end)
                or (end - start == 1 and token.lower_ in ("one", "a"))
            ):
                i = end
                continue
            if start > 0 and doc[start - 1].text in _CURRENCY_SYMBOLS:
                unit = _CURRENCY_SYMBOLS[doc[start - 1].text]
                start -= 1
            after_unit, end = _unit_after(doc, end)
            unit = unit or after_unit
            counted = _counted_noun(doc[end - 1]) if unit is None else None
            if counted is not None and counted.i < end:
                counted = None
        qualifier = _qualifier(doc, start)
        if qualifier is not None:
            approx = qualifier[0] if approx is None else approx
            start = qualifier[1]
        span_start = doc[start].idx
        span_end = doc[end - 1].idx + len(doc[end - 1].text)
        place, group, as_of = _scope(doc, start, end, unit, counted, roots)
        found.append(
            Quantity(
                id=f"{id_prefix}{len(found) + 1}",
                span=Span.of(text, span_start, span_end),
                value=value,
                extractor=EXTRACTOR,
                unit=unit,
                counted=counted.text if counted is not None else None,
                approx=approx,
                upper=upper,
                place=place,
                group=group,
                as_of=as_of,
            )
        )
        i = end
    return tuple(found)


def _possible_starts(doc: Doc) -> list[int]:
    """The indices of the words :func:`extract_quantities` does more than pass over: outside
    a date, time or ordinal entity, a number (``like_num``), a number word or a word such as
    ``thousands``. Read from the attribute arrays, not by building a Token per word."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    skipped = {strings[label] for label in _SKIP_ENTS}
    words = {strings[word] for word in (*_ONES, *_VAGUE)}
    return [
        i
        for i, (entity, number, lower) in enumerate(
            zip(
                doc.to_array("ENT_TYPE").tolist(),
                doc.to_array("LIKE_NUM").tolist(),
                doc.to_array("LOWER").tolist(),
                strict=True,
            )
        )
        if entity not in skipped and (number or lower in words)
    ]


def counted_key(quantity: Quantity) -> str | None:
    """A comparable key for what a quantity counts: lower-cased, plural ``s`` dropped."""
    if quantity.counted is None:
        return None
    word = quantity.counted.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
