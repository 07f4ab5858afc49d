"""Argument assignment: mention roles from markers, groups, subject choice and frames.

A mention's role comes from the nearest argument marker before it (at most
``marker_gap`` words, no other mention between), a marker glued to its word (Arabic
ب ل), or a postposition right after its group (Persian را). Unmarked groups are
subjects or (verb-first languages) objects. A frame maps roles to actor/recipient.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.events.scan import FMention, Group, Scan, is_coordination, word_start, words_between
from khabar.model import Mention

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
APPOSITION_WORDS = 2  # words between two same-code mentions still read as one phrase
ARTICLE = "ال"
CONJUNCTIONS = ("و", "ف")


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
    if len(prefix) > 1 and prefix[0] in CONJUNCTIONS:
        prefix = prefix[1:]
    if prefix.endswith(ARTICLE) and len(prefix) > len(ARTICLE):
        prefix = prefix[: -len(ARTICLE)]
    return sc.cues.glued_markers.get(prefix)


def assign_roles(sc: Scan, fms: list[FMention], blocked: list[tuple[int, int]]) -> None:
    """Give each mention the role of a marker directly before it (or glued to it)."""
    markers = [h for h in sc.kind("marker") if not any(s < h.end and h.start < e for s, e in blocked)]
    mi = 0
    prev_end = 0
    for fm in fms:
        fm.role = glued_role(sc, fm)
        while mi < len(markers) and markers[mi].end <= fm.start:
            mi += 1
        if fm.role is None and mi > 0:
            m = markers[mi - 1]
            if m.end > prev_end and words_between(sc.text, m.end, fm.start) <= sc.cues.marker_gap:
                fm.role = m.payload[1]
        prev_end = fm.end


def same_code(a: FMention, b: FMention) -> bool:
    """True when two mentions code the same actor country/group."""
    return a.mention.actor.code == b.mention.actor.code


def build_groups(sc: Scan, fms: list[FMention]) -> list[Group]:
    """Join coordinated and appositive mentions into groups; set each group's role."""
    groups: list[Group] = []
    coords = sc.cues.coordinators
    for fm in fms:
        if groups:
            last = groups[-1].members[-1]
            joined = fm.role is None or fm.role == last.role
            coordinated = is_coordination(sc.text, last.end, fm.start, coords)
            appositive = (
                fm.role is None
                and same_code(last, fm)
                and words_between(sc.text, last.end, fm.start) <= APPOSITION_WORDS
                and not any(last.end <= h.start and h.end <= fm.start for h in sc.kind("marker"))
            )
            if joined and (coordinated or appositive):
                groups[-1].members.append(fm)
                continue
        groups.append(Group([fm], fm.role))
    for g in groups:
        for post in sc.kind("post"):
            if post.start >= g.end and words_between(sc.text, g.end, post.start) == 0:
                g.role = post.payload[1]
                break
            if post.start > g.end:
                break
    return groups


def pick_subject(groups: list[Group], t_start: int, t_end: int, order: str, nominal: bool) -> Group | None:
    """The subject group: SOV first before the verb (a nominal trigger's genitive after); VSO first after."""
    before = [g for g in groups if g.role is None and g.end <= t_start]
    after = [g for g in groups if g.role is None and g.start >= t_end]
    if order == "SOV":
        if nominal and after:
            return after[0]
        return before[0] if before else (after[0] if after else None)
    return after[0] if after else (before[-1] if before else None)


def pick_object(groups: list[Group], subject: Group | None, t_end: int, order: str) -> Group | None:
    """Verb-first languages: the unmarked group after the subject is the object."""
    if order != "VSO" or subject is None:
        return None
    rest = [g for g in groups if g.role is None and g.start >= max(t_end, subject.end) and g is not subject]
    return rest[0] if rest else None


def mentions(groups: list[Group], *roles: str) -> list[Mention]:
    """Mentions of the groups with one of the roles."""
    return [fm.mention for g in groups if g.role in roles for fm in g.members]


def frame_slots(frame: str, subject: Group | None, obj: Group | None, groups: list[Group]) -> Slots:
    """Map roles to actor and recipient for a frame."""
    subj = [fm.mention for fm in subject.members] if subject else []
    objs = [fm.mention for fm in obj.members] if obj else []
    between = mentions(groups, "between")
    if frame == "mediator":
        return Slots(subj or mentions(groups, "by"), between or mentions(groups, "with") or objs)
    if frame == "host":
        return Slots(objs or mentions(groups, "obj", "with", "to"), subj)
    if frame == "receive":
        return Slots(mentions(groups, "from", "with", "by"), subj)
    if frame == "passive":
        return Slots(mentions(groups, "by"), subj + objs + mentions(groups, "obj"))
    if frame in ("symmetric", "readiness"):
        rec = objs + mentions(groups, "with", "obj", "to")
        if not mentions(groups, "with"):
            rec += between
        return Slots(subj, rec)
    rec = objs + mentions(groups, "obj", "to", "with", "from", "against")
    if frame == "located":
        return Slots(subj, rec or between or mentions(groups, "in"))
    if frame == "request":
        return Slots(subj, rec or between or mentions(groups, "by"))
    return Slots(subj, rec or between)


def identity(m: Mention) -> tuple[str, str]:
    """What makes two mentions the same participant: entity, else name, else code+sector."""
    a = m.actor
    return ("e", a.entity) if a.entity else ("n", a.name) if a.name else ("c", f"{a.code}/{a.sector}")


def unique(ms: list[Mention]) -> list[Mention]:
    """One mention per participant; a nameless one dropped when a named one has its code and sector."""
    out: list[Mention] = []
    seen: set[tuple[str, str]] = set()
    for m in ms:
        key = identity(m)
        if key not in seen:
            seen.add(key)
            out.append(m)
    named = {(m.actor.code, m.actor.sector) for m in out if identity(m)[0] != "c"}
    return [m for m in out if identity(m)[0] != "c" or (m.actor.code, m.actor.sector) not in named]


def dedupe_slots(slots: Slots) -> Slots:
    """One participant per entity; a participant is never both actor and recipient."""
    actor = unique(slots.actor)
    ids = {identity(m) for m in actor}
    codes = {(m.actor.code, m.actor.sector) for m in actor}
    recipient = [
        m for m in unique(slots.recipient)
        if identity(m) not in ids and not (identity(m)[0] == "c" and (m.actor.code, m.actor.sector) in codes)
    ]
    return Slots(actor, recipient, slots.fallback)
