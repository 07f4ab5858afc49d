"""Regressions of reported actor errors: each a general class (an honorific, a deputy title, an ambiguous surname)."""

from __future__ import annotations

from datetime import date

import pytest

from khabar.actors import find_mentions
from khabar.model import Lang
from tests.actors.helpers import analysis


def found(text: str, lang: Lang, day: date | None = None) -> list[tuple[str, str | None, str | None]]:
    """(surface, code, entity) of the mentions found with the real persons data."""
    return [(m.text, m.actor.code, m.actor.entity) for m in find_mentions(analysis(text, lang, day))]


def test_preposition_meaning_between_does_not_block_a_name() -> None:
    """"between Putin and Zelensky": a word that is also a South Asian honorific is not someone's first name."""
    ents = [e for _, _, e in found("تلاش علییف برای میانجیگری میان پوتین و زلنسکی", "fa", date(2022, 3, 1))]
    assert "putin_vladimir" in ents


def test_spanish_surname_is_not_the_un_chief_in_a_match() -> None:
    """Gutierrez (a footballer) is only Guterres when introduced or titled."""
    assert found("سجل غوتيريز هدفا في مرمى الفريق الضيف.", "ar", date(2018, 1, 1)) == []


def test_son_of_the_king_with_full_nasab_is_not_the_king() -> None:
    """"Mohammed bin Salman bin Abdulaziz" is the prince, not King Salman bin Abdulaziz."""
    ents = [e for _, _, e in found("استقبل الأمير محمد بن سلمان بن عبدالعزيز الوزير.", "ar", date(2015, 7, 21))]
    assert ents == ["muhammad_bin_salman"]


@pytest.mark.parametrize(("lang", "text", "code"), [
    ("ar", "التقت مساعدة وزير الخارجية الأمريكي بالوزير.", "USA"),
    ("ar", "وقال نائب مساعد وزير الخارجية الأمريكي إن الاجتماع انتهى.", "USA"),
    ("fa", "دستیار وزیر امور خارجه آمریکا امروز گفت.", "USA"),
])
def test_assistant_of_a_minister_is_not_the_minister(lang: Lang, text: str, code: str) -> None:
    """An assistant/deputy assistant secretary codes the country but is never the secretary himself."""
    ms = find_mentions(analysis(text, lang, date(2015, 7, 21)))
    assert ms and ms[0].actor.code == code
    assert ms[0].actor.entity is None


def test_deputy_of_the_custodian_is_the_crown_prince() -> None:
    """"Deputy of the Custodian of the Two Holy Mosques" is the crown prince of the day, not the king."""
    ms = find_mentions(analysis("وصل نائب خادم الحرمين الشريفين إلى الرياض.", "ar", date(2015, 7, 21)))
    assert ms[0].actor.code == "SAU"
    assert ms[0].actor.entity != "salman_bin_abdulaziz"
    assert ms[0].rule == "title:deputy_king_saudi"


def _prepositions() -> list[tuple[Lang, str]]:
    """(lang, preposition) for every pronoun preposition of the actors data."""
    from khabar.actors.data import load_cues
    return [(lang, p) for lang in ("fa", "ar") for p in load_cues(lang).pronoun_prepositions]


@pytest.mark.parametrize(("lang", "prep"), _prepositions())
def test_pronoun_after_a_preposition_is_the_last_subject(lang: Lang, prep: str) -> None:
    """"Lavrov met with him": the pronoun is the previous sentence's subject, not this sentence's."""
    text = f"محمدجواد ظریف وزیر امور خارجه ایران امروز وارد مسکو شد.\nسرگئی لاوروف {prep} وی دیدار کرد."
    ms = found(text, lang, date(2016, 5, 1))
    assert ms[0][1] == "IRN"
    assert [(s, e) for s, _, e in ms if s == "وی"] == [("وی", ms[0][2])]


def test_pronoun_after_a_preposition_is_never_the_current_subject() -> None:
    """When the previous subject is this sentence's own subject, the pronoun stays open."""
    text = "سرگئی لاوروف امروز وارد تهران شد.\nسرگئی لاوروف با وی دیدار کرد."
    assert [s for s, _, _ in found(text, "fa", date(2016, 5, 1))].count("وی") == 0


def _outlets() -> list[tuple[Lang, str]]:
    """(lang, outlet head) for every outlet head of the actors data."""
    from khabar.actors.data import load_cues
    return [(lang, p) for lang in ("fa", "ar") for p in load_cues(lang).outlets]


@pytest.mark.parametrize(("lang", "head"), _outlets())
def test_country_in_a_news_outlet_name_is_no_actor(lang: Lang, head: str) -> None:
    """"The LBC Lebanon channel reported": the country inside an outlet's name is not the state."""
    place = {"fa": "لبنان", "ar": "لبنان"}[lang]
    text = f"به گزارش {head} ال بی سی {place} امروز" if lang == "fa" else f"وقالت {head} ال بي سي {place} اليوم"
    assert [c for s, c, _ in found(text, lang) if s == place] == []
    assert [c for s, c, _ in found(f"{place} امروز گفت." if lang == "fa" else f"وقال {place} اليوم.", lang)] == ["LBN"]
