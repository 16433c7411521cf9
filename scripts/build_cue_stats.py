"""Count, on PolNeAR train, how often each ``lemma|relation`` pair is an attribution cue.

Writes ``src/sayso/statements/data/cue_stats.json``: for every verb or noun lemma and the
dependency relation of one of its clausal children, how many times that pair occurred in the
parsed train split and how many of those the annotators marked as a cue whose content is that
clause (``lemma|*`` counts the lemma as a cue at all). Only counts are written, no text.

Usage::

    python scripts/build_cue_stats.py /work/shared/data/polnear [--docbin train.spacy]

``--docbin`` reuses a spaCy DocBin of the train texts (any order; matched by text), and
writes it there first when the file does not exist.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from sayso.eval.tasks.quotes import GoldDocument, load_split, parsed_documents
from sayso.nlp.loader import DEFAULT_MODEL, load_model
from sayso.statements.reported import clauses

MIN_POSITIVE = 2  # pairs seen as a cue fewer times are left out of the shipped file
OUTPUT = Path(__file__).resolve().parents[1] / "src/sayso/statements/data/cue_stats.json"


def count(documents: list[GoldDocument], parsed: list[object]) -> tuple[Counter[str], Counter[str]]:
    positive: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for document, doc in zip(documents, parsed, strict=True):
        cues = [(a.cue, a.content) for a in document.attributions if a.cue]
        cue_chars = {i for pieces, _ in cues for s, e in pieces for i in range(s, e)}
        for token in doc:  # type: ignore[attr-defined]
            if token.pos_ not in ("VERB", "AUX", "NOUN"):
                continue
            prefix = "n:" if token.pos_ == "NOUN" else ""
            lemma = prefix + token.lemma_.lower()
            seen[f"{lemma}|*"] += 1
            if token.idx in cue_chars:
                positive[f"{lemma}|*"] += 1
            for relation, clause in clauses(token):
                key = f"{lemma}|{relation}"
                seen[key] += 1
                c_start = clause.left_edge.idx
                c_end = clause.right_edge.idx + len(clause.right_edge)
                for cue_pieces, content in cues:
                    if not any(s <= token.idx < e for s, e in cue_pieces):
                        continue
                    shared = sum(max(0, min(c_end, e) - max(c_start, s)) for s, e in content)
                    if shared >= 0.5 * (c_end - c_start):
                        positive[key] += 1
                        break
    return positive, seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_root", type=Path)
    parser.add_argument("--docbin", type=Path, default=None)
    args = parser.parse_args()
    documents = load_split(args.data_root, "train")
    nlp = load_model()
    parsed = parsed_documents(documents, nlp, args.docbin)
    positive, seen = count(documents, parsed)
    counts = {
        key: [positive[key], seen[key]] for key in sorted(positive) if positive[key] >= MIN_POSITIVE
    }
    payload = {
        "provenance": (
            "Derived counts from the PolNeAR train split (Newell, Margolin & Ruths, LREC 2018), "
            f"parsed with {DEFAULT_MODEL}, by scripts/build_cue_stats.py. "
            "counts[key] = [times annotated as a cue with that clause as content, times seen]."
        ),
        "counts": counts,
    }
    OUTPUT.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(counts)} pairs to {OUTPUT}")


if __name__ == "__main__":
    main()
