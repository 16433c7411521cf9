"""Article → ArticleResult: parse once with spaCy, then run the stages in order.

Each stage runs on its own: one that fails leaves a diagnostic and the other stages' records
stand, so one odd character never loses the rest of an article. The stages of one article share
a time budget (``time_budget`` CPU seconds): input that makes some rule's work explode ends the
article with a diagnostic and the records of the stages that finished (see
:mod:`sayso.nlp.budget`). The spaCy model is loaded once,
on first use, and shared by every article the pipeline sees.

Each batch is parsed and analysed inside ``nlp.memory_zone()``: the strings and lexemes spaCy
adds for the batch's new words are freed when the batch is done, so a worker that reads a
million articles stays the size it was after its first batches (spaCy's vocabulary otherwise
grows with every new word it ever sees). Nothing spaCy made may leave the zone: stages turn
Docs into plain record dataclasses, and a batch's results are complete before its zone closes.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from sayso import __version__
from sayso.errors import ConfigError, InputError
from sayso.nlp.budget import BudgetSpent, article_budget, check_budget
from sayso.nlp.components import BUILTIN_STAGES, DEFAULT_STAGES
from sayso.nlp.doctext import forget_text, remember_text
from sayso.nlp.loader import DEFAULT_MODEL, load_model, model_source
from sayso.nlp.segments import SEGMENT_CHARS, parse_long
from sayso.nlp.stage import RECORD_FIELDS, Analysis, Stage
from sayso.records import Article, ArticleResult, Diagnostic

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from sayso.ingest.given import PublishedValue
    from sayso.ingest.sources import ReadOptions

log = logging.getLogger(__name__)

BATCH_CHARS = 20_000
"""Characters of text parsed together at most (an article longer than this is parsed alone).
spaCy's parser and tagger hold working arrays for every token of a batch at once, so a
worker's peak memory follows the text in its largest batch, not the article count: on the
benchmark texts (5,200 characters on average, up to 39,000) batches of 32 articles peaked at
940 MiB, batches of 4 (about this many characters) at 440 MiB, for the same CPU time per
article (0.232 s against 0.237 s with 16)."""

STAGE_ENTRY_POINTS = "sayso.stages"

TIME_BUDGET = 30.0
"""CPU seconds the stages of one article may take together (the parse not included). The
benchmark articles take 0.04 s on average and their longest 0.6 s; every rule is linear or
n log n in the article's length, so only hostile input gets near this."""


def _stage_factory(name: str) -> Stage:
    if name in BUILTIN_STAGES:
        return BUILTIN_STAGES[name]()
    for ep in entry_points(group=STAGE_ENTRY_POINTS):
        if ep.name == name:
            stage: Stage = ep.load()()
            return stage
    known = ", ".join(sorted(BUILTIN_STAGES))
    raise ConfigError(f"unknown pipeline stage {name!r}: pick from {known} or install its plugin")


def _check_order(stages: Sequence[Stage]) -> None:
    available = {"doc"}
    for stage in stages:
        for need in stage.requires:
            if need not in RECORD_FIELDS:
                raise ConfigError(f"stage {stage.name!r} requires unknown field {need!r}")
            if need not in available:
                raise ConfigError(
                    f"stage {stage.name!r} needs {need!r}, which no earlier stage assigns: "
                    "put the stage that assigns it first"
                )
        available.update(stage.assigns)


def _text_article(item: object) -> Article:
    from sayso.ingest.given import article_from_text

    if not isinstance(item, str):
        raise TypeError(f"expected an Article or a str of text, not {type(item).__name__}")
    return article_from_text(item)


class Pipeline:
    """Analyses articles with one spaCy model, loaded lazily and kept for every batch.

    Its ``analyze_*`` methods are those of the ``sayso`` module (see docs/api.md), on this
    pipeline's model and stages. Only :meth:`analyze_url` touches the network.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        stages: Sequence[str] = DEFAULT_STAGES,
        batch_size: int = 32,
        batch_chars: int = BATCH_CHARS,
        segment_chars: int = SEGMENT_CHARS,
        time_budget: float | None = TIME_BUDGET,
    ) -> None:
        self.model = model
        self.time_budget = time_budget
        self.batch_size = batch_size
        self.batch_chars = batch_chars
        self.segment_chars = segment_chars
        self.stages: tuple[Stage, ...] = tuple(_stage_factory(n) for n in stages)
        _check_order(self.stages)

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline (loaded on first use)."""
        return load_model(self.model)

    def describe(self) -> dict[str, str]:
        """Component name → version, as recorded in every result."""
        return self.describe_stages(self.nlp.meta, model_source(self.model).package)

    def describe_stages(self, meta: dict[str, object], package: str) -> dict[str, str]:
        """What :meth:`describe` records, for a spaCy pipeline of ``meta`` from ``package``."""
        return {
            "sayso": __version__,
            "spacy_model": "{}_{}@{}".format(
                meta.get("lang", "xx"), meta.get("name", "?"), meta.get("version", "?")
            ),
            "spacy_model_package": package,
            **{s.name: s.version for s in self.stages},
        }

    def analyze_doc(self, article: Article, doc: Doc, described: dict[str, str]) -> ArticleResult:
        """Run the stages on ``doc``, a Doc of ``article.text`` that another spaCy pipeline
        parsed (see :mod:`sayso.nlp.spacy_component`)."""
        return self._analyze_parsed(article, doc, None, described, 0.0)

    def analyze(self, source: Article | Path) -> ArticleResult:
        """Analyse an Article, or the file at a ``pathlib.Path``. A ``str`` is refused: say
        what it is with :meth:`analyze_text`, :meth:`analyze_file` or :meth:`analyze_url`."""
        if isinstance(source, Path):
            return self.analyze_file(source)
        if not isinstance(source, Article):
            raise TypeError(
                f"Pipeline.analyze takes an Article or a pathlib.Path, not "
                f"{type(source).__name__}: use analyze_text for text, analyze_html for a "
                "page, analyze_file for a file, analyze_url for a URL"
            )
        return next(self.analyze_articles([source]))

    def analyze_text(
        self,
        text: str,
        *,
        title: str | None = None,
        outlet: str | None = None,
        published: PublishedValue | None = None,
    ) -> ArticleResult:
        """Analyse an article given as its plain text, with the metadata the caller knows."""
        from sayso.ingest.given import article_from_text

        article = article_from_text(text, title=title, outlet=outlet, published=published)
        return next(self.analyze_articles([article]))

    def analyze_html(self, html: str | bytes, *, url: str | None = None) -> ArticleResult:
        """Analyse the article in a page's HTML; ``url`` says where it came from (not fetched)."""
        from sayso.ingest.given import article_from_html

        return next(self.analyze_articles([article_from_html(html, url=url)]))

    def analyze_file(self, path: str | os.PathLike[str]) -> ArticleResult:
        """Analyse the article in a local file (text, HTML, or the first of a JSONL or WARC
        file: :meth:`analyze_files` reads them all); nothing is fetched, even for a feed or a
        ``.urls`` file."""
        from sayso.ingest.sources import ReadOptions, read_article

        return next(self.analyze_articles([read_article(Path(path), ReadOptions(fetch=False))]))

    def analyze_files(
        self, paths: Iterable[str | os.PathLike[str]]
    ) -> Iterator[ArticleResult | InputError]:
        """Analyse every article of local files, folders and glob patterns (each line of a
        JSONL or CSV file, each response of a WARC, each entry of a feed with its text), in
        order; nothing is fetched. A file that cannot be read comes through as an InputError
        value, and the rest go on."""
        from sayso.ingest.sources import ReadOptions

        return self.analyze_inputs([os.fspath(p) for p in paths], ReadOptions(fetch=False))

    def analyze_url(
        self, url: str, *, timeout: float = 20.0, max_bytes: int = 20_000_000
    ) -> ArticleResult:
        """Download the page at an http(s) ``url`` and analyse its article: the one method that
        touches the network. Raises FetchError when it cannot be downloaded."""
        from sayso.errors import FetchError
        from sayso.ingest.sources import ReadOptions, read_article

        if not isinstance(url, str) or not url.strip().lower().startswith(("http://", "https://")):
            raise FetchError(str(url), "not an http(s) URL; analyze_file reads local files.")
        options = ReadOptions(fetch=True, timeout=timeout, max_bytes=max_bytes)
        return next(self.analyze_articles([read_article(url.strip(), options)]))

    def analyze_texts(self, items: Iterable[str | Article]) -> Iterator[ArticleResult]:
        """Analyse many articles, each a plain text or an Article, in batches; one result per
        item, in order. A text that holds no words raises EmptyInputError when reached."""
        return self.analyze_articles(items)

    def analyze_inputs(
        self, inputs: Sequence[str], options: ReadOptions | None = None
    ) -> Iterator[ArticleResult | InputError]:
        """Read every input (files, directories, globs, feeds, WARC, JSONL, URLs) and analyse
        each article; unreadable inputs come through as InputError values, in order."""
        from sayso.ingest.sources import ReadOptions, iter_articles

        pending: list[Article] = []
        for item in iter_articles(inputs, options or ReadOptions()):
            if isinstance(item, InputError):
                yield from self.analyze_articles(pending)
                pending = []
                yield item
                continue
            pending.append(item)
            if len(pending) >= self.batch_size:
                yield from self.analyze_articles(pending)
                pending = []
        yield from self.analyze_articles(pending)

    def analyze_articles(self, articles: Iterable[Article | str]) -> Iterator[ArticleResult]:
        """Analyse articles in batches with ``nlp.pipe``; one result per article, in order.
        A ``str`` is an article's plain text (as for :meth:`analyze_text`).

        A batch holds at most ``batch_size`` articles and ``batch_chars`` characters of text.
        """
        batch: list[Article] = []
        chars = 0
        for item in articles:
            article = item if isinstance(item, Article) else _text_article(item)
            if batch and chars + len(article.text) > self.batch_chars:
                yield from self._run_batch(batch)
                batch, chars = [], 0
            batch.append(article)
            chars += len(article.text)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch)
                batch, chars = [], 0
        if batch:
            yield from self._run_batch(batch)

    def _parse(self, batch: Sequence[Article]) -> list[tuple[Doc, Diagnostic | None]]:
        nlp = self.nlp
        texts = [a.text for a in batch]
        try:
            if len(texts) == 1:  # an article over batch_chars comes alone: parse it in pieces
                return [(parse_long(nlp, texts[0], self.segment_chars), None)]
            return [(doc, None) for doc in nlp.pipe(texts, batch_size=self.batch_size)]
        except Exception:  # a single bad document must not take the batch with it
            log.warning("batch parse failed; parsing its %d articles one by one", len(batch))
        parsed: list[tuple[Doc, Diagnostic | None]] = []
        for article in batch:
            try:
                parsed.append((nlp(article.text), None))
            except Exception as exc:
                note = Diagnostic(
                    "parse",
                    "error",
                    f"spaCy could not parse this article ({type(exc).__name__}: {exc}); "
                    "only tokenised: entities, statements and events are missing",
                )
                parsed.append((nlp.make_doc(article.text), note))
        return parsed

    def _run_batch(self, batch: Sequence[Article]) -> list[ArticleResult]:
        """Every result of one batch, made inside a memory zone that is closed on return."""
        described = self.describe()
        with self.nlp.memory_zone():
            started = time.process_time()
            parsed = self._parse(batch)
            parse_seconds = time.process_time() - started
            for article, (doc, note) in zip(batch, parsed, strict=True):
                if note is None:  # parsed from the article's text: no join of the tokens
                    remember_text(doc, article.text)
            total_chars = sum(len(a.text) for a in batch) or 1
            return [
                self._analyze_parsed(
                    article, doc, note, described, parse_seconds * len(article.text) / total_chars
                )
                for article, (doc, note) in zip(batch, parsed, strict=True)
            ]

    def _analyze_parsed(
        self,
        article: Article,
        doc: Doc,
        note: Diagnostic | None,
        described: dict[str, str],
        parse_seconds: float,
    ) -> ArticleResult:
        work = Analysis(article=article, doc=doc)
        work.diagnostics.extend(article.diagnostics)
        work.timings["parse"] = parse_seconds
        if note is not None:
            work.diagnostics.append(note)
        else:
            self._run_stages(work)
        return ArticleResult(
            article=work.article,
            pipeline=described,
            mentions=work.mentions,
            entities=work.entities,
            statements=work.statements,
            timexes=work.timexes,
            events=work.events,
            quantities=work.quantities,
            flags=work.flags,
            diagnostics=tuple(work.diagnostics),
            timings={k: round(v, 6) for k, v in work.timings.items()},
        )

    def _run_stages(self, work: Analysis) -> None:
        try:
            self._stages_within_budget(work)
        finally:
            forget_text(work.doc)

    def _stages_within_budget(self, work: Analysis) -> None:
        with article_budget(self.time_budget):
            for index, stage in enumerate(self.stages):
                started = time.process_time()
                try:
                    check_budget()
                    stage(work)
                except BudgetSpent:
                    work.timings[stage.name] = time.process_time() - started
                    work.diagnostics.append(self._budget_note(index))
                    return
                except Exception as exc:  # isolate the stage; its records are simply absent
                    log.debug("stage %s failed on %s", stage.name, work.article.id, exc_info=True)
                    work.diagnostics.append(
                        Diagnostic(
                            stage.name,
                            "error",
                            f"stage {stage.name!r} failed ({type(exc).__name__}: {exc}); "
                            "its records are missing, the rest of the article is kept: "
                            "please report this with the article",
                        )
                    )
                work.timings[stage.name] = time.process_time() - started

    def _budget_note(self, index: int) -> Diagnostic:
        stopped = self.stages[index].name
        skipped = ", ".join(repr(s.name) for s in self.stages[index + 1 :]) or "none"
        return Diagnostic(
            stopped,
            "error",
            f"the article used up its time budget of {self.time_budget:g} CPU seconds in stage "
            f"{stopped!r}, which was stopped; the records of the stages before it are kept, "
            f"the stages after it were not run ({skipped}). Input this costly is unusual: "
            "check it, or raise the budget",
        )
