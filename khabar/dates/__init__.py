"""Dates: find time expressions and resolve them against each story's anchor."""

from __future__ import annotations

from khabar.model import Analysis, DateExpr, Event


def find_dates(analysis: Analysis) -> list[DateExpr]:
    """Every time expression of the document with its resolved day (stub: none)."""
    return []


def assign_dates(events: list[Event], dates: list[DateExpr], analysis: Analysis) -> None:
    """Set each event's date from a time expression in its own sentence (stub: none)."""
