"""Tests for cartelkb.extract.reader.pages: HTML pages through trafilatura, and read_article."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from cartelkb.errors import InputError
from cartelkb.extract.reader import read_article
from cartelkb.extract.reader.pages import looks_like_html, page_article

from .samples import FIXTURES, write

PAGES = sorted((FIXTURES / "html").glob("*.html"))


def normalized(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_a_real_page_reads_as_its_txt_copy(page: Path) -> None:
    """Acceptance: a real .gov page gives the text and title of its hand-made .txt copy."""
    html = read_article(page)
    txt = read_article(page.with_suffix(".txt"))
    assert normalized(html.text) == normalized(txt.text)
    assert html.title == txt.title
    assert html.title is not None


def test_the_page_metadata_wins_and_says_where_it_came_from() -> None:
    article = read_article(FIXTURES / "html" / "whitehouse-2015-04-11-weekly-address.html")
    assert article.title == "Weekly Address: Tuition-Free Community College"
    assert (article.published, article.published_precision) == ("2015-04-11", "day")
    assert article.url == (
        "https://obamawhitehouse.archives.gov/the-press-office/2015/04/11/"
        "weekly-address-tuition-free-community-college"
    )
    assert article.outlet == "whitehouse.gov"
    assert article.metadata_source == "page"
    # One paragraph (or <br> line) per line, the headline first.
    lines = article.text.split("\n")
    assert lines[0] == article.title
    assert lines[4:8] == [
        "Remarks of Vice President Joe Biden",
        "Weekly Address",
        "The White House",
        "April 11, 2015",
    ]
    assert article.sha256 == hashlib.sha256(article.text.encode()).hexdigest()


def page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>Cartel Talks Resume | Example News</title>{head}"
        '<meta property="og:site_name" content="Example News"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/us">U.S.</a></nav>'
        f"<article>{body}</article>"
        "<footer>Copyright 2019 Example News. All rights reserved.</footer></body></html>"
    )


PARAGRAPHS = (
    "<p>Mexico's president rejected the offer on Tuesday, officials said, and talks between "
    "the two governments would continue next week in Mexico City.</p>"
    "<p>The two   governments share\n intelligence on cartel networks, according to the Drug "
    "Enforcement Administration, which declined to comment.</p>"
)


def test_page_text_is_one_paragraph_per_line_headline_first() -> None:
    text, meta = page_article(page("<h1>Cartel Talks Resume</h1>" + PARAGRAPHS))
    assert text.split("\n") == [
        "Cartel Talks Resume",
        "Mexico's president rejected the offer on Tuesday, officials said, and talks between "
        "the two governments would continue next week in Mexico City.",
        "The two governments share intelligence on cartel networks, according to the Drug "
        "Enforcement Administration, which declined to comment.",
    ]
    assert meta.title == "Cartel Talks Resume"  # the site name is not part of it
    assert meta.outlet == "Example News"


def test_the_headline_is_put_first_when_the_body_lacks_it() -> None:
    text, _ = page_article(page(PARAGRAPHS))
    assert text.startswith("Cartel Talks Resume\nMexico's president")


@pytest.mark.parametrize(
    ("head", "author"),
    [
        ('<meta name="author" content="Jane Doe">', "Jane Doe"),
        ('<meta name="author" content="Jane Doe; John Roe">', "Jane Doe, John Roe"),
        ('<meta name="author" content="January">', None),  # a guess that is not a name
        ('<meta name="author" content="Press Office">', None),
    ],
)
def test_page_author_only_when_it_reads_as_names(head: str, author: str | None) -> None:
    assert page_article(page(PARAGRAPHS, head))[1].author == author


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ('<meta property="article:published_time" content="2024-08-29T23:30:00-05:00">',
         ("2024-08-29", "day")),
        ('<meta property="article:published_time" content="2024-01-01">', ("2024-01-01", "day")),
        # htmldate turns a copyright year into January 1: a day the page never states.
        ('<meta itemprop="copyrightYear" content="2019">', ("2019", "year")),
        ("", None),
    ],
)  # fmt: skip
def test_page_date(head: str, published: tuple[str, str] | None) -> None:
    meta = page_article(page(PARAGRAPHS, head))[1]
    found = (meta.published, meta.published_precision) if meta.published else None
    assert found == published


def test_a_page_without_article_text_fails(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.html", b"<html><head><title>x</title></head><body></body></html>")
    with pytest.raises(InputError, match="is an HTML page, but no article text was found"):
        read_article(path)


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("\n  <!doctype HTML>\n<html>", True),
        ('<?xml version="1.0"?>\n<!-- saved -->\n<html xmlns="x">', True),
        ("<html>", True),
        ("<body class='x'>", True),
        ("Headline\n\n<p>A paragraph in a text file.</p>", False),
        ("<htmlish> is not a tag we know", False),
        ("Plain text.", False),
    ],
)
def test_looks_like_html(text: str, html: bool) -> None:
    assert looks_like_html(text) is html


def test_a_txt_file_holding_a_page_is_read_as_html(tmp_path: Path) -> None:
    path = write(tmp_path, "saved.txt", page("<h1>Cartel Talks Resume</h1>" + PARAGRAPHS).encode())
    article = read_article(path)
    assert article.text.startswith("Cartel Talks Resume\nMexico's president")
    assert "<" not in article.text
    assert article.metadata_source == "page"
