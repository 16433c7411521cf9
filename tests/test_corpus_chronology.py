"""One chronology across articles, and an entity's dossier, on hand-made articles."""

from __future__ import annotations

from pathlib import Path

from sayso.corpus.chronology import UNDATED_YEAR_UNKNOWN, build_chronology, event_reports
from sayso.corpus.dossier import (
    MENTIONS_PER_ARTICLE,
    build_dossier,
    entity_parts,
    find_entity,
    read_dossier,
)
from sayso.store import open_store
from sayso.timeline import UNDATED_INHERITED
from tests.chronology_fixtures import QUOTE, courier, gazette, harbour, keller_results


def _store(path: Path) -> str:
    url = str(path)
    with open_store(url) as store:
        for result in keller_results():
            store.add(result, location=result.article.source.location)
    return url


def test_reports_are_sentences_and_undated_events_are_kept_apart() -> None:
    reports = {r.event_id: r for r in event_reports(harbour())}
    meet = reports["v1"]
    assert meet.label == "Dana Keller met union leaders in Springfield"
    assert (meet.value, meet.undated, meet.actor) == ("2024-03-04", None, "Dana Keller")
    assert meet.evidence is not None
    assert meet.evidence.startswith("Dana Keller met")
    resigned = reports["v2"]
    assert (resigned.value, resigned.undated) == ("", UNDATED_INHERITED)
    visit = next(r for r in event_reports(courier()) if r.event_id == "v2")
    assert (visit.value, visit.undated) == ("XXXX-06-01", UNDATED_YEAR_UNKNOWN)
    attributed = next(r for r in event_reports(courier()) if r.event_id == "v1")
    assert attributed.attribution == "Reuters"


def test_the_same_event_from_three_outlets_is_one_entry_with_its_sources() -> None:
    reports = [r for result in keller_results() for r in event_reports(result)]
    chronology = build_chronology(reports)
    meetings = [e for e in chronology.entries if e.type == "MEET"]
    assert len(meetings) == 1
    (meeting,) = meetings
    assert meeting.sources == ("Harbour Times", "Valley Courier", "The Gazette")
    assert meeting.attributions == ("Reuters",)
    assert (meeting.start, meeting.end, meeting.when) == ("2024-03-04", None, "4 March 2024")
    assert [e.type for e in chronology.entries] == ["ARREST", "MEET"]  # time order
    assert {e.type for e in chronology.undated} == {"RESIGN", "VISIT"}
    assert all(e.start is None for e in chronology.undated)


def test_an_undated_report_never_joins_a_dated_event() -> None:
    dated = list(event_reports(gazette()))
    undated = [r for r in event_reports(harbour()) if r.event_id == "v2"]
    chronology = build_chronology([*dated, *undated])
    assert len(chronology.entries) == 1
    assert len(chronology.undated) == 1


def test_the_entity_chronology_has_only_its_events(tmp_path: Path) -> None:
    with open_store(_store(tmp_path / "c.db")) as store:
        match = find_entity(store, "Keller")
        assert match is not None
        assert match.name == "Dana Keller"
        assert len({article for article, _ in match.members}) == 3
        dossier = read_dossier(store, "dana keller")
    assert dossier is not None
    chronology = dossier.chronology
    assert [e.label for e in chronology.entries] == ["Dana Keller met union leaders in Springfield"]
    assert [e.type for e in chronology.undated] == ["RESIGN", "VISIT"]
    assert "ARREST" not in {e.type for e in (*chronology.entries, *chronology.undated)}


def test_a_name_is_matched_as_whole_words(tmp_path: Path) -> None:
    with open_store(_store(tmp_path / "c.db")) as store:
        assert find_entity(store, "Kell") is None
        assert find_entity(store, "Nobody Atall") is None
        ortiz = find_entity(store, "Ortiz")
    assert ortiz is not None
    assert ortiz.name == "Tom Ortiz"


def test_the_dossier_groups_claims_with_each_outlets_stance() -> None:
    parts = [
        part
        for result in keller_results()
        for entity_id, part in entity_parts(result, MENTIONS_PER_ARTICLE).items()
        if part.article.article_id and entity_id == "e1"
    ]
    dossier = build_dossier("Dana Keller", parts)
    assert dossier.aliases[0] == ("Keller", 6)
    assert dossier.titles == ()
    (said,) = dossier.said
    assert said.content == QUOTE
    assert said.stances == (("Harbour Times", "asserted"), ("Valley Courier", "neutral"))
    assert said.reports[1].chain == "Valley Courier ← Reuters ← Dana Keller"
    about = {g.speaker: g for g in dossier.said_about}
    assert set(about) == {"Critics", "Reuters"}
    assert about["Critics"].content == "Keller misled parliament"
    (number,) = dossier.numbers
    assert (number.text, number.counted, number.context) == (
        "40",
        "union leaders",
        "Dana Keller met union leaders in Springfield",
    )
    assert dossier.outlets == (("Harbour Times", 1), ("The Gazette", 1), ("Valley Courier", 1))
    assert len(dossier.chronology.entries) == 1
