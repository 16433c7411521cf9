"""Article pages rendered ahead of time (``sayso.web.page_cache``): served without decoding
records, identical to pages rendered on demand, and never read by other rendering code."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.corpus.dossier import MENTIONS_PER_ARTICLE, entity_parts
from sayso.store import open_store
from sayso.web import page_cache
from sayso.web.app import create_app
from sayso.web.rendering import render_article
from tests.test_web_api import COURIER, HOSTILE, KELLER, count_store_reads, make_client
from tests.test_web_fixtures import build_store

PAGES = (
    f"/articles/{KELLER}",
    f"/articles/{KELLER}?statement=s2",
    f"/articles/{COURIER}",
    f"/articles/{HOSTILE}",
    "/entities/Dana%20Keller",
    "/api/entities/Dana%20Keller",
    f"/api/articles/{KELLER}/statements/s2",
)


def _pages(url: str, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, str], list[str]]:
    """Each of PAGES as a fresh app over ``url`` serves it, and the articles it decoded."""
    app = create_app(url)
    reads = count_store_reads(app, monkeypatch)
    with make_client(app) as client:
        responses = {path: client.get(path) for path in PAGES}
    assert {path: r.status_code for path, r in responses.items()} == dict.fromkeys(PAGES, 200)
    return {path: r.text for path, r in responses.items()}, reads


def test_prerendered_pages_are_served_without_decoding_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = build_store(tmp_path / "web.db")
    on_demand, decoded = _pages(url, monkeypatch)
    with open_store(url) as store:
        assert page_cache.prerender(store) == 3
        assert page_cache.prerender(store) == 0

    prerendered, decoded_after = _pages(url, monkeypatch)

    assert sorted(set(decoded)) == sorted({KELLER, COURIER, HOSTILE})
    assert decoded_after == []
    assert prerendered == on_demand


def test_kept_pages_and_entity_parts_read_back_as_rendered(tmp_path: Path) -> None:
    url = build_store(tmp_path / "web.db")
    with open_store(url) as store:
        page_cache.prerender(store)
        for article_id in (KELLER, COURIER, HOSTILE):
            result = store.get(article_id)
            assert page_cache.kept_page(store, article_id) == render_article(result, stored=True)
            parts = page_cache.kept_entity_parts(store, article_id)
            assert parts == entity_parts(result, MENTIONS_PER_ARTICLE)
            assert parts
        assert page_cache.kept_page(store, "no-such-article") is None


def test_pages_of_other_rendering_code_are_never_read_and_are_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = build_store(tmp_path / "web.db")
    with open_store(url) as store:
        page_cache.prerender(store, limit=2)
        assert page_cache.kept_page(store, KELLER) is not None
        monkeypatch.setattr(page_cache, "renderer_key", lambda: "changed rendering code")

        assert page_cache.kept_page(store, KELLER) is None
        assert page_cache.kept_entity_parts(store, KELLER) is None
        assert page_cache.stored_page(store, KELLER) == render_article(
            store.get(KELLER), stored=True
        )
        assert page_cache.prerender(store) == 3
        with store.reading() as conn:
            keys = conn.execute(page_cache.rendered_pages.select()).all()
        assert {row.renderer for row in keys} == {"changed rendering code"}


def test_renderer_key_follows_the_rendering_code(monkeypatch: pytest.MonkeyPatch) -> None:
    key = page_cache.renderer_key()
    page_cache.renderer_key.cache_clear()
    monkeypatch.setattr(page_cache, "RENDERER_SOURCES", page_cache.RENDERER_SOURCES[:-1])
    try:
        assert page_cache.renderer_key() != key
    finally:
        page_cache.renderer_key.cache_clear()
    assert len(key) == 32


def test_the_warm_up_command_renders_every_article(tmp_path: Path) -> None:
    url = build_store(tmp_path / "web.db")

    from typer.testing import CliRunner

    from sayso.cli.main import app

    result = CliRunner().invoke(app, ["prerender", "--db", url])

    assert result.exit_code == 0, result.output
    assert "rendered 3 pages" in result.stderr
    with open_store(url) as store:
        assert page_cache.kept_page(store, HOSTILE) is not None
