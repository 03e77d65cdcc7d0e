"""HTML pages -> article text and the page's metadata, with trafilatura (htmldate for the date).

trafilatura finds the main text of the page (dropping navigation, footers, comments and
related links) and reads its metadata: title, author, publication date, canonical URL
and site name. The text handed on is plain text, one paragraph (or `<br>`-separated
line) per line, whitespace collapsed as a browser shows it, the headline first: the rest
of the reader (header lines, page furniture) then works as for a .txt copy.

Dates come from htmldate, which trafilatura calls, with `original_date` (the publication,
not the last change) and without its extensive search, which falls back to copyright
years and free text and reports them as January 1, a day the page never states. A
January 1 the page does not write out is kept as a year for the same reason.

The article's identity (sha256) is that of the extracted text, so a newer trafilatura
that extracts a page differently gives it a new identity (see the README).
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import TYPE_CHECKING

from cartelkb.extract.reader.bylines import name_list
from cartelkb.extract.reader.lines import line_key
from cartelkb.extract.reader.stated import FieldError
from cartelkb.manifest import Metadata
from cartelkb.records import Precision

if TYPE_CHECKING:
    from lxml.etree import _Element

# trafilatura and htmldate log what they discard; a page they cannot read is reported
# by cartelkb as the file's failure, once. (Without a handler of its own, a library's
# warnings would reach stderr through logging's last-resort handler.)
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

# The start of an HTML document: a doctype or an <html>/<head>/<body> tag, after any
# XML declaration, comments and whitespace. Scrapes saved as .txt keep this too.
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
    re.IGNORECASE | re.DOTALL,
)

# Elements of trafilatura's output that start a new line; all others are inline.
_BLOCKS = frozenset({"body", "div", "doc", "head", "item", "list", "main", "p", "quote", "code"})


def looks_like_html(text: str) -> bool:
    """Whether `text` is an HTML document (by its first tag, not by its file name)."""
    return _HTML_START.match(text[:4096]) is not None


def page_article(html: str) -> tuple[str, Metadata]:
    """The article of an HTML page as plain text, and what the page states about it.

    Returns:
        (text, metadata): the headline then the paragraphs, one per line; the page's
        title, author (only when it reads as personal names), date, URL and site name.

    Raises:
        FieldError: trafilatura finds no article text in the page.
    """
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": date.today().isoformat(),
        },
    )
    if not isinstance(document, Document) or document.body is None:
        raise FieldError("is an HTML page, but no article text was found in it")
    lines = _block_lines(document.body)
    if not lines:
        raise FieldError("is an HTML page, but no article text was found in it")
    title = " ".join((document.title or "").split()) or None
    if title and line_key(lines[0]).casefold() != line_key(title).casefold():
        lines.insert(0, title)  # the headline first, as in a .txt copy
    published = _page_date(document.date, html)
    return "\n".join(lines), Metadata(
        title=title,
        published=published[0] if published else None,
        published_precision=published[1] if published else None,
        author=_author(document.author),
        url=document.url or None,
        outlet=document.sitename or None,
    )


def _block_lines(root: _Element) -> list[str]:
    """The lines of trafilatura's XML: a line per block element and per <lb/>."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        for line in "".join(buffer).split("\n"):
            if line.strip():
                lines.append(line.strip())
        buffer.clear()

    def text(value: str | None) -> None:
        if value:
            buffer.append(re.sub(r"\s+", " ", value))

    def walk(element: _Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "graphic":
            return
        if tag in _BLOCKS:
            flush()
        if tag == "row":
            flush()
            cells = [" ".join("".join(cell.itertext()).split()) for cell in element]
            buffer.append(" | ".join(c for c in cells if c))
            flush()
            return
        text(element.text)
        for child in element:
            walk(child)
            if child.tag == "lb":
                buffer.append("\n")
            text(child.tail)
        if tag in _BLOCKS:
            flush()

    walk(root)
    flush()
    return lines


def _author(value: str | None) -> str | None:
    """trafilatura's author, when it reads as personal names ("A B; C D" -> "A B, C D").

    Its guesses from page markup are sometimes a month or a section name ("January",
    "Press Office"); the reader's byline test keeps only names.
    """
    if not value:
        return None
    names = ", ".join(part.strip() for part in value.split(";") if part.strip())
    return name_list(names)


def _page_date(value: str | None, html: str) -> tuple[str, Precision] | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    if (day.month, day.day) == (1, 1) and not _writes_new_year(html, day.year):
        return str(day.year), "year"
    return day.isoformat(), "day"


def _writes_new_year(html: str, year: int) -> bool:
    """Whether the page writes January 1 of `year` out (2024-01-01, January 1, 2024, ...)."""
    pattern = (
        rf"{year}[-/.]0?1[-/.]0?1\b|\b0?1[-/.]0?1[-/.]{year}"
        rf"|\bjan(?:uary|\.)?\s+0?1(?:st)?,?\s+{year}|\b0?1(?:st)?\s+jan(?:uary|\.)?,?\s+{year}"
    )
    return re.search(pattern, html, re.IGNORECASE) is not None
