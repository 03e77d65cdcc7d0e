"""`cartelkb corroboration`: one claim in several articles, counted by source, not by report."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.corroboration import corroboration
from cartelkb.store.db import open_database, read_scope

runner = CliRunner()

# Two DEA releases, a VOA story citing officials, and a VOA story where someone denies it.
ARTICLES = {
    "a.txt": (
        "Fugitive Extradited\n\nOn Friday, Mexico extradited Carlos Mendoza to the United States.\n"
    ),
    "b.txt": (
        "Mendoza Sent North\n\nOn Friday, Mexico extradited Carlos Mendoza to the United States."
        "\n\nHe faces charges in Texas.\n"
    ),
    "c.txt": (
        "Lawyer Disputes Report\n\n"
        "Mexico did not extradite Carlos Mendoza, Ana Ruiz said on Saturday.\n"
    ),
    "d.txt": (
        "Second Report\n\n"
        "Last week, Mexico extradited Carlos Mendoza to the United States, officials said.\n"
    ),
    "e.txt": "Unrelated\n\nOn Monday, Mexico arrested Luis Ortega in Sonora.\n",
}
MANIFEST = (
    "path,published,outlet\na.txt,2024-08-30,DEA\nb.txt,2024-08-30,DEA\n"
    "c.txt,2024-08-31,VOA\nd.txt,2024-09-04,VOA\ne.txt,2024-09-05,VOA\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corroboration")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "m.csv").write_text(MANIFEST, encoding="utf-8")
    path = folder / "kb.db"
    result = runner.invoke(
        app,
        ["ingest", str(folder), "--glob", "*.txt", "--manifest", str(folder / "m.csv"),
         "--db", str(path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return str(path)


@pytest.fixture(scope="module")
def conn(db):
    with read_scope(open_database(f"sqlite:///{db}", create=False)) as c:
        yield c


def test_one_claim_four_reports_three_sources_and_a_contradiction(conn):
    [group] = corroboration(conn)
    assert (group.subject, group.action, group.object) == ("Mexico", "extradite", "Carlos Mendoza")
    assert group.articles == 4
    # the two DEA releases are one source; the stories' speakers are their own sources
    assert group.sources == ["Ana Ruiz", "DEA", "officials"]
    assert (group.asserted, group.negated, group.contradiction) == (3, 1, True)


def test_filters(conn):
    assert corroboration(conn, min_sources=4) == []
    assert len(corroboration(conn, contradictions_only=True)) == 1
    assert len(corroboration(conn, entity="Carlos Mendoza")) == 1
    assert corroboration(conn, entity="Luis Ortega") == []  # stated once only


def test_corroboration_command(db):
    result = runner.invoke(app, ["corroboration", "--db", db])
    assert result.exit_code == 0, result.output
    assert "3 sources in 4 articles" in result.stdout and "CONTRADICTED" in result.stdout
    rows = json.loads(runner.invoke(app, ["corroboration", "--db", db, "-f", "json"]).stdout)
    assert rows[0]["source_count"] == 3 and len(rows[0]["claims"]) == 4
    empty = runner.invoke(app, ["corroboration", "--db", db, "--min-sources", "9", "-f", "csv"])
    assert empty.stdout.startswith("subject,action,object,articles,source_count")
