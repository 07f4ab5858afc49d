"""JSON Lines (.jsonl, .jsonl.gz, .json lines): one record per line, plain json.loads, per-line rejects."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from khabar.ingest.decode import sample_of
from khabar.ingest.lines import read_lines
from khabar.ingest.records import to_document
from khabar.model import Document, Reject, RejectReason
from khabar.settings import Limits


def _malformed(origin: str, number: int, exc: json.JSONDecodeError, text: str) -> Reject:
    """The reject for a line that is not valid JSON."""
    detail = f"line {number}: invalid JSON: {exc.msg} at column {exc.colno}"
    return Reject(origin, RejectReason.MALFORMED, detail, sample=sample_of(text))


def read_jsonl(path: Path, limits: Limits) -> Iterator[Document | Reject]:
    """Yield a Document or a Reject per non-blank line of a JSON Lines file."""
    name = path.name
    for line in read_lines(path, limits.max_line_chars):
        origin = f"{path}:{line.number}"
        if line.text is None:
            assert line.reason is not None
            yield Reject(origin, line.reason, f"line {line.number}: {line.detail}", sample=line.sample or None)
            continue
        if not line.text.strip():
            continue
        try:
            rec = json.loads(line.text)
        except json.JSONDecodeError as exc:
            yield _malformed(origin, line.number, exc, line.text)
            continue
        except RecursionError:
            detail = f"line {line.number}: JSON nested too deeply"
            yield Reject(origin, RejectReason.MALFORMED, detail, sample=sample_of(line.text))
            continue
        yield to_document(rec, origin, f"{name}:{line.number}", limits)
