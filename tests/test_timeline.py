"""`cartelkb timeline`: an entity's dated claims in order, on said / did / done-to tracks."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.errors import NotFoundError
from cartelkb.store.db import open_database, read_scope
from cartelkb.timeline import timeline

runner = CliRunner()

# Invented releases with dates of their own, so the order and the tracks are known.
ARTICLES = {
    "a.txt": (
        "Cartel Figure Charged\n\n"
        "Federal prosecutors charged Carlos Mendoza in March 2021. "
        "Carlos Mendoza trafficked fentanyl into Texas in 2019. "
        "Attorney General Laura Medina said on May 4, 2021 that Carlos Mendoza would face "
        "trial.\n"
    ),
    "b.txt": (
        "Extradition Announced\n\n"
        "On June 2, 2022, Mexican authorities extradited Carlos Mendoza to the United States. "
        "Laura Medina announced the extradition on June 3, 2022. "
        "Carlos Mendoza denied the charges.\n"
    ),
    "c.txt": ("No Deal\n\nOn July 8, 2022, Carlos Mendoza did not accept a plea deal.\n"),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("timeline")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "kb.db"
    manifest = folder / "m.csv"
    manifest.write_text("path,published\na.txt,2021-05-05\nb.txt,2022-06-03\n", encoding="utf-8")
    result = runner.invoke(
        app,
        ["ingest", str(folder), "--glob", "*.txt", "--manifest", str(manifest), "--db", str(path)],
    )
    assert result.exit_code == 0, result.output
    return str(path)


@pytest.fixture(scope="module")
def conn(db):
    with read_scope(open_database(f"sqlite:///{db}", create=False)) as c:
        yield c


def test_entries_are_in_date_order_with_their_tracks(conn):
    found = timeline(conn, "Mendoza")
    assert found.entity == "Carlos Mendoza"
    days = [e.day_start for e in found.entries]
    assert days == sorted(days)
    by_action = {(e.claim.action, e.track, e.day_start) for e in found.entries}
    assert ("traffic", "did", "2019-01-01") in by_action
    assert ("charge", "done to", "2021-03-01") in by_action
    assert ("extradite", "done to", "2022-06-02") in by_action
    assert ("deny", "said", "2022-06-03") in by_action  # a speech act; dated by its article
    [deny] = [e for e in found.entries if e.claim.action == "deny"]
    assert deny.dated_by == "article"


def test_tracks_and_periods_filter(conn):
    said = timeline(conn, "Mendoza", tracks=("said",))
    assert {e.track for e in said.entries} == {"said"}
    in_2021 = timeline(conn, "Mendoza", since="2021", until="2021")
    assert in_2021.entries and all(e.day_start.startswith("2021") for e in in_2021.entries)


def test_with_a_second_entity(conn):
    both = timeline(conn, "Laura Medina", with_name="Mendoza")
    assert both.with_entity == "Carlos Mendoza"
    assert both.entries
    for e in both.entries:
        ids = {e.claim.subject_entity_id, e.claim.object_entity_id, e.claim.source_entity_id}
        assert {both.entity_id, both.with_entity_id} <= ids


def test_unknown_names_are_clear_errors(conn):
    with pytest.raises(NotFoundError, match="no entity is named 'Nobody Here'"):
        timeline(conn, "Nobody Here")


def test_timeline_command(db):
    result = runner.invoke(app, ["timeline", "-e", "Mendoza", "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Timeline of Carlos Mendoza")
    assert result.stdout.index("2019") < result.stdout.index("2022-06-02")
    rows = [
        json.loads(line)
        for line in runner.invoke(
            app, ["timeline", "-e", "Mendoza", "--db", db, "-f", "jsonl"]
        ).stdout.splitlines()
    ]
    assert rows and {"day_start", "track", "sentence", "subject_entity"} <= set(rows[0])
    missing = runner.invoke(app, ["timeline", "-e", "Nobody Here", "--db", db])
    assert missing.exit_code == 1 and "Error: no entity is named" in missing.output


def test_the_timeline_shows_a_negated_claim_as_negated(db):
    result = runner.invoke(app, ["timeline", "-e", "Mendoza", "--since", "2022-07", "--db", db])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if "accept" in x)
    assert "[negated (not)]" in line
