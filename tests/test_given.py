"""Metadata given from outside the text: other tools' JSON, CSV rows, sidecars, the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.errors import CorruptInputError
from sayso.ingest.given import GivenMetadata
from sayso.ingest.sources import ReadOptions, iter_articles, read_article
from sayso.records import Article

TOOLS = Path(__file__).parent / "fixtures" / "ingest" / "tools"
STORY = (
    "PORT ELLEN — The island ferry service was suspended on Tuesday after a small fire broke "
    "out in the engine room of the morning crossing, the operator said.\n\n"
    "All 112 passengers were brought back to the harbour without injury, the coastguard said.\n"
)


def articles(inputs: list[str], **options: object) -> list[Article]:
    items = list(iter_articles(inputs, ReadOptions(**options)))  # type: ignore[arg-type]
    assert all(isinstance(i, Article) for i in items), items
    return [i for i in items if isinstance(i, Article)]


def test_trafilatura_json_output() -> None:
    (article,) = articles([str(TOOLS / "ferry.trafilatura-2.3.1.json")])
    meta = article.metadata
    assert meta.url == "https://harbourgazette.example/news/2024/05/14/ferry-fire"
    # trafilatura's "source" is the URL, its "source-hostname" the site's name.
    assert meta.outlet == "The Harbour Gazette"
    assert meta.field_sources["outlet"] == "jsonl"
    assert meta.published is not None
    assert meta.published.value == "2024-05-14"
    assert meta.title == "Ferry service suspended after engine fire"
    assert meta.byline == "Jane Roe"
    assert not article.text.startswith("Ferry service suspended")
    assert article.text.startswith("PORT ELLEN — The island ferry service")


def test_news_please_json_output() -> None:
    (article,) = articles([str(TOOLS / "ferry.news-please-1.6.16.json")])
    meta = article.metadata
    assert meta.url == "https://harbourgazette.example/news/2024/05/14/ferry-fire"
    # news-please names the domain only; an unlisted domain is the outlet of last resort.
    assert meta.outlet == "harbourgazette.example"
    assert meta.field_sources["outlet"] == "domain"
    assert meta.published is not None
    assert meta.published.value.startswith("2024-05-14T08:30")
    assert meta.byline == "Jane Roe"
    assert meta.title == "Ferry service suspended after engine fire"
    assert article.text.startswith("PORT ELLEN — The island ferry service")


def test_news_please_domain_named_by_the_table(tmp_path: Path) -> None:
    record = json.loads((TOOLS / "ferry.news-please-1.6.16.json").read_text("utf-8"))
    record["source_domain"] = "www.theguardian.com"
    path = tmp_path / "np.json"
    path.write_text(json.dumps(record), "utf-8")
    (article,) = articles([str(path)])
    assert article.metadata.outlet == "The Guardian"
    assert article.metadata.field_sources["outlet"] == "domain-table"


def test_sidecar_beside_a_text_file(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, "utf-8")
    (tmp_path / "story.meta.json").write_text(
        json.dumps({"outlet": "The Harbour Gazette", "published": "2024-05-14"}), "utf-8"
    )
    (article,) = articles([str(tmp_path)])  # the sidecar is not read as an article
    assert article.metadata.outlet == "The Harbour Gazette"
    assert article.metadata.field_sources["outlet"] == "meta.json"
    assert article.metadata.published is not None
    assert article.metadata.published.value == "2024-05-14"
    assert article.metadata.published.source == "meta.json"


def test_broken_sidecar_is_an_error_for_its_text(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, "utf-8")
    (tmp_path / "story.txt.meta.json").write_text("{not json", "utf-8")
    items = list(iter_articles([str(tmp_path / "story.txt")], ReadOptions()))
    assert len(items) == 1
    assert isinstance(items[0], CorruptInputError)
    assert "story.txt.meta.json" in items[0].location


def test_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "stories.csv"
    rows = [
        "text,url,published,outlet",
        f'"{STORY}",https://www.reuters.com/world/ferry-fire,2024-05-14,',
        '"",https://example.org/empty,2024-05-15,The Harbour Gazette',
    ]
    path.write_text("\n".join(rows) + "\n", "utf-8")
    items = list(iter_articles([str(path)], ReadOptions()))
    assert len(items) == 2
    first, second = items
    assert isinstance(first, Article)
    assert first.metadata.outlet == "Reuters"
    assert first.metadata.field_sources["outlet"] == "domain-table"
    assert first.metadata.field_sources["url"] == "csv"
    assert first.source.record == "1"
    assert isinstance(second, CorruptInputError)
    assert second.location.endswith("stories.csv:2")


def test_options_win_for_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    given = GivenMetadata(
        url="https://www.bbc.co.uk/news/2024/05/14/ferry", outlet=None, published=None
    )
    article = read_article(path, ReadOptions(given=given))
    meta = article.metadata
    assert meta.url == "https://www.bbc.co.uk/news/2024/05/14/ferry"
    assert meta.field_sources["url"] == "argument"
    assert meta.outlet == "BBC News"
    assert meta.field_sources["outlet"] == "domain-table"
    assert meta.published is not None
    assert meta.published.value == "2024-05-14"
    assert meta.field_sources["published"] == "url"


def test_given_outlet_drops_a_dateline_credit_naming_it() -> None:
    text = "(CNN) — " + STORY
    article = read_article(text, ReadOptions(given=GivenMetadata(outlet="CNN")))
    assert article.metadata.outlet == "CNN"
    assert article.metadata.agency is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "last Tuesday"], "is not a date"),
        (["--url", "harbourgazette.example/story"], "is not an http(s) URL"),
    ],
)
def test_cli_rejects_what_it_cannot_read(tmp_path: Path, args: list[str], message: str) -> None:
    from typer.testing import CliRunner

    from sayso.cli.main import app

    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    result = CliRunner().invoke(app, ["analyze", str(path), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_options_reach_the_record(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sayso.cli.main import app

    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    result = CliRunner().invoke(
        app,
        [
            "analyze",
            str(path),
            "--stages",
            "time",
            "--outlet",
            "The Harbour Gazette",
            "--published",
            "2024-05-14",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    meta = json.loads(result.stdout)["article"]["metadata"]
    assert meta["outlet"] == "The Harbour Gazette"
    assert meta["published"]["value"] == "2024-05-14"
    assert meta["field_sources"]["published"] == "argument"


def test_a_caller_s_one_line_text_is_the_article_not_a_headline() -> None:
    from sayso.ingest.given import article_from_text

    article = article_from_text("  The council met on Tuesday.\n")
    assert article.text == "The council met on Tuesday."
    assert article.offset_map.to_raw(0) == 2
