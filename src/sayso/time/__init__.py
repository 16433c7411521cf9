"""Temporal expressions: detection and TIMEX3 normalisation, and publication-date estimates.

``extract_timexes(text, anchor=..., doc=...)`` finds and normalises every temporal expression;
``estimate_publication(text, timexes)`` guesses when an undated article was written.
"""

from sayso.time.extract import EXTRACTOR, extract_timexes
from sayso.time.publication import estimate_publication

__all__ = ["EXTRACTOR", "estimate_publication", "extract_timexes"]
