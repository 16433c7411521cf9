"""Attribution extraction on PolNeAR: content, speaker and cue of quotes and reported speech.

Data: ``/work/shared/data/polnear`` (Newell, Margolin & Ruths, LREC 2018), brat standoff under
``<split>/attributions/*.ann`` beside ``<split>/text/*.txt``. Each ``E`` line ties one
attribution's ``Content``, ``Cue`` and (optionally) ``Source`` spans; spans may be
discontinuous (``s e;s e``). Where an article has one ``.ann`` per annotator, the
lexicographically first file is read.

Scoring. Every gold attribution with a content span is one gold item; every statement sayso
extracts that is not ``own_voice`` is one predicted item. Items are matched one-to-one, greedily,
largest character overlap of their content first.

* ``content.overlap``: a match whose contents share at least one non-space character.
* ``content.exact``: contents equal after trimming spaces and punctuation at both ends.
* ``speaker``: an overlap match whose predicted speaker span overlaps the gold source
  (gold attributions without a source count as correct when the prediction has no speaker).
* ``cue``: an overlap match whose cue spans overlap.

Each is reported for all attributions (``all.*``) and for direct quotes alone (``direct.*``).
A gold attribution is *direct* when its content, trimmed of spaces, starts and ends with a
quotation mark; a prediction is direct by the same test on its content (so a direct quote
whose content sayso starts at "that" counts as indirect on both sides). ``direct.*`` figures
match direct gold items against direct predictions only. Statements nested in another
statement (``parent`` set) are not scored: PolNeAR flattens nesting.

Baseline: textacy's ``direct_quotations`` (textacy 0.13.0, the optional ``eval`` extra) on the
same spaCy parse; skipped with a note when textacy is not installed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sayso.errors import EvaluationError
from sayso.eval.base import PRF, TaskReport, hash_files

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from sayso.records import Entity, Mention, Statement

_QUOTE_MARKS = "\"“”„«»‘’'`"
_TRIM = " \t\n.,;:!?" + _QUOTE_MARKS
_ERRORS_KEPT = 200


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: its content pieces, cue pieces and source pieces."""

    content: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One article's text and its attributions."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    files: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class Item:
    """What scoring compares: content, speaker and cue pieces, and whether it is a direct quote."""

    content: tuple[tuple[int, int], ...]
    speaker: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    direct: bool


def _pieces(field: str) -> tuple[tuple[int, int], ...]:
    pieces: list[tuple[int, int]] = []
    for part in field.split(";"):
        start, end = part.split()[-2:]
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def read_ann(path: Path) -> tuple[GoldAttribution, ...]:
    """The attributions of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label = fields[1].split(" ", 1)[0]
            spans[fields[0]] = (label, _pieces(fields[1].split(" ", 1)[1]))
        elif line.startswith("E") and len(fields) >= 2:
            events.append(fields[1].split())
    found: list[GoldAttribution] = []
    for args in events:
        roles: dict[str, list[tuple[int, int]]] = {"Content": [], "Cue": [], "Source": []}
        for arg in args[1:]:
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789")
            if role in roles and ref in spans:
                roles[role].extend(spans[ref][1])
        if roles["Content"]:
            found.append(
                GoldAttribution(
                    tuple(sorted(roles["Content"])),
                    tuple(sorted(roles["Cue"])),
                    tuple(sorted(roles["Source"])),
                )
            )
    return tuple(found)


def parsed_documents(
    documents: Sequence[GoldDocument], nlp: Language, cache: Path | None = None
) -> list[Doc]:
    """``documents`` parsed by ``nlp``, in order. ``cache`` (a DocBin file) is read when it
    exists, and written after parsing when it does not, so that the training scripts parse
    PolNeAR train once however often they are rerun."""
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        by_text = {doc.text: doc for doc in DocBin().from_disk(cache).get_docs(nlp.vocab)}
        return [by_text[d.text] for d in documents]
    parsed = list(nlp.pipe((d.text for d in documents), batch_size=16))
    if cache is not None:
        DocBin(docs=parsed, store_user_data=True).to_disk(cache)
    return parsed


def load_split(data_root: Path, split: str) -> list[GoldDocument]:
    """Every article of ``split`` with its attributions, sorted by name."""
    text_dir = data_root / split / "text"
    ann_dir = data_root / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvaluationError(
            f"PolNeAR split {split!r} not found under {data_root}: expected {text_dir} and "
            f"{ann_dir}"
        )
    docs: list[GoldDocument] = []
    for text_path in sorted(text_dir.glob("*.txt")):
        candidates = sorted(ann_dir.glob(text_path.stem + "_*.ann"))
        if not candidates:
            continue
        ann = candidates[0]
        docs.append(
            GoldDocument(
                name=text_path.stem,
                text=text_path.read_text(encoding="utf-8"),
                attributions=read_ann(ann),
                files=(text_path, ann),
            )
        )
    if not docs:
        raise EvaluationError(f"no annotated PolNeAR articles in {text_dir}")
    return docs


def is_direct(text: str, content: Sequence[tuple[int, int]]) -> bool:
    """Whether gold content, trimmed of spaces, starts and ends with a quotation mark."""
    first = text[content[0][0] : content[0][1]].strip()
    last = text[content[-1][0] : content[-1][1]].strip()
    return bool(first) and bool(last) and first[0] in _QUOTE_MARKS and last[-1] in _QUOTE_MARKS


def _chars(pieces: Iterable[tuple[int, int]], text: str) -> set[int]:
    return {i for start, end in pieces for i in range(start, end) if not text[i].isspace()}


def _trimmed(pieces: Sequence[tuple[int, int]], text: str) -> str:
    return " ".join(text[s:e] for s, e in pieces).strip(_TRIM)


def _overlaps(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


@dataclass(slots=True)
class Tally:
    """Counts for one slice (all attributions, or direct quotes)."""

    overlap: PRF
    exact: PRF
    speaker: PRF
    cue: PRF

    @classmethod
    def empty(cls) -> Tally:
        return cls(PRF(), PRF(), PRF(), PRF())

    def metrics(self, prefix: str) -> dict[str, float]:
        out: dict[str, float] = {}
        out |= self.overlap.as_metrics(f"{prefix}.content.overlap")
        out |= self.exact.as_metrics(f"{prefix}.content.exact")
        out |= self.speaker.as_metrics(f"{prefix}.speaker")
        out |= self.cue.as_metrics(f"{prefix}.cue")
        return out


def matches(text: str, gold: Sequence[Item], predicted: Sequence[Item]) -> list[tuple[int, int]]:
    """Gold and predicted items paired one-to-one (indices), greedily, largest character
    overlap of their contents first; items sharing no character stay unpaired."""
    gold_chars = [_chars(g.content, text) for g in gold]
    pred_chars = [_chars(p.content, text) for p in predicted]
    pairs = sorted(
        (
            (len(gc & pc), gi, pi)
            for gi, gc in enumerate(gold_chars)
            for pi, pc in enumerate(pred_chars)
            if gc & pc
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    found: list[tuple[int, int]] = []
    for _, gi, pi in pairs:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        found.append((gi, pi))
    return found


def score_document(
    text: str, gold: Sequence[Item], predicted: Sequence[Item], tally: Tally
) -> list[tuple[Item | None, Item | None]]:
    """Match ``predicted`` to ``gold`` one-to-one and add the counts to ``tally``.

    Returns the unmatched gold items and unmatched or wrong-speaker predictions as
    ``(gold, predicted)`` pairs, for error records.
    """
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    problems: list[tuple[Item | None, Item | None]] = []
    for gi, pi in matches(text, gold, predicted):
        used_gold.add(gi)
        used_pred.add(pi)
        g, p = gold[gi], predicted[pi]
        exact = _trimmed(g.content, text) == _trimmed(p.content, text)
        if g.speaker:
            speaker_ok = bool(p.speaker) and _overlaps(g.speaker, p.speaker)
        else:
            speaker_ok = not p.speaker
        cue_ok = bool(p.cue) and _overlaps(g.cue, p.cue)
        tally.overlap += PRF(1, 0, 0)
        tally.exact += PRF(1, 0, 0) if exact else PRF(0, 1, 1)
        tally.speaker += PRF(1, 0, 0) if speaker_ok else PRF(0, 1, 1)
        tally.cue += PRF(1, 0, 0) if cue_ok else PRF(0, 1, 1)
        if not speaker_ok:
            problems.append((g, p))
    missed = len(gold) - len(used_gold)
    spurious = len(predicted) - len(used_pred)
    for prf_name in ("overlap", "exact", "speaker", "cue"):
        setattr(tally, prf_name, getattr(tally, prf_name) + PRF(0, spurious, missed))
    problems.extend((g, None) for i, g in enumerate(gold) if i not in used_gold)
    problems.extend((None, p) for i, p in enumerate(predicted) if i not in used_pred)
    return problems


def _error_record(name: str, text: str, gold: Item | None, pred: Item | None) -> dict[str, Any]:
    def show(pieces: Sequence[tuple[int, int]]) -> str:
        return " … ".join(text[s:e] for s, e in pieces)[:300]

    kind = "wrong_speaker" if gold and pred else ("missed" if gold else "spurious")
    record: dict[str, Any] = {"doc": name, "error": kind}
    if gold:
        record["gold_content"] = show(gold.content)
        record["gold_source"] = show(gold.speaker)
        record["gold_cue"] = show(gold.cue)
    if pred:
        record["content"] = show(pred.content)
        record["speaker"] = show(pred.speaker)
        record["cue"] = show(pred.cue)
    return record


def _entity_layer(doc: Doc) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
    """The entity layer's mentions and entities, or none while that layer cannot be imported."""
    try:
        from sayso.entities.resolve import resolve_entities

        return resolve_entities(doc)
    except ImportError:
        return (), ()


def sayso_items(doc: Doc) -> list[Item]:
    """sayso's attributions in ``doc`` (own-voice sentences are not attributions)."""
    mentions, entities = _entity_layer(doc)
    return statement_items(doc, mentions, entities)


def statement_items(
    doc: Doc, mentions: Sequence[Mention], entities: Sequence[Entity]
) -> list[Item]:
    """sayso's attributions in ``doc`` given the entity layer's output for it, as items."""
    return [
        Item(
            content=tuple((s.start, s.end) for s in statement.content),
            speaker=((statement.speaker.start, statement.speaker.end),)
            if statement.speaker
            else (),
            cue=((statement.cue.start, statement.cue.end),) if statement.cue else (),
            direct=is_direct(doc.text, [(s.start, s.end) for s in statement.content]),
        )
        for statement in scored_statements(doc, mentions, entities)
    ]


def scored_statements(
    doc: Doc, mentions: Sequence[Mention], entities: Sequence[Entity]
) -> list[Statement]:
    """The statements the task scores in ``doc`` (neither own-voice nor nested), given the
    entity layer's output for it, with the dateline found as ``make_article`` finds it for
    any article."""
    from sayso.ingest.dateline import find_dateline
    from sayso.records import Span
    from sayso.statements import extract_statements
    from sayso.statements.quotes import paragraph_ranges

    paragraphs = [Span.of(doc.text, s, e) for s, e in paragraph_ranges(doc.text)]
    dateline = find_dateline(doc.text, paragraphs)
    return [
        statement
        for statement in extract_statements(
            doc, mentions=mentions, entities=entities, dateline=dateline.span if dateline else None
        )
        if statement.kind != "own_voice" and statement.parent is None
    ]


def textacy_items(doc: Doc) -> list[Item]:
    """textacy's direct quotations in ``doc``, as scoring items."""
    from textacy.extract.triples import direct_quotations

    items: list[Item] = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy bails out on an odd number of quotation marks
        return items
    for triple in triples:
        speaker = tuple((t.idx, t.idx + len(t)) for t in triple.speaker)
        cue = tuple((t.idx, t.idx + len(t)) for t in triple.cue)
        content = triple.content
        items.append(
            Item(
                content=((content.start_char, content.end_char),),
                speaker=speaker,
                cue=cue,
                direct=True,
            )
        )
    return items


def _textacy_available() -> bool:
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError:
        return False
    return True


def _gold_items(document: GoldDocument) -> list[Item]:
    return [
        Item(a.content, a.source, a.cue, is_direct(document.text, a.content))
        for a in document.attributions
    ]


def _score(
    docs: Sequence[GoldDocument],
    parsed: Sequence[Doc],
    extract: Callable[[Doc], list[Item]],
    errors: list[dict[str, Any]] | None,
) -> dict[str, float]:
    every, direct = Tally.empty(), Tally.empty()
    for document, doc in zip(docs, parsed, strict=True):
        gold = _gold_items(document)
        predicted = extract(doc)
        problems = score_document(document.text, gold, predicted, every)
        score_document(
            document.text,
            [g for g in gold if g.direct],
            [p for p in predicted if p.direct],
            direct,
        )
        if errors is not None:
            errors.extend(_error_record(document.name, document.text, g, p) for g, p in problems)
    return every.metrics("all") | direct.metrics("direct")


def evaluate(
    data_root: Path, split: str = "dev", *, limit: int | None = None, baselines: bool = True
) -> TaskReport:
    """Score sayso's statements (and textacy's, as a baseline) against PolNeAR ``split``.

    ``limit`` keeps every k-th article (k chosen so about ``limit`` remain), in name order.
    """
    from sayso.nlp.loader import load_model

    docs = load_split(data_root, split)
    total = len(docs)
    sample: str | None = None
    if limit is not None and limit < total:
        step = -(-total // max(limit, 1))
        docs = docs[::step]
        sample = f"every {step}th of {total} articles, in name order ({len(docs)} articles)"
    nlp = load_model()
    started = time.perf_counter()
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=16))
    parse_s = time.perf_counter() - started
    errors: list[dict[str, Any]] = []
    started = time.perf_counter()
    layers = {id(doc): _entity_layer(doc) for doc in parsed}
    entities_s = time.perf_counter() - started
    started = time.perf_counter()
    metrics = _score(docs, parsed, lambda doc: statement_items(doc, *layers[id(doc)]), errors)
    extract_s = time.perf_counter() - started
    words = sum(len(doc) for doc in parsed)
    notes = [
        f"{len(docs)} articles, {words} tokens, "
        f"{sum(len(d.attributions) for d in docs)} gold attributions",
        f"spaCy parse {parse_s:.1f} s; entity layer {entities_s:.1f} s; statement extraction "
        f"and scoring {extract_s:.1f} s ({100 * extract_s / parse_s if parse_s else 0:.0f}% of "
        "the parse)",
    ]
    report_baselines: dict[str, dict[str, float]] = {}
    if baselines:
        if _textacy_available():
            report_baselines["textacy"] = _score(docs, parsed, textacy_items, None)
        else:
            notes.append("baseline textacy skipped: textacy==0.13.0 is not installed")
    return TaskReport(
        task="quotes",
        split=split,
        data_hash=hash_files([path for d in docs for path in d.files]),
        items=len(docs),
        metrics=metrics,
        baselines=report_baselines,
        errors=errors[:_ERRORS_KEPT],
        notes=notes,
        sample=sample,
    )
