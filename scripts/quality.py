"""Every quality benchmark of cartelkb in one command, one table.

Usage:
    python scripts/quality.py [--only NAME ...] [--format table|json] [--errors]
                              [--eval DIR] [--gold DIR] [--dev DIR] [--tbaq FILE]

Benchmarks (`--only`, repeatable): carb (CaRB Open IE, dev and test), ecbplus (ECB+
cross-document entity coreference, named mentions, dev and test), tempeval3 (TempEval-3
platinum test, and TBAQ-cleaned dev when written by scripts/convert_tbaq.py), seeds
(data/seeds against ../shared/gold/seeds.json), dev (data/dev against data/dev/gold.json,
skipped while absent). Definitions: the modules of cartelkb.benchmarks.

Test splits are measured and reported, never analysed: `--errors` lists the errors of
development splits only. A progress line per benchmark goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

try:
    import cartelkb  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cartelkb.benchmarks import suite  # noqa: E402
from cartelkb.benchmarks.tempeval import DEFAULT_TBAQ  # noqa: E402
from cartelkb.config import model_name  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        action="append",
        choices=list(suite.BENCHMARKS),
        help="run this benchmark only (repeatable; default: all)",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--errors", action="store_true", help="list the errors of development splits"
    )
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    parser.add_argument("--dev", type=Path, default=ROOT / "data" / "dev")
    parser.add_argument(
        "--tbaq",
        type=Path,
        default=None,
        help=f"TBAQ-cleaned dev set (default {DEFAULT_TBAQ} when it exists)",
    )
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: cartelkb's)")
    args = parser.parse_args(argv)
    ctx = suite.Context(
        eval_dir=args.eval,
        gold_dir=args.gold,
        seeds_dir=ROOT / "data" / "seeds",
        dev_dir=args.dev,
        tbaq=args.tbaq or (DEFAULT_TBAQ if DEFAULT_TBAQ.is_file() else None),
        model=model_name(args.model),
        errors=args.errors,
    )
    names = args.only or list(suite.BENCHMARKS)
    started = time.perf_counter()
    results: list[suite.Result] = []
    for n, name in enumerate(names, 1):
        print(f"quality [{n}/{len(names)}] {name} ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        found = suite.BENCHMARKS[name](ctx)
        results += found
        done = ", ".join(r.name for r in found)
        print(
            f"quality [{n}/{len(names)}] {name}: {done} ({time.perf_counter() - t0:.1f} s)",
            file=sys.stderr,
            flush=True,
        )
    seconds = time.perf_counter() - started
    if args.format == "json":
        print(json.dumps(suite.as_json(results, seconds), indent=2, ensure_ascii=False))
    else:
        print("\n".join(suite.render(results, seconds, errors=args.errors)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
