"""The Dask engine: the same stages as Dask tasks over partitions of the input, Parquet out, then the store.

The client reads the sources and cuts the records into partitions (``partition_size``
records each, in input order). Each partition is one task on a worker: it runs the
pipeline, turns the results into the store's rows (the same rows the local engine
writes) and returns them as one Parquet file per table. The client writes those files
under ``<dir>/<table>/part-NNNNNN.parquet`` and loads each partition into the store in
input order, skipping documents already stored (same content hash), so the store ends
up exactly as the local engine leaves it. With ``keep_parquet`` the partitions stay in
that folder and are not loaded: DuckDB reads them in place
(``read_parquet('<dir>/events/*.parquet')``).

Workers need khabar installed (same version); they need no access to the input or to
the store, since documents travel to them and Parquet bytes travel back.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import duckdb

from khabar.engines.local import RunSummary, tracked
from khabar.engines.parallel import Item, chunks, peak_rss_mb, run_chunk, warm
from khabar.errors import UsageError
from khabar.ingest import read_sources
from khabar.model import DocResult, Document, Reject
from khabar.pipeline import Timer
from khabar.settings import DEFAULT, Settings
from khabar.store import schema
from khabar.store.db import Rows, Store, clean, document_rows, insert_rows, reject_key

PARTITION_SIZE = 1024  # records per task (256 measured 17% slower on the corpus: per-task overhead)
SCHEDULER_WAIT = "20s"  # how long to try to reach a --scheduler
GROUP = 8  # partitions per store look-up and per store session (opening the store file costs ~0.1 s)
TABLES = ("documents", "stories", "sentences", "mentions", "events", "rejects")
CHILD_TABLES = ("stories", "sentences", "mentions", "events")
DONE = "_done"  # marker folder: one empty file per finished partition (resume of a --keep-parquet run)

Progress = Callable[[int], None]


@dataclass(slots=True)
class Partition:
    """What a worker returns for one partition: Parquet bytes per table, stage seconds, memory."""

    index: int
    records: int
    repeats: int
    rows: dict[str, int]
    reasons: Counter[str]
    parquet: dict[str, bytes]
    seconds: dict[str, float]
    pid: int
    rss_mb: float


@dataclass(slots=True)
class DaskStats:
    """Measurements of a Dask run, for `khabar bench`."""

    timer: Timer = field(default_factory=Timer)
    store_seconds: float = 0.0
    rss_mb: dict[int, float] = field(default_factory=dict)
    workers: int = 0


def rows_of(outs: Sequence[DocResult | Reject], run_id: int) -> tuple[dict[str, Rows], int]:
    """The store's rows for a partition's results (documents once per content hash, rejects once per key)
    and how many documents repeated one already in the partition."""
    tables = {name: Rows(name) for name in TABLES}
    seen: set[str] = set()
    rejects: set[str] = set()
    repeats = 0
    for out in outs:
        if isinstance(out, Reject):
            rk = reject_key(out)
            if rk not in rejects:
                rejects.add(rk)
                tables["rejects"].add(
                    rk, run_id, out.origin, out.record_id, out.reason.value, clean(out.detail), clean(out.sample)
                )
            continue
        key = out.analysis.doc.content_hash
        if key in seen:
            repeats += 1
            continue
        seen.add(key)
        document_rows(out, key, run_id, tables)
    return tables, repeats


def column_types(table: str) -> str:
    """The column list of a store table for CREATE TABLE (keys kept: a partition dedups like a batch)."""
    return ", ".join(f'"{c}" {t}' for c, t in schema.TABLES[table])


def to_parquet(rows: Rows, path: Path) -> None:
    """Write one table's rows to a Parquet file with the store's column types."""
    con = duckdb.connect()
    try:
        con.execute(f"CREATE TABLE {rows.table} ({column_types(rows.table)})")
        insert_rows(con, rows)
        con.execute(f"COPY {rows.table} TO '{path}' (FORMAT parquet)")
    finally:
        con.close()


def process_partition(
    index: int, items: Sequence[Item], run_id: int, document_seconds: float, with_timer: bool
) -> Partition:
    """A Dask task: run the pipeline on a partition and return its rows as Parquet bytes per table."""
    done = run_chunk(items, document_seconds, with_timer)
    tables, repeats = rows_of(done.outs, run_id)
    parquet: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="khabar-part-") as tmp:
        for name, rows in tables.items():
            if len(rows):
                path = Path(tmp) / f"{name}.parquet"
                to_parquet(rows, path)
                parquet[name] = path.read_bytes()
    counts = {name: len(t) for name, t in tables.items()}
    reasons = Counter(str(r) for r in tables["rejects"].cols["reason"])
    return Partition(index, len(items), repeats, counts, reasons, parquet, done.seconds, os.getpid(), peak_rss_mb())


def part_path(root: Path, table: str, index: int) -> Path:
    """Where a partition's table goes."""
    return root / table / f"part-{index:06d}.parquet"


def save_partition(root: Path, part: Partition) -> None:
    """Write a partition's Parquet files (each atomically), then its done marker."""
    for table, data in part.parquet.items():
        path = part_path(root, table, part.index)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    marker = root / DONE / f"part-{part.index:06d}"
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()


def is_done(root: Path, index: int) -> bool:
    """Whether a partition was already written by an earlier (interrupted) run into the same folder."""
    return (root / DONE / f"part-{index:06d}").exists()


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def load_partitions(store: Store, root: Path, indexes: Sequence[int]) -> list[tuple[int, int, int, int]]:
    """Load partitions into the store in one session, one transaction each: (stored, duplicates, events, stories)."""
    out = []
    with store.session() as con:
        for index in indexes:
            files = {t: part_path(root, t, index) for t in TABLES}
            have = {t: p.exists() for t, p in files.items()}
            con.execute("BEGIN TRANSACTION")
            try:
                out.append(_load(con, files, have))
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
    return out


def _load(con: duckdb.DuckDBPyConnection, files: dict[str, Path], have: dict[str, bool]) -> tuple[int, int, int, int]:
    """The inserts of load_partition (inside its transaction)."""
    stored = dupes = events = stories = 0
    if have["documents"]:
        docs = f"read_parquet('{files['documents']}')"
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE _new AS SELECT doc_key FROM {docs} "
            "WHERE doc_key NOT IN (SELECT doc_key FROM documents)"
        )
        stored = _count(con, "SELECT count(*) FROM _new")
        dupes = _count(con, f"SELECT count(*) FROM {docs}") - stored
        _insert_from(con, "documents", files["documents"], new_only=True)
        for table in CHILD_TABLES:
            if have[table]:
                _insert_from(con, table, files[table], new_only=True)
        events = _new_rows(con, files["events"]) if have["events"] else 0
        stories = _new_rows(con, files["stories"]) if have["stories"] else 0
        con.execute("DROP TABLE _new")
    if have["rejects"]:
        _insert_from(con, "rejects", files["rejects"], new_only=False)
    return stored, dupes, events, stories


def _new_rows(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Rows of a partition's table that belong to the documents stored now."""
    return _count(con, f"SELECT count(*) FROM read_parquet('{path}') WHERE doc_key IN (SELECT doc_key FROM _new)")


def _insert_from(con: duckdb.DuckDBPyConnection, table: str, path: Path, new_only: bool) -> None:
    """INSERT a Parquet file into a store table, by column name (new documents' rows only)."""
    cols = ", ".join(f'"{c}"' for c in schema.columns(table))
    where = " WHERE doc_key IN (SELECT doc_key FROM _new)" if new_only else ""
    conflict = " ON CONFLICT DO NOTHING" if table in ("events", "rejects") else ""
    con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM read_parquet('{path}'){where}{conflict}")


def connect(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """A distributed Client for ``scheduler``, or for a new LocalCluster of ``workers`` single-thread processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask is a dependency
        raise UsageError("the dask engine needs `pip install 'dask[distributed]'`") from exc
    if scheduler:
        try:
            return Client(scheduler, timeout=SCHEDULER_WAIT), None
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    return Client(cluster), cluster


@dataclass
class DaskRun:
    """One run of the Dask engine over an iterable of records."""

    store: Store
    client: Any
    settings: Settings = DEFAULT
    root: Path = Path()
    load: bool = True
    partition_size: int = PARTITION_SIZE
    on_progress: Progress | None = None
    with_timer: bool = False
    stats: DaskStats = field(default_factory=DaskStats)
    summary: RunSummary = field(default_factory=RunSummary)

    def in_flight(self) -> int:
        """Partitions queued at once: enough per worker thread to keep it busy while the client loads a group."""
        threads = sum(self.client.nthreads().values()) or 1
        self.stats.workers = threads
        return max(GROUP, 4 * threads)

    def run(self, items: Iterable[Item]) -> None:
        """Process every record: submit partitions (bounded), then save and load them in input order."""
        pending: deque[tuple[int, Any]] = deque()
        ready: deque[tuple[int, int, list[Item] | None]] = deque()
        finished: list[Partition] = []
        limit = self.in_flight()
        parts = enumerate(chunks(items, self.partition_size))
        try:
            while True:
                while len(pending) < limit:
                    if not ready:
                        ready.extend(self._look_up(list(islice(parts, GROUP))))
                    if not ready:
                        break
                    pending.append(self._submit(*ready.popleft()))
                if not pending:
                    break
                self._finish(*pending.popleft(), finished)
                if len(finished) >= GROUP or not pending:
                    self._load(finished)
            self._load(finished)
        except KeyboardInterrupt:
            self._load(finished)  # partitions already processed are kept: a re-run skips them
            raise
        finally:
            if pending:
                self.client.cancel([f for _, f in pending if f is not None])

    def _look_up(self, group: list[tuple[int, list[Item]]]) -> list[tuple[int, int, list[Item] | None]]:
        """For each partition: index, records, and the records left to process (None: an earlier run did it).

        One store look-up for the whole group: documents already stored are not processed again."""
        if not group:
            return []
        if not self.load:
            return [(i, len(c), None if is_done(self.root, i) else c) for i, c in group]
        hashes = [item.content_hash for _, chunk in group for item in chunk if isinstance(item, Document)]
        known = self.store.known(hashes) if hashes else set()
        out: list[tuple[int, int, list[Item] | None]] = []
        for index, chunk in group:
            todo = [i for i in chunk if isinstance(i, Reject) or i.content_hash not in known]
            self.summary.skipped += len(chunk) - len(todo)
            out.append((index, len(chunk), todo))
        return out

    def _submit(self, index: int, records: int, todo: list[Item] | None) -> tuple[int, Any]:
        """Queue one partition's task; (records, future or None when there is nothing to do)."""
        self.summary.records += records
        if todo is None:
            return records, None
        fut = self.client.submit(
            process_partition,
            index,
            todo,
            self.summary.run_id,
            self.settings.limits.document_seconds,
            self.with_timer,
            pure=False,
        )
        return records, fut

    def _finish(self, records: int, fut: Any, finished: list[Partition]) -> None:
        """Save one finished partition's Parquet files (queued for loading), then count it."""
        if fut is not None:
            part: Partition = fut.result()
            started = time.perf_counter()
            save_partition(self.root, part)
            self.stats.store_seconds += time.perf_counter() - started
            self._account(part)
            if self.load:
                finished.append(part)
            else:  # kept in place: every partition's rows count
                self.summary.stored += part.rows["documents"]
                self.summary.skipped += part.repeats
                self.summary.events += part.rows["events"]
                self.summary.stories += part.rows["stories"]
        if self.on_progress:
            self.on_progress(records)

    def _load(self, finished: list[Partition]) -> None:
        """Load saved partitions into the store, in input order, in one session."""
        if not finished:
            return
        started = time.perf_counter()
        loaded = load_partitions(self.store, self.root, [p.index for p in finished])
        for part, (stored, dupes, events, stories) in zip(finished, loaded, strict=True):
            self.summary.stored += stored
            self.summary.skipped += dupes + part.repeats
            self.summary.events += events
            self.summary.stories += stories
        finished.clear()
        self.stats.store_seconds += time.perf_counter() - started

    def _account(self, part: Partition) -> None:
        """Add a partition's rejects, stage seconds and worker memory to the totals."""
        self.summary.rejected += part.rows["rejects"]
        self.summary.reasons.update(part.reasons)
        for name, s in part.seconds.items():
            self.stats.timer.seconds[name] = self.stats.timer.seconds.get(name, 0.0) + s
        self.stats.rss_mb[part.pid] = max(self.stats.rss_mb.get(part.pid, 0.0), part.rss_mb)


def warm_workers(client: Any, docs: Sequence[Document]) -> None:
    """Load the language data on every worker (so that timings exclude start-up)."""
    client.run(warm, list(docs))


def run(
    sources: Sequence[str],
    store: Store,
    settings: Settings = DEFAULT,
    on_progress: Progress | None = None,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    keep_parquet: str | Path | None = None,
) -> RunSummary:
    """Process every record of the sources on Dask and load the results into the store (see the module doc)."""
    client, cluster = connect(scheduler, workers)
    try:
        return run_items(read_sources(sources, settings.limits), sources, store, client, settings, on_progress,
                         keep_parquet=keep_parquet)  # fmt: skip
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_items(
    items: Iterable[Item],
    sources: Sequence[str],
    store: Store,
    client: Any,
    settings: Settings = DEFAULT,
    on_progress: Progress | None = None,
    *,
    keep_parquet: str | Path | None = None,
    with_timer: bool = False,
    stats: DaskStats | None = None,
    partition_size: int = PARTITION_SIZE,
) -> RunSummary:
    """Run the Dask engine over records already being read (the bench passes its own timed reader)."""
    summary = RunSummary(run_id=store.begin_run(sources))
    with _parquet_root(keep_parquet) as root:
        job = DaskRun(store, client, settings, root, keep_parquet is None, partition_size, on_progress=on_progress,
                      with_timer=with_timer, stats=stats or DaskStats(), summary=summary)  # fmt: skip
        with tracked(store, summary):
            job.run(items)
    return summary


@contextmanager
def _parquet_root(keep: str | Path | None) -> Iterator[Path]:
    """The folder for Parquet partitions: the one asked for (kept), else a temporary one (removed after)."""
    if keep is not None:
        Path(keep).mkdir(parents=True, exist_ok=True)
        yield Path(keep)
        return
    with tempfile.TemporaryDirectory(prefix="khabar-dask-") as tmp:
        yield Path(tmp)
