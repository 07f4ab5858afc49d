"""Shared snippets and helpers for the text-layer tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.model import Analysis, Document, Reject
from khabar.text import analyse

SHARED = Path(__file__).parents[2].parent / "shared"

# Carrier sentences written for these tests (one event-like statement each).
FA = "وزیر امور خارجه ایران روز شنبه با همتای ترکیه‌ای خود در تهران دیدار و گفت‌وگو کرد."
FA2 = "دو طرف درباره همکاری‌های اقتصادی و تحولات منطقه تبادل نظر کردند."
AR = "التقى وزير الخارجية الإيراني نظيره التركي في طهران يوم السبت."
AR2 = "وبحث الجانبان العلاقات الثنائية والتطورات في المنطقة."
CARRIER = {"fa": (FA, FA2), "ar": (AR, AR2)}


def run(text: str, lang: str | None = None, **kw: object) -> Analysis:
    """Analyse a snippet and insist it was not rejected."""
    result = analyse(Document(id="t", text=text, lang=lang, **kw))  # type: ignore[arg-type]
    assert not isinstance(result, Reject), result
    return result


def sentence_texts(a: Analysis) -> list[str]:
    """The raw text of every sentence."""
    return [a.text_of(s.start, s.end) for s in a.sentences]


def covered_by_sentence(a: Analysis, start: int, end: int) -> bool:
    """True when any sentence overlaps the raw range."""
    return any(s.start < end and start < s.end for s in a.sentences)


shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the project")
