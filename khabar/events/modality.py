"""Auxiliary modes of an event: negation, hypothetical, future (PLOVER ``aux``).

Cues come from ``events.yaml``: words shortly before the trigger in its clause,
words right after it (Persian "did not", "will do"), or a proclitic glued to it
(Arabic future sa-, Persian negation na-). A phrase may carry its own aux.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from khabar.events.scan import Scan, word_start, words_between
from khabar.events.triggers import TriggerMatch
from khabar.model import Aux

PRIORITY: tuple[Aux, ...] = ("negation", "hypothetical", "future")
AFTER_REACH = 2  # words between a trigger and an "after" cue
VERB_FINAL_REACH = 4  # cue windows between a verb-final trigger and its clause-final auxiliary
COMPLEMENT_TAKERS = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})  # "asked/promised/refused/threatened to V"


def glued(sc: Scan, tm: TriggerMatch) -> str:
    """What is glued before the trigger key inside its word (proclitics)."""
    return sc.text[word_start(sc.text, tm.start):tm.start]


def after_reach(sc: Scan, tm: TriggerMatch) -> int:
    """Words an aux cue may stand after the trigger. Verb-final, the auxiliary closes the clause however long
    the object before it ("will have meetings with X and Y, the ministers of A and B"); a verb taking a
    complement ("asked them to define") is followed by the complement's own mood."""
    if tm.entry.event in COMPLEMENT_TAKERS:
        return AFTER_REACH
    return (VERB_FINAL_REACH if sc.cues.order == "SOV" else 2) * sc.cues.cue_window


def cue_modes(sc: Scan, tm: TriggerMatch, left: int, right: int) -> set[str]:
    """Modalities whose cues sit around the trigger within its clause."""
    found: set[str] = set()
    window = sc.cues.cue_window
    after = after_reach(sc, tm)
    # Hits in text order up to the first ending past ``right`` (ends ascend with starts); none starting
    # before both ``left`` and the trigger's end can be a cue.
    hits = sc.kind("modality")
    first = bisect_left(sc.starts("modality"), min(left, tm.end))
    for hit in hits[first:bisect_right(sc.ends("modality"), right)]:
        mod, place = hit.payload
        if place == "before" and left <= hit.start and hit.end <= tm.start:
            reach = window if mod != "hypothetical" else 2 * window
            if words_between(sc.text, hit.end, tm.start) <= reach:
                found.add(mod)
        elif place == "after" and hit.start >= tm.end and words_between(sc.text, tm.end, hit.start) <= (
                AFTER_REACH if mod == "negation" else after):  # a condition may follow its clause
            found.add(mod)
    prefix = glued(sc, tm)
    for mod, proclitics in sc.cues.glued_modality.items():
        if prefix and any(prefix == p or prefix.endswith(p) for p in proclitics):
            found.add(mod)
    return found


def aux_of(sc: Scan, tm: TriggerMatch, left: int, right: int, say: int | None = None) -> Aux | None:
    """The aux of the event a trigger states: its own, else the strongest cue found; a clause reported by a
    verb of denial ("denied that he had any contact with") is negated."""
    if tm.entry.aux is not None:
        return tm.entry.aux
    found = cue_modes(sc, tm, left, right)
    if say is not None and sc.within("denial", say, say + 1):
        found.add("negation")
    for mod in PRIORITY:
        if mod in found:
            return mod
    return None
