"""Inputs that fuzzing (fuzz/run.sh) or hypothesis once broke, kept as regression tests."""

from __future__ import annotations

import codecs

import pytest

from khabar.ingest.decode import decode_bytes
from khabar.model import Document, Reject, RejectReason
from khabar.pipeline import process
from tests.robustness.corpus import fa_text


def test_utf16_le_text_starting_with_nul_is_not_taken_for_utf32() -> None:
    # hypothesis: FF FE 00 00 is the UTF-32-LE BOM, but also UTF-16-LE (BOM) whose first character is NUL.
    text = "\x00" + fa_text(1)
    d = decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert d.text == text and d.encoding == "utf-16-le"


def test_utf16_bom_and_a_lone_nul_is_binary_not_undecodable() -> None:
    d = decode_bytes(codecs.BOM_UTF16_LE + "\x000".encode("utf-16-le"))
    assert d.text is None and d.reason is RejectReason.BINARY


@pytest.mark.parametrize(
    "text",
    [
        "\u0640" * 50,  # tatweel only: no letters
        "پوتین.ـپوتین",  # a tatweel starting a sentence is trimmed, not a word
        "\ufeff" * 3 + fa_text(2),  # stray byte-order marks inside decoded text
        fa_text(3) + "\ud800",  # a lone surrogate (from broken JSON escapes) at the end
        "«" * 200 + fa_text(4) + "»" * 200,  # unbalanced quote runs
        "۱۴۰۲/۰۷/۰۵ " * 100,  # a text of dates only
    ],
)
def test_odd_texts_never_crash_the_pipeline(text: str) -> None:
    out = process(Document("odd", text))
    assert not (isinstance(out, Reject) and out.reason is RejectReason.INTERNAL_ERROR), out
