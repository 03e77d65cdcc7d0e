"""Score cartelkb's date extraction on the TempEval-3 platinum test set (TIMEX3, Task A).

Usage:
    python scripts/eval_timex.py ../shared/eval/tempeval3 [--json] [--errors]

Two figures, both against the README's definitions in PATH:

1. Normalization only: each of the 138 gold timexes, given its text and the document
   date (dct), read with `cartelkb.extract.dates.normalize`; accuracy = exact TIMEX3 value
   matches / 138, overall and per gold type (DATE, TIME, DURATION, SET).
2. End to end: the cartelkb spaCy pipeline over each document, `extract_dates(doc, dct)`,
   each record mapped to its TIMEX3 value with `timex_value`. Records TimeML has no TIMEX3
   for (timex None, e.g. "Recent discussions", "his previous term") are not system output.
   Gold and system spans are paired one-to-one, largest character overlap first; relaxed
   P/R/F1 count overlapping pairs, strict F1 identical offsets, and value F1 the relaxed
   pairs with equal values (AttrRecall = correct / |gold|, AttrPrecision = correct / |sys|).
   Character offsets approximate the official toolkit's token matching.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

try:
    import cartelkb  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cartelkb.extract.dates import extract_dates, normalize, timex_value  # noqa: E402

DOCS = "te3_platinum_test.jsonl"
TIMEXES = "te3_platinum_test_timex_values.jsonl"

# README.md, Table 3 of UzZaman et al. (2013): relaxed F1, P, R, strict F1, value F1.
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


def eval_normalization(timexes: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    """Gold span and dct given: accuracy of `normalize(text, dct).timex`."""
    correct: Counter[str] = Counter()
    total: Counter[str] = Counter()
    errors = []
    for gold in timexes:
        found = normalize(gold["text"], dt.date.fromisoformat(gold["dct"]))
        predicted = found.timex if found else None
        total[gold["type"]] += 1
        if predicted == gold["value"]:
            correct[gold["type"]] += 1
        else:
            errors.append(
                f"{gold['type']:8} {gold['text']!r:30} gold={gold['value']:14} sys={predicted}"
            )
    result: dict[str, Any] = {
        "n": sum(total.values()),
        "correct": sum(correct.values()),
        "accuracy": ratio(sum(correct.values()), sum(total.values())),
        "by_type": {
            kind: {
                "n": total[kind],
                "correct": correct[kind],
                "accuracy": ratio(correct[kind], total[kind]),
            }
            for kind in ("DATE", "TIME", "DURATION", "SET")
        },
    }
    return result, errors


def pair(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> list[tuple[int, int]]:
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


def eval_end_to_end(docs: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    """The cartelkb pipeline over whole documents: extraction and value P/R/F1."""
    from cartelkb.extract.nlp import load_pipeline

    nlp = load_pipeline()
    n_gold = n_sys = relaxed = strict = value = 0
    errors = []
    for doc_data, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        base = dt.date.fromisoformat(doc_data["dct"])
        system = []
        for record in extract_dates(doc, base):
            timex = timex_value(record, base)
            if timex is not None:
                system.append(
                    {"start": record.start, "end": record.end, "text": record.text, "value": timex}
                )
        gold = doc_data["timexes"]
        n_gold += len(gold)
        n_sys += len(system)
        pairs = pair(gold, system)
        paired_gold = {i for i, _ in pairs}
        paired_sys = {j for _, j in pairs}
        relaxed += len(pairs)
        strict += sum(
            1
            for g in gold
            if any(s["start"] == g["start"] and s["end"] == g["end"] for s in system)
        )
        for i, j in pairs:
            g, s = gold[i], system[j]
            if g["value"] == s["value"]:
                value += 1
            else:
                errors.append(
                    f"{doc_data['doc_id'][:22]:22} VALUE  {g['text']!r:28} gold={g['value']:14} "
                    f"sys={s['value']} ({s['text']!r})"
                )
        for i, g in enumerate(gold):
            if i not in paired_gold:
                errors.append(
                    f"{doc_data['doc_id'][:22]:22} MISSED {g['text']!r:28} gold={g['value']}"
                )
        for j, s in enumerate(system):
            if j not in paired_sys:
                errors.append(
                    f"{doc_data['doc_id'][:22]:22} EXTRA  {s['text']!r:28} sys={s['value']}"
                )
    p, r = ratio(relaxed, n_sys), ratio(relaxed, n_gold)
    sp, sr = ratio(strict, n_sys), ratio(strict, n_gold)
    vp, vr = ratio(value, n_sys), ratio(value, n_gold)
    result = {
        "gold": n_gold,
        "system": n_sys,
        "relaxed": {"matches": relaxed, "precision": p, "recall": r, "f1": f1(p, r)},
        "strict": {"matches": strict, "precision": sp, "recall": sr, "f1": f1(sp, sr)},
        "value": {"correct": value, "precision": vp, "recall": vr, "f1": f1(vp, vr)},
        "model": nlp.meta.get("cartelkb_model"),
    }
    return result, errors


def render(norm: dict[str, Any], e2e: dict[str, Any], seconds: float) -> str:
    lines = [
        "TempEval-3 platinum test (20 docs, 138 gold TIMEX3)",
        "",
        f"Normalization only (gold span + dct -> value): "
        f"{100 * norm['accuracy']:.2f}%  ({norm['correct']}/{norm['n']})",
    ]
    for kind, row in norm["by_type"].items():
        lines.append(f"  {kind:9} {100 * row['accuracy']:6.2f}%  ({row['correct']}/{row['n']})")
    lines += [
        "",
        f"End to end ({e2e['model']}; {e2e['system']} system timexes, {e2e['gold']} gold)",
        f"{'system':14} {'relaxed F1':>10} {'P':>6} {'R':>6} {'strict F1':>9} {'value F1':>8}",
    ]
    rel, st, val = e2e["relaxed"], e2e["strict"], e2e["value"]
    lines.append(
        f"{'cartelkb':14} {100 * rel['f1']:10.2f} {100 * rel['precision']:6.2f} "
        f"{100 * rel['recall']:6.2f} {100 * st['f1']:9.2f} {100 * val['f1']:8.2f}"
    )
    for name, (rf, rp, rr, sf, vf) in ANCHORS.items():
        lines.append(f"{name:14} {rf:10.2f} {rp:6.2f} {rr:6.2f} {sf:9.2f} {vf:8.2f}")
    lines.append(f"\n({seconds:.1f} s)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="folder with the TempEval-3 JSON Lines files")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every mismatch (stderr)")
    args = parser.parse_args(argv)
    for name in (DOCS, TIMEXES):
        if not (args.path / name).is_file():
            parser.error(f"{args.path / name} not found: PATH must be the tempeval3 folder")

    started = time.perf_counter()
    norm, norm_errors = eval_normalization(read_jsonl(args.path / TIMEXES))
    e2e, e2e_errors = eval_end_to_end(read_jsonl(args.path / DOCS))
    seconds = time.perf_counter() - started
    if args.errors:
        print(
            "\n".join(["# normalization", *norm_errors, "# end to end", *e2e_errors]),
            file=sys.stderr,
        )
    if args.json:
        anchors = {
            name: dict(
                zip(
                    ("relaxed_f1", "precision", "recall", "strict_f1", "value_f1"), row, strict=True
                )
            )
            for name, row in ANCHORS.items()
        }
        print(json.dumps({"normalization": norm, "end_to_end": e2e, "anchors": anchors}, indent=2))
    else:
        print(render(norm, e2e, seconds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
