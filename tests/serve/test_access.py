"""The server lets go of the store file: a writer can open it once requests stop (never held for its life)."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from khabar.serve.access import StoreAccess
from khabar.store.db import Store
from tests.serve.conftest import Live


def test_file_is_released_when_idle(write_server: Live) -> None:
    with write_server.client() as c:
        assert c.get("/api/events").status_code == 200
    deadline = time.monotonic() + 10  # the kept connection lingers 1 s after the last request
    while True:
        try:
            con = duckdb.connect(str(write_server.db))  # read-write: refused while a read-only handle is open here
        except duckdb.ConnectionException:
            assert time.monotonic() < deadline, "the server still holds the store 10 s after its last request"
            time.sleep(0.2)
            continue
        con.close()
        break


def test_reads_between_writes(tmp_path: Path, seeds_db: Path) -> None:
    db = tmp_path / "s.duckdb"
    db.write_bytes(seeds_db.read_bytes())
    acc = StoreAccess(db, linger=5.0)
    with acc.read() as s:
        before = s.counts()["runs"]
    with acc.write() as store:  # closes the kept read-only connection first, or DuckDB would refuse
        store.finish_run(store.begin_run(["test"]), "completed", {}, 0.0)
    with acc.read() as s:
        assert s.counts()["runs"] == before + 1
    acc.keeper.release()
    Store(db).close()
