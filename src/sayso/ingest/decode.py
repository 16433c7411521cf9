"""Turn the bytes of a text or markup file into a ``str``, whatever encoding it came in.

Order of trust: a byte-order mark; UTF-16 that is evident from its zero bytes; strict UTF-8;
a charset declared in an HTML/XML head; a statistical guess (charset-normalizer); and finally
cp1252, which maps almost every byte. The result then goes through ftfy to undo mojibake
(UTF-8 read as cp1252 and the like), with every setting that would alter legitimate text off:
curly quotes, ligatures, full-width forms and the Unicode normal form are kept as written.
Line breaks end up as ``\\n``.
"""

from __future__ import annotations

import codecs
import re

from sayso.errors import BinaryInputError, DecodeError, EmptyInputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SNIFF_BYTES = 4096
# UTF-16 without a BOM: in ASCII-heavy text every other byte is zero. Calling it UTF-16 when
# over 30% of one parity's bytes are zero and under 5% of the other's keeps binary files
# (zeros everywhere) out.
_UTF16_ZERO_SHARE = 0.3
_UTF16_OTHER_ZERO_SHARE = 0.05
# Text has few control characters besides tab and newline; binaries have many.
_CONTROL_SHARE = 0.1
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)|encoding=["']([A-Za-z0-9_.:-]+)""", re.I
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, location: str) -> str:
    """Decode ``data`` (read from ``location``, used in messages) to text with ``\\n`` newlines.

    Raises EmptyInputError for nothing but white space, BinaryInputError for binary data
    and DecodeError when no encoding fits.
    """
    if not data.strip():
        raise EmptyInputError(location, "the input is empty; give a file that holds text.")
    text = _decode(data, location)
    if _looks_binary(text):
        raise BinaryInputError(
            location, "the input looks like binary data, not text or HTML; give a text file."
        )
    fixed = _fix_mojibake(text)
    fixed = fixed.replace("\r\n", "\n").replace("\r", "\n")
    if not fixed.strip():
        raise EmptyInputError(location, "the input holds only white space; give a text file.")
    return fixed


def _decode(data: bytes, location: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, location)
    utf16 = _evident_utf16(data)
    if utf16:
        return _strict(data, utf16, location)
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise BinaryInputError(
            location,
            "the input holds NUL bytes, so it looks binary, not text; give a text or HTML file.",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for guess in (_declared_charset(data), _guessed_charset(data)):
        if guess:
            try:
                return data.decode(guess)
            except (UnicodeDecodeError, LookupError):
                continue
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return data.decode("latin-1")


def _strict(data: bytes, encoding: str, location: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            location,
            f"the input starts like {encoding} but is not valid {encoding} "
            f"(byte {exc.start}); re-save it as UTF-8.",
        ) from exc


def _evident_utf16(data: bytes) -> str | None:
    head = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    even_zero = even.count(0) / len(even)
    odd_zero = odd.count(0) / len(odd)
    if odd_zero > _UTF16_ZERO_SHARE and even_zero < _UTF16_OTHER_ZERO_SHARE:
        return "utf-16-le"
    if even_zero > _UTF16_ZERO_SHARE and odd_zero < _UTF16_OTHER_ZERO_SHARE:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _guessed_charset(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    return best.encoding if best is not None else None


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF_BYTES]
    if "\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > _CONTROL_SHARE * max(len(sample), 1)


def _fix_mojibake(text: str) -> str:
    import ftfy

    return str(
        ftfy.fix_text(
            text,
            unescape_html=False,
            uncurl_quotes=False,
            fix_latin_ligatures=False,
            fix_character_width=False,
            normalization=None,
            explain=False,
        )
    )


_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def resolve_references(text: str) -> str:
    """Plain text with the HTML character references scrapers leave in it resolved.

    ``&amp;``, ``&rsquo;``, ``&#8217;`` become their characters, and numeric references in the
    cp1252 range (``&#151;``, ``&#147;``) and stray C1 control characters (``\\x97``) become
    the punctuation a browser shows for them (an em dash, a curly quote), not invisible
    controls. A reference needs its semicolon (``AT&T``, ``&copy`` stay as written). Text that
    holds markup tags is left alone: it is HTML, and its reader unescapes it.
    """
    import ftfy.fixes

    if "&" in text and not _TAG.search(text):
        text = ftfy.fixes.unescape_html(text)
    return str(ftfy.fixes.fix_c1_controls(text))
