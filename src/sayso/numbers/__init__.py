"""Numbers: quantities with what they count, and consistency flags over them."""

from sayso.numbers.consistency import check_consistency
from sayso.numbers.extract import extract_quantities

__all__ = ["check_consistency", "extract_quantities"]
