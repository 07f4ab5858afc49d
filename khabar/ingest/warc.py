"""WARC archives (.warc, .warc.gz) via warcio: HTTP responses with HTML or plain text become documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from khabar.ingest.decode import declared_charset, decode_with_declared, sample_of
from khabar.ingest.html import html_to_document
from khabar.ingest.records import to_document
from khabar.model import Document, Reject, RejectReason
from khabar.settings import Limits

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)


def _content_type(record: Any) -> str:
    """The HTTP Content-Type of a response record (lower case), or ''."""
    headers = getattr(record, "http_headers", None)
    value = headers.get_header("Content-Type") if headers is not None else None
    return (value or "").lower()


def _missing_bytes(record: Any) -> int:
    """How many bytes of a record's declared Content-Length the archive did not contain."""
    while record.raw_stream.read(1 << 16):
        pass
    return int(getattr(record.raw_stream, "limit", 0) or 0)


def _has_tail(f: BinaryIO, offset: int) -> bool:
    """Whether non-blank bytes follow the end of the last complete record (a record cut in its headers)."""
    f.seek(offset)
    while chunk := f.read(1 << 16):
        if chunk.strip():
            return True
    return False


def _record_to_doc(record: Any, origin: str, limits: Limits) -> Document | Reject | None:
    """One WARC record as a Document or a Reject; None for records that are not documents."""
    if record.rec_type != "response":
        return None
    ctype = _content_type(record)
    is_html = ctype.startswith(_HTML_TYPES)
    if not is_html and not ctype.startswith(_TEXT_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    doc_id = url or record.rec_headers.get_header("WARC-Record-ID") or origin
    payload = record.content_stream().read(limits.max_document_chars * 4 + 1)
    if len(payload) > limits.max_document_chars * 4:
        detail = f"payload over {limits.max_document_chars * 4:,} bytes"
        return Reject(origin, RejectReason.TOO_LARGE, detail, record_id=doc_id, sample=sample_of(payload))
    missing = _missing_bytes(record)
    if missing:
        detail = f"record truncated: {missing:,} bytes of its declared length are missing (archive cut short)"
        return Reject(origin, RejectReason.MALFORMED, detail, record_id=doc_id, sample=sample_of(payload))
    decoded = decode_with_declared(payload, declared_charset(ctype.encode("latin-1", "replace")))
    if decoded.text is None:
        assert decoded.reason is not None
        return Reject(origin, decoded.reason, decoded.detail, record_id=doc_id, sample=sample_of(payload))
    if is_html:
        return html_to_document(decoded.text, origin, doc_id, limits, url=url)
    return to_document({"id": doc_id, "text": decoded.text, "url": url}, origin, doc_id, limits)


def read_warc(path: Path, limits: Limits) -> Iterator[Document | Reject]:
    """Yield a Document or Reject per HTML/text response; a truncated or corrupt archive ends with one Reject."""
    from warcio.archiveiterator import ArchiveIterator

    done = 0
    try:
        with path.open("rb") as f:
            records = ArchiveIterator(f)
            end = 0
            for record in records:
                result = _record_to_doc(record, f"{path}#{done + 1}", limits)
                records.read_to_end()
                done, end = done + 1, records.offset
                if result is not None:
                    yield result
            if _has_tail(f, end):
                detail = f"archive truncated after {done} complete records: the next record is cut short"
                yield Reject(f"{path}#{done + 1}", RejectReason.MALFORMED, detail)
    except Exception as exc:
        detail = f"archive truncated or corrupt after {done} complete records: {type(exc).__name__}: {exc}"
        yield Reject(f"{path}#{done + 1}", RejectReason.MALFORMED, detail.splitlines()[0])
