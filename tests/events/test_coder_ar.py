"""The event coder on Arabic sentences with hand-built mentions: word order, frames, modality."""

from __future__ import annotations

from datetime import date

from khabar.events import code_events
from khabar.model import DateExpr, Event, Mention
from tests.events.util import analysis_of, mention


def code(text: str, spec: list[tuple[str, str, str | None]], dates: list[DateExpr] | None = None) -> list[Event]:
    """Code ``text`` with mentions given as (surface, code, name), each surface's occurrences in order."""
    ms: list[Mention] = []
    seen: dict[str, int] = {}
    for surface, cc, name in spec:
        n = seen.get(surface, 0)
        ms.append(mention(text, surface, cc, name=name, kind="person" if name else "country", nth=n))
        seen[surface] = n + 1
    ms.sort(key=lambda m: m.start)
    return code_events(analysis_of(text, "ar", pub=date(2024, 3, 14)), ms, dates or [])


def codes(ev: Event) -> tuple[set[str], set[str]]:
    """Actor and recipient codes."""
    return {m.actor.code for m in ev.actor}, {m.actor.code for m in ev.recipient}


def test_verb_first_talks_with_call_are_one_phone_consult_without_the_topic() -> None:
    text = ("بحث الرئيس الروسي فلاديمير بوتين مع الرئيس الإيراني إبراهيم رئيسي خلال اتصال هاتفي "
            "الوضع في إقليم قره باغ المتنازع عليه بين أرمينيا وأذربيجان.")
    [ev] = code(text, [("الرئيس الروسي فلاديمير بوتين", "RUS", "Putin"),
                       ("الرئيس الإيراني إبراهيم رئيسي", "IRN", "Raisi"),
                       ("أرمينيا", "ARM", None), ("أذربيجان", "AZE", None)])
    assert (ev.event, ev.mode) == ("CONSULT", "phone")
    assert codes(ev) == ({"RUS"}, {"IRN"})


def test_subject_first_headline() -> None:
    [ev] = code("بوتين يهنئ ترامب بفوزه", [("بوتين", "RUS", "Putin"), ("ترامب", "USA", "Trump")])
    assert ev.event == "SUPPORT"
    assert codes(ev) == ({"RUS"}, {"USA"})


def test_verb_subject_object() -> None:
    text = "انتقد الرئيس الروسي الرئيس الأمريكي في خطابه."
    [ev] = code(text, [("الرئيس الروسي", "RUS", "Putin"), ("الرئيس الأمريكي", "USA", "Trump")])
    assert (ev.event, ev.mode) == ("ACCUSE", "disapprove")
    assert codes(ev) == ({"RUS"}, {"USA"})


def test_gapped_phrase_subject_between_and_object_after_its_particle() -> None:
    text = "وأثنى الرئيس الأمريكي على نظيره الصيني في مقابلة."
    [ev] = code(text, [("الرئيس الأمريكي", "USA", "Trump"), ("نظيره الصيني", "CHN", "Xi")])
    assert ev.event == "SUPPORT"
    assert codes(ev) == ({"USA"}, {"CHN"})
    assert text[ev.trigger.start:ev.trigger.end] == "وأثنى"[1:]


def test_met_the_person_after_the_verb_takes_part_but_not_a_topic_country() -> None:
    [ev] = code("التقى الرئيس السوري وزير الخارجية الإيراني في دمشق.",
                [("الرئيس السوري", "SYR", "Assad"), ("وزير الخارجية الإيراني", "IRN", "Araghchi"),
                 ("دمشق", "SYR", None)])
    assert ev.event == "CONSULT" and codes(ev) == ({"SYR"}, {"IRN"})
    # "discussed Syria": the country is the topic, so no second participant and no meeting
    assert code("بحث الرئيس الروسي سوريا.", [("الرئيس الروسي", "RUS", "Putin"), ("سوريا", "SYR", None)]) == []


def test_that_he_makes_the_sayer_the_subject_and_the_next_group_the_object() -> None:
    text = "وقال الرئيس الأمريكي إنه انتقد الرئيس الروسي بشدة."
    [ev] = code(text, [("الرئيس الأمريكي", "USA", "Obama"), ("الرئيس الروسي", "RUS", "Putin")])
    assert ev.event == "ACCUSE" and codes(ev) == ({"USA"}, {"RUS"})
    text = "وقال الرئيس الأمريكي إن الرئيس الروسي انتقد الصين."
    [ev] = code(text, [("الرئيس الأمريكي", "USA", "Obama"), ("الرئيس الروسي", "RUS", "Putin"), ("الصين", "CHN", None)])
    assert codes(ev) == ({"RUS"}, {"CHN"})


def test_a_marked_participant_before_an_unmarked_group_is_the_target() -> None:
    text = "وطلب الرئيس الأمريكي من الرئيس الروسي وقف القرصنة خلال حملة الرئاسة الأمريكية."
    [ev] = code(text, [("الرئيس الأمريكي", "USA", "Obama"), ("الرئيس الروسي", "RUS", "Putin"),
                       ("الرئاسة الأمريكية", "USA", None)])
    assert ev.event == "REQUEST" and codes(ev) == ({"USA"}, {"RUS"})


def test_accusing_it_points_back_to_the_group_before() -> None:
    text = "وقطعت السعودية العلاقات مع قطر متهمة إياها بدعم الإرهاب والتقارب مع إيران."
    evs = code(text, [("السعودية", "SAU", None), ("قطر", "QAT", None), ("إيران", "IRN", None)])
    [acc] = [e for e in evs if e.event == "ACCUSE"]
    assert codes(acc) == ({"SAU"}, {"QAT"})


def test_host_receives_visitor() -> None:
    text = "استقبل الرئيس المصري وزير الخارجية الأمريكي في القاهرة."
    [ev] = code(text, [("الرئيس المصري", "EGY", "Sisi"), ("وزير الخارجية الأمريكي", "USA", "Blinken")])
    assert (ev.event, ev.mode) == ("CONSULT", "visit")
    assert codes(ev) == ({"USA"}, {"EGY"})


def test_hosted_talks_are_third_party_with_host_as_actor() -> None:
    text = "واحتضنت تركيا مباحثات بين روسيا وأوكرانيا."
    [ev] = code(text, [("تركيا", "TUR", None), ("روسيا", "RUS", None), ("أوكرانيا", "UKR", None)])
    assert (ev.event, ev.mode) == ("CONSULT", "third-party")
    assert codes(ev) == ({"TUR"}, {"RUS", "UKR"})


def test_future_visit_is_agree_future() -> None:
    text = "سيزور أمير قطر أنقرة الأسبوع المقبل."
    [ev] = code(text, [("أمير قطر", "QAT", "Tamim"), ("أنقرة", "TUR", None)])
    assert (ev.event, ev.aux) == ("AGREE", "future")


def test_negated_call() -> None:
    text = "وقال بوتين إنه لن يتصل بترامب أولا."
    [ev] = code(text, [("بوتين", "RUS", "Putin"), ("ترامب", "USA", "Trump")])
    assert (ev.event, ev.aux) == ("CONSULT", "negation")
    assert codes(ev) == ({"RUS"}, {"USA"})


def test_request_for_talks_has_mode_meet_and_no_talks_event() -> None:
    text = "طلب الجانب الأوكراني إجراء محادثات مباشرة مع روسيا."
    [ev] = code(text, [("الجانب الأوكراني", "UKR", None), ("روسيا", "RUS", None)])
    assert (ev.event, ev.mode) == ("REQUEST", "meet")
    assert codes(ev)[0] == {"UKR"}


def test_reported_clause_keeps_the_event_not_the_sayer() -> None:
    text = "وأكد الكرملين أن بوتين بحث مع ماكرون الأزمة الأوكرانية."
    [ev] = code(text, [("الكرملين", "RUS", "Kremlin"), ("بوتين", "RUS", "Putin"), ("ماكرون", "FRA", "Macron")])
    assert ev.event == "CONSULT"
    a, r = codes(ev)
    assert a | r == {"RUS", "FRA"}


def test_both_sides_in_a_later_sentence_and_dated_restatement() -> None:
    text = "روسيا وتركيا تبحثان الأزمة\nوأوضحت الخارجية الروسية في بيان الأربعاء أن الجانبين بحثا الأزمة."
    wed = text.index("الأربعاء")
    dates = [DateExpr(wed, wed + len("الأربعاء"), "الأربعاء", date(2024, 3, 13), 1)]
    evs = code(text, [("روسيا", "RUS", None), ("تركيا", "TUR", None), ("الخارجية الروسية", "RUS", "MFA")], dates)
    [ev] = [e for e in evs if e.event == "CONSULT"]
    assert codes(ev)[0] | codes(ev)[1] == {"RUS", "TUR"}
    assert ev.sentence == 1, "the dated statement leads so the date is read from its sentence"
    assert len(ev.more_evidence) == 1


def test_instead_of_is_not_an_event() -> None:
    text = "وقال إن كييف ستسعى إلى السلام بدلا من التنازل عن الأراضي لروسيا."
    evs = code(text, [("كييف", "UKR", None), ("روسيا", "RUS", None)])
    assert [e for e in evs if e.event == "CONCEDE"] == []


def test_named_ceasefire_is_not_a_retreat_but_announced_one_is() -> None:
    named = "ستقدم روسيا وأوكرانيا وجهات نظرهما بشأن وقف إطلاق النار المحتمل."
    assert code(named, [("روسيا", "RUS", None), ("أوكرانيا", "UKR", None)]) == []
    announced = "أعلن الجيش السوداني وقف إطلاق النار في الخرطوم."
    [ev] = code(announced, [("الجيش السوداني", "SDN", "SAF")])
    assert (ev.event, ev.mode) == ("RETREAT", "ceasefire")


def test_unknown_subject_is_not_replaced_by_the_object() -> None:
    """"وانتقد ولاياتي ترامب": the critic is not a coded actor; Trump is the target, never the actor."""
    evs = code("وانتقد ولاياتي ترامب في تصريحاته.", [("ترامب", "USA", "Trump")])
    assert not [e for e in evs if any(m.actor.code == "USA" for m in e.actor)]


def test_contracted_article_marks_the_target() -> None:
    """"لل" (li- + al-) before a mention is the preposition "to": the demand is addressed to it."""
    text = "وجه الرئيس الفلسطيني نداء عاجلا وطالب بوقف الاستيطان موجها كلامه للولايات المتحدة."
    evs = code(text, [("الرئيس الفلسطيني", "PSE", "Abbas"), ("ولايات المتحدة", "USA", None)])
    assert [(e.event, codes(e)) for e in evs if e.event == "REQUEST"] == [("REQUEST", ({"PSE"}, {"USA"}))]


def test_received_call_names_the_initiator() -> None:
    text = "تلقى العاهل الأردني اتصالا هاتفيا من الرئيس الأمريكي بحث خلاله الأوضاع."
    [ev] = code(text, [("العاهل الأردني", "JOR", "Abdullah II"), ("الرئيس الأمريكي", "USA", "Biden")])
    assert (ev.event, ev.mode) == ("CONSULT", "phone")
    assert codes(ev) == ({"USA"}, {"JOR"})


def test_condemning_an_attack_on_someone_does_not_target_the_victim() -> None:
    """"أدان X الهجوم على Y": Y was attacked, not condemned."""
    text = "أدان الأردن بشدة الهجوم على السفارة التركية في العاصمة."
    evs = code(text, [("الأردن", "JOR", None), ("السفارة التركية", "TUR", "Turkish embassy")])
    assert not [e for e in evs if e.event == "ACCUSE" and codes(e)[1] == {"TUR"}]
