"""sayso's exceptions. Every one carries a message that says what happened and what to do.

::

    SaysoError
     ├── InputError            one input could not be read; the run goes on with the others
     │    ├── EmptyInputError
     │    ├── BinaryInputError
     │    ├── DecodeError
     │    ├── TooLargeError
     │    ├── NoArticleError
     │    ├── CorruptInputError     (truncated gzip or WARC, a JSONL line that is not JSON)
     │    └── FetchError
     ├── ModelNotInstalledError     the configured spaCy pipeline is missing
 ├── ModelIntegrityError        a model file differs from the sha256 recorded in sayso
     ├── ConfigError                an option or pipeline stage list does not make sense
     ├── RecordError                a record or JSON document does not fit the schema
     ├── StoreError                 (sayso.store.errors) the database is busy, too new, too old,
     │                              not a sayso store, or lacks the article asked for
     └── EvaluationError            an evaluation dataset is missing or malformed
"""

from __future__ import annotations


def install_hint(extra: str) -> str:
    """How to install one of sayso's extras (sayso is installed from its checkout, not an index)."""
    return f"pip install -e '.[{extra}]' in the sayso checkout (or scripts/bootstrap --dev)"


class SaysoError(Exception):
    """Base of every error sayso raises on purpose."""


class InputError(SaysoError):
    """One input could not be turned into an article."""

    def __init__(self, location: str, message: str) -> None:
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


class NoArticleError(InputError):
    """The page or record holds no article text."""


class CorruptInputError(InputError):
    """The container is damaged: truncated gzip or WARC, a JSONL line that is not JSON."""


class FetchError(InputError):
    """A URL could not be fetched."""


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
