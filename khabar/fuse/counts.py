"""What an analyst counts per fused event: mentions, documents, outlets, languages, dates, sources.

A report that only relays an agency (its text cites TASS) is not an independent
confirmation: ``independent_sources`` counts distinct original sources (the relayed
agency when the text cites a known one, else the publishing outlet, else the document).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from khabar.fuse.agencies import origin_of
from khabar.fuse.rules import Cluster
from khabar.fuse.tables import Con, now

MEMBER_DOCS_SQL = """
SELECT m.fused_id, e.doc_key, d.lang, coalesce(s.pub_date, d.pub_date), d.source, d.outlet, d.citations
FROM fused_members m JOIN events e ON e.event_id = m.event_id JOIN documents d ON d.doc_key = e.doc_key
LEFT JOIN stories s ON s.doc_key = e.doc_key AND s.story = e.story
WHERE m.fused_id IN (SELECT unnest(?))
"""


@dataclass(slots=True)
class Tally:
    """The counts of one fused event, accumulated member by member."""

    mentions: int = 0
    documents: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    languages: set[str] = field(default_factory=set)
    reported: list[date] = field(default_factory=list)
    originals: list[str] = field(default_factory=list)
    independent: set[str] = field(default_factory=set)

    def add(self, row: Sequence[Any]) -> None:
        """Count one member (a MEMBER_DOCS_SQL row without the fused id)."""
        doc_key, lang, reported, source, outlet, citations = row
        self.mentions += 1
        if reported is not None:
            self.reported.append(reported)
        if doc_key in self.documents:
            return
        self.documents.add(doc_key)
        if lang:
            self.languages.add(lang)
        origin = origin_of(source, outlet, citations)
        if origin.outlet:
            self.outlets.add(origin.outlet)
        for agency in origin.relays:
            if agency not in self.originals:
                self.originals.append(agency)
        self.independent.add(origin.original or origin.outlet or f"doc:{doc_key}")


def tallies(con: Con, fused_ids: Sequence[str]) -> dict[str, Tally]:
    """The counts of some fused events, read from their members' documents."""
    out: dict[str, Tally] = {}
    if not fused_ids:
        return out
    for row in con.execute(MEMBER_DOCS_SQL, [list(fused_ids)]).fetchall():
        out.setdefault(row[0], Tally()).add(row[1:])
    return out


def row_of(cl: Cluster, t: Tally) -> tuple[Any, ...]:
    """The fused_events row of a cluster and its counts (TABLES order)."""
    first = min(t.reported) if t.reported else None
    last = max(t.reported) if t.reported else None
    return (
        cl.fused_id, cl.key, cl.event, cl.mode, cl.aux, cl.location, cl.date, cl.scope_doc,
        list(cl.actors), list(cl.recipients), list(cl.persons), t.mentions, len(t.documents), len(t.outlets),
        sorted(t.outlets), sorted(t.languages), first, last, t.originals, len(t.independent), now(),
    )  # fmt: skip
