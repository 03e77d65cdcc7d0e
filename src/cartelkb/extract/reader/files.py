"""Article files on disk: discovery under directories, stat checks, size limits, reading.

Everything that touches the file system (and standard input) is here; what the bytes
say is decided by `decoding` (bytes -> text) and `kinds` (text -> article, by kind).

A file is stat'ed before it is opened and again after it was read: one that changed in
between (it grew, was truncated, rewritten or replaced) fails with "changed while being
read", since what was read may be half of one version and half of another.
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import io
import os
import re
import stat
import sys
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cartelkb.errors import InputError
from cartelkb.extract.reader.decoding import decode, refuse_binary_format
from cartelkb.extract.reader.jsonarticles import TEXT_FIELDS
from cartelkb.extract.reader.kinds import (
    DEFAULT_PATTERNS,
    article_from_text,
    corpus_line,
    kind_of,
)
from cartelkb.extract.reader.problems import InputProblem, input_error, show
from cartelkb.records import RawArticle

MAX_BYTES = 5_000_000
"""Largest file read_article accepts; a news article is a few kB, so bigger is a wrong file."""

MAX_CORPUS_BYTES = 200_000_000
"""Largest JSON Lines corpus read_corpus accepts (it is read whole, to be read consistently)."""

STDIN = "-"
"""The path that means standard input (a file named "-" is "./-")."""

STDIN_SHOWN = "<stdin>"
"""Standard input in messages."""


@dataclass(frozen=True)
class StdinInput:
    """Standard input, given as "-" among the paths: one article."""

    def __str__(self) -> str:
        return STDIN_SHOWN


def stdin_path(sha256: str) -> str:
    """The path stored for an article read from standard input: "<stdin>#" and its key.

    Each text read from stdin keeps a path of its own, so a second one never takes the
    path of the first (a path names one text: the article it named before would go).
    """
    return f"{STDIN_SHOWN}#{sha256[:12]}"


def is_stdin_path(path: str) -> bool:
    return path == STDIN_SHOWN or path.startswith(STDIN_SHOWN + "#")


def _patterns(pattern: str | Sequence[str]) -> tuple[str, ...]:
    return (pattern,) if isinstance(pattern, str) else tuple(pattern)


def describe_patterns(pattern: str | Sequence[str]) -> str:
    """The patterns for a message: "*.txt" or "*.txt, *.md"."""
    return ", ".join(_patterns(pattern))


def discover(
    paths: Sequence[Path | str],
    pattern: str | Sequence[str] = DEFAULT_PATTERNS,
    *,
    exclude: Collection[Path] = (),
    on_skip: Callable[[Path], None] | None = None,
) -> Iterator[Path | InputProblem | StdinInput]:
    """Yield the article files under `paths`, and a problem for each path that has none.

    A file given directly is yielded as is, whatever its name; "-" is standard input. A
    directory is walked recursively in name order (deterministic), yielding files whose
    name matches one of the patterns (fnmatch, case-insensitive so `STORY.TXT` from
    Windows tools is found); the other files are passed to `on_skip`, so they can be
    counted. As in shell globbing, names starting with "." are skipped inside
    directories (version-control folders, editor lock files) and not counted. Symbolic
    links to directories are followed, but each resolved directory is walked once, so a
    link back to an ancestor cannot loop.

    Problems are yielded, not raised, so one bad path does not stop a batch: a missing
    path, a broken symbolic link, a symbolic-link loop, an unreadable directory, a
    directory with no matching files.

    Args:
        paths: files and directories, as given on the command line.
        pattern: file-name pattern(s) for files inside directories; by default the
            kinds the reader supports (DEFAULT_PATTERNS).
        exclude: files not to yield from directories (resolved paths: the manifest).
        on_skip: called with each file of a directory that matches no pattern.

    Yields:
        A Path for every file to read, STDIN for "-", or an InputProblem.
    """
    patterns = _patterns(pattern)
    excluded = {Path(p).resolve() for p in exclude}
    seen: set[str] = set()
    for given in paths:
        raw = os.fspath(given)
        if raw == "":
            yield InputProblem(raw, "empty path; give a file or directory name")
            continue
        if raw == STDIN and isinstance(given, str):
            if raw not in seen:
                seen.add(raw)
                yield StdinInput()
            continue
        path = Path(raw)
        try:
            st = os.stat(path)
        except OSError as exc:
            yield InputProblem(raw, _stat_problem(path, exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            found = 0
            for item in _walk(path, patterns, (st.st_dev, st.st_ino), excluded, on_skip):
                if isinstance(item, Path):
                    if str(item) in seen:
                        continue
                    seen.add(str(item))
                    found += 1
                yield item
            if not found:
                shown = ", ".join(repr(p) for p in patterns)
                yield InputProblem(raw, f"no files matching {shown} in this directory or below it")
        elif raw not in seen:
            # A file named explicitly is read even if it does not match the pattern: the
            # user asked for it. Non-regular files are refused by read_article with a reason.
            seen.add(raw)
            yield path


def _walk(
    root: Path,
    patterns: tuple[str, ...],
    root_key: tuple[int, int],
    excluded: set[Path],
    on_skip: Callable[[Path], None] | None,
) -> Iterator[Path | InputProblem]:
    """Depth-first, name-ordered walk (files of a directory, then its subdirectories)."""
    pattern_keys = [p.casefold() for p in patterns]
    visited = {root_key}
    # Each entry carries the (device, inode) keys of its ancestors: a link to one of them
    # is a loop; a link to a directory walked elsewhere is merely a second route to it.
    stack: list[tuple[Path, tuple[tuple[int, int], ...]]] = [(root, (root_key,))]
    while stack:
        directory, ancestors = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except PermissionError:
            yield InputProblem(str(directory), "permission denied; cannot list this directory")
            continue
        except OSError as exc:
            yield InputProblem(str(directory), f"cannot list this directory ({exc.strerror})")
            continue
        subdirs: list[tuple[Path, tuple[tuple[int, int], ...]]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            name_key = entry.name.casefold()
            matches = any(fnmatch.fnmatchcase(name_key, key) for key in pattern_keys)
            try:
                st = os.stat(entry.path)
            except OSError as exc:
                # A dangling link that would not match anyway is not worth a report.
                if matches:
                    yield InputProblem(str(path), _stat_problem(path, exc))
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in ancestors:
                    yield InputProblem(
                        str(path),
                        "symbolic link loop: it points back to a directory that contains it; "
                        "not followed",
                    )
                elif key not in visited:
                    visited.add(key)
                    subdirs.append((path, (*ancestors, key)))
            elif not matches:
                if on_skip is not None:
                    on_skip(path)
            elif not excluded or path.resolve() not in excluded:
                yield path
        stack.extend(reversed(subdirs))


def _stat_problem(path: Path, exc: OSError) -> str:
    """Explain why os.stat failed, telling a dangling link from a missing file."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop; the link resolves to itself; fix or remove the link"
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return (
                f"broken symbolic link (points to {show(os.readlink(path))}, which does not "
                "exist); fix or remove the link"
            )
        return "does not exist; check the path"
    if isinstance(exc, PermissionError):
        return "permission denied; check the permissions of the path and its parent folders"
    return f"cannot be accessed ({exc.strerror or exc})"


# --- reading one file -------------------------------------------------------------------


def read_article(path: Path | str) -> RawArticle:
    """Read one article file: check and read it, decode it, read it by its kind.

    The size is checked before reading (MAX_BYTES), and never more than MAX_BYTES + 1
    bytes are read, so a huge or growing file cannot exhaust memory.

    Args:
        path: the file to read (text, Markdown, HTML or JSON: see `kinds`).

    Returns:
        The article, with `encoding` and any decoding `warnings` set.

    Raises:
        InputError: the path is missing, not a regular file, unreadable, too large,
            changed while being read, empty or whitespace-only, binary (NUL bytes, an
            image), not decodable, not an article of its kind, or a JSON Lines corpus
            (which read_corpus reads).
    """
    path = Path(path)
    kind = kind_of(path)
    if kind == "jsonl":
        raise input_error(
            path, "is a JSON Lines corpus (one article per line); read it with read_corpus()"
        )
    data = _read_bytes(path, MAX_BYTES, "for one article; split it into one file per article")
    if not data:
        raise input_error(path, "is empty (0 bytes); nothing to ingest")
    text, encoding, warnings = decode(data, path)
    article = article_from_text(text, str(path), kind)
    return article.model_copy(
        update={"encoding": encoding, "warnings": [*warnings, *article.warnings]}
    )


# A corpus none of whose lines names a text field holds no article (a manifest, a log).
_TEXT_FIELD = re.compile(
    rb'"(?:' + b"|".join(f.encode() for f in TEXT_FIELDS) + rb')"\s*:', re.IGNORECASE
)


def read_corpus(path: Path | str) -> Iterator[tuple[str, RawArticle | InputError]]:
    """Read a JSON Lines corpus: one article object per line (see `jsonarticles`).

    The file is read whole and checked like any file (size, changed while being read)
    before any line is yielded, so a corpus is either read consistently or not at all.
    Each line is then its own article, with the path "PATH#L<line number>"; a bad line
    yields its error and the others are read. Blank lines are skipped.

    Args:
        path: the .jsonl file.

    Returns:
        (path of the line, its article or the InputError saying why it is none), in
        file order.

    Raises:
        InputError: the file cannot be read, is too large (MAX_CORPUS_BYTES), changed
            while being read, is binary, or has no line holding an article.
    """
    path = Path(path)
    data = _read_bytes(path, MAX_CORPUS_BYTES, "for a JSON Lines corpus; split it into parts")
    if not data.strip():
        raise input_error(path, "is empty; nothing to ingest")
    refuse_binary_format(data, path)
    if _TEXT_FIELD.search(data) is None:
        raise input_error(
            path,
            "is JSON Lines, but no line is an article: none has a text field ("
            + ", ".join(TEXT_FIELDS)
            + "); a manifest is given with --manifest",
        )
    return _corpus_lines(path, data)


def _corpus_lines(path: Path, data: bytes) -> Iterator[tuple[str, RawArticle | InputError]]:
    for number, line in enumerate(io.BytesIO(data), 1):
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        line = line.rstrip(b"\r\n")
        if not line.strip():
            continue
        where = f"{path}#L{number}"
        if len(line) > MAX_BYTES:
            yield where, _too_large(Path(where), len(line), MAX_BYTES, "for one article")
            continue
        try:
            yield where, corpus_line(line, where)
        except InputError as exc:
            yield where, exc


def read_stdin(stream: BinaryIO | None = None) -> RawArticle:
    """Read one article from standard input (at most MAX_BYTES).

    Its kind comes from the content: JSON when it starts with "{", HTML when it starts
    like an HTML document, text (with front matter) otherwise. It is shown as "<stdin>"
    and stored under the path `stdin_path(sha256)`.

    Raises:
        InputError: as read_article, naming "<stdin>".
    """
    stream = stream if stream is not None else sys.stdin.buffer
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise input_error(STDIN_SHOWN, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise _too_large(Path(STDIN_SHOWN), len(data), MAX_BYTES, "for one article")
    if not data:
        raise input_error(STDIN_SHOWN, "is empty (0 bytes); nothing to ingest")
    text, encoding, warnings = decode(data, STDIN_SHOWN)
    json_like = text.lstrip("\ufeff \t\n").startswith("{")
    article = article_from_text(text, STDIN_SHOWN, "json" if json_like else "text")
    return article.model_copy(
        update={
            "source_path": stdin_path(article.sha256),
            "encoding": encoding,
            "warnings": [*warnings, *article.warnings],
        }
    )


def _read_bytes(path: Path, limit: int, advice: str) -> bytes:
    """The bytes of a regular file of at most `limit` bytes that did not change meanwhile."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise input_error(path, _stat_problem(path, exc)) from None
    _check_file(path, st, limit, advice)
    # O_NONBLOCK: if the path was swapped for a FIFO since stat, open must not hang.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise input_error(
            path, "permission denied; make the file readable (chmod +r) or run as its owner"
        ) from None
    except OSError as exc:
        raise input_error(path, f"cannot be opened ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as handle:
        before = os.fstat(handle.fileno())
        _check_file(path, before, limit, advice)
        try:
            data = _read_all(handle, limit + 1)
        except OSError as exc:
            raise input_error(path, f"cannot be read ({exc.strerror or exc})") from None
        after = os.fstat(handle.fileno())
    if len(data) > limit:
        raise _too_large(path, len(data), limit, advice)
    _check_unchanged(path, before, after, len(data))
    return data


def _read_all(handle: BinaryIO, size: int) -> bytes:
    """Read up to `size` bytes (a seam: tests change the file while it is read)."""
    return handle.read(size)


def _signature(st: os.stat_result) -> tuple[int, int, int, int]:
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def _check_unchanged(path: Path, before: os.stat_result, after: os.stat_result, size: int) -> None:
    """Refuse a file that changed while it was read: its size or modification time moved,
    the path now names another file, or fewer or more bytes came than it had."""
    try:
        now = _signature(os.stat(path))
    except OSError:
        now = None  # deleted or renamed meanwhile
    # Pseudo-files (/proc) report size 0 whatever they hold: only a real size is compared.
    complete = before.st_size == 0 or size == before.st_size
    if not (complete and _signature(before) == _signature(after) == now):
        raise input_error(path, "changed while being read; run the same command again")


def _check_file(path: Path, st: os.stat_result, limit: int, advice: str) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise input_error(path, "is a directory, not a file; pass it to discover() instead")
    if not stat.S_ISREG(st.st_mode):
        raise input_error(
            path, "is not a regular file (a device, FIFO or socket); give a text file"
        )
    if st.st_size > limit:
        raise _too_large(path, st.st_size, limit, advice)


def _too_large(path: Path, size: int, limit: int, advice: str) -> InputError:
    return input_error(path, f"is {size:,} bytes, over the {limit:,}-byte limit {advice}")
