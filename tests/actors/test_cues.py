"""Every matching cue of khabar/lang/<lang>/actors.yaml does its job in a short sentence."""

from __future__ import annotations

import pytest

from khabar.lang import load
from khabar.model import Lang
from tests.actors.helpers import codes, mentions


def _raw(lang: str, key: str) -> list[str]:
    """The raw (unfolded) entries of one cue list."""
    return list(load(lang, "actors")[key])


def _each(key: str, langs: tuple[str, ...] = ("fa", "ar")) -> list[tuple[str, str]]:
    """(lang, entry) for every entry of one cue list."""
    return [(lang, e) for lang in langs for e in _raw(lang, key)]


# Sentences that exercise each cue; {} is the cue.
COUNTERPART = {
    "fa": "پوتین با {} ترکیه ای خود اردوغان دیدار کرد.\nپوتین گفت.",
    "ar": "التقى بوتين {} التركي.\nأردوغان قال.",
}
COUNTERPART_NO_NAME = {"fa": "پوتین با {} ترکیه ای خود گفتگو کرد.", "ar": "بحث بوتين مع {} التركي."}
SIDE = {"fa": "{} روسی اعلام کرد.", "ar": "وأعلن {} الروسي."}
PAIR = {"fa": "پوتین با اردوغان گفتگو کرد.\n{} توافق کردند.", "ar": "بحث بوتين مع أردوغان الوضع.\nواتفق {} على ذلك."}
GROUP = {
    3: {"fa": "ایران، روسیه و ترکیه دیدار کردند.\n{} توافق کردند.",
        "ar": "اجتمعت إيران وروسيا وتركيا أمس.\nواتفقت ال{} على ذلك."},
    4: {"fa": "مصر، عربستان، امارات و بحرین روابط را قطع کردند.\n{} توافق کردند.",
        "ar": "وقطعت مصر والسعودية والإمارات والبحرين العلاقات.\nواتفقت ال{} على ذلك."},
}
GROUP_CODES = {3: ["IRN", "RUS", "TUR"], 4: ["ARE", "BHR", "EGY", "SAU"]}
PRONOUN = {"fa": "پوتین امروز سخنرانی کرد.\n{} گفت که آماده است.", "ar": "ألقى بوتين كلمة اليوم.\n{} قال إنه مستعد."}
FORMER = {"fa": "رئیس جمهور {} آمریکا گفت.", "ar": "قال الرئيس الأمريكي {} اليوم."}
FILLER = {"fa": "سران {} روسیه و ترکیه دیدار کردند."}
CONJ = {"fa": "روسای جمهوری روسیه {} ترکیه دیدار کردند.", "ar": "وقال المسؤولين الروس {}الأتراك."}


@pytest.mark.parametrize(("lang", "cue"), _each("counterpart"))
def test_counterpart_resolves_to_named_person(lang: Lang, cue: str) -> None:
    """'His Turkish counterpart' is the Turkish person named in the text."""
    text = COUNTERPART[lang].format(cue)
    start = text.index(cue)
    hits = [m for m in mentions(text, lang) if m.start == start]
    assert hits and hits[0].actor.code == "TUR" and hits[0].actor.entity == "erdogan_recep_tayyip"


@pytest.mark.parametrize(("lang", "cue"), _each("counterpart"))
def test_counterpart_without_person_is_a_title(lang: Lang, cue: str) -> None:
    """With no Turkish person in the text, the counterpart is a TUR GOV title mention."""
    text = COUNTERPART_NO_NAME[lang].format(cue)
    hits = [m for m in mentions(text, lang) if m.start == text.index(cue)]
    assert [(m.actor.code, m.actor.sector, m.kind) for m in hits] == [("TUR", "GOV", "title")]


@pytest.mark.parametrize(("lang", "cue"), _each("side"))
def test_side(lang: Lang, cue: str) -> None:
    """'The Russian side' is RUS GOV, a coref mention."""
    text = SIDE[lang].format(cue)
    hits = [m for m in mentions(text, lang) if m.start <= text.index(cue) < m.end]
    assert [(m.actor.code, m.actor.sector, m.kind) for m in hits] == [("RUS", "GOV", "coref")]


@pytest.mark.parametrize(
    ("lang", "cue"), _each("pair_persons") + _each("pair_sides") + _each("pair_countries")
)
def test_pair(lang: Lang, cue: str) -> None:
    """'The two presidents/sides/countries' are the two actors of the previous sentence."""
    text = PAIR[lang].format(cue)
    start = text.index(cue)
    hits = [m for m in mentions(text, lang) if m.start <= start < m.end]
    assert sorted(m.actor.code for m in hits) == ["RUS", "TUR"]
    assert all(m.kind == "coref" for m in hits)


@pytest.mark.parametrize(("n", "lang", "cue"), [(3, *c) for c in _each("three_countries")]
                         + [(4, *c) for c in _each("four_countries")])
def test_country_group(n: int, lang: Lang, cue: str) -> None:
    """'The three/four countries' are the states named last, one mention each."""
    text = GROUP[n][lang].format(cue)
    start = text.index(cue)
    hits = [m for m in mentions(text, lang) if m.start <= start < m.end]
    assert sorted(m.actor.code for m in hits) == GROUP_CODES[n]
    assert all(m.kind == "coref" and m.actor.sector == "GOV" for m in hits)


@pytest.mark.parametrize(("lang", "cue"), _each("pronouns"))
def test_pronoun(lang: Lang, cue: str) -> None:
    """A subject pronoun is the unambiguous subject of the previous sentence."""
    text = PRONOUN[lang].format(cue)
    hits = [m for m in mentions(text, lang) if m.start == text.index(cue)]
    assert [(m.actor.entity, m.kind) for m in hits] == [("putin_vladimir", "coref")]


@pytest.mark.parametrize(("lang", "cue"), _each("former"))
def test_former(lang: Lang, cue: str) -> None:
    """'Former' makes the title's actor ELI."""
    ms = mentions(FORMER[lang].format(cue), lang)
    assert codes(ms)[:1] == [("USA", "ELI")]


@pytest.mark.parametrize(("lang", "cue"), _each("stop"))
def test_stop_phrase_is_not_an_actor(lang: Lang, cue: str) -> None:
    """A look-alike phrase yields no mention inside it."""
    text = f"- {cue} -"
    assert [m for m in mentions(text, lang) if m.start < text.index(cue) + len(cue) and m.end > 2] == []


@pytest.mark.parametrize(("lang", "cue"), _each("fillers", ("fa",)))
def test_filler(lang: Lang, cue: str) -> None:
    """A filler word may stand between a plural title and its countries."""
    ms = mentions(FILLER[lang].format(cue), lang)
    assert [(m.actor.code, m.kind) for m in ms] == [("RUS", "title"), ("TUR", "title")]


@pytest.mark.parametrize(("lang", "cue"), _each("conjunctions"))
def test_conjunction(lang: Lang, cue: str) -> None:
    """A conjunction joins two countries under one plural title."""
    ms = mentions(CONJ[lang].format(cue), lang)
    assert [(m.actor.code, m.kind) for m in ms] == [("RUS", "title"), ("TUR", "title")]


@pytest.mark.parametrize(("lang", "cue"), _each("prefixes", ("ar",)))
def test_prefix(lang: Lang, cue: str) -> None:
    """A proclitic may be glued to a name."""
    assert codes(mentions(f"قال مصدر {cue}روسيا اليوم", lang)) == [("RUS", "GOV")]


@pytest.mark.parametrize(("lang", "cue"), _each("suffixes"))
def test_suffix(lang: Lang, cue: str) -> None:
    """A suffix may be glued to a name or demonym."""
    text = {"fa": f"مقامات ایران{cue} گفتند", "ar": f"قال المسؤولون الإيراني{cue} اليوم"}[lang]
    assert codes(mentions(text, lang)) == [("IRN", "GOV")]


@pytest.mark.parametrize(("lang", "cue"), _each("name_blocking_prefixes", ("ar",)))
def test_blocking_prefix(lang: Lang, cue: str) -> None:
    """An ambiguous name with the article is the ordinary word ('the main'), even after an introduction."""
    text = f"التقى إبراهيم رئيسي الوفد.\nوكان الهدف {cue}رئيسي للزيارة."
    ms = mentions(text, lang)
    assert [m.sentence for m in ms if m.actor.entity == "raisi_ebrahim"] == [0]


@pytest.mark.parametrize(("lang", "cue"), _each("articles", ("ar",)))
def test_article_in_span(lang: Lang, cue: str) -> None:
    """The article is part of the mention's span."""
    text = f"وقال {cue}جيش الروسي اليوم"
    ms = mentions(text, lang)
    assert ms and ms[0].text.startswith(cue)


def test_joiners_link_quotes_and_commas() -> None:
    """Quotes and commas between a name and its title keep them one mention."""
    text = '"ولادیمیر پوتین" ، رئیس جمهوری روسیه گفت.'
    ms = mentions(text, "fa")
    assert len(ms) == 1 and ms[0].actor.entity == "putin_vladimir" and "روسیه" in ms[0].text


UNSUFFIXED_SAMPLES = {"country": "روسيا", "place": "موسكو", "org": "الناتو", "group": "الغرب", "person": "بوتين"}


@pytest.mark.parametrize("kind", sorted(load("ar", "actors")["unsuffixed_kinds"]))
def test_unsuffixed_kind(kind: str) -> None:
    """A name of an unsuffixed kind with a suffix glued on is another word (الغربة is not الغرب)."""
    word = UNSUFFIXED_SAMPLES[kind]
    assert mentions(f"قال {word} اليوم", "ar")
    assert mentions(f"قال {word}ة اليوم", "ar") == []


ADJECTIVAL_BASES = {"ی": "ایران", "ای": "ترکیه", "یی": "کانادا"}


@pytest.mark.parametrize("suffix", load("fa", "actors")["adjectival_suffixes"])
def test_adjectival_suffix(suffix: str) -> None:
    """A name made an adjective is no actor alone, and is one after a title."""
    word = ADJECTIVAL_BASES[suffix] + suffix
    assert mentions(f"فرهنگ {word} غنی است.", "fa") == []
    assert [m.kind for m in mentions(f"مقامات {word} گفتند.", "fa")] == ["title"]


@pytest.mark.parametrize(("lang", "cue"), _each("honorifics"))
def test_honorific_does_not_block_a_name(lang: Lang, cue: str) -> None:
    """An honorific before a one-word name keeps the name."""
    name = {"fa": "پوتین", "ar": "بوتين"}[lang]
    assert [m.actor.entity for m in mentions(f"- {cue} {name} -", lang)] == ["putin_vladimir"]


def test_first_name_of_another_person_blocks_a_surname() -> None:
    """'Donald Putin' is not Vladimir Putin: the first name belongs to someone else."""
    assert mentions("دونالد پوتین گفت", "fa") == []
    assert [m.actor.entity for m in mentions("ولادیمیر پوتین گفت", "fa")] == ["putin_vladimir"]


@pytest.mark.parametrize(("lang", "cue"), _each("juniors"))
def test_junior_is_another_person(lang: Lang, cue: str) -> None:
    """'Trump Jr.' is not Donald Trump."""
    name = {"fa": "ترامپ", "ar": "ترامب"}[lang]
    assert mentions(f"- {name} {cue} گفت -", lang) == []
    assert [m.actor.entity for m in mentions(f"- {name} گفت -", lang)] == ["trump_donald"]
