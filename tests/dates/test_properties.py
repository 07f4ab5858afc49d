"""Properties of the finder and resolver on arbitrary text built from date words and noise."""

from __future__ import annotations

import itertools
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.dates import assign_dates, find_dates
from khabar.dates.calendars import latest_on_or_before, weekday_after, weekday_before
from khabar.model import Aux, Event, Span
from tests.dates.helpers import analysis

PAST_KINDS = {"today", "yesterday", "weekday"}
ANCHORED_KINDS = {"today", "yesterday", "weekday", "relative", "month", "year"}
NEXT = {"آینده", "المقبل"}
PIECES = {
    "fa": ["امروز", "دیروز", "شنبه", "گذشته", "آینده", "عصر", "روز", "۲۱", "فوریه", "اسفندماه", "/", "ماه", "سال",
           "۱۴۰۲", "۲۰۲۲", "در", "مهر", "، ", " ", "\u200c", "۱۴۰۲/۰۶/۰۴", "رمضان", "و", "."],
    "ar": ["اليوم", "أمس", "الأربعاء", "الماضي", "المقبل", "صباح", "يوم", "14", "آذار", "/", "مارس", "2024", "عام",
           "في", "رمضان", "1445", "هـ", "الموافق", "، ", " ", "َ", "14/3/2024", "26th", "وب", "."],
}
ANCHORS = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2070, 12, 31)))


def texts(lang: str) -> st.SearchStrategy[str]:
    """Random sequences of date words, numbers, separators and noise."""
    piece = st.one_of(st.sampled_from(PIECES[lang]), st.text(max_size=3))
    return st.lists(piece, max_size=14).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["fa", "ar"]).flatmap(lambda lang: st.tuples(st.just(lang), texts(lang))), ANCHORS)
def test_never_raises_offsets_inside_and_past_not_after_anchor(case: tuple[str, str], anchor: date | None) -> None:
    lang, text = case
    found = find_dates(analysis(text, lang, anchor))
    for d in found:
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.text
        if anchor is None and d.kind in ANCHORED_KINDS:
            assert d.value is None  # only a written year can fix a day without an anchor
        if anchor is not None and d.value is not None and d.kind in PAST_KINDS and not NEXT & set(d.text.split()):
            assert d.value <= anchor
    starts = [d.start for d in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["fa", "ar"]).flatmap(lambda lang: st.tuples(st.just(lang), texts(lang))), ANCHORS)
def test_idempotent(case: tuple[str, str], anchor: date | None) -> None:
    lang, text = case
    assert find_dates(analysis(text, lang, anchor)) == find_dates(analysis(text, lang, anchor))


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 1, 1)), st.integers(0, 6))
def test_weekday_before_is_that_weekday_within_a_week(anchor: date, weekday: int) -> None:
    got = weekday_before(anchor, weekday)
    strict = weekday_before(anchor, weekday, strict=True)
    assert got.weekday() == strict.weekday() == weekday
    assert 0 <= (anchor - got).days <= 6 and 1 <= (anchor - strict).days <= 7
    after = weekday_after(anchor, weekday)
    assert after.weekday() == weekday and 1 <= (after - anchor).days <= 7


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2070, 1, 1)),
    st.sampled_from(["gregorian", "solar_hijri", "hijri"]),
    st.integers(1, 12),
    st.integers(1, 31),
)
def test_yearless_date_is_never_after_anchor(anchor: date, calendar: str, month: int, day: int) -> None:
    got = latest_on_or_before(calendar, month, day, anchor)
    if got is not None:
        assert got <= anchor
        assert (anchor - got).days < 366 * 8
        assert latest_on_or_before(calendar, month, day, got) == got


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(["fa", "ar"]).flatmap(lambda lang: st.tuples(st.just(lang), texts(lang))),
    ANCHORS,
    st.integers(0, 200),
    st.sampled_from([None, "future", "negation"]),
)
def test_assign_takes_a_value_of_its_own_sentence(
    case: tuple[str, str], anchor: date | None, at: int, aux: Aux | None
) -> None:
    lang, text = case
    a = analysis(text or "x", lang, anchor)
    if not a.sentences:
        return
    sent = a.sentences[min(at, len(a.sentences) - 1)]
    span = Span(sent.start, sent.start)
    ev = Event("t", "CONSULT", [], [], sent.index, sent.story, span, Span(sent.start, sent.end), aux=aux)
    dates = find_dates(a)
    assign_dates([ev], dates, a)
    if ev.date_expr is None:
        assert ev.date is None  # never the publication date by default
    if aux == "future":
        assert ev.date is None and ev.date_expr is None
    if ev.date_expr is not None:
        assert ev.date_expr.sentence == sent.index and ev.date == ev.date_expr.value
