"""DuckDB access: open per unit of work with bounded waits on a busy file, batched idempotent writes, queries."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import duckdb

from khabar import settings
from khabar.errors import StoreError
from khabar.model import DocResult, Reject
from khabar.store import schema
from khabar.store.plover import event_to_plover

Notify = Callable[[str], None]


def notice(message: str) -> None:
    """The default way a store says it is waiting: one line on stderr."""
    print(f"khabar: {message}", file=sys.stderr, flush=True)


RETRY_SLEEP = 0.05
QUIET_WAIT = 1.0  # a busy file is normal for a moment (a batch being written): say so only after this long
_HOLDER = re.compile(r"Conflicting lock is held in (.*?)(?: \(PID (\d+)\))?\.", re.DOTALL)

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no writer lock, DuckDB's own lock still applies
    fcntl = None  # type: ignore[assignment]


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message."""
    return (str(exc).splitlines() or [""])[0]


def is_lock_error(exc: BaseException) -> bool:
    """Whether a DuckDB error means another process holds the file's lock."""
    text = str(exc).lower()
    return "lock" in text and ("conflicting" in text or "could not set" in text)


def interrupted(exc: BaseException) -> bool:
    """Whether a DuckDB error is a query stopped by a signal (DuckDB turns KeyboardInterrupt into RuntimeError)."""
    return isinstance(exc, duckdb.InterruptException) or "interrupted" in str(exc).lower()


def lock_holder(exc: BaseException) -> str:
    """Who holds a DuckDB file lock, from its error message ('pid 123' or 'another process')."""
    m = _HOLDER.search(str(exc))
    return f"pid {m.group(2)}" if m and m.group(2) else "another process"


class WriterLock:
    """An exclusive advisory lock on ``<db>.lock``, held by the one writer; the OS frees it if the writer dies."""

    def __init__(self, db: Path, wait: float, notify: Notify = notice) -> None:
        """Take the lock, waiting up to ``wait`` seconds (with one message) for another writer to finish."""
        self.path = db.with_name(db.name + ".lock")
        self.notify = notify
        self.file: IO[str] | None = None
        self.exclusive = False
        if fcntl is None:
            return
        try:
            self.file = self.path.open("a+", encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"cannot create the writer lock {self.path}: {exc}") from exc
        self._acquire(wait)

    def _try(self) -> bool:
        """One non-blocking attempt."""
        assert self.file is not None
        try:
            fcntl.flock(self.file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _holder(self) -> str:
        """The pid the current holder wrote into the lock file, if readable."""
        try:
            pid = self.path.read_text(encoding="utf-8").strip()
        except OSError:
            pid = ""
        return f"pid {pid}" if pid.isdigit() else "another khabar process"

    def _acquire(self, wait: float) -> None:
        """Poll until the lock is ours or the wait is over (then StoreError)."""
        deadline = time.monotonic() + wait
        told = False
        while not self._try():
            holder = self._holder()
            if time.monotonic() >= deadline:
                self.release()
                raise StoreError(
                    f"store {self.path.with_suffix('')} is being written by another khabar run ({holder}); "
                    f"gave up after waiting {wait:.0f}s. Wait for it to finish or use another --db"
                )
            if not told:
                self.notify(f"store is being written by another khabar run ({holder}); waiting up to {wait:.0f}s")
                told = True
            time.sleep(RETRY_SLEEP * 4)
        self.exclusive = True
        assert self.file is not None
        self.file.seek(0)
        self.file.truncate()
        self.file.write(str(os.getpid()))
        self.file.flush()

    def release(self) -> None:
        """Give the lock up (closing the file releases it)."""
        if self.file is not None:
            self.file.close()
            self.file = None
        self.exclusive = False


@dataclass(slots=True)
class Rows:
    """Column-wise rows for one table, inserted in one statement (DuckDB is columnar)."""

    table: str
    cols: dict[str, list[Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.cols = {c: [] for c in schema.columns(self.table)}

    def add(self, *values: Any) -> None:
        """Append one row, values in schema order."""
        for col, v in zip(self.cols.values(), values, strict=True):
            col.append(v)

    def __len__(self) -> int:
        return len(next(iter(self.cols.values())))


@dataclass(slots=True)
class BatchCounts:
    """What one batch write did."""

    stored: int = 0
    skipped: int = 0
    rejected: int = 0
    events: int = 0
    stories: int = 0


def reject_key(r: Reject) -> str:
    """Idempotence key of a reject: the same bad record is kept once."""
    raw = "\x00".join([r.origin, r.record_id or "", r.reason.value, r.sample or ""])
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def clean(s: str | None) -> str | None:
    """Text safe for storage (lone surrogates from broken input replaced)."""
    if s is None:
        return None
    return s.encode("utf-8", "replace").decode("utf-8") if not s.isascii() else s

def document_rows(res: DocResult, key: str, run_id: int, t: dict[str, Rows]) -> None:
    """Append one document's rows (document, stories, sentences, mentions, events) to ``t``."""
    a, doc = res.analysis, res.analysis.doc
    t["documents"].add(
        key, doc.id, doc.origin, a.lang, a.pub_date, doc.url, doc.source, a.outlet,
        [c.name for c in a.citations], clean(doc.text), run_id,
    )  # fmt: skip
    for st in a.stories:
        t["stories"].add(key, st.index, st.start, st.end, st.pub_date)
    for s in a.sentences:
        t["sentences"].add(key, s.index, s.story, s.start, s.end)
    for m in res.mentions:
        ac = m.actor
        t["mentions"].add(
            key, m.sentence, m.start, m.end, clean(m.text), ac.code, ac.sector, ac.name, ac.wikidata,
            ac.entity, m.kind, m.rule,
        )  # fmt: skip
    for ev in res.events:
        p = event_to_plover(a, ev)
        t["events"].add(
            ev.id, key, doc.id, a.lang, ev.story, ev.sentence, ev.event, ev.mode, ev.date, ev.aux,
            list(ev.context), [e["code"] for e in p["actor"]], [e["code"] for e in p["recipient"]],
            [e["identifier_text"] for e in p["actor"]], [e["identifier_text"] for e in p["recipient"]],
            sorted({e["sector"] for e in p["actor"] + p["recipient"] if e["sector"]}),
            clean(p["text_info"]["text"]), ev.evidence.start, ev.evidence.end, ev.confidence, ev.rule,
            json.dumps(p, ensure_ascii=False),
        )  # fmt: skip

def insert_rows(con: duckdb.DuckDBPyConnection, rows: Rows) -> None:
    """Insert column-wise rows in one statement (events and rejects ignore duplicates)."""
    if not len(rows):
        return
    names = list(rows.cols)
    select = ", ".join(f'unnest(${i + 1}) AS "{c}"' for i, c in enumerate(names))
    cols = ", ".join(f'"{c}"' for c in names)
    conflict = " ON CONFLICT DO NOTHING" if rows.table in ("events", "rejects") else ""
    con.execute(f"INSERT INTO {rows.table} ({cols}) SELECT {select}{conflict}", list(rows.cols.values()))


WRITER_MEMORY = "256MB"


class Store:
    """A khabar store in one DuckDB file.

    DuckDB lets one process hold a file read-write and then refuses every other process,
    readers included. So a writer holds the file only while it writes (each method opens,
    works, closes), and holds a separate writer lock (``<db>.lock``) for its whole life so
    that a second writer waits (bounded) or fails with a StoreError. Readers open the file
    read-only for one command or request. Both retry, bounded, while the other holds it.
    """

    def __init__(
        self, path: str | Path, *, read_only: bool = False, wait: float | None = None, notify: Notify = notice
    ) -> None:
        """Open a store; ``wait`` bounds every wait on a busy file (default: settings), ``notify`` says so."""
        self.path = Path(path)
        self.read_only = read_only
        self.wait = settings.lock_wait() if wait is None else wait
        self.notify = notify
        self._con: duckdb.DuckDBPyConnection | None = None
        self._writer: WriterLock | None = None
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}: run `khabar run SOURCE --db {self.path}` first")
        if read_only:
            self._con = self._connect()
            self._check_schema()
            return
        self._writer = WriterLock(self.path, self.wait, notify)
        try:
            with self.session() as con:
                self._init_schema(con)
        except BaseException:
            self._writer.release()
            raise

    def _config(self) -> dict[str, str | bool | int | float | list[str]]:
        """Connection settings: a writer's buffers are capped so memory stays flat as the file grows."""
        return {} if self.read_only else {"memory_limit": WRITER_MEMORY}

    def _connect(self) -> duckdb.DuckDBPyConnection:
        """Open the file, retrying (bounded by self.wait) while another process holds its lock."""
        deadline = time.monotonic() + self.wait
        told = False
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=self.read_only, config=self._config())
            except duckdb.IOException as exc:
                if not is_lock_error(exc):
                    raise StoreError(f"cannot open store {self.path}: {first_line(exc)}") from exc
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"store {self.path} is in use by another process ({lock_holder(exc)}) "
                        f"and stayed busy for {self.wait:.0f}s; wait for it to finish or use another --db"
                    ) from exc
                if not told and time.monotonic() >= deadline - self.wait + QUIET_WAIT:
                    self.notify(f"store {self.path} is busy ({lock_holder(exc)}); retrying for up to {self.wait:.0f}s")
                    told = True
                time.sleep(RETRY_SLEEP)
            except duckdb.ConnectionException as exc:
                mode = "read-only" if not self.read_only else "read-write"
                raise StoreError(
                    f"store {self.path} is already open {mode} in this process: {first_line(exc)}"
                ) from exc
            except duckdb.Error as exc:
                raise StoreError(f"{self.path} is not a khabar store: {first_line(exc)}") from exc

    @contextmanager
    def session(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one unit of work: the held one, or one opened now and closed after."""
        held = self._con is not None
        con = self._con if self._con is not None else self._connect()
        try:
            yield con
        except (duckdb.InterruptException, RuntimeError) as exc:
            if interrupted(exc):
                raise KeyboardInterrupt from exc  # Ctrl-C/SIGTERM inside a query: a clean interruption, as elsewhere
            raise
        finally:
            if not held:
                con.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """A connection held until close() (for callers that run their own SQL, e.g. exports)."""
        if self._con is None:
            self._con = self._connect()
        return self._con

    def _init_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        try:
            for stmt in schema.create_statements():
                con.execute(stmt)
            con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [str(schema.SCHEMA_VERSION)]
            )
        except duckdb.Error as exc:
            raise StoreError(f"{self.path} is not a khabar store: {first_line(exc)}") from exc

    def _check_schema(self) -> None:
        try:
            self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error as exc:
            self.close()
            raise StoreError(f"{self.path} is not a khabar store") from exc

    def release(self) -> None:
        """Close the held connection, if any (the writer lock stays)."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def close(self) -> None:
        """Close the connection and give up the writer lock."""
        self.release()
        if self._writer is not None:
            self._writer.release()
            self._writer = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # runs -----------------------------------------------------------------
    def begin_run(self, sources: Sequence[str]) -> int:
        """Record the start of a run and return its id; runs left 'running' by a dead process become 'aborted'."""
        with self.session() as con:
            if self._writer is not None and self._writer.exclusive:
                con.execute("UPDATE runs SET status = 'aborted' WHERE status = 'running'")
            row = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
            run_id = int(row[0]) if row else 1
            con.execute(
                "INSERT INTO runs (run_id, started_at, status, sources) VALUES (?, ?, 'running', ?)",
                [run_id, datetime.now(UTC).replace(tzinfo=None), list(sources)],
            )
        return run_id

    def finish_run(self, run_id: int, status: str, counts: dict[str, int], seconds: float) -> None:
        """Record the end of a run with its counts."""
        with self.session() as con:
            con.execute(
                "UPDATE runs SET finished_at = ?, status = ?, records = ?, stored = ?, skipped = ?, rejected = ?,"
                " events = ?, seconds = ? WHERE run_id = ?",
                [
                    datetime.now(UTC).replace(tzinfo=None),
                    status,
                    counts.get("records", 0),
                    counts.get("stored", 0),
                    counts.get("skipped", 0),
                    counts.get("rejected", 0),
                    counts.get("events", 0),
                    seconds,
                    run_id,
                ],
            )

    # writes ---------------------------------------------------------------
    def known(self, keys: Iterable[str]) -> set[str]:
        """The document keys among ``keys`` already in the store."""
        with self.session() as con:
            return self._known(con, list(keys))

    @staticmethod
    def _known(con: duckdb.DuckDBPyConnection, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        rows = con.execute("SELECT doc_key FROM documents WHERE doc_key IN (SELECT unnest(?))", [keys]).fetchall()
        return {r[0] for r in rows}

    def write_batch(self, results: Sequence[DocResult], rejects: Sequence[Reject], run_id: int) -> BatchCounts:
        """Write a batch in one transaction; documents already stored are skipped."""
        with self.session() as con:
            return self._write_batch(con, results, rejects, run_id)

    def _write_batch(
        self, con: duckdb.DuckDBPyConnection, results: Sequence[DocResult], rejects: Sequence[Reject], run_id: int
    ) -> BatchCounts:
        counts = BatchCounts()
        known = self._known(con, [r.analysis.doc.content_hash for r in results])
        tables = {name: Rows(name) for name in ("documents", "stories", "sentences", "mentions", "events", "rejects")}
        seen: set[str] = set()
        for res in results:
            key = res.analysis.doc.content_hash
            if key in known or key in seen:
                counts.skipped += 1
                continue
            seen.add(key)
            counts.stored += 1
            counts.stories += len(res.analysis.stories)
            counts.events += len(res.events)
            document_rows(res, key, run_id, tables)
        seen_rejects: set[str] = set()
        for r in rejects:
            rk = reject_key(r)
            if rk in seen_rejects:
                continue
            seen_rejects.add(rk)
            counts.rejected += 1
            tables["rejects"].add(rk, run_id, r.origin, r.record_id, r.reason.value, clean(r.detail), clean(r.sample))
        try:
            con.execute("BEGIN TRANSACTION")
            for rows in tables.values():
                insert_rows(con, rows)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return counts

    # reads ----------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        out = {}
        with self.session() as con:
            for name in schema.TABLES:
                row = con.execute(f"SELECT count(*) FROM {name}").fetchone()
                out[name] = int(row[0]) if row else 0
        return out

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run a parameterised query; return column names and rows."""
        with self.session() as con:
            cur = con.execute(sql, list(params))
            names = [d[0] for d in cur.description or []]
            return names, cur.fetchall()
