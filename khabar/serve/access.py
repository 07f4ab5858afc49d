"""Store access for the server: a short-lived read-only Store per request, writes exclusive within the process."""

from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

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


class Keeper:
    """A read-only DuckDB connection kept open only while requests come (idle ``linger`` s, at most ``max_age`` s).

    Opening a DuckDB file cold costs tens of milliseconds; while any connection to it is open, another opens in
    about one. The keeper holds one between close requests and lets go of the file soon after the last, so that
    a `khabar run` in another process can take it; it is never held for the server's life.
    """

    def __init__(self, path: Path, linger: float, max_age: float) -> None:
        self.path = path
        self.linger = linger
        self.max_age = max_age
        self._con: duckdb.DuckDBPyConnection | None = None
        self._opened = 0.0
        self._used = 0.0
        self._lock = threading.Lock()
        self._reaper: threading.Thread | None = None
        atexit.register(self.release)

    def touch(self) -> None:
        """Keep (or open) the connection; a busy or missing file is not an error here (the request will say)."""
        now = time.monotonic()
        with self._lock:
            self._used = now
            if self._con is not None and now - self._opened > self.max_age:
                self._close()
            if self._con is None and self.linger > 0:
                try:
                    self._con = duckdb.connect(str(self.path), read_only=True)
                    self._opened = now
                except duckdb.Error:
                    return
                if self._reaper is None or not self._reaper.is_alive():
                    self._reaper = threading.Thread(target=self._reap, name="khabar-keeper", daemon=True)
                    self._reaper.start()

    def _reap(self) -> None:
        """Close the connection once idle; end when there is nothing to keep."""
        while True:
            time.sleep(self.linger / 2)
            with self._lock:
                if self._con is None:
                    return
                now = time.monotonic()
                if now - self._used > self.linger or now - self._opened > self.max_age:
                    self._close()
                    return

    def _close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def release(self) -> None:
        """Close the connection now (before a write)."""
        with self._lock:
            self._close()


@dataclass
class StoreAccess:
    """Where the store is and how the server may touch it."""

    path: Path
    linger: float = 1.0
    max_age: float = 10.0
    lock: ReadWriteLock = field(default_factory=ReadWriteLock)
    keeper: Keeper = field(init=False)

    def __post_init__(self) -> None:
        self.keeper = Keeper(self.path, self.linger, self.max_age)

    @contextmanager
    def read(self) -> Iterator[Store]:
        """A read-only Store for one request, closed after (never held for the server's life)."""
        with self.lock.reading():
            self.keeper.touch()
            store = Store(self.path, read_only=True)
            try:
                yield store
            finally:
                store.close()

    @contextmanager
    def write(self) -> Iterator[Store]:
        """A writer Store for one ingest request (takes khabar's writer lock, bounded wait)."""
        with self.lock.writing():
            self.keeper.release()
            store = Store(self.path)
            try:
                yield store
            finally:
                store.close()
