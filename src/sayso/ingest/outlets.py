"""Known news outlets and wire agencies: the curated table ``data/outlets.tsv``.

The table maps a site's domain to the name the outlet goes by, with its country, whether it is
a wire agency, whether it is state media, and other names it is known by. It serves three
jobs, each a lookup, never a guess:

* :func:`outlet_for_host`: the outlet of a page from its URL's host (``money.cnn.com`` →
  CNN Money, ``www.cbc.ca`` → CBC News), the longest listed parent domain winning;
* :func:`outlet_named`: the entry a name or short form refers to (``Guardian``, ``AFP``);
* :func:`wire_agency`: the same, for wire agencies only (``AP`` → Associated Press), so a
  byline or a credit naming an agency can be told from one naming a reporter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class Outlet:
    """One row of the outlet table."""

    domain: str
    name: str
    country: str
    wire: bool
    state: str | None
    """``state`` (government-controlled), ``state-funded`` (public money, editorial charter),
    or None."""
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class _Table:
    by_domain: dict[str, Outlet]
    by_key: dict[str, Outlet]


_PREFIXES = ("www.", "www1.", "www2.", "m.", "mobile.", "amp.", "edition.", "en.", "english.")


def name_key(name: str) -> str:
    """A name reduced for comparison: lower case, letters and digits only, no leading 'the'."""
    key = re.sub(r"[^0-9a-z]", "", name.casefold().replace("&", "and"))
    return key[3:] if key.startswith("the") and len(key) > 6 else key


@lru_cache(maxsize=1)
def _table() -> _Table:
    path = resources.files("sayso.ingest") / "data" / "outlets.tsv"
    by_domain: dict[str, Outlet] = {}
    by_key: dict[str, Outlet] = {}
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("domain\t"):
            continue
        domain, name, country, flags, aliases, source = line.split("\t")
        flag_set = {f for f in flags.split(",") if f}
        state = next((f for f in ("state", "state-funded") if f in flag_set), None)
        outlet = Outlet(
            domain=domain,
            name=name,
            country=country,
            wire="wire" in flag_set,
            state=state,
            aliases=tuple(a for a in aliases.split("|") if a),
            source=source,
        )
        by_domain[domain] = outlet
        for form in (name, *outlet.aliases):
            # The first row to claim a name keeps it (the agencies' rows come first).
            key = name_key(form)
            if len(key) >= 2:
                by_key.setdefault(key, outlet)
    return _Table(by_domain, by_key)


def host_of(url: str) -> str | None:
    """The lower-cased host of an http(s) URL (``//host/path`` accepted), without a port."""
    text = url.strip()
    if text.startswith("//"):
        text = "http:" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    return parts.hostname.lower().rstrip(".")


def site_domain(host: str) -> str:
    """The host without a leading ``www.``, ``m.``, ``amp.`` or language label."""
    for prefix in _PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            return host[len(prefix) :]
    return host


def outlet_for_host(host: str) -> Outlet | None:
    """The table's outlet for a host or its nearest listed parent domain."""
    table = _table().by_domain
    labels = host.lower().split(".")
    for i in range(len(labels) - 1):
        found = table.get(".".join(labels[i:]))
        if found is not None:
            return found
    return None


def outlet_named(name: str) -> Outlet | None:
    """The outlet or agency a name or listed short form refers to, if the table has it."""
    key = name_key(name)
    return _table().by_key.get(key) if key else None


@lru_cache(maxsize=1)
def wire_forms() -> frozenset[str]:
    """Every name and short form of the listed wire agencies, as written and in capitals."""
    forms: set[str] = set()
    for outlet in _table().by_domain.values():
        if outlet.wire:
            for form in (outlet.name, *outlet.aliases):
                forms |= {form, form.upper()}
    return frozenset(forms)


def wire_agency(name: str) -> Outlet | None:
    """The wire agency a name refers to (``AP``, ``Agence France-Presse``), else None."""
    found = outlet_named(name)
    return found if found is not None and found.wire else None
