"""Boilerplate: every listed phrase in its language, glued "read more", tag lists, bylines, datelines."""

from __future__ import annotations

import pytest

from khabar.lang import load
from khabar.text.cues import rules
from tests.text.helpers import CARRIER, covered_by_sentence, run, sentence_texts

VALUE = {"fa": "خبرگزاری تسنیم", "ar": "وكالة سبوتنيك"}


def entries(kind: str) -> list[tuple[str, str]]:
    """(lang, phrase) of every boilerplate entry of one kind."""
    return [
        (lang, e["phrase"]) for lang in ("fa", "ar") for e in load(lang, "text")["boilerplate"] if e["kind"] == kind
    ]


def boilerplate_texts(text: str, lang: str) -> list[str]:
    """Raw text of every boilerplate span found."""
    a = run(text, lang)
    return [text[b.start : b.end] for b in a.boilerplate]


@pytest.mark.parametrize(("lang", "phrase"), entries("line"))
def test_each_line_phrase_is_boilerplate(lang: str, phrase: str) -> None:
    s1, s2 = CARRIER[lang]
    text = f"{s1}\n{phrase}\n{s2}"
    a = run(text, lang)
    start = text.index(phrase)
    assert any(b.start <= start and b.end >= start + len(phrase) for b in a.boilerplate)
    assert not covered_by_sentence(a, start, start + len(phrase))
    assert sentence_texts(a) == [s1, s2]


@pytest.mark.parametrize(("lang", "phrase"), entries("line"))
def test_a_line_phrase_inside_a_sentence_is_text(lang: str, phrase: str) -> None:
    s1, _ = CARRIER[lang]
    text = f"{s1[:-1]} {phrase} {s1}"
    assert run(text, lang).boilerplate == []


@pytest.mark.parametrize(("lang", "phrase"), entries("label"))
def test_each_label_line_is_boilerplate_with_its_value(lang: str, phrase: str) -> None:
    s1, s2 = CARRIER[lang]
    line = f"{phrase}: {VALUE[lang]}"
    text = f"{s1}\n{line}\n{s2}"
    assert line in boilerplate_texts(text, lang)
    assert sentence_texts(run(text, lang)) == [s1, s2]


@pytest.mark.parametrize(("lang", "phrase"), entries("label"))
def test_a_label_without_colon_is_text(lang: str, phrase: str) -> None:
    s1, _ = CARRIER[lang]
    text = f"{s1}\n{phrase} {s1}"
    assert boilerplate_texts(text, lang) == []


@pytest.mark.parametrize(("lang", "phrase"), entries("glued"))
def test_each_glued_phrase_is_cut_from_the_text_it_is_glued_to(lang: str, phrase: str) -> None:
    s1, s2 = CARRIER[lang]
    text = f"{s1}\n{phrase}{s2}"
    a = run(text, lang)
    assert [text[b.start : b.end] for b in a.boilerplate] == [phrase]
    assert sentence_texts(a) == [s1, s2]


def test_persian_page_furniture_line_made_of_several_pieces() -> None:
    text = f"شناسهٔ خبر: 52794663 - سرویس بین‌الملل\nنسخه قابل چاپ منبع: مشرق | لینک خبر\n{CARRIER['fa'][0]}"
    bp = boilerplate_texts(text, "fa")
    assert bp == ["شناسهٔ خبر: 52794663 - سرویس بین‌الملل", "نسخه قابل چاپ منبع: مشرق | لینک خبر"]
    assert [(c.name, c.kind) for c in run(text, "fa").citations] == [("مشرق", "outlet")]


def test_arabic_tag_list_is_never_a_sentence() -> None:
    s1, s2 = CARRIER["ar"]
    text = f"{s1}\nكلمات دلالية: فلاديمير بوتين رجب طيب أردوغان موسكو\n{s2}"
    a = run(text, "ar")
    tags = text.index("كلمات")
    assert not covered_by_sentence(a, tags, tags + 40)
    assert all("بوتين" not in s for s in sentence_texts(a))


def test_byline_prefix_is_boilerplate_and_a_citation() -> None:
    text = "(CNN)-- هنأ الرئيس الروسي نظيره الأمريكي على فوزه في الانتخابات."
    a = run(text, "ar")
    assert [text[b.start : b.end].strip() for b in a.boilerplate] == ["(CNN)--"]
    assert [c.name for c in a.citations] == ["CNN"]
    assert sentence_texts(a) == [text[8:]]


def test_dateline_with_agency_is_boilerplate_and_a_citation() -> None:
    s1, _ = CARRIER["ar"]
    text = f"العنوان هنا للخبر\nدمشق-سانا\n{s1}"
    a = run(text, "ar")
    assert "دمشق-سانا" in [text[b.start : b.end] for b in a.boilerplate]
    assert [(c.name, c.kind) for c in a.citations] == [("سانا", "relay")]


def test_dateline_needs_a_known_agency() -> None:
    s1, _ = CARRIER["ar"]
    text = f"روسيا - تركيا\n{s1}"
    assert boilerplate_texts(text, "ar") == []


AGENCIES = [(lang, a) for lang in ("fa", "ar") for a in load(lang, "text")["agencies"]]


@pytest.mark.parametrize(("lang", "agency"), AGENCIES)
def test_each_agency_alone_on_a_line_is_a_citation(lang: str, agency: str) -> None:
    s1, s2 = CARRIER[lang]
    text = f"{s1}\n{agency}\n{s2}"
    a = run(text, lang)
    assert [c.name for c in a.citations] == [agency]
    assert sentence_texts(a) == [s1, s2]


def test_separator_lines_of_punctuation_are_boilerplate() -> None:
    s1, s2 = CARRIER["fa"]
    text = f"{s1}\n***\n{s2}"
    assert sentence_texts(run(text, "fa")) == [s1, s2]


def test_rules_are_cached() -> None:
    assert rules("fa") is rules("fa")


GAP_LABELS = [
    (lang, e["phrase"], e["gap"]) for lang in ("fa", "ar") for e in load(lang, "text")["boilerplate"] if e.get("gap")
]


@pytest.mark.parametrize(("lang", "phrase", "gap"), GAP_LABELS)
def test_label_with_words_before_its_colon(lang: str, phrase: str, gap: int) -> None:
    s1, s2 = CARRIER[lang]
    words = " ".join(["الوئام"] * gap)
    line = f"{phrase} {words}: {s2}"
    assert sentence_texts(run(f"{s1}\n{line}", lang)) == [s1]
    too_far = f"{phrase} {words} الوئام: {s2}"
    assert len(sentence_texts(run(f"{s1}\n{too_far}", lang))) == 2


ANYWHERE = [
    (lang, e["phrase"]) for lang in ("fa", "ar") for e in load(lang, "text")["boilerplate"] if e.get("anywhere")
]


@pytest.mark.parametrize(("lang", "phrase"), ANYWHERE)
def test_anywhere_label_inside_a_line_cuts_to_the_line_end(lang: str, phrase: str) -> None:
    s1, s2 = CARRIER[lang]
    text = f"{s1} {phrase} بصحيفة الوئام: {s2}\n{s2}"
    assert sentence_texts(run(text, lang)) == [s1, s2]
    glued_to_words = f"{s1[:-1]} {phrase} بصحيفة الوئام: {s2}"
    assert sentence_texts(run(glued_to_words, lang)) == [s1[:-1]]
    without_colon = f"{s1} {phrase} بصحيفة الوئام {s2}"
    assert run(without_colon, lang).boilerplate == []
