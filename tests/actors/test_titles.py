"""Every title phrase, with a country before or after it, codes that country and the title's sector."""

from __future__ import annotations

import pytest

from khabar.actors.data import load_titles
from khabar.model import Lang
from tests.actors.helpers import mentions

# A title then a country (Persian ezafe / Arabic adjective), in a short sentence.
WITH_COUNTRY = {"fa": "{} روسیه امروز گفت.", "ar": "وقال {} الروسي اليوم."}
ALONE = {"fa": "{} امروز گفت.", "ar": "وقال {} اليوم."}


def _cases() -> list[tuple[str, str, str]]:
    """(lang, title id, phrase) for every title phrase."""
    return [(lang, t.id, p) for lang in ("fa", "ar") for t in load_titles(lang) for p in t.phrases]


@pytest.mark.parametrize(("lang", "title_id", "phrase"), _cases())
def test_title_entry(lang: Lang, title_id: str, phrase: str) -> None:
    """The title is one mention with the country's (or its fixed) code and the title's sector."""
    title = next(t for t in load_titles(lang) if t.id == title_id)
    template = ALONE if title.code else WITH_COUNTRY
    text = template[lang].format(phrase)
    start = text.index(phrase)
    ms = [m for m in mentions(text, lang) if m.start <= start < m.end]
    assert ms, text
    assert (ms[0].actor.code, ms[0].actor.sector) == (title.code or "RUS", title.sector)
    assert ms[0].rule == f"title:{title_id}"
