"""Tests for cartelkb.extract.reader.datelines: dateline formats, wire datelines, parse_date."""

from __future__ import annotations

import pytest

from cartelkb.extract.reader import parse_date, parse_text
from cartelkb.extract.reader.datelines import opens_with_dateline, paragraph_dateline

from .samples import BODY


@pytest.mark.parametrize(
    ("line", "published", "precision"),
    [
        ("Thursday, August 29, 2024", "2024-08-29", "day"),
        ("August 29, 2024", "2024-08-29", "day"),
        ("Aug. 29, 2024", "2024-08-29", "day"),
        ("Sept. 3, 2024", "2024-09-03", "day"),
        ("August 29th, 2024", "2024-08-29", "day"),
        ("29 August 2024", "2024-08-29", "day"),
        ("Thu 29 Aug 2024", "2024-08-29", "day"),
        ("2024-08-29", "2024-08-29", "day"),
        ("Thu, 08/29/2024", "2024-08-29", "day"),  # cbp.gov: weekday before a numeric date
        ("Thu, 2024-08-29", "2024-08-29", "day"),
        ("2024-08-29T14:05:00Z", "2024-08-29", "day"),
        ("Published: August 29, 2024", "2024-08-29", "day"),
        ("Updated: Aug. 29, 2024 at 10:30 a.m. ET", "2024-08-29", "day"),
        ("Posted on August 29, 2024", "2024-08-29", "day"),
        ("Published 2024-08-29 | Updated 2024-08-30", "2024-08-29", "day"),
        ("Updated 3:14 PM EDT, August 29, 2024", "2024-08-29", "day"),  # AP: time first
        ("By    |   Thursday, 29 August 2024 10:49 AM EST", "2024-08-29", "day"),  # no name
        ("Updated 2024-08-30 | Published 2024-08-29", "2024-08-29", "day"),
        ("13/04/2024", "2024-04-13", "day"),
        ("04/13/2024", "2024-04-13", "day"),
        ("August 2024", "2024-08", "month"),
        ("Published: 2024", "2024", "year"),
        # not a date we may state
        ("03/04/2024", None, None),  # reads both ways: never guess
        ("February 30, 2024", None, None),
        ("August 29", None, None),  # no year: never guess it
        ("2024", None, None),  # a bare number is not a dateline
    ],
)
def test_dateline_line(line: str, published: str | None, precision: str | None) -> None:
    article = parse_text(f"{line}\n\nCartels and the State\n\n{BODY}")
    assert (article.published, article.published_precision) == (published, precision)
    assert article.text.startswith(line)  # the dateline stays in the text


@pytest.mark.parametrize(
    ("paragraph", "published"),
    [
        ("MEXICO CITY, Aug. 29, 2024 (AP) — Mexico's president said no.", "2024-08-29"),
        ("WASHINGTON, August 29, 2024 -- The White House said so.", "2024-08-29"),
        ("Culiacán, Sinaloa, 29 August 2024 — Soldiers arrived.", "2024-08-29"),
        ("MEXICO CITY, Aug. 29 (Reuters) - Mexico's president said no.", None),
        ("Officials said on Aug. 29, 2024 — a Thursday — that talks failed.", None),
    ],
)
def test_dateline_at_start_of_first_paragraph(paragraph: str, published: str | None) -> None:
    article = parse_text(f"Headline About Cartels\n\n{paragraph}\n\n{BODY}")
    assert article.published == published


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wednesday, March 5, 2025", ("2025-03-05", "day")),
        ("5 March 2025", ("2025-03-05", "day")),
        ("March 2025", ("2025-03", "month")),
        ("10:30 a.m. ET, March 5, 2025", ("2025-03-05", "day")),
        ("2025", None),
        ("March 5", None),
        ("2025-02-29", None),
        ("the 5th of March", None),
    ],
)
def test_parse_date(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("MEXICO CITY, Aug. 29, 2024 (AP) — Mexico's president said no.", ("2024-08-29", "day")),
        ("Gulf of the Americas, Aug. 29, 2024 -- Ships arrived.", ("2024-08-29", "day")),
        ("Culiacán, Sinaloa, 29 August 2024 — Soldiers arrived.", ("2024-08-29", "day")),
        ("WASHINGTON, August 2024 — The talks went on.", None),  # a month: not a dateline day
        ("the capital, Aug. 29, 2024 — Talks went on.", None),  # a place is capitalized
        ("One Two Three Four Five Six Seven, Aug. 29, 2024 — Talks.", None),  # too long
        ("WASHINGTON, Aug. 29, 2024 The talks went on.", None),  # no dash after the date
    ],
)
def test_paragraph_dateline(line: str, expected: tuple[str, str] | None) -> None:
    assert paragraph_dateline(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", ("2024", "year")),
        ("29 Aug. 2024", ("2024-08-29", "day")),
        ("Sept 3 2024", ("2024-09-03", "day")),
        ("August 29, 2024, 10:30 a.m. ET", ("2024-08-29", "day")),
        ("29/08/2024", ("2024-08-29", "day")),
        ("1850-01-01", None),  # datelines are 19xx or 20xx
    ],
)
def test_parse_date_allowing_a_year(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_date(text, allow_year=True) == expected


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("Washington, D.C. – Today, the committee chairman gave remarks", True),
        ("BROWNSVILLE, Texas - The former head of the Gulf Cartel was sentenced", True),
        ("WASHINGTON — The Treasury designated 54 lieutenants", True),
        ("Mexico – U.S. Talks Resume After Months of Tension", False),  # a headline
        ("Cartels Regroup – and Officials Worry", False),
        ("Officials in Sinaloa said - without evidence - that", False),
    ],
)
def test_opens_with_dateline(line: str, opens: bool) -> None:
    assert opens_with_dateline(line) is opens
