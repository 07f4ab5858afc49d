"""The read API: events (filtered, paged), one event, actors, per-day counts, network, export, documents."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, PlainTextResponse
from starlette.background import BackgroundTask

from khabar.events.triggers import EVENT_TYPES
from khabar.serve import models, quad, views
from khabar.serve.access import StoreAccess
from khabar.serve.errors import ERROR_RESPONSES, ApiError
from khabar.store import queries

MAX_PAGE = 500
MAX_EXPORT = 100_000
Text = Annotated[str | None, Query(max_length=200)]
Code = Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z0-9_\-]+$")]

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)
# The choices of the type and quad filters, from the data (so that the OpenAPI document lists them).
EventType = Enum("EventType", {e: e for e in sorted(EVENT_TYPES)}, type=str)  # type: ignore[misc]
QuadName = Enum("QuadName", {c.name: c.name for c in quad.classes()}, type=str)  # type: ignore[misc]


async def access(request: Request) -> StoreAccess:
    """The app's store access."""
    acc: StoreAccess = request.app.state.access
    return acc


AccessDep = Annotated[StoreAccess, Depends(access)]


async def event_filter(
    actor: Annotated[str | None, Query(max_length=200, description="Actor or recipient: name or code")] = None,
    country: Code = None,
    sector: Code = None,
    type: Annotated[EventType | None, Query(description="PLOVER event type")] = None,
    quad_class: Annotated[QuadName | None, Query(alias="quad", description="PLOVER quad class")] = None,
    mode: Code = None,
    lang: Code = None,
    outlet: Text = None,
    doc: Text = None,
    q: Annotated[str | None, Query(max_length=200, description="Substring of the evidence text")] = None,
    since: Annotated[date | None, Query(description="Events on or after this day")] = None,
    until: Annotated[date | None, Query(description="Events on or before this day")] = None,
) -> queries.EventFilter:
    """The filter every event endpoint takes; a day is the event's date, else its report's publication date."""
    qc = quad.by_name(quad_class.value) if quad_class is not None else None
    return queries.EventFilter(
        event=type.value if type is not None else None, events=qc.events if qc else (), code=country, who=actor,
        sector=sector, mode=mode, lang=lang, outlet=outlet, doc=doc, text=q, since=since, until=until, report_day=True,
    )  # fmt: skip


FilterDep = Annotated[queries.EventFilter, Depends(event_filter)]


def paged(f: queries.EventFilter, limit: int, offset: int) -> queries.EventFilter:
    """A filter with a page."""
    return replace(f, limit=limit, offset=offset)


def quad_dict(c: quad.QuadClass) -> dict[str, Any]:
    """A quad class as JSON."""
    return {"name": c.name, "label": c.label, "polarity": c.polarity, "kind": c.kind, "colour": c.colour,
            "events": list(c.events)}  # fmt: skip


@router.get("/meta", response_model=models.Meta, summary="What the store holds and what can be filtered on")
def meta(acc: AccessDep, request: Request) -> dict[str, Any]:
    """Totals, filter values, quad classes, and whether the server accepts writes."""
    with acc.read() as s:
        totals, facets = queries.totals(s), queries.facets(s)
    return {
        **totals,
        "facets": facets,
        "quad_classes": [quad_dict(c) for c in quad.classes()],
        "writable": request.app.state.token is not None,
    }


@router.get("/events", response_model=models.EventPage, summary="Events matching the filters, one page")
def list_events(
    acc: AccessDep,
    f: FilterDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    order: Annotated[Literal["newest", "oldest"], Query(description="By event date; undated events last")] = "newest",
) -> dict[str, Any]:
    """A page of events ordered by date, with the total that match."""
    page = replace(paged(f, limit, offset), newest_first=order == "newest")
    with acc.read() as s:
        total, rows = queries.event_page(s, page)
    return {"total": total, "limit": limit, "offset": offset, "items": [views.with_quad(r) for r in rows]}


@router.get("/events/{event_id}", response_model=models.EventView, summary="One event with its mentions")
def get_event(acc: AccessDep, event_id: Annotated[str, models.EVENT_ID]) -> dict[str, Any]:
    """The event's PLOVER JSON and each report of it: sentence, evidence, marked actors and trigger."""
    with acc.read() as s:
        view = views.event_view(s, event_id)
    if view is None:
        raise ApiError(404, f"no event {event_id!r}")
    return view


@router.get("/actors", response_model=models.ActorPage, summary="Actors of the matching events with counts")
def list_actors(acc: AccessDep, f: FilterDep, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> dict[str, Any]:
    """Actors by number of events, as source and as target."""
    with acc.read() as s:
        return {"items": queries.actor_counts(s, f, limit)}


@router.get("/counts/daily", response_model=models.Daily, summary="Events per day by type or quad class")
def daily_counts(acc: AccessDep, f: FilterDep, by: Literal["event", "quad"] = "quad") -> dict[str, Any]:
    """Per-day counts; events with no day (no date, no publication date) are counted apart."""
    with acc.read() as s:
        return views.daily(s, f, by)


@router.get("/network", response_model=models.Network, summary="Who acts on whom: nodes and weighted edges")
def network(
    acc: AccessDep,
    f: FilterDep,
    by: Literal["country", "actor"] = "country",
    nodes: Annotated[int, Query(ge=2, le=200)] = 40,
) -> dict[str, Any]:
    """Actors or countries linked by their events, edges split into cooperation and conflict."""
    with acc.read() as s:
        return views.network(s, f, by, nodes)


@router.get(
    "/export",
    summary="The matching events as CSV or PLOVER JSONL",
    response_class=FileResponse,
    responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}},
)
def export(
    acc: AccessDep, f: FilterDep, format: Literal["csv", "plover"] = "plover",
    limit: Annotated[int, Query(ge=1, le=MAX_EXPORT)] = MAX_EXPORT,
) -> FileResponse:  # fmt: skip
    """A download of the current filter (at most ``limit`` events)."""
    tmp = Path(tempfile.mkdtemp(prefix="khabar-export-"))
    name = "events.csv" if format == "csv" else "events.jsonl"
    try:
        with acc.read() as s:
            queries.export(s, format, tmp / name, paged(f, limit, 0))
    except BaseException:
        _rmtree(tmp)
        raise
    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson; charset=utf-8"
    return FileResponse(tmp / name, media_type=media, filename=name, background=BackgroundTask(_rmtree, tmp))


def _rmtree(path: Path) -> None:
    """Remove an export's temporary folder."""
    shutil.rmtree(path, ignore_errors=True)


@router.get(
    "/documents/{key}",
    response_model=models.DocumentOut,
    summary="One document and its raw text",
    responses={200: {"content": {"text/plain": {}}}},
)
def get_document(
    acc: AccessDep, key: Annotated[str, models.DOC_KEY], format: Literal["json", "text"] = "json"
) -> Any:
    """A document by key or id; its raw text as JSON, or as text/plain (never HTML)."""
    with acc.read() as s:
        doc = queries.document(s, key)
        if doc is not None and format == "json":
            doc["events"] = queries.document_events(s, doc["doc_key"])
    if doc is None:
        raise ApiError(404, f"no document {key!r}")
    if format == "text":
        return PlainTextResponse(doc["text"] or "")
    return doc
