"""The local engine: read sources, process documents, write batches to the store."""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import ClassVar, TypeVar

from khabar.engines import parallel
from khabar.ingest import read_sources
from khabar.lang import LANGS
from khabar.model import DocResult, Document, Reject, RejectReason
from khabar.pipeline import process
from khabar.settings import DEFAULT, Settings
from khabar.store.db import Store
from khabar.text.langid import identify
from khabar.text.normalize import fold

Progress = Callable[[int], None]
T = TypeVar("T")

# The first document of each language in a process also pays for loading that language's data (seconds).
WARMUP_SECONDS = 60.0
LANG_SAMPLE = 2000  # characters read to tell a document's language before it is processed
REFIRE_SECONDS = 0.05  # after the budget, the alarm repeats until the document stops


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

    loaded: ClassVar[set[str]] = set()  # languages of which this process has finished a document

    def __init__(self, seconds: float) -> None:
        """A budget of ``seconds`` per document (0 disables it)."""
        self.seconds = seconds
        self.armed = False
        self.warm = False  # True: no warm-up allowance for any language
        self.alarm = (
            seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        )

    def _fire(self, signum: int, frame: FrameType | None) -> None:
        """The SIGALRM handler: interrupt the document being processed (and nothing else).

        It stays armed and the timer repeats: an exception raised while Python runs a
        finaliser or a GC callback is swallowed, so one signal alone may not stop the work.
        """
        if self.armed:
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
        warm = self.warm or Budget.loaded.issuperset(LANGS)  # every language loaded: no need to tell
        lang = "" if warm else language_of(doc)
        allowed = self.seconds if warm or lang in Budget.loaded else self.seconds + WARMUP_SECONDS
        started = time.perf_counter()
        try:
            if self.alarm:
                self.armed = True
                signal.setitimer(signal.ITIMER_REAL, allowed, REFIRE_SECONDS)
            try:
                out = process(doc)
            finally:
                self.disarm()
        except DocumentTimeout:
            self.disarm()
            return self._timeout(doc, time.perf_counter() - started)
        if lang:
            Budget.loaded.add(lang)
        elapsed = time.perf_counter() - started
        return self._timeout(doc, elapsed) if elapsed > allowed else out

    def _timeout(self, doc: Document, elapsed: float) -> Reject:
        """The reject of a document that took too long."""
        detail = (
            f"processing stopped after {elapsed:.1f}s > budget {self.seconds:g}s per document ({len(doc.text):,} chars)"
        )
        return Reject(doc.origin, RejectReason.TIMEOUT, detail, record_id=doc.id, sample=doc.text[:200])


HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def language_of(doc: Document) -> str:
    """The document's language as its record states it, else as its opening tells it ("?" when neither does)."""
    if doc.lang:
        return doc.lang
    head = doc.text[:LANG_SAMPLE]
    return identify(head, fold(head).text).lang or "?"


@contextmanager
def interrupts_held() -> Iterator[None]:
    """In the main thread, hold Ctrl-C and SIGTERM until the block ends, then interrupt: a committed batch is
    always counted in the run's record (the store and the runs log never disagree)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    old = {sig: signal.signal(sig, lambda signum, _frame: caught.append(signum)) for sig in HELD_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
    if caught:
        raise KeyboardInterrupt


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


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most ``size`` items."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= max(size, 1):
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Batch:
    """The results and rejects of one batch, written in one transaction."""

    def __init__(self, store: Store, summary: RunSummary) -> None:
        self.store, self.summary = store, summary
        self.results: list[DocResult] = []
        self.rejects: list[Reject] = []

    def add(self, out: DocResult | Reject) -> None:
        """Keep one processed record."""
        if isinstance(out, Reject):
            self.rejects.append(out)
        else:
            self.results.append(out)

    def flush(self) -> None:
        """Write the batch (if any) and add its counts to the summary."""
        if not self.results and not self.rejects:
            return
        with interrupts_held():  # the batch's transaction and its counts land together
            self._write()

    def _write(self) -> None:
        """Write the batch and count it."""
        counts = self.store.write_batch(self.results, self.rejects, self.summary.run_id)
        s = self.summary
        s.stored += counts.stored
        s.skipped += counts.skipped
        s.rejected += counts.rejected
        s.events += counts.events
        s.stories += counts.stories
        for r in self.rejects:
            s.reasons[r.reason.value] += 1
        self.results.clear()
        self.rejects.clear()


def run(
    sources: Sequence[str],
    store: Store,
    settings: Settings = DEFAULT,
    on_progress: Progress | None = None,
    workers: int = 1,
) -> RunSummary:
    """Process every record of the sources into the store, one transaction per batch.

    With ``workers`` > 1 the documents are processed by that many processes (engines.parallel).

    Documents already in the store (from an earlier, perhaps interrupted, run) are skipped
    before processing, so a re-run resumes where the last committed batch ended.
    """
    summary = RunSummary(run_id=store.begin_run(sources))
    batch = _Batch(store, summary)
    budget = Budget(settings.limits.document_seconds)
    with tracked(store, summary), budget.installed(), sigterm_interrupts():
        source = chunks(read_sources(sources, settings.limits), settings.batch_size)
        for chunk, known, done in parallel.batches(source, store.known, workers, budget):
            for item in chunk:
                summary.records += 1
                if isinstance(item, Reject):
                    batch.add(item)
                elif item.content_hash in known:
                    summary.skipped += 1
                else:
                    batch.add(next(done))
                if on_progress:
                    on_progress(1)
            batch.flush()
    return summary


@contextmanager
def tracked(store: Store, summary: RunSummary) -> Iterator[None]:
    """Time a run and record how it ended (completed, with rejects, interrupted, failed), however it stops."""
    started = time.perf_counter()
    try:
        yield
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


def _finish(store: Store, summary: RunSummary) -> None:
    """Record the run's end; when the run is already failing, a store error here must not hide the first one."""
    try:
        store.finish_run(summary.run_id, summary.status, summary.as_counts(), summary.seconds)
    except Exception:
        if summary.status in ("completed", "completed_with_rejects"):
            raise
