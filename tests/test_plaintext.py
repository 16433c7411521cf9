# ruff: noqa: E501  (fixture pages hold long lines of prose, as real pages do)
"""read_plain_text: section and title, captions, page junk, and exact offsets."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from importlib import resources
from pathlib import Path

import pytest

from sayso.errors import EmptyInputError, NoArticleError
from sayso.ingest.article import make_source
from sayso.ingest.plaintext import (
    CONTEXT_FEATURE_NAMES,
    FEATURE_NAMES,
    LineModel,
    LogisticStage,
    WordOdds,
    _line_model,
    _low_between,
    context_features,
    junk_category,
    line_features,
    line_model_from_json,
    read_plain_text,
    split_credit,
    split_units,
)
from sayso.records import Article

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "article.txt"

SCRAPED = """Skip to content
Home
World
Business
Sport
Subscribe

Politics

Council votes to close the old harbour bridge

By Maria Costa
The city council voted on Monday to close the old harbour bridge to cars from next spring, ending a decade of argument over the crumbling crossing.
Engineers told councillors that the bridge, built in 1911, could no longer carry heavy traffic safely and that repairs would cost more than a new crossing.
Advertisement
“We cannot keep patching it and hoping for the best,” the council leader said after the vote. “People deserve a bridge they can trust.”
Cyclists and pedestrians will still be allowed to use the bridge while a replacement is designed.
Traffic queues on the old harbour bridge during the morning rush. (Photo: Tom Wood/AP)
Local shop owners said they feared losing trade when the crossing closes, and asked the council to delay the decision until a new bus route is in place.
The council said a public consultation on the new crossing would open in the autumn.
Share this article
Share on Facebook
Related Articles
Sign up for our daily newsletter
© 2024 Harbour Gazette. All rights reserved.
We use cookies to improve your experience on our site.
"""

BODY_FIRST = "The city council voted on Monday"
BODY_LAST = "The council said a public consultation on the new crossing would open in the autumn."


def read(raw: str) -> Article:
    return read_plain_text(raw, make_source("test.txt", "text"))


def body(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]


def assert_offsets_exact(article: Article, raw: str) -> None:
    for paragraph in article.paragraphs:
        start = article.offset_map.to_raw(paragraph.start)
        assert start is not None
        assert raw[start : start + len(paragraph.text)] == paragraph.text
        assert article.text[paragraph.start : paragraph.end] == paragraph.text
    for caption in article.captions:
        assert raw[caption.raw.start : caption.raw.start + len(caption.text)] == caption.text
    for item in article.removed:
        assert raw[item.raw.start : item.raw.end] == item.text


@pytest.fixture(scope="module")
def example() -> tuple[str, Article]:
    raw = EXAMPLE.read_text("utf-8")
    return raw, read_plain_text(raw, make_source(str(EXAMPLE), "text"))


def test_example_section_and_title(example: tuple[str, Article]) -> None:
    _, article = example
    assert article.metadata.section == "Middle East"
    assert (
        article.metadata.title
        == "Iran claims to reveas Qasem Soleimani’s key role in defeat of ISIS"
    )
    assert article.metadata.field_sources["section"] == "text-first-line"
    assert "title" in article.metadata.field_sources
    assert "Iran claims to reveas" not in "\n".join(body(article))


def test_example_caption_has_its_credit(example: tuple[str, Article]) -> None:
    _, article = example
    assert len(article.captions) == 1
    caption = article.captions[0]
    assert caption.credit == "REUTERS/STRINGER"
    assert caption.text.startswith("A member loyal to the Islamic State")
    assert not any("REUTERS" in p for p in body(article))


def test_example_trailing_junk_is_removed_not_body(example: tuple[str, Article]) -> None:
    _, article = example
    junk = [
        "Facebook Comments Box",
        "Related Articles",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Back to top button",
    ]
    removed = {r.text: r.reason for r in article.removed}
    for line in junk:
        assert line in removed
        assert removed[line]
        assert line not in article.text


def test_example_body_paragraphs_intact(example: tuple[str, Article]) -> None:
    raw, article = example
    blocks = [b.strip() for b in raw.split("\n\n") if b.strip()]
    # Every long block but the caption is story text and must come through verbatim.
    expected = [b for b in blocks if len(b.split()) > 30 and "(credit:" not in b]
    assert body(article) == expected
    assert body(article)[-1].endswith("led to the end of ISIS’s dominance.”")
    assert article.text.startswith("When ISIS launched its blitzkrieg")
    assert_offsets_exact(article, raw)


def test_scraped_page_title_section_caption_and_junk() -> None:
    article = read(SCRAPED)
    assert article.metadata.title == "Council votes to close the old harbour bridge"
    assert article.metadata.section == "Politics"
    paragraphs = body(article)
    assert paragraphs[0].startswith(BODY_FIRST)
    assert paragraphs[-1] == BODY_LAST
    assert any(p.startswith("“We cannot keep patching it") for p in paragraphs)
    assert any(p.startswith("Cyclists and pedestrians") for p in paragraphs)
    assert [c.credit for c in article.captions] == ["Tom Wood/AP"]
    assert (
        article.captions[0].text
        == "Traffic queues on the old harbour bridge during the morning rush."
    )
    removed = {r.text for r in article.removed}
    for line in (
        "Skip to content",
        "Subscribe",
        "Advertisement",
        "Share on Facebook",
        "Related Articles",
        "Sign up for our daily newsletter",
        "© 2024 Harbour Gazette. All rights reserved.",
        "We use cookies to improve your experience on our site.",
    ):
        assert line in removed
        assert line not in paragraphs
    assert_offsets_exact(article, SCRAPED)


def test_nothing_is_silently_dropped() -> None:
    article = read(SCRAPED)
    kept = len(article.paragraphs) + len(article.captions) + len(article.removed)
    assert kept == len(split_units(SCRAPED))


def test_clean_article_keeps_every_paragraph() -> None:
    raw = (
        "Rail strike called off after late talks\n\n"
        "A national rail strike planned for Friday has been called off after talks between the "
        "union and train operators ran late into Wednesday night.\n\n"
        "The union said it had won a better offer on pay and hours.\n\n"
        "Operators said services would run normally.\n\n"
        "Passengers had been warned to expect severe disruption, with most routes closed and "
        "replacement buses on only a handful of lines across the country.\n"
    )
    article = read(raw)
    assert article.metadata.title == "Rail strike called off after late talks"
    assert len(article.paragraphs) == 4
    assert "Operators said services would run normally." in body(article)
    assert_offsets_exact(article, raw)


def test_a_lede_ending_in_a_quoted_sentence_is_not_the_title() -> None:
    raw = (
        "Fed's Waller backs December cut, but warns of sticky inflation\n\n"
        "Federal Reserve Governor Christopher Waller said on Monday he supports another rate "
        'cut in December, though he cautioned that inflation remains "uncomfortably high."\n\n'
        '"I am leaning toward supporting a cut," Waller said in remarks prepared for delivery '
        "to an economics conference in Zurich.\n"
    )
    article = read(raw)
    assert (
        article.metadata.title == "Fed's Waller backs December cut, but warns of sticky inflation"
    )
    assert any("Christopher Waller said on Monday" in p for p in body(article))
    assert_offsets_exact(article, raw)


def test_hard_wrapped_paragraphs_are_kept_whole() -> None:
    raw = (
        "Flood defences to be raised along the river after a wet winter\n\n"
        "The environment agency said on Thursday that it would raise the flood walls\n"
        "along a twelve-mile stretch of the river after the wettest winter on record,\n"
        "when water came within inches of the top of the existing defences in town.\n\n"
        "Work is due to start in the summer and will take about two years to finish,\n"
        "with parts of the riverside path closed while the new walls are being built.\n"
    )
    article = read(raw)
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].text.count("\n") == 2
    assert_offsets_exact(article, raw)


def test_text_without_words_raises() -> None:
    with pytest.raises(EmptyInputError):
        read("\n\n   \n")


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Rescue teams search the rubble. (credit: REUTERS/STRINGER)", "REUTERS/STRINGER"),
        ("Soldiers at a checkpoint. Photo: AP", "AP"),
        ("The prime minister arrives. (Reuters)", "Reuters"),
        ("Fans celebrate in the square. Getty Images", "Getty Images"),
        (
            "Fans celebrate in the square. John Smith/AFP via Getty Images",
            "John Smith/AFP via Getty Images",
        ),
        ("The harbour at dawn. Photograph: Ana Ruiz", "Ana Ruiz"),
    ],
)
def test_split_credit_finds_caption_credits(line: str, credit: str) -> None:
    split = split_credit(line)
    assert split is not None
    assert split[1] == credit
    assert line.startswith(split[0])


@pytest.mark.parametrize(
    "line",
    [
        "The talks ended without agreement, officials said.",
        "Integrates with third-party apps and self-paced courses",
        "He spent a decade at the AP bureau in Cairo before moving to London.",
    ],
)
def test_split_credit_ignores_ordinary_lines(line: str) -> None:
    assert split_credit(line) is None


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("Leave a Reply", "comments"),
        ("Your email address will not be published. Required fields are marked *", "comments"),
        ("Related Articles", "related"),
        ("Back to top button", "navigation"),
        ("Share on WhatsApp", "share"),
        ("Advertisement", "advertisement"),
        ("Report This Ad", "advertisement"),
        ("Ad Feedback", "advertisement"),
        ("AdChoices", "advertisement"),
        ("ADVERTISEMENT - SCROLL TO CONTINUE", "advertisement"),
        ("Advertisement - Continue Reading Below", "advertisement"),
        ("Copyright © 2023 The Daily Planet", "copyright"),
        ("Accept all cookies", "cookie"),
    ],
)
def test_junk_lexicon_categories(line: str, category: str) -> None:
    assert junk_category(line) == category


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the plan would be published next week.",
        "Home prices rose again in March",
        "Share prices fell sharply after the announcement.",
        "The minister wrote on Twitter that the talks had failed.",
        "Trump posted on Truth Social that he would win.",
        "Trump rode the will of the crowd as he replied.",
        "Report on ad spending",
    ],
)
def test_junk_lexicon_leaves_prose_alone(line: str) -> None:
    assert junk_category(line) is None


def test_an_ad_slots_report_link_inside_the_story_is_removed() -> None:
    """An ad network's "Report This Ad" between two paragraphs is short and title-cased, as a
    subheading is: the line model kept it (p 0.86); it is ad-slot furniture, set apart with a
    reason."""
    raw = "\n".join([*_HEADER_PROSE[:1], "Report This Ad", *_HEADER_PROSE[1:]]) + "\n"
    article = read(raw)
    assert "Report This Ad" not in body(article)
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Report This Ad"] == "page junk (advertisement)"


COMMENTED_PAGE = """Home
News
Sport
Weather
Harbour authority closes both piers after storm
By Jane Roe
The harbour authority closed both piers on Monday after a night of high winds tore three fishing boats from their moorings, officials said.
Crews worked through the morning to secure the boats, and the authority said the piers would reopen once engineers had inspected them.
“We have never lost three boats in one night,” said Tom Reilly, who has fished from the harbour for thirty years.
The authority said the inspection would take at least a week, and that it would pay for temporary moorings in the meantime.
Correction: An earlier version of this story gave the wrong day for the storm.
Share this article
12 Comments
harbourfan wrote:
March 4, 2024 at 9:15 am
This is what happens when nobody maintains the moorings for ten years, and everybody in town knows it.
Reply
Flag as inappropriate
oldsalt wrote:
March 4, 2024 at 10:02 am
My grandfather lost his boat in the same storm in 1987 and nobody paid him a penny for it afterwards.
Reply
Flag as inappropriate
"""


def test_comment_section_and_correction_are_removed_with_reasons() -> None:
    article = read_plain_text(COMMENTED_PAGE, make_source("piers.txt", "text"))
    body = [p.text for p in article.paragraphs]
    assert body[0].startswith("The harbour authority closed both piers")
    assert any(t.startswith("The authority said the inspection") for t in body)
    assert not any("grandfather" in t or "nobody maintains" in t for t in body)
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["March 4, 2024 at 9:15 am"] == "page junk (comment_meta)"
    assert reasons["harbourfan wrote:"] == "page junk (comment_meta)"
    correction = next(t for t in reasons if t.startswith("Correction:"))
    assert reasons[correction] == "page junk (editorial_note)"
    assert article.metadata.byline == "Jane Roe"


TEASER_PAGE = """Harbour town votes to rebuild its flood wall

The town council of Elmsby voted late on Tuesday to rebuild the sea wall that failed during last winter's storms, after months of argument over who should pay for it.
Engineers had warned in March that the old wall, built of stone in the 1890s, was cracked along most of its length and would not survive another season of high tides.
"We have patched it for thirty years and every winter it costs us more," the council's chair, Ruth Adair, told a packed meeting in the town hall. "This time we build it properly."
The new wall will be made of reinforced concrete faced with the old stone, and is expected to cost about four million pounds, most of it from a regional flood fund.
Some residents asked for the work to wait until after the summer, when the harbour earns most of its money from visitors, but the council said the risk was too great.
Work is due to begin in September and to last eighteen months.
Ferry timetable changes for the winter season
- 14 October 2025
Fishing fleet lands its best catch in a decade
- 12 October 2025
School roof repairs finished ahead of the new term
- 9 October 2025
Lifeboat crew honoured for night rescue off the point
- 2 October 2025
New bakery opens on the harbour front
- 28 September 2025
"""


def test_time_stamps_of_a_teaser_list_are_removed_by_the_line_model() -> None:
    """Headlines with their dates after the story, under no "Related" heading: the story stays
    whole and the time stamps are set apart, each with the line model's reason."""
    article = read_plain_text(TEASER_PAGE, make_source("wall.txt", "text"))
    body = [p.text for p in article.paragraphs]
    assert body[0].startswith("The town council of Elmsby")
    assert any(t.startswith("Work is due to begin") for t in body)
    reasons = {r.text: r.reason for r in article.removed}
    stamps = [line for line in TEASER_PAGE.splitlines() if line.startswith("- ")]
    assert all(reasons[s].startswith("not article text (line model") for s in stamps)


@pytest.mark.xfail(
    strict=True,
    reason="the first teaser headline, right after the story, is kept (p 0.69; the next ones "
    "0.36 to 0.16, under the threshold 0.37): on a page this short the model cannot yet tell a "
    "headline after the story from a subheading",
)
def test_teaser_headlines_after_the_story_are_removed() -> None:
    article = read_plain_text(TEASER_PAGE, make_source("wall.txt", "text"))
    body = [p.text for p in article.paragraphs]
    teasers = [line for line in TEASER_PAGE.splitlines()[-10:] if not line.startswith("- ")]
    assert not any(t in body for t in teasers)


def _feature(rows: list[tuple[float, ...]], name: str) -> list[float]:
    j = FEATURE_NAMES.index(name)
    return [row[j] for row in rows]


def test_words_addressing_the_reader_are_counted_and_were_is_not_we() -> None:
    """Promotions speak to the reader; "were" and "well" are not "we're" and "we'll"."""
    rows = line_features(
        [
            "Sign up today and we will send you our free guide to your garden.",
            "The walls were well built, and they were never repaired after the war.",
        ]
    )
    you, we = _feature(rows, "second_person_share"), _feature(rows, "first_plural_share")
    assert you[0] == pytest.approx(2 / 14)
    assert we[0] == pytest.approx(2 / 14)
    assert you[1] == we[1] == 0.0


def test_a_teaser_cut_short_is_marked() -> None:
    rows = line_features(["Holiday gift guide: ten useful stocking…", "A whole sentence ends."])
    assert _feature(rows, "truncated") == [1.0, 0.0]


def test_a_list_alternating_headline_and_time_stamp_is_seen_as_one() -> None:
    """The teaser list after the story alternates headline and date: its lines have lines of
    their own shape two away; the story's paragraphs do not."""
    texts = [u.text for u in split_units(TEASER_PAGE)]
    period = _feature(line_features(texts), "period2_window5")
    first_teaser = texts.index("Ferry timetable changes for the winter season")
    assert min(period[first_teaser + 1 :]) >= 0.5
    assert max(period[: first_teaser - 3]) == 0.0


def test_the_main_regions_share_of_the_page_is_a_feature_of_every_line() -> None:
    """How much of the page the main text region holds tells a story page from a page of
    lists; stage two sees the same for its own region."""
    texts = [u.text for u in split_units(TEASER_PAGE)]
    rows = line_features(texts)
    shares = set(_feature(rows, "region_words_share"))
    assert len(shares) == 1
    assert 0.5 < shares.pop() < 1.0
    # Stage two's region: the seven units it trusts (title and story), by log word count.
    second = context_features(rows, [0.9] * 7 + [0.1] * (len(rows) - 7))
    j = len(FEATURE_NAMES) + CONTEXT_FEATURE_NAMES.index("p_region_words_share")
    expected = sum(r[0] for r in rows[:7]) / sum(r[0] for r in rows)
    assert all(row[j] == pytest.approx(expected) for row in second)


def _constant_model(probability: float, threshold: float) -> LineModel:
    """A line model that gives every unit ``probability``."""
    bias = math.log(probability / (1 - probability))
    n1, n2 = len(FEATURE_NAMES), len(FEATURE_NAMES) + len(CONTEXT_FEATURE_NAMES)
    first = LogisticStage((0.0,) * n1, bias, (0.0,) * n1, (1.0,) * n1)
    second = LogisticStage((0.0,) * n2, bias, (0.0,) * n2, (1.0,) * n2)
    return LineModel(first, second, threshold, WordOdds({}, {}))


def test_prose_of_the_main_region_is_kept_unless_the_model_is_sure_it_is_not_text() -> None:
    """Below the threshold, the story's prose stays while the model is unsure (the headlines
    after it go); when the model is sure no line is text, none is kept."""
    source = make_source("wall.txt", "text")
    unsure = read_plain_text(TEASER_PAGE, source, model=_constant_model(0.25, 0.34))
    body = [p.text for p in unsure.paragraphs]
    assert body[0].startswith("The town council of Elmsby")
    assert "Ferry timetable changes for the winter season" not in body
    with pytest.raises(NoArticleError):
        read_plain_text(TEASER_PAGE, source, model=_constant_model(0.05, 0.34))


def test_a_line_model_given_is_the_one_used() -> None:
    """The training script scores the models it fits through read_plain_text's ``model``."""
    data = json.loads(
        (resources.files("sayso.ingest") / "data" / "line_model.json").read_text("utf-8")
    )
    keep_all = line_model_from_json({**data, "threshold": 0.0})
    source = make_source("wall.txt", "text")
    shipped = [p.text for p in read_plain_text(TEASER_PAGE, source).paragraphs]
    kept = [p.text for p in read_plain_text(TEASER_PAGE, source, model=keep_all).paragraphs]
    assert "- 14 October 2025" not in shipped
    assert "- 14 October 2025" in kept


@pytest.mark.parametrize(
    ("line", "writer"),
    [
        ("Tom Whitfield, Courts Correspondent", "Tom Whitfield"),
        ("Ana María Ruiz | Senior Political Reporter", "Ana María Ruiz"),
        ("By Jane Roe", "Jane Roe"),
    ],
)
def test_a_byline_with_the_writers_job_is_no_headline(line: str, writer: str) -> None:
    headline = "Court hears ex-minister took bribes for rail contracts"
    prose = (
        "A former transport minister accepted more than £200,000 in bribes in return for "
        "steering rail contracts to a construction firm, a jury heard on Tuesday."
    )
    raw = f"{headline}\n\n{line}\n\n{prose}\n"
    article = read(raw)
    assert article.metadata.title == headline
    assert article.metadata.byline == writer
    assert body(article) == [prose]
    assert_offsets_exact(article, raw)


_HEADER_PROSE = [
    "The number of people waiting for hospital treatment has risen to a record 7.9 million, "
    "official figures show, as the health secretary warned of a hard winter.",
    "The waiting list for routine operations such as hip and knee replacements grew by "
    "110,000 in September, according to data published on Thursday.",
]


@pytest.mark.parametrize(
    ("header", "writer", "day", "dated_by"),
    [
        (
            [
                "By Kaori Tanaka and Daniel Brooks",
                "November 14, 2026 9:41 AM GMT Updated 2 hours ago",
            ],
            "Kaori Tanaka and Daniel Brooks",
            "2026-11-14",
            "text-date-line",
        ),
        (
            ["Denis Campbell Health policy editor", "Thu 12 Nov 2026 12.01 GMT", "Share"],
            "Denis Campbell",
            "2026-11-12",
            "text-date-line",
        ),
        (
            ["By", "Sara Brown", "Apr 21, 2021", "Follow"],
            "Sara Brown",
            "2021-04-21",
            "text-date-line",
        ),
        (
            ["Posted by Peter Bell on August 21, 2019"],
            "Peter Bell",
            "2019-08-21",
            "text-byline-line",
        ),
        (
            [
                "By Vahid Osman - Mar 27, 2024",
                "Reviewed by: Brian Stormont, CFP",
                "Former Deputy Health Editor",
            ],
            "Vahid Osman",
            "2024-03-27",
            "text-byline-line",
        ),
        (["Illustrations: Tim Boelaars", "Updated June 5, 2026"], None, None, None),
    ],
)
def test_the_headline_is_found_over_bylines_dates_and_credits(
    header: list[str], writer: str | None, day: str | None, dated_by: str | None
) -> None:
    """What a page sets between its headline and its story (bylines, date lines, credits,
    jobs, buttons) is passed over; a date line or a dated byline gives the publication day,
    an update alone does not."""
    headline = "Hospital waiting lists rise to record as strikes bite"
    raw = "\n".join([headline, *header, *_HEADER_PROSE]) + "\n"
    article = read(raw)
    assert article.metadata.title == headline
    assert article.metadata.byline == writer
    published = article.metadata.published
    assert (published.value if published else None) == day
    assert article.metadata.field_sources.get("published") == dated_by
    assert published is None or published.source == "text"
    assert body(article) == _HEADER_PROSE
    assert_offsets_exact(article, raw)


def test_a_date_line_above_the_headline_dates_the_story() -> None:
    prose = "\n".join(_HEADER_PROSE)
    raw = f"12 March 2025\nCouncil approves new cycle lanes for city centre\n{prose}\n"
    article = read(raw)
    assert article.metadata.title == "Council approves new cycle lanes for city centre"
    assert article.metadata.published is not None
    assert article.metadata.published.value == "2025-03-12"


def test_a_headline_naming_a_job_is_still_the_headline() -> None:
    headline = "Newspaper names new Political Editor"
    prose = (
        "The Harbour Gazette has appointed a new political editor, who will start in May "
        "after ten years at the paper's city desk."
    )
    article = read(f"{headline}\n\n{prose}\n")
    assert article.metadata.title == headline
    assert article.metadata.byline is None


def test_doubtful_units_between_a_unit_and_the_story_are_counted() -> None:
    """Outside the trusted run, how many doubtful units (and the longest block of them) part a
    unit from it; nothing inside it."""
    first = [0.1, 0.9, 0.9, 0.1, 0.1, 0.9, 0.1]
    count, longest = _low_between(first, 1, 3)
    assert count == [0, 0, 0, 0, 1, 2, 2]
    assert longest == [0, 0, 0, 0, 1, 2, 2]
    count, longest = _low_between([0.1, 0.1, 0.9, 0.1, 0.9], 4, 5)
    assert count == [2, 1, 1, 0, 0]
    assert longest == [1, 1, 1, 0, 0]


def test_word_odds_of_a_line_are_its_known_words_mean_least_and_first() -> None:
    """Words the table lacks, numbers and one-letter words count for nothing."""
    odds = WordOdds({"said": 1.5, "subscribe": -2.0, "now": 0.5}, {"subscribe": -3.0})
    mean, least, first = odds.of_line("Subscribe now: 2 a said nothing")
    assert mean == pytest.approx((-2.0 + 0.5 + 1.5) / 3)
    assert least == -2.0
    assert first == -3.0
    assert odds.of_line("Nothing here is known") == (0.0, 0.0, 0.0)
    assert odds.of_line("2024") == (0.0, 0.0, 0.0)


def test_word_odds_of_the_lines_around_are_a_feature() -> None:
    """A promotion box or an author's bio is a block: each line sees its neighbours' odds."""
    odds = WordOdds({"said": 2.0, "subscribe": -2.0}, {})
    texts = ["He said so.", "He said so.", "Subscribe.", "Subscribe.", "Subscribe."]
    window = _feature(line_features(texts, odds), "word_odds_window2")
    assert window[0] == pytest.approx((2.0 - 2.0) / 2)
    assert window[4] == pytest.approx(-2.0)


def test_the_shipped_word_odds_learnt_calls_to_action_as_junk() -> None:
    """Learnt from the training pages, not listed: a line opening with "Subscribe" or "Sign"
    is page furniture, "said" speaks for a story's text."""
    odds = _line_model().odds
    assert odds.first["subscribe"] < -1.0
    assert odds.first["sign"] < -1.0
    assert odds.words["newsletter"] < -1.0
    assert odds.words["said"] > 1.0


PROMOTED_PAGE = (
    TEASER_PAGE.split("Ferry timetable", maxsplit=1)[0]
    + """Get the best of local news in your inbox
Sign up for our free morning newsletter and never miss a story from the harbour.
Subscribe now
About the author
Jane Roe is a senior reporter who covers the coast, the fishing industry and local politics. She joined the paper in 2015.
"""
)


def test_a_newsletter_box_after_the_story_is_removed_with_reasons() -> None:
    article = read_plain_text(PROMOTED_PAGE, make_source("wall.txt", "text"))
    body = [p.text for p in article.paragraphs]
    assert body[0].startswith("The town council of Elmsby")
    assert body[5] == "Work is due to begin in September and to last eighteen months."
    reasons = {r.text: r.reason for r in article.removed}
    for line in ("Get the best of local news in your inbox", "Subscribe now", "About the author"):
        assert line in reasons
        assert line not in body


def test_an_author_bio_after_the_story_is_removed() -> None:
    """Prose in the main region, but its words are those of a bio: the word odds bring it
    under the region's floor (p 0.14; 0.74 without them)."""
    article = read_plain_text(PROMOTED_PAGE, make_source("wall.txt", "text"))
    assert not any(p.text.startswith("Jane Roe is a senior") for p in article.paragraphs)


_STORY = TEASER_PAGE.split("Ferry timetable", maxsplit=1)[0]


def test_the_writers_box_after_the_story_is_set_apart_even_where_the_model_keeps_it() -> None:
    """The writer's name over a paragraph opening with it, and one more naming her: prose
    right after the story, kept by the line model; no story follows the box."""
    box = [
        "Jane Roe",
        "Jane Roe is a senior reporter at the Gazette who covers the coast, the fishing "
        "industry and local politics.",
        "Before joining the paper in 2015, Roe spent five years at a news agency in London.",
    ]
    raw = _STORY + "\n".join([*box, "Search for:", "Recent Posts"]) + "\n"
    article = read(raw)
    assert body(article)[-1] == "Work is due to begin in September and to last eighteen months."
    reasons = {r.text: r.reason for r in article.removed}
    assert all(reasons[line] == "author box after the story" for line in box)


def test_the_writers_box_with_her_job_under_her_name_is_set_apart() -> None:
    box = [
        "Jane Roe",
        "Contributing Writer",
        "Jane Roe is a freelance writer living on the coast, where she has covered the fishing "
        "industry and local politics for ten years.",
    ]
    article = read(_STORY + "\n".join([*box, "Related content"]) + "\n")
    assert body(article)[-1] == "Work is due to begin in September and to last eighteen months."
    assert not any(p.startswith("Jane Roe") for p in body(article))
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons[box[-1]] == "author box after the story"


def test_a_list_of_people_each_named_over_their_paragraph_stays() -> None:
    people = [
        (
            "Ruth Adair",
            "is the council's chair and has led the campaign for a new wall since 2019.",
        ),
        ("Tom Reilly", "is a fisherman who lost his boat when the old wall failed last winter."),
        ("Mary Finch", "is a guest-house owner on Quay Street whose cellar flooded twice."),
    ]
    lines = [line for name, rest in people for line in (name, f"{name} {rest}")]
    article = read(_STORY + "\n".join(lines) + "\n")
    assert body(article)[-2:] == lines[-2:]


def test_the_training_script_counts_word_odds_in_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A word in the junk of many pages gets negative odds, one in their text positive, one
    seen on too few pages none; a site repeating a word on one page counts once."""
    spec = importlib.util.spec_from_file_location(
        "train_line_model",
        Path(__file__).resolve().parent.parent / "scripts" / "train_line_model.py",
    )
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, script)  # its dataclasses look themselves up
    spec.loader.exec_module(script)
    pages = [
        script._Page(["Subscribe today", "Officials said it was wet."], [0, 1], [1.0, 1.0], "")
        for _ in range(10)
    ]
    pages.append(script._Page(["Rarely " * 50, "x"], [0, 1], [1.0, 1.0], ""))
    table = script._fit_word_odds(pages)
    assert table["first"]["subscribe"] < 0 < table["first"]["officials"]
    assert table["words"]["said"] > 0 > table["words"]["today"]
    assert "rarely" not in table["words"]


def test_a_subheading_has_trusted_words_on_both_sides_and_a_teaser_below_the_story_not() -> None:
    """Stage two counts the words of the prose units stage one trusts before and after each
    unit; the title, trusted too, is no prose and does not count."""
    texts = [u.text for u in split_units(TEASER_PAGE)]
    rows = line_features(texts)
    first = [0.9] * 7 + [0.1] * (len(rows) - 7)
    second = context_features(rows, first)
    before = len(FEATURE_NAMES) + CONTEXT_FEATURE_NAMES.index("log_trusted_words_before")
    after = len(FEATURE_NAMES) + CONTEXT_FEATURE_NAMES.index("log_trusted_words_after")
    story_words = sum(math.expm1(row[0]) for row in rows[1:7])
    assert second[0][before] == 0.0
    assert second[3][before] > 0.0
    assert second[3][after] > 0.0
    assert second[7][after] == 0.0
    assert math.expm1(second[7][before]) == pytest.approx(story_words)
    assert second[1][before] == 0.0  # the title before it is trusted, but no prose


def test_questions_and_title_case_links_are_marked() -> None:
    """FAQ blocks ask; link titles of teaser lists and menus are in title case, a story's
    sentences and most headlines in sentence case."""
    texts = [
        "What Kind of Earbuds Should I Buy?",
        "Best Overall Hiking Boots of the Year",
        "Mayor says the river towns will not be abandoned",
        'He asked: "Who pays?"',
        "Top 10",
    ]
    rows = line_features(texts)
    assert _feature(rows, "question") == [1.0, 0.0, 0.0, 1.0, 0.0]
    assert _feature(rows, "title_case") == [1.0, 1.0, 0.0, 0.0, 0.0]
    assert _feature(rows, "title_case_run")[:3] == [math.log1p(2)] * 2 + [0.0]


def test_the_standfirst_under_the_headline_is_not_the_title() -> None:
    headline = "Hospital waiting lists in England rise to record 7.9m as strikes bite"
    standfirst = (
        "Health secretary says NHS faces 'toughest winter in its history' as figures show sharp "
        "rise in people waiting more than a year"
    )
    raw = "\n".join([headline, standfirst, "Denis Campbell Health policy editor", *_HEADER_PROSE])
    article = read(raw + "\n")
    assert article.metadata.title == headline
    assert article.metadata.byline == "Denis Campbell"
    assert body(article) == _HEADER_PROSE


def test_the_standfirst_is_set_apart_even_where_the_line_model_keeps_it() -> None:
    """The outlet's summary under the headline tells the story's claims again: the line model
    kept it as the story's first paragraph (p 0.84); it is set apart with a reason."""
    headline = "Hospital waiting lists in England rise to record 7.9m as strikes bite"
    standfirst = (
        "Health secretary says the NHS faces the toughest winter in its history as new figures "
        "show a sharp rise"
    )
    article = read("\n".join([headline, standfirst, "By Denis Campbell", *_HEADER_PROSE]) + "\n")
    assert body(article) == _HEADER_PROSE
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons[standfirst] == "standfirst under the headline"


def test_a_lede_asking_a_question_under_the_headline_is_no_standfirst() -> None:
    headline = "Hospital waiting lists in England rise to record 7.9m as strikes bite"
    question = (
        "Why are more people waiting for hip and knee operations in England than at any time "
        "since the records began?"
    )
    article = read("\n".join([headline, question, *_HEADER_PROSE]) + "\n")
    assert article.metadata.title == headline
    assert body(article)[0] == question


def test_a_long_headline_over_a_byline_stays_the_headline() -> None:
    headline = (
        "Japan's ruling party picks former defence chief as leader after a bruising contest that "
        "exposed deep divisions"
    )
    raw = "\n".join(["Written by Jane Roe", headline, *_HEADER_PROSE])
    assert read(raw + "\n").metadata.title == headline


def _keep_every_line() -> LineModel:
    data = json.loads(
        (resources.files("sayso.ingest") / "data" / "line_model.json").read_text("utf-8")
    )
    return line_model_from_json({**data, "threshold": 0.0})


def test_a_lone_by_over_the_name_goes_with_the_byline_even_where_the_model_keeps_it() -> None:
    headline = "Hospital waiting lists rise to record as strikes bite"
    raw = "\n".join([headline, "By", "Sara Brown", *_HEADER_PROSE]) + "\n"
    article = read_plain_text(raw, make_source("test.txt", "text"), model=_keep_every_line())
    assert article.metadata.byline == "Sara Brown"
    assert body(article) == _HEADER_PROSE
    assert [r.text for r in article.removed if r.reason.startswith("byline")] == [
        "By",
        "Sara Brown",
    ]


def test_a_credit_under_the_headline_that_is_a_caption_stays_a_caption() -> None:
    headline = "Hospital waiting lists rise to record as strikes bite"
    raw = "\n".join([headline, "Photo: Reuters", *_HEADER_PROSE]) + "\n"
    article = read(raw)
    assert article.metadata.title == headline
    assert [c.credit for c in article.captions] == ["Reuters"]
    assert not any(r.text == "Photo: Reuters" for r in article.removed)


def test_the_headline_the_byline_signs_is_the_title_not_a_subheading_nearer_the_story() -> None:
    """A table of contents between the header and the story is headline-shaped too: the title
    is the headline with the byline under it, not the contents line nearest the story."""
    headline = "Hospital waiting lists rise to record as strikes bite"
    raw = "\n".join(
        [
            "World",
            headline,
            "By Sara Brown",
            "Share",
            "In this article",
            "What the new figures show",
            "Why the waiting lists grew",
            *_HEADER_PROSE,
        ]
    )
    article = read(raw + "\n")
    assert article.metadata.title == headline
    assert article.metadata.byline == "Sara Brown"


def test_a_short_standfirst_under_the_headline_is_not_the_title() -> None:
    """A standfirst of fifteen words or fewer is no longer taken for the headline: the
    headline above it is the title and the standfirst is set apart."""
    headline = "Tutoring was supposed to rescue pupils after the pandemic"
    standfirst = (
        "Staff shortages made it hard to deliver the hours of tutoring that make a difference"
    )
    raw = "\n".join([headline, standfirst, "by", "Jill Barshay", "August 25, 2025", *_HEADER_PROSE])
    article = read(raw + "\n")
    assert article.metadata.title == headline
    assert article.metadata.byline == "Jill Barshay"
    assert standfirst not in body(article)
    assert_offsets_exact(article, raw + "\n")


def test_the_name_under_a_by_line_is_not_the_title() -> None:
    """ "By:" on its own line, then the writer's name (four capitalised words, headline-shaped):
    the name belongs to the byline, the headline is above it."""
    headline = "Renovation trends for next year and why they make sense"
    header = ["By:", "Great Day Editorial Team", "Design Style", "August 1, 2025"]
    raw = "\n".join([headline, *header, *_HEADER_PROSE])
    article = read(raw + "\n")
    assert article.metadata.title == headline
    assert article.metadata.published is not None
    assert article.metadata.published.value == "2025-08-01"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("March 15, 2022 · 3 min read · By ASU Online", "2022-03-15"),
        ("Published on November 7, 2025, 3:50pm ET", "2025-11-07"),
        ("[Submitted on 18 Dec 2025]", "2025-12-18"),
        ("Posted on July 1, 2024 by Ana Ruiz", "2024-07-01"),
        ("On Behalf of Smith Jones LLP | Apr 21, 2017 | Products Liability", "2017-04-21"),
    ],
)
def test_a_date_line_with_a_reading_time_byline_or_clock_dates_the_story(
    line: str, day: str
) -> None:
    headline = "Hospital waiting lists rise to record as strikes bite"
    article = read("\n".join([headline, line, *_HEADER_PROSE]) + "\n")
    assert article.metadata.title == headline
    assert article.metadata.published is not None
    assert article.metadata.published.value == day
    assert body(article) == _HEADER_PROSE


def test_a_date_line_under_a_standfirst_that_reads_as_prose_dates_the_story() -> None:
    headline = "Hospital waiting lists rise to record as strikes bite"
    standfirst = "The health secretary says the service faces its hardest winter in years."
    article = read("\n".join([headline, standfirst, "June 5, 2024", *_HEADER_PROSE]) + "\n")
    assert article.metadata.published is not None
    assert article.metadata.published.value == "2024-06-05"
    assert body(article) == [standfirst, *_HEADER_PROSE]


def test_a_date_in_the_story_is_no_date_line() -> None:
    """Only a short line of a date and header items dates the story, not a sentence of it."""
    headline = "Hospital waiting lists rise to record as strikes bite"
    line = "The figures for 12 March 2025 were published on Thursday."
    article = read("\n".join([headline, *_HEADER_PROSE, line]) + "\n")
    assert article.metadata.published is None


def test_only_the_first_unit_under_the_headline_can_be_the_standfirst() -> None:
    """The title found by its byline may be far above the story; the contents lines between
    stay the page's (or the story's), never a standfirst."""
    headline = "Hospital waiting lists rise to record as strikes bite"
    contents = [
        "What the new waiting list figures show for England",
        "Why the waiting lists for operations grew this year",
    ]
    raw = "\n".join([headline, "By Sara Brown", "Share", *contents, *_HEADER_PROSE]) + "\n"
    article = read_plain_text(raw, make_source("test.txt", "text"), model=_keep_every_line())
    assert article.metadata.title == headline
    standfirsts = [r.text for r in article.removed if r.reason.startswith("standfirst")]
    assert standfirsts == [contents[0]]
    assert body(article) == [contents[1], *_HEADER_PROSE]


@pytest.mark.parametrize(
    "headline",
    ["7 healthy meals to cook on a tight budget", "10 Easy Steps for a Great Interior Design"],
)
def test_a_headline_opening_with_its_number_is_the_title(headline: str) -> None:
    raw = "\n".join([headline, "By Sara Brown", "12 March 2025", *_HEADER_PROSE]) + "\n"
    article = read(raw)
    assert article.metadata.title == headline
    assert article.metadata.published is not None
    assert article.metadata.published.value == "2025-03-12"
