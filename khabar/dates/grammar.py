"""Tokens (date words, numbers, all-digit dates) and the small grammar that joins them into expressions.

Everything works on the folded text; spans are folded offsets, mapped back to raw by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from khabar.dates.data import DateData, Word

# A run of digits with inner separators (folded digits are ASCII), and an optional English ordinal.
DIGIT_RUN = re.compile(r"[0-9]+(?:[/.:,-][0-9]+)*(?:st|nd|rd|th)?")
ORDINAL = re.compile(r"(?:st|nd|rd|th)$")
# All-digit dates: year first (1402/06/04, 2023-09-26) or day first (14/3/2024).
YMD = re.compile(r"([0-9]{4})([/.-])([0-9]{1,2})\2([0-9]{1,2})")
DMY = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")
CORE = frozenset({"rel", "wd", "mon", "num", "ord", "ymd", "yearw", "period"})
# Year shift of a period after a year-less date ("21 Ordibehesht next year", "5 March last year").
SHIFTS = {"last": -1, "this": 0, "next": 1}
# What may follow a two-digit year: punctuation (Latin and Arabic script) or the line end.
SHORT_YEAR_END = frozenset(".,;:)\n\u060c\u061b\u06d4")


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
    year_shift: int | None = None


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
    year: int | None = None  # the written year of a year-only expression
    era: str = ""  # the calendar its era marker names ("1445 H")


def tokenize(text: str, data: DateData) -> list[Tok]:
    """All date tokens of a folded text, in order, non-overlapping."""
    toks: dict[tuple[int, int], Tok] = {}
    for hit in data.lexicon.find(text):
        suffix = text[hit.end : hit.word_end]
        end = hit.word_end if suffix in data.month_suffixes else hit.end
        word = toks.setdefault((hit.start, end), Tok(hit.start, end, month_word=end != hit.end))
        word.words.append(hit.payload)
    for m in DIGIT_RUN.finditer(text):
        if m.start() and text[m.start() - 1].isalpha():
            continue  # part of a name ("F16")
        digits = _digit_token(m)
        if digits is not None:
            toks[(digits.start, digits.end)] = digits
    return sorted(toks.values(), key=lambda t: t.start)


def _digit_token(m: re.Match[str]) -> Tok | None:
    """A number, an all-digit date, or None (decimals, times, thousands, partial dates)."""
    run = ORDINAL.sub("", m.group())
    if run.isdigit():
        return Tok(m.start(), m.end(), num=int(run), digits=len(run)) if len(run) <= 4 else None
    for pattern, year_first in ((YMD, True), (DMY, False)):
        d = pattern.fullmatch(run)
        if d is None:
            continue
        a, b, c = int(d.group(1)), int(d.group(3)), int(d.group(4))
        y, mo, day = (a, b, c) if year_first else (c, b, a)
        if 1 <= mo <= 12 and 1 <= day <= 31:
            return Tok(m.start(), m.start() + len(run), ymd=(y, mo, day))
    return None


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
            out.append(self.close_paren(parsed))
            i = last + 1
        return out

    def close_paren(self, parsed: Parsed) -> Parsed:
        """Take in the closing bracket of a bracketed second name ("Aghustus (Ab)")."""
        inner = self.text[parsed.start : parsed.end]
        if inner.count("(") > inner.count(")") and self.text[parsed.end : parsed.end + 1] == ")":
            parsed.end += 1
        return parsed

    def next(self, j: int, kinds: frozenset[str] | set[str]) -> int | None:
        """The index of the next token of ``kinds`` joined to token ``j`` (only separators/fillers between)."""
        end = self.toks[j].end
        k = j + 1
        while k < len(self.toks):
            tok = self.toks[k]
            if self.data.gap.fullmatch(self.text, end, tok.start) is None:
                return None
            if tok.has(kinds):
                return k
            if self.text[tok.start : tok.end] not in self.data.fillers:
                return None
            end = tok.end
            k += 1
        return None

    def cue_before(self, pos: int) -> int | None:
        """Start of a month cue ending right before ``pos`` (ar "fi", fa "dar", ar "shahr")."""
        m = self.data.cue.search(self.text, max(0, pos - 24), pos)
        return m.start() if m else None

    def expression(self, i: int) -> tuple[Parsed, int] | None:
        """The expression starting at token ``i`` and the index of its last token."""
        j, eve = i, False
        while not self.toks[j].has(CORE):
            if not self.toks[j].has({"pod", "day", "eve"}):
                return None
            eve = eve or self.toks[j].get("eve") is not None
            k = self.next(j, {"pod", "day", "eve", *CORE})
            if k is None:
                return None
            j = k
        tok = self.toks[j]
        start = self.toks[i].start
        if tok.get("rel") is not None:
            return self.relative(start, j)
        if tok.get("wd") is not None:
            return self.weekday(start, j, eve)
        if tok.get("period") is not None:
            return Parsed(start, tok.end, "relative"), j
        cue = self.cue_before(start)
        got = self.date(j, cue is not None)
        if got is None:
            return None
        parsed, last = got
        bare = parsed.kind == "year" and self.toks[j].num is not None
        parsed.start = cue if cue is not None and (parsed.kind == "month" or bare) else start
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

    def weekday(self, start: int, j: int, eve: bool = False) -> tuple[Parsed, int]:
        """A weekday (its eve: the day before), optionally "last"/"next", optionally followed by a date."""
        word = self.toks[j].get("wd")
        assert word is not None and word.value is not None
        parsed = Parsed(start, self.toks[j].end, "weekday", weekday=(word.value - eve) % 7)
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
        k = self.next(j, {"num", "ord", "mon", "ymd"})
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
            if k is None or self.toks[k].digits < (2 if self.data.short_years else 3):
                return None
            return self.era(Parsed(tok.start, self.toks[k].end, "year", year=self.toks[k].num), k)
        day = None
        ordinal = tok.get("ord")
        number = ordinal.value if ordinal is not None else tok.num
        if number is not None:
            k = self.next(j, {"mon"})
            if k is None or not 1 <= number <= 31:
                return None if second or ordinal else self.bare_year(j)
            day, j = number, k
        return self.month(tok.start, j, day, cue, second)

    def month(self, start: int, j: int, day: int | None, cue: bool, second: bool) -> tuple[Parsed, int] | None:
        """The month name at ``j`` with its optional second name, year, era and dual date."""
        mon = self.toks[j].get("mon")
        if mon is None or mon.value is None:
            return None
        ambiguous = mon.needs_day
        k = self.next(j, {"mon"})
        same = [w for w in self.toks[k].words if w.kind == "mon" and w.value == mon.value] if k is not None else []
        if k is not None and same:
            j, ambiguous = k, ambiguous and all(w.needs_day for w in same)  # Levantine/Egyptian twins: "Adhar/Maris"
        if ambiguous and day is None:
            return None
        end = self.toks[j].end
        word = self.data.month_word.match(self.text, end) if self.data.month_word else None
        month_word = self.toks[j].month_word or word is not None
        parts = DateParts(mon.calendar, None, mon.value, day)
        k = self.next(j, {"num", "period", "mod"})
        period = self.toks[k].get("period") if k is not None else None
        mod = self.toks[k].get("mod") if k is not None else None
        if mod is not None and mod.label == "this":
            period = mod
        year = self.year_at(k, mon.calendar) if k is not None else None
        if k is not None and year is not None:
            parts.year, j = year, k
            end = self.toks[k].end
        elif k is not None and period is not None and day is not None:
            parts.year_shift, j = SHIFTS[period.label], k
            end = self.toks[k].end
        elif word is not None:
            end = word.end()  # a spaced month word after the name ("5 Esfand mah")
        if day is None and parts.year is None and not (cue or month_word):
            return None
        kind = mon.calendar if day is not None else "month"
        parsed = Parsed(start, end, kind, dates=[parts])
        if parts.year is not None:
            parsed, j = self.era(parsed, j)
        if day is not None and not second:
            parsed, j = self.dual(parsed, j)
        return parsed, j

    def year_at(self, k: int, calendar: str) -> int | None:
        """A year at token ``k``: four digits, or two of a short-year calendar before punctuation (not a count)."""
        tok = self.toks[k]
        if tok.num is None:
            return None
        if tok.digits == 4:
            return tok.num
        base = self.data.short_years.get(calendar)
        after = self.text[tok.end : tok.end + 2].lstrip(" ")
        if base is not None and tok.digits == 2 and (not after or after[0] in SHORT_YEAR_END):
            return base + tok.num
        return None

    def dual(self, parsed: Parsed, j: int) -> tuple[Parsed, int]:
        """A second writing of the same day in another calendar ("21 February/2 Esfand")."""
        k = self.next(j, {"num", "ord", "ymd"})
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
        return self.era(Parsed(tok.start, tok.end, "year", year=tok.num), j)

    def era(self, parsed: Parsed, j: int, numeric: bool = False) -> tuple[Parsed, int]:
        """Swallow a calendar marker after a year; it fixes an all-digit date's calendar."""
        m = self.data.era.match(self.text, parsed.end)
        if m is None:
            return parsed, j
        if numeric and len(parsed.dates) == 1:
            parsed.dates[0].calendar = self.data.eras[m.group(1)]
            parsed.kind = parsed.dates[0].calendar
        parsed.era = self.data.eras[m.group(1)]
        parsed.end = m.end()
        while j + 1 < len(self.toks) and self.toks[j + 1].start < parsed.end:
            j += 1  # tokens inside the marker are consumed with it
        return parsed, j
