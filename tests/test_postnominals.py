"""Letters written after a person's name ("KC", "OBE", "MP"): part of no name, no entity of
their own, and never what a speaker's hop is named by."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sayso.entities.resolve import resolve_entities
from sayso.statements import extract_statements

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow

TEXT = (
    "Opening the case, Sarah Lindqvist KC told jurors that the emails showed a deal. "
    "Lindqvist said the firm paid.\n\n"
    "Sir Keir Starmer KC, the former prosecutor, said it was wrong.\n\n"
    "Labour's Diane Abbott MP said the bill was flawed.\n"
)


def test_the_letters_after_a_name_are_no_entity_and_no_part_of_the_name(nlp: Language) -> None:
    _, entities = resolve_entities(nlp(TEXT))
    names = {entity.name for entity in entities}
    assert {"Sarah Lindqvist", "Keir Starmer", "Diane Abbott"} <= names
    assert not names & {"KC", "MP"}
    lindqvist = next(e for e in entities if e.name == "Sarah Lindqvist")
    assert {a.text for a in lindqvist.aliases} == {"Sarah Lindqvist", "Lindqvist"}


def test_a_speaker_phrase_headed_by_the_letters_is_the_persons(nlp: Language) -> None:
    doc = nlp(TEXT)
    mentions, entities = resolve_entities(doc)
    names = {entity.id: entity.name for entity in entities}
    statements = extract_statements(doc, mentions=mentions, entities=entities)
    by_speaker = {
        s.speaker.text: s for s in statements if s.kind != "own_voice" and s.speaker is not None
    }
    for phrase, person in (
        ("Sarah Lindqvist KC", "Sarah Lindqvist"),
        ("Labour's Diane Abbott MP", "Diane Abbott"),
    ):
        statement = by_speaker[phrase]
        assert statement.speaker_entity is not None
        assert names[statement.speaker_entity] == person
        assert statement.chain[-1].text == person
