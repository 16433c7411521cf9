"""The public API is small, and importing sayso is cheap."""

from __future__ import annotations

import subprocess
import sys

import sayso


def test_public_api_is_curated() -> None:
    assert sorted(sayso.__all__) == [
        "ArticleResult",
        "Pipeline",
        "SaysoError",
        "__version__",
        "analyze",
    ]
    for name in sayso.__all__:
        assert getattr(sayso, name) is not None


def test_import_loads_no_model_and_no_spacy() -> None:
    code = (
        "import sys, sayso, sayso.records, sayso.errors\n"
        "heavy = {'spacy', 'thinc', 'trafilatura', 'torch', 'numpy'} & set(sys.modules)\n"
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
