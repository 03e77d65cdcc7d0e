"""Machine formats of the read commands: json, jsonl, csv, tsv (cartelkb.formats)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.formats import write

runner = CliRunner()
ROWS = [
    {"id": 1, "name": "Ismael Zambada García", "aliases": ["El Mayo", "Zambada"], "hedged": True},
    {"id": 2, "name": "tab\there, new\nline, back\\slash", "aliases": [], "hedged": None},
]


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def out(fmt: str, rows=ROWS, **kw) -> str:  # type: ignore[no-untyped-def]
    stream = io.StringIO()
    write(rows, fmt, stream, **kw)  # type: ignore[arg-type]
    return stream.getvalue()


def test_json_and_jsonl():
    assert json.loads(out("json")) == ROWS
    assert [json.loads(line) for line in out("jsonl").splitlines()] == ROWS
    assert json.loads(out("json", document={"nested": ROWS})) == {"nested": ROWS}


def test_csv_round_trips_through_the_csv_module():
    back = list(csv.reader(io.StringIO(out("csv"))))
    assert back == [
        ["id", "name", "aliases", "hedged"],
        ["1", "Ismael Zambada García", "El Mayo; Zambada", "true"],
        ["2", "tab\there, new\nline, back\\slash", "", ""],
    ]


def test_tsv_escapes_tabs_newlines_and_backslashes():
    lines = out("tsv").split("\n")
    assert lines[0] == "id\tname\taliases\thedged"
    assert lines[1] == "1\tIsmael Zambada García\tEl Mayo; Zambada\ttrue"
    assert lines[2] == "2\ttab\\there, new\\nline, back\\\\slash\t\t"
    assert lines[3] == ""


def test_empty_results_still_print_the_header():
    assert out("csv", rows=[], columns=["id", "name"]) == "id,name\n"
    assert out("tsv", rows=[], columns=["id", "name"]) == "id\tname\n"
    assert out("jsonl", rows=[]) == ""
    assert json.loads(out("json", rows=[])) == []


def test_a_terminal_never_gets_raw_controls():
    rows = [{"s": "x\x1b[2Jy\u202e"}]
    for fmt in ("csv", "tsv", "jsonl", "json"):
        stream = _Tty()
        write(rows, fmt, stream)  # type: ignore[arg-type]
        assert "\x1b" not in stream.getvalue() and "\u202e" not in stream.getvalue(), fmt
    piped = io.StringIO()
    write(rows, "csv", piped)
    assert "\x1b[2J" in piped.getvalue()  # a file gets the data as stored


@pytest.mark.parametrize(
    "argv",
    [
        ["claims"],
        ["claims", "--action", "reject"],
        ["entities", "list"],
        ["articles"],
        ["query", "--entity", "Sheinbaum"],
    ],
)
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv"])
def test_every_read_command_speaks_every_format(seeded_db, argv, fmt):
    result = runner.invoke(app, [*argv, "--db", seeded_db, "--format", fmt])
    assert result.exit_code == 0, result.output
    text = result.stdout
    if fmt == "json":
        assert json.loads(text)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
        assert rows and all(isinstance(r, dict) for r in rows)
    else:
        rows = list(csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
        assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows)
        if argv[0] in ("claims", "query"):
            assert {"sentence", "subject_entity", "article_title"} <= set(rows[0])


def test_csv_of_nothing_found_is_a_header(seeded_db):
    result = runner.invoke(
        app, ["claims", "--action", "no-such-act", "--db", seeded_db, "-f", "csv"]
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("id,article_id,role,subject,")
    assert len(result.stdout.splitlines()) == 1
