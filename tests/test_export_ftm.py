"""The FollowTheMoney export, validated against the FtM schema by the followthemoney package."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from sayso.export.ftm import country_code, write_ftm
from tests.test_export_fixtures import LEDGER_URL, corpus

ftm = pytest.importorskip("followthemoney", reason="followthemoney validates the FtM export")


def _entities() -> list[dict[str, Any]]:
    buffer = io.BytesIO()
    count = write_ftm(corpus(), buffer)
    lines = buffer.getvalue().decode("utf-8").splitlines()
    assert len(lines) == count
    return [json.loads(line) for line in lines]


def _by_name(entities: list[dict[str, Any]], schema: str, name: str) -> dict[str, Any]:
    """The one entity of ``schema`` named ``name`` in the Harbor Ledger article."""
    (found,) = [
        e
        for e in entities
        if e["schema"] == schema
        and name in e["properties"].get("name", [])
        and e["properties"].get("publisher") == ["Harbor Ledger"]
    ]
    return found


def test_every_entity_fits_the_ftm_schema() -> None:
    model = ftm.model
    entities = _entities()
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities), "entity ids are unique"
    for entity in entities:
        schema = model.get(entity["schema"])
        assert schema is not None, entity["schema"]
        assert not schema.abstract, entity["schema"]
        assert schema.validate(entity) is None, entity
        for name, values in entity["properties"].items():
            prop = schema.get(name)
            assert prop is not None, f"{entity['schema']} has no property {name}"
            for value in values:
                assert prop.type.clean(value) is not None, (name, value)
                if prop.range is not None:
                    target = model.get(by_id[value]["schema"])
                    assert target.is_a(prop.range), (name, target.name)


def test_schema_mapping_and_links() -> None:
    entities = _entities()
    article = _by_name(entities, "Article", "Bridge to <reopen>")
    assert article["properties"]["sourceUrl"] == [LEDGER_URL]
    assert article["properties"]["publisher"] == ["Harbor Ledger"]
    ortiz = _by_name(entities, "Person", "Lena Ortiz")
    assert ortiz["properties"]["weakAlias"] == ["Ortiz"]
    assert ortiz["properties"]["proof"] == [article["id"]]
    assert ortiz["properties"]["sourceUrl"] == [LEDGER_URL]
    paris = _by_name(entities, "Address", "Paris")
    assert paris["properties"]["country"] == ["fr"]
    assert _by_name(entities, "Organization", "Reuters")["properties"]["publisher"] == [
        "Harbor Ledger"
    ]
    (doc,) = [
        e
        for e in entities
        if e["schema"] == "Documentation" and e["properties"]["entity"] == [ortiz["id"]]
    ]
    assert doc["properties"]["document"] == [article["id"]]
    assert doc["properties"]["role"] == ["quoted"]
    mentions = [
        e["properties"]["name"][0]
        for e in entities
        if e["schema"] == "Mention" and e["properties"]["resolved"] == [ortiz["id"]]
    ]
    assert sorted(mentions) == ["Lena Ortiz", "Ortiz"]
    no_mention_for_places = [
        e for e in entities if e["schema"] == "Mention" and e["properties"]["name"] == ["Paris"]
    ]
    assert no_mention_for_places == []


def test_the_same_person_in_two_articles_stays_two_entities() -> None:
    people = [e for e in _entities() if e["schema"] == "Person"]
    ortizes = [p for p in people if p["properties"]["name"] == ["Lena Ortiz"]]
    assert len(ortizes) == 2
    assert ortizes[0]["id"] != ortizes[1]["id"]


@pytest.mark.parametrize(
    ("name", "code"), [("Germany", "de"), ("the United States", "us"), ("Nowhereland", None)]
)
def test_country_code_of_a_place_name(name: str, code: str | None) -> None:
    assert country_code(name) == code
