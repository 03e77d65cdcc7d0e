"""Run the commands README.md shows and write their real output under them.

Every ```console block of README.md is a session: each line starting with "$ " is run
with bash in the repository's top folder, in the order of the file (later commands see
the databases earlier ones built), and the lines after it, up to the next command or the
end of the block, become what it printed (stdout and stderr, as a terminal shows them).
A block right after a line `<!-- readme-sync: skip -->` is left alone: set-up steps,
commands that need a server, commands that never end (`cartelkb serve`).

The files the commands create (databases, exports) are removed first, so a run starts
from a fresh checkout's state. `--check` writes nothing and exits 1 when an output
differs (a README that no longer tells the truth); the default rewrites README.md.

    python scripts/readme_sync.py            # run everything, update README.md
    python scripts/readme_sync.py --check    # exit 1 if README.md is out of date
    python scripts/readme_sync.py --only 'Seven questions'   # blocks under that heading
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SKIP = "<!-- readme-sync: skip -->"
# What the README's commands write in the top folder (all ignored by git).
GENERATED = (
    "cartelkb.db",
    "dev.db",
    "inputs.db",
    "kb.db",
    "corpus.jsonl",
    "kb.ftm.json",
    "kb.gexf",
    "kb.graphml",
    "before.txt",
)
TIMEOUT = 1800  # seconds for one command (quality.py runs every benchmark)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("COLUMNS", "LINES", "CARTELKB_DB", "FORCE_COLOR", "NO_COLOR"):
        env.pop(name, None)  # rich then renders 80 columns without colour, as when piped
    env["TERM"] = "dumb"
    return env


def run(command: str) -> list[str]:
    """What `command` prints, as lines (trailing blank lines dropped)."""
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    lines = done.stdout.rstrip("\n").split("\n") if done.stdout.strip() else []
    return [line.rstrip() for line in lines]


def sync(lines: list[str], only: str | None, log) -> list[str]:  # type: ignore[no-untyped-def]
    out: list[str] = []
    i = 0
    heading = ""
    skip_next = False
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        if line.strip() == SKIP:
            skip_next = True
        if line.strip() != "```console":
            out.append(line)
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
        block = lines[i + 1 : end]
        wanted = not skip_next and (only is None or only.lower() in heading.lower())
        skip_next = False
        out.append(line)
        if not wanted:
            out.extend(block)
        else:
            for command in (b[2:] for b in block if b.startswith("$ ")):
                started = time.perf_counter()
                printed = run(command)
                log(f"{time.perf_counter() - started:6.1f} s  $ {command[:100]}")
                out.append(f"$ {command}")
                out.extend(printed)
        out.append(lines[end])
        i = end + 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 on a difference"
    )
    parser.add_argument("--only", help="only the blocks under headings containing this text")
    args = parser.parse_args(argv)
    if args.only is None:
        for name in GENERATED:
            (ROOT / name).unlink(missing_ok=True)
    before = README.read_text(encoding="utf-8").split("\n")
    after = sync(before, args.only, lambda msg: print(msg, file=sys.stderr))
    if after == before:
        print("README.md is up to date", file=sys.stderr)
        return 0
    if args.check:
        sys.stdout.writelines(
            line + "\n"
            for line in difflib.unified_diff(before, after, "README.md", "now", lineterm="")
        )
        return 1
    README.write_text("\n".join(after), encoding="utf-8")
    changed = sum(
        1 for tag in difflib.SequenceMatcher(None, before, after).get_opcodes() if tag[0] != "equal"
    )
    print(f"README.md updated ({changed} changed passages)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
