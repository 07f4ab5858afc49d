"""Ingest: readers for every supported source and decoding; never crashes on a record."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from khabar.model import Document, Reject
from khabar.settings import DEFAULT, Limits


def read_sources(paths: Sequence[str | Path], limits: Limits = DEFAULT.limits) -> Iterator[Document | Reject]:
    """Yield a Document or a Reject for every record of every source (stub: .txt only)."""
    for p in map(Path, paths):
        files = sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else [p]
        for f in files:
            yield Document(id=f.name, text=f.read_text(encoding="utf-8"), origin=str(f))
