"""The local engine: read sources, process documents, write batches to the store."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from khabar.ingest import read_sources
from khabar.model import DocResult, Reject
from khabar.pipeline import process
from khabar.settings import DEFAULT, Settings
from khabar.store.db import Store

Progress = Callable[[int], None]


@dataclass(slots=True)
class RunSummary:
    """What a run did, for the final summary and the runs table."""

    run_id: int = 0
    records: int = 0
    stored: int = 0
    skipped: int = 0
    rejected: int = 0
    stories: int = 0
    events: int = 0
    seconds: float = 0.0
    reasons: Counter[str] = field(default_factory=Counter)
    status: str = "running"

    def as_counts(self) -> dict[str, int]:
        """The counters stored in the runs table."""
        return {k: getattr(self, k) for k in ("records", "stored", "skipped", "rejected", "events")}


def run(
    sources: Sequence[str],
    store: Store,
    settings: Settings = DEFAULT,
    on_progress: Progress | None = None,
) -> RunSummary:
    """Process every record of the sources into the store, one transaction per batch."""
    summary = RunSummary(run_id=store.begin_run(sources))
    started = time.perf_counter()
    results: list[DocResult] = []
    rejects: list[Reject] = []

    def flush() -> None:
        counts = store.write_batch(results, rejects, summary.run_id)
        summary.stored += counts.stored
        summary.skipped += counts.skipped
        summary.rejected += counts.rejected
        summary.events += counts.events
        summary.stories += counts.stories
        for r in rejects:
            summary.reasons[r.reason.value] += 1
        results.clear()
        rejects.clear()

    try:
        for item in read_sources(sources, settings.limits):
            summary.records += 1
            out = item if isinstance(item, Reject) else process(item)
            if isinstance(out, Reject):
                rejects.append(out)
            else:
                results.append(out)
            if len(results) + len(rejects) >= settings.batch_size:
                flush()
            if on_progress:
                on_progress(1)
        flush()
        summary.status = "completed_with_rejects" if summary.rejected else "completed"
    except KeyboardInterrupt:
        summary.status = "interrupted"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        store.finish_run(summary.run_id, summary.status, summary.as_counts(), summary.seconds)
    return summary
