"""The README's Python snippet and docs/api.md run as doctests, from the repository's root."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYCON = re.compile(r"```pycon\n(.*?)```", re.DOTALL)

pytestmark = pytest.mark.slow


def _run_examples(path: Path, monkeypatch: pytest.MonkeyPatch) -> doctest.TestResults:
    monkeypatch.chdir(ROOT)  # the examples name examples/article.txt
    blocks = PYCON.findall(path.read_text(encoding="utf-8"))
    assert blocks, f"{path.name} has no pycon examples"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    # One test of every block in order, as a reader runs them: later blocks use earlier names.
    test = parser.get_doctest("\n".join(blocks), {}, path.name, str(path), 0)
    runner.run(test)
    return runner.summarize(verbose=False)


@pytest.mark.parametrize("page", ["README.md", "docs/api.md"])
def test_examples_run_as_written(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    results = _run_examples(ROOT / page, monkeypatch)
    assert results.attempted > 3
    assert results.failed == 0
