"""The event coder: triggers -> clauses -> arguments, aux, mode, contexts -> deduplicated events.

For each sentence holding triggers: drop triggers that are governed (the object of an offer,
request, refusal), absorbed (a second word for the same event), references ("this meeting"),
habitual or purposive; find each trigger's clause (bounded by clause breaks and reported
speech), its subject and the marked groups, map them to actor/recipient by the trigger's frame,
fall back to "both sides", the sayer or a shared subject, read the aux and mode, and emit.
Repeated statements are merged within each story by ``dedupe``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
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
)
from khabar.events.contexts import contexts_of
from khabar.events.cues import load_cues
from khabar.events.dedupe import dedupe
from khabar.events.filters import (
    absorbed,
    anaphoric,
    announced,
    governed,
    no_event,
    object_mode,
    opinion_shared,
    ready,
    received,
)
from khabar.events.modality import aux_of
from khabar.events.scan import Barriers, Group, barriers, fold_mentions, scan, words_between
from khabar.events.state import Clause, Doc, make_clause
from khabar.events.subjects import both_sides, fill_subject, first_after, sayer_of, subject_of, words_outside
from khabar.events.triggers import TriggerMatch, match_triggers
from khabar.model import Analysis, DateExpr, Event, Mention, Sentence, Span

DEFAULT_FRAMES = {"REQUEST": "request"}
# Types whose target an "on" preposition marks (attacked on, sanctions on); for the others it marks a thing.
ON_TARGET = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "PROTEST"})
LEAD = 3  # sentences of a story that form its headline and lede
NEEDS_TWO = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Types whose action is done to someone: with no coded target there is no event (praise of a team, a demand
# on nobody in particular).
NEEDS_TARGET = frozenset({"SUPPORT", "ACCUSE", "REQUEST", "REJECT", "AID"})
MEET_OBJECT = "CONSULT"  # a request/refusal whose object is a meeting has mode "meet"
FUTURE_CONSULT_AS = "AGREE"  # GUIDELINES: a meeting announced for a later day is AGREE aux future


def split_calls(tm: TriggerMatch, slots: Slots) -> list[Slots]:
    """Phone calls are bilateral: one caller "with X and Y" states one call with each."""
    codes = {m.actor.code for m in slots.recipient}
    if tm.entry.mode != "phone" or len(slots.actor) != 1 or len(codes) < 2:
        return [slots]
    return [Slots(slots.actor, [m for m in slots.recipient if m.actor.code == c], slots.fallback)
            for c in dict.fromkeys(m.actor.code for m in slots.recipient)]


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


MEDIA_SECTOR = "JRN"  # talks "with a reporter/agency" are an interview, not a consultation


def without_press(event: str, slots: Slots) -> Slots:
    """Meetings and agreements are between actors, not with the press that interviews them."""
    if event not in NEEDS_TWO:
        return slots
    return Slots([m for m in slots.actor if m.actor.sector != MEDIA_SECTOR],
                 [m for m in slots.recipient if m.actor.sector != MEDIA_SECTOR], slots.fallback)


def enough(event: str, slots: Slots, require_actors: bool) -> bool:
    """Whether the arguments found make an event (two participants for a meeting, an actor otherwise)."""
    if not require_actors:
        return True
    if event in NEEDS_TWO:  # talks "between X and Y" may lack a subject; an agreement needs its party
        return len(slots.actor) + len(slots.recipient) >= 2 and (event == "CONSULT" or bool(slots.actor))
    if event in NEEDS_TARGET:  # a target, or several actors acting together ("X and Y signed")
        return bool(slots.actor) and (bool(slots.recipient) or len({m.actor.code for m in slots.actor}) > 1)
    return bool(slots.actor)


def build_event(doc: Doc, sentence: Sentence, tm: TriggerMatch, slots: Slots, cl: Clause,
                governor_mode: str | None) -> Event:
    """An Event from a trigger, its slots and its clause."""
    entry = tm.entry
    aux = aux_of(doc.sc, tm, cl.left, cl.right, cl.say)
    event, mode = entry.event, entry.mode or governor_mode
    deferred = aux == "future" and event == MEET_OBJECT
    if deferred:
        event, mode = FUTURE_CONSULT_AS, None
    clause_text = doc.sc.text[cl.left:cl.right]
    ev = Event(
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
    ev.background = told_after(doc, tm, cl)
    if deferred:
        doc.deferred[id(ev)] = entry.mode or governor_mode
    return ev


AFTER_VERB = 1  # words between "after it had" and the trigger: its verb, when the trigger is the subject


PRONOUN_REACH = 1  # words between "that he" and the verb it is the subject of ("that he had warned")


def cue_just_before(doc: Doc, kind: str, lo: int, tm: TriggerMatch, reach: int) -> bool:
    """A cue of ``kind`` starting at or after ``lo`` and ending at most ``reach`` words before the trigger, in
    the same phrase (no punctuation between)."""
    text = doc.sc.text
    return any(h.end <= tm.word_start and words_between(text, h.end, tm.word_start) <= reach
               and not any(c in PUNCT for c in text[h.end:tm.word_start])
               for h in doc.sc.within(kind, lo, tm.word_start))


def pronoun_subject(doc: Doc, tm: TriggerMatch, cl: Clause) -> bool:
    """"Said X that he warned Y": a complementizer carrying the subject pronoun just before the verb makes the
    sayer its subject (and the group after the verb its object)."""
    return cl.say is not None and cue_just_before(doc, "pronoun_comp", cl.say, tm, PRONOUN_REACH)


def told_after(doc: Doc, tm: TriggerMatch, cl: Clause) -> bool:
    """A background cue ("after it had [ended]") just before the trigger: told as another event's background."""
    return cue_just_before(doc, "background", cl.left, tm, AFTER_VERB)


@dataclass(slots=True)
class Sent:
    """One sentence being coded: its folded span, groups, clause barriers, triggers and their relations."""

    sentence: Sentence
    span: tuple[int, int]
    groups: list[Group]
    bars: Barriers
    triggers: list[TriggerMatch]
    gov: dict[int, TriggerMatch]
    taken: dict[int, TriggerMatch]
    prev: Slots | None = None
    prev_left: int = -1


def partner_of_meeting(g: Group, tm: TriggerMatch, triggers: list[TriggerMatch]) -> bool:
    """"X, in the meeting with Y, stressed the need for ...": Y is the meeting's partner, not the target of the
    other trigger after it."""
    return g.role == "with" and g.end <= tm.start and any(
        t is not tm and t.entry.event in SYMMETRIC and t.end <= g.start for t in triggers)


def frame_of(doc: Doc, tm: TriggerMatch, cl: Clause) -> str:
    """The trigger's argument frame: its own, "receive" for a call received, else by type."""
    if tm.entry.mode == "phone" and received(doc, tm, cl):
        return "receive"
    return tm.entry.frame or DEFAULT_FRAMES.get(tm.entry.event) or (
        "symmetric" if tm.entry.event in SYMMETRIC else "default")


def skipped(doc: Doc, st: Sent, tm: TriggerMatch, cl: Clause, frame: str) -> bool:
    """Triggers that state no event here: an offer word with nothing offered, an unannounced ceasefire,
    habitual or purposive conduct, a reference back to a told event."""
    return (
        (frame == "readiness" and not ready(doc, tm, cl, st.triggers))
        or (frame == "announced" and not announced(doc, tm, cl))
        or no_event(doc, tm, cl)
        or opinion_shared(doc, tm, cl)
        or anaphoric(doc, tm)
    )


def slots_of(doc: Doc, st: Sent, tm: TriggerMatch, cl: Clause, frame: str) -> tuple[Slots, list[Mention] | None]:
    """Actor and recipient of a trigger (with fallbacks), and the "both sides" it refers to, if any."""
    if frame == "speaker":  # "we will not accept X"; "X is unacceptable": the thing judged may come first
        subject = sayer_of(doc, st.groups, st.bars, st.span, cl)
        before = [g for g in cl.groups if g.role is None and g.end <= tm.start and g is not subject]
        obj = first_after(cl.groups, tm.end) or (before[-1] if before else None)
    else:
        said = sayer_of(doc, st.groups, st.bars, st.span, cl) if pronoun_subject(doc, tm, cl) else None
        subject = said or subject_of(doc, tm, cl, st.triggers)
        obj = pick_object(cl.groups, subject, tm.end, "VSO" if frame == "svo" else doc.sc.cues.order)
    to_ok = tm.entry.mode == "visit" or tm.entry.event == "AGREE"
    on_ok = tm.entry.event in ON_TARGET
    near = near_groups(doc, tm, cl, frame)
    slots = frame_slots(frame, subject, obj, near, (tm.start, tm.end), to_ok, on_ok)
    if frame in ("symmetric", "readiness") and doc.sc.cues.order == "SOV":
        if subject is None:  # a headline "meeting of the speakers of X and Y": the genitive a few words on
            subject = nearby_genitive(doc, tm, cl)
            slots = frame_slots(frame, subject, obj, cl.groups, (tm.start, tm.end), to_ok, on_ok)
        slots = Slots(slots.actor, slots.recipient + genitive_partner(doc, tm, cl, subject), slots.fallback)
    both = both_sides(doc, cl, st.sentence.story, subject, st.groups, tm)
    if (subject is None or both) and frame not in ("passive", "receive", "host"):
        same_clause = st.prev if st.prev is not None and st.prev_left == cl.left else None
        if both:  # "both sides" are the participants: a place named in the clause is not a third one
            located = {id(fm.mention) for g in cl.groups if g.role == "in" for fm in g.members}
            slots = Slots(slots.actor, [m for m in slots.recipient if id(m) not in located], slots.fallback)
        slots = fill_subject(doc, st.groups, st.bars, st.span, cl, slots, st.prev, both, same_clause)
        if not slots.actor and frame not in ("passive", "receive", "host"):
            slots = Slots(carried_subject(doc, st), slots.recipient, True)
        if (not both and st.prev is not None and not slots.recipient and tm.entry.event in SYMMETRIC
                and slots.actor == st.prev.actor):  # "X talked with Y and promised": to the same Y
            slots = Slots(slots.actor, list(st.prev.recipient), slots.fallback)
    return dedupe_slots(slots), both


CARRY_REACH = 6  # words from the start of the previous sentence to the subject it carries over


def carried_subject(doc: Doc, st: Sent) -> list[Mention]:
    """A sentence opening with a bare verb of saying ("And he added that ...") continues the previous
    sentence's speaker: its opening person or title, when one opens it."""
    first_word = doc.sc.text.find(" ", st.span[0])
    if not doc.sc.within("say", st.span[0], max(first_word, st.span[0]) + 1):
        return []
    story = doc.analysis.stories[st.sentence.story] if st.sentence.story < len(doc.analysis.stories) else None
    prev = next((s for s in story.sentences if s.index == st.sentence.index - 1), None) if story else None
    if prev is None:
        return []
    raw = doc.analysis.doc.text
    for m in doc.every:
        if prev.start <= m.start < prev.end and m.kind in ("person", "title"):
            return [m] if len(raw[prev.start:m.start].split()) <= CARRY_REACH else []
    return []


FAR_PP = 6  # words after a one-sided trigger beyond which a marked group belongs to an embedded phrase
PP_ROLES = frozenset({"with", "from", "against", "to", "on"})


def near_groups(doc: Doc, tm: TriggerMatch, cl: Clause, frame: str) -> list[Group]:
    """The clause's groups, less the prepositional ones far after a one-sided trigger: "rejected the demands
    of its members to delay presenting the deal with Iran" does not reject Iran."""
    if tm.entry.mode == "visit":  # "Tillerson's visit to the Gulf in July yielded a US-Qatari deal"
        return [g for g in cl.groups if not (g.start >= tm.end and words_outside(doc, tm.word_end, g.start) > FAR_PP)]
    if tm.entry.event in SYMMETRIC or frame not in ("default", "request", "svo"):
        return cl.groups
    end = tm.tail.end if tm.tail is not None else tm.word_end  # a gapped phrase ends with its tail
    return [g for g in cl.groups if not (g.role in PP_ROLES and g.start >= end
                                         and words_outside(doc, end, g.start) > FAR_PP)]


GENITIVE_REACH = 3  # words between a meeting noun and its genitive ("meeting of the speakers of" X and Y)


def nearby_genitive(doc: Doc, tm: TriggerMatch, cl: Clause) -> Group | None:
    """The first unmarked group shortly after a meeting noun, in the same phrase (no punctuation between)."""
    for g in cl.groups:
        if g.role is None and g.start >= tm.end:
            near = words_outside(doc, tm.word_end, g.start) <= GENITIVE_REACH
            return g if near and not any(c in PUNCT for c in doc.sc.text[tm.end:g.start]) else None
    return None


def genitive_partner(doc: Doc, tm: TriggerMatch, cl: Clause, subject: Group | None) -> list[Mention]:
    """Verb-final languages: "X in the meeting [today] of Y": the genitive right after a meeting noun is the other
    participant when the subject stands before it (and the subject when it is the genitive)."""
    before = [g for g in cl.groups if g.role is None and g.end <= tm.start]
    after = [g for g in cl.groups if g.role is None and g.start >= tm.end]
    if not (before and after) or words_outside(doc, tm.word_end, after[0].start) != 0:
        return []
    other = before[0] if subject is after[0] else after[0]
    return [] if other is subject else [fm.mention for fm in other.members]


def mode_of(doc: Doc, st: Sent, tm: TriggerMatch, cl: Clause) -> str | None:
    """A mode beyond the entry's: from what is asked or refused, a governed meeting, or an absorbed trigger."""
    governed_here = [st.triggers[j] for j, g in st.gov.items() if g is tm]
    meet = tm.entry.event in ("REQUEST", "REJECT") and any(t.entry.event == MEET_OBJECT for t in governed_here)
    absorbed_modes = [st.triggers[j].entry.mode for j, g in st.taken.items() if g is tm and st.triggers[j].entry.mode]
    return object_mode(doc, tm, cl) or ("meet" if meet else None) or next(iter(absorbed_modes), None)


def code_sentence(doc: Doc, sentence: Sentence, sent: tuple[int, int], triggers: list[TriggerMatch]) -> list[Event]:
    """Events stated by one sentence's triggers (``sent``: its folded span)."""
    if doc.sc.within("sports", *sent):
        return []  # a match, a transfer, a team's visit: no political event
    lo, hi = bisect_left(doc.mention_starts, sent[0]), bisect_left(doc.mention_starts, sent[1])
    groups = build_groups(doc.sc, [fm for fm in doc.mentions[lo:hi] if fm.end <= sent[1]])
    bars = barriers(doc.sc, *sent)
    st = Sent(sentence, sent, groups, bars, triggers, governed(doc, triggers, bars), absorbed(doc, triggers))
    out: list[Event] = []
    for i, tm in enumerate(triggers):
        if i in st.gov or i in st.taken:
            continue
        cl = make_clause(doc, groups, bars, sent, tm)
        frame = frame_of(doc, tm, cl)
        if frame not in ("symmetric", "readiness", "mediator"):
            cl.groups = [g for g in cl.groups if not partner_of_meeting(g, tm, triggers)]
        if skipped(doc, st, tm, cl, frame):
            continue
        slots, both = slots_of(doc, st, tm, cl, frame)
        slots = without_press(tm.entry.event, slots)
        slots = refused_party(doc, st, tm, cl, slots)
        slots = civil_protesters(tm.entry.event, slots)
        if not enough(tm.entry.event, slots, doc.require_actors):
            if slots.actor:  # its subject still governs the coordinated verbs after it
                st.prev, st.prev_left = slots, cl.left
            continue
        mode = mode_of(doc, st, tm, cl)
        for part in split_calls(tm, slots):
            out.append(emit(doc, sentence, tm, part, cl, mode, frame, both))
        st.prev, st.prev_left = slots, cl.left
    return out


FORCE_SECTORS = frozenset({"COP", "MIL", "SPY"})


def civil_protesters(event: str, slots: Slots) -> Slots:
    """Police, soldiers and spies do not protest: near a protest word they are the ones dispersing it."""
    if event != "PROTEST":
        return slots
    return Slots([m for m in slots.actor if m.actor.sector not in FORCE_SECTORS], slots.recipient, slots.fallback)


REFUSED_REACH = 2  # words from a refused action to the party it concerns ("lifting the sanctions on" X)


def refused_party(doc: Doc, st: Sent, tm: TriggerMatch, cl: Clause, slots: Slots) -> Slots:
    """A refusal with no target refuses what concerns the party named in its object ("opposed lifting the
    sanctions on Iran"): the first group inside the refused action's phrase."""
    if tm.entry.event != "REJECT" or slots.recipient or not slots.actor:
        return slots
    taken = {id(m) for m in slots.actor}
    for t in (st.triggers[j] for j, g in st.gov.items() if g is tm):
        lo, hi = (t.end, tm.start) if t.end <= tm.start else (t.end, cl.right)
        for g in cl.groups:
            if (lo <= g.start and g.end <= hi and words_outside(doc, t.word_end, g.start) <= REFUSED_REACH
                    and not any(id(fm.mention) in taken for fm in g.members)):
                return Slots(slots.actor, [fm.mention for fm in g.members], slots.fallback)
    return slots


def emit(doc: Doc, sentence: Sentence, tm: TriggerMatch, slots: Slots, cl: Clause, mode: str | None, frame: str,
         both: list[Mention] | None) -> Event:
    """Build the event and note what later statements and dedupe need (main event, mediation, restatement)."""
    ev = build_event(doc, sentence, tm, slots, cl, mode)
    if both:
        doc.restated.add(id(ev))
    if frame == "mediator" and slots.recipient:
        doc.parties[id(ev)] = frozenset(m.actor.code for m in slots.recipient)
    if ev.event in SYMMETRIC and len({m.actor.code for m in slots.actor + slots.recipient}) > 1:
        doc.main.setdefault(sentence.story, slots.actor + slots.recipient)
    return ev


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
    tails = [(t.tail.start, t.tail.end) for t in triggers if t.tail is not None]
    assign_roles(sc, fms, [(t.start, t.end) for t in triggers] + tails + [(fm.start, fm.end) for fm in fms])
    blank = [(folded.folded_offset(d.start), folded.folded_offset(d.end)) for d in within(dates, sentences)]
    doc = Doc(analysis, folded, sc, fms, require_actors, blank, {}, {}, set(), {}, triggers, mentions,
              [fm.start for fm in fms])
    events: list[Event] = []
    for sentence, span in zip(sentences, spans, strict=True):
        events.extend(code_sentence(doc, sentence, span, by_sentence[(sentence.story, sentence.index)]))
    days = sentence_days(analysis, dates)
    lead = lead_sentences(analysis)
    for ev in events:
        held_today(doc, ev, days.get((ev.story, ev.sentence)))
    events = [ev for ev in events if not announced_in_headline(analysis, ev, events)]
    return dedupe(
        events,
        day_of=lambda ev: None if ev.aux == "future" else ev.date or days.get((ev.story, ev.sentence)),
        lead=lambda ev: (ev.story, ev.sentence) in lead or id(ev) in doc.restated,
        parties=lambda ev: doc.parties.get(id(ev)),
    )


def announced_in_headline(analysis: Analysis, ev: Event, events: list[Event]) -> bool:
    """A headline naming talks ("Putin-Ban talks on Ukraine") whose story only tells them as to come: the
    headline is the future meeting, not a meeting held."""
    story = analysis.stories[ev.story] if ev.story < len(analysis.stories) else None
    if ev.event != MEET_OBJECT or ev.aux is not None or story is None or not story.sentences:
        return False
    if ev.sentence != story.sentences[0].index:
        return False
    parts = frozenset(m.actor.code for m in ev.actor + ev.recipient)
    same = [o for o in events if o is not ev and o.story == ev.story
            and frozenset(m.actor.code for m in o.actor + o.recipient) >= parts]
    held = any(o.event == MEET_OBJECT and o.aux is None for o in same)
    return not held and any(o.event == FUTURE_CONSULT_AS and o.aux == "future" for o in same)


def held_today(doc: Doc, ev: Event, day: date | None) -> None:
    """A meeting told in the future tense but set for the day of publication ("will receive today") is
    CONSULT on that day (GUIDELINES), not a future AGREE."""
    pub = doc.analysis.stories[ev.story].pub_date if ev.story < len(doc.analysis.stories) else None
    pub = pub or doc.analysis.pub_date
    if id(ev) in doc.deferred and day is not None and day == pub:
        ev.event, ev.aux, ev.mode = MEET_OBJECT, None, doc.deferred[id(ev)]


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
