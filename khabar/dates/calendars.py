"""Calendar arithmetic: Gregorian, Solar Hijri (jdatetime) and Hijri (hijridate) to a Gregorian day."""

from __future__ import annotations

from datetime import date, timedelta

import jdatetime
from hijridate import Gregorian, Hijri

# How many years back a year-less date may look for a valid day (29 February, 30 Esfand).
YEARS_BACK = 8


def to_gregorian(calendar: str, year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a date in ``calendar``; None when it does not exist."""
    try:
        if calendar == "gregorian":
            return date(year, month, day)
        if calendar == "solar_hijri":
            return jdatetime.date(year, month, day).togregorian()
        if calendar == "hijri":
            g = Hijri(year, month, day).to_gregorian()
            return date(g.year, g.month, g.day)
    except (ValueError, OverflowError, TypeError):
        return None
    return None


def period_end(calendar: str, year: int, month: int | None = None) -> date | None:
    """The last Gregorian day of a month (or, without one, a whole year) of ``calendar``."""
    nxt = (year + 1, 1) if month is None or month == 12 else (year, month + 1)
    first = to_gregorian(calendar, nxt[0], nxt[1], 1)
    return None if first is None else first - timedelta(days=1)


def year_of(calendar: str, day: date) -> int | None:
    """The year of a Gregorian day in ``calendar``."""
    try:
        if calendar == "gregorian":
            return day.year
        if calendar == "solar_hijri":
            return int(jdatetime.date.fromgregorian(date=day).year)
        if calendar == "hijri":
            return int(Gregorian(day.year, day.month, day.day).to_hijri().year)
    except (ValueError, OverflowError):
        return None
    return None


def latest_on_or_before(calendar: str, month: int, day: int, anchor: date) -> date | None:
    """The latest existing ``day month`` of ``calendar`` on or before ``anchor``."""
    start = year_of(calendar, anchor)
    if start is None:
        return None
    for year in range(start, start - YEARS_BACK, -1):
        value = to_gregorian(calendar, year, month, day)
        if value is not None and value <= anchor:
            return value
    return None


def nearest_with_weekday(calendar: str, month: int, day: int, anchor: date, weekday: int) -> date | None:
    """The ``day month`` within a year of ``anchor`` that falls on ``weekday`` (the nearest one), if any."""
    start = year_of(calendar, anchor)
    if start is None:
        return None
    found = [to_gregorian(calendar, y, month, day) for y in (start - 1, start, start + 1)]
    days = [d for d in found if d is not None and d.weekday() == weekday]
    return min(days, key=lambda d: abs((d - anchor).days)) if days else None


def weekday_before(anchor: date, weekday: int, *, strict: bool = False) -> date:
    """The latest ``weekday`` (Monday 0) on or before ``anchor`` (strictly before if ``strict``)."""
    back = (anchor.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def weekday_after(anchor: date, weekday: int) -> date:
    """The first ``weekday`` (Monday 0) strictly after ``anchor``."""
    ahead = (weekday - anchor.weekday()) % 7
    return anchor + timedelta(days=ahead or 7)
