"""Record contract: title joining, id derivation, dates, missing/empty/too-large records."""

from __future__ import annotations

from datetime import date

import pytest

from khabar.ingest.records import parse_date, to_document
from khabar.model import Document, Reject, RejectReason
from khabar.settings import Limits

LIMITS = Limits()


def doc(rec: object, limits: Limits = LIMITS) -> Document:
    """The record as a Document (fails the test on a Reject)."""
    out = to_document(rec, "f.jsonl:3", "f.jsonl:3", limits)
    assert isinstance(out, Document), out
    return out


def reject(rec: object, limits: Limits = LIMITS) -> Reject:
    """The record as a Reject (fails the test on a Document)."""
    out = to_document(rec, "f.jsonl:3", "f.jsonl:3", limits)
    assert isinstance(out, Reject), out
    return out


def test_title_is_joined_before_text() -> None:
    assert doc({"id": "a", "title": " Title ", "text": "Body."}).text == "Title\nBody."


def test_no_title_keeps_text() -> None:
    assert doc({"id": "a", "title": "", "text": "Body."}).text == "Body."


def test_missing_id_is_derived_from_file_and_line() -> None:
    assert doc({"text": "Body."}).id == "f.jsonl:3"


def test_numeric_id_becomes_a_string() -> None:
    assert doc({"id": 17, "text": "Body."}).id == "17"


def test_fields_pass_through() -> None:
    d = doc({"id": "a", "text": "B", "url": "http://x/1", "source": "farsnews", "lang": "fa", "date": "2015-07-21"})
    assert (d.url, d.source, d.lang, d.pub_date, d.origin) == (
        "http://x/1",
        "farsnews",
        "fa",
        date(2015, 7, 21),
        "f.jsonl:3",
    )


def test_missing_text_is_missing_field() -> None:
    r = reject({"id": "a", "title": "T"})
    assert (r.reason, r.record_id) == (RejectReason.MISSING_FIELD, "a")
    assert "'text'" in r.detail


def test_whitespace_text_is_empty() -> None:
    assert reject({"id": "a", "text": " \n "}).reason is RejectReason.EMPTY


def test_non_string_text_is_malformed() -> None:
    assert reject({"id": "a", "text": ["x"]}).reason is RejectReason.MALFORMED


def test_non_object_record_is_malformed() -> None:
    r = reject([1, 2])
    assert r.reason is RejectReason.MALFORMED
    assert "list" in r.detail


def test_over_max_document_chars_is_too_large() -> None:
    r = reject({"id": "a", "text": "x" * 101}, Limits(max_document_chars=100))
    assert r.reason is RejectReason.TOO_LARGE
    assert r.sample == "x" * 101


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-07-21", date(2015, 7, 21)),
        ("2015-07-21T10:00:00Z", date(2015, 7, 21)),
        ("2015-07-21T23:30:00+03:30", date(2015, 7, 21)),
        ("2015-07-21 10:00:00", date(2015, 7, 21)),
        ("2015/07/21", date(2015, 7, 21)),
        ("Fri, 11 Aug 2017 15:22:08 GMT", date(2017, 8, 11)),
        ("2015-07-21T10:00:00.123456 extra", date(2015, 7, 21)),
        ("yesterday", None),
        ("2015-13-45", None),
        ("", None),
        (None, None),
        (20150721, None),
    ],
)
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_unparsable_date_is_none_not_a_reject() -> None:
    assert doc({"id": "a", "text": "B", "date": "1394/05/01?"}).pub_date is None
