"""The kinds of input (text, Markdown, HTML) and decoded content -> raw article.

The kind comes from the file name, and for text from the content too:

    .txt and any other name  text: YAML front matter, then parse_text; a text whose
                             content is an HTML document is read as HTML
    .md, .markdown           Markdown: front matter, then plain text (`markdown`)
    .html, .htm              an HTML page (`pages`)

Metadata stated by the file wins over what the reader guesses from the text, and says
where it came from: "front matter", or "page" for an HTML page's metadata
(`RawArticle.metadata_source`).

Identity (sha256): of the text after the front matter for text and Markdown files (the
Markdown source, not its cleaned text: see parse_text), of the extracted text for HTML.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Literal

from cartelkb.extract.reader.decoding import normalize_newlines
from cartelkb.extract.reader.frontmatter import split_front_matter
from cartelkb.extract.reader.markdown import markdown_text
from cartelkb.extract.reader.pages import looks_like_html, page_article
from cartelkb.extract.reader.parse import parse_text
from cartelkb.extract.reader.problems import input_error
from cartelkb.extract.reader.stated import FieldError, stated_metadata
from cartelkb.records import RawArticle

Kind = Literal["text", "markdown", "html"]

SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def kind_of(path: PurePath | str) -> Kind:
    """The kind a file's name says (case-insensitive); text for any other name."""
    return SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def article_from_text(text: str, source_path: str, kind: Kind = "text") -> RawArticle:
    """A raw article from the decoded content of a file of `kind`.

    Raises:
        InputError: the content cannot be read as an article of its kind (a malformed
            front matter block, an HTML page without text, ...), or parse_text
            refuses it.
    """
    text = normalize_newlines(text).removeprefix("\ufeff")
    try:
        if kind == "html" or (kind == "text" and looks_like_html(text)):
            page, meta = page_article(text)
            return meta.apply(parse_text(page, source_path), "page")
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
