"""Glued stories: a "read also" separator starts a new story that runs to the next one."""

from __future__ import annotations

from khabar.model import Span


def story_spans(length: int, separators: list[Span]) -> list[Span]:
    """Raw spans of the stories: before the first separator, then after each separator."""
    spans: list[Span] = []
    start = 0
    for sep in sorted(separators, key=lambda s: s.start):
        spans.append(Span(start, sep.start))
        start = sep.end
    spans.append(Span(start, length))
    return spans


def story_of(spans: list[Span], offset: int) -> int:
    """Index of the story span containing a raw offset (the last one starting at or before it)."""
    found = 0
    for i, s in enumerate(spans):
        if s.start <= offset:
            found = i
    return found
