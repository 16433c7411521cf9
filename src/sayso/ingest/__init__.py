"""Readers that turn each kind of input into an Article."""
