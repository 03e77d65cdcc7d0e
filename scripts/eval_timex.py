"""Score cartelkb's date extraction on TempEval-3 (TIMEX3, Task A): platinum test, TBAQ dev.

Usage:
    python scripts/eval_timex.py ../shared/eval/tempeval3 [--tbaq FILE] [--json] [--errors]

The figures and their definitions are in `cartelkb.benchmarks.tempeval`: normalization
only (gold span + dct -> value), and end to end with the values mapped to TIMEX3 and as
the knowledge base stores them. `--tbaq` also scores TimeBank + AQUAINT (written by
scripts/convert_tbaq.py; default /work/data/tbaq/tbaq_train.jsonl when it exists), the
development set: `--errors` lists its mismatches on stderr. The platinum set is a test
set: it is measured, never analysed, so its errors are not listed.
`python scripts/quality.py --only tempeval3` prints the same figures in the quality table.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

try:
    import cartelkb  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cartelkb.benchmarks import tempeval  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="folder with the TempEval-3 JSON Lines files")
    parser.add_argument(
        "--tbaq",
        type=Path,
        default=None,
        help=f"TBAQ dev set (JSON Lines; default {tempeval.DEFAULT_TBAQ} if present)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--errors", action="store_true", help="list every TBAQ (dev) mismatch on stderr"
    )
    args = parser.parse_args(argv)
    for name in (tempeval.PLATINUM_DOCS, tempeval.PLATINUM_TIMEXES):
        if not (args.path / name).is_file():
            parser.error(f"{args.path / name} not found: PATH must be the tempeval3 folder")
    tbaq = args.tbaq or (tempeval.DEFAULT_TBAQ if tempeval.DEFAULT_TBAQ.is_file() else None)
    if tbaq is not None and not tbaq.is_file():
        parser.error(f"{tbaq} not found (write it with scripts/convert_tbaq.py)")

    from cartelkb.extract.nlp import load_pipeline

    started = time.perf_counter()
    nlp = load_pipeline()
    sets = [
        (
            "TempEval-3 platinum test",
            tempeval.read_jsonl(args.path / tempeval.PLATINUM_DOCS),
            tempeval.read_jsonl(args.path / tempeval.PLATINUM_TIMEXES),
            False,
        )
    ]
    if tbaq is not None:
        docs = tempeval.read_jsonl(tbaq)
        sets.append(("TBAQ-cleaned dev", docs, tempeval.timexes_of(docs), args.errors))
    results = {}
    lines: list[str] = []
    for title, docs, timexes, errors in sets:
        norm = tempeval.eval_normalization(timexes, errors=errors)
        e2e = tempeval.eval_end_to_end(docs, nlp, errors=errors)
        results[title] = {
            "normalization": {k: v for k, v in asdict(norm).items() if k != "errors"},
            "end_to_end": {
                "documents": e2e.documents,
                "model": e2e.model,
                "timex": e2e.timex.as_dict(),
                "kb_values": e2e.stored.as_dict(),
            },
        }
        # the anchors are platinum-test figures: shown beside the platinum results only
        lines += [*tempeval.render(title, norm, e2e, anchors=title.startswith("TempEval")), ""]
        if errors:
            print("\n".join(["# normalization", *norm.errors]), file=sys.stderr)
            print("\n".join(["# end to end", *e2e.errors]), file=sys.stderr)
    seconds = time.perf_counter() - started
    if args.json:
        anchors = {
            name: dict(
                zip(
                    ("relaxed_f1", "precision", "recall", "strict_f1", "value_f1"), row, strict=True
                )
            )
            for name, row in tempeval.ANCHORS.items()
        }
        print(json.dumps({**results, "anchors": anchors}, indent=2))
    else:
        print("\n".join([*lines, f"({seconds:.1f} s)"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
