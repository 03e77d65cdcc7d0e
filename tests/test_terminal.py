"""Article text never reaches a terminal raw: control characters and bidi overrides escaped."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.terminal import is_printable, json_safe, printable

runner = CliRunner()

RAW = {
    "\x1b[2J": "\\x1b[2J",  # clear screen
    "\x1b]0;pwned\x07": "\\x1b]0;pwned\\x07",  # OSC: set the window title
    "\x9b31m": "\\x9b31m",  # C1 CSI
    "\u202eevil": "\\u202eevil",  # right-to-left override
    "\u2066x\u2069": "\\u2066x\\u2069",  # isolates
    "\x7f": "\\x7f",
    "a\nb\tc": "a\\x0ab\\x09c",
}


@pytest.mark.parametrize(("raw", "shown"), RAW.items())
def test_printable_escapes_controls(raw, shown):
    assert printable(raw) == shown
    assert is_printable(printable(raw))
    assert not is_printable(raw)


def test_printable_keeps_text_and_optionally_whitespace():
    text = "Sheinbaum said “no” — señor Guzmán, 北京, emoji 🙂."
    assert printable(text) == text and is_printable(text)
    assert printable("a\nb\tc\x1b", keep_whitespace=True) == "a\nb\tc\\x1b"


def test_json_safe_is_the_same_data_without_raw_controls():
    data = {"s": "x\x1b\x9b\u202ey\x7f"}
    dumped = json_safe(json.dumps(data, ensure_ascii=False))
    assert json.loads(dumped) == data
    assert is_printable(dumped)


HOSTILE = (
    "Cartel Leader Charged\n\n"
    "WASHINGTON — Attorney General Merrick Garland announced charges against Ovidio Guzmán "
    "López on Friday. \x1b]0;owned\x07The Sinaloa Cartel \x1b[2Jtrafficked fentanyl into the "
    "United States, prosecutors said. \u202eGarland said the Department of Justice would "
    "pursue the cartel's leaders. "
    + "Officials in Mexico and the United States met to discuss the case. "
    * 12
)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile")
    article = path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    db = path / "kb.db"
    result = runner.invoke(app, ["ingest", str(article), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return str(db)


@pytest.mark.parametrize(
    "argv",
    [
        ["query", "--entity", "Garland"],
        ["query", "--entity", "Garland", "--why"],
        ["query", "--entity", "Garland", "-f", "json"],
        ["claims"],
        ["claims", "-f", "json"],
        ["entities", "list"],
        ["entities", "list", "-f", "json"],
        ["export"],
    ],
)
def test_commands_never_print_raw_controls(hostile_db, argv):
    result = runner.invoke(app, [*argv, "--db", hostile_db])
    assert result.exit_code == 0, result.output
    output = result.stdout
    assert "Garland" in output or "garland" in output.lower()
    for bad in ("\x1b", "\x07", "\u202e"):
        assert bad not in output, (argv, bad)
    if argv[0] == "claims" and "json" not in argv:
        # the stored sentence is shown, with its controls visible as escapes
        assert "\\x1b[2J" in output or "\\u202e" in output
