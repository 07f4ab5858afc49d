"""Lexicon: folded keys, word boundaries, proclitics, suffixes, stems, no-space variants, longest match."""

from __future__ import annotations

from khabar.text.lexicon import Affixes, Hit, Lexicon, longest_first
from khabar.text.normalize import fold


def hits(lex: Lexicon[str], raw: str) -> list[tuple[str, str]]:
    """(raw text of the hit's word, payload) of every hit, longest first."""
    f = fold(raw)
    out = []
    for h in lex.find(f.text):
        s, e = f.raw_span(h.word_start, h.word_end)
        out.append((raw[s:e], h.payload))
    return out


def test_matches_across_letter_variants() -> None:
    lex: Lexicon[str] = Lexicon()
    lex.add("رئيس الجمهورية", "president")
    assert hits(lex, "قال رئیس الجمهوریة أمس") == [("رئیس الجمهوریة", "president")]


def test_requires_word_boundaries() -> None:
    lex: Lexicon[str] = Lexicon()
    lex.add("ایران", "IRN")
    assert hits(lex, "ایرانی") == []
    assert hits(lex, "به ایران رفت") == [("ایران", "IRN")]


def test_allowed_proclitic_and_suffix() -> None:
    lex: Lexicon[str] = Lexicon(Affixes.of(prefixes=["و", "ال"], suffixes=["ی", "ها"]))
    lex.add("روسیه", "RUS")
    assert hits(lex, "وروسیه") == [("وروسیه", "RUS")]
    assert hits(lex, "روسیهها") == [("روسیهها", "RUS")]
    assert hits(lex, "بروسیه") == []


def test_stem_allows_any_tail() -> None:
    lex: Lexicon[str] = Lexicon()
    lex.add("اقرأ المزيد", "more", stem=True)
    assert hits(lex, "إقرأ المزيدوأوضحت") == [("إقرأ المزيدوأوضحت", "more")]


def test_no_space_variant_matches() -> None:
    lex: Lexicon[str] = Lexicon()
    lex.add("رئیس جمهور", "president")
    assert hits(lex, "رئیسجمهور روسیه") == [("رئیسجمهور", "president")]
    assert hits(lex, "رئیس‌جمهور روسیه") == [("رئیس‌جمهور", "president")]


def test_longest_match_wins_and_same_span_payloads_are_kept() -> None:
    lex: Lexicon[str] = Lexicon()
    lex.add("وزیر", "minister")
    lex.add("وزیر خارجه", "fm")
    lex.add("وزیر خارجه", "fm2")
    assert sorted(p for _, p in hits(lex, "وزیر خارجه گفت")) == ["fm", "fm2"]


def test_longest_first_drops_overlaps() -> None:
    a = Hit(0, 5, 0, 5, "aaaaa", "a")
    b = Hit(3, 6, 3, 6, "bbb", "b")
    c = Hit(6, 8, 6, 8, "cc", "c")
    assert [h.payload for h in longest_first([b, a, c])] == ["a", "c"]


def test_empty_lexicon_and_empty_key() -> None:
    lex: Lexicon[str] = Lexicon()
    lex.add("   ", "nothing")
    assert len(lex) == 0
    assert lex.find("متن") == []
