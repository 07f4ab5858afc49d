"""Decoding of byte payloads: BOMs, UTF-8, Windows-1256 Arabic, binary, undecodable, empty."""

from __future__ import annotations

import codecs

from khabar.ingest.decode import decode_bytes, sample_of
from khabar.model import RejectReason

ARABIC = "قال وزير الخارجية إن المفاوضات ستستمر الأسبوع المقبل"
PERSIAN = "وزیر امور خارجه گفت مذاکرات هفته آینده ادامه می‌یابد"


def test_utf8() -> None:
    d = decode_bytes(PERSIAN.encode("utf-8"))
    assert (d.text, d.encoding) == (PERSIAN, "utf-8")


def test_utf8_with_bom_drops_the_bom() -> None:
    d = decode_bytes(codecs.BOM_UTF8 + ARABIC.encode("utf-8"))
    assert d.text == ARABIC


def test_utf16_le_with_bom() -> None:
    d = decode_bytes(codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"))
    assert (d.text, d.encoding) == (ARABIC, "utf-16-le")


def test_utf16_be_with_bom() -> None:
    d = decode_bytes(codecs.BOM_UTF16_BE + PERSIAN.encode("utf-16-be"))
    assert (d.text, d.encoding) == (PERSIAN, "utf-16-be")


def test_windows_1256_arabic() -> None:
    d = decode_bytes(ARABIC.encode("cp1256"))
    assert (d.text, d.encoding) == (ARABIC, "cp1256")


def test_invalid_utf8_latin_text_is_undecodable() -> None:
    d = decode_bytes("Le ministre a déclaré à Genève que les négociations".encode("latin-1"))
    assert d.text is None
    assert d.reason is RejectReason.UNDECODABLE
    assert "invalid UTF-8 byte 0xe9" in d.detail


def test_nul_bytes_are_binary() -> None:
    d = decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert d.reason is RejectReason.BINARY
    assert "NUL" in d.detail


def test_many_control_bytes_are_binary() -> None:
    d = decode_bytes(bytes([1, 2, 3, 4, 5, 6, 65]) * 50)
    assert d.reason is RejectReason.BINARY


def test_whitespace_only_is_empty() -> None:
    assert decode_bytes(b"  \n\t \r\n").reason is RejectReason.EMPTY


def test_zero_bytes_are_empty() -> None:
    assert decode_bytes(b"").reason is RejectReason.EMPTY


def test_sample_is_cut_to_200_chars() -> None:
    assert len(sample_of(("x" * 500).encode())) == 200


def test_utf16_le_without_bom() -> None:
    text = "Tehran, 21 July: " + PERSIAN
    d = decode_bytes(text.encode("utf-16-le"))
    assert (d.text, d.encoding) == (text, "utf-16-le")


def test_utf16_be_without_bom() -> None:
    text = "Riyadh 2015: " + ARABIC
    d = decode_bytes(text.encode("utf-16-be"))
    assert (d.text, d.encoding) == (text, "utf-16-be")
