"""Tests for cartelkb.extract.reader.decoding, through read_article: encodings, binary, mojibake."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from cartelkb.errors import InputError
from cartelkb.extract.reader import decode, read_article
from cartelkb.extract.reader.decoding import mojibake_warning

from .samples import ARTICLE, write


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        (ARTICLE.replace("\n", "\r").encode("utf-8"), "utf-8"),
    ],
)
def test_read_article_decodes_unicode(tmp_path: Path, data: bytes, encoding: str) -> None:
    article = read_article(write(tmp_path, "a.txt", data))
    assert article.encoding == encoding
    assert article.warnings == []
    assert article.text == ARTICLE.strip()
    assert article.title == "Cartel Talks Resume"
    assert article.sha256 == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()


def test_read_article_cp1252_warns_and_names_the_encoding(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", ARTICLE.encode("cp1252")))
    assert article.encoding == "windows-1252"
    assert article.text == ARTICLE.strip()  # no mojibake: ’ and “ ” decoded right
    assert any("decoded as windows-1252" in w for w in article.warnings)


def test_read_article_latin1_fallback_warns(tmp_path: Path) -> None:
    # 0x81 is undefined in Windows-1252, so only Latin-1 decodes it.
    data = ("Cartel Talks Resume\n\n" + "Plain words here. " * 20).encode() + b"caf\xe9 \x81\n"
    article = read_article(write(tmp_path, "a.txt", data))
    assert article.encoding == "latin-1"
    assert any("decoded as latin-1" in w for w in article.warnings)
    assert "café" in article.text


def test_read_article_mostly_utf8_with_a_bad_byte_is_not_mojibake(tmp_path: Path) -> None:
    data = ARTICLE.encode("utf-8") + b"Broken byte: \xff here.\n"
    article = read_article(write(tmp_path, "a.txt", data))
    assert article.encoding == "utf-8"
    assert "México’s “security”" in article.text
    assert "\ufffd" in article.text
    assert any("not valid UTF-8" in w for w in article.warnings)


def test_read_article_bomless_utf16_is_recognized(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", ARTICLE.encode("utf-16-le")))
    assert article.encoding == "utf-16-le"
    assert article.text == ARTICLE.strip()
    assert any("no byte-order mark" in w for w in article.warnings)


def test_read_article_warns_about_double_encoded_text(tmp_path: Path) -> None:
    mojibake = "Cartel Talks\n\nMéxico’s plan".encode().decode("cp1252")  # MÃ©xicoâ€™s
    article = read_article(write(tmp_path, "a.txt", mojibake.encode("utf-8")))
    assert article.encoding == "utf-8"
    assert any("double-encoded" in w for w in article.warnings)
    assert read_article(write(tmp_path, "b.txt", ARTICLE.encode("utf-8"))).warnings == []


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is empty"),
        (b" \n\t\r\n  ", "only whitespace"),
        (b"Headline\n\x00\x01\x02binary\x00", "contains NUL bytes; looks binary"),
        (PNG, "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (bytes(range(1, 256)) * 4, "cannot be decoded as text"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8A\x00", "not valid utf-16-le"),
    ],
)
def test_read_article_refuses(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path, "story.txt", data)
    with pytest.raises(InputError, match=reason) as info:
        read_article(path)
    assert str(path) in str(info.value)


# --- decode and the mojibake check, on bytes and text directly ----------------------------


@pytest.mark.parametrize(
    ("data", "decoded"),
    [
        (b"a\r\nb\rc", ("a\nb\nc", "utf-8", [])),
        (codecs.BOM_UTF8 + "café".encode(), ("café", "utf-8-sig", [])),
        (codecs.BOM_UTF32_LE + "café".encode("utf-32-le"), ("café", "utf-32-le", [])),
        (
            "ab".encode("utf-16-be"),
            ("ab", "utf-16-be", ["decoded as utf-16-be (no byte-order mark; guessed from NULs)"]),
        ),
    ],
)
def test_decode(data: bytes, decoded: tuple[str, str, list[str]]) -> None:
    assert decode(data) == decoded


def test_decode_names_a_known_binary_format() -> None:
    with pytest.raises(InputError, match="looks like a gzip archive, not text"):
        decode(b"\x1f\x8b\x08\x00rest", "a.txt")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "a WebP image"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "a WAV audio file"),
        (b"\x00\x00\x00\x18ftypmp42\x00\x00", "an MP4/QuickTime video or HEIC image"),
        (b"II*\x00\x08\x00\x00\x00", "a TIFF image"),
        (b"BZh91AY&SY\x00\x00", "a bzip2 archive"),
        (b"\xfd7zXZ\x00\x00", "an xz archive"),
        (b"7z\xbc\xaf\x27\x1c\x00\x04", "a 7-Zip archive"),
        (b"Rar!\x1a\x07\x01\x00", "a RAR archive"),
        (b"SQLite format 3\x00\x10\x00", "an SQLite database"),
        (b"ID3\x04\x00\x00\x00\x00\x00", "an MP3 audio file"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive"),
        (b"{\\rtf1\\ansi Mexico said no.}", "an RTF document"),
        (b"%!PS-Adobe-3.0\n", "a PostScript document"),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">', "an SVG image"),
        (b"<svg width='10'></svg>", "an SVG image"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel>', "an RSS or Atom feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "an RSS or Atom feed"),
    ],
)
def test_formats_that_are_not_articles_are_named(tmp_path: Path, data: bytes, kind: str) -> None:
    path = write(tmp_path, "story.txt", data)
    with pytest.raises(InputError, match=f"looks like {kind}"):
        read_article(path)


@pytest.mark.parametrize(
    "text",
    [
        "BZh is not a word, but this text starts with it.",
        "ID3 tags: a story about music metadata.",
        "RIFF raids: an operation named after a guitar riff.",
        "<svgish> markup is not an image.",
    ],
)
def test_texts_that_merely_start_like_a_format_are_read(tmp_path: Path, text: str) -> None:
    assert read_article(write(tmp_path, "story.txt", text.encode())).text == text


@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("Cartel Talks\n\nMéxico’s plan".encode().decode("cp1252"), True),  # MÃ©xicoâ€™s
        ("México’s plan", False),
        ("PERÚ”", False),  # real text whose bytes happen to be valid UTF-8
        ("â€ alone", False),  # the shape, but no whole UTF-8 sequence behind it
    ],
)
def test_mojibake_warning(text: str, warns: bool) -> None:
    assert bool(mojibake_warning(text)) is warns
