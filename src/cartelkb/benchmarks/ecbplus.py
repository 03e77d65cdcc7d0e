"""ECB+ cross-document entity coreference, named-mention setting: cartelkb's knowledge base
against a same-head-lemma baseline on the same mentions.

Data: ../shared/eval/ecbplus (Barhom et al. 2019's Cybulska-setup release of ECB+,
Cybulska and Vossen 2014; CC BY 3.0). The gold marks every event participant (pronouns
and descriptions too); cartelkb only links names, so the mention set is restricted, the
same for both systems and independently of either:

* gold entity mentions of types HUM, NON and LOC (TIM are dates, not entities);
* whose head is a proper noun: each document is parsed with the cartelkb pipeline, the
  head is the token of the mention whose syntactic head lies outside it (the highest one
  in the tree when several do, the rightmost of those), and it must be tagged NNP/NNPS.
  A mention starting with a preposition ("in western Canada") has the preposition as its
  head and is therefore not a named mention.

System: every document of the split is one article of one knowledge base, ingested with
`cartelkb.ingest.ingest` into a temporary SQLite file (text: the sentences detokenized,
one line per sentence). A named mention takes the `entity_id` of the stored mention
(`mentions` table) overlapping its head token; none makes it a singleton.

Baseline: mentions with the same head lemma (the lowercased spaCy lemma of the head
token) are one entity, across the whole split.

Both are scored with MUC, B-cubed, CEAF-e and CoNLL F1 over the split as one
cross-document "document", singletons kept (Barhom et al. 2019). The published anchor,
CLUSTER+LEMMA 67.4 CoNLL F1, is on all gold mentions with document pre-clustering: a
different setting, not comparable number for number.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cartelkb.benchmarks.coref import CorefScores, from_labels, score
from cartelkb.benchmarks.tokens import detokenize

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

ENTITY_TYPES = frozenset({"HUM", "NON", "LOC"})
PROPER = frozenset({"NNP", "NNPS"})


@dataclass
class Document:
    """One ECB+ document as cartelkb reads it: one line per selected sentence."""

    doc_id: str
    text: str
    # (sent_id, token index) -> character span in `text`
    spans: dict[tuple[int, int], tuple[int, int]]
    lines: list[tuple[int, int]]  # character span of each sentence line


@dataclass
class GoldMention:
    doc_id: str
    sent_id: int
    token_ids: tuple[int, ...]
    text: str
    type: str
    cluster: str

    @property
    def key(self) -> str:
        ids = "-".join(map(str, self.token_ids))
        return f"{self.doc_id}/{self.sent_id}/{ids}"


@dataclass
class NamedMention:
    """A gold mention with a proper-noun head, as located in its document's text."""

    gold: GoldMention
    head_start: int  # character span of the head token in Document.text
    head_end: int
    head_text: str
    head_lemma: str


@dataclass
class CorefRun:
    """Scores of cartelkb and the baseline on one split, with the counts behind them."""

    split: str
    documents: int
    gold_mentions: int  # all gold entity mentions of the split (any type)
    candidates: int  # of types HUM/NON/LOC
    named: int  # ... with a proper-noun head: the scored mentions
    gold_clusters: int
    system: CorefScores
    baseline: CorefScores
    system_clusters: int
    baseline_clusters: int
    unlinked: int  # named mentions no stored mention covers (singletons for cartelkb)
    preposition_heads: int  # candidates whose head is a preposition ("in Canada")
    errors: list[str] = field(default_factory=list)


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def build_document(doc_id: str, sentences: Sequence[tuple[int, Sequence[str]]]) -> Document:
    """The sentences detokenized, one per line, with every token's character span."""
    parts: list[str] = []
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    lines: list[tuple[int, int]] = []
    offset = 0
    for sent_id, tokens in sentences:
        det = detokenize(tokens)
        for i, (s, e) in enumerate(det.spans):
            spans[sent_id, i] = (offset + s, offset + e)
        parts.append(det.text)
        lines.append((offset, offset + len(det.text)))
        offset += len(det.text) + 1
    return Document(doc_id, "\n".join(parts), spans, lines)


def load_split(folder: Path, split: str) -> tuple[list[Document], list[GoldMention]]:
    """`{split}_docs.jsonl` and `{split}_entity_mentions.jsonl` of the ECB+ folder."""
    docs = [
        build_document(row["doc_id"], [(s["sent_id"], s["tokens"]) for s in row["sentences"]])
        for row in _read_jsonl(folder / f"{split}_docs.jsonl")
    ]
    mentions = [
        GoldMention(
            row["doc_id"],
            row["sent_id"],
            tuple(row["token_ids"]),
            row["text"],
            row["type"],
            row["cluster"],
        )
        for row in _read_jsonl(folder / f"{split}_entity_mentions.jsonl")
    ]
    return docs, mentions


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def mention_head(doc: Doc, start: int, end: int) -> Token | None:
    """The token of chars [start, end) whose syntactic head lies outside the span.

    When several do (a span that is not one subtree), the highest in the tree, and of
    those the rightmost (English noun phrases are head-final).
    """
    inside = [t for t in doc if t.idx < end and start < t.idx + len(t) and not t.is_space]
    indexes = {t.i for t in inside}
    heads = [t for t in inside if t.head.i == t.i or t.head.i not in indexes]
    if not heads:
        return None
    return min(heads, key=lambda t: (_depth(t), -t.i))


def named_mentions(
    docs: Sequence[Document], mentions: Sequence[GoldMention], nlp: Language
) -> tuple[list[NamedMention], int, int]:
    """The scored mention set: HUM/NON/LOC gold mentions with a proper-noun head.

    Returns:
        The named mentions, the number of HUM/NON/LOC candidates, and how many of those
        have a preposition as their head.
    """
    by_doc: dict[str, list[GoldMention]] = {}
    for m in mentions:
        if m.type in ENTITY_TYPES:
            by_doc.setdefault(m.doc_id, []).append(m)
    named: list[NamedMention] = []
    candidates = prepositions = 0
    for document, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        for m in by_doc.get(document.doc_id, []):
            candidates += 1
            token_spans = [document.spans[m.sent_id, i] for i in m.token_ids]
            # a discontinuous mention ("from ... home") is parsed as its covering span
            head = mention_head(doc, min(s for s, _ in token_spans), max(e for _, e in token_spans))
            if head is None:
                continue
            if head.pos_ == "ADP":
                prepositions += 1
            if head.tag_ in PROPER:
                named.append(
                    NamedMention(m, head.idx, head.idx + len(head), head.text, head.lemma_.lower())
                )
    return named, candidates, prepositions


def _line_offsets(document: Document, stored: str) -> list[int | None]:
    """Per sentence line, its start in the stored article text (None if the reader
    dropped it); the reader keeps every line it keeps verbatim and in order."""
    offsets: list[int | None] = []
    cursor = 0
    for start, end in document.lines:
        line = document.text[start:end]
        found = stored.find(line, cursor) if line else -1
        if found < 0:
            offsets.append(None)
            continue
        offsets.append(found)
        cursor = found + len(line)
    return offsets


def knowledge_base_labels(
    docs: Sequence[Document],
    named: Sequence[NamedMention],
    *,
    model: str,
    workdir: Path | None = None,
) -> tuple[dict[str, Hashable], int]:
    """Ingest the split into one knowledge base; each named mention's entity id.

    Returns:
        mention key -> cluster label (an entity id, or the mention itself when no stored
        mention overlaps its head), and the number of such unlinked mentions.

    Raises:
        RuntimeError: a document could not be ingested.
    """
    from sqlalchemy import select

    from cartelkb.ingest import ingest
    from cartelkb.store.db import open_database, session_scope
    from cartelkb.store.models import Article, ArticlePath, Mention

    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for document in docs:
            (folder / f"{document.doc_id}.txt").write_text(document.text + "\n", encoding="utf-8")
        url = f"sqlite:///{Path(tmp) / 'kb.db'}"
        report = ingest([folder], db_url=url, model=model)
        if report.failed:
            first = report.failed[0]
            raise RuntimeError(f"ingest failed for {len(report.failed)} ECB+ documents: {first}")
        engine = open_database(url)
        try:
            with session_scope(engine) as session:
                # Documents with the same text are one article with two paths.
                article_of = {
                    Path(path).stem: (article_id, text)
                    for article_id, path, text in session.execute(
                        select(Article.id, ArticlePath.path, Article.text).join(ArticlePath)
                    )
                }
                stored: dict[int, list[tuple[int, int, int]]] = {}
                for article_id, start, end, entity_id in session.execute(
                    select(
                        Mention.article_id, Mention.start_char, Mention.end_char, Mention.entity_id
                    )
                ):
                    stored.setdefault(article_id, []).append((start, end, entity_id))
        finally:
            engine.dispose()
    by_id = {d.doc_id: d for d in docs}
    offsets = {d.doc_id: _line_offsets(d, article_of[d.doc_id][1]) for d in docs}
    labels: dict[str, Hashable] = {}
    unlinked = 0
    for m in named:
        document = by_id[m.gold.doc_id]
        line = next(n for n, (s, e) in enumerate(document.lines) if s <= m.head_start < e)
        base = offsets[m.gold.doc_id][line]
        entity = None
        if base is not None:
            shift = base - document.lines[line][0]
            start, end = m.head_start + shift, m.head_end + shift
            overlapping = [
                (min(e, end) - max(s, start), -s, entity_id)
                for s, e, entity_id in stored.get(article_of[m.gold.doc_id][0], [])
                if s < end and start < e
            ]
            if overlapping:
                entity = max(overlapping)[2]
        if entity is None:
            unlinked += 1
            labels[m.gold.key] = ("singleton", m.gold.key)
        else:
            labels[m.gold.key] = ("entity", entity)
    return labels, unlinked


def lemma_labels(named: Sequence[NamedMention]) -> dict[str, Hashable]:
    """The baseline: one entity per lowercased head lemma, across the split."""
    return {m.gold.key: m.head_lemma for m in named}


def _cluster_errors(
    named: Sequence[NamedMention], labels: dict[str, Hashable], limit: int = 30
) -> list[str]:
    """Gold entities cartelkb split, and cartelkb entities joining gold ones (dev only)."""
    by_gold: dict[str, dict[Hashable, list[str]]] = {}
    by_system: dict[Hashable, dict[str, list[str]]] = {}
    for m in named:
        label = labels[m.gold.key]
        by_gold.setdefault(m.gold.cluster, {}).setdefault(label, []).append(m.gold.text)
        by_system.setdefault(label, {}).setdefault(m.gold.cluster, []).append(m.gold.text)

    def show(groups: dict[Any, list[str]]) -> str:
        return " / ".join(
            ", ".join(sorted(set(texts)))
            + (" [no KB mention]" if isinstance(label, tuple) and label[0] == "singleton" else "")
            for label, texts in groups.items()
        )

    split = [f"ECB+ dev split: {show(g)}" for g in by_gold.values() if len(g) > 1]
    merged = [f"ECB+ dev merged: {show(g)}" for g in by_system.values() if len(g) > 1]
    return split[:limit] + merged[:limit]


def evaluate_split(
    folder: Path,
    split: str,
    nlp: Language,
    *,
    model: str,
    errors: bool = False,
    workdir: Path | None = None,
) -> CorefRun:
    """cartelkb and the same-lemma baseline on one split ("dev" or "test").

    Args:
        folder: ../shared/eval/ecbplus.
        split: file prefix of the split.
        nlp: the cartelkb pipeline, which also defines the mention heads.
        model: the pipeline name given to ingest.
        errors: list split and merged entities (for development splits only).
        workdir: where the temporary knowledge base goes (default: the system's).
    """
    docs, mentions = load_split(folder, split)
    named, candidates, prepositions = named_mentions(docs, mentions, nlp)
    key = from_labels({m.gold.key: m.gold.cluster for m in named})
    system_labels, unlinked = knowledge_base_labels(docs, named, model=model, workdir=workdir)
    system = from_labels(system_labels)
    baseline = from_labels(lemma_labels(named))
    return CorefRun(
        split=split,
        documents=len(docs),
        gold_mentions=len(mentions),
        candidates=candidates,
        named=len(named),
        gold_clusters=len(key),
        system=score(key, system),
        baseline=score(key, baseline),
        system_clusters=len(system),
        baseline_clusters=len(baseline),
        unlinked=unlinked,
        preposition_heads=prepositions,
        errors=_cluster_errors(named, system_labels) if errors else [],
    )
