"""Events: trigger lexicons -> PLOVER type and mode, arguments, modality, contexts."""

from __future__ import annotations

from khabar.model import Analysis, DateExpr, Event, Mention


def code_events(analysis: Analysis, mentions: list[Mention], dates: list[DateExpr]) -> list[Event]:
    """PLOVER events stated by the document, deduplicated within each story (stub: none)."""
    return []
