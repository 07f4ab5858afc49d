"""Glued stories: "read also" separators, story dates, related-article link lines."""

from __future__ import annotations

from datetime import date

import pytest

from khabar.lang import load
from tests.text.helpers import CARRIER, run, sentence_texts

SEPARATORS = [
    (lang, e["phrase"]) for lang in ("fa", "ar") for e in load(lang, "text")["boilerplate"] if e["kind"] == "story"
]


@pytest.mark.parametrize("colon", [":", ""])
@pytest.mark.parametrize(("lang", "phrase"), SEPARATORS)
def test_each_separator_alone_on_a_line_starts_a_story(lang: str, phrase: str, colon: str) -> None:
    s1, s2 = CARRIER[lang]
    text = f"{s1}\n{phrase}{colon}\n{s2}"
    a = run(text, lang, pub_date=date(2024, 3, 14))
    assert len(a.stories) == 2
    assert [text[s.start : s.end] for s in a.stories] == [s1, s2]
    assert a.stories[0].pub_date == date(2024, 3, 14)
    assert a.stories[1].pub_date is None
    assert [s.story for s in a.sentences] == [0, 1]
    assert [s.index for s in a.sentences] == [0, 1]
    assert any(text[b.start : b.end].startswith(phrase) for b in a.boilerplate)


@pytest.mark.parametrize(("lang", "phrase"), SEPARATORS)
def test_each_separator_with_a_headline_is_a_link_line(lang: str, phrase: str) -> None:
    s1, s2 = CARRIER[lang]
    text = f"{s1}\n{phrase}: {s2}\n{s1}"
    a = run(text, lang)
    assert len(a.stories) == 1
    assert sentence_texts(a) == [s1, s1]


def test_separator_phrase_inside_a_sentence_does_not_split() -> None:
    s1, _ = CARRIER["fa"]
    text = f"{s1} بیشتر بخوانید: {s1}"
    assert len(run(text, "fa").stories) == 1


def test_later_story_takes_the_date_its_own_date_line_states() -> None:
    s1, s2 = CARRIER["ar"]
    text = f"{s1}\nاقرأ أيضا:\nعنوان الخبر الثاني\nتاريخ النشر: 2024/05/16\n{s2}"
    a = run(text, "ar", pub_date=date(2024, 3, 14))
    assert [s.pub_date for s in a.stories] == [date(2024, 3, 14), date(2024, 5, 16)]


def test_separator_at_the_end_makes_no_empty_story() -> None:
    s1, _ = CARRIER["ar"]
    text = f"{s1}\nإقرأ أيضاً:\n"
    assert len(run(text, "ar").stories) == 1


def test_three_stories_number_sentences_globally() -> None:
    s1, s2 = CARRIER["fa"]
    text = f"{s1} {s2}\nبیشتر بخوانید:\n{s1}\nمطالب مرتبط\n{s2}"
    a = run(text, "fa")
    assert [(s.index, s.story) for s in a.sentences] == [(0, 0), (1, 0), (2, 1), (3, 2)]
