"""Resolve a parsed time expression against its story's anchor (publication day), as a careful reader."""

from __future__ import annotations

from datetime import date, timedelta

from khabar.dates.calendars import (
    latest_on_or_before,
    nearest_with_weekday,
    period_end,
    to_gregorian,
    weekday_after,
    weekday_before,
    year_of,
)
from khabar.dates.data import DateData
from khabar.dates.grammar import DateParts, Parsed


def resolve_parts(parts: DateParts, anchor: date | None, weekday: int | None = None) -> date | None:
    """The day of a written date; year-less: shifted by "next year", agreeing with a weekday, else latest."""
    if parts.day is None or not parts.calendar:
        return None
    if parts.year is not None:
        return to_gregorian(parts.calendar, parts.year, parts.month, parts.day)
    if anchor is None:
        return None
    if parts.year_shift is not None:
        year = year_of(parts.calendar, anchor)
        return None if year is None else to_gregorian(parts.calendar, year + parts.year_shift, parts.month, parts.day)
    if weekday is not None:
        agreeing = nearest_with_weekday(parts.calendar, parts.month, parts.day, anchor, weekday)
        if agreeing is not None:
            return agreeing
    return latest_on_or_before(parts.calendar, parts.month, parts.day, anchor)


def resolve(parsed: Parsed, anchor: date | None) -> date | None:
    """The day an expression names, or None (months, years, periods, no anchor, impossible dates)."""
    if parsed.dates and parsed.dates[0].day is not None:
        # Gregorian first: a Hijri day may differ by one from the civil date printed beside it.
        for parts in sorted(parsed.dates, key=lambda p: p.calendar != "gregorian"):
            value = resolve_parts(parts, anchor, parsed.weekday)
            if value is not None:
                return value
        return None
    if parsed.dates or anchor is None:
        return None
    if parsed.offset is not None:
        return anchor + timedelta(days=parsed.offset)
    if parsed.weekday is None or parsed.modifier == "week":
        return None
    if parsed.modifier == "next":
        return weekday_after(anchor, parsed.weekday)
    return weekday_before(anchor, parsed.weekday, strict=parsed.modifier == "last")


def last_day(parsed: Parsed, value: date | None, data: DateData) -> date | None:
    """The last day an expression can mean: its day, the end of a written month and year, or of a year."""
    if value is not None:
        return value
    for parts in parsed.dates:
        if parts.year is not None and parts.calendar:
            return period_end(parts.calendar, parts.year, parts.month)
    if parsed.year is None:
        return None
    calendar = parsed.era or next((r.calendar for r in data.numeric_years if r.low <= parsed.year <= r.high),
                                  "gregorian")
    return period_end(calendar, parsed.year)
