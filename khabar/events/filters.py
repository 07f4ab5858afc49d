"""Decisions on a trigger before its arguments: is it governed, absorbed, a reference, habitual, an offer?"""

from __future__ import annotations

from khabar.events.scan import Barriers, words_between
from khabar.events.state import Clause, Doc
from khabar.events.triggers import TriggerMatch

# A trigger right after one of these types is what is offered, asked, refused or discussed,
# not an event of its own ("ready to negotiate", "called for a ceasefire", "discussed the truce").
MATERIAL = frozenset({"RETREAT", "AID", "COOPERATE", "SANCTION", "ASSAULT", "COERCE", "MOBILIZE", "CONCEDE"})
GOVERNS: dict[str, frozenset[str] | None] = {
    "AGREE": None, "REQUEST": None, "REJECT": None, "THREATEN": None, "CONSULT": MATERIAL,
}
WIDE_GOVERNORS = frozenset({"REQUEST", "REJECT"})
FIRST_TELLING = "CONSULT"  # the type whose "after the <meeting>" may be its first telling
# Occurrences that a relative clause right before the trigger tells as background ("the leader who was
# assassinated", "the sit-in that X staged"); statements and meetings in relative clauses are often new.
BACKGROUND_IN_RELATIVE = frozenset({"ASSAULT", "PROTEST"})
SOV_WIDE_REACH = 3  # verb-final: "opposed [the lifting of Iran's sanctions]": words from the object to a wide governor
ABSORB_REACH = 2  # words between two same-type triggers that state one event
HABITUAL_REACH = 12  # words between a purpose/counterfactual cue and the trigger


def governed(doc: Doc, triggers: list[TriggerMatch], bars: Barriers) -> dict[int, TriggerMatch]:
    """Triggers that are the object of an offer/request/refusal/threat: index -> their governor.

    A request or refusal governs the rest of its clause ("the necessity of stopping X and of
    lifting the ban on talks"); other governors the next few words, and a meeting never
    across a "that" (what follows is what someone says, not what was discussed).
    """
    text, reach = doc.sc.text, doc.sc.cues.readiness_window
    out: dict[int, TriggerMatch] = {}
    for i, t in enumerate(triggers):
        for g in triggers:
            scope = GOVERNS.get(g.entry.event, frozenset())
            if g is t or g.entry.event == t.entry.event or (scope is not None and t.entry.event not in scope):
                continue
            near = words_between(text, g.end, t.start) <= reach and not (
                scope is not None and doc.sc.within("comp", g.end, t.start))  # "talks, that meanwhile X fired"
            clause_wide = g.entry.event in WIDE_GOVERNORS and not any(g.end < p <= t.start for p, _ in bars)
            after = g.end <= t.start and (near or clause_wide)
            reach_before = SOV_WIDE_REACH if g.entry.event in WIDE_GOVERNORS else 1
            before = (doc.sc.cues.order == "SOV" and t.end <= g.start
                      and words_between(text, t.end, g.start) <= reach_before
                      and not coordinated(doc, t.end, g.start))
            if after or before:
                out[i] = g
                break
    return out


def coordinated(doc: Doc, start: int, end: int) -> bool:
    """Verb-final: "called and promised": only a coordinator between two verbs makes them two events."""
    words = doc.sc.text[start:end].split()
    return bool(words) and all(w in doc.sc.cues.coordinators for w in words)


def ready(doc: Doc, tm: TriggerMatch, cl: Clause, triggers: list[TriggerMatch]) -> bool:
    """A readiness word is an offer only when a meeting/cooperation word follows it closely."""
    text, reach = doc.sc.text, doc.sc.cues.readiness_window
    objects = [h.start for h in doc.sc.within("ready", tm.end, cl.right)] + [t.start for t in triggers if t is not tm]
    return any(tm.end <= s < cl.right and words_between(text, tm.end, s) <= reach for s in objects)


def no_event(doc: Doc, tm: TriggerMatch, cl: Clause) -> bool:
    """A cue of repeated conduct ("repeatedly praised"), of a reference ("in reference to") or of an
    alternative not taken ("instead of ceding") near the trigger in its clause: no single occurrence is stated."""
    text, sc = doc.sc.text, doc.sc
    repeated = sc.within("habitual", cl.left, tm.start) + sc.within("reference", cl.left, tm.start)
    if any(h.end <= tm.start for h in repeated):
        return True
    before = sc.within("counterfactual", cl.left, tm.start) + sc.within("purpose", cl.left, tm.start)
    if any(h.end <= tm.start and words_between(text, h.end, tm.start) <= HABITUAL_REACH for h in before):
        return True
    return any(words_between(text, tm.end, h.start) <= 2 for h in sc.within("habitual", tm.end, cl.right))


OPINION_REACH = 8  # words from "agreed" to the "that" of an opinion shared


def opinion_shared(doc: Doc, tm: TriggerMatch, cl: Clause) -> bool:
    """"Agreed with X that the programme is a threat": an opinion, not an agreement to act. Where nouns take
    an article, "that" + a definite noun is a statement; "that" + a verb ("agreed to meet") is an agreement."""
    arts = doc.sc.cues.articles
    if tm.entry.event != "AGREE" or not arts:
        return False
    text = doc.sc.text
    for h in doc.sc.within("comp", tm.end, cl.right):
        if words_between(text, tm.end, h.start) <= OPINION_REACH:
            nxt = text[h.end:cl.right].split()
            return bool(nxt) and any(nxt[0].startswith(a) and len(nxt[0]) > len(a) + 2 for a in arts)
    return False


def announced(doc: Doc, tm: TriggerMatch, cl: Clause) -> bool:
    """A ceasefire is an event when announced or ordered near it ("announced ... a ceasefire"), not when named."""
    text, reach, sc = doc.sc.text, doc.sc.cues.readiness_window, doc.sc
    return any(h.end <= tm.word_start and words_between(text, h.end, tm.word_start) <= reach
               for h in sc.within("announce", cl.left, tm.word_start)) or any(
        words_between(text, tm.end, h.start) <= reach for h in sc.within("announce", tm.end, cl.right))


def anaphoric(doc: Doc, tm: TriggerMatch) -> bool:
    """A demonstrative right before the trigger ("this meeting", "after the call"): a reference to an event
    already told; a meeting or call is one only when the story told one of that mode before (else it is
    the first telling: "said after a phone call with X")."""
    kinds = ("anaphora", "relative") if tm.entry.event in BACKGROUND_IN_RELATIVE else ("anaphora",)
    cued = any(doc.sc.right_before(k, tm.word_start) for k in kinds)
    if not cued or tm.entry.event != FIRST_TELLING:
        return cued  # "after the lifting of sanctions": a condition or a reference, never a new event
    return any(t.story == tm.story and t.start < tm.start and t.entry.event == tm.entry.event
               and (tm.entry.mode is None or t.entry.mode == tm.entry.mode) for t in doc.triggers)


def object_mode(doc: Doc, tm: TriggerMatch, cl: Clause) -> str | None:
    """The mode a request or refusal takes from what it asks or refuses (surrender: yield; talks: meet)."""
    if tm.entry.event not in ("REQUEST", "REJECT") or tm.entry.mode:
        return None
    text, reach = doc.sc.text, doc.sc.cues.readiness_window
    for h in doc.sc.within("mode", tm.end, cl.right):
        if words_between(text, tm.end, h.start) <= reach:
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


def received(doc: Doc, tm: TriggerMatch, cl: Clause) -> bool:
    """A verb of receiving near a call in its clause ("received a call from Y")."""
    text, reach, sc = doc.sc.text, doc.sc.cues.readiness_window, doc.sc
    return any(h.end <= tm.start and words_between(text, h.end, tm.start) <= reach
               for h in sc.within("receive", cl.left, tm.start)) or any(
        words_between(text, tm.end, h.start) <= reach for h in sc.within("receive", tm.end, cl.right))
