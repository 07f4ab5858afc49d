"""HTML pages: main text and metadata (title, date) via trafilatura; no main text -> Reject NO_MAIN_TEXT."""

from __future__ import annotations

import logging

from khabar.ingest.decode import sample_of
from khabar.ingest.records import to_document
from khabar.model import Document, Reject, RejectReason
from khabar.settings import Limits

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def _without_title(text: str, title: str | None) -> str:
    """The main text without a leading copy of the title (trafilatura often keeps the <h1>)."""
    if title and text.startswith(title):
        rest = text[len(title) :].lstrip("\n")
        return rest if rest.strip() else text
    return text


def html_to_document(html: str, origin: str, doc_id: str, limits: Limits, url: str | None = None) -> Document | Reject:
    """Extract an HTML page's main text and title into a Document, or a Reject saying why not."""
    import trafilatura

    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:
        detail = f"HTML extraction failed: {type(exc).__name__}: {exc}"
        return Reject(origin, RejectReason.MALFORMED, detail, record_id=doc_id, sample=sample_of(html))
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        detail = "no main text found in the HTML (only markup, scripts, styles or boilerplate)"
        return Reject(origin, RejectReason.NO_MAIN_TEXT, detail, record_id=doc_id, sample=sample_of(html))
    title = getattr(found, "title", None)
    rec = {
        "id": doc_id,
        "title": title,
        "text": _without_title(text, title),
        "date": getattr(found, "date", None),
        "url": url or getattr(found, "url", None),
    }
    return to_document(rec, origin, doc_id, limits)
