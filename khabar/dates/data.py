"""Load and validate ``khabar/lang/<lang>/dates.yaml`` into one matcher per language (cached)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from khabar.errors import DataError
from khabar.lang import check_keys, load
from khabar.text.lexicon import Affixes, Lexicon
from khabar.text.normalize import fold_key

CALENDARS: tuple[str, ...] = ("gregorian", "solar_hijri", "hijri")
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
REL_KINDS: tuple[str, ...] = ("today", "yesterday", "relative")
PERIODS: tuple[str, ...] = ("last", "next", "this")
MODIFIERS: tuple[str, ...] = ("last", "next", "this")
TOP_KEYS: tuple[str, ...] = (
    "source", "affixes", "months", "needs_day", "weekdays", "relative", "periods", "modifiers", "ordinals",
    "parts_of_day", "day_words", "year_words", "month_cues", "eras", "fillers", "numeric_years", "bare_years",
    "not_dates", "eves", "short_years",
)
WORD_LISTS: tuple[str, ...] = (
    "parts_of_day", "day_words", "year_words", "month_cues", "fillers", "needs_day", "not_dates", "eves",
)
# Word-list key -> token kind (cues, fillers and eras are short and frequent: matched by regex in place).
LIST_KINDS: dict[str, str] = {
    "parts_of_day": "pod", "day_words": "day", "year_words": "yearw", "not_dates": "block", "eves": "eve",
}
# What may stand between two parts of one expression besides filler words.
SEPARATORS = " ,\u060c/\\-()"


@dataclass(frozen=True, slots=True)
class Word:
    """What a matched date word means: its kind and value (weekday 0-6, month 1-12, day offset...)."""

    kind: str
    value: int | None = None
    label: str = ""
    calendar: str = ""
    needs_day: bool = False


@dataclass(frozen=True, slots=True)
class YearRange:
    """A range of years and the calendar all-digit dates in it belong to."""

    low: int
    high: int
    calendar: str


@dataclass(frozen=True, slots=True)
class DateData:
    """One language's date words in a lexicon, plus its year rules."""

    lang: str
    lexicon: Lexicon[Word]
    month_suffixes: frozenset[str]
    numeric_years: tuple[YearRange, ...]
    bare_years: tuple[int, int]
    fillers: frozenset[str]
    gap: re.Pattern[str]
    cue: re.Pattern[str]
    era: re.Pattern[str]
    eras: dict[str, str]
    month_word: re.Pattern[str] | None
    short_years: dict[str, int]


def alternation(words: list[str]) -> str:
    """A regex alternation of folded words, longest first."""
    keys = sorted({fold_key(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(k) for k in keys if k)


def gap_pattern(fillers: list[str], prefixes: list[str]) -> re.Pattern[str]:
    """Separators and whole filler words, then maybe a proclitic glued to the next part ("al-muwafiq li-...")."""
    pfx = alternation(prefixes)
    tail = f"(?:(?<!\\w)(?:{pfx}))?" if pfx else ""
    return re.compile(rf"(?:[{SEPARATORS}]|(?<!\w)(?:{alternation(fillers)})(?!\w))*{tail}")


def cue_pattern(cues: list[str], prefixes: list[str]) -> re.Pattern[str]:
    """A month cue (with an optional proclitic) right before a position (search with ``endpos``)."""
    pfx = alternation(prefixes)
    head = f"(?:{pfx})?" if pfx else ""
    return re.compile(rf"(?<!\w){head}(?:{alternation(cues)})[ ,]*$")


def era_pattern(eras: dict[str, str]) -> re.Pattern[str]:
    """A calendar marker right after a year, spaced or glued ("1445 H", "2024 M", glued or spaced)."""
    return re.compile(rf"[ ,]?({alternation(list(eras))})(?!\w)")

class Adder:
    """Adds words to a lexicon with their spelling variants (ar article "al-" -> "lil-" after the proclitic li-)."""

    def __init__(self, lexicon: Lexicon[Word], variants: list[tuple[str, str]]) -> None:
        self.lexicon = lexicon
        self.variants = variants

    def add(self, word: str, payload: Word) -> None:
        """Add a word and each variant of it."""
        self.lexicon.add(word, payload)
        key = fold_key(word)
        for old, new in self.variants:
            if key.startswith(old):
                self.lexicon.add(new + key[len(old) :], payload)


def _variants(where: str, value: Any) -> list[tuple[str, str]]:
    """The prefix rewrites of the affixes section."""
    if not isinstance(value, list):
        raise DataError(f"{where}: expected a list")
    out = []
    for n, item in enumerate(value):
        check_keys(f"{where}[{n}]", item, ("from", "to"), ())
        old, new = _words(f"{where}[{n}]", [item["from"], item["to"]])
        out.append((fold_key(old), fold_key(new)))
    return out


def _words(where: str, value: Any) -> list[str]:
    """A non-empty list of non-empty strings, or DataError."""
    if not isinstance(value, list) or not value:
        raise DataError(f"{where}: expected a non-empty list of words")
    for w in value:
        if not isinstance(w, str) or not fold_key(w):
            raise DataError(f"{where}: bad word {w!r}")
    return value


def _check_mapping(where: str, value: Any, allowed: tuple[str, ...]) -> dict[Any, Any]:
    """A mapping whose keys are all in ``allowed`` (all required)."""
    check_keys(where, value, allowed, ())
    return dict(value)


def _add_months(lex: Adder, where: str, months: Any, needs_day: set[str]) -> None:
    """Add every month name of every calendar."""
    for cal, table in _check_mapping(where, months, CALENDARS).items():
        if not isinstance(table, dict) or sorted(table) != list(range(1, 13)):
            raise DataError(f"{where}.{cal}: expected months 1..12")
        for month, names in table.items():
            for name in _words(f"{where}.{cal}.{month}", names):
                nd = fold_key(name) in needs_day
                lex.add(name, Word("mon", month, calendar=cal, needs_day=nd))


def _add_ordinals(lex: Adder, where: str, table: Any) -> None:
    """Add day ordinals (fa "sevvom-e Shahrivar", ar "al-awwal min Maris")."""
    if not isinstance(table, dict) or not all(isinstance(k, int) and 1 <= k <= 31 for k in table):
        raise DataError(f"{where}: expected a mapping of days 1..31 to words")
    for day, words in table.items():
        for w in _words(f"{where}.{day}", words):
            lex.add(w, Word("ord", day))


def _add_relative(lex: Adder, where: str, items: Any) -> None:
    """Add the words naming a day relative to the anchor."""
    if not isinstance(items, list):
        raise DataError(f"{where}: expected a list")
    for n, item in enumerate(items):
        check_keys(f"{where}[{n}]", item, ("kind", "offset", "words"), ())
        if item["kind"] not in REL_KINDS or not isinstance(item["offset"], int):
            raise DataError(f"{where}[{n}]: kind must be one of {REL_KINDS}, offset an integer")
        for w in _words(f"{where}[{n}].words", item["words"]):
            lex.add(w, Word("rel", item["offset"], label=item["kind"]))


def _add_labelled(lex: Adder, where: str, value: Any, kind: str, labels: tuple[str, ...]) -> None:
    """Add words grouped under labels (periods, modifiers)."""
    check_keys(where, value, labels, ())
    for label, words in value.items():
        for w in _words(f"{where}.{label}", words):
            lex.add(w, Word(kind, label=label))


def _short_years(where: str, value: Any) -> dict[str, int]:
    """Calendars whose years are also written with two digits, and the century they add."""
    if not isinstance(value, list):
        raise DataError(f"{where}: expected a list")
    out = {}
    for n, item in enumerate(value):
        check_keys(f"{where}[{n}]", item, ("calendar", "base"), ())
        if item["calendar"] not in CALENDARS or not isinstance(item["base"], int) or item["base"] % 100:
            raise DataError(f"{where}[{n}]: bad calendar or base (a multiple of 100)")
        out[item["calendar"]] = item["base"]
    return out


def _year_ranges(where: str, value: Any) -> tuple[YearRange, ...]:
    """The numeric-date year ranges."""
    if not isinstance(value, list) or not value:
        raise DataError(f"{where}: expected a non-empty list")
    out = []
    for n, item in enumerate(value):
        check_keys(f"{where}[{n}]", item, ("min", "max", "calendar"), ())
        if item["calendar"] not in CALENDARS or not item["min"] <= item["max"]:
            raise DataError(f"{where}[{n}]: bad range or calendar")
        out.append(YearRange(int(item["min"]), int(item["max"]), item["calendar"]))
    return tuple(out)


def build(lang: str, raw: dict[str, Any]) -> DateData:
    """Validate one language's date file and build its matcher."""
    where = f"khabar/lang/{lang}/dates.yaml"
    check_keys(where, raw, TOP_KEYS, ())
    for key in WORD_LISTS:
        _words(f"{where}.{key}", raw[key])
    aff = raw["affixes"]
    check_keys(f"{where}.affixes", aff, ("prefixes", "suffixes", "prefix_variants"), ())
    lexicon: Lexicon[Word] = Lexicon(Affixes.of(aff["prefixes"], aff["suffixes"]))
    lex = Adder(lexicon, _variants(f"{where}.affixes.prefix_variants", aff["prefix_variants"]))
    _add_months(lex, f"{where}.months", raw["months"], {fold_key(w) for w in raw["needs_day"]})
    for day, names in _check_mapping(f"{where}.weekdays", raw["weekdays"], WEEKDAYS).items():
        for w in _words(f"{where}.weekdays.{day}", names):
            lex.add(w, Word("wd", WEEKDAYS.index(day)))
    _add_relative(lex, f"{where}.relative", raw["relative"])
    _add_ordinals(lex, f"{where}.ordinals", raw["ordinals"])
    _add_labelled(lex, f"{where}.periods", raw["periods"], "period", PERIODS)
    _add_labelled(lex, f"{where}.modifiers", raw["modifiers"], "mod", MODIFIERS)
    check_keys(f"{where}.eras", raw["eras"], CALENDARS, ())
    eras = {fold_key(w): cal for cal in CALENDARS for w in _words(f"{where}.eras.{cal}", raw["eras"][cal])}
    for key, kind in LIST_KINDS.items():
        for w in raw[key]:
            lex.add(w, Word(kind))
    bare = raw["bare_years"]
    check_keys(f"{where}.bare_years", bare, ("min", "max"), ())
    suffixes = [fold_key(s) for s in aff["suffixes"]]
    return DateData(
        lang,
        lexicon,
        frozenset(suffixes),
        _year_ranges(f"{where}.numeric_years", raw["numeric_years"]),
        (int(bare["min"]), int(bare["max"])),
        frozenset(fold_key(w) for w in raw["fillers"]),
        gap_pattern(raw["fillers"], aff["prefixes"]),
        cue_pattern(raw["month_cues"], aff["prefixes"]),
        era_pattern(eras),
        eras,
        re.compile(rf" ?(?:{alternation(suffixes)})(?!\w)") if suffixes else None,
        _short_years(f"{where}.short_years", raw["short_years"]),
    )


@cache
def date_data(lang: str) -> DateData:
    """The validated date matcher of one language, built once."""
    return build(lang, load(lang, "dates"))
