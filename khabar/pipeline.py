"""The stages in order, registered by name in one place; ``process`` runs them on a document."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from khabar import actors, dates, events, text
from khabar.model import DocResult, Document, Event, Reject, RejectReason


@dataclass(frozen=True, slots=True)
class Stage:
    """A named stage (for timing and profiling)."""

    name: str
    run: Callable[..., object]


STAGES: tuple[Stage, ...] = (
    Stage("text", text.analyse),
    Stage("actors", actors.find_mentions),
    Stage("dates", dates.find_dates),
    Stage("events", events.code_events),
    Stage("assign_dates", dates.assign_dates),
)


def event_id(doc_hash: str, ev: Event) -> str:
    """A stable id from the document and the event's type, participants, date and evidence."""
    parts = [
        doc_hash,
        ev.event,
        ",".join(sorted(m.actor.code for m in ev.actor)),
        ",".join(sorted(m.actor.code for m in ev.recipient)),
        str(ev.date),
        str(ev.evidence.start),
        str(ev.evidence.end),
    ]
    return "ev-" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def process(doc: Document) -> DocResult | Reject:
    """Run every stage on one document; a stage failure becomes a Reject, never a crash."""
    try:
        analysis = text.analyse(doc)
        if isinstance(analysis, Reject):
            return analysis
        mentions = actors.find_mentions(analysis)
        found_dates = dates.find_dates(analysis)
        evs = events.code_events(analysis, mentions, found_dates)
        dates.assign_dates(evs, found_dates, analysis)
    except Exception as exc:
        return Reject(doc.origin, RejectReason.INTERNAL_ERROR, f"{type(exc).__name__}: {exc}", record_id=doc.id)
    h = doc.content_hash
    for ev in evs:
        ev.id = event_id(h, ev)
    return DocResult(analysis, mentions, found_dates, evs)
