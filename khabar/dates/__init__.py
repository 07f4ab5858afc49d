"""Dates: find time expressions and resolve them against each story's anchor."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from khabar.dates.assign import assign, told_as_history
from khabar.dates.data import date_data
from khabar.dates.grammar import Parser, tokenize
from khabar.dates.resolve import last_day, resolve
from khabar.model import Analysis, DateExpr, Event, Sentence
from khabar.text.normalize import INVISIBLE, TATWEEL, fold_char

__all__ = ["assign_dates", "find_dates", "told_as_history"]


def story_anchor(analysis: Analysis, story_index: int | None) -> date | None:
    """The anchor of a story: its own publication date; the first story falls back to the document's."""
    story = next((s for s in analysis.stories if s.index == story_index), None)
    if story is not None and story.pub_date is not None:
        return story.pub_date
    first = analysis.stories[0].index if analysis.stories else None
    if story_index is None or story_index == first:
        return analysis.pub_date or analysis.doc.pub_date
    return None


def _story_at(analysis: Analysis, raw: int) -> int | None:
    """The index of the story containing a raw offset."""
    for story in analysis.stories:
        if story.start <= raw < story.end:
            return story.index
    return None


def extend_end(raw: str, end: int) -> int:
    """Move a raw end over trailing marks that folding dropped (hamza, harakat), so the word is whole."""
    while end < len(raw) and (raw[end] == TATWEEL or (raw[end] not in INVISIBLE and fold_char(raw[end]) == "")):
        end += 1
    return end


def find_dates(analysis: Analysis) -> list[DateExpr]:
    """Every time expression of the document with its resolved day (None when a reader cannot fix it)."""
    folded = analysis.folded()
    data = date_data(analysis.lang)
    parsed = Parser(folded.text, tokenize(folded.text, data), data).parse()
    sentences: list[Sentence] = sorted(analysis.sentences, key=lambda s: s.start)
    starts = [s.start for s in sentences]
    out: list[DateExpr] = []
    for p in parsed:
        start, end = folded.raw_span(p.start, p.end)
        end = extend_end(analysis.doc.text, end)
        n = bisect_right(starts, start) - 1
        sent = sentences[n] if n >= 0 and start < sentences[n].end else None
        story = sent.story if sent is not None else _story_at(analysis, start)
        value = resolve(p, story_anchor(analysis, story))
        index = sent.index if sent is not None else -1
        out.append(DateExpr(start, end, analysis.doc.text[start:end], value, index, p.kind,
                            last_day(p, value, data)))
    return out


def assign_dates(events: list[Event], dates: list[DateExpr], analysis: Analysis) -> None:
    """Set each event's date from the time expression nearest its trigger in its own sentence."""
    assign(events, dates, analysis)
