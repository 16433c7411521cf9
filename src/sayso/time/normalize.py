"""TIMEX3 type, value and mod for one candidate found by :mod:`sayso.time.tagger`.

Relative expressions are resolved against :class:`~sayso.time.dates.Anchor`; the direction of
an undetermined weekday or month name (``on Wednesday``, ``in June``) comes from the tense of
the clause (``Context.tense``): past looks back from the anchor, future forward. A handler
returns None to reject a match that is not temporal after all (``May`` the modal verb, a
four-digit count of people, an age).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sayso.records.model import TimexType
from sayso.time.dates import (
    SEASON_MONTHS,
    Anchor,
    add_months,
    day_value,
    easter,
    month_value,
    nth_weekday,
    shift_day,
    week_value,
    weekday_on_or_after,
    weekday_on_or_before,
)
from sayso.time.lexicon import Lexicon, load_lexicon
from sayso.time.tagger import WEEK_OF, Candidate

PAST, UNKNOWN, FUTURE = -1, 0, 1


@dataclass(frozen=True, slots=True)
class Context:
    """What a candidate is resolved against."""

    anchor: Anchor | None
    tense: int
    """``PAST``, ``UNKNOWN`` (present or no cue) or ``FUTURE``: the governing clause's tense."""
    before: str
    """Up to 30 characters of text just before the candidate (for context checks)."""
    after: str
    """Up to 30 characters just after it."""
    last_year: int | None = None
    """The last absolute year mentioned before (``that year``)."""
    last_quarter: tuple[int, int] | None = None
    """The last (year, quarter) mentioned before (``the quarter``)."""
    reference: Anchor | None = None
    """The narrative's reference time: the last date mentioned (``the next day`` counts from
    it), the anchor before any is."""


@dataclass(frozen=True, slots=True)
class Normalized:
    """A candidate's TIMEX3 attributes."""

    type: TimexType
    value: str
    mod: str | None = None
    relative: bool = False
    """True when the value depended on the anchor."""
    from_reference: bool = False
    """True when it was resolved against ``Context.reference`` rather than the anchor."""
    end_value: str | None = None
    """For a duration counted on from a date (``three days later``): the date it reaches."""


Handler = Callable[[Candidate, str, Context, Lexicon], Normalized | None]

_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
_ORDINALS["4th"] = 4
_TEMPORAL_PREPOSITIONS = frozenset(
    {"in", "since", "until", "till", "by", "from", "during", "through", "before", "after",
     "of", "early", "late", "mid", "last", "next", "this", "to", "between", "and", "on",
     "throughout", "around", "about", "that", "each", "every"}
)  # fmt: skip
_A_CONTEXT = frozenset(
    {"for", "in", "within", "after", "over", "than", "nearly", "about", "almost", "only",
     "just", "around", "roughly", "least", "most", "to", "some", "of", "spent", "took",
     "lasted", "past", "once", "half", "barely", "as"}
)  # fmt: skip
"""Words before ``a year``/``a week`` that make it a stretch of time (``barely a month after``,
``as long as a week``) rather than a rate (``$5 a year``); read off TimeBank (train) and
AQUAINT (dev) durations."""
_WORD = re.compile(r"[\w']+")
_NEAR_DAYS = 93  # about three months; tuned on TimeBank (train): month names of WSJ/AP news
_SURE_NEAR_DAYS = 60  # two months: closer, the nearest wins whatever the tense says (a parse's
# tense is often that of a reporting verb); tuned on TimeBank and AQUAINT month names


def _last_word(text: str) -> str:
    words = _WORD.findall(text.lower())
    return words[-1] if words else ""


def _next_word(text: str) -> str:
    match = _WORD.search(text)
    return match.group(0) if match else ""


def parse_number(text: str, lex: Lexicon) -> float | None:
    """``two`` → 2, ``twenty-four`` → 24, ``18`` → 18; None for vague counts (``several``)."""
    words = re.sub(r"\s+", " ", text.strip().lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words)
    if words in lex.vague_numbers:
        return None
    if words in lex.numbers:
        return lex.numbers[words]
    parts = re.split(r"[\s-]", words)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in lex.numbers:
        return _TENS[parts[0]] + lex.numbers[parts[1]]
    return None


def _unit_key(word: str) -> str:
    key = word.lower()
    if key.startswith("centur"):
        return "century"
    if key.startswith("millenni"):
        return "millennium"
    return key.rstrip("s") if key != "s" else key


def duration_value(count: float | None, unit: str, lex: Lexicon) -> str:
    """A TIMEX3 duration: ``P2Y``, ``PT4H``, ``PXM``; decades and centuries counted in years."""
    letter, time_flag = lex.units[unit]
    if letter == "Q":  # TimeML writes quarters of a year as months
        letter = "M"
        count = None if count is None else count * 3
    if count is None:
        return f"P{time_flag}X{letter}"
    scale = {"E": 10, "C": 100, "L": 1000}
    if letter in scale:
        count, letter = count * scale[letter], "Y"
    if letter == "W2":
        count, letter = count * 2, "W"
    if count != int(count):
        mixed = _mixed_duration(count, letter, time_flag)
        if mixed is not None:
            return mixed
    number = str(int(count)) if count == int(count) else f"{count:g}"
    return f"P{time_flag}{number}{letter}"


def _mixed_duration(count: float, letter: str, time_flag: str) -> str | None:
    """A fractional count written in whole units plus the next smaller one, as TimeML does:
    ``2 1/2 years`` → ``P2Y6M``, ``a minute and a half`` → ``PT1M30S``, half a day ``PT12H``;
    None when the fraction is not a whole number of the smaller unit."""
    smaller = {"Y": (12, "M", ""), "W": (7, "D", ""), "D": (24, "H", "T")}
    smaller |= {"H": (60, "M", "T"), "M": (30, "D", "") if not time_flag else (60, "S", "T")}
    if letter not in smaller:
        return None
    factor, small_letter, small_flag = smaller[letter]
    whole = int(count)
    rest = (count - whole) * factor
    if rest != int(rest):
        return None
    tail = f"{int(rest)}{small_letter}"
    if whole == 0:
        return f"P{small_flag}{tail}"
    head = f"P{time_flag}{whole}{letter}"
    return head + ("T" + tail if small_flag and not time_flag else tail)


def _mod(cand: Candidate, lex: Lexicon, own: str | None = None) -> str | None:
    """The candidate's TIMEX3 mod: its taken-in prefix, else ``own`` (from inside the match)."""
    if cand.prefix is not None:
        return lex.mods.get(cand.prefix)
    if cand.outside is not None:
        return lex.mods.get(cand.outside)
    return own


def _position_mod(word: str | None) -> str | None:
    if not word:
        return None
    return {"early": "START", "mid": "MID", "late": "END"}.get(word.lower().rstrip("-"))


def _pick_year(month: int, day: int | None, ctx: Context, *, strict: bool = False) -> int:
    """The year of a month (and day) named without one, seen from the anchor.

    The nearest occurrence wins when it is within two months of the anchor (news talks about
    the recent past and near future), or within three on the side the clause's tense allows;
    further off, or always when ``strict`` (a named day such as a holiday), the tense picks
    the one before (past) or after (future) the anchor.
    """
    anchor = ctx.anchor
    assert anchor is not None
    if anchor.month is None:
        return anchor.year
    here = anchor.month * 31 + (anchor.day or 15)
    offsets = {
        year: (year - anchor.year) * 372 + month * 31 + (day or 15) - here
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
    }
    nearest = min(offsets, key=lambda y: abs(offsets[y]))
    distance = abs(offsets[nearest])
    agrees = ctx.tense * offsets[nearest] >= 0  # not behind a future clause, nor ahead of a past
    near = distance <= _SURE_NEAR_DAYS or (distance <= _NEAR_DAYS and agrees)
    if (near and not strict) or ctx.tense == UNKNOWN:
        return nearest
    if ctx.tense == PAST:
        return max(y for y, off in offsets.items() if off <= 0)
    return min(y for y, off in offsets.items() if off >= 0)


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


_NAMES_THE_2001_ATTACKS = re.compile(
    r"^(?:,?\s+2001)?\s+(?:terror(?:ist)?\s+)?(?:attacks?|hijack\w*|commission|memorial)\b",
    re.IGNORECASE,
)


def _nine_eleven(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    return Normalized("DATE", "2001-09-11")


def _full_date(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    groups = cand.groups
    month = lex.month_number(groups["month"] or "")
    if month is None:
        month = int(groups["month"] or 0)
    day = int(groups["day"] or 0)
    year_text = groups.get("year")
    if year_text and len(year_text) == 2:
        year_text = ("19" if int(year_text) > 30 else "20") + year_text
    year_rel = (groups.get("yrel") or "").lower()
    if not year_text and (month, day) == (9, 11) and _NAMES_THE_2001_ATTACKS.search(ctx.after):
        year_text = "2001"  # ``the Sept. 11 attacks``: the day's name, not this year's date
    if year_text:
        year = int(year_text)
        relative = False
    elif ctx.anchor is None:
        return _with_time(cand, f"XXXX-{month:02d}-{day:02d}", ctx, lex, relative=False)
    elif year_rel:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(year_rel, 0)
        relative = True
    else:
        year = _year_matching_weekday(month, day, groups.get("weekday"), lex, ctx)
        relative = True
    if not _valid_day(year, month, day):
        return None
    if cand.prefix == WEEK_OF:
        return Normalized("DATE", week_value(date(year, month, day)), None, relative)
    return _with_time(cand, f"{year:04d}-{month:02d}-{day:02d}", ctx, lex, relative=relative)


def _year_matching_weekday(
    month: int, day: int, weekday: str | None, lex: Lexicon, ctx: Context
) -> int:
    """The year of ``Monday, Oct. 26``: one near the anchor where the day is that weekday."""
    picked = _pick_year(month, day, ctx)
    number = lex.weekdays.get(weekday or "")
    if number is None:
        return picked
    for year in (picked, picked - 1, picked + 1):
        if _valid_day(year, month, day) and date(year, month, day).isoweekday() == number:
            return year
    return picked


def _clock(cand: Candidate) -> str | None:
    """``T19:15`` for a clock-time candidate."""
    groups = cand.groups
    word = (groups.get("word") or "").lower()
    if word in {"noon", "midday"}:
        return "T12:00"
    if word == "midnight":
        return "T24:00"
    hour = int(groups.get("hour") or 0)
    minute = int(groups.get("minute") or 0)
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    day_part = (groups.get("day_part") or "").lower()
    if day_part:  # ``4 in the morning``, ``9 in the evening``
        ampm = "am" if day_part == "morning" or (day_part == "night" and hour < 6) else "pm"
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 24:
        return None
    return f"T{hour:02d}:{minute:02d}"


def _with_time(
    cand: Candidate, day: str, ctx: Context, lex: Lexicon, *, relative: bool
) -> Normalized:
    """A date value, with a joined clock time or part of day appended (then a TIME)."""
    pod = cand.groups.get("pod")
    if cand.time_of is not None:
        clock = _clock(cand.time_of)
        if clock is not None:
            return Normalized("TIME", day + clock, _mod(cand, lex), relative)
    if pod:
        return Normalized(
            "TIME", f"{day}T{lex.parts_of_day[pod.lower()]}", _mod(cand, lex), relative
        )
    return Normalized("DATE", day, _mod(cand, lex, _signal_mod(ctx, lex)), relative)


def _signal_mod(ctx: Context, lex: Lexicon) -> str | None:
    """``by 2017`` → ``ON_OR_BEFORE``: a signal word just before an absolute date. Not
    ``from`` after a change (``up 70 percent from 2008``): the date there is a baseline."""
    if not ctx.before.endswith(" "):
        return None
    word = _last_word(ctx.before)
    if word == "from" and _CHANGE_BEFORE_FROM.search(ctx.before):
        return None
    return lex.signals.get(word)


_CHANGE_BEFORE_FROM = re.compile(
    r"(?:\b(?:up|down|rose|risen|rise|rising|fell|fallen|fall|falling|dropped|drop|increased"
    r"|decreased|declined|changed|jumped|climbed|slipped)\b|%|percent|points?)[^.;]{0,40}\bfrom\s+$",
    re.IGNORECASE,
)


_SPELLED_UNITS = {
    "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip


def spelled_year(words: str) -> int | None:
    """``nineteen ninety-six`` → 1996, ``two thousand and one`` → 2001 (as transcripts say)."""
    parts = [p for p in re.split(r"[\s-]+", words.lower()) if p not in {"and", ""}]
    if parts[:2] == ["two", "thousand"]:
        century, rest = 2000, parts[2:]
    elif parts[:1] == ["nineteen"]:
        century, rest = 1900, parts[1:]
    else:
        return None
    number = 0
    for part in rest:
        number += _TENS.get(part, _SPELLED_UNITS.get(part, 0))
    return century + number


def _year_of(groups: Mapping[str, str | None]) -> int | None:
    """The year a rule matched, in digits (``year``) or in words (``yearw``, ``yearw2``)."""
    if groups.get("year"):
        return int(groups["year"] or 0)
    words = groups.get("yearw") or groups.get("yearw2")
    return spelled_year(words) if words else None


def _month_year(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    month = lex.month_number(cand.groups["month"] or "")
    year = _year_of(cand.groups)
    if month is None or year is None:
        return None
    value = month_value(year, month)
    return Normalized("DATE", value, _mod(cand, lex, _signal_mod(ctx, lex)))


def _month_rel_year(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    """``June last year``: a month of the year before, of, or after the anchor's."""
    month = lex.month_number(cand.groups["month"] or "")
    if month is None:
        return None
    if ctx.anchor is None:
        return Normalized("DATE", f"XXXX-{month:02d}", _mod(cand, lex))
    offset = {"last": -1, "this": 0, "next": 1}[(cand.groups["yrel"] or "").lower()]
    value = month_value(ctx.anchor.year + offset, month)
    return Normalized("DATE", value, _mod(cand, lex), relative=True)


def _month(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    name = cand.groups["month"] or ""
    month = lex.month_number(name)
    if month is None:
        return None
    rel = re.sub(r"\s+", " ", (cand.groups.get("rel") or "").lower())
    word_before = rel or _last_word(ctx.before)
    has_context = word_before in _TEMPORAL_PREPOSITIONS or cand.prefix is not None
    if not has_context:
        if name.startswith("May") or name.startswith("March"):
            return None  # the modal verb / the noun, unless a preposition makes it a month
        following = _next_word(ctx.after)
        if following[:1].isupper() and not following.isdigit():
            return None  # a name (``June Carter``) rather than a month
    anchor = ctx.anchor
    if anchor is None:
        return Normalized("DATE", f"XXXX-{month:02d}", _mod(cand, lex))
    if word_before in {"last", "this past"} and anchor.month is not None:
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif word_before == "next" and anchor.month is not None:
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif word_before in {"this", "that"}:
        year = ctx.last_year if word_before == "that" and ctx.last_year else anchor.year
    elif ctx.tense != PAST and _SCHEDULED_EVENT_AFTER.match(ctx.after):
        # ``if the November election goes their way``: an event on the calendar, the next one
        year = _pick_year(month, None, replace(ctx, tense=FUTURE), strict=True)
    else:
        year = _pick_year(month, None, ctx)
    return Normalized("DATE", month_value(year, month), _mod(cand, lex), relative=True)


_SCHEDULED_EVENT_AFTER = re.compile(
    r"^\s+(?:general\s+|presidential\s+|midterm\s+)?(?:elections?|votes?|referendum|primary"
    r"|primaries|caucus(?:es)?|convention|summit|deadline|ballot|runoff)\b",
    re.IGNORECASE,
)


def _year(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    year = _year_of(cand.groups) or 0
    qualifier = cand.groups.get("qual") or cand.groups.get("yearw")
    if year < 1900 and _last_word(ctx.before) not in _TEMPORAL_PREPOSITIONS and not qualifier:
        return None
    following = _next_word(ctx.after).lower()
    if following in lex.year_blockers:
        return None
    if re.match(r"\s*(?:-|to)\s*\d", ctx.after) and not _year_span(year, ctx.after, lex):
        return None  # part of a numeric range that is not a year span
    if re.search(r"(?:No\.|#|number|page|room|flight|route|\$)\s*$", ctx.before, re.IGNORECASE):
        return None
    if _MODEL_YEAR_BEFORE.search(ctx.before) and _CAPITALISED.match(ctx.after):
        return None  # ``the driver's 1987 Chevrolet``: a model year, part of a name
    return Normalized("DATE", f"{year:04d}", _mod(cand, lex, _signal_mod(ctx, lex)))


_MODEL_YEAR_BEFORE = re.compile(r"['’]s\s+$")
_CAPITALISED = re.compile(r"\s+[A-Z][a-z]")
"""A year between a possessive ``'s`` and a capitalised word names a model (``the driver's
1987 Chevrolet``); after ``a`` it may be a dated name, which TimeBank (train) annotates as a
year (``a 1971 Convention``), so only the possessive blocks it."""


_NEXT_YEAR = re.compile(r"\s*(?:-\s*(?P<short>\d{2})\b|(?:-|to)\s*(?P<full>(?:19|20)\d\d)\b)")


def _year_span(year: int, after: str, lex: Lexicon) -> bool:
    """``1991 to 1997``, ``1998-99``: a range of years, each end a year, not a range of counts
    (``1500 to 2000 troops``)."""
    match = _NEXT_YEAR.match(after)
    if match is None:
        return False
    if match.group("short"):
        return True
    following = _next_word(after[match.end() :]).lower()
    return year >= 1900 and int(match.group("full")) > year and following not in lex.year_blockers


_ENDED = re.compile(r"\s+(?:ended|ending)\b", re.IGNORECASE)


def _year_ref(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    """``the year``, ``the fiscal year``: the year being reported on (``the current year``:
    the anchor's, not the one last talked about); ``the year ended Sept. 30`` is the twelve
    months up to that date (as TimeBank annotates them)."""
    if _ENDED.match(ctx.after):
        return Normalized("DURATION", "P1Y", _mod(cand, lex))
    qualifier = re.sub(r"\s+", " ", (cand.groups.get("qual") or "").lower())
    reference = _reference_for("year", ctx)
    if qualifier.startswith(("current", "full")) and ctx.anchor is not None:
        reference = ctx.anchor  # the year the report is written in, whatever came up since
    if reference is None:
        return Normalized("DATE", "XXXX", _mod(cand, lex))
    year = reference.year - 1 if qualifier.startswith("latest") else reference.year
    return Normalized("DATE", f"{year:04d}", _mod(cand, lex), relative=True)


def _decade(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    groups = cand.groups
    tens = (groups.get("tens") or "").lower()
    if tens:  # ``the nineties``: a decade of the last century, as news uses the words
        stem = f"19{_TENS[tens.removesuffix('ies') + 'y'] // 10}"
    else:
        short = groups.get("short") or groups.get("short2")
        stem = groups.get("dec") or groups.get("dec2") or f"19{short}"
    position = _position_mod(groups.get("pos") or groups.get("pos2"))
    the = groups.get("the") or groups.get("the2")
    # TimeML 1.2 writes "the 1980s" as 198, a bare "1980s" as 198X (as TimeBank does)
    written = stem if the or position or cand.prefix else f"{stem}X"
    return Normalized("DATE", written, _mod(cand, lex, position))


def _century(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    number = int(cand.groups["ord"] or 0)
    if not 1 <= number <= 22:
        return None
    return Normalized("DATE", f"{number - 1:02d}", _mod(cand, lex))


def _base_quarter(ctx: Context) -> tuple[int, int] | None:
    """The quarter a financial text is about: the last one named, else the last completed."""
    if ctx.last_quarter is not None:
        return ctx.last_quarter
    anchor = ctx.anchor
    if anchor is None or anchor.quarter is None:
        return None
    year, quarter = anchor.year, anchor.quarter - 1
    return (year - 1, 4) if quarter == 0 else (year, quarter)


def _quarter(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    groups = cand.groups
    kind = (groups.get("kind") or "quarter").lower()
    if not groups.get("ord"):
        year = int(groups.get("qyear") or 0)
        if ctx.last_quarter is None:
            return Normalized("DATE", f"{year:04d}", _mod(cand, lex)) if kind == "period" else None
        return Normalized("DATE", f"{year:04d}-Q{ctx.last_quarter[1]}", _mod(cand, lex), True)
    if kind == "quarters":  # ``the first two quarters of 1990``: a half year
        kind = "half"
    letter = "Q" if kind == "quarter" else "H"
    ordinal = (groups["ord"] or "").lower()
    number = _ORDINALS.get(ordinal) or (4 if kind == "quarter" else 2)  # ``the last half of``
    if kind == "half" and number > 2:
        return None
    explicit = groups.get("year") or groups.get("year2") or groups.get("qyear")
    qualifier = (groups.get("qual") or "").lower()
    relative = False
    year_rel = (groups.get("yrel") or "").lower()
    if explicit:
        year = int(explicit)
    elif ctx.anchor is None:
        return Normalized("DATE", f"XXXX-{letter}{number}", _mod(cand, lex))
    elif year_rel:  # ``the second half of the year``, ``the first quarter of next year``
        relative = True
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(year_rel, 0)
    else:
        relative = True
        anchor_q = ctx.anchor.quarter or 4
        current = number if letter == "Q" else number * 2
        # a quarter not reached yet is last year's, unless the clause looks ahead (``the
        # second half will be weaker``)
        ahead = current > anchor_q and ctx.tense != FUTURE
        year = ctx.anchor.year - 1 if ahead else ctx.anchor.year
        if "year-earlier" in qualifier or "year-ago" in qualifier or "last year's" in qualifier:
            year -= 1
        elif "next year's" in qualifier:
            year = ctx.anchor.year + 1
        elif "this year's" in qualifier:
            year = ctx.anchor.year
    return Normalized("DATE", f"{year:04d}-{letter}{number}", _mod(cand, lex), relative)


def _quarter_ref(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    qualifier = (cand.groups.get("qual") or cand.groups.get("qual2") or "").lower()
    anchor = ctx.anchor
    if anchor is None or anchor.quarter is None:
        return Normalized("DATE", "XXXX-QX", _mod(cand, lex))
    if qualifier in {"current", "this"}:
        year, quarter = anchor.year, anchor.quarter
    elif qualifier in {"next", "coming"}:
        year, quarter = (
            (anchor.year + 1, 1) if anchor.quarter == 4 else (anchor.year, anchor.quarter + 1)
        )
    elif qualifier in {"last", "previous", "past", "latest", "recent", "most recent"}:
        year, quarter = (
            (anchor.year - 1, 4) if anchor.quarter == 1 else (anchor.year, anchor.quarter - 1)
        )
    else:
        base = _base_quarter(ctx)
        assert base is not None
        year, quarter = base
        if qualifier in {"year-earlier", "year-ago", "comparable"}:
            year -= 1
    return Normalized("DATE", f"{year:04d}-Q{quarter}", _mod(cand, lex), relative=True)


def _year_earlier(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    anchor = ctx.anchor
    if anchor is None:
        return Normalized("DATE", "PAST_REF", _mod(cand, lex))
    what = (cand.groups.get("what") or "").lower()
    if what in {"quarter", "period", ""} and ctx.last_quarter is not None:
        year, quarter = ctx.last_quarter
        return Normalized("DATE", f"{year - 1:04d}-Q{quarter}", _mod(cand, lex), relative=True)
    if what.startswith("nine"):
        return Normalized("DURATION", "P9M", _mod(cand, lex), relative=False)
    return Normalized("DATE", f"{anchor.year - 1:04d}", _mod(cand, lex), relative=True)


def _unit_of_anchor(unit: str, anchor: Anchor, offset: int) -> str | None:
    """The calendar ``unit`` holding the anchor, moved by ``offset`` units."""
    if unit == "year":
        return f"{anchor.year + offset:04d}"
    if unit == "decade":
        return f"{(anchor.year + 10 * offset) // 10:03d}X"
    if unit == "century":
        return f"{(anchor.year + 100 * offset) // 100:02d}"
    if anchor.month is None:
        return None
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, offset))
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.quarter or 1) - 1 + offset
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    day = anchor.date
    if day is None:
        return None
    if unit == "week":
        return week_value(shift_day(day, 7 * offset))
    if unit == "weekend":
        return week_value(shift_day(day, 7 * offset)) + "-WE"
    if unit == "day":
        return day_value(shift_day(day, offset))
    return None


def _unknown(unit: str) -> str:
    return {
        "year": "XXXX", "decade": "XXX", "century": "XX", "month": "XXXX-XX",
        "quarter": "XXXX-QX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "day": "XXXX-XX-XX",
    }.get(unit, "XXXX-XX-XX")  # fmt: skip


_REL_OFFSETS = {
    "last": -1, "past": -1, "previous": -1, "prior": -1, "this past": -1, "next": 1,
    "coming": 1, "following": 1, "this coming": 1, "this": 0, "current": 0, "that": 0,
    "same": 0,
}  # fmt: skip


_ANAPHORIC_RELS = frozenset({"following", "previous", "prior", "that", "same"})
"""Determiners that point back into the narrative (``the following year``), not at the DCT."""
_CALENDAR = frozenset({"weekend", "year"})
"""Units that ``the past``/``the next`` name as a calendar unit, not a stretch of time:
``the past year`` is last year (a DATE 3 times of 3 on TimeBank, train), ``the past month``
a month-long DURATION."""
_UNIT_NEEDS = {"year": 1, "decade": 1, "century": 1, "month": 2, "quarter": 2, "season": 2}


def _reference_for(unit: str, ctx: Context) -> Anchor | None:
    """The reference time when it is precise enough for ``unit``, else the anchor."""
    reference = ctx.reference
    if reference is None:
        return ctx.anchor
    known = 1 if reference.month is None else 2 if reference.day is None else 3
    return reference if known >= _UNIT_NEEDS.get(unit, 3) else ctx.anchor


def _relative(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    groups = cand.groups
    rel = re.sub(r"\s+", " ", (groups["rel"] or "").lower())
    what = groups["what"] or ""
    unit = what.lower()
    mod = _mod(cand, lex)
    if what in lex.weekdays:
        return _weekday_value(cand, lex.weekdays[what], rel, ctx, lex)
    if unit in lex.seasons:
        return _season_value(cand, lex.seasons[unit], rel, None, ctx, lex)
    if groups.get("the") and rel in {"past", "last", "next", "coming"} and unit not in _CALENDAR:
        return Normalized("DURATION", duration_value(1, unit, lex), mod)
    offset = _REL_OFFSETS.get(rel, 0)
    if rel in {"that", "same"} and unit == "year" and ctx.last_year is not None:
        return Normalized("DATE", f"{ctx.last_year:04d}", mod, relative=True)
    if rel in _ANAPHORIC_RELS:
        reference = _reference_for(unit, ctx)
        if reference is not None:
            value = _unit_of_anchor(unit, reference, offset)
            if value is not None:
                narrative = reference is ctx.reference
                return Normalized("DATE", value, mod, relative=True, from_reference=narrative)
    if ctx.anchor is None:
        return Normalized("DATE", _unknown(unit), mod)
    if unit == "weekend" and offset == 0 and ctx.anchor.date is not None:
        weekend = ctx.anchor.date
        if ctx.tense == PAST and weekend.isoweekday() < 5:
            weekend = shift_day(weekend, -7)
        return Normalized("DATE", week_value(weekend) + "-WE", mod, relative=True)
    value = _unit_of_anchor(unit, ctx.anchor, offset)
    return Normalized("DATE", value or _unknown(unit), mod, relative=value is not None)


def _weekday_value(
    cand: Candidate, weekday: int, rel: str, ctx: Context, lex: Lexicon
) -> Normalized | None:
    """A weekday resolved by its determiner, else by the clause's tense."""
    pod = cand.groups.get("pod")
    suffix = f"T{lex.parts_of_day[pod.lower()]}" if pod else ""
    anchor_day = ctx.anchor.date if ctx.anchor else None
    narrative = False
    if rel in _ANAPHORIC_RELS and ctx.reference is not None and ctx.reference.date is not None:
        # ``the previous Friday``: the one before the day the narrative is at, not the report's
        anchor_day, narrative = ctx.reference.date, True
    mod = _mod(cand, lex)
    if rel == "the" or anchor_day is None:
        return Normalized("TIME" if pod else "DATE", f"XXXX-WXX-{weekday}{suffix}", mod)
    if rel in {"last", "past", "previous", "this past"}:
        day = weekday_on_or_before(shift_day(anchor_day, -1), weekday)
    elif rel in {"next", "coming", "following", "this coming"}:
        day = weekday_on_or_after(shift_day(anchor_day, 1), weekday)
    elif rel == "this":
        day = anchor_day + timedelta(days=weekday - anchor_day.isoweekday())
    elif ctx.tense == FUTURE:
        day = weekday_on_or_after(anchor_day, weekday)
    elif ctx.tense == UNKNOWN:
        before = weekday_on_or_before(anchor_day, weekday)
        after = weekday_on_or_after(anchor_day, weekday)
        day = before if (anchor_day - before) <= (after - anchor_day) else after
    else:
        day = weekday_on_or_before(anchor_day, weekday)
    kind: TimexType = "TIME" if pod else "DATE"
    value = day_value(day) + suffix
    if cand.time_of is not None:
        clock = _clock(cand.time_of)
        if clock is not None:
            kind, value = "TIME", day_value(day) + clock
    return Normalized(kind, value, mod, relative=True, from_reference=narrative)


def _weekday(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    weekday = lex.weekdays[cand.groups["weekday"] or ""]
    pod = cand.groups.get("pod")
    if cand.groups.get("plural"):
        suffix = f"T{lex.parts_of_day[pod.lower()]}" if pod else ""
        return Normalized("SET", f"XXXX-WXX-{weekday}{suffix}")
    rel = "the" if cand.groups.get("the") else _last_word(ctx.before)
    if rel not in {"last", "next", "this", "past", "coming", "the"} or (
        rel == "the" and not cand.groups.get("the")  # ``the Friday explosions``: one Friday
    ):
        rel = ""
    return _weekday_value(cand, weekday, rel, ctx, lex)


def _weekend(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    anchor_day = ctx.anchor.date if ctx.anchor else None
    if anchor_day is None:
        return Normalized("DATE", "XXXX-WXX-WE", _mod(cand, lex))
    if ctx.tense != FUTURE and anchor_day.isoweekday() < 5:
        anchor_day = shift_day(anchor_day, -7)  # early in the week: the weekend just gone
    return Normalized("DATE", week_value(anchor_day) + "-WE", _mod(cand, lex), relative=True)


_DEICTIC_OFFSETS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1}
_DEICTIC_OFFSETS |= {"tomorrow": 1, "overnight": 0}


def _part_of_day(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    """``late afternoon``: that part of the day the narrative is at (else of the report's)."""
    part = lex.parts_of_day[(cand.groups["pod"] or "").lower()]
    mod = _mod(cand, lex, _position_mod(cand.groups.get("pos")))
    reference = _reference_for("day", ctx)
    day = reference.date if reference is not None else None
    if day is None:
        return Normalized("TIME", f"XXXX-XX-XXT{part}", mod)
    narrative = reference is ctx.reference
    return Normalized(
        "TIME", f"{day_value(day)}T{part}", mod, relative=True, from_reference=narrative
    )


def _deictic(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    words = (cand.groups["word"] or "").lower().split()
    offset = _DEICTIC_OFFSETS[words[0]]
    pod = cand.groups.get("pod")
    part = None
    if len(words) > 1:
        part = lex.parts_of_day[words[-1]]
    elif words[0] in {"tonight", "overnight"}:
        part = "NI"
    if pod:
        part = lex.parts_of_day[pod.lower()]
    mod = _mod(cand, lex)
    anchor_day = ctx.anchor.date if ctx.anchor else None
    if anchor_day is None:
        if words[0] == "today" and part is None:
            return Normalized("DATE", "PRESENT_REF", mod)
        return Normalized(
            "TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""), mod
        )
    day = shift_day(anchor_day, offset)
    if cand.time_of is not None:
        clock = _clock(cand.time_of)
        if clock is not None:
            return Normalized("TIME", day_value(day) + clock, mod, relative=True)
    if part:
        return Normalized("TIME", f"{day_value(day)}T{part}", mod, relative=True)
    return Normalized("DATE", day_value(day), mod, relative=True)


def _time(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    if _last_word(ctx.before) == "high" and (cand.groups.get("word") or "").lower() == "noon":
        return None  # ``high noon``: the hour of a showdown, an idiom, not a clock time
    clock = _clock(cand)
    if clock is None:
        return None
    anchor_day = ctx.anchor.date if ctx.anchor else None
    day = day_value(anchor_day) if anchor_day else "XXXX-XX-XX"
    return Normalized("TIME", day + clock, _mod(cand, lex), relative=anchor_day is not None)


def _needs_context_for_a(cand: Candidate, text: str, ctx: Context) -> bool:
    """``a year`` is a duration after ``for``/``nearly``/...; ``$5 a year`` is a rate;
    ``a minute and a half`` is never a rate."""
    number = (cand.groups.get("num") or "").lower()
    if number not in {"a", "an"} or cand.prefix is not None or cand.groups.get("dmod"):
        return False
    if cand.groups.get("half"):
        return False
    return _last_word(ctx.before) not in _A_CONTEXT


def _ago(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    groups = cand.groups
    count = parse_number(groups["num"] or "", lex)
    unit = _unit_key(groups["unit"] or "")
    direction = -1 if (groups["dir"] or "").lower() in {"ago", "earlier"} else 1
    mod = _mod(cand, lex)
    if "or so" in text[cand.start : cand.end].lower():
        mod = mod or "APPROX"
    anchor = ctx.anchor
    if count is None or anchor is None or count != int(count):
        return Normalized("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", mod)
    from_reference = False
    if (groups["dir"] or "").lower() == "earlier":
        # ``two days earlier``: before the date the narrative is at
        anchor = _reference_for(unit, ctx) or anchor
        from_reference = anchor is ctx.reference
    value = _shifted(anchor, unit, int(count) * direction, ctx)
    if value is None:
        return Normalized("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", mod)
    return Normalized("DATE", value, mod, relative=True, from_reference=from_reference)


def _shifted(anchor: Anchor, unit: str, steps: int, ctx: Context) -> str | None:
    """The date ``steps`` units away from ``anchor``, at the unit's precision (a week as an ISO
    week, a year back from a quarter under discussion as that quarter a year before)."""
    if unit == "year" and steps == -1 and ctx.last_quarter is not None:
        year, quarter = ctx.last_quarter  # financial reports compare with the quarter a year ago
        return f"{year - 1:04d}-Q{quarter}"
    return shifted_date(anchor, unit, steps)


def shifted_date(
    anchor: Anchor, unit: str, steps: int, *, keep_precision: bool = False
) -> str | None:
    """The date ``steps`` units (``year``, ``month``, ``week``, ``day``...) from ``anchor``, at
    the unit's precision (``two years ago`` is a year, as TimeML writes it), or with
    ``keep_precision`` at the anchor's (``two years after March 2003`` → ``2005-03``); None
    where the anchor is too coarse for the unit (a year and some days)."""
    if unit in {"year", "decade", "century"}:
        years = steps * {"year": 1, "decade": 10, "century": 100}[unit]
        if keep_precision and anchor.month is not None:
            return month_value(*add_months(anchor.year, anchor.month, 12 * years))
        return f"{anchor.year + years:04d}"
    if unit == "month" and anchor.month is not None:
        return month_value(*add_months(anchor.year, anchor.month, steps))
    if unit == "quarter" and anchor.month is not None:
        return _unit_of_anchor("quarter", anchor, steps)
    if anchor.date is not None and unit in {"week", "fortnight"}:
        return week_value(shift_day(anchor.date, 7 * steps * (2 if unit == "fortnight" else 1)))
    if anchor.date is not None and unit in {"day", "night"}:
        return day_value(shift_day(anchor.date, steps))
    if anchor.date is not None and unit in {"hour", "minute", "second"}:
        return day_value(anchor.date)
    return None


_EXACT_STRETCH = re.compile(r"P(\d+)([YMWD])")
_STRETCH_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def exact_stretch(value: str) -> tuple[str, int] | None:
    """``P2Y`` → ``("year", 2)``: an exact duration in days or longer (decades and centuries are
    written in years); None for vague (``PXY``), mixed or clock (``PT2H``) durations."""
    match = _EXACT_STRETCH.fullmatch(value)
    return (_STRETCH_UNITS[match.group(2)], int(match.group(1))) if match else None


def reached_date(since: Anchor, stretch: str, signal: str) -> str | None:
    """The date a stretch (a DURATION value) reaches from ``since``, forward for ``after``,
    back for ``before``, as precise as ``since`` (``P2Y`` after ``2003-03`` → ``2005-03``);
    None for an inexact stretch or a date too coarse for its unit."""
    exact = exact_stretch(stretch)
    if exact is None:
        return None
    unit, count = exact
    steps = count if signal.lower() == "after" else -count
    return shifted_date(since, unit, steps, keep_precision=True)


def _later(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    """``three days later``: a DURATION, and the date it reaches from the narrative's reference
    time (``end_value``) when the count is exact; ``a year later`` needs no ``for`` before it."""
    groups = cand.groups
    count = parse_number(groups["num"] or "", lex)
    unit = _unit_key(groups["unit"] or "")
    duration = _duration(cand, text, ctx, lex)
    if duration is None:
        return None
    anchor = _reference_for(unit, ctx)
    exact = count is not None and count == int(count) and not groups.get("num2")
    if anchor is None or not exact or groups.get("half") or groups.get("orso"):
        return duration
    assert count is not None
    end = _shifted(anchor, unit, int(count), ctx)
    return replace(
        duration, end_value=end, relative=end is not None, from_reference=anchor is ctx.reference
    )


_DAY_OFFSETS = {"next": 1, "following": 1, "previous": -1, "prior": -1, "same": 0, "that": 0}


def _anaphoric_day(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    """``the next day``, ``that morning``, ``earlier that day``: a day of the narrative."""
    groups = cand.groups
    rel = (groups.get("rel") or "that").lower()
    what = (groups["what"] or "").lower()
    part = lex.parts_of_day.get(what)
    kind: TimexType = "TIME" if part else "DATE"
    suffix = f"T{part}" if part else ""
    if _narrative_elsewhere(ctx):
        # ``at the convention in July ... the following morning``: a day of that month, not
        # the day after the report
        assert ctx.reference is not None
        partial = ctx.reference.iso() + ("-XX" if ctx.reference.month is not None else "-XX-XX")
        return Normalized(kind, partial + suffix, _mod(cand, lex), relative=True)
    reference = _reference_for("day", ctx)
    day = reference.date if reference is not None else None
    if day is None:
        return Normalized(kind, f"XXXX-XX-XX{suffix}", _mod(cand, lex))
    value = day_value(shift_day(day, _DAY_OFFSETS[rel])) + suffix
    narrative = reference is ctx.reference
    return Normalized(kind, value, _mod(cand, lex), relative=True, from_reference=narrative)


def _narrative_elsewhere(ctx: Context) -> bool:
    """Whether the narrative is at a month or year that does not hold the anchor's day."""
    reference, anchor = ctx.reference, ctx.anchor
    if reference is None or reference.date is not None or anchor is None:
        return False
    if reference.year != anchor.year:
        return True
    return reference.month is not None and reference.month != anchor.month


_SUBJECT_OR_MODAL_BEFORE = re.compile(
    r"(?<![\w'])(?:will|would|could|may|might|can|shall|should|must|he|she|they|we|I|you|it)"
    r"\s+$",
    re.IGNORECASE,
)


def _unit_is(groups: Mapping[str, str | None], unit: str) -> bool:
    """Whether a match's unit word (singular or plural) is ``unit``."""
    return _unit_key(groups.get("unit") or "") == unit


def _someday(ctx: Context) -> bool:
    """``Islam will one day be``, ``he one day follow``: ``one day`` as "some day", after a
    modal or a subject, is a vague future, not a duration (not ``for one day``)."""
    return _SUBJECT_OR_MODAL_BEFORE.search(ctx.before) is not None


_FRACTION_OF = re.compile(r"^\s+of\s+(?!(?:the|this|that|a|its|their)\s+(?:year|fiscal|century)\b)")


def _is_a_fraction(cand: Candidate, text: str, ctx: Context) -> bool:
    """``three-quarters``, ``a quarter of the vote``: a share, not three months."""
    if not _unit_is(cand.groups, "quarter"):
        return False
    matched = text[cand.start : cand.end]
    hyphenated = re.search(r"[a-z]-quarters?$", matched, re.IGNORECASE) is not None
    return hyphenated or _FRACTION_OF.match(ctx.after) is not None


def _duration(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    groups = cand.groups
    rate_or_share = cand.rule != "later" and _needs_context_for_a(cand, text, ctx)
    if rate_or_share or _is_a_fraction(cand, text, ctx):
        return None
    number_text = (groups["num"] or "").lower()
    count = parse_number(number_text, lex)
    if count is None and number_text not in lex.vague_numbers:
        return None
    if number_text == "one" and _unit_is(groups, "day") and _someday(ctx):
        return Normalized("DATE", "FUTURE_REF")
    if count is not None and groups.get("half"):
        count += 0.5
    if count is not None and groups.get("frac"):  # ``5 1/2 hours``
        numerator, denominator = (groups["frac"] or "1/2").split("/")
        count += int(numerator) / int(denominator)
    unit = _unit_key(groups["unit"] or "")
    if unit == "quarter" and count is not None and not groups.get("the"):
        following = _next_word(ctx.after).lower()
        if following in {"of", "mile", "miles", "point", "percent", "century"}:
            return None
    mod = _mod(cand, lex)
    if groups.get("orso"):
        mod = mod or "APPROX"
    return Normalized("DURATION", duration_value(count, unit, lex), mod)


def _plural_units(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    unit = _unit_key(cand.groups["unit"] or "")
    if unit == "year" and (cand.groups.get("q") or "").lower() == "recent":
        # ``in recent years``: an unspecified stretch of the past, as TimeBank mostly writes
        # it (train split: a DATE 4 times of 5, PAST_REF 3 of 5); ``recent weeks`` stays a
        # vague duration (a DURATION there 4 times of 4)
        return Normalized("DATE", "PAST_REF", _mod(cand, lex))
    return Normalized("DURATION", duration_value(None, unit, lex), _mod(cand, lex))


def _season_value(
    cand: Candidate, code: str, rel: str, year: int | None, ctx: Context, lex: Lexicon
) -> Normalized:
    mod = _mod(cand, lex, _position_mod(cand.groups.get("pos")))
    if year is not None:
        return Normalized("DATE", f"{year:04d}-{code}", mod)
    anchor = ctx.anchor
    if anchor is None:
        return Normalized("DATE", f"XXXX-{code}", mod)
    if anchor.month is None:
        return Normalized("DATE", f"{anchor.year:04d}-{code}", mod, relative=True)
    start = SEASON_MONTHS[code]
    current_year = anchor.year
    season_started = anchor.month >= start
    if rel in {"last", "past", "this past", "previous"}:
        value_year = current_year if anchor.month >= start + 3 else current_year - 1
    elif rel in {"next", "coming", "this coming"}:
        value_year = current_year if not season_started else current_year + 1
    else:
        value_year = current_year
    return Normalized("DATE", f"{value_year:04d}-{code}", mod, relative=True)


def _season(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    groups = cand.groups
    rel = re.sub(r"\s+", " ", (groups.get("rel") or "").lower())
    word = (groups["season"] or "").lower()
    year = _year_of(groups)
    if not rel and year is None and not groups.get("pos") and cand.prefix is None:
        if _last_word(ctx.before) not in _TEMPORAL_PREPOSITIONS - {"of", "and", "to"}:
            return None
        if word == "fall" and _last_word(ctx.before) in {"to", "will", "would"}:
            return None
    return _season_value(cand, lex.seasons[word], rel, year, ctx, lex)


def _holiday(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    name = re.sub(r"\s+", " ", cand.groups["holiday"] or "")
    anchor = ctx.anchor
    year_text = cand.groups.get("year")
    year = int(year_text) if year_text else (anchor.year if anchor else None)
    year_rel = (cand.groups.get("yrel") or "").lower()
    if year_rel and anchor is not None:  # ``Christmas next year``
        year_text = str(anchor.year + {"last": -1, "next": 1}.get(year_rel, 0))
        year = int(year_text)
    mod = _mod(cand, lex)
    week = bool(cand.groups.get("week"))
    if year is None:
        fixed = lex.holidays.get(name)
        return Normalized("DATE", "XXXX-WXX" if week else f"XXXX-{fixed or 'XX-XX'}", mod)
    found = _holiday_date(name, year, lex)
    rel = re.sub(r"\s+", " ", (cand.groups.get("rel") or "").lower())
    anchor_day = anchor.date if anchor is not None else None
    in_its_week = week and anchor_day is not None and week_value(anchor_day) == week_value(found)
    if not year_text and anchor is not None and not in_its_week:  # ``Easter week``: this one
        found = _holiday_near_anchor(name, found, rel, anchor, ctx, lex)
    value = week_value(found) if week else day_value(found)
    return Normalized("DATE", value, mod, relative=year_text is None or bool(year_rel))


def _holiday_near_anchor(
    name: str, found: date, rel: str, anchor: Anchor, ctx: Context, lex: Lexicon
) -> date:
    """The occurrence a determiner points to (``last Thanksgiving``: the one before the
    anchor), else the one nearest the anchor or the one the tense points to."""
    anchor_day = anchor.date
    if anchor_day is not None and rel and rel != "this":
        years = (anchor.year - 1, anchor.year, anchor.year + 1)
        dates = [_holiday_date(name, year, lex) for year in years]
        if rel in {"last", "this past"}:
            return max((d for d in dates if d < anchor_day), default=found)
        return min((d for d in dates if d > anchor_day), default=found)
    return _holiday_date(name, _pick_year(found.month, found.day, ctx, strict=True), lex)


def _holiday_date(name: str, year: int, lex: Lexicon) -> date:
    if name in lex.holidays:
        month, day = (int(part) for part in lex.holidays[name].split("-"))
        return date(year, month, day)
    if name in lex.movable_holidays:
        month, weekday, nth, days_after = lex.movable_holidays[name]
        return nth_weekday(year, month, weekday, nth) + timedelta(days=days_after)
    return easter(year) + timedelta(days=lex.easter_feasts.get(name, 0))


def _period_of(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    groups = cand.groups
    pos = re.sub(r"\s+", " ", (groups["pos"] or "").lower())
    mod = {"earlier in": "START", "later in": "END"}.get(pos) or lex.mods.get(pos)
    unit = (groups["unit"] or "").lower()
    if ctx.anchor is None:
        return Normalized("DATE", _unknown(unit), mod)
    # ``earlier in the day``: the day the narrative is at; ``later this year``: the report's
    narrated = (groups.get("the") or "").lower() == "the" and ctx.tense != FUTURE
    base = _reference_for(unit, ctx) if narrated else None
    value = _unit_of_anchor(unit, base or ctx.anchor, 0)
    narrative = base is not None and base is ctx.reference
    return Normalized(
        "DATE", value or _unknown(unit), mod, relative=value is not None, from_reference=narrative
    )


def _year_end(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    if ctx.anchor is None:
        return Normalized("DATE", "XXXX", "END")
    return Normalized("DATE", f"{ctx.anchor.year:04d}", "END", relative=True)


def _set(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    word = (cand.groups.get("word") or "").lower()
    if word:
        return Normalized("SET", lex.sets[word])
    unit_word = cand.groups.get("unit") or ""
    if unit_word in lex.weekdays:
        return Normalized("SET", f"XXXX-WXX-{lex.weekdays[unit_word]}")
    if unit_word in lex.months:
        return Normalized("SET", f"XXXX-{lex.months[unit_word]:02d}")
    unit = unit_word.lower()
    if unit in lex.parts_of_day:
        return Normalized("SET", f"XXXX-XX-XXT{lex.parts_of_day[unit]}")
    if unit == "weekend":
        return Normalized("SET", "XXXX-WXX-WE")
    count = parse_number(cand.groups.get("num") or "", lex) if cand.groups.get("num") else 1.0
    if count is None:
        return None
    if cand.groups.get("other"):  # ``every other day``: one in two
        count *= 2
    return Normalized("SET", duration_value(count, _unit_key(unit), lex))


def _fuzzy(cand: Candidate, text: str, ctx: Context, lex: Lexicon) -> Normalized | None:
    word = re.sub(r"\s+", " ", (cand.groups["word"] or "").lower())
    if word == "future" and _next_word(ctx.after).lower() in {"tense"}:
        return None
    following = _next_word(ctx.after).lower()
    if word in {"the future", "the past"} and following == "of":
        return None  # ``the future of the alliance``: what becomes of something, not a time
    if word in {"the past", "the last"} and (
        following.isdigit() or following in lex.numbers or following in lex.vague_numbers
    ):
        return None  # ``five of the past six elections``: the last ones of a series
    return Normalized("DATE", lex.fuzzy[word])


HANDLERS: dict[str, Handler] = {
    "date_iso": _full_date,
    "date_slash": _full_date,
    "nine_eleven": _nine_eleven,
    "date_mdy": _full_date,
    "date_dmy": _full_date,
    "month_year": _month_year,
    "month_rel_year": _month_rel_year,
    "month": _month,
    "holiday": _holiday,
    "quarter": _quarter,
    "quarter_ref": _quarter_ref,
    "year_earlier": _year_earlier,
    "period_of": _period_of,
    "year_end": _year_end,
    "decade": _decade,
    "century": _century,
    "year": _year,
    "year_ref": _year_ref,
    "relative": _relative,
    "deictic": _deictic,
    "part_of_day": _part_of_day,
    "weekday": _weekday,
    "weekend": _weekend,
    "time": _time,
    "ago": _ago,
    "later": _later,
    "anaphoric_day": _anaphoric_day,
    "duration": _duration,
    "plural_units": _plural_units,
    "season": _season,
    "set": _set,
    "fuzzy": _fuzzy,
}


def normalize(cand: Candidate, text: str, ctx: Context) -> Normalized | None:
    """The TIMEX3 attributes of ``cand`` in ``text``, or None when it is not temporal."""
    return HANDLERS[cand.rule](cand, text, ctx, load_lexicon())
