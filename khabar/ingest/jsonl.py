"""JSON Lines (.jsonl, .jsonl.gz, .json lines) with plain json.loads per line; a .json array is read whole."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from khabar.ingest.decode import decode_bytes, sample_of
from khabar.ingest.lines import Line, open_binary, read_lines
from khabar.ingest.records import to_document
from khabar.model import Document, Reject, RejectReason
from khabar.settings import Limits

_SURROGATE_ESCAPES = ("\\ud", "\\uD")


def _malformed(origin: str, number: int, exc: json.JSONDecodeError, text: str) -> Reject:
    """The reject for a line that is not valid JSON."""
    detail = f"line {number}: invalid JSON: {exc.msg} at column {exc.colno}"
    return Reject(origin, RejectReason.MALFORMED, detail, sample=sample_of(text))


def _repair(value: object) -> object:
    """Lone surrogates (from \\udXXX escapes) replaced by U+FFFD in every string of a record."""
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, dict):
        return {k: _repair(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_repair(v) for v in value]
    return value


def _parse_line(path: Path, line: Line, limits: Limits) -> Document | Reject | None:
    """One line as a Document or a Reject; None for a blank line."""
    origin = f"{path}:{line.number}"
    if line.text is None:
        assert line.reason is not None
        return Reject(origin, line.reason, f"line {line.number}: {line.detail}", sample=line.sample or None)
    if not line.text.strip():
        return None
    try:
        rec = json.loads(line.text)
    except json.JSONDecodeError as exc:
        return _malformed(origin, line.number, exc, line.text)
    except RecursionError:
        return Reject(origin, RejectReason.MALFORMED, f"line {line.number}: JSON nested too deeply")
    if any(s in line.text for s in _SURROGATE_ESCAPES):
        rec = _repair(rec)
    return to_document(rec, origin, f"{path.name}:{line.number}", limits)


def _is_array(path: Path) -> bool:
    """Whether a .json file holds one JSON array rather than JSON lines (first non-blank byte is '[')."""
    with open_binary(path) as f:
        head = f.read(4096).lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return head.startswith(b"[")


def _read_array(path: Path, limits: Limits) -> Iterator[Document | Reject]:
    """Every element of a file holding one JSON array (loaded whole, so bounded by max_file_bytes)."""
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        yield Reject(str(path), RejectReason.TOO_LARGE, f"JSON array file is {size:,} bytes > limit")
        return
    with open_binary(path) as f:
        decoded = decode_bytes(f.read())
    if decoded.text is None:
        assert decoded.reason is not None
        yield Reject(str(path), decoded.reason, decoded.detail)
        return
    try:
        records = json.loads(decoded.text)
    except (json.JSONDecodeError, RecursionError) as exc:
        yield Reject(str(path), RejectReason.MALFORMED, f"invalid JSON array: {exc}", sample=sample_of(decoded.text))
        return
    for n, rec in enumerate(records, 1):
        yield to_document(_repair(rec), f"{path}#{n}", f"{path.name}#{n}", limits)


def read_jsonl(path: Path, limits: Limits) -> Iterator[Document | Reject]:
    """Yield a Document or a Reject per non-blank line of a JSON Lines file (or element of a .json array)."""
    if path.name.lower().endswith((".json", ".json.gz")) and _is_array(path):
        yield from _read_array(path, limits)
        return
    for line in read_lines(path, limits.max_line_chars):
        result = _parse_line(path, line, limits)
        if result is not None:
            yield result
