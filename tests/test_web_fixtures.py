"""Hand-made ArticleResults for the web app's tests, and a builder that stores them.

The articles are invented for these tests. Spans are found by searching the text, so every
span holds exactly the text it claims. One article is full of HTML and script payloads in its
title, outlet, speaker and entity names, caption and junk, to prove the pages never run them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sayso.ingest.article import make_article
from sayso.records import (
    Argument,
    ArticleResult,
    AttributionHop,
    Caption,
    Entity,
    Event,
    EventTime,
    Mention,
    Metadata,
    Published,
    Quantity,
    RawSpan,
    Removed,
    Source,
    Span,
    StanceEvidence,
    Statement,
    SurfaceForm,
    Timex,
)
from sayso.records.model import EntityType
from sayso.store import open_store

PAYLOAD = "window.__pwned=1"
XSS_TITLE = f'"><svg onload={PAYLOAD}> Tariff <script>{PAYLOAD}</script>'
XSS_OUTLET = f'<img src=x onerror="{PAYLOAD}">Gazette'
XSS_SPEAKER = f"<img src=x onerror={PAYLOAD}> Mallory"


def find(text: str, part: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``part`` in ``text`` as a Span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), part)


def _source(name: str) -> Source:
    return Source(
        location=f"tests/{name}.txt", kind="text", ingested_at="2024-06-01T00:00:00+00:00"
    )


def _metadata(title: str, outlet: str, published: str, url: str | None = None) -> Metadata:
    return Metadata(
        title=title,
        outlet=outlet,
        url=url,
        published=Published(value=published, source="html-meta"),
        field_sources={"title": "html-title", "outlet": "og:site_name", "published": "html-meta"},
    )


def _entity(
    text: str,
    eid: str,
    etype: EntityType,
    name: str,
    forms: list[tuple[str, int]],
    titles: tuple[str, ...] = (),
) -> Entity:
    """An entity mentioned by the ``nth`` occurrence of each ``(form, nth)`` in ``text``."""
    mentions = tuple(
        Mention(find(text, form, nth), etype, "name", "test", entity_id=eid) for form, nth in forms
    )
    counts: dict[str, int] = {}
    for form, _ in forms:
        counts[form] = counts.get(form, 0) + 1
    return Entity(
        id=eid,
        type=etype,
        name=name,
        extractor="test",
        aliases=tuple(SurfaceForm(f, c) for f, c in counts.items()),
        titles=titles,
        mentions=mentions,
    )


def keller_article() -> ArticleResult:
    """A minister's quote, a disputed claim and a dated meeting."""
    body = (
        "Finance Minister Dana Keller said on Monday that the tariff plan "
        '"will protect local jobs in the valley".\n\n'
        "Critics claimed, without evidence, that the plan would raise prices by 20 percent.\n\n"
        "Keller met union leaders in Springfield on March 4, 2024."
    )
    article = make_article(
        body,
        _source("keller"),
        metadata=_metadata(
            "Minister defends tariff plan", "Harbour Times", "2024-03-05", "https://example.org/1"
        ),
        captions=(Caption("Dana Keller in Springfield.", RawSpan(0, 27), credit="Photo: J. Doe"),),
        removed=(Removed("Subscribe to our newsletter", RawSpan(0, 27), "newsletter"),),
    )
    text = article.text
    keller = _entity(
        text,
        "e1",
        "PERSON",
        "Dana Keller",
        [("Dana Keller", 0), ("Keller", 1), ("Dana Keller", 1)],
        ("Finance Minister",),
    )
    springfield = _entity(
        text, "e2", "GPE", "Springfield", [("Springfield", 0), ("Springfield", 1)]
    )
    quote = find(text, "will protect local jobs in the valley")
    claim = find(text, "the plan would raise prices by 20 percent")
    outlet_hop = AttributionHop("outlet", "Harbour Times")
    statements = (
        Statement(
            id="s1",
            kind="direct",
            content=(quote,),
            extractor="test",
            stance=StanceEvidence("asserted", (), "said-neutral"),
            cue=find(text, "said"),
            speaker=find(text, "Finance Minister Dana Keller"),
            speaker_entity="e1",
            chain=(
                outlet_hop,
                AttributionHop("person", "Dana Keller", find(text, "Dana Keller"), "e1"),
            ),
        ),
        Statement(
            id="s2",
            kind="indirect",
            content=(claim,),
            extractor="test",
            stance=StanceEvidence("disputed", (find(text, "without evidence"),), "no-evidence"),
            cue=find(text, "claimed"),
            speaker=find(text, "Critics"),
            chain=(outlet_hop, AttributionHop("group", "Critics", find(text, "Critics"))),
        ),
    )
    when = find(text, "March 4, 2024")
    events = (
        Event(
            id="v1",
            type="MEET",
            trigger=find(text, "met"),
            extractor="test",
            arguments=(
                Argument("actor", find(text, "Keller", 1), "e1"),
                Argument("place", find(text, "Springfield"), "e2"),
            ),
            time=EventTime("on", "2024-03-04", "t1"),
        ),
    )
    return ArticleResult(
        article=article,
        mentions=keller.mentions + springfield.mentions,
        entities=(keller, springfield),
        statements=statements,
        timexes=(Timex("t1", when, "DATE", "2024-03-04", "test"),),
        events=events,
        quantities=(
            Quantity(
                "q1", find(text, "20 percent"), 20.0, "test", unit="percent", counted="prices"
            ),
        ),
    )


def courier_article() -> ArticleResult:
    """The same quote and the same disputed claim in another outlet, through a news agency."""
    body = (
        'Dana Keller told Reuters the plan "will protect local jobs in the valley".\n\n'
        "Opponents claimed without evidence that the plan would raise prices by 20 percent.\n\n"
        "Hundreds protested against Keller in Riverton in April 2024."
    )
    article = make_article(
        body,
        _source("courier"),
        metadata=_metadata("Keller under fire over tariffs", "Valley Courier", "2024-04-10"),
    )
    text = article.text
    keller = _entity(text, "e1", "PERSON", "Dana Keller", [("Dana Keller", 0), ("Keller", 1)])
    reuters = _entity(text, "e2", "ORG", "Reuters", [("Reuters", 0)])
    riverton = _entity(text, "e3", "GPE", "Riverton", [("Riverton", 0)])
    statements = (
        Statement(
            id="s1",
            kind="direct",
            content=(find(text, "will protect local jobs in the valley"),),
            extractor="test",
            stance=StanceEvidence("neutral", (), "told"),
            cue=find(text, "told"),
            speaker=find(text, "Dana Keller"),
            speaker_entity="e1",
            chain=(
                AttributionHop("outlet", "Valley Courier"),
                AttributionHop("media", "Reuters", find(text, "Reuters"), "e2"),
                AttributionHop("person", "Dana Keller", find(text, "Dana Keller"), "e1"),
            ),
        ),
        Statement(
            id="s2",
            kind="indirect",
            content=(find(text, "the plan would raise prices by 20 percent"),),
            extractor="test",
            stance=StanceEvidence("disputed", (find(text, "without evidence"),), "no-evidence"),
            cue=find(text, "claimed"),
            speaker=find(text, "Opponents"),
        ),
    )
    events = (
        Event(
            id="v1",
            type="PROTEST",
            trigger=find(text, "protested"),
            extractor="test",
            arguments=(
                Argument("recipient", find(text, "Keller", 1), "e1"),
                Argument("place", find(text, "Riverton"), "e3"),
            ),
            time=EventTime("during", "2024-04", "t1"),
        ),
    )
    return ArticleResult(
        article=article,
        mentions=keller.mentions + reuters.mentions + riverton.mentions,
        entities=(keller, reuters, riverton),
        statements=statements,
        timexes=(Timex("t1", find(text, "April 2024"), "DATE", "2024-04", "test"),),
        events=events,
    )


def hostile_article() -> ArticleResult:
    """Markup and script everywhere a page shows text: none of it may ever run."""
    body = (
        f"<script>{PAYLOAD}</script> opened the meeting.\n\n"
        f'{XSS_SPEAKER} said "<img src=x onerror={PAYLOAD}> is fine" and posted '
        f'<a href="javascript:{PAYLOAD}">a link</a>.\n\n'
        f'The crowd in "><svg onload={PAYLOAD}> city cheered on 12 May 2024.'
    )
    article = make_article(
        body,
        _source("hostile"),
        metadata=_metadata(XSS_TITLE, XSS_OUTLET, "2024-05-12", f"javascript:{PAYLOAD}"),
        captions=(Caption(f"<svg onload={PAYLOAD}>", RawSpan(0, 10), credit=XSS_SPEAKER),),
        removed=(Removed(f"<iframe src=javascript:{PAYLOAD}>", RawSpan(0, 10), "ad"),),
    )
    text = article.text
    mallory = _entity(text, "e1", "PERSON", XSS_SPEAKER, [(XSS_SPEAKER, 0)])
    place = f'"><svg onload={PAYLOAD}> city'
    city = _entity(text, "e2", "GPE", place, [(place, 0)])
    statements = (
        Statement(
            id="s1",
            kind="direct",
            content=(find(text, f"<img src=x onerror={PAYLOAD}> is fine"),),
            extractor="test",
            stance=StanceEvidence("hedged", (find(text, "posted"),), f"<b>{PAYLOAD}</b>"),
            cue=find(text, "said"),
            speaker=find(text, XSS_SPEAKER),
            speaker_entity="e1",
            chain=(
                AttributionHop("outlet", XSS_OUTLET),
                AttributionHop("person", XSS_SPEAKER, find(text, XSS_SPEAKER), "e1"),
            ),
        ),
    )
    events = (
        Event(
            id="v1",
            type=f"<img src=x onerror={PAYLOAD}>",
            trigger=find(text, "cheered"),
            extractor="test",
            arguments=(Argument("actor", find(text, f'"><svg onload={PAYLOAD}> city'), "e2"),),
            time=EventTime("on", "2024-05-12", "t1"),
        ),
    )
    return ArticleResult(
        article=article,
        mentions=mallory.mentions + city.mentions,
        entities=(mallory, city),
        statements=statements,
        timexes=(Timex("t1", find(text, "12 May 2024"), "DATE", "2024-05-12", "test"),),
        events=events,
    )


def hand_made_results() -> list[ArticleResult]:
    return [keller_article(), courier_article(), hostile_article()]


def build_store(path: Path, extra: Sequence[ArticleResult] = ()) -> str:
    """A SQLite store at ``path`` holding the hand-made articles (and ``extra``); its URL."""
    url = str(path)
    with open_store(url) as store:
        for n, result in enumerate([*hand_made_results(), *extra]):
            store.add(result, location=result.article.source.location, record=str(n))
        store.record_failure("tests/broken.html", None, f"no article text <b>{PAYLOAD}</b>")
    return url


def test_spans_hold_their_text() -> None:
    for result in hand_made_results():
        text = result.article.text
        spans = [m.span for m in result.mentions]
        spans += [s for st in result.statements for s in st.content]
        spans += [e.trigger for e in result.events] + [t.span for t in result.timexes]
        assert spans
        for span in spans:
            assert text[span.start : span.end] == span.text


def test_build_store_round_trips(tmp_path: Path) -> None:
    url = build_store(tmp_path / "web.db")
    with open_store(url) as store:
        assert store.status().tables["articles"] == 3
        assert store.get(hostile_article().article.id).article.metadata.title == XSS_TITLE
