"""assign_dates: the expression of the event's own sentence nearest its trigger."""

from __future__ import annotations

from datetime import date

import pytest

from khabar.dates import assign_dates, find_dates, told_as_history
from khabar.model import Analysis, Aux, Event, Span
from tests.dates.helpers import analysis

THU = date(2024, 3, 14)


def event_at(a: Analysis, trigger: str, aux: Aux | None = None, nth: int = 0) -> Event:
    """An event whose trigger is the ``nth`` occurrence of ``trigger`` in the text."""
    text = a.doc.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    sent = a.sentence_at(start)
    assert sent is not None
    span = Span(start, start + len(trigger))
    return Event("t", "CONSULT", [], [], sent.index, sent.story, span, span, aux=aux)


def dated(a: Analysis, *events: Event) -> list[date | None]:
    """Run find_dates + assign_dates and return the events' dates."""
    assign_dates(list(events), find_dates(a), a)
    return [e.date for e in events]


def test_event_takes_the_date_of_its_sentence() -> None:
    a = analysis("وأكد الرئيس الروسي الأربعاء استعداد موسكو للمفاوضات.", "ar", THU)
    ev = event_at(a, "وأكد")
    assert dated(a, ev) == [date(2024, 3, 13)]
    assert ev.date_expr is not None and ev.date_expr.text == "الأربعاء"


def test_no_expression_in_sentence_is_none_not_publication_date() -> None:
    a = analysis("بحث الوزيران الأزمة. وأكد الرئيس الأربعاء استعداده.", "ar", THU)
    ev = event_at(a, "بحث")
    assert dated(a, ev) == [None]
    assert ev.date_expr is None


def test_future_event_is_none() -> None:
    a = analysis("ويلتقي الوزيران الخميس المقبل في أنقرة.", "ar", THU)
    assert dated(a, event_at(a, "ويلتقي", aux="future")) == [None]


def test_nearest_expression_wins() -> None:
    a = analysis("منابع روز گذشته خبر دادند و پسکوف امروز اعلام کرد.", "fa", date(2022, 2, 26))
    first, second = event_at(a, "خبر"), event_at(a, "اعلام")
    assert dated(a, first, second) == [date(2022, 2, 25), date(2022, 2, 26)]


def test_same_clause_preferred_over_nearer_across_comma() -> None:
    a = analysis("التقى الوزيران يوم الخميس الماضي في أنقرة وقال، أمس، إن المحادثات ناجحة.", "ar", THU)
    ev = event_at(a, "التقى")
    assert dated(a, ev) == [date(2024, 3, 7)]


def test_bare_year_is_never_an_events_time() -> None:
    a = analysis("هنأ بوتين ترامب على فوزه بالانتخابات الرئاسية 2024، الخميس.", "ar", THU)
    assert dated(a, event_at(a, "هنأ")) == [THU]


def test_month_expression_gives_none() -> None:
    a = analysis("وقعت الدولتان الاتفاق في يوليو 2020.", "ar", THU)
    assert dated(a, event_at(a, "وقعت")) == [None]


def test_event_in_glued_story_without_anchor_is_none() -> None:
    a = analysis("بحث الوزيران الأربعاء الأزمة.", "ar", THU, second="توصلت أوكرانيا وروسيا، الجمعة، إلى اتفاق.")
    assert dated(a, event_at(a, "بحث"), event_at(a, "توصلت")) == [date(2024, 3, 13), None]


def test_year_adverbial_blocks_a_day_from_another_clause() -> None:
    a = analysis("وقع البلدان الاتفاق في 1954 بعد حرب اندلعت في 19 ديسمبر بينهما.", "ar", THU)
    assert dated(a, event_at(a, "وقع")) == [None]


def test_further_evidence_sentence_dates_the_event() -> None:
    a = analysis("بحث نائب الوزير مع نظيره الأزمة. وأوضحت الوزارة، الأربعاء، أن الجانبين بحثا الأزمة.", "ar", THU)
    ev = event_at(a, "بحث")
    start = a.doc.text.index("بحثا")
    ev.more_evidence.append(Span(start, start + 4))
    assert dated(a, ev) == [date(2024, 3, 13)]


def test_own_sentence_wins_over_further_evidence() -> None:
    a = analysis("بحث الوزيران أمس الأزمة. وأوضحت الوزارة، الأربعاء الماضي، أن الجانبين بحثا الأزمة.", "ar", THU)
    ev = event_at(a, "بحث")
    start = a.doc.text.index("بحثا")
    ev.more_evidence.append(Span(start, start + 4))
    assert dated(a, ev) == [date(2024, 3, 13)]
    assert ev.date_expr is not None and ev.date_expr.text == "أمس"


@pytest.mark.parametrize(("text", "lang", "last"), [
    ("اغتيل في 14 فبراير 2005 رئيس الوزراء.", "ar", date(2005, 2, 14)),
    ("وقتل صحافيون في مارس 2003 في بغداد.", "ar", date(2003, 3, 31)),
    ("وقعت المذبحة عام 1965 في جاكرتا.", "ar", date(1965, 12, 31)),
    ("وقع الهجوم عام 1445 هـ في المدينة.", "ar", date(2024, 7, 6)),
    ("این حمله در سال ۱۳۹۸ رخ داد.", "fa", date(2020, 3, 19)),
    ("این حمله در آبان ۱۳۹۸ رخ داد.", "fa", date(2019, 11, 21)),
])
def test_last_day_closes_a_written_day_month_or_year(text: str, lang: str, last: date) -> None:
    found = find_dates(analysis(text, lang, THU))
    assert [d.last for d in found] == [last]


@pytest.mark.parametrize(("text", "history"), [
    ("وقال إن الحريري اغتيل في 14 فبراير 2005 في بيروت.", True),
    ("وقعت المذبحة عام 1965 في جاكرتا.", True),
    ("وقعت المذبحة في مارس 2022 في جاكرتا.", True),
    ("وقعت المذبحة في مارس 2023 في جاكرتا.", False),  # within a year of publication
    ("وقعت المذبحة أمس في جاكرتا.", False),
    ("وقعت المذبحة في جاكرتا.", False),
])
def test_told_as_history_when_its_time_ended_over_a_year_before(text: str, history: bool) -> None:
    a = analysis(text, "ar", THU)
    ev = event_at(a, "وقع" if "وقع" in text else "اغتيل")
    assert told_as_history(ev, find_dates(a), a, THU) is history
    assert told_as_history(ev, find_dates(a), a, None) is False
