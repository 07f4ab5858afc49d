"""`khabar fuse`, `show`, `export-fused` and `reprocess` through click's CliRunner on a real DuckDB file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import click
import duckdb
import pytest
from click.testing import CliRunner

from khabar.fuse.command import export_fused_command, fuse_command, reprocess_command, show_command
from khabar.store.db import Store
from tests.fuse.helpers import AR, FA, four_reports, write


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with the four reports of one meeting, fused by `khabar fuse`."""
    path = tmp_path / "k.duckdb"
    write(path, *four_reports())
    result = CliRunner().invoke(fuse_command, ["--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "4 story-level events -> 1 fused events" in result.output
    return path


def one(db: Path, sql: str) -> str:
    """The first value of a query."""
    with Store(db, read_only=True) as s:
        return str(s.query(sql)[1][0][0])


def test_show_a_fused_event_lists_every_mention_and_why(db: Path) -> None:
    fid = one(db, "SELECT fused_id FROM fused_events")
    result = CliRunner().invoke(show_command, [fid, "--db", str(db)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "4 mentions in 4 documents from 4 outlets" in out and "languages ar, fa" in out
    assert "original sources cited: TASS" in out and "independent sources 3" in out
    for doc in ("fa-fars", "ar-aawsat", "ar-riyadh", "fa-irna"):
        assert f"doc {doc}" in out
    assert FA[: FA.index(".") + 1] in out and AR[: AR.index(".") + 1] in out  # the sentences, as raw text
    assert "why: undated-window: same type CONSULT" in out and "relays TASS" in out


def test_show_by_story_level_event_id_and_json(db: Path) -> None:
    eid = one(db, "SELECT event_id FROM events WHERE doc_id = 'fa-irna'")
    result = CliRunner().invoke(show_command, [eid, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.output)
    assert d["asked"] == eid and d["mention_count"] == 4
    m = next(m for m in d["mentions"] if m["event_id"] == eid)
    assert m["outlet_name"] == "IRNA" and m["lang"] == "fa" and m["rule"] == "undated-window"
    assert m["sentence_text"] == FA[: FA.index(".") + 1]
    assert m["evidence"] == FA[m["evidence_start"] : m["evidence_end"]]


def test_show_an_unknown_id_is_a_usage_error(db: Path) -> None:
    result = CliRunner().invoke(show_command, ["ev-nope", "--db", str(db)])
    assert result.exit_code == 2 and "no fused or story-level event" in result.output


def test_show_before_fusion_says_so(tmp_path: Path) -> None:
    path = tmp_path / "k.duckdb"
    write(path, *four_reports()[:1])
    eid = one(path, "SELECT event_id FROM events")
    result = CliRunner().invoke(show_command, [eid, "--db", str(path)])
    assert result.exit_code == 0 and "not fused yet" in result.output


def test_export_plover_has_a_mentions_list(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "fused.jsonl"
    result = CliRunner().invoke(export_fused_command, ["--db", str(db), "--format", "plover", "-o", str(out)])
    assert result.exit_code == 0, result.output
    (obj,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert obj["event"] == "CONSULT" and obj["date"] == "2024-03-13" and obj["counts"]["mentions"] == 4
    assert {e["code"] for e in obj["actor"] + obj["recipient"]} == {"RUS", "TUR"}
    assert {m["doc_id"] for m in obj["mentions"]} == {"fa-fars", "ar-aawsat", "ar-riyadh", "fa-irna"}
    assert all(m["reason"] and m["sentence_text"] for m in obj["mentions"])
    stdout = CliRunner().invoke(export_fused_command, ["--db", str(db)])
    assert json.loads(stdout.output.splitlines()[0])["id"] == obj["id"]


def test_export_csv_is_an_events_and_mentions_pair(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "fused.csv"
    result = CliRunner().invoke(export_fused_command, ["--db", str(db), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    (event,) = list(csv.DictReader(out.open(encoding="utf-8")))
    mentions = list(csv.DictReader((tmp_path / "fused.mentions.csv").open(encoding="utf-8")))
    assert event["mentions"] == "4" and event["languages"] == "ar;fa" and event["original_sources"] == "TASS"
    assert len(mentions) == 4 and {m["fused_id"] for m in mentions} == {event["fused_id"]}
    assert {m["citations"] for m in mentions} == {"", "تاس", "وكالة تاس"}


def test_export_parquet_pair(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "fused.parquet"
    result = CliRunner().invoke(export_fused_command, ["--db", str(db), "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.output
    con = duckdb.connect()
    assert con.execute("SELECT count(*), max(mentions) FROM read_parquet(?)", [str(out)]).fetchone() == (1, 4)
    langs = con.execute("SELECT languages FROM read_parquet(?)", [str(out)]).fetchone()
    assert langs == (["ar", "fa"],)
    n = con.execute("SELECT count(*) FROM read_parquet(?)", [str(tmp_path / "fused.mentions.parquet")]).fetchone()
    assert n == (4,)


def test_export_needs_output_for_tables_and_a_fused_store(tmp_path: Path) -> None:
    path = tmp_path / "k.duckdb"
    write(path, *four_reports())
    result = CliRunner().invoke(export_fused_command, ["--db", str(path), "--format", "csv"])
    assert result.exit_code == 2
    result = CliRunner().invoke(export_fused_command, ["--db", str(path), "-o", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 2 and "khabar fuse" in result.output


@pytest.mark.parametrize("command", [show_command, fuse_command, reprocess_command, export_fused_command])
def test_a_missing_store_is_a_clear_error_and_is_not_created(tmp_path: Path, command: click.Command) -> None:
    path = tmp_path / "none.duckdb"
    args = ["x"] if command is show_command else []
    result = CliRunner().invoke(command, [*args, "--db", str(path)])
    assert result.exit_code == 4 and "no store" in result.output
    assert not path.exists()


def test_reprocess_command_reports(db: Path) -> None:
    result = CliRunner().invoke(reprocess_command, ["--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "reprocessed 4 documents (4 before, 4 after" in result.output
