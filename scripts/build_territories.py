"""Write ``src/sayso/entities/data/territories.json`` from rigour's territory and language data.

sayso needs two small things that rigour (OpenSanctions' name tools, MIT) knows: which territory
a place name names (``U.S.``, ``Russian Federation``, ``Россия`` → a code, country or not) and the
ISO 639-3 code of a two-letter language code. rigour itself cannot be in sayso's core: it needs
``normality``, which needs ``pyicu``, which ships no wheels and compiles against ICU for minutes.
So its data is extracted here, with its licence, and read by :mod:`sayso.entities.territories`.

Run it in the dev environment (``followthemoney`` brings rigour in) after changing rigour's pin::

    .venv/bin/python scripts/build_territories.py

Kept per territory: code, names in rigour's three tiers (strong names, then weak names, then
places inside it such as capitals), alpha-3 and other codes, whether it is a country, and its
FollowTheMoney country code. Dropped: summaries, Wikidata ids, regions, languages.
"""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parents[1] / "src/sayso/entities/data/territories.json"


def _territories() -> dict[str, dict[str, Any]]:
    from rigour._core import territories_jsonl
    from rigour.data import iter_jsonl_text
    from rigour.territories import get_territory

    rows: dict[str, dict[str, Any]] = {}
    for data in iter_jsonl_text(territories_jsonl()):
        code = data["code"]
        territory = get_territory(code)
        assert territory is not None, code
        strong = [*data.get("names_strong", []), territory.name, territory.full_name]
        row: dict[str, Any] = {
            "name": territory.name,
            "full_name": territory.full_name,
            "in_sentence": territory.in_sentence,
            "country": bool(territory.is_country),
            "ftm": territory.ftm_country,
            "codes": sorted(territory.codes - {code}),
            "strong": list(dict.fromkeys(strong)),
            "weak": list(dict.fromkeys(data.get("names_weak", []))),
            "places": list(dict.fromkeys(data.get("places", []))),
        }
        rows[code] = {k: v for k, v in row.items() if v not in (None, [], "")}
    return rows


def _languages() -> dict[str, str]:
    from rigour.data.langs.iso639 import ISO3_MAP
    from rigour.langs import iso_639_alpha3

    two_letter = sorted(code for code in ISO3_MAP if len(code) == 2 and code.isalpha())
    return {code: alpha3 for code in two_letter if (alpha3 := iso_639_alpha3(code))}


def main() -> None:
    payload = {
        "_provenance": (
            f"Extracted from rigour {version('rigour')} (OpenSanctions, MIT licence; "
            "https://github.com/opensanctions/rigour) by scripts/build_territories.py: "
            "territory names (strong, weak, places), codes, country flag and FollowTheMoney "
            "country code; ISO 639-1 to ISO 639-3 language codes. The MIT licence text is in "
            "territories.LICENSE beside this file."
        ),
        "territories": _territories(),
        "languages": _languages(),
    }
    OUTPUT.write_text(
        json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
