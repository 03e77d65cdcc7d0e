"""CaRB's default Open IE scorer, reimplemented from its metric definition.

CaRB (Bhardwaj, Aggarwal and Mausam, EMNLP 2019; github.com/dair-iitd/CaRB, MIT) scores
n-ary extractions against crowdsourced gold tuples. This module follows the default mode
of its `carb.py` as described in ../shared/eval/carb/README.md ("Metric"):

1. gold and system tuples are made binary: (arg1, predicate, remaining args joined);
2. a (gold, system) pair scores token overlap on whitespace tokens, slot by slot, with the
   predicate as a gate (no shared predicate word: 0), a system tuple lacking arg1 or arg2
   that the gold has scores 0, and a system "be" may match any gold form of "be"; for gold
   predicates containing a said-type verb the system arguments are also tried swapped;
3. per sentence and confidence threshold, recall takes each gold tuple's best system tuple,
   precision a greedy one-to-one matching by precision;
4. the threshold sweep gives a P-R curve: optimal F1 and AUC (trapezoids, with R=0, P=1);
5. sentences are keyed with spaces, PTB bracket escapes and ASCII punctuation removed.

Comparisons are case-sensitive and keep stop words, as CaRB's do (its matcher accepts
`ignoreStopwords`/`ignoreCase` flags but this function does not use them).
"""

from __future__ import annotations

import json
import re
import string
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cartelkb.benchmarks.tokens import BRACKET_ESCAPES

# Gold predicates containing one of these strings are attribution relations ("X said Y"),
# whose arguments systems often give the other way round (CaRB matcher). Substring tests,
# as in CaRB: "adds" also matches inside a longer word.
SAID_VERBS = ("said", "told", "added", "adds", "says")
BE_FORMS = frozenset({"be", "is", "am", "are", "was", "were", "been", "being"})
_PUNCT = re.compile(f"[{re.escape(string.punctuation)}]")


@dataclass(frozen=True)
class Extraction:
    """One n-ary tuple: predicate, arguments (arg1 first), and the system's confidence."""

    pred: str
    args: tuple[str, ...]
    confidence: float = 1.0


@dataclass
class CurvePoint:
    threshold: float
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


@dataclass
class CarbScore:
    """Optimal-F1 point of the P-R curve and the area under it."""

    precision: float
    recall: float
    f1: float
    auc: float
    threshold: float | None
    sentences: int  # gold sentences scored
    gold_tuples: int
    system_tuples: int  # system tuples on scored sentences
    curve: list[CurvePoint] = field(default_factory=list)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def sentence_key(sentence: str) -> str:
    """CaRB's sentence key: no spaces, PTB brackets unescaped, no ASCII punctuation."""
    key = sentence.replace(" ", "")
    for escape, char in BRACKET_ESCAPES.items():
        key = key.replace(escape, char)
    return _PUNCT.sub("", key)


def binary(extraction: Extraction) -> tuple[str, ...]:
    """(arg1, args[1:] joined by spaces): CaRB's binary view of an n-ary tuple."""
    args = extraction.args
    return (args[0], " ".join(args[1:])) if len(args) >= 2 else args


def _common(gold: Sequence[str], system: Sequence[str]) -> int:
    """Tokens shared by two token lists, each system token used once (multiset overlap)."""
    available = Counter(system)
    shared = 0
    for word in gold:
        if available[word] > 0:
            available[word] -= 1
            shared += 1
    return shared


def lenient_match(
    gold_pred: str, gold_args: Sequence[str], sys_pred: str, sys_args: Sequence[str]
) -> tuple[float, float]:
    """(precision, recall) of one system tuple against one gold tuple, already binary.

    Tokens of each slot are compared as multisets. The predicate gates the pair; each gold
    argument counts toward recall, and toward precision only when the system has that slot
    (a system argument beyond the gold's arity is not counted); a system tuple lacking
    the first or second slot of the gold scores (0, 0).
    """
    gold_words = gold_pred.split()
    sys_words = sys_pred.split()
    matched = _common(gold_words, sys_words)
    # A system "be" left over after the word match stands for any form of "be" in gold.
    if Counter(sys_words)["be"] > Counter(gold_words)["be"] and BE_FORMS & set(gold_words):
        matched += 1
    if matched == 0:
        return (0.0, 0.0)
    p_num, p_den = matched, len(sys_words)
    r_num, r_den = matched, len(gold_words)
    for i, gold_arg in enumerate(gold_args):
        gold_words = gold_arg.split()
        r_den += len(gold_words)
        if i >= len(sys_args):
            if i < 2:
                return (0.0, 0.0)
            continue
        sys_words = sys_args[i].split()
        p_den += len(sys_words)
        shared = _common(gold_words, sys_words)
        p_num += shared
        r_num += shared
    return (p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0)


def match(gold: Extraction, system: Extraction) -> tuple[float, float]:
    """CaRB's default pair score: binary lenient match, said-verbs also tried swapped.

    Of the two readings the better (precision, recall) pair is kept, compared precision
    first as CaRB's `max` over two lists does.
    """
    gold_args = binary(gold)
    straight = lenient_match(gold.pred, gold_args, system.pred, binary(system))
    if not any(verb in gold.pred for verb in SAID_VERBS) or len(system.args) < 2:
        return straight
    swapped = (" ".join(system.args[1:]), system.args[0])
    return max(straight, lenient_match(gold.pred, gold_args, system.pred, swapped))


def _greedy_precision(scores: list[list[tuple[float, float]]], kept: list[int]) -> float:
    """Sum of precisions of a greedy one-to-one gold/system matching, best precision first.

    Ties go to the first pair in (gold, system) order; as many pairs as the smaller side
    has are taken, zero-scoring ones included (they add nothing).
    """
    used_rows: set[int] = set()
    used_cols: set[int] = set()
    total = 0.0
    for _ in range(min(len(scores), len(kept))):
        best, best_row, best_col = -1.0, -1, -1
        for i, row in enumerate(scores):
            if i in used_rows:
                continue
            for j in kept:
                if j not in used_cols and row[j][0] > best:
                    best, best_row, best_col = row[j][0], i, j
        used_rows.add(best_row)
        used_cols.add(best_col)
        total += best
    return total


def score(
    gold: Mapping[str, Sequence[Extraction]], system: Mapping[str, Sequence[Extraction]]
) -> CarbScore:
    """Score system extractions against gold ones; both keyed by sentence text.

    Keys are normalized with `sentence_key` (when two texts share a key the later one
    wins, as in CaRB's dict). Only gold sentences with at least one tuple are scored; a
    gold sentence without system output still counts toward recall. Thresholds are all
    distinct system confidences, including those on sentences that are not scored.
    """
    gold_by_key = {sentence_key(s): list(ex) for s, ex in gold.items() if ex}
    sys_by_key = {sentence_key(s): list(ex) for s, ex in system.items()}
    thresholds = sorted({e.confidence for exs in sys_by_key.values() for e in exs})
    n = len(thresholds)
    index = {c: i for i, c in enumerate(thresholds)}
    p_num, p_den = [0.0] * n, [0] * n
    r_num, r_den = [0.0] * n, [0] * n
    system_tuples = 0
    for key, gold_exs in gold_by_key.items():
        sys_exs = sys_by_key.get(key, [])
        system_tuples += len(sys_exs)
        scores = [[match(g, s) for s in sys_exs] for g in gold_exs]
        start = 0  # first threshold index not yet filled for this sentence
        for level in sorted({s.confidence for s in sys_exs}):
            kept = [j for j, s in enumerate(sys_exs) if s.confidence >= level]
            recall = sum(max((row[j][1] for j in kept), default=0.0) for row in scores)
            precision = _greedy_precision(scores, kept)
            stop = index[level] + 1
            for t in range(start, stop):  # thresholds in (previous level, level]
                p_num[t] += precision
                p_den[t] += len(kept)
                r_num[t] += recall
                r_den[t] += len(gold_exs)
            start = stop
        for t in range(start, n):  # above this sentence's top confidence: nothing kept
            r_den[t] += len(gold_exs)
    gold_tuples = sum(len(exs) for exs in gold_by_key.values())
    if n == 0:
        return CarbScore(0.0, 0.0, 0.0, 0.0, None, len(gold_by_key), gold_tuples, 0)
    curve = [
        CurvePoint(
            thresholds[t],
            p_num[t] / p_den[t] if p_den[t] else 1.0,
            r_num[t] / r_den[t] if r_den[t] else 0.0,
        )
        for t in range(n)
    ]
    best = max(range(n), key=lambda t: (curve[t].f1, -t))  # the first maximum
    point = curve[best]
    return CarbScore(
        precision=point.precision,
        recall=point.recall,
        f1=point.f1,
        auc=auc(curve),
        threshold=point.threshold,
        sentences=len(gold_by_key),
        gold_tuples=gold_tuples,
        system_tuples=system_tuples,
        curve=curve,
    )


def auc(curve: Sequence[CurvePoint]) -> float:
    """Area under the P-R curve by trapezoids over recall, with the point (R=0, P=1) added.

    Recall never grows with the threshold, so the points are in order of recall.
    """
    points = [(c.recall, c.precision) for c in curve] + [(0.0, 1.0)]
    area = 0.0
    for (r0, p0), (r1, p1) in zip(points, points[1:], strict=False):
        if r1 > r0 + 1e-12:
            raise ValueError("recall must not grow with the threshold")
        area += (r0 - r1) * (p0 + p1) / 2
    return area


# --- data files (../shared/eval/carb, JSON Lines) ----------------------------------------


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_gold(path: Path) -> tuple[dict[int, str], dict[str, list[Extraction]]]:
    """A split file: sentences by `sent_id`, and gold tuples by sentence text.

    `context_args` (CaRB's "C: " arguments) are not scored, as CaRB's gold reader skips
    them.
    """
    sentences: dict[int, str] = {}
    gold: dict[str, list[Extraction]] = {}
    for row in _read_jsonl(path):
        sentences[row["sent_id"]] = row["sentence"]
        tuples = gold.setdefault(row["sentence"], [])
        tuples.extend(Extraction(t["pred"], tuple(t["args"])) for t in row["gold"])
    return sentences, gold


def load_system(path: Path, sentences: Mapping[int, str]) -> dict[str, list[Extraction]]:
    """A reference-output file (`sent_id`, `conf`, `pred`, `args`), keyed by sentence text."""
    system: dict[str, list[Extraction]] = {}
    for row in _read_jsonl(path):
        system.setdefault(sentences[row["sent_id"]], []).append(
            Extraction(row["pred"], tuple(row["args"]), float(row["conf"]))
        )
    return system
