"""Ingest: readers for every supported source and decoding; never crashes on a record.

Public API: ``check_sources`` (fail fast on a missing path or unknown format), ``read_sources``
(one Document or Reject per record, stable order) and ``estimate_records`` (for a progress bar).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from khabar.errors import SourceError
from khabar.ingest.files import read_html, read_txt
from khabar.ingest.jsonl import read_jsonl
from khabar.ingest.lines import count_lines
from khabar.ingest.tabular import read_csv, read_parquet
from khabar.ingest.warc import read_warc
from khabar.model import Document, Reject, RejectReason
from khabar.settings import DEFAULT, Limits

__all__ = ["SUFFIXES", "check_sources", "estimate_records", "file_kind", "read_sources"]

Result = Document | Reject
StreamReader = Callable[[Path, Limits], Iterator[Result]]
FileReader = Callable[[Path, str, Limits], Result]

SUFFIXES: dict[str, str] = {
    ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl",
    ".json": "jsonl",
    ".json.gz": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".csv.gz": "csv",
    ".parquet": "parquet",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
}
STREAMS: dict[str, StreamReader] = {"jsonl": read_jsonl, "csv": read_csv, "parquet": read_parquet, "warc": read_warc}
SINGLES: dict[str, FileReader] = {"txt": read_txt, "html": read_html}


def file_kind(path: Path) -> str | None:
    """The format of a file from its name (longest known suffix wins), or None."""
    name = path.name.lower()
    best = max((s for s in SUFFIXES if name.endswith(s)), key=len, default=None)
    return SUFFIXES[best] if best else None


def _hidden(path: Path, root: Path) -> bool:
    """Whether a file under root is hidden (a dot file or inside a dot folder)."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _folder_files(root: Path) -> list[Path]:
    """Every visible file under a folder, in sorted (stable) order."""
    return sorted(p for p in root.rglob("*") if p.is_file() and not _hidden(p, root))


def check_sources(paths: Sequence[str | Path]) -> None:
    """Raise SourceError when a source is missing or is a file of an unsupported kind (before reading)."""
    if not paths:
        raise SourceError("no source given: pass a folder or a .txt/.html/.jsonl/.csv/.parquet/.warc file")
    for p in map(Path, paths):
        if not p.exists():
            raise SourceError(f"source not found: {p}")
        if p.is_dir():
            continue
        if not p.is_file():
            raise SourceError(f"source is not a regular file or folder: {p}")
        if file_kind(p) is None:
            known = ", ".join(SUFFIXES)
            raise SourceError(f"unsupported file type: {p} (supported: {known}, or a folder)")


def _guarded(path: Path, records: Iterator[Result]) -> Iterator[Result]:
    """Pass records through; a file that fails mid-way ends with one Reject instead of an exception."""
    n = 0
    try:
        for r in records:
            n += 1
            yield r
    except (OSError, EOFError, zlib.error) as exc:
        detail = f"file unreadable or truncated after {n} records: {type(exc).__name__}: {exc}"
        yield Reject(str(path), RejectReason.MALFORMED, detail)
    except Exception as exc:
        detail = f"reader failed after {n} records: {type(exc).__name__}: {exc}"
        yield Reject(str(path), RejectReason.INTERNAL_ERROR, detail)


def _single(reader: FileReader, path: Path, doc_id: str, limits: Limits) -> Iterator[Result]:
    """A one-document reader as a lazy iterator (so that _guarded also covers its failures)."""
    yield reader(path, doc_id, limits)


def _read_file(path: Path, doc_id: str, limits: Limits) -> Iterator[Result]:
    """Every record of one file (id doc_id for one-document files)."""
    kind = file_kind(path)
    if kind in STREAMS:
        yield from _guarded(path, STREAMS[kind](path, limits))
    elif kind in SINGLES:
        yield from _guarded(path, _single(SINGLES[kind], path, doc_id, limits))
    else:
        detail = f"unsupported file type '{path.suffix or path.name}'"
        yield Reject(str(path), RejectReason.UNSUPPORTED_FORMAT, detail, record_id=doc_id)


def read_sources(paths: Sequence[str | Path], limits: Limits = DEFAULT.limits) -> Iterator[Result]:
    """Yield a Document or a Reject for every record of every source, in a stable order."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in _folder_files(p):
                yield from _read_file(f, f.relative_to(p).as_posix(), limits)
        else:
            yield from _read_file(p, p.name, limits)


def _estimate_file(path: Path) -> int | None:
    """A cheap record count for one file: lines for JSONL/CSV, rows for Parquet, 1 for text/HTML."""
    kind = file_kind(path)
    if kind == "jsonl":
        return count_lines(path)
    if kind == "csv":
        return max(count_lines(path) - 1, 0)
    if kind == "parquet":
        import duckdb

        row = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()
        return int(row[0]) if row else None
    if kind == "warc":
        return None
    return 1


def estimate_records(paths: Sequence[str | Path]) -> int | None:
    """An estimate of the number of records (for a progress bar); None when unknown."""
    total = 0
    try:
        for p in map(Path, paths):
            files = _folder_files(p) if p.is_dir() else [p]
            for f in files:
                n = _estimate_file(f)
                if n is None:
                    return None
                total += n
    except Exception:
        return None
    return total
