"""Reported speech states a claim only when a saying frames it: hand-written news sentences.

Each sentence is ours. A pair PolNeAR would still count as an attribution but that states no
claim (an aim, a request, a judgement, a wish, a negated or unrealised saying) is kept as an
``attitude`` statement; a claim is ``indirect``.
"""

from __future__ import annotations

import pytest

from sayso.records import Statement
from sayso.statements import extract_statements

pytestmark = pytest.mark.slow


def _reported(nlp, text: str) -> list[Statement]:  # type: ignore[no-untyped-def]
    return [s for s in extract_statements(nlp(text)) if s.kind in ("indirect", "attitude")]


def _kind_of(nlp, text: str, words: str) -> str | None:  # type: ignore[no-untyped-def]
    """The kind of the statement whose content holds ``words``, None when there is none."""
    for statement in _reported(nlp, text):
        if any(words in piece.text for piece in statement.content):
            return statement.kind
    return None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The minister said that taxes would rise next year.", "taxes would rise"),
        ("The ministry announced a ceasefire with the rebels.", "a ceasefire"),
        ("The governor pledged to cut property taxes.", "to cut property taxes"),
        ("The report shows how the money was spent.", "the money was spent"),
        ("The donors say there is growing anger in the party.", "growing anger"),
        ("Police have acknowledged using tear gas and rubber bullets.", "using tear gas"),
    ],
)
def test_a_saying_of_what_is_so_is_a_claim(nlp, text: str, words: str) -> None:  # type: ignore[no-untyped-def]
    assert _kind_of(nlp, text, words) == "indirect"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The senator called for a vote on the bill.", "a vote"),
        ("She did not say that the plan had failed.", "the plan had failed"),
        ("The union demanded that the law be repealed.", "the law be repealed"),
        ("The senator will argue that the bill is flawed.", "the bill is flawed"),
        ("We fear the plan will fail.", "the plan will fail"),
        ("Scientists know the climate is warming.", "the climate is warming"),
        ("She asked the mayor how the money was spent.", "the money was spent"),
        ("The airline hopes it can resume flights in March.", "resume flights"),
    ],
)
def test_an_aim_a_wish_or_a_saying_that_did_not_happen_is_no_claim(  # type: ignore[no-untyped-def]
    nlp, text: str, words: str
) -> None:
    assert _kind_of(nlp, text, words) in ("attitude", None)


def test_concern_that_reports_the_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The envoy expressed concern that the talks would collapse."
    [statement] = [s for s in _reported(nlp, text) if s.kind == "indirect"]
    assert statement.content[0].text == "that the talks would collapse"
    assert statement.cue is not None
    assert statement.cue.text == "expressed concern"


def test_made_it_clear_reports_the_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor made it very clear that she would veto the budget."
    [statement] = [s for s in _reported(nlp, text) if s.kind == "indirect"]
    assert statement.content[0].text == "that she would veto the budget"


def test_a_speaker_named_after_the_cue_that_closes_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "As the verdict was read, the defendant stood still, reported Ana Ruiz of Radio Nine."
    [statement] = [s for s in _reported(nlp, text) if s.kind == "indirect"]
    assert "the defendant stood still" in statement.content[0].text
    assert statement.speaker is not None
    assert statement.speaker.text.startswith("Ana Ruiz")


def test_a_cue_closing_the_sentence_reports_all_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Last year the agency tried to change the rules, but the carriers refused, "
        "the Daily Ledger reported last month."
    )
    statements = [s for s in _reported(nlp, text) if s.cue and s.cue.text == "reported"]
    assert statements
    assert statements[0].content[0].text.startswith("Last year the agency")


def test_according_to_after_a_coordination_reports_both_clauses(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The storm flooded the valley, and it cut the only road, according to the police."
    [statement] = [s for s in _reported(nlp, text) if s.cue and s.cue.text == "according to"]
    assert statement.content[0].text == "The storm flooded the valley, and it cut the only road"


def test_the_object_of_an_announcement_runs_through_its_phrases(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The publisher announced a settlement with the retailer on the pricing of e-books."
    [statement] = _reported(nlp, text)
    assert statement.content[0].text.endswith("on the pricing of e-books")


def test_a_short_quote_in_an_aim_is_a_term_not_a_partial_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The group is seeking an order to bar police from using “less-than-lethal” weapons."
    kinds = {s.kind for s in extract_statements(nlp(text)) if s.kind != "own_voice"}
    assert "partial" not in kinds


def test_a_short_quote_after_a_verb_of_calling_is_a_partial_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The senator called the treaty a “bad deal” on Tuesday."
    kinds = {s.kind for s in extract_statements(nlp(text)) if s.kind != "own_voice"}
    assert "partial" in kinds


def test_what_has_been_called_is_a_term(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The publishers embrace what has been called the “agency model” of book pricing."
    kinds = {s.kind for s in extract_statements(nlp(text)) if s.kind != "own_voice"}
    assert "partial" not in kinds
    assert "indirect" not in kinds


def test_said_to_be_is_hearsay_without_a_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The nurse was said to be recovering well at home on Sunday."
    [statement] = _reported(nlp, text)
    assert statement.kind == "indirect"
    assert statement.speaker is None


def test_asked_to_call_is_no_hearsay(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Passengers are asked to call the hotline if they feel unwell."
    assert _kind_of(nlp, text, "to call the hotline") in ("attitude", None)


@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        ("The results suggest that most voters support the plan.", "most voters", "attitude"),
        ("This suggests that the talks have stalled.", "the talks have stalled", "attitude"),
        ("A new report shows that exports fell in March.", "exports fell", "indirect"),
        ("Scientists suggest that the ice is melting.", "the ice is melting", "indirect"),
    ],
)
def test_a_thing_that_shows_or_suggests_is_no_speaker_unless_it_records_words(  # type: ignore[no-untyped-def]
    nlp, text: str, words: str, kind: str
) -> None:
    assert _kind_of(nlp, text, words) == kind


def test_a_thing_that_shows_inside_someones_words_is_no_statement_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The failure shows how a single mistake can become a major setback for a young "
        "company, Ana Ruiz, the chief executive of a rival firm, told the Herald."
    )
    statements = [s for s in extract_statements(nlp(text)) if s.kind != "own_voice"]
    assert [s.speaker.text if s.speaker else None for s in statements] == [
        "Ana Ruiz, the chief executive of a rival firm"
    ]
    assert [hop.text for hop in statements[0].chain][-1].startswith("Ana Ruiz")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A participle under a saying that has not happened
        ("They can report on his remarks, pointing out where they are false.", "they are false"),
        ("The senators will speak later, arguing that the bill is flawed.", "the bill is flawed"),
        # A subject infinitive the parser hangs from a verb with no subject
        (
            "To say he bears no blame when angry voters hear him, take him seriously and act "
            "on his words is pure denial.",
            "he bears no blame",
        ),
        # A thing that takes something says nothing
        ("The storm claimed ten lives.", "ten lives"),
    ],
)
def test_no_claim_where_nothing_was_said(nlp, text: str, words: str) -> None:  # type: ignore[no-untyped-def]
    assert _kind_of(nlp, text, words) in ("attitude", None)


def test_a_purpose_infinitive_of_someone_still_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor called reporters in to announce that she would resign."
    assert _kind_of(nlp, text, "she would resign") == "indirect"


def test_an_inverted_frame_of_belief_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Pollution is to blame too, scientists think, with warmer water moving the fish out."
    statements = [s for s in _reported(nlp, text) if s.kind == "indirect"]
    assert [
        (s.speaker.text if s.speaker else None, [p.text for p in s.content]) for s in statements
    ] == [("scientists", ["Pollution is to blame too"])]


def test_passive_hearsay_says_its_subject_too(nlp) -> None:  # type: ignore[no-untyped-def]
    statements = _reported(nlp, "The risk to other patients is said to be low.")
    assert [[p.text for p in s.content] for s in statements] == [
        ["The risk to other patients is said to be low"]
    ]


def test_passive_hearsay_according_to_someone_is_theirs_once(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Storms and disease are all thought to contribute, according to the wildlife agency."
    statements = _reported(nlp, text)
    assert [(s.speaker.text if s.speaker else None) for s in statements] == ["the wildlife agency"]
    assert "Storms and disease" in statements[0].content[0].text


def test_made_it_clear_reports_wherever_the_sentence_puts_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "There were reasons the chief might have wanted to stop Ruiz if he could: As a "
        "candidate, Ruiz had made it clear that she would take a hard line with the unions."
    )
    assert _kind_of(nlp, text, "she would take a hard line") == "indirect"
