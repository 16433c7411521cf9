"""Statements: quotes and reported speech with speaker, attribution chain and the outlet's stance.

``extract_statements(doc, mentions=..., entities=..., outlet=...)`` is the entry point.
"""

from sayso.statements.extract import EXTRACTOR, VERSION, extract_statements

__all__ = ["EXTRACTOR", "VERSION", "extract_statements"]
