"""DuckDB access: open (with a clear error when locked), batched idempotent writes, queries."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from khabar.errors import StoreError
from khabar.model import DocResult, Reject
from khabar.store import schema
from khabar.store.plover import event_to_plover


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


class Store:
    """A khabar store in one DuckDB file."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}: run `khabar run SOURCE --db {self.path}` first")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"store {self.path} is in use by another khabar process (a run is writing to it); "
                    "wait for it to finish or use another --db"
                ) from exc
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"{self.path} is not a khabar store: {exc}") from exc
        if not read_only:
            self._init_schema()
        else:
            self._check_schema()

    def _init_schema(self) -> None:
        for stmt in schema.create_statements():
            self.con.execute(stmt)
        self.con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [str(schema.SCHEMA_VERSION)]
        )

    def _check_schema(self) -> None:
        try:
            self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path} is not a khabar store") from exc

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # runs -----------------------------------------------------------------
    def begin_run(self, sources: Sequence[str]) -> int:
        """Record the start of a run and return its id."""
        row = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
        run_id = int(row[0]) if row else 1
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, status, sources) VALUES (?, ?, 'running', ?)",
            [run_id, datetime.now(UTC).replace(tzinfo=None), list(sources)],
        )
        return run_id

    def finish_run(self, run_id: int, status: str, counts: dict[str, int], seconds: float) -> None:
        """Record the end of a run with its counts."""
        self.con.execute(
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
        keys = list(keys)
        if not keys:
            return set()
        rows = self.con.execute("SELECT doc_key FROM documents WHERE doc_key IN (SELECT unnest(?))", [keys]).fetchall()
        return {r[0] for r in rows}

    def write_batch(self, results: Sequence[DocResult], rejects: Sequence[Reject], run_id: int) -> BatchCounts:
        """Write a batch in one transaction; documents already stored are skipped."""
        counts = BatchCounts()
        known = self.known(r.analysis.doc.content_hash for r in results)
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
            self._rows_of(res, key, run_id, tables)
        seen_rejects: set[str] = set()
        for r in rejects:
            rk = reject_key(r)
            if rk in seen_rejects:
                continue
            seen_rejects.add(rk)
            counts.rejected += 1
            tables["rejects"].add(rk, run_id, r.origin, r.record_id, r.reason.value, clean(r.detail), clean(r.sample))
        try:
            self.con.execute("BEGIN TRANSACTION")
            for rows in tables.values():
                self._insert(rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return counts

    def _rows_of(self, res: DocResult, key: str, run_id: int, t: dict[str, Rows]) -> None:
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

    def _insert(self, rows: Rows) -> None:
        if not len(rows):
            return
        names = list(rows.cols)
        select = ", ".join(f'unnest(${i + 1}) AS "{c}"' for i, c in enumerate(names))
        cols = ", ".join(f'"{c}"' for c in names)
        conflict = " ON CONFLICT DO NOTHING" if rows.table in ("events", "rejects") else ""
        self.con.execute(f"INSERT INTO {rows.table} ({cols}) SELECT {select}{conflict}", list(rows.cols.values()))

    # reads ----------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        out = {}
        for name in schema.TABLES:
            row = self.con.execute(f"SELECT count(*) FROM {name}").fetchone()
            out[name] = int(row[0]) if row else 0
        return out

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run a parameterised query; return column names and rows."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or []]
        return names, cur.fetchall()
