"""Date events: the time expression of the event's own sentence nearest its trigger, same clause first."""

from __future__ import annotations

from khabar.model import Analysis, DateExpr, Event

# Punctuation that closes a clause (Latin and Arabic script).
CLAUSE_MARKS = frozenset(",،;؛:\n()\"«»")


def is_bare_number(expr: DateExpr) -> bool:
    """A lone number read as a year ("2024" in an election's name): never an event's time."""
    return expr.kind == "year" and expr.text.strip().isdigit()


def gap(expr: DateExpr, start: int, end: int) -> tuple[int, int]:
    """Raw range between an expression and a span (empty when they touch or overlap)."""
    if expr.end <= start:
        return expr.end, start
    if end <= expr.start:
        return end, expr.start
    return start, start


def rank(expr: DateExpr, event: Event, text: str) -> tuple[bool, int]:
    """Sort key: crosses a clause mark first, then distance in characters."""
    lo, hi = gap(expr, event.trigger.start, event.trigger.end)
    crosses = any(ch in CLAUSE_MARKS for ch in text[lo:hi])
    return crosses, hi - lo


def nearest(event: Event, dates: list[DateExpr], text: str) -> DateExpr | None:
    """The expression of the event's sentence nearest its trigger, preferring one in the same clause."""
    if event.sentence < 0:
        return None
    candidates = [d for d in dates if d.sentence == event.sentence and not is_bare_number(d)]
    if not candidates:
        return None
    return min(candidates, key=lambda d: rank(d, event, text))


def assign(events: list[Event], dates: list[DateExpr], analysis: Analysis) -> None:
    """Set ``date`` and ``date_expr`` of every event; future events and sentences without one get None."""
    text = analysis.doc.text
    for event in events:
        expr = None if event.aux == "future" else nearest(event, dates, text)
        event.date_expr = expr
        event.date = expr.value if expr is not None else None
