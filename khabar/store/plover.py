"""PLOVER JSON for an event: the export contract of DESIGN.md."""

from __future__ import annotations

from typing import Any

from khabar.model import Analysis, Event, Mention


def entity(m: Mention) -> dict[str, Any]:
    """A PLOVER entity for an actor mention."""
    return {
        "entity_text": m.text,
        "code": m.actor.code,
        "sector": m.actor.sector,
        "identifier_text": m.actor.name,
        "identifier_id": m.actor.wikidata,
        "entity": m.actor.entity,
        "kind": m.kind,
        "start": m.start,
        "end": m.end,
    }


def participants(mentions: list[Mention]) -> list[dict[str, Any]]:
    """Entities of a role, one per distinct actor (the first mention stands for it)."""
    seen: set[tuple[str, str | None, str | None]] = set()
    out = []
    for m in mentions:
        key = (m.actor.code, m.actor.sector, m.actor.entity or m.actor.name)
        if key not in seen:
            seen.add(key)
            out.append(entity(m))
    return out


def span_info(analysis: Analysis, start: int, end: int) -> dict[str, Any]:
    """Offsets and text of a raw span."""
    return {"start": start, "end": end, "text": analysis.doc.text[start:end]}


def event_to_plover(analysis: Analysis, ev: Event) -> dict[str, Any]:
    """The PLOVER JSON object of one event, tied to its words by raw offsets."""
    doc = analysis.doc
    return {
        "id": ev.id,
        "doc_id": doc.id,
        "event": ev.event,
        "mode": ev.mode,
        "actor": participants(ev.actor),
        "recipient": participants(ev.recipient),
        "date": ev.date.isoformat() if ev.date else None,
        "date_text": ev.date_expr.text if ev.date_expr else None,
        "aux": ev.aux,
        "context": list(ev.context),
        "event_loc": {"name": ev.location} if ev.location else None,
        "text_info": span_info(analysis, ev.evidence.start, ev.evidence.end),
        "trigger": span_info(analysis, ev.trigger.start, ev.trigger.end),
        "evidence": [span_info(analysis, s.start, s.end) for s in [ev.evidence, *ev.more_evidence]],
        "story": ev.story,
        "sentence": ev.sentence,
        "cite_info": {
            "doc_id": doc.id,
            "url": doc.url,
            "publication": analysis.outlet or doc.source,
            "pub_date": analysis.pub_date.isoformat() if analysis.pub_date else None,
            "language": analysis.lang,
            "origin": doc.origin,
            "citations": [c.name for c in analysis.citations],
        },
        "confidence": ev.confidence,
        "rule": ev.rule,
    }
