"""A standalone HTML page of one article with its spans highlighted.

No script and no external resource: the page is safe to open from an untrusted article (all
text is escaped, a Content-Security-Policy forbids scripts) and works offline. Hovering a
highlighted quote shows its speaker, stance and attribution chain; the statement list below the
text shows the same with the deciding words.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from html import escape

from sayso.export.text import (
    QUANTITY_COLUMNS,
    chain_text,
    entity_aliases,
    quantity_cells,
    quoted,
    speaker_name,
)
from sayso.records import ArticleResult

_CSS = """
body{font:16px/1.55 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}.meta{color:#555}.text{white-space:pre-wrap}
.ent{border-bottom:2px solid #4a7bd0}.content{background:#fff3b0}.cue{background:#ffd0a8}
.speaker{background:#c9f2c9}.timex{border-bottom:2px dotted #a040a0}
.caption{color:#555;font-style:italic}
.hedged{background:#ffe6a6}.disputed{background:#ffc4c4}.endorsed{background:#d2f5d2}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left}
li{margin:.3rem 0}
"""


def _segments(result: ArticleResult) -> list[tuple[int, int, set[str], list[str]]]:
    """Split the text at every span boundary; each piece gets the classes and titles over it."""
    marks: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for mention in result.mentions:
        marks[mention.span.start].append((mention.span.end, "ent", mention.label))
    for statement in result.statements:
        if statement.kind == "own_voice":
            continue
        title = (
            f"{speaker_name(result, statement)} · {statement.kind} · {statement.stance.label}"
            f" · {chain_text(statement, result.article.metadata.outlet)}"
        )
        for span in statement.content:
            marks[span.start].append((span.end, f"content {statement.stance.label}", title))
        if statement.cue:
            marks[statement.cue.start].append((statement.cue.end, "cue", "cue"))
        if statement.speaker:
            marks[statement.speaker.start].append((statement.speaker.end, "speaker", "speaker"))
    for timex in result.timexes:
        marks[timex.span.start].append((timex.span.end, "timex", f"{timex.type} {timex.value}"))
    for caption in result.article.captions:
        if caption.span:
            marks[caption.span.start].append((caption.span.end, "caption", "photo caption"))
    text = result.article.text
    bounds = {0, len(text)}
    for start, items in marks.items():
        bounds.add(start)
        bounds.update(end for end, _, _ in items)
    cuts = sorted(b for b in bounds if 0 <= b <= len(text))
    active: list[tuple[int, str, str]] = []
    pieces = []
    for left, right in itertools.pairwise(cuts):
        active = [a for a in active if a[0] > left] + marks.get(left, [])
        classes = {c for _, cls, _ in active for c in cls.split()}
        titles = [t for _, cls, t in active if cls.startswith("content") or cls == "timex"]
        pieces.append((left, right, classes, titles))
    return pieces


def to_html(result: ArticleResult) -> str:
    """The whole page as a string."""
    article = result.article
    meta = article.metadata
    body = []
    for left, right, classes, titles in _segments(result):
        chunk = escape(article.text[left:right])
        if classes:
            title = f' title="{escape(" | ".join(titles))}"' if titles else ""
            chunk = f'<span class="{" ".join(sorted(classes))}"{title}>{chunk}</span>'
        body.append(chunk)
    meta_rows = [
        (k, v)
        for k, v in (
            ("section", meta.section),
            ("outlet", meta.outlet),
            ("byline", meta.byline),
            ("published", meta.published.value if meta.published else None),
            ("url", meta.url),
            ("source", article.source.location),
        )
        if v
    ]
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{escape(meta.title or article.id)} · sayso</title><style>{_CSS}</style></head>",
        f"<body><h1>{escape(meta.title or article.id)}</h1><p class='meta'>",
        " · ".join(
            f"{escape(k)}: {escape(v)} <small>({escape(meta.field_sources.get(k, '?'))})</small>"
            for k, v in meta_rows
        ),
        f"</p><div class='text'>{''.join(body)}</div>",
    ]
    attributed = [s for s in result.statements if s.kind != "own_voice"]
    if attributed:
        parts.append("<h2>Statements</h2><ol>")
        for s in attributed:
            cues = ", ".join(escape(c.text) for c in s.stance.cues)
            parts.append(
                f"<li><details><summary><b>{escape(speaker_name(result, s))}</b> "
                f"({escape(s.kind)}, <span class='{escape(s.stance.label)}'>"
                f"{escape(s.stance.label)}</span>): {escape(quoted(s))}</summary>"
                f"chain: {escape(chain_text(s, meta.outlet))}"
                f"{'; decided by: ' + cues if cues else ''}</details></li>"
            )
        parts.append("</ol>")
    if result.entities:
        parts.append("<h2>Entities</h2><table><tr><th>name</th><th>type</th>")
        parts.append("<th>also written</th><th>titles</th></tr>")
        for e in result.entities:
            parts.append(
                f"<tr><td>{escape(e.name)}</td><td>{escape(e.type)}</td>"
                f"<td>{escape(entity_aliases(e))}</td><td>{escape(', '.join(e.titles))}</td></tr>"
            )
        parts.append("</table>")
    if article.removed:
        parts.append("<h2>Removed page junk</h2><ul>")
        parts += [
            f"<li><code>{escape(r.text)}</code> ({escape(r.reason)})</li>" for r in article.removed
        ]
        parts.append("</ul>")
    if result.quantities:
        head = "".join(f"<th>{escape(c)}</th>" for c in QUANTITY_COLUMNS)
        parts.append(f"<h2>Numbers</h2><table><tr>{head}</tr>")
        for q in result.quantities:
            cells = "".join(f"<td>{escape(c)}</td>" for c in quantity_cells(q))
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
    if result.flags:
        parts.append("<h2>Flags</h2><ul>")
        parts += [f"<li><b>{escape(f.kind)}</b>: {escape(f.message)}</li>" for f in result.flags]
        parts.append("</ul>")
    parts.append("</body></html>\n")
    return "".join(parts)
