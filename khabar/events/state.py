"""The state of coding one document: folded text, cue scan, mentions, and each trigger's clause."""

from __future__ import annotations

from dataclasses import dataclass, field

from khabar.events.scan import FMention, Group, Scan, clause, words_between
from khabar.events.triggers import TriggerMatch
from khabar.model import Analysis, Mention
from khabar.text.normalize import Folded

OBJ_REACH = 4  # words from a group marked by a postposition to its verb


@dataclass(slots=True)
class Doc:
    """What coding one document needs: folded text, cue scan, mentions, sentences."""

    analysis: Analysis
    folded: Folded
    sc: Scan
    mentions: list[FMention]
    require_actors: bool
    blank: list[tuple[int, int]]
    main: dict[int, list[Mention]]
    parties: dict[int, frozenset[str]]
    restated: set[int]
    deferred: dict[int, str | None] = field(default_factory=dict)  # meetings told in the future: id -> mode
    triggers: list[TriggerMatch] = field(default_factory=list)  # every trigger of the document, in order
    every: list[Mention] = field(default_factory=list)  # every mention of the document, raw offsets
    mention_starts: list[int] = field(default_factory=list)  # folded starts of ``mentions`` (sorted)


@dataclass(slots=True)
class Clause:
    """A trigger's clause in folded coordinates, its groups, and its sayer's position if reported."""

    left: int
    right: int
    say: int | None
    groups: list[Group]


def make_clause(doc: Doc, groups: list[Group], bars: list[tuple[int, int | None]], sent: tuple[int, int],
                tm: TriggerMatch) -> Clause:
    """The clause around a trigger and the groups inside it (none overlapping the trigger)."""
    left, right, say = clause(bars, sent[0], sent[1], tm.start, tm.end)
    inside = [g for g in groups if g.start >= left and g.end <= right and (g.end <= tm.start or g.start >= tm.end)]
    return Clause(left, right, say, [own_object(doc, g, tm) for g in inside])


def own_object(doc: Doc, g: Group, tm: TriggerMatch) -> Group:
    """A postposition object (Persian "ra") is this trigger's only when the trigger follows it closely."""
    if g.role != "obj" or (g.end <= tm.start and words_between(doc.sc.text, g.end, tm.start) <= OBJ_REACH):
        return g
    return Group(g.members, "skip")


