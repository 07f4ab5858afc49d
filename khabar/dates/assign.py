"""Date events: the time expression of a sentence stating the event nearest its words, same clause first."""

from __future__ import annotations

from datetime import date, timedelta

from khabar.model import Analysis, DateExpr, Event, Span

# An event whose time ends longer than this before publication is told as history, not as news.
HISTORY = timedelta(days=365)
# Punctuation that closes a clause (Latin and Arabic script: comma, semicolon, guillemets).
CLAUSE_MARKS = frozenset(",\u060c;\u061b:\n()\"\u00ab\u00bb")


def is_bare_number(expr: DateExpr) -> bool:
    """A lone number read as a year ("2024" in an election's name): never an event's time."""
    return expr.kind == "year" and expr.text.strip().isdigit()


def gap(expr: DateExpr, span: Span) -> tuple[int, int]:
    """Raw range between an expression and a span (empty when they touch or overlap)."""
    if expr.end <= span.start:
        return expr.end, span.start
    if span.end <= expr.start:
        return span.end, expr.start
    return span.start, span.start


def rank(expr: DateExpr, span: Span, text: str) -> tuple[bool, int]:
    """Sort key: crosses a clause mark first, then distance in characters."""
    lo, hi = gap(expr, span)
    return any(ch in CLAUSE_MARKS for ch in text[lo:hi]), hi - lo


def nearest(span: Span, sentence: int, dates: list[DateExpr], text: str, bare: bool = False) -> DateExpr | None:
    """The expression of ``sentence`` nearest ``span``, preferring one in the same clause (lone years with ``bare``)."""
    if sentence < 0:
        return None
    candidates = [d for d in dates if d.sentence == sentence and (bare or not is_bare_number(d))]
    return min(candidates, key=lambda d: rank(d, span, text)) if candidates else None


def event_date(event: Event, dates: list[DateExpr], analysis: Analysis) -> DateExpr | None:
    """The trigger's sentence first; then the sentences of the event's further evidence, in order."""
    text = analysis.doc.text
    found = nearest(event.trigger, event.sentence, dates, text)
    for span in event.more_evidence:
        if found is not None:
            break
        sent = analysis.sentence_at(span.start)
        if sent is not None and sent.index != event.sentence:
            found = nearest(span, sent.index, dates, text)
    return found


def assign(events: list[Event], dates: list[DateExpr], analysis: Analysis) -> None:
    """Set ``date`` and ``date_expr`` of every event; future events and undated sentences get None."""
    for event in events:
        expr = None if event.aux == "future" else event_date(event, dates, analysis)
        event.date_expr = expr
        event.date = expr.value if expr is not None else None


def told_as_history(event: Event, dates: list[DateExpr], analysis: Analysis, published: date | None) -> bool:
    """True when the time nearest the trigger (a lone year too) ended over a year before publication."""
    if published is None:
        return False
    expr = nearest(event.trigger, event.sentence, dates, analysis.doc.text, bare=True)
    return expr is not None and expr.last is not None and expr.last < published - HISTORY
