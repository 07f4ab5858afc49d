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
from khabar.model import Event, Mention

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
    into.background = into.background and ev.background


Flag = Callable[[Event], bool]
Parties = Callable[[Event], "frozenset[str] | None"]


def _never(ev: Event) -> bool:
    """Default lead test: no event is in a lead."""
    return False


def _no_parties(ev: Event) -> frozenset[str] | None:
    """Default: no event is a mediation."""
    return None


def codes(ms: list[Mention]) -> frozenset[str]:
    """The actor codes of mentions."""
    return frozenset(m.actor.code for m in ms)


def compatible(a: date | str | None, b: date | str | None) -> bool:
    """Two days that may be one: equal, or one unknown."""
    return a == b or a is None or b is None


def underspecified(ev: Event, other: Event) -> bool:
    """``ev`` restates ``other`` without its recipient: same type, aux and actors, no recipient."""
    return (
        ev.event not in SYMMETRIC and ev.story == other.story and ev.event == other.event and ev.aux == other.aux
        and not ev.recipient and codes(ev.actor) == codes(other.actor)
    )


class _Merger:
    """The events kept so far, with their days, and the rules that fold a new one in."""

    def __init__(self, day_of: DayOf, lead: Flag) -> None:
        self.kept: list[Event] = []
        self.days: list[date | str | None] = []
        self.day_of, self.lead = day_of, lead

    def target(self, ev: Event, day: date | str | None) -> int | None:
        """The kept event this one restates, if any."""
        key = key_of(ev)
        same = [i for i, k in enumerate(self.kept) if key_of(k) == key]
        for i in same:
            if self.days[i] == day:
                return i
        if day is None:
            dated = [i for i in same if self.days[i] is not None]
            if len(dated) == 1 and self.lead(ev):
                return dated[0]
        else:
            undated = [i for i in same if self.days[i] is None and self.lead(self.kept[i])]
            if undated and all(self.days[i] is None for i in same):
                return undated[0]
        for i, k in enumerate(self.kept):
            if compatible(self.days[i], day) and (underspecified(ev, k) or underspecified(k, ev)):
                return i
        return None

    def add(self, ev: Event) -> None:
        """Keep a new event or fold it into the one it restates (the dated or fuller one leads)."""
        day = self.day_of(ev)
        i = self.target(ev, day)
        if i is None:
            self.kept.append(ev)
            self.days.append(day)
            return
        old = self.kept[i]
        if (self.days[i] is None and day is not None) or (underspecified(old, ev)):
            self.kept[i], self.days[i] = ev, day if day is not None else self.days[i]
            merge(ev, old)
        else:
            merge(old, ev)


def dedupe(events: list[Event], day_of: DayOf = event_day, lead: Flag = _never,
           parties: Parties = _no_parties) -> list[Event]:
    """Merge events of one story that state the same event (type, participants, aux, date).

    An undated statement joins a dated one only when one of them is in the story's lead
    (headline, first sentences); a statement without recipient joins the same actor's fuller
    one; talks among exactly the parties of a mediation/hosting join it. Order is kept.
    """
    m = _Merger(day_of, lead)
    for ev in events:
        m.add(ev)
    out = m.kept
    for host in [e for e in out if parties(e)]:
        for ev in [e for e in out if e is not host and e.story == host.story and e.event == host.event]:
            if codes(ev.actor + ev.recipient) == parties(host) and compatible(day_of(ev), day_of(host)):
                merge(host, ev)
                out = [e for e in out if e is not ev]
    return sorted(out, key=lambda e: e.evidence.start)
