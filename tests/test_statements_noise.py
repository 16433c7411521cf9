"""Cue and clause pairs that are narration, not speech, on hand-written news sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.statements import extract_statements
from sayso.statements.lexicons import load_lexicons
from sayso.statements.noise import antecedent_of
from sayso.statements.reported import find_reported

pytestmark = pytest.mark.slow

_EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "article.txt"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from sayso.nlp.loader import load_model

    return load_model()


def _cues(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return [doc.text[r.cue[0] : r.cue[1]] for r in find_reported(doc, load_lexicons())]


def test_purpose_infinitive_of_a_thing_is_not_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The minister began a campaign that would take him to five capitals "
        "to encourage voters to back the treaty."
    )
    assert "to encourage" not in _cues(nlp, text)


def test_purpose_infinitive_of_people_stays_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "to denounce" in _cues(nlp, "Union leaders held a rally to denounce the plan.")


def test_what_became_known_as_is_a_naming(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The rebels merged into what became known as the Northern Front."
    assert not any("known" in cue for cue in _cues(nlp, text))


def test_active_describe_as_stays_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "describe" in _cues(nlp, "Critics describe the mayor as a reckless leader.")


def test_known_with_a_that_clause_stays_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "known" in _cues(nlp, "It is known that the bridge was unsafe.")


def test_relative_pronoun_stands_for_the_noun_its_clause_modifies(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Two groups that accuse the mayor of fraud said they would sue.")
    that = next(t for t in doc if t.lower_ == "that")
    antecedent = antecedent_of(that)
    assert antecedent is not None
    assert antecedent.text == "groups"
    assert antecedent_of(doc[1]) is None


def test_example_narration_is_not_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    statements = extract_statements(nlp(_EXAMPLE.read_text(encoding="utf-8")))
    cues = {s.cue.text for s in statements if s.cue is not None}
    assert not cues & {"to defend", "to encourage", "speaks"}
    named = [s.content[0].text for s in statements if s.cue is not None and s.cue.text == "known"]
    assert not any(text.startswith("Islamic State") for text in named)
    assert any(s.cue is not None and s.cue.text == "issued" for s in statements)


@pytest.mark.xfail(strict=True, reason="PolNeAR annotates passive namings; the rule costs recall")
def test_passive_seen_as_is_a_naming(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "seen" not in _cues(nlp, "The mayor was seen as a reckless leader.")


def test_that_clause_of_a_cleft_is_not_what_speak_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "It was only when she talked with the governor that she said the money would come."
    cues = _cues(nlp, text)
    assert "talked" not in cues
    assert "said" in cues


def test_speak_about_stays_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "spoke" in _cues(nlp, "The governor spoke about the budget cuts on Tuesday.")


def test_a_relative_pronoun_speaker_is_shown_by_its_antecedent() -> None:
    from sayso import analyze_text
    from sayso.export.text import speaker_name

    result = analyze_text(
        "Some analysts, who argued that the tariffs would raise prices, were ignored.\n"
    )
    by_pronoun = [s for s in result.statements if s.speaker and s.speaker.text == "who"]
    assert by_pronoun, [(s.speaker, s.cue) for s in result.statements]
    assert speaker_name(result, by_pronoun[0]) == "Some analysts"


def test_admitted_to_hospital_is_not_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    statements = extract_statements(nlp("The singer was admitted to hospital on Monday."))
    assert all(s.kind == "own_voice" for s in statements)


def test_a_list_of_links_to_other_stories_holds_no_statements(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The council said on Monday that the bridge would reopen in May.\n\n"
        "Mayor Ana Ruiz pledges not to raise bus fares\n\n"
        "Will the harbour plan survive the vote?\n\n"
        "Bakery chain unveils new, cheaper bread\n\n"
        "Minister says schools will stay open in the U.S.\n\n"
        "Storm closes roads across the county\n"
    )
    statements = [s for s in extract_statements(nlp(text)) if s.kind != "own_voice"]
    assert [s.content[0].text for s in statements] == ["that the bridge would reopen in May"]


def test_three_short_lines_are_still_the_story(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ruiz pledges to cut bus fares\n\nThe vote is on Friday\n\nShe hopes to win\n"
    statements = [s for s in extract_statements(nlp(text)) if s.kind != "own_voice"]
    assert any("to cut bus fares" in s.content[0].text for s in statements)


def test_words_a_look_seems_to_say_are_no_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "There was a flicker across the mayor's face as if to say \"You really think you caught "
        'me?" before her smile returned and she proceeded to talk about the budget.'
    )
    statements = extract_statements(nlp(text))
    assert not [s for s in statements if s.kind in ("direct", "partial")]


def test_a_story_that_relates_to_something_says_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The news story relates to a letter the minister sent to parliament last week.")
    assert not [s for s in extract_statements(doc) if s.kind != "own_voice"]


@pytest.mark.parametrize(
    "text",
    [
        "The column claims that the city had a role in “planning and building,” the new stadium.",
        "The column claims that the city had a role in “planning and building,” the stadium.",
        "The mayor said the plan was “a disgrace” and would fail.",
    ],
)
def test_a_content_never_leaves_a_quotation_half_open(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    [statement] = [s for s in extract_statements(nlp(text)) if s.kind != "own_voice"]
    words = " ".join(piece.text for piece in statement.content)
    assert words.count("“") == words.count("”") == 1
