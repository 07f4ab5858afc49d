"""Who acts: the subject of a trigger in its clause, the sayer of reported speech, "both sides", fallbacks."""

from __future__ import annotations

from khabar.events.arguments import PUNCT, Slots, pick_subject
from khabar.events.cues import Cue
from khabar.events.scan import Group, clause, words_between
from khabar.events.state import Clause, Doc
from khabar.events.triggers import TriggerMatch
from khabar.model import Mention
from khabar.text.lexicon import Hit


def subject_of(doc: Doc, tm: TriggerMatch, cl: Clause, triggers: list[TriggerMatch]) -> Group | None:
    """The subject group of a trigger in its clause (verb-first: SVO when a subject sits right before)."""
    if doc.sc.cues.order == "VSO" or tm.entry.frame == "svo":
        before = [g for g in cl.groups if g.role is None and g.end <= tm.start]
        after = [g for g in cl.groups if g.role is None and g.start >= tm.end]
        if before and (tm.entry.frame == "svo" or (
                words_outside(doc, before[-1].end, tm.word_start) == 0
                and not any(c in PUNCT for c in doc.sc.text[before[-1].end:tm.word_start]))):
            return before[-1]
        marked = [g for g in cl.groups if g.role not in (None, "skip") and g.start >= tm.end]
        if after and (not marked or after[0].start < marked[0].start):  # a group after "with Y" is a topic
            # the subject follows the verb at once; a group further on is its object, the subject unknown
            return after[0] if words_outside(doc, tm.word_end, after[0].start) == 0 else None
        if before and headed(doc, tm):  # "X ... during a meeting with Y": the clause's subject
            return before[0]
        if before and not any(before[-1].end <= t.start and t.end <= tm.start for t in triggers) and not any(
                h.end <= tm.start for h in doc.sc.within("say", before[-1].end, tm.start)):
            return before[-1]
        return None
    return pick_subject(doc.sc, cl.groups, tm.start, tm.end)


def headed(doc: Doc, tm: TriggerMatch) -> bool:
    """True when a preposition like "during" sits right before the trigger (a meeting noun in a phrase)."""
    return doc.sc.right_before("head", tm.word_start)


def first_after(groups: list[Group], end: int) -> Group | None:
    """The first unmarked group after a position."""
    return next((g for g in groups if g.role is None and g.start >= end), None)


def words_outside(doc: Doc, start: int, end: int) -> int:
    """Words between two positions, not counting time expressions ("on Wednesday")."""
    n = words_between(doc.sc.text, start, end)
    for s, e in doc.blank:
        if start <= s and e <= end:
            n -= words_between(doc.sc.text, s, e)
    return max(n, 0)


def sayer_of(doc: Doc, groups: list[Group], bars: list[tuple[int, int | None]], sent: tuple[int, int],
             cl: Clause) -> Group | None:
    """The subject of the verb of saying that introduces a reported clause."""
    if cl.say is None:
        return None
    left, _, _ = clause(bars, sent[0], sent[1], cl.say, cl.say)
    if doc.sc.cues.order == "VSO":  # "said X that": the sayer sits between the verb and the complementizer
        return first_after([g for g in groups if g.end <= cl.left], cl.say)
    cands = [g for g in groups if left <= g.start and g.end <= cl.left]
    return pick_subject(doc.sc, cands, cl.say, cl.say)


def both_sides(doc: Doc, cl: Clause, story: int, subject: Group | None, groups: list[Group],
               trigger: TriggerMatch) -> list[Mention] | None:
    """When the subject is "both sides": the two sides named in the sentence, else the participants
    of the story's main (first symmetric) event."""
    for h in doc.sc.kind("both"):
        if not cl.left <= h.start < cl.right or any(h.start < g.end and g.start < h.end for g in groups
                                                    if g is not subject):
            continue  # a cue the actor stage already resolved to its sides is an ordinary mention
        if subject is None or (h.start < subject.end and subject.start < h.end) or between(h, subject, trigger):
            return sides_in(groups, h.start) or doc.main.get(story)
    return None


def between(h: Hit[Cue], subject: Group, trigger: TriggerMatch) -> bool:
    """True when a cue lies between the trigger and the subject chosen (it is the nearer subject)."""
    lo, hi = sorted((subject.end, trigger.start)) if subject.end <= trigger.start else (trigger.end, subject.start)
    return lo <= h.start and h.end <= hi


def sides_in(groups: list[Group], start: int) -> list[Mention] | None:
    """One mention per actor code among the participants named before the cue, if two or more."""
    by_code: dict[str, Mention] = {}
    for g in groups:
        if g.role in ("skip", "in") or g.end > start:
            continue
        for fm in g.members:
            by_code.setdefault(fm.mention.actor.code, fm.mention)
    return list(by_code.values()) if len(by_code) >= 2 else None


def fill_subject(doc: Doc, groups: list[Group], bars: list[tuple[int, int | None]], sent: tuple[int, int],
                 cl: Clause, slots: Slots, prev: Slots | None, both: list[Mention] | None,
                 same_clause: Slots | None) -> Slots:
    """No subject in the clause: "both sides", the actor of an earlier event in the same clause, the
    sayer of a reported clause, else the previous event's actor in the sentence."""
    if both:
        return Slots(list(both), slots.recipient, True)
    if same_clause is not None and same_clause.actor:
        return Slots(list(same_clause.actor), slots.recipient, True)
    sayer = sayer_of(doc, groups, bars, sent, cl)
    if sayer is not None:
        return Slots([fm.mention for fm in sayer.members], slots.recipient, True)
    if prev is not None and prev.actor:
        return Slots(list(prev.actor), slots.recipient, True)
    return slots


