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


def settle_outlet(
    declared: str | None, host: str | None, *, trusted: bool = True, keep_handles: bool = False
) -> tuple[str, str] | None:
    """The outlet's name, from a name declared for it and the host its page came from.

    Returns ``(name, "declared")`` or ``(name, "domain-table")``, or None. The table's name
    wins when it knows the host and the declared name is a handle or a bare domain, the same
    outlet written another way, or not ``trusted`` (a publisher field often names the parent
    company); a handle the table knows by name (``NYTimes``) is named by it too. A handle
    nothing names is kept only with ``keep_handles``.
    """
    listed = outlet_for_host(host) if host else None
    if not declared:
        return (listed.name, "domain-table") if listed is not None else None
    handle = handle_like(declared)
    if listed is not None and (handle or not trusted or same_outlet(declared, listed, host)):
        return listed.name, "domain-table"
    if not handle:
        return declared, "declared"
    named = outlet_named(declared.lstrip("@"))
    if named is not None and listed is None and host is None:
        return named.name, "domain-table"
    return (declared, "declared") if keep_handles else None


def handle_like(name: str) -> bool:
    """A social handle or a domain rather than a name: ``latimes``, ``@CNNMoney``,
    ``Reuters_Co_Uk``, ``Dailystar.co.uk``."""
    text = name.strip()
    if " " in text:
        return False
    if text.startswith("@") or "_" in text or re.search(r"\.[a-z]{2,}$", text, re.IGNORECASE):
        return True
    # A run-together CamelCase or all-lower word of some length: HeraldSun, latimes.
    return len(text) > 5 and (text.islower() or bool(re.search(r"[a-z][A-Z]", text)))


def same_outlet(name: str, listed: Outlet, host: str | None) -> bool:
    """Whether ``name`` is the listed outlet written another way (``Washington Post``)."""
    key = name_key(name)
    if not key:
        return False
    forms = [name_key(f) for f in (listed.name, *listed.aliases)]
    if host:
        forms.append(name_key(site_domain(host).split(".")[0]))
    return any(f and (key in f or f in key) for f in forms)
