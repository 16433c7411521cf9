"""Attribution chains: how a statement reached the page, from the outlet outward.

The chain starts at the outlet (whose reporter may have heard it first-hand: "Kurds told me"
is outlet → Kurds), then the wire agency whose copy the outlet runs (outlet → AP → speaker).
Carriers sit between the relay and the speaker: a medium the speaker told ("told Tasnim"), an
outlet that quoted them ("quoted by Reuters as saying"), one who cites them ("the agency
reported, citing the ministry"). A statement that another one relays continues its chain: a
quote nested in another's content, a saying inside a report's content ("The story claims ...
that Asadi said"), a statement of a paragraph that relays a document ("The article says X.
Commanders praised him: '...'"): outlet → the report → Asadi → "a senior member of ...".
A hop is never repeated: a statement does not cite its own speaker as its carrier, and the
agency whose copy it is ("KHARTOUM (AFP) -") is not a second hop when a speaker told it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sayso.ingest.outlets import outlet_named
from sayso.records import AttributionHop

_NAME_NOISE = re.compile(r"[^\w]+")


def outlet_hops(outlet: str | None, agency: str | None = None) -> list[AttributionHop]:
    """The first hops: the outlet that published the article and, for wire copy, the agency."""
    hops = [AttributionHop("outlet", outlet or "the outlet")]
    if agency and _key(agency) != _key(outlet or ""):
        hops.append(AttributionHop("media", agency))
    return hops


def build_chain(
    before: Sequence[AttributionHop],
    *,
    carriers: Sequence[AttributionHop] = (),
    speaker: AttributionHop | None = None,
) -> tuple[AttributionHop, ...]:
    """The hops ``before`` (the outlet's, or a relaying statement's chain), then the carriers,
    then the speaker, each hop once."""
    hops: list[AttributionHop] = []
    for hop in [*before, *carriers, *([speaker] if speaker is not None else [])]:
        if not any(same_source(hop, earlier) for earlier in hops):
            hops.append(hop)
    return tuple(hops)


def same_source(first: AttributionHop, second: AttributionHop) -> bool:
    """Whether two hops name one source: one entity, one name, or one outlet the outlet table
    knows by both names (the wire agency "Agence France-Presse" of a dateline's "(AFP)" and
    the "AFP" a speaker told)."""
    if first.entity_id is not None and first.entity_id == second.entity_id:
        return True
    if _key(first.text) == _key(second.text):
        return True
    known = outlet_named(first.text)
    return known is not None and known == outlet_named(second.text)


def _key(name: str) -> str:
    return _NAME_NOISE.sub(" ", name.lower()).strip().removeprefix("the ")
