"""The pages in Debian's chromium, driven by Playwright against a live uvicorn server.

Skipped when /usr/bin/chromium is absent (CI installs it with scripts/install-browser).
Screenshots go to tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.test_web_fixtures import (
    XSS_SPEAKER,
    build_store,
    courier_article,
    hostile_article,
    keller_article,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
KELLER = keller_article().article.id
COURIER = courier_article().article.id
HOSTILE = hostile_article().article.id
TIMEOUT_MS = 15_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="no /usr/bin/chromium: run scripts/install-browser to run the browser tests",
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A uvicorn server on 127.0.0.1 in a thread, stopped after the module."""
    import uvicorn

    from sayso.web.app import create_app

    url = build_store(tmp_path_factory.mktemp("browser") / "web.db")
    port = _free_port()
    config = uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


class Watched:
    """A page that records script errors and dialogs, which no page may ever cause."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

        def on_dialog(dialog: object) -> None:
            self.dialogs.append(getattr(dialog, "message", "?"))
            dialog.dismiss()  # type: ignore[attr-defined]

        page.on("dialog", on_dialog)
        page.set_default_timeout(TIMEOUT_MS)

    def pwned(self) -> bool:
        return bool(self.page.evaluate("() => window.__pwned !== undefined"))


@pytest.fixture
def page(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page())
    yield watched
    context.close()
    assert watched.errors == []
    assert watched.dialogs == []


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(
    ("name", "path", "heading"),
    [
        ("overview", "/", "Corpus"),
        ("articles", "/articles", "Articles"),
        ("article", f"/articles/{KELLER}", "Minister defends tariff plan"),
        ("statements", "/statements?q=prices", "Statements"),
        ("entities", "/entities", "Entities"),
        ("entity", "/entities/Dana%20Keller", "Dana Keller"),
        ("timeline", "/timeline", "Timeline"),
        ("network", "/network", "Network"),
        ("analyze", "/analyze", "Analyze an article"),
    ],
)
def test_every_page_opens(page: Watched, base_url: str, name: str, path: str, heading: str) -> None:
    page.page.goto(base_url + path)
    assert heading in page.page.locator("h1").first.inner_text()
    if name == "timeline":
        page.page.wait_for_selector("#timeline.drawn .vis-item")
    if name == "network":
        page.page.wait_for_selector("#network.drawn canvas")
    shot(page.page, name)


def test_clicking_a_statement_shows_its_chain_and_appearances(page: Watched, base_url: str) -> None:
    p = page.page
    p.goto(f"{base_url}/articles/{KELLER}")
    p.click("a[data-statement='s2']")
    panel = p.locator("#statement-detail")
    panel.locator(".chain").wait_for()
    assert panel.locator(".chain li").all_inner_texts()[0].startswith("Harbour Times")
    assert "Critics" in panel.locator(".chain").inner_text()
    assert panel.locator("mark.decider").inner_text() == "without evidence"
    assert "Keller under fire over tariffs" in panel.locator(".appearances").inner_text()
    assert "statement=s2" in p.url
    shot(p, "article-statement")


def test_statement_detail_works_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    p = context.new_page()
    p.goto(f"{base_url}/articles/{KELLER}")
    p.click("a[data-statement='s1']")
    assert "Valley Courier" in p.locator("#statement-detail").inner_text()
    context.close()


def test_search_with_filters(page: Watched, base_url: str) -> None:
    p = page.page
    p.goto(base_url + "/")
    p.fill("#quick-q", "prices")
    p.press("#quick-q", "Enter")
    p.wait_for_url("**/statements?q=prices")
    assert p.locator(".statement-row").count() == 2
    p.fill("#f-speaker", "opponents")
    p.click("form.filters button[type=submit]")
    p.wait_for_url("**speaker=opponents**")
    rows = p.locator(".statement-row")
    assert rows.count() == 1
    assert "Keller under fire" in rows.first.inner_text()


def test_timeline_filters_and_links_to_evidence(page: Watched, base_url: str) -> None:
    p = page.page
    p.goto(base_url + "/timeline")
    p.wait_for_selector("#timeline.drawn")
    assert p.get_attribute("#timeline", "data-count") == "3"
    p.select_option("#t-type", "PROTEST")
    p.click("form.filters button[type=submit]")
    p.wait_for_selector("#timeline.drawn .vis-item")
    assert p.get_attribute("#timeline", "data-count") == "1"
    shot(p, "timeline-filtered")
    p.click("#timeline .vis-item")
    p.wait_for_url(f"**/articles/{COURIER}#event-v1")


def test_open_an_entity_from_an_article(page: Watched, base_url: str) -> None:
    p = page.page
    p.goto(f"{base_url}/articles/{KELLER}")
    p.click("#article-text a[href='/entities/Springfield']")
    p.wait_for_url("**/entities/Springfield")
    assert p.locator("h1").inner_text().startswith("Springfield")
    p.goto(f"{base_url}/entities/Dana%20Keller")
    p.wait_for_selector(".timeline.drawn .vis-item")
    assert p.locator(".aliases").inner_text().count("×") == 2


def test_network_search_selects_a_node(page: Watched, base_url: str) -> None:
    p = page.page
    p.goto(base_url + "/network")
    p.wait_for_selector("#network.drawn")
    p.fill("#network-find", "opponents")
    p.click("#network-find-go")
    assert p.get_attribute("#network", "data-selected") == "speaker:opponents"


def test_keyboard_reaches_the_statements(page: Watched, base_url: str) -> None:
    p = page.page
    p.goto(f"{base_url}/articles/{KELLER}")
    for _ in range(40):
        p.keyboard.press("Tab")
        if p.evaluate("() => document.activeElement.dataset.statement || ''") == "s1":
            break
    else:
        pytest.fail("Tab never reached the first quote")
    p.keyboard.press("Enter")
    p.locator("#statement-detail .chain").wait_for()


def test_phone_layout_has_no_sideways_scroll(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    p = context.new_page()
    for path in ("/", f"/articles/{KELLER}", "/statements?q=prices", f"/articles/{HOSTILE}"):
        p.goto(base_url + path)
        overflow = p.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, path
    p.goto(f"{base_url}/articles/{KELLER}")
    shot(p, "article-phone")
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles",
        f"/articles/{HOSTILE}",
        "/statements",
        "/entities",
        "/entities/" + XSS_SPEAKER.replace(" ", "%20"),
        "/timeline",
        "/network",
    ],
)
def test_hostile_text_never_runs(page: Watched, base_url: str, path: str) -> None:
    p = page.page
    p.goto(base_url + path)
    p.wait_for_load_state("networkidle")
    if path == f"/articles/{HOSTILE}":
        p.click("a[data-statement='s1']")
        p.locator("#statement-detail .chain").wait_for()
        shot(p, "hostile-article")
    if path in ("/timeline", "/network"):
        p.wait_for_selector(".drawn")
        p.mouse.move(640, 450)
    assert not page.pwned()
