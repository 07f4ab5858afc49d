"""Metadata stated by the text: publication-date lines, the reporting outlet, the citation chain.

"according to X" cues (data) name a citation up to a comma, a full stop, the line end or
the next cue; the first "outlet" cue of the first story names the reporting outlet and
later ones are relays. Date lines ("published: ...") are parsed with the language's
numeric calendar (Solar Hijri / Hijri years below 1500), jdatetime month names, else
dateparser.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import jdatetime

from khabar.dates.calendars import to_gregorian
from khabar.model import Citation, Span
from khabar.text.boilerplate import SKIP, Value
from khabar.text.cues import Cue, TextRules
from khabar.text.lexicon import Hit
from khabar.text.normalize import Folded, fold_key

NAME = re.compile(r"[^,\u060c.:;\u061b\n()!?\u061f|]+")
MAX_NAME_WORDS = 6
YMD = re.compile(r"(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})")
DMY = re.compile(r"(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})")
YEAR = re.compile(r"\b(1[3-4]\d\d)\b")
DAY = re.compile(r"\b(\d{1,2})\b")
LUNAR_LIMIT = 1500
MAX_DATE_CHARS = 60  # a date line's value is short; never hand dateparser a paragraph


def _calendar_date(year: int, month: int, day: int, calendar: str) -> date | None:
    """A Gregorian date from a year, month and day; years below LUNAR_LIMIT are in ``calendar``."""
    return to_gregorian("gregorian" if year >= LUNAR_LIMIT else calendar, year, month, day)


@lru_cache(maxsize=1)
def _jalali_months() -> dict[str, int]:
    """Folded Solar Hijri month names (from jdatetime) to month numbers."""
    return {fold_key(name): i + 1 for i, name in enumerate(jdatetime.date.j_months_fa)}


def _jalali_words(folded: str) -> date | None:
    """"۴ شهریور ۱۴۰۲": a day, a Solar Hijri month name and a year below 1500."""
    year = YEAR.search(folded)
    if not year:
        return None
    for word in re.findall(r"\w+", folded):
        month = _jalali_months().get(word)
        if month:
            day = DAY.search(folded.replace(year.group(1), " "))
            if day:
                return _calendar_date(int(year.group(1)), month, int(day.group(1)), "solar_hijri")
    return None


def parse_date_value(raw: str, folded: str, rules: TextRules) -> date | None:
    """The date a date line's value states, or None."""
    m = YMD.search(folded)
    if m:
        return _calendar_date(int(m.group(1)), int(m.group(2)), int(m.group(3)), rules.calendar)
    m = DMY.search(folded)
    if m:
        return _calendar_date(int(m.group(3)), int(m.group(2)), int(m.group(1)), rules.calendar)
    found = _jalali_words(folded)
    if found:
        return found
    import dateparser  # slow to import; needed only for written-out dates

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["custom-formats", "absolute-time"]}
    parsed = dateparser.parse(raw[:MAX_DATE_CHARS], languages=[rules.lang, "en"], settings=settings)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def _at_line_start(text: str, pos: int) -> bool:
    """True when only separator punctuation precedes ``pos`` on its line."""
    i = pos
    while i > 0 and text[i - 1] != "\n":
        i -= 1
        if text[i] not in SKIP:
            return False
    return True


def date_lines(doc_text: str, folded: Folded, hits: list[Hit[Cue]], rules: TextRules) -> list[tuple[int, date]]:
    """(raw offset, date) of every date line: a date label at a line start and a parsable value."""
    out = []
    text = folded.text
    for h in hits:
        if h.payload.kind != "date" or not _at_line_start(text, h.start):
            continue
        end = text.find("\n", h.end)
        end = len(text) if end < 0 else end
        vs = h.end
        while vs < end and text[vs] in SKIP:
            vs += 1
        if vs >= end:
            continue
        rs, re_ = folded.raw_span(vs, end)
        value = parse_date_value(doc_text[rs:re_], text[vs:end], rules)
        if value:
            out.append((folded.raw_offset(h.start), value))
    return out


def _inside(spans: list[Span], offset: int) -> bool:
    """True when a raw offset falls in one of the spans."""
    return any(s.start <= offset < s.end for s in spans)


def _name(folded: Folded, start: int, stops: list[int], rules: TextRules) -> tuple[int, int] | None:
    """Folded range of the name after a cue: to punctuation, the next cue, a stop word or ``MAX_NAME_WORDS``."""
    text = folded.text
    while start < len(text) and text[start] in " :":
        start += 1
    m = NAME.match(text, start)
    if not m:
        return None
    end = min([m.end(), *[s for s in stops if s > start]])
    words = text[start:end].split()
    for i, w in enumerate(words[1:MAX_NAME_WORDS], 1):
        if w in rules.name_stops:
            words = words[:i]
            break
    if not words:
        return None
    return start, start + len(" ".join(words[:MAX_NAME_WORDS]))


def _heads_ok(name: str, cue: Cue, rules: TextRules) -> bool:
    """A cue with ``heads`` needs a name starting with one of them or with an agency name."""
    if not cue.heads:
        return True
    return any(name.startswith(h) for h in cue.heads) or any(name.startswith(a) for a in rules.agencies)


def citations(
    doc_text: str, folded: Folded, hits: list[Hit[Cue]], values: list[Value], boilerplate: list[Span], rules: TextRules
) -> list[Citation]:
    """Inline citation cues outside boilerplate, plus cited label values, in text order."""
    found: list[Citation] = []
    cue_hits = [h for h in hits if h.payload.kind in ("outlet", "relay")]
    starts = [h.start for h in cue_hits]
    for h in cue_hits:
        if _inside(boilerplate, folded.raw_offset(h.start)):
            continue
        rng = _name(folded, h.end, starts, rules)
        if rng is None or not _heads_ok(folded.text[rng[0] : rng[1]], h.payload, rules):
            continue
        s, e = folded.raw_span(*rng)
        found.append(Citation(doc_text[s:e].strip(), s, e, "outlet" if h.payload.kind == "outlet" else "relay"))
    for v in values:
        if v.cue.cite and v.end > v.start:
            name = doc_text[v.start : v.end].strip()
            if name:
                s = v.start + doc_text[v.start : v.end].index(name)
                found.append(Citation(name, s, s + len(name), "outlet" if v.cue.cite == "outlet" else "relay"))
    found.sort(key=lambda c: c.start)
    return found


def settle_outlet(cites: list[Citation], first_story_end: int) -> str | None:
    """Keep the first outlet of the first story as the outlet; later "outlet" cues become relays."""
    outlet: str | None = None
    for c in cites:
        if c.kind != "outlet":
            continue
        if outlet is None and c.start < first_story_end:
            outlet = c.name
        elif c.name != outlet:
            c.kind = "relay"
    return outlet
