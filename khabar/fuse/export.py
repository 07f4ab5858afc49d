"""Fused events out: PLOVER JSONL with a ``mentions`` list, or an events table plus a mentions table.

Like GDELT's events/mentions pair, CSV and Parquet go to two files: ``PATH`` (one row per
fused event) and ``PATH`` with ``.mentions`` before its suffix (one row per mention,
keyed by ``fused_id``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from khabar.errors import UsageError
from khabar.fuse import tables
from khabar.fuse.show import HEAD_COLS, mention, mentions_sql, rows_as_dicts
from khabar.fuse.tables import Con

FORMATS = ("plover", "csv", "parquet")
LIST_COLS = ("actor_codes", "recipient_codes", "outlet_names", "languages", "original_sources")
CHUNK = 500
COUNT_KEYS = ("documents", "outlets", "outlet_names", "languages", "first_reported", "last_reported",
              "original_sources", "independent_sources")  # fmt: skip


def mentions_path(path: Path) -> Path:
    """Where the mentions table of an export goes: 'events.csv' -> 'events.mentions.csv'."""
    return path.with_name(f"{path.stem}.mentions{path.suffix}")


def require_fused(con: Con) -> None:
    """Raise a clear error when the store was never fused."""
    if not tables.exists(con):
        raise UsageError("this store has no fused events yet: run `khabar fuse --db ...` first")


def _entities(mentions: list[dict[str, Any]], role: str) -> list[dict[str, Any]]:
    """The participants of a role across mentions, one per code and identity (first mention's words)."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for m in mentions:
        for ent in m[role]:
            key = (ent.get("code"), ent.get("entity") or ent.get("identifier_text"))
            if key not in seen:
                seen.add(key)
                out.append(ent)
    return out


def _plain(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date) else v


def plover_object(head: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """The PLOVER-style JSON object of one fused event with its mentions."""
    keep = ("event_id", "doc_id", "url", "outlet_name", "relays", "lang", "reported", "date", "mode", "aux",
            "sentence", "sentence_start", "sentence_end", "sentence_text", "evidence_start", "evidence_end",
            "evidence", "trigger", "actor", "recipient", "rule", "reason")  # fmt: skip
    return {
        "id": head["fused_id"],
        "event": head["event"],
        "mode": head["mode"],
        "date": _plain(head["date"]),
        "aux": head["aux"],
        "event_loc": {"name": head["location"]} if head["location"] else None,
        "actor": _entities(mentions, "actor"),
        "recipient": _entities(mentions, "recipient"),
        "actor_codes": head["actor_codes"],
        "recipient_codes": head["recipient_codes"],
        "counts": {"mentions": head["mention_count"]} | {k: _plain(head[k]) for k in COUNT_KEYS},
        "mentions": [{k: _plain(m[k]) for k in keep} for m in mentions],
    }


def plover_objects(con: Con) -> Iterator[dict[str, Any]]:
    """Every fused event as a PLOVER-style object, in date order, read in chunks."""
    require_fused(con)
    ids = [r[0] for r in con.execute("SELECT fused_id FROM fused_events ORDER BY date NULLS LAST, fused_id").fetchall()]
    for i in range(0, len(ids), CHUNK):
        part = ids[i : i + CHUNK]
        heads = rows_as_dicts(con.execute(f"SELECT {HEAD_COLS} FROM fused_events WHERE fused_id IN "
                                          "(SELECT unnest(?))", [part]))  # fmt: skip
        by_id: dict[str, list[dict[str, Any]]] = {}
        for row in rows_as_dicts(con.execute(mentions_sql(True, "m.fused_id IN (SELECT unnest(?))"), [part])):
            by_id.setdefault(row["fused_id"], []).append(mention(row))
        order = {fid: n for n, fid in enumerate(part)}
        for head in sorted(heads, key=lambda h: order[h["fused_id"]]):
            yield plover_object(head, by_id.get(head["fused_id"], []))


def write_plover(con: Con, path: Path) -> tuple[int, int]:
    """Write PLOVER JSONL; return (fused events, mentions)."""
    n = m = 0
    with path.open("w", encoding="utf-8") as f:
        for obj in plover_objects(con):
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
            m += len(obj["mentions"])
    return n, m


def _table_sql(fmt: str) -> tuple[str, str]:
    """SELECTs of the events table and the mentions table (lists joined with ';' for CSV)."""
    def col(c: str) -> str:
        return f"array_to_string({c}, ';') AS {c}" if fmt == "csv" else c

    heads = ", ".join(col(c.strip()) if c.strip() in LIST_COLS else c.strip() for c in HEAD_COLS.split(","))
    heads = heads.replace("mentions AS mention_count", "mentions")
    events = f"SELECT {heads} FROM fused_events ORDER BY date NULLS LAST, fused_id"
    inner = mentions_sql(True, "TRUE").replace(", e.plover\n", "\n")
    cites = "array_to_string(citations, ';')" if fmt == "csv" else "citations"
    lists = ("actor_codes", "recipient_codes", "actor_names", "recipient_names")
    listed = ", ".join(f"array_to_string({c}, ';') AS {c}" if fmt == "csv" else c for c in lists)
    mentions = (
        f"SELECT fused_id, event_id, doc_id, url, source, outlet, {cites} AS citations, lang, reported, event, mode,"
        f" date, aux, {listed}, sentence, sentence_start, sentence_end, sentence_text, evidence_start,"
        f" evidence_end, evidence, trigger, rule, reason FROM ({inner}) ORDER BY fused_id, reported, doc_id"
    )
    return events, mentions


def write_tables(con: Con, path: Path, fmt: str) -> tuple[int, int]:
    """Write the events and mentions tables as CSV or Parquet; return (fused events, mentions)."""
    require_fused(con)
    events, mentions = _table_sql(fmt)
    opts = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet"
    con.execute(f"COPY ({events}) TO '{_quoted(path)}' ({opts})")
    con.execute(f"COPY ({mentions}) TO '{_quoted(mentions_path(path))}' ({opts})")
    n = con.execute("SELECT count(*) FROM fused_events").fetchone()
    m = con.execute("SELECT count(*) FROM fused_members").fetchone()
    return (int(n[0]) if n else 0), (int(m[0]) if m else 0)


def _quoted(path: Path) -> str:
    """A path as the inside of a SQL string literal (COPY takes no parameter for its target)."""
    return str(path).replace("'", "''")


def export(con: Con, fmt: str, path: Path) -> tuple[int, int]:
    """Export fused events in a format to a path; return (fused events, mentions)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    if fmt == "plover":
        return write_plover(con, path)
    return write_tables(con, path, fmt)
