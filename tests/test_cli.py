"""Tests for cartelkb.cli: every command wired end to end with CliRunner on temporary databases."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
import typer
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.records import Export

runner = CliRunner()

SUMMARY_KEYS = {
    "added",
    "updated",
    "unchanged",
    "failed",
    "articles",
    "entities",
    "mentions",
    "dates",
    "claims",
    "database",
    "interrupted",
    "failures",
}
TABLES = ("articles", "article_paths", "entities", "entity_aliases", "mentions", "dates", "claims")


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def unwrapped(text: str) -> str:
    """stderr as one string: rich folds long lines (and long paths) at 80 columns."""
    return "".join(text.splitlines())


def db_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def copy_database(url: str, dest: Path) -> Path:
    """A private copy of a database (through SQLite's backup API, so WAL content comes too)."""
    source = sqlite3.connect(db_path(url))
    target = sqlite3.connect(dest)
    with target:
        source.backup(target)
    source.close()
    target.close()
    return dest


def snapshot(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}


def json_out(result) -> object:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def assert_clean_error(result, *fragments: str) -> None:
    """Exit 1, `Error: ...` on stderr, nothing on stdout, no traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.stdout == ""
    err = unwrapped(result.stderr)
    assert err.startswith("Error: ")
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in err


@pytest.fixture(scope="module")
def seeded(seeded_db) -> Path:
    """The shared seeded database, as a --db path (read-only commands only)."""
    return db_path(seeded_db)


@pytest.fixture(scope="module")
def cli_kb(tmp_path_factory, seeds_dir):
    """The five seed files copied to a temporary folder and ingested through the CLI."""
    root = tmp_path_factory.mktemp("cli")
    articles = root / "articles"
    shutil.copytree(seeds_dir, articles)
    db = root / "kb.db"
    result = invoke("ingest", articles, "--db", db)
    return SimpleNamespace(articles=articles, db=db, result=result)


# --- ingest -------------------------------------------------------------------------------


def test_ingest_prints_a_summary(cli_kb):
    result = cli_kb.result
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "articles: 5 added, 0 updated, 0 unchanged, 0 failed"
    assert lines[1].startswith("knowledge base: 5 articles, ")
    assert f"database: {cli_kb.db}" in lines
    counts = snapshot(cli_kb.db)
    assert len(counts["articles"]) == 5
    assert f"{len(counts['entities'])} entities" in lines[1]
    assert f"{len(counts['mentions'])} mentions" in lines[1]


def test_ingest_json_summary(tmp_path, seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))[:2]
    for f in files:
        shutil.copy(f, tmp_path / f.name)
    db = tmp_path / "kb.db"
    summary = json_out(
        invoke("ingest", *(tmp_path / f.name for f in files), "--db", db, "-f", "json")
    )
    assert set(summary) >= SUMMARY_KEYS
    assert (summary["added"], summary["updated"], summary["unchanged"], summary["failed"]) == (
        2,
        0,
        0,
        0,
    )
    assert summary["articles"] == 2
    assert summary["entities"] > 0 and summary["mentions"] >= summary["entities"]
    assert summary["failures"] == []
    assert summary["interrupted"] is False
    assert summary["database"] == str(db)


def test_reingest_unchanged_changes_nothing(cli_kb):
    before = snapshot(cli_kb.db)
    summary = json_out(invoke("ingest", cli_kb.articles, "--db", cli_kb.db, "--format", "json"))
    assert (summary["added"], summary["updated"], summary["unchanged"], summary["failed"]) == (
        0,
        0,
        5,
        0,
    )
    assert summary["articles"] == len(before["articles"])
    assert summary["entities"] == len(before["entities"])
    assert snapshot(cli_kb.db) == before  # same rows, same ids


def test_ingest_missing_path_fails_naming_it(tmp_path):
    missing = tmp_path / "no-such-article.txt"
    result = invoke("ingest", missing, "--db", tmp_path / "kb.db")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert str(missing) in unwrapped(result.stderr)
    assert "does not exist" in unwrapped(result.stderr)
    assert "0 added" in result.stdout and "1 failed" in result.stdout


def test_ingest_that_stores_nothing_leaves_no_new_database(tmp_path):
    db = tmp_path / "kb.db"
    result = invoke("ingest", tmp_path / "no-such-article.txt", "--db", db)
    assert result.exit_code == 1
    assert f"database: none written ({db} would hold no article)" in unwrapped(result.stdout)
    assert list(tmp_path.iterdir()) == []  # nor its -wal and -shm files
    result = invoke("query", "--entity", "Sheinbaum", "--db", db)
    assert_clean_error(result, f"no database at {db}")


def test_ingest_strict_with_only_missing_paths_leaves_no_database(tmp_path):
    db = tmp_path / "kb.db"
    result = invoke("ingest", tmp_path / "typo.txt", "--db", db, "--strict")
    assert result.exit_code == 1
    assert "does not exist" in unwrapped(result.output)
    assert list(tmp_path.iterdir()) == []


def test_ingest_that_stores_nothing_keeps_an_existing_database(tmp_path):
    db = tmp_path / "kb.db"
    article = tmp_path / "a.txt"
    article.write_text("Mexico's president spoke in Sinaloa on Monday.\n", encoding="utf-8")
    assert invoke("ingest", article, "--db", db).exit_code == 0
    result = invoke("ingest", tmp_path / "gone.txt", "--db", db, "-f", "json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["database"] == str(db) and summary["articles"] == 1
    assert db.exists()


def test_ingest_missing_path_json_lists_the_failure(tmp_path):
    missing = tmp_path / "gone"
    result = invoke("ingest", missing, "--db", tmp_path / "kb.db", "-f", "json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["failed"] == 1
    [failure] = summary["failures"]
    assert failure["path"] == str(missing)
    assert "does not exist" in failure["reason"]


def test_ingest_failure_reason_is_one_line(tmp_path):
    missing = tmp_path / "a-folder-with-a-rather-long-name" / "and-an-article-name.txt"
    result = invoke("ingest", missing, "--db", tmp_path / "kb.db")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert str(missing) in lines[0] and "does not exist" in lines[0]


# --- query --------------------------------------------------------------------------------


def test_query_table(seeded):
    result = invoke("query", "--entity", "Sheinbaum", "--db", seeded)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Claudia Sheinbaum  (PERSON, entity #")
    assert "also: Sheinbaum" in result.stdout
    assert "Articles" in result.stdout
    # Claims are grouped by the entity's role, each with its sentence and offsets.
    assert "As subject (" in result.stdout
    assert "reject" in result.stdout and "article " in result.stdout
    assert "No entity is named" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_query_json(seeded):
    data = json_out(invoke("query", "--entity", "Sheinbaum", "--db", seeded, "--format", "json"))
    assert data["exact"] is True
    [card] = data["entities"]
    assert (card["name"], card["type"]) == ("Claudia Sheinbaum", "PERSON")
    assert card["article_count"] == 3 and len(card["articles"]) == 3
    assert card["mention_count"] == sum(a["mentions"] for a in card["articles"])
    assert "Sheinbaum" in card["aliases"]
    assert card["claims"]
    for claim in card["claims"]:
        assert claim["role"] in {"subject", "object", "source"}
        assert card["id"] == claim[f"{claim['role']}_entity_id"]
        assert claim["sentence"] and claim["start"] < claim["end"]


def test_query_why_shows_provenance(seeded):
    result = invoke("query", "--entity", "El Mencho", "--why", "--db", seeded)
    assert result.exit_code == 0, result.output
    assert "Nemesio Oseguera Cervantes" in result.stdout
    assert "How this entity was built" in result.stdout


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("sheinbaum", "Claudia Sheinbaum"),
        ("SHEINBAUM", "Claudia Sheinbaum"),
        ("claudia sheinbaum", "Claudia Sheinbaum"),
        ("Sheinbaum's", "Claudia Sheinbaum"),
        ("Michoacan", "Michoacán"),
        ("michoacán", "Michoacán"),
        ("US", "United States"),
        ("u.s.", "United States"),
        ("the United States", "United States"),
        ("El Mencho", "Nemesio Oseguera Cervantes"),
        ("Oseguera", "Nemesio Oseguera Cervantes"),
        ("DEA", "Drug Enforcement Administration"),
    ],
)
def test_query_is_case_accent_and_punctuation_insensitive(seeded, name, canonical):
    data = json_out(invoke("query", "--entity", name, "--db", seeded, "-f", "json"))
    assert data["exact"] is True
    assert [e["name"] for e in data["entities"]] == [canonical]


def test_query_close_matches(seeded):
    result = invoke("query", "--entity", "Cartel", "--db", seeded)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("No entity is named 'Cartel'; close matches:")
    assert "Jalisco New Generation Cartel" in result.stdout
    data = json_out(invoke("query", "--entity", "Cartel", "--db", seeded, "-f", "json"))
    assert data["exact"] is False
    assert "Jalisco New Generation Cartel" in [e["name"] for e in data["entities"]]


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_query_no_match(seeded, fmt):
    result = invoke("query", "--entity", "Xyzzy Qwerty", "--db", seeded, "-f", fmt)
    assert_clean_error(result, "no entity matches 'Xyzzy Qwerty'")


def test_query_no_match_suggests_names(seeded):
    result = invoke("query", "--entity", "Sheinbam", "--db", seeded)
    assert_clean_error(result, "no entity matches", "did you mean", "Sheinbaum")


def test_query_unmatched_name_with_brackets_is_a_clean_error(seeded):
    result = invoke("query", "--entity", "[/zzqq]", "--db", seeded)
    assert_clean_error(result, "no entity matches '[/zzqq]'")


def test_query_close_match_name_with_brackets_is_printed_verbatim(seeded):
    result = invoke("query", "--entity", "[/x]", "--db", seeded)
    assert result.exit_code == 0, repr(result.exception)
    assert result.stdout.startswith("No entity is named '[/x]'; close matches:")


# --- claims, entities, export -------------------------------------------------------------


def test_claims_by_subject(seeded):
    sheinbaum = json_out(invoke("query", "-e", "Sheinbaum", "--db", seeded, "-f", "json"))
    entity_id = sheinbaum["entities"][0]["id"]
    claims = json_out(invoke("claims", "--subject", "Sheinbaum", "--db", seeded, "-f", "json"))
    assert claims
    for claim in claims:
        assert claim["subject_entity_id"] == entity_id or "sheinbaum" in claim["subject"].lower()
        assert claim["action"] and claim["sentence"]
    assert any(c["action"] == "reject" for c in claims)


def test_claims_table_and_filters(seeded):
    result = invoke("claims", "--subject", "Sheinbaum", "--action", "reject", "--db", seeded)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Claims (") and lines[0] != "Claims (0)"
    assert any("reject" in line for line in lines[1:])
    assert any(line.strip().startswith("“") for line in lines)  # the sentence is quoted
    none = invoke("claims", "--action", "no-such-action", "--db", seeded)
    assert none.exit_code == 0 and "No claim matches" in none.stdout
    negated = json_out(invoke("claims", "--negated", "--db", seeded, "-f", "json"))
    assert negated and all(c["negated"] for c in negated)
    limited = json_out(invoke("claims", "--limit", "2", "--db", seeded, "-f", "json"))
    assert len(limited) == 2


def test_entities_list_by_type(seeded):
    rows = json_out(invoke("entities", "list", "--type", "PERSON", "--db", seeded, "-f", "json"))
    assert rows
    assert {r["type"] for r in rows} == {"PERSON"}
    names = [r["name"] for r in rows]
    assert "Claudia Sheinbaum" in names and "Donald Trump" in names
    counts = [r["mention_count"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert set(rows[0]) == {"id", "name", "type", "aliases", "mention_count", "article_count"}


def test_entities_list_table(seeded):
    result = invoke("entities", "list", "--type", "gpe", "--min-mentions", "2", "--db", seeded)
    assert result.exit_code == 0, result.output
    assert "Mexico" in result.stdout and "United States" in result.stdout
    assert "Michoacán" not in result.stdout  # mentioned once


def test_entities_list_unknown_type(seeded):
    assert_clean_error(
        invoke("entities", "list", "--type", "CITY", "--db", seeded), "unknown type 'CITY'"
    )


def test_export_json_shape(seeded):
    data = json_out(invoke("export", "--format", "json", "--db", seeded))
    Export.model_validate(data)
    assert {"cartelkb_version", "articles", "entities"} <= set(data)
    assert len(data["articles"]) == 5
    entity_ids = {e["id"] for e in data["entities"]}
    for entity in data["entities"]:
        assert {"id", "name", "type", "aliases"} <= set(entity)
        assert entity["type"] in {"PERSON", "ORG", "GPE", "LOC"}
    for article in data["articles"]:
        assert {"id", "sha256", "text", "title", "author", "published"} <= set(article)
        text = article["text"]
        assert article["mentions"] and article["claims"]
        for m in article["mentions"]:
            assert {"entity_id", "text", "label", "start", "end"} <= set(m)
            assert m["entity_id"] in entity_ids
            assert text[m["start"] : m["end"]] == m["text"]
        for d in article["dates"]:
            assert {"text", "value", "precision", "start", "end"} <= set(d)
            assert text[d["start"] : d["end"]] == d["text"]
        for c in article["claims"]:
            assert {
                "subject",
                "action",
                "action_text",
                "object",
                "source",
                "negated",
                "hedged",
                "date",
                "sentence",
                "start",
                "end",
            } <= set(c)
            assert text[c["start"] : c["end"]] == c["sentence"]
            for role in ("subject", "object", "source"):
                ref = c[role]
                if ref is not None and ref["start"] is not None:
                    assert text[ref["start"] : ref["end"]] == ref["text"]


def test_export_to_a_file(seeded, tmp_path):
    out = tmp_path / "kb.json"
    result = invoke("export", "-o", out, "--db", seeded)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))["articles"]) == 5


def test_export_schema_is_json_schema():
    schema = json_out(invoke("export", "--schema"))
    assert schema["type"] == "object"
    assert {"cartelkb_version", "articles", "entities"} <= set(schema["properties"])
    assert set(schema["required"]) >= {"articles", "entities"}
    defs = schema["$defs"]
    assert {"ExportArticle", "ExportMention", "ExportDate", "ExportClaim", "ExportEntity"} <= set(
        defs
    )
    for definition in defs.values():
        assert "properties" in definition or "enum" in definition
    # Every $ref points at a definition that exists.
    refs = set()

    def collect(node):
        if isinstance(node, dict):
            if "$ref" in node:
                refs.add(node["$ref"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(schema)
    assert refs
    assert {r.removeprefix("#/$defs/") for r in refs} <= set(defs)
    assert set(defs["ExportMention"]["properties"]) >= {
        "entity_id",
        "text",
        "label",
        "start",
        "end",
    }


def test_export_unknown_format(seeded):
    assert_clean_error(invoke("export", "--format", "xml", "--db", seeded), "unknown export format")


def test_eval_json(seeded, gold_path):
    report = json_out(invoke("eval", gold_path, "--db", seeded, "-f", "json"))
    assert report["articles_scored"] == 5
    assert report["entity_recall"]["total"] > 0


# --- curation commands (on a private copy) --------------------------------------------------


def test_entities_alias_then_query_by_alias(seeded_db, tmp_path):
    db = copy_database(seeded_db, tmp_path / "kb.db")
    result = invoke("entities", "alias", "Claudia Sheinbaum", "La Presidenta", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("alias: now #")
    data = json_out(invoke("query", "-e", "la presidenta", "--db", db, "-f", "json"))
    assert [e["name"] for e in data["entities"]] == ["Claudia Sheinbaum"]


def test_entities_rename(seeded_db, tmp_path):
    db = copy_database(seeded_db, tmp_path / "kb.db")
    result = invoke("entities", "rename", "AP News", "The Associated Press", "--db", db)
    assert result.exit_code == 0, result.output
    assert "The Associated Press (ORG)" in result.stdout


def test_entities_merge_person_with_org_is_refused(seeded_db, tmp_path):
    db = copy_database(seeded_db, tmp_path / "kb.db")
    before = snapshot(db)
    result = invoke("entities", "merge", "Donald Trump", "Trump administration", "--db", db)
    assert_clean_error(result, "cannot merge", "retype it first", "cartelkb entities retype")
    assert snapshot(db) == before


def entity_id(db: Path, name: str) -> int:
    [card] = json_out(invoke("query", "-e", name, "--db", db, "-f", "json"))["entities"]
    return int(card["id"])


def test_entities_retype_then_merge_by_ids(seeded_db, tmp_path):
    db = copy_database(seeded_db, tmp_path / "kb.db")
    trump, admin = entity_id(db, "Donald Trump"), entity_id(db, "Trump administration")
    result = invoke("entities", "retype", f"#{admin}", "person", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"retype: now #{admin} Trump administration (PERSON)"
    result = invoke("entities", "merge", str(trump), f"#{admin}", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"merge: now #{trump} Donald Trump (PERSON)"
    data = json_out(invoke("query", "-e", f"#{trump}", "--db", db, "-f", "json"))
    assert [e["name"] for e in data["entities"]] == ["Donald Trump"]
    assert entity_id(db, "Trump administration") == trump


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (("retype", "Mexico", "CITY"), ("unknown type 'CITY'",)),
        (("rename", "#999999", "X"), ("no entity #999999",)),
        (("split", "Sheinbam", "X"), ("no entity matches 'Sheinbam'", "did you mean")),
        (("alias", "Marco Rubio", "of the"), ("not a name",)),
    ],
)
def test_entities_curation_errors(seeded_db, tmp_path, args, fragments):
    db = copy_database(seeded_db, tmp_path / "kb.db")
    before = snapshot(db)
    assert_clean_error(invoke("entities", *args, "--db", db), *fragments)
    assert snapshot(db) == before


def test_entities_split_alias_rename_by_id(seeded_db, tmp_path):
    db = copy_database(seeded_db, tmp_path / "kb.db")
    nemesio = entity_id(db, "Nemesio Oseguera Cervantes")
    result = invoke("entities", "split", f"#{nemesio}", "El Mencho", "--db", db)
    assert result.exit_code == 0, result.output
    mencho = entity_id(db, "El Mencho")
    assert mencho != nemesio
    assert invoke("entities", "alias", str(mencho), "Mencho", "--db", db).exit_code == 0
    result = invoke("entities", "rename", f"#{mencho}", "El Mencho (alias)", "--db", db)
    assert result.stdout.strip() == f"rename: now #{mencho} El Mencho (alias) (PERSON)"
    assert entity_id(db, "Mencho") == mencho


def test_entities_list_name_searches_aliases(seeded):
    rows = json_out(invoke("entities", "list", "--name", "mencho", "--db", seeded, "-f", "json"))
    assert [r["name"] for r in rows] == ["Nemesio Oseguera Cervantes"]


# --- help text ----------------------------------------------------------------------------


def _walk(command, path: tuple[str, ...] = ()):
    yield path, command
    # typer vendors its own click, so duck-type groups rather than isinstance(click.Group).
    for name, sub in getattr(command, "commands", {}).items():
        yield from _walk(sub, (*path, name))


COMMANDS = list(_walk(typer.main.get_command(app)))


def test_command_tree_is_complete():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {
        "",
        "ingest",
        "query",
        "claims",
        "export",
        "eval",
        "entities",
        "entities list",
        "entities merge",
        "entities split",
        "entities alias",
        "entities rename",
        "entities retype",
    } <= names


@pytest.mark.parametrize(
    "command", [c for _, c in COMMANDS], ids=[" ".join(p) or "cartelkb" for p, _ in COMMANDS]
)
def test_every_command_and_parameter_has_help(command):
    assert (command.help or "").strip(), f"{command.name} has no help text"
    for param in command.params:
        assert (getattr(param, "help", None) or "").strip(), (
            f"{command.name}: {param.name} has no help"
        )


@pytest.mark.parametrize(
    "path", [p for p, _ in COMMANDS], ids=[" ".join(p) or "cartelkb" for p, _ in COMMANDS]
)
def test_help_option_prints_the_help(path):
    command = dict(COMMANDS)[path]
    result = invoke(*path, "--help")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert "Usage:" in flat
    first_line = " ".join(command.help.strip().splitlines()[0].split())
    assert first_line[:60] in flat


# --- user mistakes are one-line errors ----------------------------------------------------

READ_COMMANDS = [
    pytest.param(["query", "--entity", "Mexico"], id="query"),
    pytest.param(["claims"], id="claims"),
    pytest.param(["export"], id="export"),
    pytest.param(["entities", "list"], id="entities-list"),
    pytest.param(["entities", "merge", "Mexico", "Mexico City"], id="entities-merge"),
    pytest.param(["entities", "split", "Mexico", "Mexican"], id="entities-split"),
    pytest.param(["entities", "alias", "Mexico", "México"], id="entities-alias"),
    pytest.param(["entities", "rename", "Mexico", "México"], id="entities-rename"),
    pytest.param(["eval", "gold.json"], id="eval"),
]


@pytest.mark.parametrize("args", READ_COMMANDS)
def test_missing_database_is_an_error_and_not_created(tmp_path, args):
    db = tmp_path / "nothing-here.db"
    result = invoke(*args, "--db", db)
    assert_clean_error(result, f"no database at {db}", "run `cartelkb ingest")
    assert not db.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args", [*READ_COMMANDS, pytest.param(["ingest", "missing.txt"], id="ingest")]
)
def test_db_that_is_a_directory_is_an_error(tmp_path, args):
    result = invoke(*args, "--db", tmp_path)
    assert_clean_error(result, f"--db '{tmp_path}' is a directory")
    assert list(tmp_path.iterdir()) == []


def test_no_arguments_shows_help():
    result = invoke()
    assert "Usage:" in result.output
    assert "Traceback" not in result.output


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("cartelkb ")


# --- the program entry point ----------------------------------------------------------------


def _gc_seen_by(command: list[str], patch_target: str, monkeypatch) -> list[bool]:
    """Run `cartelkb.cli.run()` with argv; record gc.isenabled() inside `patch_target`."""
    import gc
    import importlib

    import cartelkb.cli as cli

    module_name, attr = patch_target.rsplit(".", 1)
    module = importlib.import_module(module_name)
    real = getattr(module, attr)
    seen: list[bool] = []

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, attr, spy)
    monkeypatch.setattr("sys.argv", ["cartelkb", *command])
    with pytest.raises(SystemExit):
        cli.run()
    assert gc.isenabled()  # restored for whoever called run()
    return seen


def test_run_pauses_the_collector_for_a_lookup(seeded, monkeypatch, capsys):
    seen = _gc_seen_by(
        ["query", "--entity", "Sheinbaum", "--db", str(seeded)],
        "cartelkb.query.lookup",
        monkeypatch,
    )
    assert seen == [False]
    assert "Claudia Sheinbaum" in capsys.readouterr().out


def test_run_keeps_the_collector_for_an_ingest(tmp_path, seeds_dir, monkeypatch, capsys):
    one = tmp_path / "in"
    one.mkdir()
    shutil.copy(next(iter(sorted(seeds_dir.glob("*.txt")))), one)
    seen = _gc_seen_by(
        ["ingest", str(one), "--db", str(tmp_path / "kb.db")], "cartelkb.ingest.ingest", monkeypatch
    )
    assert seen == [True]


@pytest.mark.parametrize(
    ("argv", "target"),
    [
        (["query", "--entity", "x"], "cartelkb.query.lookup"),
        (["claims", "--subject", "x"], "cartelkb.query.search_claims"),
        (["entities", "list"], "cartelkb.query.list_entities"),
        (["entities", "rename", "a", "b"], "cartelkb.curation.record"),
        (["export"], "cartelkb.export.build_export"),
    ],
)
def test_a_library_error_is_reported_once_by_the_app(argv, target, seeded, monkeypatch):
    """Commands do not catch CartelKBError themselves: the app prints it, exit status 1."""
    from cartelkb.errors import CartelKBError

    def broken(*args, **kwargs):
        raise CartelKBError("the thing is wrong; do this instead")

    monkeypatch.setattr(target, broken)
    result = invoke(*argv, "--db", seeded)
    assert result.exit_code == 1
    assert result.output.count("Error: the thing is wrong; do this instead") == 1
    assert "Traceback" not in result.output


def test_a_bug_is_not_disguised_as_a_user_error(seeded, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("bug")

    monkeypatch.setattr("cartelkb.query.lookup", broken)
    result = invoke("query", "--entity", "x", "--db", seeded)
    assert isinstance(result.exception, ZeroDivisionError)
    assert "Error:" not in result.output


def test_claims_that_match_nothing_say_which_name_is_unknown(seeded):
    result = runner.invoke(app, ["claims", "--subject", "Sheinbam", "--db", str(seeded)])
    assert result.exit_code == 0
    assert "No claim matches these filters." in result.output
    assert "No entity is named 'Sheinbam'; did you mean: Sheinbaum (Claudia Sheinbaum)?" in (
        result.output
    )
    known = runner.invoke(
        app, ["claims", "--subject", "Sheinbaum", "--negated", "--db", str(seeded)]
    )
    assert "No entity is named" not in known.output
