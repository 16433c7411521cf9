"""Timeline assembly from hand-built events, its exports, and the example article end to end."""

from __future__ import annotations

import pytest

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
        "end": "2006-12-31",
        "type": "range",
        "title": "2006",
    }
    assert (vis[1]["start"], vis[1]["type"]) == ("2017-12-31", "point")
    assert vis[-1]["className"] == "published"
    events = timeline_to_timelinejs(items)["events"]
    assert events[2]["start_date"] == {"year": "2020", "month": "1", "day": "1"}
    assert events[2]["display_date"] == "2020-01"
    assert events[-1]["end_date"] == {"year": "2022", "month": "1", "day": "31"}


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
