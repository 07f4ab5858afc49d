"""CSV (csv module, resynchronising after broken quoting: one reject per bad record) and Parquet (duckdb)."""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from khabar.ingest.decode import sample_of
from khabar.ingest.lines import Line, read_lines
from khabar.ingest.records import to_document
from khabar.model import Document, Reject, RejectReason
from khabar.settings import Limits

MAX_RECORD_LINES = 500
_DELIMITERS = ",;\t|"
_BATCH = 1000


def _parse(texts: list[str], delimiter: str) -> list[str] | str:
    """The fields of one complete record, or the csv error message."""
    try:
        rows = list(csv.reader(texts, delimiter=delimiter, strict=True))
    except csv.Error as exc:
        return str(exc)
    if len(rows) != 1:
        return f"{len(rows)} rows where one record was expected"
    return rows[0]


def _open_error(texts: list[str], delimiter: str) -> str | None:
    """A csv error in a record still inside a quoted field, other than the expected end of data."""
    try:
        for _ in csv.reader(texts, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return None if "end of data" in str(exc) else str(exc)
    return None


class _Records:
    """Assembles physical lines into CSV records; a broken record rejects its first line and re-reads the rest."""

    def __init__(self, lines: Iterable[Line], delimiter: str, max_chars: int) -> None:
        """Read from lines, parsing with the given delimiter, a record at most max_chars long."""
        self.source = iter(lines)
        self.pending: deque[Line] = deque()
        self.buf: list[Line] = []
        self.chars = 0
        self.delimiter = delimiter
        self.max_chars = max_chars

    def _next(self) -> Line | None:
        """The next line, pushed-back lines first."""
        return self.pending.popleft() if self.pending else next(self.source, None)

    def _broken(self, why: str) -> tuple[Line, str]:
        """Give up on the buffered record: its first line is rejected, the others are read again."""
        first, rest = self.buf[0], self.buf[1:]
        self.pending.extendleft(reversed(rest))
        self.buf, self.chars = [], 0
        return first, why

    def __iter__(self) -> Iterator[tuple[Line, list[str] | str]]:
        """Yield (first line, fields) per record, or (line, error message) for a broken one."""
        while True:
            line = self._next()
            if line is None:
                if not self.buf:
                    return
                yield self._broken("quoted field not closed at end of file")
                continue
            if line.text is None:
                if self.buf:
                    self.pending.appendleft(line)
                    yield self._broken("quoted field not closed before an unreadable line")
                else:
                    yield line, ""
                continue
            if not self.buf and not line.text.strip():
                continue
            yield from self._add(line)

    def _add(self, line: Line) -> Iterator[tuple[Line, list[str] | str]]:
        """Add a line to the current record; yield the record when it is complete or broken."""
        assert line.text is not None
        self.buf.append(line)
        self.chars += len(line.text)
        texts = [x.text or "" for x in self.buf]
        if sum(t.count('"') for t in texts) % 2 == 0:
            fields = _parse(texts, self.delimiter)
            if isinstance(fields, str):
                yield self._broken(fields)
            else:
                first = self.buf[0]
                self.buf, self.chars = [], 0
                yield first, fields
            return
        error = _open_error(texts, self.delimiter) if '"' in line.text else None
        if error is not None:
            yield self._broken(error)
        elif len(self.buf) > MAX_RECORD_LINES or self.chars > self.max_chars:
            yield self._broken(f"quoted field not closed within {MAX_RECORD_LINES} lines / {self.max_chars:,} chars")


def _delimiter(header: str) -> str:
    """The most frequent of the usual delimiters in the header line."""
    return max(_DELIMITERS, key=header.count)


def _first_text_line(lines: Iterator[Line]) -> Line | None:
    """The first non-blank line (the header), or an unreadable line."""
    for line in lines:
        if line.text is None or line.text.strip():
            return line
    return None


def read_csv(path: Path, limits: Limits) -> Iterator[Document | Reject]:
    """Yield a Document or a Reject per CSV record; the first line is the header."""
    lines = read_lines(path, limits.max_line_chars)
    head = _first_text_line(lines)
    if head is None:
        yield Reject(str(path), RejectReason.EMPTY, "CSV file is empty")
        return
    if head.text is None:
        yield Reject(f"{path}:{head.number}", head.reason or RejectReason.MALFORMED, f"header: {head.detail}")
        return
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_line_chars + 1))
    delimiter = _delimiter(head.text)
    header = _parse([head.text], delimiter)
    if isinstance(header, str):
        yield Reject(f"{path}:{head.number}", RejectReason.MALFORMED, f"header line: {header}", sample=head.text[:200])
        return
    names = [h.strip().lower() for h in header]
    for line, fields in _Records(lines, delimiter, limits.max_line_chars):
        yield _row(path, names, line, fields, limits)


def _row(path: Path, names: list[str], line: Line, fields: list[str] | str, limits: Limits) -> Document | Reject:
    """One CSV record as a Document or a Reject."""
    origin = f"{path}:{line.number}"
    if line.text is None:
        return Reject(
            origin,
            line.reason or RejectReason.MALFORMED,
            f"line {line.number}: {line.detail}",
            sample=line.sample or None,
        )
    if isinstance(fields, str):
        detail = f"line {line.number}: broken CSV quoting: {fields}"
        return Reject(origin, RejectReason.MALFORMED, detail, sample=sample_of(line.text))
    if len(fields) != len(names):
        detail = f"line {line.number}: {len(fields)} fields, header has {len(names)}"
        return Reject(origin, RejectReason.MALFORMED, detail, sample=sample_of(line.text))
    return to_document(dict(zip(names, fields, strict=True)), origin, f"{path.name}:{line.number}", limits)


def read_parquet(path: Path, limits: Limits) -> Iterator[Document | Reject]:
    """Yield a Document or a Reject per Parquet row (read with duckdb in batches)."""
    import duckdb

    n = 0
    try:
        con = duckdb.connect()
        cur = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        names = [str(d[0]).lower() for d in cur.description or []]
        while batch := cur.fetchmany(_BATCH):
            for row in batch:
                n += 1
                yield to_document(dict(zip(names, row, strict=True)), f"{path}#{n}", f"{path.name}#{n}", limits)
    except duckdb.Error as exc:
        detail = f"cannot read Parquet after row {n}: {exc}".splitlines()[0]
        yield Reject(f"{path}#{n + 1}", RejectReason.MALFORMED, detail)
