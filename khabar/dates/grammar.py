"""Tokens (date words, numbers, all-digit dates) and the small grammar that joins them into expressions.

Everything works on the folded text; spans are folded offsets, mapped back to raw by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from khabar.dates.data import DateData, Word
from khabar.text.normalize import is_word_char

# A day or year number, with an optional English ordinal ("26th").
NUMBER = re.compile(r"(?<!\d)(?<!\d[.:,/])(\d{1,4})(?:st|nd|rd|th)?(?![\d]|[.:,/]\d)")
# All-digit dates: year first (1402/06/04, 2023-09-26) or day first (14/3/2024).
YMD = re.compile(r"(?<![\d/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-]*\d)")
DMY = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-]*\d)")
# What may stand between two parts of one expression (besides filler words).
SEPARATORS = frozenset(" ,،/-()")
CORE = frozenset({"rel", "wd", "mon", "num", "ymd", "yearw", "period"})


@dataclass(slots=True)
class Tok:
    """One token in folded coordinates: its word meanings, or a number, or an all-digit date."""

    start: int
    end: int
    words: list[Word] = field(default_factory=list)
    num: int | None = None
    digits: int = 0
    ymd: tuple[int, int, int] | None = None
    month_word: bool = False

    def get(self, kind: str) -> Word | None:
        """The first meaning of this kind, if any."""
        for w in self.words:
            if w.kind == kind:
                return w
        return None

    def has(self, kinds: frozenset[str] | set[str]) -> bool:
        """True when the token can be any of ``kinds``."""
        if self.num is not None and "num" in kinds:
            return True
        if self.ymd is not None and "ymd" in kinds:
            return True
        return any(w.kind in kinds for w in self.words)


@dataclass(slots=True)
class DateParts:
    """A written date: calendar, year (None: not written), month, day (None: month only)."""

    calendar: str
    year: int | None
    month: int
    day: int | None


@dataclass(slots=True)
class Parsed:
    """One time expression before resolution (folded span)."""

    start: int
    end: int
    kind: str
    offset: int | None = None
    weekday: int | None = None
    modifier: str = ""
    dates: list[DateParts] = field(default_factory=list)


def tokenize(text: str, data: DateData) -> list[Tok]:
    """All date tokens of a folded text, in order, non-overlapping."""
    toks: dict[tuple[int, int], Tok] = {}
    for hit in data.lexicon.find(text):
        suffix = text[hit.end : hit.word_end]
        end = hit.word_end if suffix in data.month_suffixes else hit.end
        tok = toks.setdefault((hit.start, end), Tok(hit.start, end, month_word=bool(suffix)))
        tok.words.append(hit.payload)
    taken = [(s, e) for s, e in toks]
    for m in [*YMD.finditer(text), *DMY.finditer(text)]:
        ymd = _ymd(m)
        if ymd is not None and not _overlaps(taken, m.start(), m.end()):
            toks[(m.start(), m.end())] = Tok(m.start(), m.end(), ymd=ymd)
            taken.append((m.start(), m.end()))
    for m in NUMBER.finditer(text):
        if m.start() > 0 and is_word_char(text[m.start() - 1]) and not text[m.start() - 1].isdigit():
            continue
        if not _overlaps(taken, m.start(), m.end()):
            toks[(m.start(), m.end())] = Tok(m.start(), m.end(), num=int(m.group(1)), digits=len(m.group(1)))
    return sorted(toks.values(), key=lambda t: t.start)


def _ymd(m: re.Match[str]) -> tuple[int, int, int] | None:
    """(year, month, day) of an all-digit date match, None when month or day is impossible."""
    a, b = int(m.group(1)), int(m.group(3))
    c = int(m.group(4))
    y, mo, d = (a, b, c) if len(m.group(1)) == 4 else (c, b, a)
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return y, mo, d
    return None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps any span."""
    return any(start < e and s < end for s, e in spans)


class Parser:
    """Joins the tokens of one folded text into time expressions, left to right."""

    def __init__(self, text: str, toks: list[Tok], data: DateData) -> None:
        self.text = text
        self.toks = toks
        self.data = data

    def parse(self) -> list[Parsed]:
        """Every expression, non-overlapping, in text order."""
        out: list[Parsed] = []
        i = 0
        while i < len(self.toks):
            got = self.expression(i)
            if got is None:
                i += 1
                continue
            parsed, last = got
            out.append(parsed)
            i = last + 1
        return out

    def next(self, j: int, kinds: frozenset[str] | set[str]) -> int | None:
        """The index of the next token of ``kinds`` joined to token ``j`` (only separators/fillers between)."""
        end = self.toks[j].end
        k = j + 1
        while k < len(self.toks):
            tok = self.toks[k]
            if not all(ch in SEPARATORS for ch in self.text[end : tok.start]):
                return None
            if tok.has(kinds):
                return k
            if tok.get("filler") is None:
                return None
            end = tok.end
            k += 1
        return None

    def expression(self, i: int) -> tuple[Parsed, int] | None:
        """The expression starting at token ``i`` and the index of its last token."""
        j, cue = i, False
        while not self.toks[j].has(CORE):
            if not self.toks[j].has({"pod", "day", "cue"}):
                return None
            cue = cue or self.toks[j].get("cue") is not None
            k = self.next(j, {"pod", "day", "cue", *CORE})
            if k is None:
                return None
            j = k
        tok = self.toks[j]
        start = self.toks[i].start
        if tok.get("rel") is not None:
            return self.relative(start, j)
        if tok.get("wd") is not None:
            return self.weekday(start, j)
        if tok.get("period") is not None:
            return Parsed(start, tok.end, "relative"), j
        got = self.date(j, cue)
        if got is None:
            return None
        parsed, last = got
        parsed.start = start
        return parsed, last

    def relative(self, start: int, j: int) -> tuple[Parsed, int]:
        """"today", "yesterday"..., optionally followed by a weekday and a date."""
        word = self.toks[j].get("rel")
        assert word is not None
        parsed = Parsed(start, self.toks[j].end, word.label, offset=word.value)
        k = self.next(j, {"wd"})
        if k is not None:
            j = k
            parsed.end = self.toks[j].end
        return self.with_date(parsed, j)

    def weekday(self, start: int, j: int) -> tuple[Parsed, int]:
        """A weekday, optionally "last"/"next", optionally followed by a date."""
        word = self.toks[j].get("wd")
        assert word is not None
        parsed = Parsed(start, self.toks[j].end, "weekday", weekday=word.value)
        k = self.next(j, {"mod", "period"})
        if k is not None:
            mod = self.toks[k].get("mod") or self.toks[k].get("period")
            if mod is not None and mod.label in ("last", "next"):
                # A weekday of last/next week: the week's first day differs by country, left unresolved.
                parsed.modifier = mod.label if mod.kind == "mod" else "week"
                parsed.end = self.toks[k].end
                j = k
        return self.with_date(parsed, j)

    def with_date(self, parsed: Parsed, j: int) -> tuple[Parsed, int]:
        """Attach an explicit date that follows token ``j`` (the explicit date wins)."""
        k = self.next(j, {"num", "mon", "ymd"})
        if k is None:
            return parsed, j
        got = self.date(k, False)
        if got is None or not got[0].dates or got[0].dates[0].day is None:
            return parsed, j
        dated, last = got
        parsed.dates = dated.dates
        parsed.kind = dated.kind
        parsed.end = dated.end
        return parsed, last

    def date(self, j: int, cue: bool, second: bool = False) -> tuple[Parsed, int] | None:
        """A written date, month or year starting at token ``j``."""
        tok = self.toks[j]
        if tok.ymd is not None:
            return self.numeric(j)
        if tok.get("yearw") is not None and tok.get("mon") is None:
            k = self.next(j, {"num"})
            if k is None or self.toks[k].digits < 3:
                return None
            return self.era(Parsed(tok.start, self.toks[k].end, "year"), k)
        day = None
        if tok.num is not None:
            k = self.next(j, {"mon"})
            if k is None or not 1 <= tok.num <= 31:
                return None if second else self.bare_year(j)
            day, j = tok.num, k
        return self.month(tok.start, j, day, cue, second)

    def month(self, start: int, j: int, day: int | None, cue: bool, second: bool) -> tuple[Parsed, int] | None:
        """The month name at ``j`` with its optional second name, year, era and dual date."""
        mon = self.toks[j].get("mon")
        if mon is None or mon.value is None or (mon.needs_day and day is None):
            return None
        k = self.next(j, {"mon"})
        if k is not None and any(w.value == mon.value for w in self.toks[k].words if w.kind == "mon"):
            j = k
        k = self.next(j, {"cue"})
        if k is not None and self.toks[k].get("filler") is not None:
            j = k  # a spaced month word after the name ("۵ اسفند ماه")
        parts = DateParts(mon.calendar, None, mon.value, day)
        k = self.next(j, {"num"})
        if k is not None and self.toks[k].digits >= 3 and self.toks[k].num is not None:
            parts.year, j = self.toks[k].num, k
        if day is None and parts.year is None and not (cue or self.toks[j].month_word):
            return None
        kind = mon.calendar if day is not None else "month"
        parsed, j = self.era(Parsed(start, self.toks[j].end, kind, dates=[parts]), j)
        if day is not None and not second:
            parsed, j = self.dual(parsed, j)
        return parsed, j

    def dual(self, parsed: Parsed, j: int) -> tuple[Parsed, int]:
        """A second writing of the same day in another calendar ("۲۱ فوریه/۲ اسفندماه")."""
        k = self.next(j, {"num", "ymd"})
        if k is None:
            return parsed, j
        got = self.date(k, False, second=True)
        if got is None or not got[0].dates or got[0].dates[0].day is None:
            return parsed, j
        other, last = got
        parsed.dates.extend(other.dates)
        if other.dates[0].calendar != parsed.dates[0].calendar:
            parsed.kind = "dual"
        parsed.end = other.end
        return parsed, last

    def numeric(self, j: int) -> tuple[Parsed, int]:
        """An all-digit date; its calendar comes from the year range."""
        tok = self.toks[j]
        assert tok.ymd is not None
        y, m, d = tok.ymd
        cal = next((r.calendar for r in self.data.numeric_years if r.low <= y <= r.high), "")
        parsed = Parsed(tok.start, tok.end, cal or "numeric", dates=[DateParts(cal, y, m, d)] if cal else [])
        parsed, j = self.era(parsed, j, numeric=True)
        return self.dual(parsed, j) if parsed.dates else (parsed, j)

    def bare_year(self, j: int) -> tuple[Parsed, int] | None:
        """A lone four-digit number in the year range: kind "year", never a day."""
        tok = self.toks[j]
        low, high = self.data.bare_years
        if tok.num is None or tok.digits != 4 or not low <= tok.num <= high:
            return None
        return self.era(Parsed(tok.start, tok.end, "year"), j)

    def era(self, parsed: Parsed, j: int, numeric: bool = False) -> tuple[Parsed, int]:
        """Swallow a calendar marker after a year; it fixes an all-digit date's calendar."""
        k = self.next(j, {"era"})
        if k is None:
            return parsed, j
        era = self.toks[k].get("era")
        assert era is not None
        if numeric and len(parsed.dates) == 1:
            parsed.dates[0].calendar = era.calendar
            parsed.kind = era.calendar
        parsed.end = self.toks[k].end
        return parsed, k
