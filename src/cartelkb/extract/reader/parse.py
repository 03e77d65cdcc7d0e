"""parse_text: decoded text -> raw article: furniture out, header read, offsets into the rest."""

from __future__ import annotations

import hashlib

from cartelkb.extract.reader.decoding import mojibake_warning, normalize_newlines
from cartelkb.extract.reader.furniture import furniture_lines, trailing_furniture
from cartelkb.extract.reader.header import (
    HEADER_LINES,
    is_stamp,
    read_header,
    split_label,
    title_value,
)
from cartelkb.extract.reader.lines import is_sentence, line_key
from cartelkb.extract.reader.problems import input_error
from cartelkb.records import RawArticle


def parse_text(
    text: str, source_path: str = "<text>", *, identity: str | None = None
) -> RawArticle:
    """Clean article text and read its header: the pure part of read_article.

    `sha256` is computed on the text after line-ending normalization and BEFORE
    furniture removal, so that improving the cleaning rules later does not change an
    article's identity (its key in the database).

    `text` is the input minus page furniture: comment widgets, share/subscribe/follow/
    advertisement lines, trailing "More articles at ..." / "Read more at ..." /
    "Continue reading" phrases, and lines repeating the headline; the template lines
    listed in data/furniture.txt (the .gov banner, skip links, "Press Release" and "For
    Immediate Release" labels, footers), site names above the headline, furniture
    headings with their entries ("Topic(s)", "Contact", "Related Content"), contact and
    hotline lines ("Media Contact 202-226-8467"), lines that are several template phrases
    run together ("Skip to content Skip to footer Site map"), numbered breadcrumbs ("1.
    Home", "2. Newsroom"), a date label alone above its date ("Release Date"), everything
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
        identity: the text whose sha256 is the article's identity when it is not `text`
            itself: the Markdown source of a cleaned .md file, so that better Markdown
            cleaning later does not change the key either.

    Returns:
        The cleaned article with title, author and publication date when present.

    Raises:
        InputError: the text is empty, whitespace-only, only furniture, or has NULs.
    """
    text = normalize_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise input_error(source_path, "contains NUL bytes; looks binary, not a text file")
    if not text.strip():
        raise input_error(source_path, "contains only whitespace; nothing to ingest")
    keyed = text if identity is None else normalize_newlines(identity).removeprefix("\ufeff")
    sha = hashlib.sha256(keyed.encode("utf-8", errors="surrogatepass")).hexdigest()

    lines = text.split("\n")
    # "For Immediate Release: Aug. 12, 2025": the label goes, the date stays as a dateline.
    labels: dict[int, str] = {}
    for i, line in enumerate(lines):
        split = split_label(line)
        if split is not None:
            labels[i], lines[i] = split
    keys = [line_key(line) for line in lines]
    drop = furniture_lines(keys)
    header = [i for i, k in enumerate(keys) if k and i not in drop][:HEADER_LINES]
    # "Updated August 12, 2025" below the header is the page's revision stamp (justice.gov
    # prints it under the release); in the header it is kept as the dateline.
    body_started = False
    for i, k in enumerate(keys):
        if not k or i in drop:
            continue
        if (body_started or (header and i > header[-1])) and is_stamp(k):
            drop.add(i)
        # The first line is no body yet, even ending like a sentence: a headline ends
        # "... Entering the U.S." as often as a lead paragraph does.
        body_started = body_started or (is_sentence(k) and i != header[0])
    header = [i for i in header if i not in drop]

    dateline, author, title_index = read_header(keys, drop, header)
    # From the raw line (not its whitespace-normalized key) so the title is an exact
    # substring of `text`.
    title = None
    if title_index is not None:
        first, last = title_index
        title = title_value("\n".join(lines[first : last + 1]))

    removed: list[str] = []
    kept: list[str] = []
    title_key = keys[title_index[0]].casefold() if title_index is not None else None
    for i, line in enumerate(lines):
        if i in drop or (
            title_key and title_index and i != title_index[0] and keys[i].casefold() == title_key
        ):
            if i in labels:
                removed.append(labels[i])
            if keys[i]:
                removed.append(line)
            continue
        if i in labels:
            removed.append(labels[i])
        kept_line, cut = trailing_furniture(line)
        removed.extend(cut)
        if kept_line is not None:
            kept.append(kept_line)

    body = "\n".join(_collapse_blank_runs(kept)).strip()
    if not body:
        raise input_error(
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
        warnings=mojibake_warning(body),
    )


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
