"""Bytes -> text: byte-order marks, the encoding fallbacks, refusing binary data, mojibake."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from cartelkb.extract.reader.problems import input_error

# Formats people save or rename to .txt by mistake; naming them beats "looks binary".
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS\x00", "an Ogg audio or video file"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (b"\x7fELF", "an executable"),
)
# Formats told by two marks (RIFF: WebP, WAV, AVI; ISO media: MP4) or whose first bytes
# alone could begin a text ("BZh", "ID3").
_TAGGED = (
    (0, b"BZh", 4, b"1AY&SY", "a bzip2 archive"),
    (0, b"ID3", 4, b"\x00", "an MP3 audio file"),
    (0, b"RIFF", 8, b"WEBP", "a WebP image"),
    (0, b"RIFF", 8, b"WAVE", "a WAV audio file"),
    (0, b"RIFF", 8, b"AVI ", "an AVI video"),
    (4, b"ftyp", 8, b"", "an MP4/QuickTime video or HEIC image"),
)
# Text formats that are not articles: their first characters say what they are.
_TEXT_FORMATS = (
    (re.compile(r"\{\\rtf"), "an RTF document; save it as plain text"),
    (re.compile(r"%!PS"), "a PostScript document"),
    (
        re.compile(
            r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]", re.I | re.S
        ),
        "an SVG image",
    ),
    (
        re.compile(
            r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.I | re.S
        ),
        "an RSS or Atom feed, not one article; ingest its articles' pages",
    ),
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
    refuse_binary_format(data, path)
    warnings: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise input_error(
                    path,
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"({exc.reason} at byte {exc.start + len(bom)}); re-save it as UTF-8",
                ) from None
            break
    else:
        if b"\x00" in data:
            guessed = _bomless_utf16(data)
            if guessed is None:
                raise input_error(path, "contains NUL bytes; looks binary, not a text file")
            text, encoding = guessed
            warnings.append(f"decoded as {encoding} (no byte-order mark; guessed from NULs)")
        else:
            text, encoding, warnings = _decode_8bit(data)
    text = normalize_newlines(text)
    _refuse_binary_text(path, text, encoding)
    _refuse_text_format(path, text)
    return text, encoding, warnings


def refuse_binary_format(data: bytes, path: Path | str) -> None:
    """Refuse, naming it, a binary format that is not an article (an image, a PDF, a ZIP).

    Raises:
        InputError: `data` starts like one of the formats of _MAGIC or _TAGGED.
    """
    kind = next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)
    for at, tag, sub_at, sub, name in _TAGGED:
        if kind is None and data.startswith(tag, at) and data.startswith(sub, sub_at):
            kind = name
    if kind is not None:
        raise input_error(
            path, f"looks like {kind}, not text; convert it to a plain-text file first"
        )


def _refuse_text_format(path: Path, text: str) -> None:
    head = text[:4096].lstrip("\ufeff \t\n")
    for pattern, kind in _TEXT_FORMATS:
        if pattern.match(head):
            raise input_error(path, f"looks like {kind}, not an article")


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
        raise input_error(path, "contains NUL bytes; looks binary, not a text file")
    controls = len(_CONTROL_CHARS.findall(text))
    # Real text has (almost) none; Latin-1 read of binary data has many. One percent
    # tolerates a stray escape character in an otherwise good file.
    if controls and controls > 0.01 * len(text):
        raise input_error(
            path,
            f"cannot be decoded as text: {controls} control characters after decoding as "
            f"{encoding}; it is binary or in an unsupported encoding - convert it to UTF-8",
        )


def normalize_newlines(text: str) -> str:
    """Turn Windows (\\r\\n) and old Mac (\\r) line endings into \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# UTF-8 read as Windows-1252 shows as a lead letter (Â Ã Ä Å for Latin letters, â for
# punctuation) followed by 1-3 characters from the cp1252 high range ("â€™" for ’, "Ã©"
# for é). Other leads (Ú, É) are left out: "PERÚ”" is real text whose bytes happen to
# form valid UTF-8.
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3\u00c4\u00c5\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
    "\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}"
)


def mojibake_warning(text: str) -> list[str]:
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
