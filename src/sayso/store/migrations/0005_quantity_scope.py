"""Schema 5: where, of what whole and as of when each stored quantity holds, and the date a
stretch of time reaches.

Quantities gained ``place``, ``group`` and ``as_of`` in their records, and timexes
``end_value`` (``three days later`` → the day it reaches); these columns make them queryable
(``SELECT ... FROM quantities WHERE place = 'Kabul'``) in the store and in its SQLite export for
Datasette. The quantity's whole is stored as ``whole``: ``group`` is a word of SQL. Rows stored
before this step keep NULL there, as their records, written by an older sayso, hold nothing.

A frozen step: never edit this file once released; mirror it in ``store/tables.py``.
"""

from __future__ import annotations

import sqlalchemy as sa

NAME = "quantity_scope"

_NEW_COLUMNS = (
    ("quantities", "place"),
    ("quantities", "whole"),
    ("quantities", "as_of"),
    ("timexes", "end_value"),
)


def upgrade(conn: sa.Connection) -> None:
    """Add the nullable text columns; both backends add them without rewriting the table."""
    for table, column in _NEW_COLUMNS:
        conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
