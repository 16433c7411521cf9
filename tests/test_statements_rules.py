"""Rules for speakers and spurious statements, on hand-written news sentences."""

from __future__ import annotations

import pytest

from sayso.records import Entity, Mention, Resolution, Span
from sayso.statements import extract_statements
from tests.statement_support import attributed, holding

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from sayso.nlp.loader import load_model

    return load_model()


def _mention(text: str, words: str, label: str, kind: str, entity_id: str, **resolution: object):
    start = text.index(words)
    return Mention(
        Span.of(text, start, start + len(words)),
        label,
        kind,  # type: ignore[arg-type]
        "test",
        entity_id,
        Resolution(**resolution) if resolution else None,  # type: ignore[arg-type]
    )


def test_document_speaker_is_carried_by_its_outlet(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Harbor Gazette ran a long piece on Friday. The piece says that the port will close."
    outlet = _mention(text, "The Harbor Gazette", "ORG", "name", "e1")
    document = _mention(
        text, "The piece", "DOCUMENT", "nominal", "e2", reason="document of e1 (names its outlet)"
    )
    entities = (
        Entity("e1", "ORG", "Harbor Gazette", "test", mentions=(outlet,)),
        Entity("e2", "WORK_OF_ART", "Harbor Gazette piece", "test", mentions=(document,)),
    )
    statement = holding(
        extract_statements(nlp(text), mentions=(outlet, document), entities=entities),
        "the port will close",
    )
    assert [(h.role, h.text, h.entity_id) for h in statement.chain[1:]] == [
        ("media", "Harbor Gazette", "e1"),
        ("document", "The piece", "e2"),
    ]


def test_it_takes_the_document_named_earlier_in_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The agency published a report in March. The mayor had sent a memo weeks before. "
        "In the closing lines of the memo, it warned: “Prices will keep climbing for years.”"
    )
    it_at = text.index("it warned")
    pronoun = Mention(
        Span.of(text, it_at, it_at + 2),
        "DOCUMENT",
        "pronoun",
        "test",
        "e-report",
        Resolution("pronoun 'it' agrees with DOCUMENT e-report"),
    )
    memo_at = text.index("the memo,")
    memo = Mention(Span.of(text, memo_at, memo_at + 8), "DOCUMENT", "nominal", "test", "e-memo")
    entities = (
        Entity("e-report", "WORK_OF_ART", "agency report", "test", mentions=(pronoun,)),
        Entity("e-memo", "WORK_OF_ART", "memo", "test", mentions=(memo,)),
    )
    statement = holding(
        extract_statements(nlp(text), mentions=(pronoun, memo), entities=entities),
        "Prices will keep",
    )
    assert (statement.chain[-1].role, statement.chain[-1].entity_id) == ("document", "e-memo")
    assert statement.chain[-1].text == "the memo"


def test_pronoun_speaker_is_not_a_name_inside_its_own_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Villagers met the envoy. “When the trucks reached Tikrit, everything changed,” they said."
    )
    pronoun = _mention(
        text,
        "they",
        "GPE",
        "pronoun",
        "e-city",
        reason="pronoun 'they' agrees with GPE e-city",
        antecedent=Span.of(text, text.index("Tikrit"), text.index("Tikrit") + 6),
    )
    city = _mention(text, "Tikrit", "GPE", "name", "e-city")
    entities = (Entity("e-city", "GPE", "Tikrit", "test", mentions=(city, pronoun)),)
    statement = holding(
        extract_statements(nlp(text), mentions=(pronoun, city), entities=entities),
        "everything changed",
    )
    assert statement.speaker is not None
    assert statement.speaker.text == "they"
    assert statement.speaker_entity is None
    # not the city inside the quote: the villagers the sentence before has as subject
    assert (statement.chain[-1].role, statement.chain[-1].text) == ("group", "Villagers")


@pytest.mark.parametrize(
    ("text", "object_words"),
    [
        ("The documentary shows Ellison on a fishing boat in the bay.", "Ellison"),
        ("Late at night the senator sees an old postcard from his brother.", "postcard"),
    ],
)
def test_perceived_or_depicted_objects_are_not_statements(nlp, text, object_words) -> None:  # type: ignore[no-untyped-def]
    statements = attributed(extract_statements(nlp(text)))
    assert not any(object_words in c.text for s in statements for c in s.content)


def test_nested_report_with_a_clause_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister said that the union had insisted that wages fell sharply last year."
    statement = holding(extract_statements(nlp(text)), "wages fell sharply")
    assert statement.speaker is not None
    assert statement.speaker.text == "the union"


def test_colon_after_any_verb_introduces_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ana Ruiz spoke at the harbor on Monday.\n\n"
        "Ana Ruiz continued: “The plan will fail because nobody funded the new pumps.”"
    )
    statement = holding(extract_statements(nlp(text)), "nobody funded")
    assert statement.kind == "direct"
    assert statement.speaker is not None
    assert statement.speaker.start == text.index("Ana Ruiz continued")
    assert statement.cue is not None
    assert statement.cue.text == "continued"


def test_paragraph_ending_in_a_colon_introduces_the_next_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The council met on Monday.\n\nAna Ruiz continued:\n\n"
        "“The plan will fail because nobody funded the new pumps.”"
    )
    statement = holding(extract_statements(nlp(text)), "nobody funded")
    assert statement.speaker is not None
    assert statement.speaker.text == "Ana Ruiz"


def test_speaker_is_never_inside_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“The budget is a mess this year. A total mess,” said Leslie Wimes in an interview."
    statement = holding(extract_statements(nlp(text)), "total mess")
    assert statement.speaker is not None
    assert statement.speaker.text == "Leslie Wimes"


def test_parenthetical_cue_reports_the_sentence_around_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The museum, the mayor said, will open next spring."
    statement = holding(extract_statements(nlp(text)), "will open next spring")
    assert statement.kind == "indirect"
    assert [c.text for c in statement.content] == ["The museum", "will open next spring"]
    assert statement.speaker is not None
    assert statement.speaker.text == "the mayor"


def test_passive_cue_without_agent_has_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor was accused of hiding the report from the council."
    statement = holding(extract_statements(nlp(text)), "hiding the report")
    assert statement.speaker is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Her new book, “Make Your Money Grow Fast,” came out in May and sold well.", "Grow"),
        ("The mayor spoke for an hour.\n\n“Coal Is Not the Enemy.”\n\nRain fell at noon.", "Coal"),
    ],
)
def test_titles_and_headings_are_not_statements(nlp, text, words) -> None:  # type: ignore[no-untyped-def]
    statements = attributed(extract_statements(nlp(text)))
    assert not any(words in c.text for s in statements for c in s.content)


def test_quote_completing_a_reporting_clause_is_partial(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Cruz called Trump a “pathological liar who cannot be trusted with anything at all.”"
    statement = holding(extract_statements(nlp(text)), "pathological liar")
    assert statement.kind == "partial"
    assert statement.content[0].text.startswith("Trump a “pathological")
    assert statement.speaker is not None
    assert statement.speaker.text == "Cruz"
    assert statement.cue is not None
    assert statement.cue.text == "called"


def test_a_quoted_predicate_after_the_object_is_part_of_what_is_called(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs the opening mark from "called", which ended the content at the object
    # and lost the quote.
    text = 'Ruth Gates called the findings "sobering but not surprising".'
    statement = holding(extract_statements(nlp(text)), "sobering but not surprising")
    assert statement.kind == "partial"
    assert statement.content[0].text.startswith("the findings")
    assert statement.speaker is not None
    assert statement.speaker.text == "Ruth Gates"


def test_quoted_transcript_turns_have_their_labels_as_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“SMITH: We will not raise taxes this year.\n\n“JONES: Then how will you pay for roads?"
    statements = attributed(extract_statements(nlp(text)))
    assert [(s.speaker.text if s.speaker else None, s.content[0].text) for s in statements] == [
        ("SMITH", "We will not raise taxes this year."),
        ("JONES", "Then how will you pay for roads?"),
    ]


def test_a_transcript_turn_holding_a_reported_saying_is_the_labels(nlp) -> None:  # type: ignore[no-untyped-def]
    # The saying inside the turn ("he said last week ...") nests in the turn, whose speaker
    # is the label.
    text = (
        "SMITH: I think the plan can pass. He said last week that the council would vote.\n\n"
        "JONES: Then how will you pay for roads?"
    )
    statements = extract_statements(nlp(text))
    turn = holding(statements, "I think the plan can pass")
    assert turn.speaker is not None
    assert turn.speaker.text == "SMITH"
    assert turn.parent is None
    inner = [s for s in attributed(statements) if s.parent == turn.id]
    assert any("the council would vote" in s.content[0].text for s in inner)


def test_a_lone_label_over_a_reported_saying_is_no_turn(nlp) -> None:  # type: ignore[no-untyped-def]
    # A headline's kicker, with no other turn near it.
    text = (
        "EXCLUSIVE: Mayor insists the budget is balanced.\n\n"
        "The council meets on Monday to vote on the plan for the port.\n\n"
        "The vote is expected to be close."
    )
    statements = attributed(extract_statements(nlp(text)))
    assert statements
    assert all(s.speaker is None or s.speaker.text != "EXCLUSIVE" for s in statements)


def test_noun_cue_speaks_for_the_subject_of_its_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Democrats made the argument that the panel had overstepped its powers."
    statement = holding(extract_statements(nlp(text)), "overstepped")
    assert statement.speaker is not None
    assert statement.speaker.text == "Democrats"


def test_recorded_evidence_still_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The video shows the officer walking toward the car."
    statement = holding(extract_statements(nlp(text)), "the officer walking")
    assert statement.speaker is not None
    assert statement.speaker.text == "The video"


def test_second_cue_between_quotes_starts_a_new_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We cannot pay for this anymore,” Ana Ruiz said, adding later, "
        "“The pumps are already old and they leak.”"
    )
    statements = attributed(extract_statements(nlp(text)))
    assert [(len(s.content), s.cue.text if s.cue else None) for s in statements] == [
        (1, "said"),
        (1, "adding"),
    ]


@pytest.mark.parametrize(
    ("title", "speaker"),
    [
        ("Sanders: Brexit's message could draw support for Trump in the US.", "Sanders"),
        ("Insiders: Mayor will win the runoff in Dover.", "Insiders"),
        ("Okafor camp: The new port plan threatens local jobs.", "Okafor camp"),
    ],
)
def test_a_title_labelled_with_a_speaker_is_theirs(nlp, title: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    # The parser reads a title's words poorly ("Sanders" as a plural noun): a word the
    # article names elsewhere is a name; a source noun or a name's noun speaks too.
    text = (
        f"{title}\n\n"
        "Bernie Sanders spoke on Monday in Vermont, where Chidi Okafor also campaigned.\n\n"
        "The vote is expected to be close."
    )
    statement = holding(extract_statements(nlp(text)), title.split(": ")[1][:20])
    assert statement.cue is not None
    assert statement.cue.text == ":"
    assert statement.speaker is not None
    assert statement.speaker.text == speaker


@pytest.mark.parametrize(
    "title",
    [
        "The Latest: Council to vote on the port plan.",
        "Delegate Update: The latest count in the Democratic race.",
        "Netanyahu and Obama: A tortured relationship.",
    ],
)
def test_a_title_kicker_is_no_speaker(nlp, title: str) -> None:  # type: ignore[no-untyped-def]
    text = f"{title}\n\nThe council meets on Monday to vote on the plan for the port."
    statements = attributed(extract_statements(nlp(text)))
    assert all(s.cue is None or s.cue.text != ":" for s in statements)


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Mr. Manafort, citing “the unique magic of Trump,” said the candidate could win "
            "Pennsylvania.",
            "the candidate could win Pennsylvania",
        ),
        (
            "She declared “What a Super Tuesday!” and said that her campaign would go on.",
            "that her campaign would go on",
        ),
        (
            "Sam Okafor, a contestant on the show “The Apprentice,” said his boss was kind.",
            "his boss was kind",
        ),
    ],
)
def test_a_saying_after_another_verbs_quote_says_its_clause(nlp, text: str, clause: str) -> None:  # type: ignore[no-untyped-def]
    # The quote is the object of another verb or part of the speaker's phrase: the verb of
    # saying after it reports its own clause, which the quote once took from it.
    statements = attributed(extract_statements(nlp(text)))
    said = [s for s in statements if s.cue is not None and s.cue.text == "said"]
    assert [s.content[0].text for s in said] == [clause]


def test_a_quote_whose_verb_after_it_reports_a_misread_clause_stays_its(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the woman, who ... did not want" is read as a clause of "said"; the quote, with its
    # own verbs, is still what she said.
    text = (
        "“One guy came in and said we should leave,” said the woman, who like many in the "
        "town did not want to be quoted by name."
    )
    statement = holding(extract_statements(nlp(text)), "One guy came in")
    assert statement.cue is not None
    assert statement.cue.text == "said"
    assert statement.kind == "direct"
