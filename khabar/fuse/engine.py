"""Incremental fusion: new story-level events join the fused events of the store; nothing else is recomputed.

Every story-level event belongs to exactly one fused event (a lone report is a fused event
of one mention); ``fused_members`` records which events are fused, so a run only looks at
events not in it, at the fused events of their keys, and at fused events that lost a
member (a reprocessed document). Everything is written in one transaction.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from khabar.fuse import tables
from khabar.fuse.counts import row_of, tallies
from khabar.fuse.rules import (
    ALONE,
    SEED,
    UNDATED_WINDOW,
    Candidate,
    Cluster,
    adoptive,
    explain,
    explain_seed,
    new_cluster,
    place,
)
from khabar.fuse.settings import FusionSettings
from khabar.fuse.tables import Con
from khabar.settings import Settings
from khabar.store.db import Store


@dataclass(slots=True)
class FuseReport:
    """What one fusion pass did, and the totals after it."""

    placed: int = 0
    joined: int = 0
    created: int = 0
    merged: int = 0
    detached: int = 0
    dissolved: int = 0
    removed: int = 0
    rebuilt: bool = False
    why_rebuilt: str = ""
    story_events: int = 0
    fused_events: int = 0
    multi: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """One paragraph for the command line."""
        head = f"fused {self.placed} new story-level events: {self.joined} joined others, {self.created} new events"
        if self.rebuilt:
            head = f"rebuilt ({self.why_rebuilt}); " + head
        extra = f"; {self.merged} undated groups merged into dated events" if self.merged else ""
        if self.detached:
            extra += f"; {self.detached} gone or changed events detached ({self.dissolved} events dissolved, "
            extra += f"{self.removed} emptied)"
        return (
            f"{head}{extra}.\n  store: {self.story_events} story-level events -> {self.fused_events} fused events "
            f"({self.multi} with >= 2 mentions), {self.seconds:.1f}s"
        )


def fused_id(event_id: str, taken: set[str]) -> str:
    """A stable fused id from the seed event's id (suffixed if that id is taken)."""
    base = "fe-" + hashlib.sha256(event_id.encode()).hexdigest()[:16]
    fid, n = base, 1
    while fid in taken:
        n += 1
        fid = f"{base}-{n}"
    taken.add(fid)
    return fid


def order(c: Candidate) -> tuple[bool, bool, str, str, str]:
    """Dated events first (by day), then undated by report date, then undated reports."""
    day = c.date or c.reported
    return (c.date is None, c.reported is None, day.isoformat() if day else "", c.doc_key, c.event_id)


class Pass:
    """One fusion pass over an open transaction."""

    def __init__(self, con: Con, s: FusionSettings, report: FuseReport) -> None:
        self.con, self.s, self.report = con, s, report
        self.dirty: dict[str, Cluster] = {}
        self.gone: set[str] = set()

    # ---- detaching events that are gone or changed ---------------------------------
    def detach(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Drop memberships; fix, dissolve or delete the fused events that lost them."""
        if not pairs:
            return
        self.report.detached += len(pairs)
        tables.delete(self.con, "fused_members", "event_id", [e for e, _ in pairs])
        ids = sorted({f for _, f in pairs})
        left = tables.candidates_of(self.con, ids)
        rows = self.con.execute(
            f"SELECT {tables.CLUSTER_COLS} FROM fused_events WHERE fused_id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        for cl in map(tables.cluster, rows):
            self._refit(cl, left.get(cl.fused_id, []))

    def _refit(self, cl: Cluster, members: list[Candidate]) -> None:
        """Recompute a cluster from its remaining members, or let them go when nothing holds them."""
        if cl.date is not None and members and not any(m.date == cl.date for m in members):
            tables.delete(self.con, "fused_members", "event_id", [m.event_id for m in members])
            self.report.dissolved += 1
            members = []
        if not members:
            self._drop(cl.fused_id)
            self.report.removed += 1
            return
        cl.mode = next((m.mode for m in members if m.mode), None)
        cl.location = next((m.location for m in members if m.location), None)
        cl.persons = tuple(sorted({p for m in members for p in m.persons}))
        cl.texts = [m.words for m in members if m.words]
        reported = [m.reported for m in members if m.reported is not None]
        cl.first, cl.last = (min(reported), max(reported)) if reported else (None, None)
        cl.size, cl.dirty = len(members), True
        self.dirty[cl.fused_id] = cl

    def _drop(self, fid: str, into: str | None = None) -> None:
        """Delete a fused event; ``into``: the event it became (old ids keep resolving)."""
        tables.delete(self.con, "fused_events", "fused_id", [fid])
        self.gone.add(fid)
        self.dirty.pop(fid, None)
        if into is None:
            tables.delete(self.con, "fused_aliases", "fused_id", [fid])
            return
        self.con.execute("UPDATE fused_aliases SET fused_id = ? WHERE fused_id = ?", [into, fid])
        self.con.execute("INSERT OR REPLACE INTO fused_aliases VALUES (?, ?)", [fid, into])

    # ---- placing new events ---------------------------------------------------------
    def place_all(self, cands: list[Candidate]) -> set[str]:
        """Place every candidate into a fused event; return the keys touched."""
        s = self.s
        keys = {c.key(s.unordered_types) for c in cands}
        by_key = tables.clusters_by_key(self.con, keys)
        for lst in by_key.values():  # a fused event refitted by detach: use that copy
            lst[:] = [self.dirty.get(cl.fused_id, cl) for cl in lst]
        taken = tables.taken_ids(self.con, [fused_id(c.event_id, set()) for c in cands]) | self.gone
        members: list[tuple[object, ...]] = []
        for c in sorted(cands, key=order):
            lst = by_key.setdefault(c.key(s.unordered_types), [])
            cl, rule = place(c, lst, s)
            if cl is None:
                cl = new_cluster(fused_id(c.event_id, taken), c, s)
                lst.append(cl)
                rule, reason = (ALONE if rule == ALONE else SEED), explain_seed(c, rule, s)
                self.report.created += 1
            else:
                reason = explain(c, cl, rule, s)
                cl.add(c)
                self.report.joined += 1
            self.dirty[cl.fused_id] = cl
            members.append((c.event_id, cl.fused_id, c.doc_key, rule, reason, tables.now()))
        tables.insert(self.con, "fused_members", members)
        self.report.placed += len(cands)
        self._adopt(by_key, keys)
        return keys

    def _adopt(self, by_key: dict[str, list[Cluster]], keys: Iterable[str]) -> None:
        """Move undated groups of reports into a dated event that came later and fits them all."""
        pairs: list[tuple[Cluster, Cluster]] = []
        for key in keys:
            lst = by_key.get(key, [])
            dated = [cl for cl in lst if cl.date is not None]
            for u in [cl for cl in lst if cl.date is None and cl.scope_doc is None]:
                target = adoptive(u, dated, self.s)
                if target is not None:
                    pairs.append((u, target))
                    lst.remove(u)
        members = tables.candidates_of(self.con, [u.fused_id for u, _ in pairs])
        for u, target in pairs:
            self._merge(u, target, members.get(u.fused_id, []))

    def _merge(self, u: Cluster, d: Cluster, members: list[Candidate]) -> None:
        """Move every member of an undated group into a dated event, each with its reason."""
        updates = []
        for m in members:
            updates.append((d.fused_id, UNDATED_WINDOW, explain(m, d, UNDATED_WINDOW, self.s), m.event_id))
            d.add(m)
        self.con.executemany("UPDATE fused_members SET fused_id = ?, rule = ?, reason = ? WHERE event_id = ?", updates)
        self._drop(u.fused_id, into=d.fused_id)
        self.dirty[d.fused_id] = d
        self.report.merged += 1

    # ---- writing -------------------------------------------------------------------
    def write(self) -> None:
        """Recount and rewrite the fused events that changed."""
        ids = sorted(self.dirty)
        counts = tallies(self.con, ids)
        tables.delete(self.con, "fused_events", "fused_id", ids)
        tables.insert(self.con, "fused_events", [row_of(self.dirty[i], counts[i]) for i in ids if i in counts])


def _totals(con: Con, report: FuseReport) -> None:
    """Fill the store-wide totals of a report."""
    row = con.execute(
        "SELECT (SELECT count(*) FROM events), count(*), count(*) FILTER (WHERE mentions >= 2) FROM fused_events"
    ).fetchone()
    if row:
        report.story_events, report.fused_events, report.multi = (int(v) for v in row)


def fuse(con: Con, s: FusionSettings, *, rebuild: bool = False, changed: Sequence[str] = ()) -> FuseReport:
    """Fuse what is new in an open store inside the caller's transaction; ``changed``: event ids to re-place."""
    report = FuseReport()
    stored = tables.meta(con, "settings")
    if rebuild or (stored is not None and stored != s.fingerprint()):
        report.rebuilt, report.why_rebuilt = True, ("asked" if rebuild else "fusion settings changed")
        tables.clear(con)
    tables.set_meta(con, "settings", s.fingerprint())
    p = Pass(con, s, report)
    p.detach(tables.orphans(con) + tables.fused_of(con, list(changed)))
    p.place_all(tables.unfused(con))
    p.write()
    _totals(con, report)
    return report


def update(store: Store, settings: FusionSettings | Settings | None = None, *, rebuild: bool = False,
           changed: Sequence[str] = ()) -> FuseReport:  # fmt: skip
    """Fuse the store's new story-level events into its fused events, in one transaction.

    ``settings``: fusion settings; a run's Settings (or None) means the defaults with
    KHABAR_FUSE_WINDOW_DAYS applied. ``rebuild`` forgets all fused events first;
    ``changed``: story-level events whose content changed under the same id (re-placed).
    """
    started = time.perf_counter()
    s = settings if isinstance(settings, FusionSettings) else FusionSettings.from_env()
    with store.session() as con:
        tables.create(con)
        con.execute("BEGIN TRANSACTION")
        try:
            report = fuse(con, s, rebuild=rebuild, changed=changed)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    report.seconds = time.perf_counter() - started
    return report
