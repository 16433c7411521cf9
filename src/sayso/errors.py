"""sayso's exceptions. Every one carries a message that says what happened and what to do.

::

    SaysoError
     ├── InputError            one input could not be read; the run goes on with the others
     │    ├── EmptyInputError
     │    ├── BinaryInputError
     │    ├── DecodeError
     │    ├── TooLargeError         over the byte limit (a file, page, record or line)
     │    ├── TooComplexError       over a limit on structure: JSON nesting or digits in a
     │    │                         number, HTML nesting or the size of one tag, feed entries
     │    ├── NoArticleError        no article text (a page without a story, only page junk)
     │    ├── CorruptInputError     (truncated gzip or WARC, a JSONL line that is not JSON,
     │    │                          a WARC response without WARC-Target-URI)
     │    ├── FetchError
     │    │    └── BlockedAddressError   the host is on a loopback, private, link-local or
     │    │                              reserved network, and private fetching is off
     │    └── ReaderFailedError     the reader broke on this input (a bug to report)
     ├── ModelNotInstalledError     the configured spaCy pipeline is missing
 ├── ModelIntegrityError        a model file differs from the sha256 recorded in sayso
     ├── ConfigError                an option or pipeline stage list does not make sense
     ├── RecordError                a record or JSON document does not fit the schema
     ├── StoreError                 (sayso.store.errors) the database is busy, too new, too old,
     │                              not a sayso store, or lacks the article asked for
     └── EvaluationError            an evaluation dataset is missing or malformed
"""

from __future__ import annotations

_CONTROLS = {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F)}


def printable(text: str) -> str:
    """``text`` safe to print on one line, log and store: control characters (a newline in a
    file name) become ``\\xNN`` escapes, and so do a file name's undecodable bytes (kept by
    Python as lone surrogates); any other lone surrogate becomes a ``\\uNNNN`` escape."""
    if text.isprintable():
        return text
    text = text.translate(_CONTROLS)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def install_hint(extra: str) -> str:
    """How to install one of sayso's extras (sayso is installed from its checkout, not an index)."""
    return f"pip install -e '.[{extra}]' in the sayso checkout (or scripts/bootstrap --dev)"


class SaysoError(Exception):
    """Base of every error sayso raises on purpose."""


class InputError(SaysoError):
    """One input could not be turned into an article."""

    def __init__(self, location: str, message: str) -> None:
        location, message = printable(location), printable(" ".join(message.split()))
        super().__init__(f"{location}: {message}")
        self.location = location
        self.reason = message


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input looks like binary data, not text or markup."""


class DecodeError(InputError):
    """The input's bytes could not be decoded as text."""


class TooLargeError(InputError):
    """The input is over the configured size limit."""


class TooComplexError(InputError):
    """The input is over a limit on its structure: JSON nested too deeply or a number with too
    many digits, HTML nested too deeply or one tag (an attribute) too large, a feed with too
    many entries. Each limit is far above what a news page needs and keeps the work on one
    input bounded."""


class NoArticleError(InputError):
    """The page or record holds no article text."""


class CorruptInputError(InputError):
    """The container is damaged: truncated gzip or WARC, a JSONL line that is not JSON."""


class FetchError(InputError):
    """A URL could not be fetched."""


class BlockedAddressError(FetchError):
    """The URL's host (or a redirect's) is on a loopback, private, link-local or reserved
    network, which is only fetched when the caller allows it (``--fetch-private``)."""


class ReaderFailedError(InputError):
    """The reader broke on this input: a bug, reported so that the other inputs are still read.
    The message names the exception; please report it with the input."""


class ModelNotInstalledError(SaysoError):
    """The configured spaCy pipeline is not installed."""


class ModelIntegrityError(SaysoError):
    """A model file differs from the sha256 sum recorded in sayso: it is not loaded."""


class ConfigError(SaysoError):
    """An option or the pipeline's stage list does not make sense."""


class RecordError(SaysoError):
    """A record or JSON document does not fit the sayso schema."""


class EvaluationError(SaysoError):
    """An evaluation dataset is missing or malformed."""
