"""Re-extract every stored document from its raw text with the current code and lexicons, then re-fuse.

Each batch is replaced in one transaction (its stories, sentences, mentions and events;
the document row keeps its text and only its text-derived metadata is refreshed), so a
crash leaves every document with either its old or its new extraction, never none. A
document that now fails keeps its old extraction and is counted as failed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from khabar.fuse.engine import FuseReport, update
from khabar.fuse.settings import FusionSettings
from khabar.fuse.tables import Con
from khabar.model import DocResult, Document
from khabar.pipeline import process
from khabar.store.db import Rows, Store, document_rows, insert_rows

REPLACED = ("stories", "sentences", "mentions", "events")
EVENT_COLS = (
    "event_id, doc_key, event, actor_codes, recipient_codes, date, mode, aux, sentence, evidence_start, evidence_end"
)
MAX_EXAMPLES = 20

Sig = tuple[Any, ...]


@dataclass(slots=True)
class ReprocessReport:
    """What a reprocess changed."""

    documents_before: int = 0
    documents_after: int = 0
    processed: int = 0
    changed_documents: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    events_before: int = 0
    events_after: int = 0
    unchanged: int = 0
    added: int = 0
    removed: int = 0
    moved: int = 0
    examples: list[str] = field(default_factory=list)
    fuse: FuseReport | None = None

    def summary(self) -> str:
        """A few lines for the command line."""
        lines = [
            f"reprocessed {self.processed} documents ({self.documents_before} before, {self.documents_after} after;"
            f" {sum(self.failed.values())} failed and kept as stored), {self.changed_documents} changed",
            f"  events {self.events_before} -> {self.events_after}: {self.unchanged} unchanged, {self.added} added,"
            f" {self.removed} removed, {self.moved} moved",
        ]
        lines += [f"  failed {reason}: {n}" for reason, n in self.failed.most_common()]
        lines += [f"  {e}" for e in self.examples]
        if self.fuse is not None:
            lines.append("  " + self.fuse.summary())
        return "\n".join(lines)


@dataclass(slots=True)
class Old:
    """A stored story-level event, as the diff compares it."""

    event_id: str
    sig: Sig
    sentence: int
    start: int


def signature(event: str, ac: Sequence[str] | None, rc: Sequence[str] | None, day: Any, mode: Any, aux: Any,
              start: int, end: int) -> Sig:  # fmt: skip
    """What makes two extractions of an event the same: type, participants, date, mode, aux, words."""
    return (event, tuple(sorted(ac or ())), tuple(sorted(rc or ())), day, mode, aux, start, end)


def _olds(rows: Sequence[Sequence[Any]]) -> list[Old]:
    """Old or new events (EVENT_COLS order, without doc_key) as diff items."""
    return [Old(r[0], signature(r[1], r[2], r[3], r[4], r[5], r[6], r[8], r[9]), r[7], r[8]) for r in rows]


def _closest(o: Old, pool: list[Old]) -> Old | None:
    """The new event of the same type that an old one most likely became (same sentence first)."""
    same = [n for n in pool if n.sig[0] == o.sig[0]]
    if not same:
        return None
    return min(same, key=lambda n: (n.sentence != o.sentence, abs(n.start - o.start)))


def describe(doc_id: str, before: Sig | None, after: Sig | None) -> str:
    """One line for an example change."""
    def text(s: Sig | None) -> str:
        return "-" if s is None else f"{s[0]} {','.join(s[1])}>{','.join(s[2])} {s[3] or 'undated'} {s[4] or ''}"

    kind = "moved" if before and after else ("added" if after else "removed")
    return f"{kind} in {doc_id}: {text(before)} => {text(after)}".rstrip()


def diff(doc_id: str, old: list[Old], new: list[Old], report: ReprocessReport) -> list[str]:
    """Count unchanged/added/removed/moved events of one document; return new ids to re-fuse."""
    left = Counter(o.sig for o in old)
    rest_new: list[Old] = []
    for n in new:
        if left[n.sig] > 0:
            left[n.sig] -= 1
            report.unchanged += 1
        else:
            rest_new.append(n)
    rest_old = []
    for o in old:
        if left[o.sig] > 0:
            left[o.sig] -= 1
            rest_old.append(o)
    refuse = []
    for o in rest_old:
        match = _closest(o, rest_new)
        if match is None:
            report.removed += 1
            _example(report, describe(doc_id, o.sig, None))
            continue
        n = match
        rest_new.remove(n)
        report.moved += 1
        refuse.append(n.event_id)
        _example(report, describe(doc_id, o.sig, n.sig))
    for n in rest_new:
        report.added += 1
        refuse.append(n.event_id)
        _example(report, describe(doc_id, None, n.sig))
    return refuse


def _example(report: ReprocessReport, line: str) -> None:
    if len(report.examples) < MAX_EXAMPLES:
        report.examples.append(line)


def _count(con: Con, table: str) -> int:
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


class Reprocessor:
    """Replaces the extraction of stored documents, batch by batch."""

    def __init__(self, store: Store, report: ReprocessReport) -> None:
        self.store, self.report = store, report
        self.refuse: list[str] = []

    def batch(self, con: Con, keys: list[str]) -> None:
        """Re-extract and replace one batch of documents in one transaction."""
        docs = con.execute(
            "SELECT doc_key, doc_id, origin, lang, pub_date, url, source, text, run_id FROM documents "
            "WHERE doc_key IN (SELECT unnest(?))", [keys],
        ).fetchall()  # fmt: skip
        old_rows = con.execute(f"SELECT {EVENT_COLS} FROM events WHERE doc_key IN (SELECT unnest(?))", [keys])
        old: dict[str, list[Sequence[Any]]] = {}
        for r in old_rows.fetchall():
            old.setdefault(r[1], []).append(r[:1] + r[2:])
        t = {name: Rows(name) for name in ("documents", *REPLACED)}
        done: list[tuple[str, str, Any]] = []
        for key, doc_id, origin, lang, pub_date, url, source, text, run_id in docs:
            res = process(Document(doc_id, text or "", pub_date, url, source, origin or "", lang))
            self.report.processed += 1
            if not isinstance(res, DocResult):
                self.report.failed[res.reason.value] += 1
                continue
            document_rows(res, key, run_id, t)
            done.append((key, doc_id, pub_date))
        self._diff(done, old, t)
        self._replace(con, [k for k, _, _ in done], t)

    def _diff(self, done: list[tuple[str, str, Any]], old: dict[str, list[Sequence[Any]]], t: dict[str, Rows]) -> None:
        """Compare each document's new events with its stored ones."""
        ev = t["events"].cols
        new: dict[str, list[Sequence[Any]]] = {}
        for i, key in enumerate(ev["doc_key"]):
            new.setdefault(key, []).append(tuple(ev[c][i] for c in EVENT_COLS.replace("doc_key, ", "").split(", ")))
        dates = dict(zip(t["documents"].cols["doc_key"], t["documents"].cols["pub_date"], strict=True))
        for key, doc_id, pub_date in done:
            before = self.report.unchanged
            ids = diff(doc_id, _olds(old.get(key, [])), _olds(new.get(key, [])), self.report)
            if dates.get(key) != pub_date:  # a new report date can change every membership of the document
                ids = [r[0] for r in new.get(key, [])]
            self.refuse += ids
            if ids or self.report.unchanged - before != len(old.get(key, [])):
                self.report.changed_documents += 1

    def _replace(self, con: Con, keys: list[str], t: dict[str, Rows]) -> None:
        """Swap the old extraction of the documents for the new one, all or nothing."""
        if not keys:
            return
        d = t["documents"].cols
        meta = list(zip(d["lang"], d["pub_date"], d["outlet"], d["citations"], d["doc_key"], strict=True))
        con.execute("BEGIN TRANSACTION")
        try:
            for table in REPLACED:
                con.execute(f"DELETE FROM {table} WHERE doc_key IN (SELECT unnest(?))", [keys])
            con.executemany("UPDATE documents SET lang = ?, pub_date = ?, outlet = ?, citations = ? WHERE doc_key = ?",
                            meta)  # fmt: skip
            for table in REPLACED:
                insert_rows(con, t[table])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


def reprocess(store: Store, settings: FusionSettings | None = None, *, batch_size: int = 200,
              progress: Callable[[int, int], None] | None = None) -> ReprocessReport:  # fmt: skip
    """Re-extract every stored document, replace its events, re-fuse, and report what changed.

    ``progress(done, total)`` is called after each batch.
    """
    report = ReprocessReport()
    worker = Reprocessor(store, report)
    with store.session() as con:
        keys = [r[0] for r in con.execute("SELECT doc_key FROM documents ORDER BY doc_key").fetchall()]
        report.documents_before, report.events_before = len(keys), _count(con, "events")
    for i in range(0, len(keys), max(batch_size, 1)):
        part = keys[i : i + max(batch_size, 1)]
        with store.session() as con:
            worker.batch(con, part)
        if progress is not None:
            progress(i + len(part), len(keys))
    with store.session() as con:
        report.documents_after, report.events_after = _count(con, "documents"), _count(con, "events")
    report.fuse = update(store, settings, changed=worker.refuse)
    return report
