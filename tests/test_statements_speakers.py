"""Speakers a reader would name and contents that are the claim, on hand-written sentences."""

from __future__ import annotations

import pytest

from sayso.records import Entity, Mention, Resolution, Span, Statement
from sayso.statements import extract_statements
from tests.statement_support import attributed, holding

pytestmark = pytest.mark.slow


def _speaker(statement: Statement) -> str:
    assert statement.speaker is not None
    return statement.speaker.text


def _with_entities(nlp, text: str) -> tuple[tuple[Statement, ...], tuple[Entity, ...]]:  # type: ignore[no-untyped-def]
    """The statements of ``text`` made with the entity layer's mentions, as in the pipeline,
    and the entities."""
    from sayso.entities.resolve import resolve_entities

    doc = nlp(text)
    mentions, entities = resolve_entities(doc)
    return extract_statements(doc, mentions=mentions, entities=entities), entities


def test_who_asked_not_to_be_named_is_never_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A senior official, who asked not to be named, said the talks had stalled."
    statements = extract_statements(nlp(text))
    assert _speaker(holding(statements, "the talks had stalled")) == "A senior official"
    for statement in attributed(statements):
        assert statement.speaker is None or "named" not in statement.speaker.text
        assert not any("named" in piece.text for piece in statement.content)  # no request


def test_a_cue_in_a_relative_clause_after_a_quote_does_not_frame_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We were promised consultation and we got a press release," the MP, who asked not '
        "to be named, told the paper."
    )
    statement = holding(extract_statements(nlp(text)), "We were promised consultation")
    assert statement.kind == "direct"
    assert statement.cue is not None
    assert statement.cue.text == "told"
    assert _speaker(statement) == "the MP"


def test_a_name_holding_an_infinitive_is_the_whole_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The builders said the numbers were worrying, while the Campaign to Protect Rural "
        "England argued that the bill would do little."
    )
    statement = holding(extract_statements(nlp(text)), "the bill would do little")
    assert _speaker(statement) == "the Campaign to Protect Rural England"
    text = "A group of residents who hope to stop the plan said it was rushed."
    lower = holding(extract_statements(nlp(text)), "it was rushed")
    assert _speaker(lower) == "A group of residents"


def test_he_is_never_a_speaker_whose_first_name_is_a_womans(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Prosecutors allege that Daniel Whitcombe approved payments to an official. "
        '"My client is innocent," said Marsha Klein, his lawyer. Court papers also say he told '
        'a colleague that the payments were "the price of the permit".'
    )
    statements, entities = _with_entities(nlp, text)
    told = next(s for s in statements if s.cue is not None and s.cue.text == "told")
    whitcombe = next(e for e in entities if e.name == "Daniel Whitcombe")
    assert told.chain[-1].entity_id == whitcombe.id


def test_they_stands_for_unnamed_people_the_sentence_before_has_as_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Researchers at a university analysed the records of 300,000 adults. They found that "
        "coffee drinkers were less likely to fall ill."
    )
    found = holding(extract_statements(nlp(text)), "coffee drinkers")
    assert found.chain[-1].text == "Researchers at a university"
    assert found.doubt is not None
    text = "Prices rose in May. They said it would pass."
    things = holding(extract_statements(nlp(text)), "pass")
    assert things.chain[-1].text == "They"


def test_a_transcript_label_is_the_speaker_without_the_answer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Herald: Is that true?\n\nOkafor: No. I have met them twice.\n\nHerald: When?"
    statement = holding(extract_statements(nlp(text)), "I have met them twice")
    assert _speaker(statement) == "Okafor"


def test_a_quote_in_a_photo_caption_goes_on_from_no_speaker_of_the_story(nlp) -> None:  # type: ignore[no-untyped-def]
    story = '"We will not give in," the union leader said.'
    caption = 'Pickets at the gates on Sunday. "No deal, no work," read one sign.'
    text = f"{story}\n\n{caption}"
    doc = nlp(text)
    span = Span.of(text, len(story) + 2, len(text))
    sign = holding(extract_statements(doc, captions=(span,)), "No deal")
    assert sign.speaker is None
    as_story = holding(extract_statements(doc), "No deal")  # the same words read as story
    assert as_story.speaker is not None
    labelled = 'Video caption Ana Ruiz: "The port is our lifeline"'
    text = f"{story}\n\n{labelled}"
    span = Span.of(text, len(story) + 2, len(text))
    said = holding(extract_statements(nlp(text), captions=(span,)), "our lifeline")
    assert _speaker(said).endswith("Ruiz")


def test_declining_to_say_is_one_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The spokesman declined to say whether the minister had met party leaders."
    statements = attributed(extract_statements(nlp(text)))
    assert [s.cue.text for s in statements if s.cue is not None] == ["declined"]
    assert statements[0].content[0].text.startswith("to say whether")


def test_why_a_source_speaks_unnamed_is_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A senior official, speaking on condition of anonymity to discuss internal "
        "deliberations, told reporters that no decision had been made."
    )
    statements = attributed(extract_statements(nlp(text)))
    assert [s.cue.text for s in statements if s.cue is not None] == ["told"]
    assert _speaker(statements[0]) == "A senior official"


def test_speaker_inside_a_dash_parenthetical(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The plan - Ana Ruiz, the mayor, said on Monday - will cost millions."
    statement = holding(extract_statements(nlp(text)), "will cost millions")
    assert _speaker(statement).startswith("Ana Ruiz")
    assert [piece.text for piece in statement.content] == ["The plan", "will cost millions"]


def test_speaker_named_after_a_set_off_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The talks, said Tom Hale, who leads the union, will resume in May."
    statement = holding(extract_statements(nlp(text)), "will resume in May")
    assert _speaker(statement) == "Tom Hale"
    assert [piece.text for piece in statement.content] == ["The talks", "will resume in May"]


def test_speaker_across_a_relative_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Tom Hale, who has led the union since 2009, said the strike would go on."
    statement = holding(extract_statements(nlp(text)), "the strike would go on")
    assert _speaker(statement) == "Tom Hale"


def test_a_dash_sign_off_on_its_own_line(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We will not stop until the work is done."\n\n— Jane Doe\n\nThe rally ended at noon.'
    statement = holding(extract_statements(nlp(text)), "We will not stop")
    assert _speaker(statement) == "Jane Doe"


def test_a_name_and_a_colon_introduce_a_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Jane Doe: "We will not stop until the work is done."'
    statement = holding(extract_statements(nlp(text)), "We will not stop")
    assert _speaker(statement) == "Jane Doe"


def test_said_this_and_vowed_that_are_two_statements(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister said the budget would pass and vowed to cut taxes next year."
    statements = extract_statements(nlp(text))
    said = holding(statements, "the budget would pass")
    assert [piece.text for piece in said.content] == ["the budget would pass"]
    vowed = holding(statements, "to cut taxes")
    assert _speaker(vowed) == "The minister"


def test_said_he_did_this_and_noted_that_are_two_statements(nlp) -> None:  # type: ignore[no-untyped-def]
    # the pronoun subject of the first clause could say "noted", but a coordinated saying with
    # a finite clause of its own is a second statement of the one who said
    text = (
        "The senator said that he was more interested in shaping the platform and noted that "
        "the governor has conceded the race."
    )
    statements = extract_statements(nlp(text))
    said = holding(statements, "he was more interested")
    assert [piece.text for piece in said.content] == [
        "that he was more interested in shaping the platform"
    ]
    noted = holding(statements, "the governor has conceded the race")
    assert _speaker(noted) == "The senator"


def test_told_she_did_this_and_said_that_are_two_statements(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ruiz told reporters she regretted the remarks and said the board would meet on Friday."
    statements = extract_statements(nlp(text))
    told = holding(statements, "she regretted the remarks")
    assert [piece.text for piece in told.content] == ["she regretted the remarks"]
    said = holding(statements, "the board would meet on Friday")
    assert _speaker(said) == "Ruiz"


def test_said_he_did_this_and_promised_to_stays_one_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    # an infinitive after the pronoun's verb may be one more thing the clause reports
    text = "The mayor said he met the board on Monday and promised to cut taxes."
    said = holding(extract_statements(nlp(text)), "he met the board")
    assert said.content[-1].text.endswith("promised to cut taxes")


def test_said_a_name_did_this_and_noted_that_stays_one_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    # after a name the saying may be that person's: one clause, as before
    text = "The mayor said Ana Ruiz resigned on Monday and noted that the board had failed."
    said = holding(extract_statements(nlp(text)), "Ana Ruiz resigned")
    assert said.content[-1].text.endswith("the board had failed")


def test_a_lone_that_is_no_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Asked about the leak on Friday, the spokesman said that."
    for statement in attributed(extract_statements(nlp(text))):
        assert [piece.text for piece in statement.content] != ["that"]


@pytest.mark.parametrize(
    "text",
    [
        "Asked about the leak on Friday, the senator rejected this.",
        "The council met on Monday. The mayor later confirmed that.",
    ],
)
def test_a_lone_demonstrative_is_never_a_claim(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # "rejected this" stays an attitude (PolNeAR counts it; no reader can check it as a
    # claim); a lone "that" is no content at all.
    for statement in attributed(extract_statements(nlp(text))):
        lone = statement.content[0].text.lower()
        assert lone != "that"
        assert lone != "this" or statement.kind == "attitude"


def test_a_lone_relative_pronoun_is_read_as_what_it_stands_for(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister denied the claims, which he called baseless."
    statements = attributed(extract_statements(nlp(text)))
    called = next(s for s in statements if s.cue is not None and s.cue.text == "called")
    assert [piece.text for piece in called.content] == ["the claims", "baseless"]
    assert all(piece.text != "which" for s in statements for piece in s.content)
    text = "The minister rejected the amendment, which he described as unworkable."
    statements = attributed(extract_statements(nlp(text)))
    described = next(s for s in statements if s.cue is not None and s.cue.text == "described")
    assert [piece.text for piece in described.content] == ["the amendment", "as unworkable"]


def test_a_dateline_is_never_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "BAGHDAD, June 3 (AP) — The bombing killed 12 people, police said."
    dateline = Span.of(text, 0, text.index("The bombing"))
    statement = holding(extract_statements(nlp(text), dateline=dateline), "killed 12 people")
    assert statement.content[0].text == "The bombing killed 12 people"


def test_a_dateline_is_never_part_of_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser makes the dateline's place the subject and the governor its apposition.
    text = (
        "ATLANTA (AP) — Georgia Gov. Brian Kemp is considering a pardon for a former aide "
        "convicted of lying to investigators, according to a person familiar with the "
        "deliberations."
    )
    dateline = Span.of(text, 0, text.index("Georgia"))
    statements = attributed(extract_statements(nlp(text), dateline=dateline))
    assert statements
    for statement in statements:
        assert statement.speaker is not None
        assert statement.speaker.start >= dateline.end
        assert all(hop.text != "ATLANTA" for hop in statement.chain)


def test_a_who_clause_hung_from_a_nearer_noun_ends_the_speakers_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The governor has not decided, according to a person familiar with the deliberations "
        "who spoke on condition of anonymity because they were not authorized to discuss them."
    )
    statement = holding(extract_statements(nlp(text)), "has not decided")
    assert _speaker(statement) == "a person familiar with the deliberations"


def test_they_after_a_single_unnamed_source_is_that_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The governor is weighing a pardon, according to a person familiar with the talks. "
        "The person said the governor had not decided. They said the governor's lawyers were "
        "reviewing the case."
    )
    statements, _ = _with_entities(nlp, text)
    they = holding(statements, "lawyers were reviewing")
    assert [hop.text for hop in they.chain][-1] == "The person"
    assert they.doubt is not None


def test_who_writes_in_a_set_off_participle_says_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser makes Adams the subject of "writing" and leaves "said" without one; the noun
    # right before "said" is the newspaper.
    text = (
        "Former Arsenal captain Tony Adams, writing in his column for The Times, said the club "
        "now had the best squad in the country."
    )
    statements, _ = _with_entities(nlp, text)
    statement = holding(statements, "the best squad")
    assert _speaker(statement) == "Former Arsenal captain Tony Adams"
    assert [hop.text for hop in statement.chain][1:] == ["Times", "Tony Adams"]


@pytest.mark.parametrize(
    "said",
    [
        "The 46-year-old told reporters that the title race was open.",
        'The Spaniard added that the title race was "wide open".',
    ],
)
def test_an_epithet_speaker_is_the_person_named_last(nlp, said: str) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Real Madrid coach Xabi Alonso said his side deserved the win. "We controlled every '
        f'phase," Alonso said.\n\n{said}'
    )
    statements, _ = _with_entities(nlp, text)
    statement = holding(statements, "the title race was")
    assert statement.chain[-1].text == "Xabi Alonso"
    assert statement.doubt is not None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "COGAT, the Israeli military agency that coordinates aid, said more than 13,000 "
            "trucks had entered since March.",
            "13,000 trucks",
        ),
        (  # the parser hangs the closing comma on the apposition its relative clause ends
            "COGAT, the defence ministry body that oversees aid to the territory, denied "
            "blocking the convoy.",
            "blocking the convoy",
        ),
    ],
)
def test_a_name_before_its_apposition_parsed_as_a_second_subject_speaks(  # type: ignore[no-untyped-def]
    nlp, text: str, words: str
) -> None:
    statement = holding(extract_statements(nlp(text)), words)
    assert _speaker(statement) == "COGAT"


def test_a_name_beside_a_noun_joined_to_the_subject_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    # Parsed with "court" as the subject, "victim" as its conjunct and the name beside that.
    text = (
        "Paul Morgan's lawyer, Helen Carter, said her client was ashamed.\n\nOutside court, one "
        'victim, Margaret Hughes, said she had lost her savings. "He lied," she said.'
    )
    statements, _ = _with_entities(nlp, text)
    assert holding(statements, "lost her savings").chain[-1].text == "Margaret Hughes"
    assert holding(statements, "He lied").chain[-1].text == "Margaret Hughes"


def test_it_after_a_body_named_by_no_name_is_that_body(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ocean Crest Marine did not respond to requests for comment.\n\nMalaysia's maritime "
        "agency said on Monday that it had detained two tankers. It did not say whether the "
        "vessels were linked to Iran."
    )
    statements, _ = _with_entities(nlp, text)
    statement = holding(statements, "linked to Iran")
    assert statement.chain[-1].text == "Malaysia's maritime agency"
    assert statement.doubt is not None


def test_a_colon_spells_the_clause_out(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The realtor said he has noticed a change: buyers have vanished from the market."
    statement = holding(extract_statements(nlp(text)), "noticed a change")
    assert statement.content[-1].text.endswith("buyers have vanished from the market")


def test_a_listed_point_after_said_colon(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In the interview, the governor also said:\n\n"
        "The state will balance its budget by June\n\n"
        "Teachers will get a raise next year\n\n"
        "Read the full interview"
    )
    statements = extract_statements(nlp(text))
    for point in ("balance its budget", "Teachers will get a raise"):
        assert _speaker(holding(statements, point)) == "the governor"
    assert not any("Read the full" in c.text for s in attributed(statements) for c in s.content)


def _pronoun_mention(
    text: str, at: int, antecedent: Span, alternatives: tuple[str, ...]
) -> Mention:
    return Mention(
        Span.of(text, at, at + 2),
        "PERSON",
        "pronoun",
        "test",
        None,
        Resolution("test", antecedent, alternatives, ambiguous=True),
    )


def test_an_ambiguous_he_is_read_and_the_doubt_recorded(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Health Secretary Tom Hale met Prime Minister Ana Ruiz on Monday. Hale said the "
        'hospital was safe.\n\n"We are reviewing every procedure," he said.'
    )
    hale = text.index("Tom Hale")
    ruiz = text.index("Ana Ruiz")
    he = text.rindex("he said")
    mentions = (
        Mention(Span.of(text, hale, hale + 8), "PERSON", "name", "test", "e1"),
        Mention(Span.of(text, ruiz, ruiz + 8), "PERSON", "name", "test", "e2"),
        _pronoun_mention(text, he, Span.of(text, ruiz, ruiz + 8), ("e1",)),
    )
    entities = (
        Entity("e1", "PERSON", "Tom Hale", "test", mentions=(mentions[0],)),
        Entity("e2", "PERSON", "Ana Ruiz", "test", titles=("Ms",), mentions=(mentions[1],)),
    )
    statements = extract_statements(nlp(text), mentions=mentions, entities=entities)
    statement = holding(statements, "We are reviewing every procedure")
    # "Ms" Ruiz cannot be "he"; Hale spoke last: he is read as Hale, and the record says so.
    assert statement.speaker_entity == "e1"
    assert statement.doubt is not None
    assert "Tom Hale" in statement.doubt
    assert statement.confidence < 0.9


def test_as_the_committee_pointed_out(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "But, as the committee has pointed out, the law would also expose sources."
    statement = holding(extract_statements(nlp(text)), "the law would also expose sources")
    assert _speaker(statement) == "the committee"


def test_as_a_photo_shows_is_not_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Men prefer cooler rooms and, as this photo shows, will sweat if it is too warm."
    assert not any(s.cue and s.cue.text == "shows" for s in extract_statements(nlp(text)))


def test_the_issuer_of_a_statement_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'The retailer released a separate statement saying, "It allows us to grow together."'
    statement = holding(extract_statements(nlp(text)), "It allows us to grow together")
    assert _speaker(statement) == "The retailer"


def test_whoever_does_something_by_saying_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The party tried to rally support by saying that rival voters were turning out."
    statement = holding(extract_statements(nlp(text)), "rival voters were turning out")
    assert _speaker(statement) == "The party"


def test_who_was_prompted_to_say_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The senator was prompted to say that the debate had been civil."
    statement = holding(extract_statements(nlp(text)), "the debate had been civil")
    assert _speaker(statement) == "The senator"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ("The union is convinced that the deal will fail.", "the deal will fail", "The union"),
        ("Statements by the mayor that the bridge is safe did little.", "bridge is", "the mayor"),
        ("A warning from scientists that the ice is melting went unheard.", "ice", "scientists"),
    ],
)
def test_who_holds_a_state_of_mind_or_made_a_statement_speaks(  # type: ignore[no-untyped-def]
    nlp, text: str, words: str, speaker: str
) -> None:
    assert _speaker(holding(extract_statements(nlp(text)), words)) == speaker


def test_whoever_was_told_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Officials were told that it was unsafe."
    statement = holding(extract_statements(nlp(text)), "unsafe")
    assert statement.speaker is None


def test_a_phrase_counting_people_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A crowd of protesters suggested that the vote was rigged."
    statement = holding(extract_statements(nlp(text)), "the vote was rigged")
    assert (statement.kind, _speaker(statement)) == ("indirect", "A crowd of protesters")


def test_a_participle_whose_subject_cannot_speak_takes_the_nearer_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The row dates to a complaint the union had filed, alleging that wages were withheld."
    statement = holding(extract_statements(nlp(text)), "wages were withheld")
    assert _speaker(statement) == "the union"


@pytest.mark.parametrize(
    "text",
    [
        "Over the past two weeks, prosecutors charged the officer with murder and Emanuel fired"
        " his police chief, acknowledging that the city had lost trust in the force.",
        "On Monday, the board charged the manager with theft and Okafor dismissed his deputy,"
        " conceding that the audit had been right.",
    ],
)
def test_a_name_the_parser_joined_to_an_object_is_the_next_verbs_subject(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # "Emanuel" / "Okafor" parsed as a conjunct of the first clause's object, the second
    # verb as a conjunct of the first with no subject of its own
    statement = holding(extract_statements(nlp(text)), "that the")
    assert _speaker(statement) in ("Emanuel", "Okafor")


def test_an_opening_participle_hung_inside_the_quote_is_the_sayers(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Emphasizing the urgency of the matter, Ruiz said, “If we do not act fast, we are not"
        " going to have a city anymore.”"
    )
    statement = holding(extract_statements(nlp(text)), "the urgency of the matter")
    assert _speaker(statement) == "Ruiz"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "At a town hall in Dayton, Ohio, 58-year-old Maria Lopez also railed against the new"
            " tax, and explained that it had cost her a job.",
            "it had cost her a job",
            "58-year-old Maria Lopez",
        ),
        (
            "After winning only narrowly in Nevada, Ruiz, the longtime front-runner, was bracing"
            " for defeat here and hoping that turnout in the cities would rise.",
            "turnout in the cities",
            "the longtime front-runner",
        ),
        (
            "They were quoted speaking in the past tense and lamenting that the campaign had"
            " wasted its money.",
            "wasted its money",
            "They",
        ),
        (
            "Since the union's letter in March, she's tacked to the left on labor issues,"
            " criticizing the new contract and calling for higher wages.",
            "higher wages",
            "she",
        ),
    ],
)
def test_the_noun_before_a_joined_verb_is_what_the_first_one_acted_on(  # type: ignore[no-untyped-def]
    nlp, text: str, words: str, speaker: str
) -> None:
    # The parser lost the subject of the first verb; the noun right before the second is the
    # first one's object, and whoever did the first thing does the second.
    statement = holding(extract_statements(nlp(text)), words)
    assert _speaker(statement) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The rule has huge costs,” says study co-author Ana Ruiz.", "study co-author Ana Ruiz"),
        ("“The rule has huge costs,” said the co-chair of the panel.", "the co-chair of the panel"),
    ],
)
def test_a_speaker_written_with_a_hyphen_is_whole(  # type: ignore[no-untyped-def]
    nlp, text: str, speaker: str
) -> None:
    assert _speaker(holding(extract_statements(nlp(text)), "huge costs")) == speaker


def test_a_short_sentence_quoted_after_a_quote_goes_on_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“It is only luck that nobody died,” Ruiz said about the case. “This must stop.”"
    statement = holding(extract_statements(nlp(text)), "This must stop.")
    assert _speaker(statement) == "Ruiz"
    assert "nobody died" in statement.content[0].text


def test_a_short_quote_after_a_partial_stays_a_scare_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ruiz called the plan “a disgrace.” “Total mess.”"
    ending = [s for s in extract_statements(nlp(text)) if "Total mess" in s.content[-1].text]
    assert all(s.kind == "own_voice" for s in ending)


@pytest.mark.parametrize(
    "text",
    [
        "Voters support her vow that there would be no new toll road.",
        "Voters support her vow on Monday that there would be no new toll road.",
    ],
)
def test_a_that_clause_after_someones_vow_is_the_vow(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    statement = holding(extract_statements(nlp(text)), "no new toll road")
    assert (statement.kind, _speaker(statement)) == ("indirect", "her")


def test_a_dateline_the_parser_made_a_subject_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "KYIV, March 4 (Reuters) - Ukraine's energy minister said on Tuesday that repairs "
        "to the plant would take at least three months."
    )
    statement = holding(extract_statements(nlp(text)), "repairs to the plant")
    assert _speaker(statement) == "Ukraine's energy minister"


def test_a_relative_clause_set_off_further_in_ends_the_speakers_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A senior official at the state grid operator Ukrenergo, who asked not to be named "
        "because he was not authorised to speak to the media, told Reuters the company had "
        "asked European partners for additional transformers."
    )
    statement = holding(extract_statements(nlp(text)), "additional transformers")
    phrase = "A senior official at the state grid operator Ukrenergo"
    assert _speaker(statement) == statement.chain[-1].text == phrase


def test_a_phrase_split_at_a_possessive_keeps_its_head_as_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '“These findings could be significant" for revising standards, Joost van Hoof of the '
        "Netherlands’ Fontys University of Applied Sciences writes in an accompanying article."
    )
    statement = holding(extract_statements(nlp(text)), "These findings")
    assert _speaker(statement).startswith("Joost van Hoof")


def test_a_surname_two_people_share_names_both_as_alternatives(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Robert Miller, 61, and his son Daniel Miller, 34, are accused of fraud. "
        'Miller told investors their money was "as safe as a bank deposit."'
    )
    statement = holding(_with_entities(nlp, text)[0], "as safe as a bank")
    assert statement.speaker_entity is None  # never one of them picked
    assert sorted(hop.text for hop in statement.alternatives) == ["Daniel Miller", "Robert Miller"]
    assert statement.doubt == "'Miller' could be Robert Miller or Daniel Miller"


def test_a_pronoun_after_a_speaker_named_by_role_is_that_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'City manager Pep Guardiola said his side had shown "character" after a difficult '
        "week.\n\nUnited's captain admitted the defending for the second goal was poor. Asked "
        "whether the manager's job was at risk, he said: \"That's not for me to answer.\""
    )
    statement = holding(_with_entities(nlp, text)[0], "not for me to answer")
    assert statement.chain[-1].text == "United's captain"
    assert statement.speaker_entity is None
    assert [hop.text for hop in statement.alternatives] == ["Pep Guardiola"]
    assert statement.doubt is not None
    assert "United's captain" in statement.doubt


def test_a_day_is_never_a_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "City travel to Brighton on Saturday, hoping to extend their unbeaten run to 12 games."
    for statement in attributed(extract_statements(nlp(text))):
        assert statement.speaker is None or statement.speaker.text != "Saturday"


def test_a_speaker_with_an_abbreviated_state_keeps_the_point_and_the_bracket(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Sen. Ana Ruiz (Vt.), who lost the primary, said young voters were tired of waiting."
    statement = holding(extract_statements(nlp(text)), "young voters were tired")
    assert _speaker(statement) == "Sen. Ana Ruiz (Vt.)"


def test_a_speaker_with_its_acronym_keeps_the_closing_bracket(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The U.N. World Food Programme (WFP) warned that it could feed only half of them."
    statement = holding(extract_statements(nlp(text)), "feed only half")
    assert _speaker(statement) == "The U.N. World Food Programme (WFP)"


def test_a_name_read_as_part_of_a_noun_cue_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser reads "Trump predicts" as a noun phrase with "Trump" a common noun.
    text = "Trump predicts that many of their supporters will come to him."
    statement = holding(extract_statements(nlp(text)), "will come to him")
    assert _speaker(statement) == "Trump"


def test_a_subject_hung_as_another_relation_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Trump" is parsed as an adverbial clause of "mention", "About 4 in 10" as a number
    # modifying "say": neither is the verb's nsubj.
    text = (
        "Trump, speaking later at a rally in Charleston, West Virginia, did not mention "
        "Ryan directly in his speech."
    )
    statement = holding(extract_statements(nlp(text)), "Ryan")
    assert _speaker(statement) == "Trump"
    text = "About 4 in 10 say they want the next president to have more liberal policies."
    statement = holding(extract_statements(nlp(text)), "more liberal policies")
    assert _speaker(statement) == "About 4 in 10"


def test_a_past_tense_read_as_a_participle_has_its_noun_speak(nlp) -> None:  # type: ignore[no-untyped-def]
    # Parsed as a noun phrase: "found" a participle modifying "poll", the sentence's root.
    text = "A Qunnipiac University poll found last week that Clinton would beat Trump."
    statement = holding(extract_statements(nlp(text)), "Clinton would beat Trump")
    assert _speaker(statement) == "A Qunnipiac University poll"


def test_a_participle_modifying_a_noun_is_no_saying_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Asked about the plan, Ruiz said it would work."
    for statement in attributed(extract_statements(nlp(text))):
        assert statement.speaker is None or statement.speaker.text == "Ruiz"


@pytest.mark.parametrize(
    "text",
    [
        "Kremlin spokesman Dmitry Peskov, asked about the talks on Monday, said Russia was "
        "ready to negotiate.",
        "McCain, asked whether he would run again, said he had not decided.",
    ],
)
def test_a_participle_set_off_after_the_subject_was_asked_of_it(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # The parser reads "asked" as a past tense with the speaker as its subject: he was asked,
    # by someone the story does not name; what he said stays his.
    statements = attributed(extract_statements(nlp(text)))
    asked = [s for s in statements if s.cue is not None and s.cue.text == "asked"]
    assert all(s.speaker is None for s in asked)
    said = [s for s in statements if s.cue is not None and s.cue.text == "said"]
    assert len(said) == 1
    assert _speaker(said[0]) in ("Kremlin spokesman Dmitry Peskov", "McCain")
    assert not any("asked" in piece.text for piece in said[0].content)


def test_a_trailing_participle_of_saying_is_the_sayers_next_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs "adding" / "promising" from the reported clause ("had", "meet"), whose
    # subject would otherwise be read as the one adding.
    text = (
        "Ana Ruiz told reporters that the mayor “had a crazy plan which was doomed,” adding, "
        "“He lost every vote in the council.”"
    )
    statements = extract_statements(nlp(text))
    told = holding(statements, "crazy plan")
    assert "lost every vote" not in " ".join(piece.text for piece in told.content)
    added = holding(statements, "lost every vote")
    assert _speaker(added) == "Ana Ruiz"
    assert added.parent is None
    text = (
        "The treasurer said the members will still meet for drinks, promising the club will return."
    )
    statements = extract_statements(nlp(text))
    said = holding(statements, "will still meet")
    assert [piece.text for piece in said.content] == ["the members will still meet for drinks"]
    assert _speaker(holding(statements, "the club will return")) == "The treasurer"


def test_a_dateline_the_parser_made_a_subject_does_not_speak(nlp) -> None:  # type: ignore[no-untyped-def]
    # Both "Washington" and "Ruiz" are parsed as subjects of "taken"; the dash sets the
    # dateline off.
    text = (
        "Ruiz hits back.\n\nWashington (AFP) – Senator Ana Ruiz has taken a swipe at her "
        "rival's plan, saying that the budget would collapse."
    )
    statement = holding(extract_statements(nlp(text)), "the budget would collapse")
    assert _speaker(statement) == "Senator Ana Ruiz"


def test_a_subject_split_by_the_parser_keeps_its_first_part(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Gov. Tom Hale (R-OH)": the hyphen inside the credit is no dateline dash.
    text = "Gov. Tom Hale (R-OH) said the plant would close in May."
    statement = holding(extract_statements(nlp(text)), "the plant would close")
    assert _speaker(statement).startswith("Gov. Tom Hale")


def test_the_it_of_an_extraposed_clause_is_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "It is worth noting that the court has ruled only on emergency filings."
    statement = holding(extract_statements(nlp(text)), "the court has ruled")
    assert statement.speaker is None
    text = "The ministry said it would appeal. It said in a statement that the ruling was flawed."
    statement = holding(extract_statements(nlp(text)), "the ruling was flawed")
    assert _speaker(statement) == "It"


def test_prove_with_a_clause_is_no_raising_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "She will be eager to prove that her campaign has heard the voters."
    statement = holding(extract_statements(nlp(text)), "her campaign has heard")
    assert _speaker(statement) == "She"
    text = "It seems that the plan failed."
    for statement in attributed(extract_statements(nlp(text))):
        assert statement.speaker is None


def test_the_object_of_a_control_verb_does_what_its_infinitive_says(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "That, however, would require Republicans in Washington to recognize that the threat "
        "of climate change is real."
    )
    statement = holding(extract_statements(nlp(text)), "the threat of climate change")
    assert _speaker(statement) == "Republicans"
    # A requirement a noun names is no act: no one is said to disclose anything.
    text = "There is no law requiring candidates to disclose their taxes."
    for statement in attributed(extract_statements(nlp(text))):
        assert statement.speaker is None or statement.speaker.text != "candidates"


def test_a_headline_label_the_parser_read_as_a_noun_names_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Trump" in the title-case headline is tagged a common noun; the body names him.
    text = (
        "Trump: ‘I’m the Worst Thing That Ever Happened to the Establishment’\n\n"
        "Donald Trump said on Monday that he would win."
    )
    statement = holding(extract_statements(nlp(text)), "Worst Thing")
    assert _speaker(statement) == "Trump"
    text = "Warning: ‘This is not a drill’\n\nThe warning came on Monday."
    for statement in attributed(extract_statements(nlp(text))):
        assert statement.speaker is None


def test_a_person_named_like_a_country_the_article_names_speaks_as_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "King Abdullah II of Jordan met the secretary of state on Tuesday. Michael Jordan, the "
        "former basketball star, was also in town for a charity event. Jordan said he was "
        '"honored" to help. Abdullah said that Jordan hosts more than 600,000 Syrian refugees.'
    )
    statements, entities = _with_entities(nlp, text)
    statement = holding(statements, "honored")
    michael = next(e for e in entities if e.name == "Michael Jordan")
    assert statement.speaker_entity == michael.id


def test_a_participle_set_off_after_a_parenthetical_saying_is_the_sayers(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The company has hired a bank to advise on the sale, two of the people said, asking "
        "not to be identified because the talks are private."
    )
    statements = extract_statements(nlp(text))
    said = holding(statements, "has hired a bank")
    assert _speaker(said) == "two of the people"
    assert [c.text for c in said.content] == ["The company has hired a bank to advise on the sale"]
    # the sayers' request for anonymity is no statement of theirs, nor of the company's
    assert not any("identified" in c.text for s in attributed(statements) for c in s.content)


def test_a_gerund_opening_the_rest_of_the_sentence_stays_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Though that handover was relatively smooth, she said, replacing the chairman would be "
        "much more bitter and could split the board."
    )
    statement = holding(extract_statements(nlp(text)), "could split the board")
    assert statement.content[-1].text.startswith("replacing the chairman would be")


def test_they_after_several_unnamed_speakers_is_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Halcyon said revenue fell in the quarter.\n\n"
        "Analysts at Bernstein wrote in a note to clients that a sale would make sense. "
        "\u201cThe unit has been a drag on margins for years,\u201d they wrote.\n"
    )
    statements, _ = _with_entities(nlp, text)
    statement = holding(statements, "a drag on margins")
    assert statement.chain[-1].text == "Analysts at Bernstein"
    assert statement.doubt is not None
    assert "Halcyon" in statement.doubt


def test_a_listed_point_holding_an_attitude_of_he_stays_a_point(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In a long interview, President Ruiz also said:\n\n"
        "The trade deal will pass the senate\n\n"
        "He would speak bluntly against corruption in the region\n\n"
        "Read the full transcript of the interview\n"
    )
    statements = extract_statements(nlp(text))
    for words in ("The trade deal will pass", "He would speak bluntly"):
        listed = [
            s for s in statements if s.kind == "indirect" and s.content[0].text.startswith(words)
        ]
        assert len(listed) == 1, words
        assert _speaker(listed[0]) == "President Ruiz"


@pytest.mark.parametrize(
    ("text", "verb", "felt"),
    [
        ("He was asked if it bothered him that the mayor had called them lazy.", "bothered", True),
        ("It surprised officials that the mayor had resigned.", "surprised", True),
        ("The company said it told regulators that the plant was safe.", "told", False),
    ],
)
def test_what_an_it_makes_its_object_feel_is_no_saying_of_it(  # type: ignore[no-untyped-def]
    nlp, text: str, verb: str, felt: bool
) -> None:
    from sayso.statements.lexicons import load_lexicons
    from sayso.statements.reported import _felt_by_its_object, subject_of

    doc = nlp(text)
    (token,) = [t for t in doc if t.text == verb]
    assert _felt_by_its_object(token, "ccomp", subject_of(token), load_lexicons()) is felt


def test_a_quote_going_on_from_a_relative_clause_goes_on_with_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # The floating quote continues the nearest statement before it, made in ", who thinks
    # ...": its speaker is Ana Ruiz, not the word "who".
    text = (
        '"We will keep the plant open," said Ana Ruiz, who thinks the talks will succeed.\n\n'
        '"Nobody here wants a strike, and nobody will call one."'
    )
    statement = holding(extract_statements(nlp(text)), "Nobody here wants a strike")
    assert statement.cue is None
    assert _speaker(statement) == "Ana Ruiz"


def test_a_subject_with_a_participle_after_it_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    # Parsed with "going" as the clausal subject of "said" and "members" as its subject.
    text = "Most union members going to the meeting on Friday said they would back the strike."
    statement = holding(extract_statements(nlp(text)), "they would back the strike")
    assert _speaker(statement) == "Most union members"


@pytest.mark.parametrize(
    "text",
    [
        'Asked what the new line would cost, Ana Ruiz replied: "It is too early to say."',
        "When asked whom she backed, Ana Ruiz smiled and said she was still waiting.",
    ],
)
def test_who_was_asked_is_not_who_asked(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # The opening participle (tagged as a past tense in the first) says what Ruiz was asked;
    # who asked is not named.
    statements = attributed(extract_statements(nlp(text)))
    asked = [s for s in statements if s.cue is not None and s.cue.text.lower() == "asked"]
    assert asked
    assert all(s.speaker is None for s in asked)
    assert any(s.speaker is not None and s.speaker.text == "Ana Ruiz" for s in statements)


def test_a_subjectless_saying_after_a_clause_set_off_by_a_comma_is_that_clauses_subject(  # type: ignore[no-untyped-def]
    nlp,
) -> None:
    # Parsed with the first clause as the complement of a subjectless "says": the noun just
    # before the verb ("stadium") would otherwise speak.
    text = "Hale briefly greeted the crowd at the gate of the stadium, then says he will run again."
    statement = holding(extract_statements(nlp(text)), "he will run again")
    assert _speaker(statement) == "Hale"


@pytest.mark.parametrize(
    "text",
    [
        "“As far as what the council has done, it has asked us, ‘What can I do? What kind of"
        " help do you need?’” Weaver said.",
        "“What really went through my mind then is ‘She knows. She knew,’” Weaver said.",
    ],
)
def test_a_quote_ending_in_a_quote_is_framed_by_the_clause_after_it(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # the closing marks of the inner quote do not hide the outer quote's last mark (a question
    # mark, a comma), which leaves the sentence open for "Weaver said"
    statement = holding(extract_statements(nlp("The mayor spoke.\n\n" + text)), "“")
    assert statement.cue is not None
    assert (statement.cue.text, _speaker(statement)) == ("said", "Weaver")


def test_a_bare_said_after_a_stray_full_stop_frames_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The governor spoke on Tuesday.\n\n“Russia, if you’re listening, I hope you find the"
        " emails.” Ruiz said.\n\n“We won the count in every county of the state.” Ruiz said the"
        " recount was over."
    )
    statements = extract_statements(nlp(text))
    framed = holding(statements, "find the emails")
    assert framed.cue is not None
    assert (framed.cue.text, _speaker(framed)) == ("said", "Ruiz")
    # a sentence of its own after the full stop ("said the count was over") frames nothing
    assert holding(statements, "every county").cue is None


def test_he_after_a_sentence_about_a_named_man_is_that_man_not_the_last_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Its chief executive, Grant Hurst, said the levy would cost jobs.\n\n"
        "Nigel Fenwick, the party leader, has been speaking to reporters outside parliament. "
        "He told them that the budget had failed."
    )
    hurst = text.index("Grant Hurst")
    he = text.index("He told")
    named = Span.of(text, hurst, hurst + 11)
    mentions = (  # the recogniser missed "Nigel Fenwick", as the small model often does
        Mention(named, "PERSON", "name", "test", "e1"),
        Mention(
            Span.of(text, he, he + 2), "PERSON", "pronoun", "test", "e1", Resolution("t", named)
        ),
    )
    entities = (Entity("e1", "PERSON", "Grant Hurst", "test", mentions=(mentions[0],)),)
    statements = extract_statements(nlp(text), mentions=mentions, entities=entities)
    statement = holding(statements, "the budget had failed")
    assert statement.chain[-1].text == "Nigel Fenwick"
    assert statement.speaker_entity is None
    assert statement.doubt is not None
    assert "Grant Hurst" in statement.doubt
    woman = text.replace("Nigel Fenwick", "Alice Fenwick")  # "he" is no woman: Hurst stands
    statements = extract_statements(nlp(woman), mentions=mentions, entities=entities)
    assert holding(statements, "the budget had failed").speaker_entity == "e1"


def test_he_after_a_sentence_about_a_man_himself_is_that_man(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Luca Ferri said the club had made an offer. Conti himself appeared to play down talk "
        "of a move. In an interview with a television channel, he said he was happy in Milan."
    )
    statements, _ = _with_entities(nlp, text)
    found = holding(statements, "he was happy in Milan")
    assert found.chain[-1].text == "Conti"
    assert found.doubt is not None
    assert "Luca Ferri" in found.doubt


def test_she_carrying_on_an_unresolved_she_is_not_whom_that_one_spoke_of(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Karin Vos delivered her budget on Wednesday.\n\n"
        "Kemi Bako is replying to the budget now. She says Vos promised last year that she "
        "would not come back for more taxes. She says the minister has no plan for growth."
    )
    vos = text.index("Karin Vos")
    again = text.index("Vos promised")
    first = text.index("She says")
    second = text.rindex("She says")
    named = Span.of(text, again, again + 3)
    mentions = (
        Mention(Span.of(text, vos, vos + 9), "PERSON", "name", "test", "e1"),
        Mention(named, "PERSON", "name", "test", "e1"),
        Mention(
            Span.of(text, first, first + 3), "PERSON", "pronoun", "test", None, Resolution("t")
        ),
        Mention(
            Span.of(text, second, second + 3),
            "PERSON",
            "pronoun",
            "test",
            "e1",
            Resolution("t", named),
        ),
    )
    entities = (Entity("e1", "PERSON", "Karin Vos", "test", mentions=mentions[:2]),)
    statements = extract_statements(nlp(text), mentions=mentions, entities=entities)
    assert holding(statements, "Vos promised last year").speaker_entity is None
    later = holding(statements, "no plan for growth")
    assert later.speaker_entity is None
    assert later.doubt is not None
    assert "Karin Vos" in later.doubt


def test_it_after_a_saying_in_a_statement_is_who_issued_the_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'The army said in a statement that it had struck "a command centre" inside a former '
        "school. It said it had taken steps to reduce harm to civilians."
    )
    statements, _ = _with_entities(nlp, text)
    found = holding(statements, "taken steps to reduce harm")
    assert found.chain[-1].text == "The army"
    assert found.doubt is not None
    assert "statement" in found.doubt


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "The paper claims the director has asked to be kept informed, with coach Ivo Lenz "
            "said to be a long-standing admirer of the player.",
            "long-standing admirer",
        ),
        ("The club, said to be monitoring the striker, declined to comment.", "monitoring"),
    ],
)
def test_a_name_said_to_be_something_is_not_who_says_it(nlp, text: str, words: str) -> None:  # type: ignore[no-untyped-def]
    statements = extract_statements(nlp(text))
    found = [s for s in attributed(statements) if s.cue is not None and s.cue.text == "said"]
    assert len(found) == 1
    assert words in found[0].content[0].text
    assert found[0].speaker is None


def test_who_said_to_be_careful_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    found = holding(extract_statements(nlp("The coach said to be careful.")), "careful")
    assert _speaker(found) == "The coach"


def test_a_document_measured_relays_nothing_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The minister has finished. The whole speech lasted 71 minutes. Our economics "
        "correspondent says the big surprise was the size of the levy."
    )
    found = holding(extract_statements(nlp(text)), "the size of the levy")
    assert [hop.text for hop in found.chain[1:]] == ["Our economics correspondent"]


def test_a_closing_frame_the_parser_made_a_relative_clause_reports_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Everton have rejected a second bid from Bayer Leverkusen for midfielder James Garner, "
        "the Liverpool Echo reports."
    )
    found = holding(extract_statements(nlp(text)), "rejected a second bid")
    assert _speaker(found) == "the Liverpool Echo"
    assert found.content[0].text.endswith("James Garner")
    relative = extract_statements(nlp("He read the report, the one the paper published."))
    assert not any(s.cue is not None and s.cue.text == "published" for s in relative)


def test_a_noun_of_saying_after_despite_is_not_the_clause_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Despite complaints that ...": others complained; the council only approved the budget.
    text = "Despite complaints that the mayor was slow to act, the council approved the budget."
    statement = holding(extract_statements(nlp(text)), "the mayor was slow to act")
    assert statement.speaker is None


def test_who_draws_complaints_is_not_who_complains(nlp) -> None:  # type: ignore[no-untyped-def]
    # A receiving verb ("draw", "face", "attract") makes its subject the target of the
    # complaints its object names, as for stands ("faced criticism of").
    text = "Within a year, the new law was drawing complaints that it was badly written."
    statement = holding(extract_statements(nlp(text)), "it was badly written")
    assert statement.speaker is None


def test_the_question_before_an_answer_is_not_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Asked ..., she said, '...'": the question frames the answer; the answer is the content.
    text = (
        "The report was published on Monday. Asked by a reporter whether she had read the "
        'report, she said, "I read it once, and it told me nothing new about the plant."'
    )
    statement = holding(extract_statements(nlp(text)), "it told me nothing new")
    assert _speaker(statement) == "she"
    assert not any("Asked" in piece.text for piece in statement.content)
