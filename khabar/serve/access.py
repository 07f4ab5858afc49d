"""Store access for the server: a short-lived read-only Store per request, writes exclusive within the process."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from khabar.store.db import Store


class ReadWriteLock:
    """Many readers or one writer (DuckDB refuses a read-write open while read-only ones are open in-process)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Hold a shared lock."""
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the exclusive lock (new readers wait; the writer waits for current readers)."""
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._writing = True
            self._cond.wait_for(lambda: self._readers == 0)
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


@dataclass
class StoreAccess:
    """Where the store is and how the server may touch it."""

    path: Path
    lock: ReadWriteLock = field(default_factory=ReadWriteLock)

    @contextmanager
    def read(self) -> Iterator[Store]:
        """A read-only Store for one request, closed after (never held for the server's life)."""
        with self.lock.reading():
            store = Store(self.path, read_only=True)
            try:
                yield store
            finally:
                store.close()

    @contextmanager
    def write(self) -> Iterator[Store]:
        """A writer Store for one ingest request (takes khabar's writer lock, bounded wait)."""
        with self.lock.writing():
            store = Store(self.path)
            try:
                yield store
            finally:
                store.close()
