"""Path -> raw article: find input files, decode them, strip page furniture, read the header."""

from __future__ import annotations

import codecs
import errno
import fnmatch
import hashlib
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from cartelkb.errors import InputError
from cartelkb.records import Precision, RawArticle

MAX_BYTES = 5_000_000
"""Largest file read_article accepts; a news article is a few kB, so bigger is a wrong file."""

HEADER_LINES = 5
"""How many non-empty lines at the top may hold the headline, dateline and byline."""

# Furniture rules look only at lines this short: a long line is a paragraph even when it
# happens to start with "Subscribe to" or "Click here".
_MAX_FURNITURE_CHARS = 250

# How many entries a furniture heading ("Topics", "Related Content") takes with it when
# article text may follow; in a page's tail the block runs to the end.
_MAX_BLOCK_ENTRIES = 12


@dataclass(frozen=True)
class InputProblem:
    """A path discover() could not turn into an article file, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{_show(self.path)}: {self.reason}"


# --- discovering files --------------------------------------------------------------------


def discover(paths: Sequence[Path | str], pattern: str = "*.txt") -> Iterator[Path | InputProblem]:
    """Yield the article files under `paths`, and a problem for each path that has none.

    A file given directly is yielded as is, whatever its name. A directory is walked
    recursively in name order (deterministic), yielding files whose name matches `pattern`
    (fnmatch, case-insensitive so `STORY.TXT` from Windows tools is found). As in shell
    globbing, names starting with "." are skipped inside directories (version-control
    folders, editor lock files). Symbolic links to directories are followed, but each
    resolved directory is walked once, so a link back to an ancestor cannot loop.

    Problems are yielded, not raised, so one bad path does not stop a batch: a missing
    path, a broken symbolic link, a symbolic-link loop, an unreadable directory, a
    directory with no matching files.

    Args:
        paths: files and directories, as given on the command line.
        pattern: file-name pattern for files inside directories.

    Yields:
        A Path for every file to read, or an InputProblem.
    """
    seen: set[str] = set()
    for given in paths:
        raw = os.fspath(given)
        if raw == "":
            yield InputProblem(raw, "empty path; give a file or directory name")
            continue
        path = Path(raw)
        try:
            st = os.stat(path)
        except OSError as exc:
            yield InputProblem(raw, _stat_problem(path, exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            found = 0
            for item in _walk(path, pattern, (st.st_dev, st.st_ino)):
                if isinstance(item, Path):
                    if str(item) in seen:
                        continue
                    seen.add(str(item))
                    found += 1
                yield item
            if not found:
                yield InputProblem(
                    raw, f"no files matching {pattern!r} in this directory or below it"
                )
        elif raw not in seen:
            # A file named explicitly is read even if it does not match the pattern: the
            # user asked for it. Non-regular files are refused by read_article with a reason.
            seen.add(raw)
            yield path


def _walk(root: Path, pattern: str, root_key: tuple[int, int]) -> Iterator[Path | InputProblem]:
    """Depth-first, name-ordered walk (files of a directory, then its subdirectories)."""
    pattern_key = pattern.casefold()
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
            matches = fnmatch.fnmatchcase(entry.name.casefold(), pattern_key)
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
            elif matches:
                yield path
        stack.extend(reversed(subdirs))


def _stat_problem(path: Path, exc: OSError) -> str:
    """Explain why os.stat failed, telling a dangling link from a missing file."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop; the link resolves to itself; fix or remove the link"
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return (
                f"broken symbolic link (points to {_show(os.readlink(path))}, which does not "
                "exist); fix or remove the link"
            )
        return "does not exist; check the path"
    if isinstance(exc, PermissionError):
        return "permission denied; check the permissions of the path and its parent folders"
    return f"cannot be accessed ({exc.strerror or exc})"


# --- reading and decoding -----------------------------------------------------------------

# Formats people save or rename to .txt by mistake; naming them beats "looks binary".
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# A well-formed multi-byte UTF-8 sequence (RFC 3629, table 3-7 of the Unicode standard).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)

# Control characters (category Cc) other than those ordinary text files contain (\t\n\v\f\r).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def read_article(path: Path | str) -> RawArticle:
    """Read one article file: decode it, then clean it with parse_text.

    The size is checked before reading (MAX_BYTES), and never more than MAX_BYTES + 1
    bytes are read, so a huge or growing file cannot exhaust memory.

    Args:
        path: the file to read.

    Returns:
        The article, with `encoding` and any decoding `warnings` set.

    Raises:
        InputError: the path is missing, not a regular file, unreadable, too large,
            empty or whitespace-only, binary (NUL bytes, an image), or not decodable.
    """
    path = Path(path)
    try:
        st = os.stat(path)
    except OSError as exc:
        raise _input_error(path, _stat_problem(path, exc)) from None
    _check_file(path, st)
    # O_NONBLOCK: if the path was swapped for a FIFO since stat, open must not hang.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise _input_error(
            path, "permission denied; make the file readable (chmod +r) or run as its owner"
        ) from None
    except OSError as exc:
        raise _input_error(path, f"cannot be opened ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as handle:
        _check_file(path, os.fstat(handle.fileno()))
        try:
            data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise _input_error(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise _too_large(path, len(data))
    if not data:
        raise _input_error(path, "is empty (0 bytes); nothing to ingest")
    text, encoding, warnings = decode(data, path)
    article = parse_text(text, source_path=str(path))
    return article.model_copy(
        update={"encoding": encoding, "warnings": [*warnings, *article.warnings]}
    )


def _check_file(path: Path, st: os.stat_result) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise _input_error(path, "is a directory, not a file; pass it to discover() instead")
    if not stat.S_ISREG(st.st_mode):
        raise _input_error(
            path, "is not a regular file (a device, FIFO or socket); give a text file"
        )
    if st.st_size > MAX_BYTES:
        raise _too_large(path, st.st_size)


def _too_large(path: Path, size: int) -> InputError:
    return _input_error(
        path,
        f"is {size:,} bytes, over the {MAX_BYTES:,}-byte limit for one article; "
        "split it into one file per article",
    )


def decode(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str, list[str]]:
    """Decode file bytes to text with normalized line endings.

    Order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32) decides; otherwise strict
    UTF-8; otherwise, when most non-ASCII bytes form valid UTF-8 sequences, UTF-8 with
    the few bad bytes replaced (a corrupted UTF-8 file, which Windows-1252 would turn
    into mojibake everywhere); otherwise Windows-1252, then Latin-1. Anything but
    plain UTF-8 adds a warning naming the encoding used.

    Args:
        data: the file content.
        path: the file, for messages.

    Returns:
        (text, encoding name, warnings).

    Raises:
        InputError: binary content (a known binary format, NUL bytes, many control
            characters) or bytes no supported encoding decodes.
    """
    path = Path(path)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise _input_error(
                path, f"looks like {kind}, not text; convert it to a plain-text file first"
            )
    warnings: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise _input_error(
                    path,
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"({exc.reason} at byte {exc.start + len(bom)}); re-save it as UTF-8",
                ) from None
            break
    else:
        if b"\x00" in data:
            guessed = _bomless_utf16(data)
            if guessed is None:
                raise _input_error(path, "contains NUL bytes; looks binary, not a text file")
            text, encoding = guessed
            warnings.append(f"decoded as {encoding} (no byte-order mark; guessed from NULs)")
        else:
            text, encoding, warnings = _decode_8bit(data)
    text = normalize_newlines(text)
    _refuse_binary_text(path, text, encoding)
    return text, encoding, warnings


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """Recognize UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    half = len(data) // 2
    if len(data) % 2 or half == 0:
        return None
    for encoding, nul_half, text_half in (
        ("utf-16-le", data[1::2], data[0::2]),
        ("utf-16-be", data[0::2], data[1::2]),
    ):
        if nul_half.count(0) >= 0.7 * half and text_half.count(0) == 0:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _decode_8bit(data: bytes) -> tuple[str, str, list[str]]:
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if valid > bad:
        return (
            replaced,
            "utf-8",
            [
                f"{bad} byte sequence(s) are not valid UTF-8 and were replaced with U+FFFD; "
                "the file is partly corrupted or mixes encodings"
            ],
        )
    for codec, name in (("cp1252", "windows-1252"), ("latin-1", "latin-1")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return (
            text,
            name,
            [
                f"decoded as {name}: the file is not valid UTF-8; re-save it as UTF-8 if "
                "accented letters or quotes look wrong"
            ],
        )
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _refuse_binary_text(path: Path, text: str, encoding: str) -> None:
    if "\x00" in text:
        raise _input_error(path, "contains NUL bytes; looks binary, not a text file")
    controls = len(_CONTROL_CHARS.findall(text))
    # Real text has (almost) none; Latin-1 read of binary data has many. One percent
    # tolerates a stray escape character in an otherwise good file.
    if controls and controls > 0.01 * len(text):
        raise _input_error(
            path,
            f"cannot be decoded as text: {controls} control characters after decoding as "
            f"{encoding}; it is binary or in an unsupported encoding - convert it to UTF-8",
        )


def normalize_newlines(text: str) -> str:
    """Turn Windows (\\r\\n) and old Mac (\\r) line endings into \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _show(path: Path | str) -> str:
    """A path for a message: as is when printable, else escaped (newlines in names)."""
    raw = os.fspath(path)
    return raw if raw.isprintable() else ascii(raw)


def _input_error(path: Path | str, reason: str) -> InputError:
    return InputError(f"Cannot read article {_show(path)}: {reason}.")


# --- cleaning and header ----------------------------------------------------------------

# Zero-width characters are invisible in an editor; comparisons must not see them either.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _key(line: str) -> str:
    """Comparison form of a line: invisible characters dropped, whitespace (NBSP too) collapsed."""
    return " ".join(line.translate(_INVISIBLE).split())


_SHARE_TARGET = (
    r"(?:share|e-?mail(?:\s+this(?:\s+(?:page|article|story))?)?|tweet|print(?:\s+this)?"
    r"|facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|threads|bluesky|flipboard"
    r"|instagram|youtube|tiktok|flickr|messenger|sms|copy\s+link|blogthis!?|x)"
)

# Whole lines that are page furniture (comment widgets, share rows, ads, calls to action).
# The shapes come from common CMS templates: WordPress ("Leave a Reply", "Share this:"),
# Blogger ("No comments:", "Post a Comment", "Newer Post Older Post Home"), news sites
# ("Advertisement", "Story continues below advertisement", "Sign up for ...").
_FURNITURE = re.compile(
    rf"""(?:
        advertisement(?:\s*[-–—:]?\s*(?:scroll|continue|story)\b.*)?
      | (?:sponsored(?:\s+content)?|paid\s+content|promoted)
      | story\s+continues\s+below(?:\s+(?:this\s+)?advertisement)?
      | share\s+this(?:\s+(?:article|story|post|page))?\s*[:!]?
      | share(?:\s+(?:on|via|to)\s+\S+)?\s*:?
      | {_SHARE_TARGET}(?:\s*[|·•,/]?\s*(?:share\s+(?:on|to)\s+)?{_SHARE_TARGET})*
      | subscribe(?:\s+(?:to|now|for|today|here)\b.*)?
      | follow\s+us\b.*
      | follow\s+.{{1,60}}?\s+on\s+(?:twitter|x|facebook|instagram|linkedin|tiktok|youtube
            |threads|bluesky|telegram|whatsapp|mastodon)\b.*
      | click\s+here\b.*
      | sign\s+up\s+(?:for|to|now|today|here)\b.*
      | (?:no|\d+|one)\s+comments?(?:\s+yet)?
      | (?:log|sign)\s*in\s+to\s+(?:comment|reply|post\s+a\s+comment|join\s+the\s+discussion)\b.*
      | you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment
      | (?:leave|post|add|write)\s+a\s+(?:comment|reply)
      | be\s+the\s+first\s+to\s+comment
      | comments\s+are\s+closed
      | there\s+are\s+no\s+comments(?:\s+yet)?
      | (?:view|show|load|hide|read)\s+(?:all\s+)?(?:\d+\s+)?comments?
      | newer\s+posts?\s+older\s+posts?(?:\s+home)?
      | \d{{1,3}}[\s-]*min(?:ute)?s?\s+read
      # Release numbers: "Press Release No. 25-123", gob.mx "Comunicado No. 309".
      | (?:(?:press|news)\s+)?release\s+(?:no|num|number|\#)\.?\s*:?\s*[\w./-]{{1,20}}
      | (?:comunicado|bolet[ií]n)(?:\s+de\s+prensa)?\s+(?:no\.?|n[úu]m\.?|\#)?
            \s*:?\s*\d[\w./-]{{0,19}}
      # Wire-service notices: "Copyright 2025 The Associated Press. All rights reserved."
      | copyright\s+(?:©\s*)?(?:19|20)\d{{2}}\b[^\n]{{0,80}}
      | (?:copyright|©)[^\n]{{0,120}}rights\s+reserved\b[^\n]{{0,120}}
      | copyright\s*(?:©|\(c\))[^\n]{{0,100}}
      | (?:©|\(c\)\s*(?:19|20)\d{{2}}\b)[^\n]{{0,100}}
      # Photo credits on a line of their own: "Photo: Jane Doe/Reuters", "AP Photo/Jane
      # Doe", "REUTERS/Jane Doe", "Credit: Getty Images".
      | (?:photo|photograph|foto|image|picture)s?(?:\s+(?:credit|courtesy|illustration))?
            \s*:\s*\S[^\n]{{0,100}}
      | (?:photo|photograph|foto)(?:\s+illustration)?\s+by\s+(?-i:[A-Z])[^\n]{{0,100}}
      | (?:(?:AP|AFP|EFE|Reuters|Xinhua|Bloomberg)\s+)?(?:photo|foto)s?/[^\n]{{1,80}}
      | (?:REUTERS|AFP|EFE)/[^\n]{{1,60}}
      | (?:photo\s+)?credits?\s*:\s*\S[^\n]{{0,80}}
      | getty\s+images
    )\s*[.:!]?""",
    re.IGNORECASE | re.VERBOSE,
)

# A photo credit ending a caption line: "Soldiers patrol Culiacán. (AP Photo/Jane Doe)".
# Only the credit goes. It must be the bracketed agency form (a slash, "by" or "via"
# inside), so a sentence ending "(photo below)" is left alone.
_CREDIT_PHRASE = re.compile(
    r"""(?P<phrase>\(\s*
        (?:(?:(?:AP|AFP|EFE|Reuters|Xinhua|Bloomberg|Getty)\s+)?(?:photo|foto|photograph|image)s?
              (?:/|\s+by\s+|\s*:\s*)[^()\n]{1,80}
          | (?:AP|AFP|EFE|Reuters)\s+(?:photo|foto|photograph|image)s?
          | (?:REUTERS|AFP|EFE)/[^()\n]{1,60}
          | [^()\n]{1,60}/[^()\n]{1,40}\s+via\s+(?:AP|Getty\s+Images|Reuters|AFP)
        )\s*\))\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Reuters-style credit lines: "Reporting by Jane Doe in Mexico City; Editing by John Roe".
_CREDIT_ROLE = re.compile(
    r"(?:additional\s+)?(?:reporting|writing|editing|research|graphics|compiled|translation)"
    r"(?:\s+(?:and|&)\s+(?:reporting|writing|editing|research))?\s+by\s+(?P<names>.+)",
    re.IGNORECASE,
)

# A bare "Comments" heading is furniture only when a comment widget (or nothing) follows:
# "Comments" can also head a real section ("Comments from officials").
_COMMENTS_HEADING = re.compile(r"(?:comments?|comments?\s*\(\d+\)|reader\s+comments)\s*:?", re.I)

# Link phrases that end a line ("... capabilities. More articles at X's Blog"). Only the
# phrase goes; the sentence before it is article text. They must start the line or follow
# the end of a sentence, so prose such as "you can read more details in ..." never matches.
_LINK_PHRASE = re.compile(
    r"""(?:^|(?<=[.!?:;"”’»)\]])\s+)
    (?P<phrase>
        (?:more\s+(?:articles|stories|posts|news|coverage|from\s+this\s+author)\s+(?:at|from|on|by)\b
          | read\s+more(?:\s+(?:at|on|from|in|here)\b|\s*[:»›→…]|\s*$)
          | read\s+the\s+(?:full|rest\s+of\s+the|original|complete)\s+(?:story|article|post|report)
          | continue\s+reading\b
        )
        [^\n]{0,150}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- furniture phrases from data/furniture.txt ------------------------------------------

# The literal template lines (the .gov banner, skip links, release labels, footers) are
# listed in a data file, so adding a site's wording needs no code; the shapes with a
# variable part (share rows, counts, credits) are the regular expressions above.
_SECTIONS = ("line", "masthead", "heading", "end")
_WILDCARD = r"[^\n]{0,60}?"
# "# text" is a comment; "###" and "# # #" are phrases (end-of-release marks).
_COMMENT_LINE = re.compile(r"#(?:\s+[^#\s]|\s*$)")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "‛": "'", "´": "'", "“": '"', "”": '"', "„": '"'})
_BULLET = re.compile(r"^(?:[•·▪►]|\*(?=\s))\s*")
_FINAL_PUNCT = re.compile(r"[\s.:!;]+$")


def _phrase_form(key: str) -> str:
    """Comparison form of a line for furniture phrases: casefolded, straight quotes, no
    leading bullet, no final stop."""
    return _FINAL_PUNCT.sub("", _BULLET.sub("", key.translate(_QUOTES).casefold()))


@dataclass(frozen=True)
class _Section:
    """The phrases of one section of furniture.txt: exact forms, and those with a "*"."""

    exact: frozenset[str]
    wildcard: re.Pattern[str]
    first_words: frozenset[str]

    def fullmatch(self, form: str) -> bool:
        return form in self.exact or self.wildcard.fullmatch(form) is not None


@lru_cache(maxsize=1)
def _phrases() -> dict[str, _Section]:
    """Read data/furniture.txt once per process: section name -> its phrases."""
    found: dict[str, set[str]] = {name: set() for name in _SECTIONS}
    section: str | None = None
    path = resources.files("cartelkb.data").joinpath("furniture.txt")
    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            text = raw.strip()
            if not text or _COMMENT_LINE.match(text):
                continue
            if text.startswith("[") and text.endswith("]"):
                section = text[1:-1]
                if section not in found:
                    raise ValueError(f"furniture.txt line {number}: unknown section {text}")
                continue
            if section is None:
                raise ValueError(f"furniture.txt line {number}: phrase before any [section]")
            found[section].add(_phrase_form(_key(text)))
    sections = {}
    for name, forms in found.items():
        wild = sorted(f for f in forms if "*" in f)
        pattern = "|".join(_WILDCARD.join(map(re.escape, f.split("*"))) for f in wild)
        sections[name] = _Section(
            exact=frozenset(f for f in forms if "*" not in f),
            wildcard=re.compile(pattern or r"(?!)"),
            first_words=frozenset(f.split(" ", 1)[0] for f in forms),
        )
    return sections


def _is_phrase(key: str, *sections: str) -> bool:
    """Whether the whole line `key` is a furniture phrase of one of `sections`."""
    if len(key) > _MAX_FURNITURE_CHARS:
        return False
    form = _phrase_form(key)
    phrases = _phrases()
    return any(phrases[name].fullmatch(form) for name in sections)


def _heading_line(key: str) -> tuple[bool, bool]:
    """(is a furniture-block heading, carries its value: "Topic(s): Drug Trafficking")."""
    if len(key) > _MAX_FURNITURE_CHARS:
        return False, False
    heading = _phrases()["heading"]
    form = _phrase_form(key)
    if heading.fullmatch(form):
        return True, False
    label, colon, value = form.partition(":")
    if colon and value.strip() and heading.fullmatch(label.strip()):
        return True, True
    return False, False


def _is_entry(key: str) -> bool:
    """A short list entry under a furniture heading: a name, topic, phone, headline or date.

    Not a sentence: a line ending in a full stop (other than an acronym's) or holding two
    sentences ends the block, so the article text after a heading is never taken.
    """
    if len(key) > 120 or len(key.split()) > 16:
        return False
    if _has_sentence_break(key, questions=True):
        return False
    core = key.rstrip("\"'”’»)]")
    if core.endswith(("…", "...")):
        return False  # a truncated teaser of another story's first sentence
    return not (core.endswith(".") and not re.search(r"(?:\b[A-Z]\.){2,}$", core))


def _is_sentence(key: str) -> bool:
    """A line of prose: eight words or more ending like a sentence (so not a headline)."""
    core = key.rstrip("\"'”’»)]")
    return len(key.split()) >= 8 and core[-1:] in (".", "?", "!")


def _is_credit_line(key: str) -> bool:
    """A credit line: "Reporting by A B in Mexico City; Editing by C D" (names only)."""
    if len(key) > _MAX_FURNITURE_CHARS:
        return False
    text = key.strip().rstrip(".")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    segments = [seg for seg in re.split(r"\s*;\s*", text) if seg]
    if not segments:
        return False
    for segment in segments:
        match = _CREDIT_ROLE.fullmatch(segment)
        if match is None:
            return False
        for item in re.split(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+", match.group("names")):
            name, _, place = item.partition(" in ")
            if not _is_person_name(name):
                return False
            if place and not all(w[:1].isupper() or w in _PLACE_PARTICLES for w in place.split()):
                return False
    return True


_DIGIT = re.compile(r"\d")
# Separators between a release label and its date ("For Immediate Release: Aug. 12, 2025").
_LABEL_SEPARATORS = ":|·•,–—-"


def _split_label(line: str) -> tuple[str, str] | None:
    """Split "LABEL DATE" into the furniture label and the date, else None.

    "For Immediate Release - Tuesday, August 12, 2025" and "Press Release | Aug. 12, 2025"
    become ("For Immediate Release -", "Tuesday, August 12, 2025"): the label goes, the
    date stays in the text as the dateline. The date must be all that follows.
    """
    if len(line) > 120 or not _DIGIT.search(line):
        return None
    if line.translate(_INVISIBLE) != line:
        return None  # keep raw and normalized word positions in step
    words = list(re.finditer(r"\S+", line))
    phrases = _phrases()
    first = _phrase_form(words[0].group()) if words else ""
    if not any(first in phrases[name].first_words for name in ("line", "masthead")):
        return None  # cheap test first: this runs on every short line with a digit
    for n in range(1, min(7, len(words))):
        label = " ".join(w.group() for w in words[:n]).rstrip(_LABEL_SEPARATORS)
        if not label or not _is_phrase(label, "line", "masthead"):
            continue
        start = words[n].start()
        while start < len(line) and (line[start] in _LABEL_SEPARATORS or line[start].isspace()):
            start += 1
        rest = line[start:].strip()
        meta = _header_meta(_key(rest), weak=False) if rest else None
        if meta is not None and meta[0] is not None and meta[1] is None:
            return line[:start].strip(), line[start:]
    return None


# A sentence boundary: a word, sentence punctuation, a space, then a capital.
_BREAK_CANDIDATE = re.compile(r"(?P<word>[^\W_]+)(?P<punct>[.!?])[\"”’)]?\s+[\"“‘'(]?[A-Z0-9]")
# Abbreviations whose full stop does not end a sentence ("Sen. Rubio", "Aug. 29").
_ABBREVIATIONS = _wordset(
    "mr mrs ms dr sen rep gov gen lt col maj capt sgt adm cmdr pres supt atty dept st mt ft "
    "jr sr inc corp co ltd no vs etc approx incl ca fig jan feb mar apr jun jul aug sep sept "
    "oct nov dec"
)


def _has_sentence_break(text: str, *, questions: bool) -> bool:
    """Whether `text` holds more than one sentence.

    Initials and acronyms ("U.S. Troops", "J. Doe") and common abbreviations are not
    boundaries. With `questions` False, "?" and "!" inside do not count (headlines such
    as "Will Trump Strike? Mexico Waits" have them).
    """
    for match in _BREAK_CANDIDATE.finditer(text):
        word, punct = match.group("word"), match.group("punct")
        if punct != ".":
            if questions:
                return True
            continue
        if len(word) == 1 or word.lower() in _ABBREVIATIONS:
            continue
        return True
    return False


# Words a headline does not end on: a line ending with one continues on the next line.
_DANGLING = _wordset(
    "a an the and or but nor of to in on at by for with from into that which who whose as "
    "than its their his her our is are was were be been has have had will would"
)


def parse_text(text: str, source_path: str = "<text>") -> RawArticle:
    """Clean article text and read its header: the pure part of read_article.

    `sha256` is computed on the text after line-ending normalization and BEFORE
    furniture removal, so that improving the cleaning rules later does not change an
    article's identity (its key in the database).

    `text` is the input minus page furniture: comment widgets, share/subscribe/follow/
    advertisement lines, trailing "More articles at ..." / "Read more at ..." /
    "Continue reading" phrases, and lines repeating the headline; the template lines
    listed in data/furniture.txt (the .gov banner, skip links, "Press Release" and "For
    Immediate Release" labels, footers), site names above the headline, furniture
    headings with their entries ("Topic(s)", "Contact", "Related Content"), everything
    after an end-of-release mark ("###"), revision stamps below the header ("Updated
    August 12, 2025"), copyright notices, credit lines and photo credits (a credit ending
    a caption goes, the caption stays). A release label before a date ("For Immediate
    Release: Aug. 12, 2025") goes and the date stays. Headline, dateline, byline and
    subheadings stay, since downstream offsets and named-entity recognition refer to
    them. Every line kept is kept as is (only a leading release label, a trailing link
    phrase or a photo credit is cut off), and runs of three or more blank lines become
    two, so `text` is the kept lines joined: all offsets refer to it. `removed` lists
    what went, in order.

    Args:
        text: decoded article text (any line endings).
        source_path: where the text came from, for messages and the record.

    Returns:
        The cleaned article with title, author and publication date when present.

    Raises:
        InputError: the text is empty, whitespace-only, only furniture, or has NULs.
    """
    text = normalize_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise _input_error(source_path, "contains NUL bytes; looks binary, not a text file")
    if not text.strip():
        raise _input_error(source_path, "contains only whitespace; nothing to ingest")
    sha = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()

    lines = text.split("\n")
    # "For Immediate Release: Aug. 12, 2025": the label goes, the date stays as a dateline.
    labels: dict[int, str] = {}
    for i, line in enumerate(lines):
        split = _split_label(line)
        if split is not None:
            labels[i], lines[i] = split
    keys = [_key(line) for line in lines]
    drop = _furniture_lines(keys)
    header = [i for i, k in enumerate(keys) if k and i not in drop][:HEADER_LINES]
    # "Updated August 12, 2025" below the header is the page's revision stamp (justice.gov
    # prints it under the release); in the header it is kept as the dateline.
    body_started = False
    for i, k in enumerate(keys):
        if not k or i in drop:
            continue
        if (body_started or (header and i > header[-1])) and _is_stamp(k):
            drop.add(i)
        body_started = body_started or _is_sentence(k)
    header = [i for i in header if i not in drop]

    dateline: tuple[str, Precision] | None = None
    author: str | None = None
    title_index: int | None = None
    leading = True  # still among dateline/byline lines before the first content line
    for i in header:
        meta = None
        if not any(ch.isalpha() for ch in keys[i]):
            # Numeric dates are metadata; other letterless lines ("* * *", "03/04/2024",
            # which reads both ways) are neither a headline nor the end of the header.
            meta = _header_meta(keys[i], weak=False)
            if meta is not None:
                dateline = dateline or meta[0]
            continue
        if leading:
            # Title Case headlines look like names ("Border Crisis Deepens, Says Report"),
            # so before the headline only strong metadata counts: a date, or "By ...".
            meta = _header_meta(keys[i], weak=False)
            if meta is None:
                weak = _header_meta(keys[i], weak=True)
                meta = weak if weak and weak[0] else None
            if meta is None:
                leading = False
                nxt, adjacent = _next_content(keys, drop, i)
                if _looks_like_headline(keys[i], nxt, adjacent):
                    title_index = i
                    continue
        if meta is None:
            meta = _header_meta(keys[i], weak=True)
        if meta is not None:
            dateline = dateline or meta[0]
            author = author or meta[1]
        elif dateline is None:
            dateline = _paragraph_dateline(keys[i])
    # From the raw line (not its whitespace-normalized key) so the title is an exact
    # substring of `text`.
    title = _title_value(lines[title_index]) if title_index is not None else None

    removed: list[str] = []
    kept: list[str] = []
    title_key = keys[title_index].casefold() if title_index is not None else None
    for i, line in enumerate(lines):
        if i in drop or (title_key and i != title_index and keys[i].casefold() == title_key):
            if i in labels:
                removed.append(labels[i])
            if keys[i]:
                removed.append(line)
            continue
        if i in labels:
            removed.append(labels[i])
        # The phrase is at most ~170 characters: search the tail only (pos keeps "^" at
        # the real line start, and the look-behind still sees the character before).
        match = _LINK_PHRASE.search(line, max(0, len(line) - 200))
        if match and not _has_sentence_break(match.group("phrase"), questions=True):
            removed.append(match.group("phrase").strip())
            line = line[: match.start()].rstrip()
            if not line.strip():
                continue
        credit = _CREDIT_PHRASE.search(line, max(0, len(line) - 150))
        if credit:
            removed.append(credit.group("phrase"))
            line = line[: credit.start()].rstrip()
            if not line.strip():
                continue
        kept.append(line)

    body = "\n".join(_collapse_blank_runs(kept)).strip()
    if not body:
        raise _input_error(
            source_path, "contains only page furniture (share/comment/ad lines); nothing to ingest"
        )
    return RawArticle(
        source_path=source_path,
        sha256=sha,
        text=body,
        title=title,
        author=author,
        published=dateline[0] if dateline else None,
        published_precision=dateline[1] if dateline else None,
        removed=removed,
        warnings=_mojibake_warning(body),
    )


def _furniture_lines(keys: list[str]) -> set[int]:
    """Indices of the lines that are page furniture (see parse_text for the kinds)."""
    drop = {
        i
        for i, k in enumerate(keys)
        if k
        and len(k) <= _MAX_FURNITURE_CHARS
        and (
            _FURNITURE.fullmatch(_BULLET.sub("", k)) or _is_phrase(k, "line") or _is_credit_line(k)
        )
    }
    # Site names above the headline: only while nothing but furniture precedes them.
    for i, k in enumerate(keys):
        if not k or i in drop:
            continue
        if not _is_phrase(k, "masthead"):
            break
        drop.add(i)
    _drop_breadcrumbs(keys, drop)
    _drop_after_end_mark(keys, drop)
    _drop_heading_blocks(keys, drop)
    for i, k in enumerate(keys):
        if k and _COMMENTS_HEADING.fullmatch(k):
            nxt = next((j for j in range(i + 1, len(keys)) if keys[j]), None)
            if nxt is None or nxt in drop:
                drop.add(i)
    return drop


_CRUMB_SEPARATOR = re.compile(r"[/›>»|•·\\]+")
_CRUMB_MAX_WORDS = 4


def _drop_breadcrumbs(keys: list[str], drop: set[int]) -> None:
    """A navigation trail at the top of the page: "Current News / ArcaMax", one item a line.

    Scrapes keep a lone separator line between the trail's items. Above the first long
    line, a separator alone on its line goes, with the short items (a few words, no
    sentence punctuation) right before and after it.
    """

    def prose(k: str) -> bool:
        words = len(k.split())
        return words > 12 or (words >= 6 and k.rstrip()[-1] in '.!?"”’')

    first_prose = next(
        (i for i, k in enumerate(keys) if k and i not in drop and prose(k)), len(keys)
    )
    content = [i for i in range(first_prose) if keys[i] and i not in drop]
    for pos, i in enumerate(content):
        if not _CRUMB_SEPARATOR.fullmatch(keys[i].replace(" ", "")):
            continue
        drop.add(i)
        for near in (
            content[pos - 1] if pos else None,
            content[pos + 1] if pos + 1 < len(content) else None,
        ):
            if near is None or near >= first_prose:
                continue
            words = keys[near].split()
            if len(words) <= _CRUMB_MAX_WORDS and keys[near][-1] not in '.!?"”’':
                drop.add(near)


def _drop_after_end_mark(keys: list[str], drop: set[int]) -> None:
    """At an end-of-release mark ("###"), drop the mark and everything after it.

    Only when the rest is shorter than the text before the mark: a mark near the top (a
    release number printed under the headline, a stray "###") goes alone, and a file
    holding several releases does not lose all but the first.
    """
    sizes = [len(k) if k and i not in drop else 0 for i, k in enumerate(keys)]
    before = 0
    total = sum(sizes)
    for i, k in enumerate(keys):
        if k and _is_phrase(k, "end"):
            drop.add(i)
            after = total - before - sizes[i]
            if before and after < before:
                drop.update(j for j in range(i + 1, len(keys)) if keys[j])
                return
        before += sizes[i]


def _drop_heading_blocks(keys: list[str], drop: set[int]) -> None:
    """Drop furniture headings ("Topic(s)", "Contact", "Related Content") and their entries.

    The entries are the short non-sentence lines that follow (see _is_entry), up to the
    first blank line after one, at most _MAX_BLOCK_ENTRIES; in the page's tail (nothing
    but entries left) the block runs to the end, since footers separate every item by a
    blank line. A short line directly above prose ends the block (see _above_prose).
    """
    # tail[i]: every remaining line from i on is furniture or an entry.
    tail = [True] * (len(keys) + 1)
    for i in range(len(keys) - 1, -1, -1):
        k = keys[i]
        tail[i] = tail[i + 1] and (not k or i in drop or _is_entry(k))
    i = 0
    while i < len(keys):
        k = keys[i]
        heading, has_value = _heading_line(k) if k and i not in drop else (False, False)
        i += 1
        if not heading:
            continue
        drop.add(i - 1)
        if has_value:
            continue
        entries = 0
        while i < len(keys) and (tail[i] or entries < _MAX_BLOCK_ENTRIES):
            k = keys[i]
            if not k:
                if entries and not tail[i]:
                    break
            elif i in drop:
                pass
            elif _heading_line(k)[0] or not _is_entry(k) or _above_prose(keys, drop, i):
                break
            else:
                drop.add(i)
                entries += 1
            i += 1


def _above_prose(keys: list[str], drop: set[int], i: int) -> bool:
    """Whether line i runs straight into prose: then it is the subheading of what follows
    (or a teaser's title), which is article text as far as anyone can tell."""
    j = i + 1
    return j < len(keys) and bool(keys[j]) and j not in drop and not _is_entry(keys[j])


def _collapse_blank_runs(lines: list[str]) -> list[str]:
    """Replace each run of 3+ blank (or whitespace-only) lines by two empty lines."""
    out: list[str] = []
    run: list[str] = []
    for line in lines:
        if not line.strip():
            run.append(line)
            continue
        out.extend(run if len(run) < 3 else ["", ""])
        run = []
        out.append(line)
    out.extend(run if len(run) < 3 else ["", ""])
    return out


def _next_content(keys: list[str], drop: set[int], i: int) -> tuple[str | None, bool]:
    """The next non-empty, non-furniture line after i, and whether no blank line separates them."""
    adjacent = True
    title = keys[i].casefold()
    for j in range(i + 1, len(keys)):
        if not keys[j]:
            adjacent = False
        elif j not in drop and keys[j].casefold() != title:
            return keys[j], adjacent
    return None, False


def _looks_like_headline(line: str, next_line: str | None, adjacent: bool) -> bool:
    """A headline is short, is not a sentence, and does not run on into the next line."""
    words = line.split()
    if len(line) > 200 or len(words) > 20 or not any(ch.isalpha() for ch in line):
        return False
    if "://" in line or line.lower().startswith("www."):
        return False
    first_alpha = next(ch for ch in line if ch.isalpha())
    if first_alpha.islower():
        return False
    core = line.rstrip("\"'”’»)]*")
    if not core or core[-1] in ",;:-–—(/&":
        return False
    if core.endswith(("...", "…")):
        return False  # a truncated lead sentence, not a headline
    # A final full stop ends a sentence, unless it belongs to an acronym ("... to the U.S.").
    if core[-1] == "." and not re.search(r"(?:\b[A-Z]\.){2,}$", core):
        return False
    if _has_sentence_break(line, questions=False):
        return False
    if core[-1] not in "?!" and words[-1].strip("\"'”’»)]").lower() in _DANGLING:
        return False
    # A hard-wrapped paragraph: the next line follows directly and starts lowercase.
    return not (adjacent and next_line and next_line[0].islower())


def _title_value(line: str) -> str:
    # Markdown scrapes mark the headline "# Title"; the marker is not part of it.
    return re.sub(r"^#{1,6}\s+", "", line).strip()


# --- dates ----------------------------------------------------------------------------

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# A clock time needs a colon or am/pm, so "12 News" is not a time.
_CLOCK = r"(?:\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)"
# Zone abbreviations are matched case-sensitively (ET, EDT, CST, UTC, GMT+1).
_ZONE = r"(?:\s*\(?(?-i:[A-Z]{1,4}T|UTC|GMT|Z)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?"
_TIME = rf"(?:\s*(?:,|at|@|-|–|—|\|)?\s*{_CLOCK}{_ZONE})?"

_ISO_TIME = r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"
_DAY_FORMATS = (
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
    rf"{_YEAR}[-/.](?P<mnum>\d{{1,2}})[-/.](?P<day>\d{{1,2}})",
    r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/" + _YEAR,
)
# Each format may carry a time of day, which is dropped: the dateline's day is what counts.
# The time may also come first, as in AP's "Updated 3:14 PM EDT, August 12, 2025".
_LEAD_TIME = rf"(?:{_CLOCK}{_ZONE}\s*(?:,|\bon\b|\|)?\s*)?"
_DATE_FORMATS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    *((re.compile(_LEAD_TIME + f + _TIME + _ISO_TIME, re.IGNORECASE), "day") for f in _DAY_FORMATS),
    (re.compile(rf"{_MONTH},?\s+{_YEAR}", re.IGNORECASE), "month"),
)
_DATE_LABEL = re.compile(
    r"^(?P<label>(?:first\s+|last\s+)?(?:published|updated|modified|posted|released|dated?)"
    r"(?:\s+(?:on|at))?)\s*:?\s*",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(_YEAR)
# "By | Thursday, 13 November 2025": a byline whose author link the scrape dropped.
_EMPTY_BYLINE = re.compile(r"by\s*:?", re.IGNORECASE)
_TIME_ONLY = re.compile(rf"{_CLOCK}{_ZONE}", re.IGNORECASE)


def parse_date(text: str, *, allow_year: bool = False) -> tuple[str, Precision] | None:
    """Parse a string that is only a date (optionally with weekday and time of day).

    Never guesses: "August 2024" is ("2024-08", "month"), an impossible day is None, and
    an all-numeric date that reads both ways (03/04/2024) is None.

    Args:
        text: e.g. "Thursday, August 29, 2024", "29 Aug. 2024", "2024-08-29T10:00Z".
        allow_year: accept a bare year ("2024" -> ("2024", "year")).

    Returns:
        (ISO value, precision), or None when `text` is not just a date.
    """
    text = text.strip().rstrip(".,")
    for pattern, precision in _DATE_FORMATS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = match.groupdict()
        year = int(parts["year"])
        if parts.get("month"):
            month = _MONTHS[parts["month"].lower()]
        elif parts.get("mnum"):
            month = int(parts["mnum"])
        else:  # numeric a/b/yyyy: only when one reading is impossible
            first, second = int(parts["first"]), int(parts["second"])
            if first > 12 >= second:
                parts["day"], month = str(first), second
            elif second > 12 >= first or first == second:
                parts["day"], month = str(second), first
            else:
                return None
        if precision == "month":
            return (f"{year:04d}-{month:02d}", "month") if 1 <= month <= 12 else None
        try:
            return date(year, month, int(parts["day"])).isoformat(), "day"
        except ValueError:
            return None
    if allow_year and _YEAR_ONLY.fullmatch(text):
        return text, "year"
    return None


def _dateline_segment(segment: str) -> tuple[tuple[str, Precision], str | None, bool] | None:
    """A dateline segment: "[Published:] DATE [by NAME]" -> (date, author, is_update)."""
    label = _DATE_LABEL.match(segment)
    rest = segment[label.end() :] if label else segment
    author = None
    by = re.search(r"\s+by\s+(?P<name>.+)$", rest, re.IGNORECASE)
    if by:
        author = _name_list(by.group("name").rstrip(".,"))
        if author is None:
            return None
        rest = rest[: by.start()]
    parsed = parse_date(rest, allow_year=label is not None)
    if parsed is None:
        return None
    updated = bool(label and re.search(r"updated|modified", label.group("label"), re.I))
    return parsed, author, updated


def _header_meta(
    line: str, *, weak: bool
) -> tuple[tuple[str, Precision] | None, str | None] | None:
    """Classify a header line as dateline and/or byline: (date, author), else None.

    A line may combine both ("By Jane Doe | Aug. 29, 2024", "Posted on ... by ...");
    it qualifies only if every segment is a date, a time, or a byline. `weak` also
    accepts the bylines without a "By" ("Jane Doe, Reuters", "Staff writer Jane Doe",
    "Jane Doe | Reuters": a bare name counts when an outlet segment vouches for it).
    """
    if len(line) > _MAX_FURNITURE_CHARS:
        return None  # a paragraph; also keeps the regexes off multi-megabyte lines
    dates: list[tuple[tuple[str, Precision], bool]] = []
    authors: list[str] = []
    bare_names: list[str] = []
    outlets = 0
    issuers = 0
    for segment in re.split(r"\s+[|·•]\s+|\s+[–—]\s+", line):
        if not segment:
            continue
        dated = _dateline_segment(segment)
        if dated is not None:
            dates.append((dated[0], dated[2]))
            if dated[1]:
                authors.append(dated[1])
        elif _TIME_ONLY.fullmatch(segment) or _EMPTY_BYLINE.fullmatch(segment):
            continue
        elif name := _byline(segment, weak=weak):
            authors.append(name)
        elif weak and _is_affiliation(segment):
            outlets += 1
        elif _is_issuer(segment):  # before names: "Foreign Ministry" reads as one
            issuers += 1
        elif weak and (name := _name_list(segment)):
            bare_names.append(name)
        else:
            return None
    if bare_names:
        if not outlets:
            return None
        authors = bare_names + authors
    if not dates and not authors:
        return None
    if issuers and not dates:
        return None  # "Office of Public Affairs | Jane Doe" is a contact line, not a byline
    # "Published ... | Updated ...": the publication date is the one not marked updated.
    published = next((d for d, updated in dates if not updated), dates[0][0] if dates else None)
    return published, (authors[0] if authors else None)


# Words naming the office that issues a release: "Foreign Ministry | July 26, 2024"
# (gob.mx), "Office of the Spokesperson | Feb. 9, 2024" (state.gov media notes).
_INSTITUTION_WORDS = _wordset(
    "ministry ministerio department departamento secretariat secretaría secretaria office "
    "oficina embassy embajada consulate consulado government gobierno presidency "
    "presidencia administration agency bureau commission comisión treasury cancillería "
    "spokesperson"
)


def _is_issuer(segment: str) -> bool:
    """A dateline segment naming the issuing institution (a release label counts too)."""
    words = [w.strip(".,'’\"()") for w in segment.split()]
    if (
        0 < len(words) <= 8
        and segment[:1].isupper()
        and any(w.casefold() in _INSTITUTION_WORDS for w in words)
    ):
        return True
    return _is_phrase(segment, "line", "masthead")


def _is_stamp(key: str) -> bool:
    """A labelled date line and nothing else: "Updated August 12, 2025", "Posted: 2025-08-12"."""
    if _DATE_LABEL.match(key) is None:
        return False
    meta = _header_meta(key, weak=False)
    return meta is not None and meta[0] is not None and meta[1] is None


# After "PLACE, ": a date, an optional agency in parentheses, then a dash - the
# wire-service dateline that opens a first paragraph ("MEXICO CITY, Aug. 29, 2024 (AP) —").
_AFTER_PLACE = re.compile(
    r"(?P<date>[^()\n–—]{5,40}?[\w.])\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|[-–—])\s"
)
_PLACE_PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "y", "of", "the"})


def _paragraph_dateline(line: str) -> tuple[str, Precision] | None:
    # The place may itself hold commas ("Culiacán, Sinaloa, 29 August 2024 —"), so every
    # comma among the first few is tried as the end of the place.
    for comma in list(re.finditer(r",\s+", line[:80]))[:3]:
        place_words = line[: comma.start()].replace(",", " ").split()
        if not place_words or len(place_words) > 6:
            return None
        if not all(w[0].isupper() or w.lower() in _PLACE_PARTICLES for w in place_words):
            return None
        match = _AFTER_PLACE.match(line, comma.end())
        parsed = parse_date(match.group("date")) if match else None
        # Only a full date: "MEXICO CITY, Aug. 29 (Reuters) -" has no year, and guessing
        # it is what we must not do.
        if parsed and parsed[1] == "day":
            return parsed
    return None


# --- bylines --------------------------------------------------------------------------

_ROLE = (
    r"(?:reporter|correspondent|writer|editor|columnist|contributor|journalist|staff|blogger"
    r"|author|analyst|freelancer|stringer|producer)s?"
)
_BY_PREFIX = re.compile(
    r"^(?:by|written\s+by|words\s+by|story\s+by|reported\s+by|reporting\s+by|posted\s+by"
    r"|authors?)\s*:?\s+",
    re.IGNORECASE,
)
_ROLE_WORD = re.compile(rf"\b{_ROLE}\b\s*[:,]?\s+", re.IGNORECASE)
_AFFILIATION_CUT = re.compile(r"[,;]\s*|\s+(?:for|of|at|on|with)\s+|\s*\(|\s+[-–—]\s+")
_DESC_STOPWORDS = _wordset("according to said says told by with from of as and")
_PARTICLES = _wordset("de del della der di da das dos du la le van von y bin ibn al el st")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words that make a capitalized phrase an outlet or a role rather than a person.
_MEDIA_WORDS = _wordset(
    "news press times post journal herald tribune today report reports review gazette "
    "chronicle daily magazine network agency service services wire monitor observer "
    "guardian telegraph independent standard examiner register star bee dispatch "
    "inquirer insider blog radio tv television media online staff desk team board "
    "bureau editorial editors newsroom associated reuters writer writers reporter "
    "reporters correspondent editor contributor columnist "
    # the author of a government statement: "Tammy Bruce, Department Spokesperson"
    "spokesperson spokesman spokeswoman secretary"
)
_WIRES = _wordset(
    "reuters ap afp efe upi dpa ansa xinhua bloomberg cnn bbc npr pbs abc cbs nbc "
    "agence-france-presse france-presse"
) | {"associated press", "the associated press", "agence france-presse"}


_TRAILING_LINK_WORD = re.compile(r"\s+(?:on|at|updated|published|posted|[|·•–—-])$", re.IGNORECASE)


def _byline(segment: str, *, weak: bool = True) -> str | None:
    """The personal name(s) in a byline segment, or None if it is not a byline.

    Forms: "By A B [and C D][, Outlet]", "Written by", "Author:", then with `weak`:
    "<descriptor> reporter A B" and "A B, Outlet" / "A B, staff writer".
    """
    segment = segment.strip().rstrip(".,;")
    # "Jane Doe, Chicago Tribune on" / "... | ": a scrape that dropped the date after it.
    segment = _TRAILING_LINK_WORD.sub("", segment)
    prefix = _BY_PREFIX.match(segment)
    if prefix:
        return _names_then_affiliation(segment[prefix.end() :], strict=False)
    if not weak:
        return None
    # "<up to five descriptor words> <role> NAME": every role word is a possible split
    # ("Staff writer Jane Doe" has two), the name must run to the end of the line.
    for role in _ROLE_WORD.finditer(segment):
        desc = segment[: role.start()].lower().split()
        if len(desc) > 5 or any(w in _DESC_STOPWORDS for w in desc):
            break
        name = _names_then_affiliation(segment[role.end() :], strict=True)
        if name:
            return name
    # "Jane Doe, Reuters" / "Jane Doe, staff writer": the affiliation must look like one,
    # or any capitalized pair on the first lines ("Mexico City, Mexico") would be a byline.
    return _names_then_affiliation(segment, strict=True, need_affiliation=True)


def _names_then_affiliation(
    text: str, *, strict: bool, need_affiliation: bool = False
) -> str | None:
    """Split "NAMES[, AFFILIATION]" and return NAMES when they are personal names.

    Cuts are tried from the right, so "Jane Doe, John Roe, Reuters" keeps both names.
    `strict` requires the affiliation to look like an outlet or a role; "By ..." lines
    are a strong enough signal to accept any short affiliation.
    """
    text = text.strip()
    if not need_affiliation:
        names = _name_list(text)
        if names:
            return names
    for cut in reversed(list(_AFFILIATION_CUT.finditer(text))):
        names = _name_list(text[: cut.start()])
        affiliation = text[cut.end() :].strip(" )")
        if not names or not affiliation or len(affiliation.split()) > 10:
            continue
        if not strict or _is_affiliation(affiliation):
            return names
    return None


def _is_affiliation(text: str) -> bool:
    lowered = text.lower()
    if lowered in _WIRES or re.search(rf"\b{_ROLE}\b", lowered):
        return True
    words = [w.strip(".,'’\"") for w in text.split()]
    return (
        bool(words)
        and len(words) <= 6
        and words[0][:1].isupper()
        and words[-1].lower() in _MEDIA_WORDS
    )


def _name_list(text: str) -> str | None:
    """`text` if it is one or more personal names ("A B", "A B and C D", "A B, C D & E F")."""
    text = text.strip().rstrip(".,;")
    parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+", text) if p]
    if parts and all(_is_person_name(p) for p in parts):
        return text
    return None


def _is_person_name(text: str) -> bool:
    """Two to six name tokens: capitalized words, initials, particles (de, van), suffixes."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 6 or tokens[0].lower() == "the":
        return False
    for pos, token in enumerate(tokens):
        core = token.strip("\"'“”‘’()")  # quoted nickname: Michael "Mick" Webster
        bare = core.rstrip(".,").lower()
        if not core:
            return False
        if bare in _MEDIA_WORDS or bare in _WIRES:
            return False
        if 0 < pos < len(tokens) - 1 and bare in _PARTICLES:
            continue
        if pos == len(tokens) - 1 and pos > 1 and bare in _SUFFIXES:
            continue
        if re.fullmatch(r"(?:[^\W\d_]\.)+", core) and core[0].isupper():
            continue  # initials: J. or J.R.
        if not (core[0].isupper() and all(ch.isalpha() or ch in "'’-." for ch in core)):
            return False
    return True


# --- mojibake ---------------------------------------------------------------------------

# UTF-8 read as Windows-1252 shows as a lead letter (Â Ã Ä Å for Latin letters, â for
# punctuation) followed by 1-3 characters from the cp1252 high range ("â€™" for ’, "Ã©"
# for é). Other leads (Ú, É) are left out: "PERÚ”" is real text whose bytes happen to
# form valid UTF-8.
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3\u00c4\u00c5\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
    "\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}"
)


def _mojibake_warning(text: str) -> list[str]:
    """Warn (never silently keep) when the text looks like UTF-8 decoded as Windows-1252."""
    for match in _MOJIBAKE.finditer(text):
        candidate = match.group()
        for size in range(len(candidate), 1, -1):
            try:
                fixed = candidate[:size].encode("cp1252").decode("utf-8")
            except UnicodeError:
                continue
            return [
                f"text looks double-encoded (mojibake such as {candidate[:size]!r} for "
                f"{fixed!r}); the source was probably saved through a wrong encoding"
            ]
    return []
