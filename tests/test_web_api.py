"""The web app through FastAPI's TestClient: API answers, pages, errors, limits and tokens."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from sayso.errors import ConfigError
from sayso.web.app import create_app, serve
from sayso.web.queries import phrase_query
from sayso.web.security import CONTENT_SECURITY_POLICY
from tests.test_web_fixtures import (
    PAYLOAD,
    XSS_SPEAKER,
    build_store,
    courier_article,
    hostile_article,
    keller_article,
)

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

TOKEN = "test-token-0123456789abcdef"
KELLER = keller_article().article.id
COURIER = courier_article().article.id
HOSTILE = hostile_article().article.id


def make_client(app: FastAPI, **kwargs: Any) -> TestClient:
    """A TestClient; Starlette warns on import that it prefers httpx2, which is not pinned."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    return TestClient(app, base_url="http://localhost", **kwargs)


def page_form_token(client: TestClient) -> str:
    """The anti-forgery token the Analyze page's form carries, as a browser would send it."""
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', client.get("/analyze").text)
    assert found is not None
    return found.group(1)


def count_store_reads(app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles ``app`` reads from its store from now on, in order."""
    store = app.state.sayso.corpus.store
    reads: list[str] = []
    original = store.get

    def counted(article_id: str) -> Any:
        reads.append(article_id)
        return original(article_id)

    monkeypatch.setattr(store, "get", counted)
    return reads


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(store_url: str) -> Iterator[TestClient]:
    with make_client(create_app(store_url), raise_server_exceptions=False) as c:
        yield c


def assert_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str)
    assert body["error"]["message"]
    assert "Traceback" not in response.text


# -- API answers ----------------------------------------------------------------------------


def test_status_counts_and_overview_lists(client: TestClient) -> None:
    body = client.get("/api/status").json()
    assert body["articles"] == 3
    assert body["tables"]["statements"] == 5
    assert body["fates"]["failed"] == 1
    assert body["recent"][0]["id"] == HOSTILE
    speakers = {s["name"]: s["statements"] for s in body["speakers"]}
    assert speakers["Dana Keller"] == 2
    assert body["disputed"][0]["content"] == "the plan would raise prices by 20 percent"
    assert body["disputed"][0]["disputed"] == 2


def test_article_detail_is_the_full_record(client: TestClient) -> None:
    body = client.get(f"/api/articles/{KELLER}").json()
    assert body["article"]["id"] == KELLER
    assert [s["id"] for s in body["statements"]] == ["s1", "s2"]


def test_article_page_lists_its_numbers(client: TestClient) -> None:
    page = client.get(f"/articles/{KELLER}").text
    assert "Numbers (1)" in page
    assert "<td>20 percent</td><td>prices</td>" in page


def test_statement_detail_has_chain_stance_and_other_appearances(client: TestClient) -> None:
    body = client.get(f"/api/articles/{KELLER}/statements/s2").json()
    view = body["statement"]
    assert [hop["text"] for hop in view["chain"]] == ["Harbour Times", "Critics"]
    assert view["stance"] == "disputed"
    assert view["stance_cues"] == ["without evidence"]
    assert [(r["article_id"], r["statement_id"]) for r in body["appearances"]] == [(COURIER, "s2")]


def test_chain_through_an_agency_keeps_its_order(client: TestClient) -> None:
    view = client.get(f"/api/articles/{COURIER}/statements/s1").json()["statement"]
    assert [(h["role"], h["text"]) for h in view["chain"]] == [
        ("outlet", "Valley Courier"),
        ("media", "Reuters"),
        ("person", "Dana Keller"),
    ]


def test_pagination_follows_next_links_to_the_end(client: TestClient) -> None:
    seen = []
    url: str | None = "/api/statements?limit=2"
    while url:
        page = client.get(url).json()
        assert page["limit"] == 2
        seen += [(r["article_id"], r["statement_id"]) for r in page["items"]]
        url = page["next"]
    assert len(seen) == 5
    assert len(set(seen)) == 5


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=prices", {(KELLER, "s2"), (COURIER, "s2")}),
        ("q=prices&outlet=valley%20courier", {(COURIER, "s2")}),
        ("q=jobs&speaker=keller", {(KELLER, "s1"), (COURIER, "s1")}),
        ("q=jobs&stance=neutral", {(COURIER, "s1")}),
        ("stance=disputed", {(KELLER, "s2"), (COURIER, "s2")}),
        ("kind=direct&until=2024-03-31", {(KELLER, "s1")}),
        ("q=prices&since=2024-04-01", {(COURIER, "s2")}),
    ],
)
def test_statement_search_and_filters(
    client: TestClient, query: str, expected: set[tuple[str, str]]
) -> None:
    items = client.get(f"/api/statements?{query}").json()["items"]
    assert {(r["article_id"], r["statement_id"]) for r in items} == expected


def test_entity_detail_merges_articles(client: TestClient) -> None:
    body = client.get("/api/entities/Dana%20Keller").json()
    assert body["total_articles"] == 2
    assert dict(body["aliases"]) == {"Dana Keller": 3, "Keller": 2}
    assert body["titles"] == ["Finance Minister"]
    assert {s["statement_id"] for s in body["statements"]} == {"s1"}
    assert len(body["statements"]) == 2
    assert {e["type"] for e in body["events"]} == {"MEET", "PROTEST"}
    assert all(a["mentions"] for a in body["articles"])


def test_entities_list_ranks_by_articles(client: TestClient) -> None:
    items = client.get("/api/entities?limit=1").json()["items"]
    assert items == [{"name": "Dana Keller", "type": "PERSON", "articles": 2, "mentions": 5}]


def test_timeline_filters_by_type_and_entity(client: TestClient) -> None:
    everything = client.get("/api/timeline").json()["items"]
    assert len(everything) == 3
    meet = client.get("/api/timeline?type=MEET").json()["items"]
    assert [(i["start"], i["end"]) for i in meet] == [("2024-03-04", None)]
    keller = client.get("/api/timeline?entity=Dana%20Keller").json()["items"]
    assert {i["type"] for i in keller} == {"MEET", "PROTEST"}
    protest = next(i for i in keller if i["type"] == "PROTEST")
    assert (protest["start"], protest["end"]) == ("2024-04-01", "2024-05-01")
    assert protest["href"] == f"/articles/{COURIER}#event-v1"


def test_timeline_lanes_are_actors_or_the_chosen_entities(client: TestClient) -> None:
    by_actor = client.get("/api/timeline").json()
    assert [g["id"] for g in by_actor["groups"]][-1] == "Others"  # the protest names no actor
    meeting = next(i for i in by_actor["items"] if i["type"] == "MEET")
    assert (meeting["group"], meeting["content"]) == (
        "Dana Keller",
        "Dana Keller met in Springfield",
    )
    assert meeting["sources"][0]["label"] == "Harbour Times"
    chosen = client.get("/api/timeline?entity=Dana%20Keller&entity=Riverton").json()
    assert [g["id"] for g in chosen["groups"]] == ["Dana Keller"]
    protest = next(i for i in chosen["items"] if i["type"] == "PROTEST")
    assert protest["content"] == "protested against Dana Keller in Riverton"
    assert chosen["undated"] == []


def test_network_joins_speakers_at_shared_claims(client: TestClient) -> None:
    graph = client.get("/api/network").json()
    claim = "claim:the plan would raise prices by 20 percent"
    speakers = {e["source"] for e in graph["edges"] if e["target"] == claim}
    assert speakers == {"speaker:critics", "speaker:opponents"}
    filtered = client.get("/api/network?speaker=keller").json()
    assert {n["kind"] for n in filtered["nodes"]} == {"speaker", "claim asserted"}
    degrees = {n["id"]: n["degree"] for n in graph["nodes"]}
    assert degrees[claim] == 2
    one_outlet = client.get("/api/network?outlet=Valley%20Courier").json()
    assert "speaker:critics" not in {n["id"] for n in one_outlet["nodes"]}


@pytest.mark.parametrize(
    ("kind", "q"), [("articles", "union"), ("statements", "protect"), ("entities", "Springfield")]
)
def test_search_every_kind(client: TestClient, kind: str, q: str) -> None:
    items = client.get(f"/api/search?q={q}&kind={kind}").json()["items"]
    assert KELLER in {i["article_id"] for i in items}


def test_openapi_and_docs_are_served_locally(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert "/api/statements" in spec["paths"]
    docs = client.get("/api/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "<script>" not in docs
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


# -- errors: one shape everywhere -------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles/a_missing",
        f"/api/articles/{KELLER}/statements/s99",
        "/api/articles/a_missing/statements/s1",
        "/api/entities/Nobody%20Here",
        "/api/no-such-endpoint",
    ],
)
def test_not_found_has_the_error_shape(client: TestClient, path: str) -> None:
    assert_error(client.get(path), 404, "not_found")


@pytest.mark.parametrize(
    "path",
    [
        "/api/statements?limit=0",
        "/api/statements?limit=201",
        "/api/statements?offset=-1",
        "/api/statements?stance=furious",
        "/api/statements?since=yesterday",
        "/api/articles?until=2024-13-01",
        "/api/search",
        "/api/search?q=x&kind=tweets",
        "/api/timeline?limit=0",
        "/api/entities?limit=abc",
    ],
)
def test_invalid_parameters_have_the_error_shape(client: TestClient, path: str) -> None:
    assert_error(client.get(path), 422, "validation_error")


def test_method_not_allowed_has_the_error_shape(client: TestClient) -> None:
    assert_error(client.delete("/api/status"), 405, "method_not_allowed")


def test_unexpected_errors_hide_their_trace(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(store_url)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(app.state.sayso.corpus.store, "top_speakers", broken)
    with make_client(app, raise_server_exceptions=False) as c:
        response = c.get("/api/status")
        assert_error(response, 500, "internal_error")
        assert "secret" not in response.text
        page = c.get("/", headers={"accept": "text/html"})
        assert page.status_code == 500
        assert "secret" not in page.text


def test_pages_answer_errors_as_pages(client: TestClient) -> None:
    response = client.get("/articles/a_missing", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "not_found" in response.text


def test_oversized_bodies_are_refused(store_url: str) -> None:
    app = create_app(store_url, max_upload_bytes=1000)
    with make_client(app) as c:
        response = c.post("/api/analyze", data={"text": "x" * 5000})
        assert_error(response, 413, "too_large")


def test_oversized_streamed_bodies_are_refused(store_url: str) -> None:
    app = create_app(store_url, max_upload_bytes=1000)

    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b"text=" + b"x" * 500

    with make_client(app) as c:
        response = c.post(
            "/api/analyze",
            content=chunks(),
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert_error(response, 413, "too_large")


def test_storing_needs_uploads_allowed(client: TestClient) -> None:
    response = client.post("/api/analyze", data={"text": "Anything at all.", "store": "true"})
    assert_error(response, 403, "forbidden")


def test_empty_submission_is_a_validation_error(client: TestClient) -> None:
    assert_error(client.post("/api/analyze", data={"text": "  "}), 422, "validation_error")


# -- security -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", f"/articles/{HOSTILE}", "/api/status", "/static/css/sayso.css", "/api/nope"]
)
def test_every_answer_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles",
        f"/articles/{HOSTILE}",
        f"/articles/{HOSTILE}?statement=s1",
        "/statements",
        "/entities",
        "/entities/" + XSS_SPEAKER.replace(" ", "%20"),
        "/timeline",
    ],
)
def test_untrusted_text_is_escaped(client: TestClient, path: str) -> None:
    page = client.get(path, headers={"accept": "text/html"})
    assert page.status_code == 200
    html = page.text
    assert "<img src=x" not in html
    assert "<svg onload" not in html
    assert 'href="javascript:' not in html
    scripts = re.findall(r"<script[^>]*>", html)
    assert all(tag.startswith('<script src="/static/') for tag in scripts)


def test_hostile_article_shows_payloads_as_text(client: TestClient) -> None:
    html = client.get(f"/articles/{HOSTILE}").text
    assert f"&lt;script&gt;{PAYLOAD}&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html


@pytest.mark.parametrize(
    "path",
    [
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e%2fapp.py",
        "/static/css/..%2f..%2fapp.py",
        "/static//etc/passwd",
    ],
)
def test_static_files_stay_in_their_folder(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "create_app" not in response.text


def test_only_localhost_is_answered_without_a_token(client: TestClient) -> None:
    assert_error(client.get("/api/status", headers={"host": "evil.example"}), 400, "bad_host")
    assert client.get("/api/status", headers={"host": "127.0.0.1:8000"}).status_code == 200


def test_token_is_required_everywhere(store_url: str) -> None:
    app = create_app(store_url, token=TOKEN)
    with make_client(app) as c:
        assert_error(c.get("/api/status"), 401, "unauthorized")
        assert_error(c.get("/static/css/sayso.css"), 401, "unauthorized")
        bad = c.get("/api/status", headers={"authorization": "Bearer wrong-token-0123456789"})
        assert_error(bad, 401, "unauthorized")
        good = c.get("/api/status", headers={"authorization": f"Bearer {TOKEN}"})
        assert good.status_code == 200
        assert "set-cookie" not in good.headers


def test_token_in_a_link_sets_a_strict_cookie(store_url: str) -> None:
    app = create_app(store_url, token=TOKEN)
    with make_client(app) as c:
        first = c.get(f"/?token={TOKEN}", headers={"host": "10.0.0.5:8000"})
        assert first.status_code == 200
        cookie = first.headers["set-cookie"]
        assert "HttpOnly" in cookie
        assert "SameSite=Strict" in cookie
        assert c.get("/api/status", headers={"host": "10.0.0.5:8000"}).status_code == 200


def test_tokens_must_be_long_and_url_safe(store_url: str) -> None:
    with pytest.raises(ConfigError):
        create_app(store_url, token="short")
    with pytest.raises(ConfigError):
        create_app(store_url, token="has spaces in it, twenty+")


def test_serving_beyond_loopback_needs_a_token(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SAYSO_TOKEN", raising=False)
    with pytest.raises(ConfigError, match="token"):
        serve(store_url, "0.0.0.0", 8000, None, False)


# -- pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "Most-disputed claims"),
        ("/articles", "Minister defends tariff plan"),
        ("/articles?q=union", "Minister defends tariff plan"),
        (f"/articles/{KELLER}", "Subscribe to our newsletter"),
        (f"/articles/{KELLER}?statement=s2", "Valley Courier"),
        ("/statements?q=prices&stance=disputed", "Opponents"),
        ("/entities", "Springfield"),
        ("/entities/Dana%20Keller", "Finance Minister"),
        ("/timeline?type=MEET", "/api/timeline?type=MEET"),
        ("/network?speaker=keller", "/api/network?speaker=keller"),
        ("/analyze", "This server is read-only"),
    ],
)
def test_pages_render(client: TestClient, path: str, expected: str) -> None:
    page = client.get(path, headers={"accept": "text/html"})
    assert page.status_code == 200
    assert expected in page.text


def test_article_page_links_quotes_to_their_detail(client: TestClient) -> None:
    html = client.get(f"/articles/{KELLER}").text
    assert f'href="/articles/{KELLER}?statement=s1#statement-detail"' in html
    assert 'href="/entities/Springfield"' in html
    detail = client.get(f"/articles/{KELLER}?statement=s2").text
    assert "without evidence</mark>" in detail


def test_page_pagination_links(client: TestClient) -> None:
    assert 'rel="next"' not in client.get("/statements").text
    assert 'rel="prev"' in client.get("/statements?offset=50").text


# -- small pure helpers ---------------------------------------------------------------------


def test_phrase_query_keeps_words_only() -> None:
    assert phrase_query('He said: "no" -- OR *') == '"He said no OR"'
    assert phrase_query("— …") is None


# -- the real pipeline ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_url(tmp_path_factory: pytest.TempPathFactory, example_result: Any) -> str:
    return build_store(tmp_path_factory.mktemp("web-example") / "web.db", [example_result])


@pytest.mark.slow
def test_example_article_pages_and_statements(example_url: str, example_result: Any) -> None:
    article_id = example_result.article.id
    with make_client(create_app(example_url), raise_server_exceptions=False) as c:
        page = c.get(f"/articles/{article_id}")
        assert page.status_code == 200
        assert "data-statement=" in page.text
        for statement in example_result.statements:
            detail = c.get(f"/api/articles/{article_id}/statements/{statement.id}")
            assert detail.status_code == 200
            assert detail.json()["statement"]["chain"][0]["role"] == "outlet"
        assert c.get("/api/timeline").status_code == 200
        assert c.get("/network").status_code == 200


@pytest.mark.slow
def test_analyze_without_storing_then_storing(tmp_path: Path) -> None:
    url = build_store(tmp_path / "web.db")
    text = (Path(__file__).parent.parent / "examples" / "article.txt").read_text()
    with make_client(create_app(url)) as c:
        shown = c.post("/analyze", data={"text": text, "csrf_token": page_form_token(c)})
        assert shown.status_code == 200
        assert "not stored in the corpus" in shown.text
        assert c.get("/api/status").json()["articles"] == 3
    with make_client(create_app(url, allow_upload=True)) as c:
        files = {"file": ("article.txt", text.encode(), "text/plain")}
        stored = c.post("/api/analyze", files=files, data={"store": "true"})
        assert stored.status_code == 200
        assert stored.json()["stored"] is True
        assert c.get("/api/status").json()["articles"] == 4
