"""The event coder: triggers -> clauses -> arguments, aux, mode, contexts -> deduplicated events."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from khabar.events.arguments import (
    PUNCT,
    SYMMETRIC,
    Slots,
    assign_roles,
    build_groups,
    dedupe_slots,
    frame_slots,
    pick_object,
    pick_subject,
)
from khabar.events.contexts import contexts_of
from khabar.events.cues import Cue, load_cues
from khabar.events.dedupe import dedupe
from khabar.events.modality import aux_of
from khabar.events.scan import (
    Barriers,
    FMention,
    Group,
    Scan,
    barriers,
    clause,
    fold_mentions,
    scan,
    words_between,
)
from khabar.events.triggers import TriggerMatch, match_triggers
from khabar.model import Analysis, DateExpr, Event, Mention, Sentence, Span
from khabar.text.lexicon import Hit
from khabar.text.normalize import Folded

# A trigger right after one of these types is what is offered, asked, refused or discussed,
# not an event of its own ("ready to negotiate", "called for a ceasefire", "discussed the truce").
MATERIAL = frozenset({"RETREAT", "AID", "COOPERATE", "SANCTION", "ASSAULT", "COERCE", "MOBILIZE", "CONCEDE"})
GOVERNS: dict[str, frozenset[str] | None] = {
    "AGREE": None, "REQUEST": None, "REJECT": None, "THREATEN": None, "CONSULT": MATERIAL,
}
WIDE_GOVERNORS = frozenset({"REQUEST", "REJECT"})
DEFAULT_FRAMES = {"REQUEST": "request"}
LEAD = 3  # sentences of a story that form its headline and lede
ABSORB_REACH = 2  # words between two same-type triggers that state one event
OBJ_REACH = 4  # words from a group marked by a postposition to its verb
HABITUAL_REACH = 12  # words between a habitual cue ("repeatedly") and the trigger
NEEDS_TWO = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Types whose action is done to someone: with no coded target there is no event (praise of a team, a demand
# on nobody in particular).
NEEDS_TARGET = frozenset({"SUPPORT", "ACCUSE", "REQUEST", "REJECT", "AID"})
MEET_OBJECT = "CONSULT"  # a request/refusal whose object is a meeting has mode "meet"
FUTURE_CONSULT_AS = "AGREE"  # GUIDELINES: a meeting announced for a later day is AGREE aux future


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


@dataclass(slots=True)
class Clause:
    """A trigger's clause in folded coordinates, its groups, and its sayer's position if reported."""

    left: int
    right: int
    say: int | None
    groups: list[Group]


def governed(doc: Doc, triggers: list[TriggerMatch], bars: Barriers) -> dict[int, TriggerMatch]:
    """Triggers that are the object of an offer/request/refusal/threat: index -> their governor.

    A request or refusal governs the rest of its clause ("the necessity of stopping X and of
    lifting the ban on talks"); other governors the next few words.
    """
    text, reach = doc.sc.text, doc.sc.cues.readiness_window
    out: dict[int, TriggerMatch] = {}
    for i, t in enumerate(triggers):
        for g in triggers:
            scope = GOVERNS.get(g.entry.event, frozenset())
            if g is t or g.entry.event == t.entry.event or (scope is not None and t.entry.event not in scope):
                continue
            near = words_between(text, g.end, t.start) <= reach
            clause_wide = g.entry.event in WIDE_GOVERNORS and not any(g.end < p <= t.start for p, _ in bars)
            after = g.end <= t.start and (near or clause_wide)
            before = doc.sc.cues.order == "SOV" and t.end <= g.start and words_between(text, t.end, g.start) <= 1
            if after or before:
                out[i] = g
                break
    return out


def ready(doc: Doc, tm: TriggerMatch, cl: Clause, triggers: list[TriggerMatch]) -> bool:
    """A readiness word is an offer only when a meeting/cooperation word follows it closely."""
    text, reach = doc.sc.text, doc.sc.cues.readiness_window
    objects = [h.start for h in doc.sc.kind("ready")] + [t.start for t in triggers if t is not tm]
    return any(tm.end <= s < cl.right and words_between(text, tm.end, s) <= reach for s in objects)


def no_event(doc: Doc, tm: TriggerMatch, cl: Clause) -> bool:
    """A cue of repeated conduct ("repeatedly praised") or of an alternative not taken ("instead of
    ceding") near the trigger in its clause: no single occurrence is stated."""
    text = doc.sc.text
    if any(cl.left <= h.start and h.end <= tm.start for h in doc.sc.kind("habitual")):
        return True
    before = doc.sc.kind("counterfactual") + doc.sc.kind("purpose")
    if any(cl.left <= h.start and h.end <= tm.start and words_between(text, h.end, tm.start) <= HABITUAL_REACH
           for h in before):
        return True
    return any(tm.end <= h.start < cl.right and words_between(text, tm.end, h.start) <= 2
               for h in doc.sc.kind("habitual"))


def announced(doc: Doc, tm: TriggerMatch, cl: Clause) -> bool:
    """A ceasefire is an event when announced or ordered near it ("أعلن ... وقف إطلاق النار"), not when named."""
    text, reach = doc.sc.text, doc.sc.cues.readiness_window
    return any(
        (cl.left <= h.start and h.end <= tm.word_start and words_between(text, h.end, tm.word_start) <= reach)
        or (tm.end <= h.start < cl.right and words_between(text, tm.end, h.start) <= reach)
        for h in doc.sc.kind("announce"))


def anaphoric(doc: Doc, tm: TriggerMatch) -> bool:
    """A demonstrative right before the trigger ("this meeting"): a reference to an event already told."""
    return any(h.end <= tm.word_start and not doc.sc.text[h.end:tm.word_start].strip()
               for h in doc.sc.kind("anaphora") if h.end <= tm.word_start)


def object_mode(doc: Doc, tm: TriggerMatch, cl: Clause) -> str | None:
    """The mode a request or refusal takes from what it asks or refuses (surrender: yield; talks: meet)."""
    if tm.entry.event not in ("REQUEST", "REJECT") or tm.entry.mode:
        return None
    text, reach = doc.sc.text, doc.sc.cues.readiness_window
    for h in doc.sc.kind("mode"):
        if tm.end <= h.start < cl.right and words_between(text, tm.end, h.start) <= reach:
            return h.payload[1]
    return None


def absorbed(doc: Doc, triggers: list[TriggerMatch]) -> dict[int, TriggerMatch]:
    """Triggers of the same type right after another ("hosted talks", "held a call"): one event."""
    out: dict[int, TriggerMatch] = {}
    for i in range(1, len(triggers)):
        a, b = triggers[i - 1], triggers[i]
        if a.entry.event == b.entry.event and words_between(doc.sc.text, a.end, b.start) <= ABSORB_REACH:
            out[i] = out.get(i - 1, a)
    return out


def both_sides(doc: Doc, cl: Clause, story: int, subject: Group | None, groups: list[Group],
               trigger: TriggerMatch) -> list[Mention] | None:
    """When the subject is "both sides": the two sides named in the sentence, else the participants
    of the story's main (first symmetric) event."""
    for h in doc.sc.kind("both"):
        if not cl.left <= h.start < cl.right:
            continue
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


def split_calls(tm: TriggerMatch, slots: Slots) -> list[Slots]:
    """Phone calls are bilateral: one caller "with X and Y" states one call with each."""
    codes = {m.actor.code for m in slots.recipient}
    if tm.entry.mode != "phone" or len(slots.actor) != 1 or len(codes) < 2:
        return [slots]
    return [Slots(slots.actor, [m for m in slots.recipient if m.actor.code == c], slots.fallback)
            for c in dict.fromkeys(m.actor.code for m in slots.recipient)]


def make_clause(doc: Doc, groups: list[Group], bars: list[tuple[int, int | None]], sent: tuple[int, int],
                tm: TriggerMatch) -> Clause:
    """The clause around a trigger and the groups inside it (none overlapping the trigger)."""
    left, right, say = clause(bars, sent[0], sent[1], tm.start, tm.end)
    inside = [g for g in groups if g.start >= left and g.end <= right and (g.end <= tm.start or g.start >= tm.end)]
    return Clause(left, right, say, [own_object(doc, g, tm) for g in inside])


def own_object(doc: Doc, g: Group, tm: TriggerMatch) -> Group:
    """A postposition object (را) is this trigger's only when the trigger follows it closely."""
    if g.role != "obj" or (g.end <= tm.start and words_between(doc.sc.text, g.end, tm.start) <= OBJ_REACH):
        return g
    return Group(g.members, "skip")


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
            return after[0]
        verbs = [(t.start, t.end) for t in triggers] + [(h.start, h.end) for h in doc.sc.kind("say")]
        if before and not any(before[-1].end <= s and e <= tm.start for s, e in verbs):
            return before[-1]
        return None
    return pick_subject(doc.sc, cl.groups, tm.start, tm.end)


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


def evidence(doc: Doc, tm: TriggerMatch, slots: Slots, cl: Clause) -> Span:
    """Raw span from the first to the last of the trigger and its participants inside the clause."""
    starts, ends = [tm.start], [tm.end]
    ids = {id(m) for m in slots.actor + slots.recipient}
    for g in cl.groups:
        for fm in g.members:
            if id(fm.mention) in ids:
                starts.append(fm.start)
                ends.append(fm.end)
    rs, re_ = doc.folded.raw_span(min(starts), max(ends))
    return Span(rs, re_)


def confidence(tm: TriggerMatch, slots: Slots) -> float:
    """A rough belief: both sides found, multi-word trigger, no fallback subject."""
    c = 0.5
    if slots.actor and (slots.recipient or len(slots.actor) > 1):
        c += 0.2
    if " " in tm.entry.phrase.strip():
        c += 0.1
    if slots.fallback:
        c -= 0.2
    return round(min(max(c, 0.05), 0.95), 2)


def enough(event: str, slots: Slots, require_actors: bool) -> bool:
    """Whether the arguments found make an event (two participants for a meeting, an actor otherwise)."""
    if not require_actors:
        return True
    if event in NEEDS_TWO:
        return len(slots.actor) + len(slots.recipient) >= 2
    if event in NEEDS_TARGET:
        return bool(slots.actor) and bool(slots.recipient)
    return bool(slots.actor)


def build_event(doc: Doc, sentence: Sentence, tm: TriggerMatch, slots: Slots, cl: Clause,
                governor_mode: str | None) -> Event:
    """An Event from a trigger, its slots and its clause."""
    entry = tm.entry
    aux = aux_of(doc.sc, tm, cl.left, cl.right)
    event, mode = entry.event, entry.mode or governor_mode
    if aux == "future" and event == MEET_OBJECT:
        event, mode = FUTURE_CONSULT_AS, None
    clause_text = doc.sc.text[cl.left:cl.right]
    return Event(
        doc_id=doc.analysis.doc.id,
        event=event,
        actor=list(slots.actor),
        recipient=list(slots.recipient),
        sentence=sentence.index,
        story=sentence.story,
        trigger=tm.raw,
        evidence=evidence(doc, tm, slots, cl),
        mode=mode,
        aux=aux,
        context=contexts_of(doc.analysis.lang, event, clause_text),
        confidence=confidence(tm, slots),
        rule=entry.rule(doc.analysis.lang),
    )


def code_sentence(doc: Doc, sentence: Sentence, sent: tuple[int, int], triggers: list[TriggerMatch]) -> list[Event]:
    """Events stated by one sentence's triggers (``sent``: its folded span)."""
    groups = build_groups(doc.sc, [fm for fm in doc.mentions if sent[0] <= fm.start and fm.end <= sent[1]])
    bars = barriers(doc.sc, *sent)
    gov = governed(doc, triggers, bars)
    taken = absorbed(doc, triggers)
    out: list[Event] = []
    prev: Slots | None = None
    prev_left = -1
    for i, tm in enumerate(triggers):
        if i in gov or i in taken:
            continue
        cl = make_clause(doc, groups, bars, sent, tm)
        frame = tm.entry.frame or DEFAULT_FRAMES.get(tm.entry.event) or (
            "symmetric" if tm.entry.event in SYMMETRIC else "default")
        if (frame == "readiness" and not ready(doc, tm, cl, triggers)) or (
                frame == "announced" and not announced(doc, tm, cl)) or no_event(doc, tm, cl) or anaphoric(doc, tm):
            continue
        subject = sayer_of(doc, groups, bars, sent, cl) if frame == "speaker" else subject_of(doc, tm, cl, triggers)
        obj = first_after(cl.groups, tm.end) if frame == "speaker" else pick_object(
            cl.groups, subject, tm.end, "VSO" if frame == "svo" else doc.sc.cues.order)
        slots = frame_slots(frame, subject, obj, cl.groups, (tm.start, tm.end), tm.entry.mode == "visit")
        both = both_sides(doc, cl, sentence.story, subject, groups, tm)
        if (subject is None or both) and frame not in ("passive", "receive", "host"):
            same_clause = prev if prev is not None and prev_left == cl.left else None
            if both:  # "both sides" are the participants: a place named in the clause is not a third one
                located = {id(fm.mention) for g in cl.groups if g.role == "in" for fm in g.members}
                slots = Slots(slots.actor, [m for m in slots.recipient if id(m) not in located], slots.fallback)
            slots = fill_subject(doc, groups, bars, sent, cl, slots, prev, both, same_clause)
        slots = dedupe_slots(slots)
        if not enough(tm.entry.event, slots, doc.require_actors):
            continue
        governed_here = [triggers[j] for j, g in gov.items() if g is tm]
        mode = object_mode(doc, tm, cl) or ("meet" if tm.entry.event in ("REQUEST", "REJECT") and any(
            t.entry.event == MEET_OBJECT for t in governed_here) else None)
        mode = mode or next((triggers[j].entry.mode for j, g in taken.items() if g is tm and triggers[j].entry.mode),
                            None)
        for part in split_calls(tm, slots):
            ev = build_event(doc, sentence, tm, part, cl, mode)
            out.append(ev)
            if both:
                doc.restated.add(id(ev))
            if frame == "mediator" and part.recipient:
                doc.parties[id(ev)] = frozenset(m.actor.code for m in part.recipient)
            if ev.event in SYMMETRIC and len({m.actor.code for m in part.actor + part.recipient}) > 1:
                doc.main.setdefault(sentence.story, part.actor + part.recipient)
        prev, prev_left = slots, cl.left
    return out


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


def sentence_days(analysis: Analysis, dates: list[DateExpr]) -> dict[tuple[int, int], date]:
    """The first resolved time expression of each sentence: (story, index) -> its day."""
    out: dict[tuple[int, int], date] = {}
    for d in sorted(dates, key=lambda d: d.start):
        s = analysis.sentence_at(d.start)
        if s is not None and d.value is not None:
            out.setdefault((s.story, s.index), d.value)
    return out


def code_events(
    analysis: Analysis, mentions: list[Mention], dates: list[DateExpr], *, require_actors: bool = True
) -> list[Event]:
    """PLOVER events stated by the document, deduplicated within each story."""
    triggers = match_triggers(analysis)
    if not triggers:
        return []
    folded = analysis.folded()
    by_sentence: dict[tuple[int, int], list[TriggerMatch]] = {}
    for tm in triggers:
        by_sentence.setdefault((tm.story, tm.sentence), []).append(tm)
    sentences = [s for s in analysis.sentences if (s.story, s.index) in by_sentence]
    spans = [(folded.folded_offset(s.start), folded.folded_offset(s.end)) for s in sentences]
    sc = scan(folded.text, load_cues(analysis.lang), spans)
    fms = fold_mentions(folded, within(mentions, sentences))
    assign_roles(sc, fms, [(t.start, t.end) for t in triggers] + [(fm.start, fm.end) for fm in fms])
    blank = [(folded.folded_offset(d.start), folded.folded_offset(d.end)) for d in within(dates, sentences)]
    doc = Doc(analysis, folded, sc, fms, require_actors, blank, {}, {}, set())
    events: list[Event] = []
    for sentence, span in zip(sentences, spans, strict=True):
        events.extend(code_sentence(doc, sentence, span, by_sentence[(sentence.story, sentence.index)]))
    days = sentence_days(analysis, dates)
    lead = lead_sentences(analysis)
    return dedupe(
        events,
        day_of=lambda ev: ev.date or days.get((ev.story, ev.sentence)),
        lead=lambda ev: (ev.story, ev.sentence) in lead or id(ev) in doc.restated,
        parties=lambda ev: doc.parties.get(id(ev)),
    )


Spanned = TypeVar("Spanned", Mention, DateExpr)


def within(items: list[Spanned], sentences: list[Sentence]) -> list[Spanned]:
    """The mentions or time expressions lying inside one of the (sorted) sentences."""
    starts = [s.start for s in sentences]
    out: list[Spanned] = []
    for it in items:
        i = bisect_right(starts, it.start) - 1
        if i >= 0 and it.end <= sentences[i].end:
            out.append(it)
    return out


def lead_sentences(analysis: Analysis) -> set[tuple[int, int]]:
    """The first sentences of each story (headline and lede): they restate the main events."""
    return {(s.story, s.index) for story in analysis.stories for s in story.sentences[:LEAD]}
