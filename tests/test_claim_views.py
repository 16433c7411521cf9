"""Views of claims list quotes and claims; attitudes only when asked for (one rule for all).

The record keeps every statement, attitudes included; the terminal, CSV and JSON views of
``sayso quotes``, the reports of ``sayso analyze``, the web article page and statement lists
and the ClaimReview export read :mod:`sayso.records.kinds`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sayso.cli.main import app
from sayso.export.claimreview import claim_reviews
from sayso.export.markdown import to_markdown
from sayso.ingest.article import make_article
from sayso.records import ArticleResult, Source, Span, StanceEvidence, Statement
from sayso.records.kinds import CLAIM_KINDS, is_claim, listed, listed_kinds
from sayso.store import open_store
from sayso.web.queries import StatementFilters
from sayso.web.rendering import render_report
from sayso.web.views import article_view

runner = CliRunner()

TEXT = (
    "Ana Lopez said the harbour will reopen soon.\n\n"
    "The port authority hopes to win new contracts.\n\n"
    "Nothing else happened."
)


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start, start + len(part), part)


def _statement(id_: str, kind: str, content: str, speaker: str | None = None) -> Statement:
    return Statement(
        id=id_,
        kind=kind,  # type: ignore[arg-type]
        content=(_span(content),),
        extractor="hand",
        stance=StanceEvidence("neutral"),
        speaker=_span(speaker) if speaker else None,
    )


def _result() -> ArticleResult:
    article = make_article(TEXT, Source("tests/claims.txt", "text", "2024-06-01T00:00:00+00:00"))
    return ArticleResult(
        article=article,
        statements=(
            _statement("s1", "indirect", "the harbour will reopen soon", "Ana Lopez"),
            _statement("s2", "attitude", "to win new contracts", "The port authority"),
            _statement("s3", "own_voice", "Nothing else happened."),
        ),
    )


def test_claims_are_quotes_and_reported_claims_and_attitudes_come_on_request() -> None:
    statements = _result().statements
    assert sorted(CLAIM_KINDS) == ["direct", "indirect", "partial"]
    assert [s.id for s in listed(statements)] == ["s1"]
    assert [s.id for s in listed(statements, attitudes=True)] == ["s1", "s2"]
    assert listed_kinds(attitudes=True) == CLAIM_KINDS | {"attitude"}
    assert [is_claim(s) for s in statements] == [True, False, False]


def test_the_article_page_lists_claims_and_folds_attitudes_apart() -> None:
    view = article_view(_result())
    assert [s.id for s in view.statements] == ["s1"]
    assert [s.id for s in view.attitudes] == ["s2"]
    highlighted = {p.statement_id for block in view.blocks for p in block.pieces}
    assert "s1" in highlighted
    assert "s2" not in highlighted  # an attitude is not marked in the text as a claim
    assert article_view(_result(), attitudes=False).attitudes == ()


def test_reports_show_attitudes_only_when_asked() -> None:
    result = _result()
    assert "to win new contracts" not in to_markdown(result)
    assert "to win new contracts" in to_markdown(result, attitudes=True)
    assert "Attitudes (" not in render_report(result)
    assert "Attitudes (1)" in render_report(result, attitudes=True)


def test_claimreview_reviews_claims_only() -> None:
    reviewed = [review["claimReviewed"] for review in claim_reviews(_result())]
    assert reviewed == ["the harbour will reopen soon"]


def test_stored_statement_lists_default_to_claims(tmp_path: Path) -> None:
    path = str(tmp_path / "claims.db")
    with open_store(path) as store:
        store.add(_result(), location="tests/claims.txt")
        default = store.statements(kind=StatementFilters().kinds())
        with_attitudes = store.statements(kind=StatementFilters(attitudes=True).kinds())
        one_kind = store.statements(kind=StatementFilters(kind="own_voice").kinds())
    assert [r.statement_id for r in default] == ["s1"]
    assert [r.statement_id for r in with_attitudes] == ["s1", "s2"]
    assert [r.statement_id for r in one_kind] == ["s3"]


@pytest.mark.slow
def test_quotes_command_lists_claims_and_attitudes_with_the_flag(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "“The bridge will reopen on Monday,” the mayor told reporters.\n\n"
        "The airline hopes to resume flights to the island in March.\n\n"
        "Officials said the repairs cost more than expected.\n",
        encoding="utf-8",
    )
    record = json.loads(runner.invoke(app, ["analyze", str(story), "-f", "json"]).stdout)
    assert "attitude" in {s["kind"] for s in record["statements"]}  # the record keeps them
    plain = runner.invoke(app, ["quotes", str(story), "-f", "csv"])
    assert plain.exit_code == 0, plain.output
    kinds = {row["kind"] for row in csv.DictReader(io.StringIO(plain.stdout))}
    assert kinds == {"direct", "indirect"}
    asked = runner.invoke(app, ["quotes", str(story), "-f", "csv", "--attitudes"])
    rows = list(csv.DictReader(io.StringIO(asked.stdout)))
    assert "attitude" in {row["kind"] for row in rows}
    as_json = json.loads(runner.invoke(app, ["quotes", str(story), "-f", "json"]).stdout)
    assert {s["kind"] for s in as_json["statements"]} == {"direct", "indirect"}
    text = runner.invoke(app, ["quotes", str(story), "-f", "text"]).stdout
    assert "resume flights" not in text
    assert "resume flights" in runner.invoke(app, ["quotes", str(story), "--attitudes"]).stdout
