"""The entity layer: name matching, in-article entity grouping, coreference, corpus merging."""

EXTRACTOR = "sayso.entities@0.1.0"
"""What mentions and entities made here name as their extractor."""
