"""Metadata: publication-date lines in every calendar, outlet and citation chain with offsets."""

from __future__ import annotations

from datetime import date

import pytest

from khabar.lang import load
from khabar.text.cues import rules
from khabar.text.metadata import parse_date_value
from khabar.text.normalize import fold
from tests.text.helpers import CARRIER, run

DATE_LABELS = [(lang, label) for lang in ("fa", "ar") for label in load(lang, "text")["date_labels"]]
NUMERIC = {"fa": ("۱۴۰۲/۰۶/۰۴", date(2023, 8, 26)), "ar": ("2023/09/26", date(2023, 9, 26))}


@pytest.mark.parametrize(("lang", "label"), DATE_LABELS)
def test_each_date_label_gives_the_publication_date(lang: str, label: str) -> None:
    s1, s2 = CARRIER[lang]
    value, expected = NUMERIC[lang]
    text = f"{s1}\n{label}: {value}\n{s2}"
    a = run(text, lang)
    assert a.pub_date == expected
    assert a.stories[0].pub_date == expected
    assert all(value not in a.text_of(s.start, s.end) for s in a.sentences)


def test_record_date_wins_over_the_date_line() -> None:
    s1, _ = CARRIER["ar"]
    a = run(f"{s1}\nتاريخ النشر: 2023/09/26", "ar", pub_date=date(2023, 9, 27))
    assert a.pub_date == date(2023, 9, 27)


def value_date(raw: str, lang: str) -> date | None:
    """parse_date_value on a raw value."""
    return parse_date_value(raw, fold(raw).text, rules(lang))


@pytest.mark.parametrize(
    ("raw", "lang", "expected"),
    [
        ("26th, September 2023 GMT", "ar", date(2023, 9, 26)),
        ("14th, March 2024 GMT", "ar", date(2024, 3, 14)),
        ("26 سبتمبر 2023", "ar", date(2023, 9, 26)),
        ("26/09/2023 - 10:33", "ar", date(2023, 9, 26)),
        ("1445/03/12", "ar", date(2023, 9, 27)),  # Hijri
        ("۴ شهریور ۱۴۰۲", "fa", date(2023, 8, 26)),  # Solar Hijri month name
        ("۱۴۰۲/۰۶/۰۴ - ۱۲:۱۱", "fa", date(2023, 8, 26)),
        ("2023-08-26", "fa", date(2023, 8, 26)),
        ("فردا", "fa", None),
        ("1402/13/40", "fa", None),
    ],
)
def test_date_values(raw: str, lang: str, expected: date | None) -> None:
    assert value_date(raw, lang) == expected


def test_date_label_in_the_middle_of_a_line_is_not_a_date_line() -> None:
    s1, _ = CARRIER["fa"]
    a = run(f"{s1} تاریخ انتشار: ۱۴۰۲/۰۶/۰۴", "fa")
    assert a.pub_date is None


CITES = [(lang, c) for lang in ("fa", "ar") for c in load(lang, "text")["citations"]]
NAME = {"fa": "خبرگزاری تسنیم", "ar": "سبوتنيك"}


@pytest.mark.parametrize(("lang", "cue"), CITES, ids=lambda x: x if isinstance(x, str) else x["phrase"])
def test_each_citation_cue_names_its_source(lang: str, cue: dict[str, object]) -> None:
    heads = cue.get("heads") or []
    name = f"{heads[0]} {NAME[lang]}" if heads else NAME[lang]  # type: ignore[index]
    s1, _ = CARRIER[lang]
    comma = "،"
    text = f"{cue['phrase']} {name}{comma} {s1}"
    a = run(text, lang)
    assert [(c.name, text[c.start : c.end]) for c in a.citations] == [(name, name)]
    assert a.citations[0].kind == cue["kind"]


def test_heads_are_required_for_according_to() -> None:
    s1, _ = CARRIER["ar"]
    a = run(f"{s1[:-1]} حسب البيان الرسمي.", "ar")
    assert a.citations == []


def test_outlet_then_relay_chain() -> None:
    text = "به گزارش مرور نیوز به نقل از خبرگزاری «تاس»، دفتر مطبوعاتی کاخ کرملین اعلام کرد."
    a = run(text, "fa")
    assert a.outlet == "مرور نیوز"
    assert [(c.name, c.kind) for c in a.citations] == [("مرور نیوز", "outlet"), ("خبرگزاری «تاس»", "relay")]


def test_second_reporting_cue_is_a_relay() -> None:
    s1, _ = CARRIER["fa"]
    text = f"به گزارش مشرق، {s1}\nبه گزارش ریانووستی، {s1}"
    a = run(text, "fa")
    assert a.outlet == "مشرق"
    assert [(c.name, c.kind) for c in a.citations] == [("مشرق", "outlet"), ("ریانووستی", "relay")]


def test_name_ends_at_a_stop_word() -> None:
    s1, _ = CARRIER["fa"]
    a = run(f"به گزارش خبرگزاری فارس از تبریز، {s1}", "fa")
    assert a.outlet == "خبرگزاری فارس"


def test_arabic_source_line_and_relay() -> None:
    s1, _ = CARRIER["ar"]
    text = f"{s1}\nوأضاف المتحدث، حسب وكالة الأناضول، أن الوفد سيعود.\nالمصدر: تاس"
    a = run(text, "ar")
    assert [(c.name, c.kind) for c in a.citations] == [("وكالة الأناضول", "relay"), ("تاس", "relay")]


def test_citation_inside_a_tag_list_is_ignored() -> None:
    s1, _ = CARRIER["ar"]
    a = run(f"{s1}\nكلمات دلالية: نقلا عن رويترز موسكو", "ar")
    assert a.citations == []


STOPS = [(lang, w) for lang in ("fa", "ar") for w in load(lang, "text")["name_stops"]]


@pytest.mark.parametrize(("lang", "word"), STOPS)
def test_each_name_stop_word_ends_a_citation_name(lang: str, word: str) -> None:
    cue = load(lang, "text")["citations"][0]["phrase"]
    s1, _ = CARRIER[lang]
    text = f"{cue} {NAME[lang]} {word} {NAME[lang]}، {s1}"
    assert [c.name for c in run(text, lang).citations] == [NAME[lang]]
