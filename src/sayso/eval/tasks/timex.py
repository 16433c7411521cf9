"""TIMEX3 detection and normalisation on TimeBank and AQUAINT (TempEval-3's cleaned release).

Data: ``data_root`` holds ``TimeBank/*.tml`` and ``AQUAINT/*.tml`` (inline TimeML). The text
scored is the ``<TEXT>`` element with its tags removed and XML entities decoded; gold
expressions are its ``TIMEX3`` elements. The document creation time (the ``TIMEX3`` with
``functionInDocument="CREATION_TIME"``) is not scored; it is the anchor passed to the system.

Split (the folder has none): **TimeBank (183 documents) is ``train``, AQUAINT (73) is
``dev``**, by corpus, so that dev is a different set of sources and annotators than the one
rules were tuned on. ``test`` is the held-out TempEval-3 platinum set, read from a folder put
beside them (:func:`split_folder`). ``limit`` takes the first ``limit`` documents by file name.

Scoring follows the TempEval-3 scorer's definitions:

* strict span match: same start and end; relaxed: the spans overlap (pairs matched one to one,
  in text order);
* ``value.f1`` = 2PR/(P+R) with P = (relaxed matches whose value is right) / system timexes and
  R = the same count / gold timexes; ``type.accuracy`` = right types / relaxed matches.

Error records (``kind``): ``spurious``, ``missed``, ``span`` (relaxed but not strict), ``value``
(with both types) and ``type`` (right value, wrong type).

Baseline ``spacy+dateparser``, measured in the same run: spaCy's DATE and TIME entities, each
normalised by ``dateparser`` with ``RELATIVE_BASE`` = the creation time and
``PREFER_DATES_FROM="past"``, written at the precision dateparser reports (``period``). Also
reported as a baseline: ``sayso.time (no parse)``, this system without the spaCy parse (tense
from cue words), as the pipeline runs when no Doc is passed.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sayso.errors import EvaluationError
from sayso.eval.base import PRF, TaskReport, hash_files

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

TASK = "timex"
SPLITS = {"train": "TimeBank", "dev": "AQUAINT"}

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s+[^>]*?)?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)="([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_DCT = re.compile(r"<TIMEX3([^>]*functionInDocument=\"CREATION_TIME\"[^>]*)>")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One annotated TIMEX3: ``[start, end)`` in the document's plain text."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A TimeML document: plain text of ``<TEXT>``, its creation time and its TIMEX3s."""

    name: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True, slots=True)
class SystemTimex:
    """What a system returned, reduced to what is scored."""

    start: int
    end: int
    type: str
    value: str


def parse_timeml(source: str, name: str = "") -> TimeMLDocument:
    """Plain text, creation time and TIMEX3 annotations of one inline-TimeML document."""
    dct_match = _DCT.search(source)
    dct = None
    if dct_match is not None:
        dct = dict(_ATTR.findall(dct_match.group(1))).get("value")
    body = _TEXT.search(source)
    if body is None:
        raise EvaluationError(f"{name or 'TimeML document'}: no <TEXT> element")
    pieces: list[str] = []
    length = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    cursor = 0
    raw = body.group(1)
    for tag in _TAG.finditer(raw):
        chunk = html.unescape(raw[cursor : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        cursor = tag.end()
        closing, element, attributes, _ = tag.groups()
        if element != "TIMEX3":
            continue
        if not closing:
            open_timexes.append((length, dict(_ATTR.findall(attributes))))
        elif open_timexes:
            start, attrs = open_timexes.pop()
            timexes.append(
                GoldTimex(
                    start, length, attrs.get("type", ""), attrs.get("value", ""), attrs.get("mod")
                )
            )
    pieces.append(html.unescape(raw[cursor:]))
    timexes.sort(key=lambda t: t.start)
    return TimeMLDocument(name, "".join(pieces), dct, tuple(timexes))


@dataclass(slots=True)
class Counts:
    """Running TempEval-3 counts over documents."""

    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def metrics(self) -> dict[str, float]:
        out: dict[str, float] = {}
        out |= PRF(self.strict, self.system - self.strict, self.gold - self.strict).as_metrics(
            "span.strict"
        )
        out |= PRF(self.relaxed, self.system - self.relaxed, self.gold - self.relaxed).as_metrics(
            "span.relaxed"
        )
        out |= PRF(self.value, self.system - self.value, self.gold - self.value).as_metrics("value")
        out["type.accuracy"] = round(self.type / self.relaxed, 4) if self.relaxed else 0.0
        out["value.accuracy"] = round(self.value / self.relaxed, 4) if self.relaxed else 0.0
        return out


def score_document(
    doc: TimeMLDocument, system: Iterable[SystemTimex], counts: Counts
) -> list[dict[str, Any]]:
    """Add one document's counts to ``counts``; return its errors for a developer to read."""
    predicted = sorted(system, key=lambda t: (t.start, t.end))
    gold = list(doc.timexes)
    counts.system += len(predicted)
    counts.gold += len(gold)
    matched_gold: set[int] = set()
    errors: list[dict[str, Any]] = []
    for sys_timex in predicted:
        partner = next(
            (
                i
                for i, g in enumerate(gold)
                if i not in matched_gold and g.start < sys_timex.end and sys_timex.start < g.end
            ),
            None,
        )
        text = doc.text[sys_timex.start : sys_timex.end]
        if partner is None:
            errors.append(
                {"doc": doc.name, "kind": "spurious", "text": text, "value": sys_timex.value}
            )
            continue
        matched_gold.add(partner)
        g = gold[partner]
        counts.relaxed += 1
        gold_text = doc.text[g.start : g.end]
        if (g.start, g.end) == (sys_timex.start, sys_timex.end):
            counts.strict += 1
        else:
            errors.append({"doc": doc.name, "kind": "span", "text": text, "gold_text": gold_text})
        if g.value == sys_timex.value:
            counts.value += 1
        else:
            errors.append(
                {"doc": doc.name, "kind": "value", "text": gold_text, "gold": g.value,
                 "system": sys_timex.value, "dct": doc.dct, "gold_type": g.type,
                 "system_type": sys_timex.type}
            )  # fmt: skip
        if g.type == sys_timex.type:
            counts.type += 1
        elif g.value == sys_timex.value:  # a wrong value's record already shows both types
            errors.append(
                {"doc": doc.name, "kind": "type", "text": gold_text, "value": g.value,
                 "gold": g.type, "system": sys_timex.type}
            )  # fmt: skip
    for i, g in enumerate(gold):
        if i not in matched_gold:
            errors.append(
                {"doc": doc.name, "kind": "missed", "text": doc.text[g.start : g.end],
                 "gold": g.value, "type": g.type}
            )  # fmt: skip
    return errors


def split_folder(data_root: Path, split: str) -> Path:
    """The folder holding ``split``: TimeBank for ``train``, AQUAINT for ``dev``; for ``test``,
    the TempEval-3 platinum set put beside them (``test/``, or a folder whose name has
    ``platinum``, as TempEval-3 distributes it: ``te3-platinum``); any other name is a folder
    of ``data_root`` itself, so that a held-out set is scored as it comes."""
    if split in SPLITS:
        return data_root / SPLITS[split]
    if split == "test" and data_root.is_dir():
        held_out = sorted(
            p for p in data_root.iterdir()
            if p.is_dir() and (p.name == "test" or "platinum" in p.name.lower())
        )  # fmt: skip
        if held_out:
            return held_out[0]
    folder = data_root / split
    if split not in {".", ".."} and "/" not in split and folder.is_dir():
        return folder
    raise EvaluationError(
        f"unknown split {split!r}: use train, dev, test (a TempEval-3 platinum folder beside "
        f"TimeBank/ and AQUAINT/) or the name of a folder of .tml files in {data_root}"
    )


def load_split(data_root: Path, split: str, limit: int | None = None) -> list[Path]:
    """The ``.tml`` files of ``split`` (see :func:`split_folder`), by name."""
    folder = split_folder(data_root, split)
    files = sorted(folder.glob("*.tml"))
    if not files:
        raise EvaluationError(f"no .tml files in {folder}: is data_root the timeml folder?")
    return files[:limit] if limit is not None else files


def _sayso_system(doc: TimeMLDocument, parsed: Doc | None) -> list[SystemTimex]:
    from sayso.time import extract_timexes

    return [
        SystemTimex(t.span.start, t.span.end, t.type, t.value)
        for t in extract_timexes(doc.text, anchor=doc.dct, doc=parsed)
    ]


_PERIOD_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d", "time": "%Y-%m-%dT%H:%M"}


def _dateparser_value(parser: Any, phrase: str) -> str:
    """dateparser's reading of ``phrase``, at the precision it reports; ``""`` if none."""
    try:
        data = parser.get_date_data(phrase)
    except Exception:  # dateparser raises assorted errors on odd input; the baseline says ""
        return ""
    when: datetime | None = data.date_obj if data is not None else None
    if when is None:
        return ""
    period = data.period or "day"
    if period == "week":
        iso_year, week, _ = when.isocalendar()
        return f"{iso_year:04d}-W{week:02d}"
    return when.strftime(_PERIOD_FORMATS.get(period, "%Y-%m-%d"))


def _baseline_system(doc: TimeMLDocument, parsed: Doc) -> list[SystemTimex]:
    from dateparser.date import DateDataParser

    base = datetime.fromisoformat(doc.dct[:10]) if doc.dct else datetime(2000, 1, 1)
    parser = DateDataParser(
        languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    )
    return [
        SystemTimex(
            ent.start_char,
            ent.end_char,
            "TIME" if ent.label_ == "TIME" else "DATE",
            _dateparser_value(parser, ent.text),
        )
        for ent in parsed.ents
        if ent.label_ in {"DATE", "TIME"}
    ]


def _run(
    docs: list[TimeMLDocument],
    parsed: list[Doc],
    system: Callable[[TimeMLDocument, Doc], list[SystemTimex]],
) -> tuple[Counts, list[dict[str, Any]]]:
    counts = Counts()
    errors: list[dict[str, Any]] = []
    for doc, parse in zip(docs, parsed, strict=True):
        errors.extend(score_document(doc, system(doc, parse), counts))
    return counts, errors


def evaluate(
    data_root: Path,
    split: str = "dev",
    *,
    limit: int | None = None,
    baselines: bool = True,
    nlp: Language | None = None,
) -> TaskReport:
    """Score ``sayso.time`` (with a spaCy parse) on a split; baselines measured alongside."""
    files = load_split(Path(data_root), split, limit)
    docs = [parse_timeml(f.read_text(encoding="utf-8"), f.stem) for f in files]
    if nlp is None:
        from sayso.nlp.loader import load_model

        nlp = load_model()
    parse_started = time.process_time()
    parsed = list(nlp.pipe(d.text for d in docs))
    parse_seconds = time.process_time() - parse_started
    started = time.process_time()
    counts, errors = _run(docs, parsed, _sayso_system)
    seconds = time.process_time() - started
    words = sum(len(d.text.split()) for d in docs)
    report = TaskReport(
        task=TASK,
        split=split,
        data_hash=hash_files(files),
        items=len(docs),
        metrics=counts.metrics(),
        errors=errors,
        notes=[
            f"{split_folder(Path(data_root), split).name} as {split}: {len(docs)} documents, "
            f"{counts.gold} gold TIMEX3 "
            "(creation times excluded)",
            f"sayso.time: {seconds:.2f} CPU s for {words} words ({words / max(seconds, 1e-9):.0f}"
            f" words/s), plus {parse_seconds:.2f} CPU s of spaCy parsing shared with the baseline",
        ],
        sample=None if limit is None else f"first {len(docs)} documents by file name",
    )
    if baselines:
        plain, _ = _run(docs, parsed, lambda d, _p: _sayso_system(d, None))
        report.baselines["sayso.time (no parse)"] = plain.metrics()
        base, _ = _run(docs, parsed, _baseline_system)
        report.baselines["spacy+dateparser"] = base.metrics()
    return report
