"""Scoring events against a hand annotation (`data/dev/events_gold.json`): precision and
recall of event type + patient, and of quantities.

Pure: a gold article (its annotated events) and the events extracted from the same text
in, counts out; `scripts/eval_events.py` reads the files and runs the pipeline.

Matching (one-to-one, greedy in text order):

* an extracted event matches a gold event when their types are equal, its trigger lies
  in the gold event's sentence, and their patients are compatible: the gold patient is
  null (the sentence names none), or a gold patient and an extracted patient contain one
  another or share a word of four letters or more (a surname), compared without case,
  accents and punctuation;
* a quantity matches when its kind is the gold one and its amount is within 0.5 % with
  the same unit, or its value (P25Y, life) is the same, in the same sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cartelkb.records import EventRecord

_WORD = re.compile(r"[a-z0-9]+")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def compatible(gold: str, found: str) -> bool:
    """Whether an extracted party's text names the gold one (see the module docstring)."""
    g, f = " ".join(_words(gold)), " ".join(_words(found))
    if not g or not f:
        return False
    if g in f or f in g:
        return True
    return bool({w for w in g.split() if len(w) >= 4} & {w for w in f.split() if len(w) >= 4})


def locate(text: str, sentence: str) -> tuple[int, int] | None:
    """The character span of a gold sentence in the article text, whitespace ignored."""
    pattern = r"\s+".join(re.escape(part) for part in sentence.split())
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


@dataclass
class Score:
    """Counts of one measure; precision and recall derive from them."""

    correct: int = 0
    found: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.correct += other.correct
        self.found += other.found
        self.gold += other.gold


@dataclass
class ArticleScore:
    file: str
    events: Score = field(default_factory=Score)  # type + patient
    types: Score = field(default_factory=Score)  # type only (in the gold sentence)
    quantities: Score = field(default_factory=Score)
    agents: Score = field(default_factory=Score)  # matched events whose gold has an agent
    errors: list[str] = field(default_factory=list)


def _patients(gold: dict[str, Any]) -> list[str]:
    p = gold.get("patient")
    if p is None:
        return []
    return list(p) if isinstance(p, list) else [p]


def _patient_ok(gold: dict[str, Any], event: EventRecord, text: str) -> bool:
    wanted = _patients(gold)
    if not wanted:
        return True
    names = [p.text for p in event.patients]
    names += [text[p.ref_start : p.ref_end] for p in event.patients if p.ref_start is not None]
    return any(compatible(w, n) for w in wanted for n in names)


def _quantity_ok(gold: dict[str, Any], q: Any) -> bool:
    if q.kind != gold["kind"]:
        return False
    if "value" in gold:
        return q.value == gold["value"]
    if q.amount is None or q.unit != gold.get("unit"):
        return False
    return abs(q.amount - gold["amount"]) <= 0.005 * abs(gold["amount"])


def score_article(
    file: str, text: str, gold_events: Sequence[dict[str, Any]], events: Iterable[EventRecord]
) -> ArticleScore:
    """Score one article's extracted events against its gold events."""
    found = list(events)
    score = ArticleScore(file)
    spans = []
    for g in gold_events:
        span = locate(text, g["sentence"])
        if span is None:
            score.errors.append(f"gold sentence not in the text: {g['sentence'][:60]!r}")
        spans.append(span)

    def inside(e: EventRecord, span: tuple[int, int] | None) -> bool:
        return span is not None and span[0] <= e.start < span[1]

    for strict, measure in ((True, score.events), (False, score.types)):
        used: set[int] = set()
        measure.gold, measure.found = len(gold_events), len(found)
        for gi, g in enumerate(gold_events):
            candidates = [
                n
                for n, e in enumerate(found)
                if n not in used and e.type == g["type"] and inside(e, spans[gi])
            ]
            if strict:
                candidates = [n for n in candidates if _patient_ok(g, found[n], text)]
            if not candidates:
                if strict:
                    score.errors.append(
                        f"missed {g['type']} of {g.get('patient')!r}: {g['sentence'][:70]!r}"
                    )
                continue
            n = candidates[0]
            used.add(n)
            measure.correct += 1
            if strict and g.get("agent"):
                score.agents.gold += 1
                agent = found[n].agent
                score.agents.found += agent is not None
                score.agents.correct += agent is not None and compatible(g["agent"], agent.text)
        if strict:
            for n, e in enumerate(found):
                if n not in used:
                    patients = [p.text for p in e.patients]
                    score.errors.append(
                        f"spurious {e.type} ({e.trigger!r}) of {patients}: {e.sentence[:70]!r}"
                    )
    # quantities: every gold quantity against every extracted one of the same sentence
    gold_q = [(spans[gi], q) for gi, g in enumerate(gold_events) for q in g.get("quantities", [])]
    seen_q: set[tuple[int, int, str]] = set()
    found_q = []
    for e in found:
        for q in e.quantities:
            key = (q.start, q.end, q.kind)
            if key not in seen_q:
                seen_q.add(key)
                found_q.append(q)
    unique_gold = gold_q
    score.quantities.gold, score.quantities.found = len(unique_gold), len(found_q)
    used_q: set[int] = set()
    for span, g in unique_gold:
        match = next(
            (
                n
                for n, q in enumerate(found_q)
                if n not in used_q
                and span is not None
                and span[0] <= q.start < span[1]
                and _quantity_ok(g, q)
            ),
            None,
        )
        if match is None:
            score.errors.append(f"missed quantity {g}")
            continue
        used_q.add(match)
        score.quantities.correct += 1
    for n, q in enumerate(found_q):
        if n not in used_q:
            score.errors.append(f"spurious quantity {q.kind} {q.text!r} = {q.amount} {q.unit}")
    return score


def total(scores: Iterable[ArticleScore]) -> ArticleScore:
    """The sums over articles."""
    out = ArticleScore("all")
    for s in scores:
        out.events.add(s.events)
        out.types.add(s.types)
        out.quantities.add(s.quantities)
        out.agents.add(s.agents)
    return out
