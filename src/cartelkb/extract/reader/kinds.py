"""The kinds of input (text, Markdown, HTML, JSON, JSON Lines) and decoded content -> raw article.

The kind comes from the file name, and for text from the content too:

    .txt and any other name  text: YAML front matter, then parse_text; a text whose
                             content is an HTML document is read as HTML
    .md, .markdown           Markdown: front matter, then plain text (`markdown`)
    .html, .htm              an HTML page (`pages`)
    .json                    one article object (news-please; `jsonarticles`)
    .jsonl, .ndjson          a corpus: one article object per line (`files.read_corpus`)

Metadata stated by the file wins over what the reader guesses from the text, and says
where it came from: "front matter", or "page" for an HTML page's metadata and the fields
of a JSON article (`RawArticle.metadata_source`).

Identity (sha256): of the text after the front matter for text and Markdown files (the
Markdown source, not its cleaned text: see parse_text), of the extracted text for HTML,
of the text built from the fields (title, text) for JSON.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Literal

from cartelkb.extract.reader.decoding import normalize_newlines
from cartelkb.extract.reader.frontmatter import split_front_matter
from cartelkb.extract.reader.jsonarticles import json_article
from cartelkb.extract.reader.markdown import markdown_text
from cartelkb.extract.reader.pages import looks_like_html, page_article
from cartelkb.extract.reader.parse import parse_text
from cartelkb.extract.reader.problems import input_error
from cartelkb.extract.reader.stated import FieldError, stated_metadata
from cartelkb.records import RawArticle

Kind = Literal["text", "markdown", "html", "json", "jsonl"]

SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

DEFAULT_PATTERNS = ("*.txt", "*.md", "*.html", "*.htm", "*.json", "*.jsonl")
"""What discover() takes from a directory unless told otherwise: the supported kinds."""


def kind_of(path: PurePath | str) -> Kind:
    """The kind a file's name says (case-insensitive); text for any other name."""
    return SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def article_from_text(text: str, source_path: str, kind: Kind = "text") -> RawArticle:
    """A raw article from the decoded content of a file of `kind` (not JSON Lines).

    Raises:
        InputError: the content cannot be read as an article of its kind (a malformed
            front matter block, an HTML page without text, a JSON file that is not an
            article, ...), or parse_text refuses it.
    """
    text = normalize_newlines(text).removeprefix("\ufeff")
    try:
        if kind == "html" or (kind == "text" and looks_like_html(text)):
            page, meta = page_article(text)
            return meta.apply(parse_text(page, source_path), "page")
        if kind == "json":
            return article_from_json(_json_value(text), source_path)
        fields, body = split_front_matter(text)
        stated = stated_metadata(fields) if fields else None
    except FieldError as exc:
        raise input_error(source_path, str(exc)) from None
    if kind == "markdown":
        plain, heading = markdown_text(body)
        raw = parse_text(plain, source_path, identity=body)
        if heading:
            raw = raw.model_copy(update={"title": heading})
    else:
        raw = parse_text(body, source_path)
    return stated.apply(raw, "front matter") if stated else raw


def article_from_json(obj: object, source_path: str) -> RawArticle:
    """A raw article from one JSON article object (a .json file, a line of a corpus).

    Raises:
        InputError: not an article object, or a field that cannot be used.
    """
    try:
        text, meta, warnings = json_article(obj)
    except FieldError as exc:
        raise input_error(source_path, str(exc)) from None
    raw = meta.apply(parse_text(text, source_path), "page")
    return raw.model_copy(update={"warnings": [*warnings, *raw.warnings]}) if warnings else raw


def _json_value(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        hint = ""
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            hint = "; one object per line is JSON Lines: name the file .jsonl"
        raise FieldError(
            f"is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno}){hint}"
        ) from None


def corpus_line(line: bytes, source_path: str) -> RawArticle:
    """A raw article from one line of a JSON Lines corpus (UTF-8, as JSON must be).

    Raises:
        InputError: the line is not UTF-8, not JSON, or not an article object.
    """
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise input_error(
            source_path, f"is not UTF-8 (byte {exc.start + 1} of the line); JSON must be UTF-8"
        ) from None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise input_error(
            source_path, f"is not a JSON object ({exc.msg} at column {exc.colno})"
        ) from None
    return article_from_json(obj, source_path)
