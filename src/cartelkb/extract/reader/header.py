"""The header of an article: which of its first lines are the headline, dateline and byline.

`read_header` looks at the first HEADER_LINES non-furniture lines; `header_meta` reads
one line as a dateline and/or byline; `split_label` takes a release label off a date
("For Immediate Release: Aug. 12, 2025") so the date can be the dateline.
"""

from __future__ import annotations

import re

from cartelkb.extract.reader.bylines import EMPTY_BYLINE, byline, is_affiliation, name_list
from cartelkb.extract.reader.datelines import (
    DATE_LABEL,
    LABEL_WORDS,
    TIME_ONLY,
    UPDATE_LABEL,
    opens_with_dateline,
    paragraph_dateline,
    parse_date,
)
from cartelkb.extract.reader.lines import (
    INVISIBLE,
    MAX_FURNITURE_CHARS,
    has_sentence_break,
    line_key,
)
from cartelkb.extract.reader.phrases import furniture_phrases, is_phrase, phrase_form
from cartelkb.lexicon import lexicon
from cartelkb.records import Precision

HEADER_LINES = 5
"""How many non-empty lines at the top may hold the headline, dateline and byline."""


def read_header(
    keys: list[str], drop: set[int], header: list[int]
) -> tuple[tuple[str, Precision] | None, str | None, tuple[int, int] | None]:
    """Read the header lines `header` (indices into `keys`, furniture already out).

    Returns:
        (dateline, author, (first, last) line of the headline), each None when absent;
        a headline wrapped over two lines has first < last.
    """
    dateline: tuple[str, Precision] | None = None
    author: str | None = None
    title_index: tuple[int, int] | None = None
    leading = True  # still among dateline/byline lines before the first content line
    for i in header:
        if title_index is not None and i == title_index[1]:
            continue
        meta = None
        if not any(ch.isalpha() for ch in keys[i]):
            # Numeric dates are metadata; other letterless lines ("* * *", "03/04/2024",
            # which reads both ways) are neither a headline nor the end of the header.
            meta = header_meta(keys[i], weak=False)
            if meta is not None:
                dateline = dateline or meta[0]
            continue
        if leading:
            # Title Case headlines look like names ("Border Crisis Deepens, Says Report"),
            # so before the headline only strong metadata counts: a date, or "By ...".
            meta = header_meta(keys[i], weak=False)
            if meta is None:
                weak = header_meta(keys[i], weak=True)
                meta = weak if weak and weak[0] else None
            if meta is None:
                leading = False
                nxt, adjacent = _next_content(keys, drop, i)
                if _looks_like_headline(keys[i], nxt, adjacent):
                    title_index = (i, i)
                    continue
                wrapped = _wrapped_headline(keys, drop, i)
                if wrapped is not None:
                    title_index = (i, wrapped)
                    continue
        if meta is None:
            meta = header_meta(keys[i], weak=True)
        if meta is not None:
            dateline = dateline or meta[0]
            author = author or meta[1]
        elif dateline is None:
            dateline = paragraph_dateline(keys[i])
    return dateline, author, title_index


# --- headline ---------------------------------------------------------------------------

# Words a headline does not end on: a line ending with one continues on the next line.
_DANGLING = lexicon("reader").words("headline_dangling_words")


def _next_content(keys: list[str], drop: set[int], i: int) -> tuple[str | None, bool]:
    """The next non-empty, non-furniture line after i, and whether no blank line separates them."""
    adjacent = True
    title = keys[i].casefold()
    for j in range(i + 1, len(keys)):
        if not keys[j]:
            adjacent = False
        elif j not in drop and keys[j].casefold() != title:
            return keys[j], adjacent
    return None, False


# A headline is one line that is not a sentence, however long: government release titles
# run past 20 words ("Justice Department Announces Charges Against Leaders of ... for
# ..."). Past these limits a line without a final stop is a paragraph that lost it.
HEADLINE_MAX_WORDS = 60
HEADLINE_MAX_CHARS = 400


def _looks_like_headline(line: str, next_line: str | None, adjacent: bool) -> bool:
    """A headline is not a sentence, does not run on into the next line, and is not
    paragraph-long (HEADLINE_MAX_WORDS)."""
    words = line.split()
    if len(line) > HEADLINE_MAX_CHARS or len(words) > HEADLINE_MAX_WORDS:
        return False
    if not any(ch.isalpha() for ch in line):
        return False
    if "://" in line or line.lower().startswith("www."):
        return False
    first_alpha = next(ch for ch in line if ch.isalpha())
    if first_alpha.islower():
        return False
    core = line.rstrip("\"'”’»)]*")
    if not core or core[-1] in ",;:-–—(/&":
        return False
    if core.endswith(("...", "…")):
        return False  # a truncated lead sentence, not a headline
    # A final full stop ends a sentence, unless it belongs to an acronym ("... to the U.S.").
    if core[-1] == "." and not re.search(r"(?:\b[A-Z]\.){2,}$", core):
        return False
    if has_sentence_break(line, questions=False):
        return False
    if opens_with_dateline(line):
        return False  # a lead paragraph that lost its final stop
    if core[-1] not in "?!" and words[-1].strip("\"'”’»)]").lower() in _DANGLING:
        return False
    # A hard-wrapped paragraph: the next line follows directly and starts lowercase.
    return not (adjacent and next_line and next_line[0].islower())


def _wrapped_headline(keys: list[str], drop: set[int], i: int) -> int | None:
    """The second line of a headline hard-wrapped after a word it cannot end on ("New
    U.S.-Mexico Security Strategy: Issues for" / "Congressional Consideration", as PDF
    text keeps it), when the two read as one headline; else None."""
    words = keys[i].split()
    if not words or words[-1].lower() not in _DANGLING:
        return None
    j = i + 1
    if j >= len(keys) or not keys[j] or j in drop or not keys[j][0].isupper():
        return None
    if len(keys[j].split()) > 8 or header_meta(keys[j], weak=False) is not None:
        return None
    nxt, adjacent = _next_content(keys, drop, j)
    return j if _looks_like_headline(f"{keys[i]} {keys[j]}", nxt, adjacent) else None


def title_value(line: str) -> str:
    """The headline as written on its line, minus a Markdown heading marker."""
    # Markdown scrapes mark the headline "# Title"; the marker is not part of it.
    return re.sub(r"^#{1,6}\s+", "", line).strip()


# --- dateline and byline lines ----------------------------------------------------------


def _dateline_segment(segment: str) -> tuple[tuple[str, Precision], str | None, bool] | None:
    """A dateline segment: "[Published:] DATE [by NAME]" -> (date, author, is_update)."""
    label = DATE_LABEL.match(segment)
    rest = segment[label.end() :] if label else segment
    author = None
    by = re.search(r"\s+by\s+(?P<name>.+)$", rest, re.IGNORECASE)
    if by:
        author = name_list(by.group("name").rstrip(".,"))
        if author is None:
            return None
        rest = rest[: by.start()]
    parsed = parse_date(rest, allow_year=label is not None)
    if parsed is None:
        return None
    updated = bool(label and UPDATE_LABEL.search(label.group("label")))
    return parsed, author, updated


# Between the segments of a dateline: a bar, bullet or dash, or a full stop before a date
# label ("Published: Mar 27, 2025. Publicly Released: Mar 27, 2025.", gao.gov).
_SEGMENT_BREAK = re.compile(
    rf"\s+[|·•]\s+|\s+[–—]\s+|(?<=\.)\s+(?={LABEL_WORDS}\s*:)",
    re.IGNORECASE,
)
# A report number beside the date: "GAO-25-108189 Published: ..." (gao.gov), "July 22, 2015
# (R41576)" (CRS reports). Letters, then digits with hyphens; it is no part of the date.
_REPORT_NUMBER = re.compile(r"^(?-i:[A-Z]{2,6})-\d{2}-\d{3,7}\s+|\s*\((?-i:[A-Z]{1,3})\d{4,6}\)$")


def header_meta(line: str, *, weak: bool) -> tuple[tuple[str, Precision] | None, str | None] | None:
    """Classify a header line as dateline and/or byline: (date, author), else None.

    A line may combine both ("By Jane Doe | Aug. 29, 2024", "Posted on ... by ...");
    it qualifies only if every segment is a date, a time, or a byline. `weak` also
    accepts the bylines without a "By" ("Jane Doe, Reuters", "Staff writer Jane Doe",
    "Jane Doe | Reuters": a bare name counts when an outlet segment vouches for it).
    """
    if len(line) > MAX_FURNITURE_CHARS:
        return None  # a paragraph; also keeps the regexes off multi-megabyte lines
    dates: list[tuple[tuple[str, Precision], bool]] = []
    authors: list[str] = []
    bare_names: list[str] = []
    outlets = 0
    issuers = 0
    line = _REPORT_NUMBER.sub("", line)
    for segment in _SEGMENT_BREAK.split(line):
        if not segment:
            continue
        dated = _dateline_segment(segment)
        if dated is not None:
            dates.append((dated[0], dated[2]))
            if dated[1]:
                authors.append(dated[1])
        elif TIME_ONLY.fullmatch(segment) or EMPTY_BYLINE.fullmatch(segment):
            continue
        elif name := byline(segment, weak=weak):
            authors.append(name)
        elif weak and is_affiliation(segment):
            outlets += 1
        elif _is_issuer(segment):  # before names: "Foreign Ministry" reads as one
            issuers += 1
        elif weak and (name := name_list(segment)):
            bare_names.append(name)
        else:
            return None
    if bare_names:
        if not outlets:
            return None
        authors = bare_names + authors
    if not dates and not authors:
        return None
    if issuers and not dates:
        return None  # "Office of Public Affairs | Jane Doe" is a contact line, not a byline
    # "Published ... | Updated ...": the publication date is the one not marked updated.
    published = next((d for d, updated in dates if not updated), dates[0][0] if dates else None)
    return published, (authors[0] if authors else None)


# Words naming the office that issues a release: "Foreign Ministry | July 26, 2024"
# (gob.mx), "Office of the Spokesperson | Feb. 9, 2024" (state.gov media notes).
_INSTITUTION_WORDS = lexicon("reader").words("institution_words")


def _is_issuer(segment: str) -> bool:
    """A dateline segment naming the issuing institution (a release label counts too)."""
    words = [w.strip(".,'’\"()") for w in segment.split()]
    if (
        0 < len(words) <= 8
        and segment[:1].isupper()
        and any(w.casefold() in _INSTITUTION_WORDS for w in words)
    ):
        return True
    return is_phrase(segment, "line", "masthead")


def is_stamp(key: str) -> bool:
    """A labelled date line and nothing else: "Updated August 12, 2025", "Posted: 2025-08-12"."""
    if DATE_LABEL.match(key) is None:
        return False
    meta = header_meta(key, weak=False)
    return meta is not None and meta[0] is not None and meta[1] is None


# --- release labels ---------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
# Separators between a release label and its date ("For Immediate Release: Aug. 12, 2025").
_LABEL_SEPARATORS = ":|·•,–—-"


def split_label(line: str) -> tuple[str, str] | None:
    """Split "LABEL DATE" into the furniture label and the date, else None.

    "For Immediate Release - Tuesday, August 12, 2025" and "Press Release | Aug. 12, 2025"
    become ("For Immediate Release -", "Tuesday, August 12, 2025"): the label goes, the
    date stays in the text as the dateline. The date must be all that follows.
    """
    if len(line) > 120 or not _DIGIT.search(line):
        return None
    if line.translate(INVISIBLE) != line:
        return None  # keep raw and normalized word positions in step
    words = list(re.finditer(r"\S+", line))
    phrases = furniture_phrases()
    first = phrase_form(words[0].group()) if words else ""
    if not any(first in phrases[name].first_words for name in ("line", "masthead")):
        return None  # cheap test first: this runs on every short line with a digit
    for n in range(1, min(7, len(words))):
        label = " ".join(w.group() for w in words[:n]).rstrip(_LABEL_SEPARATORS)
        if not label or not is_phrase(label, "line", "masthead"):
            continue
        start = words[n].start()
        while start < len(line) and (line[start] in _LABEL_SEPARATORS or line[start].isspace()):
            start += 1
        rest = line[start:].strip()
        meta = header_meta(line_key(rest), weak=False) if rest else None
        if meta is not None and meta[0] is not None and meta[1] is None:
            return line[:start].strip(), line[start:]
    return None
