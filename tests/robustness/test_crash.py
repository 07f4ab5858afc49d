"""Crash safety with real processes: SIGKILL or Ctrl-C in the middle of a run, then a re-run."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from khabar.errors import StoreError
from khabar.store.db import Store
from tests.robustness.corpus import write_jsonl
from tests.robustness.helpers import check_whole, invoke, rows, spawn, table_counts

RECORDS = 2000
BATCH = 100


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 short Persian/Arabic JSONL records."""
    path = tmp_path_factory.mktemp("crash") / "news.jsonl"
    write_jsonl(path, RECORDS)
    return path


@pytest.fixture(scope="module")
def reference(corpus: Path) -> dict[str, int]:
    """Row counts after an uninterrupted run into its own store."""
    db = corpus.with_name("ref.duckdb")
    res = invoke("run", str(corpus), "--db", str(db), "-q", "--batch-size", str(BATCH))
    assert res.exit_code == 0, res.stderr
    return table_counts(db)


def rerun(corpus: Path, db: Path) -> None:
    """Run again on the same store (in-process, through the CLI) and expect a clean completion."""
    res = invoke("run", str(corpus), "--db", str(db), "-q", "--batch-size", str(BATCH))
    assert res.exit_code == 0, res.stderr


def stored(db: Path) -> int:
    """How many documents a store holds now (0 while it does not exist or stays busy)."""
    if not db.exists():
        return 0
    try:
        with Store(db, read_only=True, wait=2) as s:
            return s.counts()["documents"]
    except StoreError:
        return 0


def wait_for_batches(proc: subprocess.Popen[str], db: Path, at_least: int) -> int:
    """Poll the store (as a reader, while the run writes) until it holds at least this many documents."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        n = stored(db)
        if n >= at_least:
            return n
        if proc.poll() is not None:
            raise AssertionError(
                f"the run ended ({proc.returncode}) before it could be interrupted: {proc.communicate()[1]}"
            )
        time.sleep(0.1)
    raise AssertionError("no batch was committed in time")


def test_sigkill_mid_run_then_rerun(corpus: Path, reference: dict[str, int]) -> None:
    db = corpus.with_name("killed.duckdb")
    proc = spawn("run", str(corpus), "--db", str(db), "-q", "--batch-size", str(BATCH))
    wait_for_batches(proc, db, 3 * BATCH)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    # The store opens (read-only and read-write) and holds whole batches only.
    check_whole(db)
    n = table_counts(db)["documents"]
    assert 0 < n < RECORDS and n % BATCH == 0
    assert rows(db, "SELECT status FROM runs") == [("running",)]
    rerun(corpus, db)
    check_whole(db)
    assert table_counts(db) == reference
    assert rows(db, "SELECT status, skipped FROM runs ORDER BY run_id") == [("aborted", None), ("completed", n)]


def test_ctrl_c_marks_the_run_interrupted_and_a_rerun_completes_it(corpus: Path, reference: dict[str, int]) -> None:
    db = corpus.with_name("interrupted.duckdb")
    proc = spawn("run", str(corpus), "--db", str(db), "-q", "--batch-size", str(BATCH))
    wait_for_batches(proc, db, 2 * BATCH)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err
    ((status, records, n_stored),) = rows(db, "SELECT status, records, stored FROM runs")
    assert status == "interrupted"
    check_whole(db)
    assert n_stored == table_counts(db)["documents"] and 0 < n_stored < RECORDS
    assert n_stored <= records <= n_stored + BATCH  # read but not yet written: at most one batch
    rerun(corpus, db)
    assert table_counts(db) == reference
    assert [s for (s,) in rows(db, "SELECT status FROM runs ORDER BY run_id")] == ["interrupted", "completed"]
