"""Attribution chains through carriers, relays and wire copy, on hand-written news sentences.

Entities come from the entity layer (``resolve_entities``) as in the pipeline, so a document
("the report") is linked to the outlet that published it.
"""

from __future__ import annotations

import pytest

from sayso.records import Statement
from sayso.statements import extract_statements
from tests.statement_support import holding, hop_names

pytestmark = pytest.mark.slow


def _statements(
    nlp, text: str, outlet: str | None = "The Daily Ledger", agency: str | None = None
) -> tuple[Statement, ...]:  # type: ignore[no-untyped-def]
    from sayso.entities.resolve import resolve_entities

    doc = nlp(text)
    mentions, entities = resolve_entities(doc)
    return extract_statements(
        doc, mentions=mentions, entities=entities, outlet=outlet, agency=agency
    )


def test_quoted_by_an_agency_as_saying(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ana Ruiz was quoted by Reuters as saying the vote had been rigged."
    statement = holding(_statements(nlp, text), "the vote had been rigged")
    assert statement.speaker is not None
    assert statement.speaker.text == "Ana Ruiz"
    assert hop_names(statement)[1:] == ["Reuters", "Ana Ruiz"]


def test_a_medium_quoted_someone_as_saying(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Harbor Gazette quoted Tom Hale as saying the plant would close."
    statement = holding(_statements(nlp, text), "the plant would close")
    assert statement.speaker is not None
    assert statement.speaker.text == "Tom Hale"
    assert hop_names(statement)[-2:] == ["Harbor Gazette", "Tom Hale"]


def test_an_agency_citing_a_ministry(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The agency reported, citing the health ministry, that 40 people had died."
    statement = holding(_statements(nlp, text), "40 people had died")
    assert statement.content[0].text == "that 40 people had died"
    assert statement.speaker is not None
    assert statement.speaker.text == "the health ministry"
    assert hop_names(statement)[1:] == ["agency", "health ministry"]


def test_a_named_agency_opening_the_sentence_quoting_a_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "State news agency SUNA, quoting a military source, reported that army aircraft had "
        "struck supply lines near the town."
    )
    statement = holding(_statements(nlp, text), "army aircraft had struck")
    assert statement.speaker is not None
    assert statement.speaker.text == "a military source"
    assert hop_names(statement)[1:] == ["SUNA", "a military source"]


def test_a_state_asked_or_told_is_no_medium(nlp) -> None:  # type: ignore[no-untyped-def]
    asked = holding(
        _statements(nlp, "The White House asked the Netherlands to tighten its rules."),
        "tighten",
    )
    assert "Netherlands" not in hop_names(asked)
    told = holding(
        _statements(nlp, "The envoy told Reuters that the Netherlands would tighten its rules."),
        "would tighten",
    )
    assert hop_names(told)[1:] == ["Reuters", "envoy"]


def test_a_saying_ended_by_according_to_is_that_sources_account(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials in the region said a drone had struck an oil depot, injuring two people, "
        "according to Interfax."
    )
    statements = _statements(nlp, text)
    said = next(s for s in statements if s.cue is not None and s.cue.text == "said")
    assert said.content[-1].text.endswith("injuring two people")
    assert hop_names(said)[1:] == ["Interfax", "Officials in the region"]


def test_this_newspaper_is_the_outlet_itself(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The union leader told this newspaper last week that the city had picked a side."
    statement = holding(_statements(nlp, text), "picked a side")
    assert hop_names(statement) == ["Daily Ledger", "union leader"]


def test_a_report_closing_the_first_sentence_relays_the_saying_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia said on Tuesday it had expelled two diplomats in retaliation for what it "
        'called an "unfriendly" move by Tallinn, the TASS news agency reported.'
    )
    statements = _statements(nlp, text)
    reported = next(s for s in statements if s.cue is not None and s.cue.text == "reported")
    assert reported.content[0].text.startswith("Russia said on Tuesday")
    said = next(s for s in statements if s.cue is not None and s.cue.text == "said")
    assert not any("TASS" in piece.text for piece in said.content)
    assert hop_names(said)[1:] == ["TASS news agency", "Russia"]


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ("The minister said in an interview with CNN that the talks would resume.", "CNN"),
        ("The senator argued in an op-ed published in the Valley Register that the talks "
         "would resume.", "Valley Register"),
        ("The governor wrote in the Financial Times that the talks would resume.",
         "Financial Times"),
        ("The minister said in an interview in Paris that the talks would resume.", None),
        ("The minister said in an interview with reporters that the talks would resume.", None),
        ("The minister said in a column on Ana Ruiz that the talks would resume.", None),
        # a network's programme: the network carries it, whichever word the parser heads
        ('The minister said on ABC\'s "This Week" that the talks would resume.', "ABC"),
        ('The minister told Fox\'s "Sunday Briefing" that the talks would resume.', "Fox"),
        ('The minister said in an interview on ABC\'s "This Week" that the talks would '
         "resume.", "ABC"),
        ("The minister said on Ana Ruiz's behalf that the talks would resume.", None),
        ('The minister told Ana Ruiz\'s "Hot Seat" podcast that the talks would resume.', None),
    ],
)  # fmt: skip
def test_the_named_medium_a_saying_was_made_in_carries_it(  # type: ignore[no-untyped-def]
    nlp, text: str, medium: str | None
) -> None:
    statement = holding(_statements(nlp, text), "the talks would resume")
    hops = hop_names(statement)
    assert len(hops) == (3 if medium else 2)
    if medium:
        assert hops[1] == medium


def test_citing_a_reason_is_not_a_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister resigned on Friday, citing health reasons, his office said."
    statement = holding(_statements(nlp, text), "The minister resigned")
    assert statement.speaker is not None
    assert statement.speaker.text == "his office"


def test_according_to_an_official_citing_police(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "According to the governor, citing police, the road was closed overnight."
    statement = holding(_statements(nlp, text), "the road was closed")
    assert statement.content[0].text == "the road was closed overnight"
    assert hop_names(statement)[1:] == ["governor", "police"]


def test_documents_seen_by_an_outlet(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Documents seen by Reuters show the firm paid the bribes."
    statement = holding(_statements(nlp, text), "the firm paid the bribes")
    hops = hop_names(statement)
    assert hops.index("Reuters") < hops.index("Documents")


def test_a_recording_obtained_by_an_outlet(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In a recording obtained by The New York Times, the mayor can be heard saying that "
        "the vote was rigged."
    )
    statement = holding(_statements(nlp, text), "the vote was rigged")
    assert hop_names(statement)[1:] == ["New York Times", "mayor"]


def test_said_then_a_newspaper_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We will win the vote," Ana Ruiz said, The New York Times reported.'
    statement = holding(_statements(nlp, text), "We will win the vote")
    assert statement.speaker is not None
    assert statement.speaker.text == "Ana Ruiz"
    assert hop_names(statement)[1:] == ["New York Times", "Ana Ruiz"]


def test_as_a_reporter_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'One witness described "hiding in a closet with my two sons until the shooting '
        "stopped,\" as Radio Nine's Tom Hale reported."
    )
    statement = holding(_statements(nlp, text), "hiding in a closet")
    hops = hop_names(statement)
    assert "Tom Hale" in hops[-2]
    assert statement.speaker is not None
    assert statement.speaker.text == "One witness"


def test_wire_copy_runs_through_the_agency(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor said the bridge would reopen in May. Traffic was light on Monday."
    statements = _statements(nlp, text, outlet="The Daily Ledger", agency="AP")
    said = holding(statements, "the bridge would reopen")
    assert hop_names(said) == ["Daily Ledger", "AP", "mayor"]
    own = [s for s in statements if s.kind == "own_voice"]
    assert own
    assert hop_names(own[0]) == ["Daily Ledger", "AP"]


def test_the_wire_agency_told_by_its_short_name_is_one_hop(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The volunteer told AFP by phone that the death toll was likely to rise."
    statements = _statements(nlp, text, agency="Agence France-Presse")
    statement = holding(statements, "the death toll")
    assert hop_names(statement) == ["Daily Ledger", "Agence France-Presse", "volunteer"]
    elsewhere = holding(_statements(nlp, text, agency="Reuters"), "the death toll")
    assert hop_names(elsewhere) == ["Daily Ledger", "Reuters", "AFP", "volunteer"]


def test_a_statement_never_cites_itself(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Reuters reported that the talks had collapsed."
    statement = holding(_statements(nlp, text, outlet="Reuters"), "the talks had collapsed")
    assert hop_names(statement) == ["Reuters"]


def test_a_belief_reported_by_others(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Kremlin insists that the sanctions have failed, analysts say."
    statement = holding(_statements(nlp, text), "the sanctions have failed")
    assert hop_names(statement)[-2:] == ["analysts", "Kremlin"]


def test_a_paragraph_relays_the_document_it_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Reuters ran a long report on the port on Friday.\n\n"
        "The report says that the port will close. Dock workers praised the decision: "
        '"It should have happened years ago."\n\n'
        "The port employs 300 people. Officials said they were surprised."
    )
    statements = _statements(nlp, text)
    workers = holding(statements, "It should have happened years ago")
    assert hop_names(workers)[-2:] == ["report", "Dock workers"]
    assert workers.doubt is not None  # implied by the paragraph, so said to be unsure
    assert "The report" in workers.doubt
    officials = holding(statements, "they were surprised")
    assert "report" not in hop_names(officials)  # a new paragraph: the writer speaks again


def test_a_speaker_with_a_document_of_their_own_is_not_relayed_by_the_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The unit's sales fell 14% last year, according to a regulatory filing. Analysts at "
        "Bernstein said in a note that a sale would sharpen the story for investors."
    )
    analysts = holding(_statements(nlp, text), "sharpen the story")
    assert hop_names(analysts)[1:] == ["Analysts at Bernstein"]
    assert analysts.doubt is None


@pytest.mark.parametrize(
    "frame",
    ["Peskov said, according to Interfax", "Peskov told reporters, according to Interfax"],
)
def test_a_quote_said_according_to_an_agency_is_the_speakers_through_it(nlp, frame: str) -> None:  # type: ignore[no-untyped-def]
    text = f'"There are no conditions for negotiations now," {frame}.'
    statements = _statements(nlp, text)
    quote = next(s for s in statements if s.kind == "direct")
    assert quote.speaker is not None
    assert quote.speaker.text == "Peskov"
    assert hop_names(quote)[1:] == ["Interfax", "Peskov"]
    account = holding(statements, "Peskov")  # the agency's account of the saying, beside it
    assert account.cue is not None
    assert account.cue.text == "according to"


def test_a_pronoun_is_never_read_as_the_agency_that_wrote_the_story(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Reuters could not independently verify the battlefield reports. They said the village "
        "had been captured."
    )
    statement = holding(_statements(nlp, text, agency="Reuters"), "had been captured")
    assert statement.chain[-1].text == "They"
    assert statement.chain[-1].entity_id is None
    assert statement.doubt is not None


def test_what_a_speaker_adds_after_a_quote_does_not_carry_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The use of force is clearly an excessive reaction," Mao said, adding that China firmly '
        "opposes and strongly protests against it."
    )
    quote = next(s for s in _statements(nlp, text) if s.kind == "direct")
    assert hop_names(quote)[1:] == ["Mao"]


def test_people_interviewed_by_a_newspaper_reach_the_page_through_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Residents interviewed by the Dispatch said the water had been brown for weeks."
    statement = holding(_statements(nlp, text), "the water had been brown")
    assert hop_names(statement)[1:] == ["Dispatch", "Residents"]


def test_who_declines_to_comment_answers_the_outlet_not_the_document(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The report says that the port will close. A council spokeswoman declined to comment "
        'on the report but said the town "stands with the workers."'
    )
    statement = holding(_statements(nlp, text), "the town")
    assert hop_names(statement)[1:] == ["A council spokeswoman"]
    assert statement.doubt is None


def test_hearsay_adverb_relays_the_last_news_document(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Reuters ran a long story on the dispute on Friday. The story says that "
        "the governor wrote to the minister.\n\n"
        'The minister apparently wrote back: "We will not change course."'
    )
    statement = holding(_statements(nlp, text), "We will not change course")
    assert hop_names(statement)[1:] == ["Reuters", "story", "minister"]


def test_a_speaker_told_the_writer_first_hand(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Reuters report says that the port will close. "
        "Workers told me that they had not been warned."
    )
    statement = holding(_statements(nlp, text), "they had not been warned")
    assert hop_names(statement)[1:] == ["Workers"]


def test_told_to_the_one_who_just_spoke(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Another witness, Ana Ruiz, told the court the gunman stood over her. "
        'When she said no, the gunman told her: "I am going to leave you here."'
    )
    statement = holding(_statements(nlp, text), "I am going to leave you here")
    hops = hop_names(statement)
    assert hops.index("Ana Ruiz") < hops.index("gunman")
    assert statement.doubt is not None


def test_a_newspaper_passage_that_only_quotes_someone_relays_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The jury retired on Friday. The Harbor Gazette reported on the closing argument:\n\n"
        "\" 'It was greed, plain and simple, and nothing more than that,' [Ruiz] said.\" "
        "'She is simply repeating, line by line, what her lawyers told her to say.' \"\n"
    )
    statements = _statements(nlp, text)
    for words in ("It was greed", "She is simply repeating"):
        statement = holding(statements, words)
        assert hop_names(statement) == ["Daily Ledger", "Harbor Gazette", "Ruiz"]
    # The passage is the newspaper's relay, not a quote of its own.
    quotes = [s for s in statements if s.kind in ("direct", "partial")]
    assert all(s.speaker is None or "Gazette" not in s.speaker.text for s in quotes)


def test_a_person_quoting_others_still_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ana Ruiz said: \"My rivals keep saying, 'The plan is dead.' "
        'I say the plan is alive and will pass."'
    )
    statement = holding(_statements(nlp, text), "My rivals keep saying")
    assert statement.speaker is not None
    assert statement.speaker.text == "Ana Ruiz"


def test_a_relative_clause_after_a_thing_and_a_body_is_the_body(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Their work is in line with the science and the Ruiz government, which has spoken "
        'about "the urgent need for reform."'
    )
    statement = holding(_statements(nlp, text), "the urgent need for reform")
    assert hop_names(statement)[1:] == ["Ruiz government"]


def test_a_vow_inside_an_attitude_is_the_vowers_own(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ana Ruiz won the vote on Tuesday. Tom Hale, her rival, conceded.\n\n"
        "The results suggest that most voters support Ruiz's tough stance on taxes and her vow "
        "on Monday that there would be no new toll road as long as she is mayor.\n"
    )
    statement = holding(_statements(nlp, text), "no new toll road")
    assert hop_names(statement) == ["Daily Ledger", "Ruiz"]


@pytest.mark.parametrize(
    ("text", "words", "hops"),
    [
        (
            "The envoy told the Security Council that both sides had agreed to a swap.",
            "both sides had agreed",
            ["Daily Ledger", "envoy"],
        ),
        (
            "The minister told the Senate Judiciary Committee that the law was sound.",
            "the law was sound",
            ["Daily Ledger", "minister"],
        ),
        (
            "The general told Xinhua news agency that the troops would stay.",
            "the troops would stay",
            ["Daily Ledger", "Xinhua news agency", "general"],
        ),
    ],
)
def test_a_named_body_that_is_told_is_no_medium_but_an_agency_is(  # type: ignore[no-untyped-def]
    nlp, text: str, words: str, hops: list[str]
) -> None:
    assert hop_names(holding(_statements(nlp, text), words)) == hops


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ("The spokesman told state news agency SPA that the strikes would go on.", None),
        ("The spokesman told the state news agency SPA that the strikes would go on.", "SPA"),
    ],
)
def test_an_unnamed_or_named_news_agency_that_is_told_carries_the_saying(  # type: ignore[no-untyped-def]
    nlp, text: str, medium: str | None
) -> None:
    statement = holding(_statements(nlp, text), "the strikes would go on")
    hops = [hop for hop in statement.chain if hop.role == "media"]
    assert len(hops) == 1
    assert hops[0].text == medium or (medium is None and "news agency" in hops[0].text)
    assert statement.chain[-1].text == "The spokesman"


def test_an_agency_alone_is_not_taken_for_a_medium(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The spokesman told the agency that the strikes would go on."
    statement = holding(_statements(nlp, text), "the strikes would go on")
    assert [hop.role for hop in statement.chain] == ["outlet", "anonymous"]


@pytest.mark.parametrize(
    ("text", "words", "carrier"),
    [
        (
            "Strikes killed 14 people, according to medical sources quoted by Al-Masirah "
            "television.",
            "Strikes killed 14 people",
            "Al-Masirah television",
        ),
        (
            "The rebels said in a statement carried by the Saba news agency that they had "
            "shot down a drone.",
            "they had shot down a drone",
            "Saba news agency",
        ),
    ],
)
def test_a_medium_that_quoted_the_speaker_or_carried_the_statement_is_a_hop(  # type: ignore[no-untyped-def]
    nlp, text: str, words: str, carrier: str
) -> None:
    hops = hop_names(holding(_statements(nlp, text), words))
    assert hops[0] == "Daily Ledger"
    assert hops[1] == carrier
    assert len(hops) == 3


def test_a_medium_quoting_someone_else_in_the_sentence_is_not_a_hop(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The minister said the port was open, although officials quoted by Al-Masirah "
        "television disagreed."
    )
    assert hop_names(holding(_statements(nlp, text), "the port was open")) == [
        "Daily Ledger",
        "minister",
    ]


def test_a_that_clause_after_a_set_off_citing_is_the_report_of_the_cited(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser reads the "that" clause as adverbial once "last month, citing ..." sits
    # between it and the verb.
    text = (
        "Bloomberg News reported last month, citing unnamed sources, that the company had "
        "approached private equity firms about the unit."
    )
    statement = holding(_statements(nlp, text), "had approached private equity firms")
    assert statement.kind == "indirect"
    assert [c.text for c in statement.content] == [
        "that the company had approached private equity firms about the unit"
    ]
    assert hop_names(statement) == ["Daily Ledger", "Bloomberg News", "unnamed sources"]


def test_so_that_is_no_saying(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The board said nothing, so that the company would survive the winter."
    statements = _statements(nlp, text)
    assert not any("would survive" in c.text for s in statements if s.cue for c in s.content)


def test_a_saying_in_a_set_off_relative_clause_is_not_relayed_by_the_outer_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # ", who argue that ..." describes the critics: the writer tells what they argue; the
    # minister, who attacked them, does not pass it on.
    text = "The minister attacked the union leaders, who argue that the new tax is unfair."
    statements = _statements(nlp, text)
    argued = holding(statements, "the new tax is unfair")
    assert argued.parent is None
    assert "minister" not in hop_names(argued)
    assert holding(statements, "the union leaders").cue is not None


def test_a_saying_in_a_relative_clause_not_set_off_stays_nested(nlp) -> None:  # type: ignore[no-untyped-def]
    # Without the comma the clause picks the noun out inside what the outer speaker says.
    text = "Ana Ruiz said she had met auditors who warned that the budget was short."
    statements = _statements(nlp, text)
    warned = holding(statements, "the budget was short")
    said = holding(statements, "she had met auditors")
    assert warned.parent == said.id


@pytest.mark.parametrize(
    ("text", "first", "first_content", "second", "second_hops"),
    [
        (
            "The defence ministry said its air defences had destroyed 40 drones overnight, "
            "while the army said it had hit an oil refinery in the region.",
            "had destroyed 40 drones",
            "its air defences had destroyed 40 drones overnight",
            "had hit an oil refinery",
            ["Daily Ledger", "army"],
        ),
        (
            'Mayor Ana Ortiz said Monday that the budget was "nearly settled," even as unions '
            "warned they would strike over the pension cuts.",
            "nearly settled",
            'that the budget was "nearly settled,"',
            "they would strike",
            ["Daily Ledger", "unions"],
        ),
    ],
)
def test_a_saying_set_against_another_is_not_relayed_by_it(  # type: ignore[no-untyped-def]
    nlp, text: str, first: str, first_content: str, second: str, second_hops: list[str]
) -> None:
    # "while", "even as": the writer sets the second saying against the first
    statements = _statements(nlp, text)
    assert [c.text for c in holding(statements, first).content] == [first_content]
    assert hop_names(holding(statements, second)) == second_hops


def test_a_clause_marked_by_a_bare_as_stays_in_the_report(nlp) -> None:  # type: ignore[no-untyped-def]
    # "as" alone marks time or manner as often as contrast: the parse's nesting is kept.
    text = "Mayor Ana Ortiz said the budget would pass as unions warned they would strike."
    statements = _statements(nlp, text)
    said = holding(statements, "the budget would pass")
    assert said.content[0].text.endswith("they would strike")


def test_a_past_verb_joined_after_a_closed_present_quote_is_the_reporters(nlp) -> None:  # type: ignore[no-untyped-def]
    # "urged" takes the tense of "said", not of the quoted "stands", and follows the closing
    # mark: the ministry urged, the minister's quoted words end at the mark.
    text = (
        'In a statement, the ministry said the minister "stands ready to sign a fair deal" and '
        "urged the unions to return before Monday's vote."
    )
    statements = _statements(nlp, text)
    said = holding(statements, "stands ready")
    assert [c.text for c in said.content] == ['the minister "stands ready to sign a fair deal"']
    urged = holding(statements, "the unions to return")
    assert urged.speaker is not None
    assert urged.speaker.text == "the ministry"
    assert hop_names(urged) == ["Daily Ledger", "ministry"]


def test_a_report_closing_a_sentence_with_a_long_agency_name_relays_the_saying(nlp) -> None:  # type: ignore[no-untyped-def]
    # the partial quote makes the parser hang "reported" under "said", as in the TASS case
    # above, but "RIA" hangs two words down from "agency"
    text = (
        'He said Moscow remained "open to a settlement", but that it would continue its '
        "operation, the RIA Novosti news agency reported."
    )
    statements = _statements(nlp, text)
    said = next(s for s in statements if s.cue is not None and s.cue.text == "said")
    assert hop_names(said)[1:] == ["RIA Novosti news agency", "He"]
    reported = next(s for s in statements if s.cue is not None and s.cue.text == "reported")
    assert hop_names(reported)[1:] == ["RIA Novosti news agency"]


def test_a_medium_quoting_a_source_of_a_body_is_a_hop(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "quoted" from "delegation", not from "source"
    text = (
        "According to a source in the Ukrainian delegation quoted by the Ukrainska Pravda news "
        "website, the Russian side demanded a withdrawal."
    )
    statement = holding(_statements(nlp, text), "the Russian side demanded")
    assert statement.speaker is not None
    assert statement.speaker.text == "a source in the Ukrainian delegation"
    assert hop_names(statement)[1:] == [
        "Ukrainska Pravda news website",
        "a source in the Ukrainian delegation",
    ]


@pytest.mark.parametrize(
    ("text", "maker", "record"),
    [
        ("Prices rose 4 percent, according to data compiled by LSEG.", "LSEG", "data"),
        ("Prices rose 4 percent, according to a survey published by Reuters.", "Reuters",
         "a survey"),
        ("Prices rose 4 percent, according to a study conducted by the Kiel Institute.",
         "Kiel Institute", "a study"),
    ],
)  # fmt: skip
def test_whoever_made_a_document_or_record_carries_it(  # type: ignore[no-untyped-def]
    nlp, text: str, maker: str, record: str
) -> None:
    statement = holding(_statements(nlp, text), "Prices rose 4 percent")
    assert hop_names(statement)[1:] == [maker, record]


def test_people_made_something_by_someone_are_not_carried_by_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Officials appointed by the governor said the road was closed."
    assert hop_names(holding(_statements(nlp, text), "the road was closed")) == [
        "Daily Ledger",
        "Officials",
    ]


@pytest.mark.parametrize(
    ("text", "hops"),
    [
        ("The senator said in a statement released by her office that the talks would resume.",
         ["her office", "senator"]),
        ("The company contended in a letter written by its chief counsel that the talks would "
         "resume.", ["company"]),
    ],
)  # fmt: skip
def test_a_document_the_speaker_said_it_in_is_carried_only_by_who_put_it_out(  # type: ignore[no-untyped-def]
    nlp, text: str, hops: list[str]
) -> None:
    assert hop_names(holding(_statements(nlp, text), "the talks would resume"))[1:] == hops


@pytest.mark.parametrize(
    ("text", "hops"),
    [
        # the article shows the club acting in the story: telling it carries nothing
        ("Manchester United signed him in July.\n\nJoan Laporta has told "
         "United that the club cannot pay the fee.", ["Daily Ledger", "Joan Laporta"]),
        # a medium the outlet table does not list, seen only doing a medium's work
        ("Izvestia has learned of the plan.\n\nJoan Laporta has told Izvestia that the "
         "club cannot pay the fee.", ["Daily Ledger", "Izvestia", "Joan Laporta"]),
    ],
)  # fmt: skip
def test_a_named_organisation_told_is_no_medium_when_it_acts_in_the_story(  # type: ignore[no-untyped-def]
    nlp, text: str, hops: list[str]
) -> None:
    assert hop_names(holding(_statements(nlp, text), "the club cannot pay")) == hops
