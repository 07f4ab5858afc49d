"""One input record (id, text, title?, date?, url?, source?, lang?) to a Document or a Reject."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from khabar.ingest.decode import SAMPLE_CHARS, decode_bytes
from khabar.model import Document, Reject, RejectReason
from khabar.settings import Limits

_MIN_YEAR = 1800
_MAX_YEAR = 2200


def _plausible(d: date) -> date | None:
    """The date when its year is plausible for news, else None."""
    return d if _MIN_YEAR <= d.year <= _MAX_YEAR else None


def parse_date(value: object) -> date | None:
    """A publication date from an ISO date/datetime or an RFC 2822 string; None when unparsable."""
    if isinstance(value, datetime):
        return _plausible(value.date())
    if isinstance(value, date):
        return _plausible(value)
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    if len(s) >= 10 and s[4] in "-/." and s[:4].isdigit():
        iso = s.replace("/", "-").replace(".", "-", 2) if s[4] != "-" else s
        for text in (iso, iso[:10]):
            try:
                return _plausible(datetime.fromisoformat(text).date())
            except ValueError:
                continue
    try:
        return _plausible(parsedate_to_datetime(s).date())
    except (TypeError, ValueError, IndexError):
        return None


def text_field(value: object) -> str | None:
    """A string field as text: str kept, bytes decoded, numbers stringified, anything else None."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray):
        return decode_bytes(bytes(value)).text
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _optional(rec: Mapping[str, object], key: str) -> str | None:
    """An optional string field, stripped; None when absent or blank."""
    value = text_field(rec.get(key))
    if value is None:
        return None
    value = value.strip()
    return value or None


def _reject(origin: str, reason: RejectReason, detail: str, rid: str | None, sample: str | None) -> Reject:
    """A reject with its sample cut to the standard length."""
    return Reject(origin, reason, detail, record_id=rid, sample=sample[:SAMPLE_CHARS] if sample else None)


def _body(rec: Mapping[str, object], origin: str, rid: str) -> str | Reject:
    """The record's text field, or why it cannot be used."""
    raw = rec.get("text")
    if raw is None:
        return _reject(origin, RejectReason.MISSING_FIELD, "record has no 'text' field", rid, str(dict(rec))[:200])
    if isinstance(raw, bytes | bytearray):
        decoded = decode_bytes(bytes(raw))
        if decoded.text is None:
            assert decoded.reason is not None
            return _reject(origin, decoded.reason, f"'text' field: {decoded.detail}", rid, None)
        return decoded.text
    if not isinstance(raw, str):
        return _reject(origin, RejectReason.MALFORMED, f"'text' is {type(raw).__name__}, not a string", rid, str(raw))
    if not raw.strip():
        return _reject(origin, RejectReason.EMPTY, "'text' is empty or whitespace-only", rid, None)
    return raw


def longest_line(text: str) -> int:
    """The length in characters of the longest line of a text."""
    return max(map(len, text.splitlines()), default=0)


def to_document(rec: object, origin: str, derived_id: str, limits: Limits) -> Document | Reject:
    """Map one record to a Document (title joined, date parsed) or a Reject with a specific reason."""
    if not isinstance(rec, Mapping):
        return _reject(origin, RejectReason.MALFORMED, f"expected an object, got {type(rec).__name__}", None, str(rec))
    rid = _optional(rec, "id") or derived_id
    body = _body(rec, origin, rid)
    if isinstance(body, Reject):
        return body
    title = _optional(rec, "title")
    text = f"{title}\n{body}" if title else body
    if len(text) > limits.max_document_chars:
        detail = f"{len(text):,} characters > limit {limits.max_document_chars:,}"
        return _reject(origin, RejectReason.TOO_LARGE, detail, rid, text)
    longest = longest_line(text) if len(text) > limits.max_line_chars else 0
    if longest > limits.max_line_chars:
        detail = f"a line of the text has {longest:,} characters > limit {limits.max_line_chars:,}"
        return _reject(origin, RejectReason.LINE_TOO_LONG, detail, rid, text)
    return Document(
        id=rid,
        text=text,
        pub_date=parse_date(rec.get("date")),
        url=_optional(rec, "url"),
        source=_optional(rec, "source"),
        origin=origin,
        lang=_optional(rec, "lang"),
    )
