"""cartelkb.extract.dates entry points: normalization tables, datelines, extraction from Docs.

The modules behind them have their own tests too (test_dates_tense.py, _spans, _matchers).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from cartelkb.extract.dates import (
    Normalized,
    extract_dates,
    normalize,
    parse_dateline,
    timex_value,
)
from cartelkb.extract.dates.anaphora import Anchor
from cartelkb.records import DateRecord, RawArticle
from cartelkb.timespan import interval

THU = dt.date(2024, 8, 29)  # a Thursday, ISO week 35
FRI_2013 = dt.date(2013, 3, 22)  # TempEval-3 document date, a Friday, ISO week 12


def reading(text: str, base: dt.date | None, **kwargs):
    found = normalize(text, base, **kwargs)
    assert found is not None, f"{text!r} was not read as a date expression"
    return found.value, found.precision, found.relative


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday, August 29, 2024", ("2024-08-29", "day", False)),
        ("August 29, 2024", ("2024-08-29", "day", False)),
        ("Aug. 29, 2024", ("2024-08-29", "day", False)),
        ("29 August 2024", ("2024-08-29", "day", False)),
        ("the 29th of August, 2024", ("2024-08-29", "day", False)),
        ("8/29/2024", ("2024-08-29", "day", False)),
        ("2024-08-29", ("2024-08-29", "day", False)),
        ("August 2024", ("2024-08", "month", False)),
        ("May 2010", ("2010-05", "month", False)),
        ("in 2024", ("2024", "year", False)),
        ("2009", ("2009", "year", False)),
        ("early 2011", ("2011", "year", False)),
        ("mid-2024", ("2024", "year", False)),
        ("the 2020s", ("202", "decade", False)),
        ("the 1980s", ("198", "decade", False)),
        ("the '90s", ("199", "decade", False)),
        ("the late 1990s", ("199", "decade", False)),
        ("summer 2012", ("2012-SU", "season", False)),
        ("the third quarter of 2012", ("2012-Q3", "quarter", False)),
        ("the 20th century", ("19", "century", False)),
        # years and days in words
        ("two thousand six", ("2006", "year", False)),
        ("in two thousand and eleven", ("2011", "year", False)),
        ("nineteen ninety-six", ("1996", "year", False)),
        ("nineteen oh five", ("1905", "year", False)),
        ("the year two thousand", ("2000", "year", False)),
        ("the winter of nineteen ninety-four", ("1994-WI", "season", False)),
        ("March eighth, 2011", ("2011-03-08", "day", False)),
        ("the twenty first of May, 2010", ("2010-05-21", "day", False)),
    ],
)
def test_absolute_dates_keep_the_precision_the_text_states(text, expected):
    assert reading(text, THU) == expected
    assert reading(text, None) == expected  # no base date needed


@pytest.mark.parametrize(
    ("text", "base", "expected"),
    [
        ("today", THU, ("2024-08-29", "day", True)),
        ("yesterday", THU, ("2024-08-28", "day", True)),
        ("tomorrow", THU, ("2024-08-30", "day", True)),
        ("last week", THU, ("2024-W34", "week", True)),
        ("the last week", FRI_2013, ("2013-W11", "week", True)),
        ("this week", FRI_2013, ("2013-W12", "week", True)),
        ("next month", THU, ("2024-09", "month", True)),
        ("Last month", dt.date(2013, 3, 21), ("2013-02", "month", True)),
        ("last year", THU, ("2023", "year", True)),
        ("this fiscal year", THU, ("2024", "year", True)),
        ("the end of the year", THU, ("2024", "year", True)),
        ("two years ago", THU, ("2022", "year", True)),
        ("18 months ago", THU, ("2023-02", "month", True)),
        ("eight years from now", THU, ("2032", "year", True)),
        ("last summer", THU, ("2023-SU", "season", True)),
        ("last summer", FRI_2013, ("2012-SU", "season", True)),
        # Month-day without a year: the nearest occurrence.
        ("Sept. 18", THU, ("2024-09-18", "day", True)),
        ("Feb. 28", dt.date(2013, 3, 21), ("2013-02-28", "day", True)),
        ("early December", FRI_2013, ("2012-12", "month", True)),
        ("in January", dt.date(2024, 3, 10), ("2024-01", "month", True)),
        ("late last July", FRI_2013, ("2012-07", "month", True)),
        ("last May", dt.date(2013, 3, 21), ("2012-05", "month", True)),
        # A bare weekday: the latest one on or before the article's date.
        ("Friday", THU, ("2024-08-23", "day", True)),
        ("on Thursday", THU, ("2024-08-29", "day", True)),
        ("Wednesday", FRI_2013, ("2013-03-20", "day", True)),
        ("next Friday", THU, ("2024-08-30", "day", True)),
        # a quarter without a year: the nearest such quarter, a fiscal one of this year
        ("the fourth quarter", dt.date(2014, 1, 20), ("2013-Q4", "quarter", True)),
        ("the third quarter", dt.date(2014, 11, 3), ("2014-Q3", "quarter", True)),
        ("the fiscal first quarter", dt.date(2014, 10, 2), ("2014-Q1", "quarter", True)),
    ],
)
def test_relative_dates_resolve_against_the_base(text, base, expected):
    assert reading(text, base) == expected


@pytest.mark.parametrize(
    ("text", "base", "tense", "value"),
    [
        ("in January", THU, "past", "2024-01"),
        ("in January", THU, "future", "2025-01"),
        ("in January", THU, None, "2025-01"),  # nearest: 5 months ahead vs 7 back
        ("Friday", THU, "future", "2024-08-30"),
        ("Saturday", FRI_2013, "future", "2013-03-23"),
        ("Saturday", FRI_2013, None, "2013-03-16"),
        ("August", FRI_2013, "past", "2012-08"),
        ("June", dt.date(2013, 3, 18), None, "2013-06"),
    ],
)
def test_tense_picks_the_year_or_week(text, base, tense, value):
    found = normalize(text, base, tense=tense)
    assert found is not None
    assert found.value == value


@pytest.mark.parametrize(
    "text",
    ["today", "yesterday", "last week", "Sept. 18", "in January", "Friday", "next month",
     "last year", "two years ago", "this summer", "8 p.m."],
)  # fmt: skip
def test_relative_dates_without_base_have_no_value(text):
    assert reading(text, None) == (None, None, True)


@pytest.mark.parametrize(
    ("text", "timex"),
    [
        ("recently", "PAST_REF"),
        ("in recent years", "PXY"),
        ("In the coming years", "PXY"),
        ("historically", "PAST_REF"),
        ("Recent", None),
        ("During his previous term", None),
        ("the past", "PAST_REF"),
        ("In the past", "PAST_REF"),
        ("at the time", "PAST_REF"),
        ("soon", "FUTURE_REF"),
        ("in the near future", "FUTURE_REF"),
    ],
)
def test_vague_expressions_are_kept_without_a_value(text, timex):
    found = normalize(text, THU)
    assert found is not None
    assert (found.value, found.precision, found.relative, found.kind) == (
        None,
        None,
        False,
        "vague",
    )
    assert found.timex == timex


@pytest.mark.parametrize(
    ("text", "base", "value", "precision", "kind", "timex"),
    [
        # a month (or month-day) in a year named from the article's date
        ("January this year", THU, "2024-01", "month", "date", "2024-01"),
        ("Oct. 23 last year", THU, "2023-10-23", "day", "date", "2023-10-23"),
        ("early March of next year", THU, "2025-03", "month", "date", "2025-03"),
        ("this year's third quarter", THU, "2024-Q3", "quarter", "date", "2024-Q3"),
        ("next year's first quarter", THU, "2025-Q1", "quarter", "date", "2025-Q1"),
        # a part of a named day, the week holding it
        ("the night of Friday, Oct. 23, 2015", THU, "2015-10-23", "day", "time",
         "2015-10-23TNI"),
        ("the morning of May 5, 2010", None, "2010-05-05", "day", "time", "2010-05-05TMO"),
        ("the week of March 6, 2000", None, "2000-W10", "week", "date", "2000-W10"),
        ("the last half of 1989", None, "1989", "year", "date", "1989-H2"),
        ("the 1988 quarter", None, "1988", "year", "date", "1988"),  # not 1988 quarters
        # plural weekdays recur
        ("on Tuesdays", THU, "XXXX-WXX-2", None, "set", "XXXX-WXX-2"),
        ("Friday nights", THU, "XXXX-WXX-5TNI", None, "set", "XXXX-WXX-5TNI"),
    ],
)  # fmt: skip
def test_composite_expressions(text, base, value, precision, kind, timex):
    found = normalize(text, base)
    assert found is not None
    assert (found.value, found.precision, found.kind, found.timex) == (
        value,
        precision,
        kind,
        timex,
    )


@pytest.mark.parametrize(
    ("text", "base", "tense", "value", "relative"),
    [
        ("Thanksgiving Day", dt.date(2009, 12, 1), None, "2009-11-26", True),
        ("last Christmas", dt.date(2009, 12, 1), None, "2008-12-25", True),
        ("Christmas", dt.date(2009, 12, 1), None, "2009-12-25", True),
        ("Christmas", dt.date(2009, 12, 1), "past", "2008-12-25", True),
        ("Christmas 2010", None, None, "2010-12-25", False),
        ("Easter", dt.date(2013, 3, 22), None, "2013-03-31", True),
        ("Good Friday", dt.date(2013, 3, 22), None, "2013-03-29", True),
        ("Memorial Day", dt.date(2024, 5, 1), None, "2024-05-27", True),
        ("Labor Day", dt.date(2024, 8, 29), "future", "2024-09-02", True),
        ("Mexican Independence Day", dt.date(2024, 8, 29), None, "2024-09-16", True),
        ("Easter week", dt.date(2013, 3, 22), None, "2013-W13", True),
    ],
)
def test_named_days_fall_on_their_day(text, base, tense, value, relative):
    found = normalize(text, base, tense=tense)
    assert found is not None
    assert (found.value, found.relative) == (value, relative)


def test_named_days_are_found_when_the_ner_calls_them_events(nlp):
    text = "The boy arrived on Thanksgiving Day and has lived in Miami since last Christmas."
    found = records(nlp, text, dt.date(2010, 1, 7))
    assert [(r.text, r.value) for r in found] == [
        ("Thanksgiving Day", "2009-11-26"),
        ("last Christmas", "2009-12-25"),
    ]


@pytest.mark.parametrize("text", ["now", "Right now", "currently", "nowadays", "at present"])
def test_the_present_is_stored_as_present_ref(text):
    # TimeML's PRESENT_REF: what the text states (the time of writing), no calendar day.
    for base in (THU, None):
        found = normalize(text, base)
        assert found is not None
        got = (found.value, found.precision, found.relative, found.kind, found.timex)
        assert got == ("PRESENT_REF", None, True, "date", "PRESENT_REF")
    assert interval("PRESENT_REF") is None


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("a month", "P1M", "duration"),
        ("three years", "P3Y", "duration"),
        ("five years'", "P5Y", "duration"),
        ("a decade", "P10Y", "duration"),
        ("the past two years", "P2Y", "duration"),
        ("the next decade", "P10Y", "duration"),
        ("90 days", "P90D", "duration"),
        ("four-week", "P4W", "duration"),
        ("almost seven years", "P7Y", "duration"),
        ("an hour", "PT1H", "duration"),
        ("a year and a half", "P18M", "duration"),
        ("twenty five years", "P25Y", "duration"),  # no year in words before a unit
        ("no more than sixty days", "P60D", "duration"),
        ("the next two years or so", "P2Y", "duration"),
        ("two thousand years", "P2000Y", "duration"),
        ("every year", "P1Y", "set"),
        ("every other week", "P2W", "set"),
        ("twice a year", "P1Y", "set"),
        ("annually", "P1Y", "set"),
        ("every Monday", "XXXX-WXX-1", "set"),
        ("every morning", "XXXX-XX-XXTMO", "set"),
    ],
)
def test_durations_and_sets_get_timex_values(text, value, kind):
    for base in (THU, None):  # no base date involved
        found = normalize(text, base)
        assert found is not None
        got = (found.value, found.precision, found.relative, found.kind, found.timex)
        assert got == (value, None, False, kind, value)


@pytest.mark.parametrize(
    "text",
    ["2024 soldiers", "former", "next", "previous", "new", "past", "65", "22-year-old",
     "three-year-old", "the day", "Guerrero", "Sinaloa cartel", "", "  ",
     "May Day parade", "1,500", "3-2", "2018-24", "twenty-five", "nineteen"],
)  # fmt: skip
def test_non_dates_are_not_read(text):
    assert normalize(text, THU) is None


MAY_3 = Anchor.of("2010-05-03", "day")  # a Monday
JULY_2015 = Anchor.of("2015-07", "month")
Q3_2011 = Anchor.of("2011-Q3", "quarter")
YEAR_2006 = Anchor.of("2006", "year")


@pytest.mark.parametrize(
    ("text", "anchor", "value", "precision"),
    [
        # a count of units from the anchor: from a day at the unit's precision, as "ago"
        ("a year earlier", MAY_3, "2009", "year"),
        ("Two days later", MAY_3, "2010-05-05", "day"),
        ("a week later", MAY_3, "2010-W19", "week"),
        ("about a month earlier", MAY_3, "2010-04", "month"),
        # ... and a period moves whole when the units add up to whole periods
        ("a year earlier", Q3_2011, "2010-Q3", "quarter"),
        ("three months before", JULY_2015, "2015-04", "month"),
        ("two years later", YEAR_2006, "2008", "year"),
        # the unit after or before the anchor's, or the one holding it
        ("the following month", MAY_3, "2010-06", "month"),
        ("The following year", YEAR_2006, "2007", "year"),
        ("the previous year", JULY_2015, "2014", "year"),
        ("the next day", MAY_3, "2010-05-04", "day"),
        ("the day before", MAY_3, "2010-05-02", "day"),
        ("the previous Friday", MAY_3, "2010-04-30", "day"),
        ("that week", MAY_3, "2010-W18", "week"),
        ("the same day", MAY_3, "2010-05-03", "day"),
        ("that same year", JULY_2015, "2015", "year"),
        ("later that year", JULY_2015, "2015", "year"),
        ("earlier that day", MAY_3, "2010-05-03", "day"),
        ("that quarter", Q3_2011, "2011-Q3", "quarter"),
        # in a results story: the period reported on, and the one a year before it
        ("the quarter", MAY_3, "2010-Q2", "quarter"),
        ("the period", JULY_2015, "2015-07", "month"),
        ("year-earlier", Q3_2011, "2010-Q3", "quarter"),
        ("the year-ago quarter", MAY_3, "2009-Q2", "quarter"),
        # an anchor coarser than the expression leaves it unresolved
        ("the next day", JULY_2015, None, None),
        ("two weeks later", YEAR_2006, None, None),
        ("that week", JULY_2015, None, None),
        ("the following month", Q3_2011, None, None),
    ],
)
def test_anaphoric_dates_count_from_their_anchor(text, anchor, value, precision):
    found = normalize(text, THU, anchor=anchor)
    assert found is not None
    assert (found.value, found.precision, found.relative, found.kind) == (
        value,
        precision,
        True,
        "date",
    )


@pytest.mark.parametrize(
    ("text", "value", "timex"),
    [
        ("that night", "2010-05-03", "2010-05-03TNI"),
        ("the next morning", "2010-05-04", "2010-05-04TMO"),
    ],
)
def test_anaphoric_parts_of_day_are_times_on_the_anchor_day(text, value, timex):
    found = normalize(text, THU, anchor=MAY_3)
    assert found is not None
    assert (found.value, found.precision, found.kind, found.timex) == (value, "day", "time", timex)


@pytest.mark.parametrize(
    ("text", "value"),
    [("a year earlier", "2023"), ("the previous year", "2023"), ("the same day", "2024-08-29")],
)
def test_anaphoric_dates_count_from_the_base_without_an_anchor(text, value):
    found = normalize(text, THU)
    assert found is not None
    assert found.value == value
    assert normalize(text, None) == Normalized(None, None, relative=True, kind="date")


def test_the_quarter_needs_a_period_named_before_it():
    assert normalize("the quarter", THU) == Normalized(None, None, relative=True, kind="date")
    # "the latest quarter" is the last one to have ended before the article
    found = normalize("the latest quarter", THU)
    assert found is not None
    assert (found.value, found.precision) == ("2024-Q2", "quarter")


def test_an_unstated_count_from_an_anchor_is_vague():
    found = normalize("years later", THU, anchor=MAY_3)
    assert found is not None
    assert (found.value, found.kind) == (None, "vague")


@pytest.mark.parametrize(
    ("text", "timex"),
    [
        ("decades", "PXDE"),
        ("for decades", "PXDE"),
        ("the past several months", "PXM"),
        ("Several days", "PXD"),
        ("just days", "PXD"),
        ("months", "PXM"),
    ],
)
def test_durations_of_unstated_length_have_no_value(text, timex):
    # "for decades" states no length: the KB stores none; TIMEX3 writes X for the count.
    found = normalize(text, THU)
    assert found is not None
    assert (found.value, found.precision, found.kind, found.timex) == (
        None,
        None,
        "duration",
        timex,
    )


@pytest.mark.parametrize(
    ("text", "base", "value", "precision", "timex"),
    [
        ("Friday afternoon", FRI_2013, "2013-03-22", "day", "2013-03-22TAF"),
        ("15:00 GMT Saturday", FRI_2013, "2013-03-16T15:00", "day", "2013-03-16T15:00"),
        ("tonight", THU, "2024-08-29", "day", "2024-08-29TNI"),
        ("8 p.m.", THU, None, None, "2024-08-29T20:00"),
        ("the first half of 2024", THU, "2024", "year", "2024-H1"),
    ],
)
def test_times_and_halves_store_what_the_kb_can_hold(text, base, value, precision, timex):
    found = normalize(text, base)
    assert found is not None
    assert (found.value, found.precision, found.timex) == (value, precision, timex)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thursday, August 29, 2024", ("2024-08-29", "day")),
        ("August 2024", ("2024-08", "month")),
        ("  Aug. 29, 2024  ", ("2024-08-29", "day")),
        ("Published: Aug. 29, 2024 10:45 a.m. ET", ("2024-08-29", "day")),
        ("2024", ("2024", "year")),
        ("yesterday", None),
        ("Friday", None),
        ("By Jane Doe", None),
        ("Mexico rejects U.S. troops", None),
        ("recently", None),
        ("three years", None),
    ],
)
def test_parse_dateline(line, expected):
    assert parse_dateline(line) == expected


def test_dateparser_is_imported_lazily():
    code = "import sys, cartelkb.extract.dates; print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- extraction from Docs ----------------------------------------------------------------


def records(nlp, text: str, base: dt.date | None) -> list[DateRecord]:
    found = list(extract_dates(nlp(text), base))
    for r in found:
        assert text[r.start : r.end] == r.text
    assert [r.start for r in found] == sorted(r.start for r in found)
    return found


@pytest.mark.parametrize(
    ("text", "base", "expected"),
    [
        (
            "Mexican President Claudia Sheinbaum said Tuesday that 2024 soldiers were "
            "deployed in January.",
            THU,
            [("Tuesday", "2024-08-27", "day", True), ("January", "2024-01", "month", True)],
        ),
        (
            "The Sinaloa cartel was founded in the 1980s and Guzman led it for three decades. "
            "He was extradited on January 19, 2017.",
            THU,
            [
                ("the 1980s", "198", "decade", False),
                ("three decades", "P30Y", None, False),
                ("January 19, 2017", "2017-01-19", "day", False),
            ],
        ),
        (
            "Recent discussions have stalled. During his previous term, Trump threatened tariffs.",
            THU,
            [("Recent", None, None, False), ("his previous term", None, None, False)],
        ),
        (
            "In recent years, cartel violence has surged. Historically, the DEA has worked "
            "with Mexico, and officials currently expect that to continue.",
            THU,
            [
                ("recent years", None, None, False),
                ("Historically", None, None, False),
                ("currently", "PRESENT_REF", None, True),
            ],
        ),
        (
            "One exception was the swine flu pandemic of 2009-2010.",
            FRI_2013,
            [("2009", "2009", "year", False), ("2010", "2010", "year", False)],
        ),
        (
            "The 22-year-old suspect was arrested yesterday afternoon.",
            THU,
            [("yesterday afternoon", "2024-08-28", "day", True)],
        ),
        (
            "Fentanyl kills 200 Americans every day, officials said.",
            THU,
            [("every day", "P1D", None, False)],
        ),
        (
            "The operation began last week.",
            None,
            [("last week", None, None, True)],
        ),
        # a time of a noun is the past, present or future, not a day
        ("These are not the gangs of yesterday.", THU, [("yesterday", None, None, False)]),
        ("The leaders of today face new threats.", THU, [("today", "PRESENT_REF", None, True)]),
        ("Agents have worked every single day.", THU, [("every single day", "P1D", None, False)]),
        ("In the past year alone, seizures doubled.", THU,
         [("the past year alone", "P1Y", None, False)]),
        ("They promised a 21st century border.", THU, [("a 21st century", "20", "century", False)]),
        ("Cartels grew in the 1990\u2019s.", THU, [("1990\u2019s", "199", "decade", False)]),
        ("The memo is dated March 9, 2021, and was leaked.", THU,
         [("March 9, 2021", "2021-03-09", "day", False)]),
        ("FY2026 funds and 07/15/2024 orders", THU,
         [("FY2026", "2026", "year", False), ("07/15/2024", "2024-07-15", "day", False)]),
    ],
)  # fmt: skip
def test_extract_dates(nlp, text, base, expected):
    got = [(r.text, r.value, r.precision, r.relative) for r in records(nlp, text, base)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police arrested the suspect on March 3, 2011. Two days later, he was released.",
            [("March 3, 2011", "2011-03-03"), ("Two days later", "2011-03-05")],
        ),
        (
            "The cartel split in June 2010. The following month, its leader was killed.",
            [("June 2010", "2010-06"), ("The following month", "2010-07")],
        ),
        (
            "Troops arrived in the city on Oct. 12, 2008. That week, three officers were shot.",
            [("Oct. 12, 2008", "2008-10-12"), ("That week", "2008-W41")],
        ),
        (
            "The raid took place on Sept. 14, 2019. That night, gunmen burned two buses.",
            [("Sept. 14, 2019", "2019-09-14"), ("That night", "2019-09-14")],
        ),
        (
            "The mayor was shot on Friday, Nov. 7, 2014. The previous Monday, he had "
            "received threats.",
            [("Friday, Nov. 7, 2014", "2014-11-07"), ("The previous Monday", "2014-11-03")],
        ),
        # a look back does not move the story's time: both count from the quarter
        (
            "Revenue reached $9 million in the second quarter of 2012, up from $7 million a "
            "year earlier. Costs were $3 million, against $2 million a year earlier.",
            [
                ("the second quarter of 2012", "2012-Q2"),
                ("a year earlier", "2011-Q2"),
                ("a year earlier", "2011-Q2"),
            ],
        ),
        (
            "Profit rose in the third quarter of 2011. Sales in the quarter were flat, and "
            "below the year-earlier level.",
            [
                ("the third quarter of 2011", "2011-Q3"),
                ("the quarter", "2011-Q3"),
                ("year-earlier", "2010-Q3"),
            ],
        ),
        # deictic expressions keep counting from the article's date
        (
            "The treaty was signed on June 5, 1999. Officials said last week that it failed.",
            [("June 5, 1999", "1999-06-05"), ("last week", "2024-W34")],
        ),
        # "that" as a determiner of a unit only
        ("He said that day laborers were hired.", []),
    ],
)
def test_anaphoric_dates_count_from_the_story_time(nlp, text, expected):
    assert [(r.text, r.value) for r in records(nlp, text, THU)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # speech reported in the past, and the past perfect, speak from the date the
        # story states for their event, not from the article's
        (
            "On June 3, 2009, police said the suspect fled in March.",
            [("June 3, 2009", "2009-06-03"), ("March", "2009-03")],
        ),
        (
            "On June 3, 2009, police arrested the man, who had escaped last February.",
            [("June 3, 2009", "2009-06-03"), ("last February", "2009-02")],
        ),
        (
            "He was arrested on June 3, 2009. He had fled in March.",
            [("June 3, 2009", "2009-06-03"), ("March", "2009-03")],
        ),
        # a simple past, or a date that only names what a noun is, leaves the article's
        ("Police said he fled in March.", [("March", "2015-03")]),
        (
            "The cartel was founded in June 2009. It expanded in March.",
            [("June 2009", "2009-06"), ("March", "2015-03")],
        ),
        (
            "He rejected the August 2009 truce. Iran, which had condemned the invasion on "
            "Aug. 2, protested.",
            [("August 2009", "2009-08"), ("Aug. 2", "2015-08-02")],
        ),
    ],
)
def test_narrated_past_counts_from_the_date_the_story_states(nlp, text, expected):
    found = records(nlp, text, dt.date(2015, 8, 20))
    assert [(r.text, r.value) for r in found] == expected


def test_an_anchor_beyond_the_window_gives_way_to_the_base(nlp):
    # ANCHOR_WINDOW sentences back at most; then the article's date is the story's time
    text = "The law passed in May 2001. " + "Nothing changed. " * 5 + "A year later, it died."
    found = records(nlp, text, THU)
    # counted from the article's date it would be 2025, after the article: unresolved
    assert [(r.text, r.value) for r in found] == [("May 2001", "2001-05"), ("A year later", None)]
    found = list(extract_dates(nlp(text), THU, window=None))
    assert [(r.text, r.value) for r in found] == [
        ("May 2001", "2001-05"),
        ("A year later", "2002-05"),
    ]
    found = records(nlp, "Nothing changed. A year later, it will die.", THU)
    assert [(r.text, r.value) for r in found] == [("A year later", "2025")]


@pytest.mark.parametrize(
    ("text", "base", "precision", "expected"),
    [
        (
            "The operation ended on May 8, officials said today. Agents made arrests "
            "yesterday and on Friday.",
            dt.date(2023, 5, 1),
            "month",
            [("May 8", "2023-05-08"), ("today", "2023-05"), ("yesterday", None),
             ("Friday", None)],
        ),
        (
            "He escaped last July and was caught in October. He was moved last week.",
            dt.date(2016, 1, 1),
            "month",
            [("last July", "2015-07"), ("October", "2015-10"), ("last week", None)],
        ),
        (
            "Treasury made progress this year, after a slow start last year. It acted in March.",
            dt.date(2013, 1, 1),
            "year",
            [("this year", "2013"), ("last year", "2012"), ("March", None)],
        ),
    ],
)  # fmt: skip
def test_a_publication_month_or_year_resolves_what_it_determines(nlp, text, base, precision,
                                                                  expected):  # fmt: skip
    found = list(extract_dates(nlp(text), base, precision=precision))
    assert [(r.text, r.value) for r in found] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The summit was held in August.", "2023-08"),
        ("The summit will be held in August.", "2024-08"),
    ],
)
def test_extract_dates_reads_tense_for_a_bare_month(nlp, text, value):
    found = records(nlp, text, dt.date(2024, 2, 10))
    assert [(r.text, r.value) for r in found] == [("August", value)]


@pytest.mark.parametrize(
    ("text", "ner_dates", "expected"),
    [
        (
            "The U.S. sent 2024 soldiers and 300 agents to the border in March.",
            ["2024", "March"],
            [("March", "2024-03", "month", True)],
        ),
        (
            "The program serves children ages 6 months to 5 years, officials said Monday.",
            ["ages 6 months to 5 years", "Monday"],
            [("Monday", "2024-08-26", "day", True)],
        ),
    ],
)
def test_counts_and_ages_are_not_dates(nlp, text, ner_dates, expected):
    # The NER tags the count and the age DATE: the extractor, not the NER, drops them,
    # and still reads the real date beside them.
    assert [e.text for e in nlp(text).ents if e.label_ == "DATE"] == ner_dates
    got = [(r.text, r.value, r.precision, r.relative) for r in records(nlp, text, THU)]
    assert got == expected


def test_a_year_modifying_a_noun_is_a_date(nlp):
    found = records(nlp, "Both parties are preparing for the 2024 elections.", THU)
    assert [(r.text, r.value, r.precision) for r in found] == [("2024", "2024", "year")]


def test_the_quarter_is_the_quarter_last_named(nlp):
    text = (
        "Profit fell in the third quarter of 2011, the company said on Oct. 28, 2011. It "
        "expects a turnaround next year. Sales in the quarter were flat."
    )
    found = records(nlp, text, THU)
    assert [(r.text, r.value) for r in found] == [
        ("the third quarter of 2011", "2011-Q3"),
        ("Oct. 28, 2011", "2011-10-28"),
        ("next year", "2025"),
        ("the quarter", "2011-Q3"),
    ]


def test_timex_value_keeps_a_value_read_from_the_story(nlp):
    text = "Profit rose in the third quarter of 2011. Sales in the quarter were flat."
    found = records(nlp, text, THU)
    assert [(r.text, timex_value(r, THU)) for r in found] == [
        ("the third quarter of 2011", "2011-Q3"),
        ("the quarter", "2011-Q3"),
    ]


def test_timex_value_maps_records_for_benchmarks(nlp):
    text = "The CDC said Friday afternoon that flu is now declining, as recently reported."
    found = records(nlp, text, FRI_2013)
    assert {r.text: timex_value(r, FRI_2013) for r in found} == {
        "Friday afternoon": "2013-03-22TAF",
        "now": "PRESENT_REF",
        "recently": "PAST_REF",
    }
    assert {r.text: r.value for r in found if r.text in ("now", "recently")} == {
        "now": "PRESENT_REF",
        "recently": None,
    }


def test_claims_take_no_date_from_the_present(nlp):
    from cartelkb.extract.claims import extract_claims
    from cartelkb.extract.entities import extract_mentions

    doc = nlp("The cartel now controls the port. The army seized the port on May 3, 2024.")
    dates = list(extract_dates(doc, THU))
    assert [(d.text, d.value) for d in dates] == [
        ("now", "PRESENT_REF"),
        ("May 3, 2024", "2024-05-03"),
    ]
    claims = list(extract_claims(doc, list(extract_mentions(doc)), dates))
    assert [(c.action, c.date) for c in claims] == [("control", None), ("seize", "2024-05-03")]


# --- the article's date as the base ------------------------------------------------------


def article(text: str, published: str | None = None, precision=None) -> RawArticle:
    return RawArticle(
        source_path="a.txt",
        sha256="0" * 64,
        text=text,
        published=published,
        published_precision=precision,
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (article("Talks ended today.", "2023-05", "month"), [("today", "2023-05")]),
        (article("Talks ended today.", "2023-05-16", "day"), [("today", "2023-05-16")]),
        # no publication date: a line near the top that is only a date is the base
        (
            article("Statement of the Senator\n\nWednesday, May 5, 2010\n\nToday we meet again."),
            [("Wednesday, May 5, 2010", "2010-05-05"), ("Today", "2010-05-05")],
        ),
        (
            article("Release Date\nMon, 07/22/2024\n\nThe chief spoke today in El Paso."),
            [("07/22/2024", "2024-07-22"), ("today", "2024-07-22")],
        ),
        (
            article("In 2010 the plan failed. Talks ended today."),
            [("2010", "2010"), ("today", None)],
        ),
    ],
)
def test_relative_dates_count_from_the_article_date(nlp, raw, expected):
    from cartelkb.extract import extract_article

    found = extract_article(raw, nlp(raw.text), "model").dates
    assert [(d.text, d.value) for d in found] == expected
