"""Extraction quality on WCXB article pages: plain-text cleaning and HTML reading.

Two questions, one dataset (``/work/shared/data/wcxb-articles``: 711 ``article`` pages of the
WCXB development split, gzipped HTML plus ground-truth main content):

* ``cleaning``: each page is flattened to naive full-page text (every visible text node, block
  elements on their own lines, scripts and styles dropped) and cleaned by
  :func:`sayso.ingest.plaintext.read_plain_text`; its canonical body is scored against the
  ground truth. Baseline ``naive``: the full-page text itself. The title and publication
  day it reads from the naive text are scored as the HTML path's are (``cleaning.metadata``).
* ``html``: :func:`sayso.ingest.html.read_html` on the page; baseline ``trafilatura``:
  ``trafilatura.extract`` with default settings.

The plain-text cleaner's line model was trained on the even-numbered pages
(``scripts/train_line_model.py``), so both paths are scored on the odd-numbered pages only,
the held-out half (``sample`` says so). Pages whose ground truth has no main content are
skipped. Scores are of the body alone: captions, which every reader appends after the body,
are left out.

Scoring is WCXB's own: word-level F1 over ``\\w+`` tokens, lower-cased, counted as multisets,
per page, then averaged over pages (macro average), as in the benchmark's README and
``evaluate.py``. A page with an empty reference scores 1 if the prediction is empty too.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sayso.errors import EvaluationError, InputError
from sayso.eval.base import TaskReport, hash_files

if TYPE_CHECKING:
    from sayso.records import Article

_WORD = re.compile(r"\w+")

# Elements whose text is never visible.
_INVISIBLE = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"}
)
# Elements that start a new line in a browser's rendering.
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "option",
        "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
        "ul", "button", "select", "textarea", "label", "caption", "picture", "video", "audio",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class WordScore:
    """WCXB's word-level precision, recall and F1 for one page."""

    precision: float
    recall: float
    f1: float


def word_f1(predicted: str, reference: str) -> WordScore:
    """WCXB's metric: multiset overlap of lower-cased ``\\w+`` tokens."""
    pred = Counter(_WORD.findall(predicted.lower()))
    ref = Counter(_WORD.findall(reference.lower()))
    if not ref:
        value = 1.0 if not pred else 0.0
        return WordScore(value, value, value)
    if not pred:
        return WordScore(0.0, 0.0, 0.0)
    overlap = sum((pred & ref).values())
    precision = overlap / sum(pred.values())
    recall = overlap / sum(ref.values())
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return WordScore(precision, recall, f1)


def naive_page_text(html: str) -> str:
    """All visible text of a page: block elements on their own lines, white space collapsed."""
    import lxml.html  # type: ignore[import-untyped, unused-ignore]
    from lxml import etree  # type: ignore[import-untyped, unused-ignore]

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    chunks: list[str] = []
    _walk(root, chunks)
    lines = (" ".join(line.split()) for line in "".join(chunks).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(element: object, chunks: list[str]) -> None:
    from lxml import etree  # type: ignore[import-untyped, unused-ignore]

    assert isinstance(element, etree._Element)
    tag = element.tag if isinstance(element.tag, str) else ""
    visible = tag.lower() not in _INVISIBLE and isinstance(element.tag, str)
    if visible:
        block = tag.lower() in _BLOCK
        if block:
            chunks.append("\n")
        if element.text:
            chunks.append(element.text)
        for child in element:
            _walk(child, chunks)
        if block:
            chunks.append("\n")
    if element.tail:
        chunks.append(element.tail)


def load_page(data_root: Path, page_id: str) -> tuple[str, dict[str, object]]:
    """The HTML text and ground-truth record of one page."""
    html = gzip.decompress((data_root / "html" / f"{page_id}.html.gz").read_bytes())
    truth = json.loads((data_root / "ground-truth" / f"{page_id}.json").read_text("utf-8"))
    return html.decode("utf-8", errors="replace"), truth


def page_ids(data_root: Path) -> list[str]:
    """The page ids of the data set, sorted."""
    return sorted(p.name.split(".")[0] for p in (data_root / "html").glob("*.html.gz"))


def training_page(page_id: str) -> bool:
    """Whether the line model was trained on this page (even-numbered pages)."""
    return int(page_id) % 2 == 0


_WORST = 10
_SHOWN_LINES = 3


@dataclass(slots=True)
class _Tally:
    scores: list[WordScore]

    def metrics(self, prefix: str) -> dict[str, float]:
        n = len(self.scores) or 1
        return {
            f"{prefix}.precision": round(sum(s.precision for s in self.scores) / n, 4),
            f"{prefix}.recall": round(sum(s.recall for s in self.scores) / n, 4),
            f"{prefix}.f1": round(sum(s.f1 for s in self.scores) / n, 4),
        }


def body_text(article: Article) -> str:
    """The article's body paragraphs, without the captions appended after them."""
    return "\n\n".join(p.text for p in article.paragraphs)


def clean_page_article(html: str) -> Article | None:
    """The plain-text path: naive full-page text read by ``read_plain_text``, or None when
    every line is judged page junk."""
    from sayso.ingest.article import make_source
    from sayso.ingest.plaintext import read_plain_text

    naive = naive_page_text(html)
    if not naive.strip():
        return None
    try:
        return read_plain_text(naive, make_source("wcxb", "text"))
    except InputError:
        return None


def read_page(html: str, url: str | None) -> str:
    """The HTML path: ``read_html`` on the page; an article-less page gives no text."""
    article = read_page_article(html, url)
    return body_text(article) if article is not None else ""


def read_page_article(html: str, url: str | None) -> Article | None:
    """``read_html`` on the page, or None for a page it finds no article in."""
    from sayso.ingest.article import make_source
    from sayso.ingest.html import read_html

    try:
        return read_html(html, make_source("wcxb", "html"), url=url)
    except InputError:
        return None


_TITLE_SPACE = re.compile(r"\s+")


def same_title(found: str | None, gold: str) -> bool:
    """realnews' rule: one title holds the other (case, quote styles and spacing aside)."""
    if not found:
        return False

    def norm(text: str) -> str:
        text = text.translate(str.maketrans("‘’“”–—", "''\"\"--"))
        return _TITLE_SPACE.sub(" ", text).strip().lower()

    a, b = norm(found), norm(gold)
    return bool(a) and (a in b or b in a)


def trafilatura_page(html: str, url: str | None) -> str:
    """Baseline: ``trafilatura.extract`` with its default settings."""
    import trafilatura

    return str(trafilatura.extract(html, url=url) or "")


def evaluate(
    data_root: Path, split: str = "dev", *, limit: int | None = None, baselines: bool = True
) -> TaskReport:
    """Word F1 of plain-text cleaning and HTML reading on WCXB's held-out article pages."""
    if split != "dev":
        raise EvaluationError(
            f"wcxb-articles holds only the dev split, not {split!r}; run with split='dev'."
        )
    if not (data_root / "html").is_dir() or not (data_root / "ground-truth").is_dir():
        raise EvaluationError(
            f"{data_root} has no html/ and ground-truth/ folders; point it at wcxb-articles."
        )
    held_out = [p for p in page_ids(data_root) if not training_page(p)]
    chosen = held_out[:limit] if limit is not None else held_out
    tallies = {name: _Tally([]) for name in ("cleaning", "html", "naive", "trafilatura")}
    metadata: Counter[str] = Counter()
    cleaning_metadata: Counter[str] = Counter()
    trafilatura_metadata: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    read: list[Path] = []
    skipped = 0
    for page_id in chosen:
        html, truth = load_page(data_root, page_id)
        read += [
            data_root / "html" / f"{page_id}.html.gz",
            data_root / "ground-truth" / f"{page_id}.json",
        ]
        ground_value = truth.get("ground_truth")
        ground: dict[str, Any] = ground_value if isinstance(ground_value, dict) else {}
        reference = ground.get("main_content")
        if not reference:
            skipped += 1
            continue
        url = truth.get("url") if isinstance(truth.get("url"), str) else None
        article = read_page_article(html, str(url) if url else None)
        cleaned = clean_page_article(html)
        predictions = {
            "cleaning": body_text(cleaned) if cleaned is not None else "",
            "html": body_text(article) if article is not None else "",
        }
        _score_metadata(metadata, *_article_metadata(article), ground)
        _score_metadata(cleaning_metadata, *_article_metadata(cleaned), ground)
        if baselines:
            predictions["naive"] = naive_page_text(html)
            predictions["trafilatura"] = trafilatura_page(html, str(url) if url else None)
            _score_metadata(
                trafilatura_metadata,
                *_trafilatura_metadata(html, str(url) if url else None),
                ground,
            )
        for name, predicted in predictions.items():
            score = word_f1(predicted, str(reference))
            tallies[name].scores.append(score)
            if name in ("cleaning", "html"):
                errors.append(_error(page_id, name, score, predicted, str(reference)))
    errors.sort(key=lambda e: float(e["f1"]))
    worst = [e for e in errors if e["path"] == "cleaning"][:_WORST]
    worst += [e for e in errors if e["path"] == "html"][:_WORST]
    scored = len(tallies["cleaning"].scores)
    metrics = {
        **tallies["cleaning"].metrics("cleaning"),
        **_metadata_metrics(cleaning_metadata, "cleaning.metadata"),
        **tallies["html"].metrics("html"),
        **_metadata_metrics(metadata),
    }
    report_baselines = (
        {
            "naive": tallies["naive"].metrics("cleaning"),
            "trafilatura": {
                **tallies["trafilatura"].metrics("html"),
                **_metadata_metrics(trafilatura_metadata),
            },
        }
        if baselines
        else {}
    )
    return TaskReport(
        task="extraction",
        split=split,
        data_hash=hash_files(read),
        items=scored,
        metrics=metrics,
        baselines=report_baselines,
        errors=worst,
        notes=[
            "WCXB word-level F1 (lower-cased \\w+ tokens, multiset overlap), macro-averaged "
            "over pages.",
            "Held-out half: odd-numbered pages; the line model was trained on the even ones.",
            "cleaning = naive full-page text cleaned by read_plain_text (body only); "
            "html = read_html (body only).",
            f"{skipped} page(s) without ground-truth main content skipped.",
            "metadata.title: the HTML path's title holds the gold title or is held by it "
            "(realnews' rule); metadata.published: its day is the gold publish_date (WCXB's "
            "dates are often the day a page was last updated, so this is a floor, not a goal); "
            "cleaning.metadata.*: the same for the title and date read from the naive text.",
        ],
        sample=(
            f"odd-numbered pages (held out from line-model training): {len(chosen)} of "
            f"{len(held_out)} held-out pages, in page order"
        ),
    )


def _score_metadata(
    counts: Counter[str], title: str | None, published: str | None, ground: dict[str, Any]
) -> None:
    """Count a page's title and publication day against the ground truth, where it has them."""
    gold_title = ground.get("title")
    if isinstance(gold_title, str) and gold_title.strip():
        counts["title_n"] += 1
        counts["title_ok"] += same_title(title, gold_title)
    day = ground.get("publish_date")
    if isinstance(day, str) and day.strip():
        counts["published_n"] += 1
        counts["published_ok"] += (published or "")[:10] == day[:10]


def _metadata_metrics(counts: Counter[str], prefix: str = "metadata") -> dict[str, float]:
    return {
        f"{prefix}.{name}": round(counts[f"{name}_ok"] / counts[f"{name}_n"], 4)
        for name in ("title", "published")
        if counts[f"{name}_n"]
    }


def _trafilatura_metadata(html: str, url: str | None) -> tuple[str | None, str | None]:
    """Baseline: trafilatura's own title and htmldate's date for the page."""
    from trafilatura.metadata import extract_metadata

    document = extract_metadata(html, default_url=url)
    return document.title, document.date


def _article_metadata(article: Article | None) -> tuple[str | None, str | None]:
    if article is None:
        return None, None
    meta = article.metadata
    return meta.title, meta.published.value if meta.published else None


def _error(
    page_id: str, path: str, score: WordScore, predicted: str, reference: str
) -> dict[str, Any]:
    """A readable record of one page: its scores and a few missed and extra lines."""
    predicted_words = set(_WORD.findall(predicted.lower()))
    reference_words = set(_WORD.findall(reference.lower()))
    missed = [
        line[:120]
        for line in reference.split("\n")
        if line.strip() and not set(_WORD.findall(line.lower())) <= predicted_words
    ]
    extra = [
        line[:120]
        for line in predicted.split("\n")
        if line.strip() and not set(_WORD.findall(line.lower())) <= reference_words
    ]
    return {
        "page": page_id,
        "path": path,
        "f1": round(score.f1, 4),
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "missed": missed[:_SHOWN_LINES],
        "extra": extra[:_SHOWN_LINES],
    }
