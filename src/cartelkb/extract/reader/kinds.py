"""The kinds of input (text, Markdown) and decoded content -> raw article.

The kind comes from the file name:

    .txt and any other name  text: YAML front matter, then parse_text
    .md, .markdown           Markdown: front matter, then plain text (`markdown`)

Metadata stated by the file wins over what the reader guesses from the text, and says
where it came from: "front matter" (`RawArticle.metadata_source`).

Identity (sha256): of the text after the front matter for text and Markdown files (the
Markdown source, not its cleaned text: see parse_text).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Literal

from cartelkb.extract.reader.decoding import normalize_newlines
from cartelkb.extract.reader.frontmatter import split_front_matter
from cartelkb.extract.reader.markdown import markdown_text
from cartelkb.extract.reader.parse import parse_text
from cartelkb.extract.reader.problems import input_error
from cartelkb.extract.reader.stated import FieldError, stated_metadata
from cartelkb.records import RawArticle

Kind = Literal["text", "markdown"]

SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}


def kind_of(path: PurePath | str) -> Kind:
    """The kind a file's name says (case-insensitive); text for any other name."""
    return SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def article_from_text(text: str, source_path: str, kind: Kind = "text") -> RawArticle:
    """A raw article from the decoded content of a file of `kind`.

    Raises:
        InputError: the content cannot be read as an article of its kind (a malformed
            front matter block, ...), or parse_text refuses it.
    """
    text = normalize_newlines(text).removeprefix("\ufeff")
    try:
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
