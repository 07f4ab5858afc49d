"""Single text and HTML files (alone or in a folder): whole-file decoding, one document per file."""

from __future__ import annotations

from pathlib import Path

from khabar.ingest.decode import declared_charset, decode_with_declared, sample_of
from khabar.ingest.html import html_to_document
from khabar.ingest.records import to_document
from khabar.model import Document, Reject, RejectReason
from khabar.settings import Limits


def _read_text(path: Path, doc_id: str, limits: Limits, html: bool = False) -> str | Reject:
    """The decoded content of a file, or a Reject (too large, unreadable, binary, undecodable, empty)."""
    origin = str(path)
    try:
        size = path.stat().st_size
        cap = min(limits.max_file_bytes, limits.max_document_chars * 4)
        if size > cap:
            detail = f"file is {size:,} bytes > limit {cap:,} (max_document_chars x 4 bytes)"
            return Reject(origin, RejectReason.TOO_LARGE, detail, record_id=doc_id)
        data = path.read_bytes()
    except OSError as exc:
        return Reject(origin, RejectReason.UNDECODABLE, f"cannot read file: {exc}", record_id=doc_id)
    decoded = decode_with_declared(data, declared_charset(data) if html else None)
    if decoded.text is None:
        assert decoded.reason is not None
        return Reject(origin, decoded.reason, decoded.detail, record_id=doc_id, sample=sample_of(data) or None)
    return decoded.text


def read_txt(path: Path, doc_id: str, limits: Limits) -> Document | Reject:
    """A plain-text file as one Document whose id is doc_id (the file name)."""
    text = _read_text(path, doc_id, limits)
    if isinstance(text, Reject):
        return text
    return to_document({"id": doc_id, "text": text}, str(path), doc_id, limits)


def read_html(path: Path, doc_id: str, limits: Limits) -> Document | Reject:
    """An HTML file as one Document (main text, title and date from trafilatura)."""
    text = _read_text(path, doc_id, limits, html=True)
    if isinstance(text, Reject):
        return text
    return html_to_document(text, str(path), doc_id, limits)
