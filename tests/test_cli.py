"""The CLI end to end on a real DuckDB file in a temp dir."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from khabar.cli import EXIT_REJECTS, cli
from khabar.store.db import Store


def invoke(*args: str) -> tuple[int, str]:
    """Run a khabar command; return exit code and stdout."""
    res = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return res.exit_code, res.output


def test_run_examples_then_events_as_jsonl(tmp_path: Path, examples: Path) -> None:
    db = str(tmp_path / "k.duckdb")
    code, _ = invoke("run", str(examples), "--db", db, "-q")
    assert code == 0
    code, out = invoke("events", "--db", db, "--json", "--limit", "0")
    assert code == 0
    evs = [json.loads(line) for line in out.splitlines()]
    assert {e["doc_id"] for e in evs} == {p.name for p in examples.glob("*.txt")}
    for e in evs:
        start, end = e["text_info"]["start"], e["text_info"]["end"]
        raw = (examples / e["doc_id"]).read_text(encoding="utf-8")
        assert raw[start:end] == e["text_info"]["text"]


def counts(db: str) -> dict[str, int]:
    """Row counts of every table but the runs log."""
    with Store(db, read_only=True) as s:
        return {k: v for k, v in s.counts().items() if k != "runs"}


def test_second_run_adds_nothing(tmp_path: Path, examples: Path) -> None:
    db = str(tmp_path / "k.duckdb")
    invoke("run", str(examples), "--db", db, "-q")
    first = counts(db)
    assert first["documents"] == 5
    invoke("run", str(examples), "--db", db, "-q")
    assert counts(db) == first


def test_rejects_are_kept_and_exit_code_says_so(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    good = {"id": "a", "text": "پوتین با اردوغان در آنکارا دیدار کرد.", "date": "2024-01-02"}
    src.write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    db = str(tmp_path / "k.duckdb")
    code, _ = invoke("run", str(src), "--db", db, "-q")
    assert code == EXIT_REJECTS
    code, out = invoke("rejects", "--db", db, "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["reason"] for r in rows] == ["malformed"]
    _, stats = invoke("stats", "--db", db)
    assert "documents 1" in stats


def test_export_writes_each_format(tmp_path: Path, examples: Path) -> None:
    db = str(tmp_path / "k.duckdb")
    invoke("run", str(examples), "--db", db, "-q")
    for fmt in ("plover", "csv", "parquet"):
        out = tmp_path / f"ev.{fmt}"
        code, _ = invoke("export", "--db", db, "--format", fmt, "-o", str(out))
        assert code == 0 and out.stat().st_size > 0


def test_missing_source_is_a_usage_error(tmp_path: Path) -> None:
    code, _ = invoke("run", str(tmp_path / "nope"), "--db", str(tmp_path / "k.duckdb"))
    assert code == 2


def test_reading_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    code, _ = invoke("events", "--db", str(tmp_path / "none.duckdb"))
    assert code == 4


def test_limit_flags_reject_with_the_limit_as_reason(tmp_path: Path, examples: Path) -> None:
    db = str(tmp_path / "k.duckdb")
    code, _ = invoke("run", str(examples), "--db", db, "-q", "--max-doc-chars", "100")
    assert code == EXIT_REJECTS
    _, out = invoke("rejects", "--db", db, "--json")
    assert {json.loads(line)["reason"] for line in out.splitlines()} == {"too_large"}


def test_run_fuses_what_it_stored(tmp_path: Path, examples: Path) -> None:
    db = str(tmp_path / "k.duckdb")
    invoke("run", str(examples), "--db", db, "-q")
    with Store(db, read_only=True) as s:
        _, rows = s.query("SELECT count(*) FROM events WHERE event_id NOT IN (SELECT event_id FROM fused_members)")
    assert rows == [(0,)]


def test_events_table_when_asked_even_if_piped(tmp_path: Path, examples: Path) -> None:
    db = str(tmp_path / "k.duckdb")
    invoke("run", str(examples), "--db", db, "-q")
    code, out = invoke("events", "--db", db, "--table", "--type", "CONSULT")
    assert code == 0
    assert "evidence" in out.splitlines()[2] and "CONSULT" in out and not out.lstrip().startswith("{")
