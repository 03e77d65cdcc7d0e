"""Regression snapshot: everything the extractors produce, as JSON Lines, to diff a refactor.

Usage:
    python scripts/snapshot.py OUT.jsonl                 # seeds + dev corpus + CaRB dev + ECB+ dev
    python scripts/snapshot.py OUT.jsonl --only seeds    # one part
    diff <(python scripts/snapshot.py /dev/stdout) before.jsonl

A behaviour-preserving change (moving code, renaming, word lists into data files) must
leave the snapshot identical. Parts:

- `export`: the .txt files of `data/seeds` (and `data/dev`, when present) ingested
  into a temporary SQLite file, then the whole knowledge base as `cartelkb export`
  prints it (entity ids, aliases, mentions, dates, claims).
- `carb-dev`, `ecb-dev`: the records of the pure extractors (mentions, dates, claims and
  the in-article clusters) on the CaRB dev sentences and the ECB+ dev documents
  (development splits only; ../shared/eval must be beside the repository).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
PARTS = ("export", "carb-dev", "ecb-dev")


def _export_lines() -> Iterator[dict[str, object]]:
    from cartelkb.config import DEFAULT_MODEL
    from cartelkb.export import build_export
    from cartelkb.ingest import ingest
    from cartelkb.store.db import open_database, session_scope

    dirs = [d for d in (ROOT / "data" / "seeds", ROOT / "data" / "dev") if d.is_dir()]
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/snapshot.db"
        for d in dirs:
            # The .txt articles only: data/dev also holds SOURCES.md, gold.json and the
            # manifest, which the default patterns (every supported kind) would take.
            ingest([d], db_url=url, model=DEFAULT_MODEL, pattern="*.txt")
        with session_scope(open_database(url)) as session:
            export = build_export(session).model_dump(mode="json")
    for article in export["articles"]:
        article["source_path"] = Path(article["source_path"]).name
        article["paths"] = [Path(p).name for p in article["paths"]]
        yield {"part": "export", "article": article}
    for entity in export["entities"]:
        yield {"part": "export", "entity": entity}


def _texts(part: str) -> Iterator[tuple[str, str]]:
    if part == "carb-dev":
        with (EVAL / "carb" / "dev.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                yield f"carb-dev:{row['sent_id']}", row["sentence"]
    elif part == "ecb-dev":
        with (EVAL / "ecbplus" / "dev_docs.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                text = "\n".join(" ".join(s["tokens"]) for s in row["sentences"])
                yield f"ecb-dev:{row['doc_id']}", text


def _record_lines(part: str) -> Iterator[dict[str, object]]:
    from cartelkb.config import DEFAULT_MODEL
    from cartelkb.extract import extract_article
    from cartelkb.extract.nlp import load_pipeline
    from cartelkb.extract.reader import parse_text
    from cartelkb.resolve import cluster_mentions

    nlp = load_pipeline(DEFAULT_MODEL)
    items = list(_texts(part))
    raws = [parse_text(text, key) for key, text in items]
    for (key, _), raw, doc in zip(items, raws, nlp.pipe(r.text for r in raws), strict=True):
        extraction = extract_article(raw, doc, DEFAULT_MODEL)
        clusters, assignment = cluster_mentions(extraction.mentions)
        yield {
            "part": part,
            "key": key,
            "extraction": extraction.model_dump(mode="json", exclude={"article"}),
            "clusters": [(c.label, c.name, c.mention_indices) for c in clusters],
            "assignment": assignment,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="JSON Lines file to write")
    parser.add_argument("--only", choices=PARTS, action="append", help="parts to run")
    args = parser.parse_args(argv)
    parts = args.only or list(PARTS)
    with args.out.open("w", encoding="utf-8") as fh:
        for part in parts:
            if part != "export" and not EVAL.is_dir():
                print(f"skipped {part}: {EVAL} not found", file=sys.stderr)
                continue
            lines = _export_lines() if part == "export" else _record_lines(part)
            n = 0
            for line in lines:
                fh.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
                n += 1
            print(f"{part}: {n} lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
