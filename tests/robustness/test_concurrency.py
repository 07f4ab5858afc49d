"""One writer at a time, readers always: a second writer waits (bounded) or fails clearly; readers work during a run."""

from __future__ import annotations

import json
import select
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from khabar.errors import StoreError
from khabar.store.db import Store
from tests.robustness.corpus import write_jsonl
from tests.robustness.helpers import check_whole, rows, spawn, table_counts
from tests.robustness.test_crash import wait_for_batches


def test_second_writer_in_process_gives_up_after_its_wait(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    with Store(db):
        started = time.monotonic()
        with pytest.raises(StoreError, match="being written by another khabar run"):
            Store(db, wait=0.3)
        assert 0.3 <= time.monotonic() - started < 5


def test_second_writer_in_process_waits_for_the_first(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    first = Store(db)
    got: list[object] = []

    def second() -> None:
        try:
            with Store(db, wait=10) as s:
                got.append(s.begin_run(["second"]))
        except StoreError as exc:
            got.append(exc)

    t = threading.Thread(target=second)
    t.start()
    time.sleep(0.5)
    assert got == []  # still waiting
    first.close()
    t.join(timeout=15)
    assert got == [1]


def test_reader_opens_between_writes_of_a_writer(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    with Store(db) as w:
        w.begin_run(["x"])
        with Store(db, read_only=True, wait=1) as r:  # the writer holds no file handle between its writes
            assert r.counts()["runs"] == 1


def test_busy_file_is_a_store_error_after_the_wait(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    Store(db).close()
    holder = spawn_holder(db)
    try:
        with pytest.raises(StoreError, match="in use by another process"):
            Store(db, read_only=True, wait=0.5)
    finally:
        holder.kill()
        holder.wait()


def spawn_holder(db: Path) -> subprocess.Popen[str]:
    """A process that holds the DuckDB file open read-write (as a foreign tool would) until killed."""
    import sys

    code = f"import duckdb, sys, time\ncon = duckdb.connect({str(db)!r})\nprint('ok', flush=True)\ntime.sleep(60)"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ok"
    return proc


@pytest.fixture(scope="module")
def live_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """A `khabar run` writing many small batches in another process (stopped by the last test)."""
    folder = tmp_path_factory.mktemp("live")
    src, db = folder / "news.jsonl", folder / "k.duckdb"
    write_jsonl(src, 6000)
    proc = spawn("run", str(src), "--db", str(db), "-q", "--batch-size", "50")
    wait_for_batches(proc, db, 100)
    yield proc, db
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def test_readers_work_during_a_run(live_run: tuple[subprocess.Popen[str], Path]) -> None:
    proc, db = live_run
    reader = spawn("events", "--db", str(db), "--json", "--limit", "0")
    stats = spawn("stats", "--db", str(db))
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    assert all(json.loads(line)["event"] for line in out.splitlines())
    out, err = stats.communicate(timeout=60)
    assert stats.returncode == 0, err
    assert "documents" in out
    assert proc.poll() is None, "the run must still be writing while the readers read"


def test_second_writer_fails_with_a_clear_message(live_run: tuple[subprocess.Popen[str], Path]) -> None:
    proc, db = live_run
    other = db.with_name("other.jsonl")
    write_jsonl(other, 5, start=90_000)
    second = spawn("run", str(other), "--db", str(db), "-q", env={"KHABAR_LOCK_WAIT": "1"})
    _, err = second.communicate(timeout=60)
    assert second.returncode == 4
    assert "being written by another khabar run" in err and f"pid {proc.pid}" in err
    assert proc.poll() is None


def test_second_writer_waits_then_runs_when_the_first_stops(live_run: tuple[subprocess.Popen[str], Path]) -> None:
    proc, db = live_run
    other = db.with_name("other.jsonl")
    write_jsonl(other, 5, start=90_000)
    second = spawn("run", str(other), "--db", str(db), "-q", env={"KHABAR_LOCK_WAIT": "60"})
    assert "waiting up to 60s" in first_line(second, timeout=60)
    assert second.poll() is None and proc.poll() is None
    proc.send_signal(signal.SIGTERM)  # a terminated run ends cleanly, like Ctrl-C
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    _, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert [s for (s,) in rows(db, "SELECT status FROM runs ORDER BY run_id")] == ["interrupted", "completed"]
    check_whole(db)
    assert table_counts(db)["documents"] >= 105


def first_line(proc: subprocess.Popen[str], timeout: float) -> str:
    """The first line a process writes on stderr (waiting at most ``timeout`` seconds)."""
    assert proc.stderr is not None
    ready, _, _ = select.select([proc.stderr], [], [], timeout)
    assert ready, "no message on stderr"
    return proc.stderr.readline()


def test_writing_while_this_process_holds_a_reader_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    Store(db).close()
    with Store(db, read_only=True), pytest.raises(StoreError, match="already open read-only in this process"):
        Store(db, wait=0.2)


def test_a_signal_during_a_query_is_a_clean_interruption(tmp_path: Path) -> None:
    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    with Store(tmp_path / "k.duckdb") as s:
        old = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        try:
            with pytest.raises(KeyboardInterrupt):
                s.query("SELECT count(*) FROM range(100000000000) a")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
        assert s.counts()["runs"] == 0  # the store still works
