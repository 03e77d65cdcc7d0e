"""Tests for `cartelkb export --format ftm|gexf|graphml|sqlite` and the modules behind them."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.geocode import geocode_places
from cartelkb.store.db import open_database, session_scope

runner = CliRunner()


@pytest.fixture(scope="module")
def kb(seeded_db, tmp_path_factory) -> Path:
    """A private copy of the seeds database, with its places geocoded."""
    path = tmp_path_factory.mktemp("exports") / "kb.db"
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


def export(kb: Path, fmt: str, out: Path):
    result = runner.invoke(app, ["export", "--format", fmt, "-o", str(out), "--db", str(kb)])
    assert result.exit_code == 0, result.output
    return result


# --- FollowTheMoney ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def ftm_lines(kb, tmp_path_factory) -> list[dict]:
    pytest.importorskip("followthemoney", reason='followthemoney: pip install -e ".[ftm]"')
    out = tmp_path_factory.mktemp("ftm") / "kb.ftm.json"
    result = export(kb, "ftm", out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert f"{len(lines)} FtM entities (" in "".join(result.stderr.splitlines())
    return lines


def sql(kb: Path, query: str) -> int:
    with sqlite3.connect(kb) as conn:
        return conn.execute(query).fetchone()[0]


def test_ftm_entities_are_valid_and_typed(ftm_lines, kb):
    model = pytest.importorskip("followthemoney").model

    for data in ftm_lines:
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.schema.validate(data) is None
        assert proxy.id == data["id"]
    schemas = Counter(d["schema"] for d in ftm_lines)
    # One FtM entity per article and per KB entity, of the schema its type maps to.
    assert schemas["Article"] == sql(kb, "SELECT count(*) FROM articles")
    assert schemas["Person"] == sql(kb, "SELECT count(*) FROM entities WHERE type = 'PERSON'")
    assert schemas["Organization"] + schemas["PublicBody"] == sql(
        kb, "SELECT count(*) FROM entities WHERE type = 'ORG'"
    )
    assert schemas["Address"] == sql(
        kb, "SELECT count(*) FROM entities WHERE type IN ('GPE', 'LOC')"
    )
    assert (
        0
        < schemas["UnknownLink"]
        <= sql(
            kb,
            "SELECT count(*) FROM claims WHERE subject_entity_id IS NOT NULL "
            "AND object_entity_id IS NOT NULL",
        )
    )


def by_name(lines: list[dict], name: str) -> dict:
    (found,) = [
        d for d in lines if name in d["properties"].get("name", d["properties"].get("full", []))
    ]
    return found


def test_ftm_literal_entities(ftm_lines, kb):
    from followthemoney.util import make_entity_id

    sheinbaum = by_name(ftm_lines, "Claudia Sheinbaum")
    assert sheinbaum["schema"] == "Person"
    assert sheinbaum["properties"] == {
        "name": ["Claudia Sheinbaum"],
        "alias": ["Sheinbaum"],
        "position": ["Mexico's President-elect", "President", "President-elect"],
    }
    assert sheinbaum["id"] == make_entity_id(
        "Person", "PERSON", "claudia sheinbaum", key_prefix="cartelkb"
    )
    mexico = by_name(ftm_lines, "Mexico")
    assert mexico["schema"] == "Address"
    assert mexico["properties"]["country"] == ["mx"]
    assert (mexico["properties"]["latitude"], mexico["properties"]["longitude"]) == (
        ["21.66573"],
        ["-100.52489"],
    )
    assert by_name(ftm_lines, "Drug Enforcement Administration")["schema"] == "PublicBody"
    with sqlite3.connect(kb) as conn:
        sha = conn.execute("SELECT sha256 FROM articles WHERE id = 2").fetchone()[0]
    article = next(d for d in ftm_lines if d["schema"] == "Article" and d["id"] == make_entity_id(
        "Article", sha, key_prefix="cartelkb"))  # fmt: skip
    assert article["properties"]["fileName"] == ["001_9aa123d84d044c96.txt"]
    assert article["properties"]["language"] == ["eng"]


def test_ftm_claims_link_exported_entities(ftm_lines, kb):
    ids = {d["id"] for d in ftm_lines}
    links = [d for d in ftm_lines if d["schema"] == "UnknownLink"]
    for link in links:
        p = link["properties"]
        assert {p["subject"][0], p["object"][0], p["proof"][0]} <= ids
        assert p["role"] and p["summary"]
    mentioned = [
        d
        for d in ftm_lines
        if d["schema"] == "Documentation" and d["properties"].get("role") == ["mentioned"]
    ]
    assert all(d["properties"]["namesMentioned"] for d in mentioned)
    # one per (article, entity) pair
    assert len(mentioned) == sql(
        kb, "SELECT count(*) FROM (SELECT DISTINCT article_id, entity_id FROM mentions)"
    )


def test_ftm_ids_are_stable(kb, tmp_path, ftm_lines):
    out = tmp_path / "again.json"
    export(kb, "ftm", out)
    again = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in again] == [d["id"] for d in ftm_lines]


def test_ftm_validate_command_accepts_the_file(kb, tmp_path):
    pytest.importorskip("followthemoney", reason='followthemoney: pip install -e ".[ftm]"')
    out = tmp_path / "kb.ftm.json"
    export(kb, "ftm", out)
    checked = tmp_path / "checked.json"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from followthemoney.cli.cli import cli; cli()",
            "validate",
            "-i",
            str(out),
            "-o",
            str(checked),
        ],  # fmt: skip
        check=True,
        capture_output=True,
    )
    mine = {d["id"]: d["properties"] for d in map(json.loads, out.read_text().splitlines())}
    theirs = {d["id"]: d["properties"] for d in map(json.loads, checked.read_text().splitlines())}
    assert mine == theirs


def test_ftm_missing_library_is_a_clear_error(kb, monkeypatch):
    monkeypatch.setitem(sys.modules, "followthemoney", None)
    result = runner.invoke(app, ["export", "-f", "ftm", "--db", str(kb)])
    assert result.exit_code == 1
    assert 'needs followthemoney, which is not installed: pip install -e ".[ftm]"' in "".join(
        result.stderr.splitlines()
    )


# --- networks ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_network_reads_back(kb, tmp_path, fmt):
    nx = pytest.importorskip("networkx", reason='networkx: pip install -e ".[graph]"')

    out = tmp_path / f"kb.{fmt}"
    result = export(kb, fmt, out)
    graph = nx.read_gexf(out) if fmt == "gexf" else nx.read_graphml(out)
    assert f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges" in result.stderr
    assert graph.is_directed() and graph.is_multigraph()
    assert graph.number_of_nodes() == sql(kb, "SELECT count(*) FROM entities")
    with sqlite3.connect(kb) as conn:
        sheinbaum, mentions, articles = conn.execute(
            "SELECT e.id, count(*), count(DISTINCT m.article_id) FROM entities e "
            "JOIN mentions m ON m.entity_id = e.id WHERE e.name = 'Claudia Sheinbaum'"
        ).fetchone()
        claim_edges = conn.execute(
            "SELECT subject_entity_id, object_entity_id, action, article_id FROM claims "
            "WHERE subject_entity_id IS NOT NULL AND object_entity_id IS NOT NULL"
        ).fetchall()
        pairs = conn.execute(
            "SELECT DISTINCT a.entity_id, b.entity_id FROM mentions a JOIN mentions b "
            "ON a.article_id = b.article_id AND a.sentence_start = b.sentence_start "
            "AND a.entity_id < b.entity_id"
        ).fetchall()
        mexico = conn.execute("SELECT id FROM entities WHERE name = 'Mexico'").fetchone()[0]
    assert graph.nodes[f"e{sheinbaum}"] == {
        "label": "Claudia Sheinbaum",
        "type": "PERSON",
        "mentions": mentions,
        "articles": articles,
    }
    assert graph.nodes[f"e{mexico}"]["latitude"] == 21.66573
    kinds = Counter(d["kind"] for _, _, d in graph.edges(data=True))
    assert kinds == {"co-occurrence": len(pairs), "claim": len(claim_edges)}
    exported = {
        (u, v, d["action"], d["article"])
        for u, v, d in graph.edges(data=True)
        if d["kind"] == "claim"
    }
    assert exported == {(f"e{s}", f"e{o}", a, art) for s, o, a, art in claim_edges}


def test_network_missing_library_is_a_clear_error(kb, monkeypatch):
    monkeypatch.setitem(sys.modules, "networkx", None)
    result = runner.invoke(app, ["export", "-f", "gexf", "--db", str(kb)])
    assert result.exit_code == 1
    assert "needs networkx" in result.stderr


# --- SQLite copy -------------------------------------------------------------------------


def test_sqlite_copy_has_every_row_and_search(kb, tmp_path):
    out = tmp_path / "copy.db"
    result = export(kb, "sqlite", out)
    assert "wrote" in result.stderr
    tables = ("articles", "entities", "entity_aliases", "mentions", "claims", "places")
    with sqlite3.connect(kb) as a, sqlite3.connect(out) as b:
        for table in tables:
            query = f"SELECT * FROM {table} ORDER BY id"
            # Timestamps are written by SQLAlchemy in the copy, with microseconds.
            copied = [
                tuple(v.removesuffix(".000000") if isinstance(v, str) else v for v in row)
                for row in b.execute(query)
            ]
            assert a.execute(query).fetchall() == copied, table
        hits = b.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'Sheinbaum'")
        naming = a.execute("SELECT id FROM claims WHERE sentence LIKE '%Sheinbaum%' ORDER BY id")
        assert sorted(hits.fetchall()) == naming.fetchall() != []
    again = runner.invoke(app, ["export", "-f", "sqlite", "-o", str(out), "--db", str(kb)])
    assert again.exit_code == 1
    assert "exists; give a new file name" in "".join(again.stderr.splitlines())
    no_output = runner.invoke(app, ["export", "-f", "sqlite", "--db", str(kb)])
    assert no_output.exit_code == 1
    assert "--format sqlite needs --output FILE" in no_output.stderr


def test_schema_is_for_json_only(kb):
    result = runner.invoke(app, ["export", "-f", "ftm", "--schema", "--db", str(kb)])
    assert result.exit_code == 1
    assert "--schema is the JSON Schema of --format json only" in result.stderr
