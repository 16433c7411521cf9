"""The pages in Debian's chromium, driven by Playwright against a live uvicorn server.

Skipped when /usr/bin/chromium is absent (CI installs it with scripts/install-browser).
Screenshots go to tests/artifacts/ for a person to look at; with SAYSO_DOC_IMAGES=1 the ones
the README shows are also written to docs/img/.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.chronology_fixtures import ACTORS, busy_results, courier, harbour, keller_results
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
DOC_IMAGES = Path(__file__).parent.parent / "docs" / "img"
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


@contextmanager
def serving(url: str) -> Iterator[str]:
    """A uvicorn server over the store at ``url`` on 127.0.0.1 in a thread, stopped after."""
    import uvicorn

    from sayso.web.app import create_app

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
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The web fixtures' three articles."""
    with serving(build_store(tmp_path_factory.mktemp("browser") / "web.db")) as url:
        yield url


@pytest.fixture(scope="module")
def keller_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The web fixtures and one meeting reported by three outlets."""
    with serving(build_store(tmp_path_factory.mktemp("keller") / "k.db", keller_results())) as url:
        yield url


@pytest.fixture(scope="module")
def busy_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A corpus worth drawing: the web fixtures, one meeting reported by three outlets, and
    fifty events of five actors over two years."""
    extra = [*keller_results(), *busy_results()]
    with serving(build_store(tmp_path_factory.mktemp("busy") / "busy.db", extra)) as url:
        yield url


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


def shot(page: Page, name: str, *, doc: str | None = None) -> None:
    """A screenshot in tests/artifacts/; ``doc``: also the README's docs/img/``doc``.png,
    of the window only, when SAYSO_DOC_IMAGES is set."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    if doc and os.environ.get("SAYSO_DOC_IMAGES"):
        page.screenshot(path=str(DOC_IMAGES / f"{doc}.png"))


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
    shot(page.page, name, doc="web-article" if name == "article" else None)


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


# -- the views an analyst looks at: timeline, entity dossier, network, report ----------------

CLIPPED = """(panel) => Array.from(document.querySelectorAll(panel + ' .vis-item-content'))
  .filter(label => {
    const box = label.getBoundingClientRect();
    const frame = document.querySelector(panel + ' .vis-panel.vis-center').getBoundingClientRect();
    return label.scrollWidth > label.clientWidth + 1 || box.left < frame.left - 1
      || box.right > frame.right + 1 || label.textContent.trim() === '';
  }).map(label => label.textContent)"""
"""Timeline items whose label is cut: by its own box, or by the edge of the drawing."""


def _labels(p: Page, selector: str = "#timeline") -> list[str]:
    return p.locator(f"{selector} .vis-item .vis-item-content").all_inner_texts()


def test_a_dense_timeline_reads_at_a_glance(page: Watched, busy_url: str) -> None:
    """Fifty events over two years: at the first view, one lane per actor, crowded lanes
    counted by year or month, and no label cut; opening a count shows whole sentences."""
    p = page.page
    p.goto(busy_url + "/timeline")
    p.wait_for_selector("#timeline.drawn .vis-item")
    assert p.get_attribute("#timeline", "data-mode") in ("month", "year")
    lanes = p.locator("#timeline .vis-labelset .vis-label").all_inner_texts()
    assert set(ACTORS) <= {lane.strip() for lane in lanes}
    labels = _labels(p)
    counted = [label for label in labels if re.fullmatch(r"\d+ events · .+", label)]
    assert counted, labels
    assert not [label for label in labels if re.match(r"^[A-Z]+: ", label)], "no TYPE: trigger"
    assert p.evaluate(CLIPPED, "#timeline") == []
    shot(p, "timeline-dense", doc="web-timeline")
    cluster = p.locator("#timeline .vis-item.cluster").first
    opened = int(cluster.inner_text().split()[0])
    cluster.click()
    p.wait_for_function(
        "() => document.querySelectorAll('#timeline .vis-item.vis-point:not(.cluster)').length > 5"
    )
    p.wait_for_timeout(500)  # the zoom animates
    clipped = set(p.evaluate(CLIPPED, "#timeline"))
    readable = [label for label in _labels(p) if label not in clipped]
    by_actor = {actor: [s for s in readable if s.startswith(actor + " ")] for actor in ACTORS}
    assert max(len(found) for found in by_actor.values()) >= opened, by_actor
    assert all(re.fullmatch(r"[\w ]+ \w+ the [a-z]+ in \w+|[\w ]+ met union leaders in \w+", s)
               for found in by_actor.values() for s in found)  # fmt: skip
    shot(p, "timeline-opened")


def test_one_event_from_three_outlets_links_to_its_evidence(page: Watched, busy_url: str) -> None:
    p = page.page
    p.goto(busy_url + "/timeline?entity=Dana%20Keller")
    entry = p.locator("#timeline-list li", has_text="4 March 2024").filter(
        has_text="Dana Keller met union leaders in Springfield"
    )
    assert entry.count() == 1
    sources = entry.locator(".sources").inner_text()
    assert "Harbour Times" in sources
    assert "The Gazette" in sources
    assert "according to Reuters" in sources
    undated = p.locator("#undated-list").inner_text()
    assert "Dana Keller resigned" in undated
    assert "dated only by the article's own date" in undated
    assert "year unknown" in undated
    assert (
        "resigned" not in " ".join(_labels(p)) if p.locator("#timeline .vis-item").count() else True
    )
    entry.locator(".sources a", has_text="Valley Courier").click()
    p.wait_for_url(f"**/articles/{courier().article.id}#event-v1")
    target = p.evaluate("() => document.querySelector(':target')?.id")
    assert target == "event-v1"
    trigger = p.evaluate("() => document.querySelector(':target').nextElementSibling.textContent")
    assert trigger == "met"
    shot(p, "evidence")


def test_the_entity_dossier(page: Watched, keller_url: str) -> None:
    p = page.page
    p.goto(keller_url + "/entities/Dana%20Keller")
    p.wait_for_selector(".timeline.drawn .vis-item")
    meeting = p.locator("#chronology li", has_text="4 March 2024")
    assert "Harbour Times" in meeting.locator(".sources").inner_text()
    said = p.locator("#said").inner_text()
    assert "the tariff plan will protect local jobs" in said
    assert "Harbour Times asserted" in said.replace("\n", " ")
    assert "Valley Courier neutral" in said.replace("\n", " ")
    about = p.locator("#said-about").inner_text()
    assert "Critics" in about
    assert "Keller misled parliament" in about
    assert "union leaders" in p.locator("table.numbers").inner_text()
    assert p.evaluate(CLIPPED, ".timeline") == []
    shot(p, "entity-dossier", doc="web-entity")
    p.locator("#said a.quote").first.click()
    p.wait_for_url(f"**/articles/{harbour().article.id}?statement=s1#statement-detail")
    markdown = p.request.get(keller_url + "/entities/Dana%20Keller?format=md").text()
    assert markdown.startswith("# Dana Keller")


def test_network_labels_legend_and_filters(page: Watched, busy_url: str) -> None:
    p = page.page
    p.goto(busy_url + "/network")
    p.wait_for_selector("#network.drawn")
    graph = p.request.get(busy_url + "/api/network").json()
    ranked = sorted(graph["nodes"], key=lambda n: -n["degree"])
    labelled = p.get_attribute("#network", "data-labelled").split("\n")
    assert {n["id"] for n in ranked[:3]} <= set(labelled)
    assert int(p.get_attribute("#network", "data-label-px")) >= 12
    legend = p.locator(".network-legend").inner_text()
    for word in ("speaker", "disputed", "entity named in a claim", "said"):
        assert word in legend
    shown = int(p.get_attribute("#network", "data-shown"))
    p.uncheck(".n-kind[value=claim]")
    assert int(p.get_attribute("#network", "data-shown")) < shown
    shot(p, "network", doc="web-network")
    p.select_option("#n-outlet", "Valley Courier")
    p.click("form.filters button[type=submit]")
    p.wait_for_url("**outlet=Valley+Courier**")
    p.wait_for_selector("#network.drawn")
    only = p.request.get(busy_url + "/api/network?outlet=Valley%20Courier").json()
    assert 0 < len(only["nodes"]) < len(graph["nodes"])
    p.select_option("#n-type", "GPE")
    p.click("form.filters button[type=submit]")
    p.wait_for_url("**type=GPE**")
    gpe = p.request.get(busy_url + "/api/network?outlet=Valley%20Courier&type=GPE").json()
    assert {n["type"] for n in gpe["nodes"] if n["kind"] == "entity"} <= {"GPE"}


def test_the_standalone_report_has_the_pages_legend(browser: Browser, tmp_path: Path) -> None:
    """The HTML report opened from a file: the web page's legend and highlights, no script,
    nothing fetched."""
    from sayso.web.rendering import render_report

    report = tmp_path / "report.html"
    report.write_text(render_report(harbour()), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    requests: list[str] = []
    p.on("request", lambda r: requests.append(r.url))
    p.goto(report.as_uri())
    legend = p.locator(".legend").inner_text()
    for word in ("asserted", "disputed", "speaker", "entity", "event", "time"):
        assert word in legend
    quotes = p.eval_on_selector_all("a.q", "links => links.map(a => a.dataset.statement)")
    assert set(quotes) == {"s1", "s2"}
    assert requests == [report.as_uri()]
    assert p.locator(".anchor#event-v1").count() == 1
    shot(p, "report", doc="web-report")
    context.close()
