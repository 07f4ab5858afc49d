"""Parameterised queries over a store: event filters, rejects, exports."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from khabar.errors import UsageError
from khabar.store.db import Store

EXPORT_FORMATS = ("plover", "csv", "parquet")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What an analyst can ask of the events table; every field optional."""

    event: str | None = None
    code: str | None = None
    actor: str | None = None
    sector: str | None = None
    lang: str | None = None
    doc: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    limit: int | None = None
    offset: int = 0

    def where(self) -> tuple[str, list[Any]]:
        """SQL WHERE clause and its parameters (never string-built from values)."""
        conds: list[str] = []
        params: list[Any] = []
        if self.event:
            conds.append("event = ?")
            params.append(self.event.upper())
        if self.code:
            conds.append("(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))")
            params += [self.code.upper()] * 2
        if self.actor:
            conds.append("(array_to_string(actor_names, '|') ILIKE ? OR array_to_string(recipient_names, '|') ILIKE ?)")
            params += [f"%{self.actor}%"] * 2
        if self.sector:
            conds.append("list_contains(sectors, ?)")
            params.append(self.sector.upper())
        if self.lang:
            conds.append("lang = ?")
            params.append(self.lang)
        if self.doc:
            conds.append("doc_id = ?")
            params.append(self.doc)
        if self.since:
            conds.append("date >= ?")
            params.append(self.since)
        if self.until:
            conds.append("date <= ?")
            params.append(self.until)
        if self.text:
            conds.append("evidence LIKE ?")
            params.append(f"%{self.text}%")
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def page(self) -> tuple[str, list[Any]]:
        """ORDER BY / LIMIT / OFFSET clause and parameters."""
        sql = " ORDER BY date NULLS LAST, doc_id, sentence, event_id"
        params: list[Any] = []
        if self.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [self.limit, self.offset]
        return sql, params


def events(store: Store, f: EventFilter) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Events matching a filter, for tables."""
    where, params = f.where()
    page, pparams = f.page()
    sql = (
        "SELECT date, event, mode, aux, actor_codes, actor_names, recipient_codes, recipient_names, lang, doc_id,"
        f" evidence, event_id FROM events{where}{page}"
    )
    return store.query(sql, params + pparams)


def plover_events(store: Store, f: EventFilter) -> Iterator[dict[str, Any]]:
    """PLOVER JSON objects of the events matching a filter."""
    where, params = f.where()
    page, pparams = f.page()
    _, rows = store.query(f"SELECT plover FROM events{where}{page}", params + pparams)
    for (p,) in rows:
        yield json.loads(p)


def rejects(store: Store, reason: str | None, limit: int | None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Stored rejects, optionally of one reason."""
    sql = "SELECT reason, origin, record_id, detail, sample, run_id FROM rejects"
    params: list[Any] = []
    if reason:
        sql += " WHERE reason = ?"
        params.append(reason)
    sql += " ORDER BY origin"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return store.query(sql, params)


def reject_counts(store: Store) -> list[tuple[str, int]]:
    """Number of stored rejects per reason."""
    _, rows = store.query("SELECT reason, count(*) FROM rejects GROUP BY reason ORDER BY 2 DESC")
    return [(r[0], int(r[1])) for r in rows]


def export(store: Store, fmt: str, out: Path, f: EventFilter) -> int:
    """Write the events matching a filter to ``out``; returns the number written."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "plover":
        n = 0
        with out.open("w", encoding="utf-8") as fh:
            for obj in plover_events(store, f):
                fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
                n += 1
        return n
    where, params = f.where()
    page, pparams = f.page()
    cols = (
        "event_id, doc_id, lang, story, sentence, event, mode, date, aux, array_to_string(context, ';') AS context,"
        " array_to_string(actor_codes, ';') AS actor_codes, array_to_string(actor_names, ';') AS actor_names,"
        " array_to_string(recipient_codes, ';') AS recipient_codes,"
        " array_to_string(recipient_names, ';') AS recipient_names, evidence, evidence_start, evidence_end,"
        " confidence, rule"
    )
    option = "(FORMAT CSV, HEADER)" if fmt == "csv" else "(FORMAT PARQUET)"
    inner = f"SELECT {cols} FROM events{where}{page}"
    store.con.execute(f"COPY ({inner}) TO '{_sql_path(out)}' {option}", params + pparams)
    row = store.con.execute(f"SELECT count(*) FROM ({inner})", params + pparams).fetchone()
    return int(row[0]) if row else 0


def _sql_path(p: Path) -> str:
    """A file path as a SQL string literal body (COPY takes no parameter for it)."""
    return str(p).replace("'", "''")
