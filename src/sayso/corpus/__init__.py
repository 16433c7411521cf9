"""Across articles: one entity registry, the same claim in many outlets, echo against independent
confirmation, the same event in many reports, and numbers that disagree.

``sayso.corpus.link.link_store(store)`` runs every linker over a store and rewrites the link
tables; ``sayso.corpus.queries`` reads them back as typed rows.
"""
