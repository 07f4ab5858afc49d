"""Every country, demonym, seat of power and organisation entry is found in both languages."""

from __future__ import annotations

import pytest

from khabar.actors.data import load_countries, load_orgs
from khabar.model import Lang
from tests.actors.helpers import mentions

TEMPLATES: dict[str, str] = {
    "fa": "به گزارش خبرگزاری، {} امروز بیانیه صادر کرد.",
    "ar": "وقال مصدر إن {} أصدرت بيانا اليوم.",
}
# A demonym alone is an adjective; it names an actor after a title or "side".
DEMONYM_TEMPLATES: dict[str, str] = {
    "fa": "مقامات {} امروز بیانیه صادر کردند.",
    "ar": "وقال المسؤولون ال{} اليوم.",
}


def _country_cases() -> list[tuple[str, str, str, str]]:
    """(lang, field, phrase, code) for every country alias."""
    out = []
    for c in load_countries():
        for lang in TEMPLATES:
            for phrase in c.names.get(lang, ()):
                out.append((lang, "name", phrase, c.code))
            for phrase in c.demonyms.get(lang, ()):
                out.append((lang, "demonym", phrase, c.code))
            for place in c.places:
                for phrase in place.aliases.get(lang, ()):
                    out.append((lang, "place", phrase, c.code))
    return out


def _org_cases() -> list[tuple[str, str, str, str]]:
    """(lang, org id, phrase, code) for every organisation alias."""
    return [(lang, o.id, phrase, o.code) for o in load_orgs() for lang in TEMPLATES for phrase in o.aliases[lang]]


Found = list[tuple[str, str | None, str | None, str]]


def _found(lang: Lang, phrase: str, templates: dict[str, str] = TEMPLATES) -> Found:
    """(code, sector, entity, kind) of the mentions covering the phrase in the template sentence."""
    text = templates[lang].format(phrase)
    start = text.index(phrase)
    end = start + len(phrase)
    ms = mentions(text, lang)
    return [(m.actor.code, m.actor.sector, m.actor.entity, m.kind) for m in ms if m.start <= start < end <= m.end + 2]


@pytest.mark.parametrize(("lang", "field", "phrase", "code"), _country_cases())
def test_country_entry(lang: Lang, field: str, phrase: str, code: str) -> None:
    """A country name, demonym (after a title) or seat of power codes its country's government."""
    templates = DEMONYM_TEMPLATES if field == "demonym" else TEMPLATES
    assert (code, "GOV") in [(c, s) for c, s, _, _ in _found(lang, phrase, templates)]


@pytest.mark.parametrize(("lang", "org", "phrase", "code"), _org_cases())
def test_org_entry(lang: Lang, org: str, phrase: str, code: str) -> None:
    """An organisation or group alias codes that organisation (a grouping of states: each of its states)."""
    members = next(o.members for o in load_orgs() if o.id == org)
    if members:
        assert sorted(c for c, _, e, _ in _found(lang, phrase) if (e or "").startswith(org + ":")) == sorted(members)
        return
    assert (code, org) in [(c, e) for c, _, e, _ in _found(lang, phrase)]


def test_every_language_has_aliases() -> None:
    """Each hand-edited country has names and each organisation has aliases in fa and ar."""
    for o in load_orgs():
        assert o.aliases["fa"] and o.aliases["ar"], o.id
    major = [c for c in load_countries() if c.adj_en]
    assert len(major) > 50
    for c in major:
        assert c.names["fa"] and c.names["ar"], c.code
