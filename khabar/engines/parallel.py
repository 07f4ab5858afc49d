"""Local parallelism: documents in chunks to N worker processes, results back in input order.

Workers are started with the 'forkserver' context ('spawn' where there is none), so each
one imports khabar and builds the lexicons once, then processes chunks of documents for
the rest of its life. The parent reads, sends chunks (a bounded number in flight, so memory
stays flat on any input size) and writes the results, in input order, to the store.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.context import BaseContext
from typing import Protocol

from khabar.model import DocResult, Document, Reject
from khabar.pipeline import Timer, process

Item = Document | Reject
Out = DocResult | Reject

CHUNK_SIZE = 32  # documents per task: large enough to amortise pickling, small enough to keep both cores busy
IN_FLIGHT = 16  # chunks queued per worker: enough work to cover the parent writing a batch


def context() -> BaseContext:
    """The multiprocessing context for workers: forkserver where available, else spawn."""
    methods = mp.get_all_start_methods()
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (Linux reports KB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if peak > 1 << 32 else peak / 1024


def slim(out: Out) -> Out:
    """Drop what the store does not need before a result crosses a process boundary (the folded text)."""
    if isinstance(out, DocResult):
        out.analysis._folded = None
    return out


def budgeted(items: Sequence[Item], seconds: float) -> list[Out]:
    """Process items under the local engine's per-document time budget."""
    try:
        from khabar.engines.local import Budget
    except ImportError:  # an older local engine without budgets
        return [i if isinstance(i, Reject) else process(i) for i in items]
    budget = Budget(seconds)
    with budget.installed():
        return [i if isinstance(i, Reject) else budget.process(i) for i in items]


def timed(items: Sequence[Item], timer: Timer) -> list[Out]:
    """Process items adding each stage's seconds to ``timer`` (benchmarks; no time budget)."""
    return [i if isinstance(i, Reject) else process(i, timer) for i in items]


@dataclass(slots=True)
class ChunkOut:
    """What a worker sends back for one chunk."""

    outs: list[Out]
    seconds: dict[str, float]
    pid: int
    rss_mb: float


def run_chunk(items: Sequence[Item], document_seconds: float, with_timer: bool) -> ChunkOut:
    """Process one chunk in a worker (or in the caller): results, stage seconds, the worker's memory."""
    _check_start()
    timer = Timer() if with_timer else None
    outs = timed(items, timer) if timer else budgeted(items, document_seconds)
    return ChunkOut([slim(o) for o in outs], timer.seconds if timer else {}, os.getpid(), peak_rss_mb())


def warm(docs: Sequence[Document]) -> None:
    """Load the language data by processing a few documents (their results are thrown away)."""
    for d in docs:
        process(d)


_START_ERROR: list[BaseException] = []  # in a worker: what its start-up raised (re-raised by every task)


def _init(warm_docs: Sequence[Document]) -> None:
    """Worker start: leave Ctrl-C to the parent, then build the lexicons once.

    An error here (e.g. a broken data file) must not kill the worker, which would only
    show as a BrokenProcessPool: it is kept and raised by the worker's tasks instead."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        warm(warm_docs)
    except Exception as exc:
        _START_ERROR.append(exc)


def _check_start() -> None:
    """Raise the worker's start-up error, if any."""
    if _START_ERROR:
        raise _START_ERROR[0]


def _ping() -> int:
    """A trivial task: returns the worker's pid once its start-up (warm-up) is done."""
    _check_start()
    time.sleep(0.05)
    return os.getpid()


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


@dataclass
class WorkerPool:
    """N worker processes that run the pipeline on chunks of documents; use as a context manager."""

    workers: int
    document_seconds: float = 10.0
    with_timer: bool = False
    warm_docs: Sequence[Document] = ()
    chunk_size: int = CHUNK_SIZE
    timer: Timer = field(default_factory=Timer)
    rss_mb: dict[int, float] = field(default_factory=dict)
    _executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        self._executor = ProcessPoolExecutor(
            self.workers, mp_context=context(), initializer=_init, initargs=(list(self.warm_docs),)
        )
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(cancel=exc[0] is not None)

    def close(self, cancel: bool = False) -> None:
        """Stop the workers; ``cancel`` drops queued chunks (after Ctrl-C or an error)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=cancel)
            self._executor = None

    @property
    def executor(self) -> ProcessPoolExecutor:
        """The running executor (inside ``with``)."""
        if self._executor is None:
            raise RuntimeError("WorkerPool used outside its `with` block")
        return self._executor

    def wait_ready(self, timeout: float = 600.0) -> None:
        """Block until every worker has started and warmed up (so timings exclude start-up)."""
        seen: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(seen) < self.workers and time.monotonic() < deadline:
            futures = [self.executor.submit(_ping) for _ in range(self.workers)]
            seen.update(f.result() for f in futures)

    def map(self, items: Iterable[Item]) -> Iterator[Out]:
        """Results for every item, in input order; at most workers x IN_FLIGHT chunks queued."""
        pending: deque[Future[ChunkOut]] = deque()
        source = chunks(items, self.chunk_size)
        limit = self.workers * IN_FLIGHT
        try:
            while True:
                while len(pending) < limit and (chunk := next(source, None)) is not None:
                    pending.append(self.executor.submit(run_chunk, chunk, self.document_seconds, self.with_timer))
                if not pending:
                    return
                done = pending.popleft().result()
                self._account(done)
                yield from done.outs
        finally:
            for f in pending:
                f.cancel()

    def submit(self, items: Sequence[Item]) -> list[Future[ChunkOut]]:
        """Queue items in chunks now (no bound: the caller limits how much it submits)."""
        return [
            self.executor.submit(run_chunk, chunk, self.document_seconds, self.with_timer)
            for chunk in chunks(items, self.chunk_size)
        ]

    def collect(self, futures: Sequence[Future[ChunkOut]]) -> Iterator[Out]:
        """The results of submitted chunks, in order."""
        for f in futures:
            done = f.result()
            self._account(done)
            yield from done.outs

    def _account(self, done: ChunkOut) -> None:
        """Add a chunk's stage seconds and its worker's memory to the pool's totals."""
        for name, s in done.seconds.items():
            self.timer.seconds[name] = self.timer.seconds.get(name, 0.0) + s
        self.rss_mb[done.pid] = max(self.rss_mb.get(done.pid, 0.0), done.rss_mb)


class Processor(Protocol):
    """What processes one document in the parent (the local engine's time budget)."""

    seconds: float

    def process(self, doc: Document) -> Out:
        """Process one document."""
        ...


Batch = tuple[list[Item], set[str], Iterator[Out]]


def batches(
    source: Iterable[list[Item]], known: Callable[[Iterable[str]], set[str]], workers: int, budget: Processor
) -> Iterator[Batch]:
    """For each batch of records: the batch, the content hashes already stored, and the results of the others.

    The results come in input order, one per document not already stored. With one worker
    they are computed lazily in this process; with more, a pool of ``workers`` processes
    works one batch ahead, so that it stays busy while the caller writes the previous batch.
    """
    if workers <= 1:
        for batch in source:
            stored = _known(batch, known)
            yield batch, stored, (budget.process(d) for d in _todo(batch, stored))
        return
    with WorkerPool(workers, document_seconds=budget.seconds) as pool:
        ahead: tuple[list[Item], set[str], list[Future[ChunkOut]]] | None = None
        for batch in source:
            stored = _known(batch, known)
            submitted = pool.submit(_todo(batch, stored))
            if ahead is not None:
                yield ahead[0], ahead[1], pool.collect(ahead[2])
            ahead = (batch, stored, submitted)
        if ahead is not None:
            yield ahead[0], ahead[1], pool.collect(ahead[2])


def _known(batch: list[Item], known: Callable[[Iterable[str]], set[str]]) -> set[str]:
    """The content hashes of the batch's documents already stored."""
    docs = [i.content_hash for i in batch if isinstance(i, Document)]
    return known(docs) if docs else set()


def _todo(batch: list[Item], stored: set[str]) -> list[Document]:
    """The documents of a batch that still need processing."""
    return [i for i in batch if isinstance(i, Document) and i.content_hash not in stored]
