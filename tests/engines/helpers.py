"""Generated input for engine tests and a way to compare two stores."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from khabar.store.db import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
COMPARED = {
    "documents": "doc_key",
    "stories": "doc_key, story",
    "sentences": "doc_key, sentence",
    "mentions": 'doc_key, start, "end", code, rule',
    "events": "event_id",
    "rejects": "reject_key",
}


def paragraphs() -> list[list[str]]:
    """The paragraphs of each example document."""
    out = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        out.append(paras)
    return out


def generate(path: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` JSONL records made of shuffled example paragraphs, with duplicates and bad lines mixed in.

    Returns the number of lines written.
    """
    rng = random.Random(seed)
    docs = paragraphs()
    lines: list[str] = []
    for i in range(n):
        paras = rng.choice(docs)
        body = rng.sample(paras, k=min(len(paras), rng.randint(2, 6)))
        rec: dict[str, Any] = {"id": f"gen-{i}", "text": "\n\n".join(body), "date": f"2024-{rng.randint(1, 12):02d}-11"}
        lines.append(json.dumps(rec, ensure_ascii=False))
        if i % 50 == 7:
            lines.append(lines[-1])  # the same record twice: stored once
        if i % 97 == 3:
            lines.append('{"id": "broken", "text": ')  # malformed JSON: a reject
        if i % 89 == 5:
            lines.append(json.dumps({"id": f"empty-{i}", "text": "   "}))  # empty text: a reject
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def table_rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the compared tables (run-independent columns), in a stable order."""
    out = {}
    with Store(db, read_only=True) as store:
        for table, order in COMPARED.items():
            _, rows = (
                store.query(f"SELECT * EXCLUDE (run_id) FROM {table} ORDER BY {order}")
                if table
                in (
                    "documents",
                    "rejects",
                )
                else store.query(f"SELECT * FROM {table} ORDER BY {order}")
            )
            out[table] = [tuple(str(v) if isinstance(v, dict) else v for v in r) for r in rows]
    return out


def difference(a: dict[str, list[tuple[Any, ...]]], b: dict[str, list[tuple[Any, ...]]]) -> str:
    """The first differing row of two stores' tables, for an assertion message ('' when equal)."""
    for table in a:
        if a[table] != b.get(table):
            rows = b.get(table, [])
            if len(a[table]) != len(rows):
                return f"{table}: {len(a[table])} rows vs {len(rows)}"
            x, y = next((x, y) for x, y in zip(a[table], rows, strict=True) if x != y)
            diff = [(i, u, v) for i, (u, v) in enumerate(zip(x, y, strict=True)) if u != v]
            return f"{table}: row {x[:3]}: columns differ {str(diff)[:600]}"
    return ""
