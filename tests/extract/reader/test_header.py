"""Tests for cartelkb.extract.reader.header: headline, release labels, issuing offices."""

from __future__ import annotations

import pytest

from cartelkb.extract.reader import parse_text
from cartelkb.extract.reader.header import header_meta, split_label

from .samples import BODY, GOV_BANNERS


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Mexico Rejects U.S. Troop Offer\n\n" + BODY, "Mexico Rejects U.S. Troop Offer"),
        (
            "Trump’s Stance on Cartels: What It Means\n" + BODY,
            "Trump’s Stance on Cartels: What It Means",
        ),
        ("Will Trump Strike the Cartels?\n\n" + BODY, "Will Trump Strike the Cartels?"),
        ("Sheinbaum says no!\n\n" + BODY, "Sheinbaum says no!"),
        ("Pressure Mounts on the U.S.\n\n" + BODY, "Pressure Mounts on the U.S."),
        ("# Markdown Headline Here\n\n" + BODY, "Markdown Headline Here"),
        (
            "Sen. Rubio Meets Sheinbaum in Mexico City\n\n" + BODY,
            "Sen. Rubio Meets Sheinbaum in Mexico City",
        ),
        ("Will Trump Strike? Mexico Waits\n\n" + BODY, "Will Trump Strike? Mexico Waits"),
        ("Cartel\u00a0Talks  Resume\n\n" + BODY, "Cartel\u00a0Talks  Resume"),  # exactly as written
        ("\n\n  Headline After Blank Lines  \n\n" + BODY, "Headline After Blank Lines"),
        # prose first lines
        (BODY, None),
        ("Mexico rejected the offer.\n\n" + BODY, None),
        ("Cartels adapted quickly. Violence rose\n\n" + BODY, None),
        ("Rubio met Reuters. They talked\n\n" + BODY, None),
        ("Key points of the agreement:\n\n" + BODY, None),
        ("The government said on Tuesday that it\nwould not accept troops.", None),
        ("Officials met in Mexico City to discuss the\n\n" + BODY, None),
        ("A truncated teaser line that ends…\n\n" + BODY, None),
        ("https://example.com/news/mexico-cartels\n\n" + BODY, None),
        ("Mexico Faces Challenges " * 20 + "Now\n\n" + BODY, None),  # 61 words: a paragraph
        # Long headlines are headlines: government release titles run past 20 words.
        (
            "Mexico Faces Challenges " * 7 + "\n\n" + BODY,
            ("Mexico Faces Challenges " * 7).strip(),
        ),
        (
            "Justice Department Announces Charges Against Leaders of the Sinaloa Cartel and "
            "Their Associates for Fentanyl Trafficking, Money Laundering and Violence Across "
            "the Southwest Border\n\n" + BODY,
            "Justice Department Announces Charges Against Leaders of the Sinaloa Cartel and "
            "Their Associates for Fentanyl Trafficking, Money Laundering and Violence Across "
            "the Southwest Border",
        ),
        (
            "Former Gulf Cartel leader sentenced to 25 years in federal prison for drug "
            "trafficking conspiracy and for assaults on federal officers in Matamoros, "
            "Tamaulipas\n\n" + BODY,
            "Former Gulf Cartel leader sentenced to 25 years in federal prison for drug "
            "trafficking conspiracy and for assaults on federal officers in Matamoros, "
            "Tamaulipas",
        ),
        # ... but not a long first paragraph, which ends with a full stop.
        ("Mexico faces challenges on many fronts " * 4 + "today.\n\n" + BODY, None),
    ],
)
def test_title_only_when_first_line_is_a_headline(text: str, title: str | None) -> None:
    article = parse_text(text)
    assert article.title == title
    if title is not None:
        assert title in article.text  # the headline stays in the text


def test_title_after_dateline_and_blank_line() -> None:
    article = parse_text("Thursday, August 29, 2024\n\nCooperation Against Cartels\n\n" + BODY)
    assert article.title == "Cooperation Against Cartels"
    assert article.text.startswith("Thursday, August 29, 2024\n\nCooperation Against Cartels")


def test_title_case_headline_with_comma_is_not_a_byline() -> None:
    article = parse_text("Border Crisis Deepens, Says Report\n\n" + BODY)
    assert article.title == "Border Crisis Deepens, Says Report"
    assert article.author is None


def test_dateline_only_near_the_top() -> None:
    lines = "\n\n".join(f"Paragraph number {i} says something." for i in range(6))
    article = parse_text(f"Headline\n\n{lines}\n\nAugust 29, 2024\n\n{BODY}")
    assert article.published is None


@pytest.mark.parametrize(
    ("line", "date_part"),
    [
        ("For Immediate Release: Tuesday, August 12, 2025", "Tuesday, August 12, 2025"),
        ("FOR IMMEDIATE RELEASE — August 12, 2025", "August 12, 2025"),
        ("For Immediate Release August 12, 2025", "August 12, 2025"),
        ("Press Release | Aug. 12, 2025", "Aug. 12, 2025"),
        ("Media Note - 2025-08-12", "2025-08-12"),
    ],
)
def test_release_label_goes_and_its_date_is_the_dateline(line: str, date_part: str) -> None:
    article = parse_text(f"Cartels and the State\n{line}\n\n{BODY}")
    assert article.published == "2025-08-12"
    assert article.text == f"Cartels and the State\n{date_part}\n\n{BODY}"
    assert article.removed == [line[: -len(date_part)].strip()]


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Foreign Ministry | July 26, 2024", "2024-07-26"),
        ("U.S. Embassy in Mexico | February 9, 2024", "2024-02-09"),
        ("Secretaría de Relaciones Exteriores | July 26, 2024", "2024-07-26"),
        ("Foreign Ministry | Jane Doe", None),  # an office and a name: a contact, not a date
    ],
)
def test_dateline_naming_the_issuing_office(line: str, published: str | None) -> None:
    article = parse_text(f"Cartels and the State\n{line}\n\n{BODY}")
    assert article.published == published
    assert article.author is None
    assert line in article.text


@pytest.mark.parametrize(
    "paragraph",
    [
        "WASHINGTON — Today, the Treasury sanctioned 10 people tied to the Sinaloa Cartel.",
        "MEXICO CITY (AP) — Mexico's president said Tuesday that troops would not be accepted.",
        "WASHINGTON, D.C. – The Attorney General met her Mexican counterpart on Tuesday.",
    ],
)
def test_wire_dateline_paragraph_is_kept_whole(paragraph: str) -> None:
    text = "\n".join([*GOV_BANNERS[0], "Press Releases", "Cartels and the State", "Aug. 9, 2023"])
    article = parse_text(f"{text}\n{paragraph}\n{BODY}")
    assert (article.title, article.published, article.author) == (
        "Cartels and the State",
        "2023-08-09",
        None,
    )
    assert f"\n{paragraph}\n" in article.text


# --- one header line ----------------------------------------------------------------------

DAY_29 = ("2024-08-29", "day")


@pytest.mark.parametrize(
    ("line", "weak", "meta"),
    [
        ("Published: August 29, 2024", False, (DAY_29, None)),
        ("Dated: 2024-08-29", False, (DAY_29, None)),  # "dated", not "date" + "d:"
        ("Date: 2024-08-29", False, (DAY_29, None)),
        ("Last updated on Aug. 30, 2024 | First published Aug. 29, 2024", False, (DAY_29, None)),
        ("Posted on August 29, 2024 by Jane Doe", False, (DAY_29, "Jane Doe")),
        ("By Jane Doe | Aug. 29, 2024 10:30 AM ET", False, (DAY_29, "Jane Doe")),
        ("By | Aug. 29, 2024", False, (DAY_29, None)),
        ("Jane Doe | Reuters", False, None),
        ("Jane Doe | Reuters", True, (None, "Jane Doe")),
        ("Jane Doe and John Roe", True, None),  # bare names need an outlet beside them
        ("Foreign Ministry | July 26, 2024", True, (("2024-07-26", "day"), None)),
        ("Office of Public Affairs | Jane Doe", True, None),  # a contact line
        ("Cartels and the State", True, None),
        ("By Jane Doe | " + "x" * 250, True, None),  # a paragraph, not a header line
        ("Release Date: August 29, 2024", False, (DAY_29, None)),
        # gao.gov: report number, then two labelled dates run together with full stops
        (
            "GAO-24-106123 Published: Aug 29, 2024. Publicly Released: Aug 30, 2024.",
            False,
            (DAY_29, None),
        ),
        ("August 29, 2024 (R41576)", False, (DAY_29, None)),  # CRS report number
        ("August 29, 2024 (Reuters)", False, None),  # not a report number
        ("GAO Published: Aug 29, 2024", False, None),
    ],
)
def test_header_meta(
    line: str, weak: bool, meta: tuple[tuple[str, str] | None, str | None] | None
) -> None:
    assert header_meta(line, weak=weak) == meta


@pytest.mark.parametrize(
    ("line", "split"),
    [
        (
            "For Immediate Release: Tuesday, August 12, 2025",
            ("For Immediate Release:", "Tuesday, August 12, 2025"),
        ),
        ("Press Release | Aug. 12, 2025", ("Press Release |", "Aug. 12, 2025")),
        ("Press Release No. 25-123", None),  # a number, not a date
        ("Press Release | Jane Doe, August 12, 2025", None),  # the date must be all that follows
        ("Cartel Leader Extradited on August 12, 2025", None),  # no label
        ("For Immediate Release", None),
    ],
)
def test_split_label(line: str, split: tuple[str, str] | None) -> None:
    assert split_label(line) == split


def test_headline_ending_in_an_acronym_does_not_start_the_body() -> None:
    """A labelled date right under a headline ending "... the U.S." is the dateline, not
    a revision stamp below the body."""
    text = (
        "Fact Sheet: DHS Shows Results in the Fight to Stop Fentanyl from Entering the U.S."
        f"\n\nRelease Date: July 31, 2024\n\n{BODY}"
    )
    article = parse_text(text)
    assert article.title.endswith("Entering the U.S.")
    assert (article.published, article.published_precision) == ("2024-07-31", "day")


def test_revision_stamp_below_the_body_still_goes() -> None:
    article = parse_text(f"Cartels and the State\n\n{BODY}\n\nUpdated: August 30, 2024")
    assert article.removed == ["Updated: August 30, 2024"]


def test_headline_wrapped_after_a_dangling_word_spans_two_lines() -> None:
    text = (
        "New U.S.-Mexico Security Strategy: Issues for\nCongressional Consideration\n"
        f"February 17, 2022\n{BODY}"
    )
    article = parse_text(text)
    assert article.title == (
        "New U.S.-Mexico Security Strategy: Issues for\nCongressional Consideration"
    )
    assert article.title in article.text
    assert article.published == "2022-02-17"


@pytest.mark.parametrize(
    "text",
    [
        # the next line is a sentence: the first line is a lead that lost its end
        "Officials said the cartel paid for\nThe weapons were seized in Sinaloa on Tuesday.\n",
        # the next line is a date, not the headline's end
        "Cartels and the\nAugust 29, 2024\n",
        # the next line starts lowercase: a hard-wrapped paragraph
        "Cartels and the\nstate fought for years over the port of Manzanillo.\n",
    ],
)
def test_no_wrapped_headline(text: str) -> None:
    article = parse_text(text + "\n" + BODY)
    assert article.title is None or "\n" not in article.title
