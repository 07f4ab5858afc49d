"""CSV (including broken quoting and multi-line fields) and Parquet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from khabar.ingest import read_sources
from khabar.model import Document, Reject, RejectReason

HEADER = "id,title,text,date,url,source\n"


def read(p: Path) -> list[Document | Reject]:
    """Everything read from one source."""
    return list(read_sources([p]))


def test_csv_rows_become_documents(tmp_path: Path) -> None:
    p = tmp_path / "n.csv"
    p.write_text(HEADER + 'c1,Title,"Body, with comma",2015-07-21,http://x/1,aawsat\nc2,,Plain body,,,\n')
    out = read(p)
    assert out[0] == Document("c1", "Title\nBody, with comma", date(2015, 7, 21), "http://x/1", "aawsat", f"{p}:2")
    assert out[1] == Document("c2", "Plain body", origin=f"{p}:3")


def test_csv_multiline_quoted_field(tmp_path: Path) -> None:
    p = tmp_path / "n.csv"
    p.write_text(HEADER + 'c1,,"para one\npara ""two""",,,\nc2,,next,,,\n')
    out = read(p)
    assert [(d.id, d.text, d.origin) for d in out if isinstance(d, Document)] == [
        ("c1", 'para one\npara "two"', f"{p}:2"),
        ("c2", "next", f"{p}:4"),
    ]


def test_csv_unclosed_quote_rejects_only_its_record(tmp_path: Path) -> None:
    p = tmp_path / "n.csv"
    rows = ["c1,,good one,,,", 'c2,,"broken quote starts here,,,', 'c3,,"quoted, fine",,,', "c4,,plain,,,"]
    p.write_text(HEADER + "\n".join(rows) + "\n")
    out = read(p)
    assert [r.id if isinstance(r, Document) else r.reason for r in out] == [
        "c1",
        RejectReason.MALFORMED,
        "c3",
        "c4",
    ]
    bad = out[1]
    assert isinstance(bad, Reject) and bad.origin == f"{p}:3"
    assert "quoting" in bad.detail and bad.sample == rows[1]


def test_csv_unclosed_quote_on_last_line(tmp_path: Path) -> None:
    p = tmp_path / "n.csv"
    p.write_text(HEADER + 'c1,,good,,,\nc2,,"never closed,,,\n')
    out = read(p)
    assert isinstance(out[0], Document)
    assert isinstance(out[1], Reject) and out[1].reason is RejectReason.MALFORMED


def test_csv_stray_quote_inside_field(tmp_path: Path) -> None:
    p = tmp_path / "n.csv"
    p.write_text(HEADER + 'c1,,"closed" then text,,,\nc2,,fine,,,\n')
    out = read(p)
    assert isinstance(out[0], Reject) and out[0].reason is RejectReason.MALFORMED
    assert isinstance(out[1], Document) and out[1].id == "c2"


def test_csv_wrong_field_count(tmp_path: Path) -> None:
    p = tmp_path / "n.csv"
    p.write_text(HEADER + "c1,,too,few\nc2,,fine,,,\n")
    out = read(p)
    assert isinstance(out[0], Reject) and "4 fields, header has 6" in out[0].detail
    assert isinstance(out[1], Document)


def test_csv_missing_id_is_derived(tmp_path: Path) -> None:
    p = tmp_path / "n.csv"
    p.write_text("text\nhello\n")
    (d,) = read(p)
    assert isinstance(d, Document) and d.id == "n.csv:2"


def test_csv_without_text_column_rejects_each_row(tmp_path: Path) -> None:
    p = tmp_path / "n.csv"
    p.write_text("id,body\n1,x\n2,y\n")
    assert [r.reason for r in read(p) if isinstance(r, Reject)] == [RejectReason.MISSING_FIELD] * 2


def test_empty_csv(tmp_path: Path) -> None:
    p = tmp_path / "n.csv"
    p.write_text("")
    (r,) = read(p)
    assert isinstance(r, Reject) and r.reason is RejectReason.EMPTY


def test_parquet(tmp_path: Path) -> None:
    p = tmp_path / "n.parquet"
    duckdb.connect().execute(
        f"COPY (SELECT * FROM (VALUES ('p1', 'T', 'body one', DATE '2015-07-21', 'ar'), "
        f"(NULL, NULL, 'body two', NULL, NULL), ('p3', NULL, NULL, NULL, NULL)) "
        f"AS t(id, title, text, date, lang)) TO '{p}' (FORMAT parquet)"
    )
    out = read(p)
    assert out[0] == Document("p1", "T\nbody one", date(2015, 7, 21), origin=f"{p}#1", lang="ar")
    assert isinstance(out[1], Document) and out[1].id == "n.parquet#2"
    assert isinstance(out[2], Reject) and (out[2].reason, out[2].origin) == (RejectReason.MISSING_FIELD, f"{p}#3")


def test_corrupt_parquet_is_one_reject(tmp_path: Path) -> None:
    p = tmp_path / "n.parquet"
    p.write_bytes(b"PAR1 this is not really parquet")
    (r,) = read(p)
    assert isinstance(r, Reject) and r.reason is RejectReason.MALFORMED


def test_csv_field_longer_than_csv_module_default(tmp_path: Path) -> None:
    p = tmp_path / "n.csv"
    p.write_text(f'id,text\nbig,"{"x" * 150_000}"\n')
    (d,) = read(p)
    assert isinstance(d, Document) and len(d.text) == 150_000
