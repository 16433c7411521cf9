"""Reading events back in tests: the one event of a trigger, the texts of one role."""

from __future__ import annotations

from sayso.records.model import Event


def one_event(events: tuple[Event, ...], trigger: str) -> Event:
    """The only event whose trigger text is ``trigger`` (fails, listing triggers, otherwise)."""
    found = [e for e in events if e.trigger.text == trigger]
    assert len(found) == 1, [e.trigger.text for e in events]
    return found[0]


def role_texts(event: Event, role: str) -> list[str]:
    """The span texts of ``event``'s arguments with ``role``, in order."""
    return [a.span.text for a in event.arguments if a.role == role]
