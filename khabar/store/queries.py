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
# The day an event is placed on: its own date, else the publication date of its report.
DAY_SQL = "coalesce(date, (SELECT d.pub_date FROM documents d WHERE d.doc_key = events.doc_key))"


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
    who: str | None = None  # an actor or recipient by name (substring) or code (exact)
    events: tuple[str, ...] = ()  # any of these event types (e.g. a quad class)
    mode: str | None = None
    outlet: str | None = None
    report_day: bool = False  # since/until apply to the event's date, else its report's publication date
    newest_first: bool = False

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
        if self.report_day and (self.since or self.until):
            self._report_days(conds, params)
        else:
            if self.since:
                conds.append("date >= ?")
                params.append(self.since)
            if self.until:
                conds.append("date <= ?")
                params.append(self.until)
        if self.text:
            conds.append("evidence LIKE ?")
            params.append(f"%{self.text}%")
        self._more(conds, params)
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def _report_days(self, conds: list[str], params: list[Any]) -> None:
        """since/until on the event's date, else (undated events) on its report's publication date."""
        lo, hi = self.since or date.min, self.until or date.max
        conds.append(
            "(date BETWEEN ? AND ? OR (date IS NULL AND doc_key IN"
            " (SELECT doc_key FROM documents WHERE pub_date BETWEEN ? AND ?)))"
        )
        params += [lo, hi, lo, hi]

    def _more(self, conds: list[str], params: list[Any]) -> None:
        """Conditions of the API's extra filters (who, event types, mode, outlet)."""
        if self.who:
            conds.append(
                "(array_to_string(actor_names, '|') ILIKE ? OR array_to_string(recipient_names, '|') ILIKE ?"
                " OR list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))"
            )
            params += [f"%{self.who}%"] * 2 + [self.who.upper()] * 2
        if self.events:
            conds.append("list_contains(?, event)")
            params.append([e.upper() for e in self.events])
        if self.mode:
            conds.append("mode = ?")
            params.append(self.mode)
        if self.outlet:
            conds.append("doc_key IN (SELECT doc_key FROM documents WHERE outlet = ?)")
            params.append(self.outlet)

    def page(self) -> tuple[str, list[Any]]:
        """ORDER BY / LIMIT / OFFSET clause and parameters."""
        sql = " ORDER BY date NULLS LAST, doc_id, sentence, event_id"
        if self.newest_first:
            sql = " ORDER BY date DESC NULLS LAST, doc_id, sentence, event_id"
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


# The API's reads (khabar serve) ---------------------------------------------------------

EVENT_ROW_COLS = (
    "event_id, doc_key, doc_id, lang, event, mode, date, aux, actor_codes, actor_names,"
    " recipient_codes, recipient_names, sectors, evidence, confidence"
)


def records(names: list[str], rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Rows as dicts keyed by column name."""
    return [dict(zip(names, r, strict=True)) for r in rows]


def count(store: Store, f: EventFilter) -> int:
    """Number of events matching a filter (ignoring its page)."""
    where, params = f.where()
    _, rows = store.query(f"SELECT count(*) FROM events{where}", params)
    return int(rows[0][0]) if rows else 0


def pub_dates(store: Store, doc_keys: list[str]) -> dict[str, Any]:
    """Publication dates of some documents, by key."""
    if not doc_keys:
        return {}
    _, rows = store.query("SELECT doc_key, pub_date FROM documents WHERE doc_key = ANY(?)", [sorted(set(doc_keys))])
    return dict(rows)  # type: ignore[arg-type]


def event_rows(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """One page of events matching a filter, as dicts (the API's table rows), each with its day."""
    where, params = f.where()
    page, pparams = f.page()
    items = records(*store.query(f"SELECT {EVENT_ROW_COLS} FROM events{where}{page}", params + pparams))
    dates = pub_dates(store, [it["doc_key"] for it in items if it["date"] is None])
    for it in items:
        it["day"] = it["date"] if it["date"] is not None else dates.get(it["doc_key"])
    return items


def event_page(store: Store, f: EventFilter) -> tuple[int, list[dict[str, Any]]]:
    """The number of events matching a filter and its page of rows."""
    return count(store, f), event_rows(store, f)


def document_events(store: Store, doc_key: str) -> list[dict[str, Any]]:
    """The events of one document with their evidence offsets."""
    _, rows = store.query(
        "SELECT event_id, event, evidence_start, evidence_end FROM events WHERE doc_key = ? ORDER BY evidence_start",
        [doc_key],
    )
    return [{"event_id": r[0], "event": r[1], "start": r[2], "end": r[3]} for r in rows]


def event_plover(store: Store, event_id: str) -> tuple[str, dict[str, Any]] | None:
    """The document key and PLOVER JSON of one event, or None."""
    _, rows = store.query("SELECT doc_key, plover FROM events WHERE event_id = ?", [event_id])
    return (rows[0][0], json.loads(rows[0][1])) if rows else None


def sentences_over(store: Store, doc_key: str, start: int, end: int) -> list[dict[str, Any]]:
    """The sentences of a document that overlap the raw span [start, end)."""
    return records(
        *store.query(
            'SELECT sentence, story, start, "end" FROM sentences WHERE doc_key = ? AND start < ? AND "end" > ?'
            " ORDER BY sentence",
            [doc_key, end, start],
        )
    )


def document(store: Store, key: str) -> dict[str, Any] | None:
    """A stored document by its key (content hash) or, failing that, its id."""
    names, rows = store.query(
        "SELECT doc_key, doc_id, origin, lang, pub_date, url, source, outlet, citations, text FROM documents"
        " WHERE doc_key = ? OR doc_id = ? ORDER BY doc_key = ? DESC, run_id LIMIT 1",
        [key, key, key],
    )
    return records(names, rows)[0] if rows else None


def actor_counts(store: Store, f: EventFilter, limit: int) -> list[dict[str, Any]]:
    """Actors (code + canonical name) of the matching events with how often each acts and is acted on."""
    where, params = f.where()
    sql = (
        "WITH f AS (SELECT event_id, actor_codes, actor_names, recipient_codes, recipient_names FROM events"
        f"{where}), a AS (SELECT unnest(actor_codes) AS code, unnest(actor_names) AS name, 1 AS src, 0 AS tgt FROM f"
        " UNION ALL SELECT unnest(recipient_codes), unnest(recipient_names), 0, 1 FROM f)"
        " SELECT code, name, sum(src)::INTEGER AS as_actor, sum(tgt)::INTEGER AS as_recipient,"
        " count(*)::INTEGER AS events FROM a GROUP BY code, name ORDER BY events DESC, code, name LIMIT ?"
    )
    return records(*store.query(sql, [*params, limit]))


def daily_counts(store: Store, f: EventFilter) -> list[tuple[Any, str, int]]:
    """(day, event type, count) of the matching events; the day is None for undated events."""
    where, params = f.where()
    _, rows = store.query(
        f"SELECT {DAY_SQL} AS day, event, count(*) FROM events{where} GROUP BY ALL ORDER BY day NULLS LAST, event",
        params,
    )
    return [(r[0], r[1], int(r[2])) for r in rows]


def participant_groups(store: Store, f: EventFilter) -> list[tuple[Any, ...]]:
    """(event, actor codes, actor names, recipient codes, recipient names, count) of the matching events."""
    where, params = f.where()
    _, rows = store.query(
        "SELECT event, actor_codes, actor_names, recipient_codes, recipient_names, count(*) FROM events"
        f"{where} GROUP BY ALL",
        params,
    )
    return rows


def facets(store: Store) -> dict[str, list[Any]]:
    """Distinct values an analyst can filter on: languages, modes, outlets, sectors, event types."""
    out: dict[str, list[Any]] = {}
    for name, sql in (
        ("langs", "SELECT DISTINCT lang FROM documents WHERE lang IS NOT NULL ORDER BY 1"),
        ("modes", "SELECT DISTINCT mode FROM events WHERE mode IS NOT NULL ORDER BY 1"),
        ("outlets", "SELECT outlet FROM documents WHERE outlet IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 99"),
        ("sectors", "SELECT DISTINCT unnest(sectors) FROM events ORDER BY 1"),
        ("events", "SELECT DISTINCT event FROM events ORDER BY 1"),
    ):
        out[name] = [r[0] for r in store.query(sql)[1]]
    return out


def totals(store: Store) -> dict[str, int]:
    """Numbers of documents and events, and the events without any day."""
    _, rows = store.query(
        f"SELECT (SELECT count(*) FROM documents), count(*), count(*) FILTER (WHERE {DAY_SQL} IS NULL) FROM events"
    )
    d, e, u = rows[0]
    return {"documents": int(d), "events": int(e), "undated": int(u)}


def mentions_in(store: Store, doc_key: str, start: int, end: int) -> list[dict[str, Any]]:
    """Actor mentions of a document inside the raw span [start, end)."""
    return records(
        *store.query(
            'SELECT start, "end", text, code, sector, name, entity FROM mentions'
            ' WHERE doc_key = ? AND start >= ? AND "end" <= ? ORDER BY start',
            [doc_key, start, end],
        )
    )
