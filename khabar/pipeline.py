"""The stages in order, registered by name in one place; ``process`` runs them on a document."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

from khabar import actors, dates, events, text
from khabar.errors import DataError
from khabar.model import DocResult, Document, Event, Reject, RejectReason

# The stages, in order, by name: (name, callable). Timings and profiles use these names.
STAGES: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("text", text.analyse),
    ("actors", actors.find_mentions),
    ("dates", dates.find_dates),
    ("events", events.code_events),
    ("assign_dates", dates.assign_dates),
)


def event_id(doc_hash: str, ev: Event) -> str:
    """A stable id from the document and the event's type, mode, aux, participants, date and evidence."""
    parts = [
        doc_hash,
        ev.event,
        str(ev.mode),
        str(ev.aux),
        ",".join(sorted(m.actor.code for m in ev.actor)),
        ",".join(sorted(m.actor.code for m in ev.recipient)),
        str(ev.date),
        str(ev.evidence.start),
        str(ev.evidence.end),
    ]
    return "ev-" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


class Timer:
    """Accumulates seconds per stage name (for `khabar bench`)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {name: 0.0 for name, _ in STAGES}

    def call(self, name: str, fn: Callable[..., Any], *args: Any) -> Any:
        """Run one stage and add its time."""
        t = time.perf_counter()
        try:
            return fn(*args)
        finally:
            self.seconds[name] += time.perf_counter() - t


def _run_stages(doc: Document, timer: Timer | None) -> DocResult | Reject:
    stage = dict(STAGES)

    def call(name: str, *args: Any) -> Any:
        return timer.call(name, stage[name], *args) if timer else stage[name](*args)

    analysis = call("text", doc)
    if isinstance(analysis, Reject):
        return analysis
    mentions = call("actors", analysis)
    found_dates = call("dates", analysis)
    evs = call("events", analysis, mentions, found_dates)
    call("assign_dates", evs, found_dates, analysis)
    return DocResult(analysis, mentions, found_dates, evs)


def process(doc: Document, timer: Timer | None = None) -> DocResult | Reject:
    """Run every stage on one document; a failure on this record becomes a Reject, never a crash."""
    try:
        out = _run_stages(doc, timer)
    except DataError:
        raise  # broken language data is the run's problem, not this record's
    except Exception as exc:
        return Reject(doc.origin, RejectReason.INTERNAL_ERROR, f"{type(exc).__name__}: {exc}", record_id=doc.id)
    if isinstance(out, DocResult):
        h = doc.content_hash
        for ev in out.events:
            ev.id = event_id(h, ev)
    return out
