"""Composition, ambiguity and coreference on short Persian and Arabic texts."""

from __future__ import annotations

from datetime import date

from tests.actors.helpers import analysis, codes, mentions


def test_title_and_name_are_one_mention_fa() -> None:
    """Name then title (Persian apposition) is one person mention spanning both."""
    text = "ولادیمیر پوتین رئیس جمهوری روسیه با رجب طیب اردوغان رئیس جمهوری ترکیه گفتگو کرد."
    ms = mentions(text, "fa")
    assert [(m.actor.entity, m.kind) for m in ms] == [("putin_vladimir", "person"), ("erdogan_recep_tayyip", "person")]
    assert ms[0].text == "ولادیمیر پوتین رئیس جمهوری روسیه"


def test_title_country_name_ar() -> None:
    """Title, demonym, then name: one mention with the person's identity."""
    text = "بحث الرئيس الروسي فلاديمير بوتين مع نظيره التركي رجب طيب أردوغان"
    ms = mentions(text, "ar")
    assert [m.actor.entity for m in ms] == ["putin_vladimir", "erdogan_recep_tayyip"]
    assert ms[0].text == "الرئيس الروسي فلاديمير بوتين"


def test_title_of_another_country_is_not_merged() -> None:
    """A name followed by another country's title stays two mentions."""
    ms = mentions("پوتین رئیس جمهوری ترکیه را پذیرفت.", "fa")
    assert [(m.actor.code, m.kind) for m in ms] == [("RUS", "person"), ("TUR", "title")]


def test_bodies_forces_opposition() -> None:
    """Ministries, forces and the opposition get their sectors and body names."""
    ms = mentions("وأعلنت وزارة الخارجية الروسية أن القوات الروسية والمعارضة السورية", "ar")
    assert [(m.actor.code, m.actor.sector, m.actor.name) for m in ms] == [
        ("RUS", "GOV", "Russian Foreign Ministry"),
        ("RUS", "MIL", "Russian forces"),
        ("SYR", "OPP", "Syrian opposition"),
    ]


def test_capital_and_seat_are_the_government() -> None:
    """Moscow and the Kremlin code RUS GOV; the Élysée FRA GOV."""
    ms = mentions("سخنگوی کاخ کرملین گفت مسکو و کاخ الیزه موافقند.", "fa")
    assert codes(ms) == [("RUS", "GOV"), ("RUS", "GOV"), ("FRA", "GOV")]


def test_west_and_breakaway_entities() -> None:
    """The West is WST; the people's republics are UKR PRE; a direction is not the West."""
    ms = mentions("غرب استقلال جمهوری خلق دونتسک را نپذیرفت.\nدر شمال غرب ایران", "fa")
    assert codes(ms) == [("WST", None), ("UKR", "PRE"), ("IRN", "GOV")]
    assert codes(mentions("الغرب الجماعي", "ar")) == [("WST", None)]


def test_ambiguous_name_needs_introduction_or_title() -> None:
    """رئيسي is Raisi after the full name or with a title, never 'the main'."""
    assert mentions("هذا هو الطريق رئيسي", "ar") == []
    assert [m.actor.entity for m in mentions("قال الرئيس رئيسي", "ar")] == ["raisi_ebrahim"]
    text = "بوتين ورئيسي يبحثان\nبحث الرئيس الإيراني إبراهيم رئيسي الوضع"
    assert [m.actor.entity for m in mentions(text, "ar", date(2023, 9, 26))][:2] == ["putin_vladimir", "raisi_ebrahim"]


def test_counterpart_prefers_person_in_text() -> None:
    """'His French counterpart' is Macron when named; else FRA GOV title."""
    ms = mentions("پوتین با همتای فرانسوی خود گفتگو کرد.", "fa")
    assert [(m.actor.code, m.kind) for m in ms] == [("RUS", "person"), ("FRA", "title")]


def test_pair_reuses_the_sides() -> None:
    """'The two sides' a sentence later are still the same two actors."""
    text = "التقى لافروف مع أردوغان.\nوبحث الجانبان الأزمة.\nواتفق الجانبان على اللقاء."
    ms = [m for m in mentions(text, "ar") if m.kind == "coref"]
    assert [(m.sentence, m.actor.code) for m in ms] == [(1, "RUS"), (1, "TUR"), (2, "RUS"), (2, "TUR")]


def test_pronoun_needs_unambiguous_subject() -> None:
    """'He' after a sentence with two persons, neither at its start, is left alone."""
    text = "در این دیدار که دیروز در مسکو برگزار شد پوتین با اردوغان گفتگو کرد.\nاو گفت."
    assert [m for m in mentions(text, "fa") if m.kind == "coref"] == []


def test_outside_sentences_is_skipped() -> None:
    """A match outside every sentence (boilerplate) is not a mention."""
    a = analysis("پوتین\nپوتین", "fa")
    a.stories[0].sentences = a.stories[0].sentences[1:]
    from khabar.actors import find_mentions_with
    from tests.actors.helpers import gaz

    ms = find_mentions_with(a, gaz("fa"))
    assert [(m.start, m.sentence) for m in ms] == [(6, 1)]


def test_glued_story_without_date_uses_latest_role() -> None:
    """A glued story with no date of its own is not coded by the first story's date."""
    a = analysis("قال ترامب\nقال ترامب", "ar", date(2022, 1, 1))
    from khabar.actors import find_mentions_with
    from khabar.model import Story
    from tests.actors.helpers import gaz

    s0, s1 = a.stories[0].sentences
    s1.story = 1
    a.stories = [Story(0, 0, s0.end, date(2022, 1, 1), [s0]), Story(1, s1.start, s1.end, None, [s1])]
    assert [m.actor.sector for m in find_mentions_with(a, gaz("ar"))] == ["ELI", "GOV"]


def test_mentions_in_text_order_with_raw_offsets() -> None:
    """Offsets point into the raw text, ZWNJ and all."""
    text = "رئیس\u200cجمهوری روسیه و علی\u200cیف"
    ms = mentions(text, "fa")
    assert all(text[m.start : m.end] == m.text for m in ms)
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    assert ms[-1].actor.entity == "aliyev_ilham"


def test_body_of_a_person_is_its_country_body() -> None:
    """'Putin's forces' are RUS MIL, not Putin."""
    ms = mentions("هجوما على قوات بوتين", "ar")
    assert [(m.actor.code, m.actor.sector, m.kind) for m in ms] == [("RUS", "MIL", "title")]


def test_two_countries_are_states() -> None:
    """'The two countries' skips organisations and the West."""
    text = "التقى لافروف مع أردوغان بحضور الأمم المتحدة.\nوبحث البلدين الأزمة."
    ms = [m for m in mentions(text, "ar") if m.kind == "coref"]
    assert sorted(m.actor.code for m in ms) == ["RUS", "TUR"]


def test_adjective_pairs_and_lists() -> None:
    """'Russian-Ukrainian talks' name two actors; a list of nationalities names none."""
    assert codes(mentions("المباحثات الروسية الأوكرانية", "ar")) == [("RUS", "GOV"), ("UKR", "GOV")]
    assert mentions("بازیکنان برزیلی، اسپانیایی، روسی و اوکراینی", "fa") == []


def test_generic_title_does_not_override_the_dated_role() -> None:
    """An office the person never held does not make them GOV; 'president' does for a president."""
    (m,) = mentions("قال السفير الأمريكي دونالد ترامب", "ar", date(2022, 6, 1))
    assert m.actor.sector == "ELI"
    (m,) = mentions("قال الرئيس الأمريكي دونالد ترامب", "ar", date(2022, 6, 1))
    assert m.actor.sector == "GOV"


def test_body_of_a_body_is_coded_by_the_owner() -> None:
    """'The command of the Libyan army' is the army (MIL); 'the spokesman of the presidency' a person (GOV)."""
    assert codes(mentions("مقر قيادة الجيش الليبي", "ar")) == [("LBY", "MIL")]
    (m,) = mentions("قال المتحدث باسم الرئاسة الأوكرانية", "ar")
    assert (m.actor.code, m.actor.sector, m.rule) == ("UKR", "GOV", "title:spokesperson")


def test_a_particle_before_a_surname_is_not_another_persons_given_name() -> None:
    """"أن/إن بوتين" is "that Putin": a two-letter first word of some other person's name does not block it,
    while a real given name of another person still does ("Bijan Jannati" is not Ahmad Jannati)."""
    for particle in ("إن", "أن"):
        ms = mentions(f"وقال {particle} بوتين التقى أردوغان.", "ar")
        assert [m.actor.entity for m in ms] == ["putin_vladimir", "erdogan_recep_tayyip"]


def test_the_four_countries_are_the_list_named_last() -> None:
    """A group back-reference takes the states of the latest list, not the first states of the sentence."""
    text = ("قال وزير الخارجية المصري خلال اجتماع مع المبعوث الأمريكي إن الحل مرهون بمطالب مصر والسعودية "
            "والإمارات والبحرين.\nوأكد استعداد الدول الأربع للحوار.")
    start = text.index("الدول الأربع")
    ms = [m for m in mentions(text, "ar") if m.start == start]
    assert sorted(m.actor.code for m in ms) == ["ARE", "BHR", "EGY", "SAU"]
