"""Actors: gazetteer automaton, dated roles, titles, coreference -> coded mentions."""

from __future__ import annotations

from khabar.model import Analysis, Mention


def find_mentions(analysis: Analysis) -> list[Mention]:
    """Every actor mention of the document, in text order (stub: none)."""
    return []
