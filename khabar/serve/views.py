"""Shapes the API returns, built from store queries: event rows, one event with its mentions, counts, network."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

from khabar.serve import quad
from khabar.store import queries
from khabar.store.db import Store

# Which mark wins where two overlap.
ROLE_ORDER = {"trigger": 0, "actor": 1, "recipient": 2}


def with_quad(row: dict[str, Any]) -> dict[str, Any]:
    """An event row with its quad class name."""
    q = quad.of_event(row.get("event"))
    return {**row, "quad": q.name if q else None}


def marks_of(plover: dict[str, Any]) -> list[dict[str, Any]]:
    """The spans to highlight in an event's text: trigger, actors and recipients (raw offsets)."""
    out: list[dict[str, Any]] = []
    trig = plover.get("trigger") or {}
    if isinstance(trig.get("start"), int) and isinstance(trig.get("end"), int):
        out.append({"start": trig["start"], "end": trig["end"], "role": "trigger", "label": plover.get("event")})
    for role in ("actor", "recipient"):
        for ent in plover.get(role) or []:
            if isinstance(ent.get("start"), int) and isinstance(ent.get("end"), int):
                label = f"{ent.get('identifier_text') or ent.get('entity_text')} ({ent.get('code')})"
                out.append({"start": ent["start"], "end": ent["end"], "role": role, "label": label})
    return out


def segments(text: str, start: int, end: int, marks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The raw text [start, end) cut into plain and marked pieces (marks clipped, overlaps dropped)."""
    inside = sorted(
        (m for m in marks if m["start"] < end and m["end"] > start and m["start"] < m["end"]),
        key=lambda m: (ROLE_ORDER.get(m["role"], 9), m["start"]),
    )
    chosen: list[dict[str, Any]] = []
    for m in inside:
        if all(m["end"] <= c["start"] or m["start"] >= c["end"] for c in chosen):
            chosen.append(m)
    out: list[dict[str, Any]] = []
    pos = start
    for m in sorted(chosen, key=lambda m: m["start"]):
        s, e = max(m["start"], start), min(m["end"], end)
        if s > pos:
            out.append({"text": text[pos:s], "role": None, "label": None})
        out.append({"text": text[s:e], "role": m["role"], "label": m["label"]})
        pos = e
    if pos < end:
        out.append({"text": text[pos:end], "role": None, "label": None})
    return out


def _key(code: Any, name: Any, entity: Any) -> tuple[Any, ...]:
    """How an actor mention is matched to an event participant: its entity, else code and name."""
    return ("e", entity) if entity else ("c", code, name)


def participant_marks(store: Store, doc_key: str, plover: dict[str, Any], start: int, end: int) -> list[dict[str, Any]]:
    """Other mentions, in [start, end), of the event's actors and recipients (the PLOVER JSON keeps only the first)."""
    roles: dict[tuple[Any, ...], tuple[str, str]] = {}
    for role in ("recipient", "actor"):
        for ent in plover.get(role) or []:
            label = f"{ent.get('identifier_text') or ent.get('entity_text')} ({ent.get('code')})"
            roles[_key(ent.get("code"), ent.get("identifier_text"), ent.get("entity"))] = (role, label)
    out = []
    for m in queries.mentions_in(store, doc_key, start, end):
        hit = roles.get(_key(m["code"], m["name"], m["entity"]))
        if hit:
            out.append({"start": m["start"], "end": m["end"], "role": hit[0], "label": hit[1]})
    return out


def window(store: Store, doc: dict[str, Any], span: dict[str, Any]) -> tuple[int, int, int | None]:
    """The raw span of the sentence(s) holding an evidence span, and the first sentence's index."""
    sents = queries.sentences_over(store, doc["doc_key"], span["start"], span["end"])
    ws = min([s["start"] for s in sents] + [span["start"]])
    we = max([s["end"] for s in sents] + [span["end"]])
    return max(0, ws), min(len(doc["text"] or ""), we), (sents[0]["sentence"] if sents else None)


def mentions(store: Store, doc: dict[str, Any], plover: dict[str, Any], spans: list[dict[str, Any]]) -> list[Any]:
    """Each sentence stating the event once, cut into segments with trigger, actors and recipients marked."""
    text = doc["text"] or ""
    out: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    first = marks_of(plover)
    for span in spans:
        ws, we, index = window(store, doc, span)
        if (ws, we) in seen:
            continue
        seen.add((ws, we))
        marks = first + participant_marks(store, doc["doc_key"], plover, ws, we)
        out.append({
            "doc_key": doc["doc_key"],
            "doc_id": doc["doc_id"],
            "lang": doc["lang"],
            "evidence": {"start": span["start"], "end": span["end"], "text": text[span["start"] : span["end"]]},
            "sentence": {"index": index, "start": ws, "end": we, "text": text[ws:we]},
            "segments": segments(text, ws, we, marks),
        })  # fmt: skip
    return out


def doc_ref(doc: dict[str, Any]) -> dict[str, Any]:
    """A document without its text."""
    return {k: doc[k] for k in ("doc_key", "doc_id", "lang", "pub_date", "url", "source", "outlet", "origin")}


def event_view(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event: its PLOVER JSON, quad class, document and each evidence span in its sentence, marked."""
    found = queries.event_plover(store, event_id)
    if found is None:
        return None
    doc_key, plover = found
    doc = queries.document(store, doc_key)
    if doc is None:
        return None
    spans = plover.get("evidence") or [plover.get("text_info")]
    q = quad.of_event(plover.get("event"))
    return {
        "event": plover,
        "quad": q.name if q else None,
        "document": doc_ref(doc),
        "mentions": mentions(store, doc, plover, [s for s in spans if s and isinstance(s.get("start"), int)]),
    }


def daily(store: Store, f: queries.EventFilter, by: str) -> dict[str, Any]:
    """Events per day, keyed by event type or quad class; undated events counted apart."""
    days: dict[Any, Counter[str]] = defaultdict(Counter)
    undated: Counter[str] = Counter()
    for day, event, n in queries.daily_counts(store, f):
        key = event if by == "event" else (q.name if (q := quad.of_event(event)) else "unknown")
        (days[day] if day is not None else undated)[key] += n
    keys = sorted({k for c in [*days.values(), undated] for k in c})
    return {
        "by": by,
        "keys": keys,
        "days": [{"day": d, "counts": dict(c), "total": sum(c.values())} for d, c in sorted(days.items())],
        "undated": dict(undated),
    }


def _nodes_of(codes: list[str], names: list[str | None], by: str) -> list[tuple[str, str, str]]:
    """(id, label, code) of each participant of one side, once each."""
    out = []
    for code, name in zip(codes or [], names or [], strict=False):
        ident = code if by == "country" else f"{code}:{name or code}"
        out.append((ident, code if by == "country" else (name or code), code))
    return list(dict.fromkeys(out))


def _pairs(actors: list[tuple[str, str, str]], recips: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """Edges of one event: actor x recipient, or between co-actors when there is no recipient."""
    ids_a = [a[0] for a in actors]
    ids_r = [r[0] for r in recips]
    raw = [(a, r) for a in ids_a for r in ids_r] if ids_r else list(combinations(ids_a, 2))
    return [(min(a, b), max(a, b)) for a, b in raw if a != b]


def network(store: Store, f: queries.EventFilter, by: str, max_nodes: int) -> dict[str, Any]:
    """Participants as nodes and events between them as weighted edges (cooperation vs conflict)."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for event, acodes, anames, rcodes, rnames, n in queries.participant_groups(store, f):
        q = quad.of_event(event)
        polarity = q.polarity if q else "unknown"
        actors, recips = _nodes_of(acodes, anames, by), _nodes_of(rcodes, rnames, by)
        for ident, label, code in actors + recips:
            node = nodes.setdefault(ident, {"id": ident, "label": label, "code": code, "events": 0})
            node["events"] += n
        for pair in _pairs(actors, recips):
            edges[pair][polarity] += n
    keep = {k for k, _ in Counter({k: v["events"] for k, v in nodes.items()}).most_common(max_nodes)}
    return {
        "by": by,
        "nodes": [nodes[k] for k in sorted(keep, key=lambda k: (-nodes[k]["events"], k))],
        "edges": [
            {
                "source": a,
                "target": b,
                "weight": sum(c.values()),
                "cooperation": c["cooperation"],
                "conflict": c["conflict"],
            }
            for (a, b), c in sorted(edges.items())
            if a in keep and b in keep
        ],
    }
