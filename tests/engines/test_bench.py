"""`khabar bench`: the same records through the I/O floor and the pipeline, with stage times."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from khabar import bench
from khabar.engines import parallel
from khabar.errors import DataError
from khabar.ingest import read_sources
from khabar.model import Document
from tests.engines.helpers import EXAMPLES, generate


def test_bench_measures_floor_and_pipeline_on_the_same_records(tmp_path: Path) -> None:
    generate(tmp_path / "gen.jsonl", 20)
    result = CliRunner().invoke(bench.bench_command, [str(EXAMPLES), str(tmp_path), "--limit", "12", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    floor, run = data["floor"], data["pipeline"]
    assert floor["records"] == run["records"] == 12
    assert floor["documents"] == run["documents"] > 0
    assert set(run["stages"]) >= {"read", "text", "actors", "dates", "events", "store"}
    assert run["stages"]["text"] > 0 and run["seconds"] > 0 and run["parent_rss_mb"] > 0
    assert run["stored"] + run["rejected"] <= run["records"]


def test_limit_takes_records_in_turn_from_each_file(tmp_path: Path) -> None:
    generate(tmp_path / "a.jsonl", 10)
    generate(tmp_path / "b.jsonl", 10, seed=3)
    files = bench.source_files([tmp_path])
    origins = [r.origin.split(":")[0] for r in bench.records(files, 4, bench.DEFAULT.limits)]
    assert [Path(o).name for o in origins] == ["a.jsonl", "b.jsonl", "a.jsonl", "b.jsonl"]


def test_report_prints_every_stage_and_the_targets() -> None:
    res = bench.Result("local", 1, documents=600, seconds=2.0, cpu_seconds=2.0, parent_rss_mb=300)
    res.stages = {"read": 0.1, "text": 0.5, "actors": 0.5, "dates": 0.2, "events": 0.5, "store": 0.2}
    lines = bench.report([Path("x.jsonl")], bench.Floor(600, 600, 3.0, 0.1), res)
    text = "\n".join(lines)
    assert "300.0 docs/s" in text and "20.0x" in text
    assert all(f"    {name}" in text for name in res.stages)
    assert ">= 300 docs/s met" in text and "< 1024 MB met" in text


def test_missing_default_corpus_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(bench, "default_corpus", lambda: tmp_path / "nowhere")
    result = CliRunner().invoke(bench.bench_command, [])
    assert result.exit_code == 2
    assert "no corpus at" in result.output and "nowhere" in result.output


def test_a_worker_start_up_error_is_raised_by_its_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(docs: object) -> None:
        raise DataError("fa/x.yaml: broken")

    monkeypatch.setattr(parallel, "warm", broken)
    old = signal.getsignal(signal.SIGINT)
    try:
        parallel._init([])
        doc = next(d for d in read_sources([EXAMPLES]) if isinstance(d, Document))
        with pytest.raises(DataError, match="broken"):
            parallel.run_chunk([doc], 10.0, with_timer=False)
    finally:
        parallel._START_ERROR.clear()
        signal.signal(signal.SIGINT, old)
