"""Convert TimeML (TempEval-3 TBAQ-cleaned) to the JSON Lines of te3_platinum_test.jsonl.

Usage:
    python scripts/convert_tbaq.py [SOURCE] [--out FILE]

SOURCE is either a folder of `.tml` files (searched recursively; only its TimeBank/ and
AQUAINT/ subfolders when it has them) or the git directory of
a snapshot of github.com/qiangning/StructTempRel-EMNLP17 (`fetch` puts one under
/work/.mirror/), whose `data/TempEval3/Training/TBAQ-cleaned/{TimeBank,AQUAINT}/*.tml`
are read straight from git. Default: that snapshot. The output (default
/work/data/tbaq/tbaq_train.jsonl) must stay OUTSIDE the repository: TimeBank 1.2 is an
LDC corpus and TBAQ carries no open licence (../shared/eval/tempeval3/README.md).

One line per document, as in the platinum file: doc_id (DOCID), corpus (TimeBank,
AQUAINT, or the folder name), split "train", source_file, dct (the value of the DCT
TIMEX3, its day), title (TITLE or null), text (the character content of <TEXT>, tags
removed, entities decoded) and timexes (start, end, text, type, value, tid, and the other
TIMEX3 attributes in attrs). Empty (non-consuming) TIMEX3 are not extents: they are left
out and counted. Every span is checked: text[start:end] == timex text.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DEFAULT_SOURCE = Path("/work/.mirror/qiangning+StructTempRel-EMNLP17/repo")
DEFAULT_OUT = Path("/work/data/tbaq/tbaq_train.jsonl")
GIT_FOLDER = "data/TempEval3/Training/TBAQ-cleaned"
CORPORA = ("TimeBank", "AQUAINT")  # TBAQ-cleaned also holds a "testpipeline" sample
CORE_ATTRS = {"tid", "type", "value"}


def _text_and_timexes(
    element: ET.Element,
) -> tuple[str, list[dict[str, Any]], int]:
    """The character content of an element with tags removed, and its TIMEX3 spans."""
    parts: list[str] = []
    timexes: list[dict[str, Any]] = []
    empty = 0
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            parts.append(text)
            length += len(text)

    def walk(node: ET.Element) -> None:
        nonlocal empty
        start = length
        add(node.text)
        for child in node:
            walk(child)
            add(child.tail)
        if node.tag == "TIMEX3":
            if length == start:
                empty += 1
                return
            attrs = {k: v for k, v in node.attrib.items() if k not in CORE_ATTRS}
            timex: dict[str, Any] = {
                "start": start,
                "end": length,
                "text": "".join(parts)[start:length],
                "type": node.get("type"),
                "value": node.get("value"),
                "tid": node.get("tid"),
            }
            if attrs:
                timex["attrs"] = attrs
            timexes.append(timex)

    walk(element)
    return "".join(parts), sorted(timexes, key=lambda t: (t["start"], t["end"])), empty


def _stripped(element: ET.Element | None) -> str | None:
    return ((element.text or "").strip() or None) if element is not None else None


def convert(data: bytes, source_file: str, corpus: str) -> tuple[dict[str, Any], int]:
    """One TimeML document as a JSON-lines record, and its number of empty TIMEX3."""
    root = ET.fromstring(data)
    text_element = root.find("TEXT")
    if text_element is None:
        raise ValueError(f"{source_file}: no <TEXT> element")
    dct_timex = root.find("DCT/TIMEX3")
    if dct_timex is None or not dct_timex.get("value"):
        raise ValueError(f"{source_file}: no DCT TIMEX3 with a value")
    title = root.find("TITLE")
    docid = root.find("DOCID")
    text, timexes, empty = _text_and_timexes(text_element)
    record = {
        "doc_id": (docid.text or "").strip() if docid is not None else Path(source_file).stem,
        "corpus": corpus,
        "split": "train",
        "source_file": source_file,
        "dct": str(dct_timex.get("value"))[:10],
        "title": _stripped(title),
        "text": text,
        "timexes": timexes,
    }
    return record, empty


def _from_folder(folder: Path) -> Iterator[tuple[str, str, bytes]]:
    paths = sorted(folder.rglob("*.tml"))
    if any(p.parent.name in CORPORA for p in paths):
        paths = [p for p in paths if p.parent.name in CORPORA]
    for path in paths:
        yield path.parent.name, path.name, path.read_bytes()


def _from_git(git_dir: Path) -> Iterator[tuple[str, str, bytes]]:
    def git(*args: str) -> bytes:
        return subprocess.run(
            ["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True
        ).stdout

    names = git("ls-tree", "-r", "--name-only", "HEAD", GIT_FOLDER).decode().splitlines()
    for name in sorted(n for n in names if n.endswith(".tml")):
        path = Path(name)
        if path.parent.name in CORPORA:
            yield path.parent.name, path.name, git("show", f"HEAD:{name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=DEFAULT_SOURCE,
        help=f"folder of .tml files, or the snapshot's git directory (default {DEFAULT_SOURCE})",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output JSON Lines file")
    args = parser.parse_args(argv)
    repo = Path(__file__).resolve().parents[1]
    if args.out.resolve().is_relative_to(repo):
        parser.error(f"{args.out} is inside the repository; TBAQ has no open licence")
    if not args.source.exists():
        parser.error(f"{args.source} not found (fetch github:qiangning/StructTempRel-EMNLP17)")
    is_git = (args.source / "HEAD").is_file() and (args.source / "objects").is_dir()
    files = _from_git(args.source) if is_git else _from_folder(args.source)

    records, empty, problems = [], 0, []
    corpora: Counter[str] = Counter()
    for corpus, name, data in files:
        record, n_empty = convert(data, name, corpus)
        empty += n_empty
        problems += [
            f"{name} {t['tid']}: text[{t['start']}:{t['end']}] != {t['text']!r}"
            for t in record["timexes"]
            if record["text"][t["start"] : t["end"]] != t["text"]
        ]
        corpora[corpus] += 1
        records.append(record)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    types = Counter(t["type"] for r in records for t in r["timexes"])
    by_corpus = ", ".join(f"{c} {n}" for c, n in corpora.items())
    by_type = ", ".join(f"{t} {n}" for t, n in sorted(types.items()))
    print(
        f"{args.out}: {len(records)} documents ({by_corpus}), {sum(types.values())} timexes "
        f"({by_type}); {empty} empty TIMEX3 left out; every span checked"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
