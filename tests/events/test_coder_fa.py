"""The event coder on Persian sentences with hand-built mentions: arguments, modality, dedupe."""

from __future__ import annotations

from khabar.events import code_events
from khabar.model import DateExpr, Event, Mention
from tests.events.util import analysis_of, mention


def code(text: str, spec: list[tuple[str, str, str | None]], *, require_actors: bool = True,
         dates: list[DateExpr] | None = None) -> list[Event]:
    """Code ``text`` with mentions given as (surface, code, name); repeated surfaces are each mentioned."""
    ms: list[Mention] = []
    seen: dict[str, int] = {}
    for surface, cc, name in spec:
        n = seen.get(surface, 0)
        ms.append(mention(text, surface, cc, name=name, kind="person" if name else "country", nth=n))
        seen[surface] = n + 1
    ms.sort(key=lambda m: m.start)
    return code_events(analysis_of(text, "fa"), ms, dates or [], require_actors=require_actors)


def parts(ev: Event) -> tuple[set[str], set[str]]:
    """Actor and recipient codes."""
    return {m.actor.code for m in ev.actor}, {m.actor.code for m in ev.recipient}


def test_joint_phone_call_has_both_participants_and_no_topic() -> None:
    text = "پوتین و علی‌یف درباره اوکراین تلفنی گفت‌وگو کردند."
    [ev] = code(text, [("پوتین", "RUS", "Putin"), ("علی‌یف", "AZE", "Aliyev"), ("اوکراین", "UKR", None)])
    assert ev.event == "CONSULT" and ev.mode == "phone"
    a, r = parts(ev)
    assert a | r == {"RUS", "AZE"}
    assert text[ev.trigger.start:ev.trigger.end] == "تلفنی گفت‌وگو"
    assert ev.rule == "fa/triggers/consult:تلفنی گفت و گو"


def test_host_receives_the_visitor() -> None:
    text = "رهبر ایران نخست‌وزیر عراق را به حضور پذیرفت."
    [ev] = code(text, [("رهبر ایران", "IRN", "Khamenei"), ("نخست‌وزیر عراق", "IRQ", "Sudani")])
    assert (ev.event, ev.mode) == ("CONSULT", "visit")
    assert parts(ev) == ({"IRQ"}, {"IRN"})


def test_mediator_acts_on_the_parties() -> None:
    text = "قطر برای میانجیگری میان حماس و اسرائیل تلاش کرد."
    [ev] = code(text, [("قطر", "QAT", None), ("حماس", "PSE", "Hamas"), ("اسرائیل", "ISR", None)])
    assert ev.event == "CONSULT" and ev.mode is None
    assert parts(ev) == ({"QAT"}, {"PSE", "ISR"})


def test_two_events_in_one_sentence_share_the_subject() -> None:
    text = "پوتین با اردوغان گفت‌وگو کرد و از نیروهای اوکراینی خواست سلاح‌های خود را زمین بگذارند."
    evs = code(text, [("پوتین", "RUS", "Putin"), ("اردوغان", "TUR", "Erdogan"), ("نیروهای اوکراینی", "UKR", None)])
    by_type = {e.event: e for e in evs}
    assert set(by_type) == {"CONSULT", "REQUEST"}
    assert parts(by_type["CONSULT"])[0] | parts(by_type["CONSULT"])[1] == {"RUS", "TUR"}
    assert parts(by_type["REQUEST"]) == ({"RUS"}, {"UKR"})
    assert by_type["REQUEST"].mode == "yield"


def test_sentence_naming_actors_without_trigger_gives_nothing() -> None:
    text = "پوتین و اردوغان در آنکارا حضور داشتند."
    assert code(text, [("پوتین", "RUS", "Putin"), ("اردوغان", "TUR", "Erdogan")]) == []


def test_one_entity_mentioned_twice_is_one_participant() -> None:
    text = "ولادیمیر پوتین رئیس‌جمهور روسیه با اردوغان گفت‌وگو کرد."
    [ev] = code(text, [("ولادیمیر پوتین", "RUS", "Putin"), ("رئیس‌جمهور روسیه", "RUS", "Putin"),
                       ("اردوغان", "TUR", "Erdogan")])
    assert len(ev.actor) + len(ev.recipient) == 2


def test_negated_readiness_is_agree_with_negation() -> None:
    text = "این دیدار به دلیل عدم تمایل کی‌یف برای مذاکره با مسکو برگزار نشد."
    evs = code(text, [("کی‌یف", "UKR", None), ("مسکو", "RUS", None)])
    assert [(e.event, e.aux) for e in evs] == [("AGREE", "negation")]


def test_meeting_announced_for_later_is_agree_future() -> None:
    text = "لاوروف هفته آینده با وزیر خارجه ترکیه دیدار خواهد کرد."
    [ev] = code(text, [("لاوروف", "RUS", "Lavrov"), ("وزیر خارجه ترکیه", "TUR", "Fidan")])
    assert (ev.event, ev.aux, ev.mode) == ("AGREE", "future", None)


def test_conditional_is_hypothetical() -> None:
    text = "اگر ایران با آمریکا مذاکره کند تحریم‌ها کاهش می‌یابد."
    [ev] = code(text, [("ایران", "IRN", None), ("آمریکا", "USA", None)])
    assert (ev.event, ev.aux) == ("CONSULT", "hypothetical")


def test_reported_speech_keeps_the_reported_event_not_the_sayer() -> None:
    text = "وزارت خارجه چین اعلام کرد که پوتین با ماکرون گفت‌وگو کرد."
    [ev] = code(text, [("وزارت خارجه چین", "CHN", "MFA China"), ("پوتین", "RUS", "Putin"), ("ماکرون", "FRA", "Macron")])
    a, r = parts(ev)
    assert a | r == {"RUS", "FRA"}


def test_reported_clause_without_subject_takes_the_sayer() -> None:
    text = "لاوروف گفت: با وزیر خارجه ترکیه گفت‌وگو کردیم."
    [ev] = code(text, [("لاوروف", "RUS", "Lavrov"), ("وزیر خارجه ترکیه", "TUR", "Fidan")])
    assert parts(ev) == ({"RUS"}, {"TUR"})


def test_repeated_statement_is_one_event_with_more_evidence() -> None:
    text = "پوتین با اردوغان تلفنی گفت‌وگو کرد.\nکرملین افزود پوتین و اردوغان تلفنی گفت‌وگو کردند."
    evs = code(text, [("پوتین", "RUS", "Putin"), ("اردوغان", "TUR", "Erdogan"), ("کرملین", "RUS", "Kremlin"),
                      ("پوتین", "RUS", "Putin"), ("اردوغان", "TUR", "Erdogan")])
    [ev] = [e for e in evs if e.event == "CONSULT"]
    assert len(ev.more_evidence) == 1


def test_calls_with_two_leaders_are_two_calls() -> None:
    text = "پوتین نتیجه تماس‌های تلفنی خود با سران آذربایجان و ارمنستان را اعلام کرد."
    evs = code(text, [("پوتین", "RUS", "Putin"), ("سران آذربایجان", "AZE", None), ("ارمنستان", "ARM", None)])
    assert sorted(sorted(parts(e)[0] | parts(e)[1]) for e in evs) == [["ARM", "RUS"], ["AZE", "RUS"]]


def test_both_sides_are_the_participants_of_the_main_event() -> None:
    text = "پوتین با اردوغان تلفنی گفت‌وگو کرد.\nطرفین بر ادامه همکاری توافق کردند."
    evs = code(text, [("پوتین", "RUS", "Putin"), ("اردوغان", "TUR", "Erdogan")])
    [agree] = [e for e in evs if e.event == "AGREE"]
    assert parts(agree)[0] | parts(agree)[1] == {"RUS", "TUR"}


def test_without_actors_only_when_not_required() -> None:
    text = "مذاکرات در وین ادامه یافت."
    assert code(text, []) == []
    [ev] = code(text, [], require_actors=False)
    assert ev.event == "CONSULT" and ev.actor == [] and ev.recipient == []


def test_habitual_conduct_is_not_an_event() -> None:
    text = "ترامپ بارها از پوتین تمجید کرده است."
    assert code(text, [("ترامپ", "USA", "Trump"), ("پوتین", "RUS", "Putin")]) == []


def test_demonstrative_refers_back_to_a_told_meeting() -> None:
    text = "لاوروف با ظریف دیدار کرد.\nدر این دیدار ظریف و لاوروف درباره سوریه سخن گفتند."
    evs = code(text, [("لاوروف", "RUS", "Lavrov"), ("ظریف", "IRN", "Zarif"), ("ظریف", "IRN", "Zarif"),
                      ("لاوروف", "RUS", "Lavrov")])
    assert len(evs) == 1


def test_criticism_is_accuse_disapprove_with_target() -> None:
    text = "پوتین با انتقاد از بی‌توجهی غرب به نگرانی‌های مسکو سخن گفت."
    [ev] = code(text, [("پوتین", "RUS", "Putin"), ("غرب", "WST", None), ("مسکو", "RUS", None)])
    assert (ev.event, ev.mode) == ("ACCUSE", "disapprove")
    assert parts(ev) == ({"RUS"}, {"WST"})


def test_clause_break_and_reported_speech_at_one_place() -> None:
    """A clause break and a verb of saying ending at the same position do not upset clause bounds."""
    text = "وزیر گفت و افزود که پوتین با اردوغان گفت‌وگو کرد."
    evs = code(text, [("پوتین", "RUS", "Putin"), ("اردوغان", "TUR", "Erdogan")])
    assert [e.event for e in evs] == ["CONSULT"]


def test_genitive_after_a_meeting_noun_is_the_partner() -> None:
    text = "حسن روحانی در دیدار عصر امروز فراتینی وزیر خارجه ایتالیا با وی درباره برنامه هسته‌ای گفت."
    at = text.index("عصر امروز")
    today = [DateExpr(at, at + len("عصر امروز"), "عصر امروز", None, 0)]
    [ev] = code(text, [("حسن روحانی", "IRN", "Rouhani"), ("فراتینی وزیر خارجه ایتالیا", "ITA", "Frattini")],
                dates=today)
    assert ev.event == "CONSULT"
    a, r = parts(ev)
    assert a | r == {"IRN", "ITA"}


def test_joint_signing_needs_no_recipient() -> None:
    text = "ایران و پاکستان توافقی برای ساخت خط لوله به امضا رساندند."
    [ev] = code(text, [("ایران", "IRN", None), ("پاکستان", "PAK", None)])
    assert ev.event == "SUPPORT" and parts(ev)[0] == {"IRN", "PAK"}


def test_headline_meeting_of_the_leaders_of_two_states() -> None:
    text = "نشست دوجانبه روسای مجالس ایران و الجزایر برگزار شد"
    [ev] = code(text, [("ایران", "IRN", None), ("الجزایر", "DZA", None)])
    assert ev.event == "CONSULT"
    assert parts(ev)[0] | parts(ev)[1] == {"IRN", "DZA"}


def test_visit_of_a_country() -> None:
    text = "گزارشگر سازمان ملل سال گذشته دیداری از ایران داشت."
    [ev] = code(text, [("گزارشگر سازمان ملل", "UNO", "Rapporteur"), ("ایران", "IRN", None)])
    assert (ev.event, ev.mode) == ("CONSULT", "visit")
    assert parts(ev) == ({"UNO"}, {"IRN"})


def test_meeting_partner_is_not_the_target_of_a_later_demand() -> None:
    text = "علاوی در دیدار دیروز خود با بشار اسد بر ضرورت حل بحران تأکید کرد."
    evs = code(text, [("علاوی", "IRQ", "Allawi"), ("بشار اسد", "SYR", "Assad")])
    assert [e.event for e in evs] == ["CONSULT"]


def test_received_call_names_the_initiator() -> None:
    text = "رئیسی از امیر قطر یک تماس تلفنی دریافت کرد."
    [ev] = code(text, [("رئیسی", "IRN", "Raisi"), ("امیر قطر", "QAT", "Tamim")])
    assert (ev.event, ev.mode) == ("CONSULT", "phone")
    assert parts(ev) == ({"QAT"}, {"IRN"})


def test_sports_match_is_not_a_meeting() -> None:
    text = "سرمربی تیم ملی فوتبال آلمان پیش از دیدار با اسپانیا اردو برگزار می‌کند."
    assert code(text, [("آلمان", "DEU", None), ("اسپانیا", "ESP", None)]) == []


def test_possible_talks_are_hypothetical() -> None:
    text = "اسرائیل درباره مذاکره احتمالی اوباما با ایران هشدار داد."
    evs = code(text, [("اسرائیل", "ISR", None), ("اوباما", "USA", "Obama"), ("ایران", "IRN", None)])
    assert all(e.aux == "hypothetical" for e in evs if e.event == "CONSULT")


def test_talks_with_a_news_agency_are_an_interview() -> None:
    text = "ظریف در گفت‌وگو با ایرنا درباره برجام سخن گفت."
    ms = [mention(text, "ظریف", "IRN", name="Zarif"),
          mention(text, "ایرنا", "IRN", sector="JRN", name="IRNA", kind="org")]
    assert code_events(analysis_of(text, "fa"), ms, []) == []


def test_coordinated_promise_goes_to_the_same_partner() -> None:
    text = "علی‌یف با زلنسکی درباره صادرات نفت گفت‌وگو کرد و در این مورد قول مساعد داد."
    evs = code(text, [("علی‌یف", "AZE", "Aliyev"), ("زلنسکی", "UKR", "Zelensky")])
    [agree] = [e for e in evs if e.event == "AGREE"]
    assert parts(agree)[0] | parts(agree)[1] == {"AZE", "UKR"}


def test_signing_between_two_states_without_subject() -> None:
    text = "تفاهم‌نامه همکاری میان ایران و عراق به امضا رسید."
    [ev] = code(text, [("ایران", "IRN", None), ("عراق", "IRQ", None)])
    assert ev.event == "SUPPORT" and parts(ev) == ({"IRN", "IRQ"}, set())


def test_a_clause_final_future_auxiliary_reaches_back_over_a_long_object() -> None:
    """Verb-final: "will have separate meetings with A and B, the foreign ministers of X and Y" is to come."""
    text = "وزیر خارجه اوکراین دیدارهای جداگانه‌ای با لاوروف و کری وزیران خارجه روسیه و آمریکا خواهد داشت."
    evs = code(text, [("وزیر خارجه اوکراین", "UKR", "Kuleba"), ("لاوروف", "RUS", "Lavrov"), ("کری", "USA", "Kerry")])
    assert evs and all(e.event == "AGREE" and e.aux == "future" for e in evs)


def test_a_requests_complement_keeps_its_own_mood() -> None:
    """"Asked them to define a model for negotiating" is a request made: the subjunctive is the complement's."""
    text = "وزیر خارجه انگلیس از اتحادیه اروپا خواست مدلی را برای چگونگی مذاکره با آمریکا تعریف کنند."
    evs = code(text, [("وزیر خارجه انگلیس", "GBR", "Hammond"), ("اتحادیه اروپا", "EUR", None), ("آمریکا", "USA", None)])
    assert [(e.event, e.aux) for e in evs if e.event == "REQUEST"] == [("REQUEST", None)]
