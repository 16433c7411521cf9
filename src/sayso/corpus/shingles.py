"""Near-duplicate text: normalised word shingles, MinHash signatures and LSH banding.

Wire copy and syndicated articles differ by a headline, a byline, a trimmed paragraph; their
word 5-shingle sets still overlap by far more than two articles written apart on the same
story (measured on hand-built pairs in tests/test_corpus_echo.py: rewrites of one story share
under 0.2, lightly edited copies over 0.6). MinHash estimates that overlap in constant space
and LSH banding finds the candidate pairs without comparing every pair; each candidate is then
checked with the exact Jaccard of its shingle sets, so the banding only decides speed.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

_WORD = re.compile(r"\w+", re.UNICODE)
_PRIME = 4_294_967_311
"""The first prime above 2**32: (a * h + b) of 32-bit a, h, b stays below 2**64."""
_SEED = b"sayso-minhash-1"


def normalise(text: str) -> str:
    """Case, accents, punctuation and spacing folded away: ``"Won't!"`` → ``won t``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(plain))


def words(text: str) -> list[str]:
    """The normalised words of ``text``."""
    return normalise(text).split()


def shingles(text: str, size: int = 5) -> frozenset[str]:
    """Word ``size``-shingles of the normalised text (the whole text when it is shorter)."""
    tokens = words(text)
    if len(tokens) <= size:
        return frozenset({" ".join(tokens)}) if tokens else frozenset()
    return frozenset(" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b|; 0 for two empty sets."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _hash32(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest(), "big")


@functools.cache
def _permutation_params(count: int) -> tuple[tuple[int, int], ...]:
    """``count`` (a, b) pairs drawn from a fixed seed, so signatures compare across runs."""
    params: list[tuple[int, int]] = []
    digest = _SEED
    for counter in range(count):
        digest = hashlib.blake2b(digest + counter.to_bytes(4, "big"), digest_size=8).digest()
        params.append((int.from_bytes(digest[:4], "big") | 1, int.from_bytes(digest[4:], "big")))
    return tuple(params)


@dataclass(frozen=True, slots=True)
class MinHasher:
    """``permutations`` salted hash functions, the same for every process and run."""

    permutations: int = 64
    bands: int = 16
    """Bands of ``permutations // bands`` rows: with 16 bands of 4 rows a pair of Jaccard 0.5
    becomes a candidate with probability 1 - (1 - 0.5**4)**16 ≈ 0.64, one of 0.7 with ≈ 0.98."""

    def signature(self, items: Iterable[str]) -> tuple[int, ...]:
        """The MinHash signature of a set of strings (all maxima for an empty set)."""
        hashes = [_hash32(item) for item in items]
        if not hashes:
            return (_PRIME,) * self.permutations
        return tuple(
            min((a * h + b) % _PRIME for h in hashes)
            for a, b in _permutation_params(self.permutations)
        )

    def candidate_pairs(self, signatures: Mapping[str, Sequence[int]]) -> set[tuple[str, str]]:
        """Pairs of keys whose signatures agree on every row of at least one band."""
        rows = self.permutations // self.bands
        pairs: set[tuple[str, str]] = set()
        for band in range(self.bands):
            buckets: dict[tuple[int, ...], list[str]] = {}
            for key, signature in signatures.items():
                chunk = tuple(signature[band * rows : (band + 1) * rows])
                buckets.setdefault(chunk, []).append(key)
            for members in buckets.values():
                for x, y in combinations(sorted(members), 2):
                    pairs.add((x, y))
        return pairs
