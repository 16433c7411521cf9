"""A small hand-made corpus for the export tests, and the store reader they all go through.

Two invented articles (written for these tests) with every record kind: a resolved and an
unresolved speaker, a carrier in a chain, hedged, disputed and own-voice statements, dated
events, a place that names a country, and markup-like text that renderings must escape.
"""

from __future__ import annotations

from pathlib import Path

from sayso.export.corpus import iter_results
from sayso.records import (
    Argument,
    Article,
    ArticleResult,
    AttributionHop,
    Entity,
    Event,
    EventTime,
    Flag,
    Mention,
    Metadata,
    Published,
    Quantity,
    Source,
    Span,
    StanceEvidence,
    Statement,
    SurfaceForm,
    Timex,
)
from sayso.store import Store, open_store

LEDGER_TEXT = (
    "Mayor Lena Ortiz said on Monday that the bridge would reopen in April. "
    "The ministry allegedly told Reuters that 40 workers were hurt on Monday. "
    '"We build safely," said Tom Reyes of Acme Corp in Paris. Ortiz <b>agreed</b>.'
)
COURIER_TEXT = (
    "Acme Corp falsely claimed that the plant was safe. "
    "The plant in Germany opened in 2019. Lena Ortiz visited Acme Corp."
)
LEDGER_URL = "https://ledger.example/bridge"


def find(text: str, needle: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def _mention(text: str, needle: str, label: str, entity_id: str, nth: int = 0) -> Mention:
    return Mention(find(text, needle, nth), label, "name", "test", entity_id)


def _entity(entity_id: str, type_: str, name: str, mentions: tuple[Mention, ...]) -> Entity:
    forms = {}
    for m in mentions:
        forms[m.span.text] = forms.get(m.span.text, 0) + 1
    return Entity(
        id=entity_id,
        type=type_,  # type: ignore[arg-type]
        name=name,
        extractor="test",
        aliases=tuple(SurfaceForm(t, n) for t, n in forms.items()),
        mentions=mentions,
    )


def ledger() -> ArticleResult:
    """A dated article with a URL: three statements, two dated events."""
    t = LEDGER_TEXT
    ortiz = (_mention(t, "Lena Ortiz", "PERSON", "e1"), _mention(t, "Ortiz", "PERSON", "e1", 1))
    reuters = (_mention(t, "Reuters", "ORG", "e2"),)
    reyes = (_mention(t, "Tom Reyes", "PERSON", "e3"),)
    acme = (_mention(t, "Acme Corp", "ORG", "e4"),)
    paris = (_mention(t, "Paris", "GPE", "e5"),)
    entities = (
        _entity("e1", "PERSON", "Lena Ortiz", ortiz),
        _entity("e2", "ORG", "Reuters", reuters),
        _entity("e3", "PERSON", "Tom Reyes", reyes),
        _entity("e4", "ORG", "Acme Corp", acme),
        _entity("e5", "GPE", "Paris", paris),
    )
    outlet = AttributionHop("outlet", "Harbor Ledger")
    statements = (
        Statement(
            id="s1",
            kind="indirect",
            content=(find(t, "the bridge would reopen in April"),),
            extractor="test",
            stance=StanceEvidence("neutral", (find(t, "said"),), "neutral-cue"),
            cue=find(t, "said"),
            speaker=find(t, "Mayor Lena Ortiz"),
            speaker_entity="e1",
            chain=(outlet, AttributionHop("person", "Lena Ortiz", find(t, "Lena Ortiz"), "e1")),
        ),
        Statement(
            id="s2",
            kind="indirect",
            content=(find(t, "40 workers were hurt on Monday"),),
            extractor="test",
            stance=StanceEvidence("hedged", (find(t, "allegedly"),), "hedge-in-cue-sentence"),
            cue=find(t, "told"),
            speaker=find(t, "The ministry"),
            chain=(
                outlet,
                AttributionHop("media", "Reuters", find(t, "Reuters"), "e2"),
                AttributionHop("organisation", "The ministry", find(t, "The ministry")),
            ),
        ),
        Statement(
            id="s3",
            kind="direct",
            content=(find(t, "We build safely,"),),
            extractor="test",
            stance=StanceEvidence("neutral", (find(t, "said", 1),), "neutral-cue"),
            cue=find(t, "said", 1),
            speaker=find(t, "Tom Reyes"),
            speaker_entity="e3",
            chain=(outlet, AttributionHop("person", "Tom Reyes", find(t, "Tom Reyes"), "e3")),
        ),
    )
    timexes = (
        Timex("t1", find(t, "Monday"), "DATE", "2024-03-04", "test", anchor="2024-03-05"),
        Timex("t2", find(t, "April"), "DATE", "2024-04", "test"),
        Timex("t3", find(t, "Monday", 1), "DATE", "2024-03-04", "test"),
    )
    events = (
        Event(
            id="ev1",
            type="REOPEN",
            trigger=find(t, "reopen"),
            extractor="test",
            arguments=(Argument("recipient", find(t, "the bridge")),),
            time=EventTime("on", "2024-04", "t2"),
            modality="future",
            statement_id="s1",
        ),
        Event(
            id="ev2",
            type="ASSAULT",
            trigger=find(t, "hurt"),
            extractor="test",
            arguments=(Argument("recipient", find(t, "40 workers")),),
            time=EventTime("on", "2024-03-04", "t3"),
            statement_id="s2",
            quantities=("q1",),
        ),
        Event(
            id="ev3",
            type="AGREE",
            trigger=find(t, "<b>agreed</b>"),
            extractor="test",
            arguments=(Argument("actor", find(t, "Ortiz", 1), "e1"),),
            time=EventTime("on", "2024-03-04", "t1"),
        ),
    )
    quantities = (Quantity("q1", find(t, "40"), 40.0, "test", counted="workers"),)
    flags = (Flag("same-day", "two statements date Monday", (find(t, "Monday"),), "test", ("t1",)),)
    article = Article(
        id="a" * 64,
        text=t,
        source=Source("ledger.html", "html", "2024-03-06T09:00:00+00:00"),
        metadata=Metadata(
            title="Bridge to <reopen>",
            outlet="Harbor Ledger",
            url=LEDGER_URL,
            language="en",
            byline="Sam Doe",
            published=Published("2024-03-05", "html-meta"),
        ),
    )
    return ArticleResult(
        article=article,
        pipeline={"test": "1"},
        mentions=tuple(m for e in entities for m in e.mentions),
        entities=entities,
        statements=statements,
        timexes=timexes,
        events=events,
        quantities=quantities,
        flags=flags,
    )


def courier() -> ArticleResult:
    """An article without a URL: a disputed claim and the outlet's own voice."""
    t = COURIER_TEXT
    acme = (_mention(t, "Acme Corp", "ORG", "e1"), _mention(t, "Acme Corp", "ORG", "e1", 1))
    ortiz = (_mention(t, "Lena Ortiz", "PERSON", "e2"),)
    germany = (_mention(t, "Germany", "GPE", "e3"),)
    entities = (
        _entity("e1", "ORG", "Acme Corp", acme),
        _entity("e2", "PERSON", "Lena Ortiz", ortiz),
        _entity("e3", "GPE", "Germany", germany),
    )
    outlet = AttributionHop("outlet", "Valley Courier")
    statements = (
        Statement(
            id="s1",
            kind="indirect",
            content=(find(t, "the plant was safe"),),
            extractor="test",
            stance=StanceEvidence("disputed", (find(t, "falsely"),), "dispute-in-cue-sentence"),
            cue=find(t, "claimed"),
            speaker=find(t, "Acme Corp"),
            speaker_entity="e1",
            chain=(outlet, AttributionHop("organisation", "Acme Corp", find(t, "Acme Corp"), "e1")),
        ),
        Statement(
            id="s2",
            kind="own_voice",
            content=(find(t, "The plant in Germany opened in 2019."),),
            extractor="test",
            stance=StanceEvidence("asserted", (), "own-voice"),
            chain=(outlet,),
        ),
    )
    timexes = (Timex("t1", find(t, "2019"), "DATE", "2019", "test"),)
    events = (
        Event(
            id="ev1",
            type="OPEN",
            trigger=find(t, "opened"),
            extractor="test",
            arguments=(Argument("recipient", find(t, "The plant")),),
            time=EventTime("on", "2019", "t1"),
        ),
    )
    article = Article(
        id="b" * 64,
        text=t,
        source=Source("courier.txt", "text", "2024-05-11T10:00:00+00:00"),
        metadata=Metadata(
            title="Plant safety",
            outlet="Valley Courier",
            published=Published("2024-05-10T08:00:00+00:00", "html-meta"),
        ),
    )
    return ArticleResult(
        article=article,
        mentions=tuple(m for e in entities for m in e.mentions),
        entities=entities,
        statements=statements,
        timexes=timexes,
        events=events,
    )


def corpus() -> list[ArticleResult]:
    """The test corpus in ingestion order."""
    return [ledger(), courier()]


def make_store(path: Path) -> Store:
    """A SQLite store at ``path`` holding the test corpus."""
    store = open_store(str(path))
    for result in corpus():
        store.add(result, location=result.article.source.location)
    return store


def test_iter_results_pages_through_every_article_in_order(tmp_path: Path) -> None:
    with make_store(tmp_path / "x.db") as store:
        assert list(iter_results(store, page_size=1)) == corpus()
        assert list(iter_results(store, page_size=2)) == corpus()
        assert list(iter_results(store)) == corpus()


def test_iter_results_of_an_empty_store_is_empty(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "empty.db")) as store:
        assert list(iter_results(store)) == []
