"""One fused event with every mention: document, outlet, language, date, sentence, words, and why it joined."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from khabar.errors import UsageError
from khabar.fuse import tables
from khabar.fuse.agencies import origin_of
from khabar.fuse.tables import Con

HEAD_COLS = (
    "fused_id, event, mode, aux, location, date, actor_codes, recipient_codes, mentions AS mention_count, "
    "documents, outlets, outlet_names, languages, first_reported, last_reported, original_sources, independent_sources"
)

# Every mention of some fused events (or of lone story-level events), with its words.
MENTIONS_SQL = """
SELECT {fid} AS fused_id, e.event_id, e.doc_key, e.doc_id, d.url, d.source, d.outlet, d.citations, d.lang,
       coalesce(st.pub_date, d.pub_date) AS reported, e.event, e.mode, e.date, e.aux,
       e.actor_codes, e.recipient_codes, e.actor_names, e.recipient_names,
       e.sentence, se.start AS sentence_start, se."end" AS sentence_end,
       substring(d.text, se.start + 1, se."end" - se.start) AS sentence_text,
       e.evidence_start, e.evidence_end, e.evidence,
       json_extract_string(e.plover, '$.trigger.text') AS trigger,
       {rule} AS rule, {reason} AS reason, e.plover
FROM events e JOIN documents d ON d.doc_key = e.doc_key
LEFT JOIN stories st ON st.doc_key = e.doc_key AND st.story = e.story
LEFT JOIN sentences se ON se.doc_key = e.doc_key AND se.sentence = e.sentence
{join}
WHERE {where}
ORDER BY reported NULLS LAST, e.doc_id, e.evidence_start
"""


def mentions_sql(fused: bool, where: str) -> str:
    """The mention query for fused members (``fused``) or for bare story-level events."""
    if fused:
        return MENTIONS_SQL.format(
            fid="m.fused_id", rule="m.rule", reason="m.reason",
            join="JOIN fused_members m ON m.event_id = e.event_id", where=where,
        )  # fmt: skip
    return MENTIONS_SQL.format(fid="NULL", rule="'unfused'", reason="'not fused yet: run `khabar fuse`'",
                               join="", where=where)  # fmt: skip


def _one(con: Con, sql: str, params: Sequence[Any]) -> Any:
    row = con.execute(sql, list(params)).fetchone()
    return row[0] if row else None


def resolve(con: Con, ident: str) -> tuple[str | None, str | None]:
    """(fused id, story-level event id) an id refers to: a fused id, an old merged one, or an event id."""
    if tables.exists(con):
        if _one(con, "SELECT fused_id FROM fused_events WHERE fused_id = ?", [ident]):
            return ident, None
        alias = _one(con, "SELECT fused_id FROM fused_aliases WHERE old_id = ?", [ident])
        if alias:
            return str(alias), None
        fid = _one(con, "SELECT fused_id FROM fused_members WHERE event_id = ?", [ident])
        if fid:
            return str(fid), ident
    if _one(con, "SELECT event_id FROM events WHERE event_id = ?", [ident]):
        return None, ident
    raise UsageError(f"no fused or story-level event with id {ident!r}")


def rows_as_dicts(cur: Any) -> list[dict[str, Any]]:
    """Rows of an executed cursor as dicts."""
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def mention(row: dict[str, Any]) -> dict[str, Any]:
    """A mention for display/export: its document, outlet, words and reason (PLOVER participants kept)."""
    origin = origin_of(row["source"], row["outlet"], row["citations"])
    plover = json.loads(row.pop("plover") or "{}")
    row["outlet_name"] = origin.outlet
    row["relays"] = list(origin.relays)
    row["actor"] = plover.get("actor", [])
    row["recipient"] = plover.get("recipient", [])
    return row


def details(con: Con, ident: str) -> dict[str, Any]:
    """A fused event (or a not yet fused story-level event) and all its mentions."""
    fid, eid = resolve(con, ident)
    if fid is None:
        cur = con.execute(mentions_sql(False, "e.event_id = ?"), [eid])
        return {"fused_id": None, "asked": ident, "mentions": [mention(r) for r in rows_as_dicts(cur)]}
    head = rows_as_dicts(con.execute(f"SELECT {HEAD_COLS} FROM fused_events WHERE fused_id = ?", [fid]))[0]
    cur = con.execute(mentions_sql(True, "m.fused_id = ?"), [fid])
    head["asked"] = ident
    head["mentions"] = [mention(r) for r in rows_as_dicts(cur)]
    return head


def _codes(codes: Sequence[str] | None, names: Sequence[str | None] | None) -> str:
    pairs = zip(codes or [], list(names or []) + [None] * len(codes or []), strict=False)
    return ", ".join(f"{n} ({c})" if n else str(c) for c, n in pairs) or "-"


def render(d: dict[str, Any]) -> str:
    """The text shown by `khabar show`."""
    lines = []
    if d["fused_id"] is None:
        lines.append(f"{d['asked']}: a story-level event not fused yet (run `khabar fuse`)")
    else:
        lines += [
            f"{d['fused_id']}  {d['event']}  {d['date'] or 'undated'}  mode {d['mode'] or '-'}"
            + (f"  aux {d['aux']}" if d["aux"] else ""),
            f"  participants: {', '.join(d['actor_codes'] or [])} -> {', '.join(d['recipient_codes'] or [])}",
            f"  {d['mention_count']} mentions in {d['documents']} documents from {d['outlets']} outlets "
            f"({', '.join(d['outlet_names'] or [])}), languages {', '.join(d['languages'] or [])}",
            f"  first reported {d['first_reported'] or '?'}, last reported {d['last_reported'] or '?'}; "
            f"independent sources {d['independent_sources']}"
            + (f"; original sources cited: {', '.join(d['original_sources'])}" if d["original_sources"] else ""),
        ]
    for i, m in enumerate(d["mentions"], 1):
        lines += [
            "",
            f"[{i}] {m['event_id']}  doc {m['doc_id']}  outlet {m['outlet_name'] or '?'}  {m['lang']}  "
            f"reported {m['reported'] or '?'}  event date {m['date'] or '-'}"
            + (f"  relays {', '.join(m['relays'])}" if m["relays"] else ""),
            f"    {m['event']} {_codes(m['actor_codes'], m['actor_names'])} -> "
            f"{_codes(m['recipient_codes'], m['recipient_names'])}  mode {m['mode'] or '-'}",
            f"    sentence {m['sentence']}: {(m['sentence_text'] or '').strip()}",
            f"    words [{m['evidence_start']}:{m['evidence_end']}]: {m['evidence']}"
            + (f"  (trigger: {m['trigger']})" if m["trigger"] else ""),
            f"    why: {m['rule']}: {m['reason']}",
        ]
    return "\n".join(lines)
