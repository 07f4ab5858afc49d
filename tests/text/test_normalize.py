"""fold(): letter unification, offsets back to raw text, idempotence, equality with the reference loop."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.normalize import (
    Folded,
    at_word_boundary,
    fold,
    fold_char,
    fold_key,
    space_variants,
)

# Characters that exercise every branch: invisibles, diacritics, hamza, letter variants,
# digits, spaces, newlines, presentation forms (incl. multi-letter and unassigned ones).
TRICKY = (
    " \t\n\r\u00a0\u2009\u200c\u200d\u200e\u200f\u061c\ufeff\u00ad\u0640\u064b\u064e\u0651\u0670"
    "\u0621\u0623\u0625\u0622\u0624\u0626\u064a\u0649\u0643\u0629\u06c0\u06cc\u06a9\u0647\u0627"
    "\u06f1\u0661\u066b\u00ab\u00bb\u2013\ufdfa\ufe70\ufefb\ufb8a\ufdd0\ufe75\u0130Ab.x\x00"
)
tricky_text = st.text(alphabet=TRICKY, max_size=40)
any_text = st.one_of(st.text(max_size=60), tricky_text)


def reference_fold(raw: str, start: int = 0, end: int | None = None) -> tuple[str, tuple[int, ...]]:
    """The plain per-character algorithm fold() must agree with."""
    stop = len(raw) if end is None else end
    out: list[str] = []
    index: list[int] = []
    prev_space = True
    for i in range(start, stop):
        f = fold_char(raw[i])
        if not f:
            continue
        if f == " ":
            if prev_space:
                continue
            prev_space = True
        else:
            prev_space = f == "\n"
        out.append(f)
        index.extend([i] * len(f))
    text = "".join(out)
    while text.endswith(" "):
        text = text[:-1]
        index.pop()
    return text, tuple(index)


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("علي", "علی"),  # Arabic yeh -> Persian yeh
        ("كتاب", "کتاب"),  # Arabic kaf -> keheh
        ("مدرسة", "مدرسه"),  # teh marbuta -> heh
        ("أحمد إيران آمریکا", "احمد ایران امریکا"),  # hamza-carrying alefs
        ("رئیس", "رییس"),
        ("مؤتمر", "موتمر"),
        ("می‌شود", "میشود"),  # ZWNJ removed
        ("مُحَمَّد", "محمد"),  # diacritics removed
        ("خـــبر", "خبر"),  # tatweel removed
        ("۱۴۰۲/۰۶/۰۴", "1402/06/04"),
        ("٢٠٢٣", "2023"),
        ("«تاس»", '"تاس"'),
        ("  a   b  ", "a b"),
        ("Putin", "putin"),
        ("ﻻ", "لا"),  # presentation-form ligature
    ],
)
def test_fold_examples(raw: str, folded: str) -> None:
    assert fold(raw).text == folded


def test_fold_keeps_newlines_and_drops_spaces_after_them() -> None:
    f = fold("الف \n  ب\n\nج")
    assert f.text == "الف \nب\n\nج"


def test_raw_span_maps_back_over_removed_characters() -> None:
    raw = "گفت‌وگوی  رئیس‌جمهور"
    f = fold(raw)
    i = f.text.index("رییس")
    s, e = f.raw_span(i, len(f.text))
    assert raw[s:e] == "رئیس‌جمهور"


def test_fold_of_a_slice_uses_offsets_of_the_whole_text() -> None:
    raw = "xx سلام دنیا"
    f = fold(raw, 3, 7)
    assert f.text == "سلام"
    assert f.index[0] == 3
    assert f.raw_length == 7


def test_folded_offset_inverts_raw_offset() -> None:
    raw = "a  b\u200cc"
    f = fold(raw)
    for i in range(len(f.text)):
        assert f.folded_offset(f.raw_offset(i)) == i


def test_unassigned_presentation_form_does_not_recurse() -> None:
    assert fold_char("\ufdd0") == "\ufdd0"


def test_fold_key_strips_and_folds() -> None:
    assert fold_key("  رئيس الجمهورية ") == "رییس الجمهوریه"


def test_space_variants_drop_inner_spaces() -> None:
    assert space_variants("a b c") == ["a b c", "ab c", "a bc", "abc"]


def test_word_boundary() -> None:
    assert at_word_boundary("x ab y", 2, 4)
    assert not at_word_boundary("xab y", 1, 3)


@given(any_text)
def test_fold_never_raises_and_index_is_consistent(raw: str) -> None:
    f = fold(raw)
    assert isinstance(f, Folded)
    assert len(f.index) == len(f.text)
    assert list(f.index) == sorted(f.index)
    assert all(0 <= i < len(raw) for i in f.index)


@given(any_text)
def test_offsets_point_at_the_same_characters(raw: str) -> None:
    f = fold(raw)
    for i, ch in enumerate(f.text):
        assert ch in fold_char(raw[f.index[i]])


@given(any_text)
def test_raw_span_stays_inside_the_raw_text(raw: str) -> None:
    f = fold(raw)
    for i in range(len(f.text) + 1):
        s, e = f.raw_span(0, i)
        assert 0 <= s <= e <= len(raw)


@given(any_text)
def test_fold_is_idempotent(raw: str) -> None:
    once = fold(raw).text
    assert fold(once).text == once


@settings(max_examples=300)
@given(any_text, st.integers(0, 70), st.integers(0, 70))
def test_fast_fold_equals_reference(raw: str, a: int, b: int) -> None:
    f = fold(raw)
    assert (f.text, tuple(f.index)) == reference_fold(raw)
    start, end = sorted((min(a, len(raw)), min(b, len(raw))))
    g = fold(raw, start, end)
    assert (g.text, tuple(g.index)) == reference_fold(raw, start, end)
    assert g.raw_length == end
