"""Language identification: Persian vs Arabic from letters and function words; others rejected."""

from __future__ import annotations

from collections import Counter

import pytest

from khabar.model import Document, Reject, RejectReason
from khabar.text import analyse
from khabar.text.cues import rules
from khabar.text.langid import _score, _tables, identify
from khabar.text.normalize import fold, fold_key
from tests.text.helpers import AR, AR2, FA, FA2

OTHER = {"fa": "ar", "ar": "fa"}


def decide(text: str, hint: str | None = None) -> str | None:
    """The language identify() picks for a text."""
    return identify(text, fold(text).text, hint).lang


def reject(text: str, lang: str | None = None) -> Reject:
    """Analyse a text that must be rejected."""
    result = analyse(Document(id="t", text=text, lang=lang))
    assert isinstance(result, Reject), result
    return result


def test_persian_paragraph() -> None:
    assert decide(FA + " " + FA2) == "fa"


def test_arabic_paragraph() -> None:
    assert decide(AR + " " + AR2) == "ar"


def test_text_beats_a_wrong_hint_when_clear() -> None:
    assert decide(AR + " " + AR2, hint="fa") == "ar"
    assert decide(FA + " " + FA2, hint="ar") == "fa"


def test_persian_typed_with_arabic_yeh_and_kaf() -> None:
    text = "وزير امور خارجه ايران گفت که اين کشور آماده مذاكره است و برای همكاری با همسايگان تلاش می كند."
    assert decide(text) == "fa"


def test_arabic_with_a_persian_name() -> None:
    assert decide("وقال المتحدث باسم الخارجية ناصر كنعاني في مؤتمر صحفي إن الوفد سيزور بغداد.") == "ar"


def test_unclear_short_text_keeps_the_hint() -> None:
    assert decide("تهران", hint="ar") == "ar"
    assert decide("تهران", hint="fa") == "fa"


def test_english_is_rejected() -> None:
    r = reject("The Russian president spoke with his Turkish counterpart on Saturday about Karabakh.", "ar")
    assert r.reason is RejectReason.UNSUPPORTED_LANGUAGE
    assert "Latin" in r.detail


def test_urdu_is_rejected() -> None:
    r = reject("وزیر اعظم نے کہا کہ پاکستان اور ایران کے درمیان تجارت بڑھانے کے لیے اقدامات کیے جائیں گے۔", "fa")
    assert r.reason is RejectReason.UNSUPPORTED_LANGUAGE
    assert "Urdu" in r.detail


def test_sorani_kurdish_is_rejected() -> None:
    r = reject("سەرۆکی هەرێمی کوردستان لەگەڵ وەفدێکی ئێرانی کۆبووەوە و باسی پەیوەندییەکانی کرد.", "fa")
    assert r.reason is RejectReason.UNSUPPORTED_LANGUAGE
    assert "Kurdish" in r.detail


def test_russian_is_rejected() -> None:
    assert reject("Президент России провел телефонный разговор с президентом Турции.").reason is (
        RejectReason.UNSUPPORTED_LANGUAGE
    )


@pytest.mark.parametrize("text", ["", "   \n\t ", "12345 ... 678", "\u200c\u200c"])
def test_no_letters_is_empty(text: str) -> None:
    assert reject(text, "fa").reason is RejectReason.EMPTY


STOPWORDS = [(lang, w) for lang in ("fa", "ar") for w in sorted(rules(lang).stopwords)]


@pytest.mark.parametrize(("lang", "word"), STOPWORDS)
def test_each_stopword_votes_for_its_language_only(lang: str, word: str) -> None:
    tokens = [fold_key(word)] * 3
    assert _score(Counter(), tokens, rules(lang)) > 0
    assert _score(Counter(), tokens, rules(OTHER[lang])) == 0


MARKERS = [(lang, ch) for lang in ("fa", "ar") for ch in sorted(rules(lang).markers)]


@pytest.mark.parametrize(("lang", "letter"), MARKERS)
def test_each_marker_letter_votes_for_its_language(lang: str, letter: str) -> None:
    letters = Counter({letter: 5})
    assert _score(letters, [], rules(lang)) > _score(letters, [], rules(OTHER[lang]))


FOREIGN = sorted(_tables().foreign.items())


@pytest.mark.parametrize(("letter", "language"), FOREIGN)
def test_each_foreign_letter_rejects_the_text(letter: str, language: str) -> None:
    words = FA.split()
    text = " ".join(w + letter if i % 3 == 0 else w for i, w in enumerate(words))
    r = reject(text, "fa")
    assert r.reason is RejectReason.UNSUPPORTED_LANGUAGE
    assert language in r.detail


def test_a_stray_foreign_letter_is_tolerated() -> None:
    assert decide(FA + " " + FA2 + " " + FA + " ے") == "fa"


def test_arabic_article_with_many_english_names_is_kept() -> None:
    text = f"{AR} {AR2} Manchester United, Chelsea FC, Liverpool FC and Arsenal FC are in the league."
    assert decide(text) == "ar"


def test_mostly_english_text_with_an_arabic_title_is_rejected() -> None:
    text = "أفضل الأفلام\n" + "The Godfather | Francis Ford Coppola (USA) 1972. " * 6
    assert reject(text, "ar").reason is RejectReason.UNSUPPORTED_LANGUAGE


def test_short_persian_in_arabic_letters_keeps_the_persian_hint() -> None:
    text = "اين نمايشگاه يكشنبه آينده در تهران گشايش مي‌يابد و تا پايان ماه داير است."
    assert decide(text, hint="fa") == "fa"


def test_chinese_is_unsupported_not_empty() -> None:
    r = reject("普京周一在莫斯科会见了土耳其总统。双方讨论了地区局势。", "ar")
    assert r.reason is RejectReason.UNSUPPORTED_LANGUAGE
    assert "other-script" in r.detail


def test_hebrew_is_unsupported() -> None:
    r = reject("ראש הממשלה נפגש היום עם נשיא טורקיה בירושלים.", "ar")
    assert r.reason is RejectReason.UNSUPPORTED_LANGUAGE
