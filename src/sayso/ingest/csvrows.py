"""Read articles from a CSV file: one article a row, named by a header row.

Columns are the fields of a JSON Lines object (:mod:`sayso.ingest.jsonl`): the body in
``text`` (or ``content``, ``body``, ``maintext``, ``article``) or ``html``, and any metadata
column of :mod:`sayso.ingest.given` (``url``, ``title``, ``published``, ``outlet``, ``author``,
...), whose ``field_sources`` entry then says ``csv``. A row without a body yields a
``CorruptInputError`` located ``file:row`` and reading goes on; ``Source.record`` is the row
number (from 1, the header not counted). The dialect (comma, semicolon or tab) is sniffed
from the header line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from sayso.errors import CorruptInputError, InputError
from sayso.ingest.decode import decode_bytes
from sayso.ingest.jsonl import article_from_object
from sayso.records import Article


def iter_csv(data: bytes, location: str, *, max_bytes: int) -> Iterator[Article | InputError]:
    """One item per data row: an Article, or the error that row ran into."""
    text = decode_bytes(data, location)
    header = text.split("\n", 1)[0]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(header, ",;\t")
    except csv.Error:
        dialect = csv.excel
    # A field may hold a whole article: allow up to the input's own size limit.
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    rows = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    if not rows.fieldnames:
        yield CorruptInputError(location, "the CSV file has no header row naming its columns.")
        return
    try:
        for number, row in enumerate(rows, start=1):
            item = {k.strip(): v for k, v in row.items() if isinstance(k, str) and v}
            yield article_from_object(
                item, f"{location}:{number}", location, str(number), origin="csv"
            )
    except csv.Error as exc:
        yield CorruptInputError(f"{location}:{rows.line_num}", f"the CSV is malformed ({exc}).")
