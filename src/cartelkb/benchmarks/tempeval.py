"""TempEval-3 Task A (TIMEX3 extent and value) for cartelkb's date extraction.

Data: ../shared/eval/tempeval3 (TE3-platinum test, UzZaman et al. 2013, CC BY 3.0) and,
as a development set, TimeBank + AQUAINT ("TBAQ-cleaned") converted by
scripts/convert_tbaq.py into the same JSON Lines format (kept outside the repository: it
carries no open licence).

Figures, as the data README defines them:

1. Normalization only: each gold timex's text and the document date (dct) read with
   `cartelkb.extract.dates.normalize`; accuracy = exact TIMEX3 value matches / gold,
   overall and per gold type (DATE, TIME, DURATION, SET).
2. End to end: the cartelkb pipeline over each document, `extract_dates(doc, dct)`.
   Gold and system spans are paired one-to-one, largest character overlap first; relaxed
   P/R/F1 count overlapping pairs, strict F1 identical offsets, value F1 the relaxed pairs
   with equal values (AttrRecall = correct / |gold|, AttrPrecision = correct / |sys|).
   Character offsets approximate the official toolkit's token matching. Two readings:

   * TIMEX3-mapped: each record mapped to its TIMEX3 value with `timex_value` (clock
     times, PRESENT_REF...); records TimeML has no TIMEX3 for (timex None, e.g. "Recent
     discussions") are not system output. This is the figure comparable to the anchors.
   * Knowledge base: every record as stored (`DateRecord.value`, the `dates.value`
     column), with the dct as the article date. Vague records are stored with a null
     value, which never matches, and records without a TIMEX3 count as system output.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

PLATINUM_DOCS = "te3_platinum_test.jsonl"
PLATINUM_TIMEXES = "te3_platinum_test_timex_values.jsonl"
DEFAULT_TBAQ = Path("/work/data/tbaq/tbaq_train.jsonl")
TYPES = ("DATE", "TIME", "DURATION", "SET")

# ../shared/eval/tempeval3/README.md, Table 3 of UzZaman et al. (2013):
# relaxed F1, P, R, strict F1, value F1 (in %).
ANCHORS = {
    "HeidelTime-t": (90.30, 93.08, 87.68, 81.34, 77.61),
    "SUTime": (90.32, 89.36, 91.30, 79.57, 67.38),
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


@dataclass
class Normalization:
    """Gold span and dct given: how often `normalize(text, dct).timex` is the gold value."""

    n: int
    correct: int
    by_type: dict[str, tuple[int, int]]  # type -> (correct, n)
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.n)


@dataclass
class Extraction:
    """Span pairing and value agreement of one reading of the system output."""

    gold: int
    system: int
    relaxed: int  # overlapping one-to-one pairs
    strict: int  # gold spans the system found exactly
    value: int  # relaxed pairs with the gold value

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        p, r = ratio(self.relaxed, self.system), ratio(self.relaxed, self.gold)
        return p, r, f1(p, r)

    @property
    def strict_f1(self) -> float:
        return f1(ratio(self.strict, self.system), ratio(self.strict, self.gold))

    @property
    def value_prf(self) -> tuple[float, float, float]:
        p, r = ratio(self.value, self.system), ratio(self.value, self.gold)
        return p, r, f1(p, r)

    def as_dict(self) -> dict[str, Any]:
        rp, rr, rf = self.relaxed_prf
        vp, vr, vf = self.value_prf
        return {
            "gold": self.gold,
            "system": self.system,
            "relaxed": {"matches": self.relaxed, "precision": rp, "recall": rr, "f1": rf},
            "strict": {"matches": self.strict, "f1": self.strict_f1},
            "value": {"correct": self.value, "precision": vp, "recall": vr, "f1": vf},
        }


@dataclass
class EndToEnd:
    timex: Extraction  # records mapped to TIMEX3 values (comparable to the anchors)
    stored: Extraction  # every record with the value the knowledge base stores
    documents: int
    model: str
    errors: list[str] = field(default_factory=list)


def timexes_of(docs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The normalization items of a documents file: each gold timex with its dct."""
    return [{**t, "dct": d["dct"], "doc_id": d["doc_id"]} for d in docs for t in d["timexes"]]


def eval_normalization(timexes: Sequence[dict[str, Any]], *, errors: bool = False) -> Normalization:
    from cartelkb.extract.dates import normalize

    correct: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong = []
    for gold in timexes:
        found = normalize(gold["text"], dt.date.fromisoformat(gold["dct"]))
        predicted = found.timex if found else None
        total[gold["type"]] += 1
        if predicted == gold["value"]:
            correct[gold["type"]] += 1
        elif errors:
            wrong.append(
                f"{gold['type']:8} {gold['text']!r:30} gold={gold['value']:14} sys={predicted}"
            )
    return Normalization(
        n=sum(total.values()),
        correct=sum(correct.values()),
        by_type={kind: (correct[kind], total[kind]) for kind in TYPES},
        errors=wrong,
    )


def pair(gold: Sequence[dict[str, Any]], system: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs of overlapping spans, largest overlap first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            overlap = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if overlap > 0:
                candidates.append((-overlap, i, j))
    used_gold: set[int] = set()
    used_sys: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_gold and j not in used_sys:
            used_gold.add(i)
            used_sys.add(j)
            pairs.append((i, j))
    return pairs


def score_spans(
    gold: Sequence[dict[str, Any]],
    system: Sequence[dict[str, Any]],
    errors: list[str] | None = None,
    doc_id: str = "",
) -> Extraction:
    """Relaxed/strict extent and value agreement of one document's system spans."""
    pairs = pair(gold, system)
    value = 0
    for i, j in pairs:
        g, s = gold[i], system[j]
        if g["value"] == s["value"]:
            value += 1
        elif errors is not None:
            errors.append(
                f"{doc_id[:22]:22} VALUE  {g['text']!r:28} gold={g['value']:14} "
                f"sys={s['value']} ({s['text']!r})"
            )
    if errors is not None:
        paired_gold = {i for i, _ in pairs}
        paired_sys = {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in paired_gold:
                errors.append(f"{doc_id[:22]:22} MISSED {g['text']!r:28} gold={g['value']}")
        for j, s in enumerate(system):
            if j not in paired_sys:
                errors.append(f"{doc_id[:22]:22} EXTRA  {s['text']!r:28} sys={s['value']}")
    strict = sum(
        1 for g in gold if any(s["start"] == g["start"] and s["end"] == g["end"] for s in system)
    )
    return Extraction(len(gold), len(system), len(pairs), strict, value)


def _add(a: Extraction, b: Extraction) -> Extraction:
    return Extraction(
        a.gold + b.gold,
        a.system + b.system,
        a.relaxed + b.relaxed,
        a.strict + b.strict,
        a.value + b.value,
    )


def eval_end_to_end(
    docs: Sequence[dict[str, Any]], nlp: Language, *, errors: bool = False
) -> EndToEnd:
    """The cartelkb pipeline over whole documents, both readings of its output.

    Args:
        docs: documents in the te3_platinum_test.jsonl format.
        nlp: the cartelkb pipeline.
        errors: list the TIMEX3-reading mismatches (development sets only).
    """
    from cartelkb.extract.dates import extract_dates, timex_value

    timex_total = stored_total = Extraction(0, 0, 0, 0, 0)
    wrong: list[str] | None = [] if errors else None
    for doc_data, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        base = dt.date.fromisoformat(doc_data["dct"])
        mapped, stored = [], []
        for record in extract_dates(doc, base):
            span = {"start": record.start, "end": record.end, "text": record.text}
            stored.append({**span, "value": record.value})
            timex = timex_value(record, base)
            if timex is not None:
                mapped.append({**span, "value": timex})
        gold = doc_data["timexes"]
        timex_total = _add(timex_total, score_spans(gold, mapped, wrong, doc_data["doc_id"]))
        stored_total = _add(stored_total, score_spans(gold, stored))
    return EndToEnd(
        timex=timex_total,
        stored=stored_total,
        documents=len(docs),
        model=str(nlp.meta.get("cartelkb_model")),
        errors=wrong or [],
    )


def check_offsets(docs: Iterable[dict[str, Any]]) -> list[str]:
    """Timexes whose offsets do not spell their text (an empty list when all do)."""
    return [
        f"{d['doc_id']} {t.get('tid')}: text[{t['start']}:{t['end']}] != {t['text']!r}"
        for d in docs
        for t in d["timexes"]
        if d["text"][t["start"] : t["end"]] != t["text"]
    ]


def render(title: str, norm: Normalization, e2e: EndToEnd, *, anchors: bool = True) -> list[str]:
    """The figures of one data set as text lines (scripts/eval_timex.py)."""
    lines = [
        f"{title} ({e2e.documents} docs, {norm.n} gold TIMEX3)",
        "",
        f"Normalization only (gold span + dct -> value): "
        f"{100 * norm.accuracy:.2f}%  ({norm.correct}/{norm.n})",
    ]
    for kind, (correct, n) in norm.by_type.items():
        lines.append(f"  {kind:9} {100 * ratio(correct, n):6.2f}%  ({correct}/{n})")
    lines += [
        "",
        f"End to end ({e2e.model}; {e2e.timex.system} system timexes, {e2e.timex.gold} gold)",
        f"{'system':22} {'relaxed F1':>10} {'P':>6} {'R':>6} {'strict F1':>9} {'value F1':>8}",
    ]
    for name, ext in (("cartelkb (TIMEX3)", e2e.timex), ("cartelkb (KB values)", e2e.stored)):
        rp, rr, rf = ext.relaxed_prf
        lines.append(
            f"{name:22} {100 * rf:10.2f} {100 * rp:6.2f} {100 * rr:6.2f} "
            f"{100 * ext.strict_f1:9.2f} {100 * ext.value_prf[2]:8.2f}"
        )
    if anchors:
        for name, (rf, rp, rr, sf, vf) in ANCHORS.items():
            lines.append(f"{name:22} {rf:10.2f} {rp:6.2f} {rr:6.2f} {sf:9.2f} {vf:8.2f}")
    lines.append(
        f"(KB values: all {e2e.stored.system} stored date records, value as stored; "
        "vague ones are stored without a value)"
    )
    return lines
