"""decode_bytes: BOMs, BOM-less UTF-16, UTF-8, cp1252, mojibake, and the errors."""

from __future__ import annotations

import codecs

import pytest

from sayso.errors import BinaryInputError, DecodeError, EmptyInputError
from sayso.ingest.decode import decode_bytes

TEXT = "The minister’s “final” offer — €5m — was rejected.\nCafé owners said so.\n"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_decides_the_encoding_and_is_dropped(bom: bytes, encoding: str) -> None:
    assert decode_bytes(bom + TEXT.encode(encoding), "x.txt") == TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(encoding: str) -> None:
    assert decode_bytes(TEXT.encode(encoding), "x.txt") == TEXT


def test_plain_utf8() -> None:
    assert decode_bytes(TEXT.encode("utf-8"), "x.txt") == TEXT


def test_cp1252_falls_back_when_not_utf8() -> None:
    assert decode_bytes(TEXT.encode("cp1252"), "x.txt") == TEXT


def test_latin1_html_with_declared_charset() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body>Señor Müller</body></html>'
    assert "Señor Müller" in decode_bytes(page.encode("latin-1"), "x.html")


def test_mojibake_is_repaired_but_curly_quotes_stay() -> None:
    text = "The minister’s ‘final’ offer — at the café — was rejected."
    broken = text.encode("utf-8").decode("cp1252")  # UTF-8 read as cp1252: â€™ and friends
    assert "â€™" in broken
    assert decode_bytes(broken.encode("utf-8"), "x.txt") == text


def test_legitimate_text_is_left_alone() -> None:
    text = "ﬁnal ＡＢＣ “quoted” e\u0301 Ångström"
    assert decode_bytes(text.encode("utf-8"), "x.txt") == text


def test_newlines_are_normalised() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\n", "x.txt") == "one\ntwo\nthree\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t  \r\n"])
def test_empty_input_raises(data: bytes) -> None:
    with pytest.raises(EmptyInputError, match=r"x\.txt: .*empty"):
        decode_bytes(data, "x.txt")


def test_binary_with_nul_bytes_raises() -> None:
    data = bytes(range(256)) * 8
    with pytest.raises(BinaryInputError, match="binary"):
        decode_bytes(data, "photo.jpg")


def test_binary_control_characters_raise() -> None:
    data = b"\x01\x02\x03\x04\x05\x06abc" * 100
    with pytest.raises(BinaryInputError):
        decode_bytes(data, "blob.bin")


def test_bom_with_invalid_body_raises_decode_error() -> None:
    with pytest.raises(DecodeError, match="utf-8"):
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe broken", "x.txt")


def test_character_references_in_plain_text_resolve_as_browsers_do() -> None:
    from sayso.ingest.decode import resolve_references

    assert resolve_references("final &#151; and &#147;so&#148;") == "final — and “so”"
    assert (
        resolve_references("Smith &amp; Sons, AT&T, &copy 2024") == "Smith & Sons, AT&T, &copy 2024"
    )
    assert resolve_references("a stray \x97 dash") == "a stray — dash"
    # Markup is HTML: its own reader unescapes it, with offsets into the page.
    assert resolve_references("<p>A &amp; B</p>") == "<p>A &amp; B</p>"


def test_plain_text_reader_resolves_references() -> None:
    from sayso.ingest.article import make_source
    from sayso.ingest.plaintext import read_plain_text

    text = (
        "The mayor said the plan was final &#151; and that it would go ahead on Monday.\n\n"
        "Critics called it &#147;reckless&#148; and vowed to fight it in court next week.\n"
    )
    article = read_plain_text(text, make_source("t.txt", "text"))
    assert "final — and that" in article.text
    assert "“reckless”" in article.text
