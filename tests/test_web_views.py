"""How an article's text is cut into highlighted pieces for its page."""

from __future__ import annotations

from dataclasses import replace

from sayso.ingest.article import make_article
from sayso.records import (
    ArticleResult,
    AttributionHop,
    Entity,
    Mention,
    Source,
    Span,
    StanceEvidence,
    Statement,
)
from sayso.web.rendering import render_article
from sayso.web.views import article_view

TEXT = "Ana Lopez said the harbour will reopen soon.\n\nNothing else happened."


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start, start + len(part), part)


def _result() -> ArticleResult:
    article = make_article(TEXT, Source("tests/views.txt", "text", "2024-06-01T00:00:00+00:00"))
    ana = Mention(_span("Ana Lopez"), "PERSON", "name", "hand", entity_id="e1")
    harbour = Mention(_span("harbour"), "FAC", "nominal", "hand", entity_id="e2")
    quote = Statement(
        id="s1",
        kind="indirect",
        content=(_span("the harbour will reopen soon"),),
        extractor="hand",
        stance=StanceEvidence("hedged"),
        cue=_span("said"),
        speaker=_span("Ana Lopez"),
        speaker_entity="e1",
    )
    return ArticleResult(
        article=article,
        mentions=(ana, harbour),
        entities=(
            Entity("e1", "PERSON", "Ana <Lopez>", "hand", mentions=(ana,)),
            Entity("e2", "FAC", "The <Harbour>", "hand", mentions=(harbour,)),
        ),
        statements=(quote,),
    )


def test_pieces_carry_every_highlight_over_them_and_the_innermost_link() -> None:
    view = article_view(_result())
    first, second = view.blocks

    assert [(p.text, p.classes, p.statement_id, p.entity_name) for p in first.pieces] == [
        ("Ana Lopez", "ent spk", None, "Ana <Lopez>"),
        (" ", "", None, None),
        ("said", "cue", None, None),
        (" ", "", None, None),
        ("the ", "q st-hedged", "s1", None),
        ("harbour", "ent q st-hedged", "s1", "The <Harbour>"),
        (" will reopen soon", "q st-hedged", "s1", None),
        (".", "", None, None),
    ]
    assert first.pieces[0].title == "PERSON · speaker"
    assert [p.text for p in second.pieces] == ["Nothing else happened."]


def test_written_text_links_quotes_and_entities_and_escapes_names() -> None:
    html = str(render_article(_result(), stored=True).text_html)

    assert (
        '<a class="ent q st-hedged" data-statement="s1" '
        f'href="/articles/{_result().article.id}?statement=s1#statement-detail" '
        'title="FAC · hedged">harbour</a>'
    ) in html
    assert (
        '<a class="ent spk" href="/entities/Ana%20%3CLopez%3E" '
        'title="Ana &lt;Lopez&gt; · PERSON · speaker">Ana Lopez</a>'
    ) in html
    assert "<Lopez>" not in html
    assert "Nothing else happened." in html


def test_an_unsure_speaker_is_shown_with_its_doubt_and_alternatives() -> None:
    result = _result()
    unsure = replace(
        result.statements[0],
        confidence=0.72,
        alternatives=(AttributionHop("person", "Tom Hale", None, None),),
        doubt="'she' is read as Ana Lopez (the speaker named last)",
    )
    html = str(render_article(replace(result, statements=(unsure,)), stored=False).more_html)
    assert "is read as Ana Lopez" in html
    assert "confidence 0.72" in html
    assert "could also be Tom Hale" in html


def test_the_terminal_report_says_what_is_unsure() -> None:
    import io

    from sayso.cli.render import write

    result = _result()
    unsure = replace(result.statements[0], confidence=0.72, doubt="'she' is read as Ana Lopez")
    out = io.StringIO()
    write(replace(result, statements=(unsure,)), "text", out, view="statements")
    assert "unsure: 'she' is read as Ana Lopez" in out.getvalue()
    assert "confidence 0.72" in out.getvalue()


def test_a_relative_pronoun_speaker_is_shown_as_the_phrase_it_stands_for() -> None:
    from sayso.web.views import statement_view

    text = "The agency, which said the harbour will reopen, kept quiet after that."
    article = make_article(text, Source("tests/which.txt", "text", "2024-06-01T00:00:00+00:00"))

    def span(part: str) -> Span:
        return Span(text.index(part), text.index(part) + len(part), part)

    said = Statement(
        id="s1",
        kind="indirect",
        content=(span("the harbour will reopen"),),
        extractor="hand",
        stance=StanceEvidence("neutral"),
        cue=span("said"),
        speaker=span("which"),
        chain=(
            AttributionHop("outlet", "the outlet"),
            AttributionHop("organisation", "The agency", span("The agency")),
        ),
    )
    result = ArticleResult(article=article, statements=(said,))
    assert statement_view(result, said).speaker == "The agency"
    without_chain = replace(said, chain=())
    assert statement_view(result, without_chain).speaker == "which"
