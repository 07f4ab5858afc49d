"""The Dask engine on a real LocalCluster: the same store as the local engine; Parquet kept on demand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from khabar.engines import dask_engine, local
from khabar.store.db import Store
from tests.engines.helpers import EXAMPLES, difference, generate, table_rows

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A LocalCluster of 2 worker processes with 1 thread each."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The examples plus 200 generated records (with repeats and bad lines)."""
    path = tmp_path_factory.mktemp("gen") / "gen.jsonl"
    generate(path, 200)
    return [str(EXAMPLES), str(path)]


def test_dask_store_equals_local_store(client: Any, inputs: list[str], tmp_path: Path) -> None:
    with Store(tmp_path / "local.duckdb") as store:
        want = local.run(inputs, store)
    seen: list[int] = []
    with Store(tmp_path / "dask.duckdb") as store:
        items = dask_engine.read_sources(inputs)
        got = dask_engine.run_items(items, inputs, store, client, on_progress=seen.append, partition_size=40)
    assert (got.records, got.stored, got.skipped, got.rejected) == (
        want.records,
        want.stored,
        want.skipped,
        want.rejected,
    )
    assert (got.events, got.stories) == (want.events, want.stories)
    assert sum(seen) == want.records  # progress covers every record
    a, b = table_rows(tmp_path / "local.duckdb"), table_rows(tmp_path / "dask.duckdb")
    assert {k: len(v) for k, v in a.items()} == {k: len(v) for k, v in b.items()}
    assert a["events"] and a["mentions"]
    assert not difference(a, b)


def test_dask_run_resumes_without_duplicates(client: Any, inputs: list[str], tmp_path: Path) -> None:
    db = tmp_path / "dask.duckdb"

    def stop(n: int) -> None:
        raise KeyboardInterrupt

    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        dask_engine.run_items(
            dask_engine.read_sources(inputs), inputs, store, client, on_progress=stop, partition_size=30
        )
    with Store(db) as store:
        first = store.counts()["documents"]
        assert first > 0
        again = dask_engine.run_items(dask_engine.read_sources(inputs), inputs, store, client, partition_size=30)
        assert again.skipped >= first
        _, rows = store.query("SELECT count(*), count(DISTINCT doc_key) FROM documents")
        assert rows[0][0] == rows[0][1] == first + again.stored


def test_keep_parquet_leaves_partitions_to_read_in_place(client: Any, inputs: list[str], tmp_path: Path) -> None:
    out = tmp_path / "parts"
    with Store(tmp_path / "s.duckdb") as store:
        summary = dask_engine.run_items(
            dask_engine.read_sources(inputs), inputs, store, client, keep_parquet=out, partition_size=50
        )
        assert store.counts()["documents"] == 0  # left in place, not loaded
    con = duckdb.connect()
    events = con.execute(f"SELECT count(*) FROM read_parquet('{out}/events/*.parquet')").fetchall()[0][0]
    con.close()
    assert events >= summary.events > 0
    assert sorted(p.name for p in (out / "_done").iterdir())[0] == "part-000000"
    with Store(tmp_path / "s.duckdb") as store:  # a second run into the same folder finds every partition done
        again = dask_engine.run_items(
            dask_engine.read_sources(inputs), inputs, store, client, keep_parquet=out, partition_size=50
        )
    assert again.records == summary.records and again.events == 0
