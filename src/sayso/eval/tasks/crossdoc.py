"""Cross-document event coreference on ECB+: the event merger of ``sayso.corpus.events``.

Dataset: ECB+ (Cybulska & Vossen 2014), topics 1-35 in ``data_root/ECB+/<topic>/``. Only the
sentences listed in ``ECBplus_coreference_sentences.csv`` are scored, as the corpus README
asks. Splits by topic, the split of Cybulska & Vossen (2015) that the literature uses:
``dev`` = topics 2, 5, 12, 18, 21, 23, 34, 35; ``train`` = the other topics of 1-35 (the test
topics 36-45 are held out). Setting: **gold event mentions** (every ``ACTION_*``/``NEG_*``
mention of the scored sentences, singletons included), the usual "gold mentions" setting, and
gold topics (mentions of different topics are never merged).

The adapter turns each gold mention into an :class:`~sayso.corpus.events.EventMention`: its
kind is the spaCy lemma of the mention's head word; its arguments are the gold entity mentions
of its sentence (participants, places, times) attached to the nearest event mention in the
dependency tree, each named by its proper-noun lemmas (times by their numbers and calendar
words), which stand in for the entity registry; its context is the topic plus a cluster of the
topic's documents by lemma TF-IDF cosine (ECB+ topics hold two seminal events each).

Metrics: MUC, B3, CEAF-e (recall, precision, F1) and ``conll.f1`` (their mean F1), over the
whole split. Baseline ``lemma``: mentions with the same head lemma in one topic form one
cluster, the standard strong baseline of this task.
"""

from __future__ import annotations

import calendar
import csv
import math
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sayso.corpus.events import EventMention, cluster_mentions
from sayso.corpus.scoring import conll
from sayso.errors import EvaluationError
from sayso.eval.base import TaskReport, hash_files

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
ALL_TOPICS = frozenset(range(1, 36))
SENTENCES_FILE = "ECBplus_coreference_sentences.csv"

DOCUMENT_COSINE = 0.05
"""Average-link cosine (lemma TF-IDF) above which two documents of a topic share a context.
Chosen on the train topics (CoNLL F1 0.729 at 0.03, 0.732 at 0.05, 0.728 at 0.08, 0.712 at 0.1,
0.633 at 0.2; each document alone: 0.457); figures in docs/corpus.md."""
CONFLICT_ROLES: frozenset[str] = frozenset()
"""Roles whose different named fillers keep two mentions apart. None on ECB+: on the train
topics, conflicts on participants and places cost 1.6 points of CoNLL F1 (0.716 against 0.732
at cosine 0.05) because fillers found by dependency distance alone are noisy; the corpus
linker, which has the extractor's arguments and registry ids, keeps its own conflict roles."""
MAX_ARGUMENT_DISTANCE = 3
"""Dependency-tree edges between an entity mention's head and the event head it attaches to."""

_ROLE_OF_TAG = (("HUMAN", "participant"), ("NON_HUMAN", "participant"), ("LOC", "place"),
                ("TIME", "time"))  # fmt: skip
_CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.day_name) if w)
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB"})
_SLUG = re.compile(r"^(\d+)_(\d+ecb(?:plus)?)\.xml$")


@dataclass(slots=True)
class GoldMention:
    """One annotated mention of the scored sentences."""

    key: str
    tag: str
    sentence: int
    positions: list[int]
    """Token numbers inside the sentence."""
    cluster: str = ""


@dataclass(slots=True)
class EcbDocument:
    name: str
    topic: int
    sentences: dict[int, list[str]] = field(default_factory=dict)
    events: list[GoldMention] = field(default_factory=list)
    entities: list[GoldMention] = field(default_factory=list)


def read_selected(path: Path) -> dict[str, set[int]]:
    """Document name (``1_10ecbplus``) → the numbers of its scored sentences."""
    selected: dict[str, set[int]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = f"{row['Topic']}_{row['File']}"
            selected.setdefault(name, set()).add(int(row["Sentence Number"]))
    return selected


def read_document(path: Path, topic: int, selected: set[int]) -> EcbDocument:
    """The scored sentences of one ECB+ file with their gold mentions and clusters."""
    root = ET.parse(path).getroot()
    document = EcbDocument(path.stem, topic)
    where: dict[str, tuple[int, int]] = {}
    for token in root.iter("token"):
        sentence, number = int(token.get("sentence", "0")), int(token.get("number", "0"))
        where[token.get("t_id", "")] = (sentence, number)
        if sentence in selected:
            document.sentences.setdefault(sentence, []).append(token.text or "")
    markables = root.find("Markables")
    mentions: dict[str, GoldMention] = {}
    for markable in markables if markables is not None else []:
        anchors = [where[a.get("t_id", "")] for a in markable.iter("token_anchor")]
        if not anchors or anchors[0][0] not in selected:
            continue
        m_id = markable.get("m_id", "")
        mention = GoldMention(
            f"{path.stem}:{m_id}", markable.tag, anchors[0][0], [n for _, n in anchors]
        )
        mentions[m_id] = mention
        is_event = markable.tag.startswith(("ACTION", "NEG"))
        (document.events if is_event else document.entities).append(mention)
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        target = relation.find("target")
        if target is None:
            continue
        if relation.tag == "CROSS_DOC_COREF" and relation.get("note"):
            cluster = relation.get("note", "")
        else:
            cluster = f"{path.stem}:{target.get('m_id')}"
        for source in relation.iter("source"):
            found = mentions.get(source.get("m_id", ""))
            if found is not None:
                found.cluster = cluster
    for mention in (*document.events, *document.entities):
        mention.cluster = mention.cluster or f"single:{mention.key}"
    return document


def load_documents(data_root: Path, topics: frozenset[int]) -> tuple[list[EcbDocument], list[Path]]:
    """The documents of ``topics`` (files in name order) and the data files read."""
    sentences_file = data_root / SENTENCES_FILE
    if not sentences_file.is_file():
        raise EvaluationError(f"{sentences_file} not found: is {data_root} the ECB+ folder?")
    selected = read_selected(sentences_file)
    documents: list[EcbDocument] = []
    files = [sentences_file]
    for topic in sorted(topics):
        folder = data_root / "ECB+" / str(topic)
        for path in sorted(folder.glob("*.xml")) if folder.is_dir() else []:
            if path.stem in selected and _SLUG.match(path.name):
                documents.append(read_document(path, topic, selected[path.stem]))
                files.append(path)
    if not documents:
        raise EvaluationError(f"no ECB+ documents of topics {sorted(topics)} under {data_root}")
    return documents, files


def _distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, token in enumerate(up_a):
        if token.i in index_b:
            return n + index_b[token.i]
    return 1_000


def _head(doc: Doc, positions: Sequence[int]) -> Token:
    return doc[min(positions) : max(positions) + 1].root


def _argument_ids(doc: Doc, mention: GoldMention, role: str) -> frozenset[str]:
    tokens = [doc[i] for i in range(min(mention.positions), max(mention.positions) + 1)]
    if role == "time":
        return frozenset(t.lower_ for t in tokens if t.like_num or t.lower_ in _CALENDAR_WORDS)
    return frozenset(t.lemma_.lower() for t in tokens if t.pos_ == "PROPN")


def _role(tag: str) -> str | None:
    return next((role for prefix, role in _ROLE_OF_TAG if tag.startswith(prefix)), None)


@dataclass(frozen=True, slots=True)
class Analysed:
    """The mentions of one split as the merger sees them, and their gold clusters."""

    mentions: tuple[EventMention, ...]
    gold: tuple[str, ...]
    lemmas: dict[str, Counter[str]]
    """Document → content-lemma counts, for the document contexts."""


def analyse(documents: Sequence[EcbDocument], nlp: Language) -> Analysed:
    """EventMentions (context = topic) of every gold event mention, with lemmas per document."""
    from spacy.tokens import Doc

    mentions: list[EventMention] = []
    gold: list[str] = []
    lemmas: dict[str, Counter[str]] = {}
    for document in documents:
        counts: Counter[str] = Counter()
        for number, words in sorted(document.sentences.items()):
            doc = nlp(Doc(nlp.vocab, words=words))
            counts.update(t.lemma_.lower() for t in doc if t.pos_ in _CONTENT_POS and not t.is_stop)
            events = [m for m in document.events if m.sentence == number]
            heads = [_head(doc, m.positions) for m in events]
            arguments: list[dict[str, set[str]]] = [{} for _ in events]
            for entity in (e for e in document.entities if e.sentence == number):
                role = _role(entity.tag)
                if role is None or not events:
                    continue
                head = _head(doc, entity.positions)
                distances = [_distance(head, h) for h in heads]
                best = min(range(len(events)), key=distances.__getitem__)
                ids = _argument_ids(doc, entity, role)
                if distances[best] <= MAX_ARGUMENT_DISTANCE and ids:
                    arguments[best].setdefault(role, set()).update(ids)
            for mention, head, args in zip(events, heads, arguments, strict=True):
                mentions.append(
                    EventMention(
                        key=mention.key,
                        document=document.name,
                        kind=head.lemma_.lower(),
                        context=str(document.topic),
                        arguments={role: frozenset(ids) for role, ids in args.items()},
                    )
                )
                gold.append(mention.cluster)
        lemmas[document.name] = counts
    return Analysed(tuple(mentions), tuple(gold), lemmas)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(v * large.get(w, 0.0) for w, v in small.items())


def document_contexts(
    analysed: Analysed, topics: dict[str, str], threshold: float = DOCUMENT_COSINE
) -> dict[str, str]:
    """Document → ``topic/group``: average-link clusters of a topic's documents by TF-IDF."""
    by_topic: dict[str, list[str]] = {}
    for name, topic in topics.items():
        by_topic.setdefault(topic, []).append(name)
    contexts: dict[str, str] = {}
    for topic, names in by_topic.items():
        frequency: Counter[str] = Counter()
        for name in names:
            frequency.update(set(analysed.lemmas[name]))
        vectors = []
        for name in names:
            vector = {
                w: c * math.log((1 + len(names)) / (1 + frequency[w]))
                for w, c in analysed.lemmas[name].items()
            }
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            vectors.append({w: v / norm for w, v in vector.items()})
        groups = [[i] for i in range(len(names))]

        similarity = {
            (i, j): _cosine(vectors[i], vectors[j])
            for i in range(len(names))
            for j in range(i + 1, len(names))
        }
        while len(groups) > 1:
            best, pair = threshold, None
            for x in range(len(groups)):
                for y in range(x + 1, len(groups)):
                    links = [similarity[min(i, j), max(i, j)] for i in groups[x] for j in groups[y]]
                    average = sum(links) / len(links)
                    if average > best:
                        best, pair = average, (x, y)
            if pair is None:
                break
            x, y = pair
            groups[x].extend(groups.pop(y))
        for n, group in enumerate(groups):
            for i in group:
                contexts[names[i]] = f"{topic}/{n}"
    return contexts


def _clusters(indexes: list[list[int]], mentions: Sequence[EventMention]) -> list[frozenset[Any]]:
    return [frozenset(mentions[i].key for i in members) for members in indexes]


def cluster_analysed(
    analysed: Analysed,
    *,
    threshold: float = DOCUMENT_COSINE,
    conflict_roles: frozenset[str] = CONFLICT_ROLES,
) -> list[frozenset[Any]]:
    """The sayso merger's clusters: contexts from document clusters, argument conflicts."""
    topics = {m.document: m.context for m in analysed.mentions}
    contexts = document_contexts(analysed, topics, threshold)
    mentions = [
        EventMention(m.key, m.document, m.kind, contexts[m.document], m.arguments)
        for m in analysed.mentions
    ]
    found = cluster_mentions(mentions, require_shared=False, conflict_roles=conflict_roles)
    return _clusters(found, mentions)


def lemma_baseline(analysed: Analysed) -> list[frozenset[Any]]:
    """Same head lemma within a topic: one cluster."""
    mentions = analysed.mentions
    found = cluster_mentions(mentions, require_shared=False, conflict_roles=frozenset())
    return _clusters(found, mentions)


def gold_clusters(analysed: Analysed) -> list[frozenset[Any]]:
    clusters: dict[str, set[str]] = {}
    for mention, cluster in zip(analysed.mentions, analysed.gold, strict=True):
        clusters.setdefault(cluster, set()).add(mention.key)
    return [frozenset(c) for c in clusters.values()]


def _errors(
    analysed: Analysed, response: Sequence[frozenset[Any]], limit: int = 20
) -> list[dict[str, Any]]:
    """Pairs merged against gold and gold pairs left apart, a few of each, with their lemmas."""
    gold_of = dict(zip((m.key for m in analysed.mentions), analysed.gold, strict=True))
    kind_of = {m.key: m.kind for m in analysed.mentions}
    errors: list[dict[str, Any]] = []
    for cluster in response:
        by_gold: dict[str, list[str]] = {}
        for key in sorted(cluster):
            by_gold.setdefault(gold_of[key], []).append(key)
        if len(by_gold) > 1 and len(errors) < limit:
            errors.append(
                {
                    "error": "merged different events",
                    "lemma": kind_of[next(iter(cluster))],
                    "mentions": [group[0] for group in by_gold.values()][:4],
                }
            )
    return errors


def evaluate(
    data_root: Path, split: str = "dev", *, limit: int | None = None, baselines: bool = True
) -> TaskReport:
    """B3, MUC, CEAF-e and CoNLL F1 of cross-document event clusters on ECB+ ``split``.

    ``limit`` keeps the first ``limit`` topics of the split (in number order).
    """
    if split not in ("train", "dev"):
        raise EvaluationError(f"ECB+ has splits train and dev here, not {split!r}")
    topics = sorted(DEV_TOPICS if split == "dev" else ALL_TOPICS - DEV_TOPICS)
    chosen = frozenset(topics[:limit] if limit is not None else topics)
    documents, files = load_documents(data_root, chosen)
    from sayso.nlp.loader import load_model

    analysed = analyse(documents, load_model())
    key = gold_clusters(analysed)
    response = cluster_analysed(analysed)
    metrics = {name: round(value, 4) for name, value in conll(key, response).items()}
    report = TaskReport(
        task="crossdoc",
        split=split,
        data_hash=hash_files(files),
        items=len(analysed.mentions),
        metrics=metrics,
        errors=_errors(analysed, response),
        notes=[
            f"ECB+ topics {sorted(chosen)}; gold event mentions and gold topics; "
            f"{len(documents)} documents, {len(key)} gold clusters",
            f"document cosine {DOCUMENT_COSINE}, conflict roles {sorted(CONFLICT_ROLES)}",
        ],
        sample=None if limit is None else f"first {len(chosen)} topics of the {split} split",
    )
    if baselines:
        report.baselines["lemma"] = {
            name: round(value, 4) for name, value in conll(key, lemma_baseline(analysed)).items()
        }
    return report
