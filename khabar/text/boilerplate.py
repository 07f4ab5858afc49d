"""Page furniture out of plain text, line by line, from per-language data.

A line is boilerplate when it is made only of listed phrases ("print version", "your
comment"), "label: value" segments (tag lists, news ids, source lines) or a lone agency
name. A ``glued`` phrase at a line start ("read more" glued to the next word) is
boilerplate by itself and the rest of the line is text. A ``story`` phrase at a line start
("read also:") alone on its line is a separator: boilerplate, and a new story starts
after it; followed by a headline on the same line it is a related-article link, and the
whole line is boilerplate (the article goes on after it).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from khabar.model import Span
from khabar.text.cues import BOILERPLATE_KINDS, Cue, TextRules
from khabar.text.lexicon import Hit
from khabar.text.normalize import DIACRITICS, TATWEEL, Folded

SKIP = frozenset(" \t-:|*#_/\u2022\u00b7\uff1a")
COLONS = frozenset(":\uff1a")
SEGMENT_END = "|"
LINE = re.compile(r"[^\n]+")
BYLINE = re.compile(r"\(([^()\n]{1,40})\)\s*-+\s*")
DATELINE = re.compile(r"(\w+(?: \w+)?) ?- ?(\w+(?: \w+){0,2})")
DATELINE_LINES = 6
# Characters folding drops that still belong to the word before them (harakat, hamza, tatweel).
WORD_TAIL = frozenset(DIACRITICS + TATWEEL + "\u0621\u0674")


@dataclass(frozen=True, slots=True)
class Value:
    """The value of a label or dateline, in raw offsets, with the cue that introduced it."""

    cue: Cue
    start: int
    end: int


@dataclass(slots=True)
class Scan:
    """What the line scan found: boilerplate spans, story separators and label values."""

    boilerplate: list[Span] = field(default_factory=list)
    separators: list[Span] = field(default_factory=list)
    values: list[Value] = field(default_factory=list)


def _skip(text: str, pos: int, end: int) -> int:
    """First position at or after ``pos`` that is not separator punctuation."""
    while pos < end and text[pos] in SKIP:
        pos += 1
    return pos


def _longest(hits: list[Hit[Cue]], end: int) -> Hit[Cue] | None:
    """The longest boilerplate hit in ``hits`` ending inside the line."""
    best = None
    for h in hits:
        if h.payload.kind in BOILERPLATE_KINDS and h.end <= end and (best is None or h.end > best.end):
            best = h
    return best


class _Line:
    """Consume one folded line from the left, phrase by phrase."""

    def __init__(self, folded: Folded, by_start: dict[int, list[Hit[Cue]]], start: int, end: int) -> None:
        self.f = folded
        self.by_start = by_start
        self.start = start
        self.end = end
        self.values: list[tuple[Cue, int, int]] = []
        self.glued_end: int | None = None
        self.story_end: int | None = None

    def colon(self, hit: Hit[Cue]) -> int | None:
        """Position of the colon closing a label, after at most ``gap`` words; None if there is none."""
        text = self.f.text
        after = hit.end
        for _ in range(hit.payload.gap + 1):
            while after < self.end and text[after] == " ":
                after += 1
            if after < self.end and text[after] in COLONS:
                return after
            while after < self.end and text[after] not in COLONS and text[after] != " ":
                after += 1
        return None

    def _separator(self, pos: int, hit: Hit[Cue]) -> int:
        """A "read also" phrase opening the line: alone, a story separator; with a headline, a link."""
        text = self.f.text
        after = _skip(text, hit.end, self.end)
        colon = any(c in COLONS for c in text[hit.end : after])
        if pos != _skip(text, self.start, self.end) or (after < self.end and not colon):
            return pos
        if after < self.end:
            return self.end
        self.story_end = after
        return after

    def consume(self) -> int:
        """Position where the line stops being boilerplate (``end`` when all of it is)."""
        text = self.f.text
        pos = _skip(text, self.start, self.end)
        while pos < self.end:
            hit = _longest(self.by_start.get(pos, []), self.end)
            if hit is None:
                return pos
            kind = hit.payload.kind
            if kind == "label":
                after = self.colon(hit)
                if after is None:
                    return pos
                stop = text.find(SEGMENT_END, after, self.end)
                stop = self.end if stop < 0 else stop
                self.values.append((hit.payload, _skip(text, after, stop), stop))
                pos = _skip(text, stop, self.end)
                continue
            if kind == "story":
                return self._separator(pos, hit)
            if kind == "glued" and pos == _skip(text, self.start, self.end):
                self.glued_end = hit.end
            pos = _skip(text, hit.end, self.end)
        return pos


def _ends(span: Span) -> tuple[int, int]:
    """A span as a (start, end) pair."""
    return span.start, span.end


def raw_span(text: str, folded: Folded, start: int, end: int) -> Span:
    """Raw span of a folded range, its end stretched over dropped word-final marks (tanwin, hamza)."""
    s, e = folded.raw_span(start, end)
    while e < len(text) and text[e] in WORD_TAIL:
        e += 1
    return Span(s, e)


def _special_line(text: str, folded: Folded, rules: TextRules, start: int, end: int, early: bool, scan: Scan) -> bool:
    """Lone agency names and "City-Agency" datelines: boilerplate carrying a citation."""
    line = folded.text[start:end].strip()
    offset = start + folded.text[start:end].index(line[0]) if line else start
    if line in rules.agencies:
        scan.boilerplate.append(raw_span(text, folded, start, end))
        span = raw_span(text, folded, offset, offset + len(line))
        scan.values.append(Value(Cue(line, "label", "relay"), span.start, span.end))
        return True
    m = DATELINE.fullmatch(line) if early else None
    if m and m.group(2) in rules.agencies:
        scan.boilerplate.append(raw_span(text, folded, start, end))
        s = offset + m.start(2)
        span = raw_span(text, folded, s, s + len(m.group(2)))
        scan.values.append(Value(Cue(m.group(2), "label", "relay"), span.start, span.end))
        return True
    return False


def _byline(text: str, folded: Folded, start: int, end: int, scan: Scan) -> None:
    """A "(Agency)--" prefix at a line start: boilerplate, the agency a citation."""
    m = BYLINE.match(folded.text, start, end)
    if m:
        scan.boilerplate.append(raw_span(text, folded, m.start(), m.end()))
        name = m.group(1).strip()
        s = m.start(1) + m.group(1).index(name)
        scan.values.append(Value(Cue(name, "label", "relay"), *_ends(raw_span(text, folded, s, s + len(name)))))


def _tail(text: str, folded: Folded, line: _Line, hits: list[Hit[Cue]], scan: Scan) -> None:
    """An ``anywhere`` label inside a line (with its colon): from it to the line end is furniture."""
    for hit in hits:
        if hit.start < line.start or hit.end > line.end:
            continue
        if line.colon(hit) is not None:
            scan.boilerplate.append(raw_span(text, folded, hit.start, line.end))
            return


def scan(text: str, folded: Folded, rules: TextRules, hits: list[Hit[Cue]]) -> Scan:
    """Find boilerplate, story separators and label values in one pass over the lines."""
    by_start: dict[int, list[Hit[Cue]]] = defaultdict(list)
    for h in hits:
        by_start[h.start].append(h)
    anywhere = [h for h in hits if h.payload.anywhere]
    result = Scan()
    lines_in_story = 0
    for m in LINE.finditer(folded.text):
        start, end = m.span()
        if not folded.text[start:end].strip():
            continue
        lines_in_story += 1
        if _special_line(text, folded, rules, start, end, lines_in_story <= DATELINE_LINES, result):
            continue
        line = _Line(folded, by_start, start, end)
        stop = line.consume()
        for cue, vs, ve in line.values if stop >= end else ():
            result.values.append(Value(cue, *_ends(raw_span(text, folded, vs, ve))))
        if line.story_end is not None:
            sep = raw_span(text, folded, start, line.story_end)
            result.boilerplate.append(sep)
            result.separators.append(sep)
            lines_in_story = 0
        elif stop >= end:
            result.boilerplate.append(raw_span(text, folded, start, end))
        elif line.glued_end is not None:
            result.boilerplate.append(raw_span(text, folded, start, line.glued_end))
        else:
            _byline(text, folded, start, end, result)
        if anywhere and stop < end and line.story_end is None:
            _tail(text, folded, line, anywhere, result)
    return result
