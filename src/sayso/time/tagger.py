"""Finding temporal expressions: compiled regular expressions over the raw text.

Each rule is one compiled pattern with named groups; :func:`find_candidates` runs them all,
keeps the longest non-overlapping matches, then widens each over a modifier just before it
(``about``, ``more than``, ``early``, ``the end of``), joins a clock time to the date right
after it (``5 p.m. EST, Nov. 6``), takes ``the week of`` into a date after it and makes the
bare second day of ``April 24 and 25`` a date of its own. Spans follow TimeBank's
conventions, read off its training part: determiners and modifiers belong to the expression
(``the past two months``, ``nearly two years``, ``the early 1980s``); prepositions and signals
(``by``, ``in``, ``on``) do not. Deciding what a match means is :mod:`sayso.time.normalize`'s
job.

Patterns are compiled once per process (:func:`rules`), never per call.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sayso.time.lexicon import Lexicon, load_lexicon
from sayso.time.required import (
    Occurrences,
    digit_runs,
    folded,
    matches_near,
    matches_near_words,
    needs_a_digit,
    required_words,
)

DATE_LIKE = frozenset(
    {
        "date_mdy", "date_dmy", "month_year", "month_rel_year", "month", "year", "decade",
        "century", "quarter", "quarter_ref", "relative", "deictic", "weekday", "season",
        "holiday", "time", "period_of", "year_end",
    }
)  # fmt: skip
"""Rules whose expressions can take a position modifier (``early``, ``the end of``)."""

QUANTITY_LIKE = frozenset({"duration", "ago", "later", "plural_units"})
"""Rules whose expressions can take a quantity modifier (``more than``, ``at least``)."""

_POSITION_MODS = frozenset({"START", "MID", "END"})
_HOLIDAY_THINGS = (
    r"(?:trees?|cards?|lights|carols?|decorations?|gifts?|presents?|music|songs?|movies?"
    r"|films?|specials?|markets?|spirit|stockings?|sweaters?|turkeys?|eggs?|costumes?)\b"
)
"""Nouns a holiday's name only describes (``Christmas trees``, ``Halloween costumes``): no date."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One match: where it is, which rule found it, and the rule's named groups."""

    start: int
    end: int
    rule: str
    groups: Mapping[str, str | None] = field(default_factory=dict)
    prefix: str | None = None
    """A modifier word taken in from just before the match (``nearly``, ``the end of``)."""
    outside: str | None = None
    """A modifier just before the match that stays outside the span (``within``)."""
    time_of: Candidate | None = None
    """For a clock time joined to a date after it: the time's own candidate."""


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that the longest one wins."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _number_pattern(lex: Lexicon) -> str:
    units = "one|two|three|four|five|six|seven|eight|nine"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    words = _alternation([*lex.numbers, *lex.vague_numbers])
    return rf"(?:\d{{1,3}}(?:\.\d+)?|(?:{tens})(?:[\s-](?:{units}))?|{words})"


@dataclass(frozen=True, slots=True)
class Rules:
    """The compiled patterns, in priority order (earlier wins a tie on length)."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    prefix: re.Pattern[str]
    time_date_glue: re.Pattern[str]
    required: tuple[frozenset[str] | None, ...] = ()
    """Per pattern, the words it cannot match without (:mod:`sayso.time.required`)."""
    digit: tuple[bool, ...] = ()
    """Per pattern, whether it cannot match without a digit (read where it needs no word)."""


@functools.cache
def rules() -> Rules:
    """Every pattern the tagger uses, compiled once."""
    lex = load_lexicon()
    month_full = _alternation(lex.months)
    month_abbr = _alternation(lex.month_abbreviations)
    month = rf"(?-i:{month_full}|(?:{month_abbr})\.)"
    month_before_day = rf"(?-i:{month_full}|(?:{month_abbr})\.?)"
    weekday = rf"(?-i:{_alternation(lex.weekdays)})"
    pod = _alternation(lex.parts_of_day)
    season = _alternation(lex.seasons)
    num = _number_pattern(lex)
    unit = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))"  # noqa: E501
    year = r"(?<![\d$£€.,/])(?<!\d-)(?P<year>1[0-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-\d|s\b|'s\b|\w)"
    day = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
    year_opt = (
        r"(?:,?\s+(?P<year>1[0-9]\d\d|20\d\d)(?![\d%]|\w)"
        r"|\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year(?![\w'’-]))?"
    )  # ``June 16, 2015``, ``June 16th of last year``
    ordinal = r"first|second|third|fourth|1st|2nd|3rd|4th"
    holidays = _alternation([*lex.holidays, *lex.movable_holidays, *lex.easter_feasts])
    rel = r"last|past|previous|next|coming|following|this\s+past|this\s+coming|this|that|same|current|prior"  # noqa: E501
    mods = _alternation(lex.mods)
    # spoken-style years of broadcast transcripts: "nineteen ninety-six", "two thousand and one"
    teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    decade_words = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    digit_words = "one|two|three|four|five|six|seven|eight|nine"
    year_words = (
        rf"(?:nineteen[\s-](?:(?:{decade_words})(?:[\s-](?:{digit_words}))?|{teens}|oh[\s-](?:{digit_words}))"
        rf"|two\s+thousand(?:\s+and)?(?:[\s-](?:{teens}|{digit_words}))?)(?![\w-])"
    )
    b = r"(?<![\w'])"  # a word starts here (``mid-November`` may follow a hyphen)
    e = r"(?![\w-])"  # a word ends here

    table: list[tuple[str, str]] = [
        ("date_iso", r"(?<![\d-])(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d])"),  # noqa: E501
        ("date_slash", r"(?<![\d/])(?P<month>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/(?P<year>\d{4}|\d{2})(?![\d/])"),  # noqa: E501
        ("nine_eleven", r"(?<![\w/.])9/11(?![\w/]|\.\d)"),  # the 2001 attacks, as news names them
        # day first where the first number cannot be a month (``19/03/2013``, British usage)
        ("date_slash", r"(?<![\d/])(?P<day>1[3-9]|2\d|3[01])/(?P<month>0?[1-9]|1[0-2])/(?P<year>\d{4})(?![\d/])"),  # noqa: E501
        ("date_mdy", rf"{b}(?:(?P<weekday>{weekday}),?\s+)?(?P<month>{month_before_day})\s+{day}{year_opt}"),  # noqa: E501
        ("date_dmy", rf"{b}(?:(?P<weekday>{weekday}),?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?(?P<month>{month}|(?-i:{month_full})){year_opt}{e}"),  # noqa: E501
        ("month_year", rf"{b}(?P<month>{month}|(?-i:{month_full}))(?:\s+of)?,?\s+(?P<year>1[0-9]\d\d|20\d\d)(?![\d%]|\w)"),  # noqa: E501
        ("month_year", rf"{b}(?P<month>(?-i:{month_full}))(?:\s+of)?,?\s+(?P<yearw>{year_words})"),
        ("year", rf"{b}(?:the\s+year\s+(?P<yearw>{year_words})|(?P<yearw2>nineteen[\s-](?:{decade_words})(?:[\s-](?:{digit_words}))?(?![\w-])))"),  # noqa: E501
        ("year_ref", rf"{b}the\s+(?:(?P<qual>full|fiscal|current(?:\s+fiscal)?|latest(?:\s+fiscal)?)\s+)?year(?![\w-]|\s+(?:earlier|ago|\d)|\s+two\s+thousand|['’]s)"),  # noqa: E501
        ("month_rel_year", rf"{b}(?P<month>{month}|(?-i:{month_full}))\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year{e}"),  # noqa: E501
        ("month", rf"{b}(?:(?P<rel>last|next|this\s+past|this|that)\s+)?(?P<month>{month}|(?-i:{month_full})){e}(?!\s+{day})"),  # noqa: E501
        ("holiday", rf"{b}(?:(?P<rel>last|next|this\s+past|this\s+coming|this)\s+)?(?P<holiday>(?-i:{holidays})){year_opt}(?:\s+(?P<week>week))?{e}(?!\s+{_HOLIDAY_THINGS})"),  # noqa: E501
        ("quarter", rf"{b}(?:the\s+)?(?:(?P<qual>(?:year-earlier|year-ago|fiscal|latest|current|same|comparable|last\s+year's|this\s+year's|next\s+year's|(?P<qyear>1[0-9]\d\d|20\d\d))\s+)*)(?P<ord>{ordinal})[\s-](?:fiscal[\s-])?(?P<kind>quarter|half){e}(?:\s+of\s+(?:fiscal\s+)?(?P<year>1[0-9]\d\d|20\d\d)|,?\s+(?P<year2>1[0-9]\d\d|20\d\d)|\s+of\s+(?P<yrel>the|this|last|next)\s+year(?!['’]))?(?![\d\w])"),  # noqa: E501
        ("quarter", rf"{b}(?:the\s+)?(?P<ord>last)\s+(?P<kind>quarter|half)\s+of\s+(?:fiscal\s+)?(?P<year>1[0-9]\d\d|20\d\d)(?![\d\w])"),  # noqa: E501
        ("quarter", rf"{b}(?:the\s+)?(?P<ord>first|last)\s+two\s+(?P<kind>quarters)\s+of\s+(?:fiscal\s+)?(?P<year>1[0-9]\d\d|20\d\d)(?![\d\w])"),  # noqa: E501
        ("quarter", rf"{b}(?:the\s+)?(?P<qyear>1[0-9]\d\d|20\d\d)\s+(?:fiscal\s+)?(?P<kind>quarter|period){e}"),  # noqa: E501
        ("quarter_ref", rf"{b}(?:(?:the\s+)(?P<qual>latest|current|previous|past|last|same|year-earlier|year-ago|comparable|recent|fiscal|most\s+recent|next|coming)\s+|(?P<bare>the)\s+|(?P<qual2>last|this|next)\s+)quarter{e}"),  # noqa: E501
        ("quarter_ref", rf"{b}the\s+(?P<qual>latest)\s+period{e}"),
        ("year_earlier", rf"{b}(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?year[\s-](?:earlier|ago){e}(?:\s+(?P<what>quarter|period|nine\s+months|half|month))?{e}"),  # noqa: E501
        ("year_earlier", rf"{b}(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<what>quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year){e}(?!['’]s)"),  # noqa: E501
        ("year_earlier", rf"{b}last\s+year['’]s\s+(?P<what>quarter|period){e}"),
        ("period_of", rf"{b}(?P<pos>the\s+(?:beginning|start|middle|end|close)\s+of|earlier\s+in|later\s+in)\s+(?P<the>the|this)\s+(?P<unit>year|month|week|quarter|decade|day|century){e}"),  # noqa: E501
        ("year_end", rf"{b}(?:the\s+)?year(?:'s\s+|[\s-])end{e}"),
        ("decade", rf"{b}(?:(?P<the>the)\s+)?(?:(?P<pos>early|mid|late)[\s-]?)?(?:(?P<dec>1\d\d|20\d)0s|['’](?P<short>\d)0s)(?![\w-])|{b}(?P<the2>the)\s+(?:(?P<pos2>early|mid|late)[\s-]?)?(?:(?P<dec2>1\d\d|20\d)0|['’]?(?P<short2>[1-9])0)['’]s{e}"),  # noqa: E501
        ("decade", rf"{b}(?P<the>the)\s+(?:(?P<pos>early|mid|late)[\s-]?)?(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties){e}"),  # noqa: E501
        ("century", rf"{b}(?:the\s+)?(?P<ord>\d{{1,2}})(?:st|nd|rd|th)\s+century{e}"),
        ("year", rf"{b}(?:(?P<qual>fiscal|calendar|the\s+year)\s+)?{year}"),
        ("relative", rf"{b}(?:(?P<the>the)\s+)?(?P<rel>{rel})\s+(?P<what>week|fortnight|month|year|quarter|weekend|decade|century|{season}|{weekday}){e}"),  # noqa: E501
        ("deictic", rf"{b}(?P<word>today|yesterday|tomorrow|tonight|overnight|this\s+(?:morning|afternoon|evening)|last\s+night){e}(?:\s+(?P<pod>{pod}){e})?"),  # noqa: E501
        ("deictic", rf"{b}(?:(?:early|mid|late)[\s-]?)?(?P<pod>morning|afternoon|evening|night)\s+(?P<word>yesterday|today|tomorrow){e}"),  # noqa: E501
        ("weekday", rf"{b}(?:(?P<the>the)\s+)?(?P<weekday>{weekday})(?P<plural>s)?{e}(?:\s+(?P<pod>{pod}){e})?"),  # noqa: E501
        ("weekend", rf"{b}the\s+weekend{e}"),
        # ``by late afternoon``, ``mid-afternoon``: a part of the day the narrative is at
        ("part_of_day", rf"{b}(?P<pos>early|mid|late)[\s-]?(?P<pod>morning|afternoon|evening){e}"),
        ("anaphoric_day", rf"{b}(?:(?:earlier|later)\s+)?(?:the\s+(?P<rel>next|following|previous|prior|same)|that(?:\s+same)?)\s+(?P<what>day|morning|afternoon|evening|night){e}"),  # noqa: E501
        ("time", rf"(?<![\w.:])(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m{e}|o'clock)(?:\s+(?P<tz>(?-i:[ECMP][SD]?T|GMT|UTC|BST)){e})?"),  # noqa: E501
        ("time", rf"{b}(?P<word>noon|midnight|midday){e}"),
        # 24-hour clock times, as British and wire copy write them: ``02:30 GMT``, ``1400 GMT``
        # (a zone after it is what makes four bare digits a time), ``at 14:30``. One in brackets
        # restates the time just before it in another zone (``10:35 a.m. (0735 GMT)``): no
        # second time, as AQUAINT's annotators read it.
        ("time", rf"(?<![\w.:$(])(?P<hour>[01]\d|2[0-3])[:.]?(?P<minute>[0-5]\d)\s*(?P<tz>(?-i:GMT|UTC|BST|CES?T|[ECMP][SD]T)){e}"),  # noqa: E501
        ("time", rf"(?<![\w.:$])(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?=\s+(?:local\s+time|hours|hrs){e})"),  # noqa: E501
        ("time", r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bfrom\s)|(?<=\baround\s)|(?<=\babout\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bsince\s))(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])(?!\s*[ap]\.?m\b)"),  # noqa: E501
        ("time", rf"(?<![\w.:$])(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?(?:\s+o'clock)?\s+in\s+the\s+(?P<day_part>morning|afternoon|evening|night){e}"),  # noqa: E501
        ("ago", rf"{b}(?P<num>{num})(?:\s*(?:-|–|to|or)\s*(?P<num2>{num}))?[\s-]+(?:more\s+|full\s+)?(?P<unit>{unit})s?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from\s+now|hence){e}"),  # noqa: E501
        # ``three days later``: the stretch is the expression and ``later`` its signal, as
        # TimeBank and AQUAINT mark it (``Three days``, ``A few days``, ``over an hour``); the
        # date it reaches is kept beside the duration for the timeline
        ("later", rf"{b}(?P<num>{num})(?:\s*(?:-|–|to|or)\s*(?P<num2>{num}))?[\s-]+(?:more\s+|full\s+)?(?P<unit>{unit})s?(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?(?P<signal>\s+later){e}"),  # noqa: E501
        ("duration", rf"{b}(?:(?P<the>the)\s+)?(?:(?P<dmod>past|last|next|coming|first|previous|final|remaining|following|latest|initial|entire|full|whole|better\s+part\s+of\s+the)\s+)?(?P<num>{num})(?:\s*(?:-|–|to|or)\s*(?P<num2>{num})(?=[\s-]))?(?:\s+(?P<frac>[13]/[24]))?(?:[\s-]+(?P<adj>more|full|straight|consecutive|trading|business|calendar|working|additional))?[\s-]+(?P<unit>{unit})s?(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?(?![\w])(?![\s-]+old{e})(?!-)"),  # noqa: E501
        ("plural_units", rf"{b}(?:(?P<the>the)\s+)?(?P<q>recent|past|coming|next|last|previous)\s+(?:(?:few|several|many)\s+)?(?P<unit>{unit})s{e}"),  # noqa: E501
        ("plural_units", rf"{b}the\s+(?P<unit>{unit})s\s+(?P<q>ahead){e}"),
        ("plural_units", rf"{b}(?P<unit>{unit})s\s+(?P<q>later|earlier|ago){e}"),  # ``hours later``
        ("plural_units", rf"(?:(?<=\bover\s)|(?<=\bthroughout\s))the\s+(?P<unit>year|decade)s{e}(?!\s+(?:of|since|to|when|that)\b)"),  # noqa: E501
        ("plural_units", rf"(?:(?<=\bfor\s)|(?<=\bwithin\s))(?P<unit>year|month|week|day|hour|minute|decade|centurie)s{e}"),  # noqa: E501
        # ``the worst in decades``, ``the first time in years``; not ``in years to come``
        ("plural_units", rf"(?<=\bin\s)(?P<unit>year|month|week|decade)s{e}(?=\s*[,.;:!?)]|\s+(?:and|but|that|as|when|because|after|before)\b)"),  # noqa: E501
        ("season", rf"{b}(?:(?P<rel>last|next|this\s+past|this\s+coming|this|that|the)\s+)?(?:(?P<pos>early|mid|late)[\s-]?)?(?P<season>{season})(?:\s+(?:of\s+)?(?:(?P<year>1[0-9]\d\d|20\d\d)|(?P<yearw>{year_words})))?{e}"),  # noqa: E501
        # not the title of a paper (``The Daily Caller``, ``Weekly Standard``)
        ("set", rf"{b}(?!(?-i:Daily|Weekly|Monthly)\s+(?-i:[A-Z]))(?P<word>{_alternation(lex.sets)}){e}"),  # noqa: E501
        ("set", rf"{b}every\s+(?P<num>{num})\s+(?P<unit>{unit})s{e}"),  # ``every five years``
        ("set", rf"{b}(?:every|each|per)\s+(?:(?P<other>other)\s+)?(?P<unit>day|week|month|year|quarter|hour|minute|morning|night|evening|afternoon|weekend|{weekday}|(?-i:{month_full})){e}"),  # noqa: E501
        ("fuzzy", rf"{b}(?P<word>{_alternation(lex.fuzzy)}){e}"),
    ]  # fmt: skip
    compiled = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in table)
    prefix = re.compile(rf"(?<![\w-])(?P<mod>{mods})(?:\s+|-|\s*-\s*)$", re.IGNORECASE)
    glue = re.compile(r",?\s+(?:on\s+)?$|,?\s*$")
    required = tuple(required_words(pattern) for _, pattern in compiled)
    digit = tuple(needs_a_digit(pattern) for _, pattern in compiled)
    return Rules(compiled, prefix, glue, required, digit)


def _select_longest(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first; ties go to the earlier rule."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if any(cand.start < end and start < cand.end for start, end in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


def _with_prefix(text: str, cand: Candidate, lex: Lexicon, prefix: re.Pattern[str]) -> Candidate:
    """Take a modifier just before ``cand`` into its span, where the modifier fits the rule."""
    window = text[max(0, cand.start - 24) : cand.start]
    match = prefix.search(window)
    if match is None:
        return cand
    word = re.sub(r"\s+", " ", match.group("mod").lower())
    mod = lex.mods.get(word)
    if mod is None:
        return cand
    matched = text[cand.start : cand.end].lower()
    if cand.rule in QUANTITY_LIKE:
        if mod in _POSITION_MODS or matched.startswith("the "):
            return cand
    elif cand.rule in DATE_LIKE:
        if word in {"post", "pre"}:
            if not window.lower().endswith(word + "-"):
                return cand  # ``post-1959``, ``pre-war``: only joined by a hyphen
        elif mod != "APPROX" and mod not in _POSITION_MODS:
            return cand
        if mod == "APPROX" and _POSSESSIVE.match(text, cand.end):
            return cand  # ``get around Wednesday's ruling``: the word goes with the verb
        if word == "some" or (cand.groups.get("pos") and mod in _POSITION_MODS):
            return cand
    else:
        return cand
    if word in lex.outside_span_mods:
        if word == "over" and not _OVER_AS_MORE.search(window, 0, match.start()):
            return cand  # ``cost $10 trillion over 10 years``: across them, not more than
        return Candidate(cand.start, cand.end, cand.rule, cand.groups, outside=word)
    start = cand.start - (len(window) - match.start())
    hyphenated = window.endswith("-")
    if hyphenated and word.startswith("the ") and _NOUN_AFTER.match(text, cand.end):
        # ``the late-November meeting``: the article belongs to the noun, as in
        # ``the third-quarter results``
        start, word = start + len("the "), word.removeprefix("the ")
    return Candidate(start, cand.end, cand.rule, cand.groups, prefix=word)


_OVER_AS_MORE = re.compile(
    r"(?<![\w-])(?:for|in|of|after|since|just|well|little|than|slightly|lasted|took|spent)\s+$",
    re.IGNORECASE,
)
"""Words before ``over`` that make it "more than" (``for over 20 years``, ``just over three
weeks``); elsewhere ``over`` spans the stretch (``over 10 years, through 2025``)."""

_POSSESSIVE = re.compile(r"['’]s\b")
"""A possessive after a date (``Wednesday's ruling``): the date modifies a noun, and a word of
approximation before it belongs to the verb (``get around``), not to the date."""

_ADJECTIVAL = re.compile(r"the\s+(?=[\w.]+-[\w]+$)", re.IGNORECASE)


_ARTICLE = re.compile(r"the\s+", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?!(?:before|after|of|that|when|in|on|at|and|or)\b)[a-z]")


def _without_article(text: str, cand: Candidate) -> Candidate:
    """``the third-quarter [results]``, ``the Friday [explosions]``: the article belongs to
    the noun the expression modifies, not to the expression."""
    article = _ARTICLE.match(text, cand.start, cand.end)
    if (
        cand.rule == "weekday"
        and article is not None
        and cand.groups.get("the")
        and not cand.groups.get("pod")
        and _NOUN_AFTER.match(text, cand.end)
    ):
        return Candidate(article.end(), cand.end, cand.rule, {**cand.groups, "the": None})
    match = _ADJECTIVAL.match(text, cand.start, cand.end)
    if match is None or cand.rule not in {"quarter", "duration"}:
        return cand
    return Candidate(match.end(), cand.end, cand.rule, cand.groups)


def _without_signal(cand: Candidate) -> Candidate:
    """``three days later``: the match ends before its signal word (``later``), which was part
    of the match only so that it beats ``days later`` on length."""
    signal = cand.groups.get("signal")
    if not signal:
        return cand
    return Candidate(cand.start, cand.end - len(signal), cand.rule, cand.groups)


def _join_times(text: str, cands: list[Candidate], glue: re.Pattern[str]) -> list[Candidate]:
    """Join a clock time to a date right after it (``5 p.m. EST, Nov. 6``) as one expression."""
    joined: list[Candidate] = []
    index = 0
    while index < len(cands):
        cand = cands[index]
        following = cands[index + 1] if index + 1 < len(cands) else None
        if (
            cand.rule == "time"
            and following is not None
            and following.rule in {"date_mdy", "date_dmy", "weekday", "deictic", "date_iso"}
            and following.start - cand.end <= 5
            and glue.fullmatch(text[cand.end : following.start]) is not None
            and "on" not in text[cand.end : following.start]
        ):
            joined.append(
                Candidate(
                    cand.start,
                    following.end,
                    following.rule,
                    following.groups,
                    prefix=cand.prefix,
                    time_of=cand,
                )
            )
            index += 2
            continue
        joined.append(cand)
        index += 1
    return joined


WEEK_OF = "the week of"
"""The prefix :func:`_with_week_of` gives a date standing for the week around it."""
_WEEK_OF = re.compile(r"(?<![\w-])the\s+week\s+of\s+$", re.IGNORECASE)
_DAY_RULES = frozenset({"date_mdy", "date_dmy", "date_iso", "date_slash"})


def _with_week_of(text: str, cand: Candidate) -> Candidate:
    """``the week of March 6``: the week holding a date is one expression (a week value)."""
    if cand.rule not in _DAY_RULES or cand.prefix is not None or cand.time_of is not None:
        return cand
    match = _WEEK_OF.search(text, max(0, cand.start - 20), cand.start)
    if match is None:
        return cand
    return Candidate(match.start(), cand.end, cand.rule, cand.groups, prefix=WEEK_OF)


_SECOND_DAY = re.compile(
    r"\s*(?:-|–|and|or|to|through)\s*(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    r"(?=\s*(?:[.,;:)!?\"']|$)|\s+(?:in|at|on|for|and|when|with|as|of|to|1\d{3}|20\d\d)\b)"
    r"(?:,?\s+(?P<year>1[0-9]\d\d|20\d\d)(?![\d%]|\w))?"
)
"""``April 24 and 25``, ``Oct. 3-4.``, ``June 8-11, 2026``: a second day of the same month
right after a date, the clause going on with punctuation, a preposition or a year after it, not
a count or an amount (``March 3 and 4 percent``, ``June 2 to 15 cents``). A year after the pair
is both days' year."""
_FIRST_DAY = re.compile(
    r"(?<![\d.,/:-])(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*$"
)
"""``16-19 March 2026``: a first day of the same month right before a day-month date."""


def _with_second_days(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A day number joined to a month-day date becomes a date of its own, taking the first
    one's month: TimeML annotates ``April 24 and 25`` as two expressions (as AQUAINT, dev, does;
    TimeBank, train, has no such pair)."""
    out: list[Candidate] = []
    skip_to = -1
    for index, cand in enumerate(cands):
        if cand.start < skip_to:
            continue  # the year a day pair took in (``June 8-11, 2026``)
        if cand.rule == "date_dmy" and cand.time_of is None:
            first = _FIRST_DAY.search(text, max(0, cand.start - 12), cand.start)
            if (
                first is not None
                and (not out or out[-1].end <= first.start())
                and int(first.group("day")) < int(cand.groups.get("day") or 0)
            ):
                groups = {**cand.groups, "day": first.group("day"), "weekday": None}
                out.append(Candidate(first.start(), first.end("day"), cand.rule, groups))
        out.append(cand)
        if cand.rule != "date_mdy" or cand.groups.get("year") or cand.time_of is not None:
            continue
        match = _SECOND_DAY.match(text, cand.end)
        if match is None:
            continue
        following = cands[index + 1] if index + 1 < len(cands) else None
        year = match.group("year")
        if following is not None and following.start < match.end():
            if not year or following.rule != "year" or following.end > match.end():
                continue
            skip_to = match.end()
        if year:
            out[-1] = Candidate(
                cand.start,
                cand.end,
                cand.rule,
                {**cand.groups, "year": year},
                prefix=cand.prefix,
                outside=cand.outside,
            )
        groups = {**cand.groups, "day": match.group("day"), "weekday": None, "year": year}
        out.append(Candidate(match.start("day"), match.end(), cand.rule, groups))
    return out


_COMMON_WORD_RULES = frozenset({"deictic", "fuzzy", "set", "relative"})
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w.])[A-Z][\w&'’-]*[ \t]+$")
_SENTENCE_STARTS_TITLE_CASE = re.compile(r"(?:^|[.!?]\s+)(?:[A-Z][\w'’-]*\s+){3,}$")


_OPENING_QUOTE_BEFORE = re.compile(r"(?:[\"“‘]|``)$")
_COMMON_TIME_NOUNS = frozenset(
    {"week", "month", "year", "day", "morning", "afternoon", "evening", "night", "weekend",
     "quarter", "decade", "century"}
)  # fmt: skip


def _a_quoted_title(text: str, cand: Candidate) -> bool:
    """ABC's ``"This Week With David Brinkley"``: a quote that opens on a time phrase whose
    common noun is capitalised is a programme's or a work's title, not a time."""
    words = text[cand.start : cand.end].split()
    if len(words) < 2 or not _OPENING_QUOTE_BEFORE.search(text, max(0, cand.start - 2), cand.start):
        return False
    last = words[-1].strip(",.;:")
    return last[:1].isupper() and last.lower() in _COMMON_TIME_NOUNS


def _inside_a_name(text: str, cand: Candidate) -> bool:
    """``told USA TODAY``, ``Breitbart News Daily``, ``Liberty Now PAC``: a word written in
    lower case as a time, capitalised after a capitalised word mid-sentence, is part of a name
    or title. Not in a title-case headline (``Trump Is Now Calling``). Also a quoted title
    (:func:`_a_quoted_title`)."""
    if cand.rule not in _COMMON_WORD_RULES or not text[cand.start].isupper():
        return False
    if _a_quoted_title(text, cand):
        return True
    window = text[max(0, cand.start - 60) : cand.start]
    if _CAPITALISED_WORD_BEFORE.search(window) is None:
        return False
    line = window.rsplit("\n", 1)[-1]
    return _SENTENCE_STARTS_TITLE_CASE.search(line) is None


_HYPHENATED_YEARS = re.compile(
    r"(?<![\w$£€.,/-])(?P<first>1[0-9]\d\d|20\d\d)-(?P<second>\d{4}|\d\d)(?![\w%-]|[.,]\d)"
)


def _hyphenated_years(text: str) -> list[Candidate]:
    """``2010-2011``, ``the 2007-09 crisis``: two years, the second taking the first's
    century when written short; a later second year only (``1500-2000 troops`` is left to the
    year rule's checks on what follows)."""
    found: list[Candidate] = []
    for match in _HYPHENATED_YEARS.finditer(text):
        first, second = match.group("first"), match.group("second")
        if len(second) == 2:
            second = first[:2] + second
        if int(second) <= int(first):
            continue
        found.append(Candidate(match.start("first"), match.end("first"), "year", {"year": first}))
        found.append(
            Candidate(match.start("second"), match.end("second"), "year", {"year": second})
        )
    return found


def find_candidates(text: str) -> list[Candidate]:
    """Every temporal expression the rules find in ``text``, in text order, not overlapping."""
    compiled = rules()
    lex = load_lexicon()
    searched = Occurrences(folded(text))
    digits = digit_runs(text)
    found = [
        Candidate(m.start(), m.end(), name, m.groupdict())
        for (name, pattern), words, digit in zip(
            compiled.patterns, compiled.required, compiled.digit, strict=True
        )
        for m in (
            matches_near_words(pattern, text, searched, words)
            if words is not None
            else matches_near(pattern, text, digits)
            if digit
            else pattern.finditer(text)
        )
    ]
    found.extend(_hyphenated_years(text))
    chosen = [
        _without_article(text, _without_signal(cand))
        for cand in _select_longest(found)
        if not _inside_a_name(text, cand)
    ]
    widened: list[Candidate] = []
    for cand in chosen:
        wider = _with_prefix(text, cand, lex, compiled.prefix)
        widened.append(wider if not widened or wider.start >= widened[-1].end else cand)
    joined = _join_times(text, widened, compiled.time_date_glue)
    return _with_second_days(text, [_with_week_of(text, cand) for cand in joined])
