"""Numbers: quantities with what they count, and consistency flags over them and the dates."""

from sayso.numbers.chronology import check_date_order
from sayso.numbers.consistency import check_consistency
from sayso.numbers.extract import extract_quantities

__all__ = ["check_consistency", "check_date_order", "extract_quantities"]
