"""Metadata from outside the text: `--manifest` (CSV or JSON Lines) and `--published`."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.errors import InputError
from cartelkb.manifest import Metadata, parse_published, read_manifest
from cartelkb.records import RawArticle

runner = CliRunner()


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def raw(**kw) -> RawArticle:  # type: ignore[no-untyped-def]
    return RawArticle(source_path="a.txt", sha256="0" * 64, text="x", **kw)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-08-29", ("2024-08-29", "day")),
        ("2024-08", ("2024-08", "month")),
        ("2024", ("2024", "year")),
    ],
)
def test_published_values(value, expected):
    assert parse_published(value, "row 2: published") == expected


@pytest.mark.parametrize(
    "value", ["2024-13-01", "29/08/2024", "Aug 29, 2024", "2024-W05", "24", "2024-SU"]
)
def test_published_values_that_are_not_dates(value):
    with pytest.raises(InputError, match="row 2: published .* is not a date"):
        parse_published(value, "row 2: published")


def test_csv_manifest_by_path_and_by_file_name(tmp_path):
    (tmp_path / "sub").mkdir()
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "path,title,published,author,url,outlet\n"
        "sub/a.txt,A Title,2024-08-29,Jane Doe,https://x.gov/a,DEA\n"
        "b.txt,,2023,,,\n",
        encoding="utf-8",
    )
    found = read_manifest(manifest)
    assert len(found) == 2
    a = found.lookup(tmp_path / "sub" / "a.txt")
    assert a == Metadata("A Title", "2024-08-29", "day", "Jane Doe", "https://x.gov/a", "DEA")
    # a file elsewhere with a name only one row has
    assert found.lookup(tmp_path / "elsewhere" / "b.txt") == Metadata(
        published="2023", published_precision="year"
    )
    assert found.lookup(tmp_path / "c.txt") is None
    assert found.unused() == []


def test_jsonl_manifest(tmp_path):
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(
        json.dumps({"path": "a.txt", "published": "2024-08", "outlet": "VOA"})
        + "\n\n"
        + json.dumps({"path": "/abs/b.txt"})
        + "\n",
        encoding="utf-8",
    )
    found = read_manifest(manifest)
    assert found.lookup(tmp_path / "a.txt") == Metadata(
        published="2024-08", published_precision="month", outlet="VOA"
    )
    assert found.unused() == [Path("/abs/b.txt")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("file,title\na.txt,x\n", "a header row naming a 'path' column"),
        ("path,colour\na.txt,red\n", "line 2: unknown column(s) colour"),
        ("path,published\na.txt,yesterday\n", "line 2: published 'yesterday' is not a date"),
        ("path\na.txt\na.txt\n", "line 3: a.txt is listed twice"),
        ("path,title\n,x\n", "line 2: the path is missing"),
        ("path\na.txt,extra\n", "more cells than the header"),
        ('{"path": "a.txt"}\n{"path": \n', "line 2: not a JSON object"),
        ('{"path": "a.txt", "published": 2024}\n', "published must be text"),
    ],
)
def test_malformed_manifests_name_the_line(tmp_path, content, message):
    manifest = tmp_path / "m.csv"
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_manifest(manifest)
    assert message in str(caught.value)


def test_stated_metadata_wins_and_says_where_it_came_from():
    article = raw(
        title="Guessed", author="Guess", published="2020-01-01", published_precision="day"
    )
    stated = Metadata(title="Real", published="2024-08", published_precision="month", outlet="DEA")
    got = stated.apply(article)
    assert (got.title, got.author, got.published, got.published_precision, got.outlet) == (
        "Real", "Guess", "2024-08", "month", "DEA"
    )  # fmt: skip
    assert got.metadata_source == "manifest" and got.sha256 == article.sha256
    assert Metadata().apply(article).metadata_source == "text"
    assert (
        Metadata(published="2024", published_precision="year")
        .apply(article, "option")
        .metadata_source
        == "option"
    )


TEXT = (
    "Cartel Leader Arrested\n\n"
    "Mexican authorities arrested the cartel leader on Tuesday, officials said.\n"
)


def stored(db: Path) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(
            "SELECT a.published, a.outlet, a.metadata_source, d.text, d.value "
            "FROM articles a JOIN dates d ON d.article_id = a.id ORDER BY a.id"
        ).fetchall()


def test_manifest_date_is_the_base_of_relative_dates_and_a_new_one_reextracts(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "kb.db"
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(
        json.dumps({"path": "a.txt", "published": "2024-08-29", "outlet": "DEA"}), encoding="utf-8"
    )
    result = invoke("ingest", article, "--manifest", manifest, "--db", db)
    assert result.exit_code == 0, result.output
    assert stored(db) == [("2024-08-29", "DEA", "manifest", "Tuesday", "2024-08-27")]
    # the same run again changes nothing
    assert (
        "0 added, 0 updated, 1 unchanged"
        in invoke("ingest", article, "--manifest", manifest, "--db", db).output
    )
    # a corrected date: the article is extracted again against it
    manifest.write_text(json.dumps({"path": "a.txt", "published": "2024-09-05"}), encoding="utf-8")
    result = invoke("ingest", article, "--manifest", manifest, "--db", db)
    assert "0 added, 1 updated, 0 unchanged" in result.output, result.output
    assert stored(db) == [("2024-09-05", "DEA", "manifest", "Tuesday", "2024-09-03")]
    # without a manifest, what was stated is kept
    assert "1 unchanged" in invoke("ingest", article, "--db", db).output
    assert stored(db)[0][:3] == ("2024-09-05", "DEA", "manifest")
    card = json.loads(invoke("query", "--entity", "Mexico", "--db", db, "-f", "json").stdout)
    [ref] = card["entities"][0]["articles"]
    assert (ref["published"], ref["outlet"]) == ("2024-09-05", "DEA")


def test_published_option_for_one_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "kb.db"
    result = invoke("ingest", article, "--published", "2024-08-29", "--db", db)
    assert result.exit_code == 0, result.output
    assert stored(db) == [("2024-08-29", None, "option", "Tuesday", "2024-08-27")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "2024-08-29", "{dir}"], "--published gives the date of one file"),
        (["--published", "tomorrow", "{file}"], "--published 'tomorrow' is not a date"),
        (["--manifest", "{dir}/missing.csv", "{file}"], "cannot read manifest"),
    ],
)
def test_metadata_option_errors(tmp_path, args, message):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    argv = [a.replace("{dir}", str(tmp_path)).replace("{file}", str(article)) for a in args]
    result = invoke("ingest", *argv, "--db", tmp_path / "kb.db")
    assert result.exit_code == 1
    assert message in result.output
    assert not (tmp_path / "kb.db").exists() or "Traceback" not in result.output


def test_unused_manifest_rows_are_warned_about(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("path,published\na.txt,2024\ntypo.txt,2024\n", encoding="utf-8")
    result = invoke("ingest", article, "--manifest", manifest, "--db", tmp_path / "kb.db")
    assert result.exit_code == 0
    assert "no input file is" in result.output and "typo.txt" in result.output
