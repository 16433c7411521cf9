"""The PLOVER type tables, the CAMEO crosswalk, the trigger lexicon and EDTF helpers."""

from __future__ import annotations

import pytest

from sayso.events.edtf import edtf_bounds, is_valid_edtf_date, timex_to_edtf, timex_value_to_edtf
from sayso.events.lexicon import load_lexicon
from sayso.events.plover import (
    EXTENSION_TYPES,
    PLOVER_TYPES,
    cameo_to_plover,
    load_crosswalk,
    plover_category,
    to_plover,
)
from sayso.records.model import Span, Timex


def test_crosswalk_maps_codes_with_mode_and_context() -> None:
    mapping = cameo_to_plover("195")
    assert mapping is not None
    assert (mapping.plover, mapping.mode, mapping.contexts) == (
        "ASSAULT",
        "heavy-weapons",
        ("military",),
    )


def test_crosswalk_falls_back_to_parent_and_root_codes() -> None:
    root, sub_code = cameo_to_plover("18"), cameo_to_plover("0429")
    assert root is not None
    assert root.plover == "ASSAULT"
    assert sub_code is not None
    assert sub_code.plover == "CONSULT"
    assert cameo_to_plover("99") is None


def test_every_crosswalk_category_is_a_plover_type() -> None:
    assert {m.plover for m in load_crosswalk().values()} <= set(PLOVER_TYPES)


def test_legacy_and_extension_names_map_to_plover() -> None:
    assert to_plover("DEMAND") == "REQUEST"
    assert to_plover("DISAPPROVE") == "ACCUSE"
    assert to_plover("FIGHT") == "ASSAULT"
    assert to_plover("KILLED") == "ASSAULT"
    assert to_plover("FOUNDED") is None
    assert set(EXTENSION_TYPES.values()) - {None} <= set(PLOVER_TYPES)


def test_future_cooperation_is_coded_agree() -> None:
    assert plover_category("MET", "future") == "AGREE"
    assert plover_category("SURRENDERED", "future") == "CONCEDE"
    assert plover_category("MET", "asserted") == "CONSULT"


def test_lexicon_prefers_two_word_keys() -> None:
    entries = load_lexicon().verbs["open"]
    assert entries[0].cue is not None
    assert {e.type for e in load_lexicon().nouns["strike"]} >= {"PROTEST", "ASSAULT"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2014-06", "2014-06"), ("2014-SU", "2014-22"), ("2014-Q3", "2014-35"), ("201", "201X"),
     ("XXXX-09-11", "XXXX-09-11"), ("PRESENT_REF", None), ("2014-W23", None)],
)  # fmt: skip
def test_timex_values_become_edtf(value: str, expected: str | None) -> None:
    assert timex_value_to_edtf(value) == expected


def test_timex_mods_fold_into_edtf() -> None:
    span = Span(0, 4, "2017")
    assert timex_to_edtf(Timex("t1", span, "DATE", "2017", "x", mod="ON_OR_BEFORE")) == "..2017"
    assert timex_to_edtf(Timex("t1", span, "DATE", "2017", "x", mod="APPROX")) == "2017~"
    assert timex_to_edtf(Timex("t1", span, "DATE", "2017", "x", mod="END")) == "2017-09/2017-12"
    assert timex_to_edtf(Timex("t1", span, "DURATION", "P2Y", "x")) is None


def test_edtf_bounds() -> None:
    assert edtf_bounds("2014-06") == ("2014-06-01", "2014-06-30")
    assert edtf_bounds("..2017") == (None, "2017-12-31")
    assert edtf_bounds("2021-09/2022-01") == ("2021-09-01", "2022-01-31")
    assert edtf_bounds("2014-22") == ("2014-06-01", "2014-08-31")
    assert not is_valid_edtf_date("2021-02-30")
