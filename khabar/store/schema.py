"""The DuckDB schema of a khabar store: one table per kind of record, keyed for idempotence."""

from __future__ import annotations

SCHEMA_VERSION = 1

# Each table: ordered (column, type) pairs. Insert code follows this order.
TABLES: dict[str, list[tuple[str, str]]] = {
    "meta": [("key", "VARCHAR PRIMARY KEY"), ("value", "VARCHAR")],
    "runs": [
        ("run_id", "INTEGER PRIMARY KEY"),
        ("started_at", "TIMESTAMP"),
        ("finished_at", "TIMESTAMP"),
        ("status", "VARCHAR"),
        ("sources", "VARCHAR[]"),
        ("records", "INTEGER"),
        ("stored", "INTEGER"),
        ("skipped", "INTEGER"),
        ("rejected", "INTEGER"),
        ("events", "INTEGER"),
        ("seconds", "DOUBLE"),
    ],
    "documents": [
        ("doc_key", "VARCHAR PRIMARY KEY"),
        ("doc_id", "VARCHAR"),
        ("origin", "VARCHAR"),
        ("lang", "VARCHAR"),
        ("pub_date", "DATE"),
        ("url", "VARCHAR"),
        ("source", "VARCHAR"),
        ("outlet", "VARCHAR"),
        ("citations", "VARCHAR[]"),
        ("text", "VARCHAR"),
        ("run_id", "INTEGER"),
    ],
    "stories": [
        ("doc_key", "VARCHAR"),
        ("story", "INTEGER"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("pub_date", "DATE"),
    ],
    "sentences": [
        ("doc_key", "VARCHAR"),
        ("sentence", "INTEGER"),
        ("story", "INTEGER"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
    ],
    "mentions": [
        ("doc_key", "VARCHAR"),
        ("sentence", "INTEGER"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("text", "VARCHAR"),
        ("code", "VARCHAR"),
        ("sector", "VARCHAR"),
        ("name", "VARCHAR"),
        ("wikidata", "VARCHAR"),
        ("entity", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("rule", "VARCHAR"),
    ],
    "events": [
        ("event_id", "VARCHAR PRIMARY KEY"),
        ("doc_key", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("lang", "VARCHAR"),
        ("story", "INTEGER"),
        ("sentence", "INTEGER"),
        ("event", "VARCHAR"),
        ("mode", "VARCHAR"),
        ("date", "DATE"),
        ("aux", "VARCHAR"),
        ("context", "VARCHAR[]"),
        ("actor_codes", "VARCHAR[]"),
        ("recipient_codes", "VARCHAR[]"),
        ("actor_names", "VARCHAR[]"),
        ("recipient_names", "VARCHAR[]"),
        ("sectors", "VARCHAR[]"),
        ("evidence", "VARCHAR"),
        ("evidence_start", "INTEGER"),
        ("evidence_end", "INTEGER"),
        ("confidence", "DOUBLE"),
        ("rule", "VARCHAR"),
        ("plover", "JSON"),
    ],
    "rejects": [
        ("reject_key", "VARCHAR PRIMARY KEY"),
        ("run_id", "INTEGER"),
        ("origin", "VARCHAR"),
        ("record_id", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("detail", "VARCHAR"),
        ("sample", "VARCHAR"),
    ],
}


def create_statements() -> list[str]:
    """CREATE TABLE IF NOT EXISTS for every table."""
    out = []
    for name, cols in TABLES.items():
        body = ", ".join(f'"{c}" {t}' for c, t in cols)
        out.append(f"CREATE TABLE IF NOT EXISTS {name} ({body})")
    return out


def columns(table: str) -> list[str]:
    """Column names of a table, in insert order."""
    return [c for c, _ in TABLES[table]]
