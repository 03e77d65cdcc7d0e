"""Tests for cartelkb.extract.reader.files: discover, stat checks, size limit, unreadable paths."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from cartelkb.errors import InputError
from cartelkb.extract.reader import InputProblem, discover, files, read_article
from cartelkb.records import RawArticle

from .samples import ARTICLE, SEEDS, write


def test_read_article_too_large_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no disk space used
        handle.truncate(files.MAX_BYTES + 1)

    def no_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("a too-large file must not be opened")

    monkeypatch.setattr(files.os, "open", no_read)
    with pytest.raises(InputError, match=r"over the 5,000,000-byte limit"):
        read_article(path)


def test_read_article_size_limit_is_the_module_constant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_BYTES", 10)
    with pytest.raises(InputError, match="over the 10-byte limit"):
        read_article(write(tmp_path, "a.txt", ARTICLE.encode()))
    monkeypatch.setattr(files, "MAX_BYTES", len(ARTICLE.encode()))
    assert read_article(write(tmp_path, "b.txt", ARTICLE.encode())).title


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_read_article_permission_denied(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: root can read a chmod 000 file")
    path = write(tmp_path, "secret.txt", ARTICLE.encode())
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_article(path)
    finally:
        path.chmod(0o644)


def test_read_article_permission_denied_reported_from_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Runs as root too: the refusal comes from the OS at open time, whoever we are.
    path = write(tmp_path, "secret.txt", ARTICLE.encode())

    def denied(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "open", denied)
    with pytest.raises(InputError, match="permission denied; make the file readable"):
        read_article(path)


def test_read_article_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        with pytest.raises(InputError, match="not a regular file"):
            read_article(fifo)  # must not block waiting for a writer


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_read_article_missing_broken_link_and_loop(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_article(tmp_path / "missing.txt")
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(InputError, match="broken symbolic link"):
        read_article(broken)
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(InputError, match="symbolic link loop"):
        read_article(tmp_path / "a.txt")


def test_discover_walks_directories_sorted_and_yields_given_files(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "b").mkdir(parents=True)
    (root / "a" / "deep").mkdir(parents=True)
    for rel in ["z.txt", "b/2.txt", "b/1.TXT", "a/deep/x.txt", "a/skip.md", ".hidden.txt"]:
        (root / rel).write_text(ARTICLE)
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text(ARTICLE)
    explicit = write(tmp_path, "notes.md", ARTICLE.encode())
    found = list(discover([root, explicit], pattern="*.txt"))
    assert found == [
        root / "z.txt",
        root / "a" / "deep" / "x.txt",
        root / "b" / "1.TXT",
        root / "b" / "2.txt",
        explicit,  # given directly: yielded whatever its extension
    ]
    assert list(discover([str(root)], pattern="*.md")) == [root / "a" / "skip.md"]


def test_discover_seed_directory() -> None:
    found = list(discover([SEEDS]))
    assert found == sorted(SEEDS.glob("*.txt"))
    assert len(found) >= 5


def test_discover_reports_problems_without_raising(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    found = list(discover([tmp_path / "missing", empty, ""]))
    assert all(isinstance(item, InputProblem) for item in found)
    reasons = [item.reason for item in found if isinstance(item, InputProblem)]
    assert "does not exist" in reasons[0]
    assert "no files matching '*.txt', '*.md', '*.html', '*.htm', '*.json', '*.jsonl'" in reasons[1]
    assert "no files matching '*.txt' in" in next(iter(discover([empty], "*.txt"))).reason  # type: ignore[union-attr]
    assert "empty path" in reasons[2]
    assert [item.path for item in found if isinstance(item, InputProblem)][:2] == [
        str(tmp_path / "missing"),
        str(empty),
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_discover_broken_links_and_loops(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(ARTICLE)
    (root / "broken.txt").symlink_to(root / "gone.txt")
    (root / "loop1.txt").symlink_to(root / "loop2.txt")
    (root / "loop2.txt").symlink_to(root / "loop1.txt")
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)  # cycle
    (root / "alias").symlink_to(root / "sub", target_is_directory=True)  # second route
    (root / "sub" / "inner.txt").write_text(ARTICLE)
    found = list(discover([root]))
    files = [item for item in found if isinstance(item, Path)]
    problems = {item.path: item.reason for item in found if isinstance(item, InputProblem)}
    # alias/ resolves to sub/, which is walked once (under the first name in sort order)
    assert files == [root / "good.txt", root / "alias" / "inner.txt"]
    assert "broken symbolic link" in problems[str(root / "broken.txt")]
    assert "symbolic link loop" in problems[str(root / "loop1.txt")]
    assert "symbolic link loop" in problems[str(root / "loop2.txt")]
    assert "symbolic link loop" in problems[str(root / "alias" / "up")]
    top_loop = tmp_path / "self"
    top_loop.symlink_to(top_loop)
    assert "symbolic link loop" in next(iter(discover([top_loop]))).reason  # type: ignore[union-attr]


def test_discover_unreadable_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "corpus"
    (root / "locked").mkdir(parents=True)
    (root / "ok.txt").write_text(ARTICLE)
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    # Simulated, so the test also runs as root (root can list a chmod 000 directory).
    monkeypatch.setattr(files.os, "scandir", scandir)
    found = list(discover([root]))
    assert found[0] == root / "ok.txt"
    assert found[1] == InputProblem(
        str(root / "locked"), "permission denied; cannot list this directory"
    )


@pytest.mark.parametrize(
    "name",
    ["with space.txt", 'it\'s "quoted".txt', "new\nline.txt", "México–Cártel ñ.txt", "-dash.txt"],
)
def test_unusual_file_names(tmp_path: Path, name: str) -> None:
    try:
        path = write(tmp_path, name, ARTICLE.encode())
    except OSError as exc:  # e.g. newline in names on some file systems
        pytest.skip(f"file system refuses the name: {exc}")
    assert list(discover([tmp_path])) == [path]
    assert read_article(path).source_path == str(path)
    path.write_bytes(b"")
    with pytest.raises(InputError) as info:
        read_article(path)
    assert "\n" not in str(info.value)  # names with newlines are escaped in messages


def test_input_problem_is_small_frozen_and_printable() -> None:
    problem = InputProblem("a\nb.txt", "does not exist; check the path")
    with pytest.raises(AttributeError):
        problem.reason = "changed"  # type: ignore[misc]
    assert str(problem) == "'a\\nb.txt': does not exist; check the path"


# --- default patterns, skipped files, the manifest, stdin --------------------------------


def test_discover_takes_the_supported_kinds_and_counts_the_others(tmp_path: Path) -> None:
    names = ["a.txt", "b.md", "c.html", "d.htm", "e.json", "f.jsonl", "g.pdf", "h.png", "i"]
    for name in names:
        (tmp_path / name).write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)  # hidden: neither taken nor counted
    skipped: list[Path] = []
    found = list(discover([tmp_path], on_skip=skipped.append))
    assert found == [tmp_path / n for n in names[:6]]
    assert skipped == [tmp_path / "g.pdf", tmp_path / "h.png", tmp_path / "i"]
    skipped.clear()
    found = list(discover([tmp_path], ["*.txt", "*.MD"], on_skip=skipped.append))
    assert found == [tmp_path / "a.txt", tmp_path / "b.md"]
    assert len(skipped) == 7


def test_discover_leaves_out_excluded_files_of_directories(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text('{"path": "a.txt"}\n')
    assert list(discover([tmp_path], exclude=[manifest])) == [tmp_path / "a.txt"]
    # Named on the command line, it is read as asked.
    assert list(discover([manifest], exclude=[manifest])) == [manifest]


def test_discover_yields_stdin_for_a_dash_once(tmp_path: Path) -> None:
    from cartelkb.extract.reader import StdinInput

    assert list(discover(["-", "-"])) == [StdinInput()]
    # A Path named "-" is a file (on the command line: "./-").
    assert isinstance(next(iter(discover([Path("-")]))), InputProblem)


# --- JSON Lines corpora --------------------------------------------------------------------


def corpus_line(title: str, text: str = "The two governments met on Tuesday.") -> str:
    return json.dumps({"title": title, "text": text, "date": "2024-08-29", "url": "u"})


def test_read_corpus_yields_one_article_per_line_with_its_line_number(tmp_path: Path) -> None:
    lines = [
        corpus_line("First Story"),
        "",  # blank lines are skipped, but counted
        corpus_line("Second Story"),
        '{"title": "No Text"}',
        "{not json",
        corpus_line("Third Story"),
    ]
    path = write(tmp_path, "corpus.jsonl", ("\n".join(lines) + "\n").encode())
    results = list(files.read_corpus(path))
    assert [where for where, _ in results] == [f"{path}#L{n}" for n in (1, 3, 4, 5, 6)]
    articles = {where: r for where, r in results if not isinstance(r, InputError)}
    assert [a.title for a in articles.values()] == ["First Story", "Second Story", "Third Story"]
    assert all(a.source_path == where for where, a in articles.items())
    assert all(a.metadata_source == "page" for a in articles.values())
    errors = {where: str(r) for where, r in results if isinstance(r, InputError)}
    assert errors == {
        f"{path}#L4": f"Cannot read article {path}#L4: is JSON but not an article: it has none "
        "of the text fields maintext, text, content, body.",
        f"{path}#L5": f"Cannot read article {path}#L5: is not a JSON object (Expecting property "
        "name enclosed in double quotes at column 2).",
    }


def test_read_corpus_lines_are_utf8_and_may_start_with_a_bom(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + corpus_line("M\u00e9xico").encode() + b"\r\n"
    data += b'{"text": "caf\xe9 con leche en la ma\xf1ana."}\n'
    [(_, first), (where, second)] = list(files.read_corpus(write(tmp_path, "c.jsonl", data)))
    assert isinstance(first, RawArticle) and first.title == "México"
    assert isinstance(second, InputError) and "is not UTF-8" in str(second)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"\n\n", "is empty"),
        (b'{"path": "a.txt", "title": "x"}\n', "no line is an article"),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 20, "looks like a gzip archive"),
    ],
)
def test_read_corpus_refuses_the_whole_file(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        files.read_corpus(write(tmp_path, "c.jsonl", data))


def test_read_corpus_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "c.jsonl", (corpus_line("A" * 50) + "\n").encode())
    monkeypatch.setattr(files, "MAX_CORPUS_BYTES", 20)
    with pytest.raises(InputError, match="over the 20-byte limit for a JSON Lines corpus"):
        files.read_corpus(path)
    monkeypatch.setattr(files, "MAX_CORPUS_BYTES", 10_000)
    monkeypatch.setattr(files, "MAX_BYTES", 20)  # one line is one article
    [(_, error)] = list(files.read_corpus(path))
    assert isinstance(error, InputError) and "over the 20-byte limit for one article" in str(error)


def test_read_article_sends_a_corpus_to_read_corpus(tmp_path: Path) -> None:
    path = write(tmp_path, "c.jsonl", (corpus_line("A Story") + "\n").encode())
    with pytest.raises(InputError, match="read it with read_corpus"):
        read_article(path)


# --- standard input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "title"),
    [
        (ARTICLE.encode(), "Cartel Talks Resume"),
        (b"---\ntitle: Stated Title\n---\n" + ARTICLE.encode(), "Stated Title"),
        (json.dumps({"title": "A JSON Story", "text": "Mexico met."}).encode(), "A JSON Story"),
        (
            b"<!DOCTYPE html><html><head><title>A Page</title></head><body><article><p>"
            + b"Mexico's president rejected the offer on Tuesday in Mexico City. " * 3
            + b"</p></article></body></html>",
            "A Page",
        ),
    ],
)
def test_read_stdin(data: bytes, title: str) -> None:
    article = files.read_stdin(io.BytesIO(data))
    assert article.title == title
    assert article.source_path == f"<stdin>#{article.sha256[:12]}"


def test_read_stdin_refuses_empty_and_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="Cannot read article <stdin>: is empty"):
        files.read_stdin(io.BytesIO(b""))
    monkeypatch.setattr(files, "MAX_BYTES", 10)
    with pytest.raises(InputError, match="<stdin>: is 11 bytes, over the 10-byte limit"):
        files.read_stdin(io.BytesIO(b"x" * 50))


# --- a file that changes while it is read ------------------------------------------------------


@pytest.mark.parametrize("change", ["append", "truncate", "replace", "delete"])
def test_a_file_changed_while_being_read_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    path = write(tmp_path, "story.txt", ARTICLE.encode())
    real_read = files._read_all

    def read_then_change(handle, size):  # type: ignore[no-untyped-def]
        data = real_read(handle, size)
        if change == "append":
            with path.open("a", encoding="utf-8") as fh:
                fh.write("A line added by another program.\n")
        elif change == "truncate":
            with path.open("r+b") as fh:
                fh.truncate(5)
        elif change == "replace":  # an editor saving: a new file renamed over the old one
            new = tmp_path / "story.tmp"
            new.write_text(ARTICLE + "Edited.\n", encoding="utf-8")
            os.replace(new, path)
        else:
            path.unlink()
        return data

    monkeypatch.setattr(files, "_read_all", read_then_change)
    with pytest.raises(InputError) as info:
        read_article(path)
    assert str(info.value) == (
        f"Cannot read article {path}: changed while being read; run the same command again."
    )


def test_a_file_changed_between_stat_and_read_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "story.txt", ARTICLE.encode())
    real_read = files._read_all

    def read_more(handle, size):  # type: ignore[no-untyped-def]
        # Written after the size was taken and before the read: more bytes come than the
        # size said (and mtime may not move on a coarse clock).
        with path.open("a", encoding="utf-8") as fh:
            fh.write("More.\n")
        return real_read(handle, size)

    monkeypatch.setattr(files, "_read_all", read_more)
    with pytest.raises(InputError, match="changed while being read"):
        read_article(path)


def test_a_corpus_changed_while_being_read_fails_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "c.jsonl", (corpus_line("A Story") + "\n").encode())
    real_read = files._read_all

    def read_then_append(handle, size):  # type: ignore[no-untyped-def]
        data = real_read(handle, size)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(corpus_line("Another Story") + "\n")
        return data

    monkeypatch.setattr(files, "_read_all", read_then_append)
    with pytest.raises(InputError, match="changed while being read"):
        files.read_corpus(path)
