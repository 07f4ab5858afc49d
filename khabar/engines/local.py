"""The local engine: read sources, process documents, write batches to the store."""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType

from khabar.ingest import read_sources
from khabar.model import DocResult, Document, Reject, RejectReason
from khabar.pipeline import process
from khabar.settings import DEFAULT, Settings
from khabar.store.db import Store

Progress = Callable[[int], None]

# The first document of a process also pays for loading the language data (seconds).
WARMUP_SECONDS = 60.0


class DocumentTimeout(BaseException):
    """Raised in the main thread by the alarm when a document exceeds its budget (BaseException: no stage eats it)."""


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


class Budget:
    """A per-document time budget: a SIGALRM timer in the main thread, else a check after the fact."""

    def __init__(self, seconds: float) -> None:
        """A budget of ``seconds`` per document (0 disables it)."""
        self.seconds = seconds
        self.armed = False
        self.warm = False
        self.alarm = (
            seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        )

    def _fire(self, signum: int, frame: FrameType | None) -> None:
        """The SIGALRM handler: interrupt the document being processed (and nothing else)."""
        if self.armed:
            self.armed = False
            raise DocumentTimeout

    @contextmanager
    def installed(self) -> Iterator[None]:
        """Install the alarm handler for the duration of a run."""
        if not self.alarm:
            yield
            return
        old = signal.signal(signal.SIGALRM, self._fire)
        try:
            yield
        finally:
            self.disarm()
            signal.signal(signal.SIGALRM, old)

    def disarm(self) -> None:
        """Stop the timer."""
        self.armed = False
        if self.alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def process(self, doc: Document) -> DocResult | Reject:
        """Process one document within the budget; over budget -> a TIMEOUT reject."""
        if self.seconds <= 0:
            return process(doc)
        allowed = self.seconds if self.warm else self.seconds + WARMUP_SECONDS
        started = time.perf_counter()
        try:
            if self.alarm:
                self.armed = True
                signal.setitimer(signal.ITIMER_REAL, allowed)
            try:
                out = process(doc)
            finally:
                self.disarm()
        except DocumentTimeout:
            self.disarm()
            return self._timeout(doc, time.perf_counter() - started)
        self.warm = True
        elapsed = time.perf_counter() - started
        return self._timeout(doc, elapsed) if elapsed > allowed else out

    def _timeout(self, doc: Document, elapsed: float) -> Reject:
        """The reject of a document that took too long."""
        detail = (
            f"processing stopped after {elapsed:.1f}s > budget {self.seconds:g}s per document ({len(doc.text):,} chars)"
        )
        return Reject(doc.origin, RejectReason.TIMEOUT, detail, record_id=doc.id, sample=doc.text[:200])


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """In the main thread, turn SIGTERM into KeyboardInterrupt so that a terminated run ends cleanly."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


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
    budget = Budget(settings.limits.document_seconds)

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
        with budget.installed(), sigterm_interrupts():
            for item in read_sources(sources, settings.limits):
                summary.records += 1
                out = item if isinstance(item, Reject) else budget.process(item)
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
    except BaseException:
        summary.status = "failed"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        _finish(store, summary)
    return summary


def _finish(store: Store, summary: RunSummary) -> None:
    """Record the run's end; when the run is already failing, a store error here must not hide the first one."""
    try:
        store.finish_run(summary.run_id, summary.status, summary.as_counts(), summary.seconds)
    except Exception:
        if summary.status in ("completed", "completed_with_rejects"):
            raise
