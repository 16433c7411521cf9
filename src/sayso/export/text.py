"""Plain-text pieces shared by every human-readable rendering."""

from __future__ import annotations

from collections.abc import Mapping

from sayso.records import Article, ArticleResult, Entity, Quantity, Statement


def chain_text(statement: Statement, outlet: str | None = None) -> str:
    """The attribution chain as ``outlet ← Tasnim ← Asadi ← a senior member of ...``."""
    hops = [hop.text for hop in statement.chain]
    if not hops or statement.chain[0].role != "outlet":
        hops.insert(0, outlet or "outlet")
    return " ← ".join(hops)


def content_text(statement: Statement) -> str:
    """The statement's content, its pieces joined by an ellipsis when split around the cue."""
    return " … ".join(span.text for span in statement.content)


RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
"""Speakers as PolNeAR marks them in "commentators who argued ...": the speaker span stays
the pronoun (what the data scores), the name shown is the chain's hop for its antecedent."""

QUOTE_MARKS = "\"'“”‘’«»`"


def in_quotes(text: str) -> str:
    """``text`` between quote marks, unless it already starts or ends with one (a quote cut
    with its own marks): never doubled marks."""
    if text[:1] in QUOTE_MARKS or text[-1:] in QUOTE_MARKS:
        return text
    return f"“{text}”"


def quoted(statement: Statement) -> str:
    """The content between quote marks, unless the content already carries its own."""
    return in_quotes(content_text(statement))


def entity_aliases(entity: Entity) -> str:
    """Every surface form but the canonical name, with counts."""
    return ", ".join(
        f"{form.text} ×{form.count}" for form in entity.aliases if form.text != entity.name
    )


def speaker_name(
    result: ArticleResult, statement: Statement, names: Mapping[str, str] | None = None
) -> str:
    """The speaker as a reader names them: the canonical name of the speaker's entity when
    resolved, the phrase a relative pronoun stands for ("the administration, which said"),
    else the speaker span's text. ``names`` (entity id to name) saves looking the entity up
    when many statements of one article are named."""
    if statement.speaker_entity:
        if names is None:
            names = {entity.id: entity.name for entity in result.entities}
        if statement.speaker_entity in names:
            return names[statement.speaker_entity]
    if statement.speaker:
        if statement.speaker.text.lower() in RELATIVE_PRONOUNS and statement.chain:
            return statement.chain[-1].text  # "who" reads as the people it refers to
        return statement.speaker.text
    return "(the outlet)" if statement.kind == "own_voice" else "(unknown)"


QUANTITY_COLUMNS = ("number", "counts", "where", "of", "as of")
"""The columns of a human-readable table of quantities, as :func:`quantity_cells` fills them."""


def quantity_cells(quantity: Quantity) -> tuple[str, str, str, str, str]:
    """A quantity as it is read: the number, what it counts (or its unit), where, of what
    whole and as of when."""
    return (
        quantity.span.text,
        quantity.counted or quantity.unit or "",
        quantity.place.text if quantity.place else "",
        quantity.group.text if quantity.group else "",
        quantity.as_of.value if quantity.as_of else "",
    )


def flag_kinds(result: ArticleResult) -> dict[str, list[str]]:
    """Record id (a quantity's, a timex's) → the kinds of the flags that name it."""
    kinds: dict[str, list[str]] = {}
    for flag in result.flags:
        for record in flag.records:
            kinds.setdefault(record, []).append(flag.kind)
    return kinds


OPENING_CHARS = 70
"""Characters of an untitled article's opening shown as its name: about one line."""


def article_label(title: str | None, outlet: str | None = None, published: object = None) -> str:
    """How a list names an article it has only a row of: its title, else ``Untitled article
    (Outlet, 2024-04-10)``; never its id, which tells a reader nothing."""
    if title:
        return title
    known = ", ".join(str(part) for part in (outlet, published) if part)
    return f"Untitled article ({known})" if known else "Untitled article"


def article_name(article: Article) -> str:
    """How a report names a whole article: its title, else the opening of its text (the words
    a reader recognises it by), else its URL or where it was read from."""
    meta = article.metadata
    if meta.title:
        return meta.title
    first_line = article.text.strip().split("\n", 1)[0]
    if first_line:
        if len(first_line) <= OPENING_CHARS:
            return first_line
        cut = first_line[:OPENING_CHARS].rsplit(" ", 1)[0]
        return cut.rstrip(",;:") + "…"
    return meta.url or article.source.location
