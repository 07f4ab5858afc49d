"""Bytes to text: BOMs, UTF-8, Windows-1256 Arabic, binary detection; never raises."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from khabar.model import RejectReason

SAMPLE_CHARS = 200
_SNIFF = 4096
_CONTROL_RATIO = 0.10
_ARABIC_RATIO = 0.5
_MIN_ARABIC_LETTERS = 3
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\x0c\x0b\x1b")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of a byte payload, or why there is none (reason + detail)."""

    text: str | None
    encoding: str = ""
    reason: RejectReason | None = None
    detail: str = ""


def sample_of(data: bytes | str) -> str:
    """A short printable sample of a payload for the analyst (first 200 characters)."""
    text = data if isinstance(data, str) else data[: SAMPLE_CHARS * 4].decode("utf-8", "replace")
    return text[:SAMPLE_CHARS].rstrip("\r\n")


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces and the BOM length, if the data starts with one."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def control_ratio(data: bytes) -> float:
    """Share of control bytes (other than tab/newline/CR/FF/VT/ESC) in the first 4 KB."""
    head = data[:_SNIFF]
    if not head:
        return 0.0
    bad = sum(1 for b in head if (b < 0x20 and b not in _ALLOWED_CONTROLS) or b == 0x7F)
    return bad / len(head)


def looks_binary(data: bytes) -> str | None:
    """Why a BOM-less payload looks binary (NUL bytes, many control bytes), or None."""
    head = data[:_SNIFF]
    nul = head.find(b"\x00")
    if nul >= 0:
        return f"NUL byte at offset {nul}"
    ratio = control_ratio(head)
    if ratio > _CONTROL_RATIO:
        return f"{ratio:.0%} control bytes in the first {len(head)} bytes"
    return None


def arabic_letter_ratio(text: str) -> tuple[float, int]:
    """Share of letters in the first 4 KB that are Arabic-script letters, and their count."""
    letters = [c for c in text[:_SNIFF] if c.isalpha()]
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    return (arabic / len(letters) if letters else 0.0), arabic


def _utf8_error(data: bytes) -> str:
    """Where and why a payload is not UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"invalid UTF-8 byte 0x{data[exc.start]:02x} at offset {exc.start} ({exc.reason})"
    return "valid UTF-8"


def _decode_cp1256(data: bytes) -> str | None:
    """The payload as Windows-1256 when that gives mostly Arabic letters, else None."""
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return None
    ratio, count = arabic_letter_ratio(text)
    return text if ratio >= _ARABIC_RATIO and count >= _MIN_ARABIC_LETTERS else None


def _decode_bom(data: bytes, enc: str, skip: int) -> Decoded:
    """Decode a payload that starts with a byte-order mark (FF FE 00 00 may also be UTF-16-LE starting with NUL)."""
    try:
        return Decoded(data[skip:].decode(enc), enc)
    except UnicodeDecodeError as exc:
        if enc == "utf-32-le":
            return _decode_bom(data, "utf-16-le", len(codecs.BOM_UTF16_LE))
        return Decoded(None, enc, RejectReason.UNDECODABLE, f"{enc} BOM but invalid {enc} at offset {exc.start + skip}")


def _bomless_utf16(data: bytes) -> str | None:
    """utf-16-le/-be when a BOM-less payload's NUL bytes all sit at odd/even offsets (UTF-16 text), else None."""
    head = data[: _SNIFF - _SNIFF % 2]
    if len(data) % 2 or not head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0 and even == 0:
        return "utf-16-le"
    if even > 0 and odd == 0:
        return "utf-16-be"
    return None


def _control_chars(text: str) -> float:
    """Share of control characters (Unicode category Cc, minus whitespace) in the first 4 KB of text."""
    head = text[:_SNIFF]
    if not head:
        return 0.0
    bad = sum(1 for c in head if unicodedata.category(c) == "Cc" and c not in "\t\n\r\x0b\x0c\x1b")
    return bad / len(head)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a byte payload: BOM, UTF-8, then Windows-1256 Arabic; else a reason (binary/undecodable/empty)."""
    bom = bom_encoding(data)
    decoded = _decode_bom(data, *bom) if bom is not None else _decode_bomless(data)
    if decoded.text is not None:
        if _control_chars(decoded.text) > _CONTROL_RATIO:
            return Decoded(None, decoded.encoding, RejectReason.BINARY, "binary content: many control characters")
        if not decoded.text.strip():
            return Decoded(None, decoded.encoding, RejectReason.EMPTY, "empty or whitespace-only content")
    return decoded


def _decode_bomless(data: bytes) -> Decoded:
    """Decode a BOM-less payload: BOM-less UTF-16 or binary when it has NULs/control bytes, else plain."""
    why_binary = looks_binary(data)
    if why_binary is None:
        return _decode_plain(data)
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    return Decoded(None, "", RejectReason.BINARY, f"binary content: {why_binary}")


def _decode_plain(data: bytes) -> Decoded:
    """Decode a BOM-less, non-binary payload: UTF-8, else Windows-1256 Arabic, else undecodable."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = _decode_cp1256(data)
    if text is not None:
        return Decoded(text, "cp1256")
    return Decoded(None, "", RejectReason.UNDECODABLE, f"{_utf8_error(data)}; not Windows-1256 Arabic either")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTTP Content-Type or an HTML <meta> in the first 4 KB declares, if any."""
    m = _CHARSET.search(data[:_SNIFF])
    if m is None:
        return None
    name = m.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_with_declared(data: bytes, declared: str | None) -> Decoded:
    """Decode by detection first (UTF-8 and BOMs are unambiguous); fall back to a declared charset."""
    decoded = decode_bytes(data)
    if decoded.reason is not RejectReason.UNDECODABLE or declared is None:
        return decoded
    try:
        text = data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return decoded
    return Decoded(text, declared) if text.strip() else decoded
