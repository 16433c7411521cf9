"""Event typing and actor / recipient roles on the PLOVER gold-standard records.

Data: ``<data_root>/gold_standard_records/PLOVER_GSR_CAMEO.txt`` (a JSON list; 323 records, one
of them documentation), each a sentence with its PLOVER event type and source / target actor
texts. The records use PLOVER 0.5 names, mapped to v2.0: DEMAND → REQUEST, DISAPPROVE → ACCUSE,
FIGHT → ASSAULT, INVESTIGATE → ACCUSE (mode ``investigate``).

Split: a record is ``dev`` when the first eight hex digits of the SHA-256 of its ``id``, read as
an integer, are ``< 3`` modulo 10 (about 30%), else ``train``. Lexicons were tuned on train.

Prediction: each sentence is parsed and run through :func:`sayso.events.extract_events`; the
sentence's event is the one whose trigger is highest in the dependency tree (ties: first), among
events with a PLOVER category. Metrics:

* ``type.accuracy``: that event's category equals the gold type; ``type.any``: the gold type is
  among all events found; ``type.recall.<TYPE>``: accuracy on the records of each gold type;
* ``actor.accuracy`` / ``recipient.accuracy``: over records with a gold source / target, the
  chosen event has an actor / recipient sharing a content word with a gold actor text;
* ``coverage``: share of records with any PLOVER event.

Error records: every record whose type or an actor / recipient was missed, with the gold and
predicted argument texts of each missed role (``missed_roles``).

Baselines, in the same run: ``majority`` (the most frequent train type for every record) and
``keyword`` (the type of the first word that is a trigger head in the lexicon, matched on the
lower-cased word and simple suffix strippings, with no parse).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sayso.errors import EvaluationError
from sayso.eval.base import TaskReport, hash_files
from sayso.events.extract import extract_events
from sayso.events.lexicon import load_lexicon
from sayso.events.plover import LEGACY_NAMES, plover_category, to_plover
from sayso.records.model import Event

if TYPE_CHECKING:
    from spacy.tokens import Doc

TASK = "events"
DATA_FILE = Path("gold_standard_records") / "PLOVER_GSR_CAMEO.txt"
DEV_BUCKETS = 3
"""Records whose id hash falls in buckets 0-2 of 10 are dev (about 30%)."""
_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    {"the", "a", "an", "of", "and", "in", "on", "for", "to", "its", "their", "his", "her", "s"}
)
_SUFFIXES = ("ing", "ed", "es", "s", "d", "ion")


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold sentence: its PLOVER v2.0 type and the source / target actor texts."""

    id: str
    text: str
    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]


def split_of(record_id: str) -> str:
    """``dev`` or ``train``, from a hash of the record id (stable across runs and machines)."""
    bucket = int(hashlib.sha256(record_id.encode()).hexdigest()[:8], 16) % 10
    return "dev" if bucket < DEV_BUCKETS else "train"


def _actor_texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(a["actorText"]) for a in value if isinstance(a, dict) and a.get("actorText"))


def load_records(data_root: Path) -> list[GoldRecord]:
    """Every event record (the documentation record is skipped), with v2.0 type names."""
    path = data_root / DATA_FILE
    if not path.is_file():
        raise EvaluationError(f"{path} not found: point data_root at the PLOVER data folder")
    raw = json.loads(path.read_text(encoding="utf-8"))
    records: list[GoldRecord] = []
    for item in raw:
        if item.get("event") == "DOCUMENT" or not item.get("text"):
            continue
        gold = LEGACY_NAMES.get(item["event"], item["event"])
        records.append(
            GoldRecord(
                id=item["id"],
                text=item["text"],
                type=gold,
                sources=_actor_texts(item.get("source")),
                targets=_actor_texts(item.get("target")),
            )
        )
    return records


def _depth(doc: Doc, event: Event) -> int:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return 1 << 10
    return sum(1 for _ in span.root.ancestors)


def primary_event(doc: Doc, events: tuple[Event, ...]) -> Event | None:
    """The sentence's main PLOVER event: highest trigger in the tree, then first in the text."""
    coded = [e for e in events if plover_category(e.type, e.modality) is not None]
    if not coded:
        return None
    return min(coded, key=lambda e: (_depth(doc, e), e.trigger.start))


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS}


def _role_hit(event: Event | None, role: str, gold: tuple[str, ...]) -> bool:
    if event is None:
        return False
    gold_words = set().union(*(_words(g) for g in gold))
    return any(_words(a.span.text) & gold_words for a in event.arguments if a.role == role)


def _role_texts(event: Event | None, role: str) -> list[str]:
    return [a.span.text for a in event.arguments if a.role == role] if event else []


def keyword_type(text: str) -> str | None:
    """The keyword baseline: the type of the first word whose form is a lexicon trigger head."""
    lex = load_lexicon()
    for word in _WORD.findall(text.lower()):
        forms = [word, *(word[: -len(s)] for s in _SUFFIXES if word.endswith(s))]
        forms += [f + "e" for f in forms[1:]]
        for form in forms:
            entries = lex.verbs.get(form) or lex.nouns.get(form)
            plain = [e for e in entries or () if e.cue is None]
            if plain:
                return to_plover(plain[0].type)
    return None


def evaluate(
    data_root: Path, split: str = "dev", *, limit: int | None = None, baselines: bool = True
) -> TaskReport:
    """Type accuracy and role accuracy of :func:`sayso.events.extract_events` on one split."""
    from sayso.nlp.loader import load_model

    if split not in ("dev", "train"):
        raise EvaluationError(f"unknown split {split!r}: use 'dev' or 'train'")
    records = load_records(data_root)
    train = [r for r in records if split_of(r.id) == "train"]
    chosen = sorted((r for r in records if split_of(r.id) == split), key=lambda r: r.id)
    total = len(chosen)
    if limit is not None:
        chosen = chosen[:limit]
    nlp = load_model()
    started = time.process_time()
    per_type: dict[str, list[bool]] = defaultdict(list)
    confusion: Counter[tuple[str, str]] = Counter()
    correct = any_correct = covered = 0
    actor_hits: list[bool] = []
    recipient_hits: list[bool] = []
    errors: list[dict[str, Any]] = []
    for record, doc in zip(chosen, nlp.pipe(r.text for r in chosen), strict=True):
        events = extract_events(doc)
        main = primary_event(doc, events)
        predicted = plover_category(main.type, main.modality) if main else None
        found = {plover_category(e.type, e.modality) for e in events}
        hit = predicted == record.type
        correct += hit
        any_correct += record.type in found
        covered += main is not None
        per_type[record.type].append(hit)
        confusion[(record.type, predicted or "NONE")] += 1
        missed: dict[str, dict[str, list[str]]] = {}
        for role, gold_texts, hits in (
            ("actor", record.sources, actor_hits),
            ("recipient", record.targets, recipient_hits),
        ):
            if not gold_texts:
                continue
            hits.append(_role_hit(main, role, gold_texts))
            if not hits[-1]:
                missed[role] = {"gold": list(gold_texts), "predicted": _role_texts(main, role)}
        if not hit or missed:
            errors.append(
                {
                    "id": record.id,
                    "gold": record.type,
                    "predicted": predicted or "NONE",
                    "trigger": main.trigger.text if main else None,
                    "extension_type": main.type if main and main.type != predicted else None,
                    "type_correct": hit,
                    "missed_roles": missed,
                }
            )
    seconds = time.process_time() - started
    n = len(chosen) or 1
    metrics: dict[str, float] = {
        "type.accuracy": round(correct / n, 4),
        "type.any": round(any_correct / n, 4),
        "coverage": round(covered / n, 4),
        "actor.accuracy": round(sum(actor_hits) / (len(actor_hits) or 1), 4),
        "recipient.accuracy": round(sum(recipient_hits) / (len(recipient_hits) or 1), 4),
    }
    for gold, hits in sorted(per_type.items()):
        metrics[f"type.recall.{gold}"] = round(sum(hits) / len(hits), 4)
    report_baselines: dict[str, dict[str, float]] = {}
    if baselines:
        majority = Counter(r.type for r in train).most_common(1)[0][0]
        report_baselines["majority"] = {
            "type.accuracy": round(sum(r.type == majority for r in chosen) / n, 4)
        }
        report_baselines["keyword"] = {
            "type.accuracy": round(sum(keyword_type(r.text) == r.type for r in chosen) / n, 4)
        }
    notes = [
        f"events: {seconds:.2f} CPU-seconds for parsing and extraction of {len(chosen)} sentences",
        *(
            f"confusion {gold}: "
            + ", ".join(f"{p} {c}" for (g, p), c in sorted(confusion.items()) if g == gold)
            for gold in sorted(per_type)
        ),
    ]
    return TaskReport(
        task=TASK,
        split=split,
        data_hash=hash_files([data_root / DATA_FILE]),
        items=len(chosen),
        metrics=metrics,
        baselines=report_baselines,
        errors=errors,
        notes=notes,
        sample=None if limit is None or limit >= total else f"first {limit} of {total} by id",
    )
