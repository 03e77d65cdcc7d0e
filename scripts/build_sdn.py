"""Build the packaged SDN knowledge (src/cartelkb/data/sdn_narcotics.jsonl) from OFAC's list.

Usage:
    python scripts/build_sdn.py                      # ../shared/knowledge/ofac-sdn-2024-05-03.csv
    python scripts/build_sdn.py SDN.csv --alt ALT.csv --date 2024-05-03 --out FILE

Reads the legacy sdn.csv (and, if given, alt.csv), keeps the entries of the narcotics
programs (SDNT, SDNTK, ILLICIT-DRUGS-EO14059), marks which a.k.a.s are distinctive
(`cartelkb.knowledge.sdn.mark_distinctive`: English words come from the installed
spaCy pipeline's lemmatizer tables, names from the SDN persons and data/officials.tsv)
and writes one JSON line per entry after an `about` line naming the source and date.
The list is a work of the U.S. government (public domain, 17 U.S.C. 105).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SDN = ROOT.parent / "shared" / "knowledge" / "ofac-sdn-2024-05-03.csv"
DEFAULT_OUT = ROOT / "src" / "cartelkb" / "data" / "sdn_narcotics.jsonl"


def main(argv: list[str] | None = None) -> int:
    from cartelkb.knowledge.officials import load_officials
    from cartelkb.knowledge.sdn import (
        NARCOTICS_PROGRAMS,
        english_words,
        mark_distinctive,
        parse_list,
        write_jsonl,
    )

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdn", nargs="?", type=Path, default=DEFAULT_SDN)
    parser.add_argument("--alt", type=Path, help="the matching alt.csv (strong aliases)")
    parser.add_argument("--date", help="the list's date, YYYY-MM-DD (default: from the name)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    found = re.search(r"\d{4}-\d{2}-\d{2}", args.sdn.name)
    list_date = args.date or (found.group(0) if found else None)
    if list_date is None:
        parser.error("give --date: the file name carries no date")
    entries = parse_list(args.sdn, args.alt)
    english = english_words()
    if not english:
        print("warning: no English word list (spaCy pipeline missing)", file=sys.stderr)
    officials = [n for o in load_officials() for n in o.names()]
    mark_distinctive(entries, english, officials)
    about = {
        "source": "OFAC Specially Designated Nationals list, legacy sdn.csv"
        + (" + alt.csv" if args.alt else ""),
        "file": args.sdn.name,
        "list_date": list_date,
        "programs": sorted(NARCOTICS_PROGRAMS),
        "licence": "public domain (work of the U.S. government, 17 U.S.C. 105)",
        "built_by": "scripts/build_sdn.py",
        "derived_aliases": "aliases of kind 'derived' (rule 'spanish-article') are not in the "
        "list: the Spanish article form of a one-word nickname ('Mencho' -> 'El Mencho')",
    }
    count = write_jsonl(args.out, about, sorted(entries, key=lambda e: e.sdn_id))
    types = Counter(e.type for e in entries)
    kinds = Counter(a.kind for e in entries for a in e.aliases)
    links = sum(len(e.links) for e in entries)
    resolved = sum(1 for e in entries for link in e.links if link.sdn_id is not None)
    print(
        f"{count} entries ({types['PERSON']} persons, {types['ORG']} organizations), "
        f"aliases {dict(kinds)}, {links} links ({resolved} resolved to an SDN id) -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
