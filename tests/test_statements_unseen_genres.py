"""Speakers, chains and reported speech in news genres the earlier probes did not cover: a court
report, an obituary, a select-committee hearing, a match report, a recall notice, a leaked-memo
story and conflict copy relayed by state media. Hand-written sentences, not taken from any
article."""

from __future__ import annotations

import pytest

from sayso.records import Entity, Mention, Statement
from sayso.statements import extract_statements
from tests.statement_support import holding, hop_names

pytestmark = pytest.mark.slow


def _analysed(
    nlp, text: str, outlet: str | None = "The Daily Ledger"
) -> tuple[tuple[Statement, ...], tuple[Mention, ...], tuple[Entity, ...]]:  # type: ignore[no-untyped-def]
    from sayso.entities.resolve import resolve_entities

    doc = nlp(text)
    mentions, entities = resolve_entities(doc)
    statements = extract_statements(doc, mentions=mentions, entities=entities, outlet=outlet)
    return statements, mentions, entities


def test_a_name_before_postnominal_letters_is_the_subject_a_she_looks_back_to(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser heads "Maria Lindgren KC" with "KC": the name is still the clause's subject,
    # the salient antecedent of the "she" that follows, not an unnamed person named earlier.
    text = (
        "A former finance director at a city hospital misled auditors about missing funds, a "
        "jury has heard.\n\nPaul Hendry, 61, denies two counts of fraud.\n\n"
        "Opening the case for the prosecution on Monday, Maria Lindgren KC told jurors that "
        "Mr Hendry had moved the money into a private account.\n\n"
        '"This was a deliberate deception," she said.'
    )
    statements, _, _ = _analysed(nlp, text)
    quote = holding(statements, "This was a deliberate deception")
    assert hop_names(quote)[-1] == "Maria Lindgren"


def test_a_family_name_stays_with_the_person_not_the_relative_named_after(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Joan Penrose, the botanist who mapped the orchids of Borneo, has died at 88.\n\n"
        '"She never stopped working," her son, David Penrose, said.\n\n'
        "In 1975 Penrose led the first survey of the island's cloud forests."
    )
    _, mentions, entities = _analysed(nlp, text)
    joan = next(e for e in entities if e.name == "Joan Penrose")
    short = next(m for m in mentions if m.span.text == "Penrose")
    assert short.entity_id == joan.id


def test_quoting_someone_as_saying_in_a_participle_after_the_saying(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The state news agency SANA said there were no casualties, quoting a ministry official "
        "as saying that the blaze had been contained by noon."
    )
    statements, _, _ = _analysed(nlp, text)
    relayed = holding(statements, "the blaze had been contained")
    assert relayed.speaker is not None
    assert relayed.speaker.text == "a ministry official"
    agency = hop_names(holding(statements, "there were no casualties"))[1:]
    assert len(agency) == 1
    assert "SANA" in agency[0] or "agency" in agency[0]
    hops = hop_names(relayed)
    assert len(hops) == 3
    assert hops[2] == "a ministry official"
    assert "SANA" in hops[1] or "agency" in hops[1]


def test_a_participle_after_a_complement_of_a_thing_is_its_holders(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Harriers coach Dean Fowler was furious that the late penalty stood, claiming the "
        "striker had dived."
    )
    statements, _, _ = _analysed(nlp, text)
    claim = holding(statements, "the striker had dived")
    assert hop_names(claim)[1:] == ["Dean Fowler"]


def test_whom_a_question_is_asked_is_no_hop(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mr Okafor said the regulator had lacked the data it needed.\n\n"
        "The committee's chair, Helen Marsh, asked him why the inquiry had taken so long."
    )
    statements, _, _ = _analysed(nlp, text)
    question = holding(statements, "why the inquiry had taken so long")
    assert hop_names(question)[1:] == ["Helen Marsh"]


def test_a_participle_trailing_a_saying_to_an_agency_was_said_to_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A security source told Reuters that air defences had intercepted three drones, "
        "adding that the attack had been launched from the south."
    )
    statements, _, _ = _analysed(nlp, text)
    added = holding(statements, "the attack had been launched from the south")
    assert hop_names(added)[1:] == ["Reuters", "A security source"]


def test_said_in_a_notice_posted_on_a_website_that(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Coastal Foods said in a notice posted on the regulator's website that the affected "
        "jars were made at its plant in Leeds between May and June."
    )
    statements, _, _ = _analysed(nlp, text)
    said = holding(statements, "the affected jars were made at its plant")
    assert hop_names(said)[1:] == ["Coastal Foods"]


def test_a_that_read_as_a_determiner_still_opens_the_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    # parsed "understands [that staff ...] [have not yet been told]": object, then a clause
    # with no subject of its own
    text = (
        "The BBC understands that staff in the firm's Leeds office have not yet been told of "
        "the plans."
    )
    statements, _, _ = _analysed(nlp, text)
    understood = holding(statements, "staff in the firm's Leeds office")
    words = understood.content[0].text.removeprefix("that ")  # (an attitude keeps its "that")
    assert words.startswith("staff in the firm's Leeds office")
    assert words.endswith("have not yet been told of the plans")


def test_a_medium_that_understands_reports_what_its_sources_told_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Reuters has learned that the bank will close 40 branches.\n\n"
        "Sky News understands that the talks will resume on Monday.\n\n"
        "Ana Ruiz understands that the deal is off.\n\n"
        "The Guardian understands the pressure on ministers."
    )
    statements, _, _ = _analysed(nlp, text)
    assert holding(statements, "the bank will close 40 branches").kind == "indirect"
    assert holding(statements, "the talks will resume on Monday").kind == "indirect"
    assert holding(statements, "the deal is off").kind != "indirect"
    assert holding(statements, "the pressure on ministers").kind != "indirect"


def test_reported_citing_sources_set_off_after_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The insurer is preparing to cut 800 jobs, Bloomberg reported, citing people familiar "
        "with the matter, adding that an announcement could come next week."
    )
    statements, _, _ = _analysed(nlp, text)
    report = holding(statements, "The insurer is preparing to cut 800 jobs")
    assert hop_names(report)[1:] == ["Bloomberg", "people familiar with the matter"]
    added = holding(statements, "an announcement could come next week")
    assert hop_names(added)[1:] == ["Bloomberg", "people familiar with the matter"]


def test_a_participle_after_citing_a_source_goes_on_with_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rebel fighters shelled the airport overnight, state media reported, citing a military "
        "source, saying the attack had come from the east."
    )
    statements, _, _ = _analysed(nlp, text)
    said = holding(statements, "the attack had come from the east")
    assert hop_names(said)[1:] == ["state media", "a military source"]


def test_a_reporters_question_in_a_transcript_is_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Q: Does Japan see the drills as a threat?\n\n"
        "Kyodo News: Has the ministry asked Manila to do more to protect fishermen?\n\n"
        "The minister said that the talks had stalled."
    )
    statements, _, _ = _analysed(nlp, text)
    cues = {s.cue.text for s in statements if s.cue is not None and s.kind != "own_voice"}
    assert not {c for c in cues if c.split()[-1] in ("see", "asked")}
    assert holding(statements, "the talks had stalled").kind == "indirect"


def test_a_station_ner_names_only_in_part_is_still_the_medium_told(nlp) -> None:  # type: ignore[no-untyped-def]
    # NER takes "BBC Radio" and leaves "Essex", the head of the phrase, out of any name
    text = 'Colchester boss Neil Dunn told BBC Radio Essex:\n\n"We were poor today and we know it."'
    statements, _, _ = _analysed(nlp, text)
    quote = holding(statements, "We were poor today")
    assert hop_names(quote)[1:] == ["BBC Radio Essex", "Neil Dunn"]


def test_a_speaker_never_starts_with_the_day_of_an_opening_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parse the small model gives "Appearing before the committee on Wednesday, Ofwat
    # chief executive David Lorne said": the day hung inside the speaker's phrase
    from spacy.tokens import Doc

    from sayso.statements.speaker import phrase_span

    words = ["Appearing", "before", "the", "committee", "on", "Wednesday", ",", "Ofwat"]
    words += ["chief", "executive", "David", "Lorne", "said", "it", "failed", "."]
    heads = [12, 0, 3, 1, 0, 11, 5, 9, 9, 11, 11, 4, 12, 14, 12, 12]
    deps = ["advcl", "prep", "det", "pobj", "prep", "nmod", "punct", "nmod", "amod"]
    deps += ["compound", "compound", "pobj", "ROOT", "nsubj", "ccomp", "punct"]
    ents = ["O"] * 5 + ["B-DATE"] + ["O"] * 4 + ["B-PERSON", "I-PERSON"] + ["O"] * 4
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, ents=ents)
    start, end = phrase_span(doc[11])
    assert doc.text[start:end] == "Ofwat chief executive David Lorne"


def test_a_relative_named_inside_the_persons_own_sentence_keeps_no_family_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Linda Carter, whose husband Mark Carter died in the crash, said the airline had "
        "ignored warnings. Carter said she would fight on."
    )
    statements, _, _ = _analysed(nlp, text)
    said = holding(statements, "she would fight on")
    assert hop_names(said)[1:] == ["Linda Carter"]


def _without_entity(nlp, text: str, name: str):  # type: ignore[no-untyped-def]
    """The text parsed, with the entity model's span for ``name`` taken away: a name the model
    missed, as it does in long market reports ("Shares of <name> fell")."""
    doc = nlp(text)
    doc.ents = [span for span in doc.ents if span.text != name]
    return doc


def test_the_company_is_not_an_organisation_named_before_a_name_the_model_missed(nlp) -> None:  # type: ignore[no-untyped-def]
    from sayso.entities.resolve import resolve_entities

    text = (
        "Analysts at Corbett Financial Group said the rally could fade.\n\n"
        "Shares of Halvorsen Foods dropped 5% after the company warned that sales would fall."
    )
    doc = _without_entity(nlp, text, "Halvorsen Foods")
    assert not any(ent.text == "Halvorsen Foods" for ent in doc.ents)
    mentions, entities = resolve_entities(doc)
    statements = extract_statements(doc, mentions=mentions, entities=entities, outlet=None)
    nominal = [m for m in mentions if m.span.text == "the company"]
    assert all(m.entity_id is None for m in nominal)
    warning = holding(statements, "sales would fall")
    assert not any("Corbett" in hop for hop in hop_names(warning))


def test_a_company_named_before_is_still_the_company_when_nothing_else_is_named(nlp) -> None:  # type: ignore[no-untyped-def]
    from sayso.entities.resolve import resolve_entities

    text = (
        "Halvorsen Foods Group reported a fall in quarterly profit on Monday.\n\n"
        "Its shares dropped 5% after the company cut its sales forecast."
    )
    mentions, _ = resolve_entities(nlp(text))
    nominal = next(m for m in mentions if m.span.text == "the company")
    assert nominal.entity_id is not None


def test_a_verb_joined_to_an_infinitive_takes_the_subject_of_the_verb_above(nlp) -> None:  # type: ignore[no-untyped-def]
    # "and" joins "promised" (past tense) to "had called", not to the bare "wish": the mayor
    # promised it, not the rival the infinitive's object names.
    text = (
        "Robert Kline lost the race for mayor.\n\n"
        "He said he had called Diane Foster to wish her well and promised a smooth handover of "
        "the office."
    )
    statements, _, _ = _analysed(nlp, text)
    promise = holding(statements, "a smooth handover")
    assert "Diane Foster" not in hop_names(promise)
    assert hop_names(promise)[-1] == "Robert Kline"


@pytest.mark.parametrize(
    "text",
    [
        "Both sides agreed to hold talks on the dispute and to set up a military hotline, a "
        "readout of the call said.",
        "The ministers agreed to restart talks on mapping the river and to open a naval hotline, "
        "a readout of the meeting said.",
    ],
)
def test_a_saying_with_no_parsed_subject_is_said_by_the_head_of_the_phrase_before(
    nlp, text: str
) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs "a readout" on "hotline" and leaves "said" with no subject: the noun
    # before it ends an "of" phrase, whose head is who speaks.
    statements, _, _ = _analysed(nlp, text)
    said = holding(statements, "agreed to")
    assert said.speaker is not None
    assert said.speaker.text.startswith("a readout of")


def test_a_participle_of_no_saying_after_its_clause_is_no_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    # "betting that ..." is the writer's reading of why the company acted: kept as an
    # attitude, never offered as something the company said.
    text = (
        "Halvorsen Motors on Monday launched a cheaper electric van, betting that delivery "
        "firms will switch from diesel."
    )
    statements, _, _ = _analysed(nlp, text)
    bet = holding(statements, "delivery firms will switch")
    assert bet.kind == "attitude"


def test_a_participle_of_saying_after_its_clause_still_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    statements, _, _ = _analysed(nlp, "The minister resigned on Friday, saying he was tired.")
    assert holding(statements, "he was tired").kind == "indirect"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"This was a difficult decision," said Chief Executive Mark Lyle in a statement.',
         "Chief Executive Mark Lyle"),
        ('"It is over," said the mayor in an interview with a local radio station.', "the mayor"),
        ('"We saw it," said the man in the video.', "the man in the video"),
    ],
)  # fmt: skip
def test_the_speaker_after_a_verb_ends_before_the_message_the_saying_was_made_in(
    nlp, text: str, speaker: str
) -> None:  # type: ignore[no-untyped-def]
    statements, _, _ = _analysed(nlp, text)
    quote = next(s for s in statements if s.kind == "direct")
    assert quote.speaker is not None
    assert quote.speaker.text == speaker


def test_a_clause_hung_from_an_adverb_after_the_verb_is_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs "that clinics would open" from "later": the clause is still said.
    statements, _, _ = _analysed(
        nlp, "Her deputy, Paul Reyes, said later that clinics would open on weekends."
    )
    said = holding(statements, "clinics would open")
    assert said.kind == "indirect"
    assert hop_names(said)[-1] == "Paul Reyes"


def test_clauses_take_a_clause_hung_from_the_adverb_right_after_the_verb() -> None:
    import spacy
    from spacy.tokens import Doc

    from sayso.statements.reported import clauses

    words = ["She", "said", "later", "that", "clinics", "would", "open", "."]
    heads = [1, 1, 1, 6, 6, 6, 2, 1]
    deps = ["nsubj", "ROOT", "advmod", "mark", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PRON", "VERB", "ADV", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert [(relation, token.text) for relation, token in clauses(doc[1])] == [("ccomp", "open")]


def test_declining_to_give_ones_name_is_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    # The active form of "asked not to be named": the sayer's condition for speaking, and the
    # relative "who" must never stand as a speaker.
    text = (
        "A woman who lives next door, and who declined to give her name, said she had heard "
        "shouting."
    )
    statements, _, _ = _analysed(nlp, text)
    assert not [s for s in statements if s.kind != "own_voice" and "her name" in s.content[0].text]
    assert all(s.speaker is None or s.speaker.text != "who" for s in statements)
    assert hop_names(holding(statements, "she had heard shouting"))[-1] == "A woman"


def test_declining_to_give_a_name_to_a_thing_is_still_a_stand(nlp) -> None:  # type: ignore[no-untyped-def]
    statements, _, _ = _analysed(nlp, "The company declined to give a name for the product.")
    assert holding(statements, "to give a name").kind == "attitude"


@pytest.mark.parametrize(
    ("text", "words", "source"),
    [
        ("A farmer who grows wheat and who said prices had collapsed joined the protest.",
         "prices had collapsed", "A farmer"),
        ("Residents, who live near the plant and who complained about the smell, said nothing "
         "had changed.", "the smell", "Residents"),
    ],
)  # fmt: skip
def test_a_second_relative_joined_by_and_is_said_by_the_noun_it_describes(
    nlp, text: str, words: str, source: str
) -> None:  # type: ignore[no-untyped-def]
    statements, _, _ = _analysed(nlp, text)
    assert hop_names(holding(statements, words))[-1] == source
