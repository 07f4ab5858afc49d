"""One scan of a document for the event stage: cue hits, mentions and clauses in folded text.

Everything here is in folded coordinates (``Analysis.folded()``); raw offsets are only
produced when an ``Event`` is built.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field

from khabar.events.cues import Cue, Cues
from khabar.model import Mention
from khabar.text.lexicon import Hit
from khabar.text.normalize import Folded, is_word_char

ARABIC_COMMA = "\u060c"
ARABIC_SEMICOLON = "\u061b"
ARABIC_QUESTION_MARK = "\u061f"
NON_WORDS = " \n\t\"'\u00ab\u00bb\u201c\u201d()[]-.,:;!?" + ARABIC_COMMA + ARABIC_SEMICOLON + ARABIC_QUESTION_MARK
SAY_REACH = 20  # words from a verb of saying to its complementizer


@dataclass(slots=True)
class FMention:
    """A mention in folded coordinates, with the role its marker gives it."""

    mention: Mention
    start: int
    end: int
    role: str | None = None


@dataclass(slots=True)
class Group:
    """Mentions coordinated or in apposition ("X and Y", "the president, Putin"): one argument slot."""

    members: list[FMention]
    role: str | None = None

    @property
    def start(self) -> int:
        """Folded start of the first member."""
        return self.members[0].start

    @property
    def end(self) -> int:
        """Folded end of the last member."""
        return self.members[-1].end


@dataclass(slots=True)
class Scan:
    """Cue hits of a document by kind, in folded coordinates.

    The hits of one kind do not overlap unless they share a span (``resolve``), so they are in
    order of start and of end at once; ``starts``/``ends`` index them for windowed look-ups.
    """

    text: str
    cues: Cues
    by_kind: dict[str, list[Hit[Cue]]] = field(default_factory=dict)
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    _ends: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def kind(self, kind: str) -> list[Hit[Cue]]:
        """Hits of one kind (longest first resolved), in text order."""
        return self.by_kind.get(kind, [])

    def starts(self, kind: str) -> list[int]:
        """Start offsets of the hits of one kind, ascending (cached)."""
        out = self._starts.get(kind)
        if out is None:
            out = self._starts[kind] = [h.start for h in self.kind(kind)]
        return out

    def ends(self, kind: str) -> list[int]:
        """End offsets of the hits of one kind, ascending (cached)."""
        out = self._ends.get(kind)
        if out is None:
            out = self._ends[kind] = [h.end for h in self.kind(kind)]
        return out

    def within(self, kind: str, lo: int, hi: int) -> list[Hit[Cue]]:
        """Hits of one kind starting in ``[lo, hi)``, in text order."""
        starts = self.starts(kind)
        return self.kind(kind)[bisect_left(starts, lo):bisect_left(starts, hi)]

    def ending_in(self, kind: str, lo: int, hi: int) -> bool:
        """Whether a hit of one kind ends in ``[lo, hi]``."""
        ends = self.ends(kind)
        i = bisect_left(ends, lo)
        return i < len(ends) and ends[i] <= hi

    def right_before(self, kind: str, pos: int) -> bool:
        """Whether a hit of one kind ends at ``pos`` or only white space lies between it and ``pos``."""
        lo = pos
        while lo > 0 and self.text[lo - 1].isspace():
            lo -= 1
        return self.ending_in(kind, lo, pos)


def scan(text: str, cues: Cues, spans: list[tuple[int, int]] | None = None) -> Scan:
    """Find every cue once (only inside ``spans`` when given); resolve overlaps within each kind."""
    raw: dict[str, list[Hit[Cue]]] = {}
    for s0, s1 in spans if spans is not None else [(0, len(text))]:
        for hit in cues.lexicon.iter_hits(text[s0:s1]):
            kind = hit.payload[0]
            if s0:
                hit = Hit(hit.start + s0, hit.end + s0, hit.word_start + s0, hit.word_end + s0, hit.key, hit.payload)
            raw.setdefault("modality" if kind in ("negation", "future", "hypothetical") else kind, []).append(hit)
    return Scan(text, cues, {k: resolve(v) for k, v in raw.items()})


def resolve(hits: list[Hit[Cue]]) -> list[Hit[Cue]]:
    """Longest hits first, dropping those overlapping a kept one; result in text order."""
    kept: list[tuple[int, int]] = []
    out: list[Hit[Cue]] = []
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        i = bisect_left(kept, (h.start, h.start))
        clash = (i > 0 and kept[i - 1][1] > h.start) or (i < len(kept) and kept[i][0] < h.end)
        if clash and not (i < len(kept) and kept[i] == (h.start, h.end)):
            continue
        insort(kept, (h.start, h.end))
        out.append(h)
    out.sort(key=lambda h: h.start)
    return out


WORD = re.compile(r"\w+")


def words_between(text: str, start: int, end: int) -> int:
    """How many words lie in ``text[start:end]``."""
    if end <= start:
        return 0
    return len(WORD.findall(text, start, end))


def word_start(text: str, pos: int) -> int:
    """Start of the word containing ``pos`` (proclitics glued before it included)."""
    while pos > 0 and is_word_char(text[pos - 1]):
        pos -= 1
    return pos


def fold_mentions(folded: Folded, mentions: list[Mention]) -> list[FMention]:
    """Mentions mapped to folded coordinates, in text order."""
    out = [FMention(m, folded.folded_offset(m.start), folded.folded_offset(m.end)) for m in mentions]
    out.sort(key=lambda fm: (fm.start, -fm.end))
    kept: list[FMention] = []
    for fm in out:
        if fm.end <= fm.start:
            continue
        same_span = kept and (fm.start, fm.end) == (kept[-1].start, kept[-1].end)
        if kept and fm.start < kept[-1].end and not same_span:  # nested or overlapping: keep the outer one
            continue  # (one span coded as several states, "P5+1", keeps them all)
        kept.append(fm)
    return kept


def barriers(sc: Scan, start: int, end: int) -> list[tuple[int, int | None]]:
    """Clause barriers of a sentence: (folded position, start of the saying clause or None)."""
    text = sc.text
    out: list[tuple[int, int | None]] = [(h.end, None) for h in sc.within("break", start, end)]
    comps = sc.within("comp", start, end)
    for say in sc.within("say", start, end):
        comp = next((c for c in comps if c.start >= say.end - 1 and words_between(text, say.end, c.start) <= SAY_REACH),
                    None)
        if comp is not None:
            out.append((comp.end, say.start))
        elif sc.cues.order == "SOV" and words_between(text, say.end, end) > 1:
            out.append((say.end, say.start))  # verb-final: "X added Y ..." reports what follows
    out.sort(key=lambda b: b[0])
    return out


Barriers = list[tuple[int, int | None]]


def clause(bars: Barriers, start: int, end: int, t_start: int, t_end: int) -> tuple[int, int, int | None]:
    """The clause ``[left, right)`` of a trigger and, when it is reported speech, where its sayer starts."""
    left, right, say = start, end, None
    for pos, say_at in bars:
        if pos <= t_start and pos >= left:
            left, say = pos, say_at
        elif pos >= t_end and pos < right:
            right = pos
    return left, right, say


# A short quoted span between two mentions is an unknown name in apposition ("X and «Name», the minister of Y").
QUOTED_NAME = re.compile(r'«[^«»\n]{1,60}»|"[^"\n]{1,60}"')


def coordination(text: str, start: int, end: int, coordinators: frozenset[str]) -> str | None:
    """How ``text[start:end]`` joins two mentions: "word" (a coordinator such as "and"), "punct"
    (only spaces and punctuation), or None (other words)."""
    found = "punct"
    for tok in QUOTED_NAME.sub(" ", text[start:end]).split():
        bare = tok.strip(NON_WORDS)
        if bare and bare not in coordinators:
            return None
        if bare or any(c in coordinators for c in tok):
            found = "word" if bare else found
    return found


def hits_in(hits: list[Hit[Cue]], start: int, end: int) -> list[Hit[Cue]]:
    """Hits lying inside ``[start, end)``."""
    return [h for h in hits if start <= h.start and h.end <= end]
