"""The five seed articles: language, glued stories, boilerplate out of sentences, publication dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from khabar.model import Analysis, Document
from khabar.text import analyse
from tests.text.helpers import SHARED, shared

SEEDS = SHARED / "seeds"
EXPECTED = {  # seed number -> (language, stories)
    "000": ("fa", 1),
    "001": ("ar", 2),
    "002": ("fa", 1),
    "003": ("fa", 1),
    "004": ("ar", 2),
}
FURNITURE = [
    "كلمات دلالية",
    "المصدر:",
    "تاريخ النشر",
    "إقرأ أيضاً",
    "إقرأ المزيد",
    "نسخه قابل چاپ",
    "صاحبخبر",
    "نظر شما",
    "شناسهٔ خبر",
    "لینک خبر",
]


def seed(number: str) -> tuple[str, Analysis]:
    """The raw text and analysis of one seed."""
    path = next(SEEDS.glob(f"{number}_*.txt"))
    text = Path(path).read_text(encoding="utf-8")
    result = analyse(Document(id=path.name, text=text))
    assert isinstance(result, Analysis), result
    return text, result


pytestmark = [pytest.mark.shared, shared]


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_language_and_story_count(number: str) -> None:
    _, a = seed(number)
    assert (a.lang, len(a.stories)) == EXPECTED[number]


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_no_sentence_contains_page_furniture(number: str) -> None:
    text, a = seed(number)
    for s in a.sentences:
        sentence = text[s.start : s.end]
        assert not any(f in sentence for f in FURNITURE), sentence


@pytest.mark.parametrize(("number", "day"), [("001", date(2023, 9, 26)), ("004", date(2024, 3, 14))])
def test_publication_date_from_the_date_line(number: str, day: date) -> None:
    _, a = seed(number)
    assert a.pub_date == day
    assert a.stories[0].pub_date == day
    assert a.stories[1].pub_date is None


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_sentences_are_ordered_trimmed_and_inside_their_story(number: str) -> None:
    text, a = seed(number)
    assert [s.index for s in a.sentences] == list(range(len(a.sentences)))
    for story in a.stories:
        for s in story.sentences:
            assert story.start <= s.start < s.end <= story.end
            assert s.story == story.index
            assert not text[s.start].isspace() and not text[s.end - 1].isspace()


def test_citation_chain_of_seed_002() -> None:
    _, a = seed("002")
    assert a.outlet == "مرور نیوز"
    assert [c.name for c in a.citations] == ["مرور نیوز", "خبرگزاری «تاس»"]
