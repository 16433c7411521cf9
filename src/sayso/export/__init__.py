"""Renderings of results for people and other tools: Markdown, a standalone HTML page, JSON."""
