"""Every entry of khabar/lang/{fa,ar}/dates.yaml, each in a sentence of its language."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import jdatetime
import pytest
import yaml
from hijridate import Hijri

from khabar.dates import find_dates
from khabar.dates.data import WEEKDAYS, build
from khabar.dates.grammar import Parser, tokenize
from khabar.errors import DataError
from tests.dates.helpers import analysis, only

LANG_DIR = Path(__file__).parents[2] / "khabar" / "lang"
ANCHOR = date(2024, 3, 14)  # a Thursday
YEARS = {"gregorian": 2023, "solar_hijri": 1402, "hijri": 1445}
MONTH_SENTENCE = {
    "fa": "این دیدار روز 10 {name} {year} برگزار شد.",
    "ar": "عقد الاجتماع يوم 10 {name} {year} في العاصمة.",
}
WEEKDAY_SENTENCE = {"fa": "وزیر خارجه {word} به تهران رسید.", "ar": "وصل وزير الخارجية {word} إلى الرياض."}
SATURDAY = {"fa": "شنبه", "ar": "السبت"}
MONTH_ONLY = {"fa": "{cue} اسفند", "ar": "{cue} يوليو"}
YEAR_SENTENCE = {"fa": "این جنگ {word} ۲۰۲۰ آغاز شد.", "ar": "بدأت الحرب {word} 2020 في المنطقة."}
DUAL = {"fa": "۲۱ فوریه ۲۰۲۲ {word} ۲ اسفند ۱۴۰۰", "ar": "14 مارس 2024 {word} 4 رمضان 1445"}


def raw(lang: str) -> dict[str, Any]:
    """The YAML file as written."""
    with (LANG_DIR / lang / "dates.yaml").open(encoding="utf-8") as f:
        data: dict[str, Any] = yaml.safe_load(f)
    return data


def entries(key: str) -> list[tuple[str, str, str]]:
    """(lang, label, word) for every word under a labelled key of both files."""
    return [(lang, label, w) for lang in ("fa", "ar") for label, words in raw(lang)[key].items() for w in words]


def plain(key: str) -> list[tuple[str, str]]:
    """(lang, word) for every word of a plain list key of both files."""
    return [(lang, w) for lang in ("fa", "ar") for w in raw(lang)[key]]


def expected_day(calendar: str, year: int, month: int, day: int) -> date:
    """The Gregorian day, computed by the calendar libraries directly."""
    if calendar == "gregorian":
        return date(year, month, day)
    if calendar == "solar_hijri":
        return jdatetime.date(year, month, day).togregorian()
    return Hijri(year, month, day).to_gregorian()


MONTHS = [
    (lang, cal, month, name)
    for lang in ("fa", "ar")
    for cal, table in raw(lang)["months"].items()
    for month, names in table.items()
    for name in names
]


@pytest.mark.parametrize(("lang", "calendar", "month", "name"), MONTHS)
def test_month_name_with_day_and_year(lang: str, calendar: str, month: int, name: str) -> None:
    text = MONTH_SENTENCE[lang].format(name=name, year=YEARS[calendar])
    found = only(find_dates(analysis(text, lang, ANCHOR)))
    assert found.kind == calendar
    assert found.value == expected_day(calendar, YEARS[calendar], month, 10)
    assert name in found.text or found.text.startswith(("روز", "يوم"))


@pytest.mark.parametrize(("lang", "label", "word"), entries("weekdays"))
def test_weekday(lang: str, label: str, word: str) -> None:
    found = only(find_dates(analysis(WEEKDAY_SENTENCE[lang].format(word=word), lang, ANCHOR)))
    back = (ANCHOR.weekday() - WEEKDAYS.index(label)) % 7
    assert (found.kind, found.value, found.text) == ("weekday", ANCHOR - timedelta(days=back), word)


RELATIVE = [
    (lang, item["kind"], item["offset"], w)
    for lang in ("fa", "ar")
    for item in raw(lang)["relative"]
    for w in item["words"]
]


@pytest.mark.parametrize(("lang", "kind", "offset", "word"), RELATIVE)
def test_relative_word(lang: str, kind: str, offset: int, word: str) -> None:
    found = only(find_dates(analysis(WEEKDAY_SENTENCE[lang].format(word=word), lang, ANCHOR)))
    assert (found.kind, found.value) == (kind, ANCHOR + timedelta(days=offset))


@pytest.mark.parametrize(("lang", "label", "word"), entries("periods"))
def test_period_is_found_but_not_a_day(lang: str, label: str, word: str) -> None:
    found = only(find_dates(analysis(WEEKDAY_SENTENCE[lang].format(word=word), lang, ANCHOR)))
    assert (found.kind, found.value, found.text) == ("relative", None, word)


YEARLESS_DATE = {"fa": "۲۰ فروردین", "ar": "20 يوليو"}


@pytest.mark.parametrize(("lang", "label", "word"), [e for e in entries("modifiers") if e[1] == "this"])
def test_this_modifier_puts_a_yearless_date_in_the_current_year(lang: str, label: str, word: str) -> None:
    text = WEEKDAY_SENTENCE[lang].format(word=f"{YEARLESS_DATE[lang]} {word}")
    found = only(find_dates(analysis(text, lang, ANCHOR)))
    want = expected_day("solar_hijri", 1402, 1, 20) if lang == "fa" else date(2024, 7, 20)
    assert (found.value, found.text.endswith(word)) == (want, True)


@pytest.mark.parametrize(("lang", "label", "word"), [e for e in entries("modifiers") if e[1] != "this"])
def test_weekday_modifier(lang: str, label: str, word: str) -> None:
    text = WEEKDAY_SENTENCE[lang].format(word=f"{SATURDAY[lang]} {word}")
    found = only(find_dates(analysis(text, lang, ANCHOR)))
    want = date(2024, 3, 9) if label == "last" else date(2024, 3, 16)
    assert (found.kind, found.value) == ("weekday", want)
    assert found.text.endswith(word)


@pytest.mark.parametrize(("lang", "word"), plain("parts_of_day") + plain("day_words"))
def test_part_of_day_or_day_word_before_weekday(lang: str, word: str) -> None:
    text = WEEKDAY_SENTENCE[lang].format(word=f"{word} {SATURDAY[lang]}")
    found = only(find_dates(analysis(text, lang, ANCHOR)))
    assert (found.text, found.value) == (f"{word} {SATURDAY[lang]}", date(2024, 3, 9))


@pytest.mark.parametrize(("lang", "word"), plain("parts_of_day") + plain("day_words"))
def test_part_of_day_alone_is_not_a_date(lang: str, word: str) -> None:
    assert find_dates(analysis(WEEKDAY_SENTENCE[lang].format(word=word), lang, ANCHOR)) == []


@pytest.mark.parametrize(("lang", "word"), plain("eves"))
def test_eve_is_the_night_before(lang: str, word: str) -> None:
    text = WEEKDAY_SENTENCE[lang].format(word=f"{word} {SATURDAY[lang]}")
    found = only(find_dates(analysis(text, lang, ANCHOR)))
    assert (found.text, found.value) == (f"{word} {SATURDAY[lang]}", date(2024, 3, 8))


@pytest.mark.parametrize(("lang", "word"), plain("year_words"))
def test_year_word(lang: str, word: str) -> None:
    found = only(find_dates(analysis(YEAR_SENTENCE[lang].format(word=word), lang, ANCHOR)))
    assert (found.kind, found.value) == ("year", None)
    assert found.text.startswith(word)


@pytest.mark.parametrize(("lang", "word"), plain("month_cues"))
def test_month_cue(lang: str, word: str) -> None:
    text = MONTH_ONLY[lang].format(cue=word)
    found = only(find_dates(analysis(f"{text} .", lang, ANCHOR)))
    assert (found.kind, found.value, found.text) == ("month", None, text)


@pytest.mark.parametrize(("lang", "word"), plain("needs_day"))
def test_ambiguous_month_needs_a_day(lang: str, word: str) -> None:
    cue = raw(lang)["month_cues"][0]
    assert find_dates(analysis(f"{cue} {word} .", lang, ANCHOR)) == []
    found = only(find_dates(analysis(f"{cue} 3 {word} .", lang, ANCHOR)))
    assert found.value is not None


ERA_DATES = {"gregorian": "2023/09/26", "solar_hijri": "1402/07/04", "hijri": "1445/03/11"}


@pytest.mark.parametrize(("lang", "label", "word"), entries("eras"))
def test_era_fixes_the_calendar_of_a_digit_date(lang: str, label: str, word: str) -> None:
    found = only(find_dates(analysis(f"{ERA_DATES[label]} {word} .", lang, ANCHOR)))
    y, m, d = (int(x) for x in ERA_DATES[label].split("/"))
    assert (found.kind, found.value) == (label, expected_day(label, y, m, d))
    assert found.text.endswith(word)


@pytest.mark.parametrize(("lang", "word"), plain("fillers"))
def test_filler_joins_a_dual_date(lang: str, word: str) -> None:
    text = DUAL[lang].format(word=word)
    found = only(find_dates(analysis(f"{text} .", lang, ANCHOR)))
    assert found.text == text
    assert found.value == (date(2022, 2, 21) if lang == "fa" else date(2024, 3, 14))


NUMERIC = [(lang, r["calendar"], r["min"], r["max"]) for lang in ("fa", "ar") for r in raw(lang)["numeric_years"]]


@pytest.mark.parametrize(("lang", "calendar", "low", "high"), NUMERIC)
def test_numeric_year_range(lang: str, calendar: str, low: int, high: int) -> None:
    year = max(low, min(high, YEARS[calendar]))
    found = only(find_dates(analysis(f"{year}/5/7 .", lang, ANCHOR)))
    assert (found.kind, found.value) == (calendar, expected_day(calendar, year, 5, 7))


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_bare_year_range(lang: str) -> None:
    bounds = raw(lang)["bare_years"]
    found = only(find_dates(analysis(f"x {bounds['min']} .", lang, ANCHOR)))
    assert (found.kind, found.value) == ("year", None)
    assert find_dates(analysis(f"x {bounds['max'] + 1} .", lang, ANCHOR)) == []


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_file_loads_and_validates(lang: str) -> None:
    assert len(build(lang, raw(lang)).lexicon) > 50


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("weekdays"), "missing key"),
        (lambda d: d.update(colour=1), "unknown key"),
        (lambda d: d["months"]["hijri"].pop(12), "months 1..12"),
        (lambda d: d["relative"][0].update(kind="soon"), "kind must be"),
        (lambda d: d.update(fillers=[]), "non-empty list"),
        (lambda d: d["numeric_years"][0].update(calendar="julian"), "bad range"),
    ],
)
def test_bad_file_raises_data_error(change: Any, message: str) -> None:
    data = raw("fa")
    change(data)
    with pytest.raises(DataError, match=message):
        build("fa", data)


BLOCKED_MONTH = {"fa": "اسفند", "ar": "من مارس"}


@pytest.mark.parametrize(("lang", "phrase"), plain("not_dates"))
def test_not_a_date_phrase_hides_its_date_word(lang: str, phrase: str) -> None:
    text = WEEKDAY_SENTENCE[lang].format(word=f"{phrase} {BLOCKED_MONTH[lang]}")
    assert find_dates(analysis(text, lang, ANCHOR)) == []
    unblocked = raw(lang) | {"not_dates": ["-"]}
    folded = analysis(text, lang, ANCHOR).folded().text
    data = build(lang, unblocked)
    assert Parser(folded, tokenize(folded, data), data).parse(), "the phrase holds no date word: entry is useless"


ORDINALS = [(lang, day, w) for lang in ("fa", "ar") for day, words in raw(lang)["ordinals"].items() for w in words]
ORDINAL_SENTENCE = {"fa": "این نشست {word} فروردین ۱۴۰۳ برگزار شد.", "ar": "عقد الاجتماع في {word} من مارس 2024."}


@pytest.mark.parametrize(("lang", "day", "word"), ORDINALS)
def test_day_ordinal(lang: str, day: int, word: str) -> None:
    found = only(find_dates(analysis(ORDINAL_SENTENCE[lang].format(word=word), lang, ANCHOR)))
    want = expected_day("solar_hijri", 1403, 1, day) if lang == "fa" else date(2024, 3, day)
    assert (found.value, found.text.startswith(word)) == (want, True)


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [(lang, v["from"], v["to"]) for lang in ("fa", "ar") for v in raw(lang)["affixes"]["prefix_variants"]],
)
def test_prefix_variant_of_a_weekday(lang: str, old: str, new: str) -> None:
    word = next(w for names in raw(lang)["weekdays"].values() for w in names if w.startswith(old))
    variant = new + word[len(old) :]
    found = only(find_dates(analysis(WEEKDAY_SENTENCE[lang].format(word=variant), lang, ANCHOR)))
    assert found.kind == "weekday" and found.value is not None


SHORT = [(lang, e["calendar"], e["base"]) for lang in ("fa", "ar") for e in raw(lang)["short_years"]]
SHORT_MONTH = {"solar_hijri": {"fa": "آبان"}}


@pytest.mark.parametrize(("lang", "calendar", "base"), SHORT)
def test_two_digit_year_before_punctuation(lang: str, calendar: str, base: int) -> None:
    month = SHORT_MONTH[calendar][lang]
    found = only(find_dates(analysis(f"این رویداد ۴ {month} ۹۸، رخ داد.", lang, ANCHOR)))
    assert found.value == expected_day(calendar, base + 98, 8, 4)
    counted = only(find_dates(analysis(f"در ۴ {month} ۹۸ نفر آمدند.", lang, ANCHOR)))
    assert counted.value == expected_day(calendar, 1402, 8, 4)
