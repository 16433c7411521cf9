"""The ``sayso`` command line."""
