"""The local web app behind ``sayso serve``: pages and a JSON API over a corpus store.

::

    from sayso.web.app import create_app, serve

    app = create_app("sayso.db")            # a FastAPI app (read-only, localhost only)
    serve("sayso.db", "127.0.0.1", 8000, token=None, allow_upload=False)
"""
