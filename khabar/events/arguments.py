"""Argument assignment: mention roles from markers, groups, subject choice and frames.

A mention's role comes from the nearest argument marker before it (at most
``marker_gap`` words, no other mention between), a marker glued to its word (Arabic
bi-, li-), or a postposition right after its group (Persian "ra"). Unmarked groups are
subjects or (verb-first languages) objects. A frame maps roles to actor/recipient.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from khabar.events.scan import (
    ARABIC_COMMA,
    ARABIC_QUESTION_MARK,
    ARABIC_SEMICOLON,
    FMention,
    Group,
    Scan,
    coordination,
    word_start,
    words_between,
)
from khabar.model import Mention

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
GENERIC_KINDS = frozenset({"country", "place", "coref"})
PUNCT = frozenset(".,:;!?()" + ARABIC_COMMA + ARABIC_SEMICOLON + ARABIC_QUESTION_MARK)
INF = 1 << 62


@dataclass(slots=True)
class Slots:
    """The mentions filling the actor and recipient of one event."""

    actor: list[Mention]
    recipient: list[Mention]
    fallback: bool = False


def glued_role(sc: Scan, fm: FMention) -> str | None:
    """Role from a marker glued to the mention's word (after a conjunction, before the article)."""
    ws = word_start(sc.text, fm.start)
    prefix = sc.text[ws:fm.start]
    if len(prefix) > 1 and prefix[0] in sc.cues.conjunctions:
        prefix = prefix[1:]
    if prefix in sc.cues.articles[1:]:  # a contracted article form ("lil-"): its first letter is the marker
        prefix = prefix[:1]
    for article in sc.cues.articles:
        if prefix.endswith(article) and len(prefix) > len(article):
            prefix = prefix[: -len(article)]
            break
    return sc.cues.glued_markers.get(prefix)


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``[start, end)`` overlaps one of the sorted, disjoint ``spans``."""
    i = bisect_right(spans, (start, INF)) - 1
    return any(0 <= j < len(spans) and spans[j][0] < end and start < spans[j][1] for j in (i, i + 1))


def assign_roles(sc: Scan, fms: list[FMention], triggers: list[tuple[int, int]]) -> None:
    """Give each mention the role of a marker shortly before it in the same phrase (or glued to it)."""
    taken = sorted([(fm.start, fm.end) for fm in fms] + triggers)
    ends = {e for _, e in triggers}  # a phrase ending in a marker ("didar az", visit of) marks what follows
    markers = [h for h in sc.kind("marker") if h.end in ends or not overlaps(taken, h.start, h.end)]
    starts = [t[0] for t in sorted(triggers)]
    mi = 0
    prev_end = 0
    for fm in fms:
        fm.role = glued_role(sc, fm)
        while mi < len(markers) and markers[mi].end <= fm.start:
            mi += 1
        if fm.role is None and mi > 0:
            m = markers[mi - 1]
            gap = sc.text[m.end:fm.start]
            if (
                m.end > prev_end
                and not any(c in PUNCT for c in gap)
                and bisect_left(starts, m.end) == bisect_left(starts, fm.start)
                and words_between(sc.text, m.end, fm.start) <= sc.cues.marker_gap
            ):
                fm.role = "to" if m.payload[1] == "on" and m.end in ends else m.payload[1]
        prev_end = fm.end


def same_code(a: FMention, b: FMention) -> bool:
    """True when two mentions code the same actor country/group."""
    return a.mention.actor.code == b.mention.actor.code


def joins(sc: Scan, a: FMention, b: FMention, after: FMention | None) -> bool:
    """Whether mention ``b`` continues the group ending with ``a`` (coordination or apposition)."""
    if b.role is not None and b.role != a.role:
        return False
    if b.start < a.end:  # one span standing for several states ("P5+1"): one group
        return True
    coords = sc.cues.coordinators
    how = coordination(sc.text, a.end, b.start, coords)
    if how == "word":
        return True
    if same_code(a, b):  # apposition: "the Russian president, Vladimir Putin"
        return how == "punct"
    # "X, Y and Z": a comma joins different actors only inside a list closed by a coordinator
    return how == "punct" and "," in sc.text[a.end:b.start].replace(ARABIC_COMMA, ",") and after is not None and (
        coordination(sc.text, b.end, after.start, coords) == "word")


def build_groups(sc: Scan, fms: list[FMention]) -> list[Group]:
    """Join coordinated and appositive mentions into groups; set each group's role."""
    groups: list[Group] = []
    for i, fm in enumerate(fms):
        after = fms[i + 1] if i + 1 < len(fms) else None
        if groups and joins(sc, groups[-1].members[-1], fm, after):
            groups[-1].members.append(fm)
            continue
        groups.append(Group([fm], fm.role))
    for g in groups:
        if g.role is not None:
            continue
        for post in sc.kind("post"):
            if post.start >= g.end and words_between(sc.text, g.end, post.start) == 0:
                g.role = post.payload[1]
                break
            if post.start > g.end:
                break
    return groups


def pick_subject(sc: Scan, groups: list[Group], t_start: int, t_end: int) -> Group | None:
    """The subject group: SOV an adjacent genitive after the trigger, else the first group before it;
    VSO the first after it, else the nearest before it."""
    before = [g for g in groups if g.role is None and g.end <= t_start]
    after = [g for g in groups if g.role is None and g.start >= t_end]
    if sc.cues.order == "SOV":
        if after and adjacent(sc, t_end, after[0].start):
            return after[0]
        return before[0] if before else None
    return after[0] if after else (before[-1] if before else None)


def adjacent(sc: Scan, end: int, start: int) -> bool:
    """True when nothing but spaces lies between two positions (an ezafe genitive)."""
    return not sc.text[end:start].strip()


def pick_object(groups: list[Group], subject: Group | None, t_end: int, order: str) -> Group | None:
    """Verb-first languages: the unmarked group after the subject is the object, unless a participant marked
    otherwise comes first ("asked from X to stop ... the American presidency": X, not the presidency)."""
    if order != "VSO" or subject is None:
        return None
    for g in groups:
        if g is subject or g.start < max(t_end, subject.end) or g.role in PASSING_ROLES:
            continue
        return g if g.role is None else None
    return None


PASSING_ROLES = ("in", "skip")  # a place or an aside may sit between a verb and its object


def members(groups: list[Group], *roles: str) -> list[Mention]:
    """Mentions of the groups with one of the roles."""
    return [fm.mention for g in groups if g.role in roles for fm in g.members]


def nearest(groups: list[Group], roles: tuple[str, ...], t_start: int, t_end: int) -> list[Mention]:
    """Mentions of the group with one of the roles closest to the trigger."""
    cands = [g for g in groups if g.role in roles]
    if not cands:
        return []
    best = min(cands, key=lambda g: t_start - g.end if g.end <= t_start else g.start - t_end)
    return [fm.mention for fm in best.members]


RECIPIENT_ROLES = ("obj", "to", "with", "from", "against")


def frame_slots(frame: str, subject: Group | None, obj: Group | None, groups: list[Group],
                trigger: tuple[int, int], to_ok: bool = False, on_ok: bool = False) -> Slots:
    """Map roles to actor and recipient for a frame (``to_ok``: a "to" group takes part: a visit's host,
    an agreement's beneficiary; ``on_ok``: an "on" group is the target: of an attack, a sanction)."""
    subj = [fm.mention for fm in subject.members] if subject else []
    objs = [fm.mention for fm in obj.members] if obj else []
    between = members(groups, "between")
    if frame == "mediator":
        return Slots(subj or members(groups, "by"), between or members(groups, "with") or objs)
    if frame == "host":
        return Slots(objs or members(groups, "obj", "with", "to"), subj)
    if frame == "receive":
        return Slots(members(groups, "from", "with", "by"), subj)
    if frame == "pronoun_object":  # "... with Qatar, accusing it of": the pronoun stands for the group just before
        before = [g for g in groups if g.end <= trigger[0] and g is not subject and g.role not in PASSING_ROLES]
        return Slots(subj, [fm.mention for fm in before[-1].members] if before else [])
    if frame == "passive":
        return Slots(members(groups, "by"), subj + objs + members(groups, "obj"))
    if frame in ("symmetric", "readiness"):
        with_ = members(groups, "with")
        # the direct object takes part when the frame allows it, or when it names a person or a body
        # ("met the Iranian foreign minister"), not a country or place that is the topic ("discussed Syria")
        partner = objs if to_ok or any(not generic(m) for m in objs) else []
        rec = with_ + members(groups, "obj") + partner + (members(groups, "to") if to_ok else [])
        rec = rec if with_ else rec + between
        own = {m.actor.code for m in subj}
        if frame == "readiness" and all(m.actor.code in own for m in rec):
            rec = rec + members(groups, "in")  # "ready to negotiate ... in Ukraine": the conflict's other side
        return Slots(subj, rec)
    rec = objs or nearest(groups, RECIPIENT_ROLES + (("on",) if on_ok else ()), *trigger)
    if frame in ("located", "announced"):
        return Slots(subj, rec or between or members(groups, "in"))
    if frame == "request":
        return Slots(subj, rec or between or members(groups, "by"))
    if not subj and not rec and len({m.actor.code for m in between}) > 1:
        return Slots(between, [])  # "a memorandum between X and Y was signed": X and Y act together
    return Slots(subj, rec or between)


def identity(m: Mention) -> tuple[str, str]:
    """What makes two mentions the same participant: entity, else name, else code+sector."""
    a = m.actor
    return ("e", a.entity) if a.entity else ("n", a.name) if a.name else ("c", f"{a.code}/{a.sector}")


def generic(m: Mention) -> bool:
    """A mention that names a state or body only generically (a country, a capital, "the other side")."""
    return m.actor.name is None or m.kind in GENERIC_KINDS


def unique(ms: list[Mention], others: Sequence[Mention] = ()) -> list[Mention]:
    """One mention per participant; a generic one dropped when another has its code and sector."""
    out: list[Mention] = []
    seen = {identity(m) for m in others}
    for m in ms:
        key = identity(m)
        if key not in seen:
            seen.add(key)
            out.append(m)
    kept: list[Mention] = []
    for m in out:
        cs = (m.actor.code, m.actor.sector)
        if generic(m) and (
            any((o.actor.code, o.actor.sector) == cs for o in [*others, *kept])
            or any(o is not m and not generic(o) and (o.actor.code, o.actor.sector) == cs for o in out)
        ):
            continue
        kept.append(m)
    return kept


def dedupe_slots(slots: Slots) -> Slots:
    """One participant per entity; a participant is never both actor and recipient."""
    actor = unique(slots.actor)
    sides = {(m.actor.code, m.actor.sector) for m in actor}
    codes = {m.actor.code for m in actor}
    recipient = [m for m in unique(slots.recipient, actor)
                 if (m.actor.code, m.actor.sector) not in sides and not (generic(m) and m.actor.code in codes)]
    return Slots(actor, recipient, slots.fallback)
