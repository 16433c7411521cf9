"""Numbered, forward-only schema migrations: ``NNNN_name.py`` modules with ``upgrade(conn)``.

``sayso.store.migrate`` finds them by file name and applies the pending ones in order, each
in its own transaction together with its row in ``schema_version``.
"""
