"""Timeline assembly from hand-built events, its exports, and the example article end to end."""

from __future__ import annotations

import pytest

from sayso.events.edtf import axis_span, readable_date
from sayso.records.model import Argument, Event, EventTime, Published, Span, Timex
from sayso.timeline import build_timeline, timeline_to_timelinejs, timeline_to_vis_json

TEXT = (
    "The old leader was killed in 2006. Rebels took the city by 2017. "
    "He died in a US airstrike in Baghdad in January 2020. Talks may resume."
)


def _span(words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Span.of(TEXT, start, start + len(words))


TIMEXES = (
    Timex("t1", _span("2006"), "DATE", "2006", "test"),
    Timex("t2", _span("2017"), "DATE", "2017", "test", mod="ON_OR_BEFORE"),
    Timex("t3", _span("January 2020"), "DATE", "2020-01", "test"),
)


def _event(eid: str, etype: str, trigger: str, time: EventTime | None, *args: Argument) -> Event:
    return Event(eid, etype, _span(trigger), "test", arguments=args, time=time)


EVENTS = (
    _event(
        "v3", "DIED", "died", EventTime("during", "2020-01", "t3"),
        Argument("recipient", _span("He")), Argument("time", _span("January 2020")),
    ),
    _event(
        "v4", "ASSAULT", "airstrike", EventTime("during", "2020-01", "t3"),
        Argument("actor", _span("US")), Argument("place", _span("Baghdad")),
    ),
    _event(
        "v1", "KILLED", "killed", EventTime("during", "2006", "t1"),
        Argument("recipient", _span("old leader")), Argument("time", _span("2006")),
    ),
    _event(
        "v2", "ASSAULT", "took", EventTime("before", "..2017", "t2"),
        Argument("actor", _span("Rebels")),
    ),
    _event("v5", "CONSULT", "Talks", EventTime("inherited", "2021-11")),
)  # fmt: skip
PUBLISHED = Published("2021-11", "estimate", earliest="2021-09", latest="2022-01", estimated=True)


def test_items_are_ordered_and_undated_events_left_out() -> None:
    items = build_timeline(EVENTS, TIMEXES, (), published=PUBLISHED)
    assert [(i.event_id, i.value) for i in items] == [
        ("v1", "2006"),
        ("v2", "..2017"),
        ("v3", "2020-01"),
        (None, "2021-09/2022-01"),
    ]
    assert items[0].label == "old leader killed"


def test_a_publication_date_known_only_from_below_is_open_ended() -> None:
    latest_mentioned = Published("2012", "estimate", earliest="2012", estimated=True)
    items = build_timeline((), TIMEXES, (), published=latest_mentioned)
    assert [(i.type, i.value) for i in items] == [("PUBLISHED", "2012..")]


def test_a_place_that_is_also_the_target_is_named_once() -> None:
    took = _event(
        "v2", "ASSAULT", "took", EventTime("before", "..2017", "t2"),
        Argument("actor", _span("Rebels")), Argument("recipient", _span("city")),
        Argument("place", _span("city")),
    )  # fmt: skip
    items = build_timeline((took,), TIMEXES, (), published=None)
    assert items[0].label == "Rebels took city"


def test_means_event_is_folded_into_the_outer_event() -> None:
    items = build_timeline(EVENTS, TIMEXES, (), published=None, text=TEXT)
    died = next(i for i in items if i.event_id == "v3")
    assert died.label == "He died in US airstrike in Baghdad"
    assert died.evidence is not None
    assert died.evidence.text.startswith("He died")
    assert "v4" not in {i.event_id for i in items}


def test_vis_and_timelinejs_exports() -> None:
    items = build_timeline(EVENTS, TIMEXES, (), published=PUBLISHED)
    vis = timeline_to_vis_json(items)["items"]
    assert vis[0] == {
        "id": "v1",
        "content": "old leader killed",
        "start": "2006-01-01",
        "end": "2007-01-01",
        "type": "range",
        "title": "2006",
    }
    assert (vis[1]["start"], vis[1]["end"], vis[1]["title"]) == (
        "2017-01-01",
        "2018-01-01",
        "by 2017",
    )
    assert vis[-1]["className"] == "published"
    events = timeline_to_timelinejs(items)["events"]
    assert events[2]["start_date"] == {"year": "2020", "month": "1", "day": "1"}
    assert events[2]["end_date"] == {"year": "2020", "month": "1", "day": "31"}
    assert events[2]["display_date"] == "January 2020"
    assert events[-1]["end_date"] == {"year": "2022", "month": "1", "day": "31"}


def test_exports_carry_only_real_dates() -> None:
    """A year and a month are ranges over their days; a date whose year is unknown is left out
    of both exports and counted, never drawn at year 1 or with no start."""
    timexes = (
        *TIMEXES,
        Timex("t4", _span("Talks"), "DATE", "XXXX-06-01", "test"),
        Timex("t5", _span("resume"), "DATE", "2014-06", "test"),
    )
    events = (
        _event("v6", "CONSULT", "Talks", EventTime("on", "XXXX-06-01", "t4")),
        _event("v7", "CONSULT", "resume", EventTime("during", "2014-06", "t5")),
    )
    items = build_timeline(events, timexes, (), published=None)
    assert [i.value for i in items] == ["2014-06", "XXXX-06-01"]
    vis = timeline_to_vis_json(items)
    assert vis["skipped"] == 1
    assert [(v["start"], v["end"], v["type"]) for v in vis["items"]] == [
        ("2014-06-01", "2014-07-01", "range")
    ]
    tljs = timeline_to_timelinejs(items)
    assert tljs["skipped"] == 1
    (june,) = tljs["events"]
    assert (june["start_date"], june["end_date"]) == (
        {"year": "2014", "month": "6", "day": "1"},
        {"year": "2014", "month": "6", "day": "30"},
    )
    assert june["display_date"] == "June 2014"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2014", ("2014-01-01", "2015-01-01", False)),
        ("2014-12", ("2014-12-01", "2015-01-01", False)),
        ("2014-06-03", ("2014-06-03", None, False)),
        ("2017~", ("2017-01-01", "2018-01-01", True)),
        ("..2017", ("2017-01-01", "2018-01-01", False)),
        ("2021-09/2021-12", ("2021-09-01", "2022-01-01", False)),
        ("XXXX-06-01", None),
        ("2014-02-30", None),
        ("sometime", None),
    ],
)
def test_axis_span(value: str, expected: tuple[str, str | None, bool] | None) -> None:
    span = axis_span(value)
    found = (span.start, span.end, span.approximate) if span is not None else None
    assert found == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2014-06-03", "3 June 2014"),
        ("2014-06", "June 2014"),
        ("2017~", "about 2017"),
        ("..2017", "by 2017"),
        ("2017..", "2017 or later"),
        ("2014-22", "summer 2014"),
        ("201X", "the 2010s"),
        ("XXXX-06-01", "1 June, year unknown"),
    ],
)
def test_readable_date(value: str, words: str) -> None:
    assert readable_date(value) == words


@pytest.mark.slow
def test_example_article_timeline() -> None:
    """The user's example article: the dated events in order, the caption event marked, and the
    90,000 / 30,000 inconsistency flagged."""
    from pathlib import Path

    from sayso.events import extract_events
    from sayso.nlp.loader import load_model
    from sayso.numbers import check_consistency, extract_quantities
    from sayso.time import estimate_publication, extract_timexes

    text = (Path(__file__).resolve().parent.parent / "examples" / "article.txt").read_text()
    doc = load_model()(text)
    caption_start = text.index("A member loyal")
    caption = (caption_start, text.index("\n", caption_start))
    timexes = extract_timexes(text, anchor=None, doc=doc)
    published = estimate_publication(text, timexes)
    events = extract_events(
        doc,
        timexes=timexes,
        caption_ranges=[caption],
        anchor=published.value if published else None,
    )
    items = build_timeline(events, timexes, (), published=published, text=text)
    expected = [
        ("2006", "Zarqawi"),
        ("2014-06", "fatwa"),
        ("2014-06-29", "flag"),
        ("2014-08", "offensive"),
        ("..2017", "defeated"),
        ("2020-01", "airstrike"),
    ]
    found = [
        next(i for i, item in enumerate(items) if item.value == v and w in item.label)
        for v, w in expected
    ]
    assert found == sorted(found)
    assert items[found[2]].from_caption
    assert "June" not in items[found[2]].label  # the caption's date is its time, not its place
    assert not items[found[1]].from_caption
    assert "Baghdad" in items[found[5]].label
    assert items[-1].event_id is None
    assert items[-1].value.startswith("2021")
    flags = check_consistency(text, extract_quantities(doc))
    assert [f.kind for f in flags] == ["parts_exceed_total"]
    assert [s.text for s in flags[0].spans] == ["90,000", "90,000", "30,000"]


def test_reported_events_are_attributed_to_the_resolved_speaker() -> None:
    """An event inside ``She said that ...`` is sourced to the person ``She`` stands for, not
    to the pronoun, through the full pipeline."""
    from sayso import analyze_text

    text = (
        "Mayor Lena Ortiz spoke to reporters on Tuesday. She said that the army attacked the "
        "town in March 2019.\n"
    )
    result = analyze_text(text)
    items = build_timeline(
        result.events,
        result.timexes,
        result.statements,
        published=result.article.metadata.published,
        entities=result.entities,
        text=result.article.text,
    )
    attack = next(item for item in items if "attack" in item.label)
    assert attack.value == "2019-03"
    assert attack.attribution == "Lena Ortiz"
