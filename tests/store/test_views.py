"""The SQL views users query directly (claims_named, entity_summary, timeline)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest


@pytest.fixture(scope="module")
def conn(seeded_db):
    with closing(sqlite3.connect(seeded_db.removeprefix("sqlite:///"))) as c:
        c.row_factory = sqlite3.Row
        yield c


def test_claims_named_has_every_claim_with_names(conn):
    total = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    rows = conn.execute("SELECT * FROM claims_named").fetchall()
    assert len(rows) == total
    reject = conn.execute(
        "SELECT subject_entity, source_entity, article_id FROM claims_named "
        "WHERE action = 'reject' AND subject_text = 'her'"
    ).fetchone()
    assert tuple(reject) == ("Claudia Sheinbaum", "The New York Times", 2)
    linked = conn.execute(
        "SELECT count(*) FROM claims_named WHERE subject_entity_id IS NOT NULL "
        "AND subject_entity IS NULL"
    ).fetchone()[0]
    assert linked == 0


def test_entity_summary_counts_agree_with_the_tables(conn):
    row = conn.execute("SELECT * FROM entity_summary WHERE name = 'Claudia Sheinbaum'").fetchone()
    entity_id = row["entity_id"]
    mentions = conn.execute(
        "SELECT count(*), count(DISTINCT article_id) FROM mentions WHERE entity_id = ?",
        (entity_id,),
    ).fetchone()
    assert (row["mention_count"], row["article_count"]) == tuple(mentions)
    subject = conn.execute(
        "SELECT count(*) FROM claims WHERE subject_entity_id = ?", (entity_id,)
    ).fetchone()[0]
    assert row["claims_as_subject"] == subject > 0
    assert "Sheinbaum" in row["aliases"].split("; ")
    assert row["type"] == "PERSON"
    assert (
        conn.execute("SELECT count(*) FROM entity_summary").fetchone()[0]
        == conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    )


def test_timeline_holds_dated_claims_only(conn):
    rows = conn.execute("SELECT * FROM timeline ORDER BY day_start").fetchall()
    assert rows  # the seed dated 2024-08-29
    assert all(r["day_start"] and r["day_end"] and r["day_start"] < r["day_end"] for r in rows)
    assert {r["dated_by"] for r in rows} <= {"claim", "article"}
    undated = conn.execute(
        "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id "
        "WHERE c.date_start IS NULL AND a.published_start IS NULL"
    ).fetchone()[0]
    total = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert len(rows) == total - undated
