"""Shared pieces of the store tests: hand-made ArticleResults, backend fixtures, a writer.

Holds no tests itself. The other ``test_store_*`` modules import from it, fixtures
included: they are registered under the names given
in ``@pytest.fixture(name=...)``. Subprocess writers run ``writer_main`` from it.

PostgreSQL tests need ``SAYSO_TEST_POSTGRES_URL`` pointing at a server where the user may
create databases; ``scripts/pg-test-server start`` prints one. Each test gets a fresh
database that is dropped afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from sayso.ingest.article import article_id
from sayso.records import (
    Article,
    ArticleResult,
    Entity,
    Flag,
    Mention,
    Metadata,
    Published,
    Quantity,
    Source,
    Span,
    StanceEvidence,
    Statement,
    SurfaceForm,
    Timex,
)
from sayso.store import Store, open_store

POSTGRES_ENV = "SAYSO_TEST_POSTGRES_URL"
REPO_ROOT = Path(__file__).resolve().parent.parent


def span_of(text: str, needle: str, after: int = 0) -> Span:
    """The span of the first ``needle`` in ``text`` at or after ``after``."""
    start = text.index(needle, after)
    return Span(start, start + len(needle), needle)


def make_result(
    text: str,
    *,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    quotes: tuple[tuple[str, str, str], ...] = (),
    entities: tuple[tuple[str, str, tuple[str, ...]], ...] = (),
) -> ArticleResult:
    """An ArticleResult over ``text``.

    ``quotes`` are (speaker as written, quoted words, stance): both must occur in ``text``;
    a speaker that is an entity's name or alias is linked to that entity. ``entities`` are
    (canonical name, type, surface forms found in the text).
    """
    built_entities: list[Entity] = []
    mentions: list[Mention] = []
    for n, (name, kind, forms) in enumerate(entities, start=1):
        entity_mentions = tuple(
            Mention(span_of(text, form), "PER", "name", "hand", entity_id=f"e{n}") for form in forms
        )
        mentions.extend(entity_mentions)
        built_entities.append(
            Entity(
                id=f"e{n}",
                type=kind,  # type: ignore[arg-type]
                name=name,
                extractor="hand",
                aliases=tuple(SurfaceForm(form, 1) for form in forms),
                mentions=entity_mentions,
            )
        )
    statements: list[Statement] = []
    for n, (speaker, words, stance) in enumerate(quotes, start=1):
        linked = next(
            (e.id for e in built_entities if speaker in {a.text for a in e.aliases}), None
        )
        statements.append(
            Statement(
                id=f"s{n}",
                kind="direct",
                content=(span_of(text, words),),
                extractor="hand",
                stance=StanceEvidence(stance),  # type: ignore[arg-type]
                speaker=span_of(text, speaker),
                speaker_entity=linked,
            )
        )
    first_word = span_of(text, text.split(maxsplit=1)[0])
    return ArticleResult(
        article=Article(
            id=article_id(text),
            text=text,
            source=Source(location="hand", kind="text", ingested_at="2024-06-01T00:00:00+00:00"),
            metadata=Metadata(
                title=title,
                outlet=outlet,
                url=url,
                published=Published(published, "html-meta") if published else None,
            ),
        ),
        pipeline={"test": "1"},
        mentions=tuple(mentions),
        entities=tuple(built_entities),
        statements=tuple(statements),
        timexes=(Timex("t1", first_word, "DATE", "2024-05", "hand"),),
        quantities=(Quantity("q1", first_word, 3.0, "hand", counted="things"),),
        flags=(Flag("test", "a made-up flag", (first_word,), "hand"),),
    )


HARBOUR = make_result(
    'The harbour reopened on Monday. "Ships are returning," said Mara Velde, the port chief. '
    'Critics were unconvinced. "The price cap will not hold," said a trader.',
    url="https://example.test/harbour",
    title="Harbour reopens after storm",
    outlet="The Coast Herald",
    published="2024-03-04",
    quotes=(
        ("Mara Velde", "Ships are returning", "neutral"),
        ("a trader", "The price cap will not hold", "hedged"),
    ),
    entities=(("Mara Velde", "PERSON", ("Mara Velde", "the port chief")),),
)

TARIFF = make_result(
    'Officials rejected a cap on prices. "Tariffs are rising again," the minister said. '
    "Economists at Northfield Bank disagreed.",
    url="https://example.test/tariffs",
    title="Tariff row deepens",
    outlet="Daily Ledger",
    published="2024-06-20",
    quotes=(("the minister", "Tariffs are rising again", "disputed"),),
    entities=(("Northfield Bank", "ORG", ("Northfield Bank",)),),
)

UNDATED = make_result(
    "A 50% rise in rents was reported. Tenants said little.",
    title="Rents up",
    outlet="the coast herald",
)


def corpus_result(n: int, *, statements: int = 25) -> ArticleResult:
    """Article ``n`` of a made-up corpus, with many statements so each insert takes a while."""
    sentences = [
        f"Report {n} opens. Claim {n}-{k} stands, said speaker {k}." for k in range(statements)
    ]
    text = " ".join(sentences)
    return make_result(
        text,
        url=f"https://example.test/corpus/{n}",
        title=f"Corpus article {n}",
        outlet="Corpus Times",
        published="2024-01-01",
        quotes=tuple(
            (f"speaker {k}.", f"Claim {n}-{k} stands", "neutral") for k in range(statements)
        ),
    )


def _admin_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV} (run scripts/pg-test-server start)")
    return url


@pytest.fixture(name="postgres_url")
def postgres_url_fixture() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    admin = sa.make_url(_admin_url()).set(drivername="postgresql+psycopg")
    name = f"sayso_test_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        engine.dispose()


@pytest.fixture(name="store_url", params=["sqlite", "postgresql"])
def store_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL for an empty store on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'sayso.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture(name="store")
def store_fixture(store_url: str) -> Iterator[Store]:
    """An open, empty store on each backend."""
    with open_store(store_url) as opened:
        yield opened


def run_writer(
    url: str, first: int, count: int, *, extra: tuple[str, ...] = ()
) -> subprocess.Popen[str]:
    """Start ``writer_main`` in a subprocess writing corpus articles first..first+count-1."""
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tests import test_store_support as s; s.writer_main()",
            url,
            str(first),
            str(count),
            *extra,
        ],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def writer_main() -> None:
    """Subprocess body: add corpus articles, skipping inputs already seen; one line each.

    argv: URL FIRST COUNT [STALL_AT]. With STALL_AT, the writer stops inside the transaction
    of article STALL_AT, right after inserting its statements, prints ``stalled`` and sleeps
    until killed, so a test can kill it mid-transaction deterministically.
    """
    import time

    from sayso.store import DatabaseBusyError

    url, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    stall_at = int(sys.argv[4]) if len(sys.argv) > 4 else None
    current = {"n": -1}

    def stall(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if current["n"] == stall_at and statement.lstrip().upper().startswith(
            "INSERT INTO STATEMENTS"
        ):
            print("stalled", flush=True)
            time.sleep(3600)

    if stall_at is not None:
        sa.event.listen(sa.Engine, "after_cursor_execute", stall)
    try:
        with open_store(url) as opened:
            for n in range(first, first + count):
                location = f"corpus/{n}.html"
                if opened.seen(location):
                    continue
                current["n"] = n
                fate = opened.add(corpus_result(n), location=location)
                print(n, fate, flush=True)
    except DatabaseBusyError as exc:
        print(exc, file=sys.stderr)
        sys.exit(3)
