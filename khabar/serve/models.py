"""Response and request models: they make the OpenAPI document and check what the API returns."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Path as PathParam
from pydantic import BaseModel, Field

EVENT_ID = PathParam(max_length=64, pattern=r"^[A-Za-z0-9_\-]+$", description="An event id, e.g. ev-0123abcd")
DOC_KEY = PathParam(max_length=300, description="A document key (content hash) or document id")


class EventRow(BaseModel):
    """One event as a table row."""

    event_id: str
    doc_key: str
    doc_id: str | None
    lang: str | None
    event: str
    quad: str | None
    mode: str | None
    date: dt.date | None
    day: dt.date | None = Field(description="The event's date, else its report's publication date")
    aux: str | None
    actor_codes: list[str | None]
    actor_names: list[str | None]
    recipient_codes: list[str | None]
    recipient_names: list[str | None]
    sectors: list[str | None]
    evidence: str | None
    confidence: float | None


class EventPage(BaseModel):
    """A page of events and how many match."""

    total: int
    limit: int
    offset: int
    items: list[EventRow]


class Span(BaseModel):
    """Raw character offsets into a document's text, and the text."""

    start: int
    end: int
    text: str


class SentenceSpan(Span):
    """The sentence(s) holding an evidence span."""

    index: int | None


class Segment(BaseModel):
    """A piece of a sentence; marked pieces name their role (trigger, actor, recipient)."""

    text: str
    role: str | None
    label: str | None


class MentionOut(BaseModel):
    """One report of an event: where in which document it is stated."""

    doc_key: str
    doc_id: str | None
    lang: str | None
    evidence: Span
    sentence: SentenceSpan
    segments: list[Segment]


class DocRef(BaseModel):
    """A document without its text."""

    doc_key: str
    doc_id: str | None
    lang: str | None
    pub_date: dt.date | None
    url: str | None
    source: str | None
    outlet: str | None
    origin: str | None


class EventView(BaseModel):
    """One event: PLOVER JSON, quad class, document and mentions."""

    event: dict[str, Any]
    quad: str | None
    document: DocRef
    mentions: list[MentionOut]


class ActorCount(BaseModel):
    """An actor and its number of events."""

    code: str | None
    name: str | None
    as_actor: int
    as_recipient: int
    events: int


class ActorPage(BaseModel):
    """Actors by number of events."""

    items: list[ActorCount]


class DayCount(BaseModel):
    """Counts of one day."""

    day: dt.date
    counts: dict[str, int]
    total: int


class Daily(BaseModel):
    """Events per day."""

    by: str
    keys: list[str]
    days: list[DayCount]
    undated: dict[str, int]


class Node(BaseModel):
    """An actor or a country."""

    id: str
    label: str
    code: str | None
    events: int


class Edge(BaseModel):
    """Events between two nodes."""

    source: str
    target: str
    weight: int
    cooperation: int
    conflict: int


class Network(BaseModel):
    """Nodes and edges."""

    by: str
    nodes: list[Node]
    edges: list[Edge]


class EventRef(BaseModel):
    """An event of a document, by its evidence offsets."""

    event_id: str
    event: str
    start: int | None
    end: int | None


class DocumentOut(DocRef):
    """A document with its raw text (plain text: clients must never render it as HTML)."""

    citations: list[str] | None
    text: str | None
    events: list[EventRef]


class QuadOut(BaseModel):
    """A quad class."""

    name: str
    label: str
    polarity: str
    kind: str
    colour: str
    events: list[str]


class Meta(BaseModel):
    """What the store holds."""

    documents: int
    events: int
    undated: int
    facets: dict[str, list[Any]]
    quad_classes: list[QuadOut]
    writable: bool


class IngestIn(BaseModel):
    """Records to code and store: each ``{id, text, title?, date?, url?, source?, lang?}`` (DESIGN.md)."""

    records: list[dict[str, Any]] = Field(min_length=1, max_length=100)


class RejectOut(BaseModel):
    """A record that was not stored, and why."""

    record_id: str | None
    reason: str
    detail: str


class IngestOut(BaseModel):
    """What an ingest did."""

    run_id: int
    stored: int
    skipped: int
    rejected: int
    events: int
    event_ids: list[str]
    rejects: list[RejectOut]
