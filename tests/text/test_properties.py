"""analyse() on arbitrary text: never raises; sentences are ordered, trimmed, inside stories, off boilerplate."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.model import Analysis, Document, Reject
from khabar.text import analyse
from tests.text.helpers import AR, AR2, FA, FA2

PIECES = [
    FA,
    FA2,
    AR,
    AR2,
    "\n",
    "\n\n",
    " ",
    ".",
    "؟",
    "3.5",
    "بیشتر بخوانید:\n",
    "إقرأ أيضاً:\n",
    "إقرأ المزيد",
    "كلمات دلالية: بوتين موسكو",
    "تاريخ النشر: 26th, September 2023 GMT\n",
    "تاریخ انتشار: ۱۴۰۲/۰۶/۰۴\n",
    "به گزارش ایسنا، ",
    "نقلا عن رويترز، ",
    "(CNN)-- ",
    "نظر شما",
    "\u200c",
    "\u064b",
    "Latin words here",
]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
    st.text(max_size=200),
)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_analyse_never_raises_and_keeps_its_invariants(text: str) -> None:
    result = analyse(Document(id="p", text=text))
    if isinstance(result, Reject):
        return
    assert isinstance(result, Analysis)
    sentences = result.sentences
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for a, b in pairwise(sentences):
        assert a.end <= b.start
    for story in result.stories:
        for s in story.sentences:
            assert 0 <= story.start <= s.start < s.end <= story.end <= len(text)
            assert not text[s.start].isspace() and not text[s.end - 1].isspace()
    for b in result.boilerplate:
        assert 0 <= b.start <= b.end <= len(text)
        assert not any(s.start < b.end and b.start < s.end for s in sentences)
    for c in result.citations:
        assert text[c.start : c.end] == c.name
