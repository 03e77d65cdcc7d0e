"""Tests for cartelkb.extract.reader.markdown, and .md files through read_article."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from cartelkb.extract.reader import read_article
from cartelkb.extract.reader.markdown import markdown_text

from .samples import write


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("# Cartel *Talks* Resume", "Cartel Talks Resume"),
        ("Cartel Talks\n============", "Cartel Talks"),  # a setext heading
        ("## A Subheading ##", "A Subheading"),
        ('Mexico\'s [president](https://x.mx/p "t") said no.', "Mexico's president said no."),
        ("See <https://www.dea.gov>.", "See https://www.dea.gov."),
        ("A [reference link][dea].\n\n[dea]: https://www.dea.gov", "A reference link."),
        ("**Bold**, __strong__, *em* and _em_.", "Bold, strong, em and em."),
        ("offer_with_underscores and 2 * 3 * 4", "offer_with_underscores and 2 * 3 * 4"),
        ("Escaped \\*stars\\* and &amp; entities", "Escaped *stars* and & entities"),
        ("Use `nlp.pipe` here.", "Use nlp.pipe here."),
        ("![Sheinbaum at the border](photo.jpg)\n\nText.", "Text."),  # images go
        ("A <span>tagged</span> word.", "A tagged word."),
        ('<div class="ad">Subscribe</div>\n\nText.', "Text."),  # HTML blocks go
        ("- one\n- two *items*", "one\n\ntwo items"),
        ("1. first\n2. second", "first\n\nsecond"),
        ("> A quoted\n> statement.", "A quoted\nstatement."),
        ("Text.\n\n---\n\nMore.", "Text.\n\nMore."),  # a rule goes
        ("```\ncode line\n```", "code line"),
        # Line breaks stay where the author put them: a header on consecutive lines.
        ("Headline\nBy Jane Doe\nAug. 29, 2024", "Headline\nBy Jane Doe\nAug. 29, 2024"),
        ("By **Jane Doe**  \nAug. 29, 2024", "By Jane Doe\nAug. 29, 2024"),  # hard break
    ],
)
def test_markdown_text(source: str, text: str) -> None:
    assert markdown_text(source)[0] == text


@pytest.mark.parametrize(
    ("source", "title"),
    [
        ("# Cartel Talks Resume\n\nText.", "Cartel Talks Resume"),
        ("Cartel Talks Resume\n===\n\nText.", "Cartel Talks Resume"),
        ("## Level Two\n\nText.", None),  # only a level-1 heading is the title
        ("Text first.\n\n# A Heading Later", None),  # only a leading one
        ("# Ends With a Stop.\n\nText.", "Ends With a Stop."),  # a heading, whatever it ends in
    ],
)
def test_leading_heading_is_the_title(source: str, title: str | None) -> None:
    assert markdown_text(source)[1] == title


MARKDOWN = """---
date: 2024-08-29
---
# Sheinbaum *Rejects* U.S. Troops

By **Jane Doe**

Mexico's [president](https://www.gob.mx) said on Tuesday that Mexico would not accept
U.S. troops. The *Drug Enforcement Administration* declined to comment.

![A photo](x.jpg)
"""


def test_markdown_file_offsets_refer_to_the_plain_text(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "story.md", MARKDOWN.encode()))
    assert article.text == (
        "Sheinbaum Rejects U.S. Troops\n\nBy Jane Doe\n\nMexico's president said on Tuesday "
        "that Mexico would not accept\nU.S. troops. The Drug Enforcement Administration "
        "declined to comment."
    )
    assert article.title == "Sheinbaum Rejects U.S. Troops"
    assert article.author == "Jane Doe"
    assert article.published == "2024-08-29"
    start = article.text.index("Drug Enforcement Administration")
    assert article.text[start : start + 31] == "Drug Enforcement Administration"


def test_markdown_identity_is_the_source_after_the_front_matter(tmp_path: Path) -> None:
    """Keyed by what the file says, not by our cleaning of it (as .txt furniture)."""
    article = read_article(write(tmp_path, "story.md", MARKDOWN.encode()))
    source = MARKDOWN.split("---\n", 2)[2]
    assert article.sha256 == hashlib.sha256(source.encode()).hexdigest()


def test_a_markdown_heading_ending_in_a_stop_is_still_the_title(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", b"# Mexico Says No.\n\nMexico rejected the offer on Tuesday.")
    assert read_article(path).title == "Mexico Says No."


def test_front_matter_title_wins_over_the_heading(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", b"---\ntitle: Stated\n---\n# Heading\n\nText here.")
    article = read_article(path)
    assert (article.title, article.metadata_source) == ("Stated", "front matter")
