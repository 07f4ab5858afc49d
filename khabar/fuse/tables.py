"""The fusion tables (beside the store's own, never altering them) and their reads and writes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import duckdb

from khabar.fuse.rules import Candidate, Cluster, words

Con = duckdb.DuckDBPyConnection

TABLES: dict[str, list[tuple[str, str]]] = {
    "fused_events": [
        ("fused_id", "VARCHAR PRIMARY KEY"),
        ("fuse_key", "VARCHAR"),
        ("event", "VARCHAR"),
        ("mode", "VARCHAR"),
        ("aux", "VARCHAR"),
        ("location", "VARCHAR"),
        ("date", "DATE"),
        ("scope_doc", "VARCHAR"),
        ("actor_codes", "VARCHAR[]"),
        ("recipient_codes", "VARCHAR[]"),
        ("persons", "VARCHAR[]"),
        ("mentions", "INTEGER"),
        ("documents", "INTEGER"),
        ("outlets", "INTEGER"),
        ("outlet_names", "VARCHAR[]"),
        ("languages", "VARCHAR[]"),
        ("first_reported", "DATE"),
        ("last_reported", "DATE"),
        ("original_sources", "VARCHAR[]"),
        ("independent_sources", "INTEGER"),
        ("updated_at", "TIMESTAMP"),
    ],
    "fused_members": [
        ("event_id", "VARCHAR PRIMARY KEY"),
        ("fused_id", "VARCHAR"),
        ("doc_key", "VARCHAR"),
        ("rule", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("joined_at", "TIMESTAMP"),
    ],
    "fused_aliases": [("old_id", "VARCHAR PRIMARY KEY"), ("fused_id", "VARCHAR")],
    "fuse_meta": [("key", "VARCHAR PRIMARY KEY"), ("value", "VARCHAR")],
}

# A story-level event with what fusion compares: its report's date is the story's, else the document's,
# and its words are those of the sentence that states it.
CANDIDATE_COLS = """e.event_id, e.doc_key, e.event, e.actor_codes, e.recipient_codes, e.mode, e.aux,
       json_extract_string(e.plover, '$.event_loc.name'), e.date, coalesce(s.pub_date, d.pub_date),
       json_extract(e.plover, '$.actor'), json_extract(e.plover, '$.recipient'),
       coalesce(substring(d.text, se.start + 1, se."end" - se.start), e.evidence)"""
CANDIDATE_FROM = """events e JOIN documents d ON d.doc_key = e.doc_key
LEFT JOIN stories s ON s.doc_key = e.doc_key AND s.story = e.story
LEFT JOIN sentences se ON se.doc_key = e.doc_key AND se.sentence = e.sentence"""
CANDIDATE_SQL = f"SELECT {CANDIDATE_COLS} FROM {CANDIDATE_FROM}"

CLUSTER_COLS = (
    "fused_id, fuse_key, event, actor_codes, recipient_codes, mode, aux, location, date, scope_doc, "
    "first_reported, last_reported, mentions, persons"
)

# Mention kinds whose entity is one identified person.
PERSON_KINDS = ("person", "title", "coref")


def now() -> datetime:
    """The current UTC time, naive (as the store keeps times)."""
    return datetime.now(UTC).replace(tzinfo=None)


def create(con: Con) -> None:
    """Create the fusion tables when missing."""
    for name, cols in TABLES.items():
        body = ", ".join(f'"{c}" {t}' for c, t in cols)
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({body})")


def exists(con: Con) -> bool:
    """Whether the store has been fused at least once."""
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'fused_members'"
    ).fetchone()
    return bool(row and row[0])


def meta(con: Con, key: str) -> str | None:
    """A fusion meta value."""
    row = con.execute("SELECT value FROM fuse_meta WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else None


def set_meta(con: Con, key: str, value: str) -> None:
    """Set a fusion meta value."""
    con.execute("INSERT OR REPLACE INTO fuse_meta VALUES (?, ?)", [key, value])


def persons(*roles: str | None) -> tuple[str, ...]:
    """'CODE=entity' of the identified people among PLOVER participants (JSON lists)."""
    out = set()
    for role in roles:
        for ent in json.loads(role) if role else []:
            if ent.get("entity") and ent.get("kind") in PERSON_KINDS and ent.get("code"):
                out.add(f"{ent['code']}={ent['entity']}")
    return tuple(sorted(out))


def candidate(row: Sequence[Any]) -> Candidate:
    """A Candidate from a CANDIDATE_SQL row (its words: those of the sentence that states it)."""
    eid, doc, ev, ac, rc, mode, aux, loc, day, reported, actor, recipient, evidence = row
    return Candidate(
        eid, doc, ev, tuple(ac or ()), tuple(rc or ()), mode, aux, loc, day, reported, persons(actor, recipient),
        words(evidence),
    )


def unfused(con: Con) -> list[Candidate]:
    """Story-level events not yet in any fused event."""
    rows = con.execute(
        CANDIDATE_SQL + " WHERE NOT EXISTS (SELECT 1 FROM fused_members m WHERE m.event_id = e.event_id)"
    ).fetchall()
    return [candidate(r) for r in rows]


def candidates_of(con: Con, fused_ids: Sequence[str]) -> dict[str, list[Candidate]]:
    """The member events of some fused events, by fused id."""
    if not fused_ids:
        return {}
    rows = con.execute(
        f"SELECT m.fused_id, {CANDIDATE_COLS} FROM fused_members m JOIN {CANDIDATE_FROM} ON e.event_id = m.event_id"
        " WHERE m.fused_id IN (SELECT unnest(?))",
        [list(fused_ids)],
    ).fetchall()
    out: dict[str, list[Candidate]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(candidate(r[1:]))
    return out


def cluster(row: Sequence[Any]) -> Cluster:
    """A Cluster from a fused_events row (CLUSTER_COLS)."""
    fid, key, ev, ac, rc, mode, aux, loc, day, scope, first, last, n, people = row
    return Cluster(
        fid, key, ev, tuple(ac or ()), tuple(rc or ()), mode, aux, loc, day, scope, first, last, n or 0,
        tuple(people or ()),
    )


def clusters_by_key(con: Con, keys: Iterable[str]) -> dict[str, list[Cluster]]:
    """Existing fused events of the given fusion keys."""
    keys = list(keys)
    out: dict[str, list[Cluster]] = {}
    if not keys:
        return out
    rows = con.execute(
        f"SELECT {CLUSTER_COLS} FROM fused_events WHERE fuse_key IN (SELECT unnest(?))", [keys]
    ).fetchall()
    by_id = {}
    for r in rows:
        cl = by_id[r[0]] = cluster(r)
        out.setdefault(cl.key, []).append(cl)
    texts = con.execute(
        "SELECT m.fused_id, coalesce(substring(d.text, se.start + 1, se.\"end\" - se.start), e.evidence) "
        "FROM fused_members m JOIN events e ON e.event_id = m.event_id JOIN documents d ON d.doc_key = e.doc_key "
        "LEFT JOIN sentences se ON se.doc_key = e.doc_key AND se.sentence = e.sentence "
        "WHERE m.fused_id IN (SELECT unnest(?))", [list(by_id)],
    ).fetchall()  # fmt: skip
    for fid, evidence in texts:
        by_id[fid].texts.append(words(evidence))
    return out


def taken_ids(con: Con, ids: Sequence[str]) -> set[str]:
    """Which of these fused ids exist already (as fused events or as the old id of a merged one)."""
    if not ids:
        return set()
    rows = con.execute(
        "SELECT fused_id FROM fused_events WHERE fused_id IN (SELECT unnest($1)) "
        "UNION SELECT old_id FROM fused_aliases WHERE old_id IN (SELECT unnest($1))", [list(ids)],
    )  # fmt: skip
    return {r[0] for r in rows.fetchall()}


def insert(con: Con, table: str, rows: Sequence[Sequence[Any]]) -> None:
    """Insert rows (values in table order) in one statement."""
    if not rows:
        return
    names = [c for c, _ in TABLES[table]]
    columns = [list(col) for col in zip(*rows, strict=True)]
    select = ", ".join(f'unnest(${i + 1}) AS "{c}"' for i, c in enumerate(names))
    cols = ", ".join(f'"{c}"' for c in names)
    con.execute(f"INSERT INTO {table} ({cols}) SELECT {select}", columns)


def delete(con: Con, table: str, column: str, values: Sequence[str]) -> None:
    """Delete the rows whose column is one of the values."""
    if values:
        con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [list(values)])


def clear(con: Con) -> None:
    """Empty every fusion table (a rebuild)."""
    for name in TABLES:
        if name != "fuse_meta":
            con.execute(f"DELETE FROM {name}")


def orphans(con: Con) -> list[tuple[str, str]]:
    """Memberships whose story-level event is gone (reprocessed away): (event_id, fused_id)."""
    rows = con.execute(
        "SELECT m.event_id, m.fused_id FROM fused_members m "
        "WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = m.event_id)"
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def fused_of(con: Con, event_ids: Sequence[str]) -> list[tuple[str, str]]:
    """(event_id, fused_id) of these story-level events' memberships."""
    if not event_ids:
        return []
    rows = con.execute(
        "SELECT event_id, fused_id FROM fused_members WHERE event_id IN (SELECT unnest(?))", [list(event_ids)]
    ).fetchall()
    return [(r[0], r[1]) for r in rows]
