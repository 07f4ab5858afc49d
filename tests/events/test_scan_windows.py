"""Windowed look-ups of the cue scan (bisect over starts/ends) agree with plain filters over every hit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.events.cues import Cue, load_cues
from khabar.events.modality import after_reach, cue_modes
from khabar.events.scan import Scan, resolve, words_between
from khabar.events.triggers import TriggerMatch
from khabar.text.lexicon import Hit

TEXT = st.text(alphabet="ab \n", min_size=60, max_size=60)
PAYLOADS = st.sampled_from([("negation", "before"), ("future", "before"), ("hypothetical", "before"),
                            ("negation", "after"), ("hypothetical", "after")])


def hit(start: int, length: int, payload: Cue) -> Hit[Cue]:
    """A cue hit whose word is its key."""
    return Hit(start, start + length, start, start + length, "k", payload)


HITS = st.lists(st.builds(hit, st.integers(0, 50), st.integers(1, 6), PAYLOADS), max_size=25)


def scan_of(text: str, hits: list[Hit[Cue]]) -> Scan:
    """A scan holding the resolved hits as kind "modality"."""
    return Scan(text, load_cues("fa"), {"modality": resolve(hits)})


@given(HITS)
@settings(deadline=None)
def test_resolved_hits_ascend_by_start_and_end(hits: list[Hit[Cue]]) -> None:
    out = resolve(hits)
    assert [h.start for h in out] == sorted(h.start for h in out)
    assert [h.end for h in out] == sorted(h.end for h in out)


@given(TEXT, HITS, st.integers(0, 60), st.integers(0, 60))
@settings(deadline=None)
def test_window_lookups_match_filters(text: str, hits: list[Hit[Cue]], lo: int, hi: int) -> None:
    sc = scan_of(text, hits)
    every = sc.kind("modality")
    assert sc.within("modality", lo, hi) == [h for h in every if lo <= h.start < hi]
    assert sc.ending_in("modality", lo, hi) == any(lo <= h.end <= hi for h in every)
    assert sc.right_before("modality", hi) == any(h.end <= hi and not text[h.end:hi].strip() for h in every)
    assert sc.within("absent", lo, hi) == [] and not sc.right_before("absent", hi)


@dataclass
class Entry:
    """What cue_modes reads of a trigger's entry."""

    event: str


@dataclass
class Trigger:
    """What cue_modes reads of a trigger match."""

    start: int
    end: int
    entry: Entry


def reference_modes(sc: Scan, tm: Trigger, left: int, right: int) -> set[str]:
    """The cue loop of cue_modes over every hit, stopping at the first one past the clause."""
    found: set[str] = set()
    window = sc.cues.cue_window
    reach = after_reach(sc, cast(TriggerMatch, tm))
    for h in sc.kind("modality"):
        if h.end > right:
            break
        mod, place = h.payload
        if place == "before" and left <= h.start and h.end <= tm.start:
            if words_between(sc.text, h.end, tm.start) <= (window if mod != "hypothetical" else 2 * window):
                found.add(mod)
        elif place == "after" and h.start >= tm.end and words_between(sc.text, tm.end, h.start) <= (
                2 if mod == "negation" else reach):
            found.add(mod)
    return found


@given(TEXT, HITS, st.integers(0, 60), st.integers(1, 6), st.integers(0, 60), st.integers(0, 60),
       st.sampled_from(["CONSULT", "REQUEST"]))
@settings(deadline=None, max_examples=300)
def test_cue_modes_match_a_scan_of_every_hit(text: str, hits: list[Hit[Cue]], start: int, length: int,
                                             left: int, right: int, event: str) -> None:
    sc = scan_of(text, hits)
    tm = Trigger(start, start + length, Entry(event))
    # the letters a and b are no Persian proclitic, so only the cue hits decide
    assert cue_modes(sc, cast(TriggerMatch, tm), left, right) == reference_modes(sc, tm, left, right)
