"""Attribution chains: how a statement reached the page, from the outlet outward.

The chain starts at the outlet (whose reporter may have heard it first-hand: "Kurds told me"
is outlet → Kurds). A carrier sits between the outlet and the speaker when the speaker told a
medium ("told Tasnim"), and a statement quoted inside another statement's content (a nested
quote, or a quote inside a passage the article attributes to a report) continues its parent's
chain: outlet → the report → Asadi → "a senior member of ...".
"""

from __future__ import annotations

from collections.abc import Sequence

from sayso.records import AttributionHop


def outlet_hop(outlet: str | None) -> AttributionHop:
    """The first hop: the outlet that published the article."""
    return AttributionHop("outlet", outlet or "the outlet")


def build_chain(
    outlet: AttributionHop,
    *,
    parent: Sequence[AttributionHop] = (),
    carrier: AttributionHop | None = None,
    speaker: AttributionHop | None = None,
) -> tuple[AttributionHop, ...]:
    """outlet (or the parent statement's chain), then the carrier, then the speaker."""
    hops: list[AttributionHop] = list(parent) if parent else [outlet]
    if carrier is not None and carrier not in hops:
        hops.append(carrier)
    if speaker is not None and speaker not in hops:
        hops.append(speaker)
    return tuple(hops)
