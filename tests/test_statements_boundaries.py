"""Where a quote's content starts and ends, and whose it is, on hand-written texts.

Each case follows a convention of PolNeAR (mixed quotes take the words the cue interrupts or
the sentence goes on with; a quote right after a statement continues it) or a parse the
speaker rules must see through (a participle or infinitive cue with no subject of its own).
"""

from __future__ import annotations

import pytest

from sayso.records import Statement
from sayso.statements import extract_statements
from tests.statement_support import attributed

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from sayso.nlp.loader import load_model

    return load_model()


def _only(nlp, text: str) -> Statement:  # type: ignore[no-untyped-def]
    (statement,) = attributed(extract_statements(nlp(text)))
    return statement


def _speaker(statement: Statement) -> str | None:
    return statement.speaker.text if statement.speaker is not None else None


def test_words_after_an_unpunctuated_quote_are_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“The only way forward is a new bridge” for the whole city, she said."
    statement = _only(nlp, text)
    assert [c.text for c in statement.content] == [
        "“The only way forward is a new bridge” for the whole city"
    ]
    assert statement.kind == "partial"
    assert _speaker(statement) == "she"


def test_quote_after_a_set_off_cue_takes_the_words_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Sooner or later, the mayor told reporters, "it starts to pay off."'
    statement = _only(nlp, text)
    assert [c.text for c in statement.content] == ["Sooner or later", '"it starts to pay off."']
    assert statement.kind == "partial"
    assert _speaker(statement) == "the mayor"


def test_capitalised_quote_after_a_set_off_cue_stays_direct(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'After the vote, the mayor told reporters, "It starts to pay off."'
    statement = _only(nlp, text)
    assert [c.text for c in statement.content] == ['"It starts to pay off."']
    assert statement.kind == "direct"


def test_object_before_a_comma_is_content(nlp) -> None:  # type: ignore[no-untyped-def]
    statement = _only(nlp, 'The senator added the words, "Thank you all for coming tonight."')
    assert statement.content[0].text.startswith("the words,")
    assert statement.kind == "partial"


def test_object_before_a_colon_is_part_of_the_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'She added a caveat: "I will vote for anyone who shares his values."'
    statement = _only(nlp, text)
    assert [c.text for c in statement.content] == [
        '"I will vote for anyone who shares his values."'
    ]
    assert statement.kind == "direct"


def test_quote_opening_the_next_sentence_continues_the_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'The plan is "too little," he added. "Without new money, the city risks a lot."'
    statement = _only(nlp, text)
    assert len(statement.content) == 2
    assert statement.content[-1].text == '"Without new money, the city risks a lot."'
    assert _speaker(statement) == "he"


def test_quote_filling_the_next_paragraph_continues_a_direct_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We have nobody writing songs for her," he said.\n\n'
        '"Right now, the vote is against the mayor, not for her."'
    )
    statement = _only(nlp, text)
    assert [c.text for c in statement.content] == [
        '"We have nobody writing songs for her,"',
        '"Right now, the vote is against the mayor, not for her."',
    ]


def test_quote_in_the_next_paragraph_with_more_words_stays_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We have nobody writing songs for her," he said.\n\n'
        'The campaign, he added, "will need a new slogan soon."'
    )
    assert len(attributed(extract_statements(nlp(text)))) == 2


def test_any_verb_after_a_comma_closed_quote_frames_it(nlp) -> None:  # type: ignore[no-untyped-def]
    statement = _only(nlp, '"Honestly, say, this is not how we do things here," the mayor went on.')
    assert statement.cue is not None
    assert statement.cue.text.startswith("went")
    assert _speaker(statement) == "the mayor"


def test_nickname_does_not_cut_the_frame_after_a_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"This is a big year for our city and our state!" The mayor\'s niece, '
        'Marcia "Cia" Price, shouted to the crowd.'
    )
    statement = _only(nlp, text)
    assert [c.text for c in statement.content] == [
        '"This is a big year for our city and our state!"'
    ]
    assert statement.cue is not None
    assert statement.cue.text == "shouted"
    assert "niece" in (_speaker(statement) or "")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The governor has a rare chance to argue that he can deliver a serious speech.",
            "The governor",
        ),
        ("He won't be able to brag that he leads the polls in the state.", "He"),
    ],
)
def test_infinitive_cue_speaks_for_the_subject_of_its_clause(nlp, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    statement = _only(nlp, text)
    assert _speaker(statement) == speaker


def test_participle_of_being_asked_names_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Asked to describe the device that caused the blast, the mayor said he would not speculate."
    )
    statements = attributed(extract_statements(nlp(text)))
    asked = next(s for s in statements if s.cue is not None and s.cue.text == "Asked")
    said = next(s for s in statements if s.cue is not None and s.cue.text == "said")
    assert asked.speaker is None
    assert _speaker(said) == "the mayor"


def test_relative_object_of_the_cue_opens_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Analysts put his fortune at $2.9 billion, which Mr. Ruiz called ''a disgrace,'' "
        "blaming the press."
    )
    statements = attributed(extract_statements(nlp(text)))
    called = next(s for s in statements if s.cue is not None and s.cue.text == "called")
    assert [c.text for c in called.content] == ["which", "''a disgrace,''"]
    assert called.kind == "partial"
    assert _speaker(called) == "Mr. Ruiz"


def test_lone_conjunction_before_a_set_off_cue_is_not_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "But, she told the mayors who gathered in the city, "
        '"no one should be confused about our commitment to Europe."'
    )
    statement = _only(nlp, text)
    assert [c.text for c in statement.content] == [
        '"no one should be confused about our commitment to Europe."'
    ]


def test_quote_after_the_cue_frame_is_not_a_second_half(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"Let me tell you the facts now," the senator said after a brief "I am sorry" to his rival.'
    )
    statements = attributed(extract_statements(nlp(text)))
    facts = next(s for s in statements if "facts" in s.content[0].text)
    assert [c.text for c in facts.content] == ['"Let me tell you the facts now,"']
    assert _speaker(facts) == "the senator"


def test_passive_participle_names_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The holiday week, known as the Golden Week, starts on Saturday."
    statements = attributed(extract_statements(nlp(text)))
    (known,) = [s for s in statements if s.cue is not None and s.cue.text == "known"]
    assert known.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister said Tuesday the vote would go ahead.",
        "The mayor said Monday night the bridge had reopened.",
    ],
)
def test_the_day_of_the_saying_is_not_content(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    statement = _only(nlp, text)
    assert statement.content[0].text.startswith("the ")


def test_a_subject_set_off_from_its_clause_and_read_as_the_object_opens_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser makes "it" the object of "said" and leaves "had engaged" without a subject.
    text = (
        "Apple is appealing a ruling that said it, too, had engaged in price-fixing "
        "with the publishers."
    )
    (statement,) = [
        s for s in attributed(extract_statements(nlp(text))) if s.cue and s.cue.text == "said"
    ]
    assert [c.text for c in statement.content] == [
        "it, too, had engaged in price-fixing with the publishers"
    ]
    assert statement.kind == "indirect"
    assert statement.chain[-1].text == "a ruling"


def test_an_object_pronoun_before_a_clause_with_its_own_subject_stays_out(nlp) -> None:  # type: ignore[no-untyped-def]
    statement = _only(nlp, "She told them, plainly, that the plant would close.")
    assert not statement.content[0].text.startswith("them")
    assert statement.content[-1].text.endswith("the plant would close")


@pytest.mark.parametrize(
    "text",
    [
        "The newspaper reported at the time that the firm had won three contracts.",
        "The newspaper said in a report that the firm had won three contracts.",
        "The newspaper said in a video aired Sunday that the firm had won three contracts.",
        "The newspaper reported for the first time that the firm had won three contracts.",
    ],
)
def test_a_that_clause_hung_from_the_noun_of_when_or_where_is_the_verbs(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    statement = _only(nlp, text)
    assert statement.cue is not None
    assert statement.cue.text in ("reported", "said")
    assert [c.text for c in statement.content] == ["that the firm had won three contracts"]
    assert _speaker(statement) == "The newspaper"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The senator called for the minister to resign.", "The senator", "the minister to resign"),
        (
            "The union has long pushed for the city to raise wages.",
            "The union",
            "the city to raise wages",
        ),
    ],
)
def test_a_for_clause_read_as_adverbial_is_what_the_verb_calls_for(
    nlp, text: str, speaker: str, content: str
) -> None:  # type: ignore[no-untyped-def]
    # The parser reads "for" as a conjunction and hangs "X to VP" as an adverbial clause.
    statement = _only(nlp, text)
    assert [c.text for c in statement.content] == [content]
    assert _speaker(statement) == speaker


def test_a_for_clause_after_an_object_says_what_the_object_is_for(nlp) -> None:  # type: ignore[no-untyped-def]
    statements = attributed(
        extract_statements(nlp("The firm gave its staff time for the talks to end."))
    )
    assert not any("talks to end" in c.text for s in statements for c in s.content)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The host asked her if she had been preparing herself for the debate.", "The host"),
        ("The committee wondered if the agency had been hiding the data.", "The committee"),
        ("Asked if he had ever been bullied, the mayor laughed.", None),
    ],
)
def test_an_if_clause_read_as_adverbial_is_the_question_asked(
    nlp, text: str, speaker: str | None
) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs the "if" clause as a condition; after a verb of asking it is the
    # question. Whoever answers a bare "Asked if ..." did not ask it.
    statement = _only(nlp, text)
    (content,) = statement.content
    assert content.text.startswith("if ")
    assert _speaker(statement) == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The meeting was first reported by Politico.", "Politico", "The meeting"),
        ("Her death was confirmed by the group she founded.", "the group", "Her death"),
    ],
)
def test_a_passive_saying_with_an_agent_reports_its_subject(
    nlp, text: str, speaker: str, content: str
) -> None:  # type: ignore[no-untyped-def]
    statement = _only(nlp, text)
    assert [c.text for c in statement.content] == [content]
    assert _speaker(statement) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The deal was announced on Friday.",  # no agent: who said it is unknown
        "The mayor was asked by reporters about the budget.",  # the mayor is addressed
        "The letter was written by her lawyer.",  # the author of a text
        "They used the data, which is maintained by a vendor.",  # a description
    ],
)
def test_a_passive_saying_reports_no_subject_without_a_speaker_or_as_an_addressee(
    nlp, text: str
) -> None:  # type: ignore[no-untyped-def]
    assert not attributed(extract_statements(nlp(text)))


def test_a_passive_saying_with_a_predicate_leaves_it_to_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The spate of strandings has been described as “heartbreaking” by the department."
    statements = attributed(extract_statements(nlp(text)))
    assert not any(c.text == "The spate of strandings" for s in statements for c in s.content)


def test_the_subject_a_raising_verb_lifted_is_part_of_what_seems(nlp) -> None:  # type: ignore[no-untyped-def]
    statement = _only(nlp, "Sanders seems to reap the benefits of the split.")
    assert [c.text for c in statement.content] == ["Sanders", "to reap the benefits of the split"]
    assert statement.speaker is None


def test_a_raising_verb_inside_a_reported_clause_stays_in_it(nlp) -> None:  # type: ignore[no-untyped-def]
    statement = _only(
        nlp, "The polls indicate that Sanders seems to reap the benefits of the split."
    )
    assert [c.text for c in statement.content] == [
        "that Sanders seems to reap the benefits of the split"
    ]


def test_according_to_set_off_before_the_verb_reports_the_clause_around_it(nlp) -> None:  # type: ignore[no-untyped-def]
    statement = _only(nlp, "Fundraising, according to the campaign, has surged in the same period.")
    assert [c.text for c in statement.content] == ["Fundraising", "has surged in the same period"]
    assert _speaker(statement) == "the campaign"


@pytest.mark.parametrize(
    "text",
    [
        "The company's revenue grew 12% in the quarter, beating forecasts, according to the firm.",
        "Two bridges collapsed in the storm, leaving the town cut off, according to the mayor.",
    ],
)
def test_according_to_after_a_set_off_participle_reports_its_whole_clause(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs the phrase on the participle; the account is of the clause it is set
    # off from as well
    statements = attributed(extract_statements(nlp(text)))
    (according,) = [s for s in statements if s.cue is not None and s.cue.text == "according to"]
    assert [c.text for c in according.content] == [text.rsplit(", according", 1)[0]]


def test_according_to_after_the_that_of_a_clause_reports_what_follows(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The agency found that, according to an analysis of her calendar, most of the "
        "meetings were with donors."
    )
    statements = attributed(extract_statements(nlp(text)))
    according = [s for s in statements if s.cue is not None and s.cue.text == "according to"]
    assert [[c.text for c in s.content] for s in according] == [
        ["most of the meetings were with donors"]
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The tax cuts, which he estimates will not expire for another four years, are popular.",
            ["which", "will not expire for another four years"],
        ),
        ("The plan, which critics argue will raise costs, passed.", ["which", "will raise costs"]),
        (
            "It broke a rule that officials say was written in 1990.",
            ["that", "was written in 1990"],
        ),
    ],
)
def test_a_relative_pronoun_before_the_speaker_opens_what_is_said(
    nlp, text: str, content: list[str]
) -> None:  # type: ignore[no-untyped-def]
    statements = attributed(extract_statements(nlp(text)))
    assert [[c.text for c in s.content] for s in statements] == [content]


def test_a_statement_put_out_with_a_saying_participle_reports_the_participles_words(nlp) -> None:  # type: ignore[no-untyped-def]
    statement = _only(nlp, "The campaign issued a statement saying it would postpone the rally.")
    assert statement.cue is not None
    assert statement.cue.text == "issued a statement saying"
    assert [c.text for c in statement.content] == ["it would postpone the rally"]
    assert _speaker(statement) == "The campaign"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Officials denied a report saying the plant would close.", "denied"),
        ("The campaign did not issue a statement saying it would postpone the rally.", "issue"),
    ],
)
def test_a_document_someone_else_put_out_or_none_is_no_frame(nlp, text: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    statements = attributed(extract_statements(nlp(text)))
    assert any(s.cue is not None and cue in s.cue.text for s in statements)


def test_the_subject_before_a_set_off_cue_stays_in_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser makes "Voters" a second subject of "suggested".
    text = (
        "Voters, Clinton suggested, don't have to worry that big banks can influence politicians."
    )
    statements = attributed(extract_statements(nlp(text)))
    statement = next(s for s in statements if s.cue is not None and s.cue.text == "suggested")
    assert [c.text for c in statement.content] == [
        "Voters",
        "don't have to worry that big banks can influence politicians",
    ]
    assert _speaker(statement) == "Clinton"


def test_a_that_read_as_the_object_of_a_verb_with_its_own_object_opens_the_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The ministry said in a statement carried by state media that Estonia bore "
        '"full responsibility" for the crisis.'
    )
    statement = _only(nlp, text)
    assert statement.cue is not None
    assert statement.cue.text == "said"
    assert [c.text for c in statement.content] == [
        'that Estonia bore "full responsibility" for the crisis'
    ]


def test_a_that_read_as_the_object_of_a_verb_that_takes_no_document_opens_the_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    # Parsed as the trucks entering the post; only verbs that make or pass on documents take
    # one as object ("a post that she shared").
    text = "COGAT said in a post on X that more than 13,000 trucks had entered since March."
    statement = _only(nlp, text)
    assert statement.cue is not None
    assert statement.cue.text == "said"
    assert [c.text for c in statement.content] == [
        "that more than 13,000 trucks had entered since March"
    ]


def test_the_that_clause_of_someone_elses_claim_stays_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "He said in the debate that voters were tired, and replied to Romney's claim that "
        "the country would suffer."
    )
    by_cue = {s.cue.text: s for s in attributed(extract_statements(nlp(text))) if s.cue}
    assert by_cue["claim"].content[0].text == "that the country would suffer"
    assert _speaker(by_cue["claim"]) == "Romney's"
    assert not by_cue["replied"].content[0].text.startswith("that")


def test_a_relative_clause_of_the_noun_after_a_saying_is_no_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister spoke at the meeting that was held on Monday."
    statements = attributed(extract_statements(nlp(text)))
    assert not any("was held on Monday" in c.text for s in statements for c in s.content)


def test_quote_after_a_title_ending_the_sentence_goes_on_with_the_quote_before(nlp) -> None:  # type: ignore[no-untyped-def]
    # The programme's title closes the cue's sentence inside its own closing mark; the next
    # quote opens a sentence of its own, not a scare quote in the cue's sentence.
    text = (
        '"The talks are moving faster than anyone expected," Ortiz said on ABC\'s "This Week." '
        '"But nothing is signed."'
    )
    statement = _only(nlp, text)
    assert [c.text for c in statement.content] == [
        '"The talks are moving faster than anyone expected,"',
        '"But nothing is signed."',
    ]
    assert _speaker(statement) == "Ortiz"


@pytest.mark.parametrize(
    "text",
    [
        "Landlords argue it would give city inspectors badly needed staff.",
        "Teachers argue it would give rural schools badly needed funds.",
    ],
)
def test_an_object_hung_from_the_cue_after_its_clause_is_content(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs "staff" (or "needed funds", as a second verb) from "argue"; a verb's
    # own object comes before the clause it reports, so these words are the clause's.
    statement = _only(nlp, text)
    assert [c.text for c in statement.content] == [text.split(" ", 2)[2].rstrip(".")]


def test_reported_content_runs_on_to_the_mark_closing_its_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    # The full stop inside the marks ends the parse's sentence; the quoted words go on.
    text = (
        'The governor said the ruling was "in direct conflict with the state constitution. '
        'The threat to our schools is very clear." Lawmakers meet on Monday.'
    )
    (statement,) = [s for s in attributed(extract_statements(nlp(text))) if s.cue]
    assert statement.content[-1].text.endswith('The threat to our schools is very clear."')
    assert _speaker(statement) == "The governor"


def test_reported_content_stops_before_a_quote_another_statement_holds(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'The governor said the ruling was "in direct conflict with the state constitution. '
        'The threat is clear," Smith said. Lawmakers meet on Monday.'
    )
    statements = attributed(extract_statements(nlp(text)))
    governor = next(s for s in statements if _speaker(s) == "The governor")
    assert "threat" not in governor.content[-1].text


@pytest.mark.parametrize(
    ("text", "first_piece"),
    [
        (
            "Teachers are “looking to see who is on the other side of the ballot,” union "
            "president Maria Lopez said. “That has to worry every educator.”",
            "Teachers are “looking to see who is on the other side of the ballot,”",
        ),
        (
            'His chances "are very slim," says Walter Stone, a professor of politics. '
            '"The deck is stacked against him."',
            'His chances "are very slim,"',
        ),
    ],
)
def test_a_piece_cut_off_by_the_frame_keeps_its_closing_mark(
    nlp, text: str, first_piece: str
) -> None:  # type: ignore[no-untyped-def]
    statement = _only(nlp, text)
    assert statement.content[0].text == first_piece
    assert len(statement.content) == 2


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Keyworth was one of the trusted minds on the board, and he was so fired up about "
            "the deal he said she should call the chief right away.",
            "she should call the chief right away",
        ),
        (
            "The young tend to hold liberal views: 53% describe themselves as liberal; 26% say "
            "they are conservative.",
            "they are conservative",
        ),
    ],
)
def test_the_clause_right_after_a_saying_is_its_content(nlp, text: str, clause: str) -> None:  # type: ignore[no-untyped-def]
    # The parser also hangs the clause before the verb from it, which outscored this one.
    statements = attributed(extract_statements(nlp(text)))
    said = [s for s in statements if s.cue is not None and s.cue.text in ("said", "say")]
    assert [s.content[0].text for s in said] == [clause]


def test_an_adverbial_right_after_a_saying_is_not_its_content(nlp) -> None:  # type: ignore[no-untyped-def]
    statement = _only(nlp, "“He did not report the loans,” he said as some in the crowd booed.")
    assert statement.kind == "direct"
    assert statement.content[0].text == "“He did not report the loans,”"
