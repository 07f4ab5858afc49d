"""Sentences: newlines, Persian/Arabic punctuation, numbers, abbreviations, long lines, raw offsets."""

from __future__ import annotations

import pytest

from khabar.lang import load
from khabar.text.sentences import MAX_CHARS
from tests.text.helpers import AR, AR2, FA, FA2, run, sentence_texts


def test_persian_sentences_split_at_full_stop_and_question_mark() -> None:
    text = f"{FA} آیا این دیدار نتیجه داشت؟ {FA2}"
    assert sentence_texts(run(text, "fa")) == [FA, "آیا این دیدار نتیجه داشت؟", FA2]


def test_arabic_semicolon_and_exclamation() -> None:
    text = f"{AR[:-1]}؛ {AR2[:-1]}! {AR}"
    assert sentence_texts(run(text, "ar")) == [AR[:-1] + "؛", AR2[:-1] + "!", AR]


def test_newline_ends_a_sentence() -> None:
    title = "دیدار وزیران خارجه ایران و ترکیه"
    assert sentence_texts(run(f"{title}\n{FA}", "fa")) == [title, FA]


def test_decimal_number_does_not_split() -> None:
    text = "نرخ تورم به 3.5 درصد رسید و بانک مرکزی نرخ بهره را ۲.۵ درصد افزایش داد."
    assert sentence_texts(run(text, "fa")) == [text]


def test_web_address_does_not_split() -> None:
    text = "وأعلنت الوزارة ذلك على موقعها www.mofa.gov.sa مساء السبت."
    assert sentence_texts(run(text, "ar")) == [text]


def test_latin_initials_do_not_split() -> None:
    text = "وقال مسؤول في U.S. Army إن القوات ستبقى في المنطقة."
    assert sentence_texts(run(text, "ar")) == [text]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = f'قال الرئيس: "نحن مستعدون." {AR2}'
    assert sentence_texts(run(text, "ar")) == ['قال الرئيس: "نحن مستعدون."', AR2]


ABBREVIATIONS = [(lang, a) for lang in ("fa", "ar") for a in load(lang, "text")["abbreviations"]]
FRAME = {"fa": ("این بنا در سال ۱۳۵۰", "ساخته شده است."), "ar": ("وقال الخبير", "إن الوضع خطير.")}


@pytest.mark.parametrize(("lang", "abbr"), ABBREVIATIONS)
def test_each_abbreviation_does_not_end_a_sentence(lang: str, abbr: str) -> None:
    before, after = FRAME[lang]
    text = f"{before} {abbr}. {after}"
    assert sentence_texts(run(text, lang)) == [text]


def test_offsets_are_trimmed_and_raw() -> None:
    text = f"   {FA}   \n\n\t{FA2}  "
    a = run(text, "fa")
    assert sentence_texts(a) == [FA, FA2]
    assert a.sentences[0].start == 3


def test_long_line_without_punctuation_is_capped_at_a_space() -> None:
    words = ("کشور همکاری منطقه دیدار وزیر " * 60).split()
    text = " ".join(words)
    a = run(text, "fa")
    assert len(a.sentences) > 1
    assert all(s.end - s.start <= MAX_CHARS for s in a.sentences)
    for s in a.sentences:
        assert not text[s.start].isspace()
        assert s.end == len(text) or text[s.end] == " "


def test_long_line_is_cut_after_a_comma_when_there_is_one() -> None:
    part = "کشور همکاری منطقه دیدار وزیر " * 8
    text = part + "، " + part * 2
    a = run(text, "fa")
    assert a.text_of(a.sentences[0].start, a.sentences[0].end).endswith("،")


def test_sentence_at_finds_the_sentence() -> None:
    a = run(f"{FA} {FA2}", "fa")
    assert a.sentence_at(len(FA) + 3) == a.sentences[1]


def test_list_numbers_do_not_end_a_sentence() -> None:
    text = f"1. {FA}\n2. {FA2}"
    assert sentence_texts(run(text, "fa")) == [f"1. {FA}", f"2. {FA2}"]


def test_a_number_at_the_end_of_a_sentence_still_ends_it() -> None:
    text = "شمار کشته‌ها به 12. رسید و امدادگران همچنان در محل حادثه حضور دارند."
    assert len(sentence_texts(run(text, "fa"))) == 2


TERMINATORS = [(lang, t) for lang in ("fa", "ar") for t in load(lang, "text")["terminators"]]


@pytest.mark.parametrize(("lang", "mark"), TERMINATORS)
def test_each_terminator_ends_a_sentence(lang: str, mark: str) -> None:
    first, second = {"fa": (FA, FA2), "ar": (AR, AR2)}[lang]
    text = f"{first[:-1]}{mark} {second}"
    assert sentence_texts(run(text, lang)) == [first[:-1] + mark, second]
