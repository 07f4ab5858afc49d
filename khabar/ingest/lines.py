"""Line-by-line reading of (possibly gzipped) text files with a line-length limit and per-line decoding."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from khabar.ingest.decode import SAMPLE_CHARS, bom_encoding, decode_bytes, sample_of
from khabar.model import RejectReason

_CHUNK = 1 << 20
_UTF8_MAX_BYTES_PER_CHAR = 4


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line: its 1-based number and text, or why it has none (reason, detail, sample)."""

    number: int
    text: str | None
    reason: RejectReason | None = None
    detail: str = ""
    sample: str = ""


def open_binary(path: Path) -> IO[bytes]:
    """Open a file for binary reading, transparently un-gzipping .gz files."""
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _skip_rest(f: IO[bytes]) -> None:
    """Consume the rest of an over-long line without keeping it."""
    while True:
        chunk = f.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _decode_line(number: int, raw: bytes) -> Line:
    """Decode one line: UTF-8 fast path, else the full decoder (Windows-1256, binary...)."""
    try:
        return Line(number, raw.decode("utf-8"))
    except UnicodeDecodeError:
        decoded = decode_bytes(raw)
    if decoded.text is not None:
        return Line(number, decoded.text)
    assert decoded.reason is not None
    return Line(number, None, decoded.reason, decoded.detail, sample_of(raw))


def _too_long(number: int, size: str, limit: int, head: bytes | str) -> Line:
    """The Line for a line over the limit."""
    detail = f"longer than {limit:,} characters ({size})"  # readers prefix "line N: "
    return Line(number, None, RejectReason.LINE_TOO_LONG, detail, sample_of(head))


def _utf8_lines(f: IO[bytes], max_chars: int) -> Iterator[Line]:
    """Lines of a byte stream (UTF-8 or legacy), never holding more than ~4x the limit in bytes."""
    max_bytes = max_chars * _UTF8_MAX_BYTES_PER_CHAR
    number = 0
    while True:
        raw = f.readline(max_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            _skip_rest(f)
            yield _too_long(number, f"over {max_bytes:,} bytes", max_chars, raw[: SAMPLE_CHARS * 4])
            continue
        line = _decode_line(number, raw)
        if line.text is not None and len(line.text) > max_chars:
            yield _too_long(number, f"{len(line.text):,} characters", max_chars, line.text)
        else:
            yield line


def _text_lines(f: io.TextIOWrapper, max_chars: int) -> Iterator[Line]:
    """Lines of a decoded text stream (UTF-16/32 with BOM), limited to max_chars each."""
    number = 0
    while True:
        try:
            text = f.readline(max_chars + 1)
        except UnicodeDecodeError as exc:
            detail = f"invalid {f.encoding} after line {number} ({exc.reason}); rest of file skipped"
            yield Line(number + 1, None, RejectReason.UNDECODABLE, detail)
            return
        if not text:
            return
        number += 1
        if len(text) > max_chars and not text.endswith("\n"):
            while (rest := f.readline(_CHUNK)) and not rest.endswith("\n"):
                pass
            yield _too_long(number, f"over {max_chars:,} characters", max_chars, text)
            continue
        yield Line(number, text)


def read_lines(path: Path, max_chars: int) -> Iterator[Line]:
    """Every line of a text file (.gz transparently), decoded, with too-long lines reported, not loaded."""
    with open_binary(path) as f:
        head = f.peek(4)[:4] if hasattr(f, "peek") else b""
        bom = bom_encoding(head)
        if bom is not None and not bom[0].startswith("utf-8"):
            f.read(bom[1])
            enc = bom[0]
            yield from _text_lines(io.TextIOWrapper(f, encoding=enc, newline=None), max_chars)
            return
        if bom is not None:
            f.read(bom[1])
        yield from _utf8_lines(f, max_chars)


def count_lines(path: Path) -> int:
    """The number of lines of a (possibly gzipped) file, counted in 1 MB chunks."""
    n = 0
    last = b"\n"
    with open_binary(path) as f:
        while chunk := f.read(_CHUNK):
            n += chunk.count(b"\n")
            last = chunk
    return n + (0 if last.endswith(b"\n") else 1)
