"""The corpus timeline as vis-timeline and TimelineJS JSON."""

from __future__ import annotations

import io
import json

from sayso.export.timeline_json import timelinejs, vis_timeline, write_timeline
from tests.test_export_fixtures import corpus


def test_vis_timeline_items_are_unique_grouped_by_article_and_dated() -> None:
    data = vis_timeline(corpus())
    ids = [item["id"] for item in data["items"]]
    assert len(ids) == len(set(ids)) == 4
    assert {g["id"] for g in data["groups"]} == {"a" * 64, "b" * 64}
    assert {item["group"] for item in data["items"]} == {"a" * 64, "b" * 64}
    starts = sorted(item["start"] for item in data["items"])
    assert starts[0] == "2019-01-01"
    assert all("published" not in item.get("className", "") for item in data["items"])


def test_article_text_is_escaped_for_html_rendering() -> None:
    data = vis_timeline(corpus())
    assert "Bridge to &lt;reopen&gt;" in {g["content"] for g in data["groups"]}
    contents = " ".join(item["content"] for item in data["items"])
    assert "<b>" not in contents
    assert "&lt;b&gt;agreed&lt;/b&gt;" in contents
    events = timelinejs(corpus())["events"]
    texts = " ".join(e["text"]["headline"] + e["text"]["text"] for e in events)
    assert "<b>" not in texts
    assert "&lt;reopen&gt;" in texts


def test_timelinejs_events() -> None:
    buffer = io.BytesIO()
    assert write_timeline(corpus(), buffer, timelinejs_format=True) == 4
    data = json.loads(buffer.getvalue())
    assert data["title"]["text"]["headline"]
    years = sorted(e["start_date"]["year"] for e in data["events"])
    assert years == ["2019", "2024", "2024", "2024"]
    assert {e.get("group") for e in data["events"]} == {"Harbor Ledger", "Valley Courier"}
