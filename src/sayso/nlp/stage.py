"""The stage protocol: what a pipeline component reads, what it assigns, and its working state.

A stage is any object with ``name``, ``version``, ``requires``, ``assigns`` and
``__call__(work)``. Built-in stages and plugins (entry point group ``sayso.stages``) use the same
protocol, so a plugin can replace or extend any built-in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from sayso.records import (
    Article,
    Diagnostic,
    Entity,
    Event,
    Flag,
    Mention,
    Quantity,
    Statement,
    Timex,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

RECORD_FIELDS = (
    "doc",
    "mentions",
    "entities",
    "statements",
    "timexes",
    "events",
    "quantities",
    "flags",
)
"""What a stage may declare in ``requires`` and ``assigns``."""


@dataclass(slots=True)
class Analysis:
    """One article's working state while the stages run; frozen into an ArticleResult after."""

    article: Article
    doc: Doc
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    flags: tuple[Flag, ...] = ()
    diagnostics: list[Diagnostic] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def caption_ranges(self) -> tuple[tuple[int, int], ...]:
        """Where the captions sit in the canonical text."""
        return tuple(
            (c.span.start, c.span.end) for c in self.article.captions if c.span is not None
        )


class Stage(Protocol):
    """A pipeline component."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]:
        """Fields of Analysis this stage reads (see RECORD_FIELDS)."""

    @property
    def assigns(self) -> tuple[str, ...]:
        """Fields of Analysis this stage sets."""

    def __call__(self, work: Analysis) -> None: ...
