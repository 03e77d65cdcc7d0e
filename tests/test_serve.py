"""Tests for cartelkb.serve and `cartelkb serve`: metadata, canned queries, the command line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cartelkb import serve as serve_mod
from cartelkb.cli import app
from cartelkb.errors import ConfigError
from cartelkb.geocode import geocode_places
from cartelkb.serve import CANNED_QUERIES, build_metadata, column_comments, plan, sqlite_path
from cartelkb.store.db import open_database, session_scope
from cartelkb.store.models import Base, Place

runner = CliRunner()


@pytest.fixture(scope="module")
def kb(seeded_db, tmp_path_factory) -> Path:
    """A private copy of the seeds database, with its places geocoded."""
    path = tmp_path_factory.mktemp("serve") / "kb.db"
    source = sqlite3.connect(seeded_db.removeprefix("sqlite:///"))
    target = sqlite3.connect(path)
    with target:
        source.backup(target)
    source.close()
    target.close()
    engine = open_database(f"sqlite:///{path}", write=True)
    with session_scope(engine) as session:
        geocode_places(session)
    engine.dispose()
    return path


def canned(kb: Path, query: str, **params: str) -> list[sqlite3.Row]:
    with sqlite3.connect(kb) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(CANNED_QUERIES[query]["sql"], params).fetchall()


def test_metadata_describes_every_table_from_the_models():
    meta = build_metadata("kb")
    assert meta["title"] == "cartelkb: kb"
    tables = meta["databases"]["kb"]["tables"]
    for name, table in Base.metadata.tables.items():
        assert tables[name]["description"], name
        assert set(tables[name]["columns"]) == {c.name for c in table.columns}, name
    assert tables["places"]["description"] == (
        "Where a place entity (GPE, LOC) is, from the offline gazetteer (`cartelkb.geocode`)."
    )
    assert tables["places"]["columns"]["country_code"] == 'ISO 3166-1 alpha-2 ("MX", "US").'
    assert tables["claims"]["columns"]["subject_start"] == (
        "Character offset into articles.text (end exclusive)."
    )
    assert tables["entities"]["label_column"] == "name"
    assert tables["articles"]["label_column"] == "title"
    assert tables["alembic_version"] == {"hidden": True}
    assert set(tables) >= {"claims_named", "entity_summary", "timeline"}
    assert list(meta["databases"]["kb"]["queries"]) == [
        "who_is",
        "claims_about",
        "timeline_of",
        "articles_mentioning",
        "claim_sources",
        "claims_in_period",
        "sanctioned",
        "places",
    ]


def test_column_comments_come_from_the_source():
    comments = column_comments(Place)
    assert comments["matched"] == "The entity's name or alias that matched."
    assert comments["longitude"] == "WGS 84 degrees east, as latitude."
    assert "id" not in comments


def test_who_is(kb):
    (row,) = canned(kb, "who_is", name="sheinbaum")
    assert (row["name"], row["type"], row["aliases"]) == (
        "Claudia Sheinbaum",
        "PERSON",
        "Sheinbaum",
    )
    assert row["roles"] == "Mexico's President-elect; President; President-elect"
    assert (row["mention_count"], row["article_count"], row["claims_as_subject"]) == (8, 3, 14)
    (place,) = canned(kb, "who_is", name="Michoacan")
    assert (place["name"], place["place"], place["country_code"]) == (
        "Michoacán",
        "Michoacán de Ocampo",
        "MX",
    )


def test_claims_about_and_articles_mentioning(kb):
    rows = canned(kb, "claims_about", name="Sheinbaum")
    assert len(rows) == 16
    assert {r["role"] for r in rows} == {"subject", "object"}
    assert all(
        "Claudia Sheinbaum" in (r["subject_entity"], r["object_entity"], r["source_entity"])
        for r in rows
    )
    articles = canned(kb, "articles_mentioning", name="Sheinbaum")
    assert [(r["article_id"], r["mentions"]) for r in articles] == [(4, 2), (3, 4), (2, 2)]


def test_timeline_and_period(kb):
    rows = canned(kb, "timeline_of", name="United States")
    assert rows and all(r["day_start"] == "2024-08-29" for r in rows)
    with sqlite3.connect(kb) as conn:  # the seeds' only dated article is of 2024-08-29
        dated = conn.execute(
            "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id "
            "WHERE a.published = '2024-08-29'"
        ).fetchone()[0]
    assert dated > 0
    in_august = canned(kb, "claims_in_period", since="2024-08", until="2024-08")
    assert len(in_august) == dated
    assert canned(kb, "claims_in_period", since="2024-08-30", until="") == []
    assert canned(kb, "claims_in_period", since="", until="2024-08-28") == []
    assert len(canned(kb, "claims_in_period", since="", until="")) == dated


def test_sources_sanctioned_places(kb):
    sources = canned(kb, "claim_sources", about="")
    with sqlite3.connect(kb) as conn:
        nyt = conn.execute(
            "SELECT count(*) FROM claims c JOIN entities e ON e.id = c.source_entity_id "
            "WHERE e.name = 'The New York Times'"
        ).fetchone()[0]
        mexico = conn.execute(
            "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
            "WHERE e.name = 'Mexico'"
        ).fetchone()[0]
    counts = [r["claims"] for r in sources]
    assert counts == sorted(counts, reverse=True)  # most cited first
    assert ("The New York Times", nyt) in [(r["source"], r["claims"]) for r in sources]
    assert canned(kb, "sanctioned", name="") == []  # "considered designating" is not one
    places = canned(kb, "places", country="mx")
    assert [(r["entity"], r["level"], r["mentions"]) for r in places] == [
        ("Mexico", "country", mexico),
        ("Guerrero", "admin1", 1),
        ("Mexico City", "city", 1),
        ("Michoacán", "admin1", 1),
    ]
    assert all(r["latitude"] is not None for r in places)


def test_sqlite_only():
    with pytest.raises(ConfigError, match="needs an SQLite file: Datasette does not read"):
        sqlite_path("postgresql+psycopg://u:p@localhost/kb")
    assert sqlite_path("sqlite:////tmp/x/kb.db") == Path("/tmp/x/kb.db")


def test_plan_is_immutable_on_localhost_by_default(tmp_path):
    the_plan = plan(f"sqlite:///{tmp_path}/kb.db", metadata_path=tmp_path / "m.json")
    assert the_plan.command[1:] == [
        "-m",
        "datasette",
        "serve",
        "-i",
        f"{tmp_path}/kb.db",
        "--host",
        "127.0.0.1",
        "--port",
        "8001",
        "--metadata",
        f"{tmp_path}/m.json",
    ]
    assert the_plan.url == "http://127.0.0.1:8001/kb"
    live = plan(f"sqlite:///{tmp_path}/kb.db", live=True, host="::1", port=9000)
    assert live.command[4:6] == [f"{tmp_path}/kb.db", "--host"]
    assert live.url == "http://[::1]:9000/kb"


def test_cli_metadata_is_json(kb):
    result = runner.invoke(app, ["serve", "--db", str(kb), "--metadata", "--title", "Cartels"])
    assert result.exit_code == 0, result.output
    meta = json.loads(result.stdout)
    assert meta["title"] == "Cartels"
    assert set(meta["databases"]) == {"kb"}


def test_cli_refuses_postgresql_clearly():
    result = runner.invoke(app, ["serve", "--db", "postgresql+psycopg://u:p@localhost/kb"])
    assert result.exit_code == 1
    message = "".join(result.stderr.splitlines())
    assert message.startswith("Error: cartelkb serve needs an SQLite file")
    assert "cartelkb export --format sqlite -o kb.db" in message


def test_cli_says_how_to_install_datasette(kb, monkeypatch):
    monkeypatch.setattr(serve_mod, "datasette_available", lambda: False)
    result = runner.invoke(app, ["serve", "--db", str(kb)])
    assert result.exit_code == 1
    message = "".join(result.stderr.splitlines())
    assert "needs Datasette, which is not installed" in message
    assert 'pip install -e ".[serve]"' in message


def test_serve_checkpoints_and_runs_datasette_with_the_metadata(kb, monkeypatch):
    seen: dict[str, object] = {}

    def fake_run(command: list[str]) -> int:
        metadata = Path(command[command.index("--metadata") + 1])
        seen["command"] = command
        seen["metadata"] = json.loads(metadata.read_text(encoding="utf-8"))
        return 0

    monkeypatch.setattr(serve_mod, "datasette_available", lambda: True)
    monkeypatch.setattr(serve_mod, "_run", fake_run)
    result = runner.invoke(app, ["serve", "--db", str(kb), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "(immutable) at http://127.0.0.1:8123/kb" in "".join(result.stderr.splitlines())
    assert seen["metadata"]["databases"]["kb"]["queries"]["who_is"]["title"] == "Who is X?"  # type: ignore[index]
    wal = kb.with_name("kb.db-wal")
    assert not wal.exists() or wal.stat().st_size == 0
