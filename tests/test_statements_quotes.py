"""Quote-mark pairing: every mark style, multi-paragraph quotes, nesting and stray marks."""

from __future__ import annotations

from sayso.statements.quotes import find_quotes, paragraph_ranges


def _texts(text: str) -> list[str]:
    return [" / ".join(text[s:e] for s, e in q.pieces) for q in find_quotes(text)]


def test_curly_straight_guillemet_and_tex_marks() -> None:
    assert _texts("“Curly one,” she said.") == ["“Curly one,”"]
    assert _texts('He said "straight one" twice.') == ['"straight one"']
    assert _texts("«Guillemets here» he wrote.") == ["«Guillemets here»"]
    assert _texts("``TeX style,'' he said.") == ["``TeX style,''"]


def test_quote_split_around_its_cue_gives_two_quotes() -> None:
    assert _texts("“First half,” he said, “second half.”") == ["“First half,”", "“second half.”"]


def test_quote_over_paragraphs_reopens_each_paragraph() -> None:
    text = "She said: “One paragraph.\n\n“Another one.\n\n“Last one.”\n\nAfter."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert len(quotes[0].pieces) == 3
    assert text[quotes[0].end - 10 : quotes[0].end] == "Last one.”"


def test_unbalanced_mark_does_not_lose_other_quotes() -> None:
    text = "A stray “opener here. Then “a real quote,” he said.\n\nNext “fine one” too."
    assert _texts(text) == ["“a real quote,”", "“fine one”"]


def test_nested_single_quote_inside_double_quote() -> None:
    text = "“He told me ‘we leave at dawn’ and left,” she said."
    quotes = find_quotes(text)
    assert [q.depth for q in quotes] == [0, 1]
    assert text[quotes[1].start : quotes[1].end] == "‘we leave at dawn’"


def test_apostrophes_are_not_quote_marks() -> None:
    assert _texts("The workers’ union won’t say. It’s Jones’ call.") == []


def test_unclosed_nested_single_quote_closes_with_its_parent() -> None:
    text = "“They said: ‘But then he came.” Next."
    nested = [q for q in find_quotes(text) if q.depth == 1]
    assert len(nested) == 1
    assert text[nested[0].start : nested[0].end] == "‘But then he came."


def test_paragraph_ranges_skip_blank_lines() -> None:
    assert paragraph_ranges("a\n\n\nb\n") == [(0, 1), (4, 5)]


def test_tex_style_quote_holds_no_stray_single_quote() -> None:
    text = "He said, ''I had to think, 'They lived here.' Then I left.'' She nodded."
    nested = [text[q.start : q.end] for q in find_quotes(text) if q.depth == 1]
    assert nested == ["'They lived here.'"]
