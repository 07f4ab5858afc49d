"""Within-story deduplication: same type, participants and date is one event (GUIDELINES).

Participants are compared by actor code (orderless for symmetric types, actor and
recipient apart otherwise), with ``aux`` kept apart. An undated statement joins the
one dated event of its key when there is exactly one; events with two different
dates stay apart. Every merged sentence is kept in ``Event.more_evidence``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from khabar.events.arguments import SYMMETRIC
from khabar.model import Event

Key = tuple[int, str, str | None, frozenset[str], frozenset[str]]


def key_of(ev: Event) -> Key:
    """Story, type, aux and participant codes (one set for symmetric types)."""
    actors = frozenset(m.actor.code for m in ev.actor)
    recipients = frozenset(m.actor.code for m in ev.recipient)
    if ev.event in SYMMETRIC:
        return (ev.story, ev.event, ev.aux, actors | recipients, frozenset())
    return (ev.story, ev.event, ev.aux, actors, recipients)


DayOf = Callable[[Event], "date | str | None"]


def event_day(ev: Event) -> date | str | None:
    """The event's own date or time expression, if one is set."""
    if ev.date is not None:
        return ev.date
    if ev.date_expr is not None:
        return ev.date_expr.value or ev.date_expr.text
    return None


def merge(into: Event, ev: Event) -> None:
    """Fold a repeated statement into the kept event (evidence, mode, context, participants)."""
    into.more_evidence.append(ev.evidence)
    into.more_evidence.extend(ev.more_evidence)
    if into.mode is None and ev.mode is not None:
        into.mode = ev.mode
    into.context = sorted(set(into.context) | set(ev.context))
    into.confidence = max(into.confidence, ev.confidence)
    if into.date is None and ev.date is not None:
        into.date = ev.date
    if into.date_expr is None and ev.date_expr is not None:
        into.date_expr = ev.date_expr


def dedupe(events: list[Event], day_of: DayOf = event_day) -> list[Event]:
    """Merge events of one story with the same type, participants, aux and date; order kept."""
    kept: list[Event] = []
    days: list[date | str | None] = []
    by_key: dict[Key, list[int]] = {}
    for ev in events:
        key, day = key_of(ev), day_of(ev)
        slots = by_key.setdefault(key, [])
        same = [i for i in slots if days[i] == day]
        if not same and day is None:
            dated = [i for i in slots if days[i] is not None]
            same = dated if len(dated) == 1 else []
        if not same and day is not None:
            undated = [i for i in slots if days[i] is None]
            if undated and len({days[i] for i in slots if days[i] is not None}) == 0:
                same = undated[:1]
                days[same[0]] = day
        if same:
            merge(kept[same[0]], ev)
            continue
        slots.append(len(kept))
        kept.append(ev)
        days.append(day)
    return kept
