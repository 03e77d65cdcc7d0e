"""Full-text search (`cartelkb search`): the query syntax, ranking, and the index in step."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.errors import ConfigError
from cartelkb.query import fts5_query, search
from cartelkb.store.db import open_database, read_scope

runner = CliRunner()


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Sheinbaum sovereignty", '"Sheinbaum" "sovereignty"'),
        ('"El Mencho" CJNG', '"El Mencho" "CJNG"'),
        ("fentanyl OR heroin", '"fentanyl" OR "heroin"'),
        ("cartel -Sinaloa", '("cartel") NOT "Sinaloa"'),
        ("extradit*", '"extradit"*'),
        ("U.S. Guzmán-López", '"U.S." "Guzmán-López"'),
        ('say "he said ""no"""', '"say" "he said " "no"'),  # stray quotes stay text
        ("OR troops OR", '"troops"'),
    ],
)
def test_web_search_syntax_becomes_a_safe_fts5_query(text, query):
    assert fts5_query(text) == query


@pytest.mark.parametrize("text", ["", "   ", "-troops", "OR", '""'])
def test_nothing_to_search_for(text):
    with pytest.raises(ConfigError, match="nothing to search for"):
        fts5_query(text)


@pytest.fixture(scope="module")
def conn(seeded_db):
    with read_scope(open_database(seeded_db, create=False)) as c:
        yield c


def test_search_finds_articles_and_sentences(conn):
    hits = search(conn, "Sheinbaum sovereignty")
    articles = {h.article_id for h in hits if h.kind == "article"}
    assert len(articles) == 3
    claims = [h for h in hits if h.kind == "claim"]
    assert claims and all(
        "[Sheinbaum]" in h.snippet and "[sovereignty]" in h.snippet for h in claims
    )
    ranks = [h.rank for h in hits if h.kind == "article"]
    assert ranks == sorted(ranks)  # best first


def test_a_sentence_with_several_claims_is_one_hit(conn):
    claims = search(conn, "Mencho", kinds=("claim",))
    sentences = [(h.article_id, h.snippet) for h in claims]
    assert len(sentences) == len(set(sentences)) == 1


def test_exclusion_or_prefix_and_accents(conn):
    with_troops = {h.article_id for h in search(conn, "Sheinbaum", kinds=("article",))}
    without = {h.article_id for h in search(conn, "Sheinbaum -troops", kinds=("article",))}
    assert without < with_troops
    either = {h.article_id for h in search(conn, "Rubio OR Mencho", kinds=("article",))}
    assert either == {h.article_id for h in search(conn, "Rubio", kinds=("article",))} | {
        h.article_id for h in search(conn, "Mencho", kinds=("article",))
    }
    assert search(conn, "extradit*", kinds=("article",))  # "extradition"
    assert {h.article_id for h in search(conn, "michoacan")} == {
        h.article_id for h in search(conn, "Michoacán")
    }


def test_the_index_follows_re_ingest_and_deletion(tmp_path, seeds_dir):
    db = tmp_path / "kb.db"
    assert runner.invoke(app, ["ingest", str(seeds_dir), "--db", str(db)]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(seeds_dir), "--db", str(db), "--force"]).exit_code == 0
    with closing(sqlite3.connect(db)) as c:
        assert c.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        assert c.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
        ids = {r[0] for r in c.execute("SELECT id FROM articles")}
    result = runner.invoke(app, ["search", "Sheinbaum", "--db", str(db), "-f", "json"])
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert hits and {h["article_id"] for h in hits} <= ids


def test_search_command(seeded_db):
    result = runner.invoke(app, ["search", '"El Mencho"', "--db", seeded_db])
    assert result.exit_code == 0
    assert "Articles (1)" in result.stdout and "Claims (1)" in result.stdout
    nothing = runner.invoke(app, ["search", "zzzqqq", "--db", seeded_db])
    assert nothing.exit_code == 0 and "Nothing matches." in nothing.stdout
    bad = runner.invoke(app, ["search", "--db", seeded_db, "--", "-troops"])
    assert bad.exit_code == 1 and "nothing to search for" in bad.output
