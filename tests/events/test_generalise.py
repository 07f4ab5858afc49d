"""General error classes found on held-out articles (dev2): modality, future meetings, refusals, dedupe."""

from __future__ import annotations

from datetime import date

from khabar.events import code_events
from khabar.model import DateExpr, Event, Lang, Mention
from tests.events.util import analysis_of, mention

PUB = date(2024, 3, 14)


def code(text: str, lang: Lang, spec: list[tuple[str, str]], days: list[tuple[str, date]] | None = None) -> list[Event]:
    """Code ``text`` with country-like mentions (surface, code) and time expressions (surface, day)."""
    ms: list[Mention] = sorted((mention(text, s, c, kind="country") for s, c in spec), key=lambda m: m.start)
    ds = []
    for surface, day in days or []:
        i = text.index(surface)
        ds.append(DateExpr(i, i + len(surface), surface, day, 0))
    return code_events(analysis_of(text, lang, pub=PUB), ms, ds)


def test_future_meeting_set_for_today_is_consult_that_day() -> None:
    """"Will receive X today": the meeting is held on the day of publication (GUIDELINES), CONSULT."""
    text = "وسيستقبل الرئيس المصري اليوم وزير الخارجية الأمريكي في القاهرة."
    [ev] = code(text, "ar", [("الرئيس المصري", "EGY"), ("وزير الخارجية الأمريكي", "USA")], [("اليوم", PUB)])
    assert (ev.event, ev.aux) == ("CONSULT", None)
    assert ev.mode == "visit"


def test_future_meeting_on_a_later_day_stays_future_agree() -> None:
    text = "وسيستقبل الرئيس المصري غدا وزير الخارجية الأمريكي في القاهرة."
    [ev] = code(text, "ar", [("الرئيس المصري", "EGY"), ("وزير الخارجية الأمريكي", "USA")],
                [("غدا", date(2024, 3, 15))])
    assert (ev.event, ev.aux) == ("AGREE", "future")


def test_future_meeting_told_twice_with_and_without_its_day_is_one() -> None:
    """A future AGREE has no date (GUIDELINES): its restatement naming the day is the same event."""
    text = ("وقال المتحدث إن وزير الخارجية الروسي سيلتقي مع وزير الخارجية الإيراني.\n"
            "وسيلتقي وزير الخارجية الروسي غدا مع وزير الخارجية الإيراني في موسكو.")
    spec = [("وزير الخارجية الروسي", "RUS"), ("وزير الخارجية الإيراني", "IRN")]
    ms = [mention(text, s, c, kind="country", nth=n) for s, c in spec for n in (0, 1)]
    i = text.index("غدا")
    evs = code_events(analysis_of(text, "ar", pub=PUB), sorted(ms, key=lambda m: m.start),
                      [DateExpr(i, i + 3, "غدا", date(2024, 3, 15), 1)])
    assert [(e.event, e.aux) for e in evs] == [("AGREE", "future")]


def test_condition_after_the_action_makes_it_hypothetical_ar() -> None:
    """"Sanctions may be reimposed ... if Iran violates the deal": the condition follows the clause."""
    text = "وسيعيد مجلس الأمن فرض عقوبات على إيران خلال العقد المقبل إذا انتهكت الاتفاق."
    evs = code(text, "ar", [("مجلس الأمن", "UNO"), ("إيران", "IRN")])
    assert evs and all(e.aux == "hypothetical" for e in evs)


def test_condition_after_the_action_makes_it_hypothetical_fa() -> None:
    text = "ایران با آمریکا مذاکره خواهد کرد اگر تحریم ها لغو شود."
    evs = code(text, "fa", [("ایران", "IRN"), ("آمریکا", "USA")])
    assert evs and all(e.aux == "hypothetical" for e in evs)


def test_opposing_an_action_is_a_refusal_not_the_action_fa() -> None:
    """"Opposed lifting Iran's sanctions": REJECT, its target the party of the refused action, no CONCEDE."""
    evs = code("ترامپ با رفع تحریم های ایران مخالفت کرد.", "fa", [("ترامپ", "USA"), ("ایران", "IRN")])
    assert [(e.event, {m.actor.code for m in e.actor}, {m.actor.code for m in e.recipient}) for e in evs] == [
        ("REJECT", {"USA"}, {"IRN"})]


def test_refused_action_gives_the_target_ar() -> None:
    evs = code("رفض الرئيس الأمريكي رفع العقوبات عن إيران.", "ar", [("الرئيس الأمريكي", "USA"), ("إيران", "IRN")])
    assert [(e.event, {m.actor.code for m in e.recipient}) for e in evs] == [("REJECT", {"IRN"})]


def test_previously_engaged_is_no_single_event_ar() -> None:
    """"Had previously engaged in clashes with X" tells no identifiable occurrence."""
    text = "وسبق أن اشتبك الحزب الكردي مع الحرس الثوري الإيراني."
    assert code(text, "ar", [("الحزب الكردي", "IRN"), ("الحرس الثوري الإيراني", "IRN")]) == []


def test_far_prepositional_phrase_is_not_the_target_ar() -> None:
    """"Rejected its members' demands to delay presenting the deal with Iran": Iran is not the one rejected."""
    text = "رفض الرئيس الأمريكي مطالب أعضائه بالتمهل في عرض الاتفاق النووي مع إيران على مجلس الأمن."
    evs = code(text, "ar", [("الرئيس الأمريكي", "USA"), ("إيران", "IRN"), ("مجلس الأمن", "UNO")])
    assert all("IRN" not in {m.actor.code for m in e.recipient} for e in evs)


def test_near_prepositional_target_is_kept_ar() -> None:
    evs = code("انتقد الرئيس الروسي بشدة موقف واشنطن.", "ar", [("الرئيس الروسي", "RUS"), ("واشنطن", "USA")])
    assert [(e.event, {m.actor.code for m in e.recipient}) for e in evs] == [("ACCUSE", {"USA"})]


def test_others_claims_are_not_stated_events_fa() -> None:
    """"Media claim Moscow is bombing": an allegation, hypothetical, out of core."""
    text = "رسانه ها ادعا می کنند روسیه در حال بمباران سوریه است."
    evs = code(text, "fa", [("روسیه", "RUS"), ("سوریه", "SYR")])
    assert all(e.aux == "hypothetical" for e in evs)


def test_terms_of_a_deal_in_exchange_for_are_no_event_ar() -> None:
    """"A deal limiting the programme in exchange for easing sanctions": the easing has not happened."""
    text = "وافق مجلس الأمن على اتفاق يحد من برنامج إيران النووي مقابل تخفيف العقوبات على طهران."
    evs = code(text, "ar", [("مجلس الأمن", "UNO"), ("إيران", "IRN"), ("طهران", "IRN")])
    assert "CONCEDE" not in {e.event for e in evs}


def test_after_a_call_is_the_first_telling_when_none_came_before_ar() -> None:
    """"Said after a phone call with X": the call is an event when the story has not told one yet."""
    text = "وقال الرئيس الإيراني عقب اتصال هاتفي مع أمير قطر إن الاتفاق سيقود إلى علاقات أوثق."
    evs = code(text, "ar", [("الرئيس الإيراني", "IRN"), ("أمير قطر", "QAT")])
    assert [(e.event, e.mode) for e in evs] == [("CONSULT", "phone")]


def test_after_the_call_refers_back_when_one_was_told_ar() -> None:
    text = ("أجرى الرئيس الإيراني اتصالا هاتفيا مع أمير قطر.\n"
            "وقال الرئيس الإيراني عقب اتصال هاتفي مع أمير قطر إن الاتفاق سيقود إلى علاقات أوثق.")
    spec = [("الرئيس الإيراني", "IRN"), ("أمير قطر", "QAT")]
    ms = [mention(text, s, c, kind="country", nth=n) for s, c in spec for n in (0, 1)]
    evs = code_events(analysis_of(text, "ar", pub=PUB), sorted(ms, key=lambda m: m.start), [])
    assert len(evs) == 1


def test_bare_verb_of_saying_carries_the_previous_speaker_ar() -> None:
    """"And he said after a call with X": the speaker is the one opening the previous sentence."""
    text = ("بدوره، يسعى الرئيس الإيراني إلى الانفتاح على المنطقة.\n"
            "وقال عقب اتصال هاتفي مع أمير قطر إن الاتفاق سيقود إلى علاقات أوثق.")
    ms = [mention(text, "الرئيس الإيراني", "IRN", name="Rouhani"), mention(text, "أمير قطر", "QAT", name="Tamim")]
    evs = code_events(analysis_of(text, "ar", pub=PUB), ms, [])
    assert [({m.actor.code for m in e.actor}, {m.actor.code for m in e.recipient}) for e in evs] == [
        ({"IRN"}, {"QAT"})]


def test_quoted_unknown_name_does_not_break_coordination_fa() -> None:
    """"«Name» the minister of X and «Name» the deputy minister of Y signed": both signed."""
    text = "«جالو تاندیا» وزیر دفاع موریتانی و «محمد العایش» معاون وزیر دفاع عربستان توافقنامه امضا کردند."
    evs = code(text, "fa", [("وزیر دفاع موریتانی", "MRT"), ("معاون وزیر دفاع عربستان", "SAU")])
    assert [(e.event, {m.actor.code for m in e.actor}) for e in evs] == [("SUPPORT", {"MRT", "SAU"})]


def test_after_the_lifting_of_sanctions_is_no_event_ar() -> None:
    """"We will return to our output after the lifting of sanctions": a condition, not a concession."""
    text = "وقال وزير النفط الإيراني إن بلاده ستعود لإنتاجها السابق بعد رفع العقوبات."
    assert code(text, "ar", [("وزير النفط الإيراني", "IRN")]) == []


def test_police_near_a_protest_are_not_the_protesters_ar() -> None:
    text = "وأطلقت الشرطة التركية الغاز على آلاف تجمعوا في إسطنبول للتظاهر احتجاجا على التفجير."
    ms = [mention(text, "الشرطة التركية", "TUR", sector="COP", kind="title")]
    evs = code_events(analysis_of(text, "ar", pub=PUB), ms, [])
    assert all(not (e.event == "PROTEST" and any(m.actor.sector == "COP" for m in e.actor)) for e in evs)


def test_visit_host_is_not_a_far_later_mention_ar() -> None:
    """"Tillerson's visit to the Gulf in July yielded a US-Qatari deal": Qatar is not the visit's host."""
    text = "وتمخضت زيارة وزير الخارجية الأمريكي إلى الخليج في يوليو الماضي عن اتفاق مع المسؤولين القطريين."
    evs = code(text, "ar", [("وزير الخارجية الأمريكي", "USA"), ("المسؤولين القطريين", "QAT")])
    assert not [e for e in evs if e.event == "CONSULT" and "QAT" in {m.actor.code for m in e.actor + e.recipient}]


def test_headline_talks_told_only_as_to_come_are_the_future_meeting_fa() -> None:
    """Headline "Putin-Ban talks"; the story: Putin will meet Ban tomorrow. One future AGREE, no CONSULT."""
    text = "مذاکرات پوتین و بان کی مون درباره اوکراین.\nپوتین فردا با بان کی مون دیدار خواهد کرد."
    spec = [("پوتین", "RUS"), ("بان کی مون", "UNO")]
    ms = [mention(text, s, c, kind="country", nth=n) for s, c in spec for n in (0, 1)]
    evs = code_events(analysis_of(text, "fa", pub=PUB), sorted(ms, key=lambda m: m.start), [])
    assert [(e.event, e.aux) for e in evs] == [("AGREE", "future")]


def test_had_also_previously_is_habitual_ar() -> None:
    text = "والحزب الكردي سبق له أيضا أن اشتبك مع الحرس الثوري الإيراني."
    assert code(text, "ar", [("الحزب الكردي", "IRN"), ("الحرس الثوري الإيراني", "IRN")]) == []


def test_one_span_coded_as_several_states_acts_as_all_of_them() -> None:
    """"Iran and the P5+1 reached a deal": the grouping's span stands for each of its states."""
    text = "ایران و گروه 1+5 در وین به توافق رسیدند."
    ms = [mention(text, "ایران", "IRN")] + [mention(text, "گروه 1+5", c) for c in ("USA", "RUS", "DEU")]
    evs = code_events(analysis_of(text, "fa", pub=PUB), ms, [])
    assert [(e.event, {m.actor.code for m in e.actor + e.recipient}) for e in evs] == [
        ("AGREE", {"IRN", "USA", "RUS", "DEU"})]


def test_x_is_unacceptable_rejects_x_ar() -> None:
    """"The commander said the Council's resolution is unacceptable": the sayer rejects the Council."""
    text = "وقال قائد الحرس الثوري إن قرار مجلس الأمن غير مقبول."
    evs = code(text, "ar", [("قائد الحرس الثوري", "IRN"), ("مجلس الأمن", "UNO")])
    assert [(e.event, {m.actor.code for m in e.actor}, {m.actor.code for m in e.recipient}) for e in evs] == [
        ("REJECT", {"IRN"}, {"UNO"})]


def test_agreeing_that_a_fact_holds_is_an_opinion_ar() -> None:
    """"Agreed with X that the programme reached a dangerous stage": no agreement to act."""
    text = "واتفق الرئيس الصيني مع الرئيس الأمريكي على أن البرنامج النووي لكوريا الشمالية خطير."
    evs = code(text, "ar", [("الرئيس الصيني", "CHN"), ("الرئيس الأمريكي", "USA"), ("كوريا الشمالية", "PRK")])
    assert "AGREE" not in {e.event for e in evs}


def test_agreeing_to_do_something_is_an_agreement_ar() -> None:
    text = "واتفق الرئيس الصيني مع الرئيس الأمريكي على أن يلتقيا الشهر المقبل."
    evs = code(text, "ar", [("الرئيس الصيني", "CHN"), ("الرئيس الأمريكي", "USA")])
    assert "AGREE" in {e.event for e in evs}


def test_coordinated_verbs_are_two_events_fa() -> None:
    """"Called Washington and promised": the call is not what was promised (verb-final coordination)."""
    text = "پادشاه عربستان با واشنگتن تماس گرفت و قول داد."
    evs = code(text, "fa", [("پادشاه عربستان", "SAU"), ("واشنگتن", "USA")])
    assert sorted(e.event for e in evs) == ["AGREE", "CONSULT"]
