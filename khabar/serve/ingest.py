"""POST /api/documents: code records over HTTP and store them; only with the server's token."""

from __future__ import annotations

import hmac
import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request

from khabar.ingest.records import to_document
from khabar.model import DocResult, Reject
from khabar.pipeline import process
from khabar.serve.access import StoreAccess
from khabar.serve.api import access
from khabar.serve.errors import WRITE_ERROR_RESPONSES, ApiError
from khabar.serve.models import IngestIn, IngestOut
from khabar.settings import Limits

router = APIRouter(prefix="/api", responses=WRITE_ERROR_RESPONSES)
ORIGIN = "http"


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Refuse writes on a read-only server (403) and requests without the right bearer token (401)."""
    token: str | None = request.app.state.token
    if token is None:
        raise ApiError(403, "this server is read-only: start it with --token to accept documents")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "a valid 'Authorization: Bearer <token>' header is required")


def code_records(records: list[Any], limits: Limits) -> tuple[list[DocResult], list[Reject]]:
    """Each record through ingest's record mapping and the pipeline."""
    results: list[DocResult] = []
    rejects: list[Reject] = []
    for i, rec in enumerate(records):
        doc = to_document(rec, ORIGIN, f"http-{i}", limits)
        out = doc if isinstance(doc, Reject) else process(doc)
        (rejects if isinstance(out, Reject) else results).append(out)  # type: ignore[arg-type]
    return results, rejects


@router.post(
    "/documents",
    response_model=IngestOut,
    status_code=201,
    summary="Code records and store them (needs the server's token)",
    dependencies=[Depends(require_token)],
)
def post_documents(body: IngestIn, acc: Annotated[StoreAccess, Depends(access)]) -> dict[str, Any]:
    """Run the pipeline on the records and write them in one batch; returns counts, event ids and rejects."""
    started = time.monotonic()
    results, rejects = code_records(body.records, Limits.from_env())
    with acc.write() as store:
        run_id = store.begin_run([ORIGIN])
        counts = store.write_batch(results, rejects, run_id)
        store.finish_run(
            run_id,
            "completed",
            {"records": len(body.records), "stored": counts.stored, "skipped": counts.skipped,
             "rejected": counts.rejected, "events": counts.events},
            time.monotonic() - started,
        )  # fmt: skip
    return {
        "run_id": run_id,
        "stored": counts.stored,
        "skipped": counts.skipped,
        "rejected": counts.rejected,
        "events": counts.events,
        "event_ids": [ev.id for r in results for ev in r.events if ev.id],
        "rejects": [{"record_id": r.record_id, "reason": r.reason.value, "detail": r.detail} for r in rejects],
    }
