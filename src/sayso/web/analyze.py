"""The one analyse path of the Analyze page and ``POST /api/analyze``.

Both routes take the form as a ``Submission`` and call ``analyse_submission``; they differ only
in how they answer (a page, or JSON). A check that every analysis request must pass belongs in
``analyse_submission``, before the submission is read.

Input reaches the reader only as bytes, never as a ``str``: ``read_article`` takes a string
for a file path or a URL, and a visitor must not make the server read its files or fetch
pages. Nothing is stored unless the visitor asks and the server allows uploads.

Bounded in CPU, not only in bytes: one analysis runs at a time in a server process (another
visitor meanwhile gets a 503 to retry), an article's text is parsed only up to
``MAX_ANALYSED_CHARS`` (413 past it), and its stages share ``ANALYSIS_BUDGET`` CPU seconds
(the result then says which stage was stopped). Every reader is linear in its input.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Annotated

from fastapi import File, Form, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from sayso.errors import InputError
from sayso.records import ArticleResult
from sayso.web.app_state import AppState, state_of

MAX_TEXT_CHARS = 5_000_000
"""Characters of pasted text a form field may carry (the body's byte limit applies first)."""

UPLOAD_LOCATION = "web-upload"
MAX_ANALYSED_CHARS = 100_000
"""Characters of article text the server parses for one visitor: about 17,000 words, some
3 CPU seconds of parsing; the longest benchmark article has 39,000. Longer texts are for
``sayso analyze`` on the visitor's own machine."""
ANALYSIS_BUDGET = 10.0
"""CPU seconds the stages of one uploaded article may take (0.6 s for the longest benchmark
article)."""
_one_at_a_time = threading.Semaphore(1)


class SubmissionError(Exception):
    """The visitor's submission cannot be analysed; the message says why, for them."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class Analysed:
    result: ArticleResult
    stored: bool


async def submitted_bytes(text: str | None, upload: UploadFile | None) -> bytes:
    """The article's bytes from the form: an uploaded file wins over pasted text."""
    if upload is not None and upload.filename:
        data = await upload.read()
        if data:
            return data
    if text and text.strip():
        return text.encode("utf-8")
    raise SubmissionError(422, "validation_error", "paste an article's text or choose a file")


@dataclass(frozen=True, slots=True)
class Submission:
    """What the Analyze form sends: pasted text or a file, and whether to store the result."""

    text: str | None
    file: UploadFile | None
    store: bool


def submission(
    text: Annotated[str | None, Form(max_length=MAX_TEXT_CHARS)] = None,
    file: Annotated[UploadFile | None, File()] = None,
    store: Annotated[bool, Form()] = False,
) -> Submission:
    """The form fields as one value: a FastAPI dependency of both analyse routes."""
    return Submission(text, file, store)


async def analyse_submission(request: Request, form: Submission) -> Analysed:
    """Read and analyse what the visitor sent (in a worker thread: spaCy takes a while);
    SubmissionError says what is wrong with it, for the route to answer in its own shape."""
    state = state_of(request)
    data = await submitted_bytes(form.text, form.file)
    return await run_in_threadpool(analyse, state, data, store=form.store)


def analyse(state: AppState, data: bytes, *, store: bool) -> Analysed:
    """Read and analyse one article; store it when asked and allowed."""
    from sayso.ingest.sources import ReadOptions, read_article

    if store and not state.settings.allow_upload:
        raise SubmissionError(
            403, "forbidden", "this server is read-only: start it with uploads allowed to store"
        )
    if not _one_at_a_time.acquire(blocking=False):
        raise SubmissionError(
            503, "busy", "another article is being analysed: try again in a few seconds"
        )
    try:
        options = ReadOptions(max_bytes=state.settings.max_upload_bytes, fetch=False)
        try:
            article = read_article(data, options)
        except InputError as exc:
            raise SubmissionError(422, "unreadable_input", str(exc)) from exc
        if len(article.text) > MAX_ANALYSED_CHARS:
            raise SubmissionError(
                413,
                "too_large",
                f"the article has {len(article.text):,} characters of text; this server "
                f"analyses up to {MAX_ANALYSED_CHARS:,}: run `sayso analyze` on it instead",
            )
        result = state.analyzer.pipeline().analyze(article)
    finally:
        _one_at_a_time.release()
    if store:
        state.corpus.store.add(result, location=UPLOAD_LOCATION)
    return Analysed(result, store)
