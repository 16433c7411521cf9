"""Statement extraction on hand-written texts and on the user's example article."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.records import Entity, Mention, Span
from sayso.statements import EXTRACTOR, extract_statements
from tests.statement_support import attributed, holding

pytestmark = pytest.mark.slow

ARTICLE = Path(__file__).resolve().parents[1] / "examples" / "article.txt"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from sayso.nlp.loader import load_model

    return load_model()


def test_split_quote_is_one_statement_with_two_spans(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We will build the bridge,” the mayor said on Monday, “and we will pay for it.”"
    (statement,) = attributed(extract_statements(nlp(text)))
    assert statement.kind == "direct"
    assert [c.text for c in statement.content] == [
        "“We will build the bridge,”",
        "“and we will pay for it.”",
    ]
    assert statement.cue is not None
    assert statement.cue.text == "said"
    assert statement.speaker is not None
    assert statement.speaker.text == "the mayor"
    assert statement.extractor == EXTRACTOR


def test_reported_speech_with_addressee_and_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister told reporters that the talks had failed."
    (statement,) = attributed(extract_statements(nlp(text)))
    assert statement.kind == "indirect"
    assert statement.content[0].text == "that the talks had failed"
    assert (
        text[statement.content[0].start : statement.content[0].end] == "that the talks had failed"
    )
    assert statement.speaker is not None
    assert statement.speaker.text == "The minister"
    assert statement.addressee is not None
    assert statement.addressee.text == "reporters"
    assert statement.stance.label == "neutral"


def test_according_to(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "According to the ministry, the border will reopen next week."
    (statement,) = attributed(extract_statements(nlp(text)))
    assert statement.content[0].text == "the border will reopen next week"
    assert statement.speaker is not None
    assert statement.speaker.text == "the ministry"


def test_scare_quotes_are_not_statements_and_own_voice_is_asserted(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The so-called “reform” passed the senate on Tuesday."
    statements = extract_statements(nlp(text))
    assert [s.kind for s in statements] == ["own_voice"]
    assert statements[0].stance.label == "asserted"
    assert statements[0].chain[0].role == "outlet"


def test_speaker_entity_comes_from_the_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Anna Berg runs the agency. “We are ready,” she said."
    mention = Mention(Span.of(text, 42, 45), "PERSON", "pronoun", "test", entity_id="e1")
    entity = Entity("e1", "PERSON", "Anna Berg", "test", mentions=(mention,))
    statement = holding(
        extract_statements(nlp(text), mentions=(mention,), entities=(entity,), outlet="Daily"),
        "We are ready",
    )
    assert statement.speaker is not None
    assert statement.speaker.text == "she"
    assert statement.speaker_entity == "e1"
    assert [(h.role, h.text) for h in statement.chain] == [
        ("outlet", "Daily"),
        ("person", "Anna Berg"),
    ]


def test_floating_quote_continues_the_previous_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The study says that prices rose.\n\n"
        "“Rents climbed fastest in the capital and in the ports.”"
    )
    statement = holding(extract_statements(nlp(text)), "Rents climbed")
    assert statement.cue is None
    assert statement.speaker is not None
    assert statement.speaker.text == "The study"
    assert statement.chain[-1].role == "document"


@pytest.fixture(scope="module")
def article(nlp):  # type: ignore[no-untyped-def]
    text = ARTICLE.read_text(encoding="utf-8")
    tasnim_at = text.index("told Tasnim") + len("told ")
    mention = Mention(Span.of(text, tasnim_at, tasnim_at + 6), "ORG", "name", "test", "e-tasnim")
    entity = Entity("e-tasnim", "ORG", "Tasnim News", "test", mentions=(mention,))
    return extract_statements(nlp(text), mentions=(mention,), entities=(entity,), outlet="JP")


def test_example_direct_quotes_have_their_speakers(article) -> None:  # type: ignore[no-untyped-def]
    expected = {
        "The evil movement": "he",
        "I declare and represent": "it",
        "By disintegrating this cancerous": "Iran’s Supreme Leader Ayatollah Ali Khamenei",
        "After a while, Abu Omar": "the report",
        "As the Syrian crisis began": "The report",
        "After the ISIS attack": "Mohammad Haj Mahmoud",
        "Hajj Qasim came with 70 troops": "Mohammad Haj Mahmoud",
        "The commanders of the Syrian army": "Defenders of the Zaynab shrine",
        "After four years of Iranian struggle": "one source",
        "If you lose it": "Soleimani",
        "I was a servant in Syria": "Mohammad Jafar Asadi",
    }
    for words, speaker in expected.items():
        statement = holding(article, words)
        assert statement.speaker is not None, words
        assert statement.speaker.text.lower().startswith(speaker.lower()), words


def test_example_letter_and_chains(article) -> None:  # type: ignore[no-untyped-def]
    letter = holding(article, "I declare and represent")
    assert (letter.chain[-1].role, letter.chain[-1].text) == ("document", "the letter")
    mahmoud = holding(article, "After the ISIS attack")
    assert mahmoud.addressee is not None
    assert mahmoud.addressee.text == "Tasnim"
    assert [h.role for h in mahmoud.chain] == ["outlet", "media", "person"]
    assert mahmoud.chain[1].text == "Tasnim News"
    source = holding(article, "After four years of Iranian struggle")
    assert source.chain[-1].role == "anonymous"
    putin = holding(article, "Syria was a key to Russia")
    assert putin.kind == "indirect"
    assert putin.addressee is not None
    assert putin.addressee.text == "Putin"


def test_example_nested_quotes(article) -> None:  # type: ignore[no-untyped-def]
    asadi = holding(article, "I was a servant in Syria")
    inner = holding(article, "I come from Iraq")
    assert inner.parent == asadi.id
    assert inner.speaker is not None
    assert inner.speaker.text == "a senior member of the Ministry of Intelligence"
    # "The story claims ... that Asadi said": the story relays Asadi, Asadi the official.
    assert [h.role for h in inner.chain] == ["outlet", "document", "person", "unnamed"]
    they = holding(article, "If they had not come")
    assert they.parent == asadi.id
    assert they.speaker is not None
    assert they.speaker.text == "they"


def test_example_everything_tasnim_relays_comes_through_tasnim(example_result) -> None:  # type: ignore[no-untyped-def]
    """The article says the story, the report and the article are Tasnim's: the letter, the
    reply, Asadi and the official inside his quote, Haj Mahmoud, the commanders' praise, the
    source and Soleimani's words to Putin all reached the outlet through Tasnim."""
    relayed = (
        "The evil movement",  # Soleimani's letter ("The news story relates to a letter")
        "I declare and represent",  # the letter itself
        "By disintegrating this cancerous",  # Khamenei "apparently wrote back"
        "I was a servant in Syria",  # Asadi, inside what "the story claims"
        "I come from Iraq",  # the official inside Asadi's quote
        "After the ISIS attack",  # Haj Mahmoud "told Tasnim"
        "The commanders of the Syrian army",  # after "The article ... also says"
        "After four years of Iranian struggle",  # "one source told the reporters"
        "If you lose it",  # Soleimani "supposedly said"
    )
    article = example_result.statements
    for words in relayed:
        chain = holding(article, words).chain
        assert chain[0].role == "outlet", words
        assert chain[1].text == "Tasnim News", words
    kurds = holding(article, "preparing to flee Dohuk")
    assert [h.text for h in kurds.chain][1:] == ["Kurds"]  # told the writer: first-hand
    commentary = holding(article, "somehow behind these extremist groups")
    assert "Tasnim News" not in [h.text for h in commentary.chain]  # the writer's own aside


def test_example_stances(article) -> None:  # type: ignore[no-untyped-def]
    design = holding(article, "played a role in")
    assert design.kind == "partial"
    assert design.stance.label == "disputed"
    assert design.stance.rule == "verdict-sentence"
    soldiers = holding(article, "ISIL disarmed 90,000 Iraqi soldiers")
    assert soldiers.stance.label == "endorsed"
    assert [c.text for c in soldiers.stance.cues] == ["accurate"]
    assert holding(article, "By disintegrating").stance.label == "hedged"
    supposedly = holding(article, "If you lose it")
    assert supposedly.stance.label == "hedged"
    assert [c.text for c in supposedly.stance.cues] == ["supposedly"]
    assert holding(article, "After a while, Abu Omar").stance.label == "neutral"


def test_example_own_voice_sentences(article) -> None:  # type: ignore[no-untyped-def]
    own = [s for s in article if s.kind == "own_voice"]
    assert any(s.content[0].text.startswith("ISIS was mostly defeated by 2017") for s in own)
    assert all(s.stance.label == "asserted" and len(s.chain) == 1 for s in own)
    ids = [s.id for s in article]
    assert len(ids) == len(set(ids))


def test_relative_clause_speaker_is_the_pronoun_with_its_antecedent_as_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The vote was delayed by Tom Reyes, who said that the count was not finished."
    statement = holding(extract_statements(nlp(text)), "the count was not finished")
    assert statement.speaker is not None
    assert statement.speaker.text == "who"
    assert statement.chain[-1].text == "Tom Reyes"


def test_quote_signed_with_a_dash_takes_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“The buses never come on time and nobody answers the phone.” ― Lena Ortiz.\n"
    (statement,) = attributed(extract_statements(nlp(text)))
    assert statement.kind == "direct"
    assert statement.speaker is not None
    assert statement.speaker.text == "Lena Ortiz"
    assert statement.cue is not None
    assert statement.cue.text == "―"


def test_quote_inside_a_nested_report_belongs_to_the_outer_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ana Silva said she hopes the council sends a message that “parks are for everyone.”"
    statements = extract_statements(nlp(text))
    top = [s for s in attributed(statements) if s.parent is None]
    assert len(top) == 1
    assert top[0].cue is not None
    assert top[0].cue.text == "said"
    assert top[0].speaker is not None
    assert top[0].speaker.text == "Ana Silva"
    assert "parks are for everyone" in top[0].content[0].text
