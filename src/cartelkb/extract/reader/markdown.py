"""Markdown -> plain text: markup reduced to its words, lines kept as written (markdown-it-py).

The source is parsed as CommonMark, then written out as plain text:

- headings (`# Title`, or underlined with `===`) lose their marks; a level-1 heading
  that is the first block is the article's title;
- links `[text](url)` and `<url>` become their text, emphasis and code marks go,
  backslash escapes and entities (`&amp;`) become the character they stand for;
- images (`![alt](src)`), raw HTML tags and blocks, link reference definitions and
  horizontal rules go; fenced and indented code keeps its lines;
- list, quote and paragraph blocks become paragraphs separated by a blank line; the
  line breaks inside a paragraph stay where the author put them, so a header written on
  consecutive lines (headline, byline, date) is read as it is in a .txt file.

Every offset refers to this plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Inline tokens whose content is text of the article; all others are markup.
_TEXT_TOKENS = frozenset({"text", "text_special", "code_inline"})
_BREAKS = frozenset({"softbreak", "hardbreak"})


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def markdown_text(source: str) -> tuple[str, str | None]:
    """Plain text of a Markdown document, and its leading level-1 heading.

    Args:
        source: the Markdown, front matter already removed.

    Returns:
        (plain text, the first block's text when it is a level-1 heading, else None).
    """
    tokens = _parser().parse(source)
    blocks: list[str] = []
    title: str | None = None
    for i, token in enumerate(tokens):
        if token.type == "inline":
            text = _lines(_inline(token.children or []))
            if not text:
                continue
            opener = tokens[i - 1] if i else None
            if not blocks and opener is not None and opener.type == "heading_open":
                title = " ".join(text.split()) if opener.tag == "h1" else None
            blocks.append(text)
        elif token.type in ("fence", "code_block"):
            code = token.content.strip("\n")
            if code.strip():
                blocks.append(code)
    return "\n\n".join(blocks), title


def _inline(children: Sequence[Token]) -> str:
    parts = []
    for child in children:
        if child.type in _TEXT_TOKENS:
            parts.append(child.content)
        elif child.type in _BREAKS:
            parts.append("\n")
        # image (its alt text is a description, not prose), html_inline, and the
        # open/close marks of links and emphasis add nothing.
    return "".join(parts)


def _lines(text: str) -> str:
    """Lines stripped at both ends, empty ones dropped (a line that held only an image)."""
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())
