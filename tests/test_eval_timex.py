"""The TempEval-3 style scorer and the TimeML reader of the timex evaluation task."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.errors import EvaluationError
from sayso.eval.tasks.timex import (
    Counts,
    SystemTimex,
    evaluate,
    load_split,
    parse_timeml,
    score_document,
)

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>toy</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-10"
 functionInDocument="CREATION_TIME">March 10, 2021</TIMEX3></DCT>
<TEXT>
Rain &amp; wind <EVENT eid="e1">hit</EVENT> the coast <TIMEX3 tid="t1" type="DATE"
 value="2021-03-09">yesterday</TIMEX3>.
The storm <EVENT eid="e2">lasted</EVENT> <TIMEX3 tid="t2" type="DURATION" value="P3D"
 mod="APPROX">about three days</TIMEX3> and ended <TIMEX3 tid="t3" type="DATE"
 value="2021-03-05">Friday</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_parse_timeml_strips_tags_and_skips_the_creation_time() -> None:
    doc = parse_timeml(TIMEML, "toy")
    assert doc.dct == "2021-03-10"
    assert doc.text.startswith("\nRain & wind hit the coast yesterday.")
    assert [doc.text[t.start : t.end] for t in doc.timexes] == [
        "yesterday",
        "about three days",
        "Friday",
    ]
    assert [t.value for t in doc.timexes] == ["2021-03-09", "P3D", "2021-03-05"]
    assert doc.timexes[1].mod == "APPROX"


def test_parse_timeml_without_text_is_an_error() -> None:
    with pytest.raises(EvaluationError):
        parse_timeml("<TimeML></TimeML>", "broken")


def test_scorer_counts_strict_relaxed_and_value() -> None:
    doc = parse_timeml(TIMEML, "toy")
    gold = {doc.text[t.start : t.end]: t for t in doc.timexes}
    yesterday, days = gold["yesterday"], gold["about three days"]
    spurious_at = doc.text.index("coast")
    system = [
        SystemTimex(yesterday.start, yesterday.end, "DATE", "2021-03-09"),  # exact, right
        SystemTimex(days.start + len("about "), days.end, "DURATION", "P4D"),  # relaxed, wrong
        SystemTimex(spurious_at, spurious_at + 5, "DATE", "2021"),  # spurious
    ]
    counts = Counts()
    errors = score_document(doc, system, counts)
    assert (counts.system, counts.gold, counts.strict, counts.relaxed) == (3, 3, 1, 2)
    assert (counts.value, counts.type) == (1, 2)
    metrics = counts.metrics()
    assert metrics["span.strict.f1"] == pytest.approx(1 / 3, abs=1e-4)
    assert metrics["span.relaxed.f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert metrics["value.f1"] == pytest.approx(1 / 3, abs=1e-4)
    assert metrics["type.accuracy"] == 1.0
    assert sorted(e["kind"] for e in errors) == ["missed", "span", "spurious", "value"]
    value_error = next(e for e in errors if e["kind"] == "value")
    assert (value_error["gold_type"], value_error["system_type"]) == ("DURATION", "DURATION")


def test_scorer_reports_a_wrong_type_with_a_right_value() -> None:
    doc = parse_timeml(TIMEML, "toy")
    friday = next(t for t in doc.timexes if t.value == "2021-03-05")
    counts = Counts()
    errors = score_document(
        doc, [SystemTimex(friday.start, friday.end, "TIME", friday.value)], counts
    )
    assert (counts.value, counts.type) == (1, 0)
    assert [e for e in errors if e["kind"] == "type"] == [
        {
            "doc": "toy",
            "kind": "type",
            "text": "Friday",
            "value": "2021-03-05",
            "gold": "DATE",
            "system": "TIME",
        }
    ]


def test_unknown_split_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError):
        load_split(tmp_path, "test")
    with pytest.raises(EvaluationError):
        load_split(tmp_path, "dev")
    with pytest.raises(EvaluationError):
        load_split(tmp_path, "../elsewhere")


def test_the_held_out_platinum_folder_is_the_test_split(tmp_path: Path) -> None:
    (tmp_path / "TimeBank").mkdir()
    (tmp_path / "te3-platinum").mkdir()
    (tmp_path / "te3-platinum" / "a.tml").write_text("<TEXT>x</TEXT>", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "b.tml").write_text("<TEXT>y</TEXT>", encoding="utf-8")
    assert [p.name for p in load_split(tmp_path, "test")] == ["a.tml"]
    assert [p.name for p in load_split(tmp_path, "other")] == ["b.tml"]


@pytest.mark.slow
def test_evaluate_on_a_hand_made_folder(tmp_path: Path) -> None:
    (tmp_path / "AQUAINT").mkdir()
    (tmp_path / "AQUAINT" / "toy.tml").write_text(TIMEML, encoding="utf-8")
    report = evaluate(tmp_path, "dev")
    assert report.items == 1
    assert report.metrics["span.strict.f1"] == 1.0
    assert report.metrics["value.f1"] == 1.0
    assert set(report.baselines) == {"spacy+dateparser", "sayso.time (no parse)"}
    assert report.errors == []
