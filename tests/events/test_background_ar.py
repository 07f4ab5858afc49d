"""Arabic attack/protest words that state no new event (error classes of the Arabic GSR), each with a control."""

from __future__ import annotations

import pytest

from khabar.events import code_events
from tests.events.util import analysis_of


def stated(text: str) -> set[str]:
    """Event types the sentence states as having happened (aux None), actors not required."""
    return {e.event for e in code_events(analysis_of(text, "ar"), [], [], require_actors=False) if e.aux is None}


@pytest.mark.parametrize(("background", "control", "event"), [
    # a relative clause after a named person or event refers back to it
    ("وأشار إلى الزعيم الفلسطيني الذي اغتالته إسرائيل في غزة.", "اغتالت إسرائيل الزعيم الفلسطيني في غزة.",
     "ASSAULT"),
    ("ونددوا بالجريمة التي أودت بحياة الوزير.", "وقالت الشرطة إن العبوة أودت بحياة الوزير.", "ASSAULT"),
    # "such attacks": a generic class of events
    ("وأدت مثل هذه التفجيرات إلى قتل وجرح آلاف المدنيين.", "قتل وجرح عشرات المدنيين في المدينة.", "ASSAULT"),
    # a cumulative tally since a date
    ("وتقول اللجنة إن 12 صحافيا خطفوا منذ عام 2004.", "وتقول اللجنة إن 12 صحافيا خطفوا أمس.", "ASSAULT"),
    # an illustration
    ("وعلى سبيل المثال اقتحموا مبنى البلدية.", "وأمس اقتحموا مبنى البلدية.", "ASSAULT"),
    # repeated conduct
    ("وقال: لقد قتلوا طفلتي مرتين.", "وقال: لقد قتلوا طفلتي.", "ASSAULT"),
    # an allegation
    ("الميليشيات المتهمة بارتكاب أعمال نهب وقتل.", "الميليشيات نهبت القرية وقتل سكانها.", "ASSAULT"),
    # purpose and the imperfective of a suicide bombing
    ("يعطون مالا للعائلة لكي يفجر نفسه.", "قالت الشرطة إن المهاجم فجر نفسه.", "ASSAULT"),
    # "in reference to": events named, not reported
    ("وقال ذلك في إشارة إلى مقتل شاب خلال مظاهرة احتجاجا على القرار.",
     "وقتل شاب خلال مظاهرة احتجاجا على القرار.", "PROTEST"),
    # the crowd as the audience of a speech
    ("وقال المحافظ لعشرات آلاف المتظاهرين في المهرجان إن الحكومة باقية.",
     "وتظاهر عشرات آلاف المتظاهرين في المهرجان.", "PROTEST"),
    # a protest named as the topic of an operation
    ("وكادت عملية الاعتصام أن تتحول إلى مواجهة.", "وبدأ اعتصام أمام الوزارة.", "PROTEST"),
])
def test_background_states_no_event(background: str, control: str, event: str) -> None:
    """The background sentence states no event of the type; its control, with the cue removed, does."""
    assert event not in stated(background)
    assert event in stated(control)


def test_relative_clause_is_background_only_for_occurrences() -> None:
    """"Its president, whom Trump praised": a statement told in a relative clause is still an event."""
    assert "SUPPORT" in stated("واتهم الرئيس الأمريكي بيونغ يانغ بعدم احترام الصين ورئيسها الذي أشاد بمحاولاته.")
    assert "PROTEST" not in stated("وأشار إلى المتظاهرين الذين تجمعوا أمام السفارة الشهر الماضي.")


def test_for_that_reason_is_no_purpose() -> None:
    """"For that reason, he set himself on fire in protest": a consequence, not a purpose."""
    assert "PROTEST" in stated("ومن أجل ذلك، أحرق شاب نفسه احتجاجا على الظلم.")
    assert "PROTEST" not in stated("ومن أجل الاحتجاج على الظلم دعا الحزب إلى التظاهر.")


def test_about_n_is_no_purpose() -> None:
    """"About 40 protesters gathered ... to protest": نحو before a number is "about", not "towards"."""
    assert "PROTEST" in stated("تجمع نحو 40 متظاهرا أمام مقر رئيس الوزراء للاحتجاج على الانتهاكات.")


@pytest.mark.parametrize(("text", "event"), [
    ("وقتل سبعة في أحداث جاءت بعد أن سد المتظاهرون الطرقات.", "PROTEST"),
    ("وجاءت تعليقاته بعد أن دعا وزير الخارجية السعودية إلى تخفيف الحصار.", "REQUEST"),
    ("واستؤنفت الرحلات بعد أن أنهى آلاف المتظاهرين اعتصامهم في المطار.", "PROTEST"),  # the clause's verb between
])
def test_after_it_had_is_an_event_told_as_background(text: str, event: str) -> None:
    """An "after it had" clause states its event (GUIDELINES: context events count), flagged as background."""
    evs = [e for e in code_events(analysis_of(text, "ar"), [], [], require_actors=False) if e.event == event]
    assert evs and all(e.background for e in evs)
    control = text.replace("بعد أن ", "و")
    assert not any(e.background for e in code_events(analysis_of(control, "ar"), [], [], require_actors=False))


def test_talks_do_not_govern_an_attack_told_after_that() -> None:
    """"Discussed the truce" governs the truce; "one in the talks said that meanwhile shells were fired" does not."""
    text = "وقال أحد المشاركين في محادثات المصالحة، انه في الوقت ذاته أطلقت قذيفتان على السوق."
    assert "ASSAULT" in stated(text)


def test_a_denied_contact_is_negated() -> None:
    """A clause reported by a verb of denial is negated however far its event is from the verb."""
    text = "ونفى وزير العدل الأمريكي أن يكون قد أجرى أي اتصال بالمسؤولين الروس خلال الحملة."
    assert "CONSULT" not in stated(text)
    assert "CONSULT" in stated(text.replace("ونفى", "وأكد"))
