"""Read-only commands stay light: they never import spaCy or dateparser (style rule 2)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Runs commands one after another in a fresh interpreter and records, after each one,
# which of the watched modules have been imported so far.
SCRIPT = """
import json, sys
from typer.testing import CliRunner
from cartelkb.cli import app
commands, watched = json.loads(sys.argv[1]), json.loads(sys.argv[2])
runner, results = CliRunner(), []
for args in commands:
    result = runner.invoke(app, args)
    results.append({
        "exit_code": result.exit_code,
        "output": result.output[-2000:],
        "modules": {m: m in sys.modules for m in watched},
    })
print(json.dumps(results))
"""

WATCHED = [
    "spacy",
    "dateparser",
    "thinc",
    "alembic",
    "sqlalchemy.orm",
    "rich",
    "cartelkb.records",
    "cartelkb.resolve",
]
HEAVY = ["spacy", "dateparser", "thinc"]
# Read commands run Core queries on light table handles: not even the ORM is imported.
CORE_ONLY = ["query", "query-json", "entities-list", "claims"]

READ_COMMANDS = {
    # query first: on a current database it must not need Alembic either
    "query": ["query", "--entity", "Mexico"],
    "query-json": ["query", "--entity", "Sheinbaum", "--format", "json", "--why"],
    "claims": ["claims", "--subject", "Trump"],
    "entities-list": ["entities", "list"],  # a rich table: after the text-only look-ups
    "export": ["export"],  # after the Core-only commands: it reads through the ORM
}


@pytest.fixture(scope="module")
def probe(seeded_db, tmp_path_factory) -> dict[str, dict]:
    db = seeded_db.removeprefix("sqlite:///")
    names = list(READ_COMMANDS)
    commands = [[*READ_COMMANDS[n], "--db", db] for n in names]
    # Control, run last: an ingest of a new article imports spaCy, which shows the probe
    # really sees imports.
    scratch = tmp_path_factory.mktemp("lazy")
    (scratch / "a.txt").write_text("Claudia Sheinbaum spoke in Mexico City.\n", encoding="utf-8")
    commands.append(["ingest", str(scratch / "a.txt"), "--db", str(scratch / "kb.db")])
    names.append("control")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(commands), json.dumps(WATCHED)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return dict(zip(names, json.loads(done.stdout.strip().splitlines()[-1]), strict=True))


@pytest.mark.parametrize("name", list(READ_COMMANDS))
def test_read_commands_do_not_import_nlp_libraries(probe, name):
    result = probe[name]
    assert result["exit_code"] == 0, result["output"]
    assert {m: result["modules"][m] for m in HEAVY} == {m: False for m in HEAVY}


@pytest.mark.parametrize("name", CORE_ONLY)
def test_read_commands_do_not_import_the_orm(probe, name):
    assert probe[name]["modules"]["sqlalchemy.orm"] is False


@pytest.mark.parametrize("name", ["query", "query-json", "claims"])
def test_text_look_ups_do_not_import_rich(probe, name):
    """Entity cards and claims are wrapped text (render.py): rich is for tables and bars."""
    assert probe[name]["modules"]["rich"] is False


@pytest.mark.parametrize("name", CORE_ONLY)
def test_read_commands_do_not_import_the_records_or_the_resolver(probe, name):
    """Look-ups stay off the write path: the records and the resolver (with its linker)
    are for ingest."""
    modules = probe[name]["modules"]
    assert (modules["cartelkb.records"], modules["cartelkb.resolve"]) == (False, False)


def test_query_on_a_current_database_does_not_import_alembic(probe):
    """models.SCHEMA_HEAD lets a current database skip Alembic entirely."""
    assert probe["query"]["exit_code"] == 0
    assert probe["query"]["modules"]["alembic"] is False


def test_the_probe_sees_an_import(probe):
    control = probe["control"]
    assert control["exit_code"] == 0, control["output"]
    assert "1 added" in control["output"]
    assert control["modules"]["spacy"] is True
