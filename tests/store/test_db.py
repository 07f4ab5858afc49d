"""The store on a real DuckDB file: idempotent batches, transactions, rejects, queries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from khabar.errors import StoreError
from khabar.model import (
    Actor,
    Analysis,
    DocResult,
    Document,
    Event,
    Mention,
    Reject,
    RejectReason,
    Sentence,
    Span,
    Story,
)
from khabar.store import queries
from khabar.store.db import Store

TEXT = "پوتین با اردوغان گفتگو کرد."


def result(doc_id: str = "d1", text: str = TEXT, event_id: str | None = "ev-1") -> DocResult:
    """A small hand-built pipeline result: one sentence, two mentions, one CONSULT."""
    doc = Document(doc_id, text, pub_date=date(2024, 3, 14), source="test")
    story = Story(0, 0, len(text), date(2024, 3, 14), [Sentence(0, 0, len(text), 0)])
    a = Analysis(doc, "fa", [story], pub_date=date(2024, 3, 14), outlet="outlet")
    putin = Mention(0, 5, "پوتین", Actor("RUS", "GOV", "Vladimir Putin"), 0)
    erdogan = Mention(9, 16, "اردوغان", Actor("TUR", "GOV", "Recep Tayyip Erdogan"), 0)
    ev = Event(doc_id, "CONSULT", [putin, erdogan], [], 0, 0, Span(17, 26), Span(0, len(text)), date=date(2024, 3, 13))
    ev.id = event_id  # type: ignore[assignment]
    return DocResult(a, [putin, erdogan], [], [ev])


def test_batch_is_stored_and_queryable(tmp_path: Path) -> None:
    with Store(tmp_path / "k.duckdb") as s:
        run = s.begin_run(["x"])
        c = s.write_batch([result()], [], run)
        assert (c.stored, c.events) == (1, 1)
        _, rows = queries.events(s, queries.EventFilter(code="TUR"))
        assert rows[0][1] == "CONSULT"
        assert rows[0][10] == TEXT
        objs = list(queries.plover_events(s, queries.EventFilter()))
        assert {e["code"] for e in objs[0]["actor"]} == {"RUS", "TUR"}
        assert objs[0]["text_info"] == {"start": 0, "end": len(TEXT), "text": TEXT}


def test_same_batch_twice_adds_nothing(tmp_path: Path) -> None:
    rej = Reject("f.jsonl:3", RejectReason.MALFORMED, "bad JSON", sample="{x")
    with Store(tmp_path / "k.duckdb") as s:
        s.write_batch([result()], [rej], s.begin_run(["x"]))
        before = s.counts()
        c = s.write_batch([result()], [rej], s.begin_run(["x"]))
        assert c.stored == 0 and c.skipped == 1
        after = s.counts()
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}


def test_failed_batch_leaves_nothing_half_written(tmp_path: Path) -> None:
    with Store(tmp_path / "k.duckdb") as s:
        run = s.begin_run(["x"])
        with pytest.raises(Exception):  # noqa: B017 - any database error; what matters is the rollback
            s.write_batch([result("d2", event_id=None)], [], run)
        assert s.counts()["documents"] == 0
        assert s.counts()["mentions"] == 0


def test_filters_are_parameters_not_sql(tmp_path: Path) -> None:
    with Store(tmp_path / "k.duckdb") as s:
        s.write_batch([result()], [], s.begin_run(["x"]))
        _, rows = queries.events(s, queries.EventFilter(actor="x' OR '1'='1"))
        assert rows == []
        _, rows = queries.events(s, queries.EventFilter(actor="putin", since=date(2024, 3, 1)))
        assert len(rows) == 1


def test_read_only_open_of_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_not_a_store(tmp_path: Path) -> None:
    p = tmp_path / "junk.duckdb"
    p.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store(p)


@pytest.mark.parametrize("fmt", ["plover", "csv", "parquet"])
def test_export_formats(tmp_path: Path, fmt: str) -> None:
    with Store(tmp_path / "k.duckdb") as s:
        s.write_batch([result()], [], s.begin_run(["x"]))
        out = tmp_path / f"out.{fmt}"
        assert queries.export(s, fmt, out, queries.EventFilter()) == 1
        assert out.stat().st_size > 0
        if fmt == "parquet":
            (n,) = s.con.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchone()  # type: ignore[misc]
            assert n == 1
