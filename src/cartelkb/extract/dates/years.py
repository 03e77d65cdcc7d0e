"""The year of a date the text gives without one ("Sept. 18", "in August", "'90s")."""

from __future__ import annotations

import datetime as dt

from cartelkb.extract.dates.reading import Normalized, Tense, day_reading, unresolved


def resolve_month_day(
    year: int | None, month: int, day: int | None, base: dt.date | None, tense: Tense | None
) -> Normalized | None:
    """A month or month-day, in its stated year or the one `pick_year` picks; None when
    the day does not exist."""
    if day is not None and not 1 <= day <= 31:
        return None
    relative = year is None
    if year is None:
        if base is None:
            return unresolved()
        year = pick_year(month, day or 1, base, tense, day is None)
        if year is None:
            return None
    if day is None:
        return Normalized(f"{year}-{month:02d}", "month", relative, "date", f"{year}-{month:02d}")
    try:
        return day_reading(dt.date(year, month, day), relative=relative)
    except ValueError:
        return None


def pick_year(
    month: int, day: int, base: dt.date, tense: Tense | None, month_only: bool
) -> int | None:
    """Year of a month (or month-day) the text gives without one.

    Past tense: the latest occurrence on or before the base; future: the first on or
    after; otherwise the nearest occurrence (HeidelTime's news strategy, simplified).
    """
    candidates: list[tuple[int, dt.date]] = []
    for year in (base.year, base.year - 1, base.year + 1):
        try:
            candidates.append((year, dt.date(year, month, 1 if month_only else day)))
        except ValueError:
            continue
    if not candidates:
        return None
    anchor = base.replace(day=1) if month_only else base
    if tense == "past":
        past = [c for c in candidates if c[1] <= anchor]
        return max(past, key=lambda c: c[1])[0] if past else None
    if tense == "future":
        future = [c for c in candidates if c[1] >= anchor]
        return min(future, key=lambda c: c[1])[0] if future else None
    return min(candidates, key=lambda c: abs((c[1] - anchor).days))[0]


def two_digit_year(yy: int, base: dt.date | None) -> int:
    """The century of "'98" or "the '90s": the latest one not more than ten years ahead."""
    reference = (base or dt.date.today()).year
    year = reference // 100 * 100 + yy
    return year if year <= reference + 10 else year - 100
