"""The public API is small, says what each input is, and importing sayso is cheap."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import sayso
from sayso.errors import ConfigError, EmptyInputError, FetchError, InputError
from sayso.records import Article
from tests.conftest import EXAMPLE

BRIDGE = (
    "Officials said on Monday that the harbour bridge would reopen in March.\n\n"
    "“We expect traffic by noon,” the mayor, Ada Lindqvist, told reporters.\n"
)


def test_public_api_is_curated() -> None:
    assert sorted(sayso.__all__) == [
        "Article",
        "ArticleResult",
        "Pipeline",
        "SaysoError",
        "__version__",
        "analyze_file",
        "analyze_files",
        "analyze_html",
        "analyze_text",
        "analyze_texts",
        "analyze_url",
    ]
    for name in sayso.__all__:
        assert getattr(sayso, name) is not None
    assert sayso.Article is Article


def test_the_guessing_analyze_is_gone_with_a_pointer() -> None:
    with pytest.raises(AttributeError, match="analyze_text, analyze_html, analyze_file"):
        sayso.analyze  # noqa: B018


@pytest.fixture(name="no_network")
def no_network_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("this call must not touch the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.slow
@pytest.mark.usefixtures("no_network")
def test_a_text_is_always_text_never_a_path_or_a_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "Obama").write_text("The file's own words, which must not be read.\n")
    monkeypatch.chdir(tmp_path)
    name = sayso.analyze_text("Obama")
    assert name.article.source.location == "<text>"
    assert "must not be read" not in name.article.text
    url = sayso.analyze_text(
        "https://example.org/story said the minister, who declined to comment."
    )
    assert url.article.text.startswith("https://example.org/story")
    assert url.article.source.kind == "text"


@pytest.mark.slow
def test_analyze_text_takes_the_metadata_the_caller_knows() -> None:
    result = sayso.analyze_text(
        BRIDGE, title="Bridge to reopen", outlet="Harbour Times", published=date(2024, 3, 5)
    )
    meta = result.article.metadata
    assert (meta.title, meta.outlet) == ("Bridge to reopen", "Harbour Times")
    assert meta.published is not None
    assert meta.published.value == "2024-03-05"
    assert meta.field_sources["outlet"] == "caller"
    assert any(s.speaker for s in result.statements)
    with pytest.raises(ConfigError, match="not a date"):
        sayso.analyze_text(BRIDGE, published="next Tuesday")
    with pytest.raises(EmptyInputError):
        sayso.analyze_text("  \n ")


@pytest.mark.slow
@pytest.mark.usefixtures("no_network")
def test_files_and_html_are_read_without_the_network(tmp_path: Path) -> None:
    from_file = sayso.analyze_file(EXAMPLE)
    from_text = sayso.analyze_text(EXAMPLE.read_text(encoding="utf-8"))
    assert from_file.article.id == from_text.article.id
    page = f"<html><head><title>Bridge</title></head><body><article><p>{BRIDGE}</p></article>"
    html = sayso.analyze_html(page + "</body></html>", url="https://example.org/bridge")
    assert html.article.metadata.url == "https://example.org/bridge"
    assert "harbour bridge" in html.article.text
    urls = tmp_path / "list.urls"
    urls.write_text("https://example.org/bridge\n")
    with pytest.raises(FetchError):
        sayso.analyze_file(urls)  # a list of URLs is not fetched by analyze_file
    with pytest.raises(InputError):
        sayso.analyze_file(tmp_path / "missing.txt")


@pytest.mark.usefixtures("no_network")
def test_analyze_url_takes_only_http_urls() -> None:
    with pytest.raises(FetchError, match="not an http"):
        sayso.analyze_url(str(EXAMPLE))


@pytest.mark.slow
def test_batches_take_texts_and_articles_in_order() -> None:
    article = sayso.analyze_file(EXAMPLE).article
    third = "The council met on Tuesday and agreed that the harbour would stay open all winter."
    results = list(sayso.analyze_texts([BRIDGE, article, third]))
    assert [r.article.text[:8] for r in results] == ["Official", article.text[:8], "The coun"]
    pipeline = sayso.Pipeline()
    assert [r.article.id for r in pipeline.analyze_articles([BRIDGE])] == [results[0].article.id]
    with pytest.raises(TypeError, match="analyze_text"):
        pipeline.analyze(BRIDGE)  # type: ignore[arg-type]


def test_import_loads_no_model_and_no_spacy() -> None:
    code = (
        "import sys, sayso, sayso.records, sayso.errors\n"
        "heavy = {'spacy', 'thinc', 'trafilatura', 'torch', 'numpy'} & set(sys.modules)\n"
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_analyze_files_reads_every_article_and_goes_on_past_a_bad_input(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        json.dumps({"text": BRIDGE, "outlet": "Valley Courier"})
        + "\n"
        + json.dumps({"text": BRIDGE.replace("March", "April"), "outlet": "Harbour Post"})
        + "\n"
    )
    page = tmp_path / "folder" / "page.html"
    page.parent.mkdir()
    page.write_text(f"<html><body><article><p>{BRIDGE}</p></article></body></html>")
    found = list(sayso.analyze_files([dump, tmp_path / "missing.txt", page.parent]))
    assert [type(item).__name__ for item in found] == [
        "ArticleResult",
        "ArticleResult",
        "InputError",
        "ArticleResult",
    ]
    results = [item for item in found if isinstance(item, sayso.ArticleResult)]
    assert [r.article.metadata.outlet for r in results[:2]] == ["Valley Courier", "Harbour Post"]
    assert "April" in results[1].article.text
    assert all(r.statements for r in results)
    assert "missing.txt" in str(found[2])
