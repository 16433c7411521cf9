"""The wire agency, kept apart from the outlet: bylines, sign-offs, credit lines, datelines."""

from __future__ import annotations

import pytest

from sayso.ingest.agency import agency_in_byline, credit_line_agency, find_agency
from sayso.ingest.article import make_article, make_source
from sayso.ingest.outlets import outlet_for_host, outlet_named, wire_agency
from sayso.records import Metadata

STORY = (
    "Crews worked through the night to clear the road, the regional transport office said.\n\n"
    "The road is expected to reopen on Thursday morning, officials told reporters."
)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Reuters", "Reuters"),
        ("Reuters Staff", "Reuters"),
        ("By The Associated Press", "Associated Press"),
        ("Jane Roe, Associated Press", "Associated Press"),
        ("Jane Roe | AFP", "Agence France-Presse"),
        ("Jane Roe", None),
        ("By Jane Roe and John Doe", None),
        ("Petra Smith", None),
    ],
)
def test_agency_in_byline(byline: str, expected: str | None) -> None:
    assert agency_in_byline(byline) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The Associated Press contributed to this report.", "Associated Press"),
        ("Reuters and AFP contributed to this report.", "Reuters"),
        ("(AFP contributed reporting.)", "Agence France-Presse"),
        ("Additional reporting by Reuters; editing by Jane Roe", "Reuters"),
        ("With inputs from PTI", "Press Trust of India"),
        ("— AP", "Associated Press"),
        ("(Reuters)", "Reuters"),
        ("She told Reuters the road would reopen.", None),
        ("Michael Bloomberg contributed $5 million to the fund.", None),
        ("— Jane Roe", None),
    ],
)
def test_credit_line_agency(line: str, expected: str | None) -> None:
    assert credit_line_agency(line) == expected


def test_sign_off_ending_the_last_paragraph() -> None:
    paragraphs = STORY.split("\n\n")
    paragraphs[-1] += " —AFP"
    assert find_agency(paragraphs, [], None) == ("Agence France-Presse", "sign-off")


def test_credit_line_among_the_removed() -> None:
    found = find_agency(STORY.split("\n\n"), ["AP contributed to this report."], None)
    assert found == ("Associated Press", "credit-line")


def test_reported_speech_to_an_agency_is_not_a_credit() -> None:
    paragraphs = [*STORY.split("\n\n"), "The minister told Reuters on Friday that it was safe."]
    assert find_agency(paragraphs, [], None) is None


def test_make_article_records_the_agency_and_where_it_came_from() -> None:
    text = "KABUL, June 3 (AP) — " + STORY
    article = make_article(text, make_source("story.txt", "text"))
    assert article.metadata.agency == "Associated Press"
    assert article.metadata.field_sources["agency"] == "dateline"
    assert article.metadata.dateline is not None
    assert article.metadata.dateline.place is not None
    assert article.metadata.dateline.place.text == "KABUL"


def test_outlet_credit_in_its_own_dateline_is_no_agency() -> None:
    text = "(CNN) — " + STORY
    meta = Metadata(outlet="CNN")
    article = make_article(text, make_source("story.txt", "text"), metadata=meta)
    assert article.metadata.dateline is not None
    assert article.metadata.agency is None


def test_byline_agency_in_make_article() -> None:
    meta = Metadata(byline="By Reuters", outlet="The Harbour Gazette")
    article = make_article(STORY, make_source("story.txt", "text"), metadata=meta)
    assert article.metadata.agency == "Reuters"
    assert article.metadata.field_sources["agency"] == "byline"


def test_outlet_table_covers_state_media_and_agencies() -> None:
    for host, name in [
        ("www.tasnimnews.com", "Tasnim News Agency"),
        ("en.irna.ir", "Islamic Republic News Agency"),
        ("www.presstv.ir", "Press TV"),
        ("www.rt.com", "RT"),
        ("tass.com", "TASS"),
        ("english.news.cn", "Xinhua News Agency"),
        ("sana.sy", "Syrian Arab News Agency"),
        ("english.almayadeen.net", "Al Mayadeen"),
    ]:
        outlet = outlet_for_host(host)
        assert outlet is not None, host
        assert outlet.name == name
        assert outlet.source.startswith("https://")
    tass = outlet_for_host("tass.com")
    assert tass is not None
    assert tass.wire
    assert tass.state == "state"
    assert outlet_for_host("www.cbc.ca").name == "CBC News"  # type: ignore[union-attr]
    assert outlet_for_host("harbourgazette.example") is None


def test_names_and_short_forms() -> None:
    assert outlet_named("Guardian").name == "The Guardian"  # type: ignore[union-attr]
    assert wire_agency("AP").name == "Associated Press"  # type: ignore[union-attr]
    assert wire_agency("The Guardian") is None
    assert wire_agency("Petra") is None


def test_outlet_table_size_and_sources() -> None:
    from importlib import resources

    rows = [
        line.split("\t")
        for line in (resources.files("sayso.ingest") / "data" / "outlets.tsv")
        .read_text("utf-8")
        .splitlines()
        if line and not line.startswith(("#", "domain\t"))
    ]
    domains = [row[0] for row in rows]
    assert len(domains) >= 300
    assert len(set(domains)) == len(domains)
    assert all(len(row) == 6 and row[1] and row[5].startswith("https://") for row in rows)


def test_dateline_with_a_year_dates_the_story() -> None:
    article = make_article("KABUL, June 3, 2024 (AP) — " + STORY, make_source("s.txt", "text"))
    published = article.metadata.published
    assert published is not None
    assert published.value == "2024-06-03"
    assert published.source == "dateline"
    assert article.metadata.field_sources["published"] == "dateline"
    undated = make_article("KABUL, June 3 (AP) — " + STORY, make_source("s.txt", "text"))
    assert undated.metadata.published is None
