"""Wikidata linking against a local server replaying the fixtures in tests/fixtures/wikidata.

Nothing here reaches the internet: the client is pointed at ``http.server`` on 127.0.0.1.
"""

from __future__ import annotations

import http.server
import json
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from sayso.entities.kb import (
    MIN_MARGIN,
    MIN_SCORE,
    ArticleContext,
    Candidate,
    KnowledgeBaseUnavailableError,
    article_years,
    decide,
    link_entities,
)
from sayso.entities.wikidata import (
    ResponseCache,
    WikidataClient,
    WikidataLinker,
    WikidataStage,
    claim_years,
    item_ids,
    search_names,
    type_match,
)
from sayso.nlp.stage import Analysis
from sayso.records.model import (
    Article,
    Entity,
    EntityType,
    ExternalLink,
    Mention,
    Metadata,
    Published,
    Source,
    Span,
    SurfaceForm,
)

FIXTURES = Path(__file__).parent / "fixtures" / "wikidata"

TEXT = (
    "PORT AMSEL, Veloria — Foreign Minister Marta Kovane said on Tuesday that the Northern "
    "Harbour Authority would reopen the docks of the island nation's capital, which the NHA "
    "closed in March 2014. Jonas Berg, who watched the talks from the quay, said little. "
    "Tomas Reyn declined to comment."
)


@dataclass
class FixtureApi:
    """A Wikibase API stand-in: answers from the fixtures and records what it was asked."""

    searches: dict[str, Any]
    items: dict[str, Any]
    status: int = 200
    error: dict[str, str] | None = None
    fail_after: int | None = None
    """When set, requests after this many are answered HTTP 503."""
    """When set, every request is refused with this API error."""
    requests: list[dict[str, str]] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)

    def answer(self, params: dict[str, str]) -> dict[str, Any]:
        if self.error is not None:
            return {"error": self.error}
        if params.get("action") == "wbsearchentities":
            empty = {"searchinfo": {"search": params["search"]}, "search": [], "success": 1}
            return dict(self.searches.get(params["search"], empty))
        if params.get("action") == "wbgetentities":
            ids = params["ids"].split("|")
            found = {i: self.items.get(i, {"id": i, "missing": ""}) for i in ids}
            return {"entities": found, "success": 1}
        return {"error": {"code": "badvalue", "info": "Unrecognized value for parameter action."}}


def _handler(api: FixtureApi) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            query = urllib.parse.urlsplit(self.path).query
            params = dict(urllib.parse.parse_qsl(query))
            api.requests.append(params)
            api.agents.append(self.headers.get("User-Agent", ""))
            body = json.dumps(api.answer(params)).encode()
            failing = api.fail_after is not None and len(api.requests) > api.fail_after
            self.send_response(503 if failing else api.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            """Keep the test output quiet."""

    return Handler


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[FixtureApi, str]]:
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    fixture = FixtureApi(
        searches=json.loads((FIXTURES / "wbsearchentities.json").read_text("utf-8")),
        items=json.loads((FIXTURES / "wbgetentities.json").read_text("utf-8"))["entities"],
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(fixture))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fixture, f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _entity(
    entity_id: str,
    type_: EntityType,
    name: str,
    forms: tuple[str, ...] = (),
    titles: tuple[str, ...] = (),
) -> Entity:
    mentions = []
    for form in (name, *forms):
        start = TEXT.find(form)
        if start >= 0:
            span = Span.of(TEXT, start, start + len(form))
            mentions.append(Mention(span, type_, "name", "test", entity_id))
    aliases = tuple(SurfaceForm(form, 1) for form in (name, *forms))
    return Entity(entity_id, type_, name, "test", aliases, titles, tuple(mentions))


ENTITIES = (
    _entity("e1", "GPE", "Veloria"),
    _entity("e2", "GPE", "Port Amsel", ("PORT AMSEL",)),
    _entity("e3", "PERSON", "Marta Kovane", ("Kovane",), ("Foreign Minister",)),
    _entity("e4", "ORG", "Northern Harbour Authority", ("NHA",)),
    _entity("e5", "PERSON", "Jonas Berg"),
    _entity("e6", "PERSON", "Tomas Reyn"),
    _entity("e7", "NORP", "Velorian"),
)
YEARS = frozenset({2014})


def _linker(endpoint: str, cache: Path | None = None, *, offline: bool = False) -> WikidataLinker:
    store = ResponseCache(cache) if cache else None
    return WikidataLinker(WikidataClient(endpoint=endpoint, cache=store, offline=offline))


def _links(entities: tuple[Entity, ...]) -> dict[str, str | None]:
    return {e.name: (e.links[0].id if e.links else None) for e in entities}


EXPECTED = {
    "Veloria": "Q99000001",
    "Port Amsel": "Q99000002",
    "Marta Kovane": "Q99000010",
    "Northern Harbour Authority": "Q99000030",
    "Jonas Berg": None,
    "Tomas Reyn": None,
    "Velorian": None,
}


def test_links_clear_winners_and_leaves_the_rest(api: tuple[FixtureApi, str]) -> None:
    _, endpoint = api
    linked, decisions = link_entities(_linker(endpoint), ENTITIES, TEXT, YEARS)
    assert _links(linked) == EXPECTED
    reasons = {d.entity_id: d.reason for d in decisions}
    # Two men named Jonas Berg, neither described by anything in the article.
    assert reasons["e5"] == f"best candidate Q99000012 scores 0.55 < {MIN_SCORE}"
    assert reasons["e6"] == "no candidate of a fitting type and name"
    assert "e7" not in reasons  # nationalities are not linked
    country = next(d for d in decisions if d.entity_id == "e1")
    assert [s.candidate.id for s in country.candidates] == ["Q99000001"]  # not the moth genus
    assert [e.id for e in linked] == [e.id for e in ENTITIES]


def test_a_painter_dead_since_1950_loses_to_the_minister(api: tuple[FixtureApi, str]) -> None:
    _, endpoint = api
    _, decisions = link_entities(_linker(endpoint), ENTITIES, TEXT, YEARS)
    kovane = next(d for d in decisions if d.entity_id == "e3")
    assert kovane.link is not None
    assert kovane.link.kb == "wikidata"
    assert kovane.link.label == "Marta Kovane"
    assert "foreign" in kovane.link.evidence
    assert "minister" in kovane.link.evidence
    assert "Q99000001 linked in the article" in kovane.link.evidence
    painter = next(s for s in kovane.candidates if s.candidate.id == "Q99000011")
    assert "miss the article's years 2014" in painter.evidence
    assert painter.score < kovane.link.score - 0.3


def test_without_dates_the_namesakes_are_closer(api: tuple[FixtureApi, str]) -> None:
    _, endpoint = api
    _, decisions = link_entities(_linker(endpoint), ENTITIES, TEXT)
    kovane = next(d for d in decisions if d.entity_id == "e3")
    scores = {s.candidate.id: s.score for s in kovane.candidates}
    _, dated = link_entities(_linker(endpoint), ENTITIES, TEXT, YEARS)
    dated_scores = {
        s.candidate.id: s.score for d in dated if d.entity_id == "e3" for s in d.candidates
    }
    assert dated_scores["Q99000010"] == scores["Q99000010"]
    assert dated_scores["Q99000011"] < scores["Q99000011"]


def test_organisation_class_accepted_one_subclass_step_down(api: tuple[FixtureApi, str]) -> None:
    _, endpoint = api
    _, decisions = link_entities(_linker(endpoint), ENTITIES, TEXT, YEARS)
    authority = next(d for d in decisions if d.entity_id == "e4")
    assert authority.link is not None
    assert "port authority (Q99000031) ⊂ government agency (Q327333)" in authority.link.evidence
    assert "aliases 1.00" in authority.link.evidence
    # The rock band of the same name is a musical group, not an organisation class sayso lists.
    assert [s.candidate.id for s in authority.candidates] == ["Q99000030"]


def test_city_linked_with_its_country_as_evidence(api: tuple[FixtureApi, str]) -> None:
    _, endpoint = api
    _, decisions = link_entities(_linker(endpoint), ENTITIES, TEXT, YEARS)
    city = next(d for d in decisions if d.entity_id == "e2")
    assert city.link is not None
    assert "place Q99000001 linked in the article" in city.link.evidence
    assert "margin" in city.link.evidence


def test_requests_name_sayso_and_reruns_come_from_the_cache(
    api: tuple[FixtureApi, str], tmp_path: Path
) -> None:
    fixture, endpoint = api
    cache = tmp_path / "wd.sqlite"
    first, _ = link_entities(_linker(endpoint, cache), ENTITIES, TEXT, YEARS)
    asked = len(fixture.requests)
    assert asked > 0
    assert all(agent.startswith("sayso/") for agent in fixture.agents)
    assert {r["action"] for r in fixture.requests} == {"wbsearchentities", "wbgetentities"}
    again, _ = link_entities(_linker(endpoint, cache), ENTITIES, TEXT, YEARS)
    offline, _ = link_entities(_linker(endpoint, cache, offline=True), ENTITIES, TEXT, YEARS)
    assert len(fixture.requests) == asked
    assert again == first
    assert offline == first


def test_cache_keeps_only_the_fields_it_reads(api: tuple[FixtureApi, str], tmp_path: Path) -> None:
    _, endpoint = api
    client = WikidataClient(endpoint=endpoint, cache=ResponseCache(tmp_path / "wd.sqlite"))
    item = client.items(["Q99000001", "Q12345"])
    assert set(item) == {"Q99000001"}  # Q12345 is "missing" in the fixture answer
    assert "P18" not in item["Q99000001"]["claims"]  # the image is not evidence
    assert item_ids(item["Q99000001"], "P31") == ("Q6256", "Q3624078")


def test_offline_without_the_answer_cached_skips_linking(tmp_path: Path) -> None:
    linker = _linker("http://127.0.0.1:9/w/api.php", tmp_path / "empty.sqlite", offline=True)
    with pytest.raises(KnowledgeBaseUnavailableError, match="linking is offline: linking skipped"):
        link_entities(linker, ENTITIES, TEXT, YEARS)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _work() -> Analysis:
    import spacy

    article = Article(
        "a1",
        TEXT,
        Source("test", "text", "2014-03-20T00:00:00Z"),
        Metadata(published=Published("2014-03-20", "text")),
    )
    return Analysis(article=article, doc=spacy.blank("en")(TEXT), entities=ENTITIES)


def test_stage_without_internet_leaves_entities_and_one_line_diagnostic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    endpoint = f"http://127.0.0.1:{_closed_port()}/w/api.php"
    stage = WikidataStage(linker=_linker(endpoint))
    work = _work()
    stage(work)
    assert work.entities == ENTITIES
    (note,) = work.diagnostics
    assert note.severity == "warning"
    assert note.message.startswith(f"could not reach Wikidata at {endpoint} (")
    assert note.message.endswith("): linking skipped")
    assert "\n" not in note.message


def test_after_one_failure_the_run_stops_asking(api: tuple[FixtureApi, str]) -> None:
    fixture, endpoint = api
    fixture.status = 503
    stage = WikidataStage(linker=_linker(endpoint))
    first, second = _work(), _work()
    stage(first)
    stage(second)
    assert len(fixture.requests) == 1
    assert first.diagnostics[0].message == second.diagnostics[0].message
    assert "(HTTP 503): linking skipped" in first.diagnostics[0].message


def test_api_error_is_one_line(api: tuple[FixtureApi, str]) -> None:
    fixture, endpoint = api
    fixture.error = {"code": "maxlag", "info": "Waiting for a replica: 6 seconds lagged."}
    client = WikidataClient(endpoint=endpoint)
    with pytest.raises(KnowledgeBaseUnavailableError) as caught:
        client.search(["Veloria"])
    assert str(caught.value) == (
        f"Wikidata at {endpoint} refused the search for 'Veloria' "
        "(maxlag: Waiting for a replica: 6 seconds lagged.): linking skipped"
    )


def test_stage_links_and_keeps_other_knowledge_bases(api: tuple[FixtureApi, str]) -> None:
    _, endpoint = api
    other = ExternalLink("geonames", "123", "Veloria", 1.0, "test")
    work = _work()
    work.entities = (
        Entity("e1", "GPE", "Veloria", "test", links=(other,), mentions=ENTITIES[0].mentions),
        *ENTITIES[1:],
    )
    stage = WikidataStage(linker=_linker(endpoint))
    assert stage.requires == ("doc", "entities")
    assert stage.assigns == ("entities",)
    stage(work)
    stage(work)  # a second run replaces its own links instead of adding more
    veloria = work.entities[0]
    assert [link.kb for link in veloria.links] == ["geonames", "wikidata"]
    assert _links(work.entities[1:]) == {k: v for k, v in EXPECTED.items() if k != "Veloria"}
    assert work.diagnostics[-1].message.startswith("linked 4 of 6 entities to Wikidata")


def test_stage_is_not_a_default_stage() -> None:
    from sayso.nlp.components import DEFAULT_STAGES

    assert "wikidata" not in DEFAULT_STAGES


def test_a_name_alone_is_not_enough() -> None:
    entity = _entity("e9", "PERSON", "Tomas Reyn")
    only = Candidate("wikidata", "Q1", "Tomas Reyn", "", type_match="human (Q5)", prior=1.0)
    decision = decide(entity, [only], ArticleContext(TEXT))
    assert decision.link is None
    assert decision.reason == f"best candidate Q1 scores 0.55 < {MIN_SCORE}"
    described = Candidate(
        "wikidata", "Q1", "Tomas Reyn", "Velorian harbour official", type_match="human (Q5)"
    )
    assert decide(entity, [described], ArticleContext(TEXT)).link is not None


def test_two_fitting_namesakes_are_no_clear_winner() -> None:
    entity = _entity("e5", "PERSON", "Jonas Berg")
    human = "human (Q5)"
    first = Candidate(
        "wikidata", "Q1", "Jonas Berg", "observer of talks", type_match=human, prior=1
    )
    second = Candidate(
        "wikidata", "Q2", "Jonas Berg", "quay worker who watched", type_match=human, prior=0.5
    )
    decision = decide(entity, [first, second], ArticleContext(TEXT))
    assert decision.link is None
    # Q2: 0.40 name + 0.20 context (quay, watched) + 0.075 prior; Q1: 0.40 + 0.10 (talks) + 0.15.
    assert decision.reason == "no clear winner: Q2 0.68 vs Q1 0.65"
    assert decision.candidates[0].score - decision.candidates[1].score < MIN_MARGIN


def test_candidates_of_another_type_or_name_are_dropped() -> None:
    entity = _entity("e9", "PERSON", "Jonas Berg")
    wrong_type = Candidate("wikidata", "Q1", "Jonas Berg", "ship", type_match=None, prior=1.0)
    wrong_name = Candidate("wikidata", "Q2", "Bergen", "city", type_match="human (Q5)", prior=1.0)
    decision = decide(entity, [wrong_type, wrong_name], ArticleContext(TEXT))
    assert decision.candidates == ()
    assert decision.link is None


def test_claim_years_skip_vague_unknown_and_deprecated_dates() -> None:
    items = json.loads((FIXTURES / "wbgetentities.json").read_text("utf-8"))["entities"]
    assert claim_years(items["Q99000011"], ("P570",)) == [1950]  # deprecated 1949 ignored
    assert claim_years(items["Q99000012"], ("P570",)) == []  # "some value": unknown date
    vague = {
        "claims": {
            "P569": [
                {
                    "mainsnak": {
                        "snaktype": "value",
                        "datavalue": {"value": {"time": "+1900-00-00T00:00:00Z", "precision": 7}},
                    },
                    "rank": "normal",
                }
            ]
        }
    }
    assert claim_years(vague, ("P569",)) == []  # a century is not a year


def test_type_match_by_class_list() -> None:
    human = {"claims": {"P31": [{"mainsnak": _item_snak("Q5"), "rank": "normal"}]}}
    assert type_match("PERSON", human, {}) == "human (Q5)"
    assert type_match("ORG", human, {}) is None
    city = {"claims": {"P31": [{"mainsnak": _item_snak("Q515"), "rank": "normal"}]}}
    assert type_match("LOC", city, {}) == "city (Q515)"  # NER's LOC accepts places too


def _item_snak(qid: str) -> dict[str, Any]:
    return {"snaktype": "value", "datavalue": {"value": {"id": qid}}}


def test_search_names_skip_surnames_but_keep_acronyms() -> None:
    person = _entity("e3", "PERSON", "Marta Kovane", ("Kovane", "Marta A. Kovane"))
    assert search_names(person) == [("Marta Kovane", 1.0), ("Marta A. Kovane", 0.5)]
    org = _entity("e4", "ORG", "Northern Harbour Authority", ("NHA", "Harbour"))
    assert search_names(org) == [("Northern Harbour Authority", 1.0), ("NHA", 0.5)]


def test_article_years_from_publication_and_dates() -> None:
    from sayso.records.model import Timex

    timexes = [
        Timex("t1", Span.of(TEXT, 0, 4), "DATE", "1998-05", "test"),
        Timex("t2", Span.of(TEXT, 0, 4), "DURATION", "P2Y", "test"),
        Timex("t3", Span.of(TEXT, 0, 4), "DATE", "PRESENT_REF", "test"),
    ]
    assert article_years(Published("2014-03-20", "text"), timexes) == {1998, 2014}
    assert article_years(None, []) == frozenset()


def _cli(args: list[str]) -> Any:
    import typer
    from typer.testing import CliRunner

    from sayso.cli.link_kb import link_kb_command

    app = typer.Typer()
    app.command()(link_kb_command)
    return CliRunner().invoke(app, args)


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "docks.txt"
    path.write_text("Veloria reopens its docks\n\n" + TEXT + "\n", encoding="utf-8")
    return path


def _cli_links(output: str) -> dict[str, str | None]:
    (row,) = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    return {e["name"]: (e["links"][0]["id"] if e["links"] else None) for e in row["entities"]}


@pytest.mark.slow
def test_cli_links_with_the_real_pipeline_then_reruns_offline(
    api: tuple[FixtureApi, str], article_file: Path, tmp_path: Path
) -> None:
    fixture, endpoint = api
    cache = str(tmp_path / "wd.sqlite")
    args = [str(article_file), "--wikidata", "--endpoint", endpoint, "--cache", cache]
    first = _cli([*args, "--format", "json"])
    assert first.exit_code == 0, first.output
    links = _cli_links(first.stdout)
    assert links["Marta Kovane"] == "Q99000010"
    assert links["Northern Harbour Authority"] == "Q99000030"
    assert links["Jonas Berg"] is None
    asked = len(fixture.requests)
    offline = _cli([*args, "--offline", "--format", "json", "--explain"])
    assert offline.exit_code == 0, offline.output
    assert _cli_links(offline.stdout) == links
    assert len(fixture.requests) == asked
    table = _cli([*args, "--offline", "--format", "text"])
    assert "Q99000010 Marta" in table.stdout


@pytest.mark.slow
def test_cli_is_off_unless_asked_and_survives_no_internet(
    api: tuple[FixtureApi, str], article_file: Path, tmp_path: Path
) -> None:
    fixture, endpoint = api
    refused = _cli([str(article_file), "--endpoint", endpoint])
    assert refused.exit_code == 2
    assert "pass --wikidata" in refused.output
    assert fixture.requests == []
    dead = f"http://127.0.0.1:{_closed_port()}/w/api.php"
    cache = str(tmp_path / "wd.sqlite")
    result = _cli(
        [str(article_file), "--wikidata", "--endpoint", dead, "--cache", cache, "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert set(_cli_links(result.stdout).values()) == {None}
    (row,) = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {e["decision"] for e in row["entities"]} == {"linking skipped"}
    assert row["diagnostics"][0].endswith("linking skipped")
    assert f"could not reach Wikidata at {dead}" in result.stderr


def test_an_unusable_cache_skips_linking_with_one_line(tmp_path: Path) -> None:
    stage = WikidataStage(linker=_linker("http://127.0.0.1:9/w/api.php", tmp_path))
    work = _work()
    stage(work)  # the cache path is a folder: SQLite cannot open it
    assert work.entities == ENTITIES
    (note,) = work.diagnostics
    assert note.message.startswith(f"cannot use the Wikidata cache {tmp_path} (")
    assert note.message.endswith("): linking skipped")


def test_a_run_cut_off_half_way_resumes_from_the_cache(
    api: tuple[FixtureApi, str], tmp_path: Path
) -> None:
    fixture, endpoint = api
    link_entities(_linker(endpoint, tmp_path / "full.sqlite"), ENTITIES, TEXT, YEARS)
    needed = len(fixture.requests)
    fixture.requests.clear()
    fixture.fail_after = 2
    cache = tmp_path / "cut.sqlite"
    with pytest.raises(KnowledgeBaseUnavailableError, match="HTTP 503"):
        link_entities(_linker(endpoint, cache), ENTITIES, TEXT, YEARS)
    fixture.fail_after = None
    fixture.requests.clear()
    linked, _ = link_entities(_linker(endpoint, cache), ENTITIES, TEXT, YEARS)
    assert len(fixture.requests) == needed - 2
    assert _links(linked) == EXPECTED
