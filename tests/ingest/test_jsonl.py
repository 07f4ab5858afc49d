"""JSON Lines: plain, gzipped, .json lines, malformed lines among good ones, limits, encodings."""

from __future__ import annotations

import codecs
import gzip
import json
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from khabar.ingest import read_sources
from khabar.model import Document, Reject, RejectReason
from khabar.settings import Limits

ROWS = [
    {"id": "a1", "title": "عنوان", "text": "متن خبر اول", "date": "2015-07-21", "source": "farsnews", "lang": "fa"},
    {"id": "a2", "text": "متن خبر دوم"},
]


def jsonl(rows: Sequence[Mapping[str, object]]) -> str:
    """Rows as JSON Lines text."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def test_jsonl_yields_one_document_per_line(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl"
    p.write_text(jsonl(ROWS), encoding="utf-8")
    out = list(read_sources([p]))
    assert [d.id for d in out if isinstance(d, Document)] == ["a1", "a2"]
    assert out[0] == Document("a1", "عنوان\nمتن خبر اول", date(2015, 7, 21), None, "farsnews", f"{p}:1", "fa")


def test_jsonl_gz(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl.gz"
    p.write_bytes(gzip.compress(jsonl(ROWS).encode()))
    out = list(read_sources([p]))
    assert [(d.id, d.origin) for d in out if isinstance(d, Document)] == [("a1", f"{p}:1"), ("a2", f"{p}:2")]


def test_json_extension_is_read_as_lines(tmp_path: Path) -> None:
    p = tmp_path / "n.json"
    p.write_text(jsonl(ROWS), encoding="utf-8")
    assert len([d for d in read_sources([p]) if isinstance(d, Document)]) == 2


def test_malformed_lines_are_rejected_and_good_lines_kept(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl"
    good = jsonl(ROWS).splitlines()
    p.write_text("\n".join([good[0], '{"id": "x", "text": "unterminated', good[1], "not json at all"]) + "\n")
    out = list(read_sources([p]))
    assert [type(r).__name__ for r in out] == ["Document", "Reject", "Document", "Reject"]
    bad = out[1]
    assert isinstance(bad, Reject)
    assert (bad.reason, bad.origin) == (RejectReason.MALFORMED, f"{p}:2")
    assert bad.detail.startswith("line 2: invalid JSON")
    assert bad.sample == '{"id": "x", "text": "unterminated'


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl"
    p.write_text("\n" + jsonl(ROWS[:1]) + "  \n")
    assert len(list(read_sources([p]))) == 1


def test_line_over_limit_is_rejected_and_reading_continues(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl"
    long_row = {"id": "big", "text": "x" * 5000}
    p.write_text(jsonl([ROWS[0], long_row, ROWS[1]]))
    out = list(read_sources([p], Limits(max_line_chars=1000)))
    assert [type(r).__name__ for r in out] == ["Document", "Reject", "Document"]
    r = out[1]
    assert isinstance(r, Reject)
    assert (r.reason, r.origin) == (RejectReason.LINE_TOO_LONG, f"{p}:2")
    assert r.sample is not None and len(r.sample) <= 200


def test_line_over_limit_in_characters_but_not_in_read_bytes(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl"
    p.write_text(jsonl([{"id": "big", "text": "x" * 1500}]))
    out = list(read_sources([p], Limits(max_line_chars=1000)))
    assert [r.reason for r in out if isinstance(r, Reject)] == [RejectReason.LINE_TOO_LONG]


def test_utf16_jsonl_with_bom(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl"
    p.write_bytes(codecs.BOM_UTF16_LE + jsonl(ROWS).encode("utf-16-le"))
    assert [d.id for d in read_sources([p]) if isinstance(d, Document)] == ["a1", "a2"]


def test_utf8_bom_jsonl(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl"
    p.write_bytes(codecs.BOM_UTF8 + jsonl(ROWS).encode())
    assert [d.id for d in read_sources([p]) if isinstance(d, Document)] == ["a1", "a2"]


def test_windows_1256_line(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl"
    p.write_bytes(jsonl([{"id": "w", "text": "قال الوزير إن المفاوضات ستستمر"}]).encode("cp1256"))
    (d,) = list(read_sources([p]))
    assert isinstance(d, Document) and d.text == "قال الوزير إن المفاوضات ستستمر"


def test_invalid_utf8_line_is_undecodable(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl"
    p.write_bytes(jsonl(ROWS[:1]).encode() + '{"id": "l", "text": "déclaré à Genève"}\n'.encode("latin-1"))
    out = list(read_sources([p]))
    assert isinstance(out[0], Document)
    assert isinstance(out[1], Reject) and out[1].reason is RejectReason.UNDECODABLE
    assert out[1].origin == f"{p}:2"


def test_truncated_gzip_yields_good_lines_then_one_reject(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl.gz"
    data = gzip.compress(jsonl([{"id": f"r{i}", "text": f"text number {i} " * 20} for i in range(200)]).encode())
    p.write_bytes(data[: len(data) // 2])
    out = list(read_sources([p]))
    assert all(isinstance(r, Document) for r in out[:-1]) and len(out) > 1
    assert isinstance(out[-1], Reject) and out[-1].reason is RejectReason.MALFORMED
    assert "truncated" in out[-1].detail


def test_json_array_file(tmp_path: Path) -> None:
    p = tmp_path / "n.json"
    p.write_text(json.dumps(ROWS, ensure_ascii=False, indent=2))
    out = list(read_sources([p]))
    assert [(d.id, d.origin) for d in out if isinstance(d, Document)] == [("a1", f"{p}#1"), ("a2", f"{p}#2")]


def test_lone_surrogate_escape_is_replaced(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl"
    p.write_text('{"id": "s", "text": "bad \\ud800 char, good \\ud83d\\ude00"}\n')
    (d,) = list(read_sources([p]))
    assert isinstance(d, Document) and d.text == "bad \ufffd char, good \U0001f600"


def test_not_really_gzip_is_one_reject(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl.gz"
    p.write_text(jsonl(ROWS))
    (r,) = list(read_sources([p]))
    assert isinstance(r, Reject) and r.reason is RejectReason.MALFORMED and "Gzip" in r.detail
