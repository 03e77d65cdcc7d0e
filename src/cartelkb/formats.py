"""Results as JSON, JSON Lines, CSV or TSV: the formats scripts and spreadsheets read.

Every read command prints a list of flat records; `write` turns them into one of the
machine formats (tables for people are rendered elsewhere). Lists inside a record
(aliases) become "; "-joined text in CSV and TSV and stay lists in JSON; a record inside
a record (a claim's further arguments) is written there as a JSON object. TSV follows
the IANA text/tab-separated-values convention with the escapes most tools read back:
a tab, newline, carriage return or backslash inside a value is written `\\t`, `\\n`,
`\\r`, `\\\\`. Written to a terminal, article text has its control characters shown as
escapes (see `cartelkb.terminal`); written to a pipe or file, it is kept as stored
(JSON always escapes them).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, TextIO

from cartelkb.terminal import json_safe, printable

MachineFormat = Literal["json", "jsonl", "csv", "tsv"]
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, Mapping):
        # a record inside a record (a claim's further argument): one JSON object
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def write(
    rows: Sequence[Mapping[str, Any]],
    fmt: MachineFormat,
    stream: TextIO,
    *,
    columns: Iterable[str] | None = None,
    document: Any = None,
) -> None:
    """Write records in a machine format.

    Args:
        rows: flat records (values: text, numbers, booleans, None, lists of text).
        fmt: json (one document), jsonl (one record per line), csv or tsv (a header row).
        columns: column order for csv/tsv; default the keys of the first row (or none).
        document: what `json` prints instead of the list of rows (a nested result).
    """
    tty = hasattr(stream, "isatty") and stream.isatty()
    if fmt == "json":
        data = rows if document is None else document
        stream.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
        return
    if fmt == "jsonl":
        for row in rows:
            stream.write(json_safe(json.dumps(row, ensure_ascii=False)) + "\n")
        return
    names = list(columns) if columns is not None else (list(rows[0]) if rows else [])

    def cell(value: Any) -> str:
        text = _cell(value)
        return printable(text, keep_whitespace=True) if tty else text

    if fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([cell(row.get(n)) for n in names])
        return
    stream.write("\t".join(n.translate(_TSV_ESCAPES) for n in names) + "\n")
    for row in rows:
        stream.write("\t".join(cell(row.get(n)).translate(_TSV_ESCAPES) for n in names) + "\n")
